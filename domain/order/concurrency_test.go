package order_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestConcurrentAddLine: a shopper adding the same product from several
// tabs at once (double clicks) gets every unit in one line, and no error.
func TestConcurrentAddLine(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 100, "USD")
		for _, tc := range []struct {
			name  string
			first bool // the cart holds the product already
		}{{"new line", false}, {"existing line", true}} {
			t.Run(tc.name, func(t *testing.T) {
				s := e.shopper(t)
				want := 10
				if tc.first {
					e.add(t, s, p, 1, nil)
					want++
				}
				_, errs := together(10, func(int) (*order.Cart, error) { return e.orders.AddLine(ctx, s, p.ID, 1, nil) })
				for i, err := range errs {
					if err != nil {
						t.Errorf("AddLine %d: %v", i, err)
					}
				}
				c, err := e.orders.Cart(ctx, s)
				if err != nil {
					t.Fatal(err)
				}
				if len(c.Lines) != 1 || c.Lines[0].Quantity != want {
					q := 0
					if len(c.Lines) > 0 {
						q = c.Lines[0].Quantity
					}
					t.Fatalf("%d lines, quantity %d; want 1 line of %d (lost updates)", len(c.Lines), q, want)
				}
			})
		}
	})
}

// TestConcurrentCartsInOppositeOrders: carts holding the same two products
// in opposite orders, checked out at once, never fail with a database error
// (deadlock): each is paid, and nothing is oversold. Two flash sales in one
// show lock flash sale rows in cart order at reservation; two shows lock
// show rows (their event sequence) in line order at payment.
func TestConcurrentCartsInOppositeOrders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		flash    bool
		twoShows bool
	}{
		{"two flash sales in one show", true, false},
		{"two live shows, no flash sale", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
				e := newEnv(t, db)
				p1 := e.product(t, e.vendorA, 5000, 1000, "USD")
				p2 := e.product(t, e.vendorB, 4000, 1000, "USD")
				e.collab(t, e.hostV, p1, 1000)
				e.collab(t, e.hostV, p2, 1000)
				sh1 := e.liveShow(t, e.hostV, p1, p2)
				sh2 := sh1
				if tc.twoShows {
					sh2 = e.liveShow(t, e.hostV, p2)
				}
				if tc.flash {
					e.flash(t, e.hostV, sh1, p1, 2500, 1000, 1)
					e.flash(t, e.hostV, sh2, p2, 2000, 1000, 1)
				}
				const n = 40
				shoppers := e.shoppers(t, n)
				for i, s := range shoppers {
					if i%2 == 0 {
						e.add(t, s, p1, 1, sh1)
						e.add(t, s, p2, 1, sh2)
					} else {
						e.add(t, s, p2, 1, sh2)
						e.add(t, s, p1, 1, sh1)
					}
				}
				_, errs := together(n, func(i int) (*order.Order, error) {
					return e.orders.Checkout(ctx, shoppers[i], checkoutIn(fmt.Sprint("k", i), okToken))
				})
				paid, failed := 0, map[string]int{}
				for _, err := range errs {
					if err == nil {
						paid++
					} else {
						failed[err.Error()]++
					}
				}
				if paid != n {
					t.Errorf("%d of %d checkouts paid; failures: %v", paid, n, failed)
				}
				if got := e.stock(t, p1); got != 1000-paid {
					t.Errorf("p1 stock %d, want %d", got, 1000-paid)
				}
				if got := e.statuses(t); got[order.StatusPendingPayment] != 0 {
					t.Errorf("orders %v: some left PENDING_PAYMENT (charged or not)", got)
				}
				e.checkLedger(t)
			})
		})
	}
}

// TestConcurrentSweepers: several ExpireReservations at once cancel each
// expired order once and return its stock once.
func TestConcurrentSweepers(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 100, "USD")
		e.pay.set(timeout)
		const n = 20
		for i := 0; i < n; i++ {
			s := e.shopper(t)
			e.add(t, s, p, 2, nil)
			if _, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken)); err == nil {
				t.Fatal("lost payment succeeded")
			}
		}
		if got := e.stock(t, p); got != 100-2*n {
			t.Fatalf("stock %d", got)
		}
		e.clock.Advance(time.Hour)
		counts, errs := together(5, func(int) (int, error) { return e.orders.ExpireReservations(ctx) })
		total := 0
		for i, err := range errs {
			if err != nil {
				t.Fatalf("sweeper %d: %v", i, err)
			}
			total += counts[i]
		}
		if total != n {
			t.Fatalf("sweepers cancelled %d orders, want %d (%v)", total, n, counts)
		}
		if got := e.stock(t, p); got != 100 {
			t.Fatalf("stock %d, want 100", got)
		}
		if got := e.statuses(t); got[order.StatusCancelled] != n {
			t.Fatalf("orders %v", got)
		}
	})
}

// TestExpiryOfFlashAndRegularReservations: one sweep expires a flash sale
// reservation and a regular one behind it, returning the stock and the
// flash allowance (an order the sweep cannot cancel must not keep the
// others reserved).
func TestExpiryOfFlashAndRegularReservations(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 3000, 10, "USD")
		q := e.product(t, e.vendorA, 1000, 10, "USD")
		e.collab(t, e.hostV, p, 1000)
		sh := e.liveShow(t, e.hostV, p)
		fs := e.flash(t, e.hostV, sh, p, 1000, 3, 1)
		e.pay.set(timeout)
		s1 := e.shopper(t)
		e.add(t, s1, p, 1, sh)
		if _, err := e.orders.Checkout(ctx, s1, checkoutIn("k", okToken)); err == nil {
			t.Fatal("lost payment succeeded")
		}
		e.clock.Advance(time.Minute)
		s2 := e.shopper(t)
		e.add(t, s2, q, 4, nil)
		if _, err := e.orders.Checkout(ctx, s2, checkoutIn("k", okToken)); err == nil {
			t.Fatal("lost payment succeeded")
		}
		e.clock.Advance(time.Hour)
		n, err := e.orders.ExpireReservations(ctx)
		if err != nil || n != 2 {
			t.Errorf("ExpireReservations = %d, %v; want 2", n, err)
		}
		if got := e.stock(t, q); got != 10 {
			t.Errorf("the regular reservation was not returned (stock %d, want 10)", got)
		}
		if got := e.stock(t, p); got != 10 {
			t.Errorf("the flash reservation was not returned (stock %d, want 10)", got)
		}
		if got := e.flashSale(t, fs.ID).Remaining; got != 3 {
			t.Errorf("flash remaining %d, want 3", got)
		}
	})
}

// TestOrdersPaging: orders list newest first, a page at a time.
func TestOrdersPaging(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 100, "USD")
		s := e.shopper(t)
		var ids []string
		for i := 0; i < 5; i++ {
			e.add(t, s, p, 1, nil)
			ids = append(ids, e.buy(t, s).ID)
			e.clock.Advance(time.Second)
		}
		var got []string
		after := ""
		for pages := 0; ; pages++ {
			pg, err := e.orders.Orders(ctx, s, order.Filter{}, kernel.PageRequest{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if pg.TotalCount != 5 || pages > 3 {
				t.Fatalf("TotalCount %d after %d pages", pg.TotalCount, pages)
			}
			for _, v := range pg.Items {
				got = append(got, v.ID)
				after = v.ID
			}
			if !pg.HasNextPage {
				break
			}
		}
		if len(got) != 5 {
			t.Fatalf("%d orders listed", len(got))
		}
		for i := range got {
			if got[i] != ids[len(ids)-1-i] {
				t.Fatalf("order %d is %s, want %s (newest first)", i, got[i], ids[len(ids)-1-i])
			}
		}
	})
}
