package collab_test

import (
	"sync"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
)

const rounds = 50

// together runs fns at the same moment (both wait on a barrier) and returns
// their errors.
func together(fns ...func() error) []error {
	errs := make([]error, len(fns))
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	ready.Add(len(fns))
	done.Add(len(fns))
	for i, fn := range fns {
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			errs[i] = fn()
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
	return errs
}

// TestConcurrentApproveAndReject: two staff members approving and rejecting
// the same request at once leave exactly one outcome.
func TestConcurrentApproveAndReject(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, "shoes")
		wins := map[string]int{}
		for round := 0; round < rounds; round++ {
			c := e.request(t, e.inf1V, p, 1000)
			errs := together(
				func() error { _, err := e.svc.Approve(ctx, e.ownerA, c.ID); return err },
				func() error { _, err := e.svc.Reject(ctx, e.staffA, c.ID, "sold out"); return err },
			)
			var want string
			switch {
			case errs[0] == nil && errs[1] != nil:
				want = collab.StatusActive
				wantErr(t, errs[1], kernel.CodeInvalidState, "input", "id")
			case errs[1] == nil && errs[0] != nil:
				want = collab.StatusRejected
				wantErr(t, errs[0], kernel.CodeInvalidState, "input", "id")
			default:
				t.Fatalf("round %d: approve → %v, reject → %v; want exactly one success", round, errs[0], errs[1])
			}
			wins[want]++
			got := e.get(t, c.ID)
			if got.Status != want {
				t.Fatalf("round %d: stored %s, winner says %s", round, got.Status, want)
			}
			if want == collab.StatusRejected && (got.RejectReason == nil || *got.RejectReason != "sold out") {
				t.Fatalf("round %d: reason %v", round, got.RejectReason)
			}
			if want == collab.StatusActive && got.RejectReason != nil {
				t.Fatalf("round %d: an approved collaboration has a reject reason", round)
			}
			if want == collab.StatusActive {
				if _, err := e.svc.Cancel(ctx, e.inf1V, c.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		t.Logf("%d rounds: %v", rounds, wins)
		// The loser recorded no notification: one outcome per round.
		outcomes := 0
		for _, n := range e.notesOf(t, e.inf1V) {
			if n.Kind == "collaboration.approved" || n.Kind == "collaboration.rejected" {
				outcomes++
			}
		}
		if outcomes != rounds {
			t.Fatalf("%d outcome notifications for %d rounds", outcomes, rounds)
		}
	})
}

// TestConcurrentDoubleApprove: two staff members approving at once: one wins,
// the other gets INVALID_STATE.
func TestConcurrentDoubleApprove(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, "shoes")
		for round := 0; round < rounds; round++ {
			c := e.request(t, e.inf1V, p, 1000)
			errs := together(
				func() error { _, err := e.svc.Approve(ctx, e.ownerA, c.ID); return err },
				func() error { _, err := e.svc.Approve(ctx, e.staffA, c.ID); return err },
			)
			ok := 0
			for _, err := range errs {
				if err == nil {
					ok++
					continue
				}
				wantErr(t, err, kernel.CodeInvalidState, "input", "id")
			}
			if ok != 1 {
				t.Fatalf("round %d: %d approvals succeeded (%v), want 1", round, ok, errs)
			}
			if got := e.get(t, c.ID); got.Status != collab.StatusActive {
				t.Fatalf("round %d: stored %s", round, got.Status)
			}
			if _, err := e.svc.Cancel(ctx, e.staffA, c.ID); err != nil {
				t.Fatal(err)
			}
		}
		approved := 0
		for _, n := range e.notesOf(t, e.inf1V) {
			if n.Kind == "collaboration.approved" {
				approved++
			}
		}
		if approved != rounds {
			t.Fatalf("%d approval notifications for %d rounds", approved, rounds)
		}
	})
}

// TestConcurrentOfferPublish: publishing on one product at once leaves one
// active offer; a loser gets CONFLICT.
func TestConcurrentOfferPublish(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		for round := 0; round < 10; round++ {
			p := e.product(t, e.vendorA, "shoes")
			if round%2 == 1 {
				e.offer(t, p, 900) // with an offer to replace, too
			}
			errs := together(
				func() error {
					_, err := e.svc.PublishOffer(ctx, e.ownerA, collab.PublishInput{ProductID: p.ID, CommissionBps: 1000})
					return err
				},
				func() error {
					_, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: p.ID, CommissionBps: 2000})
					return err
				},
			)
			for _, err := range errs {
				if err != nil {
					wantErr(t, err, kernel.CodeConflict, "input", "productId")
				}
			}
			if errs[0] != nil && errs[1] != nil {
				t.Fatalf("round %d: both publishes failed: %v", round, errs)
			}
			n, err := db.NewSelect().Model((*collab.Offer)(nil)).Where("product_id = ?", p.ID).Where("status = ?", collab.OfferActive).Count(ctx)
			if err != nil || n != 1 {
				t.Fatalf("round %d: %d active offers, %v", round, n, err)
			}
		}
	})
}

// TestConcurrentRequestsOnOneProduct: an influencer double-submitting a
// request (or a booking) must not end up with two open collaborations on the
// same product.
func TestConcurrentRequestsOnOneProduct(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		for round := 0; round < 20; round++ {
			p := e.product(t, e.vendorA, "shoes")
			o := e.offer(t, p, 1000)
			errs := together(
				func() error { _, err := e.svc.Request(ctx, e.inf1V, e.requestIn(p, 1200)); return err },
				func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID}); return err },
			)
			n, err := db.NewSelect().Model((*collab.Collaboration)(nil)).Where("product_id = ?", p.ID).Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 {
				t.Fatalf("round %d: %d open collaborations of one influencer on one product (errors %v), want 1", round, n, errs)
			}
			for _, err := range errs {
				if err != nil {
					wantErr(t, err, kernel.CodeAlreadyExists)
				}
			}
		}
	})
}

// TestConcurrentFeeAndOffer: raising the platform fee while an offer is
// published must not leave commission plus fee above 100%.
func TestConcurrentFeeAndOffer(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		for round := 0; round < 20; round++ {
			if _, err := e.svc.SetPlatformFee(ctx, e.admin, e.vendorA.ID, nil); err != nil {
				t.Fatal(err)
			}
			p := e.product(t, e.vendorA, "shoes")
			errs := together(
				func() error {
					_, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: p.ID, CommissionBps: 8000})
					return err
				},
				func() error { _, err := e.svc.SetPlatformFee(ctx, e.admin, e.vendorA.ID, ptr(2500)); return err },
			)
			if errs[0] != nil {
				wantErr(t, errs[0], kernel.CodeInvalid, "input", "commissionBps")
			}
			if errs[1] != nil {
				wantErr(t, errs[1], kernel.CodeConflict, "input", "feeBps")
			}
			m, err := vendor.ByIDs(ctx, db, []string{e.vendorA.ID})
			if err != nil {
				t.Fatal(err)
			}
			fee := m[e.vendorA.ID].EffectiveFeeBps(e.svc.DefaultPlatformFeeBps())
			open, err := collab.OpenOffers(ctx, db, e.clock.Now(), []string{p.ID})
			if err != nil {
				t.Fatal(err)
			}
			if o := open[p.ID]; o != nil {
				if o.CommissionBps+fee > collab.FullBps {
					t.Fatalf("round %d: an offer of %d bps and a fee of %d bps both stand", round, o.CommissionBps, fee)
				}
				if _, err := e.svc.WithdrawOffer(ctx, e.staffA, o.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
