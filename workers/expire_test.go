package workers_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/domain/vendor"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/testkit"
	"github.com/livemarket/livemarket/workers"
)

// lostPayments never answers: the charge's outcome is unknown, so the order
// stays PENDING_PAYMENT with its stock reserved.
type lostPayments struct{}

func (lostPayments) Charge(_ context.Context, _ string, _ kernel.Money, _ string) (string, error) {
	return "", errors.New("payment provider timed out")
}

// Charged: the timed-out charges never reached the provider.
func (lostPayments) Charged(context.Context, string) (string, error) { return "", nil }

func (lostPayments) Refund(context.Context, string, string, kernel.Money) error {
	return errors.New("nothing to refund")
}

// TestUnpaidReservationsExpire: the periodic task, run by a real worker on
// real Redis, returns the stock of a checkout left unpaid past its
// reservation, once.
func TestUnpaidReservationsExpire(t *testing.T) {
	redisOpt, err := asynq.ParseRedisURI(testkit.RedisURL(t))
	must(t, err)
	s := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) { o.Payments = lostPayments{} })
	s.Clock.Set(time.Now())
	_, ownerID := s.SignUp(t, "owner@example.com", "Owner")
	_, shopperID := s.SignUp(t, "shopper@example.com", "Shopper")
	owner, shopper := kernel.Viewer{UserID: ownerID}, kernel.Viewer{UserID: shopperID}
	vd, err := s.App.Vendors.Create(ctx, owner, vendor.CreateInput{Name: "V", Slug: "v-co"})
	must(t, err)
	p, err := s.App.Catalog.Create(ctx, owner, catalog.CreateInput{VendorID: vd.ID, Title: "Lipstick", Category: "beauty",
		Price: kernel.Money{AmountMinor: 1000, Currency: "USD"}, Stock: 5, SKU: "L1"})
	must(t, err)
	_, err = s.App.Orders.AddLine(ctx, shopper, p.ID, 2, nil)
	must(t, err)
	_, err = s.App.Orders.Checkout(ctx, shopper, order.CheckoutInput{IdempotencyKey: "k1", PaymentToken: "tok_visa",
		Shipping: order.Address{Name: "A", Line1: "1 Rue", City: "Paris", PostalCode: "75001", Country: "FR"}})
	if err == nil {
		t.Fatal("checkout succeeded with a provider that never answers")
	}
	stock := func() int {
		ps, err := catalog.ByIDs(ctx, s.DB, []string{p.ID})
		must(t, err)
		return ps[p.ID].Stock
	}
	if got := stock(); got != 3 {
		t.Fatalf("stock while the payment is unknown = %d, want 3 (reserved)", got)
	}

	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- workers.Run(wctx, workers.Options{Redis: redisOpt, DB: s.DB, Clock: s.Clock,
			Handlers:      &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery, Orders: s.App.Orders},
			CheckInterval: 100 * time.Millisecond, RelayInterval: 100 * time.Millisecond, ExpireEvery: time.Second})
	}()
	defer func() { cancel(); <-done }()

	time.Sleep(1500 * time.Millisecond) // a sweep before the reservation ends changes nothing
	if got := stock(); got != 3 {
		t.Fatalf("stock before the reservation ended = %d, want 3", got)
	}
	s.Clock.Advance(16 * time.Minute)
	waitFor(t, func() bool { return stock() == 5 })
	time.Sleep(1500 * time.Millisecond) // another sweep must not return it twice
	if got := stock(); got != 5 {
		t.Fatalf("stock after two sweeps = %d, want 5", got)
	}
	var status string
	must(t, s.DB.NewSelect().Table("orders").Column("status").Scan(ctx, &status))
	if status != order.StatusCancelled {
		t.Fatalf("order status %s, want CANCELLED", status)
	}
}
