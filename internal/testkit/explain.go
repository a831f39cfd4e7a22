package testkit

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// Explain returns the plan of statement q: PostgreSQL's EXPLAIN with
// sequential scans off (so that the planner's choice does not depend on a
// test's tiny tables), SQLite's EXPLAIN QUERY PLAN (the detail column).
func Explain(t testing.TB, d *bun.DB, q string) string {
	t.Helper()
	ctx := context.Background()
	c, err := d.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	prefix, detail := "EXPLAIN ", 0
	if d.Dialect().Name() == dialect.PG {
		if _, err := c.ExecContext(ctx, "SET enable_seqscan = off"); err != nil {
			t.Fatal(err)
		}
		defer func() { _, _ = c.ExecContext(ctx, "DISCARD ALL") }() // the connection goes back to the pool as it came
	} else {
		prefix, detail = "EXPLAIN QUERY PLAN ", 3 // id, parent, notused, detail
	}
	rows, err := c.QueryContext(ctx, prefix+q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var plan strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&plan, "%v\n", vals[detail])
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan.String()
}

// PlansPostgres is a fresh, migrated PostgreSQL database for a benchmark or
// test about PostgreSQL's plans; without TEST_DATABASE_URL it skips tb.
func PlansPostgres(tb testing.TB) *bun.DB {
	tb.Helper()
	if os.Getenv("TEST_DATABASE_URL") == "" {
		tb.Skip("TEST_DATABASE_URL not set: this is about PostgreSQL's plans")
	}
	return OpenPostgres(tb)
}

// Exec runs statements on d in order, failing tb at the first error.
func Exec(tb testing.TB, d bun.IDB, statements ...string) {
	tb.Helper()
	for _, q := range statements {
		if _, err := d.ExecContext(context.Background(), q); err != nil {
			tb.Fatalf("%s: %v", q, err)
		}
	}
}
