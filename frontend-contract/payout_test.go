package contract_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/internal/testkit"
)

// The shapes of the payout fragments.
type (
	balanceFields struct {
		PartyID, PartyType, Currency string
		Pending, Available, PaidOut  money
	}
	payoutFields struct {
		ID, PartyID, PartyType, Status, Period string
		Amount                                 money
		Reference, Failure                     *string
		CreatedAt                              time.Time
		PaidAt, FailedAt                       *time.Time
	}
	payoutPayload struct {
		Payout *payoutFields
		Errors []userError
	}
	payoutConnection struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Cursor string
			Node   payoutFields
		}
	}
)

func (c *client) balances(t *testing.T, token string) []balanceFields {
	t.Helper()
	var out struct{ Balances []balanceFields }
	c.must(t, token, "Balances", nil, &out)
	return out.Balances
}

func (c *client) payouts(t *testing.T, token string, vars map[string]any) payoutConnection {
	t.Helper()
	var out struct{ Payouts payoutConnection }
	c.must(t, token, "Payouts", vars, &out)
	conn := out.Payouts
	if len(conn.Edges) > conn.TotalCount || (len(conn.Edges) > 0 && (conn.PageInfo.EndCursor == nil || *conn.PageInfo.EndCursor != conn.Edges[len(conn.Edges)-1].Cursor)) {
		t.Fatalf("Payouts %v = %+v", vars, conn)
	}
	return conn
}

func (c *client) payoutMut(t *testing.T, token, name string, in map[string]any) payoutPayload {
	t.Helper()
	var out map[string]payoutPayload
	c.must(t, token, name, map[string]any{"input": in}, &out)
	return out[lowerFirst(name)]
}

// samePayout compares two payouts field by field (through the pointers).
func samePayout(a, b payoutFields) bool {
	eqS := func(x, y *string) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	eqT := func(x, y *time.Time) bool { return (x == nil) == (y == nil) && (x == nil || x.Equal(*y)) }
	return a.ID == b.ID && a.PartyID == b.PartyID && a.PartyType == b.PartyType && a.Status == b.Status && a.Period == b.Period &&
		a.Amount == b.Amount && eqS(a.Reference, b.Reference) && eqS(a.Failure, b.Failure) && a.CreatedAt.Equal(b.CreatedAt) &&
		eqT(a.PaidAt, b.PaidAt) && eqT(a.FailedAt, b.FailedAt)
}

// exercisePayouts runs the balance and payout operations. Everything sold
// in exerciseOrders was refunded, so the shopper buys again in the show that
// is still LIVE: the headphones (attributed to the host at 10%) and the
// first shop's bowl. The parties see their earnings pending, then available
// once the hold (the default 14 days) is over; an admin runs the payouts
// (one per party, PENDING with the manual provider), confirms the second
// shop's transfer and records that the host's bounced; the ledger balances.
// It follows exerciseOrders.
func exercisePayouts(t *testing.T, c *client, w collabWorld, sw showsWorld) {
	t.Helper()
	shopper := w.shopper
	signIn := func(email string) string {
		t.Helper()
		var si struct{ SignIn authPayload }
		c.must(t, "", "SignIn", map[string]any{"input": map[string]any{"email": email, "password": testkit.Password}}, &si)
		noErrors(t, "SignIn", si.SignIn.Errors)
		return *si.SignIn.Token
	}
	otto, admin := signIn("otto@example.com"), signIn("ada@example.com")

	// Nobody has earned anything that was not refunded.
	for _, tok := range []string{w.owner, otto, w.creator} {
		for _, b := range c.balances(t, tok) {
			if b.Pending != eur(0) || b.Available != eur(0) || b.PaidOut != eur(0) {
				t.Fatalf("Balances after the refunds = %+v", b)
			}
		}
	}

	// --- Storefront: the shopper buys again in the LIVE show.
	up := c.upcoming(t, "", map[string]any{"first": 1})
	if len(up.Edges) != 1 || up.Edges[0].Node.Status != "LIVE" {
		t.Fatalf("UpcomingShows = %+v", up)
	}
	sh := up.Edges[0].Node
	c.cartOK(t, shopper, "CartLineAdd", map[string]any{"productId": sw.headphonesID, "quantity": 1, "showId": sh.ID})
	c.cartOK(t, shopper, "CartLineAdd", map[string]any{"productId": w.bowlID, "quantity": 1})
	paid := c.orderMut(t, shopper, "Checkout", map[string]any{"idempotencyKey": "sol-checkout-4", "paymentToken": "tok_visa",
		"shippingAddress": map[string]any{"name": "Sol Shopper", "line1": "4 Kirkegata", "city": "Oslo", "postalCode": "0153", "country": "NO"}})
	noErrors(t, "Checkout", paid.Errors)
	if paid.Order == nil || paid.Order.Total != eur(12900+4999) || paid.Order.Influencer == nil {
		t.Fatalf("Checkout = %+v", paid.Order)
	}
	// 129.00 at 10% and a 5% fee: 12.90 to the host, 109.65 to the second
	// shop; 49.99 at a 5% fee: 47.50 to the first.
	headphones, bowl := ledger.Split(12900, 1000, 500), ledger.Split(4999, 0, 500)
	earned := map[string]balanceFields{
		w.shopID:       {PartyID: w.shopID, PartyType: "VENDOR", Currency: "EUR", Pending: eur(bowl.Vendor), Available: eur(0), PaidOut: eur(0)},
		sw.shop2ID:     {PartyID: sw.shop2ID, PartyType: "VENDOR", Currency: "EUR", Pending: eur(headphones.Vendor), Available: eur(0), PaidOut: eur(0)},
		w.influencerID: {PartyID: w.influencerID, PartyType: "INFLUENCER", Currency: "EUR", Pending: eur(headphones.Influencer), Available: eur(0), PaidOut: eur(0)},
	}

	// --- Dashboard and studio: each party's own balance, pending.
	for who, tok := range map[string]string{w.shopID: w.staff, sw.shop2ID: otto, w.influencerID: w.creator} {
		if got := c.balances(t, tok); len(got) != 1 || got[0] != earned[who] {
			t.Fatalf("Balances of %s = %+v, want %+v", who, got, earned[who])
		}
	}
	if got := c.balances(t, shopper); len(got) != 0 {
		t.Fatalf("Balances of a shopper = %+v", got)
	}

	// --- Admin: only admins run payouts; after the hold, one per party.
	if r := c.do(t, w.owner, "PayoutRun", nil); r.Status != http.StatusOK || len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" {
		t.Fatalf("PayoutRun by a vendor owner: status %d, errors %+v", r.Status, r.Errors)
	}
	c.s.Clock.Advance(14*24*time.Hour + time.Minute)
	for who, b := range earned {
		b.Available, b.Pending = b.Pending, eur(0)
		earned[who] = b
	}
	all := c.balances(t, admin)
	for _, b := range all {
		if want, ok := earned[b.PartyID]; ok && b != want {
			t.Fatalf("Balances (admin) after the hold = %+v, want %+v", b, want)
		}
	}
	var run struct {
		PayoutRun struct {
			Period       *string
			Created      []payoutFields
			Sent, Failed int
			Errors       []userError
		}
	}
	c.must(t, admin, "PayoutRun", nil, &run)
	noErrors(t, "PayoutRun", run.PayoutRun.Errors)
	now := c.s.Clock.Now()
	period := now.Format("2006-01-02")
	if r := run.PayoutRun; r.Period == nil || *r.Period != period || len(r.Created) != 3 || r.Sent != 3 || r.Failed != 0 {
		t.Fatalf("PayoutRun = %+v", r)
	}
	list := c.payouts(t, admin, map[string]any{"first": 10})
	if list.TotalCount != 3 || len(list.Edges) != 3 || list.PageInfo.HasNextPage {
		t.Fatalf("Payouts (admin) = %+v", list)
	}
	created := map[string]payoutFields{}
	for _, p := range run.PayoutRun.Created {
		created[p.ID] = p
	}
	byParty := map[string]payoutFields{}
	for i, e := range list.Edges {
		p := e.Node
		if cr, ok := created[p.ID]; !ok || (i > 0 && p.ID >= list.Edges[i-1].Node.ID) { // newest first
			t.Fatalf("Payouts (admin) = %+v, PayoutRun created %+v", list, run.PayoutRun.Created)
		} else if !samePayout(cr, p) {
			t.Errorf("PayoutRun answered %+v, but the payout is %+v", cr, p)
		}
		if want := earned[p.PartyID]; p.PartyType != want.PartyType || p.Amount != want.Available || p.Status != "PENDING" ||
			p.Period != period || !p.CreatedAt.Equal(now) || p.PaidAt != nil || p.FailedAt != nil {
			t.Fatalf("Payouts (admin) node = %+v, want %+v", p, want)
		}
		byParty[p.PartyID] = p
	}
	page := c.payouts(t, admin, map[string]any{"first": 2, "after": *list.PageInfo.EndCursor})
	if page.TotalCount != 3 || len(page.Edges) != 0 || page.PageInfo.HasNextPage {
		t.Fatalf("Payouts after the last = %+v", page)
	}
	page = c.payouts(t, admin, map[string]any{"first": 2})
	if len(page.Edges) != 2 || !page.PageInfo.HasNextPage {
		t.Fatalf("Payouts(first: 2) = %+v", page)
	}
	page = c.payouts(t, admin, map[string]any{"first": 2, "after": *page.PageInfo.EndCursor})
	if len(page.Edges) != 1 || page.PageInfo.HasNextPage || page.Edges[0].Node.ID != list.Edges[2].Node.ID {
		t.Fatalf("Payouts(first: 2) page 2 = %+v", page)
	}
	for who, tok := range map[string]string{w.shopID: w.owner, sw.shop2ID: otto, w.influencerID: w.creator} {
		b := earned[who]
		b.PaidOut, b.Available = b.Available, eur(0)
		if got := c.balances(t, tok); len(got) != 1 || got[0] != b {
			t.Fatalf("Balances of %s after the run = %+v, want %+v", who, got, b)
		}
		if mine := c.payouts(t, tok, nil); mine.TotalCount != 1 || len(mine.Edges) != 1 || !samePayout(mine.Edges[0].Node, byParty[who]) {
			t.Fatalf("Payouts of %s = %+v", who, mine)
		}
	}
	if none := c.payouts(t, shopper, nil); none.TotalCount != 0 || len(none.Edges) != 0 {
		t.Fatalf("Payouts of a shopper = %+v", none)
	}

	// The second shop's transfer is made: PAID; confirming again is harmless.
	shop2Payout, hostPayout := byParty[sw.shop2ID], byParty[w.influencerID]
	if p := c.payoutMut(t, admin, "PayoutMarkPaid", map[string]any{"payoutId": shop2Payout.ID, "reference": ""}); p.Payout != nil {
		t.Fatalf("PayoutMarkPaid without a reference = %+v", p.Payout)
	} else {
		refused(t, "PayoutMarkPaid without a reference", p.Errors, "REQUIRED", "input", "reference")
	}
	for range 2 {
		p := c.payoutMut(t, admin, "PayoutMarkPaid", map[string]any{"payoutId": shop2Payout.ID, "reference": "NO-TRF-0042"})
		noErrors(t, "PayoutMarkPaid", p.Errors)
		if p.Payout == nil || p.Payout.Status != "PAID" || p.Payout.Reference == nil || *p.Payout.Reference != "NO-TRF-0042" ||
			p.Payout.PaidAt == nil || !p.Payout.PaidAt.Equal(now) || p.Payout.Amount != shop2Payout.Amount {
			t.Fatalf("PayoutMarkPaid = %+v", p.Payout)
		}
	}
	if r := c.do(t, otto, "PayoutMarkPaid", map[string]any{"input": map[string]any{"payoutId": hostPayout.ID, "reference": "X"}}); len(r.Errors) != 1 ||
		r.Errors[0].Code() != "FORBIDDEN" {
		t.Fatalf("PayoutMarkPaid by a vendor owner: status %d, errors %+v", r.Status, r.Errors)
	}

	// The host's transfer bounced: FAILED, the money is available again.
	p := c.payoutMut(t, admin, "PayoutMarkFailed", map[string]any{"payoutId": hostPayout.ID, "reason": "IBAN closed"})
	noErrors(t, "PayoutMarkFailed", p.Errors)
	if p.Payout == nil || p.Payout.ID != hostPayout.ID || p.Payout.Status != "FAILED" || p.Payout.Failure == nil || *p.Payout.Failure != "IBAN closed" ||
		p.Payout.FailedAt == nil || !p.Payout.FailedAt.Equal(now) || p.Payout.PaidAt != nil {
		t.Fatalf("PayoutMarkFailed = %+v", p.Payout)
	}
	if p := c.payoutMut(t, admin, "PayoutMarkFailed", map[string]any{"payoutId": shop2Payout.ID, "reason": "late bounce"}); p.Payout != nil {
		t.Fatalf("PayoutMarkFailed of a PAID payout = %+v", p.Payout)
	} else {
		refused(t, "PayoutMarkFailed of a PAID payout", p.Errors, "INVALID_STATE", "input", "payoutId")
	}
	if got := c.balances(t, w.creator); len(got) != 1 || got[0] != earned[w.influencerID] {
		t.Fatalf("Balances of the host after the bounce = %+v, want %+v", got, earned[w.influencerID])
	}
	var statuses []string
	for _, e := range c.payouts(t, admin, nil).Edges {
		statuses = append(statuses, e.Node.PartyID+" "+e.Node.Status)
	}
	slices.Sort(statuses)
	want := []string{w.shopID + " PENDING", sw.shop2ID + " PAID", w.influencerID + " FAILED"}
	slices.Sort(want)
	if !slices.Equal(statuses, want) {
		t.Fatalf("Payouts (admin) after confirming and failing = %v, want %v", statuses, want)
	}

	if err := ledger.Check(context.Background(), c.s.App.DB); err != nil {
		t.Fatalf("ledger: %v", err)
	}
}
