package catalog_test

import (
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

func pageOf(n int) kernel.PageRequest { return kernel.PageRequest{First: n} }

// Regressions for faults found in review; each failed before its fix.
func TestCatalogRegressions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)

		t.Run("control characters are INVALID, not an internal error", func(t *testing.T) {
			unchanged(t, db, func() {
				in := validInput(e.vendorA.ID, "NUL-1")
				in.Title = "bad\x00title"
				_, err := e.catalog.Create(ctx, e.staffA, in)
				fieldErr(t, err, "INVALID", "input", "title")
				_, err = e.catalog.List(ctx, catalog.Filter{Query: "a\x00"}, pageOf(10))
				fieldErr(t, err, "INVALID", "filter", "query")
			})
		})

		t.Run("text filter folds non-ASCII case on every engine", func(t *testing.T) {
			in := validInput(e.vendorA.ID, "ECOLE-1")
			in.Title = "École Shoe"
			p := e.product(t, e.staffA, in)
			for _, q := range []string{"école", "ÉCOLE", "École", "shoe"} {
				page, err := e.catalog.List(ctx, catalog.Filter{Query: q}, pageOf(10))
				if err != nil {
					t.Fatal(err)
				}
				if len(page.Items) != 1 || page.Items[0].ID != p.ID {
					t.Fatalf("query %q found %d products", q, len(page.Items))
				}
			}
			// Renaming keeps the filter in step.
			if _, err := e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{ID: p.ID, Title: ptr("Straße Boot")}); err != nil {
				t.Fatal(err)
			}
			page, err := e.catalog.List(ctx, catalog.Filter{Query: "STRASSE"}, pageOf(10))
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Items) != 0 {
				t.Fatalf("substring filter is not a stemmer; got %d", len(page.Items))
			}
			page, err = e.catalog.List(ctx, catalog.Filter{Query: "straße"}, pageOf(10))
			if err != nil || len(page.Items) != 1 {
				t.Fatalf("renamed product not found: %v %d", err, len(page.Items))
			}
		})

		t.Run("admin creating for a missing vendor gets NOT_FOUND", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.catalog.Create(ctx, e.admin, validInput("01900000-0000-7000-8000-000000000000", "GHOST-1"))
				fieldErr(t, err, "NOT_FOUND", "input", "vendorId")
			})
		})

		t.Run("AdjustStock returns the new updatedAt", func(t *testing.T) {
			p := e.product(t, e.staffA, validInput(e.vendorA.ID, "TIME-1"))
			e.clock.Advance(time.Hour)
			got, err := e.catalog.AdjustStock(ctx, e.staffA, p.ID, 1)
			if err != nil {
				t.Fatal(err)
			}
			stored := e.get(t, p.ID)
			if !got.UpdatedAt.Equal(e.clock.Now()) || !stored.UpdatedAt.Equal(got.UpdatedAt) {
				t.Fatalf("returned %v, stored %v, want %v", got.UpdatedAt, stored.UpdatedAt, e.clock.Now())
			}
		})

	})
}
