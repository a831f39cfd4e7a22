// Package account owns users and their sessions: sign-up, sign-in with argon2id
// password hashes, opaque bearer tokens stored only as hashes, sign-out
// (revocation), throttling of failed sign-ins and the admin bootstrap.
package account

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Limits on account input.
const (
	MinPasswordLen    = 8
	MaxPasswordLen    = 128
	MaxEmailLen       = 254
	MaxDisplayNameLen = 80
)

// Options tune the service; zero values select the defaults.
type Options struct {
	// SessionTTL is how long a token stays valid (default 30 days).
	SessionTTL time.Duration
	// MaxFailures failed sign-ins per email within FailureWindow lock further
	// attempts until the window passes (defaults 5 and 15 minutes).
	MaxFailures   int
	FailureWindow time.Duration
	Hash          HashParams
	// SessionCacheTTL is how long this process trusts a token it has
	// checked without asking the database again (default 0: always ask).
	// A sign-out here takes effect at once; in other processes, within
	// this long.
	SessionCacheTTL time.Duration
}

// Service is the accounts use-case layer.
type Service struct {
	db    *bun.DB
	clock kernel.Clock
	opt   Options
	// dummyHash is compared against when an email is unknown, so a failed
	// sign-in costs the same time whether or not the account exists.
	dummyHash string
	sessions  *sessionCache
}

// NewService builds the service.
func NewService(db *bun.DB, clock kernel.Clock, opt Options) *Service {
	if opt.SessionTTL <= 0 {
		opt.SessionTTL = 30 * 24 * time.Hour
	}
	if opt.MaxFailures <= 0 {
		opt.MaxFailures = 5
	}
	if opt.FailureWindow <= 0 {
		opt.FailureWindow = 15 * time.Minute
	}
	if opt.Hash.MemoryKiB == 0 {
		opt.Hash = DefaultHashParams
	}
	dummy, err := hashPassword("not-a-real-password", opt.Hash)
	if err != nil {
		panic(err)
	}
	return &Service{db: db, clock: clock, opt: opt, dummyHash: dummy, sessions: newSessionCache(opt.SessionCacheTTL)}
}

// SignUpInput is what a new user gives.
type SignUpInput struct {
	Email       string
	Password    string
	DisplayName string
}

// Auth is the result of a successful sign-up or sign-in: the bearer token
// (shown once) and the user.
type Auth struct {
	Token string
	User  *User
}

func normalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func checkEmail(v *kernel.Validator, field []string, email string) {
	switch {
	case email == "":
		v.Add(kernel.CodeRequired, field, "is required")
	case len(email) > MaxEmailLen:
		v.Add(kernel.CodeTooLong, field, "must be at most %d characters", MaxEmailLen)
	default:
		a, err := mail.ParseAddress(email)
		if err != nil || a.Address != email || !strings.Contains(email[strings.LastIndexByte(email, '@')+1:], ".") {
			v.Add(kernel.CodeInvalid, field, "is not a valid email address")
		}
	}
}

func checkPasswordPolicy(v *kernel.Validator, field []string, pw string) {
	n := utf8.RuneCountInString(pw)
	switch {
	case pw == "":
		v.Add(kernel.CodeRequired, field, "is required")
	case n < MinPasswordLen:
		v.Add(kernel.CodeInvalid, field, "must be at least %d characters", MinPasswordLen)
	case n > MaxPasswordLen:
		v.Add(kernel.CodeTooLong, field, "must be at most %d characters", MaxPasswordLen)
	}
}

// SignUp creates a user and signs them in.
func (s *Service) SignUp(ctx context.Context, in SignUpInput) (*Auth, error) {
	var auth *Auth
	_, err := s.createUser(ctx, in, false, func(ctx context.Context, tx bun.Tx, u *User) error {
		var err error
		auth, err = s.newSession(ctx, tx, u)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("account.SignUp: %w", err)
	}
	return auth, nil
}

// createUser validates and stores a new user (an admin when admin is set)
// and runs then, if given, in the same transaction.
func (s *Service) createUser(ctx context.Context, in SignUpInput, admin bool, then func(context.Context, bun.Tx, *User) error) (*User, error) {
	var v kernel.Validator
	email := normalizeEmail(in.Email)
	checkEmail(&v, kernel.Field("input", "email"), email)
	checkPasswordPolicy(&v, kernel.Field("input", "password"), in.Password)
	name := kernel.CheckText(&v, kernel.Field("input", "displayName"), in.DisplayName, true, MaxDisplayNameLen)
	if err := v.Err(); err != nil {
		return nil, err
	}
	hash, err := hashPassword(in.Password, s.opt.Hash)
	if err != nil {
		return nil, err
	}
	u := &User{ID: kernel.NewID(), Email: email, DisplayName: name, PasswordHash: hash, IsAdmin: admin, CreatedAt: s.clock.Now()}
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		existing, err := userByEmail(ctx, tx, email)
		if err != nil {
			return err
		}
		if existing != nil {
			return errEmailTaken
		}
		if err := insertUser(ctx, tx, u); err != nil {
			return err
		}
		if then != nil {
			return then(ctx, tx, u)
		}
		return nil
	})
	if kernel.IsUniqueViolation(err) {
		err = errEmailTaken
	}
	if err != nil {
		return nil, err
	}
	return u, nil
}

var errEmailTaken = kernel.Fail(kernel.CodeAlreadyExists, kernel.Field("input", "email"), "an account with this email already exists")

// errBadCredentials is the one answer to every failed sign-in, so callers
// cannot learn whether an email has an account.
var errBadCredentials = kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "password"), "email or password is incorrect")

var errThrottled = kernel.Fail(kernel.CodeLimitExceeded, nil, "too many failed sign-in attempts; try again later")

// SignIn checks the password and issues a new token.
func (s *Service) SignIn(ctx context.Context, emailIn, password string) (*Auth, error) {
	email := normalizeEmail(emailIn)
	if email == "" || password == "" || len(email) > MaxEmailLen || len(password) > 4*MaxPasswordLen {
		var v kernel.Validator
		v.Check(email != "", kernel.CodeRequired, kernel.Field("input", "email"), "is required")
		v.Check(password != "", kernel.CodeRequired, kernel.Field("input", "password"), "is required")
		if err := v.Err(); err != nil {
			return nil, err
		}
		return nil, errBadCredentials
	}
	now := s.clock.Now()
	// Count the attempt before checking the password, in one statement, so
	// parallel guesses cannot slip past the limit.
	attempts, err := reserveAttempt(ctx, s.db, email, now, s.opt.FailureWindow)
	if err != nil {
		return nil, fmt.Errorf("account.SignIn: %w", err)
	}
	if attempts > s.opt.MaxFailures {
		return nil, errThrottled
	}
	u, err := userByEmail(ctx, s.db, email)
	if err != nil {
		return nil, fmt.Errorf("account.SignIn: %w", err)
	}
	hash := s.dummyHash
	if u != nil {
		hash = u.PasswordHash
	}
	ok, err := checkPassword(password, hash)
	if err != nil {
		return nil, fmt.Errorf("account.SignIn: %w", err)
	}
	if u == nil || !ok {
		return nil, errBadCredentials
	}
	var auth *Auth
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := clearThrottle(ctx, tx, email); err != nil {
			return err
		}
		var err error
		auth, err = s.newSession(ctx, tx, u)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("account.SignIn: %w", err)
	}
	return auth, nil
}

// tokenPrefix marks Livemarket tokens so secret scanners can spot leaked ones.
const tokenPrefix = "lm_"

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (s *Service) newSession(ctx context.Context, db bun.IDB, u *User) (*Auth, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("token: %w", err)
	}
	token := tokenPrefix + base64.RawURLEncoding.EncodeToString(raw)
	now := s.clock.Now()
	sess := &Session{ID: kernel.NewID(), UserID: u.ID, TokenHash: hashToken(token), CreatedAt: now, ExpiresAt: now.Add(s.opt.SessionTTL)}
	if err := insertSession(ctx, db, sess); err != nil {
		return nil, err
	}
	return &Auth{Token: token, User: u}, nil
}

// Authenticate turns a bearer token into a viewer. Unknown, revoked and expired
// tokens give ErrUnauthenticated.
func (s *Service) Authenticate(ctx context.Context, token string) (kernel.Viewer, error) {
	if !strings.HasPrefix(token, tokenPrefix) || len(token) > 100 {
		return kernel.Viewer{}, kernel.ErrUnauthenticated
	}
	hash, now := hashToken(token), s.clock.Now()
	if v, ok := s.sessions.get(hash, now); ok {
		return v, nil
	}
	sess, u, err := activeSession(ctx, s.db, hash, now)
	if err != nil {
		return kernel.Viewer{}, fmt.Errorf("account.Authenticate: %w", err)
	}
	if sess == nil {
		return kernel.Viewer{}, kernel.ErrUnauthenticated
	}
	v := kernel.Viewer{UserID: u.ID, IsAdmin: u.IsAdmin, SessionID: sess.ID}
	s.sessions.put(hash, v, now, sess.ExpiresAt)
	return v, nil
}

// SignOut revokes the session the viewer used.
func (s *Service) SignOut(ctx context.Context, viewer kernel.Viewer) error {
	if err := viewer.RequireUser(); err != nil {
		return err
	}
	s.sessions.forget(viewer.SessionID, s.clock.Now())
	if err := revokeSession(ctx, s.db, viewer.SessionID, s.clock.Now()); err != nil {
		return fmt.Errorf("account.SignOut: %w", err)
	}
	s.sessions.forget(viewer.SessionID, s.clock.Now()) // and anything a concurrent request cached meanwhile
	return nil
}

// User returns a user by id, or nil.
func (s *Service) User(ctx context.Context, id string) (*User, error) {
	m, err := UsersByIDs(ctx, s.db, []string{id})
	if err != nil {
		return nil, fmt.Errorf("account.User: %w", err)
	}
	return m[id], nil
}

// CanSeeEmail reports whether viewer may read u's email: only the user and admins.
func CanSeeEmail(viewer kernel.Viewer, u *User) bool {
	return viewer.IsAdmin || (viewer.SignedIn() && viewer.UserID == u.ID)
}

// EnsureAdmin creates the admin account from configuration, or makes an
// existing account with that email an admin. It is idempotent; it never changes
// an existing password.
func (s *Service) EnsureAdmin(ctx context.Context, email, password, displayName string) (*User, error) {
	email = normalizeEmail(email)
	var v kernel.Validator
	checkEmail(&v, kernel.Field("ADMIN_EMAIL"), email)
	if err := v.Err(); err != nil {
		return nil, err
	}
	existing, err := userByEmail(ctx, s.db, email)
	if err != nil {
		return nil, fmt.Errorf("account.EnsureAdmin: %w", err)
	}
	if existing != nil {
		if !existing.IsAdmin {
			if _, err := s.db.NewUpdate().Model(existing).Set("is_admin = ?", true).WherePK().Exec(ctx); err != nil {
				return nil, fmt.Errorf("account.EnsureAdmin: %w", err)
			}
			existing.IsAdmin = true
		}
		return existing, nil
	}
	if displayName == "" {
		displayName = "Administrator"
	}
	u, err := s.createUser(ctx, SignUpInput{Email: email, Password: password, DisplayName: displayName}, true, nil)
	if err != nil {
		return nil, fmt.Errorf("account.EnsureAdmin: %w", err)
	}
	return u, nil
}

// UserIDByEmail returns the id of the user with email, or "" when none.
func (s *Service) UserIDByEmail(ctx context.Context, email string) (string, error) {
	u, err := UserByEmail(ctx, s.db, email)
	if err != nil || u == nil {
		return "", err
	}
	return u.ID, nil
}

// SessionActive reports whether the session is still valid (not revoked,
// not expired): long-lived connections check it before each delivery.
func (s *Service) SessionActive(ctx context.Context, sessionID string) (bool, error) {
	if sessionID == "" {
		return false, nil
	}
	n, err := s.db.NewSelect().Model((*Session)(nil)).Where("s.id = ?", sessionID).
		Where("s.revoked_at IS NULL").Where("s.expires_at > ?", s.clock.Now()).Count(ctx)
	if err != nil {
		return false, fmt.Errorf("account.SessionActive: %w", err)
	}
	return n > 0, nil
}
