package bus

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/redis/go-redis/v9"

	"github.com/livemarket/livemarket/domain/showevents"
)

// ShowEvents is the in-process show-event bus: one topic per show, each event
// handed to every subscriber of that show on this process (built once,
// shared), subscribers dropped when their buffer fills.
type ShowEvents struct{ *Local[*showevents.Event] }

var _ showevents.Bus = ShowEvents{}

// SubscriberBuffer is how many events a show subscriber may fall behind
// before it is disconnected.
const SubscriberBuffer = 256

// NewShowEvents makes an in-process show-event bus.
func NewShowEvents() ShowEvents { return ShowEvents{NewLocal[*showevents.Event](SubscriberBuffer)} }

func showTopic(id string) string { return "show:" + id }

func (b ShowEvents) Publish(ctx context.Context, ev *showevents.Event) error {
	return b.Local.Publish(ctx, showTopic(ev.ShowID), ev)
}

func (b ShowEvents) Subscribe(ctx context.Context, showID string) (<-chan *showevents.Event, error) {
	return b.Local.Subscribe(ctx, showTopic(showID))
}

// RedisShowEvents spreads show events across replicas: each process holds one
// Redis subscription per show that has local subscribers, and fans each
// event out to them in memory — an event is decoded once per process, not
// once per subscriber.
type RedisShowEvents struct {
	client redis.UniversalClient
	local  ShowEvents

	mu   sync.Mutex
	subs map[string]*redisShow
}

type redisShow struct {
	refs int
	ps   *redis.PubSub
}

var _ showevents.Bus = (*RedisShowEvents)(nil)

// NewRedisShowEvents makes the bus on client.
func NewRedisShowEvents(client redis.UniversalClient) *RedisShowEvents {
	return &RedisShowEvents{client: client, local: NewShowEvents(), subs: map[string]*redisShow{}}
}

func redisShowChannel(id string) string { return "livemarket:show:" + id }

func (b *RedisShowEvents) Publish(ctx context.Context, ev *showevents.Event) error {
	msg, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("bus: encode event: %w", err)
	}
	if err := b.client.Publish(ctx, redisShowChannel(ev.ShowID), msg).Err(); err != nil {
		return fmt.Errorf("bus: publish: %w", err)
	}
	return nil
}

func (b *RedisShowEvents) Subscribe(ctx context.Context, showID string) (<-chan *showevents.Event, error) {
	b.mu.Lock()
	rs := b.subs[showID]
	if rs == nil {
		ps := b.client.Subscribe(ctx, redisShowChannel(showID))
		if _, err := ps.Receive(ctx); err != nil {
			b.mu.Unlock()
			ps.Close()
			return nil, fmt.Errorf("bus: subscribe: %w", err)
		}
		rs = &redisShow{ps: ps}
		b.subs[showID] = rs
		go b.pump(showID, ps)
	}
	rs.refs++
	b.mu.Unlock()
	ch, err := b.local.Subscribe(ctx, showID)
	go func() {
		<-ctx.Done()
		b.mu.Lock()
		defer b.mu.Unlock()
		if rs.refs--; rs.refs == 0 {
			delete(b.subs, showID)
			rs.ps.Close()
		}
	}()
	return ch, err
}

// pump decodes each Redis message once and fans it out locally.
func (b *RedisShowEvents) pump(showID string, ps *redis.PubSub) {
	for m := range ps.Channel() {
		ev := new(showevents.Event)
		if err := json.Unmarshal([]byte(m.Payload), ev); err != nil {
			continue
		}
		_ = b.local.Publish(context.Background(), ev)
	}
}

// Count is how many subscribers the show has on this process.
func (b ShowEvents) Count(showID string) int { return b.Local.Subscribers(showTopic(showID)) }

// Count is how many subscribers the show has on this process.
func (b *RedisShowEvents) Count(showID string) int { return b.local.Count(showID) }
