package bcp

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

// app is a business system with the given scale and no other attributes.
func app(id string, s ImpactScale, deps ...string) System {
	return System{ID: id, Name: "システム" + id, Owner: "情報システム課", Kind: Application, Scale: s, DependsOn: deps}
}

func ids(ps []Position) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestNakanoPreset(t *testing.T) {
	raw, err := os.ReadFile("testdata/fig4.tsv")
	if err != nil {
		t.Fatal(err)
	}
	inv := nakanoInventory()
	if inv.Plan != council.PlanNakano {
		t.Errorf("Plan = %q", inv.Plan)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if got := len(inv.Systems) - 1; got != len(lines) || got != 38 {
		t.Fatalf("preset holds %d 図4 systems; the figure lists %d (want 38)", got, len(lines))
	}
	for i, line := range lines {
		f := strings.Split(line, "\t")
		n, _ := strconv.Atoi(f[0])
		s := inv.Systems[i+1]
		t.Run(fmt.Sprintf("nakano:統合仮想サーバ 図4/%d", n), func(t *testing.T) {
			if want := fmt.Sprintf("fig4-%02d", n); s.ID != want {
				t.Errorf("ID = %q; want %q", s.ID, want)
			}
			if s.Name != f[1] || s.Owner != f[2] {
				t.Errorf("got %q owned by %q; 図4 lists %q owned by %q", s.Name, s.Owner, f[1], f[2])
			}
			if s.Scale != Unassessed {
				t.Errorf("Scale = %v; the source says 調整中", s.Scale)
			}
			if !s.Hosted {
				t.Error("a 図4 system runs on the IaaS")
			}
			wantKind := Application
			if n == 2 {
				wantKind = Monitoring
			}
			if s.Kind != wantKind {
				t.Errorf("Kind = %v; want %v", s.Kind, wantKind)
			}
			if !s.Citations.Contains(council.Cite(council.PlanNakano, "統合仮想サーバ 図4")) {
				t.Errorf("citations %v lack 図4", s.Citations)
			}
			if err := s.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
	if p := inv.Systems[0]; p.ID != "iaas" || p.Kind != Platform || p.Hosted || p.Scale != Large {
		t.Errorf("Systems[0] = %+v; want the unhosted platform, large", p)
	}
	if !strings.Contains(inv.Note, "調整中") {
		t.Errorf("Note %q does not say the scales are undecided", inv.Note)
	}
	if err := inv.Validate(); err != nil {
		t.Error(err)
	}
}

func TestNakanoFresh(t *testing.T) {
	a := nakanoInventory()
	a.Systems[1].Name = "changed"
	a.Systems[2].DependsOn = append(a.Systems[2].DependsOn, "x")
	a.Systems = a.Systems[:3]
	b := nakanoInventory()
	if diff := cmp.Diff(nakanoInventory(), b, cmp.Comparer(council.Citations.Equal)); diff != "" {
		t.Errorf("presets differ (-want +got):\n%s", diff)
	}
	if b.Systems[1].Name != "中野区公式ホームページ" || len(b.Systems) != 39 || len(b.Systems[2].DependsOn) != 0 {
		t.Error("mutating one preset changed the next")
	}
}

func TestNakanoRefusedUntilAssessed(t *testing.T) {
	_, err := Order(nakanoInventory().Systems, OrderOptions{})
	ue, ok := errors.AsType[*UnassessedError](err)
	if !ok || !errors.Is(err, ErrUnassessed) {
		t.Fatalf("Order(nakanoInventory()) error = %v; want an UnassessedError", err)
	}
	if want := nakanoInventory().Unassessed(); !slices.Equal(ue.IDs, want) || len(want) != 38 {
		t.Errorf("error lists %v; want all 38 of 図4 %v", ue.IDs, want)
	}
	// The message names the first systems and counts the rest (the error
	// itself holds all 38).
	for _, part := range []string{"38 systems", "fig4-01", "fig4-08", "and 30 more"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not say %s", err, part)
		}
	}
	ps, err := Order(nakanoInventory().Systems, OrderOptions{Unassessed: AssumeLarge})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(ps)[:3]; !slices.Equal(got, []string{"iaas", "fig4-02", "fig4-01"}) {
		t.Errorf("first three = %v; want the IaaS, its monitoring, then 図4 by ID", got)
	}
	if !ps[2].Reasons.Has(ReasonPolicy) || ps[2].Effective != Large {
		t.Errorf("position 3 = %+v; want placed as large by policy", ps[2])
	}
}

func TestOrderClauses(t *testing.T) {
	platform := System{ID: "iaas", Name: "統合仮想サーバ環境", Owner: "情報システム課", Kind: Platform, Scale: Small}
	monitor := System{ID: "mon", Name: "監視サーバ", Owner: "情報システム課", Kind: Monitoring, Scale: Small, Hosted: true}
	hosted := func(s System) System { s.Hosted = true; return s }
	with := func(s System, f func(*System)) System { f(&s); return s }
	for _, tc := range []struct {
		name    string
		systems []System
		opts    OrderOptions
		want    []string
		check   func(t *testing.T, ps []Position)
	}{
		{
			name:    "nakano:統合仮想サーバ 4(7)/platform-before-hosted",
			systems: []System{hosted(app("a", Large)), platform, hosted(app("b", Medium))},
			want:    []string{"iaas", "a", "b"},
			check: func(t *testing.T, ps []Position) {
				if !ps[0].Reasons.Has(ReasonPlatform) || !ps[1].Reasons.Has(ReasonDependencies) {
					t.Errorf("reasons %v, %v", ps[0].Reasons, ps[1].Reasons)
				}
			},
		},
		{
			name:    "nakano:統合仮想サーバ 5(1)/monitoring-after-platform",
			systems: []System{hosted(app("a", Large)), monitor, platform},
			want:    []string{"iaas", "mon", "a"},
		},
		{
			name:    "nakano:統合仮想サーバ 4(6)/large-medium-small",
			systems: []System{app("s", Small), app("m", Medium), app("l", Large)},
			want:    []string{"l", "m", "s"},
		},
		{
			name: "nakano:統合仮想サーバ 4(5)/stopped-services-before-alternative",
			systems: []System{
				with(app("a", Medium), func(s *System) { s.Alternative = true }),
				app("b", Medium),
				with(app("c", Large), func(s *System) { s.Alternative = true }),
			},
			want: []string{"c", "b", "a"},
			check: func(t *testing.T, ps []Position) {
				if !ps[1].Reasons.Has(ReasonNoAlternative) || !ps[2].Reasons.Has(ReasonAlternative) {
					t.Errorf("reasons %v, %v", ps[1].Reasons, ps[2].Reasons)
				}
			},
		},
		{
			name: "nakano:統合仮想サーバ 4(6)/easier-recovery-first",
			systems: []System{
				with(app("a", Medium), func(s *System) { s.Difficulty = Hard }),
				app("b", Medium),
				with(app("c", Medium), func(s *System) { s.Difficulty = Easy }),
			},
			want: []string{"c", "a", "b"},
		},
		{
			name:    "nakano:統合仮想サーバ 4(6)/tie-break-by-id",
			systems: []System{app("b", Small), app("a", Small)},
			want:    []string{"a", "b"},
			check: func(t *testing.T, ps []Position) {
				if !ps[0].Reasons.Has(ReasonTieBreak) || !ps[1].Reasons.Has(ReasonTieBreak) {
					t.Errorf("reasons %v, %v", ps[0].Reasons, ps[1].Reasons)
				}
			},
		},
		{
			name: "target/orders-within-scale-only",
			systems: []System{
				with(app("a", Medium), func(s *System) { s.Target = 24 * time.Hour }),
				with(app("b", Medium), func(s *System) { s.Target = 4 * time.Hour }),
				app("c", Large),
				with(app("d", Small), func(s *System) { s.Target = time.Hour }),
				app("e", Medium),
			},
			want: []string{"c", "b", "a", "e", "d"},
		},
		{
			name: "target/platform-inherits-strictest",
			systems: []System{
				platform,
				hosted(with(app("a", Medium), func(s *System) { s.Target = 24 * time.Hour })),
				hosted(with(app("b", Small), func(s *System) { s.Target = 2 * time.Hour })),
				hosted(app("c", Large, "b")),
			},
			want: []string{"iaas", "b", "c", "a"},
			check: func(t *testing.T, ps []Position) {
				if ps[0].Target != 2*time.Hour || ps[0].TargetFrom != "b" || !ps[0].Reasons.Has(ReasonInherited) {
					t.Errorf("platform %+v; want the 2h target of b", ps[0])
				}
				if ps[1].RaisedBy != "c" || ps[1].Effective != Large || !ps[1].Reasons.Has(ReasonRaised) || !ps[1].Reasons.Has(ReasonTarget) {
					t.Errorf("b %+v; want raised to large by c, own target", ps[1])
				}
				if ps[2].Target != 0 || ps[2].TargetFrom != "" {
					t.Errorf("c %+v; a dependent does not inherit", ps[2])
				}
			},
		},
		{
			name:    "dependency/small-dependency-of-large-goes-first",
			systems: []System{app("m", Medium), app("l", Large, "s"), app("s", Small)},
			want:    []string{"s", "l", "m"},
		},
		{
			name:    "dependency/transitive",
			systems: []System{app("x", Large, "y"), app("y", Small, "z"), app("z", Small), app("m", Medium)},
			want:    []string{"z", "y", "x", "m"},
		},
		{
			name:    "policy/assessed-first",
			systems: []System{app("u", Unassessed), app("s", Small)},
			opts:    OrderOptions{Unassessed: AssessedFirst},
			want:    []string{"s", "u"},
		},
		{
			name:    "policy/assume-large",
			systems: []System{app("u", Unassessed), app("m", Medium)},
			opts:    OrderOptions{Unassessed: AssumeLarge},
			want:    []string{"u", "m"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Clauses = nakanoOrder()
			ps, err := Order(tc.systems, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, ids(ps)); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
			for i, p := range ps {
				if p.Rank != i+1 || p.Citations.Len() == 0 || !slices.Equal(p.Citations.Plans(), []string{"nakano"}) {
					t.Errorf("position %d: rank %d, citations %v", i, p.Rank, p.Citations)
				}
			}
			if tc.check != nil {
				tc.check(t, ps)
			}
		})
	}
}

// TestOrderCitesThePlan: a position cites the clauses the plan gives for its
// reasons, in the plan's order, and nothing without them: Order never cites
// a plan on its own.
func TestOrderCitesThePlan(t *testing.T) {
	cite := func(c string) council.Citation { return council.Cite("town", c) }
	systems := []System{
		{ID: "p", Name: "基盤", Owner: "情報課", Kind: Platform, Scale: Large},
		{ID: "a", Name: "住記", Owner: "住民課", Kind: Application, Scale: Medium, Hosted: true, Alternative: true},
	}
	for _, tc := range []struct {
		name    string
		clauses []OrderClause
		want    []string // citations of p, then a
	}{
		{"no clauses", nil, []string{"", ""}},
		{"one clause for every scale", []OrderClause{{Cite: cite("第9条"), Reasons: ReasonsOf(ReasonScale)}}, []string{"town:第9条", "town:第9条"}},
		{"the plan's order, not the reasons'", []OrderClause{
			{Cite: cite("第2条"), Reasons: ReasonsOf(ReasonAlternative, ReasonDependencies)},
			{Cite: cite("第1条"), Reasons: ReasonsOf(ReasonPlatform)},
			{Cite: cite("第3条"), Reasons: ReasonsOf(ReasonScale)},
		}, []string{"town:第1条, town:第3条", "town:第2条, town:第3条"}},
		{"a clause for no reason given is not cited", []OrderClause{{Cite: cite("第4条"), Reasons: ReasonsOf(ReasonTarget)}}, []string{"", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Order(systems, OrderOptions{Clauses: tc.clauses})
			if err != nil {
				t.Fatal(err)
			}
			got := []string{ps[0].Citations.String(), ps[1].Citations.String()}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("citations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOrderErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		systems []System
		is      error
		wants   []string
	}{
		{"cycle/two", []System{app("b", Large, "a"), app("a", Small, "b"), app("c", Small)}, ErrCycle, []string{"a → b → a"}},
		{"cycle/three-with-tail", []System{app("t", Large, "z"), app("z", Small, "y"), app("y", Small, "x"), app("x", Small, "z")}, ErrCycle, []string{"x → z → y → x"}},
		{"cycle/self", []System{app("a", Large, "a")}, ErrCycle, []string{"a → a"}},
		{"unknown-dependency", []System{app("a", Large, "nope")}, ErrInvalid, []string{`"nope"`}},
		{"duplicate-id", []System{app("a", Large), app("a", Small)}, ErrInvalid, []string{`ID "a" already used`}},
		{"every-problem", []System{{ID: "x"}, app("y", 9, "nope")}, ErrInvalid, []string{"empty name", "empty owner", "kind", `system "y": impact scale Scale(9)`, `depends on unknown system "nope"`}},
		{"unassessed", []System{app("b", Unassessed), app("a", Unassessed), app("c", Large)}, ErrUnassessed, []string{"a, b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Order(tc.systems, OrderOptions{})
			if !errors.Is(err, tc.is) {
				t.Fatalf("error = %v; want %v", err, tc.is)
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
	if _, err := Order(nil, OrderOptions{Unassessed: 7}); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown policy: error = %v", err)
	}
	if ps, err := Order(nil, OrderOptions{}); err != nil || len(ps) != 0 {
		t.Errorf("Order(nil) = %v, %v", ps, err)
	}
}

// genSystems draws a valid inventory with an acyclic dependency graph: each
// system depends only on systems drawn before it. allApps keeps every system
// an unhosted application.
func genSystems(allApps bool) *rapid.Generator[[]System] {
	return rapid.Custom(func(t *rapid.T) []System {
		n := rapid.IntRange(0, 14).Draw(t, "n")
		scales := []ImpactScale{Large, Medium, Small}
		targets := []time.Duration{0, 0, time.Hour, 4 * time.Hour, 24 * time.Hour}
		out := make([]System, n)
		for i := range out {
			s := app(fmt.Sprintf("s%02d", rapid.IntRange(0, 99).Draw(t, "id")), rapid.SampledFrom(scales).Draw(t, "scale"))
			s.ID = fmt.Sprintf("%s-%d", s.ID, i) // unique
			if !allApps {
				s.Kind = rapid.SampledFrom([]SystemKind{Application, Application, Application, Monitoring, Platform}).Draw(t, "kind")
				s.Hosted = rapid.Bool().Draw(t, "hosted")
			}
			s.Target = rapid.SampledFrom(targets).Draw(t, "target")
			s.Alternative = rapid.Bool().Draw(t, "alt")
			s.Difficulty = Difficulty(rapid.IntRange(0, 3).Draw(t, "difficulty"))
			if s.Kind == Platform {
				s.Hosted = false // the platform runs on nothing and needs nothing
			} else if i > 0 {
				for _, j := range rapid.SliceOfNDistinct(rapid.IntRange(0, i-1), 0, 3, rapid.ID[int]).Draw(t, "deps") {
					s.DependsOn = append(s.DependsOn, out[j].ID)
				}
			}
			out[i] = s
		}
		return out
	})
}

// closure returns, for each system, the IDs it depends on directly or not,
// counting a hosted system's dependency on every platform.
func closure(systems []System) map[string]map[string]bool {
	direct := map[string][]string{}
	for _, s := range systems {
		direct[s.ID] = slices.Clone(s.DependsOn)
		if s.Hosted {
			for _, p := range systems {
				if p.Kind == Platform && p.ID != s.ID {
					direct[s.ID] = append(direct[s.ID], p.ID)
				}
			}
		}
	}
	out := map[string]map[string]bool{}
	var visit func(root, id string)
	visit = func(root, id string) {
		for _, d := range direct[id] {
			if !out[root][d] {
				out[root][d] = true
				visit(root, d)
			}
		}
	}
	for _, s := range systems {
		out[s.ID] = map[string]bool{}
		visit(s.ID, s.ID)
	}
	return out
}

func TestGeneratedSystemsValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		for _, s := range genSystems(false).Draw(t, "systems") {
			if err := s.Validate(); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestOrderProperties(t *testing.T) {
	t.Run("TotalOrder", rapid.MakeCheck(func(t *rapid.T) {
		systems := genSystems(false).Draw(t, "systems")
		ps, err := Order(systems, OrderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(ps)
		want := make([]string, len(systems))
		for i, s := range systems {
			want[i] = s.ID
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("order holds %v; input %v", got, want)
		}
		for i, p := range ps {
			if p.Rank != i+1 {
				t.Fatalf("position %d has rank %d", i, p.Rank)
			}
		}
	}))
	t.Run("PermutationInvariant", rapid.MakeCheck(func(t *rapid.T) {
		systems := genSystems(false).Draw(t, "systems")
		perm := rapid.Permutation(systems).Draw(t, "perm")
		a, err1 := Order(systems, OrderOptions{})
		b, err2 := Order(perm, OrderOptions{})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if diff := cmp.Diff(a, b, cmp.Comparer(council.Citations.Equal)); diff != "" {
			t.Fatalf("order depends on input order (-want +got):\n%s", diff)
		}
	}))
	t.Run("DependenciesFirst", rapid.MakeCheck(func(t *rapid.T) {
		systems := genSystems(false).Draw(t, "systems")
		ps, err := Order(systems, OrderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		pos := map[string]int{}
		for i, p := range ps {
			pos[p.ID] = i
		}
		for id, deps := range closure(systems) {
			for d := range deps {
				if pos[d] >= pos[id] {
					t.Fatalf("%s placed at %d, not after its dependency %s at %d", id, pos[id], d, pos[d])
				}
			}
		}
	}))
	t.Run("ScaleUnlessDependency", rapid.MakeCheck(func(t *rapid.T) {
		systems := genSystems(true).Draw(t, "systems")
		ps, err := Order(systems, OrderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		deps := closure(systems)
		scale := map[string]ImpactScale{}
		for _, s := range systems {
			scale[s.ID] = s.Scale
		}
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				a, b := ps[i].ID, ps[j].ID
				if scale[a] <= scale[b] {
					continue
				}
				// a (less urgent) came before b: a dependency must force it.
				forced := false
				for c, cd := range deps {
					if cd[a] && scale[c] <= scale[b] {
						forced = true // a is needed by something as urgent as b
					}
				}
				for k := i + 1; k < len(ps); k++ {
					if deps[b][ps[k].ID] {
						forced = true // b was waiting for a dependency placed after a
					}
				}
				if !forced {
					t.Fatalf("%s (%v) placed before %s (%v) with no dependency forcing it", a, scale[a], b, scale[b])
				}
			}
		}
	}))
	t.Run("TargetIsStrictestOfDependents", rapid.MakeCheck(func(t *rapid.T) {
		systems := genSystems(false).Draw(t, "systems")
		ps, err := Order(systems, OrderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		deps := closure(systems)
		for _, p := range ps {
			var want time.Duration
			for _, s := range systems {
				if (s.ID == p.ID || deps[s.ID][p.ID]) && s.Target > 0 && (want == 0 || s.Target < want) {
					want = s.Target
				}
			}
			if p.Target != want {
				t.Fatalf("%s: target %v; want the strictest of itself and its dependents, %v", p.ID, p.Target, want)
			}
		}
	}))
}

// benchSystems builds n systems, each depending on up to two earlier ones,
// with scales, targets and alternatives spread by a fixed LCG.
func benchSystems(n int) []System {
	out := make([]System, n)
	x := uint64(1)
	next := func() uint64 { x = x*6364136223846793005 + 1442695040888963407; return x >> 33 }
	out[0] = System{ID: "iaas", Name: "基盤", Owner: "情報システム課", Kind: Platform, Scale: Large}
	for i := 1; i < n; i++ {
		s := app("sys"+strconv.Itoa(i), ImpactScale(1+next()%3))
		s.Hosted = true
		s.Alternative = next()%2 == 0
		s.Difficulty = Difficulty(next() % 4)
		if next()%5 == 0 {
			s.Target = time.Duration(1+next()%48) * time.Hour
		}
		for k := next() % 3; k > 0 && i > 1; k-- {
			s.DependsOn = append(s.DependsOn, out[1+next()%uint64(i-1)].ID)
		}
		out[i] = s
	}
	return out
}

func TestOrderAllocsLinear(t *testing.T) {
	small, large := benchSystems(1000), benchSystems(10000)
	a := testing.AllocsPerRun(5, func() { Order(small, OrderOptions{}) })
	b := testing.AllocsPerRun(5, func() { Order(large, OrderOptions{}) })
	// Linear in n at most: ten times the systems, at most ten times the allocations.
	if b > 10*a || b > 1000 {
		t.Errorf("allocations: %v for 1,000 systems, %v for 10,000", a, b)
	}
	t.Logf("allocations: %v for 1,000 systems, %v for 10,000", a, b)
}

func BenchmarkOrder100k(b *testing.B) {
	systems := benchSystems(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Order(systems, OrderOptions{Clauses: nakanoOrder()}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestInventoryJSONRoundTrip(t *testing.T) {
	inv := nakanoInventory()
	inv.Systems[3].DependsOn = []string{"fig4-06"}
	inv.Systems[3].Difficulty = Hard
	inv.Systems[3].Target = 4 * time.Hour
	inv.Systems[5].Scale = Large
	b, err := json.Marshal(inv)
	if err != nil {
		t.Fatal(err)
	}
	var got Inventory
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(inv, got, cmp.Comparer(council.Citations.Equal)); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(b), `"scale":"unassessed"`) || !strings.Contains(string(b), `"kind":"monitoring"`) {
		t.Errorf("JSON does not spell enums by name: %.300s", b)
	}
}

func TestInventoryValidate(t *testing.T) {
	inv := Inventory{Systems: []System{app("a", Large, "b"), app("b", Unassessed, "a")}}
	if err := inv.Validate(); !errors.Is(err, ErrCycle) {
		t.Errorf("Validate() = %v; want the cycle", err)
	}
	inv.Systems[1].DependsOn = nil
	if err := inv.Validate(); err != nil {
		t.Errorf("Validate() = %v; unassessed scales are not a problem of the inventory", err)
	}
	if s, ok := inv.Lookup("a"); !ok || s.ID != "a" {
		t.Errorf("Lookup(a) = %v, %v", s, ok)
	}
	if _, ok := inv.Lookup("zz"); ok {
		t.Error("Lookup found a missing ID")
	}
	c := inv.Clone()
	c.Systems[0].DependsOn[0] = "changed"
	if inv.Systems[0].DependsOn[0] != "b" {
		t.Error("Clone shares DependsOn")
	}
}

func TestOrderPlatformLimit(t *testing.T) {
	var systems []System
	for i := range 17 {
		systems = append(systems, System{ID: fmt.Sprint("p", i), Name: "基盤", Owner: "課", Kind: Platform, Scale: Large})
	}
	if _, err := Order(systems, OrderOptions{}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "17 platform systems") {
		t.Errorf("17 platforms: error = %v", err)
	}
	if _, err := Order(systems[:16], OrderOptions{}); err != nil {
		t.Errorf("16 platforms: %v", err)
	}
}
