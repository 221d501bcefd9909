package measures

import (
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Step is one emergency measure of a playbook, in the plan's order.
//
// The zero Step is not a step of any playbook. Steps are not comparable with
// == (they hold [council.Citations]); compare their fields.
type Step struct {
	// Mark is the step's mark as the plan prints it, e.g. "①" or "※". A
	// parenthetical request inside a step is a step of its own that carries
	// its parent's mark and the condition [AsNeeded].
	Mark string `json:"mark,omitempty"`
	// Task is what the step does.
	Task Task `json:"action,omitzero"`
	// Mode is how the step involves the national center.
	Mode Mode `json:"mode,omitzero"`
	// Condition is what must hold for the step to apply; zero means the step
	// is unconditional.
	Condition Condition `json:"condition,omitzero"`
	// Text is the step exactly as the plan writes it (line breaks removed).
	Text string `json:"text,omitempty"`
	// Citations are the plan's clauses the step rests on.
	Citations council.Citations `json:"citations,omitzero"`
}

// Conditional reports whether the step applies only when its Condition holds.
func (s Step) Conditional() bool { return s.Condition != 0 }

// AppliesWhen reports whether the step applies when the conditions in held
// hold: always for an unconditional step, otherwise when its condition is held.
func (s Step) AppliesWhen(held Conditions) bool {
	return s.Condition == 0 || held.Has(s.Condition)
}

// A Playbook is the emergency measures of one row of a plan's annex: what
// the event is, who leads, and the ordered steps with their conditions. It
// is plan data: a plan file states each row in its own words, with
// citations of its own clauses ([Playbooks]).
//
// The zero Playbook has no case and no steps and is not valid
// ([Playbook.Validate]). Playbooks are not comparable with ==; compare
// [Playbook.Case].
type Playbook struct {
	// Case is the kind of row, the engine's key: an [Observation] told by a
	// [Discoverer].
	Case Case `json:"case,omitzero"`
	// Label is the row's name as the plan writes it; a drill prints it
	// before each step's mark.
	Label string `json:"label,omitempty"`
	// Lead says who leads the measures, as the plan states it or as the
	// first step reads.
	Lead Lead `json:"lead,omitzero"`
	// Event is the row's event column (事象) exactly as written.
	Event string `json:"event,omitempty"`
	// Heading is the line the row puts before its numbered steps, or "".
	Heading string `json:"heading,omitempty"`
	// Examples are the row's example column (事象例), if any.
	Examples []string `json:"examples,omitempty"`
	// Steps are the row's steps in order, conditional ones included.
	Steps []Step `json:"steps,omitempty"`
	// Citations are the plan's clauses the row rests on.
	Citations council.Citations `json:"citations,omitzero"`
}

// Category returns the category of the playbook's case.
func (p Playbook) Category() Category { return p.Case.Category() }

// Discoverer returns who discovered the playbook's event.
func (p Playbook) Discoverer() Discoverer { return p.Case.Discoverer() }

// Observation returns what the playbook's event column says was seen.
func (p Playbook) Observation() Observation { return p.Case.Observation() }

// Applicable yields, in order, the steps that apply when the conditions in
// held hold: every unconditional step and each conditional step whose
// condition is held. With held empty, the conditional steps are left out.
func (p Playbook) Applicable(held Conditions) iter.Seq[Step] {
	return func(yield func(Step) bool) {
		for _, s := range p.Steps {
			if s.AppliesWhen(held) && !yield(s) {
				return
			}
		}
	}
}

// Validate names every malformed part of the playbook, each as a
// [*FieldError] wrapping [ErrMissing] or [ErrInvalid] with its path inside
// the row ("steps[2].text"), joined with errors.Join: a case, label, lead,
// event or steps missing; a step without mark, text or citations; an
// unknown action, mode or condition; a row without citations.
func (p Playbook) Validate() error {
	var errs []error
	add := func(path, reason string, err error) {
		errs = append(errs, &FieldError{Record: "playbook " + p.Case.String(), Path: path, Reason: reason, Err: err})
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	switch {
	case p.Case == 0:
		add("case", "which observation, told by whom", ErrMissing)
	case !p.Case.IsValid():
		add("case", "not a case", ErrInvalid)
	}
	if blank(p.Label) {
		add("label", "the row's name as the plan writes it", ErrMissing)
	}
	switch {
	case p.Lead == 0:
		add("lead", "who leads the measures", ErrMissing)
	case !p.Lead.IsValid():
		add("lead", "not a lead", ErrInvalid)
	}
	if blank(p.Event) {
		add("event", "the event as the plan writes it", ErrMissing)
	}
	if p.Citations.Len() == 0 {
		add("citations", "the clauses the row rests on", ErrMissing)
	}
	if len(p.Steps) == 0 {
		add("steps", "the measures of the row", ErrMissing)
	}
	for i, s := range p.Steps {
		at := "steps[" + strconv.Itoa(i) + "]"
		if blank(s.Mark) {
			add(at+".mark", "the step's mark", ErrMissing)
		}
		if !s.Task.IsValid() {
			add(at+".action", "not an action", ErrInvalid)
		}
		if !s.Mode.IsValid() {
			add(at+".mode", "not a mode", ErrInvalid)
		}
		if s.Condition != 0 && !s.Condition.IsValid() {
			add(at+".condition", "not a condition", ErrInvalid)
		}
		if blank(s.Text) {
			add(at+".text", "the step as the plan writes it", ErrMissing)
		}
		if s.Citations.Len() == 0 {
			add(at+".citations", "the clauses the step rests on", ErrMissing)
		}
	}
	return problem.Join(errs...)
}

// Playbooks is a plan's table of playbooks, one row per [Case], in the
// plan's order. A plan file states it under measures.playbooks. The
// zero Playbooks has no row: every lookup is an error wrapping
// [ErrNoPlaybook].
type Playbooks []Playbook

// Lookup returns the playbook of case c. A case the table has no row for is
// an error wrapping [ErrNoPlaybook]; an invalid c one wrapping [ErrInvalid].
// It does not allocate when a row exists; with a case given twice (which
// [Playbooks.Validate] reports), the first row wins.
func (t Playbooks) Lookup(c Case) (Playbook, error) {
	if !c.IsValid() {
		return Playbook{}, fmt.Errorf("measures: lookup of annex case %d: %w", uint8(c), ErrInvalid)
	}
	for _, p := range t {
		if p.Case == c {
			return p, nil
		}
	}
	return Playbook{}, fmt.Errorf("measures: the plan defines no playbook for case %s (%s discovered by %s): %w", c, c.Observation(), c.Discoverer(), ErrNoPlaybook)
}

// CaseFor returns the case of the table's row for observation o discovered
// by d. A pair the table has no row for is an error wrapping
// [ErrNoPlaybook]; an invalid o or d one wrapping [ErrInvalid].
func (t Playbooks) CaseFor(o Observation, d Discoverer) (Case, error) {
	p, err := t.PlaybookFor(o, d)
	if err != nil {
		return 0, err
	}
	return p.Case, nil
}

// PlaybookFor returns the playbook for observation o discovered by d; see
// [Playbooks.CaseFor]. It does not allocate when a playbook exists.
func (t Playbooks) PlaybookFor(o Observation, d Discoverer) (Playbook, error) {
	if !o.IsValid() || !d.IsValid() {
		return Playbook{}, fmt.Errorf("measures: annex case for observation %s discovered by %s: %w", o, d, ErrInvalid)
	}
	for i, k := range caseKeys {
		if k.obs == o && k.by == d {
			c := Case(i + 1)
			for _, p := range t {
				if p.Case == c {
					return p, nil
				}
			}
			break
		}
	}
	return Playbook{}, fmt.Errorf("measures: the plan's annex has no row for %s discovered by %s: %w", o, d, ErrNoPlaybook)
}

// Validate names every malformed row of the table (see [Playbook.Validate])
// and every case given more than once, each error naming the row's index,
// joined with errors.Join.
func (t Playbooks) Validate() error {
	var errs []error
	var seen [numCases + 1]bool
	for i, p := range t {
		if err := p.Validate(); err != nil {
			errs = append(errs, problem.Wrap("measures: playbooks["+strconv.Itoa(i)+"]", err))
		}
		if p.Case.IsValid() {
			if seen[p.Case] {
				errs = append(errs, fmt.Errorf("measures: playbooks[%d]: case %s is given a playbook twice: %w", i, p.Case, ErrInvalid))
			}
			seen[p.Case] = true
		}
	}
	return problem.Join(errs...)
}
