package graph_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/live"
	"github.com/livemarket/livemarket/internal/testkit"
)

const (
	chatPost   = `mutation($s: ID!, $b: String!){ chatPost(input:{showId:$s, body:$b}){ message{ id body author{ id displayName } } errors{ code field message } } }`
	chatRemove = `mutation($m: ID!){ chatRemove(input:{messageId:$m}){ message{ id } errors{ code field message } } }`
	askQ       = `mutation($s: ID!, $b: String!){ questionAsk(input:{showId:$s, body:$b}){ question{ id } errors{ code field message } } }`
	answerQ    = `mutation($q: ID!, $a: String!, $p: ID){ questionAnswer(input:{questionId:$q, answer:$a, productId:$p}){ question{ answer product{ id } } errors{ code field message } } }`
	pinQ       = `mutation($s: ID!, $p: ID!){ productPin(input:{showId:$s, productId:$p}){ show{ pinnedProduct{ id } } errors{ code field message } } }`
	muteQ      = `mutation($s: ID!, $u: ID!){ showMute(input:{showId:$s, userId:$u}){ errors{ code field message } } }`
	modQ       = `mutation($s: ID!, $u: ID!){ showModeratorAdd(input:{showId:$s, userId:$u}){ errors{ code field message } } }`
)

// liveShow is a showMarket with a show that is LIVE.
func liveShow(t *testing.T, s *testkit.Server) (*showMarket, string) {
	t.Helper()
	m := &showMarket{market: newMarket(t, s)}
	m.collab1 = m.approved(t, m.owner, m.productID, 1500)
	id := m.scheduledShow(t, 10*time.Minute)
	s.MustDo(t, m.host, `mutation($id: ID!){ showGoLive(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": id}, nil)
	return m, id
}

func firstError(t *testing.T, r *testkit.Response, field string) string {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("top-level errors: %+v", r.Errors)
	}
	errs := payloadErrors(t, r, field)
	if len(errs) == 0 {
		return ""
	}
	return errs[0].Code
}

// TestChatAndQuestions: messages and questions are stored and paged; HTML is
// kept as text; the host answers linking a featured product and pins it;
// moderators remove messages, which are then hidden.
func TestChatAndQuestions(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, id := liveShow(t, s)
		html := `<script>alert("x")</script> & <b>bold</b>`
		var posted struct {
			ChatPost struct {
				Message struct {
					ID, Body string
					Author   struct{ ID, DisplayName string }
				}
			}
		}
		s.MustDo(t, m.stranger, chatPost, map[string]any{"s": id, "b": html}, &posted)
		if posted.ChatPost.Message.Body != html || posted.ChatPost.Message.Author.DisplayName != "Stranger" {
			t.Fatalf("posted %+v", posted.ChatPost)
		}
		var asked struct {
			QuestionAsk struct{ Question struct{ ID string } }
		}
		s.MustDo(t, m.stranger, askQ, map[string]any{"s": id, "b": "Is it vegan?"}, &asked)
		var ans struct {
			QuestionAnswer struct {
				Question struct {
					Answer  *string
					Product *struct{ ID string }
				}
				Errors []userError
			}
		}
		s.MustDo(t, m.host, answerQ, map[string]any{"q": asked.QuestionAsk.Question.ID, "a": "Yes!", "p": m.productID}, &ans)
		if ans.QuestionAnswer.Question.Answer == nil || ans.QuestionAnswer.Question.Product == nil || ans.QuestionAnswer.Question.Product.ID != m.productID {
			t.Fatalf("answer: %+v", ans.QuestionAnswer)
		}
		var pin struct {
			ProductPin struct {
				Show struct{ PinnedProduct *struct{ ID string } }
			}
		}
		s.MustDo(t, m.host, pinQ, map[string]any{"s": id, "p": m.productID}, &pin)
		if pin.ProductPin.Show.PinnedProduct == nil || pin.ProductPin.Show.PinnedProduct.ID != m.productID {
			t.Fatalf("pin: %+v", pin)
		}

		var view struct {
			Show struct {
				Chat      struct{ TotalCount int }
				Answered  struct{ TotalCount int } `json:"answered"`
				Unanswerd struct{ TotalCount int } `json:"unanswered"`
			}
		}
		const q = `query($id: ID!){ show(id:$id){ chat{ totalCount edges{ node{ body author{ displayName } } } }
			answered: questions(filter:{answered:true}){ totalCount } unanswered: questions(filter:{answered:false}){ totalCount } } }`
		s.MustDo(t, "", q, map[string]any{"id": id}, &view)
		if view.Show.Chat.TotalCount != 1 || view.Show.Answered.TotalCount != 1 || view.Show.Unanswerd.TotalCount != 0 {
			t.Fatalf("show view: %+v", view.Show)
		}

		// A moderator removes the message; it is hidden.
		_, modID := s.SignUp(t, "mod@example.com", "Mod")
		s.MustDo(t, m.host, modQ, map[string]any{"s": id, "u": modID}, nil)
		mod, _ := s.SignUp(t, "mod2@example.com", "Not a mod")
		if code := firstError(t, s.Do(t, mod, chatRemove, map[string]any{"m": posted.ChatPost.Message.ID}), "chatRemove"); code != "FORBIDDEN" {
			t.Fatalf("non-moderator remove: %s", code)
		}
		var modToken struct{ SignIn struct{ Token string } }
		s.MustDo(t, "", `mutation{ signIn(input:{email:"mod@example.com", password:"correct horse battery"}){ token } }`, nil, &modToken)
		if code := firstError(t, s.Do(t, modToken.SignIn.Token, chatRemove, map[string]any{"m": posted.ChatPost.Message.ID}), "chatRemove"); code != "" {
			t.Fatalf("moderator remove: %s", code)
		}
		s.MustDo(t, "", q, map[string]any{"id": id}, &view)
		if view.Show.Chat.TotalCount != 0 {
			t.Fatalf("removed message still listed: %+v", view.Show)
		}
	})
}

// TestChatCountFollowsPostsAndRemovals: a show's chat totalCount is its
// visible messages as they are posted and removed, each removal sent twice
// at once: every message is removed once (one ChatMessageRemoved each) and
// counted out once.
func TestChatCountFollowsPostsAndRemovals(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, id := liveShow(t, s)
		from := int64(0)
		_, next := subscribeEvents(t, s, "", id, &from)
		posters := []string{m.stranger, m.owner}
		for i := range 2 {
			tok, _ := s.SignUp(t, fmt.Sprintf("chatter%d@example.com", i), "Chatter")
			posters = append(posters, tok)
		}
		var ids []string
		for _, tok := range posters {
			for i := range 3 { // the rate limit's 3 per 5 seconds
				var out struct {
					ChatPost struct {
						Message *struct{ ID string }
						Errors  []userError
					}
				}
				s.MustDo(t, tok, chatPost, map[string]any{"s": id, "b": fmt.Sprintf("message %d", i)}, &out)
				if out.ChatPost.Message == nil {
					t.Fatalf("chatPost: %+v", out.ChatPost.Errors)
				}
				ids = append(ids, out.ChatPost.Message.ID)
			}
		}
		count := func() (total, listed int) {
			var out struct {
				Show struct {
					Chat struct {
						TotalCount int
						Edges      []struct{ Node struct{ ID string } }
					}
				}
			}
			s.MustDo(t, "", `query($id: ID!){ show(id:$id){ chat(first: 100){ totalCount edges{ node{ id } } } } }`, map[string]any{"id": id}, &out)
			return out.Show.Chat.TotalCount, len(out.Show.Chat.Edges)
		}
		if total, listed := count(); total != len(ids) || listed != len(ids) {
			t.Fatalf("after %d posts: totalCount %d, %d listed", len(ids), total, listed)
		}
		removed := ids[:5]
		var wg sync.WaitGroup
		for _, mid := range append(append([]string{}, removed...), removed...) {
			wg.Go(func() {
				if code := firstError(t, s.Do(t, m.host, chatRemove, map[string]any{"m": mid}), "chatRemove"); code != "" {
					t.Errorf("chatRemove %s: %s", mid, code)
				}
			})
		}
		wg.Wait()
		want := len(ids) - len(removed)
		if total, listed := count(); total != want || listed != want {
			t.Fatalf("after removing %d of %d: totalCount %d, %d listed; want %d", len(removed), len(ids), total, listed, want)
		}
		// Every removal event up to a last message posted after them.
		var last struct {
			ChatPost struct{ Message struct{ ID string } }
		}
		latecomer, _ := s.SignUp(t, "latecomer@example.com", "Latecomer")
		s.MustDo(t, latecomer, chatPost, map[string]any{"s": id, "b": "the end"}, &last)
		if last.ChatPost.Message.ID == "" {
			t.Fatal("the last message was not posted")
		}
		removals := map[string]int{}
		for {
			ev := next()
			if ev.Typename == "ChatMessageRemoved" {
				removals[ev.MessageID]++
			}
			if ev.Typename == "ChatMessagePosted" && ev.Message.ID == last.ChatPost.Message.ID {
				break
			}
		}
		for _, mid := range removed {
			if removals[mid] != 1 {
				t.Fatalf("removal events per message %v; want one for each of %v", removals, removed)
			}
		}
		if total, _ := count(); total != want+1 {
			t.Fatalf("after one more post: totalCount %d, want %d", total, want+1)
		}
	})
}

// TestChatRateLimitHoldsAtOnce: one viewer sending many messages at the
// same moment gets exactly the rate limit's number through; the others are
// LIMIT_EXCEEDED and store nothing.
func TestChatRateLimitHoldsAtOnce(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, id := liveShow(t, s)
		const sent = 12
		codes := make([]string, sent)
		var wg sync.WaitGroup
		for i := range sent {
			wg.Go(func() {
				codes[i] = firstError(t, s.Do(t, m.stranger, chatPost, map[string]any{"s": id, "b": fmt.Sprintf("spam %d", i)}), "chatPost")
			})
		}
		wg.Wait()
		got := map[string]int{}
		for _, c := range codes {
			got[c]++
		}
		if got[""] != live.RateCount || got["LIMIT_EXCEEDED"] != sent-live.RateCount {
			t.Fatalf("outcomes %v; want %d posted and the rest LIMIT_EXCEEDED", got, live.RateCount)
		}
		var out struct {
			Show struct{ Chat struct{ TotalCount int } }
		}
		s.MustDo(t, "", `query($id: ID!){ show(id:$id){ chat{ totalCount } } }`, map[string]any{"id": id}, &out)
		stored, err := db.NewSelect().Table("chat_messages").Where("show_id = ?", id).Count(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if out.Show.Chat.TotalCount != live.RateCount || stored != live.RateCount {
			t.Fatalf("totalCount %d, %d messages stored; want %d", out.Show.Chat.TotalCount, stored, live.RateCount)
		}
	})
}

// TestLiveRefusalsStoreNothing: rate limit, mute, non-host pin, pin of a
// product the show does not feature, posting to an ENDED show and bad bodies
// are typed errors and change nothing.
func TestLiveRefusalsStoreNothing(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, id := liveShow(t, s)
		other := newProduct(t, s, m.owner, m.vendorID, "NOT-FEATURED", 1)
		for i := 0; i < 3; i++ {
			if code := firstError(t, s.Do(t, m.stranger, chatPost, map[string]any{"s": id, "b": "hi"}), "chatPost"); code != "" {
				t.Fatalf("message %d: %s", i, code)
			}
		}
		var asked struct {
			QuestionAsk struct{ Question struct{ ID string } }
		}
		s.MustDo(t, m.owner, askQ, map[string]any{"s": id, "b": "Shipping?"}, &asked)
		before := testkit.Snapshot(t, db)
		cases := []struct {
			name, token, query, field, code string
			vars                            map[string]any
		}{
			{"fourth message within 5s", m.stranger, chatPost, "chatPost", "LIMIT_EXCEEDED", map[string]any{"s": id, "b": "spam"}},
			{"10,000 characters", m.owner, chatPost, "chatPost", "TOO_LONG", map[string]any{"s": id, "b": strings.Repeat("x", 10000)}},
			{"empty body", m.owner, chatPost, "chatPost", "REQUIRED", map[string]any{"s": id, "b": "   "}},
			{"control characters", m.owner, chatPost, "chatPost", "INVALID", map[string]any{"s": id, "b": "bell\x07"}},
			{"non-host pin", m.stranger, pinQ, "productPin", "FORBIDDEN", map[string]any{"s": id, "p": m.productID}},
			{"pin of a product not featured", m.host, pinQ, "productPin", "INVALID", map[string]any{"s": id, "p": other}},
			{"non-host answer", m.stranger, answerQ, "questionAnswer", "FORBIDDEN", map[string]any{"q": asked.QuestionAsk.Question.ID, "a": "No"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if code := firstError(t, s.Do(t, c.token, c.query, c.vars), c.field); code != c.code {
					t.Fatalf("code %q, want %s", code, c.code)
				}
			})
		}
		if testkit.Snapshot(t, db) != before {
			t.Fatal("refused live actions changed the database")
		}

		// A muted user cannot post or ask.
		var strangerID struct{ Me struct{ ID string } }
		s.MustDo(t, m.stranger, `{ me { id } }`, nil, &strangerID)
		s.MustDo(t, m.host, muteQ, map[string]any{"s": id, "u": strangerID.Me.ID}, nil)
		s.Clock.Advance(time.Minute) // past the rate window
		before = testkit.Snapshot(t, db)
		if code := firstError(t, s.Do(t, m.stranger, chatPost, map[string]any{"s": id, "b": "let me in"}), "chatPost"); code != "FORBIDDEN" {
			t.Fatalf("muted post: %s", code)
		}
		if code := firstError(t, s.Do(t, m.stranger, askQ, map[string]any{"s": id, "b": "why?"}), "questionAsk"); code != "FORBIDDEN" {
			t.Fatalf("muted question: %s", code)
		}
		// The host cannot be muted.
		if code := firstError(t, s.Do(t, m.host, muteQ, map[string]any{"s": id, "u": m.hostID}), "showMute"); code != "INVALID" {
			t.Fatalf("mute the host: %s", code)
		}
		// After the show ends nobody posts.
		s.MustDo(t, m.host, `mutation($id: ID!){ showEnd(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": id}, nil)
		before = testkit.Snapshot(t, db)
		if code := firstError(t, s.Do(t, m.owner, chatPost, map[string]any{"s": id, "b": "late"}), "chatPost"); code != "INVALID_STATE" {
			t.Fatalf("post to an ended show: %s", code)
		}
		if testkit.Snapshot(t, db) != before {
			t.Fatal("refused posts changed the database")
		}
	})
}
