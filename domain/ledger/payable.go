package ledger

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"
)

// Payable is what the platform owes one party in one currency, split by
// maturity at a cutoff (now less the payout hold).
type Payable struct {
	Account  AccountKind // VENDOR_PAYABLE or INFLUENCER_PAYABLE
	PartyID  string
	Currency string
	// Pending is earned after the cutoff: payments, less the refunds of
	// those same payments.
	Pending int64
	// Available is everything else: matured earnings less their refunds
	// (a refund after a payout makes it negative), less payouts set aside,
	// plus failed payouts put back.
	Available int64
	// PaidOut is what payouts set aside, less the failed ones put back.
	PaidOut int64
}

// Payables sums the vendor and influencer payables by party and currency,
// split at cutoff. A refund counts where the payment it reverses counts
// (the posting keyed PaymentKey of its order), so refunding a sale still in
// its hold reduces Pending, not Available.
// partyIDs nil selects every party; currency "" every currency.
func Payables(ctx context.Context, db bun.IDB, cutoff time.Time, partyIDs []string, currency string) ([]Payable, error) {
	if partyIDs != nil && len(partyIDs) == 0 {
		return nil, nil
	}
	cutoff = cutoff.UTC()
	var rows []struct {
		Account   string `bun:"account"`
		PartyID   string `bun:"party_id"`
		Currency  string `bun:"currency"`
		Pending   int64  `bun:"pending"`
		Available int64  `bun:"available"`
		PaidOut   int64  `bun:"paid_out"`
	}
	// earned: when the money was earned: a payment's own time; for a
	// refund, the time of the payment it reverses. NULL counts against
	// Available at once: payout postings, and a refund whose payment is
	// not found (never held back: it could otherwise let that payment's
	// money be paid out). A new kind of posting that credits payables must
	// be given its time here.
	const earned = `CASE WHEN lp.kind = 'PAYMENT' THEN lp.created_at
		WHEN lp.kind = 'REFUND' THEN pay.created_at END`
	q := db.NewSelect().TableExpr("ledger_entries AS le").
		Join("JOIN ledger_postings AS lp ON lp.id = le.posting_id").
		Join("LEFT JOIN ledger_postings AS pay ON lp.kind = 'REFUND' AND pay.key = 'payment:' || lp.order_id").
		ColumnExpr("le.account, le.party_id, le.currency").
		ColumnExpr("CAST(SUM(CASE WHEN "+earned+" > ? THEN -le.amount ELSE 0 END) AS BIGINT) AS pending", cutoff).
		ColumnExpr("CAST(SUM(CASE WHEN "+earned+" > ? THEN 0 ELSE -le.amount END) AS BIGINT) AS available", cutoff).
		ColumnExpr("CAST(SUM(CASE WHEN lp.kind IN ('PAYOUT', 'PAYOUT_FAILED') THEN le.amount ELSE 0 END) AS BIGINT) AS paid_out").
		Where("le.account IN (?)", bun.List([]AccountKind{AccountVendorPayable, AccountInfluencerPayable})).
		GroupExpr("le.account, le.party_id, le.currency").
		OrderExpr("le.account, le.party_id, le.currency")
	if partyIDs != nil {
		q = q.Where("le.party_id IN (?)", bun.List(partyIDs))
	}
	if currency != "" {
		q = q.Where("le.currency = ?", currency)
	}
	if err := q.Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("ledger.Payables: %w", err)
	}
	out := make([]Payable, len(rows))
	for i, r := range rows {
		out[i] = Payable{Account: AccountKind(r.Account), PartyID: r.PartyID, Currency: r.Currency, Pending: r.Pending, Available: r.Available, PaidOut: r.PaidOut}
	}
	return out, nil
}

// PayoutPosting sets amount of partyID's payable (account) aside for payout
// payoutID.
func PayoutPosting(payoutID string, account AccountKind, partyID, currency string, amount int64, at time.Time) *Posting {
	return &Posting{Key: PayoutKey(payoutID), Kind: KindPayout, At: at, Entries: []Entry{
		{Account: account, PartyID: partyID, Currency: currency, Amount: amount},
		{Account: AccountPayouts, PartyID: partyID, Currency: currency, Amount: -amount},
	}}
}

// PayoutPaidPosting records that payout payoutID left the platform.
func PayoutPaidPosting(payoutID, partyID, currency string, amount int64, at time.Time) *Posting {
	return &Posting{Key: PayoutPaidKey(payoutID), Kind: KindPayoutPaid, At: at, Entries: []Entry{
		{Account: AccountPayouts, PartyID: partyID, Currency: currency, Amount: amount},
		{Account: AccountCash, Currency: currency, Amount: -amount},
	}}
}

// PayoutFailedPosting puts a failed payout's money back in the party's
// payable (account).
func PayoutFailedPosting(payoutID string, account AccountKind, partyID, currency string, amount int64, at time.Time) *Posting {
	return &Posting{Key: PayoutFailedKey(payoutID), Kind: KindPayoutFailed, At: at, Entries: []Entry{
		{Account: AccountPayouts, PartyID: partyID, Currency: currency, Amount: amount},
		{Account: account, PartyID: partyID, Currency: currency, Amount: -amount},
	}}
}
