package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/internal/db"
)

// FlashConfig is one flash-sale run: Buyers shoppers, each with the hot
// product in its cart, check out at the same moment; the product has Stock
// units. DatabaseURL selects PostgreSQL (a fresh database is created on that
// server and dropped afterwards); empty means SQLite in a temporary file.
type FlashConfig struct {
	Buyers      int
	Stock       int
	DatabaseURL string
	FlashSale   bool // also run a flash sale (price cut, per-buyer limit 1) on the product
	// Spread, when set, releases the buyers of the rush and of the late
	// wave evenly over this long, in a shuffled order, instead of at one
	// instant: how a show's viewers press "buy" after a pin, rather than the
	// worst case.
	Spread time.Duration
}

// FlashResult is one run's figures.
type FlashResult struct {
	Paid, SoldOut, Failed  int
	OrdersPerSec           float64
	P50, P99               time.Duration // successful checkouts
	SoldOutP50, SoldOutP99 time.Duration
	LateSoldOut            int           // sold-out replies to the checkouts sent after the rush
	LateP50, LateP99       time.Duration // their latency
	FloorP50, FloorP99     time.Duration // an authenticated no-op by the same buyers at once
	// CPU-seconds used during the rush, the late wave and the floor by
	// PostgreSQL (its processes on this machine), the server and the load
	// itself: a wave cannot end sooner than their sum spread over the
	// machine's cores
	RushCPU, LateCPU, FloorCPU [3]float64
	// the server's peak resident memory over the run (VmHWM), MiB
	ServerPeakMiB  float64
	FinalStock     int
	Oversold       int
	LedgerBalanced bool
	Errors         map[string]int

	BaseUpdates       int
	BaseUpdatesPerSec float64
	BaseP50, BaseP99  time.Duration
	BasePoolSize      int
	BaseFinalStock    int
	BaseOversold      int
	BaseRates         []float64 // every burst's rate, in the order run
	BaseBurstUpdates  []int     // every burst's successful decrements
}

// RunFlash measures checkout of one hot product by many buyers and, in the
// same run, the baseline: the same number of clients decrementing one row
// with the single conditional UPDATE, on the same database server, through a
// pool as large as the server's.
func RunFlash(ctx context.Context, cfg FlashConfig, w io.Writer) (*FlashResult, error) {
	if cfg.Buyers <= 0 || cfg.Stock <= 0 {
		return nil, errors.New("buyers and stock must be positive")
	}
	dbURL, drop, err := freshDatabase(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	defer drop()
	kind := "SQLite"
	if cfg.DatabaseURL != "" {
		kind = "PostgreSQL"
	}
	fmt.Fprintf(w, "livemarket-load flash: %d buyers, stock %d, %s, flash sale %v, spread %v\n", cfg.Buyers, cfg.Stock, kind, cfg.FlashSale, cfg.Spread)
	ch, err := startChildWithDB(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	defer ch.stop()
	addr := ch.addr

	shop, err := setupShop(ctx, addr, cfg.Stock)
	if err != nil {
		return nil, err
	}
	if cfg.FlashSale {
		if err := gql(ctx, addr, shop.host, `mutation($in: FlashSaleStartInput!){ flashSaleStart(input:$in){ errors{ code field message } } }`,
			map[string]any{"in": map[string]any{"showId": shop.showID, "productId": shop.productID,
				"price": map[string]any{"amountMinor": 999, "currency": "USD"}, "quantity": cfg.Stock, "perBuyerLimit": 1, "durationSeconds": 3600}}, nil); err != nil {
			return nil, fmt.Errorf("flashSaleStart: %w", err)
		}
	}
	// Buyers: signed up, each with one unit in its cart, bought from the
	// show. Each buyer is its own client with its own keep-alive connection,
	// opened during setup, as a viewer's browser already is when the host
	// pins the product.
	tokens := make([]string, cfg.Buyers)
	clients := make([]*http.Client, cfg.Buyers)
	if err := parallel(ctx, cfg.Buyers, 16, func(i int) error {
		clients[i] = &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 1, IdleConnTimeout: 10 * time.Minute}}
		tok, err := signUp(ctx, addr, fmt.Sprintf("buyer%d@load.test", i), fmt.Sprintf("Buyer %d", i))
		if err != nil {
			return fmt.Errorf("signUp buyer %d: %w", i, err)
		}
		tokens[i] = tok
		data, err := gqlDataWith(ctx, clients[i], addr, tok, `mutation($p: ID!, $s: ID){ cartLineAdd(input:{productId:$p, quantity:1, showId:$s}){ errors{ code field message } } }`,
			map[string]any{"p": shop.productID, "s": shop.showID})
		if err == nil && strings.Contains(string(data), `"code"`) {
			err = fmt.Errorf("payload errors: %s", data)
		}
		return err
	}); err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "  %d buyers ready\n", cfg.Buyers)
	r := &FlashResult{Errors: map[string]int{}}

	// Each buyer's own connection for the measured waves (see rawClient).
	conns := make([]*rawClient, cfg.Buyers)
	for i := range conns {
		c, err := dialRaw(ctx, addr)
		if err != nil {
			return nil, fmt.Errorf("dial buyer %d: %w", i, err)
		}
		defer c.close()
		conns[i] = c
	}
	for _, c := range clients {
		c.CloseIdleConnections()
	}
	// requests builds every buyer's request before a wave: a browser has
	// its request ready when the shopper presses the button.
	requests := func(idx []int, body func(i int) []byte) [][]byte {
		reqs := make([][]byte, len(idx))
		for j, i := range idx {
			reqs[j] = rawPost(addr, tokens[i], body(i))
		}
		return reqs
	}
	everyone := make([]int, cfg.Buyers)
	for i := range everyone {
		everyone[i] = i
	}

	// The floor: the same buyers send, at the same instant, an operation
	// that does nothing but authenticate (HTTP, token, GraphQL): no checkout
	// reply can come faster than this on this machine.
	noop := requests(everyone, func(int) []byte { return []byte(`{"query":"{ __typename }"}`) })
	cpu0 := cpuNow(ch.pid)
	floor := wave(cfg.Buyers, func(i int) ([]byte, error) { return conns[i].do(noop[i]) },
		func(_ int, reply []byte, err error) string {
			if err != nil || !strings.Contains(string(reply), "Query") {
				return "floor failed"
			}
			return ""
		})
	r.FloorCPU = cpuSince(ch.pid, cpu0)
	r.FloorP50, r.FloorP99 = pct(floor.lat(""), 50), pct(floor.lat(""), 99)
	settle(ctx, dbURL) // the setup's writes are flushed before the rush, as before the baseline

	checkoutBody := func(key string) func(i int) []byte {
		return func(i int) []byte {
			b, _ := json.Marshal(map[string]any{"query": `mutation($in: CheckoutInput!){ checkout(input:$in){ order{ id status } errors{ code } } }`,
				"variables": map[string]any{"in": map[string]any{"idempotencyKey": fmt.Sprintf("%s-%d", key, i), "paymentToken": "tok_visa",
					"shippingAddress": map[string]any{"name": "Buyer", "line1": "1 Main St", "city": "Paris", "postalCode": "75001", "country": "FR"}}}})
			return b
		}
	}
	// checkout sends the prepared requests of the buyers idx.
	checkout := func(idx []int, reqs [][]byte) func(j int) ([]byte, error) {
		return func(j int) ([]byte, error) { return conns[idx[j]].do(reqs[j]) }
	}
	// outcome is a checkout reply's error code, "" when the order is PAID.
	outcome := func(_ int, reply []byte, err error) string {
		var out struct {
			Data struct {
				Checkout struct {
					Order  *struct{ ID, Status string }
					Errors []struct{ Code string }
				}
			}
			Errors []struct{ Message string }
		}
		if err == nil {
			err = json.Unmarshal(reply, &out)
		}
		if err == nil && len(out.Errors) > 0 {
			err = fmt.Errorf("graphql errors: %s", out.Errors[0].Message)
		}
		switch {
		case err != nil:
			return "transport: " + firstLine(err.Error())
		case len(out.Data.Checkout.Errors) > 0:
			return out.Data.Checkout.Errors[0].Code
		case out.Data.Checkout.Order != nil && out.Data.Checkout.Order.Status == "PAID":
			return ""
		default:
			return "unexpected"
		}
	}

	// The rush: every buyer checks out at once.
	if prof := os.Getenv("LIVEMARKET_LOAD_CPUPROFILE"); prof != "" { // the server's CPU profile over the rush
		go func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/debug/pprof/profile?seconds=3", nil)
			if resp, err := httpc.Do(req); err == nil {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				_ = os.WriteFile(prof, b, 0o644)
			}
		}()
		time.Sleep(100 * time.Millisecond)
	}
	if tr := os.Getenv("LIVEMARKET_LOAD_TRACE"); tr != "" { // the server's execution trace over the rush
		go func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/debug/pprof/trace?seconds=1", nil)
			if resp, err := httpc.Do(req); err == nil {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				_ = os.WriteFile(tr, b, 0o644)
			}
		}()
		time.Sleep(100 * time.Millisecond)
	}
	if dump := os.Getenv("LIVEMARKET_LOAD_DUMP"); dump != "" { // goroutines mid-rush, to find where checkouts wait
		after := 300 * time.Millisecond
		if d, err := time.ParseDuration(os.Getenv("LIVEMARKET_LOAD_DUMP_AFTER")); err == nil {
			after = d
		}
		go func() {
			time.Sleep(after)
			dumpGoroutinesTo(ctx, addr, dump)
		}()
	}
	rushReqs := requests(everyone, checkoutBody("rush"))
	cpu0 = cpuNow(ch.pid)
	rush := waveSpread(cfg.Buyers, cfg.Spread, checkout(everyone, rushReqs), outcome)
	r.RushCPU = cpuSince(ch.pid, cpu0)
	// The late buyers: everyone who did not get one tries again once the
	// product is sold out (a new checkout), all at once.
	var losers []int
	for i, o := range rush.code {
		if o != "" {
			losers = append(losers, i)
		}
	}
	lateReqs := requests(losers, checkoutBody("late"))
	cpu0 = cpuNow(ch.pid)
	late := waveSpread(len(losers), cfg.Spread, checkout(losers, lateReqs), outcome)
	r.LateCPU = cpuSince(ch.pid, cpu0)
	r.ServerPeakMiB = peakMiB(ch.pid)
	for _, code := range rush.code {
		switch code {
		case "":
			r.Paid++
		case "OUT_OF_STOCK", "LIMIT_EXCEEDED":
			r.SoldOut++
		default:
			r.Failed++
			r.Errors[code]++
		}
	}
	if d := rush.lastOK; d > 0 {
		r.OrdersPerSec = float64(r.Paid) / d.Seconds()
	}
	r.P50, r.P99 = pct(rush.lat(""), 50), pct(rush.lat(""), 99)
	soldLat := append(rush.lat("OUT_OF_STOCK"), rush.lat("LIMIT_EXCEEDED")...)
	r.SoldOutP50, r.SoldOutP99 = pct(soldLat, 50), pct(soldLat, 99)
	lateLat := append(late.lat("OUT_OF_STOCK"), late.lat("LIMIT_EXCEEDED")...)
	r.LateSoldOut = len(lateLat)
	r.LateP50, r.LateP99 = pct(lateLat, 50), pct(lateLat, 99)
	for _, code := range late.code {
		if code != "OUT_OF_STOCK" && code != "LIMIT_EXCEEDED" {
			r.Failed++
			r.Errors["late: "+code]++
		}
	}

	// Oversell and money, read from the database itself.
	d, err := db.Open(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	if err := d.NewSelect().Table("products").Column("stock").Where("id = ?", shop.productID).Scan(ctx, &r.FinalStock); err != nil {
		return nil, err
	}
	var sold int
	if err := d.NewSelect().TableExpr("order_lines AS ol").Join("JOIN orders AS o ON o.id = ol.order_id").
		ColumnExpr("COALESCE(SUM(ol.quantity), 0)").Where("o.status = 'PAID'").Scan(ctx, &sold); err != nil {
		return nil, err
	}
	r.Oversold = max(0, sold-cfg.Stock)
	if sold+r.FinalStock != cfg.Stock {
		r.Oversold = max(r.Oversold, sold+r.FinalStock-cfg.Stock)
		fmt.Fprintf(w, "  stock does not add up: %d sold + %d left != %d\n", sold, r.FinalStock, cfg.Stock)
	}
	var unbalanced int
	if err := d.NewRaw(`SELECT COUNT(*) FROM (SELECT posting_id, currency FROM ledger_entries GROUP BY posting_id, currency HAVING SUM(amount) <> 0) AS u`).Scan(ctx, &unbalanced); err != nil {
		return nil, err
	}
	r.LedgerBalanced = unbalanced == 0

	// Baseline on the same database server: three bursts, the median one
	// counts. Its hundred commits wait on each other's WAL flush, so a
	// single burst's rate moves with the disk's flush latency from one
	// moment to the next (530 to 1,735 a second in one sitting).
	if err := baselines(ctx, d, dbURL, cfg, r); err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	printFlash(w, cfg, r)
	return r, nil
}

// baselineBursts is how many baseline bursts a run measures.
const baselineBursts = 3

// baselines runs the baseline baselineBursts times, each after a
// checkpoint, and keeps the burst of median rate (all rates are in
// r.BaseRates).
func baselines(ctx context.Context, b *bun.DB, dbURL string, cfg FlashConfig, r *FlashResult) error {
	if _, err := b.DB.ExecContext(ctx, "CREATE TABLE load_stock (id INTEGER PRIMARY KEY, stock INTEGER NOT NULL CHECK (stock >= 0))"); err != nil {
		return err
	}
	if _, err := b.ExecContext(ctx, "INSERT INTO load_stock (id, stock) VALUES (1, 0)"); err != nil {
		return err
	}
	bursts := make([]FlashResult, baselineBursts)
	for i := range bursts {
		settle(ctx, dbURL)
		if err := baseline(ctx, b, cfg, &bursts[i]); err != nil {
			return err
		}
		r.BaseRates = append(r.BaseRates, bursts[i].BaseUpdatesPerSec)
		r.BaseBurstUpdates = append(r.BaseBurstUpdates, bursts[i].BaseUpdates)
	}
	sort.Slice(bursts, func(i, j int) bool { return bursts[i].BaseUpdatesPerSec < bursts[j].BaseUpdatesPerSec })
	m := bursts[len(bursts)/2]
	r.BaseUpdates, r.BaseUpdatesPerSec, r.BaseP50, r.BaseP99 = m.BaseUpdates, m.BaseUpdatesPerSec, m.BaseP50, m.BaseP99
	r.BasePoolSize, r.BaseFinalStock, r.BaseOversold = m.BasePoolSize, m.BaseFinalStock, m.BaseOversold
	return nil
}

// baseline runs Buyers clients, each decrementing one row once with the
// single conditional UPDATE, through a pool of the server's size, from a
// stock of Stock.
func baseline(ctx context.Context, b *bun.DB, cfg FlashConfig, r *FlashResult) error {
	d := b.DB
	if _, err := b.ExecContext(ctx, "UPDATE load_stock SET stock = ? WHERE id = 1", cfg.Stock); err != nil {
		return err
	}
	r.BasePoolSize = d.Stats().MaxOpenConnections
	// The pool's connections are opened before the clock starts, as the
	// server's are by the time of the rush (its setup traffic opened them):
	// the baseline measures updates, not PostgreSQL's connection start-up.
	if err := db.Warm(ctx, b); err != nil {
		return err
	}
	lat := make([]time.Duration, cfg.Buyers)
	var ok, last atomic.Int64
	var gate, wg sync.WaitGroup
	gate.Add(1)
	t0 := time.Now()
	for i := 0; i < cfg.Buyers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			gate.Wait()
			begin := time.Now()
			res, err := d.ExecContext(ctx, "UPDATE load_stock SET stock = stock - 1 WHERE id = 1 AND stock >= 1")
			lat[i] = time.Since(begin)
			if err == nil {
				if n, _ := res.RowsAffected(); n == 1 {
					ok.Add(1)
					last.Store(int64(time.Since(t0)))
				}
			}
		}(i)
	}
	t0 = time.Now()
	gate.Done()
	wg.Wait()
	r.BaseUpdates = int(ok.Load())
	if l := time.Duration(last.Load()); l > 0 {
		r.BaseUpdatesPerSec = float64(r.BaseUpdates) / l.Seconds()
	}
	r.BaseP50, r.BaseP99 = pct(lat, 50), pct(lat, 99)
	var left int
	if err := d.QueryRowContext(ctx, "SELECT stock FROM load_stock WHERE id = 1").Scan(&left); err != nil {
		return err
	}
	r.BaseFinalStock = left
	r.BaseOversold = max(0, r.BaseUpdates-cfg.Stock)
	return nil
}

func printFlash(w io.Writer, cfg FlashConfig, r *FlashResult) {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
	fmt.Fprintf(w, "\n%-44s %14s %14s %8s\n", "figure", "checkout", "raw UPDATE", "ratio")
	row := func(label, a, b, ratio string) { fmt.Fprintf(w, "%-44s %14s %14s %8s\n", label, a, b, ratio) }
	row("successful (paid orders / decrements)", fmt.Sprint(r.Paid), fmt.Sprint(r.BaseUpdates), "")
	row("per second (to the last success)", fmt.Sprintf("%.1f", r.OrdersPerSec), fmt.Sprintf("%.1f", r.BaseUpdatesPerSec),
		fmt.Sprintf("%.0f%%", 100*r.OrdersPerSec/math.Max(r.BaseUpdatesPerSec, 1e-9)))
	if len(r.BaseRates) > 1 {
		rates := make([]string, len(r.BaseRates))
		for i, v := range r.BaseRates {
			rates[i] = fmt.Sprintf("%.0f", v)
		}
		row("raw UPDATE bursts per second (median used)", "", strings.Join(rates, " / "), "")
	}
	row("latency p50 ms (successful)", ms(r.P50), ms(r.BaseP50), "")
	row("latency p99 ms (successful / all)", ms(r.P99), ms(r.BaseP99), "")
	row("sold-out replies", fmt.Sprint(r.SoldOut), "", "")
	row("sold-out latency p50 / p99 ms", ms(r.SoldOutP50)+" / "+ms(r.SoldOutP99), "", "")
	row("sold-out after the rush: replies", fmt.Sprint(r.LateSoldOut), "", "")
	row("sold-out after the rush p50 / p99 ms", ms(r.LateP50)+" / "+ms(r.LateP99), "", "")
	row("floor: no-op by every buyer at once p50 / p99", ms(r.FloorP50)+" / "+ms(r.FloorP99), "", "")
	cpu := func(c [3]float64) string { return fmt.Sprintf("%.2f / %.2f / %.2f", c[0], c[1], c[2]) }
	row("CPU-s in the rush: PostgreSQL / server / load", cpu(r.RushCPU), "", "")
	row("CPU-s after the rush: PostgreSQL / server / load", cpu(r.LateCPU), "", "")
	row("CPU-s of the floor: PostgreSQL / server / load", cpu(r.FloorCPU), "", "")
	row("server peak memory (VmHWM) MiB", fmt.Sprintf("%.0f", r.ServerPeakMiB), "", "")
	row("other failures", fmt.Sprint(r.Failed), "", "")
	row("stock left", fmt.Sprint(r.FinalStock), fmt.Sprint(r.BaseFinalStock), "")
	row("oversold units", fmt.Sprint(r.Oversold), fmt.Sprint(r.BaseOversold), "")
	row("ledger balanced", fmt.Sprint(r.LedgerBalanced), "", "")
	if len(r.Errors) > 0 {
		keys := make([]string, 0, len(r.Errors))
		for k := range r.Errors {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(w, "  failure %q: %d\n", k, r.Errors[k])
		}
	}
	fmt.Fprintf(w, "Method: %d buyers, each signed in with the product in its cart (bought from the LIVE show), send checkout at the same instant;\n", cfg.Buyers)
	fmt.Fprintf(w, "throughput = paid orders / time from the start to the last paid reply. Baseline: %d clients each run\n", cfg.Buyers)
	fmt.Fprintf(w, "UPDATE load_stock SET stock = stock - 1 WHERE id = 1 AND stock >= 1 once, on the same database, through a pool of %d connections (the server's);\n", r.BasePoolSize)
	fmt.Fprintf(w, "%d bursts from a stock of %d, each after a checkpoint (PostgreSQL); the burst of median rate is the baseline.\n", baselineBursts, cfg.Stock)
}

type shop struct {
	owner, host                 string
	productID, showID, vendorID string
}

// setupShop builds a vendor, a product with stock, an influencer with an
// approved collaboration and a LIVE show featuring the product.
func setupShop(ctx context.Context, addr string, stock int) (*shop, error) {
	s := &shop{}
	var err error
	if s.owner, err = signUp(ctx, addr, "owner@load.test", "Owner"); err != nil {
		return nil, err
	}
	if s.host, err = signUp(ctx, addr, "host@load.test", "Host"); err != nil {
		return nil, err
	}
	var v struct {
		VendorCreate struct{ Vendor struct{ ID string } }
	}
	if err := gql(ctx, addr, s.owner, `mutation{ vendorCreate(input:{name:"Load Vendor", slug:"load-vendor"}){ vendor{ id } errors{ code field message } } }`, nil, &v); err != nil {
		return nil, fmt.Errorf("vendorCreate: %w", err)
	}
	s.vendorID = v.VendorCreate.Vendor.ID
	var p struct {
		ProductCreate struct{ Product struct{ ID string } }
	}
	if err := gql(ctx, addr, s.owner, `mutation($in: ProductCreateInput!){ productCreate(input:$in){ product{ id } errors{ code field message } } }`,
		map[string]any{"in": map[string]any{"vendorId": s.vendorID, "title": "Hot Lipstick", "category": "beauty", "sku": "HOT-1",
			"price": map[string]any{"amountMinor": 1999, "currency": "USD"}, "stock": stock}}, &p); err != nil {
		return nil, fmt.Errorf("productCreate: %w", err)
	}
	s.productID = p.ProductCreate.Product.ID
	if err := gql(ctx, addr, s.host, `mutation{ influencerProfileCreate(input:{handle:"loadhost", displayName:"Load Host"}){ errors{ code field message } } }`, nil, nil); err != nil {
		return nil, fmt.Errorf("influencerProfileCreate: %w", err)
	}
	now := time.Now().UTC()
	var rq struct {
		CollaborationRequest struct{ Collaboration struct{ ID string } }
	}
	if err := gql(ctx, addr, s.host, `mutation($in: CollaborationRequestInput!){ collaborationRequest(input:$in){ collaboration{ id } errors{ code field message } } }`,
		map[string]any{"in": map[string]any{"productId": s.productID, "commissionBps": 1500,
			"startsAt": now.Format(time.RFC3339), "endsAt": now.Add(30 * 24 * time.Hour).Format(time.RFC3339)}}, &rq); err != nil {
		return nil, fmt.Errorf("collaborationRequest: %w", err)
	}
	if err := gql(ctx, addr, s.owner, `mutation($id: ID!){ collaborationApprove(input:{id:$id}){ errors{ code field message } } }`,
		map[string]any{"id": rq.CollaborationRequest.Collaboration.ID}, nil); err != nil {
		return nil, fmt.Errorf("collaborationApprove: %w", err)
	}
	start := now.Add(10 * time.Minute)
	var sc struct {
		ShowCreate struct{ Show struct{ ID string } }
	}
	if err := gql(ctx, addr, s.host, `mutation($in: ShowCreateInput!){ showCreate(input:$in){ show{ id } errors{ code field message } } }`,
		map[string]any{"in": map[string]any{"title": "Flash show", "description": "Load test", "category": "Beauty",
			"scheduledStart": start.Format(time.RFC3339), "scheduledEnd": start.Add(time.Hour).Format(time.RFC3339),
			"productIds": []string{s.productID}}}, &sc); err != nil {
		return nil, fmt.Errorf("showCreate: %w", err)
	}
	s.showID = sc.ShowCreate.Show.ID
	for _, m := range []string{"showPublish", "showGoLive"} {
		if err := gql(ctx, addr, s.host, `mutation($id: ID!){ `+m+`(input:{id:$id}){ errors{ code field message } } }`, map[string]any{"id": s.showID}, nil); err != nil {
			return nil, fmt.Errorf("%s: %w", m, err)
		}
	}
	return s, nil
}

func dumpGoroutinesTo(ctx context.Context, addr, path string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/debug/pprof/goroutine?debug=1", nil)
	resp, err := httpc.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	_ = os.WriteFile(path, b, 0o644)
}

// settle flushes PostgreSQL's dirty buffers (CHECKPOINT) so that a measured
// phase does not pay for the previous phase's writes.
func settle(ctx context.Context, dbURL string) {
	if !strings.HasPrefix(dbURL, "postgres") {
		return
	}
	if d, err := db.Open(ctx, dbURL); err == nil {
		_, _ = d.ExecContext(ctx, "CHECKPOINT")
		d.Close()
	}
	time.Sleep(500 * time.Millisecond)
}

// gqlRaw is gql without failing on payload errors (the caller reads them).
func gqlRaw(ctx context.Context, addr, token, query string, vars map[string]any, out any) error {
	data, err := gqlData(ctx, addr, token, query, vars)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, out)
}

func parallel(ctx context.Context, n, width int, fn func(i int) error) error {
	sem := make(chan struct{}, width)
	var wg sync.WaitGroup
	var first error
	var mu sync.Mutex
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			if err := fn(i); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	return first
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, len(s)*p/100)]
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	if len(s) > 80 {
		return s[:80]
	}
	return s
}

// freshDatabase returns the URL of an empty database: a new one on the
// PostgreSQL server base names (dropped by drop), or a temporary SQLite file.
func freshDatabase(ctx context.Context, base string) (url string, drop func(), err error) {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "lm_load_" + hex.EncodeToString(b)
	if base == "" {
		dir, err := tempDir()
		if err != nil {
			return "", nil, err
		}
		return "sqlite:" + dir + "/" + name + ".db", func() { removeAll(dir) }, nil
	}
	admin, err := db.Open(ctx, base)
	if err != nil {
		return "", nil, err
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create database: %w", err)
	}
	i := strings.LastIndexByte(strings.SplitN(base, "?", 2)[0], '/')
	if i < 0 {
		admin.Close()
		return "", nil, fmt.Errorf("database url %q has no database name", base)
	}
	u := base[:i+1] + name
	if q := strings.SplitN(base, "?", 2); len(q) == 2 {
		u += "?" + q[1]
	}
	return u, func() {
		_, _ = admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		admin.Close()
	}, nil
}

// waveResult is one wave: every client's reply code ("" success) and
// latency, and when the last success came.
type waveResult struct {
	code    []string
	latency []time.Duration
	lastOK  time.Duration
}

func (w waveResult) lat(code string) []time.Duration {
	var out []time.Duration
	for i, c := range w.code {
		if c == code {
			out = append(out, w.latency[i])
		}
	}
	return out
}

// wave sends n clients' requests at the same instant.
func wave(n int, send func(i int) ([]byte, error), classify func(i int, reply []byte, err error) string) waveResult {
	return waveSpread(n, 0, send, classify)
}

// waveSpread sends n clients' requests (send), released evenly over spread
// (in a shuffled order), or at one instant when spread is 0. Latency counts
// from each client's own release to the end of its reply. The replies are
// classified (classify: "" is a success) once the wave is over, so that the
// load takes as little of the machine as it can while the server answers.
func waveSpread(n int, spread time.Duration, send func(i int) ([]byte, error), classify func(i int, reply []byte, err error) string) waveResult {
	offset := make([]time.Duration, n)
	if spread > 0 && n > 0 {
		for i, slot := range mrand.Perm(n) {
			offset[i] = spread * time.Duration(slot) / time.Duration(n)
		}
	}
	r := waveResult{code: make([]string, n), latency: make([]time.Duration, n)}
	replies, errs, ends := make([][]byte, n), make([]error, n), make([]time.Duration, n)
	var gate, wg sync.WaitGroup
	gate.Add(1)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			gate.Wait()
			if offset[i] > 0 {
				time.Sleep(time.Until(t0.Add(offset[i])))
			}
			begin := time.Now()
			replies[i], errs[i] = send(i)
			end := time.Now()
			r.latency[i], ends[i] = end.Sub(begin), end.Sub(t0)
		}(i)
	}
	time.Sleep(50 * time.Millisecond) // every client is parked at the gate
	t0 = time.Now()
	gate.Done()
	wg.Wait()
	for i := range r.code {
		if r.code[i] = classify(i, replies[i], errs[i]); r.code[i] == "" {
			r.lastOK = max(r.lastOK, ends[i])
		}
	}
	return r
}

// cpuNow reads the CPU-seconds so far of PostgreSQL, the server (pid) and
// this process; cpuSince is what they used since.
func cpuNow(pid int) [3]float64 {
	return [3]float64{postgresCPU(), procCPU(pid), procCPU(os.Getpid())}
}

func cpuSince(pid int, from [3]float64) [3]float64 {
	now := cpuNow(pid)
	return [3]float64{now[0] - from[0], now[1] - from[1], now[2] - from[2]}
}

// peakMiB reads the peak resident memory of pid (VmHWM in /proc), in MiB.
func peakMiB(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return math.NaN()
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" { // "VmHWM:	  123456 kB"
			if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
				return kb / 1024
			}
		}
	}
	return math.NaN()
}

// postgresCPU is the CPU-seconds of this machine's PostgreSQL processes, or 0
// when none is visible (PostgreSQL on another machine).
func postgresCPU() float64 {
	ents, _ := os.ReadDir("/proc")
	var t float64
	for _, e := range ents {
		b, err := os.ReadFile("/proc/" + e.Name() + "/comm")
		if err != nil || strings.TrimSpace(string(b)) != "postgres" {
			continue
		}
		if pid, err := strconv.Atoi(e.Name()); err == nil {
			if c := procCPU(pid); !math.IsNaN(c) {
				t += c
			}
		}
	}
	return t
}
