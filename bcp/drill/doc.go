// Package drill runs drills: it plays a [Scenario] of timed events on a
// [bcp.Plan] and returns the [Timeline] of every action the plan requires.
//
// It is the engine of the drill, not its presentation: entries are data
// (who, what [Act], to whom, by which channel, at which level, what it is
// about ([What], [About]), on which clauses), and package
// [github.com/jukiplan/jukiplan/bcp/render] words them. It performs no I/O
// and keeps no state; time comes only from the scenario.
//
// # Scenarios
//
// A [Scenario] is a drill: timed [Event]s of an [EventKind] (a fault
// detected, a symptom reported, an unauthorized act observed, a graded
// attribute learned, a [Status] change, a recovery, a lost IC card) in time
// order. [ParseScenario] decodes its JSON form strictly, in a plan's words: an unknown or
// repeated field, a bad value, invalid UTF-8 or events out of order is a
// [*PathError] naming its JSON path. [Scenarios] and [ScenarioByID] return the built-in
// drills of the reference plans, fresh.
//
// # Runs and timelines
//
// [Run] plays a scenario on a [bcp.Plan] ([NewDrill] prepares a plan once for many
// runs) and returns a [Timeline] of [Entry] values in time order, with the
// plan's [bcp.Provenance]: when, who, what ([Act]), to whom, by which [bcp.Channel],
// at which threat level or provisional range, and the clauses behind it.
// Each event is handled with what is known up to it: precautions while the
// level is a range, the response once settled, the annex playbook, the body
// council.ConveneAny convenes and its agenda, fault escalation, alternative
// operation, the integrity check before resumption, recurrence prevention;
// under a continuity part the recovery flow, contacts, scheduled and
// progress reports and the recovery order. An event the plan states nothing
// for is an error wrapping [ErrUnhandled], never another plan's rule.
// A timeline carries the scenario's events and the plan's vocabulary, so
// that a renderer needs nothing else to word it.
package drill
