package threat

import (
	"testing"

	"pgregory.net/rapid"
)

// TestDeclaredOffsets checks the offsets table of the declared kinds
// (dense_declared.go) against the mixed radix it writes out: for a random
// plan, every combination of values of every declared kind (each value of
// each attribute, the one past its list and 15) has a cell exactly when the
// plan declares every value, and that cell is base + Σ stride·value over the
// attributes the kind is graded on, inside the kind's own range.
func TestDeclaredOffsets(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s, _ := drawDeclaredScheme(t)
		kinds, _ := s.Declarations()
		if len(s.declared.off) != len(kinds) {
			t.Fatalf("%d offset tables for %d declared kinds", len(s.declared.off), len(kinds))
		}
		base := 0
		for j := range kinds {
			read := s.read[DeclaredKind(j)]
			var stride [MaxDeclared]int
			size := 1
			for i := range MaxDeclared {
				if read.Has(DeclaredAttribute(i)) {
					stride[i] = size
					size *= int(s.lens[i]) + 1
				}
			}
			var tried [MaxDeclared][]uint8
			for i := range MaxDeclared {
				for x := range min(int(s.lens[i])+2, MaxDeclaredValues+1) {
					tried[i] = append(tried[i], uint8(x))
				}
				tried[i] = append(tried[i], MaxDeclaredValues)
			}
			for _, x0 := range tried[0] {
				for _, x1 := range tried[1] {
					for _, x2 := range tried[2] {
						for _, x3 := range tried[3] {
							xs := [MaxDeclared]uint8{x0, x1, x2, x3}
							var v Values
							valid, want := true, base
							for i, x := range xs {
								v = v.With(i, x)
								valid = valid && x <= s.lens[i]
								want += stride[i] * int(x)
							}
							got, ok := s.declaredCell(DeclaredKind(j), 0, 0, 0, 0, v)
							switch {
							case ok != valid:
								t.Fatalf("kind %d, values %v (of %v): a cell is %t; want %t", j, xs, s.lens, ok, valid)
							case valid && (got != want || got < base || got >= base+size):
								t.Fatalf("kind %d, values %v: cell %d; want %d in [%d, %d)", j, xs, got, want, base, base+size)
							case !valid && got < len(s.declared.partial):
								t.Fatalf("kind %d, values %v: an undeclared value sums to cell %d", j, xs, got)
							}
						}
					}
				}
			}
			base += size
		}
		if base != len(s.declared.partial) {
			t.Fatalf("the kinds' cells add up to %d; the tables hold %d", base, len(s.declared.partial))
		}
	})
}
