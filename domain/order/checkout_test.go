package order_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

const crowd = 200

// TestConcurrentCheckoutsNeverOversell: 200 shoppers checking out the last
// 10 units at once (bought in a LIVE show): exactly 10 are paid, the others
// are told OUT_OF_STOCK, the stock ends at 0 and the ledger splits every
// payment exactly.
func TestConcurrentCheckoutsNeverOversell(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 2500, 10, "USD")
		c := e.collab(t, e.hostV, p, 1500)
		sh := e.liveShow(t, e.hostV, p)
		shoppers := e.shoppers(t, crowd)
		for _, s := range shoppers {
			e.add(t, s, p, 1, sh)
		}
		orders, errs := together(crowd, func(i int) (*order.Order, error) {
			return e.orders.Checkout(ctx, shoppers[i], checkoutIn(fmt.Sprintf("key-%d", i), okToken))
		})
		paid := map[string]bool{}
		for i, err := range errs {
			switch codeOf(err) {
			case "":
				if orders[i].Status != order.StatusPaid {
					t.Fatalf("shopper %d: order %s", i, orders[i].Status)
				}
				paid[orders[i].ID] = true
			case kernel.CodeOutOfStock:
			default:
				t.Errorf("shopper %d: %v", i, err)
			}
		}
		if len(paid) != 10 {
			t.Fatalf("%d orders paid, want 10", len(paid))
		}
		if got := e.stock(t, p); got != 0 {
			t.Fatalf("stock %d, want 0", got)
		}
		if got := e.statuses(t); got[order.StatusPaid] != 10 || got[order.StatusPendingPayment] != 0 {
			t.Fatalf("orders by status %v", got)
		}
		if n := len(e.pay.chargedOrders()); n != 10 {
			t.Fatalf("%d orders charged, want 10", n)
		}
		for id := range paid {
			v := e.view(t, id)
			if len(v.Lines) != 1 {
				t.Fatalf("order %s has %d lines", id, len(v.Lines))
			}
			l := v.Lines[0]
			if l.ShowID == nil || *l.ShowID != sh.ID || l.InfluencerID == nil || *l.InfluencerID != e.host.ID ||
				l.CollaborationID == nil || *l.CollaborationID != c.ID || l.CommissionBps != 1500 || l.PlatformFeeBps != feeBps {
				t.Fatalf("line not attributed: %+v", l)
			}
		}
		e.checkLedger(t)
		// How many went through the batch path depends on timing; shown, not
		// asserted (TestBatcherCombines tests the combiner itself).
		r, st := order.Batched(e.orders)
		t.Logf("orders reserved / settled in batches of more than one: %d / %d", r, st)
		// The influencer earned 15% of 10 × 25.00, the platform 5%.
		totals, err := ledger.Totals(ctx, db, ledger.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		want := map[ledger.AccountKind]int64{ledger.AccountCash: 25000, ledger.AccountInfluencerPayable: 3750,
			ledger.AccountPlatformRevenue: 1250, ledger.AccountVendorPayable: 20000}
		for _, tot := range totals {
			if tot.Balance() != want[tot.Account] {
				t.Fatalf("%s %s balance %d, want %d", tot.Account, tot.PartyID, tot.Balance(), want[tot.Account])
			}
		}
	})
}

// TestConcurrentFlashSaleCheckouts: 200 shoppers buying from a flash sale of
// 5 units (1 per buyer) on a product with 10 in stock: exactly 5 orders at
// the flash price; one shopper checking out three times at once (three
// keys) gets one.
func TestConcurrentFlashSaleCheckouts(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 5000, 10, "USD")
		p2 := e.product(t, e.vendorA, 800, 10, "USD")
		e.collab(t, e.hostV, p, 1000)
		e.collab(t, e.hostV, p2, 1000)
		sh := e.liveShow(t, e.hostV, p, p2)
		fs := e.flash(t, e.hostV, sh, p, 1999, 5, 1)

		t.Run("crowd", func(t *testing.T) {
			shoppers := e.shoppers(t, crowd)
			for _, s := range shoppers {
				e.add(t, s, p, 1, sh)
			}
			orders, errs := together(crowd, func(i int) (*order.Order, error) {
				return e.orders.Checkout(ctx, shoppers[i], checkoutIn(fmt.Sprintf("flash-%d", i), okToken))
			})
			buyers := map[string]int{}
			n := 0
			for i, err := range errs {
				switch codeOf(err) {
				case "":
					n++
					buyers[shoppers[i].UserID]++
					v := e.view(t, orders[i].ID)
					l := v.Lines[0]
					if v.Status != order.StatusPaid || v.TotalMinor != 1999 || l.UnitPriceMinor != 1999 || l.FlashSaleID == nil || *l.FlashSaleID != fs.ID {
						t.Fatalf("shopper %d: order %+v line %+v, want PAID at the flash price", i, v.Order, l)
					}
				case kernel.CodeOutOfStock:
				default:
					t.Errorf("shopper %d: %v", i, err)
				}
			}
			if n != 5 {
				t.Fatalf("%d flash orders, want 5", n)
			}
			if got := e.stock(t, p); got != 5 {
				t.Fatalf("stock %d, want 5", got)
			}
			if got := e.flashSale(t, fs.ID).Remaining; got != 0 {
				t.Fatalf("flash remaining %d, want 0", got)
			}
			if got := e.flashBuyers(t, fs.ID); len(got) != 5 {
				t.Fatalf("flash buyers %v, want 5 of 1", got)
			}
			e.checkLedger(t)
		})

		t.Run("one shopper, three keys at once", func(t *testing.T) {
			fs2 := e.flash(t, e.hostV, sh, p2, 500, 5, 1)
			s := e.shopper(t)
			e.add(t, s, p2, 1, sh)
			orders, errs := together(3, func(i int) (*order.Order, error) {
				return e.orders.Checkout(ctx, s, checkoutIn(fmt.Sprintf("mine-%d", i), okToken))
			})
			won := 0
			for i, err := range errs {
				switch codeOf(err) {
				case "":
					won++
					if orders[i].Status != order.StatusPaid || orders[i].TotalMinor != 500 {
						t.Fatalf("order %+v", orders[i])
					}
				case kernel.CodeLimitExceeded, kernel.CodeInvalid: // over the limit, or the cart was already bought
				default:
					t.Errorf("checkout %d: %v", i, err)
				}
			}
			if won != 1 {
				t.Fatalf("%d checkouts won, want 1 (%v)", won, errs)
			}
			if got := e.stock(t, p2); got != 9 {
				t.Fatalf("stock %d, want 9", got)
			}
			if got := e.flashSale(t, fs2.ID).Remaining; got != 4 {
				t.Fatalf("flash remaining %d, want 4", got)
			}
			if got := e.flashBuyers(t, fs2.ID); len(got) != 1 || got[s.UserID] != 1 {
				t.Fatalf("flash buyers %v", got)
			}
			// A second attempt with a new cart line is over the limit.
			e.add(t, s, p2, 1, sh)
			unchanged(t, db, func() {
				_, err := e.orders.Checkout(ctx, s, checkoutIn("mine-again", okToken))
				wantErr(t, err, kernel.CodeLimitExceeded)
			})
			e.checkLedger(t)
		})
	})
}

// TestCheckoutIdempotency: a repeated checkout returns the same order
// without charging or posting again; the same key for another request is
// refused; concurrent repeats make one order.
func TestCheckoutIdempotency(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1200, 10, "USD")
		s := e.shopper(t)
		e.add(t, s, p, 2, nil)
		o1, err := e.orders.Checkout(ctx, s, checkoutIn("k1", okToken))
		if err != nil || o1.Status != order.StatusPaid || o1.TotalMinor != 2400 {
			t.Fatalf("Checkout = %+v, %v", o1, err)
		}
		calls := e.pay.calls.Load()

		t.Run("retry of the same request returns the same order", func(t *testing.T) {
			unchanged(t, db, func() {
				o2, err := e.orders.Checkout(ctx, s, checkoutIn("k1", okToken))
				if err != nil {
					t.Fatalf("retry: %v (want the same order %s)", err, o1.ID)
				}
				if o2.ID != o1.ID || o2.Status != order.StatusPaid {
					t.Fatalf("retry returned %+v, want order %s PAID", o2, o1.ID)
				}
			})
			if got := e.pay.calls.Load(); got != calls {
				t.Fatalf("the retry called the payment provider (%d calls, want %d)", got, calls)
			}
		})

		t.Run("same key, different request", func(t *testing.T) {
			e.add(t, s, p, 1, nil)
			// The request is the token and the address; the cart is the
			// shopper's state. The same key after the cart changed answers
			// with the order the key made, and buys nothing more.
			unchanged(t, db, func() {
				o, err := e.orders.Checkout(ctx, s, checkoutIn("k1", okToken))
				if err != nil || o.ID != o1.ID {
					t.Fatalf("same key, another cart = %+v, %v; want order %s", o, err, o1.ID)
				}
			})
			other := address()
			other.City = "Lyon"
			for _, tc := range []struct {
				name string
				in   order.CheckoutInput
			}{
				{"another token", checkoutIn("k1", "tok_mastercard")},
				{"another address", order.CheckoutInput{IdempotencyKey: "k1", PaymentToken: okToken, Shipping: other}},
			} {
				t.Run(tc.name, func(t *testing.T) {
					unchanged(t, db, func() {
						_, err := e.orders.Checkout(ctx, s, tc.in)
						wantErr(t, err, kernel.CodeIdempotencyMismatch, "input", "idempotencyKey")
					})
				})
			}
			if got := e.stock(t, p); got != 8 {
				t.Fatalf("stock %d, want 8", got)
			}
		})

		t.Run("a key is per shopper", func(t *testing.T) {
			s2 := e.shopper(t)
			e.add(t, s2, p, 1, nil)
			o, err := e.orders.Checkout(ctx, s2, checkoutIn("k1", okToken))
			if err != nil || o.ID == o1.ID || o.Status != order.StatusPaid {
				t.Fatalf("another shopper's k1 = %+v, %v", o, err)
			}
		})

		t.Run("a repeat arriving while the first takes the last unit in another process", func(t *testing.T) {
			// Deterministic: the repeat has found no order for its key yet
			// when the first request, in another replica, reserves and pays
			// the last unit. (In one process, a repeat waits for the first.)
			other := e.otherProcess()
			q := e.product(t, e.vendorB, 700, 1, "USD")
			s := e.shopper(t)
			e.add(t, s, q, 1, nil)
			var first *order.Order
			var firstErr error
			e.onNextNow(func() { first, firstErr = other.Checkout(ctx, s, checkoutIn("last", okToken)) })
			repeat, err := e.orders.Checkout(ctx, s, checkoutIn("last", okToken))
			if firstErr != nil || first == nil || first.Status != order.StatusPaid {
				t.Fatalf("first request = %+v, %v", first, firstErr)
			}
			if err != nil || repeat.ID != first.ID {
				t.Fatalf("repeat = %+v, %v; want the first request's order %s", repeat, err, first.ID)
			}
		})

		for _, tc := range []struct {
			name  string
			stock int
			slow  bool // the provider takes a while: the cart is not bought yet when the repeats arrive
		}{
			{"concurrent repeats", 5, false},
			{"concurrent repeats for the last unit", 1, false},
			{"concurrent repeats for the last unit, slow provider", 1, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				q := e.product(t, e.vendorB, 700, tc.stock, "USD")
				s := e.shopper(t)
				e.add(t, s, q, 1, nil)
				if tc.slow {
					e.pay.set(func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error) {
						time.Sleep(100 * time.Millisecond)
						return (&order.TestPayments{}).Charge(ctx, orderID, amount, token)
					})
					defer e.pay.set(nil)
				}
				orders, errs := together(10, func(int) (*order.Order, error) {
					return e.orders.Checkout(ctx, s, checkoutIn("same", okToken))
				})
				ids := map[string]int{}
				for i, err := range errs {
					if err != nil {
						t.Errorf("checkout %d: %v", i, err)
						continue
					}
					if orders[i].Status != order.StatusPaid {
						t.Errorf("checkout %d: %s", i, orders[i].Status)
					}
					ids[orders[i].ID]++
				}
				if len(ids) > 1 {
					t.Errorf("several orders for one key: %v", ids)
				}
				if n := e.count(t, "orders", "user_id = ?", s.UserID); n != 1 {
					t.Errorf("%d orders, want 1", n)
				}
				if got := e.stock(t, q); got != tc.stock-1 {
					t.Errorf("stock %d, want %d (reduced once)", got, tc.stock-1)
				}
				e.checkLedger(t)
			})
		}
		e.checkLedger(t)
	})
}

// TestDeclinedPayment: a declined payment cancels the order and returns its
// stock (and flash sale allowance); nothing is posted; a retry of the key
// is declined again and a new checkout can pay.
func TestDeclinedPayment(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		flash bool
	}{{"regular", false}, {"flash sale", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
				e := newEnv(t, db)
				p := e.product(t, e.vendorA, 3000, 5, "USD")
				e.collab(t, e.hostV, p, 1000)
				sh := e.liveShow(t, e.hostV, p)
				qty, price := 2, int64(3000)
				var fs *order.FlashSale
				if tc.flash {
					fs = e.flash(t, e.hostV, sh, p, 1000, 3, 1)
					qty, price = 1, 1000
				}
				s := e.shopper(t)
				e.add(t, s, p, qty, sh)
				_, err := e.orders.Checkout(ctx, s, checkoutIn("k", "tok_declined"))
				wantErr(t, err, kernel.CodePaymentDeclined, "input", "paymentToken")
				if got := e.stock(t, p); got != 5 {
					t.Errorf("stock %d, want 5 (returned)", got)
				}
				var o order.Order
				if err := db.NewSelect().Model(&o).Where("o.user_id = ?", s.UserID).Scan(ctx); err != nil {
					t.Fatal(err)
				}
				if o.Status != order.StatusCancelled || o.DeclineReason == nil || o.PaidAt != nil {
					t.Errorf("declined order %+v, want CANCELLED with a reason", o)
				}
				if n := e.count(t, "ledger_postings", ""); n != 0 {
					t.Errorf("%d ledger postings after a decline", n)
				}
				if tc.flash {
					if got := e.flashSale(t, fs.ID).Remaining; got != 3 {
						t.Errorf("flash remaining %d, want 3 (returned)", got)
					}
					if got := e.flashBuyers(t, fs.ID); len(got) != 0 {
						t.Errorf("flash buyers %v, want none", got)
					}
				}
				if t.Failed() {
					t.FailNow()
				}
				// The cart is kept, the key remembers the decline.
				if c, err := e.orders.Cart(ctx, s); err != nil || len(c.Lines) != 1 || c.Lines[0].Quantity != qty {
					t.Fatalf("cart after decline %+v, %v", c, err)
				}
				unchanged(t, db, func() {
					_, err := e.orders.Checkout(ctx, s, checkoutIn("k", "tok_declined"))
					wantErr(t, err, kernel.CodePaymentDeclined, "input", "paymentToken")
				})
				// Another card, another key: paid at the same price.
				o2, err := e.orders.Checkout(ctx, s, checkoutIn("k2", okToken))
				if err != nil || o2.Status != order.StatusPaid || o2.TotalMinor != price*int64(qty) {
					t.Fatalf("checkout after decline = %+v, %v", o2, err)
				}
				if got := e.stock(t, p); got != 5-qty {
					t.Fatalf("stock %d, want %d", got, 5-qty)
				}
				e.checkLedger(t)
			})
		})
	}
}

// timeout is a provider whose charges never answer.
func timeout(context.Context, string, kernel.Money, string) (string, error) {
	return "", errors.New("payment provider timed out")
}

// TestReservationExpiry: a checkout whose payment outcome is unknown keeps
// its stock reserved until the reservation expires; ExpireReservations then
// returns it once; a retry of the key reports the expiry.
func TestReservationExpiry(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		flash bool
	}{{"regular", false}, {"flash sale", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
				e := newEnv(t, db)
				p := e.product(t, e.vendorA, 3000, 5, "USD")
				e.collab(t, e.hostV, p, 1000)
				sh := e.liveShow(t, e.hostV, p)
				qty := 2
				var fs *order.FlashSale
				if tc.flash {
					fs = e.flash(t, e.hostV, sh, p, 1000, 3, 1)
					qty = 1
				}
				s := e.shopper(t)
				e.add(t, s, p, qty, sh)
				e.pay.set(timeout)
				_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
				if err == nil || codeOf(err) != "INTERNAL" {
					t.Fatalf("checkout with a lost payment = %v, want an internal error", err)
				}
				if got := e.stock(t, p); got != 5-qty {
					t.Fatalf("stock %d, want %d (reserved)", got, 5-qty)
				}
				if got := e.statuses(t); got[order.StatusPendingPayment] != 1 {
					t.Fatalf("orders %v, want one PENDING_PAYMENT", got)
				}
				if n, err := e.orders.ExpireReservations(ctx); err != nil || n != 0 {
					t.Fatalf("ExpireReservations before the TTL = %d, %v", n, err)
				}
				e.clock.Advance(15*time.Minute + time.Second)
				n, err := e.orders.ExpireReservations(ctx)
				if err != nil || n != 1 {
					t.Fatalf("ExpireReservations = %d, %v; want 1", n, err)
				}
				if got := e.stock(t, p); got != 5 {
					t.Fatalf("stock %d, want 5 (returned)", got)
				}
				if tc.flash {
					if got := e.flashSale(t, fs.ID).Remaining; got != 3 {
						t.Fatalf("flash remaining %d, want 3", got)
					}
					if got := e.flashBuyers(t, fs.ID); len(got) != 0 {
						t.Fatalf("flash buyers %v", got)
					}
				}
				if got := e.statuses(t); got[order.StatusCancelled] != 1 || len(got) != 1 {
					t.Fatalf("orders %v, want one CANCELLED", got)
				}
				unchanged(t, db, func() {
					if n, err := e.orders.ExpireReservations(ctx); err != nil || n != 0 {
						t.Fatalf("second ExpireReservations = %d, %v; want 0", n, err)
					}
				})
				e.pay.set(nil)
				calls := e.pay.calls.Load()
				unchanged(t, db, func() {
					_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
					wantErr(t, err, kernel.CodeInvalidState, "input", "idempotencyKey")
				})
				if e.pay.calls.Load() != calls {
					t.Fatal("the retry of an expired checkout charged")
				}
				e.checkLedger(t)
			})
		})
	}
}

// TestPendingCheckoutRetry: a retry with the key of a checkout whose
// payment outcome was unknown finishes it (same order, stock reserved once).
func TestPendingCheckoutRetry(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 3000, 5, "USD")
		s := e.shopper(t)
		e.add(t, s, p, 2, nil)
		e.pay.set(timeout)
		if _, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken)); err == nil {
			t.Fatal("checkout with a lost payment succeeded")
		}
		e.pay.set(nil)
		o, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
		if err != nil || o.Status != order.StatusPaid {
			t.Fatalf("retry = %+v, %v", o, err)
		}
		if got := e.stock(t, p); got != 3 {
			t.Fatalf("stock %d, want 3", got)
		}
		if n := e.count(t, "orders", ""); n != 1 {
			t.Fatalf("%d orders", n)
		}
		e.clock.Advance(time.Hour)
		if n, err := e.orders.ExpireReservations(ctx); err != nil || n != 0 {
			t.Fatalf("ExpireReservations after payment = %d, %v", n, err)
		}
		e.checkLedger(t)
	})
}

// TestChargeRacingExpiry: the reservation expires (and the sweeper runs)
// while the provider is still charging. The shopper's money is then taken:
// the checkout must not report success with an unpaid order, nor keep a
// charge behind an order that is not PAID. With the stock still there the
// order may be paid after all; with the stock sold to someone else in the
// meantime, the charge must be given back and the shopper told.
func TestChargeRacingExpiry(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		stockGone bool
	}{{"stock still there", false}, {"stock sold meanwhile", true}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
				e := newEnv(t, db)
				p := e.product(t, e.vendorA, 3000, 1, "USD")
				s, other := e.shopper(t), e.shopper(t)
				e.add(t, s, p, 1, nil)
				e.add(t, other, p, 1, nil)
				var inner error
				e.pay.set(func(ctx context.Context, orderID string, amount kernel.Money, token string) (string, error) {
					if amount.AmountMinor != 3000 {
						return "", errors.New("unexpected charge")
					}
					e.pay.set(nil)                    // the other shopper's charge is immediate
					e.clock.Advance(16 * time.Minute) // a slow provider
					if _, err := e.orders.ExpireReservations(ctx); err != nil {
						return "", err
					}
					if tc.stockGone {
						_, inner = e.orders.Checkout(ctx, other, checkoutIn("other", okToken))
					}
					return "ch_" + orderID, nil
				})
				o, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
				if inner != nil {
					t.Fatalf("the other shopper's checkout: %v", inner)
				}
				var stored order.Order
				if err := db.NewSelect().Model(&stored).Where("o.user_id = ?", s.UserID).Scan(ctx); err != nil {
					t.Fatal(err)
				}
				if errs := e.runRefundJobs(t); len(errs) > 0 { // the worker's part
					t.Fatalf("refund jobs: %v", errs)
				}
				charged := e.pay.chargedOrders()[stored.ID] > 0
				refunded := e.pay.refundedOrders()[stored.ID]
				t.Logf("Checkout = %v, %v; stored %s, charged %v, refunded %d", o != nil, err, stored.Status, charged, refunded)
				if err == nil && o.Status != order.StatusPaid {
					t.Errorf("Checkout returned no error and a %s order", o.Status)
				}
				if charged && stored.Status != order.StatusPaid && refunded != stored.TotalMinor {
					t.Errorf("the shopper was charged but the order is %s and %d was refunded", stored.Status, refunded)
				}
				if stored.Status == order.StatusPaid && refunded != 0 {
					t.Errorf("a PAID order's charge was refunded")
				}
				if tc.stockGone && stored.Status == order.StatusPaid {
					t.Errorf("both shoppers got the last unit")
				}
				if got := e.stock(t, p); got != 0 {
					t.Errorf("stock %d, want 0", got)
				}
				e.checkLedger(t)
			})
		})
	}
}

// TestCheckoutViewIsWhatGetReads: the checkout answers with the order as
// it wrote it (no read back), which must be exactly what reading it gives:
// for a new order of two vendors and for a repeated key.
func TestCheckoutViewIsWhatGetReads(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		a := e.product(t, e.vendorA, 1999, 5, "USD")
		b := e.product(t, e.vendorB, 333, 5, "USD")
		e.collab(t, e.hostV, a, 1500)
		sh := e.liveShow(t, e.hostV, a)
		s := e.shopper(t)
		e.add(t, s, a, 2, sh)
		e.add(t, s, b, 1, nil)
		in := checkoutIn("view-key", okToken)
		for _, attempt := range []string{"new order", "repeated key"} {
			got, err := e.orders.CheckoutView(ctx, s, in)
			if err != nil {
				t.Fatalf("%s: %v", attempt, err)
			}
			want, err := e.orders.Get(ctx, s, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Lines) != 2 || len(got.VendorOrders) != 2 || got.Status != order.StatusPaid {
				t.Fatalf("%s: %d lines, %d vendor orders, %s", attempt, len(got.Lines), len(got.VendorOrders), got.Status)
			}
			if g, w := asJSON(t, got), asJSON(t, want); g != w {
				t.Fatalf("%s: the checkout answered\n%s\nreading it gives\n%s", attempt, g, w)
			}
		}
	})
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReservationBatchInOneStatement: a batch of one product's checkouts is
// written on PostgreSQL by a single statement, all of it or nothing. When
// the stock covers the batch, every order is reserved with its lines; when
// it does not, the statement writes nothing and the checkouts go one by one,
// each with its exact answer.
func TestReservationBatchInOneStatement(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		pg := db.Dialect().Name() == dialect.PG
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 10, "USD")
		e.collab(t, e.hostV, p, 1500)
		sh := e.liveShow(t, e.hostV, p)
		var users []string
		for _, s := range e.shoppers(t, 4) {
			e.add(t, s, p, 2, sh)
			users = append(users, s.UserID)
		}
		_, errs, inOne, err := order.ReserveTogether(ctx, e.orders, users)
		if err != nil {
			t.Fatal(err)
		}
		for i, err := range errs {
			if err != nil {
				t.Fatalf("shopper %d: %v", i, err)
			}
		}
		if want := map[bool]int64{true: 4, false: 0}[pg]; inOne != want {
			t.Fatalf("%d reserved by the single statement, want %d", inOne, want)
		}
		if got := e.stock(t, p); got != 2 {
			t.Fatalf("stock %d, want 2", got)
		}
		if n := e.count(t, "order_lines", "product_id = ?", p.ID); n != 4 {
			t.Fatalf("%d order lines, want 4", n)
		}
		if n := e.count(t, "vendor_orders", "vendor_id = ?", e.vendorA.ID); n != 4 {
			t.Fatalf("%d vendor orders, want 4", n)
		}

		// Two units left for three shoppers of one each.
		users = users[:0]
		for _, s := range e.shoppers(t, 3) {
			e.add(t, s, p, 1, sh)
			users = append(users, s.UserID)
		}
		orders := e.count(t, "orders", "1 = 1")
		_, errs, inOne, err = order.ReserveTogether(ctx, e.orders, users)
		if err != nil {
			t.Fatal(err)
		}
		refused := 0
		for i, err := range errs {
			switch codeOf(err) {
			case "":
			case kernel.CodeOutOfStock:
				refused++
			default:
				t.Fatalf("shopper %d: %v", i, err)
			}
		}
		if refused != 1 || inOne != 0 {
			t.Fatalf("%d refused, %d by the single statement; want 1 and 0", refused, inOne)
		}
		if got, n := e.stock(t, p), e.count(t, "orders", "1 = 1"); got != 0 || n != orders+2 {
			t.Fatalf("stock %d and %d new orders, want 0 and 2", got, n-orders)
		}
	})
}

// TestSettlementBatchInOneStatement: a batch of settlements is written on
// PostgreSQL by a single statement: the orders PAID, one balanced posting
// each and the carts emptied of what each buyer bought, and of nothing else
// (a line added since of what another buyer of the batch bought, another
// shopper's line of the same product). When one of the orders is
// no longer waiting (a retry settled it), the statement writes nothing and
// the orders are settled one by one, each posted exactly once.
func TestSettlementBatchInOneStatement(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		pg := db.Dialect().Name() == dialect.PG
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1999, 20, "USD")
		e.collab(t, e.hostV, p, 1500)
		sh := e.liveShow(t, e.hostV, p)
		reserve := func(n int) []*order.Order {
			var users []string
			for _, s := range e.shoppers(t, n) {
				e.add(t, s, p, 1, sh)
				users = append(users, s.UserID)
			}
			orders, errs, _, err := order.ReserveTogether(ctx, e.orders, users)
			if err != nil {
				t.Fatal(err)
			}
			for i, err := range errs {
				if err != nil {
					t.Fatalf("reserve %d: %v", i, err)
				}
			}
			return orders
		}
		settle := func(orders []*order.Order, wantInOne int64) {
			t.Helper()
			paid, errs, inOne := order.SettleTogether(ctx, e.orders, orders)
			for i, err := range errs {
				if err != nil || paid[i] == nil || paid[i].Status != order.StatusPaid {
					t.Fatalf("settle %d: %+v, %v", i, paid[i], err)
				}
			}
			if !pg {
				wantInOne = 0
			}
			if inOne != wantInOne {
				t.Fatalf("%d settled by the single statement, want %d", inOne, wantInOne)
			}
		}
		bystander := e.shopper(t)
		e.add(t, bystander, p, 1, sh)
		q := e.product(t, e.vendorA, 500, 5, "USD")
		qBuyer := e.shopper(t)
		e.add(t, qBuyer, q, 1, nil)
		orders := reserve(4)
		qOrders, errs, _, err := order.ReserveTogether(ctx, e.orders, []string{qBuyer.UserID})
		if err != nil || errs[0] != nil {
			t.Fatalf("reserve q: %v, %v", err, errs)
		}
		e.add(t, kernel.Viewer{UserID: orders[0].UserID}, q, 1, nil) // after its checkout began
		_, before := order.Batched(e.orders)
		settle(append(orders, qOrders[0]), 5)
		if _, after := order.Batched(e.orders); after-before != 5 {
			t.Fatalf("%d orders settled as a batch, want all 5", after-before)
		}
		if c, err := e.orders.Cart(ctx, qBuyer); err != nil || len(c.Lines) != 0 {
			t.Fatalf("q's buyer's cart %+v, %v; want empty", c, err)
		}
		// Then three more, one of which a retry has settled already.
		more := reserve(3)
		settle(more[:1], 0) // alone: never a batch
		settle(more, 0)
		all := append(orders, more...)
		for _, o := range all {
			if v := e.view(t, o.ID); v.Status != order.StatusPaid {
				t.Fatalf("order %s: %s", o.ID, v.Status)
			}
			if n := e.count(t, "ledger_postings", "order_id = ?", o.ID); n != 1 {
				t.Fatalf("order %s has %d postings, want 1", o.ID, n)
			}
			if n := e.count(t, "cart_lines", "cart_id IN (SELECT id FROM carts WHERE user_id = ?) AND product_id = ?", o.UserID, p.ID); n != 0 {
				t.Fatalf("the buyer of %s still has %d cart lines of what it bought", o.ID, n)
			}
		}
		if c, err := e.orders.Cart(ctx, kernel.Viewer{UserID: orders[0].UserID}); err != nil || len(c.Lines) != 1 || c.Lines[0].ProductID != q.ID {
			t.Fatalf("first buyer's cart %+v, %v; want only the line added after its checkout began", c, err)
		}
		if c, err := e.orders.Cart(ctx, bystander); err != nil || len(c.Lines) != 1 || c.Lines[0].ProductID != p.ID {
			t.Fatalf("bystander's cart %+v, %v; want its own line of the product, untouched", c, err)
		}
		e.checkLedger(t)
	})
}

// TestFlashReservationBatchInOneStatement: with a running flash sale, the
// single statement also takes the sale's allowance and raises each buyer's
// count within the per-buyer limit; when either falls short it writes
// nothing and the checkouts go one by one, each with its exact answer.
func TestFlashReservationBatchInOneStatement(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		pg := db.Dialect().Name() == dialect.PG
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 50, "USD")
		e.collab(t, e.hostV, p, 1500)
		sh := e.liveShow(t, e.hostV, p)
		fs := e.flash(t, e.hostV, sh, p, 700, 10, 2)
		shoppers := e.shoppers(t, 7)
		reserve := func(ss ...kernel.Viewer) ([]*order.Order, []error, int64) {
			t.Helper()
			var users []string
			for _, s := range ss {
				users = append(users, s.UserID)
			}
			orders, errs, inOne, err := order.ReserveTogether(ctx, e.orders, users)
			if err != nil {
				t.Fatal(err)
			}
			return orders, errs, inOne
		}
		// Three buyers of one: one statement.
		for _, s := range shoppers[:3] {
			e.add(t, s, p, 1, sh)
		}
		orders, errs, inOne := reserve(shoppers[:3]...)
		for i, err := range errs {
			if err != nil {
				t.Fatalf("shopper %d: %v", i, err)
			}
			if l := e.view(t, orders[i].ID).Lines[0]; l.UnitPriceMinor != 700 || l.FlashSaleID == nil || *l.FlashSaleID != fs.ID {
				t.Fatalf("line %+v: not sold at the flash price", l)
			}
		}
		if want := map[bool]int64{true: 3, false: 0}[pg]; inOne != want {
			t.Fatalf("%d reserved by the single statement, want %d", inOne, want)
		}
		// Shopper 0 (one bought, its cart still holds one: carts empty at
		// settlement) checks out twice at once: 1 + 2 passes the limit of 2,
		// so the statement writes nothing; one by one, the first is served.
		_, errs, inOne = reserve(shoppers[0], shoppers[0])
		if inOne != 0 || codeOf(errs[0]) != "" || codeOf(errs[1]) != kernel.CodeLimitExceeded {
			t.Fatalf("errors %v, %d by the single statement; want the first served, the second over the limit", errs, inOne)
		}
		// Six left, four buyers of two: the sale is short for the batch.
		for _, s := range shoppers[3:7] {
			e.add(t, s, p, 2, sh)
		}
		_, errs, inOne = reserve(shoppers[3:7]...)
		if inOne != 0 || codeOf(errs[0]) != "" || codeOf(errs[1]) != "" || codeOf(errs[2]) != "" || codeOf(errs[3]) != kernel.CodeOutOfStock {
			t.Fatalf("errors %v, %d by the single statement; want three served, the last refused", errs, inOne)
		}
		if got := e.flashSale(t, fs.ID).Remaining; got != 0 {
			t.Fatalf("flash sale has %d left, want 0", got)
		}
		want := map[string]int{shoppers[0].UserID: 2, shoppers[1].UserID: 1, shoppers[2].UserID: 1,
			shoppers[3].UserID: 2, shoppers[4].UserID: 2, shoppers[5].UserID: 2}
		if got := e.flashBuyers(t, fs.ID); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("buyers %v, want %v", got, want)
		}
		if got := e.stock(t, p); got != 40 {
			t.Fatalf("stock %d, want 40", got)
		}
	})
}
