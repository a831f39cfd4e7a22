package order

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/showevents"
)

// Group commit. When a pinned product sells out in seconds, its checkouts
// would each take the product's row (and the show's event sequence) in a
// transaction of their own, one after the other. Instead, the checkouts of
// a process that reach the reservation (or the settlement) while another
// batch is being written wait for it and are then written together: one
// transaction, multi-row inserts, one stock statement per product for the
// whole batch. A batch that cannot be written as a whole (a product or a
// flash sale too short for all of it, a repeated key, an expired
// reservation) is rolled back and its checkouts are written one by one, as
// before, so each gets its exact answer. Work is spread over a few lanes by
// product, so that unrelated products do not wait for each other.
const (
	batchLanes   = 4
	maxBatch     = 32
	batchTimeout = 30 * time.Second
)

// errBatch: the batch cannot be written as a whole.
var errBatch = errors.New("order: batch refused as a whole")

// batchable is an item of a batch: fail records that its batch broke
// down (a panic) before it had an outcome.
type batchable interface{ fail(error) }

// lanes runs batches of T, one batch at a time per lane.
type lanes[T batchable] struct {
	l []*batcher[T]
}

func newLanes[T batchable](n, max int, run func(ctx context.Context, items []T)) *lanes[T] {
	ls := &lanes[T]{}
	for i := 0; i < n; i++ {
		ls.l = append(ls.l, &batcher[T]{max: max, run: run})
	}
	return ls
}

// lane picks the lane of a key (a product id): the same key, the same lane.
func (ls *lanes[T]) lane(key string) *batcher[T] {
	h := fnv.New32a()
	_, _ = h.Write([]byte(key))
	return ls.l[h.Sum32()%uint32(len(ls.l))]
}

// batcher is a leader-based combiner: a caller that finds no batch running
// runs one with everything queued (up to max), and goes on until its own
// item is done; later items are left to a new leader.
type batcher[T batchable] struct {
	max int
	run func(ctx context.Context, items []T)

	mu      sync.Mutex
	queue   []*batchItem[T]
	leading bool
}

type batchItem[T batchable] struct {
	v    T
	done chan struct{}
}

// do runs v in a batch and returns when that batch is written. The work is
// not bound to the caller's context: once queued, a checkout's reservation
// or settlement is written (or refused) whatever happens to the request.
func (b *batcher[T]) do(v T) {
	it := &batchItem[T]{v: v, done: make(chan struct{})}
	b.mu.Lock()
	b.queue = append(b.queue, it)
	if b.leading {
		b.mu.Unlock()
		<-it.done
		return
	}
	b.leading = true
	b.mu.Unlock()
	// Let the goroutines that are ready to run first: in a rush, they are
	// the other requests on their way here, and the first batch takes them
	// all instead of leaving with this item alone (a lane's later rounds
	// wait behind every runnable request, tens of milliseconds each on a
	// busy machine). On a quiet server this returns at once.
	runtime.Gosched()
	b.lead(it)
	<-it.done
}

// lead runs batches until own is done, then hands the rest to a new leader
// (own nil: until the queue is empty).
func (b *batcher[T]) lead(own *batchItem[T]) {
	for {
		b.mu.Lock()
		if len(b.queue) == 0 {
			b.leading = false
			b.mu.Unlock()
			return
		}
		if own != nil {
			select {
			case <-own.done:
				// Done: whoever is queued gets a leader of its own.
				b.mu.Unlock()
				go b.lead(nil)
				return
			default:
			}
		}
		n := min(len(b.queue), b.max)
		batch := append([]*batchItem[T](nil), b.queue[:n]...)
		b.queue = append(b.queue[:0:0], b.queue[n:]...)
		b.mu.Unlock()
		vals := make([]T, len(batch))
		for i, it := range batch {
			vals[i] = it.v
		}
		b.runSafely(vals)
		for _, it := range batch {
			close(it.done)
		}
	}
}

// runSafely runs a batch; if it panics, every item without an outcome
// fails, and the lane goes on (its callers must never wait forever).
func (b *batcher[T]) runSafely(vals []T) {
	defer func() {
		if p := recover(); p != nil {
			err := fmt.Errorf("order: batch failed: %v", p)
			for _, v := range vals {
				v.fail(err)
			}
		}
	}()
	b.run(context.Background(), vals)
}

// timed runs fn with a deadline of its own.
func timed(ctx context.Context, fn func(ctx context.Context)) {
	ctx, cancel := context.WithTimeout(ctx, batchTimeout)
	defer cancel()
	fn(ctx)
}

// reservation is one checkout's reservation: its rows, and the outcome.
type reservation struct {
	order        *Order
	vendorOrders []*VendorOrder
	rows         []*Line
	lines        []*priced
	userID       string
	now          time.Time
	ticket       *gateTicket
	err          error
	ran          bool // the outcome is set
}

func (r *reservation) fail(err error) {
	if !r.ran {
		r.err, r.ran = err, true
	}
}

// reserveMany writes rs in one transaction, or one by one if that fails.
func (s *Service) reserveMany(ctx context.Context, rs []*reservation) {
	if len(rs) > 1 {
		var err error
		timed(ctx, func(ctx context.Context) {
			if done, oneErr := s.reserveInOne(ctx, rs); done {
				err = oneErr
				return
			}
			err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return reserveBatch(ctx, tx, rs) })
		})
		if err == nil {
			for _, r := range rs {
				r.ticket.reserved()
				r.ran = true
			}
			s.batchedReservations.Add(int64(len(rs)))
			return
		}
		if !errors.Is(err, errBatch) && !kernel.IsUniqueViolation(err) {
			s.opt.Logger.WarnContext(ctx, "order: batch reservation failed; reserving one by one", "orders", len(rs), "err", err)
		}
	}
	for _, r := range rs {
		timed(ctx, func(ctx context.Context) { r.err = s.reserveOne(ctx, r) })
		r.ran = true
	}
}

// reserveInOne writes, on PostgreSQL, a batch whose lines are all of one
// product, and all of one flash sale or none (a pinned product's rush), as a
// single statement: the orders, vendor orders and lines inserted, the units
// taken by one conditional UPDATE, and with a flash sale its allowance taken
// and each buyer's count raised within the per-buyer limit, all or nothing.
// The statement divides by whether every conditional statement took what it
// asked for, so otherwise it fails and writes nothing (errBatch: the
// checkouts go one by one). One round trip instead of six or more (BEGIN,
// three inserts, the UPDATEs, COMMIT): in a rush each of them waits behind
// every runnable request. done is false when the batch does not qualify;
// the caller then writes it in a transaction.
func (s *Service) reserveInOne(ctx context.Context, rs []*reservation) (done bool, err error) {
	if s.db.Dialect().Name() != dialect.PG { // data-modifying WITH
		return false, nil
	}
	var orders []*Order
	var vendorOrders []*VendorOrder
	var rows []*Line
	productID, units := "", 0
	var flash *FlashSale
	buyers := map[string]int{} // units per buyer in the flash sale
	for i, r := range rs {
		orders = append(orders, r.order)
		vendorOrders = append(vendorOrders, r.vendorOrders...)
		rows = append(rows, r.rows...)
		for j, l := range r.lines {
			first := i == 0 && j == 0
			if !first && (l.product.ID != productID || (l.flash == nil) != (flash == nil) || (l.flash != nil && l.flash.ID != flash.ID)) {
				return false, nil
			}
			productID, flash = l.product.ID, l.flash
			units += l.cart.Quantity
			if l.flash != nil {
				buyers[r.userID] += l.cart.Quantity
			}
		}
	}
	parts := []string{"taken AS (" + s.db.NewRaw(`UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ? AND status = ? RETURNING id`,
		units, productID, units, catalog.StatusActive).String() + ")"}
	check := "(SELECT COUNT(*) FROM taken) = 1"
	if flash != nil {
		users := sortedKeys(buyers)
		values := make([]string, len(users))
		for i, u := range users {
			if buyers[u] > flash.PerBuyerLimit {
				return true, errBatch
			}
			values[i] = s.db.NewRaw("(?, ?, ?)", flash.ID, u, buyers[u]).String()
		}
		parts = append(parts,
			"flash AS ("+s.db.NewRaw(`UPDATE flash_sales SET remaining = remaining - ? WHERE id = ? AND remaining >= ? AND ended_at IS NULL AND ends_at > ? RETURNING id`,
				units, flash.ID, units, rs[0].now).String()+")",
			"buyers AS (INSERT INTO flash_sale_buyers (flash_sale_id, user_id, quantity) VALUES "+strings.Join(values, ", ")+
				s.db.NewRaw(` ON CONFLICT (flash_sale_id, user_id) DO UPDATE SET quantity = flash_sale_buyers.quantity + excluded.quantity
				WHERE flash_sale_buyers.quantity + excluded.quantity <= ? RETURNING 1`, flash.PerBuyerLimit).String()+")")
		check += fmt.Sprintf(" AND (SELECT COUNT(*) FROM flash) = 1 AND (SELECT COUNT(*) FROM buyers) = %d", len(users))
	}
	parts = append(parts,
		"o AS ("+s.db.NewInsert().Model(&orders).String()+")",
		"vo AS ("+s.db.NewInsert().Model(&vendorOrders).String()+")",
		"ol AS ("+s.db.NewInsert().Model(&rows).String()+")")
	query := "WITH " + strings.Join(parts, ", ") + " SELECT 1 / (CASE WHEN " + check + " THEN 1 ELSE 0 END)"
	_, err = s.db.ExecContext(ctx, query)
	if isDivisionByZero(err) {
		err = errBatch // the stock, the sale or a buyer's allowance is short
	}
	if err == nil {
		s.reservedInOne.Add(int64(len(rs)))
	}
	return true, err
}

// isDivisionByZero: PostgreSQL's SQLSTATE 22012.
func isDivisionByZero(err error) bool {
	var pg interface{ Field(byte) string }
	return errors.As(err, &pg) && pg.Field('C') == "22012"
}

func reserveBatch(ctx context.Context, tx bun.Tx, rs []*reservation) error {
	var orders []*Order
	var vendorOrders []*VendorOrder
	var rows []*Line
	stock := map[string]int{}
	flash := map[string]int{}
	type buyer struct{ flash, user string }
	buyers := map[buyer]int{}
	limits := map[string]int{}
	for _, r := range rs {
		orders = append(orders, r.order)
		vendorOrders = append(vendorOrders, r.vendorOrders...)
		rows = append(rows, r.rows...)
		for _, l := range r.lines {
			stock[l.product.ID] += l.cart.Quantity
			if l.flash != nil {
				flash[l.flash.ID] += l.cart.Quantity
				buyers[buyer{l.flash.ID, r.userID}] += l.cart.Quantity
				limits[l.flash.ID] = l.flash.PerBuyerLimit
			}
		}
	}
	if _, err := tx.NewInsert().Model(&orders).Exec(ctx); err != nil {
		return err
	}
	if _, err := tx.NewInsert().Model(&vendorOrders).Exec(ctx); err != nil {
		return err
	}
	if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return err
	}
	now := rs[0].now
	for _, id := range sortedKeys(flash) {
		q := flash[id]
		if err := orWhole(takeFlash(ctx, tx, id, q, now)); err != nil {
			return err
		}
	}
	bs := make([]buyer, 0, len(buyers))
	for b := range buyers {
		bs = append(bs, b)
	}
	sort.Slice(bs, func(i, j int) bool {
		return bs[i].flash < bs[j].flash || (bs[i].flash == bs[j].flash && bs[i].user < bs[j].user)
	})
	for _, b := range bs {
		if buyers[b] > limits[b.flash] {
			return errBatch
		}
		if err := orWhole(addBuyer(ctx, tx, b.flash, b.user, buyers[b], limits[b.flash])); err != nil {
			return err
		}
	}
	for _, id := range sortedKeys(stock) { // product order: no deadlocks between concurrent batches
		q := stock[id]
		if err := orWhole(takeStock(ctx, tx, id, q, true)); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// settlement is one charged order to record as paid, and the outcome.
type settlement struct {
	order *Order
	ref   string
	paid  *Order
	err   error
	ran   bool // the outcome is set
}

func (st *settlement) fail(err error) {
	if !st.ran {
		st.err, st.ran = err, true
	}
}

// settleMany records ss as paid in one transaction (then their show events
// in one more), or one by one if that fails: an order whose reservation
// expired meanwhile, or that a retry settled, takes the single path, which
// handles both.
func (s *Service) settleMany(ctx context.Context, ss []*settlement) {
	batch := len(ss) > 1
	for _, st := range ss {
		batch = batch && st.order.lines != nil
	}
	if batch {
		now := s.clock.Now()
		var err error
		timed(ctx, func(ctx context.Context) {
			if done, oneErr := s.settleInOne(ctx, ss, now); done {
				err = oneErr
				return
			}
			err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return settleBatch(ctx, tx, ss, now) })
		})
		if err == nil {
			timed(ctx, func(ctx context.Context) { s.afterPaid(ctx, ss, now) })
			s.batchedSettlements.Add(int64(len(ss)))
			return
		}
		if !errors.Is(err, errBatch) {
			s.opt.Logger.WarnContext(ctx, "order: batch settlement failed; settling one by one", "orders", len(ss), "err", err)
		}
	}
	for _, st := range ss {
		timed(ctx, func(ctx context.Context) { st.paid, st.err = s.settle(ctx, st.order, st.ref) })
		st.ran = true
	}
}

// settleInOne writes, on PostgreSQL, what settleBatch writes as a single
// statement (data-modifying WITH): the orders and their lines PAID, their
// ledger postings and the bought products out of the carts. It divides by
// whether every order was still PENDING_PAYMENT, so otherwise (a
// reservation expired, a retry settled it) it fails whole, as does a
// posting key already stored, and the orders are settled one by one. One
// round trip instead of seven.
func (s *Service) settleInOne(ctx context.Context, ss []*settlement, now time.Time) (done bool, err error) {
	if s.db.Dialect().Name() != dialect.PG {
		return false, nil
	}
	postings, err := paymentPostings(ss, now)
	if err != nil {
		return true, err
	}
	insertPostings, insertEntries, err := ledger.Inserts(s.db, postings)
	if err != nil {
		return true, err
	}
	update, args := markPaid(ss, now)
	query := "WITH paid AS (" + s.db.NewRaw(update+" RETURNING id", args...).String() + "), " +
		"ln AS (" + s.db.NewRaw("UPDATE order_lines SET paid_at = ? WHERE order_id IN (SELECT id FROM paid)", now).String() + "), " +
		"lp AS (" + insertPostings + "), le AS (" + insertEntries + "), " +
		"cl AS (" + leaveCarts(s.db.NewDelete(), ss).String() + ") " +
		fmt.Sprintf("SELECT 1 / (CASE WHEN (SELECT COUNT(*) FROM paid) = %d THEN 1 ELSE 0 END)", len(ss))
	_, err = s.db.ExecContext(ctx, query)
	switch {
	case err == nil:
		s.settledInOne.Add(int64(len(ss)))
	case isDivisionByZero(err):
		err = errBatch // not every order was waiting for its settlement
	case kernel.IsUniqueViolation(err):
		err = fmt.Errorf("%w: %w", errBatch, err) // a posting already stored
	}
	return true, err
}

func settleBatch(ctx context.Context, tx bun.Tx, ss []*settlement, now time.Time) error {
	update, args := markPaid(ss, now)
	res, err := tx.NewRaw(update, args...).Exec(ctx)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != int64(len(ss)) {
		return errBatch // some reservation expired, or a retry settled it: one by one
	}
	ids := make([]string, len(ss))
	for i, st := range ss {
		ids[i] = st.order.ID
	}
	if err := linesPaid(ctx, tx, ids, now); err != nil {
		return err
	}
	postings, err := paymentPostings(ss, now)
	if err != nil {
		return err
	}
	if err := ledger.PostAll(ctx, tx, postings); err != nil {
		if errors.Is(err, ledger.ErrDuplicate) {
			return fmt.Errorf("%w: %w", errBatch, err)
		}
		return err
	}
	_, err = leaveCarts(tx.NewDelete(), ss).Exec(ctx)
	return err
}

// markPaid is the statement (and its arguments) that marks the orders of
// ss PAID, each with its charge, if they are still PENDING_PAYMENT.
func markPaid(ss []*settlement, now time.Time) (string, []any) {
	ids := make([]string, len(ss))
	var cases strings.Builder
	args := []any{StatusPaid, now}
	cases.WriteString("CASE id")
	for i, st := range ss {
		ids[i] = st.order.ID
		cases.WriteString(" WHEN ? THEN ?")
		args = append(args, st.order.ID, st.ref)
	}
	cases.WriteString(" END")
	args = append(args, bun.In(ids), StatusPendingPayment)
	return "UPDATE orders SET status = ?, paid_at = ?, payment_ref = " + cases.String() + " WHERE id IN (?) AND status = ?", args
}

// linesPaid gives the lines of the orders ids the time they were paid, by
// which reports find them (see migration 15).
func linesPaid(ctx context.Context, tx bun.IDB, ids []string, now time.Time) error {
	_, err := tx.NewUpdate().Table("order_lines").Set("paid_at = ?", now).Where("order_id IN (?)", bun.In(ids)).Exec(ctx)
	return err
}

// paymentPostings are the ledger postings of the orders of ss.
func paymentPostings(ss []*settlement, now time.Time) ([]*ledger.Posting, error) {
	postings := make([]*ledger.Posting, len(ss))
	for i, st := range ss {
		p, err := paymentPosting(st.order, st.order.lines, now)
		if err != nil {
			return nil, err
		}
		postings[i] = p
	}
	return postings, nil
}

// leaveCarts makes q delete the bought products from each buyer's cart:
// the lines whose (cart, product) is among the buyers' (cart, product)
// pairs, which the database finds through its indexes. (One condition per
// buyer joined by OR, the first form, made PostgreSQL read every cart line
// of every shopper for each batch: BenchmarkSettlementCartCleanup.) The
// pairs are a VALUES list, whose columns both databases name column1 and
// column2 (SQLite refuses a UNION ALL of more than 500 SELECTs; a batch may
// hold 32 carts of 50 lines).
func leaveCarts(q *bun.DeleteQuery, ss []*settlement) *bun.DeleteQuery {
	var pairs strings.Builder
	var args []any
	for _, st := range ss {
		for _, product := range boughtProducts(st.order.lines) {
			if len(args) > 0 {
				pairs.WriteString(", ")
			}
			pairs.WriteString("(?, ?)")
			args = append(args, st.order.UserID, product)
		}
	}
	q = q.Model((*CartLine)(nil))
	if len(args) == 0 {
		return q.Where("FALSE")
	}
	return q.Where("(cart_id, product_id) IN (SELECT ca.id, b.column2 FROM carts AS ca JOIN (VALUES "+pairs.String()+") AS b ON b.column1 = ca.user_id)", args...)
}

// afterPaid records and publishes the show events and vendor sales of
// settled orders (one transaction for all of them) and fills their
// answers.
func (s *Service) afterPaid(ctx context.Context, ss []*settlement, now time.Time) {
	orders := make([]*Order, len(ss))
	for i, st := range ss {
		orders[i] = st.order
	}
	var events []*showevents.Event
	var sales []*Sale
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		events, sales, err = saleEvents(ctx, tx, orders, now)
		return err
	})
	if err != nil {
		s.opt.Logger.WarnContext(ctx, "order: record sale events", "orders", len(orders), "err", err)
	}
	s.publish(ctx, events...)
	for _, sale := range sales {
		if err := s.opt.Sales.Publish(ctx, sale); err != nil {
			s.opt.Logger.WarnContext(ctx, "order: publish sale", "order", sale.OrderID, "err", err)
		}
	}
	for _, st := range ss {
		paid := *st.order
		ref := st.ref
		paid.Status, paid.PaidAt, paid.PaymentRef = StatusPaid, &now, &ref
		st.paid, st.ran = &paid, true
	}
}

func boughtProducts(lines []*Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.ProductID
	}
	return out
}

// paymentPosting is the ledger posting of a paid order.
func paymentPosting(o *Order, lines []*Line, now time.Time) (*ledger.Posting, error) {
	var ll []ledger.Line
	for _, l := range lines {
		ll = append(ll, ledger.Line{VendorID: l.VendorID, InfluencerID: deref(l.InfluencerID), Currency: o.Currency,
			Total: l.TotalMinor, CommissionBps: l.CommissionBps, FeeBps: l.PlatformFeeBps})
	}
	return ledger.PaymentPosting(ledger.PaymentKey(o.ID), o.ID, now, ll)
}
