// Package seed loads Livemarket's demo marketplace: vendors with products in
// several categories, influencers, shoppers and an admin. It goes through the
// domain services, so demo data obeys the same rules as real data, and it is
// idempotent: a second run finds the demo vendors and does nothing.
package seed

import (
	"context"
	"fmt"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/app"
)

// Password is every demo account's password.
const Password = "livemarket-demo"

// Credential is one demo login.
type Credential struct {
	Role, Email, Password string
}

type product struct {
	title, category, sku string
	price                int64
	stock                int
}

type vendorSpec struct {
	name, slug, description, ownerEmail, ownerName string
	products                                       []product
}

var vendors = []vendorSpec{
	{"Glow Beauty", "glow-beauty", "Clean cosmetics and skincare.", "owner@glow.example", "Gloria (Glow Beauty)", []product{
		{"Velvet Matte Lipstick - Ruby", "beauty", "GLOW-LIP-RUBY", 1900, 120},
		{"Hydrating Serum 30ml", "skincare", "GLOW-SER-30", 3400, 80},
		{"Mineral Sunscreen SPF 50", "skincare", "GLOW-SPF-50", 2200, 150},
		{"Volume Mascara", "beauty", "GLOW-MASC", 1600, 200},
		{"Rose Clay Face Mask", "skincare", "GLOW-MASK-ROSE", 2800, 60},
		{"Glow Palette (12 shades)", "beauty", "GLOW-PAL-12", 4500, 40},
	}},
	{"Volt Electronics", "volt-electronics", "Audio, chargers and gadgets.", "owner@volt.example", "Victor (Volt Electronics)", []product{
		{"Noise-Cancelling Headphones", "electronics", "VOLT-HP-NC1", 8900, 50},
		{"Wireless Earbuds Pro", "electronics", "VOLT-EB-PRO", 5900, 75},
		{"65W USB-C Charger", "accessories", "VOLT-CHG-65", 3500, 300},
		{"Portable Bluetooth Speaker", "electronics", "VOLT-SPK-MINI", 4200, 90},
		{"Smart Ring Light 10in", "accessories", "VOLT-RING-10", 2900, 110},
	}},
	{"Nest Home", "nest-home", "Kitchen and home goods for small spaces.", "owner@nest.example", "Nora (Nest Home)", []product{
		{"Cast Iron Skillet 10in", "kitchen", "NEST-SKL-10", 3900, 70},
		{"Ceramic Pour-Over Set", "kitchen", "NEST-POUR", 4800, 35},
		{"Linen Throw Blanket", "home", "NEST-THROW", 6500, 25},
		{"Soy Candle Trio", "home", "NEST-CNDL-3", 2400, 140},
		{"Bamboo Cutting Board", "kitchen", "NEST-BOARD", 1800, 95},
	}},
}

var influencers = []struct{ email, name, handle, bio string }{
	{"anna@creators.example", "Anna Lee", "anna", "Makeup artist. Live every Friday."},
	{"marco@creators.example", "Marco Rossi", "marco.tech", "Gadget reviews without the hype."},
	{"priya@creators.example", "Priya Shah", "priya_home", "Cozy homes on a budget."},
}

var shoppers = []struct{ email, name string }{
	{"sam@shoppers.example", "Sam Shopper"},
	{"kim@shoppers.example", "Kim Shopper"},
}

// AdminEmail is the demo administrator's login.
const AdminEmail = "admin@livemarket.local"

// Demo loads the demo data unless it is already there. It returns the demo
// logins and whether anything was created.
func Demo(ctx context.Context, a *app.App) ([]Credential, bool, error) {
	creds := []Credential{{"admin", AdminEmail, Password}}
	for _, v := range vendors {
		creds = append(creds, Credential{"vendor owner (" + v.name + ")", v.ownerEmail, Password})
	}
	for _, i := range influencers {
		creds = append(creds, Credential{"influencer @" + i.handle, i.email, Password})
	}
	for _, s := range shoppers {
		creds = append(creds, Credential{"shopper", s.email, Password})
	}

	existing, err := a.Vendors.BySlug(ctx, vendors[0].slug)
	if err != nil {
		return nil, false, fmt.Errorf("seed: %w", err)
	}
	if existing != nil {
		return creds, false, nil
	}
	if _, err := a.Accounts.EnsureAdmin(ctx, AdminEmail, Password, "Livemarket Admin"); err != nil {
		return nil, false, fmt.Errorf("seed: admin: %w", err)
	}
	for _, vs := range vendors {
		owner, err := signUp(ctx, a, vs.ownerEmail, vs.ownerName)
		if err != nil {
			return nil, false, err
		}
		vd, err := a.Vendors.Create(ctx, owner, vendor.CreateInput{Name: vs.name, Slug: vs.slug, Description: vs.description})
		if err != nil {
			return nil, false, fmt.Errorf("seed: vendor %s: %w", vs.slug, err)
		}
		for _, p := range vs.products {
			_, err := a.Catalog.Create(ctx, owner, catalog.CreateInput{
				VendorID: vd.ID, Title: p.title, Description: p.title + " from " + vs.name + ".", Category: p.category,
				Price: kernel.Money{AmountMinor: p.price, Currency: "USD"}, Stock: p.stock, SKU: p.sku,
				ImageURLs: []string{"https://images.example.com/" + p.sku + ".jpg"},
			})
			if err != nil {
				return nil, false, fmt.Errorf("seed: product %s: %w", p.sku, err)
			}
		}
	}
	for _, is := range influencers {
		u, err := signUp(ctx, a, is.email, is.name)
		if err != nil {
			return nil, false, err
		}
		if _, err := a.Influencers.CreateProfile(ctx, u, influencer.CreateInput{Handle: is.handle, DisplayName: is.name, Bio: is.bio}); err != nil {
			return nil, false, fmt.Errorf("seed: influencer %s: %w", is.handle, err)
		}
	}
	for _, s := range shoppers {
		if _, err := signUp(ctx, a, s.email, s.name); err != nil {
			return nil, false, err
		}
	}
	return creds, true, nil
}

func signUp(ctx context.Context, a *app.App, email, name string) (kernel.Viewer, error) {
	auth, err := a.Accounts.SignUp(ctx, account.SignUpInput{Email: email, Password: Password, DisplayName: name})
	if err != nil {
		return kernel.Viewer{}, fmt.Errorf("seed: user %s: %w", email, err)
	}
	return kernel.Viewer{UserID: auth.User.ID}, nil
}
