// Package livekit adapts LiveKit (server-sdk-go) to the show context: it
// creates and deletes rooms, mints join tokens and receives signed webhooks.
package livekit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/livekit/protocol/auth"
	lkproto "github.com/livekit/protocol/livekit"
	"github.com/livekit/protocol/webhook"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/twitchtv/twirp"

	"github.com/livemarket/livemarket/domain/show"
)

// Config locates a LiveKit server. Without URL, tokens are still minted
// (with the key and secret) but no room calls are made.
type Config struct {
	URL       string
	APIKey    string
	APISecret string
}

// Rooms implements show.Rooms over LiveKit's room service.
type Rooms struct {
	cfg    Config
	client *lksdk.RoomServiceClient
}

var _ show.Rooms = (*Rooms)(nil)

// New makes the adapter.
func New(cfg Config) *Rooms {
	r := &Rooms{cfg: cfg}
	if cfg.URL != "" {
		r.client = lksdk.NewRoomServiceClient(cfg.URL, cfg.APIKey, cfg.APISecret)
	}
	return r
}

func (r *Rooms) Configured() bool { return r.client != nil }
func (r *Rooms) URL() string      { return r.cfg.URL }

// emptyTimeout closes a room nobody has joined for this long.
const emptyTimeout = 10 * 60

func (r *Rooms) CreateRoom(ctx context.Context, name, metadata string) error {
	if r.client == nil {
		return nil
	}
	_, err := r.client.CreateRoom(ctx, &lkproto.CreateRoomRequest{Name: name, Metadata: metadata, EmptyTimeout: emptyTimeout})
	if err != nil {
		return fmt.Errorf("livekit: create room %s: %w", name, err)
	}
	return nil
}

func (r *Rooms) DeleteRoom(ctx context.Context, name string) error {
	if r.client == nil {
		return nil
	}
	_, err := r.client.DeleteRoom(ctx, &lkproto.DeleteRoomRequest{Room: name})
	var te twirp.Error
	if errors.As(err, &te) && te.Code() == twirp.NotFound {
		return nil // already gone
	}
	if err != nil {
		return fmt.Errorf("livekit: delete room %s: %w", name, err)
	}
	return nil
}

// Token mints a join token for room. Publishing (audio, video, data) is
// granted only when canPublish; everyone may subscribe.
func (r *Rooms) Token(identity, name, room string, canPublish bool, ttl time.Duration) (string, error) {
	if r.cfg.APIKey == "" || r.cfg.APISecret == "" {
		return "", show.ErrVideoNotConfigured
	}
	yes := true
	grant := &auth.VideoGrant{RoomJoin: true, Room: room, CanSubscribe: &yes}
	grant.SetCanPublish(canPublish)
	grant.SetCanPublishData(canPublish)
	tok, err := auth.NewAccessToken(r.cfg.APIKey, r.cfg.APISecret).
		SetIdentity(identity).SetName(name).SetValidFor(ttl).SetVideoGrant(grant).ToJWT()
	if err != nil {
		return "", fmt.Errorf("livekit: token: %w", err)
	}
	return tok, nil
}

// Ping checks the server answers (for readiness).
func (r *Rooms) Ping(ctx context.Context) error {
	if r.client == nil {
		return errors.New("video is not configured (LIVEKIT_URL is unset)")
	}
	_, err := r.client.ListRooms(ctx, &lkproto.ListRoomsRequest{})
	return err
}

// EventSink applies verified room events; the show service implements it.
type EventSink interface {
	ApplyRoomEvent(ctx context.Context, ev show.RoomEvent) (bool, error)
}

// WebhookHandler receives LiveKit webhooks at POST /webhooks/livekit. The
// Authorization header must be a token signed with the API secret whose
// sha256 claim matches the body; anything else is 401 and changes nothing.
func WebhookHandler(cfg Config, sink EventSink, log *slog.Logger) http.Handler {
	keys := auth.NewSimpleKeyProvider(cfg.APIKey, cfg.APISecret)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
		ev, err := webhook.ReceiveWebhookEvent(r, keys)
		if err != nil {
			log.WarnContext(r.Context(), "livekit webhook refused", "err", err)
			http.Error(w, "invalid webhook signature", http.StatusUnauthorized)
			return
		}
		re := show.RoomEvent{ID: ev.GetId(), Kind: ev.GetEvent(), Room: ev.GetRoom().GetName(), At: ev.GetCreatedAt()}
		if p := ev.GetParticipant(); p != nil {
			re.Identity = p.GetIdentity()
		}
		if re.ID == "" || re.Room == "" {
			w.WriteHeader(http.StatusNoContent) // nothing we track
			return
		}
		if _, err := sink.ApplyRoomEvent(r.Context(), re); err != nil {
			log.ErrorContext(r.Context(), "livekit webhook: apply failed", "event", re.ID, "err", err)
			http.Error(w, "could not apply the event; retry", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}
