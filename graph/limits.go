package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/graph/generated"
	"github.com/livemarket/livemarket/graph/model"
)

// DepthLimit rejects operations nested deeper than Max before any resolver
// runs. Introspection fields (__schema, __type) are not counted, so GraphiQL
// keeps working.
type DepthLimit struct{ Max int }

var _ interface {
	graphql.OperationContextMutator
	graphql.HandlerExtension
} = DepthLimit{}

func (DepthLimit) ExtensionName() string                   { return "DepthLimit" }
func (DepthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d DepthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Doc.Operations.ForName(oc.OperationName)
	if op == nil || d.Max <= 0 {
		return nil
	}
	if depth := selectionDepth(op.SelectionSet, map[string]bool{}); depth > d.Max {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", depth, d.Max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

func selectionDepth(set ast.SelectionSet, seen map[string]bool) int {
	max := 0
	for _, sel := range set {
		d := 0
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = 1 + selectionDepth(s.SelectionSet, seen)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, seen)
		case *ast.FragmentSpread:
			if seen[s.Name] || s.Definition == nil {
				continue // cycles are rejected by validation anyway
			}
			seen[s.Name] = true
			d = selectionDepth(s.Definition.SelectionSet, seen)
			delete(seen, s.Name)
		}
		if d > max {
			max = d
		}
	}
	return max
}

// pageCost is the complexity of a connection field: its page size times the
// cost of one item's selection.
func pageCost(child int, first *int) int {
	n := kernel.DefaultPageSize
	if first != nil && *first >= 0 {
		n = *first
	}
	// Out-of-range sizes are refused by the resolver with a clear INVALID
	// error; for cost they count as the largest page.
	n = min(max(n, 1), kernel.MaxPageSize)
	return 1 + n*child
}

func setComplexity(c *generated.ComplexityRoot) {
	c.Query.Products = func(child int, _ *model.ProductFilter, first *int, _ *string) int { return pageCost(child, first) }
	c.Vendor.Products = func(child int, first *int, _ *string) int { return pageCost(child, first) }
	c.Query.Collaborations = func(child int, _ *model.CollaborationFilter, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.Showcase = func(child int, first *int, _ *string) int { return pageCost(child, first) }
	c.Query.Notifications = func(child int, _ *bool, first *int, _ *string) int { return pageCost(child, first) }
	c.Query.Shows = func(child int, _ *model.ShowFilter, first *int, _ *string) int { return pageCost(child, first) }
	c.Query.Orders = func(child int, _ *model.OrderFilter, first *int, _ *string) int { return pageCost(child, first) }
	c.Influencer.Shows = func(child int, _ *model.ShowFilter, first *int, _ *string) int { return pageCost(child, first) }
	c.Query.SearchShows = func(child int, _ string, _ *model.ShowSearchFilter, _ *model.ShowSearchSort, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Query.SearchProducts = func(child int, _ string, _ *model.ProductSearchFilter, _ *model.ProductSearchSort, first *int, _ *string) int {
		return pageCost(child, first)
	}
	c.Show.Chat = func(child int, first *int, _ *string) int { return pageCost(child, first) }
	c.Show.Questions = func(child int, _ *model.QuestionFilter, first *int, _ *string) int { return pageCost(child, first) }
	c.Query.Offers = func(child int, _ *model.OfferFilter, first *int, _ *string) int { return pageCost(child, first) }
	c.Query.Payouts = func(child int, first *int, _ *string) int { return pageCost(child, first) }
}
