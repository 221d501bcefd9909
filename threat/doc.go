// Package threat grades unauthorized acts against the resident-registry
// network (住基ネット) and the personal information of Juki affairs into
// threat levels, and says what each level requires: who acts, who is told,
// and which clause of which plan says so.
//
// It is for embedding the level judgement of a municipal emergency plan in
// software: an [Event] is a typed observation (what happened, what the place
// held, whether the access passed the firewall, …), a [Scheme] is one plan's
// decision table, and [Grade] turns the one into a [Level] with the matching
// example row and its citations. It is not for faults (see package fault), and
// it does not carry out measures or convene the council: responses are data
// with actors and citations that other packages act upon.
//
// # Events
//
// An [Event] has a [Kind] and the graded attributes [Place], [Firewall] and
// [Severity], each an enum whose zero value means "unknown", plus the
// [Source] that found it. Every example row of the level tables of
// tottori:第3-1 and kumamoto:4(1)(イ), and every event category of tottori's
// annex (別表1-1 … 4-4), is expressible as an Event.
package threat
