package bcp

import (
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// The per-package presets (council.Tottori, fault.Tottori, threat.TottoriSpec,
// measures.Kumiyama, ...) assembled into whole plans, as the
// reference plans were built before they became embedded plan files.
// TestReferencePlanFiles checks that each embedded file still holds exactly
// what the per-package presets hold, so the two cannot drift apart while both
// exist.

// assembledIno returns いの町's plan (住基ネット緊急時対応計画書, 訓令第1号, 平成31年1月21日),
// fresh: the organisation of [council.Ino], the fault handling of [fault.Ino]
// (第2-8条), the threat scheme of [threat.InoSpec] (serious or not, 第9-12条),
// the general emergency measures (第10条) and follow-up (第13-15条) of package
// measures, and the recurrence-prevention countermeasures of 第8条. It has no
// preventive controls, annex or continuity part: the document has none.
func assembledIno() Plan {
	f := fault.Ino().Spec()
	t := threat.InoSpec()
	return Plan{
		ID:           council.PlanIno,
		Version:      "2019-01-21",
		Title:        "いの町住民基本台帳ネットワークシステム緊急時対応計画書",
		Source:       "いの町 訓令第1号 (平成31年1月21日)",
		Organization: ptr(council.Ino()),
		Duties: planDuties(council.PlanIno,
			assignDuty(ObserveAct, byStaff, noOne, "第9条"),
			assignDuty(DetectFault, byStaff, noOne, "第2条", "第3条"),
			assignDuty(Judge, byAdmin, noOne, "第4条", "第11条"),
			assignDuty(Maintain, byAdmin, noOne, "第6条", "第7条"),
			assignDuty(CheckIntegrity, byAdmin, noOne, "第7条"),
			assignDuty(ReportSituation, byStaff, byAdmin, "第3条(1)", "第9条")),
		Fault:  &f,
		Threat: &t,
		Measures: &Measures{
			Recurrence: &Recurrence{
				Countermeasures: measures.AllCountermeasures(),
				Citations:       council.Cites(council.Cite(council.PlanIno, "第8条")),
			},
		},
	}
}

// assembledKumamoto returns 熊本市's plan (住民基本台帳、印鑑登録・証明、戸籍事務に係る情報
// セキュリティ緊急時対応計画, 平成28年4月1日改正), fresh: the organisation of
// [council.Kumamoto], the fault handling of [fault.Kumamoto] (4(2), 別紙), the
// threat levels of [threat.KumamotoSpec] (4(1)), and the recurrence-prevention
// plan that 5 requires (a-d, [measures.PreventionPlan]). kumamoto's
// emergency measures depend on the level and live in its threat scheme; it
// has no preventive controls, annex or continuity part.
func assembledKumamoto() Plan {
	f := fault.Kumamoto().Spec()
	t := threat.KumamotoSpec()
	return Plan{
		ID:           council.PlanKumamoto,
		Version:      "2016-04-01",
		Title:        "熊本市住民基本台帳、印鑑登録・証明、戸籍事務に係る情報セキュリティ緊急時対応計画",
		Source:       "熊本市 (平成28年4月1日改正)",
		Organization: ptr(council.Kumamoto()),
		// 4(2) gives maintenance to 情報政策課 (保守作業の実施) and
		// resumption to the section manager (運用の再開), who has the staff
		// check integrity first.
		Duties: planDuties(council.PlanKumamoto,
			assignDuty(ObserveAct, byStaff, noOne, "4(1) 状況の把握ならびに脅威度の判定"),
			assignDuty(DetectFault, byStaff, noOne, "4(2) 障害の特定"),
			assignDuty(Judge, council.ByRole(council.SectionManager), noOne, "4(1) 状況の把握ならびに脅威度の判定", "4(1)(イ)"),
			assignDuty(Maintain, council.ByRole(council.InfoPolicyDivision), noOne, "4(2) 保守作業の実施"),
			assignDuty(CheckIntegrity, byStaff, noOne, "4(2) 運用の再開"),
			assignDuty(Resume, council.ByRole(council.SectionManager), noOne, "4(2) 運用の再開"),
			assignDuty(ReportSituation, byStaff, council.ByRole(council.SectionManager), "4(2) 障害の特定", "4(2) 原因の究明(イ)")),
		Fault:  &f,
		Threat: &t,
		Measures: &Measures{
			Recurrence: &Recurrence{
				PlanRequired: true,
				Citations:    council.Cites(council.Cite(council.PlanKumamoto, "5")),
			},
		},
	}
}

// assembledKumiyama returns 久御山町's plan (住基ネット運用管理規程, 訓令第3号, 平成14年8月5日,
// last amended by 令和4年訓令第2号 in force 令和4年4月1日), fresh: the organisation
// of [council.Kumiyama] (第2-7条), the fault duties of [fault.Kumiyama]
// (第24-26条) and the preventive controls of [measures.Kumiyama] (第13-23条).
// The regulation grades no threat levels (Threat is nil), has no annex,
// general emergency measures or continuity part: 第35条 only requires an
// emergency plan to be made.
func assembledKumiyama() Plan {
	f := fault.Kumiyama().Spec()
	return Plan{
		ID:           council.PlanKumiyama,
		Version:      "2022-04-01",
		Title:        "久御山町住民基本台帳ネットワークシステム運用管理規程",
		Source:       "久御山町 訓令第3号 (平成14年8月5日, 令和4年訓令第2号改正)",
		Organization: ptr(council.Kumiyama()),
		Duties: planDuties(council.PlanKumiyama,
			assignDuty(Maintain, byAdmin, noOne, "第24条", "第26条"),
			assignDuty(ReportCardLoss, byOperator, byAdmin, "第17条10項3号"),
			assignDuty(RevokeCard, byAdmin, noOne, "第17条11項"),
			assignDuty(InspectCards, byAdmin, noOne, "第17条14項", "第17条15項")),
		Fault:    &f,
		Measures: &Measures{},
	}
}

// assembledTottori returns 鳥取県's plan (住基ネット緊急時対応計画, 平成18年3月3日施行), fresh:
// the organisation of [council.Tottori], the fault handling of [fault.Tottori]
// (第2), the threat levels of [threat.TottoriSpec] (第3-1 … 第3-6), the
// general emergency measures (第3-4) and follow-up (第3-7, 第3-8), and the
// sixteen rows of its annex (別表1-1 … 4-4). It has no preventive controls,
// recurrence catalogue or continuity part.
func assembledTottori() Plan {
	f := fault.Tottori().Spec()
	t := threat.TottoriSpec()
	var annex []measures.Case
	for c := range measures.AllCases() {
		annex = append(annex, c)
	}
	return Plan{
		ID:           council.PlanTottori,
		Version:      "2006-03-03",
		Title:        "鳥取県住民基本台帳ネットワークシステム緊急時対応計画",
		Source:       "鳥取県 (平成18年3月3日施行)",
		Organization: ptr(council.Tottori()),
		Duties: planDuties(council.PlanTottori,
			assignDuty(ObserveAct, byStaff, noOne, "第3-3(1)"),
			assignDuty(DetectFault, byStaff, noOne, "第2-1(1)", "第2-3"),
			assignDuty(NoticeAtTerminal, byOperator, noOne, "第2-1(2)", "第2-2(2)"),
			assignDuty(Judge, byAdmin, noOne, "第3-5"),
			assignDuty(Maintain, byAdmin, noOne, "第2-5", "第2-6"),
			assignDuty(CheckIntegrity, byAdmin, council.ByParty(council.NationalCenter), "第2-6"),
			assignDuty(RunPlaybook, byAdmin, council.ByParty(council.NationalCenter), "第3-4", "第3-4(1)"),
			assignDuty(ReportSituation, byStaff, byAdmin, "第2-2(1)", "第2-3", "第3-3(1)")),
		Fault:  &f,
		Threat: &t,
		Measures: &Measures{
			Annex: annex,
		},
	}
}

func ptr[T any](v T) *T { return &v }

// Actors the presets' duties name.
var (
	noOne      council.Actor
	byStaff    = council.ByRole(council.Staff)
	byAdmin    = council.ByRole(council.SystemAdministrator)
	byOperator = council.ByRole(council.Operator)
)

// planDuties returns the assignments of plan id, each citing its clauses.
func planDuties(id string, as ...func(string) Assignment) []Assignment {
	out := make([]Assignment, len(as))
	for i, a := range as {
		out[i] = a(id)
	}
	return out
}

func assignDuty(d Duty, by, to council.Actor, clauses ...string) func(string) Assignment {
	return func(id string) Assignment {
		cs := make([]council.Citation, len(clauses))
		for i, c := range clauses {
			cs[i] = council.Cite(id, c)
		}
		return Assignment{Duty: d, Actor: by, To: to, Citations: council.Cites(cs...)}
	}
}

// nakanoSlots are the times of day, Japan time, of nakano's scheduled
// reports while the expected recovery is unknown (統合仮想サーバ 3(4)①ア a:
// 8時15分、12時00分、16時00分を目処に).
func nakanoSlots() []time.Duration {
	return []time.Duration{8*time.Hour + 15*time.Minute, 12 * time.Hour, 16 * time.Hour}
}

// nakanoOrder are the clauses nakano gives for the grounds of its recovery
// order; a ground the document does not state (the library's extensions of
// [Order]) cites the clause it extends.
func nakanoOrder() []OrderClause {
	c := func(clause string, rs ...Reason) OrderClause {
		return OrderClause{Cite: council.Cite(council.PlanNakano, "統合仮想サーバ "+clause), Reasons: ReasonsOf(rs...)}
	}
	return []OrderClause{
		c("4(5)", ReasonAlternative, ReasonNoAlternative),
		c("4(6)", ReasonScale, ReasonTarget, ReasonDifficulty, ReasonTieBreak),
		c("4(7)", ReasonPlatform, ReasonInherited, ReasonRaised, ReasonDependencies),
		c("5(1)", ReasonMonitoring),
		c("図4", ReasonPolicy),
	}
}
