package order

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/catalog"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/show"
	"github.com/livemarket/livemarket/domain/showevents"
	"github.com/livemarket/livemarket/domain/txlock"
	"github.com/livemarket/livemarket/domain/vendor"
)

// PaymentProvider takes payments and gives them back.
//
// Charge is idempotent per orderID (a retry with the same order never
// charges twice); a refused payment returns an error wrapping ErrDeclined;
// any other error leaves the outcome unknown.
//
// Charged reports the reference of the charge taken for orderID, or "" if
// none was: the sweep asks it before cancelling an order whose charge's
// outcome was never learnt, so an order is never cancelled over money taken.
//
// Refund gives amount of the charge ref back; it is idempotent per
// refundID (a retry after a lost answer never refunds twice).
type PaymentProvider interface {
	Charge(ctx context.Context, orderID string, amount kernel.Money, token string) (ref string, err error)
	Charged(ctx context.Context, orderID string) (ref string, err error)
	Refund(ctx context.Context, refundID, ref string, amount kernel.Money) error
}

// ErrDeclined is a payment the provider refused.
var ErrDeclined = errors.New("payment declined")

// TestPayments is the built-in provider of local mode and tests: tok_visa
// succeeds, anything else (tok_declined) is declined, and every refund
// succeeds. No money moves; it remembers its charges in memory, so after a
// restart it has charged nothing.
type TestPayments struct {
	mu      sync.Mutex
	charged map[string]string // order id → charge reference
}

func (p *TestPayments) Charge(_ context.Context, orderID string, _ kernel.Money, token string) (string, error) {
	if token != "tok_visa" {
		return "", fmt.Errorf("%w: the test provider declines %q", ErrDeclined, token)
	}
	ref := "test_" + orderID
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.charged == nil {
		p.charged = map[string]string{}
	}
	p.charged[orderID] = ref
	return ref, nil
}

func (p *TestPayments) Charged(_ context.Context, orderID string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.charged[orderID], nil
}

func (*TestPayments) Refund(context.Context, string, string, kernel.Money) error { return nil }

// EventBus publishes committed show events (the live service's bus).
type EventBus interface {
	Publish(ctx context.Context, ev *showevents.Event) error
}

// Options configure the service.
type Options struct {
	Payments PaymentProvider
	Events   EventBus
	Sales    *Sales
	Logger   *slog.Logger
	// DefaultPlatformFeeBps applies to vendors without an override.
	DefaultPlatformFeeBps int
	// AttributionWindow: a purchase this long after the shopper joined a
	// show is attributed to it (default 24h).
	AttributionWindow time.Duration
	// ReservationTTL: unpaid reservations return their stock after this
	// long (default 15m).
	ReservationTTL time.Duration
	// MaxConcurrentCheckouts (default 8, below the connection pool's 20)
	// bounds the settlements written one by one at once; 8 times as many
	// checkouts past the stock count run at once (their reservations and
	// settlements are written in batches, see batch.go).
	MaxConcurrentCheckouts int
}

// Service owns carts, checkout, orders and refunds.
type Service struct {
	db    *bun.DB
	clock kernel.Clock
	opt   Options

	// writers bounds the settlements written one by one (an expired
	// reservation's, a batch's fallback) at once, so that they never hold
	// every database connection: reads (sign-in, carts, sold-out answers)
	// keep flowing.
	writers chan struct{}
	// admit bounds the checkouts past the stock count at once (8 ×
	// MaxConcurrentCheckouts): wide enough for their reservations and
	// settlements to be written in batches, narrow enough that a burst
	// does not interleave hundreds of them query by query on the pool.
	admit chan struct{}

	gate *stockGate
	// front counts the checkouts waiting for the stock count's answer;
	// those holding units let a burst of them through first, for at
	// most frontWait (see front.go)
	front     *front
	frontWait time.Duration
	keys      keyLocks
	// reservations and settlements combine the concurrent checkouts of a
	// process into shared transactions (see batch.go).
	reservations *lanes[*reservation]
	settlements  *lanes[*settlement]
	// the reads every checkout of a rush runs, prepared on PostgreSQL
	queries struct{ cart, carts, products, credits preparedQuery }
	// stateReads combines concurrent checkouts' cart reads (PostgreSQL
	// only: batchReads; see stateread.go).
	stateReads *lanes[*stateRead]
	batchReads bool
	// orders written in batches of more than one (reservedInOne and
	// settledInOne: by one statement, see reserveInOne and settleInOne)
	batchedReservations, batchedSettlements, reservedInOne, settledInOne atomic.Int64
	// cart reads answered by a statement shared with other checkouts
	batchedReads atomic.Int64
}

func (s *Service) acquire(ctx context.Context) func() {
	select {
	case s.writers <- struct{}{}:
		return func() { <-s.writers }
	case <-ctx.Done():
		return func() {}
	}
}

// NewService makes the service.
func NewService(db *bun.DB, clock kernel.Clock, opt Options) *Service {
	if opt.Payments == nil {
		opt.Payments = &TestPayments{}
	}
	if opt.AttributionWindow <= 0 {
		opt.AttributionWindow = 24 * time.Hour
	}
	if opt.ReservationTTL <= 0 {
		opt.ReservationTTL = 15 * time.Minute
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.MaxConcurrentCheckouts <= 0 {
		opt.MaxConcurrentCheckouts = 8
	}
	svc := &Service{db: db, clock: clock, opt: opt, writers: make(chan struct{}, opt.MaxConcurrentCheckouts),
		admit: make(chan struct{}, 8*opt.MaxConcurrentCheckouts), gate: newStockGate(),
		front: newFront(frontBurst), frontWait: frontMaxWait}
	svc.queries.cart.text, svc.queries.products.text, svc.queries.credits.text = cartQuery, productsQuery, creditsQuery
	svc.queries.carts.text = cartsQuery
	svc.stateReads = newLanes(stateLanes, maxStateBatch, svc.readStates)
	svc.batchReads = db.Dialect().Name() == dialect.PG
	svc.reservations = newLanes(batchLanes, maxBatch, svc.reserveMany)
	svc.settlements = newLanes(batchLanes, maxBatch, svc.settleMany)
	return svc
}

// Warm prepares the reads every checkout runs on each of the pool's
// connections (PostgreSQL). Otherwise the first rush after a start prepares
// them, and PostgreSQL plans them, on every connection at once, just when it
// has no CPU to spare: the first plan of these joins on a new connection
// costs it 1-9 ms, many times what running them does. Call it once the pool
// is open and before anything else uses it: it holds every connection at
// once.
func (s *Service) Warm(ctx context.Context) error {
	n := s.db.DB.Stats().MaxOpenConnections
	if s.db.Dialect().Name() != dialect.PG || n < 1 {
		return nil
	}
	none := textArray([]string{""}) // no row has an empty id
	now := s.clock.Now()
	for _, w := range []struct {
		q    *preparedQuery
		args []any
	}{
		{&s.queries.cart, []any{"", ""}},
		{&s.queries.carts, []any{none, none}},
		{&s.queries.products, []any{none}},
		{&s.queries.credits, []any{"", now, show.StatusLive, now, now, none, none}},
	} {
		if err := w.q.warm(ctx, s.db, n, w.args...); err != nil {
			return fmt.Errorf("order.Warm: %w", err)
		}
	}
	return nil
}

// ---- cart ----

// Cart returns viewer's cart (empty if never used).
func (s *Service) Cart(ctx context.Context, viewer kernel.Viewer) (*Cart, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	c := &Cart{}
	err := s.db.NewSelect().Model(c).Where("ca.user_id = ?", viewer.UserID).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return &Cart{ID: "", UserID: viewer.UserID, Lines: []*CartLine{}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("order.Cart: %w", err)
	}
	c.Lines = []*CartLine{}
	if err := s.db.NewSelect().Model(&c.Lines).Where("cl.cart_id = ?", c.ID).OrderExpr("cl.created_at, cl.id").Scan(ctx); err != nil {
		return nil, fmt.Errorf("order.Cart: lines: %w", err)
	}
	return c, nil
}

// AddLine adds quantity of a product to viewer's cart (adding to a line
// already there); showID, when set, must be a LIVE show featuring the
// product, and the purchase is attributed to it.
func (s *Service) AddLine(ctx context.Context, viewer kernel.Viewer, productID string, quantity int, showID *string) (*Cart, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "productId"), productID)
	checkQuantity(&v, kernel.Field("input", "quantity"), quantity, false)
	if showID != nil {
		kernel.CheckID(&v, kernel.Field("input", "showId"), *showID)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		p, err := activeProduct(ctx, tx, productID, kernel.Field("input", "productId"))
		if err != nil {
			return err
		}
		if showID != nil {
			if err := liveShowFeaturing(ctx, tx, *showID, p.ID); err != nil {
				return err
			}
			if err := recordView(ctx, tx, *showID, viewer.UserID, now); err != nil {
				return err
			}
		}
		cart, err := ensureCart(ctx, tx, viewer.UserID, now)
		if err != nil {
			return err
		}
		// One edit of a cart at a time (read, then write its lines).
		if err := txlock.Row(ctx, tx, "carts", cart.ID); err != nil {
			return err
		}
		var lines []*CartLine
		if err := tx.NewSelect().Model(&lines).Where("cl.cart_id = ?", cart.ID).Scan(ctx); err != nil {
			return err
		}
		for _, l := range lines {
			if l.ProductID == p.ID {
				q := l.Quantity + quantity
				if q > MaxLineQuantity {
					return kernel.Fail(kernel.CodeLimitExceeded, kernel.Field("input", "quantity"), "at most %d of one product per order", MaxLineQuantity)
				}
				sid := l.ShowID
				if showID != nil {
					sid = showID
				}
				_, err := tx.NewUpdate().Model(l).Set("quantity = ?", q).Set("show_id = ?", sid).Set("updated_at = ?", now).WherePK().Exec(ctx)
				return err
			}
		}
		if len(lines) >= MaxCartLines {
			return kernel.Fail(kernel.CodeLimitExceeded, kernel.Field("input", "productId"), "a cart holds at most %d lines", MaxCartLines)
		}
		if len(lines) > 0 {
			first, err := catalog.ByIDs(ctx, tx, []string{lines[0].ProductID})
			if err != nil {
				return err
			}
			if f := first[lines[0].ProductID]; f != nil && f.Currency != p.Currency {
				return kernel.Fail(kernel.CodeInvalid, kernel.Field("input", "productId"),
					"this product is priced in %s and your cart in %s: one order has one currency", p.Currency, f.Currency)
			}
		}
		_, err = tx.NewInsert().Model(&CartLine{ID: kernel.NewID(), CartID: cart.ID, ProductID: p.ID, Quantity: quantity,
			ShowID: showID, CreatedAt: now, UpdatedAt: now}).Exec(ctx)
		return err
	})
	if err != nil {
		return nil, wrap("order.AddLine", err)
	}
	return s.Cart(ctx, viewer)
}

// UpdateLine sets a line's quantity; 0 removes it.
func (s *Service) UpdateLine(ctx context.Context, viewer kernel.Viewer, lineID string, quantity int) (*Cart, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "lineId"), lineID)
	checkQuantity(&v, kernel.Field("input", "quantity"), quantity, true)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.clock.Now()
	// Only a line of the viewer's own cart matches.
	mine := s.db.NewSelect().Table("carts").Column("id").Where("user_id = ?", viewer.UserID)
	var res sql.Result
	var err error
	if quantity == 0 {
		res, err = s.db.NewDelete().Model((*CartLine)(nil)).Where("id = ?", lineID).Where("cart_id IN (?)", mine).Exec(ctx)
	} else {
		res, err = s.db.NewUpdate().Model((*CartLine)(nil)).Set("quantity = ?", quantity).Set("updated_at = ?", now).
			Where("id = ?", lineID).Where("cart_id IN (?)", mine).Exec(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("order.UpdateLine: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "lineId"), "no such line in your cart")
	}
	return s.Cart(ctx, viewer)
}

func checkQuantity(v *kernel.Validator, field []string, q int, zeroOK bool) {
	switch {
	case q < 0 || (q == 0 && !zeroOK):
		v.Add(kernel.CodeInvalid, field, "quantity must be at least 1")
	case q > MaxLineQuantity:
		v.Add(kernel.CodeLimitExceeded, field, "at most %d of one product per order", MaxLineQuantity)
	}
}

func ensureCart(ctx context.Context, tx bun.IDB, userID string, now time.Time) (*Cart, error) {
	c := &Cart{ID: kernel.NewID(), UserID: userID, CreatedAt: now, UpdatedAt: now}
	if _, err := tx.NewInsert().Model(c).On("CONFLICT (user_id) DO NOTHING").Exec(ctx); err != nil {
		return nil, err
	}
	if err := tx.NewSelect().Model(c).Where("ca.user_id = ?", userID).Scan(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

func activeProduct(ctx context.Context, db bun.IDB, id string, field []string) (*catalog.Product, error) {
	ps, err := catalog.ByIDs(ctx, db, []string{id})
	if err != nil {
		return nil, err
	}
	p := ps[id]
	if p == nil {
		return nil, kernel.Fail(kernel.CodeNotFound, field, "no such product")
	}
	if p.Status != catalog.StatusActive {
		return nil, kernel.Fail(kernel.CodeInvalidState, field, "this product is no longer sold")
	}
	return p, nil
}

// liveShowFeaturing fails unless showID is LIVE and features productID.
func liveShowFeaturing(ctx context.Context, db bun.IDB, showID, productID string) error {
	field := kernel.Field("input", "showId")
	shows, err := show.ByIDs(ctx, db, []string{showID})
	if err != nil {
		return err
	}
	sh := shows[showID]
	if sh == nil || !sh.Public() {
		return kernel.Fail(kernel.CodeNotFound, field, "no such show")
	}
	if sh.Status != show.StatusLive {
		return kernel.Fail(kernel.CodeInvalidState, field, "the show is not live (it is %s)", sh.Status)
	}
	n, err := db.NewSelect().Model((*show.Featured)(nil)).Where("show_id = ?", showID).Where("product_id = ?", productID).Count(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		return kernel.Fail(kernel.CodeInvalid, field, "the show does not feature this product")
	}
	return nil
}

func recordView(ctx context.Context, db bun.IDB, showID, userID string, at time.Time) error {
	return show.RecordView(ctx, db, showID, userID, at)
}

// ---- checkout ----

// CheckoutInput is one checkout request.
type CheckoutInput struct {
	IdempotencyKey string
	PaymentToken   string
	Shipping       Address
}

// priced is a cart line as it will be sold.
type priced struct {
	cart          *CartLine
	product       *catalog.Product
	unit          int64
	feeBps        int
	showID        *string
	influencerID  *string
	collabID      *string
	commissionBps int
	flash         *FlashSale
}

// Checkout turns viewer's cart into a paid order. The same idempotency key
// with the same cart, token and address returns the same order; with a
// different request it is refused (IDEMPOTENCY_MISMATCH). Stock is reserved
// with one conditional UPDATE per line; a declined payment releases it.
func (s *Service) Checkout(ctx context.Context, viewer kernel.Viewer, in CheckoutInput) (*Order, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	if err := checkCheckout(in); err != nil {
		return nil, err
	}
	// One request per key at a time in this process: a retry sent while
	// the first is running waits for it and gets its answer.
	unlock, err := s.keys.lock(ctx, viewer.UserID+"\x00"+in.IdempotencyKey)
	if err != nil {
		return nil, err
	}
	defer unlock()
	// Counted in a burst until the stock count has answered (not while
	// waiting for the key above: the key's holder may be yielding to it).
	leaveFront := s.front.enter()
	defer leaveFront()
	cart, done, err := s.checkoutState(ctx, viewer.UserID, in.IdempotencyKey)
	if err != nil {
		return nil, err
	}
	if done != nil {
		return s.replay(ctx, done, in)
	}
	if len(cart) == 0 {
		return nil, kernel.Fail(kernel.CodeInvalid, kernel.Field("input"), "your cart is empty")
	}
	now := s.clock.Now()
	// A refusal may be the doing of the same key's first request in another
	// process, which took the last unit meanwhile: then the answer is that
	// request's order.
	refused := func(err error) (*Order, error) {
		if o, kerr := s.byKey(ctx, viewer.UserID, in.IdempotencyKey); kerr == nil && o != nil {
			return s.replay(ctx, o, in)
		}
		return nil, err
	}
	// The units, in memory first: a rush's latecomers are answered here,
	// and only as many checkouts as there are units go on.
	want := map[string]int{}
	for _, l := range cart {
		want[l.ProductID] += l.Quantity
	}
	ticket, short, err := s.gate.take(ctx, s.db, want, now)
	leaveFront()
	if err != nil {
		return nil, fmt.Errorf("order.Checkout: %w", err)
	}
	if short != nil {
		err := soldOut(cart, short)
		if short.read { // the database was asked: a first request elsewhere may have just bought it
			return refused(err)
		}
		return nil, err
	}
	defer ticket.giveBack() // unless the reservation settled it
	// A burst's refusals first (see front.go).
	if err := s.front.yield(ctx, s.frontWait); err != nil {
		return nil, err
	}
	// Admission: the checkouts that hold units run a bounded number at a
	// time, each start to finish, instead of all of them interleaving query
	// by query on the connection pool (where every one would finish late).
	select {
	case s.admit <- struct{}{}:
		defer func() { <-s.admit }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	lines, err := s.price(ctx, viewer.UserID, cart, now, ticket)
	if err != nil {
		if _, expected := kernel.AsFieldErrors(err); expected {
			return refused(err)
		}
		return nil, err
	}
	o, err := s.reserve(ctx, viewer.UserID, in, lines, now, ticket)
	if err != nil {
		if _, expected := kernel.AsFieldErrors(err); expected {
			return refused(err)
		}
		var dup *duplicateKey
		if errors.As(err, &dup) { // a concurrent request with the same key won
			o, err := s.byKey(ctx, viewer.UserID, in.IdempotencyKey)
			if err != nil || o == nil {
				return nil, fmt.Errorf("order.Checkout: %w", errors.Join(err, dup))
			}
			return s.replay(ctx, o, in)
		}
		return nil, err
	}
	return s.pay(ctx, o, in.PaymentToken)
}

// soldOut is the refusal for a cart line whose product is short.
func soldOut(cart []*CartLine, short *gateShort) error {
	for i, l := range cart {
		if l.ProductID == short.productID {
			field := kernel.Field("cart", "lines", fmt.Sprint(i))
			if short.left == 0 {
				return kernel.Fail(kernel.CodeOutOfStock, field, "sold out")
			}
			return kernel.Fail(kernel.CodeOutOfStock, field, "only %d left", short.left)
		}
	}
	return kernel.Fail(kernel.CodeOutOfStock, kernel.Field("input"), "sold out")
}

// cartQuery reads a shopper's cart lines and the order of an idempotency
// key ($1 the key, $2 the user).
const cartQuery = `SELECT cl.id AS line_id, cl.cart_id, cl.product_id, cl.quantity, cl.show_id, cl.created_at, o.id AS order_id
		FROM carts AS ca
		LEFT JOIN cart_lines AS cl ON cl.cart_id = ca.id
		LEFT JOIN orders AS o ON o.user_id = ca.user_id AND o.idempotency_key = $1
		WHERE ca.user_id = $2
		ORDER BY cl.created_at, cl.id`

// productsQuery reads the products of a cart with their vendors' fees ($1
// the product ids).
const productsQuery = `SELECT p.id, p.vendor_id, p.title, p.price_minor, p.currency, p.stock, p.status,
		v.platform_fee_bps AS vendor_fee_bps, v.id IS NOT NULL AS vendor_found
		FROM products AS p LEFT JOIN vendors AS v ON v.id = p.vendor_id
		WHERE p.id = ANY($1::text[])`

// creditsQuery reads every show a cart's lines could be attributed to: $1
// the user, $2 the start of the attribution window, $3 LIVE, $4 and $5 now,
// $6 the product ids, $7 the shows the lines were added from.
const creditsQuery = `SELECT sp.product_id, sh.id AS show_id, sh.status AS show_status, sh.host_id,
			c.id AS collab_id, c.influencer_id, c.status AS collab_status, c.commission_bps, c.starts_at, c.ends_at,
			sv.viewed_at,
			fs.id AS flash_id, fs.price_minor AS flash_price_minor, fs.currency AS flash_currency, fs.remaining AS flash_remaining,
			fs.per_buyer_limit AS flash_per_buyer_limit, fs.starts_at AS flash_starts_at, fs.ends_at AS flash_ends_at
		FROM show_products AS sp
		JOIN shows AS sh ON sh.id = sp.show_id
		JOIN collaborations AS c ON c.id = sp.collaboration_id
		LEFT JOIN show_views AS sv ON sv.show_id = sp.show_id AND sv.user_id = $1 AND sv.viewed_at >= $2
		LEFT JOIN flash_sales AS fs ON fs.show_id = sp.show_id AND fs.product_id = sp.product_id AND sh.status = $3
			AND fs.ended_at IS NULL AND fs.starts_at <= $4 AND fs.ends_at > $5
		WHERE sp.product_id = ANY($6::text[]) AND (sp.show_id = ANY($7::text[]) OR sv.viewed_at IS NOT NULL)`

// creditsSQLite is creditsQuery for bun on SQLite (no arrays: IN lists).
var creditsSQLite = strings.NewReplacer("$1", "?", "$2", "?", "$3", "?", "$4", "?", "$5", "?",
	"= ANY($6::text[])", "IN (?)", "= ANY($7::text[])", "IN (?)").Replace(creditsQuery)

// cartRow is a row of cartQuery: a cart line (none when the cart is
// empty) and the key's order (none when the key is new).
type cartRow struct {
	LineID    *string    `bun:"line_id"`
	CartID    *string    `bun:"cart_id"`
	ProductID *string    `bun:"product_id"`
	Quantity  *int       `bun:"quantity"`
	ShowID    *string    `bun:"show_id"`
	CreatedAt *time.Time `bun:"created_at"`
	OrderID   *string    `bun:"order_id"`
}

// checkoutState reads, in one statement, the viewer's cart lines and the
// order already made with this idempotency key, if any.
func (s *Service) checkoutState(ctx context.Context, userID, key string) ([]*CartLine, *Order, error) {
	rows, err := s.stateRows(ctx, userID, key)
	if err != nil {
		return nil, nil, fmt.Errorf("order.Checkout: cart: %w", err)
	}
	if len(rows) == 0 { // no cart at all
		o, err := s.byKey(ctx, userID, key)
		return nil, o, err
	}
	if rows[0].OrderID != nil {
		o, err := s.byKey(ctx, userID, key)
		return nil, o, err
	}
	var lines []*CartLine
	for _, r := range rows {
		if r.LineID == nil {
			continue
		}
		lines = append(lines, &CartLine{ID: *r.LineID, CartID: *r.CartID, ProductID: *r.ProductID, Quantity: *r.Quantity,
			ShowID: r.ShowID, CreatedAt: *r.CreatedAt})
	}
	return lines, nil, nil
}

func checkCheckout(in CheckoutInput) error {
	var v kernel.Validator
	key := strings.TrimSpace(in.IdempotencyKey)
	v.Check(key != "", kernel.CodeRequired, kernel.Field("input", "idempotencyKey"), "an idempotency key is required")
	v.Check(len(in.IdempotencyKey) <= MaxIdempotencyKey, kernel.CodeTooLong, kernel.Field("input", "idempotencyKey"), "at most %d characters", MaxIdempotencyKey)
	v.Check(strings.TrimSpace(in.PaymentToken) != "", kernel.CodeRequired, kernel.Field("input", "paymentToken"), "a payment token is required")
	a := in.Shipping
	f := func(name string) []string { return kernel.Field("input", "shippingAddress", name) }
	kernel.CheckText(&v, f("name"), a.Name, true, 200)
	kernel.CheckText(&v, f("line1"), a.Line1, true, 200)
	kernel.CheckText(&v, f("line2"), a.Line2, false, 200)
	kernel.CheckText(&v, f("city"), a.City, true, 100)
	kernel.CheckText(&v, f("postalCode"), a.PostalCode, true, 20)
	v.Check(len(a.Country) == 2 && strings.ToUpper(a.Country) == a.Country && a.Country[0] >= 'A' && a.Country[0] <= 'Z' && a.Country[1] >= 'A' && a.Country[1] <= 'Z',
		kernel.CodeInvalid, f("country"), "country must be an ISO 3166-1 alpha-2 code such as FR")
	return v.Err()
}

// requestHash identifies a checkout request: its payment token and address.
// The cart is the shopper's state, not part of the request: repeating a key
// after the cart changed returns the order the key made.
func requestHash(in CheckoutInput) string {
	b, _ := json.Marshal(struct {
		Token    string
		Shipping Address
	}{in.PaymentToken, in.Shipping})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (s *Service) byKey(ctx context.Context, userID, key string) (*Order, error) {
	o := &Order{}
	err := s.db.NewSelect().Model(o).Where("o.user_id = ?", userID).Where("o.idempotency_key = ?", key).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("order: by key: %w", err)
	}
	return o, nil
}

// replay answers a repeated checkout: the same order, or the same refusal.
func (s *Service) replay(ctx context.Context, o *Order, in CheckoutInput) (*Order, error) {
	if o.RequestHash != requestHash(in) {
		return nil, kernel.Fail(kernel.CodeIdempotencyMismatch, kernel.Field("input", "idempotencyKey"),
			"this idempotency key was used for a different checkout")
	}
	switch o.Status {
	case StatusPendingPayment: // interrupted before payment completed: finish it
		return s.pay(ctx, o, in.PaymentToken)
	case StatusCancelled:
		if o.DeclineReason != nil {
			return nil, kernel.Fail(kernel.CodePaymentDeclined, kernel.Field("input", "paymentToken"), "the payment was declined")
		}
		if o.ChargeBackAt != nil {
			return nil, chargedBack()
		}
		// Expired: but a charge may have gone through after all and its
		// answer been lost (the provider knows). If it cannot say, the
		// answer is "try again", not a final one.
		ref, err := s.opt.Payments.Charged(ctx, o.ID)
		if err != nil {
			return nil, fmt.Errorf("order.Checkout: ask the provider about %s: %w", o.ID, err)
		}
		if ref != "" {
			return s.settle(ctx, o, ref)
		}
		return nil, kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "idempotencyKey"), "this checkout expired before it was paid")
	}
	return o, nil
}

// price freezes what each line will be sold at: the unit price (a running
// flash sale's, or the product's), the platform fee and the attribution.
// Two statements whatever the cart: the products with their vendors' fees,
// and the attribution candidates.
func (s *Service) price(ctx context.Context, userID string, cart []*CartLine, now time.Time, ticket *gateTicket) ([]*priced, error) {
	ids := make([]string, len(cart))
	for i, c := range cart {
		ids[i] = c.ProductID
	}
	// The attribution read goes at the same time as the products' (each
	// on its own connection): in a rush a round trip waits behind every
	// runnable request, so two in a row cost twice that wait.
	type attributed struct {
		credits map[string]*credit
		err     error
	}
	attribution := make(chan attributed, 1)
	go func() {
		credits, err := s.attributions(ctx, userID, cart, now)
		attribution <- attributed{credits, err}
	}()
	var rows []struct {
		catalog.Product
		VendorFeeBps *int `bun:"vendor_fee_bps"`
		VendorFound  bool `bun:"vendor_found"`
	}
	done, err := s.queries.products.scan(ctx, s.db, &rows, textArray(ids))
	if err == nil && !done {
		err = s.db.NewSelect().Model((*catalog.Product)(nil)).
			Column("p.id", "p.vendor_id", "p.title", "p.price_minor", "p.currency", "p.stock", "p.status").
			ColumnExpr("v.platform_fee_bps AS vendor_fee_bps, v.id IS NOT NULL AS vendor_found").
			Join("LEFT JOIN vendors AS v ON v.id = p.vendor_id").
			Where("p.id IN (?)", bun.In(ids)).Scan(ctx, &rows)
	}
	a := <-attribution
	if err != nil {
		return nil, fmt.Errorf("order.Checkout: products: %w", err)
	}
	if a.err != nil {
		return nil, a.err
	}
	credits := a.credits
	products := map[string]*catalog.Product{}
	fees := map[string]int{}
	for i := range rows {
		r := &rows[i]
		if !r.VendorFound {
			return nil, fmt.Errorf("order.Checkout: vendor %s of product %s missing", r.VendorID, r.ID)
		}
		products[r.ID] = &r.Product
		fees[r.ID] = (&vendor.Vendor{PlatformFeeBps: r.VendorFeeBps}).EffectiveFeeBps(s.opt.DefaultPlatformFeeBps)
	}
	var out []*priced
	currency := ""
	for i, c := range cart {
		field := kernel.Field("cart", "lines", fmt.Sprint(i))
		p := products[c.ProductID]
		if p == nil {
			return nil, kernel.Fail(kernel.CodeNotFound, field, "a product in your cart no longer exists")
		}
		if p.Status != catalog.StatusActive {
			return nil, kernel.Fail(kernel.CodeInvalidState, field, "%q is no longer sold; remove it from your cart", p.Title)
		}
		if currency != "" && p.Currency != currency {
			return nil, kernel.Fail(kernel.CodeInvalid, field, "your cart mixes %s and %s: one order has one currency", currency, p.Currency)
		}
		currency = p.Currency
		if p.Stock < c.Quantity { // fast refusal; the reservation decides
			ticket.soldOut(p.ID, p.Stock, now)
			return nil, kernel.Fail(kernel.CodeOutOfStock, field, "only %d of %q left", p.Stock, p.Title)
		}
		l := &priced{cart: c, product: p, unit: p.PriceMinor, feeBps: fees[p.ID]}
		if a := credits[c.ID]; a != nil {
			l.showID, l.influencerID, l.collabID, l.commissionBps, l.flash = &a.ShowID, &a.HostID, &a.CollabID, a.CommissionBps, a.flash
		}
		if l.flash != nil {
			if l.flash.Remaining < c.Quantity {
				return nil, kernel.Fail(kernel.CodeOutOfStock, field, "the flash sale on %q has %d left", p.Title, l.flash.Remaining)
			}
			if c.Quantity > l.flash.PerBuyerLimit {
				return nil, kernel.Fail(kernel.CodeLimitExceeded, field, "at most %d per buyer in this flash sale", l.flash.PerBuyerLimit)
			}
			l.unit = l.flash.PriceMinor
		}
		out = append(out, l)
	}
	return out, nil
}

// credit is a show (with its host's collaboration) a line can be
// attributed to, with the shopper's last view of it within the window.
type credit struct {
	ProductID     string     `bun:"product_id"`
	ShowID        string     `bun:"show_id"`
	ShowStatus    string     `bun:"show_status"`
	HostID        string     `bun:"host_id"`
	CollabID      string     `bun:"collab_id"`
	InfluencerID  string     `bun:"influencer_id"`
	CollabStatus  string     `bun:"collab_status"`
	CommissionBps int        `bun:"commission_bps"`
	StartsAt      time.Time  `bun:"starts_at"`
	EndsAt        time.Time  `bun:"ends_at"`
	ViewedAt      *time.Time `bun:"viewed_at"`

	FlashID       *string    `bun:"flash_id"`
	FlashPrice    *int64     `bun:"flash_price_minor"`
	FlashCurrency *string    `bun:"flash_currency"`
	FlashRemain   *int       `bun:"flash_remaining"`
	FlashLimit    *int       `bun:"flash_per_buyer_limit"`
	FlashStarts   *time.Time `bun:"flash_starts_at"`
	FlashEnds     *time.Time `bun:"flash_ends_at"`

	flash *FlashSale
}

// covers reports whether the show's host still has a collaboration
// covering the product at now.
func (c *credit) covers(now time.Time) bool {
	return c.InfluencerID == c.HostID && c.CollabStatus == collab.StatusActive && !now.Before(c.StartsAt) && now.Before(c.EndsAt)
}

// attributions decides, for each cart line, which show (and so which
// influencer and collaboration) it is attributed to: the LIVE show it was
// added from; otherwise the show the shopper viewed last, within the
// attribution window, that features the product; otherwise none. A flash
// sale applies only to a line bought in its LIVE show. One statement reads
// every candidate.
func (s *Service) attributions(ctx context.Context, userID string, cart []*CartLine, now time.Time) (map[string]*credit, error) {
	productIDs := make([]string, 0, len(cart))
	fromShows := []string{""} // never empty: IN () is not SQL
	for _, c := range cart {
		productIDs = append(productIDs, c.ProductID)
		if c.ShowID != nil {
			fromShows = append(fromShows, *c.ShowID)
		}
	}
	var rows []*credit
	since := now.Add(-s.opt.AttributionWindow)
	done, err := s.queries.credits.scan(ctx, s.db, &rows, userID, since, show.StatusLive, now, now, textArray(productIDs), textArray(fromShows))
	if err == nil && !done {
		err = s.db.NewRaw(creditsSQLite, userID, since, show.StatusLive, now, now, bun.In(productIDs), bun.In(fromShows)).Scan(ctx, &rows)
	}
	if err != nil {
		return nil, fmt.Errorf("order.Checkout: attribution: %w", err)
	}
	// One row per (show, product): the latest-starting flash sale if several.
	type key struct{ show, product string }
	byKey := map[key]*credit{}
	for _, r := range rows {
		if r.FlashID != nil {
			r.flash = &FlashSale{ID: *r.FlashID, ShowID: r.ShowID, ProductID: r.ProductID, PriceMinor: *r.FlashPrice, Currency: *r.FlashCurrency,
				Remaining: *r.FlashRemain, PerBuyerLimit: *r.FlashLimit, StartsAt: *r.FlashStarts, EndsAt: *r.FlashEnds}
		}
		k := key{r.ShowID, r.ProductID}
		if prev := byKey[k]; prev == nil || (r.flash != nil && (prev.flash == nil || r.flash.StartsAt.After(prev.flash.StartsAt))) {
			byKey[k] = r
		}
	}
	out := map[string]*credit{}
	for _, c := range cart {
		// The LIVE show it was added from first, then the views, latest first.
		var candidates []*credit
		if c.ShowID != nil {
			if r := byKey[key{*c.ShowID, c.ProductID}]; r != nil && r.ShowStatus == show.StatusLive {
				candidates = append(candidates, r)
			}
		}
		var viewed []*credit
		for k, r := range byKey {
			if k.product == c.ProductID && r.ViewedAt != nil {
				viewed = append(viewed, r)
			}
		}
		sort.Slice(viewed, func(i, j int) bool {
			if !viewed[i].ViewedAt.Equal(*viewed[j].ViewedAt) {
				return viewed[i].ViewedAt.After(*viewed[j].ViewedAt)
			}
			return viewed[i].ShowID < viewed[j].ShowID
		})
		candidates = append(candidates, viewed...)
		for i, r := range candidates {
			if !r.covers(now) {
				continue // the host no longer has a collaboration covering it
			}
			a := *r
			if !(i == 0 && c.ShowID != nil && *c.ShowID == r.ShowID && r.ShowStatus == show.StatusLive) {
				a.flash = nil // a flash sale applies only in its LIVE show, to lines bought there
			}
			out[c.ID] = &a
			break
		}
	}
	return out, nil
}

type duplicateKey struct{ err error }

func (d *duplicateKey) Error() string { return "duplicate idempotency key: " + d.err.Error() }

// reserve creates the order PENDING_PAYMENT and reserves its stock, all or
// nothing: in a transaction whose stock statements come last, so the hot
// product rows are locked as briefly as possible, or with other checkouts in
// one statement (reserveInOne).
func (s *Service) reserve(ctx context.Context, userID string, in CheckoutInput, lines []*priced, now time.Time, ticket *gateTicket) (*Order, error) {
	r := s.newReservation(userID, in, lines, now, ticket)
	s.reservations.lane(lines[0].product.ID).do(r)
	if r.err != nil {
		return nil, wrap("order.Checkout", r.err)
	}
	o := r.order
	o.lines, o.vendorOrders = r.rows, r.vendorOrders
	return o, nil
}

// newReservation is the order, vendor orders and lines a checkout of lines
// will write.
func (s *Service) newReservation(userID string, in CheckoutInput, lines []*priced, now time.Time, ticket *gateTicket) *reservation {
	ship, _ := json.Marshal(in.Shipping)
	o := &Order{ID: kernel.NewID(), Number: orderNumber(now), UserID: userID, Status: StatusPendingPayment,
		Currency: lines[0].product.Currency, IdempotencyKey: in.IdempotencyKey, RequestHash: requestHash(in),
		Shipping: string(ship), ExpiresAt: now.Add(s.opt.ReservationTTL), CreatedAt: now}
	// The flash sale's end is checked against the time of the reservation,
	// not of the request (which may have waited for admission).
	r := &reservation{order: o, lines: lines, userID: userID, now: s.clock.Now(), ticket: ticket}
	vos := map[string]*VendorOrder{}
	for _, l := range lines {
		vo := vos[l.product.VendorID]
		if vo == nil {
			vo = &VendorOrder{ID: kernel.NewID(), OrderID: o.ID, VendorID: l.product.VendorID}
			vos[l.product.VendorID] = vo
			r.vendorOrders = append(r.vendorOrders, vo)
		}
		total := l.unit * int64(l.cart.Quantity)
		vo.SubtotalMinor += total
		o.TotalMinor += total
		var flashID *string
		if l.flash != nil {
			flashID = &l.flash.ID
		}
		r.rows = append(r.rows, &Line{ID: kernel.NewID(), OrderID: o.ID, VendorOrderID: vo.ID, VendorID: l.product.VendorID,
			ProductID: l.product.ID, Quantity: l.cart.Quantity, UnitPriceMinor: l.unit, TotalMinor: total,
			CommissionBps: l.commissionBps, PlatformFeeBps: l.feeBps, ShowID: l.showID, InfluencerID: l.influencerID,
			CollaborationID: l.collabID, FlashSaleID: flashID, Currency: o.Currency, CreatedAt: now})
	}
	return r
}

// reserveOne writes one reservation in a transaction of its own, with the
// exact refusal (which line, how many left) when it fails.
func (s *Service) reserveOne(ctx context.Context, r *reservation) error {
	o, lines, userID, now, ticket := r.order, r.lines, r.userID, r.now, r.ticket
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(o).Exec(ctx); err != nil {
			if kernel.IsUniqueViolation(err) {
				return &duplicateKey{err}
			}
			return err
		}
		if _, err := tx.NewInsert().Model(&r.vendorOrders).Exec(ctx); err != nil {
			return err
		}
		if _, err := tx.NewInsert().Model(&r.rows).Exec(ctx); err != nil {
			return err
		}
		// Flash sales: the sale's quantity and the buyer's limit, in sale
		// order (no deadlocks between concurrent carts).
		byFlash := make([]int, len(lines)) // cart positions, in sale order
		for i := range byFlash {
			byFlash[i] = i
		}
		sort.SliceStable(byFlash, func(i, j int) bool {
			a, b := lines[byFlash[i]].flash, lines[byFlash[j]].flash
			return a != nil && (b == nil || a.ID < b.ID)
		})
		for _, i := range byFlash {
			l := lines[i]
			if l.flash == nil {
				continue
			}
			field := kernel.Field("cart", "lines", fmt.Sprint(i))
			q := l.cart.Quantity
			if ok, err := takeFlash(ctx, tx, l.flash.ID, q, now); err != nil || !ok {
				if err != nil {
					return err
				}
				return kernel.Fail(kernel.CodeOutOfStock, field, "the flash sale on %q is sold out", l.product.Title)
			}
			if ok, err := addBuyer(ctx, tx, l.flash.ID, userID, q, l.flash.PerBuyerLimit); err != nil || !ok {
				if err != nil {
					return err
				}
				return kernel.Fail(kernel.CodeLimitExceeded, field, "at most %d per buyer in this flash sale", l.flash.PerBuyerLimit)
			}
		}
		// Stock, in product order (no deadlocks between concurrent carts).
		sorted := append([]*priced(nil), lines...)
		sort.Slice(sorted, func(i, j int) bool { return sorted[i].product.ID < sorted[j].product.ID })
		for _, l := range sorted {
			q := l.cart.Quantity
			ok, err := takeStock(ctx, tx, l.product.ID, q, true)
			if err != nil {
				return err
			}
			if !ok {
				var left int
				if err := tx.NewSelect().Table("products").Column("stock").Where("id = ?", l.product.ID).Scan(ctx, &left); err == nil {
					ticket.soldOut(l.product.ID, left, now)
				}
				return kernel.Fail(kernel.CodeOutOfStock, kernel.Field("input"), "only %d of %q left", left, l.product.Title)
			}
		}
		return nil
	})
	if err == nil {
		ticket.reserved()
	}
	return err
}

func orderNumber(now time.Time) string {
	b := make([]byte, 6) // 2^48 per day: collisions are negligible
	_, _ = rand.Read(b)
	return fmt.Sprintf("LM-%s-%s", now.UTC().Format("060102"), strings.ToUpper(hex.EncodeToString(b)))
}

// pay charges the order and settles it: PAID with its ledger posting and
// live events, or CANCELLED with its stock back.
func (s *Service) pay(ctx context.Context, o *Order, token string) (*Order, error) {
	amount := kernel.Money{AmountMinor: o.TotalMinor, Currency: o.Currency}
	// The charge runs to its answer even if the shopper goes away: an
	// abandoned call would leave its outcome unknown for longer.
	cctx, cancelCharge := context.WithTimeout(context.WithoutCancel(ctx), chargeTimeout)
	ref, err := s.opt.Payments.Charge(cctx, o.ID, amount, token)
	cancelCharge()
	if errors.Is(err, ErrDeclined) {
		// The units go back even if the shopper has gone away meanwhile.
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if _, cerr := s.cancel(cctx, o.ID, err.Error()); cerr != nil {
			return nil, cerr
		}
		return nil, kernel.Fail(kernel.CodePaymentDeclined, kernel.Field("input", "paymentToken"), "the payment was declined")
	}
	if err != nil {
		// Unknown outcome: the order stays PENDING_PAYMENT; a retry with the
		// same key finishes it, or the sweep asks the provider whether it
		// was charged (settles it if so, else returns its stock).
		return nil, fmt.Errorf("order.Checkout: payment: %w", err)
	}
	// The money is taken: finish even if the shopper goes away. Should the
	// settlement fail here, the order stays PENDING_PAYMENT and the sweep
	// finds the charge at the provider (Charged) and settles it, never
	// cancels it.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	st := &settlement{order: o, ref: ref}
	key := o.ID
	if len(o.lines) > 0 {
		key = o.lines[0].ProductID
	}
	s.settlements.lane(key).do(st)
	return st.paid, st.err
}

// noteCharge records a charge the sweep found at the provider on its order
// while it is still PENDING_PAYMENT, so that no concurrent sweep cancels it
// before it is settled.
func (s *Service) noteCharge(ctx context.Context, orderID, ref string) error {
	_, err := s.db.NewUpdate().Model((*Order)(nil)).Set("payment_ref = ?", ref).
		Where("id = ?", orderID).Where("status = ?", StatusPendingPayment).Exec(ctx)
	return err
}

// settle records a charged order as PAID: the ledger posting, the cart, the
// show events and the sales feed. If its reservation had expired, the
// stock is taken again; if that is gone, the charge is refunded.
func (s *Service) settle(ctx context.Context, o *Order, ref string) (*Order, error) {
	now := s.clock.Now()
	var events []*showevents.Event
	var sales []*Sale
	var paid []*Line
	release := s.acquire(ctx)
	defer release()
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewUpdate().Model((*Order)(nil)).Set("status = ?", StatusPaid).Set("paid_at = ?", now).Set("payment_ref = ?", ref).
			Where("id = ?", o.ID).Where("status = ?", StatusPendingPayment).Exec(ctx)
		if err != nil {
			return err
		}
		revived := false
		if n, _ := res.RowsAffected(); n == 0 {
			// The reservation expired while the provider was charging: the
			// money is taken, so take the stock back if it is still there.
			res, err := tx.NewUpdate().Model((*Order)(nil)).Set("status = ?", StatusPaid).Set("paid_at = ?", now).Set("payment_ref = ?", ref).
				Where("id = ?", o.ID).Where("status = ?", StatusCancelled).Where("decline_reason IS NULL").Where("charge_back_at IS NULL").Exec(ctx)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return errAlreadySettled // paid by a concurrent retry of the same key
			}
			revived = true
		}
		if err := linesPaid(ctx, tx, []string{o.ID}, now); err != nil {
			return err
		}
		lines := o.lines
		if lines == nil {
			if err := tx.NewSelect().Model(&lines).Where("ol.order_id = ?", o.ID).OrderExpr("ol.id").Scan(ctx); err != nil {
				return err
			}
		}
		if revived {
			if err := retake(ctx, tx, o.UserID, lines); err != nil {
				return err
			}
		}
		p, err := paymentPosting(o, lines, now)
		if err != nil {
			return err
		}
		if err := ledger.Post(ctx, tx, p); err != nil {
			return err
		}
		// The bought products leave the cart.
		bought := make([]string, len(lines))
		for i, l := range lines {
			bought[i] = l.ProductID
		}
		if _, err := tx.NewDelete().Model((*CartLine)(nil)).Where("product_id IN (?)", bun.In(bought)).
			Where("cart_id IN (?)", tx.NewSelect().Table("carts").Column("id").Where("user_id = ?", o.UserID)).Exec(ctx); err != nil {
			return err
		}
		paid = lines
		return nil
	})
	if errors.Is(err, errAlreadySettled) {
		// Paid by a concurrent retry of the same key, or charged back by
		// one (a charge it found at the provider, its units gone).
		cur, err := s.get(ctx, o.ID)
		if err != nil {
			return nil, err
		}
		switch {
		case cur.Status != StatusCancelled:
			return cur, nil
		case cur.ChargeBackAt != nil:
			return nil, chargedBack()
		default: // declined, yet charged: never the provider's contract
			return nil, fmt.Errorf("order.Checkout: order %s was declined but charged (%s)", o.ID, ref)
		}
	}
	if errors.Is(err, errGone) {
		// The money must go back: the refund is queued durably (a worker
		// sends it until the provider confirms).
		paid, err := s.chargeBack(ctx, o, ref)
		if err != nil {
			return nil, fmt.Errorf("order.Checkout: %w", err)
		}
		if paid {
			return s.get(ctx, o.ID)
		}
		return nil, chargedBack()
	}
	if err != nil {
		return nil, fmt.Errorf("order.Checkout: settle: %w", err)
	}
	// The show's PurchaseMade/StockChanged events take the show's sequence
	// (a row lock every event of the show shares), so they are recorded in a
	// transaction of their own, after the payment's: buyers never wait on
	// each other's events to be paid. The order is paid either way; a lost
	// event is logged.
	err = s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		var err error
		withLines := *o
		withLines.lines = paid
		events, sales, err = saleEvents(ctx, tx, []*Order{&withLines}, now)
		return err
	})
	if err != nil {
		s.opt.Logger.WarnContext(ctx, "order: record sale events", "order", o.ID, "err", err)
	}
	s.publish(ctx, events...)
	for _, sale := range sales {
		if err := s.opt.Sales.Publish(ctx, sale); err != nil {
			s.opt.Logger.WarnContext(ctx, "order: publish sale", "order", o.ID, "err", err)
		}
	}
	// The order as the settling statement left it (no need to read it back).
	paidOrder := *o
	paidOrder.Status, paidOrder.PaidAt, paidOrder.PaymentRef = StatusPaid, &now, &ref
	return &paidOrder, nil
}

// chargeTimeout bounds one call to the payment provider.
const chargeTimeout = 30 * time.Second

// chargedBack answers a checkout whose charge is being given back.
func chargedBack() error {
	return kernel.Fail(kernel.CodeOutOfStock, kernel.Field("input"),
		"your reservation expired while the payment was processed and the items sold out; the payment is being refunded")
}

var (
	errAlreadySettled = errors.New("order: already settled")
	errGone           = errors.New("order: the expired reservation's stock is gone")
)

// retake reserves again, with the same conditional statements, the stock
// and flash-sale allowance of an order whose reservation had expired.
func retake(ctx context.Context, tx bun.IDB, userID string, lines []*Line) error {
	for _, l := range lines {
		if l.FlashSaleID != nil {
			if err := orGone(takeFlash(ctx, tx, *l.FlashSaleID, l.Quantity, time.Time{})); err != nil {
				return err
			}
			var limit int
			if err := tx.NewSelect().Table("flash_sales").Column("per_buyer_limit").Where("id = ?", *l.FlashSaleID).Scan(ctx, &limit); err != nil {
				return err
			}
			if err := orGone(addBuyer(ctx, tx, *l.FlashSaleID, userID, l.Quantity, limit)); err != nil {
				return err
			}
		}
		if err := orGone(takeStock(ctx, tx, l.ProductID, l.Quantity, false)); err != nil {
			return err
		}
	}
	return nil
}

// saleEvents records a show's PurchaseMade and StockChanged events for the
// lines bought in a LIVE show, and builds the vendors' sales. Per show:
// one statement takes the sequence numbers (and locks the show, so that the
// stock read next is not older than a previous StockChanged), one reads the
// stock, one stores the events.
func saleEvents(ctx context.Context, tx bun.IDB, orders []*Order, now time.Time) ([]*showevents.Event, []*Sale, error) {
	var events []*showevents.Event
	var sales []*Sale
	byShow := map[string][]*Line{}
	var showIDs []string
	currency := map[string]string{}
	var lines []*Line
	for _, o := range orders {
		lines = append(lines, o.lines...)
		currency[o.ID] = o.Currency
	}
	for _, l := range lines {
		if l.ShowID == nil {
			continue
		}
		if byShow[*l.ShowID] == nil {
			showIDs = append(showIDs, *l.ShowID)
		}
		byShow[*l.ShowID] = append(byShow[*l.ShowID], l)
		parts := ledger.Split(l.TotalMinor, ledger.EffectiveCommission(deref(l.InfluencerID), l.CommissionBps), l.PlatformFeeBps)
		cur := currency[l.OrderID]
		sales = append(sales, &Sale{OrderID: l.OrderID, VendorID: l.VendorID, ShowID: *l.ShowID, InfluencerID: deref(l.InfluencerID),
			ProductID: l.ProductID, Quantity: l.Quantity, Gross: kernel.Money{AmountMinor: l.TotalMinor, Currency: cur},
			Commission: kernel.Money{AmountMinor: parts.Influencer, Currency: cur}, At: now})
	}
	// Every LIVE show featuring a bought product hears its new stock, not
	// only the show a line is attributed to.
	bought := map[string]bool{}
	for _, l := range lines {
		bought[l.ProductID] = true
	}
	featuring, err := liveShowsFeaturing(ctx, tx, bought)
	if err != nil {
		return nil, nil, err
	}
	for showID := range featuring {
		if byShow[showID] == nil {
			showIDs = append(showIDs, showID)
		}
	}
	sort.Strings(showIDs) // a fixed lock order between concurrent orders
	for _, showID := range showIDs {
		// Each purchase made in the show, then the stock of each bought
		// product it features, after all of them.
		var evs []*showevents.Event
		for _, l := range byShow[showID] {
			q := l.Quantity
			evs = append(evs, &showevents.Event{At: now, Kind: showevents.PurchaseMade, ProductID: l.ProductID, Quantity: &q})
		}
		for _, productID := range featuring[showID] {
			evs = append(evs, &showevents.Event{At: now, Kind: showevents.StockChanged, ProductID: productID})
		}
		live, err := showevents.RecordWhileLive(ctx, tx, showID, evs, func() error { return fillStock(ctx, tx, evs) })
		if err != nil {
			return nil, nil, err
		}
		if live {
			events = append(events, evs...)
		}
	}
	return events, sales, nil
}

// cancel cancels a PENDING_PAYMENT order and returns its stock (and flash
// sale allowance), exactly once: only the statement that moves it out of
// PENDING_PAYMENT releases anything.
func (s *Service) cancel(ctx context.Context, orderID, declineReason string) (bool, error) {
	done := false
	var back map[string]int
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		q := tx.NewUpdate().Model((*Order)(nil)).Set("status = ?", StatusCancelled).
			Where("id = ?", orderID).Where("status = ?", StatusPendingPayment).Where("payment_ref IS NULL")
		if declineReason != "" {
			q = q.Set("decline_reason = ?", declineReason)
		} else { // expired: the sweep has just asked the provider (see Reconcile)
			q = q.Set("charge_checked_at = ?", s.clock.Now())
		}
		res, err := q.Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		done = true
		var lines []*Line
		if err := tx.NewSelect().Model(&lines).Where("ol.order_id = ?", orderID).OrderExpr("ol.product_id").Scan(ctx); err != nil {
			return err
		}
		var userID string
		if err := tx.NewSelect().Table("orders").Column("user_id").Where("id = ?", orderID).Scan(ctx, &userID); err != nil {
			return err
		}
		// Flash sales first, then products, each in id order: the order
		// reservations take them in, so a release never deadlocks with a
		// reservation of the same product.
		sort.SliceStable(lines, func(i, j int) bool { return deref(lines[i].FlashSaleID) < deref(lines[j].FlashSaleID) })
		for _, l := range lines {
			if l.FlashSaleID != nil {
				if _, err := tx.NewRaw("UPDATE flash_sales SET remaining = remaining + ? WHERE id = ?", l.Quantity, *l.FlashSaleID).Exec(ctx); err != nil {
					return err
				}
				if _, err := tx.NewRaw("DELETE FROM flash_sale_buyers WHERE flash_sale_id = ? AND user_id = ? AND quantity <= ?",
					*l.FlashSaleID, userID, l.Quantity).Exec(ctx); err != nil {
					return err
				}
				if _, err := tx.NewRaw("UPDATE flash_sale_buyers SET quantity = quantity - ? WHERE flash_sale_id = ? AND user_id = ?",
					l.Quantity, *l.FlashSaleID, userID).Exec(ctx); err != nil {
					return err
				}
			}
		}
		back = map[string]int{}
		for _, l := range lines {
			back[l.ProductID] += l.Quantity
		}
		for _, id := range sortedKeys(back) {
			if _, err := tx.NewRaw("UPDATE products SET stock = stock + ? WHERE id = ?", back[id], id).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("order.cancel: %w", err)
	}
	if done {
		s.gate.released(back)
		s.stockReturned(ctx, back)
	}
	return done, nil
}

// ExpireReservations cancels orders left unpaid past their reservation and
// returns their stock; it reports how many it cancelled. An order whose
// charge went through (noted, or known to the provider) is settled instead,
// never cancelled. Safe to run from several workers at once.
func (s *Service) ExpireReservations(ctx context.Context) (int, error) {
	var ids []string
	if err := s.db.NewSelect().Model((*Order)(nil)).Column("id").Where("status = ?", StatusPendingPayment).
		Where("payment_ref IS NULL").Where("expires_at <= ?", s.clock.Now()).OrderExpr("expires_at").Limit(500).Scan(ctx, &ids); err != nil {
		return 0, fmt.Errorf("order.ExpireReservations: %w", err)
	}
	n := 0
	var errs []error
	// Charged but not settled (the process stopped, the database failed):
	// settle them, never cancel.
	var charged []*Order
	if err := s.db.NewSelect().Model(&charged).Where("o.status = ?", StatusPendingPayment).Where("o.payment_ref IS NOT NULL").
		Where("o.expires_at <= ?", s.clock.Now()).Limit(100).Scan(ctx); err != nil {
		return 0, fmt.Errorf("order.ExpireReservations: %w", err)
	}
	for _, o := range charged {
		if _, err := s.settle(ctx, o, *o.PaymentRef); err != nil {
			if _, expected := kernel.AsFieldErrors(err); !expected {
				s.opt.Logger.ErrorContext(ctx, "order: settle a charged order", "order", o.ID, "err", err)
				errs = append(errs, err)
			}
		}
	}
	for _, id := range ids {
		// The charge's answer may have been lost (a timeout, a crash): the
		// provider says whether money was taken. If it cannot say, the
		// order keeps its units until a later sweep can ask.
		ref, err := s.opt.Payments.Charged(ctx, id)
		if err != nil {
			s.opt.Logger.WarnContext(ctx, "order: ask the provider about an expired order's charge", "order", id, "err", err)
			errs = append(errs, fmt.Errorf("order %s: charged: %w", id, err))
			continue
		}
		if ref != "" {
			if err := s.noteCharge(ctx, id, ref); err != nil {
				errs = append(errs, err)
				continue
			}
			o, err := s.get(ctx, id)
			if err == nil {
				_, err = s.settle(ctx, o, ref)
			}
			if _, expected := kernel.AsFieldErrors(err); err != nil && !expected {
				s.opt.Logger.ErrorContext(ctx, "order: settle a charged order", "order", id, "err", err)
				errs = append(errs, err)
			}
			continue
		}
		done, err := s.cancel(ctx, id, "")
		if err != nil { // one order must not hold back the others' stock
			s.opt.Logger.ErrorContext(ctx, "order: expire reservation", "order", id, "err", err)
			errs = append(errs, err)
			continue
		}
		if done {
			n++
		}
	}
	return n, errors.Join(errs...)
}

func (s *Service) get(ctx context.Context, id string) (*Order, error) {
	o := &Order{}
	if err := s.db.NewSelect().Model(o).Where("o.id = ?", id).Scan(ctx); err != nil {
		return nil, fmt.Errorf("order: get %s: %w", id, err)
	}
	return o, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// wrap keeps expected failures as they are and wraps the rest.
func wrap(op string, err error) error {
	if _, ok := kernel.AsFieldErrors(err); ok {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}
