package order_test

import (
	"os"
	"strconv"
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
	if os.Getenv("TEST_DATABASE_URL") == "" {
		b.Skip("TEST_DATABASE_URL not set: the benchmark is about PostgreSQL's plans")
	}
	const shoppers, buyers = 100_000, 32
	d := testkit.OpenPostgres(b)
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
