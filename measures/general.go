package measures

import (
	"iter"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A MeasureKind is what a general emergency or follow-up measure does.
//
// The zero MeasureKind is unset and is not valid. Measure kinds are comparable with ==.
type MeasureKind uint8

// The kinds of general measure.
const (
	StrengthenMonitoring MeasureKind = 1 + iota // 運用監視の強化等の緊急措置 (tottori 第3-4)
	StopOrDisconnect                            // システムの停止(一部切離し、一部停止を含む) (tottori 第3-4(2))
	RequestOthers                               // 他団体への緊急措置の実施の要請 (tottori 第3-4(3))
	UrgentMeasures                              // 緊急に実施する必要性が高いものに直ちに着手 (ino 第10条)
	SeekSupport                                 // 助言・支援を得る (ino 第10条, 第13条, 第14条)
	FindRootCause                               // 原因の解明・究明 (tottori 第3-7, ino 第13条)
	ReviewMeasures                              // 緊急措置の見直し (tottori 第3-8(1), ino 第14条)
	RestoreSystem                               // システム復旧等 (tottori 第3-8(1))
	PlanPermanent                               // 恒久対策の立案 (tottori 第3-8(2))
	ReportToChief                               // セキュリティ統括管理者への報告 (tottori 第3-8(2))
	NotifyOthers                                // 全国センター、関係市町村等への連絡 (tottori 第3-8(3))
	ImplementPermanent                          // 恒久対策の実施 (ino 第15条)
)

var kindTable = enum.New[MeasureKind]("measures", "measure kind", "Kind", ErrInvalid,
	enum.Name{EN: "strengthen-monitoring", JA: "運用監視の強化"},
	enum.Name{EN: "stop-or-disconnect", JA: "システムの停止"},
	enum.Name{EN: "request-others", JA: "緊急措置の実施の要請"},
	enum.Name{EN: "urgent-measures", JA: "緊急措置への着手"},
	enum.Name{EN: "seek-support", JA: "助言・支援"},
	enum.Name{EN: "find-root-cause", JA: "原因の究明", Aliases: []string{"原因の解明"}},
	enum.Name{EN: "review-measures", JA: "緊急措置の見直し"},
	enum.Name{EN: "restore-system", JA: "システム復旧"},
	enum.Name{EN: "plan-permanent", JA: "恒久対策の立案"},
	enum.Name{EN: "report-to-chief", JA: "統括責任者への報告"},
	enum.Name{EN: "notify-others", JA: "関係団体への連絡"},
	enum.Name{EN: "implement-permanent", JA: "恒久対策の実施"},
)

// AllMeasureKinds returns every valid Kind in ascending order, in a fresh slice.
func AllMeasureKinds() []MeasureKind { return kindTable.Values() }

// ParseMeasureKind returns the Kind named by s: its English name or Japanese label.
func ParseMeasureKind(s string) (MeasureKind, error) { return kindTable.Parse(s) }

// IsValid reports whether k is a defined kind.
func (k MeasureKind) IsValid() bool { return kindTable.Valid(k) }

// Compare orders Kind values by value; it suits slices.SortFunc.
func (k MeasureKind) Compare(o MeasureKind) int { return int(k) - int(o) }

// String returns the English name, e.g. "plan-permanent".
func (k MeasureKind) String() string { return kindTable.String(k) }

// Label returns the Japanese term.
func (k MeasureKind) Label() string { return kindTable.Label(k) }

// AppendText implements [encoding.TextAppender]; an invalid Kind is an error.
func (k MeasureKind) AppendText(b []byte) ([]byte, error) { return kindTable.AppendText(b, k) }

// MarshalText implements [encoding.TextMarshaler].
func (k MeasureKind) MarshalText() ([]byte, error) { return kindTable.AppendText(nil, k) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *MeasureKind) UnmarshalText(text []byte) error { return kindTable.Unmarshal(text, k) }

// A Precondition is what must hold for a general measure to be taken.
//
// The zero Precondition is no precondition: a [Measure] whose Precondition is zero is
// always taken. Preconditions are comparable with ==.
type Precondition uint8

// The triggers of the general measures.
const (
	// LikelyLevel3: 不正行為の脅威度がレベル3に該当する可能性が高い場合は、必要に応じて (tottori 第3-4(2)).
	LikelyLevel3 Precondition = 1 + iota
	// OthersMustAct: 全国センター及び他の地方公共団体等が緊急措置を講じる必要がある場合 (tottori 第3-4(3)).
	OthersMustAct
	// WhenNeeded: 必要に応じ(て) (tottori 第3-8(1); ino 第10条, 第13条, 第14条).
	WhenNeeded
)

var triggerTable = enum.New[Precondition]("measures", "trigger", "Trigger", ErrInvalid,
	enum.Name{EN: "likely-level-3", JA: "レベル3の可能性が高い"},
	enum.Name{EN: "others-must-act", JA: "他団体の緊急措置が必要"},
	enum.Name{EN: "when-needed", JA: "必要に応じ"},
)

// AllPreconditions returns every valid Trigger in ascending order, in a fresh slice.
func AllPreconditions() []Precondition { return triggerTable.Values() }

// ParsePrecondition returns the Trigger named by s: its English name or Japanese label.
func ParsePrecondition(s string) (Precondition, error) { return triggerTable.Parse(s) }

// IsValid reports whether t is a defined trigger (zero, "always", is not).
func (t Precondition) IsValid() bool { return triggerTable.Valid(t) }

// Compare orders Trigger values by value; it suits slices.SortFunc.
func (t Precondition) Compare(o Precondition) int { return int(t) - int(o) }

// String returns the English name, e.g. "likely-level-3".
func (t Precondition) String() string { return triggerTable.String(t) }

// Label returns the trigger's Japanese name.
func (t Precondition) Label() string { return triggerTable.Label(t) }

// AppendText implements [encoding.TextAppender]; an invalid Trigger is an error.
func (t Precondition) AppendText(b []byte) ([]byte, error) { return triggerTable.AppendText(b, t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Precondition) MarshalText() ([]byte, error) { return triggerTable.AppendText(nil, t) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (t *Precondition) UnmarshalText(text []byte) error { return triggerTable.Unmarshal(text, t) }

// Triggers is a set of triggers that hold, as a bitset: comparable with ==,
// zero-allocation. The zero Triggers is empty: only measures always taken apply.
type Triggers uint64

// TriggersOf returns the set holding ts; invalid triggers are left out.
func TriggersOf(ts ...Precondition) Triggers {
	var s Triggers
	for _, t := range ts {
		if t.IsValid() {
			s |= Triggers(enum.Bit(t))
		}
	}
	return s
}

// Has reports whether t is in the set.
func (s Triggers) Has(t Precondition) bool { return t.IsValid() && uint64(s)&enum.Bit(t) != 0 }

// A Measure is one general emergency measure or follow-up step of a plan:
// who does what, with or towards whom, when, as the plan writes it.
//
// The zero Measure is not a measure of any plan. Measures are not comparable
// with == (they hold citations).
type Measure struct {
	Kind MeasureKind `json:"kind,omitzero"`
	// Actor is who takes the measure; zero where the plan names nobody (ino
	// 第13-15条 state what is done, not by whom).
	Actor council.Actor `json:"actor,omitzero"`
	// Parties are the outside bodies the measure involves: those it is taken
	// together with, asks, is advised by or tells, as Kind says.
	Parties council.Parties `json:"parties,omitzero"`
	// Roles are the roles inside the municipality it involves, e.g. the
	// security chief who is reported to.
	Roles council.Roles `json:"roles,omitzero"`
	// Precondition is what must hold for the measure to be taken; zero is always.
	Precondition Precondition `json:"trigger,omitzero"`
	// OutOfScope marks a measure the plan itself puts outside the emergency
	// plan (ino 第15条: 緊急時対応計画の対象外とする).
	OutOfScope bool `json:"outOfScope,omitzero"`
	// Text is the clause as the plan writes it.
	Text      string            `json:"text,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// AppliesWhen reports whether the measure is taken when the triggers in held
// hold: always for an untriggered measure, otherwise when its trigger holds.
func (m Measure) AppliesWhen(held Triggers) bool {
	return m.Precondition == 0 || held.Has(m.Precondition)
}

// Applicable yields the measures of ms taken when the triggers in held hold,
// in order.
func Applicable(ms []Measure, held Triggers) iter.Seq[Measure] {
	return func(yield func(Measure) bool) {
		for _, m := range ms {
			if m.AppliesWhen(held) && !yield(m) {
				return
			}
		}
	}
}
