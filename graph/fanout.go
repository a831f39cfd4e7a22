package graph

import (
	"context"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/live"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/graph/model"
	"github.com/livemarket/livemarket/internal/gqlws"
)

// ShowFanout serves showEvents subscriptions from one stream per show and
// operation: each event is executed and encoded once, and the same bytes go
// to every subscriber of that operation on this process (ARCHITECTURE: "encode
// once per distinct selection set"). It takes a subscription only when the
// show is public and every selected field is the same for every viewer
// (publicFields); anything else runs per subscriber through the executor.
//
// A group keeps the encoded recent tail (up to live.ReplayLimit events), so
// a subscriber resuming with afterSeq is served from memory.
type ShowFanout struct {
	live *live.Service
	log  *slog.Logger

	mu     sync.Mutex
	groups map[fanoutKey]*fanoutGroup
}

var _ gqlws.Sharer = (*ShowFanout)(nil)

// NewShowFanout makes the fan-out over l's event streams.
func NewShowFanout(l *live.Service, log *slog.Logger) *ShowFanout {
	if log == nil {
		log = slog.Default()
	}
	return &ShowFanout{live: l, log: log, groups: map[fanoutKey]*fanoutGroup{}}
}

// fanoutKey identifies subscribers whose responses are byte-identical: the
// same show, document, operation and variables (afterSeq aside).
type fanoutKey struct{ showID, query, operation, vars string }

type fanoutGroup struct {
	key    fanoutKey
	refs   int // guarded by ShowFanout.mu
	cancel context.CancelFunc
	ready  chan struct{} // closed once the tail is encoded (or failed)
	failed bool          // set before ready closes

	mu      sync.Mutex
	dead    bool // ended: takes no more members
	members map[*fanoutMember]struct{}
	ring    []encodedEvent // the recent tail, oldest first
	head    int64          // seq of the latest event encoded
}

type encodedEvent struct {
	seq     int64
	payload []byte
}

type fanoutMember struct {
	sub  gqlws.Subscriber
	last int64 // seq of the latest event handed to sub
}

// Subscribers counts showID's subscribers served by groups, and the groups
// (each holds one subscription to the event bus).
func (f *ShowFanout) Subscribers(showID string) (members, groups int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for k, g := range f.groups {
		if k.showID == showID {
			groups++
			g.mu.Lock()
			members += len(g.members)
			g.mu.Unlock()
		}
	}
	return members, groups
}

// Share implements gqlws.Sharer.
func (f *ShowFanout) Share(ctx context.Context, exec graphql.GraphExecutor, op *graphql.OperationContext, sub gqlws.Subscriber) bool {
	field, ok := shareableShowEvents(op)
	if !ok {
		return false
	}
	args := field.ArgumentMap(op.Variables)
	showID, _ := args["showId"].(string)
	after, ok := int64Arg(args["afterSeq"])
	if !ok || showID == "" {
		return false
	}
	// Authorize this subscriber; errors (and private shows) take the
	// per-subscriber path, which reports them as the resolver does.
	if public, err := f.live.Watchable(ctx, kernel.ViewerFrom(ctx), showID); err != nil || !public {
		return false
	}
	key := fanoutKey{showID: showID, query: op.RawQuery, operation: op.OperationName, vars: varsKey(op.Variables, field)}
	g := f.acquire(key, exec, op)
	m := &fanoutMember{sub: sub}
	if !g.join(m, after) {
		f.release(g)
		return false
	}
	context.AfterFunc(sub.Context(), func() {
		g.leave(m)
		f.release(g)
	})
	return true
}

func (f *ShowFanout) acquire(key fanoutKey, exec graphql.GraphExecutor, op *graphql.OperationContext) *fanoutGroup {
	f.mu.Lock()
	defer f.mu.Unlock()
	g := f.groups[key]
	if g == nil || g.broken() {
		ctx, cancel := context.WithCancel(context.Background())
		g = &fanoutGroup{key: key, cancel: cancel, ready: make(chan struct{}), members: map[*fanoutMember]struct{}{}}
		f.groups[key] = g
		go f.run(ctx, g, exec, op)
	}
	g.refs++
	return g
}

func (f *ShowFanout) release(g *fanoutGroup) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if g.refs--; g.refs == 0 {
		if f.groups[g.key] == g {
			delete(f.groups, g.key)
		}
		g.cancel()
	}
}

func (g *fanoutGroup) broken() bool {
	select {
	case <-g.ready:
		if g.failed {
			return true
		}
	default:
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.dead
}

// join adds m, first replaying the encoded tail after *after when set.
func (g *fanoutGroup) join(m *fanoutMember, after *int64) bool {
	select {
	case <-g.ready:
	case <-m.sub.Context().Done():
		return false
	}
	if g.failed {
		return false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.dead {
		return false
	}
	if after == nil {
		m.last = g.head
	} else {
		if len(g.ring) > 0 && max(*after, 0) < g.ring[0].seq-1 {
			return false // older than the tail kept here: the per-subscriber path replays it from the log
		}
		m.last = max(*after, 0)
		for _, e := range g.ring {
			if e.seq > m.last {
				m.last = e.seq
				if !m.sub.Next(e.payload) {
					return false
				}
			}
		}
	}
	g.members[m] = struct{}{}
	return true
}

func (g *fanoutGroup) leave(m *fanoutMember) {
	g.mu.Lock()
	delete(g.members, m)
	g.mu.Unlock()
}

// broadcast hands one encoded event to every member, never waiting on one:
// Next only queues (a member whose queue is full is disconnected).
func (g *fanoutGroup) broadcast(seq int64, payload []byte) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.ring = append(g.ring, encodedEvent{seq, payload})
	if len(g.ring) > live.ReplayLimit {
		g.ring = g.ring[len(g.ring)-live.ReplayLimit:]
	}
	g.head = seq
	for m := range g.members {
		if seq > m.last {
			m.last = seq
			m.sub.Next(payload)
		}
	}
}

// run executes the group's operation once per event, as an anonymous viewer
// (the selection is public), until the group is released.
func (f *ShowFanout) run(ctx context.Context, g *fanoutGroup, exec graphql.GraphExecutor, op *graphql.OperationContext) {
	showID := g.key.showID
	feed := make(chan model.ShowEvent, 1)
	ctx = withShowFeed(kernel.WithViewer(ctx, kernel.Viewer{}), feed)
	responses, rctx := exec.DispatchOperation(graphql.StartOperationTrace(ctx), op)
	encode := func(ev *showevents.Event) ([]byte, bool) {
		select {
		case feed <- showEvent(ev):
		case <-ctx.Done():
			return nil, false
		}
		resp := responses(rctx)
		if resp == nil || len(feed) > 0 {
			// The execution ended or answered without taking the event (an
			// error at its start): the group cannot serve anyone.
			f.log.ErrorContext(ctx, "showEvents fan-out: the execution did not take the event", "show", showID, "response", resp)
			return nil, false
		}
		b, err := json.Marshal(resp)
		return b, err == nil
	}
	// The recent tail first, so members can resume from memory.
	warm := func() bool {
		last, err := f.live.LastSeq(ctx, showID)
		if err != nil {
			f.log.WarnContext(ctx, "showEvents fan-out: read last seq", "show", showID, "err", err)
			return false
		}
		tail, err := f.live.Replay(ctx, showID, max(last-live.ReplayLimit, 0))
		if err != nil {
			f.log.WarnContext(ctx, "showEvents fan-out: replay tail", "show", showID, "err", err)
			return false
		}
		for _, ev := range tail {
			b, ok := encode(ev)
			if !ok {
				return false
			}
			g.broadcast(ev.Seq, b)
		}
		return true
	}
	if !warm() {
		g.failed = true
		close(g.ready)
		return
	}
	close(g.ready)
	// Then live events, resuming from the log whenever the stream breaks
	// (the bus drops a subscriber that falls behind).
	for ctx.Err() == nil {
		g.mu.Lock()
		head := g.head
		g.mu.Unlock()
		sctx, stop := context.WithCancel(ctx)
		stream, err := showStream(sctx, f.live, kernel.Viewer{}, showID, &head)
		if err != nil {
			stop()
			f.log.WarnContext(ctx, "showEvents fan-out: subscribe", "show", showID, "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(time.Second):
			}
			continue
		}
		for ev := range stream {
			b, ok := encode(ev)
			if !ok {
				stop()
				if ctx.Err() == nil {
					// The execution ended on its own: end the group; its
					// subscribers are told, and resume with afterSeq.
					f.log.ErrorContext(ctx, "showEvents fan-out: execution ended", "show", showID)
					g.end()
				}
				return
			}
			g.broadcast(ev.Seq, b)
		}
		stop()
	}
}

// end completes every member's subscription.
func (g *fanoutGroup) end() {
	g.mu.Lock()
	g.dead = true
	members := g.members
	g.members = map[*fanoutMember]struct{}{}
	g.mu.Unlock()
	for m := range members {
		m.sub.Complete()
	}
}

// showStream is a show's events in seq order: those after *after from the
// log first (when after is set), then live ones, filling any gap from the
// log. It ends when ctx does or the bus drops it for falling behind.
func showStream(ctx context.Context, l *live.Service, viewer kernel.Viewer, showID string, after *int64) (<-chan *showevents.Event, error) {
	// Subscribe before replaying, so nothing falls between the two.
	in, err := l.Subscribe(ctx, viewer, showID)
	if err != nil {
		return nil, err
	}
	out := make(chan *showevents.Event, 16)
	go func() {
		defer close(out)
		last := int64(-1)
		send := func(ev *showevents.Event) bool {
			select {
			case out <- ev:
				last = ev.Seq
				return true
			case <-ctx.Done():
				return false
			}
		}
		// fill delivers stored events after last and before upto (0: all).
		fill := func(upto int64) bool {
			evs, err := l.Replay(ctx, showID, last)
			if err != nil {
				return false
			}
			for _, ev := range evs {
				if upto > 0 && ev.Seq >= upto {
					break
				}
				if !send(ev) {
					return false
				}
			}
			return true
		}
		if after != nil {
			last = max(*after, 0)
			if !fill(0) {
				return
			}
		}
		for ev := range in {
			switch {
			case last >= 0 && ev.Seq <= last:
				continue // already delivered by the replay
			case last >= 0 && ev.Seq > last+1:
				if !fill(ev.Seq) { // a gap: take the missing events from the log
					return
				}
			}
			if !send(ev) {
				return
			}
		}
	}()
	return out, nil
}

// ---- the feed a group hands to its own execution ----

type showFeedKey struct{}

func withShowFeed(ctx context.Context, feed chan model.ShowEvent) context.Context {
	return context.WithValue(ctx, showFeedKey{}, feed)
}

func showFeedFrom(ctx context.Context) chan model.ShowEvent {
	feed, _ := ctx.Value(showFeedKey{}).(chan model.ShowEvent)
	return feed
}

// ---- which operations may share ----

// publicFields lists the fields reachable from showEvents whose value is the
// same for every viewer of a public show. A selection of anything else (a
// vendor's staff, fees, open offers…) is executed per subscriber.
var publicFields = map[string]bool{}

func init() {
	add := func(typ string, fields ...string) {
		for _, f := range fields {
			publicFields[typ+"."+f] = true
		}
	}
	common := []string{"seq", "at", "showId"}
	add("ShowEvent", common...)
	add("ShowStatusChanged", append(common, "status")...)
	add("ProductPinned", append(common, "product")...)
	add("ProductUnpinned", common...)
	add("ChatMessagePosted", append(common, "message")...)
	add("ChatMessageRemoved", append(common, "messageId")...)
	add("QuestionAsked", append(common, "question")...)
	add("QuestionAnswered", append(common, "question")...)
	add("ViewerCountChanged", append(common, "count")...)
	add("StockChanged", append(common, "productId", "stock")...)
	add("PurchaseMade", append(common, "productId", "quantity")...)
	add("FlashSaleStarted", append(common, "flashSale")...)
	add("FlashSaleEnded", append(common, "productId")...)
	add("FlashSale", "product", "price", "quantity", "remaining", "perBuyerLimit", "endsAt")
	add("ChatMessage", "id", "author", "body", "createdAt")
	add("Question", "id", "author", "body", "answer", "answeredAt", "product", "createdAt")
	add("PublicUser", "id", "displayName")
	add("Product", "id", "vendor", "title", "description", "category", "price", "stock", "sku", "imageUrls", "status")
	add("Vendor", "id", "slug", "name", "description")
	add("Money", "amountMinor", "currency")
}

func shareableShowEvents(op *graphql.OperationContext) (*ast.Field, bool) {
	if op.Operation == nil || len(op.Operation.SelectionSet) != 1 {
		return nil, false
	}
	f, ok := op.Operation.SelectionSet[0].(*ast.Field)
	if !ok || f.Name != "showEvents" || len(f.Directives) > 0 {
		return nil, false
	}
	return f, publicSelection(f.SelectionSet, 0)
}

func publicSelection(set ast.SelectionSet, depth int) bool {
	if depth > 16 {
		return false
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__typename" {
				continue
			}
			if s.ObjectDefinition == nil || !publicFields[s.ObjectDefinition.Name+"."+s.Name] {
				return false
			}
			if !publicSelection(s.SelectionSet, depth+1) {
				return false
			}
		case *ast.InlineFragment:
			if !publicSelection(s.SelectionSet, depth+1) {
				return false
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || !publicSelection(s.Definition.SelectionSet, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// varsKey encodes the variables that shape the response: all but the one
// carrying afterSeq, which only decides where a subscriber starts.
func varsKey(vars map[string]any, field *ast.Field) string {
	skip := ""
	if a := field.Arguments.ForName("afterSeq"); a != nil && a.Value != nil && a.Value.Kind == ast.Variable {
		skip = a.Value.Raw
	}
	rest := make(map[string]any, len(vars))
	for k, v := range vars {
		if k != skip {
			rest[k] = v
		}
	}
	b, _ := json.Marshal(rest) // map keys are sorted
	return string(b)
}

// int64Arg reads an optional Int64 argument as coerced by gqlparser.
func int64Arg(v any) (*int64, bool) {
	var n int64
	switch x := v.(type) {
	case nil:
		return nil, true
	case int64:
		n = x
	case int:
		n = int64(x)
	case float64:
		n = int64(x)
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			return nil, false
		}
		n = i
	default:
		return nil, false
	}
	return &n, true
}
