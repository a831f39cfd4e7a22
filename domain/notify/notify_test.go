package notify_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/internal/bus"
	"github.com/livemarket/livemarket/internal/testkit"
)

var ctx = context.Background()

type env struct {
	db         *bun.DB
	clock      *kernel.ManualClock
	bus        bus.Notifications
	notes      *notify.Service
	alice, bob kernel.Viewer
}

func newEnv(t *testing.T, db *bun.DB) *env {
	t.Helper()
	clock := kernel.NewManualClock(testkit.Epoch)
	accounts := account.NewService(db, clock, account.Options{Hash: testkit.FastHash})
	b := bus.NewNotifications()
	e := &env{db: db, clock: clock, bus: b, notes: notify.NewService(db, clock, b, nil)}
	for _, u := range []struct {
		v     *kernel.Viewer
		email string
	}{{&e.alice, "alice@example.com"}, {&e.bob, "bob@example.com"}} {
		a, err := accounts.SignUp(ctx, account.SignUpInput{Email: u.email, Password: testkit.Password, DisplayName: u.email})
		if err != nil {
			t.Fatal(err)
		}
		*u.v = kernel.Viewer{UserID: a.User.ID}
	}
	return e
}

// record stores one notification per user in its own transaction and
// publishes it, as a domain service does.
func (e *env) record(t *testing.T, msg notify.Message, users ...kernel.Viewer) []*notify.Notification {
	t.Helper()
	ids := make([]string, len(users))
	for i, u := range users {
		ids[i] = u.UserID
	}
	var ns []*notify.Notification
	err := e.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		ns, err = e.notes.Record(ctx, tx, ids, msg)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	e.notes.Publish(ctx, ns)
	return ns
}

func wantErr(t *testing.T, err error, code kernel.Code, field ...string) {
	t.Helper()
	var ve *kernel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want ValidationError %s on %v, got %v", code, field, err)
	}
	for _, fe := range ve.Errors {
		if fe.Code == code && reflect.DeepEqual(fe.Field, field) && fe.Message != "" {
			return
		}
	}
	t.Fatalf("want %s on %v, got %+v", code, field, ve.Errors)
}

func unchanged(t *testing.T, db *bun.DB, fn func()) {
	t.Helper()
	before := testkit.Snapshot(t, db)
	fn()
	if after := testkit.Snapshot(t, db); after != before {
		t.Fatalf("refused call changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func idsOf(ns []*notify.Notification) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}

func TestRecord(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		subject := kernel.NewID()
		// Duplicated recipients get one notification each.
		ns := e.record(t, notify.Message{Kind: "test.kind", Title: "Hello", Body: "World", SubjectID: subject}, e.alice, e.bob, e.alice)
		if len(ns) != 2 || ns[0].UserID != e.alice.UserID || ns[1].UserID != e.bob.UserID {
			t.Fatalf("recorded %+v", ns)
		}
		for _, n := range ns {
			if !kernel.ValidID(n.ID) || n.Kind != "test.kind" || n.Title != "Hello" || n.Body != "World" ||
				n.SubjectID == nil || *n.SubjectID != subject || n.ReadAt != nil || !n.CreatedAt.Equal(testkit.Epoch) {
				t.Fatalf("recorded %+v", n)
			}
		}
		pg, err := e.notes.List(ctx, e.bob, false, kernel.PageRequest{First: 10})
		if err != nil || len(pg.Items) != 1 {
			t.Fatalf("List = %+v, %v", pg, err)
		}
		got := pg.Items[0]
		if got.ID != ns[1].ID || got.UserID != e.bob.UserID || got.Kind != "test.kind" || got.Title != "Hello" || got.Body != "World" ||
			got.SubjectID == nil || *got.SubjectID != subject || got.ReadAt != nil || !got.CreatedAt.Equal(testkit.Epoch) {
			t.Fatalf("stored %+v", got)
		}

		// No subject is stored as NULL.
		ns = e.record(t, notify.Message{Kind: "k", Title: "t", Body: "b"}, e.bob)
		if ns[0].SubjectID != nil {
			t.Fatalf("subject = %v", *ns[0].SubjectID)
		}
		pg, _ = e.notes.List(ctx, e.bob, false, kernel.PageRequest{First: 1})
		if pg.Items[0].SubjectID != nil {
			t.Fatalf("stored subject = %v", *pg.Items[0].SubjectID)
		}

		// Nobody to tell: nothing stored, nothing returned.
		unchanged(t, db, func() {
			if ns, err := e.notes.Record(ctx, db, nil, notify.Message{Kind: "k"}); err != nil || ns != nil {
				t.Fatalf("Record(nobody) = %v, %v", ns, err)
			}
		})

		// A rolled-back transaction keeps nothing.
		unchanged(t, db, func() {
			boom := errors.New("boom")
			err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
				if _, err := e.notes.Record(ctx, tx, []string{e.alice.UserID}, notify.Message{Kind: "k"}); err != nil {
					return err
				}
				return boom
			})
			if !errors.Is(err, boom) {
				t.Fatal(err)
			}
		})
	})
}

func TestListPagesNewestFirst(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		var mine []string // alice's, oldest first
		for i := 0; i < 7; i++ {
			e.clock.Advance(time.Second)
			ns := e.record(t, notify.Message{Kind: "k", Title: fmt.Sprint(i), Body: "b"}, e.alice, e.bob)
			mine = append(mine, ns[0].ID)
		}
		// Read #1 and #4.
		if _, err := e.notes.MarkRead(ctx, e.alice, []string{mine[1], mine[4]}); err != nil {
			t.Fatal(err)
		}
		walk := func(unreadOnly bool, first int) ([]string, int) {
			t.Helper()
			var got []string
			total := -1
			after := ""
			for pages := 0; ; pages++ {
				if pages > 20 {
					t.Fatal("pagination does not terminate")
				}
				pg, err := e.notes.List(ctx, e.alice, unreadOnly, kernel.PageRequest{First: first, After: after})
				if err != nil {
					t.Fatal(err)
				}
				if total == -1 {
					total = pg.TotalCount
				} else if total != pg.TotalCount {
					t.Fatalf("TotalCount changed: %d then %d", total, pg.TotalCount)
				}
				if len(pg.Items) > first || (pg.HasNextPage && len(pg.Items) != first) {
					t.Fatalf("page of %d items for first=%d, next=%v", len(pg.Items), first, pg.HasNextPage)
				}
				for _, n := range pg.Items {
					if n.UserID != e.alice.UserID {
						t.Fatalf("listed someone else's notification %+v", n)
					}
					if unreadOnly && n.ReadAt != nil {
						t.Fatalf("unreadOnly listed a read notification %+v", n)
					}
					got = append(got, n.ID)
				}
				if !pg.HasNextPage {
					return got, total
				}
				after = pg.Items[len(pg.Items)-1].ID
			}
		}
		all := []string{mine[6], mine[5], mine[4], mine[3], mine[2], mine[1], mine[0]}
		unread := []string{mine[6], mine[5], mine[3], mine[2], mine[0]}
		for _, first := range []int{1, 2, 3, 7, 100} {
			if got, total := walk(false, first); !reflect.DeepEqual(got, all) || total != 7 {
				t.Fatalf("first=%d: %v (total %d), want %v", first, got, total, all)
			}
			if got, total := walk(true, first); !reflect.DeepEqual(got, unread) || total != 5 {
				t.Fatalf("unreadOnly first=%d: %v (total %d), want %v", first, got, total, unread)
			}
		}
		pg, err := e.notes.List(ctx, e.alice, true, kernel.PageRequest{First: 0})
		if err != nil || pg.TotalCount != 5 || len(pg.Items) != 0 || pg.HasNextPage {
			t.Fatalf("first=0: %+v, %v", pg, err)
		}
		if _, err := e.notes.List(ctx, kernel.Viewer{}, false, kernel.PageRequest{First: 10}); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("guest List: %v", err)
		}
	})
}

func TestMarkRead(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		a := e.record(t, notify.Message{Kind: "k", Title: "t", Body: "b"}, e.alice, e.bob)
		e.clock.Advance(time.Second)
		b := e.record(t, notify.Message{Kind: "k", Title: "t2", Body: "b"}, e.alice, e.bob)
		aliceOld, bobOld, aliceNew := a[0], a[1], b[0]

		e.clock.Advance(time.Minute)
		readAt := e.clock.Now()
		got, err := e.notes.MarkRead(ctx, e.alice, []string{aliceOld.ID})
		if err != nil || len(got) != 1 || got[0].ID != aliceOld.ID || got[0].ReadAt == nil || !got[0].ReadAt.Equal(readAt) {
			t.Fatalf("MarkRead = %+v, %v", got, err)
		}
		// Idempotent: marking again (with a newer one, and a duplicate)
		// keeps the first read time.
		e.clock.Advance(time.Minute)
		got, err = e.notes.MarkRead(ctx, e.alice, []string{aliceOld.ID, aliceNew.ID, aliceOld.ID})
		if err != nil || !reflect.DeepEqual(idsOf(got), []string{aliceNew.ID, aliceOld.ID}) {
			t.Fatalf("MarkRead again = %v, %v", idsOf(got), err)
		}
		if !got[0].ReadAt.Equal(e.clock.Now()) || !got[1].ReadAt.Equal(readAt) {
			t.Fatalf("read times %v, %v; want %v, %v", got[0].ReadAt, got[1].ReadAt, e.clock.Now(), readAt)
		}
		unchanged(t, db, func() {
			if _, err := e.notes.MarkRead(ctx, e.alice, []string{aliceOld.ID}); err != nil {
				t.Fatal(err)
			}
		})
		pg, _ := e.notes.List(ctx, e.alice, false, kernel.PageRequest{First: 10})
		for _, n := range pg.Items {
			want := readAt
			if n.ID == aliceNew.ID {
				want = e.clock.Now()
			}
			if n.ReadAt == nil || !n.ReadAt.Equal(want) {
				t.Fatalf("stored read time of %s = %v, want %v", n.ID, n.ReadAt, want)
			}
		}

		// Someone else's ids are NOT_FOUND, and nothing changes, not even the
		// viewer's own ids in the same call.
		bobNew := b[1]
		unchanged(t, db, func() {
			_, err := e.notes.MarkRead(ctx, e.alice, []string{bobOld.ID})
			wantErr(t, err, kernel.CodeNotFound, "input", "ids", "0")
			_, err = e.notes.MarkRead(ctx, e.bob, []string{bobNew.ID, aliceNew.ID})
			wantErr(t, err, kernel.CodeNotFound, "input", "ids", "1")
			_, err = e.notes.MarkRead(ctx, e.bob, []string{kernel.NewID()})
			wantErr(t, err, kernel.CodeNotFound, "input", "ids", "0")
		})

		// Validation.
		many := make([]string, notify.MaxMarkRead+1)
		for i := range many {
			many[i] = kernel.NewID()
		}
		unchanged(t, db, func() {
			_, err := e.notes.MarkRead(ctx, e.bob, nil)
			wantErr(t, err, kernel.CodeRequired, "input", "ids")
			_, err = e.notes.MarkRead(ctx, e.bob, many)
			wantErr(t, err, kernel.CodeLimitExceeded, "input", "ids")
			_, err = e.notes.MarkRead(ctx, e.bob, []string{bobNew.ID, "nope", ""})
			wantErr(t, err, kernel.CodeInvalid, "input", "ids", "1")
			wantErr(t, err, kernel.CodeRequired, "input", "ids", "2")
			_, err = e.notes.MarkRead(ctx, e.bob, []string{strings.ToUpper(bobNew.ID)})
			wantErr(t, err, kernel.CodeInvalid, "input", "ids", "0")
			if _, err := e.notes.MarkRead(ctx, kernel.Viewer{}, []string{bobNew.ID}); !errors.Is(err, kernel.ErrUnauthenticated) {
				t.Fatalf("guest MarkRead: %v", err)
			}
		})
		// Exactly MaxMarkRead is allowed (all unknown here, so NOT_FOUND, not LIMIT_EXCEEDED).
		_, err = e.notes.MarkRead(ctx, e.bob, many[:notify.MaxMarkRead])
		wantErr(t, err, kernel.CodeNotFound, "input", "ids", "0")

		// Bob's are still unread.
		pg, _ = e.notes.List(ctx, e.bob, true, kernel.PageRequest{First: 10})
		if pg.TotalCount != 2 {
			t.Fatalf("bob has %d unread, want 2", pg.TotalCount)
		}
	})
}

func TestSubscribeReceivesPublished(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		sctx, cancel := context.WithCancel(ctx)
		ch, err := e.notes.Subscribe(sctx, e.alice)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.notes.Subscribe(ctx, kernel.Viewer{}); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("guest Subscribe: %v", err)
		}
		e.record(t, notify.Message{Kind: "for.bob", Title: "t", Body: "b"}, e.bob)
		ns := e.record(t, notify.Message{Kind: "for.alice", Title: "t", Body: "b"}, e.alice)
		select {
		case n := <-ch:
			if n.ID != ns[0].ID || n.Kind != "for.alice" {
				t.Fatalf("received %+v, want %s", n, ns[0].ID)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("nothing received")
		}
		select {
		case n := <-ch:
			t.Fatalf("received another: %+v", n)
		default:
		}
		cancel()
		select {
		case _, ok := <-ch:
			if ok {
				t.Fatal("received after cancel")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("channel not closed after cancel")
		}
	})
}

// failingBus refuses every publish.
type failingBus struct {
	mu    sync.Mutex
	tries int
}

func (b *failingBus) Publish(context.Context, *notify.Notification) error {
	b.mu.Lock()
	b.tries++
	b.mu.Unlock()
	return errors.New("redis down")
}

func (b *failingBus) Subscribe(context.Context, string) (<-chan *notify.Notification, error) {
	return nil, errors.New("redis down")
}

// TestBusFailures: live delivery is best effort: a failing publish is logged
// and the notification still listed; a failing subscribe is an error.
func TestBusFailures(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		var logs bytes.Buffer
		fb := &failingBus{}
		notes := notify.NewService(db, e.clock, fb, slog.New(slog.NewTextHandler(&logs, nil)))
		var ns []*notify.Notification
		if err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			var err error
			ns, err = notes.Record(ctx, tx, []string{e.alice.UserID, e.bob.UserID}, notify.Message{Kind: "k", Title: "t", Body: "b"})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		notes.Publish(ctx, ns)
		if fb.tries != 2 {
			t.Fatalf("%d publish attempts, want 2", fb.tries)
		}
		if !strings.Contains(logs.String(), ns[0].ID) || !strings.Contains(logs.String(), "redis down") {
			t.Fatalf("log = %q", logs.String())
		}
		pg, err := notes.List(ctx, e.alice, true, kernel.PageRequest{First: 10})
		if err != nil || len(pg.Items) != 1 || pg.Items[0].ID != ns[0].ID {
			t.Fatalf("List = %+v, %v", pg, err)
		}
		if _, err := notes.Subscribe(ctx, e.alice); err == nil || !strings.Contains(err.Error(), "redis down") {
			t.Fatalf("Subscribe on a failing bus: %v", err)
		}
		// Publishing nothing is fine.
		notes.Publish(ctx, nil)
	})
}
