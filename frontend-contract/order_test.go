package contract_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/internal/testkit"
)

// The shapes of the checkout fragments.
type (
	flashSaleFields struct {
		Product                            struct{ ID, Title string }
		Price                              money
		Quantity, Remaining, PerBuyerLimit int
		EndsAt                             time.Time
	}
	// flashShow is a show as ShowFields has it, with the flash sales of its
	// featured products.
	flashShow struct {
		ID, Status       string
		FeaturedProducts []struct {
			Position  int
			Product   struct{ ID, Title string }
			FlashSale *flashSaleFields
		}
	}
	cartFields struct {
		ID    string
		Lines []struct {
			ID               string
			Quantity         int
			Product          product
			Vendor           struct{ ID, Slug, Name string }
			UnitPrice, Total money
			Show             *struct{ ID, Title, Status string }
		}
		Subtotals []money
	}
	cartPayload struct {
		Cart   *cartFields
		Errors []userError
	}
	orderLineFields struct {
		ID                                              string
		Quantity                                        int
		UnitPrice, Total                                money
		CommissionBps, PlatformFeeBps, RefundedQuantity int
		Product                                         struct {
			ID, Title string
			ImageUrls []string
		}
		Vendor struct{ ID, Slug, Name string }
	}
	orderFields struct {
		ID, Number, Status string
		CreatedAt          time.Time
		Total              money
		Show               *struct{ ID, Title string }
		Influencer         *struct{ ID, Handle, DisplayName string }
		Lines              []orderLineFields
		VendorOrders       []struct {
			ID, Status string
			Vendor     struct{ ID, Slug, Name string }
			Subtotal   money
			Lines      []struct{ ID string }
		}
	}
	orderPayload struct {
		Order  *orderFields
		Errors []userError
	}
	orderConnection struct {
		TotalCount int
		PageInfo   pageInfo
		Edges      []struct {
			Cursor string
			Node   orderFields
		}
	}
	salesRow struct {
		Key, Label                                          string
		Orders, Units                                       int
		Gross, Commission, PlatformFee, VendorNet, Refunded money
	}
	// checkoutEvent is a ShowEvents event with the checkout event types'
	// fields.
	checkoutEvent struct {
		Typename  string `json:"__typename"`
		Seq       int64
		ShowID    string
		ProductID string
		Quantity  *int
		Stock     *int
		FlashSale *flashSaleFields
	}
)

func eur(n int64) money { return money{AmountMinor: n, Currency: "EUR"} }

func (c *client) cartMut(t *testing.T, token, name string, in map[string]any) cartPayload {
	t.Helper()
	var out map[string]cartPayload
	c.must(t, token, name, map[string]any{"input": in}, &out)
	return out[lowerFirst(name)]
}

func (c *client) cartOK(t *testing.T, token, name string, in map[string]any) cartFields {
	t.Helper()
	p := c.cartMut(t, token, name, in)
	noErrors(t, name, p.Errors)
	if p.Cart == nil {
		t.Fatalf("%s %v: no cart", name, in)
	}
	return *p.Cart
}

func (c *client) orderMut(t *testing.T, token, name string, in map[string]any) orderPayload {
	t.Helper()
	var out map[string]orderPayload
	c.must(t, token, name, map[string]any{"input": in}, &out)
	return out[lowerFirst(name)]
}

func (c *client) orderList(t *testing.T, token, name string, vars map[string]any) orderConnection {
	t.Helper()
	var out struct{ Orders orderConnection }
	c.must(t, token, name, vars, &out)
	conn := out.Orders
	if len(conn.Edges) > conn.TotalCount || (len(conn.Edges) > 0 && (conn.PageInfo.EndCursor == nil || *conn.PageInfo.EndCursor != conn.Edges[len(conn.Edges)-1].Cursor)) {
		t.Fatalf("%s %v = %+v", name, vars, conn)
	}
	return conn
}

func (c *client) flashMut(t *testing.T, token, name string, in map[string]any) (*flashShow, []userError) {
	t.Helper()
	var out map[string]struct {
		Show   *flashShow
		Errors []userError
	}
	c.must(t, token, name, map[string]any{"input": in}, &out)
	p := out[lowerFirst(name)]
	return p.Show, p.Errors
}

// nextCheckoutEvent reads the next ShowEvents event with the fields of the
// checkout event types.
func nextCheckoutEvent(t *testing.T, es *eventSocket) checkoutEvent {
	t.Helper()
	var ev checkoutEvent
	es.nextInto(t, &ev)
	return ev
}

// exerciseOrders runs the checkout operations in the show exerciseLive left
// LIVE, featuring the second shop's headphones (booked at 10%): a shopper
// fills a cart with the headphones from the show and the first shop's bowl;
// a declined card buys nothing; the host starts a flash sale on the
// headphones, which viewers see; the shopper pays, at the flash price for the
// headphones, and the show's viewers and the second shop's staff hear of
// it; a second flash unit is over the per-buyer limit; the host ends the
// sale; each shop's staff list their part of the order and refund their
// line; the second shop's report and the host's earnings show the sale; the
// ledger balances. It follows exerciseLive.
func exerciseOrders(t *testing.T, c *client, w collabWorld, sw showsWorld) {
	t.Helper()
	shopper := w.shopper

	// The LIVE show and its headphones.
	up := c.upcoming(t, "", map[string]any{"first": 1})
	if len(up.Edges) != 1 || up.Edges[0].Node.Status != "LIVE" || len(up.Edges[0].Node.FeaturedProducts) != 1 ||
		up.Edges[0].Node.FeaturedProducts[0].Product.ID != sw.headphonesID {
		t.Fatalf("UpcomingShows with a show live = %+v", up)
	}
	sh := up.Edges[0].Node
	headphones := sh.FeaturedProducts[0].Product
	if headphones.Price != eur(12900) || headphones.Stock != 5 {
		t.Fatalf("headphones = %+v", headphones)
	}
	// The second shop's owner signs in to the dashboard.
	var si struct{ SignIn authPayload }
	c.must(t, "", "SignIn", map[string]any{"input": map[string]any{"email": "otto@example.com", "password": testkit.Password}}, &si)
	noErrors(t, "SignIn", si.SignIn.Errors)
	otto := *si.SignIn.Token

	viewers := c.subscribeShowEvents(t, "", sh.ID, nil)
	waitForShowSubscribers(t, c.s, sh.ID, 3) // exerciseLive's two, and this one
	sales := c.subscribe(t, otto, "VendorSales", map[string]any{"vendorId": sw.shop2ID})
	waitFor(t, func() bool { return c.s.App.SalesSubscribers(sw.shop2ID) == 1 })

	// --- Storefront: the cart.
	var empty struct{ Cart cartFields }
	c.must(t, shopper, "Cart", nil, &empty)
	if empty.Cart.ID != "" || len(empty.Cart.Lines) != 0 || len(empty.Cart.Subtotals) != 0 {
		t.Fatalf("Cart before adding = %+v", empty.Cart)
	}
	cart := c.cartOK(t, shopper, "CartLineAdd", map[string]any{"productId": headphones.ID, "quantity": 1, "showId": sh.ID})
	if cart.ID == "" || len(cart.Lines) != 1 || cart.Lines[0].Product.ID != headphones.ID || cart.Lines[0].Vendor.ID != sw.shop2ID ||
		cart.Lines[0].Show == nil || cart.Lines[0].Show.ID != sh.ID || cart.Lines[0].Show.Status != "LIVE" ||
		cart.Lines[0].UnitPrice != eur(12900) || !slices.Equal(cart.Subtotals, []money{eur(12900)}) {
		t.Fatalf("CartLineAdd (headphones) = %+v", cart)
	}
	cart = c.cartOK(t, shopper, "CartLineAdd", map[string]any{"productId": w.bowlID, "quantity": 2})
	if len(cart.Lines) != 2 || cart.Lines[1].Product.ID != w.bowlID || cart.Lines[1].Show != nil || cart.Lines[1].Quantity != 2 ||
		cart.Lines[1].UnitPrice != eur(4999) || cart.Lines[1].Total != eur(9998) || !slices.Equal(cart.Subtotals, []money{eur(12900 + 9998)}) {
		t.Fatalf("CartLineAdd (bowl) = %+v", cart)
	}
	bowlLine := cart.Lines[1].ID
	cart = c.cartOK(t, shopper, "CartLineUpdate", map[string]any{"lineId": bowlLine, "quantity": 1})
	if len(cart.Lines) != 2 || cart.Lines[1].Quantity != 1 || cart.Lines[1].Total != eur(4999) || !slices.Equal(cart.Subtotals, []money{eur(17899)}) {
		t.Fatalf("CartLineUpdate = %+v", cart)
	}
	if p := c.cartMut(t, shopper, "CartLineAdd", map[string]any{"productId": w.bowlID, "quantity": 0}); p.Cart != nil {
		t.Fatalf("CartLineAdd of 0 = %+v", p)
	} else {
		refused(t, "CartLineAdd of 0", p.Errors, "INVALID", "input", "quantity")
	}
	if p := c.cartMut(t, shopper, "CartLineUpdate", map[string]any{"lineId": bowlLine, "quantity": 1001}); p.Cart != nil {
		t.Fatalf("CartLineUpdate to 1001 = %+v", p)
	} else {
		refused(t, "CartLineUpdate to 1001", p.Errors, "LIMIT_EXCEEDED", "input", "quantity")
	}
	c.must(t, shopper, "Cart", nil, &empty)
	if empty.Cart.ID != cart.ID || len(empty.Cart.Lines) != 2 || !slices.Equal(empty.Cart.Subtotals, []money{eur(17899)}) {
		t.Fatalf("Cart = %+v", empty.Cart)
	}

	// A declined card buys nothing (and is answered the same when retried).
	checkout := func(key, token string) orderPayload {
		t.Helper()
		return c.orderMut(t, shopper, "Checkout", map[string]any{"idempotencyKey": key, "paymentToken": token,
			"shippingAddress": map[string]any{"name": "Sol Shopper", "line1": "4 Kirkegata", "city": "Oslo", "postalCode": "0153", "country": "NO"}})
	}
	for range 2 {
		if p := checkout("sol-checkout-1", "tok_declined"); p.Order != nil {
			t.Fatalf("Checkout with tok_declined = %+v", p.Order)
		} else {
			refused(t, "Checkout with tok_declined", p.Errors, "PAYMENT_DECLINED", "input", "paymentToken")
		}
	}
	c.must(t, shopper, "Cart", nil, &empty)
	if len(empty.Cart.Lines) != 2 {
		t.Fatalf("Cart after a declined checkout = %+v", empty.Cart)
	}
	// The declined checkout's reservation went back: the show says so once
	// (the retry only repeats the answer).
	if ev := nextCheckoutEvent(t, viewers); ev.Typename != "StockChanged" || ev.ShowID != sh.ID || ev.ProductID != headphones.ID ||
		ev.Stock == nil || *ev.Stock != 5 {
		t.Fatalf("ShowEvents after a declined checkout = %+v", ev)
	}

	// --- Influencer studio: a flash sale on the headphones, for the host only.
	start := map[string]any{"showId": sh.ID, "productId": headphones.ID, "price": map[string]any{"amountMinor": 9900, "currency": "EUR"},
		"quantity": 2, "perBuyerLimit": 1, "durationSeconds": 300}
	if s, errs := c.flashMut(t, shopper, "FlashSaleStart", start); s != nil {
		t.Fatalf("FlashSaleStart by a shopper = %+v", s)
	} else {
		refused(t, "FlashSaleStart by a shopper", errs, "FORBIDDEN")
	}
	fs, errs := c.flashMut(t, w.creator, "FlashSaleStart", start)
	noErrors(t, "FlashSaleStart", errs)
	endsAt := c.s.Clock.Now().Add(5 * time.Minute)
	sameSale := func(got *flashSaleFields, remaining int) bool {
		return got != nil && got.Product.ID == headphones.ID && got.Product.Title == headphones.Title && got.Price == eur(9900) &&
			got.Quantity == 2 && got.Remaining == remaining && got.PerBuyerLimit == 1 && got.EndsAt.Equal(endsAt)
	}
	if fs == nil || fs.ID != sh.ID || fs.Status != "LIVE" || len(fs.FeaturedProducts) != 1 || !sameSale(fs.FeaturedProducts[0].FlashSale, 2) {
		t.Fatalf("FlashSaleStart = %+v", fs)
	}
	if s, errs := c.flashMut(t, w.creator, "FlashSaleStart", start); s != nil {
		t.Fatalf("FlashSaleStart while one runs = %+v", s)
	} else {
		refused(t, "FlashSaleStart while one runs", errs, "CONFLICT", "input", "productId")
	}
	var shown struct{ Show *flashShow }
	c.must(t, "", "Show", map[string]any{"id": sh.ID}, &shown)
	if shown.Show == nil || len(shown.Show.FeaturedProducts) != 1 || !sameSale(shown.Show.FeaturedProducts[0].FlashSale, 2) {
		t.Fatalf("Show with a flash sale = %+v", shown.Show)
	}
	if ev := nextCheckoutEvent(t, viewers); ev.Typename != "FlashSaleStarted" || ev.ShowID != sh.ID || !sameSale(ev.FlashSale, 2) {
		t.Fatalf("ShowEvents after FlashSaleStart = %+v", ev)
	}

	// --- Storefront: the shopper pays, the headphones at the flash price.
	paid := checkout("sol-checkout-2", "tok_visa")
	noErrors(t, "Checkout", paid.Errors)
	o := paid.Order
	if o == nil || o.Status != "PAID" || o.Number == "" || o.Total != eur(9900+4999) || !o.CreatedAt.Equal(c.s.Clock.Now()) ||
		o.Show == nil || o.Show.ID != sh.ID || o.Influencer == nil || o.Influencer.ID != w.influencerID || o.Influencer.Handle != "ines.makes" ||
		len(o.Lines) != 2 || len(o.VendorOrders) != 2 {
		t.Fatalf("Checkout = %+v", o)
	}
	lineOf := map[string]orderLineFields{}
	for _, l := range o.Lines {
		lineOf[l.Product.ID] = l
	}
	hl, bl := lineOf[headphones.ID], lineOf[w.bowlID]
	if hl.Quantity != 1 || hl.UnitPrice != eur(9900) || hl.Total != eur(9900) || hl.CommissionBps != 1000 || hl.PlatformFeeBps != 500 ||
		hl.RefundedQuantity != 0 || hl.Vendor.ID != sw.shop2ID || hl.Product.Title != headphones.Title {
		t.Fatalf("Checkout headphones line = %+v", hl)
	}
	if bl.Quantity != 1 || bl.UnitPrice != eur(4999) || bl.CommissionBps != 0 || bl.PlatformFeeBps != 500 || bl.Vendor.ID != w.shopID {
		t.Fatalf("Checkout bowl line = %+v", bl)
	}
	for _, vo := range o.VendorOrders {
		want := map[string]string{w.shopID: bl.ID, sw.shop2ID: hl.ID}[vo.Vendor.ID]
		if vo.Status != "PAID" || len(vo.Lines) != 1 || vo.Lines[0].ID != want || (vo.Vendor.ID == sw.shop2ID) != (vo.Subtotal == eur(9900)) {
			t.Fatalf("Checkout vendor order = %+v", vo)
		}
	}
	c.must(t, shopper, "Cart", nil, &empty)
	if len(empty.Cart.Lines) != 0 || len(empty.Cart.Subtotals) != 0 {
		t.Fatalf("Cart after checkout = %+v", empty.Cart)
	}
	if ev := nextCheckoutEvent(t, viewers); ev.Typename != "PurchaseMade" || ev.ProductID != headphones.ID || ev.Quantity == nil || *ev.Quantity != 1 {
		t.Fatalf("ShowEvents after Checkout = %+v", ev)
	}
	if ev := nextCheckoutEvent(t, viewers); ev.Typename != "StockChanged" || ev.ProductID != headphones.ID || ev.Stock == nil || *ev.Stock != 4 {
		t.Fatalf("ShowEvents after Checkout = %+v", ev)
	}
	var sold struct {
		VendorSales struct {
			OrderID, VendorID string
			Show              *struct{ ID string }
			Quantity          int
			Gross, Commission money
		}
	}
	sales.next(t, &sold)
	if v := sold.VendorSales; v.OrderID != o.ID || v.VendorID != sw.shop2ID || v.Show == nil || v.Show.ID != sh.ID || v.Quantity != 1 ||
		v.Gross != eur(9900) || v.Commission != eur(990) {
		t.Fatalf("VendorSales after Checkout = %+v", v)
	}
	c.must(t, shopper, "Show", map[string]any{"id": sh.ID}, &shown)
	if !sameSale(shown.Show.FeaturedProducts[0].FlashSale, 1) {
		t.Fatalf("Show after a flash purchase = %+v", shown.Show.FeaturedProducts[0].FlashSale)
	}

	// The shopper's orders: the paid one, and the declined one CANCELLED.
	var got struct{ Order *orderFields }
	c.must(t, shopper, "Order", map[string]any{"id": o.ID}, &got)
	if got.Order == nil || got.Order.ID != o.ID || got.Order.Number != o.Number || len(got.Order.Lines) != 2 {
		t.Fatalf("Order = %+v", got.Order)
	}
	c.must(t, w.creator, "Order", map[string]any{"id": o.ID}, &got)
	if got.Order != nil {
		t.Fatalf("Order as someone else = %+v, want null", got.Order)
	}
	mine := c.orderList(t, shopper, "MyOrders", nil)
	if mine.TotalCount != 2 || len(mine.Edges) != 2 || mine.Edges[0].Node.ID != o.ID || mine.Edges[1].Node.Status != "CANCELLED" {
		t.Fatalf("MyOrders = %+v", mine)
	}
	if paidOnly := c.orderList(t, shopper, "MyOrders", map[string]any{"status": "PAID", "first": 1}); paidOnly.TotalCount != 1 ||
		paidOnly.PageInfo.HasNextPage || len(paidOnly.Edges) != 1 || paidOnly.Edges[0].Node.ID != o.ID {
		t.Fatalf("MyOrders(PAID) = %+v", paidOnly)
	}

	// A second flash unit for the same shopper is over the limit; the line
	// is removed again.
	cart = c.cartOK(t, shopper, "CartLineAdd", map[string]any{"productId": headphones.ID, "quantity": 1, "showId": sh.ID})
	if p := checkout("sol-checkout-3", "tok_visa"); p.Order != nil {
		t.Fatalf("Checkout of a second flash unit = %+v", p.Order)
	} else {
		refused(t, "Checkout of a second flash unit", p.Errors, "LIMIT_EXCEEDED")
	}
	if cart = c.cartOK(t, shopper, "CartLineUpdate", map[string]any{"lineId": cart.Lines[0].ID, "quantity": 0}); len(cart.Lines) != 0 {
		t.Fatalf("CartLineUpdate to 0 = %+v", cart)
	}

	// --- Influencer studio: the host ends the flash sale.
	if s, errs := c.flashMut(t, otto, "FlashSaleEnd", map[string]any{"showId": sh.ID, "productId": headphones.ID}); s != nil {
		t.Fatalf("FlashSaleEnd by the vendor = %+v", s)
	} else {
		refused(t, "FlashSaleEnd by the vendor", errs, "FORBIDDEN")
	}
	ended, errs := c.flashMut(t, w.creator, "FlashSaleEnd", map[string]any{"showId": sh.ID, "productId": headphones.ID})
	noErrors(t, "FlashSaleEnd", errs)
	if ended == nil || ended.ID != sh.ID || ended.FeaturedProducts[0].FlashSale != nil {
		t.Fatalf("FlashSaleEnd = %+v", ended)
	}
	if ev := nextCheckoutEvent(t, viewers); ev.Typename != "FlashSaleEnded" || ev.ProductID != headphones.ID {
		t.Fatalf("ShowEvents after FlashSaleEnd = %+v", ev)
	}

	// --- Vendor dashboard: each shop's staff see their part of the order.
	for _, v := range []struct {
		name, token, vendorID, lineID string
		subtotal                      money
	}{{"first shop", w.staff, w.shopID, bl.ID, eur(4999)}, {"second shop", otto, sw.shop2ID, hl.ID, eur(9900)}} {
		conn := c.orderList(t, v.token, "VendorOrders", map[string]any{"vendorId": v.vendorID, "status": "PAID"})
		if conn.TotalCount != 1 || len(conn.Edges) != 1 {
			t.Fatalf("VendorOrders (%s) = %+v", v.name, conn)
		}
		n := conn.Edges[0].Node
		if n.ID != o.ID || n.Total != v.subtotal || len(n.Lines) != 1 || n.Lines[0].ID != v.lineID || len(n.VendorOrders) != 1 ||
			n.VendorOrders[0].Vendor.ID != v.vendorID || n.VendorOrders[0].Subtotal != v.subtotal {
			t.Fatalf("VendorOrders (%s) node = %+v", v.name, n)
		}
	}
	if r := c.do(t, w.staff, "VendorOrders", map[string]any{"vendorId": sw.shop2ID}); len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" {
		t.Fatalf("VendorOrders of another shop: status %d, errors %+v", r.Status, r.Errors)
	}

	// Refunds: only the line's shop; the bowl back to stock, then the
	// headphones.
	refundOf := func(lineID string) map[string]any {
		return map[string]any{"orderId": o.ID, "lines": []map[string]any{{"lineId": lineID, "quantity": 1}}, "reason": "Arrived scratched", "restock": true}
	}
	for who, tok := range map[string]string{"the shopper": shopper, "another shop": otto} {
		if p := c.orderMut(t, tok, "OrderRefund", refundOf(bl.ID)); p.Order != nil {
			t.Fatalf("OrderRefund by %s = %+v", who, p.Order)
		} else {
			refused(t, "OrderRefund by "+who, p.Errors, "FORBIDDEN")
		}
	}
	partial := c.orderMut(t, w.staff, "OrderRefund", refundOf(bl.ID))
	noErrors(t, "OrderRefund", partial.Errors)
	// The order is partly refunded; the bowl's shop's part, its one unit
	// refunded, wholly.
	if p := partial.Order; p == nil || p.Status != "PARTIALLY_REFUNDED" || len(p.Lines) != 1 || p.Lines[0].RefundedQuantity != 1 ||
		p.VendorOrders[0].Status != "REFUNDED" {
		t.Fatalf("OrderRefund (bowl) = %+v", p)
	}
	if p := c.orderMut(t, w.staff, "OrderRefund", refundOf(bl.ID)); p.Order != nil {
		t.Fatalf("OrderRefund of a refunded line = %+v", p.Order)
	} else {
		refused(t, "OrderRefund of a refunded line", p.Errors, "INVALID", "input", "lines", "0", "quantity")
	}
	full := c.orderMut(t, otto, "OrderRefund", refundOf(hl.ID))
	noErrors(t, "OrderRefund", full.Errors)
	if p := full.Order; p == nil || p.Status != "REFUNDED" || len(p.Lines) != 1 || p.Lines[0].RefundedQuantity != 1 {
		t.Fatalf("OrderRefund (headphones) = %+v", p)
	}
	c.must(t, shopper, "Order", map[string]any{"id": o.ID}, &got)
	if got.Order == nil || got.Order.Status != "REFUNDED" {
		t.Fatalf("Order after the refunds = %+v", got.Order)
	}

	// --- Reports: the second shop's sales by show, and the host's earnings.
	// 99.00 at 10% commission and a 5% fee: 9.90, 4.95, 84.15 to the shop.
	rfc := func(at time.Time) string { return at.Format(time.RFC3339) }
	now := c.s.Clock.Now()
	want := salesRow{Key: sh.ID, Label: sh.Title, Orders: 1, Units: 1, Gross: eur(9900), Commission: eur(990), PlatformFee: eur(495),
		VendorNet: eur(8415), Refunded: eur(9900)}
	var rep struct{ VendorSalesReport []salesRow }
	c.must(t, otto, "VendorSalesReport", map[string]any{"vendorId": sw.shop2ID, "from": rfc(now.Add(-time.Hour)), "to": rfc(now.Add(time.Hour)),
		"groupBy": "SHOW"}, &rep)
	if len(rep.VendorSalesReport) != 1 || rep.VendorSalesReport[0] != want {
		t.Fatalf("VendorSalesReport = %+v, want %+v", rep.VendorSalesReport, want)
	}
	c.must(t, w.owner, "VendorSalesReport", map[string]any{"vendorId": w.shopID, "from": rfc(now.Add(-time.Hour)), "to": rfc(now.Add(time.Hour)),
		"groupBy": "DAY"}, &rep)
	if len(rep.VendorSalesReport) != 1 || rep.VendorSalesReport[0].Key != now.Format("2006-01-02") || rep.VendorSalesReport[0].Gross != eur(4999) ||
		rep.VendorSalesReport[0].Commission != eur(0) || rep.VendorSalesReport[0].PlatformFee != eur(249) || rep.VendorSalesReport[0].Refunded != eur(4999) {
		t.Fatalf("VendorSalesReport (first shop, by day) = %+v", rep.VendorSalesReport)
	}
	if r := c.do(t, otto, "VendorSalesReport", map[string]any{"vendorId": w.shopID, "from": rfc(now.Add(-time.Hour)), "to": rfc(now),
		"groupBy": "PRODUCT"}); len(r.Errors) != 1 || r.Errors[0].Code() != "FORBIDDEN" {
		t.Fatalf("VendorSalesReport of another shop: status %d, errors %+v", r.Status, r.Errors)
	}
	var earn struct{ Earnings []salesRow }
	c.must(t, w.creator, "Earnings", map[string]any{"from": rfc(now.Add(-time.Hour)), "to": rfc(now.Add(time.Hour))}, &earn)
	if len(earn.Earnings) != 1 || earn.Earnings[0] != want {
		t.Fatalf("Earnings = %+v, want %+v", earn.Earnings, want)
	}
	c.must(t, shopper, "Earnings", map[string]any{"from": rfc(now.Add(-time.Hour)), "to": rfc(now.Add(time.Hour))}, &earn)
	if len(earn.Earnings) != 0 {
		t.Fatalf("Earnings of a shopper = %+v", earn.Earnings)
	}

	if err := ledger.Check(context.Background(), c.s.App.DB); err != nil {
		t.Fatalf("ledger: %v", err)
	}
}
