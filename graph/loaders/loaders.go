// Package loaders holds the per-operation dataloaders that batch the lookups
// nested GraphQL fields make, so a list costs a constant number of SQL
// statements whatever its length. A fresh set is made for every HTTP request.
package loaders

import (
	"context"
	"net/http"
	"time"

	"github.com/uptrace/bun"
	"github.com/vikstrous/dataloadgen"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
)

// Loaders batches lookups for one operation.
type Loaders struct {
	UserByID           *dataloadgen.Loader[string, *account.User]
	VendorByID         *dataloadgen.Loader[string, *vendor.Vendor]
	VendorsByUserID    *dataloadgen.Loader[string, []*vendor.Vendor]
	ProductByID        *dataloadgen.Loader[string, *catalog.Product]
	InfluencerByID     *dataloadgen.Loader[string, *influencer.Influencer]
	InfluencerByUserID *dataloadgen.Loader[string, *influencer.Influencer]
	FollowerCount      *dataloadgen.Loader[string, int]
	ViewerFollows      *dataloadgen.Loader[string, bool]
}

// wait is how long a loader collects keys before it fetches.
const wait = time.Millisecond

// New makes the loaders for one operation by viewer.
func New(db bun.IDB, viewer kernel.Viewer) *Loaders {
	return &Loaders{
		UserByID:           mapped(db, account.UsersByIDs),
		VendorByID:         mapped(db, vendor.ByIDs),
		VendorsByUserID:    mapped(db, vendor.OfUsers),
		ProductByID:        mapped(db, catalog.ByIDs),
		InfluencerByID:     mapped(db, influencer.ByIDs),
		InfluencerByUserID: mapped(db, influencer.ByUserIDs),
		FollowerCount:      mapped(db, influencer.FollowerCounts),
		ViewerFollows: mapped(db, func(ctx context.Context, db bun.IDB, ids []string) (map[string]bool, error) {
			return influencer.FollowedBy(ctx, db, viewer.UserID, ids)
		}),
	}
}

// mapped adapts a batch store function to a loader. Keys the store does not
// return resolve to the zero value (nil, 0, false) rather than an error:
// "absent" is an answer, not a failure.
func mapped[V any](db bun.IDB, fetch func(context.Context, bun.IDB, []string) (map[string]V, error)) *dataloadgen.Loader[string, V] {
	return dataloadgen.NewMappedLoader(func(ctx context.Context, keys []string) (map[string]V, error) {
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
	}, dataloadgen.WithWait(wait))
}

type ctxKey struct{}

// With stores l in ctx.
func With(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, ctxKey{}, l)
}

// For returns the loaders stored in ctx.
func For(ctx context.Context) *Loaders {
	l, _ := ctx.Value(ctxKey{}).(*Loaders)
	if l == nil {
		panic("loaders: no loaders in context; wrap the handler with loaders.Middleware")
	}
	return l
}

// Middleware gives every request its own loaders; it must run after
// authentication so the viewer is known.
func Middleware(db bun.IDB, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		next.ServeHTTP(w, r.WithContext(With(ctx, New(db, kernel.ViewerFrom(ctx)))))
	})
}
