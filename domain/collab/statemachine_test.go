package collab_test

import (
	"strings"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

func TestModelStatusAtActiveAtCoversWindow(t *testing.T) {
	t.Parallel()
	now := testkit.Epoch
	start, end := now.Add(-day), now.Add(day)
	statusCases := []struct {
		stored string
		at     time.Time
		want   string
	}{
		{collab.StatusPending, now, collab.StatusPending},
		{collab.StatusCountered, now, collab.StatusCountered},
		{collab.StatusActive, now, collab.StatusActive},
		{collab.StatusPending, end, collab.StatusExpired},
		{collab.StatusCountered, end.Add(time.Second), collab.StatusExpired},
		{collab.StatusActive, end, collab.StatusExpired},
		{collab.StatusActive, end.Add(-time.Microsecond), collab.StatusActive},
		{collab.StatusRejected, end.Add(day), collab.StatusRejected},
		{collab.StatusCancelled, end.Add(day), collab.StatusCancelled},
	}
	for _, tc := range statusCases {
		c := &collab.Collaboration{Status: tc.stored, StartsAt: start, EndsAt: end}
		if got := c.StatusAt(tc.at); got != tc.want {
			t.Errorf("StatusAt(%s at %v) = %s, want %s", tc.stored, tc.at.Sub(end), got, tc.want)
		}
	}

	offerCases := []struct {
		name             string
		status           string
		startsAt, endsAt *time.Time
		want             bool
	}{
		{"open-ended", collab.OfferActive, nil, nil, true},
		{"started", collab.OfferActive, ptr(now), nil, true},
		{"not yet started", collab.OfferActive, ptr(now.Add(time.Second)), nil, false},
		{"ends later", collab.OfferActive, nil, ptr(now.Add(time.Second)), true},
		{"ends now", collab.OfferActive, nil, ptr(now), false},
		{"withdrawn", collab.OfferWithdrawn, nil, nil, false},
		{"replaced", collab.OfferReplaced, nil, nil, false},
	}
	for _, tc := range offerCases {
		o := &collab.Offer{Status: tc.status, StartsAt: tc.startsAt, EndsAt: tc.endsAt}
		if got := o.ActiveAt(now); got != tc.want {
			t.Errorf("ActiveAt(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}

	coverCases := []struct {
		name     string
		status   string
		from, to time.Time
		want     bool
	}{
		{"inside", collab.StatusActive, now, now.Add(time.Hour), true},
		{"exactly the window", collab.StatusActive, start, end, true},
		{"starts before", collab.StatusActive, start.Add(-time.Second), now, false},
		{"ends after", collab.StatusActive, now, end.Add(time.Second), false},
		{"pending", collab.StatusPending, now, now.Add(time.Hour), false},
		{"countered", collab.StatusCountered, now, now.Add(time.Hour), false},
		{"cancelled", collab.StatusCancelled, now, now.Add(time.Hour), false},
	}
	for _, tc := range coverCases {
		c := &collab.Collaboration{Status: tc.status, StartsAt: start, EndsAt: end}
		if got := c.CoversWindow(now, tc.from, tc.to); got != tc.want {
			t.Errorf("CoversWindow(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
	c := &collab.Collaboration{Status: collab.StatusActive, StartsAt: start, EndsAt: end}
	if c.CoversWindow(end, now, now.Add(time.Hour)) {
		t.Error("an expired collaboration covers a window")
	}
}

// TestLegalTransitions walks every edge of the state machine and checks what
// is stored afterwards.
func TestLegalTransitions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		type act func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error)
		cancelBy := func(v kernel.Viewer) act {
			return func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
				return e.svc.Cancel(ctx, v, c.ID)
			}
		}
		cases := []struct {
			name   string
			from   string // "" when the action creates the collaboration
			act    act
			status string
			bps    int
			check  func(t *testing.T, before, got *collab.Collaboration)
		}{
			{
				name: "book an open offer: ACTIVE at the offer's rate for the default window",
				act: func(t *testing.T, _ *collab.Collaboration) (*collab.Collaboration, error) {
					o := e.offer(t, e.product(t, e.vendorA, "shoes"), 1500)
					c, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID})
					if err == nil && (c.OfferID == nil || *c.OfferID != o.ID) {
						t.Errorf("offer id = %v, want %s", c.OfferID, o.ID)
					}
					return c, err
				},
				status: collab.StatusActive, bps: 1500,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					now := e.clock.Now()
					if !got.StartsAt.Equal(now) || !got.EndsAt.Equal(now.Add(90*day)) || got.RequestedBps != nil || got.Message != nil {
						t.Errorf("booked %+v", got)
					}
				},
			},
			{
				name: "book with an explicit window inside the offer's",
				act: func(t *testing.T, _ *collab.Collaboration) (*collab.Collaboration, error) {
					now := e.clock.Now()
					o, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: e.product(t, e.vendorA, "shoes").ID,
						CommissionBps: 2000, StartsAt: ptr(now.Add(-time.Hour)), EndsAt: ptr(now.Add(20 * day))})
					if err != nil {
						t.Fatal(err)
					}
					return e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID, StartsAt: ptr(now.Add(day)), EndsAt: ptr(now.Add(10 * day))})
				},
				status: collab.StatusActive, bps: 2000,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					now := e.clock.Now()
					if !got.StartsAt.Equal(now.Add(day)) || !got.EndsAt.Equal(now.Add(10*day)) {
						t.Errorf("window %v..%v", got.StartsAt, got.EndsAt)
					}
				},
			},
			{
				name: "book without a window takes the offer's end",
				act: func(t *testing.T, _ *collab.Collaboration) (*collab.Collaboration, error) {
					now := e.clock.Now()
					o, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: e.product(t, e.vendorA, "shoes").ID,
						CommissionBps: 700, EndsAt: ptr(now.Add(20 * day))})
					if err != nil {
						t.Fatal(err)
					}
					return e.svc.Book(ctx, e.inf2V, collab.BookInput{OfferID: o.ID})
				},
				status: collab.StatusActive, bps: 700,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					now := e.clock.Now()
					if !got.StartsAt.Equal(now) || !got.EndsAt.Equal(now.Add(20*day)) || got.InfluencerID != e.inf2.ID {
						t.Errorf("booked %+v", got)
					}
				},
			},
			{
				name: "request: PENDING at the proposed rate",
				act: func(t *testing.T, _ *collab.Collaboration) (*collab.Collaboration, error) {
					in := e.requestIn(e.product(t, e.vendorA, "shoes"), 1200)
					in.Message = "  Let's work together  "
					return e.svc.Request(ctx, e.inf1V, in)
				},
				status: collab.StatusPending, bps: 1200,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					now := e.clock.Now()
					if got.RequestedBps == nil || *got.RequestedBps != 1200 || got.Message == nil || *got.Message != "Let's work together" ||
						got.OfferID != nil || !got.StartsAt.Equal(now.Add(time.Hour)) || !got.EndsAt.Equal(now.Add(30*day)) ||
						got.VendorID != e.vendorA.ID || got.InfluencerID != e.inf1.ID || !got.CreatedAt.Equal(now) {
						t.Errorf("requested %+v", got)
					}
				},
			},
			{
				name: "request without a message", act: func(t *testing.T, _ *collab.Collaboration) (*collab.Collaboration, error) {
					in := e.requestIn(e.product(t, e.vendorB, "shoes"), 100)
					in.Message = "   "
					return e.svc.Request(ctx, e.inf1V, in)
				},
				status: collab.StatusPending, bps: 100,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					if got.Message != nil || got.VendorID != e.vendorB.ID {
						t.Errorf("requested %+v", got)
					}
				},
			},
			{
				name: "approve PENDING → ACTIVE at the requested rate", from: collab.StatusPending,
				act: func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
					return e.svc.Approve(ctx, e.staffA, c.ID)
				},
				status: collab.StatusActive, bps: 1200,
			},
			{
				name: "approve by the owner", from: collab.StatusPending,
				act: func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
					return e.svc.Approve(ctx, e.ownerA, c.ID)
				},
				status: collab.StatusActive, bps: 1200,
			},
			{
				name: "reject PENDING → REJECTED with the reason", from: collab.StatusPending,
				act: func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
					return e.svc.Reject(ctx, e.staffA, c.ID, "  Not this season  ")
				},
				status: collab.StatusRejected, bps: 1200,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					if got.RejectReason == nil || *got.RejectReason != "Not this season" {
						t.Errorf("reason = %v", got.RejectReason)
					}
				},
			},
			{
				name: "reject COUNTERED → REJECTED with the reason", from: collab.StatusCountered,
				act: func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
					return e.svc.Reject(ctx, e.ownerA, c.ID, "changed our mind")
				},
				status: collab.StatusRejected, bps: 900,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					if got.RejectReason == nil || *got.RejectReason != "changed our mind" {
						t.Errorf("reason = %v", got.RejectReason)
					}
				},
			},
			{
				name: "counter PENDING → COUNTERED at the new rate", from: collab.StatusPending,
				act: func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
					return e.svc.Counter(ctx, e.staffA, c.ID, 800)
				},
				status: collab.StatusCountered, bps: 800,
				check: func(t *testing.T, _, got *collab.Collaboration) {
					if got.RequestedBps == nil || *got.RequestedBps != 1200 {
						t.Errorf("requested rate = %v, want 1200 kept", got.RequestedBps)
					}
				},
			},
			{
				name: "counter upwards at the maximum", from: collab.StatusPending,
				act: func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
					return e.svc.Counter(ctx, e.staffA, c.ID, collab.MaxCommissionBps)
				},
				status: collab.StatusCountered, bps: collab.MaxCommissionBps,
			},
			{
				name: "acceptCounter COUNTERED → ACTIVE at the counter rate", from: collab.StatusCountered,
				act: func(t *testing.T, c *collab.Collaboration) (*collab.Collaboration, error) {
					return e.svc.AcceptCounter(ctx, e.inf1V, c.ID)
				},
				status: collab.StatusActive, bps: 900,
			},
			{name: "influencer cancels PENDING", from: collab.StatusPending, act: cancelBy(e.inf1V), status: collab.StatusCancelled, bps: 1200},
			{name: "influencer cancels COUNTERED", from: collab.StatusCountered, act: cancelBy(e.inf1V), status: collab.StatusCancelled, bps: 900},
			{name: "influencer cancels ACTIVE", from: collab.StatusActive, act: cancelBy(e.inf1V), status: collab.StatusCancelled, bps: 1500},
			{name: "vendor staff cancels PENDING", from: collab.StatusPending, act: cancelBy(e.staffA), status: collab.StatusCancelled, bps: 1200},
			{name: "vendor owner cancels COUNTERED", from: collab.StatusCountered, act: cancelBy(e.ownerA), status: collab.StatusCancelled, bps: 900},
			{name: "vendor staff cancels ACTIVE", from: collab.StatusActive, act: cancelBy(e.staffA), status: collab.StatusCancelled, bps: 1500},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				var before *collab.Collaboration
				if tc.from != "" {
					before = e.inState(t, tc.from)
				}
				e.clock.Advance(time.Minute)
				now := e.clock.Now()
				got, err := tc.act(t, before)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				if got.Status != tc.status || got.CommissionBps != tc.bps || !got.UpdatedAt.Equal(now) {
					t.Fatalf("returned status %s at %d bps updated %v; want %s at %d bps updated %v",
						got.Status, got.CommissionBps, got.UpdatedAt, tc.status, tc.bps, now)
				}
				stored := e.get(t, got.ID)
				if stored.Status != tc.status || stored.CommissionBps != tc.bps || !stored.UpdatedAt.Equal(now) {
					t.Fatalf("stored status %s at %d bps updated %v; want %s at %d bps", stored.Status, stored.CommissionBps, stored.UpdatedAt, tc.status, tc.bps)
				}
				if before != nil {
					if !stored.CreatedAt.Equal(before.CreatedAt) || stored.InfluencerID != before.InfluencerID ||
						!stored.StartsAt.Equal(before.StartsAt) || !stored.EndsAt.Equal(before.EndsAt) {
						t.Fatalf("a move changed more than it should: before %+v, after %+v", before, stored)
					}
				}
				if tc.check != nil {
					tc.check(t, before, stored)
				}
			})
		}
	})
}

// TestIllegalTransitions: every refused move returns a typed error and
// changes nothing at all.
func TestIllegalTransitions(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		in := func(path ...string) []string { return append([]string{"input"}, path...) }
		// moveIn returns a setup that creates a collaboration in status and
		// then tries move on it.
		moveIn := func(status string, move func(id string) error) func(t *testing.T) func() error {
			return func(t *testing.T) func() error {
				c := e.inState(t, status)
				return func() error { return move(c.ID) }
			}
		}
		approve := func(id string) error { _, err := e.svc.Approve(ctx, e.staffA, id); return err }
		reject := func(id string) error { _, err := e.svc.Reject(ctx, e.staffA, id, "no"); return err }
		counter := func(id string) error { _, err := e.svc.Counter(ctx, e.staffA, id, 700); return err }
		accept := func(id string) error { _, err := e.svc.AcceptCounter(ctx, e.inf1V, id); return err }
		cancel := func(id string) error { _, err := e.svc.Cancel(ctx, e.inf1V, id); return err }
		cancelVendor := func(id string) error { _, err := e.svc.Cancel(ctx, e.staffA, id); return err }
		requestWith := func(v kernel.Viewer, f func(in *collab.RequestInput)) func(t *testing.T) func() error {
			return func(t *testing.T) func() error {
				in := e.requestIn(e.product(t, e.vendorA, "shoes"), 1000)
				f(&in)
				return func() error { _, err := e.svc.Request(ctx, v, in); return err }
			}
		}
		bookWith := func(v kernel.Viewer, f func(in *collab.BookInput)) func(t *testing.T) func() error {
			return func(t *testing.T) func() error {
				o := e.offer(t, e.product(t, e.vendorA, "shoes"), 1000)
				in := collab.BookInput{OfferID: o.ID}
				f(&in)
				return func() error { _, err := e.svc.Book(ctx, v, in); return err }
			}
		}
		publishWith := func(f func(in *collab.PublishInput)) func(t *testing.T) func() error {
			return func(t *testing.T) func() error {
				in := collab.PublishInput{ProductID: e.product(t, e.vendorA, "shoes").ID, CommissionBps: 1000}
				f(&in)
				return func() error { _, err := e.svc.PublishOffer(ctx, e.staffA, in); return err }
			}
		}
		// expired makes a collaboration in status and moves the clock past its end.
		expired := func(status string, move func(id string) error) func(t *testing.T) func() error {
			return func(t *testing.T) func() error {
				c := e.inState(t, status)
				e.clock.Advance(c.EndsAt.Sub(e.clock.Now()))
				if got := e.status(t, c.ID); got != collab.StatusExpired {
					t.Fatalf("status after the end = %s, want EXPIRED", got)
				}
				if stored := e.get(t, c.ID).Status; stored != status {
					t.Fatalf("stored status = %s, want %s (EXPIRED is never stored)", stored, status)
				}
				return func() error { return move(c.ID) }
			}
		}
		now := func() time.Time { return e.clock.Now() }

		cases := []struct {
			name  string
			setup func(t *testing.T) func() error
			code  kernel.Code
			field []string
		}{
			// Moves from the wrong state.
			{"approve ACTIVE", moveIn(collab.StatusActive, approve), kernel.CodeInvalidState, in("id")},
			{"approve COUNTERED", moveIn(collab.StatusCountered, approve), kernel.CodeInvalidState, in("id")},
			{"approve REJECTED", moveIn(collab.StatusRejected, approve), kernel.CodeInvalidState, in("id")},
			{"approve CANCELLED", moveIn(collab.StatusCancelled, approve), kernel.CodeInvalidState, in("id")},
			{"accept a counter never made (PENDING)", moveIn(collab.StatusPending, accept), kernel.CodeInvalidState, in("id")},
			{"accept a counter on ACTIVE", moveIn(collab.StatusActive, accept), kernel.CodeInvalidState, in("id")},
			{"accept a counter on REJECTED", moveIn(collab.StatusRejected, accept), kernel.CodeInvalidState, in("id")},
			{"counter COUNTERED", moveIn(collab.StatusCountered, counter), kernel.CodeInvalidState, in("id")},
			{"counter ACTIVE", moveIn(collab.StatusActive, counter), kernel.CodeInvalidState, in("id")},
			{"counter CANCELLED", moveIn(collab.StatusCancelled, counter), kernel.CodeInvalidState, in("id")},
			{"reject ACTIVE", moveIn(collab.StatusActive, reject), kernel.CodeInvalidState, in("id")},
			{"reject REJECTED", moveIn(collab.StatusRejected, reject), kernel.CodeInvalidState, in("id")},
			{"reject CANCELLED", moveIn(collab.StatusCancelled, reject), kernel.CodeInvalidState, in("id")},
			{"cancel REJECTED", moveIn(collab.StatusRejected, cancel), kernel.CodeInvalidState, in("id")},
			{"cancel CANCELLED", moveIn(collab.StatusCancelled, cancelVendor), kernel.CodeInvalidState, in("id")},

			// Acting on an EXPIRED collaboration.
			{"approve EXPIRED (was PENDING)", expired(collab.StatusPending, approve), kernel.CodeInvalidState, in("id")},
			{"cancel EXPIRED (was PENDING)", expired(collab.StatusPending, cancel), kernel.CodeInvalidState, in("id")},
			{"cancel EXPIRED (was ACTIVE) by the vendor", expired(collab.StatusActive, cancelVendor), kernel.CodeInvalidState, in("id")},
			{"counter EXPIRED", expired(collab.StatusPending, counter), kernel.CodeInvalidState, in("id")},
			{"reject EXPIRED (was COUNTERED)", expired(collab.StatusCountered, reject), kernel.CodeInvalidState, in("id")},
			{"accept EXPIRED counter", expired(collab.StatusCountered, accept), kernel.CodeInvalidState, in("id")},

			// Offers that cannot be booked.
			{"book a withdrawn offer", func(t *testing.T) func() error {
				o := e.offer(t, e.product(t, e.vendorA, "shoes"), 1000)
				if _, err := e.svc.WithdrawOffer(ctx, e.staffA, o.ID); err != nil {
					t.Fatal(err)
				}
				return func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID}); return err }
			}, kernel.CodeInvalidState, in("offerId")},
			{"book a replaced offer", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				old := e.offer(t, p, 1000)
				e.offer(t, p, 1100)
				return func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: old.ID}); return err }
			}, kernel.CodeInvalidState, in("offerId")},
			{"book an offer not yet started", func(t *testing.T) func() error {
				o, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: e.product(t, e.vendorA, "shoes").ID,
					CommissionBps: 1000, StartsAt: ptr(now().Add(day))})
				if err != nil {
					t.Fatal(err)
				}
				return func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID}); return err }
			}, kernel.CodeInvalidState, in("offerId")},
			{"book an offer whose window is over", func(t *testing.T) func() error {
				o, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: e.product(t, e.vendorA, "shoes").ID,
					CommissionBps: 1000, EndsAt: ptr(now().Add(day))})
				if err != nil {
					t.Fatal(err)
				}
				e.clock.Advance(day)
				return func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID}); return err }
			}, kernel.CodeInvalidState, in("offerId")},
			{"book an offer on an archived product", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				o := e.offer(t, p, 1000)
				if _, err := e.catalog.Archive(ctx, e.ownerA, p.ID); err != nil {
					t.Fatal(err)
				}
				return func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID}); return err }
			}, kernel.CodeInvalidState, in("offerId")},
			{"book an unknown offer", bookWith(e.inf1V, func(in *collab.BookInput) { in.OfferID = kernel.NewID() }), kernel.CodeNotFound, in("offerId")},

			// Parties that may not collaborate.
			{"book own vendor's product as its staff", bookWith(e.staffInf, func(*collab.BookInput) {}), kernel.CodeForbidden, nil},
			{"request own vendor's product as its staff", requestWith(e.staffInf, func(*collab.RequestInput) {}), kernel.CodeForbidden, nil},
			{"book without an influencer profile", bookWith(e.stranger, func(*collab.BookInput) {}), kernel.CodeForbidden, nil},
			{"request without an influencer profile", requestWith(e.ownerB, func(*collab.RequestInput) {}), kernel.CodeForbidden, nil},
			{"book as a guest", bookWith(kernel.Viewer{}, func(*collab.BookInput) {}), kernel.CodeUnauthenticated, nil},
			{"request as a guest", requestWith(kernel.Viewer{}, func(*collab.RequestInput) {}), kernel.CodeUnauthenticated, nil},

			// Windows.
			{"request a window ending before it starts", requestWith(e.inf1V, func(in *collab.RequestInput) {
				in.StartsAt, in.EndsAt = now().Add(10*day), now().Add(5*day)
			}), kernel.CodeInvalid, in("endsAt")},
			{"request an empty window", requestWith(e.inf1V, func(in *collab.RequestInput) {
				in.StartsAt, in.EndsAt = now().Add(day), now().Add(day)
			}), kernel.CodeInvalid, in("endsAt")},
			{"request a window already over", requestWith(e.inf1V, func(in *collab.RequestInput) {
				in.StartsAt, in.EndsAt = now().Add(-10*day), now().Add(-day)
			}), kernel.CodeInvalid, in("endsAt")},
			{"request a window ending now", requestWith(e.inf1V, func(in *collab.RequestInput) {
				in.StartsAt, in.EndsAt = now().Add(-10*day), now()
			}), kernel.CodeInvalid, in("endsAt")},
			{"request a window over a year", requestWith(e.inf1V, func(in *collab.RequestInput) {
				in.StartsAt, in.EndsAt = now(), now().Add(367*day)
			}), kernel.CodeInvalid, in("endsAt")},
			{"request without a window", requestWith(e.inf1V, func(in *collab.RequestInput) {
				in.StartsAt, in.EndsAt = time.Time{}, time.Time{}
			}), kernel.CodeInvalid, in("endsAt")},
			{"book a window ending before it starts", bookWith(e.inf1V, func(in *collab.BookInput) {
				in.StartsAt, in.EndsAt = ptr(now().Add(10*day)), ptr(now().Add(5*day))
			}), kernel.CodeInvalid, in("endsAt")},
			{"book a window already over", bookWith(e.inf1V, func(in *collab.BookInput) {
				in.StartsAt, in.EndsAt = ptr(now().Add(-10*day)), ptr(now().Add(-day))
			}), kernel.CodeInvalid, in("endsAt")},
			{"book beyond the offer's window", func(t *testing.T) func() error {
				o, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: e.product(t, e.vendorA, "shoes").ID,
					CommissionBps: 1000, EndsAt: ptr(now().Add(10 * day))})
				if err != nil {
					t.Fatal(err)
				}
				return func() error {
					_, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID, EndsAt: ptr(now().Add(11 * day))})
					return err
				}
			}, kernel.CodeInvalid, in("endsAt")},

			// Rates.
			{"request at 0 bps", requestWith(e.inf1V, func(in *collab.RequestInput) { in.CommissionBps = 0 }), kernel.CodeInvalid, in("commissionBps")},
			{"request at 99 bps", requestWith(e.inf1V, func(in *collab.RequestInput) { in.CommissionBps = 99 }), kernel.CodeInvalid, in("commissionBps")},
			{"request at 9000 bps", requestWith(e.inf1V, func(in *collab.RequestInput) { in.CommissionBps = 9000 }), kernel.CodeInvalid, in("commissionBps")},
			{"request at 8001 bps", requestWith(e.inf1V, func(in *collab.RequestInput) { in.CommissionBps = 8001 }), kernel.CodeInvalid, in("commissionBps")},
			{"request at a negative rate", requestWith(e.inf1V, func(in *collab.RequestInput) { in.CommissionBps = -500 }), kernel.CodeInvalid, in("commissionBps")},
			{"counter at 0 bps", moveIn(collab.StatusPending, func(id string) error { _, err := e.svc.Counter(ctx, e.staffA, id, 0); return err }), kernel.CodeInvalid, in("commissionBps")},
			{"counter at 99 bps", moveIn(collab.StatusPending, func(id string) error { _, err := e.svc.Counter(ctx, e.staffA, id, 99); return err }), kernel.CodeInvalid, in("commissionBps")},
			{"counter at 9000 bps", moveIn(collab.StatusPending, func(id string) error { _, err := e.svc.Counter(ctx, e.staffA, id, 9000); return err }), kernel.CodeInvalid, in("commissionBps")},
			{"counter at the requested rate", moveIn(collab.StatusPending, func(id string) error { _, err := e.svc.Counter(ctx, e.staffA, id, 1200); return err }), kernel.CodeInvalid, in("commissionBps")},
			{"offerPublish at 0 bps", publishWith(func(in *collab.PublishInput) { in.CommissionBps = 0 }), kernel.CodeInvalid, in("commissionBps")},
			{"offerPublish at 99 bps", publishWith(func(in *collab.PublishInput) { in.CommissionBps = 99 }), kernel.CodeInvalid, in("commissionBps")},
			{"offerPublish at 9000 bps", publishWith(func(in *collab.PublishInput) { in.CommissionBps = 9000 }), kernel.CodeInvalid, in("commissionBps")},
			{"offerPublish ending before it starts", publishWith(func(in *collab.PublishInput) {
				in.StartsAt, in.EndsAt = ptr(now().Add(2*day)), ptr(now().Add(day))
			}), kernel.CodeInvalid, in("endsAt")},
			{"offerPublish ending in the past", publishWith(func(in *collab.PublishInput) { in.EndsAt = ptr(now().Add(-time.Second)) }), kernel.CodeInvalid, in("endsAt")},
			{"offerPublish on an archived product", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				if _, err := e.catalog.Archive(ctx, e.ownerA, p.ID); err != nil {
					t.Fatal(err)
				}
				return func() error {
					_, err := e.svc.PublishOffer(ctx, e.staffA, collab.PublishInput{ProductID: p.ID, CommissionBps: 1000})
					return err
				}
			}, kernel.CodeInvalidState, in("productId")},
			{"offerPublish on an unknown product", publishWith(func(in *collab.PublishInput) { in.ProductID = kernel.NewID() }), kernel.CodeNotFound, in("productId")},
			{"withdraw an offer twice", func(t *testing.T) func() error {
				o := e.offer(t, e.product(t, e.vendorA, "shoes"), 1000)
				if _, err := e.svc.WithdrawOffer(ctx, e.staffA, o.ID); err != nil {
					t.Fatal(err)
				}
				return func() error { _, err := e.svc.WithdrawOffer(ctx, e.staffA, o.ID); return err }
			}, kernel.CodeInvalidState, in("offerId")},
			{"withdraw a replaced offer", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				old := e.offer(t, p, 1000)
				e.offer(t, p, 1100)
				return func() error { _, err := e.svc.WithdrawOffer(ctx, e.staffA, old.ID); return err }
			}, kernel.CodeInvalidState, in("offerId")},
			{"withdraw an unknown offer", func(t *testing.T) func() error {
				return func() error { _, err := e.svc.WithdrawOffer(ctx, e.staffA, kernel.NewID()); return err }
			}, kernel.CodeNotFound, in("offerId")},

			// Reasons and messages.
			{"reject with an empty reason", moveIn(collab.StatusPending, func(id string) error { _, err := e.svc.Reject(ctx, e.staffA, id, ""); return err }), kernel.CodeRequired, in("reason")},
			{"reject with a blank reason", moveIn(collab.StatusCountered, func(id string) error { _, err := e.svc.Reject(ctx, e.staffA, id, " \t\n "); return err }), kernel.CodeRequired, in("reason")},
			{"reject with a reason too long", moveIn(collab.StatusPending, func(id string) error {
				_, err := e.svc.Reject(ctx, e.staffA, id, strings.Repeat("r", collab.MaxReasonLen+1))
				return err
			}), kernel.CodeTooLong, in("reason")},
			{"request with a message too long", requestWith(e.inf1V, func(in *collab.RequestInput) {
				in.Message = strings.Repeat("m", collab.MaxMessageLen+1)
			}), kernel.CodeTooLong, in("message")},

			// One open collaboration per influencer and product.
			{"request while PENDING on the same product", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				e.request(t, e.inf1V, p, 1000)
				return func() error { _, err := e.svc.Request(ctx, e.inf1V, e.requestIn(p, 1500)); return err }
			}, kernel.CodeAlreadyExists, nil},
			{"request while COUNTERED on the same product", func(t *testing.T) func() error {
				c := e.inState(t, collab.StatusCountered)
				return func() error {
					_, err := e.svc.Request(ctx, e.inf1V, e.requestIn(&catalog.Product{ID: c.ProductID}, 1500))
					return err
				}
			}, kernel.CodeAlreadyExists, nil},
			{"book while ACTIVE on the same product", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				o := e.offer(t, p, 1000)
				e.book(t, e.inf1V, o)
				return func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID}); return err }
			}, kernel.CodeAlreadyExists, nil},
			{"book while PENDING on the same product", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				o := e.offer(t, p, 1000)
				e.request(t, e.inf1V, p, 1500)
				return func() error { _, err := e.svc.Book(ctx, e.inf1V, collab.BookInput{OfferID: o.ID}); return err }
			}, kernel.CodeAlreadyExists, nil},
			{"request while ACTIVE on the same product", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				e.book(t, e.inf1V, e.offer(t, p, 1000))
				return func() error { _, err := e.svc.Request(ctx, e.inf1V, e.requestIn(p, 1500)); return err }
			}, kernel.CodeAlreadyExists, nil},
			{"request on an archived product", func(t *testing.T) func() error {
				p := e.product(t, e.vendorA, "shoes")
				if _, err := e.catalog.Archive(ctx, e.ownerA, p.ID); err != nil {
					t.Fatal(err)
				}
				return func() error { _, err := e.svc.Request(ctx, e.inf1V, e.requestIn(p, 1500)); return err }
			}, kernel.CodeInvalidState, in("productId")},
			{"request an unknown product", requestWith(e.inf1V, func(in *collab.RequestInput) { in.ProductID = kernel.NewID() }), kernel.CodeNotFound, in("productId")},

			// Malformed and unknown ids.
			{"approve a malformed id", moveIn(collab.StatusPending, func(string) error { _, err := e.svc.Approve(ctx, e.staffA, "not-an-id"); return err }), kernel.CodeInvalid, in("id")},
			{"approve an upper-case id", moveIn(collab.StatusPending, func(id string) error {
				_, err := e.svc.Approve(ctx, e.staffA, strings.ToUpper(id))
				return err
			}), kernel.CodeInvalid, in("id")},
			{"approve an empty id", moveIn(collab.StatusPending, func(string) error { _, err := e.svc.Approve(ctx, e.staffA, ""); return err }), kernel.CodeRequired, in("id")},
			{"approve an unknown id", moveIn(collab.StatusPending, func(string) error { _, err := e.svc.Approve(ctx, e.staffA, kernel.NewID()); return err }), kernel.CodeNotFound, in("id")},
			{"reject a malformed id", moveIn(collab.StatusPending, func(string) error {
				_, err := e.svc.Reject(ctx, e.staffA, "x'; DROP TABLE collaborations; --", "no")
				return err
			}), kernel.CodeInvalid, in("id")},
			{"counter a malformed id", moveIn(collab.StatusPending, func(string) error { _, err := e.svc.Counter(ctx, e.staffA, "123", 900); return err }), kernel.CodeInvalid, in("id")},
			{"accept a malformed id", moveIn(collab.StatusCountered, func(string) error { _, err := e.svc.AcceptCounter(ctx, e.inf1V, "zzz"); return err }), kernel.CodeInvalid, in("id")},
			{"cancel a malformed id", moveIn(collab.StatusActive, func(string) error {
				_, err := e.svc.Cancel(ctx, e.inf1V, "00000000-0000-0000-0000-00000000000")
				return err
			}), kernel.CodeInvalid, in("id")},
			{"book a malformed offer id", bookWith(e.inf1V, func(in *collab.BookInput) { in.OfferID = "offer-1" }), kernel.CodeInvalid, in("offerId")},
			{"book an empty offer id", bookWith(e.inf1V, func(in *collab.BookInput) { in.OfferID = "" }), kernel.CodeRequired, in("offerId")},
			{"request a malformed product id", requestWith(e.inf1V, func(in *collab.RequestInput) { in.ProductID = "product-1" }), kernel.CodeInvalid, in("productId")},
			{"offerPublish a malformed product id", publishWith(func(in *collab.PublishInput) { in.ProductID = "nope" }), kernel.CodeInvalid, in("productId")},
			{"withdraw a malformed offer id", func(t *testing.T) func() error {
				return func() error { _, err := e.svc.WithdrawOffer(ctx, e.staffA, "nope"); return err }
			}, kernel.CodeInvalid, in("offerId")},
			{"move as a guest", moveIn(collab.StatusPending, func(id string) error { _, err := e.svc.Cancel(ctx, kernel.Viewer{}, id); return err }), kernel.CodeUnauthenticated, nil},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				act := tc.setup(t)
				unchanged(t, db, func() { wantErr(t, act(), tc.code, tc.field...) })
			})
		}
	})
}
