// Package measures holds what a municipality does about an emergency on
// Juki-net once it knows what happened: the emergency-measure playbooks of the
// tottori annex, the general emergency measures and their follow-up, the
// recurrence-prevention plan, and the preventive controls of kumiyama's
// operating regulation as checkers.
//
// It is not for grading an event (package threat does that) nor for handling
// a fault (package fault); it names roles and parties from package council and
// cites every clause it encodes.
//
// # Playbooks
//
// The tottori annex (別表 緊急措置) lists 16 cases in four [Category] values,
// each an [Observation] told by a [Discoverer]. [Lookup] returns the
// [Playbook] of a [Case] and [PlaybookFor] that of an observation and its
// discoverer, and [ForEvent] that of a threat.Event by its kind and its
// Source (who discovered it), without allocating; an event the annex has no
// row for is an error wrapping [ErrNoPlaybook], never a guess. A playbook says who leads ([Lead]),
// and gives the ordered [Step] values with their [Mode], [Action] and, for
// conditional steps, the [Condition] exactly as the annex writes it.
// [Playbook.Applicable] yields the steps that apply given the conditions
// that hold; [EventConditions] gives those an event's attributes establish.
//
// # Emergency measures and follow-up
//
// [EmergencyMeasures] and [FollowUp] return, per reference plan, the general
// measures of tottori 第3-4, 第3-7 and 第3-8 and ino 第10条 and 第13-15条 as
// [Measure] values; [Applicable] with [TriggersFor] a likely threat level
// picks those that are taken.
//
// # Recurrence prevention
//
// [InoRecurrenceMeasures] lists the technical and operational measures of
// ino 第8条. A [PreventionPlan] is the plan kumamoto 5 requires (a. what
// happened and its impact, b. causes, technical and organisational, c. and d.
// technical and organisational measures, each with what, who and when);
// [PreventionPlan.Validate] names every missing part.
//
// # Preventive controls
//
// [Check] compares a municipality's [Settings] with [Rules] and returns a
// [Finding] for each requirement not met, with citations. The figures of the
// kumiyama regulation (8 characters, lockout after 3 failures, 7 years,
// terminal hours 8:30-17:15) are kumiyama's own choices, so the rules are a
// value: [Kumiyama] returns kumiyama's as the reference preset, and another
// municipality builds its own, citing its own clauses ([Rules.WithCitations]).
// Rules and Settings have JSON forms ([ParseSettings]; [Hours] prints as
// "8:30-17:15"), and [Rules.TerminalUsable] tells whether a terminal may be
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
