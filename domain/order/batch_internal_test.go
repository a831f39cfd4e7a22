package order

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"testing"
)

type testItem struct {
	v   int
	err error
}

func (it *testItem) fail(err error) { it.err = err }

// TestBatcherCombines: items queued while a batch runs are run together in
// the next one (up to max), every caller returns after its own item ran,
// and each item runs exactly once.
func TestBatcherCombines(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	var mu sync.Mutex
	var batches [][]int
	b := &batcher[*testItem]{max: 4, run: func(_ context.Context, items []*testItem) {
		mu.Lock()
		first := len(batches) == 0
		var vs []int
		for _, it := range items {
			vs = append(vs, it.v)
		}
		batches = append(batches, vs)
		mu.Unlock()
		if first {
			<-release // the first batch runs until the others are queued
		}
	}}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); b.do(&testItem{v: 0}) }()
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
		go func(i int) { defer wg.Done(); b.do(&testItem{v: i}) }(i)
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

// TestBatcherSurvivesAPanic: a batch that panics fails its items, and the
// lane goes on serving the next callers.
func TestBatcherSurvivesAPanic(t *testing.T) {
	t.Parallel()
	b := &batcher[*testItem]{max: 4, run: func(_ context.Context, items []*testItem) {
		for _, it := range items {
			if it.v < 0 {
				panic("boom")
			}
		}
	}}
	bad := &testItem{v: -1}
	b.do(bad)
	if bad.err == nil {
		t.Fatal("an item of a panicking batch has no error")
	}
	good := &testItem{v: 1}
	b.do(good)
	if good.err != nil {
		t.Fatalf("the next batch: %v", good.err)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.leading {
		t.Fatal("the lane is still led after the panic")
	}
}

// TestBatcherGathersReadyCallers: callers that are ready to run when a
// leader starts go into its first batch (the leader lets them run before
// it takes the queue), instead of the leader leaving with its item alone
// and the others waiting for that round trip. The scheduler may run the
// leader again early now and then, so this is judged over many rounds.
func TestBatcherGathersReadyCallers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // one at a time: the order is the scheduler's queue
	const callers, rounds = 20, 40
	gathered := 0
	var firsts []int
	for r := 0; r < rounds; r++ {
		var mu sync.Mutex
		var batches []int
		b := &batcher[*testItem]{max: 64, run: func(_ context.Context, items []*testItem) {
			mu.Lock()
			defer mu.Unlock()
			batches = append(batches, len(items))
		}}
		var ready, done sync.WaitGroup
		start := make(chan struct{})
		for i := 0; i < callers; i++ {
			ready.Add(1)
			done.Add(1)
			go func(i int) {
				defer done.Done()
				ready.Done()
				<-start
				b.do(&testItem{v: i})
			}(i)
		}
		ready.Wait()
		close(start)
		done.Wait()
		firsts = append(firsts, batches[0])
		if batches[0] >= callers/2 {
			gathered++
		}
	}
	if gathered < rounds/2 {
		t.Fatalf("first batches %v: the first leader mostly left before the ready callers joined it", firsts)
	}
}
