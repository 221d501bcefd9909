package drill

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/threat"
	"pgregory.net/rapid"
)

// genScenario draws a valid scenario for one reference plan: an opening
// event the plan handles, then events in time order, and maybe a recovery
// last.
func genScenario(t *rapid.T) (bcp.Plan, Scenario) {
	ids := reference.IDs() // sorted
	id := rapid.SampledFrom(ids).Draw(t, "plan")
	p, err := bcp.Reference(id)
	if err != nil {
		t.Fatal(err)
	}
	var symptoms []fault.Symptom
	var triggers []fault.Signal
	if fp, err := p.FaultProcedure(); err == nil {
		for _, k := range fault.AllKinds() {
			symptoms = append(symptoms, fp.Symptoms(k)...)
		}
		for _, d := range fp.Signals() {
			triggers = append(triggers, d.Signal)
		}
	}
	now := day(0, 8, 0)
	step := func() time.Time {
		now = now.Add(time.Duration(rapid.IntRange(0, 600).Draw(t, "minutes")) * time.Minute)
		return now
	}
	status := func(at time.Time) Status {
		s := Status{
			ServerDown:          rapid.Bool().Draw(t, "server-down"),
			CauseUnknown:        rapid.Bool().Draw(t, "cause-unknown"),
			OperationImpossible: rapid.Bool().Draw(t, "impossible"),
			IdentityAffected:    rapid.Bool().Draw(t, "identity"),
			Impact:              rapid.IntRange(0, 100).Draw(t, "impact"),
			ExpectedStop:        time.Duration(rapid.IntRange(0, 96).Draw(t, "stop-hours")) * time.Hour,
			Up:                  bcp.Services(rapid.Uint64Range(0, uint64(allServices())).Draw(t, "up")) & allServices(),
			Changed:             bcp.Fields(rapid.Uint64Range(0, uint64(allFields())).Draw(t, "changed")) & allFields(),
		}
		if rapid.Bool().Draw(t, "expected-known") {
			s.Expected = at.Add(time.Duration(rapid.IntRange(0, 72).Draw(t, "expected-in")) * time.Hour)
		}
		return s
	}
	act := func() threat.Event {
		return threat.Event{
			Kind:     rapid.SampledFrom(threat.AllActKinds()).Draw(t, "kind"),
			Place:    threat.Place(rapid.IntRange(0, len(threat.AllPlaces())).Draw(t, "place")),
			Firewall: threat.Firewall(rapid.IntRange(0, len(threat.AllFirewalls())).Draw(t, "firewall")),
			Severity: threat.Seriousness(rapid.IntRange(0, len(threat.AllSeriousness())).Draw(t, "severity")),
			Source:   threat.Source(rapid.IntRange(0, len(threat.AllSources())).Draw(t, "source")),
		}
	}
	judged := func(e *Event) {
		if id == council.PlanIno && rapid.Bool().Draw(t, "judged") {
			e.Judgement = rapid.SampledFrom([]Judgement{NotSerious, Serious}).Draw(t, "judgement")
			e.Reason = "drill"
		}
	}
	// kinds of event the plan handles, as openings and as later events
	var openings []EventKind
	switch {
	case p.Continuity != nil && p.Fault == nil:
		openings = []EventKind{FaultDetected}
	default:
		openings = []EventKind{FaultDetected, ActObserved}
		if len(symptoms) > 0 {
			openings = append(openings, SymptomReported)
		}
	}
	later := slices.Clone(openings)
	later = append(later, StatusChange)
	if p.Measures != nil && p.Measures.Controls != nil {
		later = append(later, CardLost)
	}
	s := Scenario{ID: "rapid", Plan: id}
	sawAct := false
	n := rapid.IntRange(0, 8).Draw(t, "n")
	for i := 0; i <= n; i++ {
		kinds := later
		if i == 0 {
			kinds = openings
		}
		if sawAct {
			kinds = append(slices.Clone(kinds), AttributeLearned)
		}
		e := Event{At: step(), Kind: rapid.SampledFrom(kinds).Draw(t, "event")}
		switch e.Kind {
		case FaultDetected:
			e.Status = status(e.At)
			if len(triggers) > 0 && rapid.Bool().Draw(t, "with-trigger") {
				e.Trigger = rapid.SampledFrom(triggers).Draw(t, "trigger")
			}
		case StatusChange:
			e.Status = status(e.At)
		case SymptomReported:
			e.Symptom = rapid.SampledFrom(symptoms).Draw(t, "symptom")
		case ActObserved:
			e.Act = act()
			sawAct = true
			judged(&e)
		case AttributeLearned:
			a := rapid.SampledFrom(threat.AllAttributes()).Draw(t, "attribute")
			max := map[threat.Attribute]int{threat.AttrPlace: len(threat.AllPlaces()), threat.AttrFirewall: len(threat.AllFirewalls()), threat.AttrSeverity: len(threat.AllSeriousness())}[a]
			e.Learned = threat.Event{}.With(a, uint8(rapid.IntRange(1, max).Draw(t, "value")))
			judged(&e)
		}
		s.Events = append(s.Events, e)
	}
	if rapid.Bool().Draw(t, "recovered") {
		s.Events = append(s.Events, Event{At: step(), Kind: Recovery})
	}
	return p, s
}

func entryKeys(tl Timeline) map[string]int {
	m := map[string]int{}
	for _, e := range tl.Entries {
		b, _ := json.Marshal(e)
		m[string(b)]++
	}
	return m
}

func TestDrillProperties(t *testing.T) {
	t.Run("ValidScenarios", rapid.MakeCheck(func(t *rapid.T) {
		_, s := genScenario(t)
		if err := s.Validate(); err != nil {
			t.Fatalf("generator drew an invalid scenario: %v", err)
		}
	}))
	t.Run("SortedCitedDeterministic", rapid.MakeCheck(func(t *rapid.T) {
		p, s := genScenario(t)
		a, err := Run(p, s)
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		b, err := Run(p, s.Clone())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("two runs differ (-first +second):\n%s", diff)
		}
		for i, e := range a.Entries {
			if i > 0 && e.At.Before(a.Entries[i-1].At) {
				t.Fatalf("entry %d at %v before entry %d at %v", i, e.At, i-1, a.Entries[i-1].At)
			}
			if e.Cites.Len() == 0 {
				t.Fatalf("entry %d uncited: %s", i, line(e))
			}
			if ps := e.Cites.Plans(); len(ps) != 1 || ps[0] != p.ID {
				t.Fatalf("entry %d cites %v under %s", i, ps, p.ID)
			}
			if !e.Act.IsValid() || e.Event < 0 || e.Event >= len(s.Events) {
				t.Fatalf("entry %d malformed: %+v", i, e)
			}
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatalf("timeline does not encode: %v", err)
		}
	}))
	t.Run("AddingAnEventRemovesNothing", rapid.MakeCheck(func(t *rapid.T) {
		p, s := genScenario(t)
		if len(s.Events) < 2 {
			return
		}
		k := rapid.IntRange(1, len(s.Events)-1).Draw(t, "prefix")
		short := s.Clone()
		short.Events = short.Events[:k]
		a, err := Run(p, short)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Run(p, s)
		if err != nil {
			t.Fatal(err)
		}
		have := entryKeys(b)
		for key, n := range entryKeys(a) {
			if have[key] < n {
				t.Fatalf("entry lost when events %d… were added:\n%s", k, key)
			}
		}
	}))
}

// nakanoWeek is a week-long outage of nakano's IaaS: recovery time unknown
// for two days, the groupware back on day 3, recovered on day 7.
func nakanoWeek() Scenario {
	s := Scenario{ID: "nakano-7-days", Plan: council.PlanNakano, Events: []Event{
		{At: day(0, 7, 30), Kind: FaultDetected, By: nakanoProvider()},
	}}
	for d := 0; d < 7; d++ {
		st := Status{Changed: bcp.FieldsOf(bcp.FieldSituation, bcp.FieldResponse)}
		if d >= 2 {
			st.Up = bcp.ServicesOf(bcp.Groupware)
		}
		if d >= 4 {
			st.Expected = day(7, 10, 0)
		}
		s.Events = append(s.Events, Event{At: day(d, 13, 0), Kind: StatusChange, Status: st})
	}
	s.Events = append(s.Events, Event{At: day(7, 10, 0), Kind: Recovery})
	return s
}

// BenchmarkDrillNakanoSevenDays runs the week on a prepared Drill: the
// drill itself, without building the plan's scheme and fingerprint.
func BenchmarkDrillNakanoSevenDays(b *testing.B) {
	d, err := NewDrill(bcp.Nakano())
	if err != nil {
		b.Fatal(err)
	}
	s := nakanoWeek()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		tl, err := d.Run(s)
		if err != nil {
			b.Fatal(err)
		}
		n = len(tl.Entries)
	}
	b.ReportMetric(float64(n), "entries")
}

// BenchmarkRunNakanoSevenDays is the same week through Run, which also
// prepares the plan (and hashes it for its provenance) every time.
func BenchmarkRunNakanoSevenDays(b *testing.B) {
	p, s := bcp.Nakano(), nakanoWeek()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		tl, err := Run(p, s)
		if err != nil {
			b.Fatal(err)
		}
		n = len(tl.Entries)
	}
	b.ReportMetric(float64(n), "entries")
}
