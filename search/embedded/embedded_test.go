package embedded

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/search/searchtest"
)

func TestSuiteMemory(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) discovery.Engine {
		e, err := OpenMemory()
		if err != nil {
			t.Fatalf("OpenMemory: %v", err)
		}
		t.Cleanup(func() { _ = e.Close() })
		return e
	})
}

func TestSuiteDisk(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) discovery.Engine {
		e, err := Open(t.TempDir())
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { _ = e.Close() })
		return e
	})
}

func TestReopenKeepsDocuments(t *testing.T) {
	ctx := t.Context()
	dir := filepath.Join(t.TempDir(), "data", "search")
	e, err := Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if !e.NeedsReindex() {
		t.Errorf("NeedsReindex on a new directory = false")
	}
	shows, products := searchtest.Fixture()
	if err := e.UpsertShows(ctx, shows); err != nil {
		t.Fatal(err)
	}
	if err := e.UpsertProducts(ctx, products); err != nil {
		t.Fatal(err)
	}
	if err := e.DeleteShows(ctx, []string{"s10"}); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := e.Close(); err != nil {
		t.Fatalf("Close twice: %v", err)
	}

	e, err = Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { _ = e.Close() })
	if e.NeedsReindex() {
		t.Errorf("NeedsReindex after reopen = true")
	}
	if err := e.Setup(ctx); err != nil {
		t.Fatalf("Setup: %v", err)
	}
	res, err := e.SearchShows(ctx, discovery.ShowQuery{Text: "lipstik", Statuses: []string{"SCHEDULED", "LIVE"}, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(slices.Values(res.IDs))
	if !slices.Equal(got, []string{"s01", "s02", "s08"}) {
		t.Errorf("shows lipstik after reopen = %v", got)
	}
	res, err = e.SearchShows(ctx, discovery.ShowQuery{Statuses: []string{"SCHEDULED", "LIVE"}, Limit: 0})
	if err != nil || res.Total != 9 {
		t.Errorf("shows after reopen: total %v, err %v; want 9", res, err)
	}
	res, err = e.SearchProducts(ctx, discovery.ProductQuery{Sort: discovery.SortPriceDesc, Limit: 1})
	if err != nil || res.Total != 15 || !slices.Equal(res.IDs, []string{"p15"}) {
		t.Errorf("products after reopen: %+v, err %v; want [p15] of 15", res, err)
	}

	// DeleteAll on disk, then reopen: still empty.
	if err := e.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	e, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = e.Close() })
	res, err = e.SearchProducts(ctx, discovery.ProductQuery{Limit: 10})
	if err != nil || res.Total != 0 {
		t.Errorf("products after DeleteAll and reopen: %+v, err %v", res, err)
	}
}

func TestOldSchemaIsRecreated(t *testing.T) {
	dir := t.TempDir()
	e, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	shows, _ := searchtest.Fixture()
	if err := e.UpsertShows(t.Context(), shows); err != nil {
		t.Fatal(err)
	}
	if err := e.shows.SetInternal([]byte(schemaKey), []byte("older")); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	e, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if !e.NeedsReindex() {
		t.Errorf("NeedsReindex = false for an old schema")
	}
	res, err := e.SearchShows(t.Context(), discovery.ShowQuery{Statuses: []string{"SCHEDULED", "LIVE"}, Limit: 10})
	if err != nil || res.Total != 0 {
		t.Errorf("shows after schema change: %+v, %v; want empty", res, err)
	}
}

func TestClosedIsUnavailable(t *testing.T) {
	for name, open := range map[string]func(t *testing.T) (*Engine, error){
		"memory": func(*testing.T) (*Engine, error) { return OpenMemory() },
		"disk":   func(t *testing.T) (*Engine, error) { return Open(t.TempDir()) },
	} {
		t.Run(name, func(t *testing.T) {
			e, err := open(t)
			if err != nil {
				t.Fatal(err)
			}
			if err := e.Close(); err != nil {
				t.Fatal(err)
			}
			ctx := t.Context()
			_, errShows := e.SearchShows(ctx, discovery.ShowQuery{Text: "x", Limit: 1})
			_, errProducts := e.SearchProducts(ctx, discovery.ProductQuery{Limit: 1})
			for op, err := range map[string]error{
				"Setup":          e.Setup(ctx),
				"UpsertShows":    e.UpsertShows(ctx, []discovery.ShowDoc{{ID: "s"}}),
				"UpsertProducts": e.UpsertProducts(ctx, []discovery.ProductDoc{{ID: "p"}}),
				"DeleteShows":    e.DeleteShows(ctx, []string{"s"}),
				"DeleteProducts": e.DeleteProducts(ctx, []string{"p"}),
				"DeleteAll":      e.DeleteAll(ctx),
				"SearchShows":    errShows,
				"SearchProducts": errProducts,
			} {
				if !errors.Is(err, discovery.ErrUnavailable) {
					t.Errorf("%s after Close: %v, want ErrUnavailable", op, err)
				}
			}
		})
	}
}

func TestOpenOnAFileIsUnavailable(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(f, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(f); !errors.Is(err, discovery.ErrUnavailable) {
		t.Errorf("Open(file) = %v, want ErrUnavailable", err)
	}
}

func TestCanceledContext(t *testing.T) {
	e, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := e.SearchShows(ctx, discovery.ShowQuery{Limit: 1}); !errors.Is(err, context.Canceled) || errors.Is(err, discovery.ErrUnavailable) {
		t.Errorf("SearchShows(canceled) = %v, want context.Canceled only", err)
	}
	if err := e.UpsertProducts(ctx, []discovery.ProductDoc{{ID: "p"}}); !errors.Is(err, context.Canceled) {
		t.Errorf("UpsertProducts(canceled) = %v, want context.Canceled", err)
	}
}

func TestTextSemantics(t *testing.T) {
	e, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := t.Context()
	docs := []discovery.ProductDoc{
		{ID: "a", Title: "Crème Brûlée Torch"},
		{ID: "b", Title: "Headphones Case"},
		{ID: "c", Title: "Wireless Charger"},
		{ID: "d", Title: "Wireless Headphones"},
		{ID: "e", Title: "Mug"},
	}
	if err := e.UpsertProducts(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"creme brulee", []string{"a"}},             // folded accents
		{"head", []string{"b", "d"}},                // last word as prefix
		{"head ", []string{}},                       // ... not when followed by a space
		{"mgu", []string{}},                         // 3 letters: no typo
		{"mug", []string{"e"}},                      //
		{"wirelss", []string{"c", "d"}},             // 7 letters: 1 typo
		{"wirlss", []string{}},                      // ... not 2
		{"headphnoes", []string{"b", "d"}},          // 10 letters: 2 typos
		{"wireless headphones", []string{"c", "d"}}, // first word required, others rank
		{"headphones wireless", []string{"b", "d"}},
	} {
		res, err := e.SearchProducts(ctx, discovery.ProductQuery{Text: c.text, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		got := slices.Sorted(slices.Values(res.IDs))
		if got == nil {
			got = []string{}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
		if c.text == "wireless headphones" && (len(res.IDs) == 0 || res.IDs[0] != "d") {
			t.Errorf("%q: %v, want d first (matches both words)", c.text, res.IDs)
		}
	}
}

func TestLargeBatchesAndConcurrency(t *testing.T) {
	e, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := t.Context()
	docs := generateProducts(5_000)
	if err := e.UpsertProducts(ctx, docs); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 20 {
				if _, err := e.SearchProducts(ctx, discovery.ProductQuery{Text: benchTexts[(i+j)%len(benchTexts)], Limit: 10}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	ids := make([]string, 0, 3_000)
	for _, d := range docs[:3_000] {
		ids = append(ids, d.ID)
	}
	if err := e.DeleteProducts(ctx, ids); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	res, err := e.SearchProducts(ctx, discovery.ProductQuery{Limit: 0})
	if err != nil || res.Total != 2_000 {
		t.Fatalf("after deleting 3000 of 5000: %+v, %v", res, err)
	}
	sum := 0
	for _, n := range res.Facets[discovery.FacetCategory] {
		sum += n
	}
	if sum != 2_000 {
		t.Errorf("category facet sums to %d, want 2000", sum)
	}
}

// ---- benchmark -----------------------------------------------------------------

var benchCategories = []string{"beauty", "electronics", "fashion", "home", "kitchen", "sports", "toys", "books", "garden", "jewelry", "pets", "outdoors"}

var benchAdjectives = []string{"wireless", "organic", "vintage", "portable", "smart", "handmade", "premium", "classic", "compact", "waterproof",
	"velvet", "matte", "linen", "ceramic", "bamboo", "leather", "scented", "ergonomic", "foldable", "insulated"}

var benchNouns = []string{"headphones", "lipstick", "speaker", "sneakers", "candle", "skillet", "backpack", "watch", "serum", "blender",
	"lamp", "jacket", "tent", "necklace", "puzzle", "novel", "planter", "leash", "bottle", "keyboard", "mirror", "blanket", "kettle", "scarf"}

var benchWords = []string{"daily", "gift", "travel", "studio", "everyday", "limited", "edition", "soft", "durable", "lightweight", "eco",
	"friendly", "stainless", "steel", "cotton", "wool", "charging", "battery", "noise", "cancelling", "glow", "shine", "warm", "cozy"}

// benchTexts mix exact words, typos and two-word queries.
var benchTexts = []string{"headphones", "lipstik", "wireless speaker", "organic candle", "sneakrs", "ceramic", "headphnes", "smart watch", "velvet", "backpak"}

// generateProducts makes n deterministic products across 12 categories and
// 500 vendors, each featured in 1-3 shows over the next 30 days.
func generateProducts(n int) []discovery.ProductDoc {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	docs := make([]discovery.ProductDoc, n)
	for i := range docs {
		vendor := r.IntN(500)
		shows := 1 + r.IntN(3)
		d := discovery.ProductDoc{
			ID:          fmt.Sprintf("p%06d", i),
			Title:       pick(benchAdjectives) + " " + pick(benchAdjectives) + " " + pick(benchNouns),
			Description: pick(benchWords) + " " + pick(benchWords) + " " + pick(benchNouns) + " " + pick(benchWords) + " " + pick(benchWords),
			Category:    pick(benchCategories),
			VendorID:    fmt.Sprintf("v%03d", vendor),
			VendorName:  fmt.Sprintf("Vendor %s %d", pick(benchWords), vendor),
			PriceMinor:  int64(100 + r.IntN(50_000)),
			Currency:    "EUR",
		}
		for range shows {
			start := searchtest.T0 + int64(r.IntN(30*24))*searchtest.Hour
			d.ShowIDs = append(d.ShowIDs, fmt.Sprintf("s%05d", r.IntN(20_000)))
			d.ShowStarts = append(d.ShowStarts, start)
			d.InfluencerIDs = append(d.InfluencerIDs, fmt.Sprintf("i%04d", r.IntN(2_000)))
		}
		d.NextStart = slices.Min(d.ShowStarts)
		docs[i] = d
	}
	return docs
}

const benchProducts = 100_000

var bench struct {
	once sync.Once
	dir  string
	e    *Engine
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.e != nil {
		_ = bench.e.Close()
	}
	if bench.dir != "" {
		_ = os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// benchEngine builds the 100k-product on-disk index once per test binary (as
// local mode runs it), writing it in reindex-sized batches and then waiting
// for scorch's background merges to settle.
func benchEngine(b *testing.B) *Engine {
	bench.once.Do(func() {
		start := time.Now()
		bench.dir, bench.err = os.MkdirTemp("", "livemarket-bench-*")
		if bench.err != nil {
			return
		}
		e, err := Open(bench.dir)
		if err != nil {
			bench.err = err
			return
		}
		bench.e = e
		docs := generateProducts(benchProducts)
		for i := 0; i < len(docs); i += 5_000 {
			if err := e.UpsertProducts(context.Background(), docs[i:min(i+5_000, len(docs))]); err != nil {
				bench.err = err
				return
			}
		}
		segments := settle(e)
		// Printed rather than logged: a parent benchmark's log is not shown.
		fmt.Printf("on-disk index of %d products built in %v (%v segments after merging)\n", benchProducts, time.Since(start).Round(time.Millisecond), segments)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.e
}

// settle waits (at most a minute) until the products index has persisted
// every in-memory segment and its file segment count has been stable for
// 1.5 s; it returns that count.
func settle(e *Engine) any {
	var last any
	stable := 0
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline) && stable < 3; {
		time.Sleep(500 * time.Millisecond)
		st, _ := e.products.StatsMap()["index"].(map[string]interface{})
		n := st["num_root_filesegments"]
		if fmt.Sprint(st["num_root_memorysegments"]) == "0" && fmt.Sprint(n) == fmt.Sprint(last) {
			stable++
		} else {
			stable = 0
		}
		last = n
	}
	return last
}

// BenchmarkSearch reports the latency of one product query over 100,000
// products for three query shapes (ns/op is the mean; p50 and p99 are
// reported too).
func BenchmarkSearch(b *testing.B) {
	e := benchEngine(b)
	shapes := []struct {
		name   string
		facets bool
		query  func(i int) discovery.ProductQuery
	}{
		{"text", false, func(i int) discovery.ProductQuery {
			return discovery.ProductQuery{Text: benchTexts[i%len(benchTexts)], Limit: 20}
		}},
		{"text+filter", false, func(i int) discovery.ProductQuery {
			lo := int64(1_000 + (i%5)*2_000)
			return discovery.ProductQuery{Text: benchTexts[i%len(benchTexts)], Category: benchCategories[i%len(benchCategories)],
				MinPrice: &lo, MaxPrice: ptr(lo + 10_000), Limit: 20}
		}},
		{"text+filter+facets", true, func(i int) discovery.ProductQuery {
			lo := int64(1_000 + (i%5)*2_000)
			return discovery.ProductQuery{Text: benchTexts[i%len(benchTexts)], Category: benchCategories[i%len(benchCategories)],
				MinPrice: &lo, MaxPrice: ptr(lo + 10_000), Limit: 20}
		}},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			ctx := context.Background()
			lat := make([]time.Duration, 0, b.N)
			hits := 0
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				res, err := e.searchProducts(ctx, s.query(i), s.facets)
				lat = append(lat, time.Since(t0))
				if err != nil {
					b.Fatal(err)
				}
				hits += res.Total
			}
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
			b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
		})
	}
}

func ptr(v int64) *int64 { return &v }
