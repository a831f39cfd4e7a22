package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	pprofhttp "net/http/pprof"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/coder/websocket"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/collab"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/app"
	"github.com/livemarket/livemarket/internal/db"
	"github.com/livemarket/livemarket/migrations"
)

// childEnv selects server mode in a child process ("app" or "baseline"); it
// is an environment variable so the test binary can be re-executed too.
const childEnv = "LIVEMARKET_LOAD_SERVE"

// dbEnv, when set, is the database the app child uses (flash mode).
const dbEnv = "LIVEMARKET_LOAD_DB"

// stats is what a server process reports about itself at /_load/stats.
type stats struct {
	Goroutines  int     `json:"goroutines"`
	HeapStack   uint64  `json:"heapStack"` // HeapInuse+StackInuse after runtime.GC
	CPUSeconds  float64 `json:"cpuSeconds"`
	Subscribers int     `json:"subscribers"`
}

func rusageCPU() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}

func statsHandler(subs func(show string) int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("goroutines") == "1" { // a dump, to find leaks
			_ = pprof.Lookup("goroutine").WriteTo(w, 1)
			return
		}
		s := stats{CPUSeconds: rusageCPU(), Subscribers: subs(r.URL.Query().Get("show"))}
		if r.URL.Query().Get("gc") == "1" {
			runtime.GC()
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			s.HeapStack = m.HeapInuse + m.StackInuse
		}
		s.Goroutines = runtime.NumGoroutine()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s)
	})
}

// serveChild runs a server on a loopback port, prints "LISTEN addr" and
// serves until stdin is closed (the parent exits or closes it).
func serveChild(mode string) error {
	ctx := context.Background()
	var h http.Handler
	switch mode {
	case "app":
		dbURL := os.Getenv(dbEnv)
		if dbURL == "" {
			dir, err := os.MkdirTemp("", "livemarket-load-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			dbURL = "sqlite:" + filepath.Join(dir, "load.db")
		}
		d, err := db.Open(ctx, dbURL)
		if err != nil {
			return err
		}
		defer d.Close()
		if _, err := migrations.Up(ctx, d); err != nil {
			return err
		}
		a := app.New(d, app.Options{
			Clock:    kernel.SystemClock{},
			Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
			Accounts: account.Options{Hash: account.HashParams{MemoryKiB: 1024, Time: 1, Threads: 1}, SessionCacheTTL: 10 * time.Second}, // the server's default SESSION_CACHE_TTL
			Collab:   collab.Options{DefaultPlatformFeeBps: 500},
		})
		if err := a.Warm(ctx); err != nil { // as livemarket serve does
			return err
		}
		mux := http.NewServeMux()
		mux.Handle("/_load/stats", statsHandler(a.ShowSubscribers))
		mux.HandleFunc("/debug/pprof/", pprofhttp.Index)
		mux.HandleFunc("/debug/pprof/profile", pprofhttp.Profile)
		mux.HandleFunc("/debug/pprof/trace", pprofhttp.Trace)
		mux.Handle("/", a.Handler())
		h = mux
	case "baseline":
		b := newBroadcaster()
		mux := http.NewServeMux()
		mux.Handle("/_load/stats", statsHandler(func(string) int { return b.count() }))
		mux.HandleFunc("/ws", b.serveWS)
		mux.HandleFunc("/publish", b.publish)
		h = mux
	default:
		return fmt.Errorf("unknown server mode %q (want app or baseline)", mode)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	fmt.Printf("LISTEN %s\n", ln.Addr())
	// Block until the parent closes stdin: the child never outlives it.
	_, _ = io.Copy(io.Discard, bufio.NewReader(os.Stdin))
	sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	return nil
}

// broadcaster is the bare websocket baseline: one frame built per published
// message, written to every subscriber through a bounded per-subscriber queue.
type broadcaster struct {
	mu   sync.Mutex
	subs map[chan []byte]struct{}
	seq  atomic.Int64
}

func newBroadcaster() *broadcaster { return &broadcaster{subs: map[chan []byte]struct{}{}} }

func (b *broadcaster) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

func (b *broadcaster) serveWS(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx := c.CloseRead(r.Context()) // handles control frames; done when the peer goes
	q := make(chan []byte, 64)
	b.mu.Lock()
	b.subs[q] = struct{}{}
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		delete(b.subs, q)
		b.mu.Unlock()
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case msg, ok := <-q:
			if !ok {
				c.Close(websocket.StatusPolicyViolation, "too slow")
				return
			}
			wctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			err := c.Write(wctx, websocket.MessageText, msg)
			cancel()
			if err != nil {
				return
			}
		}
	}
}

// publish takes {"body": "..."} and fans out a frame shaped like the
// graphql-transport-ws "next" message of a ChatMessagePosted event.
func (b *broadcaster) publish(w http.ResponseWriter, r *http.Request) {
	var in struct{ Body string }
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&in); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	seq := b.seq.Add(1)
	body, _ := json.Marshal(in.Body)
	frame := []byte(`{"id":"e","type":"next","payload":{"data":{"showEvents":{"__typename":"ChatMessagePosted","seq":` +
		strconv.FormatInt(seq, 10) + `,"message":{"body":` + string(body) + `}}}}}`)
	for q := range b.subs {
		select {
		case q <- frame:
		default: // full: drop this subscriber
			close(q)
			delete(b.subs, q)
		}
	}
	w.WriteHeader(http.StatusNoContent)
}
