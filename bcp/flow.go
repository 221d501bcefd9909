package bcp

import (
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A FlowStep is one step of the recovery flow of the IaaS environment
// (統合仮想サーバ 4(1)-(7)).
//
// The zero FlowStep is unset. Compare orders the steps as the flow runs them.
// Values are only appended.
type FlowStep uint8

// The seven steps.
const (
	Detection         FlowStep = 1 + iota // (1) 障害の検知
	PlatformRecovery                      // (2) 統合仮想サーバ環境の稼働状況の確認及び復旧作業の開始
	SystemCheck                           // (3) 各主管システムの稼働状況の確認
	ResponseStructure                     // (4) 障害対応体制の確保
	AlternativeMeans                      // (5) 代替手段による事務・行政サービスの提供の開始
	PrioritySetting                       // (6) 停止中の各主管システムの復旧優先度の設定
	SystemRecovery                        // (7) 統合仮想サーバ環境の復旧と各主管システムの復旧作業
)

var stepTable = enum.New[FlowStep]("bcp", "step", "Step", ErrInvalid,
	enum.Name{EN: "detection", JA: "障害の検知"},
	enum.Name{EN: "platform-recovery", JA: "共通基盤の稼働確認と復旧開始"},
	enum.Name{EN: "system-check", JA: "各システムの稼働確認"},
	enum.Name{EN: "response-structure", JA: "障害対応体制の確保"},
	enum.Name{EN: "alternative-means", JA: "代替手段による業務の継続"},
	enum.Name{EN: "priority-setting", JA: "復旧優先度の設定"},
	enum.Name{EN: "system-recovery", JA: "共通基盤と各システムの復旧"},
)

// A Phase is one step of the recovery flow with who carries it out.
//
// The zero Phase is not a step. It holds [council.Citations], so == is not
// defined.
type Phase struct {
	Step FlowStep `json:"step,omitzero"`
	// Roles and Parties carry the step out; Body decides it (step 6 only:
	// nakano's information security committee, or its crisis management
	// council when that is held, bodies its plan declares).
	Roles   council.Roles   `json:"roles,omitzero"`
	Parties council.Parties `json:"parties,omitzero"`
	Body    council.Body    `json:"body,omitzero"`
	// Note says what the step does, as the source says it.
	Note      string            `json:"note,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// AllFlowSteps returns every valid Step in ascending order, in a fresh slice.
func AllFlowSteps() []FlowStep { return stepTable.Values() }

// ParseFlowStep returns the Step named by s: its English name or Japanese label.
func ParseFlowStep(s string) (FlowStep, error) { return stepTable.Parse(s) }

// IsValid reports whether v is a defined Step (not zero, not out of range).
func (v FlowStep) IsValid() bool { return stepTable.Valid(v) }

// String returns the English name, e.g. "detection".
func (v FlowStep) String() string { return stepTable.String(v) }

// Label returns the plans' Japanese term.
func (v FlowStep) Label() string { return stepTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v FlowStep) Compare(w FlowStep) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Step is an error.
func (v FlowStep) AppendText(b []byte) ([]byte, error) { return stepTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v FlowStep) MarshalText() ([]byte, error) { return stepTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *FlowStep) UnmarshalText(text []byte) error { return stepTable.Unmarshal(text, v) }
