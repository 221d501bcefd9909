package bcp

import (
	"slices"
	"testing"

	"github.com/jukiplan/jukiplan/council"
)

// TestNakanoFlow: the recovery flow of the nakano plan file is the seven
// steps of 統合仮想サーバ 4, in order, each with who carries it out.
func TestNakanoFlow(t *testing.T) {
	flow := Nakano().Continuity.Flow
	if len(flow) != 7 {
		t.Fatalf("%d steps; want 7", len(flow))
	}
	owners := council.RolesOf(termRole(t, Nakano(), "owning-division-head"))
	for i, p := range flow {
		t.Run("nakano:統合仮想サーバ "+p.Citations.At(0).Clause(), func(t *testing.T) {
			if p.Step != FlowStep(i+1) {
				t.Errorf("step %d is %v", i+1, p.Step)
			}
			if p.Roles == 0 && p.Parties == 0 && p.Body == 0 {
				t.Errorf("%v has no owner", p.Step)
			}
			if want := "統合仮想サーバ 4(" + string(rune('1'+i)) + ")"; p.Citations.At(0).Clause() != want {
				t.Errorf("cites %v; want %s", p.Citations, want)
			}
		})
	}
	if !flow[0].Parties.Has(termParty(t, Nakano(), "iaas-provider")) || !flow[1].Parties.Has(termParty(t, Nakano(), "iaas-provider")) {
		t.Error("the provider detects and starts the platform's recovery (4(1)(2))")
	}
	if flow[4].Roles != owners {
		t.Error("the owning divisions start the alternative means (4(5))")
	}
	if flow[5].Body != termBody(t, Nakano(), "info-security-committee") {
		t.Error("the deliberating body sets the priority (4(6))")
	}
	if !flow[6].Parties.Contains(council.PartiesOf(termParty(t, Nakano(), "iaas-provider"), termParty(t, Nakano(), "system-vendors"))) {
		t.Error("step 7 needs the provider and the vendors")
	}
	flow[0].Step = 0
	if Nakano().Continuity.Flow[0].Step != Detection {
		t.Error("Nakano shares its flow")
	}
	if !slices.IsSortedFunc(Nakano().Continuity.Flow, func(a, b Phase) int { return a.Step.Compare(b.Step) }) {
		t.Error("steps out of order")
	}
}
