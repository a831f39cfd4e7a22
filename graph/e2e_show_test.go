package graph_test

import (
	"context"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/testkit"
)

const createShow = `mutation($in: ShowCreateInput!){ showCreate(input:$in){
	show{ id status title category host{ handle } scheduledStart scheduledEnd
		featuredProducts{ position product{ id vendor{ id } } collaboration{ id commissionBps } } }
	errors{ code field message } } }`

// showMarket extends market with a second vendor, so shows feature products
// from several vendors, and ACTIVE collaborations on both products.
type showMarket struct {
	*market
	owner2, vendor2ID, product2ID string
	collab1, collab2              string
}

func newShowMarket(t *testing.T, s *testkit.Server) *showMarket {
	t.Helper()
	m := &showMarket{market: newMarket(t, s)}
	m.owner2, _ = s.SignUp(t, "owner2@example.com", "Owner Two")
	m.vendor2ID = newVendor(t, s, m.owner2, "second-co")
	m.product2ID = newProduct(t, s, m.owner2, m.vendor2ID, "HP-1", 5)
	m.collab1 = m.approved(t, m.owner, m.productID, 1500)
	m.collab2 = m.approved(t, m.owner2, m.product2ID, 1000)
	return m
}

// approved requests a collaboration for 30 days from now and has the vendor approve it.
func (m *showMarket) approved(t *testing.T, owner, productID string, bps int) string {
	t.Helper()
	now := m.s.Clock.Now()
	var rq struct {
		CollaborationRequest struct{ Collaboration struct{ ID string } }
	}
	m.s.MustDo(t, m.host, requestCollab, map[string]any{"in": map[string]any{"productId": productID, "commissionBps": bps,
		"startsAt": now.Format(time.RFC3339), "endsAt": now.Add(30 * 24 * time.Hour).Format(time.RFC3339)}}, &rq)
	id := rq.CollaborationRequest.Collaboration.ID
	var ap struct {
		CollaborationApprove struct{ Errors []userError }
	}
	m.s.MustDo(t, owner, `mutation($id: ID!){ collaborationApprove(input:{id:$id}){ errors{ code field message } } }`, map[string]any{"id": id}, &ap)
	if id == "" || len(ap.CollaborationApprove.Errors) > 0 {
		t.Fatalf("approve: %+v", ap.CollaborationApprove.Errors)
	}
	return id
}

func (m *showMarket) showInput(start time.Time, hours int, products ...string) map[string]any {
	return map[string]any{"title": "Friday glow-up", "description": "Lipstick and headphones", "category": "Beauty",
		"scheduledStart": start.Format(time.RFC3339), "scheduledEnd": start.Add(time.Duration(hours) * time.Hour).Format(time.RFC3339),
		"productIds": append([]string{}, products...)}
}

func TestShowLifecycleAcrossVendors(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m := newShowMarket(t, s)
		start := s.Clock.Now().Add(48 * time.Hour)

		var cr struct {
			ShowCreate struct {
				Show *struct {
					ID, Status, Category string
					Host                 struct{ Handle string }
					FeaturedProducts     []struct {
						Position int
						Product  struct {
							ID     string
							Vendor struct{ ID string }
						}
						Collaboration struct {
							ID            string
							CommissionBps int
						}
					}
				}
				Errors []userError
			}
		}
		s.MustDo(t, m.host, createShow, map[string]any{"in": m.showInput(start, 2, m.productID, m.product2ID)}, &cr)
		sh := cr.ShowCreate.Show
		if sh == nil || sh.Status != "DRAFT" || sh.Category != "beauty" || sh.Host.Handle != "host" || len(sh.FeaturedProducts) != 2 {
			t.Fatalf("showCreate: %+v", cr.ShowCreate)
		}
		fp := sh.FeaturedProducts
		if fp[0].Product.Vendor.ID != m.vendorID || fp[1].Product.Vendor.ID != m.vendor2ID || fp[0].Collaboration.ID != m.collab1 ||
			fp[1].Collaboration.CommissionBps != 1000 || fp[1].Position != 1 {
			t.Fatalf("featured: %+v", fp)
		}

		// Drafts are the host's alone.
		list := func(token, filter string) int {
			var out struct{ Shows struct{ TotalCount int } }
			s.MustDo(t, token, `query{ shows`+filter+`{ totalCount } }`, nil, &out)
			return out.Shows.TotalCount
		}
		var got struct{ Show *struct{ ID string } }
		s.MustDo(t, m.stranger, `query($id: ID!){ show(id:$id){ id } }`, map[string]any{"id": sh.ID}, &got)
		if got.Show != nil || list(m.stranger, "") != 0 || list(m.host, `(filter:{status:[DRAFT]})`) != 1 || list(m.stranger, `(filter:{status:[DRAFT]})`) != 0 {
			t.Fatal("a draft is visible to others")
		}

		var pub struct {
			ShowPublish struct {
				Show   struct{ Status string }
				Errors []userError
			}
		}
		s.MustDo(t, m.host, `mutation($id: ID!){ showPublish(input:{id:$id}){ show{ status } errors{ code field message } } }`, map[string]any{"id": sh.ID}, &pub)
		if pub.ShowPublish.Show.Status != "SCHEDULED" {
			t.Fatalf("publish: %+v", pub.ShowPublish)
		}
		if list("", "") != 1 || list("", `(filter:{vendorId:"`+m.vendor2ID+`"})`) != 1 || list("", `(filter:{category:"home"})`) != 0 {
			t.Fatal("published show not listed as expected")
		}

		// Shoppers ask to be reminded; twice counts once.
		for i := 0; i < 2; i++ {
			s.MustDo(t, m.stranger, `mutation($id: ID!){ showRemindMe(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": sh.ID}, nil)
		}
		var rem struct {
			Show struct {
				ReminderCount     int
				ViewerHasReminder bool
			}
		}
		s.MustDo(t, m.stranger, `query($id: ID!){ show(id:$id){ reminderCount viewerHasReminder } }`, map[string]any{"id": sh.ID}, &rem)
		if rem.Show.ReminderCount != 1 || !rem.Show.ViewerHasReminder {
			t.Fatalf("reminders: %+v", rem.Show)
		}
		s.MustDo(t, m.stranger, `mutation($id: ID!){ showReminderCancel(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": sh.ID}, nil)
		s.MustDo(t, m.stranger, `query($id: ID!){ show(id:$id){ reminderCount viewerHasReminder } }`, map[string]any{"id": sh.ID}, &rem)
		if rem.Show.ReminderCount != 0 || rem.Show.ViewerHasReminder {
			t.Fatalf("after cancel: %+v", rem.Show)
		}

		// Reschedule within the collaborations' window works; past it does not.
		const reschedule = `mutation($id: ID!, $s: Time!, $e: Time!){ showReschedule(input:{id:$id, scheduledStart:$s, scheduledEnd:$e}){
			show{ scheduledStart } errors{ code field message } } }`
		later := start.Add(24 * time.Hour)
		var rs struct {
			ShowReschedule struct {
				Show   *struct{ ScheduledStart time.Time }
				Errors []userError
			}
		}
		s.MustDo(t, m.host, reschedule, map[string]any{"id": sh.ID, "s": later.Format(time.RFC3339), "e": later.Add(time.Hour).Format(time.RFC3339)}, &rs)
		if rs.ShowReschedule.Show == nil || !rs.ShowReschedule.Show.ScheduledStart.Equal(later) {
			t.Fatalf("reschedule: %+v", rs.ShowReschedule)
		}
		tooLate := start.Add(40 * 24 * time.Hour)
		s.MustDo(t, m.host, reschedule, map[string]any{"id": sh.ID, "s": tooLate.Format(time.RFC3339), "e": tooLate.Add(time.Hour).Format(time.RFC3339)}, &rs)
		if rs.ShowReschedule.Show != nil || len(rs.ShowReschedule.Errors) != 2 || rs.ShowReschedule.Errors[0].Code != "INVALID" ||
			rs.ShowReschedule.Errors[0].Field[1] != "productIds" {
			t.Fatalf("reschedule past the collaborations: %+v", rs.ShowReschedule)
		}

		// A LIVE show cannot be rescheduled (going live arrives with the LiveKit work; set it directly).
		if _, err := db.NewUpdate().Table("shows").Set("status = 'LIVE'").Where("id = ?", sh.ID).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
		s.MustDo(t, m.host, reschedule, map[string]any{"id": sh.ID, "s": later.Format(time.RFC3339), "e": later.Add(time.Hour).Format(time.RFC3339)}, &rs)
		if len(rs.ShowReschedule.Errors) != 1 || rs.ShowReschedule.Errors[0].Code != "INVALID_STATE" {
			t.Fatalf("reschedule a LIVE show: %+v", rs.ShowReschedule)
		}

		// The influencer's page lists the show.
		var inf struct {
			Influencer struct {
				Shows struct {
					Edges []struct{ Node struct{ ID, Status string } }
				}
			}
		}
		s.MustDo(t, "", `{ influencer(handle:"host"){ shows{ edges{ node{ id status } } } } }`, nil, &inf)
		if len(inf.Influencer.Shows.Edges) != 1 || inf.Influencer.Shows.Edges[0].Node.Status != "LIVE" {
			t.Fatalf("influencer shows: %+v", inf.Influencer.Shows)
		}
	})
}

// TestShowValidationChangesNothing: each refused create or edit is a typed
// UserError and leaves the database as it was.
func TestShowValidationChangesNothing(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m := newShowMarket(t, s)
		now := s.Clock.Now()
		start := now.Add(48 * time.Hour)
		var cr struct {
			ShowCreate struct{ Show struct{ ID string } }
		}
		s.MustDo(t, m.host, createShow, map[string]any{"in": m.showInput(start, 2, m.productID)}, &cr)
		showID := cr.ShowCreate.Show.ID
		unbooked := newProduct(t, s, m.owner, m.vendorID, "NOCOLLAB-1", 3)
		before := testkit.Snapshot(t, db)

		endBeforeStart := m.showInput(start, 2, m.productID)
		endBeforeStart["scheduledEnd"] = start.Add(-time.Hour).Format(time.RFC3339)
		cases := []struct {
			name, token string
			in          map[string]any
			code        string
			field       []string
		}{
			{"product without a collaboration", m.host, m.showInput(start, 2, m.productID, unbooked), "INVALID", []string{"input", "productIds", "1"}},
			{"window beyond the collaboration", m.host, m.showInput(now.Add(29*24*time.Hour+23*time.Hour), 2, m.productID), "INVALID", []string{"input", "productIds", "0"}},
			{"end before start", m.host, endBeforeStart, "INVALID", []string{"input", "scheduledEnd"}},
			{"start in the past", m.host, m.showInput(now.Add(-time.Hour), 2, m.productID), "INVALID", []string{"input", "scheduledStart"}},
			{"longer than 12 hours", m.host, m.showInput(start, 13, m.productID), "INVALID", []string{"input", "scheduledEnd"}},
			{"no products", m.host, m.showInput(start, 2), "REQUIRED", []string{"input", "productIds"}},
			{"the same product twice", m.host, m.showInput(start, 2, m.productID, m.productID), "INVALID", []string{"input", "productIds", "1"}},
			{"not an influencer", m.stranger, m.showInput(start, 2, m.productID), "FORBIDDEN", nil},
			{"another influencer's collaboration", m.owner, m.showInput(start, 2, m.productID), "FORBIDDEN", nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := s.Do(t, c.token, createShow, map[string]any{"in": c.in})
				errs := payloadErrors(t, r, "showCreate")
				if len(r.Errors) > 0 || len(errs) == 0 || errs[0].Code != c.code || !equalPath(errs[0].Field, c.field) {
					t.Fatalf("errors = %+v %+v, want %s at %v", r.Errors, errs, c.code, c.field)
				}
			})
		}
		if after := testkit.Snapshot(t, db); after != before {
			t.Fatalf("refused show creations altered the database")
		}
		// Someone else's influencer profile cannot edit the host's show.
		var other struct{ InfluencerProfileCreate struct{ Errors []userError } }
		s.MustDo(t, m.stranger, `mutation{ influencerProfileCreate(input:{handle:"rival", displayName:"Rival"}){ errors{ code } } }`, nil, &other)
		before = testkit.Snapshot(t, db)
		for _, mut := range []string{
			`mutation($id: ID!){ showUpdate(input:{id:$id, title:"Mine"}){ show{ id } errors{ code field message } } }`,
			`mutation($id: ID!){ showPublish(input:{id:$id}){ show{ id } errors{ code field message } } }`,
			`mutation($id: ID!){ showCancel(input:{id:$id}){ show{ id } errors{ code field message } } }`,
		} {
			r := s.Do(t, m.stranger, mut, map[string]any{"id": showID})
			var data map[string]struct{ Errors []userError }
			r.Decode(t, &data)
			for _, p := range data {
				// A draft is invisible to others: NOT_FOUND, not FORBIDDEN.
				if len(p.Errors) != 1 || p.Errors[0].Code != "NOT_FOUND" {
					t.Fatalf("non-host on a draft: %+v", p.Errors)
				}
			}
		}
		if after := testkit.Snapshot(t, db); after != before {
			t.Fatalf("refused edits of a draft altered the database")
		}
		s.MustDo(t, m.host, `mutation($id: ID!){ showPublish(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": showID}, nil)
		before = testkit.Snapshot(t, db)
		r := s.Do(t, m.stranger, `mutation($id: ID!){ showUpdate(input:{id:$id, title:"Mine"}){ show{ id } errors{ code field message } } }`, map[string]any{"id": showID})
		if errs := payloadErrors(t, r, "showUpdate"); len(errs) != 1 || errs[0].Code != "FORBIDDEN" {
			t.Fatalf("non-host on a published show: %+v", errs)
		}
		if after := testkit.Snapshot(t, db); after != before {
			t.Fatalf("refused show changes altered the database")
		}
	})
}

func equalPath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
