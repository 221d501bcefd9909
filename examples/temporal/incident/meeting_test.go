package incident

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

var jst = time.FixedZone("JST", 9*3600)

// tottoriL3 opens tottori's level-3 drill with its first n events taken:
// with both, the timeline convenes the security council (tottori:第3-6(2))
// on the agenda of tottori:第3-6(3) at 09:40.
func tottoriL3(t testing.TB, n int) *Incident {
	t.Helper()
	sc, _, raw := builtin(t, "tottori-l3-firewall")
	in, err := Open(Start{ID: sc.ID, First: raw[0]}, mustFile(t, "tottori"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range raw[1:n] {
		if err := in.Take(e); err != nil {
			t.Fatal(err)
		}
	}
	return in
}

// decisions of tottori's security council on its level-3 agenda
// (tottori:第3-6(3)), in the plan's words: its labels in Japanese, its IDs,
// the status's English name or Japanese label.
const (
	decideStop      = `{"at":"2026-04-01T10:00:00+09:00","body":"鳥取県住基ネットセキュリティ会議","key":"system-stop","status":"決定","text":"一部切離し","by":"セキュリティ統括管理者"}`
	decideResidents = `{"at":"2026-04-01T10:05:00+09:00","body":"security-council","key":"resident-response","status":"decided","text":"窓口で説明する","by":"security-chief"}`
	publicityNA     = `{"at":"2026-04-01T10:10:00+09:00","body":"security-council","on":"threat-level-3","key":"publicity","status":"該当なし","text":"住民情報の漏えいはない","by":"security-chief"}`
	closeMeeting    = `{"at":"2026-04-01T10:30:00+09:00","body":"security-council","close":true}`
)

// TestDecide: a decision names the body as the plan file does and the item
// by its key; what the meeting cannot take is the library's error, wrapping
// its sentinel, and leaves the meetings as they were.
func TestDecide(t *testing.T) {
	now := time.Date(2026, 4, 1, 11, 0, 0, 0, jst)
	long := strings.Repeat("鍵", 5000)
	for _, c := range []struct {
		name   string
		events int      // of the drill's two, taken first
		before []string // decisions taken first
		value  string
		is     error
		says   string
	}{
		{"tottori:第3-6(2) convenes it: decided", 2, nil, decideStop, nil, ""},
		{"at omitted: now", 2, nil, `{"body":"security-council","key":"publicity","status":"decided","text":"発表する","by":"security-chief"}`, nil, ""},
		{"tottori:第3-6(3) closes when all settled", 2, []string{decideStop, decideResidents, publicityNA}, closeMeeting, nil, ""},
		{"unknown body", 2, nil, `{"body":"city-council","key":"publicity","status":"decided","text":"x","by":"security-chief"}`, council.ErrInvalid, `unknown body "city-council"`},
		{"no body", 2, nil, `{"key":"publicity","status":"decided","text":"x","by":"security-chief"}`, council.ErrInvalid, "no body"},
		{"body not convened: the level still provisional", 1, nil, decideStop, council.ErrNotOpen, "security-council: no meeting"},
		{"body the plan never convenes", 2, nil, `{"body":"emergency-response-structure","key":"publicity","status":"decided","text":"x","by":"security-chief"}`, council.ErrNotOpen, "no meeting"},
		{"convened, but not on that trigger", 2, nil, `{"body":"security-council","on":"serious-fault","key":"publicity","status":"decided","text":"x","by":"security-chief"}`, council.ErrNotOpen, "security-council on serious-fault"},
		{"unknown trigger", 2, nil, `{"body":"security-council","on":"earthquake","key":"publicity","status":"decided","text":"x","by":"security-chief"}`, council.ErrInvalid, "on:"},
		{"unknown key", 2, nil, `{"body":"security-council","key":"evacuation","status":"decided","text":"x","by":"security-chief"}`, council.ErrUnknownItem, `"evacuation"`},
		{"unknown key, long", 2, nil, `{"body":"security-council","key":"` + long + `","status":"decided","text":"x","by":"security-chief"}`, council.ErrUnknownItem, "鍵…"},
		{"already settled", 2, []string{decideStop}, strings.Replace(decideStop, "10:00", "10:20", 1), council.ErrSettled, "decided at 2026-04-01T10:00:00+09:00"},
		{"meeting closed", 2, []string{decideStop, decideResidents, publicityNA, closeMeeting}, strings.Replace(decideStop, "system-stop", "resident-response", 1), council.ErrClosed, "closed at 2026-04-01T10:30:00+09:00"},
		{"closed twice", 2, []string{decideStop, decideResidents, publicityNA, closeMeeting}, closeMeeting, council.ErrClosed, "close"},
		{"close with items outstanding", 2, []string{decideStop}, closeMeeting, council.ErrOutstanding, "resident-response, publicity"},
		{"close with a key", 2, nil, `{"body":"security-council","key":"publicity","close":true}`, council.ErrInvalid, "close with a key"},
		{"bad status", 2, nil, strings.Replace(decideStop, "決定", "postponed", 1), council.ErrInvalid, `"postponed"`},
		{"no status", 2, nil, `{"body":"security-council","key":"publicity","text":"x","by":"security-chief"}`, council.ErrInvalid, "status"},
		{"no text", 2, nil, `{"body":"security-council","key":"publicity","status":"decided","by":"security-chief"}`, council.ErrInvalid, "empty text"},
		{"unknown actor", 2, nil, strings.Replace(decideStop, "セキュリティ統括管理者", "mayor", 1), council.ErrInvalid, `"mayor"`},
		{"before the meeting opened (09:40)", 2, nil, strings.Replace(decideStop, "10:00", "09:30", 1), council.ErrTime, "before the meeting opened"},
		{"bad time", 2, nil, strings.Replace(decideStop, "2026-04-01T10:00:00+09:00", "10時", 1), council.ErrInvalid, "RFC 3339"},
		{"not JSON", 2, nil, `{"body":`, council.ErrInvalid, "decision"},
		{"not an object", 2, nil, `["security-council"]`, council.ErrInvalid, "cannot unmarshal"},
		{"null", 2, nil, `null`, council.ErrInvalid, "no body"},
		{"unknown field", 2, nil, `{"body":"security-council","` + long + `":1}`, council.ErrInvalid, "unknown field"},
		{"two values", 2, nil, decideStop + ` {}`, council.ErrInvalid, "more than one value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := tottoriL3(t, c.events)
			for _, d := range c.before {
				if err := in.Decide(now, json.RawMessage(d)); err != nil {
					t.Fatal(err)
				}
			}
			before := in.Meetings()
			err := in.Decide(now, json.RawMessage(c.value))
			if c.is == nil {
				if err != nil {
					t.Fatal(err)
				}
				if cmp.Equal(before, in.Meetings()) {
					t.Error("taken, but the meetings did not change")
				}
				return
			}
			if !errors.Is(err, c.is) {
				t.Fatalf("Decide: %v, want an error wrapping %v", err, c.is)
			}
			if !strings.Contains(err.Error(), c.says) || !strings.HasPrefix(err.Error(), "incident tottori-l3-firewall: decision: ") {
				t.Errorf("Decide: %v, want it to name the incident and %s", err, c.says)
			}
			if n := len(err.Error()); n > 1024 {
				t.Errorf("an error of %d bytes", n)
			}
			if d := cmp.Diff(before, in.Meetings()); d != "" {
				t.Errorf("meetings changed (-before +after):\n%s", d)
			}
		})
	}
}

// TestMeetingRecord: tottori's level-3 act convenes the security council at
// the instant the act is graded (tottori:第3-6(2)), on the agenda of
// tottori:第3-6(3); the record shows each item as decided or not
// applicable, by whom and when, and nothing outstanding once closed.
func TestMeetingRecord(t *testing.T) {
	in := tottoriL3(t, 1)
	if ms := in.Meetings(); len(ms) != 0 {
		t.Fatalf("meetings before the level is known: %v", ms)
	}
	in = tottoriL3(t, 2)
	ms := in.Meetings()
	if len(ms) != 1 {
		t.Fatalf("%d meetings, want 1", len(ms))
	}
	m := ms[0]
	opened := time.Date(2026, 4, 1, 9, 40, 0, 0, jst)
	if m.Body != "security-council" || m.Meeting.Trigger() != council.LevelTrigger(3) || !m.Meeting.Opened().Equal(opened) || !m.Meeting.IsOpen() {
		t.Errorf("meeting of %s on %s opened %v (open %v), want security-council on threat-level-3 opened %v",
			m.Body, m.Meeting.Trigger(), m.Meeting.Opened(), m.Meeting.IsOpen(), opened)
	}
	if a := m.Meeting.Agenda(); a.Cite.String() != "tottori:第3-6(3)" {
		t.Errorf("agenda %s, want tottori:第3-6(3)", a.Cite)
	}
	if d := cmp.Diff([]string{"system-stop", "resident-response", "publicity"}, m.Outstanding); d != "" {
		t.Errorf("outstanding (-want +got):\n%s", d)
	}
	for _, d := range []string{decideStop, decideResidents, publicityNA, closeMeeting} {
		if err := in.Decide(time.Time{}, json.RawMessage(d)); err != nil {
			t.Fatal(err)
		}
	}
	m = in.Record().Meetings[0]
	chief := council.ByRole(council.SecurityChief)
	at := func(h, min int) time.Time { return time.Date(2026, 4, 1, h, min, 0, 0, jst) }
	want := []council.Record{
		{Key: "system-stop", Status: council.Decided, Text: "一部切離し", By: chief, At: at(10, 0)},
		{Key: "resident-response", Status: council.Decided, Text: "窓口で説明する", By: chief, At: at(10, 5)},
		{Key: "publicity", Status: council.NotApplicable, Text: "住民情報の漏えいはない", By: chief, At: at(10, 10)},
	}
	if d := cmp.Diff(want, m.Meeting.Records()); d != "" {
		t.Errorf("records (-want +got):\n%s", d)
	}
	if closed, ok := m.Meeting.Closed(); !ok || !closed.Equal(at(10, 30)) {
		t.Errorf("closed %v (%v), want 10:30", closed, ok)
	}
	if len(m.Outstanding) != 0 || m.Outstanding == nil {
		t.Errorf("outstanding %#v, want []", m.Outstanding)
	}
	// The record goes through JSON (Temporal's data converter) unchanged.
	b, err := json.Marshal(in.Record())
	if err != nil {
		t.Fatal(err)
	}
	var back Record
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(in.Record().Meetings, back.Meetings); d != "" {
		t.Errorf("meetings through JSON (-want +got):\n%s", d)
	}
}

// TestDecideEnded: after the incident ended nothing more is recorded.
func TestDecideEnded(t *testing.T) {
	in := tottoriL3(t, 2)
	in.Close("drill over")
	if err := in.Decide(time.Time{}, json.RawMessage(decideStop)); !errors.Is(err, ErrEnded) {
		t.Fatalf("Decide after close: %v, want ErrEnded", err)
	}
}

// TestMeetingSignals runs tottori's level-3 drill through Temporal's test
// suite with the decisions of the security council it convenes signalled
// (recorded: one without a time, one not applicable with its reason, one for
// an item the agenda does not have, then the meeting's close): the record
// shows every item settled, nothing outstanding, the meeting closed, and the
// bad key rejected with the library's error while the workflow went on.
func TestMeetingSignals(t *testing.T) {
	var r recording
	for _, x := range recorded(t) {
		if x.name == "tottori-l3-firewall" {
			r = x
		}
	}
	out := run(t, &Workflows{}, r.start, r.at, r.signals)
	if out.err != nil {
		t.Fatal(out.err)
	}
	if len(out.rec.Meetings) != 1 {
		t.Fatalf("%d meetings, want 1: %+v", len(out.rec.Meetings), out.rec.Meetings)
	}
	m := out.rec.Meetings[0]
	if m.Body != "security-council" || m.Meeting.Trigger() != council.LevelTrigger(3) {
		t.Errorf("meeting of %s on %s, want security-council on threat-level-3", m.Body, m.Meeting.Trigger())
	}
	at := func(h, min int) time.Time { return time.Date(2026, 4, 1, h, min, 0, 0, jst) }
	chief := council.ByRole(council.SecurityChief)
	want := []council.Record{
		{Key: "system-stop", Status: council.Decided, Text: "一部切離し", By: chief, At: at(10, 15)}, // no "at": when signalled
		{Key: "resident-response", Status: council.Decided, Text: "窓口で説明する", By: chief, At: at(10, 5)},
		{Key: "publicity", Status: council.NotApplicable, Text: "住民情報の漏えいはない", By: chief, At: at(10, 10)},
	}
	if d := cmp.Diff(want, m.Meeting.Records()); d != "" {
		t.Errorf("records (-want +got):\n%s", d)
	}
	if len(m.Outstanding) != 0 {
		t.Errorf("outstanding %v, want none", m.Outstanding)
	}
	if closed, ok := m.Meeting.Closed(); !ok || !closed.Equal(at(10, 30)) {
		t.Errorf("closed %v (%v), want at 10:30", closed, ok)
	}
	var bad []Rejection
	for _, x := range out.rec.Rejected {
		if x.Signal == SignalDecision {
			bad = append(bad, x)
		}
	}
	if len(bad) != 1 || !strings.Contains(string(bad[0].Event), `"evacuation"`) {
		t.Fatalf("rejected decisions %+v, want the one for evacuation", bad)
	}
	in := tottoriL3(t, 2)
	err := in.Decide(at(10, 25), json.RawMessage(`{"body":"security-council","key":"evacuation","status":"decided","text":"避難","by":"security-chief"}`))
	if !errors.Is(err, council.ErrUnknownItem) || err.Error() != bad[0].Error {
		t.Errorf("rejected with %q, want the library's %v (wrapping ErrUnknownItem)", bad[0].Error, err)
	}
	if out.rec.Closed != "drill over" {
		t.Errorf("incident closed %q, want by its close signal", out.rec.Closed)
	}
}
