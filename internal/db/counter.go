package db

import (
	"context"
	"sync/atomic"

	"github.com/uptrace/bun"
)

// QueryCounter is a bun query hook that counts the statements a database runs;
// tests use it to prove a request costs a constant number of queries.
type QueryCounter struct {
	n atomic.Int64
}

var _ bun.QueryHook = (*QueryCounter)(nil)

func (c *QueryCounter) BeforeQuery(ctx context.Context, _ *bun.QueryEvent) context.Context {
	return ctx
}

func (c *QueryCounter) AfterQuery(_ context.Context, _ *bun.QueryEvent) { c.n.Add(1) }

// Count returns the statements seen so far.
func (c *QueryCounter) Count() int64 { return c.n.Load() }

// Reset sets the count to zero.
func (c *QueryCounter) Reset() { c.n.Store(0) }
