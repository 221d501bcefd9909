package threat

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"pgregory.net/rapid"
)

// genSpec draws a valid vendor scheme: for each kind, a set of read
// attributes with positive weights, level = min(3, 1 + Σ weight·(value-1)),
// which is monotone and lets every read attribute matter; or the kind is
// explicitly not covered. Responses and precautions are random valid tiers.
// The rules come in kind order; TestNewSchemeIgnoresRuleOrder permutes them.
func genSpec(t *rapid.T) (Spec, map[Event]Level) {
	oracle := map[Event]Level{}
	var rules []Rule
	for _, k := range AllActKinds() {
		if rapid.Bool().Draw(t, fmt.Sprintf("uncovered-%s", k)) {
			rules = append(rules, Rule{Match: Event{Kind: k}, Example: "対象外", Citations: ven("0")})
			oracle[Event{Kind: k}] = 0
			continue
		}
		var read Attributes
		weight := map[Attribute]int{}
		for _, a := range AllAttributes() {
			if rapid.Bool().Draw(t, fmt.Sprintf("read-%s-%s", k, a)) {
				read = read.With(a)
				weight[a] = rapid.IntRange(1, 2).Draw(t, fmt.Sprintf("w-%s-%s", k, a))
			}
		}
		for _, e := range completions(Event{Kind: k}, read) {
			l := 1
			for a := range read.All() {
				l += weight[a] * (int(e.Value(a)) - 1)
			}
			lv := Level(min(l, 3))
			oracle[e] = lv
			rules = append(rules, Rule{Match: e, Level: lv, Example: e.String(), Citations: ven(fmt.Sprint(len(rules)))})
		}
	}
	return Spec{
		Plan: "vendor", Name: "generated", Scale: ScaleLevels, Rules: rules,
		SeriousFrom:      rapid.SampledFrom(AllLevels()).Draw(t, "serious-from"),
		SeriousCitations: ven("serious"), Judgement: ven("judge"),
		Responses:   genTiers(t, "response", true),
		Precautions: genTiers(t, "precaution", false),
	}, oracle
}

func genTiers(t *rapid.T, label string, all bool) []Tier {
	actors := []council.Actor{sysAdmin, chief, staff, nationalCtr}
	genAction := rapid.Custom(func(t *rapid.T) Action {
		a := Action{
			Actor: rapid.SampledFrom(actors).Draw(t, "actor"),
			Task:  rapid.SampledFrom(AllTasks()).Draw(t, "step"),
			If:    rapid.SampledFrom([]Condition{Always, AsNeeded}).Draw(t, "if"),
		}
		if rapid.Bool().Draw(t, "targeted") {
			a.Target = rapid.SampledFrom(actors).Draw(t, "target")
		}
		a.Citations = ven(rapid.SampledFrom([]string{"a", "b", "c"}).Draw(t, "clause"))
		return a
	})
	genNote := rapid.Custom(func(t *rapid.T) Notification {
		return Notification{
			From:      rapid.SampledFrom(actors).Draw(t, "from"),
			To:        rapid.SampledFrom(actors).Draw(t, "to"),
			If:        rapid.SampledFrom([]Condition{Always, AsNeeded}).Draw(t, "if"),
			Citations: ven(rapid.SampledFrom([]string{"a", "b", "c"}).Draw(t, "clause")),
		}
	})
	var tiers []Tier
	for _, l := range AllLevels() {
		if !all && rapid.Bool().Draw(t, fmt.Sprintf("%s-skip-%s", label, l)) {
			continue
		}
		tiers = append(tiers, Tier{Level: l,
			Actions:       rapid.SliceOfN(genAction, 0, 4).Draw(t, fmt.Sprintf("%s-actions-%s", label, l)),
			Notifications: rapid.SliceOfN(genNote, 0, 3).Draw(t, fmt.Sprintf("%s-notes-%s", label, l)),
		})
	}
	return tiers
}

// TestNewSchemeIgnoresRuleOrder checks that the order of a scheme's rules
// changes no decision: a generated or reference spec and the same spec with
// its rules permuted grade, decide and grade provisionally every event alike
// (Range.Citations list the matching rules in table order, so they are
// compared as a set).
func TestNewSchemeIgnoresRuleOrder(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var spec Spec
		switch rapid.IntRange(0, 2).Draw(t, "which") {
		case 0:
			spec = tottoriSpec()
		case 1:
			spec = kumamotoSpec()
		default:
			spec, _ = genSpec(t)
		}
		a, err := NewScheme(spec)
		if err != nil {
			t.Fatal(err)
		}
		permuted := spec
		permuted.Rules = rapid.Permutation(spec.Rules).Draw(t, "order")
		b, err := NewScheme(permuted)
		if err != nil {
			t.Fatalf("the permuted rules are rejected: %v", err)
		}
		opts := cmp.Options{cmp.Comparer(Actions.Equal), cmp.Comparer(Notifications.Equal)}
		src := rapid.SampledFrom(append([]Source{0}, AllSources()...)).Draw(t, "source")
		for _, k := range AllActKinds() {
			for _, e := range completions(Event{Kind: k}, AttributesOf(AttrPlace, AttrFirewall, AttrSeverity)) {
				for _, e := range []Event{e, e.With(AttrPlace, 0), e.With(AttrFirewall, 0), e.With(AttrSeverity, 0)} {
					e.Source = src
					ra, erra := Decide(a, e)
					rb, errb := Decide(b, e)
					if !sameError(erra, errb) || !sameResponse(ra, rb) {
						t.Fatalf("Decide(%s): %v / %v\n%s", e, erra, errb, cmp.Diff(ra, rb, opts))
					}
					pa, erra := Provisional(a, e)
					pb, errb := Provisional(b, e)
					ca, cb := pa.Citations.Slice(), pb.Citations.Slice()
					slices.SortFunc(ca, council.Citation.Compare)
					slices.SortFunc(cb, council.Citation.Compare)
					if !sameError(erra, errb) || pa.Plan != pb.Plan || pa.Event != pb.Event || pa.Min != pb.Min || pa.Max != pb.Max ||
						pa.Unknown != pb.Unknown || pa.Uncovered != pb.Uncovered || !slices.Equal(ca, cb) {
						t.Fatalf("Provisional(%s): %+v %v / %+v %v", e, pa, erra, pb, errb)
					}
				}
			}
		}
	})
}

func sameError(a, b error) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Error() == b.Error()
}

func sameResponse(a, b Response) bool {
	ga, gb := a.Grading, b.Grading
	return ga.Plan == gb.Plan && ga.Event == gb.Event && ga.Level == gb.Level && ga.Serious == gb.Serious &&
		ga.Manual == gb.Manual && ga.Example == gb.Example && ga.Reason == gb.Reason && ga.Citations.Equal(gb.Citations) &&
		a.Actions.Equal(b.Actions) && a.Notifications.Equal(b.Notifications) && a.StandDown == b.StandDown
}

func TestGeneratedSpecsAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		spec, _ := genSpec(t)
		if _, err := NewScheme(spec); err != nil {
			t.Fatal(err)
		}
	})
}

// schemes draws a reference levelled scheme or a generated one.
func drawScheme(t *rapid.T) (*Scheme, map[Event]Level) {
	switch rapid.IntRange(0, 2).Draw(t, "which") {
	case 0:
		return tottori(), nil
	case 1:
		return kumamoto(), nil
	}
	spec, oracle := genSpec(t)
	s, err := NewScheme(spec)
	if err != nil {
		t.Fatal(err)
	}
	return s, oracle
}

func TestProperties(t *testing.T) {
	t.Run("GradingTotalAndDeterministic", rapid.MakeCheck(func(t *rapid.T) {
		s, oracle := drawScheme(t)
		e := genEvent().Draw(t, "event")
		// complete every attribute the scheme reads
		for a := range s.Reads(e.Kind).All() {
			if e.Value(a) == 0 {
				e = e.With(a, uint8(rapid.IntRange(1, attrLen(a)).Draw(t, "v")))
			}
		}
		g1, err1 := Grade(s, e)
		g2, err2 := Grade(s, e)
		if fmt.Sprint(err1) != fmt.Sprint(err2) || !cmp.Equal(g1, g2) {
			t.Fatalf("Grade is not deterministic: %v %v / %v %v", g1, err1, g2, err2)
		}
		switch {
		case err1 == nil:
			if !g1.Level.IsValid() || g1.Manual || g1.Citations.Len() == 0 || g1.Example == "" {
				t.Fatalf("grading %+v", g1)
			}
		case errors.Is(err1, ErrNotCovered):
		default:
			t.Fatalf("a fully known event gave %v", err1)
		}
		if oracle != nil {
			key := completions(e, s.Reads(e.Kind))[0]
			if want := oracle[key]; want != g1.Level {
				t.Fatalf("Grade(%s) = %s; the table says %s", e, g1.Level, want)
			}
		}
	}))
	t.Run("DecideIsGradeThenRespond", rapid.MakeCheck(func(t *rapid.T) {
		s, _ := drawScheme(t)
		e := genEvent().Draw(t, "event")
		got, err := Decide(s, e)
		g, gerr := Grade(s, e)
		if fmt.Sprint(err) != fmt.Sprint(gerr) {
			t.Fatalf("Decide error %v, Grade error %v", err, gerr)
		}
		if gerr != nil {
			return
		}
		want, err := Respond(s, g)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got, cmp.Comparer(Actions.Equal), cmp.Comparer(Notifications.Equal)); diff != "" {
			t.Fatalf("(-Grade+Respond +Decide):\n%s", diff)
		}
	}))
	t.Run("HigherLevelNeverDoesLess", rapid.MakeCheck(func(t *rapid.T) {
		s, _ := drawScheme(t)
		lo := rapid.SampledFrom(AllLevels()).Draw(t, "lo")
		hi := rapid.SampledFrom(AllLevels()).Draw(t, "hi")
		if lo > hi {
			lo, hi = hi, lo
		}
		rl, rh := respondLevel(t, s, lo), respondLevel(t, s, hi)
		includes(t, "response", rl.Actions, rh.Actions, rl.Notifications, rh.Notifications)
		pl, err := Precautions(s, Range{Plan: s.Plan(), Min: lo, Max: lo})
		if err != nil {
			t.Fatal(err)
		}
		ph, err := Precautions(s, Range{Plan: s.Plan(), Min: lo, Max: hi})
		if err != nil {
			t.Fatal(err)
		}
		includes(t, "precaution", pl.Actions, ph.Actions, pl.Notifications, ph.Notifications)
	}))
	t.Run("RangeContainsEveryCompletion", rapid.MakeCheck(func(t *rapid.T) {
		s, _ := drawScheme(t)
		e := genEvent().Draw(t, "event")
		r, err := Provisional(s, e)
		if errors.Is(err, ErrNotCovered) {
			for _, c := range completions(e, s.Reads(e.Kind)) {
				if _, err := Grade(s, c); !errors.Is(err, ErrNotCovered) {
					t.Fatalf("range not covered, but completion %s: %v", c, err)
				}
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		sawMin, sawMax, sawUncovered := false, false, false
		for _, c := range completions(e, s.Reads(e.Kind)) {
			g, err := Grade(s, c)
			if errors.Is(err, ErrNotCovered) {
				sawUncovered = true
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if !r.Contains(g.Level) {
				t.Fatalf("range %s..%s misses completion %s at %s", r.Min, r.Max, c, g.Level)
			}
			sawMin = sawMin || g.Level == r.Min
			sawMax = sawMax || g.Level == r.Max
		}
		if !sawMin || !sawMax || sawUncovered != r.Uncovered {
			t.Fatalf("range %s..%s uncovered=%t is not tight", r.Min, r.Max, r.Uncovered)
		}
		// Learning one more fact never widens the range.
		if r.Unknown != 0 {
			a := rapid.SampledFrom(slices.Collect(r.Unknown.All())).Draw(t, "learn")
			e2 := e.With(a, uint8(rapid.IntRange(1, attrLen(a)).Draw(t, "value")))
			r2, err := Provisional(s, e2)
			if errors.Is(err, ErrNotCovered) {
				if !r.Uncovered {
					t.Fatalf("learning %s made a covered range uncovered", a)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r2.Min < r.Min || r2.Max > r.Max || r2.Uncovered && !r.Uncovered {
				t.Fatalf("learning %s widened %s..%s to %s..%s", a, r.Min, r.Max, r2.Min, r2.Max)
			}
		}
	}))
	t.Run("BrokenTablesAreRejected", rapid.MakeCheck(func(t *rapid.T) {
		spec, _ := genSpec(t)
		i := rapid.IntRange(0, len(spec.Rules)-1).Draw(t, "rule")
		if rapid.Bool().Draw(t, "delete") {
			spec.Rules = slices.Delete(slices.Clone(spec.Rules), i, i+1)
		} else {
			dup := spec.Rules[i]
			dup.Level = rapid.SampledFrom([]Level{0, Level1, Level2, Level3}).Draw(t, "level")
			spec.Rules = append(slices.Clone(spec.Rules), dup)
		}
		if _, err := NewScheme(spec); !errors.Is(err, ErrScheme) {
			t.Fatalf("a table with a gap or an overlap was accepted: %v", err)
		}
	}))
	t.Run("GradingJSONRoundTrip", rapid.MakeCheck(func(t *rapid.T) {
		s, _ := drawScheme(t)
		e := genEvent().Draw(t, "event")
		g, err := Grade(s, e)
		if err != nil {
			g, err = Judge(s, e, rapid.SampledFrom(AllLevels()).Draw(t, "level"), "理由")
			if err != nil {
				t.Fatal(err)
			}
		}
		b, err := json.Marshal(g)
		if err != nil {
			t.Fatal(err)
		}
		var back Grading
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if diff := cmp.Diff(g, back); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", b, diff)
		}
		if _, err := Respond(s, back); err != nil {
			t.Fatalf("a decoded grading is not accepted: %v", err)
		}
	}))
	t.Run("EnumTextRoundTrip", rapid.MakeCheck(func(t *rapid.T) {
		roundTrip(t, rapid.SampledFrom(AllLevels()).Draw(t, "level"), new(Level))
		roundTrip(t, rapid.SampledFrom(AllActKinds()).Draw(t, "kind"), new(ActKind))
		roundTrip(t, rapid.SampledFrom(AllPlaces()).Draw(t, "place"), new(Place))
		roundTrip(t, rapid.SampledFrom(AllFirewalls()).Draw(t, "firewall"), new(Firewall))
		roundTrip(t, rapid.SampledFrom(AllSeriousness()).Draw(t, "severity"), new(Seriousness))
		roundTrip(t, rapid.SampledFrom(AllSources()).Draw(t, "source"), new(Source))
		roundTrip(t, rapid.SampledFrom(AllTasks()).Draw(t, "step"), new(Task))
		roundTrip(t, rapid.SampledFrom(AllAttributes()).Draw(t, "attribute"), new(Attribute))
		roundTrip(t, rapid.SampledFrom([]Condition{Always, AsNeeded}).Draw(t, "condition"), new(Condition))
		roundTrip(t, rapid.SampledFrom([]Scale{ScaleLevels, ScaleSerious}).Draw(t, "scale"), new(Scale))
	}))
}

type textEnum interface {
	comparable
	String() string
	Label() string
	MarshalText() ([]byte, error)
}

func roundTrip[E textEnum, P interface {
	*E
	UnmarshalText([]byte) error
}](t *rapid.T, v E, p P) {
	b, err := v.MarshalText()
	if err != nil || string(b) != v.String() {
		t.Fatalf("MarshalText(%v) = %q, %v; want String", v, b, err)
	}
	for _, s := range []string{string(b), v.Label()} {
		if err := p.UnmarshalText([]byte(s)); err != nil || *p != v {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", s, *p, err, v)
		}
	}
}

func respondLevel(t *rapid.T, s *Scheme, l Level) Response {
	r, err := Respond(s, Grading{Plan: s.Plan(), Level: l, Serious: l >= s.SeriousFrom()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// includes fails unless every action of lo other than StandDown and those
// stated for lo alone (Only), and every notification of lo, is in hi: with
// at least its citations, or with hi's own where hi states it again.
func includes(t *rapid.T, what string, lo, hi Actions, nlo, nhi Notifications) {
	for _, a := range lo.All() {
		if a.Task == StandDown || a.Only {
			continue
		}
		ok := slices.ContainsFunc(hi.list(), func(b Action) bool { return b.key() == a.key() })
		if !ok {
			t.Fatalf("%s: the higher level lacks %s", what, a)
		}
	}
	for _, n := range nlo.All() {
		ok := slices.ContainsFunc(nhi.list(), func(m Notification) bool { return m.key() == n.key() })
		if !ok {
			t.Fatalf("%s: the higher level lacks notification %s", what, n)
		}
	}
}
