package workers_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/search/embedded"
	"github.com/livemarket/livemarket/workers"
)

var ctx = context.Background()

// world is a host with a published show, two shoppers holding reminders and
// one follower (who also holds a reminder, so must be told once).
type world struct {
	s        *testkit.Server
	host     kernel.Viewer
	shoppers []kernel.Viewer
	follower kernel.Viewer
	show     *show.Show
}

func newWorld(t *testing.T, s *testkit.Server, startIn time.Duration) *world {
	t.Helper()
	a := s.App
	user := func(email string) kernel.Viewer {
		_, id := s.SignUp(t, email, email)
		return kernel.Viewer{UserID: id}
	}
	w := &world{s: s}
	owner := user("owner@example.com")
	w.host = user("host@example.com")
	w.shoppers = []kernel.Viewer{user("a@example.com"), user("b@example.com")}
	w.follower = user("fan@example.com")
	vd, err := a.Vendors.Create(ctx, owner, vendor.CreateInput{Name: "V", Slug: "v-co"})
	must(t, err)
	p, err := a.Catalog.Create(ctx, owner, catalog.CreateInput{VendorID: vd.ID, Title: "Lipstick", Category: "beauty",
		Price: kernel.Money{AmountMinor: 1000, Currency: "USD"}, Stock: 5, SKU: "L1"})
	must(t, err)
	inf, err := a.Influencers.CreateProfile(ctx, w.host, influencer.CreateInput{Handle: "host", DisplayName: "Host"})
	must(t, err)
	o, err := a.Collab.PublishOffer(ctx, owner, collab.PublishInput{ProductID: p.ID, CommissionBps: 1500})
	must(t, err)
	_, err = a.Collab.Book(ctx, w.host, collab.BookInput{OfferID: o.ID})
	must(t, err)
	now := s.Clock.Now()
	w.show, err = a.Shows.Create(ctx, w.host, show.CreateInput{Details: show.Details{Title: "Glow", Category: "beauty"},
		ScheduledStart: now.Add(startIn), ScheduledEnd: now.Add(startIn + time.Hour), ProductIDs: []string{p.ID}})
	must(t, err)
	_, err = a.Shows.Publish(ctx, w.host, w.show.ID)
	must(t, err)
	for _, v := range append(w.shoppers, w.follower) {
		_, err = a.Shows.RemindMe(ctx, v, w.show.ID)
		must(t, err)
	}
	_, err = a.Influencers.Follow(ctx, w.follower, inf.ID)
	must(t, err)
	return w
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// notices counts each user's notifications of kind.
func notices(t *testing.T, db bun.IDB, kind string) map[string]int {
	t.Helper()
	var rows []struct {
		UserID string `bun:"user_id"`
		N      int    `bun:"n"`
	}
	must(t, db.NewSelect().Table("notifications").Column("user_id").ColumnExpr("COUNT(*) AS n").
		Where("kind = ?", kind).Group("user_id").Scan(ctx, &rows))
	m := map[string]int{}
	for _, r := range rows {
		m[r.UserID] = r.N
	}
	return m
}

// pendingJobs returns the outbox messages of kind, oldest first.
func pendingJobs(t *testing.T, db bun.IDB, kind string) []*outbox.Message {
	t.Helper()
	var ms []*outbox.Message
	must(t, db.NewSelect().Model(&ms).Where("kind = ?", kind).OrderExpr("id").Scan(ctx))
	return ms
}

func reminderJob(t *testing.T, m *outbox.Message) show.ReminderJob {
	t.Helper()
	var j show.ReminderJob
	must(t, json.Unmarshal([]byte(m.Payload), &j))
	return j
}

// TestReminderHandlersAreIdempotent calls the handlers directly, twice each:
// everyone is told once, at the lead time; rescheduling voids the old
// reminder and schedules a new one; cancelling voids it.
func TestReminderHandlersAreIdempotent(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		w := newWorld(t, s, 48*time.Hour)
		h := &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery}

		jobs := pendingJobs(t, db, workers.TypeShowReminder)
		if len(jobs) != 1 || !jobs[0].RunAt.Equal(w.show.ScheduledStart.Add(-show.DefaultReminderLead)) {
			t.Fatalf("reminder jobs: %+v", jobs)
		}
		run := func(m *outbox.Message) {
			task := asynq.NewTask(m.Kind, []byte(m.Payload))
			for i := 0; i < 2; i++ {
				must(t, h.HandleShowReminder(ctx, task))
			}
		}

		// Reschedule first: the original reminder becomes void.
		newStart := w.show.ScheduledStart.Add(24 * time.Hour)
		_, err := s.App.Shows.Reschedule(ctx, w.host, w.show.ID, newStart, newStart.Add(time.Hour))
		must(t, err)
		jobs = pendingJobs(t, db, workers.TypeShowReminder)
		if len(jobs) != 2 || !reminderJob(t, jobs[1]).Start.Equal(newStart) || !jobs[1].RunAt.Equal(newStart.Add(-show.DefaultReminderLead)) {
			t.Fatalf("after reschedule: %+v", jobs)
		}
		run(jobs[0])
		if n := notices(t, db, "show.reminder"); len(n) != 0 {
			t.Fatalf("the void reminder sent %v", n)
		}
		run(jobs[1])
		got := notices(t, db, "show.reminder")
		want := map[string]int{w.shoppers[0].UserID: 1, w.shoppers[1].UserID: 1, w.follower.UserID: 1}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("reminders sent %v, want %v", got, want)
		}
		// Moved again after its reminder went out: everyone is reminded of
		// the new start, once.
		newStart = newStart.Add(2 * time.Hour)
		_, err = s.App.Shows.Reschedule(ctx, w.host, w.show.ID, newStart, newStart.Add(time.Hour))
		must(t, err)
		jobs = pendingJobs(t, db, workers.TypeShowReminder)
		if len(jobs) != 3 || !reminderJob(t, jobs[2]).Start.Equal(newStart) {
			t.Fatalf("after the second reschedule: %+v", jobs)
		}
		run(jobs[1]) // the void one again
		run(jobs[2])
		got = notices(t, db, "show.reminder")
		for u := range want {
			want[u] = 2
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("reminders sent after the second move %v, want %v", got, want)
		}

		// A bad payload is not retried.
		if err := h.HandleShowReminder(ctx, asynq.NewTask(workers.TypeShowReminder, []byte("{"))); err == nil {
			t.Fatal("bad payload accepted")
		}

		// Going live tells the same audience once.
		s.Clock.Set(newStart.Add(-10 * time.Minute))
		_, err = s.App.Shows.GoLive(ctx, w.host, w.show.ID)
		must(t, err)
		live := pendingJobs(t, db, workers.TypeShowLive)
		if len(live) != 1 {
			t.Fatalf("live jobs: %+v", live)
		}
		for i := 0; i < 2; i++ {
			must(t, h.HandleShowLive(ctx, asynq.NewTask(live[0].Kind, []byte(live[0].Payload))))
		}
		if n := notices(t, db, "show.live"); len(n) != 3 || n[w.follower.UserID] != 1 {
			t.Fatalf("live notices %v", n)
		}
	})
}

func TestCancelledShowSendsNoReminder(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	w := newWorld(t, s, 48*time.Hour)
	_, err := s.App.Shows.Cancel(ctx, w.host, w.show.ID)
	must(t, err)
	jobs := pendingJobs(t, s.DB, workers.TypeShowReminder)
	h := &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery}
	must(t, h.HandleShowReminder(ctx, asynq.NewTask(jobs[0].Kind, []byte(jobs[0].Payload))))
	if n := notices(t, s.DB, "show.reminder"); len(n) != 0 {
		t.Fatalf("a cancelled show sent reminders: %v", n)
	}
}

// TestRelayEnqueuesOnceAtRunAt relays to real Redis: the reminder is
// scheduled at its lead time under the outbox id, and relaying the same row
// again (as after a crash before marking it) enqueues nothing new.
func TestRelayEnqueuesOnceAtRunAt(t *testing.T) {
	redisOpt, err := asynq.ParseRedisURI(testkit.RedisURL(t))
	must(t, err)
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	s.Clock.Set(time.Now())
	w := newWorld(t, s, 48*time.Hour)
	client := asynq.NewClient(redisOpt)
	defer client.Close()
	relay := &workers.Relay{DB: s.DB, Queue: client, Clock: s.Clock}
	jobs := pendingJobs(t, s.DB, workers.TypeShowReminder)
	inspector := asynq.NewInspector(redisOpt)
	defer inspector.Close()
	t.Cleanup(func() { _ = inspector.DeleteTask("default", jobs[0].ID) })

	pending, err := outbox.Pending(ctx, s.DB, 100)
	must(t, err)
	t.Cleanup(func() {
		for _, m := range pending {
			_ = inspector.DeleteTask("default", m.ID)
		}
	})
	n, err := relay.RelayOnce(ctx)
	if err != nil || n != len(pending) {
		t.Fatalf("relay: %d of %d, %v", n, len(pending), err)
	}
	info, err := inspector.GetTaskInfo("default", jobs[0].ID)
	if err != nil {
		t.Fatalf("task %s not in the queue: %v", jobs[0].ID, err)
	}
	if info.State != asynq.TaskStateScheduled || info.NextProcessAt.Unix() != w.show.ScheduledStart.Add(-show.DefaultReminderLead).Unix() {
		t.Fatalf("task %s: state %v at %v", info.ID, info.State, info.NextProcessAt)
	}
	// Crash simulation: the row is pending again; relaying is a conflict, counted as done.
	_, err = s.DB.NewUpdate().Table("outbox").Set("relayed_at = NULL").Where("id = ?", jobs[0].ID).Exec(ctx)
	must(t, err)
	if n, err := relay.RelayOnce(ctx); err != nil || n != 1 {
		t.Fatalf("second relay: %d %v", n, err)
	}
	tasks, err := inspector.ListScheduledTasks("default", asynq.PageSize(1000))
	must(t, err)
	count := 0
	for _, tk := range tasks {
		if tk.ID == jobs[0].ID {
			count++
		}
	}
	if count != 1 {
		t.Fatalf("task enqueued %d times", count)
	}
	if left, _ := outbox.Pending(ctx, s.DB, 10); len(left) != 0 {
		t.Fatalf("outbox still pending: %d", len(left))
	}
}

// TestReminderSurvivesRedisOutage runs a worker against a Redis of its own,
// stops Redis, publishes a show whose reminder is due, and starts Redis
// again: the reminder is delivered once Redis is back.
func TestReminderSurvivesRedisOutage(t *testing.T) {
	testkit.RedisURL(t) // real Redis is required (CI provides it)
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Fatalf("redis-server not installed: %v", err)
	}
	port := freePort(t)
	startRedis := func() *exec.Cmd {
		cmd := exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
		must(t, cmd.Start())
		waitFor(t, func() bool {
			c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
			if err == nil {
				c.Close()
			}
			return err == nil
		})
		return cmd
	}
	redis := startRedis()
	defer func() { _ = redis.Process.Kill(); _ = redis.Wait() }()

	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	s.Clock.Set(time.Now())
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- workers.Run(wctx, workers.Options{Redis: asynq.RedisClientOpt{Addr: "127.0.0.1:" + strconv.Itoa(port)}, DB: s.DB,
			Clock: s.Clock, Handlers: &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery}, CheckInterval: 100 * time.Millisecond,
			RelayInterval: 100 * time.Millisecond})
	}()
	defer func() { cancel(); <-done }()

	// Redis goes down before the show is published.
	_ = redis.Process.Kill()
	_ = redis.Wait()
	w := newWorld(t, s, 10*time.Minute) // the reminder is due at once
	time.Sleep(500 * time.Millisecond)  // the relay tries and fails meanwhile
	if left, _ := outbox.Pending(ctx, s.DB, 10); len(left) == 0 {
		t.Fatal("the reminder left the outbox while Redis was down")
	}
	if n := notices(t, s.DB, "show.reminder"); len(n) != 0 {
		t.Fatalf("reminders sent without Redis: %v", n)
	}

	redis = startRedis()
	waitFor(t, func() bool { return len(notices(t, s.DB, "show.reminder")) == 3 })
	time.Sleep(300 * time.Millisecond) // any duplicate would land now
	got := notices(t, s.DB, "show.reminder")
	for _, v := range append(w.shoppers, w.follower) {
		if got[v.UserID] != 1 {
			t.Fatalf("reminders after Redis returned: %v", got)
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	waitUpTo(t, 20*time.Second, ok)
}

// waitUpTo waits until ok holds, at most d.
func waitUpTo(t *testing.T, d time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("condition not met within %s", d)
}

// TestIndexJobsRetryWhileSearchIsDown: with the engine down the index handler
// fails (so asynq retries it, it is not skipped); once the engine is back the
// same job indexes the show.
func TestIndexJobsRetryWhileSearchIsDown(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	w := newWorld(t, s, 48*time.Hour)
	jobs := pendingJobs(t, s.DB, workers.TypeIndexShow)
	if len(jobs) == 0 {
		t.Fatal("publishing left no index job")
	}
	task := asynq.NewTask(jobs[len(jobs)-1].Kind, []byte(jobs[len(jobs)-1].Payload))
	down := &workers.Handlers{Search: discovery.NewService(s.DB, discovery.Unavailable{})}
	err := down.HandleIndexShow(ctx, task)
	if !errors.Is(err, discovery.ErrUnavailable) || errors.Is(err, asynq.SkipRetry) {
		t.Fatalf("with search down: %v (want a retryable ErrUnavailable)", err)
	}
	eng, err := embedded.OpenMemory()
	must(t, err)
	defer eng.Close()
	must(t, eng.Setup(ctx))
	up := &workers.Handlers{Search: discovery.NewService(s.DB, eng)}
	must(t, up.HandleIndexShow(ctx, task))
	res, err := eng.SearchShows(ctx, discovery.ShowQuery{Text: "glow", Statuses: []string{show.StatusScheduled}, Limit: 10})
	must(t, err)
	if res.Total != 1 || res.IDs[0] != w.show.ID {
		t.Fatalf("after the engine returned: %+v", res)
	}
}
