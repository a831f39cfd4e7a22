package account

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// User is a person with an account. Email and PasswordHash never leave the
// domain except to their owner (email) or nobody (hash).
type User struct {
	bun.BaseModel `bun:"table:users,alias:u"`

	ID           string    `bun:"id,pk"`
	Email        string    `bun:"email"`
	DisplayName  string    `bun:"display_name"`
	PasswordHash string    `bun:"password_hash"`
	IsAdmin      bool      `bun:"is_admin"`
	CreatedAt    time.Time `bun:"created_at"`
}

// Session is one issued bearer token, stored only as its SHA-256 hash.
type Session struct {
	bun.BaseModel `bun:"table:sessions,alias:s"`

	ID        string     `bun:"id,pk"`
	UserID    string     `bun:"user_id"`
	TokenHash string     `bun:"token_hash"`
	CreatedAt time.Time  `bun:"created_at"`
	ExpiresAt time.Time  `bun:"expires_at"`
	RevokedAt *time.Time `bun:"revoked_at"`
}

type throttle struct {
	bun.BaseModel `bun:"table:sign_in_throttle"`

	Email       string    `bun:"email,pk"`
	Failures    int       `bun:"failures"`
	WindowStart time.Time `bun:"window_start"`
}

func insertUser(ctx context.Context, db bun.IDB, u *User) error {
	if _, err := db.NewInsert().Model(u).Exec(ctx); err != nil {
		return fmt.Errorf("insert user: %w", err)
	}
	return nil
}

func userByEmail(ctx context.Context, db bun.IDB, email string) (*User, error) {
	u := new(User)
	err := db.NewSelect().Model(u).Where("email = ?", email).Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("select user by email: %w", err)
	}
	return u, nil
}

// UsersByIDs loads users by id; missing ids are absent from the map.
func UsersByIDs(ctx context.Context, db bun.IDB, ids []string) (map[string]*User, error) {
	var us []*User
	if len(ids) > 0 {
		if err := db.NewSelect().Model(&us).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
			return nil, fmt.Errorf("select users: %w", err)
		}
	}
	m := make(map[string]*User, len(us))
	for _, u := range us {
		m[u.ID] = u
	}
	return m, nil
}

// UserByEmail is the public lookup used by other contexts (e.g. adding staff).
func UserByEmail(ctx context.Context, db bun.IDB, email string) (*User, error) {
	return userByEmail(ctx, db, normalizeEmail(email))
}

func insertSession(ctx context.Context, db bun.IDB, s *Session) error {
	if _, err := db.NewInsert().Model(s).Exec(ctx); err != nil {
		return fmt.Errorf("insert session: %w", err)
	}
	return nil
}

// activeSession returns the unrevoked, unexpired session with tokenHash and its user.
func activeSession(ctx context.Context, db bun.IDB, tokenHash string, now time.Time) (*Session, *User, error) {
	var row struct {
		Session
		UserIsAdmin bool `bun:"user_is_admin"`
	}
	err := db.NewSelect().Model(&row.Session).
		ColumnExpr("s.*").
		ColumnExpr("u.is_admin AS user_is_admin").
		Join("JOIN users AS u ON u.id = s.user_id").
		Where("s.token_hash = ?", tokenHash).
		Where("s.revoked_at IS NULL").
		Where("s.expires_at > ?", now).
		Limit(1).
		Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("select session: %w", err)
	}
	s := row.Session
	return &s, &User{ID: s.UserID, IsAdmin: row.UserIsAdmin}, nil
}

func revokeSession(ctx context.Context, db bun.IDB, id string, now time.Time) error {
	_, err := db.NewUpdate().Model((*Session)(nil)).
		Set("revoked_at = ?", now).
		Where("id = ?", id).
		Where("revoked_at IS NULL").
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("revoke session: %w", err)
	}
	return nil
}

// reserveAttempt counts a sign-in attempt for email within the current
// window (a new window starts when the last one is over) and returns the
// attempts counted so far, atomically on both engines.
func reserveAttempt(ctx context.Context, db bun.IDB, email string, now time.Time, window time.Duration) (int, error) {
	cutoff := now.Add(-window)
	var n int
	err := db.NewRaw(`INSERT INTO sign_in_throttle (email, failures, window_start) VALUES (?, 1, ?)
		ON CONFLICT (email) DO UPDATE SET
			failures = CASE WHEN sign_in_throttle.window_start <= ? THEN 1 ELSE sign_in_throttle.failures + 1 END,
			window_start = CASE WHEN sign_in_throttle.window_start <= ? THEN excluded.window_start ELSE sign_in_throttle.window_start END
		RETURNING failures`, email, now, cutoff, cutoff).Scan(ctx, &n)
	if err != nil {
		return 0, fmt.Errorf("reserve sign-in attempt: %w", err)
	}
	return n, nil
}

func clearThrottle(ctx context.Context, db bun.IDB, email string) error {
	if _, err := db.NewDelete().Model((*throttle)(nil)).Where("email = ?", email).Exec(ctx); err != nil {
		return fmt.Errorf("clear throttle: %w", err)
	}
	return nil
}
