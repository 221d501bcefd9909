package bcp

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// The five reference plans are plan files embedded in package reference;
// every function here parses its file through [ParsePlan], the path a
// municipality's own file takes, so the file is the one source of each plan.
// Every call returns a fresh value: nothing a caller changes reaches the next
// caller.

// Ino returns いの町's plan (住基ネット緊急時対応計画書, 訓令第1号, 平成31年1月21日),
// fresh, parsed from its embedded plan file: the organisation (第5条, 第11-12条),
// fault handling (第2-8条), the threat scheme (serious or not, 第9-12条), the
// general emergency measures (第10条), follow-up (第13-15条) and the
// recurrence-prevention countermeasures of 第8条, and its duties (the staff
// observe and report, 第2-3条, 第9条; the system administrator judges and
// maintains, 第4条, 第6-7条, 第11条). It has no preventive
// controls, annex or continuity part: the document has none.
func Ino() Plan { return mustReference("ino") }

// Kumamoto returns 熊本市's plan (住民基本台帳、印鑑登録・証明、戸籍事務に係る情報
// セキュリティ緊急時対応計画, 平成28年4月1日改正), fresh, parsed from its embedded
// plan file: the organisation, fault handling (4(2), 別紙3), the threat levels
// (4(1)), the recurrence-prevention plan that 5 requires (a-d), and its
// duties (the staff observe and report, the section manager judges, 4(1);
// 情報政策課 maintains, the staff check integrity and the section manager
// resumes, 4(2)). Its
// emergency measures depend on the level and live in its threat scheme; it has
// no preventive controls, annex or continuity part.
func Kumamoto() Plan { return mustReference("kumamoto") }

// Kumiyama returns 久御山町's plan (住基ネット運用管理規程, 訓令第3号, 平成14年8月5日,
// last amended by 令和4年訓令第2号 in force 令和4年4月1日), fresh, parsed from its
// embedded plan file: the organisation (第2-7条), the fault duties (第24-26条)
// and the preventive controls (第13-23条), and its duties for faults and IC
// cards (第17条10-15項, 第24条, 第26条). The regulation grades no threat
// levels (Threat is nil) and has no annex, general emergency measures or
// continuity part: 第35条 only requires an emergency plan to be made.
func Kumiyama() Plan { return mustReference("kumiyama") }

// Tottori returns 鳥取県's plan (住基ネット緊急時対応計画, 平成18年3月3日施行),
// fresh, parsed from its embedded plan file: the organisation, fault handling
// (第2), the threat levels (第3-1 … 第3-6), the general emergency measures
// (第3-4) and follow-up (第3-7, 第3-8), the sixteen rows of its annex
// (別表1-1 … 4-4), and its duties (第2-1 … 第2-6, 第3-3 … 第3-5: the staff
// observe and report to the system administrator, who judges, takes the
// emergency measures and maintains, with the national center). It has no
// preventive controls, recurrence catalogue or continuity part.
func Tottori() Plan { return mustReference("tottori") }

// Nakano returns 中野区's plan (ICTに関する事業継続計画 and 統合仮想サーバに関する個別
// 事業継続計画, both 案・抜粋), fresh, parsed from its embedded plan file: the
// organisation and the continuity part — the inventory of 統合仮想サーバ 図4,
// the contact channels of 統合仮想サーバ 3(3) for every
// outage pattern and audience, the report schedule and form (3(2), 3(4),
// ICT-BCP 7(1)), the horizons of ICT-BCP 9(2)ウ, the routes outside the ward
// of ICT-BCP 6, the recovery flow of 4(2), the clauses of its recovery order
// (4(5)-4(7), 5(1), 図4) and its duties (the provider detects and recovers
// the environment, the information systems division reports, the owning
// divisions recover their systems: 1, 3(4)①, 4(1), 4(2), 4(7)). nakano
// defines no fault chapter, no threat scheme and no measures.
func Nakano() Plan { return mustReference("nakano") }

// Reference returns the reference plan with ID id ("ino", "kumamoto",
// "kumiyama", "nakano" or "tottori"), fresh, parsed from its embedded plan
// file. An unknown ID is an error wrapping [ErrInvalid].
func Reference(id string) (Plan, error) {
	data, ok := reference.File(id)
	if !ok {
		return Plan{}, fmt.Errorf("bcp: no reference plan %s (want one of %v): %w", problem.ID(id), reference.IDs(), ErrInvalid)
	}
	p, err := ParsePlan(data)
	if err != nil {
		return Plan{}, fmt.Errorf("bcp: reference plan %s: %w", id, err)
	}
	return p, nil
}

// ReferencePlans returns the five reference plans ordered by ID, fresh.
func ReferencePlans() []Plan {
	ids := reference.IDs()
	out := make([]Plan, len(ids))
	for i, id := range ids {
		out[i] = mustReference(id)
	}
	return out
}

// mustReference parses an embedded reference plan. The files are part of the
// library and TestReferencePlanFiles parses every one of them, so an error
// here is a broken build, never bad input.
func mustReference(id string) Plan {
	p, err := Reference(id)
	if err != nil {
		panic(err)
	}
	return p
}
