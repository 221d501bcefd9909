package threat

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

// fx cites the test fixture of issue 19 (bcp/testdata/declared/fixture19.json),
// not one of the five reference plans.
func fx(clauses ...string) council.Citations { return cites("fixture19", clauses...) }

// The fixture's declared kinds and attribute values.
var (
	terminalFault = DeclaredKind(0)
	serverFault   = DeclaredKind(1)
	attrCause     = DeclaredAttribute(0)
	attrStop      = DeclaredAttribute(1)
)

const (
	causeFound, causeUnknown = 1, 2
	stopNone, stopBrief      = 1, 2
)

func fev(k ActKind, a Attribute, v uint8) Event { return Event{Kind: k}.With(a, v) }

// fixtureSpec is the threat part of the issue-19 fixture: one three-level
// table that grades faults as well as unauthorized acts (a terminal fault
// whose cause is found is level 1; a server that must stop briefly for
// recovery is level 2), what the text does not state marked not covered.
func fixtureSpec() Spec {
	rules := []Rule{
		{Match: fev(terminalFault, attrCause, causeFound), Level: Level1, Example: "原因が判明している端末の障害", Citations: fx("第1(1)")},
		{Match: fev(terminalFault, attrCause, causeUnknown), Example: "原因が判明していない端末の障害は表にない", Citations: fx("第1")},
		{Match: fev(serverFault, attrStop, stopNone), Example: "停止を要しないサーバの障害は表にない", Citations: fx("第1")},
		{Match: fev(serverFault, attrStop, stopBrief), Level: Level2, Example: "復旧のため一時的な停止を要するサーバの障害", Citations: fx("第1(2)")},
		{Match: Event{Kind: Intrusion, Place: PlaceUnrelated}, Level: Level1, Example: "直接関係のない備品のある場所への無権限者の侵入", Citations: fx("第1(1)")},
		{Match: Event{Kind: Intrusion, Place: PlaceRelated}, Level: Level2, Example: "関係があるが保護すべき情報のない場所への無権限者の侵入", Citations: fx("第1(2)")},
		{Match: Event{Kind: Intrusion, Place: PlaceProtected}, Level: Level3, Example: "保護すべき情報のある場所への無権限者の侵入", Citations: fx("第1(3)")},
		{Match: Event{Kind: UnauthorizedAccess}, Level: Level3, Example: "不正アクセス", Citations: fx("第1(3)")},
		{Match: Event{Kind: VirusDetected}, Level: Level2, Example: "ウイルスの検出", Citations: fx("第1(2)")},
		{Match: Event{Kind: VirusInfection}, Level: Level3, Example: "ウイルスの感染", Citations: fx("第1(3)")},
	}
	for _, k := range AllActKinds() {
		if !slices.ContainsFunc(rules, func(r Rule) bool { return r.Match.Kind == k }) {
			rules = append(rules, Rule{Match: Event{Kind: k}, Example: "表にない", Citations: fx("第1")})
		}
	}
	tier := func(l Level, a Action) Tier { return Tier{Level: l, Actions: []Action{a}} }
	return Spec{
		Plan: "fixture19", Name: "issue 19 fixture: faults and unauthorized acts in one table", Scale: ScaleLevels,
		Kinds: []KindTerm{
			{ID: "terminal-fault", Label: "端末の障害", LabelEN: "terminal fault", Fault: true, Cites: fx("第1(1)")},
			{ID: "server-fault", Label: "サーバの障害", LabelEN: "server fault", Fault: true, Cites: fx("第1(2)")},
		},
		Attributes: []AttributeTerm{
			{ID: "cause", Label: "原因", LabelEN: "cause", Cites: fx("第1(1)"), Values: []ValueTerm{
				{ID: "found", Label: "原因が判明している", LabelEN: "found"}, {ID: "unknown", Label: "原因が判明していない", LabelEN: "unknown"}}},
			{ID: "stop", Label: "復旧のための停止", LabelEN: "stop for recovery", Cites: fx("第1(2)"), Values: []ValueTerm{
				{ID: "none", Label: "停止を要しない", LabelEN: "none"}, {ID: "brief", Label: "一時的な停止を要する", LabelEN: "brief"}}},
		},
		Rules:       rules,
		SeriousFrom: Level3, SeriousCitations: fx("第1(3)"), Judgement: fx("第2"),
		Responses: []Tier{
			tier(Level1, Action{Actor: sysAdmin, Task: Report, Target: chief, If: Always, Note: "報告する", Citations: fx("第3")}),
			tier(Level2, Action{Actor: sysAdmin, Task: FindCause, If: Always, Note: "原因を解明する", Citations: fx("第3")}),
			tier(Level3, Action{Actor: chief, Task: ConveneCouncil, If: Always, Note: "会議を開催する", Citations: fx("第3")}),
		},
	}
}

func fixtureScheme(t testing.TB) *Scheme {
	t.Helper()
	s, err := NewScheme(fixtureSpec())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDeclaredGrading grades the fixture's rows: the declared faults exactly
// as the engine's unauthorized acts, through Grade, Decide and Provisional.
func TestDeclaredGrading(t *testing.T) {
	s := fixtureScheme(t)
	for _, tc := range []struct {
		name    string
		event   string
		level   Level
		example string
		cites   string
		err     error
	}{
		{"fixture19:第1(1)/terminal-fault/cause-found", "terminal-fault cause=found", Level1, "原因が判明している端末の障害", "fixture19:第1(1)", nil},
		{"fixture19:第1(1)/terminal-fault/label", "端末の障害 原因=原因が判明している source=local", Level1, "原因が判明している端末の障害", "fixture19:第1(1)", nil},
		{"fixture19:第1(2)/server-fault/stop-brief", "server-fault stop=brief", Level2, "復旧のため一時的な停止を要するサーバの障害", "fixture19:第1(2)", nil},
		{"fixture19:第1(3)/intrusion/protected", "intrusion place=protected", Level3, "保護すべき情報のある場所への無権限者の侵入", "fixture19:第1(3)", nil},
		{"fixture19:第1/terminal-fault/cause-unknown", "terminal-fault cause=unknown", 0, "", "", ErrNotCovered},
		{"fixture19:第1/server-fault/stop-none", "server-fault stop=none source=national-center", 0, "", "", ErrNotCovered},
		{"fixture19:第1/terminal-fault/cause-not-yet-known", "terminal-fault", 0, "", "", ErrIncomplete},
		{"fixture19:第1/terminal-fault/extra-attribute", "terminal-fault cause=unknown stop=brief", 0, "", "", ErrNotCovered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := s.ParseEvent(tc.event)
			if err != nil {
				t.Fatal(err)
			}
			g, err := Grade(s, e)
			r, derr := Decide(s, e)
			if !errors.Is(err, tc.err) || !errors.Is(derr, tc.err) || (tc.err == nil) != (err == nil) {
				t.Fatalf("Grade(%s) = %v, Decide = %v; want %v", tc.event, err, derr, tc.err)
			}
			if tc.err != nil {
				if nc, ok := errors.AsType[*NotCoveredError](err); ok && (nc.Event != e || nc.Rule == "" || nc.Citations.Len() == 0) {
					t.Errorf("not-covered error %+v does not name the event and its rule", nc)
				}
				if ie, ok := errors.AsType[*IncompleteError](err); ok && (ie.Event != e || !ie.Unknown.Has(attrCause)) {
					t.Errorf("incomplete error %+v does not name the unknown cause", ie)
				}
				return
			}
			if g.Level != tc.level || g.Example != tc.example || g.Citations.String() != tc.cites || g.Event != e || g.Serious != (tc.level >= Level3) {
				t.Errorf("Grade(%s) = %+v", tc.event, g)
			}
			want, err := Respond(s, g)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, r, cmp.Comparer(Actions.Equal), cmp.Comparer(Notifications.Equal)); diff != "" {
				t.Errorf("Decide (-Respond +Decide):\n%s", diff)
			}
		})
	}
	// fixture19:第1: while the cause is not known, the terminal fault is
	// level 1 or not covered; once the server must stop, level 2.
	r, err := Provisional(s, Event{Kind: terminalFault})
	if err != nil || r.Min != Level1 || r.Max != Level1 || !r.Uncovered || r.Confirmed() || r.Unknown != AttributesOf(attrCause) {
		t.Errorf("fixture19:第1: Provisional(terminal-fault) = %+v, %v", r, err)
	}
	r, err = Provisional(s, fev(serverFault, attrStop, stopBrief))
	if err != nil || !r.Confirmed() || r.Min != Level2 {
		t.Errorf("fixture19:第1(2): Provisional(server-fault stop=brief) = %+v, %v", r, err)
	}
	if _, err := Provisional(s, fev(serverFault, attrStop, stopNone)); !errors.Is(err, ErrNotCovered) {
		t.Errorf("fixture19:第1: Provisional(server-fault stop=none) = %v; want not covered", err)
	}
	if got := s.Reads(serverFault); got != AttributesOf(attrStop) {
		t.Errorf("Reads(server-fault) = %s", got)
	}
}

// TestDeclaredEventsOutsideThePlan: an event of a kind, attribute or value
// the plan does not declare is invalid, never graded, on every path.
func TestDeclaredEventsOutsideThePlan(t *testing.T) {
	s := fixtureScheme(t)
	for _, e := range []Event{
		{Kind: DeclaredKind(2)},                                  // a third kind the fixture does not declare
		fev(terminalFault, DeclaredAttribute(2), 1),              // an attribute it does not declare
		fev(terminalFault, attrCause, 3),                         // a value past the attribute's
		fev(Intrusion, attrCause, causeFound).With(AttrPlace, 9), // an engine value out of range
	} {
		for name, f := range map[string]func() error{
			"Grade":       func() error { _, err := Grade(s, e); return err },
			"Decide":      func() error { _, err := Decide(s, e); return err },
			"Provisional": func() error { _, err := Provisional(s, e); return err },
		} {
			if err := f(); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s(%v) = %v; want ErrInvalid", name, e, err)
			}
		}
	}
	// tottori declares nothing: a declared kind is no event of its plan.
	if _, err := Grade(tottori(), Event{Kind: DeclaredKind(0)}); !errors.Is(err, ErrInvalid) {
		t.Errorf("tottori: Grade(kind#13) = %v; want ErrInvalid", err)
	}
	// ino judges every event, a declared kind too.
	if _, err := Grade(ino(), Event{Kind: DeclaredKind(0)}); !errors.Is(err, ErrNotCovered) {
		t.Errorf("ino:第11条: Grade(kind#13) = %v; want ErrNotCovered", err)
	}
}

// TestDeclaredText: an event's text form in the plan's words and in the
// engine's read back to the same event.
func TestDeclaredText(t *testing.T) {
	s := fixtureScheme(t)
	for _, tc := range []struct{ plan, engine string }{
		{"terminal-fault cause=found", "kind#13 attribute#4=1"},
		{"server-fault stop=brief source=local", "kind#14 attribute#5=2 source=local"},
		{"intrusion place=protected", "intrusion place=protected"},
	} {
		e, err := s.ParseEvent(tc.plan)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.FormatEvent(e); got != tc.plan {
			t.Errorf("FormatEvent = %q, want %q", got, tc.plan)
		}
		if got := e.String(); got != tc.engine {
			t.Errorf("String = %q, want %q", got, tc.engine)
		}
		back, err := ParseEvent(tc.engine)
		if err != nil || back != e {
			t.Errorf("ParseEvent(%q) = %v, %v; want %v", tc.engine, back, err, e)
		}
		if back, err := s.ParseEvent(tc.engine); err != nil || back != e {
			t.Errorf("Scheme.ParseEvent(%q) = %v, %v", tc.engine, back, err)
		}
	}
	for _, bad := range []string{
		"terminal-fault speed=fast",  // a row over an undeclared attribute
		"terminal-fault cause=maybe", // an undeclared value
		"printer-fault",              // an undeclared kind
		"terminal-fault cause=found 原因=原因が判明している", // given twice
	} {
		if _, err := s.ParseEvent(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseEvent(%q) = %v; want ErrInvalid", bad, err)
		}
	}
}

// specError returns the fields of the SpecErrors err holds, sorted.
func specFields(err error) []string {
	var out []string
	for _, e := range problemsOf(err) {
		if se, ok := errors.AsType[*SpecError](e); ok {
			out = append(out, se.Field)
		}
	}
	slices.Sort(out)
	return out
}

func problemsOf(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// TestDeclaredChecks: NewScheme checks declared attributes and the rows over
// them as it checks the engine's (complete, conflict-free, monotone, every
// input relevant), and names the field of each problem of a declaration.
func TestDeclaredChecks(t *testing.T) {
	ruleOf := func(sp *Spec, e Event) *Rule {
		for i := range sp.Rules {
			if sp.Rules[i].Match == e {
				return &sp.Rules[i]
			}
		}
		t.Fatalf("no rule %v", e)
		return nil
	}
	for _, tc := range []struct {
		name   string
		edit   func(*Spec)
		fields []string // the SpecError fields, sorted
		msg    string   // in the message
	}{
		{"value-never-mentioned", func(sp *Spec) {
			sp.Attributes[0].Values = append(sp.Attributes[0].Values, ValueTerm{ID: "partial", Label: "一部判明"})
		}, []string{"attributes[0].values[2]"}, `value "partial" of attribute "cause" is never mentioned`},
		{"attribute-never-mentioned", func(sp *Spec) {
			sp.Attributes = append(sp.Attributes, AttributeTerm{ID: "extra", Label: "その他", Values: []ValueTerm{{ID: "a", Label: "甲"}, {ID: "b", Label: "乙"}}})
		}, []string{"attributes[2].values[0]", "attributes[2].values[1]"}, "never mentioned"},
		{"row-over-undeclared-attribute", func(sp *Spec) {
			sp.Rules = append(sp.Rules, Rule{Match: fev(serverFault, DeclaredAttribute(3), 1), Level: Level3, Example: "x", Citations: fx("第1")})
		}, []string{"rules[18].match"}, "which the plan does not declare"},
		{"undeclared-value", func(sp *Spec) {
			ruleOf(sp, fev(terminalFault, attrCause, causeUnknown)).Match = fev(terminalFault, attrCause, 3)
		}, []string{"attributes[0].values[1]", "rules[1].match"}, "has no value 3"},
		{"undeclared-kind", func(sp *Spec) {
			sp.Rules = append(sp.Rules, Rule{Match: Event{Kind: DeclaredKind(5)}, Level: Level1, Example: "x", Citations: fx("第1")})
		}, []string{"rules[18].match"}, "not a kind the plan declares"},
		{"declared-kind-on-engine-attribute", func(sp *Spec) {
			ruleOf(sp, fev(terminalFault, attrCause, causeFound)).Match.Place = PlaceProtected
		}, []string{"rules[0].match"}, "the plan's own"},
		{"value-of-a-bad-row-is-mentioned", func(sp *Spec) {
			ruleOf(sp, fev(terminalFault, attrCause, causeFound)).Example = ""
		}, nil, "no example text"},
		{"engine-kind-on-declared-attribute", func(sp *Spec) {
			ruleOf(sp, Event{Kind: UnauthorizedAccess}).Match = fev(UnauthorizedAccess, attrCause, causeFound)
		}, []string{"rules[7].match"}, "is the engine's"},
		{"kind-never-mentioned", func(sp *Spec) {
			sp.Kinds = append(sp.Kinds, KindTerm{ID: "printer-fault", Label: "プリンタの障害"})
		}, []string{"kinds[2]"}, `kind "printer-fault" is neither graded nor marked not covered`},
		{"incomplete", func(sp *Spec) {
			sp.Rules = slices.DeleteFunc(sp.Rules, func(r Rule) bool { return r.Match == fev(serverFault, attrStop, stopNone) })
		}, []string{"attributes[1].values[0]"}, "server-fault stop=none is matched by no rule"},
		{"conflicting", func(sp *Spec) {
			sp.Rules = append(sp.Rules, Rule{Match: Event{Kind: serverFault}, Level: Level3, Example: "x", Citations: fx("第1")})
		}, nil, "server-fault stop=brief is matched by conflicting rules [3 18]"},
		{"not-monotone", func(sp *Spec) {
			ruleOf(sp, fev(terminalFault, attrCause, causeFound)).Level = Level2
			r := ruleOf(sp, fev(terminalFault, attrCause, causeUnknown))
			r.Level = Level1
		}, nil, "not monotone: terminal-fault cause=found is level-2 but the worse terminal-fault cause=unknown is level-1"},
		{"irrelevant", func(sp *Spec) {
			r := ruleOf(sp, fev(serverFault, attrStop, stopNone))
			r.Level = Level2
		}, nil, `kind "server-fault" reads "stop", but it never changes the outcome`},
		{"duplicate-kind", func(sp *Spec) { sp.Kinds[1].ID = "terminal-fault" }, []string{"kinds[1]"}, "names the same as kinds[0]"},
		{"engine-kind-name", func(sp *Spec) { sp.Kinds[1].ID = "leak" }, []string{"kinds[1].id"}, "the engine's kind"},
		{"engine-attribute-name", func(sp *Spec) { sp.Attributes[1].ID = "place" }, []string{"attributes[1].id"}, "the engine's attribute"},
		{"not-a-token", func(sp *Spec) { sp.Attributes[1].Values[0].ID = "no stop" }, []string{"attributes[1].values[0].id"}, "not a plain token"},
		{"no-label", func(sp *Spec) { sp.Kinds[0].Label = " " }, []string{"kinds[0].label"}, "no label"},
		{"one-value", func(sp *Spec) { sp.Attributes[1].Values = sp.Attributes[1].Values[:1] }, []string{"attributes[1].values"}, "at least two"},
		{"foreign-citation", func(sp *Spec) { sp.Kinds[0].Cites = ven("1") }, []string{"kinds[0].cites"}, "is not of plan"},
		{"too-many-cells", func(sp *Spec) {
			var vals []ValueTerm
			for i := range MaxDeclaredValues {
				vals = append(vals, ValueTerm{ID: fmt.Sprintf("v%d", i), Label: fmt.Sprintf("値%d", i)})
			}
			sp.Attributes = nil
			for i := range MaxDeclared {
				sp.Attributes = append(sp.Attributes, AttributeTerm{ID: fmt.Sprintf("a%d", i), Label: fmt.Sprintf("属性%d", i), Values: vals})
			}
			sp.Rules = slices.DeleteFunc(sp.Rules, func(r Rule) bool { return r.Match.Kind.IsDeclared() })
			e := Event{Kind: terminalFault}
			for i := range MaxDeclared {
				e = e.With(DeclaredAttribute(i), 1)
			}
			sp.Rules = append(sp.Rules, Rule{Match: e, Level: Level1, Example: "x", Citations: fx("第1")},
				Rule{Match: Event{Kind: serverFault}, Level: Level1, Example: "x", Citations: fx("第1")})
		}, nil, "more than the 4096"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sp := fixtureSpec()
			tc.edit(&sp)
			_, err := NewScheme(sp)
			said := slices.ContainsFunc(problemsOf(err), func(e error) bool { return strings.Contains(e.Error(), tc.msg) })
			if !errors.Is(err, ErrScheme) || !said {
				t.Fatalf("NewScheme = %v; want ErrScheme saying %q", err, tc.msg)
			}
			if tc.fields != nil || tc.name == "value-of-a-bad-row-is-mentioned" {
				if diff := cmp.Diff(tc.fields, specFields(err)); diff != "" {
					t.Errorf("fields (-want +got):\n%s\n%v", diff, err)
				}
			}
		})
	}
	sp := fixtureSpec()
	sp.Scale, sp.Rules, sp.SeriousFrom, sp.SeriousCitations = ScaleSerious, nil, 0, council.Citations{}
	sp.Responses = []Tier{{Actions: sp.Responses[0].Actions}, {Serious: true, Actions: sp.Responses[2].Actions}}
	if _, err := NewScheme(sp); !errors.Is(err, ErrScheme) || !strings.Contains(err.Error(), "no kinds or attributes of its own") {
		t.Errorf("serious scale with declarations: %v", err)
	}
}

// TestDeclaredHotPathAllocations: grading over declared attributes costs no
// allocation, graded or marked not covered, as over the engine's.
func TestDeclaredHotPathAllocations(t *testing.T) {
	s := fixtureScheme(t)
	calls := map[string]func(Event) error{
		"Grade":       func(e Event) error { _, err := Grade(s, e); return err },
		"Decide":      func(e Event) error { _, err := Decide(s, e); return err },
		"Provisional": func(e Event) error { _, err := Provisional(s, e); return err },
	}
	for _, e := range append(slices.Clone(fixtureGraded), fixtureUngraded...) {
		for name, f := range calls {
			if allocs := testing.AllocsPerRun(100, func() { _ = f(e) }); allocs != 0 {
				t.Errorf("%s(%s) allocates %v times", name, s.FormatEvent(e), allocs)
			}
		}
	}
	if allocs := testing.AllocsPerRun(100, func() { _, _ = Provisional(s, Event{Kind: terminalFault}) }); allocs != 0 {
		t.Errorf("Provisional(terminal-fault) allocates %v times", allocs)
	}
}

// fixtureSwitch is the fixture's table written by hand: the floor the hot
// path over declared attributes is measured against.
func fixtureSwitch(e Event) Level {
	switch e.Kind {
	case terminalFault:
		if e.Declared.At(0) == causeFound {
			return Level1
		}
	case serverFault:
		if e.Declared.At(1) == stopBrief {
			return Level2
		}
	case Intrusion:
		return Level(e.Place)
	case UnauthorizedAccess, VirusInfection:
		return Level3
	case VirusDetected:
		return Level2
	}
	return 0
}

var (
	fixtureGraded = []Event{
		fev(terminalFault, attrCause, causeFound),
		fev(serverFault, attrStop, stopBrief),
		{Kind: terminalFault, Declared: Values(0).With(0, causeFound), Source: SourceLocal},
	}
	fixtureUngraded = []Event{
		fev(terminalFault, attrCause, causeUnknown),
		fev(serverFault, attrStop, stopNone),
	}
)

// TestFixtureSwitchIsTheTable: the benchmark's switch is the fixture's table.
func TestFixtureSwitchIsTheTable(t *testing.T) {
	s := fixtureScheme(t)
	kinds := append(AllActKinds(), terminalFault, serverFault)
	for _, k := range kinds {
		for _, e := range s.completions(Event{Kind: k}, s.Reads(k)) {
			g, err := Grade(s, e)
			if want := fixtureSwitch(e); !(err == nil && g.Level == want || want == 0 && errors.Is(err, ErrNotCovered)) {
				t.Errorf("%s: Grade = %s, %v; switch = %s", s.FormatEvent(e), g.Level, err, want)
			}
		}
	}
}

// BenchmarkDeclaredHotPathRatio is BenchmarkHotPathRatio over the declared
// attributes of the fixture: the switch, Grade and Decide on its graded
// faults, batch by batch, the fastest batch of each kept, and Decide on
// events the table does not grade. Targets: grade/switch and decide/switch
// ≤ 10, ungraded/graded ≤ 2 (as BenchmarkHotPathRatio's), no allocation.
func BenchmarkDeclaredHotPathRatio(b *testing.B) {
	s := fixtureScheme(b)
	const batch = 512
	graded := make([]Event, batch)
	for i := range graded {
		graded[i] = fixtureGraded[i%len(fixtureGraded)]
	}
	ungraded := make([]Event, batch)
	for i := range ungraded {
		ungraded[i] = fixtureUngraded[i%len(fixtureUngraded)]
	}
	best := [4]float64{1e18, 1e18, 1e18, 1e18}
	b.ReportAllocs()
	for b.Loop() {
		for i, f := range []func(){
			func() {
				for _, e := range graded {
					sinkLevel = fixtureSwitch(e)
				}
			},
			func() {
				for _, e := range graded {
					g, err := Grade(s, e)
					sinkLevel, sinkErr = g.Level, err
				}
			},
			func() {
				for _, e := range graded {
					r, err := Decide(s, e)
					sinkLevel, sinkErr = r.Grading.Level, err
				}
			},
			func() {
				for _, e := range ungraded {
					r, err := Decide(s, e)
					sinkLevel, sinkErr = r.Grading.Level, err
				}
			},
		} {
			start := time.Now()
			f()
			if d := float64(time.Since(start)) / batch; d < best[i] {
				best[i] = d
			}
		}
	}
	b.ReportMetric(best[0], "switch-ns")
	b.ReportMetric(best[1], "grade-ns")
	b.ReportMetric(best[2], "decide-ns")
	b.ReportMetric(best[3], "ungraded-ns")
	b.ReportMetric(best[1]/best[0], "grade/switch")
	b.ReportMetric(best[2]/best[0], "decide/switch")
	b.ReportMetric(best[3]/best[2], "ungraded/graded")
}

// FuzzDeclaredEvent parses events in the words of the fixture's plan: what
// parses is a valid event that writes back to the same event, in the plan's
// words and in the engine's, and grades without panicking.
func FuzzDeclaredEvent(f *testing.F) {
	for _, s := range []string{
		"terminal-fault cause=found", "サーバの障害 復旧のための停止=一時的な停止を要する source=local",
		"kind#13 attribute#4=1", "kind#14 attribute#5=3", "terminal-fault speed=fast", "terminal-fault cause=found cause=unknown",
		"intrusion place=protected attribute#7=15", "kind#63", "server-fault stop=16",
	} {
		f.Add(s)
	}
	s := fixtureScheme(f)
	f.Fuzz(func(t *testing.T, text string) {
		e, err := s.ParseEvent(text)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseEvent(%q) error %v does not wrap ErrInvalid", text, err)
			}
			return
		}
		if err := e.Validate(); err != nil {
			t.Fatalf("ParseEvent(%q) = %v, which is invalid: %v", text, e, err)
		}
		if back, err := ParseEvent(e.String()); err != nil || back != e {
			t.Fatalf("engine words: %q → %v → %q → %v, %v", text, e, e.String(), back, err)
		}
		if b, err := s.decl.AppendEvent(nil, e); err == nil {
			if back, err := s.ParseEvent(string(b)); err != nil || back != e {
				t.Fatalf("plan words: %q → %v → %q → %v, %v", text, e, b, back, err)
			}
		}
		_, _ = Decide(s, e)
		_, _ = Provisional(s, e)
	})
}
