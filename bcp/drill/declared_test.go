package drill

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	for _, e := range tl.Entries {
		cites := e.Cites.String()
		switch {
		case e.Act == ActProvisional && e.Min == threat.Level1 && e.Max == threat.Level1 &&
			e.What.Unknown == threat.AttributesOf(threat.DeclaredAttribute(0)):
			provisional = true
		case e.What.About == AboutGrade && e.Level == threat.Level1 && e.What.Example == "原因が判明している端末の障害" && cites == "fixture19:第1(1)":
			graded = true
		}
		if e.Level == threat.Level1 && e.Act == ActReport && cites == "fixture19:第3" {
			reported = true
		}
	}
	if !provisional || !graded || !reported {
		t.Errorf("provisional %t, graded %t, level 1 response %t:\n%+v", provisional, graded, reported, tl.Entries)
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

// TestDeclaredTimelineJSON: a timeline of issue 19's fixture carries the
// kinds and attributes the plan declares, with their labels in both
// languages (fixture19:第1(1), 第1(2)), writes its events in the plan's
// words and round-trips through JSON unchanged.
func TestDeclaredTimelineJSON(t *testing.T) {
	data, err := os.ReadFile("../testdata/declared/fixture19.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.ParsePlan(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"fixture19-terminal-fault", "fixture19-server-fault"} {
		t.Run(id, func(t *testing.T) {
			data, err := os.ReadFile("../testdata/declared/" + id + ".json")
			if err != nil {
				t.Fatal(err)
			}
			s, err := ParseScenario(p, data)
			if err != nil {
				t.Fatal(err)
			}
			tl, err := Run(p, s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p.Threat.Kinds, tl.Kinds, jsonOpts); diff != "" {
				t.Errorf("timeline kinds (-plan +timeline):\n%s", diff)
			}
			if diff := cmp.Diff(p.Threat.Attributes, tl.Attributes, jsonOpts); diff != "" {
				t.Errorf("timeline attributes (-plan +timeline):\n%s", diff)
			}
			out, err := json.Marshal(tl)
			if err != nil {
				t.Fatal(err)
			}
			var back Timeline
			if err := json.Unmarshal(out, &back); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if diff := cmp.Diff(tl, back, jsonOpts); diff != "" {
				t.Errorf("lost in the round trip (-want +got):\n%s", diff)
			}
			// Neither the events nor the entries (a provisional grade's
			// attributes not yet known) name them in the engine's form.
			for _, form := range []string{"kind#", "attribute#"} {
				if i := strings.Index(string(out), form); i >= 0 {
					t.Errorf("the timeline's JSON in the engine's form: …%s…", out[max(0, i-80):min(len(out), i+40)])
				}
			}
			// The plan's own scenario writer names them so too, and reads back.
			sc, err := MarshalScenario(p, s)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(sc), "kind#") || strings.Contains(string(sc), "attribute#") {
				t.Errorf("MarshalScenario in the engine's form: %s", sc)
			}
			if back, err := ParseScenario(p, sc); err != nil {
				t.Error(err)
			} else if diff := cmp.Diff(s, back, jsonOpts); diff != "" {
				t.Errorf("MarshalScenario round trip (-want +got):\n%s", diff)
			}
		})
	}
}
