package council

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

var citationCases = []struct {
	in          string
	plan, claus string
}{
	{"ino:第5条", "ino", "第5条"},
	{"kumamoto:4(1)(イ)", "kumamoto", "4(1)(イ)"},
	{"tottori:第3-5(2)", "tottori", "第3-5(2)"},
	{"tottori:別表3-4", "tottori", "別表3-4"},
	{"kumiyama:第18条1項", "kumiyama", "第18条1項"},
	{"nakano:ICT-BCP 6(3)エ", "nakano", "ICT-BCP 6(3)エ"},
	{"nakano:統合仮想サーバ 3(4)①ア", "nakano", "統合仮想サーバ 3(4)①ア"},
	{"vendor-x_1:a:b", "vendor-x_1", "a:b"},
}

var badCitations = []string{"", "ino", ":第5条", "ino:", "Ino:第5条", "ino: 第5条", "ino:第5条 ", "in o:x", "いの:第5条"}

func TestParseCitation(t *testing.T) {
	for _, tc := range citationCases {
		t.Run(tc.in, func(t *testing.T) {
			c, err := ParseCitation(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if c.Plan() != tc.plan || c.Clause() != tc.claus || c.String() != tc.in {
				t.Errorf("got plan %q clause %q string %q", c.Plan(), c.Clause(), c)
			}
			if c != Cite(tc.plan, tc.claus) {
				t.Errorf("ParseCitation(%q) != Cite(%q, %q)", tc.in, tc.plan, tc.claus)
			}
			b, err := c.MarshalText()
			if err != nil || string(b) != tc.in {
				t.Errorf("MarshalText = %q, %v", b, err)
			}
			var d Citation
			if err := d.UnmarshalText(b); err != nil || d != c {
				t.Errorf("UnmarshalText = %v, %v", d, err)
			}
		})
	}
	for _, s := range badCitations {
		t.Run("bad/"+s, func(t *testing.T) {
			if _, err := ParseCitation(s); !errors.Is(err, ErrCitation) {
				t.Errorf("ParseCitation(%q) error = %v; want ErrCitation", s, err)
			}
			d := Cite(PlanIno, "第1条")
			if err := d.UnmarshalText([]byte(s)); err == nil || d != Cite(PlanIno, "第1条") {
				t.Errorf("UnmarshalText(%q) = %v and changed the value to %v", s, err, d)
			}
		})
	}
	var zero Citation
	if zero.IsValid() || zero.String() != "" {
		t.Error("zero Citation is valid or prints")
	}
	if _, err := zero.MarshalText(); !errors.Is(err, ErrCitation) {
		t.Errorf("MarshalText(zero) error = %v", err)
	}
}

// genCitation draws valid citations from a small alphabet so repeats occur.
func genCitation() *rapid.Generator[Citation] {
	return rapid.Custom(func(t *rapid.T) Citation {
		plan := rapid.SampledFrom(referencePlans()).Draw(t, "plan")
		clause := rapid.SampledFrom([]string{"第1条", "第2条", "3", "別紙1", "第3-6(1)"}).Draw(t, "clause")
		return Cite(plan, clause)
	})
}

func TestCitationsProperties(t *testing.T) {
	t.Run("CitesDropsZeroAndRepeats", rapid.MakeCheck(func(t *rapid.T) {
		in := rapid.SliceOf(rapid.OneOf(genCitation(), rapid.Just(Citation{}))).Draw(t, "in")
		cs := Cites(in...)
		var want []Citation
		for _, c := range in {
			if c.IsValid() && !slices.Contains(want, c) {
				want = append(want, c)
			}
		}
		if diff := cmp.Diff(want, cs.Slice(), cmpopts.EquateEmpty(), cmp.Comparer(func(a, b Citation) bool { return a == b })); diff != "" {
			t.Fatalf("Cites (-want +got):\n%s", diff)
		}
		if cs.Len() != len(want) {
			t.Fatalf("Len = %d; want %d", cs.Len(), len(want))
		}
		for i, c := range cs.All() {
			if cs.At(i) != c || !cs.Contains(c) {
				t.Fatalf("At(%d) = %v; All gave %v", i, cs.At(i), c)
			}
		}
		if cs.At(-1).IsValid() || cs.At(cs.Len()).IsValid() {
			t.Fatal("At out of range is valid")
		}
	}))
	// Long lists take the map path of Cites: the same answer as a scan.
	t.Run("CitesLongListsAsAScan", rapid.MakeCheck(func(t *rapid.T) {
		clause := rapid.Custom(func(t *rapid.T) Citation {
			if rapid.IntRange(0, 9).Draw(t, "zero") == 0 {
				return Citation{}
			}
			return Cite(PlanTottori, fmt.Sprint("第", rapid.IntRange(1, 80).Draw(t, "clause"), "条"))
		})
		in := rapid.SliceOfN(clause, smallCites-2, 4*smallCites).Draw(t, "in")
		var want []Citation
		for _, c := range in {
			if c.IsValid() && !slices.Contains(want, c) {
				want = append(want, c)
			}
		}
		if got := Cites(in...).Slice(); !slices.Equal(got, want) {
			t.Fatalf("Cites(%d citations) = %v; want %v", len(in), got, want)
		}
	}))
	t.Run("Immutable", rapid.MakeCheck(func(t *rapid.T) {
		in := rapid.SliceOfN(genCitation(), 1, 8).Draw(t, "in")
		cs := Cites(in...)
		before := cs.Slice()
		in[0] = Cite("x", "mutated")
		s := cs.Slice()
		s[0] = Cite("y", "mutated")
		more := genCitation().Draw(t, "more")
		if w := cs.With(more); !w.Contains(more) || w.Len() < cs.Len() {
			t.Fatalf("%v.With(%v) = %v", cs, more, w)
		}
		other := genCitation().Draw(t, "other")
		if j := cs.Join(Cites(other)); !j.Contains(other) || j.Len() < cs.Len() {
			t.Fatalf("%v.Join(%v) = %v", cs, other, j)
		}
		if !cs.Equal(Cites(before...)) {
			t.Fatalf("citations changed: %v; want %v", cs, before)
		}
	}))
	t.Run("JoinKeepsOrderAndIsIdempotent", rapid.MakeCheck(func(t *rapid.T) {
		a := Cites(rapid.SliceOf(genCitation()).Draw(t, "a")...)
		b := Cites(rapid.SliceOf(genCitation()).Draw(t, "b")...)
		j := a.Join(b)
		for i, c := range a.All() {
			if j.At(i) != c {
				t.Fatalf("Join does not start with a")
			}
		}
		for _, c := range b.All() {
			if !j.Contains(c) {
				t.Fatalf("Join lost %v", c)
			}
		}
		if !j.Join(b).Equal(j) || !j.Join(a).Equal(j) {
			t.Fatal("Join not idempotent")
		}
		plans := j.Plans()
		if !slices.IsSorted(plans) || len(slices.Compact(slices.Clone(plans))) != len(plans) {
			t.Fatalf("Plans not sorted and distinct: %v", plans)
		}
	}))
	t.Run("JSONRoundTrip", rapid.MakeCheck(func(t *rapid.T) {
		cs := Cites(rapid.SliceOf(genCitation()).Draw(t, "cs")...)
		b, err := json.Marshal(cs)
		if err != nil {
			t.Fatal(err)
		}
		var got Citations
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if !got.Equal(cs) {
			t.Fatalf("JSON round trip: %v; want %v (%s)", got, cs, b)
		}
	}))
}

func TestCitationsJSON(t *testing.T) {
	var zero Citations
	if b, err := json.Marshal(zero); err != nil || string(b) != "[]" {
		t.Errorf("Marshal(zero) = %s, %v", b, err)
	}
	cs := Cites(Cite(PlanIno, "第5条"), Cite(PlanIno, "第12条"))
	if got := cs.String(); got != "ino:第5条, ino:第12条" {
		t.Errorf("String = %q", got)
	}
	for _, bad := range []string{`["ino:第5条","bad"]`, `{}`, `[1]`, `nope`} {
		var got Citations
		if err := json.Unmarshal([]byte(bad), &got); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
	var got Citations
	err := json.Unmarshal([]byte(`["ino:第5条","bad"]`), &got)
	if !errors.Is(err, ErrCitation) || !strings.Contains(err.Error(), "citations[1]") {
		t.Errorf("error %v does not name index 1 or wrap ErrCitation", err)
	}
}

// longCitations are n distinct clauses of one plan, each given twice.
func longCitations(n int) []Citation {
	cs := make([]Citation, 0, 2*n)
	for i := range 2 * n {
		cs = append(cs, Cite(PlanNakano, fmt.Sprintf("ICT-BCP 別紙%d", i%n)))
	}
	return cs
}

// Long lists: a list ten times as long costs Cites at most ten times the
// allocations, and lookups in the result allocate nothing. (Its time, which
// allocations do not show, is BenchmarkCites's.)
func TestCitesLinear(t *testing.T) {
	small, large := longCitations(1000), longCitations(10000)
	a := testing.AllocsPerRun(5, func() { Cites(small...) })
	b := testing.AllocsPerRun(5, func() { Cites(large...) })
	if b > 10*a {
		t.Errorf("allocations: %v for 2,000 citations, %v for 20,000", a, b)
	}
	cs := Cites(large...)
	if cs.Len() != 10000 {
		t.Fatalf("Len = %d; want 10000", cs.Len())
	}
	c := large[len(large)-1]
	if n := testing.AllocsPerRun(10, func() {
		d := cs
		if !d.Contains(c) || d.At(9999) != c || d.Len() != 10000 {
			t.Fatal("lookup failed")
		}
	}); n != 0 {
		t.Errorf("lookups allocate %v times", n)
	}
}

// BenchmarkCites builds lists of 10³, 10⁴ and 10⁵ distinct citations (each
// given twice); ns/citation stays flat when Cites is linear.
func BenchmarkCites(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		cs := longCitations(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Cites(cs...)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cs)), "ns/citation")
		})
	}
}
