package contract_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"
)

// The shapes of the show fragments.
type (
	featuredProduct struct {
		Position      int
		Product       product
		Collaboration struct {
			ID            string
			CommissionBps int
		}
	}
	showFields struct {
		ID, Title, Category, Status  string
		CoverUrl                     *string
		ScheduledStart, ScheduledEnd time.Time
		Host                         struct {
			ID, Handle, DisplayName string
			AvatarUrl               *string
		}
		FeaturedProducts  []featuredProduct
		ViewerCount       int
		ReminderCount     int
		ViewerHasReminder bool
		// ShowFields only:
		Description        string
		StartedAt, EndedAt *time.Time
		PinnedProduct      *product
	}
	showPayload struct {
		Show   *showFields
		Errors []userError
	}
	showConnection struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Cursor string
			Node   showFields
		}
	}
	showJoinPayload struct {
		Token      *string
		URL        *string
		CanPublish bool
		Errors     []userError
	}
)

// showMut runs one of the show mutations that return a ShowPayload.
func (c *client) showMut(t *testing.T, token, name string, in map[string]any) showPayload {
	t.Helper()
	var out map[string]showPayload
	c.must(t, token, name, map[string]any{"input": in}, &out)
	return out[lowerFirst(name)]
}

// showOK runs a show mutation that must succeed and leave the show in
// status want.
func (c *client) showOK(t *testing.T, token, name string, in map[string]any, want string) showFields {
	t.Helper()
	p := c.showMut(t, token, name, in)
	noErrors(t, name, p.Errors)
	if p.Show == nil || p.Show.Status != want {
		t.Fatalf("%s %v = %+v, want status %s", name, in, p.Show, want)
	}
	return *p.Show
}

// showRefused runs a show mutation that must fail with one error code on
// field and return no show.
func (c *client) showRefused(t *testing.T, token, name string, in map[string]any, code string, field ...string) {
	t.Helper()
	p := c.showMut(t, token, name, in)
	if p.Show != nil {
		t.Fatalf("%s %v = %+v, want no show", name, in, p.Show)
	}
	refused(t, name, p.Errors, code, field...)
}

// upcoming runs UpcomingShows and checks the connection's invariants.
func (c *client) upcoming(t *testing.T, token string, vars map[string]any) showConnection {
	t.Helper()
	var out struct{ Shows showConnection }
	c.must(t, token, "UpcomingShows", vars, &out)
	checkShowConnection(t, "UpcomingShows", vars, out.Shows)
	return out.Shows
}

// myShows runs MyShows for influencerID.
func (c *client) myShows(t *testing.T, token, influencerID string, vars map[string]any) showConnection {
	t.Helper()
	all := map[string]any{"influencerId": influencerID}
	for k, v := range vars {
		all[k] = v
	}
	var out struct {
		Influencer *struct {
			ID    string
			Shows showConnection
		}
	}
	c.must(t, token, "MyShows", all, &out)
	if out.Influencer == nil || out.Influencer.ID != influencerID {
		t.Fatalf("MyShows %v: influencer %+v", all, out.Influencer)
	}
	checkShowConnection(t, "MyShows", all, out.Influencer.Shows)
	return out.Influencer.Shows
}

func checkShowConnection(t *testing.T, name string, vars map[string]any, conn showConnection) {
	t.Helper()
	for _, e := range conn.Edges {
		if e.Cursor == "" || e.Node.ID == "" {
			t.Fatalf("%s %v: edge %+v", name, vars, e)
		}
	}
	if len(conn.Edges) > conn.TotalCount || (conn.PageInfo.HasNextPage && len(conn.Edges) == 0) ||
		(len(conn.Edges) > 0 && (conn.PageInfo.EndCursor == nil || *conn.PageInfo.EndCursor != conn.Edges[len(conn.Edges)-1].Cursor)) {
		t.Fatalf("%s %v = %+v", name, vars, conn)
	}
}

func showIDs(conn showConnection) []string {
	ids := make([]string, len(conn.Edges))
	for i, e := range conn.Edges {
		ids[i] = e.Node.ID
	}
	return ids
}

func (c *client) show(t *testing.T, token, id string) *showFields {
	t.Helper()
	var out struct{ Show *showFields }
	c.must(t, token, "Show", map[string]any{"id": id}, &out)
	if out.Show != nil && out.Show.ID != id {
		t.Fatalf("Show(%s) = %+v", id, out.Show)
	}
	return out.Show
}

func (c *client) join(t *testing.T, token, id string) showJoinPayload {
	t.Helper()
	var out struct{ ShowJoin showJoinPayload }
	c.must(t, token, "ShowJoin", map[string]any{"input": map[string]any{"id": id}}, &out)
	return out.ShowJoin
}

// exerciseShows runs the show operations: the creator, with collaborations
// on products of two shops, drafts a show featuring both, edits and
// publishes it; shoppers find it upcoming and ask to be reminded; the host
// reschedules it, cancels a second show, goes live in time, hands out video
// tokens and ends the show; the studio lists the host's shows, drafts
// included. It returns what the search steps build on.
func exerciseShows(t *testing.T, c *client, w collabWorld) showsWorld {
	t.Helper()
	now := c.s.Clock.Now()
	day := 24 * time.Hour
	rfc := func(at time.Time) string { return at.Format(time.RFC3339) }

	// --- A second shop, whose headphones the creator books at 10%.
	owner2, _ := c.signUp(t, "otto@example.com", "Otto Owner")
	var vc struct {
		VendorCreate struct {
			Vendor *vendorFields
			Errors []userError
		}
	}
	c.must(t, owner2, "VendorCreate", map[string]any{"input": map[string]any{"name": "Otto's Audio", "slug": "ottos-audio"}}, &vc)
	noErrors(t, "VendorCreate", vc.VendorCreate.Errors)
	shop2 := vc.VendorCreate.Vendor
	if shop2 == nil || shop2.ID == "" || shop2.ID == w.shopID {
		t.Fatalf("VendorCreate (second shop) = %+v", vc.VendorCreate)
	}
	headphones := c.createProduct(t, owner2, map[string]any{"vendorId": shop2.ID, "title": "Studio Headphones", "category": "Audio",
		"price": map[string]any{"amountMinor": 12900, "currency": "EUR"}, "stock": 5, "sku": "HP-1"})
	op := c.offer(t, owner2, "OfferPublish", map[string]any{"productId": headphones.ID, "commissionBps": 1000})
	noErrors(t, "OfferPublish", op.Errors)
	if op.Offer == nil {
		t.Fatalf("OfferPublish (headphones) = %+v", op)
	}
	c.collabOK(t, w.creator, "CollaborationBook", map[string]any{"offerId": op.Offer.ID}, "ACTIVE")

	// What the creator may feature: the bowl (15%) and napkins (12%) of the
	// first shop, the headphones (10%) of the second.
	collabOf := map[string]collaboration{}
	for _, e := range c.collaborations(t, w.creator, "Showcase", map[string]any{"first": 10}).Edges {
		collabOf[e.Node.Product.ID] = e.Node
	}
	vendorOf := map[string]string{w.bowlID: w.shopID, w.napkinsID: w.shopID, headphones.ID: shop2.ID}
	rates := map[string]int{w.bowlID: 1500, w.napkinsID: 1200, headphones.ID: 1000}
	for id, bps := range rates {
		if collabOf[id].CommissionBps != bps || collabOf[id].Vendor.ID != vendorOf[id] {
			t.Fatalf("Showcase: collaboration on %s = %+v, want %d bps with vendor %s", id, collabOf[id], bps, vendorOf[id])
		}
	}
	// featured describes a show's featured products as "position product
	// vendor collaboration bps"; want is what featuring ids (in order) gives.
	featured := func(s showFields) []string {
		out := make([]string, len(s.FeaturedProducts))
		for i, f := range s.FeaturedProducts {
			out[i] = fmt.Sprintf("%d %s %s %s %d", f.Position, f.Product.ID, f.Product.Vendor.ID, f.Collaboration.ID, f.Collaboration.CommissionBps)
		}
		return out
	}
	want := func(ids ...string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = fmt.Sprintf("%d %s %s %s %d", i, id, vendorOf[id], collabOf[id].ID, rates[id])
		}
		return out
	}

	// --- Influencer studio: a draft across both shops.
	start := now.Add(2 * day)
	draft := c.showOK(t, w.creator, "ShowCreate", map[string]any{"title": "Kitchen Table Live", "description": "A walnut bowl and a good pair of headphones.",
		"category": " Home ", "scheduledStart": rfc(start), "scheduledEnd": rfc(start.Add(2 * time.Hour)),
		"coverUrl": "https://img.example.com/kitchen-table.jpg", "productIds": []string{w.bowlID, headphones.ID}}, "DRAFT")
	if draft.ID == "" || draft.Title != "Kitchen Table Live" || draft.Description != "A walnut bowl and a good pair of headphones." || draft.Category != "home" ||
		draft.CoverUrl == nil || *draft.CoverUrl != "https://img.example.com/kitchen-table.jpg" || !draft.ScheduledStart.Equal(start) ||
		!draft.ScheduledEnd.Equal(start.Add(2*time.Hour)) || draft.StartedAt != nil || draft.EndedAt != nil || draft.PinnedProduct != nil ||
		draft.ViewerCount != 0 || draft.ReminderCount != 0 || draft.ViewerHasReminder ||
		draft.Host.ID != w.influencerID || draft.Host.Handle != "ines.makes" || draft.Host.DisplayName != "Ines Makes" {
		t.Fatalf("ShowCreate = %+v", draft)
	}
	if got := featured(draft); !slices.Equal(got, want(w.bowlID, headphones.ID)) {
		t.Fatalf("ShowCreate featured %v, want %v", got, want(w.bowlID, headphones.ID))
	}
	if p := draft.FeaturedProducts[1].Product; p.Title != "Studio Headphones" || p.Vendor.Slug != "ottos-audio" || p.Price != (money{12900, "EUR"}) {
		t.Fatalf("ShowCreate featured headphones = %+v", p)
	}

	// A draft is the host's alone.
	if up := c.upcoming(t, "", nil); up.TotalCount != 0 || len(up.Edges) != 0 {
		t.Fatalf("UpcomingShows as a guest with only a draft = %+v", up)
	}
	if up := c.upcoming(t, w.shopper, map[string]any{"influencerId": w.influencerID}); up.TotalCount != 0 {
		t.Fatalf("UpcomingShows(influencerId) as a shopper with only a draft = %+v", up)
	}
	for _, tok := range []string{"", w.shopper} {
		if got := c.show(t, tok, draft.ID); got != nil {
			t.Fatalf("Show(draft) as a stranger = %+v, want null", got)
		}
	}
	if got := c.show(t, w.creator, draft.ID); got == nil || !reflect.DeepEqual(*got, draft) {
		t.Fatalf("Show(draft) as the host = %+v, want %+v", got, draft)
	}
	if mine := c.myShows(t, w.creator, w.influencerID, nil); !slices.Equal(showIDs(mine), []string{draft.ID}) || mine.TotalCount != 1 ||
		mine.Edges[0].Node.Status != "DRAFT" {
		t.Fatalf("MyShows with a draft = %+v", mine)
	}
	if theirs := c.myShows(t, "", w.influencerID, nil); theirs.TotalCount != 0 {
		t.Fatalf("MyShows for the host as a guest = %+v, want no drafts", theirs)
	}

	// The host renames the show and swaps the bowl for the napkins.
	upd := c.showOK(t, w.creator, "ShowUpdate", map[string]any{"id": draft.ID, "title": "Kitchen Table Live: linen and sound",
		"productIds": []string{w.napkinsID, headphones.ID}}, "DRAFT")
	if upd.ID != draft.ID || upd.Title != "Kitchen Table Live: linen and sound" || upd.Description != draft.Description ||
		upd.Category != "home" || !reflect.DeepEqual(upd.CoverUrl, draft.CoverUrl) || !upd.ScheduledStart.Equal(start) {
		t.Fatalf("ShowUpdate = %+v", upd)
	}
	if got := featured(upd); !slices.Equal(got, want(w.napkinsID, headphones.ID)) {
		t.Fatalf("ShowUpdate featured %v, want %v", got, want(w.napkinsID, headphones.ID))
	}

	pub := c.showOK(t, w.creator, "ShowPublish", map[string]any{"id": draft.ID}, "SCHEDULED")
	if pub.Title != upd.Title || !slices.Equal(featured(pub), featured(upd)) {
		t.Fatalf("ShowPublish = %+v", pub)
	}
	c.showRefused(t, w.creator, "ShowPublish", map[string]any{"id": draft.ID}, "INVALID_STATE", "input", "id")

	// --- Storefront: the show is upcoming, with both shops' products and
	// the collaborations' rates.
	up := c.upcoming(t, "", map[string]any{"first": 10})
	if !slices.Equal(showIDs(up), []string{draft.ID}) || up.TotalCount != 1 || up.PageInfo.HasNextPage {
		t.Fatalf("UpcomingShows after publishing = %+v", up)
	}
	card := up.Edges[0].Node
	if card.Status != "SCHEDULED" || card.Title != upd.Title || card.Host.Handle != "ines.makes" || card.ReminderCount != 0 || card.ViewerHasReminder ||
		!slices.Equal(featured(card), want(w.napkinsID, headphones.ID)) ||
		card.FeaturedProducts[0].Product.Vendor.Slug != "veras-goods" || card.FeaturedProducts[1].Product.Vendor.Slug != "ottos-audio" {
		t.Fatalf("UpcomingShows card = %+v", card)
	}
	for _, f := range []map[string]any{
		{"vendorId": shop2.ID}, {"vendorId": w.shopID}, {"category": "HOME"}, {"influencerId": w.influencerID},
		{"from": rfc(start), "to": rfc(start.Add(time.Minute))}, {"from": rfc(now)},
	} {
		if got := c.upcoming(t, w.shopper, f); !slices.Equal(showIDs(got), []string{draft.ID}) || got.TotalCount != 1 {
			t.Fatalf("UpcomingShows(%v) = %v, want the show", f, showIDs(got))
		}
	}
	for _, f := range []map[string]any{{"category": "kitchen"}, {"from": rfc(start.Add(time.Second))}, {"to": rfc(start)}} {
		if got := c.upcoming(t, w.shopper, f); got.TotalCount != 0 || len(got.Edges) != 0 {
			t.Fatalf("UpcomingShows(%v) = %v, want none", f, showIDs(got))
		}
	}

	// A shopper asks to be reminded (twice counts once); guests see the
	// count but no reminder of their own, and must sign in to ask.
	for range 2 {
		p := c.showMut(t, w.shopper, "ShowRemindMe", map[string]any{"id": draft.ID})
		noErrors(t, "ShowRemindMe", p.Errors)
		if p.Show == nil || p.Show.ID != draft.ID || p.Show.ReminderCount != 1 || !p.Show.ViewerHasReminder {
			t.Fatalf("ShowRemindMe = %+v", p.Show)
		}
	}
	if got := c.show(t, "", draft.ID); got == nil || got.ReminderCount != 1 || got.ViewerHasReminder || got.Status != "SCHEDULED" {
		t.Fatalf("Show as a guest after the reminder = %+v", got)
	}
	if got := c.upcoming(t, w.shopper, nil); len(got.Edges) != 1 || got.Edges[0].Node.ReminderCount != 1 || !got.Edges[0].Node.ViewerHasReminder {
		t.Fatalf("UpcomingShows as the reminded shopper = %+v", got)
	}
	if got := c.upcoming(t, "", nil); len(got.Edges) != 1 || got.Edges[0].Node.ReminderCount != 1 || got.Edges[0].Node.ViewerHasReminder {
		t.Fatalf("UpcomingShows as a guest after the reminder = %+v", got)
	}
	if r := c.do(t, "", "ShowRemindMe", map[string]any{"input": map[string]any{"id": draft.ID}}); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
		t.Fatalf("ShowRemindMe as a guest: status %d, errors %+v, data %s", r.Status, r.Errors, r.Data)
	}
	rc := c.showMut(t, w.shopper, "ShowReminderCancel", map[string]any{"id": draft.ID})
	noErrors(t, "ShowReminderCancel", rc.Errors)
	if rc.Show == nil || rc.Show.ID != draft.ID || rc.Show.ReminderCount != 0 || rc.Show.ViewerHasReminder {
		t.Fatalf("ShowReminderCancel = %+v", rc.Show)
	}
	if got := c.show(t, w.shopper, draft.ID); got == nil || got.ReminderCount != 0 || got.ViewerHasReminder {
		t.Fatalf("Show after cancelling the reminder = %+v", got)
	}

	// --- Influencer studio: the host moves the show a day later; past the
	// napkins' collaboration (30 days) it cannot go.
	moved := start.Add(day)
	rs := c.showOK(t, w.creator, "ShowReschedule", map[string]any{"id": draft.ID, "scheduledStart": rfc(moved), "scheduledEnd": rfc(moved.Add(90 * time.Minute))}, "SCHEDULED")
	if !rs.ScheduledStart.Equal(moved) || !rs.ScheduledEnd.Equal(moved.Add(90*time.Minute)) || !slices.Equal(featured(rs), want(w.napkinsID, headphones.ID)) {
		t.Fatalf("ShowReschedule = %+v", rs)
	}
	tooLate := now.Add(40 * day)
	c.showRefused(t, w.creator, "ShowReschedule", map[string]any{"id": draft.ID, "scheduledStart": rfc(tooLate), "scheduledEnd": rfc(tooLate.Add(time.Hour))},
		"INVALID", "input", "productIds", "0")
	if got := c.upcoming(t, "", map[string]any{"from": rfc(moved)}); !slices.Equal(showIDs(got), []string{draft.ID}) ||
		!got.Edges[0].Node.ScheduledStart.Equal(moved) {
		t.Fatalf("UpcomingShows(from: the new start) = %+v", got)
	}
	if got := c.upcoming(t, "", map[string]any{"to": rfc(moved)}); got.TotalCount != 0 {
		t.Fatalf("UpcomingShows(to: the new start) = %v, want none", showIDs(got))
	}

	// A second show, on the bowl, three days after the first: the studio
	// lists both, the draft too; a guest sees only the published one.
	second := c.showOK(t, w.creator, "ShowCreate", map[string]any{"title": "Bowl Sunday", "category": "home",
		"scheduledStart": rfc(moved.Add(3 * day)), "scheduledEnd": rfc(moved.Add(3*day + time.Hour)), "productIds": []string{w.bowlID}}, "DRAFT")
	if second.Description != "" || second.CoverUrl != nil || !slices.Equal(featured(second), want(w.bowlID)) {
		t.Fatalf("ShowCreate (second) = %+v", second)
	}
	mine := c.myShows(t, w.creator, w.influencerID, map[string]any{"first": 10})
	if !slices.Equal(showIDs(mine), []string{draft.ID, second.ID}) || mine.TotalCount != 2 || mine.PageInfo.HasNextPage ||
		mine.Edges[0].Node.Status != "SCHEDULED" || mine.Edges[1].Node.Status != "DRAFT" {
		t.Fatalf("MyShows with a scheduled show and a draft = %+v", mine)
	}
	if theirs := c.myShows(t, "", w.influencerID, nil); !slices.Equal(showIDs(theirs), []string{draft.ID}) || theirs.TotalCount != 1 {
		t.Fatalf("MyShows for the host as a guest = %v, want only the published show", showIDs(theirs))
	}
	c.showOK(t, w.creator, "ShowPublish", map[string]any{"id": second.ID}, "SCHEDULED")
	page1 := c.upcoming(t, "", map[string]any{"first": 1})
	if !slices.Equal(showIDs(page1), []string{draft.ID}) || page1.TotalCount != 2 || !page1.PageInfo.HasNextPage {
		t.Fatalf("UpcomingShows page 1 = %+v", page1)
	}
	page2 := c.upcoming(t, "", map[string]any{"first": 1, "after": *page1.PageInfo.EndCursor})
	if !slices.Equal(showIDs(page2), []string{second.ID}) || page2.TotalCount != 2 || page2.PageInfo.HasNextPage {
		t.Fatalf("UpcomingShows page 2 = %+v", page2)
	}

	// Only the host may change a published show: FORBIDDEN for the shopper
	// and for the vendor owner, and nothing changes.
	for _, tok := range []string{w.shopper, w.owner} {
		c.showRefused(t, tok, "ShowUpdate", map[string]any{"id": draft.ID, "title": "Mine now"}, "FORBIDDEN", "input", "id")
	}
	if got := c.show(t, "", draft.ID); got == nil || got.Title != "Kitchen Table Live: linen and sound" {
		t.Fatalf("Show after refused edits = %+v", got)
	}

	// The host calls the second show off: no longer upcoming, still readable.
	cancelled := c.showOK(t, w.creator, "ShowCancel", map[string]any{"id": second.ID}, "CANCELLED")
	if cancelled.ID != second.ID || cancelled.Title != "Bowl Sunday" {
		t.Fatalf("ShowCancel = %+v", cancelled)
	}
	c.showRefused(t, w.creator, "ShowCancel", map[string]any{"id": second.ID}, "INVALID_STATE", "input", "id")
	if got := c.upcoming(t, "", map[string]any{"first": 10}); !slices.Equal(showIDs(got), []string{draft.ID}) || got.TotalCount != 1 {
		t.Fatalf("UpcomingShows after cancelling = %v, want only the first show", showIDs(got))
	}
	if got := c.show(t, "", second.ID); got == nil || got.Status != "CANCELLED" {
		t.Fatalf("Show(cancelled) = %+v", got)
	}

	// --- Going live: not two days early, but from 30 minutes before the
	// start; here 10 minutes before.
	c.showRefused(t, w.creator, "ShowGoLive", map[string]any{"id": draft.ID}, "INVALID_STATE", "input", "id")
	c.s.Clock.Set(moved.Add(-10 * time.Minute))
	wentLive := c.s.Clock.Now()
	c.showRefused(t, w.shopper, "ShowGoLive", map[string]any{"id": draft.ID}, "FORBIDDEN", "input", "id")
	live := c.showOK(t, w.creator, "ShowGoLive", map[string]any{"id": draft.ID}, "LIVE")
	if live.StartedAt == nil || !live.StartedAt.Equal(wentLive) || live.EndedAt != nil || !live.ScheduledStart.Equal(moved) {
		t.Fatalf("ShowGoLive = %+v", live)
	}
	if got := c.upcoming(t, "", nil); !slices.Equal(showIDs(got), []string{draft.ID}) || got.Edges[0].Node.Status != "LIVE" {
		t.Fatalf("UpcomingShows with the show live = %+v", got)
	}
	c.showRefused(t, w.shopper, "ShowRemindMe", map[string]any{"id": draft.ID}, "INVALID_STATE", "input", "id")

	// Video tokens: the host's may publish; the shopper's and a guest's
	// only watch. No video server here, so url is null.
	tokens := map[string]bool{}
	for _, j := range []struct {
		who, token string
		publish    bool
	}{{"host", w.creator, true}, {"shopper", w.shopper, false}, {"guest", "", false}} {
		p := c.join(t, j.token, draft.ID)
		noErrors(t, "ShowJoin", p.Errors)
		if p.Token == nil || *p.Token == "" || p.URL != nil || p.CanPublish != j.publish || tokens[*p.Token] {
			t.Fatalf("ShowJoin as the %s = %+v, want a fresh token, no url, canPublish %v", j.who, p, j.publish)
		}
		tokens[*p.Token] = true
	}

	// --- The host ends the show after 75 minutes.
	c.showRefused(t, w.shopper, "ShowEnd", map[string]any{"id": draft.ID}, "FORBIDDEN", "input", "id")
	c.s.Clock.Advance(75 * time.Minute)
	ended := c.showOK(t, w.creator, "ShowEnd", map[string]any{"id": draft.ID}, "ENDED")
	if ended.EndedAt == nil || !ended.EndedAt.Equal(c.s.Clock.Now()) || ended.StartedAt == nil || !ended.StartedAt.Equal(wentLive) {
		t.Fatalf("ShowEnd = %+v", ended)
	}
	c.showRefused(t, w.creator, "ShowEnd", map[string]any{"id": draft.ID}, "INVALID_STATE", "input", "id")
	if p := c.join(t, "", draft.ID); p.Token != nil || p.CanPublish {
		t.Fatalf("ShowJoin after the end = %+v", p)
	} else {
		refused(t, "ShowJoin after the end", p.Errors, "INVALID_STATE", "input", "id")
	}
	if got := c.upcoming(t, "", nil); got.TotalCount != 0 || len(got.Edges) != 0 {
		t.Fatalf("UpcomingShows after the end = %v, want none", showIDs(got))
	}

	// --- The studio's lists: ahead (a new draft), and past.
	next := c.showOK(t, w.creator, "ShowCreate", map[string]any{"title": "Next week", "category": "home",
		"scheduledStart": rfc(c.s.Clock.Now().Add(7 * day)), "scheduledEnd": rfc(c.s.Clock.Now().Add(7*day + time.Hour)), "productIds": []string{w.bowlID}}, "DRAFT")
	if mine := c.myShows(t, w.creator, w.influencerID, nil); !slices.Equal(showIDs(mine), []string{next.ID}) || mine.TotalCount != 1 {
		t.Fatalf("MyShows after the end = %v, want the new draft", showIDs(mine))
	}
	past := c.myShows(t, w.creator, w.influencerID, map[string]any{"status": []string{"ENDED", "CANCELLED"}})
	if !slices.Equal(showIDs(past), []string{draft.ID, second.ID}) || past.Edges[0].Node.Status != "ENDED" || past.Edges[1].Node.Status != "CANCELLED" {
		t.Fatalf("MyShows(ENDED, CANCELLED) = %+v", past)
	}
	if theirs := c.myShows(t, w.shopper, w.influencerID, nil); theirs.TotalCount != 0 {
		t.Fatalf("MyShows for the host as a shopper = %v, want none (drafts are the host's)", showIDs(theirs))
	}
	return showsWorld{shop2ID: shop2.ID, headphonesID: headphones.ID, draftID: next.ID}
}

// showsWorld is what exerciseShows adds to collabWorld: the second shop and
// its headphones (booked by the creator at 10%), and the creator's draft
// featuring the bowl.
type showsWorld struct {
	shop2ID, headphonesID string
	draftID               string
}
