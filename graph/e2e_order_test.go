package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket/wsjson"
	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/internal/testkit"
)

const (
	cartFields = `id subtotals{ amountMinor currency }
		lines{ id quantity product{ id } vendor{ id } show{ id } unitPrice{ amountMinor currency } total{ amountMinor currency } }`
	orderFields = `id number status createdAt total{ amountMinor currency } show{ id title } influencer{ id handle }
		lines{ id quantity commissionBps platformFeeBps refundedQuantity unitPrice{ amountMinor currency } total{ amountMinor currency }
			product{ id title vendor{ id } } vendor{ id name } }
		vendorOrders{ id status vendor{ id name } subtotal{ amountMinor currency } lines{ id product{ id } } }`

	cartQ       = `query{ cart{ ` + cartFields + ` } }`
	cartAddQ    = `mutation($in: CartLineAddInput!){ cartLineAdd(input:$in){ cart{ ` + cartFields + ` } errors{ code field message } } }`
	cartUpdateQ = `mutation($in: CartLineUpdateInput!){ cartLineUpdate(input:$in){ cart{ ` + cartFields + ` } errors{ code field message } } }`
	checkoutQ   = `mutation($in: CheckoutInput!){ checkout(input:$in){ order{ ` + orderFields + ` } errors{ code field message } } }`
	orderQ      = `query($id: ID!){ order(id:$id){ ` + orderFields + ` } }`
	ordersQ     = `query($f: OrderFilter, $n: Int){ orders(filter:$f, first:$n){ totalCount pageInfo{ hasNextPage endCursor }
		edges{ cursor node{ ` + orderFields + ` } } } }`
	refundQ = `mutation($in: OrderRefundInput!){ orderRefund(input:$in){ order{ ` + orderFields + ` } errors{ code field message } } }`
	stockQ  = `query($id: ID!){ product(id:$id){ stock } }`
	reportQ = `query($v: ID!, $from: Time!, $to: Time!, $g: SalesGroupBy!){ vendorSalesReport(vendorId:$v, from:$from, to:$to, groupBy:$g){
		key label orders units gross{ amountMinor currency } commission{ amountMinor currency } platformFee{ amountMinor currency }
		vendorNet{ amountMinor currency } refunded{ amountMinor currency } } }`
	earningsQ = `query($from: Time!, $to: Time!){ earnings(from:$from, to:$to){ key label orders units gross{ amountMinor currency }
		commission{ amountMinor currency } platformFee{ amountMinor } vendorNet{ amountMinor } refunded{ amountMinor } } }`
	flashFields = `product{ id } price{ amountMinor currency } quantity remaining perBuyerLimit endsAt`
	flashStartQ = `mutation($in: FlashSaleStartInput!){ flashSaleStart(input:$in){ show{ id featuredProducts{ product{ id } flashSale{ ` +
		flashFields + ` } } } errors{ code field message } } }`
	flashEndQ = `mutation($s: ID!, $p: ID!){ flashSaleEnd(input:{showId:$s, productId:$p}){ show{ id featuredProducts{ product{ id } flashSale{ ` +
		flashFields + ` } } } errors{ code field message } } }`
	showFlashQ = `query($id: ID!){ show(id:$id){ featuredProducts{ product{ id } flashSale{ ` + flashFields + ` } } } }`

	orderEventsSub = `subscription($id: ID!){ showEvents(showId:$id){ __typename seq showId
		... on PurchaseMade { productId quantity }
		... on StockChanged { productId stock }
		... on FlashSaleStarted { flashSale { ` + flashFields + ` } }
		... on FlashSaleEnded { productId } } }`
)

type (
	amount struct {
		AmountMinor int64
		Currency    string
	}
	cartView struct {
		ID        string
		Subtotals []amount
		Lines     []struct {
			ID               string
			Quantity         int
			Product, Vendor  struct{ ID string }
			Show             *struct{ ID string }
			UnitPrice, Total amount
		}
	}
	orderLineView struct {
		ID                                                        string
		Quantity, CommissionBps, PlatformFeeBps, RefundedQuantity int
		UnitPrice, Total                                          amount
		Product                                                   struct {
			ID, Title string
			Vendor    struct{ ID string }
		}
		Vendor struct{ ID, Name string }
	}
	orderView struct {
		ID, Number, Status string
		CreatedAt          time.Time
		Total              amount
		Show               *struct{ ID, Title string }
		Influencer         *struct{ ID, Handle string }
		Lines              []orderLineView
		VendorOrders       []struct {
			ID, Status string
			Vendor     struct{ ID, Name string }
			Subtotal   amount
			Lines      []struct {
				ID      string
				Product struct{ ID string }
			}
		}
	}
	salesRowView struct {
		Key, Label                                          string
		Orders, Units                                       int
		Gross, Commission, PlatformFee, VendorNet, Refunded amount
	}
	flashSaleView struct {
		Product                            struct{ ID string }
		Price                              amount
		Quantity, Remaining, PerBuyerLimit int
		EndsAt                             time.Time
	}
	featuredView struct {
		Product   struct{ ID string }
		FlashSale *flashSaleView
	}
	liveEvent struct {
		Typename  string `json:"__typename"`
		Seq       int64
		ShowID    string
		ProductID string
		Quantity  int
		Stock     int
		FlashSale *flashSaleView
	}
)

func usd(n int64) amount { return amount{AmountMinor: n, Currency: "USD"} }

func shipTo() map[string]any {
	return map[string]any{"name": "Sol Shopper", "line1": "1 Rue de la Paix", "city": "Paris", "postalCode": "75002", "country": "FR"}
}

// addToCart runs cartLineAdd; showID may be "".
func addToCart(t *testing.T, s *testkit.Server, token, productID string, quantity int, showID string) (*cartView, []userError) {
	t.Helper()
	in := map[string]any{"productId": productID, "quantity": quantity}
	if showID != "" {
		in["showId"] = showID
	}
	var out struct {
		CartLineAdd struct {
			Cart   *cartView
			Errors []userError
		}
	}
	s.MustDo(t, token, cartAddQ, map[string]any{"in": in}, &out)
	return out.CartLineAdd.Cart, out.CartLineAdd.Errors
}

func mustAdd(t *testing.T, s *testkit.Server, token, productID string, quantity int, showID string) *cartView {
	t.Helper()
	c, errs := addToCart(t, s, token, productID, quantity, showID)
	if len(errs) > 0 || c == nil {
		t.Fatalf("cartLineAdd %s x%d: %+v", productID, quantity, errs)
	}
	return c
}

func cartOf(t *testing.T, s *testkit.Server, token string) cartView {
	t.Helper()
	var out struct{ Cart cartView }
	s.MustDo(t, token, cartQ, nil, &out)
	return out.Cart
}

func checkout(t *testing.T, s *testkit.Server, token, key, payment string) (*orderView, []userError) {
	t.Helper()
	var out struct {
		Checkout struct {
			Order  *orderView
			Errors []userError
		}
	}
	s.MustDo(t, token, checkoutQ, map[string]any{"in": map[string]any{"idempotencyKey": key, "paymentToken": payment,
		"shippingAddress": shipTo()}}, &out)
	return out.Checkout.Order, out.Checkout.Errors
}

func mustCheckout(t *testing.T, s *testkit.Server, token, key string) *orderView {
	t.Helper()
	o, errs := checkout(t, s, token, key, "tok_visa")
	if len(errs) > 0 || o == nil {
		t.Fatalf("checkout %s: %+v", key, errs)
	}
	return o
}

func refund(t *testing.T, s *testkit.Server, token, orderID string, restock bool, lines ...map[string]any) (*orderView, []userError) {
	t.Helper()
	if lines == nil {
		lines = []map[string]any{}
	}
	var out struct {
		OrderRefund struct {
			Order  *orderView
			Errors []userError
		}
	}
	s.MustDo(t, token, refundQ, map[string]any{"in": map[string]any{"orderId": orderID, "lines": lines,
		"reason": "damaged in transit", "restock": restock}}, &out)
	return out.OrderRefund.Order, out.OrderRefund.Errors
}

func refundLine(lineID string, quantity int) map[string]any {
	return map[string]any{"lineId": lineID, "quantity": quantity}
}

func stockOf(t *testing.T, s *testkit.Server, productID string) int {
	t.Helper()
	var out struct{ Product struct{ Stock int } }
	s.MustDo(t, "", stockQ, map[string]any{"id": productID}, &out)
	return out.Product.Stock
}

func ordersOf(t *testing.T, s *testkit.Server, token string, filter map[string]any) (int, []orderView) {
	t.Helper()
	var out struct {
		Orders struct {
			TotalCount int
			Edges      []struct{ Node orderView }
		}
	}
	s.MustDo(t, token, ordersQ, map[string]any{"f": filter}, &out)
	nodes := make([]orderView, len(out.Orders.Edges))
	for i, e := range out.Orders.Edges {
		nodes[i] = e.Node
	}
	return out.Orders.TotalCount, nodes
}

func orderByID(t *testing.T, s *testkit.Server, token, id string) *orderView {
	t.Helper()
	var out struct{ Order *orderView }
	s.MustDo(t, token, orderQ, map[string]any{"id": id}, &out)
	return out.Order
}

// balanced proves the ledger still balances.
func balanced(t *testing.T, s *testkit.Server) {
	t.Helper()
	if err := ledger.Check(context.Background(), s.App.DB); err != nil {
		t.Fatalf("ledger: %v", err)
	}
}

// hasCode reports whether errs is exactly one error with code (and, when
// given, field).
func hasCode(errs []userError, code string, field ...string) bool {
	return len(errs) == 1 && errs[0].Code == code && errs[0].Message != "" && (len(field) == 0 || slices.Equal(errs[0].Field, field))
}

// watchShow subscribes a guest to showID's events with the checkout fields
// and returns a function reading the next event.
func watchShow(t *testing.T, s *testkit.Server, showID string) func() liveEvent {
	t.Helper()
	before := s.App.ShowSubscribers(showID)
	c := rawSubscribe(t, s, orderEventsSub, showID)
	waitFor(t, func() bool { return s.App.ShowSubscribers(showID) > before })
	return func() liveEvent {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var msg nextMsg
		if err := wsjson.Read(ctx, c, &msg); err != nil {
			t.Fatalf("showEvents: no event: %v", err)
		}
		if msg.Type != "next" || len(msg.Payload.Errors) > 0 {
			t.Fatalf("showEvents: %+v", msg)
		}
		var ev liveEvent
		if err := json.Unmarshal(msg.Payload.Data.ShowEvents, &ev); err != nil {
			t.Fatal(err)
		}
		return ev
	}
}

type saleView struct {
	OrderID, VendorID string
	Quantity          int
	Gross             amount
	Commission        struct{ AmountMinor int64 }
	Show, Influencer  *struct{ ID string }
	Product           struct{ ID string }
}

// watchSales subscribes token's user to vendorID's sales.
func watchSales(t *testing.T, s *testkit.Server, token, vendorID string) func() saleView {
	t.Helper()
	c, ack := wsSession(t, s, map[string]any{"authToken": token})
	if ack["type"] != "connection_ack" {
		t.Fatalf("ack: %v", ack)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := wsjson.Write(ctx, c, map[string]any{"id": "sales", "type": "subscribe",
		"payload": map[string]any{"query": vendorSalesSub, "variables": map[string]any{"v": vendorID}}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return s.App.SalesSubscribers(vendorID) == 1 })
	return func() saleView {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		var msg struct {
			Type    string
			Payload struct {
				Data   struct{ VendorSales saleView }
				Errors []any
			}
		}
		if err := wsjson.Read(ctx, c, &msg); err != nil {
			t.Fatalf("vendorSales: no sale: %v", err)
		}
		if msg.Type != "next" || len(msg.Payload.Errors) > 0 {
			t.Fatalf("vendorSales: %+v", msg)
		}
		return msg.Payload.Data.VendorSales
	}
}

// TestCheckoutFromALiveShow: a shopper adds a featured product from a LIVE
// show and checks out; the order is PAID with its lines frozen (the
// collaboration's rate, the default platform fee), attributed to the show
// and its host; stock drops, the cart empties, viewers get PurchaseMade and
// StockChanged and the vendor's staff the sale; the ledger balances.
func TestCheckoutFromALiveShow(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		shopper := m.stranger
		events := watchShow(t, s, showID)
		sales := watchSales(t, s, m.owner, m.vendorID)

		c := mustAdd(t, s, shopper, m.productID, 2, showID)
		if c.ID == "" || len(c.Lines) != 1 || c.Lines[0].Quantity != 2 || c.Lines[0].Product.ID != m.productID ||
			c.Lines[0].Vendor.ID != m.vendorID || c.Lines[0].Show == nil || c.Lines[0].Show.ID != showID ||
			c.Lines[0].UnitPrice != usd(1999) || c.Lines[0].Total != usd(3998) || !slices.Equal(c.Subtotals, []amount{usd(3998)}) {
			t.Fatalf("cart = %+v", c)
		}
		// Adding the same product again adds to its line.
		c = mustAdd(t, s, shopper, m.productID, 1, showID)
		if len(c.Lines) != 1 || c.Lines[0].Quantity != 3 || c.Lines[0].Total != usd(5997) {
			t.Fatalf("cart after adding again = %+v", c)
		}
		c = updateLine(t, s, shopper, c.Lines[0].ID, 2)
		if len(c.Lines) != 1 || c.Lines[0].Quantity != 2 || !slices.Equal(c.Subtotals, []amount{usd(3998)}) {
			t.Fatalf("cart after cartLineUpdate = %+v", c)
		}

		o := mustCheckout(t, s, shopper, "order-1")
		if o.Status != "PAID" || o.Number == "" || o.Total != usd(3998) || !o.CreatedAt.Equal(s.Clock.Now()) ||
			o.Show == nil || o.Show.ID != showID || o.Influencer == nil || o.Influencer.ID != m.influencerID || len(o.Lines) != 1 {
			t.Fatalf("order = %+v", o)
		}
		l := o.Lines[0]
		if l.Quantity != 2 || l.UnitPrice != usd(1999) || l.Total != usd(3998) || l.CommissionBps != 1500 || l.PlatformFeeBps != 500 ||
			l.RefundedQuantity != 0 || l.Product.ID != m.productID || l.Vendor.ID != m.vendorID || l.Product.Vendor.ID != m.vendorID {
			t.Fatalf("order line = %+v", l)
		}
		if len(o.VendorOrders) != 1 || o.VendorOrders[0].Status != "PAID" || o.VendorOrders[0].Vendor.ID != m.vendorID ||
			o.VendorOrders[0].Subtotal != usd(3998) || len(o.VendorOrders[0].Lines) != 1 || o.VendorOrders[0].Lines[0].ID != l.ID {
			t.Fatalf("vendor orders = %+v", o.VendorOrders)
		}
		if n := stockOf(t, s, m.productID); n != 8 {
			t.Fatalf("stock = %d, want 8", n)
		}
		if c := cartOf(t, s, shopper); len(c.Lines) != 0 || len(c.Subtotals) != 0 {
			t.Fatalf("cart after checkout = %+v", c)
		}

		// The shopper reads it back, alone and in their list.
		if got := orderByID(t, s, shopper, o.ID); got == nil || got.ID != o.ID || got.Status != "PAID" || len(got.Lines) != 1 {
			t.Fatalf("order(id) = %+v", got)
		}
		if n, list := ordersOf(t, s, shopper, nil); n != 1 || len(list) != 1 || list[0].ID != o.ID {
			t.Fatalf("orders = %d %+v", n, list)
		}

		// Viewers of the show, and the vendor's staff, hear of it.
		bought, left := events(), events()
		if bought.Typename != "PurchaseMade" || bought.ProductID != m.productID || bought.Quantity != 2 || bought.ShowID != showID ||
			left.Typename != "StockChanged" || left.ProductID != m.productID || left.Stock != 8 || left.Seq != bought.Seq+1 {
			t.Fatalf("events = %+v, %+v", bought, left)
		}
		sale := sales()
		if sale.OrderID != o.ID || sale.VendorID != m.vendorID || sale.Quantity != 2 || sale.Gross != usd(3998) ||
			sale.Commission.AmountMinor != 599 || sale.Show == nil || sale.Show.ID != showID || sale.Influencer == nil ||
			sale.Influencer.ID != m.influencerID || sale.Product.ID != m.productID {
			t.Fatalf("sale = %+v", sale)
		}
		balanced(t, s)
	})
}

func updateLine(t *testing.T, s *testkit.Server, token, lineID string, quantity int) *cartView {
	t.Helper()
	var out struct {
		CartLineUpdate struct {
			Cart   *cartView
			Errors []userError
		}
	}
	s.MustDo(t, token, cartUpdateQ, map[string]any{"in": map[string]any{"lineId": lineID, "quantity": quantity}}, &out)
	if len(out.CartLineUpdate.Errors) > 0 || out.CartLineUpdate.Cart == nil {
		t.Fatalf("cartLineUpdate: %+v", out.CartLineUpdate.Errors)
	}
	return out.CartLineUpdate.Cart
}

// TestDeclinedPaymentKeepsEverything: a declined card is PAYMENT_DECLINED;
// stock, cart and ledger are as before and no order is PAID; retrying the
// same checkout gives the same refusal.
func TestDeclinedPaymentKeepsEverything(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		mustAdd(t, s, m.stranger, m.productID, 3, showID)
		for i := 0; i < 2; i++ {
			o, errs := checkout(t, s, m.stranger, "declined-1", "tok_declined")
			if o != nil || !hasCode(errs, "PAYMENT_DECLINED", "input", "paymentToken") {
				t.Fatalf("checkout with tok_declined (try %d) = %+v, %+v", i, o, errs)
			}
		}
		if n := stockOf(t, s, m.productID); n != 10 {
			t.Fatalf("stock = %d, want 10", n)
		}
		if c := cartOf(t, s, m.stranger); len(c.Lines) != 1 || c.Lines[0].Quantity != 3 {
			t.Fatalf("cart = %+v", c)
		}
		if n, _ := ordersOf(t, s, m.stranger, map[string]any{"status": "PAID"}); n != 0 {
			t.Fatalf("%d PAID orders", n)
		}
		if n, list := ordersOf(t, s, m.stranger, nil); n != 1 || list[0].Status != "CANCELLED" {
			t.Fatalf("orders = %d %+v, want one CANCELLED", n, list)
		}
		var postings int
		if err := s.DB.NewSelect().Table("ledger_postings").ColumnExpr("COUNT(*)").Scan(context.Background(), &postings); err != nil || postings != 0 {
			t.Fatalf("ledger postings = %d, %v", postings, err)
		}
		balanced(t, s)
	})
}

// TestCheckoutIsIdempotent: a client retrying a checkout with the same key
// and request gets the same order, and nothing is bought or charged twice;
// the same key with a different request is IDEMPOTENCY_MISMATCH.
func TestCheckoutIsIdempotent(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		mustAdd(t, s, m.stranger, m.productID, 1, showID)
		first := mustCheckout(t, s, m.stranger, "key-1")
		samePaid := func(name string, o *orderView) {
			t.Helper()
			if o == nil || o.ID != first.ID || o.Number != first.Number || o.Status != "PAID" {
				t.Fatalf("%s = %+v, want order %s", name, o, first.ID)
			}
			if n := stockOf(t, s, m.productID); n != 9 {
				t.Fatalf("%s: stock = %d, want 9", name, n)
			}
			if n, _ := ordersOf(t, s, m.stranger, nil); n != 1 {
				t.Fatalf("%s: %d orders, want 1", name, n)
			}
		}

		// The answer was lost: the client retries at once (the checkout has
		// emptied the cart).
		t.Run("retry after success", func(t *testing.T) {
			retry, errs := checkout(t, s, m.stranger, "key-1", "tok_visa")
			if len(errs) > 0 {
				t.Fatalf("retry: %+v", errs)
			}
			samePaid("retry", retry)
		})

		// The shopper puts the same line back and sends the same request.
		mustAdd(t, s, m.stranger, m.productID, 1, showID)
		again, errs := checkout(t, s, m.stranger, "key-1", "tok_visa")
		if len(errs) > 0 {
			t.Fatalf("replay: %+v", errs)
		}
		samePaid("replay", again)

		// Another address under the same key is another request.
		r := s.Do(t, m.stranger, checkoutQ, map[string]any{"in": map[string]any{"idempotencyKey": "key-1", "paymentToken": "tok_visa",
			"shippingAddress": with(shipTo(), "city", "Lyon")}})
		if errs := payloadErrors(t, r, "checkout"); len(r.Errors) > 0 || !hasCode(errs, "IDEMPOTENCY_MISMATCH", "input", "idempotencyKey") {
			t.Fatalf("same key, other address: %+v %+v", r.Errors, errs)
		}
		samePaid("after a mismatch", first)

		// A bigger cart under the same key buys nothing more: refused, or
		// answered with the first order (whether the cart is part of the
		// request is the domain's choice).
		mustAdd(t, s, m.stranger, m.productID, 1, showID) // now 2
		o, errs := checkout(t, s, m.stranger, "key-1", "tok_visa")
		if !hasCode(errs, "IDEMPOTENCY_MISMATCH", "input", "idempotencyKey") && (o == nil || o.ID != first.ID) {
			t.Fatalf("same key, different cart = %+v, %+v", o, errs)
		}
		samePaid("same key, different cart", first)
		if c := cartOf(t, s, m.stranger); len(c.Lines) != 1 || c.Lines[0].Quantity != 2 {
			t.Fatalf("cart = %+v", c)
		}
		balanced(t, s)
	})
}

// TestCartRefusalsChangeNothing: bad quantities, unknown and archived
// products, a second currency and shows that are not LIVE or do not feature
// the product are typed errors in the payload and change nothing.
func TestCartRefusalsChangeNothing(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		scheduled := m.scheduledShow(t, 3*time.Hour) // featuring the product, not live
		archived := newProduct(t, s, m.owner, m.vendorID, "OLD-1", 5)
		s.MustDo(t, m.owner, `mutation($id: ID!){ productArchive(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": archived}, nil)
		var eur struct {
			ProductCreate struct{ Product struct{ ID string } }
		}
		s.MustDo(t, m.owner, createProduct, map[string]any{"in": with(productInput(m.vendorID, "EUR-1", 5), "price",
			map[string]any{"amountMinor": 1500, "currency": "EUR"})}, &eur)
		unfeatured := newProduct(t, s, m.owner, m.vendorID, "NOT-FEATURED", 5)
		c := mustAdd(t, s, m.stranger, m.productID, 1, showID)
		lineID := c.Lines[0].ID
		other, _ := s.SignUp(t, "other-shopper@example.com", "Other")
		otherLine := mustAdd(t, s, other, m.productID, 1, "").Lines[0].ID

		before := testkit.Snapshot(t, s.DB)
		adds := []struct {
			name     string
			product  string
			quantity int
			show     string
			code     string
			field    []string
		}{
			{"quantity 0", m.productID, 0, "", "INVALID", []string{"input", "quantity"}},
			{"quantity -1", m.productID, -1, "", "INVALID", []string{"input", "quantity"}},
			{"quantity 1001", m.productID, 1001, "", "LIMIT_EXCEEDED", []string{"input", "quantity"}},
			{"line above 1000", m.productID, 1000, "", "LIMIT_EXCEEDED", []string{"input", "quantity"}},
			{"malformed product id", "nope", 1, "", "INVALID", []string{"input", "productId"}},
			{"unknown product", "01890a5d-ac96-774b-bcce-b302099a8057", 1, "", "NOT_FOUND", []string{"input", "productId"}},
			{"archived product", archived, 1, "", "INVALID_STATE", []string{"input", "productId"}},
			{"second currency", eur.ProductCreate.Product.ID, 1, "", "INVALID", []string{"input", "productId"}},
			{"show not live", m.productID, 1, scheduled, "INVALID_STATE", []string{"input", "showId"}},
			{"show not featuring it", unfeatured, 1, showID, "INVALID", []string{"input", "showId"}},
			{"unknown show", m.productID, 1, "01890a5d-ac96-774b-bcce-b302099a8057", "NOT_FOUND", []string{"input", "showId"}},
		}
		for _, tc := range adds {
			c, errs := addToCart(t, s, m.stranger, tc.product, tc.quantity, tc.show)
			if c != nil || len(errs) == 0 || errs[0].Code != tc.code || !slices.Equal(errs[0].Field, tc.field) {
				t.Errorf("%s: cart %+v, errors %+v; want %s at %v", tc.name, c, errs, tc.code, tc.field)
			}
		}
		updates := []struct {
			name     string
			line     string
			quantity int
			code     string
		}{
			{"update to -1", lineID, -1, "INVALID"},
			{"update to 1001", lineID, 1001, "LIMIT_EXCEEDED"},
			{"unknown line", "01890a5d-ac96-774b-bcce-b302099a8057", 1, "NOT_FOUND"},
			{"another shopper's line", otherLine, 5, "NOT_FOUND"},
		}
		for _, tc := range updates {
			var out struct {
				CartLineUpdate struct {
					Cart   *cartView
					Errors []userError
				}
			}
			s.MustDo(t, m.stranger, cartUpdateQ, map[string]any{"in": map[string]any{"lineId": tc.line, "quantity": tc.quantity}}, &out)
			if out.CartLineUpdate.Cart != nil || len(out.CartLineUpdate.Errors) == 0 || out.CartLineUpdate.Errors[0].Code != tc.code {
				t.Errorf("%s: %+v; want %s", tc.name, out.CartLineUpdate, tc.code)
			}
		}
		checkouts := []struct {
			name  string
			in    map[string]any
			code  string
			field []string
		}{
			{"lower-case country", map[string]any{"idempotencyKey": "k", "paymentToken": "tok_visa",
				"shippingAddress": with(shipTo(), "country", "fr")}, "INVALID", []string{"input", "shippingAddress", "country"}},
			{"no key", map[string]any{"idempotencyKey": " ", "paymentToken": "tok_visa", "shippingAddress": shipTo()},
				"REQUIRED", []string{"input", "idempotencyKey"}},
			{"no name", map[string]any{"idempotencyKey": "k", "paymentToken": "tok_visa", "shippingAddress": with(shipTo(), "name", "")},
				"REQUIRED", []string{"input", "shippingAddress", "name"}},
		}
		for _, tc := range checkouts {
			r := s.Do(t, m.stranger, checkoutQ, map[string]any{"in": tc.in})
			errs := payloadErrors(t, r, "checkout")
			if len(r.Errors) > 0 || len(errs) == 0 || errs[0].Code != tc.code || !slices.Equal(errs[0].Field, tc.field) {
				t.Errorf("checkout %s: %+v %+v; want %s at %v", tc.name, r.Errors, errs, tc.code, tc.field)
			}
		}
		if after := testkit.Snapshot(t, s.DB); after != before {
			t.Fatalf("a refused request changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
		}
		if c := cartOf(t, s, m.stranger); len(c.Lines) != 1 || c.Lines[0].Quantity != 1 {
			t.Fatalf("cart = %+v", c)
		}
		// Guests have no cart.
		if r := s.Do(t, "", cartQ, nil); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Fatalf("cart as a guest: %+v", r.Errors)
		}
	})
}

// TestOrdersAreOnlyForTheirParties: another shopper cannot read an order;
// a vendor's staff list and read only their vendor's part, and neither
// another vendor's orders nor its report; only the lines' vendors refund.
func TestOrdersAreOnlyForTheirParties(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID, owner2, vendor2, product2, o := twoVendorOrder(t, s)
		if o.Total != usd(1999*3) || len(o.Lines) != 2 || len(o.VendorOrders) != 2 || o.Show == nil || o.Show.ID != showID {
			t.Fatalf("order = %+v", o)
		}
		var line1, line2 string
		for _, l := range o.Lines {
			switch l.Vendor.ID {
			case m.vendorID:
				line1 = l.ID
			case vendor2:
				line2 = l.ID
				if l.CommissionBps != 0 || l.PlatformFeeBps != 500 {
					t.Fatalf("unattributed line = %+v", l)
				}
			}
		}

		// Another shopper sees nothing.
		if got := orderByID(t, s, m.host, o.ID); got != nil {
			t.Fatalf("order(id) for another user = %+v", got)
		}
		if n, list := ordersOf(t, s, m.host, nil); n != 0 || len(list) != 0 {
			t.Fatalf("orders for another user = %d %+v", n, list)
		}
		if r := s.Do(t, "", orderQ, map[string]any{"id": o.ID}); len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHENTICATED" {
			t.Fatalf("order(id) as a guest: %+v", r.Errors)
		}

		// Each vendor's staff see their part only.
		for _, tc := range []struct {
			token, vendorID, lineID string
			subtotal                int64
		}{{m.owner, m.vendorID, line1, 1999}, {owner2, vendor2, line2, 3998}} {
			n, list := ordersOf(t, s, tc.token, map[string]any{"vendorId": tc.vendorID})
			if n != 1 || len(list) != 1 || list[0].ID != o.ID || len(list[0].Lines) != 1 || list[0].Lines[0].ID != tc.lineID ||
				len(list[0].VendorOrders) != 1 || list[0].VendorOrders[0].Vendor.ID != tc.vendorID || list[0].Total != usd(tc.subtotal) {
				t.Fatalf("orders(vendorId: %s) = %d %+v", tc.vendorID, n, list)
			}
			if got := orderByID(t, s, tc.token, o.ID); got == nil || len(got.Lines) != 1 || got.Lines[0].ID != tc.lineID {
				t.Fatalf("order(id) for the staff of %s = %+v", tc.vendorID, got)
			}
			// Counted by status too (a vendor's orders are counted by their parts).
			for status, want := range map[string]int{"PAID": 1, "REFUNDED": 0} {
				if n, list := ordersOf(t, s, tc.token, map[string]any{"vendorId": tc.vendorID, "status": status}); n != want || len(list) != want {
					t.Fatalf("orders(vendorId: %s, status: %s) = %d %+v, want %d", tc.vendorID, status, n, list, want)
				}
			}
		}
		if r := s.Do(t, m.owner, ordersQ, map[string]any{"f": map[string]any{"vendorId": vendor2}}); len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" {
			t.Fatalf("orders(vendorId) of another vendor: %+v", r.Errors)
		}
		if r := s.Do(t, m.owner, ordersQ, map[string]any{"f": map[string]any{"vendorId": "nope"}}); len(r.Errors) != 1 || r.Errors[0].Code() != "INVALID" {
			t.Fatalf("orders(vendorId: nope): %+v", r.Errors)
		}
		from, to := s.Clock.Now().Add(-time.Hour).Format(time.RFC3339), s.Clock.Now().Add(time.Hour).Format(time.RFC3339)
		if r := s.Do(t, m.owner, reportQ, map[string]any{"v": vendor2, "from": from, "to": to, "g": "PRODUCT"}); len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" {
			t.Fatalf("vendorSalesReport of another vendor: %+v", r.Errors)
		}
		var rep struct{ VendorSalesReport []salesRowView }
		s.MustDo(t, owner2, reportQ, map[string]any{"v": vendor2, "from": from, "to": to, "g": "PRODUCT"}, &rep)
		if len(rep.VendorSalesReport) != 1 || rep.VendorSalesReport[0].Key != product2 || rep.VendorSalesReport[0].Units != 2 ||
			rep.VendorSalesReport[0].Gross != usd(3998) || rep.VendorSalesReport[0].Commission != usd(0) {
			t.Fatalf("vendorSalesReport = %+v", rep.VendorSalesReport)
		}

		// Refunds: not the shopper, not another vendor's staff.
		before := testkit.Snapshot(t, s.DB)
		if got, errs := refund(t, s, m.stranger, o.ID, true, refundLine(line1, 1)); got != nil || !hasCode(errs, "FORBIDDEN") {
			t.Fatalf("refund by the shopper = %+v %+v", got, errs)
		}
		if got, errs := refund(t, s, owner2, o.ID, true, refundLine(line1, 1)); got != nil || !hasCode(errs, "FORBIDDEN") {
			t.Fatalf("refund by another vendor's staff = %+v %+v", got, errs)
		}
		if after := testkit.Snapshot(t, s.DB); after != before {
			t.Fatal("a refused refund changed the database")
		}
		balanced(t, s)
	})
}

// TestRefunds: a partial refund with restock, an over-refund refused, then
// the rest; the status moves PAID → PARTIALLY_REFUNDED → REFUNDED, the
// report and the host's earnings show it and the ledger balances.
func TestRefunds(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		mustAdd(t, s, m.stranger, m.productID, 3, showID)
		o := mustCheckout(t, s, m.stranger, "refund-me")
		lineID := o.Lines[0].ID
		if n := stockOf(t, s, m.productID); n != 7 {
			t.Fatalf("stock = %d", n)
		}

		got, errs := refund(t, s, m.owner, o.ID, true, refundLine(lineID, 1))
		if len(errs) > 0 || got == nil || got.Status != "PARTIALLY_REFUNDED" || got.Lines[0].RefundedQuantity != 1 ||
			got.VendorOrders[0].Status != "PARTIALLY_REFUNDED" {
			t.Fatalf("partial refund = %+v %+v", got, errs)
		}
		if n := stockOf(t, s, m.productID); n != 8 {
			t.Fatalf("stock after a restocking refund = %d, want 8", n)
		}
		balanced(t, s)

		before := testkit.Snapshot(t, s.DB)
		if got, errs := refund(t, s, m.owner, o.ID, false, refundLine(lineID, 3)); got != nil || !hasCode(errs, "INVALID", "input", "lines", "0", "quantity") {
			t.Fatalf("over-refund = %+v %+v", got, errs)
		}
		if got, errs := refund(t, s, m.owner, o.ID, false, refundLine(lineID, 0)); got != nil || len(errs) == 0 || errs[0].Code != "INVALID" {
			t.Fatalf("refund of 0 = %+v %+v", got, errs)
		}
		if got, errs := refund(t, s, m.owner, o.ID, false); got != nil || !hasCode(errs, "REQUIRED", "input", "lines") {
			t.Fatalf("refund of no lines = %+v %+v", got, errs)
		}
		if after := testkit.Snapshot(t, s.DB); after != before {
			t.Fatal("a refused refund changed the database")
		}

		got, errs = refund(t, s, m.owner, o.ID, false, refundLine(lineID, 2))
		if len(errs) > 0 || got == nil || got.Status != "REFUNDED" || got.Lines[0].RefundedQuantity != 3 {
			t.Fatalf("full refund = %+v %+v", got, errs)
		}
		if n := stockOf(t, s, m.productID); n != 8 {
			t.Fatalf("stock after a refund without restock = %d, want 8", n)
		}
		if got, errs := refund(t, s, m.owner, o.ID, false, refundLine(lineID, 1)); got != nil || !hasCode(errs, "INVALID_STATE") {
			t.Fatalf("refund of a refunded order = %+v %+v", got, errs)
		}
		if mine := orderByID(t, s, m.stranger, o.ID); mine == nil || mine.Status != "REFUNDED" {
			t.Fatalf("the shopper's order = %+v", mine)
		}
		balanced(t, s)

		// 3 × 19.99 = 59.97: 15% commission 8.99, 5% fee 2.99, vendor 47.99.
		from, to := s.Clock.Now().Add(-time.Hour).Format(time.RFC3339), s.Clock.Now().Add(time.Hour).Format(time.RFC3339)
		var rep struct{ VendorSalesReport []salesRowView }
		s.MustDo(t, m.owner, reportQ, map[string]any{"v": m.vendorID, "from": from, "to": to, "g": "SHOW"}, &rep)
		want := salesRowView{Key: showID, Label: "Friday glow-up", Orders: 1, Units: 3, Gross: usd(5997), Commission: usd(899),
			PlatformFee: usd(299), VendorNet: usd(4799), Refunded: usd(5997)}
		if len(rep.VendorSalesReport) != 1 || rep.VendorSalesReport[0] != want {
			t.Fatalf("vendorSalesReport = %+v, want %+v", rep.VendorSalesReport, want)
		}
		var earn struct{ Earnings []salesRowView }
		s.MustDo(t, m.host, earningsQ, map[string]any{"from": from, "to": to}, &earn)
		if len(earn.Earnings) != 1 || earn.Earnings[0].Key != showID || earn.Earnings[0].Commission != usd(899) || earn.Earnings[0].Gross != usd(5997) {
			t.Fatalf("earnings = %+v", earn.Earnings)
		}
		s.MustDo(t, m.stranger, earningsQ, map[string]any{"from": from, "to": to}, &earn)
		if len(earn.Earnings) != 0 {
			t.Fatalf("earnings of a shopper = %+v", earn.Earnings)
		}
	})
}

func startFlashSale(t *testing.T, s *testkit.Server, token, showID, productID string, price int64) ([]featuredView, []userError) {
	t.Helper()
	var out struct {
		FlashSaleStart struct {
			Show *struct {
				ID               string
				FeaturedProducts []featuredView
			}
			Errors []userError
		}
	}
	s.MustDo(t, token, flashStartQ, map[string]any{"in": map[string]any{"showId": showID, "productId": productID,
		"price": map[string]any{"amountMinor": price, "currency": "USD"}, "quantity": 3, "perBuyerLimit": 1, "durationSeconds": 600}}, &out)
	if out.FlashSaleStart.Show == nil {
		return nil, out.FlashSaleStart.Errors
	}
	return out.FlashSaleStart.Show.FeaturedProducts, out.FlashSaleStart.Errors
}

func sameFlash(got *flashSaleView, want flashSaleView) bool {
	return got != nil && got.Product == want.Product && got.Price == want.Price && got.Quantity == want.Quantity &&
		got.Remaining == want.Remaining && got.PerBuyerLimit == want.PerBuyerLimit && got.EndsAt.Equal(want.EndsAt)
}

func showFlash(t *testing.T, s *testkit.Server, showID string) *flashSaleView {
	t.Helper()
	var out struct {
		Show struct{ FeaturedProducts []featuredView }
	}
	s.MustDo(t, "", showFlashQ, map[string]any{"id": showID}, &out)
	if len(out.Show.FeaturedProducts) != 1 {
		t.Fatalf("featured = %+v", out.Show.FeaturedProducts)
	}
	return out.Show.FeaturedProducts[0].FlashSale
}

// TestFlashSale: only the host starts one; FeaturedProduct.flashSale and
// the show's events carry it; a buyer pays the flash price, a second unit
// by the same buyer is LIMIT_EXCEEDED; the host ends it; a sale still
// running when its show ends is no longer shown.
func TestFlashSale(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		events := watchShow(t, s, showID)

		for name, token := range map[string]string{"vendor owner": m.owner, "shopper": m.stranger} {
			if fp, errs := startFlashSale(t, s, token, showID, m.productID, 999); fp != nil || !hasCode(errs, "FORBIDDEN") {
				t.Fatalf("flashSaleStart by the %s = %+v %+v", name, fp, errs)
			}
		}
		if fp, errs := startFlashSale(t, s, m.host, showID, m.productID, 1999); fp != nil || !hasCode(errs, "INVALID", "input", "price") {
			t.Fatalf("flashSaleStart at the list price = %+v %+v", fp, errs)
		}
		fp, errs := startFlashSale(t, s, m.host, showID, m.productID, 999)
		endsAt := s.Clock.Now().Add(10 * time.Minute)
		if len(errs) > 0 || len(fp) != 1 || fp[0].FlashSale == nil {
			t.Fatalf("flashSaleStart = %+v %+v", fp, errs)
		}
		want := flashSaleView{Price: usd(999), Quantity: 3, Remaining: 3, PerBuyerLimit: 1, EndsAt: endsAt}
		want.Product.ID = m.productID
		if !sameFlash(fp[0].FlashSale, want) {
			t.Fatalf("flash sale = %+v, want %+v", *fp[0].FlashSale, want)
		}
		if fs := showFlash(t, s, showID); !sameFlash(fs, want) {
			t.Fatalf("FeaturedProduct.flashSale = %+v", fs)
		}
		if fp, errs := startFlashSale(t, s, m.host, showID, m.productID, 899); fp != nil || !hasCode(errs, "CONFLICT") {
			t.Fatalf("a second flash sale = %+v %+v", fp, errs)
		}
		if ev := events(); ev.Typename != "FlashSaleStarted" || !sameFlash(ev.FlashSale, want) {
			t.Fatalf("event = %+v", ev)
		}

		// A buyer gets the flash price.
		mustAdd(t, s, m.stranger, m.productID, 1, showID)
		o := mustCheckout(t, s, m.stranger, "flash-1")
		if o.Total != usd(999) || o.Lines[0].UnitPrice != usd(999) || o.Lines[0].CommissionBps != 1500 {
			t.Fatalf("flash order = %+v", o)
		}
		if fs := showFlash(t, s, showID); fs == nil || fs.Remaining != 2 {
			t.Fatalf("flash sale after a purchase = %+v", fs)
		}
		if ev := events(); ev.Typename != "PurchaseMade" || ev.Quantity != 1 {
			t.Fatalf("event = %+v", ev)
		}
		if ev := events(); ev.Typename != "StockChanged" || ev.Stock != 9 {
			t.Fatalf("event = %+v", ev)
		}
		balanced(t, s)

		// A second unit for the same buyer is over the limit; nothing moves.
		mustAdd(t, s, m.stranger, m.productID, 1, showID)
		before := testkit.Snapshot(t, s.DB)
		if o, errs := checkout(t, s, m.stranger, "flash-2", "tok_visa"); o != nil || !hasCode(errs, "LIMIT_EXCEEDED") {
			t.Fatalf("second flash unit = %+v %+v", o, errs)
		}
		if after := testkit.Snapshot(t, s.DB); after != before {
			t.Fatal("a refused flash purchase changed the database")
		}
		// Two units at once by another buyer: over the limit too.
		buyer2, _ := s.SignUp(t, "buyer2@example.com", "Buyer Two")
		mustAdd(t, s, buyer2, m.productID, 2, showID)
		if o, errs := checkout(t, s, buyer2, "flash-3", "tok_visa"); o != nil || !hasCode(errs, "LIMIT_EXCEEDED") {
			t.Fatalf("two flash units at once = %+v %+v", o, errs)
		}

		// Only the host ends it.
		var end struct {
			FlashSaleEnd struct {
				Show   *struct{ FeaturedProducts []featuredView }
				Errors []userError
			}
		}
		s.MustDo(t, m.owner, flashEndQ, map[string]any{"s": showID, "p": m.productID}, &end)
		if end.FlashSaleEnd.Show != nil || !hasCode(end.FlashSaleEnd.Errors, "FORBIDDEN") {
			t.Fatalf("flashSaleEnd by the vendor = %+v", end.FlashSaleEnd)
		}
		s.MustDo(t, m.host, flashEndQ, map[string]any{"s": showID, "p": m.productID}, &end)
		if len(end.FlashSaleEnd.Errors) > 0 || end.FlashSaleEnd.Show == nil || end.FlashSaleEnd.Show.FeaturedProducts[0].FlashSale != nil {
			t.Fatalf("flashSaleEnd = %+v", end.FlashSaleEnd)
		}
		if ev := events(); ev.Typename != "FlashSaleEnded" || ev.ProductID != m.productID {
			t.Fatalf("event = %+v", ev)
		}
		if fs := showFlash(t, s, showID); fs != nil {
			t.Fatalf("FeaturedProduct.flashSale after the end = %+v", fs)
		}
		s.MustDo(t, m.host, flashEndQ, map[string]any{"s": showID, "p": m.productID}, &end)
		if !hasCode(end.FlashSaleEnd.Errors, "INVALID_STATE") {
			t.Fatalf("ending it twice = %+v", end.FlashSaleEnd)
		}
		// At the list price again.
		o = mustCheckout(t, s, buyer2, "after-flash")
		if o.Lines[0].UnitPrice != usd(1999) || o.Total != usd(3998) {
			t.Fatalf("order after the flash sale = %+v", o)
		}
		balanced(t, s)

		// A sale runs only while its show is LIVE: once the show ends, it is
		// no longer shown (checkout no longer honours its price either).
		if fp, errs := startFlashSale(t, s, m.host, showID, m.productID, 899); len(errs) > 0 || fp[0].FlashSale == nil {
			t.Fatalf("a new flash sale = %+v %+v", fp, errs)
		}
		s.MustDo(t, m.host, `mutation($id: ID!){ showEnd(input:{id:$id}){ errors{ code } } }`, map[string]any{"id": showID}, nil)
		if fs := showFlash(t, s, showID); fs != nil {
			t.Fatalf("FeaturedProduct.flashSale after showEnd = %+v", fs)
		}
	})
}

// TestOrderListCostsConstantQueries: a page of orders with their lines,
// products, vendors, parts, show and influencer runs the same number of
// statements for 2 orders as for 8, for the shopper and for the vendor.
func TestOrderListCostsConstantQueries(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		p2 := newProduct(t, s, m.owner, m.vendorID, "SECOND", 50)
		s.MustDo(t, m.owner, `mutation($id: ID!, $d: Int!){ productStockAdjust(input:{id:$id, delta:$d}){ errors{ code } } }`,
			map[string]any{"id": m.productID, "d": 40}, nil)
		for i := 0; i < 8; i++ {
			mustAdd(t, s, m.stranger, m.productID, 1, showID)
			mustAdd(t, s, m.stranger, p2, 1, "")
			mustCheckout(t, s, m.stranger, fmt.Sprintf("many-%d", i))
		}
		for _, tc := range []struct {
			name, token string
			filter      map[string]any
		}{{"shopper", m.stranger, nil}, {"vendor", m.owner, map[string]any{"vendorId": m.vendorID}}} {
			count := func(n int) int64 {
				s.Queries.Reset()
				var out struct {
					Orders struct{ Edges []struct{ Node orderView } }
				}
				s.MustDo(t, tc.token, ordersQ, map[string]any{"f": tc.filter, "n": n}, &out)
				if len(out.Orders.Edges) != n {
					t.Fatalf("got %d orders, want %d", len(out.Orders.Edges), n)
				}
				for _, e := range out.Orders.Edges {
					if e.Node.Show == nil || e.Node.Influencer == nil || len(e.Node.Lines) != 2 || e.Node.Lines[0].Product.Title == "" ||
						e.Node.VendorOrders[0].Vendor.Name == "" {
						t.Fatalf("order not resolved: %+v", e.Node)
					}
				}
				return s.Queries.Count()
			}
			small, large := count(2), count(8)
			t.Logf("%s: SQL statements: 2 orders → %d, 8 orders → %d", tc.name, small, large)
			if small != large {
				t.Fatalf("%s: statements: 2 → %d, 8 → %d:\n%s", tc.name, small, large, strings.Join(s.Queries.Statements(), "\n"))
			}
		}
	})
}

// TestDeclinedFlashPurchaseReleasesItsUnits: a declined card on a flash
// sale purchase is PAYMENT_DECLINED and gives back the stock and the sale's
// units.
func TestDeclinedFlashPurchaseReleasesItsUnits(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, showID := liveShow(t, s)
		if _, errs := startFlashSale(t, s, m.host, showID, m.productID, 999); len(errs) > 0 {
			t.Fatal(errs)
		}
		mustAdd(t, s, m.stranger, m.productID, 1, showID)
		r := s.Do(t, m.stranger, checkoutQ, map[string]any{"in": map[string]any{"idempotencyKey": "declined-flash",
			"paymentToken": "tok_declined", "shippingAddress": shipTo()}})
		if errs := payloadErrors(t, r, "checkout"); len(r.Errors) > 0 || !hasCode(errs, "PAYMENT_DECLINED") {
			t.Fatalf("declined flash purchase: %+v %+v", r.Errors, errs)
		}
		if fs := showFlash(t, s, showID); fs == nil || fs.Remaining != 3 {
			t.Fatalf("flash sale after a declined purchase = %+v", fs)
		}
		if n := stockOf(t, s, m.productID); n != 10 {
			t.Fatalf("stock = %d, want 10", n)
		}
		balanced(t, s)
	})
}

// twoVendorOrder: the stranger buys, in the live show, one unit of m's
// product, and two of a second vendor's product outside any show.
func twoVendorOrder(t *testing.T, s *testkit.Server) (m *showMarket, showID, owner2, vendor2, product2 string, o *orderView) {
	t.Helper()
	m, showID = liveShow(t, s)
	owner2, _ = s.SignUp(t, "owner2@example.com", "Owner Two")
	vendor2 = newVendor(t, s, owner2, "second-co")
	product2 = newProduct(t, s, owner2, vendor2, "HP-1", 5)
	mustAdd(t, s, m.stranger, m.productID, 1, showID)
	mustAdd(t, s, m.stranger, product2, 2, "")
	return m, showID, owner2, vendor2, product2, mustCheckout(t, s, m.stranger, "two-vendors")
}

// TestVendorPartStatusFollowsItsOwnRefunds: in an order from two vendors, a
// refund of one vendor's lines shows on that vendor's part only: the other
// part stays PAID, for the shopper and for its own vendor's staff, until
// its own lines are refunded; a vendor's orders filtered by status are
// those whose part has it. A declined order's parts are CANCELLED.
func TestVendorPartStatusFollowsItsOwnRefunds(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		s := testkit.NewServer(t, db)
		m, _, owner2, vendor2, product2, o := twoVendorOrder(t, s)
		lineOf := map[string]string{}
		for _, l := range o.Lines {
			lineOf[l.Vendor.ID] = l.ID
		}
		statuses := func(token string) (string, map[string]string) {
			t.Helper()
			got := orderByID(t, s, token, o.ID)
			if got == nil {
				t.Fatal("order not found")
			}
			parts := map[string]string{}
			for _, vo := range got.VendorOrders {
				parts[vo.Vendor.ID] = vo.Status
			}
			return got.Status, parts
		}
		for _, step := range []struct {
			token, vendorID string
			quantity        int
			order           string
			parts           map[string]string
		}{
			{owner2, vendor2, 1, "PARTIALLY_REFUNDED", map[string]string{m.vendorID: "PAID", vendor2: "PARTIALLY_REFUNDED"}},
			{owner2, vendor2, 1, "PARTIALLY_REFUNDED", map[string]string{m.vendorID: "PAID", vendor2: "REFUNDED"}},
			{m.owner, m.vendorID, 1, "REFUNDED", map[string]string{m.vendorID: "REFUNDED", vendor2: "REFUNDED"}},
		} {
			if got, errs := refund(t, s, step.token, o.ID, false, refundLine(lineOf[step.vendorID], step.quantity)); got == nil || len(errs) > 0 {
				t.Fatalf("refund of %d by %s: %+v", step.quantity, step.vendorID, errs)
			}
			status, parts := statuses(m.stranger)
			if status != step.order || !maps.Equal(parts, step.parts) {
				t.Fatalf("after refunding %d of %s: order %s, parts %v; want %s, %v", step.quantity, step.vendorID, status, parts, step.order, step.parts)
			}
			for _, staff := range []struct{ token, vendorID string }{{m.owner, m.vendorID}, {owner2, vendor2}} {
				if _, own := statuses(staff.token); len(own) != 1 || own[staff.vendorID] != step.parts[staff.vendorID] {
					t.Fatalf("the staff of %s see their part as %v, want %s", staff.vendorID, own, step.parts[staff.vendorID])
				}
				for _, status := range []string{"PAID", "PARTIALLY_REFUNDED", "REFUNDED", "CANCELLED"} {
					want := 0
					if step.parts[staff.vendorID] == status {
						want = 1
					}
					if n, list := ordersOf(t, s, staff.token, map[string]any{"vendorId": staff.vendorID, "status": status}); n != want || len(list) != want {
						t.Fatalf("orders(vendorId: %s, status: %s) = %d %+v, want %d", staff.vendorID, status, n, list, want)
					}
				}
			}
		}
		balanced(t, s)

		// A declined checkout: the order and its part are CANCELLED.
		mustAdd(t, s, m.stranger, product2, 1, "")
		if o, errs := checkout(t, s, m.stranger, "declined", "tok_declined"); o != nil || !hasCode(errs, "PAYMENT_DECLINED", "input", "paymentToken") {
			t.Fatalf("declined checkout = %+v, %+v", o, errs)
		}
		_, list := ordersOf(t, s, owner2, map[string]any{"vendorId": vendor2, "status": "CANCELLED"})
		if len(list) != 1 || list[0].Status != "CANCELLED" || len(list[0].VendorOrders) != 1 || list[0].VendorOrders[0].Status != "CANCELLED" {
			t.Fatalf("the declined order for its vendor: %+v", list)
		}
	})
}
