package drill

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/threat"
)

var cmpOpts = cmp.Options{
	cmp.Comparer(council.Citations.Equal),
	cmp.Comparer(time.Time.Equal),
	cmp.Comparer(threat.Actions.Equal),
	cmp.Comparer(threat.Notifications.Equal),
}

// basedOn returns the plan file of plan id based on the reference plan model
// at version, stating nothing of its own.
func basedOn(t interface{ Fatal(...any) }, id, model, version string) []byte {
	b, err := json.Marshal(map[string]any{"id": id, "version": "1", "title": id,
		"basedOn": map[string]any{"id": model, "version": version}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A plan based on a model with no overrides decides exactly as the model:
// the same gradings and responses for every event, and the same drill.
func TestBasedOnDecidesAsTheModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		m, s := genScenario(t)
		id := rapid.StringMatching(`[a-z][a-z0-9-]{0,12}`).Filter(func(s string) bool { return !slices.Contains(reference.IDs(), s) }).Draw(t, "id")
		p, err := bcp.ParsePlan(basedOn(t, id, m.ID, m.Version))
		if err != nil {
			t.Fatal(err)
		}
		if ms, err := m.Scheme(); err == nil {
			ps, err := p.Scheme()
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range s.Events {
				if e.Kind != ActObserved {
					continue
				}
				mr, merr := threat.Decide(ms, e.Act)
				pr, perr := threat.Decide(ps, e.Act)
				if diff := cmp.Diff(mr, pr, cmpOpts); diff != "" || (merr == nil) != (perr == nil) {
					t.Fatalf("Decide(%v): (-model +plan):\n%s\n%v / %v", e.Act, diff, merr, perr)
				}
			}
		}
		mt, merr := Run(m, s)
		pt, perr := Run(p, s)
		if (merr == nil) != (perr == nil) {
			t.Fatalf("Run: %v / %v", merr, perr)
		}
		if diff := cmp.Diff(mt.Entries, pt.Entries, cmpOpts); diff != "" {
			t.Fatalf("drill entries (-model +plan):\n%s", diff)
		}
		if diff := cmp.Diff(mt.Vocabulary, pt.Vocabulary, cmpOpts); diff != "" {
			t.Fatalf("drill vocabulary (-model +plan):\n%s", diff)
		}
		if pt.Plan != id && perr == nil {
			t.Fatalf("the drill ran under %q, not the plan's ID %q", pt.Plan, id)
		}
	})
}
