package live_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/live"
	"github.com/livemarket/livemarket/internal/testkit"
)

// BenchmarkChatPage: the newest page (20) of a busy show's chat with its
// totalCount, as the storefront asks for it when a viewer opens the show,
// on PostgreSQL: 200,000 messages in that show among a million (the rest
// in 10,000 other shows), 10,000 of its messages removed. Through the service
// (the count read from the show), then, in the same run, the count as
// before: counting the show's visible messages.
//
//	TEST_DATABASE_URL=postgres://… go test -run '^$' -bench ChatPage -count 5 ./domain/live
func BenchmarkChatPage(b *testing.B) {
	ctx := context.Background()
	d := testkit.PlansPostgres(b)
	testkit.Exec(b, d,
		`INSERT INTO users (id, email, display_name, password_hash, created_at)
			SELECT 'u' || i, 'u' || i || '@example.com', 'User', 'x', now() FROM generate_series(1, 10000) AS i`,
		`INSERT INTO influencers (id, user_id, handle, display_name, bio, created_at) VALUES ('host', 'u1', 'host', 'Host', '', now())`,
		`INSERT INTO shows (id, host_id, title, description, category, status, scheduled_start, scheduled_end, created_at, updated_at)
			SELECT 's' || i, 'host', 'Show', '', 'misc', 'LIVE', now(), now() + interval '1 hour', now(), now() FROM generate_series(0, 10000) AS i`,
	)
	for from := 1; from <= 1_000_000; from += 100_000 { // in parts: each statement within the connection's read timeout
		testkit.Exec(b, d, `INSERT INTO chat_messages (id, show_id, user_id, body, created_at, removed_at)
			SELECT 'm' || lpad(i::text, 8, '0'), CASE WHEN i % 5 = 0 THEN 's0' ELSE 's' || (1 + i % 10000) END, 'u' || (1 + i % 10000),
				'what a great product, how much is shipping?', now(), CASE WHEN i % 100 = 0 THEN now() END
			FROM generate_series(`+strconv.Itoa(from)+`, `+strconv.Itoa(from+99_999)+`) AS i`)
	}
	testkit.Exec(b, d,
		`UPDATE shows SET chat_count = (SELECT COUNT(*) FROM chat_messages WHERE chat_messages.show_id = shows.id AND chat_messages.removed_at IS NULL)`,
		`VACUUM ANALYZE`,
	)
	svc := live.NewService(d, kernel.SystemClock{}, nil)
	const visible = 190_000 // 200,000 less the 10,000 removed
	b.Run("page+count", func(b *testing.B) {
		for b.Loop() {
			p, err := svc.Chat(ctx, "s0", kernel.PageRequest{First: 20})
			if err != nil || len(p.Items) != 20 || p.TotalCount != visible {
				b.Fatalf("%d messages of %d, %v; want 20 of %d", len(p.Items), p.TotalCount, err, visible)
			}
		}
	})
	b.Run("page+count-as-before", func(b *testing.B) {
		for b.Loop() {
			p, err := svc.Chat(ctx, "s0", kernel.PageRequest{First: 20, SkipCount: true})
			if err != nil || len(p.Items) != 20 {
				b.Fatalf("%d messages, %v; want 20", len(p.Items), err)
			}
			n, err := d.NewSelect().Model((*live.Message)(nil)).Where("cm.show_id = ?", "s0").Where("cm.removed_at IS NULL").Count(ctx)
			if err != nil || n != visible {
				b.Fatalf("counted %d, %v; want %d", n, err, visible)
			}
		}
	})
}
