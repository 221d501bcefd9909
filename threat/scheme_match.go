package threat

import (
	"fmt"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// declaredMatch checks what rule i's match m says of the plan's
// declarations: a declared kind the spec declares, graded on declared
// attributes only, with values the spec declares; an engine kind on the
// engine's attributes only. It reports whether the rule may be used.
func (s *Scheme) declaredMatch(i int, m Event, badAt func(field, format string, args ...any)) bool {
	f := fmt.Sprintf("rules[%d].match", i)
	ok := true
	j := declaredKindIndex(m.Kind)
	switch {
	case j >= len(s.decl.Kinds):
		badAt(f, "rule %d: %s is not a kind the plan declares: %w", i, m.Kind, ErrScheme)
		return false
	case j >= 0 && (m.Place != 0 || m.Firewall != 0 || m.Severity != 0):
		badAt(f, "rule %d: kind %s is the plan's own: grade it on the attributes the plan declares, not the engine's: %w", i, problem.Value(s.decl.Kinds[j].ID), ErrScheme)
		ok = false
	case j < 0 && m.Declared != 0:
		badAt(f, "rule %d: kind %s is the engine's: it is graded on the engine's attributes, not on those the plan declares: %w", i, m.Kind, ErrScheme)
		ok = false
	}
	for a, v := range m.Declared.All() {
		switch {
		case v == 0:
		case a >= len(s.decl.Attributes):
			badAt(f, "rule %d: a row over %s, which the plan does not declare: %w", i, DeclaredAttribute(a), ErrScheme)
			ok = false
		case v > s.lens[a]:
			badAt(f, "rule %d: attribute %s has no value %d: %w", i, problem.Value(s.decl.Attributes[a].ID), v, ErrScheme)
			ok = false
		}
	}
	return ok
}

// fillCells records the rule of every fully known event of kind k, whose
// rules (in table order) are rules, and reports the events no rule or more
// than one rule matches. Each rule is enumerated over the events it
// matches, and the enumeration stops once the rules have matched twice as
// many events as there are: the work is linear in the kind's events and
// rules, however they overlap.
func (s *Scheme) fillCells(k ActKind, rules []int, bad func(format string, args ...any)) {
	read := s.read[k]
	events := s.completions(Event{Kind: k}, read)
	hits := make(map[int][]int, len(events)) // by cell; keys are cell indexes the scheme computed, never input
	work := 0
	for _, i := range rules {
		if work > 2*len(events) {
			break
		}
		for _, e := range s.completions(s.rules[i].Match, read) {
			c := s.cellIdx(e)
			hits[c] = append(hits[c], i)
			work++
		}
	}
	for _, e := range events {
		h := hits[s.cellIdx(e)]
		switch {
		case len(h) == 0 && work > 2*len(events):
		case len(h) == 0:
			bad("%s is matched by no rule (grade it or mark it not covered): %w", s.decl.FormatEvent(e), ErrScheme)
		case len(h) > 1:
			what := "overlapping"
			for _, x := range h[1:] {
				if s.rules[x].Level != s.rules[h[0]].Level {
					what = "conflicting"
				}
			}
			bad("%s is matched by %s rules %v: %w", s.decl.FormatEvent(e), what, h, ErrScheme)
		default:
			*s.cellRule(e) = int16(h[0])
		}
	}
}

// cellIdx returns a number unique to the fully or partly known event e of
// a kind of the scheme: its cell in the engine's table, or past them its
// cell in the declared table.
func (s *Scheme) cellIdx(e Event) int {
	if j := declaredKindIndex(e.Kind); j >= 0 {
		return numCells + s.declared.index(j, e)
	}
	return cellIndex(e.Kind, e.Place, e.Firewall, e.Severity)
}

// cellRule returns the rule slot of e's cell.
func (s *Scheme) cellRule(e Event) *int16 {
	if j := declaredKindIndex(e.Kind); j >= 0 {
		return &s.declared.cells[s.declared.index(j, e)]
	}
	return &s.cells[cellIndex(e.Kind, e.Place, e.Firewall, e.Severity)]
}

func (s *Scheme) ruleAt(e Event) *Rule {
	return &s.rules[*s.cellRule(e)]
}

// kindName returns k's name in the plan's words.
func (s *Scheme) kindName(k ActKind) string {
	if j := declaredKindIndex(k); j >= 0 && j < len(s.decl.Kinds) {
		return problem.Value(s.decl.Kinds[j].ID)
	}
	return k.String()
}

// attrName returns a's name in the plan's words.
func (s *Scheme) attrName(a Attribute) string {
	if j := declaredIndex(a); j >= 0 && j < len(s.decl.Attributes) {
		return problem.Value(s.decl.Attributes[j].ID)
	}
	return a.String()
}

// completions returns every event that sets each attribute of read left
// unknown in e to each of its values, in ascending order; attributes outside
// read are cleared. With nothing unknown it returns e itself (cleared).
// It knows the engine's attributes only; [Scheme.completions] knows the
// plan's too.
func completions(e Event, read Attributes) []Event { return completionsOf(e, read, attrLen) }

func (s *Scheme) completions(e Event, read Attributes) []Event {
	return completionsOf(e, read, s.attrLen)
}

func completionsOf(e Event, read Attributes, attrLen func(Attribute) int) []Event {
	base := Event{Kind: e.Kind}
	for a := range read.All() {
		base = base.With(a, e.Value(a))
	}
	out := []Event{base}
	for a := range read.All() {
		if base.Value(a) != 0 {
			continue
		}
		var next []Event
		for _, x := range out {
			for v := 1; v <= attrLen(a); v++ {
				next = append(next, x.With(a, uint8(v)))
			}
		}
		out = next
	}
	return out
}
