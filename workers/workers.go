// Package workers runs Livemarket's background jobs on asynq: task types,
// payload constructors, handlers that call the domain, and the outbox relay
// that hands jobs written in domain transactions to the queue.
package workers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/domain/show"
)

// Task types. They equal the outbox kinds the domain writes, so the relay
// maps one to the other without a table.
const (
	TypeShowReminder = show.JobReminder
	TypeShowLive     = show.JobLive
	TypeIndexShow    = show.JobIndex
	TypeIndexProduct = catalog.JobIndex
	// TypeSendRefund gives money back to a shopper's card (an orderRefund,
	// or a charge an order could not keep); retried until the provider
	// confirms.
	TypeSendRefund = order.JobSendRefund
	// TypeExpireReservations returns the stock of checkouts left unpaid;
	// the scheduler enqueues it periodically.
	TypeExpireReservations = "order:expire_reservations"
	// TypePayoutRun pays vendors and influencers their matured balances;
	// the scheduler enqueues it (PAYOUT_SCHEDULE, daily by default).
	TypePayoutRun = "payout:run"
)

// NewShowReminderTask builds a reminder task (tests and tools; the domain
// normally writes it to the outbox).
func NewShowReminderTask(p show.ReminderJob) (*asynq.Task, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeShowReminder, b), nil
}

// NewShowLiveTask builds a "show is live" task.
func NewShowLiveTask(p show.LiveJob) (*asynq.Task, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeShowLive, b), nil
}

// ShowJobs is what the show handlers need; the show service implements it.
type ShowJobs interface {
	SendReminder(ctx context.Context, job show.ReminderJob) (int, error)
	NotifyLive(ctx context.Context, job show.LiveJob) (int, error)
}

// IndexJobs is what the search handlers need; the discovery service
// implements it.
type IndexJobs interface {
	IndexShow(ctx context.Context, job show.IndexJob) error
	IndexProduct(ctx context.Context, job catalog.IndexJob) error
}

// OrderJobs is what the order handlers need; the order service implements it.
type OrderJobs interface {
	ExpireReservations(ctx context.Context) (int, error)
	Reconcile(ctx context.Context) error
	SendRefund(ctx context.Context, paymentRefundID string) error
}

// PayoutJobs is what the payout handler needs; the payout service
// implements it.
type PayoutJobs interface {
	Run(ctx context.Context) (*payout.RunResult, error)
}

// Handlers turn tasks into domain calls. Every handler is idempotent: the
// domain reloads by id, checks state and records what it has done.
type Handlers struct {
	Shows  ShowJobs
	Search IndexJobs
	Orders OrderJobs
	// Payouts runs payouts (nil: the task is not handled here).
	Payouts PayoutJobs
	// Log, when set, records what each payout run did.
	Log *slog.Logger
}

// HandlePayoutRun runs the payouts. Running it twice, at once or after a
// crash, pays nobody twice (see domain/payout); an error (the database or
// the provider unreachable) makes asynq retry it with backoff, and the
// retry sends what the failed run left.
func (h *Handlers) HandlePayoutRun(ctx context.Context, _ *asynq.Task) error {
	res, err := h.Payouts.Run(ctx)
	if h.Log != nil && res != nil {
		h.Log.InfoContext(ctx, "payouts: run", "period", res.Period, "created", len(res.Created), "sent", res.Sent, "failed", res.Failed, "err", err)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", TypePayoutRun, err)
	}
	return nil
}

// HandleExpireReservations cancels unpaid checkouts past their reservation
// and returns their stock (safe to run concurrently: each order is released
// by one conditional statement), then reconciles with the payment provider
// (charges that landed after their order expired, refunds left unsent).
func (h *Handlers) HandleExpireReservations(ctx context.Context, _ *asynq.Task) error {
	_, expireErr := h.Orders.ExpireReservations(ctx)
	if err := errors.Join(expireErr, h.Orders.Reconcile(ctx)); err != nil {
		return fmt.Errorf("%s: %w", TypeExpireReservations, err)
	}
	return nil
}

// HandleSendRefund asks the payment provider for a queued refund. While
// the provider fails, the handler fails and asynq retries it with backoff;
// a refund the provider confirmed is never sent again.
func (h *Handlers) HandleSendRefund(ctx context.Context, t *asynq.Task) error {
	var p order.RefundJob
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.PaymentRefundID == "" {
		return fmt.Errorf("bad %s payload %q: %v: %w", TypeSendRefund, t.Payload(), err, asynq.SkipRetry)
	}
	if err := h.Orders.SendRefund(ctx, p.PaymentRefundID); err != nil {
		if errors.Is(err, kernel.ErrNotFound) { // no such refund: retrying cannot help
			return fmt.Errorf("%s: %w: %w", TypeSendRefund, err, asynq.SkipRetry)
		}
		return fmt.Errorf("%s: %w", TypeSendRefund, err)
	}
	return nil
}

// HandleIndexShow re-indexes a show; while the engine is down it fails and
// asynq retries it.
func (h *Handlers) HandleIndexShow(ctx context.Context, t *asynq.Task) error {
	var p show.IndexJob
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.ShowID == "" {
		return fmt.Errorf("bad %s payload %q: %v: %w", TypeIndexShow, t.Payload(), err, asynq.SkipRetry)
	}
	return h.Search.IndexShow(ctx, p)
}

// HandleIndexProduct re-indexes a product.
func (h *Handlers) HandleIndexProduct(ctx context.Context, t *asynq.Task) error {
	var p catalog.IndexJob
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.ProductID == "" {
		return fmt.Errorf("bad %s payload %q: %v: %w", TypeIndexProduct, t.Payload(), err, asynq.SkipRetry)
	}
	return h.Search.IndexProduct(ctx, p)
}

// HandleShowReminder sends a show's reminders.
func (h *Handlers) HandleShowReminder(ctx context.Context, t *asynq.Task) error {
	var p show.ReminderJob
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.ShowID == "" {
		return fmt.Errorf("bad %s payload %q: %v: %w", TypeShowReminder, t.Payload(), err, asynq.SkipRetry)
	}
	if _, err := h.Shows.SendReminder(ctx, p); err != nil {
		return fmt.Errorf("%s: %w", TypeShowReminder, err)
	}
	return nil
}

// HandleShowLive tells a live show's audience.
func (h *Handlers) HandleShowLive(ctx context.Context, t *asynq.Task) error {
	var p show.LiveJob
	if err := json.Unmarshal(t.Payload(), &p); err != nil || p.ShowID == "" {
		return fmt.Errorf("bad %s payload %q: %v: %w", TypeShowLive, t.Payload(), err, asynq.SkipRetry)
	}
	if _, err := h.Shows.NotifyLive(ctx, p); err != nil {
		return fmt.Errorf("%s: %w", TypeShowLive, err)
	}
	return nil
}

// Mux routes task types to handlers.
func (h *Handlers) Mux() *asynq.ServeMux {
	mux := asynq.NewServeMux()
	mux.HandleFunc(TypeShowReminder, h.HandleShowReminder)
	mux.HandleFunc(TypeShowLive, h.HandleShowLive)
	mux.HandleFunc(TypeIndexShow, h.HandleIndexShow)
	mux.HandleFunc(TypeIndexProduct, h.HandleIndexProduct)
	if h.Orders != nil {
		mux.HandleFunc(TypeExpireReservations, h.HandleExpireReservations)
		mux.HandleFunc(TypeSendRefund, h.HandleSendRefund)
	}
	if h.Payouts != nil {
		mux.HandleFunc(TypePayoutRun, h.HandlePayoutRun)
	}
	return mux
}

// ServerConfig is the asynq server configuration Livemarket uses;
// checkInterval is how often scheduled tasks are looked for (asynq's default
// is 5 s; tests use less).
func ServerConfig(concurrency int, checkInterval time.Duration) asynq.Config {
	return asynq.Config{
		Concurrency:              concurrency,
		Queues:                   map[string]int{"default": 1},
		DelayedTaskCheckInterval: checkInterval,
	}
}
