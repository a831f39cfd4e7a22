// Package ledger is Livemarket's double-entry, append-only money ledger.
//
// Every money event is one Posting: a balanced set of Entries, written once
// under a unique idempotency key and never updated or deleted (there are no
// functions to do so; corrections are new postings). Balances are derived by
// summing entries (Totals); Check proves, over the whole table, that every
// posting balances.
//
// Sign convention: an Entry's Amount is signed minor units, positive for a
// debit and negative for a credit, never zero. A posting balances when, for
// each currency, its amounts sum to zero (debits == credits). CASH is an
// asset (debit-normal: a positive sum is money the platform holds); the
// payables and PLATFORM_REVENUE are credit-normal (a negative sum is what the
// platform owes the party, or has earned). Total.Balance reads a sum on the
// account's normal side.
//
// On payment, for each line split by Split:
//
//	CASH                         +total   (shopper's payment in)
//	VENDOR_PAYABLE     vendor    -vendor part
//	INFLUENCER_PAYABLE influencer -influencer part (attributed lines only)
//	PLATFORM_REVENUE             -platform part
//
// A refund posts the same entries with the opposite signs, for the parts
// RefundParts (or Portion) computes. Each entry carries its posting's time, so
// what a party earned before a given time (a payout hold) is a Totals query.
//
// A payout moves a party's money out in up to two steps:
//
//	PAYOUT         X_PAYABLE party +amount, PAYOUTS party -amount   (money set aside)
//	PAYOUT_PAID    PAYOUTS   party +amount, CASH          -amount   (money left)
//	PAYOUT_FAILED  PAYOUTS   party +amount, X_PAYABLE party -amount (money back)
package ledger

import (
	"errors"
	"fmt"
	"time"
)

// AccountKind names a ledger account; with a party id and a currency it
// identifies one balance.
type AccountKind string

const (
	// AccountCash is money received from shoppers and held by the platform
	// (debit-normal). Its party is "".
	AccountCash AccountKind = "CASH"
	// AccountVendorPayable is what the platform owes a vendor (credit-normal).
	// Its party is the vendor id.
	AccountVendorPayable AccountKind = "VENDOR_PAYABLE"
	// AccountInfluencerPayable is the commission the platform owes an
	// influencer (credit-normal). Its party is the influencer id.
	AccountInfluencerPayable AccountKind = "INFLUENCER_PAYABLE"
	// AccountPlatformRevenue is the platform's fee income (credit-normal).
	// Its party is "".
	AccountPlatformRevenue AccountKind = "PLATFORM_REVENUE"
	// AccountPayouts is money set aside for a party's payout and not yet
	// sent (credit-normal). Its party is the vendor or influencer id.
	AccountPayouts AccountKind = "PAYOUTS"
)

// accounts lists the known accounts and whether each belongs to a party
// (the schema does not list them).
var accounts = map[AccountKind]struct {
	party        bool
	creditNormal bool
}{
	AccountCash:              {party: false, creditNormal: false},
	AccountVendorPayable:     {party: true, creditNormal: true},
	AccountInfluencerPayable: {party: true, creditNormal: true},
	AccountPlatformRevenue:   {party: false, creditNormal: true},
	AccountPayouts:           {party: true, creditNormal: true},
}

// Known reports whether a is an account the ledger knows.
func (a AccountKind) Known() bool { _, ok := accounts[a]; return ok }

// HasParty reports whether entries of a name a party (vendor, influencer).
func (a AccountKind) HasParty() bool { return accounts[a].party }

// CreditNormal reports whether a's balance grows with credits (liabilities
// and revenue) rather than debits (assets).
func (a AccountKind) CreditNormal() bool { return accounts[a].creditNormal }

// Kind says what a posting records.
type Kind string

const (
	KindPayment Kind = "PAYMENT"
	KindRefund  Kind = "REFUND"
	// KindPayout sets money aside for a payout; KindPayoutPaid records that
	// it left; KindPayoutFailed puts it back in the party's payable.
	KindPayout       Kind = "PAYOUT"
	KindPayoutPaid   Kind = "PAYOUT_PAID"
	KindPayoutFailed Kind = "PAYOUT_FAILED"
)

var kinds = map[Kind]bool{KindPayment: true, KindRefund: true, KindPayout: true, KindPayoutPaid: true, KindPayoutFailed: true}

// Known reports whether k is a posting kind the ledger knows.
func (k Kind) Known() bool { return kinds[k] }

// PaymentKey is the idempotency key of the payment posting of an order (or
// vendor order): one payment posting per order.
func PaymentKey(orderID string) string { return "payment:" + orderID }

// RefundKey is the idempotency key of the posting of one refund.
func RefundKey(refundID string) string { return "refund:" + refundID }

// PayoutKey, PayoutPaidKey and PayoutFailedKey are the keys of a payout's
// postings: each step is posted at most once.
func PayoutKey(payoutID string) string       { return "payout:" + payoutID }
func PayoutPaidKey(payoutID string) string   { return "payout-paid:" + payoutID }
func PayoutFailedKey(payoutID string) string { return "payout-failed:" + payoutID }

// Entry is one signed line of a posting: Amount > 0 debits the account,
// Amount < 0 credits it.
type Entry struct {
	Account AccountKind
	// PartyID is the vendor or influencer id for party accounts, "" otherwise.
	PartyID  string
	Currency string
	Amount   int64
}

// Posting is one balanced money event.
type Posting struct {
	// ID is set by Post when empty.
	ID string
	// Key makes the posting idempotent: a second Post with the same Key
	// fails with ErrDuplicate and stores nothing.
	Key  string
	Kind Kind
	// OrderID is the order the posting belongs to, "" for none.
	OrderID string
	// At is when the money moved (Post stores it in UTC, to the microsecond);
	// every entry is dated At.
	At      time.Time
	Entries []Entry
}

// Errors. Wrapped errors from this package match them with errors.Is.
var (
	// ErrDuplicate: a posting with the same key (or id) is already stored.
	ErrDuplicate = errors.New("ledger: posting already recorded")
	// ErrUnbalanced: a posting's entries do not sum to zero in some currency.
	// The error is an *UnbalancedError.
	ErrUnbalanced = errors.New("ledger: posting does not balance")
	// ErrInvalid: a malformed posting or input (empty key, unknown account,
	// zero amount, bad currency or rates, ...).
	ErrInvalid = errors.New("ledger: invalid")
)

// UnbalancedError names a posting whose entries in Currency sum to Sum
// (debits minus credits) instead of zero, or that has no entries at all
// (Empty).
type UnbalancedError struct {
	PostingID string
	Key       string
	Currency  string
	Sum       int64
	Empty     bool
}

func (e *UnbalancedError) Error() string {
	if e.Empty {
		return fmt.Sprintf("ledger: posting %s (key %q) has no entries", e.PostingID, e.Key)
	}
	return fmt.Sprintf("ledger: posting %s (key %q) does not balance in %s: debits - credits = %d", e.PostingID, e.Key, e.Currency, e.Sum)
}

// Is makes errors.Is(err, ErrUnbalanced) true.
func (e *UnbalancedError) Is(target error) bool { return target == ErrUnbalanced }
