package meili_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/livemarket/livemarket/domain/discovery"
	"github.com/livemarket/livemarket/search/meili"
	"github.com/livemarket/livemarket/search/searchtest"
)

// TestBehaviourSuite runs the shared engine behaviour suite against a real
// Meilisearch server when MEILI_URL is set (MEILI_API_KEY is its key). The
// indexes get a prefix unique to this run and are deleted afterwards.
func TestBehaviourSuite(t *testing.T) {
	url := os.Getenv("MEILI_URL")
	if url == "" {
		t.Skip("MEILI_URL is not set: no Meilisearch server to run the behaviour suite against")
	}
	key := os.Getenv("MEILI_API_KEY")
	prefix := fmt.Sprintf("lmtest_%d_%d_", os.Getpid(), time.Now().UnixNano())
	t.Cleanup(func() {
		client := meilisearch.New(url, meilisearch.WithAPIKey(key))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		for _, uid := range []string{prefix + discovery.ShowsIndex, prefix + discovery.ProductsIndex} {
			if info, err := client.DeleteIndex(ctx, uid); err == nil {
				_, _ = client.WaitForTask(ctx, info.TaskUID, 50*time.Millisecond)
			}
		}
	})
	e, err := meili.New(url, key, meili.WithIndexPrefix(prefix))
	if err != nil {
		t.Fatal(err)
	}
	searchtest.Run(t, func(t *testing.T) discovery.Engine { return e })
}
