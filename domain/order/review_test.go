package order_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// Regressions for what a review of checkout found.
func TestCheckoutReviewRegressions(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)

		t.Run("a shopper who leaves after the charge still gets a paid order", func(t *testing.T) {
			p := e.product(t, e.vendorA, 1000, 5, "USD")
			s := e.shopper(t)
			e.add(t, s, p, 1, nil)
			rctx, cancel := context.WithCancel(ctx)
			e.pay.set(func(c context.Context, orderID string, amount kernel.Money, token string) (string, error) {
				cancel() // the client disconnects while the provider answers
				return (&order.TestPayments{}).Charge(c, orderID, amount, token)
			})
			defer e.pay.set(nil)
			o, err := e.orders.Checkout(rctx, s, checkoutIn("gone", okToken))
			if err != nil || o.Status != order.StatusPaid {
				t.Fatalf("Checkout = %+v, %v; want PAID", o, err)
			}
			e.checkLedger(t)
		})

		t.Run("a lost race for several units does not mark the product sold out", func(t *testing.T) {
			p := e.product(t, e.vendorA, 1000, 5, "USD")
			buyers := e.shoppers(t, 6)
			for _, b := range buyers {
				e.add(t, b, p, 3, nil)
			}
			_, errs := together(len(buyers), func(i int) (*order.Order, error) {
				return e.orders.Checkout(ctx, buyers[i], checkoutIn(kernel.NewID(), okToken))
			})
			paid := 0
			for _, err := range errs {
				if err == nil {
					paid++
				}
			}
			if paid != 1 || e.stock(t, p) != 2 {
				t.Fatalf("paid %d, stock %d; want 1 and 2", paid, e.stock(t, p))
			}
			last := e.shopper(t)
			e.add(t, last, p, 1, nil)
			e.buy(t, last) // two are left: this one must be sold
		})

		t.Run("concurrent refunds of all lines leave the order REFUNDED", func(t *testing.T) {
			for round := 0; round < 5; round++ {
				p1 := e.product(t, e.vendorA, 700, 5, "USD")
				p2 := e.product(t, e.vendorA, 300, 5, "USD")
				s := e.shopper(t)
				e.add(t, s, p1, 1, nil)
				e.add(t, s, p2, 2, nil)
				o := e.buy(t, s)
				lines := e.view(t, o.ID).Lines
				_, errs := together(len(lines), func(i int) (*order.View, error) {
					return e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: o.ID, Reason: "damaged",
						Lines: []order.RefundLineInput{{LineID: lines[i].ID, Quantity: lines[i].Quantity}}})
				})
				for _, err := range errs {
					if err != nil {
						t.Fatal(err)
					}
				}
				if st := e.view(t, o.ID).Status; st != order.StatusRefunded {
					t.Fatalf("round %d: status %s, want REFUNDED", round, st)
				}
			}
			e.checkLedger(t)
		})

		t.Run("a double-submitted flash sale starts once", func(t *testing.T) {
			p := e.product(t, e.vendorA, 2000, 50, "USD")
			e.collab(t, e.hostV, p, 1500)
			sh := e.liveShow(t, e.hostV, p)
			_, errs := together(8, func(int) (*order.FlashSale, error) {
				return e.orders.StartFlashSale(ctx, e.hostV, order.FlashSaleInput{ShowID: sh.ID, ProductID: p.ID,
					Price: kernel.Money{AmountMinor: 1000, Currency: "USD"}, Quantity: 10, PerBuyerLimit: 1, Duration: 600e9})
			})
			started := 0
			for _, err := range errs {
				if err == nil {
					started++
				} else if codeOf(err) != kernel.CodeConflict {
					t.Fatalf("a refused start: %v", err)
				}
			}
			if started != 1 || e.count(t, "flash_sales", "product_id = ?", p.ID) != 1 {
				t.Fatalf("%d starts succeeded, %d sales stored; want 1", started, e.count(t, "flash_sales", "product_id = ?", p.ID))
			}
		})
	})
}
