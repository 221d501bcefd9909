package bcp

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/threat"
)

// fixture19 is issue 19's example as a plan file: one three-level table that
// grades faults as well as unauthorized acts. A test fixture, cited as
// fixture19:CLAUSE, not one of the five reference plans.
func fixture19(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/declared/fixture19.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDeclaredPlanFile reads the fixture, grades through its table in the
// plan's words, and writes it back in the same words.
func TestDeclaredPlanFile(t *testing.T) {
	p, err := ParsePlan(fixture19(t))
	if err != nil {
		t.Fatal(err)
	}
	s, err := p.Scheme()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, event string
		level       threat.Level
		err         error
	}{
		{"fixture19:第1(1)/terminal-fault-cause-found", "terminal-fault cause=found", threat.Level1, nil},
		{"fixture19:第1(2)/server-fault-brief-stop", "サーバの障害 復旧のための停止=一時的な停止を要する", threat.Level2, nil},
		{"fixture19:第1(3)/intrusion-protected", "intrusion place=protected", threat.Level3, nil},
		{"fixture19:第1/terminal-fault-cause-unknown", "terminal-fault cause=unknown", 0, threat.ErrNotCovered},
		{"fixture19:第1/server-fault-stop-not-known", "server-fault", 0, threat.ErrIncomplete},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := s.ParseEvent(tc.event)
			if err != nil {
				t.Fatal(err)
			}
			r, err := threat.Decide(s, e)
			if !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) || r.Grading.Level != tc.level {
				t.Fatalf("Decide(%s) = %s, %v; want %s, %v", tc.event, r.Grading.Level, err, tc.level, tc.err)
			}
			if err == nil && (r.Actions.Len() == 0 || r.Grading.Citations.Len() == 0) {
				t.Errorf("Decide(%s): no actions or citations: %+v", tc.event, r)
			}
		})
	}
	kinds, attrs := s.Declarations()
	if len(kinds) != 2 || !kinds[0].Fault || kinds[0].Label != "端末の障害" || len(attrs) != 2 || attrs[1].Values[1].ID != "brief" {
		t.Errorf("declarations: %+v %+v", kinds, attrs)
	}
	out, err := p.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(`"match": "server-fault stop=brief"`)) {
		t.Errorf("the file does not write its matches in its own words:\n%s", out)
	}
	back, err := ParsePlan(out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p.Threat.Rules, back.Threat.Rules, cmp.Comparer(func(a, b threat.Rule) bool {
		return a.Match == b.Match && a.Level == b.Level && a.Example == b.Example && a.Citations.Equal(b.Citations)
	})); diff != "" {
		t.Errorf("rules changed on the way back (-want +got):\n%s", diff)
	}
}

// TestDeclaredPlanFileErrors: a declared value the table never mentions and
// a row over an undeclared attribute are errors at their JSON paths.
func TestDeclaredPlanFileErrors(t *testing.T) {
	data := string(fixture19(t))
	for _, tc := range []struct {
		name, old, new, path, says string
	}{
		{"value-never-mentioned",
			`{"id": "unknown", "label": "原因が判明していない", "labelEn": "unknown"}]`,
			`{"id": "unknown", "label": "原因が判明していない", "labelEn": "unknown"}, {"id": "partial", "label": "一部判明"}]`,
			"$.threat.attributes[0].values[2]", `value "partial" of attribute "cause" is never mentioned`},
		{"row-over-undeclared-attribute",
			`"match": "terminal-fault cause=unknown"`, `"match": "terminal-fault speed=fast"`,
			"$.threat.rules[1].match", `"speed" is no attribute of the engine's nor one the plan declares (cause, stop)`},
		{"undeclared-value",
			`"match": "terminal-fault cause=unknown"`, `"match": "terminal-fault cause=maybe"`,
			"$.threat.rules[1].match", `"maybe" is no value of attribute "cause"`},
		{"undeclared-kind",
			`"match": "terminal-fault cause=unknown"`, `"match": "printer-fault"`,
			"$.threat.rules[1].match", `unknown kind "printer-fault"`},
		{"duplicate-kind",
			`"label": "サーバの障害"`, `"label": "端末の障害"`,
			"$.threat.kinds[1]", `names the same as kinds[0]`},
		{"kind-never-graded",
			`"kinds": [`, `"kinds": [{"id": "printer-fault", "label": "プリンタの障害"}, `,
			"$.threat.kinds[0]", `kind "printer-fault" is neither graded nor marked not covered`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(data, tc.old) {
				t.Fatalf("fixture has no %s", tc.old)
			}
			_, err := ParsePlan([]byte(strings.Replace(data, tc.old, tc.new, 1)))
			for _, pe := range pathErrors(err) {
				if pe.Path == tc.path && strings.Contains(pe.Error(), tc.says) && errors.Is(pe, ErrBadValue) {
					return
				}
			}
			t.Errorf("ParsePlan = %v; want %s at %s", err, tc.says, tc.path)
		})
	}
}
