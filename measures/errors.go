package measures

import (
	"strings"

	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// Sentinel errors, for errors.Is. They are the module's one family of error
// values: [ErrInvalid] and [ErrMissing] are the very values of the same names
// in council, fault, threat and bcp.
var (
	// ErrInvalid is wrapped by every error about a value that is unset,
	// unknown or out of range: an enum text that names nothing, a zero Case
	// where one is needed, a negative figure in settings, and the like.
	ErrInvalid = problem.ErrInvalid

	// ErrNoPlaybook is wrapped when no annex playbook covers an event: the
	// library never guesses one.
	ErrNoPlaybook = problem.ErrNoPlaybook

	// ErrMissing is wrapped by every [FieldError] about a required part of a
	// record that is absent.
	ErrMissing = problem.ErrMissing

	// ErrRules is wrapped when a [Rules] value cannot be checked against:
	// a figure out of range or a rule in force without a citation.
	ErrRules = problem.ErrRules
)

// A PathError is one problem of a file at a JSON path, e.g.
// "measures: settings: $.cards.recordYears: want an integer, got a string":
// the module's one path-error type (bcp.PathError is the same type), which
// [ParseSettings], [ParsePreventionPlan] and [Rules.UnmarshalJSON] return.
// It wraps [ErrInvalid] or another sentinel of the module's family
// (unknown field, duplicate key, malformed JSON). Use it through a pointer;
// the zero PathError names no problem.
type PathError = jsonfile.PathError

// A FieldError names one missing or invalid part of a record by its path,
// e.g. "technical[1].who". It wraps [ErrMissing] or [ErrInvalid]. Use it
// through a pointer; the zero FieldError names nothing and == on it is not
// meaningful.
type FieldError struct {
	Record string `json:"record"` // "recurrence-prevention plan"
	Path   string `json:"path"`   // "technical[1].who"
	Reason string `json:"reason"` // "what, who and when are required"
	Err    error  `json:"err"`    // ErrMissing or ErrInvalid
}

// Error implements error: "measures: recurrence-prevention plan: technical[1].who: missing (…)".
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("measures: ")
	b.WriteString(e.Record)
	b.WriteString(": ")
	b.WriteString(e.Path)
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Reason != "" {
		b.WriteString(" (")
		b.WriteString(e.Reason)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *FieldError) Unwrap() error { return e.Err }
