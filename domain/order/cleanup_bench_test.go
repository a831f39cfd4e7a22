package order_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

// BenchmarkSettlementCartCleanup: a batched settlement takes the bought
// product out of 32 buyers' carts, on PostgreSQL with 100,000 shoppers'
// carts of two lines each. "pairs" is the statement settlements run;
// "or-per-buyer", its first form (a condition per buyer joined by OR),
// which PostgreSQL can only run by reading every cart line. Each operation
// runs in a transaction that is rolled back.
//
//	TEST_DATABASE_URL=postgres://… go test -run '^$' -bench SettlementCartCleanup -count 5 ./domain/order
func BenchmarkSettlementCartCleanup(b *testing.B) {
	const shoppers, buyers = 100_000, 32
	d := testkit.PlansPostgres(b)
	e := newEnv(b, d)
	hot := e.product(b, e.vendorA, 1000, 10, "USD")
	other := e.product(b, e.vendorA, 500, 10, "USD")
	for _, q := range []string{
		`INSERT INTO users (id, email, display_name, password_hash, created_at)
			SELECT 'bench-u-' || i, 'bench-' || i || '@example.com', 'Bench ' || i, 'x', now() FROM generate_series(1, ?) AS i`,
		`INSERT INTO carts (id, user_id, created_at, updated_at) SELECT 'bench-c-' || i, 'bench-u-' || i, now(), now() FROM generate_series(1, ?) AS i`,
		`INSERT INTO cart_lines (id, cart_id, product_id, quantity, created_at, updated_at)
			SELECT 'bench-l-' || i || '-' || p.n, 'bench-c-' || i, p.id, 1, now(), now()
			FROM generate_series(1, ?) AS i, (VALUES (1, '` + hot.ID + `'), (2, '` + other.ID + `')) AS p(n, id)`,
		`ANALYZE`,
	} {
		if _, err := d.ExecContext(ctx, q, shoppers); err != nil {
			b.Fatal(err)
		}
	}
	users := make([]string, buyers)
	for i := range users {
		users[i] = "bench-u-" + strconv.Itoa(1+i*(shoppers/buyers))
	}
	for _, form := range []struct {
		name       string
		orPerBuyer bool
	}{{"or-per-buyer", true}, {"pairs", false}} {
		b.Run(form.name, func(b *testing.B) {
			for b.Loop() {
				n, err := order.CartCleanup(ctx, e.orders, users, hot.ID, form.orPerBuyer)
				if err != nil || n != buyers {
					b.Fatalf("removed %d lines, %v; want %d", n, err, buyers)
				}
			}
		})
	}
}

// BenchmarkAttributionRead: the checkout's attribution read for a product
// featured in one LIVE show, on PostgreSQL with 100,000 other show_products
// rows (25,000 ended shows of 4 of 20,000 other products each), through the
// index on show_products(product_id, show_id), then, in the same run, after
// that index is dropped (the schema before it: the table's key starts with
// show_id).
//
//	TEST_DATABASE_URL=postgres://… go test -run '^$' -bench AttributionRead -count 5 ./domain/order
func BenchmarkAttributionRead(b *testing.B) {
	const shows = 25_000
	d := testkit.PlansPostgres(b)
	e := newEnv(b, d)
	hot := e.product(b, e.vendorA, 1000, 10, "USD")
	c := e.collab(b, e.hostV, hot, 1000)
	live := e.liveShow(b, e.hostV, hot)
	const products = 20_000
	buyer := e.shopper(b)
	for _, q := range []string{
		`INSERT INTO products (id, vendor_id, title, description, category, price_minor, currency, stock, sku, image_urls, status, created_at, updated_at)
			SELECT 'bench-p-' || i, '` + e.vendorA.ID + `', 'Product ' || i, '', 'misc', 500, 'USD', 10, 'bench-' || i, '[]', 'ACTIVE', now(), now()
			FROM generate_series(1, ` + strconv.Itoa(products) + `) AS i`,
		`INSERT INTO shows (id, host_id, title, description, category, status, scheduled_start, scheduled_end, created_at, updated_at)
			SELECT 'bench-s-' || i, '` + e.host.ID + `', 'Show ' || i, '', 'misc', 'ENDED', now() - interval '2 days', now() - interval '1 day', now(), now()
			FROM generate_series(1, ?) AS i`,
		`INSERT INTO show_products (show_id, product_id, collaboration_id, vendor_id, position)
			SELECT 'bench-s-' || i, 'bench-p-' || (1 + (i * 4 + n) % ` + strconv.Itoa(products) + `), '` + c.ID + `', '` + e.vendorA.ID + `', n
			FROM generate_series(1, ?) AS i, generate_series(0, 3) AS n`,
		`ANALYZE`,
	} {
		var args []any
		if strings.Contains(q, "?") {
			args = append(args, shows)
		}
		if _, err := d.ExecContext(ctx, q, args...); err != nil {
			b.Fatal(err)
		}
	}
	read := func(b *testing.B) {
		for b.Loop() {
			got, err := order.AttributionOf(ctx, e.orders, buyer.UserID, hot.ID, live.ID)
			if err != nil || got != live.ID {
				b.Fatalf("credited %q, %v; want the LIVE show %s", got, err, live.ID)
			}
		}
	}
	b.Run("product-index", read)
	if _, err := d.ExecContext(ctx, "DROP INDEX show_products_product"); err != nil {
		b.Fatal(err)
	}
	b.Run("key-only", read)
}
