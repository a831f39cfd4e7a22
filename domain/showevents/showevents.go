// Package showevents is the per-show event log: each event gets the next
// sequence number of its show inside the transaction that causes it (so seq
// strictly increases and matches commit order per show), is stored for
// replay, and is published to live subscribers after commit. Events are plain
// values, complete when recorded: delivering one never queries the database.
package showevents

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
)

// Kinds, named as the GraphQL types that carry them.
const (
	StatusChanged      = "ShowStatusChanged"
	ProductPinned      = "ProductPinned"
	ProductUnpinned    = "ProductUnpinned"
	ChatMessagePosted  = "ChatMessagePosted"
	ChatMessageRemoved = "ChatMessageRemoved"
	QuestionAsked      = "QuestionAsked"
	QuestionAnswered   = "QuestionAnswered"
	ViewerCountChanged = "ViewerCountChanged"
	// Fed by checkout.
	StockChanged     = "StockChanged"
	PurchaseMade     = "PurchaseMade"
	FlashSaleStarted = "FlashSaleStarted"
	FlashSaleEnded   = "FlashSaleEnded"
)

// FlashSale is a flash sale as events carry it.
type FlashSale struct {
	Product       *catalog.Product `json:"product"`
	Price         kernel.Money     `json:"price"`
	Quantity      int              `json:"quantity"`
	Remaining     int              `json:"remaining"`
	PerBuyerLimit int              `json:"perBuyerLimit"`
	EndsAt        time.Time        `json:"endsAt"`
}

// Author is the public view of a user in an event.
type Author struct {
	ID          string `json:"id"`
	DisplayName string `json:"displayName"`
}

// Message is a chat message as events carry it.
type Message struct {
	ID        string    `json:"id"`
	Author    Author    `json:"author"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"createdAt"`
}

// Question is a question as events carry it.
type Question struct {
	ID         string     `json:"id"`
	Author     Author     `json:"author"`
	Body       string     `json:"body"`
	Answer     *string    `json:"answer,omitempty"`
	AnsweredAt *time.Time `json:"answeredAt,omitempty"`
	ProductID  *string    `json:"productId,omitempty"`
	CreatedAt  time.Time  `json:"createdAt"`
}

// Event is one thing that happened in a show. Only the fields of its Kind are set.
type Event struct {
	ShowID    string           `json:"showId"`
	Seq       int64            `json:"seq"`
	At        time.Time        `json:"at"`
	Kind      string           `json:"kind"`
	Status    string           `json:"status,omitempty"`
	ProductID string           `json:"productId,omitempty"`
	Product   *catalog.Product `json:"product,omitempty"`
	Message   *Message         `json:"message,omitempty"`
	MessageID string           `json:"messageId,omitempty"`
	Question  *Question        `json:"question,omitempty"`
	Count     *int             `json:"count,omitempty"`
	Stock     *int             `json:"stock,omitempty"`
	Quantity  *int             `json:"quantity,omitempty"`
	FlashSale *FlashSale       `json:"flashSale,omitempty"`
}

type row struct {
	bun.BaseModel `bun:"table:show_events,alias:se"`

	ShowID    string    `bun:"show_id,pk"`
	Seq       int64     `bun:"seq,pk"`
	Kind      string    `bun:"kind"`
	Payload   string    `bun:"payload"`
	CreatedAt time.Time `bun:"created_at"`
}

// Record gives ev the show's next sequence number and stores it, inside the
// caller's transaction (the UPDATE also serialises concurrent recorders of
// one show). Publish it after the transaction commits.
// The same statement keeps the show's count of visible chat messages (see
// chatDelta).
func Record(ctx context.Context, tx bun.IDB, ev *Event) error {
	var seq int64
	d := chatDelta(ev)
	if err := tx.NewRaw("UPDATE shows SET event_seq = event_seq + 1, "+chatCount+" WHERE id = ? RETURNING event_seq",
		d, d, ev.ShowID).Scan(ctx, &seq); err != nil {
		return fmt.Errorf("showevents: next seq: %w", err)
	}
	ev.Seq = seq
	return store(ctx, tx, []*Event{ev})
}

// chatDelta is how evs move their show's count of visible chat messages
// (shows.chat_count, a chat page's totalCount): each message posted is
// announced by one ChatMessagePosted, each removal by one
// ChatMessageRemoved, recorded in the transaction that makes the change, so
// counting them where they take their numbers keeps the count exact without
// another statement on the show's locked row.
func chatDelta(evs ...*Event) int {
	n := 0
	for _, ev := range evs {
		switch ev.Kind {
		case ChatMessagePosted:
			n++
		case ChatMessageRemoved:
			n--
		}
	}
	return n
}

// chatCount moves shows.chat_count by its two arguments (the same delta),
// never below zero: a count an earlier version left behind (see the README's
// upgrade notes) must not make a moderator's removal fail.
const chatCount = "chat_count = CASE WHEN chat_count + ? < 0 THEN 0 ELSE chat_count + ? END"

// store inserts events that have their show and sequence number.
func store(ctx context.Context, tx bun.IDB, evs []*Event) error {
	rows := make([]row, len(evs))
	for i, ev := range evs {
		b, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("showevents: encode: %w", err)
		}
		rows[i] = row{ShowID: ev.ShowID, Seq: ev.Seq, Kind: ev.Kind, Payload: string(b), CreatedAt: ev.At}
	}
	if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return fmt.Errorf("showevents: store: %w", err)
	}
	return nil
}

// RecordWhileLive gives evs, all of one show, the show's next sequence
// numbers and stores them, in two statements, inside the caller's
// transaction; it records nothing and reports false when the show is not
// LIVE. The show's row stays locked until the transaction ends, so what the
// caller reads after this call and before it returns is current for evs.
// fill, when not nil, runs after the numbers are taken and before the
// events are stored.
func RecordWhileLive(ctx context.Context, tx bun.IDB, showID string, evs []*Event, fill func() error) (bool, error) {
	if len(evs) == 0 {
		return true, nil
	}
	var last int64
	d := chatDelta(evs...)
	err := tx.NewRaw("UPDATE shows SET event_seq = event_seq + ?, "+chatCount+" WHERE id = ? AND status = 'LIVE' RETURNING event_seq",
		len(evs), d, d, showID).Scan(ctx, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("showevents: next seq: %w", err)
	}
	if fill != nil {
		if err := fill(); err != nil {
			return false, err
		}
	}
	for i, ev := range evs {
		ev.ShowID, ev.Seq = showID, last-int64(len(evs)-1-i)
	}
	return true, store(ctx, tx, evs)
}

// After returns up to limit stored events of a show with seq > afterSeq, in order.
func After(ctx context.Context, db bun.IDB, showID string, afterSeq int64, limit int) ([]*Event, error) {
	var rows []row
	if err := db.NewSelect().Model(&rows).Where("se.show_id = ?", showID).Where("se.seq > ?", afterSeq).
		OrderExpr("se.seq").Limit(int64(limit)).Scan(ctx); err != nil {
		return nil, fmt.Errorf("showevents.After: %w", err)
	}
	out := make([]*Event, 0, len(rows))
	for _, r := range rows {
		ev := new(Event)
		if err := json.Unmarshal([]byte(r.Payload), ev); err != nil {
			return nil, fmt.Errorf("showevents.After: decode %d: %w", r.Seq, err)
		}
		out = append(out, ev)
	}
	return out, nil
}

// Bus delivers published events to the subscribers of a show: in-process
// locally, through Redis pub/sub across replicas.
type Bus interface {
	Publish(ctx context.Context, ev *Event) error
	Subscribe(ctx context.Context, showID string) (<-chan *Event, error)
}
