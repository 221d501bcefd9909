package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/internal/golden"
)

// goldens holds the outputs in testdata, rewritten by go test -update.
var goldens = golden.New("testdata", "update", "rewrite the golden files").Normalized(golden.Fingerprints)

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"default.md", nil},
		{"levels.md", []string{"-aspect", "level"}},
		{"ino-tottori-convening.md", []string{"-aspect", "convening,agenda-item,chair", "ino", "tottori"}},
		{"levels.json", []string{"-aspect", "level", "-format", "json"}},
		{"files.md", []string{"-aspect", "system,role", "../../bcp/reference/nakano.json", "kumiyama"}},
		{"default.csv", []string{"-format", "csv"}},
		{"levels.html", []string{"-format", "html", "-aspect", "level,chair"}},
		{"levels-ja.md", []string{"-aspect", "level", "-lang", "ja"}},
		{"levels-ja.csv", []string{"-aspect", "level", "-lang", "ja", "-format", "csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run(tt.args, &out, &errs); code != 0 {
				t.Fatalf("run(%q) = %d; stderr %q", tt.args, code, errs.String())
			}
			goldens.Check(t, tt.name, out.String())
		})
	}
}

// TestLevelsSideBySide checks rows a reader of the two documents agrees
// with: tottori grades access stopped at the firewall as level 2
// (tottori:第3-1), kumamoto grades any detected access as level 3
// (kumamoto:4(1)(イ)), and neither column borrows the other's row.
func TestLevelsSideBySide(t *testing.T) {
	var out, errs bytes.Buffer
	run([]string{"-aspect", "level"}, &out, &errs)
	for _, want := range []string{
		"| unauthorized-access firewall=stopped | level-2 [tottori:第3-1] | — |",
		"| unauthorized-access | — | level-3 [kumamoto:4(1)(イ)] |",
		"| form-theft-or-loss | not-covered [tottori:第3-1] | level-3 [kumamoto:4(1)(イ)] |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSamePlan(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"ino", "ino"}, &out, &errs); code != 0 || !strings.Contains(out.String(), "no differences") {
		t.Errorf("ino vs ino = %d:\n%s", code, out.String())
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	notJSON := filepath.Join(dir, "not.json")
	os.WriteFile(notJSON, []byte(`{`), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown-flag", []string{"-x"}, "flag provided but not defined: -x"},
		{"bad-format", []string{"-format", "pdf"}, `-format "pdf": want one of text, json, csv, html`},
		{"bad-lang", []string{"-lang", "fr"}, `-lang "fr": want en or ja`},
		{"bad-aspect", []string{"-aspect", "level,colour"}, `-aspect "colour"`},
		{"one-plan", []string{"tottori"}, "want two plans or none"},
		{"unknown-plan", []string{"tottori", "atlantis"}, `"atlantis": not a reference plan`},
		{"unreadable", []string{"tottori", filepath.Join(dir, "none.json")}, "read plan"},
		{"invalid-json", []string{notJSON, "tottori"}, "plan " + notJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run(tt.args, &out, &errs); code != 2 {
				t.Errorf("run(%q) = %d, want 2", tt.args, code)
			}
			msg := errs.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "compare: ") || !strings.Contains(msg, tt.want) {
				t.Errorf("stderr %q: want one line naming %q", msg, tt.want)
			}
		})
	}
}

func TestFlagsAfterPlans(t *testing.T) {
	var a, b, errs bytes.Buffer
	run([]string{"-aspect", "level", "tottori", "kumamoto"}, &a, &errs)
	if code := run([]string{"tottori", "kumamoto", "-aspect", "level"}, &b, &errs); code != 0 || a.String() != b.String() {
		t.Errorf("flags after the plans: %d, output differs:\n%s", code, b.String())
	}
}
