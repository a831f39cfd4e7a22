package show

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/outbox"
)

// Jobs the show context leaves in the outbox; their kinds are the job
// queue's task types.
const (
	JobReminder = "show:reminder"
	JobLive     = "show:live"
)

// JobIndex asks search to re-index a show after any change to it; the
// payload carries its id only (the handler reloads the show).
const JobIndex = "search:index_show"

// IndexJob is the payload of JobIndex.
type IndexJob struct {
	ShowID string `json:"showId"`
}

func (s *Service) reindex(ctx context.Context, tx bun.IDB, showID string, now time.Time) error {
	_, err := outbox.Add(ctx, tx, now, JobIndex, IndexJob{ShowID: showID}, nil)
	return err
}

// ReminderJob is the payload of a reminder: the show and the start it was
// scheduled for. A reminder for a start the show no longer has is void.
type ReminderJob struct {
	ShowID string    `json:"showId"`
	Start  time.Time `json:"start"`
}

// LiveJob is the payload of a "show is live" notice.
type LiveJob struct {
	ShowID string `json:"showId"`
}

// Notifier records notifications in a transaction and delivers them after
// commit; the notify context implements it.
type Notifier interface {
	Record(ctx context.Context, db bun.IDB, userIDs []string, msg notify.Message) ([]*notify.Notification, error)
	Publish(ctx context.Context, ns []*notify.Notification)
}

// DefaultReminderLead is how long before the start reminders go out.
const DefaultReminderLead = 15 * time.Minute

// scheduleReminder leaves a reminder job for the show's current start.
func (s *Service) scheduleReminder(ctx context.Context, tx bun.Tx, sh *Show, now time.Time) error {
	runAt := sh.ScheduledStart.Add(-s.lead)
	if runAt.Before(now) {
		runAt = now
	}
	_, err := outbox.Add(ctx, tx, now, JobReminder, ReminderJob{ShowID: sh.ID, Start: sh.ScheduledStart}, &runAt)
	return err
}

// Notice kinds recorded in show_notices_sent.
const (
	noticeReminder = "reminder"
	noticeLive     = "live"
)

type noticeSent struct {
	bun.BaseModel `bun:"table:show_notices_sent"`

	ShowID string    `bun:"show_id,pk"`
	UserID string    `bun:"user_id,pk"`
	Kind   string    `bun:"kind,pk"`
	SentAt time.Time `bun:"sent_at"`
}

// SendReminder tells everyone who asked to be reminded of the show, and the
// host's followers, that it starts soon — once per person, however often it
// runs. A reminder whose show was cancelled or moved does nothing. It
// returns how many people were told this time.
func (s *Service) SendReminder(ctx context.Context, job ReminderJob) (int, error) {
	return s.sendNotice(ctx, job.ShowID, noticeReminder, func(sh *Show) (notify.Message, bool) {
		if sh.Status != StatusScheduled || !sh.ScheduledStart.Equal(job.Start.UTC()) {
			return notify.Message{}, false
		}
		return notify.Message{Kind: "show.reminder", Title: "Starting soon: " + sh.Title,
			Body: fmt.Sprintf("%q starts at %s UTC.", sh.Title, sh.ScheduledStart.Format("15:04")), SubjectID: sh.ID}, true
	})
}

// NotifyLive tells followers and reminder holders that the show is live,
// once per person.
func (s *Service) NotifyLive(ctx context.Context, job LiveJob) (int, error) {
	return s.sendNotice(ctx, job.ShowID, noticeLive, func(sh *Show) (notify.Message, bool) {
		if sh.Status != StatusLive {
			return notify.Message{}, false
		}
		return notify.Message{Kind: "show.live", Title: "Live now: " + sh.Title, Body: "Join the show.", SubjectID: sh.ID}, true
	})
}

func (s *Service) sendNotice(ctx context.Context, showID, kind string, message func(*Show) (notify.Message, bool)) (int, error) {
	now := s.clock.Now()
	var sent []*notify.Notification
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		shows, err := ByIDs(ctx, tx, []string{showID})
		if err != nil {
			return err
		}
		sh := shows[showID]
		if sh == nil {
			return nil
		}
		msg, ok := message(sh)
		if !ok {
			return nil
		}
		hostUser, err := influencerUser(ctx, tx, sh.HostID)
		if err != nil {
			return err
		}
		// One statement records who is told now: reminder holders and the
		// host's followers (not the host), minus anyone told before.
		var fresh []string
		if err := tx.NewRaw(`INSERT INTO show_notices_sent (show_id, user_id, kind, sent_at)
			SELECT ?, a.user_id, ?, ? FROM (
				SELECT user_id FROM show_reminders WHERE show_id = ?
				UNION SELECT user_id FROM follows WHERE influencer_id = ?
			) AS a WHERE a.user_id <> ?
			ON CONFLICT (show_id, user_id, kind) DO NOTHING
			RETURNING user_id`, sh.ID, kind, now, sh.ID, sh.HostID, hostUser).Scan(ctx, &fresh); err != nil {
			return fmt.Errorf("record notices: %w", err)
		}
		slices.Sort(fresh)
		if s.notify == nil || len(fresh) == 0 {
			return nil
		}
		sent, err = s.notify.Record(ctx, tx, fresh, msg)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("show.sendNotice %s: %w", kind, err)
	}
	if s.notify != nil {
		s.notify.Publish(ctx, sent)
	}
	return len(sent), nil
}
