// Package notify owns in-app notifications: they are recorded in the same
// transaction as the change they report, delivered live to subscribers after
// that transaction commits, and kept for the notifications list.
package notify

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/paging"
)

// Notification is one message to one user.
type Notification struct {
	bun.BaseModel `bun:"table:notifications,alias:n"`

	ID        string     `bun:"id,pk"`
	UserID    string     `bun:"user_id"`
	Kind      string     `bun:"kind"`
	Title     string     `bun:"title"`
	Body      string     `bun:"body"`
	SubjectID *string    `bun:"subject_id"`
	ReadAt    *time.Time `bun:"read_at"`
	CreatedAt time.Time  `bun:"created_at"`
}

// Message is what to tell: the same for every recipient.
type Message struct {
	Kind, Title, Body string
	SubjectID         string
}

// Bus delivers notifications live to the recipient's subscribers (in-process
// locally, Redis pub/sub across replicas). Delivery is best effort: the
// stored notification is the record.
type Bus interface {
	Publish(ctx context.Context, n *Notification) error
	Subscribe(ctx context.Context, userID string) (<-chan *Notification, error)
}

// Service is the notifications use-case layer.
type Service struct {
	db    *bun.DB
	clock kernel.Clock
	bus   Bus
	log   *slog.Logger
}

// NewService builds the service.
func NewService(db *bun.DB, clock kernel.Clock, bus Bus, log *slog.Logger) *Service {
	if log == nil {
		log = slog.Default()
	}
	return &Service{db: db, clock: clock, bus: bus, log: log}
}

// Record stores msg for each recipient inside the caller's transaction and
// returns the notifications to Publish once it commits.
func (s *Service) Record(ctx context.Context, db bun.IDB, userIDs []string, msg Message) ([]*Notification, error) {
	if len(userIDs) == 0 {
		return nil, nil
	}
	now := s.clock.Now()
	ns := make([]*Notification, 0, len(userIDs))
	seen := map[string]bool{}
	for _, u := range userIDs {
		if seen[u] {
			continue
		}
		seen[u] = true
		n := &Notification{ID: kernel.NewID(), UserID: u, Kind: msg.Kind, Title: msg.Title, Body: msg.Body, CreatedAt: now}
		if msg.SubjectID != "" {
			subject := msg.SubjectID
			n.SubjectID = &subject
		}
		ns = append(ns, n)
	}
	if _, err := db.NewInsert().Model(&ns).Exec(ctx); err != nil {
		return nil, fmt.Errorf("notify.Record: %w", err)
	}
	return ns, nil
}

// Publish delivers committed notifications live. A failure is logged, not
// returned: the notification is stored and will be listed.
func (s *Service) Publish(ctx context.Context, ns []*Notification) {
	for _, n := range ns {
		if err := s.bus.Publish(ctx, n); err != nil {
			s.log.WarnContext(ctx, "notify: live delivery failed; stored for listing", "notification", n.ID, "err", err)
		}
	}
}

// Subscribe streams the viewer's new notifications until ctx ends.
func (s *Service) Subscribe(ctx context.Context, viewer kernel.Viewer) (<-chan *Notification, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	ch, err := s.bus.Subscribe(ctx, viewer.UserID)
	if err != nil {
		return nil, fmt.Errorf("notify.Subscribe: %w", err)
	}
	return ch, nil
}

// List pages through the viewer's notifications, newest first.
func (s *Service) List(ctx context.Context, viewer kernel.Viewer, unreadOnly bool, page kernel.PageRequest) (*kernel.Page[*Notification], error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		q = q.Where("n.user_id = ?", viewer.UserID)
		if unreadOnly {
			q = q.Where("n.read_at IS NULL")
		}
		return q
	}
	p, err := paging.List[*Notification](ctx, s.db, where, "n", page)
	if err != nil {
		return nil, fmt.Errorf("notify.List: %w", err)
	}
	return p, nil
}

// MaxMarkRead bounds one notificationMarkRead call.
const MaxMarkRead = 100

// MarkRead marks the viewer's notifications with ids as read (idempotent) and
// returns them. Ids that are not the viewer's are NOT_FOUND.
func (s *Service) MarkRead(ctx context.Context, viewer kernel.Viewer, ids []string) ([]*Notification, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	field := kernel.Field("input", "ids")
	switch {
	case len(ids) == 0:
		v.Add(kernel.CodeRequired, field, "give at least one id")
	case len(ids) > MaxMarkRead:
		v.Add(kernel.CodeLimitExceeded, field, "at most %d ids at once", MaxMarkRead)
	}
	for i, id := range ids {
		kernel.CheckID(&v, kernel.Field("input", "ids", fmt.Sprint(i)), id)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	var out []*Notification
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := tx.NewSelect().Model(&out).Where("n.id IN (?)", bun.List(ids)).Where("n.user_id = ?", viewer.UserID).
			OrderExpr("n.id DESC").Scan(ctx); err != nil {
			return err
		}
		found := map[string]bool{}
		for _, n := range out {
			found[n.ID] = true
		}
		for i, id := range ids {
			if !found[id] {
				return kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "ids", fmt.Sprint(i)), "no such notification")
			}
		}
		now := s.clock.Now()
		_, err := tx.NewUpdate().Model((*Notification)(nil)).Set("read_at = ?", now).
			Where("id IN (?)", bun.List(ids)).Where("user_id = ?", viewer.UserID).Where("read_at IS NULL").Exec(ctx)
		for _, n := range out {
			if n.ReadAt == nil {
				n.ReadAt = &now
			}
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("notify.MarkRead: %w", err)
	}
	return out, nil
}
