package workers_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/migrations"
	"github.com/livemarket/livemarket/workers"
)

// The worker process: its database, Redis, and whether its provider hangs
// (after touching a marker file) instead of answering.
const (
	workerEnv      = "LIVEMARKET_TEST_PAYOUT_WORKER" // the database URL
	workerRedisEnv = "LIVEMARKET_TEST_PAYOUT_REDIS"  // host:port/db
	workerHangEnv  = "LIVEMARKET_TEST_PAYOUT_HANG"   // marker file path
	// crashRedisDB is the Redis database this test's queues live in, apart
	// from the other tests' (database 0).
	crashRedisDB = 11
	crashLease   = 2 * time.Second
)

// sendsTable is the test provider's own record: one row per payout it
// accepted (idempotent on the payout id, as payout.Provider requires),
// counting every call.
const sendsTable = `CREATE TABLE test_payout_sends (
	payout_id TEXT PRIMARY KEY, party_id TEXT NOT NULL, currency TEXT NOT NULL,
	amount BIGINT NOT NULL, calls INTEGER NOT NULL)`

// tableProvider is the worker process's provider.
type tableProvider struct {
	db   *bun.DB
	hang string
}

func (tableProvider) Name() string { return "manual" }

func (p tableProvider) Send(ctx context.Context, po *payout.Payout) (payout.Sent, error) {
	if p.hang != "" { // the process is killed in here
		_ = os.WriteFile(p.hang, []byte(po.ID), 0o644)
		select {}
	}
	_, err := p.db.NewRaw(`INSERT INTO test_payout_sends (payout_id, party_id, currency, amount, calls) VALUES (?, ?, ?, ?, 1)
		ON CONFLICT (payout_id) DO UPDATE SET calls = test_payout_sends.calls + 1`,
		po.ID, po.PartyID, po.Currency, po.AmountMinor).Exec(ctx)
	return payout.Sent{}, err
}

// payoutWorkerMain runs a worker process until SIGTERM.
func payoutWorkerMain() int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	d, err := db.Open(ctx, os.Getenv(workerEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer d.Close()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	svc := payout.NewService(d, kernel.SystemClock{}, payout.Options{Minimum: 1000, SendLease: crashLease, SendTimeout: crashLease / 8, Logger: log,
		Provider: tableProvider{db: d, hang: os.Getenv(workerHangEnv)}})
	var addr string
	var rdb int
	if _, err := fmt.Sscanf(os.Getenv(workerRedisEnv), "%s %d", &addr, &rdb); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	err = workers.Run(ctx, workers.Options{Redis: asynq.RedisClientOpt{Addr: addr, DB: rdb}, DB: d, Clock: kernel.SystemClock{},
		Handlers: &workers.Handlers{Payouts: svc, Log: log}, PayoutSchedule: "off",
		CheckInterval: 100 * time.Millisecond, RelayInterval: 100 * time.Millisecond, Log: log})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// TestPayoutExactlyOnceAcrossCrashes: on real PostgreSQL and Redis, a
// worker process is killed while the provider is being called (after the
// payouts and their ledger postings are committed); then two workers run
// the task twice at once. Every party is paid exactly its available
// balance, once, and the ledger balances throughout.
func TestPayoutExactlyOnceAcrossCrashes(t *testing.T) {
	redisURL := testkit.RedisURL(t)
	dbURL := testkit.FreshPostgresURL(t)
	d, err := db.Open(ctx, dbURL)
	must(t, err)
	defer d.Close()
	_, err = migrations.Up(ctx, d)
	must(t, err)
	_, err = d.ExecContext(ctx, sendsTable)
	must(t, err)

	ropt, err := redis.ParseURL(redisURL)
	must(t, err)
	rc := redis.NewClient(&redis.Options{Addr: ropt.Addr, Password: ropt.Password, DB: crashRedisDB})
	defer rc.Close()
	must(t, rc.FlushDB(ctx).Err())
	t.Cleanup(func() { rc.FlushDB(context.Background()) })
	queue := asynq.RedisClientOpt{Addr: ropt.Addr, Password: ropt.Password, DB: crashRedisDB}
	client := asynq.NewClient(queue)
	defer client.Close()

	// Matured earnings: 20 vendors and 20 influencers, some in two currencies.
	want := map[[2]string]int64{} // party, currency → amount
	earned := time.Now().Add(-15 * 24 * time.Hour)
	for n := 0; n < 20; n++ {
		v, i := kernel.NewID(), kernel.NewID()
		currencies := []string{"USD"}
		if n%4 == 0 {
			currencies = append(currencies, "EUR")
		}
		for _, cur := range currencies {
			for k := 0; k < 5; k++ {
				orderID := kernel.NewID()
				line := ledger.Line{VendorID: v, InfluencerID: i, Currency: cur, Total: int64(3000 + 97*n + 13*k), CommissionBps: 1200, FeeBps: 500}
				p, err := ledger.PaymentPosting(ledger.PaymentKey(orderID), orderID, earned, []ledger.Line{line})
				must(t, err)
				must(t, ledger.Post(ctx, d, p))
				want[[2]string{v, cur}] += line.Parts().Vendor
				want[[2]string{i, cur}] += line.Parts().Influencer
			}
		}
	}

	dir := t.TempDir()
	worker := func(name, hang string) (*exec.Cmd, *os.File) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		logf, err := os.Create(filepath.Join(dir, name+".log"))
		must(t, err)
		cmd.Stdout, cmd.Stderr = logf, logf
		cmd.Env = append(os.Environ(), workerEnv+"="+dbURL, fmt.Sprintf("%s=%s %d", workerRedisEnv, ropt.Addr, crashRedisDB), workerHangEnv+"="+hang)
		must(t, cmd.Start())
		t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait(); logf.Close() })
		return cmd, logf
	}
	enqueue := func() {
		t.Helper()
		if _, err := client.Enqueue(asynq.NewTask(workers.TypePayoutRun, nil), asynq.MaxRetry(3)); err != nil {
			t.Fatal(err)
		}
	}
	type row struct {
		Status string `bun:"status"`
		N      int    `bun:"n"`
	}
	statuses := func() map[string]int {
		var rows []row
		must(t, d.NewSelect().Table("payouts").ColumnExpr("status, COUNT(*) AS n").Group("status").Scan(ctx, &rows))
		out := map[string]int{}
		for _, r := range rows {
			out[r.Status] = r.N
		}
		return out
	}
	checkLedger := func(when string) {
		t.Helper()
		if err := ledger.Check(ctx, d); err != nil {
			t.Fatalf("%s: ledger: %v", when, err)
		}
	}

	// 1. A worker dies while the provider is being called.
	marker := filepath.Join(dir, "in-provider")
	a, logA := worker("a", marker)
	enqueue()
	waitFor(t, func() bool { _, err := os.Stat(marker); return err == nil })
	must(t, a.Process.Signal(syscall.SIGKILL))
	_ = a.Wait()
	logA.Close()
	var sends int
	must(t, d.NewSelect().Table("test_payout_sends").ColumnExpr("COUNT(*)").Scan(ctx, &sends))
	if got := statuses(); got[payout.StatusCreated] != len(want) || sends != 0 {
		t.Fatalf("after the crash: payouts %v, %d sent; want %d CREATED, none sent", got, sends, len(want))
	}
	checkLedger("after the crash")

	// 2. Two workers start; the task runs twice at once, after the dead
	// run's claim on the payout it was sending has lapsed.
	time.Sleep(crashLease + 500*time.Millisecond)
	worker("b", "")
	worker("c", "")
	var wg sync.WaitGroup
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func() { defer wg.Done(); enqueue() }()
	}
	wg.Wait()
	// On a loaded machine a send may outlast its timeout; the run then
	// fails and asynq retries it after its backoff (15 s to a minute for
	// the first retry): the payouts must still all be sent, once.
	waitUpTo(t, 3*time.Minute, func() bool { return statuses()[payout.StatusPending] == len(want) })
	time.Sleep(time.Second) // anything else the two runs would do, they do now

	var got []struct {
		PartyID  string `bun:"party_id"`
		Currency string `bun:"currency"`
		Amount   int64  `bun:"amount"`
		Calls    int    `bun:"calls"`
	}
	must(t, d.NewSelect().Table("test_payout_sends").Column("party_id", "currency", "amount", "calls").Scan(ctx, &got))
	paid := map[[2]string]int64{}
	for _, s := range got {
		paid[[2]string{s.PartyID, s.Currency}] += s.Amount
		if s.Calls != 1 {
			t.Errorf("payout of %s %s sent %d times", s.PartyID, s.Currency, s.Calls)
		}
	}
	if len(paid) != len(want) {
		t.Fatalf("%d parties and currencies paid, want %d", len(paid), len(want))
	}
	for k, amount := range want {
		if paid[k] != amount {
			t.Errorf("%s %s: paid %d, want %d", k[0], k[1], paid[k], amount)
		}
	}
	if got := statuses(); len(got) != 1 {
		t.Fatalf("payouts: %v, want all %d PENDING", got, len(want))
	}
	ps, err := ledger.Payables(ctx, d, time.Now().Add(-14*24*time.Hour), nil, "")
	must(t, err)
	for _, p := range ps {
		if p.Available != 0 || p.Pending != 0 || p.PaidOut != want[[2]string{p.PartyID, p.Currency}] {
			t.Errorf("balance after the payouts: %+v", p)
		}
	}
	checkLedger("after the payouts")
}

// TestPayoutScheduleRunsPayouts: a worker given PAYOUT_SCHEDULE enqueues
// the payout task itself (real Redis), and the run pays the matured
// balance once, however many times the schedule fires.
func TestPayoutScheduleRunsPayouts(t *testing.T) {
	redisURL := testkit.RedisURL(t)
	ropt, err := redis.ParseURL(redisURL)
	must(t, err)
	const scheduleDB = 12
	rc := redis.NewClient(&redis.Options{Addr: ropt.Addr, Password: ropt.Password, DB: scheduleDB})
	defer rc.Close()
	must(t, rc.FlushDB(ctx).Err())
	t.Cleanup(func() { rc.FlushDB(context.Background()) })

	d := testkit.OpenSQLite(t)
	vendorID := kernel.NewID()
	orderID := kernel.NewID()
	line := ledger.Line{VendorID: vendorID, Currency: "USD", Total: 25000, FeeBps: 500}
	p, err := ledger.PaymentPosting(ledger.PaymentKey(orderID), orderID, time.Now().Add(-15*24*time.Hour), []ledger.Line{line})
	must(t, err)
	must(t, ledger.Post(ctx, d, p))
	svc := payout.NewService(d, kernel.SystemClock{}, payout.Options{})

	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- workers.Run(wctx, workers.Options{Redis: asynq.RedisClientOpt{Addr: ropt.Addr, Password: ropt.Password, DB: scheduleDB},
			DB: d, Clock: kernel.SystemClock{}, Handlers: &workers.Handlers{Payouts: svc}, PayoutSchedule: "@every 1s",
			CheckInterval: 100 * time.Millisecond, RelayInterval: 100 * time.Millisecond,
			Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	}()
	defer func() { cancel(); <-done }()
	var payouts []*payout.Payout
	waitFor(t, func() bool {
		payouts = nil
		must(t, d.NewSelect().Model(&payouts).Scan(ctx))
		return len(payouts) == 1 && payouts[0].Status == payout.StatusPending
	})
	time.Sleep(2500 * time.Millisecond) // the schedule fires again: nothing more to pay
	payouts = nil
	must(t, d.NewSelect().Model(&payouts).Scan(ctx))
	if len(payouts) != 1 || payouts[0].AmountMinor != line.Parts().Vendor {
		t.Fatalf("payouts after the schedule fired again: %+v, want one of %d", payouts, line.Parts().Vendor)
	}
	must(t, ledger.Check(ctx, d))
}
