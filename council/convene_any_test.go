package council

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestConveneAny(t *testing.T) {
	for _, tc := range []struct {
		name string
		org  Organization
		ts   Triggers
		want Trigger // the trigger whose decision is returned
		meet bool
	}{
		{"tottori:第3-6(2)/L3-act", tottori(), TriggersOf(UnauthorizedAct, ThreatLevel3), ThreatLevel3, true},
		{"tottori:第3-5(1)/L1-act-named-not-met", tottori(), TriggersOf(UnauthorizedAct, ThreatLevel1), ThreatLevel1, false},
		{"tottori:第2-4(2)/serious-fault", tottori(), TriggersOf(AnyFault, SeriousFault), SeriousFault, true},
		{"tottori:第2-4(1)/fault", tottori(), TriggersOf(AnyFault), AnyFault, false},
		{"ino:第5条/serious-fault", ino(), TriggersOf(AnyFault, SeriousFault), SeriousFault, true},
		{"ino:第12条/serious-threat", ino(), TriggersOf(UnauthorizedAct, SeriousThreat), SeriousThreat, true},
		{"ino:第11条/act-not-serious", ino(), TriggersOf(UnauthorizedAct), UnauthorizedAct, false},
		{"kumiyama:第6条5項/act", kumiyama(), TriggersOf(UnauthorizedAct), UnauthorizedAct, true},
		{"kumamoto:別紙1/L3-act", kumamoto(), TriggersOf(UnauthorizedAct, ThreatLevel3), ThreatLevel3, true},
		// kumamoto has no rule for an unauthorized act as such: level 1's rule is the first named.
		{"kumamoto:4(1) 緊急対応策(ア)/L1-act", kumamoto(), TriggersOf(UnauthorizedAct, ThreatLevel1), ThreatLevel1, false},
		// nothing named: the silent decision for the highest trigger.
		{"kumamoto:none/routine", kumamoto(), TriggersOf(Routine, LargeIncident), Routine, false},
		{"kumiyama:第6条5項/serious-fault-most-specific", kumiyama(), TriggersOf(AnyFault, SeriousFault), SeriousFault, true},
		{"nakano:ICT-BCP 8/large-incident", nakano(), TriggersOf(SecurityIncident, LargeIncident), LargeIncident, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ConveneAny(tc.org, tc.ts)
			if err != nil {
				t.Fatal(err)
			}
			want, err := Convene(tc.org, tc.want)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if got.Meets != tc.meet {
				t.Errorf("Meets = %v; want %v", got.Meets, tc.meet)
			}
			if n := testing.AllocsPerRun(50, func() { _, _ = ConveneAny(tc.org, tc.ts) }); n != 0 {
				t.Errorf("ConveneAny allocates %v times", n)
			}
		})
	}
	for _, tc := range []struct {
		name string
		org  Organization
		ts   Triggers
	}{
		{"empty-set", tottori(), 0},
		{"only-invalid-bits", tottori(), Triggers(1 << 63)},
		{"no-plan", Organization{}, TriggersOf(AnyFault)},
	} {
		t.Run("invalid/"+tc.name, func(t *testing.T) {
			if _, err := ConveneAny(tc.org, tc.ts); !errors.Is(err, ErrInvalid) {
				t.Errorf("error = %v; want ErrInvalid", err)
			}
		})
	}
}

// ConveneAny meets exactly when Convene meets on some trigger of the set, and
// its decision is always Convene's decision for one trigger of the set.
func TestConveneAnyProperty(t *testing.T) {
	plans := referencePlans()
	all := AllTriggers()
	rapid.Check(t, func(t *rapid.T) {
		o, _ := referenceOrg(rapid.SampledFrom(plans).Draw(t, "plan"))
		ts := TriggersOf(rapid.SliceOfN(rapid.SampledFrom(all), 1, 4).Draw(t, "triggers")...)
		got, err := ConveneAny(o, ts)
		if err != nil {
			t.Fatal(err)
		}
		if !ts.Has(got.Trigger) {
			t.Fatalf("decision for %s, not in %v", got.Trigger, ts)
		}
		anyMeets := false
		for tr := range ts.All() {
			c, _ := Convene(o, tr)
			anyMeets = anyMeets || c.Meets
		}
		if got.Meets != anyMeets {
			t.Fatalf("%s %v: Meets = %v; some rule meets = %v", o.Plan, ts, got.Meets, anyMeets)
		}
		want, _ := Convene(o, got.Trigger)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("(-want +got):\n%s", diff)
		}
	})
}

func BenchmarkConveneAny(b *testing.B) {
	o := tottori()
	ts := TriggersOf(UnauthorizedAct, ThreatLevel3)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ConveneAny(o, ts); err != nil {
			b.Fatal(err)
		}
	}
}
