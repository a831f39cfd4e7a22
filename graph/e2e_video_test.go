package graph_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/livekit/protocol/auth"
	lkproto "github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/livekit"
	"github.com/livemarket/livemarket/internal/testkit"
)

// scheduledShow creates and publishes a show starting in `in` and returns its id.
func (m *showMarket) scheduledShow(t *testing.T, in time.Duration) string {
	t.Helper()
	var cr struct {
		ShowCreate struct {
			Show   *struct{ ID string }
			Errors []userError
		}
	}
	m.s.MustDo(t, m.host, createShow, map[string]any{"in": m.showInput(m.s.Clock.Now().Add(in), 1, m.productID)}, &cr)
	if cr.ShowCreate.Show == nil {
		t.Fatalf("showCreate: %+v", cr.ShowCreate.Errors)
	}
	id := cr.ShowCreate.Show.ID
	m.s.MustDo(t, m.host, `mutation($id: ID!){ showPublish(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": id}, nil)
	return id
}

type joinPayload struct {
	ShowJoin struct {
		Token      *string
		URL        *string
		CanPublish bool
		Errors     []userError
	}
}

const joinShow = `mutation($id: ID!){ showJoin(input:{id:$id}){ token url canPublish errors{ code field message } } }`

// grants decodes and verifies a LiveKit token with the API secret.
func grants(t *testing.T, token string) (string, *auth.ClaimGrants) {
	t.Helper()
	v, err := auth.ParseAPIToken(token)
	if err != nil {
		t.Fatal(err)
	}
	_, claims, err := v.Verify(testkit.LiveKitSecret)
	if err != nil {
		t.Fatalf("token does not verify with the API secret: %v", err)
	}
	return v.Identity(), claims
}

// TestGoLiveAgainstLiveKit drives a real livekit-server: going live creates
// the room (listed by the room service, with the show's metadata), the host's
// token may publish while viewers' and guests' may not, and ending removes
// the room.
func TestGoLiveAgainstLiveKit(t *testing.T) {
	url := testkit.LiveKitURL(t)
	s := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) {
		o.LiveKit = livekit.Config{URL: url, APIKey: testkit.LiveKitKey, APISecret: testkit.LiveKitSecret}
	})
	m := &showMarket{market: newMarket(t, s)}
	m.collab1 = m.approved(t, m.owner, m.productID, 1500)
	// The test clock is fixed in 2026; LiveKit only sees room names, not our clock.
	id := m.scheduledShow(t, 20*time.Minute)
	rooms := lksdk.NewRoomServiceClient(url, testkit.LiveKitKey, testkit.LiveKitSecret)
	ctx := context.Background()
	listed := func() *lkproto.Room {
		res, err := rooms.ListRooms(ctx, &lkproto.ListRoomsRequest{Names: []string{id}})
		if err != nil {
			t.Fatalf("ListRooms: %v", err)
		}
		for _, r := range res.Rooms {
			if r.Name == id {
				return r
			}
		}
		return nil
	}
	if listed() != nil {
		t.Fatal("room exists before going live")
	}

	var gl struct {
		ShowGoLive struct {
			Show   *struct{ Status string }
			Errors []userError
		}
	}
	s.MustDo(t, m.host, `mutation($id: ID!){ showGoLive(input:{id:$id}){ show{ status } errors{ code field message } } }`, map[string]any{"id": id}, &gl)
	if gl.ShowGoLive.Show == nil || gl.ShowGoLive.Show.Status != "LIVE" {
		t.Fatalf("go live: %+v", gl.ShowGoLive)
	}
	room := listed()
	if room == nil {
		t.Fatal("going live did not create the room")
	}
	var meta map[string]string
	if err := json.Unmarshal([]byte(room.Metadata), &meta); err != nil || meta["showId"] != id || meta["hostId"] != m.influencerID {
		t.Fatalf("room metadata %q", room.Metadata)
	}

	var hj, vj, gj joinPayload
	s.MustDo(t, m.host, joinShow, map[string]any{"id": id}, &hj)
	s.MustDo(t, m.stranger, joinShow, map[string]any{"id": id}, &vj)
	s.MustDo(t, "", joinShow, map[string]any{"id": id}, &gj)
	for name, j := range map[string]joinPayload{"host": hj, "viewer": vj, "guest": gj} {
		if j.ShowJoin.Token == nil || j.ShowJoin.URL == nil || *j.ShowJoin.URL != url {
			t.Fatalf("%s join: %+v", name, j.ShowJoin)
		}
	}
	identity, g := grants(t, *hj.ShowJoin.Token)
	if !hj.ShowJoin.CanPublish || !g.Video.GetCanPublish() || !g.Video.GetCanPublishData() || g.Video.Room != id || identity != "user:"+m.hostID {
		t.Fatalf("host grants: %s %+v", identity, g.Video)
	}
	for name, j := range map[string]joinPayload{"viewer": vj, "guest": gj} {
		identity, g := grants(t, *j.ShowJoin.Token)
		if j.ShowJoin.CanPublish || g.Video.GetCanPublish() || g.Video.GetCanPublishData() || !g.Video.GetCanSubscribe() || g.Video.Room != id {
			t.Fatalf("%s grants: %+v", name, g.Video)
		}
		if name == "guest" && !strings.HasPrefix(identity, "guest:") {
			t.Fatalf("guest identity %q", identity)
		}
	}

	var end struct {
		ShowEnd struct {
			Show   *struct{ Status string }
			Errors []userError
		}
	}
	s.MustDo(t, m.host, `mutation($id: ID!){ showEnd(input:{id:$id}){ show{ status } errors{ code field message } } }`, map[string]any{"id": id}, &end)
	if end.ShowEnd.Show == nil || end.ShowEnd.Show.Status != "ENDED" {
		t.Fatalf("end: %+v", end.ShowEnd)
	}
	if listed() != nil {
		t.Fatal("ending the show did not remove the room")
	}
}

// TestGoLiveRules needs no video server: too early, not the host, and a
// LocalMode join (no LIVEKIT_URL) that still issues a token without a URL.
func TestGoLiveRules(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	m := &showMarket{market: newMarket(t, s)}
	m.collab1 = m.approved(t, m.owner, m.productID, 1500)
	id := m.scheduledShow(t, 2*time.Hour)
	const goLive = `mutation($id: ID!){ showGoLive(input:{id:$id}){ show{ status } errors{ code field message } } }`
	before := testkit.Snapshot(t, s.DB)
	for _, c := range []struct{ token, code string }{{m.host, "INVALID_STATE"}, {m.stranger, "FORBIDDEN"}} {
		r := s.Do(t, c.token, goLive, map[string]any{"id": id})
		if errs := payloadErrors(t, r, "showGoLive"); len(errs) != 1 || errs[0].Code != c.code {
			t.Fatalf("go live: %+v, want %s", errs, c.code)
		}
	}
	if testkit.Snapshot(t, s.DB) != before {
		t.Fatal("refused go-live changed the database")
	}
	// Before going live only the host may join (to set up); a viewer's token
	// could otherwise create the room ahead of the host.
	var early, hostEarly joinPayload
	s.MustDo(t, "", joinShow, map[string]any{"id": id}, &early)
	s.MustDo(t, m.host, joinShow, map[string]any{"id": id}, &hostEarly)
	if early.ShowJoin.Token != nil || len(early.ShowJoin.Errors) != 1 || early.ShowJoin.Errors[0].Code != "INVALID_STATE" ||
		hostEarly.ShowJoin.Token == nil || !hostEarly.ShowJoin.CanPublish {
		t.Fatalf("joins before going live: guest %+v host %+v", early.ShowJoin, hostEarly.ShowJoin)
	}
	s.Clock.Advance(91 * time.Minute) // within 30 minutes of the start
	var gl struct {
		ShowGoLive struct{ Show *struct{ Status string } }
	}
	s.MustDo(t, m.host, goLive, map[string]any{"id": id}, &gl)
	if gl.ShowGoLive.Show == nil || gl.ShowGoLive.Show.Status != "LIVE" {
		t.Fatalf("go live in time: %+v", gl)
	}
	var j joinPayload
	s.MustDo(t, "", joinShow, map[string]any{"id": id}, &j)
	if j.ShowJoin.Token == nil || j.ShowJoin.URL != nil || j.ShowJoin.CanPublish {
		t.Fatalf("local-mode join: %+v", j.ShowJoin)
	}
	resp, err := http.Get(s.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	var ready struct{ Checks map[string]string }
	_ = json.NewDecoder(resp.Body).Decode(&ready)
	resp.Body.Close()
	if ready.Checks["video"] != "not configured" {
		t.Fatalf("readyz: %+v", ready)
	}
}

// webhookRequest signs body as LiveKit does: an HS256 token from the API
// key, signed with the secret, whose sha256 claim is the body's hash and
// which expires after validFor (negative: already expired).
func webhookRequest(t *testing.T, s *testkit.Server, body []byte, secret string, hashOf []byte, validFor time.Duration) *http.Request {
	t.Helper()
	sum := sha256.Sum256(hashOf)
	now := time.Now()
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"iss": testkit.LiveKitKey, "nbf": now.Add(-time.Hour).Unix(), "exp": now.Add(validFor).Unix(),
		"sha256": base64.StdEncoding.EncodeToString(sum[:]),
	}).SignedString([]byte(secret))
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/webhooks/livekit", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/webhook+json")
	req.Header.Set("Authorization", tok)
	return req
}

// deliverSigned posts a correctly signed webhook and returns the status
// (0 after a failure, which it reports: it may run in a test's goroutine).
func deliverSigned(t *testing.T, s *testkit.Server, body []byte) int {
	resp, err := http.DefaultClient.Do(webhookRequest(t, s, body, testkit.LiveKitSecret, body, time.Minute))
	if err != nil {
		t.Error(err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func event(id, kind, room, identity string, at int64) []byte {
	ev := map[string]any{"id": id, "event": kind, "room": map[string]any{"name": room}, "createdAt": at}
	if identity != "" {
		ev["participant"] = map[string]any{"identity": identity}
	}
	b, _ := json.Marshal(ev)
	return b
}

// TestLiveKitWebhooks: correctly signed events apply once even when delivered
// twice and out of order; forged, tampered, expired and unsigned ones are 401
// and change nothing.
func TestLiveKitWebhooks(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m := &showMarket{market: newMarket(t, s)}
		m.collab1 = m.approved(t, m.owner, m.productID, 1500)
		id := m.scheduledShow(t, 10*time.Minute)
		send := func(req *http.Request) int {
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		signed := func(body []byte) int { return deliverSigned(t, s, body) }
		state := func() (string, int) {
			var out struct {
				Show struct {
					Status      string
					ViewerCount int
				}
			}
			s.MustDo(t, "", `query($id: ID!){ show(id:$id){ status viewerCount } }`, map[string]any{"id": id}, &out)
			return out.Show.Status, out.Show.ViewerCount
		}

		// Refused deliveries change nothing.
		before := testkit.Snapshot(t, db)
		body := event("EV_started", "room_started", id, "", 100)
		unsigned, _ := http.NewRequest(http.MethodPost, s.URL+"/webhooks/livekit", bytes.NewReader(body))
		for name, req := range map[string]*http.Request{
			"forged signature": webhookRequest(t, s, body, "not-the-secret", body, time.Minute),
			"wrong body hash":  webhookRequest(t, s, body, testkit.LiveKitSecret, []byte("another body"), time.Minute),
			"expired token":    webhookRequest(t, s, body, testkit.LiveKitSecret, body, -10*time.Minute),
			"missing header":   unsigned,
		} {
			if code := send(req); code != http.StatusUnauthorized {
				t.Fatalf("%s: status %d, want 401", name, code)
			}
		}
		if testkit.Snapshot(t, db) != before {
			t.Fatal("refused webhooks changed the database")
		}

		// room_started (e.g. a room created by someone's connection) never
		// starts a show; only the host's showGoLive does.
		for i := 0; i < 2; i++ {
			if code := signed(body); code != http.StatusOK {
				t.Fatalf("room_started: %d", code)
			}
		}
		if st, n := state(); st != "SCHEDULED" || n != 0 {
			t.Fatalf("after room_started: %s %d", st, n)
		}
		s.MustDo(t, m.host, `mutation($id: ID!){ showGoLive(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": id}, nil)
		if st, _ := state(); st != "LIVE" {
			t.Fatalf("after showGoLive: %s", st)
		}
		host := "user:" + m.hostID
		// Out of order and duplicated: viewer A leaves (t=30) before its join
		// (t=20) arrives; B joins twice; the host joins and never counts.
		for _, ev := range [][]byte{
			event("EV_a_left", "participant_left", id, "user:a", 30),
			event("EV_b_join", "participant_joined", id, "guest:b", 21),
			event("EV_host_join", "participant_joined", id, host, 22),
			event("EV_a_join", "participant_joined", id, "user:a", 20),
			event("EV_b_join", "participant_joined", id, "guest:b", 21),
			event("EV_host_join", "participant_joined", id, host, 22),
		} {
			if code := signed(ev); code != http.StatusOK {
				t.Fatalf("participant event: %d", code)
			}
		}
		if _, n := state(); n != 1 {
			t.Fatalf("viewerCount = %d, want 1 (only guest:b is present)", n)
		}
		// Leaving twice never goes negative.
		signed(event("EV_b_left", "participant_left", id, "guest:b", 40))
		signed(event("EV_b_left2", "participant_left", id, "guest:b", 41))
		if _, n := state(); n != 0 {
			t.Fatalf("viewerCount = %d, want 0", n)
		}
		// A finished room ends the live show.
		signed(event("EV_finished", "room_finished", id, "", 50))
		if st, _ := state(); st != "ENDED" {
			t.Fatalf("after room_finished: %s", st)
		}
	})
}

// TestConcurrentWebhooksCountEveryViewer: viewers of one show joining and
// then leaving at the same moment, each delivery its own request, leave the
// count at exactly how many are present, and a subscriber sees it move one
// by one: every delivery's ViewerCountChanged, in seq order.
func TestConcurrentWebhooksCountEveryViewer(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		_, id := liveShow(t, s)
		from := int64(0) // from the log's start: nothing is missed while the subscription sets up
		_, next := subscribeEvents(t, s, "", id, &from)
		const viewers = 40
		deliver := func(kind string, at int64, who func(i int) bool) {
			var wg sync.WaitGroup
			codes := make([]int, viewers)
			for i := range viewers {
				if !who(i) {
					continue
				}
				wg.Go(func() {
					codes[i] = deliverSigned(t, s, event(fmt.Sprintf("EV_%s_%d", kind, i), kind, id, fmt.Sprintf("guest:%d", i), at))
				})
			}
			wg.Wait()
			for i, code := range codes {
				if who(i) && code != http.StatusOK {
					t.Fatalf("%s of guest:%d: status %d", kind, i, code)
				}
			}
		}
		// counts reads the subscriber's ViewerCountChanged events up to want's
		// number of them, and the show's viewerCount.
		counts := func(n int) ([]int, int) {
			var seen []int
			for len(seen) < n {
				if ev := next(); ev.Typename == "ViewerCountChanged" {
					seen = append(seen, ev.Count)
				}
			}
			var out struct{ Show struct{ ViewerCount int } }
			s.MustDo(t, "", `query($id: ID!){ show(id:$id){ viewerCount } }`, map[string]any{"id": id}, &out)
			return seen, out.Show.ViewerCount
		}
		deliver("participant_joined", 10, func(int) bool { return true })
		seen, n := counts(viewers)
		for i, c := range seen {
			if c != i+1 || n != viewers {
				t.Fatalf("after %d joins: viewerCount %d, events' counts %v; want %d, and 1 to %d", viewers, n, seen, viewers, viewers)
			}
		}
		leaving := func(i int) bool { return i%4 != 0 }
		deliver("participant_left", 20, leaving)
		seen, n = counts(viewers * 3 / 4)
		for i, c := range seen {
			if c != viewers-1-i || n != viewers/4 {
				t.Fatalf("after %d leaves: viewerCount %d, events' counts %v; want %d, and %d down to %d", viewers*3/4, n, seen, viewers/4, viewers-1, viewers/4)
			}
		}
	})
}

// TestDriftedCountsNeverFailARequest: a viewer count or chat count an
// earlier version left too low (see the README's upgrade notes) never makes
// a webhook or a moderator's removal fail: the count stops at zero.
func TestDriftedCountsNeverFailARequest(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, id := liveShow(t, s)
		var posted struct {
			ChatPost struct{ Message struct{ ID string } }
		}
		s.MustDo(t, m.stranger, chatPost, map[string]any{"s": id, "b": "hello"}, &posted)
		deliver := func(body []byte) {
			t.Helper()
			if code := deliverSigned(t, s, body); code != http.StatusOK {
				t.Fatalf("webhook: status %d", code)
			}
		}
		deliver(event("EV_x_join", "participant_joined", id, "guest:x", 10))
		if _, err := db.NewRaw("UPDATE shows SET viewer_count = 0, chat_count = 0 WHERE id = ?", id).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
		deliver(event("EV_x_left", "participant_left", id, "guest:x", 20))
		if code := firstError(t, s.Do(t, m.host, chatRemove, map[string]any{"m": posted.ChatPost.Message.ID}), "chatRemove"); code != "" {
			t.Fatalf("chatRemove: %s", code)
		}
		var out struct {
			Show struct {
				ViewerCount int
				Chat        struct{ TotalCount int }
			}
		}
		s.MustDo(t, "", `query($id: ID!){ show(id:$id){ viewerCount chat{ totalCount } } }`, map[string]any{"id": id}, &out)
		if out.Show.ViewerCount != 0 || out.Show.Chat.TotalCount != 0 {
			t.Fatalf("counts %+v, want both 0", out.Show)
		}
	})
}

// TestJoinWithoutVideoCredentials: a server with no LiveKit key and secret
// answers showJoin with a typed error, not an internal one.
func TestJoinWithoutVideoCredentials(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) { o.LiveKit = livekit.Config{} })
	m := &showMarket{market: newMarket(t, s)}
	m.collab1 = m.approved(t, m.owner, m.productID, 1500)
	id := m.scheduledShow(t, 2*time.Hour)
	var j joinPayload
	s.MustDo(t, "", joinShow, map[string]any{"id": id}, &j)
	if j.ShowJoin.Token != nil || len(j.ShowJoin.Errors) != 1 || j.ShowJoin.Errors[0].Code != "INVALID_STATE" {
		t.Fatalf("join without credentials: %+v", j.ShowJoin)
	}
}
