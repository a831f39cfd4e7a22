package collab_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/bus"
	"github.com/livemarket/livemarket/internal/testkit"
)

var ctx = context.Background()

const day = 24 * time.Hour

// env is a marketplace with two vendors — A (owner ownerA, staff staffA and
// staffInf, who is also an influencer) and B (owner ownerB) — two influencers
// inf1 and inf2, a stranger and an admin.
type env struct {
	db          *bun.DB
	clock       *kernel.ManualClock
	accounts    *account.Service
	vendors     *vendor.Service
	influencers *influencer.Service
	catalog     *catalog.Service
	bus         bus.Notifications
	notes       *notify.Service
	svc         *collab.Service

	ownerA, staffA, staffInf, ownerB, stranger, admin, inf1V, inf2V kernel.Viewer
	vendorA, vendorB                                                *vendor.Vendor
	inf1, inf2, infStaff                                            *influencer.Influencer

	skus atomic.Int64
}

func newEnv(t *testing.T, db *bun.DB) *env {
	t.Helper()
	clock := kernel.NewManualClock(testkit.Epoch)
	accounts := account.NewService(db, clock, account.Options{Hash: testkit.FastHash})
	vendors := vendor.NewService(db, clock, accounts)
	b := bus.NewNotifications()
	notes := notify.NewService(db, clock, b, nil)
	e := &env{
		db: db, clock: clock, accounts: accounts, vendors: vendors,
		influencers: influencer.NewService(db, clock), catalog: catalog.NewService(db, clock, vendors),
		bus: b, notes: notes,
		svc: collab.NewService(db, clock, notes, collab.Options{DefaultPlatformFeeBps: 500}),
	}
	e.ownerA = e.user(t, "owner-a@example.com")
	e.staffA = e.user(t, "staff-a@example.com")
	e.staffInf = e.user(t, "staff-inf@example.com")
	e.ownerB = e.user(t, "owner-b@example.com")
	e.stranger = e.user(t, "stranger@example.com")
	e.admin = e.user(t, "admin@example.com")
	e.admin.IsAdmin = true
	e.inf1V = e.user(t, "inf1@example.com")
	e.inf2V = e.user(t, "inf2@example.com")
	var err error
	if e.vendorA, err = vendors.Create(ctx, e.ownerA, vendor.CreateInput{Name: "Vendor A", Slug: "vendor-a"}); err != nil {
		t.Fatal(err)
	}
	if e.vendorB, err = vendors.Create(ctx, e.ownerB, vendor.CreateInput{Name: "Vendor B", Slug: "vendor-b"}); err != nil {
		t.Fatal(err)
	}
	for _, email := range []string{"staff-a@example.com", "staff-inf@example.com"} {
		if _, err := vendors.AddStaff(ctx, e.ownerA, e.vendorA.ID, email); err != nil {
			t.Fatal(err)
		}
	}
	e.inf1 = e.profile(t, e.inf1V, "inf_one")
	e.inf2 = e.profile(t, e.inf2V, "inf_two")
	e.infStaff = e.profile(t, e.staffInf, "staff_host")
	return e
}

func (e *env) user(t *testing.T, email string) kernel.Viewer {
	t.Helper()
	a, err := e.accounts.SignUp(ctx, account.SignUpInput{Email: email, Password: testkit.Password, DisplayName: email})
	if err != nil {
		t.Fatalf("SignUp(%s): %v", email, err)
	}
	return kernel.Viewer{UserID: a.User.ID}
}

func (e *env) profile(t *testing.T, v kernel.Viewer, handle string) *influencer.Influencer {
	t.Helper()
	inf, err := e.influencers.CreateProfile(ctx, v, influencer.CreateInput{Handle: handle, DisplayName: handle})
	if err != nil {
		t.Fatalf("CreateProfile(%s): %v", handle, err)
	}
	return inf
}

// product makes a fresh product of vendor vd in category.
func (e *env) product(t *testing.T, vd *vendor.Vendor, category string) *catalog.Product {
	t.Helper()
	owner := e.ownerA
	if vd.ID == e.vendorB.ID {
		owner = e.ownerB
	}
	sku := fmt.Sprintf("SKU-%04d", e.skus.Add(1))
	p, err := e.catalog.Create(ctx, owner, catalog.CreateInput{
		VendorID: vd.ID, Title: "Product " + sku, Description: "A fine product.", Category: category,
		Price: kernel.Money{AmountMinor: 1999, Currency: "USD"}, Stock: 10, SKU: sku,
	})
	if err != nil {
		t.Fatalf("product: %v", err)
	}
	return p
}

// offer publishes an open offer as the product vendor's owner.
func (e *env) offer(t *testing.T, p *catalog.Product, bps int) *collab.Offer {
	t.Helper()
	o, err := e.svc.PublishOffer(ctx, e.ownerOf(p), collab.PublishInput{ProductID: p.ID, CommissionBps: bps})
	if err != nil {
		t.Fatalf("PublishOffer(%d): %v", bps, err)
	}
	return o
}

func (e *env) ownerOf(p *catalog.Product) kernel.Viewer {
	if p.VendorID == e.vendorB.ID {
		return e.ownerB
	}
	return e.ownerA
}

func (e *env) book(t *testing.T, v kernel.Viewer, o *collab.Offer) *collab.Collaboration {
	t.Helper()
	c, err := e.svc.Book(ctx, v, collab.BookInput{OfferID: o.ID})
	if err != nil {
		t.Fatalf("Book: %v", err)
	}
	return c
}

// requestIn is a valid request: from an hour from now for 30 days.
func (e *env) requestIn(p *catalog.Product, bps int) collab.RequestInput {
	now := e.clock.Now()
	return collab.RequestInput{ProductID: p.ID, CommissionBps: bps, StartsAt: now.Add(time.Hour), EndsAt: now.Add(30 * day), Message: "Let's work together"}
}

func (e *env) request(t *testing.T, v kernel.Viewer, p *catalog.Product, bps int) *collab.Collaboration {
	t.Helper()
	c, err := e.svc.Request(ctx, v, e.requestIn(p, bps))
	if err != nil {
		t.Fatalf("Request(%d): %v", bps, err)
	}
	return c
}

// get reloads a collaboration from the database.
func (e *env) get(t *testing.T, id string) *collab.Collaboration {
	t.Helper()
	m, err := collab.ByIDs(ctx, e.db, []string{id})
	if err != nil || m[id] == nil {
		t.Fatalf("ByIDs(%s) = %v, %v", id, m, err)
	}
	return m[id]
}

func (e *env) status(t *testing.T, id string) string {
	t.Helper()
	return e.get(t, id).StatusAt(e.clock.Now())
}

// inState makes a collaboration of inf1 on a fresh product of vendor A in
// the given stored status (through the service).
func (e *env) inState(t *testing.T, status string) *collab.Collaboration {
	t.Helper()
	p := e.product(t, e.vendorA, "shoes")
	if status == collab.StatusActive {
		return e.book(t, e.inf1V, e.offer(t, p, 1500))
	}
	c := e.request(t, e.inf1V, p, 1200)
	var err error
	switch status {
	case collab.StatusPending:
	case collab.StatusCountered:
		_, err = e.svc.Counter(ctx, e.staffA, c.ID, 900)
	case collab.StatusRejected:
		_, err = e.svc.Reject(ctx, e.staffA, c.ID, "not this season")
	case collab.StatusCancelled:
		_, err = e.svc.Cancel(ctx, e.inf1V, c.ID)
	default:
		t.Fatalf("inState(%s)", status)
	}
	if err != nil {
		t.Fatalf("inState(%s): %v", status, err)
	}
	if got := e.status(t, c.ID); got != status {
		t.Fatalf("inState(%s) made %s", status, got)
	}
	return e.get(t, c.ID)
}

// wantErr checks err is the expected typed failure: kernel.ErrForbidden for
// CodeForbidden (sentinel or ValidationError), else a ValidationError with
// code on field.
func wantErr(t *testing.T, err error, code kernel.Code, field ...string) {
	t.Helper()
	if code == kernel.CodeForbidden {
		if !errors.Is(err, kernel.ErrForbidden) {
			t.Fatalf("want ErrForbidden, got %v", err)
		}
		return
	}
	if code == kernel.CodeUnauthenticated {
		if !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("want ErrUnauthenticated, got %v", err)
		}
		return
	}
	var ve *kernel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want ValidationError %s on %v, got %v", code, field, err)
	}
	for _, fe := range ve.Errors {
		if fe.Code == code && reflect.DeepEqual(fe.Field, field) && fe.Message != "" {
			return
		}
	}
	t.Fatalf("want %s on %v, got %+v", code, field, ve.Errors)
}

// unchanged runs fn and fails if any application table changed.
func unchanged(t *testing.T, db *bun.DB, fn func()) {
	t.Helper()
	before := testkit.Snapshot(t, db)
	fn()
	if after := testkit.Snapshot(t, db); after != before {
		t.Fatalf("refused call changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func ptr[T any](v T) *T { return &v }

func page(n int) kernel.PageRequest { return kernel.PageRequest{First: n} }

// ids returns the ids of cs in order.
func ids(cs []*collab.Collaboration) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// listIDs lists everything viewer sees with filter f (one big page).
func (e *env) listIDs(t *testing.T, v kernel.Viewer, f collab.Filter) []string {
	t.Helper()
	pg, err := e.svc.List(ctx, v, f, page(kernel.MaxPageSize))
	if err != nil {
		t.Fatalf("List(%+v): %v", f, err)
	}
	if pg.TotalCount != len(pg.Items) {
		t.Fatalf("List TotalCount %d, %d items", pg.TotalCount, len(pg.Items))
	}
	return ids(pg.Items)
}

// notes lists the user's notifications, newest first.
func (e *env) notesOf(t *testing.T, v kernel.Viewer) []*notify.Notification {
	t.Helper()
	pg, err := e.notes.List(ctx, v, false, page(kernel.MaxPageSize))
	if err != nil {
		t.Fatal(err)
	}
	return pg.Items
}

// sameIDs compares id lists as sets.
func sameIDs(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	m := map[string]int{}
	for _, id := range got {
		m[id]++
	}
	for _, id := range want {
		m[id]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}
