package ledger

import (
	"fmt"
	"sort"
	"time"

	"github.com/livemarket/livemarket/domain/kernel"
)

// Line is one paid order line as the ledger sees it.
type Line struct {
	VendorID string
	// InfluencerID is the influencer the sale is attributed to, "" for none;
	// an unattributed line pays no commission whatever CommissionBps says.
	InfluencerID  string
	Currency      string
	Total         int64 // minor units, >= 0
	CommissionBps int
	FeeBps        int
}

// EffectiveCommission is the commission rate the ledger applies to a line:
// commissionBps when the line is attributed to an influencer, 0 otherwise.
// Use it for refunds too, so they reverse what the payment posted.
func EffectiveCommission(influencerID string, commissionBps int) int {
	if influencerID == "" {
		return 0
	}
	return commissionBps
}

// Parts splits the line (see Split), with no commission when unattributed.
// It panics on what Check refuses.
func (l Line) Parts() Parts {
	return Split(l.Total, EffectiveCommission(l.InfluencerID, l.CommissionBps), l.FeeBps)
}

// Check validates the line.
func (l Line) Check() error {
	switch {
	case l.VendorID == "":
		return fmt.Errorf("%w: line has no vendor", ErrInvalid)
	case !kernel.ValidCurrency(l.Currency):
		return fmt.Errorf("%w: %q is not an ISO 4217 currency", ErrInvalid, l.Currency)
	case l.Total < 0:
		return fmt.Errorf("%w: negative line total %d", ErrInvalid, l.Total)
	}
	return CheckRates(EffectiveCommission(l.InfluencerID, l.CommissionBps), l.FeeBps)
}

// RefundLine is what a refund reverses on one line: the parts to take back
// (from RefundParts or Portion, with the rates the payment used).
type RefundLine struct {
	VendorID     string
	InfluencerID string // "" for an unattributed line, whose Influencer part must be 0
	Currency     string
	Parts        Parts
}

// PaymentPosting builds the posting of a paid order: for each line its
// split; CASH is debited with the gross per currency, and each vendor's
// payable, each attributed influencer's payable and platform revenue are
// credited with their parts, summed per account, party and currency (zero
// amounts are left out). The posting balances by construction. Key is
// usually PaymentKey(orderID).
func PaymentPosting(key, orderID string, at time.Time, lines []Line) (*Posting, error) {
	b := newBuilder()
	for i, l := range lines {
		if err := l.Check(); err != nil {
			return nil, fmt.Errorf("ledger.PaymentPosting: line %d: %w", i, err)
		}
		if err := b.line(l.VendorID, l.InfluencerID, l.Currency, l.Parts(), -1); err != nil {
			return nil, fmt.Errorf("ledger.PaymentPosting: line %d: %w", i, err)
		}
	}
	p, err := b.posting(key, KindPayment, orderID, at)
	if err != nil {
		return nil, fmt.Errorf("ledger.PaymentPosting: %w", err)
	}
	return p, nil
}

// RefundPosting builds the reversal of refunded line parts: CASH is credited
// with the refunded gross and each party's account is debited with its part.
// Key is usually RefundKey(refundID).
func RefundPosting(key, orderID string, at time.Time, lines []RefundLine) (*Posting, error) {
	b := newBuilder()
	for i, l := range lines {
		switch {
		case l.VendorID == "":
			return nil, fmt.Errorf("ledger.RefundPosting: line %d: %w: no vendor", i, ErrInvalid)
		case !kernel.ValidCurrency(l.Currency):
			return nil, fmt.Errorf("ledger.RefundPosting: line %d: %w: %q is not an ISO 4217 currency", i, ErrInvalid, l.Currency)
		case !l.Parts.valid():
			return nil, fmt.Errorf("ledger.RefundPosting: line %d: %w: parts %+v", i, ErrInvalid, l.Parts)
		case l.InfluencerID == "" && l.Parts.Influencer != 0:
			return nil, fmt.Errorf("ledger.RefundPosting: line %d: %w: influencer part %d on an unattributed line", i, ErrInvalid, l.Parts.Influencer)
		}
		if err := b.line(l.VendorID, l.InfluencerID, l.Currency, l.Parts, +1); err != nil {
			return nil, fmt.Errorf("ledger.RefundPosting: line %d: %w", i, err)
		}
	}
	p, err := b.posting(key, KindRefund, orderID, at)
	if err != nil {
		return nil, fmt.Errorf("ledger.RefundPosting: %w", err)
	}
	return p, nil
}

type slot struct {
	account  AccountKind
	party    string
	currency string
}

// builder sums entries per account, party and currency.
type builder struct {
	sums map[slot]int64
}

func newBuilder() *builder { return &builder{sums: map[slot]int64{}} }

func (b *builder) add(s slot, amount int64) error {
	v, ok := addInt64(b.sums[s], amount)
	if !ok {
		return fmt.Errorf("%w: %s %s total overflows", ErrInvalid, s.account, s.currency)
	}
	b.sums[s] = v
	return nil
}

// line adds one line's parts: the parties' accounts get sign*part and CASH
// the opposite (sign -1: a payment crediting the parties; +1: a refund).
func (b *builder) line(vendorID, influencerID, currency string, p Parts, sign int64) error {
	if err := b.add(slot{AccountCash, "", currency}, -sign*p.Total()); err != nil {
		return err
	}
	if err := b.add(slot{AccountVendorPayable, vendorID, currency}, sign*p.Vendor); err != nil {
		return err
	}
	if p.Influencer != 0 {
		if err := b.add(slot{AccountInfluencerPayable, influencerID, currency}, sign*p.Influencer); err != nil {
			return err
		}
	}
	return b.add(slot{AccountPlatformRevenue, "", currency}, sign*p.Platform)
}

var accountOrder = map[AccountKind]int{AccountCash: 0, AccountVendorPayable: 1, AccountInfluencerPayable: 2, AccountPlatformRevenue: 3}

func (b *builder) posting(key string, kind Kind, orderID string, at time.Time) (*Posting, error) {
	p := &Posting{Key: key, Kind: kind, OrderID: orderID, At: at}
	for s, v := range b.sums {
		if v != 0 {
			p.Entries = append(p.Entries, Entry{Account: s.account, PartyID: s.party, Currency: s.currency, Amount: v})
		}
	}
	sort.Slice(p.Entries, func(i, j int) bool {
		a, c := p.Entries[i], p.Entries[j]
		if a.Currency != c.Currency {
			return a.Currency < c.Currency
		}
		if a.Account != c.Account {
			return accountOrder[a.Account] < accountOrder[c.Account]
		}
		return a.PartyID < c.PartyID
	})
	if len(p.Entries) == 0 {
		return nil, fmt.Errorf("%w: posting %q moves no money", ErrInvalid, key)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}
