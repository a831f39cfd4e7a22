package order_test

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestFlashSaleRules: who may start a flash sale and on what; the flash
// price applies only to lines added from the LIVE show, while the sale runs.
func TestFlashSaleRules(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 5000, 10, "USD")
		notFeatured := e.product(t, e.vendorA, 5000, 10, "USD")
		e.collab(t, e.hostV, p, 1000)
		e.collab(t, e.host2V, p, 1000)
		sh := e.liveShow(t, e.hostV, p)
		scheduled := e.scheduledShow(t, e.host2V, p)
		in := func(f func(*order.FlashSaleInput)) order.FlashSaleInput {
			i := order.FlashSaleInput{ShowID: sh.ID, ProductID: p.ID, Price: kernel.Money{AmountMinor: 2500, Currency: "USD"},
				Quantity: 5, PerBuyerLimit: 1, Duration: 10 * time.Minute}
			f(&i)
			return i
		}
		same := func(*order.FlashSaleInput) {}
		for _, tc := range []struct {
			name   string
			viewer kernel.Viewer
			in     order.FlashSaleInput
			code   kernel.Code
			field  []string
		}{
			{"another host", e.host2V, in(same), kernel.CodeForbidden, nil},
			{"the vendor", e.ownerA, in(same), kernel.CodeForbidden, nil},
			{"a show not live", e.host2V, in(func(i *order.FlashSaleInput) { i.ShowID = scheduled.ID }), kernel.CodeInvalidState, []string{"input", "showId"}},
			{"a product not featured", e.hostV, in(func(i *order.FlashSaleInput) { i.ProductID = notFeatured.ID }), kernel.CodeInvalid, []string{"input", "productId"}},
			{"not below the price", e.hostV, in(func(i *order.FlashSaleInput) { i.Price.AmountMinor = 5000 }), kernel.CodeInvalid, []string{"input", "price"}},
			{"another currency", e.hostV, in(func(i *order.FlashSaleInput) { i.Price.Currency = "EUR" }), kernel.CodeInvalid, []string{"input", "price", "currency"}},
			{"more than in stock", e.hostV, in(func(i *order.FlashSaleInput) { i.Quantity = 11 }), kernel.CodeOutOfStock, []string{"input", "quantity"}},
			{"quantity 0", e.hostV, in(func(i *order.FlashSaleInput) { i.Quantity = 0 }), kernel.CodeInvalid, []string{"input", "quantity"}},
			{"per-buyer limit 0", e.hostV, in(func(i *order.FlashSaleInput) { i.PerBuyerLimit = 0 }), kernel.CodeInvalid, []string{"input", "perBuyerLimit"}},
			{"too short", e.hostV, in(func(i *order.FlashSaleInput) { i.Duration = time.Second }), kernel.CodeInvalid, []string{"input", "durationSeconds"}},
			{"too long", e.hostV, in(func(i *order.FlashSaleInput) { i.Duration = 3 * time.Hour }), kernel.CodeInvalid, []string{"input", "durationSeconds"}},
			{"free", e.hostV, in(func(i *order.FlashSaleInput) { i.Price.AmountMinor = 0 }), kernel.CodeInvalid, []string{"input", "price", "amountMinor"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				unchanged(t, db, func() {
					_, err := e.orders.StartFlashSale(ctx, tc.viewer, tc.in)
					wantErr(t, err, tc.code, tc.field...)
				})
			})
		}

		fs := e.flash(t, e.hostV, sh, p, 2500, 5, 2)
		unchanged(t, db, func() {
			_, err := e.orders.StartFlashSale(ctx, e.hostV, in(same))
			wantErr(t, err, kernel.CodeConflict, "input", "productId")
		})
		running, err := order.FlashSales(ctx, db, e.clock.Now(), []string{sh.ID})
		if err != nil || running[sh.ID][p.ID] == nil || running[sh.ID][p.ID].Remaining != 5 {
			t.Fatalf("FlashSales = %+v, %v", running, err)
		}

		// A line added without the show pays the full price, even from a
		// shopper who watches the show.
		s := e.shopper(t)
		if _, err := e.app.Shows.Join(ctx, s, sh.ID); err != nil {
			t.Fatal(err)
		}
		e.add(t, s, p, 1, nil)
		if o := e.buy(t, s); o.TotalMinor != 5000 || e.view(t, o.ID).Lines[0].FlashSaleID != nil {
			t.Fatalf("order without the show: total %d", o.TotalMinor)
		}
		// From the show: the flash price.
		s2 := e.shopper(t)
		e.add(t, s2, p, 2, sh)
		if o := e.buy(t, s2); o.TotalMinor != 5000 || *e.view(t, o.ID).Lines[0].FlashSaleID != fs.ID {
			t.Fatalf("order from the show: total %d, want 2 × 2500", o.TotalMinor)
		}
		// Ended by the host: the full price again.
		if err := e.orders.EndFlashSale(ctx, e.host2V, sh.ID, p.ID); !isForbidden(err) {
			t.Fatalf("EndFlashSale by another host = %v", err)
		}
		if err := e.orders.EndFlashSale(ctx, e.hostV, sh.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		wantErr(t, e.orders.EndFlashSale(ctx, e.hostV, sh.ID, p.ID), kernel.CodeInvalidState, "input", "productId")
		s3 := e.shopper(t)
		e.add(t, s3, p, 1, sh)
		if o := e.buy(t, s3); o.TotalMinor != 5000 {
			t.Fatalf("after the sale ended: total %d", o.TotalMinor)
		}
		// A sale past its duration is over too.
		e.flash(t, e.hostV, sh, p, 1000, 3, 1)
		s4 := e.shopper(t)
		e.add(t, s4, p, 1, sh)
		e.clock.Advance(30*time.Minute + time.Second)
		if o := e.buy(t, s4); o.TotalMinor != 5000 {
			t.Fatalf("after the sale's end: total %d", o.TotalMinor)
		}
		e.checkLedger(t)
	})
}

func isForbidden(err error) bool { return codeOf(err) == kernel.CodeForbidden }

// TestFlashSaleEndsWithItsShow: a flash sale runs only while its show is
// LIVE. Once the show ends (the host ends it, or its room finishes), the
// sale is no longer listed and a line added from the show while it ran is
// charged the list price.
func TestFlashSaleEndsWithItsShow(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		for _, tc := range []struct {
			name string
			end  func(t *testing.T, sh *show.Show)
		}{
			{"the host ends the show", func(t *testing.T, sh *show.Show) { e.endShow(t, e.hostV, sh) }},
			{"the show's room finishes", func(t *testing.T, sh *show.Show) {
				if _, err := e.app.Shows.ApplyRoomEvent(ctx, show.RoomEvent{ID: kernel.NewID(), Kind: show.EventRoomFinished, Room: sh.ID}); err != nil {
					t.Fatal(err)
				}
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p := e.product(t, e.vendorA, 5000, 10, "USD")
				e.collab(t, e.hostV, p, 1000)
				sh := e.liveShow(t, e.hostV, p)
				e.flash(t, e.hostV, sh, p, 2500, 5, 2)
				s := e.shopper(t)
				e.add(t, s, p, 1, sh)

				tc.end(t, sh)
				if st := e.showByID(t, sh.ID).Status; st != show.StatusEnded {
					t.Fatalf("show status %s, want ENDED", st)
				}
				running, err := order.FlashSales(ctx, db, e.clock.Now(), []string{sh.ID})
				if err != nil || len(running[sh.ID]) != 0 {
					t.Fatalf("FlashSales after the show ended = %+v, %v", running, err)
				}
				o := e.buy(t, s)
				if l := e.view(t, o.ID).Lines[0]; o.TotalMinor != 5000 || l.FlashSaleID != nil {
					t.Fatalf("after the show ended: total %d, flash sale %v; want the list price 5000", o.TotalMinor, l.FlashSaleID)
				}
			})
		}
		e.checkLedger(t)
	})
}

// TestFlashSaleOnePerProductAcrossShows: one flash sale per product at a
// time holds across shows: while a sale runs in one LIVE show, no show (the
// same or another host's) starts a second one on the product; once the
// first stops running, however it stops, another show may start one.
func TestFlashSaleOnePerProductAcrossShows(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 5000, 10, "USD")
		e.collab(t, e.hostV, p, 1000)
		e.collab(t, e.host2V, p, 1000)
		first := e.liveShow(t, e.hostV, p)
		second := e.liveShow(t, e.host2V, p)
		start := func(h kernel.Viewer, sh *show.Show) error {
			_, err := e.orders.StartFlashSale(ctx, h, order.FlashSaleInput{ShowID: sh.ID, ProductID: p.ID,
				Price: kernel.Money{AmountMinor: 2000, Currency: "USD"}, Quantity: 2, PerBuyerLimit: 1, Duration: 30 * time.Minute})
			return err
		}

		e.flash(t, e.hostV, first, p, 2500, 3, 1)
		for _, tc := range []struct {
			name string
			host kernel.Viewer
			sh   *show.Show
			code kernel.Code
		}{
			{"in the same show", e.hostV, first, kernel.CodeConflict},
			{"in another host's LIVE show", e.host2V, second, kernel.CodeInvalidState},
		} {
			t.Run("refused "+tc.name, func(t *testing.T) {
				unchanged(t, db, func() {
					wantErr(t, start(tc.host, tc.sh), tc.code, "input", "productId")
				})
			})
		}
		fes, _ := kernel.AsFieldErrors(start(e.host2V, second))
		if len(fes) != 1 || !strings.Contains(fes[0].Message, "another show") {
			t.Fatalf("refusal in another show = %+v, want a message naming the other show", fes)
		}

		// However the first sale stops, the other show may then run one.
		for i, tc := range []struct {
			name string
			stop func(t *testing.T)
		}{
			{"ended by its host", func(t *testing.T) {
				if err := e.orders.EndFlashSale(ctx, e.hostV, first.ID, p.ID); err != nil {
					t.Fatal(err)
				}
			}},
			{"past its duration", func(t *testing.T) { e.clock.Advance(30*time.Minute + time.Second) }},
			{"its show ended", func(t *testing.T) { e.endShow(t, e.hostV, first) }},
		} {
			t.Run("allowed once "+tc.name, func(t *testing.T) {
				if i > 0 { // the first case stops the sale started above
					e.flash(t, e.hostV, first, p, 2500, 3, 1)
				}
				tc.stop(t)
				if err := start(e.host2V, second); err != nil {
					t.Fatalf("StartFlashSale in the other show: %v", err)
				}
				running, err := order.FlashSales(ctx, db, e.clock.Now(), []string{first.ID, second.ID})
				if err != nil || len(running[first.ID]) != 0 || running[second.ID][p.ID] == nil {
					t.Fatalf("FlashSales = %+v, %v; want only the other show's", running, err)
				}
				if err := e.orders.EndFlashSale(ctx, e.host2V, second.ID, p.ID); err != nil {
					t.Fatal(err)
				}
			})
		}
	})
}

// cancelQuery cancels, while on, the context of every statement whose SQL
// contains match: a cheap stand-in for a database failure at that point.
type cancelQuery struct {
	match string
	on    atomic.Bool
}

func (h *cancelQuery) BeforeQuery(ctx context.Context, ev *bun.QueryEvent) context.Context {
	if h.on.Load() && strings.Contains(ev.Query, h.match) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		return c
	}
	return ctx
}

func (h *cancelQuery) AfterQuery(context.Context, *bun.QueryEvent) {}

// TestFlashSaleFeaturingCheck: the check that the show features the
// product refuses an unfeatured product as the user's error, but a failed
// read in it is an internal error (kept in the chain), not "not featured".
func TestFlashSaleFeaturingCheck(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 5000, 10, "USD")
		notFeatured := e.product(t, e.vendorA, 5000, 10, "USD")
		e.collab(t, e.hostV, p, 1000)
		sh := e.liveShow(t, e.hostV, p)
		hook := &cancelQuery{match: `FROM "show_products"`}
		db.AddQueryHook(hook)
		for _, tc := range []struct {
			name    string
			product string
			fail    bool
			check   func(t *testing.T, err error)
		}{
			{"a product the show does not feature", notFeatured.ID, false, func(t *testing.T, err error) {
				wantErr(t, err, kernel.CodeInvalid, "input", "productId")
			}},
			{"the featuring read fails", p.ID, true, func(t *testing.T, err error) {
				if codeOf(err) != "INTERNAL" || !errors.Is(err, context.Canceled) {
					t.Fatalf("err = %v (code %s), want an internal error wrapping context.Canceled", err, codeOf(err))
				}
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				unchanged(t, db, func() {
					hook.on.Store(tc.fail)
					defer hook.on.Store(false)
					_, err := e.orders.StartFlashSale(ctx, e.hostV, order.FlashSaleInput{ShowID: sh.ID, ProductID: tc.product,
						Price: kernel.Money{AmountMinor: 2500, Currency: "USD"}, Quantity: 2, PerBuyerLimit: 1, Duration: 10 * time.Minute})
					tc.check(t, err)
				})
			})
		}
	})
}
