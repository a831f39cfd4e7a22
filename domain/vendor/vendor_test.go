package vendor_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
)

var ctx = context.Background()

type env struct {
	db       *bun.DB
	accounts *account.Service
	vendors  *vendor.Service
}

func newEnv(t *testing.T, db *bun.DB) *env {
	t.Helper()
	clock := kernel.NewManualClock(testkit.Epoch)
	accounts := account.NewService(db, clock, account.Options{Hash: testkit.FastHash})
	return &env{db: db, accounts: accounts, vendors: vendor.NewService(db, clock, accounts)}
}

func (e *env) user(t *testing.T, email string) kernel.Viewer {
	t.Helper()
	a, err := e.accounts.SignUp(ctx, account.SignUpInput{Email: email, Password: testkit.Password, DisplayName: email})
	if err != nil {
		t.Fatalf("SignUp(%s): %v", email, err)
	}
	return kernel.Viewer{UserID: a.User.ID}
}

func (e *env) vendor(t *testing.T, owner kernel.Viewer, name, slug string) *vendor.Vendor {
	t.Helper()
	vd, err := e.vendors.Create(ctx, owner, vendor.CreateInput{Name: name, Slug: slug})
	if err != nil {
		t.Fatalf("Create(%s): %v", slug, err)
	}
	return vd
}

func (e *env) role(t *testing.T, vendorID, userID string) string {
	t.Helper()
	var roles []string
	if err := e.db.NewSelect().Table("vendor_staff").Column("role").Where("vendor_id = ?", vendorID).Where("user_id = ?", userID).Scan(ctx, &roles); err != nil {
		t.Fatal(err)
	}
	if len(roles) > 1 {
		t.Fatalf("%d staff rows for one user", len(roles))
	}
	if len(roles) == 0 {
		return ""
	}
	return roles[0]
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

// unchanged runs fn and fails when the database differs afterwards.
func unchanged(t *testing.T, db *bun.DB, fn func()) {
	t.Helper()
	before := testkit.Snapshot(t, db)
	fn()
	if after := testkit.Snapshot(t, db); after != before {
		t.Fatalf("refused call changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

func TestCreate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")

		vd, err := e.vendors.Create(ctx, anna, vendor.CreateInput{Name: "  Acme Shoes ", Slug: " Acme-Shoes ", Description: " Good shoes. "})
		if err != nil {
			t.Fatal(err)
		}
		if !kernel.ValidID(vd.ID) || vd.Name != "Acme Shoes" || vd.Slug != "acme-shoes" || vd.Description != "Good shoes." || !vd.CreatedAt.Equal(testkit.Epoch) || vd.PlatformFeeBps != nil {
			t.Fatalf("vendor %+v", vd)
		}
		if r := e.role(t, vd.ID, anna.UserID); r != vendor.RoleOwner {
			t.Fatalf("creator role = %q, want OWNER", r)
		}
		n, err := db.NewSelect().Table("vendor_staff").Where("vendor_id = ?", vd.ID).Count(ctx)
		if err != nil || n != 1 {
			t.Fatalf("staff rows = %d, %v", n, err)
		}
		if err := e.vendors.CanManage(ctx, anna, vd.ID); err != nil {
			t.Fatalf("owner CanManage = %v", err)
		}
		got, err := e.vendors.Get(ctx, vd.ID)
		if err != nil || got == nil || got.Slug != "acme-shoes" || got.Name != "Acme Shoes" || !got.CreatedAt.Equal(testkit.Epoch) {
			t.Fatalf("Get = %+v, %v", got, err)
		}
		bs, err := e.vendors.BySlug(ctx, "acme-shoes")
		if err != nil || bs == nil || bs.ID != vd.ID {
			t.Fatalf("BySlug = %+v, %v", bs, err)
		}
		if none, err := e.vendors.BySlug(ctx, "nope"); err != nil || none != nil {
			t.Fatalf("BySlug(unknown) = %+v, %v", none, err)
		}
		if none, err := e.vendors.Get(ctx, kernel.NewID()); err != nil || none != nil {
			t.Fatalf("Get(unknown) = %+v, %v", none, err)
		}

		// A user may own several vendors.
		second := e.vendor(t, anna, "Acme Hats", "acme-hats")
		if e.role(t, second.ID, anna.UserID) != vendor.RoleOwner {
			t.Fatal("second vendor: creator is not owner")
		}
	})
}

func TestCreateValidation(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")
		e.vendor(t, anna, "Acme", "acme")

		t.Run("guest", func(t *testing.T) {
			unchanged(t, db, func() {
				vd, err := e.vendors.Create(ctx, kernel.Viewer{}, vendor.CreateInput{Name: "X", Slug: "guest-shop"})
				if !errors.Is(err, kernel.ErrUnauthenticated) || vd != nil {
					t.Fatalf("guest Create = %+v, %v", vd, err)
				}
			})
		})
		cases := []struct {
			name  string
			in    vendor.CreateInput
			code  kernel.Code
			field string
		}{
			{"empty name", vendor.CreateInput{Name: "", Slug: "ok-slug"}, kernel.CodeRequired, "name"},
			{"blank name", vendor.CreateInput{Name: "   ", Slug: "ok-slug"}, kernel.CodeRequired, "name"},
			{"long name", vendor.CreateInput{Name: strings.Repeat("n", vendor.MaxNameLen+1), Slug: "ok-slug"}, kernel.CodeTooLong, "name"},
			{"empty slug", vendor.CreateInput{Name: "N", Slug: ""}, kernel.CodeRequired, "slug"},
			{"bad slug", vendor.CreateInput{Name: "N", Slug: "acme shoes!"}, kernel.CodeInvalid, "slug"},
			{"one-char slug", vendor.CreateInput{Name: "N", Slug: "a"}, kernel.CodeInvalid, "slug"},
			{"long slug", vendor.CreateInput{Name: "N", Slug: strings.Repeat("s", vendor.MaxSlugLen+1)}, kernel.CodeTooLong, "slug"},
			{"long description", vendor.CreateInput{Name: "N", Slug: "ok-slug", Description: strings.Repeat("d", 10000)}, kernel.CodeTooLong, "description"},
			{"duplicate slug", vendor.CreateInput{Name: "Other", Slug: "acme"}, kernel.CodeAlreadyExists, "slug"},
			{"duplicate slug other case", vendor.CreateInput{Name: "Other", Slug: "  ACME "}, kernel.CodeAlreadyExists, "slug"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				unchanged(t, db, func() {
					vd, err := e.vendors.Create(ctx, anna, c.in)
					if vd != nil {
						t.Fatalf("refused Create returned %+v", vd)
					}
					fieldErr(t, err, c.code, "input", c.field)
				})
			})
		}
	})
}

func TestCreateSameSlugConcurrently(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")
		const n = 6
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				_, errs[i] = e.vendors.Create(ctx, anna, vendor.CreateInput{Name: "Race", Slug: "race"})
			}(i)
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			fieldErr(t, err, kernel.CodeAlreadyExists, "input", "slug")
		}
		if ok != 1 {
			t.Fatalf("%d of %d concurrent creates succeeded, want 1", ok, n)
		}
		for table, want := range map[string]int64{"vendors": 1, "vendor_staff": 1} {
			if got, err := db.NewSelect().Table(table).Count(ctx); err != nil || got != want {
				t.Fatalf("%s rows = %d, %v; want %d", table, got, err, want)
			}
		}
	})
}

func TestAddStaff(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		owner := e.user(t, "owner@example.com")
		bob := e.user(t, "bob@example.com")
		carol := e.user(t, "carol@example.com")
		dave := e.user(t, "dave@example.com")
		stranger := e.user(t, "stranger@example.com")
		admin := e.user(t, "admin@example.com")
		admin.IsAdmin = true
		acme := e.vendor(t, owner, "Acme", "acme")
		other := e.vendor(t, stranger, "Other", "other")

		t.Run("owner adds staff", func(t *testing.T) {
			vd, err := e.vendors.AddStaff(ctx, owner, acme.ID, "  BOB@Example.com ")
			if err != nil || vd == nil || vd.ID != acme.ID {
				t.Fatalf("AddStaff = %+v, %v", vd, err)
			}
			if r := e.role(t, acme.ID, bob.UserID); r != vendor.RoleStaff {
				t.Fatalf("bob's role = %q", r)
			}
			if err := e.vendors.CanManage(ctx, bob, acme.ID); err != nil {
				t.Fatalf("staff CanManage = %v", err)
			}
		})
		t.Run("staff cannot add staff", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.vendors.AddStaff(ctx, bob, acme.ID, "carol@example.com")
				if !errors.Is(err, kernel.ErrForbidden) {
					t.Fatalf("staff AddStaff = %v, want ErrForbidden", err)
				}
			})
		})
		t.Run("stranger cannot add staff", func(t *testing.T) {
			unchanged(t, db, func() {
				for _, email := range []string{"carol@example.com", "stranger@example.com"} {
					_, err := e.vendors.AddStaff(ctx, stranger, acme.ID, email)
					if !errors.Is(err, kernel.ErrForbidden) {
						t.Fatalf("stranger AddStaff(%s) = %v, want ErrForbidden", email, err)
					}
				}
				// Owning another vendor gives no rights here.
				if _, err := e.vendors.AddStaff(ctx, owner, other.ID, "carol@example.com"); !errors.Is(err, kernel.ErrForbidden) {
					t.Fatalf("owner of A on vendor B = %v, want ErrForbidden", err)
				}
			})
		})
		t.Run("guest", func(t *testing.T) {
			unchanged(t, db, func() {
				if _, err := e.vendors.AddStaff(ctx, kernel.Viewer{}, acme.ID, "carol@example.com"); !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("guest AddStaff = %v", err)
				}
			})
		})
		t.Run("admin adds staff", func(t *testing.T) {
			if e.role(t, acme.ID, admin.UserID) != "" {
				t.Fatal("admin is on the staff")
			}
			if _, err := e.vendors.AddStaff(ctx, admin, acme.ID, "carol@example.com"); err != nil {
				t.Fatalf("admin AddStaff = %v", err)
			}
			if r := e.role(t, acme.ID, carol.UserID); r != vendor.RoleStaff {
				t.Fatalf("carol's role = %q", r)
			}
			if e.role(t, acme.ID, admin.UserID) != "" {
				t.Fatal("adding staff made the admin staff")
			}
		})
		t.Run("unknown email", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.vendors.AddStaff(ctx, owner, acme.ID, "nobody@example.com")
				fieldErr(t, err, kernel.CodeNotFound, "input", "email")
			})
		})
		t.Run("twice", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.vendors.AddStaff(ctx, owner, acme.ID, "bob@example.com")
				fieldErr(t, err, kernel.CodeAlreadyExists, "input", "email")
				_, err = e.vendors.AddStaff(ctx, owner, acme.ID, "owner@example.com")
				fieldErr(t, err, kernel.CodeAlreadyExists, "input", "email")
			})
			if r := e.role(t, acme.ID, owner.UserID); r != vendor.RoleOwner {
				t.Fatalf("owner's role after re-adding = %q", r)
			}
		})
		t.Run("bad input", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.vendors.AddStaff(ctx, owner, "not-an-id", "dave@example.com")
				fieldErr(t, err, kernel.CodeInvalid, "input", "vendorId")
				_, err = e.vendors.AddStaff(ctx, owner, "", "dave@example.com")
				fieldErr(t, err, kernel.CodeRequired, "input", "vendorId")
				_, err = e.vendors.AddStaff(ctx, owner, acme.ID, "")
				fieldErr(t, err, kernel.CodeRequired, "input", "email")
				_, err = e.vendors.AddStaff(ctx, owner, kernel.NewID(), "dave@example.com")
				fieldErr(t, err, kernel.CodeNotFound, "input", "vendorId")
			})
		})
		if e.role(t, acme.ID, dave.UserID) != "" {
			t.Fatal("dave was added by a refused call")
		}
	})
}

func TestCanManage(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		owner := e.user(t, "owner@example.com")
		staff := e.user(t, "staff@example.com")
		stranger := e.user(t, "stranger@example.com")
		otherOwner := e.user(t, "other@example.com")
		acme := e.vendor(t, owner, "Acme", "acme")
		other := e.vendor(t, otherOwner, "Other", "other")
		if _, err := e.vendors.AddStaff(ctx, owner, acme.ID, "staff@example.com"); err != nil {
			t.Fatal(err)
		}
		missing := kernel.NewID()
		cases := []struct {
			name   string
			viewer kernel.Viewer
			vendor string
			want   error
		}{
			{"owner", owner, acme.ID, nil},
			{"staff", staff, acme.ID, nil},
			{"admin", kernel.Viewer{UserID: stranger.UserID, IsAdmin: true}, acme.ID, nil},
			{"admin on other", kernel.Viewer{UserID: owner.UserID, IsAdmin: true}, other.ID, nil},
			{"stranger", stranger, acme.ID, kernel.ErrForbidden},
			{"owner of another vendor", otherOwner, acme.ID, kernel.ErrForbidden},
			{"staff on another vendor", staff, other.ID, kernel.ErrForbidden},
			{"owner on another vendor", owner, other.ID, kernel.ErrForbidden},
			{"stranger on missing vendor", stranger, missing, kernel.ErrForbidden},
			{"guest", kernel.Viewer{}, acme.ID, kernel.ErrUnauthenticated},
			{"guest flagged admin", kernel.Viewer{IsAdmin: true}, acme.ID, kernel.ErrUnauthenticated},
		}
		for _, c := range cases {
			err := e.vendors.CanManage(ctx, c.viewer, c.vendor)
			if c.want == nil {
				if err != nil {
					t.Errorf("%s: CanManage = %v, want nil", c.name, err)
				}
				continue
			}
			if !errors.Is(err, c.want) {
				t.Errorf("%s: CanManage = %v, want %v", c.name, err, c.want)
			}
		}
	})
}

func TestOfUsersAndByIDs(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		anna := e.user(t, "anna@example.com")
		bob := e.user(t, "bob@example.com")
		carol := e.user(t, "carol@example.com")
		zeta := e.vendor(t, anna, "Zeta", "zeta")
		alpha := e.vendor(t, anna, "Alpha", "alpha")
		mid := e.vendor(t, bob, "Mid", "mid")
		if _, err := e.vendors.AddStaff(ctx, anna, zeta.ID, "bob@example.com"); err != nil {
			t.Fatal(err)
		}

		m, err := vendor.OfUsers(ctx, db, []string{anna.UserID, bob.UserID, carol.UserID, kernel.NewID()})
		if err != nil {
			t.Fatal(err)
		}
		ids := func(vs []*vendor.Vendor) []string {
			out := []string{}
			for _, v := range vs {
				out = append(out, v.ID)
			}
			return out
		}
		if got, want := ids(m[anna.UserID]), []string{alpha.ID, zeta.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("anna's vendors = %v, want %v (by name)", got, want)
		}
		if got, want := ids(m[bob.UserID]), []string{mid.ID, zeta.ID}; !reflect.DeepEqual(got, want) {
			t.Errorf("bob's vendors = %v, want %v", got, want)
		}
		if len(m[carol.UserID]) != 0 {
			t.Errorf("carol's vendors = %v", ids(m[carol.UserID]))
		}
		if len(m) != 2 {
			t.Errorf("OfUsers returned %d keys, want 2", len(m))
		}
		if v := m[anna.UserID][0]; v.Name != "Alpha" || v.Slug != "alpha" || !v.CreatedAt.Equal(testkit.Epoch) {
			t.Errorf("vendor fields = %+v", v)
		}
		// Each entry is its own value, not an alias of a loop variable.
		if m[anna.UserID][0] == m[anna.UserID][1] {
			t.Error("OfUsers returned the same pointer twice")
		}
		if empty, err := vendor.OfUsers(ctx, db, nil); err != nil || len(empty) != 0 {
			t.Errorf("OfUsers(nil) = %v, %v", empty, err)
		}

		byID, err := vendor.ByIDs(ctx, db, []string{zeta.ID, mid.ID, kernel.NewID()})
		if err != nil || len(byID) != 2 || byID[zeta.ID].Slug != "zeta" || byID[mid.ID].Slug != "mid" {
			t.Fatalf("ByIDs = %v, %v", byID, err)
		}
		if empty, err := vendor.ByIDs(ctx, db, nil); err != nil || len(empty) != 0 {
			t.Fatalf("ByIDs(nil) = %v, %v", empty, err)
		}
	})
}

func TestStaffOfAndCanSeeStaff(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		clock := kernel.NewManualClock(testkit.Epoch)
		accounts := account.NewService(db, clock, account.Options{Hash: testkit.FastHash})
		e := &env{db: db, accounts: accounts, vendors: vendor.NewService(db, clock, accounts)}
		owner := e.user(t, "owner@example.com")
		bob := e.user(t, "bob@example.com")
		carol := e.user(t, "carol@example.com")
		stranger := e.user(t, "stranger@example.com")
		acme := e.vendor(t, owner, "Acme", "acme")
		solo := e.vendor(t, stranger, "Solo", "solo")
		clock.Advance(time.Minute)
		if _, err := e.vendors.AddStaff(ctx, owner, acme.ID, "carol@example.com"); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Minute)
		if _, err := e.vendors.AddStaff(ctx, owner, acme.ID, "bob@example.com"); err != nil {
			t.Fatal(err)
		}

		m, err := vendor.StaffOf(ctx, db, []string{acme.ID, solo.ID, kernel.NewID()})
		if err != nil {
			t.Fatal(err)
		}
		type member struct{ user, role string }
		list := func(ss []*vendor.Staff) []member {
			out := []member{}
			for _, s := range ss {
				out = append(out, member{s.UserID, s.Role})
			}
			return out
		}
		// Owners first, then by the time they joined.
		want := []member{{owner.UserID, vendor.RoleOwner}, {carol.UserID, vendor.RoleStaff}, {bob.UserID, vendor.RoleStaff}}
		if got := list(m[acme.ID]); !reflect.DeepEqual(got, want) {
			t.Fatalf("StaffOf(acme) = %v, want %v", got, want)
		}
		if got := list(m[solo.ID]); !reflect.DeepEqual(got, []member{{stranger.UserID, vendor.RoleOwner}}) {
			t.Fatalf("StaffOf(solo) = %v", got)
		}
		if len(m) != 2 {
			t.Fatalf("StaffOf returned %d vendors, want 2", len(m))
		}
		if s := m[acme.ID][1]; s.VendorID != acme.ID || !s.CreatedAt.Equal(testkit.Epoch.Add(time.Minute)) {
			t.Fatalf("staff row %+v", s)
		}
		if empty, err := vendor.StaffOf(ctx, db, nil); err != nil || len(empty) != 0 {
			t.Fatalf("StaffOf(nil) = %v, %v", empty, err)
		}

		staff := m[acme.ID]
		for _, c := range []struct {
			name   string
			viewer kernel.Viewer
			want   bool
		}{
			{"owner", owner, true},
			{"staff", bob, true},
			{"admin", kernel.Viewer{UserID: stranger.UserID, IsAdmin: true}, true},
			{"stranger", stranger, false},
			{"guest", kernel.Viewer{}, false},
		} {
			if got := vendor.CanSeeStaff(c.viewer, staff); got != c.want {
				t.Errorf("CanSeeStaff(%s) = %v, want %v", c.name, got, c.want)
			}
		}
		if vendor.CanSeeStaff(kernel.Viewer{}, []*vendor.Staff{{UserID: ""}}) {
			t.Error("a guest matched a staff row with an empty user id")
		}
		if vendor.CanSeeStaff(bob, nil) {
			t.Error("a signed-in user can see an empty staff list they are not on")
		}
	})
}
