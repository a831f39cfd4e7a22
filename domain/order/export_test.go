package order

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Batched reports how many orders this service reserved and settled in
// batches of more than one.
func Batched(s *Service) (reserved, settled int64) {
	return s.batchedReservations.Load(), s.batchedSettlements.Load()
}

// ReserveTogether prices each user's cart and writes the reservations as
// one batch, as concurrent checkouts of one lane are: each one's order (as
// reserved, with its rows) and error, and how many of them the single
// statement wrote (reserveInOne).
func ReserveTogether(ctx context.Context, s *Service, users []string) (orders []*Order, errs []error, inOne int64, err error) {
	now := s.clock.Now()
	var rs []*reservation
	for _, u := range users {
		cart, _, err := s.checkoutState(ctx, u, "")
		if err != nil {
			return nil, nil, 0, err
		}
		ticket := &gateTicket{g: s.gate}
		lines, err := s.price(ctx, u, cart, now, ticket)
		if err != nil {
			return nil, nil, 0, err
		}
		in := CheckoutInput{IdempotencyKey: kernel.NewID(), PaymentToken: "tok_visa",
			Shipping: Address{Name: "A", Line1: "1 Main St", City: "Paris", PostalCode: "75001", Country: "FR"}}
		rs = append(rs, s.newReservation(u, in, lines, now, ticket))
	}
	before := s.reservedInOne.Load()
	s.reserveMany(ctx, rs)
	for _, r := range rs {
		errs = append(errs, r.err)
		o := r.order
		o.lines, o.vendorOrders = r.rows, r.vendorOrders
		orders = append(orders, o)
	}
	return orders, errs, s.reservedInOne.Load() - before, nil
}

// SettleTogether settles reserved orders (charged as "ref-<id>") as one
// batch, as concurrent checkouts of one lane are: each one's order as
// answered or error, and how many of them the single statement wrote
// (settleInOne).
func SettleTogether(ctx context.Context, s *Service, orders []*Order) (paid []*Order, errs []error, inOne int64) {
	ss := make([]*settlement, len(orders))
	for i, o := range orders {
		ss[i] = &settlement{order: o, ref: "ref-" + o.ID}
	}
	before := s.settledInOne.Load()
	s.settleMany(ctx, ss)
	for _, st := range ss {
		paid, errs = append(paid, st.paid), append(errs, st.err)
	}
	return paid, errs, s.settledInOne.Load() - before
}

// BatchedReads reports how many cart reads shared a statement.
func BatchedReads(s *Service) int64 { return s.batchedReads.Load() }

// CartStates reads the cart and key of each (user, key) pair twice: all in
// one batch, and each alone. Each state is written as text: "no cart", or
// "order <id>" when the key was used, or the lines as product×quantity.
func CartStates(ctx context.Context, s *Service, pairs [][2]string) (together, alone []string, err error) {
	rs := make([]*stateRead, len(pairs))
	for i, p := range pairs {
		rs[i] = &stateRead{userID: p[0], key: p[1]}
	}
	s.readStates(ctx, rs)
	for i, r := range rs {
		if r.err != nil {
			return nil, nil, r.err
		}
		rows, err := s.readState(ctx, pairs[i][0], pairs[i][1])
		if err != nil {
			return nil, nil, err
		}
		together, alone = append(together, describeState(r.rows)), append(alone, describeState(rows))
	}
	return together, alone, nil
}

func describeState(rows []cartRow) string {
	if len(rows) == 0 {
		return "no cart"
	}
	if rows[0].OrderID != nil {
		return "order " + *rows[0].OrderID
	}
	var lines []string
	for _, r := range rows {
		if r.LineID != nil {
			lines = append(lines, fmt.Sprintf("%s×%d", *r.ProductID, *r.Quantity))
		}
	}
	return "lines [" + strings.Join(lines, " ") + "]"
}

// HoldBurst makes s see a burst of other checkouts waiting for the stock
// count, and makes checkouts holding units let it through for up to
// maxWait, until release.
func HoldBurst(s *Service, maxWait time.Duration) (release func()) {
	s.frontWait = maxWait
	var leaves []func()
	for i := 0; i < s.front.burst; i++ {
		leaves = append(leaves, s.front.enter())
	}
	return func() {
		for _, leave := range leaves {
			leave()
		}
	}
}

// CartCleanup removes productID from the carts of users as a batched
// settlement does, in a transaction it rolls back, and reports how many
// lines it removed. orPerBuyer runs the first form of the statement (one
// condition per buyer, joined by OR), the baseline of
// BenchmarkSettlementCartCleanup.
func CartCleanup(ctx context.Context, s *Service, users []string, productID string, orPerBuyer bool) (int64, error) {
	ss := make([]*settlement, len(users))
	for i, u := range users {
		ss[i] = &settlement{order: &Order{UserID: u, lines: []*Line{{ProductID: productID}}}}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()
	var q *bun.DeleteQuery
	if !orPerBuyer {
		q = leaveCarts(tx.NewDelete(), ss)
	} else {
		q = tx.NewDelete().Model((*CartLine)(nil)).WhereGroup(" AND ", func(q *bun.DeleteQuery) *bun.DeleteQuery {
			for _, st := range ss {
				q = q.WhereOr("cart_id IN (SELECT id FROM carts WHERE user_id = ?) AND product_id IN (?)", st.order.UserID, bun.In(boughtProducts(st.order.lines)))
			}
			return q
		})
	}
	res, err := q.Exec(ctx)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// CreditsQuery is the checkout's attribution read (PostgreSQL).
const CreditsQuery = creditsQuery

// AttributionOf runs the checkout's attribution read for one line of
// productID added from showID by userID, and reports the show it credits
// ("" when none).
func AttributionOf(ctx context.Context, s *Service, userID, productID, showID string) (string, error) {
	line := &CartLine{ID: "line", ProductID: productID, Quantity: 1, ShowID: &showID}
	credits, err := s.attributions(ctx, userID, []*CartLine{line}, s.clock.Now())
	if err != nil || credits[line.ID] == nil {
		return "", err
	}
	return credits[line.ID].ShowID, nil
}
