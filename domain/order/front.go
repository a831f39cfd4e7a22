package order

import (
	"context"
	"sync"
	"time"
)

// Refusals first. When a pinned product sells out, most of a rush's
// checkouts only need their cart read and the stock count to be told "sold
// out", while the few that got units go on to price, reserve, charge and
// settle: far more work, on this process's cores and the database's. Run
// side by side, the refusals wait behind that work. So while many
// checkouts are still waiting for the stock count's answer (a burst), the
// ones holding units let them through first, for at most a short while;
// outside a burst nothing waits. The buyers who got units finish at about
// the same time either way (the same work is done), and the latecomers hear
// "sold out" sooner.
const (
	// frontBurst: this many checkouts waiting for the stock count's answer
	// make a burst.
	frontBurst = 16
	// frontMaxWait bounds how long a checkout holding units lets a burst
	// through before going on.
	frontMaxWait = 50 * time.Millisecond
)

// front counts the checkouts between their start and the stock count's
// answer.
type front struct {
	burst int

	mu      sync.Mutex
	waiting int
	clear   chan struct{} // closed while waiting < burst
}

func newFront(burst int) *front {
	f := &front{burst: burst, clear: make(chan struct{})}
	close(f.clear)
	return f
}

// enter counts a checkout in; the returned leave (idempotent) counts it
// out once it has the stock count's answer or has stopped.
func (f *front) enter() (leave func()) {
	f.mu.Lock()
	f.waiting++
	if f.waiting == f.burst {
		f.clear = make(chan struct{})
	}
	f.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			f.mu.Lock()
			f.waiting--
			if f.waiting == f.burst-1 {
				close(f.clear)
			}
			f.mu.Unlock()
		})
	}
}

// yield waits until no burst is waiting, for at most max.
func (f *front) yield(ctx context.Context, max time.Duration) error {
	f.mu.Lock()
	clear := f.clear
	f.mu.Unlock()
	select {
	case <-clear:
		return nil
	default:
	}
	t := time.NewTimer(max)
	defer t.Stop()
	select {
	case <-clear:
	case <-t.C:
	case <-ctx.Done():
		return ctx.Err()
	}
	return nil
}
