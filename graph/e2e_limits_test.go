package graph_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
)

// seedCatalog creates vendors × perVendor products through the services.
func seedCatalog(t *testing.T, s *testkit.Server, vendors, perVendor int) {
	t.Helper()
	ctx := context.Background()
	_, ownerID := s.SignUp(t, "seed@example.com", "Seeder")
	owner := kernel.Viewer{UserID: ownerID}
	for v := 0; v < vendors; v++ {
		vd, err := s.App.Vendors.Create(ctx, owner, vendor.CreateInput{Name: fmt.Sprintf("Vendor %d", v), Slug: fmt.Sprintf("vendor-%d", v)})
		if err != nil {
			t.Fatal(err)
		}
		for p := 0; p < perVendor; p++ {
			_, err := s.App.Catalog.Create(ctx, owner, catalog.CreateInput{VendorID: vd.ID, Title: fmt.Sprintf("P%d-%d", v, p),
				Category: "home", Price: kernel.Money{AmountMinor: 100, Currency: "USD"}, Stock: 1, SKU: fmt.Sprintf("S%d-%d", v, p)})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestNestedListsCostConstantQueries proves the dataloaders: listing products
// with their vendors runs the same number of SQL statements for 5 products as
// for 50.
func TestNestedListsCostConstantQueries(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		seedCatalog(t, s, 10, 6)
		count := func(first int) int64 {
			s.Queries.Reset()
			var out struct {
				Products struct {
					Edges []struct {
						Node struct {
							Vendor struct{ ID, Name string }
						}
					}
				}
			}
			s.MustDo(t, "", `query($n: Int){ products(first:$n){ totalCount edges{ node{ id title price{ amountMinor } vendor{ id name slug } } } } }`,
				map[string]any{"n": first}, &out)
			if len(out.Products.Edges) != first {
				t.Fatalf("got %d products, want %d", len(out.Products.Edges), first)
			}
			for _, e := range out.Products.Edges {
				if e.Node.Vendor.Name == "" {
					t.Fatal("vendor not resolved")
				}
			}
			return s.Queries.Count()
		}
		small, large := count(5), count(50)
		t.Logf("SQL statements: 5 products → %d, 50 products → %d", small, large)
		if small != large || large > 3 {
			t.Fatalf("statements: first=5 → %d, first=50 → %d; want equal and at most 3 (count, page, vendors):\n%s",
				small, large, strings.Join(s.Queries.Statements(), "\n"))
		}
	})
}

func TestLimitsRejectBeforeResolvers(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	seedCatalog(t, s, 1, 1)
	deep := `{ me { vendors { products { edges { node { vendor { products { edges { node { vendor { products { edges { node { id } } } } } } } } } } } } } }`
	complex := `{ products(first: 100) { edges { node { vendor { products(first: 100) { edges { node { id title } } } } } } } }`
	for _, c := range []struct{ name, query, code string }{
		{"depth", deep, "DEPTH_LIMIT_EXCEEDED"},
		{"complexity", complex, "COMPLEXITY_LIMIT_EXCEEDED"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.Queries.Reset()
			r := s.Do(t, "", c.query, nil)
			if len(r.Errors) != 1 || r.Errors[0].Code() != c.code {
				t.Fatalf("errors = %+v, want %s", r.Errors, c.code)
			}
			if r.Data != nil && string(r.Data) != "null" {
				t.Fatalf("data = %s, want none", r.Data)
			}
			if n := s.Queries.Count(); n != 0 {
				t.Fatalf("%d SQL statements ran; the request must be refused before any resolver", n)
			}
		})
	}
	// The same shapes within the limits work.
	s.MustDo(t, "", `{ products(first: 20) { edges { node { vendor { products(first: 20) { edges { node { id } } } } } } } }`, nil, nil)
}

func TestRequestBodyLimit(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	body, _ := json.Marshal(map[string]any{"query": "{ me { id } }", "variables": map[string]any{"pad": strings.Repeat("x", 2<<20)}})
	resp, err := http.Post(s.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", resp.StatusCode)
	}
}

func TestAutomaticPersistedQueries(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	seedCatalog(t, s, 1, 2)
	query := `{ products { totalCount } }`
	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	hashOnly, _ := json.Marshal(map[string]any{"extensions": ext})
	withQuery, _ := json.Marshal(map[string]any{"query": query, "extensions": ext})

	if r := s.DoRaw(t, "", hashOnly); len(r.Errors) != 1 || r.Errors[0].Message != "PersistedQueryNotFound" {
		t.Fatalf("unknown hash: %+v", r.Errors)
	}
	for i, body := range [][]byte{withQuery, hashOnly} {
		r := s.DoRaw(t, "", body)
		var out struct{ Products struct{ TotalCount int } }
		if len(r.Errors) > 0 {
			t.Fatalf("request %d: %+v", i, r.Errors)
		}
		r.Decode(t, &out)
		if out.Products.TotalCount != 2 {
			t.Fatalf("request %d: totalCount %d", i, out.Products.TotalCount)
		}
	}
}

func TestIntrospectionOffUnlessEnabled(t *testing.T) {
	off := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) { o.Introspection = false })
	for _, q := range []string{`{ __schema { queryType { name } } }`, `{ __type(name: "Product") { name } }`} {
		if r := off.Do(t, "", q, nil); len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" {
			t.Fatalf("%s while disabled: %+v", q, r.Errors)
		}
	}
	on := testkit.NewServer(t, testkit.OpenSQLite(t))
	var out struct {
		Schema struct{ QueryType struct{ Name string } } `json:"__schema"`
	}
	on.MustDo(t, "", `{ __schema { queryType { name } } }`, nil, &out)
	if out.Schema.QueryType.Name != "Query" {
		t.Fatalf("introspection: %+v", out)
	}
}

func TestInternalErrorsAreHidden(t *testing.T) {
	ctx := context.Background()
	d := testkit.OpenSQLite(t)
	s := testkit.NewServer(t, d)
	// Break the products table underneath the API: the failure must not leak SQL.
	if _, err := d.ExecContext(ctx, "DROP TABLE products"); err != nil {
		t.Fatal(err)
	}
	r := s.Do(t, "", `{ products { totalCount } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Code() != "INTERNAL" || r.Errors[0].Message != "internal error" {
		t.Fatalf("errors = %+v", r.Errors)
	}
	var _ bun.IDB = d
}

// TestTotalCountOnlyWhenSelected: a connection counts its rows only when
// the query selects totalCount (directly or through a fragment): the count
// can cost more than the page (a show's chat, a large vendor's orders).
// The pages and counts are the same either way.
func TestTotalCountOnlyWhenSelected(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		s := testkit.NewServer(t, d)
		token, _ := s.SignUp(t, "counts@example.com", "Counts")
		vendorID := newVendor(t, s, token, "counts")
		for i := 0; i < 3; i++ {
			newProduct(t, s, token, vendorID, fmt.Sprint("C-", i), 1)
		}
		counter := &db.QueryCounter{}
		d.AddQueryHook(counter)
		for _, tc := range []struct {
			name, selection string
			counts          bool
		}{
			{"edges only", `edges{ node{ id } }`, false},
			{"totalCount", `totalCount edges{ node{ id } }`, true},
			{"totalCount in a fragment", `...f edges{ node{ id } }`, true},
			{"totalCount alone", `totalCount`, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				var out struct {
					Products struct {
						TotalCount int
						Edges      []struct{ Node struct{ ID string } }
					}
				}
				q := `query($v: ID){ products(filter:{vendorId:$v}, first: 2){ ` + tc.selection + ` } }`
				if strings.Contains(tc.selection, "...f") {
					q += ` fragment f on ProductConnection { totalCount }`
				}
				counter.Reset()
				s.MustDo(t, "", q, map[string]any{"v": vendorID}, &out)
				counted := false
				for _, st := range counter.Statements() {
					counted = counted || strings.Contains(strings.ToLower(st), "count(")
				}
				if counted != tc.counts {
					t.Fatalf("counted: %v, want %v (statements %q)", counted, tc.counts, counter.Statements())
				}
				wantTotal, wantEdges := 0, 2
				if tc.counts {
					wantTotal = 3
				}
				if tc.selection == "totalCount" {
					wantEdges = 0
				}
				if out.Products.TotalCount != wantTotal || len(out.Products.Edges) != wantEdges {
					t.Fatalf("products %+v, want totalCount %d and %d edges", out.Products, wantTotal, wantEdges)
				}
			})
		}
	})
}
