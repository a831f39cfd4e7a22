// Package migrations holds Livemarket's SQL migrations, embedded in the binary
// and applied with bun/migrate. Each file is portable SQL that runs unchanged on
// PostgreSQL and SQLite; a dialect-specific step would be a Go migration here.
package migrations

import (
	"context"
	"embed"
	"fmt"

	"github.com/uptrace/bun"
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

// Migrator returns a migrator for db with its tables created.
func Migrator(ctx context.Context, db *bun.DB) (*migrate.Migrator, error) {
	m := migrate.NewMigrator(db, Migrations, migrate.WithMarkAppliedOnSuccess(true))
	if err := m.Init(ctx); err != nil {
		return nil, fmt.Errorf("migrations: init: %w", err)
	}
	return m, nil
}

// Up applies every pending migration under the migration lock, so replicas that
// start together do not race. It returns the group applied (empty when none).
func Up(ctx context.Context, db *bun.DB) (*migrate.MigrationGroup, error) {
	m, err := Migrator(ctx, db)
	if err != nil {
		return nil, err
	}
	if err := m.Lock(ctx); err != nil {
		return nil, fmt.Errorf("migrations: lock: %w", err)
	}
	defer m.Unlock(ctx) //nolint:errcheck // best effort; the lock row is removed on success
	g, err := m.Migrate(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: up: %w", err)
	}
	return g, nil
}

// Down rolls back the last applied group.
func Down(ctx context.Context, db *bun.DB) (*migrate.MigrationGroup, error) {
	m, err := Migrator(ctx, db)
	if err != nil {
		return nil, err
	}
	if err := m.Lock(ctx); err != nil {
		return nil, fmt.Errorf("migrations: lock: %w", err)
	}
	defer m.Unlock(ctx) //nolint:errcheck
	g, err := m.Rollback(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrations: down: %w", err)
	}
	return g, nil
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
