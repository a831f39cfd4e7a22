package payout_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/migrations"
)

// slowProvider takes 6 minutes of the (manual) clock per Send, and during
// its second call lets another run happen.
type slowProvider struct {
	*provider
	clock  *kernel.ManualClock
	during func()
	n      int
}

func (p *slowProvider) Send(ctx context.Context, po *payout.Payout) (payout.Sent, error) {
	p.clock.Advance(6 * time.Minute)
	p.n++
	if p.n == 2 && p.during != nil {
		p.during()
	}
	return p.provider.Send(ctx, po)
}

// TestSlowProviderKeepsItsPayouts: a run whose provider is slow keeps its
// claim on the payouts it has not recorded yet (those already sent
// included), so a run that starts meanwhile sends none of them again.
func TestSlowProviderKeepsItsPayouts(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		var parties []string
		for n := 0; n < 3; n++ {
			v := kernel.NewID()
			e.sale(t, v, "", "USD", 10000)
			parties = append(parties, v)
		}
		e.clock.Advance(hold)
		slow := &slowProvider{provider: e.prov, clock: e.clock}
		a := payout.NewService(d, e.clock, payout.Options{Hold: hold, Minimum: minimum, Provider: slow})
		b := payout.NewService(d, e.clock, payout.Options{Hold: hold, Minimum: minimum, Provider: e.prov})
		var bErr error
		var bRes *payout.RunResult
		slow.during = func() { bRes, bErr = b.Run(ctx) } // 12 minutes after a's claim
		if _, err := a.Run(ctx); err != nil {
			t.Fatal(err)
		}
		if !errors.Is(bErr, payout.ErrInFlight) || bRes.Sent != 0 {
			t.Fatalf("the run during the slow one: %+v, %v; want nothing sent and ErrInFlight", bRes, bErr)
		}
		for _, v := range parties {
			ps := e.payoutsOf(t, v)
			if len(ps) != 1 || ps[0].Status != payout.StatusPending || e.prov.calls[ps[0].ID] != 1 {
				t.Fatalf("party %s: %+v, sent %d times", v, ps[0], e.prov.calls[ps[0].ID])
			}
		}
		e.checkLedger(t)
	})
}

// TestRunsPayOnceUnderRepeatableRead: a run that waits for a party's lock
// while another day's run pays that party must see that payout, even where
// PostgreSQL defaults to REPEATABLE READ (whose snapshot would predate the
// wait).
func TestRunsPayOnceUnderRepeatableRead(t *testing.T) {
	t.Parallel()
	url := testkit.FreshPostgresURL(t)
	setup, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := migrations.Up(ctx, setup); err != nil {
		t.Fatal(err)
	}
	var name string
	if err := setup.QueryRowContext(ctx, "SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	if _, err := setup.ExecContext(ctx, "ALTER DATABASE "+name+" SET default_transaction_isolation TO 'repeatable read'"); err != nil {
		t.Fatal(err)
	}
	setup.Close()
	d, err := db.Open(ctx, url) // new connections: REPEATABLE READ by default
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var iso string
	if err := d.QueryRowContext(ctx, "SHOW default_transaction_isolation").Scan(&iso); err != nil || iso != "repeatable read" {
		t.Fatalf("isolation %q, %v", iso, err)
	}

	e := newEnv(t, d)
	party := kernel.NewID()
	_, parts := e.sale(t, party, "", "USD", 20000)
	e.clock.Advance(hold)

	// Yesterday's run, in a transaction holding the party's lock.
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "payout:"+party+":USD"); err != nil {
		t.Fatal(err)
	}
	// Today's run starts and waits for the lock.
	var wg sync.WaitGroup
	var res *payout.RunResult
	var runErr error
	wg.Add(1)
	go func() { defer wg.Done(); res, runErr = e.payouts.Run(ctx) }()
	for deadline := time.Now().Add(10 * time.Second); ; {
		var waiting int
		if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		if waiting > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the run never waited for the party's lock")
		}
		time.Sleep(10 * time.Millisecond)
	}
	yesterday := &payout.Payout{ID: kernel.NewID(), PartyType: payout.PartyVendor, PartyID: party, Currency: "USD",
		AmountMinor: parts.Vendor, Period: payout.Period(e.clock.Now().Add(-24 * time.Hour)), Status: payout.StatusPending,
		Provider: "manual", CreatedAt: e.clock.Now()}
	if _, err := tx.NewInsert().Model(yesterday).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ledger.Post(ctx, tx, ledger.PayoutPosting(yesterday.ID, ledger.AccountVendorPayable, party, "USD", parts.Vendor, e.clock.Now())); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if runErr != nil || len(res.Created) != 0 {
		t.Fatalf("today's run after yesterday's paid the party: %d payouts, %v", len(res.Created), runErr)
	}
	if b := e.balance(t, party, "USD"); b.Available != 0 || b.PaidOut != parts.Vendor {
		t.Fatalf("balance: %+v, want %d paid out once", b, parts.Vendor)
	}
	e.checkLedger(t)
}

// TestRefundWithoutItsPaymentCountsAtOnce: a refund whose payment posting
// is not found is never held back with pending earnings: it lowers what is
// available at once, so the money it takes back cannot be paid out.
func TestRefundWithoutItsPaymentCountsAtOnce(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		v := kernel.NewID()
		_, parts := e.sale(t, v, "", "USD", 10000)
		e.clock.Advance(hold)
		e.refund(t, kernel.NewID(), v, "", "USD", ledger.Parts{Vendor: 3000, Platform: 100}) // an order with no payment posting
		if b := e.balance(t, v, "USD"); b.Available != parts.Vendor-3000 || b.Pending != 0 {
			t.Fatalf("balance: %+v, want %d available", b, parts.Vendor-3000)
		}
		e.run(t)
		if got := e.prov.paid(v, "USD"); got != parts.Vendor-3000 {
			t.Fatalf("paid %d, want %d", got, parts.Vendor-3000)
		}
		e.checkLedger(t)
	})
}

// TestMarkFailedOnlyManualAndOnce: recording a bounce again returns the
// payout unchanged; another provider's payout cannot be failed by hand.
func TestMarkFailedOnlyManualAndOnce(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		manual, banked := kernel.NewID(), kernel.NewID()
		_, pm := e.sale(t, manual, "", "USD", 10000)
		e.clock.Advance(hold)
		e.run(t)
		po := e.payoutsOf(t, manual)[0]
		first, err := e.payouts.MarkFailed(ctx, admin, po.ID, "bounced")
		if err != nil || first.Status != payout.StatusFailed {
			t.Fatalf("MarkFailed: %+v, %v", first, err)
		}
		again, err := e.payouts.MarkFailed(ctx, admin, po.ID, "bounced")
		if err != nil || again.Status != payout.StatusFailed || !again.FailedAt.Equal(*first.FailedAt) {
			t.Fatalf("again: %+v, %v", again, err)
		}
		if b := e.balance(t, manual, "USD"); b.Available != pm.Vendor {
			t.Fatalf("returned twice? %+v", b)
		}

		e.sale(t, banked, "", "USD", 10000)
		e.clock.Advance(hold + 24*time.Hour)
		bank := &namedProvider{provider: e.prov, name: "bank"}
		if _, err := payout.NewService(d, e.clock, payout.Options{Hold: hold, Minimum: minimum, Provider: bank}).Run(ctx); err != nil {
			t.Fatal(err)
		}
		bp := e.payoutsOf(t, banked)[0]
		if bp.Provider != "bank" || bp.Status != payout.StatusPending {
			t.Fatalf("bank payout: %+v", bp)
		}
		_, err = e.payouts.MarkFailed(ctx, admin, bp.ID, "bounced")
		wantCode(t, err, kernel.CodeInvalidState)
		e.checkLedger(t)
	})
}

type namedProvider struct {
	*provider
	name string
}

func (p *namedProvider) Name() string { return p.name }
