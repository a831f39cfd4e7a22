// Package bus delivers live events between the parts of one process. It is
// the local implementation of the buses domain packages declare; a Redis
// pub/sub implementation spreads the same events across replicas.
package bus

import (
	"context"
	"sync"
)

// Local is an in-process topic bus. Each subscriber has a bounded buffer; a
// subscriber that falls behind is dropped (its channel closed) rather than
// slowing the publisher or the other subscribers.
type Local[T any] struct {
	mu     sync.Mutex
	subs   map[string]map[*sub[T]]struct{}
	buffer int
}

type sub[T any] struct {
	ch     chan T
	closed bool
}

// NewLocal makes a bus whose subscribers buffer up to buffer events.
func NewLocal[T any](buffer int) *Local[T] {
	if buffer <= 0 {
		buffer = 64
	}
	return &Local[T]{subs: map[string]map[*sub[T]]struct{}{}, buffer: buffer}
}

// Publish delivers v to every current subscriber of topic without blocking.
func (b *Local[T]) Publish(_ context.Context, topic string, v T) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for s := range b.subs[topic] {
		select {
		case s.ch <- v:
		default: // too slow: disconnect it so it can resubscribe and catch up
			b.removeLocked(topic, s)
		}
	}
	return nil
}

// Subscribe returns a channel of topic's events, closed when ctx ends or the
// subscriber falls behind.
func (b *Local[T]) Subscribe(ctx context.Context, topic string) (<-chan T, error) {
	s := &sub[T]{ch: make(chan T, b.buffer)}
	b.mu.Lock()
	if b.subs[topic] == nil {
		b.subs[topic] = map[*sub[T]]struct{}{}
	}
	b.subs[topic][s] = struct{}{}
	b.mu.Unlock()
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		b.removeLocked(topic, s)
		b.mu.Unlock()
	}()
	return s.ch, nil
}

// Subscribers counts topic's current subscribers.
func (b *Local[T]) Subscribers(topic string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs[topic])
}

func (b *Local[T]) removeLocked(topic string, s *sub[T]) {
	if s.closed {
		return
	}
	s.closed = true
	close(s.ch)
	delete(b.subs[topic], s)
	if len(b.subs[topic]) == 0 {
		delete(b.subs, topic)
	}
}

// Total counts subscribers across all topics.
func (b *Local[T]) Total() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
	for _, subs := range b.subs {
		n += len(subs)
	}
	return n
}
