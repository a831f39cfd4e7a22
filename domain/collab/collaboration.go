package collab

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/paging"
	"github.com/livemarket/livemarket/domain/txlock"
	"github.com/livemarket/livemarket/domain/vendor"
)

var errNoProfile = kernel.Fail(kernel.CodeForbidden, nil, "create an influencer profile first")

var errOwnProduct = kernel.Fail(kernel.CodeForbidden, nil, "you are on this vendor's staff: you cannot collaborate on its products as an influencer")

// BookInput is what collaborationBook takes; the window defaults to the
// offer's (or now + 90 days).
type BookInput struct {
	OfferID          string
	StartsAt, EndsAt *time.Time
}

// Book turns an active offer into an ACTIVE collaboration at the offer's
// rate, frozen from now on.
func (s *Service) Book(ctx context.Context, viewer kernel.Viewer, in BookInput) (*Collaboration, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "offerId"), in.OfferID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var c *Collaboration
	var sent []*notify.Notification
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		inf, err := s.influencerOf(ctx, tx, viewer)
		if err != nil {
			return err
		}
		if inf == nil {
			return errNoProfile
		}
		o, err := offerByID(ctx, tx, in.OfferID)
		if err != nil {
			return err
		}
		if !o.ActiveAt(now) {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "offerId"), "the offer is not open for booking")
		}
		if err := s.notStaff(ctx, tx, viewer, o.VendorID); err != nil {
			return err
		}
		p, err := s.product(ctx, tx, o.ProductID, kernel.Field("input", "offerId"))
		if err != nil {
			return err
		}
		start := now
		if in.StartsAt != nil {
			start = in.StartsAt.UTC()
		} else if o.StartsAt != nil && o.StartsAt.After(now) {
			start = *o.StartsAt
		}
		end := start.Add(s.opt.DefaultWindow)
		if in.EndsAt != nil {
			end = in.EndsAt.UTC()
		} else if o.EndsAt != nil {
			// The offer's end, but never longer than a collaboration may last.
			end = *o.EndsAt
			if limit := start.Add(MaxWindow); end.After(limit) {
				end = limit
			}
		}
		if err := checkWindow(start, end, now); err != nil {
			return err
		}
		if (o.StartsAt != nil && start.Before(*o.StartsAt)) || (o.EndsAt != nil && end.After(*o.EndsAt)) {
			return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "endsAt"), "the window must lie within the offer's window")
		}
		if err := s.noOpenCollaboration(ctx, tx, inf.ID, p.ID, now); err != nil {
			return err
		}
		offerID := o.ID
		c = &Collaboration{ID: kernel.NewID(), ProductID: p.ID, VendorID: p.VendorID, InfluencerID: inf.ID, OfferID: &offerID,
			CommissionBps: o.CommissionBps, Status: StatusActive, StartsAt: start.Truncate(time.Microsecond), EndsAt: end.Truncate(time.Microsecond),
			CreatedAt: now, UpdatedAt: now}
		if _, err := tx.NewInsert().Model(c).Exec(ctx); err != nil {
			return fmt.Errorf("insert collaboration: %w", err)
		}
		sent, err = s.tellVendor(ctx, tx, c, "collaboration.booked", "New booking",
			fmt.Sprintf("@%s booked %q at %s commission.", inf.Handle, p.Title, pct(c.CommissionBps)))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("collab.Book: %w", err)
	}
	s.notify.Publish(ctx, sent)
	return c, nil
}

// RequestInput is what collaborationRequest takes.
type RequestInput struct {
	ProductID        string
	CommissionBps    int
	StartsAt, EndsAt time.Time
	Message          string
}

// Request asks a vendor to let the viewer feature a product at a proposed
// rate: PENDING until the vendor approves, rejects or counters.
func (s *Service) Request(ctx context.Context, viewer kernel.Viewer, in RequestInput) (*Collaboration, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "productId"), in.ProductID)
	checkRate(&v, kernel.Field("input", "commissionBps"), in.CommissionBps)
	msg := kernel.CheckText(&v, kernel.Field("input", "message"), in.Message, false, MaxMessageLen)
	if err := v.Err(); err != nil {
		return nil, err
	}
	start, end := in.StartsAt.UTC().Truncate(time.Microsecond), in.EndsAt.UTC().Truncate(time.Microsecond)
	if err := checkWindow(start, end, now); err != nil {
		return nil, err
	}
	var c *Collaboration
	var sent []*notify.Notification
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		inf, err := s.influencerOf(ctx, tx, viewer)
		if err != nil {
			return err
		}
		if inf == nil {
			return errNoProfile
		}
		p, err := s.product(ctx, tx, in.ProductID, kernel.Field("input", "productId"))
		if err != nil {
			return err
		}
		if err := s.notStaff(ctx, tx, viewer, p.VendorID); err != nil {
			return err
		}
		if err := s.noOpenCollaboration(ctx, tx, inf.ID, p.ID, now); err != nil {
			return err
		}
		if err := s.feeFits(ctx, tx, p.VendorID, in.CommissionBps, kernel.Field("input", "commissionBps")); err != nil {
			return err
		}
		bps := in.CommissionBps
		c = &Collaboration{ID: kernel.NewID(), ProductID: p.ID, VendorID: p.VendorID, InfluencerID: inf.ID,
			CommissionBps: bps, RequestedBps: &bps, Status: StatusPending, StartsAt: start, EndsAt: end, CreatedAt: now, UpdatedAt: now}
		if msg != "" {
			c.Message = &msg
		}
		if _, err := tx.NewInsert().Model(c).Exec(ctx); err != nil {
			return fmt.Errorf("insert collaboration: %w", err)
		}
		sent, err = s.tellVendor(ctx, tx, c, "collaboration.requested", "Collaboration request",
			fmt.Sprintf("@%s asks to feature %q at %s commission.", inf.Handle, p.Title, pct(bps)))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("collab.Request: %w", err)
	}
	s.notify.Publish(ctx, sent)
	return c, nil
}

// MaxWindow is the longest a collaboration may last.
const MaxWindow = 366 * 24 * time.Hour

func checkWindow(start, end, now time.Time) error {
	var v kernel.Validator
	v.Check(end.After(start), kernel.CodeInvalid, kernel.Field("input", "endsAt"), "must be after startsAt")
	v.Check(end.After(now), kernel.CodeInvalid, kernel.Field("input", "endsAt"), "must be in the future")
	v.Check(end.Sub(start) <= MaxWindow, kernel.CodeInvalid, kernel.Field("input", "endsAt"), "a collaboration lasts at most a year")
	return v.Err()
}

// notStaff refuses influencers who are on the vendor's own staff.
func (s *Service) notStaff(ctx context.Context, db bun.IDB, viewer kernel.Viewer, vendorID string) error {
	role, err := vendor.RoleOf(ctx, db, vendorID, viewer.UserID)
	if err != nil {
		return err
	}
	if role != "" {
		return errOwnProduct
	}
	return nil
}

// noOpenCollaboration allows one open (pending, countered or active, not
// expired) collaboration per influencer and product. It locks the
// influencer's row first, so two concurrent bookings or requests of the same
// influencer check one after the other.
func (s *Service) noOpenCollaboration(ctx context.Context, db bun.IDB, influencerID, productID string, now time.Time) error {
	if err := txlock.Row(ctx, db, "influencers", influencerID); err != nil {
		return err
	}
	n, err := db.NewSelect().Model((*Collaboration)(nil)).Where("c.influencer_id = ?", influencerID).
		Where("c.product_id = ?", productID).Where("c.status IN (?)", bun.List(open)).Where("c.ends_at > ?", now).Count(ctx)
	if err != nil {
		return fmt.Errorf("check open collaborations: %w", err)
	}
	if n > 0 {
		return kernel.Fail(kernel.CodeAlreadyExists, nil, "you already have an open collaboration on this product; cancel it first")
	}
	return nil
}

// Side is who acts on a collaboration.
type side int

const (
	vendorSide side = iota + 1
	influencerSide
	eitherSide
)

// transition is one edge of the state machine.
type transition struct {
	name  string
	by    side
	from  []string
	to    string
	apply func(q *bun.UpdateQuery) *bun.UpdateQuery
	// check may refuse the move given the loaded collaboration.
	check func(ctx context.Context, tx bun.Tx, c *Collaboration) error
	kind  string
	title string
	body  func(c *Collaboration) string
}

// move applies t to collaboration id with one conditional UPDATE, so that of
// two concurrent moves from the same state exactly one wins; the loser gets
// INVALID_STATE and nothing changes.
func (s *Service) move(ctx context.Context, viewer kernel.Viewer, id string, t transition) (*Collaboration, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "id"), id)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var c *Collaboration
	var sent []*notify.Notification
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		if c, err = collaborationByID(ctx, tx, id); err != nil {
			return err
		}
		actor, err := s.actorSide(ctx, tx, viewer, c)
		if err != nil {
			return err
		}
		if actor == 0 || (t.by != eitherSide && actor != t.by) {
			return kernel.ErrForbidden
		}
		if st := c.StatusAt(now); !contains(t.from, st) {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "cannot %s a collaboration that is %s", t.name, st)
		}
		if t.check != nil {
			if err := t.check(ctx, tx, c); err != nil {
				return err
			}
		}
		q := tx.NewUpdate().Model((*Collaboration)(nil)).Set("status = ?", t.to).Set("updated_at = ?", now).
			Where("id = ?", c.ID).Where("status IN (?)", bun.List(t.from)).Where("ends_at > ?", now)
		if t.apply != nil {
			q = t.apply(q)
		}
		res, err := q.Exec(ctx)
		if err != nil {
			return fmt.Errorf("update collaboration: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "the collaboration changed meanwhile; reload it")
		}
		if c, err = collaborationByID(ctx, tx, id); err != nil {
			return err
		}
		// Tell the other side.
		var to []string
		if actor == vendorSide {
			to, err = influencerUserID(ctx, tx, c.InfluencerID)
		} else {
			to, err = staffUserIDs(ctx, tx, c.VendorID)
		}
		if err != nil {
			return err
		}
		sent, err = s.notify.Record(ctx, tx, to, notify.Message{Kind: t.kind, Title: t.title, Body: t.body(c), SubjectID: c.ID})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("collab.%s: %w", t.name, err)
	}
	s.notify.Publish(ctx, sent)
	return c, nil
}

// actorSide says which party viewer is: the collaboration's influencer, staff
// of its vendor, or neither (0).
func (s *Service) actorSide(ctx context.Context, db bun.IDB, viewer kernel.Viewer, c *Collaboration) (side, error) {
	inf, err := s.influencerOf(ctx, db, viewer)
	if err != nil {
		return 0, err
	}
	if inf != nil && inf.ID == c.InfluencerID {
		return influencerSide, nil
	}
	role, err := vendor.RoleOf(ctx, db, c.VendorID, viewer.UserID)
	if err != nil {
		return 0, err
	}
	if role != "" {
		return vendorSide, nil
	}
	return 0, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func pct(bps int) string { return fmt.Sprintf("%d.%02d%%", bps/100, bps%100) }

// stillAgreeable re-checks, when a collaboration becomes ACTIVE, what may have
// changed since it was proposed: the product is still for sale and the rate
// still fits under the platform fee.
func (s *Service) stillAgreeable(ctx context.Context, tx bun.Tx, c *Collaboration) error {
	if _, err := s.product(ctx, tx, c.ProductID, kernel.Field("input", "id")); err != nil {
		return err
	}
	return s.feeFits(ctx, tx, c.VendorID, c.CommissionBps, kernel.Field("input", "id"))
}

// Approve accepts a PENDING request at its proposed rate (vendor staff).
func (s *Service) Approve(ctx context.Context, viewer kernel.Viewer, id string) (*Collaboration, error) {
	return s.move(ctx, viewer, id, transition{
		name: "approve", by: vendorSide, from: []string{StatusPending}, to: StatusActive,
		check: s.stillAgreeable,
		kind:  "collaboration.approved", title: "Request approved",
		body: func(c *Collaboration) string {
			return fmt.Sprintf("Your request was approved at %s commission.", pct(c.CommissionBps))
		},
	})
}

// Reject declines a PENDING or COUNTERED collaboration with a reason (vendor staff).
func (s *Service) Reject(ctx context.Context, viewer kernel.Viewer, id, reason string) (*Collaboration, error) {
	var v kernel.Validator
	reason = kernel.CheckText(&v, kernel.Field("input", "reason"), reason, true, MaxReasonLen)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.move(ctx, viewer, id, transition{
		name: "reject", by: vendorSide, from: []string{StatusPending, StatusCountered}, to: StatusRejected,
		apply: func(q *bun.UpdateQuery) *bun.UpdateQuery { return q.Set("reject_reason = ?", reason) },
		kind:  "collaboration.rejected", title: "Request rejected",
		body: func(*Collaboration) string { return "Your request was rejected: " + reason },
	})
}

// Counter proposes a different rate on a PENDING request (vendor staff).
func (s *Service) Counter(ctx context.Context, viewer kernel.Viewer, id string, bps int) (*Collaboration, error) {
	var v kernel.Validator
	checkRate(&v, kernel.Field("input", "commissionBps"), bps)
	if err := v.Err(); err != nil {
		return nil, err
	}
	return s.move(ctx, viewer, id, transition{
		name: "counter", by: vendorSide, from: []string{StatusPending}, to: StatusCountered,
		check: func(ctx context.Context, tx bun.Tx, c *Collaboration) error {
			if bps == c.CommissionBps {
				return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "commissionBps"), "that is the requested rate: approve instead")
			}
			return s.feeFits(ctx, tx, c.VendorID, bps, kernel.Field("input", "commissionBps"))
		},
		apply: func(q *bun.UpdateQuery) *bun.UpdateQuery { return q.Set("commission_bps = ?", bps) },
		kind:  "collaboration.countered", title: "Counter-offer",
		body: func(c *Collaboration) string {
			return fmt.Sprintf("The vendor offers %s commission instead.", pct(c.CommissionBps))
		},
	})
}

// AcceptCounter accepts the vendor's counter-offer (the requesting influencer).
func (s *Service) AcceptCounter(ctx context.Context, viewer kernel.Viewer, id string) (*Collaboration, error) {
	return s.move(ctx, viewer, id, transition{
		name: "accept the counter of", by: influencerSide, from: []string{StatusCountered}, to: StatusActive,
		check: s.stillAgreeable,
		kind:  "collaboration.accepted", title: "Counter-offer accepted",
		body: func(c *Collaboration) string {
			return fmt.Sprintf("Your counter-offer of %s was accepted.", pct(c.CommissionBps))
		},
	})
}

// Cancel ends an open collaboration (either side).
func (s *Service) Cancel(ctx context.Context, viewer kernel.Viewer, id string) (*Collaboration, error) {
	return s.move(ctx, viewer, id, transition{
		name: "cancel", by: eitherSide, from: open, to: StatusCancelled,
		kind: "collaboration.cancelled", title: "Collaboration cancelled",
		body: func(*Collaboration) string { return "A collaboration was cancelled." },
	})
}

func collaborationByID(ctx context.Context, db bun.IDB, id string) (*Collaboration, error) {
	c := new(Collaboration)
	err := db.NewSelect().Model(c).Where("c.id = ?", id).Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "id"), "no such collaboration")
	}
	if err != nil {
		return nil, fmt.Errorf("select collaboration: %w", err)
	}
	return c, nil
}

func (s *Service) tellVendor(ctx context.Context, db bun.IDB, c *Collaboration, kind, title, body string) ([]*notify.Notification, error) {
	to, err := staffUserIDs(ctx, db, c.VendorID)
	if err != nil {
		return nil, err
	}
	return s.notify.Record(ctx, db, to, notify.Message{Kind: kind, Title: title, Body: body, SubjectID: c.ID})
}

// ---- Queries ----------------------------------------------------------------

// Filter narrows the collaborations list.
type Filter struct {
	Status    string
	VendorID  string
	ProductID string
}

// List pages through the viewer's collaborations — as influencer and as staff
// of any vendor (admins see all) — newest first.
func (s *Service) List(ctx context.Context, viewer kernel.Viewer, f Filter, page kernel.PageRequest) (*kernel.Page[*Collaboration], error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	if f.VendorID != "" {
		kernel.CheckID(&v, kernel.Field("filter", "vendorId"), f.VendorID)
	}
	if f.ProductID != "" {
		kernel.CheckID(&v, kernel.Field("filter", "productId"), f.ProductID)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	// The viewer's parts are read first, so that the list is a lookup of
	// each part's index: with them as subqueries joined by OR, PostgreSQL
	// walked every collaboration in the marketplace, newest first, testing
	// each against both.
	var influencerID string
	var vendorIDs []string
	if !viewer.IsAdmin {
		var err error
		if influencerID, vendorIDs, err = parts(ctx, s.db, viewer.UserID); err != nil {
			return nil, fmt.Errorf("collab.List: %w", err)
		}
	}
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		if !viewer.IsAdmin {
			q = q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
				if influencerID != "" {
					q = q.WhereOr("c.influencer_id = ?", influencerID)
				}
				if len(vendorIDs) > 0 {
					q = q.WhereOr("c.vendor_id IN (?)", bun.List(vendorIDs))
				}
				if influencerID == "" && len(vendorIDs) == 0 {
					q = q.Where("1 = 0") // neither an influencer nor any vendor's staff
				}
				return q
			})
		}
		if f.VendorID != "" {
			q = q.Where("c.vendor_id = ?", f.VendorID)
		}
		if f.ProductID != "" {
			q = q.Where("c.product_id = ?", f.ProductID)
		}
		return statusFilter(q, f.Status, now)
	}
	p, err := paging.List[*Collaboration](ctx, s.db, where, "c", page)
	if err != nil {
		return nil, fmt.Errorf("collab.List: %w", err)
	}
	return p, nil
}

// parts reads who userID is in collaborations: its influencer profile (""
// if none) and the vendors it is staff of.
func parts(ctx context.Context, db bun.IDB, userID string) (influencerID string, vendorIDs []string, err error) {
	var rows []struct {
		Kind string `bun:"kind"`
		ID   string `bun:"id"`
	}
	if err := db.NewRaw(`SELECT 'influencer' AS kind, id FROM influencers WHERE user_id = ?
		UNION ALL SELECT 'vendor' AS kind, vendor_id AS id FROM vendor_staff WHERE user_id = ?`, userID, userID).Scan(ctx, &rows); err != nil {
		return "", nil, fmt.Errorf("parts: %w", err)
	}
	for _, r := range rows {
		if r.Kind == "influencer" {
			influencerID = r.ID
		} else {
			vendorIDs = append(vendorIDs, r.ID)
		}
	}
	return influencerID, vendorIDs, nil
}

// statusFilter selects collaborations by their status as read at now.
func statusFilter(q *bun.SelectQuery, status string, now time.Time) *bun.SelectQuery {
	switch {
	case status == "":
		return q
	case status == StatusExpired:
		return q.Where("c.status IN (?)", bun.List(open)).Where("c.ends_at <= ?", now)
	case isOpen(status):
		return q.Where("c.status = ?", status).Where("c.ends_at > ?", now)
	default:
		return q.Where("c.status = ?", status)
	}
}

// Showcase pages through the viewer's ACTIVE, unexpired collaborations: the
// products they may feature in shows.
func (s *Service) Showcase(ctx context.Context, viewer kernel.Viewer, page kernel.PageRequest) (*kernel.Page[*Collaboration], error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		q = q.Where("c.influencer_id IN (SELECT id FROM influencers WHERE user_id = ?)", viewer.UserID)
		return statusFilter(q, StatusActive, now)
	}
	p, err := paging.List[*Collaboration](ctx, s.db, where, "c", page)
	if err != nil {
		return nil, fmt.Errorf("collab.Showcase: %w", err)
	}
	return p, nil
}

// Now is the service clock's time (for reading statuses consistently).
func (s *Service) Now() time.Time { return s.clock.Now() }

// ByIDs loads collaborations by id in one statement.
func ByIDs(ctx context.Context, db bun.IDB, ids []string) (map[string]*Collaboration, error) {
	var cs []*Collaboration
	if len(ids) > 0 {
		if err := db.NewSelect().Model(&cs).Where("c.id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("collab.ByIDs: %w", err)
		}
	}
	m := make(map[string]*Collaboration, len(cs))
	for _, c := range cs {
		m[c.ID] = c
	}
	return m, nil
}

// Covering returns, per product, the influencer's collaboration that is
// ACTIVE at now and covers the whole window [from, to] (one statement).
// Products without one are absent.
func Covering(ctx context.Context, db bun.IDB, influencerID string, productIDs []string, now, from, to time.Time) (map[string]*Collaboration, error) {
	m := make(map[string]*Collaboration, len(productIDs))
	if len(productIDs) == 0 {
		return m, nil
	}
	var cs []*Collaboration
	err := db.NewSelect().Model(&cs).Where("c.influencer_id = ?", influencerID).Where("c.product_id IN (?)", bun.List(productIDs)).
		Where("c.status = ?", StatusActive).Where("c.ends_at > ?", now).
		Where("c.starts_at <= ?", from).Where("c.ends_at >= ?", to).OrderExpr("c.id").Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("collab.Covering: %w", err)
	}
	for _, c := range cs {
		m[c.ProductID] = c
	}
	return m, nil
}
