package bcp

import (
	"cmp"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Severity says how much a [Finding] matters.
//
// The zero Severity is unset and never appears in a finding. Severities are
// comparable with ==; [Severity.Compare] orders the most severe first.
// Values are only ever appended, never renumbered.
type Severity uint8

// Severities, from the most to the least severe.
const (
	// SeverityError: the plan contradicts itself or cannot be used as it stands
	// (a reporting cycle, a dangling reference, a level without response).
	SeverityError Severity = 1 + iota
	// SeverityWarning: the plan leaves unstated something a plan of its kind is
	// expected to state (no chair named, no investigation steps, no impact
	// scale yet).
	SeverityWarning
	// SeverityInfo: a fact about the plan worth knowing when it is used (no threat
	// levels, only a judgement of serious or not; no continuity part).
	SeverityInfo
)

var severityTable = enum.New[Severity]("bcp", "severity", "Severity", ErrInvalid, []enum.Name{
	SeverityError:   {EN: "error", JA: "誤り"},
	SeverityWarning: {EN: "warning", JA: "警告"},
	SeverityInfo:    {EN: "info", JA: "情報"},
})

// AllSeverities returns every valid Severity, most severe first, in a fresh slice.
func AllSeverities() []Severity { return severityTable.Values() }

// ParseSeverity returns the Severity named by s: its English name or Japanese label.
func ParseSeverity(s string) (Severity, error) { return severityTable.Parse(s) }

// IsValid reports whether v is a defined Severity (not zero, not out of range).
func (v Severity) IsValid() bool { return severityTable.Valid(v) }

// String returns the English name, e.g. "warning".
func (v Severity) String() string { return severityTable.String(v) }

// Label returns the Japanese label, e.g. "警告".
func (v Severity) Label() string { return severityTable.Label(v) }

// Compare orders severities from the most to the least severe; it suits
// slices.SortFunc.
func (v Severity) Compare(w Severity) int { return cmp.Compare(v, w) }

// AppendText implements [encoding.TextAppender]; an invalid Severity is an error.
func (v Severity) AppendText(b []byte) ([]byte, error) { return severityTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Severity) MarshalText() ([]byte, error) { return severityTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Severity) UnmarshalText(text []byte) error { return severityTable.Unmarshal(text, v) }

// A Code names what a [Finding] is about. Its English name (String) is the
// stable code, "part.problem", e.g. "threat.level-without-response": codes
// are only ever added, never renamed, so that tools may match on them.
//
// The zero Code is unset and never appears in a finding. Codes are
// comparable with ==; their order groups them by plan part.
type Code uint8

// Codes, grouped by the part of the plan they concern.
const (
	CodePlanID                     Code = 1 + iota // plan.invalid-id: the plan has no valid ID to own its citations
	CodeNoOrganization                             // organization.none: the plan sets up no organisation
	CodeOrganizationInvalid                        // organization.invalid: council.Organization.Validate reports a problem
	CodeNoAppointments                             // organization.no-appointments: no role is given a holder
	CodeChainCycle                                 // chain.cycle: the reporting chain loops
	CodeUnreachableRole                            // chain.unreachable-role: a role of the organisation does not reach the chief
	CodeChairNotNamed                              // council.chair-not-named: a body the plan convenes has no chair
	CodeAgendaEmpty                                // agenda.empty: an agenda lists no item
	CodeUnknownRole                                // reference.unknown-role: a role acts that the organisation does not have
	CodeInvalidActor                               // reference.invalid-actor: an actor, role or party value names nothing
	CodeForeignCitation                            // reference.foreign-citation: a citation of another plan, or a part of another plan
	CodeNoThreatScheme                             // threat.none: the plan grades no unauthorized acts
	CodeNoThreatLevels                             // threat.no-levels: the scheme has no levels, only a judgement of serious or not
	CodeLevelWithoutResponse                       // threat.level-without-response: an outcome of the scale has no response
	CodeLevel3WithoutCouncil                       // threat.level3-without-council: level 3 (a serious threat) does not lead to the council
	CodeThreatInvalid                              // threat.invalid: threat.NewScheme rejects the scheme
	CodeNoFaultHandling                            // fault.none: the plan states no fault handling
	CodeKindWithoutInvestigation                   // fault.kind-without-investigation: a fault kind has no investigation steps
	CodeFaultInvalid                               // fault.invalid: fault.NewProcedure rejects the fault handling
	CodeUnknownAnnexCase                           // measures.unknown-case: an annex row the plan names but defines no playbook for
	CodeNoContinuity                               // continuity.none: the plan has no ICT continuity part
	CodeNoInventory                                // continuity.no-inventory: a continuity part without an inventory of systems
	CodeSystemNoOwner                              // system.no-owner: a system has no owning division
	CodeSystemNoScale                              // system.no-scale: a system has no impact scale
	CodeScaleUnassessed                            // system.scale-unassessed: impact scales still to be decided (調整中)
	CodeDuplicateSystem                            // system.duplicate-id: two systems share an ID
	CodeUnknownDependency                          // system.unknown-dependency: a dependency names a system the inventory does not hold
	CodeDependencyCycle                            // system.dependency-cycle: systems depend on each other in a circle
	CodeSystemInvalid                              // system.invalid: another problem bcp.Order reports for a system
	CodeNoContacts                                 // contact.none: a continuity part that chooses no contact channel
	CodeNoLastResort                               // contact.no-last-resort: an audience's channels do not end in one that needs no service
	CodeChannelUnavailable                         // contact.channel-unavailable: a channel chosen for a pattern needs a service that is down in it
	CodeScheduleUndefined                          // schedule.undefined: no report schedule
	CodeScheduleInvalid                            // schedule.invalid: a report time outside the day, or given twice
	CodeUnknownAgenda                              // reference.unknown-agenda: a rule or council names an agenda the plan does not have
	CodeSeriousFaultWithoutCouncil                 // fault.serious-without-council: the plan judges serious faults but convenes no body for one
	CodeNoSeriousFaultHandling                     // fault.no-serious-handling: neither a serious-fault judgement nor a body that meets on a fault
	CodeContactInvalid                             // contact.invalid: a contact choice names no valid pattern or audience
	CodeNoClauseIndex                              // plan.no-clause-index: the plan lists no clause index, so its citations cannot be resolved
	CodeClauseIndexInvalid                         // plan.invalid-clause-index: a clause of the index cannot be cited, has no heading or is listed twice
	CodeUnresolvedCitation                         // reference.unresolved-citation: a citation of the plan names a clause its index does not list
	CodeNoDuties                                   // duties.none: the plan states no duties of a drill; the library's defaults stand in
	CodeObligationInvalid                          // measures.invalid-obligation: an obligation without a plain key, a task or a citation, or whose key is given twice
	CodeFrequencyByAgreement                       // schedule.frequency-by-agreement: the plan leaves how often someone reports to agreement; it fixes no frequency
	CodePlaybookInvalid                            // measures.invalid-playbook: a playbook row without case, label, lead, event, steps or citations, or with a malformed step
	CodeNotUTF8                                    // file.not-utf8: the plan file is not UTF-8 ([Lint])
	CodeByteOrderMark                              // file.byte-order-mark: the plan file starts with a UTF-8 byte-order mark, which is ignored ([Lint])
	CodeSyntax                                     // file.syntax: the plan file is not one well-formed JSON value ([Lint])
	CodeUnknownField                               // file.unknown-field: a key the plan-file format does not define ([Lint])
	CodeDuplicateKey                               // file.duplicate: a key given twice, or an ID or key that must be unique and is not ([Lint])
	CodeDanglingReference                          // file.dangling: a reference to something the plan does not hold ([Lint])
	CodeBadValue                                   // file.bad-value: a value of the wrong type, an unknown name, a number out of range or a missing required value ([Lint])
	CodeEmptyPlan                                  // plan.empty: the plan states nothing but its ID, version and title
	CodeReading                                    // plan.reading: a value the document does not give; the plan file marks it as the library's reading
	CodeNotStated                                  // plan.not-stated: a place the document leaves empty; the plan file marks it as not stated
	CodeCouncilNotStated                           // council.not-stated: the document mentions no council, so none meets where a plan of its kind convenes one
	CodeDelegationWithoutChair                     // council.delegation-without-chair: a body whose chair may delegate names no chair
	CodeRatifiedNeverMeets                         // council.ratified-never-meets: a body approves decisions after the fact but no rule has it meet
	CodeNetworkOffHours                            // network.off-hours-uncovered: a contact network says who reaches whom in office hours but not at night or on holidays
	CodeReasonNotInJapanese                        // plan.reason-not-in-japanese: a reading or not-stated mark gives its reason in English only (no reasonJa)
	CodeNoChain                                    // organization.no-chain: the plan states no reporting chain, so who reports to whom is not in the plan
)

var codeTable = enum.New[Code]("bcp", "finding code", "Code", ErrInvalid, []enum.Name{
	CodePlanID:                     {EN: "plan.invalid-id", JA: "計画IDの不備"},
	CodeNoOrganization:             {EN: "organization.none", JA: "体制の定めなし"},
	CodeOrganizationInvalid:        {EN: "organization.invalid", JA: "体制の不備"},
	CodeNoAppointments:             {EN: "organization.no-appointments", JA: "充て職の定めなし"},
	CodeChainCycle:                 {EN: "chain.cycle", JA: "報告経路の循環"},
	CodeUnreachableRole:            {EN: "chain.unreachable-role", JA: "統括責任者に至らない役割"},
	CodeChairNotNamed:              {EN: "council.chair-not-named", JA: "議長の定めなし"},
	CodeAgendaEmpty:                {EN: "agenda.empty", JA: "空の決定事項"},
	CodeUnknownRole:                {EN: "reference.unknown-role", JA: "体制にない役割"},
	CodeInvalidActor:               {EN: "reference.invalid-actor", JA: "不正な主体"},
	CodeForeignCitation:            {EN: "reference.foreign-citation", JA: "他計画の引用"},
	CodeNoThreatScheme:             {EN: "threat.none", JA: "脅威度の定めなし"},
	CodeNoThreatLevels:             {EN: "threat.no-levels", JA: "脅威度レベルなし"},
	CodeLevelWithoutResponse:       {EN: "threat.level-without-response", JA: "対応のない脅威度"},
	CodeLevel3WithoutCouncil:       {EN: "threat.level3-without-council", JA: "レベル3でセキュリティ会議なし"},
	CodeThreatInvalid:              {EN: "threat.invalid", JA: "脅威度判定表の不備"},
	CodeNoFaultHandling:            {EN: "fault.none", JA: "障害対応の定めなし"},
	CodeKindWithoutInvestigation:   {EN: "fault.kind-without-investigation", JA: "原因究明手順のない障害の種類"},
	CodeFaultInvalid:               {EN: "fault.invalid", JA: "障害対応の不備"},
	CodeUnknownAnnexCase:           {EN: "measures.unknown-case", JA: "不明な別表"},
	CodeNoContinuity:               {EN: "continuity.none", JA: "事業継続の定めなし"},
	CodeNoInventory:                {EN: "continuity.no-inventory", JA: "システム一覧なし"},
	CodeSystemNoOwner:              {EN: "system.no-owner", JA: "主管課なし"},
	CodeSystemNoScale:              {EN: "system.no-scale", JA: "影響規模なし"},
	CodeScaleUnassessed:            {EN: "system.scale-unassessed", JA: "影響規模調整中"},
	CodeDuplicateSystem:            {EN: "system.duplicate-id", JA: "システムIDの重複"},
	CodeUnknownDependency:          {EN: "system.unknown-dependency", JA: "不明な依存先"},
	CodeDependencyCycle:            {EN: "system.dependency-cycle", JA: "依存の循環"},
	CodeSystemInvalid:              {EN: "system.invalid", JA: "システムの不備"},
	CodeNoContacts:                 {EN: "contact.none", JA: "連絡手段の定めなし"},
	CodeNoLastResort:               {EN: "contact.no-last-resort", JA: "最終手段のない連絡"},
	CodeChannelUnavailable:         {EN: "contact.channel-unavailable", JA: "使えない連絡手段"},
	CodeScheduleUndefined:          {EN: "schedule.undefined", JA: "定時連絡の定めなし"},
	CodeScheduleInvalid:            {EN: "schedule.invalid", JA: "定時連絡の不備"},
	CodeUnknownAgenda:              {EN: "reference.unknown-agenda", JA: "不明な決定事項"},
	CodeSeriousFaultWithoutCouncil: {EN: "fault.serious-without-council", JA: "重大障害でセキュリティ会議なし"},
	CodeNoSeriousFaultHandling:     {EN: "fault.no-serious-handling", JA: "重大障害の定めなし"},
	CodeContactInvalid:             {EN: "contact.invalid", JA: "不正な連絡手段の定め"},
	CodeNoClauseIndex:              {EN: "plan.no-clause-index", JA: "条項索引なし"},
	CodeClauseIndexInvalid:         {EN: "plan.invalid-clause-index", JA: "条項索引の不備"},
	CodeUnresolvedCitation:         {EN: "reference.unresolved-citation", JA: "索引にない条項の引用"},
	CodeNoDuties:                   {EN: "duties.none", JA: "役割分担の定めなし"},
	CodeObligationInvalid:          {EN: "measures.invalid-obligation", JA: "義務の定めの不備"},
	CodeFrequencyByAgreement:       {EN: "schedule.frequency-by-agreement", JA: "協議による連絡頻度"},
	CodePlaybookInvalid:            {EN: "measures.invalid-playbook", JA: "緊急措置の定めの不備"},
	CodeNotUTF8:                    {EN: "file.not-utf8", JA: "UTF-8でないファイル"},
	CodeByteOrderMark:              {EN: "file.byte-order-mark", JA: "BOM付きのファイル"},
	CodeSyntax:                     {EN: "file.syntax", JA: "JSONの構文誤り"},
	CodeUnknownField:               {EN: "file.unknown-field", JA: "未定義の項目"},
	CodeDuplicateKey:               {EN: "file.duplicate", JA: "重複"},
	CodeDanglingReference:          {EN: "file.dangling", JA: "参照先なし"},
	CodeBadValue:                   {EN: "file.bad-value", JA: "不正な値"},
	CodeEmptyPlan:                  {EN: "plan.empty", JA: "中身のない計画"},
	CodeReading:                    {EN: "plan.reading", JA: "本ライブラリの解釈"},
	CodeNotStated:                  {EN: "plan.not-stated", JA: "文書に定めなし"},
	CodeCouncilNotStated:           {EN: "council.not-stated", JA: "文書に会議の定めなし"},
	CodeDelegationWithoutChair:     {EN: "council.delegation-without-chair", JA: "議長のない委任"},
	CodeRatifiedNeverMeets:         {EN: "council.ratified-never-meets", JA: "開かれない会議の事後承認"},
	CodeNetworkOffHours:            {EN: "network.off-hours-uncovered", JA: "夜間・休日の連絡網なし"},
	CodeReasonNotInJapanese:        {EN: "plan.reason-not-in-japanese", JA: "日本語の理由なし"},
	CodeNoChain:                    {EN: "organization.no-chain", JA: "報告の系統の定めなし"},
})

// AllCodes returns every valid Code in ascending order, in a fresh slice.
func AllCodes() []Code { return codeTable.Values() }

// ParseCode returns the Code named by s: its stable code or Japanese label.
func ParseCode(s string) (Code, error) { return codeTable.Parse(s) }

// IsValid reports whether c is a defined Code (not zero, not out of range).
func (c Code) IsValid() bool { return codeTable.Valid(c) }

// String returns the stable code, e.g. "council.chair-not-named".
func (c Code) String() string { return codeTable.String(c) }

// Label returns the Japanese label, e.g. "議長の定めなし".
func (c Code) Label() string { return codeTable.Label(c) }

// Compare orders codes by value, which groups them by plan part; it suits
// slices.SortFunc.
func (c Code) Compare(d Code) int { return cmp.Compare(c, d) }

// AppendText implements [encoding.TextAppender]; an invalid Code is an error.
func (c Code) AppendText(b []byte) ([]byte, error) { return codeTable.AppendText(b, c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Code) MarshalText() ([]byte, error) { return codeTable.AppendText(nil, c) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the stable
// code or the Japanese label, and leaves c unchanged on error.
func (c *Code) UnmarshalText(text []byte) error { return codeTable.Unmarshal(text, c) }

// A Finding is one thing [Check] has to say about a plan: how much it
// matters, what it is about (a stable Code), a message for people in English
// (Message) and in Japanese (MessageJA), where in
// the plan it is (Path) and the clause it rests on (Cite).
//
// Path names the part of the plan in the JSON field names of [Plan], with
// list entries named by their key, never by their position, e.g.
// "organization.councils[security-council].chair",
// "fault.investigations[hardware]",
// "continuity.inventory.systems[fig4-01].owner"; a role is placed under
// the chain it should belong to ("organization.chain.roles[staff]"), and a
// missing part at the field that would hold it ("threat"). Paths do not
// depend on list order. Cite is the plan's clause
// the finding rests on (the clause that sets up the council without naming its
// chair, the clause that asks for an investigation without giving its steps);
// it is zero when the plan has no clause for it, and then Path is the part of
// the plan the finding is about.
//
// Line and Column place a finding of [Lint] in the plan file it read: both
// 1-based, the column counted in UTF-16 code units (as SARIF and editors
// count by default; a character of the Basic Multilingual Plane such as 鳥 is
// one). They are zero in the findings of [Check], which reads no file.
//
// The zero Finding is not a finding. Findings are comparable with ==.
type Finding struct {
	Severity Severity `json:"severity"`
	Code     Code     `json:"code"`
	Message  string   `json:"message"`
	// MessageJA is Message in Japanese, in the plan's Japanese words.
	MessageJA string           `json:"messageJA,omitempty"`
	Path      string           `json:"path"`
	Cite      council.Citation `json:"cite,omitzero"`
	Line      int              `json:"line,omitzero"`
	Column    int              `json:"column,omitzero"`
}

// Compare orders findings by severity (most severe first), code, path,
// message (English, then Japanese) and citation: the order [Check] returns them in.
func (f Finding) Compare(g Finding) int {
	return cmp.Or(
		f.Severity.Compare(g.Severity),
		f.Code.Compare(g.Code),
		strings.Compare(f.Path, g.Path),
		strings.Compare(f.Message, g.Message),
		strings.Compare(f.MessageJA, g.MessageJA),
		f.Cite.Compare(g.Cite),
		cmp.Compare(f.Line, g.Line),
		cmp.Compare(f.Column, g.Column),
	)
}

// String renders the finding on one line, e.g.
// "warning council.chair-not-named organization.councils[security-council].chair: … (tottori:第2-4(2))".
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.Severity.String())
	b.WriteByte(' ')
	b.WriteString(f.Code.String())
	b.WriteByte(' ')
	b.WriteString(f.Path)
	b.WriteString(": ")
	b.WriteString(f.Message)
	if f.Cite.IsValid() {
		b.WriteString(" (")
		b.WriteString(f.Cite.String())
		b.WriteByte(')')
	}
	return b.String()
}
