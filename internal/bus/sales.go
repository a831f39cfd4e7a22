package bus

import (
	"context"

	"github.com/redis/go-redis/v9"

	"github.com/livemarket/livemarket/domain/order"
)

// Sales is the in-process order.SalesBus, one topic per vendor.
type Sales struct{ *Local[*order.Sale] }

var _ order.SalesBus = Sales{}

// NewSales makes an in-process sales bus.
func NewSales() Sales { return Sales{NewLocal[*order.Sale](64)} }

func (b Sales) Publish(ctx context.Context, s *order.Sale) error {
	return b.Local.Publish(ctx, "vendor:"+s.VendorID, s)
}

func (b Sales) Subscribe(ctx context.Context, vendorID string) (<-chan *order.Sale, error) {
	return b.Local.Subscribe(ctx, "vendor:"+vendorID)
}

// RedisSales is order.SalesBus over Redis pub/sub, so a sale made through
// any replica reaches the vendor's staff on every replica.
type RedisSales struct{ client redis.UniversalClient }

var _ order.SalesBus = RedisSales{}

// NewRedisSales makes the bus on client.
func NewRedisSales(client redis.UniversalClient) RedisSales { return RedisSales{client: client} }

func salesChannel(vendorID string) string { return "livemarket:sales:" + vendorID }

func (b RedisSales) Publish(ctx context.Context, s *order.Sale) error {
	return redisPublish(ctx, b.client, salesChannel(s.VendorID), s)
}

func (b RedisSales) Subscribe(ctx context.Context, vendorID string) (<-chan *order.Sale, error) {
	return redisSubscribe[order.Sale](ctx, b.client, salesChannel(vendorID), 64)
}
