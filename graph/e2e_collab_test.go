package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket/wsjson"
	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/bus"
	"github.com/livemarket/livemarket/internal/testkit"
)

// market is a small marketplace made through the API: a vendor with an owner
// and a product, an influencer, and a stranger.
type market struct {
	s                                 *testkit.Server
	owner, host, stranger             string // tokens
	ownerID, hostID                   string
	vendorID, productID, influencerID string
}

func newMarket(t *testing.T, s *testkit.Server) *market {
	t.Helper()
	m := &market{s: s}
	m.owner, m.ownerID = s.SignUp(t, "owner@example.com", "Owner")
	m.host, m.hostID = s.SignUp(t, "host@example.com", "Host")
	m.stranger, _ = s.SignUp(t, "stranger@example.com", "Stranger")
	m.vendorID = newVendor(t, s, m.owner, "collab-co")
	m.productID = newProduct(t, s, m.owner, m.vendorID, "LIP-1", 10)
	var out struct {
		InfluencerProfileCreate struct {
			Influencer struct{ ID string }
			Errors     []userError
		}
	}
	s.MustDo(t, m.host, `mutation{ influencerProfileCreate(input:{handle:"host", displayName:"Host"}){ influencer{ id } errors{ code field message } } }`, nil, &out)
	if len(out.InfluencerProfileCreate.Errors) > 0 {
		t.Fatal(out.InfluencerProfileCreate.Errors)
	}
	m.influencerID = out.InfluencerProfileCreate.Influencer.ID
	return m
}

const requestCollab = `mutation($in: CollaborationRequestInput!){ collaborationRequest(input:$in){
	collaboration{ id status commissionBps } errors{ code field message } } }`

func (m *market) request(t *testing.T, bps int) string {
	t.Helper()
	now := m.s.Clock.Now()
	var out struct {
		CollaborationRequest struct {
			Collaboration *struct{ ID, Status string }
			Errors        []userError
		}
	}
	m.s.MustDo(t, m.host, requestCollab, map[string]any{"in": map[string]any{"productId": m.productID, "commissionBps": bps,
		"startsAt": now.Add(24 * time.Hour).Format(time.RFC3339), "endsAt": now.Add(30 * 24 * time.Hour).Format(time.RFC3339),
		"message": "Friday show?"}}, &out)
	if out.CollaborationRequest.Collaboration == nil || out.CollaborationRequest.Collaboration.Status != "PENDING" {
		t.Fatalf("request: %+v", out.CollaborationRequest)
	}
	return out.CollaborationRequest.Collaboration.ID
}

// TestNotificationReachesWebsocketSubscriber subscribes the vendor owner to
// notificationReceived over graphql-transport-ws, has the influencer request
// a collaboration over HTTP, and expects the notification on the socket; then
// the owner approves and the influencer's socket gets the approval.
func TestNotificationReachesWebsocketSubscriber(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m := newMarket(t, s)
		const sub = `subscription { notificationReceived { id kind title body subjectId readAt createdAt } }`
		subscribe := func(token string) func() map[string]any {
			c, ack := wsSession(t, s, map[string]any{"authToken": token})
			if ack["type"] != "connection_ack" {
				t.Fatalf("connection_init: %v", ack)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			t.Cleanup(cancel)
			if err := wsjson.Write(ctx, c, map[string]any{"id": "n", "type": "subscribe", "payload": map[string]any{"query": sub}}); err != nil {
				t.Fatal(err)
			}
			return func() map[string]any {
				var msg struct {
					ID, Type string
					Payload  struct {
						Data   map[string]map[string]any
						Errors []any
					}
				}
				rctx, rcancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer rcancel()
				if err := wsjson.Read(rctx, c, &msg); err != nil {
					t.Fatalf("no notification within 5s: %v", err)
				}
				if msg.Type != "next" || msg.ID != "n" || len(msg.Payload.Errors) > 0 {
					t.Fatalf("unexpected message: %+v", msg)
				}
				return msg.Payload.Data["notificationReceived"]
			}
		}
		ownerNext := subscribe(m.owner)
		hostNext := subscribe(m.host)
		waitForSubscribers(t, s, 2)

		id := m.request(t, 1500)
		n := ownerNext()
		if n["kind"] != "collaboration.requested" || n["subjectId"] != id || n["readAt"] != nil || n["title"] == "" {
			t.Fatalf("owner got %v", n)
		}

		var ap struct {
			CollaborationApprove struct {
				Collaboration struct{ Status string }
				Errors        []userError
			}
		}
		s.MustDo(t, m.owner, `mutation($id: ID!){ collaborationApprove(input:{id:$id}){ collaboration{ status } errors{ code field message } } }`,
			map[string]any{"id": id}, &ap)
		if ap.CollaborationApprove.Collaboration.Status != "ACTIVE" {
			t.Fatalf("approve: %+v", ap.CollaborationApprove)
		}
		n = hostNext()
		if n["kind"] != "collaboration.approved" || n["subjectId"] != id {
			t.Fatalf("host got %v", n)
		}
		// The same notification is in the host's list, unread.
		var list struct {
			Notifications struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID, Kind string } }
			}
		}
		s.MustDo(t, m.host, `{ notifications(unreadOnly: true){ totalCount edges{ node{ id kind } } } }`, nil, &list)
		if list.Notifications.TotalCount != 1 || list.Notifications.Edges[0].Node.ID != n["id"] {
			t.Fatalf("host's notifications: %+v", list.Notifications)
		}
	})
}

// waitForSubscribers waits until the subscriptions are registered, so that
// events published next cannot race them.
func waitForSubscribers(t *testing.T, s *testkit.Server, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if s.NotificationSubscribers() >= want {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("only %d of %d subscriptions registered", s.NotificationSubscribers(), want)
}

func TestSubscriptionRequiresSignIn(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	c, ack := wsSession(t, s, map[string]any{})
	if ack["type"] != "connection_ack" {
		t.Fatalf("guest connection_init: %v", ack)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe",
		"payload": map[string]any{"query": `subscription { notificationReceived { id } }`}}); err != nil {
		t.Fatal(err)
	}
	var msg struct {
		Type    string
		Payload json.RawMessage
	}
	if err := wsjson.Read(ctx, c, &msg); err != nil {
		t.Fatal(err)
	}
	if msg.Type != "error" && msg.Type != "next" {
		t.Fatalf("guest subscription: %s %s", msg.Type, msg.Payload)
	}
	if !containsCode(msg.Payload, "UNAUTHENTICATED") {
		t.Fatalf("guest subscription not refused as UNAUTHENTICATED: %s %s", msg.Type, msg.Payload)
	}
}

func containsCode(raw json.RawMessage, code string) bool {
	return strings.Contains(string(raw), `"code":"`+code+`"`)
}

// TestCollaborationsArePrivateToTheirParties checks the list through the API.
func TestCollaborationsArePrivateToTheirParties(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m := newMarket(t, s)
		id := m.request(t, 1200)
		const q = `{ collaborations { totalCount edges{ node{ id status vendor{ id } influencer{ handle } product{ id } } } } }`
		count := func(token string) int {
			var out struct{ Collaborations struct{ TotalCount int } }
			s.MustDo(t, token, q, nil, &out)
			return out.Collaborations.TotalCount
		}
		if count(m.owner) != 1 || count(m.host) != 1 || count(m.stranger) != 0 {
			t.Fatalf("owner %d host %d stranger %d", count(m.owner), count(m.host), count(m.stranger))
		}
		if r := s.Do(t, "", q, nil); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Fatalf("guest: %+v", r.Errors)
		}
		// A stranger cannot act on it either, and nothing changes.
		before := testkit.Snapshot(t, db)
		for _, mut := range []string{"collaborationApprove", "collaborationCancel", "collaborationAcceptCounter"} {
			r := s.Do(t, m.stranger, fmt.Sprintf(`mutation($id: ID!){ %s(input:{id:$id}){ collaboration{ id } errors{ code field message } } }`, mut),
				map[string]any{"id": id})
			if errs := payloadErrors(t, r, mut); len(errs) != 1 || errs[0].Code != "FORBIDDEN" {
				t.Fatalf("stranger %s: %+v %+v", mut, errs, r.Errors)
			}
		}
		if after := testkit.Snapshot(t, db); after != before {
			t.Fatal("refused moves changed the database")
		}
	})
}

// TestCollaborationListCostsConstantQueries: a page of collaborations with
// product, vendor and influencer runs the same statements for 2 items as for 12.
func TestCollaborationListCostsConstantQueries(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m := newMarket(t, s)
		for i := 0; i < 12; i++ {
			pid := newProduct(t, s, m.owner, m.vendorID, fmt.Sprintf("MANY-%d", i), 1)
			now := s.Clock.Now()
			s.MustDo(t, m.host, requestCollab, map[string]any{"in": map[string]any{"productId": pid, "commissionBps": 1000,
				"startsAt": now.Format(time.RFC3339), "endsAt": now.Add(time.Hour).Format(time.RFC3339)}}, nil)
		}
		count := func(first int) int64 {
			s.Queries.Reset()
			var out struct {
				Collaborations struct {
					Edges []struct {
						Node struct{ Product struct{ Title string } }
					}
				}
			}
			s.MustDo(t, m.owner, `query($n: Int){ collaborations(first:$n){ edges{ node{ id status product{ title vendor{ name } }
				vendor{ name } influencer{ handle followerCount } } } } }`, map[string]any{"n": first}, &out)
			if len(out.Collaborations.Edges) != first {
				t.Fatalf("got %d", len(out.Collaborations.Edges))
			}
			return s.Queries.Count()
		}
		small, large := count(2), count(12)
		t.Logf("statements: 2 collaborations → %d, 12 → %d", small, large)
		if small != large {
			t.Fatalf("statements: 2 → %d, 12 → %d:\n%v", small, large, s.Queries.Statements())
		}
	})
}

// TestNegotiationIsPrivate: through a published show anyone can reach the
// collaboration behind a featured product, but only its parties see the
// request's message, requested rate and rejection reason.
func TestNegotiationIsPrivate(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	m := &showMarket{market: newMarket(t, s)}
	now := s.Clock.Now()
	var rq struct {
		CollaborationRequest struct{ Collaboration struct{ ID string } }
	}
	s.MustDo(t, m.host, requestCollab, map[string]any{"in": map[string]any{"productId": m.productID, "commissionBps": 2000,
		"startsAt": now.Format(time.RFC3339), "endsAt": now.Add(30 * 24 * time.Hour).Format(time.RFC3339), "message": "secret plan"}}, &rq)
	id := rq.CollaborationRequest.Collaboration.ID
	s.MustDo(t, m.owner, `mutation($id: ID!){ collaborationCounter(input:{id:$id, commissionBps: 1200}){ errors{ code } } }`, map[string]any{"id": id}, nil)
	s.MustDo(t, m.host, `mutation($id: ID!){ collaborationAcceptCounter(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": id}, nil)
	showID := m.scheduledShow(t, 48*time.Hour)
	const q = `query($id: ID!){ show(id:$id){ featuredProducts{ collaboration{ commissionBps requestedBps message } } } }`
	type out struct {
		Show struct {
			FeaturedProducts []struct {
				Collaboration struct {
					CommissionBps int
					RequestedBps  *int
					Message       *string
				}
			}
		}
	}
	for _, c := range []struct {
		name, token string
		party       bool
	}{{"guest", "", false}, {"stranger", m.stranger, false}, {"host", m.host, true}, {"vendor", m.owner, true}} {
		var o out
		s.MustDo(t, c.token, q, map[string]any{"id": showID}, &o)
		got := o.Show.FeaturedProducts[0].Collaboration
		if got.CommissionBps != 1200 || (got.Message != nil) != c.party || (got.RequestedBps != nil) != c.party {
			t.Fatalf("%s sees %+v", c.name, got)
		}
	}
}

// TestNotificationCrossesReplicas: two API instances share one database and
// one real Redis; a request made through instance A reaches the vendor's
// subscriber on instance B.
func TestNotificationCrossesReplicas(t *testing.T) {
	opt, err := redis.ParseURL(testkit.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	client := redis.NewClient(opt)
	defer client.Close()
	db := testkit.OpenSQLite(t)
	withRedis := func(o *app.Options) { o.NotifyBus = bus.NewRedisNotifications(client) }
	a := testkit.NewServer(t, db, withRedis)
	b := testkit.NewServer(t, db, withRedis)
	m := newMarket(t, a)

	c, ack := wsSession(t, b, map[string]any{"authToken": m.owner})
	if ack["type"] != "connection_ack" {
		t.Fatalf("connection_init on B: %v", ack)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, c, map[string]any{"id": "n", "type": "subscribe",
		"payload": map[string]any{"query": `subscription { notificationReceived { kind subjectId } }`}}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, err := client.PubSubNumSub(ctx, "livemarket:notify:"+m.ownerID).Result()
		if err == nil && n["livemarket:notify:"+m.ownerID] >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("subscription on B never reached Redis")
		}
		time.Sleep(10 * time.Millisecond)
	}
	id := m.request(t, 1500) // through A
	var msg struct {
		Type    string
		Payload struct {
			Data struct {
				NotificationReceived struct{ Kind, SubjectID string }
			}
		}
	}
	if err := wsjson.Read(ctx, c, &msg); err != nil {
		t.Fatalf("no notification on B: %v", err)
	}
	got := msg.Payload.Data.NotificationReceived
	if msg.Type != "next" || got.Kind != "collaboration.requested" || got.SubjectID != id {
		t.Fatalf("B received %+v", msg)
	}
}

// TestSignedOutSocketStopsReceiving: after the token used in connection_init
// is revoked, the next notification is not delivered and the subscription
// completes.
func TestSignedOutSocketStopsReceiving(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	m := newMarket(t, s)
	c, ack := wsSession(t, s, map[string]any{"authToken": m.owner})
	if ack["type"] != "connection_ack" {
		t.Fatalf("connection_init: %v", ack)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, c, map[string]any{"id": "n", "type": "subscribe",
		"payload": map[string]any{"query": `subscription { notificationReceived { kind } }`}}); err != nil {
		t.Fatal(err)
	}
	waitForSubscribers(t, s, 1)
	s.MustDo(t, m.owner, `mutation{ signOut{ ok } }`, nil, nil)
	m.request(t, 1500)
	var msg struct{ Type string }
	if err := wsjson.Read(ctx, c, &msg); err != nil {
		t.Fatal(err)
	}
	if msg.Type != "complete" {
		t.Fatalf("after sign-out the socket got %q, want complete", msg.Type)
	}
}
