package drill

import (
	"os"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/threat"
)

// TestDrillGradesAFaultThroughTheTable: under issue 19's fixture, whose level
// table grades faults as well as unauthorized acts, a drill grades a terminal
// fault through the table: provisional while its cause is not known, level
// 1 once it is found (fixture19:第1(1)), and plays level 1's response
// (fixture19:第3).
func TestDrillGradesAFaultThroughTheTable(t *testing.T) {
	data, err := os.ReadFile("../testdata/declared/fixture19.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.ParsePlan(data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseScenario(p, []byte(`{"id":"fixture19-terminal-fault","plan":"fixture19","events":[
		{"at":"2026-04-01T10:00:00+09:00","kind":"fault-detected","act":{"kind":"terminal-fault"}},
		{"at":"2026-04-01T10:30:00+09:00","kind":"attribute-learned","learned":{"原因":"原因が判明している"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Events[1].Learned.Value(threat.DeclaredAttribute(0)); got != 1 {
		t.Fatalf("learned cause = %d, want found (1)", got)
	}
	tl, err := Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	var provisional, graded, reported bool
	for i, e := range tl.Entries {
		line := tl.Line(i, bcp.English)
		switch {
		case e.Act == ActProvisional && e.Min == threat.Level1 && e.Max == threat.Level1 && strings.Contains(line, "{cause}"):
			provisional = true
		case e.Level == threat.Level1 && strings.Contains(line, "fixture19:第1(1)"):
			graded = true
		}
		if e.Level == threat.Level1 && strings.Contains(line, "fixture19:第3") {
			reported = true
		}
	}
	if !provisional || !graded || !reported {
		var b strings.Builder
		for i := range tl.Entries {
			b.WriteString(tl.Line(i, bcp.English) + "\n")
		}
		t.Errorf("provisional %t, graded %t, level 1 response %t:\n%s", provisional, graded, reported, b.String())
	}
	// The scenario writes back in the engine's words and reads back.
	out, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseScenario(p, out)
	if err != nil || back.Events[1] != s.Events[1] || back.Events[0] != s.Events[0] {
		t.Errorf("scenario round trip: %v\n%s", err, out)
	}
	// An engine kind is no fault of the table, nor is a plan without one.
	bad := strings.Replace(string(out), `"kind#13"`, `"intrusion"`, 1)
	if _, err := ParseScenario(p, []byte(bad)); err == nil {
		t.Errorf("a fault-detected act of an engine kind is accepted:\n%s", bad)
	}
	if _, err := Run(bcp.Tottori(), s); err == nil {
		t.Error("tottori, whose table grades no fault, ran the fixture's fault")
	}
}
