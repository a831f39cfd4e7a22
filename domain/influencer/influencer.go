// Package influencer owns influencer (host) profiles and shoppers' follows.
// A user has at most one influencer profile.
package influencer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Input limits.
const (
	MaxHandleLen      = 30
	MaxDisplayNameLen = 80
	MaxBioLen         = 1000
)

var handleRe = regexp.MustCompile(`^[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?$`)

// Influencer is a host profile.
type Influencer struct {
	bun.BaseModel `bun:"table:influencers,alias:i"`

	ID          string    `bun:"id,pk"`
	UserID      string    `bun:"user_id"`
	Handle      string    `bun:"handle"`
	DisplayName string    `bun:"display_name"`
	Bio         string    `bun:"bio"`
	AvatarURL   *string   `bun:"avatar_url"`
	CreatedAt   time.Time `bun:"created_at"`
}

type follow struct {
	bun.BaseModel `bun:"table:follows,alias:f"`

	InfluencerID string    `bun:"influencer_id,pk"`
	UserID       string    `bun:"user_id,pk"`
	CreatedAt    time.Time `bun:"created_at"`
}

// Service is the influencers use-case layer.
type Service struct {
	db    *bun.DB
	clock kernel.Clock
}

// NewService builds the service.
func NewService(db *bun.DB, clock kernel.Clock) *Service {
	return &Service{db: db, clock: clock}
}

// CreateInput is what influencerProfileCreate takes.
type CreateInput struct {
	Handle      string
	DisplayName string
	Bio         string
	AvatarURL   *string
}

// NormalizeHandle lower-cases a handle and strips a leading "@".
func NormalizeHandle(h string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "@"))
}

var (
	errHandleTaken   = kernel.Fail(kernel.CodeAlreadyExists, kernel.Field("input", "handle"), "this handle is taken")
	errAlreadyHasOne = kernel.Fail(kernel.CodeAlreadyExists, nil, "you already have an influencer profile")
)

// CreateProfile gives the viewer an influencer profile.
func (s *Service) CreateProfile(ctx context.Context, viewer kernel.Viewer, in CreateInput) (*Influencer, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	handle := NormalizeHandle(in.Handle)
	switch {
	case handle == "":
		v.Add(kernel.CodeRequired, kernel.Field("input", "handle"), "is required")
	case len(handle) > MaxHandleLen:
		v.Add(kernel.CodeTooLong, kernel.Field("input", "handle"), "must be at most %d characters", MaxHandleLen)
	case len(handle) < 2 || !handleRe.MatchString(handle):
		v.Add(kernel.CodeInvalid, kernel.Field("input", "handle"), "must be 2-%d lower-case letters, digits, '_' or '.'", MaxHandleLen)
	}
	name := kernel.CheckText(&v, kernel.Field("input", "displayName"), in.DisplayName, true, MaxDisplayNameLen)
	bio := kernel.CheckText(&v, kernel.Field("input", "bio"), in.Bio, false, MaxBioLen)
	var avatar *string
	if in.AvatarURL != nil && strings.TrimSpace(*in.AvatarURL) != "" {
		a := kernel.CheckURL(&v, kernel.Field("input", "avatarUrl"), *in.AvatarURL)
		avatar = &a
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	inf := &Influencer{ID: kernel.NewID(), UserID: viewer.UserID, Handle: handle, DisplayName: name, Bio: bio, AvatarURL: avatar, CreatedAt: s.clock.Now()}
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		mine, err := tx.NewSelect().Model((*Influencer)(nil)).Where("user_id = ?", viewer.UserID).Count(ctx)
		if err != nil {
			return fmt.Errorf("check profile: %w", err)
		}
		if mine > 0 {
			return errAlreadyHasOne
		}
		taken, err := tx.NewSelect().Model((*Influencer)(nil)).Where("handle = ?", handle).Count(ctx)
		if err != nil {
			return fmt.Errorf("check handle: %w", err)
		}
		if taken > 0 {
			return errHandleTaken
		}
		if _, err := tx.NewInsert().Model(inf).Exec(ctx); err != nil {
			return fmt.Errorf("insert influencer: %w", err)
		}
		return nil
	})
	if kernel.IsUniqueViolation(err) {
		err = errHandleTaken
	}
	if err != nil {
		return nil, fmt.Errorf("influencer.CreateProfile: %w", err)
	}
	return inf, nil
}

// Follow makes the viewer follow the influencer; following twice is a no-op.
func (s *Service) Follow(ctx context.Context, viewer kernel.Viewer, influencerID string) (*Influencer, error) {
	inf, err := s.followTarget(ctx, viewer, influencerID)
	if err != nil {
		return nil, err
	}
	if inf.UserID == viewer.UserID {
		return nil, kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "influencerId"), "you cannot follow yourself")
	}
	_, err = s.db.NewInsert().Model(&follow{InfluencerID: inf.ID, UserID: viewer.UserID, CreatedAt: s.clock.Now()}).
		On("CONFLICT (influencer_id, user_id) DO NOTHING").Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("influencer.Follow: %w", err)
	}
	return inf, nil
}

// Unfollow removes the follow; unfollowing when not following is a no-op.
func (s *Service) Unfollow(ctx context.Context, viewer kernel.Viewer, influencerID string) (*Influencer, error) {
	inf, err := s.followTarget(ctx, viewer, influencerID)
	if err != nil {
		return nil, err
	}
	_, err = s.db.NewDelete().Model((*follow)(nil)).
		Where("influencer_id = ?", inf.ID).Where("user_id = ?", viewer.UserID).Exec(ctx)
	if err != nil {
		return nil, fmt.Errorf("influencer.Unfollow: %w", err)
	}
	return inf, nil
}

func (s *Service) followTarget(ctx context.Context, viewer kernel.Viewer, influencerID string) (*Influencer, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "influencerId"), influencerID)
	if err := v.Err(); err != nil {
		return nil, err
	}
	inf, err := s.Get(ctx, influencerID)
	if err != nil {
		return nil, err
	}
	if inf == nil {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "influencerId"), "no such influencer")
	}
	return inf, nil
}

// Get returns an influencer by id, or nil.
func (s *Service) Get(ctx context.Context, id string) (*Influencer, error) {
	m, err := ByIDs(ctx, s.db, []string{id})
	if err != nil {
		return nil, err
	}
	return m[id], nil
}

// ByHandle returns an influencer by handle ("@anna" or "anna"), or nil.
func (s *Service) ByHandle(ctx context.Context, handle string) (*Influencer, error) {
	inf := new(Influencer)
	err := s.db.NewSelect().Model(inf).Where("handle = ?", NormalizeHandle(handle)).Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("influencer.ByHandle: %w", err)
	}
	return inf, nil
}

// ByIDs loads influencers by id in one statement.
func ByIDs(ctx context.Context, db bun.IDB, ids []string) (map[string]*Influencer, error) {
	return load(ctx, db, "id", ids, func(i *Influencer) string { return i.ID })
}

// ByUserIDs loads influencer profiles by their users' ids in one statement.
func ByUserIDs(ctx context.Context, db bun.IDB, userIDs []string) (map[string]*Influencer, error) {
	return load(ctx, db, "user_id", userIDs, func(i *Influencer) string { return i.UserID })
}

func load(ctx context.Context, db bun.IDB, col string, keys []string, key func(*Influencer) string) (map[string]*Influencer, error) {
	var rows []*Influencer
	if len(keys) > 0 {
		if err := db.NewSelect().Model(&rows).Where("? IN (?)", bun.Ident(col), bun.List(keys)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("influencer: load by %s: %w", col, err)
		}
	}
	m := make(map[string]*Influencer, len(rows))
	for _, r := range rows {
		m[key(r)] = r
	}
	return m, nil
}

// FollowerCounts returns the number of followers per influencer id (one statement).
func FollowerCounts(ctx context.Context, db bun.IDB, ids []string) (map[string]int, error) {
	var rows []struct {
		InfluencerID string `bun:"influencer_id"`
		N            int    `bun:"n"`
	}
	m := make(map[string]int, len(ids))
	if len(ids) == 0 {
		return m, nil
	}
	err := db.NewSelect().Model((*follow)(nil)).
		Column("influencer_id").ColumnExpr("COUNT(*) AS n").
		Where("influencer_id IN (?)", bun.List(ids)).
		Group("influencer_id").Scan(ctx, &rows)
	if err != nil {
		return nil, fmt.Errorf("influencer.FollowerCounts: %w", err)
	}
	for _, r := range rows {
		m[r.InfluencerID] = r.N
	}
	return m, nil
}

// FollowedBy returns which of ids userID follows (one statement).
func FollowedBy(ctx context.Context, db bun.IDB, userID string, ids []string) (map[string]bool, error) {
	m := make(map[string]bool, len(ids))
	if userID == "" || len(ids) == 0 {
		return m, nil
	}
	var got []string
	err := db.NewSelect().Model((*follow)(nil)).Column("influencer_id").
		Where("user_id = ?", userID).Where("influencer_id IN (?)", bun.List(ids)).Scan(ctx, &got)
	if err != nil {
		return nil, fmt.Errorf("influencer.FollowedBy: %w", err)
	}
	for _, id := range got {
		m[id] = true
	}
	return m, nil
}
