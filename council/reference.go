package council

import (
	"fmt"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// Reference returns the reference organisation of plan ID plan (PlanIno,
// PlanKumiyama, PlanTottori, PlanKumamoto or PlanNakano), fresh.
func Reference(plan string) (Organization, error) {
	switch plan {
	case PlanIno:
		return Ino(), nil
	case PlanKumiyama:
		return Kumiyama(), nil
	case PlanTottori:
		return Tottori(), nil
	case PlanKumamoto:
		return Kumamoto(), nil
	case PlanNakano:
		return Nakano(), nil
	}
	return Organization{}, fmt.Errorf("council: no reference organisation for plan %s: %w", problem.Value(plan), ErrNotFound)
}

// ReferencePlans returns the plan IDs [Reference] knows, sorted, fresh.
func ReferencePlans() []string {
	return []string{PlanIno, PlanKumamoto, PlanKumiyama, PlanNakano, PlanTottori}
}

// Ino returns いの町's organisation, fresh. The chain runs staff → system
// administrator → security chief (第3条(1), 第4条), with the identity
// information manager also reporting to the chief (第11条). The security
// council meets on a serious fault (第4条, agenda 第5条) or a serious threat
// to identity information (第11条, agenda 第12条), at the proposal of the
// system administrator (or the identity information manager, 第11条),
// convened and chaired by the chief; an existing emergency-response
// structure may stand in for it (第5条, 第12条 ただし書). A fault or an
// unauthorized act not judged serious does not convene it.
func Ino() Organization {
	c := func(cl string) Citation { return Cite(PlanIno, cl) }
	return Organization{
		Plan: PlanIno,
		Chain: Chain{
			Plan:  PlanIno,
			Chief: SecurityChief,
			Edges: []Edge{
				{From: Staff, To: SystemAdministrator, Cite: c("第3条(1)")},
				{From: SystemAdministrator, To: SecurityChief, Cite: c("第4条")},
				{From: IdentityInfoManager, To: SecurityChief, Cite: c("第11条")},
			},
			Notices: []Notice{
				{On: TriggersOf(Fault, SeriousFault), By: Staff, To: ByRole(SystemAdministrator), Cite: c("第3条(1)")},
				{On: TriggersOf(Fault, SeriousFault), By: SystemAdministrator, To: ByParty(Contractor), AsNeeded: true, Cite: c("第3条(2)")},
				{On: TriggersOf(SeriousFault), By: SystemAdministrator, To: ByRole(SecurityChief), Cite: c("第4条")},
				{On: TriggersOf(UnauthorizedAct, SeriousThreat), By: Staff, To: ByRole(SystemAdministrator), Cite: c("第9条")},
				{On: TriggersOf(UnauthorizedAct, SeriousThreat), By: SystemAdministrator, To: ByParty(Contractor), AsNeeded: true, Cite: c("第10条")},
				{On: TriggersOf(UnauthorizedAct, SeriousThreat), By: SystemAdministrator, To: ByParty(JLIS), AsNeeded: true, Cite: c("第10条")},
				{On: TriggersOf(SeriousThreat), By: SystemAdministrator, To: ByRole(SecurityChief), Cite: c("第11条")},
				{On: TriggersOf(SeriousThreat), By: IdentityInfoManager, To: ByRole(SecurityChief), Cite: c("第11条")},
			},
		},
		Councils: []Council{{
			Body: SecurityCouncil, Name: "セキュリティ会議",
			Chair: SecurityChief, Convener: SecurityChief,
			Cites: Cites(c("第5条"), c("第12条")),
		}},
		Rules: []Rule{
			{On: TriggersOf(SeriousFault), Meets: true, Body: SecurityCouncil,
				RequestedBy: RolesOf(SystemAdministrator), Agenda: c("第5条"), Substitute: EmergencyResponseStructure,
				Cites: Cites(c("第4条"), c("第5条"))},
			{On: TriggersOf(SeriousThreat), Meets: true, Body: SecurityCouncil,
				RequestedBy: RolesOf(SystemAdministrator, IdentityInfoManager), Agenda: c("第12条"), Substitute: EmergencyResponseStructure,
				Cites: Cites(c("第11条"), c("第12条"))},
			{On: TriggersOf(Fault), Cites: Cites(c("第4条"))},
			{On: TriggersOf(UnauthorizedAct), Cites: Cites(c("第11条"))},
		},
		Agendas: []Agenda{InoFaultAgenda(), InoUnauthorizedAgenda()},
	}
}

// Kumiyama returns 久御山町's organisation, fresh: the appointments of
// 第2-5条, the security council of 第6条 (chaired and convened by the chief,
// with the deputy chiefs, the system administrator and the information
// protection manager as members, secretariat 企画財政課), its normal-time
// duties (第6条3項, trigger [Routine]), and its emergency meeting on a fault
// or unauthorized act when the system administrator requests it (第6条5項),
// which fixes no agenda ("必要な事項を決定する").
//
// kumiyama grades no threat levels: map an unauthorized act of any level to
// [UnauthorizedAct]. The chain's edges are the reports the regulation names
// (第3条1項 the deputies assist the chief, 第6条5項 the administrator's
// request, 第14条 reports to the chief).
func Kumiyama() Organization {
	k := func(cl string) Citation { return Cite(PlanKumiyama, cl) }
	emergency := TriggersOf(Fault, SeriousFault, UnauthorizedAct, SeriousThreat)
	return Organization{
		Plan:         PlanKumiyama,
		Appointments: KumiyamaAppointments(),
		Chain: Chain{
			Plan:  PlanKumiyama,
			Chief: SecurityChief,
			Edges: []Edge{
				{From: DeputySecurityChief, To: SecurityChief, Cite: k("第3条1項")},
				{From: SystemAdministrator, To: SecurityChief, Cite: k("第6条5項")},
				{From: InfoProtectionManager, To: SecurityChief, Cite: k("第14条")},
			},
			Notices: []Notice{
				{On: emergency, By: SystemAdministrator, To: ByRole(SecurityChief), AsNeeded: true, Cite: k("第6条5項")},
			},
		},
		Councils: []Council{{
			Body: SecurityCouncil, Name: "セキュリティ会議",
			Chair: SecurityChief, Convener: SecurityChief,
			Members:     RolesOf(DeputySecurityChief, SystemAdministrator, InfoProtectionManager),
			ChairMayAdd: true,
			Secretariat: "企画財政課",
			Consults:    "久御山町情報公開・個人情報保護審査会",
			Duties:      k("第6条3項"),
			Cites:       Cites(k("第6条1項"), k("第6条2項"), k("第6条4項"), k("第6条7項")),
		}},
		Rules: []Rule{
			{On: emergency, Meets: true, Body: SecurityCouncil,
				RequestedBy: RolesOf(SystemAdministrator), OnRequest: true,
				Cites: Cites(k("第6条5項"), k("第6条1項"))},
			{On: TriggersOf(Routine), Meets: true, Body: SecurityCouncil, Agenda: k("第6条3項"),
				Cites: Cites(k("第6条3項"), k("第6条1項"))},
		},
		Agendas: []Agenda{KumiyamaDuties()},
	}
}

// Tottori returns 鳥取県's organisation, fresh. The chain runs terminal
// operator → staff → system administrator → security chief (第2-2(2),
// 第2-2(1), 第2-4(1)). The security council (鳥取県住基ネットセキュリティ会議)
// is held immediately by the chief when the system administrator reports a
// serious fault (第2-4) or a level-3 unauthorized act (第3-6); the chief then
// instructs on system stop, resident response and publicity (第2-4(3),
// 第3-6(3)). Levels 1 and 2 and a fault not judged serious do not convene it
// (第3-5, 第2-4(1)). tottori names no chair: Council.Chair is zero.
//
// The emergency contact network of 第1-2 (a [Network]) is stated only in
// tottori's plan file (bcp/reference/tottori.json), not here.
func Tottori() Organization {
	t := func(cl string) Citation { return Cite(PlanTottori, cl) }
	faults := TriggersOf(Fault, SeriousFault)
	acts := TriggersOf(UnauthorizedAct, ThreatLevel1, ThreatLevel2, ThreatLevel3)
	return Organization{
		Plan: PlanTottori,
		Chain: Chain{
			Plan:  PlanTottori,
			Chief: SecurityChief,
			Edges: []Edge{
				{From: Operator, To: Staff, Cite: t("第2-2(2)")},
				{From: Staff, To: SystemAdministrator, Cite: t("第2-2(1)")},
				{From: SystemAdministrator, To: SecurityChief, Cite: t("第2-4(1)")},
			},
			Notices: []Notice{
				{On: faults, By: Operator, To: ByRole(Staff), Cite: t("第2-2(2)")},
				{On: faults, By: Staff, To: ByRole(SystemAdministrator), Cite: t("第2-2(1)")},
				{On: faults, By: Staff, To: ByParty(Carrier), AsNeeded: true, Cite: t("第2-2(1)")},
				{On: faults, By: Staff, To: ByParty(Contractor), AsNeeded: true, Cite: t("第2-2(1)")},
				{On: faults, By: SystemAdministrator, To: ByParty(NationalCenter), AsNeeded: true, Cite: t("第2-2(1)")},
				{On: faults, By: SystemAdministrator, To: ByParty(RelatedMunicipalities), AsNeeded: true, Cite: t("第2-2(1)")},
				{On: TriggersOf(SeriousFault), By: SystemAdministrator, To: ByRole(SecurityChief), Cite: t("第2-4(1)")},
				{On: acts, By: Staff, To: ByRole(SystemAdministrator), Cite: t("第3-3(1)")},
				{On: acts, By: SystemAdministrator, To: ByParty(Contractor), Cite: t("第3-3(2)")},
				{On: TriggersOf(ThreatLevel2, ThreatLevel3), By: SystemAdministrator, To: ByParty(NationalCenter), Cite: t("第3-3(3)")},
				{On: TriggersOf(ThreatLevel2, ThreatLevel3), By: SystemAdministrator, To: ByParty(RelatedMunicipalities), AsNeeded: true, Cite: t("第3-3(3)")},
				{On: TriggersOf(ThreatLevel1), By: SystemAdministrator, To: ByRole(SecurityChief), Cite: t("第3-5(1)")},
				{On: TriggersOf(ThreatLevel3), By: SystemAdministrator, To: ByRole(SecurityChief), Cite: t("第3-6(1)")},
			},
		},
		Councils: []Council{{
			Body: SecurityCouncil, Name: "鳥取県住基ネットセキュリティ会議",
			Convener: SecurityChief,
			Cites:    Cites(t("第2-4(2)"), t("第3-6(2)")),
		}},
		Rules: []Rule{
			{On: TriggersOf(SeriousFault), Meets: true, Body: SecurityCouncil,
				RequestedBy: RolesOf(SystemAdministrator), Immediately: true, Agenda: t("第2-4(3)"),
				Cites: Cites(t("第2-4(1)"), t("第2-4(2)"), t("第2-4(3)"))},
			{On: TriggersOf(ThreatLevel3), Meets: true, Body: SecurityCouncil,
				RequestedBy: RolesOf(SystemAdministrator), Immediately: true, Agenda: t("第3-6(3)"),
				Cites: Cites(t("第3-6(1)"), t("第3-6(2)"), t("第3-6(3)"))},
			{On: TriggersOf(Fault), Cites: Cites(t("第2-4(1)"))},
			{On: TriggersOf(ThreatLevel1), Cites: Cites(t("第3-5(1)"))},
			{On: TriggersOf(ThreatLevel2), Cites: Cites(t("第3-5(2)"))},
			{On: TriggersOf(UnauthorizedAct), Cites: Cites(t("第3-5"), t("第3-6(1)"))},
		},
		Agendas: []Agenda{TottoriFaultInstructions(), TottoriThreatInstructions()},
	}
}

// Kumamoto returns 熊本市's organisation, fresh. Staff report to their
// section manager (4(1)) and, on a fault, to the security officers (4(2));
// managers report level-2 and level-3 breaches to the security officers
// (4(1)(ウ)); the police, the PR division, related bodies and affected
// persons are told depending on the breach (3). At level 3 the emergency
// security council meets and the emergency structure of 別紙1, formed by
// 地域政策課 and 中央区役所区民課 (its members), takes up its tasks; levels 1 and 2 are handled by the section manager (4(1) 緊急対応策).
//
// kumamoto names no security chief: the library takes the security officers,
// where every report ends, as the chain's chief, and leaves the council's
// chair and convener zero. Who makes the notices of 3 is not said: their By
// is zero.
//
// The security officers are three divisions (4(1) 緊急対応策(ウ)(b)); 4(1)(ウ)
// addresses them one by one: the section manager notifies
// [RegionalPolicyDivision] and [ChuoWardResidentsDivision] and asks
// [InfoPolicyDivision] to capture the situation. Those notices are listed
// beside the collective one to [SecurityOfficers]. Each division's edge to
// [SecurityOfficers] (cited 4(1) 緊急対応策(ウ)(b)) is the library's reading
// of "is one of": the plan has no report between them.
func Kumamoto() Organization {
	k := func(cl string) Citation { return Cite(PlanKumamoto, cl) }
	breach := TriggersOf(UnauthorizedAct, ThreatLevel1, ThreatLevel2, ThreatLevel3)
	faults := TriggersOf(Fault, SeriousFault)
	high := TriggersOf(ThreatLevel2, ThreatLevel3)
	ns := []Notice{
		{On: breach, By: Staff, To: ByRole(SectionManager), Cite: k("4(1)")},
		{On: high, By: SectionManager, To: ByRole(SecurityOfficers), Cite: k("4(1)(ウ)")},
		{On: high, By: SectionManager, To: ByRole(RegionalPolicyDivision), Cite: k("4(1)(ウ)")},
		{On: high, By: SectionManager, To: ByRole(ChuoWardResidentsDivision), Cite: k("4(1)(ウ)")},
		{On: high, By: SectionManager, To: ByRole(InfoPolicyDivision), Cite: k("4(1)(ウ)")},
		{On: faults, By: Staff, To: ByRole(SecurityOfficers), Cite: k("4(2)")},
		{On: faults, By: Staff, To: ByRole(SectionManager), Cite: k("4(2)")},
	}
	for _, p := range []Party{Police, PRDivision, RelatedBodies, AffectedPersons} {
		ns = append(ns, Notice{On: breach, To: ByParty(p), AsNeeded: true, Cite: k("3")})
	}
	return Organization{
		Plan:         PlanKumamoto,
		Appointments: KumamotoAppointments(),
		Chain: Chain{
			Plan:  PlanKumamoto,
			Chief: SecurityOfficers,
			Edges: []Edge{
				{From: Staff, To: SectionManager, Cite: k("4(1)")},
				{From: SectionManager, To: SecurityOfficers, Cite: k("4(1)(ウ)")},
				{From: Staff, To: SecurityOfficers, Cite: k("4(2)")},
				{From: RegionalPolicyDivision, To: SecurityOfficers, Cite: k("4(1) 緊急対応策(ウ)(b)")},
				{From: ChuoWardResidentsDivision, To: SecurityOfficers, Cite: k("4(1) 緊急対応策(ウ)(b)")},
				{From: InfoPolicyDivision, To: SecurityOfficers, Cite: k("4(1) 緊急対応策(ウ)(b)")},
			},
			Notices: ns,
		},
		Councils: []Council{
			{Body: SecurityCouncil, Name: "緊急時セキュリティ会議", Cites: Cites(k("別紙1"))},
			{Body: EmergencyResponseStructure, Name: "地域政策課・中央区役所区民課 緊急時対応体制",
				Members: RolesOf(RegionalPolicyDivision, ChuoWardResidentsDivision), Cites: Cites(k("別紙1"))},
		},
		Rules: []Rule{
			{On: TriggersOf(ThreatLevel3), Meets: true, Body: SecurityCouncil, Agenda: k("別紙1"),
				Cites: Cites(k("別紙1"), k("4(1) 緊急対応策(ウ)"))},
			{On: TriggersOf(ThreatLevel1), Cites: Cites(k("4(1) 緊急対応策(ア)"))},
			{On: TriggersOf(ThreatLevel2), Cites: Cites(k("4(1) 緊急対応策(イ)"))},
		},
		Agendas: []Agenda{KumamotoEmergencyTasks()},
	}
}

// Nakano returns 中野区's organisation (ICT-BCP), fresh. Information-security
// incidents are deliberated by the information security committee unless the
// crisis management council is held (6(1)ア). A large incident comes under
// the mayor-led risk and crisis management structure (8); the library names
// the crisis management council, whose secretariat is the crisis management
// division (8(5)【緊急時】エ), as the body that meets for it and the mayor
// (8, 8(1)) as its head — the library's reading: the plan does not say who
// chairs that council.
//
// The chain: system staff → system manager → owning division head, which
// reports to the CISO (deputy mayor) and the owning department head (8(8)イ)
// and to the crisis management division (6(1)イ, 7(1)); the owning
// department head reports to the mayor (6(3)イ); the CISO advises the mayor
// (8(2)). The step system manager → owning division head is the library's
// reading of 8(9) (系長 under 主管課長).
//
// 7(2): the crisis management division, given the first report, judges
// whether the mayor and deputy mayor must be told at once and, if so, tells
// the owning division head so (その旨を主管課長に伝える); it does not report
// to them itself. The report then falls to the owning division head, to the
// mayor and the deputy mayor (as needed: 判断される場合), which is the
// library's reading of what it is told. The plan gives the crisis
// management division no report of its own to the mayor; its edge to the
// mayor is the library's reading of its place in the mayor-led risk and
// crisis management structure, as secretariat of its headquarters and
// council (8(5)【緊急時】エ), which the chain needs to reach the chief; the
// edge is marked [Edge].Reading.
//
// The contact structure of 統合仮想サーバ 3(1) (a [Network]) is stated only in
// nakano's plan file (bcp/reference/nakano.json), not here.
func Nakano() Organization {
	n := func(cl string) Citation { return Cite(PlanNakano, "ICT-BCP "+cl) }
	incidents := TriggersOf(SecurityIncident, LargeIncident, Fault, InfoLeak, SpecificInfoLeak, UnauthorizedAct)
	breach := TriggersOf(UnauthorizedAct, InfoLeak, SpecificInfoLeak)
	return Organization{
		Plan:         PlanNakano,
		Appointments: NakanoAppointments(),
		Chain: Chain{
			Plan:  PlanNakano,
			Chief: Mayor,
			Edges: []Edge{
				{From: SystemStaff, To: SystemManager, Cite: n("8(10)")},
				{From: SystemManager, To: OwningDivisionHead, Cite: n("8(9)")},
				{From: OwningDivisionHead, To: CrisisManagementDivision, Cite: n("7(1)")},
				{From: OwningDivisionHead, To: DeputyMayor, Cite: n("8(8)イ")},
				{From: OwningDivisionHead, To: OwningDepartmentHead, Cite: n("8(8)イ")},
				{From: InfoSystemsDivision, To: CrisisManagementDivision, Cite: n("6(1)イ")},
				{From: OwningDepartmentHead, To: Mayor, Cite: n("6(3)イ")},
				{From: OwningDivisionHead, To: Mayor, Cite: n("7(2)")},
				{From: CrisisManagementDivision, To: Mayor, Cite: n("8(5) 緊急時エ"), Reading: true},
				{From: DeputyMayor, To: Mayor, Cite: n("8(2)")},
			},
			Notices: []Notice{
				{On: incidents, By: OwningDivisionHead, To: ByRole(CrisisManagementDivision), Cite: n("7(1)")},
				{On: breach, By: OwningDivisionHead, To: ByRole(DeputyMayor), Cite: n("8(8)イ")},
				{On: breach, By: OwningDivisionHead, To: ByRole(OwningDepartmentHead), Cite: n("8(8)イ")},
				{On: TriggersOf(Fault), By: InfoSystemsDivision, To: ByParty(TokyoICTDepartment), Cite: n("6(3)エ")},
				{On: TriggersOf(Fault), By: InfoSystemsDivision, To: ByParty(NISC), Cite: n("6(3)エ")},
				{On: TriggersOf(Fault), By: InfoSystemsDivision, To: ByParty(MICOffice), Cite: n("6(3)エ")},
				{On: TriggersOf(InfoLeak), By: InfoSystemsDivision, To: ByParty(TokyoICTDepartment), Cite: n("6(3)オ")},
				{On: TriggersOf(SpecificInfoLeak), By: OwningDepartmentHead, To: ByRole(CrisisManagementDivision), Cite: n("6(3)カ")},
				{On: TriggersOf(SpecificInfoLeak), By: CrisisManagementDivision, To: ByParty(PPC), Cite: n("6(3)カ")},
				{On: TriggersOf(SpecificInfoLeak), By: CrisisManagementDivision, To: ByParty(TokyoGeneralAffairsDivision), Cite: n("6(3)カ")},
				{On: incidents, By: CrisisManagementDivision, To: ByRole(OwningDivisionHead), AsNeeded: true, Cite: n("7(2)")},
				{On: incidents, By: OwningDivisionHead, To: ByRole(Mayor), AsNeeded: true, Cite: n("7(2)")},
				{On: incidents, By: OwningDivisionHead, To: ByRole(DeputyMayor), AsNeeded: true, Cite: n("7(2)")},
			},
		},
		Councils: []Council{
			{Body: InfoSecurityCommittee, Name: "情報安全対策委員会", Cites: Cites(n("6(1)ア"))},
			{Body: CrisisManagementCouncil, Name: "中野区危機管理等対策会議", Chair: Mayor,
				Secretariat: "危機管理課", Cites: Cites(n("6(1)ア"), n("8"), n("8(5)"))},
		},
		Rules: []Rule{
			{On: TriggersOf(SecurityIncident, Fault, InfoLeak, SpecificInfoLeak, UnauthorizedAct), Meets: true, Body: InfoSecurityCommittee,
				Cites: Cites(n("6(1)ア"))},
			{On: TriggersOf(LargeIncident), Meets: true, Body: CrisisManagementCouncil,
				Cites: Cites(n("8"), n("8(1)"), n("8(5)"), n("6(1)ア"))},
		},
	}
}
