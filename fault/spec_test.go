package fault

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

// NewPlan(p.Spec()) and NewPlan of the Spec's JSON give p's rules back: the
// same Spec.
func TestSpecRoundTrips(t *testing.T) {
	for _, p := range referencePlans() {
		t.Run(p.ID()+":spec", func(t *testing.T) {
			got, err := NewProcedure(p.Spec())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p.Spec(), got.Spec()); diff != "" || got.Thresholds().Long != p.Thresholds().Long {
				t.Errorf("NewPlan(%s.Spec()) (-want +got):\n%s", p, diff)
			}
			data, err := json.Marshal(p.Spec())
			if err != nil {
				t.Fatal(err)
			}
			var s Spec
			if err := json.Unmarshal(data, &s); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p.Spec(), s); diff != "" {
				t.Errorf("JSON round trip (-want +got):\n%s", diff)
			}
			if got, err := NewProcedure(s); err != nil || !cmp.Equal(p.Spec(), got.Spec()) {
				t.Errorf("NewPlan(decoded spec) = %v, %v; want the rules of %s", got, err, p)
			}
		})
	}
}

func TestSpecIsFresh(t *testing.T) {
	p := tottori()
	s := p.Spec()
	s.Detections[0].By[0] = council.ByParty(council.Police)
	s.Escalation[0].To[0] = council.ByParty(council.Police)
	s.Locations[0].Responder = ByCarrier
	fresh, _ := referencePlan("tottori") // decoded anew, shares nothing with p
	if diff := cmp.Diff(fresh.Spec(), p.Spec()); diff != "" {
		t.Errorf("mutating a Spec changed the plan (-want +got):\n%s", diff)
	}
}

// TestVendorSpecBehavesLikeReference rewrites each reference spec to a
// vendor's plan ID and checks that the built plan answers every question as
// the reference does.
func TestVendorSpecBehavesLikeReference(t *testing.T) {
	for _, ref := range referencePlans() {
		t.Run(ref.ID()+":vendor-copy", func(t *testing.T) {
			data, _ := json.Marshal(ref.Spec())
			text := strings.ReplaceAll(string(data), `"`+ref.ID()+`:`, `"vendor:`)
			text = strings.Replace(text, `"plan":"`+ref.ID()+`"`, `"plan":"vendor"`, 1)
			var s Spec
			if err := json.Unmarshal([]byte(text), &s); err != nil {
				t.Fatal(err)
			}
			v, err := NewProcedure(s)
			if err != nil {
				t.Fatal(err)
			}
			if v == ref || v.ID() != "vendor" {
				t.Fatalf("got %v; want a new plan named vendor", v)
			}
			same := func(what string, a, b any) {
				t.Helper()
				x, _ := json.Marshal(a)
				y, _ := json.Marshal(b)
				if want := strings.ReplaceAll(string(x), `"`+ref.ID()+`:`, `"vendor:`); want != string(y) {
					t.Errorf("%s: reference %s, vendor %s", what, x, y)
				}
			}
			for _, sym := range openValues[Symptom]() {
				a, errA := ref.Classify(sym)
				b, errB := v.Classify(sym)
				same("classify "+sym.String(), a, b)
				if (errA == nil) != (errB == nil) {
					t.Errorf("classify %s: errors %v, %v", sym, errA, errB)
				}
			}
			for _, k := range AllKinds() {
				a, _ := ref.Investigation(k)
				b, _ := v.Investigation(k)
				same("investigation "+k.String(), a, b)
			}
			for _, l := range openValues[Location]() {
				a, _ := ref.Responsible(l)
				b, _ := v.Responsible(l)
				same("responsible "+l.String(), a, b)
			}
			same("triggers", ref.Signals(), v.Signals())
			same("alternatives", ref.Alternatives(), v.Alternatives())
			same("thresholds", ref.Thresholds(), v.Thresholds())
			for _, sit := range []Facts{
				{},
				{ServerDown: true, CauseUnknown: true, OperationImpossible: true, Impact: 100, ExpectedStop: 48 * time.Hour},
				{Symptom: VirusInfection, InServer: true},
				{Symptom: VirusInfection},
				{Symptom: Bug, InServer: true},
			} {
				a, _ := ref.Escalate(sit)
				b, _ := v.Escalate(sit)
				same("escalate", a, b)
			}
		})
	}
}

func TestNewPlanRejects(t *testing.T) {
	good := ino().Spec()
	cite := council.Cites(council.Cite(council.PlanIno, "第2条"))
	tests := []struct {
		name string
		edit func(*Spec)
		want string
	}{
		{"no-plan-id", func(s *Spec) { s.Plan = "" }, "plan"},
		{"symptom-twice", func(s *Spec) { s.Symptoms = append(s.Symptoms, s.Symptoms[0]) }, "listed twice"},
		{"symptom-unset", func(s *Spec) { s.Symptoms[0].Symptom = 0 }, "symptoms[0]"},
		{"symptom-uncited", func(s *Spec) { s.Symptoms[1].Citations = council.Citations{} }, "symptoms[1]: no citation"},
		{"other-plan-citation", func(s *Spec) {
			s.Symptoms[0].Citations = council.Cites(council.Cite(council.PlanTottori, "第2-1"))
		}, "not of plan"},
		{"investigation-without-checks", func(s *Spec) { s.Investigations[0].Probes = nil }, "no checks"},
		{"investigation-by-nobody", func(s *Spec) { s.Investigations[0].By = 0 }, "nobody"},
		{"escalation-unset-condition", func(s *Spec) { s.Escalation[0].When = 0 }, "escalation[0]"},
		{"escalation-bad-actor", func(s *Spec) { s.Escalation[0].To = []council.Actor{{}} }, "to[0]"},
		{"location-twice", func(s *Spec) {
			a := Assignment{Location: jukiLAN, Responder: ByCarrier, Cites: cite}
			s.Locations = []Assignment{a, a}
		}, "listed twice"},
		{"thresholds-incomplete", func(s *Spec) { s.Serious.Heavy = 0 }, "serious"},
		{"stage-unset", func(s *Spec) { s.Stages[0].Stage = 0 }, "stages[0]"},
	}
	for _, tt := range tests {
		t.Run("spec/"+tt.name, func(t *testing.T) {
			s := ino().Spec()
			tt.edit(&s)
			_, err := NewProcedure(s)
			if !errors.Is(err, council.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewPlan: %v; want an ErrInvalid naming %q", err, tt.want)
			}
		})
	}
	if _, err := NewProcedure(good); err != nil {
		t.Errorf("NewPlan(ino spec): %v", err)
	}
	if _, err := NewProcedure(Spec{}); err == nil {
		t.Error("NewPlan(zero Spec): no error")
	}
}

func TestConditionText(t *testing.T) {
	for _, c := range AllConditions() {
		var d Condition
		if err := d.UnmarshalText([]byte(c.Label())); err != nil || d != c {
			t.Errorf("%s: label %q parses to %v, %v", c, c.Label(), d, err)
		}
		if conditionFuncs[c] == nil {
			t.Errorf("%s: no predicate", c)
		}
	}
}
