package order_test

import (
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestCart: adding to a line already there, moving it to a show, updating
// and removing lines; a cart is one per shopper.
func TestCart(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 10, "USD")
		q := e.product(t, e.vendorB, 200, 10, "USD")
		e.collab(t, e.hostV, p, 1000)
		sh := e.liveShow(t, e.hostV, p)
		s := e.shopper(t)

		c, err := e.orders.Cart(ctx, s)
		if err != nil || c.ID != "" || len(c.Lines) != 0 {
			t.Fatalf("fresh cart = %+v, %v", c, err)
		}
		e.add(t, s, p, 2, nil)
		c = e.add(t, s, p, 3, sh) // same product: one line, now from the show
		if len(c.Lines) != 1 || c.Lines[0].Quantity != 5 || c.Lines[0].ShowID == nil || *c.Lines[0].ShowID != sh.ID {
			t.Fatalf("cart %+v", c.Lines[0])
		}
		c = e.add(t, s, p, 1, nil) // keeps the show
		if c.Lines[0].Quantity != 6 || c.Lines[0].ShowID == nil {
			t.Fatalf("cart %+v", c.Lines[0])
		}
		c = e.add(t, s, q, 1, nil)
		if len(c.Lines) != 2 {
			t.Fatalf("%d lines", len(c.Lines))
		}
		c, err = e.orders.UpdateLine(ctx, s, c.Lines[1].ID, 4)
		if err != nil || c.Lines[1].Quantity != 4 {
			t.Fatalf("UpdateLine = %+v, %v", c, err)
		}
		c, err = e.orders.UpdateLine(ctx, s, c.Lines[1].ID, 0)
		if err != nil || len(c.Lines) != 1 || c.Lines[0].ProductID != p.ID {
			t.Fatalf("UpdateLine(0) = %+v, %v", c, err)
		}
		if n := e.count(t, "carts", "user_id = ?", s.UserID); n != 1 {
			t.Fatalf("%d carts", n)
		}
		// Buying empties the cart of what was bought.
		o := e.buy(t, s)
		if o.TotalMinor != 6000 {
			t.Fatalf("total %d", o.TotalMinor)
		}
		if c, err := e.orders.Cart(ctx, s); err != nil || len(c.Lines) != 0 {
			t.Fatalf("cart after checkout %+v, %v", c, err)
		}
	})
}

// TestCartRefusals: bad input to AddLine and UpdateLine is a typed error on
// the right field and changes nothing.
func TestCartRefusals(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 10, "USD")
		notFeatured := e.product(t, e.vendorA, 1000, 10, "USD")
		eur := e.product(t, e.vendorB, 1000, 10, "EUR")
		archived := e.product(t, e.vendorA, 1000, 10, "USD")
		if _, err := e.app.Catalog.Archive(ctx, e.ownerA, archived.ID); err != nil {
			t.Fatal(err)
		}
		e.collab(t, e.hostV, p, 1000)
		live := e.liveShow(t, e.hostV, p)
		scheduled := e.scheduledShow(t, e.hostV, p)
		draft := e.draftShow(t, e.hostV, p)
		ended := e.liveShow(t, e.hostV, p)
		e.endShow(t, e.hostV, ended)

		s := e.shopper(t)
		e.add(t, s, p, 1, nil)
		other := e.shopper(t)
		otherLine := e.add(t, other, p, 1, nil).Lines[0]
		mine, err := e.orders.Cart(ctx, s)
		if err != nil {
			t.Fatal(err)
		}

		quantity := []string{"input", "quantity"}
		product := []string{"input", "productId"}
		showField := []string{"input", "showId"}
		for _, tc := range []struct {
			name      string
			viewer    kernel.Viewer
			productID string
			quantity  int
			showID    *string
			code      kernel.Code
			field     []string
		}{
			{"quantity 0", s, p.ID, 0, nil, kernel.CodeInvalid, quantity},
			{"quantity -1", s, p.ID, -1, nil, kernel.CodeInvalid, quantity},
			{"quantity 1001", s, p.ID, 1001, nil, kernel.CodeLimitExceeded, quantity},
			{"the line over 1000", s, p.ID, 1000, nil, kernel.CodeLimitExceeded, quantity},
			{"unknown product", s, kernel.NewID(), 1, nil, kernel.CodeNotFound, product},
			{"malformed product id", s, "nope", 1, nil, kernel.CodeInvalid, product},
			{"no product id", s, "", 1, nil, kernel.CodeRequired, product},
			{"archived product", s, archived.ID, 1, nil, kernel.CodeInvalidState, product},
			{"another currency", s, eur.ID, 1, nil, kernel.CodeInvalid, product},
			{"scheduled show", s, p.ID, 1, &scheduled.ID, kernel.CodeInvalidState, showField},
			{"ended show", s, p.ID, 1, &ended.ID, kernel.CodeInvalidState, showField},
			{"draft show", s, p.ID, 1, &draft.ID, kernel.CodeNotFound, showField},
			{"unknown show", s, p.ID, 1, ptr(kernel.NewID()), kernel.CodeNotFound, showField},
			{"malformed show id", s, p.ID, 1, ptr("live"), kernel.CodeInvalid, showField},
			{"show not featuring the product", s, notFeatured.ID, 1, &live.ID, kernel.CodeInvalid, showField},
			{"signed out", kernel.Viewer{}, p.ID, 1, nil, kernel.CodeUnauthenticated, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				unchanged(t, db, func() {
					c, err := e.orders.AddLine(ctx, tc.viewer, tc.productID, tc.quantity, tc.showID)
					if c != nil {
						t.Errorf("a refused AddLine returned a cart")
					}
					wantErr(t, err, tc.code, tc.field...)
				})
			})
		}

		lineID := []string{"input", "lineId"}
		for _, tc := range []struct {
			name     string
			viewer   kernel.Viewer
			lineID   string
			quantity int
			code     kernel.Code
			field    []string
		}{
			{"another shopper's line", s, otherLine.ID, 2, kernel.CodeNotFound, lineID},
			{"removing another shopper's line", s, otherLine.ID, 0, kernel.CodeNotFound, lineID},
			{"unknown line", s, kernel.NewID(), 2, kernel.CodeNotFound, lineID},
			{"malformed line id", s, "x", 2, kernel.CodeInvalid, lineID},
			{"negative quantity", s, mine.Lines[0].ID, -1, kernel.CodeInvalid, quantity},
			{"quantity 1001", s, mine.Lines[0].ID, 1001, kernel.CodeLimitExceeded, quantity},
			{"signed out", kernel.Viewer{}, mine.Lines[0].ID, 2, kernel.CodeUnauthenticated, nil},
		} {
			t.Run("UpdateLine "+tc.name, func(t *testing.T) {
				unchanged(t, db, func() {
					_, err := e.orders.UpdateLine(ctx, tc.viewer, tc.lineID, tc.quantity)
					wantErr(t, err, tc.code, tc.field...)
				})
			})
		}

		t.Run("at most 50 lines", func(t *testing.T) {
			s := e.shopper(t)
			for i := 0; i < order.MaxCartLines; i++ {
				e.add(t, s, e.product(t, e.vendorA, 100, 1, "USD"), 1, nil)
			}
			extra := e.product(t, e.vendorA, 100, 1, "USD")
			unchanged(t, db, func() {
				_, err := e.orders.AddLine(ctx, s, extra.ID, 1, nil)
				wantErr(t, err, kernel.CodeLimitExceeded, "input", "productId")
			})
		})
	})
}

// TestCheckoutRefusals: bad checkout input, an empty cart, a product no
// longer sold, too little stock: a typed error and nothing changed.
func TestCheckoutRefusals(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 3, "USD")
		s := e.shopper(t)
		e.add(t, s, p, 2, nil)
		addr := func(f func(*order.Address)) order.CheckoutInput {
			in := checkoutIn("k", okToken)
			f(&in.Shipping)
			return in
		}
		ship := func(name string) []string { return []string{"input", "shippingAddress", name} }
		for _, tc := range []struct {
			name   string
			viewer kernel.Viewer
			in     order.CheckoutInput
			code   kernel.Code
			field  []string
		}{
			{"no key", s, checkoutIn("", okToken), kernel.CodeRequired, []string{"input", "idempotencyKey"}},
			{"blank key", s, checkoutIn("   ", okToken), kernel.CodeRequired, []string{"input", "idempotencyKey"}},
			{"key too long", s, checkoutIn(strings.Repeat("k", order.MaxIdempotencyKey+1), okToken), kernel.CodeTooLong, []string{"input", "idempotencyKey"}},
			{"no token", s, checkoutIn("k", ""), kernel.CodeRequired, []string{"input", "paymentToken"}},
			{"no name", s, addr(func(a *order.Address) { a.Name = " " }), kernel.CodeRequired, ship("name")},
			{"no city", s, addr(func(a *order.Address) { a.City = "" }), kernel.CodeRequired, ship("city")},
			{"lower-case country", s, addr(func(a *order.Address) { a.Country = "fr" }), kernel.CodeInvalid, ship("country")},
			{"country name", s, addr(func(a *order.Address) { a.Country = "France" }), kernel.CodeInvalid, ship("country")},
			{"postal code too long", s, addr(func(a *order.Address) { a.PostalCode = strings.Repeat("9", 21) }), kernel.CodeTooLong, ship("postalCode")},
			{"control character", s, addr(func(a *order.Address) { a.Line2 = "a\x00b" }), kernel.CodeInvalid, ship("line2")},
			{"empty cart", e.shopper(t), checkoutIn("k", okToken), kernel.CodeInvalid, []string{"input"}},
			{"signed out", kernel.Viewer{}, checkoutIn("k", okToken), kernel.CodeUnauthenticated, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				unchanged(t, db, func() {
					o, err := e.orders.Checkout(ctx, tc.viewer, tc.in)
					if o != nil {
						t.Errorf("refused checkout returned an order")
					}
					wantErr(t, err, tc.code, tc.field...)
				})
			})
		}

		t.Run("not enough stock", func(t *testing.T) {
			s := e.shopper(t)
			e.add(t, s, p, 3, nil)
			if _, err := e.app.Catalog.AdjustStock(ctx, e.ownerA, p.ID, -1); err != nil {
				t.Fatal(err)
			}
			unchanged(t, db, func() {
				_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
				wantErr(t, err, kernel.CodeOutOfStock, "cart", "lines", "0")
			})
		})

		t.Run("a product archived since it was added", func(t *testing.T) {
			q := e.product(t, e.vendorB, 500, 5, "USD")
			s := e.shopper(t)
			e.add(t, s, q, 1, nil)
			if _, err := e.app.Catalog.Archive(ctx, e.ownerB, q.ID); err != nil {
				t.Fatal(err)
			}
			unchanged(t, db, func() {
				_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
				wantErr(t, err, kernel.CodeInvalidState, "cart", "lines", "0")
			})
		})

		t.Run("more than the flash sale allows one buyer", func(t *testing.T) {
			q := e.product(t, e.vendorA, 5000, 10, "USD")
			e.collab(t, e.hostV, q, 1000)
			sh := e.liveShow(t, e.hostV, q)
			e.flash(t, e.hostV, sh, q, 2500, 5, 2)
			s := e.shopper(t)
			e.add(t, s, q, 3, sh)
			unchanged(t, db, func() {
				_, err := e.orders.Checkout(ctx, s, checkoutIn("k", okToken))
				wantErr(t, err, kernel.CodeLimitExceeded, "cart", "lines", "0")
			})
			// Two are fine, at the flash price.
			if _, err := e.orders.UpdateLine(ctx, s, e.cartLine(t, s).ID, 2); err != nil {
				t.Fatal(err)
			}
			if o := e.buy(t, s); o.TotalMinor != 5000 {
				t.Fatalf("total %d, want 2 × 2500", o.TotalMinor)
			}
		})
		e.checkLedger(t)
	})
}

func (e *env) cartLine(t testing.TB, v kernel.Viewer) *order.CartLine {
	t.Helper()
	c, err := e.orders.Cart(ctx, v)
	if err != nil || len(c.Lines) != 1 {
		t.Fatalf("cart %+v, %v", c, err)
	}
	return c.Lines[0]
}

// TestSoldOutThenRestocked: once a product sold out, a restock (or stock
// returned by a cancelled order) can be bought again within a couple of
// seconds.
func TestSoldOutThenRestocked(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 1, "USD")
		first, late := e.shopper(t), e.shopper(t)
		e.add(t, first, p, 1, nil)
		e.add(t, late, p, 1, nil)
		e.buy(t, first)
		unchanged(t, db, func() {
			_, err := e.orders.Checkout(ctx, late, checkoutIn("k1", okToken))
			wantErr(t, err, kernel.CodeOutOfStock)
		})
		if _, err := e.app.Catalog.AdjustStock(ctx, e.ownerA, p.ID, 5); err != nil {
			t.Fatal(err)
		}
		e.clock.Advance(2 * time.Second)
		if o, err := e.orders.Checkout(ctx, late, checkoutIn("k2", okToken)); err != nil || o.Status != order.StatusPaid {
			t.Fatalf("checkout after the restock = %+v, %v", o, err)
		}
		if got := e.stock(t, p); got != 4 {
			t.Fatalf("stock %d, want 4", got)
		}
	})
}
