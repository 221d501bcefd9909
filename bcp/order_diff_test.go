package bcp

import (
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"pgregory.net/rapid"
)

// genRoughSystems draws an inventory that may hold anything Order must
// handle: duplicate, empty and long IDs sharing their first eight bytes,
// control characters, unknown dependencies, cycles, several platforms, bad
// fields, unassessed scales, and long runs of equal urgency.
func genRoughSystems(t *rapid.T) []System {
	n := rapid.IntRange(0, 60).Draw(t, "n")
	rough := rapid.Bool().Draw(t, "rough") // else valid, with unique IDs
	ids := make([]string, n+3)
	for k := range ids {
		if rough {
			ids[k] = rapid.SampledFrom([]string{"s", "system-long-", "a\x00", "", "sys"}).Draw(t, "prefix") +
				rapid.StringMatching(`[a-c0-9]{0,3}`).Draw(t, "suffix")
		} else {
			ids[k] = rapid.SampledFrom([]string{"s", "system-long-", "sys"}).Draw(t, "prefix") + strconv.Itoa(k)
		}
	}
	acyclic := !rough || rapid.Bool().Draw(t, "acyclic")
	rare := func(label string) bool { return rough && rapid.IntRange(0, 19).Draw(t, label) == 0 }
	out := make([]System, n)
	for i := range out {
		s := System{
			ID:          ids[i],
			Name:        "名",
			Owner:       "課",
			Kind:        rapid.SampledFrom([]SystemKind{Application, Application, Application, Application, Monitoring, Platform}).Draw(t, "kind"),
			Scale:       rapid.SampledFrom([]ImpactScale{Large, Medium, Medium, Small, Unassessed}).Draw(t, "scale"),
			Hosted:      rapid.Bool().Draw(t, "hosted"),
			Alternative: rapid.Bool().Draw(t, "alt"),
			Difficulty:  Difficulty(rapid.IntRange(0, 4).Draw(t, "diff")),
			Target:      time.Duration(rapid.SampledFrom([]int{0, 0, 0, 1, 4, 24}).Draw(t, "target")) * time.Hour,
		}
		if s.Kind == Platform && (!rough || rapid.IntRange(0, 2).Draw(t, "manyPlatforms") > 0) {
			s.Kind = Application
		}
		if s.Kind == Platform && !rare("hostedPlatform") {
			s.Hosted = false
		}
		if rare("badName") {
			s.Name = rapid.SampledFrom([]string{"", "a\u0085b", "x\x7f"}).Draw(t, "name")
		}
		if rare("badOwner") {
			s.Owner = ""
		}
		if rare("badKind") {
			s.Kind = SystemKind(rapid.IntRange(0, 9).Draw(t, "kindValue"))
		}
		if rare("badScale") {
			s.Scale = ImpactScale(rapid.IntRange(0, 9).Draw(t, "scaleValue"))
		}
		if rare("negTarget") {
			s.Target = -time.Minute
		}
		for range rapid.IntRange(0, 3).Draw(t, "deps") {
			hi := len(ids) - 1
			if acyclic {
				hi = i - 1
			}
			if hi < 0 {
				break
			}
			d := ids[rapid.IntRange(0, hi).Draw(t, "dep")]
			if rare("unknownDep") {
				d = rapid.SampledFrom([]string{"", "nowhere", d + "x"}).Draw(t, "unknown")
			}
			s.DependsOn = append(s.DependsOn, d)
		}
		out[i] = s
	}
	return out
}

// TestOrderMatchesReference checks Order against refOrder, the
// implementation before its speed-up: the same positions and the same error
// text on every generated inventory, under every policy, with and without
// clauses.
func TestOrderMatchesReference(t *testing.T) {
	clauses := []OrderClause{
		{Cite: council.Cite("nakano", "3(1)"), Reasons: ReasonsOf(ReasonScale, ReasonTieBreak)},
		{Cite: council.Cite("tottori", "第3-5(2)"), Reasons: ReasonsOf(ReasonRaised, ReasonInherited)},
	}
	succeeded := 0
	rapid.Check(t, func(rt *rapid.T) {
		systems := genRoughSystems(rt)
		opts := OrderOptions{Unassessed: UnassessedPolicy(rapid.IntRange(0, 3).Draw(rt, "policy"))}
		if rapid.Bool().Draw(rt, "clauses") {
			opts.Clauses = clauses
		}
		want, wantErr := refOrder(systems, opts)
		got, gotErr := Order(systems, opts)
		if wantErr == nil {
			succeeded++
		}
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			rt.Fatalf("error: got %v, want %v", gotErr, wantErr)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			rt.Fatalf("positions (-reference +Order):\n%s", diff)
		}
	})
	if succeeded == 0 {
		t.Error("no generated inventory was ordered")
	}
	t.Logf("%d inventories ordered", succeeded)
}

// TestOrderMatchesReferenceLarge does the same on benchmark inventories.
func TestOrderMatchesReferenceLarge(t *testing.T) {
	for _, n := range []int{1, 2, 100, 5000} {
		systems := benchSystems(n)
		want, wantErr := refOrder(systems, OrderOptions{})
		got, gotErr := Order(systems, OrderOptions{})
		if wantErr != nil || gotErr != nil {
			t.Fatalf("%d systems: errors %v, %v", n, wantErr, gotErr)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%d systems (-reference +Order):\n%s", n, diff)
		}
	}
}

// TestOrderErrAgrees: orderErr, which Check and Inventory.Validate ask
// instead of placing the systems, fails exactly when Order under AssumeLarge
// does, with the same error.
func TestOrderErrAgrees(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		systems := genRoughSystems(t)
		_, want := Order(systems, OrderOptions{Unassessed: AssumeLarge})
		got := orderErr(systems)
		if (got == nil) != (want == nil) || got != nil && got.Error() != want.Error() {
			t.Fatalf("orderErr: %v\nOrder: %v", got, want)
		}
		if want != nil && reflect.TypeOf(got) != reflect.TypeOf(want) {
			t.Fatalf("orderErr gives a %T, Order a %T", got, want)
		}
	})
}
