package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// Result holds one server's figures.
type Result struct {
	Name                 string
	Published            int
	Deliveries           int64
	Expected             int64
	PhaseSeconds         float64 // first publish → last delivery (or grace end)
	DeliveriesPerSec     float64
	P50, P99, Max        time.Duration
	Lost, OutOfOrder     int64
	Dropped              int     // subscribers whose connection ended during the publish phase
	CPUProc, CPURusage   float64 // server CPU-seconds over the publish phase
	CPUPer1000           float64 // from CPUProc (10 ms ticks) unless it is zero, see Print
	CPUPer1000Rusage     float64
	MemBefore, MemWithN  uint64
	MemPerSub            float64
	GBefore, GWithN      int
	GAfter, GAfterCycles int
	FrameBytes           float64
	ClientCPU            float64
	ConnectSeconds       float64
}

// ---- child server ----

type child struct {
	addr  string
	pid   int
	stdin io.WriteCloser
	cmd   *exec.Cmd
}

func startChild(ctx context.Context, mode string) (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), childEnv+"="+mode)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(out)
		for s.Scan() {
			if strings.HasPrefix(s.Text(), "LISTEN ") {
				line <- strings.TrimPrefix(s.Text(), "LISTEN ")
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case addr := <-line:
		return &child{addr: addr, pid: cmd.Process.Pid, stdin: stdin, cmd: cmd}, nil
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, errors.New("server child did not start within 60s")
	}
}

func (c *child) stop() {
	_ = c.stdin.Close()
	done := make(chan struct{})
	go func() { _ = c.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = c.cmd.Process.Kill()
		<-done
	}
}

// procCPU reads utime+stime of pid from /proc (clock ticks, USER_HZ = 100).
func procCPU(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return math.NaN()
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return math.NaN()
	}
	f := strings.Fields(s[i+1:]) // f[0] is field 3 (state); utime is field 14, stime 15
	if len(f) < 13 {
		return math.NaN()
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (u + st) / 100
}

var httpc = &http.Client{Timeout: 30 * time.Second}

func getStats(ctx context.Context, addr, show string, gc bool) (stats, error) {
	u := "http://" + addr + "/_load/stats?show=" + show
	if gc {
		u += "&gc=1"
	}
	var s stats
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	resp, err := httpc.Do(req)
	if err != nil {
		return s, err
	}
	defer resp.Body.Close()
	return s, json.NewDecoder(resp.Body).Decode(&s)
}

// settleGoroutines polls until the goroutine count stops falling (or 15 s).
func settleGoroutines(ctx context.Context, addr string, floor int) int {
	deadline := time.Now().Add(15 * time.Second)
	last, stable := -1, 0
	for time.Now().Before(deadline) && ctx.Err() == nil {
		s, err := getStats(ctx, addr, "", false)
		if err == nil {
			if s.Goroutines <= floor {
				return s.Goroutines
			}
			if s.Goroutines == last {
				stable++
				if stable >= 10 {
					return s.Goroutines
				}
			} else {
				stable = 0
			}
			last = s.Goroutines
		}
		time.Sleep(100 * time.Millisecond)
	}
	return last
}

// ---- GraphQL setup ----

func gql(ctx context.Context, addr, token, query string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+addr+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := httpc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("status %d: %s", resp.StatusCode, raw)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("graphql errors: %s", raw)
	}
	// Payload errors (errors{code}) anywhere in data fail setup too.
	if bytes.Contains(r.Data, []byte(`"code"`)) {
		return fmt.Errorf("payload errors: %s", r.Data)
	}
	if out != nil {
		return json.Unmarshal(r.Data, out)
	}
	return nil
}

func signUp(ctx context.Context, addr, email, name string) (string, error) {
	var out struct{ SignUp struct{ Token string } }
	err := gql(ctx, addr, "", `mutation($in: SignUpInput!){ signUp(input:$in){ token errors{ code message } } }`,
		map[string]any{"in": map[string]any{"email": email, "password": "correct horse battery", "displayName": name}}, &out)
	return out.SignUp.Token, err
}

// setupShow creates vendor, product, influencer, an approved collaboration
// and a show starting in 10 minutes; publishes it and goes live.
func setupShow(ctx context.Context, addr string) (string, error) {
	owner, err := signUp(ctx, addr, "owner@load.test", "Owner")
	if err != nil {
		return "", fmt.Errorf("signUp owner: %w", err)
	}
	host, err := signUp(ctx, addr, "host@load.test", "Host")
	if err != nil {
		return "", fmt.Errorf("signUp host: %w", err)
	}
	var v struct {
		VendorCreate struct{ Vendor struct{ ID string } }
	}
	if err := gql(ctx, addr, owner, `mutation($in: VendorCreateInput!){ vendorCreate(input:$in){ vendor{ id } errors{ code field message } } }`,
		map[string]any{"in": map[string]any{"name": "Load Vendor", "slug": "load-vendor"}}, &v); err != nil {
		return "", fmt.Errorf("vendorCreate: %w", err)
	}
	var p struct {
		ProductCreate struct{ Product struct{ ID string } }
	}
	if err := gql(ctx, addr, owner, `mutation($in: ProductCreateInput!){ productCreate(input:$in){ product{ id } errors{ code field message } } }`,
		map[string]any{"in": map[string]any{"vendorId": v.VendorCreate.Vendor.ID, "title": "Load Lipstick", "category": "beauty", "sku": "LOAD-1",
			"price": map[string]any{"amountMinor": 1999, "currency": "USD"}, "stock": 10}}, &p); err != nil {
		return "", fmt.Errorf("productCreate: %w", err)
	}
	productID := p.ProductCreate.Product.ID
	if err := gql(ctx, addr, host, `mutation{ influencerProfileCreate(input:{handle:"loadhost", displayName:"Load Host"}){ influencer{ id } errors{ code field message } } }`, nil, nil); err != nil {
		return "", fmt.Errorf("influencerProfileCreate: %w", err)
	}
	now := time.Now().UTC()
	var rq struct {
		CollaborationRequest struct{ Collaboration struct{ ID string } }
	}
	if err := gql(ctx, addr, host, `mutation($in: CollaborationRequestInput!){ collaborationRequest(input:$in){ collaboration{ id } errors{ code field message } } }`,
		map[string]any{"in": map[string]any{"productId": productID, "commissionBps": 1500,
			"startsAt": now.Format(time.RFC3339), "endsAt": now.Add(30 * 24 * time.Hour).Format(time.RFC3339)}}, &rq); err != nil {
		return "", fmt.Errorf("collaborationRequest: %w", err)
	}
	if err := gql(ctx, addr, owner, `mutation($id: ID!){ collaborationApprove(input:{id:$id}){ errors{ code field message } } }`,
		map[string]any{"id": rq.CollaborationRequest.Collaboration.ID}, nil); err != nil {
		return "", fmt.Errorf("collaborationApprove: %w", err)
	}
	start := now.Add(10 * time.Minute)
	var sc struct {
		ShowCreate struct{ Show struct{ ID string } }
	}
	if err := gql(ctx, addr, host, `mutation($in: ShowCreateInput!){ showCreate(input:$in){ show{ id } errors{ code field message } } }`,
		map[string]any{"in": map[string]any{"title": "Load show", "description": "Load test", "category": "Beauty",
			"scheduledStart": start.Format(time.RFC3339), "scheduledEnd": start.Add(time.Hour).Format(time.RFC3339),
			"productIds": []string{productID}}}, &sc); err != nil {
		return "", fmt.Errorf("showCreate: %w", err)
	}
	id := sc.ShowCreate.Show.ID
	if err := gql(ctx, addr, host, `mutation($id: ID!){ showPublish(input:{id:$id}){ errors{ code field message } } }`, map[string]any{"id": id}, nil); err != nil {
		return "", fmt.Errorf("showPublish: %w", err)
	}
	if err := gql(ctx, addr, host, `mutation($id: ID!){ showGoLive(input:{id:$id}){ errors{ code field message } } }`, map[string]any{"id": id}, nil); err != nil {
		return "", fmt.Errorf("showGoLive: %w", err)
	}
	return id, nil
}

// ---- subscribers ----

const showEventsQuery = `subscription($id: ID!){ showEvents(showId:$id){ __typename seq ... on ChatMessagePosted { message { body } } } }`

type subscriber struct {
	c    *websocket.Conn
	mu   sync.Mutex
	last int64
	seen map[int]bool
	lat  []time.Duration
	ooo  int64
	dead bool
	size int64
	n    int64
}

type frame struct {
	Type    string `json:"type"`
	Payload struct {
		Data struct {
			ShowEvents struct {
				Typename string `json:"__typename"`
				Seq      int64  `json:"seq"`
				Message  *struct {
					Body string `json:"body"`
				} `json:"message"`
			} `json:"showEvents"`
		} `json:"data"`
	} `json:"payload"`
}

// parseBody reads "t=<unix nanos> i=<index> ...".
func parseBody(b string) (t int64, i int, ok bool) {
	f := strings.Fields(b)
	if len(f) < 2 || !strings.HasPrefix(f[0], "t=") || !strings.HasPrefix(f[1], "i=") {
		return 0, 0, false
	}
	t, err1 := strconv.ParseInt(f[0][2:], 10, 64)
	n, err2 := strconv.Atoi(f[1][2:])
	return t, n, err1 == nil && err2 == nil
}

func dial(ctx context.Context, mode, addr, showID string) (*websocket.Conn, error) {
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if mode == "baseline" {
		c, _, err := websocket.Dial(dctx, "ws://"+addr+"/ws", nil)
		return c, err
	}
	c, _, err := websocket.Dial(dctx, "ws://"+addr+"/graphql", &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, err
	}
	write := func(v any) error {
		b, _ := json.Marshal(v)
		return c.Write(dctx, websocket.MessageText, b)
	}
	if err := write(map[string]any{"type": "connection_init", "payload": map[string]any{}}); err != nil {
		c.CloseNow()
		return nil, err
	}
	_, b, err := c.Read(dctx)
	if err != nil || !bytes.Contains(b, []byte(`"connection_ack"`)) {
		c.CloseNow()
		return nil, fmt.Errorf("connection_init: %q %v", b, err)
	}
	if err := write(map[string]any{"id": "e", "type": "subscribe", "payload": map[string]any{"query": showEventsQuery, "variables": map[string]any{"id": showID}}}); err != nil {
		c.CloseNow()
		return nil, err
	}
	return c, nil
}

// read runs until the connection ends, recording every event.
func (s *subscriber) read(ctx context.Context, delivered *atomic.Int64) {
	for {
		_, b, err := s.c.Read(ctx)
		now := time.Now().UnixNano()
		if err != nil {
			s.mu.Lock()
			s.dead = true
			s.mu.Unlock()
			return
		}
		var f frame
		if json.Unmarshal(b, &f) != nil {
			continue
		}
		switch f.Type {
		case "ping":
			wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			_ = s.c.Write(wctx, websocket.MessageText, []byte(`{"type":"pong"}`))
			cancel()
			continue
		case "next":
		default:
			continue
		}
		ev := f.Payload.Data.ShowEvents
		if ev.Message == nil {
			continue
		}
		t, idx, ok := parseBody(ev.Message.Body)
		if !ok {
			continue
		}
		s.mu.Lock()
		if ev.Seq <= s.last {
			s.ooo++
		}
		s.last = ev.Seq
		if !s.seen[idx] {
			s.seen[idx] = true
			s.lat = append(s.lat, time.Duration(now-t))
			delivered.Add(1)
		}
		s.size += int64(len(b))
		s.n++
		s.mu.Unlock()
	}
}

// connectAll opens n subscribers with bounded concurrency.
func connectAll(ctx context.Context, mode, addr, showID string, n int, delivered *atomic.Int64, wg *sync.WaitGroup) ([]*subscriber, error) {
	subs := make([]*subscriber, n)
	sem := make(chan struct{}, 64)
	var firstErr error
	var emu sync.Mutex
	var cwg sync.WaitGroup
	for i := 0; i < n; i++ {
		sem <- struct{}{}
		cwg.Add(1)
		go func(i int) {
			defer cwg.Done()
			defer func() { <-sem }()
			c, err := dial(ctx, mode, addr, showID)
			if err != nil {
				emu.Lock()
				if firstErr == nil {
					firstErr = fmt.Errorf("subscriber %d: %w", i, err)
				}
				emu.Unlock()
				return
			}
			c.SetReadLimit(1 << 20)
			s := &subscriber{c: c, seen: map[int]bool{}}
			subs[i] = s
			wg.Add(1)
			go func() { defer wg.Done(); s.read(ctx, delivered) }()
		}(i)
	}
	cwg.Wait()
	return subs, firstErr
}

func closeAll(subs []*subscriber, wg *sync.WaitGroup) {
	for _, s := range subs {
		if s != nil {
			s.c.CloseNow()
		}
	}
	wg.Wait()
}

func waitSubscribers(ctx context.Context, addr, showID string, n int) error {
	deadline := time.Now().Add(2*time.Minute + time.Duration(n)*time.Millisecond)
	for {
		s, err := getStats(ctx, addr, showID, false)
		if err == nil && s.Subscribers >= n {
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("only %d of %d subscribers registered (%v)", s.Subscribers, n, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// ---- one measurement ----

func measure(ctx context.Context, cfg Config, mode string, w io.Writer) (*Result, error) {
	name := map[string]string{"app": "livemarket", "baseline": "baseline"}[mode]
	r := &Result{Name: name}
	logf := func(format string, a ...any) { fmt.Fprintf(w, "  ["+name+"] "+format+"\n", a...) }
	ch, err := startChild(ctx, mode)
	if err != nil {
		return nil, err
	}
	defer ch.stop()
	addr := ch.addr

	// Setup: the show and the posting users (app) through the API.
	showID := ""
	var tokens []string
	users := int(math.Ceil(cfg.Rate*5/3*2)) + 1 // 3 posts per 5 s per user, with 2x headroom
	if mode == "app" {
		if showID, err = setupShow(ctx, addr); err != nil {
			return nil, err
		}
		for i := 0; i < users; i++ {
			tok, err := signUp(ctx, addr, fmt.Sprintf("viewer%d@load.test", i), fmt.Sprintf("Viewer %d", i))
			if err != nil {
				return nil, fmt.Errorf("signUp viewer: %w", err)
			}
			tokens = append(tokens, tok)
		}
	}
	logf("server pid %d on %s, show %q, %d posting users", ch.pid, addr, showID, len(tokens))

	s0, err := getStats(ctx, addr, showID, true)
	if err != nil {
		return nil, err
	}
	r.MemBefore, r.GBefore = s0.HeapStack, s0.Goroutines

	// Connect N idle subscribers.
	var delivered atomic.Int64
	var wg sync.WaitGroup
	rctx, rcancel := context.WithCancel(ctx)
	defer rcancel()
	t0 := time.Now()
	subs, err := connectAll(rctx, mode, addr, showID, cfg.Subscribers, &delivered, &wg)
	if err != nil {
		closeAll(subs, &wg)
		return nil, err
	}
	if err := waitSubscribers(ctx, addr, showID, cfg.Subscribers); err != nil {
		closeAll(subs, &wg)
		return nil, err
	}
	r.ConnectSeconds = time.Since(t0).Seconds()
	s1, err := getStats(ctx, addr, showID, true)
	if err != nil {
		closeAll(subs, &wg)
		return nil, err
	}
	r.MemWithN, r.GWithN = s1.HeapStack, s1.Goroutines
	r.MemPerSub = (float64(s1.HeapStack) - float64(s0.HeapStack)) / float64(cfg.Subscribers)
	logf("%d subscribers connected in %.1fs", cfg.Subscribers, r.ConnectSeconds)

	// Publish phase: server CPU measured from just before the first publish
	// to the last delivery.
	total := int(math.Round(cfg.Rate * cfg.Duration.Seconds()))
	if total < 1 {
		total = 1
	}
	interval := time.Duration(float64(time.Second) / cfg.Rate)
	pad := strings.Repeat("x", cfg.BodySize)
	cpuP0, ru0 := procCPU(ch.pid), s1.CPUSeconds
	if s, err := getStats(ctx, addr, showID, false); err == nil {
		ru0 = s.CPUSeconds
	}
	clientCPU0 := rusageCPU()
	start := time.Now()
	var pwg sync.WaitGroup
	var published, pubErrs atomic.Int64
	var pubErr atomic.Value
	for i := 0; i < total; i++ {
		if d := time.Until(start.Add(time.Duration(i) * interval)); d > 0 {
			time.Sleep(d)
		}
		pwg.Add(1)
		go func(i int) {
			defer pwg.Done()
			body := fmt.Sprintf("t=%d i=%d ", time.Now().UnixNano(), i)
			if len(body) < cfg.BodySize {
				body += pad[:cfg.BodySize-len(body)]
			}
			var err error
			if mode == "app" {
				err = gql(ctx, addr, tokens[i%len(tokens)], `mutation($s: ID!, $b: String!){ chatPost(input:{showId:$s, body:$b}){ message{ id } errors{ code field message } } }`,
					map[string]any{"s": showID, "b": body}, nil)
			} else {
				var req *http.Request
				b, _ := json.Marshal(map[string]string{"body": body})
				req, _ = http.NewRequestWithContext(ctx, http.MethodPost, "http://"+addr+"/publish", bytes.NewReader(b))
				var resp *http.Response
				if resp, err = httpc.Do(req); err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusNoContent {
						err = fmt.Errorf("publish: status %d", resp.StatusCode)
					}
				}
			}
			if err != nil {
				pubErrs.Add(1)
				pubErr.Store(err.Error())
				return
			}
			published.Add(1)
		}(i)
	}
	pwg.Wait()
	r.Published = int(published.Load())
	r.Expected = int64(r.Published) * int64(cfg.Subscribers)
	deadline := time.Now().Add(cfg.Grace)
	var lastChange time.Time
	lastN := int64(-1)
	for time.Now().Before(deadline) {
		n := delivered.Load()
		if n != lastN {
			lastN, lastChange = n, time.Now()
		}
		if n >= r.Expected {
			break
		}
		time.Sleep(time.Millisecond)
	}
	end := lastChange
	if end.IsZero() || end.Before(start) {
		end = time.Now()
	}
	cpuP1 := procCPU(ch.pid)
	s2, err := getStats(ctx, addr, showID, false)
	if err != nil {
		closeAll(subs, &wg)
		return nil, err
	}
	r.ClientCPU = rusageCPU() - clientCPU0
	r.CPUProc, r.CPURusage = cpuP1-cpuP0, s2.CPUSeconds-ru0
	if e := pubErrs.Load(); e > 0 {
		logf("%d publishes failed, last: %v", e, pubErr.Load())
	}
	r.Deliveries = delivered.Load()
	r.PhaseSeconds = end.Sub(start).Seconds()
	r.DeliveriesPerSec = float64(r.Deliveries) / r.PhaseSeconds
	if r.Deliveries > 0 {
		r.CPUPer1000 = r.CPUProc / float64(r.Deliveries) * 1000
		r.CPUPer1000Rusage = r.CPURusage / float64(r.Deliveries) * 1000
	}

	// Per-subscriber accounting.
	var lat []time.Duration
	var size, frames int64
	for _, s := range subs {
		s.mu.Lock()
		r.Lost += int64(r.Published - len(s.seen))
		r.OutOfOrder += s.ooo
		if s.dead {
			r.Dropped++
		}
		lat = append(lat, s.lat...)
		size += s.size
		frames += s.n
		s.mu.Unlock()
	}
	if frames > 0 {
		r.FrameBytes = float64(size) / float64(frames)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	if len(lat) > 0 {
		r.P50, r.P99, r.Max = lat[len(lat)*50/100], lat[min(len(lat)-1, len(lat)*99/100)], lat[len(lat)-1]
	}

	// Disconnect all and let the server settle.
	closeAll(subs, &wg)
	r.GAfter = settleGoroutines(ctx, addr, r.GBefore)

	// Connect/disconnect cycles, in batches, each batch fully subscribed
	// before it is closed.
	if cfg.Cycles > 0 {
		batch := min(cfg.Subscribers, 1000)
		for done := 0; done < cfg.Cycles; done += batch {
			n := min(batch, cfg.Cycles-done)
			var cwg sync.WaitGroup
			var dummy atomic.Int64
			bs, err := connectAll(rctx, mode, addr, showID, n, &dummy, &cwg)
			if err == nil {
				err = waitSubscribers(ctx, addr, showID, n)
			}
			closeAll(bs, &cwg)
			if err != nil {
				return nil, fmt.Errorf("cycles: %w", err)
			}
			// Wait for the server to unregister before the next batch.
			for i := 0; i < 200; i++ {
				if s, err := getStats(ctx, addr, showID, false); err == nil && s.Subscribers == 0 {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
		r.GAfterCycles = settleGoroutines(ctx, addr, r.GBefore)
	}
	return r, nil
}

// ---- report ----

// Report is both measurements.
type Report struct{ Ours, Base Result }

func ratio(a, b float64) string {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return "n/a"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Print writes the figures and the ratios.
func (rep *Report) Print(w io.Writer) {
	row := func(label string, f func(r *Result) string, rat string) {
		fmt.Fprintf(w, "%-40s %18s %18s %10s\n", label, f(&rep.Ours), f(&rep.Base), rat)
	}
	o, b := &rep.Ours, &rep.Base
	fmt.Fprintf(w, "\n%-40s %18s %18s %10s\n", "figure", "livemarket", "baseline", "ratio")
	row("events published", func(r *Result) string { return fmt.Sprint(r.Published) }, "")
	row("deliveries (expected)", func(r *Result) string { return fmt.Sprintf("%d (%d)", r.Deliveries, r.Expected) }, "")
	row("deliveries/s", func(r *Result) string { return fmt.Sprintf("%.1f", r.DeliveriesPerSec) }, ratio(o.DeliveriesPerSec, b.DeliveriesPerSec))
	row("latency p50 ms", func(r *Result) string { return fmt.Sprintf("%.2f", ms(r.P50)) }, ratio(ms(o.P50), ms(b.P50)))
	row("latency p99 ms", func(r *Result) string { return fmt.Sprintf("%.2f", ms(r.P99)) }, ratio(ms(o.P99), ms(b.P99)))
	row("latency max ms", func(r *Result) string { return fmt.Sprintf("%.2f", ms(r.Max)) }, ratio(ms(o.Max), ms(b.Max)))
	row("lost events", func(r *Result) string { return fmt.Sprint(r.Lost) }, "")
	row("out-of-order events", func(r *Result) string { return fmt.Sprint(r.OutOfOrder) }, "")
	row("subscribers dropped during publish", func(r *Result) string { return fmt.Sprint(r.Dropped) }, "")
	row("avg frame bytes", func(r *Result) string { return fmt.Sprintf("%.0f", r.FrameBytes) }, ratio(o.FrameBytes, b.FrameBytes))
	row("server CPU-s, publish phase (/proc)", func(r *Result) string { return fmt.Sprintf("%.3f", r.CPUProc) }, ratio(o.CPUProc, b.CPUProc))
	row("server CPU-s, publish phase (rusage)", func(r *Result) string { return fmt.Sprintf("%.4f", r.CPURusage) }, ratio(o.CPURusage, b.CPURusage))
	row("server CPU-s per 1,000 deliveries (/proc)", func(r *Result) string { return fmt.Sprintf("%.5f", r.CPUPer1000) }, ratio(o.CPUPer1000, b.CPUPer1000))
	row("server CPU-s per 1,000 deliv. (rusage)", func(r *Result) string { return fmt.Sprintf("%.5f", r.CPUPer1000Rusage) }, ratio(o.CPUPer1000Rusage, b.CPUPer1000Rusage))
	row("client CPU-s, publish phase (parent)", func(r *Result) string { return fmt.Sprintf("%.3f", r.ClientCPU) }, "")
	row("heap+stack before subscribers (KB)", func(r *Result) string { return fmt.Sprintf("%.0f", float64(r.MemBefore)/1024) }, "")
	row("heap+stack with N idle subscribers (KB)", func(r *Result) string { return fmt.Sprintf("%.0f", float64(r.MemWithN)/1024) }, "")
	row("memory per subscriber (KB)", func(r *Result) string { return fmt.Sprintf("%.2f", r.MemPerSub/1024) }, ratio(o.MemPerSub, b.MemPerSub))
	row("goroutines before connecting", func(r *Result) string { return fmt.Sprint(r.GBefore) }, "")
	row("goroutines with N connected", func(r *Result) string { return fmt.Sprint(r.GWithN) }, ratio(float64(o.GWithN-o.GBefore), float64(b.GWithN-b.GBefore))+"*")
	row("goroutines after disconnecting all", func(r *Result) string { return fmt.Sprint(r.GAfter) }, "")
	row("goroutines after cycles", func(r *Result) string {
		if r.GAfterCycles == 0 {
			return "-"
		}
		return fmt.Sprint(r.GAfterCycles)
	}, "")
	row("connect+subscribe time (s)", func(r *Result) string { return fmt.Sprintf("%.2f", r.ConnectSeconds) }, "")
	fmt.Fprintln(w, "* ratio of goroutines added per N subscribers")
	fmt.Fprintln(w, "Method: each server runs in its own child process; CPU = child utime+stime from /proc/<pid>/stat (10 ms ticks) and the child's getrusage(RUSAGE_SELF) (µs),")
	fmt.Fprintln(w, "from just before the first publish to the last delivery (publish handling included: chatPost/POST /publish). Memory = child HeapInuse+StackInuse after runtime.GC,")
	fmt.Fprintln(w, "with N idle subscribed connections minus before, divided by N. Latency = receive time minus the unix-nanos publish time in the body (same host clock),")
	fmt.Fprintln(w, "measured in the load process, so it includes client-side scheduling delay. Lost = published - distinct events received, summed over subscribers;")
	fmt.Fprintln(w, "out-of-order = events whose seq was not greater than the previous one received on that subscriber.")
}
