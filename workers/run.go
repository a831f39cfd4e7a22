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
	Log         *slog.Logger
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
	var sched *asynq.Scheduler
	if opt.Handlers.Orders != nil {
		if opt.ExpireEvery <= 0 {
			opt.ExpireEvery = time.Minute
		}
		sched = asynq.NewScheduler(opt.Redis, &asynq.SchedulerOpts{Location: time.UTC, Logger: asynqLogger{opt.Log}})
		if _, err := sched.Register(fmt.Sprintf("@every %s", opt.ExpireEvery), asynq.NewTask(TypeExpireReservations, nil),
			asynq.Unique(opt.ExpireEvery), asynq.MaxRetry(3)); err != nil {
			srv.Shutdown()
			return fmt.Errorf("workers: schedule: %w", err)
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
