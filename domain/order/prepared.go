package order

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// preparedQuery is a statement every checkout of a rush runs. bun
// interpolates arguments and sends each statement as new text, which
// PostgreSQL parses and plans every time; on PostgreSQL this one is
// prepared once per connection instead. Elsewhere (SQLite) scan and exec
// report false and the caller runs its bun query.
type preparedQuery struct {
	text string // PostgreSQL, with $1…$n; lists as $n::text[] (see textArray)

	once sync.Once
	stmt *sql.Stmt
	err  error // why it could not be prepared
}

// prepare prepares q on PostgreSQL once, and reports whether it is.
func (q *preparedQuery) prepare(ctx context.Context, db *bun.DB) bool {
	if db.Dialect().Name() != dialect.PG {
		return false
	}
	q.once.Do(func() {
		q.stmt, q.err = db.DB.PrepareContext(context.WithoutCancel(ctx), q.text)
	})
	return q.stmt != nil
}

// scan runs the query into dest (bun's scanning rules) and reports whether
// it did.
func (q *preparedQuery) scan(ctx context.Context, db *bun.DB, dest any, args ...any) (bool, error) {
	if !q.prepare(ctx, db) {
		return false, nil
	}
	rows, err := q.stmt.QueryContext(ctx, args...)
	if err != nil {
		return true, err
	}
	defer rows.Close()
	return true, db.ScanRows(ctx, rows, dest)
}

// arrayEscaper escapes an element of a text[] literal (built once: a
// Replacer builds its tables on first use, which is costly to repeat for
// every element).
var arrayEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// textArray is a PostgreSQL text[] literal of ss.
func textArray(ss []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(arrayEscaper.Replace(s))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// warm runs q on n connections at once (each held by its open rows until
// all have run), so that each of them has prepared it and PostgreSQL has
// planned it there.
func (q *preparedQuery) warm(ctx context.Context, db *bun.DB, n int, args ...any) error {
	if !q.prepare(ctx, db) {
		if q.err != nil { // checkouts would run it unprepared, and read carts one by one
			return fmt.Errorf("prepare: %w", q.err)
		}
		return nil
	}
	open := make([]*sql.Rows, 0, n)
	defer func() {
		for _, r := range open {
			_ = r.Close()
		}
	}()
	for i := 0; i < n; i++ {
		r, err := q.stmt.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		open = append(open, r)
	}
	return nil
}
