package bcp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParseScenario decodes arbitrary bytes as a scenario: it never panics,
// what decodes re-encodes and decodes to the same value, and a decoded
// scenario runs under its reference plan without panicking.
func FuzzParseScenario(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(minimalScenario))
	f.Add([]byte(`{"id":"x","plan":"ino","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"act-observed","act":{"kind":"leak"},"judgement":"serious","reason":"r"}]}`))
	f.Add([]byte(`{"id":"x","plan":"nakano","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"fault-detected","status":{"up":["mail"],"expected":"2026-04-03T09:00:00+09:00"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseScenario(data)
		if err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("decoded scenario does not encode: %v", err)
		}
		s2, err := ParseScenario(b)
		if err != nil {
			t.Fatalf("re-encoded scenario does not decode: %v\n%s", err, b)
		}
		// Instants keep their meaning, not their zone: compare in Japan time.
		if diff := cmp.Diff(inJST(s), inJST(s2)); diff != "" {
			t.Fatalf("round trip changed the scenario (-first +second):\n%s", diff)
		}
		if p, err := Reference(s.Plan); err == nil {
			_, _ = Run(p, s)
		}
	})
}

func inJST(s Scenario) Scenario {
	s = s.Clone()
	for i := range s.Events {
		s.Events[i].At = s.Events[i].At.In(jst)
		if !s.Events[i].Status.Expected.IsZero() {
			s.Events[i].Status.Expected = s.Events[i].Status.Expected.In(jst)
		}
	}
	return s
}
