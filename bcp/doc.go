// Package bcp models ICT business continuity for the systems a municipality
// runs, from nakano's ICT-BCP and its system-level plan for the shared
// virtual-server environment (統合仮想サーバ, an IaaS private cloud): which
// systems there are, in what order to recover them, which backups to keep at
// another data center, how to reach whom while the groupware and mail are
// down, when to report, what a report holds, which outages each system must
// be able to work through by hand, who reports outside the ward, and the
// seven-step recovery flow.
//
// It is for planning and for deciding during an incident; it performs no I/O
// and keeps no state. It is not the judgement of faults (package fault), of
// threat levels (package threat), or whole plans and drills, which build on
// the types here.
//
// Every decision carries the [council.Citations] of the clauses that produced
// it, in the form "nakano:統合仮想サーバ 4(6)". Where the source is silent and
// the library decides, the doc comment says so.
//
// # Inventory
//
// A [System] has an ID, Japanese name, owning division, [Kind], impact [Scale]
// ([Large], [Medium], [Small] or [Unassessed]), whether it is [System.Hosted]
// on the IaaS, dependencies, whether an alternative means keeps its services
// going, a recovery [Difficulty] and an optional target recovery time. An
// [Inventory] lists them; [Nakano] returns the 38 systems of 図4 with their
// owners as listed, plus the environment itself. The source has not decided
// the scales yet, so the preset leaves them [Unassessed].
//
// # Recovery order
//
// [Order] returns a [Position] per system: the IaaS and its monitoring first,
// then by impact scale, target recovery time, alternative means and difficulty,
// with ID as the last key; every dependency comes first, a cycle is a
// [*CycleError], and unassessed systems are an [*UnassessedError] unless an
// [UnassessedPolicy] is chosen. Each position carries its [Reasons].
//
// # Backups, contact and reports
//
// [SelectBackups] fills the off-site capacity in order of impact scale.
// [ChannelFor] picks the best available [Channel] for an [Audience] given the
// [Services] up (see [Pattern] a, b, c). [Schedule] lists the scheduled and
// progress reports of a [Window]; [Report.Validate] checks a report's items.
//
// # Horizons, routes and flow
//
// [HorizonOf] maps an outage to its [Horizon]; [SystemPlan.Gaps] lists the
// horizons a system's manual procedures leave uncovered. [ReportOutside]
// returns the routes to bodies outside the ward for an [Incident].
// [RecoveryFlow] returns the seven steps ([Step]) with their owners.
package bcp
