package main

import (
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
)

// messagesJA holds, per finding code, the Japanese of a message the engine
// writes in one fixed form: the English it replaces and its Japanese. Under
// -lang ja a finding whose message is exactly that English prints the
// Japanese; any other message (the codes whose messages name systems,
// roles or clauses, and any wording the engine changes) keeps the engine's
// English. TestMessagesJA requires each English to be what Check writes.
var messagesJA = map[bcp.Code]struct{ en, ja string }{
	bcp.CodeNoOrganization: {
		"the plan sets up no organisation: no roles, reporting chain or council",
		"計画に体制の定めがない: 役割、報告の系統、会議のいずれも定めていない"},
	bcp.CodeNoAppointments: {
		"the plan names no holder for any role: who fills them is left to the municipality",
		"計画はどの役割にも充てる職を定めていない: 誰が担うかは市町村に委ねられる"},
	bcp.CodeNoThreatScheme: {
		"the plan defines no threat scheme: unauthorized acts are not graded into levels and no response is tied to a level",
		"計画に脅威度の定めがない: 不正行為を脅威度に区分せず、脅威度ごとの対応も定めていない"},
	bcp.CodeNoFaultHandling: {
		"the plan gives no fault handling: no fault kinds, investigation steps or escalation of faults",
		"計画に障害対応の定めがない: 障害の種類、原因の究明の手順、障害の報告と判断の流れのいずれも定めていない"},
	bcp.CodeNoContinuity: {
		"the plan has no ICT continuity part: no inventory of systems, contact channels or report schedule",
		"計画にICT業務継続の定めがない: システムの一覧、連絡手段、報告の予定のいずれも定めていない"},
	bcp.CodeNoClauseIndex: {
		"the plan lists no clause index: its citations cannot be resolved to clauses of the document",
		"計画に条項の一覧がない: 引用を文書の条項に照らし合わせられない"},
	bcp.CodeNoDuties: {
		"the plan states no duties: who observes, judges, maintains and reports in a drill is the library's default (" + dutyNames() + ")",
		"計画に役割分担の定めがない: 訓練で誰が発見し、判断し、保守し、報告するかは本ライブラリの既定による（" + dutyNames() + "）"},
	bcp.CodeEmptyPlan: {
		"the plan states nothing but its ID, version and title: a plan needs at least one of its parts: organization (roles, reporting chain, councils), threat (the grading of unauthorized acts), fault (fault handling), measures, continuity (systems, contacts, reports) or duties; and, to cite its document, clauses and vocabulary",
		"計画にID、版及び表題のほかの定めがない: 計画には少なくとも次のいずれかの部分が要る: organization（体制: 役割、報告の系統、会議）、threat（不正行為の脅威度の区分）、fault（障害対応）、measures、continuity（システム、連絡手段、報告）又は duties。文書を引用するには clauses と vocabulary も要る"},
}

func dutyNames() string {
	var names []string
	for _, d := range bcp.AllDuties() {
		names = append(names, d.String())
	}
	return strings.Join(names, ", ")
}

// messageJA returns f's message in Japanese where messagesJA has it.
func messageJA(f bcp.Finding) string {
	if m, ok := messagesJA[f.Code]; ok && f.Message == m.en {
		return m.ja
	}
	return f.Message
}
