package migrations_test

import (
	"context"
	"sync"
	"testing"

	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/migrations"
)

// TestReplicasMigrateTogether: four processes' worth of migrators starting
// at once on a fresh PostgreSQL database all succeed, and the schema is
// applied once (two API replicas and two workers start like this).
func TestReplicasMigrateTogether(t *testing.T) {
	url := testkit.FreshPostgresURL(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			d, err := db.Open(ctx, url)
			if err != nil {
				errs[i] = err
				return
			}
			defer d.Close()
			_, errs[i] = migrations.Up(ctx, d)
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("migrator %d: %v", i, err)
		}
	}
	d, err := db.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ms, err := migrations.Status(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[int64]bool{}
	for _, m := range ms {
		if !m.IsApplied() {
			t.Fatalf("%s not applied", m.Name)
		}
		groups[m.GroupID] = true
	}
	if len(groups) != 1 {
		t.Fatalf("migrations applied in %d groups, want 1 (applied once)", len(groups))
	}
}
