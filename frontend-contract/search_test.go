package contract_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/search/embedded"
	"github.com/livemarket/livemarket/workers"
)

// withSearch gives a test server an in-memory embedded search engine (the
// local-mode engine). Index jobs still go through the outbox: drainIndexJobs
// runs them.
func withSearch(t *testing.T) func(*app.Options) {
	t.Helper()
	eng, err := embedded.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	if err := eng.Setup(context.Background()); err != nil {
		t.Fatal(err)
	}
	return func(o *app.Options) { o.Search = eng }
}

// drainIndexJobs runs the pending index jobs through the real handlers, as
// the worker would (copied from graph/e2e_search_test.go, but leaving other
// jobs, reminders and live notices, pending).
func drainIndexJobs(t *testing.T, s *testkit.Server) {
	t.Helper()
	h := &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery}
	ctx := context.Background()
	ms, err := outbox.Pending(ctx, s.DB, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Kind != workers.TypeIndexShow && m.Kind != workers.TypeIndexProduct {
			continue
		}
		if err := h.Mux().ProcessTask(ctx, asynq.NewTask(m.Kind, []byte(m.Payload))); err != nil {
			t.Fatalf("job %s: %v", m.Kind, err)
		}
		if err := outbox.MarkRelayed(ctx, s.DB, m.ID, s.Clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
}

// The shapes of the search operations.
type (
	facet struct {
		Name   string
		Values []struct {
			Value, Label string
			Count        int
		}
	}
	showSearchResult struct {
		showConnection
		Facets []facet
	}
	productHit struct {
		Product product
		Shows   []struct {
			ID, Title, Status string
			ScheduledStart    time.Time
		}
	}
	productSearchResult struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Cursor string
			Node   productHit
		}
		Facets []facet
	}
)

// facetCounts flattens facets to name → value → "label count".
func facetCounts(fs []facet) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, f := range fs {
		m := map[string]string{}
		for _, v := range f.Values {
			m[v.Value] = fmt.Sprintf("%s %d", v.Label, v.Count)
		}
		out[f.Name] = m
	}
	return out
}

// checkFacets checks that the facets are exactly "category" and "vendor".
func checkFacets(t *testing.T, name string, vars map[string]any, fs []facet) {
	t.Helper()
	var names []string
	for _, f := range fs {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"category", "vendor"}) {
		t.Fatalf("%s %v: facets %+v, want category and vendor", name, vars, fs)
	}
}

// searchShows runs SearchShows and checks the result's invariants.
func (c *client) searchShows(t *testing.T, token string, vars map[string]any) showSearchResult {
	t.Helper()
	var out struct{ SearchShows showSearchResult }
	c.must(t, token, "SearchShows", vars, &out)
	checkShowConnection(t, "SearchShows", vars, out.SearchShows.showConnection)
	checkFacets(t, "SearchShows", vars, out.SearchShows.Facets)
	return out.SearchShows
}

// searchProducts runs SearchProducts and checks the result's invariants.
func (c *client) searchProducts(t *testing.T, token string, vars map[string]any) productSearchResult {
	t.Helper()
	var out struct{ SearchProducts productSearchResult }
	c.must(t, token, "SearchProducts", vars, &out)
	r := out.SearchProducts
	for _, e := range r.Edges {
		if e.Cursor == "" || e.Node.Product.ID == "" {
			t.Fatalf("SearchProducts %v: edge %+v", vars, e)
		}
	}
	if len(r.Edges) > r.TotalCount || (r.PageInfo.HasNextPage && len(r.Edges) == 0) ||
		(len(r.Edges) > 0 && (r.PageInfo.EndCursor == nil || *r.PageInfo.EndCursor != r.Edges[len(r.Edges)-1].Cursor)) {
		t.Fatalf("SearchProducts %v = %+v", vars, r)
	}
	checkFacets(t, "SearchProducts", vars, r.Facets)
	return r
}

func productHitIDs(r productSearchResult) []string {
	ids := make([]string, len(r.Edges))
	for i, e := range r.Edges {
		ids[i] = e.Node.Product.ID
	}
	return ids
}

func hitShowIDs(h productHit) []string {
	ids := make([]string, len(h.Shows))
	for i, s := range h.Shows {
		ids[i] = s.ID
	}
	return ids
}

// exerciseSearch runs the discovery operations: the creator publishes three
// shows (headphones; napkins; bowl and napkins) and keeps a fourth as a
// draft; once their index jobs have run, shoppers find shows and products
// despite typos, filter, sort, page and read the facets; a cancelled show
// and what only it featured drop out after its jobs run. It follows
// exerciseShows.
func exerciseSearch(t *testing.T, c *client, w collabWorld, sw showsWorld) {
	t.Helper()
	now := c.s.Clock.Now()
	day := 24 * time.Hour
	rfc := func(at time.Time) string { return at.Format(time.RFC3339) }
	all := map[string]any{"query": ""}
	with := func(vars map[string]any, kv ...any) map[string]any {
		out := maps.Clone(vars)
		for i := 0; i < len(kv); i += 2 {
			out[kv[i].(string)] = kv[i+1]
		}
		return out
	}

	// What the show steps left is ended, cancelled or a draft: once the
	// pending index jobs have run, nothing is found.
	drainIndexJobs(t, c.s)
	if got := c.searchShows(t, "", all); got.TotalCount != 0 || len(got.Edges) != 0 || got.PageInfo.HasNextPage {
		t.Fatalf("SearchShows with only ended, cancelled and draft shows = %+v", got)
	}
	if got := c.searchProducts(t, "", all); got.TotalCount != 0 || len(got.Edges) != 0 {
		t.Fatalf("SearchProducts with only ended, cancelled and draft shows = %+v", got)
	}

	// --- Influencer studio: three shows a day apart, and a draft.
	create := func(title, category string, start time.Time, productIDs ...string) showFields {
		t.Helper()
		return c.showOK(t, w.creator, "ShowCreate", map[string]any{"title": title, "category": category,
			"scheduledStart": rfc(start), "scheduledEnd": rfc(start.Add(time.Hour)), "productIds": productIDs}, "DRAFT")
	}
	publish := func(s showFields) showFields {
		t.Helper()
		return c.showOK(t, w.creator, "ShowPublish", map[string]any{"id": s.ID}, "SCHEDULED")
	}
	sound := publish(create("Saturday Soundcheck", "Audio", now.Add(day), sw.headphonesID))
	linen := publish(create("Linen Table Live", "home", now.Add(2*day), w.napkinsID))
	walnut := publish(create("Walnut Evening", "Home", now.Add(3*day), w.bowlID, w.napkinsID))
	preview := create("Saturday Preview", "audio", now.Add(4*day), sw.headphonesID)
	drainIndexJobs(t, c.s)

	// --- Storefront: a show by a typo in its title ("Saturdy"); the draft,
	// also on a Saturday, is not found.
	got := c.searchShows(t, "", map[string]any{"query": "Saturdy"})
	if !slices.Equal(showIDs(got.showConnection), []string{sound.ID}) || got.TotalCount != 1 || got.PageInfo.HasNextPage {
		t.Fatalf("SearchShows(Saturdy) = %v, want the soundcheck (not the draft %s)", showIDs(got.showConnection), preview.ID)
	}
	if card := got.Edges[0].Node; card.Title != "Saturday Soundcheck" || card.Status != "SCHEDULED" || card.Category != "audio" ||
		!card.ScheduledStart.Equal(now.Add(day)) || card.Host.ID != w.influencerID || card.Host.Handle != "ines.makes" ||
		len(card.FeaturedProducts) != 1 || card.FeaturedProducts[0].Product.ID != sw.headphonesID ||
		card.FeaturedProducts[0].Product.Vendor.Name != "Otto's Audio" || card.FeaturedProducts[0].Collaboration.CommissionBps != 1000 {
		t.Fatalf("SearchShows(Saturdy) card = %+v", card)
	}
	if f := facetCounts(got.Facets); !maps.Equal(f["category"], map[string]string{"audio": "audio 1"}) ||
		!maps.Equal(f["vendor"], map[string]string{sw.shop2ID: "Otto's Audio 1"}) {
		t.Fatalf("SearchShows(Saturdy) facets = %v", f)
	}
	// A featured product's title finds its shows, with a typo too.
	if got := c.searchShows(t, "", map[string]any{"query": "napkns", "sort": "STARTS_AT"}); !slices.Equal(showIDs(got.showConnection), []string{linen.ID, walnut.ID}) {
		t.Fatalf("SearchShows(napkns, STARTS_AT) = %v, want linen, walnut", showIDs(got.showConnection))
	}
	if got := c.searchShows(t, "", map[string]any{"query": "walnut"}); !slices.Equal(showIDs(got.showConnection), []string{walnut.ID}) {
		t.Fatalf("SearchShows(walnut) = %v, want the walnut evening", showIDs(got.showConnection))
	}

	// Everything, soonest first, with facets over all three.
	everything := c.searchShows(t, w.shopper, with(all, "sort", "STARTS_AT"))
	if !slices.Equal(showIDs(everything.showConnection), []string{sound.ID, linen.ID, walnut.ID}) || everything.TotalCount != 3 ||
		everything.PageInfo.HasNextPage {
		t.Fatalf("SearchShows(STARTS_AT) = %v", showIDs(everything.showConnection))
	}
	showFacets := map[string]map[string]string{
		"category": {"audio": "audio 1", "home": "home 2"},
		"vendor":   {w.shopID: "Vera's Goods 2", sw.shop2ID: "Otto's Audio 1"},
	}
	if f := facetCounts(everything.Facets); !maps.EqualFunc(f, showFacets, maps.Equal) {
		t.Fatalf("SearchShows facets = %v, want %v", f, showFacets)
	}
	for _, tc := range []struct {
		filter map[string]any
		want   []string
	}{
		{map[string]any{"vendorId": w.shopID}, []string{linen.ID, walnut.ID}},
		{map[string]any{"vendorId": sw.shop2ID}, []string{sound.ID}},
		{map[string]any{"category": "HOME"}, []string{linen.ID, walnut.ID}},
		{map[string]any{"category": "kitchen"}, []string{}},
		{map[string]any{"influencerId": w.influencerID}, []string{sound.ID, linen.ID, walnut.ID}},
		{map[string]any{"startsAfter": rfc(now.Add(2 * day))}, []string{linen.ID, walnut.ID}},
		{map[string]any{"startsBefore": rfc(now.Add(2 * day))}, []string{sound.ID}},
		{map[string]any{"startsAfter": rfc(now.Add(2 * day)), "startsBefore": rfc(now.Add(3 * day))}, []string{linen.ID}},
		{map[string]any{"status": []string{"SCHEDULED"}, "vendorId": w.shopID}, []string{linen.ID, walnut.ID}},
		{map[string]any{"status": []string{"LIVE"}}, []string{}},
		{map[string]any{"status": []string{"DRAFT"}}, []string{}},
	} {
		// The host asks too: even for DRAFT, search finds no drafts.
		for _, tok := range []string{"", w.creator} {
			vars := with(all, "filter", tc.filter, "sort", "STARTS_AT")
			if got := c.searchShows(t, tok, vars); !slices.Equal(showIDs(got.showConnection), tc.want) || got.TotalCount != len(tc.want) {
				t.Fatalf("SearchShows(%v) = %v, want %v", tc.filter, showIDs(got.showConnection), tc.want)
			}
		}
	}
	if f := facetCounts(c.searchShows(t, "", with(all, "filter", map[string]any{"vendorId": w.shopID})).Facets); !maps.EqualFunc(f,
		map[string]map[string]string{"category": {"home": "home 2"}, "vendor": {w.shopID: "Vera's Goods 2"}}, maps.Equal) {
		t.Fatalf("SearchShows(vendorId) facets = %v", f)
	}

	// One per page: the pages walk every hit in order; facets and the total
	// count every hit on each page.
	var walked []string
	vars := with(all, "sort", "STARTS_AT", "first", 1)
	for page := 1; ; page++ {
		got := c.searchShows(t, "", vars)
		if len(got.Edges) != 1 || got.TotalCount != 3 || got.PageInfo.HasNextPage != (page < 3) ||
			!maps.EqualFunc(facetCounts(got.Facets), showFacets, maps.Equal) || page > 3 {
			t.Fatalf("SearchShows page %d = %+v", page, got)
		}
		walked = append(walked, got.Edges[0].Node.ID)
		if !got.PageInfo.HasNextPage {
			break
		}
		vars = with(vars, "after", *got.PageInfo.EndCursor)
	}
	if !slices.Equal(walked, []string{sound.ID, linen.ID, walnut.ID}) {
		t.Fatalf("SearchShows pages = %v, want %v", walked, showIDs(everything.showConnection))
	}

	// --- Products: a typo ("hedphones") finds the headphones with their
	// upcoming show (not the draft featuring them too).
	ph := c.searchProducts(t, "", map[string]any{"query": "hedphones"})
	if !slices.Equal(productHitIDs(ph), []string{sw.headphonesID}) || ph.TotalCount != 1 || ph.PageInfo.HasNextPage {
		t.Fatalf("SearchProducts(hedphones) = %v", productHitIDs(ph))
	}
	if h := ph.Edges[0].Node; h.Product.Title != "Studio Headphones" || h.Product.Price != (money{12900, "EUR"}) || h.Product.Category != "audio" ||
		h.Product.Vendor.ID != sw.shop2ID || h.Product.Vendor.Name != "Otto's Audio" || !slices.Equal(hitShowIDs(h), []string{sound.ID}) ||
		h.Shows[0].Title != "Saturday Soundcheck" || h.Shows[0].Status != "SCHEDULED" || !h.Shows[0].ScheduledStart.Equal(now.Add(day)) {
		t.Fatalf("SearchProducts(hedphones) hit = %+v", h)
	}
	// The napkins ("napkns") are in two shows, soonest first.
	ph = c.searchProducts(t, w.shopper, map[string]any{"query": "napkns"})
	if !slices.Equal(productHitIDs(ph), []string{w.napkinsID}) || !slices.Equal(hitShowIDs(ph.Edges[0].Node), []string{linen.ID, walnut.ID}) ||
		ph.Edges[0].Node.Product.Title != "Linen Napkins" {
		t.Fatalf("SearchProducts(napkns) = %+v", ph)
	}

	// Sorts over everything; facets count all three products.
	for sort, want := range map[string][]string{
		"PRICE_ASC":  {w.napkinsID, w.bowlID, sw.headphonesID}, // 25.00, 49.99, 129.00
		"PRICE_DESC": {sw.headphonesID, w.bowlID, w.napkinsID},
		"STARTS_AT":  {sw.headphonesID, w.napkinsID, w.bowlID}, // next shows: +1, +2, +3 days
	} {
		got := c.searchProducts(t, "", with(all, "sort", sort))
		if !slices.Equal(productHitIDs(got), want) || got.TotalCount != 3 || got.PageInfo.HasNextPage {
			t.Fatalf("SearchProducts(%s) = %v, want %v", sort, productHitIDs(got), want)
		}
	}
	productFacets := map[string]map[string]string{
		"category": {"audio": "audio 1", "home": "home 1", "kitchen": "kitchen 1"},
		"vendor":   {w.shopID: "Vera's Goods 2", sw.shop2ID: "Otto's Audio 1"},
	}
	if f := facetCounts(c.searchProducts(t, "", all).Facets); !maps.EqualFunc(f, productFacets, maps.Equal) {
		t.Fatalf("SearchProducts facets = %v, want %v", f, productFacets)
	}
	for _, tc := range []struct {
		filter map[string]any
		sort   string
		want   []string
	}{
		{map[string]any{"category": "Kitchen"}, "PRICE_ASC", []string{w.napkinsID}},
		{map[string]any{"vendorId": w.shopID}, "PRICE_ASC", []string{w.napkinsID, w.bowlID}},
		{map[string]any{"vendorId": sw.shop2ID}, "PRICE_ASC", []string{sw.headphonesID}},
		{map[string]any{"influencerId": w.influencerID}, "STARTS_AT", []string{sw.headphonesID, w.napkinsID, w.bowlID}},
		{map[string]any{"minPriceMinor": 3000, "maxPriceMinor": 12900}, "PRICE_ASC", []string{w.bowlID, sw.headphonesID}},
		{map[string]any{"minPriceMinor": 2500, "maxPriceMinor": 4999}, "PRICE_DESC", []string{w.bowlID, w.napkinsID}},
		{map[string]any{"maxPriceMinor": 2499}, "PRICE_ASC", []string{}},
		{map[string]any{"vendorId": w.shopID, "minPriceMinor": 4000}, "PRICE_ASC", []string{w.bowlID}},
		{map[string]any{"startsAfter": rfc(now.Add(2 * day)), "startsBefore": rfc(now.Add(3 * day))}, "PRICE_ASC", []string{w.napkinsID}},
		{map[string]any{"startsAfter": rfc(now.Add(3 * day))}, "PRICE_ASC", []string{w.napkinsID, w.bowlID}},
		{map[string]any{"startsBefore": rfc(now.Add(2 * day))}, "PRICE_ASC", []string{sw.headphonesID}},
	} {
		vars := with(all, "filter", tc.filter, "sort", tc.sort)
		if got := c.searchProducts(t, "", vars); !slices.Equal(productHitIDs(got), tc.want) || got.TotalCount != len(tc.want) {
			t.Fatalf("SearchProducts(%v, %s) = %v, want %v", tc.filter, tc.sort, productHitIDs(got), tc.want)
		}
	}
	if f := facetCounts(c.searchProducts(t, "", with(all, "filter", map[string]any{"vendorId": w.shopID})).Facets); !maps.EqualFunc(f,
		map[string]map[string]string{"category": {"home": "home 1", "kitchen": "kitchen 1"}, "vendor": {w.shopID: "Vera's Goods 2"}}, maps.Equal) {
		t.Fatalf("SearchProducts(vendorId) facets = %v", f)
	}

	// One per page, cheapest first.
	walked = nil
	vars = with(all, "sort", "PRICE_ASC", "first", 1)
	for page := 1; ; page++ {
		got := c.searchProducts(t, "", vars)
		if len(got.Edges) != 1 || got.TotalCount != 3 || got.PageInfo.HasNextPage != (page < 3) ||
			!maps.EqualFunc(facetCounts(got.Facets), productFacets, maps.Equal) || page > 3 {
			t.Fatalf("SearchProducts page %d = %+v", page, got)
		}
		walked = append(walked, got.Edges[0].Node.Product.ID)
		if !got.PageInfo.HasNextPage {
			break
		}
		vars = with(vars, "after", *got.PageInfo.EndCursor)
	}
	if !slices.Equal(walked, []string{w.napkinsID, w.bowlID, sw.headphonesID}) {
		t.Fatalf("SearchProducts pages = %v", walked)
	}

	// --- The host calls the walnut evening off. Once its jobs have run, it
	// is gone, and so is the bowl, featured nowhere else but in drafts; the
	// napkins keep their other show.
	c.showOK(t, w.creator, "ShowCancel", map[string]any{"id": walnut.ID}, "CANCELLED")
	drainIndexJobs(t, c.s)
	if got := c.searchShows(t, "", with(all, "sort", "STARTS_AT")); !slices.Equal(showIDs(got.showConnection), []string{sound.ID, linen.ID}) ||
		got.TotalCount != 2 || !maps.EqualFunc(facetCounts(got.Facets), map[string]map[string]string{
		"category": {"audio": "audio 1", "home": "home 1"},
		"vendor":   {w.shopID: "Vera's Goods 1", sw.shop2ID: "Otto's Audio 1"},
	}, maps.Equal) {
		t.Fatalf("SearchShows after cancelling = %v, facets %v", showIDs(got.showConnection), facetCounts(got.Facets))
	}
	for _, q := range []string{"walnut", "evening"} {
		if got := c.searchShows(t, "", map[string]any{"query": q}); got.TotalCount != 0 || len(got.Edges) != 0 {
			t.Fatalf("SearchShows(%s) after cancelling = %v", q, showIDs(got.showConnection))
		}
	}
	if got := c.searchProducts(t, "", with(all, "sort", "STARTS_AT")); !slices.Equal(productHitIDs(got), []string{sw.headphonesID, w.napkinsID}) ||
		got.TotalCount != 2 || !slices.Equal(hitShowIDs(got.Edges[1].Node), []string{linen.ID}) {
		t.Fatalf("SearchProducts after cancelling = %+v", got)
	}
	if got := c.searchProducts(t, "", map[string]any{"query": "walnut"}); got.TotalCount != 0 {
		t.Fatalf("SearchProducts(walnut) after cancelling = %v", productHitIDs(got))
	}

	// The drafts (this one and the earlier steps' bowl draft) were never
	// found, and still are not, by anyone.
	for _, q := range []string{"preview", "next week"} {
		for _, tok := range []string{"", w.creator} {
			if got := c.searchShows(t, tok, map[string]any{"query": q}); got.TotalCount != 0 || len(got.Edges) != 0 {
				t.Fatalf("SearchShows(%s) = %v, want no drafts", q, showIDs(got.showConnection))
			}
		}
	}
	if got := c.show(t, w.creator, sw.draftID); got == nil || got.Status != "DRAFT" || got.Title != "Next week" {
		t.Fatalf("Show(the earlier draft) = %+v", got)
	}
}
