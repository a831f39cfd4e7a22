package order_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/livemarket/livemarket/domain/order"
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
	defer c.Close()
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
