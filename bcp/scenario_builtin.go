package bcp

import (
	"fmt"
	"slices"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// day returns an instant on 2026-04-01 (a Wednesday) plus days, in Japan
// time: the day every built-in scenario starts.
func day(days, hour, minute int) time.Time {
	return time.Date(2026, 4, 1+days, hour, minute, 0, 0, jst)
}

// builtin lists the built-in scenarios, fresh on every call, in plan order.
func builtin() []Scenario {
	staff := council.ByRole(council.Staff)
	return []Scenario{
		{
			ID: "ino-long-server-stop", Plan: council.PlanIno,
			Title: "サーバが長時間停止し住民サービスに重大な影響（重大障害、第5条の協議事項）",
			Events: []Event{
				{At: day(0, 8, 40), Kind: FaultDetected, By: staff, Status: Status{ServerDown: true, CauseUnknown: true}},
				{At: day(0, 9, 30), Kind: StatusChange, Status: Status{ServerDown: true, CauseUnknown: true, OperationImpossible: true, Impact: 80, ExpectedStop: 8 * time.Hour}},
				{At: day(0, 18, 0), Kind: Recovery},
			},
		},
		{
			ID: "kumamoto-form-theft", Plan: council.PlanKumamoto,
			Title: "届書・申請書等の盗難（レベル3、緊急時セキュリティ会議）",
			Events: []Event{
				{At: day(0, 10, 15), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.FormTheftOrLoss, Source: threat.SourceLocal}},
				{At: day(2, 17, 0), Kind: Recovery},
			},
		},
		{
			ID: "kumamoto-terminal-no-power", Plan: council.PlanKumamoto,
			Title: "端末の電源が入らない（ハードウェアの障害）",
			Events: []Event{
				{At: day(0, 8, 50), Kind: SymptomReported, By: council.ByRole(council.Operator), Symptom: fault.NoPower},
				{At: day(0, 9, 10), Kind: StatusChange, Status: Status{OperationImpossible: true, Impact: 10, ExpectedStop: 3 * time.Hour}},
				{At: day(0, 13, 0), Kind: Recovery},
			},
		},
		{
			ID: "kumiyama-lost-card", Plan: council.PlanKumiyama,
			Title: "業務端末の操作者用ICカードの紛失",
			Events: []Event{
				{At: day(0, 11, 5), Kind: CardLost, By: council.ByRole(council.Operator)},
			},
		},
		{
			ID: "nakano-iaas-outage", Plan: council.PlanNakano,
			Title: "統合仮想サーバ環境が3日間停止（初日は復旧見込不明）",
			Events: []Event{
				{At: day(0, 7, 30), Kind: FaultDetected, By: council.ByParty(council.IaaSProvider)},
				{At: day(0, 14, 0), Kind: StatusChange, Status: Status{Changed: FieldsOf(FieldSituation, FieldCause)}},
				{At: day(1, 10, 0), Kind: StatusChange, Status: Status{Up: ServicesOf(Groupware), Changed: FieldsOf(FieldResponse)}},
				{At: day(1, 15, 30), Kind: StatusChange, Status: Status{Up: ServicesOf(Groupware), Expected: day(2, 17, 0), Changed: FieldsOf(FieldExpectedRecovery)}},
				{At: day(2, 17, 0), Kind: Recovery},
			},
		},
		{
			ID: "tottori-l3-firewall", Plan: council.PlanTottori,
			Title: "ファイアウォールを通過した不正アクセス（レベル3、別表1-2、セキュリティ会議）",
			Events: []Event{
				{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.UnauthorizedAccess, Source: threat.SourceLocal}},
				{At: day(0, 9, 40), Kind: AttributeLearned, Learned: threat.Event{Firewall: threat.FirewallPassed}},
			},
		},
		{
			ID: "tottori-l2-antivirus", Plan: council.PlanTottori,
			Title: "ウイルス対策ソフトによるウイルスの検出・駆除（レベル2、別表4-2）",
			Events: []Event{
				{At: day(0, 13, 20), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.VirusDetected, Source: threat.SourceLocal}},
			},
		},
	}
}

// Scenarios returns the built-in drill scenarios of a reference plan, fresh
// on every call, sorted by ID: tottori — unauthorized access that passed the
// firewall (level 3, annex 1-2, council) and an antivirus detection (level
// 2, annex 4-2); kumamoto — theft of application forms (level 3) and a
// terminal that will not power on; ino — a long server stop (serious fault);
// nakano — the IaaS down for three days, recovery time unknown for the first
// day; kumiyama — a lost operator IC card. The same scenarios ship as JSON
// files in the module's bcp/testdata/scenarios. An unknown plan is an error
// wrapping ErrInvalid.
func Scenarios(plan string) ([]Scenario, error) {
	var out []Scenario
	for _, s := range builtin() {
		if s.Plan == plan {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("bcp: scenarios: %w: no built-in scenario for plan %s", ErrInvalid, problem.Value(plan))
	}
	slices.SortFunc(out, func(a, b Scenario) int { return cmpString(a.ID, b.ID) })
	return out, nil
}

// ScenarioByID returns the built-in scenario with the given ID, fresh.
func ScenarioByID(id string) (Scenario, error) {
	for _, s := range builtin() {
		if s.ID == id {
			return s, nil
		}
	}
	return Scenario{}, fmt.Errorf("bcp: scenarios: %w: no built-in scenario %s", ErrInvalid, problem.Value(id))
}

// ScenarioIDs returns the IDs of every built-in scenario, sorted, fresh.
func ScenarioIDs() []string {
	var ids []string
	for _, s := range builtin() {
		ids = append(ids, s.ID)
	}
	slices.Sort(ids)
	return ids
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
