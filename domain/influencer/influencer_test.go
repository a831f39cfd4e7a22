package influencer_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

var ctx = context.Background()

type env struct {
	db       *bun.DB
	accounts *account.Service
	inf      *influencer.Service
}

func newEnv(t *testing.T, db *bun.DB) *env {
	t.Helper()
	clock := kernel.NewManualClock(testkit.Epoch)
	return &env{
		db:       db,
		accounts: account.NewService(db, clock, account.Options{Hash: testkit.FastHash}),
		inf:      influencer.NewService(db, clock),
	}
}

func (e *env) user(t *testing.T, email string) kernel.Viewer {
	t.Helper()
	a, err := e.accounts.SignUp(ctx, account.SignUpInput{Email: email, Password: testkit.Password, DisplayName: email})
	if err != nil {
		t.Fatalf("SignUp(%s): %v", email, err)
	}
	return kernel.Viewer{UserID: a.User.ID}
}

func (e *env) profile(t *testing.T, v kernel.Viewer, handle string) *influencer.Influencer {
	t.Helper()
	inf, err := e.inf.CreateProfile(ctx, v, influencer.CreateInput{Handle: handle, DisplayName: "Host " + handle})
	if err != nil {
		t.Fatalf("CreateProfile(%s): %v", handle, err)
	}
	return inf
}

func fieldErr(t *testing.T, err error, code kernel.Code, field ...string) {
	t.Helper()
	var ve *kernel.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("want ValidationError %s on %v, got %v", code, field, err)
	}
	for _, fe := range ve.Errors {
		if fe.Code == code && reflect.DeepEqual(fe.Field, field) && fe.Message != "" {
			return
		}
	}
	t.Fatalf("want %s on %v, got %+v", code, field, ve.Errors)
}

func unchanged(t *testing.T, db *bun.DB, fn func()) {
	t.Helper()
	before := testkit.Snapshot(t, db)
	fn()
	if after := testkit.Snapshot(t, db); after != before {
		t.Fatalf("refused call changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func ptr(s string) *string { return &s }

func TestNormalizeHandle(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"anna":     "anna",
		"@Anna":    "anna",
		"  @ANNA ": "anna",
		"@@anna":   "@anna",
		"Anna.B_1": "anna.b_1",
		"":         "",
		"@":        "",
	} {
		if got := influencer.NormalizeHandle(in); got != want {
			t.Errorf("NormalizeHandle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCreateProfile(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")
		inf, err := e.inf.CreateProfile(ctx, anna, influencer.CreateInput{
			Handle: " @Anna ", DisplayName: "  Anna Live ", Bio: " I host shows. ", AvatarURL: ptr(" https://cdn.example.com/anna.png "),
		})
		if err != nil {
			t.Fatal(err)
		}
		if !kernel.ValidID(inf.ID) || inf.UserID != anna.UserID || inf.Handle != "anna" || inf.DisplayName != "Anna Live" ||
			inf.Bio != "I host shows." || inf.AvatarURL == nil || *inf.AvatarURL != "https://cdn.example.com/anna.png" || !inf.CreatedAt.Equal(testkit.Epoch) {
			t.Fatalf("profile %+v", inf)
		}
		got, err := e.inf.Get(ctx, inf.ID)
		if err != nil || got == nil || got.Handle != "anna" || got.AvatarURL == nil || *got.AvatarURL != *inf.AvatarURL || !got.CreatedAt.Equal(testkit.Epoch) {
			t.Fatalf("Get = %+v, %v", got, err)
		}
		for _, h := range []string{"anna", "@anna", "@ANNA", " Anna "} {
			if bh, err := e.inf.ByHandle(ctx, h); err != nil || bh == nil || bh.ID != inf.ID {
				t.Fatalf("ByHandle(%q) = %+v, %v", h, bh, err)
			}
		}
		if none, err := e.inf.ByHandle(ctx, "bob"); err != nil || none != nil {
			t.Fatalf("ByHandle(unknown) = %+v, %v", none, err)
		}
		if none, err := e.inf.Get(ctx, kernel.NewID()); err != nil || none != nil {
			t.Fatalf("Get(unknown) = %+v, %v", none, err)
		}

		// No avatar, or a blank one, is stored as NULL.
		bob := e.user(t, "bob@example.com")
		b, err := e.inf.CreateProfile(ctx, bob, influencer.CreateInput{Handle: "bob_1.live", DisplayName: "Bob", AvatarURL: ptr("   ")})
		if err != nil || b.AvatarURL != nil {
			t.Fatalf("blank avatar: %+v, %v", b, err)
		}
		n, err := db.NewSelect().Table("influencers").Where("avatar_url IS NULL").Count(ctx)
		if err != nil || n != 1 {
			t.Fatalf("NULL avatars = %d, %v", n, err)
		}

		byUser, err := influencer.ByUserIDs(ctx, db, []string{anna.UserID, bob.UserID, kernel.NewID()})
		if err != nil || len(byUser) != 2 || byUser[anna.UserID].ID != inf.ID || byUser[bob.UserID].ID != b.ID {
			t.Fatalf("ByUserIDs = %v, %v", byUser, err)
		}
		byID, err := influencer.ByIDs(ctx, db, []string{inf.ID, b.ID})
		if err != nil || len(byID) != 2 || byID[inf.ID].Handle != "anna" || byID[b.ID].Handle != "bob_1.live" {
			t.Fatalf("ByIDs = %v, %v", byID, err)
		}
		if m, err := influencer.ByIDs(ctx, db, nil); err != nil || len(m) != 0 {
			t.Fatalf("ByIDs(nil) = %v, %v", m, err)
		}
	})
}

func TestCreateProfileValidation(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")
		bob := e.user(t, "bob@example.com")
		e.profile(t, anna, "anna")

		t.Run("guest", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.inf.CreateProfile(ctx, kernel.Viewer{}, influencer.CreateInput{Handle: "guest", DisplayName: "G"})
				if !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("guest CreateProfile = %v", err)
				}
			})
		})
		handle := []string{"input", "handle"}
		cases := []struct {
			name  string
			in    influencer.CreateInput
			code  kernel.Code
			field []string
		}{
			{"empty handle", influencer.CreateInput{Handle: "", DisplayName: "B"}, kernel.CodeRequired, handle},
			{"only at", influencer.CreateInput{Handle: " @ ", DisplayName: "B"}, kernel.CodeRequired, handle},
			{"one char", influencer.CreateInput{Handle: "b", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"space", influencer.CreateInput{Handle: "bob b", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"hyphen", influencer.CreateInput{Handle: "bob-b", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"leading dot", influencer.CreateInput{Handle: ".bob", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"trailing dot", influencer.CreateInput{Handle: "bob.", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"double at", influencer.CreateInput{Handle: "@@bob", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"non-ascii", influencer.CreateInput{Handle: "böb", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"emoji", influencer.CreateInput{Handle: "bob🙂", DisplayName: "B"}, kernel.CodeInvalid, handle},
			{"too long", influencer.CreateInput{Handle: strings.Repeat("b", influencer.MaxHandleLen+1), DisplayName: "B"}, kernel.CodeTooLong, handle},
			{"10000 chars", influencer.CreateInput{Handle: strings.Repeat("b", 10000), DisplayName: "B"}, kernel.CodeTooLong, handle},
			{"taken", influencer.CreateInput{Handle: "anna", DisplayName: "B"}, kernel.CodeAlreadyExists, handle},
			{"taken with at and case", influencer.CreateInput{Handle: "@ANNA", DisplayName: "B"}, kernel.CodeAlreadyExists, handle},
			{"empty name", influencer.CreateInput{Handle: "bob", DisplayName: " "}, kernel.CodeRequired, []string{"input", "displayName"}},
			{"long name", influencer.CreateInput{Handle: "bob", DisplayName: strings.Repeat("n", influencer.MaxDisplayNameLen+1)}, kernel.CodeTooLong, []string{"input", "displayName"}},
			{"long bio", influencer.CreateInput{Handle: "bob", DisplayName: "B", Bio: strings.Repeat("b", influencer.MaxBioLen+1)}, kernel.CodeTooLong, []string{"input", "bio"}},
			{"relative avatar", influencer.CreateInput{Handle: "bob", DisplayName: "B", AvatarURL: ptr("/a.png")}, kernel.CodeInvalid, []string{"input", "avatarUrl"}},
			{"javascript avatar", influencer.CreateInput{Handle: "bob", DisplayName: "B", AvatarURL: ptr("javascript:alert(1)")}, kernel.CodeInvalid, []string{"input", "avatarUrl"}},
			{"ftp avatar", influencer.CreateInput{Handle: "bob", DisplayName: "B", AvatarURL: ptr("ftp://example.com/a.png")}, kernel.CodeInvalid, []string{"input", "avatarUrl"}},
			{"huge avatar", influencer.CreateInput{Handle: "bob", DisplayName: "B", AvatarURL: ptr("https://example.com/" + strings.Repeat("a", 3000))}, kernel.CodeTooLong, []string{"input", "avatarUrl"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				unchanged(t, db, func() {
					inf, err := e.inf.CreateProfile(ctx, bob, c.in)
					if inf != nil {
						t.Fatalf("refused CreateProfile returned %+v", inf)
					}
					fieldErr(t, err, c.code, c.field...)
				})
			})
		}
		t.Run("second profile", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.inf.CreateProfile(ctx, anna, influencer.CreateInput{Handle: "anna2", DisplayName: "Anna again"})
				var ve *kernel.ValidationError
				if !errors.As(err, &ve) || len(ve.Errors) != 1 || ve.Errors[0].Code != kernel.CodeAlreadyExists {
					t.Fatalf("second profile = %v, want ALREADY_EXISTS", err)
				}
			})
		})
		// Boundary values are accepted.
		b, err := e.inf.CreateProfile(ctx, bob, influencer.CreateInput{Handle: strings.Repeat("b", influencer.MaxHandleLen), DisplayName: strings.Repeat("n", influencer.MaxDisplayNameLen), Bio: strings.Repeat("é", influencer.MaxBioLen)})
		if err != nil || len(b.Handle) != influencer.MaxHandleLen {
			t.Fatalf("boundary profile: %+v, %v", b, err)
		}
	})
}

func TestCreateProfileConcurrentSameHandle(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		const n = 6
		viewers := make([]kernel.Viewer, n)
		for i := range viewers {
			viewers[i] = e.user(t, string(rune('a'+i))+"@example.com")
		}
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				_, errs[i] = e.inf.CreateProfile(ctx, viewers[i], influencer.CreateInput{Handle: "star", DisplayName: "Star"})
			}(i)
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			fieldErr(t, err, kernel.CodeAlreadyExists, "input", "handle")
		}
		if ok != 1 {
			t.Fatalf("%d concurrent profiles with one handle, want 1", ok)
		}
	})
}

func TestFollow(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")
		bob := e.user(t, "bob@example.com")
		carol := e.user(t, "carol@example.com")
		dave := e.user(t, "dave@example.com")
		ia := e.profile(t, anna, "anna")
		ib := e.profile(t, bob, "bob")
		ic := e.profile(t, carol, "carol")

		counts := func(t *testing.T) map[string]int {
			t.Helper()
			m, err := influencer.FollowerCounts(ctx, db, []string{ia.ID, ib.ID, ic.ID})
			if err != nil {
				t.Fatal(err)
			}
			return m
		}

		t.Run("follow is idempotent", func(t *testing.T) {
			for i := 0; i < 3; i++ {
				got, err := e.inf.Follow(ctx, dave, ia.ID)
				if err != nil || got == nil || got.ID != ia.ID {
					t.Fatalf("Follow #%d = %+v, %v", i, got, err)
				}
			}
			if _, err := e.inf.Follow(ctx, bob, ia.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := e.inf.Follow(ctx, dave, ib.ID); err != nil {
				t.Fatal(err)
			}
			want := map[string]int{ia.ID: 2, ib.ID: 1}
			if got := counts(t); !reflect.DeepEqual(got, want) {
				t.Fatalf("FollowerCounts = %v, want %v", got, want)
			}
			n, err := db.NewSelect().Table("follows").Count(ctx)
			if err != nil || n != 3 {
				t.Fatalf("follow rows = %d, %v", n, err)
			}
		})

		t.Run("refusals", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.inf.Follow(ctx, anna, ia.ID)
				fieldErr(t, err, kernel.CodeInvalid, "input", "influencerId")
				_, err = e.inf.Follow(ctx, dave, "nope")
				fieldErr(t, err, kernel.CodeInvalid, "input", "influencerId")
				_, err = e.inf.Follow(ctx, dave, "")
				fieldErr(t, err, kernel.CodeRequired, "input", "influencerId")
				_, err = e.inf.Follow(ctx, dave, kernel.NewID())
				fieldErr(t, err, kernel.CodeNotFound, "input", "influencerId")
				_, err = e.inf.Unfollow(ctx, dave, kernel.NewID())
				fieldErr(t, err, kernel.CodeNotFound, "input", "influencerId")
				if _, err := e.inf.Follow(ctx, kernel.Viewer{}, ia.ID); !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("guest Follow = %v", err)
				}
				if _, err := e.inf.Unfollow(ctx, kernel.Viewer{}, ia.ID); !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("guest Unfollow = %v", err)
				}
			})
		})

		t.Run("FollowedBy", func(t *testing.T) {
			got, err := influencer.FollowedBy(ctx, db, dave.UserID, []string{ia.ID, ib.ID, ic.ID, kernel.NewID()})
			if want := map[string]bool{ia.ID: true, ib.ID: true}; err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("FollowedBy(dave) = %v, %v; want %v", got, err, want)
			}
			got, err = influencer.FollowedBy(ctx, db, bob.UserID, []string{ia.ID, ib.ID, ic.ID})
			if want := map[string]bool{ia.ID: true}; err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("FollowedBy(bob) = %v, %v; want %v", got, err, want)
			}
			got, err = influencer.FollowedBy(ctx, db, "", []string{ia.ID})
			if err != nil || len(got) != 0 {
				t.Fatalf("FollowedBy(guest) = %v, %v", got, err)
			}
			got, err = influencer.FollowedBy(ctx, db, dave.UserID, nil)
			if err != nil || len(got) != 0 {
				t.Fatalf("FollowedBy(no ids) = %v, %v", got, err)
			}
			if m, err := influencer.FollowerCounts(ctx, db, nil); err != nil || len(m) != 0 {
				t.Fatalf("FollowerCounts(nil) = %v, %v", m, err)
			}
		})

		t.Run("unfollow is idempotent", func(t *testing.T) {
			for i := 0; i < 2; i++ {
				got, err := e.inf.Unfollow(ctx, dave, ia.ID)
				if err != nil || got == nil || got.ID != ia.ID {
					t.Fatalf("Unfollow #%d = %+v, %v", i, got, err)
				}
			}
			// Never followed: still fine, changes nothing.
			unchanged(t, db, func() {
				if _, err := e.inf.Unfollow(ctx, carol, ib.ID); err != nil {
					t.Fatalf("Unfollow never followed = %v", err)
				}
				// Unfollowing yourself is a harmless no-op too.
				if _, err := e.inf.Unfollow(ctx, anna, ia.ID); err != nil {
					t.Fatalf("Unfollow self = %v", err)
				}
			})
			want := map[string]int{ia.ID: 1, ib.ID: 1}
			if got := counts(t); !reflect.DeepEqual(got, want) {
				t.Fatalf("FollowerCounts = %v, want %v", got, want)
			}
			got, err := influencer.FollowedBy(ctx, db, dave.UserID, []string{ia.ID, ib.ID})
			if want := map[string]bool{ib.ID: true}; err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("FollowedBy(dave) = %v, %v; want %v", got, err, want)
			}
			// Following again after unfollowing works.
			if _, err := e.inf.Follow(ctx, dave, ia.ID); err != nil {
				t.Fatal(err)
			}
			if got := counts(t); got[ia.ID] != 2 {
				t.Fatalf("after re-follow: %v", got)
			}
		})
	})
}

func TestFollowConcurrently(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")
		dave := e.user(t, "dave@example.com")
		ia := e.profile(t, anna, "anna")
		var wg sync.WaitGroup
		errs := make([]error, 10)
		for i := range errs {
			wg.Add(1)
			go func(i int) { defer wg.Done(); _, errs[i] = e.inf.Follow(ctx, dave, ia.ID) }(i)
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("concurrent Follow: %v", err)
			}
		}
		m, err := influencer.FollowerCounts(ctx, db, []string{ia.ID})
		if err != nil || m[ia.ID] != 1 {
			t.Fatalf("FollowerCounts = %v, %v", m, err)
		}
	})
}
