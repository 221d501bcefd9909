package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/internal/golden"
)

// TestAs runs tottori's drill moved to another plan ID: the same drill under
// the new ID, the plan's own clauses cited with it, the annex playbook's
// rows (別表, plan data) included.
func TestAs(t *testing.T) {
	var plain, moved, stderr bytes.Buffer
	if code := run(nil, &plain, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if code := run([]string{"-as", "yazu"}, &moved, &stderr); code != 0 {
		t.Fatalf("-as yazu: exit %d: %s", code, stderr.String())
	}
	got := moved.String()
	if !strings.Contains(got, "(plan yazu@") || strings.Contains(got, "tottori:") || !strings.Contains(got, "yazu:別表") {
		t.Errorf("-as yazu: the drill does not run under yazu:\n%s", got)
	}
	want := golden.Fingerprints(strings.NewReplacer("plan tottori@", "plan yazu@", "tottori:", "yazu:").Replace(plain.String()))
	if golden.Fingerprints(got) != want {
		t.Errorf("-as yazu: a different drill:\n%s\nwant:\n%s", got, want)
	}
	stderr.Reset()
	if code := run([]string{"-as", "Yazu"}, &moved, &stderr); code != 2 || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), `-as "Yazu"`) {
		t.Errorf("-as Yazu: exit %d, %q; want 2 and one line naming the flag", code, stderr.String())
	}
}
