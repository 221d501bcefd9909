package threat

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jukiplan/jukiplan/council"
)

func ven(clauses ...string) council.Citations { return cites("vendor", clauses...) }

// vendorSpec is a small valid vendor scheme: intrusions graded by place, the
// firewall deciding unauthorized access, every other kind level 2.
func vendorSpec() Spec {
	rules := []Rule{
		{Match: Event{Kind: Intrusion, Place: PlaceUnrelated}, Level: Level1, Example: "備品室", Citations: ven("1")},
		{Match: Event{Kind: Intrusion, Place: PlaceRelated}, Level: Level2, Example: "機械室", Citations: ven("1")},
		{Match: Event{Kind: Intrusion, Place: PlaceProtected}, Level: Level3, Example: "サーバ室", Citations: ven("1")},
		{Match: Event{Kind: UnauthorizedAccess, Firewall: FirewallStopped}, Level: Level2, Example: "FWで遮断", Citations: ven("2")},
		{Match: Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed}, Level: Level3, Example: "FWを通過", Citations: ven("2")},
	}
	for _, k := range AllActKinds() {
		if k != Intrusion && k != UnauthorizedAccess {
			rules = append(rules, Rule{Match: Event{Kind: k}, Level: Level2, Example: "その他", Citations: ven("3")})
		}
	}
	report := func(l Level) Tier {
		return Tier{Level: l, Actions: []Action{{Actor: sysAdmin, Task: Report, Target: chief, If: Always, Citations: ven("4")}}}
	}
	return Spec{
		Plan: "vendor", Name: "vendor scheme", Scale: ScaleLevels, Rules: rules,
		SeriousFrom: Level3, SeriousCitations: ven("5"), Judgement: ven("6"),
		Responses: []Tier{report(Level1), report(Level2), report(Level3)},
	}
}

func TestNewSchemeVendor(t *testing.T) {
	s, err := NewScheme(vendorSpec())
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Reads(Intrusion); got != AttributesOf(AttrPlace) {
		t.Errorf("Reads(intrusion) = %s", got)
	}
	if got := s.Reads(Leak); got != 0 {
		t.Errorf("Reads(leak) = %s", got)
	}
	if g, err := Grade(s, Event{Kind: Intrusion, Place: PlaceProtected}); err != nil || g.Level != Level3 || !g.Citations.Equal(ven("1", "5")) {
		t.Errorf("vendor grade: %+v, %v", g, err)
	}
}

// Each check of NewScheme, broken one at a time.
func TestNewSchemeChecks(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*Spec)
		wants []string // phrases the error must contain
	}{
		{"plan-id", func(s *Spec) { s.Plan = "Vendor X" }, []string{"plan ID"}},
		{"scale", func(s *Spec) { s.Scale = 0 }, []string{"scale"}},
		{"kind-not-mentioned", func(s *Spec) {
			s.Rules = slices.DeleteFunc(s.Rules, func(r Rule) bool { return r.Match.Kind == Leak })
		}, []string{"kind leak is neither graded nor marked not covered"}},
		{"gap", func(s *Spec) { s.Rules = slices.Delete(s.Rules, 1, 2) }, []string{"intrusion place=related is matched by no rule"}},
		{"overlap", func(s *Spec) {
			s.Rules = append(s.Rules, Rule{Match: Event{Kind: Intrusion, Place: PlaceUnrelated}, Level: Level1, Example: "重複", Citations: ven("1")})
		}, []string{"intrusion place=unrelated is matched by overlapping rules [0 "}},
		{"conflict", func(s *Spec) {
			s.Rules = append(s.Rules, Rule{Match: Event{Kind: Intrusion}, Level: Level2, Example: "全部", Citations: ven("1")})
		}, []string{"conflicting rules", "intrusion place=unrelated", "intrusion place=protected"}},
		{"not-monotone", func(s *Spec) { s.Rules[3].Level, s.Rules[4].Level = Level3, Level2 }, []string{"not monotone: unauthorized-access firewall=stopped is level-3 but the worse unauthorized-access firewall=passed is level-2"}},
		{"attribute-never-matters", func(s *Spec) { s.Rules[3].Level = Level3 }, []string{"kind unauthorized-access reads firewall, but it never changes the outcome"}},
		{"other-plan-citation", func(s *Spec) { s.Rules[0].Citations = tot("第3-1") }, []string{`rule 0 (intrusion place=unrelated): citation tottori:第3-1 is not of plan "vendor"`}},
		{"no-citation", func(s *Spec) { s.Rules[0].Citations = council.Citations{} }, []string{"rule 0 (intrusion place=unrelated): no citation"}},
		{"no-example", func(s *Spec) { s.Rules[0].Example = " " }, []string{"rule 0 (intrusion place=unrelated): no example"}},
		{"bad-level", func(s *Spec) { s.Rules[0].Level = 4 }, []string{"rule 0: level Level(4) is not valid"}},
		{"bad-kind", func(s *Spec) { s.Rules[0].Match.Kind = 0 }, []string{`threat: scheme "vendor": rule 0: match: kind Kind(0) is not a kind`}},
		{"grades-on-source", func(s *Spec) { s.Rules[0].Match.Source = SourceAudit }, []string{"rule 0: matches on source audit"}},
		{"serious-from", func(s *Spec) { s.SeriousFrom = 0 }, []string{"serious-from level Level(0) is not valid"}},
		{"judgement", func(s *Spec) { s.Judgement = council.Citations{} }, []string{"judgement: no citation"}},
		{"missing-response", func(s *Spec) { s.Responses = s.Responses[:2] }, []string{"no response for outcome 3"}},
		{"duplicate-response", func(s *Spec) { s.Responses = append(s.Responses, s.Responses[0]) }, []string{"response 3: a second response for the same outcome"}},
		{"bad-action", func(s *Spec) { s.Responses[0].Actions = []Action{{Task: Report, If: Always, Citations: ven("4")}} }, []string{"response 0: action 0: actor Actor(0,0) is not valid"}},
		{"bad-notification", func(s *Spec) {
			s.Responses[1].Notifications = []Notification{{To: nationalCtr, Citations: ven("4")}}
		}, []string{"response 1: notification 0: condition Condition(0) is not valid"}},
		{"serious-tier-on-levels", func(s *Spec) { s.Precautions = []Tier{{Serious: true}} }, []string{"precaution 0: serious is for the serious scale"}},
		{"rules-on-serious-scale", func(s *Spec) { s.Scale, s.SeriousFrom = ScaleSerious, 0 }, []string{"has no decision table"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := vendorSpec()
			tc.edit(&spec)
			s, err := NewScheme(spec)
			if s != nil || !errors.Is(err, ErrScheme) && !errors.Is(err, council.ErrInvalid) {
				t.Fatalf("NewScheme = %v, %v; want an error", s, err)
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not say %q:\n%v", w, err)
				}
			}
			if !strings.HasPrefix(err.Error(), `threat: scheme "`) {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

// Every problem is reported, not just the first.
func TestNewSchemeReportsEveryProblem(t *testing.T) {
	spec := vendorSpec()
	spec.Judgement = council.Citations{}
	spec.SeriousFrom = 0
	spec.Responses = nil
	_, err := NewScheme(spec)
	for _, w := range []string{"judgement", "serious-from", "outcome 1", "outcome 2", "outcome 3"} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error does not mention %s: %v", w, err)
		}
	}
}

func TestReferenceSchemesPassChecks(t *testing.T) {
	for _, spec := range []Spec{tottoriSpec(), kumamotoSpec(), inoSpec()} {
		t.Run(spec.Plan, func(t *testing.T) {
			s, err := NewScheme(spec)
			if err != nil {
				t.Fatal(err)
			}
			if s.Plan() != spec.Plan || s.Name() == "" {
				t.Errorf("plan %q name %q", s.Plan(), s.Name())
			}
		})
	}
	if tottori() == nil || kumamoto() == nil || ino() == nil {
		t.Fatal("a reference scheme failed to build")
	}
	// Every kind is explicitly graded or not covered in both levelled schemes.
	for _, s := range []*Scheme{tottori(), kumamoto()} {
		for _, k := range AllActKinds() {
			if !slices.ContainsFunc(s.Rules(), func(r Rule) bool { return r.Match.Kind == k }) {
				t.Errorf("%s does not mention %s", s.Plan(), k)
			}
		}
	}
}

// A scheme hands out copies and keeps its own: what one caller does to its
// copy never reaches the next.
func TestReferenceSchemesAreFresh(t *testing.T) {
	s0 := tottori()
	rules := s0.Rules()
	rules[0].Level = Level3
	if g, _ := Grade(s0, Event{Kind: Intrusion, Place: PlaceUnrelated}); g.Level != Level1 {
		t.Errorf("a caller's edit reached the scheme: %s", g.Level)
	}
	if diff := cmp.Diff(s0.Rules()[0].Level, Level1); diff != "" {
		t.Errorf("the scheme's rules changed (-want +got):\n%s", diff)
	}
	// NewScheme copies the caller's slices.
	spec := tottoriSpec()
	s, err := NewScheme(spec)
	if err != nil {
		t.Fatal(err)
	}
	spec.Rules[0].Level = Level3
	spec.Responses[0].Actions[0].Task = StopSystem
	if g, _ := Grade(s, Event{Kind: Intrusion, Place: PlaceUnrelated}); g.Level != Level1 {
		t.Errorf("editing the spec after NewScheme changed the scheme: %s", g.Level)
	}
	r, _ := Respond(s, Grading{Plan: "tottori", Level: Level1})
	if r.Actions.At(0).Task != Report {
		t.Errorf("editing the spec after NewScheme changed a response: %s", r.Actions.At(0))
	}
	sl := r.Actions.Slice()
	sl[0].Task = StopSystem
	if r2, _ := Respond(s, Grading{Plan: "tottori", Level: Level1}); r2.Actions.At(0).Task != Report {
		t.Error("editing Actions.Slice changed the scheme")
	}
}

// A spec survives JSON, so a vendor can keep its scheme in a file.
func TestSpecJSONRoundTrip(t *testing.T) {
	for _, spec := range []Spec{tottoriSpec(), kumamotoSpec(), inoSpec(), vendorSpec()} {
		t.Run(spec.Plan, func(t *testing.T) {
			b, err := json.Marshal(spec)
			if err != nil {
				t.Fatal(err)
			}
			var back Spec
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(spec, back, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
			if _, err := NewScheme(back); err != nil {
				t.Fatal(err)
			}
		})
	}
}
