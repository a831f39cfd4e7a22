package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine to write while
// the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

// TestLocalModeServesAndShutsDownGracefully starts the binary's default
// command with nothing configured but a data directory and a free port, uses
// the API, then cancels (as SIGTERM does) and expects a clean stop.
func TestLocalModeServesAndShutsDownGracefully(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-listen-addr", "127.0.0.1:0"}, env(map[string]string{"DATA_DIR": dir}), &stdout, &stderr, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("run returned early: %v\n%s", err, stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("server did not start\n%s", stderr.String())
	}
	base := "http://" + addr

	if _, err := os.Stat(filepath.Join(dir, "livemarket.db")); err != nil {
		t.Fatalf("local mode did not create its SQLite file under DATA_DIR: %v", err)
	}
	for _, want := range []string{"local mode", "DATABASE_URL", "seeded demo data"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("start-up log lacks %q:\n%s", want, stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), "admin@livemarket.local") || !strings.Contains(stdout.String(), "livemarket-demo") {
		t.Errorf("demo credentials not printed:\n%s", stdout.String())
	}

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/graphiql": 200, "/": 200, "/shows/some-id": 200} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s = %d %s", path, resp.StatusCode, body)
		}
		if path == "/graphiql" && !strings.Contains(string(body), "graphiql") && !strings.Contains(string(body), "GraphiQL") {
			t.Errorf("GET /graphiql is not GraphiQL")
		}
		if (path == "/" || path == "/shows/some-id") && !strings.Contains(string(body), "Livemarket") {
			t.Errorf("GET %s is not the web client: %.200s", path, body)
		}
	}

	// The demo data is there and the demo credentials work.
	post := func(token, query string, vars map[string]any) map[string]any {
		b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		if out["errors"] != nil {
			t.Fatalf("%s: %v", query, out["errors"])
		}
		return out["data"].(map[string]any)
	}
	data := post("", `{ products(first: 100) { totalCount edges { node { category vendor { slug } } } } }`, nil)
	products := data["products"].(map[string]any)
	vendors, categories := map[string]int{}, map[string]bool{}
	for _, e := range products["edges"].([]any) {
		n := e.(map[string]any)["node"].(map[string]any)
		vendors[n["vendor"].(map[string]any)["slug"].(string)]++
		categories[n["category"].(string)] = true
	}
	if len(vendors) < 3 || len(categories) < 3 {
		t.Fatalf("demo catalog: vendors %v, categories %v", vendors, categories)
	}
	for v, n := range vendors {
		if n < 5 {
			t.Errorf("vendor %s has %d products, want 5+", v, n)
		}
	}
	data = post("", `mutation{ signIn(input:{email:"admin@livemarket.local", password:"livemarket-demo"}){ token errors{ code } } }`, nil)
	token, _ := data["signIn"].(map[string]any)["token"].(string)
	if token == "" {
		t.Fatalf("demo admin cannot sign in: %v", data)
	}
	data = post(token, `{ me { isAdmin } influencer(handle: "@anna") { handle } }`, nil)
	if data["me"].(map[string]any)["isAdmin"] != true || data["influencer"] == nil {
		t.Fatalf("demo admin/influencer: %v", data)
	}

	// Demo collaborations: @anna may feature products from two vendors.
	data = post("", `mutation{ signIn(input:{email:"anna@creators.example", password:"livemarket-demo"}){ token } }`, nil)
	anna, _ := data["signIn"].(map[string]any)["token"].(string)
	data = post(anna, `{ showcase { totalCount edges { node { commissionBps vendor { slug } } } } }`, nil)
	showcase := data["showcase"].(map[string]any)
	showVendors := map[string]bool{}
	for _, e := range showcase["edges"].([]any) {
		showVendors[e.(map[string]any)["node"].(map[string]any)["vendor"].(map[string]any)["slug"].(string)] = true
	}
	if showcase["totalCount"].(float64) < 2 || len(showVendors) < 2 {
		t.Fatalf("demo showcase: %v", showcase)
	}
	// Demo shows: upcoming ones are listed, the draft is not.
	data = post("", `{ shows { totalCount edges { node { status host { handle } featuredProducts { product { vendor { slug } } } } } } }`, nil)
	shows := data["shows"].(map[string]any)
	if shows["totalCount"].(float64) != 2 {
		t.Fatalf("demo shows: %v", shows)
	}

	// Local mode has real search: the demo shows reach the embedded engine
	// through the outbox and the in-process worker.
	deadline := time.Now().Add(15 * time.Second)
	for {
		data = post("", `{ searchShows(query: "frday glow") { totalCount edges { node { host { handle } } } } searchProducts(query: "lipstik") { totalCount } }`, nil)
		if data["searchShows"].(map[string]any)["totalCount"].(float64) >= 1 && data["searchProducts"].(map[string]any)["totalCount"].(float64) >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("demo data never became searchable: %v", data)
		}
		time.Sleep(100 * time.Millisecond)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("shutdown: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not stop after cancel")
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("no clean stop in log:\n%s", stderr.String())
	}

	// A second start finds the demo data and does not seed again.
	out := &syncBuffer{}
	if err := run(context.Background(), []string{"seed"}, env(map[string]string{"DATA_DIR": dir}), out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "already present") {
		t.Fatalf("seed twice: %s", out.String())
	}
	// A full reindex rebuilds the embedded indexes from the database.
	out = &syncBuffer{}
	if err := run(context.Background(), []string{"search", "reindex"}, env(map[string]string{"DATA_DIR": dir}), out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "reindexed 2 shows and 4 products") {
		t.Fatalf("search reindex: %q", out.String())
	}
}

func TestHelpDocumentsEverySetting(t *testing.T) {
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"--help"}, env(nil), io.Discard, &stderr, nil)
	if err != flag.ErrHelp {
		t.Fatalf("--help: %v", err)
	}
	for _, want := range []string{"DATABASE_URL", "-database-url", "LISTEN_ADDR", "ADMIN_EMAIL", "ENABLE_INTROSPECTION", "ENABLE_GRAPHIQL",
		"MAX_COMPLEXITY", "MAX_DEPTH", "MAX_BODY_BYTES", "serve", "migrate up|down|status", "seed"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

func TestServeRequiresDatabaseURL(t *testing.T) {
	err := run(context.Background(), []string{"serve"}, env(nil), io.Discard, io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
		t.Fatalf("serve without DATABASE_URL: %v", err)
	}
}

func TestMigrateCommands(t *testing.T) {
	dir := t.TempDir()
	e := env(map[string]string{"DATABASE_URL": "sqlite:" + filepath.Join(dir, "m.db")})
	steps := []struct {
		args []string
		want string
	}{
		{[]string{"migrate", "status"}, "pending"},
		{[]string{"migrate", "up"}, "applied group 1"},
		{[]string{"migrate", "up"}, "up to date"},
		{[]string{"migrate", "status"}, "applied (group 1)"},
		{[]string{"migrate", "down"}, "rolled back group 1"},
		{[]string{"migrate", "status"}, "pending"},
	}
	for _, s := range steps {
		var out bytes.Buffer
		if err := run(context.Background(), s.args, e, &out, io.Discard, nil); err != nil {
			t.Fatalf("%v: %v", s.args, err)
		}
		if !strings.Contains(out.String(), s.want) {
			t.Fatalf("%v: output %q lacks %q", s.args, out.String(), s.want)
		}
	}
	if err := run(context.Background(), []string{"migrate", "sideways"}, e, io.Discard, io.Discard, nil); err == nil {
		t.Fatal("unknown migrate command accepted")
	}
}
