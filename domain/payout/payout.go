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
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect"
	"github.com/uptrace/bun/dialect/pgdialect"

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
	SendClaim     *string    `bun:"send_claim"`
	ExportedAt    *time.Time `bun:"exported_at"`
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
	// Minimum is the smallest payout in minor units (default 1000), for
	// every currency without an entry in Minimums. Smaller balances wait
	// for a later run.
	Minimum  int64
	Minimums map[string]int64
	// Provider sends payouts (default Manual).
	Provider Provider
	// SendTimeout bounds one call to the provider (default 30 s).
	SendTimeout time.Duration
	// SendLease is how long a run's claim on the payouts it is sending
	// lasts before another run may send them (default 10 min, at least 8
	// times SendTimeout); a run renews it while it sends.
	SendLease time.Duration
	Logger    *slog.Logger
}

// sendBatch is how many payouts a run claims at a time for sending.
const sendBatch = 50

// MinimumFor is the smallest payout in currency.
func (o Options) MinimumFor(currency string) int64 {
	if m, ok := o.Minimums[currency]; ok && m > 0 {
		return m
	}
	return o.Minimum
}

// ErrInFlight: when the run ended, another run (or one that died) still
// held payouts it had not finished sending. They will be sent once its
// claim lapses; retry the run after a while.
var ErrInFlight = errors.New("payouts are still being sent by another run")

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
	if opt.SendTimeout <= 0 {
		opt.SendTimeout = 30 * time.Second
	}
	if opt.SendLease <= 0 {
		opt.SendLease = 10 * time.Minute
	}
	// A claim is renewed once a quarter of the lease has passed, before
	// the next send: one send must not outlast the rest of it.
	if least := 8 * opt.SendTimeout; opt.SendLease < least {
		opt.SendLease = least
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	return &Service{db: db, clock: clock, opt: opt}
}

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

// runNowTimeout bounds a run an admin starts.
const runNowTimeout = 10 * time.Minute

// Period is the run period of t: its UTC day.
func Period(t time.Time) string { return t.UTC().Format("2006-01-02") }

// RunNow is an admin's "run the payouts now".
func (s *Service) RunNow(ctx context.Context, viewer kernel.Viewer) (*RunResult, error) {
	if err := requireAdmin(viewer); err != nil {
		return nil, err
	}
	// The run goes on if the admin's request goes away: what it sends is
	// recorded whatever happens to the request.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), runNowTimeout)
	defer cancel()
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
	var owed []ledger.Payable
	for _, p := range due {
		if p.Available >= s.opt.MinimumFor(p.Currency) {
			owed = append(owed, p)
		}
	}
	for start := 0; start < len(owed); start += runChunk {
		chunk := owed[start:min(start+runChunk, len(owed))]
		created, err := s.createMany(ctx, chunk, res.Period, cutoff, now)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		res.Created = append(res.Created, created...)
	}
	if err := s.sendCreated(ctx, res); err != nil {
		errs = append(errs, err)
	}
	if err := s.reload(ctx, res.Created); err != nil { // as sending left them
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return res, fmt.Errorf("payout.Run: %w", err)
	}
	return res, nil
}

// reload rereads ps in place.
func (s *Service) reload(ctx context.Context, ps []*Payout) error {
	if len(ps) == 0 {
		return nil
	}
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	var now []*Payout
	if err := s.db.NewSelect().Model(&now).Where("po.id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return fmt.Errorf("reload payouts: %w", err)
	}
	byID := make(map[string]*Payout, len(now))
	for _, p := range now {
		byID[p.ID] = p
	}
	for i, p := range ps {
		if q := byID[p.ID]; q != nil {
			ps[i] = q
		}
	}
	return nil
}

// runChunk is how many parties' payouts one transaction creates.
const runChunk = 100

type slot struct {
	account         ledger.AccountKind
	party, currency string
}

// createMany makes the period's payouts of several parties and currencies
// in one transaction: each is locked (in one order, so runs cannot
// deadlock), its available balance read again under the lock, and its
// payout and ledger posting written if the balance still reaches the
// minimum and the period's payout does not exist yet.
func (s *Service) createMany(ctx context.Context, owed []ledger.Payable, period string, cutoff, now time.Time) ([]*Payout, error) {
	var out []*Payout
	err := s.db.RunInTx(ctx, readCommitted(s.db), func(ctx context.Context, tx bun.Tx) error {
		out = nil
		seen := map[string]bool{}
		var parties []string
		locks := make([]string, 0, len(owed))
		for _, p := range owed {
			if !seen[p.PartyID] {
				parties = append(parties, p.PartyID)
				seen[p.PartyID] = true
			}
			locks = append(locks, p.PartyID+":"+p.Currency)
		}
		sort.Strings(locks)
		if err := lockKeys(ctx, tx, locks); err != nil {
			return err
		}
		ps, err := ledger.Payables(ctx, tx, cutoff, parties, "")
		if err != nil {
			return err
		}
		available := map[slot]int64{}
		for _, p := range ps {
			available[slot{p.Account, p.PartyID, p.Currency}] = p.Available
		}
		var rows []*Payout
		for _, p := range owed {
			a := available[slot{p.Account, p.PartyID, p.Currency}]
			if a < s.opt.MinimumFor(p.Currency) {
				continue
			}
			rows = append(rows, &Payout{ID: kernel.NewID(), PartyType: partyOf(p.Account), PartyID: p.PartyID, Currency: p.Currency,
				AmountMinor: a, Period: period, Status: StatusCreated, Provider: s.opt.Provider.Name(), CreatedAt: now})
		}
		if len(rows) == 0 {
			return nil
		}
		var written []string // the ids inserted: parties not paid in this period already
		if _, err := tx.NewInsert().Model(&rows).On("CONFLICT (party_type, party_id, currency, period) DO NOTHING").
			Returning("id").Exec(ctx, &written); err != nil {
			return fmt.Errorf("insert payouts: %w", err)
		}
		mine := map[string]bool{}
		for _, id := range written {
			mine[id] = true
		}
		var posts []*ledger.Posting
		for _, r := range rows {
			if mine[r.ID] {
				out = append(out, r)
				posts = append(posts, ledger.PayoutPosting(r.ID, r.account(), r.PartyID, r.Currency, r.AmountMinor, now))
			}
		}
		return ledger.PostAll(ctx, tx, posts)
	})
	if err != nil {
		return nil, fmt.Errorf("payouts of %d parties: %w", len(owed), err)
	}
	return out, nil
}

// readCommitted asks PostgreSQL for READ COMMITTED whatever the server's
// default: each statement must see what runs that held a party's lock
// committed before it was granted (under REPEATABLE READ the snapshot would
// predate the wait, and a run could pay the same money again).
func readCommitted(db *bun.DB) *sql.TxOptions {
	if db.Dialect().Name() != dialect.PG {
		return nil
	}
	return &sql.TxOptions{Isolation: sql.LevelReadCommitted}
}

// lockKeys serialises payout creation for each party and currency (keys
// "party:currency", sorted) across runs and processes: PostgreSQL takes a
// transaction-scoped advisory lock per key, in the keys' order, in one
// statement (the lock function is volatile, so it runs after the ORDER BY);
// SQLite's transactions already run one at a time.
func lockKeys(ctx context.Context, tx bun.Tx, keys []string) error {
	if tx.Dialect().Name() != dialect.PG || len(keys) == 0 {
		return nil
	}
	prefixed := make([]string, len(keys))
	for i, k := range keys {
		prefixed[i] = "payout:" + k
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
		FROM unnest(?::text[]) WITH ORDINALITY AS t(k, i) ORDER BY i`, pgdialect.Array(prefixed)); err != nil {
		return fmt.Errorf("lock parties: %w", err)
	}
	return nil
}

// sendCreated hands to the provider every payout of this run's provider
// that it has not accepted and that no live run is sending: a few at a
// time, each batch claimed with a token of this run's own, so that only
// this run records the provider's answers for them. A payout whose send
// failed for an unknown reason is released at once, so a retry sends it
// again. It returns ErrInFlight when payouts claimed by another run are
// still unsent at the end.
func (s *Service) sendCreated(ctx context.Context, res *RunResult) error {
	var errs []error
	seen := map[string]bool{}
	for {
		batch, token, err := s.claim(ctx, seen)
		if err != nil {
			errs = append(errs, err)
			break
		}
		if len(batch) == 0 {
			break
		}
		// The answers are recorded even if the caller has gone.
		rec := context.WithoutCancel(ctx)
		var accepted []string
		claimedAt := s.clock.Now()
		for _, po := range batch {
			// A slow provider: renew the claim on this batch's payouts not
			// recorded yet (those already sent included), so no other run
			// takes them; one another run took after all is not sent.
			if s.clock.Now().Sub(claimedAt) > s.opt.SendLease/4 {
				held, err := s.renew(rec, token)
				if err != nil {
					errs = append(errs, err)
					break
				}
				claimedAt = s.clock.Now()
				if !held[po.ID] {
					continue
				}
			}
			sctx, cancel := context.WithTimeout(ctx, s.opt.SendTimeout)
			sent, err := s.opt.Provider.Send(sctx, po)
			cancel()
			var refusal *Refusal
			switch {
			case errors.As(err, &refusal):
				if err := s.refused(rec, po, token, refusal.Reason); err != nil {
					errs = append(errs, err)
					continue
				}
				res.Failed++
			case err != nil: // unknown outcome: released, sent again by a retry
				errs = append(errs, fmt.Errorf("send payout %s: %w", po.ID, err))
				seen[po.ID] = true // not again in this run
				if err := s.release(rec, po.ID, token); err != nil {
					errs = append(errs, err)
				}
			case sent.Paid:
				if err := s.paidBySend(rec, po, token, sent.Reference); err != nil {
					errs = append(errs, err)
					continue
				}
				res.Sent++
			case sent.Reference != "":
				if err := s.accepted(rec, []string{po.ID}, token, sent.Reference); err != nil {
					errs = append(errs, err)
					continue
				}
				res.Sent++
			default:
				accepted = append(accepted, po.ID)
			}
		}
		if err := s.accepted(rec, accepted, token, ""); err != nil {
			errs = append(errs, err)
			continue
		}
		res.Sent += len(accepted)
	}
	if len(errs) == 0 {
		n, err := s.db.NewSelect().Model((*Payout)(nil)).Where("status = ?", StatusCreated).
			Where("provider = ?", s.opt.Provider.Name()).Where("send_claimed_at >= ?", s.clock.Now().UTC().Add(-s.opt.SendLease)).Count(ctx)
		if err != nil {
			return fmt.Errorf("payouts in flight: %w", err)
		}
		if n > 0 {
			return fmt.Errorf("%d payouts: %w", n, ErrInFlight)
		}
	}
	return errors.Join(errs...)
}

// claim takes up to sendBatch payouts to send (oldest first; none of
// skip), under a new token, in one statement, and returns them.
func (s *Service) claim(ctx context.Context, skip map[string]bool) ([]*Payout, string, error) {
	now := s.clock.Now().UTC()
	free := func(q bun.QueryBuilder) bun.QueryBuilder {
		q = q.Where("status = ?", StatusCreated).Where("provider = ?", s.opt.Provider.Name()).
			Where("send_claimed_at IS NULL OR send_claimed_at < ?", now.Add(-s.opt.SendLease))
		if len(skip) > 0 {
			done := make([]string, 0, len(skip))
			for id := range skip {
				done = append(done, id)
			}
			q = q.Where("id NOT IN (?)", bun.List(done))
		}
		return q
	}
	oldest := free(s.db.NewSelect().Table("payouts").Column("id").QueryBuilder()).Unwrap().(*bun.SelectQuery).
		OrderExpr("created_at, id").Limit(sendBatch)
	token := kernel.NewID()
	var got []*Payout
	q := s.db.NewUpdate().Model((*Payout)(nil)).Set("send_claimed_at = ?", now).Set("send_claim = ?", token).
		Where("id IN (?)", oldest)
	if _, err := free(q.QueryBuilder()).Unwrap().(*bun.UpdateQuery).Returning("*").Exec(ctx, &got); err != nil {
		return nil, "", fmt.Errorf("claim payouts: %w", err)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
	return got, token, nil
}

// renew refreshes the claim token holds on payouts still CREATED and
// returns them.
func (s *Service) renew(ctx context.Context, token string) (map[string]bool, error) {
	var ids []string
	if _, err := s.db.NewUpdate().Model((*Payout)(nil)).Set("send_claimed_at = ?", s.clock.Now().UTC()).
		Where("send_claim = ?", token).Where("status = ?", StatusCreated).Returning("id").Exec(ctx, &ids); err != nil {
		return nil, fmt.Errorf("renew the claim on payouts: %w", err)
	}
	held := make(map[string]bool, len(ids))
	for _, id := range ids {
		held[id] = true
	}
	return held, nil
}

// release gives up this run's claim on a payout whose send failed for an
// unknown reason, so that the next run (a retry) sends it again at once.
func (s *Service) release(ctx context.Context, id, token string) error {
	if _, err := s.db.NewUpdate().Model((*Payout)(nil)).Set("send_claimed_at = NULL").Set("send_claim = NULL").
		Where("id = ?", id).Where("status = ?", StatusCreated).Where("send_claim = ?", token).Exec(ctx); err != nil {
		return fmt.Errorf("release payout %s: %w", id, err)
	}
	return nil
}

// accepted: the provider took payouts ids (claimed with token) and will
// confirm them later.
func (s *Service) accepted(ctx context.Context, ids []string, token, reference string) error {
	if len(ids) == 0 {
		return nil
	}
	q := s.db.NewUpdate().Model((*Payout)(nil)).Set("status = ?", StatusPending).
		Where("id IN (?)", bun.List(ids)).Where("status = ?", StatusCreated).Where("send_claim = ?", token)
	if reference != "" {
		q = q.Set("reference = ?", reference)
	}
	res, err := q.Exec(ctx)
	if err != nil {
		return fmt.Errorf("payouts accepted: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n != int64(len(ids)) {
		s.lost(ctx, "accepted", ids)
	}
	return nil
}

// lost reports provider answers for payouts this run no longer held: an
// operator must compare them with the provider's records.
func (s *Service) lost(ctx context.Context, answer string, ids []string) {
	s.opt.Logger.ErrorContext(ctx, "payout: the provider answered for payouts this run no longer held; check them with the provider",
		"answer", answer, "payouts", ids)
}

// refused: the provider refused po (claimed with token): it fails and its
// money returns to the party's balance.
func (s *Service) refused(ctx context.Context, po *Payout, token, reason string) error {
	done, err := s.failed(ctx, po.ID, reason, func(q *bun.UpdateQuery) *bun.UpdateQuery {
		return q.Where("status = ?", StatusCreated).Where("send_claim = ?", token)
	})
	if err == nil && done == nil {
		s.lost(ctx, "refused", []string{po.ID})
	}
	return err
}

// paidBySend: the provider paid po (claimed with token) at once.
func (s *Service) paidBySend(ctx context.Context, po *Payout, token, reference string) error {
	done, err := s.markPaid(ctx, po.ID, reference, func(q *bun.UpdateQuery) *bun.UpdateQuery {
		return q.Where("status = ?", StatusCreated).Where("send_claim = ?", token)
	})
	if err == nil && done == nil {
		s.lost(ctx, "paid", []string{po.ID})
	}
	return err
}

// markPaid moves payout id to PAID, if it is as cond says, and posts the
// money's leaving, once. It returns the payout after the change, or (nil,
// nil) when it was not as cond says.
func (s *Service) markPaid(ctx context.Context, id, reference string, cond func(*bun.UpdateQuery) *bun.UpdateQuery) (*Payout, error) {
	var out *Payout
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		now := s.clock.Now().UTC()
		po := &Payout{}
		q := cond(tx.NewUpdate().Model(po).Set("status = ?", StatusPaid).Set("paid_at = ?", now).
			Where("id = ?", id)).Returning("*")
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

// failed moves payout id to FAILED, if it is as cond says, and puts its
// money back in the party's payable, once. It returns the payout after the
// change, or (nil, nil) when it was not as cond says.
func (s *Service) failed(ctx context.Context, id, reason string, cond func(*bun.UpdateQuery) *bun.UpdateQuery) (*Payout, error) {
	var out *Payout
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		now := s.clock.Now().UTC()
		po := &Payout{}
		res, err := cond(tx.NewUpdate().Model(po).Set("status = ?", StatusFailed).Set("failed_at = ?", now).Set("failure = ?", reason).
			Where("id = ?", id)).Returning("*").Exec(ctx)
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
