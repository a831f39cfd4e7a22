// Package db opens Livemarket's database through bun: PostgreSQL in production
// (pgdriver), or an embedded SQLite file (pure-Go modernc driver, no cgo) locally.
package db

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/pgdriver"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Open connects to url: "postgres://..." (or "postgresql://") selects PostgreSQL;
// "sqlite:PATH" or "file:PATH" selects SQLite at PATH, creating its directory.
// The connection is checked before Open returns.
func Open(ctx context.Context, rawURL string) (*bun.DB, error) {
	var db *bun.DB
	switch {
	case strings.HasPrefix(rawURL, "postgres://"), strings.HasPrefix(rawURL, "postgresql://"):
		sqldb := sql.OpenDB(pgdriver.NewConnector(pgdriver.WithDSN(rawURL), genericPlans))
		sqldb.SetMaxOpenConns(20)
		// Keep them: database/sql keeps only 2 idle connections by default,
		// so a burst of requests would close and reopen connections (a new
		// PostgreSQL backend each) all along. Idle ones are kept too: a
		// flash sale comes after a quiet spell as often as not, and that
		// is when 20 backends starting at once hurt most (see Warm).
		sqldb.SetMaxIdleConns(20)
		db = bun.NewDB(sqldb, pgdialect.New())
	case strings.HasPrefix(rawURL, "sqlite:"), strings.HasPrefix(rawURL, "file:"):
		path := strings.TrimPrefix(strings.TrimPrefix(rawURL, "sqlite:"), "file:")
		if i := strings.IndexByte(path, '?'); i >= 0 {
			path = path[:i]
		}
		if path == "" {
			return nil, fmt.Errorf("db: sqlite url %q has no path", rawURL)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("db: create directory for %s: %w", path, err)
		}
		q := url.Values{}
		for _, p := range []string{"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", "immediate")
		sqldb, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
		if err != nil {
			return nil, fmt.Errorf("db: open sqlite %s: %w", path, err)
		}
		// One writer at a time is SQLite's model; a single connection also makes
		// every transaction serialisable without SQLITE_BUSY surprises.
		sqldb.SetMaxOpenConns(1)
		db = bun.NewDB(sqldb, sqlitedialect.New())
	default:
		return nil, fmt.Errorf("db: unsupported database url %q (want postgres://... or sqlite:PATH)", redact(rawURL))
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("db: connect to %s: %w", redact(rawURL), err)
	}
	return db, nil
}

// Warm opens the pool's connections now (PostgreSQL; SQLite has one), so
// the first burst of traffic does not pay for starting PostgreSQL backends
// (tens of milliseconds of the database's CPU each on a small machine) just
// when it can least afford them. A server calls it at start; Open does not,
// so that short-lived pools (tools, tests) stay cheap.
func Warm(ctx context.Context, d *bun.DB) error {
	n := d.DB.Stats().MaxOpenConnections
	if d.Dialect().Name() != dialect.PG || n <= 1 {
		return nil
	}
	conns := make([]*sql.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			_ = c.Close() // back to the idle set, which keeps them
		}
	}()
	for i := 0; i < n; i++ {
		c, err := d.DB.Conn(ctx)
		if err != nil {
			return fmt.Errorf("db: warm the pool: %w", err)
		}
		conns = append(conns, c)
	}
	return nil
}

// redact hides a password in a URL for logs and errors.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Redact is redact for callers that log a database URL.
func Redact(raw string) string { return redact(raw) }

// genericPlans sets plan_cache_mode=force_generic_plan on every connection,
// unless the URL sets plan_cache_mode itself. bun writes its arguments into
// the SQL text, so this only concerns the statements prepared on purpose:
// the reads every checkout of a rush runs (domain/order). Their arrays of
// ids make PostgreSQL keep planning them anew on each execution (a custom
// plan looks cheaper for a one-element array), which cost it more than
// running them (pg_stat_statements: 107 µs of planning against 14 µs of
// execution for the products read).
func genericPlans(c *pgdriver.Config) {
	if _, set := c.ConnParams["plan_cache_mode"]; set {
		return
	}
	if c.ConnParams == nil {
		c.ConnParams = map[string]any{}
	}
	c.ConnParams["plan_cache_mode"] = "force_generic_plan"
}
