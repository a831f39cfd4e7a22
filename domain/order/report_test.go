package order_test

import (
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// expectRows groups the lines of vendorID in orders by groupBy the way a
// report should: sums, the ledger's split, what was refunded.
func expectRows(e *env, t *testing.T, orders []*order.Order, vendorID, groupBy string) map[string]*order.SalesRow {
	t.Helper()
	rows := map[string]*order.SalesRow{}
	seen := map[string]map[string]bool{}
	for _, o := range orders {
		v := e.view(t, o.ID)
		for _, l := range v.Lines {
			if vendorID != "" && l.VendorID != vendorID {
				continue
			}
			var key string
			switch groupBy {
			case order.GroupShow:
				key = str(l.ShowID)
			case order.GroupInfluencer:
				key = str(l.InfluencerID)
			case order.GroupProduct:
				key = l.ProductID
			case order.GroupDay:
				key = v.PaidAt.UTC().Format("2006-01-02")
			}
			r := rows[key]
			if r == nil {
				r = &order.SalesRow{Key: key, Currency: v.Currency}
				rows[key], seen[key] = r, map[string]bool{}
			}
			seen[key][o.ID] = true
			parts := expectedParts([]*order.Line{l})
			r.Orders = len(seen[key])
			r.Units += l.Quantity
			r.Gross += l.TotalMinor
			r.Commission += parts.Influencer
			r.PlatformFee += parts.Platform
			r.VendorNet += parts.Vendor
			r.Refunded += l.UnitPriceMinor * int64(l.RefundedQuantity)
		}
	}
	return rows
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestReports: a vendor's report grouped by show, influencer, product and
// day sums its paid order lines (refunded ones too, with what was
// refunded) and agrees with the ledger; an influencer's earnings are their
// commissions by show.
func TestReports(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		e.setFee(t, e.vendorA, 700)
		pA1 := e.product(t, e.vendorA, 1999, 100, "USD")
		pA2 := e.product(t, e.vendorA, 333, 100, "USD")
		pB := e.product(t, e.vendorB, 1000, 100, "USD")
		e.collab(t, e.hostV, pA1, 1000)
		e.collab(t, e.hostV, pA2, 2500)
		e.collab(t, e.host2V, pA1, 1500)
		s1 := e.liveShow(t, e.hostV, pA1, pA2)
		s2 := e.liveShow(t, e.host2V, pA1)

		var paid []*order.Order
		// Day 1.
		b1 := e.shopper(t)
		e.add(t, b1, pA1, 2, s1)
		e.add(t, b1, pA2, 1, s1)
		e.add(t, b1, pB, 1, nil)
		o1 := e.buy(t, b1)
		paid = append(paid, o1)
		b2 := e.shopper(t)
		e.add(t, b2, pA1, 3, s2)
		paid = append(paid, e.buy(t, b2))
		b3 := e.shopper(t)
		e.add(t, b3, pA2, 4, nil)
		paid = append(paid, e.buy(t, b3))
		// Day 2, plus orders that were never paid.
		e.clock.Advance(day)
		b4 := e.shopper(t)
		e.add(t, b4, pA1, 1, s1)
		paid = append(paid, e.buy(t, b4))
		b5 := e.shopper(t)
		e.add(t, b5, pA2, 2, s1)
		if _, err := e.orders.Checkout(ctx, b5, checkoutIn("declined", "tok_declined")); codeOf(err) != kernel.CodePaymentDeclined {
			t.Fatalf("declined checkout: %v", err)
		}
		e.pay.set(timeout)
		if _, err := e.orders.Checkout(ctx, b5, checkoutIn("pending", okToken)); err == nil {
			t.Fatal("lost payment succeeded")
		}
		e.pay.set(nil)
		// A refund of one unit of the first line of vendor A in o1.
		var refundLine *order.Line
		for _, l := range e.view(t, o1.ID).Lines {
			if l.ProductID == pA1.ID {
				refundLine = l
			}
		}
		if _, err := e.orders.Refund(ctx, e.staffA, order.RefundInput{OrderID: o1.ID, Reason: "broken",
			Lines: []order.RefundLineInput{{LineID: refundLine.ID, Quantity: 1}}}); err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(day)
		from, to := testkit.Epoch.Add(-time.Hour), e.clock.Now()

		labels := map[string]string{"": "Not attributed", s1.ID: s1.Title, s2.ID: s2.Title,
			e.host.ID: "Host One", e.host2.ID: "Host Two", pA1.ID: pA1.Title, pA2.ID: pA2.Title,
			"2026-11-25": "2026-11-25", "2026-11-26": "2026-11-26"}
		wantKeys := map[string]int{order.GroupShow: 3, order.GroupInfluencer: 3, order.GroupProduct: 2, order.GroupDay: 2}
		for _, group := range []string{order.GroupShow, order.GroupInfluencer, order.GroupProduct, order.GroupDay} {
			t.Run(group, func(t *testing.T) {
				rows, err := e.orders.VendorReport(ctx, e.staffA, e.vendorA.ID, from, to, group)
				if err != nil {
					t.Fatal(err)
				}
				want := expectRows(e, t, paid, e.vendorA.ID, group)
				if len(rows) != len(want) || len(rows) != wantKeys[group] {
					t.Fatalf("%d rows, want %d (%d)", len(rows), len(want), wantKeys[group])
				}
				var gross, net, comm, fee, refunded int64
				for i, r := range rows {
					w := want[r.Key]
					if w == nil {
						t.Fatalf("unexpected row %+v", r)
					}
					w.Label = labels[r.Key]
					if *r != *w {
						t.Fatalf("row %+v, want %+v", *r, *w)
					}
					if i > 0 && rows[i-1].Gross < r.Gross {
						t.Fatalf("rows not by gross, descending")
					}
					gross += r.Gross
					net += r.VendorNet
					comm += r.Commission
					fee += r.PlatformFee
					refunded += r.Refunded
				}
				if gross != net+comm+fee {
					t.Fatalf("gross %d != net %d + commission %d + fee %d", gross, net, comm, fee)
				}
				if refunded != 1999 {
					t.Fatalf("refunded %d, want 1999", refunded)
				}
				// The ledger's payment postings credited the same amounts.
				credits := func(party string, account ledger.AccountKind) int64 {
					ts, err := ledger.Totals(ctx, db, ledger.Filter{PartyIDs: []string{party}, Accounts: []ledger.AccountKind{account}, Kinds: []ledger.Kind{ledger.KindPayment}})
					if err != nil {
						t.Fatal(err)
					}
					var c int64
					for _, t := range ts {
						c += t.Credits
					}
					return c
				}
				if got := credits(e.vendorA.ID, ledger.AccountVendorPayable); got != net {
					t.Fatalf("ledger credited vendor A %d, report says %d", got, net)
				}
				if got := credits(e.host.ID, ledger.AccountInfluencerPayable) + credits(e.host2.ID, ledger.AccountInfluencerPayable); got != comm {
					t.Fatalf("ledger credited influencers %d, report says %d", got, comm)
				}
			})
		}

		t.Run("a narrower period", func(t *testing.T) {
			rows, err := e.orders.VendorReport(ctx, e.ownerA, e.vendorA.ID, testkit.Epoch.Add(12*time.Hour), to, order.GroupDay)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].Key != "2026-11-26" || rows[0].Orders != 1 || rows[0].Units != 1 || rows[0].Gross != 1999 {
				t.Fatalf("rows %+v", rows)
			}
		})

		t.Run("vendor B", func(t *testing.T) {
			rows, err := e.orders.VendorReport(ctx, e.staffB, e.vendorB.ID, from, to, order.GroupShow)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || rows[0].Key != "" || rows[0].Gross != 1000 || rows[0].Commission != 0 || rows[0].PlatformFee != 50 {
				t.Fatalf("rows %+v", rows)
			}
		})

		t.Run("Earnings", func(t *testing.T) {
			for _, tc := range []struct {
				name   string
				viewer kernel.Viewer
				infID  string
			}{{"host", e.hostV, e.host.ID}, {"host2", e.host2V, e.host2.ID}} {
				t.Run(tc.name, func(t *testing.T) {
					rows, err := e.orders.Earnings(ctx, tc.viewer, from, to)
					if err != nil {
						t.Fatal(err)
					}
					// Expected: the influencer's lines, by show.
					want := map[string]*order.SalesRow{}
					var lines []*order.Line
					if err := db.NewSelect().Model(&lines).Where("ol.influencer_id = ?", tc.infID).
						Where("ol.order_id IN (SELECT id FROM orders WHERE status IN (?))", bun.In([]string{order.StatusPaid, order.StatusPartiallyRefunded, order.StatusRefunded})).Scan(ctx); err != nil {
						t.Fatal(err)
					}
					orders := map[string]map[string]bool{}
					for _, l := range lines {
						k := str(l.ShowID)
						if want[k] == nil {
							want[k] = &order.SalesRow{Key: k, Label: labels[k], Currency: "USD"}
							orders[k] = map[string]bool{}
						}
						orders[k][l.OrderID] = true
						p := expectedParts([]*order.Line{l})
						w := want[k]
						w.Orders = len(orders[k])
						w.Units += l.Quantity
						w.Gross += l.TotalMinor
						w.Commission += p.Influencer
						w.PlatformFee += p.Platform
						w.VendorNet += p.Vendor
						w.Refunded += l.UnitPriceMinor * int64(l.RefundedQuantity)
					}
					if len(rows) != 1 || len(want) != 1 {
						t.Fatalf("rows %+v, want %d", rows, len(want))
					}
					if w := want[rows[0].Key]; w == nil || *w != *rows[0] {
						t.Fatalf("row %+v, want %+v", rows[0], w)
					}
					bal, err := ledger.Totals(ctx, db, ledger.Filter{PartyIDs: []string{tc.infID}})
					if err != nil || len(bal) != 1 {
						t.Fatalf("Totals = %+v, %v", bal, err)
					}
					// What the influencer is owed now: the commissions less
					// what the refund reversed.
					if bal[0].Credits != rows[0].Commission {
						t.Fatalf("ledger credited %d, earnings say %d", bal[0].Credits, rows[0].Commission)
					}
				})
			}
			if rows, err := e.orders.Earnings(ctx, b1, from, to); err != nil || len(rows) != 0 {
				t.Fatalf("a shopper's earnings = %+v, %v", rows, err)
			}
			if _, err := e.orders.Earnings(ctx, kernel.Viewer{}, from, to); codeOf(err) != kernel.CodeUnauthenticated {
				t.Fatalf("signed out: %v", err)
			}
		})

		t.Run("bad input", func(t *testing.T) {
			for _, tc := range []struct {
				name     string
				from, to time.Time
				group    string
				code     kernel.Code
				field    []string
			}{
				{"to before from", to, from, order.GroupDay, kernel.CodeInvalid, []string{"to"}},
				{"empty period", from, from, order.GroupDay, kernel.CodeInvalid, []string{"to"}},
				{"over a year", from, from.Add(367 * day), order.GroupDay, kernel.CodeLimitExceeded, []string{"to"}},
				{"unknown grouping", from, to, "WEEK", kernel.CodeInvalid, []string{"groupBy"}},
			} {
				t.Run(tc.name, func(t *testing.T) {
					_, err := e.orders.VendorReport(ctx, e.staffA, e.vendorA.ID, tc.from, tc.to, tc.group)
					wantErr(t, err, tc.code, tc.field...)
				})
			}
			_, err := e.orders.Earnings(ctx, e.hostV, to, from)
			wantErr(t, err, kernel.CodeInvalid, "to")
		})
	})
}
