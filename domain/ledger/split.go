package ledger

import (
	"fmt"
	"math"
	"math/bits"
)

// BasisPoints is 100%: rates are integers in 0..BasisPoints.
const BasisPoints = 10000

// Parts is how one amount divides between the parties of a line.
type Parts struct {
	Vendor     int64
	Influencer int64
	Platform   int64
}

// Total is the sum of the parts (the amount they divide).
func (p Parts) Total() int64 { return p.Vendor + p.Influencer + p.Platform }

// Add returns p + q, part by part.
func (p Parts) Add(q Parts) Parts {
	return Parts{Vendor: p.Vendor + q.Vendor, Influencer: p.Influencer + q.Influencer, Platform: p.Platform + q.Platform}
}

// Sub returns p - q, part by part.
func (p Parts) Sub(q Parts) Parts {
	return Parts{Vendor: p.Vendor - q.Vendor, Influencer: p.Influencer - q.Influencer, Platform: p.Platform - q.Platform}
}

func (p Parts) valid() bool {
	if p.Vendor < 0 || p.Influencer < 0 || p.Platform < 0 {
		return false
	}
	s, ok := addInt64(p.Vendor, p.Influencer)
	if !ok {
		return false
	}
	_, ok = addInt64(s, p.Platform)
	return ok
}

// CheckRates reports whether a commission and a platform fee, in basis
// points, can split a line: each in 0..10000 and together at most 10000.
func CheckRates(commissionBps, feeBps int) error {
	switch {
	case commissionBps < 0 || commissionBps > BasisPoints:
		return fmt.Errorf("%w: commission %d bps is outside 0..%d", ErrInvalid, commissionBps, BasisPoints)
	case feeBps < 0 || feeBps > BasisPoints:
		return fmt.Errorf("%w: platform fee %d bps is outside 0..%d", ErrInvalid, feeBps, BasisPoints)
	case commissionBps+feeBps > BasisPoints:
		return fmt.Errorf("%w: commission %d bps + platform fee %d bps exceed %d", ErrInvalid, commissionBps, feeBps, BasisPoints)
	}
	return nil
}

// Split divides a line total as ARCHITECTURE.md says:
// influencer = floor(total*commissionBps/10000), platform =
// floor(total*feeBps/10000), vendor = the rest, so the parts are never
// negative and always sum to total exactly. The products are computed in 128
// bits, so any int64 total works.
//
// Split panics on a negative total or on rates CheckRates refuses: callers
// validate their input first (PaymentPosting does and returns an error).
func Split(total int64, commissionBps, feeBps int) Parts {
	if total < 0 {
		panic(fmt.Sprintf("ledger.Split: negative total %d", total))
	}
	if err := CheckRates(commissionBps, feeBps); err != nil {
		panic("ledger.Split: " + err.Error())
	}
	inf := mulDiv(total, int64(commissionBps), BasisPoints)
	plat := mulDiv(total, int64(feeBps), BasisPoints)
	return Parts{Vendor: total - inf - plat, Influencer: inf, Platform: plat}
}

// Portion returns the parts of the slice (from, to] of p's total, where 0 <=
// from <= to <= p.Total(): what to reverse when the amount refunded so far on
// a line goes from `from` to `to`. The cumulative share of the first h minor
// units is influencer = floor(I*h/T), platform = floor(P*r/(T-I)) of the
// remainder r = h - influencer, vendor = r - platform. Each cumulative share
// is nondecreasing in h and reaches p exactly at h = T, so:
//   - every part of every portion is >= 0 (a refund never credits anyone),
//   - no party is ever reversed more than it was posted, and
//   - portions of consecutive slices add up to exactly p, whatever the steps.
//
// (Split(to) - Split(from) has the last two properties only approximately:
// with rates near 100% its vendor part can be -1.)
//
// Portion panics when the parts are negative or the bounds are out of range.
func Portion(p Parts, from, to int64) Parts {
	if !p.valid() {
		panic(fmt.Sprintf("ledger.Portion: invalid parts %+v", p))
	}
	if from < 0 || to < from || to > p.Total() {
		panic(fmt.Sprintf("ledger.Portion: bounds %d..%d outside 0..%d", from, to, p.Total()))
	}
	return cumulative(p, to).Sub(cumulative(p, from))
}

// cumulative is the share of p carried by its first h minor units.
func cumulative(p Parts, h int64) Parts {
	total := p.Total()
	if total == 0 || h == 0 {
		return Parts{}
	}
	inf := mulDiv(p.Influencer, h, total)
	rest := h - inf // nondecreasing in h, reaches total - p.Influencer at h = total
	var plat int64
	if others := total - p.Influencer; others > 0 {
		plat = mulDiv(p.Platform, rest, others)
	}
	return Parts{Vendor: rest - plat, Influencer: inf, Platform: plat}
}

// RefundParts is the exact reversal for refunding units of a line of
// quantity units at unitPrice: the Portion of Split(unitPrice*quantity) for
// the units refunded so far going from refundedBefore to refundedAfter. Refunds
// that together cover the whole line reverse exactly the original split, each
// part of each refund is >= 0, and no party is reversed more than it earned.
//
// RefundParts panics on invalid input (negative numbers, rates CheckRates
// refuses, refundedBefore > refundedAfter > quantity, or a line total that
// overflows int64); RefundPosting callers validate first (see CheckRefund).
func RefundParts(unitPrice, quantity, refundedBefore, refundedAfter int64, commissionBps, feeBps int) Parts {
	if err := CheckRefund(unitPrice, quantity, refundedBefore, refundedAfter, commissionBps, feeBps); err != nil {
		panic("ledger.RefundParts: " + err.Error())
	}
	orig := Split(unitPrice*quantity, commissionBps, feeBps)
	return Portion(orig, unitPrice*refundedBefore, unitPrice*refundedAfter)
}

// CheckRefund validates RefundParts' arguments, returning an error wrapping
// ErrInvalid instead of panicking.
func CheckRefund(unitPrice, quantity, refundedBefore, refundedAfter int64, commissionBps, feeBps int) error {
	switch {
	case unitPrice < 0 || quantity < 0:
		return fmt.Errorf("%w: negative unit price %d or quantity %d", ErrInvalid, unitPrice, quantity)
	case refundedBefore < 0 || refundedAfter < refundedBefore || refundedAfter > quantity:
		return fmt.Errorf("%w: refunded units going from %d to %d, of %d", ErrInvalid, refundedBefore, refundedAfter, quantity)
	}
	if quantity > 0 && unitPrice > math.MaxInt64/quantity {
		return fmt.Errorf("%w: line total %d x %d overflows", ErrInvalid, unitPrice, quantity)
	}
	return CheckRates(commissionBps, feeBps)
}

// mulDiv returns floor(a*b/d) for a, b >= 0 and d > 0 with b <= d (so the
// result is at most a), computing a*b in 128 bits.
func mulDiv(a, b, d int64) int64 {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	// a < 2^63 and b <= d, so a*b < d*2^64, that is hi < d: Div64 cannot panic.
	q, _ := bits.Div64(hi, lo, uint64(d))
	return int64(q)
}

// addInt64 returns a+b and whether it did not overflow.
func addInt64(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}
