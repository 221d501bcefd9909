package enum

import (
	"iter"
	"math/bits"
)

// Bit returns the bit for v in a 64-bit set, or 0 when v cannot be a member
// (zero, the unset value, or past 63).
func Bit[E Value](v E) uint64 {
	if v == 0 || v > 63 {
		return 0
	}
	return 1 << v
}

// Members yields the values whose bits are set, in ascending order.
func Members[E Value](set uint64) iter.Seq[E] {
	return func(yield func(E) bool) {
		for s := set &^ 1; s != 0; s &= s - 1 {
			if !yield(E(bits.TrailingZeros64(s))) {
				return
			}
		}
	}
}

// Count is the number of members of set.
func Count(set uint64) int { return bits.OnesCount64(set &^ 1) }

// FormatSet returns the members of set as "{a b c}", each named by its
// String method, in ascending order; the empty set is "{}".
func FormatSet[E interface {
	Value
	String() string
}](set uint64) string {
	b := []byte{'{'}
	for v := range Members[E](set) {
		if len(b) > 1 {
			b = append(b, ' ')
		}
		b = append(b, v.String()...)
	}
	return string(append(b, '}'))
}

// MaxValue is the largest value a bitset holds: the limit of an open enum's
// plan-declared values ([Table.Open]).
const MaxValue = 63
