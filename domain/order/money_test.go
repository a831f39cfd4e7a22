package order_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// seed returns the random seed of a property test: ORDER_TEST_SEED or the
// clock, logged so a failure can be replayed.
func seed(t *testing.T) uint64 {
	t.Helper()
	s := uint64(time.Now().UnixNano())
	if env := os.Getenv("ORDER_TEST_SEED"); env != "" {
		v, err := strconv.ParseUint(env, 10, 64)
		if err != nil {
			t.Fatalf("ORDER_TEST_SEED: %v", err)
		}
		s = v
	}
	t.Logf("seed %d (ORDER_TEST_SEED=%d replays it)", s, s)
	return s
}

// TestSplitsAndRefundsAreExact is a property test at the order level:
// awkward prices (1 minor unit, 333, ...), odd commission rates and platform
// fees; every payment posting splits the order total exactly; random
// partial refunds then the rest reverse exactly what was posted, so every
// party's balance for the order returns to 0; a refund of more than remains
// is refused (INVALID) and changes nothing.
func TestSplitsAndRefundsAreExact(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		rng := rand.New(rand.NewPCG(seed(t), 7))
		prices := []int64{1, 333, 1, 9999, 7, 100_001}
		commissions := []int{100, 3333, 7999, 101, 4567, 2500}
		fees := []int{0, 1, 2001, 777, 1999, 3, 500}
		var products []*catalog.Product
		bpsOf := map[string]int{}
		for i, price := range prices {
			p := e.product(t, e.vendorA, price, 100_000, "USD")
			e.collab(t, e.hostV, p, commissions[i])
			products = append(products, p)
			bpsOf[p.ID] = commissions[i]
		}
		sh := e.liveShow(t, e.hostV, products...)
		refunders := []kernel.Viewer{e.ownerA, e.staffA, e.admin}

		for round := 0; round < 14; round++ {
			fee := fees[rng.IntN(len(fees))]
			e.setFee(t, e.vendorA, fee)
			attributed := rng.IntN(3) != 0
			s := e.shopper(t)
			picked := rng.Perm(len(products))[:1+rng.IntN(3)]
			for _, i := range picked {
				var from = sh
				if !attributed {
					from = nil
				}
				e.add(t, s, products[i], 1+rng.IntN(40), from)
			}
			o := e.buy(t, s)
			v := e.view(t, o.ID)
			desc := fmt.Sprintf("round %d (fee %d, attributed %v)", round, fee, attributed)
			for _, l := range v.Lines {
				if l.PlatformFeeBps != fee {
					t.Fatalf("%s: line fee %d", desc, l.PlatformFeeBps)
				}
				if attributed != (l.InfluencerID != nil) || (attributed && l.CommissionBps != bpsOf[l.ProductID]) {
					t.Fatalf("%s: line %+v", desc, l)
				}
				if l.TotalMinor != l.UnitPriceMinor*int64(l.Quantity) {
					t.Fatalf("%s: line total %d != %d × %d", desc, l.TotalMinor, l.UnitPriceMinor, l.Quantity)
				}
			}
			pay, err := ledger.ByKey(ctx, db, ledger.PaymentKey(o.ID))
			if err != nil {
				t.Fatal(err)
			}
			got := sumPosting(pay)
			if got.Cash != o.TotalMinor || got.Vendor+got.Influencer+got.Platform != o.TotalMinor {
				t.Fatalf("%s: payment %+v does not split the total %d", desc, got, o.TotalMinor)
			}
			if !attributed && got.Influencer != 0 {
				t.Fatalf("%s: an unattributed order paid commission %d", desc, got.Influencer)
			}

			// Refund in random steps, with refused over-refunds in between.
			left := map[string]int{}
			for _, l := range v.Lines {
				left[l.ID] = l.Quantity
			}
			stock := map[string]int{}
			for _, l := range v.Lines {
				stock[l.ProductID] = e.stock(t, &catalog.Product{ID: l.ProductID})
			}
			var refunded int64
			for step := 0; len(left) > 0; step++ {
				if rng.IntN(3) == 0 {
					// Over-refund one line, alone or after a valid line.
					var in order.RefundInput
					in.OrderID, in.Reason = o.ID, "too much"
					over := v.Lines[rng.IntN(len(v.Lines))]
					var valid *order.Line
					for _, l := range v.Lines {
						if l.ID != over.ID && left[l.ID] > 0 {
							valid = l
						}
					}
					field := "0"
					if valid != nil && rng.IntN(2) == 0 {
						in.Lines = append(in.Lines, order.RefundLineInput{LineID: valid.ID, Quantity: 1})
						field = "1"
					}
					in.Lines = append(in.Lines, order.RefundLineInput{LineID: over.ID, Quantity: left[over.ID] + 1})
					unchanged(t, db, func() {
						_, err := e.orders.Refund(ctx, e.admin, in)
						wantErr(t, err, kernel.CodeInvalid, "input", "lines", field, "quantity")
					})
				}
				in := order.RefundInput{OrderID: o.ID, Reason: fmt.Sprintf("step %d", step), Restock: rng.IntN(2) == 0}
				var amount int64
				for _, l := range v.Lines {
					if left[l.ID] == 0 || (len(in.Lines) > 0 && rng.IntN(2) == 0) {
						continue
					}
					q := 1 + rng.IntN(left[l.ID])
					if rng.IntN(4) == 0 {
						q = left[l.ID] // sometimes the rest at once
					}
					in.Lines = append(in.Lines, order.RefundLineInput{LineID: l.ID, Quantity: q})
					amount += l.UnitPriceMinor * int64(q)
				}
				before, err := ledger.ForOrder(ctx, db, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				rv, err := e.orders.Refund(ctx, refunders[rng.IntN(len(refunders))], in)
				if err != nil {
					t.Fatalf("%s step %d: Refund(%+v): %v", desc, step, in.Lines, err)
				}
				for _, rl := range in.Lines {
					left[rl.LineID] -= rl.Quantity
					if left[rl.LineID] == 0 {
						delete(left, rl.LineID)
					}
					if in.Restock {
						for _, l := range v.Lines {
							if l.ID == rl.LineID {
								stock[l.ProductID] += rl.Quantity
							}
						}
					}
				}
				refunded += amount
				wantStatus := order.StatusPartiallyRefunded
				if len(left) == 0 {
					wantStatus = order.StatusRefunded
				}
				if rv.Status != wantStatus {
					t.Fatalf("%s step %d: status %s, want %s", desc, step, rv.Status, wantStatus)
				}
				after, err := ledger.ForOrder(ctx, db, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(after) != len(before)+1 {
					t.Fatalf("%s step %d: %d postings, want %d", desc, step, len(after), len(before)+1)
				}
				rev := sumPosting(after[len(after)-1])
				if after[len(after)-1].Kind != ledger.KindRefund || rev.Cash != -amount ||
					rev.Vendor > 0 || rev.Influencer > 0 || rev.Platform > 0 || rev.Vendor+rev.Influencer+rev.Platform != -amount {
					t.Fatalf("%s step %d: refund of %d posted %+v", desc, step, amount, rev)
				}
			}
			for pid, want := range stock {
				if got := e.stock(t, &catalog.Product{ID: pid}); got != want {
					t.Fatalf("%s: stock %d, want %d", desc, got, want)
				}
			}
			if refunded != o.TotalMinor {
				t.Fatalf("%s: refunded %d of %d", desc, refunded, o.TotalMinor)
			}
			// Every account of the order is back to 0.
			all, err := ledger.ForOrder(ctx, db, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			net := map[string]int64{}
			for _, p := range all {
				for _, en := range p.Entries {
					net[string(en.Account)+"/"+en.PartyID] += en.Amount
				}
			}
			for k, n := range net {
				if n != 0 {
					t.Fatalf("%s: %s nets %d after a full refund (postings %+v)", desc, k, n, all)
				}
			}
			// Nothing left to refund.
			unchanged(t, db, func() {
				_, err := e.orders.Refund(ctx, e.admin, order.RefundInput{OrderID: o.ID, Reason: "again",
					Lines: []order.RefundLineInput{{LineID: v.Lines[0].ID, Quantity: 1}}})
				wantErr(t, err, kernel.CodeInvalidState, "input", "orderId")
			})
		}
		e.checkLedger(t)
		// Everything was refunded: every balance is 0.
		totals, err := ledger.Totals(ctx, db, ledger.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, tot := range totals {
			if tot.Net() != 0 {
				t.Fatalf("%s %s nets %d", tot.Account, tot.PartyID, tot.Net())
			}
		}
	})
}

// TestRefundRules: who may refund what, and the refusals that change
// nothing.
func TestRefundRules(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 10, "USD")
		s := e.shopper(t)
		e.add(t, s, p, 3, nil)
		o := e.buy(t, s)
		line := e.view(t, o.ID).Lines[0]
		e.pay.set(timeout)
		s2 := e.shopper(t)
		e.add(t, s2, p, 1, nil)
		if _, err := e.orders.Checkout(ctx, s2, checkoutIn("pending", okToken)); err == nil {
			t.Fatal("lost payment succeeded")
		}
		e.pay.set(nil)
		var pending order.Order
		if err := db.NewSelect().Model(&pending).Where("o.user_id = ?", s2.UserID).Scan(ctx); err != nil {
			t.Fatal(err)
		}
		pendingLine := e.view(t, pending.ID).Lines[0]

		for _, tc := range []struct {
			name  string
			in    order.RefundInput
			code  kernel.Code
			field []string
		}{
			{"no lines", order.RefundInput{OrderID: o.ID, Reason: "r"}, kernel.CodeRequired, []string{"input", "lines"}},
			{"no reason", order.RefundInput{OrderID: o.ID, Lines: []order.RefundLineInput{{line.ID, 1}}}, kernel.CodeRequired, []string{"input", "reason"}},
			{"quantity 0", order.RefundInput{OrderID: o.ID, Reason: "r", Lines: []order.RefundLineInput{{line.ID, 0}}}, kernel.CodeInvalid, []string{"input", "lines", "0", "quantity"}},
			{"negative quantity", order.RefundInput{OrderID: o.ID, Reason: "r", Lines: []order.RefundLineInput{{line.ID, -2}}}, kernel.CodeInvalid, []string{"input", "lines", "0", "quantity"}},
			{"more than bought", order.RefundInput{OrderID: o.ID, Reason: "r", Lines: []order.RefundLineInput{{line.ID, 4}}}, kernel.CodeInvalid, []string{"input", "lines", "0", "quantity"}},
			{"a line twice", order.RefundInput{OrderID: o.ID, Reason: "r", Lines: []order.RefundLineInput{{line.ID, 1}, {line.ID, 1}}}, kernel.CodeInvalid, []string{"input", "lines", "1", "lineId"}},
			{"unknown order", order.RefundInput{OrderID: kernel.NewID(), Reason: "r", Lines: []order.RefundLineInput{{line.ID, 1}}}, kernel.CodeNotFound, []string{"input", "orderId"}},
			{"a line of another order", order.RefundInput{OrderID: o.ID, Reason: "r", Lines: []order.RefundLineInput{{pendingLine.ID, 1}}}, kernel.CodeNotFound, []string{"input", "lines", "0", "lineId"}},
			{"an unpaid order", order.RefundInput{OrderID: pending.ID, Reason: "r", Lines: []order.RefundLineInput{{pendingLine.ID, 1}}}, kernel.CodeInvalidState, []string{"input", "orderId"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				unchanged(t, db, func() {
					_, err := e.orders.Refund(ctx, e.ownerA, tc.in)
					wantErr(t, err, tc.code, tc.field...)
				})
			})
		}
		// A refund with restock puts the units back; without, it does not.
		before := e.stock(t, p)
		if _, err := e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: o.ID, Reason: "damaged", Lines: []order.RefundLineInput{{line.ID, 1}}}); err != nil {
			t.Fatal(err)
		}
		if got := e.stock(t, p); got != before {
			t.Fatalf("stock %d after a refund without restock, want %d", got, before)
		}
		if _, err := e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: o.ID, Reason: "returned", Restock: true, Lines: []order.RefundLineInput{{line.ID, 2}}}); err != nil {
			t.Fatal(err)
		}
		if got := e.stock(t, p); got != before+2 {
			t.Fatalf("stock %d after restocking 2, want %d", got, before+2)
		}
		var refunds []order.Refund
		if err := db.NewSelect().Model(&refunds).Where("rf.order_id = ?", o.ID).OrderExpr("rf.id").Scan(ctx); err != nil {
			t.Fatal(err)
		}
		if len(refunds) != 2 || refunds[0].AmountMinor != 1000 || refunds[1].AmountMinor != 2000 || refunds[1].CreatedBy != e.staffA.UserID {
			t.Fatalf("refunds %+v", refunds)
		}
		e.checkLedger(t)
	})
}

// TestConcurrentRefunds: racing refunds of the same line never refund more
// than was bought.
func TestConcurrentRefunds(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 333, 10, "USD")
		e.collab(t, e.hostV, p, 3333)
		sh := e.liveShow(t, e.hostV, p)
		s := e.shopper(t)
		e.add(t, s, p, 5, sh)
		o := e.buy(t, s)
		line := e.view(t, o.ID).Lines[0]
		_, errs := together(8, func(i int) (*order.View, error) {
			return e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: o.ID, Reason: fmt.Sprint("race ", i),
				Lines: []order.RefundLineInput{{LineID: line.ID, Quantity: 2}}})
		})
		ok := 0
		for _, err := range errs {
			switch codeOf(err) {
			case "":
				ok++
			case kernel.CodeInvalid:
			default:
				t.Errorf("refund: %v", err)
			}
		}
		if ok != 2 {
			t.Fatalf("%d refunds of 2 out of 5 succeeded, want 2", ok)
		}
		if got := e.view(t, o.ID); got.Lines[0].RefundedQuantity != 4 || got.Status != order.StatusPartiallyRefunded {
			t.Fatalf("after the race: %s, refunded %d", got.Status, got.Lines[0].RefundedQuantity)
		}
		e.checkLedger(t)
	})
}
