// Command livemarket-load measures showEvents fan-out: it starts the real
// Livemarket server in a child process (embedded SQLite in a temp dir), sets up
// a LIVE show through the GraphQL API, connects N graphql-transport-ws
// subscribers over loopback, publishes chat messages at a given rate and
// reports deliveries/s, publish→receive latency, lost and out-of-order events,
// server CPU per 1,000 deliveries, memory per subscriber and goroutine counts.
// A bare websocket broadcast server (another child process) is measured the
// same way in the same run, and our figures are printed as ratios to it.
//
//	livemarket-load -subscribers 1000 -rate 2 -duration 10s -cycles 0
//
// The servers run as child processes (this binary with -serve app|baseline)
// so that their CPU time (/proc/<pid>/stat utime+stime, and the child's own
// getrusage) excludes the load generator's client goroutines.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

// Config is one run's parameters.
type Config struct {
	Subscribers int
	Rate        float64
	Duration    time.Duration
	Cycles      int
	BodySize    int
	Grace       time.Duration // how long to wait for deliveries after the last publish
	Slow        int           // extra subscribers that never read
}

func main() {
	if mode := os.Getenv(childEnv); mode != "" {
		if err := serveChild(mode); err != nil {
			fmt.Fprintln(os.Stderr, "livemarket-load -serve:", err)
			os.Exit(1)
		}
		return
	}
	var cfg Config
	serve := flag.String("serve", "", "internal: run a server (app or baseline) on a loopback port until stdin closes")
	flag.IntVar(&cfg.Subscribers, "subscribers", 1000, "websocket subscribers to one show")
	flag.Float64Var(&cfg.Rate, "rate", 2, "chat events published per second")
	flag.DurationVar(&cfg.Duration, "duration", 10*time.Second, "publish phase length")
	flag.IntVar(&cfg.Cycles, "cycles", 0, "extra subscriber connect/disconnect cycles before the final goroutine count")
	flag.IntVar(&cfg.BodySize, "body-size", 100, "chat message body size in bytes")
	flag.DurationVar(&cfg.Grace, "grace", 15*time.Second, "wait this long at most for deliveries after the last publish")
	mode := flag.String("mode", "fanout", "fanout (show events to websocket subscribers) or flash (a rush of checkouts on one product)")
	var fc FlashConfig
	flag.IntVar(&fc.Buyers, "buyers", 1000, "flash mode: concurrent buyers")
	flag.IntVar(&fc.Stock, "stock", 100, "flash mode: units of the hot product")
	flag.StringVar(&fc.DatabaseURL, "db", "", "flash mode: PostgreSQL server URL (a fresh database is created on it); empty: SQLite")
	flag.BoolVar(&fc.FlashSale, "flash-sale", false, "flash mode: run a flash sale (price cut, one per buyer) on the product")
	flag.DurationVar(&fc.Spread, "spread", 0, "flash mode: buyers arrive spread evenly over this long instead of at one instant (latencies only: throughput is then the arrival rate)")
	flag.IntVar(&cfg.Slow, "slow", 0, "extra subscribers that connect and subscribe but never read; reported separately")
	flag.Parse()
	if *serve != "" {
		if err := serveChild(*serve); err != nil {
			fmt.Fprintln(os.Stderr, "livemarket-load -serve:", err)
			os.Exit(1)
		}
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute) // hard bound
	defer cancel()
	if *mode == "flash" {
		if _, err := RunFlash(ctx, fc, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "livemarket-load:", err)
			os.Exit(1)
		}
		return
	}
	if _, err := Run(ctx, cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "livemarket-load:", err)
		os.Exit(1)
	}
}

// Run measures the app and the baseline and writes the report to w.
func Run(ctx context.Context, cfg Config, w io.Writer) (*Report, error) {
	if cfg.Subscribers <= 0 || cfg.Rate <= 0 || cfg.Duration <= 0 {
		return nil, fmt.Errorf("subscribers, rate and duration must be positive")
	}
	if cfg.BodySize < 48 {
		cfg.BodySize = 48
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 15 * time.Second
	}
	fmt.Fprintf(w, "livemarket-load: %d subscribers, %.3g events/s for %s, %d cycles, body %d bytes\n",
		cfg.Subscribers, cfg.Rate, cfg.Duration, cfg.Cycles, cfg.BodySize)
	ours, err := measure(ctx, cfg, "app", w)
	if err != nil {
		return nil, fmt.Errorf("livemarket: %w", err)
	}
	base, err := measure(ctx, cfg, "baseline", w)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	rep := &Report{Ours: *ours, Base: *base}
	rep.Print(w)
	return rep, nil
}
