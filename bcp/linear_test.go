package bcp

// Inputs built to stress the library (issue 12) and the benchmarks that show
// it stays linear on them: each benchmark runs a size series (1×, 10×, 100×)
// and reports the cost per unit of input, which stays flat when the work is
// linear.

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// manyCitations is nakano's plan with n distinct citations (and n/10
// repeats of them) added to the citation list of its first council.
func manyCitations(tb testing.TB, n int) []byte {
	data, err := os.ReadFile(filepath.Join("reference", "nakano.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	for i := range n + n/10 {
		fmt.Fprintf(&b, "\n          \"nakano:ICT-BCP 6(1)ア 別紙%d\",", i%n)
	}
	const list = `"cites": [`
	at := pastVocabulary(string(data))
	at += bytes.Index(data[at:], []byte(list)) + len(list)
	return slices.Concat(data[:at], b.Bytes(), data[at:])
}

func TestManyCitationsParse(t *testing.T) {
	p, err := ParsePlan(manyCitations(t, 1000))
	if err != nil {
		t.Fatal(err)
	}
	// The repeats are dropped, the first of each kept in order.
	cs := p.Organization.Councils[0].Cites
	if cs.Len() != 1001 || cs.At(0).Clause() != "ICT-BCP 6(1)ア 別紙0" || cs.At(999).Clause() != "ICT-BCP 6(1)ア 別紙999" || cs.At(1000).Clause() != "ICT-BCP 6(1)ア" {
		t.Errorf("%d citations: %v … %v", cs.Len(), cs.At(0), cs.At(cs.Len()-1))
	}
}

// BenchmarkParsePlanCitations parses plans with 10³, 10⁴ and 10⁵
// citations in one list; ns/citation stays flat when parsing is linear.
func BenchmarkParsePlanCitations(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		data := manyCitations(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := ParsePlan(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/citation")
		})
	}
}

// BenchmarkOrderVsSort is Order on 10⁵ systems next to its floor, a stable
// sort of a copy of the same systems by (scale, ID): the order must stay
// within 1.5× the sort (issue 12). "sort" and "order" time each alone;
// "ratio" runs them in turn in one loop, so that both see the same machine
// load, and reports order-time/sort-time in wall time and, where measured,
// in the process's CPU time (steadier on a busy machine).
func BenchmarkOrderVsSort(b *testing.B) {
	systems := benchSystems(100_000)
	floor := func() {
		s := slices.Clone(systems)
		slices.SortStableFunc(s, func(a, b System) int {
			return cmp.Or(a.Scale.Compare(b.Scale), strings.Compare(a.ID, b.ID))
		})
	}
	order := func() {
		if _, err := Order(systems, OrderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("sort", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			floor()
		}
	})
	b.Run("order", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			order()
		}
	})
	b.Run("ratio", func(b *testing.B) {
		var ws, wo, cs, co time.Duration
		for b.Loop() {
			c0, t0 := processCPU(), time.Now()
			floor()
			c1, t1 := processCPU(), time.Now()
			order()
			c2, t2 := processCPU(), time.Now()
			ws, wo, cs, co = ws+t1.Sub(t0), wo+t2.Sub(t1), cs+c1-c0, co+c2-c1
		}
		b.ReportMetric(float64(wo)/float64(ws), "order/sort")
		if cs > 0 {
			b.ReportMetric(float64(co)/float64(cs), "order/sort-cpu")
		}
	})
}

// collisionBits is how many low bits of an unseeded FNV-1a hash (the ID
// table's before issue 12) the IDs of collidingIDs share: enough for a
// table of a million slots.
const collisionBits = 20

// fnvHash is the 64-bit FNV-1a hash of s.
func fnvHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// idSuffix spells k < 36⁴ as four letters or digits.
func idSuffix(k int) string {
	const digits = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 4)
	for j := range b {
		b[j] = digits[k%36]
		k /= 36
	}
	return string(b)
}

// collidingIDs returns n distinct IDs "sys-I-SSSS" whose FNV-1a hashes have
// their low collisionBits bits all zero, so that they all land in one slot
// of any power-of-two table hashed that way. The low bits of FNV-1a depend
// only on the low bits of its state, and each byte's step is invertible, so
// the suffix that takes each prefix's state to zero is found by walking every
// suffix backwards from zero once.
func collidingIDs(n int) []string {
	const mask = 1<<collisionBits - 1
	inv := uint64(1099511628211) // the FNV prime's inverse mod 2⁶⁴, by Newton's iteration
	for range 6 {
		inv *= 2 - 1099511628211*inv
	}
	pre := make([]int32, 1<<collisionBits) // state → a suffix taking it to 0, or -1
	for i := range pre {
		pre[i] = -1
	}
	for k := range 36 * 36 * 36 * 36 {
		suf := idSuffix(k)
		h := uint64(0)
		for j := len(suf) - 1; j >= 0; j-- {
			h = (h*inv ^ uint64(suf[j])) & mask
		}
		if pre[h] < 0 {
			pre[h] = int32(k)
		}
	}
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		p := fmt.Sprint("sys-", i, "-")
		if k := pre[fnvHash(p)&mask]; k >= 0 {
			out = append(out, p+idSuffix(int(k)))
		}
	}
	return out
}

// ordinaryIDs returns n distinct IDs of the same form as collidingIDs'.
func ordinaryIDs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint("sys-", i, "-", idSuffix(i*7919%(36*36*36*36)))
	}
	return out
}

func TestCollidingIDs(t *testing.T) {
	ids := collidingIDs(1000)
	if len(ids) != 1000 || len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 1000 {
		t.Fatalf("%d IDs, not all distinct", len(ids))
	}
	for _, id := range ids {
		if h := fnvHash(id); h&(1<<collisionBits-1) != 0 {
			t.Fatalf("%q hashes to %#x", id, h)
		}
	}
}

// planWithIDs is nakano's plan with its inventory replaced by systems named
// ids: the first the IaaS, the others hosted on it, each depending on up to
// two earlier ones (benchSystems with these IDs). It returns the plan and its
// file.
func planWithIDs(tb testing.TB, ids []string) (Plan, []byte) {
	p := Nakano()
	systems := benchSystems(len(ids))
	rename := make(map[string]string, len(ids))
	for i := range systems {
		rename[systems[i].ID] = ids[i]
	}
	cites := p.Continuity.Inventory.Systems[0].Citations
	for i := range systems {
		s := &systems[i]
		s.ID, s.Citations = ids[i], cites
		for k, d := range s.DependsOn {
			s.DependsOn[k] = rename[d]
		}
	}
	inv := *p.Continuity.Inventory
	inv.Systems = systems
	p.Continuity.Inventory = &inv
	data, err := p.MarshalJSON()
	if err != nil {
		tb.Fatal(err)
	}
	return p, data
}

func TestPlanWithCollidingIDs(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  []string
	}{{"ordinary", ordinaryIDs(300)}, {"colliding", collidingIDs(300)}} {
		t.Run(tc.name, func(t *testing.T) {
			ids := tc.ids
			p, data := planWithIDs(t, ids)
			q, err := ParsePlan(data)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(q.Continuity.Inventory.Systems); got != len(ids) {
				t.Fatalf("%d systems parsed; want %d", got, len(ids))
			}
			for _, f := range Check(p) {
				if f.Severity == SeverityError {
					t.Fatalf("Check: %v", f)
				}
			}
		})
	}
}

// BenchmarkCollidingIDs parses and checks plans of 10³, 10⁴ and 10⁵
// systems whose IDs are ordinary or crafted to collide in an unseeded
// FNV-1a table; the colliding IDs must cost at most twice the ordinary
// ones, and ns/system stay flat (drill.BenchmarkRunManySystems runs
// drills under such plans).
func BenchmarkCollidingIDs(b *testing.B) {
	for _, kind := range []string{"ordinary", "colliding"} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			b.Run(fmt.Sprint(kind, "/", n), func(b *testing.B) {
				ids := ordinaryIDs(n)
				if kind == "colliding" {
					ids = collidingIDs(n)
				}
				p, data := planWithIDs(b, ids)
				perSystem := func(b *testing.B) {
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/system")
				}
				b.Run("ParsePlan", func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := ParsePlan(data); err != nil {
							b.Fatal(err)
						}
					}
					perSystem(b)
				})
				b.Run("Check", func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						Check(p)
					}
					perSystem(b)
				})
			})
		}
	}
}
