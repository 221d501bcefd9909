package bcp

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

// TestCompareGolden compares tottori with kumamoto against the structured
// result in testdata/compare/tottori-kumamoto.json (rewrite with -update):
// every field of every difference, whether String prints it or not.
func TestCompareGolden(t *testing.T) {
	got := DiffPlans(Tottori(), Kumamoto())
	name := filepath.Join("testdata", "compare", "tottori-kumamoto.json")
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data := goldens.Want(t, name, append(b, '\n'))
	var want Diff
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(council.Citations.Equal)); diff != "" {
		t.Errorf("Compare(tottori, kumamoto) mismatch (-want +got):\n%s", diff)
	}
}

// TestDiffString pins the format of Diff.String: one line per difference,
// "aspect key: A=value [citations] | B=value [citations]", "—" for a value a
// plan does not have, no brackets for a side without citations.
func TestDiffString(t *testing.T) {
	cite := func(id, clause string) council.Citation { return council.Cite(id, clause) }
	for _, tc := range []struct {
		name string
		d    Diff
		want string
	}{
		{"zero", Diff{}, ""},
		{"no differences", Diff{A: "tottori", B: "kumamoto"}, ""},
		{"both sides cited", Diff{A: "tottori", B: "kumamoto", Differences: []Difference{{
			Aspect: AspectLevel, Key: "virus-detected", A: "level-2", B: "not-covered",
			CitesA: council.Cites(cite("tottori", "第3-1")), CitesB: council.Cites(cite("kumamoto", "4(1)(イ)")),
		}}}, "level virus-detected: tottori=level-2 [tottori:第3-1] | kumamoto=not-covered [kumamoto:4(1)(イ)]\n"},
		{"one side empty, several citations", Diff{A: "tottori", B: "kumamoto", Differences: []Difference{
			{Aspect: AspectExample, Key: "data-corruption", A: "別表3", B: "",
				CitesA: council.Cites(cite("tottori", "第3-1"), cite("tottori", "別表3-1"))},
			{Aspect: AspectThreshold, Key: "fault.long", A: "", B: "1d"},
		}}, "example data-corruption: tottori=別表3 [tottori:第3-1, tottori:別表3-1] | kumamoto=—\n" +
			"threshold fault.long: tottori=— | kumamoto=1d\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.d.String()); diff != "" {
				t.Errorf("String() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCompareLevels names the level differences of tottori 第3-1 and
// kumamoto 4(1)(イ) one by one.
func TestCompareLevels(t *testing.T) {
	d := DiffPlans(Tottori(), Kumamoto())
	got := map[string][2]string{}
	for _, x := range d.Of(AspectLevel) {
		got[x.Key] = [2]string{x.A, x.B}
	}
	tests := []struct {
		name, key string
		want      [2]string
	}{
		{"tottori:第3-1/firewall-stopped-L2", "unauthorized-access firewall=stopped", [2]string{"level-2", ""}},
		{"kumamoto:4(1)(イ)/any-access-L3", "unauthorized-access", [2]string{"", "level-3"}},
		{"tottori:第3-1/antivirus-L2", "virus-detected", [2]string{"level-2", "not-covered"}},
		{"kumamoto:4(1)(イ)/forms-L3", "form-theft-or-loss", [2]string{"not-covered", "level-3"}},
		{"kumamoto:4(1)(イ)/credentials-L3", "credential-leak", [2]string{"not-covered", "level-3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got[tt.key] != tt.want {
				t.Errorf("%s: got %q, want %q", tt.key, got[tt.key], tt.want)
			}
		})
	}
	// Both grade an intrusion by the place in the same way: no difference.
	for _, k := range []string{"intrusion place=unrelated", "intrusion place=related", "intrusion place=protected"} {
		if v, ok := got[k]; ok {
			t.Errorf("%s: unexpected level difference %q", k, v)
		}
	}
}

// TestCompareSelf: a plan does not differ from itself, nor from a copy
// whose lists are in another order; and Compare(a, b) is Compare(b, a) with
// the sides swapped.
func TestCompareSelf(t *testing.T) {
	plans := ReferencePlans()
	for _, p := range plans {
		if d := DiffPlans(p, p); !d.Empty() {
			t.Errorf("Compare(%s, %s) not empty:\n%s", p.ID, p.ID, d)
		}
	}
	t.Run("OrderIndependent", rapid.MakeCheck(func(t *rapid.T) {
		a := rapid.SampledFrom(plans).Draw(t, "a")
		b := rapid.SampledFrom(plans).Draw(t, "b").Clone()
		want := DiffPlans(a, b)
		permute(t, &b)
		if diff := cmp.Diff(want, DiffPlans(a, b)); diff != "" {
			t.Fatalf("Compare depends on list order (-want +got):\n%s", diff)
		}
		if d := DiffPlans(b, b); !d.Empty() {
			t.Fatalf("a permuted plan differs from itself:\n%s", d)
		}
	}))
	t.Run("Symmetric", rapid.MakeCheck(func(t *rapid.T) {
		a := rapid.SampledFrom(plans).Draw(t, "a")
		b := rapid.SampledFrom(plans).Draw(t, "b")
		ab, ba := DiffPlans(a, b), DiffPlans(b, a)
		if len(ab.Differences) != len(ba.Differences) {
			t.Fatalf("%d differences one way, %d the other", len(ab.Differences), len(ba.Differences))
		}
		for i, x := range ab.Differences {
			y := ba.Differences[i]
			y.A, y.B, y.CitesA, y.CitesB, y.LabelA, y.LabelB = y.B, y.A, y.CitesB, y.CitesA, y.LabelB, y.LabelA
			y.ReadingA, y.ReadingB = y.ReadingB, y.ReadingA
			y.ReadingAJA, y.ReadingBJA = y.ReadingBJA, y.ReadingAJA
			if diff := cmp.Diff(x, y); diff != "" {
				t.Fatalf("difference %d not mirrored (-ab +ba swapped):\n%s", i, diff)
			}
		}
	}))
}

// TestCompareNoMerge: each side's citations are of its own plan.
func TestCompareNoMerge(t *testing.T) {
	for _, a := range ReferencePlans() {
		for _, b := range ReferencePlans() {
			for _, x := range DiffPlans(a, b).Differences {
				for side, cs := range map[string]council.Citations{a.ID: x.CitesA, b.ID: x.CitesB} {
					for _, c := range cs.All() {
						if c.Plan() != side {
							t.Errorf("%s vs %s: %s %s: citation %s on the %s side", a.ID, b.ID, x.Aspect, x.Key, c, side)
						}
					}
				}
				if !x.Aspect.IsValid() || x.Key == "" || x.A == x.B {
					t.Errorf("%s vs %s: malformed difference %+v", a.ID, b.ID, x)
				}
			}
		}
	}
}

func TestAspectText(t *testing.T) {
	for _, a := range AllAspects() {
		for _, s := range []string{a.String(), a.Label()} {
			if b, err := ParseAspect(s); err != nil || b != a {
				t.Errorf("%q parses to %v, %v", s, b, err)
			}
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	t, k := Tottori(), Kumamoto()
	b.ReportAllocs()
	for b.Loop() {
		DiffPlans(t, k)
	}
}
