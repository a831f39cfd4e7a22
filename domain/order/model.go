package order

import (
	"time"

	"github.com/uptrace/bun"
)

// Order statuses.
const (
	StatusPendingPayment    = "PENDING_PAYMENT"
	StatusPaid              = "PAID"
	StatusPartiallyRefunded = "PARTIALLY_REFUNDED"
	StatusRefunded          = "REFUNDED"
	StatusCancelled         = "CANCELLED"
)

// Limits on input.
const (
	MaxLineQuantity   = 1000
	MaxCartLines      = 50
	MaxIdempotencyKey = 100
)

// Cart is a signed-in shopper's cart (one each).
type Cart struct {
	bun.BaseModel `bun:"table:carts,alias:ca"`

	ID        string    `bun:"id,pk"`
	UserID    string    `bun:"user_id"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`

	Lines []*CartLine `bun:"-"`
}

// CartLine is a product in a cart, optionally bought "from" a show.
type CartLine struct {
	bun.BaseModel `bun:"table:cart_lines,alias:cl"`

	ID        string    `bun:"id,pk"`
	CartID    string    `bun:"cart_id"`
	ProductID string    `bun:"product_id"`
	Quantity  int       `bun:"quantity"`
	ShowID    *string   `bun:"show_id"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`
}

// Order is one checkout: its lines are split into one VendorOrder per vendor.
type Order struct {
	bun.BaseModel `bun:"table:orders,alias:o"`

	ID             string     `bun:"id,pk"`
	Number         string     `bun:"number"`
	UserID         string     `bun:"user_id"`
	Status         string     `bun:"status"`
	Currency       string     `bun:"currency"`
	TotalMinor     int64      `bun:"total_minor"`
	IdempotencyKey string     `bun:"idempotency_key"`
	RequestHash    string     `bun:"request_hash"`
	PaymentRef     *string    `bun:"payment_ref"`
	DeclineReason  *string    `bun:"decline_reason"`
	Shipping       string     `bun:"shipping"`
	ExpiresAt      time.Time  `bun:"expires_at"`
	CreatedAt      time.Time  `bun:"created_at"`
	PaidAt         *time.Time `bun:"paid_at"`
	// ChargeBackAt: a charge taken after the reservation expired, with the
	// units sold meanwhile, was queued for refund (the order stays CANCELLED).
	ChargeBackAt *time.Time `bun:"charge_back_at"`
	// ChargeCheckedAt: when the sweep last asked the provider about the
	// order after cancelling it unpaid (see Reconcile).
	ChargeCheckedAt *time.Time `bun:"charge_checked_at"`

	// As the reservation wrote them: not read back to settle, nor to answer
	// the checkout.
	lines        []*Line
	vendorOrders []*VendorOrder
}

// VendorOrder is the part of an order one vendor fulfils.
type VendorOrder struct {
	bun.BaseModel `bun:"table:vendor_orders,alias:vo"`

	ID            string `bun:"id,pk"`
	OrderID       string `bun:"order_id"`
	VendorID      string `bun:"vendor_id"`
	SubtotalMinor int64  `bun:"subtotal_minor"`
}

// Line is an order line with everything frozen at checkout: the unit price,
// the commission rate of the collaboration it is attributed through and the
// platform fee.
type Line struct {
	bun.BaseModel `bun:"table:order_lines,alias:ol"`

	ID               string    `bun:"id,pk"`
	OrderID          string    `bun:"order_id"`
	VendorOrderID    string    `bun:"vendor_order_id"`
	VendorID         string    `bun:"vendor_id"`
	ProductID        string    `bun:"product_id"`
	Quantity         int       `bun:"quantity"`
	UnitPriceMinor   int64     `bun:"unit_price_minor"`
	TotalMinor       int64     `bun:"total_minor"`
	CommissionBps    int       `bun:"commission_bps"`
	PlatformFeeBps   int       `bun:"platform_fee_bps"`
	ShowID           *string   `bun:"show_id"`
	InfluencerID     *string   `bun:"influencer_id"`
	CollaborationID  *string   `bun:"collaboration_id"`
	FlashSaleID      *string   `bun:"flash_sale_id"`
	RefundedQuantity int       `bun:"refunded_quantity"`
	Currency         string    `bun:"currency"` // the order's, for reports
	CreatedAt        time.Time `bun:"created_at"`
}

// Refund is money given back on some lines of a paid order.
type Refund struct {
	bun.BaseModel `bun:"table:refunds,alias:rf"`

	ID          string    `bun:"id,pk"`
	OrderID     string    `bun:"order_id"`
	AmountMinor int64     `bun:"amount_minor"`
	Reason      string    `bun:"reason"`
	Restock     bool      `bun:"restock"`
	CreatedBy   string    `bun:"created_by"`
	CreatedAt   time.Time `bun:"created_at"`
}

type refundLine struct {
	bun.BaseModel `bun:"table:refund_lines"`

	RefundID    string `bun:"refund_id,pk"`
	LineID      string `bun:"line_id,pk"`
	Quantity    int    `bun:"quantity"`
	AmountMinor int64  `bun:"amount_minor"`
}

// FlashSale is a limited-time price on a featured product during a show.
type FlashSale struct {
	bun.BaseModel `bun:"table:flash_sales,alias:fs"`

	ID            string     `bun:"id,pk"`
	ShowID        string     `bun:"show_id"`
	ProductID     string     `bun:"product_id"`
	PriceMinor    int64      `bun:"price_minor"`
	Currency      string     `bun:"currency"`
	Quantity      int        `bun:"quantity"`
	Remaining     int        `bun:"remaining"`
	PerBuyerLimit int        `bun:"per_buyer_limit"`
	StartsAt      time.Time  `bun:"starts_at"`
	EndsAt        time.Time  `bun:"ends_at"`
	EndedAt       *time.Time `bun:"ended_at"`
}

// Active reports whether the sale applies at now.
func (f *FlashSale) Active(now time.Time) bool {
	return f.EndedAt == nil && !now.Before(f.StartsAt) && now.Before(f.EndsAt)
}

// Address is where an order ships.
type Address struct {
	Name       string `json:"name"`
	Line1      string `json:"line1"`
	Line2      string `json:"line2,omitempty"`
	City       string `json:"city"`
	PostalCode string `json:"postalCode"`
	Country    string `json:"country"`
}
