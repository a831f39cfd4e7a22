package payout_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
)

var ctx = context.Background()

const (
	hold    = 14 * 24 * time.Hour
	minimum = 1000
)

// provider records what it was asked to send. Send is idempotent on the
// payout id, as the Provider contract asks: a repeat is counted, not paid.
type provider struct {
	mu       sync.Mutex
	calls    map[string]int              // payout id → Send calls
	recorded map[string]bool             // payout ids accepted
	paidTo   map[string]map[string]int64 // party → currency → amount paid (once per payout)
	// answer decides each call (nil: accepted, waiting for confirmation)
	answer func(p *payout.Payout) (payout.Sent, error)
}

func newProvider() *provider {
	return &provider{calls: map[string]int{}, recorded: map[string]bool{}, paidTo: map[string]map[string]int64{}}
}

func (p *provider) Name() string { return "manual" }

func (p *provider) Send(_ context.Context, po *payout.Payout) (payout.Sent, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls[po.ID]++
	var sent payout.Sent
	if p.answer != nil {
		var err error
		if sent, err = p.answer(po); err != nil {
			return sent, err
		}
	}
	if !p.recorded[po.ID] { // idempotent on the payout id
		p.recorded[po.ID] = true
		if p.paidTo[po.PartyID] == nil {
			p.paidTo[po.PartyID] = map[string]int64{}
		}
		p.paidTo[po.PartyID][po.Currency] += po.AmountMinor
	}
	return sent, nil
}

func (p *provider) paid(party, currency string) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.paidTo[party][currency]
}

type env struct {
	db       *bun.DB
	clock    *kernel.ManualClock
	prov     *provider
	payouts  *payout.Service
	accounts *account.Service
	vendors  *vendor.Service
	infls    *influencer.Service
	seq      int
}

func newEnv(t *testing.T, d *bun.DB) *env {
	t.Helper()
	e := &env{db: d, clock: kernel.NewManualClock(testkit.Epoch), prov: newProvider()}
	e.payouts = e.service()
	e.accounts = account.NewService(d, e.clock, account.Options{Hash: testkit.FastHash})
	e.vendors = vendor.NewService(d, e.clock, e.accounts)
	e.infls = influencer.NewService(d, e.clock)
	return e
}

// service is another instance over the same database (another process).
func (e *env) service() *payout.Service {
	return payout.NewService(e.db, e.clock, payout.Options{Hold: hold, Minimum: minimum, Provider: e.prov,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
}

func (e *env) user(t *testing.T, name string) kernel.Viewer {
	t.Helper()
	a, err := e.accounts.SignUp(ctx, account.SignUpInput{Email: name + "@example.com", Password: testkit.Password, DisplayName: name})
	if err != nil {
		t.Fatal(err)
	}
	return kernel.Viewer{UserID: a.User.ID}
}

func (e *env) vendor(t *testing.T, owner kernel.Viewer, slug string) *vendor.Vendor {
	t.Helper()
	v, err := e.vendors.Create(ctx, owner, vendor.CreateInput{Name: "Vendor " + slug, Slug: slug})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (e *env) influencer(t *testing.T, v kernel.Viewer, handle string) *influencer.Influencer {
	t.Helper()
	i, err := e.infls.CreateProfile(ctx, v, influencer.CreateInput{Handle: handle, DisplayName: "Host " + handle})
	if err != nil {
		t.Fatal(err)
	}
	return i
}

// sale posts a paid order now: total split between the vendor, the
// influencer (commission 10%; none when influencerID is "") and the
// platform (fee 5%). It returns the order id and the parts.
func (e *env) sale(t *testing.T, vendorID, influencerID, currency string, total int64) (string, ledger.Parts) {
	t.Helper()
	e.seq++
	orderID := kernel.NewID()
	line := ledger.Line{VendorID: vendorID, InfluencerID: influencerID, Currency: currency, Total: total, CommissionBps: 1000, FeeBps: 500}
	p, err := ledger.PaymentPosting(ledger.PaymentKey(orderID), orderID, e.clock.Now(), []ledger.Line{line})
	if err != nil {
		t.Fatal(err)
	}
	if err := ledger.Post(ctx, e.db, p); err != nil {
		t.Fatal(err)
	}
	return orderID, line.Parts()
}

// refund reverses parts of orderID now.
func (e *env) refund(t *testing.T, orderID, vendorID, influencerID, currency string, parts ledger.Parts) {
	t.Helper()
	p, err := ledger.RefundPosting(ledger.RefundKey(kernel.NewID()), orderID, e.clock.Now(),
		[]ledger.RefundLine{{VendorID: vendorID, InfluencerID: influencerID, Currency: currency, Parts: parts}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ledger.Post(ctx, e.db, p); err != nil {
		t.Fatal(err)
	}
}

// balance is party's balance in currency as an admin sees it.
func (e *env) balance(t *testing.T, party, currency string) payout.Balance {
	t.Helper()
	bs, err := e.payouts.Balances(ctx, kernel.Viewer{UserID: "admin", IsAdmin: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bs {
		if b.PartyID == party && b.Currency == currency {
			return *b
		}
	}
	return payout.Balance{PartyID: party, Currency: currency}
}

func (e *env) run(t *testing.T) *payout.RunResult {
	t.Helper()
	res, err := e.payouts.Run(ctx)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// payoutsOf lists every payout of party, oldest first.
func (e *env) payoutsOf(t *testing.T, party string) []*payout.Payout {
	t.Helper()
	var ps []*payout.Payout
	if err := e.db.NewSelect().Model(&ps).Where("party_id = ?", party).OrderExpr("created_at, id").Scan(ctx); err != nil {
		t.Fatal(err)
	}
	return ps
}

// checkLedger: every posting balances.
func (e *env) checkLedger(t *testing.T) {
	t.Helper()
	if err := ledger.Check(ctx, e.db); err != nil {
		t.Fatalf("ledger: %v", err)
	}
}

var admin = kernel.Viewer{UserID: "admin", IsAdmin: true}

func wantCode(t *testing.T, err error, code kernel.Code) {
	t.Helper()
	fes, ok := kernel.AsFieldErrors(err)
	if !ok || len(fes) == 0 || fes[0].Code != code {
		t.Fatalf("want %s, got %v", code, err)
	}
}

var errTransient = errors.New("connection reset by peer")
