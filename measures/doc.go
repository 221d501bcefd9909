// Package measures holds what a municipality does about an emergency on
// Juki-net once it knows what happened: the emergency-measure playbooks of a
// plan's annex, the general emergency measures and their follow-up, the
// recurrence-prevention plan, and preventive controls as checkers.
//
// It is the engine, not the plans: every playbook, measure and rule is plan
// data, read from a plan file (package bcp) in the plan's own words with
// citations of its own clauses. It is not for grading an event (package
// threat does that) nor for handling a fault (package fault); it names roles
// and parties from package council.
//
// # Playbooks
//
// A plan's annex of emergency measures (tottori's 別表 is the reference) is
// a [Playbooks] table: one [Playbook] per [Case], the kind of row, which is
// an [Observation] told by a [Discoverer], in four [Category] values.
// [Playbooks.Lookup] returns the row of a case, [Playbooks.PlaybookFor] that
// of an observation and its discoverer, and [Playbooks.ForEvent] that of a
// threat.Event by its kind and its Source (who discovered it), without
// allocating; an event the table has no row for is an error wrapping
// [ErrNoPlaybook], never a guess. A playbook says who leads ([Lead]), names
// the row as the plan does ([Playbook.Label]) and gives the ordered [Step]
// values with their [Mode], [Task] and, for conditional steps, the
// [Condition]. [Playbook.Applicable] yields the steps that apply given the
// conditions that hold; [EventConditions] gives those an event's attributes
// establish. [Playbook.Validate] names a malformed row.
//
// # Emergency measures and follow-up
//
// A plan's general emergency measures and follow-up (tottori 第3-4, 第3-7,
// 第3-8; ino 第10条, 第13-15条) are [Measure] values in its file;
// [Applicable] with [TriggersFor] a likely threat level picks those that are
// taken.
//
// # Recurrence prevention
//
// A [Countermeasure] is one of the recurrence-prevention measures a plan
// catalogues ([AllCountermeasures], after ino 第8条). A [PreventionPlan] is
// the plan kumamoto 5 requires (a. what happened and its impact, b. causes,
// technical and organisational, c. and d. technical and organisational
// measures, each with what, who and when); [PreventionPlan.Validate] names
// every missing part.
//
// # Preventive controls
//
// [Check] compares a municipality's [Settings] with [Rules] and returns a
// [Finding] for each requirement not met, with citations. The figures of a
// regulation (kumiyama's: 8 characters, lockout after 3 failures, 7 years,
// terminal hours 8:30-17:15) are the plan's own choices, so the rules are a
// value in its file, citing its own clauses ([Rules.WithCitations] when
// built in Go).
// Rules and Settings have JSON forms, read strictly by the module's one
// decoder, that of plan files ([ParseSettings]; each problem a [*PathError]
// naming its JSON path; [Hours] prints as "8:30-17:15"), and [Rules.TerminalUsable] tells whether a terminal may be
// used at a given instant.
//
// # Obligations
//
// An [Obligation] is a standing duty or power of normal operation as a plan
// states it: who, what in the plan's own words, towards whom, when, on what
// occasion, with its clauses (kumiyama's audit, training, handling of
// identity information and resident cards, documents, disks, operation plans
// and outsourcing, 第7条-第35条). It is plan data, read from a plan file; the
// library only checks it is well formed ([Obligation.Validate]).
package measures
