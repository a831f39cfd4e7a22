package contract

import (
	"strings"
	"testing"
	"testing/fstest"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range m {
		fsys["operations/"+name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func TestLoadIncludesFragmentsTransitively(t *testing.T) {
	ops, err := load(files(map[string]string{
		"a.graphql": `
query A { me { ...Outer } }
mutation B($in: X!) { b(input: $in) { ok } }
fragment Outer on User { id ...Inner }`,
		"shared.graphql": `fragment Inner on User { name }`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 2 {
		t.Fatalf("ops = %v", ops)
	}
	a := ops["A"]
	if a.File != "operations/a.graphql" || a.Kind != "query" {
		t.Fatalf("A = %+v", a)
	}
	for _, want := range []string{"query A", "fragment Inner on User", "fragment Outer on User"} {
		if !strings.Contains(a.Document, want) {
			t.Errorf("A's document lacks %q:\n%s", want, a.Document)
		}
	}
	if strings.Index(a.Document, "fragment Inner") > strings.Index(a.Document, "fragment Outer") {
		t.Errorf("fragments are not sorted by name:\n%s", a.Document)
	}
	if b := ops["B"]; b.Kind != "mutation" || strings.Contains(b.Document, "fragment") {
		t.Errorf("B = %+v", b)
	}
}

func TestLoadRejects(t *testing.T) {
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"parse error":        {map[string]string{"a.graphql": `query A { me { id }`}, "operations/a.graphql"},
		"anonymous":          {map[string]string{"a.graphql": `{ me { id } }`}, "must be named"},
		"duplicate op":       {map[string]string{"a.graphql": `query A { x }`, "b.graphql": `query A { y }`}, "operation A is already defined in operations/a.graphql"},
		"duplicate fragment": {map[string]string{"a.graphql": `query A { ...F } fragment F on Q { x }`, "b.graphql": `fragment F on Q { y }`}, "fragment F is already defined"},
		"unknown fragment":   {map[string]string{"a.graphql": `query A { ...Nope }`}, "operation A: line 1: unknown fragment Nope"},
		"unused fragment":    {map[string]string{"a.graphql": `query A { x } fragment F on Q { y }`}, "fragment F is not used"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := load(files(tc.files))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestOperationPanicsOnUnknownName(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), `"NoSuchOperation"`) {
			t.Fatalf("recover() = %v", r)
		}
	}()
	Operation("NoSuchOperation")
}
