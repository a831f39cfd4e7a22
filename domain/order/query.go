package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/paging"
	"github.com/livemarket/livemarket/domain/txlock"
	"github.com/livemarket/livemarket/domain/vendor"
)

// View is an order as one viewer may see it: the shopper and admins see
// every line; a vendor's staff see only their vendor's part.
type View struct {
	*Order
	VendorOrders []*VendorOrder
	Lines        []*Line
	// Partial is true when lines of other vendors are hidden from the viewer.
	Partial bool
}

// Total is what the viewer's part of the order comes to: the whole order
// for its shopper and admins, the vendor's part(s) for its staff.
func (v *View) Total() int64 {
	if !v.Partial {
		return v.TotalMinor
	}
	var t int64
	for _, vo := range v.VendorOrders {
		t += vo.SubtotalMinor
	}
	return t
}

// PartStatus is the status of one vendor's part of the order: the order's,
// except that a refund counts only where it touched that part: once the
// order has refunds, a part none of whose units were refunded is PAID, a
// part all of whose units were is REFUNDED, and one in between is
// PARTIALLY_REFUNDED. A vendor's dashboard thus does not show another
// vendor's refund as its own.
func (v *View) PartStatus(vendorOrderID string) string {
	if v.Status != StatusPartiallyRefunded && v.Status != StatusRefunded {
		return v.Status
	}
	var units, refunded int
	for _, l := range v.Lines {
		if l.VendorOrderID == vendorOrderID {
			units += l.Quantity
			refunded += l.RefundedQuantity
		}
	}
	switch {
	case refunded == 0:
		return StatusPaid
	case refunded < units:
		return StatusPartiallyRefunded
	default:
		return StatusRefunded
	}
}

// whereVendorPart makes q select the orders with a part for vendorID and,
// unless status is empty, whose part has the status PartStatus gives: by
// the order's status while it has no refunds, then by the units of the
// part's own lines refunded.
func whereVendorPart(db bun.IDB, q *bun.SelectQuery, vendorID, status string) *bun.SelectQuery {
	parts := db.NewSelect().Table("vendor_orders").Column("order_id").Where("vendor_id = ?", vendorID)
	statuses := []string{StatusPartiallyRefunded, StatusRefunded}
	var having string
	switch status {
	case StatusPaid:
		having = "SUM(pl.refunded_quantity) = 0"
		statuses = append(statuses, StatusPaid)
	case StatusPartiallyRefunded:
		having = "SUM(pl.refunded_quantity) > 0 AND SUM(pl.refunded_quantity) < SUM(pl.quantity)"
	case StatusRefunded:
		having = "SUM(pl.refunded_quantity) = SUM(pl.quantity)"
	case "":
		return q.Where("o.id IN (?)", parts)
	default:
		return q.Where("o.status = ?", status).Where("o.id IN (?)", parts)
	}
	refunded := db.NewSelect().TableExpr("vendor_orders AS vo").Join("JOIN order_lines AS pl ON pl.vendor_order_id = vo.id").
		ColumnExpr("vo.order_id").Where("vo.vendor_id = ?", vendorID).GroupExpr("vo.order_id").Having(having)
	return q.Where("o.status IN (?)", bun.In(statuses)).Where("o.id IN (?)", refunded)
}

// Attribution is the show and influencer of the order's first attributed
// line the viewer sees ("" when none).
func (v *View) Attribution() (showID, influencerID string) {
	for _, l := range v.Lines {
		if l.ShowID != nil {
			return *l.ShowID, deref(l.InfluencerID)
		}
	}
	return "", ""
}

// Filter narrows Orders.
type Filter struct {
	// VendorID lists the orders with a part for this vendor (its staff and
	// admins); empty lists the viewer's own orders as a shopper.
	VendorID string
	Status   string
}

// CheckoutView is Checkout answered as its shopper's view of the order. A
// new order is answered from what the checkout wrote, as Get would read it
// back; a repeated key's order is read.
func (s *Service) CheckoutView(ctx context.Context, viewer kernel.Viewer, in CheckoutInput) (*View, error) {
	o, err := s.Checkout(ctx, viewer, in)
	if err != nil {
		return nil, err
	}
	if o.lines == nil || o.vendorOrders == nil || o.UserID != viewer.UserID {
		return s.Get(ctx, viewer, o.ID)
	}
	v := &View{Order: o, VendorOrders: append([]*VendorOrder(nil), o.vendorOrders...), Lines: append([]*Line(nil), o.lines...)}
	// in Get's order
	sort.Slice(v.VendorOrders, func(i, j int) bool { return v.VendorOrders[i].ID < v.VendorOrders[j].ID })
	sort.Slice(v.Lines, func(i, j int) bool { return v.Lines[i].ID < v.Lines[j].ID })
	return v, nil
}

// Get returns order id as viewer may see it, or NOT_FOUND.
func (s *Service) Get(ctx context.Context, viewer kernel.Viewer, id string) (*View, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("id"), id)
	if err := v.Err(); err != nil {
		return nil, err
	}
	o := &Order{}
	err := s.db.NewSelect().Model(o).Where("o.id = ?", id).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("id"), "no such order")
	}
	if err != nil {
		return nil, fmt.Errorf("order.Get: %w", err)
	}
	views, err := s.views(ctx, viewer, []*Order{o})
	if err != nil {
		return nil, err
	}
	if len(views) == 0 {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("id"), "no such order")
	}
	return views[0], nil
}

// Orders pages through orders newest first: the viewer's own, or, with
// Filter.VendorID, those with a part for that vendor (its staff and admins).
// Filter.Status is the order's status for a shopper's own orders, and the
// status of the vendor's part (PartStatus) for a vendor's.
func (s *Service) Orders(ctx context.Context, viewer kernel.Viewer, f Filter, page kernel.PageRequest) (*kernel.Page[*View], error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	if f.VendorID != "" {
		if err := vendorStaff(ctx, s.db, viewer, f.VendorID); err != nil {
			return nil, err
		}
	}
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		if f.VendorID != "" {
			return whereVendorPart(s.db, q, f.VendorID, f.Status)
		}
		q = q.Where("o.user_id = ?", viewer.UserID)
		if f.Status != "" {
			q = q.Where("o.status = ?", f.Status)
		}
		return q
	}
	// Ids are UUIDv7: newest first by id. A vendor's orders (all of them)
	// are counted by their parts: one per order and vendor.
	byParts := f.VendorID != "" && f.Status == ""
	list := page
	list.SkipCount = page.SkipCount || byParts
	p, err := paging.List[*Order](ctx, s.db, where, "o", list)
	if err != nil {
		return nil, fmt.Errorf("order.Orders: %w", err)
	}
	if !page.SkipCount && byParts {
		n, err := s.db.NewSelect().Table("vendor_orders").Where("vendor_id = ?", f.VendorID).Count(ctx)
		if err != nil {
			return nil, fmt.Errorf("order.Orders: count: %w", err)
		}
		p.TotalCount = int(n)
	}
	views, err := s.views(ctx, viewer, p.Items)
	if err != nil {
		return nil, err
	}
	return &kernel.Page[*View]{Items: views, HasNextPage: p.HasNextPage, TotalCount: p.TotalCount}, nil
}

func vendorStaff(ctx context.Context, db bun.IDB, viewer kernel.Viewer, vendorID string) error {
	if viewer.IsAdmin {
		return nil
	}
	role, err := vendor.RoleOf(ctx, db, vendorID, viewer.UserID)
	if err != nil {
		return fmt.Errorf("order: role: %w", err)
	}
	if role == "" {
		return kernel.ErrForbidden
	}
	return nil
}

// views loads the parts of orders viewer may see; orders with nothing
// visible are left out.
func (s *Service) views(ctx context.Context, viewer kernel.Viewer, orders []*Order) ([]*View, error) {
	if len(orders) == 0 {
		return []*View{}, nil
	}
	ids := make([]string, len(orders))
	for i, o := range orders {
		ids[i] = o.ID
	}
	var vos []*VendorOrder
	if err := s.db.NewSelect().Model(&vos).Where("vo.order_id IN (?)", bun.In(ids)).OrderExpr("vo.id").Scan(ctx); err != nil {
		return nil, fmt.Errorf("order: vendor orders: %w", err)
	}
	var lines []*Line
	if err := s.db.NewSelect().Model(&lines).Where("ol.order_id IN (?)", bun.In(ids)).OrderExpr("ol.id").Scan(ctx); err != nil {
		return nil, fmt.Errorf("order: lines: %w", err)
	}
	staffOf := map[string]bool{}
	if !viewer.IsAdmin {
		var mine []string
		if err := s.db.NewSelect().Table("vendor_staff").Column("vendor_id").Where("user_id = ?", viewer.UserID).Scan(ctx, &mine); err != nil {
			return nil, fmt.Errorf("order: staff: %w", err)
		}
		for _, id := range mine {
			staffOf[id] = true
		}
	}
	out := make([]*View, 0, len(orders))
	for _, o := range orders {
		all := viewer.IsAdmin || o.UserID == viewer.UserID
		v := &View{Order: o, VendorOrders: []*VendorOrder{}, Lines: []*Line{}}
		for _, vo := range vos {
			if vo.OrderID == o.ID {
				if all || staffOf[vo.VendorID] {
					v.VendorOrders = append(v.VendorOrders, vo)
				} else {
					v.Partial = true
				}
			}
		}
		for _, l := range lines {
			if l.OrderID == o.ID && (all || staffOf[l.VendorID]) {
				v.Lines = append(v.Lines, l)
			}
		}
		if all || len(v.VendorOrders) > 0 {
			out = append(out, v)
		}
	}
	return out, nil
}

// ---- refunds ----

// RefundLineInput is a quantity of one order line to refund.
type RefundLineInput struct {
	LineID   string
	Quantity int
}

// RefundInput is one refund request.
type RefundInput struct {
	OrderID string
	Lines   []RefundLineInput
	Reason  string
	Restock bool
}

// Refund gives back money on some lines of a paid order: the staff of the
// lines' vendors or an admin. The ledger gets the exact reversal of the
// refunded share; refunding more than was bought is refused.
func (s *Service) Refund(ctx context.Context, viewer kernel.Viewer, in RefundInput) (*View, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "orderId"), in.OrderID)
	reason := kernel.CheckText(&v, kernel.Field("input", "reason"), in.Reason, true, 500)
	v.Check(len(in.Lines) > 0, kernel.CodeRequired, kernel.Field("input", "lines"), "name at least one line to refund")
	seen := map[string]bool{}
	for i, l := range in.Lines {
		f := kernel.Field("input", "lines", fmt.Sprint(i))
		kernel.CheckID(&v, append(f, "lineId"), l.LineID)
		v.Check(!seen[l.LineID], kernel.CodeInvalid, append(f, "lineId"), "each line once")
		seen[l.LineID] = true
		checkQuantity(&v, append(f, "quantity"), l.Quantity, false)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var restocked map[string]int
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// Refunds of one order serialize (its status depends on all lines).
		if err := txlock.Row(ctx, tx, "orders", in.OrderID); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "orderId"), "no such order")
			}
			return err
		}
		o := &Order{}
		if err := tx.NewSelect().Model(o).Where("o.id = ?", in.OrderID).Scan(ctx); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "orderId"), "no such order")
			}
			return err
		}
		// Nothing about the order (not even that it exists) is told to
		// someone who may not refund it.
		if !viewer.IsAdmin {
			var mine int
			if err := tx.NewSelect().Table("vendor_orders").ColumnExpr("COUNT(*)").Where("order_id = ?", o.ID).
				Where("vendor_id IN (?)", tx.NewSelect().Table("vendor_staff").Column("vendor_id").Where("user_id = ?", viewer.UserID)).
				Scan(ctx, &mine); err != nil {
				return err
			}
			if mine == 0 && o.UserID != viewer.UserID {
				return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "orderId"), "no such order")
			}
			if mine == 0 { // the shopper knows their order; refunds are the vendor's
				return kernel.ErrForbidden
			}
		}
		if o.Status != StatusPaid && o.Status != StatusPartiallyRefunded {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "orderId"), "only paid orders can be refunded (this one is %s)", o.Status)
		}
		ref := &Refund{ID: kernel.NewID(), OrderID: o.ID, Reason: reason, Restock: in.Restock, CreatedBy: viewer.UserID, CreatedAt: now}
		var rls []*refundLine
		var rev []refundRev
		restocked = map[string]int{}
		for i, rl := range in.Lines {
			f := kernel.Field("input", "lines", fmt.Sprint(i), "lineId")
			l := &Line{}
			if err := tx.NewSelect().Model(l).Where("ol.id = ?", rl.LineID).Where("ol.order_id = ?", o.ID).Scan(ctx); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					return kernel.Fail(kernel.CodeNotFound, f, "no such line in this order")
				}
				return err
			}
			if err := vendorStaff(ctx, tx, viewer, l.VendorID); err != nil {
				return err
			}
			// One conditional statement: never more than was bought, even
			// with refunds racing.
			var after int
			err := tx.NewRaw(`UPDATE order_lines SET refunded_quantity = refunded_quantity + ?
				WHERE id = ? AND refunded_quantity + ? <= quantity RETURNING refunded_quantity`, rl.Quantity, l.ID, rl.Quantity).Scan(ctx, &after)
			if errors.Is(err, sql.ErrNoRows) {
				return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "lines", fmt.Sprint(i), "quantity"),
					"only %d of this line can still be refunded", l.Quantity-l.RefundedQuantity)
			}
			if err != nil {
				return err
			}
			before := after - rl.Quantity
			amount := l.UnitPriceMinor * int64(rl.Quantity)
			ref.AmountMinor += amount
			rls = append(rls, &refundLine{RefundID: ref.ID, LineID: l.ID, Quantity: rl.Quantity, AmountMinor: amount})
			rev = append(rev, refundRev{line: l, before: before, after: after})
			if in.Restock {
				restocked[l.ProductID] += rl.Quantity
			}
		}
		// Stock back in product order, as reservations take it (no deadlocks).
		for _, id := range sortedKeys(restocked) {
			if _, err := tx.NewRaw("UPDATE products SET stock = stock + ? WHERE id = ?", restocked[id], id).Exec(ctx); err != nil {
				return err
			}
		}
		if _, err := tx.NewInsert().Model(ref).Exec(ctx); err != nil {
			return err
		}
		if _, err := tx.NewInsert().Model(&rls).Exec(ctx); err != nil {
			return err
		}
		if err := postRefund(ctx, tx, o, ref, rev, now); err != nil {
			return err
		}
		// The money goes back to the card the order was paid with, by a
		// job queued in this transaction (see payback.go).
		if o.PaymentRef == nil {
			return fmt.Errorf("order %s is %s without a payment reference", o.ID, o.Status)
		}
		if err := queueRefund(ctx, tx, &PaymentRefund{ID: kernel.NewID(), OrderID: o.ID, RefundID: &ref.ID, PaymentRef: *o.PaymentRef,
			AmountMinor: ref.AmountMinor, Currency: o.Currency, Reason: reason, CreatedAt: now}); err != nil {
			return err
		}
		var open int
		if err := tx.NewSelect().Model((*Line)(nil)).ColumnExpr("COUNT(*)").Where("order_id = ?", o.ID).
			Where("refunded_quantity < quantity").Scan(ctx, &open); err != nil {
			return err
		}
		status := StatusPartiallyRefunded
		if open == 0 {
			status = StatusRefunded
		}
		_, err := tx.NewUpdate().Model((*Order)(nil)).Set("status = ?", status).Where("id = ?", o.ID).Exec(ctx)
		return err
	})
	if err != nil {
		return nil, wrap("order.Refund", err)
	}
	s.gate.released(restocked)
	s.stockReturned(ctx, restocked)
	return s.Get(ctx, viewer, in.OrderID)
}

type refundRev struct {
	line          *Line
	before, after int
}

func postRefund(ctx context.Context, tx bun.IDB, o *Order, ref *Refund, rev []refundRev, now time.Time) error {
	var rl []ledger.RefundLine
	for _, r := range rev {
		l := r.line
		infl := deref(l.InfluencerID)
		parts := ledger.RefundParts(l.UnitPriceMinor, int64(l.Quantity), int64(r.before), int64(r.after),
			ledger.EffectiveCommission(infl, l.CommissionBps), l.PlatformFeeBps)
		rl = append(rl, ledger.RefundLine{VendorID: l.VendorID, InfluencerID: infl, Currency: o.Currency, Parts: parts})
	}
	p, err := ledger.RefundPosting(ledger.RefundKey(ref.ID), o.ID, now, rl)
	if err != nil {
		return err
	}
	return ledger.Post(ctx, tx, p)
}
