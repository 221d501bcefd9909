package incident

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"google.golang.org/protobuf/encoding/protojson"
)

// quiet drops the SDK's log: the tests check what matters.
var quiet = log.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))

var update = flag.Bool("update", false, "record the workflow histories under testdata/ anew")

// recordRun runs an incident on a worker of this SDK against the in-process
// frontend (server_test.go), on the frontend's clock: started at at, each
// signal at its time. It returns the workflow's history and the notices.
func recordRun(t testing.TB, w *Workflows, start Start, at time.Time, signals []signal) (*historypb.History, []Notice) {
	t.Helper()
	dc := converter.GetDefaultDataConverter()
	var script []scripted
	for _, s := range signals {
		p, err := dc.ToPayloads(s.value)
		if err != nil {
			t.Fatal(err)
		}
		script = append(script, scripted{at: s.at, name: s.name, input: p})
	}
	f, addr := serve(t, at, script)
	worker.SetStickyWorkflowCacheSize(0) // the frontend hands out full histories
	c, err := client.Dial(client.Options{HostPort: addr, Identity: "recorder", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rec := &Recorder{}
	// Each task runs the workflow anew from its history (no cache): give it
	// more than the default second, for the race detector on a busy machine.
	wk := worker.New(c, TaskQueue, worker.Options{Identity: "recorder", DeadlockDetectionTimeout: time.Minute})
	wk.RegisterWorkflowWithOptions(w.Incident, workflow.RegisterOptions{Name: WorkflowName})
	wk.RegisterActivity(&Activities{Notifier: rec})
	if err := wk.Start(); err != nil {
		t.Fatal(err)
	}
	defer wk.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: start.ID, TaskQueue: TaskQueue}, WorkflowName, start); err != nil {
		t.Fatal(err)
	}
	select {
	case <-f.done:
	case <-ctx.Done():
		t.Fatal("the workflow did not end within a minute")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failure != nil {
		t.Fatal(f.failure)
	}
	return &historypb.History{Events: f.history}, rec.Notices()
}

// writeHistory writes h as indented JSON, the form
// worker.WorkflowReplayer.ReplayWorkflowHistoryFromJSONFile reads.
func writeHistory(t testing.TB, path string, h *historypb.History) {
	t.Helper()
	data, err := protojson.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := json.Indent(&b, data, "", "  "); err != nil { // protojson's spacing is not stable
		t.Fatal(err)
	}
	b.WriteByte('\n')
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func replay(t testing.TB, w *Workflows, path string) error {
	t.Helper()
	r, err := worker.NewWorkflowReplayerWithOptions(worker.WorkflowReplayerOptions{DisableDeadlockDetection: true})
	if err != nil {
		t.Fatal(err)
	}
	r.RegisterWorkflowWithOptions(w.Incident, workflow.RegisterOptions{Name: WorkflowName})
	return r.ReplayWorkflowHistoryFromJSONFile(quiet, path)
}

func history(name string) string { return filepath.Join("testdata", name+".history.json") }

// result decodes the Record a recorded workflow returned.
func result(t testing.TB, h *historypb.History) Record {
	t.Helper()
	last := h.Events[len(h.Events)-1]
	a := last.GetWorkflowExecutionCompletedEventAttributes()
	if a == nil {
		t.Fatalf("the workflow did not complete: last event %v", last.GetEventType())
	}
	var rec Record
	if err := converter.GetDefaultDataConverter().FromPayloads(a.GetResult(), &rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestHistories runs the recorded incidents on a worker against the
// in-process frontend: the notices are the timeline drill.Run gives, the
// history stays under 500 events, and with -update the histories are written
// to testdata/ for TestReplay.
func TestHistories(t *testing.T) {
	for _, inc := range recorded(t) {
		t.Run(inc.name, func(t *testing.T) {
			h, notices := recordRun(t, &Workflows{}, inc.start, inc.at, inc.signals)
			rec := result(t, h)
			if d := cmp.Diff(inc.want.Provenance, rec.Provenance); d != "" {
				t.Errorf("provenance (-want +got):\n%s", d)
			}
			if d := cmp.Diff(inc.want.Events, rec.Events); d != "" {
				t.Errorf("events (-want +got):\n%s", d)
			}
			if d := cmp.Diff(inc.want.Entries, entries(notices)); d != "" {
				t.Errorf("notified entries (-want +got):\n%s", d)
			}
			if d := cmp.Diff(inc.rejected, errorsOf(rec.Rejected)); d != "" {
				t.Errorf("rejected (-want +got):\n%s", d)
			}
			if d := cmp.Diff(inc.meetings, rec.Meetings); d != "" {
				t.Errorf("meetings (-want +got):\n%s", d)
			}
			if n := len(h.Events); n >= 500 {
				t.Errorf("history of %d events, want fewer than 500", n)
			}
			t.Logf("%d history events, %d notices, %d entries", len(h.Events), len(notices), rec.Notified)
			if *update {
				writeHistory(t, history(inc.name), h)
			}
		})
	}
}

// TestReplay replays the recorded histories (go test -update records them):
// the workflow makes the same commands from the same history, so a worker
// can pick up a running incident after a restart or a deployment.
func TestReplay(t *testing.T) {
	files, err := filepath.Glob(history("*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < len(recorded(t)) {
		t.Fatalf("%d histories in testdata, want %d: run go test -update", len(files), len(recorded(t)))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if err := replay(t, &Workflows{}, f); err != nil {
				t.Fatal(err)
			}
		})
	}
}
