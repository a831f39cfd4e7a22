package order

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/show"
)

// Report groupings.
const (
	GroupShow       = "SHOW"
	GroupInfluencer = "INFLUENCER"
	GroupProduct    = "PRODUCT"
	GroupDay        = "DAY"
)

// MaxReportRange bounds a report's period.
const MaxReportRange = 366 * 24 * time.Hour

// SalesRow is one group of paid order lines: what they sold, how the money
// splits (the same split as the ledger) and what was refunded since.
type SalesRow struct {
	Key, Label  string
	Currency    string
	Orders      int
	Units       int
	Gross       int64
	Commission  int64
	PlatformFee int64
	VendorNet   int64
	Refunded    int64
}

type reportLine struct {
	OrderID          string    `bun:"order_id"`
	ProductID        string    `bun:"product_id"`
	ShowID           *string   `bun:"show_id"`
	InfluencerID     *string   `bun:"influencer_id"`
	Quantity         int       `bun:"quantity"`
	UnitPriceMinor   int64     `bun:"unit_price_minor"`
	TotalMinor       int64     `bun:"total_minor"`
	CommissionBps    int       `bun:"commission_bps"`
	PlatformFeeBps   int       `bun:"platform_fee_bps"`
	RefundedQuantity int       `bun:"refunded_quantity"`
	Currency         string    `bun:"currency"`
	PaidAt           time.Time `bun:"paid_at"`
}

func checkRange(from, to time.Time) error {
	var v kernel.Validator
	v.Check(to.After(from), kernel.CodeInvalid, kernel.Field("to"), "to must be after from")
	v.Check(to.Sub(from) <= MaxReportRange, kernel.CodeLimitExceeded, kernel.Field("to"), "a report covers at most 366 days")
	return v.Err()
}

// VendorReport sums vendorID's paid sales in [from, to) by groupBy (its
// staff and admins only).
func (s *Service) VendorReport(ctx context.Context, viewer kernel.Viewer, vendorID string, from, to time.Time, groupBy string) ([]*SalesRow, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("vendorId"), vendorID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	if err := vendorStaff(ctx, s.db, viewer, vendorID); err != nil {
		return nil, err
	}
	lines, err := s.reportLines(ctx, from, to, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("ol.vendor_id = ?", vendorID) })
	if err != nil {
		return nil, err
	}
	return s.group(ctx, lines, groupBy)
}

// Earnings sums the viewer's attributed sales as an influencer in
// [from, to), by show.
func (s *Service) Earnings(ctx context.Context, viewer kernel.Viewer, from, to time.Time) ([]*SalesRow, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	if err := checkRange(from, to); err != nil {
		return nil, err
	}
	infs, err := influencer.ByUserIDs(ctx, s.db, []string{viewer.UserID})
	if err != nil {
		return nil, fmt.Errorf("order.Earnings: %w", err)
	}
	inf := infs[viewer.UserID]
	if inf == nil {
		return []*SalesRow{}, nil
	}
	lines, err := s.reportLines(ctx, from, to, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("ol.influencer_id = ?", inf.ID) })
	if err != nil {
		return nil, err
	}
	return s.group(ctx, lines, GroupShow)
}

func (s *Service) reportLines(ctx context.Context, from, to time.Time, where func(*bun.SelectQuery) *bun.SelectQuery) ([]*reportLine, error) {
	var lines []*reportLine
	q := s.db.NewSelect().TableExpr("order_lines AS ol").Join("JOIN orders AS o ON o.id = ol.order_id").
		ColumnExpr("ol.order_id, ol.product_id, ol.show_id, ol.influencer_id, ol.quantity, ol.unit_price_minor, ol.total_minor").
		ColumnExpr("ol.commission_bps, ol.platform_fee_bps, ol.refunded_quantity, o.currency, o.paid_at").
		Where("o.status IN (?)", bun.In([]string{StatusPaid, StatusPartiallyRefunded, StatusRefunded})).
		Where("o.paid_at >= ?", from).Where("o.paid_at < ?", to)
	if err := where(q).Scan(ctx, &lines); err != nil {
		return nil, fmt.Errorf("order: report: %w", err)
	}
	return lines, nil
}

func (s *Service) group(ctx context.Context, lines []*reportLine, groupBy string) ([]*SalesRow, error) {
	keyOf := map[string]func(*reportLine) string{
		GroupShow:       func(l *reportLine) string { return deref(l.ShowID) },
		GroupInfluencer: func(l *reportLine) string { return deref(l.InfluencerID) },
		GroupProduct:    func(l *reportLine) string { return l.ProductID },
		GroupDay:        func(l *reportLine) string { return l.PaidAt.UTC().Format("2006-01-02") },
	}[groupBy]
	if keyOf == nil {
		return nil, kernel.Fail(kernel.CodeInvalid, kernel.Field("groupBy"), "unknown grouping %q", groupBy)
	}
	rows := map[[2]string]*SalesRow{}
	orders := map[[2]string]map[string]bool{}
	for _, l := range lines {
		k := [2]string{keyOf(l), l.Currency}
		r := rows[k]
		if r == nil {
			r = &SalesRow{Key: k[0], Currency: l.Currency}
			rows[k], orders[k] = r, map[string]bool{}
		}
		orders[k][l.OrderID] = true
		p := ledger.Split(l.TotalMinor, ledger.EffectiveCommission(deref(l.InfluencerID), l.CommissionBps), l.PlatformFeeBps)
		r.Units += l.Quantity
		r.Gross += l.TotalMinor
		r.Commission += p.Influencer
		r.PlatformFee += p.Platform
		r.VendorNet += p.Vendor
		r.Refunded += l.UnitPriceMinor * int64(l.RefundedQuantity)
	}
	out := make([]*SalesRow, 0, len(rows))
	var ids []string
	for k, r := range rows {
		r.Orders = len(orders[k])
		out = append(out, r)
		if r.Key != "" {
			ids = append(ids, r.Key)
		}
	}
	if err := s.label(ctx, out, ids, groupBy); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Gross != out[j].Gross {
			return out[i].Gross > out[j].Gross
		}
		return out[i].Key+out[i].Currency < out[j].Key+out[j].Currency
	})
	return out, nil
}

func (s *Service) label(ctx context.Context, rows []*SalesRow, ids []string, groupBy string) error {
	names := map[string]string{}
	switch groupBy {
	case GroupShow:
		shows, err := show.ByIDs(ctx, s.db, ids)
		if err != nil {
			return err
		}
		for id, sh := range shows {
			names[id] = sh.Title
		}
	case GroupInfluencer:
		infs, err := influencer.ByIDs(ctx, s.db, ids)
		if err != nil {
			return err
		}
		for id, in := range infs {
			names[id] = in.DisplayName
		}
	case GroupProduct:
		ps, err := catalog.ByIDs(ctx, s.db, ids)
		if err != nil {
			return err
		}
		for id, p := range ps {
			names[id] = p.Title
		}
	}
	for _, r := range rows {
		switch {
		case groupBy == GroupDay:
			r.Label = r.Key
		case r.Key == "":
			r.Label = "Not attributed"
		default:
			r.Label = names[r.Key]
		}
	}
	return nil
}
