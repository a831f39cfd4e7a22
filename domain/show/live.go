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
	"github.com/livemarket/livemarket/domain/txlock"
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
	var ev *showevents.Event
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
		var err error
		ev, err = s.statusEvent(ctx, tx, sh.ID, StatusLive, now)
		return err
	})
	if err == nil {
		s.publish(ctx, ev)
	}
	return sh, err
}

// End marks a LIVE show ENDED and closes its room (host only).
func (s *Service) End(ctx context.Context, viewer kernel.Viewer, id string) (*Show, error) {
	var ev *showevents.Event
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
		var err error
		ev, err = s.statusEvent(ctx, tx, sh.ID, StatusEnded, now)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.publish(ctx, ev)
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
	fresh := false
	var recorded *showevents.Event
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
				recorded, err = s.statusEvent(ctx, tx, sh.ID, StatusEnded, now)
			}
		case EventParticipantJoined, EventParticipantLeft:
			recorded, err = s.presence(ctx, tx, sh, ev, now)
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
	s.publish(ctx, recorded)
	return fresh, nil
}

// presence records a participant's latest known state (older events than the
// one already applied are ignored) and moves the show's viewer count by this
// participant's change; it returns the ViewerCountChanged event it recorded
// (none when the count did not change). A show's deliveries apply one at a
// time, under its row's lock: LiveKit sends them concurrently, and a count
// of the present participants taken beside another delivery misses that
// delivery's participant (PostgreSQL's statement reads the rows committed
// when it began). The count moves by one each time instead of being
// counted again, so a delivery's cost does not grow with the audience.
func (s *Service) presence(ctx context.Context, tx bun.Tx, sh *Show, ev RoomEvent, now time.Time) (*showevents.Event, error) {
	if ev.Identity == "" {
		return nil, nil
	}
	if err := txlock.Row(ctx, tx, "shows", sh.ID); err != nil {
		return nil, fmt.Errorf("presence: %w", err)
	}
	var prev []struct {
		Present     bool  `bun:"present"`
		IsHost      bool  `bun:"is_host"`
		LastEventAt int64 `bun:"last_event_at"`
	}
	if err := tx.NewRaw(`SELECT present, is_host, last_event_at FROM show_participants WHERE show_id = ? AND identity = ?`,
		sh.ID, ev.Identity).Scan(ctx, &prev); err != nil {
		return nil, fmt.Errorf("presence: %w", err)
	}
	present := ev.Kind == EventParticipantJoined
	counted := func(present, host bool) int {
		if present && !host {
			return 1
		}
		return 0
	}
	var delta int
	if len(prev) == 1 {
		p := prev[0]
		if p.LastEventAt >= ev.At { // a later (or this) state is applied already
			return nil, nil
		}
		if _, err := tx.NewRaw(`UPDATE show_participants SET present = ?, last_event_at = ? WHERE show_id = ? AND identity = ?`,
			present, ev.At, sh.ID, ev.Identity).Exec(ctx); err != nil {
			return nil, fmt.Errorf("presence: %w", err)
		}
		delta = counted(present, p.IsHost) - counted(p.Present, p.IsHost)
	} else {
		hosts, err := influencerUser(ctx, tx, sh.HostID)
		if err != nil {
			return nil, err
		}
		host := ev.Identity == HostIdentity(hosts)
		if _, err := tx.NewRaw(`INSERT INTO show_participants (show_id, identity, is_host, present, last_event_at) VALUES (?, ?, ?, ?, ?)`,
			sh.ID, ev.Identity, host, present, ev.At).Exec(ctx); err != nil {
			return nil, fmt.Errorf("presence: %w", err)
		}
		delta = counted(present, host)
	}
	if delta == 0 {
		return nil, nil
	}
	var count int
	// Never below zero, whatever an earlier version left (see migration 17):
	// a webhook that failed on it would fail at every retry.
	if err := tx.NewRaw(`UPDATE shows SET viewer_count = CASE WHEN viewer_count + ? < 0 THEN 0 ELSE viewer_count + ? END WHERE id = ? RETURNING viewer_count`,
		delta, delta, sh.ID).Scan(ctx, &count); err != nil {
		return nil, fmt.Errorf("presence: %w", err)
	}
	changed := &showevents.Event{ShowID: sh.ID, At: now, Kind: showevents.ViewerCountChanged, Count: &count}
	if err := showevents.Record(ctx, tx, changed); err != nil {
		return nil, err
	}
	return changed, nil
}

// statusEvent records a ShowStatusChanged event.
func (s *Service) statusEvent(ctx context.Context, tx bun.IDB, showID, status string, now time.Time) (*showevents.Event, error) {
	ev := &showevents.Event{ShowID: showID, At: now, Kind: showevents.StatusChanged, Status: status}
	if err := showevents.Record(ctx, tx, ev); err != nil {
		return nil, err
	}
	return ev, nil
}

// publish delivers an event recorded by a committed transaction (nil:
// nothing was recorded). Subscribers fill what they miss from the log.
func (s *Service) publish(ctx context.Context, ev *showevents.Event) {
	if s.events == nil || ev == nil {
		return
	}
	_ = s.events.Publish(ctx, ev)
}

func influencerUser(ctx context.Context, db bun.IDB, influencerID string) (string, error) {
	var userID string
	err := db.NewSelect().Table("influencers").Column("user_id").Where("id = ?", influencerID).Limit(1).Scan(ctx, &userID)
	return userID, err
}
