package incident

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"go.temporal.io/sdk/temporal"
)

// nakanoV2 is nakano's plan file with its first daily report at 9:00
// instead of 8:15 (統合仮想サーバ 3(4)①ア): the plan a worker deployed
// mid-incident might carry.
func nakanoV2(t testing.TB) []byte {
	t.Helper()
	v1 := mustFile(t, "nakano")
	v2 := bytes.Replace(v1, []byte(`"8h15m"`), []byte(`"9h"`), 1)
	if bytes.Equal(v1, v2) {
		t.Fatal("nakano's plan file has no 8:15 report slot")
	}
	return v2
}

// TestPlanChangedMidIncident: nakano's outage started from the reference
// plan's ID, on a worker whose plan files change after the start. The
// frontend hands out full histories and the worker keeps no workflow in its
// cache, so every workflow task after the first runs the workflow anew from
// its history, as a worker restarted or deployed anew does: the incident
// still runs under the plan it started with, and a worker with the changed
// plan replays its recorded history.
func TestPlanChangedMidIncident(t *testing.T) {
	r := recorded(t)[0]
	if r.start.PlanID != "nakano" {
		t.Fatalf("the first recorded incident starts from %q, want nakano's reference ID", r.start.PlanID)
	}
	v1, v2 := mustFile(t, "nakano"), nakanoV2(t)
	p2, err := bcp.ParsePlan(v2)
	if err != nil {
		t.Fatal(err)
	}
	changed, err := drill.Run(p2, drill.Scenario{ID: r.want.Scenario, Plan: "nakano", Title: r.want.Title, Events: r.want.Events})
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Equal(r.want.Entries, changed.Entries) || r.want.Provenance == changed.Provenance {
		t.Fatal("the changed plan gives the same timeline: the test would prove nothing")
	}

	var calls atomic.Int32
	w := &Workflows{Plans: func(string) ([]byte, bool) {
		if calls.Add(1) == 1 {
			return v1, true
		}
		return v2, true
	}}
	h, notices := recordRun(t, w, r.start, r.at, r.signals)
	rec := result(t, h)
	if rec.Provenance != r.want.Provenance {
		t.Errorf("provenance %v, want the plan at the start, %v", rec.Provenance, r.want.Provenance)
	}
	if d := cmp.Diff(r.want.Entries, entries(notices)); d != "" {
		t.Errorf("notified entries (-want +got):\n%s", d)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("plan files read %d times, want once", n)
	}

	if err := replay(t, &Workflows{Plans: func(string) ([]byte, bool) { return v2, true }}, history(r.name)); err != nil {
		t.Errorf("a worker with the changed plan replays the recorded history: %v", err)
	}
}

// TestBadPlan: a plan that does not parse fails the start with the parse
// error; so does a reference ID that names no plan.
func TestBadPlan(t *testing.T) {
	r := recorded(t)[1]
	broken := bytes.Replace(mustFile(t, "tottori"), []byte(`"level-3"`), []byte(`"level-9"`), 1)
	_, perr := bcp.ParsePlan(broken)
	if perr == nil {
		t.Fatal("the broken plan parses")
	}
	for _, c := range []struct {
		name  string
		start Start
		want  string
	}{
		{"unparseable", Start{ID: "x", Plan: broken, First: r.start.First}, perr.Error()},
		{"not JSON", Start{ID: "x", Plan: []byte("{"), First: r.start.First}, ""},
		{"unknown reference", Start{ID: "x", PlanID: "yazu", First: r.start.First}, `incident x: no plan file, and no reference plan "yazu"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := run(t, &Workflows{}, c.start, r.at, nil)
			var ae *temporal.ApplicationError
			if !errors.As(out.err, &ae) || ae.Type() != ErrPlan {
				t.Fatalf("workflow error %v, want an application error of type %s", out.err, ErrPlan)
			}
			if c.want != "" && ae.Message() != c.want {
				t.Errorf("error %q, want %q", ae.Message(), c.want)
			}
			if len(out.notices) != 0 {
				t.Errorf("%d notices, want none", len(out.notices))
			}
		})
	}
}

// TestStandDown: an intrusion into a place unrelated to the network is a
// level-1 act under tottori's plan, whose response ends the emergency
// response (tottori:第3-5(1)): the workflow ends on its own once it has
// notified the timeline, with no close signal.
func TestStandDown(t *testing.T) {
	first := json.RawMessage(`{"at":"2026-04-01T09:00:00+09:00","kind":"act-observed","by":"staff","act":{"kind":"intrusion","place":"unrelated"}}`)
	p, err := bcp.ParsePlan(mustFile(t, "tottori"))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := drill.ParseScenario(p, []byte(`{"id":"tottori-l1","plan":"tottori","events":[`+string(first)+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	want, err := drill.Run(p, sc)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(want.Entries, func(e drill.Entry) bool { return e.Act == drill.ActStandDown }) {
		t.Fatal("no stand-down in the timeline: the test would prove nothing")
	}
	out := run(t, &Workflows{}, Start{ID: "tottori-l1", PlanID: "tottori", First: first}, sc.Events[0].At, nil)
	if out.err != nil {
		t.Fatal(out.err)
	}
	if out.rec.Closed != "" {
		t.Errorf("closed %q, want an end by stand-down", out.rec.Closed)
	}
	if d := cmp.Diff(want, out.timeline); d != "" {
		t.Errorf("timeline (-want +got):\n%s", d)
	}
	if d := cmp.Diff(want.Entries, entries(out.notices)); d != "" {
		t.Errorf("notified entries (-want +got):\n%s", d)
	}
}
