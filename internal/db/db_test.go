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

// TestWarm: a warmed PostgreSQL pool holds all its connections open, and
// keeps them while idle; SQLite's single connection needs nothing.
func TestWarm(t *testing.T) {
	url := os.Getenv("TEST_DATABASE_URL")
	if url == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	ctx := context.Background()
	d, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got := d.DB.Stats().OpenConnections; got != 1 {
		t.Fatalf("a new pool has %d connections open, want 1 (Open's ping)", got)
	}
	if err := Warm(ctx, d); err != nil {
		t.Fatal(err)
	}
	st := d.DB.Stats()
	if st.OpenConnections != st.MaxOpenConnections || st.Idle != st.MaxOpenConnections {
		t.Fatalf("after Warm: %d open, %d idle; want all %d open and idle", st.OpenConnections, st.Idle, st.MaxOpenConnections)
	}
	var backends int
	if err := d.QueryRowContext(ctx, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = (SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid())").Scan(&backends); err != nil {
		t.Fatal(err)
	}
	if backends < st.MaxOpenConnections-1 {
		t.Fatalf("PostgreSQL sees %d other backends of this pool, want %d", backends, st.MaxOpenConnections-1)
	}

	lite, err := Open(ctx, "sqlite:"+t.TempDir()+"/w.db")
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if err := Warm(ctx, lite); err != nil {
		t.Fatal(err)
	}
}
