package drill

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

var jsonOpts = cmp.Options{
	cmp.Comparer(council.Citations.Equal),
	cmp.Comparer(time.Time.Equal),
}

// TestOutputsRoundTrip: a drill's outputs and inputs survive json.Marshal
// and json.Unmarshal unchanged: the timeline of a generated scenario, each
// of its entries, the scenario, each event and each status.
func TestOutputsRoundTrip(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		p, s := genScenario(rt)
		tl, err := Run(p, s)
		if err != nil {
			rt.Fatal(err)
		}
		roundTrip(rt, "timeline", tl)
		for _, e := range tl.Entries {
			roundTrip(rt, "entry", e)
		}
		roundTrip(rt, "scenario", s)
		for _, e := range s.Events {
			roundTrip(rt, "event", e)
			roundTrip(rt, "status", e.Status)
		}
	})
}

func roundTrip[T any](t *rapid.T, what string, v T) {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: json.Marshal: %v", what, err)
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("%s: json.Unmarshal(%s): %v", what, b, err)
	}
	if diff := cmp.Diff(v, back, jsonOpts); diff != "" {
		t.Fatalf("%s: %s lost in the round trip (-want +got):\n%s", what, b, diff)
	}
}

// TestEntryLogsAsItsJSON: slog's JSON handler logs an entry as a group
// holding exactly its JSON form.
func TestEntryLogsAsItsJSON(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		p, s := genScenario(rt)
		tl, err := Run(p, s)
		if err != nil {
			rt.Fatal(err)
		}
		for _, e := range tl.Entries {
			want, err := json.Marshal(e)
			if err != nil {
				rt.Fatal(err)
			}
			var buf bytes.Buffer
			log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
				if len(groups) == 0 && a.Key == slog.TimeKey {
					return slog.Attr{}
				}
				return a
			}}))
			log.Info("entry", "d", e)
			var got struct {
				D any `json:"d"`
			}
			if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
				rt.Fatalf("log line %s: %v", buf.Bytes(), err)
			}
			var w any
			if err := json.Unmarshal(want, &w); err != nil {
				rt.Fatal(err)
			}
			if diff := cmp.Diff(w, got.D); diff != "" {
				rt.Fatalf("logged %s\nJSON %s\n(-JSON +log):\n%s", buf.Bytes(), want, diff)
			}
		}
	})
}
