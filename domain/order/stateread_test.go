package order_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestCartReadsTogether: concurrent checkouts' cart reads, combined into
// one statement on PostgreSQL, give each checkout exactly its own cart and
// key, as reading each alone does: lines in the order they were added, an
// emptied cart, no cart at all, a used key, a new key of the same shopper,
// and the same shopper twice in one batch.
func TestCartReadsTogether(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		p1 := e.product(t, e.vendorA, 1000, 10, "USD")
		p2 := e.product(t, e.vendorB, 500, 10, "USD")

		two := e.shopper(t)
		e.add(t, two, p2, 3, nil)
		e.clock.Advance(time.Second)
		e.add(t, two, p1, 1, nil)
		emptied := e.shopper(t)
		c := e.add(t, emptied, p1, 1, nil)
		if _, err := e.orders.UpdateLine(ctx, emptied, c.Lines[0].ID, 0); err != nil {
			t.Fatal(err)
		}
		never := e.shopper(t)
		paid := e.shopper(t)
		e.add(t, paid, p2, 1, nil)
		o, err := e.orders.Checkout(ctx, paid, checkoutIn("used", okToken))
		if err != nil {
			t.Fatal(err)
		}
		e.add(t, paid, p1, 2, nil) // a new cart after the order

		pairs := [][2]string{{two.UserID, "k1"}, {emptied.UserID, "k2"}, {never.UserID, "k3"},
			{paid.UserID, "used"}, {paid.UserID, "new"}, {two.UserID, "k4"}}
		want := []string{
			fmt.Sprintf("lines [%s×3 %s×1]", p2.ID, p1.ID),
			"lines []",
			"no cart",
			"order " + o.ID,
			fmt.Sprintf("lines [%s×2]", p1.ID),
			fmt.Sprintf("lines [%s×3 %s×1]", p2.ID, p1.ID),
		}
		together, alone, err := order.CartStates(ctx, e.orders, pairs)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(alone, want) {
			t.Fatalf("read alone:\n got %q\nwant %q", alone, want)
		}
		if !slices.Equal(together, want) {
			t.Fatalf("read together:\n got %q\nwant %q", together, want)
		}
		if d.Dialect().Name() == dialect.PG && order.BatchedReads(e.orders) != int64(len(pairs)) {
			t.Fatalf("%d reads shared a statement, want %d", order.BatchedReads(e.orders), len(pairs))
		}
	})
}

// TestConcurrentCheckoutsReadTheirOwnCarts: many shoppers with different
// carts check out at once; each order has exactly its shopper's lines.
func TestConcurrentCheckoutsReadTheirOwnCarts(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, d *bun.DB) {
		e := newEnv(t, d)
		p1 := e.product(t, e.vendorA, 1000, 1000, "USD")
		p2 := e.product(t, e.vendorB, 500, 1000, "USD")
		shoppers := e.shoppers(t, 60)
		for i, s := range shoppers {
			e.add(t, s, p1, 1+i%3, nil)
			if i%2 == 0 {
				e.add(t, s, p2, 1+i%5, nil)
			}
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		orders := make([]*order.Order, len(shoppers))
		errs := make([]error, len(shoppers))
		for i, s := range shoppers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				orders[i], errs[i] = e.orders.Checkout(ctx, s, checkoutIn(fmt.Sprintf("own-%d", i), okToken))
			}()
		}
		close(start)
		wg.Wait()
		for i := range shoppers {
			if errs[i] != nil {
				t.Fatalf("shopper %d: %v", i, errs[i])
			}
			var wantTotal int64 = int64(1+i%3) * 1000
			if i%2 == 0 {
				wantTotal += int64(1+i%5) * 500
			}
			if orders[i].TotalMinor != wantTotal || orders[i].UserID != shoppers[i].UserID {
				t.Fatalf("shopper %d: order total %d of user %s, want %d of %s",
					i, orders[i].TotalMinor, orders[i].UserID, wantTotal, shoppers[i].UserID)
			}
		}
		t.Logf("%d of %d cart reads shared a statement", order.BatchedReads(e.orders), len(shoppers))
		e.checkLedger(t)
	})
}
