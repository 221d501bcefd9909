package bcp

import (
	"iter"

	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// ErrInvalid is wrapped by every error about a value that is unset, unknown
// or out of range: an enum text that names nothing, a zero Scale where one is
// needed, a negative size, a control character in a name and the like. It is
// the module's one ErrInvalid: the same value as council, fault, threat and
// measures.ErrInvalid, so one errors.Is test matches whichever package
// reported the problem.
var ErrInvalid = problem.ErrInvalid

// An ImpactScale is a system's impact scale (影響規模): how much a stop hurts residents,
// that is how high an availability the system needs (統合仮想サーバ 図4 注).
// The source has three grades, 大/中/小, and says they are still being decided
// (現在調整中); [Unassessed] records that state explicitly.
//
// The zero ImpactScale is unset and is rejected wherever a scale is needed. Compare
// orders by urgency: Large before Medium before Small before Unassessed.
// Impact scales are comparable with ==. Values are only ever appended.
type ImpactScale uint8

// Impact scales (nakano 統合仮想サーバ 図4).
const (
	Large      ImpactScale = 1 + iota // 大
	Medium                            // 中
	Small                             // 小
	Unassessed                        // 調整中: not yet assessed
)

var scaleTable = enum.New[ImpactScale]("bcp", "impact scale", "Scale", ErrInvalid,
	enum.Name{EN: "large", JA: "大"},
	enum.Name{EN: "medium", JA: "中"},
	enum.Name{EN: "small", JA: "小"},
	enum.Name{EN: "unassessed", JA: "調整中", Aliases: []string{"未評価"}},
)

// A SystemKind says what part a system plays in recovery: the shared IaaS
// environment itself, its monitoring, or a business system.
//
// The zero SystemKind is unset and is rejected. Compare orders by recovery
// precedence (Platform, Monitoring, Application). Values are only appended.
type SystemKind uint8

// Kinds of system (nakano 統合仮想サーバ 4(2)(7), 5(1)).
const (
	Platform    SystemKind = 1 + iota // 統合仮想サーバ環境: the IaaS environment itself
	Monitoring                        // 統合仮想サーバ環境（監視サーバ）: monitoring of the IaaS
	Application                       // 情報システム / 主管システム: a business system
)

var kindTable = enum.New[SystemKind]("bcp", "kind", "Kind", ErrInvalid,
	enum.Name{EN: "platform", JA: "共通基盤", Aliases: []string{"IaaS", "iaas"}},
	enum.Name{EN: "monitoring", JA: "共通基盤の監視", Aliases: []string{"監視サーバ"}},
	enum.Name{EN: "application", JA: "情報システム", Aliases: []string{"hosted-system"}},
)

// A Difficulty is how hard a system is to recover after the damage it took
// (障害によってシステムが受けた被害の大きさ（復旧の容易さ）, 統合仮想サーバ 4(6)).
//
// The zero Difficulty means not yet assessed: the damage is only known once an
// incident has happened, so an inventory made in advance (like the nakano
// preset) leaves it zero, and [Order] places it after every assessed
// difficulty. Compare orders easiest first. Values are only appended.
type Difficulty uint8

// Difficulties of recovery.
const (
	Easy     Difficulty = 1 + iota // 容易
	Moderate                       // 中程度
	Hard                           // 困難
)

var difficultyTable = enum.New[Difficulty]("bcp", "difficulty", "Difficulty", ErrInvalid,
	enum.Name{EN: "easy", JA: "容易"},
	enum.Name{EN: "moderate", JA: "中程度"},
	enum.Name{EN: "hard", JA: "困難"},
)

// An UnassessedPolicy says how [Order] and [SelectBackups] treat systems whose
// impact scale is [Unassessed].
//
// The zero UnassessedPolicy chooses nothing, and then unassessed systems are
// refused with an [*UnassessedError] listing them: the source has not decided
// their scale, so the library does not guess unless told to. Values are only
// appended.
type UnassessedPolicy uint8

// Policies for unassessed systems. Both are the library's own extension: the
// source only says the scales are being decided (統合仮想サーバ 図4 注).
const (
	// AssumeLarge treats an unassessed system as Large: the cautious choice
	// while the council has not decided (nothing is left for later by accident).
	AssumeLarge UnassessedPolicy = 1 + iota
	// AssessedFirst places unassessed systems after every assessed one.
	AssessedFirst
)

var policyTable = enum.New[UnassessedPolicy]("bcp", "unassessed policy", "UnassessedPolicy", ErrInvalid,
	enum.Name{EN: "assume-large", JA: "大とみなす"},
	enum.Name{EN: "assessed-first", JA: "評価済みを優先"},
)

// A Reason is one ground on which [Order] placed a system where it did.
// The zero Reason is unset. Values are only appended.
type Reason uint8

// Reasons for a recovery position.
const (
	ReasonPlatform      Reason = 1 + iota // the IaaS environment recovers first (4(7))
	ReasonMonitoring                      // its monitoring comes right after (5(1))
	ReasonScale                           // ordered by impact scale (4(6), 図4)
	ReasonTarget                          // its own target recovery time
	ReasonInherited                       // a target inherited from a system depending on it
	ReasonRaised                          // moved up because a more urgent system depends on it
	ReasonDependencies                    // waited for systems it depends on
	ReasonAlternative                     // services continue by an alternative means (4(5))
	ReasonNoAlternative                   // no alternative means: services are stopped
	ReasonDifficulty                      // ease of recovery after the damage (4(6))
	ReasonTieBreak                        // equal on every key: ordered by ID
	ReasonPolicy                          // unassessed scale placed by the caller's policy
)

var reasonTable = enum.New[Reason]("bcp", "reason", "Reason", ErrInvalid,
	enum.Name{EN: "platform", JA: "共通基盤を先に復旧"},
	enum.Name{EN: "monitoring", JA: "監視機能"},
	enum.Name{EN: "scale", JA: "影響規模"},
	enum.Name{EN: "target", JA: "目標復旧時間"},
	enum.Name{EN: "inherited", JA: "依存元の目標復旧時間"},
	enum.Name{EN: "raised", JA: "依存元の優先度"},
	enum.Name{EN: "dependencies", JA: "依存先の復旧待ち"},
	enum.Name{EN: "alternative", JA: "代替手段で継続中"},
	enum.Name{EN: "no-alternative", JA: "代替手段なし"},
	enum.Name{EN: "difficulty", JA: "復旧の容易さ"},
	enum.Name{EN: "tie-break", JA: "ID順"},
	enum.Name{EN: "policy", JA: "未評価の扱い"},
)

// AllImpactScales returns every valid Scale in ascending order, in a fresh slice.
func AllImpactScales() []ImpactScale { return scaleTable.Values() }

// ParseImpactScale returns the Scale named by s: its English name or Japanese label.
func ParseImpactScale(s string) (ImpactScale, error) { return scaleTable.Parse(s) }

// IsValid reports whether v is a defined Scale (not zero, not out of range).
func (v ImpactScale) IsValid() bool { return scaleTable.Valid(v) }

// String returns the English name, e.g. "large".
func (v ImpactScale) String() string { return scaleTable.String(v) }

// Label returns the plans' Japanese term.
func (v ImpactScale) Label() string { return scaleTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v ImpactScale) Compare(w ImpactScale) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Scale is an error.
func (v ImpactScale) AppendText(b []byte) ([]byte, error) { return scaleTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v ImpactScale) MarshalText() ([]byte, error) { return scaleTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *ImpactScale) UnmarshalText(text []byte) error { return scaleTable.Unmarshal(text, v) }

// AllSystemKinds returns every valid Kind in ascending order, in a fresh slice.
func AllSystemKinds() []SystemKind { return kindTable.Values() }

// ParseSystemKind returns the Kind named by s: its English name or Japanese label.
func ParseSystemKind(s string) (SystemKind, error) { return kindTable.Parse(s) }

// IsValid reports whether v is a defined Kind (not zero, not out of range).
func (v SystemKind) IsValid() bool { return kindTable.Valid(v) }

// String returns the English name, e.g. "platform".
func (v SystemKind) String() string { return kindTable.String(v) }

// Label returns the plans' Japanese term.
func (v SystemKind) Label() string { return kindTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v SystemKind) Compare(w SystemKind) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Kind is an error.
func (v SystemKind) AppendText(b []byte) ([]byte, error) { return kindTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v SystemKind) MarshalText() ([]byte, error) { return kindTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *SystemKind) UnmarshalText(text []byte) error { return kindTable.Unmarshal(text, v) }

// AllDifficulties returns every valid Difficulty in ascending order, in a fresh slice.
func AllDifficulties() []Difficulty { return difficultyTable.Values() }

// ParseDifficulty returns the Difficulty named by s: its English name or Japanese label.
func ParseDifficulty(s string) (Difficulty, error) { return difficultyTable.Parse(s) }

// IsValid reports whether v is a defined Difficulty (not zero, not out of range).
func (v Difficulty) IsValid() bool { return difficultyTable.Valid(v) }

// String returns the English name, e.g. "easy".
func (v Difficulty) String() string { return difficultyTable.String(v) }

// Label returns the plans' Japanese term.
func (v Difficulty) Label() string { return difficultyTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Difficulty) Compare(w Difficulty) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Difficulty is an error.
func (v Difficulty) AppendText(b []byte) ([]byte, error) { return difficultyTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Difficulty) MarshalText() ([]byte, error) { return difficultyTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Difficulty) UnmarshalText(text []byte) error { return difficultyTable.Unmarshal(text, v) }

// AllUnassessedPolicies returns every valid UnassessedPolicy in ascending order, in a fresh slice.
func AllUnassessedPolicies() []UnassessedPolicy { return policyTable.Values() }

// ParseUnassessedPolicy returns the UnassessedPolicy named by s: its English name or Japanese label.
func ParseUnassessedPolicy(s string) (UnassessedPolicy, error) { return policyTable.Parse(s) }

// IsValid reports whether v is a defined UnassessedPolicy (not zero, not out of range).
func (v UnassessedPolicy) IsValid() bool { return policyTable.Valid(v) }

// String returns the English name, e.g. "assume-large".
func (v UnassessedPolicy) String() string { return policyTable.String(v) }

// Label returns the plans' Japanese term.
func (v UnassessedPolicy) Label() string { return policyTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v UnassessedPolicy) Compare(w UnassessedPolicy) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid UnassessedPolicy is an error.
func (v UnassessedPolicy) AppendText(b []byte) ([]byte, error) { return policyTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v UnassessedPolicy) MarshalText() ([]byte, error) { return policyTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *UnassessedPolicy) UnmarshalText(text []byte) error { return policyTable.Unmarshal(text, v) }

// AllReasons returns every valid Reason in ascending order, in a fresh slice.
func AllReasons() []Reason { return reasonTable.Values() }

// ParseReason returns the Reason named by s: its English name or Japanese label.
func ParseReason(s string) (Reason, error) { return reasonTable.Parse(s) }

// IsValid reports whether v is a defined Reason (not zero, not out of range).
func (v Reason) IsValid() bool { return reasonTable.Valid(v) }

// String returns the English name, e.g. "scale".
func (v Reason) String() string { return reasonTable.String(v) }

// Label returns the plans' Japanese term.
func (v Reason) Label() string { return reasonTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Reason) Compare(w Reason) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Reason is an error.
func (v Reason) AppendText(b []byte) ([]byte, error) { return reasonTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Reason) MarshalText() ([]byte, error) { return reasonTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Reason) UnmarshalText(text []byte) error { return reasonTable.Unmarshal(text, v) }

// Reasons is a set of Reason values as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Reasons is empty.
type Reasons uint64

// ReasonsOf returns the set holding vs; invalid values are left out.
func ReasonsOf(vs ...Reason) Reasons {
	var s Reasons
	for _, v := range vs {
		s = s.With(v)
	}
	return s
}

// Has reports whether v is in the set.
func (s Reasons) Has(v Reason) bool { return v.IsValid() && uint64(s)&enum.Bit(v) != 0 }

// With returns the set with v added; an invalid v leaves it unchanged.
func (s Reasons) With(v Reason) Reasons {
	if !v.IsValid() {
		return s
	}
	return s | Reasons(enum.Bit(v))
}

// Without returns the set with v removed.
func (s Reasons) Without(v Reason) Reasons { return s &^ Reasons(enum.Bit(v)) }

// Union returns the values in s or t.
func (s Reasons) Union(t Reasons) Reasons { return s | t }

// Contains reports whether every value of t is in s.
func (s Reasons) Contains(t Reasons) bool { return t&^s == 0 }

// Len is the number of values in the set.
func (s Reasons) Len() int { return enum.Count(uint64(s)) }

// All yields the values in ascending order.
func (s Reasons) All() iter.Seq[Reason] { return enum.Members[Reason](uint64(s)) }

// String lists the English names, e.g. "{scale}".
func (s Reasons) String() string { return enum.FormatSet[Reason](uint64(s)) }
