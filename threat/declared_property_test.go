package threat

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// genDeclaredSpec draws genSpec's table over the engine's kinds plus random
// declarations: one to MaxDeclared attributes of two to five values, one to
// four declared kinds, each graded like genSpec's kinds (level =
// min(3, 1 + Σ weight·(value−1)) over a random set of the declared
// attributes, monotone and every one relevant) or marked not covered. Every
// declared value is named by some row: an attribute no kind reads is left
// out. The oracle holds the level of each fully known event, its
// unread attributes cleared.
func genDeclaredSpec(t *rapid.T) (Spec, map[Event]Level) {
	spec, oracle := genSpec(t)
	nattr := rapid.IntRange(1, MaxDeclared).Draw(t, "attributes")
	var attrs []AttributeTerm
	for i := range nattr {
		a := AttributeTerm{ID: fmt.Sprintf("a%d", i), Label: fmt.Sprintf("属性%d", i), Cites: ven("attr")}
		for j := range rapid.IntRange(2, 5).Draw(t, fmt.Sprintf("values-%d", i)) {
			a.Values = append(a.Values, ValueTerm{ID: fmt.Sprintf("v%d", j), Label: fmt.Sprintf("値%d-%d", i, j)})
		}
		attrs = append(attrs, a)
	}
	lens := func(a Attribute) int { return len(attrs[declaredIndex(a)].Values) }
	nkind := rapid.IntRange(1, 4).Draw(t, "kinds")
	var read Attributes // what some kind reads
	for j := range nkind {
		k := DeclaredKind(j)
		spec.Kinds = append(spec.Kinds, KindTerm{ID: fmt.Sprintf("k%d", j), Label: fmt.Sprintf("種別%d", j), Fault: rapid.Bool().Draw(t, "fault")})
		if rapid.Bool().Draw(t, fmt.Sprintf("uncovered-%d", j)) {
			spec.Rules = append(spec.Rules, Rule{Match: Event{Kind: k}, Example: "対象外", Citations: ven("0")})
			oracle[Event{Kind: k}] = 0
			continue
		}
		var kr Attributes
		weight := map[Attribute]int{}
		for i := range nattr {
			if a := DeclaredAttribute(i); rapid.Bool().Draw(t, fmt.Sprintf("read-%d-%d", j, i)) {
				kr = kr.With(a)
				weight[a] = rapid.IntRange(1, 2).Draw(t, fmt.Sprintf("w-%d-%d", j, i))
			}
		}
		read |= kr
		for _, e := range completionsOf(Event{Kind: k}, kr, lens) {
			l := 1
			for a := range kr.All() {
				l += weight[a] * (int(e.Value(a)) - 1)
			}
			lv := Level(min(l, 3))
			oracle[e] = lv
			spec.Rules = append(spec.Rules, Rule{Match: e, Level: lv, Example: e.String(), Citations: ven(fmt.Sprint(len(spec.Rules)))})
		}
	}
	// Keep the attributes some kind reads, renumbering the rows over them.
	renum := make([]int, len(attrs))
	var kept []AttributeTerm
	for i := range attrs {
		renum[i] = -1
		if read.Has(DeclaredAttribute(i)) {
			renum[i] = len(kept)
			kept = append(kept, attrs[i])
		}
	}
	spec.Attributes = kept
	move := func(e Event) Event {
		var v Values
		for i, x := range e.Declared.All() {
			if x != 0 {
				v = v.With(renum[i], x)
			}
		}
		e.Declared = v
		return e
	}
	for i := range spec.Rules {
		spec.Rules[i].Match = move(spec.Rules[i].Match)
	}
	moved := make(map[Event]Level, len(oracle))
	for e, l := range oracle {
		moved[move(e)] = l
	}
	return spec, moved
}

func drawDeclaredScheme(t *rapid.T) (*Scheme, map[Event]Level) {
	spec, oracle := genDeclaredSpec(t)
	s, err := NewScheme(spec)
	if err != nil {
		t.Fatalf("a generated table over declared attributes is rejected: %v", err)
	}
	return s, oracle
}

// genDeclaredEvent draws an event of a kind of s, the engine's or a
// declared one, each attribute known or not.
func genDeclaredEvent(t *rapid.T, s *Scheme) Event {
	kinds, attrs := s.Declarations()
	all := AllActKinds()
	for j := range kinds {
		all = append(all, DeclaredKind(j))
	}
	e := Event{Kind: rapid.SampledFrom(all).Draw(t, "kind")}
	if e.Kind.IsDeclared() {
		for i, a := range attrs {
			e = e.With(DeclaredAttribute(i), uint8(rapid.IntRange(0, len(a.Values)).Draw(t, a.ID)))
		}
		return e
	}
	g := genEvent().Draw(t, "event")
	g.Kind = e.Kind
	return g
}

func TestDeclaredProperties(t *testing.T) {
	// The checks accept every generated table, and Grade follows it.
	t.Run("GradeFollowsTheTable", rapid.MakeCheck(func(t *rapid.T) {
		s, oracle := drawDeclaredScheme(t)
		keys := slices.SortedFunc(maps.Keys(oracle), func(a, b Event) int { return strings.Compare(a.String(), b.String()) })
		for _, e := range keys {
			want := oracle[e]
			if !e.Kind.IsDeclared() {
				continue
			}
			for _, c := range s.completions(e, s.Reads(e.Kind)) {
				g, err := Grade(s, c)
				if want == 0 && !errors.Is(err, ErrNotCovered) || want != 0 && (err != nil || g.Level != want) {
					t.Fatalf("Grade(%s) = %s, %v; the table says %s", s.FormatEvent(c), g.Level, err, want)
				}
			}
		}
	}))
	// Dropping any row over declared attributes leaves a hole the checks
	// report; so does making a row less serious than the one below it.
	t.Run("ChecksCatchBrokenTables", rapid.MakeCheck(func(t *rapid.T) {
		spec, _ := genDeclaredSpec(t)
		var rows []int
		for i, r := range spec.Rules {
			if r.Match.Kind.IsDeclared() && r.Match.Declared != 0 {
				rows = append(rows, i)
			}
		}
		if len(rows) == 0 {
			t.Skip("no row over declared attributes")
		}
		i := rapid.SampledFrom(rows).Draw(t, "row")
		dropped := spec
		dropped.Rules = slices.Delete(slices.Clone(spec.Rules), i, i+1)
		if _, err := NewScheme(dropped); !errors.Is(err, ErrScheme) {
			t.Fatalf("dropping row %d (%s) is accepted", i, spec.Rules[i].Example)
		}
		doubled := spec
		doubled.Rules = append(slices.Clone(spec.Rules), spec.Rules[i])
		if _, err := NewScheme(doubled); err == nil || !strings.Contains(err.Error(), "overlapping rules") {
			t.Fatalf("a repeated row %d is accepted or not called overlapping: %v", i, err)
		}
		// A row at level 3 whose one-worse neighbour is at level 1 is not
		// monotone: find a row and a worse row, and swap their levels.
		for _, j := range rows {
			for _, h := range rows {
				lo, hi := spec.Rules[j], spec.Rules[h]
				if lo.Match.Kind != hi.Match.Kind || lo.Level == 0 || hi.Level <= lo.Level {
					continue
				}
				swapped := spec
				swapped.Rules = slices.Clone(spec.Rules)
				swapped.Rules[j].Level, swapped.Rules[h].Level = hi.Level, lo.Level
				if _, err := NewScheme(swapped); err == nil {
					t.Fatalf("swapping the levels of %s and %s is accepted", lo.Example, hi.Example)
				}
				return
			}
		}
	}))
	// As facts arrive, the provisional range never widens: each new fact
	// gives a range inside the one before, until the level is confirmed.
	t.Run("RangesNeverWiden", rapid.MakeCheck(func(t *rapid.T) {
		s, _ := drawDeclaredScheme(t)
		full := genDeclaredEvent(t, s)
		for a := range s.Reads(full.Kind).All() {
			if full.Value(a) == 0 {
				full = full.With(a, uint8(rapid.IntRange(1, s.attrLen(a)).Draw(t, "complete")))
			}
		}
		// Learn the read attributes in a random order, from none known.
		order := rapid.Permutation(slices.Collect(s.Reads(full.Kind).All())).Draw(t, "order")
		e := full
		for _, a := range order {
			e = e.With(a, 0)
		}
		prev, perr := Provisional(s, e)
		for _, a := range order {
			e = e.With(a, full.Value(a))
			r, err := Provisional(s, e)
			switch {
			case perr != nil && err == nil:
				t.Fatalf("%s: nothing covered before, %d…%d after learning %s", s.FormatEvent(e), r.Min, r.Max, s.attrName(a))
			case err != nil && !errors.Is(err, ErrNotCovered):
				t.Fatalf("Provisional(%s) = %v", s.FormatEvent(e), err)
			case err == nil && (r.Min < prev.Min || r.Max > prev.Max || r.Uncovered && !prev.Uncovered || r.Unknown&^prev.Unknown != 0):
				t.Fatalf("learning %s widened %d…%d (uncovered %t) to %d…%d (uncovered %t)",
					s.attrName(a), prev.Min, prev.Max, prev.Uncovered, r.Min, r.Max, r.Uncovered)
			case err != nil && perr == nil && !prev.Uncovered:
				t.Fatalf("%s: covered before, not covered after learning %s", s.FormatEvent(e), s.attrName(a))
			}
			prev, perr = r, err
		}
		g, err := Grade(s, full)
		if perr == nil && (err != nil || !prev.Confirmed() || g.Level != prev.Min) {
			t.Fatalf("all known: range %+v, Grade %s %v", prev, g.Level, err)
		}
	}))
	// Decide over declared attributes is Grade then Respond, and the text
	// form in the plan's words reads back.
	t.Run("DecideAndText", rapid.MakeCheck(func(t *rapid.T) {
		s, _ := drawDeclaredScheme(t)
		e := genDeclaredEvent(t, s)
		back, err := s.ParseEvent(s.FormatEvent(e))
		if err != nil || back != e {
			t.Fatalf("ParseEvent(FormatEvent(%v)) = %v, %v", e, back, err)
		}
		got, err := Decide(s, e)
		g, gerr := Grade(s, e)
		if !sameError(err, gerr) {
			t.Fatalf("Decide error %v, Grade error %v", err, gerr)
		}
		if gerr == nil {
			want, err := Respond(s, g)
			if err != nil || !sameResponse(want, got) {
				t.Fatalf("Decide(%s) is not Grade then Respond: %v", s.FormatEvent(e), err)
			}
		}
	}))
}
