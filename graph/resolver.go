// Package graph is Livemarket's GraphQL transport: thin resolvers that read the
// viewer, call a domain service, turn expected failures into UserErrors and
// convert results. No business rules live here.
package graph

import (
	"context"
	"errors"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/graph/generated"
	"github.com/livemarket/livemarket/graph/loaders"
	"github.com/livemarket/livemarket/graph/model"
)

// Resolver is the root resolver; it holds the domain services.
type Resolver struct {
	Accounts    *account.Service
	Vendors     *vendor.Service
	Influencers *influencer.Service
	Catalog     *catalog.Service
}

var (
	_ generated.ResolverRoot     = (*Resolver)(nil)
	_ generated.MutationResolver = (*mutationResolver)(nil)
	_ generated.QueryResolver    = (*queryResolver)(nil)
)

// payloadErrors splits a domain error into the UserErrors a payload carries
// and the error (if any) that must be top-level: unauthenticated calls and
// unexpected failures. A nil error gives an empty, non-nil list.
func payloadErrors(err error) ([]*model.UserError, error) {
	if err == nil {
		return []*model.UserError{}, nil
	}
	if errors.Is(err, kernel.ErrUnauthenticated) {
		return nil, err
	}
	fes, ok := kernel.AsFieldErrors(err)
	if !ok {
		return nil, err
	}
	out := make([]*model.UserError, len(fes))
	for i, fe := range fes {
		out[i] = &model.UserError{Code: model.ErrorCode(fe.Code), Field: fe.Field, Message: fe.Message}
	}
	return out, nil
}

// idArg validates an optional ID argument of a query: malformed ids are a
// typed INVALID error rather than a silent null.
func idArg(name, id string) error {
	if !kernel.ValidID(id) {
		return kernel.Fail(kernel.CodeInvalid, kernel.Field(name), "is not a valid id")
	}
	return nil
}

func pageArgs(first *int, after *string) (kernel.PageRequest, error) {
	return kernel.NewPageRequest(first, after)
}

// productConnection builds a page of products; when the query selects each
// product's vendor, the vendors of the whole page are fetched in one statement.
func productConnection(ctx context.Context, p *kernel.Page[*catalog.Product]) (*model.ProductConnection, error) {
	if loaders.Selects(ctx, loaders.Step{Field: "edges", On: "ProductConnection"}, loaders.Step{Field: "node", On: "ProductEdge"},
		loaders.Step{Field: "vendor", On: "Product"}) {
		ids := make([]string, len(p.Items))
		for i, it := range p.Items {
			ids[i] = it.VendorID
		}
		if err := loaders.For(ctx).VendorByID.PrimeAll(ctx, ids); err != nil {
			return nil, err
		}
	}
	c := &model.ProductConnection{Edges: make([]*model.ProductEdge, len(p.Items)), PageInfo: &model.PageInfo{HasNextPage: p.HasNextPage}, TotalCount: p.TotalCount}
	for i, it := range p.Items {
		c.Edges[i] = &model.ProductEdge{Cursor: kernel.EncodeCursor(it.ID), Node: it}
	}
	if n := len(p.Items); n > 0 {
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c, nil
}

func influencerID(i *influencer.Influencer) string { return i.ID }
func userID(u *account.User) string                { return u.ID }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
