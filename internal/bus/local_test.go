package bus_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/livemarket/livemarket/domain/notify"
	"github.com/livemarket/livemarket/internal/bus"
)

const wait = 5 * time.Second

// drain reads everything ch delivers until it is closed.
func drain[T any](t *testing.T, ch <-chan T) []T {
	t.Helper()
	var out []T
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return out
			}
			out = append(out, v)
		case <-time.After(wait):
			t.Fatalf("channel not closed after %d values", len(out))
		}
	}
}

func recv[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v, ok := <-ch:
		if !ok {
			t.Fatal("channel closed")
		}
		return v
	case <-time.After(wait):
		t.Fatal("nothing received")
	}
	var zero T
	return zero
}

func empty[T any](t *testing.T, ch <-chan T) {
	t.Helper()
	select {
	case v, ok := <-ch:
		t.Fatalf("unexpected receive %v (open %v)", v, ok)
	default:
	}
}

// eventually polls cond until it holds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestPublishReachesTopicSubscribersOnly(t *testing.T) {
	t.Parallel()
	b := bus.NewLocal[int](8)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a1, _ := b.Subscribe(ctx, "a")
	a2, _ := b.Subscribe(ctx, "a")
	other, _ := b.Subscribe(ctx, "b")
	if n := b.Subscribers("a"); n != 2 {
		t.Fatalf("Subscribers(a) = %d", n)
	}
	if err := b.Publish(ctx, "nobody", 0); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		if err := b.Publish(ctx, "a", i); err != nil {
			t.Fatal(err)
		}
	}
	for _, ch := range []<-chan int{a1, a2} {
		for i := 1; i <= 3; i++ {
			if v := recv(t, ch); v != i {
				t.Fatalf("received %d, want %d (in order)", v, i)
			}
		}
		empty(t, ch)
	}
	empty(t, other)
}

// TestSlowSubscriberIsDropped: a subscriber whose buffer is full is closed
// without blocking Publish; the others keep receiving.
func TestSlowSubscriberIsDropped(t *testing.T) {
	t.Parallel()
	const buffer = 4
	b := bus.NewLocal[int](buffer)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	slow, _ := b.Subscribe(ctx, "t")
	fast, _ := b.Subscribe(ctx, "t")

	var got []int
	var mu sync.Mutex
	fastDone := make(chan struct{})
	go func() {
		defer close(fastDone)
		for v := range fast {
			mu.Lock()
			got = append(got, v)
			mu.Unlock()
		}
	}()

	const n = 50
	published := make(chan bool)
	go func() {
		for i := 0; i < n; i++ {
			_ = b.Publish(ctx, "t", i)
			// Let the fast reader keep up; the slow one never reads.
			for deadline := time.Now().Add(wait); ; time.Sleep(100 * time.Microsecond) {
				mu.Lock()
				caughtUp := len(got) == i+1
				mu.Unlock()
				if caughtUp {
					break
				}
				if time.Now().After(deadline) {
					published <- false
					return
				}
			}
		}
		published <- true
	}()
	select {
	case ok := <-published:
		if !ok {
			t.Fatal("the fast subscriber stopped receiving")
		}
	case <-time.After(2 * wait):
		t.Fatal("Publish blocked on a slow subscriber")
	}
	// The slow one got its buffer's worth, then was closed.
	vals := drain(t, slow)
	if len(vals) != buffer {
		t.Fatalf("slow subscriber got %v, want the first %d", vals, buffer)
	}
	for i, v := range vals {
		if v != i {
			t.Fatalf("slow subscriber got %v", vals)
		}
	}
	if c := b.Subscribers("t"); c != 1 {
		t.Fatalf("Subscribers = %d after dropping the slow one, want 1", c)
	}
	cancel()
	select {
	case <-fastDone:
	case <-time.After(wait):
		t.Fatal("fast subscriber not closed after cancel")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != n {
		t.Fatalf("fast subscriber got %d of %d", len(got), n)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("fast subscriber got %v", got)
		}
	}
}

// TestPublishNeverBlocks: with no reader at all, publishing far more than
// the buffer returns promptly.
func TestPublishNeverBlocks(t *testing.T) {
	t.Parallel()
	b := bus.NewLocal[int](2)
	ctx := context.Background()
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch, _ := b.Subscribe(sctx, "t")
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 10000; i++ {
			_ = b.Publish(ctx, "t", i)
		}
	}()
	select {
	case <-done:
	case <-time.After(wait):
		t.Fatal("Publish blocked")
	}
	if vals := drain(t, ch); len(vals) != 2 {
		t.Fatalf("got %v", vals)
	}
	// A dropped subscriber may resubscribe and receive again.
	again, _ := b.Subscribe(sctx, "t")
	_ = b.Publish(ctx, "t", 7)
	if v := recv(t, again); v != 7 {
		t.Fatalf("resubscribed got %d", v)
	}
}

func TestCancelClosesChannel(t *testing.T) {
	t.Parallel()
	b := bus.NewLocal[string](0) // default buffer
	ctx, cancel := context.WithCancel(context.Background())
	keep, keepCancel := context.WithCancel(context.Background())
	defer keepCancel()
	ch, err := b.Subscribe(ctx, "t")
	if err != nil {
		t.Fatal(err)
	}
	other, _ := b.Subscribe(keep, "t")
	_ = b.Publish(context.Background(), "t", "before")
	cancel()
	// Buffered values may still be read, then the channel is closed.
	if vals := drain(t, ch); len(vals) > 1 {
		t.Fatalf("got %v", vals)
	}
	eventually(t, "unsubscribe", func() bool { return b.Subscribers("t") == 1 })
	_ = b.Publish(context.Background(), "t", "after")
	if v := recv(t, other); v != "before" {
		t.Fatalf("other got %q", v)
	}
	if v := recv(t, other); v != "after" {
		t.Fatalf("other got %q", v)
	}
	keepCancel()
	eventually(t, "last unsubscribe", func() bool { return b.Subscribers("t") == 0 })
	// Publishing to a topic with no subscribers left is a no-op.
	if err := b.Publish(context.Background(), "t", "nobody"); err != nil {
		t.Fatal(err)
	}
}

// TestDefaultBuffer: a non-positive buffer means 64.
func TestDefaultBuffer(t *testing.T) {
	t.Parallel()
	b := bus.NewLocal[int](-1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch, _ := b.Subscribe(ctx, "t")
	for i := 0; i < 65; i++ {
		_ = b.Publish(ctx, "t", i)
	}
	if vals := drain(t, ch); len(vals) != 64 {
		t.Fatalf("buffered %d, want 64", len(vals))
	}
}

// TestConcurrentUse: publishers, subscribers and cancellations at once (run
// with -race).
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	b := bus.NewLocal[int](16)
	var wg sync.WaitGroup
	for s := 0; s < 8; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithCancel(context.Background())
			ch, _ := b.Subscribe(ctx, "t")
			for i := 0; i < 5; i++ {
				select {
				case <-ch:
				case <-time.After(time.Millisecond):
				}
			}
			cancel()
			for range ch {
			}
		}()
	}
	for p := 0; p < 4; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				_ = b.Publish(context.Background(), "t", i)
			}
		}()
	}
	wg.Wait()
	eventually(t, "all unsubscribed", func() bool { return b.Subscribers("t") == 0 })
}

// TestNotificationsRoutesByUser: the notify.Bus adapter uses one topic per
// user.
func TestNotificationsRoutesByUser(t *testing.T) {
	t.Parallel()
	var nb notify.Bus = bus.NewNotifications()
	ctx, cancel := context.WithCancel(context.Background())
	alice, err := nb.Subscribe(ctx, "alice")
	if err != nil {
		t.Fatal(err)
	}
	bob, _ := nb.Subscribe(ctx, "bob")
	n := &notify.Notification{ID: "n1", UserID: "alice", Kind: "k"}
	if err := nb.Publish(ctx, n); err != nil {
		t.Fatal(err)
	}
	if got := recv(t, alice); got != n {
		t.Fatalf("alice got %+v", got)
	}
	empty(t, bob)
	cancel()
	drain(t, alice)
	drain(t, bob)
}
