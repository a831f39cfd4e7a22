package collab_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestEveryMoveNotifiesTheOtherSide checks kinds, recipients and subjects of
// the notifications each move records.
func TestEveryMoveNotifiesTheOtherSide(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		everyone := map[string]kernel.Viewer{
			"ownerA": e.ownerA, "staffA": e.staffA, "staffInf": e.staffInf, "ownerB": e.ownerB,
			"stranger": e.stranger, "admin": e.admin, "inf1": e.inf1V, "inf2": e.inf2V,
		}
		vendorA := []string{"ownerA", "staffA", "staffInf"}
		seen := map[string]map[string]bool{}
		for name, v := range everyone {
			seen[name] = map[string]bool{}
			for _, n := range e.notesOf(t, v) {
				seen[name][n.ID] = true
			}
		}
		// expect runs act and checks that exactly the recipients got one new
		// notification of kind about the collaboration act returns.
		expect := func(t *testing.T, kind string, recipients []string, act func() (*collab.Collaboration, error)) *collab.Collaboration {
			t.Helper()
			e.clock.Advance(time.Second)
			c, err := act()
			if err != nil {
				t.Fatalf("%s: %v", kind, err)
			}
			want := map[string]bool{}
			for _, r := range recipients {
				want[r] = true
			}
			for name, v := range everyone {
				var fresh []*notify.Notification
				for _, n := range e.notesOf(t, v) {
					if !seen[name][n.ID] {
						fresh = append(fresh, n)
						seen[name][n.ID] = true
					}
				}
				if !want[name] {
					if len(fresh) != 0 {
						t.Errorf("%s: %s was notified: %+v", kind, name, fresh[0])
					}
					continue
				}
				if len(fresh) != 1 {
					t.Errorf("%s: %s got %d notifications, want 1", kind, name, len(fresh))
					continue
				}
				n := fresh[0]
				if n.Kind != kind || n.SubjectID == nil || *n.SubjectID != c.ID || n.UserID != v.UserID ||
					n.Title == "" || n.Body == "" || n.ReadAt != nil || !n.CreatedAt.Equal(e.clock.Now()) || !kernel.ValidID(n.ID) {
					t.Errorf("%s: %s got %+v (subject %v), want kind %s about %s", kind, name, n, n.SubjectID, kind, c.ID)
				}
			}
			return c
		}
		p1, p2, p3, p4 := e.product(t, e.vendorA, "shoes"), e.product(t, e.vendorA, "shoes"), e.product(t, e.vendorA, "shoes"), e.product(t, e.vendorA, "shoes")
		o4 := e.offer(t, p4, 1500)

		c1 := expect(t, "collaboration.requested", vendorA, func() (*collab.Collaboration, error) {
			return e.svc.Request(ctx, e.inf1V, e.requestIn(p1, 1200))
		})
		expect(t, "collaboration.countered", []string{"inf1"}, func() (*collab.Collaboration, error) {
			return e.svc.Counter(ctx, e.staffA, c1.ID, 1000)
		})
		expect(t, "collaboration.accepted", vendorA, func() (*collab.Collaboration, error) {
			return e.svc.AcceptCounter(ctx, e.inf1V, c1.ID)
		})
		expect(t, "collaboration.cancelled", []string{"inf1"}, func() (*collab.Collaboration, error) {
			return e.svc.Cancel(ctx, e.staffA, c1.ID)
		})
		c2 := expect(t, "collaboration.requested", vendorA, func() (*collab.Collaboration, error) {
			return e.svc.Request(ctx, e.inf2V, e.requestIn(p2, 1200))
		})
		expect(t, "collaboration.approved", []string{"inf2"}, func() (*collab.Collaboration, error) {
			return e.svc.Approve(ctx, e.ownerA, c2.ID)
		})
		expect(t, "collaboration.cancelled", vendorA, func() (*collab.Collaboration, error) {
			return e.svc.Cancel(ctx, e.inf2V, c2.ID)
		})
		c3 := expect(t, "collaboration.requested", vendorA, func() (*collab.Collaboration, error) {
			return e.svc.Request(ctx, e.inf1V, e.requestIn(p3, 1200))
		})
		expect(t, "collaboration.rejected", []string{"inf1"}, func() (*collab.Collaboration, error) {
			return e.svc.Reject(ctx, e.staffInf, c3.ID, "Out of stock until spring")
		})
		if ns := e.notesOf(t, e.inf1V); !strings.Contains(ns[0].Body, "Out of stock until spring") {
			t.Errorf("rejection body %q lacks the reason", ns[0].Body)
		}
		expect(t, "collaboration.booked", vendorA, func() (*collab.Collaboration, error) {
			return e.svc.Book(ctx, e.inf2V, collab.BookInput{OfferID: o4.ID})
		})
		// Vendor B's owner hears about vendor B only.
		pB := e.product(t, e.vendorB, "shoes")
		c4 := expect(t, "collaboration.requested", []string{"ownerB"}, func() (*collab.Collaboration, error) {
			return e.svc.Request(ctx, e.inf1V, e.requestIn(pB, 1200))
		})
		// A pending request cancelled by the vendor.
		expect(t, "collaboration.cancelled", []string{"inf1"}, func() (*collab.Collaboration, error) {
			return e.svc.Cancel(ctx, e.ownerB, c4.ID)
		})

		// Refused moves record nothing.
		c5 := e.request(t, e.inf1V, p1, 1200)
		for name := range everyone {
			for _, n := range e.notesOf(t, everyone[name]) {
				seen[name][n.ID] = true
			}
		}
		unchanged(t, db, func() {
			for _, err := range []error{
				func() error { _, err := e.svc.Approve(ctx, e.stranger, c5.ID); return err }(),
				func() error { _, err := e.svc.AcceptCounter(ctx, e.inf1V, c5.ID); return err }(),
				func() error { _, err := e.svc.Counter(ctx, e.staffA, c5.ID, 1200); return err }(),
				func() error { _, err := e.svc.Request(ctx, e.inf1V, e.requestIn(p1, 1200)); return err }(),
			} {
				if err == nil {
					t.Fatal("a refused move succeeded")
				}
			}
		})
	})
}

// checkingBus records, for each notification published, whether it was
// already committed (visible to another query) at that moment.
type checkingBus struct {
	notify.Bus
	db *bun.DB

	mu        sync.Mutex
	published []*notify.Notification
	visible   []bool
}

func (b *checkingBus) Publish(ctx context.Context, n *notify.Notification) error {
	qctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	cnt, err := b.db.NewSelect().Model((*notify.Notification)(nil)).Where("id = ?", n.ID).Count(qctx)
	b.mu.Lock()
	b.published = append(b.published, n)
	b.visible = append(b.visible, err == nil && cnt == 1)
	b.mu.Unlock()
	return b.Bus.Publish(ctx, n)
}

// TestSubscribersReceiveAfterCommit: a subscriber receives each notification
// for its user, published only once the transaction committed; refused
// moves publish nothing.
func TestSubscribersReceiveAfterCommit(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		cb := &checkingBus{Bus: e.bus, db: db}
		notes := notify.NewService(db, e.clock, cb, nil)
		svc := collab.NewService(db, e.clock, notes, collab.Options{DefaultPlatformFeeBps: 500})

		sctx, cancel := context.WithCancel(ctx)
		defer cancel()
		infCh, err := notes.Subscribe(sctx, e.inf1V)
		if err != nil {
			t.Fatal(err)
		}
		ownerCh, err := notes.Subscribe(sctx, e.ownerA)
		if err != nil {
			t.Fatal(err)
		}
		strangerCh, err := notes.Subscribe(sctx, e.stranger)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := notes.Subscribe(sctx, kernel.Viewer{}); err == nil {
			t.Fatal("a guest subscribed")
		}
		receive := func(ch <-chan *notify.Notification, who string) *notify.Notification {
			t.Helper()
			select {
			case n, ok := <-ch:
				if !ok {
					t.Fatalf("%s: channel closed", who)
				}
				return n
			case <-time.After(5 * time.Second):
				t.Fatalf("%s: nothing received", who)
			}
			return nil
		}
		nothing := func(ch <-chan *notify.Notification, who string) {
			t.Helper()
			select {
			case n := <-ch:
				t.Fatalf("%s received %+v", who, n)
			default:
			}
		}

		p := e.product(t, e.vendorA, "shoes")
		c, err := svc.Request(ctx, e.inf1V, e.requestIn(p, 1200))
		if err != nil {
			t.Fatal(err)
		}
		if n := receive(ownerCh, "owner"); n.Kind != "collaboration.requested" || *n.SubjectID != c.ID || n.UserID != e.ownerA.UserID {
			t.Fatalf("owner received %+v", n)
		}
		nothing(infCh, "influencer")

		// Refused moves publish nothing.
		if _, err := svc.Approve(ctx, e.stranger, c.ID); err == nil {
			t.Fatal("stranger approved")
		}
		if _, err := svc.AcceptCounter(ctx, e.inf1V, c.ID); err == nil {
			t.Fatal("accepted a counter never made")
		}
		nothing(infCh, "influencer")
		nothing(ownerCh, "owner")

		if _, err := svc.Approve(ctx, e.staffA, c.ID); err != nil {
			t.Fatal(err)
		}
		n := receive(infCh, "influencer")
		if n.Kind != "collaboration.approved" || *n.SubjectID != c.ID || n.UserID != e.inf1V.UserID {
			t.Fatalf("influencer received %+v", n)
		}
		nothing(ownerCh, "owner")
		nothing(strangerCh, "stranger")
		// What was received is what is listed.
		pg, err := notes.List(ctx, e.inf1V, true, page(10))
		if err != nil || len(pg.Items) != 1 || pg.Items[0].ID != n.ID {
			t.Fatalf("listed %+v, %v; received %s", pg, err, n.ID)
		}

		cb.mu.Lock()
		defer cb.mu.Unlock()
		if len(cb.published) != 4 { // 3 vendor staff for the request, the influencer for the approval
			t.Fatalf("%d notifications published, want 4", len(cb.published))
		}
		for i, ok := range cb.visible {
			if !ok {
				t.Fatalf("notification %s was published before its transaction committed", cb.published[i].ID)
			}
		}
	})
}
