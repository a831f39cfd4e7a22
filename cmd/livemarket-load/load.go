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
	"net"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/coder/websocket"

	"github.com/livemarket/livemarket/domain/live"
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
	Ended                Endings // how the Dropped subscribers' connections ended
	Slow                 int     // -slow subscribers (never read; in no other figure)
	SlowOpen             int     // of those, still open at the end of the publish phase
	SlowEnded            Endings // of those, closed by then, and how
}

// ---- child server ----

type child struct {
	addr  string
	pid   int
	stdin io.WriteCloser
	cmd   *exec.Cmd
}

func startChild(ctx context.Context, mode string) (*child, error) {
	return startChildEnv(ctx, mode)
}

// startChildWithDB runs the app server on the database at dbURL.
func startChildWithDB(ctx context.Context, dbURL string) (*child, error) {
	return startChildEnv(ctx, "app", dbEnv+"="+dbURL)
}

func startChildEnv(ctx context.Context, mode string, env ...string) (*child, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(append(os.Environ(), childEnv+"="+mode), env...)
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

func newPost(ctx context.Context, url string, body []byte, token string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req, nil
}

func tempDir() (string, error) { return os.MkdirTemp("", "livemarket-load-") }

func removeAll(dir string) { _ = os.RemoveAll(dir) }

// gql runs a setup operation; payload errors (errors{code}) anywhere in
// data fail it too.
func gql(ctx context.Context, addr, token, query string, vars map[string]any, out any) error {
	data, err := gqlData(ctx, addr, token, query, vars)
	if err != nil {
		return err
	}
	if bytes.Contains(data, []byte(`"code"`)) {
		return fmt.Errorf("payload errors: %s", data)
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

// gqlData posts an operation and returns its data; top-level errors fail.
func gqlData(ctx context.Context, addr, token, query string, vars map[string]any) (json.RawMessage, error) {
	return gqlDataWith(ctx, httpc, addr, token, query, vars)
}

// gqlDataWith is gqlData through client c (a buyer's own connection).
func gqlDataWith(ctx context.Context, c *http.Client, addr, token, query string, vars map[string]any) (json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := newPost(ctx, "http://"+addr+"/graphql", body, token)
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, raw)
	}
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("graphql errors: %s", r.Errors[0].Message)
	}
	return r.Data, nil
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

// Per-subscriber read buffer: allocated with the subscriber (not during the
// publish phase), grown for larger frames, kept up to readBufKeep.
const (
	readBufInit = 1 << 10
	readBufKeep = 64 << 10
)

type subscriber struct {
	c   *websocket.Conn
	buf []byte // reused for every frame (see readMessage)

	mu       sync.Mutex
	last     int64
	seen     []uint64     // bitset of event indexes received, 0 <= i < maxSeenBits
	seenRest map[int]bool // indexes outside the bitset (never for the tool's own publishes)
	distinct int
	lat      []time.Duration
	ooo      int64
	dead     bool
	endErr   error // why the read loop ended
	size     int64
	n        int64
}

// maxSeenBits bounds the bitset a foreign body (huge i=) could make us allocate.
const maxSeenBits = 1 << 26

func newSubscriber(c *websocket.Conn, events int) *subscriber {
	return &subscriber{c: c, buf: make([]byte, 0, readBufInit),
		seen: make([]uint64, (events+63)/64), lat: make([]time.Duration, 0, events)}
}

// markSeen records idx and reports whether it is new. Callers hold s.mu.
func (s *subscriber) markSeen(idx int) bool {
	if idx < 0 || idx >= maxSeenBits {
		if s.seenRest[idx] {
			return false
		}
		if s.seenRest == nil {
			s.seenRest = map[int]bool{}
		}
		s.seenRest[idx] = true
		s.distinct++
		return true
	}
	w, bit := idx/64, uint64(1)<<(idx%64)
	if w >= len(s.seen) {
		s.seen = append(s.seen, make([]uint64, w+1-len(s.seen))...)
	}
	if s.seen[w]&bit != 0 {
		return false
	}
	s.seen[w] |= bit
	s.distinct++
	return true
}

// frameKind is what the read loop does with a frame.
type frameKind int

const (
	frameIgnore frameKind = iota
	framePing
	frameEvent // seq, t and idx are set
)

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

// decodeFrame is the reference decoding: the whole frame through
// encoding/json, then parseBody.
func decodeFrame(b []byte) (kind frameKind, seq, t int64, idx int) {
	var f frame
	if json.Unmarshal(b, &f) != nil {
		return frameIgnore, 0, 0, 0
	}
	switch f.Type {
	case "ping":
		return framePing, 0, 0, 0
	case "next":
	default:
		return frameIgnore, 0, 0, 0
	}
	ev := f.Payload.Data.ShowEvents
	if ev.Message == nil {
		return frameIgnore, 0, 0, 0
	}
	t, idx, ok := parseBody(ev.Message.Body)
	if !ok {
		return frameIgnore, 0, 0, 0
	}
	return frameEvent, ev.Seq, t, idx
}

var (
	keyType = []byte(`"type":`)
	keySeq  = []byte(`"seq":`)
	keyBody = []byte(`"body":`)
)

// In valid JSON `"name":` only occurs as an object key: a quote inside a
// string is always escaped. So a byte search for it finds the keys of that
// name at any depth, whatever the key order, and never text inside a string.

// findOnce returns the offset in b just past key if key occurs exactly once
// in b[:cut] and b[resume:] together (the part between is inside a string),
// else -1.
func findOnce(b, key []byte, cut, resume int) int {
	at := -1
	if i := bytes.Index(b[:cut], key); i >= 0 {
		if bytes.Contains(b[i+len(key):cut], key) {
			return -1
		}
		at = i + len(key)
	}
	if i := bytes.Index(b[resume:], key); i >= 0 {
		if at >= 0 || bytes.Contains(b[resume+i+len(key):], key) {
			return -1
		}
		at = resume + i + len(key)
	}
	return at
}

// digits parses the unsigned decimal number at the start of b and returns it
// and the bytes consumed (0: none, or too large for an int64).
func digits(b []byte) (v int64, n int) {
	for ; n < len(b) && b[n] >= '0' && b[n] <= '9'; n++ {
		d := int64(b[n] - '0')
		if v > (math.MaxInt64-d)/10 {
			return 0, 0
		}
		v = v*10 + d
	}
	return v, n
}

// scanFrame classifies a frame without decoding it: it finds the "type",
// "seq" and "body" keys by byte search and reads the body's leading
// "t=<unix nanos> i=<index>". It handles the frames the servers send, in any
// key order; for anything it is not sure about (a key missing or repeated,
// whitespace, escapes, numbers it does not expect) it returns ok=false and the
// caller uses decodeFrame, so for a well-formed frame the result is always
// what decodeFrame returns. The body (the bulk of a large frame) is scanned
// about once.
func scanFrame(b []byte) (kind frameKind, seq, t int64, idx int, ok bool) {
	// The body string, if any, is left out of the searches for the other keys.
	cut, resume := len(b), len(b)
	body := -1
	if k := bytes.Index(b, keyBody); k >= 0 {
		v := k + len(keyBody)
		if v >= len(b) || b[v] != '"' {
			return 0, 0, 0, 0, false
		}
		e := bytes.IndexByte(b[v+1:], '"') // the closing quote, or an escaped one before it
		if e < 0 {
			return 0, 0, 0, 0, false
		}
		cut, resume, body = k, v+1+e, v+1
		if bytes.Contains(b[resume:], keyBody) {
			return 0, 0, 0, 0, false
		}
	}

	p := findOnce(b, keyType, cut, resume)
	if p < 0 || p >= len(b) || b[p] != '"' {
		return 0, 0, 0, 0, false
	}
	p++
	e := bytes.IndexByte(b[p:], '"')
	if e < 0 {
		return 0, 0, 0, 0, false
	}
	typ := b[p : p+e]
	switch {
	case string(typ) == "next":
	case string(typ) == "ping":
		return framePing, 0, 0, 0, true
	case bytes.IndexByte(typ, '\\') >= 0:
		return 0, 0, 0, 0, false // an escaped type name: let encoding/json read it
	default:
		return frameIgnore, 0, 0, 0, true
	}

	p = findOnce(b, keySeq, cut, resume)
	if p < 0 {
		return 0, 0, 0, 0, false
	}
	seq, n := digits(b[p:])
	if n == 0 || p+n >= len(b) || (b[p+n] != ',' && b[p+n] != '}') {
		return 0, 0, 0, 0, false
	}

	if body < 0 || !bytes.HasPrefix(b[body:], []byte("t=")) {
		return 0, 0, 0, 0, false
	}
	p = body + 2
	t, n = digits(b[p:])
	p += n
	if n == 0 || !bytes.HasPrefix(b[p:], []byte(" i=")) {
		return 0, 0, 0, 0, false
	}
	p += 3
	i, n := digits(b[p:])
	p += n
	if n == 0 || p >= len(b) || (b[p] != ' ' && b[p] != '"') {
		return 0, 0, 0, 0, false
	}
	return frameEvent, seq, t, int(i), true
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

// readMessage is c.Read into the subscriber's reusable buffer. The 1 MiB
// read limit (SetReadLimit) is enforced by the websocket reader as for Read.
// The returned slice is valid until the next call.
func (s *subscriber) readMessage(ctx context.Context) ([]byte, error) {
	_, r, err := s.c.Reader(ctx)
	if err != nil {
		return nil, err
	}
	b := s.buf[:0]
	if cap(b) == 0 {
		b = make([]byte, 0, readBufInit)
	}
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if cap(b) <= readBufKeep {
				s.buf = b
			} else {
				s.buf = nil
			}
			if err == io.EOF {
				return b, nil
			}
			return b, err
		}
	}
}

// read runs until the connection ends, recording every event.
//
// Reads use a context without a Done channel: with one, the websocket library
// registers and removes a context.AfterFunc on every frame header and payload
// read, which with thousands of subscribers on one parent context is a large
// share of the client's CPU. The subscriber's connection is instead closed once
// when ctx ends (and by closeAll), which ends the read just the same.
func (s *subscriber) read(ctx context.Context, delivered *atomic.Int64) {
	stop := context.AfterFunc(ctx, func() { s.c.CloseNow() })
	defer stop()
	for {
		b, err := s.readMessage(context.Background())
		now := time.Now().UnixNano()
		if err != nil {
			s.mu.Lock()
			s.dead = true
			s.endErr = err
			s.mu.Unlock()
			return
		}
		kind, seq, t, idx, ok := scanFrame(b)
		if !ok {
			kind, seq, t, idx = decodeFrame(b)
		}
		switch kind {
		case framePing:
			wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			_ = s.c.Write(wctx, websocket.MessageText, []byte(`{"type":"pong"}`))
			cancel()
			continue
		case frameEvent:
		default:
			continue
		}
		s.mu.Lock()
		if seq <= s.last {
			s.ooo++
		}
		s.last = seq
		if s.markSeen(idx) {
			s.lat = append(s.lat, time.Duration(now-t))
			delivered.Add(1)
		}
		s.size += int64(len(b))
		s.n++
		s.mu.Unlock()
	}
}

// connectAll opens n subscribers with bounded concurrency; events sizes their
// bookkeeping (it grows if more arrive). Slow subscribers are never read.
func connectAll(ctx context.Context, mode, addr, showID string, n, events int, slow bool, delivered *atomic.Int64, wg *sync.WaitGroup) ([]*subscriber, error) {
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
			if slow {
				subs[i] = &subscriber{c: c}
				return
			}
			s := newSubscriber(c, events)
			subs[i] = s
			wg.Add(1)
			go func() { defer wg.Done(); s.read(ctx, delivered) }()
		}(i)
	}
	cwg.Wait()
	return subs, firstErr
}

// Endings counts connections by how they ended.
type Endings struct {
	Closed map[string]int // close frame from the server: `code 1008 "too slow"` → count
	Other  map[string]int // ended without a close frame: kind of error → count
}

func (e *Endings) add(err error) {
	var ce websocket.CloseError
	if errors.As(err, &ce) {
		if e.Closed == nil {
			e.Closed = map[string]int{}
		}
		e.Closed[fmt.Sprintf("code %d %q", int(ce.Code), ce.Reason)]++
		return
	}
	if e.Other == nil {
		e.Other = map[string]int{}
	}
	e.Other[errKind(err)]++
}

// errKind names a connection error without the parts (addresses) that differ
// per connection.
func errKind(err error) string {
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "EOF"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, net.ErrClosed):
		return "closed"
	case errors.Is(err, websocket.ErrMessageTooBig):
		return "message too big"
	}
	s := err.Error()
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	return s
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// counts renders "N (a: 2, b: 1)", keys sorted; "0" for none.
func counts(m map[string]int) string {
	n := sum(m)
	if n == 0 {
		return "0"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, m[k])
	}
	return fmt.Sprintf("%d (%s)", n, strings.Join(parts, ", "))
}

// probeSlow tells whether the server has closed a never-read connection: it
// reads (and discards) whatever is buffered for at most d. A connection the
// server closed ends with its close frame (or EOF); a live one times out
// (which closes it: call this only when done with it).
func probeSlow(c *websocket.Conn, d time.Duration) (open bool, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	for {
		_, r, err := c.Reader(ctx)
		if err == nil {
			_, err = io.Copy(io.Discard, r)
		}
		if err != nil {
			if ctx.Err() != nil && websocket.CloseStatus(err) == -1 {
				return true, nil
			}
			return false, err
		}
	}
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

// maxBaselineBody keeps a baseline frame under the subscribers' 1 MiB read
// limit (and the body under the baseline's 1 MiB publish limit).
const maxBaselineBody = 1<<20 - 1024

// slowProbe is how long probeSlow waits for a slow subscriber's connection to
// show it was closed.
const slowProbe = 2 * time.Second

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

	// The number of events to publish sizes the subscribers' bookkeeping.
	total := int(math.Round(cfg.Rate * cfg.Duration.Seconds()))
	if total < 1 {
		total = 1
	}
	// Bodies larger than the server takes would only make every publish fail.
	bodySize := cfg.BodySize
	if limit := map[string]int{"app": live.MaxBodyLen, "baseline": maxBaselineBody}[mode]; bodySize > limit {
		logf("body size %d clamped to %d (the largest this server accepts)", bodySize, limit)
		bodySize = limit
	}

	// Connect N idle subscribers.
	var delivered atomic.Int64
	var wg sync.WaitGroup
	var subs, slow []*subscriber
	abort := func(err error) (*Result, error) {
		closeAll(subs, &wg)
		closeAll(slow, &wg)
		return nil, err
	}
	rctx, rcancel := context.WithCancel(ctx)
	defer rcancel()
	t0 := time.Now()
	subs, err = connectAll(rctx, mode, addr, showID, cfg.Subscribers, total, false, &delivered, &wg)
	if err != nil {
		return abort(err)
	}
	if err := waitSubscribers(ctx, addr, showID, cfg.Subscribers); err != nil {
		return abort(err)
	}
	r.ConnectSeconds = time.Since(t0).Seconds()
	s1, err := getStats(ctx, addr, showID, true)
	if err != nil {
		return abort(err)
	}
	r.MemWithN, r.GWithN = s1.HeapStack, s1.Goroutines
	r.MemPerSub = (float64(s1.HeapStack) - float64(s0.HeapStack)) / float64(cfg.Subscribers)
	logf("%d subscribers connected in %.1fs", cfg.Subscribers, r.ConnectSeconds)

	// Slow subscribers: connected after the memory and goroutine figures,
	// subscribed, never read until probeSlow after the publish phase.
	if n := cfg.Slow; n > 0 {
		if slow, err = connectAll(rctx, mode, addr, showID, n, 0, true, nil, &wg); err != nil {
			return abort(fmt.Errorf("slow: %w", err))
		}
		if err := waitSubscribers(ctx, addr, showID, cfg.Subscribers+n); err != nil {
			return abort(fmt.Errorf("slow: %w", err))
		}
		r.Slow = n
		logf("%d slow subscribers (never read) connected", n)
	}

	// Publish phase: server CPU measured from just before the first publish
	// to the last delivery.
	interval := time.Duration(float64(time.Second) / cfg.Rate)
	pad := strings.Repeat("x", bodySize)
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
			if len(body) < bodySize {
				body += pad[:bodySize-len(body)]
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
		return abort(err)
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
		r.Lost += int64(r.Published - s.distinct)
		r.OutOfOrder += s.ooo
		if s.dead {
			r.Dropped++
			r.Ended.add(s.endErr)
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

	// Slow subscribers: has the server closed them by now?
	if len(slow) > 0 {
		var pmu sync.Mutex
		var pwg sync.WaitGroup
		for _, s := range slow {
			pwg.Add(1)
			go func() {
				defer pwg.Done()
				open, err := probeSlow(s.c, slowProbe)
				pmu.Lock()
				defer pmu.Unlock()
				if open {
					r.SlowOpen++
				} else {
					r.SlowEnded.add(err)
				}
			}()
		}
		pwg.Wait()
	}

	// Disconnect all and let the server settle.
	closeAll(subs, &wg)
	closeAll(slow, &wg)
	r.GAfter = settleGoroutines(ctx, addr, r.GBefore)
	if r.GAfter > r.GBefore {
		dumpGoroutines(ctx, w, addr, name)
	}

	// Connect/disconnect cycles, in batches, each batch fully subscribed
	// before it is closed.
	if cfg.Cycles > 0 {
		batch := min(cfg.Subscribers, 1000)
		for done := 0; done < cfg.Cycles; done += batch {
			n := min(batch, cfg.Cycles-done)
			var cwg sync.WaitGroup
			var dummy atomic.Int64
			bs, err := connectAll(rctx, mode, addr, showID, n, 0, false, &dummy, &cwg)
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
	row("  of which closed by server", func(r *Result) string { return fmt.Sprint(sum(r.Ended.Closed)) }, "")
	if o.Slow > 0 || b.Slow > 0 {
		row("slow subscribers (never read)", func(r *Result) string { return fmt.Sprint(r.Slow) }, "")
		row("  closed by server by the end", func(r *Result) string { return fmt.Sprint(r.Slow - r.SlowOpen) }, "")
	}
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
	for _, r := range []*Result{o, b} {
		fmt.Fprintf(w, "%s: subscribers closed by server: %s\n", r.Name, counts(r.Ended.Closed))
		if len(r.Ended.Other) > 0 {
			fmt.Fprintf(w, "%s: subscribers ended without a close frame: %s\n", r.Name, counts(r.Ended.Other))
		}
		if r.Slow > 0 {
			fmt.Fprintf(w, "%s: slow subscribers (never read): %d, still open at the end: %d, closed by server: %s",
				r.Name, r.Slow, r.SlowOpen, counts(r.SlowEnded.Closed))
			if len(r.SlowEnded.Other) > 0 {
				fmt.Fprintf(w, ", ended without a close frame: %s", counts(r.SlowEnded.Other))
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w, "Method: each server runs in its own child process; CPU = child utime+stime from /proc/<pid>/stat (10 ms ticks) and the child's getrusage(RUSAGE_SELF) (µs),")
	fmt.Fprintln(w, "from just before the first publish to the last delivery (publish handling included: chatPost/POST /publish). Memory = child HeapInuse+StackInuse after runtime.GC,")
	fmt.Fprintln(w, "with N idle subscribed connections minus before, divided by N. Latency = receive time minus the unix-nanos publish time in the body (same host clock),")
	fmt.Fprintln(w, "measured in the load process, so it includes client-side scheduling delay. Lost = published - distinct events received, summed over subscribers;")
	fmt.Fprintln(w, "out-of-order = events whose seq was not greater than the previous one received on that subscriber.")
	if o.Slow > 0 || b.Slow > 0 {
		fmt.Fprintln(w, "Slow subscribers connect and subscribe after the memory figures and never read; they are in no other figure. After the publish phase each is read")
		fmt.Fprintf(w, "for up to %s: a connection the server closed yields its close frame (or EOF) after the buffered frames, an open one times out.\n", slowProbe)
	}
}

// dumpGoroutines prints the server's goroutines (to find what outlived the
// subscribers).
func dumpGoroutines(ctx context.Context, w io.Writer, addr, name string) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/_load/stats?goroutines=1", nil)
	resp, err := httpc.Do(req)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	fmt.Fprintf(w, "  [%s] goroutines left after disconnecting:\n", name)
	_, _ = io.Copy(w, resp.Body)
}
