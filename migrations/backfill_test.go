package migrations_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/migrate"

	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/migrations"
)

// TestLinePaidAtBackfill: on a database that sold before order lines had a
// paid_at and a currency, the migration gives each line its order's
// currency, and each line of a paid order its order's paid_at; the lines of
// unpaid orders get none.
func TestLinePaidAtBackfill(t *testing.T) {
	t.Parallel()
	for _, tg := range testkit.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			// The schema as it was: every migration before the backfill's.
			d := migratedBefore(t, tg.Name, "20261126000015")
			paidAt := testkit.Epoch.Add(3 * time.Hour)
			seed(t, d, paidAt)

			if _, err := migrations.Up(ctx, d); err != nil {
				t.Fatal(err)
			}
			checkLines(t, d, paidAt)

			// A process of the previous version, still running, reserves a
			// line (no currency) and settles an order (no paid_at on its
			// lines): the repair the README gives puts both right, and
			// changes nothing when run again.
			for _, q := range []string{
				`UPDATE order_lines SET currency = '' WHERE id = 'line-open'`,
				`UPDATE order_lines SET paid_at = NULL WHERE id = 'line-paid-2'`,
				migrations.RepairOrderLines,
				migrations.RepairOrderLines,
			} {
				if _, err := d.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			checkLines(t, d, paidAt)
		})
	}
}

// checkLines proves every line seed wrote is in its order's currency, and
// paid when its order was, if it was.
func checkLines(t *testing.T, d *bun.DB, paidAt time.Time) {
	t.Helper()
	var lines []struct {
		ID       string     `bun:"id"`
		PaidAt   *time.Time `bun:"paid_at"`
		Currency string     `bun:"currency"`
	}
	if err := d.NewSelect().Table("order_lines").Column("id", "paid_at", "currency").Order("id").Scan(ctx, &lines); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	for _, l := range lines {
		if l.Currency != "EUR" {
			t.Fatalf("%s in %q, want its order's EUR", l.ID, l.Currency)
		}
		switch l.ID {
		case "line-paid-1", "line-paid-2":
			if l.PaidAt == nil || !l.PaidAt.Equal(paidAt) {
				t.Fatalf("%s paid at %v, want %v", l.ID, l.PaidAt, paidAt)
			}
		default:
			if l.PaidAt != nil {
				t.Fatalf("%s of an unpaid order paid at %v", l.ID, *l.PaidAt)
			}
		}
	}
}

// TestREADMEQuotesTheRepairs: the upgrade notes give operators the repair
// statements as the code has them.
func TestREADMEQuotesTheRepairs(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for name, q := range map[string]string{"RepairOrderLines": migrations.RepairOrderLines, "RepairChatCounts": migrations.RepairChatCounts,
		"RepairViewerCounts": migrations.RepairViewerCounts} {
		if !strings.Contains(string(readme), q) {
			t.Fatalf("README.md does not quote migrations.%s:\n%s", name, q)
		}
	}
}

// TestKeptCountsBackfill: migration 17 gives each show the count of its
// visible chat messages (removed ones not counted, a show without chat
// none) and counts its viewers again (the host and those who left not
// counted), and the README's repairs count again what a process of the
// previous version changed without keeping the counts.
func TestKeptCountsBackfill(t *testing.T) {
	t.Parallel()
	for _, tg := range testkit.Targets(t) {
		t.Run(tg.Name, func(t *testing.T) {
			d := migratedBefore(t, tg.Name, "20261126000017")
			at := testkit.Epoch
			exec := func(q string, args ...any) {
				t.Helper()
				if _, err := d.ExecContext(ctx, q, args...); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			exec("INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ('u1', 'u1@example.com', 'U', 'x', ?)", at)
			exec("INSERT INTO influencers (id, user_id, handle, display_name, bio, created_at) VALUES ('i1', 'u1', 'host', 'Host', '', ?)", at)
			exec(`INSERT INTO shows (id, host_id, title, description, category, status, scheduled_start, scheduled_end, created_at, updated_at)
				VALUES ('busy', 'i1', 'Busy', '', 'misc', 'LIVE', ?, ?, ?, ?), ('quiet', 'i1', 'Quiet', '', 'misc', 'LIVE', ?, ?, ?, ?)`,
				at, at.Add(time.Hour), at, at, at, at.Add(time.Hour), at, at)
			exec(`INSERT INTO chat_messages (id, show_id, user_id, body, created_at, removed_at)
				VALUES ('m1', 'busy', 'u1', 'a', ?, NULL), ('m2', 'busy', 'u1', 'b', ?, NULL), ('m3', 'busy', 'u1', 'c', ?, NULL), ('m4', 'busy', 'u1', 'd', ?, ?)`,
				at, at, at, at, at)
			// The busy show's viewers, counted wrong (as racing deliveries could).
			exec(`INSERT INTO show_participants (show_id, identity, is_host, present, last_event_at)
				VALUES ('busy', 'user:u1', ?, ?, 1), ('busy', 'guest:a', ?, ?, 1), ('busy', 'guest:b', ?, ?, 1), ('busy', 'guest:c', ?, ?, 1)`,
				true, true, false, true, false, true, false, false)
			exec("UPDATE shows SET viewer_count = 7 WHERE id = 'busy'")
			if _, err := migrations.Up(ctx, d); err != nil {
				t.Fatal(err)
			}
			counts := func(column string) map[string]int {
				var rows []struct {
					ID    string `bun:"id"`
					Count int    `bun:"n"`
				}
				if err := d.NewSelect().Table("shows").Column("id").ColumnExpr(column+" AS n").Scan(ctx, &rows); err != nil {
					t.Fatal(err)
				}
				m := map[string]int{}
				for _, r := range rows {
					m[r.ID] = r.Count
				}
				return m
			}
			if got := counts("chat_count"); got["busy"] != 3 || got["quiet"] != 0 {
				t.Fatalf("chat after migrating: %v, want busy 3 and quiet 0", got)
			}
			if got := counts("viewer_count"); got["busy"] != 2 || got["quiet"] != 0 {
				t.Fatalf("viewers after migrating: %v, want busy 2 and quiet 0", got)
			}
			// The previous version posts to the quiet show and removes one
			// of the busy show's messages, leaving the counts alone.
			exec("INSERT INTO chat_messages (id, show_id, user_id, body, created_at) VALUES ('m5', 'quiet', 'u1', 'e', ?)", at)
			exec("UPDATE chat_messages SET removed_at = ? WHERE id = 'm1'", at)
			// and counts a viewer who left as still there.
			exec("UPDATE show_participants SET present = ? WHERE identity = 'guest:a'", false)
			for _, q := range []string{migrations.RepairChatCounts, migrations.RepairChatCounts, migrations.RepairViewerCounts, migrations.RepairViewerCounts} {
				exec(q)
			}
			if got := counts("chat_count"); got["busy"] != 2 || got["quiet"] != 1 {
				t.Fatalf("chat after the repair: %v, want busy 2 and quiet 1", got)
			}
			if got := counts("viewer_count"); got["busy"] != 1 {
				t.Fatalf("viewers after the repair: %v, want busy 1", got)
			}
		})
	}
}

// migratedBefore opens a fresh database of the named engine with every
// migration before the one named.
func migratedBefore(t *testing.T, engine, name string) *bun.DB {
	t.Helper()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "backfill.db")
	if engine == "postgres" {
		dsn = testkit.FreshPostgresURL(t)
	}
	d, err := db.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	before := migrate.NewMigrations()
	for _, m := range migrations.Migrations.Sorted() {
		if m.Name < name {
			before.Add(m)
		}
	}
	m := migrate.NewMigrator(d, before)
	if err := m.Init(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return d
}

// seed writes a paid order of two lines and an unpaid order of one.
func seed(t *testing.T, d *bun.DB, paidAt time.Time) {
	t.Helper()
	at := testkit.Epoch
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ('u1', 'u1@example.com', 'U', 'x', ?)", []any{at}},
		{"INSERT INTO vendors (id, slug, name, description, created_at) VALUES ('v1', 'v1', 'V', '', ?)", []any{at}},
		{`INSERT INTO products (id, vendor_id, title, description, category, price_minor, currency, stock, sku, image_urls, status, created_at, updated_at)
			VALUES ('p1', 'v1', 'P', '', 'c', 100, 'EUR', 5, 's1', '[]', 'ACTIVE', ?, ?)`, []any{at, at}},
		{`INSERT INTO orders (id, number, user_id, status, currency, total_minor, idempotency_key, request_hash, shipping, expires_at, created_at, paid_at)
			VALUES ('o-paid', 'n1', 'u1', 'PAID', 'EUR', 300, 'k1', 'h', '{}', ?, ?, ?),
			       ('o-open', 'n2', 'u1', 'PENDING_PAYMENT', 'EUR', 100, 'k2', 'h', '{}', ?, ?, NULL)`,
			[]any{at.Add(time.Hour), at, paidAt, at.Add(time.Hour), at}},
		{`INSERT INTO vendor_orders (id, order_id, vendor_id, subtotal_minor) VALUES ('vo-paid', 'o-paid', 'v1', 300), ('vo-open', 'o-open', 'v1', 100)`, nil},
		{`INSERT INTO order_lines (id, order_id, vendor_order_id, vendor_id, product_id, quantity, unit_price_minor, total_minor, commission_bps, platform_fee_bps, created_at)
			VALUES ('line-paid-1', 'o-paid', 'vo-paid', 'v1', 'p1', 1, 100, 100, 0, 500, ?),
			       ('line-paid-2', 'o-paid', 'vo-paid', 'v1', 'p1', 2, 100, 200, 0, 500, ?),
			       ('line-open', 'o-open', 'vo-open', 'v1', 'p1', 1, 100, 100, 0, 500, ?)`, []any{at, at, at}},
	} {
		if _, err := d.ExecContext(ctx, q.sql, q.args...); err != nil {
			t.Fatalf("%s: %v", q.sql, err)
		}
	}
}
