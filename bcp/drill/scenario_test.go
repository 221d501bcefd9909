package drill

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
)

const minimalScenario = `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"act-observed","act":{"kind":"unauthorized-access","source":"local"}}]}`

func TestParseScenarioErrors(t *testing.T) {
	tests := []struct {
		name, in string
		paths    []string // every path the error must name
		wantAlso error
	}{
		{"malformed", `{"id":`, []string{"$"}, nil},
		{"not-object", `[1]`, []string{"$: want an object, got an array"}, nil},
		{"trailing-data", minimalScenario + `{}`, []string{"$: data after the value at line 1, column 150 (byte 149)"}, nil},
		{"unknown-top-field", `{"id":"x","plan":"tottori","color":"red","events":[]}`, []string{"$.color: unknown field"}, nil},
		{"repeated-field", `{"id":"x","id":"y","plan":"tottori","events":[]}`, []string{"$.id: key given twice at line 1, column 11 (byte 10)"}, nil},
		{"no-events", `{"id":"x","plan":"tottori","events":[]}`, []string{"$.events: no events"}, nil},
		{"missing-id-plan", `{"events":[{"at":"2026-04-01T09:00:00+09:00","kind":"recovery"}]}`, []string{"$.id: missing", "$.plan: missing"}, nil},
		{"bad-plan-id", `{"id":"x","plan":"to ttori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"recovery"}]}`, []string{"$.plan:"}, nil},
		{"unknown-event-field", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"recovery","colour":1}]}`, []string{"$.events[0].colour: unknown field"}, nil},
		{"bad-kind", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"explosion"}]}`, []string{"$.events[0].kind"}, bcp.ErrInvalid},
		{"bad-time", `{"id":"x","plan":"tottori","events":[{"at":"yesterday","kind":"recovery"}]}`, []string{`$.events[0].at: "yesterday" is not an RFC 3339 time`}, nil},
		{"missing-time", `{"id":"x","plan":"tottori","events":[{"kind":"recovery"}]}`, []string{"$.events[0].at: missing"}, nil},
		{"out-of-order", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"recovery"},{"at":"2026-04-01T08:59:00+09:00","kind":"recovery"}]}`, []string{"$.events[1].at: 2026-04-01T08:59:00+09:00 is before the previous event"}, nil},
		{"bad-firewall", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"act-observed","act":{"kind":"unauthorized-access","firewall":"maybe"}}]}`, []string{"$.events[0].act.firewall"}, council.ErrInvalid},
		{"act-without-kind", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"act-observed","act":{"source":"local"}}]}`, []string{"$.events[0].act.kind: missing"}, nil},
		{"act-on-recovery", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"recovery","act":{"kind":"leak"}}]}`, []string{"$.events[0].act: not used by recovery"}, nil},
		{"learned-with-kind", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"attribute-learned","learned":{"kind":"leak","firewall":"passed"}}]}`, []string{"$.events[0].learned.kind"}, nil},
		{"learned-nothing", `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"attribute-learned"}]}`, []string{"$.events[0].learned: no graded attribute"}, nil},
		{"symptom-missing", `{"id":"x","plan":"kumamoto","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"symptom-reported"}]}`, []string{"$.events[0].symptom: missing"}, nil},
		{"judgement-without-reason", `{"id":"x","plan":"ino","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"act-observed","act":{"kind":"leak"},"judgement":"serious"}]}`, []string{"$.events[0].reason: a judgement needs its reason"}, nil},
		{"impact-out-of-range", `{"id":"x","plan":"ino","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"fault-detected","status":{"impact":120}}]}`, []string{"$.events[0].status.impact: 120 is not a percentage"}, nil},
		{"impact-not-number", `{"id":"x","plan":"ino","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"fault-detected","status":{"impact":"high"}}]}`, []string{"$.events[0].status.impact: want a number, got a string"}, nil},
		{"bad-duration", `{"id":"x","plan":"ino","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"fault-detected","status":{"expectedStop":"long"}}]}`, []string{`$.events[0].status.expectedStop: "long": not a duration`}, nil},
		{"bad-service", `{"id":"x","plan":"nakano","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"fault-detected","status":{"up":["telepathy"]}}]}`, []string{"$.events[0].status.up[0]"}, bcp.ErrInvalid},
		{"expected-before-event", `{"id":"x","plan":"nakano","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"status-change","status":{"expected":"2026-04-01T08:00:00+09:00"}}]}`, []string{"$.events[0].status.expected: expected recovery before the event"}, nil},
		{"bool-not-bool", `{"id":"x","plan":"ino","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"fault-detected","status":{"serverDown":"yes"}}]}`, []string{"$.events[0].status.serverDown: want a boolean, got a string"}, nil},
		{"events-not-array", `{"id":"x","plan":"ino","events":{}}`, []string{"$.events: want an array, got an object"}, nil},
		{"two-problems", `{"id":"x","plan":"ino","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"nope","x":1}]}`, []string{"$.events[0].kind", "$.events[0].x: unknown field"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseScenario(bcp.Plan{}, []byte(tt.in))
			if err == nil {
				t.Fatal("ParseScenario succeeded, want an error")
			}
			if !errors.Is(err, ErrScenario) {
				t.Errorf("error %v does not wrap ErrScenario", err)
			}
			if tt.wantAlso != nil && !errors.Is(err, tt.wantAlso) {
				t.Errorf("error %v does not wrap %v", err, tt.wantAlso)
			}
			for _, p := range tt.paths {
				if !strings.Contains(err.Error(), p) {
					t.Errorf("error %q does not name %q", err, p)
				}
			}
			if _, ok := errors.AsType[*PathError](err); !ok {
				t.Errorf("error %v holds no *PathError", err)
			}
		})
	}
}

func TestParseScenarioAcceptsJapanese(t *testing.T) {
	in := `{"id":"x","plan":"tottori","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"不正行為の発見","by":"担当者","act":{"kind":"不正アクセス","source":"local"}},{"at":"2026-04-01T09:10:00+09:00","kind":"事実の判明","learned":{"firewall":"通過"}}]}`
	s, err := ParseScenario(bcp.Plan{}, []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := ScenarioByID("tottori-l3-firewall")
	if s.Events[0].Act != want.Events[0].Act || s.Events[1].Learned != want.Events[1].Learned || s.Events[0].By != council.ByRole(council.Staff) {
		t.Errorf("decoded %+v", s.Events)
	}
}

// day returns an instant on 2026-04-01 (a Wednesday) plus days, in Japan
// time: the day every built-in scenario starts.
func day(days, hour, minute int) time.Time {
	return time.Date(2026, 4, 1+days, hour, minute, 0, 0, jst)
}

// TestBuiltinScenarioFiles checks the built-in scenarios, embedded as
// bcp/reference/scenarios: each file parses through its plan, is valid,
// declares the ID it is filed under, belongs to a reference plan and is in
// canonical form, naming the values its plan declares by their terms' IDs
// (go test -update-drill rewrites it so).
func TestBuiltinScenarioFiles(t *testing.T) {
	ids := reference.ScenarioIDs()
	if !slices.Equal(ids, ScenarioIDs()) {
		t.Errorf("ScenarioIDs() = %v; the embedded files are %v", ScenarioIDs(), ids)
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			data, _ := reference.Scenario(id)
			p, err := bcp.Reference(builtinPlan(data))
			if err != nil {
				t.Fatal(err)
			}
			s, err := ParseScenario(p, data)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(); err != nil {
				t.Fatalf("built-in scenario invalid: %v", err)
			}
			if s.ID != id || !slices.Contains(reference.IDs(), s.Plan) {
				t.Errorf("scenario %q of plan %q filed as %q", s.ID, s.Plan, id)
			}
			compact, err := MarshalScenario(p, s)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := json.Indent(&buf, compact, "", "  "); err != nil {
				t.Fatal(err)
			}
			b := append(buf.Bytes(), '\n')
			path := filepath.Join("..", "reference", "scenarios", id+".json")
			if goldens.Updating() {
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if !bytes.Equal(b, data) {
				t.Errorf("%s is not in canonical form (go test ./bcp/drill/ -run TestBuiltinScenarioFiles -update-drill)", path)
			}
			if got, err := ScenarioByID(id); err != nil || cmp.Diff(s, got) != "" {
				t.Errorf("ScenarioByID(%q) = %v; want the parsed file", id, err)
			}
		})
	}
}

func TestScenariosFresh(t *testing.T) {
	a, err := Scenarios(council.PlanTottori)
	if err != nil {
		t.Fatal(err)
	}
	a[0].Events[0].Kind = Recovery
	a[0].ID = "changed"
	b, _ := Scenarios(council.PlanTottori)
	if b[0].ID == "changed" || b[0].Events[0].Kind == Recovery {
		t.Error("mutating a returned scenario changed the next caller's")
	}
	for _, plan := range reference.IDs() {
		ss, err := Scenarios(plan)
		if err != nil || len(ss) == 0 {
			t.Errorf("Scenarios(%q) = %d, %v", plan, len(ss), err)
		}
	}
	if _, err := Scenarios("atlantis"); !errors.Is(err, bcp.ErrInvalid) {
		t.Errorf("Scenarios(atlantis) error = %v, want ErrInvalid", err)
	}
}

func TestEventKindText(t *testing.T) {
	for _, k := range AllEventKinds() {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var got EventKind
		if err := got.UnmarshalText(b); err != nil || got != k {
			t.Errorf("%v: round trip gave %v, %v", k, got, err)
		}
		if j, err := ParseEventKind(k.Label()); err != nil || j != k {
			t.Errorf("%v: label %q parses to %v, %v", k, k.Label(), j, err)
		}
	}
	if _, err := EventKind(0).MarshalText(); err == nil {
		t.Error("zero EventKind marshals")
	}
}

// A built-in scenario names its plan's own symptom by the term's ID
// (kumamoto 4(2) 障害の特定: 端末の電源が入らない): the plan reads it, the
// plan-less ParseScenario and a plan without the term do not.
func TestScenarioNamesPlanTerms(t *testing.T) {
	data, _ := reference.Scenario("kumamoto-terminal-no-power")
	t.Run("kumamoto:4(2)/plan-reads-its-term", func(t *testing.T) {
		k := bcp.Kumamoto()
		s, err := ParseScenario(k, data)
		if err != nil {
			t.Fatal(err)
		}
		want, ok := k.Vocabulary.Symptom("no-power")
		if !ok || s.Events[0].Symptom != want {
			t.Errorf("symptom = %v, want the plan's no-power (%v)", s.Events[0].Symptom, want)
		}
		if got, _ := ScenarioByID("kumamoto-terminal-no-power"); got.Events[0].Symptom != want {
			t.Errorf("ScenarioByID: symptom = %v, want %v", got.Events[0].Symptom, want)
		}
		b, err := MarshalScenario(k, s)
		if err != nil || !strings.Contains(string(b), `"symptom":"no-power"`) {
			t.Errorf("MarshalScenario = %s, %v; want the term ID", b, err)
		}
	})
	t.Run("no-plan", func(t *testing.T) {
		_, err := ParseScenario(bcp.Plan{}, data)
		if !errors.Is(err, ErrScenario) || !strings.Contains(err.Error(), `"no-power"`) || !strings.Contains(err.Error(), "$.events[0].symptom") {
			t.Errorf("error = %v, want one naming the symptom and its path", err)
		}
	})
	t.Run("ino/other-plan", func(t *testing.T) {
		if _, err := ParseScenario(bcp.Ino(), data); !errors.Is(err, ErrScenario) {
			t.Errorf("error = %v, want ErrScenario: ino declares no no-power", err)
		}
	})
}
