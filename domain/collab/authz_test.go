package collab_test

import (
	"errors"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestOnlyTheRightPartyMoves: vendor moves are for the product vendor's
// staff only (not even admins), accepting a counter for the requesting
// influencer only, cancelling for either party.
func TestOnlyTheRightPartyMoves(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		type who struct {
			name string
			v    kernel.Viewer
		}
		influencer := who{"the influencer", e.inf1V}
		otherInfluencer := who{"another influencer", e.inf2V}
		staff := who{"vendor staff", e.staffA}
		owner := who{"vendor owner", e.ownerA}
		otherVendor := who{"another vendor's owner", e.ownerB}
		stranger := who{"a stranger", e.stranger}
		admin := who{"an admin", e.admin}
		staffHost := who{"vendor staff who is also an influencer", e.staffInf}

		moves := []struct {
			name    string
			from    string
			do      func(v kernel.Viewer, id string) error
			allowed []who
			refused []who
			to      string
		}{
			{
				name: "approve", from: collab.StatusPending, to: collab.StatusActive,
				do:      func(v kernel.Viewer, id string) error { _, err := e.svc.Approve(ctx, v, id); return err },
				allowed: []who{staff, owner, staffHost},
				refused: []who{influencer, otherInfluencer, otherVendor, stranger, admin},
			},
			{
				name: "reject", from: collab.StatusPending, to: collab.StatusRejected,
				do:      func(v kernel.Viewer, id string) error { _, err := e.svc.Reject(ctx, v, id, "no thanks"); return err },
				allowed: []who{staff, owner},
				refused: []who{influencer, otherInfluencer, otherVendor, stranger, admin},
			},
			{
				name: "reject a counter", from: collab.StatusCountered, to: collab.StatusRejected,
				do:      func(v kernel.Viewer, id string) error { _, err := e.svc.Reject(ctx, v, id, "no thanks"); return err },
				allowed: []who{owner},
				refused: []who{influencer, otherInfluencer, otherVendor, stranger, admin},
			},
			{
				name: "counter", from: collab.StatusPending, to: collab.StatusCountered,
				do:      func(v kernel.Viewer, id string) error { _, err := e.svc.Counter(ctx, v, id, 600); return err },
				allowed: []who{staff, owner},
				refused: []who{influencer, otherInfluencer, otherVendor, stranger, admin},
			},
			{
				name: "acceptCounter", from: collab.StatusCountered, to: collab.StatusActive,
				do:      func(v kernel.Viewer, id string) error { _, err := e.svc.AcceptCounter(ctx, v, id); return err },
				allowed: []who{influencer},
				refused: []who{otherInfluencer, staff, owner, staffHost, otherVendor, stranger, admin},
			},
			{
				name: "cancel PENDING", from: collab.StatusPending, to: collab.StatusCancelled,
				do:      func(v kernel.Viewer, id string) error { _, err := e.svc.Cancel(ctx, v, id); return err },
				allowed: []who{influencer, staff, owner},
				refused: []who{otherInfluencer, otherVendor, stranger, admin},
			},
			{
				name: "cancel ACTIVE", from: collab.StatusActive, to: collab.StatusCancelled,
				do:      func(v kernel.Viewer, id string) error { _, err := e.svc.Cancel(ctx, v, id); return err },
				allowed: []who{influencer, staff},
				refused: []who{otherInfluencer, otherVendor, stranger, admin},
			},
		}
		for _, m := range moves {
			t.Run(m.name, func(t *testing.T) {
				for _, w := range m.refused {
					c := e.inState(t, m.from)
					unchanged(t, db, func() {
						if err := m.do(w.v, c.ID); !isForbidden(err) {
							t.Errorf("%s by %s: got %v, want ErrForbidden", m.name, w.name, err)
						}
					})
				}
				for _, w := range m.allowed {
					c := e.inState(t, m.from)
					if err := m.do(w.v, c.ID); err != nil {
						t.Errorf("%s by %s: %v", m.name, w.name, err)
						continue
					}
					if got := e.status(t, c.ID); got != m.to {
						t.Errorf("%s by %s left %s, want %s", m.name, w.name, got, m.to)
					}
				}
			})
		}
	})
}

func isForbidden(err error) bool {
	return err != nil && errors.Is(err, kernel.ErrForbidden)
}

// TestOfferAuthorization: offers are published and withdrawn by the vendor's
// staff or an admin only.
func TestOfferAuthorization(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.vendorA, "shoes")
		for _, v := range []kernel.Viewer{e.inf1V, e.ownerB, e.stranger} {
			unchanged(t, db, func() {
				_, err := e.svc.PublishOffer(ctx, v, collab.PublishInput{ProductID: p.ID, CommissionBps: 1000})
				wantErr(t, err, kernel.CodeForbidden)
			})
		}
		unchanged(t, db, func() {
			_, err := e.svc.PublishOffer(ctx, kernel.Viewer{}, collab.PublishInput{ProductID: p.ID, CommissionBps: 1000})
			wantErr(t, err, kernel.CodeUnauthenticated)
		})
		for _, v := range []kernel.Viewer{e.staffA, e.ownerA, e.admin} {
			e.clock.Advance(1)
			o, err := e.svc.PublishOffer(ctx, v, collab.PublishInput{ProductID: p.ID, CommissionBps: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if o.VendorID != e.vendorA.ID || o.ProductID != p.ID || o.Status != collab.OfferActive || o.CreatedBy != v.UserID ||
				!o.CreatedAt.Equal(e.clock.Now()) || o.ClosedAt != nil {
				t.Fatalf("published %+v", o)
			}
		}
		open, err := collab.OpenOffers(ctx, db, e.clock.Now(), []string{p.ID})
		if err != nil || len(open) != 1 || open[p.ID].CreatedBy != e.admin.UserID {
			t.Fatalf("OpenOffers = %v, %v", open, err)
		}
		o := open[p.ID]
		for _, v := range []kernel.Viewer{e.inf1V, e.ownerB, e.stranger} {
			unchanged(t, db, func() {
				_, err := e.svc.WithdrawOffer(ctx, v, o.ID)
				wantErr(t, err, kernel.CodeForbidden)
			})
		}
		for _, v := range []kernel.Viewer{e.staffA, e.admin} {
			if _, err := e.svc.WithdrawOffer(ctx, v, e.offer(t, p, 1000).ID); err != nil {
				t.Fatalf("withdraw: %v", err)
			}
		}
		w, err := e.svc.WithdrawOffer(ctx, e.ownerA, e.offer(t, p, 1000).ID)
		if err != nil || w.Status != collab.OfferWithdrawn || w.ClosedAt == nil || !w.ClosedAt.Equal(e.clock.Now()) {
			t.Fatalf("withdraw = %+v, %v", w, err)
		}
		if open, _ := collab.OpenOffers(ctx, db, e.clock.Now(), []string{p.ID}); len(open) != 0 {
			t.Fatalf("open offers after withdrawing: %v", open)
		}
	})
}

// TestListAndShowcaseVisibility: nobody sees another party's collaborations.
func TestListAndShowcaseVisibility(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		pA := e.product(t, e.vendorA, "shoes")
		pA2 := e.product(t, e.vendorA, "hats")
		pB := e.product(t, e.vendorB, "shoes")
		pB2 := e.product(t, e.vendorB, "hats")

		c1 := e.book(t, e.inf1V, e.offer(t, pA, 1000))                      // inf1 × A, ACTIVE
		c2 := e.request(t, e.inf2V, pB, 1200)                               // inf2 × B, PENDING
		c3 := e.request(t, e.inf1V, pB, 1300)                               // inf1 × B, PENDING
		c4 := e.request(t, e.inf2V, pA2, 1400)                              // inf2 × A, PENDING
		c5 := e.request(t, e.staffInf, pB2, 1500)                           // staffInf (staff of A) as influencer × B
		if _, err := e.svc.Reject(ctx, e.ownerB, c3.ID, "no"); err != nil { // inf1 × B, REJECTED
			t.Fatal(err)
		}
		all := []string{c1.ID, c2.ID, c3.ID, c4.ID, c5.ID}

		cases := []struct {
			name string
			v    kernel.Viewer
			f    collab.Filter
			want []string
		}{
			{"influencer 1 sees only theirs", e.inf1V, collab.Filter{}, []string{c1.ID, c3.ID}},
			{"influencer 2 sees only theirs", e.inf2V, collab.Filter{}, []string{c2.ID, c4.ID}},
			{"vendor A staff see only vendor A's", e.staffA, collab.Filter{}, []string{c1.ID, c4.ID}},
			{"vendor A owner sees only vendor A's", e.ownerA, collab.Filter{}, []string{c1.ID, c4.ID}},
			{"vendor B owner sees only vendor B's", e.ownerB, collab.Filter{}, []string{c2.ID, c3.ID, c5.ID}},
			{"staff who is an influencer sees both roles'", e.staffInf, collab.Filter{}, []string{c1.ID, c4.ID, c5.ID}},
			{"a stranger sees none", e.stranger, collab.Filter{}, nil},
			{"an admin sees all", e.admin, collab.Filter{}, all},
			{"vendor filter cannot widen a view", e.inf1V, collab.Filter{VendorID: e.vendorB.ID}, []string{c3.ID}},
			{"vendor filter for a stranger", e.stranger, collab.Filter{VendorID: e.vendorA.ID}, nil},
			{"product filter", e.admin, collab.Filter{ProductID: pB.ID}, []string{c2.ID, c3.ID}},
			{"status filter PENDING", e.ownerB, collab.Filter{Status: collab.StatusPending}, []string{c2.ID, c5.ID}},
			{"status filter REJECTED", e.inf1V, collab.Filter{Status: collab.StatusRejected}, []string{c3.ID}},
			{"status filter ACTIVE", e.admin, collab.Filter{Status: collab.StatusActive}, []string{c1.ID}},
			{"admin with vendor filter", e.admin, collab.Filter{VendorID: e.vendorA.ID}, []string{c1.ID, c4.ID}},
		}
		for _, tc := range cases {
			if got := e.listIDs(t, tc.v, tc.f); !sameIDs(got, tc.want) {
				t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			}
		}
		// Newest first.
		if got := e.listIDs(t, e.admin, collab.Filter{}); got[0] != c5.ID || got[4] != c1.ID {
			t.Errorf("admin list order = %v, want newest first", got)
		}

		// Showcase: the viewer's own ACTIVE, unexpired collaborations only.
		showcase := func(v kernel.Viewer) []string {
			pg, err := e.svc.Showcase(ctx, v, page(kernel.MaxPageSize))
			if err != nil {
				t.Fatal(err)
			}
			return ids(pg.Items)
		}
		if got := showcase(e.inf1V); !sameIDs(got, []string{c1.ID}) {
			t.Fatalf("inf1 showcase = %v, want only %s", got, c1.ID)
		}
		for _, v := range []kernel.Viewer{e.inf2V, e.staffA, e.ownerA, e.stranger, e.admin} {
			if got := showcase(v); len(got) != 0 {
				t.Fatalf("showcase of %s = %v, want none", v.UserID, got)
			}
		}
		// Approving c2 puts it in inf2's showcase; once over, it leaves, and
		// so does c1; the status filter reads EXPIRED.
		if _, err := e.svc.Approve(ctx, e.ownerB, c2.ID); err != nil {
			t.Fatal(err)
		}
		if got := showcase(e.inf2V); !sameIDs(got, []string{c2.ID}) {
			t.Fatalf("inf2 showcase = %v", got)
		}
		e.clock.Advance(91 * day)
		for _, v := range []kernel.Viewer{e.inf1V, e.inf2V} {
			if got := showcase(v); len(got) != 0 {
				t.Fatalf("showcase after expiry = %v", got)
			}
		}
		if got := e.listIDs(t, e.admin, collab.Filter{Status: collab.StatusExpired}); !sameIDs(got, []string{c1.ID, c2.ID, c4.ID, c5.ID}) {
			t.Fatalf("EXPIRED = %v", got)
		}
		for _, st := range []string{collab.StatusActive, collab.StatusPending} {
			if got := e.listIDs(t, e.admin, collab.Filter{Status: st}); len(got) != 0 {
				t.Fatalf("%s after expiry = %v", st, got)
			}
		}
		if got := e.listIDs(t, e.admin, collab.Filter{Status: collab.StatusRejected}); !sameIDs(got, []string{c3.ID}) {
			t.Fatalf("REJECTED after expiry = %v", got)
		}

		// Guests and malformed filters.
		if _, err := e.svc.List(ctx, kernel.Viewer{}, collab.Filter{}, page(10)); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("guest List: %v", err)
		}
		if _, err := e.svc.Showcase(ctx, kernel.Viewer{}, page(10)); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("guest Showcase: %v", err)
		}
		_, err := e.svc.List(ctx, e.admin, collab.Filter{VendorID: "bad"}, page(10))
		wantErr(t, err, kernel.CodeInvalid, "filter", "vendorId")
		_, err = e.svc.List(ctx, e.admin, collab.Filter{ProductID: "bad"}, page(10))
		wantErr(t, err, kernel.CodeInvalid, "filter", "productId")
	})
}

// TestListPagination pages through a viewer's collaborations with first/after.
func TestListPagination(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		var want []string
		for i := 0; i < 7; i++ {
			c := e.request(t, e.inf1V, e.product(t, e.vendorA, "shoes"), 1000+i)
			want = append([]string{c.ID}, want...) // newest first
		}
		e.request(t, e.inf2V, e.product(t, e.vendorB, "shoes"), 1000) // not inf1's
		var got []string
		after := ""
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("pagination does not terminate")
			}
			pg, err := e.svc.List(ctx, e.inf1V, collab.Filter{}, kernel.PageRequest{First: 3, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if pg.TotalCount != 7 {
				t.Fatalf("TotalCount = %d", pg.TotalCount)
			}
			got = append(got, ids(pg.Items)...)
			if !pg.HasNextPage {
				break
			}
			after = pg.Items[len(pg.Items)-1].ID
		}
		if len(got) != len(want) {
			t.Fatalf("paged %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("paged %v, want %v", got, want)
			}
		}
		pg, err := e.svc.List(ctx, e.inf1V, collab.Filter{}, kernel.PageRequest{First: 0})
		if err != nil || len(pg.Items) != 0 || pg.TotalCount != 7 || pg.HasNextPage {
			t.Fatalf("first=0: %+v, %v", pg, err)
		}
	})
}
