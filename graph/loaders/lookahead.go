package loaders

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// Step is one level of a selection path: a field name and the GraphQL type
// that holds it (needed to expand fragments on that type).
type Step struct {
	Field, On string
}

// Selects reports whether the current field's selection reaches path, through
// fragments too: Selects(ctx, {"edges","ProductConnection"}, {"node","ProductEdge"}, {"vendor","Product"}).
func Selects(ctx context.Context, path ...Step) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return false
	}
	oc := graphql.GetOperationContext(ctx)
	sel := fc.Field.Selections
	for _, st := range path {
		found := false
		for _, f := range graphql.CollectFields(oc, sel, []string{st.On}) {
			if f.Name == st.Field {
				sel, found = f.Selections, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
