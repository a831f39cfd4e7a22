package domain_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainDependsOnNoTransport keeps imports flowing one way
// (cmd → graph, workers → domain): no domain package may depend on the
// GraphQL layer, workers, search, internal adapters or transport libraries.
func TestDomainDependsOnNoTransport(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "github.com/livemarket/livemarket/domain/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	forbidden := []string{
		"github.com/livemarket/livemarket/graph",
		"github.com/livemarket/livemarket/workers",
		"github.com/livemarket/livemarket/search",
		"github.com/livemarket/livemarket/internal",
		"github.com/livemarket/livemarket/cmd",
		"github.com/99designs/gqlgen",
		"github.com/hibiken/asynq",
		"github.com/meilisearch/meilisearch-go",
		"github.com/livekit/",
		"net/http",
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("suspiciously few dependencies listed: %v", deps)
	}
	for _, d := range deps {
		for _, f := range forbidden {
			if d == f || strings.HasPrefix(d, f+"/") || (strings.HasSuffix(f, "/") && strings.HasPrefix(d, f)) {
				t.Errorf("domain depends on %s", d)
			}
		}
	}
}
