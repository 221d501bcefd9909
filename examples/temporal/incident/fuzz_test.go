package incident

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
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

// FuzzDecide: whatever a decision signal holds, Decide never panics; one it
// refuses is an error wrapping the incident's or the library's sentinel, of
// bounded length, and leaves the meetings as they were; one it takes changes
// them, and the same signal again is refused (the item is settled, or the
// meeting closed).
func FuzzDecide(f *testing.F) {
	for _, s := range []string{decideStop, decideResidents, publicityNA, closeMeeting, `null`, `{"body":`, `[]`, `{}`,
		`{"body":"security-council","key":"evacuation","status":"decided","text":"x","by":"security-chief"}`,
		`{"body":"security-council","on":"serious-fault","close":true}`,
		`{"body":"セキュリティ会議","key":"publicity","status":"該当なし","text":"x","by":"staff","at":"2026-04-01T09:39:59+09:00"}`} {
		f.Add([]byte(s))
	}
	now := time.Date(2026, 4, 1, 11, 0, 0, 0, jst)
	in := tottoriL3(f, 2)
	if err := in.Decide(now, json.RawMessage(decideStop)); err != nil {
		f.Fatal(err)
	}
	start := slices.Clone(in.meetings) // council.Meeting has value semantics
	f.Fuzz(func(t *testing.T, value []byte) {
		in.meetings = slices.Clone(start)
		before := in.Meetings()
		err := in.Decide(now, json.RawMessage(value))
		if err != nil {
			known := false
			for _, s := range []error{council.ErrInvalid, council.ErrNotOpen, council.ErrUnknownItem, council.ErrSettled,
				council.ErrClosed, council.ErrTime, council.ErrOutstanding} {
				known = known || errors.Is(err, s)
			}
			if !known {
				t.Errorf("refused with %v, wrapping no sentinel", err)
			}
			if n := len(err.Error()); n > 1024 {
				t.Errorf("an error of %d bytes", n)
			}
			if !cmp.Equal(before, in.Meetings()) {
				t.Fatalf("refused (%v), but the meetings changed", err)
			}
			return
		}
		if cmp.Equal(before, in.Meetings()) {
			t.Fatal("taken, but the meetings did not change")
		}
		if err := in.Decide(now, json.RawMessage(value)); !errors.Is(err, council.ErrSettled) && !errors.Is(err, council.ErrClosed) {
			t.Fatalf("taken twice: %v", err)
		}
	})
}
