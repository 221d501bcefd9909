package fault

import (
	"fmt"
	"github.com/jukiplan/jukiplan/internal/duration"
	"reflect"
	"slices"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Spec is the data form of a [Plan]: everything [NewProcedure] needs to build
// one, so that a vendor can write its own fault handling (in a plan file, for
// instance) from the same blocks as the reference plans. [Procedure.Spec] returns
// the Spec of a plan.
//
// Every part is optional: a plan that lists no symptoms, gives no
// investigation steps or has no fault-location table leaves that part empty,
// and the Plan's methods then report [ErrNotStated], as for the reference
// plans.
//
// The zero Spec names no plan and is rejected by NewProcedure. Spec holds slices:
// == is not defined; compare with go-cmp (council.Citations has an Equal
// method).
type Spec struct {
	// Plan is the plan ID every citation of the spec must cite, e.g. "ino".
	Plan string `json:"plan,omitzero"`
	// Symptoms are the symptoms the plan lists as examples of each kind,
	// each at most once ([Plan.Spec] gives them in [Symptom] order).
	Symptoms []SymptomSpec `json:"symptoms,omitempty"`
	// Investigations are the investigation steps per fault kind, in [Kind]
	// order, each kind at most once, each with at least one check.
	Investigations []Investigation `json:"investigations,omitempty"`
	// Detections are the detection triggers, in the plan's order.
	Detections []Detection `json:"detections,omitempty"`
	// Locations is the fault-location table, each location at most once
	// ([Plan.Spec] gives it in [Location] order).
	Locations []Assignment `json:"locations,omitempty"`
	// Alternatives are the alternative operations while down, in the plan's order.
	Alternatives []Fallback `json:"alternatives,omitempty"`
	// Escalation is the plan's escalation, in the plan's order.
	Escalation []EscalationSpec `json:"escalation,omitempty"`
	// Stages are the clauses of each lifecycle stage, in [Stage] order and,
	// within a stage, the row for every kind before the rows for one kind,
	// in [Kind] order.
	Stages []StageSpec `json:"stages,omitempty"`
	// IntegrityAlways says identity information is checked before every
	// resumption, not only when the fault affected it.
	IntegrityAlways bool `json:"integrityAlways,omitempty"`
	// IntegrityCitations are the clauses of the integrity check.
	IntegrityCitations council.Citations `json:"integrityCitations,omitzero"`
	// Serious are the default serious-fault thresholds; zero: the plan
	// states no serious-fault judgement.
	Serious Thresholds `json:"serious,omitzero"`
}

// A SymptomSpec says that a plan lists Symptom as an example of Kind.
//
// The zero SymptomSpec is not valid. == is not defined (Citations).
type SymptomSpec struct {
	Symptom   Symptom           `json:"symptom,omitzero"`
	Kind      Kind              `json:"kind,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// An EscalationSpec is one row of a plan's escalation: when When holds, By
// takes Action, once towards each of To (or once without addressee when To is
// empty). Note, when set, is the action in the plan's own words (the
// [Task]'s label is the engine's generic term).
//
// The zero EscalationSpec is not valid. == is not defined.
type EscalationSpec struct {
	When      Condition         `json:"when,omitzero"`
	Action    Task              `json:"action,omitzero"`
	By        council.Actor     `json:"by,omitzero"`
	To        []council.Actor   `json:"to,omitempty"`
	Note      string            `json:"note,omitempty"`
	Citations council.Citations `json:"citations,omitzero"`
}

// A StageSpec gives the clauses that put a lifecycle stage in a plan.
//
// Kind, when set, limits the row to faults of that kind: a plan that states
// each kind's duties in its own article (kumiyama: hardware 第24条, software
// 第25条, networks 第26条) cites, for a fault of one kind, only the article
// that covers it. A zero Kind is a row for every kind; a row for the fault's
// kind, when there is one, stands in its place.
//
// The zero StageSpec is not valid. == is not defined.
type StageSpec struct {
	Stage     Stage             `json:"stage,omitzero"`
	Kind      Kind              `json:"kind,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// A Condition is when a row of escalation applies, read from the
// [Facts]. The conditions are the ones the reference plans use.
//
// The zero Condition is unset and rejected by NewProcedure. Conditions are
// comparable with ==; values are only ever appended.
type Condition uint8

// Conditions.
const (
	Always              Condition = 1 + iota // every fault
	ServerFault                              // the server does not work (Situation.ServerDown)
	CauseUnknown                             // the cause is not known (Situation.CauseUnknown)
	OperationImpossible                      // operation is impossible (Situation.OperationImpossible)
	SeriousFault                             // a serious fault under the plan's thresholds
	ServerBug                                // a bug in the server
	ServerVirus                              // a virus infection in the server
	TerminalVirus                            // a virus infection in a terminal
	TerminalBug                              // a bug in a terminal's software
	TerminalHardware                         // a hardware fault of a terminal (Situation.Kind)
)

var conditionTable = enum.New[Condition]("fault", "condition", "Condition", council.ErrInvalid,
	enum.Name{EN: "always", JA: "常に"},
	enum.Name{EN: "server-fault", JA: "サーバの障害"},
	enum.Name{EN: "cause-unknown", JA: "原因不明"},
	enum.Name{EN: "operation-impossible", JA: "運用不能"},
	enum.Name{EN: "serious-fault", JA: "重大障害"},
	enum.Name{EN: "server-bug", JA: "サーバのバグ"},
	enum.Name{EN: "server-virus", JA: "サーバのウイルス感染"},
	enum.Name{EN: "terminal-virus", JA: "端末のウイルス感染"},
	enum.Name{EN: "terminal-bug", JA: "端末のバグ"},
	enum.Name{EN: "terminal-hardware", JA: "端末のハードウェアの障害"},
)

// conditionFuncs maps each Condition to its predicate; indexed by Condition.
var conditionFuncs = [...]condition{
	Always: always, ServerFault: serverFault, CauseUnknown: causeUnknown,
	OperationImpossible: opImpossible, SeriousFault: seriousFault,
	ServerBug: serverBug, ServerVirus: serverVirus, TerminalVirus: terminalVirus,
	TerminalBug: terminalBug, TerminalHardware: terminalHardware,
}

// AllConditions returns every valid Condition in ascending order, in a fresh slice.
func AllConditions() []Condition { return conditionTable.Values() }

// ParseCondition returns the Condition named by s: its English name or
// Japanese label. Anything else is an error wrapping [council.ErrInvalid].
func ParseCondition(s string) (Condition, error) { return conditionTable.Parse(s) }

// IsValid reports whether x is a defined condition.
func (x Condition) IsValid() bool { return conditionTable.Valid(x) }

// Compare orders Condition values by value; it suits slices.SortFunc.
func (x Condition) Compare(o Condition) int { return int(x) - int(o) }

// String returns the English name, e.g. "serious-fault".
func (x Condition) String() string { return conditionTable.String(x) }

// Label returns the Japanese label, e.g. "重大障害".
func (x Condition) Label() string { return conditionTable.Label(x) }

// AppendText implements [encoding.TextAppender]; an invalid Condition is an error.
func (x Condition) AppendText(b []byte) ([]byte, error) { return conditionTable.AppendText(b, x) }

// MarshalText implements [encoding.TextMarshaler].
func (x Condition) MarshalText() ([]byte, error) { return conditionTable.AppendText(nil, x) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label and leaves x unchanged on error.
func (x *Condition) UnmarshalText(text []byte) error { return conditionTable.Unmarshal(text, x) }

func conditionOf(c condition) Condition {
	p := reflect.ValueOf(c).Pointer()
	for i, f := range conditionFuncs {
		if f != nil && reflect.ValueOf(f).Pointer() == p {
			return Condition(i)
		}
	}
	return 0
}

// Spec returns the data form of p, fresh: no slice is shared with p. The zero
// Plan has the zero Spec. Thresholds set with [Procedure.WithThresholds] are
// reported in Serious.
func (p Procedure) Spec() Spec {
	r := p.ref
	if r == nil {
		return Spec{}
	}
	s := Spec{Plan: r.id, IntegrityAlways: r.integrityAlways, IntegrityCitations: r.integrityCites}
	for i, x := range r.symptoms {
		if x.kind != 0 {
			s.Symptoms = append(s.Symptoms, SymptomSpec{Symptom: Symptom(i), Kind: x.kind, Citations: x.cites})
		}
	}
	for i, x := range r.checks {
		if len(x.checks) > 0 {
			s.Investigations = append(s.Investigations, Investigation{Kind: Kind(i), Probes: slices.Clone(x.checks), By: x.by, Cites: x.cites})
		}
	}
	for _, d := range r.triggers {
		d.By = slices.Clone(d.By)
		s.Detections = append(s.Detections, d)
	}
	for _, a := range r.locations {
		if a.Responder != 0 {
			s.Locations = append(s.Locations, a)
		}
	}
	s.Alternatives = slices.Clone(r.alternatives)
	for _, e := range r.escalation {
		s.Escalation = append(s.Escalation, EscalationSpec{When: conditionOf(e.when), Action: e.action, By: e.by, To: slices.Clone(e.to), Note: e.note, Citations: e.cites})
	}
	s.Stages = slices.Clone(r.stages)
	if r.serious.Long > 0 {
		s.Serious = Thresholds{Long: p.long, Heavy: p.heavy, Cites: r.serious.Cites}
	}
	return s
}

// NewProcedure builds a Plan from spec, checking it: a plan ID, valid enum values,
// each symptom, kind, location and stage at most once, investigations with
// checks and someone to carry them out, escalation rows with a valid actor,
// thresholds either zero or complete (Long positive, Heavy 1-100), and every
// citation present where a rule needs one and of the spec's plan. Every
// problem is reported (errors.Join), each wrapping [council.ErrInvalid].
//
// NewProcedure copies what it keeps: NewProcedure(p.Spec()) gives a plan with the same
// rules and the same Spec as p.
func NewProcedure(spec Spec) (Procedure, error) {
	if err := spec.Validate(); err != nil {
		return Procedure{}, err
	}
	r := &reference{
		id:              spec.Plan,
		symptoms:        make([]symptomRule, enum.MaxValue+1), // a plan declares its own past the named ones
		checks:          make([]checkRule, kindTable.Len()+1),
		stages:          sortedStages(spec.Stages),
		integrityAlways: spec.IntegrityAlways,
		integrityCites:  spec.IntegrityCitations,
		serious:         spec.Serious,
	}
	for _, x := range spec.Symptoms {
		r.symptoms[x.Symptom] = symptomRule{kind: x.Kind, cites: x.Citations}
	}
	for _, x := range spec.Investigations {
		r.checks[x.Kind] = checkRule{checks: slices.Clone(x.Probes), by: x.By, cites: x.Cites}
	}
	for _, d := range spec.Detections {
		d.By = slices.Clone(d.By)
		r.triggers = append(r.triggers, d)
	}
	if len(spec.Locations) > 0 {
		r.locations = make([]Assignment, enum.MaxValue+1)
		for _, a := range spec.Locations {
			r.locations[a.Location] = a
		}
	}
	r.alternatives = slices.Clone(spec.Alternatives)
	for _, e := range spec.Escalation {
		r.escalation = append(r.escalation, escalationRule{when: conditionFuncs[e.When], action: e.Action, by: e.By, to: slices.Clone(e.To), note: e.Note, cites: e.Citations})
	}
	return fresh(r), nil
}

// Validate reports every problem of s (see [NewProcedure]) at once, each error
// naming the part and index and wrapping [council.ErrInvalid].
func (s Spec) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("fault: spec: "+format+": %w", append(args, council.ErrInvalid)...))
	}
	if council.Cite(s.Plan, "x") == (council.Citation{}) {
		bad("plan %s: want a plan ID", problem.Value(s.Plan))
		return problem.Join(errs...)
	}
	cites := func(where string, cs council.Citations, required bool) {
		if required && cs.Len() == 0 {
			bad("%s: no citation", where)
		}
		for _, c := range cs.All() {
			if c.Plan() != s.Plan {
				bad("%s: citation %s is not of plan %s", where, problem.Short(c.String()), problem.Value(s.Plan))
			}
		}
	}
	seenSym := map[Symptom]bool{}
	for i, x := range s.Symptoms {
		w := fmt.Sprintf("symptoms[%d]", i)
		if !x.Symptom.IsValid() || !x.Kind.IsValid() {
			bad("%s: symptom %d, kind %d", w, x.Symptom, x.Kind)
		}
		if seenSym[x.Symptom] {
			bad("%s: symptom %s listed twice", w, x.Symptom)
		}
		seenSym[x.Symptom] = true
		cites(w, x.Citations, true)
	}
	seenKind := map[Kind]bool{}
	for i, x := range s.Investigations {
		w := fmt.Sprintf("investigations[%d]", i)
		if !x.Kind.IsValid() {
			bad("%s: kind %d", w, x.Kind)
		}
		if seenKind[x.Kind] {
			bad("%s: kind %s listed twice", w, x.Kind)
		}
		seenKind[x.Kind] = true
		if len(x.Probes) == 0 {
			bad("%s: no checks", w)
		}
		for j, c := range x.Probes {
			if !c.IsValid() {
				bad("%s: checks[%d]: %d", w, j, c)
			}
		}
		if x.By == 0 {
			bad("%s: nobody carries out the checks", w)
		}
		cites(w, x.Cites, true)
	}
	for i, d := range s.Detections {
		w := fmt.Sprintf("detections[%d]", i)
		if !d.Signal.IsValid() {
			bad("%s: trigger %d", w, d.Signal)
		}
		for j, a := range d.By {
			if !a.IsValid() {
				bad("%s: by[%d]: invalid actor", w, j)
			}
		}
		cites(w, d.Cites, true)
	}
	seenLoc := map[Location]bool{}
	for i, a := range s.Locations {
		w := fmt.Sprintf("locations[%d]", i)
		if !a.Location.IsValid() || !a.Responder.IsValid() {
			bad("%s: location %d, responder %d", w, a.Location, a.Responder)
		}
		if seenLoc[a.Location] {
			bad("%s: location %s listed twice", w, a.Location)
		}
		seenLoc[a.Location] = true
		cites(w, a.Cites, true)
	}
	for i, f := range s.Alternatives {
		w := fmt.Sprintf("alternatives[%d]", i)
		if !f.Alternative.IsValid() {
			bad("%s: alternative %d", w, f.Alternative)
		}
		if f.Kind != 0 && !f.Kind.IsValid() {
			bad("%s: kind %d", w, f.Kind)
		}
		if f.When != 0 && (!f.When.IsValid() || int(f.When) >= len(conditionFuncs)) {
			bad("%s: when %d", w, f.When)
		}
		cites(w, f.Cites, true)
	}
	for i, e := range s.Escalation {
		w := fmt.Sprintf("escalation[%d]", i)
		if !e.When.IsValid() || int(e.When) >= len(conditionFuncs) || !e.Action.IsValid() || !e.By.IsValid() {
			bad("%s: when %d, action %d or by invalid", w, e.When, e.Action)
		}
		for j, a := range e.To {
			if !a.IsValid() {
				bad("%s: to[%d]: invalid actor", w, j)
			}
		}
		cites(w, e.Citations, true)
	}
	type stageKind struct {
		s Stage
		k Kind
	}
	seenStage := map[stageKind]bool{}
	for i, x := range s.Stages {
		w := fmt.Sprintf("stages[%d]", i)
		if !x.Stage.IsValid() {
			bad("%s: stage %d", w, x.Stage)
		}
		if x.Kind != 0 && !x.Kind.IsValid() {
			bad("%s: kind %d", w, x.Kind)
		}
		switch {
		case !seenStage[stageKind{x.Stage, x.Kind}]:
		case x.Kind == 0:
			bad("%s: stage %s listed twice", w, x.Stage)
		default:
			bad("%s: stage %s listed twice for a %s fault", w, x.Stage, x.Kind)
		}
		seenStage[stageKind{x.Stage, x.Kind}] = true
		cites(w, x.Citations, true)
	}
	cites("integrityCitations", s.IntegrityCitations, false)
	if t := s.Serious; t.Long != 0 || t.Heavy != 0 || t.Cites.Len() != 0 {
		if t.Long <= 0 || t.Heavy < 1 || t.Heavy > 100 {
			bad("serious: long %s, heavy %d: want a positive duration and a percentage from 1 to 100", duration.Format(t.Long), t.Heavy)
		}
		cites("serious", t.Cites, true)
	}
	return problem.Join(errs...)
}
