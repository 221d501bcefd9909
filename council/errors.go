package council

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// Sentinels for errors.Is. Every error this package returns wraps one of
// them (or [ErrInvalid], [ErrCitation]). They are the module's one family of
// error values: [ErrInvalid], [ErrDuplicate] and [ErrCycle] are the very
// values of the same names in fault, threat, measures and bcp, so one
// errors.Is test matches whichever package reported the problem.
var (
	// ErrCycle is wrapped by a [*CycleError]: a reporting chain loops.
	ErrCycle = problem.ErrCycle
	// ErrUnreachable: a role in a reporting chain does not reach the chief.
	ErrUnreachable = problem.ErrUnreachable
	// ErrUnknownRole: an edge or notice names a role that is not valid or
	// not part of the chain.
	ErrUnknownRole = problem.ErrUnknownRole
	// ErrUncited: a rule, agenda item, appointment or decision carries no
	// citation, or cites another plan than its own.
	ErrUncited = problem.ErrUncited
	// ErrDuplicate: two entries claim the same key (two rules for one
	// trigger, two agenda items with one key, two councils for one body).
	ErrDuplicate = problem.ErrDuplicate
	// ErrNotFound: a lookup names something the plan does not have (an
	// agenda, a council body).
	ErrNotFound = problem.ErrNotFound
	// ErrNotOpen: a meeting record is used before it was opened.
	ErrNotOpen = problem.ErrNotOpen
	// ErrClosed: a decision is recorded on a closed meeting.
	ErrClosed = problem.ErrClosed
	// ErrUnknownItem: a decision names an item the agenda does not have.
	ErrUnknownItem = problem.ErrUnknownItem
	// ErrSettled: an item already decided or marked not applicable is
	// recorded again.
	ErrSettled = problem.ErrSettled
	// ErrTime: a time before the meeting opened (or before an earlier
	// record it must follow), or the zero time.
	ErrTime = problem.ErrTime
	// ErrOutstanding is wrapped by an [*OutstandingError]: closing is refused
	// while mandatory items are outstanding.
	ErrOutstanding = problem.ErrOutstanding
	// ErrNoSubstitute: a convening that the plan does not let another body
	// stand in for was asked to be substituted.
	ErrNoSubstitute = problem.ErrNoSubstitute
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

// A FieldError names one missing or malformed field of a record a caller
// fills in or a plan states (fault's terminal report, threat's situation
// capture, measures' playbooks and recurrence-prevention plans) and the
// clause that asks for it. It is the one field-error shape of the module:
// fault.FieldError, threat.FieldError and measures.FieldError are this type.
//
// A field with a Japanese label (a form item) reads
//
//	fault: terminal report: missing Message (画面の表示, tottori:第2-2(2))
//	fault: terminal report: invalid Startup (起動の可否)
//	threat: situation: detectedAt (覚知日時): detected at …: invalid value
//
// "missing" when Err wraps the missing sentinel, "invalid" when Err is the
// invalid-value sentinel itself, the underlying problem otherwise. A field
// without a label (a JSON path into a record) reads
//
//	measures: recurrence-prevention plan: technical[1].who: missing (what, who and when are required)
//
// Err, then the Reason in parentheses when there is one. Use it through a
// pointer, as an error; the zero value prints without a record.
type FieldError struct {
	Record   string   `json:"record"`            // what holds the field, after its package: "fault: terminal report"
	Field    string   `json:"field"`             // the field: its name ("Message", "when") or its path ("technical[1].who")
	Label    string   `json:"label,omitempty"`   // the field's Japanese label, e.g. "日時"
	Citation Citation `json:"citation,omitzero"` // the clause that asks for the field, if given
	Reason   string   `json:"reason,omitempty"`  // why the field is needed or wrong, for a field without a label
	Err      error    `json:"err"`               // the missing sentinel, the invalid-value sentinel or the underlying problem
}

func (e *FieldError) Error() string {
	if e.Label == "" {
		s := e.Record + ": " + e.Field + ": "
		if e.Err != nil {
			s += e.Err.Error()
		}
		if e.Reason != "" {
			s += " (" + e.Reason + ")"
		}
		return s
	}
	what := ""
	switch {
	case errors.Is(e.Err, problem.ErrMissing):
		what = "missing "
	case e.Err == problem.ErrInvalid:
		what = "invalid "
	default:
		return fmt.Sprintf("%s: %s (%s): %v", e.Record, e.Field, e.Label, e.Err)
	}
	if e.Citation == (Citation{}) {
		return fmt.Sprintf("%s: %s%s (%s)", e.Record, what, e.Field, e.Label)
	}
	return fmt.Sprintf("%s: %s%s (%s, %s)", e.Record, what, e.Field, e.Label, e.Citation)
}

// Unwrap returns Err.
func (e *FieldError) Unwrap() error { return e.Err }
