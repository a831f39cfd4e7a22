package ledger

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/kernel"
)

type postingRow struct {
	bun.BaseModel `bun:"table:ledger_postings,alias:lp"`

	ID        string    `bun:"id,pk"`
	Key       string    `bun:"key"`
	Kind      string    `bun:"kind"`
	OrderID   *string   `bun:"order_id"`
	CreatedAt time.Time `bun:"created_at"`
}

type entryRow struct {
	bun.BaseModel `bun:"table:ledger_entries,alias:le"`

	ID        string    `bun:"id,pk"`
	PostingID string    `bun:"posting_id"`
	Account   string    `bun:"account"`
	PartyID   string    `bun:"party_id"`
	Currency  string    `bun:"currency"`
	Amount    int64     `bun:"amount"`
	CreatedAt time.Time `bun:"created_at"`
}

// Validate checks p without storing it: a key, a known kind, a time, at
// least one entry, and every entry with a known account, the party that
// account needs (none for CASH and PLATFORM_REVENUE), an ISO 4217 currency
// and a nonzero amount; then that each currency balances. Malformed input
// wraps ErrInvalid; a posting that does not balance is an *UnbalancedError.
func (p *Posting) Validate() error {
	switch {
	case p.Key == "":
		return fmt.Errorf("%w: posting has no key", ErrInvalid)
	case !p.Kind.Known():
		return fmt.Errorf("%w: posting %q: unknown kind %q", ErrInvalid, p.Key, p.Kind)
	case p.At.IsZero():
		return fmt.Errorf("%w: posting %q has no time", ErrInvalid, p.Key)
	case len(p.Entries) == 0:
		return fmt.Errorf("%w: posting %q has no entries", ErrInvalid, p.Key)
	}
	sums := map[string]int64{}
	for i, e := range p.Entries {
		switch {
		case !e.Account.Known():
			return fmt.Errorf("%w: posting %q entry %d: unknown account %q", ErrInvalid, p.Key, i, e.Account)
		case e.Account.HasParty() && e.PartyID == "":
			return fmt.Errorf("%w: posting %q entry %d: %s needs a party", ErrInvalid, p.Key, i, e.Account)
		case !e.Account.HasParty() && e.PartyID != "":
			return fmt.Errorf("%w: posting %q entry %d: %s takes no party (got %q)", ErrInvalid, p.Key, i, e.Account, e.PartyID)
		case !kernel.ValidCurrency(e.Currency):
			return fmt.Errorf("%w: posting %q entry %d: %q is not an ISO 4217 currency", ErrInvalid, p.Key, i, e.Currency)
		case e.Amount == 0:
			return fmt.Errorf("%w: posting %q entry %d: amount is zero", ErrInvalid, p.Key, i)
		}
		s, ok := addInt64(sums[e.Currency], e.Amount)
		if !ok {
			return fmt.Errorf("%w: posting %q entry %d: %s sum overflows", ErrInvalid, p.Key, i, e.Currency)
		}
		sums[e.Currency] = s
	}
	currencies := make([]string, 0, len(sums))
	for c := range sums {
		currencies = append(currencies, c)
	}
	sort.Strings(currencies)
	for _, c := range currencies {
		if sums[c] != 0 {
			return &UnbalancedError{PostingID: p.ID, Key: p.Key, Currency: c, Sum: sums[c]}
		}
	}
	return nil
}

// Post validates p (see Validate) and stores it with its entries in tx. Give
// it the caller's bun.Tx so the posting commits or rolls back with the state
// change it records; given a *bun.DB it opens a transaction of its own.
//
// A posting whose Key is already stored is refused with ErrDuplicate and
// nothing is inserted. The UNIQUE key decides, through INSERT ... ON CONFLICT
// (key) DO NOTHING: concurrent posters of one key wait for each other and
// exactly one wins, and the loser's transaction stays usable (on PostgreSQL
// a plain unique violation would abort it), so callers may treat
// ErrDuplicate as "already recorded" and carry on.
//
// Post sets p.ID when empty and normalises p.At to UTC microseconds.
func Post(ctx context.Context, tx bun.IDB, p *Posting) error {
	if p.ID == "" {
		p.ID = kernel.NewID()
	}
	p.At = p.At.UTC().Truncate(time.Microsecond)
	if err := p.Validate(); err != nil {
		return fmt.Errorf("ledger.Post: %w", err)
	}
	if db, ok := tx.(*bun.DB); ok {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error { return insert(ctx, tx, p) })
	}
	return insert(ctx, tx, p)
}

func insert(ctx context.Context, tx bun.IDB, p *Posting) error {
	pr := postingRow{ID: p.ID, Key: p.Key, Kind: string(p.Kind), CreatedAt: p.At}
	if p.OrderID != "" {
		pr.OrderID = &p.OrderID
	}
	res, err := tx.NewInsert().Model(&pr).On("CONFLICT (key) DO NOTHING").Exec(ctx)
	if err != nil {
		if kernel.IsUniqueViolation(err) { // the id, not the key
			return fmt.Errorf("ledger.Post: posting id %s: %w", p.ID, ErrDuplicate)
		}
		return fmt.Errorf("ledger.Post: insert posting: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("ledger.Post: insert posting: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("ledger.Post: key %q: %w", p.Key, ErrDuplicate)
	}
	rows := make([]entryRow, len(p.Entries))
	for i, e := range p.Entries {
		rows[i] = entryRow{ID: kernel.NewID(), PostingID: p.ID, Account: string(e.Account), PartyID: e.PartyID,
			Currency: e.Currency, Amount: e.Amount, CreatedAt: p.At}
	}
	if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
		return fmt.Errorf("ledger.Post: insert entries: %w", err)
	}
	return nil
}

// PostAll stores several postings in tx, in two statements whatever their
// number (their rows, then all their entries), each validated as Post
// does. If any key is already stored it refuses them all with ErrDuplicate
// — the caller's transaction then holds some of the rows and must be rolled
// back. Use Post when one posting may legitimately exist already.
func PostAll(ctx context.Context, tx bun.IDB, ps []*Posting) error {
	if len(ps) == 0 {
		return nil
	}
	posts, entries, err := rowsOf(ps)
	if err != nil {
		return fmt.Errorf("ledger.PostAll: %w", err)
	}
	res, err := tx.NewInsert().Model(&posts).On("CONFLICT (key) DO NOTHING").Exec(ctx)
	if err != nil {
		if kernel.IsUniqueViolation(err) {
			return fmt.Errorf("ledger.PostAll: posting ids: %w", ErrDuplicate)
		}
		return fmt.Errorf("ledger.PostAll: insert postings: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != int64(len(posts)) {
		return fmt.Errorf("ledger.PostAll: %d of %d keys already stored: %w", int64(len(posts))-n, len(posts), ErrDuplicate)
	}
	if _, err := tx.NewInsert().Model(&entries).Exec(ctx); err != nil {
		return fmt.Errorf("ledger.PostAll: insert entries: %w", err)
	}
	return nil
}

// Inserts validates ps as PostAll does and returns the two INSERT
// statements that store them (their rows, then their entries), for a
// caller that runs them inside a statement of its own (PostgreSQL's
// data-modifying WITH). There a key already stored fails the whole
// statement (a unique violation) instead of being refused as ErrDuplicate.
func Inserts(db bun.IDB, ps []*Posting) (postings, entries string, err error) {
	posts, rows, err := rowsOf(ps)
	if err != nil {
		return "", "", fmt.Errorf("ledger.Inserts: %w", err)
	}
	if len(posts) == 0 {
		return "", "", fmt.Errorf("ledger.Inserts: no postings")
	}
	return db.NewInsert().Model(&posts).String(), db.NewInsert().Model(&rows).String(), nil
}

// rowsOf validates ps (giving each an id and a time in microseconds, as
// stored) and returns their rows and their entries' rows.
func rowsOf(ps []*Posting) ([]postingRow, []entryRow, error) {
	posts := make([]postingRow, len(ps))
	var entries []entryRow
	for i, p := range ps {
		if p.ID == "" {
			p.ID = kernel.NewID()
		}
		p.At = p.At.UTC().Truncate(time.Microsecond)
		if err := p.Validate(); err != nil {
			return nil, nil, err
		}
		posts[i] = postingRow{ID: p.ID, Key: p.Key, Kind: string(p.Kind), CreatedAt: p.At}
		if p.OrderID != "" {
			posts[i].OrderID = &p.OrderID
		}
		for _, e := range p.Entries {
			entries = append(entries, entryRow{ID: kernel.NewID(), PostingID: p.ID, Account: string(e.Account), PartyID: e.PartyID,
				Currency: e.Currency, Amount: e.Amount, CreatedAt: p.At})
		}
	}
	return posts, entries, nil
}
