// Package threat grades unauthorized acts against the resident-registry
// network (住基ネット) and the personal information of Juki affairs into
// threat levels, and says what each level requires: who acts, who is told,
// and which clause of which plan says so.
//
// It is for embedding the level judgement of a municipal emergency plan in
// software: an [Event] is a typed observation, a [Scheme] is one plan's
// decision table and responses, and [Grade] turns the one into a [Level] with
// the matching example row and its citations. It is not for faults (package
// fault), it does not choose the annex playbook for an event (package
// measures, from the Event and its [Source]), and it does not convene the
// council: "level 3 → report to the chief, who convenes the council" is a pair
// of cited [Action] values that other packages act upon.
// [Grading.Triggers] gives the [council.Triggers] a grading is, so that
// [council.ConveneAny] under the plan's organisation decides the meeting.
//
// The package is pure: no I/O, no clock, no package state that changes.
// Everything is safe for concurrent use.
//
// # Events
//
// An [Event] has a [ActKind] (intrusion, unauthorized access, virus detected, …)
// and the graded attributes [Place] (what the entered place holds),
// [Firewall] (whether the access passed it) and [Seriousness] (whether the
// vulnerability is serious), each an enum whose zero value means "unknown",
// plus the [Source] that found it. Every example row of the level tables of
// tottori:第3-1 and kumamoto:4(1)(イ), every incident example of kumamoto:2(1)
// and every event category of tottori's annex (別表1-1 … 4-4) is expressible
// as an Event. Events have a text form ([ParseEvent],
// "unauthorized-access firewall=passed source=national-center") and a JSON
// form.
//
// # Schemes
//
// A scheme is plan data: a [Spec], the threat part of a plan file, built
// with [NewScheme] (bcp's Plan.Scheme does so for a parsed plan; the
// reference plans' files are in package
// github.com/jukiplan/jukiplan/bcp/reference). The reference plans disagree
// and are never merged: tottori grades access stopped at the firewall and
// antivirus detections as level 2; kumamoto grades any detected
// unauthorized access as level 3 and adds paper forms, leaks and credential
// leaks; ino has no levels at all, only a person's judgement of a serious
// threat ([ScaleSerious], [JudgeSerious]).
//
// A vendor builds its own scheme from the same blocks with [NewScheme], which
// checks the decision table as SSVC checks its tables: every combination of
// the attributes it reads is covered exactly once or explicitly marked not
// covered, no rules conflict or overlap, the level never drops when an
// attribute gets worse, and every attribute read can change the outcome.
//
// # A plan's own kinds and attributes
//
// A plan may grade what the engine has no name for: its [Spec] declares its
// own kinds of event ([KindTerm], a fault as well as an unauthorized act)
// and graded attributes ([AttributeTerm]: a finite list of values ordered
// from the least to the most serious, each with the document's label, like
// an SSVC decision point). They are [Kind] values past the engine's
// ([DeclaredKind]) and [Attribute] values 4 to 7 ([DeclaredAttribute]),
// whose values an [Event] holds in [Event.Declared]. A table may grade them
// next to the engine's ("terminal-fault cause=found" at level 1, "server-fault
// stop=brief" at level 2): [NewScheme] checks its rows as it checks the
// engine's, and also that every declared value is named by some row; a
// problem of a declaration is a [*SpecError] naming its field. [Grade],
// [Decide] and [Provisional] work over them exactly as over the engine's,
// through a dense table of their own and without allocating.
// [Spec.ParseEvent] and [Spec.FormatEvent] read and write an event in the
// plan's words; [ParseEvent] and [Event.String] use the engine's
// ("kind#13 attribute#4=1").
//
// # Grading
//
// [Grade] returns a [Grading]: the level, whether it is serious (calls for
// the council), the example row and the citations. It never guesses: an event
// the scheme does not cover is a [*NotCoveredError] for errors.As
// ([ErrNotCovered]), and an
// event whose graded attributes are unknown is an [*IncompleteError]
// ([ErrIncomplete]). A person may then record a judgement with [Judge]; it is
// marked Manual, carries its Reason, and stays so in every [Response].
//
// While facts are gathered, [Provisional] gives the [Range] of levels over
// every way the unknown attributes could turn out; [Precautions] gives what is
// due at the top of the range (tottori:第3-3(3), 第3-4(2): "likely level 2 or
// 3", "likely level 3"). The final [Respond] waits for the confirmed level.
//
// # Responses
//
// [Respond] returns the [Response] for a grading: its [Actions] and
// [Notifications], each with an actor ([council.Actor]), a [Task] or a
// recipient, a [Condition] and citations. The response at a level includes
// everything due at the levels below it except [StandDown] (the library's
// reading of the plans, which escalate rather than skip steps), so a higher
// level never does less. [Decide] is [Grade] followed by [Respond] in one
// step. Grade, Respond and Decide do not allocate.
//
// # Situation
//
// A [Capture] is the first capture ino:第9条 asks of the staff: when, where,
// what and how. [Capture.Validate] names every missing field.
//
// # Extensions
//
// Where the plans are silent the library decides, and says so in the doc
// comment concerned: the cumulative responses above; the kumamoto council is
// convened by the security officers (別紙1 names no convener); ino's 第13条 and
// 第14条 steps are assigned to the system administrator; the annex's "virus
// infection found" is read as tottori's level-3 row "virus causing abnormal
// behaviour"; [Capture.DetectedAt] is optional and not asked by ino.
package threat
