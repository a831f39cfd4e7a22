// Package graph is Livemarket's GraphQL transport: thin resolvers that read the
// viewer, call a domain service, turn expected failures into UserErrors and
// convert results. No business rules live here.
package graph

import (
	"context"
	"sort"

	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/live"
	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/payout"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/graph/generated"
	"github.com/livemarket/livemarket/graph/loaders"
	"github.com/livemarket/livemarket/graph/model"
)

// Resolver is the root resolver; it holds the domain services.
type Resolver struct {
	Accounts     *account.Service
	Vendors      *vendor.Service
	Influencers  *influencer.Service
	Catalog      *catalog.Service
	Collab       *collab.Service
	Notify       *notify.Service
	ShowsService *show.Service
	Discovery    *discovery.Service
	Live         *live.Service
	Sales        *order.Sales
	Orders       *order.Service
	Payouts      *payout.Service
	// DB serves the few reads the transport does itself (hydrating search hits).
	DB bun.IDB
}

// facets turns engine facet counts into the API's facets, most frequent
// first; vendor values are labelled with the vendor's name.
func (r *Resolver) facets(ctx context.Context, counts map[string]map[string]int) ([]*model.Facet, error) {
	var vendorIDs []string
	for id := range counts[discovery.FacetVendor] {
		vendorIDs = append(vendorIDs, id)
	}
	vendors, err := vendor.ByIDs(ctx, r.DB, vendorIDs)
	if err != nil {
		return nil, err
	}
	out := []*model.Facet{}
	for _, name := range []string{discovery.FacetCategory, discovery.FacetVendor} {
		f := &model.Facet{Name: name, Values: []*model.FacetValue{}}
		for value, n := range counts[name] {
			label := value
			if name == discovery.FacetVendor {
				if v := vendors[value]; v != nil {
					label = v.Name
				}
			}
			f.Values = append(f.Values, &model.FacetValue{Value: value, Label: label, Count: n})
		}
		sort.Slice(f.Values, func(i, j int) bool {
			a, b := f.Values[i], f.Values[j]
			return a.Count > b.Count || (a.Count == b.Count && a.Value < b.Value)
		})
		out = append(out, f)
	}
	return out, nil
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

// pageArgs validates a connection field's first/after, and asks the domain
// for the total count only when the query selects totalCount on it.
func pageArgs(ctx context.Context, first *int, after *string) (kernel.PageRequest, error) {
	p, err := kernel.NewPageRequest(first, after)
	p.SkipCount = !selects(ctx, "totalCount")
	return p, err
}

// selects reports whether the query selects name on the field being
// resolved (through fragments too); true when it cannot tell.
func selects(ctx context.Context, name string) bool {
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return true
	}
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == name {
			return true
		}
	}
	return false
}

// edges builds a connection's edges and page info from a page of items.
func edges[T any, E any](p *kernel.Page[T], id func(T) string, edge func(cursor string, node T) E) ([]E, *model.PageInfo) {
	out := make([]E, len(p.Items))
	info := &model.PageInfo{HasNextPage: p.HasNextPage}
	for i, it := range p.Items {
		cur := kernel.EncodeCursor(id(it))
		out[i] = edge(cur, it)
		if i == len(p.Items)-1 {
			info.EndCursor = &cur
		}
	}
	return out, info
}

// primeSelected loads, in one statement, the values a page's nodes will ask
// for through field (on the node type) when the query selects it, so the
// statement count does not depend on goroutine scheduling.
func primeSelected[T any, V any](ctx context.Context, l *loaders.Loader[V], items []T, key func(T) string, connType, edgeType string, field loaders.Step) error {
	if len(items) == 0 || !loaders.Selects(ctx, loaders.Step{Field: "edges", On: connType}, loaders.Step{Field: "node", On: edgeType}, field) {
		return nil
	}
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = key(it)
	}
	return l.PrimeAll(ctx, keys)
}

// productConnection builds a page of products, with their vendors primed
// when selected.
func productConnection(ctx context.Context, p *kernel.Page[*catalog.Product]) (*model.ProductConnection, error) {
	if err := primeSelected(ctx, loaders.For(ctx).VendorByID, p.Items, func(p *catalog.Product) string { return p.VendorID },
		"ProductConnection", "ProductEdge", loaders.Step{Field: "vendor", On: "Product"}); err != nil {
		return nil, err
	}
	c := &model.ProductConnection{TotalCount: p.TotalCount}
	c.Edges, c.PageInfo = edges(p, func(p *catalog.Product) string { return p.ID },
		func(cur string, n *catalog.Product) *model.ProductEdge {
			return &model.ProductEdge{Cursor: cur, Node: n}
		})
	return c, nil
}

// collaborationConnection builds a page of collaborations, with their
// products, vendors and influencers primed when selected.
func collaborationConnection(ctx context.Context, p *kernel.Page[*collab.Collaboration]) (*model.CollaborationConnection, error) {
	l := loaders.For(ctx)
	const conn, edge = "CollaborationConnection", "CollaborationEdge"
	for _, err := range []error{
		primeSelected(ctx, l.ProductByID, p.Items, func(c *collab.Collaboration) string { return c.ProductID }, conn, edge, loaders.Step{Field: "product", On: "Collaboration"}),
		primeSelected(ctx, l.VendorByID, p.Items, func(c *collab.Collaboration) string { return c.VendorID }, conn, edge, loaders.Step{Field: "vendor", On: "Collaboration"}),
		primeSelected(ctx, l.InfluencerByID, p.Items, func(c *collab.Collaboration) string { return c.InfluencerID }, conn, edge, loaders.Step{Field: "influencer", On: "Collaboration"}),
	} {
		if err != nil {
			return nil, err
		}
	}
	c := &model.CollaborationConnection{TotalCount: p.TotalCount}
	c.Edges, c.PageInfo = edges(p, func(c *collab.Collaboration) string { return c.ID },
		func(cur string, n *collab.Collaboration) *model.CollaborationEdge {
			return &model.CollaborationEdge{Cursor: cur, Node: n}
		})
	return c, nil
}

// showConnection lists shows; hostID (when not empty) scopes them to one
// influencer, overriding the filter's influencerId.
func (r *Resolver) showConnection(ctx context.Context, filter *model.ShowFilter, hostID string, first *int, after *string) (*model.ShowConnection, error) {
	page, err := pageArgs(ctx, first, after)
	if err != nil {
		return nil, err
	}
	var f show.Filter
	if filter != nil {
		f = show.Filter{From: filter.From, To: filter.To, InfluencerID: deref(filter.InfluencerID), VendorID: deref(filter.VendorID), Category: deref(filter.Category)}
		for _, st := range filter.Status {
			f.Statuses = append(f.Statuses, string(st))
		}
	}
	if hostID != "" {
		f.InfluencerID = hostID
	}
	p, err := r.ShowsService.List(ctx, kernel.ViewerFrom(ctx), f, page)
	if err != nil {
		return nil, err
	}
	l := loaders.For(ctx)
	const conn, edge = "ShowConnection", "ShowEdge"
	if err := primeSelected(ctx, l.InfluencerByID, p.Items, func(s *show.Show) string { return s.HostID }, conn, edge, loaders.Step{Field: "host", On: "Show"}); err != nil {
		return nil, err
	}
	if err := primeSelected(ctx, l.FeaturedByShow, p.Items, func(s *show.Show) string { return s.ID }, conn, edge, loaders.Step{Field: "featuredProducts", On: "Show"}); err != nil {
		return nil, err
	}
	c := &model.ShowConnection{TotalCount: p.TotalCount}
	c.Edges, c.PageInfo = edges(p, func(s *show.Show) string { return s.ID },
		func(cur string, n *show.Show) *model.ShowEdge { return &model.ShowEdge{Cursor: cur, Node: n} })
	return c, nil
}

// isParty reports whether the viewer may read c's negotiation details.
func (r *Resolver) isParty(ctx context.Context, c *collab.Collaboration) (bool, error) {
	v := kernel.ViewerFrom(ctx)
	if !v.SignedIn() {
		return false, nil
	}
	l := loaders.For(ctx)
	inf, err := l.InfluencerByID.Load(ctx, c.InfluencerID)
	if err != nil {
		return false, err
	}
	staff, err := l.StaffByVendorID.Load(ctx, c.VendorID)
	if err != nil {
		return false, err
	}
	staffIDs := make([]string, len(staff))
	for i, st := range staff {
		staffIDs[i] = st.UserID
	}
	infUser := ""
	if inf != nil {
		infUser = inf.UserID
	}
	return collab.IsParty(v, infUser, staffIDs), nil
}

// showEvent converts a recorded event to its GraphQL type; it is complete
// already, so delivering it runs no query.
func showEvent(ev *showevents.Event) model.ShowEvent {
	switch ev.Kind {
	case showevents.StatusChanged:
		return &model.ShowStatusChanged{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, Status: model.ShowStatus(ev.Status)}
	case showevents.ProductPinned:
		return &model.ProductPinned{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, Product: ev.Product}
	case showevents.ProductUnpinned:
		return &model.ProductUnpinned{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID}
	case showevents.ChatMessagePosted:
		return &model.ChatMessagePosted{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, Message: ev.Message}
	case showevents.ChatMessageRemoved:
		return &model.ChatMessageRemoved{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, MessageID: ev.MessageID}
	case showevents.QuestionAsked:
		return &model.QuestionAsked{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, Question: ev.Question}
	case showevents.QuestionAnswered:
		return &model.QuestionAnswered{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, Question: ev.Question}
	case showevents.ViewerCountChanged:
		n := 0
		if ev.Count != nil {
			n = *ev.Count
		}
		return &model.ViewerCountChanged{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, Count: n}
	case showevents.StockChanged:
		return &model.StockChanged{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, ProductID: ev.ProductID, Stock: derefInt(ev.Stock)}
	case showevents.PurchaseMade:
		return &model.PurchaseMade{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, ProductID: ev.ProductID, Quantity: derefInt(ev.Quantity)}
	case showevents.FlashSaleStarted:
		return &model.FlashSaleStarted{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, FlashSale: ev.FlashSale}
	case showevents.FlashSaleEnded:
		return &model.FlashSaleEnded{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID, ProductID: ev.ProductID}
	}
	return &model.ProductUnpinned{Seq: ev.Seq, At: ev.At, ShowID: ev.ShowID} // unknown kinds: never recorded
}

func derefInt(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
