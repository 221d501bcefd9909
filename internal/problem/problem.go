// Package problem holds the one family of error values of the jukiplan module and
// the helpers that keep its error messages short.
//
// Every public package re-exports the values it reports (var ErrInvalid =
// problem.ErrInvalid), so errors.Is(err, council.ErrInvalid) and errors.Is(err,
// bcp.ErrInvalid) are the same test whichever package reported err. A category
// that two packages share (an invalid value, a missing field, a duplicate, a
// cycle) is one value here, never one per package.
//
// Messages state their problem once: a wrapping layer drops the package
// prefix of the error it wraps ([Strip], [Wrap]); a value from the input is
// quoted by at most a short prefix ([Quote]); a list names at most a few items
// and says how many more ([List]); and a join of many problems prints the
// first ones in full and counts the rest ([Join]). No message of the module
// is longer than [MaxMessage] bytes, whatever the input.
package problem

import "errors"

// The shared categories: more than one package reports them.
var (
	// ErrInvalid is wrapped by every error about a value that is unset, unknown
	// or out of range: an enum text that names nothing, a zero value where one
	// is needed, a number out of range, a control character in a name.
	ErrInvalid = errors.New("invalid value")
	// ErrMissing is wrapped by every error about a required field or part that
	// is absent or empty.
	ErrMissing = errors.New("missing")
	// ErrDuplicate is wrapped when two entries claim one key, ID or name, or an
	// object key is given twice.
	ErrDuplicate = errors.New("duplicate")
	// ErrCycle is wrapped when a graph that must have none has a cycle: a
	// reporting chain or the dependencies of systems.
	ErrCycle = errors.New("cycle")
)

// Categories of council.
var (
	ErrCitation     = errors.New("malformed citation")
	ErrUnreachable  = errors.New("does not reach the chief")
	ErrUnknownRole  = errors.New("unknown role")
	ErrUncited      = errors.New("missing or foreign citation")
	ErrNotFound     = errors.New("not found")
	ErrNotOpen      = errors.New("meeting not open")
	ErrClosed       = errors.New("meeting closed")
	ErrUnknownItem  = errors.New("unknown agenda item")
	ErrSettled      = errors.New("item already settled")
	ErrTime         = errors.New("time out of order")
	ErrOutstanding  = errors.New("mandatory items outstanding")
	ErrNoSubstitute = errors.New("no substitution allowed")
)

// Categories of fault.
var (
	ErrUnlisted   = errors.New("not listed by the plan")
	ErrNotStated  = errors.New("not stated by the plan")
	ErrTransition = errors.New("illegal transition")
)

// Categories of threat.
var (
	ErrNotCovered = errors.New("event not covered by the scheme")
	// ErrUndetermined: a fact the decision needs is not yet known (threat's
	// ErrIncomplete: the scheme grades on an attribute the event leaves
	// unknown).
	ErrUndetermined = errors.New("graded attribute unknown")
	ErrScheme       = errors.New("invalid scheme")
)

// Categories of measures.
var (
	ErrNoPlaybook  = errors.New("no playbook")
	ErrRules       = errors.New("invalid rules")
	ErrUnknownPlan = errors.New("unknown plan")
)

// Categories of bcp.
var (
	ErrScenario       = errors.New("invalid scenario")
	ErrSyntax         = errors.New("malformed JSON")
	ErrUnknownField   = errors.New("unknown field")
	ErrDangling       = errors.New("dangling reference")
	ErrBeyondHorizons = errors.New("outage beyond the planned horizons")
	ErrUncovered      = errors.New("horizon not covered")
	ErrReport         = errors.New("invalid report")
	ErrUnassessed     = errors.New("impact scale not assessed")
	ErrUnhandled      = errors.New("not handled by the plan")
	ErrNoScheme       = errors.New("no threat scheme")
)
