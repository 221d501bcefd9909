// Package council models the organisation that the reference plans set up
// for the resident-registry network (住基ネット): the roles inside a
// municipality and the parties outside it, who fills each role, the
// reporting chain, the security council and the other deliberating bodies,
// when they meet, what they decide, and the record of a meeting.
//
// It is the leaf of jukiplan: packages fault, threat, measures and bcp name
// roles, parties and citations from here and map their outcomes onto
// [Trigger] ([LevelTrigger] for threat levels). It does not grade threats or
// classify faults itself; it says what the organisation does once a trigger
// is known.
//
// Every rule is cited ([Citation], [Citations]) to the clause of the plan it
// comes from; a plan's reference data is never merged with another's. A
// document's clause index ([Index], built with [NewIndex] from its
// [Clause]s) says which clause a citation names and its heading.
//
// # Roles, parties and actors
//
// [Role] (inside the municipality) and [Party] (outside it) are enums with an
// English name and a Japanese label; [Actor] is either. [Roles], [Parties]
// and [Triggers] are bitsets. [Appointments] say who fills each role, with
// the post as the plan writes it.
//
// # Reporting chains
//
// A [Chain] is a directed "reports to" graph ending at a chief, with the
// [Notice]s a plan requires per trigger. [Chain.Validate] names any cycle
// ([*CycleError]), any role that does not reach the chief and any unknown
// role; [Chain.PathToChief] returns a fixed-capacity [Path] without
// allocating; [Chain.MustTell] says who must be told for a trigger. A plan
// may state no reporting chain: its organisation's chain is then
// [Chain.Empty], which [Organization.Validate] accepts and which leads no
// role to any chief.
//
// # Councils and convening
//
// An [Organization] gathers one plan's appointments, chain, deliberating
// bodies ([Council], [Body]), convening [Rule]s and [Agenda]s. Package
// council holds no plan: an organisation is plan data, the organization part
// of a plan file (the reference plans' files are in package
// github.com/jukiplan/jukiplan/bcp/reference, and bcp.ParsePlan reads them).
// [Convene] decides, without allocating, whether a body meets for a
// trigger, who requests, convenes and chairs it, which agenda applies and
// why ([Convening]); [ConveneAny] does the same for an event that is several
// triggers at once (the sets packages threat and fault derive from their
// decisions); [Convening.SubstitutedBy] lets an existing emergency-response
// structure stand in where ino allows it. A council may say that its chair
// includes whoever the chair delegates (Delegation), who decides when it
// cannot meet in time for it to approve afterwards ([Ratification]), and
// over which contact [Network] it is called; a network's [Link]s may say
// their [Hours] (office hours, or nights and holidays).
//
// # Agendas and meetings
//
// An [Agenda] is a cited checklist of [Item]s, which an [Organization]
// lists and a [Rule] names by its citation. A [Meeting]
// records a meeting on an agenda: [Open], [Meeting.Decide],
// [Meeting.MarkNotApplicable], [Meeting.Outstanding], [Meeting.Close] (refused
// with an [*OutstandingError] while mandatory items are open). It has value
// semantics: every recording returns a new record.
//
// # Library extensions
//
// Where a plan is silent the library says so with a zero value (no chair, no
// fixed agenda) rather than filling in. A line of a chain that the library
// reads into a plan's text is marked [Edge].Reading in the plan's file;
// [Routine] as a trigger for normal-time duties (kumiyama's) is the
// library's own device.
package council
