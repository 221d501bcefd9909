package drill

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"

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
		s, err := ParseScenario(bcp.Plan{}, data)
		if err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("decoded scenario does not encode: %v", err)
		}
		s2, err := ParseScenario(bcp.Plan{}, b)
		if err != nil {
			t.Fatalf("re-encoded scenario does not decode: %v\n%s", err, b)
		}
		// Instants keep their meaning, not their zone: compare in Japan time.
		if diff := cmp.Diff(inJST(s), inJST(s2)); diff != "" {
			t.Fatalf("round trip changed the scenario (-first +second):\n%s", diff)
		}
		if p, err := bcp.Reference(s.Plan); err == nil {
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

// FuzzDrillEnums parses arbitrary text as each enum of the drill: no panic,
// and what parses prints and parses back to the same value.
func FuzzDrillEnums(f *testing.F) {
	for _, k := range AllEventKinds() {
		f.Add(k.String())
		f.Add(k.Label())
	}
	for _, a := range AllActs() {
		f.Add(a.String())
		f.Add(a.Label())
	}
	for _, j := range AllJudgements() {
		f.Add(j.String())
	}
	f.Add("ja")
	f.Add("日本語")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if k, err := ParseEventKind(s); err == nil {
			if k2, err := ParseEventKind(k.String()); err != nil || k2 != k {
				t.Fatalf("event kind %q: %v round trips to %v, %v", s, k, k2, err)
			}
		}
		if a, err := ParseAct(s); err == nil {
			if a2, err := ParseAct(a.String()); err != nil || a2 != a {
				t.Fatalf("act %q: %v round trips to %v, %v", s, a, a2, err)
			}
		}
		if j, err := ParseJudgement(s); err == nil {
			if j2, err := ParseJudgement(j.String()); err != nil || j2 != j {
				t.Fatalf("judgement %q: %v round trips to %v, %v", s, j, j2, err)
			}
		}
		if l, err := bcp.ParseLang(s); err == nil {
			var l2 bcp.Lang
			if err := l2.UnmarshalText([]byte(l.String())); err != nil || l2 != l {
				t.Fatalf("lang %q: %v round trips to %v, %v", s, l, l2, err)
			}
		}
	})
}
