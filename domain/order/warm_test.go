package order_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestWarmPreparesEveryConnection: after Warm, every connection of the
// PostgreSQL pool has the checkout's four reads (a cart, carts together,
// products, attributions) prepared and planned, which a first rush after a
// start would otherwise do on all of them at once; before Warm, none has.
// On SQLite Warm has nothing to do.
func TestWarmPreparesEveryConnection(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		ctx := context.Background()
		svc := order.NewService(d, kernel.NewManualClock(testkit.Epoch), order.Options{})
		if d.Dialect().Name() != dialect.PG {
			if err := svc.Warm(ctx); err != nil {
				t.Fatalf("Warm on SQLite: %v", err)
			}
			return
		}
		if err := db.Warm(ctx, d); err != nil {
			t.Fatal(err)
		}
		before := planned(t, d)
		if err := svc.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		after := planned(t, d)
		if len(after) == 0 {
			t.Fatal("the pool has no connection limit: nothing to check")
		}
		for i := range after {
			if before[i] != 0 || after[i] != 4 {
				t.Errorf("connection %d: %d statements prepared and planned before Warm, %d after; want 0 and 4", i, before[i], after[i])
			}
		}
	})
}

// planned holds every connection of d's pool at once and counts, on each,
// the statements prepared through the protocol that PostgreSQL has planned.
func planned(t *testing.T, d *bun.DB) []int {
	t.Helper()
	ctx := context.Background()
	n := d.DB.Stats().MaxOpenConnections
	conns := make([]*sql.Conn, n)
	for i := range conns {
		c, err := d.DB.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	counts := make([]int, n)
	for i, c := range conns {
		if err := c.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_prepared_statements WHERE NOT from_sql AND generic_plans + custom_plans > 0").Scan(&counts[i]); err != nil {
			t.Fatal(err)
		}
	}
	return counts
}
