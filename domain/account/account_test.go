package account_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

const pw = "correct horse battery"

var ctx = context.Background()

func newService(t *testing.T, db *bun.DB) (*account.Service, *kernel.ManualClock) {
	t.Helper()
	clock := kernel.NewManualClock(testkit.Epoch)
	return account.NewService(db, clock, account.Options{Hash: testkit.FastHash}), clock
}

func signUp(t *testing.T, s *account.Service, email string) *account.Auth {
	t.Helper()
	a, err := s.SignUp(ctx, account.SignUpInput{Email: email, Password: pw, DisplayName: "User " + email})
	if err != nil {
		t.Fatalf("SignUp(%s): %v", email, err)
	}
	return a
}

// fieldErr asserts err is a ValidationError whose errors include code on field.
func fieldErr(t *testing.T, err error, code kernel.Code, field ...string) kernel.FieldError {
	t.Helper()
	var ve *kernel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want ValidationError %s on %v, got %v", code, field, err)
	}
	for _, fe := range ve.Errors {
		if fe.Code == code && reflect.DeepEqual(fe.Field, field) {
			if fe.Message == "" {
				t.Fatalf("%s on %v has an empty message", code, field)
			}
			return fe
		}
	}
	t.Fatalf("want %s on %v, got %+v", code, field, ve.Errors)
	return kernel.FieldError{}
}

func TestSignUpValidation(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		signUp(t, s, "taken@example.com")
		email := []string{"input", "email"}
		pass := []string{"input", "password"}
		name := []string{"input", "displayName"}
		cases := []struct {
			name  string
			in    account.SignUpInput
			code  kernel.Code
			field []string
		}{
			{"empty email", account.SignUpInput{Email: "", Password: pw, DisplayName: "A"}, kernel.CodeRequired, email},
			{"blank email", account.SignUpInput{Email: "   ", Password: pw, DisplayName: "A"}, kernel.CodeRequired, email},
			{"no at", account.SignUpInput{Email: "anna.example.com", Password: pw, DisplayName: "A"}, kernel.CodeInvalid, email},
			{"no domain dot", account.SignUpInput{Email: "anna@localhost", Password: pw, DisplayName: "A"}, kernel.CodeInvalid, email},
			{"two ats", account.SignUpInput{Email: "anna@@example.com", Password: pw, DisplayName: "A"}, kernel.CodeInvalid, email},
			{"with name", account.SignUpInput{Email: "Anna <anna@example.com>", Password: pw, DisplayName: "A"}, kernel.CodeInvalid, email},
			{"spaces inside", account.SignUpInput{Email: "an na@example.com", Password: pw, DisplayName: "A"}, kernel.CodeInvalid, email},
			{"too long email", account.SignUpInput{Email: strings.Repeat("a", 250) + "@example.com", Password: pw, DisplayName: "A"}, kernel.CodeTooLong, email},
			{"duplicate email", account.SignUpInput{Email: "taken@example.com", Password: pw, DisplayName: "A"}, kernel.CodeAlreadyExists, email},
			{"duplicate email other case", account.SignUpInput{Email: "  TAKEN@Example.COM ", Password: pw, DisplayName: "A"}, kernel.CodeAlreadyExists, email},
			{"empty password", account.SignUpInput{Email: "a@example.com", Password: "", DisplayName: "A"}, kernel.CodeRequired, pass},
			{"short password", account.SignUpInput{Email: "a@example.com", Password: "1234567", DisplayName: "A"}, kernel.CodeInvalid, pass},
			{"short multibyte password", account.SignUpInput{Email: "a@example.com", Password: "ééééééé", DisplayName: "A"}, kernel.CodeInvalid, pass},
			{"long password", account.SignUpInput{Email: "a@example.com", Password: strings.Repeat("p", account.MaxPasswordLen+1), DisplayName: "A"}, kernel.CodeTooLong, pass},
			{"empty name", account.SignUpInput{Email: "a@example.com", Password: pw, DisplayName: ""}, kernel.CodeRequired, name},
			{"blank name", account.SignUpInput{Email: "a@example.com", Password: pw, DisplayName: " \t "}, kernel.CodeRequired, name},
			{"long name", account.SignUpInput{Email: "a@example.com", Password: pw, DisplayName: strings.Repeat("n", account.MaxDisplayNameLen+1)}, kernel.CodeTooLong, name},
			{"10000-char name", account.SignUpInput{Email: "a@example.com", Password: pw, DisplayName: strings.Repeat("n", 10000)}, kernel.CodeTooLong, name},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				before := testkit.Snapshot(t, db)
				a, err := s.SignUp(ctx, c.in)
				if a != nil {
					t.Fatalf("refused sign-up returned auth %+v", a)
				}
				fieldErr(t, err, c.code, c.field...)
				if after := testkit.Snapshot(t, db); after != before {
					t.Fatalf("refused sign-up changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
				}
			})
		}

		t.Run("all errors at once", func(t *testing.T) {
			_, err := s.SignUp(ctx, account.SignUpInput{Email: "nope", Password: "x", DisplayName: ""})
			var ve *kernel.ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) != 3 {
				t.Fatalf("want three field errors, got %v", err)
			}
		})

		t.Run("boundaries accepted", func(t *testing.T) {
			a, err := s.SignUp(ctx, account.SignUpInput{Email: "edge@example.com", Password: strings.Repeat("p", account.MaxPasswordLen), DisplayName: strings.Repeat("n", account.MaxDisplayNameLen)})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.SignIn(ctx, "edge@example.com", strings.Repeat("p", account.MaxPasswordLen)); err != nil {
				t.Fatalf("sign in with 128-char password: %v", err)
			}
			b, err := s.SignUp(ctx, account.SignUpInput{Email: "edge2@example.com", Password: "12345678", DisplayName: "x"})
			if err != nil || a.User.ID == b.User.ID {
				t.Fatalf("8-char password: %v", err)
			}
		})
	})
}

func TestSignUpSuccess(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		a, err := s.SignUp(ctx, account.SignUpInput{Email: "  Anna.Smith@Example.COM ", Password: pw, DisplayName: "  Anna Smith  "})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.Token, "lm_") || len(a.Token) < 40 {
			t.Fatalf("token %q", a.Token)
		}
		u := a.User
		if !kernel.ValidID(u.ID) || u.Email != "anna.smith@example.com" || u.DisplayName != "Anna Smith" || u.IsAdmin || !u.CreatedAt.Equal(testkit.Epoch) {
			t.Fatalf("user %+v", u)
		}
		got, err := s.User(ctx, u.ID)
		if err != nil || got == nil {
			t.Fatalf("User(%s) = %v, %v", u.ID, got, err)
		}
		if got.Email != u.Email || got.DisplayName != u.DisplayName || !got.CreatedAt.Equal(testkit.Epoch) || got.PasswordHash == "" {
			t.Fatalf("stored user %+v", got)
		}
		v, err := s.Authenticate(ctx, a.Token)
		if err != nil || v.UserID != u.ID || v.IsAdmin || !kernel.ValidID(v.SessionID) {
			t.Fatalf("Authenticate(new token) = %+v, %v", v, err)
		}
		if missing, err := s.User(ctx, kernel.NewID()); err != nil || missing != nil {
			t.Fatalf("User(unknown) = %v, %v", missing, err)
		}
		id, err := s.UserIDByEmail(ctx, "ANNA.SMITH@example.com")
		if err != nil || id != u.ID {
			t.Fatalf("UserIDByEmail = %q, %v", id, err)
		}
		if id, err := s.UserIDByEmail(ctx, "nobody@example.com"); err != nil || id != "" {
			t.Fatalf("UserIDByEmail(unknown) = %q, %v", id, err)
		}
	})
}

func TestSignUpDuplicateEmailConcurrent(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		const n = 8
		var wg sync.WaitGroup
		errs := make([]error, n)
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				_, errs[i] = s.SignUp(ctx, account.SignUpInput{Email: fmt.Sprintf("%sRace@example.com", strings.Repeat(" ", i%2)), Password: pw, DisplayName: "R"})
			}(i)
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			fieldErr(t, err, kernel.CodeAlreadyExists, "input", "email")
		}
		if ok != 1 {
			t.Fatalf("%d concurrent sign-ups with one email succeeded, want 1", ok)
		}
		n2, err := db.NewSelect().Table("users").Where("email = ?", "race@example.com").Count(ctx)
		if err != nil || n2 != 1 {
			t.Fatalf("users with the email: %d, %v", n2, err)
		}
	})
}

func TestSignInErrorsDoNotRevealAccounts(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		a := signUp(t, s, "anna@example.com")

		_, wrongPw := s.SignIn(ctx, "anna@example.com", "wrong password")
		_, unknown := s.SignIn(ctx, "nobody@example.com", "wrong password")
		_, unknownRightPw := s.SignIn(ctx, "nobody@example.com", pw)
		if wrongPw == nil || unknown == nil || unknownRightPw == nil {
			t.Fatal("failed sign-ins must return errors")
		}
		w := fieldErr(t, wrongPw, kernel.CodeInvalid, "input", "password")
		for _, err := range []error{unknown, unknownRightPw} {
			u := fieldErr(t, err, kernel.CodeInvalid, "input", "password")
			if !reflect.DeepEqual(w, u) || wrongPw.Error() != err.Error() {
				t.Fatalf("wrong password and unknown email differ:\n%+v\n%+v", w, u)
			}
		}
		if strings.Contains(strings.ToLower(w.Message), "not found") || strings.Contains(w.Message, "anna") {
			t.Fatalf("message reveals too much: %q", w.Message)
		}

		// Missing fields are REQUIRED.
		_, err := s.SignIn(ctx, "", "")
		fieldErr(t, err, kernel.CodeRequired, "input", "email")
		fieldErr(t, err, kernel.CodeRequired, "input", "password")
		// Absurdly long input gets the same answer as a wrong password.
		_, err = s.SignIn(ctx, "anna@example.com", strings.Repeat("x", 10000))
		if err == nil || err.Error() != wrongPw.Error() {
			t.Fatalf("10000-char password: %v", err)
		}
		_, err = s.SignIn(ctx, strings.Repeat("a", 300)+"@example.com", pw)
		if err == nil || err.Error() != wrongPw.Error() {
			t.Fatalf("300-char email: %v", err)
		}

		// The right password (any case and spacing of the email) works.
		got, err := s.SignIn(ctx, "  ANNA@example.com ", pw)
		if err != nil || got.User.ID != a.User.ID || got.Token == a.Token {
			t.Fatalf("SignIn = %+v, %v", got, err)
		}
	})
}

func TestSignInThrottle(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, clock := newService(t, db)
		a := signUp(t, s, "anna@example.com")
		other := signUp(t, s, "bob@example.com")

		for i := 0; i < 5; i++ {
			_, err := s.SignIn(ctx, "anna@example.com", fmt.Sprintf("wrong %d", i))
			fieldErr(t, err, kernel.CodeInvalid, "input", "password")
			clock.Advance(time.Minute)
		}
		// Five failures in the window: even the right password is refused.
		for _, email := range []string{"anna@example.com", "ANNA@EXAMPLE.COM"} {
			got, err := s.SignIn(ctx, email, pw)
			if got != nil {
				t.Fatalf("throttled sign-in returned %+v", got)
			}
			var ve *kernel.ValidationError
			if !errors.As(err, &ve) || len(ve.Errors) != 1 || ve.Errors[0].Code != kernel.CodeLimitExceeded {
				t.Fatalf("want LIMIT_EXCEEDED, got %v", err)
			}
		}
		// Other accounts are unaffected.
		if _, err := s.SignIn(ctx, "bob@example.com", pw); err != nil {
			t.Fatalf("bob throttled by anna's failures: %v", err)
		}
		// Existing sessions keep working.
		if _, err := s.Authenticate(ctx, a.Token); err != nil {
			t.Fatalf("anna's existing token: %v", err)
		}
		_ = other

		// Still inside the window (first failure at +0, now +5m; window 15m).
		clock.Advance(9*time.Minute + 59*time.Second)
		if _, err := s.SignIn(ctx, "anna@example.com", pw); err == nil {
			t.Fatal("sign-in allowed before the window passed")
		}
		clock.Advance(2 * time.Second)
		got, err := s.SignIn(ctx, "anna@example.com", pw)
		if err != nil || got.User.ID != a.User.ID {
			t.Fatalf("after the window: %+v, %v", got, err)
		}
	})
}

func TestSignInThrottleUnknownEmail(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, clock := newService(t, db)
		for i := 0; i < 5; i++ {
			if _, err := s.SignIn(ctx, "ghost@example.com", pw); err == nil {
				t.Fatal("unknown email signed in")
			}
		}
		_, err := s.SignIn(ctx, "ghost@example.com", pw)
		var ve *kernel.ValidationError
		if !errors.As(err, &ve) || ve.Errors[0].Code != kernel.CodeLimitExceeded {
			t.Fatalf("unknown email after 5 failures: want LIMIT_EXCEEDED, got %v", err)
		}
		// The throttle does not stop the email being registered, and sign-in
		// works once the window has passed.
		signUp(t, s, "ghost@example.com")
		clock.Advance(15*time.Minute + time.Second)
		if _, err := s.SignIn(ctx, "ghost@example.com", pw); err != nil {
			t.Fatalf("after the window: %v", err)
		}
	})
}

func TestSignInFailuresOutsideWindowDoNotAccumulate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, clock := newService(t, db)
		signUp(t, s, "anna@example.com")
		for i := 0; i < 4; i++ {
			if _, err := s.SignIn(ctx, "anna@example.com", "nope nope"); err == nil {
				t.Fatal("wrong password accepted")
			}
		}
		clock.Advance(16 * time.Minute)
		for i := 0; i < 4; i++ {
			if _, err := s.SignIn(ctx, "anna@example.com", "nope nope"); err == nil {
				t.Fatal("wrong password accepted")
			}
		}
		// 8 failures in total but only 4 in the current window.
		if _, err := s.SignIn(ctx, "anna@example.com", pw); err != nil {
			t.Fatalf("failures from an expired window still counted: %v", err)
		}
	})
}

func TestSuccessfulSignInClearsFailures(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		signUp(t, s, "anna@example.com")
		for round := 0; round < 3; round++ {
			for i := 0; i < 4; i++ {
				if _, err := s.SignIn(ctx, "anna@example.com", "bad password"); err == nil {
					t.Fatal("wrong password accepted")
				}
			}
			n, err := db.NewSelect().Table("sign_in_throttle").Where("email = ?", "anna@example.com").Where("failures = 4").Count(ctx)
			if err != nil || n != 1 {
				t.Fatalf("throttle row after 4 failures: %d, %v", n, err)
			}
			if _, err := s.SignIn(ctx, "anna@example.com", pw); err != nil {
				t.Fatalf("round %d: success after 4 failures refused: %v", round, err)
			}
			n, err = db.NewSelect().Table("sign_in_throttle").Count(ctx)
			if err != nil || n != 0 {
				t.Fatalf("throttle rows after success: %d, %v", n, err)
			}
		}
	})
}

func TestTokensStoredOnlyAsHashes(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		a := signUp(t, s, "anna@example.com")
		b, err := s.SignIn(ctx, "anna@example.com", pw)
		if err != nil {
			t.Fatal(err)
		}
		if a.Token == b.Token {
			t.Fatal("two sign-ins returned the same token")
		}
		for _, tok := range []string{a.Token, b.Token} {
			// No column of any session row contains the token or its random part.
			n, err := db.NewSelect().Table("sessions").
				Where("id = ? OR user_id = ? OR token_hash = ? OR token_hash LIKE ?", tok, tok, tok, "%"+strings.TrimPrefix(tok, "lm_")+"%").
				Count(ctx)
			if err != nil || n != 0 {
				t.Fatalf("raw token found in sessions (%d rows, %v)", n, err)
			}
			sum := sha256.Sum256([]byte(tok))
			n, err = db.NewSelect().Table("sessions").Where("token_hash = ?", hex.EncodeToString(sum[:])).Count(ctx)
			if err != nil || n != 1 {
				t.Fatalf("sessions with the token's SHA-256: %d, %v", n, err)
			}
			if snap := testkit.Snapshot(t, db); strings.Contains(snap, strings.TrimPrefix(tok, "lm_")) {
				t.Fatal("raw token appears somewhere in the database")
			}
		}
		var hashes []string
		if err := db.NewSelect().Table("sessions").Column("token_hash").Scan(ctx, &hashes); err != nil {
			t.Fatal(err)
		}
		if len(hashes) != 2 {
			t.Fatalf("want 2 sessions, got %d", len(hashes))
		}
		for _, h := range hashes {
			if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(h) {
				t.Fatalf("token_hash %q is not a hex SHA-256", h)
			}
		}
	})
}

func TestAuthenticate(t *testing.T) {
	t.Parallel()
	for _, cache := range []time.Duration{0, 10 * time.Second} { // every rule holds with the session cache too
		t.Run(fmt.Sprintf("cache=%v", cache), func(t *testing.T) {
			t.Parallel()
			testAuthenticate(t, cache)
		})
	}
}

func testAuthenticate(t *testing.T, cache time.Duration) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		clock := kernel.NewManualClock(testkit.Epoch)
		s := account.NewService(db, clock, account.Options{Hash: testkit.FastHash, SessionCacheTTL: cache})
		a := signUp(t, s, "anna@example.com")
		b, err := s.SignIn(ctx, "anna@example.com", pw)
		if err != nil {
			t.Fatal(err)
		}

		rejected := func(t *testing.T, tok string) {
			t.Helper()
			v, err := s.Authenticate(ctx, tok)
			if !errors.Is(err, kernel.ErrUnauthenticated) || v.SignedIn() {
				t.Fatalf("Authenticate(%.20q) = %+v, %v; want ErrUnauthenticated", tok, v, err)
			}
		}
		t.Run("unknown", func(t *testing.T) {
			rejected(t, "")
			rejected(t, "lm_")
			rejected(t, "lm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
			rejected(t, strings.TrimPrefix(a.Token, "lm_"))
			rejected(t, "Bearer "+a.Token)
			rejected(t, a.Token+"x")
			rejected(t, strings.ToUpper(a.Token))
			rejected(t, "lm_"+strings.Repeat("A", 200))
			rejected(t, "lm_' OR '1'='1")
			// The token's hash itself is not a token.
			sum := sha256.Sum256([]byte(a.Token))
			rejected(t, hex.EncodeToString(sum[:]))
		})

		va, err := s.Authenticate(ctx, a.Token)
		if err != nil {
			t.Fatal(err)
		}
		vb, err := s.Authenticate(ctx, b.Token)
		if err != nil || vb.UserID != va.UserID || vb.SessionID == va.SessionID {
			t.Fatalf("second session: %+v, %v", vb, err)
		}

		t.Run("revoked", func(t *testing.T) {
			if err := s.SignOut(ctx, kernel.Viewer{}); !errors.Is(err, kernel.ErrUnauthenticated) {
				t.Fatalf("guest SignOut = %v", err)
			}
			if err := s.SignOut(ctx, va); err != nil {
				t.Fatal(err)
			}
			rejected(t, a.Token)
			// Signing out twice is harmless.
			if err := s.SignOut(ctx, va); err != nil {
				t.Fatalf("second SignOut: %v", err)
			}
			rejected(t, a.Token)
			// Only that session is revoked.
			if v, err := s.Authenticate(ctx, b.Token); err != nil || v.SessionID != vb.SessionID {
				t.Fatalf("other session after sign-out: %+v, %v", v, err)
			}
		})

		t.Run("expired", func(t *testing.T) {
			clock.Advance(30*24*time.Hour - time.Second)
			if _, err := s.Authenticate(ctx, b.Token); err != nil {
				t.Fatalf("token refused one second before expiry: %v", err)
			}
			clock.Advance(time.Second)
			rejected(t, b.Token)
			clock.Advance(time.Hour)
			rejected(t, b.Token)
			// A fresh sign-in issues a working token again.
			c, err := s.SignIn(ctx, "anna@example.com", pw)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.Authenticate(ctx, c.Token); err != nil {
				t.Fatalf("new token after expiry: %v", err)
			}
		})
	})
}

// TestSessionCacheAcrossProcesses: a process that has checked a token
// trusts it for SessionCacheTTL; a sign-out elsewhere reaches it within
// that time, and one in the process itself at once.
func TestSessionCacheAcrossProcesses(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		clock := kernel.NewManualClock(testkit.Epoch)
		opt := account.Options{Hash: testkit.FastHash, SessionCacheTTL: 10 * time.Second}
		here, there := account.NewService(db, clock, opt), account.NewService(db, clock, opt)
		a := signUp(t, here, "anna@example.com")
		v, err := here.Authenticate(ctx, a.Token)
		if err != nil {
			t.Fatal(err)
		}
		if w, err := there.Authenticate(ctx, a.Token); err != nil || w != v {
			t.Fatalf("other process: %+v, %v; want %+v", w, err, v)
		}
		if err := here.SignOut(ctx, v); err != nil {
			t.Fatal(err)
		}
		if _, err := here.Authenticate(ctx, a.Token); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("signed-out token accepted by the process that signed it out: %v", err)
		}
		clock.Advance(9 * time.Second)
		if _, err := there.Authenticate(ctx, a.Token); err != nil {
			t.Fatalf("within the cache's lifetime the other process still trusts the token: %v", err)
		}
		clock.Advance(time.Second)
		if _, err := there.Authenticate(ctx, a.Token); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("signed-out token accepted elsewhere after the cache's lifetime: %v", err)
		}
	})
}

func TestCustomSessionTTL(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		clock := kernel.NewManualClock(testkit.Epoch)
		s := account.NewService(db, clock, account.Options{Hash: testkit.FastHash, SessionTTL: time.Hour, MaxFailures: 2, FailureWindow: time.Minute})
		a := signUp(t, s, "anna@example.com")
		clock.Advance(59*time.Minute + 59*time.Second)
		if _, err := s.Authenticate(ctx, a.Token); err != nil {
			t.Fatalf("before TTL: %v", err)
		}
		clock.Advance(time.Second)
		if _, err := s.Authenticate(ctx, a.Token); !errors.Is(err, kernel.ErrUnauthenticated) {
			t.Fatalf("after TTL: %v", err)
		}
		for i := 0; i < 2; i++ {
			if _, err := s.SignIn(ctx, "anna@example.com", "wrong one"); err == nil {
				t.Fatal("wrong password accepted")
			}
		}
		_, err := s.SignIn(ctx, "anna@example.com", pw)
		if fes, _ := kernel.AsFieldErrors(err); len(fes) != 1 || fes[0].Code != kernel.CodeLimitExceeded {
			t.Fatalf("MaxFailures=2: %v", err)
		}
		clock.Advance(time.Minute)
		if _, err := s.SignIn(ctx, "anna@example.com", pw); err != nil {
			t.Fatalf("FailureWindow=1m: %v", err)
		}
	})
}

func TestEnsureAdmin(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)

		admin, err := s.EnsureAdmin(ctx, " Admin@Example.com ", "admin password", "")
		if err != nil {
			t.Fatal(err)
		}
		if !admin.IsAdmin || admin.Email != "admin@example.com" || admin.DisplayName != "Administrator" {
			t.Fatalf("admin %+v", admin)
		}
		again, err := s.EnsureAdmin(ctx, "admin@example.com", "another password", "Other")
		if err != nil || again.ID != admin.ID || !again.IsAdmin || again.DisplayName != "Administrator" {
			t.Fatalf("second EnsureAdmin = %+v, %v", again, err)
		}
		n, err := db.NewSelect().Table("users").Count(ctx)
		if err != nil || n != 1 {
			t.Fatalf("users after two EnsureAdmin calls: %d, %v", n, err)
		}
		// The password is never changed by a repeated call.
		if _, err := s.SignIn(ctx, "admin@example.com", "another password"); err == nil {
			t.Fatal("EnsureAdmin changed the existing password")
		}
		auth, err := s.SignIn(ctx, "admin@example.com", "admin password")
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.Authenticate(ctx, auth.Token)
		if err != nil || !v.IsAdmin || v.UserID != admin.ID {
			t.Fatalf("admin viewer = %+v, %v", v, err)
		}

		// Promoting an existing user keeps their id, password and sessions.
		bob := signUp(t, s, "bob@example.com")
		if v, _ := s.Authenticate(ctx, bob.Token); v.IsAdmin {
			t.Fatal("bob is admin before promotion")
		}
		promoted, err := s.EnsureAdmin(ctx, "BOB@example.com", "ignored password", "Ignored")
		if err != nil || promoted.ID != bob.User.ID || !promoted.IsAdmin || promoted.DisplayName != bob.User.DisplayName {
			t.Fatalf("promote bob = %+v, %v", promoted, err)
		}
		if v, err := s.Authenticate(ctx, bob.Token); err != nil || !v.IsAdmin {
			t.Fatalf("bob's existing token after promotion = %+v, %v", v, err)
		}
		if _, err := s.SignIn(ctx, "bob@example.com", pw); err != nil {
			t.Fatalf("bob's password changed: %v", err)
		}
		if u, _ := s.User(ctx, bob.User.ID); u == nil || !u.IsAdmin {
			t.Fatalf("stored bob = %+v", u)
		}
		if again, err := s.EnsureAdmin(ctx, "bob@example.com", "x", ""); err != nil || again.ID != bob.User.ID || !again.IsAdmin {
			t.Fatalf("EnsureAdmin on an admin = %+v, %v", again, err)
		}

		// A bad configuration is reported against the setting.
		_, err = s.EnsureAdmin(ctx, "not an email", "admin password", "")
		fieldErr(t, err, kernel.CodeInvalid, "ADMIN_EMAIL")
		_, err = s.EnsureAdmin(ctx, "new@example.com", "short", "")
		fieldErr(t, err, kernel.CodeInvalid, "input", "password")
		if u, _ := s.UserIDByEmail(ctx, "new@example.com"); u != "" {
			t.Fatal("failed EnsureAdmin created a user")
		}
	})
}

var phc = regexp.MustCompile(`^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$`)

func TestPasswordHashIsArgon2idPHC(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		a := signUp(t, s, "anna@example.com")
		b := signUp(t, s, "bob@example.com")
		var hashes []string
		if err := db.NewSelect().Table("users").Column("password_hash").Where("id IN (?)", bun.List([]string{a.User.ID, b.User.ID})).Scan(ctx, &hashes); err != nil {
			t.Fatal(err)
		}
		if len(hashes) != 2 {
			t.Fatalf("got %d hashes", len(hashes))
		}
		for _, h := range hashes {
			m := phc.FindStringSubmatch(h)
			if m == nil {
				t.Fatalf("hash %q is not PHC argon2id", h)
			}
			if m[1] != fmt.Sprint(testkit.FastHash.MemoryKiB) || m[2] != fmt.Sprint(testkit.FastHash.Time) || m[3] != fmt.Sprint(testkit.FastHash.Threads) {
				t.Fatalf("hash %q does not record the configured parameters", h)
			}
			if strings.Contains(h, pw) {
				t.Fatal("hash contains the password")
			}
			ok, err := account.CheckPassword(pw, h)
			if err != nil || !ok {
				t.Fatalf("CheckPassword(right) = %v, %v", ok, err)
			}
			ok, err = account.CheckPassword(pw+" ", h)
			if err != nil || ok {
				t.Fatalf("CheckPassword(wrong) = %v, %v", ok, err)
			}
		}
		if hashes[0] == hashes[1] {
			t.Fatal("same password, same hash: salt missing")
		}
	})
}

func TestCheckPasswordRejectsMalformedHashes(t *testing.T) {
	t.Parallel()
	good := "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$" + strings.Repeat("A", 43)
	if _, err := account.CheckPassword("x", good); err != nil {
		t.Fatalf("well-formed hash rejected: %v", err)
	}
	for _, h := range []string{
		"",
		"plain",
		"$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$" + strings.Repeat("A", 43),
		"$argon2id$v=16$m=1024,t=1,p=1$c2FsdA$" + strings.Repeat("A", 43),
		"$argon2id$v=19$m=x,t=1,p=1$c2FsdA$" + strings.Repeat("A", 43),
		"$argon2id$v=19$m=1024,t=1,p=1$!!!$" + strings.Repeat("A", 43),
		"$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$***",
		"$argon2id$v=19$m=1024,t=1,p=1$c2FsdA",
		"$2a$10$abcdefghijklmnopqrstuv",
	} {
		if ok, err := account.CheckPassword("x", h); err == nil || ok {
			t.Errorf("CheckPassword(%q) = %v, %v; want error", h, ok, err)
		}
	}
}

func TestDefaultHashParams(t *testing.T) {
	t.Parallel()
	// One sign-up with the production parameters proves they are what the
	// hash records (OWASP: 19 MiB, 2 passes, 1 lane).
	db := testkit.OpenSQLite(t)
	s := account.NewService(db, kernel.NewManualClock(testkit.Epoch), account.Options{})
	a := signUp(t, s, "anna@example.com")
	var h string
	if err := db.NewSelect().Table("users").Column("password_hash").Where("id = ?", a.User.ID).Scan(ctx, &h); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("default hash %q", h)
	}
	if ok, err := account.CheckPassword(pw, h); err != nil || !ok {
		t.Fatalf("CheckPassword = %v, %v", ok, err)
	}
}

func TestCanSeeEmailAndUsersByIDs(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s, _ := newService(t, db)
		a := signUp(t, s, "anna@example.com")
		b := signUp(t, s, "bob@example.com")
		// A user loaded by id: only its owner and admins see the email.
		u, err := s.User(ctx, a.User.ID)
		if err != nil || u == nil {
			t.Fatalf("User = %v, %v", u, err)
		}
		if !account.CanSeeEmail(kernel.Viewer{UserID: u.ID}, u) {
			t.Error("a user must see their own email")
		}
		if account.CanSeeEmail(kernel.Viewer{UserID: b.User.ID}, u) {
			t.Error("another user must not see the email")
		}
		if account.CanSeeEmail(kernel.Viewer{}, u) {
			t.Error("a guest must not see the email")
		}
		if !account.CanSeeEmail(kernel.Viewer{UserID: b.User.ID, IsAdmin: true}, u) {
			t.Error("an admin must see the email")
		}
		// However a user is loaded, only its owner and admins see the email.
		byID, err := account.UsersByIDs(ctx, db, []string{a.User.ID})
		if err != nil || account.CanSeeEmail(kernel.Viewer{UserID: b.User.ID}, byID[a.User.ID]) {
			t.Errorf("reloaded user visible to another user (%v)", err)
		}
		if byEmail, err := account.UserByEmail(ctx, db, "anna@example.com"); err != nil || account.CanSeeEmail(kernel.Viewer{}, byEmail) {
			t.Errorf("user loaded by email visible to a guest (%v)", err)
		}

		missing := kernel.NewID()
		m, err := account.UsersByIDs(ctx, db, []string{a.User.ID, b.User.ID, missing, a.User.ID})
		if err != nil || len(m) != 2 || m[a.User.ID].Email != "anna@example.com" || m[b.User.ID].Email != "bob@example.com" || m[missing] != nil {
			t.Fatalf("UsersByIDs = %v, %v", m, err)
		}
		if m, err := account.UsersByIDs(ctx, db, nil); err != nil || len(m) != 0 {
			t.Fatalf("UsersByIDs(nil) = %v, %v", m, err)
		}
		if u, err := account.UserByEmail(ctx, db, " BOB@example.com"); err != nil || u == nil || u.ID != b.User.ID {
			t.Fatalf("UserByEmail = %v, %v", u, err)
		}
	})
}
