// Package loaders holds the per-operation dataloaders that batch the lookups
// nested GraphQL fields make, so a list costs a constant number of SQL
// statements whatever its length. A fresh set is made for every operation.
//
// Two paths share one cache per loader:
//   - Load (dataloadgen): independent fields that each want one key are
//     collected over a short window and fetched together.
//   - Prime: a resolver that returns a page of items and sees that the query
//     selects a nested field of them fetches that field for the whole page
//     in one statement up front. Statement counts then do not depend on
//     goroutine scheduling, which a time window alone cannot promise on a
//     busy machine.
package loaders

import (
	"context"
	"sync"
	"time"

	"github.com/uptrace/bun"
	"github.com/vikstrous/dataloadgen"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/vendor"
)

// Loaders batches lookups for one operation.
type Loaders struct {
	UserByID           *Loader[*account.User]
	VendorByID         *Loader[*vendor.Vendor]
	VendorsByUserID    *Loader[[]*vendor.Vendor]
	StaffByVendorID    *Loader[[]*vendor.Staff]
	ProductByID        *Loader[*catalog.Product]
	InfluencerByID     *Loader[*influencer.Influencer]
	InfluencerByUserID *Loader[*influencer.Influencer]
	FollowerCount      *Loader[int]
	ViewerFollows      *Loader[bool]
	OpenOfferByProduct *Loader[*collab.Offer]
	CollaborationByID  *Loader[*collab.Collaboration]
	FeaturedByShow     *Loader[[]*show.Featured]
	ShowByID           *Loader[*show.Show]
	ReminderCount      *Loader[int]
	ViewerReminded     *Loader[bool]
	// FlashSalesByShow holds the flash sales running at the operation's
	// time in a show, by product.
	FlashSalesByShow *Loader[map[string]*showevents.FlashSale]

	// authenticated holds the users this request has just proven to be
	// (signUp, signIn): the request began as a guest's, but its answer may
	// show that user their own private fields.
	authenticated sync.Map
}

// MarkAuthenticated records that the request has proven to be userID.
func (l *Loaders) MarkAuthenticated(userID string) { l.authenticated.Store(userID, true) }

// ViewerFor returns the viewer to authorize fields of userID with: the
// request's viewer, or userID itself when the request has just signed in as it.
func (l *Loaders) ViewerFor(ctx context.Context, userID string) kernel.Viewer {
	v := kernel.ViewerFrom(ctx)
	if _, ok := l.authenticated.Load(userID); ok && !v.SignedIn() {
		return kernel.Viewer{UserID: userID}
	}
	return v
}

// wait is how long a loader collects keys before it fetches.
const wait = time.Millisecond

// New makes the loaders for one operation by viewer; now is the operation's
// time for anything that depends on it (open offers).
func New(db bun.IDB, viewer kernel.Viewer, now time.Time) *Loaders {
	return &Loaders{
		UserByID:           mapped(db, account.UsersByIDs),
		VendorByID:         mapped(db, vendor.ByIDs),
		VendorsByUserID:    mapped(db, vendor.OfUsers),
		StaffByVendorID:    mapped(db, vendor.StaffOf),
		ProductByID:        mapped(db, catalog.ByIDs),
		InfluencerByID:     mapped(db, influencer.ByIDs),
		InfluencerByUserID: mapped(db, influencer.ByUserIDs),
		FollowerCount:      mapped(db, influencer.FollowerCounts),
		ViewerFollows: mapped(db, func(ctx context.Context, db bun.IDB, ids []string) (map[string]bool, error) {
			return influencer.FollowedBy(ctx, db, viewer.UserID, ids)
		}),
		OpenOfferByProduct: mapped(db, func(ctx context.Context, db bun.IDB, ids []string) (map[string]*collab.Offer, error) {
			return collab.OpenOffers(ctx, db, now, ids)
		}),
		CollaborationByID: mapped(db, collab.ByIDs),
		FeaturedByShow:    mapped(db, show.FeaturedOf),
		ShowByID:          mapped(db, show.ByIDs),
		ReminderCount:     mapped(db, show.ReminderCounts),
		ViewerReminded: mapped(db, func(ctx context.Context, db bun.IDB, ids []string) (map[string]bool, error) {
			return show.RemindedBy(ctx, db, viewer.UserID, ids)
		}),
		FlashSalesByShow: mapped(db, func(ctx context.Context, db bun.IDB, ids []string) (map[string]map[string]*showevents.FlashSale, error) {
			return order.FlashSales(ctx, db, now, ids)
		}),
	}
}

// Loader loads values of one kind by string key for one operation. Its
// dataloader is made on first use: an operation sets up every kind, and
// most use one or two (a checkout none).
type Loader[V any] struct {
	fetch func(context.Context, []string) (map[string]V, error)
	once  sync.Once
	dl    *dataloadgen.Loader[string, V]
}

func (l *Loader[V]) loader() *dataloadgen.Loader[string, V] {
	l.once.Do(func() { l.dl = dataloadgen.NewMappedLoader(l.fetch, dataloadgen.WithWait(wait)) })
	return l.dl
}

// Load returns the value of key, fetched in a batch with the keys loaded
// at the same time.
func (l *Loader[V]) Load(ctx context.Context, key string) (V, error) {
	return l.loader().Load(ctx, key)
}

// LoadAll returns the values of keys, in order.
func (l *Loader[V]) LoadAll(ctx context.Context, keys []string) ([]V, error) {
	return l.loader().LoadAll(ctx, keys)
}

// Prime caches value for key unless key is cached already.
func (l *Loader[V]) Prime(key string, value V) bool { return l.loader().Prime(key, value) }

// mapped adapts a batch store function to a loader. Keys the store does not
// return resolve to the zero value (nil, 0, false) rather than an error:
// "absent" is an answer, not a failure.
func mapped[V any](db bun.IDB, fetch func(context.Context, bun.IDB, []string) (map[string]V, error)) *Loader[V] {
	f := func(ctx context.Context, keys []string) (map[string]V, error) {
		m, err := fetch(ctx, db, keys)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				var zero V
				m[k] = zero
			}
		}
		return m, nil
	}
	return &Loader[V]{fetch: f}
}

// PrimeAll fetches the distinct keys in one statement and caches the values
// for the rest of the operation, so later Loads of them cost nothing.
func (l *Loader[V]) PrimeAll(ctx context.Context, keys []string) error {
	uniq := make([]string, 0, len(keys))
	seen := make(map[string]bool, len(keys))
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			uniq = append(uniq, k)
		}
	}
	if len(uniq) == 0 {
		return nil
	}
	m, err := l.fetch(ctx, uniq)
	if err != nil {
		return err
	}
	for k, v := range m {
		l.Prime(k, v)
	}
	return nil
}

// selectsAny reports whether the current field's selection reaches
// prefix followed by any of paths.
func selectsAny(ctx context.Context, prefix []Step, paths ...[]Step) bool {
	for _, p := range paths {
		full := make([]Step, 0, len(prefix)+len(p))
		if Selects(ctx, append(append(full, prefix...), p...)...) {
			return true
		}
	}
	return false
}

// below returns each of heads followed by tail.
func below(heads [][]Step, tail ...Step) [][]Step {
	out := make([][]Step, len(heads))
	for i, h := range heads {
		out[i] = append(append(make([]Step, 0, len(h)+len(tail)), h...), tail...)
	}
	return out
}

// PrimeCart fetches, one statement per kind, what the selection below
// prefix (the path from the current field to the Cart) asks of c's lines:
// their products (for product, vendor, prices and subtotals), the
// products' vendors and the lines' shows.
func (l *Loaders) PrimeCart(ctx context.Context, c *order.Cart, prefix ...Step) error {
	if c == nil || len(c.Lines) == 0 {
		return nil
	}
	lines := [][]Step{{{"lines", "Cart"}}}
	wantVendors := selectsAny(ctx, prefix, append(below(lines, Step{"vendor", "CartLine"}),
		below(lines, Step{"product", "CartLine"}, Step{"vendor", "Product"})...)...)
	wantProducts := wantVendors || selectsAny(ctx, prefix, append([][]Step{{{"subtotals", "Cart"}}},
		append(below(lines, Step{"product", "CartLine"}), append(below(lines, Step{"unitPrice", "CartLine"}),
			below(lines, Step{"total", "CartLine"})...)...)...)...)
	var productIDs, showIDs []string
	for _, cl := range c.Lines {
		productIDs = append(productIDs, cl.ProductID)
		if cl.ShowID != nil {
			showIDs = append(showIDs, *cl.ShowID)
		}
	}
	if wantProducts {
		if err := l.ProductByID.PrimeAll(ctx, productIDs); err != nil {
			return err
		}
	}
	if wantVendors {
		ps, err := l.ProductByID.LoadAll(ctx, productIDs) // primed: no statement
		if err != nil {
			return err
		}
		var vendorIDs []string
		for _, p := range ps {
			if p != nil {
				vendorIDs = append(vendorIDs, p.VendorID)
			}
		}
		if err := l.VendorByID.PrimeAll(ctx, vendorIDs); err != nil {
			return err
		}
	}
	if len(showIDs) > 0 && selectsAny(ctx, prefix, below(lines, Step{"show", "CartLine"})...) {
		return l.ShowByID.PrimeAll(ctx, showIDs)
	}
	return nil
}

// PrimeOrders fetches, one statement per kind, what the selection below
// prefix (the path from the current field to each Order) asks of views:
// the lines' products and vendors (through lines or vendorOrders) and the
// attributed shows and influencers. A page of orders then costs the same
// statements whatever its length.
func (l *Loaders) PrimeOrders(ctx context.Context, views []*order.View, prefix ...Step) error {
	if len(views) == 0 {
		return nil
	}
	lines := [][]Step{{{"lines", "Order"}}, {{"vendorOrders", "Order"}, {"lines", "VendorOrder"}}}
	wantProducts := selectsAny(ctx, prefix, below(lines, Step{"product", "OrderLine"})...)
	wantVendors := selectsAny(ctx, prefix, append(append(below(lines, Step{"vendor", "OrderLine"}),
		below(lines, Step{"product", "OrderLine"}, Step{"vendor", "Product"})...),
		[]Step{{"vendorOrders", "Order"}, {"vendor", "VendorOrder"}})...)
	wantShows := selectsAny(ctx, prefix, []Step{{"show", "Order"}})
	wantInfluencers := selectsAny(ctx, prefix, []Step{{"influencer", "Order"}})
	var productIDs, vendorIDs, showIDs, influencerIDs []string
	for _, v := range views {
		for _, vo := range v.VendorOrders {
			vendorIDs = append(vendorIDs, vo.VendorID)
		}
		for _, ln := range v.Lines {
			productIDs = append(productIDs, ln.ProductID)
			vendorIDs = append(vendorIDs, ln.VendorID)
			if ln.ShowID != nil {
				showIDs = append(showIDs, *ln.ShowID)
			}
			if ln.InfluencerID != nil {
				influencerIDs = append(influencerIDs, *ln.InfluencerID)
			}
		}
	}
	for _, p := range []struct {
		want bool
		keys []string
		l    interface {
			PrimeAll(context.Context, []string) error
		}
	}{
		{wantProducts, productIDs, l.ProductByID},
		{wantVendors, vendorIDs, l.VendorByID},
		{wantShows, showIDs, l.ShowByID},
		{wantInfluencers, influencerIDs, l.InfluencerByID},
	} {
		if p.want {
			if err := p.l.PrimeAll(ctx, p.keys); err != nil {
				return err
			}
		}
	}
	return nil
}

type ctxKey struct{}

// lazy makes an operation's loaders when a resolver first asks for them:
// many operations (a checkout, a sign-in) never do.
type lazy struct {
	once sync.Once
	make func() *Loaders
	l    *Loaders
}

// With stores in ctx the loaders of one operation, made by New(db, viewer,
// now) on first use.
func With(ctx context.Context, db bun.IDB, viewer kernel.Viewer, now time.Time) context.Context {
	return context.WithValue(ctx, ctxKey{}, &lazy{make: func() *Loaders { return New(db, viewer, now) }})
}

// For returns the loaders stored in ctx.
func For(ctx context.Context) *Loaders {
	lz, _ := ctx.Value(ctxKey{}).(*lazy)
	if lz == nil {
		panic("loaders: no loaders in context; store them with loaders.With")
	}
	lz.once.Do(func() { lz.l = lz.make() })
	return lz.l
}
