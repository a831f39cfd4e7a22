package collab_test

import (
	"context"
	"testing"

	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

// BenchmarkCollaborationList: a viewer's collaborations, newest page of 20
// with and without its totalCount, on PostgreSQL among 200,000
// collaborations of 2,000 vendors and 20,000 influencers: an influencer
// with 10 of them, a vendor's owner with 100. Through the service, then, in
// the same run, the statement as before (the viewer's parts as two
// subqueries joined by OR).
//
//	TEST_DATABASE_URL=postgres://… go test -run '^$' -bench CollaborationList -count 5 ./domain/collab
func BenchmarkCollaborationList(b *testing.B) {
	ctx := context.Background()
	d := testkit.PlansPostgres(b)
	testkit.Exec(b, d,
		`INSERT INTO users (id, email, display_name, password_hash, created_at)
			SELECT 'u' || i, 'u' || i || '@example.com', 'User', 'x', now() FROM generate_series(1, 22000) AS i`,
		`INSERT INTO vendors (id, slug, name, description, created_at) SELECT 'v' || i, 'v' || i, 'Vendor', '', now() FROM generate_series(1, 2000) AS i`,
		`INSERT INTO vendor_staff (vendor_id, user_id, role, created_at) SELECT 'v' || i, 'u' || (20000 + i), 'OWNER', now() FROM generate_series(1, 2000) AS i`,
		`INSERT INTO influencers (id, user_id, handle, display_name, bio, created_at)
			SELECT 'i' || i, 'u' || i, 'h' || i, 'Host', '', now() FROM generate_series(1, 20000) AS i`,
		`INSERT INTO products (id, vendor_id, title, description, category, price_minor, currency, stock, sku, image_urls, status, created_at, updated_at)
			SELECT 'p' || i, 'v' || (1 + i % 2000), 'Product', '', 'misc', 100, 'USD', 10, 'sku' || i, '[]', 'ACTIVE', now(), now() FROM generate_series(1, 20000) AS i`,
		`INSERT INTO collaborations (id, product_id, vendor_id, influencer_id, commission_bps, status, starts_at, ends_at, created_at, updated_at)
			SELECT 'c' || lpad(i::text, 7, '0'), 'p' || (1 + i % 20000), 'v' || (1 + i % 2000), 'i' || (1 + i % 20000), 1000, 'ACTIVE',
				now(), now() + interval '30 days', now(), now() FROM generate_series(1, 200000) AS i`,
		`VACUUM ANALYZE`,
	)
	svc := collab.NewService(d, kernel.SystemClock{}, nil, collab.Options{})
	viewers := []struct {
		name string
		v    kernel.Viewer
		n    int
	}{
		{"influencer", kernel.Viewer{UserID: "u500"}, 10},
		{"vendor-owner", kernel.Viewer{UserID: "u20500"}, 20},
	}
	for _, who := range viewers {
		for _, count := range []bool{false, true} {
			name := who.name + "/page"
			if count {
				name += "+count"
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					got, err := svc.List(ctx, who.v, collab.Filter{}, kernel.PageRequest{First: 20, SkipCount: !count})
					if err != nil || len(got.Items) != who.n {
						b.Fatalf("%d collaborations, %v; want %d", len(got.Items), err, who.n)
					}
				}
			})
			b.Run(name+"-as-before", func(b *testing.B) {
				for b.Loop() {
					var cs []*collab.Collaboration
					where := `(c.influencer_id IN (SELECT id FROM influencers WHERE user_id = ?) OR c.vendor_id IN (SELECT vendor_id FROM vendor_staff WHERE user_id = ?))`
					if count {
						if _, err := d.NewSelect().Model(&cs).Where(where, who.v.UserID, who.v.UserID).Count(ctx); err != nil {
							b.Fatal(err)
						}
					}
					err := d.NewSelect().Model(&cs).Where(where, who.v.UserID, who.v.UserID).OrderExpr("c.id DESC").Limit(21).Scan(ctx)
					if err != nil || min(len(cs), 20) != who.n {
						b.Fatalf("%d collaborations, %v; want %d", len(cs), err, who.n)
					}
				}
			})
		}
	}
}
