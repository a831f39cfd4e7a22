// Package payout pays vendors and influencers what the ledger says they
// earned, exactly once.
//
// Earnings mature after a hold (the return window). A payout run, for each
// party and currency whose available balance reaches a minimum, creates one
// payout keyed by (party, currency, run period) in the same transaction as
// the ledger posting that sets the money aside, then hands it to a Provider.
// A run may be retried, run twice at once, or die halfway: the unique key
// and a per-party lock make a second payout in the same period impossible,
// a payout is handed to the provider by one run at a time (a claim that
// expires), and a run finds the payouts a dead run left and sends them
// again (providers must be idempotent on the payout id). A refund after a
// payout leaves the available balance negative; the next payouts recover it
// first, since they pay only what is available.
package payout

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"

	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
)

// Statuses of a payout.
const (
	// StatusCreated: the money is set aside; the provider has not accepted
	// the payout yet.
	StatusCreated = "CREATED"
	// StatusPending: the provider accepted it and it waits for confirmation
	// (the manual provider: an admin's MarkPaid after the bank transfer).
	StatusPending = "PENDING"
	StatusPaid    = "PAID"
	// StatusFailed: refused; the money is back in the available balance.
	StatusFailed = "FAILED"
)

// Party types.
const (
	PartyVendor     = "VENDOR"
	PartyInfluencer = "INFLUENCER"
)

// Payout is money sent, or being sent, to one party in one currency.
type Payout struct {
	bun.BaseModel `bun:"table:payouts,alias:po"`

	ID            string     `bun:"id,pk"`
	PartyType     string     `bun:"party_type"`
	PartyID       string     `bun:"party_id"`
	Currency      string     `bun:"currency"`
	AmountMinor   int64      `bun:"amount_minor"`
	Period        string     `bun:"period"`
	Status        string     `bun:"status"`
	Provider      string     `bun:"provider"`
	Reference     *string    `bun:"reference"`
	Failure       *string    `bun:"failure"`
	SendClaimedAt *time.Time `bun:"send_claimed_at"`
	CreatedAt     time.Time  `bun:"created_at"`
	PaidAt        *time.Time `bun:"paid_at"`
	FailedAt      *time.Time `bun:"failed_at"`
}

// account is the ledger account the payout's party is owed from.
func (p *Payout) account() ledger.AccountKind { return payableOf(p.PartyType) }

func payableOf(partyType string) ledger.AccountKind {
	if partyType == PartyInfluencer {
		return ledger.AccountInfluencerPayable
	}
	return ledger.AccountVendorPayable
}

func partyOf(account ledger.AccountKind) string {
	if account == ledger.AccountInfluencerPayable {
		return PartyInfluencer
	}
	return PartyVendor
}

// Sent is a provider's answer to Send.
type Sent struct {
	// Paid: the money has left (else the payout waits for confirmation).
	Paid      bool
	Reference string
}

// Refusal is a provider's final "no" (closed account, invalid details):
// the payout fails and its money returns to the party's available balance.
// Any other error from Send may mean the provider got the payout: it stays
// CREATED and a later run sends it again.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return "payout refused: " + r.Reason }

// Provider sends payouts. Send must be idempotent on p.ID: after a crash
// between the ledger posting and Send's answer being recorded, the same
// payout is sent again.
type Provider interface {
	Name() string
	Send(ctx context.Context, p *Payout) (Sent, error)
}

// Manual is the built-in provider: payouts wait (PENDING) until an admin
// has made the bank transfer (see ExportCSV) and confirms it (MarkPaid).
type Manual struct{}

func (Manual) Name() string { return "manual" }

func (Manual) Send(context.Context, *Payout) (Sent, error) { return Sent{}, nil }

// Options configure the service.
type Options struct {
	// Hold is how long earnings wait before they can be paid out (the
	// return window; default 14 days after payment).
	Hold time.Duration
	// Minimum is the smallest payout, in minor units of any currency
	// (default 1000). Smaller balances wait for the next run.
	Minimum int64
	// Provider sends payouts (default Manual).
	Provider Provider
	// SendLease is how long a run may take to hand a payout to the
	// provider before another run may send it again (default 10 min).
	SendLease time.Duration
	Logger    *slog.Logger
}

// Service runs payouts and answers balances.
type Service struct {
	db    *bun.DB
	clock kernel.Clock
	opt   Options
}

// NewService makes the service.
func NewService(db *bun.DB, clock kernel.Clock, opt Options) *Service {
	if opt.Hold <= 0 {
		opt.Hold = 14 * 24 * time.Hour
	}
	if opt.Minimum <= 0 {
		opt.Minimum = 1000
	}
	if opt.Provider == nil {
		opt.Provider = Manual{}
	}
	if opt.SendLease <= 0 {
		opt.SendLease = 10 * time.Minute
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	return &Service{db: db, clock: clock, opt: opt}
}

// Hold is the configured hold period.
func (s *Service) Hold() time.Duration { return s.opt.Hold }

// RunResult is what a run did.
type RunResult struct {
	Period string
	// Created are the payouts this run created (none for parties already
	// paid in this period).
	Created []*Payout
	// Sent counts the payouts this run handed to the provider, including
	// those an earlier run left unsent.
	Sent int
	// Failed counts the payouts the provider refused.
	Failed int
}

// Period is the run period of t: its UTC day.
func Period(t time.Time) string { return t.UTC().Format("2006-01-02") }

// RunNow is an admin's "run the payouts now".
func (s *Service) RunNow(ctx context.Context, viewer kernel.Viewer) (*RunResult, error) {
	if err := requireAdmin(viewer); err != nil {
		return nil, err
	}
	return s.Run(ctx)
}

// Run pays every party whose available balance reaches the minimum, once
// per period, then sends every payout not yet accepted by the provider.
// It is safe to run concurrently and to run again after a failure; an error
// means some payouts wait for the next run (asynq retries it).
func (s *Service) Run(ctx context.Context) (*RunResult, error) {
	now := s.clock.Now().UTC()
	res := &RunResult{Period: Period(now)}
	cutoff := now.Add(-s.opt.Hold)
	due, err := ledger.Payables(ctx, s.db, cutoff, nil, "")
	if err != nil {
		return res, fmt.Errorf("payout.Run: %w", err)
	}
	var errs []error
	for _, p := range due {
		if p.Available < s.opt.Minimum {
			continue
		}
		po, err := s.create(ctx, p.Account, p.PartyID, p.Currency, res.Period, cutoff, now)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if po != nil {
			res.Created = append(res.Created, po)
		}
	}
	if err := s.sendCreated(ctx, res); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return res, fmt.Errorf("payout.Run: %w", err)
	}
	return res, nil
}

// create makes the period's payout of one party and currency, for what is
// available once the party is locked (nil if below the minimum, or if the
// period's payout exists).
func (s *Service) create(ctx context.Context, account ledger.AccountKind, partyID, currency, period string, cutoff, now time.Time) (*Payout, error) {
	var out *Payout
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if err := lockParty(ctx, tx, partyID, currency); err != nil {
			return err
		}
		ps, err := ledger.Payables(ctx, tx, cutoff, []string{partyID}, currency)
		if err != nil {
			return err
		}
		var available int64
		for _, p := range ps {
			if p.Account == account {
				available = p.Available
			}
		}
		if available < s.opt.Minimum {
			return nil
		}
		po := &Payout{ID: kernel.NewID(), PartyType: partyOf(account), PartyID: partyID, Currency: currency,
			AmountMinor: available, Period: period, Status: StatusCreated, Provider: s.opt.Provider.Name(), CreatedAt: now}
		res, err := tx.NewInsert().Model(po).On("CONFLICT (party_type, party_id, currency, period) DO NOTHING").Exec(ctx)
		if err != nil {
			return fmt.Errorf("insert payout: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // paid in this period already
		}
		if err := ledger.Post(ctx, tx, ledger.PayoutPosting(po.ID, account, partyID, currency, available, now)); err != nil {
			return err
		}
		out = po
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("payout %s %s %s: %w", partyOf(account), partyID, currency, err)
	}
	return out, nil
}

// lockParty serialises payout creation for one party and currency across
// runs and processes (PostgreSQL: a transaction-scoped advisory lock;
// SQLite's transactions already run one at a time).
func lockParty(ctx context.Context, tx bun.Tx, partyID, currency string) error {
	if tx.Dialect().Name() != dialect.PG {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "payout:"+partyID+":"+currency); err != nil {
		return fmt.Errorf("lock party: %w", err)
	}
	return nil
}

// sendCreated hands every payout the provider has not accepted, and that
// no live run is sending, to the provider.
func (s *Service) sendCreated(ctx context.Context, res *RunResult) error {
	now := s.clock.Now().UTC()
	var due []*Payout
	if err := s.db.NewSelect().Model(&due).Where("po.status = ?", StatusCreated).
		Where("po.send_claimed_at IS NULL OR po.send_claimed_at < ?", now.Add(-s.opt.SendLease)).
		OrderExpr("po.created_at, po.id").Scan(ctx); err != nil {
		return fmt.Errorf("unsent payouts: %w", err)
	}
	var errs []error
	for _, po := range due {
		claimed, err := s.claim(ctx, po, now)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !claimed { // another run is sending it
			continue
		}
		sent, err := s.opt.Provider.Send(ctx, po)
		var refusal *Refusal
		switch {
		case errors.As(err, &refusal):
			if err := s.fail(ctx, po.ID, refusal.Reason); err != nil {
				errs = append(errs, err)
				continue
			}
			res.Failed++
		case err != nil: // unknown outcome: stays CREATED, sent again later
			errs = append(errs, fmt.Errorf("send payout %s: %w", po.ID, err))
		case sent.Paid:
			if _, err := s.markPaid(ctx, po.ID, sent.Reference, StatusCreated); err != nil {
				errs = append(errs, err)
				continue
			}
			res.Sent++
		default:
			if err := s.accepted(ctx, po.ID, sent.Reference); err != nil {
				errs = append(errs, err)
				continue
			}
			res.Sent++
		}
	}
	return errors.Join(errs...)
}

// claim marks po as being sent by this run, unless another run has it.
func (s *Service) claim(ctx context.Context, po *Payout, now time.Time) (bool, error) {
	res, err := s.db.NewUpdate().Model((*Payout)(nil)).Set("send_claimed_at = ?", now).
		Where("id = ?", po.ID).Where("status = ?", StatusCreated).
		Where("send_claimed_at IS NULL OR send_claimed_at < ?", now.Add(-s.opt.SendLease)).Exec(ctx)
	if err != nil {
		return false, fmt.Errorf("claim payout %s: %w", po.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claim payout %s: %w", po.ID, err)
	}
	if n == 1 {
		po.SendClaimedAt = &now
	}
	return n == 1, nil
}

// accepted: the provider took the payout and will confirm it later.
func (s *Service) accepted(ctx context.Context, id, reference string) error {
	q := s.db.NewUpdate().Model((*Payout)(nil)).Set("status = ?", StatusPending).
		Where("id = ?", id).Where("status = ?", StatusCreated)
	if reference != "" {
		q = q.Set("reference = ?", reference)
	}
	if _, err := q.Exec(ctx); err != nil {
		return fmt.Errorf("payout %s accepted: %w", id, err)
	}
	return nil
}

// markPaid moves payout id from one of the from statuses to PAID and posts
// the money's leaving, once. It returns the payout after the change, or
// (nil, nil) when it was in none of those statuses.
func (s *Service) markPaid(ctx context.Context, id, reference string, from ...string) (*Payout, error) {
	var out *Payout
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		now := s.clock.Now().UTC()
		po := &Payout{}
		q := tx.NewUpdate().Model(po).Set("status = ?", StatusPaid).Set("paid_at = ?", now).
			Where("id = ?", id).Where("status IN (?)", bun.List(from)).Returning("*")
		if reference != "" {
			q = q.Set("reference = ?", reference)
		}
		res, err := q.Exec(ctx)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if err := ledger.Post(ctx, tx, ledger.PayoutPaidPosting(po.ID, po.PartyID, po.Currency, po.AmountMinor, now)); err != nil {
			return err
		}
		out = po
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("payout %s paid: %w", id, err)
	}
	return out, nil
}

// fail moves payout id from CREATED or PENDING to FAILED and puts its money
// back in the party's payable, once.
func (s *Service) fail(ctx context.Context, id, reason string) error {
	_, err := s.failed(ctx, id, reason)
	return err
}

// failed is fail, returning the payout after the change ((nil, nil) when
// it was neither CREATED nor PENDING).
func (s *Service) failed(ctx context.Context, id, reason string) (*Payout, error) {
	var out *Payout
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		now := s.clock.Now().UTC()
		po := &Payout{}
		res, err := tx.NewUpdate().Model(po).Set("status = ?", StatusFailed).Set("failed_at = ?", now).Set("failure = ?", reason).
			Where("id = ?", id).Where("status IN (?)", bun.List([]string{StatusCreated, StatusPending})).Returning("*").Exec(ctx)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		if err := ledger.Post(ctx, tx, ledger.PayoutFailedPosting(po.ID, po.account(), po.PartyID, po.Currency, po.AmountMinor, now)); err != nil {
			return err
		}
		out = po
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("payout %s failed: %w", id, err)
	}
	return out, nil
}
