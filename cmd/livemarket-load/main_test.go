package main

import (
	"bytes"
	"context"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary serve as the child server process, as the
// command itself does.
func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		if err := serveChild(mode); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestRunTiny(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out bytes.Buffer
	rep, err := Run(ctx, Config{Subscribers: 20, Rate: 5, Duration: time.Second, Cycles: 20, Grace: 5 * time.Second}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, r := range []Result{rep.Ours, rep.Base} {
		if r.Published != 5 || r.Deliveries != 100 || r.Lost != 0 || r.OutOfOrder != 0 || r.Dropped != 0 {
			t.Errorf("%s: published %d, deliveries %d, lost %d, out of order %d, dropped %d",
				r.Name, r.Published, r.Deliveries, r.Lost, r.OutOfOrder, r.Dropped)
		}
		if r.P99 <= 0 || r.MemWithN <= r.MemBefore || r.GWithN <= r.GBefore {
			t.Errorf("%s: implausible figures %+v", r.Name, r)
		}
	}
	for _, want := range []string{"deliveries/s", "latency p50 ms", "latency p99 ms", "lost events", "out-of-order events",
		"per 1,000 deliveries", "memory per subscriber", "goroutines after disconnecting all", "goroutines after cycles", "ratio"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	t.Log("\n" + out.String())
}

func TestParseBody(t *testing.T) {
	ts, i, ok := parseBody("t=123 i=7 xxxx")
	if !ok || ts != 123 || i != 7 {
		t.Fatalf("parseBody: %d %d %v", ts, i, ok)
	}
	if _, _, ok := parseBody("hello"); ok {
		t.Fatal("parsed a foreign body")
	}
}

// TestFlashTiny: a small rush through the real server and the baseline in
// the same run sells exactly the stock, oversells nothing and leaves the
// ledger balanced.
func TestFlashTiny(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	var out bytes.Buffer
	r, err := RunFlash(ctx, FlashConfig{Buyers: 20, Stock: 5}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if r.Paid != 5 || r.SoldOut != 15 || r.Failed != 0 || r.Oversold != 0 || r.FinalStock != 0 || !r.LedgerBalanced {
		t.Fatalf("checkout: %+v\n%s", r, out.String())
	}
	if r.BaseUpdates != 5 || r.BaseFinalStock != 0 || r.BaseOversold != 0 || len(r.BaseRates) != 3 || len(r.BaseBurstUpdates) != 3 {
		t.Fatalf("baseline: %+v\n%s", r, out.String())
	}
	for i, n := range r.BaseBurstUpdates {
		if n != 5 {
			t.Fatalf("baseline burst %d made %d decrements, want the full stock of 5 (bursts %v)", i, n, r.BaseBurstUpdates)
		}
	}
	rates := append([]float64(nil), r.BaseRates...)
	sort.Float64s(rates)
	if rates[0] <= 0 || r.BaseUpdatesPerSec != rates[1] {
		t.Fatalf("baseline rate %.1f, want the median of the bursts' %v", r.BaseUpdatesPerSec, r.BaseRates)
	}
}
