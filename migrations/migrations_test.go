package migrations_test

import (
	"context"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/migrations"
)

var ctx = context.Background()

func appliedCount(t *testing.T, db *bun.DB) (applied, total int) {
	t.Helper()
	ms, err := migrations.Status(ctx, db)
	if err != nil {
		t.Fatalf("Status: %v", err)
	}
	for _, m := range ms {
		if m.IsApplied() {
			applied++
		}
	}
	return applied, len(ms)
}

func tableUsable(db *bun.DB, table string) bool {
	_, err := db.NewSelect().Table(table).Count(ctx)
	return err == nil
}

func TestEmbeddedMigrations(t *testing.T) {
	t.Parallel()
	ms := migrations.Migrations.Sorted()
	if len(ms) == 0 {
		t.Fatal("no migrations embedded")
	}
	for _, m := range ms {
		if m.Up == nil || m.Down == nil {
			t.Errorf("migration %s lacks an up or a down step", m.Name)
		}
	}
}

func TestUpDownUp(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		// testkit opened the database and ran Up once.
		applied, total := appliedCount(t, db)
		if total == 0 || applied != total {
			t.Fatalf("after Up: %d of %d applied", applied, total)
		}
		for _, table := range testkit.AppTables {
			if !tableUsable(db, table) {
				t.Fatalf("table %s missing after Up", table)
			}
		}

		// Up again is a no-op.
		g, err := migrations.Up(ctx, db)
		if err != nil {
			t.Fatalf("second Up: %v", err)
		}
		if g != nil && len(g.Migrations) != 0 {
			t.Fatalf("second Up applied %d migrations", len(g.Migrations))
		}

		// Put some data in, then roll everything back.
		if _, err := db.ExecContext(ctx, "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
			kernel.NewID(), "anna@example.com", "Anna", "x", testkit.Epoch); err != nil {
			t.Fatal(err)
		}
		g, err = migrations.Down(ctx, db)
		if err != nil {
			t.Fatalf("Down: %v", err)
		}
		if g == nil || len(g.Migrations) != total {
			t.Fatalf("Down rolled back %v, want %d migrations", g, total)
		}
		if applied, _ := appliedCount(t, db); applied != 0 {
			t.Fatalf("after Down: %d applied", applied)
		}
		for _, table := range testkit.AppTables {
			if tableUsable(db, table) {
				t.Fatalf("table %s still exists after Down", table)
			}
		}

		// And forward again: the schema is back, empty and working.
		g, err = migrations.Up(ctx, db)
		if err != nil {
			t.Fatalf("Up after Down: %v", err)
		}
		if g == nil || len(g.Migrations) != total {
			t.Fatalf("Up after Down applied %v, want %d", g, total)
		}
		if applied, _ := appliedCount(t, db); applied != total {
			t.Fatalf("after re-Up: %d of %d applied", applied, total)
		}
		snap := testkit.Snapshot(t, db)
		if strings.Contains(snap, "anna@example.com") {
			t.Fatal("data survived Down/Up")
		}
		for _, table := range testkit.AppTables {
			if !strings.Contains(snap, "== "+table+" (0)") {
				t.Fatalf("table %s not empty after Down/Up:\n%s", table, snap)
			}
		}
		if _, err := db.ExecContext(ctx, "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
			kernel.NewID(), "anna@example.com", "Anna", "x", testkit.Epoch); err != nil {
			t.Fatalf("insert after re-Up: %v", err)
		}
		// Status still reports every migration with its name.
		ms, err := migrations.Status(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Name == "" || !m.IsApplied() || m.GroupID == 0 {
				t.Fatalf("status entry %+v", m)
			}
		}
	})
}

func TestStatusOnFreshDatabase(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		if _, err := migrations.Down(ctx, db); err != nil {
			t.Fatal(err)
		}
		ms, err := migrations.Status(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != len(migrations.Migrations.Sorted()) {
			t.Fatalf("Status lists %d migrations, %d embedded", len(ms), len(migrations.Migrations.Sorted()))
		}
		for _, m := range ms {
			if m.IsApplied() {
				t.Fatalf("%s reported applied after Down", m.Name)
			}
		}
		// A second Down with nothing applied is harmless.
		if g, err := migrations.Down(ctx, db); err != nil || (g != nil && len(g.Migrations) != 0) {
			t.Fatalf("Down with nothing applied = %v, %v", g, err)
		}
		if _, err := migrations.Up(ctx, db); err != nil {
			t.Fatal(err)
		}
		if applied, total := appliedCount(t, db); applied != total {
			t.Fatalf("%d of %d applied", applied, total)
		}
	})
}

// fixture inserts a user, a vendor with that user as owner, and returns ids.
func fixture(t *testing.T, db *bun.DB) (userID, vendorID string) {
	t.Helper()
	userID, vendorID = kernel.NewID(), kernel.NewID()
	mustExec(t, db, "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
		userID, "owner@example.com", "Owner", "x", testkit.Epoch)
	mustExec(t, db, "INSERT INTO vendors (id, slug, name, description, created_at) VALUES (?, ?, ?, ?, ?)",
		vendorID, "acme", "Acme", "", testkit.Epoch)
	mustExec(t, db, "INSERT INTO vendor_staff (vendor_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
		vendorID, userID, "OWNER", testkit.Epoch)
	return userID, vendorID
}

func mustExec(t *testing.T, db *bun.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(ctx, query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

const insertProduct = `INSERT INTO products (id, vendor_id, title, description, category, price_minor, currency, stock, sku, image_urls, status, created_at, updated_at)
VALUES (?, ?, ?, '', 'shoes', ?, ?, ?, ?, '[]', ?, ?, ?)`

func product(db *bun.DB, vendorID, title string, price int64, currency string, stock int, sku, status string) error {
	_, err := db.ExecContext(ctx, insertProduct, kernel.NewID(), vendorID, title, price, currency, stock, sku, status, testkit.Epoch, testkit.Epoch)
	return err
}

func TestConstraints(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		userID, vendorID := fixture(t, db)
		if err := product(db, vendorID, "Shoe", 100, "USD", 0, "S-1", "ACTIVE"); err != nil {
			t.Fatalf("valid product refused: %v", err)
		}
		var productID string
		if err := db.NewSelect().Table("products").Column("id").Limit(1).Scan(ctx, &productID); err != nil {
			t.Fatal(err)
		}

		refused := func(t *testing.T, what string, err error, unique bool) {
			t.Helper()
			if err == nil {
				t.Fatalf("%s: the database accepted it", what)
			}
			if got := kernel.IsUniqueViolation(err); got != unique {
				t.Fatalf("%s: IsUniqueViolation = %v, want %v (%v)", what, got, unique, err)
			}
		}

		t.Run("CHECK", func(t *testing.T) {
			before := testkit.Snapshot(t, db)
			refused(t, "stock -1", product(db, vendorID, "Shoe", 100, "USD", -1, "S-2", "ACTIVE"), false)
			refused(t, "price 0", product(db, vendorID, "Shoe", 0, "USD", 1, "S-3", "ACTIVE"), false)
			refused(t, "price -1", product(db, vendorID, "Shoe", -1, "USD", 1, "S-4", "ACTIVE"), false)
			refused(t, "currency length", product(db, vendorID, "Shoe", 100, "US", 1, "S-5", "ACTIVE"), false)
			refused(t, "empty title", product(db, vendorID, "", 100, "USD", 1, "S-6", "ACTIVE"), false)
			refused(t, "status", product(db, vendorID, "Shoe", 100, "USD", 1, "S-7", "DELETED"), false)
			_, err := db.ExecContext(ctx, "UPDATE products SET stock = stock - 1 WHERE id = ?", productID)
			refused(t, "update stock below zero", err, false)
			_, err = db.ExecContext(ctx, "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), "Upper@example.com", "U", "x", testkit.Epoch)
			refused(t, "upper-case email", err, false)
			_, err = db.ExecContext(ctx, "INSERT INTO vendors (id, slug, name, description, created_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), "ACME2", "Acme", "", testkit.Epoch)
			refused(t, "upper-case slug", err, false)
			_, err = db.ExecContext(ctx, "INSERT INTO vendors (id, slug, name, description, platform_fee_bps, created_at) VALUES (?, ?, ?, ?, ?, ?)",
				kernel.NewID(), "fee", "Fee", "", 10001, testkit.Epoch)
			refused(t, "fee above 100%", err, false)
			_, err = db.ExecContext(ctx, "INSERT INTO vendor_staff (vendor_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
				vendorID, userID, "KING", testkit.Epoch)
			refused(t, "role", err, false)
			_, err = db.ExecContext(ctx, "INSERT INTO sign_in_throttle (email, failures, window_start) VALUES (?, ?, ?)", "x@example.com", -1, testkit.Epoch)
			refused(t, "negative failures", err, false)
			if after := testkit.Snapshot(t, db); after != before {
				t.Fatalf("refused statements changed the database:\n%s\n%s", before, after)
			}
			var stock int
			if err := db.NewSelect().Table("products").Column("stock").Where("id = ?", productID).Scan(ctx, &stock); err != nil || stock != 0 {
				t.Fatalf("stock = %d, %v", stock, err)
			}
		})

		t.Run("UNIQUE", func(t *testing.T) {
			before := testkit.Snapshot(t, db)
			_, err := db.ExecContext(ctx, "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), "owner@example.com", "Dup", "x", testkit.Epoch)
			refused(t, "duplicate email", err, true)
			_, err = db.ExecContext(ctx, "INSERT INTO vendors (id, slug, name, description, created_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), "acme", "Dup", "", testkit.Epoch)
			refused(t, "duplicate slug", err, true)
			refused(t, "duplicate sku in vendor", product(db, vendorID, "Other", 100, "USD", 1, "S-1", "ACTIVE"), true)
			_, err = db.ExecContext(ctx, "INSERT INTO vendor_staff (vendor_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
				vendorID, userID, "STAFF", testkit.Epoch)
			refused(t, "duplicate staff", err, true)
			_, err = db.ExecContext(ctx, "INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), userID, "h1", testkit.Epoch, testkit.Epoch)
			if err != nil {
				t.Fatal(err)
			}
			before = testkit.Snapshot(t, db)
			_, err = db.ExecContext(ctx, "INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), userID, "h1", testkit.Epoch, testkit.Epoch)
			refused(t, "duplicate token hash", err, true)
			infID := kernel.NewID()
			mustExec(t, db, "INSERT INTO influencers (id, user_id, handle, display_name, bio, created_at) VALUES (?, ?, ?, ?, ?, ?)",
				infID, userID, "anna", "Anna", "", testkit.Epoch)
			_, err = db.ExecContext(ctx, "INSERT INTO influencers (id, user_id, handle, display_name, bio, created_at) VALUES (?, ?, ?, ?, ?, ?)",
				kernel.NewID(), userID, "anna2", "Anna", "", testkit.Epoch)
			refused(t, "second profile for a user", err, true)
			mustExec(t, db, "DELETE FROM influencers WHERE id = ?", infID)
			if after := testkit.Snapshot(t, db); after != before {
				t.Fatalf("refused statements changed the database:\n%s\n%s", before, after)
			}
		})

		t.Run("FOREIGN KEY", func(t *testing.T) {
			before := testkit.Snapshot(t, db)
			refused(t, "product of a missing vendor", product(db, kernel.NewID(), "Ghost", 100, "USD", 1, "G-1", "ACTIVE"), false)
			_, err := db.ExecContext(ctx, "INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), kernel.NewID(), "h2", testkit.Epoch, testkit.Epoch)
			refused(t, "session of a missing user", err, false)
			_, err = db.ExecContext(ctx, "INSERT INTO vendor_staff (vendor_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
				kernel.NewID(), userID, "STAFF", testkit.Epoch)
			refused(t, "staff of a missing vendor", err, false)
			_, err = db.ExecContext(ctx, "INSERT INTO follows (influencer_id, user_id, created_at) VALUES (?, ?, ?)",
				kernel.NewID(), userID, testkit.Epoch)
			refused(t, "follow of a missing influencer", err, false)
			// A vendor with products cannot be deleted (products keep their vendor).
			_, err = db.ExecContext(ctx, "DELETE FROM vendors WHERE id = ?", vendorID)
			refused(t, "delete a vendor with products", err, false)
			if after := testkit.Snapshot(t, db); after != before {
				t.Fatalf("refused statements changed the database:\n%s\n%s", before, after)
			}
		})

		t.Run("CASCADE", func(t *testing.T) {
			otherID := kernel.NewID()
			mustExec(t, db, "INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
				otherID, "other@example.com", "Other", "x", testkit.Epoch)
			mustExec(t, db, "INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
				kernel.NewID(), otherID, "h3", testkit.Epoch, testkit.Epoch)
			mustExec(t, db, "INSERT INTO vendor_staff (vendor_id, user_id, role, created_at) VALUES (?, ?, ?, ?)",
				vendorID, otherID, "STAFF", testkit.Epoch)
			mustExec(t, db, "DELETE FROM users WHERE id = ?", otherID)
			for _, table := range []string{"sessions", "vendor_staff"} {
				n, err := db.NewSelect().Table(table).Where("user_id = ?", otherID).Count(ctx)
				if err != nil || n != 0 {
					t.Fatalf("%s rows of a deleted user: %d, %v", table, n, err)
				}
			}
		})
	})
}
