// Command livemarket runs the Livemarket marketplace backend.
//
//	livemarket                    local mode: SQLite under ./data, migrations, demo data, GraphiQL
//	livemarket serve              production API (DATABASE_URL required)
//	livemarket migrate up|down|status
//	livemarket seed
//
// Run `livemarket --help` for every setting.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/graph"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/bus"
	"github.com/livemarket/livemarket/internal/config"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/livekit"
	"github.com/livemarket/livemarket/internal/seed"
	"github.com/livemarket/livemarket/migrations"
	"github.com/livemarket/livemarket/search/embedded"
	"github.com/livemarket/livemarket/search/meili"
	"github.com/livemarket/livemarket/workers"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr, nil); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "livemarket:", err)
			os.Exit(1)
		}
	}
}

// run is main without the process: args without the program name. When ready
// is not nil it receives the bound address once the server listens.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer, ready chan<- string) error {
	cmd := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "", "local":
		return runServer(ctx, config.Local, args, getenv, stdout, stderr, ready)
	case "serve":
		return runServer(ctx, config.Serve, args, getenv, stdout, stderr, ready)
	case "migrate":
		return runMigrate(ctx, args, getenv, stdout, stderr)
	case "seed":
		return runSeed(ctx, args, getenv, stdout, stderr)
	case "worker":
		return runWorker(ctx, args, getenv, stderr)
	case "search":
		return runSearch(ctx, args, getenv, stdout, stderr)
	case "help":
		config.Usage(stdout, "livemarket")
		return nil
	}
	config.Usage(stderr, "livemarket")
	return fmt.Errorf("unknown command %q", cmd)
}

func newLogger(cfg *config.Config, w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		lvl = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

// open connects to the database and applies pending migrations.
func open(ctx context.Context, cfg *config.Config, log *slog.Logger) (*bun.DB, error) {
	database, err := db.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	g, err := migrations.Up(ctx, database)
	if err != nil {
		database.Close()
		return nil, err
	}
	if g.IsZero() {
		log.Info("database schema is up to date")
	} else {
		log.Info("applied migrations", "group", g.ID, "migrations", g.Migrations.String())
	}
	return database, nil
}

func newApp(cfg *config.Config, database *bun.DB, engine discovery.Engine, log *slog.Logger) *app.App {
	var nb notify.Bus
	var eb showevents.Bus
	var sb order.SalesBus
	if cfg.RedisURL != "" {
		// Live notifications and show events cross replicas and workers
		// through Redis.
		if opt, err := redis.ParseURL(cfg.RedisURL); err == nil {
			client := redis.NewClient(opt)
			nb, eb, sb = bus.NewRedisNotifications(client), bus.NewRedisShowEvents(client), bus.NewRedisSales(client)
		} else {
			log.Warn("REDIS_URL does not parse; live events stay in this process", "err", err)
		}
	}
	return app.New(database, app.Options{
		NotifyBus:         nb,
		EventBus:          eb,
		SalesBus:          sb,
		Search:            engine,
		Logger:            log,
		Introspection:     cfg.Introspection,
		GraphiQL:          cfg.GraphiQL,
		Limits:            graph.Limits{MaxComplexity: cfg.MaxComplexity, MaxDepth: cfg.MaxDepth, MaxBodyBytes: cfg.MaxBodyBytes},
		Accounts:          account.Options{SessionTTL: cfg.SessionTTL, SessionCacheTTL: cfg.SessionCacheTTL},
		Collab:            collab.Options{DefaultPlatformFeeBps: cfg.PlatformFeeBps},
		LiveKit:           livekit.Config{URL: cfg.LiveKitURL, APIKey: cfg.LiveKitKey, APISecret: cfg.LiveKitSecret},
		ReminderLead:      cfg.ReminderLead,
		AttributionWindow: cfg.AttributionWindow,
		ReservationTTL:    cfg.ReservationTTL,
		Payout:            payout.Options{Hold: cfg.PayoutHold, Minimum: cfg.PayoutMinimum, Minimums: cfg.PayoutMinimums},
	})
}

func runServer(ctx context.Context, mode config.Mode, args []string, getenv func(string) string, stdout, stderr io.Writer, ready chan<- string) error {
	name := "livemarket"
	if mode == config.Serve {
		name = "livemarket serve"
	}
	cfg, err := config.Load(mode, name, args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	if mode == config.Local {
		log.Info("local mode: unset settings use embedded defaults",
			"database", db.Redact(cfg.DatabaseURL), "graphiql", cfg.GraphiQL, "introspection", cfg.Introspection,
			"video", videoMode(cfg), "defaulted", strings.Join(cfg.Defaulted(), ","))
	} else {
		log.Info("serve mode", "database", db.Redact(cfg.DatabaseURL), "graphiql", cfg.GraphiQL,
			"introspection", cfg.Introspection, "defaulted", strings.Join(cfg.Defaulted(), ","))
	}
	database, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer database.Close()
	engine, closeSearch, fresh, err := openSearch(ctx, mode, cfg, log)
	if err != nil {
		return err
	}
	defer closeSearch()
	a := newApp(cfg, database, engine, log)
	if err := a.Warm(ctx); err != nil {
		return err
	}

	if cfg.AdminEmail != "" {
		if _, err := a.Accounts.EnsureAdmin(ctx, cfg.AdminEmail, cfg.AdminPassword, ""); err != nil {
			return fmt.Errorf("admin bootstrap: %w", err)
		}
		log.Info("admin account ready", "email", cfg.AdminEmail)
	}
	if mode == config.Local {
		creds, created, err := seed.Demo(ctx, a)
		if err != nil {
			return err
		}
		if created {
			log.Info("seeded demo data")
		}
		printCredentials(stdout, creds)
		if fresh && !created {
			// A new search directory beside existing data: rebuild it.
			shows, products, err := a.Discovery.Reindex(ctx)
			if err != nil {
				return fmt.Errorf("search reindex: %w", err)
			}
			log.Info("search: rebuilt the embedded indexes", "shows", shows, "products", products)
		}
	}

	if mode == config.Local {
		// Local mode runs the background jobs in this process, against the
		// configured Redis or an embedded one.
		stopWorkers, err := startLocalWorkers(ctx, cfg, a, log)
		if err != nil {
			return err
		}
		defer stopWorkers()
	}

	ln, err := net.Listen("tcp", cfg.ListenAddr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.ListenAddr, err)
	}
	srv := &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	addr := ln.Addr().String()
	log.Info("listening", "web", "http://"+displayAddr(addr)+"/", "graphql", "http://"+displayAddr(addr)+"/graphql", "healthz", "/healthz", "readyz", "/readyz")
	if cfg.GraphiQL {
		log.Info("GraphiQL", "url", "http://"+displayAddr(addr)+"/graphiql")
	}
	if ready != nil {
		ready <- addr
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests", "timeout", cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	log.Info("stopped")
	return nil
}

func videoMode(cfg *config.Config) string {
	if cfg.LiveKitURL == "" {
		return "not configured (LIVEKIT_URL unset): tokens issued, room calls skipped"
	}
	return cfg.LiveKitURL
}

// openSearch picks the search engine: Meilisearch when MEILI_URL is set; in
// local mode the embedded engine under DATA_DIR/search; otherwise none
// (search answers SEARCH_UNAVAILABLE). fresh reports a newly created embedded
// index, which needs a reindex when the database already has data.
func openSearch(ctx context.Context, mode config.Mode, cfg *config.Config, log *slog.Logger) (discovery.Engine, func(), bool, error) {
	switch {
	case cfg.MeiliURL != "":
		eng, err := meili.New(cfg.MeiliURL, cfg.MeiliAPIKey)
		if err != nil {
			return nil, nil, false, fmt.Errorf("MEILI_URL: %w", err)
		}
		if err := eng.Setup(ctx); err != nil {
			// Index jobs retry and searches report SEARCH_UNAVAILABLE until it is back.
			log.Warn("search: Meilisearch is not reachable yet", "url", cfg.MeiliURL, "err", err)
		} else {
			log.Info("search: Meilisearch", "url", cfg.MeiliURL)
		}
		return eng, func() {}, false, nil
	case mode == config.Local:
		dir := filepath.Join(cfg.DataDir, "search")
		eng, err := embedded.Open(dir)
		if err != nil {
			return nil, nil, false, fmt.Errorf("embedded search: %w", err)
		}
		if err := eng.Setup(ctx); err != nil {
			eng.Close()
			return nil, nil, false, fmt.Errorf("embedded search: %w", err)
		}
		log.Info("search: embedded engine (MEILI_URL unset)", "dir", dir)
		return eng, func() { eng.Close() }, eng.NeedsReindex(), nil
	}
	log.Warn("search: MEILI_URL is unset; search answers SEARCH_UNAVAILABLE")
	return nil, func() {}, false, nil
}

// startLocalWorkers runs the job server and the outbox relay in-process.
func startLocalWorkers(ctx context.Context, cfg *config.Config, a *app.App, log *slog.Logger) (func(), error) {
	redisOpt, stopRedis, err := localRedis(cfg, log)
	if err != nil {
		return nil, err
	}
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := workers.Run(wctx, workers.Options{Redis: redisOpt, DB: a.DB, Clock: kernel.SystemClock{},
			Handlers:       &workers.Handlers{Shows: a.Shows, Search: a.Discovery, Orders: a.Orders, Payouts: a.Payouts, Log: log},
			PayoutSchedule: cfg.PayoutSchedule, Log: log}); err != nil {
			log.Error("workers stopped", "err", err)
		}
	}()
	return func() { cancel(); <-done; stopRedis() }, nil
}

// localRedis is REDIS_URL when set, else an embedded Redis-compatible server
// (miniredis) whose clock follows the wall clock, so expiring keys expire.
func localRedis(cfg *config.Config, log *slog.Logger) (asynq.RedisConnOpt, func(), error) {
	if cfg.RedisURL != "" {
		opt, err := asynq.ParseRedisURI(cfg.RedisURL)
		if err != nil {
			return nil, nil, fmt.Errorf("REDIS_URL: %w", err)
		}
		return opt, func() {}, nil
	}
	mr := miniredis.NewMiniRedis()
	if err := mr.StartAddr("127.0.0.1:0"); err != nil {
		return nil, nil, fmt.Errorf("embedded redis: %w", err)
	}
	log.Info("jobs: embedded Redis (REDIS_URL unset)", "addr", mr.Addr())
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				mr.FastForward(time.Second)
			}
		}
	}()
	return asynq.RedisClientOpt{Addr: mr.Addr()}, func() { close(stop); mr.Close() }, nil
}

func runWorker(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg, err := config.Load(config.Serve, "livemarket worker", args, getenv, stderr)
	if err != nil {
		return err
	}
	if cfg.RedisURL == "" {
		return errors.New("REDIS_URL (or -redis-url) is required for worker, e.g. redis://127.0.0.1:6379/0")
	}
	redisOpt, err := asynq.ParseRedisURI(cfg.RedisURL)
	if err != nil {
		return fmt.Errorf("REDIS_URL: %w", err)
	}
	log := newLogger(cfg, stderr)
	a, closeAll, err := openApp(ctx, config.Serve, cfg, log)
	if err != nil {
		return err
	}
	defer closeAll()
	// Without MEILI_URL the discovery service answers ErrUnavailable, so
	// index jobs fail and are retried by asynq rather than dropped.
	h := &workers.Handlers{Shows: a.Shows, Search: a.Discovery, Orders: a.Orders, Payouts: a.Payouts, Log: log}
	log.Info("worker: running jobs and the outbox relay", "redis", cfg.RedisURL, "payouts", cfg.PayoutSchedule)
	return workers.Run(ctx, workers.Options{Redis: redisOpt, DB: a.DB, Clock: kernel.SystemClock{}, Handlers: h,
		PayoutSchedule: cfg.PayoutSchedule, Log: log})
}

func displayAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if host == "" || host == "::" || host == "0.0.0.0" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

func printCredentials(w io.Writer, creds []seed.Credential) {
	fmt.Fprintln(w, "Demo accounts (password for all: "+seed.Password+"):")
	for _, c := range creds {
		fmt.Fprintf(w, "  %-34s %s\n", c.Role, c.Email)
	}
}

func runMigrate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return errors.New("usage: livemarket migrate up|down|status [flags]")
	}
	sub, args := args[0], args[1:]
	cfg, err := config.Load(config.Local, "livemarket migrate "+sub, args, getenv, stderr)
	if err != nil {
		return err
	}
	database, err := db.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return err
	}
	defer database.Close()
	switch sub {
	case "up":
		g, err := migrations.Up(ctx, database)
		if err != nil {
			return err
		}
		if g.IsZero() {
			fmt.Fprintln(stdout, "nothing to migrate: the schema is up to date")
		} else {
			fmt.Fprintf(stdout, "applied group %d: %s\n", g.ID, g.Migrations)
		}
	case "down":
		g, err := migrations.Down(ctx, database)
		if err != nil {
			return err
		}
		if g.IsZero() {
			fmt.Fprintln(stdout, "nothing to roll back")
		} else {
			fmt.Fprintf(stdout, "rolled back group %d: %s\n", g.ID, g.Migrations)
		}
	case "status":
		ms, err := migrations.Status(ctx, database)
		if err != nil {
			return err
		}
		for _, m := range ms {
			state := "pending"
			if m.IsApplied() {
				state = fmt.Sprintf("applied (group %d)", m.GroupID)
			}
			fmt.Fprintf(stdout, "%s\t%s\n", m.Name+"_"+m.Comment, state)
		}
	default:
		return fmt.Errorf("unknown migrate command %q (want up, down or status)", sub)
	}
	return nil
}

func runSeed(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := config.Load(config.Local, "livemarket seed", args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	database, err := open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer database.Close()
	creds, created, err := seed.Demo(ctx, newApp(cfg, database, nil, log))
	if err != nil {
		return err
	}
	if created {
		fmt.Fprintln(stdout, "demo data loaded")
	} else {
		fmt.Fprintln(stdout, "demo data already present; nothing to do")
	}
	printCredentials(stdout, creds)
	return nil
}

func runSearch(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "reindex" {
		return errors.New("usage: livemarket search reindex [flags]")
	}
	cfg, err := config.Load(config.Local, "livemarket search reindex", args[1:], getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)
	a, closeAll, err := openApp(ctx, config.Local, cfg, log)
	if err != nil {
		return err
	}
	defer closeAll()
	shows, products, err := a.Discovery.Reindex(ctx)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	fmt.Fprintf(stdout, "reindexed %d shows and %d products\n", shows, products)
	return nil
}

// openApp opens the database (migrated) and the search engine and wires the
// app, for the commands that need all of it but no HTTP server.
func openApp(ctx context.Context, mode config.Mode, cfg *config.Config, log *slog.Logger) (*app.App, func(), error) {
	database, err := open(ctx, cfg, log)
	if err != nil {
		return nil, nil, err
	}
	engine, closeSearch, _, err := openSearch(ctx, mode, cfg, log)
	if err != nil {
		database.Close()
		return nil, nil, err
	}
	return newApp(cfg, database, engine, log), func() { closeSearch(); database.Close() }, nil
}
