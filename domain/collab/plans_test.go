package collab_test

import (
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestListReadsTheViewersIndexes: a viewer's collaborations list (and its
// count) looks up the indexes of the viewer's parts, on both databases: by
// influencer, by the vendors it is staff of, or both; its cost follows the
// viewer's collaborations, not every collaboration in the marketplace. The
// statements are the ones the service ran (captured).
func TestListReadsTheViewersIndexes(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		e.book(t, e.inf1V, e.offer(t, e.product(t, e.vendorA, "shoes"), 1000))
		e.request(t, e.staffInf, e.product(t, e.vendorB, "hats"), 1500)
		for _, tc := range []struct {
			name string
			v    kernel.Viewer
			want []string
		}{
			{"influencer", e.inf1V, []string{"collaborations_influencer_idx"}},
			{"vendor staff", e.staffA, []string{"collaborations_vendor_idx"}},
			{"staff who is an influencer", e.staffInf, []string{"collaborations_influencer_idx", "collaborations_vendor_idx"}},
		} {
			counter := &db.QueryCounter{}
			d.AddQueryHook(counter)
			if _, err := e.svc.List(ctx, tc.v, collab.Filter{}, page(10)); err != nil {
				t.Fatal(err)
			}
			var plans []string
			for _, q := range counter.Statements() {
				if strings.Contains(q, `FROM "collaborations" AS "c"`) {
					plans = append(plans, testkit.Explain(t, d, q))
				}
			}
			if len(plans) != 2 { // the count and the page
				t.Fatalf("%s: %d list statements seen, want 2", tc.name, len(plans))
			}
			for i, plan := range plans {
				for _, index := range tc.want {
					if !strings.Contains(plan, index) {
						t.Fatalf("%s: list statement %d does not read %s:\n%s", tc.name, i, index, plan)
					}
				}
			}
		}
	})
}
