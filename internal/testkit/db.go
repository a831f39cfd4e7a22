// Package testkit is shared test support: fresh databases (SQLite always,
// PostgreSQL when TEST_DATABASE_URL is set), an httptest server around the real
// handler, a small GraphQL client and database snapshots.
package testkit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/migrations"
)

// Target is one database engine tests run against.
type Target struct {
	Name string
	// Open returns a fresh, migrated, empty database that is removed when
	// the test ends.
	Open func(t testing.TB) *bun.DB
}

// Targets lists the engines to test: SQLite always, and PostgreSQL when
// TEST_DATABASE_URL is set. Under CI (CI=true) a missing TEST_DATABASE_URL
// fails the test instead of skipping PostgreSQL.
func Targets(t testing.TB) []Target {
	t.Helper()
	ts := []Target{{Name: "sqlite", Open: OpenSQLite}}
	if os.Getenv("TEST_DATABASE_URL") != "" {
		ts = append(ts, Target{Name: "postgres", Open: OpenPostgres})
	} else if os.Getenv("CI") != "" {
		t.Fatal("CI is set but TEST_DATABASE_URL is not: store tests must run on PostgreSQL in CI")
	}
	return ts
}

// ForEachDB runs fn as a subtest on every target.
func ForEachDB(t *testing.T, fn func(t *testing.T, db *bun.DB)) {
	t.Helper()
	for _, tg := range Targets(t) {
		t.Run(tg.Name, func(t *testing.T) { fn(t, tg.Open(t)) })
	}
}

// OpenSQLite returns a migrated SQLite database in a temporary file.
func OpenSQLite(t testing.TB) *bun.DB {
	t.Helper()
	return openMigrated(t, "sqlite:"+filepath.Join(t.TempDir(), "test.db"))
}

// FreshPostgresURL creates an empty database of its own (not migrated) on
// the server TEST_DATABASE_URL names, dropped when the test ends, and returns
// its URL. Without TEST_DATABASE_URL the test is skipped, except under CI.
func FreshPostgresURL(t testing.TB) string {
	t.Helper()
	Service(t, "TEST_DATABASE_URL", "e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable")
	return createPostgres(t)
}

// OpenPostgres creates a database of its own on the server TEST_DATABASE_URL
// names, migrates it and drops it when the test ends.
func OpenPostgres(t testing.TB) *bun.DB {
	t.Helper()
	return openMigrated(t, createPostgres(t))
}

// createPostgres creates a uniquely named database, dropped at cleanup.
func createPostgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		t.Fatal("TEST_DATABASE_URL is not set")
	}
	ctx := context.Background()
	admin, err := db.Open(ctx, base)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "lm_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		a, err := db.Open(context.Background(), base)
		if err != nil {
			t.Logf("drop test database %s: %v", name, err)
			return
		}
		defer a.Close()
		if _, err := a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func openMigrated(t testing.TB, dsn string) *bun.DB {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { d.Close() })
	if _, err := migrations.Up(ctx, d); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return d
}

// AppTables are the tables Snapshot dumps.
var AppTables = []string{"users", "sessions", "sign_in_throttle", "vendors", "vendor_staff", "influencers", "follows", "products",
	"offers", "collaborations", "notifications", "shows", "show_products", "show_reminders",
	"livekit_events", "show_participants", "outbox", "show_notices_sent",
	"chat_messages", "questions", "show_moderators", "show_mutes", "show_events",
	"ledger_postings", "ledger_entries",
	"carts", "cart_lines", "orders", "vendor_orders", "order_lines", "refunds", "refund_lines", "payment_refunds",
	"flash_sales", "flash_sale_buyers", "show_views", "payouts"}

// Snapshot renders every row of the application's tables in a stable order,
// so a test can prove a refused request changed nothing.
func Snapshot(t testing.TB, d bun.IDB) string {
	t.Helper()
	var sb strings.Builder
	for _, table := range AppTables {
		var rows []map[string]any
		if err := d.NewSelect().Table(table).OrderExpr("1, 2").Scan(context.Background(), &rows); err != nil {
			t.Fatalf("snapshot %s: %v", table, err)
		}
		fmt.Fprintf(&sb, "== %s (%d)\n", table, len(rows))
		for _, r := range rows {
			fmt.Fprintf(&sb, "%v\n", r)
		}
	}
	return sb.String()
}
