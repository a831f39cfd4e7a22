package graph_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/redis/go-redis/v9"

	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/bus"
	"github.com/livemarket/livemarket/internal/testkit"
)

const showEventsSub = `subscription($id: ID!, $after: Int64){ showEvents(showId:$id, afterSeq:$after){
	__typename seq showId
	... on ChatMessagePosted { message { id body author { displayName } } }
	... on ChatMessageRemoved { messageId }
	... on ProductPinned { product { id title } }
	... on QuestionAsked { question { id body } }
	... on QuestionAnswered { question { id answer } }
	... on ShowStatusChanged { status }
	... on ViewerCountChanged { count }
} }`

type wsEvent struct {
	Typename  string `json:"__typename"`
	Seq       int64
	ShowID    string
	Message   *struct{ ID, Body string }
	Status    string
	Product   *struct{ ID string }
	Count     int
	MessageID string
}

// subscribeEvents opens showEvents over graphql-transport-ws and returns a
// function reading the next event.
func subscribeEvents(t *testing.T, s *testkit.Server, token, showID string, after *int64) (*websocket.Conn, func() wsEvent) {
	t.Helper()
	init := map[string]any{}
	if token != "" {
		init["authToken"] = token
	}
	c, ack := wsSession(t, s, init)
	if ack["type"] != "connection_ack" {
		t.Fatalf("connection_init: %v", ack)
	}
	vars := map[string]any{"id": showID}
	if after != nil {
		vars["after"] = *after
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	if err := wsjson.Write(ctx, c, map[string]any{"id": "e", "type": "subscribe", "payload": map[string]any{"query": showEventsSub, "variables": vars}}); err != nil {
		t.Fatal(err)
	}
	return c, func() wsEvent {
		t.Helper()
		var msg struct {
			Type    string
			Payload struct {
				Data   struct{ ShowEvents json.RawMessage }
				Errors []any
			}
		}
		rctx, rcancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer rcancel()
		if err := wsjson.Read(rctx, c, &msg); err != nil {
			t.Fatalf("no event: %v", err)
		}
		if msg.Type != "next" || len(msg.Payload.Errors) > 0 {
			t.Fatalf("message %+v", msg)
		}
		var ev wsEvent
		if err := json.Unmarshal(msg.Payload.Data.ShowEvents, &ev); err != nil {
			t.Fatal(err)
		}
		return ev
	}
}

// TestShowEventsInOrderAndResumable: chat, pin, questions and the end of
// the show reach a subscriber in seq order as typed events; a subscriber
// that reconnects with afterSeq gets exactly what it missed.
func TestShowEventsInOrderAndResumable(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	m, id := liveShow(t, s)
	_, next := subscribeEvents(t, s, "", id, nil) // guests may watch
	waitFor(t, func() bool { return s.App.ShowSubscribers(id) == 1 })

	var posted struct {
		ChatPost struct{ Message struct{ ID string } }
	}
	s.MustDo(t, m.stranger, chatPost, map[string]any{"s": id, "b": "<b>hi</b>"}, &posted)
	s.MustDo(t, m.host, pinQ, map[string]any{"s": id, "p": m.productID}, nil)
	s.MustDo(t, m.host, chatRemove, map[string]any{"m": posted.ChatPost.Message.ID}, nil)

	want := []string{"ChatMessagePosted", "ProductPinned", "ChatMessageRemoved"}
	var got []wsEvent
	for range want {
		got = append(got, next())
	}
	for i, ev := range got {
		if ev.Typename != want[i] || ev.ShowID != id || (i > 0 && ev.Seq != got[i-1].Seq+1) {
			t.Fatalf("event %d: %+v (all %+v)", i, ev, got)
		}
	}
	if got[0].Message == nil || got[0].Message.Body != "<b>hi</b>" || got[1].Product == nil || got[1].Product.ID != m.productID {
		t.Fatalf("event payloads: %+v", got)
	}

	// A subscriber that saw only the first event resumes and gets the rest,
	// then live events, without gaps or duplicates.
	after := got[0].Seq
	_, resumed := subscribeEvents(t, s, "", id, &after)
	r1, r2 := resumed(), resumed()
	if r1.Seq != got[1].Seq || r2.Seq != got[2].Seq {
		t.Fatalf("replay: %+v %+v", r1, r2)
	}
	s.MustDo(t, m.host, `mutation($id: ID!){ showEnd(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": id}, nil)
	if ev := resumed(); ev.Typename != "ShowStatusChanged" || ev.Status != "ENDED" || ev.Seq != got[2].Seq+1 {
		t.Fatalf("live after replay: %+v", ev)
	}
	if ev := next(); ev.Typename != "ShowStatusChanged" || ev.Seq != got[2].Seq+1 {
		t.Fatalf("first subscriber: %+v", ev)
	}
}

// TestShowEventsCrossReplicas: two API instances share one database and one
// real Redis; events posted through A reach a subscriber on B in seq order.
func TestShowEventsCrossReplicas(t *testing.T) {
	opt, err := redis.ParseURL(testkit.RedisURL(t))
	if err != nil {
		t.Fatal(err)
	}
	client := redis.NewClient(opt)
	defer client.Close()
	db := testkit.OpenSQLite(t)
	withRedis := func(o *app.Options) {
		o.NotifyBus, o.EventBus = bus.NewRedisNotifications(client), bus.NewRedisShowEvents(client)
	}
	a := testkit.NewServer(t, db, withRedis)
	b := testkit.NewServer(t, db, withRedis)
	m, id := liveShow(t, a)
	_, next := subscribeEvents(t, b, "", id, nil)
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, err := client.PubSubNumSub(context.Background(), "livemarket:show:"+id).Result()
		if err == nil && n["livemarket:show:"+id] >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("subscription on B never reached Redis")
		}
		time.Sleep(10 * time.Millisecond)
	}
	for i := 0; i < 3; i++ {
		s := a
		s.MustDo(t, m.stranger, chatPost, map[string]any{"s": id, "b": "hello"}, nil)
	}
	prev := int64(0)
	for i := 0; i < 3; i++ {
		ev := next()
		if ev.Typename != "ChatMessagePosted" || (prev > 0 && ev.Seq != prev+1) {
			t.Fatalf("event %d on B: %+v (prev seq %d)", i, ev, prev)
		}
		prev = ev.Seq
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
