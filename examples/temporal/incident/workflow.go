package incident

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// Names under which the worker registers the workflow and its activity, and
// the signals and queries the workflow answers.
const (
	TaskQueue      = "jukiplan-incident" // the task queue of cmd/worker and cmd/starter
	WorkflowName   = "Incident"          // the incident workflow (Workflows.Incident)
	ActivityNotify = "Notify"            // the notification activity (Activities.Notify)
	SignalEvent    = "event"             // one event, in the JSON form of a scenario file's event
	SignalDecision = "decision"          // a council meeting's decision or its close (Decision, in JSON)
	SignalClose    = "close"             // ends the incident; the value is the reason (a string)
	QueryTimeline  = "timeline"          // the timeline of the events taken (drill.Timeline)
	QueryRecord    = "record"            // the incident's Record so far
)

// ErrPlan is the type of the application error a workflow fails with when it
// cannot start: its plan does not parse, names no reference plan, or its
// first event cannot be taken.
const ErrPlan = "jukiplan.Start"

// Workflows holds the incident workflow. Register Workflows.Incident under
// WorkflowName.
//
// The zero Workflows reads reference plans from package
// github.com/jukiplan/jukiplan/bcp/reference.
type Workflows struct {
	// Plans returns the plan file of a reference plan (a Start with PlanID);
	// nil means reference.File. It is called once per incident, at its
	// start, and its answer is recorded in the workflow's history: a worker
	// deployed later with other plan files does not change an incident
	// already running.
	Plans func(id string) ([]byte, bool)
}

// Incident is the incident workflow. It fixes the plan at the start (the
// file in s, or the reference plan's file recorded once in history), takes
// the first event, then takes each event signalled on SignalEvent and runs
// the events taken through the library: every decision is drill.Run's, made
// in workflow code, with time from the events and from workflow.Now. A
// signal the incident cannot take is recorded with the library's error in
// the Record and the workflow goes on.
//
// When the timeline convenes a body, the incident holds its meeting on the
// agenda the plan fixes for it (Incident.Decide): each decision signalled on
// SignalDecision is recorded through council.Meeting, or rejected with the
// library's error like a bad event, and the record shows every meeting.
//
// Each entry of the timeline is passed to the notification activity when it
// falls due, one Notice per instant: at once for what an event sets off, on a
// durable timer for what falls due later (scheduled reports; Grace after
// their time), re-planned when a signal changes the timeline. The workflow
// ends when the incident does: its recovery is taken or the plan stands the
// emergency response down, and every entry is notified; or a SignalClose
// arrives. It returns the Record. A plan that
// does not parse fails the workflow with the parse error (an application
// error of type ErrPlan).
func (w *Workflows) Incident(ctx workflow.Context, s Start) (Record, error) {
	if s.ID == "" {
		s.ID = workflow.GetInfo(ctx).WorkflowExecution.ID
	}
	file := s.Plan
	if len(file) == 0 {
		plans := w.Plans
		if plans == nil {
			plans = reference.File
		}
		id := s.PlanID
		err := workflow.SideEffect(ctx, func(workflow.Context) any {
			b, _ := plans(id)
			return b
		}).Get(&file)
		if err != nil {
			return Record{}, err
		}
		if len(file) == 0 {
			err := fmt.Errorf("incident %s: no plan file, and no reference plan %q", s.ID, id)
			return Record{}, temporal.NewNonRetryableApplicationError(err.Error(), ErrPlan, err)
		}
	}
	in, err := Open(s, file)
	if err != nil {
		return Record{}, temporal.NewNonRetryableApplicationError(err.Error(), ErrPlan, err)
	}
	if err := workflow.SetQueryHandler(ctx, QueryTimeline, func() (drill.Timeline, error) { return in.Timeline(), nil }); err != nil {
		return Record{}, err
	}
	if err := workflow.SetQueryHandler(ctx, QueryRecord, func() (Record, error) { return in.Record(), nil }); err != nil {
		return Record{}, err
	}

	log := workflow.GetLogger(ctx)
	events := workflow.GetSignalChannel(ctx, SignalEvent)
	decisions := workflow.GetSignalChannel(ctx, SignalDecision)
	closes := workflow.GetSignalChannel(ctx, SignalClose)
	take := func(c workflow.ReceiveChannel, async bool) bool {
		var raw json.RawMessage
		if !receive(ctx, c, async, &raw) {
			return false
		}
		if err := in.Take(raw); err != nil {
			in.Reject(workflow.Now(ctx), raw, err)
			log.Warn("event rejected", "error", err, "unhandled", errors.Is(err, drill.ErrUnhandled))
		}
		return true
	}
	decide := func(c workflow.ReceiveChannel, async bool) bool {
		var raw json.RawMessage
		if !receive(ctx, c, async, &raw) {
			return false
		}
		if err := in.Decide(workflow.Now(ctx), raw); err != nil {
			in.RejectDecision(workflow.Now(ctx), raw, err)
			log.Warn("decision rejected", "error", err)
		}
		return true
	}
	closing := func(c workflow.ReceiveChannel, async bool) bool {
		var reason string
		if !receive(ctx, c, async, &reason) {
			return false
		}
		in.Close(reason)
		return true
	}

	actx := workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: time.Minute,
		RetryPolicy:         &temporal.RetryPolicy{MaximumAttempts: 10},
	})
	var (
		timer       workflow.Future
		timerAt     time.Time
		cancelTimer workflow.CancelFunc
	)
	for {
		// What arrived while the workflow was busy goes first, so that an
		// event at the instant a report falls due is taken before it; the
		// events before the decisions, which may be for a body they convene.
		for take(events, true) || decide(decisions, true) || closing(closes, true) {
		}
		due, next := in.Due(workflow.Now(ctx))
		for _, n := range due {
			if err := workflow.ExecuteActivity(actx, ActivityNotify, n).Get(ctx, nil); err != nil {
				in.Failed(n, err)
				log.Error("notification failed", "at", n.At, "error", err)
			}
		}
		if len(due) > 0 {
			continue // time passed while notifying
		}
		if in.Ended() && (in.rec.Closed != "" || next.IsZero()) {
			if cancelTimer != nil {
				cancelTimer()
			}
			return in.Record(), nil
		}
		sel := workflow.NewSelector(ctx)
		sel.AddReceive(events, func(c workflow.ReceiveChannel, _ bool) { take(c, false) })
		sel.AddReceive(decisions, func(c workflow.ReceiveChannel, _ bool) { decide(c, false) })
		sel.AddReceive(closes, func(c workflow.ReceiveChannel, _ bool) { closing(c, false) })
		if !next.IsZero() {
			next = next.Add(Grace)
			if timer == nil || !timerAt.Equal(next) {
				if cancelTimer != nil {
					cancelTimer()
				}
				var tctx workflow.Context
				tctx, cancelTimer = workflow.WithCancel(ctx)
				timer, timerAt = workflow.NewTimer(tctx, next.Sub(workflow.Now(ctx))), next
			}
			sel.AddFuture(timer, func(workflow.Future) { timer, cancelTimer = nil, nil })
		}
		sel.Select(ctx)
	}
}

// receive takes the next value of signal channel c into v: waiting for one,
// or, when async, only if one is there (reporting whether it was).
func receive[T any](ctx workflow.Context, c workflow.ReceiveChannel, async bool, v *T) bool {
	if async {
		return c.ReceiveAsync(v)
	}
	c.Receive(ctx, v)
	return true
}
