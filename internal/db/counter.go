package db

import (
	"context"
	"sync"

	"github.com/uptrace/bun"
)

// QueryCounter is a bun query hook that records the statements a database
// runs; tests use it to prove a request costs a constant number of queries.
type QueryCounter struct {
	mu    sync.Mutex
	stmts []string
}

var _ bun.QueryHook = (*QueryCounter)(nil)

func (c *QueryCounter) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}

func (c *QueryCounter) AfterQuery(_ context.Context, e *bun.QueryEvent) {
	c.mu.Lock()
	c.stmts = append(c.stmts, e.Query)
	c.mu.Unlock()
}

// Count returns the statements seen since the last Reset.
func (c *QueryCounter) Count() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return int64(len(c.stmts))
}

// Statements returns the statements seen since the last Reset.
func (c *QueryCounter) Statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.stmts...)
}

// Reset forgets what was seen.
func (c *QueryCounter) Reset() {
	c.mu.Lock()
	c.stmts = nil
	c.mu.Unlock()
}
