package payout

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/uptrace/bun"

	"github.com/livemarket/livemarket/domain/influencer"
	"github.com/livemarket/livemarket/domain/kernel"
	"github.com/livemarket/livemarket/domain/ledger"
	"github.com/livemarket/livemarket/domain/paging"
	"github.com/livemarket/livemarket/domain/vendor"
)

func requireAdmin(viewer kernel.Viewer) error {
	if err := viewer.RequireUser(); err != nil {
		return err
	}
	if !viewer.IsAdmin {
		return kernel.ErrForbidden
	}
	return nil
}

// Balance is one party's money in one currency. Pending + Available +
// PaidOut is everything the party earned, less refunds.
type Balance struct {
	PartyType string
	PartyID   string
	Currency  string
	// Pending: earned within the hold period.
	Pending int64
	// Available: matured and not yet paid out; negative after a refund of
	// money already paid out, until later earnings cover it.
	Available int64
	// PaidOut: in payouts that did not fail (sent, or waiting for
	// confirmation).
	PaidOut int64
}

// parties returns the viewer's parties: the vendors they work for and
// their influencer profile (nil for an admin: every party).
func (s *Service) parties(ctx context.Context, viewer kernel.Viewer) ([]string, error) {
	if viewer.IsAdmin {
		return nil, nil
	}
	ids := []string{}
	vs, err := vendor.OfUsers(ctx, s.db, []string{viewer.UserID})
	if err != nil {
		return nil, err
	}
	for _, v := range vs[viewer.UserID] {
		ids = append(ids, v.ID)
	}
	infs, err := influencer.ByUserIDs(ctx, s.db, []string{viewer.UserID})
	if err != nil {
		return nil, err
	}
	if inf := infs[viewer.UserID]; inf != nil {
		ids = append(ids, inf.ID)
	}
	return ids, nil
}

// Balances returns the balances of the viewer's parties (an admin's: every
// party's), by party type, party and currency.
func (s *Service) Balances(ctx context.Context, viewer kernel.Viewer) ([]*Balance, error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	ids, err := s.parties(ctx, viewer)
	if err != nil {
		return nil, fmt.Errorf("payout.Balances: %w", err)
	}
	ps, err := ledger.Payables(ctx, s.db, s.clock.Now().Add(-s.opt.Hold), ids, "")
	if err != nil {
		return nil, fmt.Errorf("payout.Balances: %w", err)
	}
	out := make([]*Balance, 0, len(ps))
	for _, p := range ps {
		out = append(out, &Balance{PartyType: partyOf(p.Account), PartyID: p.PartyID, Currency: p.Currency,
			Pending: p.Pending, Available: p.Available, PaidOut: p.PaidOut})
	}
	sort.SliceStable(out, func(i, j int) bool { // vendors first, as the ledger orders accounts
		return out[i].PartyType > out[j].PartyType
	})
	return out, nil
}

// List pages through the payouts of the viewer's parties (an admin's:
// every payout), newest first.
func (s *Service) List(ctx context.Context, viewer kernel.Viewer, page kernel.PageRequest) (*kernel.Page[*Payout], error) {
	if err := viewer.RequireUser(); err != nil {
		return nil, err
	}
	ids, err := s.parties(ctx, viewer)
	if err != nil {
		return nil, fmt.Errorf("payout.List: %w", err)
	}
	where := func(q *bun.SelectQuery) *bun.SelectQuery {
		if ids != nil {
			if len(ids) == 0 {
				return q.Where("1 = 0")
			}
			q = q.Where("po.party_id IN (?)", bun.List(ids))
		}
		return q
	}
	p, err := paging.List[*Payout](ctx, s.db, where, "po", page)
	if err != nil {
		return nil, fmt.Errorf("payout.List: %w", err)
	}
	return p, nil
}

// MaxReference is the longest payment reference MarkPaid accepts.
const MaxReference = 200

// MarkPaid is an admin's confirmation that a PENDING payout was paid (the
// bank transfer's reference). Confirming again with the same reference
// returns the payout unchanged.
func (s *Service) MarkPaid(ctx context.Context, viewer kernel.Viewer, id, reference string) (*Payout, error) {
	if err := requireAdmin(viewer); err != nil {
		return nil, err
	}
	reference = strings.TrimSpace(reference)
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "payoutId"), id)
	v.Check(reference != "", kernel.CodeRequired, kernel.Field("input", "reference"), "the transfer's reference is required")
	v.Check(utf8.RuneCountInString(reference) <= MaxReference, kernel.CodeTooLong, kernel.Field("input", "reference"), "at most %d characters", MaxReference)
	if err := v.Err(); err != nil {
		return nil, err
	}
	po, err := s.markPaid(ctx, id, reference, func(q *bun.UpdateQuery) *bun.UpdateQuery {
		return q.Where("status = ?", StatusPending)
	})
	if err != nil || po != nil {
		return po, err
	}
	cur, err := s.get(ctx, id)
	if err != nil {
		return nil, err
	}
	if cur.Status == StatusPaid && cur.Reference != nil && *cur.Reference == reference {
		return cur, nil
	}
	return nil, kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "payoutId"), "the payout is %s, not PENDING", cur.Status)
}

// MarkFailed is an admin's record that a PENDING payout of the manual
// provider did not arrive (the transfer bounced): its money returns to the
// party's available balance. Recording it again returns it unchanged. A
// payout of another provider is that provider's to fail: refused.
func (s *Service) MarkFailed(ctx context.Context, viewer kernel.Viewer, id, reason string) (*Payout, error) {
	if err := requireAdmin(viewer); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	var v kernel.Validator
	kernel.CheckID(&v, kernel.Field("input", "payoutId"), id)
	v.Check(reason != "", kernel.CodeRequired, kernel.Field("input", "reason"), "say why the payout failed")
	v.Check(utf8.RuneCountInString(reason) <= MaxReference, kernel.CodeTooLong, kernel.Field("input", "reason"), "at most %d characters", MaxReference)
	if err := v.Err(); err != nil {
		return nil, err
	}
	po, err := s.failed(ctx, id, reason, func(q *bun.UpdateQuery) *bun.UpdateQuery {
		return q.Where("status = ?", StatusPending).Where("provider = ?", Manual{}.Name())
	})
	if err != nil || po != nil {
		return po, err
	}
	cur, err := s.get(ctx, id)
	if err != nil {
		return nil, err
	}
	switch {
	case cur.Status == StatusFailed:
		return cur, nil
	case cur.Provider != Manual{}.Name():
		return nil, kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "payoutId"), "the payout went through the %s provider, which reports its failures itself", cur.Provider)
	}
	return nil, kernel.Fail(kernel.CodeInvalidState, kernel.Field("input", "payoutId"), "the payout is %s, not PENDING", cur.Status)
}

func (s *Service) get(ctx context.Context, id string) (*Payout, error) {
	po := &Payout{}
	err := s.db.NewSelect().Model(po).Where("po.id = ?", id).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, kernel.Fail(kernel.CodeNotFound, kernel.Field("input", "payoutId"), "no such payout")
	}
	if err != nil {
		return nil, fmt.Errorf("payout: %w", err)
	}
	return po, nil
}

// ExportCSV writes the manual provider's PENDING payouts, oldest first, as
// CSV for bank transfers (admins): payout id, party type, party id, party
// name, currency, amount in minor units, amount as a decimal string,
// created at, and when it was first exported. By default only payouts never
// exported before are listed, and they are marked exported, so that a second
// download does not lead to a second transfer; all lists every PENDING one.
func (s *Service) ExportCSV(ctx context.Context, viewer kernel.Viewer, w io.Writer, all bool) error {
	if err := requireAdmin(viewer); err != nil {
		return err
	}
	var pending []*Payout
	err := s.db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		pending = nil
		q := tx.NewSelect().Model(&pending).Where("po.status = ?", StatusPending).Where("po.provider = ?", Manual{}.Name()).
			OrderExpr("po.created_at, po.id")
		if !all {
			q = q.Where("po.exported_at IS NULL")
		}
		if err := q.Scan(ctx); err != nil {
			return err
		}
		var fresh []string
		now := s.clock.Now().UTC()
		for _, po := range pending {
			if po.ExportedAt == nil {
				fresh = append(fresh, po.ID)
				po.ExportedAt = &now
			}
		}
		if len(fresh) == 0 {
			return nil
		}
		_, err := tx.NewUpdate().Model((*Payout)(nil)).Set("exported_at = ?", now).
			Where("id IN (?)", bun.List(fresh)).Where("exported_at IS NULL").Exec(ctx)
		return err
	})
	if err != nil {
		return fmt.Errorf("payout.ExportCSV: %w", err)
	}
	var vendorIDs, influencerIDs []string
	for _, po := range pending {
		if po.PartyType == PartyInfluencer {
			influencerIDs = append(influencerIDs, po.PartyID)
		} else {
			vendorIDs = append(vendorIDs, po.PartyID)
		}
	}
	names := map[string]string{}
	if len(vendorIDs) > 0 {
		vs, err := vendor.ByIDs(ctx, s.db, vendorIDs)
		if err != nil {
			return fmt.Errorf("payout.ExportCSV: %w", err)
		}
		for id, v := range vs {
			names[id] = v.Name
		}
	}
	if len(influencerIDs) > 0 {
		is, err := influencer.ByIDs(ctx, s.db, influencerIDs)
		if err != nil {
			return fmt.Errorf("payout.ExportCSV: %w", err)
		}
		for id, i := range is {
			names[id] = i.DisplayName
		}
	}
	stamp := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"payout_id", "party_type", "party_id", "party_name", "currency", "amount_minor", "amount", "created_at", "exported_at"})
	for _, po := range pending {
		_ = cw.Write([]string{po.ID, po.PartyType, po.PartyID, csvSafe(names[po.PartyID]), po.Currency,
			strconv.FormatInt(po.AmountMinor, 10), decimal(po.AmountMinor, po.Currency), stamp(po.CreatedAt), stamp(*po.ExportedAt)})
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a name from being read as a formula by spreadsheets.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// decimal writes minor units as a decimal amount in currency's exponent.
func decimal(minor int64, currency string) string {
	exp := kernel.CurrencyExponent(currency)
	neg := minor < 0
	if neg {
		minor = -minor
	}
	s := strconv.FormatInt(minor, 10)
	if exp > 0 {
		for len(s) <= exp {
			s = "0" + s
		}
		s = s[:len(s)-exp] + "." + s[len(s)-exp:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
