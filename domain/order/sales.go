// Package order holds carts, checkout, orders and refunds, and the live feed
// of attributed sales to vendors.
package order

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Sale is one order line as its vendor's staff see it live: the show and
// influencer it is attributed to (empty when unattributed), what was bought
// and what it earned.
type Sale struct {
	OrderID      string       `json:"orderId"`
	VendorID     string       `json:"vendorId"`
	ShowID       string       `json:"showId,omitempty"`
	InfluencerID string       `json:"influencerId,omitempty"`
	ProductID    string       `json:"productId"`
	Quantity     int          `json:"quantity"`
	Gross        kernel.Money `json:"gross"`
	Commission   kernel.Money `json:"commission"`
	At           time.Time    `json:"at"`
}

// SalesBus delivers sales to the processes where the vendor's staff watch.
type SalesBus interface {
	Publish(ctx context.Context, s *Sale) error
	Subscribe(ctx context.Context, vendorID string) (<-chan *Sale, error)
}

// Vendors is what the order service asks of the vendor context.
type Vendors interface {
	// CanManage fails unless viewer is staff of vendorID (or an admin).
	CanManage(ctx context.Context, viewer kernel.Viewer, vendorID string) error
}

// Sales is the live sales feed.
type Sales struct {
	vendors Vendors
	bus     SalesBus
}

// NewSales makes the feed over bus.
func NewSales(vendors Vendors, bus SalesBus) *Sales { return &Sales{vendors: vendors, bus: bus} }

// Subscribe streams vendorID's sales to viewer, who must be its staff or an
// admin — checked at the start and again before each sale, so staff who are
// removed stop receiving.
func (s *Sales) Subscribe(ctx context.Context, viewer kernel.Viewer, vendorID string) (<-chan *Sale, error) {
	if err := s.vendors.CanManage(ctx, viewer, vendorID); err != nil {
		return nil, fmt.Errorf("order.Sales.Subscribe: %w", err)
	}
	if s.bus == nil {
		return nil, errors.New("order.Sales.Subscribe: no sales bus")
	}
	in, err := s.bus.Subscribe(ctx, vendorID)
	if err != nil {
		return nil, fmt.Errorf("order.Sales.Subscribe: %w", err)
	}
	out := make(chan *Sale, 1)
	go func() {
		defer close(out)
		for sale := range in {
			if err := s.vendors.CanManage(ctx, viewer, vendorID); err != nil {
				return
			}
			select {
			case out <- sale:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// Publish hands a committed sale to the bus.
func (s *Sales) Publish(ctx context.Context, sale *Sale) error {
	if s == nil || s.bus == nil {
		return nil
	}
	return s.bus.Publish(ctx, sale)
}
