package bus

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"

	"github.com/livemarket/livemarket/domain/notify"
)

// RedisNotifications is notify.Bus over Redis pub/sub, one channel per user:
// a notification recorded by any process (an API replica, a worker) reaches
// subscribers connected to every replica. Like Local, each subscriber has a
// bounded buffer and is dropped when it falls behind (it then lists what it
// missed: every notification is stored).
type RedisNotifications struct {
	client redis.UniversalClient
	buffer int
}

var _ notify.Bus = (*RedisNotifications)(nil)

// NewRedisNotifications makes the bus on client.
func NewRedisNotifications(client redis.UniversalClient) *RedisNotifications {
	return &RedisNotifications{client: client, buffer: 64}
}

func notifyChannel(userID string) string { return "livemarket:notify:" + userID }

func (b *RedisNotifications) Publish(ctx context.Context, n *notify.Notification) error {
	msg, err := json.Marshal(n)
	if err != nil {
		return fmt.Errorf("bus: encode notification: %w", err)
	}
	if err := b.client.Publish(ctx, notifyChannel(n.UserID), msg).Err(); err != nil {
		return fmt.Errorf("bus: publish: %w", err)
	}
	return nil
}

func (b *RedisNotifications) Subscribe(ctx context.Context, userID string) (<-chan *notify.Notification, error) {
	return redisSubscribe[notify.Notification](ctx, b.client, notifyChannel(userID), b.buffer)
}

// redisSubscribe decodes channel's messages as T onto a buffered Go channel,
// closed when ctx ends or the subscriber falls behind.
func redisSubscribe[T any](ctx context.Context, client redis.UniversalClient, channel string, buffer int) (<-chan *T, error) {
	ps := client.Subscribe(ctx, channel)
	if _, err := ps.Receive(ctx); err != nil { // wait for the subscription to be confirmed
		ps.Close()
		return nil, fmt.Errorf("bus: subscribe: %w", err)
	}
	out := make(chan *T, buffer)
	go func() {
		defer close(out)
		defer ps.Close()
		msgs := ps.Channel()
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-msgs:
				if !ok {
					return
				}
				v := new(T)
				if err := json.Unmarshal([]byte(m.Payload), v); err != nil {
					continue
				}
				select {
				case out <- v:
				default:
					return // too slow: disconnect
				}
			}
		}
	}()
	return out, nil
}

func redisPublish(ctx context.Context, client redis.UniversalClient, channel string, v any) error {
	msg, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("bus: encode: %w", err)
	}
	if err := client.Publish(ctx, channel, msg).Err(); err != nil {
		return fmt.Errorf("bus: publish: %w", err)
	}
	return nil
}
