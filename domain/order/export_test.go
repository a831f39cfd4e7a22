package order

import (
	"context"
	"fmt"
	"strings"
)

// Batched reports how many orders this service reserved and settled in
// batches of more than one.
func Batched(s *Service) (reserved, settled int64) {
	return s.batchedReservations.Load(), s.batchedSettlements.Load()
}

// BatchedReads reports how many cart reads shared a statement.
func BatchedReads(s *Service) int64 { return s.batchedReads.Load() }

// CartStates reads the cart and key of each (user, key) pair twice: all in
// one batch, and each alone. Each state is written as text: "no cart", or
// "order <id>" when the key was used, or the lines as product×quantity.
func CartStates(ctx context.Context, s *Service, pairs [][2]string) (together, alone []string, err error) {
	rs := make([]*stateRead, len(pairs))
	for i, p := range pairs {
		rs[i] = &stateRead{userID: p[0], key: p[1]}
	}
	s.readStates(ctx, rs)
	for i, r := range rs {
		if r.err != nil {
			return nil, nil, r.err
		}
		rows, err := s.readState(ctx, pairs[i][0], pairs[i][1])
		if err != nil {
			return nil, nil, err
		}
		together, alone = append(together, describeState(r.rows)), append(alone, describeState(rows))
	}
	return together, alone, nil
}

func describeState(rows []cartRow) string {
	if len(rows) == 0 {
		return "no cart"
	}
	if rows[0].OrderID != nil {
		return "order " + *rows[0].OrderID
	}
	var lines []string
	for _, r := range rows {
		if r.LineID != nil {
			lines = append(lines, fmt.Sprintf("%s×%d", *r.ProductID, *r.Quantity))
		}
	}
	return "lines [" + strings.Join(lines, " ") + "]"
}
