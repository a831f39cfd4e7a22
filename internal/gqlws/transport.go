// Package gqlws is a gqlgen transport for the graphql-transport-ws protocol
// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md), built for
// many long-lived subscribers per process:
//
//   - each connection costs one goroutine while idle (its reader); a writer
//     goroutine exists only while the connection has frames queued;
//   - each connection has a bounded queue: one that falls more than
//     QueueLimit frames behind, or whose write stalls for WriteTimeout, is
//     closed with code 1008 and a reason that says so, without ever slowing
//     the others;
//   - a Sharer can take a subscription onto a shared stream that encodes each
//     event once for all its subscribers (see Sharer); other operations run
//     through gqlgen's executor as usual.
package gqlws

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/coder/websocket"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Subprotocol is the only websocket subprotocol served.
const Subprotocol = "graphql-transport-ws"

// Close codes of the protocol, and the one for slow consumers.
const (
	CloseNormal               = 1000
	CloseSlowConsumer         = 1008 // policy violation: fell too far behind
	CloseInternal             = 4500
	CloseBadRequest           = 4400
	CloseUnauthorized         = 4401
	CloseForbidden            = 4403
	CloseSubprotocol          = 4406
	CloseInitTimeout          = 4408
	CloseSubscriberExists     = 4409
	CloseTooManyInitRequests  = 4429
	CloseTooManySubscriptions = 4430
)

// InitFunc authenticates connection_init's payload and returns the context
// every operation on the connection runs in. An error refuses the
// connection (close code 4403, the error's text as the reason).
type InitFunc func(ctx context.Context, payload map[string]any) (context.Context, error)

// Subscriber is one subscription as a Sharer sees it.
type Subscriber interface {
	// Next queues a pre-encoded GraphQL response ({"data":...}) for this
	// subscriber; false when the subscriber or its connection is gone.
	Next(payload []byte) bool
	// Complete ends the subscription; the client is told it completed.
	Complete()
	// Context ends when the subscriber stops or its connection closes.
	Context() context.Context
}

// A Sharer may serve a subscription from a stream it shares with other
// subscribers. Share returns false to leave the operation to the executor;
// true means the Sharer now delivers to sub until sub's context ends.
type Sharer interface {
	Share(ctx context.Context, exec graphql.GraphExecutor, op *graphql.OperationContext, sub Subscriber) bool
}

// Transport serves graphql-transport-ws on a gqlgen handler.
type Transport struct {
	Init        InitFunc
	InitTimeout time.Duration // default 10s
	// QueueLimit is how many frames a connection may have queued and not
	// yet written before it is closed as a slow consumer (default 256).
	QueueLimit int
	// WriteTimeout closes a connection whose write has not completed for
	// this long (default 10s).
	WriteTimeout time.Duration
	// PingInterval sends a protocol ping on connections that were idle this
	// long (0: never).
	PingInterval time.Duration
	// ReadLimit bounds one client message (default 1 MiB).
	ReadLimit int64
	// MaxSubscriptions bounds the operations one connection may run at
	// once (default 100); one more closes it with 4430.
	MaxSubscriptions int
	Sharer           Sharer
	Logger           *slog.Logger

	once sync.Once
	reg  *registry
}

var _ graphql.Transport = (*Transport)(nil)

// Supports reports whether r asks for a websocket upgrade.
func (t *Transport) Supports(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

func (t *Transport) setup() {
	t.once.Do(func() {
		if t.InitTimeout <= 0 {
			t.InitTimeout = 10 * time.Second
		}
		if t.QueueLimit <= 0 {
			t.QueueLimit = 256
		}
		if t.WriteTimeout <= 0 {
			t.WriteTimeout = 10 * time.Second
		}
		if t.ReadLimit <= 0 {
			t.ReadLimit = 1 << 20
		}
		if t.MaxSubscriptions <= 0 {
			t.MaxSubscriptions = 100
		}
		if t.Logger == nil {
			t.Logger = slog.Default()
		}
		t.reg = newRegistry(t)
	})
}

// Connections counts open connections.
func (t *Transport) Connections() int {
	t.setup()
	return t.reg.count()
}

// Do serves one websocket connection until it closes.
func (t *Transport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	t.setup()
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		Subprotocols: []string{Subprotocol},
		// Clients authenticate in connection_init, never with cookies, so
		// any origin may connect.
		InsecureSkipVerify: true,
	})
	if err != nil {
		return // Accept has written the HTTP error
	}
	if ws.Subprotocol() != Subprotocol {
		_ = ws.Close(CloseSubprotocol, "Subprotocol not acceptable: use "+Subprotocol)
		return
	}
	ws.SetReadLimit(t.ReadLimit)
	ctx, cancel := context.WithCancel(r.Context())
	c := &conn{t: t, ws: ws, exec: exec, ctx: ctx, cancel: cancel, headers: r.Header, subs: map[string]*subscription{}, lastSend: time.Now()}
	t.reg.add(c)
	defer func() {
		t.reg.remove(c)
		c.shutdown()
	}()
	if !c.init() {
		return
	}
	c.readLoop()
}

// ---- connection ----

type conn struct {
	t       *Transport
	ws      *websocket.Conn
	exec    graphql.GraphExecutor
	ctx     context.Context // operations' context (the viewer, after init)
	cancel  context.CancelFunc
	headers http.Header

	mu         sync.Mutex
	queue      [][]byte
	spare      [][]byte
	writing    bool
	writeStart time.Time
	lastSend   time.Time
	closed     bool
	subs       map[string]*subscription
}

type message struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func (c *conn) init() bool {
	timer := time.AfterFunc(c.t.InitTimeout, func() {
		c.closeWith(CloseInitTimeout, "Connection initialisation timeout")
	})
	m, err := c.read()
	for err == nil && (m.Type == "ping" || m.Type == "pong") { // allowed at any time
		if m.Type == "ping" {
			c.sendMsg(message{Type: "pong", Payload: m.Payload})
		}
		m, err = c.read()
	}
	if !timer.Stop() || err != nil {
		return false
	}
	if m.Type != "connection_init" {
		c.closeWith(CloseUnauthorized, "Unauthorized: send connection_init first")
		return false
	}
	var payload map[string]any
	if len(m.Payload) > 0 && !bytes.Equal(m.Payload, []byte("null")) {
		if err := json.Unmarshal(m.Payload, &payload); err != nil {
			c.closeWith(CloseBadRequest, "Invalid connection_init payload")
			return false
		}
	}
	if c.t.Init != nil {
		ctx, err := c.t.Init(c.ctx, payload)
		if err != nil {
			c.closeWith(CloseForbidden, "Forbidden: "+err.Error())
			return false
		}
		c.ctx = ctx
	}
	return c.sendMsg(message{Type: "connection_ack"})
}

// read returns the next client message. It reads without a context (a
// context would cost a timer per read): closing the connection ends it.
func (c *conn) read() (message, error) {
	var m message
	typ, b, err := c.ws.Read(context.Background())
	if err != nil {
		return m, err
	}
	if typ != websocket.MessageText || json.Unmarshal(b, &m) != nil || m.Type == "" {
		return m, errBadMessage
	}
	return m, nil
}

var errBadMessage = errors.New("gqlws: invalid message")

func (c *conn) readLoop() {
	for {
		m, err := c.read()
		if errors.Is(err, errBadMessage) {
			c.closeWith(CloseBadRequest, "Invalid message received")
			return
		}
		if err != nil {
			return
		}
		switch m.Type {
		case "ping":
			c.sendMsg(message{Type: "pong", Payload: m.Payload})
		case "pong":
		case "subscribe":
			if m.ID == "" {
				c.closeWith(CloseBadRequest, "Invalid message received: subscribe without id")
				return
			}
			if !c.subscribe(m.ID, m.Payload) {
				return
			}
		case "complete":
			c.stop(m.ID)
		case "connection_init":
			c.closeWith(CloseTooManyInitRequests, "Too many initialisation requests")
			return
		default:
			c.closeWith(CloseBadRequest, "Invalid message received: unexpected type "+m.Type)
			return
		}
	}
}

// subscribe starts operation id; false when the connection must close.
func (c *conn) subscribe(id string, payload json.RawMessage) bool {
	start := graphql.Now()
	params := &graphql.RawParams{}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber() // integers stay integers (Int, Int64 variables), as gqlgen's transports decode them
	if err := dec.Decode(params); err != nil {
		c.closeWith(CloseBadRequest, "Invalid message received: subscribe payload")
		return false
	}
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	params.Headers = c.headers

	ctx, cancel := context.WithCancel(graphql.StartOperationTrace(c.ctx))
	s := &subscription{c: c, id: id, ctx: ctx, cancel: cancel}
	s.prefix = append(append([]byte(`{"id":`), mustJSON(id)...), `,"type":"next","payload":`...)
	c.mu.Lock()
	if len(c.subs) >= c.t.MaxSubscriptions {
		c.mu.Unlock()
		cancel()
		c.closeWith(CloseTooManySubscriptions, fmt.Sprintf("Too many subscriptions: at most %d per connection", c.t.MaxSubscriptions))
		return false
	}
	if _, dup := c.subs[id]; dup {
		c.mu.Unlock()
		cancel()
		c.closeWith(CloseSubscriberExists, "Subscriber for "+id+" already exists")
		return false
	}
	c.subs[id] = s
	c.mu.Unlock()
	// Parsing, validation and authorization run apart from the reader, so
	// its stack stays small for the connection's whole life.
	go c.start(s, params)
	return true
}

// start creates operation s and hands it to the Sharer or the executor.
func (c *conn) start(s *subscription, params *graphql.RawParams) {
	defer func() {
		if p := recover(); p != nil {
			c.t.Logger.Error("gqlws: panic starting an operation", "panic", p)
			c.sendError(s, gqlerror.List{{Message: "internal error", Extensions: map[string]any{"code": "INTERNAL"}}})
		}
	}()
	ctx := s.ctx
	rc, gerr := c.exec.CreateOperationContext(ctx, params)
	if gerr != nil {
		resp := c.exec.DispatchError(graphql.WithOperationContext(ctx, rc), gerr)
		if errcode.GetErrorKind(gerr) == errcode.KindProtocol {
			c.sendError(s, resp.Errors)
		} else {
			s.Next(mustJSON(resp))
			c.finish(s, true)
		}
		return
	}
	ctx = graphql.WithOperationContext(ctx, rc)
	if rc.Operation.Operation == ast.Subscription && c.t.Sharer != nil && c.t.Sharer.Share(ctx, c.exec, rc, s) {
		return
	}
	c.execute(s, ctx, rc)
}

// execute runs one operation through the executor, one response per event.
func (c *conn) execute(s *subscription, ctx context.Context, rc *graphql.OperationContext) {
	defer func() {
		if p := recover(); p != nil {
			err := rc.Recover(ctx, p)
			var gqlErr *gqlerror.Error
			if !errors.As(err, &gqlErr) {
				gqlErr = &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": "INTERNAL"}}
			}
			c.sendError(s, gqlerror.List{gqlErr})
			return
		}
		c.finish(s, true)
	}()
	responses, ctx := c.exec.DispatchOperation(ctx, rc)
	for {
		resp := responses(ctx)
		if resp == nil {
			return
		}
		if !s.Next(mustJSON(resp)) {
			return
		}
	}
}

// stop ends subscription id at the client's request (no reply).
func (c *conn) stop(id string) {
	c.mu.Lock()
	s := c.subs[id]
	delete(c.subs, id)
	c.mu.Unlock()
	if s != nil {
		s.cancel()
	}
}

// finish ends s from the server's side; complete tells the client. Only s
// itself is removed: the client may have reused its id meanwhile.
func (c *conn) finish(s *subscription, complete bool) {
	c.mu.Lock()
	active := c.subs[s.id] == s
	if active {
		delete(c.subs, s.id)
	}
	c.mu.Unlock()
	s.cancel()
	if active && complete {
		c.sendMsg(message{ID: s.id, Type: "complete"})
	}
}

func (c *conn) sendError(s *subscription, errs gqlerror.List) {
	c.mu.Lock()
	active := c.subs[s.id] == s
	if active {
		delete(c.subs, s.id)
	}
	c.mu.Unlock()
	s.cancel()
	if active {
		c.sendMsg(message{ID: s.id, Type: "error", Payload: mustJSON(errs)})
	}
}

func (c *conn) sendMsg(m message) bool { return c.send(mustJSON(m)) }

// send queues frame; the connection is closed as a slow consumer when its
// queue is full.
func (c *conn) send(frame []byte) bool {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return false
	}
	if len(c.queue) >= c.t.QueueLimit {
		c.mu.Unlock()
		c.closeWith(CloseSlowConsumer, fmt.Sprintf("slow consumer: more than %d messages waiting; reconnect (showEvents: resume with afterSeq)", c.t.QueueLimit))
		return false
	}
	c.queue = append(c.queue, frame)
	c.lastSend = time.Now()
	if !c.writing {
		c.writing = true
		c.writeStart = c.lastSend
		go c.drain()
	}
	c.mu.Unlock()
	return true
}

// drain writes queued frames until the queue is empty, then exits: an idle
// connection has no writer goroutine.
func (c *conn) drain() {
	for {
		c.mu.Lock()
		if c.closed || len(c.queue) == 0 {
			c.writing = false
			c.mu.Unlock()
			return
		}
		batch := c.queue
		c.queue, c.spare = c.spare[:0], nil
		c.writeStart = time.Now()
		c.mu.Unlock()
		for i, f := range batch {
			// No context deadline: stalled writes are caught by the
			// registry's sweep, which is cheaper than a timer per write.
			if err := c.ws.Write(context.Background(), websocket.MessageText, f); err != nil {
				c.shutdown()
				return
			}
			batch[i] = nil
		}
		c.mu.Lock()
		if c.spare == nil {
			c.spare = batch[:0]
		}
		c.mu.Unlock()
	}
}

// closeWith closes the connection with code and reason (the close frame is
// sent if the connection can still carry it).
func (c *conn) closeWith(code int, reason string) {
	if !c.markClosed() {
		return
	}
	if len(reason) > 120 { // a close frame's reason must fit in 123 bytes
		reason = strings.ToValidUTF8(reason[:120], "")
	}
	go func() {
		_ = c.ws.Close(websocket.StatusCode(code), reason)
	}()
}

// shutdown drops the connection without a close handshake.
func (c *conn) shutdown() {
	if c.markClosed() {
		_ = c.ws.CloseNow()
	}
}

// markClosed marks the connection closed and ends its operations; false if
// it already was.
func (c *conn) markClosed() bool {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return false
	}
	c.closed = true
	c.queue, c.spare = nil, nil
	subs := c.subs
	c.subs = map[string]*subscription{}
	c.mu.Unlock()
	for _, s := range subs {
		s.cancel()
	}
	c.cancel()
	return true
}

// ---- subscription ----

type subscription struct {
	c      *conn
	id     string
	prefix []byte // {"id":"…","type":"next","payload":
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *subscription) Next(payload []byte) bool {
	if s.ctx.Err() != nil {
		return false
	}
	f := make([]byte, 0, len(s.prefix)+len(payload)+1)
	f = append(append(append(f, s.prefix...), payload...), '}')
	return s.c.send(f)
}

func (s *subscription) Context() context.Context { return s.ctx }

func (s *subscription) Complete() { s.c.finish(s, true) }

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("gqlws: encode %T: %v", v, err))
	}
	return b
}

// ---- registry: stalled writes and keep-alive pings ----

type registry struct {
	t     *Transport
	mu    sync.Mutex
	conns map[*conn]struct{}
	timer bool
}

func newRegistry(t *Transport) *registry { return &registry{t: t, conns: map[*conn]struct{}{}} }

func (r *registry) add(c *conn) {
	r.mu.Lock()
	r.conns[c] = struct{}{}
	if !r.timer {
		r.timer = true
		time.AfterFunc(r.interval(), r.sweep)
	}
	r.mu.Unlock()
}

func (r *registry) remove(c *conn) {
	r.mu.Lock()
	delete(r.conns, c)
	r.mu.Unlock()
}

func (r *registry) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.conns)
}

func (r *registry) interval() time.Duration {
	d := r.t.WriteTimeout / 4
	if r.t.PingInterval > 0 && r.t.PingInterval/4 < d {
		d = r.t.PingInterval / 4
	}
	return max(d, 50*time.Millisecond)
}

// sweep runs on a timer while connections exist: it closes connections
// whose write has stalled and pings idle ones. One timer serves them all.
func (r *registry) sweep() {
	now := time.Now()
	var stalled, idle []*conn
	r.mu.Lock()
	for c := range r.conns {
		c.mu.Lock()
		switch {
		case c.closed:
		case c.writing && now.Sub(c.writeStart) > r.t.WriteTimeout:
			stalled = append(stalled, c)
		case r.t.PingInterval > 0 && !c.writing && now.Sub(c.lastSend) > r.t.PingInterval:
			idle = append(idle, c)
		}
		c.mu.Unlock()
	}
	if len(r.conns) == 0 {
		r.timer = false
	} else {
		time.AfterFunc(r.interval(), r.sweep)
	}
	r.mu.Unlock()
	for _, c := range stalled {
		c.closeWith(CloseSlowConsumer, fmt.Sprintf("slow consumer: a write waited more than %s; reconnect (showEvents: resume with afterSeq)", r.t.WriteTimeout))
	}
	for _, c := range idle {
		c.sendMsg(message{Type: "ping"})
	}
}
