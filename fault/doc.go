// Package fault models how the reference plans handle a fault (障害) in the
// resident-registry network: its kind, investigation, detection, the terminal
// operator's report, who is responsible for a fault location, escalation of a
// serious fault, alternative operation while down, and the handling lifecycle.
//
// It is the engine for what ino 第2-8条, kumamoto 4(2), 5 and 別紙3, kumiyama
// 第24-26条 (each article for its own kind of fault: hardware, software,
// networks) and tottori 第2 1-6 state; the plans' files state them. Each plan
// is a separate [Procedure]; nothing is merged
// across plans, and a question a plan does not answer is an error wrapping
// [ErrNotStated] rather than another plan's answer. Every decision carries the
// [council.Citations] of the clauses that produced it.
//
// It is not for unauthorized acts and threat levels (package threat), nor for
// convening the council: a serious fault yields the cited actions "report to
// the security chief" and "convene the council" with their actors, and
// [Escalation.Triggers] gives the [council.Triggers] the escalation is, so
// that [council.ConveneAny] under the plan's organisation decides the meeting.
//
// # Kinds and symptoms
//
// A [Kind] is hardware, software or network. [Procedure.Classify] maps a listed
// [Symptom] to its kind under one plan; a symptom the plan does not list is an
// error wrapping [ErrUnlisted], never a guess. [Procedure.Investigation] returns the
// plan's ordered [Probe]s for a kind.
//
// Symptoms, checks, detection triggers and fault locations are the plan's
// own: the engine names only the symptoms its rules read ([Bug] and
// [VirusInfection]), and a plan declares the rest, in its own words, in the
// vocabulary of its plan file (package bcp), which gives each a value past
// the named ones.
//
// # Detection and reports
//
// [Procedure.Signals] lists tottori 第2-1's detection [Signal]s; a
// [TerminalReport] is what a terminal operator reports (tottori 第2-2(2)), and
// [TerminalReport.Validate] names every missing field.
//
// # Responsibility and escalation
//
// [Procedure.Responsible] maps a fault [Location] to its [Responder] (tottori
// 第2-3 ①-⑧). [Procedure.Escalate] turns a [Facts] into cited [Notice]s; the
// plans' "long" and "heavy" are explicit [Thresholds] with documented defaults.
// Escalation is monotone: a worse situation never yields fewer notices.
// [Procedure.Alternatives] lists the ways to keep serving residents while down.
//
// # Lifecycle
//
// A [Fault] is a value-typed state machine opened with [Procedure.Open]. Each
// transition returns a new Fault; an illegal one returns the Fault unchanged
// and a [*TransitionError] naming the missing [Stage], e.g. resuming before the
// integrity check of identity information.
//
// # Plans as data
//
// The package holds no plan. A plan's fault handling is a [Spec], plain data
// with JSON tags, the fault part of a plan file (the reference plans' files
// are in package github.com/jukiplan/jukiplan/bcp/reference); [NewProcedure]
// checks a Spec and builds a Plan from it, and [Procedure.Spec] gives it back.
package fault
