package measures_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// The national center reports signs of unauthorized access: under tottori's
// annex (its plan file's playbooks) the center leads, and the disconnection
// applies only when the access pattern threatens identity information.
func ExamplePlaybooks_ForEvent() {
	annex := bcp.Tottori().Measures.Playbooks
	e := threat.Event{Kind: threat.UnauthorizedAccess, Source: threat.SourceNationalCenter}
	p, err := annex.ForEvent(e)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Label, p.Lead, p.Citations)
	for s := range p.Applicable(0) {
		fmt.Println(s.Mark, s.Task, s.Mode)
	}
	fmt.Println("when the pattern threatens identity information:")
	for s := range p.Applicable(measures.ConditionsOf(measures.PatternThreatensIdentity)) {
		if s.Conditional() {
			fmt.Println(s.Mark, s.Task, s.Citations)
		}
	}

	_, err = annex.ForEvent(threat.Event{Kind: threat.Leak, Source: threat.SourceLocal})
	fmt.Println(errors.Is(err, measures.ErrNoPlaybook))
	// Output:
	// 別表1-1 national-center-leads tottori:別表1-1
	// ① identify-source assist
	// ② investigate-on-site on-request
	// ④ identify-attacker in-liaison
	// when the pattern threatens identity information:
	// ③ disconnect tottori:別表1-1, tottori:別表1-1③
	// true
}

// A suspicious operation found locally: the fallback step is kept with the
// annex's exact wording.
func ExamplePlaybooks_Lookup() {
	p, _ := bcp.Tottori().Measures.Playbooks.Lookup(measures.Case1_4)
	fmt.Println(p.Label, p.Event)
	s := p.Steps[len(p.Steps)-1]
	fmt.Println(s.Mark, s.Condition)
	fmt.Println(s.Text)
	// Output:
	// 別表1-4 県において、サーバ、業務端末等の不審な操作を発見
	// ※ quick-action-hard-and-threat-large
	// 上記措置の迅速な実施が困難、かつ、本人確認情報への脅威が大きい場合は、全国センターと協議のうえ、当該部分の住基ネットからの切離し
}

// Checking a municipality's settings against kumiyama's figures, then against
// a town that asks for 12 characters.
func ExampleCheck() {
	pw := measures.Password{Expires: true, MinLength: 10, LockoutAfter: 5, InitialChanged: true, TemporaryChangedAtFirstLogon: true}
	s := measures.Settings{
		CardPassword:         pw,
		OSPassword:           pw,
		Cards:                measures.Cards{LentPerTask: true, ApprovedOnly: true, OnePerPerson: true, ReturnedAtOnce: true, RevokedOnLoss: true, RecordYears: 7},
		Level2Rooms:          measures.Zone{PriorPermission: true, CardPerEntry: true, NameTag: true, EntryRecords: true, RecordYears: 5},
		Level1Rooms:          measures.Zone{PriorPermission: true, NameTag: true},
		OperationLogYears:    7,
		TerminalHours:        measures.Hours{Open: 8*time.Hour + 30*time.Minute, Close: 17*time.Hour + 15*time.Minute},
		IdentityAssetManager: council.InfoProtectionManager,
		OtherAssetManager:    council.SystemAdministrator,
		Contracts: []measures.Contract{{Name: "CS maintenance",
			Clauses: measures.ContractClauses.Without(measures.ContractIncidentReport)}},
	}
	kumiyama := *bcp.Kumiyama().Measures.Controls
	findings, err := measures.Check(kumiyama, s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f)
	}

	town := kumiyama
	town.InForce = measures.RequirementsOf(measures.CardPasswordLength)
	town.MinPasswordLength = 12
	town = town.WithCitations(measures.CardPasswordLength, council.Cites(council.Cite("example-town", "第7条")))
	findings, _ = measures.Check(town, s)
	fmt.Println(findings[0])
	// Output:
	// card-password: locks out after 5 failures, want 3 at most (kumiyama:第18条1項3号)
	// os-password: locks out after 5 failures, want 3 at most (kumiyama:第20条の2 3項3号)
	// entry-records: kept 5 years, want 7 (kumiyama:第13条)
	// contracts[0] "CS maintenance": does not state 事故等の報告 (kumiyama:第33条5号)
	// card-password: minimum length 10, want at least 12 (example-town:第7条)
}

// A recurrence-prevention plan under kumamoto 5: validation names every
// missing part.
func ExamplePreventionPlan_Validate() {
	p := measures.PreventionPlan{
		Situation:       "届書の紛失",
		Impact:          "住民3名の個人情報",
		TechnicalCauses: "該当なし",
		Technical: []measures.PlannedMeasure{{
			What: "書庫の施錠管理の電子化",
			Who:  council.ByRole(council.SectionManager),
		}},
	}
	for _, err := range p.Validate().(interface{ Unwrap() []error }).Unwrap() {
		fmt.Println(err)
	}
	// Output:
	// measures: recurrence-prevention plan: organisationalCauses: missing (組織面の原因)
	// measures: recurrence-prevention plan: technical[0].when: missing (技術面の再発防止策の実施時期)
	// measures: recurrence-prevention plan: organisational: missing (組織面の再発防止策)
}

// tottori's general emergency measures (from its plan file) when level 3 is
// likely.
func ExampleApplicable() {
	ms := bcp.Tottori().Measures.Emergency
	for m := range measures.Applicable(ms, measures.TriggersFor(threat.Level3)) {
		fmt.Println(m.Kind, m.Actor, m.Parties, m.Citations)
	}
	// Output:
	// strengthen-monitoring system-administrator {national-center related-municipalities contractor} tottori:第3-4, tottori:第3-4(1)
	// stop-or-disconnect system-administrator {national-center related-municipalities contractor} tottori:第3-4(2), tottori:第3-4(1)
}
