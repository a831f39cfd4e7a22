// Package migrations holds Livemarket's SQL migrations, embedded in the binary
// and applied with bun/migrate. Each file is portable SQL that runs unchanged on
// PostgreSQL and SQLite; a dialect-specific step would be a Go migration here.
package migrations

import (
	"context"
	"embed"
	"fmt"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/migrate"
)

//go:embed *.sql
var sqlFiles embed.FS

// Migrations is the embedded set.
var Migrations = migrate.NewMigrations()

func init() {
	if err := Migrations.Discover(sqlFiles); err != nil {
		panic(fmt.Sprintf("migrations: %v", err))
	}
}

// RepairOrderLines gives order lines their order's currency and payment
// time where they lack them: after migration 15, for orders that a process
// of the previous version (which does not write those columns) reserved or
// settled. Idempotent; the README's upgrade notes quote it.
const RepairOrderLines = `UPDATE order_lines SET currency = (SELECT currency FROM orders WHERE orders.id = order_lines.order_id), ` +
	`paid_at = (SELECT paid_at FROM orders WHERE orders.id = order_lines.order_id) ` +
	`WHERE currency = '' OR (paid_at IS NULL AND order_id IN (SELECT id FROM orders WHERE paid_at IS NOT NULL));`

// RepairChatCounts sets every show's count of visible chat messages from
// its messages: after migration 17, for messages that a process of the
// previous version (which does not keep the count) posted or removed.
// Idempotent; the README's upgrade notes quote it.
const RepairChatCounts = `UPDATE shows SET chat_count = (SELECT COUNT(*) FROM chat_messages WHERE chat_messages.show_id = shows.id ` +
	`AND chat_messages.removed_at IS NULL) WHERE id IN (SELECT show_id FROM chat_messages);`

// RepairViewerCounts sets every show's viewer count from its present
// participants: after migration 17, for video webhooks that a process of the
// previous version (whose count raced concurrent deliveries) applied.
// Idempotent; the README's upgrade notes quote it.
const RepairViewerCounts = `UPDATE shows SET viewer_count = (SELECT COUNT(*) FROM show_participants WHERE show_participants.show_id = shows.id ` +
	`AND show_participants.present AND NOT show_participants.is_host) WHERE id IN (SELECT show_id FROM show_participants);`

// Migrator returns a migrator for db with its tables created.
func Migrator(ctx context.Context, db *bun.DB) (*migrate.Migrator, error) {
	m := migrate.NewMigrator(db, Migrations, migrate.WithMarkAppliedOnSuccess(true))
	if err := m.Init(ctx); err != nil {
		return nil, fmt.Errorf("migrations: init: %w", err)
	}
	return m, nil
}

// lockKey identifies Livemarket's migration lock among PostgreSQL advisory locks.
const lockKey int64 = 0x4c4d_4d49_4752 // "LMMIGR"

// withLock runs fn while holding a lock that makes concurrent migrators wait
// for each other: on PostgreSQL a session advisory lock, which waits (unlike
// bun's lock table, which fails at once) and cannot outlive a crashed
// process; SQLite is one file and one process.
func withLock(ctx context.Context, db *bun.DB, fn func() error) error {
	if db.Dialect().Name() != dialect.PG {
		return fn()
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrations: lock: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock(?)", lockKey); err != nil {
		return fmt.Errorf("migrations: lock: %w", err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock(?)", lockKey) //nolint:errcheck // the session ends with conn anyway
	return fn()
}

// Up applies every pending migration under the migration lock, so replicas that
// start together do not race. It returns the group applied (empty when none).
func Up(ctx context.Context, db *bun.DB) (*migrate.MigrationGroup, error) {
	var g *migrate.MigrationGroup
	err := withLock(ctx, db, func() error {
		m, err := Migrator(ctx, db)
		if err != nil {
			return err
		}
		if g, err = m.Migrate(ctx); err != nil {
			return fmt.Errorf("migrations: up: %w", err)
		}
		return nil
	})
	return g, err
}

// Down rolls back the last applied group.
func Down(ctx context.Context, db *bun.DB) (*migrate.MigrationGroup, error) {
	var g *migrate.MigrationGroup
	err := withLock(ctx, db, func() error {
		m, err := Migrator(ctx, db)
		if err != nil {
			return err
		}
		if g, err = m.Rollback(ctx); err != nil {
			return fmt.Errorf("migrations: down: %w", err)
		}
		return nil
	})
	return g, err
}

// Status lists every migration with whether it is applied.
func Status(ctx context.Context, db *bun.DB) (migrate.MigrationSlice, error) {
	m, err := Migrator(ctx, db)
	if err != nil {
		return nil, err
	}
	ms, err := m.MigrationsWithStatus(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: status: %w", err)
	}
	return ms, nil
}
