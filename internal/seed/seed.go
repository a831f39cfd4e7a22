// Package seed loads Livemarket's demo marketplace: vendors with products in
// several categories, influencers, shoppers and an admin. It goes through the
// domain services, so demo data obeys the same rules as real data, and it is
// idempotent: a second run finds the demo vendors and does nothing.
package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/show"
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
	offerBps             int // an open offer at this commission, when > 0
}

type vendorSpec struct {
	name, slug, description, ownerEmail, ownerName string
	products                                       []product
}

var vendors = []vendorSpec{
	{"Glow Beauty", "glow-beauty", "Clean cosmetics and skincare.", "owner@glow.example", "Gloria (Glow Beauty)", []product{
		{"Velvet Matte Lipstick - Ruby", "beauty", "GLOW-LIP-RUBY", 1900, 120, 1500},
		{"Hydrating Serum 30ml", "skincare", "GLOW-SER-30", 3400, 80, 1200},
		{"Mineral Sunscreen SPF 50", "skincare", "GLOW-SPF-50", 2200, 150, 0},
		{"Volume Mascara", "beauty", "GLOW-MASC", 1600, 200, 0},
		{"Rose Clay Face Mask", "skincare", "GLOW-MASK-ROSE", 2800, 60, 0},
		{"Glow Palette (12 shades)", "beauty", "GLOW-PAL-12", 4500, 40, 2000},
	}},
	{"Volt Electronics", "volt-electronics", "Audio, chargers and gadgets.", "owner@volt.example", "Victor (Volt Electronics)", []product{
		{"Noise-Cancelling Headphones", "electronics", "VOLT-HP-NC1", 8900, 50, 800},
		{"Wireless Earbuds Pro", "electronics", "VOLT-EB-PRO", 5900, 75, 1000},
		{"65W USB-C Charger", "accessories", "VOLT-CHG-65", 3500, 300, 0},
		{"Portable Bluetooth Speaker", "electronics", "VOLT-SPK-MINI", 4200, 90, 0},
		{"Smart Ring Light 10in", "accessories", "VOLT-RING-10", 2900, 110, 0},
	}},
	{"Nest Home", "nest-home", "Kitchen and home goods for small spaces.", "owner@nest.example", "Nora (Nest Home)", []product{
		{"Cast Iron Skillet 10in", "kitchen", "NEST-SKL-10", 3900, 70, 1200},
		{"Ceramic Pour-Over Set", "kitchen", "NEST-POUR", 4800, 35, 0},
		{"Linen Throw Blanket", "home", "NEST-THROW", 6500, 25, 1500},
		{"Soy Candle Trio", "home", "NEST-CNDL-3", 2400, 140, 0},
		{"Bamboo Cutting Board", "kitchen", "NEST-BOARD", 1800, 95, 0},
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
	products := map[string]string{} // sku → id
	offers := map[string]string{}   // sku → offer id
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
			created, err := a.Catalog.Create(ctx, owner, catalog.CreateInput{
				VendorID: vd.ID, Title: p.title, Description: p.title + " from " + vs.name + ".", Category: p.category,
				Price: kernel.Money{AmountMinor: p.price, Currency: "USD"}, Stock: p.stock, SKU: p.sku,
				ImageURLs: []string{"https://images.example.com/" + p.sku + ".jpg"},
			})
			if err != nil {
				return nil, false, fmt.Errorf("seed: product %s: %w", p.sku, err)
			}
			products[p.sku] = created.ID
			if p.offerBps > 0 {
				o, err := a.Collab.PublishOffer(ctx, owner, collab.PublishInput{ProductID: created.ID, CommissionBps: p.offerBps})
				if err != nil {
					return nil, false, fmt.Errorf("seed: offer on %s: %w", p.sku, err)
				}
				offers[p.sku] = o.ID
			}
		}
	}
	hosts := map[string]kernel.Viewer{}
	for _, is := range influencers {
		u, err := signUp(ctx, a, is.email, is.name)
		if err != nil {
			return nil, false, err
		}
		if _, err := a.Influencers.CreateProfile(ctx, u, influencer.CreateInput{Handle: is.handle, DisplayName: is.name, Bio: is.bio}); err != nil {
			return nil, false, fmt.Errorf("seed: influencer %s: %w", is.handle, err)
		}
		hosts[is.handle] = u
	}
	// Collaborations: bookings of open offers from several vendors, and a
	// request waiting for the vendor's answer.
	for _, b := range []struct{ handle, sku string }{
		{"anna", "GLOW-LIP-RUBY"}, {"anna", "GLOW-PAL-12"}, {"anna", "NEST-THROW"},
		{"marco.tech", "VOLT-EB-PRO"}, {"priya_home", "NEST-SKL-10"},
	} {
		if _, err := a.Collab.Book(ctx, hosts[b.handle], collab.BookInput{OfferID: offers[b.sku]}); err != nil {
			return nil, false, fmt.Errorf("seed: booking %s by %s: %w", b.sku, b.handle, err)
		}
	}
	now := a.Collab.Now()
	if _, err := a.Collab.Request(ctx, hosts["marco.tech"], collab.RequestInput{ProductID: products["VOLT-HP-NC1"], CommissionBps: 1200,
		StartsAt: now, EndsAt: now.Add(60 * 24 * time.Hour), Message: "Headphones deep-dive next week?"}); err != nil {
		return nil, false, fmt.Errorf("seed: request: %w", err)
	}
	// Shows: @anna's featuring two vendors tomorrow, @priya_home's in two
	// days, and a draft.
	day := now.Truncate(time.Hour).Add(24 * time.Hour)
	for _, sh := range []struct {
		handle, title, category string
		start                   time.Time
		skus                    []string
		publish                 bool
	}{
		{"anna", "Friday Glow-Up: lips, palettes and a cosy throw", "beauty", day.Add(2 * time.Hour), []string{"GLOW-LIP-RUBY", "GLOW-PAL-12", "NEST-THROW"}, true},
		{"priya_home", "Cast iron 101", "kitchen", day.Add(26 * time.Hour), []string{"NEST-SKL-10"}, true},
		{"anna", "Palette deep-dive (draft)", "beauty", day.Add(74 * time.Hour), []string{"GLOW-PAL-12"}, false},
	} {
		ids := make([]string, len(sh.skus))
		for i, sku := range sh.skus {
			ids[i] = products[sku]
		}
		created, err := a.Shows.Create(ctx, hosts[sh.handle], show.CreateInput{
			Details:        show.Details{Title: sh.title, Description: "Live demos and Q&A.", Category: sh.category},
			ScheduledStart: sh.start, ScheduledEnd: sh.start.Add(time.Hour), ProductIDs: ids,
		})
		if err != nil {
			return nil, false, fmt.Errorf("seed: show %q: %w", sh.title, err)
		}
		if sh.publish {
			if _, err := a.Shows.Publish(ctx, hosts[sh.handle], created.ID); err != nil {
				return nil, false, fmt.Errorf("seed: publish %q: %w", sh.title, err)
			}
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
