package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/outbox"
)

// JobSendRefund asks the payment provider for one payment refund; the order
// context writes it to the outbox with the refund, and a worker runs it
// (SendRefund) until the provider confirms.
const JobSendRefund = "order:send_refund"

// RefundJob is the payload of JobSendRefund.
type RefundJob struct {
	PaymentRefundID string `json:"paymentRefundId"`
}

// PaymentRefund is money owed back to a shopper's card: an orderRefund's
// amount, or a whole charge the order could not keep. Its id is the
// provider's idempotency key; SentAt is set once the provider confirmed.
type PaymentRefund struct {
	bun.BaseModel `bun:"table:payment_refunds,alias:pr"`

	ID          string     `bun:"id,pk"`
	OrderID     string     `bun:"order_id"`
	RefundID    *string    `bun:"refund_id"` // nil: a charge given back whole
	PaymentRef  string     `bun:"payment_ref"`
	AmountMinor int64      `bun:"amount_minor"`
	Currency    string     `bun:"currency"`
	Reason      string     `bun:"reason"`
	CreatedAt   time.Time  `bun:"created_at"`
	SentAt      *time.Time `bun:"sent_at"`
	AttemptedAt *time.Time `bun:"attempted_at"`
	Attempts    int        `bun:"attempts"`
	LastError   *string    `bun:"last_error"`
}

// queueRefund writes a payment refund and its job, in the caller's
// transaction: both exist or neither.
func queueRefund(ctx context.Context, tx bun.IDB, pr *PaymentRefund) error {
	if _, err := tx.NewInsert().Model(pr).Exec(ctx); err != nil {
		return fmt.Errorf("queue refund: %w", err)
	}
	if _, err := outbox.Add(ctx, tx, pr.CreatedAt, JobSendRefund, RefundJob{PaymentRefundID: pr.ID}, nil); err != nil {
		return fmt.Errorf("queue refund: %w", err)
	}
	return nil
}

// SendRefund asks the provider for a queued payment refund and records its
// confirmation. Running it again (a retried job, two workers) refunds
// nothing twice: a confirmed refund is not sent again, and the provider
// refunds once per id. A provider failure is counted on the row and
// returned, so the job is retried.
func (s *Service) SendRefund(ctx context.Context, id string) error {
	pr := &PaymentRefund{}
	if err := s.db.NewSelect().Model(pr).Where("pr.id = ?", id).Scan(ctx); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("order.SendRefund %s: %w", id, kernel.ErrNotFound)
		}
		return fmt.Errorf("order.SendRefund: %w", err)
	}
	if pr.SentAt != nil {
		return nil
	}
	err := s.opt.Payments.Refund(ctx, pr.ID, pr.PaymentRef, kernel.Money{AmountMinor: pr.AmountMinor, Currency: pr.Currency})
	now := s.clock.Now()
	if err != nil {
		msg := err.Error()
		if _, uerr := s.db.NewUpdate().Model((*PaymentRefund)(nil)).Set("attempts = attempts + 1").Set("last_error = ?", msg).Set("attempted_at = ?", now).
			Where("id = ?", pr.ID).Exec(context.WithoutCancel(ctx)); uerr != nil {
			s.opt.Logger.WarnContext(ctx, "order: count a failed refund", "refund", pr.ID, "err", uerr)
		}
		return fmt.Errorf("order.SendRefund %s: provider: %w", pr.ID, err)
	}
	if _, err := s.db.NewUpdate().Model((*PaymentRefund)(nil)).Set("sent_at = ?", now).Set("attempted_at = ?", now).Set("attempts = attempts + 1").
		Set("last_error = NULL").Where("id = ?", pr.ID).Where("sent_at IS NULL").Exec(context.WithoutCancel(ctx)); err != nil {
		// The provider refunded; a retry asks again under the same id,
		// which refunds nothing more.
		return fmt.Errorf("order.SendRefund %s: record: %w", pr.ID, err)
	}
	return nil
}

// PaymentRefunds lists an order's payment refunds, oldest first.
func (s *Service) PaymentRefunds(ctx context.Context, orderID string) ([]*PaymentRefund, error) {
	var out []*PaymentRefund
	if err := s.db.NewSelect().Model(&out).Where("pr.order_id = ?", orderID).OrderExpr("pr.created_at, pr.id").Scan(ctx); err != nil {
		return nil, fmt.Errorf("order.PaymentRefunds: %w", err)
	}
	return out, nil
}

// chargeBack queues the refund of a whole charge taken for an order that
// was cancelled meanwhile (its reservation expired) and cannot be revived
// (its units are sold). One conditional statement marks the order, so the
// charge is given back once and the order is never revived after it. It
// reports whether the order is, after all, paid (a concurrent settlement
// revived it first).
func (s *Service) chargeBack(ctx context.Context, o *Order, ref string) (paid bool, err error) {
	now := s.clock.Now()
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewUpdate().Model((*Order)(nil)).Set("payment_ref = ?", ref).Set("charge_back_at = ?", now).
			Where("id = ?", o.ID).Where("status = ?", StatusCancelled).Where("decline_reason IS NULL").
			Where("charge_back_at IS NULL").Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var status string
			if err := tx.NewSelect().Table("orders").Column("status").Where("id = ?", o.ID).Scan(ctx, &status); err != nil {
				return err
			}
			paid = status != StatusCancelled
			return nil // already charged back, or paid by a concurrent settlement
		}
		return queueRefund(ctx, tx, &PaymentRefund{ID: kernel.NewID(), OrderID: o.ID, PaymentRef: ref, AmountMinor: o.TotalMinor,
			Currency: o.Currency, Reason: "charged after the reservation expired; the items had sold out", CreatedAt: now})
	})
	if err != nil {
		return false, fmt.Errorf("order: charge back %s: %w", o.ID, err)
	}
	return paid, nil
}

// Reconcile repairs what lost answers and spent jobs leave behind; the
// worker runs it with every reservation sweep.
//
//   - Orders the sweep cancelled unpaid within the last hour: a charge whose
//     answer was lost may have landed after the cancellation. The provider
//     is asked again at doubling intervals (about seven times in the hour);
//     a charge found is settled (the order paid if its units are still
//     there, else charged back).
//   - Payment refunds still unsent an hour after they were queued (their
//     job failed for good or was lost): sent again, at most hourly, until
//     the provider confirms.
//
// Safe to run from several workers at once.
func (s *Service) Reconcile(ctx context.Context) error {
	now := s.clock.Now()
	var errs []error
	var cancelled []*Order
	if err := s.db.NewSelect().Model(&cancelled).Where("o.status = ?", StatusCancelled).Where("o.decline_reason IS NULL").
		Where("o.payment_ref IS NULL").Where("o.expires_at > ?", now.Add(-recheckWindow)).Where("o.expires_at <= ?", now).
		OrderExpr("o.expires_at").Limit(500).Scan(ctx); err != nil {
		return fmt.Errorf("order.Reconcile: %w", err)
	}
	for _, o := range cancelled {
		if c := o.ChargeCheckedAt; c != nil && now.Sub(*c) < max(c.Sub(o.ExpiresAt), time.Minute) {
			continue // asked recently
		}
		ref, err := s.opt.Payments.Charged(ctx, o.ID)
		if err != nil {
			errs = append(errs, fmt.Errorf("order %s: charged: %w", o.ID, err))
			continue
		}
		if ref == "" {
			if _, err := s.db.NewUpdate().Model((*Order)(nil)).Set("charge_checked_at = ?", now).Where("id = ?", o.ID).Exec(ctx); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		s.opt.Logger.WarnContext(ctx, "order: a charge landed after its order expired", "order", o.ID, "ref", ref)
		if _, err := s.settle(ctx, o, ref); err != nil {
			if _, expected := kernel.AsFieldErrors(err); !expected {
				errs = append(errs, err)
			}
		}
	}
	var unsent []*PaymentRefund
	if err := s.db.NewSelect().Model(&unsent).Where("pr.sent_at IS NULL").Where("pr.created_at <= ?", now.Add(-time.Hour)).
		WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Where("pr.attempted_at IS NULL").WhereOr("pr.attempted_at <= ?", now.Add(-time.Hour))
		}).OrderExpr("pr.created_at").Limit(100).Scan(ctx); err != nil {
		return errors.Join(append(errs, fmt.Errorf("order.Reconcile: %w", err))...)
	}
	for _, pr := range unsent {
		if err := s.SendRefund(ctx, pr.ID); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// recheckWindow is how long after an order expired unpaid the sweep keeps
// asking the provider whether a charge landed.
const recheckWindow = time.Hour
