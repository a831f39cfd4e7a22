package bus

import (
	"context"

	"github.com/livemarket/livemarket/domain/notify"
)

// Notifications adapts a Local bus to notify.Bus, one topic per user.
type Notifications struct{ *Local[*notify.Notification] }

var _ notify.Bus = Notifications{}

// NewNotifications makes an in-process notification bus.
func NewNotifications() Notifications {
	return Notifications{NewLocal[*notify.Notification](64)}
}

func (n Notifications) Publish(ctx context.Context, m *notify.Notification) error {
	return n.Local.Publish(ctx, "user:"+m.UserID, m)
}

func (n Notifications) Subscribe(ctx context.Context, userID string) (<-chan *notify.Notification, error) {
	return n.Local.Subscribe(ctx, "user:"+userID)
}
