package workers_test

import (
	"context"
	"sync"
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

// cardPayments is the built-in test provider, also counting what each
// refund id gave back (and how often it was asked).
type cardPayments struct {
	order.TestPayments
	mu    sync.Mutex
	asked map[string]int
	given int64
}

func (p *cardPayments) Refund(ctx context.Context, refundID, ref string, amount kernel.Money) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.asked[refundID] == 0 {
		p.given += amount.AmountMinor
	}
	p.asked[refundID]++
	return p.TestPayments.Refund(ctx, refundID, ref, amount)
}

func (p *cardPayments) refunded() (int64, map[string]int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	asked := map[string]int{}
	for k, v := range p.asked {
		asked[k] = v
	}
	return p.given, asked
}

// TestOrderRefundReachesTheCard: staff refund part of an order through the
// GraphQL endpoint; a real worker on real Redis picks the job the refund
// queued and the provider gives exactly that amount back, once.
func TestOrderRefundReachesTheCard(t *testing.T) {
	redisOpt, err := asynq.ParseRedisURI(testkit.RedisURL(t))
	must(t, err)
	pay := &cardPayments{asked: map[string]int{}}
	s := testkit.NewServer(t, testkit.OpenSQLite(t), func(o *app.Options) { o.Payments = pay })
	s.Clock.Set(time.Now())
	ownerToken, ownerID := s.SignUp(t, "owner@example.com", "Owner")
	_, shopperID := s.SignUp(t, "shopper@example.com", "Shopper")
	owner, shopper := kernel.Viewer{UserID: ownerID}, kernel.Viewer{UserID: shopperID}
	vd, err := s.App.Vendors.Create(ctx, owner, vendor.CreateInput{Name: "V", Slug: "v-co"})
	must(t, err)
	p, err := s.App.Catalog.Create(ctx, owner, catalog.CreateInput{VendorID: vd.ID, Title: "Lipstick", Category: "beauty",
		Price: kernel.Money{AmountMinor: 1250, Currency: "USD"}, Stock: 5, SKU: "L1"})
	must(t, err)
	_, err = s.App.Orders.AddLine(ctx, shopper, p.ID, 3, nil)
	must(t, err)
	o, err := s.App.Orders.Checkout(ctx, shopper, order.CheckoutInput{IdempotencyKey: "k1", PaymentToken: "tok_visa",
		Shipping: order.Address{Name: "A", Line1: "1 Rue", City: "Paris", PostalCode: "75001", Country: "FR"}})
	must(t, err)
	v, err := s.App.Orders.Get(ctx, owner, o.ID)
	must(t, err)

	var out struct {
		OrderRefund struct {
			Order  *struct{ Status string }
			Errors []struct{ Code, Message string }
		}
	}
	s.MustDo(t, ownerToken, `mutation($in: OrderRefundInput!){ orderRefund(input:$in){ order{ status } errors{ code message } } }`,
		map[string]any{"in": map[string]any{"orderId": o.ID, "reason": "damaged", "restock": false,
			"lines": []map[string]any{{"lineId": v.Lines[0].ID, "quantity": 2}}}}, &out)
	if out.OrderRefund.Order == nil || out.OrderRefund.Order.Status != order.StatusPartiallyRefunded {
		t.Fatalf("orderRefund = %+v", out.OrderRefund)
	}

	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- workers.Run(wctx, workers.Options{Redis: redisOpt, DB: s.DB, Clock: s.Clock,
			Handlers:      &workers.Handlers{Shows: s.App.Shows, Search: s.App.Discovery, Orders: s.App.Orders},
			CheckInterval: 100 * time.Millisecond, RelayInterval: 100 * time.Millisecond, ExpireEvery: time.Hour})
	}()
	defer func() { cancel(); <-done }()
	waitFor(t, func() bool {
		prs, err := s.App.Orders.PaymentRefunds(ctx, o.ID)
		return err == nil && len(prs) == 1 && prs[0].SentAt != nil
	})
	time.Sleep(500 * time.Millisecond) // a duplicate run would ask again now
	given, asked := pay.refunded()
	if given != 2500 || len(asked) != 1 {
		t.Fatalf("the provider gave back %d over %d refunds (%v); want 2500 over one", given, len(asked), asked)
	}
	for id, n := range asked {
		if n != 1 {
			t.Fatalf("refund %s asked %d times", id, n)
		}
	}
}
