package workers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/outbox"
)

// Enqueuer is the part of asynq's client the relay uses.
type Enqueuer interface {
	EnqueueContext(ctx context.Context, task *asynq.Task, opts ...asynq.Option) (*asynq.TaskInfo, error)
}

// Relay hands pending outbox messages to asynq. Each task is enqueued with
// asynq.TaskID(message id), so a relay that dies after enqueueing and before
// marking the row retries into a conflict, which counts as done: no job is
// enqueued twice. While Redis is down the rows simply wait.
type Relay struct {
	DB       bun.IDB
	Queue    Enqueuer
	Clock    kernel.Clock
	Interval time.Duration
	Batch    int
	Log      *slog.Logger
}

// RelayOnce relays up to one batch; it returns how many messages reached the
// queue. It stops at the first queue failure (the rest wait for next time).
func (r *Relay) RelayOnce(ctx context.Context) (int, error) {
	batch := r.Batch
	if batch <= 0 {
		batch = 100
	}
	ms, err := outbox.Pending(ctx, r.DB, batch)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ms {
		opts := []asynq.Option{asynq.TaskID(m.ID), asynq.MaxRetry(25)}
		if m.RunAt != nil {
			opts = append(opts, asynq.ProcessAt(*m.RunAt))
		}
		_, err := r.Queue.EnqueueContext(ctx, asynq.NewTask(m.Kind, []byte(m.Payload)), opts...)
		if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
			_ = outbox.MarkFailed(ctx, r.DB, m.ID, err)
			return n, fmt.Errorf("relay %s: %w", m.ID, err)
		}
		if err := outbox.MarkRelayed(ctx, r.DB, m.ID, r.Clock.Now()); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// Run relays until ctx ends, every Interval (default 250 ms: a cheap indexed
// query, and it bounds how long a change waits before its job is queued).
func (r *Relay) Run(ctx context.Context) {
	interval := r.Interval
	if interval <= 0 {
		interval = 250 * time.Millisecond
	}
	log := r.Log
	if log == nil {
		log = slog.Default()
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := r.RelayOnce(ctx); err != nil && ctx.Err() == nil {
			log.WarnContext(ctx, "outbox relay: queue unavailable; messages wait", "relayed", n, "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
