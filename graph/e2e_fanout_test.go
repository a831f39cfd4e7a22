package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/livemarket/livemarket/graph"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/testkit"
)

const (
	unpinQ      = `mutation($s: ID!){ productUnpin(input:{id:$s}){ errors{ code field message } } }`
	pinnedBig   = `subscription($id: ID!){ showEvents(showId:$id){ __typename seq ... on ProductPinned { product { id description } } } }`
	privateSub  = `subscription($id: ID!){ showEvents(showId:$id){ __typename seq ... on ChatMessagePosted { message { body } } ... on ProductPinned { product { vendor { platformFeeBps } } } } }`
	publicChats = `subscription($id: ID!){ showEvents(showId:$id){ __typename seq ... on ChatMessagePosted { message { body author { displayName } } } } }`
)

// rawSubscribe opens a connection and subscribes to query without reading
// anything after the ack.
func rawSubscribe(t *testing.T, s *testkit.Server, query, showID string) *websocket.Conn {
	t.Helper()
	c, ack := wsSession(t, s, map[string]any{})
	if ack["type"] != "connection_ack" {
		t.Fatalf("connection_init: %v", ack)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe",
		"payload": map[string]any{"query": query, "variables": map[string]any{"id": showID}}}); err != nil {
		t.Fatal(err)
	}
	return c
}

type nextMsg struct {
	Type    string
	Payload struct {
		Data   struct{ ShowEvents json.RawMessage }
		Errors []testkit.GQLError
	}
}

// TestSlowSubscriberIsDisconnected: a subscriber that never reads fills its
// socket and then its bounded queue; it is disconnected while a subscriber
// of the same stream receives every event, in order.
func TestSlowSubscriberIsDisconnected(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) {
		o.Websocket = graph.WebsocketOptions{QueueLimit: 8, WriteTimeout: 2 * time.Second}
	})
	m, id := liveShow(t, s)
	s.MustDo(t, m.owner, `mutation($id: ID!, $d: String!){ productUpdate(input:{id:$id, description:$d}){ errors{ code } } }`,
		map[string]any{"id": m.productID, "d": strings.Repeat("d", 5000)}, nil)

	stuck := rawSubscribe(t, s, pinnedBig, id)
	reader := rawSubscribe(t, s, pinnedBig, id)
	waitFor(t, func() bool { return s.App.ShowSubscribers(id) == 2 })
	if shared, streams := s.App.ShowStreams(id); shared != 2 || streams != 1 {
		t.Fatalf("same document: %d subscribers on %d streams, want 2 on 1", shared, streams)
	}

	var mu sync.Mutex
	var seqs []int64
	readErr := make(chan error, 1)
	go func() {
		for {
			var msg nextMsg
			if err := wsjson.Read(context.Background(), reader, &msg); err != nil {
				readErr <- err
				return
			}
			var ev wsEvent
			_ = json.Unmarshal(msg.Payload.Data.ShowEvents, &ev)
			mu.Lock()
			seqs = append(seqs, ev.Seq)
			mu.Unlock()
		}
	}()

	// Pin and unpin (about 5 KB per pin event for these subscribers) until
	// the stuck subscriber is dropped.
	posted := 0
	deadline := time.Now().Add(60 * time.Second)
	for s.App.ShowSubscribers(id) == 2 {
		if time.Now().After(deadline) {
			t.Fatalf("the subscriber that never reads was still connected after %d events", posted)
		}
		s.MustDo(t, m.host, pinQ, map[string]any{"s": id, "p": m.productID}, nil)
		s.MustDo(t, m.host, unpinQ, map[string]any{"s": id}, nil)
		posted += 2
	}
	// The other subscriber got everything, in order, and is still served.
	s.MustDo(t, m.host, pinQ, map[string]any{"s": id, "p": m.productID}, nil)
	posted++
	waitFor(t, func() bool { mu.Lock(); defer mu.Unlock(); return len(seqs) >= posted })
	mu.Lock()
	for i := 1; i < len(seqs); i++ {
		if seqs[i] != seqs[i-1]+1 {
			t.Fatalf("reader: seq %d after %d", seqs[i], seqs[i-1])
		}
	}
	if len(seqs) != posted {
		t.Fatalf("reader got %d events, %d posted", len(seqs), posted)
	}
	mu.Unlock()
	select {
	case err := <-readErr:
		t.Fatalf("the reading subscriber was disconnected: %v", err)
	default:
	}
	if n := s.App.ShowSubscribers(id); n != 1 {
		t.Fatalf("subscribers after the drop = %d, want 1", n)
	}

	// The stuck client, reading at last, finds its connection closed after
	// what was already in flight; if the close frame fit, it says why.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var err error
	got := 0
	for err == nil {
		_, _, err = stuck.Read(ctx)
		got++
	}
	if ctx.Err() != nil {
		t.Fatalf("the stuck connection is still open after %d frames", got)
	}
	var ce websocket.CloseError
	if errors.As(err, &ce) && (ce.Code != websocket.StatusPolicyViolation || !strings.Contains(ce.Reason, "slow consumer")) {
		t.Fatalf("close: %d %q", ce.Code, ce.Reason)
	}
	t.Logf("dropped after %d events; the stuck client then read %d frames and %v", posted, got-1, err)
	if got > posted+1 {
		t.Fatalf("stuck client read %d frames, only %d events were posted", got, posted)
	}
}

// TestShowEventsShareByDocument: subscribers with the same public document
// share one stream and receive the same bytes; a selection with a
// viewer-dependent field (platformFeeBps) is executed for its own viewer.
func TestShowEventsShareByDocument(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	m, id := liveShow(t, s)
	a := rawSubscribe(t, s, publicChats, id)
	b := rawSubscribe(t, s, publicChats, id)
	p := rawSubscribe(t, s, privateSub, id)
	waitFor(t, func() bool { return s.App.ShowSubscribers(id) == 3 })
	if shared, streams := s.App.ShowStreams(id); shared != 2 || streams != 1 {
		t.Fatalf("shared %d on %d streams, want 2 on 1", shared, streams)
	}
	s.MustDo(t, m.stranger, chatPost, map[string]any{"s": id, "b": `<script>alert("x")</script>`}, nil)
	s.MustDo(t, m.host, pinQ, map[string]any{"s": id, "p": m.productID}, nil)

	read := func(c *websocket.Conn) []byte {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, b, err := c.Read(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fa, fb := read(a), read(b)
	if string(fa) != string(fb) || !strings.Contains(string(fa), `\u003cscript\u003ealert(\"x\")\u003c/script\u003e`) {
		t.Fatalf("shared frames differ or HTML not escaped:\n%s\n%s", fa, fb)
	}
	if fa2, fb2 := read(a), read(b); string(fa2) != string(fb2) || !strings.Contains(string(fa2), `"ProductPinned"`) {
		t.Fatalf("second frame: %s / %s", fa2, fb2)
	}
	// The private selection: its chat event, then the pin with the fee
	// hidden from a guest, as the resolver hides it anywhere.
	if f := read(p); !strings.Contains(string(f), `"ChatMessagePosted"`) {
		t.Fatalf("private subscriber: %s", f)
	}
	var msg nextMsg
	if err := json.Unmarshal(read(p), &msg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(msg.Payload.Data.ShowEvents), `"platformFeeBps":null`) || len(msg.Payload.Errors) != 0 {
		t.Fatalf("private pin event: %s %+v", msg.Payload.Data.ShowEvents, msg.Payload.Errors)
	}
}

// TestShowEventsGroupStartedByAResumingSubscriber: the first subscriber of a
// document resumes with an Int64 variable (afterSeq); it and a later
// subscriber of the same document both get the next event. Numbers in
// websocket variables stay integers.
func TestShowEventsGroupStartedByAResumingSubscriber(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	m, id := liveShow(t, s)
	zero := int64(0)
	_, resumed := subscribeEvents(t, s, "", id, &zero)
	waitFor(t, func() bool { return s.App.ShowSubscribers(id) == 1 })
	_, plain := subscribeEvents(t, s, "", id, nil)
	waitFor(t, func() bool { return s.App.ShowSubscribers(id) == 2 })
	s.MustDo(t, m.host, pinQ, map[string]any{"s": id, "p": m.productID}, nil)
	// The resumed subscriber first gets the show's earlier events (going live).
	var last wsEvent
	for last.Typename != "ProductPinned" {
		last = resumed()
	}
	if ev := plain(); ev.Typename != "ProductPinned" || ev.Seq != last.Seq {
		t.Fatalf("second subscriber: %+v, want the pin (seq %d)", ev, last.Seq)
	}
}
