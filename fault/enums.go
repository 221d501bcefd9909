package fault

import (
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Kind is the kind of a fault as the plans classify it (ino 第2条, kumamoto 4(2)):
// hardware, software or network.
//
// The zero Kind is unset and is rejected wherever a kind is needed. Kinds are
// comparable with ==; values are only ever appended, never renumbered.
type Kind uint8

const (
	Hardware Kind = 1 + iota // ハードウェアの障害
	Software                 // ソフトウェアの障害
	Network                  // ネットワークの障害
)

var kindTable = enum.New[Kind]("fault", "kind", "Kind", council.ErrInvalid,
	enum.Name{EN: "hardware", JA: "ハードウェアの障害", Aliases: []string{"ハードウェア"}},
	enum.Name{EN: "software", JA: "ソフトウェアの障害", Aliases: []string{"ソフトウェア"}},
	enum.Name{EN: "network", JA: "ネットワークの障害", Aliases: []string{"ネットワーク"}},
)

// AllKinds returns every valid Kind in ascending order, in a fresh slice.
func AllKinds() []Kind { return kindTable.Values() }

// ParseKind returns the Kind named by s: its English name or Japanese label.
// Anything else is an error wrapping [council.ErrInvalid].
func ParseKind(s string) (Kind, error) { return kindTable.Parse(s) }

// IsValid reports whether x is a defined kind (not zero, not out of range).
func (x Kind) IsValid() bool { return kindTable.Valid(x) }

// Compare orders Kind values by value; it suits slices.SortFunc.
func (x Kind) Compare(o Kind) int { return int(x) - int(o) }

// String returns the English name, e.g. "hardware".
func (x Kind) String() string { return kindTable.String(x) }

// Label returns the plans' Japanese term, e.g. "ハードウェアの障害".
func (x Kind) Label() string { return kindTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Kind is an error.
func (x Kind) AppendText(b []byte) ([]byte, error) { return kindTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Kind) MarshalText() ([]byte, error) { return kindTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Kind) UnmarshalText(text []byte) error { return kindTable.Unmarshal(text, x) }

// A Symptom is something staff observe when the system fails: the fault
// events a plan lists as examples of each fault kind (ino 第2条, kumamoto
// 4(2), kumiyama 第25条). The engine names the two its rules read: a bug and
// a virus infection, on which kumiyama 第25条 states duties (see
// [Condition]). Every other symptom is declared by the plan that lists it,
// in its own words, in its vocabulary (package bcp): a value past the named
// ones, printed and parsed as "symptom#n" outside the plan.
//
// The zero Symptom is unset and is rejected by [Procedure.Classify]. Symptoms are
// comparable with ==; the values a plan declares depend on its vocabulary.
type Symptom uint8

const (
	Bug            Symptom = 1 + iota // a software bug (バグ)
	VirusInfection                    // a computer virus infection (コンピュータウイルス感染)
)

var symptomTable = enum.New[Symptom]("fault", "symptom", "Symptom", council.ErrInvalid,
	enum.Name{EN: "bug", JA: "バグ"},
	enum.Name{EN: "virus-infection", JA: "コンピュータウイルス感染"},
).Open(enum.MaxValue)

// AllSymptoms returns the Symptoms the engine names, in ascending order, in a
// fresh slice; not the values a plan declares.
func AllSymptoms() []Symptom { return symptomTable.Values() }

// ParseSymptom returns the Symptom named by s: its English name or Japanese label,
// or "symptom#n" for a value a plan declares (a plan's own words are read
// through its vocabulary, package bcp).
// Anything else is an error wrapping [council.ErrInvalid].
func ParseSymptom(s string) (Symptom, error) { return symptomTable.Parse(s) }

// IsValid reports whether x is a defined symptom (not zero, not out of range).
func (x Symptom) IsValid() bool { return symptomTable.Valid(x) }

// Compare orders Symptom values by value; it suits slices.SortFunc.
func (x Symptom) Compare(o Symptom) int { return int(x) - int(o) }

// String returns the English name, e.g. "bug"; "symptom#n" for a value a
// plan declares.
func (x Symptom) String() string { return symptomTable.String(x) }

// Label returns the engine's Japanese label, e.g. "バグ"; "symptom#n" for a
// value a plan declares (the plan's vocabulary holds its words).
func (x Symptom) Label() string { return symptomTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Symptom is an error.
func (x Symptom) AppendText(b []byte) ([]byte, error) { return symptomTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Symptom) MarshalText() ([]byte, error) { return symptomTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Symptom) UnmarshalText(text []byte) error { return symptomTable.Unmarshal(text, x) }

// A Probe is one step of a root-cause investigation (原因の究明) as a plan lists
// it for a fault kind (ino 第3条, kumamoto 4(2) 原因の究明(ア)). The engine
// has no rule for any particular step, so it names none: every check is
// declared by the plan that lists it, in its own words, in its vocabulary
// (package bcp), and prints and parses as "check#n" outside the plan.
//
// The zero Probe is unset. Probes are comparable with ==; the values a plan
// declares depend on its vocabulary.
type Probe uint8

var checkTable = enum.New[Probe]("fault", "check", "Check", council.ErrInvalid).Open(enum.MaxValue)

// AllProbes returns the Checks the engine names (none: every
// check is one a plan declares), in ascending order, in a
// fresh slice; not the values a plan declares.
func AllProbes() []Probe { return checkTable.Values() }

// ParseProbe returns the Check named by s: its English name or Japanese label,
// or "check#n" for a value a plan declares (a plan's own words are read
// through its vocabulary, package bcp).
// Anything else is an error wrapping [council.ErrInvalid].
func ParseProbe(s string) (Probe, error) { return checkTable.Parse(s) }

// IsValid reports whether x is a defined check (not zero, not out of range).
func (x Probe) IsValid() bool { return checkTable.Valid(x) }

// Compare orders Check values by value; it suits slices.SortFunc.
func (x Probe) Compare(o Probe) int { return int(x) - int(o) }

// String returns the English name; "check#n" for a value a plan declares.
func (x Probe) String() string { return checkTable.String(x) }

// Label returns the engine's Japanese label; "check#n" for a value a plan
// declares (the plan's vocabulary holds its words).
func (x Probe) Label() string { return checkTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Check is an error.
func (x Probe) AppendText(b []byte) ([]byte, error) { return checkTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Probe) MarshalText() ([]byte, error) { return checkTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Probe) UnmarshalText(text []byte) error { return checkTable.Unmarshal(text, x) }

// A Signal is a state that obliges whoever sees it to treat it as a fault
// (tottori 第2-1: alert mail, console messages, lamps, calls). The engine has
// no rule for any particular trigger, so it names none: every trigger is
// declared by the plan that lists it, in its own words, in its vocabulary
// (package bcp), and prints and parses as "trigger#n" outside the plan.
//
// The zero Signal is unset. Signals are comparable with ==; the values a
// plan declares depend on its vocabulary.
type Signal uint8

var triggerTable = enum.New[Signal]("fault", "trigger", "Trigger", council.ErrInvalid).Open(enum.MaxValue)

// AllSignals returns the Triggers the engine names (none: every
// trigger is one a plan declares), in ascending order, in a
// fresh slice; not the values a plan declares.
func AllSignals() []Signal { return triggerTable.Values() }

// ParseSignal returns the Trigger named by s: its English name or Japanese label,
// or "trigger#n" for a value a plan declares (a plan's own words are read
// through its vocabulary, package bcp).
// Anything else is an error wrapping [council.ErrInvalid].
func ParseSignal(s string) (Signal, error) { return triggerTable.Parse(s) }

// IsValid reports whether x is a defined trigger (not zero, not out of range).
func (x Signal) IsValid() bool { return triggerTable.Valid(x) }

// Compare orders Trigger values by value; it suits slices.SortFunc.
func (x Signal) Compare(o Signal) int { return int(x) - int(o) }

// String returns the English name; "trigger#n" for a value a plan declares.
func (x Signal) String() string { return triggerTable.String(x) }

// Label returns the engine's Japanese label; "trigger#n" for a value a plan
// declares (the plan's vocabulary holds its words).
func (x Signal) Label() string { return triggerTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Trigger is an error.
func (x Signal) AppendText(b []byte) ([]byte, error) { return triggerTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Signal) MarshalText() ([]byte, error) { return triggerTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Signal) UnmarshalText(text []byte) error { return triggerTable.Unmarshal(text, x) }

// A Location is a fault location (障害箇所), as a plan's fault-location table
// lists it with the [Responder] who investigates and recovers a fault there
// (tottori 第2-3 ①-⑧). The engine reasons about the responder, not the
// location, so it names none: every location is declared by the plan that
// lists it, in its own words, in its vocabulary (package bcp), and prints and
// parses as "location#n" outside the plan.
//
// The zero Location is unset: not (yet) known. Locations are comparable with
// ==; the values a plan declares depend on its vocabulary.
type Location uint8

var locationTable = enum.New[Location]("fault", "location", "Location", council.ErrInvalid).Open(enum.MaxValue)

// AllLocations returns the Locations the engine names (none: every
// location is one a plan declares), in ascending order, in a
// fresh slice; not the values a plan declares.
func AllLocations() []Location { return locationTable.Values() }

// ParseLocation returns the Location named by s: its English name or Japanese label,
// or "location#n" for a value a plan declares (a plan's own words are read
// through its vocabulary, package bcp).
// Anything else is an error wrapping [council.ErrInvalid].
func ParseLocation(s string) (Location, error) { return locationTable.Parse(s) }

// IsValid reports whether x is a defined location (not zero, not out of range).
func (x Location) IsValid() bool { return locationTable.Valid(x) }

// Compare orders Location values by value; it suits slices.SortFunc.
func (x Location) Compare(o Location) int { return int(x) - int(o) }

// String returns the English name; "location#n" for a value a plan declares.
func (x Location) String() string { return locationTable.String(x) }

// Label returns the engine's Japanese label; "location#n" for a value a
// plan declares (the plan's vocabulary holds its words).
func (x Location) Label() string { return locationTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Location is an error.
func (x Location) AppendText(b []byte) ([]byte, error) { return locationTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Location) MarshalText() ([]byte, error) { return locationTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Location) UnmarshalText(text []byte) error { return locationTable.Unmarshal(text, x) }

// A Responder is the department or business that tottori 第2-3 asks to
// investigate and recover a fault at a given [Location] (担当部署（事業者）).
//
// The zero Responder is unset. Responders are comparable with ==; values are
// only ever appended, never renumbered.
type Responder uint8

const (
	ByCarrier        Responder = 1 + iota // 通信事業者
	ByNationalCenter                      // 全国センター
	ByNetworkOwner                        // 該当ネットワーク管理部門: the department that manages the network
	ByMunicipality                        // 該当市町村: the municipality whose equipment it is
)

var responderTable = enum.New[Responder]("fault", "responder", "Responder", council.ErrInvalid,
	enum.Name{EN: "carrier", JA: "通信事業者"},
	enum.Name{EN: "national-center", JA: "全国センター"},
	enum.Name{EN: "network-owner", JA: "該当ネットワーク管理部門"},
	enum.Name{EN: "municipality", JA: "該当市町村"},
)

// AllResponders returns every valid Responder in ascending order, in a fresh slice.
func AllResponders() []Responder { return responderTable.Values() }

// ParseResponder returns the Responder named by s: its English name or Japanese label.
// Anything else is an error wrapping [council.ErrInvalid].
func ParseResponder(s string) (Responder, error) { return responderTable.Parse(s) }

// IsValid reports whether x is a defined responder (not zero, not out of range).
func (x Responder) IsValid() bool { return responderTable.Valid(x) }

// Compare orders Responder values by value; it suits slices.SortFunc.
func (x Responder) Compare(o Responder) int { return int(x) - int(o) }

// String returns the English name, e.g. "carrier".
func (x Responder) String() string { return responderTable.String(x) }

// Label returns the plans' Japanese term, e.g. "通信事業者".
func (x Responder) Label() string { return responderTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Responder is an error.
func (x Responder) AppendText(b []byte) ([]byte, error) { return responderTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Responder) MarshalText() ([]byte, error) { return responderTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Responder) UnmarshalText(text []byte) error { return responderTable.Unmarshal(text, x) }

// A Stage is a step of the fault-handling lifecycle, in the order the plans
// take them (ino 第2-8条, kumamoto 4(2) and 5, tottori 第2 1-6).
//
// The zero Stage is unset: no fault has been detected. Stages are comparable
// with == and ordered by [Stage.Compare]; values are only ever appended.
type Stage uint8

const (
	Detected            Stage = 1 + iota // 障害の発見 (tottori 第2-1)
	Identified                           // 障害の特定: kind and location (ino 第2条, kumamoto 4(2))
	Investigated                         // 原因の究明 (ino 第3条, kumamoto 4(2), tottori 第2-3)
	Escalated                            // serious fault reported to the chief (ino 第4条, tottori 第2-4)
	Maintained                           // 修理, 修復, 交換 (ino 第6条, kumamoto 4(2), tottori 第2-5)
	IntegrityChecked                     // 整合性の確認 (ino 第7条, kumamoto 4(2), tottori 第2-6)
	Resumed                              // 運用の再開 (ino 第7条, kumamoto 4(2), tottori 第2-6)
	RecurrencePrevented                  // 再発防止 (ino 第8条, kumamoto 5): outside the plan's scope, tracked
)

var stageTable = enum.New[Stage]("fault", "stage", "Stage", council.ErrInvalid,
	enum.Name{EN: "detected", JA: "障害の発見"},
	enum.Name{EN: "identified", JA: "障害の特定"},
	enum.Name{EN: "investigated", JA: "原因の究明"},
	enum.Name{EN: "escalated", JA: "重大障害発生時の措置"},
	enum.Name{EN: "maintained", JA: "保守作業の実施"},
	enum.Name{EN: "integrity-checked", JA: "本人確認情報の整合性の確認"},
	enum.Name{EN: "resumed", JA: "運用の再開"},
	enum.Name{EN: "recurrence-prevented", JA: "再発防止対策"},
)

// AllStages returns every valid Stage in ascending order, in a fresh slice.
func AllStages() []Stage { return stageTable.Values() }

// ParseStage returns the Stage named by s: its English name or Japanese label.
// Anything else is an error wrapping [council.ErrInvalid].
func ParseStage(s string) (Stage, error) { return stageTable.Parse(s) }

// IsValid reports whether x is a defined stage (not zero, not out of range).
func (x Stage) IsValid() bool { return stageTable.Valid(x) }

// String returns the English name, e.g. "detected".
func (x Stage) String() string { return stageTable.String(x) }

// Label returns the plans' Japanese term, e.g. "障害の発見".
func (x Stage) Label() string { return stageTable.Label(x) }

// Compare orders stages by value; it suits slices.SortFunc.
func (x Stage) Compare(y Stage) int { return int(x) - int(y) }

// AppendText implements [encoding.TextAppender]; an invalid Stage is an error.
func (x Stage) AppendText(b []byte) ([]byte, error) { return stageTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Stage) MarshalText() ([]byte, error) { return stageTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Stage) UnmarshalText(text []byte) error { return stageTable.Unmarshal(text, x) }

// A Work is the kind of maintenance work requested (ino 第6条, tottori 第2-5,
// kumamoto 4(2) 保守作業の実施): repair, restore or replace.
//
// The zero Work is unset. Works are comparable with ==.
type Work uint8

const (
	Repair  Work = 1 + iota // 修理
	Restore                 // 修復
	Replace                 // 交換
)

var workTable = enum.New[Work]("fault", "work", "Work", council.ErrInvalid,
	enum.Name{EN: "repair", JA: "修理"},
	enum.Name{EN: "restore", JA: "修復"},
	enum.Name{EN: "replace", JA: "交換"},
)

// AllWorks returns every valid Work in ascending order, in a fresh slice.
func AllWorks() []Work { return workTable.Values() }

// ParseWork returns the Work named by s: its English name or Japanese label.
// Anything else is an error wrapping [council.ErrInvalid].
func ParseWork(s string) (Work, error) { return workTable.Parse(s) }

// IsValid reports whether x is a defined work (not zero, not out of range).
func (x Work) IsValid() bool { return workTable.Valid(x) }

// Compare orders Work values by value; it suits slices.SortFunc.
func (x Work) Compare(o Work) int { return int(x) - int(o) }

// String returns the English name, e.g. "repair".
func (x Work) String() string { return workTable.String(x) }

// Label returns the plans' Japanese term, e.g. "修理".
func (x Work) Label() string { return workTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Work is an error.
func (x Work) AppendText(b []byte) ([]byte, error) { return workTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Work) MarshalText() ([]byte, error) { return workTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Work) UnmarshalText(text []byte) error { return workTable.Unmarshal(text, x) }

// An Alternative is a way of carrying on resident services while a system
// is down (kumamoto 4(2) and 別紙3, ino 第5条, kumiyama 第26条).
//
// TerminalSwitch and FaxOperation are the emergency measures of kumamoto
// 別紙1, the structure for a breach of personal information at level 3; no
// reference plan lists them as a fault's alternative. They stay for plan
// files that do.
//
// The zero Alternative is unset. Alternatives are comparable with ==; values
// are only ever appended, never renumbered.
type Alternative uint8

const (
	DowntimeServer     Alternative = 1 + iota // システムダウン時用サーバ等を起動 (kumamoto 4(2), 別紙3)
	TerminalSwitch                            // 端末切替 (kumamoto 別紙1: a breach's emergency measure)
	FaxOperation                              // ファックス運用 (kumamoto 別紙1: a breach's emergency measure)
	NearbyMunicipality                        // 広域交付: guide residents to a nearby municipality (ino 第5条)
	DegradedOperation                         // 縮退運転 (kumiyama 第26条, network faults)
	AlternateOperation                        // 代替運転 (kumiyama 第26条, network faults)
)

var alternativeTable = enum.New[Alternative]("fault", "alternative", "Alternative", council.ErrInvalid,
	enum.Name{EN: "downtime-server", JA: "障害時用サーバ"},
	enum.Name{EN: "terminal-switch", JA: "端末切替"},
	enum.Name{EN: "fax-operation", JA: "ファックス運用"},
	enum.Name{EN: "nearby-municipality", JA: "近接市町村の案内"},
	enum.Name{EN: "degraded-operation", JA: "縮退運転"},
	enum.Name{EN: "alternate-operation", JA: "代替運転"},
)

// AllAlternatives returns every valid Alternative in ascending order, in a fresh slice.
func AllAlternatives() []Alternative { return alternativeTable.Values() }

// ParseAlternative returns the Alternative named by s: its English name or Japanese label.
// Anything else is an error wrapping [council.ErrInvalid].
func ParseAlternative(s string) (Alternative, error) { return alternativeTable.Parse(s) }

// IsValid reports whether x is a defined alternative (not zero, not out of range).
func (x Alternative) IsValid() bool { return alternativeTable.Valid(x) }

// Compare orders Alternative values by value; it suits slices.SortFunc.
func (x Alternative) Compare(o Alternative) int { return int(x) - int(o) }

// String returns the English name, e.g. "downtime-server".
func (x Alternative) String() string { return alternativeTable.String(x) }

// Label returns the engine's Japanese term, e.g. "障害時用サーバ"; a plan's
// own wording is its [Fallback]'s Note.
func (x Alternative) Label() string { return alternativeTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Alternative is an error.
func (x Alternative) AppendText(b []byte) ([]byte, error) { return alternativeTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Alternative) MarshalText() ([]byte, error) { return alternativeTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Alternative) UnmarshalText(text []byte) error { return alternativeTable.Unmarshal(text, x) }

// A Task is what one actor does towards another when a fault is escalated.
//
// The zero Task is unset. Tasks are comparable with ==; values are only
// ever appended, never renumbered.
type Task uint8

const (
	Report             Task = 1 + iota // report findings or the situation
	Notify                             // notify (kumamoto 4(2) 障害の特定)
	RequestCooperation                 // ask for help finding the cause (ino 第3条(2))
	NotifyOutage                       // tell of the outage and expected recovery (tottori 第2-2(1))
	ProposeCouncil                     // propose that the council meet (ino 第4条)
	ReportSerious                      // report a serious fault and ask for instructions (tottori 第2-4(1))
	ConveneCouncil                     // convene the security council (ino 第5条, tottori 第2-4(2))
	Instruct                           // instruct on system stop, residents, PR (tottori 第2-4(3))
	Disconnect                         // disconnect the infected machine (kumiyama 第25条)
	RequestProvisional                 // ask related departments for a provisional response (ino 第2条)
)

var actionTable = enum.New[Task]("fault", "action", "Action", council.ErrInvalid,
	enum.Name{EN: "report", JA: "報告"},
	enum.Name{EN: "notify", JA: "通報"},
	enum.Name{EN: "request-cooperation", JA: "協力を要請"},
	enum.Name{EN: "notify-outage", JA: "障害発生の連絡"},
	enum.Name{EN: "propose-council", JA: "会議開催の具申"},
	enum.Name{EN: "report-serious", JA: "重大障害の報告"},
	enum.Name{EN: "convene-council", JA: "会議の開催"},
	enum.Name{EN: "instruct", JA: "指示"},
	enum.Name{EN: "disconnect", JA: "ネットワークからの切り離し"},
	enum.Name{EN: "request-provisional", JA: "暫定対応の依頼"},
)

// AllTasks returns every valid Action in ascending order, in a fresh slice.
func AllTasks() []Task { return actionTable.Values() }

// ParseTask returns the Action named by s: its English name or Japanese label.
// Anything else is an error wrapping [council.ErrInvalid].
func ParseTask(s string) (Task, error) { return actionTable.Parse(s) }

// IsValid reports whether x is a defined action (not zero, not out of range).
func (x Task) IsValid() bool { return actionTable.Valid(x) }

// Compare orders Action values by value; it suits slices.SortFunc.
func (x Task) Compare(o Task) int { return int(x) - int(o) }

// String returns the English name, e.g. "report".
func (x Task) String() string { return actionTable.String(x) }

// Label returns the engine's Japanese term, e.g. "報告"; a plan's own
// wording is its escalation row's Note ([EscalationSpec]).
func (x Task) Label() string { return actionTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Action is an error.
func (x Task) AppendText(b []byte) ([]byte, error) { return actionTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Task) MarshalText() ([]byte, error) { return actionTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Task) UnmarshalText(text []byte) error { return actionTable.Unmarshal(text, x) }

// A Startup says whether a faulty terminal powers on and starts (電源投入又は
// 起動の可否, tottori 第2-2(2)イ).
//
// The zero Startup is unset: the operator has not said. Startups are
// comparable with ==.
type Startup uint8

const (
	WontPowerOn Startup = 1 + iota // the power does not come on
	WontStart                      // it powers on but does not start
	Starts                         // it starts
)

var startupTable = enum.New[Startup]("fault", "startup", "Startup", council.ErrInvalid,
	enum.Name{EN: "wont-power-on", JA: "電源が入らない"},
	enum.Name{EN: "wont-start", JA: "電源は入るが起動しない"},
	enum.Name{EN: "starts", JA: "起動する"},
)

// AllStartups returns every valid Startup in ascending order, in a fresh slice.
func AllStartups() []Startup { return startupTable.Values() }

// ParseStartup returns the Startup named by s: its English name or Japanese label.
// Anything else is an error wrapping [council.ErrInvalid].
func ParseStartup(s string) (Startup, error) { return startupTable.Parse(s) }

// IsValid reports whether x is a defined startup (not zero, not out of range).
func (x Startup) IsValid() bool { return startupTable.Valid(x) }

// Compare orders Startup values by value; it suits slices.SortFunc.
func (x Startup) Compare(o Startup) int { return int(x) - int(o) }

// String returns the English name, e.g. "wont-power-on".
func (x Startup) String() string { return startupTable.String(x) }

// Label returns the plans' Japanese term, e.g. "電源が入らない".
func (x Startup) Label() string { return startupTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Startup is an error.
func (x Startup) AppendText(b []byte) ([]byte, error) { return startupTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Startup) MarshalText() ([]byte, error) { return startupTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Startup) UnmarshalText(text []byte) error { return startupTable.Unmarshal(text, x) }
