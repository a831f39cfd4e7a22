// Package searchtest is the behaviour suite every discovery.Engine must pass
// (the embedded bleve engine, and the Meilisearch adapter against a real
// server).
//
// # Contract for the engine under test
//
//   - newEngine returns a usable engine for one subtest group; it may be a
//     fresh engine or one shared with earlier groups (a Meilisearch server):
//     the suite calls Setup and DeleteAll itself before loading the fixture.
//     Engines are never used concurrently by the suite, but the indexes must
//     not be written by anyone else while it runs.
//   - Write methods (Setup, Upsert*, Delete*, DeleteAll) return only once the
//     change is visible to searches. An eventually consistent engine
//     (Meilisearch) must wait for its indexing task to succeed before
//     returning (and report a failed task as an error). The suite reads right
//     after writes and never polls or sleeps.
//   - Deleting ids that are not indexed, and writing empty slices, succeed.
//
// # Semantics the suite pins down (Meilisearch defaults)
//
//   - Text: words of 5 to 8 characters tolerate one typo, words of 9 or more
//     two typos, shorter words none ("lipstik" finds "lipstick",
//     "headphnes" finds "headphones" and "headphone"); the last word also
//     matches as a prefix ("headph" finds "headphones"). Show text covers
//     title, productTitles, hostHandle, hostName, vendorNames, category and
//     description; product text covers title, vendorName, category and
//     description. Empty text matches every document (subject to filters).
//     Several words match with Meilisearch's default strategy "last" (the
//     first word must match, later ones only rank): the suite relies on it
//     only in that a text whose first word matches nothing finds nothing
//     (`category = beauty`); the hits of other multi-word texts are not
//     pinned down.
//   - Filters are exact: Category and Statuses on the field, VendorID on any
//     of a show's vendorIds (product: vendorId), InfluencerID on a show's
//     hostId (product: any of influencerIds), MinPrice/MaxPrice inclusive on
//     priceMinor. StartsAfter is inclusive and StartsBefore exclusive: on a
//     show's startsAt; on a product, one of its showStarts must lie in the
//     window (so a product whose nextStart is before StartsAfter still matches
//     when a later show of it starts in the window).
//   - Sorts: STARTS_AT ascending on startsAt (shows) or nextStart (products),
//     PRICE_ASC and PRICE_DESC on priceMinor, ties broken by id ascending.
//     The suite checks explicit sorts without text; with text the order of
//     RELEVANCE is only checked for its best hit.
//   - Offset/Limit page the sorted result; Total counts the whole result;
//     Facets count the whole result: "category" by category, "vendor" by
//     vendor id (a show counts once for each of its vendorIds). A missing
//     facet map is read as empty.
package searchtest

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"testing"

	"github.com/livemarket/livemarket/domain/discovery"
)

const pageLimit = 100

var bothStatuses = []string{Scheduled, Live}

func ptr(v int64) *int64 { return &v }

// Run runs the behaviour suite against engines made by newEngine.
func Run(t *testing.T, newEngine func(t *testing.T) discovery.Engine) {
	t.Run("Setup", func(t *testing.T) { testSetup(t, newEngine(t)) })

	// The read-only groups share one loaded engine.
	t.Run("Read", func(t *testing.T) {
		e := load(t, newEngine(t))
		t.Run("Text", func(t *testing.T) { testText(t, e) })
		t.Run("ShowFilters", func(t *testing.T) { testShowFilters(t, e) })
		t.Run("ProductFilters", func(t *testing.T) { testProductFilters(t, e) })
		t.Run("Sorts", func(t *testing.T) { testSorts(t, e) })
		t.Run("Relevance", func(t *testing.T) { testRelevance(t, e) })
		t.Run("Pagination", func(t *testing.T) { testPagination(t, e) })
		t.Run("Facets", func(t *testing.T) { testFacets(t, e) })
		t.Run("HostileInput", func(t *testing.T) { testHostileInput(t, e) })
	})

	t.Run("Freshness", func(t *testing.T) { testFreshness(t, load(t, newEngine(t))) })
}

// load empties the engine's indexes and writes the fixture through the
// interface.
func load(t *testing.T, e discovery.Engine) discovery.Engine {
	t.Helper()
	ctx := t.Context()
	if err := e.Setup(ctx); err != nil {
		t.Fatalf("Setup: %v", err)
	}
	if err := e.DeleteAll(ctx); err != nil {
		t.Fatalf("DeleteAll: %v", err)
	}
	// Written in reverse id order, in two batches each, so that an engine
	// returning ties in insertion order fails the id tie-break checks.
	shows, products := Fixture()
	slices.Reverse(shows)
	slices.Reverse(products)
	for _, part := range [][]discovery.ShowDoc{shows[:5], shows[5:]} {
		if err := e.UpsertShows(ctx, part); err != nil {
			t.Fatalf("UpsertShows: %v", err)
		}
	}
	for _, part := range [][]discovery.ProductDoc{products[:7], products[7:]} {
		if err := e.UpsertProducts(ctx, part); err != nil {
			t.Fatalf("UpsertProducts: %v", err)
		}
	}
	return e
}

// ---- helpers -----------------------------------------------------------------

func searchShows(t *testing.T, e discovery.Engine, q discovery.ShowQuery) *discovery.Result {
	t.Helper()
	if q.Statuses == nil {
		q.Statuses = bothStatuses
	}
	if q.Sort == "" {
		q.Sort = discovery.SortRelevance
	}
	res, err := e.SearchShows(t.Context(), q)
	if err != nil {
		t.Fatalf("SearchShows(%+v): %v", q, err)
	}
	if res == nil {
		t.Fatalf("SearchShows(%+v): nil result", q)
	}
	return res
}

func searchProducts(t *testing.T, e discovery.Engine, q discovery.ProductQuery) *discovery.Result {
	t.Helper()
	if q.Sort == "" {
		q.Sort = discovery.SortRelevance
	}
	res, err := e.SearchProducts(t.Context(), q)
	if err != nil {
		t.Fatalf("SearchProducts(%+v): %v", q, err)
	}
	if res == nil {
		t.Fatalf("SearchProducts(%+v): nil result", q)
	}
	return res
}

// wantOrder checks the page is exactly want, in order, and Total is the full
// count.
func wantOrder(t *testing.T, what string, res *discovery.Result, want []string, total int) {
	t.Helper()
	got := res.IDs
	if got == nil {
		got = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: ids = %v, want %v", what, got, want)
	}
	if res.Total != total {
		t.Errorf("%s: total = %d, want %d", what, res.Total, total)
	}
}

// wantSet checks the page holds exactly want (any order, no duplicates) and
// Total is len(want).
func wantSet(t *testing.T, what string, res *discovery.Result, want []string) {
	t.Helper()
	got := slices.Clone(res.IDs)
	sort.Strings(got)
	w := slices.Clone(want)
	sort.Strings(w)
	if got == nil {
		got = []string{}
	}
	if !slices.Equal(got, w) {
		t.Errorf("%s: ids = %v (sorted), want %v", what, got, w)
	}
	if res.Total != len(want) {
		t.Errorf("%s: total = %d, want %d", what, res.Total, len(want))
	}
}

func wantFacets(t *testing.T, what string, res *discovery.Result, category, vendor map[string]int) {
	t.Helper()
	for _, f := range []struct {
		name string
		want map[string]int
	}{{discovery.FacetCategory, category}, {discovery.FacetVendor, vendor}} {
		got := res.Facets[f.name]
		if got == nil {
			got = map[string]int{}
		}
		if !maps.Equal(got, f.want) {
			t.Errorf("%s: facet %q = %v, want %v", what, f.name, got, f.want)
		}
	}
}

// ---- Setup -------------------------------------------------------------------

func testSetup(t *testing.T, e discovery.Engine) {
	ctx := t.Context()
	for i := range 2 {
		if err := e.Setup(ctx); err != nil {
			t.Fatalf("Setup #%d: %v", i+1, err)
		}
	}
	load(t, e)
	// Setup again must keep the documents.
	if err := e.Setup(ctx); err != nil {
		t.Fatalf("Setup after load: %v", err)
	}
	res := searchShows(t, e, discovery.ShowQuery{Limit: 0})
	wantOrder(t, "shows after Setup", res, []string{}, 10)
	res = searchProducts(t, e, discovery.ProductQuery{Limit: 0})
	wantOrder(t, "products after Setup", res, []string{}, 15)
}

// ---- Text --------------------------------------------------------------------

func testText(t *testing.T, e discovery.Engine) {
	allShows := []string{"s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09", "s10"}
	allProducts := []string{"p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12", "p13", "p14", "p15"}

	showCases := []struct {
		text string
		want []string
	}{
		// p01 "Velvet Matte Lipstick" is featured in s01, s02 and s08; s01
		// also has it in its title.
		{"lipstik", []string{"s01", "s02", "s08"}},
		{"lipstick", []string{"s01", "s02", "s08"}},
		// "headphones" (1 typo) in s03, s04, s09 via p03/p15; "headphone"
		// (2 typos) via p04 in s03, s04.
		{"headphnes", []string{"s03", "s04", "s09"}},
		{"annaglow", []string{"s01", "s02", "s10"}},
		{"@annaglow", []string{"s01", "s02", "s10"}},
		{"benbeats", []string{"s03", "s04", "s09"}},
		{"annag", []string{"s01", "s02", "s10"}},     // the last word is also a prefix
		{"chloe", []string{"s06", "s07"}},            // hostName
		{"soundwave", []string{"s03", "s04", "s09"}}, // vendorNames
		{"skincare", []string{"s10"}},                // title + description
		{"fashion", []string{"s05", "s08"}},          // category
		{"workspace", []string{"s04"}},               // description
		{"zxqvbnm", []string{}},                      // nonsense
		{"", allShows},                               // empty text
		{"   ", allShows},                            // blank text
	}
	for _, c := range showCases {
		wantSet(t, fmt.Sprintf("shows %q", c.text), searchShows(t, e, discovery.ShowQuery{Text: c.text, Limit: pageLimit}), c.want)
	}

	productCases := []struct {
		text string
		want []string
	}{
		{"lipstik", []string{"p01"}},
		{"LIPSTICK", []string{"p01"}},
		{"headphnes", []string{"p03", "p04", "p15"}},
		{"headphones", []string{"p03", "p04", "p15"}},
		{"headph", []string{"p03", "p04", "p15"}},    // prefix
		{"soundwave", []string{"p03", "p04", "p05"}}, // vendorName
		{"serum", []string{"p02"}},
		{"sneakers", []string{"p08"}},
		{"home", []string{"p09", "p10", "p11", "p14"}}, // category (and vendor "Casa Home")
		{"walnut", []string{"p04"}},                    // description
		{"zxqvbnm", []string{}},
		{"", allProducts},
	}
	for _, c := range productCases {
		wantSet(t, fmt.Sprintf("products %q", c.text), searchProducts(t, e, discovery.ProductQuery{Text: c.text, Limit: pageLimit}), c.want)
	}

	// Text combines with filters.
	wantSet(t, "shows headphnes+electronics+SCHEDULED", searchShows(t, e, discovery.ShowQuery{
		Text: "headphnes", Category: "electronics", Statuses: []string{Scheduled}, Limit: pageLimit}), []string{"s04", "s09"})
	wantSet(t, "products headphnes+v2+max 5000", searchProducts(t, e, discovery.ProductQuery{
		Text: "headphnes", VendorID: "v2", MaxPrice: ptr(5000), Limit: pageLimit}), []string{"p04"})
	wantSet(t, "shows lipstik+i4", searchShows(t, e, discovery.ShowQuery{
		Text: "lipstik", InfluencerID: "i4", Limit: pageLimit}), []string{"s08"})
}

// ---- Show filters ------------------------------------------------------------

func testShowFilters(t *testing.T, e discovery.Engine) {
	cases := []struct {
		name string
		q    discovery.ShowQuery
		want []string // in STARTS_AT order
	}{
		{"none", discovery.ShowQuery{},
			[]string{"s03", "s07", "s01", "s04", "s05", "s06", "s02", "s08", "s09", "s10"}},
		{"category beauty", discovery.ShowQuery{Category: "beauty"}, []string{"s01", "s02", "s10"}},
		{"category electronics", discovery.ShowQuery{Category: "electronics"}, []string{"s03", "s04", "s09"}},
		{"category unknown", discovery.ShowQuery{Category: "garden"}, []string{}},
		{"vendor v1 (any of vendorIds)", discovery.ShowQuery{VendorID: "v1"}, []string{"s01", "s02", "s08", "s10"}},
		{"vendor v4", discovery.ShowQuery{VendorID: "v4"}, []string{"s07", "s06", "s08"}},
		{"vendor v5", discovery.ShowQuery{VendorID: "v5"}, []string{"s04", "s09"}},
		{"influencer i3", discovery.ShowQuery{InfluencerID: "i3"}, []string{"s07", "s06"}},
		{"influencer i4", discovery.ShowQuery{InfluencerID: "i4"}, []string{"s05", "s08"}},
		{"status SCHEDULED", discovery.ShowQuery{Statuses: []string{Scheduled}},
			[]string{"s01", "s04", "s05", "s06", "s02", "s08", "s09", "s10"}},
		{"status LIVE", discovery.ShowQuery{Statuses: []string{Live}}, []string{"s03", "s07"}},
		{"status ENDED", discovery.ShowQuery{Statuses: []string{"ENDED"}}, []string{}},
		{"startsAfter inclusive", discovery.ShowQuery{StartsAfter: ptr(T0 + 2*Day)},
			[]string{"s04", "s05", "s06", "s02", "s08", "s09", "s10"}},
		{"startsBefore exclusive", discovery.ShowQuery{StartsBefore: ptr(T0 + 2*Day)},
			[]string{"s03", "s07", "s01"}},
		{"window", discovery.ShowQuery{StartsAfter: ptr(T0 + 2*Day), StartsBefore: ptr(T0 + 5*Day + 10*Hour)},
			[]string{"s04", "s05", "s06"}},
		{"empty window", discovery.ShowQuery{StartsAfter: ptr(T0 + 9*Day)}, []string{}},
		{"combined", discovery.ShowQuery{Category: "electronics", VendorID: "v2", Statuses: []string{Scheduled}, StartsAfter: ptr(T0 + Day)},
			[]string{"s04", "s09"}},
		{"combined beauty+v1+i1+window", discovery.ShowQuery{Category: "beauty", VendorID: "v1", InfluencerID: "i1",
			StartsAfter: ptr(T0 + 2*Day), StartsBefore: ptr(T0 + 8*Day + 1)}, []string{"s02", "s10"}},
		{"combined no match", discovery.ShowQuery{Category: "home", VendorID: "v1"}, []string{}},
	}
	for _, c := range cases {
		q := c.q
		q.Sort = discovery.SortStartsAt
		q.Limit = pageLimit
		wantOrder(t, "shows "+c.name, searchShows(t, e, q), c.want, len(c.want))
	}
}

// ---- Product filters ---------------------------------------------------------

func testProductFilters(t *testing.T, e discovery.Engine) {
	cases := []struct {
		name string
		q    discovery.ProductQuery
		want []string // in PRICE_ASC order
	}{
		{"none", discovery.ProductQuery{},
			[]string{"p01", "p11", "p12", "p04", "p14", "p02", "p09", "p10", "p05", "p08", "p06", "p07", "p03", "p13", "p15"}},
		{"category home", discovery.ProductQuery{Category: "home"}, []string{"p11", "p14", "p09", "p10"}},
		{"category unknown", discovery.ProductQuery{Category: "garden"}, []string{}},
		{"vendor v3", discovery.ProductQuery{VendorID: "v3"}, []string{"p08", "p06", "p07"}},
		{"vendor v5", discovery.ProductQuery{VendorID: "v5"}, []string{"p13", "p15"}},
		{"influencer i4 (any of)", discovery.ProductQuery{InfluencerID: "i4"}, []string{"p01", "p11", "p08", "p06", "p07"}},
		{"influencer i3", discovery.ProductQuery{InfluencerID: "i3"}, []string{"p11", "p14", "p09", "p10"}},
		{"minPrice inclusive", discovery.ProductQuery{MinPrice: ptr(4999)}, []string{"p05", "p08", "p06", "p07", "p03", "p13", "p15"}},
		{"maxPrice inclusive", discovery.ProductQuery{MaxPrice: ptr(1999)}, []string{"p01", "p11"}},
		{"price range", discovery.ProductQuery{MinPrice: ptr(2400), MaxPrice: ptr(2999)}, []string{"p12", "p04", "p14"}},
		{"price range empty", discovery.ProductQuery{MinPrice: ptr(2000), MaxPrice: ptr(2399)}, []string{}},
		// Some show of the product starts at or after StartsAfter: p01's
		// nextStart is T0+1d18h but it is also in s02 (T0+5d10h) and s08.
		{"startsAfter inclusive (any show)", discovery.ProductQuery{StartsAfter: ptr(T0 + 5*Day)},
			[]string{"p01", "p11", "p14", "p02", "p09", "p10", "p07", "p03", "p13", "p15"}},
		{"startsAfter late", discovery.ProductQuery{StartsAfter: ptr(T0 + 7*Day)}, []string{"p02", "p03", "p13", "p15"}},
		// Some show starts strictly before: s01 at exactly T0+1d18h does not
		// count, so p12 (only in s01) is out.
		{"startsBefore exclusive", discovery.ProductQuery{StartsBefore: ptr(T0 + Day + 18*Hour)},
			[]string{"p11", "p04", "p14", "p05", "p03"}},
		// A window needs one show inside it: s06 (T0+5d) and s02 (T0+5d10h).
		{"window", discovery.ProductQuery{StartsAfter: ptr(T0 + 5*Day), StartsBefore: ptr(T0 + 6*Day)},
			[]string{"p01", "p14", "p02", "p09", "p10"}},
		// No show starts in [T0+4d, T0+5d), although p01, p03, p11, p13, p14
		// and p15 each have a show before and a show after it.
		{"window between shows", discovery.ProductQuery{StartsAfter: ptr(T0 + 4*Day), StartsBefore: ptr(T0 + 5*Day)}, []string{}},
		{"combined", discovery.ProductQuery{Category: "electronics", VendorID: "v2", InfluencerID: "i2", MinPrice: ptr(2500), MaxPrice: ptr(8999),
			StartsAfter: ptr(T0 + 2*Day)}, []string{"p04", "p03"}},
		{"combined no match", discovery.ProductQuery{Category: "beauty", VendorID: "v2"}, []string{}},
	}
	for _, c := range cases {
		q := c.q
		q.Sort = discovery.SortPriceAsc
		q.Limit = pageLimit
		wantOrder(t, "products "+c.name, searchProducts(t, e, q), c.want, len(c.want))
	}
}

// ---- Sorts -------------------------------------------------------------------

func testSorts(t *testing.T, e discovery.Engine) {
	// s03 and s07 both start at T0: id breaks the tie.
	wantOrder(t, "shows STARTS_AT", searchShows(t, e, discovery.ShowQuery{Sort: discovery.SortStartsAt, Limit: pageLimit}),
		[]string{"s03", "s07", "s01", "s04", "s05", "s06", "s02", "s08", "s09", "s10"}, 10)
	wantOrder(t, "shows STARTS_AT SCHEDULED", searchShows(t, e, discovery.ShowQuery{Sort: discovery.SortStartsAt, Statuses: []string{Scheduled}, Limit: pageLimit}),
		[]string{"s01", "s04", "s05", "s06", "s02", "s08", "s09", "s10"}, 8)

	// nextStart: T0 p03 p04 p05 p11 p14; +1d18h p01 p12; +2d p13 p15;
	// +3d p06 p07 p08; +5d p09 p10; +5d10h p02.
	wantOrder(t, "products STARTS_AT", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortStartsAt, Limit: pageLimit}),
		[]string{"p03", "p04", "p05", "p11", "p14", "p01", "p12", "p13", "p15", "p06", "p07", "p08", "p09", "p10", "p02"}, 15)
	// 1999: p01 p11; 4999: p05 p08.
	wantOrder(t, "products PRICE_ASC", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortPriceAsc, Limit: pageLimit}),
		[]string{"p01", "p11", "p12", "p04", "p14", "p02", "p09", "p10", "p05", "p08", "p06", "p07", "p03", "p13", "p15"}, 15)
	wantOrder(t, "products PRICE_DESC", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortPriceDesc, Limit: pageLimit}),
		[]string{"p15", "p13", "p03", "p07", "p06", "p05", "p08", "p10", "p09", "p02", "p14", "p04", "p12", "p01", "p11"}, 15)
	wantOrder(t, "products STARTS_AT fashion", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortStartsAt, Category: "fashion", Limit: pageLimit}),
		[]string{"p06", "p07", "p08"}, 3)
	wantOrder(t, "products PRICE_DESC home", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortPriceDesc, Category: "home", Limit: pageLimit}),
		[]string{"p10", "p09", "p14", "p11"}, 4)
}

// ---- Relevance ---------------------------------------------------------------

func testRelevance(t *testing.T, e discovery.Engine) {
	best := func(what string, res *discovery.Result, want string, total int) {
		t.Helper()
		if len(res.IDs) == 0 || res.IDs[0] != want {
			t.Errorf("%s: ids = %v, want %s first", what, res.IDs, want)
		}
		if res.Total != total {
			t.Errorf("%s: total = %d, want %d", what, res.Total, total)
		}
	}
	// p15's title is exactly "Headphones"; p03 has it second in its title,
	// p04 only as "Headphone" (a typo away).
	best("products headphones", searchProducts(t, e, discovery.ProductQuery{Text: "headphones", Limit: pageLimit}), "p15", 3)
	best("products headphnes", searchProducts(t, e, discovery.ProductQuery{Text: "headphnes", Limit: pageLimit}), "p15", 3)
	// s01 has "Lipstick" in its title; s02 and s08 only in productTitles.
	best("shows lipstick", searchShows(t, e, discovery.ShowQuery{Text: "lipstick", Limit: pageLimit}), "s01", 3)
	best("shows lipstik", searchShows(t, e, discovery.ShowQuery{Text: "lipstik", Limit: pageLimit}), "s01", 3)
	// s02 "Sunday Glow Session" has the word in its title; s01, s08 and
	// s10 only in vendorNames ("Glow Cosmetics").
	best("shows glow", searchShows(t, e, discovery.ShowQuery{Text: "glow", Limit: pageLimit}), "s02", 4)
}

// ---- Pagination --------------------------------------------------------------

func testPagination(t *testing.T, e discovery.Engine) {
	pages := [][]string{
		{"p03", "p04", "p05", "p11"},
		{"p14", "p01", "p12", "p13"},
		{"p15", "p06", "p07", "p08"},
		{"p09", "p10", "p02"},
	}
	for i, want := range pages {
		res := searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortStartsAt, Offset: 4 * i, Limit: 4})
		wantOrder(t, fmt.Sprintf("products page %d", i), res, want, 15)
	}
	wantOrder(t, "products past the end", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortStartsAt, Offset: 15, Limit: 4}), []string{}, 15)
	wantOrder(t, "products limit 0", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortStartsAt, Limit: 0}), []string{}, 15)

	wantOrder(t, "shows v1 page 0", searchShows(t, e, discovery.ShowQuery{VendorID: "v1", Sort: discovery.SortStartsAt, Offset: 0, Limit: 3}),
		[]string{"s01", "s02", "s08"}, 4)
	wantOrder(t, "shows v1 page 1", searchShows(t, e, discovery.ShowQuery{VendorID: "v1", Sort: discovery.SortStartsAt, Offset: 3, Limit: 3}),
		[]string{"s10"}, 4)
	wantOrder(t, "products PRICE_DESC last page", searchProducts(t, e, discovery.ProductQuery{Sort: discovery.SortPriceDesc, Offset: 13, Limit: 5}),
		[]string{"p01", "p11"}, 15)

	// Relevance pages with text cover the result exactly once, whatever
	// the engine's order.
	for _, text := range []string{"headphnes", "lipstik"} {
		var seen []string
		var total int
		for off := 0; off < 10; off++ {
			res := searchShows(t, e, discovery.ShowQuery{Text: text, Offset: off, Limit: 1})
			if off == 0 {
				total = res.Total
			} else if res.Total != total {
				t.Errorf("shows %q offset %d: total = %d, want %d", text, off, res.Total, total)
			}
			seen = append(seen, res.IDs...)
		}
		sort.Strings(seen)
		want := map[string][]string{"headphnes": {"s03", "s04", "s09"}, "lipstik": {"s01", "s02", "s08"}}[text]
		if !slices.Equal(seen, want) || total != 3 {
			t.Errorf("shows %q pages of 1: ids = %v total %d, want %v total 3", text, seen, total, want)
		}
	}
}

// ---- Facets ------------------------------------------------------------------

func testFacets(t *testing.T, e discovery.Engine) {
	wantFacets(t, "shows all", searchShows(t, e, discovery.ShowQuery{Limit: 1}),
		map[string]int{"beauty": 3, "electronics": 3, "fashion": 2, "home": 2},
		map[string]int{"v1": 4, "v2": 3, "v3": 2, "v4": 3, "v5": 2})
	wantFacets(t, "shows SCHEDULED", searchShows(t, e, discovery.ShowQuery{Statuses: []string{Scheduled}, Limit: 1}),
		map[string]int{"beauty": 3, "electronics": 2, "fashion": 2, "home": 1},
		map[string]int{"v1": 4, "v2": 2, "v3": 2, "v4": 2, "v5": 2})
	wantFacets(t, "shows vendor v1", searchShows(t, e, discovery.ShowQuery{VendorID: "v1", Limit: 1}),
		map[string]int{"beauty": 3, "fashion": 1},
		map[string]int{"v1": 4, "v3": 1, "v4": 1})
	wantFacets(t, "shows lipstik", searchShows(t, e, discovery.ShowQuery{Text: "lipstik", Limit: 0}),
		map[string]int{"beauty": 2, "fashion": 1},
		map[string]int{"v1": 3, "v3": 1, "v4": 1})
	wantFacets(t, "shows none", searchShows(t, e, discovery.ShowQuery{Text: "zxqvbnm", Limit: 10}),
		map[string]int{}, map[string]int{})

	wantFacets(t, "products all", searchProducts(t, e, discovery.ProductQuery{Limit: 2}),
		map[string]int{"beauty": 3, "electronics": 5, "fashion": 3, "home": 4},
		map[string]int{"v1": 3, "v2": 3, "v3": 3, "v4": 4, "v5": 2})
	wantFacets(t, "products price 2500..5000", searchProducts(t, e, discovery.ProductQuery{MinPrice: ptr(2500), MaxPrice: ptr(5000), Offset: 5, Limit: 2}),
		map[string]int{"beauty": 1, "electronics": 2, "fashion": 1, "home": 3},
		map[string]int{"v1": 1, "v2": 2, "v3": 1, "v4": 3})
	wantFacets(t, "products headphnes", searchProducts(t, e, discovery.ProductQuery{Text: "headphnes", Limit: 1}),
		map[string]int{"electronics": 3},
		map[string]int{"v2": 2, "v5": 1})
	wantFacets(t, "products influencer i4", searchProducts(t, e, discovery.ProductQuery{InfluencerID: "i4", Limit: 1}),
		map[string]int{"beauty": 1, "fashion": 3, "home": 1},
		map[string]int{"v1": 1, "v3": 3, "v4": 1})
}

// ---- Hostile input -----------------------------------------------------------

func testHostileInput(t *testing.T, e discovery.Engine) {
	texts := []string{
		`a" OR status = "ENDED`,
		`" OR 1=1 --`,
		`\" OR category = "beauty`,
		`category = beauty`,
		`status = SCHEDULED`,
		`zxqvbnm\`,
		`'; DROP TABLE shows; --`,
	}
	for _, text := range texts {
		wantSet(t, fmt.Sprintf("shows text %q", text), searchShows(t, e, discovery.ShowQuery{Text: text, Limit: pageLimit}), []string{})
		wantSet(t, fmt.Sprintf("products text %q", text), searchProducts(t, e, discovery.ProductQuery{Text: text, Limit: pageLimit}), []string{})
	}
	// Backslashes around a real word do not hide it.
	wantSet(t, `products text \lipstick\`, searchProducts(t, e, discovery.ProductQuery{Text: `\lipstick\`, Limit: pageLimit}), []string{"p01"})

	values := []string{
		`beauty" OR category = "home`,
		`beauty' OR category = 'home`,
		`beauty\`,
		`beauty\" OR category = \"home`,
		`beauty OR home`,
		`v1" OR vendorIds = "v2`,
		`i1" OR hostId EXISTS OR hostId = "`,
		`"`,
		`\`,
	}
	for _, v := range values {
		wantSet(t, fmt.Sprintf("shows category %q", v), searchShows(t, e, discovery.ShowQuery{Category: v, Limit: pageLimit}), []string{})
		wantSet(t, fmt.Sprintf("shows vendorId %q", v), searchShows(t, e, discovery.ShowQuery{VendorID: v, Limit: pageLimit}), []string{})
		wantSet(t, fmt.Sprintf("shows influencerId %q", v), searchShows(t, e, discovery.ShowQuery{InfluencerID: v, Limit: pageLimit}), []string{})
		wantSet(t, fmt.Sprintf("shows status %q", v), searchShows(t, e, discovery.ShowQuery{Statuses: []string{v}, Limit: pageLimit}), []string{})
		wantSet(t, fmt.Sprintf("products category %q", v), searchProducts(t, e, discovery.ProductQuery{Category: v, Limit: pageLimit}), []string{})
		wantSet(t, fmt.Sprintf("products vendorId %q", v), searchProducts(t, e, discovery.ProductQuery{VendorID: v, Limit: pageLimit}), []string{})
		wantSet(t, fmt.Sprintf("products influencerId %q", v), searchProducts(t, e, discovery.ProductQuery{InfluencerID: v, Limit: pageLimit}), []string{})
	}
	wantSet(t, `shows status SCHEDULED" OR status = "LIVE`, searchShows(t, e, discovery.ShowQuery{
		Statuses: []string{`SCHEDULED" OR status = "LIVE`}, Limit: pageLimit}), []string{})
	// A hostile value next to a real one does not widen the filter.
	wantSet(t, "shows status LIVE + hostile", searchShows(t, e, discovery.ShowQuery{
		Statuses: []string{Live, `x" OR status = "SCHEDULED`}, Limit: pageLimit}), []string{"s03", "s07"})
}

// ---- Freshness ---------------------------------------------------------------

func testFreshness(t *testing.T, e discovery.Engine) {
	ctx := t.Context()
	shows, products := Fixture()
	byID := func(id string) discovery.ProductDoc {
		for _, p := range products {
			if p.ID == id {
				return p
			}
		}
		t.Fatalf("no product %s", id)
		return discovery.ProductDoc{}
	}

	// A price change is reflected in filters, sorts and facets.
	p01 := byID("p01")
	p01.PriceMinor = 999
	if err := e.UpsertProducts(ctx, []discovery.ProductDoc{p01}); err != nil {
		t.Fatalf("UpsertProducts: %v", err)
	}
	wantOrder(t, "max 1000 after price change", searchProducts(t, e, discovery.ProductQuery{MaxPrice: ptr(1000), Sort: discovery.SortPriceAsc, Limit: pageLimit}),
		[]string{"p01"}, 1)
	wantOrder(t, "1999 after price change", searchProducts(t, e, discovery.ProductQuery{MinPrice: ptr(1999), MaxPrice: ptr(1999), Sort: discovery.SortPriceAsc, Limit: pageLimit}),
		[]string{"p11"}, 1)

	// A new title replaces the old one whole (description too).
	p05 := byID("p05")
	p05.Title, p05.Description = "Bluetooth Boombox", "Waterproof party sound."
	p05.Category = "audio"
	if err := e.UpsertProducts(ctx, []discovery.ProductDoc{p05}); err != nil {
		t.Fatalf("UpsertProducts: %v", err)
	}
	wantSet(t, "boombox after rename", searchProducts(t, e, discovery.ProductQuery{Text: "boombox", Limit: pageLimit}), []string{"p05"})
	wantSet(t, "speaker after rename", searchProducts(t, e, discovery.ProductQuery{Text: "speaker", Limit: pageLimit}), []string{})
	wantFacets(t, "facets after recategorising", searchProducts(t, e, discovery.ProductQuery{Limit: 0}),
		map[string]int{"audio": 1, "beauty": 3, "electronics": 4, "fashion": 3, "home": 4},
		map[string]int{"v1": 3, "v2": 3, "v3": 3, "v4": 4, "v5": 2})

	// Upserting the same documents again changes nothing.
	if err := e.UpsertProducts(ctx, []discovery.ProductDoc{p01, p05}); err != nil {
		t.Fatalf("UpsertProducts again: %v", err)
	}
	wantOrder(t, "products after re-upsert", searchProducts(t, e, discovery.ProductQuery{Limit: 0}), []string{}, 15)

	// A show going LIVE, and a retitled show.
	s05 := shows[4]
	if s05.ID != "s05" {
		t.Fatalf("fixture order changed: %s", s05.ID)
	}
	s05.Status = Live
	s05.Title = "Spring Style Edit"
	if err := e.UpsertShows(ctx, []discovery.ShowDoc{s05}); err != nil {
		t.Fatalf("UpsertShows: %v", err)
	}
	wantOrder(t, "LIVE after status change", searchShows(t, e, discovery.ShowQuery{Statuses: []string{Live}, Sort: discovery.SortStartsAt, Limit: pageLimit}),
		[]string{"s03", "s07", "s05"}, 3)
	wantSet(t, "spring after retitle", searchShows(t, e, discovery.ShowQuery{Text: "spring", Limit: pageLimit}), []string{"s05"})
	wantSet(t, "wardrobe after retitle", searchShows(t, e, discovery.ShowQuery{Text: "wardrobe", Limit: pageLimit}), []string{})

	// A cancelled show is deleted; unknown ids are fine.
	if err := e.DeleteShows(ctx, []string{"s03", "no-such-show"}); err != nil {
		t.Fatalf("DeleteShows: %v", err)
	}
	wantOrder(t, "shows after delete", searchShows(t, e, discovery.ShowQuery{Sort: discovery.SortStartsAt, Limit: pageLimit}),
		[]string{"s07", "s01", "s04", "s05", "s06", "s02", "s08", "s09", "s10"}, 9)
	wantSet(t, "benbeats after delete", searchShows(t, e, discovery.ShowQuery{Text: "benbeats", Limit: pageLimit}), []string{"s04", "s09"})
	wantFacets(t, "show facets after delete", searchShows(t, e, discovery.ShowQuery{Limit: 0}),
		map[string]int{"beauty": 3, "electronics": 2, "fashion": 2, "home": 2},
		map[string]int{"v1": 4, "v2": 2, "v3": 2, "v4": 3, "v5": 2})

	if err := e.DeleteProducts(ctx, []string{"p15", "no-such-product"}); err != nil {
		t.Fatalf("DeleteProducts: %v", err)
	}
	wantSet(t, "headphones after delete", searchProducts(t, e, discovery.ProductQuery{Text: "headphones", Limit: pageLimit}), []string{"p03", "p04"})
	wantOrder(t, "products after delete", searchProducts(t, e, discovery.ProductQuery{Limit: 0}), []string{}, 14)

	// Deleting again, deleting only unknown ids and empty writes are no-ops.
	for name, err := range map[string]error{
		"DeleteShows again":       e.DeleteShows(ctx, []string{"s03"}),
		"DeleteProducts unknown":  e.DeleteProducts(ctx, []string{"nope-1", "nope-2"}),
		"DeleteShows empty":       e.DeleteShows(ctx, nil),
		"DeleteProducts empty":    e.DeleteProducts(ctx, []string{}),
		"UpsertShows empty":       e.UpsertShows(ctx, nil),
		"UpsertProducts empty":    e.UpsertProducts(ctx, []discovery.ProductDoc{}),
		"Setup with data present": e.Setup(ctx),
	} {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	wantOrder(t, "shows after no-ops", searchShows(t, e, discovery.ShowQuery{Limit: 0}), []string{}, 9)
	wantOrder(t, "products after no-ops", searchProducts(t, e, discovery.ProductQuery{Limit: 0}), []string{}, 14)

	// DeleteAll empties both indexes, which stay usable.
	if err := e.DeleteAll(ctx); err != nil {
		t.Fatalf("DeleteAll: %v", err)
	}
	res := searchShows(t, e, discovery.ShowQuery{Limit: pageLimit})
	wantOrder(t, "shows after DeleteAll", res, []string{}, 0)
	wantFacets(t, "show facets after DeleteAll", res, map[string]int{}, map[string]int{})
	wantOrder(t, "products after DeleteAll", searchProducts(t, e, discovery.ProductQuery{Text: "lipstik", Limit: pageLimit}), []string{}, 0)
	if err := e.DeleteAll(ctx); err != nil {
		t.Fatalf("DeleteAll twice: %v", err)
	}
	if err := e.UpsertShows(ctx, shows[:2]); err != nil {
		t.Fatalf("UpsertShows after DeleteAll: %v", err)
	}
	if err := e.UpsertProducts(ctx, products[:1]); err != nil {
		t.Fatalf("UpsertProducts after DeleteAll: %v", err)
	}
	wantSet(t, "shows lipstik after refill", searchShows(t, e, discovery.ShowQuery{Text: "lipstik", Limit: pageLimit}), []string{"s01", "s02"})
	wantSet(t, "products after refill", searchProducts(t, e, discovery.ProductQuery{Limit: pageLimit}), []string{"p01"})
}
