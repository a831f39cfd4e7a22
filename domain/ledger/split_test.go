package ledger_test

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/livemarket/livemarket/domain/ledger"
)

// floorBps is floor(total*bps/10000) computed with big integers.
func floorBps(total int64, bps int) int64 {
	p := new(big.Int).Mul(big.NewInt(total), big.NewInt(int64(bps)))
	return p.Quo(p, big.NewInt(10000)).Int64()
}

func TestSplitExamples(t *testing.T) {
	t.Parallel()
	const half = math.MaxInt64 / 2
	tests := []struct {
		name            string
		total           int64
		commission, fee int
		want            ledger.Parts
	}{
		{"zero total", 0, 1500, 1000, ledger.Parts{}},
		{"one minor unit", 1, 1000, 1000, ledger.Parts{Vendor: 1}},
		{"one minor unit, all rates", 1, 5000, 5000, ledger.Parts{Vendor: 1}},
		{"333 at 10% and 5%", 333, 1000, 500, ledger.Parts{Vendor: 284, Influencer: 33, Platform: 16}},
		{"333 at thirds", 333, 3333, 3333, ledger.Parts{Vendor: 113, Influencer: 110, Platform: 110}},
		{"1 bps and 9999 bps", 10000, 1, 9999, ledger.Parts{Vendor: 0, Influencer: 1, Platform: 9999}},
		{"1 bps of a small total", 9999, 1, 0, ledger.Parts{Vendor: 9999}},
		{"9999 bps", 999, 9999, 0, ledger.Parts{Vendor: 1, Influencer: 998}},
		{"zero rates", 12345, 0, 0, ledger.Parts{Vendor: 12345}},
		{"commission only", 12345, 10000, 0, ledger.Parts{Influencer: 12345}},
		{"fee only", 12345, 0, 10000, ledger.Parts{Platform: 12345}},
		{"commission+fee = 10000, odd total", 101, 5000, 5000, ledger.Parts{Vendor: 1, Influencer: 50, Platform: 50}},
		{"commission+fee = 10000, 3333/6667", 333, 3333, 6667, ledger.Parts{Vendor: 1, Influencer: 110, Platform: 222}},
		{"1e15", 1_000_000_000_000_000, 1234, 567, ledger.Parts{Vendor: 819_900_000_000_000, Influencer: 123_400_000_000_000, Platform: 56_700_000_000_000}},
		{"MaxInt64, all commission (no overflow)", math.MaxInt64, 10000, 0, ledger.Parts{Influencer: math.MaxInt64}},
		{"MaxInt64 halves", math.MaxInt64, 5000, 5000, ledger.Parts{Vendor: 1, Influencer: half, Platform: half}},
		{"MaxInt64 at 9999 bps", math.MaxInt64, 9999, 1, ledger.Parts{Vendor: 1, Influencer: floorBps(math.MaxInt64, 9999), Platform: floorBps(math.MaxInt64, 1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ledger.Split(tt.total, tt.commission, tt.fee)
			if got != tt.want {
				t.Fatalf("Split(%d, %d, %d) = %+v, want %+v", tt.total, tt.commission, tt.fee, got, tt.want)
			}
			if got.Total() != tt.total {
				t.Fatalf("parts sum to %d, want %d", got.Total(), tt.total)
			}
		})
	}
}

func mustPanic(t *testing.T, name string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s did not panic", name)
		}
	}()
	f()
}

func TestSplitRefusesBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name            string
		total           int64
		commission, fee int
	}{
		{"negative total", -1, 0, 0},
		{"negative commission", 100, -1, 0},
		{"negative fee", 100, 0, -1},
		{"commission above 100%", 100, 10001, 0},
		{"fee above 100%", 100, 0, 10001},
		{"commission+fee above 100%", 100, 5000, 5001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustPanic(t, "Split", func() { ledger.Split(tt.total, tt.commission, tt.fee) })
			if tt.total >= 0 {
				if err := ledger.CheckRates(tt.commission, tt.fee); !errors.Is(err, ledger.ErrInvalid) {
					t.Fatalf("CheckRates = %v, want ErrInvalid", err)
				}
			}
		})
	}
	if err := ledger.CheckRates(10000, 0); err != nil {
		t.Fatalf("CheckRates(10000, 0) = %v", err)
	}
}

// randomRates returns rates in range, biased towards the edges.
func randomRates(r *rand.Rand) (commission, fee int) {
	switch r.IntN(6) {
	case 0:
		return 0, 0
	case 1:
		c := r.IntN(10001)
		return c, 10000 - c
	case 2:
		return 9999, r.IntN(2)
	case 3:
		return r.IntN(2), 9999
	}
	commission = r.IntN(10001)
	return commission, r.IntN(10001 - commission)
}

func randomTotal(r *rand.Rand) int64 {
	switch r.IntN(4) {
	case 0:
		return r.Int64N(1000)
	case 1:
		return r.Int64N(1_000_000_000)
	case 2:
		return r.Int64N(1_000_000_000_000_000 + 1) // up to 1e15
	}
	return math.MaxInt64 - r.Int64N(1_000_000) // products overflow int64
}

func TestSplitProperties(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200_000; i++ {
		total := randomTotal(r)
		c, f := randomRates(r)
		p := ledger.Split(total, c, f)
		if p.Vendor < 0 || p.Influencer < 0 || p.Platform < 0 {
			t.Fatalf("Split(%d, %d, %d) = %+v: negative part", total, c, f, p)
		}
		if p.Total() != total {
			t.Fatalf("Split(%d, %d, %d) = %+v: sums to %d", total, c, f, p, p.Total())
		}
		if want := floorBps(total, c); p.Influencer != want {
			t.Fatalf("Split(%d, %d, %d): influencer %d, want floor %d", total, c, f, p.Influencer, want)
		}
		if want := floorBps(total, f); p.Platform != want {
			t.Fatalf("Split(%d, %d, %d): platform %d, want floor %d", total, c, f, p.Platform, want)
		}
	}
}

// randomRefunds cuts quantity into a random sequence of positive steps.
func randomRefunds(r *rand.Rand, quantity int64) []int64 {
	var steps []int64
	for left := quantity; left > 0; {
		n := 1 + r.Int64N(left)
		if r.IntN(3) > 0 { // mostly small steps
			n = 1 + r.Int64N(min(left, 3))
		}
		steps = append(steps, n)
		left -= n
	}
	return steps
}

func TestRefundPartsProperties(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 50_000; i++ {
		var unit int64
		switch r.IntN(3) {
		case 0:
			unit = 1 + r.Int64N(10)
		case 1:
			unit = 1 + r.Int64N(100_000)
		default:
			unit = 1 + r.Int64N(10_000_000_000_000) // up to 1e13, times quantity up to 1e15
		}
		quantity := 1 + r.Int64N(100)
		c, f := randomRates(r)
		orig := ledger.Split(unit*quantity, c, f)

		var sum ledger.Parts
		refunded := int64(0)
		for _, n := range randomRefunds(r, quantity) {
			p := ledger.RefundParts(unit, quantity, refunded, refunded+n, c, f)
			if p.Vendor < 0 || p.Influencer < 0 || p.Platform < 0 {
				t.Fatalf("unit %d x %d at %d/%d: refund %d..%d = %+v: negative part", unit, quantity, c, f, refunded, refunded+n, p)
			}
			if p.Total() != unit*n {
				t.Fatalf("unit %d x %d at %d/%d: refund %d..%d = %+v: sums to %d, want %d", unit, quantity, c, f, refunded, refunded+n, p, p.Total(), unit*n)
			}
			sum = sum.Add(p)
			if sum.Vendor > orig.Vendor || sum.Influencer > orig.Influencer || sum.Platform > orig.Platform {
				t.Fatalf("unit %d x %d at %d/%d: refunded %+v so far, more than posted %+v", unit, quantity, c, f, sum, orig)
			}
			refunded += n
		}
		if sum != orig {
			t.Fatalf("unit %d x %d at %d/%d: refunds sum to %+v, want the split %+v", unit, quantity, c, f, sum, orig)
		}
	}
}

// TestRefundPartsEdges covers the cases where the difference of two splits
// would not do: there Split(unit*after) - Split(unit*before) has a negative
// vendor part, or reverses more than the vendor was posted.
func TestRefundPartsEdges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name            string
		unit, quantity  int64
		commission, fee int
		steps           []int64
	}{
		{"thirds of 4999 bps", 1, 3, 4999, 4999, []int64{1, 1, 1}},
		{"halves at 100%", 3, 2, 5000, 5000, []int64{1, 1}},
		{"unit 1 at 100%", 1, 7, 3333, 6667, []int64{1, 2, 1, 3}},
		{"one step", 333, 9, 1000, 500, []int64{9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := ledger.Split(tt.unit*tt.quantity, tt.commission, tt.fee)
			var sum ledger.Parts
			at := int64(0)
			for _, n := range tt.steps {
				p := ledger.RefundParts(tt.unit, tt.quantity, at, at+n, tt.commission, tt.fee)
				if p.Vendor < 0 || p.Influencer < 0 || p.Platform < 0 || p.Total() != tt.unit*n {
					t.Fatalf("refund %d..%d = %+v", at, at+n, p)
				}
				sum = sum.Add(p)
				at += n
			}
			if sum != orig {
				t.Fatalf("refunds sum to %+v, want %+v", sum, orig)
			}
		})
	}
}

// TestSplitDifferenceIsNotEnough documents why RefundParts is not simply
// Split(unit*after) - Split(unit*before).
func TestSplitDifferenceIsNotEnough(t *testing.T) {
	t.Parallel()
	naive := ledger.Split(3, 4999, 4999).Sub(ledger.Split(2, 4999, 4999))
	if naive.Vendor >= 0 {
		t.Fatalf("naive refund of the third unit = %+v; expected a negative vendor part", naive)
	}
	if got := ledger.RefundParts(1, 3, 2, 3, 4999, 4999); got.Vendor < 0 || got.Total() != 1 {
		t.Fatalf("RefundParts = %+v", got)
	}
	// And the naive first half of a 100% line reverses more than the vendor got.
	orig := ledger.Split(6, 5000, 5000) // vendor 0
	if first := ledger.Split(3, 5000, 5000); first.Vendor <= orig.Vendor {
		t.Fatalf("Split(3) = %+v, Split(6) = %+v", first, orig)
	}
	if got := ledger.RefundParts(3, 2, 0, 1, 5000, 5000); got.Vendor > orig.Vendor {
		t.Fatalf("RefundParts = %+v reverses more than the vendor's %d", got, orig.Vendor)
	}
}

func TestPortionProperties(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 50_000; i++ {
		c, f := randomRates(r)
		total := randomTotal(r)
		if r.IntN(2) == 0 {
			total = r.Int64N(50)
		}
		orig := ledger.Split(total, c, f)
		// Refund arbitrary amounts (not whole units) in random steps.
		var sum ledger.Parts
		at := int64(0)
		for at < total {
			n := 1 + r.Int64N(total-at)
			if r.IntN(2) == 0 {
				n = 1 + r.Int64N(min(total-at, 5))
			}
			p := ledger.Portion(orig, at, at+n)
			if p.Vendor < 0 || p.Influencer < 0 || p.Platform < 0 || p.Total() != n {
				t.Fatalf("Portion(%+v, %d, %d) = %+v", orig, at, at+n, p)
			}
			sum = sum.Add(p)
			at += n
		}
		if sum != orig {
			t.Fatalf("portions of %+v sum to %+v", orig, sum)
		}
	}
}

func TestRefundPartsRefusesBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                          string
		unit, quantity, before, after int64
		commission, fee               int
	}{
		{"negative unit price", -1, 2, 0, 1, 0, 0},
		{"negative before", 10, 2, -1, 1, 0, 0},
		{"after before before", 10, 2, 2, 1, 0, 0},
		{"after beyond quantity", 10, 2, 0, 3, 0, 0},
		{"bad rates", 10, 2, 0, 1, 6000, 6000},
		{"line total overflows", math.MaxInt64 / 2, 3, 0, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := ledger.CheckRefund(tt.unit, tt.quantity, tt.before, tt.after, tt.commission, tt.fee); !errors.Is(err, ledger.ErrInvalid) {
				t.Fatalf("CheckRefund = %v, want ErrInvalid", err)
			}
			mustPanic(t, "RefundParts", func() {
				ledger.RefundParts(tt.unit, tt.quantity, tt.before, tt.after, tt.commission, tt.fee)
			})
		})
	}
}
