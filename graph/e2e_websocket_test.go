package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/livemarket/livemarket/graph"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/testkit"
)

// wsSession opens a graphql-transport-ws connection and sends connection_init
// with payload; it returns the connection and the server's first answer.
func wsSession(t *testing.T, s *testkit.Server, payload map[string]any) (*websocket.Conn, map[string]any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	c, resp, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { c.CloseNow() })
	if resp.Header.Get("Sec-WebSocket-Protocol") != "graphql-transport-ws" {
		t.Fatalf("subprotocol %q", resp.Header.Get("Sec-WebSocket-Protocol"))
	}
	if err := wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": payload}); err != nil {
		t.Fatal(err)
	}
	var msg map[string]any
	if err := wsjson.Read(ctx, c, &msg); err != nil {
		return c, map[string]any{"closed": err.Error()}
	}
	return c, msg
}

func TestWebsocketAuthenticatesInConnectionInit(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	token, userID := s.SignUp(t, "ws@example.com", "Socket User")

	c, ack := wsSession(t, s, map[string]any{"authToken": token})
	if ack["type"] != "connection_ack" {
		t.Fatalf("init with a valid token: %v", ack)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "subscribe",
		"payload": map[string]any{"query": "{ me { id email } }"}}); err != nil {
		t.Fatal(err)
	}
	var next struct {
		Type    string
		Payload struct{ Data json.RawMessage }
	}
	if err := wsjson.Read(ctx, c, &next); err != nil {
		t.Fatal(err)
	}
	var data struct{ Me struct{ ID, Email string } }
	if next.Type != "next" || json.Unmarshal(next.Payload.Data, &data) != nil || data.Me.ID != userID || data.Me.Email != "ws@example.com" {
		t.Fatalf("me over websocket: %s %s", next.Type, next.Payload.Data)
	}

	// A revoked or unknown token is refused at connection_init.
	_, refused := wsSession(t, s, map[string]any{"authToken": "lm_not-a-real-token"})
	if refused["type"] == "connection_ack" {
		t.Fatalf("init with a bad token was acknowledged: %v", refused)
	}
}

// TestWebsocketProtocol: the graphql-transport-ws rules front ends rely on,
// each ending with the close code the protocol names.
func TestWebsocketProtocol(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) {
		o.Websocket = graph.WebsocketOptions{InitTimeout: 300 * time.Millisecond, PingInterval: 200 * time.Millisecond}
	})
	dial := func(t *testing.T, protocols ...string) *websocket.Conn {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.URL, "http")+"/graphql", &websocket.DialOptions{Subprotocols: protocols})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.CloseNow() })
		return c
	}
	send := func(t *testing.T, c *websocket.Conn, v map[string]any) {
		if err := wsjson.Write(context.Background(), c, v); err != nil {
			t.Fatal(err)
		}
	}
	// closedWith reads until the connection closes and checks the code.
	closedWith := func(t *testing.T, c *websocket.Conn, code websocket.StatusCode) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for {
			_, b, err := c.Read(ctx)
			if err != nil {
				if got := websocket.CloseStatus(err); got != code {
					t.Fatalf("closed with %d (%v), want %d", got, err, code)
				}
				return
			}
			if strings.Contains(string(b), `"connection_ack"`) || strings.Contains(string(b), `"ping"`) {
				continue
			}
			t.Fatalf("unexpected message before close: %s", b)
		}
	}
	token, _ := s.SignUp(t, "proto@example.com", "Proto")
	initd := func(t *testing.T) *websocket.Conn {
		c := dial(t, "graphql-transport-ws")
		send(t, c, map[string]any{"type": "connection_init", "payload": map[string]any{"authToken": token}})
		var ack map[string]any
		if err := wsjson.Read(context.Background(), c, &ack); err != nil || ack["type"] != "connection_ack" {
			t.Fatalf("ack: %v %v", ack, err)
		}
		return c
	}
	sub := map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": "{ __typename }"}}

	t.Run("no subprotocol", func(t *testing.T) { closedWith(t, dial(t), 4406) })
	t.Run("init timeout", func(t *testing.T) { closedWith(t, dial(t, "graphql-transport-ws"), 4408) })
	t.Run("subscribe before init", func(t *testing.T) {
		c := dial(t, "graphql-transport-ws")
		send(t, c, sub)
		closedWith(t, c, 4401)
	})
	t.Run("bad token", func(t *testing.T) {
		c := dial(t, "graphql-transport-ws")
		send(t, c, map[string]any{"type": "connection_init", "payload": map[string]any{"authToken": "lm_nope"}})
		closedWith(t, c, 4403)
	})
	t.Run("second init", func(t *testing.T) {
		c := initd(t)
		send(t, c, map[string]any{"type": "connection_init"})
		closedWith(t, c, 4429)
	})
	t.Run("invalid message", func(t *testing.T) {
		c := initd(t)
		if err := c.Write(context.Background(), websocket.MessageText, []byte("not json")); err != nil {
			t.Fatal(err)
		}
		closedWith(t, c, 4400)
	})
	t.Run("duplicate id", func(t *testing.T) {
		c := initd(t)
		long := map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": `subscription{ notificationReceived{ id } }`}}
		send(t, c, long)
		send(t, c, long)
		closedWith(t, c, 4409)
	})
	t.Run("query, ping, pong and complete", func(t *testing.T) {
		c := initd(t)
		send(t, c, map[string]any{"type": "ping"})
		send(t, c, sub)
		seen := map[string]bool{}
		for !(seen["pong"] && seen["next"] && seen["complete"] && seen["ping"]) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			var msg struct {
				ID, Type string
				Payload  json.RawMessage
			}
			err := wsjson.Read(ctx, c, &msg)
			cancel()
			if err != nil {
				t.Fatalf("after %v: %v", seen, err)
			}
			if msg.Type == "next" && (msg.ID != "1" || string(msg.Payload) != `{"data":{"__typename":"Query"}}`) {
				t.Fatalf("next: %s %s", msg.ID, msg.Payload)
			}
			if msg.Type == "ping" { // the server's keep-alive: answer it
				send(t, c, map[string]any{"type": "pong"})
			}
			seen[msg.Type] = true
		}
	})
}

// TestWebsocketIntVariablesAndIDReuse: Int variables work over the
// websocket, and an id the client completed can be used again at once
// without the old operation ending the new one.
func TestWebsocketIntVariablesAndIDReuse(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	token, _ := s.SignUp(t, "ids@example.com", "Ids")
	c, ack := wsSession(t, s, map[string]any{"authToken": token})
	if ack["type"] != "connection_ack" {
		t.Fatalf("ack: %v", ack)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sub := map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": `subscription{ notificationReceived{ id } }`}}
	for i := 0; i < 20; i++ {
		if err := wsjson.Write(ctx, c, sub); err != nil {
			t.Fatal(err)
		}
		if err := wsjson.Write(ctx, c, map[string]any{"id": "1", "type": "complete"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := wsjson.Write(ctx, c, sub); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return s.NotificationSubscribers() == 1 })
	if err := wsjson.Write(ctx, c, map[string]any{"id": "q", "type": "subscribe", "payload": map[string]any{
		"query": `query($n: Int){ products(first: $n){ totalCount } }`, "variables": map[string]any{"n": 5}}}); err != nil {
		t.Fatal(err)
	}
	for {
		var msg struct {
			ID, Type string
			Payload  json.RawMessage
		}
		if err := wsjson.Read(ctx, c, &msg); err != nil {
			t.Fatal(err)
		}
		if msg.ID == "1" {
			t.Fatalf("the reused id got %s %s", msg.Type, msg.Payload)
		}
		if msg.ID == "q" && msg.Type == "next" {
			if !strings.Contains(string(msg.Payload), `"totalCount":0`) {
				t.Fatalf("Int variable over the websocket: %s", msg.Payload)
			}
			break
		}
	}
	time.Sleep(100 * time.Millisecond) // a stale stop of id 1 would land now
	if n := s.NotificationSubscribers(); n != 1 {
		t.Fatalf("subscribers on the reused id = %d, want 1", n)
	}
}
