package catalog_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
)

var ctx = context.Background()

// env is a marketplace with two vendors: A (owner ownerA, staff staffA) and
// B (owner ownerB), a stranger and an admin.
type env struct {
	db       *bun.DB
	clock    *kernel.ManualClock
	accounts *account.Service
	vendors  *vendor.Service
	catalog  *catalog.Service

	ownerA, staffA, ownerB, stranger, admin kernel.Viewer
	vendorA, vendorB                        *vendor.Vendor
}

func newEnv(t *testing.T, db *bun.DB) *env {
	t.Helper()
	clock := kernel.NewManualClock(testkit.Epoch)
	accounts := account.NewService(db, clock, account.Options{Hash: testkit.FastHash})
	vendors := vendor.NewService(db, clock, accounts)
	e := &env{db: db, clock: clock, accounts: accounts, vendors: vendors, catalog: catalog.NewService(db, clock, vendors)}
	e.ownerA = e.user(t, "owner-a@example.com")
	e.staffA = e.user(t, "staff-a@example.com")
	e.ownerB = e.user(t, "owner-b@example.com")
	e.stranger = e.user(t, "stranger@example.com")
	e.admin = e.user(t, "admin@example.com")
	e.admin.IsAdmin = true
	var err error
	if e.vendorA, err = vendors.Create(ctx, e.ownerA, vendor.CreateInput{Name: "Vendor A", Slug: "vendor-a"}); err != nil {
		t.Fatal(err)
	}
	if e.vendorB, err = vendors.Create(ctx, e.ownerB, vendor.CreateInput{Name: "Vendor B", Slug: "vendor-b"}); err != nil {
		t.Fatal(err)
	}
	if _, err := vendors.AddStaff(ctx, e.ownerA, e.vendorA.ID, "staff-a@example.com"); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) user(t *testing.T, email string) kernel.Viewer {
	t.Helper()
	a, err := e.accounts.SignUp(ctx, account.SignUpInput{Email: email, Password: testkit.Password, DisplayName: email})
	if err != nil {
		t.Fatalf("SignUp(%s): %v", email, err)
	}
	return kernel.Viewer{UserID: a.User.ID}
}

func usd(minor int64) kernel.Money { return kernel.Money{AmountMinor: minor, Currency: "USD"} }

func validInput(vendorID, sku string) catalog.CreateInput {
	return catalog.CreateInput{
		VendorID: vendorID, Title: "Product " + sku, Description: "A fine product.", Category: "shoes",
		Price: usd(1999), Stock: 10, SKU: sku,
	}
}

func (e *env) product(t *testing.T, v kernel.Viewer, in catalog.CreateInput) *catalog.Product {
	t.Helper()
	p, err := e.catalog.Create(ctx, v, in)
	if err != nil {
		t.Fatalf("Create(%s): %v", in.SKU, err)
	}
	return p
}

func (e *env) get(t *testing.T, id string) *catalog.Product {
	t.Helper()
	p, err := e.catalog.Get(ctx, id)
	if err != nil || p == nil {
		t.Fatalf("Get(%s) = %v, %v", id, p, err)
	}
	return p
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

func TestCreate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		in := catalog.CreateInput{
			VendorID: e.vendorA.ID, Title: "  Red Sneakers ", Description: "  Light and fast. ", Category: "  Shoes ",
			Price: kernel.Money{AmountMinor: 4999, Currency: "EUR"}, Stock: 7, SKU: " RS-42 ",
			ImageURLs: []string{"https://cdn.example.com/1.png", " https://cdn.example.com/2.png "},
		}
		p, err := e.catalog.Create(ctx, e.staffA, in)
		if err != nil {
			t.Fatal(err)
		}
		want := catalog.Product{
			ID: p.ID, VendorID: e.vendorA.ID, Title: "Red Sneakers", Description: "Light and fast.", Category: "shoes",
			PriceMinor: 4999, Currency: "EUR", Stock: 7, SKU: "RS-42",
			ImageURLs:  []string{"https://cdn.example.com/1.png", "https://cdn.example.com/2.png"},
			SearchText: "red sneakers\nrs-42\nlight and fast.",
			Status:     catalog.StatusActive, CreatedAt: testkit.Epoch, UpdatedAt: testkit.Epoch,
		}
		if !kernel.ValidID(p.ID) || !reflect.DeepEqual(*p, want) {
			t.Fatalf("Create returned\n%+v\nwant\n%+v", *p, want)
		}
		got := e.get(t, p.ID)
		got.CreatedAt, got.UpdatedAt = got.CreatedAt.UTC(), got.UpdatedAt.UTC()
		if !reflect.DeepEqual(*got, want) {
			t.Fatalf("Get returned\n%+v\nwant\n%+v", *got, want)
		}
		if m := p.Price(); m != (kernel.Money{AmountMinor: 4999, Currency: "EUR"}) {
			t.Fatalf("Price() = %+v", m)
		}

		// Owners and admins may create too; no images is an empty list.
		byOwner := e.product(t, e.ownerA, validInput(e.vendorA.ID, "OWN-1"))
		byAdmin := e.product(t, e.admin, validInput(e.vendorB.ID, "ADM-1"))
		if byAdmin.VendorID != e.vendorB.ID {
			t.Fatalf("admin product vendor = %s", byAdmin.VendorID)
		}
		if g := e.get(t, byOwner.ID); len(g.ImageURLs) != 0 {
			t.Fatalf("images = %v, want none", g.ImageURLs)
		}
		if none, err := e.catalog.Get(ctx, kernel.NewID()); err != nil || none != nil {
			t.Fatalf("Get(unknown) = %v, %v", none, err)
		}
		m, err := catalog.ByIDs(ctx, db, []string{p.ID, byAdmin.ID, kernel.NewID()})
		if err != nil || len(m) != 2 || m[p.ID].SKU != "RS-42" || m[byAdmin.ID].SKU != "ADM-1" {
			t.Fatalf("ByIDs = %v, %v", m, err)
		}
		if m, err := catalog.ByIDs(ctx, db, nil); err != nil || len(m) != 0 {
			t.Fatalf("ByIDs(nil) = %v, %v", m, err)
		}
	})
}

func TestCreateRefusals(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		e.product(t, e.staffA, validInput(e.vendorA.ID, "TAKEN"))
		with := func(f func(*catalog.CreateInput)) catalog.CreateInput {
			in := validInput(e.vendorA.ID, "NEW-1")
			f(&in)
			return in
		}
		cases := []struct {
			name  string
			in    catalog.CreateInput
			code  kernel.Code
			field []string
		}{
			{"empty title", with(func(in *catalog.CreateInput) { in.Title = "" }), kernel.CodeRequired, []string{"input", "title"}},
			{"whitespace title", with(func(in *catalog.CreateInput) { in.Title = " \n\t " }), kernel.CodeRequired, []string{"input", "title"}},
			{"10000-char title", with(func(in *catalog.CreateInput) { in.Title = strings.Repeat("t", 10000) }), kernel.CodeTooLong, []string{"input", "title"}},
			{"title one over", with(func(in *catalog.CreateInput) { in.Title = strings.Repeat("é", catalog.MaxTitleLen+1) }), kernel.CodeTooLong, []string{"input", "title"}},
			{"10000-char description", with(func(in *catalog.CreateInput) { in.Description = strings.Repeat("d", 10000) }), kernel.CodeTooLong, []string{"input", "description"}},
			{"zero price", with(func(in *catalog.CreateInput) { in.Price = usd(0) }), kernel.CodeInvalid, []string{"input", "price", "amountMinor"}},
			{"negative price", with(func(in *catalog.CreateInput) { in.Price = usd(-100) }), kernel.CodeInvalid, []string{"input", "price", "amountMinor"}},
			{"huge price", with(func(in *catalog.CreateInput) { in.Price = usd(kernel.MaxAmountMinor + 1) }), kernel.CodeInvalid, []string{"input", "price", "amountMinor"}},
			{"unknown currency", with(func(in *catalog.CreateInput) { in.Price.Currency = "XYZ" }), kernel.CodeInvalid, []string{"input", "price", "currency"}},
			{"lowercase currency", with(func(in *catalog.CreateInput) { in.Price.Currency = "usd" }), kernel.CodeInvalid, []string{"input", "price", "currency"}},
			{"empty currency", with(func(in *catalog.CreateInput) { in.Price.Currency = "" }), kernel.CodeInvalid, []string{"input", "price", "currency"}},
			{"negative stock", with(func(in *catalog.CreateInput) { in.Stock = -1 }), kernel.CodeInvalid, []string{"input", "stock"}},
			{"too much stock", with(func(in *catalog.CreateInput) { in.Stock = catalog.MaxStock + 1 }), kernel.CodeInvalid, []string{"input", "stock"}},
			{"malformed vendorId", with(func(in *catalog.CreateInput) { in.VendorID = "vendor-a" }), kernel.CodeInvalid, []string{"input", "vendorId"}},
			{"sql in vendorId", with(func(in *catalog.CreateInput) { in.VendorID = "' OR 1=1 --" }), kernel.CodeInvalid, []string{"input", "vendorId"}},
			{"empty vendorId", with(func(in *catalog.CreateInput) { in.VendorID = "" }), kernel.CodeRequired, []string{"input", "vendorId"}},
			{"empty category", with(func(in *catalog.CreateInput) { in.Category = "  " }), kernel.CodeRequired, []string{"input", "category"}},
			{"long category", with(func(in *catalog.CreateInput) { in.Category = strings.Repeat("c", catalog.MaxCategoryLen+1) }), kernel.CodeTooLong, []string{"input", "category"}},
			{"empty sku", with(func(in *catalog.CreateInput) { in.SKU = "" }), kernel.CodeRequired, []string{"input", "sku"}},
			{"long sku", with(func(in *catalog.CreateInput) { in.SKU = strings.Repeat("s", catalog.MaxSKULen+1) }), kernel.CodeTooLong, []string{"input", "sku"}},
			{"duplicate sku", with(func(in *catalog.CreateInput) { in.SKU = "TAKEN" }), kernel.CodeAlreadyExists, []string{"input", "sku"}},
			{"duplicate sku padded", with(func(in *catalog.CreateInput) { in.SKU = "  TAKEN " }), kernel.CodeAlreadyExists, []string{"input", "sku"}},
			{"too many images", with(func(in *catalog.CreateInput) {
				in.ImageURLs = make([]string, catalog.MaxImages+1)
				for i := range in.ImageURLs {
					in.ImageURLs[i] = fmt.Sprintf("https://cdn.example.com/%d.png", i)
				}
			}), kernel.CodeLimitExceeded, []string{"input", "imageUrls"}},
			{"bad image", with(func(in *catalog.CreateInput) {
				in.ImageURLs = []string{"https://cdn.example.com/ok.png", "javascript:alert(1)"}
			}), kernel.CodeInvalid, []string{"input", "imageUrls", "1"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				unchanged(t, db, func() {
					p, err := e.catalog.Create(ctx, e.staffA, c.in)
					if p != nil {
						t.Fatalf("refused Create returned %+v", p)
					}
					fieldErr(t, err, c.code, c.field...)
				})
			})
		}
		t.Run("every error at once", func(t *testing.T) {
			unchanged(t, db, func() {
				_, err := e.catalog.Create(ctx, e.staffA, catalog.CreateInput{VendorID: "x", Price: kernel.Money{AmountMinor: -1, Currency: "usd"}, Stock: -1})
				var ve *kernel.ValidationError
				if !errors.As(err, &ve) {
					t.Fatal(err)
				}
				fields := map[string]bool{}
				for _, fe := range ve.Errors {
					fields[strings.Join(fe.Field, ".")] = true
				}
				for _, f := range []string{"input.vendorId", "input.title", "input.category", "input.sku", "input.price.currency", "input.price.amountMinor", "input.stock"} {
					if !fields[f] {
						t.Errorf("no error on %s: %+v", f, ve.Errors)
					}
				}
			})
		})
		t.Run("not allowed", func(t *testing.T) {
			unchanged(t, db, func() {
				if _, err := e.catalog.Create(ctx, kernel.Viewer{}, validInput(e.vendorA.ID, "G-1")); !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("guest Create = %v", err)
				}
				if _, err := e.catalog.Create(ctx, e.stranger, validInput(e.vendorA.ID, "S-1")); !errors.Is(err, kernel.ErrForbidden) {
					t.Fatalf("stranger Create = %v", err)
				}
				if _, err := e.catalog.Create(ctx, e.staffA, validInput(e.vendorB.ID, "S-2")); !errors.Is(err, kernel.ErrForbidden) {
					t.Fatalf("staff of A creating for B = %v", err)
				}
				if _, err := e.catalog.Create(ctx, e.staffA, validInput(kernel.NewID(), "S-3")); !errors.Is(err, kernel.ErrForbidden) {
					t.Fatalf("staff creating for a missing vendor = %v", err)
				}
			})
		})
	})
}

func TestSKUUniquePerVendor(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		a1 := e.product(t, e.staffA, validInput(e.vendorA.ID, "SKU-1"))
		a2 := e.product(t, e.staffA, validInput(e.vendorA.ID, "SKU-2"))
		b1 := e.product(t, e.ownerB, validInput(e.vendorB.ID, "SKU-1"))
		if b1.SKU != a1.SKU || b1.VendorID == a1.VendorID {
			t.Fatalf("same SKU at another vendor: %+v", b1)
		}
		unchanged(t, db, func() {
			_, err := e.catalog.Create(ctx, e.ownerB, validInput(e.vendorB.ID, "SKU-1"))
			fieldErr(t, err, kernel.CodeAlreadyExists, "input", "sku")
			taken := "SKU-1"
			_, err = e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{ID: a2.ID, SKU: &taken, Title: ptr("renamed")})
			fieldErr(t, err, kernel.CodeAlreadyExists, "input", "sku")
		})
		// Keeping one's own SKU, or taking one only another vendor uses, is fine.
		own := "SKU-2"
		if _, err := e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{ID: a2.ID, SKU: &own}); err != nil {
			t.Fatalf("update keeping own SKU: %v", err)
		}
		if _, err := e.catalog.Update(ctx, e.ownerB, catalog.UpdateInput{ID: b1.ID, SKU: ptr("SKU-2")}); err != nil {
			t.Fatalf("B taking a SKU only A uses: %v", err)
		}
		// An archived product still holds its SKU.
		if _, err := e.catalog.Archive(ctx, e.staffA, a1.ID); err != nil {
			t.Fatal(err)
		}
		_, err := e.catalog.Create(ctx, e.staffA, validInput(e.vendorA.ID, "SKU-1"))
		fieldErr(t, err, kernel.CodeAlreadyExists, "input", "sku")
	})
}

func TestCreateSameSKUConcurrently(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		const n = 8
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				_, errs[i] = e.catalog.Create(ctx, e.staffA, validInput(e.vendorA.ID, "RACE"))
			}(i)
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
				continue
			}
			fieldErr(t, err, kernel.CodeAlreadyExists, "input", "sku")
		}
		if ok != 1 {
			t.Fatalf("%d concurrent creates with one SKU succeeded, want 1", ok)
		}
	})
}

func ptr[T any](v T) *T { return &v }

func TestUpdate(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		in := validInput(e.vendorA.ID, "UP-1")
		in.ImageURLs = []string{"https://cdn.example.com/a.png"}
		p := e.product(t, e.staffA, in)
		e.clock.Advance(time.Hour)

		got, err := e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{
			ID: p.ID, Title: ptr("  New title "), Category: ptr(" Hats "), Price: &kernel.Money{AmountMinor: 2500, Currency: "GBP"},
		})
		if err != nil {
			t.Fatal(err)
		}
		stored := e.get(t, p.ID)
		for _, q := range []*catalog.Product{got, stored} {
			if q.Title != "New title" || q.Category != "hats" || q.PriceMinor != 2500 || q.Currency != "GBP" ||
				q.Description != in.Description || q.SKU != "UP-1" || q.Stock != 10 || !reflect.DeepEqual(q.ImageURLs, in.ImageURLs) ||
				!q.CreatedAt.Equal(testkit.Epoch) || !q.UpdatedAt.Equal(testkit.Epoch.Add(time.Hour)) || q.VendorID != e.vendorA.ID {
				t.Fatalf("after update: %+v", q)
			}
		}

		// SetImages replaces the list; an empty list clears it.
		if _, err := e.catalog.Update(ctx, e.ownerA, catalog.UpdateInput{ID: p.ID, SetImages: true, ImageURLs: []string{"https://x.example/1.png", "https://x.example/2.png"}}); err != nil {
			t.Fatal(err)
		}
		if imgs := e.get(t, p.ID).ImageURLs; !reflect.DeepEqual(imgs, []string{"https://x.example/1.png", "https://x.example/2.png"}) {
			t.Fatalf("images = %v", imgs)
		}
		if _, err := e.catalog.Update(ctx, e.admin, catalog.UpdateInput{ID: p.ID, SetImages: true}); err != nil {
			t.Fatal(err)
		}
		if imgs := e.get(t, p.ID).ImageURLs; len(imgs) != 0 {
			t.Fatalf("images after clearing = %v", imgs)
		}
		// Images are left alone without SetImages.
		if _, err := e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{ID: p.ID, ImageURLs: []string{"https://x.example/ignored.png"}, Description: ptr("")}); err != nil {
			t.Fatal(err)
		}
		if q := e.get(t, p.ID); len(q.ImageURLs) != 0 || q.Description != "" {
			t.Fatalf("after update: %+v", q)
		}

		unchanged(t, db, func() {
			cases := []struct {
				in    catalog.UpdateInput
				code  kernel.Code
				field []string
			}{
				{catalog.UpdateInput{ID: p.ID, Title: ptr(" ")}, kernel.CodeRequired, []string{"input", "title"}},
				{catalog.UpdateInput{ID: p.ID, Title: ptr(strings.Repeat("x", 10000))}, kernel.CodeTooLong, []string{"input", "title"}},
				{catalog.UpdateInput{ID: p.ID, Price: &kernel.Money{AmountMinor: 0, Currency: "USD"}}, kernel.CodeInvalid, []string{"input", "price", "amountMinor"}},
				{catalog.UpdateInput{ID: p.ID, Price: &kernel.Money{AmountMinor: 100, Currency: "usd"}}, kernel.CodeInvalid, []string{"input", "price", "currency"}},
				{catalog.UpdateInput{ID: p.ID, SKU: ptr("")}, kernel.CodeRequired, []string{"input", "sku"}},
				{catalog.UpdateInput{ID: p.ID, Category: ptr("")}, kernel.CodeRequired, []string{"input", "category"}},
				{catalog.UpdateInput{ID: p.ID, SetImages: true, ImageURLs: []string{"nope"}}, kernel.CodeInvalid, []string{"input", "imageUrls", "0"}},
				{catalog.UpdateInput{ID: "bad-id", Title: ptr("x")}, kernel.CodeInvalid, []string{"input", "id"}},
				{catalog.UpdateInput{ID: "", Title: ptr("x")}, kernel.CodeRequired, []string{"input", "id"}},
				{catalog.UpdateInput{ID: kernel.NewID(), Title: ptr("x")}, kernel.CodeNotFound, []string{"input", "id"}},
			}
			for _, c := range cases {
				got, err := e.catalog.Update(ctx, e.staffA, c.in)
				if got != nil {
					t.Fatalf("refused update returned %+v", got)
				}
				fieldErr(t, err, c.code, c.field...)
			}
			// A valid title alongside an invalid price changes nothing.
			_, err := e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{ID: p.ID, Title: ptr("Sneaky"), Price: &kernel.Money{AmountMinor: -1, Currency: "USD"}})
			fieldErr(t, err, kernel.CodeInvalid, "input", "price", "amountMinor")
		})

		// Archived products cannot be edited.
		if _, err := e.catalog.Archive(ctx, e.staffA, p.ID); err != nil {
			t.Fatal(err)
		}
		unchanged(t, db, func() {
			_, err := e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{ID: p.ID, Title: ptr("Revived")})
			fieldErr(t, err, kernel.CodeInvalidState, "input", "id")
		})
	})
}

func TestOtherVendorsProductsAreOffLimits(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		pb := e.product(t, e.ownerB, validInput(e.vendorB.ID, "B-1"))
		pa := e.product(t, e.staffA, validInput(e.vendorA.ID, "A-1"))
		for name, v := range map[string]kernel.Viewer{"staff of A": e.staffA, "owner of A": e.ownerA, "stranger": e.stranger} {
			t.Run(name, func(t *testing.T) {
				unchanged(t, db, func() {
					if _, err := e.catalog.Update(ctx, v, catalog.UpdateInput{ID: pb.ID, Title: ptr("hijacked"), Price: ptr(usd(1))}); !errors.Is(err, kernel.ErrForbidden) {
						t.Fatalf("Update = %v, want ErrForbidden", err)
					}
					if _, err := e.catalog.AdjustStock(ctx, v, pb.ID, -5); !errors.Is(err, kernel.ErrForbidden) {
						t.Fatalf("AdjustStock = %v, want ErrForbidden", err)
					}
					if _, err := e.catalog.AdjustStock(ctx, v, pb.ID, 5); !errors.Is(err, kernel.ErrForbidden) {
						t.Fatalf("AdjustStock = %v, want ErrForbidden", err)
					}
					if _, err := e.catalog.Archive(ctx, v, pb.ID); !errors.Is(err, kernel.ErrForbidden) {
						t.Fatalf("Archive = %v, want ErrForbidden", err)
					}
				})
			})
		}
		t.Run("owner of B on A", func(t *testing.T) {
			unchanged(t, db, func() {
				if _, err := e.catalog.Archive(ctx, e.ownerB, pa.ID); !errors.Is(err, kernel.ErrForbidden) {
					t.Fatalf("Archive = %v, want ErrForbidden", err)
				}
			})
		})
		t.Run("guest", func(t *testing.T) {
			unchanged(t, db, func() {
				if _, err := e.catalog.Update(ctx, kernel.Viewer{}, catalog.UpdateInput{ID: pb.ID, Title: ptr("x")}); !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("Update = %v", err)
				}
				if _, err := e.catalog.AdjustStock(ctx, kernel.Viewer{}, pb.ID, -1); !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("AdjustStock = %v", err)
				}
				if _, err := e.catalog.Archive(ctx, kernel.Viewer{}, pb.ID); !errors.Is(err, kernel.ErrUnauthenticated) {
					t.Fatalf("Archive = %v", err)
				}
			})
		})
		if got := e.get(t, pb.ID); got.Title != pb.Title || got.Stock != 10 || got.Status != catalog.StatusActive || got.PriceMinor != pb.PriceMinor {
			t.Fatalf("B's product changed: %+v", got)
		}
		// An admin may manage any vendor's products.
		if _, err := e.catalog.AdjustStock(ctx, e.admin, pb.ID, 1); err != nil {
			t.Fatalf("admin AdjustStock = %v", err)
		}
		if _, err := e.catalog.Update(ctx, e.admin, catalog.UpdateInput{ID: pb.ID, Title: ptr("Fixed by admin")}); err != nil {
			t.Fatalf("admin Update = %v", err)
		}
	})
}

func TestAdjustStock(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.staffA, validInput(e.vendorA.ID, "ST-1")) // stock 10
		e.clock.Advance(time.Minute)

		got, err := e.catalog.AdjustStock(ctx, e.staffA, p.ID, 5)
		if err != nil || got.Stock != 15 {
			t.Fatalf("AdjustStock(+5) = %+v, %v", got, err)
		}
		got, err = e.catalog.AdjustStock(ctx, e.ownerA, p.ID, -3)
		if err != nil || got.Stock != 12 {
			t.Fatalf("AdjustStock(-3) = %+v, %v", got, err)
		}
		if s := e.get(t, p.ID); s.Stock != 12 || !s.UpdatedAt.Equal(testkit.Epoch.Add(time.Minute)) {
			t.Fatalf("stored %+v", s)
		}

		unchanged(t, db, func() {
			for _, d := range []int{-13, -100, -catalog.MaxStock} {
				got, err := e.catalog.AdjustStock(ctx, e.staffA, p.ID, d)
				if got != nil {
					t.Fatalf("refused AdjustStock(%d) returned %+v", d, got)
				}
				fieldErr(t, err, kernel.CodeInvalid, "input", "delta")
			}
			for _, d := range []int{0, catalog.MaxStock + 1, -catalog.MaxStock - 1, catalog.MaxStock - 11} {
				_, err := e.catalog.AdjustStock(ctx, e.staffA, p.ID, d)
				fieldErr(t, err, kernel.CodeInvalid, "input", "delta")
			}
			_, err := e.catalog.AdjustStock(ctx, e.staffA, "nope", -1)
			fieldErr(t, err, kernel.CodeInvalid, "input", "id")
			_, err = e.catalog.AdjustStock(ctx, e.staffA, kernel.NewID(), -1)
			fieldErr(t, err, kernel.CodeNotFound, "input", "id")
		})
		if s := e.get(t, p.ID); s.Stock != 12 {
			t.Fatalf("stock after refusals = %d", s.Stock)
		}

		// Down to exactly zero, and up to exactly the maximum.
		if got, err := e.catalog.AdjustStock(ctx, e.staffA, p.ID, -12); err != nil || got.Stock != 0 {
			t.Fatalf("AdjustStock(-12) = %+v, %v", got, err)
		}
		_, err = e.catalog.AdjustStock(ctx, e.staffA, p.ID, -1)
		fieldErr(t, err, kernel.CodeInvalid, "input", "delta")
		if got, err := e.catalog.AdjustStock(ctx, e.staffA, p.ID, catalog.MaxStock); err != nil || got.Stock != catalog.MaxStock {
			t.Fatalf("AdjustStock(+max) = %+v, %v", got, err)
		}
		_, err = e.catalog.AdjustStock(ctx, e.staffA, p.ID, 1)
		fieldErr(t, err, kernel.CodeInvalid, "input", "delta")
		if s := e.get(t, p.ID); s.Stock != catalog.MaxStock {
			t.Fatalf("stock = %d", s.Stock)
		}
	})
}

func TestAdjustStockConcurrentNeverOversells(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		p := e.product(t, e.staffA, validInput(e.vendorA.ID, "HOT-1")) // stock 10
		const n = 20
		var (
			wg     sync.WaitGroup
			mu     sync.Mutex
			stocks []int
			errs   []error
			start  = make(chan struct{})
		)
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				got, err := e.catalog.AdjustStock(ctx, e.staffA, p.ID, -1)
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					errs = append(errs, err)
					return
				}
				stocks = append(stocks, got.Stock)
			}()
		}
		close(start)
		wg.Wait()
		if len(stocks) != 10 || len(errs) != 10 {
			t.Fatalf("%d successes and %d failures, want 10 and 10; errors: %v", len(stocks), len(errs), errs)
		}
		for _, err := range errs {
			fieldErr(t, err, kernel.CodeInvalid, "input", "delta")
		}
		// Every success saw a distinct remaining stock 9..0.
		sort.Ints(stocks)
		for i, s := range stocks {
			if s != i {
				t.Fatalf("remaining stocks = %v, want 0..9 once each", stocks)
			}
		}
		if s := e.get(t, p.ID); s.Stock != 0 {
			t.Fatalf("final stock = %d, want 0", s.Stock)
		}
	})
}

// TestConcurrentEditsKeepTheSearchText: staff editing a product's title and
// others its description at the same moment leave every edit in place and
// the catalog's text filter finding the product by each final field.
func TestConcurrentEditsKeepTheSearchText(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		for round := range 10 {
			p := e.product(t, e.staffA, validInput(e.vendorA.ID, fmt.Sprintf("EDIT-%d", round)))
			title, desc := fmt.Sprintf("Velvet slipper %d", round), fmt.Sprintf("Hand-stitched in Porto, batch %d", round)
			var wg sync.WaitGroup
			errs := make([]error, 2)
			wg.Go(func() { _, errs[0] = e.catalog.Update(ctx, e.staffA, catalog.UpdateInput{ID: p.ID, Title: &title}) })
			wg.Go(func() {
				_, errs[1] = e.catalog.Update(ctx, e.ownerA, catalog.UpdateInput{ID: p.ID, Description: &desc})
			})
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatal(err)
			}
			got := e.get(t, p.ID)
			if got.Title != title || got.Description != desc {
				t.Fatalf("round %d: %q / %q, want both edits", round, got.Title, got.Description)
			}
			for _, q := range []string{title, desc} {
				page, err := e.catalog.List(ctx, catalog.Filter{VendorID: e.vendorA.ID, Query: q}, kernel.PageRequest{First: 10})
				if err != nil {
					t.Fatal(err)
				}
				if len(page.Items) != 1 || page.Items[0].ID != p.ID {
					t.Fatalf("round %d: filtering by %q found %d products; want the edited one", round, q, len(page.Items))
				}
			}
		}
	})
}

func TestArchive(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		keep := e.product(t, e.staffA, validInput(e.vendorA.ID, "KEEP"))
		gone := e.product(t, e.staffA, validInput(e.vendorA.ID, "GONE"))
		e.clock.Advance(time.Hour)

		got, err := e.catalog.Archive(ctx, e.staffA, gone.ID)
		if err != nil || got.Status != catalog.StatusArchived || !got.UpdatedAt.Equal(testkit.Epoch.Add(time.Hour)) {
			t.Fatalf("Archive = %+v, %v", got, err)
		}
		stored := e.get(t, gone.ID)
		if stored.Status != catalog.StatusArchived || stored.Title != gone.Title || stored.Stock != gone.Stock {
			t.Fatalf("Get(archived) = %+v", stored)
		}
		if m, err := catalog.ByIDs(ctx, db, []string{gone.ID}); err != nil || m[gone.ID] == nil {
			t.Fatalf("ByIDs(archived) = %v, %v", m, err)
		}

		for _, f := range []catalog.Filter{{}, {VendorID: e.vendorA.ID}, {Query: "GONE"}, {Category: "shoes"}} {
			page, err := e.catalog.List(ctx, f, kernel.PageRequest{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range page.Items {
				if p.ID == gone.ID {
					t.Fatalf("List(%+v) shows the archived product", f)
				}
			}
			wantTotal := 1
			if f.Query == "GONE" {
				wantTotal = 0
			}
			if page.TotalCount != wantTotal || len(page.Items) != wantTotal {
				t.Fatalf("List(%+v): total %d, items %d; want %d", f, page.TotalCount, len(page.Items), wantTotal)
			}
			if wantTotal == 1 && page.Items[0].ID != keep.ID {
				t.Fatalf("List(%+v) = %s, want %s", f, page.Items[0].ID, keep.ID)
			}
		}

		// Archiving twice is a no-op.
		e.clock.Advance(time.Hour)
		unchanged(t, db, func() {
			again, err := e.catalog.Archive(ctx, e.staffA, gone.ID)
			if err != nil || again.Status != catalog.StatusArchived {
				t.Fatalf("second Archive = %+v, %v", again, err)
			}
		})
		unchanged(t, db, func() {
			_, err := e.catalog.Archive(ctx, e.staffA, "nope")
			fieldErr(t, err, kernel.CodeInvalid, "input", "id")
			_, err = e.catalog.Archive(ctx, e.staffA, kernel.NewID())
			fieldErr(t, err, kernel.CodeNotFound, "input", "id")
		})
	})
}

// listAll walks every page of f with page size first through the public
// cursor API and returns the ids in order plus the TotalCount seen.
func listAll(t *testing.T, e *env, f catalog.Filter, first int) ([]string, int) {
	t.Helper()
	var ids []string
	total := -1
	var after *string
	for pages := 0; ; pages++ {
		if pages > 1000 {
			t.Fatal("pagination does not terminate")
		}
		req, err := kernel.NewPageRequest(&first, after)
		if err != nil {
			t.Fatal(err)
		}
		page, err := e.catalog.List(ctx, f, req)
		if err != nil {
			t.Fatalf("List(%+v, %+v): %v", f, req, err)
		}
		if total == -1 {
			total = page.TotalCount
		} else if page.TotalCount != total {
			t.Fatalf("TotalCount changed between pages: %d then %d", total, page.TotalCount)
		}
		if len(page.Items) > first {
			t.Fatalf("page has %d items, first=%d", len(page.Items), first)
		}
		if page.HasNextPage && len(page.Items) != first {
			t.Fatalf("short page (%d of %d) claims a next page", len(page.Items), first)
		}
		for _, p := range page.Items {
			ids = append(ids, p.ID)
		}
		if !page.HasNextPage {
			return ids, total
		}
		c := kernel.EncodeCursor(page.Items[len(page.Items)-1].ID)
		after = &c
	}
}

func TestListPagination(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		const n = 23
		var created []string
		for i := 0; i < n; i++ {
			in := validInput(e.vendorA.ID, fmt.Sprintf("P-%02d", i))
			if i%3 == 0 {
				in.Category = "hats"
			}
			created = append(created, e.product(t, e.staffA, in).ID)
		}
		// Newest first.
		want := make([]string, n)
		for i, id := range created {
			want[n-1-i] = id
		}
		for _, first := range []int{1, 2, 5, 7, 22, 23, 24, 100} {
			ids, total := listAll(t, e, catalog.Filter{}, first)
			if total != n {
				t.Fatalf("first=%d: TotalCount %d, want %d", first, total, n)
			}
			if !reflect.DeepEqual(ids, want) {
				t.Fatalf("first=%d: walked %d ids %v\nwant %d ids %v", first, len(ids), ids, len(want), want)
			}
		}

		// HasNextPage on the boundaries.
		for _, c := range []struct {
			first int
			more  bool
			items int
		}{{22, true, 22}, {23, false, 23}, {24, false, 23}, {100, false, 23}} {
			page, err := e.catalog.List(ctx, catalog.Filter{}, kernel.PageRequest{First: c.first})
			if err != nil || page.HasNextPage != c.more || len(page.Items) != c.items || page.TotalCount != n {
				t.Fatalf("first=%d: %d items, next=%v, total=%d, %v", c.first, len(page.Items), page.HasNextPage, page.TotalCount, err)
			}
		}

		// first=0 returns only the count.
		page, err := e.catalog.List(ctx, catalog.Filter{}, kernel.PageRequest{First: 0})
		if err != nil || len(page.Items) != 0 || page.TotalCount != n {
			t.Fatalf("first=0: %d items, total %d, %v", len(page.Items), page.TotalCount, err)
		}
		page, err = e.catalog.List(ctx, catalog.Filter{Category: "hats"}, kernel.PageRequest{First: 0})
		if err != nil || len(page.Items) != 0 || page.TotalCount != 8 {
			t.Fatalf("first=0 hats: %d items, total %d, %v", len(page.Items), page.TotalCount, err)
		}

		// Paging within a filter.
		hats, total := listAll(t, e, catalog.Filter{Category: "HATS"}, 3)
		var wantHats []string
		for i := n - 1; i >= 0; i-- {
			if i%3 == 0 {
				wantHats = append(wantHats, created[i])
			}
		}
		if total != 8 || !reflect.DeepEqual(hats, wantHats) {
			t.Fatalf("hats: total %d, ids %v; want %v", total, hats, wantHats)
		}

		// The cursor of the last item gives an empty last page; a cursor for
		// an unknown (older) id pages from there.
		page, err = e.catalog.List(ctx, catalog.Filter{}, kernel.PageRequest{First: 5, After: created[0]})
		if err != nil || len(page.Items) != 0 || page.HasNextPage || page.TotalCount != n {
			t.Fatalf("after last: %+v, %v", page, err)
		}
		page, err = e.catalog.List(ctx, catalog.Filter{}, kernel.PageRequest{First: 3, After: created[10]})
		if err != nil || len(page.Items) != 3 || page.Items[0].ID != created[9] || page.Items[2].ID != created[7] || !page.HasNextPage {
			t.Fatalf("after created[10]: %+v, %v", page, err)
		}
	})
}

func TestListFilters(t *testing.T) {
	t.Parallel()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		e := newEnv(t, db)
		mk := func(v kernel.Viewer, vendorID, sku, title, desc, category string) string {
			in := validInput(vendorID, sku)
			in.Title, in.Description, in.Category = title, desc, category
			return e.product(t, v, in).ID
		}
		red := mk(e.staffA, e.vendorA.ID, "RS-1", "Red Sneakers", "Fast shoes for running.", "Shoes")
		boots := mk(e.staffA, e.vendorA.ID, "BT-2", "Winter Boots", "Warm. 100% wool lining.", "shoes")
		hat := mk(e.staffA, e.vendorA.ID, "HAT_3", "Sun Hat", "Wide brim", "Hats")
		mug := mk(e.ownerB, e.vendorB.ID, "MUG-4", "Coffee Mug", "Holds 50% more coffee", "kitchen")
		path := mk(e.ownerB, e.vendorB.ID, "PTH-5", `Poster C:\temp`, "a_b test", "decor")
		plain := mk(e.ownerB, e.vendorB.ID, "PLN-6", "Plain Tee", "cotton", "Shoes")

		cases := []struct {
			name string
			f    catalog.Filter
			want []string // newest first
		}{
			{"all", catalog.Filter{}, []string{plain, path, mug, hat, boots, red}},
			{"vendor A", catalog.Filter{VendorID: e.vendorA.ID}, []string{hat, boots, red}},
			{"vendor B", catalog.Filter{VendorID: e.vendorB.ID}, []string{plain, path, mug}},
			{"unknown vendor", catalog.Filter{VendorID: kernel.NewID()}, nil},
			{"category", catalog.Filter{Category: "shoes"}, []string{plain, boots, red}},
			{"category normalized", catalog.Filter{Category: "  SHOES "}, []string{plain, boots, red}},
			{"category and vendor", catalog.Filter{Category: "shoes", VendorID: e.vendorB.ID}, []string{plain}},
			{"unknown category", catalog.Filter{Category: "cars"}, nil},
			{"title", catalog.Filter{Query: "sneakers"}, []string{red}},
			{"title upper", catalog.Filter{Query: "RED SNEAK"}, []string{red}},
			{"title mixed", catalog.Filter{Query: "wInTeR"}, []string{boots}},
			{"description", catalog.Filter{Query: "Running"}, []string{red}},
			{"sku", catalog.Filter{Query: "mug-4"}, []string{mug}},
			{"sku part", catalog.Filter{Query: "t-2"}, []string{boots}},
			{"padded query", catalog.Filter{Query: "   brim  "}, []string{hat}},
			{"blank query", catalog.Filter{Query: "   "}, []string{plain, path, mug, hat, boots, red}},
			{"several fields", catalog.Filter{Query: "coffee"}, []string{mug}},
			{"query and vendor", catalog.Filter{Query: "s", VendorID: e.vendorA.ID}, []string{hat, boots, red}},
			{"query and category", catalog.Filter{Query: "tee", Category: "shoes"}, []string{plain}},
			{"no match", catalog.Filter{Query: "zebra"}, nil},
			{"percent is literal", catalog.Filter{Query: "%"}, []string{mug, boots}},
			{"percent in phrase", catalog.Filter{Query: "100%"}, []string{boots}},
			{"percent alone does not match everything", catalog.Filter{Query: "%%"}, nil},
			{"underscore is literal", catalog.Filter{Query: "_"}, []string{path, hat}},
			{"underscore in word", catalog.Filter{Query: "a_b"}, []string{path}},
			{"underscore not a wildcard", catalog.Filter{Query: "hat_"}, []string{hat}},
			{"underscore not single char", catalog.Filter{Query: "s_n"}, nil},
			{"backslash is literal", catalog.Filter{Query: `\`}, []string{path}},
			{"backslash phrase", catalog.Filter{Query: `c:\t`}, []string{path}},
			{"escape-like sequences", catalog.Filter{Query: `\%`}, nil},
			{"quote", catalog.Filter{Query: "' OR 1=1 --"}, nil},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				page, err := e.catalog.List(ctx, c.f, kernel.PageRequest{First: 50})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range page.Items {
					got = append(got, p.ID)
					if p.Status != catalog.StatusActive {
						t.Fatalf("List returned a %s product", p.Status)
					}
				}
				if !reflect.DeepEqual(got, c.want) || page.TotalCount != len(c.want) || page.HasNextPage {
					t.Fatalf("List(%+v) = %v (total %d, next %v), want %v", c.f, got, page.TotalCount, page.HasNextPage, c.want)
				}
				// TotalCount does not depend on page size.
				for _, first := range []int{0, 1} {
					p2, err := e.catalog.List(ctx, c.f, kernel.PageRequest{First: first})
					if err != nil || p2.TotalCount != len(c.want) {
						t.Fatalf("first=%d: total %d, %v", first, p2.TotalCount, err)
					}
					if first == 1 && (p2.HasNextPage != (len(c.want) > 1)) {
						t.Fatalf("first=1: HasNextPage %v with %d results", p2.HasNextPage, len(c.want))
					}
				}
			})
		}

		t.Run("bad filters", func(t *testing.T) {
			_, err := e.catalog.List(ctx, catalog.Filter{VendorID: "vendor-a"}, kernel.PageRequest{First: 10})
			fieldErr(t, err, kernel.CodeInvalid, "filter", "vendorId")
			_, err = e.catalog.List(ctx, catalog.Filter{Query: strings.Repeat("q", 10000)}, kernel.PageRequest{First: 10})
			fieldErr(t, err, kernel.CodeTooLong, "filter", "query")
			_, err = e.catalog.List(ctx, catalog.Filter{Query: strings.Repeat("q", catalog.MaxQueryLen)}, kernel.PageRequest{First: 10})
			if err != nil {
				t.Fatalf("query of max length: %v", err)
			}
		})
	})
}
