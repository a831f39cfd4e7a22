package account_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/account"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/internal/testkit"
)

// TestParallelGuessesAreThrottled: 40 wrong passwords at once get at most 5
// real password checks; every other attempt is LIMIT_EXCEEDED (a review found
// the count was read before and written after the slow hash check).
func TestParallelGuessesAreThrottled(t *testing.T) {
	testkit.ForEachDB(t, func(t *testing.T, db *bun.DB) {
		svc := account.NewService(db, kernel.NewManualClock(testkit.Epoch), account.Options{Hash: testkit.FastHash})
		ctx := context.Background()
		if _, err := svc.SignUp(ctx, account.SignUpInput{Email: "target@example.com", Password: "correct horse", DisplayName: "T"}); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		codes := map[kernel.Code]int{}
		var wg sync.WaitGroup
		for i := 0; i < 40; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := svc.SignIn(ctx, "target@example.com", "wrong guess")
				var ve *kernel.ValidationError
				if !errors.As(err, &ve) {
					t.Errorf("unexpected error: %v", err)
					return
				}
				mu.Lock()
				codes[ve.Errors[0].Code]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if codes[kernel.CodeInvalid] > 5 || codes[kernel.CodeInvalid]+codes[kernel.CodeLimitExceeded] != 40 {
			t.Fatalf("outcomes %v: at most 5 password checks allowed", codes)
		}
	})
}
