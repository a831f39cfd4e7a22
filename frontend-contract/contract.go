// Package contract holds Livemarket's GraphQL contract with its front ends:
// the schema as clients see it (schema.graphql, printed from the executable
// schema) and the named operations the storefront, the vendor dashboard and
// the influencer studio send (operations/*.graphql).
//
// The tests of this package keep both honest: schema.graphql must match the
// server (go test ./frontend-contract -update rewrites it), every operation
// must validate against the schema, and every operation must be executed by a
// test against a real server.
package contract

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/parser"
)

// Schema is the committed schema.graphql: the server's schema printed with
// gqlparser's formatter.
//
//go:embed schema.graphql
var Schema string

//go:embed operations/*.graphql
var operationFiles embed.FS

// Op is one named operation of operations/*.graphql.
type Op struct {
	// Name is the operation's name, unique across all files.
	Name string
	// File is where it is defined, e.g. "operations/storefront.graphql".
	File string
	// Kind is "query", "mutation" or "subscription".
	Kind string
	// Document is a complete GraphQL document: the operation followed by
	// every fragment it uses (directly or through other fragments), sorted
	// by name and printed with gqlparser's formatter.
	Document string
}

// Operations parses operations/*.graphql and returns every operation keyed by
// name. Fragments are shared across files. It fails on a parse error, an
// anonymous operation, a duplicate operation or fragment name, a spread of an
// unknown fragment and a fragment no operation uses. It does not validate
// against the schema; the package's tests do.
func Operations() (map[string]Op, error) {
	return loadOnce()
}

// Operation returns the document of the named operation and panics if there
// is no such operation or the files do not parse. It is meant for tests.
func Operation(name string) string {
	ops, err := loadOnce()
	if err != nil {
		panic("contract: " + err.Error())
	}
	op, ok := ops[name]
	if !ok {
		panic(fmt.Sprintf("contract: no operation named %q in operations/", name))
	}
	return op.Document
}

var loadOnce = sync.OnceValues(func() (map[string]Op, error) { return load(operationFiles) })

type located[T any] struct {
	def  T
	file string
}

func load(fsys fs.FS) (map[string]Op, error) {
	files, err := fs.Glob(fsys, "operations/*.graphql")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var ops []located[*ast.OperationDefinition]
	frags := map[string]located[*ast.FragmentDefinition]{}
	seenOps := map[string]string{}
	for _, file := range files {
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			return nil, err
		}
		doc, err := parser.ParseQuery(&ast.Source{Name: file, Input: string(src)})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		for _, op := range doc.Operations {
			if op.Name == "" {
				return nil, fmt.Errorf("%s:%d: operations must be named", file, op.Position.Line)
			}
			if prev, dup := seenOps[op.Name]; dup {
				return nil, fmt.Errorf("%s:%d: operation %s is already defined in %s", file, op.Position.Line, op.Name, prev)
			}
			seenOps[op.Name] = file
			ops = append(ops, located[*ast.OperationDefinition]{op, file})
		}
		for _, f := range doc.Fragments {
			if prev, dup := frags[f.Name]; dup {
				return nil, fmt.Errorf("%s:%d: fragment %s is already defined in %s", file, f.Position.Line, f.Name, prev.file)
			}
			frags[f.Name] = located[*ast.FragmentDefinition]{f, file}
		}
	}

	out := make(map[string]Op, len(ops))
	usedAnywhere := map[string]bool{}
	for _, o := range ops {
		used := map[string]bool{}
		if err := collectSpreads(o.def.SelectionSet, frags, used); err != nil {
			return nil, fmt.Errorf("%s: operation %s: %w", o.file, o.def.Name, err)
		}
		names := make([]string, 0, len(used))
		for n := range used {
			names = append(names, n)
			usedAnywhere[n] = true
		}
		sort.Strings(names)
		doc := &ast.QueryDocument{Operations: ast.OperationList{o.def}}
		for _, n := range names {
			doc.Fragments = append(doc.Fragments, frags[n].def)
		}
		var sb strings.Builder
		formatter.NewFormatter(&sb, formatter.WithIndent("  ")).FormatQueryDocument(doc)
		out[o.def.Name] = Op{Name: o.def.Name, File: o.file, Kind: string(o.def.Operation), Document: sb.String()}
	}
	for n, f := range frags {
		if !usedAnywhere[n] {
			return nil, fmt.Errorf("%s:%d: fragment %s is not used by any operation", f.file, f.def.Position.Line, n)
		}
	}
	return out, nil
}

// collectSpreads adds to used the names of the fragments set spreads,
// transitively.
func collectSpreads(set ast.SelectionSet, frags map[string]located[*ast.FragmentDefinition], used map[string]bool) error {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if err := collectSpreads(s.SelectionSet, frags, used); err != nil {
				return err
			}
		case *ast.InlineFragment:
			if err := collectSpreads(s.SelectionSet, frags, used); err != nil {
				return err
			}
		case *ast.FragmentSpread:
			if used[s.Name] {
				continue
			}
			f, ok := frags[s.Name]
			if !ok {
				return fmt.Errorf("line %d: unknown fragment %s", s.Position.Line, s.Name)
			}
			used[s.Name] = true
			if err := collectSpreads(f.def.SelectionSet, frags, used); err != nil {
				return err
			}
		}
	}
	return nil
}
