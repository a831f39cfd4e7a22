package order_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// BenchmarkVendorReport: a vendor's sales report on PostgreSQL, for the
// last month (by product) and the last year (by day), with two years of
// sales behind it: 300,000 paid orders of one line, one in five the
// vendor's (60,000 lines, half of them attributed to a show). "sums" is
// the report as it runs, summed in the database over the lines paid in the
// period (the index on order_lines (vendor_id, paid_at)); "lines-in-go" is
// its first form, which read every line of the vendor whose order was
// paid in the period into memory, through the orders' paid_at and the
// index on order_lines (vendor_id, created_at), and summed them here. Both
// forms answer the same rows (checked before timing).
//
//	TEST_DATABASE_URL=postgres://… go test -run '^$' -bench VendorReport -count 5 ./domain/order
func BenchmarkVendorReport(b *testing.B) {
	d := testkit.PlansPostgres(b)
	e := newEnv(b, d)
	now := seedSales(b, d, e)
	exec(b, d, `CREATE INDEX order_lines_vendor ON order_lines (vendor_id, created_at)`) // the schema before migration 15, for the first form
	exec(b, d, `ANALYZE`)
	for _, r := range []struct {
		name    string
		period  time.Duration
		groupBy string
	}{
		{"month-by-product", 30 * 24 * time.Hour, order.GroupProduct},
		{"year-by-day", 365 * 24 * time.Hour, order.GroupDay},
	} {
		from := now.Add(-r.period)
		sums, err := e.orders.VendorReport(ctx, e.staffA, e.vendorA.ID, from, now, r.groupBy)
		if err != nil {
			b.Fatal(err)
		}
		before, err := order.VendorReportBefore(ctx, e.orders, e.vendorA.ID, from, now, r.groupBy)
		if err != nil {
			b.Fatal(err)
		}
		if len(sums) < 10 || !reflect.DeepEqual(sums, before) {
			b.Fatalf("%s: %d rows summed in the database, %d in Go, or they differ", r.name, len(sums), len(before))
		}
		b.Run(r.name+"/sums", func(b *testing.B) {
			for b.Loop() {
				if _, err := e.orders.VendorReport(ctx, e.staffA, e.vendorA.ID, from, now, r.groupBy); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(r.name+"/lines-in-go", func(b *testing.B) {
			for b.Loop() {
				if _, err := order.VendorReportBefore(ctx, e.orders, e.vendorA.ID, from, now, r.groupBy); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// seedSales fills d with two years of sales up to e's clock: 300,000 paid
// orders of one line, one in five vendor A's (ten products), the others
// vendor B's, half of them attributed to a show of host one, and returns
// the clock's time.
func seedSales(b *testing.B, d *bun.DB, e *env) time.Time {
	const orders, days = 300_000, 730
	c := e.product(b, e.vendorA, 1000, 10, "USD")
	e.collab(b, e.hostV, c, 1500)
	sh := e.liveShow(b, e.hostV, c)
	products := map[bool][]string{}
	for i := 0; i < 10; i++ {
		products[true] = append(products[true], e.product(b, e.vendorA, 1000, 10, "USD").ID)
		products[false] = append(products[false], e.product(b, e.vendorB, 1000, 10, "USD").ID)
	}
	buyer := e.shopper(b)
	now := e.clock.Now()
	for lo := 1; lo <= orders; lo += 50_000 { // in parts: each statement well within the driver's read timeout
		hi := min(lo+50_000-1, orders)
		for _, q := range []struct {
			sql  string
			args []any
		}{
			// Order i was created (days × i / orders) days ago and paid a minute later.
			{`INSERT INTO orders (id, number, user_id, status, currency, total_minor, idempotency_key, request_hash, shipping, expires_at, created_at, paid_at)
			SELECT 'bo-' || i, 'bn-' || i, ?, 'PAID', 'USD', 1000 + i % 97, 'bk-' || i, 'h', '{}', t + interval '15 minutes', t, t + interval '1 minute'
			FROM generate_series(?::int, ?::int) AS i, LATERAL (SELECT ?::timestamptz - make_interval(secs => i * (? * 86400.0 / ?)) AS t) AS x`,
				[]any{buyer.UserID, lo, hi, now, days, orders}},
			{`INSERT INTO vendor_orders (id, order_id, vendor_id, subtotal_minor)
			SELECT 'bvo-' || i, 'bo-' || i, CASE WHEN i % 5 = 0 THEN ? ELSE ? END, 1000 + i % 97 FROM generate_series(?::int, ?::int) AS i`,
				[]any{e.vendorA.ID, e.vendorB.ID, lo, hi}},
			{`INSERT INTO order_lines (id, order_id, vendor_order_id, vendor_id, product_id, quantity, unit_price_minor, total_minor,
				commission_bps, platform_fee_bps, show_id, influencer_id, currency, created_at, paid_at)
			SELECT 'bl-' || i, 'bo-' || i, 'bvo-' || i, CASE WHEN i % 5 = 0 THEN ? ELSE ? END,
				CASE WHEN i % 5 = 0 THEN (?::text[])[1 + (i / 5) % 10] ELSE (?::text[])[1 + i % 10] END,
				1, 1000 + i % 97, 1000 + i % 97, CASE WHEN i % 2 = 0 THEN 1500 ELSE 0 END, 500,
				CASE WHEN i % 2 = 0 THEN ? END, CASE WHEN i % 2 = 0 THEN ? END, 'USD', t, t + interval '1 minute'
			FROM generate_series(?::int, ?::int) AS i, LATERAL (SELECT ?::timestamptz - make_interval(secs => i * (? * 86400.0 / ?)) AS t) AS x`,
				[]any{e.vendorA.ID, e.vendorB.ID, pgArray(products[true]), pgArray(products[false]), sh.ID, e.host.ID, lo, hi, now, days, orders}},
		} {
			exec(b, d, q.sql, q.args...)
		}
	}
	exec(b, d, `VACUUM ANALYZE`) // as autovacuum leaves a table that has served a while
	return now
}

func exec(b *testing.B, d *bun.DB, q string, args ...any) {
	if _, err := d.ExecContext(ctx, q, args...); err != nil {
		b.Fatalf("%.60s: %v", q, err)
	}
}

// BenchmarkVendorOrdersPage: the newest page (20) of vendor A's orders
// among the 300,000 orders of seedSales (60,000 of them the vendor's),
// without and with its total count (which the API runs only when a query
// selects totalCount), and with the count's first form (the vendor's
// parts joined with every order), through vendor_orders (vendor_id,
// order_id), then, in the same run, through the index it replaced, on
// vendor_id alone (migration 14).
//
//	TEST_DATABASE_URL=postgres://… go test -run '^$' -bench VendorOrdersPage -count 5 ./domain/order
func BenchmarkVendorOrdersPage(b *testing.B) {
	d := testkit.PlansPostgres(b)
	e := newEnv(b, d)
	seedSales(b, d, e)
	page := func(count bool) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				p, err := e.orders.Orders(ctx, e.staffA, order.Filter{VendorID: e.vendorA.ID}, kernel.PageRequest{First: 20, SkipCount: !count})
				if err != nil || len(p.Items) != 20 || !p.HasNextPage || (count && p.TotalCount != 60_000) {
					b.Fatalf("page of %d (total %d), %v", len(p.Items), p.TotalCount, err)
				}
			}
		}
	}
	b.Run("page/vendor-order-index", page(false))
	b.Run("page+count/vendor-order-index", page(true))
	// The count's first form: the vendor's parts joined with every order.
	b.Run("page+count-as-before/vendor-order-index", func(b *testing.B) {
		for b.Loop() {
			p, err := e.orders.Orders(ctx, e.staffA, order.Filter{VendorID: e.vendorA.ID}, kernel.PageRequest{First: 20, SkipCount: true})
			if err != nil || len(p.Items) != 20 {
				b.Fatalf("page of %d, %v", len(p.Items), err)
			}
			n, err := d.NewSelect().TableExpr("orders AS o").
				Where("o.id IN (?)", d.NewSelect().Table("vendor_orders").Column("order_id").Where("vendor_id = ?", e.vendorA.ID)).Count(ctx)
			if err != nil || n != 60_000 {
				b.Fatalf("count %d, %v", n, err)
			}
		}
	})
	exec(b, d, `DROP INDEX vendor_orders_vendor_order`)
	exec(b, d, `CREATE INDEX vendor_orders_vendor ON vendor_orders (vendor_id)`)
	exec(b, d, `VACUUM ANALYZE vendor_orders`)
	b.Run("page/vendor-index", page(false))
	b.Run("page+count/vendor-index", page(true))
}

// pgArray is ids as a PostgreSQL array literal.
func pgArray(ids []string) string {
	s := "{"
	for i, id := range ids {
		if i > 0 {
			s += ","
		}
		s += id
	}
	return s + "}"
}
