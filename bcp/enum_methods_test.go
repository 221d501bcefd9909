package bcp_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// enumMethods is the method set every enum of the module has (issue 18: one
// idiom): names both ways, text encoding, order and validity.
type enumMethods[E any] interface {
	~uint8
	String() string
	Label() string
	AppendText([]byte) ([]byte, error)
	MarshalText() ([]byte, error)
	Compare(E) int
	IsValid() bool
}

// checkEnumMethods checks one enum through its list of values: each value is
// valid, named once in each language, encodes and decodes to itself, orders
// as its number, and the zero value is invalid, prints without panicking and
// does not encode.
func checkEnumMethods[E enumMethods[E], P interface {
	*E
	UnmarshalText([]byte) error
}](t *testing.T, all []E) {
	t.Helper()
	if len(all) == 0 {
		// An open kind whose values all belong to plans: its first value
		// is a plan's, and still round-trips as "kind#1".
		v := E(1)
		b, err := v.MarshalText()
		var got E
		if !v.IsValid() || !strings.Contains(v.String(), "#") || err != nil || P(&got).UnmarshalText(b) != nil || got != v {
			t.Fatalf("no named values, and %d is not a plan's value that round-trips (%q, %v)", v, b, err)
		}
	}
	seen := map[string]E{}
	for i, v := range all {
		if !v.IsValid() {
			t.Errorf("%d: %v is not valid", i, v)
		}
		if int(v) != i+1 {
			t.Errorf("value %d is %d: the list has a gap", i, v)
		}
		en, ja := v.String(), v.Label()
		if en == "" || ja == "" || strings.Contains(en, "(") {
			t.Errorf("%d: names %q / %q", v, en, ja)
		}
		if w, dup := seen[en]; dup {
			t.Errorf("%d and %d are both %q", w, v, en)
		}
		seen[en] = v
		b, err := v.MarshalText()
		if err != nil || string(b) != en {
			t.Errorf("MarshalText(%v) = %q, %v", v, b, err)
		}
		if b, _ := v.AppendText([]byte("x")); string(b) != "x"+en {
			t.Errorf("AppendText(%v) = %q", v, b)
		}
		for _, s := range []string{en, ja} {
			var got E
			if err := P(&got).UnmarshalText([]byte(s)); err != nil || got != v {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v", s, got, err, v)
			}
		}
		if i > 0 && (v.Compare(all[i-1]) <= 0 || all[i-1].Compare(v) >= 0 || v.Compare(v) != 0) {
			t.Errorf("Compare does not order %v after %v", v, all[i-1])
		}
	}
	var zero E
	if zero.IsValid() || zero.String() == "" {
		t.Errorf("zero value: valid %v, String %q", zero.IsValid(), zero.String())
	}
	if _, err := zero.MarshalText(); !errors.Is(err, bcp.ErrInvalid) {
		t.Errorf("zero value encodes: %v", err)
	}
	var x E
	if err := P(&x).UnmarshalText([]byte("no such value")); !errors.Is(err, bcp.ErrInvalid) || x != zero {
		t.Errorf("UnmarshalText(junk) = %v, left %v", err, x)
	}
}

// TestEveryEnumHasTheMethodSet runs checkEnumMethods over every enum of the
// module, each listed by its All function.
func TestEveryEnumHasTheMethodSet(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  func(*testing.T)
	}{
		{"council.Party", func(t *testing.T) { checkEnumMethods(t, council.AllParties()) }},
		{"council.Resolution", func(t *testing.T) { checkEnumMethods(t, council.AllResolutions()) }},
		{"council.Body", func(t *testing.T) { checkEnumMethods(t, council.AllBodies()) }},
		{"council.Role", func(t *testing.T) { checkEnumMethods(t, council.AllRoles()) }},
		{"council.Trigger", func(t *testing.T) { checkEnumMethods(t, council.AllTriggers()) }},
		{"threat.ActKind", func(t *testing.T) { checkEnumMethods(t, threat.AllActKinds()) }},
		{"threat.Place", func(t *testing.T) { checkEnumMethods(t, threat.AllPlaces()) }},
		{"threat.Firewall", func(t *testing.T) { checkEnumMethods(t, threat.AllFirewalls()) }},
		{"threat.Seriousness", func(t *testing.T) { checkEnumMethods(t, threat.AllSeriousness()) }},
		{"threat.Source", func(t *testing.T) { checkEnumMethods(t, threat.AllSources()) }},
		{"threat.Attribute", func(t *testing.T) { checkEnumMethods(t, threat.AllAttributes()) }},
		{"threat.Scale", func(t *testing.T) { checkEnumMethods(t, threat.AllScales()) }},
		{"threat.Level", func(t *testing.T) { checkEnumMethods(t, threat.AllLevels()) }},
		{"threat.Task", func(t *testing.T) { checkEnumMethods(t, threat.AllTasks()) }},
		{"threat.Condition", func(t *testing.T) { checkEnumMethods(t, threat.AllConditions()) }},
		{"fault.Kind", func(t *testing.T) { checkEnumMethods(t, fault.AllKinds()) }},
		{"fault.Symptom", func(t *testing.T) { checkEnumMethods(t, fault.AllSymptoms()) }},
		{"fault.Probe", func(t *testing.T) { checkEnumMethods(t, fault.AllProbes()) }},
		{"fault.Signal", func(t *testing.T) { checkEnumMethods(t, fault.AllSignals()) }},
		{"fault.Location", func(t *testing.T) { checkEnumMethods(t, fault.AllLocations()) }},
		{"fault.Responder", func(t *testing.T) { checkEnumMethods(t, fault.AllResponders()) }},
		{"fault.Stage", func(t *testing.T) { checkEnumMethods(t, fault.AllStages()) }},
		{"fault.Work", func(t *testing.T) { checkEnumMethods(t, fault.AllWorks()) }},
		{"fault.Alternative", func(t *testing.T) { checkEnumMethods(t, fault.AllAlternatives()) }},
		{"fault.Task", func(t *testing.T) { checkEnumMethods(t, fault.AllTasks()) }},
		{"fault.Startup", func(t *testing.T) { checkEnumMethods(t, fault.AllStartups()) }},
		{"fault.Condition", func(t *testing.T) { checkEnumMethods(t, fault.AllConditions()) }},
		{"measures.MeasureKind", func(t *testing.T) { checkEnumMethods(t, measures.AllMeasureKinds()) }},
		{"measures.Precondition", func(t *testing.T) { checkEnumMethods(t, measures.AllPreconditions()) }},
		{"measures.Side", func(t *testing.T) { checkEnumMethods(t, measures.AllSides()) }},
		{"measures.Countermeasure", func(t *testing.T) { checkEnumMethods(t, measures.AllCountermeasures()) }},
		{"measures.Category", func(t *testing.T) { checkEnumMethods(t, measures.AllCategories()) }},
		{"measures.Discoverer", func(t *testing.T) { checkEnumMethods(t, measures.AllDiscoverers()) }},
		{"measures.Observation", func(t *testing.T) { checkEnumMethods(t, measures.AllObservations()) }},
		{"measures.Case", func(t *testing.T) { checkEnumMethods(t, measures.AllCases()) }},
		{"measures.Lead", func(t *testing.T) { checkEnumMethods(t, measures.AllLeads()) }},
		{"measures.Mode", func(t *testing.T) { checkEnumMethods(t, measures.AllModes()) }},
		{"measures.Condition", func(t *testing.T) { checkEnumMethods(t, measures.AllConditions()) }},
		{"measures.Task", func(t *testing.T) { checkEnumMethods(t, measures.AllTasks()) }},
		{"measures.Requirement", func(t *testing.T) { checkEnumMethods(t, measures.AllRequirements()) }},
		{"drill.EventKind", func(t *testing.T) { checkEnumMethods(t, drill.AllEventKinds()) }},
		{"drill.Judgement", func(t *testing.T) { checkEnumMethods(t, drill.AllJudgements()) }},
		{"bcp.Duty", func(t *testing.T) { checkEnumMethods(t, bcp.AllDuties()) }},
		{"bcp.Service", func(t *testing.T) { checkEnumMethods(t, bcp.AllServices()) }},
		{"bcp.Pattern", func(t *testing.T) { checkEnumMethods(t, bcp.AllPatterns()) }},
		{"bcp.Channel", func(t *testing.T) { checkEnumMethods(t, bcp.AllChannels()) }},
		{"bcp.Audience", func(t *testing.T) { checkEnumMethods(t, bcp.AllAudiences()) }},
		{"bcp.ImpactScale", func(t *testing.T) { checkEnumMethods(t, bcp.AllImpactScales()) }},
		{"bcp.SystemKind", func(t *testing.T) { checkEnumMethods(t, bcp.AllSystemKinds()) }},
		{"bcp.Difficulty", func(t *testing.T) { checkEnumMethods(t, bcp.AllDifficulties()) }},
		{"bcp.UnassessedPolicy", func(t *testing.T) { checkEnumMethods(t, bcp.AllUnassessedPolicies()) }},
		{"bcp.Reason", func(t *testing.T) { checkEnumMethods(t, bcp.AllReasons()) }},
		{"bcp.Severity", func(t *testing.T) { checkEnumMethods(t, bcp.AllSeverities()) }},
		{"bcp.Code", func(t *testing.T) { checkEnumMethods(t, bcp.AllCodes()) }},
		{"bcp.Aspect", func(t *testing.T) { checkEnumMethods(t, bcp.AllAspects()) }},
		{"bcp.Incident", func(t *testing.T) { checkEnumMethods(t, bcp.AllIncidents()) }},
		{"bcp.Horizon", func(t *testing.T) { checkEnumMethods(t, bcp.AllHorizons()) }},
		{"bcp.Field", func(t *testing.T) { checkEnumMethods(t, bcp.AllFields()) }},
		{"bcp.Format", func(t *testing.T) { checkEnumMethods(t, bcp.AllFormats()) }},
		{"bcp.ReportKind", func(t *testing.T) { checkEnumMethods(t, bcp.AllReportKinds()) }},
		{"bcp.FlowStep", func(t *testing.T) { checkEnumMethods(t, bcp.AllFlowSteps()) }},
		{"drill.Act", func(t *testing.T) { checkEnumMethods(t, drill.AllActs()) }},
		{"bcp.Lang", func(t *testing.T) { checkEnumMethods(t, bcp.AllLangs()) }},
	} {
		t.Run(tc.name, tc.run)
	}
}
