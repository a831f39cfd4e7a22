package collab_test

import (
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
)

func offerStatus(t *testing.T, db bun.IDB, id string) string {
	t.Helper()
	o := new(collab.Offer)
	if err := db.NewSelect().Model(o).Where("o.id = ?", id).Scan(ctx); err != nil {
		t.Fatal(err)
	}
	return o.Status
}

// TestRateIsFrozen: republishing or withdrawing an offer never changes a
// collaboration already made on it.
func TestRateIsFrozen(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, "shoes")
		o1 := e.offer(t, p, 1500)
		c := e.book(t, e.inf1V, o1)
		if c.CommissionBps != 1500 || c.Status != collab.StatusActive {
			t.Fatalf("booked %+v", c)
		}

		e.clock.Advance(time.Hour)
		o2 := e.offer(t, p, 500)
		if st := offerStatus(t, db, o1.ID); st != collab.OfferReplaced {
			t.Fatalf("old offer is %s, want REPLACED", st)
		}
		open, err := collab.OpenOffers(ctx, db, e.clock.Now(), []string{p.ID, kernel.NewID()})
		if err != nil || len(open) != 1 || open[p.ID] == nil || open[p.ID].ID != o2.ID || open[p.ID].CommissionBps != 500 {
			t.Fatalf("OpenOffers = %v, %v; want only %s", open, err, o2.ID)
		}
		if !e.svc.OfferActive(o2) {
			t.Fatal("OfferActive(new offer) = false")
		}
		// inf2 books the new offer at the new rate.
		c2 := e.book(t, e.inf2V, o2)
		if c2.CommissionBps != 500 {
			t.Fatalf("second booking at %d, want 500", c2.CommissionBps)
		}
		// inf1 may not book again while their collaboration is open.
		unchanged(t, db, func() {
			_, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o2.ID})
			wantErr(t, err, kernel.CodeAlreadyExists)
		})

		e.clock.Advance(time.Hour)
		if _, err := e.svc.WithdrawOffer(ctx, e.staffA, o2.ID); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			id  string
			bps int
		}{{c.ID, 1500}, {c2.ID, 500}} {
			got := e.get(t, tc.id)
			if got.CommissionBps != tc.bps || got.StatusAt(e.clock.Now()) != collab.StatusActive {
				t.Fatalf("after republish and withdraw: %s at %d bps, want ACTIVE at %d", got.Status, got.CommissionBps, tc.bps)
			}
		}
		if open, _ := collab.OpenOffers(ctx, db, e.clock.Now(), []string{p.ID}); len(open) != 0 {
			t.Fatalf("open offers after withdraw: %v", open)
		}

		// With the collaboration cancelled, booking fails for lack of an offer.
		if _, err := e.svc.Cancel(ctx, e.inf1V, c.ID); err != nil {
			t.Fatal(err)
		}
		for _, o := range []*collab.Offer{o1, o2} {
			unchanged(t, db, func() {
				_, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID})
				wantErr(t, err, kernel.CodeInvalidState, "input", "offerId")
			})
		}
		// A fresh offer can be booked again, at its own rate.
		o3 := e.offer(t, p, 2500)
		if c3 := e.book(t, e.inf1V, o3); c3.CommissionBps != 2500 {
			t.Fatalf("rebooked at %d", c3.CommissionBps)
		}
		if got := e.get(t, c.ID); got.Status != collab.StatusCancelled || got.CommissionBps != 1500 {
			t.Fatalf("old collaboration now %+v", got)
		}
		if got := e.get(t, c2.ID); got.Status != collab.StatusActive || got.CommissionBps != 500 {
			t.Fatalf("inf2's collaboration now %+v", got)
		}
	})
}

// TestAfterExpiryANewCollaborationMayStart: an expired collaboration is no
// longer open, so the influencer may book the product again.
func TestAfterExpiryANewCollaborationMayStart(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, "shoes")
		c := e.request(t, e.inf1V, p, 1000)
		e.clock.Advance(30 * day)
		if got := e.status(t, c.ID); got != collab.StatusExpired {
			t.Fatalf("status = %s", got)
		}
		if _, err := e.svc.Request(ctx, e.inf1V, e.requestIn(p, 1100)); err != nil {
			t.Fatalf("request after expiry: %v", err)
		}
	})
}

// TestPlatformFee: commission plus the vendor's platform fee never exceeds
// 100% of a sale.
func TestPlatformFee(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		fee := func(vendorID string) *int {
			t.Helper()
			m, err := vendor.ByIDs(ctx, db, []string{vendorID})
			if err != nil || m[vendorID] == nil {
				t.Fatal(err)
			}
			return m[vendorID].PlatformFeeBps
		}
		setFee := func(v kernel.Viewer, bps *int) (*vendor.Vendor, error) {
			return e.svc.SetPlatformFee(ctx, v, e.vendorA.ID, bps)
		}
		refusedFee := func(bps int, code kernel.Code) {
			t.Helper()
			unchanged(t, db, func() {
				_, err := setFee(e.admin, &bps)
				wantErr(t, err, code, "input", "feeBps")
			})
		}
		publish := func(p *catalog.Product, bps int) (*collab.Offer, error) {
			return e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: p.ID, CommissionBps: bps})
		}
		if e.svc.DefaultPlatformFeeBps() != 500 {
			t.Fatalf("default fee = %d", e.svc.DefaultPlatformFeeBps())
		}

		// Default 500: an 8000 offer fits (8500 <= 10000).
		p1 := e.product(t, e.vendorA, "shoes")
		o8000, err := publish(p1, 8000)
		if err != nil {
			t.Fatal(err)
		}
		// 2500 + 8000 > 10000: CONFLICT; 2000 + 8000 = 10000 and 1500 fit.
		refusedFee(2500, kernel.CodeConflict)
		refusedFee(2001, kernel.CodeConflict)
		if fee(e.vendorA.ID) != nil {
			t.Fatal("refused fee was stored")
		}
		if _, err := setFee(e.admin, ptr(2000)); err != nil {
			t.Fatal(err)
		}
		vd, err := setFee(e.admin, ptr(1500))
		if err != nil || vd.PlatformFeeBps == nil || *vd.PlatformFeeBps != 1500 || vd.ID != e.vendorA.ID {
			t.Fatalf("SetPlatformFee(1500) = %+v, %v", vd, err)
		}
		if f := fee(e.vendorA.ID); f == nil || *f != 1500 {
			t.Fatalf("stored fee = %v", f)
		}
		// 8600 is out of the commission range whatever the fee.
		p2 := e.product(t, e.vendorA, "shoes")
		unchanged(t, db, func() {
			_, err := publish(p2, 8600)
			wantErr(t, err, kernel.CodeInvalid, "input", "commissionBps")
		})

		// Make room for a 2500 fee: withdraw the 8000 offer.
		if _, err := e.svc.WithdrawOffer(ctx, e.staffA, o8000.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := setFee(e.admin, ptr(2500)); err != nil {
			t.Fatal(err)
		}
		// 7600 + 2500 > 10000 is INVALID on commissionBps for every way in;
		// 7500 + 2500 = 10000 fits.
		pending := e.request(t, e.inf1V, e.product(t, e.vendorA, "shoes"), 1000)
		unchanged(t, db, func() {
			_, err := publish(p2, 7600)
			wantErr(t, err, kernel.CodeInvalid, "input", "commissionBps")
			_, err = e.svc.Request(ctx, e.inf1V, e.requestIn(p2, 7600))
			wantErr(t, err, kernel.CodeInvalid, "input", "commissionBps")
			_, err = e.svc.Request(ctx, e.inf2V, e.requestIn(p2, 8000))
			wantErr(t, err, kernel.CodeInvalid, "input", "commissionBps")
			_, err = e.svc.Counter(ctx, e.staffA, pending.ID, 7600)
			wantErr(t, err, kernel.CodeInvalid, "input", "commissionBps")
		})
		o7500, err := publish(p2, 7500)
		if err != nil {
			t.Fatalf("7500 with fee 2500: %v", err)
		}
		req7500, err := e.svc.Request(ctx, e.inf1V, e.requestIn(p1, 7500))
		if err != nil {
			t.Fatalf("request 7500 with fee 2500: %v", err)
		}
		// Vendor B keeps the default fee.
		if _, err := e.svc.PublishOffer(ctx, e.ownerB, collab.PublishInput{ProductID: e.product(t, e.vendorB, "shoes").ID, CommissionBps: 8000}); err != nil {
			t.Fatalf("vendor B 8000: %v", err)
		}

		// Both an active offer and an open request hold the fee down.
		refusedFee(2600, kernel.CodeConflict)
		if _, err := e.svc.WithdrawOffer(ctx, e.staffA, o7500.ID); err != nil {
			t.Fatal(err)
		}
		refusedFee(2600, kernel.CodeConflict)
		// Once the request is over (expired), it no longer counts.
		e.clock.Advance(req7500.EndsAt.Sub(e.clock.Now()))
		if _, err := setFee(e.admin, ptr(2600)); err != nil {
			t.Fatalf("fee after the request expired: %v", err)
		}

		// Only admins; ranges and ids are checked.
		for _, v := range []kernel.Viewer{e.ownerA, e.staffA, e.ownerB, e.inf1V, e.stranger} {
			unchanged(t, db, func() {
				_, err := setFee(v, ptr(100))
				wantErr(t, err, kernel.CodeForbidden)
				_, err = setFee(v, nil)
				wantErr(t, err, kernel.CodeForbidden)
			})
		}
		unchanged(t, db, func() {
			_, err := setFee(kernel.Viewer{}, ptr(100))
			wantErr(t, err, kernel.CodeUnauthenticated)
		})
		refusedFee(-1, kernel.CodeInvalid)
		refusedFee(10001, kernel.CodeInvalid)
		unchanged(t, db, func() {
			_, err := e.svc.SetPlatformFee(ctx, e.admin, "vendor-a", ptr(100))
			wantErr(t, err, kernel.CodeInvalid, "input", "vendorId")
			_, err = e.svc.SetPlatformFee(ctx, e.admin, kernel.NewID(), ptr(100))
			wantErr(t, err, kernel.CodeNotFound, "input", "vendorId")
		})

		// nil restores the default: an 8000 offer fits again.
		vd, err = setFee(e.admin, nil)
		if err != nil || vd.PlatformFeeBps != nil || fee(e.vendorA.ID) != nil {
			t.Fatalf("SetPlatformFee(nil) = %+v, %v", vd, err)
		}
		if vd.EffectiveFeeBps(e.svc.DefaultPlatformFeeBps()) != 500 {
			t.Fatalf("effective fee = %d", vd.EffectiveFeeBps(500))
		}
		if _, err := publish(e.product(t, e.vendorA, "shoes"), 8000); err != nil {
			t.Fatalf("8000 after clearing the fee: %v", err)
		}
		// A zero fee is a valid override, distinct from the default.
		if _, err := setFee(e.admin, ptr(0)); err != nil || fee(e.vendorA.ID) == nil || *fee(e.vendorA.ID) != 0 {
			t.Fatalf("fee 0: %v", err)
		}
	})
}

// TestPlatformFeeDefaultAndRechecks: the default fee alone can refuse, and
// approving or accepting re-checks the fee.
func TestPlatformFeeDefaultAndRechecks(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorB, "shoes")
		if _, err := e.svc.PublishOffer(ctx, e.ownerB, collab.PublishInput{ProductID: p.ID, CommissionBps: 8000}); err != nil {
			t.Fatal(err)
		}
		pending := e.request(t, e.inf1V, e.product(t, e.vendorB, "shoes"), 8000)
		countered := e.request(t, e.inf2V, e.product(t, e.vendorB, "shoes"), 1000)
		if _, err := e.svc.Counter(ctx, e.ownerB, countered.ID, 7900); err != nil {
			t.Fatal(err)
		}

		// The same marketplace under an operator default of 2500.
		high := collab.NewService(db, e.clock, e.notes, collab.Options{DefaultPlatformFeeBps: 2500})
		hats := e.product(t, e.vendorB, "hats")
		unchanged(t, db, func() {
			_, err := high.SetPlatformFee(ctx, e.admin, e.vendorB.ID, nil)
			wantErr(t, err, kernel.CodeConflict, "input", "feeBps")
			_, err = high.PublishOffer(ctx, e.ownerB, collab.PublishInput{ProductID: hats.ID, CommissionBps: 7600})
			wantErr(t, err, kernel.CodeInvalid, "input", "commissionBps")
		})
		unchanged(t, db, func() {
			_, err := high.Approve(ctx, e.ownerB, pending.ID)
			wantErr(t, err, kernel.CodeInvalid, "input", "id")
			_, err = high.AcceptCounter(ctx, e.inf2V, countered.ID)
			wantErr(t, err, kernel.CodeInvalid, "input", "id")
		})
		// Under the default of 500 both go through.
		if _, err := e.svc.Approve(ctx, e.ownerB, pending.ID); err != nil {
			t.Fatal(err)
		}
		if c, err := e.svc.AcceptCounter(ctx, e.inf2V, countered.ID); err != nil || c.CommissionBps != 7900 {
			t.Fatalf("accept = %+v, %v", c, err)
		}
	})
}

// TestListOffers: filters, what is excluded, and paging.
func TestListOffers(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		now := e.clock.Now()
		shoesA := e.offer(t, e.product(t, e.vendorA, "shoes"), 1000)
		hatsA := e.offer(t, e.product(t, e.vendorA, "hats"), 3000)
		shoesB := e.offer(t, e.product(t, e.vendorB, "Shoes"), 2000)
		withdrawn := e.offer(t, e.product(t, e.vendorB, "shoes"), 4000)
		if _, err := e.svc.WithdrawOffer(ctx, e.ownerB, withdrawn.ID); err != nil {
			t.Fatal(err)
		}
		pRe := e.product(t, e.vendorA, "shoes")
		e.offer(t, pRe, 1500) // replaced by the next one
		replacement := e.offer(t, pRe, 2500)
		archivedP := e.product(t, e.vendorA, "shoes")
		e.offer(t, archivedP, 5000) // its product gets archived
		if _, err := e.catalog.Archive(ctx, e.ownerA, archivedP.ID); err != nil {
			t.Fatal(err)
		}
		later, err := e.svc.PublishOffer(ctx, e.ownerB, collab.PublishInput{ProductID: e.product(t, e.vendorB, "shoes").ID,
			CommissionBps: 6000, StartsAt: ptr(now.Add(day)), EndsAt: ptr(now.Add(10 * day))})
		if err != nil {
			t.Fatal(err)
		}
		ending, err := e.svc.PublishOffer(ctx, e.ownerB, collab.PublishInput{ProductID: e.product(t, e.vendorB, "hats").ID,
			CommissionBps: 7000, StartsAt: ptr(now.Add(-day)), EndsAt: ptr(now.Add(time.Hour))})
		if err != nil {
			t.Fatal(err)
		}

		list := func(f collab.OfferFilter) []string {
			t.Helper()
			pg, err := e.svc.ListOffers(ctx, f, page(kernel.MaxPageSize))
			if err != nil {
				t.Fatalf("ListOffers(%+v): %v", f, err)
			}
			if pg.TotalCount != len(pg.Items) {
				t.Fatalf("TotalCount %d for %d items", pg.TotalCount, len(pg.Items))
			}
			out := make([]string, len(pg.Items))
			for i, o := range pg.Items {
				out[i] = o.ID
			}
			return out
		}
		check := func(name string, f collab.OfferFilter, want ...*collab.Offer) {
			t.Helper()
			w := make([]string, len(want))
			for i, o := range want {
				w[i] = o.ID
			}
			if got := list(f); !sameIDs(got, w) {
				t.Errorf("%s: got %v, want %v", name, got, w)
			}
		}
		check("all open", collab.OfferFilter{}, shoesA, hatsA, shoesB, replacement, ending)
		check("category", collab.OfferFilter{Category: "shoes"}, shoesA, shoesB, replacement)
		check("category normalized", collab.OfferFilter{Category: "  HATS "}, hatsA, ending)
		check("unknown category", collab.OfferFilter{Category: "boats"})
		check("vendor A", collab.OfferFilter{VendorID: e.vendorA.ID}, shoesA, hatsA, replacement)
		check("vendor B", collab.OfferFilter{VendorID: e.vendorB.ID}, shoesB, ending)
		check("min commission", collab.OfferFilter{MinCommissionBps: 2500}, hatsA, replacement, ending)
		check("min commission inclusive", collab.OfferFilter{MinCommissionBps: 2000}, hatsA, shoesB, replacement, ending)
		check("min commission above all", collab.OfferFilter{MinCommissionBps: 7001})
		check("all filters", collab.OfferFilter{Category: "shoes", VendorID: e.vendorA.ID, MinCommissionBps: 1001}, replacement)
		// Newest first.
		if got := list(collab.OfferFilter{}); got[0] != ending.ID || got[len(got)-1] != shoesA.ID {
			t.Errorf("order = %v", got)
		}

		// Time moves: the short offer ends, the later one starts.
		e.clock.Advance(time.Hour)
		check("after an hour", collab.OfferFilter{VendorID: e.vendorB.ID}, shoesB)
		e.clock.Advance(day)
		check("after a day", collab.OfferFilter{VendorID: e.vendorB.ID}, shoesB, later)
		e.clock.Advance(10 * day)
		check("after the window", collab.OfferFilter{VendorID: e.vendorB.ID}, shoesB)

		// Paging with first/after.
		var got []string
		after := ""
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("pagination does not terminate")
			}
			pg, err := e.svc.ListOffers(ctx, collab.OfferFilter{}, kernel.PageRequest{First: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if pg.TotalCount != 4 || len(pg.Items) > 2 || (pg.HasNextPage && len(pg.Items) != 2) {
				t.Fatalf("page: %d items, total %d, next %v", len(pg.Items), pg.TotalCount, pg.HasNextPage)
			}
			for _, o := range pg.Items {
				got = append(got, o.ID)
			}
			if !pg.HasNextPage {
				break
			}
			after = pg.Items[len(pg.Items)-1].ID
		}
		want := []string{replacement.ID, shoesB.ID, hatsA.ID, shoesA.ID}
		if len(got) != len(want) {
			t.Fatalf("paged %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("paged %v, want %v", got, want)
			}
		}
		if pg, err := e.svc.ListOffers(ctx, collab.OfferFilter{}, kernel.PageRequest{First: 0}); err != nil || pg.TotalCount != 4 || len(pg.Items) != 0 {
			t.Fatalf("first=0: %+v, %v", pg, err)
		}

		// Bad filters.
		_, err = e.svc.ListOffers(ctx, collab.OfferFilter{VendorID: "vendor-a"}, page(10))
		wantErr(t, err, kernel.CodeInvalid, "filter", "vendorId")
		_, err = e.svc.ListOffers(ctx, collab.OfferFilter{MinCommissionBps: -1}, page(10))
		wantErr(t, err, kernel.CodeInvalid, "filter", "minCommissionBps")
		_, err = e.svc.ListOffers(ctx, collab.OfferFilter{MinCommissionBps: collab.FullBps + 1}, page(10))
		wantErr(t, err, kernel.CodeInvalid, "filter", "minCommissionBps")

		// OpenOffers agrees with the list and ignores unknown products.
		if m, err := collab.OpenOffers(ctx, db, e.clock.Now(), nil); err != nil || len(m) != 0 {
			t.Fatalf("OpenOffers(nil) = %v, %v", m, err)
		}
	})
}
