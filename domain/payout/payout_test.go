package payout_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestHoldMinimumAndCurrencies: earnings are pending for the hold, then
// available; a run pays each party and currency its available balance if
// it reaches the minimum, once per period; currencies never mix.
func TestHoldMinimumAndCurrencies(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		v, i := kernel.NewID(), kernel.NewID()
		_, usd := e.sale(t, v, i, "USD", 10000) // vendor 8500, influencer 1000, platform 500
		_, eur := e.sale(t, v, i, "EUR", 5000)  // vendor 4250, influencer 500 (under the minimum)
		_, jpy := e.sale(t, v, "", "JPY", 999)  // unattributed: vendor 950 (under the minimum)

		if b := e.balance(t, v, "USD"); b.Pending != usd.Vendor || b.Available != 0 || b.PaidOut != 0 {
			t.Fatalf("just paid: %+v, want all %d pending", b, usd.Vendor)
		}
		e.clock.Advance(hold - time.Second)
		if res := e.run(t); len(res.Created) != 0 {
			t.Fatalf("a second before the hold ends: %d payouts", len(res.Created))
		}
		e.clock.Advance(time.Second)
		res := e.run(t)
		want := []struct {
			party, currency string
			amount          int64
		}{
			{v, "USD", usd.Vendor}, {v, "EUR", eur.Vendor}, {i, "USD", usd.Influencer},
		}
		if len(res.Created) != len(want) || res.Sent != len(want) || res.Failed != 0 {
			t.Fatalf("run: %d created, %d sent, %d failed; want %d", len(res.Created), res.Sent, res.Failed, len(want))
		}
		for _, p := range res.Created {
			if p.Status != payout.StatusPending {
				t.Fatalf("the run answers payout %s as %s; it is PENDING", p.ID, p.Status)
			}
		}
		for _, w := range want {
			if got := e.prov.paid(w.party, w.currency); got != w.amount {
				t.Errorf("%s %s: paid %d, want %d", w.party, w.currency, got, w.amount)
			}
			b := e.balance(t, w.party, w.currency)
			if b.Pending != 0 || b.Available != 0 || b.PaidOut != w.amount {
				t.Errorf("%s %s after the run: %+v, want %d paid out", w.party, w.currency, b, w.amount)
			}
			ps := e.payoutsOf(t, w.party)
			for _, p := range ps {
				if p.Currency == w.currency && (p.Status != payout.StatusPending || p.AmountMinor != w.amount || p.Period != payout.Period(e.clock.Now())) {
					t.Errorf("payout %+v", p)
				}
			}
		}
		// Under the minimum: kept, in its own currency.
		if b := e.balance(t, i, "EUR"); b.Available != eur.Influencer || b.PaidOut != 0 {
			t.Fatalf("influencer EUR: %+v, want %d available", b, eur.Influencer)
		}
		if b := e.balance(t, v, "JPY"); b.Available != jpy.Vendor || b.PaidOut != 0 {
			t.Fatalf("vendor JPY: %+v, want %d available", b, jpy.Vendor)
		}
		// The same period again pays nothing and sends nothing twice.
		e.clock.Advance(time.Hour)
		if res := e.run(t); len(res.Created) != 0 || res.Sent != 0 {
			t.Fatalf("second run in the period: %d created, %d sent", len(res.Created), res.Sent)
		}
		for id, n := range e.prov.calls {
			if n != 1 {
				t.Fatalf("payout %s sent %d times", id, n)
			}
		}
		e.checkLedger(t)
	})
}

// TestMinimum: a balance is paid out from the minimum up, not below.
func TestMinimum(t *testing.T) {
	t.Parallel()
	e := newEnv(t, testkit.OpenSQLite(t))
	cases := []struct {
		name       string
		total      int64 // an unattributed sale: the vendor gets it less the 5% fee
		vendorPart int64
		paid       bool
	}{
		{"one unit under", 1051, 999, false},
		{"exactly the minimum", 1052, 1000, true},
		{"well above", 100000, 95000, true},
	}
	// JPY has a minimum of its own: ¥1,500.
	e.payouts = payout.NewService(e.db, e.clock, payout.Options{Hold: hold, Minimum: minimum, Minimums: map[string]int64{"JPY": 1500}, Provider: e.prov})
	yenUnder, yenOver := kernel.NewID(), kernel.NewID()
	_, under := e.sale(t, yenUnder, "", "JPY", 1500) // vendor ¥1,425
	_, over := e.sale(t, yenOver, "", "JPY", 1600)   // vendor ¥1,520
	vendors := make([]string, len(cases))
	for k, c := range cases {
		vendors[k] = kernel.NewID()
		if _, parts := e.sale(t, vendors[k], "", "USD", c.total); parts.Vendor != c.vendorPart {
			t.Fatalf("%s: vendor part %d, want %d", c.name, parts.Vendor, c.vendorPart)
		}
	}
	e.clock.Advance(hold)
	e.run(t)
	for k, c := range cases {
		want := int64(0)
		if c.paid {
			want = c.vendorPart
		}
		if got := e.prov.paid(vendors[k], "USD"); got != want {
			t.Errorf("%s: paid %d, want %d", c.name, got, want)
		}
	}
	if got := e.prov.paid(yenUnder, "JPY"); got != 0 {
		t.Errorf("¥%d under the JPY minimum: paid %d", under.Vendor, got)
	}
	if got := e.prov.paid(yenOver, "JPY"); got != over.Vendor {
		t.Errorf("¥%d over the JPY minimum: paid %d", over.Vendor, got)
	}
}

// TestConcurrentRunsPayOnce: runs in two processes at once, and again, and
// runs of two periods at once, pay every party exactly its available
// balance, once.
func TestConcurrentRunsPayOnce(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		want := map[string]int64{}
		for n := 0; n < 60; n++ { // 120 parties: more than one chunk of a run
			v, i := kernel.NewID(), kernel.NewID()
			for k := 0; k < 3; k++ {
				_, p := e.sale(t, v, i, "USD", int64(5000+n*131+k*17))
				want[v] += p.Vendor
				want[i] += p.Influencer
			}
		}
		// Day D's runs in two processes, twice each, and day D+1's run (a
		// process whose clock is already past midnight), all at once.
		midnight := e.clock.Now().Add(hold).UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
		e.clock.Set(midnight.Add(-100 * time.Millisecond))
		tomorrow := kernel.NewManualClock(midnight.Add(100 * time.Millisecond))
		other := payout.NewService(d, tomorrow, payout.Options{Hold: hold, Minimum: minimum, Provider: e.prov})
		services := []*payout.Service{e.payouts, e.service(), e.payouts, e.service(), other}
		var wg sync.WaitGroup
		errs := make([]error, len(services))
		start := make(chan struct{})
		for k, s := range services {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[k] = s.Run(ctx)
			}()
		}
		close(start)
		wg.Wait()
		for k, err := range errs {
			// A run that ends while another still sends says so (asynq
			// retries it); nothing else may fail.
			if err != nil && !errors.Is(err, payout.ErrInFlight) {
				t.Fatalf("run %d: %v", k, err)
			}
		}
		for party, amount := range want {
			if got := e.prov.paid(party, "USD"); got != amount {
				t.Errorf("party %s: paid %d, want %d", party, got, amount)
			}
			if ps := e.payoutsOf(t, party); len(ps) != 1 {
				t.Errorf("party %s: %d payouts, want 1", party, len(ps))
			}
			if b := e.balance(t, party, "USD"); b.Available != 0 || b.PaidOut != amount {
				t.Errorf("party %s: %+v", party, b)
			}
		}
		for id, n := range e.prov.calls {
			if n != 1 {
				t.Errorf("payout %s sent %d times", id, n)
			}
		}
		e.checkLedger(t)
	})
}

// TestRefundAfterPayout: a refund of money already paid out leaves the
// balance negative; later earnings cover it before anything new is paid.
// A refund of a sale still in its hold reduces what is pending instead.
func TestRefundAfterPayout(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		v, i := kernel.NewID(), kernel.NewID()
		order1, p1 := e.sale(t, v, i, "USD", 10000)
		e.clock.Advance(hold)
		e.run(t)
		if got := e.prov.paid(v, "USD"); got != p1.Vendor {
			t.Fatalf("first payout %d, want %d", got, p1.Vendor)
		}
		// The whole order comes back after the payout.
		e.refund(t, order1, v, i, "USD", p1)
		if b := e.balance(t, v, "USD"); b.Available != -p1.Vendor || b.Pending != 0 || b.PaidOut != p1.Vendor {
			t.Fatalf("after the refund: %+v, want available -%d", b, p1.Vendor)
		}
		if b := e.balance(t, i, "USD"); b.Available != -p1.Influencer {
			t.Fatalf("influencer after the refund: %+v", b)
		}
		// A sale refunded within its hold: pending goes back down.
		order2, p2 := e.sale(t, v, i, "USD", 4000)
		e.refund(t, order2, v, i, "USD", p2)
		if b := e.balance(t, v, "USD"); b.Pending != 0 || b.Available != -p1.Vendor {
			t.Fatalf("refund within the hold: %+v", b)
		}
		// New earnings: the deficit first.
		_, p3 := e.sale(t, v, i, "USD", 30000)
		e.clock.Advance(24 * time.Hour)
		if res := e.run(t); len(res.Created) != 0 {
			t.Fatalf("negative balance paid out: %d payouts", len(res.Created))
		}
		e.clock.Advance(hold)
		e.run(t)
		if got, want := e.prov.paid(v, "USD"), p1.Vendor+(p3.Vendor-p1.Vendor); got != want {
			t.Fatalf("vendor paid %d in all, want %d (earned %d, refunded %d)", got, want, p1.Vendor+p3.Vendor, p1.Vendor)
		}
		if got, want := e.prov.paid(i, "USD"), p1.Influencer+(p3.Influencer-p1.Influencer); got != want {
			t.Fatalf("influencer paid %d in all, want %d", got, want)
		}
		if b := e.balance(t, v, "USD"); b.Available != 0 || b.PaidOut != p3.Vendor {
			t.Fatalf("in the end: %+v", b)
		}
		e.checkLedger(t)
	})
}

// TestProviderFailures: a refusal fails the payout and puts its money back;
// an unknown outcome keeps it, and the retry sends the same payout again; a
// provider that pays at once makes the payout PAID and the cash leave.
func TestProviderFailures(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		refused, flaky, instant := kernel.NewID(), kernel.NewID(), kernel.NewID()
		_, pr := e.sale(t, refused, "", "USD", 10000)
		_, pf := e.sale(t, flaky, "", "USD", 20000)
		_, pi := e.sale(t, instant, "", "USD", 30000)
		e.clock.Advance(hold)
		e.prov.answer = func(p *payout.Payout) (payout.Sent, error) {
			switch p.PartyID {
			case refused:
				return payout.Sent{}, &payout.Refusal{Reason: "account closed"}
			case flaky:
				return payout.Sent{}, errTransient
			case instant:
				return payout.Sent{Paid: true, Reference: "PSP-42"}, nil
			}
			return payout.Sent{}, nil
		}
		res, err := e.payouts.Run(ctx)
		if !errors.Is(err, errTransient) {
			t.Fatalf("run with a provider timing out: %v, want the provider's error", err)
		}
		if res.Failed != 1 || res.Sent != 1 || len(res.Created) != 3 {
			t.Fatalf("run: %+v", res)
		}
		if ps := e.payoutsOf(t, instant); len(ps) != 1 || ps[0].Status != payout.StatusPaid || ps[0].PaidAt == nil || *ps[0].Reference != "PSP-42" {
			t.Fatalf("payout paid at once: %+v", ps[0])
		}
		if b := e.balance(t, instant, "USD"); b.Available != 0 || b.PaidOut != pi.Vendor {
			t.Fatalf("party paid at once: %+v", b)
		}
		if ps := e.payoutsOf(t, refused); len(ps) != 1 || ps[0].Status != payout.StatusFailed || ps[0].Failure == nil {
			t.Fatalf("refused payout: %+v", ps[0])
		}
		if b := e.balance(t, refused, "USD"); b.Available != pr.Vendor || b.PaidOut != 0 {
			t.Fatalf("after the refusal: %+v, want %d available again", b, pr.Vendor)
		}
		if ps := e.payoutsOf(t, flaky); len(ps) != 1 || ps[0].Status != payout.StatusCreated {
			t.Fatalf("payout of unknown outcome: %+v", ps[0])
		}
		if b := e.balance(t, flaky, "USD"); b.Available != 0 || b.PaidOut != pf.Vendor {
			t.Fatalf("money of a payout of unknown outcome: %+v (it is set aside)", b)
		}
		// The retry (asynq's, or the next run) sends the same payout again.
		e.prov.answer = nil
		if res := e.run(t); res.Sent != 1 || len(res.Created) != 0 {
			t.Fatalf("retry: %+v", res)
		}
		ps := e.payoutsOf(t, flaky)
		if len(ps) != 1 || ps[0].Status != payout.StatusPending || e.prov.calls[ps[0].ID] != 2 || e.prov.paid(flaky, "USD") != pf.Vendor {
			t.Fatalf("after the retry: %+v, %d calls, %d paid", ps[0], e.prov.calls[ps[0].ID], e.prov.paid(flaky, "USD"))
		}
		// The refused party is paid in the next period.
		e.clock.Advance(24 * time.Hour)
		e.run(t)
		if got := e.prov.paid(refused, "USD"); got != pr.Vendor {
			t.Fatalf("refused party paid %d the next day, want %d", got, pr.Vendor)
		}
		e.checkLedger(t)
	})
}

// TestMarkPaidAndFailed: an admin confirms a PENDING payout (once; again
// with the same reference is a no-op) or records that it bounced.
func TestMarkPaidAndFailed(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		a, b := kernel.NewID(), kernel.NewID()
		_, pa := e.sale(t, a, "", "USD", 10000)
		_, pb := e.sale(t, b, "", "USD", 10000)
		e.clock.Advance(hold)
		e.run(t)
		poA, poB := e.payoutsOf(t, a)[0], e.payoutsOf(t, b)[0]
		shopper := kernel.Viewer{UserID: kernel.NewID()}

		if _, err := e.payouts.MarkPaid(ctx, shopper, poA.ID, "WIRE-1"); !errors.Is(err, kernel.ErrForbidden) {
			t.Fatalf("non-admin: %v", err)
		}
		if _, err := e.payouts.MarkPaid(ctx, kernel.Viewer{}, poA.ID, "WIRE-1"); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("guest: %v", err)
		}
		_, err := e.payouts.MarkPaid(ctx, admin, poA.ID, "  ")
		wantCode(t, err, kernel.CodeRequired)
		_, err = e.payouts.MarkPaid(ctx, admin, kernel.NewID(), "WIRE-1")
		wantCode(t, err, kernel.CodeNotFound)
		_, err = e.payouts.MarkPaid(ctx, admin, "not-an-id", "WIRE-1")
		wantCode(t, err, kernel.CodeInvalid)
		if got := e.payoutsOf(t, a)[0]; got.Status != payout.StatusPending {
			t.Fatalf("refused calls changed the payout: %+v", got)
		}

		paid, err := e.payouts.MarkPaid(ctx, admin, poA.ID, "WIRE-1")
		if err != nil || paid.Status != payout.StatusPaid || paid.PaidAt == nil || *paid.Reference != "WIRE-1" {
			t.Fatalf("MarkPaid: %+v, %v", paid, err)
		}
		if again, err := e.payouts.MarkPaid(ctx, admin, poA.ID, "WIRE-1"); err != nil || again.Status != payout.StatusPaid {
			t.Fatalf("again with the same reference: %+v, %v", again, err)
		}
		_, err = e.payouts.MarkPaid(ctx, admin, poA.ID, "WIRE-2")
		wantCode(t, err, kernel.CodeInvalidState)
		_, err = e.payouts.MarkFailed(ctx, admin, poA.ID, "bounced")
		wantCode(t, err, kernel.CodeInvalidState)
		if bal := e.balance(t, a, "USD"); bal.PaidOut != pa.Vendor || bal.Available != 0 {
			t.Fatalf("paid party: %+v", bal)
		}

		failed, err := e.payouts.MarkFailed(ctx, admin, poB.ID, "bounced: wrong IBAN")
		if err != nil || failed.Status != payout.StatusFailed {
			t.Fatalf("MarkFailed: %+v, %v", failed, err)
		}
		_, err = e.payouts.MarkPaid(ctx, admin, poB.ID, "WIRE-3")
		wantCode(t, err, kernel.CodeInvalidState)
		if bal := e.balance(t, b, "USD"); bal.PaidOut != 0 || bal.Available != pb.Vendor {
			t.Fatalf("failed party: %+v, want %d available again", bal, pb.Vendor)
		}
		e.checkLedger(t)
	})
}

// TestWhoSeesWhat: vendors' staff see their vendor's balances and payouts,
// an influencer theirs, admins everyone's; others see nothing; only admins
// run payouts and export them.
func TestWhoSeesWhat(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		owner, staff, host, stranger := e.user(t, "owner"), e.user(t, "staff"), e.user(t, "host"), e.user(t, "stranger")
		otherOwner := e.user(t, "other-owner")
		v := e.vendor(t, owner, "acme")
		if _, err := e.vendors.AddStaff(ctx, owner, v.ID, "staff@example.com"); err != nil {
			t.Fatal(err)
		}
		other := e.vendor(t, otherOwner, "other")
		inf := e.influencer(t, host, "host")
		e.sale(t, v.ID, inf.ID, "USD", 10000)
		e.sale(t, other.ID, "", "USD", 7000)
		e.clock.Advance(hold)
		if _, err := e.payouts.RunNow(ctx, owner); !errors.Is(err, kernel.ErrForbidden) {
			t.Fatalf("a vendor ran payouts: %v", err)
		}
		if n := len(e.payoutsOf(t, v.ID)); n != 0 {
			t.Fatalf("a refused run made %d payouts", n)
		}
		if _, err := e.payouts.RunNow(ctx, admin); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name    string
			viewer  kernel.Viewer
			parties []string
		}{
			{"owner", owner, []string{v.ID}},
			{"staff", staff, []string{v.ID}},
			{"influencer", host, []string{inf.ID}},
			{"other vendor", otherOwner, []string{other.ID}},
			{"stranger", stranger, nil},
			{"admin", admin, []string{v.ID, other.ID, inf.ID}},
		}
		page, _ := kernel.NewPageRequest(nil, nil)
		for _, c := range cases {
			bs, err := e.payouts.Balances(ctx, c.viewer)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			ps, err := e.payouts.List(ctx, c.viewer, page)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			seen, paid := map[string]bool{}, map[string]bool{}
			for _, b := range bs {
				seen[b.PartyID] = true
			}
			for _, p := range ps.Items {
				paid[p.PartyID] = true
			}
			if len(seen) != len(c.parties) || len(paid) != len(c.parties) || ps.TotalCount != len(c.parties) {
				t.Errorf("%s: balances of %v, payouts of %v (total %d); want %v", c.name, seen, paid, ps.TotalCount, c.parties)
			}
			for _, p := range c.parties {
				if !seen[p] || !paid[p] {
					t.Errorf("%s does not see party %s", c.name, p)
				}
			}
		}
		if _, err := e.payouts.Balances(ctx, kernel.Viewer{}); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("guest balances: %v", err)
		}
		if err := e.payouts.ExportCSV(ctx, owner, &bytes.Buffer{}, false); !errors.Is(err, kernel.ErrForbidden) {
			t.Fatalf("a vendor exported payouts: %v", err)
		}
	})
}

// TestExportCSV: the manual provider's PENDING payouts as CSV, amounts in
// the currency's decimals, names that spreadsheets would run defused; each
// payout is listed once (a second download has nothing new), all lists
// them again with when they were exported.
func TestExportCSV(t *testing.T) {
	t.Parallel()
	d := testkit.OpenSQLite(t)
	e := newEnv(t, d)
	owner := e.user(t, "owner")
	v, err := e.vendors.Create(ctx, owner, vendorInput("=HYPERLINK(1)", "formula"))
	if err != nil {
		t.Fatal(err)
	}
	_, usd := e.sale(t, v.ID, "", "USD", 10001)
	_, jpy := e.sale(t, v.ID, "", "JPY", 5000)
	e.clock.Advance(hold)
	e.run(t)
	export := func(all bool) [][]string {
		t.Helper()
		var buf bytes.Buffer
		if err := e.payouts.ExportCSV(ctx, admin, &buf, all); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	exportedAt := e.clock.Now().UTC().Format("2006-01-02T15:04:05Z")
	rows := export(false)
	if len(rows) != 3 || rows[0][0] != "payout_id" || rows[1][8] != exportedAt {
		t.Fatalf("rows: %q", rows)
	}
	e.clock.Advance(time.Hour)
	if again := export(false); len(again) != 1 {
		t.Fatalf("a second download lists %d payouts again", len(again)-1)
	}
	if all := export(true); len(all) != 3 || all[1][0] != rows[1][0] || all[1][8] != exportedAt {
		t.Fatalf("all: %q", all)
	}
	amounts := map[string][2]string{}
	for _, r := range rows[1:] {
		if r[1] != payout.PartyVendor || r[2] != v.ID || r[3] != "'=HYPERLINK(1)" {
			t.Fatalf("row %q", r)
		}
		amounts[r[4]] = [2]string{r[5], r[6]}
	}
	if got := amounts["USD"]; got[0] != itoa(usd.Vendor) || got[1] != fmt.Sprintf("%d.%02d", usd.Vendor/100, usd.Vendor%100) {
		t.Fatalf("USD row %q (vendor part %d)", got, usd.Vendor)
	}
	if got := amounts["JPY"]; got[0] != itoa(jpy.Vendor) || got[1] != itoa(jpy.Vendor) {
		t.Fatalf("JPY row %q (vendor part %d)", got, jpy.Vendor)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func vendorInput(name, slug string) vendor.CreateInput {
	return vendor.CreateInput{Name: name, Slug: slug}
}
