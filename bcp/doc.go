// Package bcp models ICT business continuity for the systems a municipality
// runs, from nakano's ICT-BCP and its system-level plan for the shared
// virtual-server environment (統合仮想サーバ, an IaaS private cloud): which
// systems there are, in what order to recover them, which backups to keep at
// another data center, how to reach whom while the groupware and mail are
// down, when to report, what a report holds, which outages each system must
// be able to work through by hand, who reports outside the ward, and the
// seven-step recovery flow.
//
// It also holds a municipality's whole [Plan], built from the types of every
// other package, with the five reference plans, plan files and their checks.
//
// It is for planning and for deciding during an incident; it performs no I/O
// and keeps no state. It does not judge faults (package fault) or threat
// levels (package threat); a Plan holds their rules and hands them out.
//
// Every decision carries the [council.Citations] of the clauses that produced
// it, in the form "nakano:統合仮想サーバ 4(6)". Where the source is silent and
// the library decides, the doc comment says so.
//
// # Inventory
//
// A [System] has an ID, Japanese name, owning division, [SystemKind], impact [ImpactScale]
// ([Large], [Medium], [Small] or [Unassessed]), whether it is [System.Hosted]
// on the IaaS, dependencies, whether an alternative means keeps its services
// going, a recovery [Difficulty] and an optional target recovery time. An
// [Inventory] lists them; the nakano plan's inventory ([Nakano], in its
// plan file) holds the 38 systems of 図4 with their owners as listed, plus the
// environment itself. The source has not decided the scales yet, so the file
// leaves them [Unassessed].
//
// # Recovery order
//
// [Order] returns a [Position] per system: the IaaS and its monitoring first,
// then by impact scale, target recovery time, alternative means and difficulty,
// with ID as the last key; every dependency comes first, a cycle is a
// [*CycleError], and unassessed systems are an [*UnassessedError] unless an
// [UnassessedPolicy] is chosen. Each position carries its [Reasons], and the
// clauses the plan gives for them ([OrderOptions.Clauses], [Continuity.Order]).
//
// # Backups, contact and reports
//
// [SelectBackups] fills the off-site capacity in order of impact scale.
// [Continuity.ContactFor] picks the channel a plan chooses for an [Audience]
// given the [Services] up (its [ContactRule] for the [Pattern] a, b or c that
// fits). [ReportPlan.Reports] lists the scheduled and
// progress reports of a [Window] under a plan's slots; [Report.Validate]
// checks a report's items.
//
// # Horizons, routes and flow
//
// [HorizonOf] maps an outage to its [Horizon]; [HorizonPlan.Gaps] lists the
// horizons a plan requires that a system's manual procedures leave
// uncovered. A plan's [Outside] reporting gives the routes to bodies
// outside the ward for an [Incident], and its recovery flow the steps
// ([FlowStep], [Phase]) with their owners.
//
// # Plans
//
// A [Plan] is one municipality's whole plan: ID, version, title and source
// document, and the parts its document has — organisation
// ([council.Organization]), fault handling ([fault.Spec], built with
// [Plan.FaultProcedure]), threat scheme ([threat.Spec], built with [Plan.Scheme]),
// [PlanMeasures] and [Continuity], and the [Plan.Duties] of a drill ([Plan.Duty]:
// who observes, judges, maintains, reports; the library's defaults in one
// table for what a plan leaves unstated). A part the document does not have
// is nil: the library never fills it from another plan. [Ino], [Kumamoto],
// [Kumiyama], [Tottori] and [Nakano] (or [Reference], [ReferencePlans])
// return the five reference plans, fresh, parsed from the plan files
// embedded in package
// [github.com/jukiplan/jukiplan/bcp/reference] through [ParsePlan].
//
// A plan lists its document's clauses ([Plan.Clauses]); [Plan.Index] looks a
// citation up in them, and [Check] reports a citation that names no clause.
// [Plan.WithID] moves a plan to a new ID, with every citation of its own
// clauses.
//
// # Plan files
//
// [Plan.MarshalJSON] writes a plan's canonical JSON (enums by English name,
// sets sorted, zero fields left out); [Plan.MarshalIndent] the file form.
// [ParsePlan] reads one strictly, accepting Japanese labels for enums: an
// unknown field, a key given twice, a duplicate ID, a dangling reference or a
// bad value is a [*PathError] naming its JSON path, e.g.
// "$.continuity.inventory.systems[3].dependsOn[0]", wrapping [ErrSyntax],
// [ErrUnknownField], [ErrDuplicate], [ErrDangling] or [ErrBadValue] (which is
// [ErrInvalid], the ErrInvalid of every package). Invalid UTF-8 and a control
// character in any text are errors too. Every problem is reported and
// reachable through errors.As; the message lists the first ones in full,
// quotes values by a short prefix and counts the rest, so no message exceeds
// 4 KB whatever the file. [Plan.Validate] checks a plan built in code the
// same way. The reference plans ship as bcp/reference/*.json, with a JSON
// Schema generated from the types in bcp/plan.schema.json ([PlanSchema]).
//
// A plan file marks the values its document does not give as the library's
// readings ([Plan.Readings]) and the places its document leaves empty as not
// stated ([Plan.NotStated]), each a [Mark]: a JSON path and a reason.
// [Plan.ReadingAt] and [Plan.NotStatedAt] look them up; [Check], [DiffPlans]
// and drills show them as such.
//
// A plan file may follow a model plan ("basedOn", a [Model]): it inherits
// every part it leaves out, citing the model's clauses. [ParsePlan] resolves
// models among the reference plans, [ParsePlanWith] through a caller's
// [Models] ([ModelFiles], [ReferenceModels]).
//
// # Provenance
//
// [Plan.Provenance] returns the plan's ID, version and fingerprint (SHA-256 of
// its canonical JSON). Decisions carry a [Provenance] so that an audit can
// tell which version of which plan produced them.
//
// # Checking and comparing plans
//
// [Check] reads a whole plan the way a reviewer does and returns [Finding]s:
// a [Severity], a stable [Code] ("council.chair-not-named"), a message, the
// path inside the plan ("organization.councils[security-council].chair") and
// the clause the finding rests on. It reuses each part's own checks
// (council.Organization.Validate, threat.NewScheme, fault.NewProcedure, the cycle
// detection of [Order]) and adds what a plan must state: every fault kind has
// investigation steps, every threat level a response, level 3 and a serious
// fault lead to the council, every convened body has a chair, every role
// reaches the chief, agendas are not empty, every system has an owner and an
// impact scale, contact channels end in a last resort, reports have a
// schedule, and everything referenced exists and is cited from the plan's
// own document. Findings are sorted and do not depend on list order.
// [Plan.Validate] says whether a plan is well formed; Check says what it
// leaves out (tottori names no chair; kumiyama, a regulation, grades no
// threats).
//
// [DiffPlans] puts two plans side by side as a [Diff] of [Difference]s by
// [Aspect] — levels and examples of the decision tables, thresholds, roles,
// appointments, chairs, convening, agenda items, investigation steps,
// systems and contact networks — each side with its own citations; DiffPlans(p, p) is empty.
//
// # Drills and diagrams
//
// Drills (scenarios, [github.com/jukiplan/jukiplan/bcp/drill.Run], timelines)
// are package [github.com/jukiplan/jukiplan/bcp/drill]; text and diagrams
// (timelines, the escalation flowchart) package
// [github.com/jukiplan/jukiplan/bcp/render]. A [Vocabulary]'s [Dictionary]
// names values in a plan's words for them, in a [Lang].
package bcp
