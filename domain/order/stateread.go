package order

import (
	"context"
	"fmt"
	"strings"
)

// Batched cart reads. When a pinned product sells out, every viewer's
// checkout starts with the same read: its cart and its idempotency key.
// A thousand of them at once are a thousand statements queued on the
// connection pool, and the latecomers, who only need that one read to be
// told "sold out", wait behind each other. On PostgreSQL the reads that
// arrive while one is running are therefore combined: one statement reads
// up to maxStateBatch shoppers' carts. A lone checkout still reads alone,
// at once.
const (
	stateLanes    = 4
	maxStateBatch = 64
)

// cartsQuery is cartQuery for many (user, key) pairs: $1 the users, $2
// their keys (text[] each, in the same order); r.i numbers the pairs from 1.
const cartsQuery = `SELECT r.i, cl.id AS line_id, cl.cart_id, cl.product_id, cl.quantity, cl.show_id, cl.created_at, o.id AS order_id
		FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(user_id, idem_key, i)
		JOIN carts AS ca ON ca.user_id = r.user_id
		LEFT JOIN cart_lines AS cl ON cl.cart_id = ca.id
		LEFT JOIN orders AS o ON o.user_id = r.user_id AND o.idempotency_key = r.idem_key
		ORDER BY r.i, cl.created_at, cl.id`

// stateRead is one checkout's read: the rows of cartQuery for its user
// and key.
type stateRead struct {
	userID, key string
	rows        []cartRow
	err         error
}

func (r *stateRead) fail(err error) {
	if r.err == nil && r.rows == nil {
		r.err = err
	}
}

// cartsRow is a row of cartsQuery.
type cartsRow struct {
	I int `bun:"i"`
	cartRow
}

// readStates reads rs in one statement (one alone: cartQuery).
func (s *Service) readStates(ctx context.Context, rs []*stateRead) {
	ctx, cancel := context.WithTimeout(ctx, batchTimeout)
	defer cancel()
	if len(rs) == 1 {
		rs[0].rows, rs[0].err = s.readState(ctx, rs[0].userID, rs[0].key)
		return
	}
	users, keys := make([]string, len(rs)), make([]string, len(rs))
	for i, r := range rs {
		users[i], keys[i] = r.userID, r.key
	}
	var rows []cartsRow
	done, err := s.queries.carts.scan(ctx, s.db, &rows, textArray(users), textArray(keys))
	if err == nil && !done {
		err = fmt.Errorf("cannot prepare the batched cart read")
	}
	if err != nil { // each on its own, so each gets its own answer
		for _, r := range rs {
			r.rows, r.err = s.readState(ctx, r.userID, r.key)
		}
		return
	}
	for _, row := range rows {
		if row.I < 1 || row.I > len(rs) {
			continue
		}
		r := rs[row.I-1]
		r.rows = append(r.rows, row.cartRow)
	}
	for _, r := range rs {
		if r.rows == nil {
			r.rows = []cartRow{} // read: no cart
		}
	}
	s.batchedReads.Add(int64(len(rs)))
}

// readState runs cartQuery for one user and key.
func (s *Service) readState(ctx context.Context, userID, key string) ([]cartRow, error) {
	var rows []cartRow
	if done, err := s.queries.cart.scan(ctx, s.db, &rows, key, userID); err != nil {
		return nil, err
	} else if !done {
		if err := s.db.NewRaw(strings.ReplaceAll(strings.ReplaceAll(cartQuery, "$1", "?"), "$2", "?"), key, userID).Scan(ctx, &rows); err != nil {
			return nil, err
		}
	}
	return rows, nil
}

// stateRows reads the rows of cartQuery for userID and key, combined with
// concurrent checkouts' reads on PostgreSQL.
func (s *Service) stateRows(ctx context.Context, userID, key string) ([]cartRow, error) {
	if !s.batchReads {
		return s.readState(ctx, userID, key)
	}
	r := &stateRead{userID: userID, key: key}
	// The read is short and bounded by its own deadline; a caller that
	// gives up does not leave its batch.
	s.stateReads.lane(userID).do(r)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r.rows, r.err
}
