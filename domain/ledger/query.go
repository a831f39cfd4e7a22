package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Check verifies the whole ledger with one aggregate query: every posting
// has entries, they sum to zero in each currency, and they carry the
// posting's time. It returns nil, or an error about the first posting (by
// id) that fails: an *UnbalancedError (matching ErrUnbalanced) for a missing
// or unbalanced set of entries, ErrInvalid for misdated entries. It reads
// every row; tests run it after each scenario, operators now and then.
func Check(ctx context.Context, db bun.IDB) error {
	var bad []struct {
		ID       string `bun:"id"`
		Key      string `bun:"key"`
		Currency string `bun:"currency"`
		Sum      int64  `bun:"total"`
		N        int64  `bun:"n"`
	}
	err := db.NewRaw(`SELECT p.id AS id, p.key AS key, COALESCE(e.currency, '') AS currency,
	CAST(COALESCE(SUM(e.amount), 0) AS BIGINT) AS total, COUNT(e.id) AS n
FROM ledger_postings AS p
LEFT JOIN ledger_entries AS e ON e.posting_id = p.id
GROUP BY p.id, p.key, e.currency
HAVING COUNT(e.id) = 0 OR SUM(e.amount) <> 0
	OR MIN(e.created_at) <> MIN(p.created_at) OR MAX(e.created_at) <> MAX(p.created_at)
ORDER BY p.id, 3
LIMIT 1`).Scan(ctx, &bad)
	if err != nil {
		return fmt.Errorf("ledger.Check: %w", err)
	}
	if len(bad) == 0 {
		return nil
	}
	b := bad[0]
	switch {
	case b.N == 0:
		return fmt.Errorf("ledger.Check: %w", &UnbalancedError{PostingID: b.ID, Key: b.Key, Empty: true})
	case b.Sum != 0:
		return fmt.Errorf("ledger.Check: %w", &UnbalancedError{PostingID: b.ID, Key: b.Key, Currency: b.Currency, Sum: b.Sum})
	}
	return fmt.Errorf("ledger.Check: %w: posting %s (key %q) has %s entries not dated at the posting's time", ErrInvalid, b.ID, b.Key, b.Currency)
}

// Filter selects the entries Totals sums. Zero fields select everything.
type Filter struct {
	// PartyIDs keeps these parties' entries; "" selects the platform's own
	// accounts (CASH, PLATFORM_REVENUE). nil keeps all; an empty non-nil
	// slice keeps none.
	PartyIDs []string
	// Accounts keeps these accounts (nil: all; empty: none).
	Accounts []AccountKind
	// Kinds keeps entries of postings of these kinds (nil: all; empty: none).
	Kinds []Kind
	// Currency keeps one currency ("" for all).
	Currency string
	// From and To keep postings dated in [From, To); a zero bound is open.
	// To = now - hold gives what is past a payout hold period.
	From, To time.Time
}

// Total is the sum of the entries of one account, party and currency.
type Total struct {
	Account  AccountKind
	PartyID  string
	Currency string
	// Debits and Credits are the sums of the debit and of the credit
	// entries, both >= 0.
	Debits  int64
	Credits int64
}

// Net is Debits - Credits: the signed, debit-positive sum.
func (t Total) Net() int64 { return t.Debits - t.Credits }

// Balance is the sum read on the account's normal side: money held for
// CASH; amount owed for payables; revenue earned for PLATFORM_REVENUE.
func (t Total) Balance() int64 {
	if t.Account.CreditNormal() {
		return t.Credits - t.Debits
	}
	return t.Debits - t.Credits
}

// Totals sums the entries f selects by account, party and currency, in that
// order (one query; the (party_id, account, currency, created_at) index
// serves party and time filters).
func Totals(ctx context.Context, db bun.IDB, f Filter) ([]Total, error) {
	if (f.PartyIDs != nil && len(f.PartyIDs) == 0) || (f.Accounts != nil && len(f.Accounts) == 0) || (f.Kinds != nil && len(f.Kinds) == 0) {
		return nil, nil
	}
	var rows []struct {
		Account  string `bun:"account"`
		PartyID  string `bun:"party_id"`
		Currency string `bun:"currency"`
		Debits   int64  `bun:"debits"`
		Credits  int64  `bun:"credits"`
	}
	q := db.NewSelect().TableExpr("ledger_entries AS le").
		ColumnExpr("le.account, le.party_id, le.currency").
		ColumnExpr("CAST(SUM(CASE WHEN le.amount > 0 THEN le.amount ELSE 0 END) AS BIGINT) AS debits").
		ColumnExpr("CAST(SUM(CASE WHEN le.amount < 0 THEN -le.amount ELSE 0 END) AS BIGINT) AS credits").
		GroupExpr("le.account, le.party_id, le.currency").
		OrderExpr("le.account, le.party_id, le.currency")
	if f.PartyIDs != nil {
		q = q.Where("le.party_id IN (?)", bun.List(f.PartyIDs))
	}
	if f.Accounts != nil {
		q = q.Where("le.account IN (?)", bun.List(f.Accounts))
	}
	if f.Kinds != nil {
		q = q.Where("le.posting_id IN (SELECT lp.id FROM ledger_postings AS lp WHERE lp.kind IN (?))", bun.List(f.Kinds))
	}
	if f.Currency != "" {
		q = q.Where("le.currency = ?", f.Currency)
	}
	if !f.From.IsZero() {
		q = q.Where("le.created_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("le.created_at < ?", f.To.UTC())
	}
	if err := q.Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("ledger.Totals: %w", err)
	}
	out := make([]Total, len(rows))
	for i, r := range rows {
		out[i] = Total{Account: AccountKind(r.Account), PartyID: r.PartyID, Currency: r.Currency, Debits: r.Debits, Credits: r.Credits}
	}
	return out, nil
}

// ByKey loads the posting stored under key, or fails with kernel.ErrNotFound.
func ByKey(ctx context.Context, db bun.IDB, key string) (*Posting, error) {
	var pr postingRow
	if err := db.NewSelect().Model(&pr).Where("lp.key = ?", key).Scan(ctx); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("ledger.ByKey %q: %w", key, kernel.ErrNotFound)
		}
		return nil, fmt.Errorf("ledger.ByKey %q: %w", key, err)
	}
	ps, err := withEntries(ctx, db, []postingRow{pr})
	if err != nil {
		return nil, fmt.Errorf("ledger.ByKey %q: %w", key, err)
	}
	return ps[0], nil
}

// ForOrder loads the postings of an order, oldest first, with their entries
// (two queries).
func ForOrder(ctx context.Context, db bun.IDB, orderID string) ([]*Posting, error) {
	var prs []postingRow
	if err := db.NewSelect().Model(&prs).Where("lp.order_id = ?", orderID).OrderExpr("lp.created_at, lp.id").Scan(ctx); err != nil {
		return nil, fmt.Errorf("ledger.ForOrder: %w", err)
	}
	ps, err := withEntries(ctx, db, prs)
	if err != nil {
		return nil, fmt.Errorf("ledger.ForOrder: %w", err)
	}
	return ps, nil
}

func withEntries(ctx context.Context, db bun.IDB, prs []postingRow) ([]*Posting, error) {
	out := make([]*Posting, len(prs))
	if len(prs) == 0 {
		return out, nil
	}
	byID := make(map[string]*Posting, len(prs))
	ids := make([]string, len(prs))
	for i, pr := range prs {
		p := &Posting{ID: pr.ID, Key: pr.Key, Kind: Kind(pr.Kind), At: pr.CreatedAt.UTC()}
		if pr.OrderID != nil {
			p.OrderID = *pr.OrderID
		}
		out[i], byID[pr.ID], ids[i] = p, p, pr.ID
	}
	var ers []entryRow
	if err := db.NewSelect().Model(&ers).Where("le.posting_id IN (?)", bun.List(ids)).OrderExpr("le.id").Scan(ctx); err != nil {
		return nil, fmt.Errorf("entries: %w", err)
	}
	for _, e := range ers {
		p := byID[e.PostingID]
		p.Entries = append(p.Entries, Entry{Account: AccountKind(e.Account), PartyID: e.PartyID, Currency: e.Currency, Amount: e.Amount})
	}
	return out, nil
}
