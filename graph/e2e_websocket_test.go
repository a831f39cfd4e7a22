package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

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
