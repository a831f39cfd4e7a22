// Package collab owns how an influencer comes to feature a vendor's product
// and on what terms: vendors' open offers, bookings, requests and their
// negotiation, the frozen commission rate, and the platform fee ceiling.
package collab

import (
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Collaboration statuses. EXPIRED is never stored: an open collaboration past
// its end reads as EXPIRED.
const (
	StatusPending   = "PENDING"
	StatusCountered = "COUNTERED"
	StatusActive    = "ACTIVE"
	StatusRejected  = "REJECTED"
	StatusCancelled = "CANCELLED"
	StatusExpired   = "EXPIRED"
)

// Offer statuses.
const (
	OfferActive    = "ACTIVE"
	OfferWithdrawn = "WITHDRAWN"
	OfferReplaced  = "REPLACED"
)

// Commission bounds in basis points (1% = 100 bps).
const (
	MinCommissionBps = 100
	MaxCommissionBps = 8000
	// FullBps is 100% of a line: commission plus platform fee may not exceed it.
	FullBps = 10000
)

// Offer is a vendor's standing invitation: any influencer may feature the
// product at this commission.
type Offer struct {
	bun.BaseModel `bun:"table:offers,alias:o"`

	ID            string     `bun:"id,pk"`
	ProductID     string     `bun:"product_id"`
	VendorID      string     `bun:"vendor_id"`
	CommissionBps int        `bun:"commission_bps"`
	StartsAt      *time.Time `bun:"starts_at"`
	EndsAt        *time.Time `bun:"ends_at"`
	Status        string     `bun:"status"`
	CreatedBy     string     `bun:"created_by"`
	CreatedAt     time.Time  `bun:"created_at"`
	ClosedAt      *time.Time `bun:"closed_at"`
}

// ActiveAt reports whether the offer can be booked at now.
func (o *Offer) ActiveAt(now time.Time) bool {
	return o.Status == OfferActive && (o.StartsAt == nil || !now.Before(*o.StartsAt)) && (o.EndsAt == nil || now.Before(*o.EndsAt))
}

// Collaboration is an agreement (or a proposal for one) that an influencer
// features a product at a frozen commission rate within a window.
type Collaboration struct {
	bun.BaseModel `bun:"table:collaborations,alias:c"`

	ID            string    `bun:"id,pk"`
	ProductID     string    `bun:"product_id"`
	VendorID      string    `bun:"vendor_id"`
	InfluencerID  string    `bun:"influencer_id"`
	OfferID       *string   `bun:"offer_id"`
	CommissionBps int       `bun:"commission_bps"`
	RequestedBps  *int      `bun:"requested_bps"`
	Status        string    `bun:"status"`
	StartsAt      time.Time `bun:"starts_at"`
	EndsAt        time.Time `bun:"ends_at"`
	Message       *string   `bun:"message"`
	RejectReason  *string   `bun:"reject_reason"`
	CreatedAt     time.Time `bun:"created_at"`
	UpdatedAt     time.Time `bun:"updated_at"`
}

// open statuses are those a collaboration can still move out of.
var open = []string{StatusPending, StatusCountered, StatusActive}

func isOpen(status string) bool {
	for _, s := range open {
		if s == status {
			return true
		}
	}
	return false
}

// StatusAt is the status as read at now: an open collaboration whose window
// has ended is EXPIRED.
func (c *Collaboration) StatusAt(now time.Time) string {
	if isOpen(c.Status) && !now.Before(c.EndsAt) {
		return StatusExpired
	}
	return c.Status
}

// CoversWindow reports whether the collaboration is ACTIVE and its window
// covers [from, to): what featuring the product in a show needs.
func (c *Collaboration) CoversWindow(now, from, to time.Time) bool {
	return c.StatusAt(now) == StatusActive && !from.Before(c.StartsAt) && !to.After(c.EndsAt)
}

// IsParty reports whether viewer is a party to c — its influencer (whose
// user is influencerUserID), staff of its vendor — or an admin: those who may
// read the negotiation (message, requested rate, rejection reason).
func IsParty(viewer kernel.Viewer, influencerUserID string, vendorStaffUserIDs []string) bool {
	if viewer.IsAdmin {
		return true
	}
	if !viewer.SignedIn() {
		return false
	}
	if viewer.UserID == influencerUserID {
		return true
	}
	for _, id := range vendorStaffUserIDs {
		if id == viewer.UserID {
			return true
		}
	}
	return false
}
