package workers

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Options configure a worker process.
type Options struct {
	Redis         asynq.RedisConnOpt
	DB            bun.IDB
	Clock         kernel.Clock
	Handlers      *Handlers
	Concurrency   int
	CheckInterval time.Duration // scheduled-task polling (default 1 s)
	RelayInterval time.Duration // outbox polling (default 250 ms)
	// ExpireEvery is how often reservations are swept (default 1 min; the
	// periodic task is unique per period, so many workers enqueue it once).
	ExpireEvery time.Duration
	// PayoutSchedule is when payouts run: a cron spec or "@every 1h"
	// (default "@daily", midnight UTC); "off" schedules none (an admin
	// runs them with payoutRun).
	PayoutSchedule string
	Log            *slog.Logger
}

// PayoutTaskOptions are the options of the scheduled payout task: unique
// while queued or running (asynq drops the lock when the task completes, or
// after an hour), so several workers' schedulers enqueue one run per
// firing; retried with asynq's exponential backoff; kept a week after it
// succeeds and, once its retries are spent, archived for inspection.
func PayoutTaskOptions() []asynq.Option {
	return []asynq.Option{asynq.Unique(time.Hour), asynq.MaxRetry(12), asynq.Timeout(30 * time.Minute), asynq.Retention(7 * 24 * time.Hour)}
}

// Run runs the asynq server and the outbox relay until ctx ends.
func Run(ctx context.Context, opt Options) error {
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = 10
	}
	if opt.CheckInterval <= 0 {
		opt.CheckInterval = time.Second
	}
	cfg := ServerConfig(opt.Concurrency, opt.CheckInterval)
	cfg.Logger = asynqLogger{opt.Log}
	srv := asynq.NewServer(opt.Redis, cfg)
	if err := srv.Start(opt.Handlers.Mux()); err != nil {
		return fmt.Errorf("workers: start asynq server: %w", err)
	}
	type entry struct {
		spec string
		task *asynq.Task
		opts []asynq.Option
	}
	var periodic []entry
	if opt.Handlers.Orders != nil {
		if opt.ExpireEvery <= 0 {
			opt.ExpireEvery = time.Minute
		}
		periodic = append(periodic, entry{fmt.Sprintf("@every %s", opt.ExpireEvery), asynq.NewTask(TypeExpireReservations, nil),
			[]asynq.Option{asynq.Unique(opt.ExpireEvery), asynq.MaxRetry(3)}})
	}
	if opt.Handlers.Payouts != nil && opt.PayoutSchedule != "off" {
		if opt.PayoutSchedule == "" {
			opt.PayoutSchedule = "@daily"
		}
		periodic = append(periodic, entry{opt.PayoutSchedule, asynq.NewTask(TypePayoutRun, nil), PayoutTaskOptions()})
	}
	var sched *asynq.Scheduler
	if len(periodic) > 0 {
		sched = asynq.NewScheduler(opt.Redis, &asynq.SchedulerOpts{Location: time.UTC, Logger: asynqLogger{opt.Log}})
		for _, e := range periodic {
			if _, err := sched.Register(e.spec, e.task, e.opts...); err != nil {
				srv.Shutdown()
				return fmt.Errorf("workers: schedule %s %q: %w", e.task.Type(), e.spec, err)
			}
		}
		if err := sched.Start(); err != nil {
			srv.Shutdown()
			return fmt.Errorf("workers: start scheduler: %w", err)
		}
	}
	client := asynq.NewClient(opt.Redis)
	relay := &Relay{DB: opt.DB, Queue: client, Clock: opt.Clock, Interval: opt.RelayInterval, Log: opt.Log}
	relay.Run(ctx)
	if sched != nil {
		sched.Shutdown()
	}
	srv.Shutdown()
	return client.Close()
}

// asynqLogger sends asynq's logs to slog.
type asynqLogger struct{ l *slog.Logger }

func (a asynqLogger) Debug(args ...any) { a.l.Debug(fmt.Sprint(args...)) }
func (a asynqLogger) Info(args ...any)  { a.l.Info(fmt.Sprint(args...)) }
func (a asynqLogger) Warn(args ...any)  { a.l.Warn(fmt.Sprint(args...)) }
func (a asynqLogger) Error(args ...any) { a.l.Error(fmt.Sprint(args...)) }
func (a asynqLogger) Fatal(args ...any) { a.l.Error(fmt.Sprint(args...)) }
