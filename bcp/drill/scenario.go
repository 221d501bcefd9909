package drill

import (
	"fmt"
	"strconv"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// ErrScenario is wrapped by every error about a scenario: a malformed JSON
// file, an unknown field, a bad value, events out of order, an event missing
// what its kind needs.
var ErrScenario = problem.ErrScenario

// A PathError names one problem of a scenario file by its JSON path, e.g.
// "drill: scenario: $.events[2].at: …": the module's one path-error type
// (bcp.PathError is the same type), read by the same strict decoder as plan
// files. A scenario's wraps [ErrScenario] and, for a bad enum value,
// [council.ErrInvalid] or the sentinel of the package that rejected it as
// well. Use it through a pointer; the zero PathError names nothing.
type PathError = jsonfile.PathError

// An EventKind says what happened at one instant of a drill scenario.
//
// The zero EventKind is unset and is rejected. Values are only appended.
type EventKind uint8

// Kinds of scenario event.
const (
	// FaultDetected: a fault is detected (障害の発見; tottori 第2-1, ino 第2条,
	// kumamoto 4(2), nakano 統合仮想サーバ 4(1)). Event.Trigger optionally says
	// how; Event.Status gives the situation as first known.
	FaultDetected EventKind = 1 + iota
	// SymptomReported: a terminal operator or staff member reports a symptom
	// the plan lists (ino 第2条, kumamoto 4(2)); Event.Symptom says which.
	SymptomReported
	// ActObserved: an unauthorized act or security incident is observed
	// (不正行為, tottori 第1-1(2); kumamoto 2(1)); Event.Act says what, with the
	// graded attributes known so far.
	ActObserved
	// AttributeLearned: a graded attribute of the act observed earlier is
	// established (Event.Learned holds it, with no kind).
	AttributeLearned
	// StatusChange: the situation changes; Event.Status replaces the
	// previous status as a whole.
	StatusChange
	// Recovery: the system is recovered (or the act dealt with): maintenance
	// done, ready for the integrity check and resumption.
	Recovery
	// CardLost: an operator IC card is lost, damaged, stolen or obtained by
	// fraud (kumiyama 第17条10項3号, 11項).
	CardLost
)

var eventKindTable = enum.New[EventKind]("drill", "event kind", "EventKind", bcp.ErrInvalid, []enum.Name{
	FaultDetected:    {EN: "fault-detected", JA: "障害の発見"},
	SymptomReported:  {EN: "symptom-reported", JA: "症状の報告"},
	ActObserved:      {EN: "act-observed", JA: "不正行為の発見"},
	AttributeLearned: {EN: "attribute-learned", JA: "事実の判明"},
	StatusChange:     {EN: "status-change", JA: "状況の変化"},
	Recovery:         {EN: "recovery", JA: "復旧"},
	CardLost:         {EN: "card-lost", JA: "操作者用ICカードの紛失等"},
})

// AllEventKinds returns every valid EventKind in ascending order, in a fresh slice.
func AllEventKinds() []EventKind { return eventKindTable.Values() }

// ParseEventKind returns the EventKind named by s: its English name or Japanese label.
func ParseEventKind(s string) (EventKind, error) { return eventKindTable.Parse(s) }

// IsValid reports whether k is a defined EventKind.
func (k EventKind) IsValid() bool { return eventKindTable.Valid(k) }

// String returns the English name, e.g. "fault-detected".
func (k EventKind) String() string { return eventKindTable.String(k) }

// Label returns the Japanese label.
func (k EventKind) Label() string { return eventKindTable.Label(k) }

// Compare orders kinds by value; it suits slices.SortFunc.
func (k EventKind) Compare(j EventKind) int { return int(k) - int(j) }

// AppendText implements [encoding.TextAppender]; an invalid EventKind is an error.
func (k EventKind) AppendText(b []byte) ([]byte, error) { return eventKindTable.AppendText(b, k) }

// MarshalText implements [encoding.TextMarshaler].
func (k EventKind) MarshalText() ([]byte, error) { return eventKindTable.AppendText(nil, k) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves k unchanged on error.
func (k *EventKind) UnmarshalText(text []byte) error { return eventKindTable.Unmarshal(text, k) }

// A Judgement is a person's judgement of whether an act poses a serious
// threat to identity information, the only grading a plan without threat
// levels has (ino 第11条, threat.JudgeSerious).
//
// The zero Judgement means nobody has judged yet. Values are only appended.
type Judgement uint8

// Judgements.
const (
	NotSerious Judgement = 1 + iota // 重大な脅威を及ぼす恐れはない
	Serious                         // 重大な脅威を及ぼす恐れがある
)

var judgementTable = enum.New[Judgement]("drill", "judgement", "Judgement", bcp.ErrInvalid, []enum.Name{
	NotSerious: {EN: "not-serious", JA: "重大でない"},
	Serious:    {EN: "serious", JA: "重大"},
})

// AllJudgements returns every valid Judgement in ascending order, in a fresh slice.
func AllJudgements() []Judgement { return judgementTable.Values() }

// ParseJudgement returns the Judgement named by s: its English name or Japanese label.
func ParseJudgement(s string) (Judgement, error) { return judgementTable.Parse(s) }

// IsValid reports whether j is a defined Judgement.
func (j Judgement) IsValid() bool { return judgementTable.Valid(j) }

// Compare orders Judgement values by value; it suits slices.SortFunc.
func (j Judgement) Compare(o Judgement) int { return int(j) - int(o) }

// String returns the English name, e.g. "serious".
func (j Judgement) String() string { return judgementTable.String(j) }

// Label returns the Japanese label.
func (j Judgement) Label() string { return judgementTable.Label(j) }

// AppendText implements [encoding.TextAppender]; an invalid Judgement is an error.
func (j Judgement) AppendText(b []byte) ([]byte, error) { return judgementTable.AppendText(b, j) }

// MarshalText implements [encoding.TextMarshaler].
func (j Judgement) MarshalText() ([]byte, error) { return judgementTable.AppendText(nil, j) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (j *Judgement) UnmarshalText(text []byte) error { return judgementTable.Unmarshal(text, j) }

// A Status is the situation of a fault or outage as known from one instant
// on: the inputs to a plan's fault escalation (fault.Facts) and, for an
// IaaS outage, the services still up, the expected recovery once known and
// the report items that changed.
//
// The zero Status is a fault with a known cause that stops nothing, with every
// service of the ward down and the recovery time unknown. Statuses are
// comparable with == (compare Expected with time.Time.Equal for meaning).
type Status struct {
	ServerDown          bool          `json:"serverDown"`            // a server or the network does not work normally (ino 第4条, tottori 第2-4(1))
	CauseUnknown        bool          `json:"causeUnknown"`          // the investigation did not find the cause (ino 第3条(2))
	OperationImpossible bool          `json:"operationImpossible"`   // business operation cannot go on (tottori 第2-2(1), kumamoto 4(2))
	IdentityAffected    bool          `json:"identityAffected"`      // the fault affected identity information (tottori 第2-6)
	Impact              int           `json:"impact"`                // percent of resident services that cannot be provided, 0-100
	ExpectedStop        time.Duration `json:"expectedStop,omitzero"` // how long the stop is expected to last
	// Up are the ward's communication services working (ICT-BCP 9(1)ウ).
	Up bcp.Services `json:"up,omitzero"`
	// Expected is the expected recovery time once known (統合仮想サーバ 3(4)①ア b);
	// zero while unknown.
	Expected time.Time `json:"expected,omitzero"`
	// Changed are the report items that changed at this instant
	// (統合仮想サーバ 3(4)①イ): each change gets a progress report.
	Changed bcp.Fields `json:"changed,omitzero"`
}

func (s Status) situation(sym fault.Symptom) fault.Facts {
	return fault.Facts{
		Symptom:             sym,
		ServerDown:          s.ServerDown,
		CauseUnknown:        s.CauseUnknown,
		OperationImpossible: s.OperationImpossible,
		Impact:              s.Impact,
		ExpectedStop:        s.ExpectedStop,
	}
}

// An Event is one timed event of a drill scenario. Which fields it uses
// depends on Kind; the others must be zero (Validate says which):
//
//   - FaultDetected: Trigger (optional), Status, and Act (optional): a fault
//     of a kind the plan declares, which the drill grades through the
//     plan's level table when that table grades faults too;
//   - SymptomReported: Symptom (required);
//   - ActObserved: Act (required), Judgement and Reason (optional);
//   - AttributeLearned: Learned (required: at least one graded attribute, no
//     kind), Judgement and Reason (optional);
//   - StatusChange: Status;
//   - Recovery and CardLost: nothing more.
//
// By, who observed or reported the event, is optional for every kind.
//
// The zero Event is not valid. Events are comparable with == (times compare
// with their location; use time.Time.Equal for meaning).
type Event struct {
	At        time.Time     `json:"at"`
	Kind      EventKind     `json:"kind"`
	By        council.Actor `json:"by,omitzero"`
	Trigger   fault.Signal  `json:"trigger,omitzero"`
	Symptom   fault.Symptom `json:"symptom,omitzero"`
	Act       threat.Event  `json:"act,omitzero"`
	Learned   threat.Event  `json:"learned,omitzero"`
	Judgement Judgement     `json:"judgement,omitzero"`
	Reason    string        `json:"reason,omitempty"`
	Status    Status        `json:"status,omitzero"`
}

// A Scenario is a drill: a plan ID and timed events in time order. Times are
// instants; the drill renders them in Japan time.
//
// The zero Scenario is not valid. It holds a slice, so == is not defined;
// compare with go-cmp. Built-in scenarios come fresh from [Scenarios].
type Scenario struct {
	ID     string  `json:"id"`              // a short, stable name, e.g. "tottori-l3-firewall"
	Plan   string  `json:"plan"`            // the plan ID the drill runs under
	Title  string  `json:"title,omitempty"` // a human-readable title
	Events []Event `json:"events"`          // in time order; equal times keep their order
}

// Clone returns a copy of s that shares no slice with it.
func (s Scenario) Clone() Scenario {
	s.Events = append([]Event(nil), s.Events...)
	return s
}

// Validate reports every problem of s at once (errors.Join), each a
// [*PathError] naming its JSON path: a missing ID or plan, no events,
// an event without time or with an invalid kind, events out of time order,
// an event lacking what its kind needs or carrying fields its kind does not
// use, an invalid value.
func (s Scenario) Validate() error {
	var errs []error
	add := func(path, problem string, err error) {
		errs = append(errs, &PathError{File: scenarioFile, Path: path, Err: &scenarioProblem{text: problem, err: err}})
	}
	if s.ID == "" {
		add("$.id", "missing", nil)
	}
	if s.Plan == "" {
		add("$.plan", "missing", nil)
	} else if !council.Cite(s.Plan, "x").IsValid() {
		add("$.plan", fmt.Sprintf("%s is not a plan ID", problem.Quote(s.Plan)), nil)
	}
	text := func(path, s string) {
		if msg := problem.BadText(s); msg != "" {
			add(path, msg, bcp.ErrInvalid)
		}
	}
	text("$.id", s.ID)
	text("$.title", s.Title)
	if len(s.Events) == 0 {
		add("$.events", "no events", nil)
	}
	var prev time.Time
	for i := range s.Events {
		e := &s.Events[i]
		// The path is spelled only for a problem: a valid event costs no
		// allocation here.
		at := func(field string) string { return "$.events[" + strconv.Itoa(i) + "]" + field }
		if e.At.IsZero() {
			add(at(".at"), "missing", nil)
		} else {
			if !prev.IsZero() && e.At.Before(prev) {
				add(at(".at"), fmt.Sprintf("%s is before the previous event (%s)", jstText(e.At), jstText(prev)), nil)
			}
			prev = e.At
		}
		if msg := problem.BadText(e.Reason); msg != "" {
			add(at(".reason"), msg, bcp.ErrInvalid)
		}
		for _, fe := range e.problems() {
			add(at(fe.path), fe.problem, fe.err)
		}
	}
	return problem.Join(errs...)
}

type fieldProblem struct {
	path, problem string
	err           error
}

func (e Event) problems() []fieldProblem {
	var ps []fieldProblem
	bad := func(path, problem string) { ps = append(ps, fieldProblem{path: path, problem: problem}) }
	if !e.Kind.IsValid() {
		bad(".kind", "missing or unknown event kind")
		return ps
	}
	if e.By != (council.Actor{}) && !e.By.IsValid() {
		bad(".by", "invalid actor")
	}
	uses := e.Kind.fields()
	has := func(f eventField) bool { return uses&f != 0 }
	if e.Trigger != 0 && !has(fTrigger) {
		bad(".trigger", "not used by "+e.Kind.String())
	} else if e.Trigger != 0 && !e.Trigger.IsValid() {
		bad(".trigger", "unknown trigger")
	}
	if e.Symptom != 0 && !has(fSymptom) {
		bad(".symptom", "not used by "+e.Kind.String())
	} else if e.Symptom != 0 && !e.Symptom.IsValid() {
		bad(".symptom", "unknown symptom")
	} else if e.Kind == SymptomReported && e.Symptom == 0 {
		bad(".symptom", "missing")
	}
	if e.Act != (threat.Event{}) && !has(fAct) {
		bad(".act", "not used by "+e.Kind.String())
	} else if e.Kind == FaultDetected && e.Act != (threat.Event{}) {
		if !e.Act.Kind.IsDeclared() {
			bad(".act.kind", "a fault graded through the plan's level table is a kind the plan declares")
		} else if err := e.Act.Validate(); err != nil {
			ps = append(ps, fieldProblem{path: ".act", problem: err.Error(), err: err})
		}
	} else if e.Kind == ActObserved {
		if e.Act.Kind == 0 {
			bad(".act.kind", "missing")
		} else if err := e.Act.Validate(); err != nil {
			ps = append(ps, fieldProblem{path: ".act", problem: err.Error(), err: err})
		}
	}
	if e.Learned != (threat.Event{}) && !has(fLearned) {
		bad(".learned", "not used by "+e.Kind.String())
	} else if e.Kind == AttributeLearned {
		switch {
		case e.Learned.Kind != 0:
			bad(".learned.kind", "an attribute learned names no kind")
		case e.Learned.Known().Len() == 0:
			bad(".learned", "no graded attribute")
		default:
			probe := e.Learned
			probe.Kind = threat.Intrusion
			if err := probe.Validate(); err != nil {
				ps = append(ps, fieldProblem{path: ".learned", problem: err.Error(), err: err})
			}
		}
		if e.Learned.Source != 0 {
			bad(".learned.source", "the source is given with the act")
		}
	}
	if e.Judgement != 0 && !has(fJudgement) {
		bad(".judgement", "not used by "+e.Kind.String())
	} else if e.Judgement != 0 && !e.Judgement.IsValid() {
		bad(".judgement", "unknown judgement")
	}
	if e.Reason != "" && !has(fReason) {
		bad(".reason", "not used by "+e.Kind.String())
	} else if e.Judgement != 0 && blank(e.Reason) {
		bad(".reason", "a judgement needs its reason")
	} else if e.Judgement == 0 && e.Reason != "" {
		bad(".reason", "a reason without a judgement")
	}
	if e.Status != (Status{}) && !has(fStatus) {
		bad(".status", "not used by "+e.Kind.String())
	} else {
		st := e.Status
		if st.Impact < 0 || st.Impact > 100 {
			bad(".status.impact", fmt.Sprintf("%d is not a percentage", st.Impact))
		}
		if st.ExpectedStop < 0 {
			bad(".status.expectedStop", "negative")
		}
		if st.Up&^allServices() != 0 {
			bad(".status.up", "unknown service")
		}
		if st.Changed&^allFields() != 0 {
			bad(".status.changed", "unknown report item")
		}
		if !st.Expected.IsZero() && !e.At.IsZero() && st.Expected.Before(e.At) {
			bad(".status.expected", "expected recovery before the event")
		}
	}
	return ps
}

// An eventField is a bit set of the optional fields of an Event.
type eventField uint8

const (
	fTrigger eventField = 1 << iota
	fSymptom
	fAct
	fLearned
	fJudgement
	fReason
	fStatus
)

// fields returns the fields an event of kind k may give.
func (k EventKind) fields() eventField {
	switch k {
	case FaultDetected:
		return fTrigger | fStatus | fAct
	case SymptomReported:
		return fSymptom
	case ActObserved:
		return fAct | fJudgement | fReason
	case AttributeLearned:
		return fLearned | fJudgement | fReason
	case StatusChange:
		return fStatus
	}
	return 0
}

func blank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\n' && r != '\r' && r != '　' {
			return false
		}
	}
	return true
}

func allServices() bcp.Services {
	var s bcp.Services
	for _, v := range bcp.AllServices() {
		s = s.With(v)
	}
	return s
}

func allFields() bcp.Fields {
	var s bcp.Fields
	for _, v := range bcp.AllFields() {
		s = s.With(v)
	}
	return s
}

func jstText(t time.Time) string { return t.In(jst).Format(time.RFC3339Nano) }
