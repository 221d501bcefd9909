package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBadFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"-plan", "tottori", "-event", "{}"}, "-id is required"},
		{[]string{"-id", "x"}, "give one of"},
		{[]string{"-id", "x", "-timeline", "-record"}, "give one of"},
		{[]string{"-id", "x", "-plan", "tottori"}, "-plan needs the first -event"},
		{[]string{"-id", "x", "-timeline", "-lang", "fr"}, `-lang "fr"`},
		{[]string{"-id", "x", "-timeline", "extra"}, `unexpected argument "extra"`},
		{[]string{"-id", "x", "-event", "{"}, "-event:"},
		{[]string{"-id", "x", "-event", "@no-such-file.json"}, "no-such-file.json"},
		{[]string{"-id", "x", "-decision", `{"body":`}, "-decision:"},
		{[]string{"-id", "x", "-decision", "@no-such-decision.json"}, "no-such-decision.json"},
		{[]string{"-id", "x", "-decision", `{"body":"security-council","close":true}`, "-close", "over"}, "give one of"},
		{[]string{"-id", "x", "-decision", `{"body":"security-council","close":true}`, "-event", `{"kind":"recovery"}`}, "give one of"},
		{[]string{"-id", "x", "-plan", "no/such/plan.json", "-event", `{"kind":"recovery"}`}, "plan.json"},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(c.args, &stdout, &stderr); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if lines := strings.Count(stderr.String(), "\n"); lines != 1 || !strings.Contains(stderr.String(), c.says) {
				t.Errorf("stderr %q, want one line saying %q", stderr.String(), c.says)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
		})
	}
}

func TestEvent(t *testing.T) {
	now := time.Date(2026, 4, 1, 9, 0, 0, 0, time.FixedZone("JST", 9*3600))
	file := filepath.Join(t.TempDir(), "e.json")
	if err := os.WriteFile(file, []byte(`{"kind":"recovery","at":"2026-04-03T17:00:00+09:00"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ arg, want string }{
		{`{"kind":"recovery"}`, `{"at":"2026-04-01T09:00:00+09:00","kind":"recovery"}`},
		{`{"kind":"recovery","at":"2026-04-02T10:00:00+09:00"}`, `{"kind":"recovery","at":"2026-04-02T10:00:00+09:00"}`},
		{"@" + file, `{"kind":"recovery","at":"2026-04-03T17:00:00+09:00"}`},
	} {
		got, err := event(c.arg, now)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("event(%s) = %s, want %s", c.arg, got, c.want)
		}
	}
}

// TestDecision: -decision asks for a decision signal alone, and the decision
// is read inline or from a file, made now when it states no time.
func TestDecision(t *testing.T) {
	const d = `{"body":"security-council","key":"publicity","status":"not-applicable","text":"住民情報の漏えいはない","by":"security-chief"}`
	r, err := parse([]string{"-id", "tottori-demo", "-decision", d}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if r.decision != d || r.event != "" || r.close != "" || r.timeline || r.record || r.plan != "" {
		t.Errorf("parse: %+v, want the decision alone", r)
	}
	now := time.Date(2026, 4, 1, 10, 15, 0, 0, time.FixedZone("JST", 9*3600))
	file := filepath.Join(t.TempDir(), "d.json")
	if err := os.WriteFile(file, []byte(`{"body":"security-council","close":true,"at":"2026-04-01T10:30:00+09:00"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ arg, want string }{
		{d, `{"at":"2026-04-01T10:15:00+09:00","body":"security-council","by":"security-chief","key":"publicity","status":"not-applicable","text":"住民情報の漏えいはない"}`},
		{"@" + file, `{"body":"security-council","close":true,"at":"2026-04-01T10:30:00+09:00"}`},
	} {
		got, err := decision(c.arg, now)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("decision(%s) = %s, want %s", c.arg, got, c.want)
		}
	}
}
