package measures

import (
	"iter"

	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Category is one of the four event categories of the tottori annex
// (別表 緊急措置): signs of unauthorized access, a security hole, signs of an
// attempt to disrupt the system, and viruses and other self-executing malicious
// programs.
//
// The zero Category is unset and is not valid. Categories are comparable with
// == and ordered as the annex numbers them.
type Category uint8

// The annex categories, numbered as the annex numbers them (別表 1 … 4).
const (
	UnauthorizedAccessSigns Category = 1 + iota // 1 不正アクセスの徴候を発見
	SecurityHole                                // 2 セキュリティホールを発見
	DisruptionSigns                             // 3 システムじょう乱企図の徴候を発見
	Malware                                     // 4 コンピュータウィルス等、自動的に実行される不正プログラムの発見
)

var categoryTable = enum.New[Category]("measures", "category", "Category", ErrInvalid,
	enum.Name{EN: "unauthorized-access-signs", JA: "不正アクセスの徴候"},
	enum.Name{EN: "security-hole", JA: "セキュリティホール"},
	enum.Name{EN: "disruption-signs", JA: "システムじょう乱の徴候"},
	enum.Name{EN: "malware", JA: "不正プログラム"},
)

// AllCategories returns the four categories in annex order, in a fresh slice.
func AllCategories() []Category { return categoryTable.Values() }

// ParseCategory returns the Category named by s: its English name or Japanese label.
func ParseCategory(s string) (Category, error) { return categoryTable.Parse(s) }

// IsValid reports whether c is one of the four categories.
func (c Category) IsValid() bool { return categoryTable.Valid(c) }

// String returns the English name, e.g. "security-hole".
func (c Category) String() string { return categoryTable.String(c) }

// Label returns the category's Japanese name, e.g. "セキュリティホール". The
// plan's own heading for it is plan data.
func (c Category) Label() string { return categoryTable.Label(c) }

// Compare orders categories as the annex numbers them.
func (c Category) Compare(d Category) int { return int(c) - int(d) }

// AppendText implements [encoding.TextAppender]; an invalid Category is an error.
func (c Category) AppendText(b []byte) ([]byte, error) { return categoryTable.AppendText(b, c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Category) MarshalText() ([]byte, error) { return categoryTable.AppendText(nil, c) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (c *Category) UnmarshalText(text []byte) error { return categoryTable.Unmarshal(text, c) }

// A Discoverer is who found the event or told us of it, as the annex's event
// column distinguishes it: a notice from the national center, our own finding
// (the annex writes 県において, the prefecture being the plan's owner), a
// notice from a system audit or the like (別表2-3), or a vendor's publication
// of vulnerability information (別表2-4).
//
// The zero Discoverer is unset and is not valid. Discoverers are comparable
// with ==.
type Discoverer uint8

// Who discovered the event.
const (
	ByNationalCenter Discoverer = 1 + iota // 全国センターからの通報
	ByOwnFinding                           // 県(当団体)において発見
	ByAudit                                // システム監査等による通報 (別表2-3)
	ByVendor                               // ベンダー等が公表した旨の通報 (別表2-4)
)

var discovererTable = enum.New[Discoverer]("measures", "discoverer", "Discoverer", ErrInvalid,
	enum.Name{EN: "national-center", JA: "全国センターからの通報"},
	enum.Name{EN: "own-finding", JA: "自団体での発見", Aliases: []string{"own"}},
	enum.Name{EN: "audit", JA: "監査による通報"},
	enum.Name{EN: "vendor", JA: "ベンダーの公表"},
)

// AllDiscoverers returns every valid Discoverer in ascending order, in a fresh slice.
func AllDiscoverers() []Discoverer { return discovererTable.Values() }

// ParseDiscoverer returns the Discoverer named by s: its English name or Japanese label.
func ParseDiscoverer(s string) (Discoverer, error) { return discovererTable.Parse(s) }

// IsValid reports whether d is a defined discoverer.
func (d Discoverer) IsValid() bool { return discovererTable.Valid(d) }

// Compare orders Discoverer values by value; it suits slices.SortFunc.
func (d Discoverer) Compare(o Discoverer) int { return int(d) - int(o) }

// String returns the English name, e.g. "national-center".
func (d Discoverer) String() string { return discovererTable.String(d) }

// Label returns the Japanese term.
func (d Discoverer) Label() string { return discovererTable.Label(d) }

// AppendText implements [encoding.TextAppender]; an invalid Discoverer is an error.
func (d Discoverer) AppendText(b []byte) ([]byte, error) { return discovererTable.AppendText(b, d) }

// MarshalText implements [encoding.TextMarshaler].
func (d Discoverer) MarshalText() ([]byte, error) { return discovererTable.AppendText(nil, d) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Discoverer) UnmarshalText(text []byte) error { return discovererTable.Unmarshal(text, d) }

// An Observation is what the annex's event column says was seen, apart from who
// saw it: each is one row pair of the annex (the national center's notice and
// our own finding), except [HoleReported], whose two rows are told by an audit
// (別表2-3) and by a vendor (別表2-4).
//
// The zero Observation is unset and is not valid. Observations are comparable
// with ==.
type Observation uint8

// The observations of the annex, in annex order.
const (
	AccessSigns         Observation = 1 + iota // 不正アクセスの徴候 (別表1-1, 1-2)
	SuspiciousOperation                        // 不審な業務パターン, 不審な操作 (別表1-3, 1-4)
	ErroneousAccess                            // 誤アクセス (別表2-1, 2-2)
	HoleReported                               // セキュリティホール, 脆弱性情報 (別表2-3, 2-4)
	GarbledOutput                              // 出力される本人確認情報の乱れ, 他人のものとの交錯 (別表3-1, 3-2)
	OutageOrDelay                              // 予期せぬシステムの機能停止, 電文遅延 (別表3-3, 3-4)
	VirusRemoved                               // ウィルス等が検出・駆除された旨のメッセージ出力 (別表4-1, 4-2)
	VirusInfection                             // ウィルス感染 (別表4-3, 4-4)
)

var observationTable = enum.New[Observation]("measures", "observation", "Observation", ErrInvalid,
	enum.Name{EN: "access-signs", JA: "不正アクセスの徴候"},
	enum.Name{EN: "suspicious-operation", JA: "不審な操作"},
	enum.Name{EN: "erroneous-access", JA: "誤アクセス"},
	enum.Name{EN: "hole-reported", JA: "脆弱性情報"},
	enum.Name{EN: "garbled-output", JA: "データの乱れ・交錯"},
	enum.Name{EN: "outage-or-delay", JA: "機能停止・電文遅延"},
	enum.Name{EN: "virus-removed", JA: "ウイルスの検出・駆除"},
	enum.Name{EN: "virus-infection", JA: "ウイルス感染"},
)

// AllObservations returns every valid Observation in annex order, in a fresh slice.
func AllObservations() []Observation { return observationTable.Values() }

// ParseObservation returns the Observation named by s: its English name or Japanese label.
func ParseObservation(s string) (Observation, error) { return observationTable.Parse(s) }

// IsValid reports whether o is a defined observation.
func (o Observation) IsValid() bool { return observationTable.Valid(o) }

// Compare orders Observation values by value; it suits slices.SortFunc.
func (o Observation) Compare(p Observation) int { return int(o) - int(p) }

// String returns the English name, e.g. "erroneous-access".
func (o Observation) String() string { return observationTable.String(o) }

// Label returns the Japanese term.
func (o Observation) Label() string { return observationTable.Label(o) }

// Category returns the annex category the observation belongs to, or zero for
// an invalid observation.
func (o Observation) Category() Category {
	switch o {
	case AccessSigns, SuspiciousOperation:
		return UnauthorizedAccessSigns
	case ErroneousAccess, HoleReported:
		return SecurityHole
	case GarbledOutput, OutageOrDelay:
		return DisruptionSigns
	case VirusRemoved, VirusInfection:
		return Malware
	}
	return 0
}

// AppendText implements [encoding.TextAppender]; an invalid Observation is an error.
func (o Observation) AppendText(b []byte) ([]byte, error) {
	return observationTable.AppendText(b, o)
}

// MarshalText implements [encoding.TextMarshaler].
func (o Observation) MarshalText() ([]byte, error) { return observationTable.AppendText(nil, o) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *Observation) UnmarshalText(text []byte) error { return observationTable.Unmarshal(text, o) }

// A Case is the kind of one row of a plan's annex of emergency measures:
// an [Observation] told by a [Discoverer]. It is the engine's key for a
// [Playbook]; the plan names the row in its own words ([Playbook.Label]).
// The 16 cases are named by the numbers of the rows of the reference annex
// that first set them out ("1-1" … "4-4").
//
// The zero Case is unset and is not valid. Cases are comparable with == and
// ordered by their names.
type Case uint8

// The 16 cases.
const (
	Case1_1 Case = 1 + iota // access signs, told by the national center
	Case1_2                 // access signs, found by ourselves
	Case1_3                 // suspicious operation, told by the national center
	Case1_4                 // suspicious operation, found by ourselves
	Case2_1                 // erroneous access, told by the national center
	Case2_2                 // erroneous access, found by ourselves
	Case2_3                 // a security hole, told by an audit
	Case2_4                 // a security hole, published by a vendor
	Case3_1                 // garbled output, told by the national center
	Case3_2                 // garbled output, found by ourselves
	Case3_3                 // an outage or delay, told by the national center
	Case3_4                 // an outage or delay, found by ourselves
	Case4_1                 // a virus removed, told by the national center
	Case4_2                 // a virus removed, found by ourselves
	Case4_3                 // a virus infection, told by the national center
	Case4_4                 // a virus infection, found by ourselves
)

// numCases is the number of cases.
const numCases = int(Case4_4)

// caseNumbers are the cases' names, indexed by Case-1.
var caseNumbers = [numCases]string{
	"1-1", "1-2", "1-3", "1-4", "2-1", "2-2", "2-3", "2-4",
	"3-1", "3-2", "3-3", "3-4", "4-1", "4-2", "4-3", "4-4",
}

// caseTable labels each case with its discoverer and observation, e.g.
// "全国センターからの通報：不正アクセスの徴候".
var caseTable = func() *enum.Table[Case] {
	names := make([]enum.Name, len(caseNumbers))
	for i, n := range caseNumbers {
		k := caseKeys[i]
		names[i] = enum.Name{EN: n, JA: k.by.Label() + "：" + k.obs.Label(), Aliases: []string{"annex-" + n}}
	}
	return enum.New[Case]("measures", "annex case", "Case", ErrInvalid, names...)
}()

// AllCases returns the 16 cases in annex order, in a fresh slice.
func AllCases() []Case { return caseTable.Values() }

// ParseCase returns the Case named by s: "1-1" … "4-4", or its Japanese
// label.
func ParseCase(s string) (Case, error) { return caseTable.Parse(s) }

// IsValid reports whether c is one of the 16 annex cases.
func (c Case) IsValid() bool { return caseTable.Valid(c) }

// String returns the annex number, e.g. "2-3".
func (c Case) String() string { return caseTable.String(c) }

// Label returns the Japanese name: who told of what, e.g.
// "監査による通報：脆弱性情報".
func (c Case) Label() string { return caseTable.Label(c) }

// Compare orders cases by their names.
func (c Case) Compare(d Case) int { return int(c) - int(d) }

// AppendText implements [encoding.TextAppender]; an invalid Case is an error.
func (c Case) AppendText(b []byte) ([]byte, error) { return caseTable.AppendText(b, c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Case) MarshalText() ([]byte, error) { return caseTable.AppendText(nil, c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Case) UnmarshalText(text []byte) error { return caseTable.Unmarshal(text, c) }

// Category returns the case's annex category, or zero for an invalid case.
func (c Case) Category() Category { return c.Observation().Category() }

// Observation returns what the case's event column says was seen, or zero for
// an invalid case.
func (c Case) Observation() Observation {
	if !c.IsValid() {
		return 0
	}
	return caseKeys[c-1].obs
}

// Discoverer returns who found or told of the case's event, or zero for an
// invalid case.
func (c Case) Discoverer() Discoverer {
	if !c.IsValid() {
		return 0
	}
	return caseKeys[c-1].by
}

type caseKey struct {
	obs Observation
	by  Discoverer
}

// caseKeys gives each case's observation and discoverer, indexed by Case-1.
var caseKeys = [numCases]caseKey{
	{AccessSigns, ByNationalCenter}, {AccessSigns, ByOwnFinding},
	{SuspiciousOperation, ByNationalCenter}, {SuspiciousOperation, ByOwnFinding},
	{ErroneousAccess, ByNationalCenter}, {ErroneousAccess, ByOwnFinding},
	{HoleReported, ByAudit}, {HoleReported, ByVendor},
	{GarbledOutput, ByNationalCenter}, {GarbledOutput, ByOwnFinding},
	{OutageOrDelay, ByNationalCenter}, {OutageOrDelay, ByOwnFinding},
	{VirusRemoved, ByNationalCenter}, {VirusRemoved, ByOwnFinding},
	{VirusInfection, ByNationalCenter}, {VirusInfection, ByOwnFinding},
}

// A Lead says who leads the measures of a playbook: the national center, with
// us cooperating (全国センターが行う…に協力); we ourselves, with the national
// center's help (全国センターの協力を得て…実施); or both in liaison
// (全国センターと連携して, 別表2-3 and 2-4).
//
// The zero Lead is unset and is not valid. Leads are comparable with ==.
type Lead uint8

// Who leads.
const (
	NationalCenterLeads Lead = 1 + iota // 全国センターが行う措置に協力
	WeLead                              // 全国センターの協力を得て実施
	Jointly                             // 全国センターと連携して実施
)

var leadTable = enum.New[Lead]("measures", "lead", "Lead", ErrInvalid,
	enum.Name{EN: "national-center-leads", JA: "全国センターが主導"},
	enum.Name{EN: "we-lead", JA: "自団体が主導"},
	enum.Name{EN: "jointly", JA: "全国センターと共同"},
)

// AllLeads returns every valid Lead in ascending order, in a fresh slice.
func AllLeads() []Lead { return leadTable.Values() }

// ParseLead returns the Lead named by s: its English name or Japanese label.
func ParseLead(s string) (Lead, error) { return leadTable.Parse(s) }

// IsValid reports whether l is a defined lead.
func (l Lead) IsValid() bool { return leadTable.Valid(l) }

// Compare orders Lead values by value; it suits slices.SortFunc.
func (l Lead) Compare(o Lead) int { return int(l) - int(o) }

// String returns the English name, e.g. "we-lead".
func (l Lead) String() string { return leadTable.String(l) }

// Label returns the Japanese name.
func (l Lead) Label() string { return leadTable.Label(l) }

// AppendText implements [encoding.TextAppender]; an invalid Lead is an error.
func (l Lead) AppendText(b []byte) ([]byte, error) { return leadTable.AppendText(b, l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Lead) MarshalText() ([]byte, error) { return leadTable.AppendText(nil, l) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (l *Lead) UnmarshalText(text []byte) error { return leadTable.Unmarshal(text, l) }

// A Mode says how one step involves the national center, in the annex's own
// words.
//
// The zero Mode is unset and is not valid. Modes are comparable with ==.
type Mode uint8

// How a step involves the national center.
const (
	Assist    Mode = 1 + iota // 全国センターが行う…に協力: the center acts, we cooperate
	WithHelp                  // 全国センターの協力を得て: we act with the center's help
	InLiaison                 // 全国センターと連携して: we act in liaison with the center
	OnRequest                 // 全国センターの要請等を踏まえ: we act on the center's request
	Ask                       // 全国センターに…要請: we ask the center for something
	Consult                   // 全国センターと協議の上: we act after consulting the center
	Alone                     // the step names no part for the center
)

var modeTable = enum.New[Mode]("measures", "mode", "Mode", ErrInvalid,
	enum.Name{EN: "assist", JA: "全国センターに協力"},
	enum.Name{EN: "with-help", JA: "全国センターの協力"},
	enum.Name{EN: "in-liaison", JA: "全国センターと連携"},
	enum.Name{EN: "on-request", JA: "全国センターの要請"},
	enum.Name{EN: "ask", JA: "全国センターへの要請"},
	enum.Name{EN: "consult", JA: "全国センターと協議"},
	enum.Name{EN: "alone", JA: "単独"},
)

// AllModes returns every valid Mode in ascending order, in a fresh slice.
func AllModes() []Mode { return modeTable.Values() }

// ParseMode returns the Mode named by s: its English name or Japanese label.
func ParseMode(s string) (Mode, error) { return modeTable.Parse(s) }

// IsValid reports whether m is a defined mode.
func (m Mode) IsValid() bool { return modeTable.Valid(m) }

// Compare orders Mode values by value; it suits slices.SortFunc.
func (m Mode) Compare(o Mode) int { return int(m) - int(o) }

// String returns the English name, e.g. "with-help".
func (m Mode) String() string { return modeTable.String(m) }

// Label returns the Japanese name.
func (m Mode) Label() string { return modeTable.Label(m) }

// AppendText implements [encoding.TextAppender]; an invalid Mode is an error.
func (m Mode) AppendText(b []byte) ([]byte, error) { return modeTable.AppendText(b, m) }

// MarshalText implements [encoding.TextMarshaler].
func (m Mode) MarshalText() ([]byte, error) { return modeTable.AppendText(nil, m) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *Mode) UnmarshalText(text []byte) error { return modeTable.Unmarshal(text, m) }

// A Condition is what must hold for a conditional annex step to apply. Its
// Japanese label is the engine's short name for the condition; the step's
// own [Step.Text] keeps the plan's wording of it.
//
// The zero Condition is not a condition: a [Step] whose Condition is zero is
// unconditional. Conditions are comparable with ==.
type Condition uint8

// The conditions of the annex steps.
const (
	// PatternThreatensIdentity: 不正アクセスのパターンが本人確認情報に対する脅威となる場合 (別表1-1③, 1-2②).
	PatternThreatensIdentity Condition = 1 + iota
	// QuickActionHardAndThreatLarge: 上記措置の迅速な実施が困難、かつ、本人確認情報への脅威が大きい場合 (別表1-3※, 1-4※).
	QuickActionHardAndThreatLarge
	// HoleThreatLarge: 本人確認情報への脅威が大きいセキュリティホールであった場合 (別表2-1③, 2-2②, 2-3②, 2-4②).
	HoleThreatLarge
	// UnknownVirus: 未知のウィルスであれば (別表4-3③, 4-4③).
	UnknownVirus
	// AsNeeded: 必要に応じ (the parenthetical requests of 別表1-2① and 1-4②).
	AsNeeded
)

var conditionTable = enum.New[Condition]("measures", "condition", "Condition", ErrInvalid,
	enum.Name{EN: "pattern-threatens-identity", JA: "攻撃パターンが脅威"},
	enum.Name{EN: "quick-action-hard-and-threat-large", JA: "迅速な措置が困難かつ脅威が大"},
	enum.Name{EN: "hole-threat-large", JA: "脅威が大きい脆弱性"},
	enum.Name{EN: "unknown-virus", JA: "未知のウイルス"},
	enum.Name{EN: "as-needed", JA: "必要に応じ"},
)

// AllConditions returns every Condition in ascending order, in a fresh slice.
func AllConditions() []Condition { return conditionTable.Values() }

// ParseCondition returns the Condition named by s: its English name or
// Japanese label.
func ParseCondition(s string) (Condition, error) { return conditionTable.Parse(s) }

// IsValid reports whether c is a defined condition (zero, "unconditional", is not).
func (c Condition) IsValid() bool { return conditionTable.Valid(c) }

// Compare orders Condition values by value; it suits slices.SortFunc.
func (c Condition) Compare(o Condition) int { return int(c) - int(o) }

// String returns the English name, e.g. "unknown-virus".
func (c Condition) String() string { return conditionTable.String(c) }

// Label returns the condition's Japanese name.
func (c Condition) Label() string { return conditionTable.Label(c) }

// AppendText implements [encoding.TextAppender]; an invalid Condition is an error.
func (c Condition) AppendText(b []byte) ([]byte, error) { return conditionTable.AppendText(b, c) }

// MarshalText implements [encoding.TextMarshaler].
func (c Condition) MarshalText() ([]byte, error) { return conditionTable.AppendText(nil, c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Condition) UnmarshalText(text []byte) error { return conditionTable.Unmarshal(text, c) }

// Conditions is a set of conditions that hold, as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Conditions is empty:
// only unconditional steps apply.
type Conditions uint64

// ConditionsOf returns the set holding cs; invalid conditions are left out.
func ConditionsOf(cs ...Condition) Conditions {
	var s Conditions
	for _, c := range cs {
		s = s.With(c)
	}
	return s
}

// Has reports whether c is in the set.
func (s Conditions) Has(c Condition) bool { return c.IsValid() && uint64(s)&enum.Bit(c) != 0 }

// With returns the set with c added; an invalid c leaves it unchanged.
func (s Conditions) With(c Condition) Conditions {
	if !c.IsValid() {
		return s
	}
	return s | Conditions(enum.Bit(c))
}

// Contains reports whether every condition of t is in s.
func (s Conditions) Contains(t Conditions) bool { return t&^s == 0 }

// All yields the conditions in ascending order.
func (s Conditions) All() iter.Seq[Condition] { return enum.Members[Condition](uint64(s)) }

// A Task is what an annex step does, as a value.
//
// The zero Task is unset and is not valid. Tasks are comparable with ==.
type Task uint8

// The actions of the annex steps.
const (
	IdentifySource       Task = 1 + iota // 原因となった機器又はネットワーク(経路)の推定・特定
	InvestigateOnSite                    // 現地での調査
	Disconnect                           // 住基ネット(ネットワーク)からの切離し (停止を含む)
	IdentifyAttacker                     // 手段・行為者等の特定 (防止策の策定を含む)
	RequestMonitoring                    // 全国センターへの監視強化等の要請
	TightenAccessControl                 // ICカード管理の徹底, パスワード変更, 入退室管理の強化
	Patch                                // セキュリティホールの補修
	RestoreDatabase                      // データベース復旧
	Reintegrate                          // 切り離された装置の再組込み
	CheckPatternFiles                    // 同機種全ての最新パターンファイル更新の確認
	StrengthenManagement                 // 当該機器の運用管理の強化
	InvestigateInfection                 // 感染範囲及び症状の調査
	ResearchRemoval                      // 駆除方法等の調査
	RequestPatternFile                   // パターンファイルの提供要請
)

var actionTable = enum.New[Task]("measures", "action", "Action", ErrInvalid,
	enum.Name{EN: "identify-source", JA: "原因機器等の特定"},
	enum.Name{EN: "investigate-on-site", JA: "現地での調査"},
	enum.Name{EN: "disconnect", JA: "切離し"},
	enum.Name{EN: "identify-attacker", JA: "攻撃者等の特定"},
	enum.Name{EN: "request-monitoring", JA: "監視強化の要請"},
	enum.Name{EN: "tighten-access-control", JA: "アクセス管理の強化"},
	enum.Name{EN: "patch", JA: "脆弱性の補修"},
	enum.Name{EN: "restore-database", JA: "データベース復旧"},
	enum.Name{EN: "reintegrate", JA: "再組込み"},
	enum.Name{EN: "check-pattern-files", JA: "パターンファイル更新の確認"},
	enum.Name{EN: "strengthen-management", JA: "運用管理の強化"},
	enum.Name{EN: "investigate-infection", JA: "感染範囲・症状の調査"},
	enum.Name{EN: "research-removal", JA: "駆除方法の調査"},
	enum.Name{EN: "request-pattern-file", JA: "パターンファイルの提供要請"},
)

// AllTasks returns every Action in ascending order, in a fresh slice.
func AllTasks() []Task { return actionTable.Values() }

// ParseTask returns the Action named by s: its English name or Japanese label.
func ParseTask(s string) (Task, error) { return actionTable.Parse(s) }

// IsValid reports whether a is a defined action.
func (a Task) IsValid() bool { return actionTable.Valid(a) }

// Compare orders Action values by value; it suits slices.SortFunc.
func (a Task) Compare(o Task) int { return int(a) - int(o) }

// String returns the English name, e.g. "disconnect".
func (a Task) String() string { return actionTable.String(a) }

// Label returns the Japanese term.
func (a Task) Label() string { return actionTable.Label(a) }

// AppendText implements [encoding.TextAppender]; an invalid Action is an error.
func (a Task) AppendText(b []byte) ([]byte, error) { return actionTable.AppendText(b, a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Task) MarshalText() ([]byte, error) { return actionTable.AppendText(nil, a) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Task) UnmarshalText(text []byte) error { return actionTable.Unmarshal(text, a) }
