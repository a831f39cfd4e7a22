package order_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestAttributionReadUsesTheProductIndex: every checkout's attribution read
// finds the shows featuring its products through show_products' index on
// product_id (its key starts with show_id), so that its cost does not grow
// with the number of shows ever held. The plan is PostgreSQL's generic plan,
// as the server runs it, with sequential scans discouraged so that the
// planner's choice does not depend on the test database's tiny tables.
func TestAttributionReadUsesTheProductIndex(t *testing.T) {
	t.Parallel()
	if os.Getenv("TEST_DATABASE_URL") == "" {
		t.Skip("TEST_DATABASE_URL not set: the plan is PostgreSQL's")
	}
	d := testkit.OpenPostgres(t)
	c, err := d.DB.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		_, _ = c.ExecContext(ctx, "DISCARD ALL") // the connection goes back to the pool as it came
		c.Close()
	}()
	for _, q := range []string{
		"SET enable_seqscan = off",
		"SET plan_cache_mode = force_generic_plan",
		"PREPARE credits (text, timestamptz, text, timestamptz, timestamptz, text[], text[]) AS " + order.CreditsQuery,
	} {
		if _, err := c.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	rows, err := c.QueryContext(ctx, `EXPLAIN EXECUTE credits ('u', now(), 'LIVE', now(), now(), '{p}', '{s}')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(line + "\n")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan.String(), "show_products_product") {
		t.Fatalf("the attribution read does not use show_products_product:\n%s", plan.String())
	}
}

// TestCartCleanupOfALargeBatch: the settlement's cart cleanup takes as many
// (buyer, product) pairs as a batch can hold (32 carts of 50 lines) on both
// databases; SQLite refuses a compound SELECT of more than 500 parts.
func TestCartCleanupOfALargeBatch(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		p := e.product(t, e.vendorA, 1000, 10, "USD")
		buyer := e.shopper(t)
		e.add(t, buyer, p, 1, nil)
		users := []string{buyer.UserID}
		for i := 1; i < 32*order.MaxCartLines; i++ {
			users = append(users, fmt.Sprintf("no-such-user-%d", i))
		}
		if n, err := order.CartCleanup(ctx, e.orders, users, p.ID, false); err != nil || n != 1 {
			t.Fatalf("removed %d lines, %v; want the one buyer's line", n, err)
		}
	})
}

// TestReportsReadThePaidLinesIndexes: a vendor's sales report and an
// influencer's earnings find the lines paid in the period through
// order_lines (vendor_id, paid_at) and (influencer_id, paid_at), partial
// indexes of paid lines, on both databases: their cost follows the lines
// of the period, not every line ever sold. The statements are the ones the
// service ran (captured), explained with sequential scans discouraged on
// PostgreSQL so that the choice does not depend on the test's tiny tables.
func TestReportsReadThePaidLinesIndexes(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		counter := &db.QueryCounter{}
		d.AddQueryHook(counter)
		from, to := e.clock.Now().Add(-24*time.Hour), e.clock.Now()
		if _, err := e.orders.VendorReport(ctx, e.staffA, e.vendorA.ID, from, to, order.GroupProduct); err != nil {
			t.Fatal(err)
		}
		if _, err := e.orders.Earnings(ctx, e.hostV, from, to); err != nil {
			t.Fatal(err)
		}
		want := []string{"order_lines_vendor_paid", "order_lines_influencer_paid"}
		var got []string
		for _, q := range counter.Statements() {
			if !strings.Contains(q, "FROM order_lines AS ol") {
				continue
			}
			got = append(got, testkit.Explain(t, d, q))
		}
		if len(got) != len(want) {
			t.Fatalf("%d report statements seen, want %d", len(got), len(want))
		}
		for i, plan := range got {
			if !strings.Contains(plan, want[i]) {
				t.Fatalf("report statement %d does not use %s:\n%s", i, want[i], plan)
			}
		}
	})
}
