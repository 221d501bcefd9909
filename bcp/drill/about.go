package drill

import (
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/measures"
)

// About says what a timeline [Entry] states, and so which of its fields
// hold it: the engine records what the plan requires as data, and package
// [github.com/jukiplan/jukiplan/bcp/render] words it in English or Japanese.
//
// The zero About is unset and is not valid. Values are only appended.
type About uint8

// What an entry states.
const (
	AboutEvent            About = 1 + iota // the scenario event Entry.Event is observed
	AboutSeriousJudgement                  // whether the act poses a serious threat to identity information must be judged
	AboutUngraded                          // the level table does not grade the act: a person judges its level
	AboutProvisional                       // the level is not settled: Unknown are the attributes not yet known
	AboutGrade                             // the level is settled: Example, or Judgement and Reason when a person judged
	AboutThreatStep                        // a step of the threat scheme: Step, Note
	AboutThreatNotice                      // a notification of the threat scheme: Ask (zero: only tell), Note
	AboutPlaybookStep                      // a step of the annex playbook: Playbook
	AboutCouncilRequest                    // a request that Body meet
	AboutConvening                         // Body is convened on On: Substitute, Chair
	AboutAgendaItem                        // an item of the body's agenda: Item
	AboutDetection                         // a fault detected by Trigger is treated as a fault
	AboutClassification                    // Symptom is a fault of Kind
	AboutChecks                            // the root-cause investigation: Checks
	AboutFaultNotice                       // a notice of the fault rules: Notice, Note
	AboutAlternative                       // an alternative operation: Alternative, Note
	AboutMaintenance                       // repair, restore or replace
	AboutIntegrityCheck                    // check the integrity of identity information before resuming
	AboutResumption                        // resume operation
	AboutCountermeasures                   // consider the countermeasures the plan catalogues: Countermeasures
	AboutPreventionPlan                    // draw up a recurrence-prevention plan
	AboutCardLossReport                    // report the lost IC card at once: Note
	AboutCardRevocation                    // revoke the card at once: Note
	AboutCardInspection                    // inspect the use of the IC cards: Note
	AboutPublication                       // decide on publication and on reporting to the assembly: Note
	AboutFlowStep                          // a step of the recovery flow: Flow, Note, and Body when its secretariat acts for it
	AboutContact                           // a message to Audience: Note, Also, Via
	AboutRecoveryOrder                     // a system's place in the recovery order: Position
	AboutProgressReport                    // a progress report on the changed Fields
	AboutScheduledReport                   // a scheduled report: Known, Note, and the Fields it reflects
)

var aboutTable = enum.New[About]("drill", "about", "About", bcp.ErrInvalid,
	enum.Name{EN: "event", JA: "事象"},
	enum.Name{EN: "serious-judgement", JA: "重大性の判断"},
	enum.Name{EN: "ungraded", JA: "判定表に該当しない事象"},
	enum.Name{EN: "provisional", JA: "暫定判定"},
	enum.Name{EN: "grade", JA: "脅威度の判定"},
	enum.Name{EN: "threat-step", JA: "脅威への対応"},
	enum.Name{EN: "threat-notice", JA: "脅威の連絡"},
	enum.Name{EN: "playbook-step", JA: "事象別の緊急措置"},
	enum.Name{EN: "council-request", JA: "会議の開催要請"},
	enum.Name{EN: "convening", JA: "会議の開催"},
	enum.Name{EN: "agenda-item", JA: "決定事項"},
	enum.Name{EN: "detection", JA: "障害の検知"},
	enum.Name{EN: "classification", JA: "障害の分類"},
	enum.Name{EN: "checks", JA: "原因の調査"},
	enum.Name{EN: "fault-notice", JA: "障害の連絡"},
	enum.Name{EN: "alternative", JA: "代替措置"},
	enum.Name{EN: "maintenance", JA: "保守作業"},
	enum.Name{EN: "integrity-check", JA: "整合性の確認"},
	enum.Name{EN: "resumption", JA: "運用の再開"},
	enum.Name{EN: "countermeasures", JA: "再発防止策"},
	enum.Name{EN: "prevention-plan", JA: "再発防止計画"},
	enum.Name{EN: "card-loss-report", JA: "ICカード紛失の報告"},
	enum.Name{EN: "card-revocation", JA: "ICカードの失効"},
	enum.Name{EN: "card-inspection", JA: "ICカード利用の検査"},
	enum.Name{EN: "publication", JA: "公表の判断"},
	enum.Name{EN: "flow-step", JA: "復旧フロー"},
	enum.Name{EN: "contact", JA: "連絡"},
	enum.Name{EN: "recovery-order", JA: "復旧順位"},
	enum.Name{EN: "progress-report", JA: "進捗連絡"},
	enum.Name{EN: "scheduled-report", JA: "定時連絡"},
)

// AllAbouts returns every valid About in ascending order, in a fresh slice.
func AllAbouts() []About { return aboutTable.Values() }

// ParseAbout returns the About named by s: its English name or Japanese label.
func ParseAbout(s string) (About, error) { return aboutTable.Parse(s) }

// IsValid reports whether a is a defined About.
func (a About) IsValid() bool { return aboutTable.Valid(a) }

// String returns the English name, e.g. "recovery-order".
func (a About) String() string { return aboutTable.String(a) }

// Label returns the Japanese label, e.g. "復旧順位".
func (a About) Label() string { return aboutTable.Label(a) }

// Compare orders values by number; it suits slices.SortFunc.
func (a About) Compare(b About) int { return int(a) - int(b) }

// AppendText implements [encoding.TextAppender]; an invalid About is an error.
func (a About) AppendText(b []byte) ([]byte, error) { return aboutTable.AppendText(b, a) }

// MarshalText implements [encoding.TextMarshaler].
func (a About) MarshalText() ([]byte, error) { return aboutTable.AppendText(nil, a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *About) UnmarshalText(text []byte) error { return aboutTable.Unmarshal(text, a) }

// A PlaybookStep is a step of an annex playbook as a timeline entry holds
// it: the case and its label, the step's mark, action, mode and text as the
// plan writes them, and the condition it waits for when that did not hold.
//
// The zero PlaybookStep is no step. PlaybookSteps are comparable with ==.
type PlaybookStep struct {
	Case      measures.Case      `json:"case,omitzero"`
	Label     string             `json:"label,omitempty"` // the case's label, as the plan writes it
	Mark      string             `json:"mark,omitempty"`
	Action    measures.Task      `json:"action,omitzero"`
	Mode      measures.Mode      `json:"mode,omitzero"`
	Text      string             `json:"text,omitempty"`
	Condition measures.Condition `json:"condition,omitzero"` // zero unless the step waits for it
}
