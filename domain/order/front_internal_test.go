package order

import (
	"context"
	"errors"
	"testing"
	"time"
)

// yielded runs f.yield in the background and reports when it returns.
func yielded(ctx context.Context, f *front, max time.Duration) <-chan error {
	done := make(chan error, 1)
	go func() { done <- f.yield(ctx, max) }()
	return done
}

// returns fails unless done delivers within a generous bound (a hang guard,
// not a timing measurement).
func returns(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("yield did not return")
		return nil
	}
}

// stillWaiting fails if done has delivered after a short pause.
func stillWaiting(t *testing.T, done <-chan error, why string) {
	t.Helper()
	time.Sleep(20 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("yield returned (%v) %s", err, why)
	default:
	}
}

func TestFrontLetsABurstThroughFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFront(3)

	// Below a burst nothing waits.
	a, b := f.enter(), f.enter()
	if err := returns(t, yielded(ctx, f, time.Hour)); err != nil {
		t.Fatal(err)
	}

	// A burst: the checkout holding units waits until it falls below.
	c := f.enter()
	done := yielded(ctx, f, time.Hour)
	stillWaiting(t, done, "while a burst was waiting")
	c()
	c() // leaving twice counts once
	if err := returns(t, done); err != nil {
		t.Fatal(err)
	}
	d := f.enter() // a burst again: the double leave did not undercount
	stillWaiting(t, yielded(ctx, f, time.Hour), "during the second burst")

	// A burst that lasts is let through for at most max.
	if err := returns(t, yielded(ctx, f, time.Millisecond)); err != nil {
		t.Fatalf("bounded wait: %v", err)
	}
	// A checkout that gives up stops waiting with its context's error.
	cctx, cancel := context.WithCancel(ctx)
	done = yielded(cctx, f, time.Hour)
	cancel()
	if err := returns(t, done); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled wait: %v, want context.Canceled", err)
	}
	for _, leave := range []func(){a, b, d} {
		leave()
	}
	if f.waiting != 0 {
		t.Fatalf("%d still counted after everyone left", f.waiting)
	}
	if err := returns(t, yielded(ctx, f, time.Hour)); err != nil {
		t.Fatal(err)
	}
}
