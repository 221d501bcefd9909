// Package incident runs jukiplan's plan engine inside a Temporal workflow:
// one incident (a fault, an outage, an unauthorized act) that lasts hours or
// days, survives worker restarts and deployments, and leaves a history an
// audit can replay.
//
// The workflow (Workflows.Incident) starts with a plan and the first event.
// It fixes the plan for the life of the incident (the plan file in the
// input, or a reference plan's file recorded once in its history) and its
// bcp.Provenance. Each event that follows is a signal (SignalEvent) holding
// the event in the JSON form of a scenario file; the workflow runs the events
// taken through drill.Run and notifies each entry of the timeline when it
// falls due, through the notification activity (Activities.Notify, which
// calls the vendor's Notifier), waiting on durable timers for the scheduled
// reports of an outage. A query (QueryTimeline) returns the timeline so far:
// what drill.Run gives for the events taken, entry for entry.
//
// Every decision is the library's, made in workflow code: the library reads
// no clock, draws no random number and does no I/O, so it is as deterministic
// as a workflow must be. Time comes from the events and from workflow.Now.
// A signal the incident cannot take (a bad value, an event out of time order,
// one the plan states nothing for) is recorded in the Record with the
// library's error, and the workflow goes on.
//
// When the timeline convenes a body, the incident holds its meeting
// (council.Open on the agenda the plan fixes for the deciding trigger); a
// decision signal (SignalDecision, a Decision in JSON, in the plan's words)
// records an item's decision, marks it not applicable or closes the meeting
// through council.Meeting, and the Record shows each Meeting.
//
// # Sections
//
//   - the state the workflow keeps, usable without Temporal: [Incident],
//     [Open], [Incident.Take], [Incident.Decide], [Incident.Due], [Start],
//     [Decision], [Meeting], [Record], [Notice];
//   - the workflow and its names: [Workflows], [TaskQueue], [WorkflowName],
//     [SignalEvent], [SignalDecision], [SignalClose], [QueryTimeline],
//     [QueryRecord], [ErrPlan];
//   - what a vendor replaces: [Notifier], called by [Activities]; the
//     example's [Recorder].
package incident
