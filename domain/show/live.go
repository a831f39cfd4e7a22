package show

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/outbox"
	"github.com/livemarket/livemarket/domain/showevents"
)

// Rooms creates and closes the video rooms shows stream in (LiveKit).
type Rooms interface {
	// Configured is false when no video server is set up (local mode):
	// room calls are then skipped, and tokens are still issued.
	Configured() bool
	CreateRoom(ctx context.Context, name, metadata string) error
	DeleteRoom(ctx context.Context, name string) error
	// Token mints a join token for room; only canPublish tokens may publish
	// audio, video and data.
	Token(identity, name, room string, canPublish bool, ttl time.Duration) (string, error)
	// URL is where clients connect with the token.
	URL() string
}

// Live-video rules.
const (
	// GoLiveLead is how early before its scheduled start a show may go live.
	GoLiveLead = 30 * time.Minute
	// JoinTokenTTL is how long a join token is valid: clients fetch a new
	// one to reconnect.
	JoinTokenTTL = 15 * time.Minute
)

// ErrVideoNotConfigured is what Rooms.Token returns when this server has no
// video credentials: a clear user error rather than an internal one.
var ErrVideoNotConfigured = kernel.Fail(kernel.CodeInvalidState, nil, "video is not configured on this server")

// HostIdentity is the video identity of a show's host.
func HostIdentity(userID string) string { return "user:" + userID }

// GoLive opens the show's room and marks it LIVE (host only, from 30
// minutes before the scheduled start).
func (s *Service) GoLive(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	sh, err := s.edit(ctx, viewer, id, func(ctx context.Context, tx bun.Tx, sh *Show, now time.Time) error {
		if sh.Status != StatusScheduled {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "only a scheduled show can go live (this one is %s)", sh.Status)
		}
		if now.Before(sh.ScheduledStart.Add(-GoLiveLead)) {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "a show can go live from %s before its start", GoLiveLead)
		}
		// Collaborations may have been cancelled since publishing.
		if err := s.recheck(ctx, tx, sh, now); err != nil {
			return err
		}
		if s.rooms != nil && s.rooms.Configured() {
			meta, _ := json.Marshal(map[string]string{"showId": sh.ID, "hostId": sh.HostID})
			if err := s.rooms.CreateRoom(ctx, sh.ID, string(meta)); err != nil {
				return fmt.Errorf("create room: %w", err)
			}
		}
		sh.StartedAt = &now
		if err := s.setStatus(ctx, tx, sh, StatusScheduled, StatusLive); err != nil {
			return err
		}
		if _, err := tx.NewUpdate().Model(sh).Column("started_at").WherePK().Exec(ctx); err != nil {
			return err
		}
		if _, err := outbox.Add(ctx, tx, now, JobLive, LiveJob{ShowID: sh.ID}, nil); err != nil {
			return err
		}
		return s.statusEvent(ctx, tx, sh.ID, StatusLive, now)
	})
	if err == nil {
		s.publishLatest(ctx, sh.ID)
	}
	return sh, err
}

// End marks a LIVE show ENDED and closes its room (host only).
func (s *Service) End(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	sh, err := s.host(ctx, viewer, id, func(ctx context.Context, tx bun.Tx, sh *Show, now time.Time) error {
		if sh.Status != StatusLive {
			return kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "only a live show can end (this one is %s)", sh.Status)
		}
		sh.EndedAt = &now
		if err := s.setStatus(ctx, tx, sh, StatusLive, StatusEnded); err != nil {
			return err
		}
		if _, err := tx.NewUpdate().Model(sh).Column("ended_at").WherePK().Exec(ctx); err != nil {
			return err
		}
		return s.statusEvent(ctx, tx, sh.ID, StatusEnded, now)
	})
	if err != nil {
		return nil, err
	}
	s.publishLatest(ctx, sh.ID)
	if s.rooms != nil && s.rooms.Configured() {
		// The show has ended either way; a room that outlives this call is
		// closed by LiveKit's empty timeout, and its room_finished event is
		// ignored for an ENDED show.
		if err := s.rooms.DeleteRoom(ctx, sh.ID); err != nil {
			s.log.WarnContext(ctx, "show: delete room failed", "show", sh.ID, "err", err)
		}
	}
	return sh, nil
}

// Join is a viewer's ticket into the show's room.
type Join struct {
	Token      string
	URL        string
	CanPublish bool
}

// Join issues a short-lived token: the host's (for a SCHEDULED or LIVE show,
// to set up before going live) may publish; everybody else's (guests too) is
// for a LIVE show and may only subscribe.
func (s *Service) Join(ctx context.Context, viewer kernel.Viewer, id string) (*Join, error) {
	sh, err := s.visible(ctx, viewer, id)
	if err != nil {
		return nil, err
	}
	if sh.Status != StatusScheduled && sh.Status != StatusLive {
		return nil, kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "the show is %s", sh.Status)
	}
	if s.rooms == nil {
		return nil, errors.New("show.Join: no video rooms configured")
	}
	identity, name, isHost := "", "Guest", false
	if viewer.SignedIn() {
		identity = HostIdentity(viewer.UserID)
		host, err := hostOf(ctx, s.db, viewer)
		if err == nil && host.ID == sh.HostID {
			isHost, name = true, host.DisplayName
		} else if err != nil && !errors.Is(err, kernel.ErrForbidden) {
			return nil, fmt.Errorf("show.Join: %w", err)
		}
		if !isHost {
			name = "Viewer"
		}
	} else {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		identity = "guest:" + hex.EncodeToString(b)
	}
	if !isHost && sh.Status != StatusLive {
		// Viewers join once the host has gone live; an early viewer token
		// would let LiveKit create the room before the host.
		return nil, kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "id"), "the show has not started yet")
	}
	if viewer.SignedIn() && !isHost {
		// Purchases within the attribution window are credited to the show.
		if err := RecordView(ctx, s.db, sh.ID, viewer.UserID, s.clock.Now()); err != nil {
			return nil, fmt.Errorf("show.Join: %w", err)
		}
	}
	tok, err := s.rooms.Token(identity, name, sh.ID, isHost, JoinTokenTTL)
	if err != nil {
		return nil, fmt.Errorf("show.Join: %w", err)
	}
	return &Join{Token: tok, URL: s.rooms.URL(), CanPublish: isHost}, nil
}

// RecordView notes that userID watched showID at at: purchases of its
// products within the attribution window are attributed to the show.
func RecordView(ctx context.Context, db bun.IDB, showID, userID string, at time.Time) error {
	_, err := db.NewRaw(`INSERT INTO show_views (show_id, user_id, viewed_at) VALUES (?, ?, ?)
		ON CONFLICT (show_id, user_id) DO UPDATE SET viewed_at = excluded.viewed_at`, showID, userID, at).Exec(ctx)
	return err
}

// host is edit without the "still editable" rule: for moves of a live show.
func (s *Service) host(ctx context.Context, viewer kernel.Viewer, id string, fn func(context.Context, bun.Tx, *Show, time.Time) error) (*Show, error) {
	return s.editWith(ctx, viewer, id, false, fn)
}

// RoomEvent is a video-server event about a show's room, already verified.
type RoomEvent struct {
	ID       string
	Kind     string // room_started, room_finished, participant_joined, participant_left
	Room     string // the show id
	Identity string // participant events
	At       int64  // when the server emitted it, unix nanoseconds (or seconds)
}

// Event kinds the show context reacts to.
const (
	EventRoomStarted       = "room_started"
	EventRoomFinished      = "room_finished"
	EventParticipantJoined = "participant_joined"
	EventParticipantLeft   = "participant_left"
)

type livekitEvent struct {
	bun.BaseModel `bun:"table:livekit_events"`

	ID         string    `bun:"id,pk"`
	Event      string    `bun:"event"`
	Room       string    `bun:"room"`
	ReceivedAt time.Time `bun:"received_at"`
}

// ApplyRoomEvent applies a verified video event exactly once (by event id),
// in any order: a finished room ends a LIVE show, participants maintain the
// viewer count (the host never counted, never negative). room_started never
// makes a show LIVE — only the host's showGoLive does — so a viewer whose
// connection happens to create the room cannot start or end a show. It
// reports whether the event was new.
func (s *Service) ApplyRoomEvent(ctx context.Context, ev RoomEvent) (bool, error) {
	if ev.ID == "" || ev.Room == "" {
		return false, kernel.Fail(kernel.CodeInvalid, nil, "event id and room are required")
	}
	now := s.clock.Now()
	fresh, published := false, false
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewInsert().Model(&livekitEvent{ID: ev.ID, Event: ev.Kind, Room: ev.Room, ReceivedAt: now}).
			On("CONFLICT (id) DO NOTHING").Exec(ctx)
		if err != nil {
			return fmt.Errorf("record event: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // delivered before
		}
		fresh = true
		shows, err := ByIDs(ctx, tx, []string{ev.Room})
		if err != nil {
			return err
		}
		sh := shows[ev.Room]
		if sh == nil {
			return nil // not one of ours
		}
		switch ev.Kind {
		case EventRoomStarted:
			// Only the host's showGoLive makes a show LIVE (with its rules and
			// notices); a room that starts otherwise changes nothing.
			return nil
		case EventRoomFinished:
			var res sql.Result
			res, err = tx.NewUpdate().Model((*Show)(nil)).Set("status = ?", StatusEnded).Set("ended_at = ?", now).Set("updated_at = ?", now).
				Where("id = ?", sh.ID).Where("status = ?", StatusLive).Exec(ctx)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 1 {
				published = true
				err = s.statusEvent(ctx, tx, sh.ID, StatusEnded, now)
			}
		case EventParticipantJoined, EventParticipantLeft:
			changed, err := s.presence(ctx, tx, sh, ev, now)
			published = changed
			return err
		}
		if err != nil {
			return err
		}
		return s.reindex(ctx, tx, sh.ID, now)
	})
	if err != nil {
		return false, fmt.Errorf("show.ApplyRoomEvent: %w", err)
	}
	if published {
		s.publishLatest(ctx, ev.Room)
	}
	return fresh, nil
}

// presence records a participant's latest known state (older events than the
// one already applied are ignored) and recounts the show's viewers; it
// reports whether the count changed (and so an event was recorded).
func (s *Service) presence(ctx context.Context, tx bun.Tx, sh *Show, ev RoomEvent, now time.Time) (bool, error) {
	if ev.Identity == "" {
		return false, nil
	}
	hosts, err := influencerUser(ctx, tx, sh.HostID)
	if err != nil {
		return false, err
	}
	// Portable upsert that keeps the newer state: the same statement runs on
	// PostgreSQL and SQLite.
	_, err = tx.NewRaw(`INSERT INTO show_participants (show_id, identity, is_host, present, last_event_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (show_id, identity) DO UPDATE SET present = excluded.present, last_event_at = excluded.last_event_at
		WHERE show_participants.last_event_at < excluded.last_event_at`,
		sh.ID, ev.Identity, ev.Identity == HostIdentity(hosts), ev.Kind == EventParticipantJoined, ev.At).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("presence: %w", err)
	}
	var count int
	if err := tx.NewRaw(`UPDATE shows SET viewer_count = (SELECT COUNT(*) FROM show_participants WHERE show_id = ? AND present AND NOT is_host)
		WHERE id = ? RETURNING viewer_count`, sh.ID, sh.ID).Scan(ctx, &count); err != nil {
		return false, err
	}
	if count == sh.ViewerCount {
		return false, nil
	}
	return true, showevents.Record(ctx, tx, &showevents.Event{ShowID: sh.ID, At: now, Kind: showevents.ViewerCountChanged, Count: &count})
}

// statusEvent records a ShowStatusChanged event.
func (s *Service) statusEvent(ctx context.Context, tx bun.IDB, showID, status string, now time.Time) error {
	return showevents.Record(ctx, tx, &showevents.Event{ShowID: showID, At: now, Kind: showevents.StatusChanged, Status: status})
}

// publishLatest delivers the show's newest recorded event after commit.
func (s *Service) publishLatest(ctx context.Context, showID string) {
	if s.events == nil {
		return
	}
	var seq int64
	if err := s.db.NewSelect().Table("shows").Column("event_seq").Where("id = ?", showID).Scan(ctx, &seq); err != nil || seq == 0 {
		return
	}
	evs, err := showevents.After(ctx, s.db, showID, seq-1, 1)
	if err == nil && len(evs) == 1 {
		_ = s.events.Publish(ctx, evs[0])
	}
}

func influencerUser(ctx context.Context, db bun.IDB, influencerID string) (string, error) {
	var userID string
	err := db.NewSelect().Table("influencers").Column("user_id").Where("id = ?", influencerID).Limit(1).Scan(ctx, &userID)
	return userID, err
}
