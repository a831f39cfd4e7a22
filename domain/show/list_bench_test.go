package show_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/internal/testkit"
)

// BenchmarkShowListing: the public show listing (SCHEDULED and LIVE, soonest
// first, pages of 20) on PostgreSQL among 200,000 shows, of which 195,000
// ended before the 50 LIVE and 4,950 SCHEDULED ones: the first page, the
// first page with its totalCount, and the page after the 2,000th listed
// show. First through the partial index of listed shows (migration 16),
// then, in the same run, as before it: the index dropped and the next page
// read with the cursor's two comparisons joined by OR (the statement before
// the row-value cursor).
//
//	TEST_DATABASE_URL=postgres://… go test -run '^$' -bench ShowListing -count 5 ./domain/show
func BenchmarkShowListing(b *testing.B) {
	ctx := context.Background()
	d := testkit.PlansPostgres(b)
	seedShows(b, d, 195_000, 50, 4_950)
	testkit.Exec(b, d, "VACUUM ANALYZE shows")
	svc := show.NewService(d, kernel.SystemClock{}, show.Options{})
	const cursor = "show-0197000" // the 2,000th listed show
	list := func(page kernel.PageRequest) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				got, err := svc.List(ctx, kernel.Viewer{}, show.Filter{}, page)
				if err != nil || len(got.Items) != 20 {
					b.Fatalf("%d shows, %v; want a page of 20", len(got.Items), err)
				}
			}
		}
	}
	b.Run("listed-index/first-page", list(kernel.PageRequest{First: 20, SkipCount: true}))
	b.Run("listed-index/first-page+count", list(kernel.PageRequest{First: 20}))
	b.Run("listed-index/next-page", list(kernel.PageRequest{First: 20, After: cursor, SkipCount: true}))
	testkit.Exec(b, d, "DROP INDEX shows_listed")
	b.Run("as-before/first-page", list(kernel.PageRequest{First: 20, SkipCount: true}))
	b.Run("as-before/first-page+count", list(kernel.PageRequest{First: 20}))
	b.Run("as-before/next-page", func(b *testing.B) {
		for b.Loop() {
			var items []*show.Show
			err := d.NewSelect().Model(&items).Where("sh.status IN (?)", bun.List([]string{show.StatusScheduled, show.StatusLive})).
				Where("(sh.scheduled_start > (SELECT scheduled_start FROM shows WHERE id = ?)"+
					" OR (sh.scheduled_start = (SELECT scheduled_start FROM shows WHERE id = ?) AND sh.id > ?))", cursor, cursor, cursor).
				OrderExpr("sh.scheduled_start ASC, sh.id ASC").Limit(21).Scan(ctx)
			if err != nil || len(items) != 21 {
				b.Fatalf("%d shows, %v; want 21", len(items), err)
			}
		}
	})
}
