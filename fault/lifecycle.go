package fault

import (
	"fmt"
	"iter"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Fault is one fault being handled under a plan: where it is in the
// lifecycle, what is known about it, and which steps it has been through.
//
//	detected → identified (kind, location) → investigated → escalated (when
//	serious) → maintained (when needed) → integrity checked (when required) →
//	resumed → recurrence prevented (outside the plans' scope, tracked)
//
// A Fault is a value: every transition method returns the new Fault and leaves
// its receiver alone, and a rejected transition returns the receiver unchanged
// with a [*TransitionError] that names the missing step. Transitions do not
// allocate when they succeed. A Fault is safe to share between goroutines.
//
// The zero Fault is no fault: start one with [Procedure.Open]. Faults are
// comparable with ==.
type Fault struct {
	plan             Procedure
	stage            Stage
	done             Stages
	kind             Kind
	location         Location
	serious          bool
	identityAffected bool
	work             Work
	alternatives     Alternatives
}

// Open returns a Fault at [Detected] under p. It fails only for the zero Plan.
func (p Procedure) Open() (Fault, error) {
	if p.ref == nil {
		return Fault{}, errZeroPlan
	}
	return Fault{plan: p, stage: Detected, done: Stages(0).With(Detected)}, nil
}

// Findings are the results of the root-cause investigation that decide the
// rest of the lifecycle.
//
// The zero Findings is a fault that is not serious and did not affect identity
// information. Findings are comparable with ==.
type Findings struct {
	// Serious: the fault is serious, e.g. as judged by [Plan.Serious]; it must
	// then be escalated before maintenance or resumption.
	Serious bool `json:"serious"`
	// IdentityAffected: the fault affected identity information (本人確認情報に
	// 影響する障害, tottori 第2-6), so its integrity must be checked before
	// resuming under every plan.
	IdentityAffected bool `json:"identityAffected"`
}

// Procedure returns the plan the fault is handled under.
func (f Fault) Procedure() Procedure { return f.plan }

// Stage returns the latest step taken, or zero for the zero Fault.
func (f Fault) Stage() Stage { return f.stage }

// Done returns every step taken so far.
func (f Fault) Done() Stages { return f.done }

// Kind returns the fault's kind once identified, else zero.
func (f Fault) Kind() Kind { return f.kind }

// Location returns the fault's location once identified, else zero (also
// when it was identified without one).
func (f Fault) Location() Location { return f.location }

// Serious reports whether the investigation found the fault serious.
func (f Fault) Serious() bool { return f.serious }

// IdentityAffected reports whether the investigation found that the fault
// affected identity information.
func (f Fault) IdentityAffected() bool { return f.identityAffected }

// Work returns the maintenance work done, or zero.
func (f Fault) Work() Work { return f.work }

// Alternatives returns the alternative operations started while down.
func (f Fault) Alternatives() Alternatives { return f.alternatives }

// IntegrityRequired reports whether the fault's plan requires the integrity
// check before resuming: always under ino and kumamoto (and, as the library's
// conservative extension, kumiyama), under tottori only when identity
// information was affected.
func (f Fault) IntegrityRequired() bool {
	req, _ := f.plan.IntegrityCheck(f.identityAffected)
	return req
}

// Cites returns the clauses of the fault's plan for its current stage and,
// once identified, its kind ([Procedure.Stage]); empty where the plan states
// nothing for that stage (e.g. tottori on recurrence prevention, tracked as
// the library's extension, or kumiyama on a hardware fault's resumption). It
// does not allocate.
func (f Fault) Cites() council.Citations {
	if f.plan.ref == nil {
		return council.Citations{}
	}
	return f.plan.ref.step(f.kind, f.stage).Citations
}

// Next returns the stages the fault may move to now.
func (f Fault) Next() Stages {
	var s Stages
	for to := range stageTable.All() {
		if _, ok := f.check(to); ok {
			s = s.With(to)
		}
	}
	return s
}

// Identify records the fault's kind and, when known, its location (ino 第2条,
// kumamoto 4(2) 障害の特定, tottori 第2-3). Locations are the values of the
// plan's fault-location table, which the plan declares ([Location]); a zero
// l leaves the location unknown, as under a plan that has no such table.
func (f Fault) Identify(k Kind, l Location) (Fault, error) {
	if !k.IsValid() || (l != 0 && !l.IsValid()) {
		return f, &TransitionError{From: f.stage, To: Identified, Plan: f.plan.ID(),
			Reason: fmt.Sprintf("kind %s must be set and location %s zero or valid", k, l), err: council.ErrInvalid}
	}
	if e, ok := f.check(Identified); !ok {
		return f, e.ptr()
	}
	f.kind, f.location = k, l
	return f.moveTo(Identified), nil
}

// Investigate records the findings of the root-cause investigation (ino 第3条,
// kumamoto 4(2) 原因の究明, tottori 第2-3). A serious finding under a plan that
// states no serious-fault judgement (kumamoto, kumiyama) is an error wrapping
// [ErrNotStated]: such a plan defers serious faults to a separate emergency
// plan.
func (f Fault) Investigate(x Findings) (Fault, error) {
	if x.Serious && f.plan.ref != nil && f.plan.ref.serious.Long == 0 {
		return f, &TransitionError{From: f.stage, To: Investigated, Plan: f.plan.ID(),
			Reason: "the plan states no serious-fault handling", err: ErrNotStated}
	}
	if e, ok := f.check(Investigated); !ok {
		return f, e.ptr()
	}
	f.serious, f.identityAffected = x.Serious, x.IdentityAffected
	return f.moveTo(Investigated), nil
}

// Escalate records that a serious fault went to the security chief, who
// convenes the council (ino 第4-5条, tottori 第2-4). Only a serious fault is
// escalated.
func (f Fault) Escalate() (Fault, error) { return f.advance(Escalated) }

// Maintain records maintenance work: repair, restore or replace (ino 第6条,
// kumamoto 4(2) 保守作業の実施, tottori 第2-5). The plans ask for it as
// needed, so it may be skipped.
func (f Fault) Maintain(w Work) (Fault, error) {
	if !w.IsValid() {
		return f, &TransitionError{From: f.stage, To: Maintained, Plan: f.plan.ID(),
			Reason: fmt.Sprintf("work %s must be set", w), err: council.ErrInvalid}
	}
	if e, ok := f.check(Maintained); !ok {
		return f, e.ptr()
	}
	f.work = w
	return f.moveTo(Maintained), nil
}

// CheckIntegrity records that the integrity of identity information was
// checked, and restored where needed (ino 第7条, kumamoto 4(2) 運用の再開,
// tottori 第2-6 with the national center and municipalities).
func (f Fault) CheckIntegrity() (Fault, error) { return f.advance(IntegrityChecked) }

// Resume records that operation resumed (ino 第7条, kumamoto 4(2), tottori
// 第2-6). It is refused until every required step is done; no alternative
// operation may start after it.
func (f Fault) Resume() (Fault, error) {
	return f.advance(Resumed)
}

// PreventRecurrence records recurrence-prevention measures (ino 第8条, outside
// the plan's scope; kumamoto 5), after resumption.
func (f Fault) PreventRecurrence() (Fault, error) { return f.advance(RecurrencePrevented) }

// StartAlternative records an alternative operation the plan lists, started
// while the system is down (from detection until resumption). An alternative
// the plan lists for one kind of fault only ([Fallback].Kind) needs the fault
// identified as that kind, and one it takes only on a serious fault
// ([Fallback].When, ino 第5条) needs the fault judged serious.
func (f Fault) StartAlternative(a Alternative) (Fault, error) {
	if f.plan.ref == nil || f.stage == 0 {
		return f, &TransitionError{From: f.stage, Plan: f.plan.ID(), Missing: Detected, Reason: "no fault detected", err: ErrTransition}
	}
	if !a.IsValid() {
		return f, &TransitionError{From: f.stage, Plan: f.plan.ID(), Reason: fmt.Sprintf("alternative %s must be set", a), err: council.ErrInvalid}
	}
	fb, applies, listed := f.plan.fallback(a, f.kind)
	switch {
	case !listed:
		return f, &TransitionError{From: f.stage, Plan: f.plan.ID(), Reason: fmt.Sprintf("the plan does not list alternative %s", a), err: ErrUnlisted}
	case !applies && f.kind == 0:
		return f, &TransitionError{From: f.stage, Plan: f.plan.ID(), Missing: Identified, Cites: fb.Cites,
			Reason: fmt.Sprintf("the plan lists alternative %s for %s faults only, and the fault's kind is not known", a, fb.Kind), err: ErrUnlisted}
	case !applies:
		return f, &TransitionError{From: f.stage, Plan: f.plan.ID(), Cites: fb.Cites,
			Reason: fmt.Sprintf("the plan lists alternative %s for %s faults only, not %s", a, fb.Kind, f.kind), err: ErrUnlisted}
	}
	if fb.When == SeriousFault && !f.serious {
		// ino 第5条: the nearby municipality is the council's decision, and
		// the council meets on a serious fault (第4条). The other conditions
		// depend on facts a Fault does not hold; [Plan.AlternativesIn] checks
		// them against a Situation.
		return f, &TransitionError{From: f.stage, Plan: f.plan.ID(), Missing: Escalated, Cites: fb.Cites,
			Reason: fmt.Sprintf("the plan takes alternative %s only on a serious fault, and the fault is not judged serious", a), err: ErrTransition}
	}
	if f.done.Has(Resumed) {
		return f, &TransitionError{From: f.stage, Plan: f.plan.ID(), Reason: "operation has resumed: alternatives are for while the system is down", err: ErrTransition}
	}
	f.alternatives = f.alternatives.With(a)
	return f, nil
}

// advance moves f to stage to, or returns f unchanged with the reason it may
// not.
func (f Fault) advance(to Stage) (Fault, error) {
	if e, ok := f.check(to); !ok {
		return f, e.ptr()
	}
	return f.moveTo(to), nil
}

func (f Fault) moveTo(to Stage) Fault {
	f.stage = to
	f.done = f.done.With(to)
	return f
}

// check reports whether f may move to stage to, or why not.
func (f Fault) check(to Stage) (TransitionError, bool) {
	e := TransitionError{From: f.stage, To: to, Plan: f.plan.ID(), err: ErrTransition}
	switch {
	case f.plan.ref == nil || f.stage == 0:
		e.Missing, e.Reason = Detected, "no fault detected"
		return e, false
	case to.Compare(f.stage) <= 0:
		e.Reason = "already at or past " + to.String()
		return e, false
	case to == Escalated && !f.serious:
		e.Reason = "only a serious fault is escalated"
		e.Cites = f.plan.ref.serious.Cites
		return e, false
	}
	for s := Detected; s < to; s++ {
		if f.required(s) && !f.done.Has(s) {
			e.Missing = s
			e.Cites = f.plan.ref.step(f.kind, s).Citations
			if s == IntegrityChecked {
				e.Cites = f.plan.ref.integrityCites
				if e.Cites.Len() == 0 {
					e.Reason = "the plan states no integrity check; the library requires one before resuming (its own conservative extension)"
				}
			}
			return e, false
		}
	}
	return TransitionError{}, true
}

// required reports whether step s must be done before any later step.
func (f Fault) required(s Stage) bool {
	switch s {
	case Detected, Identified, Investigated, Resumed:
		return true
	case Escalated:
		return f.serious
	case IntegrityChecked:
		return f.IntegrityRequired()
	}
	return false // Maintained: as needed
}

// A TransitionError is a lifecycle transition that was refused. It wraps
// [ErrTransition], or [council.ErrInvalid] for an unset argument, or
// [ErrNotStated]/[ErrUnlisted] for what the plan does not provide. Missing
// names the step that must come first, when one is missing.
//
// Use it through a pointer, as an error; the zero TransitionError is not
// returned by the package. == is not defined (Cites is a list).
type TransitionError struct {
	Plan    string            `json:"plan"`
	From    Stage             `json:"from,omitzero"`
	To      Stage             `json:"to,omitzero"`      // zero for StartAlternative
	Missing Stage             `json:"missing,omitzero"` // the step that must come first, when one is missing
	Reason  string            `json:"reason"`
	Cites   council.Citations `json:"cites,omitzero"` // the clauses that require the missing step
	err     error
}

func (e *TransitionError) Error() string {
	var b strings.Builder
	b.WriteString("fault: ")
	if e.Plan != "" {
		b.WriteString(e.Plan + ": ")
	}
	if e.To != 0 {
		fmt.Fprintf(&b, "cannot move from %s to %s", e.From, e.To)
	} else {
		fmt.Fprintf(&b, "at %s: cannot start an alternative", e.From)
	}
	if e.Missing != 0 {
		fmt.Fprintf(&b, ": missing step %s", e.Missing)
	}
	if e.Reason != "" {
		b.WriteString(": " + e.Reason)
	}
	if e.Cites.Len() > 0 {
		b.WriteString(" (" + e.Cites.String() + ")")
	}
	return b.String()
}

// ptr returns a heap copy of e, so that only refused transitions allocate.
func (e TransitionError) ptr() *TransitionError { return &e }

// Unwrap returns the sentinel the error wraps.
func (e *TransitionError) Unwrap() error { return e.err }

// Stages is a set of stages as a bitset: comparable with ==, zero-allocation,
// iterated in lifecycle order. The zero Stages is empty.
type Stages uint16

// Has reports whether s is in the set.
func (ss Stages) Has(s Stage) bool { return s.IsValid() && uint64(ss)&enum.Bit(s) != 0 }

// With returns the set with s added; an invalid s leaves it unchanged.
func (ss Stages) With(s Stage) Stages {
	if !s.IsValid() {
		return ss
	}
	return ss | Stages(enum.Bit(s))
}

// Len is the number of stages in the set.
func (ss Stages) Len() int { return enum.Count(uint64(ss)) }

// All yields the stages in lifecycle order.
func (ss Stages) All() iter.Seq[Stage] { return enum.Members[Stage](uint64(ss)) }

// String lists the stages' English names, e.g. "{detected identified}".
func (ss Stages) String() string { return setString(ss.All()) }

// Alternatives is a set of alternative operations as a bitset: comparable
// with ==, zero-allocation, iterated in ascending order. The zero
// Alternatives is empty.
type Alternatives uint16

// Has reports whether a is in the set.
func (as Alternatives) Has(a Alternative) bool { return a.IsValid() && uint64(as)&enum.Bit(a) != 0 }

// With returns the set with a added; an invalid a leaves it unchanged.
func (as Alternatives) With(a Alternative) Alternatives {
	if !a.IsValid() {
		return as
	}
	return as | Alternatives(enum.Bit(a))
}

// Len is the number of alternatives in the set.
func (as Alternatives) Len() int { return enum.Count(uint64(as)) }

// All yields the alternatives in ascending order.
func (as Alternatives) All() iter.Seq[Alternative] { return enum.Members[Alternative](uint64(as)) }

// String lists the alternatives' English names.
func (as Alternatives) String() string { return setString(as.All()) }

func setString[E fmt.Stringer](seq iter.Seq[E]) string {
	var b strings.Builder
	b.WriteByte('{')
	for x := range seq {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(x.String())
	}
	b.WriteByte('}')
	return b.String()
}
