package fault

import (
	"time"

	"github.com/jukiplan/jukiplan/council"
)

// The reference plans' rule tables. Each is built once here, is unexported,
// and is never written after package initialisation; every accessor hands out
// copies (or immutable council.Citations).

var refs = []*reference{inoRef, kumamotoRef, kumiyamaRef, tottoriRef} // ordered by ID

func ino(clause string) council.Citations {
	return council.Cites(council.Cite(council.PlanIno, clause))
}
func kumamoto(clause ...string) council.Citations {
	return cites(council.PlanKumamoto, clause...)
}
func kumiyama(clause string) council.Citations {
	return council.Cites(council.Cite(council.PlanKumiyama, clause))
}
func tottori(clause ...string) council.Citations { return cites(council.PlanTottori, clause...) }

func cites(plan string, clauses ...string) council.Citations {
	cs := make([]council.Citation, len(clauses))
	for i, c := range clauses {
		cs[i] = council.Cite(plan, c)
	}
	return council.Cites(cs...)
}

var (
	staff       = council.ByRole(council.Staff)
	sysAdmin    = council.ByRole(council.SystemAdministrator)
	chief       = council.ByRole(council.SecurityChief)
	officers    = council.ByRole(council.SecurityOfficers)
	section     = council.ByRole(council.SectionManager)
	infoProtect = council.ByRole(council.InfoProtectionManager)
	operator    = council.ByRole(council.Operator)
	contractor  = council.ByParty(council.Contractor)
)

func symptomRules(rules map[Symptom]symptomRule) []symptomRule {
	out := make([]symptomRule, symptomTable.Len()+1)
	for s, r := range rules { // order does not matter: each lands at its own index
		out[s] = r
	}
	return out
}

func stageCites(m map[Stage]council.Citations) []StageSpec {
	var out []StageSpec
	for s, c := range m { // order does not matter: sortedStages orders the rows
		out = append(out, StageSpec{Stage: s, Citations: c})
	}
	return sortedStages(out)
}

// ino: いの町 住基ネット緊急時対応計画書.
var inoRef = &reference{
	id: council.PlanIno,
	symptoms: symptomRules(map[Symptom]symptomRule{
		Breakdown:       {Hardware, ino("第2条")},
		Bug:             {Software, ino("第2条")},
		SwitchFailure:   {Network, ino("第2条")},
		PremisesLineCut: {Network, ino("第2条")},
	}),
	checks: []checkRule{
		Hardware: {checks: []Check{PowerSwitch, WarningLamp, PhysicalDamage}, by: council.RolesOf(council.Staff), cites: ino("第3条")},
		Software: {checks: []Check{BugInformation}, by: council.RolesOf(council.Staff), cites: ino("第3条")},
		Network:  {checks: []Check{PowerSwitch, WarningLamp, CommandCheck, VisualCheck}, by: council.RolesOf(council.Staff), cites: ino("第3条")},
	},
	alternatives: []Fallback{
		{Alternative: NearbyMunicipality, When: SeriousFault, By: council.RolesOf(council.SecurityChief), Cites: ino("第5条")},
	},
	escalation: []escalationRule{
		{when: serverFault, action: RequestProvisional, by: staff, to: []council.Actor{council.ByRole(council.RelatedDepartments)}, cites: ino("第2条")},
		{when: always, action: Report, by: staff, to: []council.Actor{sysAdmin}, cites: ino("第3条(1)")},
		{when: causeUnknown, action: RequestCooperation, by: sysAdmin, to: []council.Actor{contractor}, cites: ino("第3条(2)")},
		{when: seriousFault, action: ProposeCouncil, by: sysAdmin, to: []council.Actor{chief}, cites: ino("第4条")},
		{when: seriousFault, action: ConveneCouncil, by: chief, cites: ino("第5条")},
	},
	stages: stageCites(map[Stage]council.Citations{
		Identified:          ino("第2条"),
		Investigated:        ino("第3条"),
		Escalated:           cites(council.PlanIno, "第4条", "第5条"),
		Maintained:          ino("第6条"),
		IntegrityChecked:    ino("第7条"),
		Resumed:             ino("第7条"),
		RecurrencePrevented: ino("第8条"),
	}),
	integrityAlways: true,
	integrityCites:  ino("第7条"),
	serious:         Thresholds{Long: 4 * time.Hour, Heavy: 50, Cites: ino("第4条")},
}

// kumamoto: 熊本市 情報セキュリティ緊急時対応計画, 4(2) and 別紙.
var kumamotoRef = &reference{
	id: council.PlanKumamoto,
	symptoms: symptomRules(map[Symptom]symptomRule{
		NoPower:            {Hardware, kumamoto("4(2) 障害の特定")},
		PrinterDown:        {Hardware, kumamoto("4(2) 障害の特定")},
		ScreenWontStart:    {Software, kumamoto("4(2) 障害の特定")},
		OddScreen:          {Software, kumamoto("4(2) 障害の特定")},
		OSWontBoot:         {Software, kumamoto("4(2) 障害の特定")},
		CommunicationError: {Network, kumamoto("4(2) 障害の特定")},
	}),
	checks: []checkRule{
		Hardware: {checks: []Check{PowerSwitch, WarningLamp, FloppyDrive, PaperSetting, PhysicalDamage}, by: council.RolesOf(council.Staff), cites: kumamoto("4(2) 原因の究明(ア)")},
		Software: {checks: []Check{ScreenMessage, OperationSteps}, by: council.RolesOf(council.Staff), cites: kumamoto("4(2) 原因の究明(ア)")},
		Network:  {checks: []Check{LANConnector, NetworkLamp}, by: council.RolesOf(council.Staff), cites: kumamoto("4(2) 原因の究明(ア)")},
	},
	// Only the downtime server (4(2), 別紙3). 別紙1 is the emergency
	// structure for a breach of personal-information management (3, 別紙1's
	// title): its terminal switching and fax operation are tasks of that
	// structure at level 3 (council.KumamotoEmergencyTasks), not ways to
	// carry on through a fault. A fault's structure is 別紙2, which the
	// source does not reproduce.
	alternatives: []Fallback{
		{Alternative: DowntimeServer, By: council.RolesOf(council.SectionManager, council.SecurityOfficers), Cites: kumamoto("4(2) システムダウン時の緊急措置", "別紙3")},
	},
	escalation: []escalationRule{
		{when: always, action: Notify, by: staff, to: []council.Actor{officers}, cites: kumamoto("4(2) 障害の特定")},
		{when: always, action: Report, by: staff, to: []council.Actor{section}, cites: kumamoto("4(2) 障害の特定")},
		{when: always, action: Report, by: staff, to: []council.Actor{section, officers}, cites: kumamoto("4(2) 原因の究明(イ)")},
		{when: opImpossible, action: Notify, by: staff, to: []council.Actor{officers}, cites: kumamoto("別紙3")},
	},
	stages: stageCites(map[Stage]council.Citations{
		Identified:          kumamoto("4(2) 障害の特定"),
		Investigated:        kumamoto("4(2) 原因の究明"),
		Maintained:          kumamoto("4(2) 保守作業の実施"),
		IntegrityChecked:    kumamoto("4(2) 運用の再開"),
		Resumed:             kumamoto("4(2) 運用の再開"),
		RecurrencePrevented: kumamoto("5"),
	}),
	integrityAlways: true,
	integrityCites:  kumamoto("4(2) 運用の再開"),
}

// kumiyama: 久御山町 住基ネット運用管理規程, 第24-26条.
var kumiyamaRef = &reference{
	id: council.PlanKumiyama,
	symptoms: symptomRules(map[Symptom]symptomRule{
		Bug:            {Software, kumiyama("第25条")},
		VirusInfection: {Software, kumiyama("第25条")},
	}),
	checks: make([]checkRule, kindTable.Len()+1),
	alternatives: []Fallback{
		// 第26条 is the network article: 障害運転時対応(代替運転、縮退運転).
		{Alternative: DegradedOperation, Kind: Network, By: council.RolesOf(council.SystemAdministrator), Cites: kumiyama("第26条")},
		{Alternative: AlternateOperation, Kind: Network, By: council.RolesOf(council.SystemAdministrator), Cites: kumiyama("第26条")},
	},
	escalation: []escalationRule{
		// 第24条: 業務端末に係る障害 in the hardware article; a terminal's
		// bug or infection is 第25条's.
		{when: terminalHardware, action: Report, by: infoProtect, to: []council.Actor{sysAdmin}, cites: kumiyama("第24条")},
		{when: terminalBug, action: Report, by: infoProtect, to: []council.Actor{sysAdmin}, cites: kumiyama("第25条")},
		{when: serverBug, action: Report, by: sysAdmin, to: []council.Actor{council.ByParty(council.Prefecture), council.ByParty(council.JLIS)}, cites: kumiyama("第25条")},
		{when: serverVirus, action: Disconnect, by: sysAdmin, cites: kumiyama("第25条")},
		{when: serverVirus, action: Report, by: sysAdmin, to: []council.Actor{council.ByParty(council.Prefecture), council.ByParty(council.JLIS)}, cites: kumiyama("第25条")},
		{when: terminalVirus, action: Disconnect, by: infoProtect, cites: kumiyama("第25条")},
		{when: terminalVirus, action: Report, by: infoProtect, to: []council.Actor{sysAdmin}, cites: kumiyama("第25条")},
	},
	// Each article covers one kind of fault, and each stage cites only the
	// article of the fault's kind: 第24条 (hardware) has the system
	// administrator grasp the situation and deal with the fault
	// (障害状況の把握及び障害対応) and maintain the equipment (保守);
	// 第25条 (software) has the bug or infection found and reported; 第26条
	// (networks other than the national network) covers detection,
	// isolation (障害の切り分け), investigation of the cause, repair and
	// recovery work, and recurrence prevention. A stage an article does not
	// cover has no citation for that kind.
	stages: sortedStages([]StageSpec{
		{Stage: Detected, Kind: Network, Citations: kumiyama("第26条")},
		{Stage: Identified, Kind: Hardware, Citations: kumiyama("第24条")},
		{Stage: Identified, Kind: Software, Citations: kumiyama("第25条")},
		{Stage: Identified, Kind: Network, Citations: kumiyama("第26条")},
		{Stage: Investigated, Kind: Network, Citations: kumiyama("第26条")},
		{Stage: Maintained, Kind: Hardware, Citations: kumiyama("第24条")},
		{Stage: Maintained, Kind: Network, Citations: kumiyama("第26条")},
		{Stage: Resumed, Kind: Network, Citations: kumiyama("第26条")},
		{Stage: RecurrencePrevented, Kind: Network, Citations: kumiyama("第26条")},
	}),
	// kumiyama states no integrity check; the library's own extension is
	// the conservative rule (always check), citing nothing.
	integrityAlways: true,
}

// tottori: 鳥取県 住基ネット緊急時対応計画, 第2 障害対応編.
var tottoriRef = &reference{
	id:       council.PlanTottori,
	symptoms: make([]symptomRule, symptomTable.Len()+1),
	checks:   make([]checkRule, kindTable.Len()+1),
	triggers: []Detection{
		{Trigger: ServerAlertMail, By: []council.Actor{staff, contractor}, Cites: tottori("第2-1(1)ア")},
		{Trigger: ServerConsole, By: []council.Actor{staff, contractor}, Cites: tottori("第2-1(1)イ")},
		{Trigger: ServerLamp, By: []council.Actor{staff, contractor}, Cites: tottori("第2-1(1)ウ")},
		{Trigger: NetworkMonitor, By: []council.Actor{staff, contractor}, Cites: tottori("第2-1(1)エ")},
		{Trigger: OperatorCall, By: []council.Actor{staff, contractor}, Cites: tottori("第2-1(1)オ")},
		{Trigger: OutsideNotice, By: []council.Actor{staff, contractor}, Cites: tottori("第2-1(1)カ")},
		{Trigger: TerminalMessage, By: []council.Actor{operator}, Cites: tottori("第2-1(2)ア")},
		{Trigger: TerminalNotWorking, By: []council.Actor{operator}, Cites: tottori("第2-1(2)イ")},
	},
	locations: []Assignment{
		DedicatedLine:       {Location: DedicatedLine, Responder: ByCarrier, Cites: tottori("第2-3①")},
		NationalNetwork:     {Location: NationalNetwork, Responder: ByNationalCenter, Cites: tottori("第2-3②")},
		PrefecturalWAN:      {Location: PrefecturalWAN, Responder: ByNetworkOwner, Cites: tottori("第2-3③")},
		JukiLAN:             {Location: JukiLAN, Responder: ByNetworkOwner, Cites: tottori("第2-3④")},
		BusinessApplication: {Location: BusinessApplication, Responder: ByNationalCenter, Cites: tottori("第2-3⑤")},
		DistributedSoftware: {Location: DistributedSoftware, Responder: ByNationalCenter, Cites: tottori("第2-3⑥")},
		JukiFirewall:        {Location: JukiFirewall, Responder: ByNationalCenter, Cites: tottori("第2-3⑦")},
		MunicipalEquipment:  {Location: MunicipalEquipment, Responder: ByMunicipality, Cites: tottori("第2-3⑧")},
	},
	escalation: []escalationRule{
		{when: always, action: Report, by: staff, to: []council.Actor{sysAdmin}, cites: tottori("第2-2(1)", "第2-3")},
		// "必要に応じ…運用保守委託事業者等に連絡": the library reads the need
		// as an unknown cause, as ino 第3条(2) does.
		{when: causeUnknown, action: RequestCooperation, by: staff, to: []council.Actor{contractor}, cites: tottori("第2-2(1)")},
		{when: opImpossible, action: NotifyOutage, by: sysAdmin, to: []council.Actor{
			council.ByParty(council.NationalCenter), council.ByParty(council.Prefecture), council.ByParty(council.RelatedMunicipalities),
		}, cites: tottori("第2-2(1)")},
		{when: seriousFault, action: ReportSerious, by: sysAdmin, to: []council.Actor{chief}, cites: tottori("第2-4(1)")},
		{when: seriousFault, action: ConveneCouncil, by: chief, cites: tottori("第2-4(2)")},
		{when: seriousFault, action: Instruct, by: chief, cites: tottori("第2-4(3)")},
	},
	stages: stageCites(map[Stage]council.Citations{
		Detected:         tottori("第2-1"),
		Identified:       tottori("第1-1(1)", "第2-3"),
		Investigated:     tottori("第2-3"),
		Escalated:        tottori("第2-4(1)", "第2-4(2)"),
		Maintained:       tottori("第2-5"),
		IntegrityChecked: tottori("第2-6"),
		Resumed:          tottori("第2-6"),
	}),
	integrityCites: tottori("第2-6"),
	serious:        Thresholds{Long: 24 * time.Hour, Heavy: 50, Cites: tottori("第2-4(1)")},
}
