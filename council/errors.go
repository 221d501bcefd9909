package council

import (
	"errors"
	"strings"
)

// Sentinels for errors.Is. Every error this package returns wraps one of
// them (or [ErrInvalid], [ErrCitation]).
var (
	// ErrCycle is wrapped by a [*CycleError]: a reporting chain loops.
	ErrCycle = errors.New("reporting cycle")
	// ErrUnreachable: a role in a reporting chain does not reach the chief.
	ErrUnreachable = errors.New("does not reach the chief")
	// ErrUnknownRole: an edge or notice names a role that is not valid or
	// not part of the chain.
	ErrUnknownRole = errors.New("unknown role")
	// ErrUncited: a rule, agenda item, appointment or decision carries no
	// citation, or cites another plan than its own.
	ErrUncited = errors.New("missing or foreign citation")
	// ErrDuplicate: two entries claim the same key (two rules for one
	// trigger, two agenda items with one key, two councils for one body).
	ErrDuplicate = errors.New("duplicate")
	// ErrNotFound: a lookup names something the plan does not have (an
	// agenda, a council body).
	ErrNotFound = errors.New("not found")
	// ErrNotOpen: a meeting record is used before it was opened.
	ErrNotOpen = errors.New("meeting not open")
	// ErrClosed: a decision is recorded on a closed meeting.
	ErrClosed = errors.New("meeting closed")
	// ErrUnknownItem: a decision names an item the agenda does not have.
	ErrUnknownItem = errors.New("unknown agenda item")
	// ErrSettled: an item already decided or marked not applicable is
	// recorded again.
	ErrSettled = errors.New("item already settled")
	// ErrTime: a time before the meeting opened (or before an earlier
	// record it must follow), or the zero time.
	ErrTime = errors.New("time out of order")
	// ErrOutstanding is wrapped by an [*OutstandingError]: closing is refused
	// while mandatory items are outstanding.
	ErrOutstanding = errors.New("mandatory items outstanding")
	// ErrNoSubstitute: a convening that the plan does not let another body
	// stand in for was asked to be substituted.
	ErrNoSubstitute = errors.New("no substitution allowed")
)

// A CycleError reports a loop in a reporting chain. Cycle lists the roles in
// reporting order, the first repeated at the end. Use it through a pointer;
// the zero CycleError names no cycle.
type CycleError struct {
	Plan  string `json:"plan"`
	Cycle []Role `json:"cycle"`
}

func (e *CycleError) Error() string {
	var b strings.Builder
	b.WriteString("council: chain ")
	b.WriteString(e.Plan)
	b.WriteString(": cycle ")
	for i, r := range e.Cycle {
		if i > 0 {
			b.WriteString(" → ")
		}
		b.WriteString(r.String())
	}
	return b.String()
}

// Unwrap returns [ErrCycle].
func (e *CycleError) Unwrap() error { return ErrCycle }

// An OutstandingError is returned when a meeting cannot be closed: Items are
// the keys of the mandatory agenda items still neither decided nor marked
// not applicable, in agenda order. Use it through a pointer; the zero
// OutstandingError names no item.
type OutstandingError struct {
	Agenda Citation `json:"agenda,omitzero"`
	Items  []string `json:"items"`
}

func (e *OutstandingError) Error() string {
	return "council: meeting on " + e.Agenda.String() + ": cannot close: outstanding " + strings.Join(e.Items, ", ")
}

// Unwrap returns [ErrOutstanding].
func (e *OutstandingError) Unwrap() error { return ErrOutstanding }
