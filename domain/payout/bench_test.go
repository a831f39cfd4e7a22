package payout_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/internal/testkit"
)

// benchLedger fills a PostgreSQL database with 100,000 matured party lines
// (50,000 paid orders, each crediting one of 500 vendors and one of 500
// influencers: 1,000 parties; 200,000 entries with CASH and the platform's).
func benchLedger(b *testing.B) (*bun.DB, *kernel.ManualClock) {
	b.Helper()
	d := testkit.OpenPostgres(b)
	clock := kernel.NewManualClock(testkit.Epoch)
	const orders, vendors, influencers, chunk = 50000, 500, 500, 2000
	for start := 0; start < orders; start += chunk {
		var ps []*ledger.Posting
		for n := start; n < start+chunk; n++ {
			orderID := kernel.NewID()
			line := ledger.Line{VendorID: fmt.Sprintf("vendor-%03d", n%vendors), InfluencerID: fmt.Sprintf("influencer-%03d", n%influencers),
				Currency: "USD", Total: int64(1000 + n%9000), CommissionBps: 1000, FeeBps: 500}
			p, err := ledger.PaymentPosting(ledger.PaymentKey(orderID), orderID, clock.Now().Add(-time.Duration(n)*time.Second), []ledger.Line{line})
			if err != nil {
				b.Fatal(err)
			}
			ps = append(ps, p)
		}
		if err := ledger.PostAll(ctx, d, ps); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := d.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	clock.Advance(hold)
	return d, clock
}

// undoPayouts removes what a run wrote, so the next iteration pays again.
func undoPayouts(b *testing.B, d *bun.DB) {
	b.Helper()
	for _, q := range []string{
		"DELETE FROM ledger_entries WHERE posting_id IN (SELECT id FROM ledger_postings WHERE kind LIKE 'PAYOUT%')",
		"DELETE FROM ledger_postings WHERE kind LIKE 'PAYOUT%'",
		"DELETE FROM payouts",
	} {
		if _, err := d.ExecContext(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPayoutRun: one payout run over 100,000 matured lines across
// 1,000 parties on PostgreSQL (create, post and send 1,000 payouts).
// BenchmarkPayoutBalancesQuery is its baseline in the same run: the one
// aggregate query that finds who is due, alone.
func BenchmarkPayoutRun(b *testing.B) {
	d, clock := benchLedger(b)
	prov := newProvider()
	svc := payout.NewService(d, clock, payout.Options{Hold: hold, Minimum: minimum, Provider: prov})
	b.Run("run", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			undoPayouts(b, d)
			b.StartTimer()
			res, err := svc.Run(ctx)
			if err != nil || len(res.Created) != 1000 || res.Sent != 1000 {
				b.Fatalf("run: %d created, %d sent, %v", len(res.Created), res.Sent, err)
			}
		}
		b.StopTimer()
		if err := ledger.Check(ctx, d); err != nil {
			b.Fatal(err)
		}
	})
	b.Run("balances-query", func(b *testing.B) {
		undoPayouts(b, d)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			ps, err := ledger.Payables(ctx, d, clock.Now().Add(-hold), nil, "")
			if err != nil || len(ps) != 1000 {
				b.Fatalf("payables: %d, %v", len(ps), err)
			}
		}
	})
}
