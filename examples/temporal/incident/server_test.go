package incident

// A Temporal frontend for one workflow, in process, with a clock of its own:
// just enough of the workflow service for a worker of this SDK to run an
// incident, so that the tests can record the workflow's real history (the
// events a Temporal server writes) without a server. Temporal's test suite
// runs workflows without a history, and a development server has no time
// skipping: a three-day incident would take three days.
//
// The frontend keeps the history, schedules workflow tasks, turns the
// commands a task completes with into events, hands out activity tasks and
// completes them, and, when nothing is in flight, moves its clock to the
// next timer or scripted signal and fires it: time skipping, as the test
// suite does. It hands out full histories (no sticky queue: run the worker
// with worker.SetStickyWorkflowCacheSize(0)).

import (
	"context"
	"fmt"
	"net"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	commandpb "go.temporal.io/api/command/v1"
	commonpb "go.temporal.io/api/common/v1"
	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	namespacepb "go.temporal.io/api/namespace/v1"
	taskqueuepb "go.temporal.io/api/taskqueue/v1"
	"go.temporal.io/api/workflowservice/v1"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/durationpb"
	"google.golang.org/protobuf/types/known/timestamppb"
)

// A scripted signal reaches the workflow at its time on the server's clock.
type scripted struct {
	at    time.Time
	name  string
	input *commonpb.Payloads
}

type frontend struct {
	workflowservice.UnimplementedWorkflowServiceServer

	mu      sync.Mutex
	kick    chan struct{} // closed and replaced on every change
	clock   time.Time
	script  []scripted // in time order
	history []*historypb.HistoryEvent
	exec    *commonpb.WorkflowExecution
	wtype   *commonpb.WorkflowType
	queue   *taskqueuepb.TaskQueue

	wftScheduled int64 // event ID of the scheduled workflow task, 0 when none
	wftStarted   int64 // event ID of the started one, 0 when none
	lastStarted  int64 // the previous workflow task's started event
	buffered     []*historypb.HistoryEvent
	timers       map[string]pendingTimer
	activities   []int64          // scheduled events of activities not yet handed out
	running      map[string]int64 // task token → scheduled event of activities handed out
	done         chan struct{}
	failure      error // a workflow task failed
}

type pendingTimer struct {
	at      time.Time
	started int64
}

// serve starts a frontend at clock start with its script and returns the
// address it listens on.
func serve(t testing.TB, start time.Time, script []scripted) (*frontend, string) {
	t.Helper()
	f := &frontend{kick: make(chan struct{}), clock: start, script: script, timers: map[string]pendingTimer{},
		running: map[string]int64{}, done: make(chan struct{})}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := grpc.NewServer()
	workflowservice.RegisterWorkflowServiceServer(s, f)
	go func() { _ = s.Serve(l) }()
	t.Cleanup(s.Stop)
	return f, l.Addr().String()
}

// changed wakes every poller; call with mu held.
func (f *frontend) changed() {
	close(f.kick)
	f.kick = make(chan struct{})
}

func (f *frontend) add(e *historypb.HistoryEvent) int64 {
	e.EventId = int64(len(f.history) + 1)
	e.EventTime = timestamppb.New(f.clock)
	e.Version = 0
	f.history = append(f.history, e)
	return e.EventId
}

// external adds an event from outside the workflow: buffered while a
// workflow task runs, and it schedules one.
func (f *frontend) external(e *historypb.HistoryEvent) {
	if f.wftStarted != 0 {
		f.buffered = append(f.buffered, e)
		return
	}
	f.add(e)
	f.scheduleTask()
}

func (f *frontend) scheduleTask() {
	if f.wftScheduled != 0 || f.finished() {
		return
	}
	f.wftScheduled = f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
		Attributes: &historypb.HistoryEvent_WorkflowTaskScheduledEventAttributes{WorkflowTaskScheduledEventAttributes: &historypb.WorkflowTaskScheduledEventAttributes{
			TaskQueue: f.queue, StartToCloseTimeout: durationpb.New(10 * time.Second), Attempt: 1}}})
}

func (f *frontend) finished() bool {
	select {
	case <-f.done:
		return true
	default:
		return false
	}
}

// advance moves the clock when nothing is in flight: to the next timer or
// scripted signal, firing everything due then in one workflow task.
func (f *frontend) advance() {
	if f.finished() || f.wftScheduled != 0 || f.wftStarted != 0 || len(f.activities) > 0 || len(f.running) > 0 {
		return
	}
	var next time.Time
	for _, tm := range f.timers {
		if next.IsZero() || tm.at.Before(next) {
			next = tm.at
		}
	}
	if len(f.script) > 0 && (next.IsZero() || f.script[0].at.Before(next)) {
		next = f.script[0].at
	}
	if next.IsZero() {
		f.failure = fmt.Errorf("workflow waits for nothing at %v", f.clock)
		close(f.done)
		return
	}
	if next.After(f.clock) {
		f.clock = next
	}
	for len(f.script) > 0 && !f.script[0].at.After(f.clock) {
		s := f.script[0]
		f.script = f.script[1:]
		f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
			Attributes: &historypb.HistoryEvent_WorkflowExecutionSignaledEventAttributes{WorkflowExecutionSignaledEventAttributes: &historypb.WorkflowExecutionSignaledEventAttributes{
				SignalName: s.name, Input: s.input, Identity: "script"}}})
	}
	ids := make([]string, 0, len(f.timers))
	for id, tm := range f.timers {
		if !tm.at.After(f.clock) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_TIMER_FIRED,
			Attributes: &historypb.HistoryEvent_TimerFiredEventAttributes{TimerFiredEventAttributes: &historypb.TimerFiredEventAttributes{
				TimerId: id, StartedEventId: f.timers[id].started}}})
		delete(f.timers, id)
	}
	f.scheduleTask()
}

func (f *frontend) GetSystemInfo(context.Context, *workflowservice.GetSystemInfoRequest) (*workflowservice.GetSystemInfoResponse, error) {
	return &workflowservice.GetSystemInfoResponse{ServerVersion: "1.0.0", Capabilities: &workflowservice.GetSystemInfoResponse_Capabilities{
		SignalAndQueryHeader: true, InternalErrorDifferentiation: true, ActivityFailureIncludeHeartbeat: true,
		EncodedFailureAttributes: true, SdkMetadata: true}}, nil
}

func (f *frontend) DescribeNamespace(_ context.Context, r *workflowservice.DescribeNamespaceRequest) (*workflowservice.DescribeNamespaceResponse, error) {
	return &workflowservice.DescribeNamespaceResponse{NamespaceInfo: &namespacepb.NamespaceInfo{Name: r.GetNamespace(),
		State: enumspb.NAMESPACE_STATE_REGISTERED, Capabilities: &namespacepb.NamespaceInfo_Capabilities{}}}, nil
}

func (f *frontend) RecordWorkerHeartbeat(context.Context, *workflowservice.RecordWorkerHeartbeatRequest) (*workflowservice.RecordWorkerHeartbeatResponse, error) {
	return &workflowservice.RecordWorkerHeartbeatResponse{}, nil
}

func (f *frontend) ShutdownWorker(context.Context, *workflowservice.ShutdownWorkerRequest) (*workflowservice.ShutdownWorkerResponse, error) {
	return &workflowservice.ShutdownWorkerResponse{}, nil
}

func (f *frontend) PollNexusTaskQueue(ctx context.Context, _ *workflowservice.PollNexusTaskQueueRequest) (*workflowservice.PollNexusTaskQueueResponse, error) {
	<-ctx.Done()
	return &workflowservice.PollNexusTaskQueueResponse{}, nil
}

func (f *frontend) StartWorkflowExecution(_ context.Context, r *workflowservice.StartWorkflowExecutionRequest) (*workflowservice.StartWorkflowExecutionResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.exec != nil {
		return nil, fmt.Errorf("one workflow per frontend")
	}
	f.exec = &commonpb.WorkflowExecution{WorkflowId: r.GetWorkflowId(), RunId: "run-" + r.GetWorkflowId()}
	f.wtype, f.queue = r.GetWorkflowType(), &taskqueuepb.TaskQueue{Name: r.GetTaskQueue().GetName(), Kind: enumspb.TASK_QUEUE_KIND_NORMAL}
	f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
		Attributes: &historypb.HistoryEvent_WorkflowExecutionStartedEventAttributes{WorkflowExecutionStartedEventAttributes: &historypb.WorkflowExecutionStartedEventAttributes{
			WorkflowType: f.wtype, TaskQueue: f.queue, Input: r.GetInput(), Header: r.GetHeader(),
			WorkflowTaskTimeout: durationpb.New(10 * time.Second), OriginalExecutionRunId: f.exec.RunId,
			FirstExecutionRunId: f.exec.RunId, Identity: "recorder", Attempt: 1,
			WorkflowId: r.GetWorkflowId()}}})
	f.scheduleTask()
	f.changed()
	return &workflowservice.StartWorkflowExecutionResponse{RunId: f.exec.RunId, Started: true}, nil
}

// wait blocks until the state changes or ctx ends; call with mu held.
func (f *frontend) wait(ctx context.Context) bool {
	k := f.kick
	f.mu.Unlock()
	defer f.mu.Lock()
	select {
	case <-k:
		return true
	case <-ctx.Done():
		return false
	case <-f.done:
		return false
	}
}

func (f *frontend) PollWorkflowTaskQueue(ctx context.Context, r *workflowservice.PollWorkflowTaskQueueRequest) (*workflowservice.PollWorkflowTaskQueueResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.wftScheduled == 0 || f.wftStarted != 0 || r.GetTaskQueue().GetKind() == enumspb.TASK_QUEUE_KIND_STICKY {
		if !f.wait(ctx) {
			return &workflowservice.PollWorkflowTaskQueueResponse{}, nil
		}
	}
	f.wftStarted = f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_WORKFLOW_TASK_STARTED,
		Attributes: &historypb.HistoryEvent_WorkflowTaskStartedEventAttributes{WorkflowTaskStartedEventAttributes: &historypb.WorkflowTaskStartedEventAttributes{
			ScheduledEventId: f.wftScheduled, Identity: r.GetIdentity(), RequestId: "wft-" + strconv.Itoa(len(f.history)),
			HistorySizeBytes: 1}}})
	return &workflowservice.PollWorkflowTaskQueueResponse{
		TaskToken: []byte("wft-" + strconv.FormatInt(f.wftStarted, 10)), WorkflowExecution: f.exec, WorkflowType: f.wtype,
		PreviousStartedEventId: f.lastStarted, StartedEventId: f.wftStarted, Attempt: 1,
		History:                    &historypb.History{Events: slices.Clone(f.history)},
		WorkflowExecutionTaskQueue: f.queue, ScheduledTime: timestamppb.New(f.clock), StartedTime: timestamppb.New(f.clock),
	}, nil
}

func (f *frontend) RespondWorkflowTaskCompleted(_ context.Context, r *workflowservice.RespondWorkflowTaskCompletedRequest) (*workflowservice.RespondWorkflowTaskCompletedResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	defer f.changed()
	done := f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
		Attributes: &historypb.HistoryEvent_WorkflowTaskCompletedEventAttributes{WorkflowTaskCompletedEventAttributes: &historypb.WorkflowTaskCompletedEventAttributes{
			ScheduledEventId: f.wftScheduled, StartedEventId: f.wftStarted, Identity: r.GetIdentity(),
			SdkMetadata: r.GetSdkMetadata(), MeteringMetadata: r.GetMeteringMetadata()}}})
	f.lastStarted, f.wftScheduled, f.wftStarted = f.wftStarted, 0, 0
	for _, c := range r.GetCommands() {
		if err := f.command(c, done); err != nil {
			f.failure = err
			close(f.done)
			return nil, err
		}
	}
	if f.finished() {
		return &workflowservice.RespondWorkflowTaskCompletedResponse{}, nil
	}
	if len(f.buffered) > 0 || r.GetForceCreateNewWorkflowTask() {
		for _, e := range f.buffered {
			f.add(e)
		}
		f.buffered = nil
		f.scheduleTask()
	}
	f.advance()
	return &workflowservice.RespondWorkflowTaskCompletedResponse{}, nil
}

func (f *frontend) command(c *commandpb.Command, done int64) error {
	switch c.GetCommandType() {
	case enumspb.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK:
		a := c.GetScheduleActivityTaskCommandAttributes()
		id := f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
			Attributes: &historypb.HistoryEvent_ActivityTaskScheduledEventAttributes{ActivityTaskScheduledEventAttributes: &historypb.ActivityTaskScheduledEventAttributes{
				ActivityId: a.GetActivityId(), ActivityType: a.GetActivityType(), TaskQueue: f.queue, Header: a.GetHeader(),
				Input: a.GetInput(), ScheduleToCloseTimeout: a.GetScheduleToCloseTimeout(), ScheduleToStartTimeout: a.GetScheduleToStartTimeout(),
				StartToCloseTimeout: a.GetStartToCloseTimeout(), HeartbeatTimeout: a.GetHeartbeatTimeout(),
				WorkflowTaskCompletedEventId: done, RetryPolicy: a.GetRetryPolicy()}}})
		f.activities = append(f.activities, id)
	case enumspb.COMMAND_TYPE_START_TIMER:
		a := c.GetStartTimerCommandAttributes()
		id := f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_TIMER_STARTED,
			Attributes: &historypb.HistoryEvent_TimerStartedEventAttributes{TimerStartedEventAttributes: &historypb.TimerStartedEventAttributes{
				TimerId: a.GetTimerId(), StartToFireTimeout: a.GetStartToFireTimeout(), WorkflowTaskCompletedEventId: done}}})
		f.timers[a.GetTimerId()] = pendingTimer{at: f.clock.Add(a.GetStartToFireTimeout().AsDuration()), started: id}
	case enumspb.COMMAND_TYPE_CANCEL_TIMER:
		a := c.GetCancelTimerCommandAttributes()
		tm, ok := f.timers[a.GetTimerId()]
		if !ok {
			return fmt.Errorf("cancel of unknown timer %q", a.GetTimerId())
		}
		delete(f.timers, a.GetTimerId())
		f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_TIMER_CANCELED,
			Attributes: &historypb.HistoryEvent_TimerCanceledEventAttributes{TimerCanceledEventAttributes: &historypb.TimerCanceledEventAttributes{
				TimerId: a.GetTimerId(), StartedEventId: tm.started, WorkflowTaskCompletedEventId: done, Identity: "recorder"}}})
	case enumspb.COMMAND_TYPE_RECORD_MARKER:
		a := c.GetRecordMarkerCommandAttributes()
		f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_MARKER_RECORDED,
			Attributes: &historypb.HistoryEvent_MarkerRecordedEventAttributes{MarkerRecordedEventAttributes: &historypb.MarkerRecordedEventAttributes{
				MarkerName: a.GetMarkerName(), Details: a.GetDetails(), WorkflowTaskCompletedEventId: done, Header: a.GetHeader(), Failure: a.GetFailure()}}})
	case enumspb.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION:
		f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
			Attributes: &historypb.HistoryEvent_WorkflowExecutionCompletedEventAttributes{WorkflowExecutionCompletedEventAttributes: &historypb.WorkflowExecutionCompletedEventAttributes{
				Result: c.GetCompleteWorkflowExecutionCommandAttributes().GetResult(), WorkflowTaskCompletedEventId: done}}})
		close(f.done)
	case enumspb.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION:
		f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
			Attributes: &historypb.HistoryEvent_WorkflowExecutionFailedEventAttributes{WorkflowExecutionFailedEventAttributes: &historypb.WorkflowExecutionFailedEventAttributes{
				Failure: c.GetFailWorkflowExecutionCommandAttributes().GetFailure(), WorkflowTaskCompletedEventId: done,
				RetryState: enumspb.RETRY_STATE_RETRY_POLICY_NOT_SET}}})
		close(f.done)
	default:
		return fmt.Errorf("command %v not supported by the test frontend", c.GetCommandType())
	}
	return nil
}

func (f *frontend) RespondWorkflowTaskFailed(_ context.Context, r *workflowservice.RespondWorkflowTaskFailedRequest) (*workflowservice.RespondWorkflowTaskFailedResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failure = fmt.Errorf("workflow task failed: %v: %s", r.GetCause(), r.GetFailure().GetMessage())
	if !f.finished() {
		close(f.done)
	}
	f.changed()
	return &workflowservice.RespondWorkflowTaskFailedResponse{}, nil
}

func (f *frontend) PollActivityTaskQueue(ctx context.Context, r *workflowservice.PollActivityTaskQueueRequest) (*workflowservice.PollActivityTaskQueueResponse, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for len(f.activities) == 0 {
		if !f.wait(ctx) {
			return &workflowservice.PollActivityTaskQueueResponse{}, nil
		}
	}
	id := f.activities[0]
	f.activities = f.activities[1:]
	a := f.history[id-1].GetActivityTaskScheduledEventAttributes()
	token := "act-" + strconv.FormatInt(id, 10)
	f.running[token] = id
	now := time.Now() // the activity's deadline runs on the worker's clock
	return &workflowservice.PollActivityTaskQueueResponse{
		TaskToken: []byte(token), WorkflowNamespace: r.GetNamespace(), WorkflowType: f.wtype, WorkflowExecution: f.exec,
		ActivityType: a.GetActivityType(), ActivityId: a.GetActivityId(), Header: a.GetHeader(), Input: a.GetInput(),
		ScheduledTime: timestamppb.New(now), CurrentAttemptScheduledTime: timestamppb.New(now), StartedTime: timestamppb.New(now),
		ScheduleToCloseTimeout: a.GetScheduleToCloseTimeout(), StartToCloseTimeout: a.GetStartToCloseTimeout(),
		HeartbeatTimeout: a.GetHeartbeatTimeout(), Attempt: 1, RetryPolicy: a.GetRetryPolicy(),
	}, nil
}

func (f *frontend) activityDone(token []byte, identity string, completed *historypb.HistoryEvent) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	defer f.changed()
	id, ok := f.running[string(token)]
	if !ok {
		return fmt.Errorf("unknown activity task %q", token)
	}
	delete(f.running, string(token))
	started := f.add(&historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_ACTIVITY_TASK_STARTED,
		Attributes: &historypb.HistoryEvent_ActivityTaskStartedEventAttributes{ActivityTaskStartedEventAttributes: &historypb.ActivityTaskStartedEventAttributes{
			ScheduledEventId: id, Identity: identity, RequestId: "act-" + strconv.FormatInt(id, 10), Attempt: 1}}})
	switch a := completed.Attributes.(type) {
	case *historypb.HistoryEvent_ActivityTaskCompletedEventAttributes:
		a.ActivityTaskCompletedEventAttributes.ScheduledEventId, a.ActivityTaskCompletedEventAttributes.StartedEventId = id, started
	case *historypb.HistoryEvent_ActivityTaskFailedEventAttributes:
		a.ActivityTaskFailedEventAttributes.ScheduledEventId, a.ActivityTaskFailedEventAttributes.StartedEventId = id, started
	}
	f.external(completed)
	f.advance()
	return nil
}

func (f *frontend) RespondActivityTaskCompleted(_ context.Context, r *workflowservice.RespondActivityTaskCompletedRequest) (*workflowservice.RespondActivityTaskCompletedResponse, error) {
	err := f.activityDone(r.GetTaskToken(), r.GetIdentity(), &historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
		Attributes: &historypb.HistoryEvent_ActivityTaskCompletedEventAttributes{ActivityTaskCompletedEventAttributes: &historypb.ActivityTaskCompletedEventAttributes{
			Result: r.GetResult(), Identity: r.GetIdentity()}}})
	return &workflowservice.RespondActivityTaskCompletedResponse{}, err
}

func (f *frontend) RespondActivityTaskFailed(_ context.Context, r *workflowservice.RespondActivityTaskFailedRequest) (*workflowservice.RespondActivityTaskFailedResponse, error) {
	// No retries here: a failed notification fails for good.
	err := f.activityDone(r.GetTaskToken(), r.GetIdentity(), &historypb.HistoryEvent{EventType: enumspb.EVENT_TYPE_ACTIVITY_TASK_FAILED,
		Attributes: &historypb.HistoryEvent_ActivityTaskFailedEventAttributes{ActivityTaskFailedEventAttributes: &historypb.ActivityTaskFailedEventAttributes{
			Failure: r.GetFailure(), Identity: r.GetIdentity(), RetryState: enumspb.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED}}})
	return &workflowservice.RespondActivityTaskFailedResponse{}, err
}
