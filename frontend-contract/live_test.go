package contract_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	contract "github.com/livemarket/livemarket/frontend-contract"
	"github.com/livemarket/livemarket/internal/testkit"
)

// The shapes of the live fragments and of ShowEvents.
type (
	publicUser  struct{ ID, DisplayName string }
	chatMessage struct {
		ID, Body  string
		CreatedAt time.Time
		Author    publicUser
	}
	question struct {
		ID, Body   string
		Answer     *string
		AnsweredAt *time.Time
		CreatedAt  time.Time
		Author     publicUser
		Product    *product
	}
	chatPayload struct {
		Message *chatMessage
		Errors  []userError
	}
	questionPayload struct {
		Question *question
		Errors   []userError
	}
	chatConnection struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Cursor string
			Node   chatMessage
		}
	}
	questionConnection struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Cursor string
			Node   question
		}
	}
	showEvent struct {
		Typename string `json:"__typename"`
		Seq      int64
		At       time.Time
		ShowID   string
		Status   string
		Product  *struct{ ID, Title string }
		Message  *struct {
			ID, Body string
			Author   publicUser
		}
		MessageID string
		Question  *struct {
			ID, Body string
			Answer   *string
		}
		Count *int
	}
)

func (c *client) chatPost(t *testing.T, token, showID, body string) chatPayload {
	t.Helper()
	var out struct{ ChatPost chatPayload }
	c.must(t, token, "ChatPost", map[string]any{"input": map[string]any{"showId": showID, "body": body}}, &out)
	return out.ChatPost
}

func (c *client) chatRemove(t *testing.T, token, messageID string) chatPayload {
	t.Helper()
	var out struct{ ChatRemove chatPayload }
	c.must(t, token, "ChatRemove", map[string]any{"input": map[string]any{"messageId": messageID}}, &out)
	return out.ChatRemove
}

func (c *client) questionMut(t *testing.T, token, name string, in map[string]any) questionPayload {
	t.Helper()
	var out map[string]questionPayload
	c.must(t, token, name, map[string]any{"input": in}, &out)
	return out[lowerFirst(name)]
}

func (c *client) showChat(t *testing.T, token, showID string, vars map[string]any) chatConnection {
	t.Helper()
	all := map[string]any{"id": showID}
	for k, v := range vars {
		all[k] = v
	}
	var out struct {
		Show *struct {
			ID   string
			Chat chatConnection
		}
	}
	c.must(t, token, "ShowChat", all, &out)
	if out.Show == nil || out.Show.ID != showID {
		t.Fatalf("ShowChat %v: show %+v", all, out.Show)
	}
	conn := out.Show.Chat
	if len(conn.Edges) > conn.TotalCount || (len(conn.Edges) > 0 && (conn.PageInfo.EndCursor == nil || *conn.PageInfo.EndCursor != conn.Edges[len(conn.Edges)-1].Cursor)) {
		t.Fatalf("ShowChat %v = %+v", all, conn)
	}
	return conn
}

func (c *client) showQuestions(t *testing.T, token, showID string, vars map[string]any) questionConnection {
	t.Helper()
	all := map[string]any{"id": showID}
	for k, v := range vars {
		all[k] = v
	}
	var out struct {
		Show *struct {
			ID        string
			Questions questionConnection
		}
	}
	c.must(t, token, "ShowQuestions", all, &out)
	if out.Show == nil || out.Show.ID != showID {
		t.Fatalf("ShowQuestions %v: show %+v", all, out.Show)
	}
	conn := out.Show.Questions
	if len(conn.Edges) > conn.TotalCount || (len(conn.Edges) > 0 && (conn.PageInfo.EndCursor == nil || *conn.PageInfo.EndCursor != conn.Edges[len(conn.Edges)-1].Cursor)) {
		t.Fatalf("ShowQuestions %v = %+v", all, conn)
	}
	return conn
}

func chatBodies(conn chatConnection) []string {
	out := make([]string, len(conn.Edges))
	for i, e := range conn.Edges {
		out[i] = e.Node.Body
	}
	return out
}

func questionIDs(conn questionConnection) []string {
	out := make([]string, len(conn.Edges))
	for i, e := range conn.Edges {
		out[i] = e.Node.ID
	}
	return out
}

// eventSocket runs the ShowEvents subscription.
type eventSocket struct{ *socket }

// subscribeShowEvents opens a websocket on /graphql as the app does and
// subscribes with the ShowEvents operation (token may be empty: guests may
// watch).
func (c *client) subscribeShowEvents(t *testing.T, token, showID string, afterSeq *int64) *eventSocket {
	t.Helper()
	vars := map[string]any{"showId": showID}
	if afterSeq != nil {
		vars["afterSeq"] = *afterSeq
	}
	return &eventSocket{c.subscribe(t, token, "ShowEvents", vars)}
}

// next waits up to five seconds for the subscription's next event.
func (es *eventSocket) next(t *testing.T) showEvent {
	t.Helper()
	var ev showEvent
	es.nextInto(t, &ev)
	return ev
}

// nextInto decodes the next event into ev.
func (es *eventSocket) nextInto(t *testing.T, ev any) {
	t.Helper()
	var data struct{ ShowEvents json.RawMessage }
	es.socket.next(t, &data)
	if len(data.ShowEvents) == 0 || string(data.ShowEvents) == "null" || json.Unmarshal(data.ShowEvents, ev) != nil {
		t.Fatalf("ShowEvents: unexpected event %s", data.ShowEvents)
	}
}

// waitForShowSubscribers waits until the server has registered want
// subscriptions to a show's events.
func waitForShowSubscribers(t *testing.T, s *testkit.Server, showID string, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for s.App.ShowSubscribers(showID) < want {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d show event subscriptions registered", s.App.ShowSubscribers(showID), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// describe renders an event as "Type detail" for comparisons.
func describe(ev showEvent) string {
	switch ev.Typename {
	case "ShowStatusChanged":
		return ev.Typename + " " + ev.Status
	case "ProductPinned":
		if ev.Product == nil {
			return ev.Typename + " <nil>"
		}
		return ev.Typename + " " + ev.Product.ID + " " + ev.Product.Title
	case "ChatMessagePosted":
		if ev.Message == nil {
			return ev.Typename + " <nil>"
		}
		return ev.Typename + " " + ev.Message.ID + " " + ev.Message.Author.ID + " " + ev.Message.Author.DisplayName + " " + ev.Message.Body
	case "ChatMessageRemoved":
		return ev.Typename + " " + ev.MessageID
	case "QuestionAsked", "QuestionAnswered":
		if ev.Question == nil {
			return ev.Typename + " <nil>"
		}
		answer := "<nil>"
		if ev.Question.Answer != nil {
			answer = *ev.Question.Answer
		}
		return ev.Typename + " " + ev.Question.ID + " " + ev.Question.Body + " " + answer
	}
	return ev.Typename
}

// exerciseLive runs the live interaction operations on the soonest
// published show: a guest follows its events from before it goes live; the
// host goes live; a shopper chats (HTML stays text) and asks two questions;
// the host answers one linking a featured product, pins and unpins it; a
// moderator removes a troll's message and mutes them; chat and questions
// read back right; a second subscriber resuming with afterSeq gets exactly
// the events it missed. It follows exerciseSearch.
func exerciseLive(t *testing.T, c *client, w collabWorld) {
	t.Helper()
	meOf := func(token string) viewer {
		t.Helper()
		var me struct{ Me *viewer }
		c.must(t, token, "Me", nil, &me)
		if me.Me == nil {
			t.Fatal("Me: null")
		}
		return *me.Me
	}

	// The soonest published show, with its featured product.
	up := c.upcoming(t, "", map[string]any{"first": 1})
	if len(up.Edges) != 1 || up.Edges[0].Node.Status != "SCHEDULED" || len(up.Edges[0].Node.FeaturedProducts) == 0 {
		t.Fatalf("UpcomingShows before going live = %+v", up)
	}
	sh := up.Edges[0].Node
	featured := sh.FeaturedProducts[0].Product

	// A guest follows the show's events from before it goes live.
	watcher := c.subscribeShowEvents(t, "", sh.ID, nil)
	waitForShowSubscribers(t, c.s, sh.ID, 1)

	// --- Influencer studio: 20 minutes before the start, the host goes live.
	c.s.Clock.Set(sh.ScheduledStart.Add(-20 * time.Minute))
	c.showOK(t, w.creator, "ShowGoLive", map[string]any{"id": sh.ID}, "LIVE")

	// --- Storefront: the shopper chats; HTML is kept as written, as text.
	shopper := meOf(w.shopper)
	html := `<script>alert("hi")</script> & <b>bold</b>`
	p := c.chatPost(t, w.shopper, sh.ID, html)
	noErrors(t, "ChatPost", p.Errors)
	if p.Message == nil || p.Message.ID == "" || p.Message.Body != html || p.Message.Author.ID != shopper.ID ||
		p.Message.Author.DisplayName != shopper.DisplayName || !p.Message.CreatedAt.Equal(c.s.Clock.Now()) {
		t.Fatalf("ChatPost = %+v", p)
	}
	htmlMsg := *p.Message
	c.s.Clock.Advance(time.Second)
	p = c.chatPost(t, w.shopper, sh.ID, "Love the sound!")
	noErrors(t, "ChatPost", p.Errors)
	loveMsg := *p.Message

	// Two questions.
	c.s.Clock.Advance(time.Second)
	q1 := c.questionMut(t, w.shopper, "QuestionAsk", map[string]any{"showId": sh.ID, "body": "Do they fold?"})
	noErrors(t, "QuestionAsk", q1.Errors)
	if q1.Question == nil || q1.Question.ID == "" || q1.Question.Body != "Do they fold?" || q1.Question.Answer != nil ||
		q1.Question.AnsweredAt != nil || q1.Question.Product != nil || q1.Question.Author.ID != shopper.ID {
		t.Fatalf("QuestionAsk = %+v", q1)
	}
	c.s.Clock.Advance(time.Second)
	q2 := c.questionMut(t, w.shopper, "QuestionAsk", map[string]any{"showId": sh.ID, "body": "Ship to Norway?"})
	noErrors(t, "QuestionAsk", q2.Errors)
	if q2.Question == nil || q2.Question.ID == "" || q2.Question.ID == q1.Question.ID {
		t.Fatalf("QuestionAsk (second) = %+v", q2)
	}

	// --- Influencer studio: the host answers the first, linking the
	// featured product, then pins and unpins it.
	c.s.Clock.Advance(time.Second)
	if r := c.questionMut(t, w.shopper, "QuestionAnswer", map[string]any{"questionId": q1.Question.ID, "answer": "Mine!"}); r.Question != nil {
		t.Fatalf("QuestionAnswer by the shopper = %+v", r)
	} else {
		refused(t, "QuestionAnswer by the shopper", r.Errors, "FORBIDDEN")
	}
	ans := c.questionMut(t, w.creator, "QuestionAnswer", map[string]any{"questionId": q1.Question.ID, "answer": "Yes, flat.", "productId": featured.ID})
	noErrors(t, "QuestionAnswer", ans.Errors)
	if a := ans.Question; a == nil || a.ID != q1.Question.ID || a.Answer == nil || *a.Answer != "Yes, flat." || a.AnsweredAt == nil ||
		!a.AnsweredAt.Equal(c.s.Clock.Now()) || a.Product == nil || a.Product.ID != featured.ID || a.Product.Title != featured.Title {
		t.Fatalf("QuestionAnswer = %+v", ans)
	}
	pinned := c.showOK(t, w.creator, "ProductPin", map[string]any{"showId": sh.ID, "productId": featured.ID}, "LIVE")
	if pinned.ID != sh.ID || pinned.PinnedProduct == nil || pinned.PinnedProduct.ID != featured.ID {
		t.Fatalf("ProductPin = %+v", pinned)
	}
	if got := c.show(t, "", sh.ID); got == nil || got.PinnedProduct == nil || got.PinnedProduct.ID != featured.ID {
		t.Fatalf("Show with a pinned product = %+v", got)
	}
	c.showRefused(t, w.shopper, "ProductPin", map[string]any{"showId": sh.ID, "productId": featured.ID}, "FORBIDDEN")
	unpinned := c.showOK(t, w.creator, "ProductUnpin", map[string]any{"id": sh.ID}, "LIVE")
	if unpinned.ID != sh.ID || unpinned.PinnedProduct != nil {
		t.Fatalf("ProductUnpin = %+v", unpinned)
	}

	// --- Moderation: a troll posts; a user who is not yet a moderator may
	// not remove it; once the host adds them, they remove it and mute the
	// troll, whose next post is FORBIDDEN.
	troll, trollUser := c.signUp(t, "troll@example.com", "Trevor Troll")
	mod, modUser := c.signUp(t, "mo@example.com", "Mo Moderator")
	c.s.Clock.Advance(time.Second)
	tp := c.chatPost(t, troll, sh.ID, "cheap followers at spam.example")
	noErrors(t, "ChatPost (troll)", tp.Errors)
	trollMsg := *tp.Message
	if r := c.chatRemove(t, mod, trollMsg.ID); r.Message != nil {
		t.Fatalf("ChatRemove by a non-moderator = %+v", r)
	} else {
		refused(t, "ChatRemove by a non-moderator", r.Errors, "FORBIDDEN")
	}
	c.showRefused(t, w.shopper, "ShowModeratorAdd", map[string]any{"showId": sh.ID, "userId": shopper.ID}, "FORBIDDEN")
	ma := c.showMut(t, w.creator, "ShowModeratorAdd", map[string]any{"showId": sh.ID, "userId": modUser.ID})
	noErrors(t, "ShowModeratorAdd", ma.Errors)
	if ma.Show == nil || ma.Show.ID != sh.ID {
		t.Fatalf("ShowModeratorAdd = %+v", ma)
	}
	if got := c.showChat(t, "", sh.ID, nil); !slices.Equal(chatBodies(got), []string{trollMsg.Body, loveMsg.Body, html}) || got.TotalCount != 3 {
		t.Fatalf("ShowChat before the removal = %v (total %d)", chatBodies(got), got.TotalCount)
	}
	rm := c.chatRemove(t, mod, trollMsg.ID)
	noErrors(t, "ChatRemove", rm.Errors)
	if rm.Message == nil || rm.Message.ID != trollMsg.ID {
		t.Fatalf("ChatRemove = %+v", rm)
	}
	mu := c.showMut(t, mod, "ShowMute", map[string]any{"showId": sh.ID, "userId": trollUser.ID})
	noErrors(t, "ShowMute", mu.Errors)
	if mu.Show == nil || mu.Show.ID != sh.ID {
		t.Fatalf("ShowMute = %+v", mu)
	}
	// The host cannot be muted.
	c.showRefused(t, w.creator, "ShowMute", map[string]any{"showId": sh.ID, "userId": meOf(w.creator).ID}, "INVALID")
	c.s.Clock.Advance(time.Minute) // past the rate window
	if r := c.chatPost(t, troll, sh.ID, "let me back in"); r.Message != nil {
		t.Fatalf("ChatPost while muted = %+v", r)
	} else {
		refused(t, "ChatPost while muted", r.Errors, "FORBIDDEN")
	}
	if r := c.questionMut(t, troll, "QuestionAsk", map[string]any{"showId": sh.ID, "body": "why?"}); r.Question != nil {
		t.Fatalf("QuestionAsk while muted = %+v", r)
	} else {
		refused(t, "QuestionAsk while muted", r.Errors, "FORBIDDEN")
	}

	// --- Storefront: the chat, newest first, without the removed message,
	// a page at a time; HTML still as written.
	all := c.showChat(t, "", sh.ID, map[string]any{"first": 10})
	if !slices.Equal(chatBodies(all), []string{loveMsg.Body, html}) || all.TotalCount != 2 || all.PageInfo.HasNextPage ||
		all.Edges[1].Node.ID != htmlMsg.ID || all.Edges[1].Node.Author.DisplayName != shopper.DisplayName {
		t.Fatalf("ShowChat after the removal = %+v", all)
	}
	page1 := c.showChat(t, w.shopper, sh.ID, map[string]any{"first": 1})
	if len(page1.Edges) != 1 || page1.Edges[0].Node.ID != loveMsg.ID || !page1.PageInfo.HasNextPage || page1.TotalCount != 2 {
		t.Fatalf("ShowChat page 1 = %+v", page1)
	}
	page2 := c.showChat(t, w.shopper, sh.ID, map[string]any{"first": 1, "after": *page1.PageInfo.EndCursor})
	if len(page2.Edges) != 1 || page2.Edges[0].Node.ID != htmlMsg.ID || page2.Edges[0].Node.Body != html || page2.PageInfo.HasNextPage {
		t.Fatalf("ShowChat page 2 = %+v", page2)
	}

	// Questions: answered, open, and all (newest first).
	answered := c.showQuestions(t, "", sh.ID, map[string]any{"answered": true})
	if !slices.Equal(questionIDs(answered), []string{q1.Question.ID}) || answered.TotalCount != 1 {
		t.Fatalf("ShowQuestions(answered: true) = %+v", answered)
	}
	if a := answered.Edges[0].Node; a.Answer == nil || *a.Answer != "Yes, flat." || a.Product == nil || a.Product.ID != featured.ID ||
		a.Author.ID != shopper.ID {
		t.Fatalf("ShowQuestions(answered: true) node = %+v", a)
	}
	open := c.showQuestions(t, w.shopper, sh.ID, map[string]any{"answered": false})
	if !slices.Equal(questionIDs(open), []string{q2.Question.ID}) || open.TotalCount != 1 || open.Edges[0].Node.Answer != nil {
		t.Fatalf("ShowQuestions(answered: false) = %+v", open)
	}
	both := c.showQuestions(t, "", sh.ID, map[string]any{"first": 1})
	if !slices.Equal(questionIDs(both), []string{q2.Question.ID}) || both.TotalCount != 2 || !both.PageInfo.HasNextPage {
		t.Fatalf("ShowQuestions page 1 = %+v", both)
	}
	rest := c.showQuestions(t, "", sh.ID, map[string]any{"first": 1, "after": *both.PageInfo.EndCursor})
	if !slices.Equal(questionIDs(rest), []string{q1.Question.ID}) || rest.PageInfo.HasNextPage {
		t.Fatalf("ShowQuestions page 2 = %+v", rest)
	}

	// --- ShowEvents: the guest got every event, in seq order.
	want := []string{
		"ShowStatusChanged LIVE",
		"ChatMessagePosted " + htmlMsg.ID + " " + shopper.ID + " " + shopper.DisplayName + " " + html,
		"ChatMessagePosted " + loveMsg.ID + " " + shopper.ID + " " + shopper.DisplayName + " " + loveMsg.Body,
		"QuestionAsked " + q1.Question.ID + " Do they fold? <nil>",
		"QuestionAsked " + q2.Question.ID + " Ship to Norway? <nil>",
		"QuestionAnswered " + q1.Question.ID + " Do they fold? Yes, flat.",
		"ProductPinned " + featured.ID + " " + featured.Title,
		"ProductUnpinned",
		"ChatMessagePosted " + trollMsg.ID + " " + trollUser.ID + " Trevor Troll " + trollMsg.Body,
		"ChatMessageRemoved " + trollMsg.ID,
	}
	var got []showEvent
	for range want {
		got = append(got, watcher.next(t))
	}
	for i, ev := range got {
		if describe(ev) != want[i] || ev.ShowID != sh.ID || ev.At.IsZero() || (i > 0 && ev.Seq != got[i-1].Seq+1) {
			t.Fatalf("ShowEvents event %d = %+v (%s), want %s", i, ev, describe(ev), want[i])
		}
	}

	// A second subscriber that saw up to the second question resumes with
	// afterSeq: exactly the missed tail is replayed, then live events follow.
	after := got[4].Seq
	resumed := c.subscribeShowEvents(t, w.shopper, sh.ID, &after)
	for i, wantEv := range got[5:] {
		if ev := resumed.next(t); ev.Seq != wantEv.Seq || describe(ev) != describe(wantEv) {
			t.Fatalf("ShowEvents(afterSeq: %d) replay %d = %+v, want %+v", after, i, ev, wantEv)
		}
	}
	waitForShowSubscribers(t, c.s, sh.ID, 2)
	c.s.Clock.Advance(time.Second)
	last := c.chatPost(t, w.creator, sh.ID, "Thanks for watching!")
	noErrors(t, "ChatPost (host)", last.Errors)
	for name, es := range map[string]*eventSocket{"resumed": resumed, "first": watcher} {
		if ev := es.next(t); ev.Typename != "ChatMessagePosted" || ev.Seq != got[len(got)-1].Seq+1 || ev.Message == nil || ev.Message.ID != last.Message.ID {
			t.Fatalf("ShowEvents (%s subscriber) after the replay = %+v, want the host's message with seq %d", name, ev, got[len(got)-1].Seq+1)
		}
	}

	// --- VendorSales: the shop's staff receive its sales; the feed is fed
	// by checkout, so the sale is handed to the sales bus directly here.
	sales := c.subscribe(t, w.staff, "VendorSales", map[string]any{"vendorId": w.shopID})
	waitFor(t, func() bool { return c.s.App.SalesSubscribers(w.shopID) == 1 })
	sale := &order.Sale{OrderID: kernel.NewID(), VendorID: w.shopID, ShowID: sh.ID, InfluencerID: w.influencerID,
		ProductID: featured.ID, Quantity: 1, Gross: kernel.Money{AmountMinor: 2500, Currency: "EUR"},
		Commission: kernel.Money{AmountMinor: 375, Currency: "EUR"}, At: c.s.Clock.Now()}
	if err := c.s.App.Sales.Publish(context.Background(), sale); err != nil {
		t.Fatal(err)
	}
	var sold struct {
		VendorSales struct {
			OrderID, VendorID string
			Show              struct{ ID string }
			Influencer        struct{ ID string }
			Product           struct{ ID string }
			Quantity          int
			Gross, Commission struct{ AmountMinor int64 }
		}
	}
	sales.next(t, &sold)
	if v := sold.VendorSales; v.OrderID != sale.OrderID || v.Show.ID != sh.ID || v.Influencer.ID != w.influencerID ||
		v.Product.ID != featured.ID || v.Gross.AmountMinor != 2500 || v.Commission.AmountMinor != 375 {
		t.Fatalf("VendorSales = %+v", v)
	}
}

// socket is a graphql-transport-ws connection running one contract
// subscription, as the clients open it.
type socket struct {
	conn *websocket.Conn
	ctx  context.Context
	name string
}

// subscribe opens a websocket on /graphql, authenticates in
// connection_init (token may be empty: a guest) and runs the contract
// subscription name.
func (c *client) subscribe(t *testing.T, token, name string, vars map[string]any) *socket {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	dctx, dcancel := context.WithTimeout(ctx, 10*time.Second)
	defer dcancel()
	conn, resp, err := websocket.Dial(dctx, "ws"+strings.TrimPrefix(c.s.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("websocket dial: %v", err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	if p := resp.Header.Get("Sec-WebSocket-Protocol"); p != "graphql-transport-ws" {
		t.Fatalf("websocket subprotocol %q, want graphql-transport-ws", p)
	}
	init := map[string]any{}
	if token != "" {
		init["authToken"] = token
	}
	if err := wsjson.Write(dctx, conn, map[string]any{"type": "connection_init", "payload": init}); err != nil {
		t.Fatal(err)
	}
	var ack struct{ Type string }
	if err := wsjson.Read(dctx, conn, &ack); err != nil || ack.Type != "connection_ack" {
		t.Fatalf("connection_init: %+v, %v", ack, err)
	}
	payload := map[string]any{"operationName": name, "query": contract.Operation(name)}
	if vars != nil {
		payload["variables"] = vars
	}
	if err := wsjson.Write(dctx, conn, map[string]any{"id": "1", "type": "subscribe", "payload": payload}); err != nil {
		t.Fatal(err)
	}
	c.ran[name] = true
	return &socket{conn: conn, ctx: ctx, name: name}
}

// next waits up to five seconds for the subscription's next result and
// decodes its data into out, answering the server's pings meanwhile.
func (s *socket) next(t *testing.T, out any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
	defer cancel()
	for {
		var msg struct {
			ID, Type string
			Payload  json.RawMessage
		}
		if err := wsjson.Read(ctx, s.conn, &msg); err != nil {
			t.Fatalf("%s: no message within 5s: %v", s.name, err)
		}
		switch msg.Type {
		case "ping":
			if err := wsjson.Write(ctx, s.conn, map[string]any{"type": "pong"}); err != nil {
				t.Fatal(err)
			}
			continue
		case "pong":
			continue
		}
		var p struct {
			Data   json.RawMessage
			Errors []testkit.GQLError
		}
		if msg.Type != "next" || msg.ID != "1" || json.Unmarshal(msg.Payload, &p) != nil || len(p.Errors) > 0 || json.Unmarshal(p.Data, out) != nil {
			t.Fatalf("%s: unexpected message %s %s %s", s.name, msg.ID, msg.Type, msg.Payload)
		}
		return
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
