// Package paging runs the one list query shape every Relay connection in the
// domain uses: a total count (when asked for), then a page of rows ordered by
// id (UUIDv7, so newest first) after a cursor id.
package paging

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// List counts the rows where selects (unless page.SkipCount) and returns the
// page after page.After, newest first. T is the model pointer type (e.g.
// *catalog.Product) and alias its table alias.
func List[T any](ctx context.Context, db bun.IDB, where func(*bun.SelectQuery) *bun.SelectQuery, alias string, page kernel.PageRequest) (*kernel.Page[T], error) {
	var model T
	out := &kernel.Page[T]{}
	if !page.SkipCount {
		total, err := where(db.NewSelect().Model(model)).Count(ctx)
		if err != nil {
			return nil, fmt.Errorf("count: %w", err)
		}
		out.TotalCount = int(total)
	}
	if page.First == 0 {
		return out, nil
	}
	var items []T
	q := where(db.NewSelect().Model(&items)).ColumnExpr(alias + ".*").OrderExpr(alias + ".id DESC").Limit(int64(page.First + 1))
	if page.After != "" {
		q = q.Where(alias+".id < ?", page.After)
	}
	if err := q.Scan(ctx); err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	out.Items, out.HasNextPage = kernel.Trim(items, page.First)
	return out, nil
}
