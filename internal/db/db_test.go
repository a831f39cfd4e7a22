package db

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestPlanCacheMode: connections to PostgreSQL use generic plans for their
// prepared statements unless the URL says otherwise.
func TestPlanCacheMode(t *testing.T) {
	url := os.Getenv("TEST_DATABASE_URL")
	if url == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	for _, tc := range []struct{ url, want string }{
		{url, "force_generic_plan"},
		{url + sep + "plan_cache_mode=auto", "auto"},
	} {
		d, err := Open(context.Background(), tc.url)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if err := d.QueryRowContext(context.Background(), "SHOW plan_cache_mode").Scan(&got); err != nil {
			t.Fatal(err)
		}
		d.Close()
		if got != tc.want {
			t.Errorf("%s: plan_cache_mode %q, want %q", tc.url, got, tc.want)
		}
	}
}
