// Package outbox is the transactional outbox: a side effect (a job to run) is
// written as a row in the same transaction as the state change that causes
// it, and a relay hands pending rows to the job queue. Nothing is lost when
// the queue is down (rows wait), and nothing runs twice because each job is
// enqueued under its row's id.
package outbox

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Message is one side effect to run.
type Message struct {
	bun.BaseModel `bun:"table:outbox,alias:ob"`

	ID        string     `bun:"id,pk"`
	Kind      string     `bun:"kind"`
	Payload   string     `bun:"payload"`
	RunAt     *time.Time `bun:"run_at"`
	CreatedAt time.Time  `bun:"created_at"`
	RelayedAt *time.Time `bun:"relayed_at"`
	Attempts  int        `bun:"attempts"`
	LastError *string    `bun:"last_error"`
}

// Add writes a message inside the caller's transaction. payload is encoded as
// JSON; runAt (optional) is when the job should run.
func Add(ctx context.Context, db bun.IDB, now time.Time, kind string, payload any, runAt *time.Time) (*Message, error) {
	b, err := json.Marshal(payload)
	if err != nil {
		return nil, fmt.Errorf("outbox.Add: %w", err)
	}
	m := &Message{ID: kernel.NewID(), Kind: kind, Payload: string(b), RunAt: runAt, CreatedAt: now}
	if _, err := db.NewInsert().Model(m).Exec(ctx); err != nil {
		return nil, fmt.Errorf("outbox.Add: %w", err)
	}
	return m, nil
}

// Pending returns up to limit messages not yet relayed, oldest first.
func Pending(ctx context.Context, db bun.IDB, limit int) ([]*Message, error) {
	var ms []*Message
	err := db.NewSelect().Model(&ms).Where("ob.relayed_at IS NULL").OrderExpr("ob.id").Limit(int64(limit)).Scan(ctx)
	if err != nil {
		return nil, fmt.Errorf("outbox.Pending: %w", err)
	}
	return ms, nil
}

// MarkRelayed records that the message reached the queue.
func MarkRelayed(ctx context.Context, db bun.IDB, id string, now time.Time) error {
	_, err := db.NewUpdate().Model((*Message)(nil)).Set("relayed_at = ?", now).Where("id = ?", id).Where("relayed_at IS NULL").Exec(ctx)
	if err != nil {
		return fmt.Errorf("outbox.MarkRelayed: %w", err)
	}
	return nil
}

// MarkFailed counts a failed relay attempt; the message stays pending.
func MarkFailed(ctx context.Context, db bun.IDB, id string, cause error) error {
	msg := cause.Error()
	_, err := db.NewUpdate().Model((*Message)(nil)).Set("attempts = attempts + 1").Set("last_error = ?", msg).Where("id = ?", id).Exec(ctx)
	if err != nil {
		return fmt.Errorf("outbox.MarkFailed: %w", err)
	}
	return nil
}
