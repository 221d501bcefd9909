package threat

import (
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Grading is the outcome of grading one event under one scheme: the level
// (or, on the serious scale, the judgement), the example row that matched, and
// the clauses it rests on. A manual judgement is marked Manual and carries its
// Reason; everything derived from it ([Respond]) carries it on.
//
// The zero Grading is "not graded" and is rejected by [Respond]. Gradings are
// not comparable with == (they hold citations); compare fields.
type Grading struct {
	Plan      string            `json:"plan"`              // the scheme's plan ID
	Event     Event             `json:"event"`             // the event graded
	Level     Level             `json:"level,omitzero"`    // the level; zero on the serious scale
	Serious   bool              `json:"serious"`           // a serious unauthorized act: level ≥ the scheme's SeriousFrom, or judged so
	Manual    bool              `json:"manual"`            // judged by a person, not by the table
	Example   string            `json:"example,omitempty"` // the matching example row; empty for a manual judgement
	Reason    string            `json:"reason,omitempty"`  // why, for a manual judgement
	Citations council.Citations `json:"citations"`         // the clauses the outcome rests on
}

// A NotCoveredError reports an event the scheme does not grade. It wraps
// [ErrNotCovered]; the zero value reports nothing useful and is never
// returned. [Grade], [Decide] and [Provisional] return an error that
// errors.As turns into a *NotCoveredError (a fresh one on every call), so
// that most ungraded events cost no allocation.
type NotCoveredError struct {
	Plan  string `json:"plan"`
	Event Event  `json:"event,omitzero"`
	// Rule is the text of the rule that marks the event not covered, or ""
	// when the scheme has no table (the serious scale).
	Rule      string            `json:"rule"`
	Citations council.Citations `json:"citations,omitzero"` // the clauses of the mark, or the judgement clause
}

func (e *NotCoveredError) Error() string {
	if e.Rule == "" {
		return fmt.Sprintf("threat: %s: %s: the plan has no threat levels; record a judgement with JudgeSerious (%s): %v",
			e.Plan, e.Event, e.Citations, ErrNotCovered)
	}
	return fmt.Sprintf("threat: %s: %s: not covered (%s; %s); record a manual judgement with Judge: %v",
		e.Plan, e.Event, e.Rule, e.Citations, ErrNotCovered)
}

// Unwrap returns [ErrNotCovered].
func (e *NotCoveredError) Unwrap() error { return ErrNotCovered }

// An IncompleteError reports an event whose graded attributes the scheme
// needs but the event leaves unknown. It wraps [ErrIncomplete]; the zero value
// is never returned.
type IncompleteError struct {
	Plan    string     `json:"plan"`
	Event   Event      `json:"event,omitzero"`
	Unknown Attributes `json:"unknown,omitzero"` // the attributes the scheme reads for the kind that the event leaves unknown
}

func (e *IncompleteError) Error() string {
	return fmt.Sprintf("threat: %s: %s: %s unknown; grade it provisionally until known: %v",
		e.Plan, e.Event, e.Unknown, ErrIncomplete)
}

// Unwrap returns [ErrIncomplete].
func (e *IncompleteError) Unwrap() error { return ErrIncomplete }

var errNoScheme = fmt.Errorf("threat: nil or zero scheme: %w", council.ErrInvalid)

func usable(s *Scheme) error {
	if s == nil || !s.scale.IsValid() {
		return errNoScheme
	}
	return nil
}

// Grade grades e under scheme s by its decision table: the level, the matching
// example row and the citations (the rule's, plus the SeriousFrom clauses when
// the level is serious). It never guesses:
//
//   - an event the table marks not covered, or any event on the serious
//     scale, is a [*NotCoveredError] for errors.As (errors.Is(err,
//     [ErrNotCovered]));
//   - an event that leaves unknown an attribute the scheme reads for its kind
//     is an [*IncompleteError] ([ErrIncomplete]): use [Provisional];
//   - an invalid event or scheme is an error wrapping council.ErrInvalid.
//
// Grade does not allocate when it succeeds. Its error for an event the table
// marks not covered costs no allocation either (the scheme prepares it),
// unless the event states an attribute its kind is not graded on and is of a
// kind the plan declares or states a declared attribute (then one of 16
// bytes).
func Grade(s *Scheme, e Event) (g Grading, err error) {
	// Small enough for the compiler to inline (see Decide).
	t, err := s.decision(&e)
	if t != nil {
		g = t.Grading
		g.Event = e
	}
	return
}

// decision returns the decision of the table for e, with Grading.Event left
// zero, or the error Grade reports. It takes the event by pointer: an Event
// (more than four fields) is never kept in registers, and passed by value it
// is stored to decision's frame and loaded back on every call. Decide's cost
// is at the inlining budget (80) with it: see go build -gcflags=-m=2.
func (s *Scheme) decision(e *Event) (*Response, error) {
	k, p, f, v, src := e.Kind, e.Place, e.Firewall, e.Severity, e.Source
	vals := e.Declared
	if s != nil {
		if ci, ok := cellOf(k, p, f, v, src); ok {
			if t := s.graded[ci]; t != nil {
				return t, nil
			}
			if i := s.partial[ci]; i != 0 && vals == 0 { // an event of a levelled scheme its table does not grade
				return nil, s.gradeError(&s.outcomes[i-1], ci, k, p, f, v, src)
			}
		} else if j := int(k) - numKinds - 1; j >= 0 && j < len(s.declared.off) &&
			int(p) <= numPlaces && int(f) <= numFirewalls && int(v) <= numSeverities && int(src) <= numSources {
			// declaredCell, written out: a call would spill the event.
			if ci := s.declared.off[j].cell(vals); uint(ci) < uint(len(s.declared.graded)) {
				if t := s.declared.graded[ci]; t != nil {
					return t, nil
				}
				if i := s.declared.partial[ci]; i != 0 && s.scale == ScaleLevels {
					// ungradedEvent's answer, from the cell already found.
					return nil, s.outcomes[i-1].ungradedEvent(s.plan, e)
				}
			}
		}
	}
	if vals != 0 || k.IsDeclared() {
		return nil, s.ungradedEvent(e)
	}
	return nil, s.ungraded(k, p, f, v, src)
}

// ungraded returns the error Grade reports for the event with these fields,
// which its tables do not grade. It takes the fields one by one (see cellOf).
func (s *Scheme) ungraded(k ActKind, p Place, f Firewall, v Seriousness, src Source) error {
	if err := usable(s); err != nil {
		return err
	}
	ci, ok := cellOf(k, p, f, v, src)
	if !ok {
		return s.invalidEvent(Event{Kind: k, Place: p, Firewall: f, Severity: v, Source: src})
	}
	if s.scale != ScaleLevels {
		return s.judgedError(k, p, f, v, src)
	}
	i := s.partial[ci]
	if i == 0 {
		return errNoScheme
	}
	return s.gradeError(&s.outcomes[i-1], ci, k, p, f, v, src)
}

// invalidEvent explains why e has no cell.
func (s *Scheme) invalidEvent(e Event) error {
	if err := e.problems("threat: " + s.plan + ": event"); err != nil {
		return err
	}
	// Unreachable while the cell geometry matches the enumerations
	// (TestDenseGeometry).
	return fmt.Errorf("threat: %s: event %s is outside the scheme's table: %w", s.plan, e, council.ErrInvalid)
}

// Judge records a person's judgement that e is at level l under scheme s, with
// the reason: for an event the table does not cover, or to overrule it. The
// result is marked Manual, carries the reason, and cites the scheme's
// judgement clause (and its SeriousFrom clauses when l is serious). Only for
// schemes on [ScaleLevels]; the reason must not be blank.
func Judge(s *Scheme, e Event, l Level, reason string) (Grading, error) {
	if err := usable(s); err != nil {
		return Grading{}, err
	}
	if err := checkJudgement(s, e, reason); err != nil {
		return Grading{}, err
	}
	if s.scale != ScaleLevels {
		return Grading{}, fmt.Errorf("threat: %s: the plan has no threat levels; use JudgeSerious: %w", s.plan, council.ErrInvalid)
	}
	if !l.IsValid() {
		return Grading{}, fmt.Errorf("threat: %s: judgement: level %s is not valid: %w", s.plan, l, council.ErrInvalid)
	}
	g := Grading{Plan: s.plan, Event: e, Level: l, Serious: l >= s.seriousFrom, Manual: true, Reason: reason, Citations: s.judgement}
	if g.Serious {
		g.Citations = s.judgement.Join(s.seriousCites)
	}
	return g, nil
}

// JudgeSerious records a person's judgement of whether e poses a serious
// threat, with the reason: the only grading a scheme on [ScaleSerious] has
// (ino:第11条: the system administrator or the identity information manager
// judges it). The result is marked Manual and cites the judgement clause.
func JudgeSerious(s *Scheme, e Event, serious bool, reason string) (Grading, error) {
	if err := usable(s); err != nil {
		return Grading{}, err
	}
	if err := checkJudgement(s, e, reason); err != nil {
		return Grading{}, err
	}
	if s.scale != ScaleSerious {
		return Grading{}, fmt.Errorf("threat: %s: the plan grades in levels; use Judge: %w", s.plan, council.ErrInvalid)
	}
	return Grading{Plan: s.plan, Event: e, Serious: serious, Manual: true, Reason: reason, Citations: s.judgement}, nil
}

func checkJudgement(s *Scheme, e Event, reason string) error {
	var errs []error
	if err := e.problems("threat: " + s.plan + ": judgement: event"); err != nil {
		errs = append(errs, err)
	}
	if strings.TrimSpace(reason) == "" {
		errs = append(errs, fmt.Errorf("threat: %s: judgement: no reason given: %w", s.plan, ErrMissing))
	}
	return problem.Join(errs...)
}

// A Range is the outcome of grading an event some of whose attributes are
// still unknown: the lowest and highest level over every way the unknowns
// could turn out that the scheme covers. Precautions follow Max ("likely
// level 3", tottori:第3-4(2)); the final response waits for the confirmed
// level.
//
// The zero Range is "not graded". Ranges are not comparable with ==.
type Range struct {
	Plan    string     `json:"plan"`
	Event   Event      `json:"event"`
	Min     Level      `json:"min"`
	Max     Level      `json:"max"`
	Unknown Attributes `json:"unknown"` // the attributes the scheme reads for the kind that the event leaves unknown
	// Uncovered reports that some completion of the unknowns is not covered
	// by the scheme: the level may end up needing a manual judgement.
	Uncovered bool              `json:"uncovered"`
	Citations council.Citations `json:"citations"` // the rules that some completion matches, in table order
}

// Confirmed reports whether the range is a single level with nothing left
// uncovered: the level is known.
func (r Range) Confirmed() bool { return r.Min.IsValid() && r.Min == r.Max && !r.Uncovered }

// Contains reports whether l lies in the range.
func (r Range) Contains(l Level) bool { return l.IsValid() && r.Min <= l && l <= r.Max }

// Provisional grades e under scheme s while some of its attributes may be
// unknown: the range of levels over every completion of the unknown attributes
// the scheme reads. A fully known event gives a single-level range. When no
// completion is covered it reports a [*NotCoveredError]; on the serious scale
// too. It does not allocate when it succeeds, and allocates like [Grade]
// otherwise.
func Provisional(s *Scheme, e Event) (r Range, err error) {
	k, p, f, v, src := e.Kind, e.Place, e.Firewall, e.Severity, e.Source
	if e.Declared != 0 || k.IsDeclared() {
		return s.provisionalEvent(e)
	}
	if s != nil && s.scale == ScaleLevels {
		if ci, ok := cellOf(k, p, f, v, src); ok {
			if i := s.partial[ci]; i != 0 {
				o := &s.outcomes[i-1]
				if o.rng.Max == 0 {
					return Range{}, s.notCoveredAt(o, ci, k, p, f, v, src)
				}
				r = o.rng
				setEvent(&r.Event, k, p, f, v, src)
				return r, nil
			}
		}
	}
	if err := usable(s); err != nil {
		return Range{}, err
	}
	if _, ok := cellOf(k, p, f, v, src); !ok {
		return Range{}, s.invalidEvent(e)
	}
	if s.scale != ScaleLevels {
		return Range{}, s.judgedError(k, p, f, v, src)
	}
	return Range{}, errNoScheme
}

// provisionalEvent is Provisional for an event of a declared kind or that
// states a declared attribute.
func (s *Scheme) provisionalEvent(e Event) (Range, error) {
	if s != nil && s.scale == ScaleLevels {
		if ci, ok := s.declaredCell(e.Kind, e.Place, e.Firewall, e.Severity, e.Source, e.Declared); ok {
			o := &s.outcomes[s.declared.partial[ci]-1]
			if o.rng.Max == 0 {
				return Range{}, o.notCoveredEvent(&e)
			}
			r := o.rng
			r.Event = e
			return r, nil
		}
	}
	if err := usable(s); err != nil {
		return Range{}, err
	}
	if err := e.problems("threat: " + s.plan + ": event"); err != nil {
		return Range{}, err
	}
	if s.scale != ScaleLevels {
		return Range{}, &notCoveredEvent{t: &s.judgementNC, e: pack(e)}
	}
	o, err := s.outcomeOfEvent(e)
	if err != nil {
		return Range{}, err
	}
	if o.rng.Max == 0 {
		return Range{}, o.notCoveredEvent(&e)
	}
	r := o.rng
	r.Event = e
	return r, nil
}
