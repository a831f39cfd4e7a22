package meili

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/search/searchtest"
)

func newEngine(t *testing.T, f *fakeMeili, opts ...Option) *Engine {
	t.Helper()
	opts = append([]Option{WithPollInterval(time.Millisecond), WithTaskTimeout(5 * time.Second)}, opts...)
	e, err := New(f.srv.URL, f.key, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func setup(t *testing.T) (*fakeMeili, *Engine) {
	t.Helper()
	f := newFake(t)
	e := newEngine(t, f)
	if err := e.Setup(context.Background()); err != nil {
		t.Fatalf("Setup: %v", err)
	}
	f.takeLog()
	return f, e
}

func ptr[T any](v T) *T { return &v }

func jsonEqual(t *testing.T, what string, got json.RawMessage, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %v in %s", what, err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s: bad expectation: %v", what, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n got %s\nwant %s", what, got, want)
	}
}

// routes lists "METHOD path[?query]" of the requests, collapsing task polls.
func routes(l []request) []string {
	var out []string
	for _, r := range l {
		s := r.Method + " " + r.Path
		if strings.HasPrefix(r.Path, "/tasks/") {
			s = "GET /tasks/*"
			if len(out) > 0 && out[len(out)-1] == s {
				continue
			}
		}
		if r.Query != "" {
			s += "?" + r.Query
		}
		out = append(out, s)
	}
	return out
}

func find(l []request, method, path string) []request {
	var out []request
	for _, r := range l {
		if r.Method == method && r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

const wantShowSettings = `{
	"rankingRules": ["words", "sort", "typo", "proximity", "attribute", "exactness"],
	"searchableAttributes": ["title", "productTitles", "hostHandle", "hostName", "vendorNames", "category", "description"],
	"filterableAttributes": ["category", "vendorIds", "hostId", "status", "startsAt"],
	"sortableAttributes": ["startsAt", "id"],
	"typoTolerance": {"enabled": true, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9},
		"disableOnWords": [], "disableOnAttributes": [], "disableOnNumbers": false},
	"faceting": {"maxValuesPerFacet": 1000, "sortFacetValuesBy": {"*": "count"}},
	"pagination": {"maxTotalHits": 10000}
}`

const wantProductSettings = `{
	"rankingRules": ["words", "sort", "typo", "proximity", "attribute", "exactness"],
	"searchableAttributes": ["title", "vendorName", "category", "description"],
	"filterableAttributes": ["category", "vendorId", "influencerIds", "priceMinor", "nextStart", "showStarts"],
	"sortableAttributes": ["nextStart", "priceMinor", "id"],
	"typoTolerance": {"enabled": true, "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 9},
		"disableOnWords": [], "disableOnAttributes": [], "disableOnNumbers": false},
	"faceting": {"maxValuesPerFacet": 1000, "sortFacetValuesBy": {"*": "count"}},
	"pagination": {"maxTotalHits": 10000}
}`

func TestSetupCreatesIndexesAndAppliesSettings(t *testing.T) {
	f := newFake(t)
	e := newEngine(t, f)
	ctx := context.Background()
	if err := e.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	l := f.takeLog()
	want := []string{
		"GET /indexes/shows", "POST /indexes", "GET /tasks/*",
		"GET /indexes/shows/settings/ranking-rules", "PATCH /indexes/shows/settings", "GET /tasks/*",
		"GET /indexes/products", "POST /indexes", "GET /tasks/*",
		"GET /indexes/products/settings/ranking-rules", "PATCH /indexes/products/settings", "GET /tasks/*",
	}
	if got := routes(l); !slices.Equal(got, want) {
		t.Fatalf("requests:\n got %q\nwant %q", got, want)
	}
	creates := find(l, "POST", "/indexes")
	jsonEqual(t, "create shows", creates[0].Body, `{"uid": "shows", "primaryKey": "id"}`)
	jsonEqual(t, "create products", creates[1].Body, `{"uid": "products", "primaryKey": "id"}`)
	jsonEqual(t, "shows settings", find(l, "PATCH", "/indexes/shows/settings")[0].Body, wantShowSettings)
	jsonEqual(t, "products settings", find(l, "PATCH", "/indexes/products/settings")[0].Body, wantProductSettings)
	settingsBefore := map[string]any{}
	f.locked(func() {
		for uid, task := range f.tasks {
			if task.status != "succeeded" || task.polls < 2 {
				t.Errorf("task %d: status %s after %d polls; Setup must wait for success", uid, task.status, task.polls)
			}
		}
		for uid, ix := range f.indexes {
			b, _ := json.Marshal(ix.settings)
			settingsBefore[uid] = string(b)
			if ix.primaryKey != "id" {
				t.Errorf("%s: primary key %q", uid, ix.primaryKey)
			}
		}
	})

	// Again: nothing is created and the same settings are sent.
	if err := e.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	l2 := f.takeLog()
	if n := len(find(l2, "POST", "/indexes")); n != 0 {
		t.Errorf("second Setup created %d indexes", n)
	}
	jsonEqual(t, "shows settings again", find(l2, "PATCH", "/indexes/shows/settings")[0].Body, wantShowSettings)
	jsonEqual(t, "products settings again", find(l2, "PATCH", "/indexes/products/settings")[0].Body, wantProductSettings)
	f.locked(func() {
		for uid, ix := range f.indexes {
			b, _ := json.Marshal(ix.settings)
			if string(b) != settingsBefore[uid] {
				t.Errorf("%s: settings changed by a second Setup:\n%s\n%s", uid, settingsBefore[uid], b)
			}
		}
	})
}

func TestSetupKeepsCustomRankingRules(t *testing.T) {
	got := sortAfterWords([]string{"sort", "words", "typo", "proximity", "attributeRank", "wordPosition", "exactness", "startsAt:asc"})
	want := []string{"words", "sort", "typo", "proximity", "attributeRank", "wordPosition", "exactness", "startsAt:asc"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := sortAfterWords(nil); !slices.Equal(got, []string{"words", "sort", "typo", "proximity", "attribute", "exactness"}) {
		t.Errorf("defaults: %q", got)
	}
}

func TestSetupConcurrentCreationAndWrongPrimaryKey(t *testing.T) {
	f := newFake(t)
	e := newEngine(t, f)
	// Another replica creates "shows" between our GET and our POST: the
	// creation task fails with index_already_exists, which is fine.
	f.injectOnce("GET", "/indexes/shows", 404, `{"message":"Index `+"`shows`"+` not found.","code":"index_not_found","type":"invalid_request","link":"https://docs.meilisearch.com/errors#index_not_found"}`)
	f.locked(func() {
		f.indexes["shows"] = &fakeIndex{uid: "shows", primaryKey: "id", settings: map[string]any{}, docs: map[string]map[string]any{}}
	})
	if err := e.Setup(context.Background()); err != nil {
		t.Fatalf("Setup with a concurrent creation: %v", err)
	}

	f2 := newFake(t)
	f2.locked(func() {
		f2.indexes["shows"] = &fakeIndex{uid: "shows", primaryKey: "showId", settings: map[string]any{}, docs: map[string]map[string]any{}}
	})
	err := newEngine(t, f2).Setup(context.Background())
	if err == nil || !strings.Contains(err.Error(), `primary key "showId"`) {
		t.Errorf("Setup over an index keyed by showId: %v", err)
	}
}

func show(id, title string, status string, starts int64, vendors ...string) discovery.ShowDoc {
	return discovery.ShowDoc{ID: id, Title: title, Description: "live " + title, Category: "beauty", HostID: "h1",
		HostHandle: "anna", HostName: "Anna", ProductTitles: []string{title + " item"}, VendorIDs: vendors,
		VendorNames: []string{"Vendor"}, Status: status, StartsAt: starts, EndsAt: starts + 3600}
}

func TestWritesSendDocumentsAndWaitForTasks(t *testing.T) {
	f, e := setup(t)
	ctx := context.Background()
	docs := []discovery.ShowDoc{show("s1", "Lipstick party", "SCHEDULED", 100, "v1"), show("s2", "Headphones", "LIVE", 50, "v2")}
	if err := e.UpsertShows(ctx, docs); err != nil {
		t.Fatal(err)
	}
	l := f.takeLog()
	if got := routes(l); !slices.Equal(got, []string{"POST /indexes/shows/documents?primaryKey=id", "GET /tasks/*"}) {
		t.Fatalf("upsert requests: %q", got)
	}
	want, _ := json.Marshal(docs)
	jsonEqual(t, "upsert body", l[0].Body, string(want))
	f.locked(func() {
		for _, task := range f.tasks {
			if task.typ == "documentAdditionOrUpdate" && (task.status != "succeeded" || task.polls < 2) {
				t.Errorf("upsert returned with task %s after %d polls", task.status, task.polls)
			}
		}
	})
	// Visible at once.
	res, err := e.SearchShows(ctx, discovery.ShowQuery{Statuses: []string{"SCHEDULED", "LIVE"}, Sort: discovery.SortStartsAt, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.IDs, []string{"s2", "s1"}) || res.Total != 2 {
		t.Errorf("after upsert: %v total %d", res.IDs, res.Total)
	}

	// Upserting replaces the document.
	docs[0].Title = "Mascara"
	if err := e.UpsertShows(ctx, docs[:1]); err != nil {
		t.Fatal(err)
	}
	f.locked(func() {
		if got := f.indexes["shows"].docs["s1"]["title"]; got != "Mascara" {
			t.Errorf("title after replace: %v", got)
		}
	})
	f.takeLog()

	if err := e.DeleteShows(ctx, []string{"s1"}); err != nil {
		t.Fatal(err)
	}
	l = f.takeLog()
	if got := routes(l); !slices.Equal(got, []string{"POST /indexes/shows/documents/delete-batch", "GET /tasks/*"}) {
		t.Fatalf("delete requests: %q", got)
	}
	jsonEqual(t, "delete body", l[0].Body, `["s1"]`)
	res, err = e.SearchShows(ctx, discovery.ShowQuery{Statuses: []string{"SCHEDULED", "LIVE"}, Limit: 10})
	if err != nil || !slices.Equal(res.IDs, []string{"s2"}) {
		t.Fatalf("after delete: %v %v", res, err)
	}
	f.takeLog()

	// Products.
	p := discovery.ProductDoc{ID: "p1", Title: "Red lipstick", Category: "beauty", VendorID: "v1", VendorName: "Glow",
		PriceMinor: 1500, Currency: "EUR", ShowIDs: []string{"s1"}, ShowStarts: []int64{100}, NextStart: 100, InfluencerIDs: []string{"h1"}}
	if err := e.UpsertProducts(ctx, []discovery.ProductDoc{p}); err != nil {
		t.Fatal(err)
	}
	l = f.takeLog()
	want, _ = json.Marshal([]discovery.ProductDoc{p})
	if l[0].Method != "POST" || l[0].Path != "/indexes/products/documents" || l[0].Query != "primaryKey=id" {
		t.Errorf("upsert products: %s %s?%s", l[0].Method, l[0].Path, l[0].Query)
	}
	jsonEqual(t, "upsert products body", l[0].Body, string(want))
	if err := e.DeleteProducts(ctx, []string{"p1", "nope"}); err != nil {
		t.Fatal(err)
	}
	l = f.takeLog()
	jsonEqual(t, "delete products body", l[0].Body, `["p1","nope"]`)

	// Nothing to do: no request.
	if err := e.UpsertShows(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if err := e.DeleteProducts(ctx, []string{}); err != nil {
		t.Fatal(err)
	}
	if l := f.takeLog(); len(l) != 0 {
		t.Errorf("empty writes sent %q", routes(l))
	}

	// DeleteAll empties both indexes, keeping them.
	if err := e.UpsertProducts(ctx, []discovery.ProductDoc{p}); err != nil {
		t.Fatal(err)
	}
	f.takeLog()
	if err := e.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if got := routes(f.takeLog()); !slices.Equal(got, []string{"DELETE /indexes/shows/documents", "GET /tasks/*", "DELETE /indexes/products/documents", "GET /tasks/*"}) {
		t.Errorf("DeleteAll requests: %q", got)
	}
	f.locked(func() {
		for uid, ix := range f.indexes {
			if len(ix.docs) != 0 || ix.settings["filterableAttributes"] == nil {
				t.Errorf("%s after DeleteAll: %d docs, settings %v", uid, len(ix.docs), ix.settings)
			}
		}
	})
}

func TestUpsertIsBatched(t *testing.T) {
	f, e := setup(t)
	docs := make([]discovery.ProductDoc, upsertBatch+3)
	for i := range docs {
		docs[i] = discovery.ProductDoc{ID: "p" + string(rune('a'+i%26)) + strings.Repeat("x", i/26)}
	}
	if err := e.UpsertProducts(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	posts := find(f.takeLog(), "POST", "/indexes/products/documents")
	if len(posts) != 2 {
		t.Fatalf("%d requests, want 2", len(posts))
	}
	var a, b []any
	_ = json.Unmarshal(posts[0].Body, &a)
	_ = json.Unmarshal(posts[1].Body, &b)
	f.locked(func() {
		if len(a) != upsertBatch || len(b) != 3 || len(f.indexes["products"].docs) != len(docs) {
			t.Errorf("batches of %d and %d, %d stored", len(a), len(b), len(f.indexes["products"].docs))
		}
	})
}

func TestFailedTaskIsAnError(t *testing.T) {
	f, e := setup(t)
	f.locked(func() {
		f.failNextTask = mkErr(400, "invalid_document_fields", "invalid_request", "The document has too many fields.")
	})
	err := e.UpsertShows(context.Background(), []discovery.ShowDoc{show("s1", "x", "LIVE", 1)})
	var me *Error
	if !errors.As(err, &me) {
		t.Fatalf("got %v, want *Error", err)
	}
	if me.Code != "invalid_document_fields" || me.TaskUID == 0 || me.Message != "The document has too many fields." || me.Type != "invalid_request" {
		t.Errorf("error %+v", me)
	}
	if errors.Is(err, discovery.ErrUnavailable) {
		t.Error("a failed task is not unavailability")
	}
	if !strings.Contains(err.Error(), "invalid_document_fields") {
		t.Errorf("message %q lacks the code", err)
	}
	// Settings failures fail Setup.
	f.locked(func() {
		f.failNextTask = mkErr(400, "invalid_settings_filterable_attributes", "invalid_request", "bad")
	})
	if err := e.Setup(context.Background()); err == nil || !strings.Contains(err.Error(), "invalid_settings_filterable_attributes") {
		t.Errorf("Setup with a failed settings task: %v", err)
	}
}

func searchBody(t *testing.T, f *fakeMeili, path string) map[string]json.RawMessage {
	t.Helper()
	l := find(f.takeLog(), "POST", path)
	if len(l) != 1 {
		t.Fatalf("%d searches sent", len(l))
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(l[0].Body, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// checkSearch compares the search body with want, ignoring "hybrid": null
// which the client always sends (an accepted, documented parameter).
func checkSearch(t *testing.T, m map[string]json.RawMessage, want string) {
	t.Helper()
	if h, ok := m["hybrid"]; ok && string(h) != "null" {
		t.Errorf("hybrid = %s", h)
	}
	delete(m, "hybrid")
	b, _ := json.Marshal(m)
	jsonEqual(t, "search body", b, want)
}

func seedShows(t *testing.T, e *Engine) {
	t.Helper()
	docs := []discovery.ShowDoc{
		show("s1", "Lipstick live", "SCHEDULED", 300, "v1"),
		show("s2", "Lipstick sale", "LIVE", 100, "v1", "v2"),
		show("s3", "Headphones", "SCHEDULED", 200, "v2"),
		show("s4", "Lipstick ended", "ENDED", 150, "v1"),
	}
	docs[2].Category = "audio"
	docs[2].HostID = "h2"
	if err := e.UpsertShows(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}

func TestSearchShows(t *testing.T) {
	f, e := setup(t)
	seedShows(t, e)
	f.takeLog()
	ctx := context.Background()
	live := []string{"SCHEDULED", "LIVE"}
	for _, tc := range []struct {
		name      string
		q         discovery.ShowQuery
		body      string
		ids       []string
		total     int
		category  map[string]int
		vendor    map[string]int
		filterLen int
	}{
		{
			name: "defaults",
			q:    discovery.ShowQuery{Statuses: live, Sort: discovery.SortRelevance, Limit: 20},
			body: `{"q":"","page":1,"hitsPerPage":20,"filter":"status IN [\"SCHEDULED\", \"LIVE\"]",
				"facets":["category","vendorIds"],"attributesToRetrieve":["id"]}`,
			ids: []string{"s1", "s2", "s3"}, total: 3,
			category: map[string]int{"beauty": 2, "audio": 1}, vendor: map[string]int{"v1": 2, "v2": 2},
		},
		{
			name: "text, every filter, by start",
			q: discovery.ShowQuery{Text: "lipstick", Category: "beauty", VendorID: "v1", InfluencerID: "h1",
				StartsAfter: ptr(int64(100)), StartsBefore: ptr(int64(300)), Statuses: live, Sort: discovery.SortStartsAt, Limit: 5},
			body: `{"q":"lipstick","page":1,"hitsPerPage":5,
				"filter":"category = \"beauty\" AND vendorIds = \"v1\" AND hostId = \"h1\" AND startsAt >= 100 AND startsAt < 300 AND status IN [\"SCHEDULED\", \"LIVE\"]",
				"sort":["startsAt:asc","id:asc"],"facets":["category","vendorIds"],"attributesToRetrieve":["id"]}`,
			ids: []string{"s2"}, total: 1,
			category: map[string]int{"beauty": 1}, vendor: map[string]int{"v1": 1, "v2": 1},
		},
		{
			name: "second page by start",
			q:    discovery.ShowQuery{Statuses: []string{"SCHEDULED", "LIVE", "ENDED"}, Sort: discovery.SortStartsAt, Offset: 2, Limit: 2},
			body: `{"q":"","page":2,"hitsPerPage":2,"filter":"status IN [\"SCHEDULED\", \"LIVE\", \"ENDED\"]",
				"sort":["startsAt:asc","id:asc"],"facets":["category","vendorIds"],"attributesToRetrieve":["id"]}`,
			ids: []string{"s3", "s1"}, total: 4,
			category: map[string]int{"beauty": 3, "audio": 1}, vendor: map[string]int{"v1": 3, "v2": 2},
		},
		{
			name: "totals only",
			q:    discovery.ShowQuery{Statuses: live, Limit: 0},
			body: `{"q":"","page":1,"hitsPerPage":0,"filter":"status IN [\"SCHEDULED\", \"LIVE\"]",
				"facets":["category","vendorIds"],"attributesToRetrieve":["id"]}`,
			ids: []string{}, total: 3,
			category: map[string]int{"beauty": 2, "audio": 1}, vendor: map[string]int{"v1": 2, "v2": 2},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := e.SearchShows(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			checkSearch(t, searchBody(t, f, "/indexes/shows/search"), tc.body)
			if !slices.Equal(res.IDs, tc.ids) || res.Total != tc.total {
				t.Errorf("ids %v total %d, want %v %d", res.IDs, res.Total, tc.ids, tc.total)
			}
			want := map[string]map[string]int{"category": tc.category, "vendor": tc.vendor}
			if !reflect.DeepEqual(res.Facets, want) {
				t.Errorf("facets %v, want %v", res.Facets, want)
			}
		})
	}
}

func TestSearchProducts(t *testing.T) {
	f, e := setup(t)
	ctx := context.Background()
	prods := []discovery.ProductDoc{
		{ID: "p1", Title: "Red lipstick", Category: "beauty", VendorID: "v1", PriceMinor: 1500, ShowStarts: []int64{100, 500}, NextStart: 100, InfluencerIDs: []string{"h1"}},
		{ID: "p2", Title: "Nude lipstick", Category: "beauty", VendorID: "v2", PriceMinor: 900, ShowStarts: []int64{300}, NextStart: 300, InfluencerIDs: []string{"h1", "h2"}},
		{ID: "p3", Title: "Headphones", Category: "audio", VendorID: "v2", PriceMinor: 9900, ShowStarts: []int64{200}, NextStart: 200, InfluencerIDs: []string{"h2"}},
		{ID: "p4", Title: "Gloss lipstick", Category: "beauty", VendorID: "v1", PriceMinor: 900, ShowStarts: []int64{250}, NextStart: 250, InfluencerIDs: []string{"h2"}},
	}
	if err := e.UpsertProducts(ctx, prods); err != nil {
		t.Fatal(err)
	}
	f.takeLog()
	for _, tc := range []struct {
		name     string
		q        discovery.ProductQuery
		body     string
		ids      []string
		total    int
		category map[string]int
		vendor   map[string]int
	}{
		{
			name: "relevance, no filter",
			q:    discovery.ProductQuery{Sort: discovery.SortRelevance, Limit: 10},
			body: `{"q":"","page":1,"hitsPerPage":10,"facets":["category","vendorId"],"attributesToRetrieve":["id"]}`,
			ids:  []string{"p1", "p2", "p3", "p4"}, total: 4,
			category: map[string]int{"beauty": 3, "audio": 1}, vendor: map[string]int{"v1": 2, "v2": 2},
		},
		{
			name: "price ascending, id breaks ties",
			q:    discovery.ProductQuery{Text: "lipstick", Sort: discovery.SortPriceAsc, Limit: 10},
			body: `{"q":"lipstick","page":1,"hitsPerPage":10,"sort":["priceMinor:asc","id:asc"],"facets":["category","vendorId"],"attributesToRetrieve":["id"]}`,
			ids:  []string{"p2", "p4", "p1"}, total: 3,
			category: map[string]int{"beauty": 3}, vendor: map[string]int{"v1": 2, "v2": 1},
		},
		{
			name: "price descending in a price range",
			q:    discovery.ProductQuery{MinPrice: ptr(int64(900)), MaxPrice: ptr(int64(1500)), Sort: discovery.SortPriceDesc, Limit: 10},
			body: `{"q":"","page":1,"hitsPerPage":10,"filter":"priceMinor >= 900 AND priceMinor <= 1500",
				"sort":["priceMinor:desc","id:asc"],"facets":["category","vendorId"],"attributesToRetrieve":["id"]}`,
			ids: []string{"p1", "p2", "p4"}, total: 3,
			category: map[string]int{"beauty": 3}, vendor: map[string]int{"v1": 2, "v2": 1},
		},
		{
			name: "a featured show starts in the window, by next start",
			// p1's shows start at 100 and 500: neither is in [200, 400),
			// though one is before 400 and one after 200.
			q: discovery.ProductQuery{Category: "beauty", VendorID: "v1", StartsAfter: ptr(int64(200)), StartsBefore: ptr(int64(400)),
				Sort: discovery.SortStartsAt, Limit: 10},
			body: `{"q":"","page":1,"hitsPerPage":10,
				"filter":"category = \"beauty\" AND vendorId = \"v1\" AND showStarts 200 TO 399",
				"sort":["nextStart:asc","id:asc"],"facets":["category","vendorId"],"attributesToRetrieve":["id"]}`,
			ids: []string{"p4"}, total: 1,
			category: map[string]int{"beauty": 1}, vendor: map[string]int{"v1": 1},
		},
		{
			name: "starts after",
			q:    discovery.ProductQuery{StartsAfter: ptr(int64(400)), Limit: 10},
			body: `{"q":"","page":1,"hitsPerPage":10,"filter":"showStarts >= 400","facets":["category","vendorId"],"attributesToRetrieve":["id"]}`,
			ids:  []string{"p1"}, total: 1,
			category: map[string]int{"beauty": 1}, vendor: map[string]int{"v1": 1},
		},
		{
			name: "starts before, influencer",
			q:    discovery.ProductQuery{InfluencerID: "h1", StartsBefore: ptr(int64(200)), Limit: 10},
			body: `{"q":"","page":1,"hitsPerPage":10,"filter":"influencerIds = \"h1\" AND showStarts < 200","facets":["category","vendorId"],"attributesToRetrieve":["id"]}`,
			ids:  []string{"p1"}, total: 1,
			category: map[string]int{"beauty": 1}, vendor: map[string]int{"v1": 1},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := e.SearchProducts(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			checkSearch(t, searchBody(t, f, "/indexes/products/search"), tc.body)
			if !slices.Equal(res.IDs, tc.ids) || res.Total != tc.total {
				t.Errorf("ids %v total %d, want %v %d", res.IDs, res.Total, tc.ids, tc.total)
			}
			want := map[string]map[string]int{"category": tc.category, "vendor": tc.vendor}
			if !reflect.DeepEqual(res.Facets, want) {
				t.Errorf("facets %v, want %v", res.Facets, want)
			}
		})
	}
	if _, err := e.SearchProducts(ctx, discovery.ProductQuery{Sort: "CHEAPEST", Limit: 1}); err == nil {
		t.Error("unknown sort accepted")
	}
	if _, err := e.SearchShows(ctx, discovery.ShowQuery{Sort: discovery.SortPriceAsc, Limit: 1}); err == nil {
		t.Error("price sort accepted for shows")
	}
}

func TestWindow(t *testing.T) {
	for offset := 0; offset <= 300; offset++ {
		for _, limit := range []int{1, 2, 3, 5, 7, 20, 100} {
			page, h, skip := window(offset, limit)
			start := (page-1)*h + skip
			if h < limit || start != offset || skip+limit > h {
				t.Fatalf("window(%d, %d) = page %d size %d skip %d", offset, limit, page, h, skip)
			}
			for smaller := limit; smaller < h; smaller++ { // h is the smallest that works
				if offset/smaller == (offset+limit-1)/smaller {
					t.Fatalf("window(%d, %d): size %d works, chose %d", offset, limit, smaller, h)
				}
			}
		}
	}
	if p, h, s := window(40, 20); p != 3 || h != 20 || s != 0 {
		t.Errorf("aligned: %d %d %d", p, h, s)
	}
	if p, h, s := window(7, 0); p != 1 || h != 0 || s != 0 {
		t.Errorf("limit 0: %d %d %d", p, h, s)
	}
}

func TestPaginationAtAnyOffset(t *testing.T) {
	f, e := setup(t)
	ctx := context.Background()
	var docs []discovery.ShowDoc
	var all []string
	for i := range 12 {
		id := "s" + string(rune('a'+i))
		docs = append(docs, show(id, "Show", "SCHEDULED", int64(1000-i), "v1"))
		all = append([]string{id}, all...) // later ids start earlier
	}
	if err := e.UpsertShows(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for offset := 0; offset <= 13; offset++ {
		for _, limit := range []int{1, 3, 5, 12} {
			res, err := e.SearchShows(ctx, discovery.ShowQuery{Statuses: []string{"SCHEDULED"}, Sort: discovery.SortStartsAt, Offset: offset, Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			want := all[min(offset, len(all)):min(offset+limit, len(all))]
			if !slices.Equal(res.IDs, want) || res.Total != 12 {
				t.Errorf("offset %d limit %d: %v total %d, want %v", offset, limit, res.IDs, res.Total, want)
			}
		}
	}
	f.takeLog()
	if _, err := e.SearchShows(ctx, discovery.ShowQuery{Offset: -1, Limit: 1}); err == nil {
		t.Error("negative offset accepted")
	}
}

// nasty are values that would change a naively built filter.
var nasty = []string{
	`a" OR status = "ENDED`,
	`a' OR status = 'ENDED`,
	`\`,
	`foo\`,
	`\"`,
	`\\" OR status = "ENDED" OR x = "\\`,
	`") OR (status = "ENDED`,
	`a"] OR status IN ["ENDED`,
	"line\nbreak\t\"tab\"",
	`\n is not a newline`,
	`NOT`,
	`AND`,
	`""`,
	``,
	`💄 "lipstick" \u{41}`,
}

func TestQuoteReadsBackExactly(t *testing.T) {
	check := func(s string) {
		t.Helper()
		_, conds, err := parseFilter("category = " + Quote(s) + ` AND status IN ["LIVE"]`)
		if err != nil {
			t.Fatalf("Quote(%q) = %s does not parse: %v", s, Quote(s), err)
		}
		want := []condition{{"category", "=", []string{s}}, {"status", "IN", []string{"LIVE"}}}
		if !reflect.DeepEqual(conds, want) {
			t.Fatalf("Quote(%q) = %s reads back as %+v", s, Quote(s), conds)
		}
	}
	for _, s := range nasty {
		check(s)
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune(`ab "'\()[],=!<>ANDORNOTIN` + "\n\t")
	for range 5000 {
		r := make([]rune, rng.Intn(12))
		for i := range r {
			r[i] = alphabet[rng.Intn(len(alphabet))]
		}
		check(string(r))
	}
	if got := Quote(`a" OR status = "ENDED`); got != `"a\" OR status = \"ENDED"` {
		t.Errorf("Quote = %s", got)
	}
	if got := Quote(`x\" y`); got != `"x\\\" y"` {
		t.Errorf("Quote = %s", got)
	}
}

func TestUserTextCannotChangeTheFilter(t *testing.T) {
	f, e := setup(t)
	seedShows(t, e) // s4 is ENDED
	ctx := context.Background()
	live := []string{"SCHEDULED", "LIVE"}
	inject := `a" OR status = "ENDED`

	// As text: q only; the filter is untouched.
	f.takeLog()
	res, err := e.SearchShows(ctx, discovery.ShowQuery{Text: inject, Statuses: live, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	m := searchBody(t, f, "/indexes/shows/search")
	if string(m["q"]) != `"a\" OR status = \"ENDED"` || string(m["filter"]) != `"status IN [\"SCHEDULED\", \"LIVE\"]"` {
		t.Errorf("q %s filter %s", m["q"], m["filter"])
	}
	if slices.Contains(res.IDs, "s4") {
		t.Error("text reached an ENDED show")
	}

	// As filter values: one condition each, holding the raw text.
	res, err = e.SearchShows(ctx, discovery.ShowQuery{Category: inject, VendorID: `v1\" OR hostId = \"h2`, InfluencerID: `h1\`, Statuses: live, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	m = searchBody(t, f, "/indexes/shows/search")
	var filter string
	_ = json.Unmarshal(m["filter"], &filter)
	wantFilter := `category = "a\" OR status = \"ENDED" AND vendorIds = "v1\\\" OR hostId = \\\"h2" AND hostId = "h1\\" AND status IN ["SCHEDULED", "LIVE"]`
	if filter != wantFilter {
		t.Errorf("filter\n got %s\nwant %s", filter, wantFilter)
	}
	wantConds := []condition{
		{"category", "=", []string{inject}},
		{"vendorIds", "=", []string{`v1\" OR hostId = \"h2`}},
		{"hostId", "=", []string{`h1\`}},
		{"status", "IN", []string{"SCHEDULED", "LIVE"}},
	}
	f.locked(func() {
		if !reflect.DeepEqual(f.lastFilter, wantConds) {
			t.Errorf("Meilisearch reads the filter as %+v", f.lastFilter)
		}
	})
	if len(res.IDs) != 0 || res.Total != 0 {
		t.Errorf("injected filter matched %v", res.IDs)
	}

	// Statuses are quoted too.
	if _, err := e.SearchShows(ctx, discovery.ShowQuery{Statuses: []string{`LIVE"] OR status = ["ENDED`}, Limit: 10}); err != nil {
		t.Fatal(err)
	}
	m = searchBody(t, f, "/indexes/shows/search")
	_ = json.Unmarshal(m["filter"], &filter)
	f.locked(func() {
		if filter != `status IN ["LIVE\"] OR status = [\"ENDED"]` || len(f.lastFilter) != 1 {
			t.Errorf("status filter %s read as %+v", filter, f.lastFilter)
		}
	})

	// Products: category, vendor and influencer.
	_, err = e.SearchProducts(ctx, discovery.ProductQuery{Category: inject, VendorID: `\`, InfluencerID: `"`, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	m = searchBody(t, f, "/indexes/products/search")
	_ = json.Unmarshal(m["filter"], &filter)
	if filter != `category = "a\" OR status = \"ENDED" AND vendorId = "\\" AND influencerIds = "\""` {
		t.Errorf("product filter %s", filter)
	}
	f.locked(func() {
		if want := []condition{{"category", "=", []string{inject}}, {"vendorId", "=", []string{`\`}}, {"influencerIds", "=", []string{`"`}}}; !reflect.DeepEqual(f.lastFilter, want) {
			t.Errorf("read as %+v", f.lastFilter)
		}
	})
}

func TestUnavailable(t *testing.T) {
	ctx := context.Background()
	q := discovery.ShowQuery{Statuses: []string{"LIVE"}, Limit: 1}

	t.Run("connection refused", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		url := srv.URL
		srv.Close()
		e, err := New(url, "k")
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.SearchShows(ctx, q)
		if !errors.Is(err, discovery.ErrUnavailable) {
			t.Errorf("search: %v", err)
		}
		for name, call := range map[string]func() error{
			"setup":  func() error { return e.Setup(ctx) },
			"upsert": func() error { return e.UpsertShows(ctx, []discovery.ShowDoc{{ID: "s"}}) },
			"delete": func() error { return e.DeleteAll(ctx) },
		} {
			if err := call(); !errors.Is(err, discovery.ErrUnavailable) {
				t.Errorf("%s: %v", name, err)
			}
		}
	})

	for _, tc := range []struct {
		name, method, path string
		status             int
		body               string
		call               func(*Engine) error
	}{
		{"503 without a body", "POST", "/indexes/shows/search", 503, "", func(e *Engine) error { _, err := e.SearchShows(ctx, q); return err }},
		{"500 internal error", "POST", "/indexes/products/search", 500,
			`{"message":"internal","code":"internal","type":"internal","link":"https://docs.meilisearch.com/errors#internal"}`,
			func(e *Engine) error { _, err := e.SearchProducts(ctx, discovery.ProductQuery{Limit: 1}); return err }},
		{"429 too many searches", "POST", "/indexes/shows/search", 429,
			`{"message":"Too many search requests running at the same time","code":"too_many_search_requests","type":"system","link":"https://docs.meilisearch.com/errors#too_many_search_requests"}`,
			func(e *Engine) error { _, err := e.SearchShows(ctx, q); return err }},
		{"502 from a proxy on a write", "POST", "/indexes/shows/documents", 502, "<html>bad gateway</html>",
			func(e *Engine) error { return e.UpsertShows(ctx, []discovery.ShowDoc{{ID: "s"}}) }},
		{"503 while polling a task", "GET", "/tasks/5", 503, "",
			func(e *Engine) error { return e.UpsertShows(ctx, []discovery.ShowDoc{{ID: "s"}}) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, e := setup(t) // tasks 1-4
			f.injectOnce(tc.method, tc.path, tc.status, tc.body)
			err := tc.call(e)
			if !errors.Is(err, discovery.ErrUnavailable) {
				t.Fatalf("got %v", err)
			}
			var me *Error
			if errors.As(err, &me) && me.Status != tc.status {
				t.Errorf("status %d", me.Status)
			}
		})
	}

	t.Run("timeout", func(t *testing.T) {
		f := newFake(t)
		e := newEngine(t, f, WithHTTPClient(&http.Client{Timeout: 50 * time.Millisecond}))
		f.locked(func() { f.delay = 300 * time.Millisecond })
		_, err := e.SearchShows(ctx, q)
		if !errors.Is(err, discovery.ErrUnavailable) {
			t.Errorf("got %v", err)
		}
	})

	t.Run("task never finishes", func(t *testing.T) {
		f, _ := setup(t)
		e := newEngine(t, f, WithTaskTimeout(100*time.Millisecond))
		f.locked(func() { f.stuck = true })
		err := e.UpsertShows(ctx, []discovery.ShowDoc{{ID: "s"}})
		if !errors.Is(err, discovery.ErrUnavailable) || !strings.Contains(err.Error(), "not finished") {
			t.Errorf("got %v", err)
		}
	})

	t.Run("caller cancels", func(t *testing.T) {
		f, e := setup(t)
		f.locked(func() { f.delay = 200 * time.Millisecond })
		cctx, cancel := context.WithCancel(ctx)
		time.AfterFunc(20*time.Millisecond, cancel)
		_, err := e.SearchShows(cctx, q)
		if !errors.Is(err, context.Canceled) || errors.Is(err, discovery.ErrUnavailable) {
			t.Errorf("got %v", err)
		}
	})
}

func TestAPIErrorsKeepMeilisearchCode(t *testing.T) {
	ctx := context.Background()
	f := newFake(t)
	e := newEngine(t, f)

	// Searching before Setup: index_not_found (404).
	_, err := e.SearchShows(ctx, discovery.ShowQuery{Limit: 1})
	var me *Error
	if !errors.As(err, &me) || me.Code != "index_not_found" || me.Status != 404 || me.Type != "invalid_request" ||
		!strings.Contains(me.Link, "index_not_found") || me.Message != "Index `shows` not found." {
		t.Fatalf("got %#v", err)
	}
	if errors.Is(err, discovery.ErrUnavailable) {
		t.Error("4xx is not unavailability")
	}
	if !strings.Contains(err.Error(), "index_not_found") {
		t.Errorf("message %q", err)
	}

	// Deleting from missing indexes is a no-op, not an error.
	if err := e.DeleteAll(ctx); err != nil {
		t.Errorf("DeleteAll on missing indexes: %v", err)
	}
	if err := e.DeleteShows(ctx, []string{"x"}); err != nil {
		t.Errorf("DeleteShows on a missing index: %v", err)
	}

	// An invalid filter answer.
	if err := e.Setup(ctx); err != nil {
		t.Fatal(err)
	}
	f.injectOnce("POST", "/indexes/shows/search", 400, `{"message":"Attribute `+"`x`"+` is not filterable.","code":"invalid_search_filter","type":"invalid_request","link":"https://docs.meilisearch.com/errors#invalid_search_filter"}`)
	_, err = e.SearchShows(ctx, discovery.ShowQuery{Limit: 1})
	if !errors.As(err, &me) || me.Code != "invalid_search_filter" || me.Status != 400 || errors.Is(err, discovery.ErrUnavailable) {
		t.Errorf("got %v", err)
	}

	// A wrong key: invalid_api_key (403).
	bad, _ := New(f.srv.URL, "wrong")
	_, err = bad.SearchShows(ctx, discovery.ShowQuery{Limit: 1})
	if !errors.As(err, &me) || me.Code != "invalid_api_key" || me.Status != 403 || errors.Is(err, discovery.ErrUnavailable) {
		t.Errorf("got %v", err)
	}
}

func TestNew(t *testing.T) {
	for _, u := range []string{"", "localhost:7700", "ftp://x", "http://"} {
		if _, err := New(u, ""); err == nil {
			t.Errorf("New(%q) accepted", u)
		}
	}
	f := newFake(t)
	e, err := New(f.srv.URL+"/", f.key, WithIndexPrefix("t1_"), WithPollInterval(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Setup(context.Background()); err != nil {
		t.Fatal(err)
	}
	f.locked(func() {
		if _, ok := f.indexes["t1_shows"]; !ok {
			t.Errorf("indexes %v", f.indexes)
		}
	})
	for _, r := range f.takeLog() {
		if strings.Contains(r.Path, "//") {
			t.Errorf("path %s", r.Path)
		}
	}
}

// TestBehaviourSuiteOnFake runs the shared behaviour suite through the
// adapter against the fake server: the adapter's filters, sorts, pagination,
// facets and write waits must give the suite's exact answers when
// Meilisearch evaluates them as documented (the text matching is the fake's
// imitation; TestBehaviourSuite runs the same suite on a real server).
//
// The fake runs without typos on the last-word prefix here: Meilisearch
// matches "speaker" to "sneakers" (prefix "sneaker", one typo, same first
// letter), which the suite's Freshness group expects not to match. That is a
// text-matching question for the suite and the real server, not something
// the adapter controls.
func TestBehaviourSuiteOnFake(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) discovery.Engine {
		f := newFake(t)
		f.noPrefixTypos = true
		return newEngine(t, f)
	})
}

func TestFakeMatchesLikeMeilisearch(t *testing.T) {
	for _, c := range []struct {
		q, w   string
		prefix bool
		want   int
	}{
		{"lipstik", "lipstick", false, 1},
		{"lipstik", "lipstick", true, 1},
		{"headphnes", "headphone", false, 2},
		{"head", "headphones", true, 0},
		{"head", "headphones", false, -1},
		{"glow", "glw", false, -1},          // 4 letters: no typo
		{"speaker", "sneakers", true, 1},    // prefix "sneaker", one typo
		{"speaker", "sneakers", false, -1},  // whole word: two typos
		{"lipstick", "kipstick", false, -1}, // first letter counts twice
		{"headphones", "jeadphones", false, 2},
	} {
		if got := wordTypos(c.q, c.w, c.prefix, true); got != c.want {
			t.Errorf("wordTypos(%q, %q, prefix %v) = %d, want %d", c.q, c.w, c.prefix, got, c.want)
		}
	}
}
