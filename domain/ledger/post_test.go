package ledger_test

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/internal/testkit"
)

var (
	ctx = context.Background()
	t0  = testkit.Epoch
)

const (
	vendorA    = "vendor-a"
	vendorB    = "vendor-b"
	influencer = "influencer-i"
)

func rows(t *testing.T, db bun.IDB, table string) int {
	t.Helper()
	n, err := db.NewSelect().Table(table).Count(ctx)
	if err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return int(n)
}

func assertEmpty(t *testing.T, db bun.IDB) {
	t.Helper()
	if p, e := rows(t, db, "ledger_postings"), rows(t, db, "ledger_entries"); p != 0 || e != 0 {
		t.Fatalf("%d postings and %d entries stored, want none", p, e)
	}
}

func mustCheck(t *testing.T, db bun.IDB) {
	t.Helper()
	if err := ledger.Check(ctx, db); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

// payment is a paid order of vendor A: 10 units at 10.00 USD, attributed to
// the influencer at 10%, platform fee 5%.
func payment(t *testing.T, key, orderID string, at time.Time) *ledger.Posting {
	t.Helper()
	p, err := ledger.PaymentPosting(key, orderID, at, []ledger.Line{
		{VendorID: vendorA, InfluencerID: influencer, Currency: "USD", Total: 10000, CommissionBps: 1000, FeeBps: 500},
	})
	if err != nil {
		t.Fatalf("PaymentPosting: %v", err)
	}
	return p
}

func mustPost(t *testing.T, db bun.IDB, p *ledger.Posting) {
	t.Helper()
	if err := ledger.Post(ctx, db, p); err != nil {
		t.Fatalf("Post(%s): %v", p.Key, err)
	}
}

func TestPaymentPosting(t *testing.T) {
	t.Parallel()
	p, err := ledger.PaymentPosting("payment:o1", "o1", t0, []ledger.Line{
		{VendorID: vendorA, InfluencerID: influencer, Currency: "USD", Total: 10000, CommissionBps: 1000, FeeBps: 500},
		// unattributed: no commission whatever the rate says
		{VendorID: vendorA, Currency: "USD", Total: 333, CommissionBps: 1000, FeeBps: 500},
		// too small for any commission or fee: those entries are left out
		{VendorID: vendorB, InfluencerID: influencer, Currency: "USD", Total: 1, CommissionBps: 1000, FeeBps: 1000},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []ledger.Entry{
		{Account: ledger.AccountCash, Currency: "USD", Amount: 10334},
		{Account: ledger.AccountVendorPayable, PartyID: vendorA, Currency: "USD", Amount: -(8500 + 317)},
		{Account: ledger.AccountVendorPayable, PartyID: vendorB, Currency: "USD", Amount: -1},
		{Account: ledger.AccountInfluencerPayable, PartyID: influencer, Currency: "USD", Amount: -1000},
		{Account: ledger.AccountPlatformRevenue, Currency: "USD", Amount: -(500 + 16)},
	}
	if !reflect.DeepEqual(p.Entries, want) {
		t.Fatalf("entries\n%+v\nwant\n%+v", p.Entries, want)
	}
	if p.Key != "payment:o1" || p.Kind != ledger.KindPayment || p.OrderID != "o1" || !p.At.Equal(t0) {
		t.Fatalf("posting %+v", p)
	}

	r, err := ledger.RefundPosting("refund:r1", "o1", t0, []ledger.RefundLine{
		{VendorID: vendorA, InfluencerID: influencer, Currency: "USD", Parts: ledger.RefundParts(1000, 10, 0, 5, 1000, 500)},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantRefund := []ledger.Entry{
		{Account: ledger.AccountCash, Currency: "USD", Amount: -5000},
		{Account: ledger.AccountVendorPayable, PartyID: vendorA, Currency: "USD", Amount: 4250},
		{Account: ledger.AccountInfluencerPayable, PartyID: influencer, Currency: "USD", Amount: 500},
		{Account: ledger.AccountPlatformRevenue, Currency: "USD", Amount: 250},
	}
	if !reflect.DeepEqual(r.Entries, wantRefund) || r.Kind != ledger.KindRefund {
		t.Fatalf("refund %+v\nwant entries %+v", r, wantRefund)
	}
}

func TestBuildersRefuseBadInput(t *testing.T) {
	t.Parallel()
	ok := ledger.Line{VendorID: vendorA, Currency: "USD", Total: 100, FeeBps: 500}
	with := func(f func(*ledger.Line)) []ledger.Line { l := ok; f(&l); return []ledger.Line{l} }
	payments := []struct {
		name  string
		key   string
		at    time.Time
		lines []ledger.Line
	}{
		{"no lines", "k", t0, nil},
		{"nothing to move", "k", t0, with(func(l *ledger.Line) { l.Total = 0 })},
		{"no key", "", t0, []ledger.Line{ok}},
		{"no time", "k", time.Time{}, []ledger.Line{ok}},
		{"no vendor", "k", t0, with(func(l *ledger.Line) { l.VendorID = "" })},
		{"bad currency", "k", t0, with(func(l *ledger.Line) { l.Currency = "usd" })},
		{"unknown currency", "k", t0, with(func(l *ledger.Line) { l.Currency = "XXX" })},
		{"negative total", "k", t0, with(func(l *ledger.Line) { l.Total = -1 })},
		{"fee above 100%", "k", t0, with(func(l *ledger.Line) { l.FeeBps = 10001 })},
		{"rates above 100%", "k", t0, with(func(l *ledger.Line) { l.InfluencerID = influencer; l.CommissionBps = 9600 })},
	}
	for _, tt := range payments {
		t.Run("payment/"+tt.name, func(t *testing.T) {
			if _, err := ledger.PaymentPosting(tt.key, "o", tt.at, tt.lines); !errors.Is(err, ledger.ErrInvalid) {
				t.Fatalf("PaymentPosting = %v, want ErrInvalid", err)
			}
		})
	}
	refunds := []struct {
		name string
		line ledger.RefundLine
	}{
		{"commission on an unattributed line", ledger.RefundLine{VendorID: vendorA, Currency: "USD", Parts: ledger.Parts{Vendor: 1, Influencer: 1}}},
		{"negative part", ledger.RefundLine{VendorID: vendorA, Currency: "USD", Parts: ledger.Parts{Vendor: 2, Platform: -1}}},
		{"no vendor", ledger.RefundLine{Currency: "USD", Parts: ledger.Parts{Vendor: 1}}},
		{"bad currency", ledger.RefundLine{VendorID: vendorA, Currency: "US", Parts: ledger.Parts{Vendor: 1}}},
		{"nothing to move", ledger.RefundLine{VendorID: vendorA, Currency: "USD"}},
	}
	for _, tt := range refunds {
		t.Run("refund/"+tt.name, func(t *testing.T) {
			if _, err := ledger.RefundPosting("k", "o", t0, []ledger.RefundLine{tt.line}); !errors.Is(err, ledger.ErrInvalid) {
				t.Fatalf("RefundPosting = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestPostStoresABalancedPosting(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		at := t0.Add(1234567 * time.Nanosecond) // Post keeps microseconds
		p := payment(t, "payment:o1", "o1", at)
		mustPost(t, db, p)
		if !kernel.ValidID(p.ID) || !p.At.Equal(t0.Add(1234*time.Microsecond)) {
			t.Fatalf("Post set id %q, at %v", p.ID, p.At)
		}
		got, err := ledger.ByKey(ctx, db, "payment:o1")
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != p.ID || got.Key != p.Key || got.Kind != p.Kind || got.OrderID != "o1" || !got.At.Equal(p.At) || !reflect.DeepEqual(got.Entries, p.Entries) {
			t.Fatalf("ByKey = %+v\nwant %+v", got, p)
		}
		if _, err := ledger.ByKey(ctx, db, "payment:nope"); !errors.Is(err, kernel.ErrNotFound) {
			t.Fatalf("ByKey(missing) = %v", err)
		}
		// A posting without an order.
		q := payment(t, "adjustment", "", t0)
		mustPost(t, db, q)
		list, err := ledger.ForOrder(ctx, db, "o1")
		if err != nil || len(list) != 1 || list[0].ID != p.ID || !reflect.DeepEqual(list[0].Entries, p.Entries) {
			t.Fatalf("ForOrder = %+v, %v", list, err)
		}
		if got, _ := ledger.ByKey(ctx, db, "adjustment"); got.OrderID != "" {
			t.Fatalf("order id %q, want none", got.OrderID)
		}
		if n := rows(t, db, "ledger_entries"); n != 2*len(p.Entries) {
			t.Fatalf("%d entries stored, want %d", n, 2*len(p.Entries))
		}
		mustCheck(t, db)
	})
}

func TestPostRefusesInvalidPostings(t *testing.T) {
	t.Parallel()
	cash := func(amount int64) ledger.Entry {
		return ledger.Entry{Account: ledger.AccountCash, Currency: "USD", Amount: amount}
	}
	vendor := func(amount int64) ledger.Entry {
		return ledger.Entry{Account: ledger.AccountVendorPayable, PartyID: vendorA, Currency: "USD", Amount: amount}
	}
	tests := []struct {
		name    string
		p       ledger.Posting
		want    error
		balance *ledger.UnbalancedError
	}{
		{"unbalanced", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{cash(100), vendor(-90)}},
			ledger.ErrUnbalanced, &ledger.UnbalancedError{Key: "k", Currency: "USD", Sum: 10}},
		{"one-sided", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{cash(100)}},
			ledger.ErrUnbalanced, &ledger.UnbalancedError{Key: "k", Currency: "USD", Sum: 100}},
		{"balanced across currencies only", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{
			cash(100), {Account: ledger.AccountVendorPayable, PartyID: vendorA, Currency: "EUR", Amount: -100}}},
			ledger.ErrUnbalanced, &ledger.UnbalancedError{Key: "k", Currency: "EUR", Sum: -100}},
		{"one currency of two unbalanced", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{
			cash(100), vendor(-100),
			{Account: ledger.AccountCash, Currency: "EUR", Amount: 50},
			{Account: ledger.AccountVendorPayable, PartyID: vendorA, Currency: "EUR", Amount: -49}}},
			ledger.ErrUnbalanced, &ledger.UnbalancedError{Key: "k", Currency: "EUR", Sum: 1}},
		{"no entries", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0}, ledger.ErrInvalid, nil},
		{"no key", ledger.Posting{Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{cash(1), vendor(-1)}}, ledger.ErrInvalid, nil},
		{"unknown kind", ledger.Posting{Key: "k", Kind: "GIFT", At: t0, Entries: []ledger.Entry{cash(1), vendor(-1)}}, ledger.ErrInvalid, nil},
		{"no time", ledger.Posting{Key: "k", Kind: ledger.KindPayment, Entries: []ledger.Entry{cash(1), vendor(-1)}}, ledger.ErrInvalid, nil},
		{"zero amount", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{cash(1), vendor(-1), vendor(0)}}, ledger.ErrInvalid, nil},
		{"unknown account", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{cash(1), {Account: "SUSPENSE", Currency: "USD", Amount: -1}}}, ledger.ErrInvalid, nil},
		{"payable without party", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{cash(1), {Account: ledger.AccountVendorPayable, Currency: "USD", Amount: -1}}}, ledger.ErrInvalid, nil},
		{"cash with a party", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{{Account: ledger.AccountCash, PartyID: vendorA, Currency: "USD", Amount: 1}, vendor(-1)}}, ledger.ErrInvalid, nil},
		{"lower-case currency", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{
			{Account: ledger.AccountCash, Currency: "usd", Amount: 1}, {Account: ledger.AccountVendorPayable, PartyID: vendorA, Currency: "usd", Amount: -1}}}, ledger.ErrInvalid, nil},
		{"sum overflows", ledger.Posting{Key: "k", Kind: ledger.KindPayment, At: t0, Entries: []ledger.Entry{cash(1 << 62), cash(1 << 62), vendor(-(1 << 62)), vendor(-(1 << 62))}}, ledger.ErrInvalid, nil},
	}
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p := tt.p
				err := ledger.Post(ctx, db, &p)
				if !errors.Is(err, tt.want) {
					t.Fatalf("Post = %v, want %v", err, tt.want)
				}
				if tt.balance != nil {
					var ue *ledger.UnbalancedError
					if !errors.As(err, &ue) {
						t.Fatalf("Post = %v, want an *UnbalancedError", err)
					}
					want := *tt.balance
					want.PostingID = p.ID
					if *ue != want {
						t.Fatalf("UnbalancedError = %+v, want %+v", *ue, want)
					}
				}
				assertEmpty(t, db)
			})
		}
		mustCheck(t, db)
	})
}

func TestPostMultiCurrency(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		p, err := ledger.PaymentPosting("payment:multi", "o", t0, []ledger.Line{
			{VendorID: vendorA, Currency: "USD", Total: 1000, FeeBps: 1000},
			{VendorID: vendorA, InfluencerID: influencer, Currency: "EUR", Total: 999, CommissionBps: 3333, FeeBps: 3333},
			{VendorID: vendorB, Currency: "JPY", Total: 7, FeeBps: 9999},
		})
		if err != nil {
			t.Fatal(err)
		}
		mustPost(t, db, p)
		mustCheck(t, db)
		totals, err := ledger.Totals(ctx, db, ledger.Filter{Accounts: []ledger.AccountKind{ledger.AccountCash}})
		if err != nil {
			t.Fatal(err)
		}
		want := []ledger.Total{
			{Account: ledger.AccountCash, Currency: "EUR", Debits: 999},
			{Account: ledger.AccountCash, Currency: "JPY", Debits: 7},
			{Account: ledger.AccountCash, Currency: "USD", Debits: 1000},
		}
		if !reflect.DeepEqual(totals, want) {
			t.Fatalf("cash totals %+v, want %+v", totals, want)
		}
	})
}

func TestPostDuplicateKey(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		first := payment(t, "payment:o1", "o1", t0)
		mustPost(t, db, first)
		entries := rows(t, db, "ledger_entries")

		// Same key, different content and time: refused, nothing inserted.
		second := payment(t, "payment:o1", "o1", t0.Add(time.Hour))
		second.Entries = second.Entries[:2]
		second.Entries[1].Amount = -second.Entries[0].Amount
		if err := ledger.Post(ctx, db, second); !errors.Is(err, ledger.ErrDuplicate) {
			t.Fatalf("second Post = %v, want ErrDuplicate", err)
		}
		// Same id, other key: refused too.
		third := payment(t, "payment:o2", "o2", t0)
		third.ID = first.ID
		if err := ledger.Post(ctx, db, third); !errors.Is(err, ledger.ErrDuplicate) {
			t.Fatalf("Post with a used id = %v, want ErrDuplicate", err)
		}
		if p, e := rows(t, db, "ledger_postings"), rows(t, db, "ledger_entries"); p != 1 || e != entries {
			t.Fatalf("%d postings, %d entries; want 1, %d", p, e, entries)
		}
		got, err := ledger.ByKey(ctx, db, "payment:o1")
		if err != nil || got.ID != first.ID || !got.At.Equal(t0) || !reflect.DeepEqual(got.Entries, first.Entries) {
			t.Fatalf("stored posting %+v, %v; want the first", got, err)
		}

		// Inside a caller's transaction the duplicate leaves the transaction
		// usable (no aborted transaction on PostgreSQL): a retried event can
		// treat ErrDuplicate as done and carry on.
		err = db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if err := ledger.Post(ctx, tx, payment(t, "payment:o1", "o1", t0)); !errors.Is(err, ledger.ErrDuplicate) {
				t.Errorf("Post in tx = %v, want ErrDuplicate", err)
			}
			return ledger.Post(ctx, tx, payment(t, "payment:o3", "o3", t0))
		})
		if err != nil {
			t.Fatalf("transaction after a duplicate: %v", err)
		}
		if n := rows(t, db, "ledger_postings"); n != 2 {
			t.Fatalf("%d postings, want 2", n)
		}
		mustCheck(t, db)
	})
}

func TestPostComposesWithCallerTransaction(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		boom := errors.New("boom")
		err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			mustPost(t, tx, payment(t, "payment:o1", "o1", t0))
			if n := rows(t, tx, "ledger_postings"); n != 1 {
				t.Errorf("inside the transaction: %d postings", n)
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		assertEmpty(t, db)
		// The key is free again.
		mustPost(t, db, payment(t, "payment:o1", "o1", t0))
		mustCheck(t, db)
	})
}

func TestSchemaConstraints(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		p := payment(t, "payment:o1", "o1", t0)
		mustPost(t, db, p)
		insertEntry := func(postingID, currency string, amount int64) error {
			_, err := db.ExecContext(ctx, `INSERT INTO ledger_entries (id, posting_id, account, party_id, currency, amount, created_at)
				VALUES (?, ?, 'CASH', '', ?, ?, ?)`, kernel.NewID(), postingID, currency, amount, t0)
			return err
		}
		if err := insertEntry(p.ID, "USD", 0); err == nil {
			t.Error("zero amount accepted")
		}
		if err := insertEntry(p.ID, "US", 1); err == nil {
			t.Error("two-letter currency accepted")
		}
		if err := insertEntry(kernel.NewID(), "USD", 1); err == nil {
			t.Error("entry of a missing posting accepted")
		}
		_, err := db.ExecContext(ctx, "INSERT INTO ledger_postings (id, key, kind, created_at) VALUES (?, ?, 'PAYMENT', ?)", kernel.NewID(), "payment:o1", t0)
		if !kernel.IsUniqueViolation(err) {
			t.Errorf("duplicate key: %v, want a unique violation", err)
		}
		if _, err := db.ExecContext(ctx, "DELETE FROM ledger_postings WHERE id = ?", p.ID); err == nil {
			t.Error("deleting a posting with entries succeeded")
		}
		mustCheck(t, db)
	})
}

func TestCheckReportsCorruption(t *testing.T) {
	t.Parallel()
	rawEntry := func(t *testing.T, db bun.IDB, postingID string, account ledger.AccountKind, party, currency string, amount int64, at time.Time) {
		t.Helper()
		if _, err := db.NewRaw(`INSERT INTO ledger_entries (id, posting_id, account, party_id, currency, amount, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, kernel.NewID(), postingID, string(account), party, currency, amount, at).Exec(ctx); err != nil {
			t.Fatalf("raw insert: %v", err)
		}
	}
	tests := []struct {
		name string
		// corrupt damages the ledger and returns the posting Check must name.
		corrupt func(t *testing.T, db bun.IDB, good *ledger.Posting) string
		want    error
		check   func(t *testing.T, ue *ledger.UnbalancedError)
	}{
		{"extra entry", func(t *testing.T, db bun.IDB, good *ledger.Posting) string {
			rawEntry(t, db, good.ID, ledger.AccountCash, "", "USD", 7, good.At)
			return good.ID
		}, ledger.ErrUnbalanced, func(t *testing.T, ue *ledger.UnbalancedError) {
			if ue.Currency != "USD" || ue.Sum != 7 || ue.Empty {
				t.Fatalf("%+v", ue)
			}
		}},
		{"unbalanced second currency", func(t *testing.T, db bun.IDB, good *ledger.Posting) string {
			rawEntry(t, db, good.ID, ledger.AccountPlatformRevenue, "", "EUR", -3, good.At)
			return good.ID
		}, ledger.ErrUnbalanced, func(t *testing.T, ue *ledger.UnbalancedError) {
			if ue.Currency != "EUR" || ue.Sum != -3 {
				t.Fatalf("%+v", ue)
			}
		}},
		{"posting without entries", func(t *testing.T, db bun.IDB, _ *ledger.Posting) string {
			id := kernel.NewID()
			if _, err := db.NewRaw("INSERT INTO ledger_postings (id, key, kind, created_at) VALUES (?, 'bare', 'PAYMENT', ?)", id, t0).Exec(ctx); err != nil {
				t.Fatal(err)
			}
			return id
		}, ledger.ErrUnbalanced, func(t *testing.T, ue *ledger.UnbalancedError) {
			if !ue.Empty || ue.Key != "bare" {
				t.Fatalf("%+v", ue)
			}
		}},
		{"balanced entries dated elsewhere", func(t *testing.T, db bun.IDB, good *ledger.Posting) string {
			rawEntry(t, db, good.ID, ledger.AccountCash, "", "USD", 5, good.At.Add(time.Hour))
			rawEntry(t, db, good.ID, ledger.AccountPlatformRevenue, "", "USD", -5, good.At.Add(time.Hour))
			return good.ID
		}, ledger.ErrInvalid, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
				// Some good postings around the bad one.
				mustPost(t, db, payment(t, "payment:before", "o0", t0))
				good := payment(t, "payment:o1", "o1", t0.Add(time.Minute))
				mustPost(t, db, good)
				mustPost(t, db, payment(t, "payment:after", "o2", t0.Add(2*time.Minute)))
				mustCheck(t, db)

				badID := tt.corrupt(t, db, good)
				err := ledger.Check(ctx, db)
				if !errors.Is(err, tt.want) {
					t.Fatalf("Check = %v, want %v", err, tt.want)
				}
				var ue *ledger.UnbalancedError
				if tt.check != nil {
					if !errors.As(err, &ue) {
						t.Fatalf("Check = %v, want an *UnbalancedError", err)
					}
					if ue.PostingID != badID {
						t.Fatalf("Check names posting %s, want %s", ue.PostingID, badID)
					}
					tt.check(t, ue)
				}
				t.Logf("Check: %v", err)
			})
		})
	}
}

func TestTotals(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		// t0: order 1, vendor A, 10 x 10.00 USD, influencer at 10%, fee 5%.
		mustPost(t, db, payment(t, "payment:o1", "o1", t0))
		// t0+1h: order 2, vendor A, 20.00 USD unattributed, fee 5%.
		p2, err := ledger.PaymentPosting("payment:o2", "o2", t0.Add(time.Hour), []ledger.Line{
			{VendorID: vendorA, Currency: "USD", Total: 2000, CommissionBps: 1000, FeeBps: 500},
		})
		if err != nil {
			t.Fatal(err)
		}
		mustPost(t, db, p2)
		// t0+2h: half of order 1 refunded.
		r, err := ledger.RefundPosting("refund:r1", "o1", t0.Add(2*time.Hour), []ledger.RefundLine{
			{VendorID: vendorA, InfluencerID: influencer, Currency: "USD", Parts: ledger.RefundParts(1000, 10, 0, 5, 1000, 500)},
		})
		if err != nil {
			t.Fatal(err)
		}
		mustPost(t, db, r)
		mustCheck(t, db)

		cash := func(d, c int64) ledger.Total {
			return ledger.Total{Account: ledger.AccountCash, Currency: "USD", Debits: d, Credits: c}
		}
		vendor := func(d, c int64) ledger.Total {
			return ledger.Total{Account: ledger.AccountVendorPayable, PartyID: vendorA, Currency: "USD", Debits: d, Credits: c}
		}
		infl := func(d, c int64) ledger.Total {
			return ledger.Total{Account: ledger.AccountInfluencerPayable, PartyID: influencer, Currency: "USD", Debits: d, Credits: c}
		}
		revenue := func(d, c int64) ledger.Total {
			return ledger.Total{Account: ledger.AccountPlatformRevenue, Currency: "USD", Debits: d, Credits: c}
		}
		tests := []struct {
			name string
			f    ledger.Filter
			want []ledger.Total
		}{
			{"everything", ledger.Filter{}, []ledger.Total{cash(12000, 5000), infl(500, 1000), revenue(250, 600), vendor(4250, 10400)}},
			{"vendor A", ledger.Filter{PartyIDs: []string{vendorA}}, []ledger.Total{vendor(4250, 10400)}},
			{"vendor A and influencer", ledger.Filter{PartyIDs: []string{vendorA, influencer}}, []ledger.Total{infl(500, 1000), vendor(4250, 10400)}},
			{"platform accounts", ledger.Filter{PartyIDs: []string{""}}, []ledger.Total{cash(12000, 5000), revenue(250, 600)}},
			{"vendor A before a hold cut-off", ledger.Filter{PartyIDs: []string{vendorA}, To: t0.Add(90 * time.Minute)}, []ledger.Total{vendor(0, 10400)}},
			{"to is exclusive", ledger.Filter{PartyIDs: []string{vendorA}, To: t0.Add(time.Hour)}, []ledger.Total{vendor(0, 8500)}},
			{"from is inclusive", ledger.Filter{PartyIDs: []string{vendorA}, From: t0.Add(time.Hour)}, []ledger.Total{vendor(4250, 1900)}},
			{"refunds", ledger.Filter{Kinds: []ledger.Kind{ledger.KindRefund}, Accounts: []ledger.AccountKind{ledger.AccountInfluencerPayable}}, []ledger.Total{infl(500, 0)}},
			{"other currency", ledger.Filter{Currency: "EUR"}, []ledger.Total{}},
			{"no parties", ledger.Filter{PartyIDs: []string{}}, []ledger.Total{}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := ledger.Totals(ctx, db, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) == 0 && len(tt.want) == 0 {
					return
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Fatalf("Totals = %+v\nwant %+v", got, tt.want)
				}
			})
		}

		// Balances on each account's normal side; the books balance.
		all, err := ledger.Totals(ctx, db, ledger.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		bal := map[ledger.AccountKind]int64{}
		var net int64
		for _, tot := range all {
			bal[tot.Account] += tot.Balance()
			net += tot.Net()
		}
		want := map[ledger.AccountKind]int64{ledger.AccountCash: 7000, ledger.AccountVendorPayable: 6150, ledger.AccountInfluencerPayable: 500, ledger.AccountPlatformRevenue: 350}
		if !reflect.DeepEqual(bal, want) || net != 0 {
			t.Fatalf("balances %v (net %d), want %v (net 0)", bal, net, want)
		}
	})
}

// TestRefundsReverseExactly: an awkward line refunded in pieces leaves every
// balance at exactly zero.
func TestRefundsReverseExactly(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		const unit, quantity, commission, fee = 333, 7, 3333, 3334
		lines := []ledger.Line{
			{VendorID: vendorA, InfluencerID: influencer, Currency: "EUR", Total: unit * quantity, CommissionBps: commission, FeeBps: fee},
			{VendorID: vendorB, Currency: "EUR", Total: 1, FeeBps: 9999},
		}
		p, err := ledger.PaymentPosting("payment:o1", "o1", t0, lines)
		if err != nil {
			t.Fatal(err)
		}
		mustPost(t, db, p)
		refunded := int64(0)
		for i, n := range []int64{1, 3, 1, 2} {
			r, err := ledger.RefundPosting(ledger.RefundKey(kernel.NewID()), "o1", t0.Add(time.Duration(i+1)*time.Hour), []ledger.RefundLine{{
				VendorID: vendorA, InfluencerID: influencer, Currency: "EUR",
				Parts: ledger.RefundParts(unit, quantity, refunded, refunded+n, commission, fee),
			}})
			if err != nil {
				t.Fatal(err)
			}
			mustPost(t, db, r)
			refunded += n
		}
		r, err := ledger.RefundPosting(ledger.RefundKey("b"), "o1", t0.Add(9*time.Hour), []ledger.RefundLine{{
			VendorID: vendorB, Currency: "EUR", Parts: ledger.RefundParts(1, 1, 0, 1, 0, 9999),
		}})
		if err != nil {
			t.Fatal(err)
		}
		mustPost(t, db, r)
		mustCheck(t, db)
		all, err := ledger.Totals(ctx, db, ledger.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 5 { // cash, influencer, revenue, vendors A and B
			t.Fatalf("totals %+v", all)
		}
		for _, tot := range all {
			if tot.Balance() != 0 {
				t.Fatalf("%s %s balance %d after a full refund (%+v)", tot.Account, tot.PartyID, tot.Balance(), tot)
			}
		}
		if list, err := ledger.ForOrder(ctx, db, "o1"); err != nil || len(list) != 6 || list[0].Kind != ledger.KindPayment {
			t.Fatalf("ForOrder: %d postings, %v", len(list), err)
		}
	})
}

func TestConcurrentPostsOfOneKey(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		for _, mode := range []string{"caller transaction", "database"} {
			t.Run(mode, func(t *testing.T) {
				key := "payment:" + mode
				const n = 20
				errs := make([]error, n)
				start := make(chan struct{})
				var wg sync.WaitGroup
				for i := range n {
					p := payment(t, key, mode, t0.Add(time.Duration(i)*time.Second))
					wg.Add(1)
					go func() {
						defer wg.Done()
						<-start
						if mode == "database" {
							errs[i] = ledger.Post(ctx, db, p)
							return
						}
						errs[i] = db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
							return ledger.Post(ctx, tx, p)
						})
					}()
				}
				close(start)
				wg.Wait()
				won := 0
				for i, err := range errs {
					switch {
					case err == nil:
						won++
					case !errors.Is(err, ledger.ErrDuplicate):
						t.Errorf("poster %d: %v", i, err)
					}
				}
				if won != 1 {
					t.Fatalf("%d posters succeeded, want exactly 1", won)
				}
				postings, err := db.NewSelect().Table("ledger_postings").Where("key = ?", key).Count(ctx)
				if err != nil || postings != 1 {
					t.Fatalf("%d postings stored (%v), want 1", postings, err)
				}
				got, err := ledger.ByKey(ctx, db, key)
				if err != nil || len(got.Entries) != 4 {
					t.Fatalf("stored posting %+v, %v", got, err)
				}
			})
		}
		if n := rows(t, db, "ledger_entries"); n != 8 {
			t.Fatalf("%d entries, want 8", n)
		}
		mustCheck(t, db)
	})
}

// TestPostAll: several postings in one go are stored as Post stores each;
// a stored key or an invalid posting refuses them all.
func TestPostAll(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		ps := []*ledger.Posting{payment(t, "payment:a", "a", t0), payment(t, "payment:b", "b", t0), payment(t, "payment:c", "c", t0)}
		if err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return ledger.PostAll(ctx, tx, ps) }); err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			got, err := ledger.ByKey(ctx, db, p.Key)
			if err != nil || got.ID != p.ID || !reflect.DeepEqual(got.Entries, p.Entries) {
				t.Fatalf("stored %s = %+v, %v", p.Key, got, err)
			}
		}
		mustCheck(t, db)
		before := rows(t, db, "ledger_entries")
		for name, batch := range map[string][]*ledger.Posting{
			"a stored key": {payment(t, "payment:d", "d", t0), payment(t, "payment:b", "b", t0)},
			"unbalanced":   {payment(t, "payment:e", "e", t0), func() *ledger.Posting { p := payment(t, "payment:f", "f", t0); p.Entries[0].Amount++; return p }()},
		} {
			err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return ledger.PostAll(ctx, tx, batch) })
			if err == nil {
				t.Fatalf("%s: PostAll stored the batch", name)
			}
			if p, e := rows(t, db, "ledger_postings"), rows(t, db, "ledger_entries"); p != 3 || e != before {
				t.Fatalf("%s: %d postings, %d entries after a refused batch; want 3, %d", name, p, e, before)
			}
		}
		mustCheck(t, db)
	})
}
