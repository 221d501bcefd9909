package bcp

import (
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Duty is a task of a drill that a plan gives to one of its actors: who
// notices an act, who judges it, who maintains the system, who reports. A plan
// states its duties in [Plan.Duties]; a duty it does not state falls to the
// library's default (the table in the doc of [Plan.Duty]), which is never
// shown as the plan's: it carries no citation.
//
// The zero Duty is unset. Values are only appended.
type Duty uint8

// Duties of a drill.
const (
	// ObserveAct: notices an unauthorized act, or learns more of it, when the
	// scenario does not say who (tottori 第3-3(1): through the staff).
	ObserveAct Duty = 1 + iota
	// DetectFault: detects a fault, a change of its status or its recovery,
	// when the scenario does not say who, and investigates where the plan's
	// fault rule names no one (tottori 第2-1(1)).
	DetectFault
	// NoticeAtTerminal: the user of a terminal who notices a symptom or loses
	// an IC card, when the scenario does not say who (tottori 第2-1(2)).
	NoticeAtTerminal
	// Judge: judges the level of an act, or whether it is serious, and
	// grades it (tottori 第3-5).
	Judge
	// Maintain: maintenance, resumption unless the plan gives it to another
	// (Resume), the fallback operation where the plan's rule names no one,
	// and the countermeasures against a recurrence (tottori 第2-5, 第2-6).
	Maintain
	// CheckIntegrity: checks the integrity of identity information before
	// resuming, with To where the plan says with whom (tottori 第2-6).
	CheckIntegrity
	// RunPlaybook: carries out the steps of an annex playbook, with To for
	// the steps taken with or by another (tottori 第3-4).
	RunPlaybook
	// ReportSituation: reports the situation of a fault to To; in an outage
	// of the shared environment, the scheduled and progress reports (nakano
	// 統合仮想サーバ 3(4)①).
	ReportSituation
	// ReportCardLoss: reports a lost IC card to To (kumiyama 第17条10項3号).
	// Listed only where the plan states it.
	ReportCardLoss
	// RevokeCard: revokes a lost IC card (kumiyama 第17条11項).
	RevokeCard
	// InspectCards: inspects the use of the IC cards (kumiyama 第17条14項).
	// Listed only where the plan states it.
	InspectCards
	// RecoverSystem: recovers a hosted system after an outage of the shared
	// environment, in the recovery order (nakano 統合仮想サーバ 4(7)).
	RecoverSystem
	// RecoverPlatform: recovers the shared environment itself (nakano
	// 統合仮想サーバ 4(2)).
	RecoverPlatform
	// Secretariat: carries out a step of the recovery flow that names only a
	// body, for that body (nakano 統合仮想サーバ 1: the information systems
	// division at the core of the contacts).
	Secretariat
	// Resume: resumes operation after maintenance (kumamoto 4(2) 運用の再開:
	// 管理者, while 情報政策課 maintains). Unless the plan states it, the
	// actor of the plan's Maintain (stated or the library's default).
	Resume
)

var dutyTable = enum.New[Duty]("bcp", "duty", "Duty", ErrInvalid, []enum.Name{
	ObserveAct:       {EN: "observe-act", JA: "不正行為の発見"},
	DetectFault:      {EN: "detect-fault", JA: "障害の発見"},
	NoticeAtTerminal: {EN: "notice-at-terminal", JA: "業務端末での異常の発見"},
	Judge:            {EN: "judge", JA: "脅威度の判定"},
	Maintain:         {EN: "maintain", JA: "保守作業及び運用の再開"},
	CheckIntegrity:   {EN: "check-integrity", JA: "本人確認情報の整合性の確認"},
	RunPlaybook:      {EN: "run-playbook", JA: "緊急措置の実施"},
	ReportSituation:  {EN: "report", JA: "状況の報告"},
	ReportCardLoss:   {EN: "report-card-loss", JA: "ICカードの紛失等の報告"},
	RevokeCard:       {EN: "revoke-card", JA: "ICカードの失効"},
	InspectCards:     {EN: "inspect-cards", JA: "ICカードの利用の検査"},
	RecoverSystem:    {EN: "recover-system", JA: "各システムの復旧"},
	RecoverPlatform:  {EN: "recover-platform", JA: "共通基盤の復旧"},
	Secretariat:      {EN: "secretariat", JA: "審議機関の事務"},
	Resume:           {EN: "resume", JA: "運用の再開"},
})

// An Assignment is who performs a [Duty] under a plan: the actor, to whom
// where the duty goes to someone (a report, a joint step), and the clauses of
// the plan that say so.
//
// The zero Assignment assigns nothing. Assignment holds [council.Citations],
// so == is not defined.
type Assignment struct {
	Duty  Duty          `json:"duty,omitzero"`
	Actor council.Actor `json:"actor,omitzero"`
	To    council.Actor `json:"to,omitzero"`
	// Note says what the duty is, in the plan's words; a drill shows it in
	// place of the duty's label. Empty, the label.
	Note      string            `json:"note,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// libraryDuties is the library's default for every duty a plan does not
// state, the table in the doc of [Plan.Duty]: the first of roles that is a
// node of the plan's reporting chain, else actor (the zero actor: the
// chain's chief); in an outage of the shared environment under a plan
// without fault rules, outage where it is set. A duty marked unlisted has no
// default.
var libraryDuties = [...]struct {
	roles         []council.Role
	actor, outage council.Actor
	to            council.Actor
	unlisted      bool
	as            Duty // falls to the plan's assignment of as
}{
	ObserveAct:       {roles: []council.Role{council.Staff}},
	DetectFault:      {actor: council.ByRole(council.Staff), outage: council.ByParty(council.Contractor)},
	NoticeAtTerminal: {actor: council.ByRole(council.Operator)},
	Judge:            {roles: []council.Role{council.SystemAdministrator, council.SectionManager}},
	Maintain:         {roles: []council.Role{council.SystemAdministrator}, actor: council.ByRole(council.Staff)},
	CheckIntegrity:   {roles: []council.Role{council.SystemAdministrator}, actor: council.ByRole(council.Staff)},
	RunPlaybook:      {actor: council.ByRole(council.SystemAdministrator), to: council.ByParty(council.NationalCenter)},
	ReportSituation:  {actor: council.ByRole(council.Staff), to: council.ByRole(council.SystemAdministrator)},
	ReportCardLoss:   {unlisted: true},
	RevokeCard:       {actor: council.ByRole(council.SystemAdministrator)},
	InspectCards:     {unlisted: true},
	RecoverSystem:    {roles: []council.Role{council.SystemAdministrator}, actor: council.ByRole(council.Staff)},
	RecoverPlatform:  {actor: council.ByParty(council.Contractor)},
	Secretariat:      {roles: []council.Role{council.SystemAdministrator}},
	Resume:           {as: Maintain},
}

// Duty returns who performs duty d under p: the plan's own [Assignment] with
// stated true, or else the library's default resolved against p's reporting
// chain, without citations, with stated false. A duty without a default that
// p does not state, or an invalid d, gives the zero Assignment (with its Duty
// set) and false.
//
// The library's defaults are the drill's choices where a document is silent,
// the same for every plan ("in the chain": a node of p's reporting chain):
//
//	duty                 default
//	observe-act          the staff if in the chain, else the chain's chief
//	detect-fault         the staff; in an outage of the shared environment
//	                     under a plan without fault rules, the contractor
//	notice-at-terminal   the terminal operator
//	judge                the system administrator, else the section manager,
//	                     if in the chain, else the chain's chief
//	maintain             the system administrator if in the chain, else the staff
//	check-integrity      as maintain
//	run-playbook         the system administrator, with the national center
//	report               the staff, to the system administrator
//	report-card-loss     none: not listed (an uncited entry would be a guess)
//	revoke-card          the system administrator
//	inspect-cards        none: not listed
//	recover-system       as maintain
//	recover-platform     the contractor (the provider of the shared
//	                     environment is one)
//	secretariat          the system administrator if in the chain, else the
//	                     chain's chief
//	resume               whoever maintains under p (its maintain, stated or
//	                     not), with no citation
//
// A plan that states no reporting chain ([council.Chain.Empty]) has no
// chain to be in and no chief: "in the chain" then reads "a role of its
// organisation" (appointed, on a council, asking for one or a member of a
// contact network), and a default that falls to the chain's chief falls to
// no one: the Assignment's Actor is zero, and a drill lists the step
// without an actor rather than invent a chief.
func (p Plan) Duty(d Duty) (a Assignment, stated bool) {
	nodes, chief := dutyRoles(p.Organization)
	return duty(p.Duties, nodes, chief, d, false)
}

// dutyRoles returns the roles the library's defaults choose among and the
// chief they fall back to: the nodes and chief of o's reporting chain; for
// an organisation that states no chain ([council.Chain.Empty]), the roles
// it appoints, seats on a council, has ask for one or names in a contact
// network, and no chief; for no organisation, neither.
func dutyRoles(o *council.Organization) (council.Roles, council.Role) {
	if o == nil {
		return 0, 0
	}
	if !o.Chain.Empty() {
		return o.Chain.Nodes(), o.Chain.Chief
	}
	return orgRoles(o), 0
}

// orgRoles returns the roles o names outside its chain: appointed, on a
// council, asking for one or a member of a contact network.
func orgRoles(o *council.Organization) council.Roles {
	rs := o.Appointments.Roles()
	for _, k := range o.Councils {
		rs = rs.With(k.Chair).With(k.Convener).Union(k.Members)
	}
	for _, r := range o.Rules {
		rs = rs.Union(r.RequestedBy)
	}
	for _, n := range o.Networks {
		for _, a := range n.Members {
			rs = rs.With(a.Role)
		}
	}
	return rs
}

// OutageDuty returns who performs d under p while its shared environment
// is down and p has no fault rules to say who (nakano's continuity part
// alone): as [Plan.Duty], but a duty the plan does not state falls to the
// library's default for such an outage (the recovery flow's secretariat,
// the provider for the platform).
func (p Plan) OutageDuty(d Duty) (a Assignment, stated bool) {
	nodes, chief := dutyRoles(p.Organization)
	return duty(p.Duties, nodes, chief, d, true)
}

// duty resolves d against the stated assignments and the roles of the
// chain, nodes, with its chief (see dutyRoles); outage says the drill
// handles an outage of the shared environment without fault rules.
func duty(stated []Assignment, nodes council.Roles, chief council.Role, d Duty, outage bool) (Assignment, bool) {
	for _, a := range stated {
		if a.Duty == d && a.Actor.IsValid() {
			return a, true
		}
	}
	if !d.IsValid() {
		return Assignment{Duty: d}, false
	}
	def := libraryDuties[d]
	if def.as.IsValid() {
		a, _ := duty(stated, nodes, chief, def.as, outage)
		return Assignment{Duty: d, Actor: a.Actor, To: a.To}, false
	}
	out := Assignment{Duty: d, To: def.to}
	if def.unlisted {
		return Assignment{Duty: d}, false
	}
	for _, r := range def.roles {
		if nodes.Has(r) {
			out.Actor = council.ByRole(r)
			return out, false
		}
	}
	switch {
	case outage && def.outage.IsValid():
		out.Actor = def.outage
	case def.actor.IsValid():
		out.Actor = def.actor
	default:
		out.Actor = council.ByRole(chief) // none for a plan without a chain
	}
	return out, false
}

// AllDuties returns every valid Duty in ascending order, in a fresh slice.
func AllDuties() []Duty { return dutyTable.Values() }

// ParseDuty returns the Duty named by s: its English name or Japanese label.
func ParseDuty(s string) (Duty, error) { return dutyTable.Parse(s) }

// IsValid reports whether v is a defined Duty (not zero, not out of range).
func (v Duty) IsValid() bool { return dutyTable.Valid(v) }

// String returns the English name, e.g. "judge".
func (v Duty) String() string { return dutyTable.String(v) }

// Label returns the Japanese label.
func (v Duty) Label() string { return dutyTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Duty) Compare(w Duty) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Duty is an error.
func (v Duty) AppendText(b []byte) ([]byte, error) { return dutyTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Duty) MarshalText() ([]byte, error) { return dutyTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Duty) UnmarshalText(text []byte) error { return dutyTable.Unmarshal(text, v) }
