package order_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/internal/testkit"
)

// wantAttributed checks the order's only line is attributed to sh through
// c, with its commission in the ledger; or, with sh nil, that it is not
// attributed and nobody is paid a commission.
func (e *env) wantAttributed(t *testing.T, o *order.Order, sh *show.Show, c *collab.Collaboration) {
	t.Helper()
	v := e.view(t, o.ID)
	if len(v.Lines) != 1 {
		t.Fatalf("%d lines", len(v.Lines))
	}
	l := v.Lines[0]
	pay, err := ledger.ByKey(ctx, e.db, ledger.PaymentKey(o.ID))
	if err != nil {
		t.Fatal(err)
	}
	got := sumPosting(pay)
	if sh == nil {
		if l.ShowID != nil || l.InfluencerID != nil || l.CollaborationID != nil || l.CommissionBps != 0 {
			t.Fatalf("line attributed: show %v influencer %v collaboration %v commission %d", deref(l.ShowID), deref(l.InfluencerID), deref(l.CollaborationID), l.CommissionBps)
		}
		if got.Influencer != 0 {
			t.Fatalf("an unattributed order paid commission %d", got.Influencer)
		}
		return
	}
	if deref(l.ShowID) != sh.ID || deref(l.InfluencerID) != sh.HostID || deref(l.CollaborationID) != c.ID || l.CommissionBps != c.CommissionBps {
		t.Fatalf("line show %v influencer %v collaboration %v commission %d; want show %s influencer %s collaboration %s commission %d",
			deref(l.ShowID), deref(l.InfluencerID), deref(l.CollaborationID), l.CommissionBps, sh.ID, sh.HostID, c.ID, c.CommissionBps)
	}
	want := l.TotalMinor * int64(c.CommissionBps) / 10000
	if got.Influencer != want || got.ByParty[sh.HostID] != want {
		t.Fatalf("influencer paid %d (%v), want %d", got.Influencer, got.ByParty, want)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestAttribution: a purchase is attributed to the LIVE show it was added
// from; after the show, to the show the shopper viewed within 24 hours; past
// the window, to nobody. The commission rate is the collaboration's, frozen
// on the line.
func TestAttribution(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 10000, 100, "USD")
		other := e.product(t, e.vendorA, 500, 100, "USD") // featured nowhere
		c := e.collab(t, e.hostV, p, 2000)
		c2 := e.collab(t, e.host2V, p, 1500)
		sh := e.liveShow(t, e.hostV, p)
		sh2 := e.liveShow(t, e.host2V, p)
		join := func(v kernel.Viewer, s *show.Show) {
			t.Helper()
			if _, err := e.app.Shows.Join(ctx, v, s.ID); err != nil {
				t.Fatalf("Join: %v", err)
			}
		}

		sales, err := e.app.Sales.Subscribe(ctx, e.staffA, e.vendorA.ID)
		if err != nil {
			t.Fatal(err)
		}

		t.Run("bought in the live show", func(t *testing.T) {
			s := e.shopper(t)
			e.add(t, s, p, 2, sh)
			o := e.buy(t, s)
			e.wantAttributed(t, o, sh, c)
			select {
			case sale := <-sales:
				if sale.OrderID != o.ID || sale.ShowID != sh.ID || sale.InfluencerID != e.host.ID || sale.Gross.AmountMinor != 20000 || sale.Commission.AmountMinor != 4000 {
					t.Fatalf("sale %+v", sale)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("no live sale for the vendor")
			}
		})

		t.Run("the show viewed last wins", func(t *testing.T) {
			s := e.shopper(t)
			join(s, sh)
			e.clock.Advance(time.Minute)
			join(s, sh2)
			e.add(t, s, p, 1, nil)
			e.wantAttributed(t, e.buy(t, s), sh2, c2)
			e.clock.Advance(time.Minute)
			join(s, sh)
			e.add(t, s, p, 1, nil)
			e.wantAttributed(t, e.buy(t, s), sh, c)
		})

		t.Run("the show it was added from wins over a later view", func(t *testing.T) {
			s := e.shopper(t)
			e.add(t, s, p, 1, sh)
			e.clock.Advance(time.Minute)
			join(s, sh2)
			e.wantAttributed(t, e.buy(t, s), sh, c)
		})

		t.Run("a product the viewed show does not feature", func(t *testing.T) {
			s := e.shopper(t)
			join(s, sh)
			e.add(t, s, other, 1, nil)
			e.wantAttributed(t, e.buy(t, s), nil, nil)
		})

		// Carts filled during the show, bought after it.
		added := e.shopper(t)  // added from the show
		viewer := e.shopper(t) // joined the show, adds later without a show
		late := e.shopper(t)   // added from the show, buys past the window
		lateViewer := e.shopper(t)
		e.add(t, added, p, 1, sh)
		e.add(t, late, p, 1, sh)
		join(viewer, sh)
		join(lateViewer, sh)
		viewedAt := e.clock.Now()
		e.endShow(t, e.hostV, sh)
		e.endShow(t, e.host2V, sh2)
		e.clock.Set(viewedAt.Add(23 * time.Hour))

		t.Run("after the show, within 24h of the view", func(t *testing.T) {
			e.wantAttributed(t, e.buy(t, added), sh, c)
			e.add(t, viewer, p, 1, nil)
			e.wantAttributed(t, e.buy(t, viewer), sh, c)
		})

		e.clock.Set(viewedAt.Add(24*time.Hour + time.Second))

		t.Run("past the window, without a show", func(t *testing.T) {
			e.add(t, lateViewer, p, 1, nil)
			e.wantAttributed(t, e.buy(t, lateViewer), nil, nil)
		})

		t.Run("past the window, a cart line added from the show", func(t *testing.T) {
			// The line was added from the show 24h ago; the show has ended:
			// the attribution window applies to it as to a view.
			e.wantAttributed(t, e.buy(t, late), nil, nil)
		})

		t.Run("the rate is frozen on the line", func(t *testing.T) {
			// A new offer does not change what earlier orders pay.
			if _, err := e.app.Collab.PublishOffer(ctx, e.ownerA, collab.PublishInput{ProductID: p.ID, CommissionBps: 7000}); err != nil {
				t.Fatal(err)
			}
			var lines []*order.Line
			if err := db.NewSelect().Model(&lines).Where("ol.influencer_id = ?", e.host.ID).Scan(ctx); err != nil {
				t.Fatal(err)
			}
			for _, l := range lines {
				if l.CommissionBps != 2000 {
					t.Fatalf("line %s commission %d", l.ID, l.CommissionBps)
				}
			}
		})
		e.checkLedger(t)
	})
}

// TestAttributionNeedsTheHostsCollaboration: a show whose host no longer has
// an ACTIVE collaboration on the product attributes nothing to it.
func TestAttributionNeedsTheHostsCollaboration(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 100, "USD")
		c := e.collab(t, e.hostV, p, 2000)
		sh := e.liveShow(t, e.hostV, p)
		s := e.shopper(t)
		e.add(t, s, p, 1, sh)
		if _, err := e.app.Collab.Cancel(ctx, e.hostV, c.ID); err != nil {
			t.Fatalf("Cancel: %v", err)
		}
		o := e.buy(t, s)
		e.wantAttributed(t, o, nil, nil)
		e.checkLedger(t)
	})
}

// TestSalesFeedAuthorization: only a vendor's staff (and admins) follow its
// live sales.
func TestSalesFeedAuthorization(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		for _, v := range []kernel.Viewer{e.staffB, e.shopper(t), e.hostV} {
			if _, err := e.app.Sales.Subscribe(cctx, v, e.vendorA.ID); !errors.Is(err, kernel.ErrForbidden) {
				t.Fatalf("Subscribe by a non-member = %v, want ErrForbidden", err)
			}
		}
		for _, v := range []kernel.Viewer{e.staffA, e.ownerA, e.admin} {
			if _, err := e.app.Sales.Subscribe(cctx, v, e.vendorA.ID); err != nil {
				t.Fatalf("Subscribe by a member: %v", err)
			}
		}
	})
}

// TestZeroOptions: the service built with zero Options (no event bus, no
// sales feed) sells in a live show without panicking.
func TestZeroOptions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, 1000, 10, "USD")
		e.collab(t, e.hostV, p, 1000)
		sh := e.liveShow(t, e.hostV, p)
		svc := order.NewService(db, e.clock, order.Options{})
		s := e.shopper(t)
		if _, err := svc.AddLine(ctx, s, p.ID, 1, &sh.ID); err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("Checkout panicked: %v", r)
				}
			}()
			o, err := svc.Checkout(ctx, s, checkoutIn("k", okToken))
			if err != nil || o.Status != order.StatusPaid {
				t.Fatalf("Checkout = %+v, %v", o, err)
			}
		}()
	})
}
