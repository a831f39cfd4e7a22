package catalog_test

import (
	"context"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/testkit"
)

func TestZZProbe(t *testing.T) {
	ctx := context.Background()
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		clock := kernel.NewManualClock(testkit.Epoch)
		acc := account.NewService(db, clock, account.Options{Hash: testkit.FastHash})
		vs := vendor.NewService(db, clock, acc)
		cs := catalog.NewService(db, clock, vs)
		a, _ := acc.SignUp(ctx, account.SignUpInput{Email: "a@example.com", Password: "12345678", DisplayName: "A"})
		v := kernel.Viewer{UserID: a.User.ID}
		vd, err := vs.Create(ctx, v, vendor.CreateInput{Name: "A", Slug: "aa"})
		if err != nil { t.Fatal(err) }
		in := catalog.CreateInput{VendorID: vd.ID, Title: "École Shoe", Category: "Shoes", Price: kernel.Money{AmountMinor: 100, Currency: "USD"}, Stock: 1, SKU: "S1"}
		p, err := cs.Create(ctx, v, in)
		t.Logf("create: %v %v", p != nil, err)
		page, err := cs.List(ctx, catalog.Filter{Query: "école"}, kernel.PageRequest{First: 10})
		t.Logf("école: %v %v", page.TotalCount, err)
		page, err = cs.List(ctx, catalog.Filter{Query: "ÉCOLE"}, kernel.PageRequest{First: 10})
		t.Logf("ÉCOLE: %v %v", page.TotalCount, err)
		page, err = cs.List(ctx, catalog.Filter{Query: "a\x00"}, kernel.PageRequest{First: 10})
		t.Logf("NUL query: %v", err)
		in.SKU = "S2"; in.Title = "bad\x00title"
		_, err = cs.Create(ctx, v, in)
		t.Logf("NUL title: %v", err)
		admin := kernel.Viewer{UserID: a.User.ID, IsAdmin: true}
		in.SKU = "S3"; in.Title = "ok"; in.VendorID = kernel.NewID()
		_, err = cs.Create(ctx, admin, in)
		fes, ok := kernel.AsFieldErrors(err)
		t.Logf("admin missing vendor: %v %v %v", err, fes, ok)
		_, err = cs.AdjustStock(ctx, v, p.ID, -1)
		t.Logf("adjust: %v", err)
		p2, err := cs.Archive(ctx, v, p.ID)
		t.Logf("archive: %v", err)
		p3, err := cs.AdjustStock(ctx, v, p2.ID, 5)
		t.Logf("adjust archived: %+v %v", p3, err)
		u := "https://x.example/a.png"
		_ = u
	})
}
