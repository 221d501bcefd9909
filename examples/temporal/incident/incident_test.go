package incident

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// builtin returns a built-in scenario, its plan and its events in their JSON
// form in the plan's words, as a vendor would signal them.
func builtin(t testing.TB, id string) (drill.Scenario, bcp.Plan, []json.RawMessage) {
	t.Helper()
	sc, err := drill.ScenarioByID(id)
	if err != nil {
		t.Fatal(err)
	}
	file, ok := reference.File(sc.Plan)
	if !ok {
		t.Fatalf("no reference plan %q", sc.Plan)
	}
	p, err := bcp.ParsePlan(file)
	if err != nil {
		t.Fatal(err)
	}
	data, err := drill.MarshalScenario(p, sc)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct{ Events []json.RawMessage }
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	return sc, p, raw.Events
}

// A signal is sent to the workflow at its time.
type signal struct {
	at    time.Time
	name  string
	value any
}

// An outcome is what run observed.
type outcome struct {
	rec      Record
	err      error
	timeline drill.Timeline   // queried when the workflow completed
	midway   []drill.Timeline // queried a second after each event signalled, while the workflow runs
	notices  []Notice
}

// run runs an incident through Temporal's test suite, time skipping: started
// at at, each signal sent at its time, the timeline queried a second after
// each event signalled and once more when the workflow has completed.
func run(t testing.TB, w *Workflows, start Start, at time.Time, signals []signal) outcome {
	t.Helper()
	var s testsuite.WorkflowTestSuite
	s.SetLogger(quiet)
	env := s.NewTestWorkflowEnvironment()
	env.SetStartTime(at)
	env.SetWorkerOptions(worker.Options{DeadlockDetectionTimeout: time.Minute}) // the race detector on a busy machine
	rec := &Recorder{}
	env.RegisterWorkflowWithOptions(w.Incident, workflow.RegisterOptions{Name: WorkflowName})
	env.RegisterActivity(&Activities{Notifier: rec})
	var out outcome
	query := func() drill.Timeline {
		v, err := env.QueryWorkflow(QueryTimeline)
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		var tl drill.Timeline
		if err := v.Get(&tl); err != nil {
			t.Fatalf("query result: %v", err)
		}
		return tl
	}
	for _, sg := range signals {
		env.RegisterDelayedCallback(func() { env.SignalWorkflow(sg.name, sg.value) }, sg.at.Sub(at))
		if sg.name == SignalEvent {
			// A second on, before the next event and any report due then.
			env.RegisterDelayedCallback(func() { out.midway = append(out.midway, query()) }, sg.at.Sub(at)+time.Second)
		}
	}
	env.ExecuteWorkflow(WorkflowName, start)
	if !env.IsWorkflowCompleted() {
		t.Fatal("workflow did not complete")
	}
	out.err = env.GetWorkflowError()
	if out.err == nil {
		if err := env.GetWorkflowResult(&out.rec); err != nil {
			t.Fatal(err)
		}
	}
	out.notices = rec.Notices()
	if out.err == nil {
		// A completed workflow still answers queries, with its final state.
		out.timeline = query()
	}
	return out
}

// A recording is an incident the tests run, through the test suite and on
// a worker against the in-process frontend, and whose history testdata/
// keeps: how it starts, what is signalled when, and what it must give.
type recording struct {
	name     string
	start    Start
	at       time.Time
	signals  []signal
	want     drill.Timeline // drill.Run of the events taken
	rejected []string       // the library's errors for the signals rejected
	meetings []Meeting      // the council meetings, with the decisions taken
}

// recorded returns nakano's three-day outage, started from its reference
// plan's ID, and tottori's level-3 drill, started from its plan file, with
// three signals it rejects (a bad value, an event out of time order and one
// the plan states nothing for), the decisions of the security council it
// convenes (one without a time, one not applicable, one for an item its
// agenda does not have, rejected) and the meeting's close, and closed an
// hour after its last event.
func recorded(t testing.TB) []recording {
	t.Helper()
	var out []recording
	for _, id := range []string{"nakano-iaas-outage", "tottori-l3-firewall"} {
		sc, p, raw := builtin(t, id)
		want, err := drill.Run(p, sc)
		if err != nil {
			t.Fatal(err)
		}
		r := recording{name: id, at: sc.Events[0].At, want: want,
			start: Start{ID: sc.ID, Title: sc.Title, PlanID: sc.Plan, First: raw[0]}}
		for i, e := range raw[1:] {
			r.signals = append(r.signals, signal{sc.Events[i+1].At, SignalEvent, e})
		}
		last := sc.Events[len(sc.Events)-1].At
		if sc.Events[len(sc.Events)-1].Kind != drill.Recovery {
			r.start.PlanID, r.start.Plan = "", mustFile(t, sc.Plan)
			bad := []signal{
				{last.Add(10 * time.Minute), SignalEvent, json.RawMessage(`{"at":"2026-04-01T09:50:00+09:00","kind":"no-such-kind"}`)},
				{last.Add(20 * time.Minute), SignalEvent, json.RawMessage(`{"at":"2026-04-01T08:00:00+09:00","kind":"recovery"}`)},
				{last.Add(30 * time.Minute), SignalEvent, json.RawMessage(`{"at":"2026-04-01T10:10:00+09:00","kind":"card-lost"}`)},
			}
			in, err := Open(r.start, r.start.Plan)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range raw[1:] {
				if err := in.Take(e); err != nil {
					t.Fatal(err)
				}
			}
			for _, b := range bad {
				err := in.Take(b.value.(json.RawMessage))
				if err == nil {
					t.Fatalf("%s: taken", b.value)
				}
				r.rejected = append(r.rejected, err.Error())
			}
			r.signals = append(r.signals, bad...)
			for i, d := range []string{
				`{"body":"鳥取県住基ネットセキュリティ会議","key":"system-stop","status":"決定","text":"一部切離し","by":"セキュリティ統括管理者"}`,
				decideResidents,
				`{"body":"security-council","key":"evacuation","status":"decided","text":"避難","by":"security-chief"}`,
				publicityNA,
				closeMeeting,
			} {
				sg := signal{last.Add(time.Duration(35+5*i) * time.Minute), SignalDecision, json.RawMessage(d)}
				if err := in.Decide(sg.at, json.RawMessage(d)); err != nil {
					r.rejected = append(r.rejected, err.Error())
				}
				r.signals = append(r.signals, sg)
			}
			r.meetings = in.Meetings()
			r.signals = append(r.signals, signal{last.Add(time.Hour), SignalClose, "drill over"})
		}
		out = append(out, r)
	}
	return out
}

func mustFile(t testing.TB, id string) []byte {
	t.Helper()
	b, ok := reference.File(id)
	if !ok {
		t.Fatalf("no reference plan %q", id)
	}
	return b
}

func entries(ns []Notice) []drill.Entry {
	var out []drill.Entry
	for _, n := range ns {
		out = append(out, n.Entries...)
	}
	return out
}

func errorsOf(rs []Rejection) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Error)
	}
	return out
}

// TestBuiltinScenarios runs the recorded incidents through Temporal's test
// suite, each event signalled at its time: the timeline query gives what
// drill.Run gives for the same events, entry for entry, every entry is
// notified once, in order, and the signals the incident cannot take are
// rejected with the library's error while the workflow goes on.
func TestBuiltinScenarios(t *testing.T) {
	for _, r := range recorded(t) {
		t.Run(r.name, func(t *testing.T) {
			out := run(t, &Workflows{}, r.start, r.at, r.signals)
			if out.err != nil {
				t.Fatal(out.err)
			}
			if d := cmp.Diff(r.want, out.timeline); d != "" {
				t.Errorf("timeline query (-want +got):\n%s", d)
			}
			if d := cmp.Diff(r.want.Entries, entries(out.notices)); d != "" {
				t.Errorf("notified entries (-want +got):\n%s", d)
			}
			// While it runs: the timeline so far, what drill.Run gives for
			// the events taken so far (a rejected signal takes none). The
			// last event's query falls after a recovery ends the workflow.
			sc, p, _ := builtin(t, r.name)
			k := 1
			for i, sg := range r.signals {
				if sg.name != SignalEvent || i >= len(out.midway) {
					continue
				}
				if k+1 <= len(sc.Events) && !sg.at.Before(sc.Events[k].At) {
					k++
				}
				part := sc.Clone()
				part.Events = part.Events[:k]
				want, err := drill.Run(p, part)
				if err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(want, out.midway[i]); d != "" {
					t.Errorf("timeline queried after signal %d (-want +got):\n%s", i, d)
				}
			}
			if n := len(out.midway); n < len(sc.Events)-2 {
				t.Errorf("%d queries while the workflow ran, want at least %d", n, len(sc.Events)-2)
			}
			if d := cmp.Diff(r.rejected, errorsOf(out.rec.Rejected)); d != "" {
				t.Errorf("rejected (-want +got):\n%s", d)
			}
			if d := cmp.Diff(r.meetings, out.rec.Meetings); d != "" {
				t.Errorf("meetings (-want +got):\n%s", d)
			}
			if out.rec.Notified != len(r.want.Entries) {
				t.Errorf("record: %d notified, want %d", out.rec.Notified, len(r.want.Entries))
			}
		})
	}
}
