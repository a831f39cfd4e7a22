package collab_test

import (
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/internal/testkit"
)

// Regressions for faults found in review; each failed before its fix. The
// two PostgreSQL races (open collaborations, fee against commission) are
// covered by TestConcurrentRequestsOnOneProduct and TestConcurrentFeeAndOffer.
func TestCollabRegressions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)

		t.Run("a request for a product archived since cannot be approved", func(t *testing.T) {
			p := e.product(t, e.vendorA, "beauty")
			c := e.request(t, e.inf1V, p, 1200)
			if _, err := e.catalog.Archive(ctx, e.ownerOf(p), p.ID); err != nil {
				t.Fatal(err)
			}
			unchanged(t, db, func() {
				_, err := e.svc.Approve(ctx, e.ownerOf(p), c.ID)
				wantErr(t, err, "INVALID_STATE", "input", "id")
			})
		})

		t.Run("an archived product has no open offer", func(t *testing.T) {
			p := e.product(t, e.vendorA, "beauty")
			e.offer(t, p, 1500)
			if _, err := e.catalog.Archive(ctx, e.ownerOf(p), p.ID); err != nil {
				t.Fatal(err)
			}
			open, err := collab.OpenOffers(ctx, db, e.clock.Now(), []string{p.ID})
			if err != nil || open[p.ID] != nil {
				t.Fatalf("open offer on an archived product: %v %v", open[p.ID], err)
			}
		})

		t.Run("booking a long offer without a window caps it at a year", func(t *testing.T) {
			p := e.product(t, e.vendorA, "beauty")
			end := e.clock.Now().Add(400 * 24 * time.Hour)
			o, err := e.svc.PublishOffer(ctx, e.ownerOf(p), collab.PublishInput{ProductID: p.ID, CommissionBps: 1000, EndsAt: &end})
			if err != nil {
				t.Fatal(err)
			}
			c := e.book(t, e.inf1V, o)
			if got := c.EndsAt.Sub(c.StartsAt); got != collab.MaxWindow {
				t.Fatalf("window %v, want %v", got, collab.MaxWindow)
			}
		})
	})
}
