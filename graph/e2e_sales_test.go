package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket/wsjson"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/order"
	"github.com/livemarket/livemarket/internal/testkit"
)

const vendorSalesSub = `subscription($v: ID!){ vendorSales(vendorId:$v){ orderId vendorId quantity gross{ amountMinor currency }
	commission{ amountMinor } show{ id } influencer{ id } product{ id } } }`

// TestVendorSalesOnlyForItsStaff: the vendor's staff receive its sales with
// their attribution; other vendors' staff and guests are refused at start.
func TestVendorSalesOnlyForItsStaff(t *testing.T) {
	s := testkit.NewServer(t, testkit.OpenSQLite(t))
	m, showID := liveShow(t, s)
	other, _ := s.SignUp(t, "other-owner@example.com", "Other")
	newVendor(t, s, other, "other-co")

	first := func(token string) map[string]any {
		init := map[string]any{}
		if token != "" {
			init["authToken"] = token
		}
		c, ack := wsSession(t, s, init)
		if ack["type"] != "connection_ack" {
			t.Fatalf("ack: %v", ack)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := wsjson.Write(ctx, c, map[string]any{"id": "s", "type": "subscribe",
			"payload": map[string]any{"query": vendorSalesSub, "variables": map[string]any{"v": m.vendorID}}}); err != nil {
			t.Fatal(err)
		}
		if token == m.owner {
			// Wait until the subscription is registered, then sell.
			waitFor(t, func() bool { return s.App.SalesSubscribers(m.vendorID) == 1 })
			sale := &order.Sale{OrderID: kernel.NewID(), VendorID: m.vendorID, ShowID: showID, InfluencerID: m.influencerID,
				ProductID: m.productID, Quantity: 2, Gross: kernel.Money{AmountMinor: 3998, Currency: "USD"},
				Commission: kernel.Money{AmountMinor: 599, Currency: "USD"}, At: time.Now()}
			if err := s.App.Sales.Publish(ctx, sale); err != nil {
				t.Fatal(err)
			}
		}
		var msg map[string]any
		if err := wsjson.Read(ctx, c, &msg); err != nil {
			t.Fatal(err)
		}
		return msg
	}

	got := first(m.owner)
	b, _ := json.Marshal(got["payload"])
	for _, want := range []string{`"quantity":2`, `"amountMinor":3998`, `"amountMinor":599`, showID, m.influencerID, m.productID} {
		if !strings.Contains(string(b), want) {
			t.Fatalf("staff got %s, missing %s", b, want)
		}
	}
	for name, token := range map[string]string{"other vendor's staff": other, "influencer": m.host, "guest": ""} {
		msg := first(token)
		b, _ := json.Marshal(msg["payload"])
		if msg["type"] != "next" || !strings.Contains(string(b), `"errors"`) || strings.Contains(string(b), `"orderId"`) {
			t.Fatalf("%s: %v", name, msg)
		}
	}
}
