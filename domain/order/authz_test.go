package order_test

import (
	"errors"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

func page() kernel.PageRequest { return kernel.PageRequest{First: kernel.MaxPageSize} }

// TestOrderAuthorization: a shopper sees only their orders; a vendor's
// staff see only their vendor's part of an order, list only their vendor's
// orders, refund only their vendor's lines and read only their vendor's
// reports.
func TestOrderAuthorization(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		pA := e.product(t, e.vendorA, 1000, 10, "USD")
		pB := e.product(t, e.vendorB, 2500, 10, "USD")
		shopperA, shopperB := e.shopper(t), e.shopper(t)
		e.add(t, shopperA, pA, 2, nil)
		e.add(t, shopperA, pB, 1, nil)
		multi := e.buy(t, shopperA)
		e.add(t, shopperA, pA, 1, nil)
		onlyA := e.buy(t, shopperA)
		full := e.view(t, multi.ID)
		if len(full.Lines) != 2 || len(full.VendorOrders) != 2 || full.Partial {
			t.Fatalf("admin view %+v", full)
		}
		lineOf := map[string]*order.Line{}
		for _, l := range full.Lines {
			lineOf[l.VendorID] = l
		}
		for _, vo := range full.VendorOrders {
			want := int64(2000)
			if vo.VendorID == e.vendorB.ID {
				want = 2500
			}
			if vo.SubtotalMinor != want {
				t.Fatalf("vendor order %+v, want subtotal %d", vo, want)
			}
		}

		t.Run("Get", func(t *testing.T) {
			for _, tc := range []struct {
				name    string
				viewer  kernel.Viewer
				id      string
				code    kernel.Code
				lines   int
				partial bool
			}{
				{"the shopper", shopperA, multi.ID, "", 2, false},
				{"an admin", e.admin, multi.ID, "", 2, false},
				{"another shopper", shopperB, multi.ID, kernel.CodeNotFound, 0, false},
				{"vendor A's staff", e.staffA, multi.ID, "", 1, true},
				{"vendor B's owner", e.ownerB, multi.ID, "", 1, true},
				{"vendor B's staff, an order without B", e.staffB, onlyA.ID, kernel.CodeNotFound, 0, false},
				{"vendor A's staff, only A", e.staffA, onlyA.ID, "", 1, false},
				{"the host", e.hostV, multi.ID, kernel.CodeNotFound, 0, false},
				{"unknown order", shopperA, kernel.NewID(), kernel.CodeNotFound, 0, false},
				{"malformed id", shopperA, "x", kernel.CodeInvalid, 0, false},
				{"signed out", kernel.Viewer{}, multi.ID, kernel.CodeUnauthenticated, 0, false},
			} {
				t.Run(tc.name, func(t *testing.T) {
					v, err := e.orders.Get(ctx, tc.viewer, tc.id)
					if tc.code != "" {
						wantErr(t, err, tc.code)
						if v != nil {
							t.Fatal("a refused Get returned an order")
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					if len(v.Lines) != tc.lines || v.Partial != tc.partial {
						t.Fatalf("%d lines, partial %v; want %d, %v", len(v.Lines), v.Partial, tc.lines, tc.partial)
					}
					if tc.partial {
						for _, l := range v.Lines {
							if ok, _ := isStaffOf(e, tc.viewer, l.VendorID); !ok {
								t.Fatalf("staff see a line of vendor %s", l.VendorID)
							}
						}
						for _, vo := range v.VendorOrders {
							if ok, _ := isStaffOf(e, tc.viewer, vo.VendorID); !ok {
								t.Fatalf("staff see the vendor order of %s", vo.VendorID)
							}
						}
					}
				})
			}
		})

		t.Run("Orders", func(t *testing.T) {
			for _, tc := range []struct {
				name    string
				viewer  kernel.Viewer
				f       order.Filter
				forbid  bool
				orders  int
				partial int
			}{
				{"the shopper's own", shopperA, order.Filter{}, false, 2, 0},
				{"another shopper's own", shopperB, order.Filter{}, false, 0, 0},
				{"vendor A's staff, vendor A", e.staffA, order.Filter{VendorID: e.vendorA.ID}, false, 2, 1},
				{"vendor B's staff, vendor B", e.staffB, order.Filter{VendorID: e.vendorB.ID}, false, 1, 1},
				{"vendor A's staff, vendor B", e.staffA, order.Filter{VendorID: e.vendorB.ID}, true, 0, 0},
				{"a shopper, vendor A", shopperA, order.Filter{VendorID: e.vendorA.ID}, true, 0, 0},
				{"the host, vendor A", e.hostV, order.Filter{VendorID: e.vendorA.ID}, true, 0, 0},
				{"an admin, vendor B", e.admin, order.Filter{VendorID: e.vendorB.ID}, false, 1, 0},
				{"vendor A's staff, PAID", e.staffA, order.Filter{VendorID: e.vendorA.ID, Status: order.StatusPaid}, false, 2, 1},
				{"vendor A's staff, REFUNDED", e.staffA, order.Filter{VendorID: e.vendorA.ID, Status: order.StatusRefunded}, false, 0, 0},
			} {
				t.Run(tc.name, func(t *testing.T) {
					pg, err := e.orders.Orders(ctx, tc.viewer, tc.f, page())
					if tc.forbid {
						if !errors.Is(err, kernel.ErrForbidden) {
							t.Fatalf("Orders = %v, want ErrForbidden", err)
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					partial := 0
					for _, v := range pg.Items {
						if v.Partial {
							partial++
						}
						if tc.f.VendorID != "" && !tc.viewer.IsAdmin {
							for _, l := range v.Lines {
								if l.VendorID != tc.f.VendorID {
									t.Fatalf("staff of %s see a line of %s", tc.f.VendorID, l.VendorID)
								}
							}
						}
					}
					if len(pg.Items) != tc.orders || pg.TotalCount != tc.orders || partial != tc.partial {
						t.Fatalf("%d orders (total %d), %d partial; want %d, %d", len(pg.Items), pg.TotalCount, partial, tc.orders, tc.partial)
					}
				})
			}
			if _, err := e.orders.Orders(ctx, kernel.Viewer{}, order.Filter{}, page()); !errors.Is(err, kernel.ErrUnauthenticated) {
				t.Fatalf("signed out Orders = %v", err)
			}
		})

		t.Run("Refund", func(t *testing.T) {
			refund := func(lines ...*order.Line) order.RefundInput {
				in := order.RefundInput{OrderID: multi.ID, Reason: "customer request"}
				for _, l := range lines {
					in.Lines = append(in.Lines, order.RefundLineInput{LineID: l.ID, Quantity: 1})
				}
				return in
			}
			a, b := lineOf[e.vendorA.ID], lineOf[e.vendorB.ID]
			// Who may not refund is refused; who has no part in the order is
			// told nothing of it, not even that it exists (as for an id that
			// names no order).
			unknown := refund(a)
			unknown.OrderID = kernel.NewID()
			for _, tc := range []struct {
				name   string
				viewer kernel.Viewer
				in     order.RefundInput
				want   kernel.Code
			}{
				{"the shopper", shopperA, refund(a), kernel.CodeForbidden},
				{"another shopper", shopperB, refund(a), kernel.CodeNotFound},
				{"another shopper, no such order", shopperB, unknown, kernel.CodeNotFound},
				{"the host", e.hostV, refund(a), kernel.CodeNotFound},
				{"vendor B's staff, A's line", e.staffB, refund(a), kernel.CodeForbidden},
				{"vendor B's staff, B's and A's lines", e.staffB, refund(b, a), kernel.CodeForbidden},
				{"vendor A's staff, A's and B's lines", e.staffA, refund(a, b), kernel.CodeForbidden},
			} {
				t.Run(tc.name, func(t *testing.T) {
					unchanged(t, db, func() {
						_, err := e.orders.Refund(ctx, tc.viewer, tc.in)
						wantErr(t, err, tc.want)
					})
				})
			}
			unchanged(t, db, func() {
				_, err := e.orders.Refund(ctx, kernel.Viewer{}, refund(a))
				wantErr(t, err, kernel.CodeUnauthenticated)
			})
			v, err := e.orders.Refund(ctx, e.staffA, refund(a))
			if err != nil {
				t.Fatalf("staff refund of their line: %v", err)
			}
			if v.Status != order.StatusPartiallyRefunded || !v.Partial || len(v.Lines) != 1 || v.Lines[0].RefundedQuantity != 1 {
				t.Fatalf("after the refund, staff see %+v (partial %v, %d lines)", v.Order, v.Partial, len(v.Lines))
			}
			if _, err := e.orders.Refund(ctx, e.admin, refund(a, b)); err != nil {
				t.Fatalf("admin refund: %v", err)
			}
			e.checkLedger(t)
		})

		t.Run("VendorReport", func(t *testing.T) {
			from, to := testkit.Epoch.Add(-time.Hour), testkit.Epoch.Add(time.Hour)
			for _, tc := range []struct {
				name   string
				viewer kernel.Viewer
				vendor string
				code   kernel.Code
			}{
				{"vendor A's staff, vendor B", e.staffA, e.vendorB.ID, kernel.CodeForbidden},
				{"a shopper", shopperA, e.vendorA.ID, kernel.CodeForbidden},
				{"the host", e.hostV, e.vendorA.ID, kernel.CodeForbidden},
				{"signed out", kernel.Viewer{}, e.vendorA.ID, kernel.CodeUnauthenticated},
				{"malformed vendor", e.admin, "v", kernel.CodeInvalid},
				{"vendor A's staff", e.staffA, e.vendorA.ID, ""},
				{"an admin", e.admin, e.vendorB.ID, ""},
			} {
				t.Run(tc.name, func(t *testing.T) {
					rows, err := e.orders.VendorReport(ctx, tc.viewer, tc.vendor, from, to, order.GroupProduct)
					if tc.code != "" {
						wantErr(t, err, tc.code)
						return
					}
					if err != nil || len(rows) != 1 {
						t.Fatalf("VendorReport = %+v, %v", rows, err)
					}
				})
			}
		})
	})
}

func isStaffOf(e *env, v kernel.Viewer, vendorID string) (bool, error) {
	switch vendorID {
	case e.vendorA.ID:
		return v == e.staffA || v == e.ownerA, nil
	case e.vendorB.ID:
		return v == e.staffB || v == e.ownerB, nil
	}
	return false, nil
}
