package bcp

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// decisions are the values a vendor logs: each implements slog.LogValuer.
var decisions = []slog.LogValuer{
	threat.Grading{}, threat.Range{}, threat.Response{}, threat.Precaution{},
	Finding{}, Difference{},
	council.Convening{},
	fault.Escalation{}, fault.Notice{}, fault.Classification{},
	measures.Finding{},
}

// TestDecisionsLogAsTheirJSON checks, for a generated value of each decision,
// that slog's JSON handler logs it as a group holding exactly its JSON form:
// the same keys and values, nested groups for nested decisions.
func TestDecisionsLogAsTheirJSON(t *testing.T) {
	for _, sample := range decisions {
		typ := reflect.TypeOf(sample)
		t.Run(typ.String(), func(t *testing.T) {
			rapid.Check(t, func(rt *rapid.T) {
				v := genValue(rt, typ, false, 0).Interface()
				want, err := json.Marshal(v)
				if err != nil {
					rt.Fatalf("json.Marshal: %v", err)
				}
				var buf bytes.Buffer
				log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: dropTime}))
				log.Info("decision", "d", v)
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
				if m, ok := w.(map[string]any); ok && len(m) == 0 && got.D == nil {
					return // slog leaves an empty group out
				}
				if diff := cmp.Diff(w, got.D); diff != "" {
					rt.Fatalf("logged %s\nJSON %s\n(-JSON +log):\n%s", buf.Bytes(), want, diff)
				}
			})
		})
	}
}

func dropTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}
