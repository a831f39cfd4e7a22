package order_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/livekit"
	"github.com/livemarket/livemarket/internal/testkit"
)

var ctx = context.Background()

const (
	day     = 24 * time.Hour
	feeBps  = 500 // the operator's default platform fee in these tests
	okToken = "tok_visa"
)

// payments is the test's payment provider: by default the built-in test
// provider (tok_visa succeeds, anything else is declined); a test may swap
// in its own behaviour. It counts every call and every successful charge,
// and keeps what it refunded per order (once per refund id, as a real
// provider's idempotency keys do).
type payments struct {
	mu      sync.Mutex
	base    order.TestPayments
	fn      func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error)
	calls   atomic.Int64
	charged map[string]int    // order id → successful Charge calls
	refs    map[string]string // charge reference → order id
	refunds map[string]bool   // refund ids seen
	// refundCalls counts Refund calls per refund id; askedCharged counts
	// Charged questions.
	refundCalls  map[string]int
	askedCharged atomic.Int64
	refunded     map[string]int64 // order id → amount given back
	// refundErr and chargedErr, when set, fail every refund and every
	// Charged question (a provider outage).
	refundErr, chargedErr error
}

func newPayments() *payments {
	return &payments{charged: map[string]int{}, refs: map[string]string{}, refunds: map[string]bool{}, refunded: map[string]int64{},
		refundCalls: map[string]int{}}
}

// Charged reports an order's charge, as the provider knows it.
func (p *payments) Charged(_ context.Context, orderID string) (string, error) {
	p.askedCharged.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.chargedErr != nil {
		return "", p.chargedErr
	}
	for ref, id := range p.refs {
		if id == orderID {
			return ref, nil
		}
	}
	return "", nil
}

// Refund gives (part of) a charge back, once per refund id.
func (p *payments) Refund(_ context.Context, refundID, ref string, amount kernel.Money) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.refundCalls[refundID]++
	if p.refundErr != nil {
		return p.refundErr
	}
	orderID, ok := p.refs[ref]
	if !ok {
		return fmt.Errorf("no charge %q", ref)
	}
	if !p.refunds[refundID] {
		p.refunds[refundID] = true
		p.refunded[orderID] += amount.AmountMinor
	}
	return nil
}

func (p *payments) failRefunds(err error) {
	p.mu.Lock()
	p.refundErr = err
	p.mu.Unlock()
}

// landCharge records a charge at the provider now, whatever the service
// hears of it later.
func (p *payments) landCharge(orderID, ref string) {
	p.mu.Lock()
	p.charged[orderID]++
	p.refs[ref] = orderID
	p.mu.Unlock()
}

// refundCallsOf counts the Refund calls for each of ids.
func (p *payments) refundCallsOf(ids ...string) []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = p.refundCalls[id]
	}
	return out
}

func (p *payments) failCharged(err error) {
	p.mu.Lock()
	p.chargedErr = err
	p.mu.Unlock()
}

func (p *payments) refundedOrders() map[string]int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]int64, len(p.refunded))
	for k, v := range p.refunded {
		out[k] = v
	}
	return out
}

func (p *payments) Charge(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error) {
	p.calls.Add(1)
	p.mu.Lock()
	fn := p.fn
	p.mu.Unlock()
	var ref string
	var err error
	if fn != nil {
		ref, err = fn(ctx, orderID, amount, token)
	} else {
		ref, err = p.base.Charge(ctx, orderID, amount, token)
	}
	var lost lostAnswer
	if errors.As(err, &lost) {
		ref = lost.ref
	}
	if err == nil || ref != "" {
		p.mu.Lock()
		p.charged[orderID]++
		p.refs[ref] = orderID
		p.mu.Unlock()
	}
	if err != nil {
		return "", err
	}
	return ref, nil
}

// lostAnswer is a charge the provider made whose answer never reached the
// service (a timeout, a reset connection): the provider knows it as ref.
type lostAnswer struct{ ref string }

func (l lostAnswer) Error() string { return "connection reset while charging (" + l.ref + ")" }

// runRefundJobs runs the refund jobs waiting in the outbox, as a worker
// would (each once; a failure leaves the job waiting) and returns the
// errors.
func (e *env) runRefundJobs(t *testing.T) []error {
	t.Helper()
	ms, err := outbox.Pending(ctx, e.db, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	for _, m := range ms {
		if m.Kind != order.JobSendRefund {
			continue
		}
		var job order.RefundJob
		if err := json.Unmarshal([]byte(m.Payload), &job); err != nil {
			t.Fatal(err)
		}
		if err := e.orders.SendRefund(ctx, job.PaymentRefundID); err != nil {
			errs = append(errs, err)
			continue
		}
		if err := outbox.MarkRelayed(ctx, e.db, m.ID, e.clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	return errs
}

// set replaces the provider's behaviour (nil: the built-in test provider).
func (p *payments) set(fn func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error)) {
	p.mu.Lock()
	p.fn = fn
	p.mu.Unlock()
}

func (p *payments) chargedOrders() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]int, len(p.charged))
	for k, v := range p.charged {
		out[k] = v
	}
	return out
}

// hookClock is the services' clock: a ManualClock that runs a one-shot
// hook on the next reading, so a test can slip a step in between two
// statements of a service call.
type hookClock struct {
	*kernel.ManualClock
	hook atomic.Pointer[func()]
}

func (c *hookClock) Now() time.Time {
	if h := c.hook.Swap(nil); h != nil {
		(*h)()
	}
	return c.ManualClock.Now()
}

// otherProcess is a second replica of the services over the same database,
// clock and payment provider: what it holds in memory (the stock gate, the
// keys in flight) is its own.
func (e *env) otherProcess() *order.Service {
	return app.New(e.db, app.Options{
		Clock:    e.hooks,
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		Accounts: account.Options{Hash: testkit.FastHash},
		Collab:   collab.Options{DefaultPlatformFeeBps: feeBps},
		LiveKit:  livekit.Config{APIKey: testkit.LiveKitKey, APISecret: testkit.LiveKitSecret},
		Payments: e.pay,
	}).Orders
}

// onNextNow runs fn the next time a service reads the clock.
func (e *env) onNextNow(fn func()) { e.hooks.hook.Store(&fn) }

// env is a marketplace wired like production (internal/app) over a fresh
// database: vendors A (owner ownerA, staff staffA) and B (owner ownerB,
// staff staffB), two hosts (influencers) and an admin. Shoppers are made on
// demand.
type env struct {
	db     *bun.DB
	clock  *kernel.ManualClock
	hooks  *hookClock
	app    *app.App
	orders *order.Service
	pay    *payments

	ownerA, staffA, ownerB, staffB, admin, hostV, host2V kernel.Viewer
	vendorA, vendorB                                     *vendor.Vendor
	host, host2                                          *influencer.Influencer

	seq atomic.Int64
}

func newEnv(t testing.TB, db *bun.DB) *env {
	t.Helper()
	clock := kernel.NewManualClock(testkit.Epoch)
	hooks := &hookClock{ManualClock: clock}
	pay := newPayments()
	a := app.New(db, app.Options{
		Clock:    hooks,
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		Accounts: account.Options{Hash: testkit.FastHash},
		Collab:   collab.Options{DefaultPlatformFeeBps: feeBps},
		// Keys but no URL: tokens are issued, rooms are not called.
		LiveKit:  livekit.Config{APIKey: testkit.LiveKitKey, APISecret: testkit.LiveKitSecret},
		Payments: pay,
	})
	e := &env{db: db, clock: clock, hooks: hooks, app: a, orders: a.Orders, pay: pay}
	e.ownerA = e.user(t, "owner-a")
	e.staffA = e.user(t, "staff-a")
	e.ownerB = e.user(t, "owner-b")
	e.staffB = e.user(t, "staff-b")
	e.admin = e.user(t, "admin")
	e.admin.IsAdmin = true
	e.hostV = e.user(t, "host")
	e.host2V = e.user(t, "host2")
	var err error
	if e.vendorA, err = a.Vendors.Create(ctx, e.ownerA, vendor.CreateInput{Name: "Vendor A", Slug: "vendor-a"}); err != nil {
		t.Fatal(err)
	}
	if e.vendorB, err = a.Vendors.Create(ctx, e.ownerB, vendor.CreateInput{Name: "Vendor B", Slug: "vendor-b"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Vendors.AddStaff(ctx, e.ownerA, e.vendorA.ID, "staff-a@example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Vendors.AddStaff(ctx, e.ownerB, e.vendorB.ID, "staff-b@example.com"); err != nil {
		t.Fatal(err)
	}
	if e.host, err = a.Influencers.CreateProfile(ctx, e.hostV, influencer.CreateInput{Handle: "host_one", DisplayName: "Host One"}); err != nil {
		t.Fatal(err)
	}
	if e.host2, err = a.Influencers.CreateProfile(ctx, e.host2V, influencer.CreateInput{Handle: "host_two", DisplayName: "Host Two"}); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) user(t testing.TB, name string) kernel.Viewer {
	t.Helper()
	a, err := e.app.Accounts.SignUp(ctx, account.SignUpInput{Email: name + "@example.com", Password: testkit.Password, DisplayName: name})
	if err != nil {
		t.Fatalf("SignUp(%s): %v", name, err)
	}
	return kernel.Viewer{UserID: a.User.ID}
}

// shopper signs up a fresh shopper.
func (e *env) shopper(t testing.TB) kernel.Viewer {
	t.Helper()
	return e.user(t, fmt.Sprintf("shopper-%d", e.seq.Add(1)))
}

func (e *env) shoppers(t testing.TB, n int) []kernel.Viewer {
	t.Helper()
	out := make([]kernel.Viewer, n)
	for i := range out {
		out[i] = e.shopper(t)
	}
	return out
}

func (e *env) ownerOf(vendorID string) kernel.Viewer {
	if vendorID == e.vendorB.ID {
		return e.ownerB
	}
	return e.ownerA
}

func (e *env) staffOf(vendorID string) kernel.Viewer {
	if vendorID == e.vendorB.ID {
		return e.staffB
	}
	return e.staffA
}

// product lists a product of vd at price (minor units of currency) with stock.
func (e *env) product(t testing.TB, vd *vendor.Vendor, price int64, stock int, currency string) *catalog.Product {
	t.Helper()
	n := e.seq.Add(1)
	p, err := e.app.Catalog.Create(ctx, e.ownerOf(vd.ID), catalog.CreateInput{
		VendorID: vd.ID, Title: fmt.Sprintf("Product %d", n), Description: "A fine product.", Category: "beauty",
		Price: kernel.Money{AmountMinor: price, Currency: currency}, Stock: stock, SKU: fmt.Sprintf("SKU-%05d", n),
	})
	if err != nil {
		t.Fatalf("product: %v", err)
	}
	return p
}

// collab makes an ACTIVE collaboration of the host h on p at bps (an open
// offer, booked at once).
func (e *env) collab(t testing.TB, h kernel.Viewer, p *catalog.Product, bps int) *collab.Collaboration {
	t.Helper()
	o, err := e.app.Collab.PublishOffer(ctx, e.ownerOf(p.VendorID), collab.PublishInput{ProductID: p.ID, CommissionBps: bps})
	if err != nil {
		t.Fatalf("PublishOffer(%d): %v", bps, err)
	}
	c, err := e.app.Collab.Book(ctx, h, collab.BookInput{OfferID: o.ID})
	if err != nil {
		t.Fatalf("Book: %v", err)
	}
	return c
}

// scheduledShow makes a SCHEDULED show of host h featuring products,
// starting in 10 minutes.
func (e *env) scheduledShow(t testing.TB, h kernel.Viewer, products ...*catalog.Product) *show.Show {
	t.Helper()
	sh := e.draftShow(t, h, products...)
	if _, err := e.app.Shows.Publish(ctx, h, sh.ID); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	return e.showByID(t, sh.ID)
}

func (e *env) draftShow(t testing.TB, h kernel.Viewer, products ...*catalog.Product) *show.Show {
	t.Helper()
	ids := make([]string, len(products))
	for i, p := range products {
		ids[i] = p.ID
	}
	now := e.clock.Now()
	n := e.seq.Add(1)
	sh, err := e.app.Shows.Create(ctx, h, show.CreateInput{
		Details:        show.Details{Title: fmt.Sprintf("Show %d", n), Category: "beauty"},
		ScheduledStart: now.Add(10 * time.Minute), ScheduledEnd: now.Add(3 * time.Hour), ProductIDs: ids,
	})
	if err != nil {
		t.Fatalf("show Create: %v", err)
	}
	return sh
}

// liveShow makes a LIVE show of host h featuring products.
func (e *env) liveShow(t testing.TB, h kernel.Viewer, products ...*catalog.Product) *show.Show {
	t.Helper()
	sh := e.scheduledShow(t, h, products...)
	if _, err := e.app.Shows.GoLive(ctx, h, sh.ID); err != nil {
		t.Fatalf("GoLive: %v", err)
	}
	return e.showByID(t, sh.ID)
}

func (e *env) endShow(t testing.TB, h kernel.Viewer, sh *show.Show) {
	t.Helper()
	if _, err := e.app.Shows.End(ctx, h, sh.ID); err != nil {
		t.Fatalf("End: %v", err)
	}
}

func (e *env) showByID(t testing.TB, id string) *show.Show {
	t.Helper()
	m, err := show.ByIDs(ctx, e.db, []string{id})
	if err != nil || m[id] == nil {
		t.Fatalf("show.ByIDs(%s) = %v, %v", id, m, err)
	}
	return m[id]
}

// flash starts a flash sale (host h) on p in the LIVE show sh.
func (e *env) flash(t testing.TB, h kernel.Viewer, sh *show.Show, p *catalog.Product, price int64, quantity, perBuyer int) *order.FlashSale {
	t.Helper()
	fs, err := e.orders.StartFlashSale(ctx, h, order.FlashSaleInput{ShowID: sh.ID, ProductID: p.ID,
		Price: kernel.Money{AmountMinor: price, Currency: p.Currency}, Quantity: quantity, PerBuyerLimit: perBuyer, Duration: 30 * time.Minute})
	if err != nil {
		t.Fatalf("StartFlashSale: %v", err)
	}
	return fs
}

func (e *env) flashSale(t testing.TB, id string) *order.FlashSale {
	t.Helper()
	fs := &order.FlashSale{}
	if err := e.db.NewSelect().Model(fs).Where("fs.id = ?", id).Scan(ctx); err != nil {
		t.Fatalf("flash sale %s: %v", id, err)
	}
	return fs
}

func (e *env) flashBuyers(t testing.TB, saleID string) map[string]int {
	t.Helper()
	var rows []struct {
		UserID   string `bun:"user_id"`
		Quantity int    `bun:"quantity"`
	}
	if err := e.db.NewSelect().Table("flash_sale_buyers").Column("user_id", "quantity").Where("flash_sale_id = ?", saleID).Scan(ctx, &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.UserID] = r.Quantity
	}
	return out
}

// add puts quantity of p in v's cart (from show sh when not nil).
func (e *env) add(t testing.TB, v kernel.Viewer, p *catalog.Product, quantity int, sh *show.Show) *order.Cart {
	t.Helper()
	var sid *string
	if sh != nil {
		sid = &sh.ID
	}
	c, err := e.orders.AddLine(ctx, v, p.ID, quantity, sid)
	if err != nil {
		t.Fatalf("AddLine(%d): %v", quantity, err)
	}
	return c
}

func address() order.Address {
	return order.Address{Name: "Ada Shopper", Line1: "1 Rue de Rivoli", City: "Paris", PostalCode: "75001", Country: "FR"}
}

func checkoutIn(key, token string) order.CheckoutInput {
	return order.CheckoutInput{IdempotencyKey: key, PaymentToken: token, Shipping: address()}
}

// buy checks v's cart out (tok_visa) and wants it PAID.
func (e *env) buy(t testing.TB, v kernel.Viewer) *order.Order {
	t.Helper()
	o, err := e.orders.Checkout(ctx, v, checkoutIn(kernel.NewID(), okToken))
	if err != nil {
		t.Fatalf("Checkout: %v", err)
	}
	if o.Status != order.StatusPaid {
		t.Fatalf("Checkout: status %s, want PAID", o.Status)
	}
	return o
}

// view loads an order as an admin sees it (every line).
func (e *env) view(t testing.TB, id string) *order.View {
	t.Helper()
	v, err := e.orders.Get(ctx, e.admin, id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return v
}

func (e *env) stock(t testing.TB, p *catalog.Product) int {
	t.Helper()
	ps, err := catalog.ByIDs(ctx, e.db, []string{p.ID})
	if err != nil || ps[p.ID] == nil {
		t.Fatalf("catalog.ByIDs: %v", err)
	}
	return ps[p.ID].Stock
}

func (e *env) count(t testing.TB, table string, where string, args ...any) int {
	t.Helper()
	q := e.db.NewSelect().Table(table)
	if where != "" {
		q = q.Where(where, args...)
	}
	n, err := q.Count(ctx)
	if err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return int(n)
}

// statuses counts orders per status.
func (e *env) statuses(t testing.TB) map[string]int {
	t.Helper()
	var rows []struct {
		Status string `bun:"status"`
		N      int    `bun:"n"`
	}
	if err := e.db.NewSelect().Table("orders").ColumnExpr("status, COUNT(*) AS n").GroupExpr("status").Scan(ctx, &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.Status] = r.N
	}
	return out
}

func (e *env) setFee(t testing.TB, vd *vendor.Vendor, bps int) {
	t.Helper()
	if _, err := e.app.Collab.SetPlatformFee(ctx, e.admin, vd.ID, &bps); err != nil {
		t.Fatalf("SetPlatformFee(%d): %v", bps, err)
	}
}

// ---- errors ----

// codeOf is the code of an expected failure, "" for nil and "INTERNAL" for
// an error that is not one.
func codeOf(err error) kernel.Code {
	if err == nil {
		return ""
	}
	fes, ok := kernel.AsFieldErrors(err)
	if !ok || len(fes) == 0 {
		return "INTERNAL"
	}
	return fes[0].Code
}

// wantErr checks err is the expected typed failure: the sentinels for
// FORBIDDEN and UNAUTHENTICATED, else a FieldError with code on field (any
// field when field is nil).
func wantErr(t testing.TB, err error, code kernel.Code, field ...string) {
	t.Helper()
	switch code {
	case kernel.CodeForbidden:
		if !errors.Is(err, kernel.ErrForbidden) {
			t.Fatalf("want ErrForbidden, got %v", err)
		}
		return
	case kernel.CodeUnauthenticated:
		if !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("want ErrUnauthenticated, got %v", err)
		}
		return
	}
	fes, ok := kernel.AsFieldErrors(err)
	if err == nil || !ok {
		t.Fatalf("want %s on %v, got %v", code, field, err)
	}
	for _, fe := range fes {
		if fe.Code == code && (field == nil || reflect.DeepEqual(fe.Field, field)) && fe.Message != "" {
			return
		}
	}
	t.Fatalf("want %s on %v, got %+v", code, field, fes)
}

// unchanged runs fn and fails if any application table changed.
func unchanged(t testing.TB, db *bun.DB, fn func()) {
	t.Helper()
	before := testkit.Snapshot(t, db)
	fn()
	if after := testkit.Snapshot(t, db); after != before {
		t.Fatalf("refused call changed the database:\n%s", diff(before, after))
	}
}

// diff shows the lines of b not in a and of a not in b.
func diff(a, b string) string {
	split := func(s string) map[string]bool {
		m := map[string]bool{}
		start := 0
		for i := 0; i < len(s); i++ {
			if s[i] == '\n' {
				m[s[start:i]] = true
				start = i + 1
			}
		}
		return m
	}
	ma, mb := split(a), split(b)
	out := ""
	for l := range ma {
		if !mb[l] {
			out += "- " + l + "\n"
		}
	}
	for l := range mb {
		if !ma[l] {
			out += "+ " + l + "\n"
		}
	}
	return out
}

// together runs fns at the same moment and returns their results.
func together[T any](n int, fn func(i int) (T, error)) ([]T, []error) {
	out := make([]T, n)
	errs := make([]error, n)
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	ready.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			out[i], errs[i] = fn(i)
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
	return out, errs
}

// ---- ledger ----

// partsOf sums a posting's entries into the parties' parts (signs as the
// payment posts them: credits positive) and the cash.
type posted struct {
	Cash                         int64
	Vendor, Influencer, Platform int64
	ByParty                      map[string]int64 // vendor and influencer ids → credited amount
}

func sumPosting(p *ledger.Posting) posted {
	s := posted{ByParty: map[string]int64{}}
	for _, en := range p.Entries {
		switch en.Account {
		case ledger.AccountCash:
			s.Cash += en.Amount
		case ledger.AccountVendorPayable:
			s.Vendor -= en.Amount
			s.ByParty[en.PartyID] -= en.Amount
		case ledger.AccountInfluencerPayable:
			s.Influencer -= en.Amount
			s.ByParty[en.PartyID] -= en.Amount
		case ledger.AccountPlatformRevenue:
			s.Platform -= en.Amount
		}
	}
	return s
}

// expectedParts is the split of an order's lines as ARCHITECTURE.md §4 says.
func expectedParts(lines []*order.Line) posted {
	s := posted{ByParty: map[string]int64{}}
	for _, l := range lines {
		bps := 0
		if l.InfluencerID != nil {
			bps = l.CommissionBps
		}
		inf := l.TotalMinor * int64(bps) / 10000
		plat := l.TotalMinor * int64(l.PlatformFeeBps) / 10000
		s.Cash += l.TotalMinor
		s.Influencer += inf
		s.Platform += plat
		s.Vendor += l.TotalMinor - inf - plat
		s.ByParty[l.VendorID] += l.TotalMinor - inf - plat
		if inf != 0 {
			s.ByParty[*l.InfluencerID] += inf
		}
	}
	for k, v := range s.ByParty {
		if v == 0 {
			delete(s.ByParty, k)
		}
	}
	return s
}

// checkLedger proves the whole ledger balances and that every order's
// postings are what its state says: a PAID (or refunded) order has exactly
// one payment posting, splitting its total by its lines; any other order
// has none. And every line carries its order's paid_at (none when unpaid)
// and currency, by which reports find and sum it.
func (e *env) checkLedger(t testing.TB) {
	t.Helper()
	if err := ledger.Check(ctx, e.db); err != nil {
		t.Fatalf("ledger.Check: %v", err)
	}
	n, err := e.db.NewSelect().TableExpr("order_lines AS ol").Join("JOIN orders AS o ON o.id = ol.order_id").
		Where("(o.paid_at IS NULL) <> (ol.paid_at IS NULL) OR o.paid_at <> ol.paid_at OR ol.currency <> o.currency").Count(ctx)
	if err != nil || n != 0 {
		t.Fatalf("%d order lines whose paid_at or currency is not their order's (%v)", n, err)
	}
	var ids []string
	if err := e.db.NewSelect().Table("orders").Column("id").Scan(ctx, &ids); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		v := e.view(t, id)
		ps, err := ledger.ForOrder(ctx, e.db, id)
		if err != nil {
			t.Fatal(err)
		}
		var payments []*ledger.Posting
		for _, p := range ps {
			if p.Kind == ledger.KindPayment {
				payments = append(payments, p)
			}
		}
		switch v.Status {
		case order.StatusPaid, order.StatusPartiallyRefunded, order.StatusRefunded:
			if len(payments) != 1 {
				t.Fatalf("order %s (%s): %d payment postings, want 1", id, v.Status, len(payments))
			}
			got, want := sumPosting(payments[0]), expectedParts(v.Lines)
			if got.Cash != v.TotalMinor || got.Vendor+got.Influencer+got.Platform != v.TotalMinor {
				t.Fatalf("order %s: posting %+v does not split the total %d", id, got, v.TotalMinor)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("order %s: posted %+v, want %+v", id, got, want)
			}
		default:
			if len(ps) != 0 {
				t.Fatalf("order %s (%s) has %d postings", id, v.Status, len(ps))
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }
