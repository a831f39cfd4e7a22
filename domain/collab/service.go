package collab

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/paging"
	"github.com/livemarket/livemarket/domain/txlock"
	"github.com/livemarket/livemarket/domain/vendor"
)

// Notifier records notifications inside a transaction and delivers them once
// it has committed; the notify context implements it.
type Notifier interface {
	Record(ctx context.Context, db bun.IDB, userIDs []string, msg notify.Message) ([]*notify.Notification, error)
	Publish(ctx context.Context, ns []*notify.Notification)
}

// Options tune the service.
type Options struct {
	// DefaultPlatformFeeBps is the operator's fee on every line unless a
	// vendor has an override (PLATFORM_FEE_BPS).
	DefaultPlatformFeeBps int
	// DefaultWindow is how long a booking lasts when neither the influencer
	// nor the offer says (default 90 days).
	DefaultWindow time.Duration
}

// Input limits.
const (
	MaxMessageLen = 1000
	MaxReasonLen  = 500
)

// Service is the collaborations use-case layer.
type Service struct {
	db     *bun.DB
	clock  kernel.Clock
	notify Notifier
	opt    Options
}

// NewService builds the service.
func NewService(db *bun.DB, clock kernel.Clock, n Notifier, opt Options) *Service {
	if opt.DefaultWindow <= 0 {
		opt.DefaultWindow = 90 * 24 * time.Hour
	}
	return &Service{db: db, clock: clock, notify: n, opt: opt}
}

// DefaultPlatformFeeBps is the operator's default fee.
func (s *Service) DefaultPlatformFeeBps() int { return s.opt.DefaultPlatformFeeBps }

func checkRate(v *kernel.Validator, field []string, bps int) {
	v.Check(bps >= MinCommissionBps && bps <= MaxCommissionBps, kernel.CodeInvalid, field,
		"must be between %d and %d basis points (1%%–80%%)", MinCommissionBps, MaxCommissionBps)
}

// feeFits checks that rate plus the vendor's platform fee stays within 100%.
// It locks the vendor row, so a concurrent fee change waits for this
// transaction (and then sees its commission).
func (s *Service) feeFits(ctx context.Context, db bun.IDB, vendorID string, bps int, field []string) error {
	if err := txlock.Row(ctx, db, "vendors", vendorID); err != nil {
		return err
	}
	vs, err := vendor.ByIDs(ctx, db, []string{vendorID})
	if err != nil {
		return err
	}
	vd := vs[vendorID]
	if vd == nil {
		return kernel.ErrNotFound
	}
	if fee := vd.EffectiveFeeBps(s.opt.DefaultPlatformFeeBps); bps+fee > FullBps {
		return kernel.Fail(kernel.CodeInvalid, field, "commission of %d bps plus the platform fee of %d bps would exceed 100%% of a sale", bps, fee)
	}
	return nil
}

func (s *Service) product(ctx context.Context, db bun.IDB, id string, field []string) (*catalog.Product, error) {
	ps, err := catalog.ByIDs(ctx, db, []string{id})
	if err != nil {
		return nil, err
	}
	p := ps[id]
	if p == nil {
		return nil, kernel.Fail(kernel.CodeNotFound, field, "no such product")
	}
	if p.Status != catalog.StatusActive {
		return nil, kernel.Fail(kernel.CodeInvalidState, field, "the product is archived")
	}
	return p, nil
}

// requireManage allows the vendor's staff and admins.
func requireManage(ctx context.Context, db bun.IDB, viewer kernel.Viewer, vendorID string) error {
	if viewer.IsAdmin {
		return nil
	}
	return requireStaff(ctx, db, viewer, vendorID)
}

// requireStaff allows only the vendor's staff: the parties to its deals.
func requireStaff(ctx context.Context, db bun.IDB, viewer kernel.Viewer, vendorID string) error {
	role, err := vendor.RoleOf(ctx, db, vendorID, viewer.UserID)
	if err != nil {
		return err
	}
	if role == "" {
		return kernel.ErrForbidden
	}
	return nil
}

// ---- Offers ---------------------------------------------------------------

// PublishInput is what offerPublish takes.
type PublishInput struct {
	ProductID        string
	CommissionBps    int
	StartsAt, EndsAt *time.Time
}

// PublishOffer makes an open offer on a product, replacing its current one
// for future bookings (collaborations already made keep their rate).
func (s *Service) PublishOffer(ctx context.Context, viewer kernel.Viewer, in PublishInput) (*Offer, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "productId"), in.ProductID)
	checkRate(&v, kernel.Field("input", "commissionBps"), in.CommissionBps)
	if in.StartsAt != nil && in.EndsAt != nil {
		v.Check(in.EndsAt.After(*in.StartsAt), kernel.CodeInvalid, kernel.Field("input", "endsAt"), "must be after startsAt")
	}
	if in.EndsAt != nil {
		v.Check(in.EndsAt.After(now), kernel.CodeInvalid, kernel.Field("input", "endsAt"), "must be in the future")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	var o *Offer
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		p, err := s.product(ctx, tx, in.ProductID, kernel.Field("input", "productId"))
		if err != nil {
			return err
		}
		if err := requireManage(ctx, tx, viewer, p.VendorID); err != nil {
			return err
		}
		if err := s.feeFits(ctx, tx, p.VendorID, in.CommissionBps, kernel.Field("input", "commissionBps")); err != nil {
			return err
		}
		if _, err := tx.NewUpdate().Model((*Offer)(nil)).Set("status = ?", OfferReplaced).Set("closed_at = ?", now).
			Where("product_id = ?", p.ID).Where("status = ?", OfferActive).Exec(ctx); err != nil {
			return fmt.Errorf("replace offer: %w", err)
		}
		o = &Offer{ID: kernel.NewID(), ProductID: p.ID, VendorID: p.VendorID, CommissionBps: in.CommissionBps,
			StartsAt: utc(in.StartsAt), EndsAt: utc(in.EndsAt), Status: OfferActive, CreatedBy: viewer.UserID, CreatedAt: now}
		if _, err := tx.NewInsert().Model(o).Exec(ctx); err != nil {
			return fmt.Errorf("insert offer: %w", err)
		}
		return nil
	})
	if kernel.IsUniqueViolation(err) {
		err = kernel.Fail(kernel.CodeConflict, kernel.Field("input", "productId"), "another offer was published for this product at the same time; try again")
	}
	if err != nil {
		return nil, fmt.Errorf("collab.PublishOffer: %w", err)
	}
	return o, nil
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC().Truncate(time.Microsecond)
	return &u
}

// WithdrawOffer closes an active offer; existing collaborations are untouched.
func (s *Service) WithdrawOffer(ctx context.Context, viewer kernel.Viewer, offerID string) (*Offer, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "offerId"), offerID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var o *Offer
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if o, err = offerByID(ctx, tx, offerID); err != nil {
			return err
		}
		if err := requireManage(ctx, tx, viewer, o.VendorID); err != nil {
			return err
		}
		res, err := tx.NewUpdate().Model((*Offer)(nil)).Set("status = ?", OfferWithdrawn).Set("closed_at = ?", now).
			Where("id = ?", o.ID).Where("status = ?", OfferActive).Exec(ctx)
		if err != nil {
			return fmt.Errorf("withdraw offer: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "offerId"), "the offer is no longer active (%s)", o.Status)
		}
		o.Status, o.ClosedAt = OfferWithdrawn, &now
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("collab.WithdrawOffer: %w", err)
	}
	return o, nil
}

func offerByID(ctx context.Context, db bun.IDB, id string) (*Offer, error) {
	o := new(Offer)
	err := db.NewSelect().Model(o).Where("o.id = ?", id).Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "offerId"), "no such offer")
	}
	if err != nil {
		return nil, fmt.Errorf("select offer: %w", err)
	}
	return o, nil
}

// OfferFilter narrows the offers list.
type OfferFilter struct {
	Category         string
	VendorID         string
	MinCommissionBps int
}

// activeOffers restricts q to offers bookable at now on active products.
func activeOffers(q *bun.SelectQuery, now time.Time) *bun.SelectQuery {
	return q.Where("o.status = ?", OfferActive).
		Where("(o.starts_at IS NULL OR o.starts_at <= ?)", now).
		Where("(o.ends_at IS NULL OR o.ends_at > ?)", now)
}

// ListOffers pages through offers influencers may book now, newest first.
func (s *Service) ListOffers(ctx context.Context, f OfferFilter, page kernel.PageRequest) (*kernel.Page[*Offer], error) {
	var v kernel.Validator
	if f.VendorID != "" {
		kernel.CheckID(&v, kernel.Field("filter", "vendorId"), f.VendorID)
	}
	v.Check(f.MinCommissionBps >= 0 && f.MinCommissionBps <= FullBps, kernel.CodeInvalid, kernel.Field("filter", "minCommissionBps"), "must be between 0 and %d", FullBps)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		q = activeOffers(q, now).Join("JOIN products AS p ON p.id = o.product_id").Where("p.status = ?", catalog.StatusActive)
		if f.Category != "" {
			q = q.Where("p.category = ?", catalog.NormalizeCategory(f.Category))
		}
		if f.VendorID != "" {
			q = q.Where("o.vendor_id = ?", f.VendorID)
		}
		if f.MinCommissionBps > 0 {
			q = q.Where("o.commission_bps >= ?", f.MinCommissionBps)
		}
		return q
	}
	return paging.List[*Offer](ctx, s.db, where, "o", page)
}

// OpenOffers returns each product's offer that is bookable at now (one statement).
func OpenOffers(ctx context.Context, db bun.IDB, now time.Time, productIDs []string) (map[string]*Offer, error) {
	var os []*Offer
	m := make(map[string]*Offer, len(productIDs))
	if len(productIDs) == 0 {
		return m, nil
	}
	q := activeOffers(db.NewSelect().Model(&os), now).Where("o.product_id IN (?)", bun.List(productIDs)).
		Join("JOIN products AS p ON p.id = o.product_id").Where("p.status = ?", catalog.StatusActive)
	if err := q.Scan(ctx); err != nil {
		return nil, fmt.Errorf("collab.OpenOffers: %w", err)
	}
	for _, o := range os {
		m[o.ProductID] = o
	}
	return m, nil
}

// OfferActive reports whether o is bookable now.
func (s *Service) OfferActive(o *Offer) bool { return o.ActiveAt(s.clock.Now()) }

// ---- Platform fee ---------------------------------------------------------

// SetPlatformFee sets (or, with nil, clears) a vendor's platform fee override.
// Admins only. It refuses a fee that, with a commission the vendor already
// offers or has agreed to, would exceed 100% of a sale.
func (s *Service) SetPlatformFee(ctx context.Context, viewer kernel.Viewer, vendorID string, feeBps *int) (*vendor.Vendor, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	if !viewer.IsAdmin {
		return nil, kernel.ErrForbidden
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "vendorId"), vendorID)
	if feeBps != nil {
		v.Check(*feeBps >= 0 && *feeBps <= FullBps, kernel.CodeInvalid, kernel.Field("input", "feeBps"), "must be between 0 and %d basis points", FullBps)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var vd *vendor.Vendor
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		vs, err := vendor.ByIDs(ctx, tx, []string{vendorID})
		if err != nil {
			return err
		}
		if vd = vs[vendorID]; vd == nil {
			return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "vendorId"), "no such vendor")
		}
		// Commissions are checked against the fee under the same lock.
		if err := txlock.Row(ctx, tx, "vendors", vendorID); err != nil {
			return err
		}
		fee := s.opt.DefaultPlatformFeeBps
		if feeBps != nil {
			fee = *feeBps
		}
		var maxOffer, maxCollab sql.NullInt64
		if err := tx.NewSelect().Model((*Offer)(nil)).ColumnExpr("MAX(o.commission_bps)").
			Where("o.vendor_id = ?", vendorID).Where("o.status = ?", OfferActive).Scan(ctx, &maxOffer); err != nil {
			return err
		}
		if err := tx.NewSelect().Model((*Collaboration)(nil)).ColumnExpr("MAX(c.commission_bps)").
			Where("c.vendor_id = ?", vendorID).Where("c.status IN (?)", bun.List(open)).Where("c.ends_at > ?", now).Scan(ctx, &maxCollab); err != nil {
			return err
		}
		if top := max(maxOffer.Int64, maxCollab.Int64); int64(fee)+top > FullBps {
			return kernel.Fail(kernel.CodeConflict, kernel.Field("input", "feeBps"),
				"a fee of %d bps plus the vendor's commission of %d bps would exceed 100%% of a sale", fee, top)
		}
		if err := vendor.SetPlatformFee(ctx, tx, vendorID, feeBps); err != nil {
			return err
		}
		vd.PlatformFeeBps = feeBps
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("collab.SetPlatformFee: %w", err)
	}
	return vd, nil
}

// ---- Helpers shared by collaborations ----------------------------------------

func (s *Service) influencerOf(ctx context.Context, db bun.IDB, viewer kernel.Viewer) (*influencer.Influencer, error) {
	m, err := influencer.ByUserIDs(ctx, db, []string{viewer.UserID})
	if err != nil {
		return nil, err
	}
	return m[viewer.UserID], nil
}

func staffUserIDs(ctx context.Context, db bun.IDB, vendorID string) ([]string, error) {
	m, err := vendor.StaffOf(ctx, db, []string{vendorID})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(m[vendorID]))
	for i, st := range m[vendorID] {
		ids[i] = st.UserID
	}
	return ids, nil
}

func influencerUserID(ctx context.Context, db bun.IDB, influencerID string) ([]string, error) {
	m, err := influencer.ByIDs(ctx, db, []string{influencerID})
	if err != nil {
		return nil, err
	}
	if inf := m[influencerID]; inf != nil {
		return []string{inf.UserID}, nil
	}
	return nil, nil
}
