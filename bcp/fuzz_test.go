package bcp

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// fuzzEnum checks that whatever parses re-encodes and parses to the same value.
func fuzzEnum[E textEnum, P interface {
	*E
	UnmarshalText([]byte) error
}](f *testing.F, all []E) {
	for _, v := range all {
		f.Add(v.String())
		f.Add(v.Label())
	}
	f.Add("")
	f.Add("Scale(1)")
	f.Fuzz(func(t *testing.T, s string) {
		var v E
		if err := P(&v).UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		b, err := v.MarshalText()
		if err != nil {
			t.Fatalf("%q decoded to %v, which does not encode: %v", s, v, err)
		}
		var w E
		if err := P(&w).UnmarshalText(b); err != nil || w != v {
			t.Fatalf("%q → %v → %q → %v, %v", s, v, b, w, err)
		}
	})
}

func FuzzScale(f *testing.F)      { fuzzEnum(f, AllImpactScales()) }
func FuzzKind(f *testing.F)       { fuzzEnum(f, AllSystemKinds()) }
func FuzzDifficulty(f *testing.F) { fuzzEnum(f, AllDifficulties()) }
func FuzzPolicy(f *testing.F)     { fuzzEnum(f, AllUnassessedPolicies()) }
func FuzzReason(f *testing.F)     { fuzzEnum(f, AllReasons()) }
func FuzzService(f *testing.F)    { fuzzEnum(f, AllServices()) }
func FuzzPattern(f *testing.F)    { fuzzEnum(f, AllPatterns()) }
func FuzzChannel(f *testing.F)    { fuzzEnum(f, AllChannels()) }
func FuzzAudience(f *testing.F)   { fuzzEnum(f, AllAudiences()) }
func FuzzField(f *testing.F)      { fuzzEnum(f, AllFields()) }
func FuzzFormat(f *testing.F)     { fuzzEnum(f, AllFormats()) }
func FuzzReportKind(f *testing.F) { fuzzEnum(f, AllReportKinds()) }
func FuzzHorizon(f *testing.F)    { fuzzEnum(f, AllHorizons()) }
func FuzzIncident(f *testing.F)   { fuzzEnum(f, AllIncidents()) }
func FuzzStep(f *testing.F)       { fuzzEnum(f, AllFlowSteps()) }
func FuzzDuty(f *testing.F)       { fuzzEnum(f, AllDuties()) }

// FuzzOrder feeds Order arbitrary inventories (bad IDs, unknown and circular
// dependencies, any field values): it must never panic, whatever it accepts
// must respect every dependency, and the order must not depend on the input
// order.
func FuzzOrder(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		ids := []string{"", "a", "b", "c", "d", "iaas"}
		n := rapid.IntRange(0, 8).Draw(t, "n")
		systems := make([]System, n)
		for i := range systems {
			s := System{
				ID:          rapid.SampledFrom(ids).Draw(t, "id"),
				Name:        rapid.SampledFrom([]string{"", "名"}).Draw(t, "name"),
				Owner:       "課",
				Kind:        SystemKind(rapid.IntRange(0, 4).Draw(t, "kind")),
				Scale:       ImpactScale(rapid.IntRange(0, 5).Draw(t, "scale")),
				Hosted:      rapid.Bool().Draw(t, "hosted"),
				Alternative: rapid.Bool().Draw(t, "alt"),
				Difficulty:  Difficulty(rapid.IntRange(0, 5).Draw(t, "diff")),
				Target:      time.Duration(rapid.Int64Range(-2, 3).Draw(t, "target")) * time.Hour,
				DependsOn:   rapid.SliceOfN(rapid.SampledFrom(ids), 0, 3).Draw(t, "deps"),
			}
			systems[i] = s
		}
		policy := UnassessedPolicy(rapid.IntRange(0, 3).Draw(t, "policy"))
		ps, err := Order(systems, OrderOptions{Unassessed: policy})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		reversed := slices.Clone(systems)
		slices.Reverse(reversed)
		again, err := Order(reversed, OrderOptions{Unassessed: policy})
		if err != nil {
			t.Fatalf("accepted in one order, refused reversed: %v", err)
		}
		if diff := cmp.Diff(ps, again); diff != "" {
			t.Fatalf("reversing the input changed the order (-given +reversed):\n%s", diff)
		}
		pos := map[string]int{}
		for i, p := range ps {
			pos[p.ID] = i
		}
		for _, s := range systems {
			for _, d := range s.DependsOn {
				if pos[d] >= pos[s.ID] {
					t.Fatal(fmt.Sprintf("%s before its dependency %s", s.ID, d))
				}
			}
		}
	}))
}

// FuzzSchedule feeds ReportPlan.Reports arbitrary windows under nakano's
// slots and under up to two arbitrary slots of a plan's own: no panic, an
// accepted window gives sorted reports inside it, and accepted slots are
// where its scheduled reports fall while the expected recovery is unknown.
func FuzzSchedule(f *testing.F) {
	f.Add(int64(0), int64(3600), int64(-1), int64(0), int64(0), int64(60), int64(-1), int64(-1))
	f.Add(int64(100), int64(7*86400), int64(3600), int64(7200), int64(1800), int64(600), int64(9*3600), int64(17*3600))
	f.Add(int64(100), int64(3*86400), int64(-1), int64(0), int64(0), int64(600), int64(0), int64(86399))
	f.Fuzz(func(t *testing.T, det, rec, known, exp, every, change, slot1, slot2 int64) {
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		w := Window{Detected: base.Add(time.Duration(det) * time.Second), Recovered: base.Add(time.Duration(rec) * time.Second), Every: time.Duration(every) * time.Second}
		if known >= 0 {
			w.Known = base.Add(time.Duration(known) * time.Second)
		}
		if exp > 0 {
			w.Expected = base.Add(time.Duration(exp) * time.Second)
		}
		w.Changes = []Change{{At: base.Add(time.Duration(change) * time.Second), Fields: FieldsOf(FieldCause)}}
		plan := nakanoReports
		if slot1 >= 0 {
			plan = ReportPlan{Slots: []time.Duration{time.Duration(slot1) * time.Second}}
			if slot2 >= 0 {
				plan.Slots = append(plan.Slots, time.Duration(slot2)*time.Second)
			}
		}
		rs, err := plan.Reports(w)
		if err != nil {
			return
		}
		for i, r := range rs {
			if r.At.Before(w.Detected) || !r.At.Before(w.Recovered) || i > 0 && r.At.Before(rs[i-1].At) {
				t.Fatalf("report %d at %v out of order or window", i, r.At)
			}
			if r.Kind == Scheduled && !r.Known {
				y, m, d := r.At.Date()
				off := r.At.Sub(time.Date(y, m, d, 0, 0, 0, 0, r.At.Location()))
				if !slices.Contains(plan.Slots, off) {
					t.Fatalf("report %d at %v: not at a slot of %v", i, r.At, plan.Slots)
				}
			}
		}
	})
}

// FuzzInventoryJSON decodes arbitrary JSON as an Inventory: no panic, and a
// valid inventory encodes and decodes to itself.
func FuzzInventoryJSON(f *testing.F) {
	seed, _ := json.Marshal(nakanoInventory())
	f.Add(seed)
	f.Add([]byte(`{"systems":[{"id":"a","name":"n","owner":"o","kind":"application","scale":"大","dependsOn":["a"]}]}`))
	f.Add([]byte(`{"systems":[{"kind":"nope"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var inv Inventory
		if json.Unmarshal(data, &inv) != nil || inv.Validate() != nil {
			return
		}
		b, err := json.Marshal(inv)
		if err != nil {
			t.Fatalf("valid inventory does not encode: %v", err)
		}
		var again Inventory
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatal(err)
		}
		b2, _ := json.Marshal(again)
		if string(b) != string(b2) {
			t.Fatalf("round trip changed %s into %s", b, b2)
		}
	})
}
