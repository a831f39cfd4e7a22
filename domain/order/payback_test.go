package order_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestRefundsReachTheCard: an orderRefund gives the money back through the
// payment provider, by a job queued with the refund: exactly the refunded
// amount, once, however often the job runs; while the provider fails the
// refund waits (counted, with the provider's error) and is sent once it
// answers again.
func TestRefundsReachTheCard(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1999, 10, "USD")
		s := e.shopper(t)
		e.add(t, s, p, 3, nil)
		o := e.buy(t, s)
		line := e.view(t, o.ID).Lines[0]
		refund := func(q int) {
			t.Helper()
			if _, err := e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: o.ID, Reason: "damaged",
				Lines: []order.RefundLineInput{{LineID: line.ID, Quantity: q}}}); err != nil {
				t.Fatalf("Refund(%d): %v", q, err)
			}
		}
		refunded := func() int64 { return e.pay.refundedOrders()[o.ID] }

		// A partial refund while the provider is down: nothing is lost.
		e.pay.failRefunds(errors.New("provider unavailable"))
		refund(1)
		if refunded() != 0 {
			t.Fatalf("refunded %d before the job ran", refunded())
		}
		for round := 1; round <= 2; round++ {
			if errs := e.runRefundJobs(t); len(errs) != 1 {
				t.Fatalf("round %d: refund jobs while the provider is down: %v, want one failure", round, errs)
			}
		}
		prs, err := e.orders.PaymentRefunds(ctx, o.ID)
		if err != nil || len(prs) != 1 {
			t.Fatalf("PaymentRefunds = %v, %v", prs, err)
		}
		if pr := prs[0]; pr.SentAt != nil || pr.Attempts != 2 || pr.LastError == nil || pr.AmountMinor != 1999 || pr.RefundID == nil {
			t.Fatalf("while the provider is down: %+v", pr)
		}
		if refunded() != 0 {
			t.Fatalf("refunded %d while the provider was down", refunded())
		}

		// The provider is back: the waiting refund goes, then the rest.
		e.pay.failRefunds(nil)
		if errs := e.runRefundJobs(t); len(errs) != 0 {
			t.Fatal(errs)
		}
		if refunded() != 1999 {
			t.Fatalf("refunded %d, want 1999", refunded())
		}
		refund(2)
		if errs := e.runRefundJobs(t); len(errs) != 0 {
			t.Fatal(errs)
		}
		if refunded() != o.TotalMinor {
			t.Fatalf("refunded %d after the full refund, want the order's %d", refunded(), o.TotalMinor)
		}
		// A job run again (asynq retries after a lost acknowledgement)
		// refunds nothing more.
		prs, _ = e.orders.PaymentRefunds(ctx, o.ID)
		for _, pr := range prs {
			if pr.SentAt == nil {
				t.Fatalf("refund %s not recorded as sent", pr.ID)
			}
			if err := e.orders.SendRefund(ctx, pr.ID); err != nil {
				t.Fatal(err)
			}
		}
		if refunded() != o.TotalMinor {
			t.Fatalf("refunded %d after the jobs ran again, want %d", refunded(), o.TotalMinor)
		}
		if err := e.orders.SendRefund(ctx, kernel.NewID()); !errors.Is(err, kernel.ErrNotFound) {
			t.Fatalf("SendRefund(unknown) = %v, want ErrNotFound", err)
		}
		e.checkLedger(t)
	})
}

// TestLostChargeAnswers: the provider's answer to a charge is lost (a
// timeout, a crash). When the reservation expires, the sweep asks the
// provider: an order that was charged is paid, never cancelled; one that
// was not gives its units back; while the provider cannot say, the order
// keeps its units.
func TestLostChargeAnswers(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		for _, tc := range []struct {
			name      string
			charged   bool // the provider took the money before the answer was lost
			outage    bool // the provider cannot say, at the first sweep
			want      string
			wantStock int
		}{
			{"charged", true, false, order.StatusPaid, 3},
			{"not charged", false, false, order.StatusCancelled, 5},
			{"charged, provider down at the first sweep", true, true, order.StatusPaid, 3},
			{"not charged, provider down at the first sweep", false, true, order.StatusCancelled, 5},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p := e.product(t, e.vendorA, 1500, 5, "USD")
				s := e.shopper(t)
				e.add(t, s, p, 2, nil)
				e.pay.set(func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error) {
					if tc.charged { // the provider took the money; its answer is lost
						return "", lostAnswer{ref: "ch_" + orderID}
					}
					return "", context.DeadlineExceeded // the charge never reached it
				})
				defer e.pay.set(nil)
				svc := e.orders
				_, err := svc.Checkout(ctx, s, checkoutIn("k", okToken))
				if err == nil {
					t.Fatal("checkout succeeded although the provider's answer was lost")
				}
				if got := e.stock(t, p); got != 3 {
					t.Fatalf("stock after the lost answer = %d, want 3 (reserved)", got)
				}
				e.clock.Advance(16 * time.Minute)
				if tc.outage {
					e.pay.failCharged(errors.New("provider unavailable"))
					if _, err := svc.ExpireReservations(ctx); err == nil {
						t.Fatal("the sweep reported no error while the provider could not answer")
					}
					if got := e.stock(t, p); got != 3 {
						t.Fatalf("stock after a sweep that could not ask = %d, want 3 (still reserved)", got)
					}
					e.pay.failCharged(nil)
				}
				if _, err := svc.ExpireReservations(ctx); err != nil {
					t.Fatalf("ExpireReservations: %v", err)
				}
				var stored order.Order
				if err := db.NewSelect().Model(&stored).Where("o.user_id = ?", s.UserID).Scan(ctx); err != nil {
					t.Fatal(err)
				}
				if stored.Status != tc.want || e.stock(t, p) != tc.wantStock {
					t.Fatalf("after the sweep: %s with stock %d, want %s with %d", stored.Status, e.stock(t, p), tc.want, tc.wantStock)
				}
				if _, err := svc.ExpireReservations(ctx); err != nil { // a second sweep changes nothing
					t.Fatal(err)
				}
				if e.stock(t, p) != tc.wantStock {
					t.Fatalf("stock after a second sweep = %d, want %d", e.stock(t, p), tc.wantStock)
				}
				// The shopper's retry answers what happened.
				o, err := svc.Checkout(ctx, s, checkoutIn("k", okToken))
				if tc.want == order.StatusPaid && (err != nil || o.Status != order.StatusPaid) {
					t.Fatalf("retry = %+v, %v; want the PAID order", o, err)
				}
				if tc.want == order.StatusCancelled {
					wantErr(t, err, kernel.CodeInvalidState, "input", "idempotencyKey")
				}
				e.checkLedger(t)
			})
		}
	})
}

// TestLateChargeOfAnExpiredCheckout: the reservation expired and was
// swept while the provider was charging, and the charge's answer was lost;
// the units were sold to someone else meanwhile. The shopper's retry finds
// the charge (the provider knows it) and the money goes back, once.
func TestLateChargeOfAnExpiredCheckout(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 2500, 1, "USD")
		s, other := e.shopper(t), e.shopper(t)
		e.add(t, s, p, 1, nil)
		e.add(t, other, p, 1, nil)
		e.pay.set(func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error) {
			e.pay.set(nil)
			e.clock.Advance(16 * time.Minute) // a slow provider: the reservation expires and is swept
			if _, err := e.orders.ExpireReservations(ctx); err != nil {
				return "", err
			}
			if _, err := e.orders.Checkout(ctx, other, checkoutIn("other", okToken)); err != nil {
				return "", err
			}
			return "", lostAnswer{ref: "ch_" + orderID} // charged, but the answer is lost
		})
		if _, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken)); err == nil {
			t.Fatal("checkout succeeded although the provider's answer was lost")
		}
		var stored order.Order
		if err := db.NewSelect().Model(&stored).Where("o.user_id = ?", s.UserID).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if stored.Status != order.StatusCancelled {
			t.Fatalf("order %s, want CANCELLED (expired)", stored.Status)
		}
		for round := 0; round < 2; round++ { // retried twice: one refund
			_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
			wantErr(t, err, kernel.CodeOutOfStock, "input")
		}
		if errs := e.runRefundJobs(t); len(errs) != 0 {
			t.Fatal(errs)
		}
		if got := e.pay.refundedOrders()[stored.ID]; got != 2500 {
			t.Fatalf("refunded %d, want the whole charge (2500)", got)
		}
		if got := e.stock(t, p); got != 0 {
			t.Fatalf("stock %d, want 0 (the other shopper's)", got)
		}
		e.checkLedger(t)
	})
}

// TestAnswerAfterAChargeBack: while one process waits for the provider's
// answer to a charge, the shopper's retry in another process finds the
// charge (the provider knows it), the units gone, and charges it back; the
// units then come back (a refund with restock). When the first answer
// arrives the order must stay charged back: not revived onto the returned
// units while its money is on its way back, and not reported as a success.
func TestAnswerAfterAChargeBack(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		other := e.otherProcess()
		p := e.product(t, e.vendorA, 2500, 1, "USD")
		s, rival := e.shopper(t), e.shopper(t)
		e.add(t, s, p, 1, nil)
		e.add(t, rival, p, 1, nil)
		var rivalOrder *order.Order
		e.pay.set(func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error) {
			e.pay.set(nil)
			e.clock.Advance(16 * time.Minute) // a slow provider: the reservation expires and is swept
			if _, err := e.orders.ExpireReservations(ctx); err != nil {
				return "", err
			}
			var err error
			if rivalOrder, err = e.orders.Checkout(ctx, rival, checkoutIn("rival", okToken)); err != nil {
				return "", err
			}
			e.pay.landCharge(orderID, "ch_"+orderID) // the charge lands; its answer is still on its way
			_, err = other.Checkout(ctx, s, checkoutIn("k", okToken))
			if fes, ok := kernel.AsFieldErrors(err); !ok || fes[0].Code != kernel.CodeOutOfStock {
				return "", errors.New("the retry in the other process was not told the charge goes back: " + errString(err))
			}
			rv := e.view(t, rivalOrder.ID)
			if _, err := e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: rivalOrder.ID, Reason: "returned", Restock: true,
				Lines: []order.RefundLineInput{{LineID: rv.Lines[0].ID, Quantity: 1}}}); err != nil {
				return "", err
			}
			return "ch_" + orderID, nil
		})
		o, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
		if err == nil {
			t.Fatalf("Checkout = %s order and no error, want the charge-back's OUT_OF_STOCK", o.Status)
		}
		wantErr(t, err, kernel.CodeOutOfStock, "input")
		var stored order.Order
		if err := db.NewSelect().Model(&stored).Where("o.user_id = ?", s.UserID).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if stored.Status != order.StatusCancelled || stored.ChargeBackAt == nil || e.stock(t, p) != 1 {
			t.Fatalf("order %s (charged back %v), stock %d; want CANCELLED, charged back, the returned unit still in stock",
				stored.Status, stored.ChargeBackAt != nil, e.stock(t, p))
		}
		if errs := e.runRefundJobs(t); len(errs) != 0 {
			t.Fatal(errs)
		}
		if got := e.pay.refundedOrders()[stored.ID]; got != 2500 {
			t.Fatalf("refunded %d, want the whole charge once (2500)", got)
		}
		e.checkLedger(t)
	})
}

func errString(err error) string {
	if err == nil {
		return "no error"
	}
	return err.Error()
}

// TestChargeLandingAfterTheSweep: the sweep cancelled an unpaid order
// while its charge was still on its way; the charge then landed but its
// answer was lost, and the shopper never retries. Reconcile finds it: the
// order is paid if its units are still there, else the money goes back.
// It asks the provider at doubling intervals, not at every sweep.
func TestChargeLandingAfterTheSweep(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		for _, tc := range []struct {
			name      string
			sold      bool // the units were sold to someone else meanwhile
			want      string
			refunded  int64
			wantStock int
		}{
			{"units still there", false, order.StatusPaid, 0, 1},
			{"units sold meanwhile", true, order.StatusCancelled, 2500, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p := e.product(t, e.vendorA, 2500, 2, "USD")
				s, rival := e.shopper(t), e.shopper(t)
				e.add(t, s, p, 1, nil)
				e.add(t, rival, p, 2, nil) // both units, if it buys
				var landed string
				e.pay.set(func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error) {
					e.pay.set(nil)
					e.clock.Advance(16 * time.Minute)
					if _, err := e.orders.ExpireReservations(ctx); err != nil {
						return "", err
					}
					if tc.sold {
						if _, err := e.orders.Checkout(ctx, rival, checkoutIn("rival", okToken)); err != nil {
							return "", err
						}
					}
					landed = orderID
					return "", lostAnswer{ref: "ch_" + orderID}
				})
				if _, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken)); err == nil {
					t.Fatal("checkout succeeded although the provider's answer was lost")
				}
				var stored order.Order
				get := func() {
					t.Helper()
					if err := db.NewSelect().Model(&stored).Where("o.id = ?", landed).Scan(ctx); err != nil {
						t.Fatal(err)
					}
				}
				get()
				if stored.Status != order.StatusCancelled {
					t.Fatalf("order %s before reconciling, want CANCELLED", stored.Status)
				}
				e.clock.Advance(time.Minute)
				if err := e.orders.Reconcile(ctx); err != nil {
					t.Fatal(err)
				}
				if errs := e.runRefundJobs(t); len(errs) != 0 {
					t.Fatal(errs)
				}
				get()
				if stored.Status != tc.want || e.pay.refundedOrders()[landed] != tc.refunded || e.stock(t, p) != tc.wantStock {
					t.Fatalf("after reconciling: %s, refunded %d, stock %d; want %s, %d, %d", stored.Status,
						e.pay.refundedOrders()[landed], e.stock(t, p), tc.want, tc.refunded, tc.wantStock)
				}
				for i := 0; i < 3; i++ { // nothing more happens
					e.clock.Advance(time.Hour)
					if err := e.orders.Reconcile(ctx); err != nil {
						t.Fatal(err)
					}
				}
				if errs := e.runRefundJobs(t); len(errs) != 0 {
					t.Fatal(errs)
				}
				get()
				if stored.Status != tc.want || e.pay.refundedOrders()[landed] != tc.refunded {
					t.Fatalf("after more sweeps: %s, refunded %d", stored.Status, e.pay.refundedOrders()[landed])
				}
				e.checkLedger(t)
			})
		}

		t.Run("asked at doubling intervals for an hour", func(t *testing.T) {
			p := e.product(t, e.vendorA, 1000, 1, "USD")
			s := e.shopper(t)
			e.add(t, s, p, 1, nil)
			e.pay.set(func(context.Context, string, kernel.Money, string) (string, error) {
				return "", context.DeadlineExceeded // never charged
			})
			_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
			e.pay.set(nil)
			if err == nil {
				t.Fatal("checkout succeeded")
			}
			e.clock.Advance(15 * time.Minute)
			if _, err := e.orders.ExpireReservations(ctx); err != nil {
				t.Fatal(err)
			}
			before := e.pay.askedCharged.Load()
			if err := e.orders.Reconcile(ctx); err != nil { // in the same run as the sweep
				t.Fatal(err)
			}
			if asked := e.pay.askedCharged.Load() - before; asked != 0 {
				t.Fatalf("Reconcile asked the provider %d times right after the sweep had asked", asked)
			}
			for minute := 0; minute < 90; minute++ { // a sweep a minute for an hour and a half
				e.clock.Advance(time.Minute)
				if err := e.orders.Reconcile(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if asked := e.pay.askedCharged.Load() - before; asked < 5 || asked > 8 {
				t.Fatalf("the provider was asked %d times over 90 sweeps, want about seven (doubling intervals for an hour)", asked)
			}
			if e.stock(t, p) != 1 {
				t.Fatalf("stock %d, want 1", e.stock(t, p))
			}
		})
	})
}

// TestUnsentRefundsAreRetried: a refund whose job is spent (the provider
// kept failing, or the job was lost) is sent again by Reconcile, at most
// hourly, until the provider confirms; a confirmed refund is never asked
// for again.
func TestUnsentRefundsAreRetried(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 800, 5, "USD")
		s := e.shopper(t)
		e.add(t, s, p, 2, nil)
		o := e.buy(t, s)
		line := e.view(t, o.ID).Lines[0]
		e.pay.failRefunds(errors.New("provider unavailable"))
		if _, err := e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: o.ID, Reason: "damaged",
			Lines: []order.RefundLineInput{{LineID: line.ID, Quantity: 2}}}); err != nil {
			t.Fatal(err)
		}
		if errs := e.runRefundJobs(t); len(errs) != 1 {
			t.Fatalf("refund job while the provider is down: %v", errs)
		}
		prs, _ := e.orders.PaymentRefunds(ctx, o.ID)
		id := prs[0].ID
		// The job is given up on; within the hour Reconcile leaves the
		// refund to it.
		if err := e.orders.Reconcile(ctx); err != nil {
			t.Fatal(err)
		}
		if calls := e.pay.refundCallsOf(id)[0]; calls != 1 {
			t.Fatalf("Refund called %d times within the hour, want 1 (the job's)", calls)
		}
		e.clock.Advance(61 * time.Minute)
		if err := e.orders.Reconcile(ctx); err == nil {
			t.Fatal("Reconcile reported no error while the provider refused the refund")
		}
		if err := e.orders.Reconcile(ctx); err != nil { // tried a minute ago: not again yet
			t.Fatal(err)
		}
		e.pay.failRefunds(nil)
		e.clock.Advance(61 * time.Minute)
		if err := e.orders.Reconcile(ctx); err != nil {
			t.Fatal(err)
		}
		if got, calls := e.pay.refundedOrders()[o.ID], e.pay.refundCallsOf(id)[0]; got != 1600 || calls != 3 {
			t.Fatalf("refunded %d over %d calls, want 1600 over 3", got, calls)
		}
		e.clock.Advance(2 * time.Hour)
		if err := e.orders.Reconcile(ctx); err != nil {
			t.Fatal(err)
		}
		if err := e.orders.SendRefund(ctx, id); err != nil { // the job, run once more
			t.Fatal(err)
		}
		if calls := e.pay.refundCallsOf(id)[0]; calls != 3 {
			t.Fatalf("a confirmed refund was asked for again (%d calls)", calls)
		}
	})
}

// TestRetryWhileTheProviderCannotSay: the retry of an expired checkout
// asks the provider whether it charged; while the provider cannot say the
// answer is an error to retry, not a final "expired".
func TestRetryWhileTheProviderCannotSay(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 1, "USD")
		s := e.shopper(t)
		e.add(t, s, p, 1, nil)
		e.pay.set(func(context.Context, string, kernel.Money, string) (string, error) {
			return "", context.DeadlineExceeded
		})
		_, _ = e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
		e.pay.set(nil)
		e.clock.Advance(16 * time.Minute)
		if _, err := e.orders.ExpireReservations(ctx); err != nil {
			t.Fatal(err)
		}
		e.pay.failCharged(errors.New("provider unavailable"))
		_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
		if _, final := kernel.AsFieldErrors(err); err == nil || final {
			t.Fatalf("retry while the provider cannot say = %v, want an error to retry", err)
		}
		e.pay.failCharged(nil)
		_, err = e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
		wantErr(t, err, kernel.CodeInvalidState, "input", "idempotencyKey")
	})
}
