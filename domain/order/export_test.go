package order

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
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

// VendorReportBefore is VendorReport as it was before reports were summed
// in the database (migration 15): every line of the vendor whose order was
// paid in the period, read into memory through the orders' paid_at and
// grouped here. The baseline of BenchmarkVendorReport.
func VendorReportBefore(ctx context.Context, s *Service, vendorID string, from, to time.Time, groupBy string) ([]*SalesRow, error) {
	lines, err := s.reportLinesBefore(ctx, from, to, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("ol.vendor_id = ?", vendorID) })
	if err != nil {
		return nil, err
	}
	return s.groupBefore(ctx, lines, groupBy)
}

type reportLine struct {
	OrderID          string    `bun:"order_id"`
	ProductID        string    `bun:"product_id"`
	ShowID           *string   `bun:"show_id"`
	InfluencerID     *string   `bun:"influencer_id"`
	Quantity         int       `bun:"quantity"`
	UnitPriceMinor   int64     `bun:"unit_price_minor"`
	TotalMinor       int64     `bun:"total_minor"`
	CommissionBps    int       `bun:"commission_bps"`
	PlatformFeeBps   int       `bun:"platform_fee_bps"`
	RefundedQuantity int       `bun:"refunded_quantity"`
	Currency         string    `bun:"currency"`
	PaidAt           time.Time `bun:"paid_at"`
}

func (s *Service) reportLinesBefore(ctx context.Context, from, to time.Time, where func(*bun.SelectQuery) *bun.SelectQuery) ([]*reportLine, error) {
	var lines []*reportLine
	q := s.db.NewSelect().TableExpr("order_lines AS ol").Join("JOIN orders AS o ON o.id = ol.order_id").
		ColumnExpr("ol.order_id, ol.product_id, ol.show_id, ol.influencer_id, ol.quantity, ol.unit_price_minor, ol.total_minor").
		ColumnExpr("ol.commission_bps, ol.platform_fee_bps, ol.refunded_quantity, o.currency, o.paid_at").
		Where("o.status IN (?)", bun.In([]string{StatusPaid, StatusPartiallyRefunded, StatusRefunded})).
		Where("o.paid_at >= ?", from).Where("o.paid_at < ?", to)
	if err := where(q).Scan(ctx, &lines); err != nil {
		return nil, fmt.Errorf("order: report: %w", err)
	}
	return lines, nil
}
func (s *Service) groupBefore(ctx context.Context, lines []*reportLine, groupBy string) ([]*SalesRow, error) {
	keyOf := map[string]func(*reportLine) string{
		GroupShow:       func(l *reportLine) string { return deref(l.ShowID) },
		GroupInfluencer: func(l *reportLine) string { return deref(l.InfluencerID) },
		GroupProduct:    func(l *reportLine) string { return l.ProductID },
		GroupDay:        func(l *reportLine) string { return l.PaidAt.UTC().Format("2006-01-02") },
	}[groupBy]
	if keyOf == nil {
		return nil, kernel.Fail(kernel.CodeInvalid, kernel.Field("groupBy"), "unknown grouping %q", groupBy)
	}
	rows := map[[2]string]*SalesRow{}
	orders := map[[2]string]map[string]bool{}
	for _, l := range lines {
		k := [2]string{keyOf(l), l.Currency}
		r := rows[k]
		if r == nil {
			r = &SalesRow{Key: k[0], Currency: l.Currency}
			rows[k], orders[k] = r, map[string]bool{}
		}
		orders[k][l.OrderID] = true
		p := ledger.Split(l.TotalMinor, ledger.EffectiveCommission(deref(l.InfluencerID), l.CommissionBps), l.PlatformFeeBps)
		r.Units += l.Quantity
		r.Gross += l.TotalMinor
		r.Commission += p.Influencer
		r.PlatformFee += p.Platform
		r.VendorNet += p.Vendor
		r.Refunded += l.UnitPriceMinor * int64(l.RefundedQuantity)
	}
	out := make([]*SalesRow, 0, len(rows))
	var ids []string
	for k, r := range rows {
		r.Orders = len(orders[k])
		out = append(out, r)
		if r.Key != "" {
			ids = append(ids, r.Key)
		}
	}
	if err := s.label(ctx, out, ids, groupBy); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Gross != out[j].Gross {
			return out[i].Gross > out[j].Gross
		}
		return out[i].Key+out[i].Currency < out[j].Key+out[j].Currency
	})
	return out, nil
}
