package threat

import (
	"fmt"
	"iter"
	"slices"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Task is what an [Action] does: one of the response steps the plans
// prescribe for an unauthorized act.
//
// The zero Task is unset and is rejected wherever a step is needed. Values are
// only ever appended, never renumbered.
type Task uint8

// Steps of the response to an unauthorized act. The comment names the clauses
// that prescribe each.
const (
	CollectInformation       Task = 1 + iota // 情報の集約 (tottori:第3-2, 第3-3(1); kumamoto:4(1)(ア))
	Investigate                              // 事象の調査・分析 (tottori:第3-3(2); kumamoto:4(1)(ア))
	JudgeLevel                               // 脅威度の判定 (tottori:第3-5; kumamoto:4(1)(イ))
	EmergencyMeasures                        // 緊急措置: 運用監視の強化等 (tottori:第3-4; kumamoto:4(1) 緊急対応策(ウ)(a); ino:第10条)
	StopSystem                               // システムの停止 (一部切離し、一部停止を含む) (tottori:第3-4(2), 第3-6(3))
	RequestMeasures                          // 他の団体に緊急措置の実施を要請 (tottori:第3-4(3); kumamoto:4(1) 緊急対応策(ウ)(c))
	Report                                   // 報告 to the action's target (tottori:第3-5(1), 第3-6(1), 第3-8(2))
	StandDown                                // 緊急時対応を解く (tottori:第3-5(1); kumamoto:4(1) 緊急対応策(ア))
	FindCause                                // 原因の解明 (tottori:第3-5(2), 第3-7; kumamoto:4(1) 緊急対応策(イ)(ウ); ino:第13条)
	Countermeasures                          // 対応策の実施 (tottori:第3-5(2))
	PreventEscalation                        // レベル3に進展しないための防止策 (kumamoto:4(1) 緊急対応策(イ))
	InformSections                           // 情報の整理及び関係各課への状況の周知 (kumamoto:4(1) 緊急対応策(ア))
	ConveneCouncil                           // セキュリティ会議の開催 (tottori:第3-6(2); kumamoto:別紙1; ino:第12条)
	DirectMatters                            // 重要事項の指示: システムの停止、住民への対応、広報等 (tottori:第3-6(3))
	ReviewMeasures                           // 緊急措置の見直し, システム復旧等 (tottori:第3-8(1); ino:第14条)
	PlanCountermeasures                      // 恒久対策の立案 (tottori:第3-8(2); ino:第12条)
	ProposeCouncil                           // セキュリティ会議の開催を具申 (ino:第11条)
	CaptureSituation                         // 状況の把握: いつ、どこで、何を、どうした (ino:第9条)
	ImplementCountermeasures                 // 恒久対策の実施 (ino:第15条)
)

var stepTable = enum.New[Task]("threat", "step", "Step", council.ErrInvalid, []enum.Name{
	CollectInformation:       {EN: "collect-information", JA: "情報の集約"},
	Investigate:              {EN: "investigate", JA: "調査・分析"},
	JudgeLevel:               {EN: "judge-level", JA: "脅威度の判定"},
	EmergencyMeasures:        {EN: "emergency-measures", JA: "緊急措置の実施", Aliases: []string{"緊急措置", "緊急対応策"}},
	StopSystem:               {EN: "stop-system", JA: "システムの停止", Aliases: []string{"切離し", "一部停止"}},
	RequestMeasures:          {EN: "request-measures", JA: "緊急措置の実施の要請"},
	Report:                   {EN: "report", JA: "報告"},
	StandDown:                {EN: "stand-down", JA: "緊急時対応の解除"},
	FindCause:                {EN: "find-cause", JA: "原因の解明", Aliases: []string{"原因の究明"}},
	Countermeasures:          {EN: "countermeasures", JA: "対応策の実施"},
	PreventEscalation:        {EN: "prevent-escalation", JA: "進展の防止"},
	InformSections:           {EN: "inform-sections", JA: "状況の周知"},
	ConveneCouncil:           {EN: "convene-council", JA: "会議の開催"},
	DirectMatters:            {EN: "direct-matters", JA: "重要事項の指示"},
	ReviewMeasures:           {EN: "review-measures", JA: "緊急措置の見直し"},
	PlanCountermeasures:      {EN: "plan-countermeasures", JA: "恒久対策の立案"},
	ProposeCouncil:           {EN: "propose-council", JA: "会議の開催の具申"},
	CaptureSituation:         {EN: "capture-situation", JA: "状況の把握"},
	ImplementCountermeasures: {EN: "implement-countermeasures", JA: "恒久対策の実施"},
})

// AllTasks returns every valid Step in ascending order, in a fresh slice.
func AllTasks() []Task { return stepTable.Values() }

// ParseTask returns the Step named by s: its English name or Japanese label.
func ParseTask(s string) (Task, error) { return stepTable.Parse(s) }

// IsValid reports whether s is a defined step.
func (s Task) IsValid() bool { return stepTable.Valid(s) }

// String returns the English name, e.g. "convene-council".
func (s Task) String() string { return stepTable.String(s) }

// Label returns the step's Japanese name; a plan's own words for it are the
// action's Note.
func (s Task) Label() string { return stepTable.Label(s) }

// Compare orders steps by value; it suits slices.SortFunc.
func (s Task) Compare(t Task) int { return int(s) - int(t) }

// AppendText implements [encoding.TextAppender]; an invalid Step is an error.
func (s Task) AppendText(b []byte) ([]byte, error) { return stepTable.AppendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Task) MarshalText() ([]byte, error) { return stepTable.AppendText(nil, s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Task) UnmarshalText(text []byte) error { return stepTable.Unmarshal(text, s) }

// A Condition says whether an action or notification is always due or left
// to the judgement of whoever carries it out (必要に応じ, 内容や程度等によっては).
//
// The zero Condition is unset and is rejected in a scheme.
type Condition uint8

// Conditions.
const (
	Always   Condition = 1 + iota // always due
	AsNeeded                      // 必要に応じ: due when the actor judges it needed
)

var conditionTable = enum.New[Condition]("threat", "condition", "Condition", council.ErrInvalid, []enum.Name{
	Always:   {EN: "always", JA: "常に"},
	AsNeeded: {EN: "as-needed", JA: "必要に応じ", Aliases: []string{"必要に応じて"}},
})

// ParseCondition returns the Condition named by s: its English name or Japanese label.
// AllConditions returns every valid Condition in ascending order, in a fresh
// slice.
func AllConditions() []Condition { return conditionTable.Values() }

func ParseCondition(s string) (Condition, error) { return conditionTable.Parse(s) }

// IsValid reports whether c is a defined condition.
func (c Condition) IsValid() bool { return conditionTable.Valid(c) }

// Compare orders Condition values by value; it suits slices.SortFunc.
func (c Condition) Compare(o Condition) int { return int(c) - int(o) }

// String returns the English name.
func (c Condition) String() string { return conditionTable.String(c) }

// Label returns the Japanese term.
func (c Condition) Label() string { return conditionTable.Label(c) }

// AppendText implements [encoding.TextAppender]; an invalid Condition is an error.
func (c Condition) AppendText(b []byte) ([]byte, error) { return conditionTable.AppendText(b, c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Condition) MarshalText() ([]byte, error) { return conditionTable.AppendText(nil, c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Condition) UnmarshalText(text []byte) error { return conditionTable.Unmarshal(text, c) }

// An Action is one response step: who does what, to or of whom, whether it is
// always due, and the clauses that prescribe it. "Level 3: report to the
// chief, who convenes the council" is two actions: the system administrator
// reports to the security chief, and the security chief convenes the council.
//
// The zero Action is not valid. Actions are not comparable with == (they hold
// [council.Citations]); use [Action.Equal].
type Action struct {
	Actor  council.Actor `json:"actor,omitzero"`  // who acts
	Task   Task          `json:"step,omitzero"`   // what they do
	Target council.Actor `json:"target,omitzero"` // to or of whom (report to, request of); zero when none
	If     Condition     `json:"if,omitzero"`     // always or as needed
	// Only says the plan states the action for its own outcome alone, so a
	// higher outcome does not inherit it (tottori:第3-5(1): at level 1 the
	// administrator reports to the chief and stands down; kumamoto:4(1)
	// 緊急対応策(イ): preventing a level-2 act from becoming level 3).
	Only      bool              `json:"only,omitempty"`
	Note      string            `json:"note,omitempty"`     // the plan's own words, where they add detail
	Citations council.Citations `json:"citations,omitzero"` // the clauses that prescribe it
}

// Equal reports whether a and b are the same action with the same citations.
func (a Action) Equal(b Action) bool {
	return a.Actor == b.Actor && a.Task == b.Task && a.Target == b.Target && a.If == b.If &&
		a.Only == b.Only && a.Note == b.Note && a.Citations.Equal(b.Citations)
}

// key identifies an action for merging inherited actions: the same step by
// the same actor, to the same target, under the same condition and in the
// same words is one action.
func (a Action) key() actionKey {
	return actionKey{actor: a.Actor, target: a.Target, step: a.Task, cond: a.If, note: a.Note}
}

type actionKey struct {
	actor, target council.Actor
	step          Task
	cond          Condition
	note          string
}

// String renders the action, e.g. "system-administrator report security-chief (tottori:第3-6(1))".
func (a Action) String() string {
	s := a.Actor.String() + " " + a.Task.String()
	if a.Target != (council.Actor{}) {
		s += " " + a.Target.String()
	}
	if a.If == AsNeeded {
		s += " as-needed"
	}
	return s + " (" + a.Citations.String() + ")"
}

func (a Action) validate(plan string) error {
	if !a.Actor.IsValid() {
		return fmt.Errorf("actor %s is not valid: %w", a.Actor, council.ErrInvalid)
	}
	if !a.Task.IsValid() {
		return fmt.Errorf("step %s is not valid: %w", a.Task, council.ErrInvalid)
	}
	if a.Target != (council.Actor{}) && !a.Target.IsValid() {
		return fmt.Errorf("target %s is not valid: %w", a.Target, council.ErrInvalid)
	}
	if !a.If.IsValid() {
		return fmt.Errorf("condition %s is not valid: %w", a.If, council.ErrInvalid)
	}
	return checkCitations(a.Citations, plan)
}

// A Notification is a report to, or a request of, someone about the event:
// who tells whom, what the recipient is asked to do, whether it is always due,
// and the clauses that prescribe it.
//
// A zero From means the plan does not say who sends it. The zero Notification
// is not valid. Notifications are not comparable with ==; use
// [Notification.Equal].
type Notification struct {
	From      council.Actor     `json:"from,omitzero"`      // the sender; zero when the plan does not say
	To        council.Actor     `json:"to,omitzero"`        // the recipient
	Ask       Task              `json:"ask,omitzero"`       // what the recipient is asked to do, if anything
	If        Condition         `json:"if,omitzero"`        // always or as needed
	Note      string            `json:"note,omitempty"`     // the plan's own words, where they add detail
	Citations council.Citations `json:"citations,omitzero"` // the clauses that prescribe it
}

// Equal reports whether n and m are the same notification with the same citations.
func (n Notification) Equal(m Notification) bool {
	return n.From == m.From && n.To == m.To && n.Ask == m.Ask && n.If == m.If &&
		n.Note == m.Note && n.Citations.Equal(m.Citations)
}

func (n Notification) key() notifKey {
	return notifKey{from: n.From, to: n.To, ask: n.Ask, cond: n.If}
}

type notifKey struct {
	from, to council.Actor
	ask      Task
	cond     Condition
}

// String renders the notification, e.g. "system-administrator → national-center (tottori:第3-3(3))".
func (n Notification) String() string {
	s := n.From.String()
	if n.From == (council.Actor{}) {
		s = "?"
	}
	s += " → " + n.To.String()
	if n.Ask != 0 {
		s += " ask " + n.Ask.String()
	}
	if n.If == AsNeeded {
		s += " as-needed"
	}
	return s + " (" + n.Citations.String() + ")"
}

func (n Notification) validate(plan string) error {
	if n.From != (council.Actor{}) && !n.From.IsValid() {
		return fmt.Errorf("sender %s is not valid: %w", n.From, council.ErrInvalid)
	}
	if !n.To.IsValid() {
		return fmt.Errorf("recipient %s is not valid: %w", n.To, council.ErrInvalid)
	}
	if n.Ask != 0 && !n.Ask.IsValid() {
		return fmt.Errorf("request %s is not valid: %w", n.Ask, council.ErrInvalid)
	}
	if !n.If.IsValid() {
		return fmt.Errorf("condition %s is not valid: %w", n.If, council.ErrInvalid)
	}
	return checkCitations(n.Citations, plan)
}

// Actions is an immutable list of actions held by value, in the order the
// scheme gives them. Copying it is cheap and shares storage nobody can change.
//
// The zero Actions is empty. == is not defined on it; use [Actions.Equal].
//
// It holds a pointer to the list, one word, so that a [Response] stays small
// to copy on the hot path ([Decide]).
type Actions struct {
	_ [0]func() // no ==
	p *[]Action
}

// newActions returns the actions of list, which nobody changes afterwards.
func newActions(list []Action) Actions {
	if len(list) == 0 {
		return Actions{}
	}
	return Actions{p: &list}
}

func (as Actions) list() []Action {
	if as.p == nil {
		return nil
	}
	return *as.p
}

// Len is the number of actions.
func (as Actions) Len() int { return len(as.list()) }

// At returns the i'th action, or the zero Action when i is out of range.
func (as Actions) At(i int) Action {
	if i < 0 || i >= len(as.list()) {
		return Action{}
	}
	return as.list()[i]
}

// All yields the actions in order.
func (as Actions) All() iter.Seq2[int, Action] {
	return func(yield func(int, Action) bool) {
		for i, a := range as.list() {
			if !yield(i, a) {
				return
			}
		}
	}
}

// Slice returns the actions in a fresh slice the caller owns.
func (as Actions) Slice() []Action { return slices.Clone(as.list()) }

// Has reports whether some action has the given actor and step.
func (as Actions) Has(actor council.Actor, step Task) bool {
	return slices.ContainsFunc(as.list(), func(a Action) bool { return a.Actor == actor && a.Task == step })
}

// Equal reports whether as and bs hold equal actions in the same order.
func (as Actions) Equal(bs Actions) bool { return slices.EqualFunc(as.list(), bs.list(), Action.Equal) }

// MarshalJSON encodes the actions as a JSON array.
func (as Actions) MarshalJSON() ([]byte, error) { return marshalList(as.list()) }

// Notifications is an immutable list of notifications held by value.
//
// The zero Notifications is empty. == is not defined on it; use
// [Notifications.Equal]. Like [Actions] it holds one word.
type Notifications struct {
	_ [0]func() // no ==
	p *[]Notification
}

// newNotifications returns the notifications of list, which nobody changes
// afterwards.
func newNotifications(list []Notification) Notifications {
	if len(list) == 0 {
		return Notifications{}
	}
	return Notifications{p: &list}
}

func (ns Notifications) list() []Notification {
	if ns.p == nil {
		return nil
	}
	return *ns.p
}

// Len is the number of notifications.
func (ns Notifications) Len() int { return len(ns.list()) }

// At returns the i'th notification, or the zero Notification when i is out of range.
func (ns Notifications) At(i int) Notification {
	if i < 0 || i >= len(ns.list()) {
		return Notification{}
	}
	return ns.list()[i]
}

// All yields the notifications in order.
func (ns Notifications) All() iter.Seq2[int, Notification] {
	return func(yield func(int, Notification) bool) {
		for i, n := range ns.list() {
			if !yield(i, n) {
				return
			}
		}
	}
}

// Slice returns the notifications in a fresh slice the caller owns.
func (ns Notifications) Slice() []Notification { return slices.Clone(ns.list()) }

// Has reports whether some notification goes to the given recipient.
func (ns Notifications) Has(to council.Actor) bool {
	return slices.ContainsFunc(ns.list(), func(n Notification) bool { return n.To == to })
}

// Equal reports whether ns and ms hold equal notifications in the same order.
func (ns Notifications) Equal(ms Notifications) bool {
	return slices.EqualFunc(ns.list(), ms.list(), Notification.Equal)
}

// MarshalJSON encodes the notifications as a JSON array.
func (ns Notifications) MarshalJSON() ([]byte, error) { return marshalList(ns.list()) }
