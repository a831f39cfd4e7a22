// Package txlock serialises transactions that read-check-then-write on the
// same parent row. On PostgreSQL it takes the row lock SELECT ... FOR NO KEY
// UPDATE, which does not block foreign-key checks of inserts that reference
// the row (those take KEY SHARE); SQLite needs nothing, since its
// transactions begin IMMEDIATE and so already run one at a time.
//
// Lock parents in one order to avoid deadlocks: influencer, then vendor.
package txlock

import (
	"context"
	"fmt"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
)

// Row locks table's row with id until the transaction ends.
func Row(ctx context.Context, tx bun.IDB, table, id string) error {
	if tx.Dialect().Name() != dialect.PG {
		return nil
	}
	var got string
	if err := tx.NewSelect().Table(table).Column("id").Where("id = ?", id).For("NO KEY UPDATE").Scan(ctx, &got); err != nil {
		return fmt.Errorf("txlock: %s %s: %w", table, id, err)
	}
	return nil
}
