// Package live owns what happens during a show: chat, questions and answers,
// the pinned product, moderators and mutes. Chat and questions are open only
// while the show is LIVE; the host may pin and appoint moderators beforehand.
package live

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/paging"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/txlock"
)

// Limits.
const (
	MaxBodyLen = 500
	// RateCount messages per RateWindow per user and show.
	RateCount  = 3
	RateWindow = 5 * time.Second
)

// Message is a chat message.
type Message struct {
	bun.BaseModel `bun:"table:chat_messages,alias:cm"`

	ID        string     `bun:"id,pk"`
	ShowID    string     `bun:"show_id"`
	UserID    string     `bun:"user_id"`
	Body      string     `bun:"body"`
	CreatedAt time.Time  `bun:"created_at"`
	RemovedAt *time.Time `bun:"removed_at"`
	RemovedBy *string    `bun:"removed_by"`
}

// Question is a viewer's question, perhaps answered by the host.
type Question struct {
	bun.BaseModel `bun:"table:questions,alias:q"`

	ID         string     `bun:"id,pk"`
	ShowID     string     `bun:"show_id"`
	UserID     string     `bun:"user_id"`
	Body       string     `bun:"body"`
	Answer     *string    `bun:"answer"`
	AnsweredAt *time.Time `bun:"answered_at"`
	ProductID  *string    `bun:"product_id"`
	CreatedAt  time.Time  `bun:"created_at"`
}

type moderator struct {
	bun.BaseModel `bun:"table:show_moderators"`

	ShowID    string    `bun:"show_id,pk"`
	UserID    string    `bun:"user_id,pk"`
	CreatedAt time.Time `bun:"created_at"`
}

type mute struct {
	bun.BaseModel `bun:"table:show_mutes"`

	ShowID    string    `bun:"show_id,pk"`
	UserID    string    `bun:"user_id,pk"`
	CreatedAt time.Time `bun:"created_at"`
}

// Service is the live-interaction use-case layer.
type Service struct {
	db     *bun.DB
	clock  kernel.Clock
	events showevents.Bus
}

// NewService builds the service; events (may be nil) delivers show events.
func NewService(db *bun.DB, clock kernel.Clock, events showevents.Bus) *Service {
	return &Service{db: db, clock: clock, events: events}
}

// publish delivers committed events; the stored log is the record, so a
// failed live delivery is recovered by replay.
func (s *Service) publish(ctx context.Context, evs ...*showevents.Event) {
	if s.events == nil {
		return
	}
	for _, ev := range evs {
		if ev != nil {
			_ = s.events.Publish(ctx, ev)
		}
	}
}

func author(ctx context.Context, db bun.IDB, userID string) (showevents.Author, error) {
	var name string
	err := db.NewSelect().Table("users").Column("display_name").Where("id = ?", userID).Limit(1).Scan(ctx, &name)
	return showevents.Author{ID: userID, DisplayName: name}, err
}

// MessageEvent is m as events and the API carry it.
func MessageEvent(m *Message, a showevents.Author) *showevents.Message {
	return &showevents.Message{ID: m.ID, Author: a, Body: m.Body, CreatedAt: m.CreatedAt}
}

// QuestionEvent is q as events and the API carry it.
func QuestionEvent(q *Question, a showevents.Author) *showevents.Question {
	return &showevents.Question{ID: q.ID, Author: a, Body: q.Body, Answer: q.Answer, AnsweredAt: q.AnsweredAt, ProductID: q.ProductID, CreatedAt: q.CreatedAt}
}

// role is the viewer's standing in a show.
type role struct {
	host, moderator, admin, muted bool
}

func (r role) canModerate() bool { return r.host || r.moderator || r.admin }

// load returns the show and the viewer's role in it; a missing show (or a
// draft for anyone but its host) is NOT_FOUND at field.
func (s *Service) load(ctx context.Context, db bun.IDB, viewer kernel.Viewer, showID string, field []string) (*show.Show, role, error) {
	var r role
	var v kernel.Validator
	kernel.CheckID(&v, field, showID)
	if err := v.Err(); err != nil {
		return nil, r, err
	}
	shows, err := show.ByIDs(ctx, db, []string{showID})
	if err != nil {
		return nil, r, err
	}
	sh := shows[showID]
	if sh != nil && viewer.SignedIn() {
		infs, err := influencer.ByUserIDs(ctx, db, []string{viewer.UserID})
		if err != nil {
			return nil, r, err
		}
		r.host = infs[viewer.UserID] != nil && infs[viewer.UserID].ID == sh.HostID
		r.admin = viewer.IsAdmin
		if r.moderator, err = exists(ctx, db, (*moderator)(nil), sh.ID, viewer.UserID); err != nil {
			return nil, r, err
		}
		if r.muted, err = exists(ctx, db, (*mute)(nil), sh.ID, viewer.UserID); err != nil {
			return nil, r, err
		}
	}
	if sh == nil || (!sh.Public() && !r.host && !r.admin) {
		return nil, r, kernel.Fail(kernel.CodeNotFound, field, "no such show")
	}
	return sh, r, nil
}

func exists(ctx context.Context, db bun.IDB, model any, showID, userID string) (bool, error) {
	n, err := db.NewSelect().Model(model).Where("show_id = ?", showID).Where("user_id = ?", userID).Count(ctx)
	return n > 0, err
}

func requireLive(sh *show.Show, field []string) error {
	if sh.Status != show.StatusLive {
		return kernel.Fail(kernel.CodeInvalidState, field, "the show is not live (it is %s)", sh.Status)
	}
	return nil
}

var errMuted = kernel.Fail(kernel.CodeForbidden, nil, "you have been muted in this show")

// openToViewer loads a show the viewer may post chat or questions to: LIVE,
// and the viewer not muted there.
func (s *Service) openToViewer(ctx context.Context, tx bun.Tx, viewer kernel.Viewer, showID string) (*show.Show, error) {
	sh, r, err := s.load(ctx, tx, viewer, showID, kernel.Field("input", "showId"))
	if err != nil {
		return nil, err
	}
	if err := requireLive(sh, kernel.Field("input", "showId")); err != nil {
		return nil, err
	}
	if r.muted {
		return nil, errMuted
	}
	return sh, nil
}

// Post adds a chat message to a LIVE show: signed-in viewers, 1–500
// characters, at most 3 messages per 5 seconds, not while muted.
func (s *Service) Post(ctx context.Context, viewer kernel.Viewer, showID, body string) (*showevents.Message, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	body = kernel.CheckText(&v, kernel.Field("input", "body"), body, true, MaxBodyLen)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var m *Message
	var ev *showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		sh, err := s.openToViewer(ctx, tx, viewer, showID)
		if err != nil {
			return err
		}
		m = &Message{ID: kernel.NewID(), ShowID: sh.ID, UserID: viewer.UserID, Body: body, CreatedAt: now}
		if _, err = tx.NewInsert().Model(m).Exec(ctx); err != nil {
			return err
		}
		a, err := author(ctx, tx, viewer.UserID)
		if err != nil {
			return err
		}
		ev = &showevents.Event{ShowID: sh.ID, At: now, Kind: showevents.ChatMessagePosted, Message: MessageEvent(m, a)}
		if err := recordLive(ctx, tx, ev, kernel.Field("input", "showId")); err != nil {
			return err
		}
		// The rate is counted once the show's row is held (by the numbering
		// above), so it counts every message this viewer posted to the show
		// before: counted first, a burst of concurrent posts would each see
		// the others uncommitted, and all pass. This message included.
		recent, err := tx.NewSelect().Model((*Message)(nil)).Where("show_id = ?", sh.ID).Where("user_id = ?", viewer.UserID).
			Where("created_at > ?", now.Add(-RateWindow)).Count(ctx)
		if err != nil {
			return err
		}
		if recent > RateCount {
			return kernel.Fail(kernel.CodeLimitExceeded, kernel.Field("input", "body"), "at most %d messages per %s; slow down", RateCount, RateWindow)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("live.Post: %w", err)
	}
	s.publish(ctx, ev)
	return ev.Message, nil
}

// Remove hides a chat message (host, the show's moderators, admins).
func (s *Service) Remove(ctx context.Context, viewer kernel.Viewer, messageID string) (*showevents.Message, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "messageId"), messageID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	m := new(Message)
	var ev *showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		err := tx.NewSelect().Model(m).Where("cm.id = ?", messageID).Limit(1).Scan(ctx)
		if errors.Is(err, sql.ErrNoRows) {
			return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "messageId"), "no such message")
		}
		if err != nil {
			return err
		}
		_, r, err := s.load(ctx, tx, viewer, m.ShowID, kernel.Field("input", "messageId"))
		if err != nil {
			return err
		}
		if !r.canModerate() {
			return kernel.ErrForbidden
		}
		if m.RemovedAt != nil {
			return nil // removing twice is a no-op
		}
		// Conditional: of two removals at once, one removes (and counts).
		res, err := tx.NewUpdate().Model((*Message)(nil)).Set("removed_at = ?", now).Set("removed_by = ?", viewer.UserID).
			Where("id = ?", m.ID).Where("removed_at IS NULL").Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return tx.NewSelect().Model(m).WherePK().Scan(ctx) // removed meanwhile: answer as removing twice
		}
		m.RemovedAt, m.RemovedBy = &now, &viewer.UserID
		ev = &showevents.Event{ShowID: m.ShowID, At: now, Kind: showevents.ChatMessageRemoved, MessageID: m.ID}
		return showevents.Record(ctx, tx, ev)
	})
	if err != nil {
		return nil, fmt.Errorf("live.Remove: %w", err)
	}
	s.publish(ctx, ev)
	out, err := s.Messages(ctx, []*Message{m})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// Ask adds a question to a LIVE show (signed-in viewers, not while muted).
func (s *Service) Ask(ctx context.Context, viewer kernel.Viewer, showID, body string) (*showevents.Question, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	body = kernel.CheckText(&v, kernel.Field("input", "body"), body, true, MaxBodyLen)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var q *Question
	var ev *showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		sh, err := s.openToViewer(ctx, tx, viewer, showID)
		if err != nil {
			return err
		}
		q = &Question{ID: kernel.NewID(), ShowID: sh.ID, UserID: viewer.UserID, Body: body, CreatedAt: now}
		if _, err = tx.NewInsert().Model(q).Exec(ctx); err != nil {
			return err
		}
		a, err := author(ctx, tx, viewer.UserID)
		if err != nil {
			return err
		}
		ev = &showevents.Event{ShowID: sh.ID, At: now, Kind: showevents.QuestionAsked, Question: QuestionEvent(q, a)}
		return recordLive(ctx, tx, ev, kernel.Field("input", "showId"))
	})
	if err != nil {
		return nil, fmt.Errorf("live.Ask: %w", err)
	}
	s.publish(ctx, ev)
	return ev.Question, nil
}

// Answer answers a question (host only, while LIVE), optionally linking one
// of the show's featured products.
func (s *Service) Answer(ctx context.Context, viewer kernel.Viewer, questionID, answer string, productID *string) (*showevents.Question, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "questionId"), questionID)
	answer = kernel.CheckText(&v, kernel.Field("input", "answer"), answer, true, MaxBodyLen)
	if productID != nil {
		kernel.CheckID(&v, kernel.Field("input", "productId"), *productID)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	q := new(Question)
	var ev *showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		err := tx.NewSelect().Model(q).Where("q.id = ?", questionID).Limit(1).Scan(ctx)
		if errors.Is(err, sql.ErrNoRows) {
			return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "questionId"), "no such question")
		}
		if err != nil {
			return err
		}
		sh, r, err := s.load(ctx, tx, viewer, q.ShowID, kernel.Field("input", "questionId"))
		if err != nil {
			return err
		}
		if !r.host {
			return kernel.ErrForbidden
		}
		if err := requireLive(sh, kernel.Field("input", "questionId")); err != nil {
			return err
		}
		if productID != nil {
			if err := featured(ctx, tx, sh.ID, *productID, kernel.Field("input", "productId")); err != nil {
				return err
			}
		}
		q.Answer, q.AnsweredAt, q.ProductID = &answer, &now, productID
		if _, err = tx.NewUpdate().Model(q).Column("answer", "answered_at", "product_id").WherePK().Exec(ctx); err != nil {
			return err
		}
		a, err := author(ctx, tx, q.UserID)
		if err != nil {
			return err
		}
		ev = &showevents.Event{ShowID: q.ShowID, At: now, Kind: showevents.QuestionAnswered, Question: QuestionEvent(q, a)}
		return recordLive(ctx, tx, ev, kernel.Field("input", "questionId"))
	})
	if err != nil {
		return nil, fmt.Errorf("live.Answer: %w", err)
	}
	s.publish(ctx, ev)
	return ev.Question, nil
}

// recordLive numbers and stores ev while its show is LIVE (the show's row
// then stays locked until the transaction ends), and refuses otherwise: the
// show may have ended since it was read, and nothing is said in a show
// after its end.
func recordLive(ctx context.Context, tx bun.Tx, ev *showevents.Event, field []string) error {
	live, err := showevents.RecordWhileLive(ctx, tx, ev.ShowID, []*showevents.Event{ev}, nil)
	if err != nil {
		return err
	}
	if !live {
		return kernel.Fail(kernel.CodeInvalidState, field, "the show is not live (it has just ended)")
	}
	return nil
}

func featured(ctx context.Context, db bun.IDB, showID, productID string, field []string) error {
	fs, err := show.FeaturedOf(ctx, db, []string{showID})
	if err != nil {
		return err
	}
	for _, f := range fs[showID] {
		if f.ProductID == productID {
			return nil
		}
	}
	return kernel.Fail(kernel.CodeInvalid, field, "the product is not featured in this show")
}

// Pin shows a featured product as the current one (host; SCHEDULED or LIVE);
// a nil productID unpins.
func (s *Service) Pin(ctx context.Context, viewer kernel.Viewer, showID string, productID *string) (*show.Show, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	if productID != nil {
		var v kernel.Validator
		kernel.CheckID(&v, kernel.Field("input", "productId"), *productID)
		if err := v.Err(); err != nil {
			return nil, err
		}
	}
	var sh *show.Show
	var ev *showevents.Event
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// Held from here: the show's status and featured products cannot
		// change between the checks below and the pin.
		if err := txlock.Row(ctx, tx, "shows", showID); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var r role
		var err error
		if sh, r, err = s.load(ctx, tx, viewer, showID, kernel.Field("input", "showId")); err != nil {
			return err
		}
		if !r.host {
			return kernel.ErrForbidden
		}
		if sh.Status != show.StatusScheduled && sh.Status != show.StatusLive {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "showId"), "the show is %s", sh.Status)
		}
		if productID != nil {
			if err := featured(ctx, tx, sh.ID, *productID, kernel.Field("input", "productId")); err != nil {
				return err
			}
		}
		sh.PinnedProductID = productID
		if _, err = tx.NewUpdate().Model(sh).Column("pinned_product_id").WherePK().Exec(ctx); err != nil {
			return err
		}
		ev = &showevents.Event{ShowID: sh.ID, At: s.clock.Now(), Kind: showevents.ProductUnpinned}
		if productID != nil {
			ps, err := catalog.ByIDs(ctx, tx, []string{*productID})
			if err != nil {
				return err
			}
			ev.Kind, ev.ProductID, ev.Product = showevents.ProductPinned, *productID, ps[*productID]
		}
		return showevents.Record(ctx, tx, ev)
	})
	if err != nil {
		return nil, fmt.Errorf("live.Pin: %w", err)
	}
	s.publish(ctx, ev)
	return sh, nil
}

// AddModerator lets a user remove chat messages and mute (host only).
func (s *Service) AddModerator(ctx context.Context, viewer kernel.Viewer, showID, userID string) (*show.Show, error) {
	return s.setUser(ctx, viewer, showID, userID, func(r role) bool { return r.host }, &moderator{})
}

// Mute stops a user posting chat or questions (host and moderators); the host
// cannot be muted.
func (s *Service) Mute(ctx context.Context, viewer kernel.Viewer, showID, userID string) (*show.Show, error) {
	return s.setUser(ctx, viewer, showID, userID, role.canModerate, &mute{})
}

func (s *Service) setUser(ctx context.Context, viewer kernel.Viewer, showID, userID string, allowed func(role) bool, row any) (*show.Show, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "userId"), userID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	var sh *show.Show
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var r role
		var err error
		if sh, r, err = s.load(ctx, tx, viewer, showID, kernel.Field("input", "showId")); err != nil {
			return err
		}
		if !allowed(r) {
			return kernel.ErrForbidden
		}
		n, err := tx.NewSelect().Table("users").Where("id = ?", userID).Count(ctx)
		if err != nil {
			return err
		}
		if n == 0 {
			return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "userId"), "no such user")
		}
		now := s.clock.Now()
		switch x := row.(type) {
		case *mute:
			var hostUser string
			if err := tx.NewSelect().Table("influencers").Column("user_id").Where("id = ?", sh.HostID).Scan(ctx, &hostUser); err != nil {
				return err
			}
			if hostUser == userID {
				return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "userId"), "the host cannot be muted")
			}
			*x = mute{ShowID: sh.ID, UserID: userID, CreatedAt: now}
			_, err = tx.NewInsert().Model(x).On("CONFLICT (show_id, user_id) DO NOTHING").Exec(ctx)
		case *moderator:
			*x = moderator{ShowID: sh.ID, UserID: userID, CreatedAt: now}
			_, err = tx.NewInsert().Model(x).On("CONFLICT (show_id, user_id) DO NOTHING").Exec(ctx)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("live: %w", err)
	}
	return sh, nil
}

// Chat pages through a show's visible chat, newest first.
// Its totalCount is the show's count of visible messages, which the
// events of Post and Remove keep (showevents).
func (s *Service) Chat(ctx context.Context, showID string, page kernel.PageRequest) (*kernel.Page[*Message], error) {
	count := !page.SkipCount
	page.SkipCount = true
	p, err := paging.List[*Message](ctx, s.db, func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Where("cm.show_id = ?", showID).Where("cm.removed_at IS NULL")
	}, "cm", page)
	if err != nil || !count {
		return p, err
	}
	if err := s.db.NewSelect().Table("shows").Column("chat_count").Where("id = ?", showID).Scan(ctx, &p.TotalCount); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("live.Chat: count: %w", err)
	}
	return p, nil
}

// Questions pages through a show's questions, newest first; answered (when
// not nil) keeps only answered or unanswered ones.
func (s *Service) Questions(ctx context.Context, showID string, answered *bool, page kernel.PageRequest) (*kernel.Page[*Question], error) {
	return paging.List[*Question](ctx, s.db, func(q *bun.SelectQuery) *bun.SelectQuery {
		q = q.Where("q.show_id = ?", showID)
		if answered != nil && *answered {
			q = q.Where("q.answered_at IS NOT NULL")
		} else if answered != nil {
			q = q.Where("q.answered_at IS NULL")
		}
		return q
	}, "q", page)
}

// authors loads the public names of userIDs in one statement.
func authors(ctx context.Context, db bun.IDB, userIDs []string) (map[string]showevents.Author, error) {
	m := map[string]showevents.Author{}
	if len(userIDs) == 0 {
		return m, nil
	}
	var rows []struct {
		ID          string `bun:"id"`
		DisplayName string `bun:"display_name"`
	}
	if err := db.NewSelect().Table("users").Column("id", "display_name").Where("id IN (?)", bun.List(userIDs)).Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("live: authors: %w", err)
	}
	for _, r := range rows {
		m[r.ID] = showevents.Author{ID: r.ID, DisplayName: r.DisplayName}
	}
	return m, nil
}

// Messages turns stored messages into their public form (one statement for
// all authors).
func (s *Service) Messages(ctx context.Context, ms []*Message) ([]*showevents.Message, error) {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.UserID
	}
	as, err := authors(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*showevents.Message, len(ms))
	for i, m := range ms {
		out[i] = MessageEvent(m, as[m.UserID])
	}
	return out, nil
}

// QuestionsOut turns stored questions into their public form.
func (s *Service) QuestionsOut(ctx context.Context, qs []*Question) ([]*showevents.Question, error) {
	ids := make([]string, len(qs))
	for i, q := range qs {
		ids[i] = q.UserID
	}
	as, err := authors(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*showevents.Question, len(qs))
	for i, q := range qs {
		out[i] = QuestionEvent(q, as[q.UserID])
	}
	return out, nil
}

// Replay is the stored tail of a show's events after afterSeq (at most
// ReplayLimit), for subscribers that resume.
func (s *Service) Replay(ctx context.Context, showID string, afterSeq int64) ([]*showevents.Event, error) {
	return showevents.After(ctx, s.db, showID, afterSeq, ReplayLimit)
}

// Watchable checks that viewer may follow showID's events and reports
// whether everyone may (the show is public, and stays so: a show never
// returns to DRAFT) — only then may viewers share one encoded stream.
func (s *Service) Watchable(ctx context.Context, viewer kernel.Viewer, showID string) (public bool, err error) {
	sh, _, err := s.load(ctx, s.db, viewer, showID, kernel.Field("showId"))
	if err != nil {
		return false, err
	}
	return sh.Public(), nil
}

// LastSeq is the seq of showID's latest event (0 if none).
func (s *Service) LastSeq(ctx context.Context, showID string) (int64, error) {
	var seq int64
	if err := s.db.NewSelect().Table("shows").Column("event_seq").Where("id = ?", showID).Scan(ctx, &seq); err != nil {
		return 0, fmt.Errorf("live.LastSeq: %w", err)
	}
	return seq, nil
}

// ReplayLimit bounds a replay.
const ReplayLimit = 500

// Subscribe opens a show's live event stream for viewer (who must be able to
// see the show).
func (s *Service) Subscribe(ctx context.Context, viewer kernel.Viewer, showID string) (<-chan *showevents.Event, error) {
	if _, _, err := s.load(ctx, s.db, viewer, showID, kernel.Field("showId")); err != nil {
		return nil, err
	}
	if s.events == nil {
		return nil, errors.New("live: no event bus")
	}
	return s.events.Subscribe(ctx, showID)
}
