package graph_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/testkit"
)

const (
	balancesQ = `query{ balances{ partyId partyType currency pending{ amountMinor currency } available{ amountMinor currency }
		paidOut{ amountMinor currency } } }`
	payoutFields = `id partyId partyType amount{ amountMinor currency } status period reference failure createdAt paidAt failedAt`
	payoutsQ     = `query($n: Int, $after: String){ payouts(first:$n, after:$after){ totalCount pageInfo{ hasNextPage endCursor }
		edges{ cursor node{ ` + payoutFields + ` } } } }`
	payoutRunQ = `mutation{ payoutRun{ period sent failed created{ ` + payoutFields + ` } errors{ code field message } } }`
	markPaidQ  = `mutation($id: ID!, $ref: String!){ payoutMarkPaid(input:{payoutId:$id, reference:$ref}){ payout{ ` + payoutFields +
		` } errors{ code field message } } }`
	markFailedQ = `mutation($id: ID!, $why: String!){ payoutMarkFailed(input:{payoutId:$id, reason:$why}){ payout{ ` + payoutFields +
		` } errors{ code field message } } }`
)

// payoutHold is the hold the payout tests configure (not the default, to
// prove the option reaches the service).
const payoutHold = 7 * 24 * time.Hour

type (
	balanceView struct {
		PartyID, PartyType, Currency string
		Pending, Available, PaidOut  amount
	}
	payoutView struct {
		ID, PartyID, PartyType, Status, Period string
		Amount                                 amount
		Reference, Failure                     *string
		CreatedAt                              time.Time
		PaidAt, FailedAt                       *time.Time
	}
	payoutRunView struct {
		Period       *string
		Sent, Failed int
		Created      []payoutView
		Errors       []userError
	}
	payoutConn struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Node   payoutView
		}
	}
)

// payoutMarket is a liveShow market where a shopper has bought, in one
// order, two lipsticks from the live show (attributed: the vendor and the
// host earn) and a pair of headphones from a second vendor (unattributed).
type payoutMarket struct {
	*showMarket
	showID, orderID, lipLine string
	admin                    string // token
}

// Earnings of the order: 39.98 at 15% commission and a 5% fee, and 19.99
// at a 5% fee.
const (
	vendorEarns  = 3998 - 599 - 199
	hostEarns    = 599
	vendor2Earns = 1999 - 99
)

func newPayoutMarket(t *testing.T, db *bun.DB) (*testkit.Server, *payoutMarket) {
	t.Helper()
	s := testkit.NewServer(t, db, func(o *app.Options) {
		o.Payout = payout.Options{Hold: payoutHold, Minimum: 100}
	})
	sm, showID := liveShow(t, s)
	m := &payoutMarket{showMarket: sm, showID: showID}
	m.owner2, _ = s.SignUp(t, "owner2@example.com", "Owner Two")
	m.vendor2ID = newVendor(t, s, m.owner2, "second-co")
	m.product2ID = newProduct(t, s, m.owner2, m.vendor2ID, "HP-1", 5)
	mustAdd(t, s, m.stranger, m.productID, 2, showID)
	mustAdd(t, s, m.stranger, m.product2ID, 1, "")
	o := mustCheckout(t, s, m.stranger, "payout-order")
	m.orderID = o.ID
	for _, l := range o.Lines {
		if l.Product.ID == m.productID {
			m.lipLine = l.ID
			if l.CommissionBps != 1500 || l.PlatformFeeBps != 500 || l.Total != usd(3998) {
				t.Fatalf("attributed line = %+v", l)
			}
		}
	}
	if m.lipLine == "" || o.Influencer == nil || o.Influencer.ID != m.influencerID {
		t.Fatalf("order = %+v", o)
	}
	var adminID string
	m.admin, adminID = s.SignUp(t, "ada@example.com", "Ada Admin")
	s.MakeAdmin(t, adminID)
	return s, m
}

func balancesOf(t *testing.T, s *testkit.Server, token string) []balanceView {
	t.Helper()
	var out struct{ Balances []balanceView }
	s.MustDo(t, token, balancesQ, nil, &out)
	return out.Balances
}

// balanceByParty indexes balances by party id, failing on duplicates or a
// currency other than USD.
func balanceByParty(t *testing.T, bs []balanceView) map[string]balanceView {
	t.Helper()
	out := map[string]balanceView{}
	for _, b := range bs {
		if _, dup := out[b.PartyID]; dup || b.Currency != "USD" || b.Pending.Currency != "USD" || b.Available.Currency != "USD" ||
			b.PaidOut.Currency != "USD" {
			t.Fatalf("balances = %+v", bs)
		}
		out[b.PartyID] = b
	}
	return out
}

func bal(partyType, partyID string, pending, available, paidOut int64) balanceView {
	return balanceView{PartyID: partyID, PartyType: partyType, Currency: "USD", Pending: usd(pending), Available: usd(available), PaidOut: usd(paidOut)}
}

func payoutsOf(t *testing.T, s *testkit.Server, token string, first *int, after *string) payoutConn {
	t.Helper()
	var out struct{ Payouts payoutConn }
	s.MustDo(t, token, payoutsQ, map[string]any{"n": first, "after": after}, &out)
	c := out.Payouts
	if len(c.Edges) > 0 && (c.PageInfo.EndCursor == nil || *c.PageInfo.EndCursor != c.Edges[len(c.Edges)-1].Cursor) {
		t.Fatalf("payouts page info = %+v", c)
	}
	return c
}

func payoutIDs(c payoutConn) []string {
	ids := make([]string, len(c.Edges))
	for i, e := range c.Edges {
		ids[i] = e.Node.ID
	}
	return ids
}

func runPayouts(t *testing.T, s *testkit.Server, token string) payoutRunView {
	t.Helper()
	var out struct{ PayoutRun payoutRunView }
	s.MustDo(t, token, payoutRunQ, nil, &out)
	if len(out.PayoutRun.Errors) > 0 {
		t.Fatalf("payoutRun: %+v", out.PayoutRun.Errors)
	}
	return out.PayoutRun
}

func markPaid(t *testing.T, s *testkit.Server, token, id, ref string) (*payoutView, []userError) {
	t.Helper()
	var out struct {
		PayoutMarkPaid struct {
			Payout *payoutView
			Errors []userError
		}
	}
	s.MustDo(t, token, markPaidQ, map[string]any{"id": id, "ref": ref}, &out)
	return out.PayoutMarkPaid.Payout, out.PayoutMarkPaid.Errors
}

func markFailed(t *testing.T, s *testkit.Server, token, id, reason string) (*payoutView, []userError) {
	t.Helper()
	var out struct {
		PayoutMarkFailed struct {
			Payout *payoutView
			Errors []userError
		}
	}
	s.MustDo(t, token, markFailedQ, map[string]any{"id": id, "why": reason}, &out)
	return out.PayoutMarkFailed.Payout, out.PayoutMarkFailed.Errors
}

// payoutsCSV fetches GET /payouts.csv with token (none when "").
func payoutsCSV(t *testing.T, s *testkit.Server, token string) (int, http.Header, string) {
	t.Helper()
	return payoutsCSVAt(t, s, token, "/payouts.csv")
}

func payoutsCSVAt(t *testing.T, s *testkit.Server, token, path string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := s.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// csvRows fetches the admin's CSV and returns its rows after the header.
// csvRows downloads the bank file: the payouts not exported before (and
// marks them exported), or with all every PENDING one.
func csvRows(t *testing.T, s *testkit.Server, admin string, all bool) [][]string {
	t.Helper()
	path := "/payouts.csv"
	if all {
		path += "?all=1"
	}
	status, h, body := payoutsCSVAt(t, s, admin, path)
	if status != http.StatusOK || h.Get("Content-Type") != "text/csv; charset=utf-8" || h.Get("Cache-Control") != "no-store" ||
		!strings.Contains(h.Get("Content-Disposition"), `filename="payouts.csv"`) {
		t.Fatalf("GET /payouts.csv: status %d, headers %v, body %q", status, h, body)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("GET /payouts.csv: %v\n%s", err, body)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], []string{"payout_id", "party_type", "party_id", "party_name", "currency", "amount_minor", "amount", "created_at", "exported_at"}) {
		t.Fatalf("GET /payouts.csv header: %q", body)
	}
	return rows[1:]
}

// csvRow is the CSV line of a PENDING payout first exported at exported.
func csvRow(p payoutView, name string, exported time.Time) []string {
	return []string{p.ID, p.PartyType, p.PartyID, name, p.Amount.Currency, strconv.FormatInt(p.Amount.AmountMinor, 10),
		fmt.Sprintf("%d.%02d", p.Amount.AmountMinor/100, p.Amount.AmountMinor%100), p.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"),
		exported.UTC().Format("2006-01-02T15:04:05Z")}
}

// payoutState is a snapshot of the application's tables, payouts included,
// to prove a refused request changed nothing.
func payoutState(t *testing.T, s *testkit.Server) string {
	t.Helper()
	snap := testkit.Snapshot(t, s.DB)
	if slices.Contains(testkit.AppTables, "payouts") {
		return snap
	}
	var rows []map[string]any
	if err := s.DB.NewSelect().Table("payouts").OrderExpr("id").Scan(context.Background(), &rows); err != nil {
		t.Fatal(err)
	}
	return snap + fmt.Sprintf("== payouts (%d)\n%v\n", len(rows), rows)
}

func ptr[T any](v T) *T { return &v }

// String renders p with its optional fields dereferenced, for messages and
// comparisons.
func (p payoutView) String() string {
	str := func(s *string) string {
		if s == nil {
			return "<nil>"
		}
		return strconv.Quote(*s)
	}
	tm := func(t *time.Time) string {
		if t == nil {
			return "<nil>"
		}
		return t.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprintf("{id:%s party:%s %s amount:%d %s status:%s period:%s reference:%s failure:%s createdAt:%s paidAt:%s failedAt:%s}",
		p.ID, p.PartyType, p.PartyID, p.Amount.AmountMinor, p.Amount.Currency, p.Status, p.Period, str(p.Reference), str(p.Failure),
		tm(&p.CreatedAt), tm(p.PaidAt), tm(p.FailedAt))
}

func samePayout(a, b payoutView) bool { return a.String() == b.String() }

// sortedPayoutIDs returns the ids of ps in creation order (UUIDv7).
func sortedPayoutIDs(ps []payoutView) []string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	slices.Sort(ids)
	return ids
}

// TestPayoutsSettleEarnings: a sale's earnings are pending during the hold
// and available after it; an admin's run pays each party all of it (PENDING
// with the manual provider, listed in the CSV for the bank); confirming
// makes a payout PAID (again with the same reference changes nothing); a
// bounced payout goes back to the available balance and a later day's run
// pays it again; a refund after a payout leaves a negative balance that the
// next runs do not pay; the ledger balances throughout.
func TestPayoutsSettleEarnings(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, m := newPayoutMarket(t, db)

		// During the hold everything is pending; each party sees its own.
		wantPending := map[string]balanceView{
			m.vendorID:     bal("VENDOR", m.vendorID, vendorEarns, 0, 0),
			m.vendor2ID:    bal("VENDOR", m.vendor2ID, vendor2Earns, 0, 0),
			m.influencerID: bal("INFLUENCER", m.influencerID, hostEarns, 0, 0),
		}
		for token, party := range map[string]string{m.owner: m.vendorID, m.owner2: m.vendor2ID, m.host: m.influencerID} {
			if got := balancesOf(t, s, token); len(got) != 1 || got[0] != wantPending[party] {
				t.Fatalf("balances of %s's staff = %+v, want %+v", party, got, wantPending[party])
			}
		}
		all := balancesOf(t, s, m.admin)
		if got := balanceByParty(t, all); !maps.Equal(got, wantPending) {
			t.Fatalf("balances (admin) = %+v, want %+v", got, wantPending)
		}
		if len(all) != 3 || all[0].PartyType != "VENDOR" || all[1].PartyType != "VENDOR" || all[2].PartyType != "INFLUENCER" {
			t.Fatalf("balances (admin) not vendors first: %+v", all)
		}
		// Nothing is due yet.
		if r := runPayouts(t, s, m.admin); r.Period == nil || *r.Period != payout.Period(s.Clock.Now()) || len(r.Created) != 0 || r.Sent != 0 || r.Failed != 0 {
			t.Fatalf("payoutRun during the hold = %+v", r)
		}
		s.Clock.Advance(payoutHold - time.Minute)
		if got := balanceByParty(t, balancesOf(t, s, m.admin)); !maps.Equal(got, wantPending) {
			t.Fatalf("balances a minute before the hold ends = %+v", got)
		}
		if r := runPayouts(t, s, m.admin); len(r.Created) != 0 {
			t.Fatalf("payoutRun a minute before the hold ends = %+v", r)
		}

		// After the hold it is available.
		s.Clock.Advance(2 * time.Minute)
		wantAvailable := map[string]balanceView{
			m.vendorID:     bal("VENDOR", m.vendorID, 0, vendorEarns, 0),
			m.vendor2ID:    bal("VENDOR", m.vendor2ID, 0, vendor2Earns, 0),
			m.influencerID: bal("INFLUENCER", m.influencerID, 0, hostEarns, 0),
		}
		if got := balanceByParty(t, balancesOf(t, s, m.admin)); !maps.Equal(got, wantAvailable) {
			t.Fatalf("balances after the hold = %+v, want %+v", got, wantAvailable)
		}
		if got := balancesOf(t, s, m.host); len(got) != 1 || got[0] != wantAvailable[m.influencerID] {
			t.Fatalf("balances of the host after the hold = %+v", got)
		}

		// The admin runs the payouts: one per party, for all of it.
		now := s.Clock.Now()
		period := payout.Period(now)
		run := runPayouts(t, s, m.admin)
		if run.Period == nil || *run.Period != period || period != "2026-12-02" || run.Sent != 3 || run.Failed != 0 || len(run.Created) != 3 {
			t.Fatalf("payoutRun = %+v", run)
		}
		// The run answers the payouts as they are after sending: PENDING
		// (the manual provider accepted them), as the list has them.
		listed := map[string]payoutView{}
		for _, e := range payoutsOf(t, s, m.admin, nil, nil).Edges {
			listed[e.Node.ID] = e.Node
		}
		byParty := map[string]payoutView{}
		for _, p := range run.Created {
			want := wantAvailable[p.PartyID]
			l := listed[p.ID]
			if p.ID == "" || l.ID != p.ID || l.PartyType != want.PartyType || l.Amount != want.Available || l.Status != "PENDING" || l.Period != period ||
				!l.CreatedAt.Equal(now) || l.PaidAt != nil || l.FailedAt != nil || l.Failure != nil || l.Reference != nil {
				t.Fatalf("payoutRun created %+v, listed as %+v (want %+v)", p, l, want)
			}
			if !samePayout(p, l) {
				t.Errorf("payoutRun answered %+v, but the payout is %+v", p, l)
			}
			byParty[p.PartyID] = l
		}
		if len(byParty) != 3 {
			t.Fatalf("payoutRun created %+v, want one per party", run.Created)
		}
		vendorPayout, vendor2Payout, hostPayout := byParty[m.vendorID], byParty[m.vendor2ID], byParty[m.influencerID]
		wantPaidOut := map[string]balanceView{
			m.vendorID:     bal("VENDOR", m.vendorID, 0, 0, vendorEarns),
			m.vendor2ID:    bal("VENDOR", m.vendor2ID, 0, 0, vendor2Earns),
			m.influencerID: bal("INFLUENCER", m.influencerID, 0, 0, hostEarns),
		}
		if got := balanceByParty(t, balancesOf(t, s, m.admin)); !maps.Equal(got, wantPaidOut) {
			t.Fatalf("balances after the run = %+v, want %+v", got, wantPaidOut)
		}
		balanced(t, s)
		// A second run the same day pays nothing more.
		if r := runPayouts(t, s, m.admin); len(r.Created) != 0 || r.Sent != 0 || r.Failed != 0 {
			t.Fatalf("payoutRun again = %+v", r)
		}

		// Admins list every payout, newest first; each party its own.
		createdIDs := sortedPayoutIDs(run.Created) // ids are UUIDv7: oldest first
		newestFirst := slices.Clone(createdIDs)
		slices.Reverse(newestFirst)
		if c := payoutsOf(t, s, m.admin, nil, nil); c.TotalCount != 3 || c.PageInfo.HasNextPage || !slices.Equal(payoutIDs(c), newestFirst) {
			t.Fatalf("payouts (admin) = %+v, want %v", c, newestFirst)
		} else if !samePayout(c.Edges[0].Node, byParty[c.Edges[0].Node.PartyID]) {
			t.Fatalf("payouts (admin) node = %+v, created %+v", c.Edges[0].Node, byParty[c.Edges[0].Node.PartyID])
		}
		for token, p := range map[string]payoutView{m.owner: vendorPayout, m.owner2: vendor2Payout, m.host: hostPayout} {
			if c := payoutsOf(t, s, token, nil, nil); c.TotalCount != 1 || len(c.Edges) != 1 || !samePayout(c.Edges[0].Node, p) {
				t.Fatalf("payouts of %s = %+v, want %+v", p.PartyID, c, p)
			}
		}

		// The bank file lists the three, oldest first, once.
		names := map[string]string{m.vendorID: "Vendor collab-co", m.vendor2ID: "Vendor second-co", m.influencerID: "Host"}
		exported := s.Clock.Now()
		var wantRows [][]string
		for _, id := range createdIDs {
			for _, p := range byParty {
				if p.ID == id {
					wantRows = append(wantRows, csvRow(p, names[p.PartyID], exported))
				}
			}
		}
		if rows := csvRows(t, s, m.admin, false); !slices.EqualFunc(rows, wantRows, slices.Equal) {
			t.Fatalf("GET /payouts.csv rows = %q, want %q", rows, wantRows)
		}
		if rows := csvRows(t, s, m.admin, false); len(rows) != 0 {
			t.Fatalf("a second GET /payouts.csv lists them again: %q", rows)
		}

		// The admin confirms the vendor's transfer.
		s.Clock.Advance(time.Hour)
		confirmedAt := s.Clock.Now()
		p, errs := markPaid(t, s, m.admin, vendorPayout.ID, "WIRE-0001")
		if len(errs) > 0 || p == nil || p.ID != vendorPayout.ID || p.Status != "PAID" || p.Reference == nil || *p.Reference != "WIRE-0001" ||
			p.PaidAt == nil || !p.PaidAt.Equal(confirmedAt) || p.Amount != usd(vendorEarns) || !p.CreatedAt.Equal(now) || p.FailedAt != nil {
			t.Fatalf("payoutMarkPaid = %+v %+v", p, errs)
		}
		paid := *p
		// The same reference again (a retried request) changes nothing.
		s.Clock.Advance(time.Minute)
		before := payoutState(t, s)
		if p, errs := markPaid(t, s, m.admin, vendorPayout.ID, "  WIRE-0001 "); len(errs) > 0 || p == nil || *p.PaidAt != *paid.PaidAt ||
			p.Status != "PAID" || *p.Reference != "WIRE-0001" {
			t.Fatalf("payoutMarkPaid again = %+v %+v", p, errs)
		}
		// Another reference, or failing it, is refused.
		if p, errs := markPaid(t, s, m.admin, vendorPayout.ID, "WIRE-0002"); p != nil || !hasCode(errs, "INVALID_STATE", "input", "payoutId") {
			t.Fatalf("payoutMarkPaid with another reference = %+v %+v", p, errs)
		}
		if p, errs := markFailed(t, s, m.admin, vendorPayout.ID, "bounced"); p != nil || !hasCode(errs, "INVALID_STATE", "input", "payoutId") {
			t.Fatalf("payoutMarkFailed of a PAID payout = %+v %+v", p, errs)
		}
		if after := payoutState(t, s); after != before {
			t.Fatal("confirming a PAID payout again changed the database")
		}
		if got := balancesOf(t, s, m.owner); len(got) != 1 || got[0] != wantPaidOut[m.vendorID] {
			t.Fatalf("balances of the vendor after payment = %+v", got)
		}
		if c := payoutsOf(t, s, m.owner, nil, nil); len(c.Edges) != 1 || !samePayout(c.Edges[0].Node, paid) {
			t.Fatalf("payouts of the vendor after payment = %+v, want %+v", c, paid)
		}

		// The host's transfer bounces: FAILED, the money is available again.
		failedAt := s.Clock.Now()
		p, errs = markFailed(t, s, m.admin, hostPayout.ID, "  Account closed ")
		if len(errs) > 0 || p == nil || p.ID != hostPayout.ID || p.Status != "FAILED" || p.Failure == nil || *p.Failure != "Account closed" ||
			p.FailedAt == nil || !p.FailedAt.Equal(failedAt) || p.PaidAt != nil {
			t.Fatalf("payoutMarkFailed = %+v %+v", p, errs)
		}
		if p, errs := markFailed(t, s, m.admin, hostPayout.ID, "again"); len(errs) > 0 || p == nil || p.Status != "FAILED" || p.Failure == nil || *p.Failure != "Account closed" {
			t.Fatalf("payoutMarkFailed twice = %+v %+v (it answers the failed payout, unchanged)", p, errs)
		}
		if p, errs := markPaid(t, s, m.admin, hostPayout.ID, "WIRE-0003"); p != nil || !hasCode(errs, "INVALID_STATE", "input", "payoutId") {
			t.Fatalf("payoutMarkPaid of a FAILED payout = %+v %+v", p, errs)
		}
		if got := balancesOf(t, s, m.host); len(got) != 1 || got[0] != bal("INFLUENCER", m.influencerID, 0, hostEarns, 0) {
			t.Fatalf("balances of the host after the bounce = %+v", got)
		}
		// Only the second vendor's payout still waits for the bank.
		if rows := csvRows(t, s, m.admin, true); !slices.EqualFunc(rows, [][]string{csvRow(vendor2Payout, "Vendor second-co", exported)}, slices.Equal) {
			t.Fatalf("GET /payouts.csv after confirming and failing = %q", rows)
		}
		balanced(t, s)

		// The host is paid again by the next day's run, not today's.
		if r := runPayouts(t, s, m.admin); len(r.Created) != 0 {
			t.Fatalf("payoutRun the day of the bounce = %+v", r)
		}
		s.Clock.Advance(24 * time.Hour)
		r := runPayouts(t, s, m.admin)
		if len(r.Created) != 1 || r.Created[0].PartyID != m.influencerID || r.Created[0].Amount != usd(hostEarns) ||
			r.Created[0].ID == hostPayout.ID || r.Created[0].Period != payout.Period(s.Clock.Now()) || r.Sent != 1 {
			t.Fatalf("payoutRun the next day = %+v", r)
		}
		if c := payoutsOf(t, s, m.host, nil, nil); c.TotalCount != 2 || !slices.Equal(payoutIDs(c), []string{r.Created[0].ID, hostPayout.ID}) ||
			c.Edges[0].Node.Status != "PENDING" || c.Edges[1].Node.Status != "FAILED" {
			t.Fatalf("payouts of the host = %+v", c)
		} else if !samePayout(r.Created[0], c.Edges[0].Node) {
			t.Errorf("payoutRun the next day answered %+v, but the payout is %+v", r.Created[0], c.Edges[0].Node)
		}

		// A refund after the payout: the vendor and the host owe it back.
		_, errs = refund(t, s, m.owner, m.orderID, false, refundLine(m.lipLine, 1))
		if len(errs) > 0 {
			t.Fatalf("orderRefund: %+v", errs)
		}
		back := ledger.RefundParts(1999, 2, 0, 1, 1500, 500)
		want := map[string]balanceView{
			m.vendorID:     bal("VENDOR", m.vendorID, 0, -back.Vendor, vendorEarns),
			m.vendor2ID:    bal("VENDOR", m.vendor2ID, 0, 0, vendor2Earns),
			m.influencerID: bal("INFLUENCER", m.influencerID, 0, -back.Influencer, hostEarns),
		}
		got := balanceByParty(t, balancesOf(t, s, m.admin))
		if !maps.Equal(got, want) || back.Vendor <= 0 || back.Influencer <= 0 {
			t.Fatalf("balances after a refund of paid-out money = %+v, want %+v", got, want)
		}
		for party, b := range got {
			earned := map[string]int64{m.vendorID: vendorEarns - back.Vendor, m.vendor2ID: vendor2Earns, m.influencerID: hostEarns - back.Influencer}[party]
			if sum := b.Pending.AmountMinor + b.Available.AmountMinor + b.PaidOut.AmountMinor; sum != earned {
				t.Fatalf("balance of %s sums to %d, want %d earned less refunds", party, sum, earned)
			}
		}
		s.Clock.Advance(24 * time.Hour)
		if r := runPayouts(t, s, m.admin); len(r.Created) != 0 || r.Sent != 0 {
			t.Fatalf("payoutRun with negative balances = %+v", r)
		}
		balanced(t, s)
	})
}

// TestPayoutsAuthorization: guests are UNAUTHENTICATED; users see the
// balances and payouts of their own parties only (none for a shopper, the
// staff of a vendor that earned nothing, another influencer); non-admins
// cannot run, confirm or fail payouts, nor read the bank file, and their
// attempts change nothing; pagination and malformed input are answered.
func TestPayoutsAuthorization(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, m := newPayoutMarket(t, db)
		idleOwner, _ := s.SignUp(t, "idle@example.com", "Idle Owner")
		newVendor(t, s, idleOwner, "idle-co")
		otherHost, _ := s.SignUp(t, "other-host@example.com", "Other Host")
		s.MustDo(t, otherHost, `mutation{ influencerProfileCreate(input:{handle:"other", displayName:"Other"}){ influencer{ id } } }`, nil, nil)
		s.Clock.Advance(payoutHold)

		// Non-admins cannot run payouts; nothing changes.
		before := payoutState(t, s)
		for name, token := range map[string]string{"vendor": m.owner, "host": m.host, "shopper": m.stranger} {
			if r := s.Do(t, token, payoutRunQ, nil); len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" || string(r.Data) != "null" {
				t.Fatalf("payoutRun by the %s: errors %+v, data %s", name, r.Errors, r.Data)
			}
		}
		if r := s.Do(t, "", payoutRunQ, nil); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Fatalf("payoutRun by a guest: %+v", r.Errors)
		}
		if after := payoutState(t, s); after != before {
			t.Fatal("a refused payoutRun changed the database")
		}
		run := runPayouts(t, s, m.admin)
		if len(run.Created) != 3 {
			t.Fatalf("payoutRun = %+v", run)
		}
		var vendorPayout payoutView
		for _, p := range run.Created {
			if p.PartyID == m.vendorID {
				vendorPayout = p
			}
		}

		// Guests are refused; users without earnings see nothing.
		for _, q := range []string{balancesQ, payoutsQ} {
			if r := s.Do(t, "", q, nil); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" || string(r.Data) != "null" {
				t.Fatalf("%s as a guest: errors %+v, data %s", q, r.Errors, r.Data)
			}
		}
		for name, token := range map[string]string{"shopper": m.stranger, "idle vendor's owner": idleOwner, "other influencer": otherHost} {
			if got := balancesOf(t, s, token); len(got) != 0 {
				t.Fatalf("balances of the %s = %+v", name, got)
			}
			if c := payoutsOf(t, s, token, nil, nil); c.TotalCount != 0 || len(c.Edges) != 0 || c.PageInfo.HasNextPage {
				t.Fatalf("payouts of the %s = %+v", name, c)
			}
		}
		// The vendor sees its own only.
		if got := balancesOf(t, s, m.owner); len(got) != 1 || got[0].PartyID != m.vendorID {
			t.Fatalf("balances of the vendor = %+v", got)
		}
		if c := payoutsOf(t, s, m.owner, nil, nil); c.TotalCount != 1 || len(c.Edges) != 1 || c.Edges[0].Node.ID != vendorPayout.ID {
			t.Fatalf("payouts of the vendor = %+v", c)
		}

		// Admins page through every payout.
		one := 1
		var seen []string
		var after *string
		for page := 0; ; page++ {
			c := payoutsOf(t, s, m.admin, &one, after)
			if c.TotalCount != 3 || len(c.Edges) != 1 || c.PageInfo.HasNextPage != (page < 2) {
				t.Fatalf("payouts page %d = %+v", page, c)
			}
			seen = append(seen, c.Edges[0].Node.ID)
			if !c.PageInfo.HasNextPage {
				break
			}
			after = c.PageInfo.EndCursor
		}
		wantIDs := sortedPayoutIDs(run.Created)
		slices.Reverse(wantIDs)
		if !slices.Equal(seen, wantIDs) {
			t.Fatalf("payouts pages = %v, want %v", seen, wantIDs)
		}
		if c := payoutsOf(t, s, m.admin, ptr(0), nil); c.TotalCount != 3 || len(c.Edges) != 0 {
			t.Fatalf("payouts(first: 0) = %+v", c)
		}
		for _, vars := range []map[string]any{{"n": -1}, {"n": kernel.MaxPageSize + 1}, {"after": "not-a-cursor"}} {
			if r := s.Do(t, m.admin, payoutsQ, vars); len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID" {
				t.Fatalf("payouts(%v): %+v", vars, r.Errors)
			}
		}

		// Non-admins cannot confirm or fail a payout, nor read the bank file.
		before = payoutState(t, s)
		for name, token := range map[string]string{"vendor": m.owner, "host": m.host, "shopper": m.stranger} {
			for _, op := range []struct{ q, ref string }{{markPaidQ, "ref"}, {markFailedQ, "why"}} {
				r := s.Do(t, token, op.q, map[string]any{"id": vendorPayout.ID, op.ref: "WIRE-9"})
				if len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" || string(r.Data) != "null" {
					t.Fatalf("%s by the %s: errors %+v, data %s", op.q, name, r.Errors, r.Data)
				}
			}
			if status, _, body := payoutsCSV(t, s, token); status != http.StatusForbidden || !strings.Contains(body, "FORBIDDEN") ||
				strings.Contains(body, vendorPayout.ID) {
				t.Fatalf("GET /payouts.csv by the %s: %d %s", name, status, body)
			}
		}
		if r := s.Do(t, "", markPaidQ, map[string]any{"id": vendorPayout.ID, "ref": "WIRE-9"}); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Fatalf("payoutMarkPaid by a guest: %+v", r.Errors)
		}
		for token, want := range map[string]int{"": http.StatusUnauthorized, "not-a-token": http.StatusUnauthorized} {
			if status, _, body := payoutsCSV(t, s, token); status != want || !strings.Contains(body, "UNAUTHENTICATED") {
				t.Fatalf("GET /payouts.csv with token %q: %d %s", token, status, body)
			}
		}

		// Malformed input and unknown payouts are user errors.
		for _, c := range []struct {
			name, q string
			vars    map[string]any
			code    string
			field   []string
		}{
			{"empty reference", markPaidQ, map[string]any{"id": vendorPayout.ID, "ref": ""}, "REQUIRED", []string{"input", "reference"}},
			{"blank reference", markPaidQ, map[string]any{"id": vendorPayout.ID, "ref": "   "}, "REQUIRED", []string{"input", "reference"}},
			{"long reference", markPaidQ, map[string]any{"id": vendorPayout.ID, "ref": strings.Repeat("x", payout.MaxReference+1)}, "TOO_LONG", []string{"input", "reference"}},
			{"unknown payout", markPaidQ, map[string]any{"id": kernel.NewID(), "ref": "WIRE-9"}, "NOT_FOUND", []string{"input", "payoutId"}},
			{"malformed id", markPaidQ, map[string]any{"id": "nope", "ref": "WIRE-9"}, "INVALID", []string{"input", "payoutId"}},
			{"empty reason", markFailedQ, map[string]any{"id": vendorPayout.ID, "why": ""}, "REQUIRED", []string{"input", "reason"}},
			{"unknown payout to fail", markFailedQ, map[string]any{"id": kernel.NewID(), "why": "bounced"}, "NOT_FOUND", []string{"input", "payoutId"}},
		} {
			r := s.Do(t, m.admin, c.q, c.vars)
			if len(r.Errors) > 0 {
				t.Fatalf("%s: top-level errors %+v", c.name, r.Errors)
			}
			var data map[string]struct {
				Payout *payoutView
				Errors []userError
			}
			r.Decode(t, &data)
			for _, p := range data {
				if p.Payout != nil || !hasCode(p.Errors, c.code, c.field...) {
					t.Fatalf("%s: %+v", c.name, p)
				}
			}
		}
		if after := payoutState(t, s); after != before {
			t.Fatal("refused payout mutations changed the database")
		}
		if c := payoutsOf(t, s, m.owner, nil, nil); len(c.Edges) != 1 || c.Edges[0].Node.Status != "PENDING" {
			t.Fatalf("payouts of the vendor after refusals = %+v", c)
		}
		balanced(t, s)
	})
}
