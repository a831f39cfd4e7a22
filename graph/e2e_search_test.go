package graph_test

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/search/embedded"
	"github.com/livemarket/livemarket/workers"
)

// drainIndexJobs runs the pending index jobs through the real handlers, as
// the worker would.
func drainIndexJobs(t *testing.T, s *testkit.Server) {
	t.Helper()
	h := &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery}
	ctx := context.Background()
	ms, err := outbox.Pending(ctx, s.DB, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if err := h.Mux().ProcessTask(ctx, newTask(m)); err != nil {
			t.Fatalf("job %s: %v", m.Kind, err)
		}
		if err := outbox.MarkRelayed(ctx, s.DB, m.ID, s.Clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
}

func searchServer(t *testing.T, db *bun.DB) *testkit.Server {
	t.Helper()
	eng, err := embedded.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	if err := eng.Setup(context.Background()); err != nil {
		t.Fatal(err)
	}
	return testkit.NewServer(t, db, func(o *app.Options) { o.Search = eng })
}

const searchShowsQ = `query($q: String!, $f: ShowSearchFilter, $first: Int, $after: String){
	searchShows(query:$q, filter:$f, first:$first, after:$after){ totalCount edges{ cursor node{ id title status } } pageInfo{ hasNextPage endCursor }
		facets{ name values{ value label count } } } }`

const searchProductsQ = `query($q: String!, $f: ProductSearchFilter, $s: ProductSearchSort){
	searchProducts(query:$q, filter:$f, sort:$s){ totalCount edges{ node{ product{ id title price{ amountMinor } } shows{ id } } }
		facets{ name values{ value label count } } } }`

type showHits struct {
	SearchShows struct {
		TotalCount int
		Edges      []struct {
			Node struct{ ID, Title, Status string }
		}
		Facets []struct {
			Name   string
			Values []struct {
				Value, Label string
				Count        int
			}
		}
	}
}

type productHits struct {
	SearchProducts struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				Product struct {
					ID    string
					Title string
					Price struct{ AmountMinor int64 }
				}
				Shows []struct{ ID string }
			}
		}
	}
}

// TestSearchThroughTheAPI: a published show and its products become
// searchable once their index jobs run; typos are tolerated; facets label
// vendors; a cancelled show disappears; a price change is reflected.
func TestSearchThroughTheAPI(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := searchServer(t, db)
		m := newShowMarket(t, s)
		id := m.scheduledShow(t, 48*time.Hour)
		var hits showHits
		s.MustDo(t, "", searchShowsQ, map[string]any{"q": "glow"}, &hits)
		if hits.SearchShows.TotalCount != 0 {
			t.Fatalf("searchable before its index job ran: %+v", hits)
		}
		drainIndexJobs(t, s)
		s.MustDo(t, "", searchShowsQ, map[string]any{"q": "Frday glwo"}, &hits) // typos
		if hits.SearchShows.TotalCount != 1 || hits.SearchShows.Edges[0].Node.ID != id {
			t.Fatalf("typo search: %+v", hits.SearchShows)
		}
		var vendorFacet map[string]string
		for _, f := range hits.SearchShows.Facets {
			if f.Name == "vendor" {
				vendorFacet = map[string]string{}
				for _, v := range f.Values {
					vendorFacet[v.Value] = v.Label
				}
			}
		}
		if vendorFacet[m.vendorID] != "Vendor collab-co" {
			t.Fatalf("vendor facet: %+v", hits.SearchShows.Facets)
		}

		var ph productHits
		s.MustDo(t, "", searchProductsQ, map[string]any{"q": "product lip"}, &ph)
		if ph.SearchProducts.TotalCount != 1 || ph.SearchProducts.Edges[0].Node.Product.ID != m.productID ||
			len(ph.SearchProducts.Edges[0].Node.Shows) != 1 || ph.SearchProducts.Edges[0].Node.Shows[0].ID != id {
			t.Fatalf("product search: %+v", ph.SearchProducts)
		}
		// A price change is reflected after its job.
		s.MustDo(t, m.owner, `mutation($id: ID!){ productUpdate(input:{id:$id, price:{amountMinor: 500, currency:"USD"}}){ errors{ code } } }`,
			map[string]any{"id": m.productID}, nil)
		drainIndexJobs(t, s)
		s.MustDo(t, "", searchProductsQ, map[string]any{"q": "", "f": map[string]any{"maxPriceMinor": 600}}, &ph)
		if ph.SearchProducts.TotalCount != 1 || ph.SearchProducts.Edges[0].Node.Product.Price.AmountMinor != 500 {
			t.Fatalf("after a price change: %+v", ph.SearchProducts)
		}
		// A product dropped from the show leaves the products index.
		s.MustDo(t, m.host, `mutation($id: ID!, $p: [ID!]){ showUpdate(input:{id:$id, productIds:$p}){ errors{ code field message } } }`,
			map[string]any{"id": id, "p": []string{m.product2ID}}, nil)
		drainIndexJobs(t, s)
		s.MustDo(t, "", searchProductsQ, map[string]any{"q": ""}, &ph)
		if ph.SearchProducts.TotalCount != 1 || ph.SearchProducts.Edges[0].Node.Product.ID != m.product2ID {
			t.Fatalf("after replacing the featured products: %+v", ph.SearchProducts)
		}
		// Cancelling removes the show and its products (featured nowhere else).
		s.MustDo(t, m.host, `mutation($id: ID!){ showCancel(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": id}, nil)
		drainIndexJobs(t, s)
		s.MustDo(t, "", searchShowsQ, map[string]any{"q": "glow"}, &hits)
		s.MustDo(t, "", searchProductsQ, map[string]any{"q": ""}, &ph)
		if hits.SearchShows.TotalCount != 0 || ph.SearchProducts.TotalCount != 0 {
			t.Fatalf("cancelled show still found: %d shows, %d products", hits.SearchShows.TotalCount, ph.SearchProducts.TotalCount)
		}
	})
}

func TestSearchUnavailable(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) { o.Search = discovery.Unavailable{} })
	r := s.Do(t, "", `{ searchShows(query:"x"){ totalCount } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Code() != "SEARCH_UNAVAILABLE" {
		t.Fatalf("errors = %+v", r.Errors)
	}
	// Other queries keep working.
	s.MustDo(t, "", `{ products { totalCount } shows { totalCount } }`, nil, nil)
}

func newTask(m *outbox.Message) *asynq.Task { return asynq.NewTask(m.Kind, []byte(m.Payload)) }

// TestPublishedShowIsSearchableWithinTwoSeconds runs the local-mode stack —
// embedded Redis, the worker with its default intervals, the embedded
// engine — and publishes a show through the API.
func TestPublishedShowIsSearchableWithinTwoSeconds(t *testing.T) {
	s := searchServer(t, testkit.OpenSQLite(t))
	s.Clock.Set(time.Now())
	mr := miniredis.RunT(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- workers.Run(ctx, workers.Options{Redis: asynq.RedisClientOpt{Addr: mr.Addr()}, DB: s.DB, Clock: s.Clock,
			Handlers: &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery}})
	}()
	defer func() { cancel(); <-done }()
	m := newShowMarket(t, s)
	published := time.Now()
	id := m.scheduledShow(t, 48*time.Hour)
	for {
		var hits showHits
		s.MustDo(t, "", searchShowsQ, map[string]any{"q": "friday"}, &hits)
		if hits.SearchShows.TotalCount == 1 && hits.SearchShows.Edges[0].Node.ID == id {
			t.Logf("searchable %v after publishing", time.Since(published).Round(time.Millisecond))
			return
		}
		if time.Since(published) > 2*time.Second {
			t.Fatal("the published show was not searchable within 2 seconds")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
