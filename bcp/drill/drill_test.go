package drill

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/internal/golden"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
)

// goldens holds the drill timelines (JSON) in testdata, rewritten by
// go test -update-drill.
var goldens = golden.New("testdata", "update-drill", "rewrite the drill timeline (JSON) golden files").Normalized(golden.Fingerprints)

func runBuiltin(t testing.TB, id string) Timeline {
	t.Helper()
	s, err := ScenarioByID(id)
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.Reference(s.Plan)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

func TestDrillGolden(t *testing.T) {
	for _, id := range ScenarioIDs() {
		t.Run(id, func(t *testing.T) {
			tl := runBuiltin(t, id)
			b, err := json.MarshalIndent(tl, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			goldens.Check(t, filepath.Join("drill", id+".json"), string(b)+"\n")
		})
	}
}

// has reports whether the timeline has an entry of act by actor (to, when
// set) at the scenario event ev, citing clause.
func has(tl Timeline, ev int, act Act, by, to council.Actor, clause string) bool {
	c, err := council.ParseCitation(clause)
	if err != nil {
		return false
	}
	for _, e := range tl.Entries {
		if e.Event == ev && e.Act == act && e.Actor == by && (to == council.Actor{} || e.To == to) && e.Cites.Contains(c) {
			return true
		}
	}
	return false
}

func TestDrillClauses(t *testing.T) {
	role, party := council.ByRole, council.ByParty
	none := council.Actor{}
	tests := []struct {
		name, scenario string
		ev             int
		act            Act
		by, to         council.Actor
		clause         string
	}{
		{"tottori:第3-3(3)/provisional-L2-3/notify-national-center", "tottori-l3-firewall", 0, ActRequest, role(council.SystemAdministrator), party(council.NationalCenter), "tottori:第3-3(3)"},
		{"tottori:第3-4(2)/likely-L3/stop-as-needed", "tottori-l3-firewall", 0, ActMeasure, role(council.SystemAdministrator), none, "tottori:第3-4(2)"},
		{"tottori:第3-1/provisional-range", "tottori-l3-firewall", 0, ActProvisional, role(council.SystemAdministrator), none, "tottori:第3-1"},
		{"tottori:別表1-2①/playbook", "tottori-l3-firewall", 0, ActPlaybook, role(council.SystemAdministrator), party(council.NationalCenter), "tottori:別表1-2①"},
		{"tottori:第3-1/L3/firewall-passed", "tottori-l3-firewall", 1, ActGrade, role(council.SystemAdministrator), none, "tottori:第3-1"},
		{"tottori:第3-6(1)/L3/report-chief", "tottori-l3-firewall", 1, ActReport, role(council.SystemAdministrator), role(council.SecurityChief), "tottori:第3-6(1)"},
		{"tottori:第3-6(2)/L3/council", "tottori-l3-firewall", 1, ActConvene, role(council.SecurityChief), none, "tottori:第3-6(2)"},
		{"tottori:第3-6(3)/L3/agenda", "tottori-l3-firewall", 1, ActAgenda, role(council.SecurityChief), none, "tottori:第3-6(3)"},
		{"tottori:別表4-2②/antivirus/playbook", "tottori-l2-antivirus", 0, ActPlaybook, role(council.SystemAdministrator), party(council.NationalCenter), "tottori:別表4-2②"},
		{"tottori:第3-8(3)/L2/notify-national-center", "tottori-l2-antivirus", 0, ActNotify, role(council.SystemAdministrator), party(council.NationalCenter), "tottori:第3-8(3)"},
		{"kumamoto:4(1)(イ)/L3/form-theft", "kumamoto-form-theft", 0, ActGrade, role(council.SectionManager), none, "kumamoto:4(1)(イ)"},
		{"kumamoto:別紙1/L3/council", "kumamoto-form-theft", 0, ActConvene, role(council.SecurityOfficers), none, "kumamoto:別紙1"},
		{"kumamoto:3/police-as-needed", "kumamoto-form-theft", 0, ActNotify, none, party(council.Police), "kumamoto:3"},
		{"kumamoto:5/prevention-plan", "kumamoto-form-theft", 1, ActPreventRecurrence, role(council.SectionManager), none, "kumamoto:5"},
		{"kumamoto:4(2)/no-power/hardware", "kumamoto-terminal-no-power", 0, ActInvestigate, role(council.Operator), none, "kumamoto:4(2) 障害の特定"},
		{"kumamoto:4(2)原因の究明(ア)/checks", "kumamoto-terminal-no-power", 0, ActInvestigate, role(council.Staff), none, "kumamoto:4(2) 原因の究明(ア)"},
		{"kumamoto:別紙3/downtime-server", "kumamoto-terminal-no-power", 1, ActAlternative, role(council.SectionManager), none, "kumamoto:別紙3"},
		{"kumamoto:4(2)運用の再開/integrity", "kumamoto-terminal-no-power", 2, ActIntegrityCheck, role(council.Staff), none, "kumamoto:4(2) 運用の再開"},
		// 4(2): 情報政策課は、障害個所の修理、修復、交換を実施する; 管理者は、…運用を再開する.
		{"kumamoto:4(2) 保守作業の実施/info-policy-division-repairs", "kumamoto-terminal-no-power", 2, ActMaintain, role(termRole(t, bcp.Kumamoto(), "info-policy-division")), none, "kumamoto:4(2) 保守作業の実施"},
		{"kumamoto:4(2) 運用の再開/section-manager-resumes", "kumamoto-terminal-no-power", 2, ActResume, role(council.SectionManager), none, "kumamoto:4(2) 運用の再開"},
		{"ino:第4条/serious/propose", "ino-long-server-stop", 1, ActRequest, role(council.SystemAdministrator), role(council.SecurityChief), "ino:第4条"},
		{"ino:第5条/serious/council", "ino-long-server-stop", 1, ActConvene, role(council.SecurityChief), none, "ino:第5条"},
		{"ino:第5条/agenda", "ino-long-server-stop", 1, ActAgenda, role(council.SecurityChief), none, "ino:第5条"},
		{"ino:第7条/integrity-before-resume", "ino-long-server-stop", 2, ActIntegrityCheck, role(council.SystemAdministrator), none, "ino:第7条"},
		{"ino:第8条/recurrence", "ino-long-server-stop", 2, ActPreventRecurrence, role(council.SystemAdministrator), none, "ino:第8条"},
		{"kumiyama:第17条10項3号/report-lost-card", "kumiyama-lost-card", 0, ActReport, role(council.Operator), role(council.SystemAdministrator), "kumiyama:第17条10項3号"},
		{"kumiyama:第17条11項/revoke", "kumiyama-lost-card", 0, ActRevoke, role(council.SystemAdministrator), none, "kumiyama:第17条11項"},
		{"nakano:統合仮想サーバ 3(3)①エ/first-report", "nakano-iaas-outage", 0, ActReport, role(termRole(t, bcp.Nakano(), "info-systems-division")), role(termRole(t, bcp.Nakano(), "crisis-management-division")), "nakano:統合仮想サーバ 3(3)①エ"},
		{"nakano:統合仮想サーバ 3(3)①ウ/provider", "nakano-iaas-outage", 0, ActNotify, role(termRole(t, bcp.Nakano(), "info-systems-division")), party(termParty(t, bcp.Nakano(), "iaas-provider")), "nakano:統合仮想サーバ 3(3)①ウ"},
		{"nakano:統合仮想サーバ 3(4)①ア/scheduled", "nakano-iaas-outage", 0, ActScheduledReport, role(termRole(t, bcp.Nakano(), "info-systems-division")), role(termRole(t, bcp.Nakano(), "owning-division-head")), "nakano:統合仮想サーバ 3(4)①ア"},
		{"nakano:統合仮想サーバ 4(7)/recovery-order", "nakano-iaas-outage", 4, ActRecover, party(termParty(t, bcp.Nakano(), "iaas-provider")), none, "nakano:統合仮想サーバ 4(7)"},
	}
	cache := map[string]Timeline{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, ok := cache[tt.scenario]
			if !ok {
				tl = runBuiltin(t, tt.scenario)
				cache[tt.scenario] = tl
			}
			if !has(tl, tt.ev, tt.act, tt.by, tt.to, tt.clause) {
				t.Errorf("%s: no %v by %v to %v at event %d citing %s", tt.scenario, tt.act, tt.by, tt.to, tt.ev, tt.clause)
			}
		})
	}
}

// kumamoto 別紙1 is the structure for a breach of personal information
// (緊急時体制図(個人情報に対する侵害が発生した場合)): a fault drill lists none of
// its measures (端末切替, ファックス運用) as an alternative; the fault's way
// through is the downtime server (4(2) システムダウン時の緊急措置, 別紙3).
func TestDrillKumamoto別紙1NotForFaults(t *testing.T) {
	tl := runBuiltin(t, "kumamoto-terminal-no-power")
	alternatives := 0
	for _, e := range tl.Entries {
		if e.Act != ActAlternative {
			continue
		}
		alternatives++
		if e.Cites.Contains(council.Cite(council.PlanKumamoto, "別紙1")) {
			t.Errorf("kumamoto:別紙1/not-a-fault-alternative: %s", line(e))
		}
	}
	if alternatives != 1 {
		t.Errorf("kumamoto:別紙3/downtime-server-only: %d alternatives, want 1", alternatives)
	}
}

// TestDrillSilence checks that a plan's drill never borrows another plan's
// rules: tottori convenes no council at level 2, kumamoto plans no threat
// table for faults, and every entry cites only the plan it runs under.
func TestDrillSilence(t *testing.T) {
	for _, id := range ScenarioIDs() {
		tl := runBuiltin(t, id)
		for i, e := range tl.Entries {
			if ps := e.Cites.Plans(); len(ps) != 1 || ps[0] != tl.Plan {
				t.Errorf("%s: entry %d cites %v, want only %s", id, i, ps, tl.Plan)
			}
		}
	}
	tl := runBuiltin(t, "tottori-l2-antivirus")
	for _, e := range tl.Entries {
		if e.Act == ActConvene {
			t.Errorf("tottori:第3-5/L2: the council is convened at level 2: %v", line(e))
		}
	}
}

func TestDrillUnhandled(t *testing.T) {
	tests := []struct {
		name, plan string
		ev         Event
	}{
		{"tottori/no-card-rules", council.PlanTottori, Event{At: day(0, 9, 0), Kind: CardLost}},
		{"nakano/no-symptom-list", council.PlanNakano, Event{At: day(0, 9, 0), Kind: SymptomReported, Symptom: 1}},
		{"kumiyama/recovery-before-anything", council.PlanKumiyama, Event{At: day(0, 9, 0), Kind: Recovery}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := bcp.Reference(tt.plan)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Run(p, Scenario{ID: "x", Plan: tt.plan, Events: []Event{tt.ev}})
			if err == nil {
				t.Fatal("Run succeeded")
			}
			if _, ok := errors.AsType[*DrillError](err); !ok {
				t.Errorf("error %v is not a *DrillError", err)
			}
		})
	}
	if _, err := Run(bcp.Tottori(), Scenario{}); !errors.Is(err, ErrScenario) {
		t.Errorf("Run(zero scenario) = %v, want ErrScenario", err)
	}
}

// kumiyama 第24条-第26条 each cover one kind of fault. A terminal's software
// bug (第25条: 情報保護管理者は、業務端末のソフトウェアにバグを発見した場合は、直ちに
// システム管理者にバグの状況を報告し) is reported under 第25条 alone; no entry of
// its drill cites 第24条 (hardware) or 第26条 (networks), and no degraded or
// alternate operation (第26条, networks) is offered for it.
func TestDrillKumiyama第25条TerminalBug(t *testing.T) {
	p, err := bcp.Reference(council.PlanKumiyama)
	if err != nil {
		t.Fatal(err)
	}
	jst := time.FixedZone("JST", 9*3600)
	s := Scenario{ID: "kumiyama-terminal-bug", Plan: council.PlanKumiyama, Title: "業務端末のソフトウェアのバグ", Events: []Event{
		{At: time.Date(2026, 4, 1, 9, 0, 0, 0, jst), Kind: SymptomReported, Symptom: fault.Bug},
		{At: time.Date(2026, 4, 1, 9, 30, 0, 0, jst), Kind: StatusChange, Status: Status{OperationImpossible: true, ServerDown: true}},
		{At: time.Date(2026, 4, 1, 12, 0, 0, 0, jst), Kind: Recovery},
	}}
	tl, err := Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	reported := false
	for _, e := range tl.Entries {
		for _, c := range []string{"第24条", "第26条"} {
			if e.Cites.Contains(council.Cite(council.PlanKumiyama, c)) {
				t.Errorf("kumiyama:%s/not-for-software: %s", c, line(e))
			}
		}
		if e.Act == ActAlternative {
			t.Errorf("kumiyama:第26条/alternatives-network-only: %s", line(e))
		}
		if e.Act == ActReport && e.Actor == council.ByRole(council.InfoProtectionManager) && e.To == council.ByRole(council.SystemAdministrator) &&
			e.Cites.String() == "kumiyama:第25条" {
			reported = true
		}
	}
	if !reported {
		t.Error("kumiyama:第25条/terminal-bug: no report by the information protection manager to the system administrator citing 第25条")
	}
}
