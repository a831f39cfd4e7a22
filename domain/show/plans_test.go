package show_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
)

// seedShows inserts a host and its shows, each named by status: ENDED ones
// in the past, then LIVE ones, then SCHEDULED ones, five minutes apart.
func seedShows(tb testing.TB, d *bun.DB, ended, live, scheduled int) {
	tb.Helper()
	ctx := context.Background()
	now := time.Now().UTC()
	if _, err := d.NewRaw(`INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ('host-user', 'host@example.com', 'Host', 'x', ?)`, now).Exec(ctx); err != nil {
		tb.Fatal(err)
	}
	if _, err := d.NewRaw(`INSERT INTO influencers (id, user_id, handle, display_name, bio, created_at) VALUES ('host', 'host-user', 'host', 'Host', '', ?)`, now).Exec(ctx); err != nil {
		tb.Fatal(err)
	}
	start := now.Add(-time.Duration(ended) * 5 * time.Minute)
	type batch struct {
		status string
		n      int
	}
	i := 0
	for _, b := range []batch{{show.StatusEnded, ended}, {show.StatusLive, live}, {show.StatusScheduled, scheduled}} {
		var rows []*show.Show
		for range b.n {
			at := start.Add(time.Duration(i) * 5 * time.Minute)
			rows = append(rows, &show.Show{ID: fmt.Sprintf("show-%07d", i), HostID: "host", Title: "Show", Category: "misc",
				Status: b.status, ScheduledStart: at, ScheduledEnd: at.Add(time.Hour), CreatedAt: now, UpdatedAt: now})
			i++
			if len(rows) == 1000 {
				if _, err := d.NewInsert().Model(&rows).Exec(ctx); err != nil {
					tb.Fatal(err)
				}
				rows = rows[:0]
			}
		}
		if len(rows) > 0 {
			if _, err := d.NewInsert().Model(&rows).Exec(ctx); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

// TestListingWalksTheListedShows: the public listing (SCHEDULED and LIVE,
// the default), its count and its next pages read the partial index of
// listed shows, starting a next page at the cursor within it, on both
// databases: their cost follows the listed shows, not every show ever held.
// The statements are the ones the service ran (captured).
func TestListingWalksTheListedShows(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		ctx := context.Background()
		seedShows(t, d, 30, 2, 5)
		svc := show.NewService(d, kernel.SystemClock{}, show.Options{})
		counter := &db.QueryCounter{}
		d.AddQueryHook(counter)
		first, err := svc.List(ctx, kernel.Viewer{}, show.Filter{}, kernel.PageRequest{First: 3})
		if err != nil {
			t.Fatal(err)
		}
		if first.TotalCount != 7 || len(first.Items) != 3 || first.Items[0].Status != show.StatusLive {
			t.Fatalf("first page: %d of %d, first %+v; want 3 of the 7 listed, LIVE first", len(first.Items), first.TotalCount, first.Items[0])
		}
		next, err := svc.List(ctx, kernel.Viewer{}, show.Filter{Statuses: []string{show.StatusLive, show.StatusScheduled}},
			kernel.PageRequest{First: 3, After: first.Items[2].ID, SkipCount: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(next.Items) != 3 || next.Items[0].ID <= first.Items[2].ID {
			t.Fatalf("next page %+v does not follow %s", next.Items, first.Items[2].ID)
		}
		var plans []string
		for _, q := range counter.Statements() {
			if strings.Contains(q, `FROM "shows" AS "sh"`) {
				plans = append(plans, testkit.Explain(t, d, q))
			}
		}
		if len(plans) != 3 { // count, first page, next page
			t.Fatalf("%d listing statements seen, want 3", len(plans))
		}
		for i, plan := range plans {
			if !strings.Contains(plan, "shows_listed") {
				t.Fatalf("listing statement %d does not read shows_listed:\n%s", i, plan)
			}
		}
		// The next page's range starts at the cursor in the index.
		cursor := "USING INDEX shows_listed (scheduled_start>?)"
		if d.Dialect().Name() == dialect.PG {
			cursor = "Index Cond: (ROW(scheduled_start, id) > "
		}
		if !strings.Contains(plans[2], cursor) {
			t.Fatalf("the next page does not start its index range at the cursor:\n%s", plans[2])
		}
	})
}
