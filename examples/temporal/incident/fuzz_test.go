package incident

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
)

// FuzzTake: whatever a signal holds, Take never panics; an event it refuses
// leaves the incident as it was, and one it takes gives the timeline
// drill.Run gives for the events taken.
func FuzzTake(f *testing.F) {
	sc, _, raw := builtin(f, "nakano-iaas-outage")
	for _, r := range raw[1:] {
		f.Add([]byte(r))
	}
	for _, s := range []string{`{"at":"2026-04-01T08:00:00+09:00","kind":"earthquake"}`, `null`, `{"at":`, `[]`,
		`{"at":"2026-04-01T08:00:00+09:00","kind":"card-lost"}`, `{"at":"2026-04-01T07:00:00+09:00","kind":"recovery"}`} {
		f.Add([]byte(s))
	}
	file := mustFile(f, "nakano")
	p, err := bcp.ParsePlan(file)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, event []byte) {
		in, err := Open(Start{ID: sc.ID, First: raw[0]}, file)
		if err != nil {
			t.Fatal(err)
		}
		before := in.Timeline()
		if err := in.Take(json.RawMessage(event)); err != nil {
			if !cmp.Equal(before, in.Timeline()) {
				t.Fatalf("refused (%v), but the timeline changed", err)
			}
			return
		}
		want, err := drill.Run(p, in.Scenario())
		if err != nil {
			t.Fatalf("taken, but drill.Run refuses the events: %v", err)
		}
		if !cmp.Equal(want, in.Timeline()) {
			t.Fatalf("timeline (-want +got):\n%s", cmp.Diff(want, in.Timeline()))
		}
	})
}
