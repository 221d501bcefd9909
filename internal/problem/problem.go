// Package problem holds the one family of error values of the jukiplan module and
// the helpers that keep its error messages short.
//
// Every public package re-exports the values it reports (var ErrInvalid =
// problem.Invalid), so errors.Is(err, council.ErrInvalid) and errors.Is(err,
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
	// Invalid is wrapped by every error about a value that is unset, unknown
	// or out of range: an enum text that names nothing, a zero value where one
	// is needed, a number out of range, a control character in a name.
	Invalid = errors.New("invalid value")
	// Missing is wrapped by every error about a required field or part that
	// is absent or empty.
	Missing = errors.New("missing")
	// Duplicate is wrapped when two entries claim one key, ID or name, or an
	// object key is given twice.
	Duplicate = errors.New("duplicate")
	// Cycle is wrapped when a graph that must have none has a cycle: a
	// reporting chain or the dependencies of systems.
	Cycle = errors.New("cycle")
)

// Categories of council.
var (
	Citation     = errors.New("malformed citation")
	Unreachable  = errors.New("does not reach the chief")
	UnknownRole  = errors.New("unknown role")
	Uncited      = errors.New("missing or foreign citation")
	NotFound     = errors.New("not found")
	NotOpen      = errors.New("meeting not open")
	Closed       = errors.New("meeting closed")
	UnknownItem  = errors.New("unknown agenda item")
	Settled      = errors.New("item already settled")
	Time         = errors.New("time out of order")
	Outstanding  = errors.New("mandatory items outstanding")
	NoSubstitute = errors.New("no substitution allowed")
)

// Categories of fault.
var (
	Unlisted   = errors.New("not listed by the plan")
	NotStated  = errors.New("not stated by the plan")
	Transition = errors.New("illegal transition")
)

// Categories of threat.
var (
	NotCovered = errors.New("event not covered by the scheme")
	// Undetermined: a fact the decision needs is not yet known (threat's
	// ErrIncomplete: the scheme grades on an attribute the event leaves
	// unknown).
	Undetermined = errors.New("graded attribute unknown")
	Scheme       = errors.New("invalid scheme")
)

// Categories of measures.
var (
	NoPlaybook  = errors.New("no playbook")
	Rules       = errors.New("invalid rules")
	UnknownPlan = errors.New("unknown plan")
)

// Categories of bcp.
var (
	Scenario       = errors.New("invalid scenario")
	Syntax         = errors.New("malformed JSON")
	UnknownField   = errors.New("unknown field")
	Dangling       = errors.New("dangling reference")
	BeyondHorizons = errors.New("outage beyond the planned horizons")
	Uncovered      = errors.New("horizon not covered")
	Report         = errors.New("invalid report")
	Unassessed     = errors.New("impact scale not assessed")
	Unhandled      = errors.New("not handled by the plan")
	NoScheme       = errors.New("no threat scheme")
)
