package order

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
)

// The conditional statements that move stock and flash-sale allowance out:
// each takes what it asks for or nothing, never reading first.

// takeFlash takes q units of a flash sale's allowance; false when fewer are
// left or (when at is not zero) the sale has ended by at.
func takeFlash(ctx context.Context, tx bun.IDB, flashID string, q int, at time.Time) (bool, error) {
	q0 := tx.NewRaw(`UPDATE flash_sales SET remaining = remaining - ? WHERE id = ? AND remaining >= ?`, q, flashID, q)
	if !at.IsZero() {
		q0 = tx.NewRaw(`UPDATE flash_sales SET remaining = remaining - ? WHERE id = ? AND remaining >= ? AND ended_at IS NULL AND ends_at > ?`,
			q, flashID, q, at)
	}
	return affected(q0.Exec(ctx))
}

// addBuyer counts q more units bought by a buyer in a flash sale; false
// when that would pass the sale's per-buyer limit.
func addBuyer(ctx context.Context, tx bun.IDB, flashID, userID string, q, limit int) (bool, error) {
	return affected(tx.NewRaw(`INSERT INTO flash_sale_buyers (flash_sale_id, user_id, quantity) VALUES (?, ?, ?)
		ON CONFLICT (flash_sale_id, user_id) DO UPDATE SET quantity = flash_sale_buyers.quantity + excluded.quantity
		WHERE flash_sale_buyers.quantity + excluded.quantity <= ?`, flashID, userID, q, limit).Exec(ctx))
}

// takeStock takes q units of a product's stock; false when fewer are left
// or (activeOnly) it is no longer sold.
func takeStock(ctx context.Context, tx bun.IDB, productID string, q int, activeOnly bool) (bool, error) {
	if activeOnly {
		return affected(tx.NewRaw(`UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ? AND status = ?`,
			q, productID, q, catalog.StatusActive).Exec(ctx))
	}
	return affected(tx.NewRaw(`UPDATE products SET stock = stock - ? WHERE id = ? AND stock >= ?`, q, productID, q).Exec(ctx))
}

// refuseUnless is nil when the statement took what it asked for, the
// statement's error when it failed, and refusal when it took nothing.
func refuseUnless(ok bool, err error, refusal error) error {
	if err != nil {
		return err
	}
	if !ok {
		return refusal
	}
	return nil
}

// orGone: an expired reservation's stock is gone (see retake).
func orGone(ok bool, err error) error { return refuseUnless(ok, err, errGone) }

// orWhole: the batch cannot be written as a whole.
func orWhole(ok bool, err error) error { return refuseUnless(ok, err, errBatch) }

func affected(res interface{ RowsAffected() (int64, error) }, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}
