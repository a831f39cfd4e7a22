package show

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/domain/txlock"
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

// Notice kinds recorded in show_notices_sent (a reminder's kind names the
// start it is for: reminder@<unix seconds>).
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
// host's followers, that it starts soon — once per person and start,
// however often it runs: a show moved after its reminder went out is
// reminded of again at its new time. A reminder whose show was cancelled or
// moved does nothing; it holds the show while it runs, so a cancellation or
// a move waits for it, or it for them. It returns how many people were told
// this time.
func (s *Service) SendReminder(ctx context.Context, job ReminderJob) (int, error) {
	kind := noticeReminder + "@" + strconv.FormatInt(job.Start.Unix(), 10)
	return s.sendNotice(ctx, job.ShowID, kind, true, func(sh *Show) (notify.Message, bool) {
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
	return s.sendNotice(ctx, job.ShowID, noticeLive, false, func(sh *Show) (notify.Message, bool) {
		if sh.Status != StatusLive {
			return notify.Message{}, false
		}
		return notify.Message{Kind: "show.live", Title: "Live now: " + sh.Title, Body: "Join the show.", SubjectID: sh.ID}, true
	})
}

// sendNotice tells the show's audience message, once per person and kind.
// hold locks the show's row for the whole fan-out, so that the show cannot
// change under it (not for a LIVE show: its chat and checkouts number their
// events on that row).
func (s *Service) sendNotice(ctx context.Context, showID, kind string, hold bool, message func(*Show) (notify.Message, bool)) (int, error) {
	now := s.clock.Now()
	var sent []*notify.Notification
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if hold {
			if err := txlock.Row(ctx, tx, "shows", showID); errors.Is(err, sql.ErrNoRows) {
				return nil // deleted
			} else if err != nil {
				return err
			}
		}
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
