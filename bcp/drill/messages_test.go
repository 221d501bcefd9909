package drill

import (
	"errors"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
)

// TestScenarioMessages: control characters, invalid UTF-8 and numbers out
// of range in a scenario file are reported precisely: the JSON path, the
// character, the range (issue 12 items 5 and 6).
func TestScenarioMessages(t *testing.T) {
	for _, tc := range []struct {
		name     string
		scenario string // a scenario file
		sentinel error
		want     string
	}{
		{name: "scenario/invalid-UTF-8", scenario: "{\"id\":\"s\xfe\"}", sentinel: bcp.ErrSyntax, // as in plan files: one parser
			want: `drill: scenario: $.id: invalid UTF-8 (byte 0xFE) at line 1, column 9 (byte 8)`},
		{name: "scenario/title-control", scenario: `{"id":"s","plan":"tottori","title":"t\u0007","events":[{"at":"2026-01-01T09:00:00+09:00","kind":"fault-detected"}]}`, sentinel: bcp.ErrInvalid,
			want: `drill: scenario: $.title: "t\a": control character U+0007 at byte 1`},
		{name: "scenario/impact-out-of-range", scenario: `{"id":"s","plan":"tottori","events":[{"at":"2026-01-01T09:00:00+09:00","kind":"status-change","status":{"impact":1e40}}]}`, sentinel: bcp.ErrInvalid,
			want: `drill: scenario: $.events[0].status.impact: 1e40 out of range: want a whole number from -9223372036854775808 to 9223372036854775807`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseScenario(bcp.Plan{}, []byte(tc.scenario))
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tc.sentinel)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to hold:\n%s", err, tc.want)
			}
		})
	}
}
