package order

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// TestBatcherCombines: items queued while a batch runs are run together in
// the next one (up to max), every caller returns after its own item ran,
// and each item runs exactly once.
func TestBatcherCombines(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var mu sync.Mutex
	var batches [][]int
	b := &batcher[int]{max: 4, run: func(_ context.Context, items []int) {
		mu.Lock()
		first := len(batches) == 0
		batches = append(batches, append([]int(nil), items...))
		mu.Unlock()
		if first {
			<-release // the first batch runs until the others are queued
		}
	}}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); b.do(0) }()
	for { // the leader is running item 0
		mu.Lock()
		n := len(batches)
		mu.Unlock()
		if n == 1 {
			break
		}
		runtime.Gosched()
	}
	for i := 1; i <= 6; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); b.do(i) }(i)
	}
	for { // all six queued behind it
		b.mu.Lock()
		n := len(b.queue)
		b.mu.Unlock()
		if n == 6 {
			break
		}
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	var all []int
	for i, batch := range batches {
		if len(batch) > 4 {
			t.Fatalf("batch %d has %d items, max 4", i, len(batch))
		}
		all = append(all, batch...)
	}
	slices.Sort(all)
	if !slices.Equal(all, []int{0, 1, 2, 3, 4, 5, 6}) {
		t.Fatalf("items run: %v (batches %v), want each of 0..6 once", all, batches)
	}
	if len(batches) != 3 || len(batches[1]) != 4 || len(batches[2]) != 2 {
		t.Fatalf("batches %v, want [0] then 4 then 2", batches)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.leading || len(b.queue) != 0 {
		t.Fatalf("after everything: leading %v, %d queued", b.leading, len(b.queue))
	}
}
