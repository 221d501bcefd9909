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
		{"default.txt", nil},
		{"default-ja.txt", []string{"-lang", "ja"}},
		{"default.json", []string{"-format", "json"}},
		{"default.csv", []string{"-format", "csv"}},
		{"default.html", []string{"-format", "html"}},
		{"default-ja.csv", []string{"-format", "csv", "-lang", "ja"}},
		{"assessed-first.txt", []string{"-plan", "nakano", "-scenario", "nakano-iaas-outage", "-policy", "assessed-first"}},
		{"default.txt", []string{"-plan", "../../bcp/reference/nakano.json", "-scenario", "../../bcp/reference/scenarios/nakano-iaas-outage.json"}},
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

// TestThreeDays checks the outage the command replays against the plan:
// scheduled reports at 08:15, 12:00 and 16:00 while the recovery time is
// unknown (統合仮想サーバ 3(4)①ア), the IaaS recovered first (4(7)).
func TestThreeDays(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatal(errs.String())
	}
	s := out.String()
	for _, want := range []string{
		"2026-04-01 08:15  The information systems division reports on schedule to the owning division head by phone and paper while the recovery time is unknown (",
		"2026-04-01 12:00  The information systems division reports on schedule to the owning division head",
		"2026-04-02 16:00  The information systems division reports on schedule to the owning division head by phone and paper once the expected recovery is known, including the changes to the expected recovery (",
		"The IaaS provider restores iaas (統合仮想サーバ環境, owned by 情報システム課) as number 1 in the recovery order",
		"The information systems division informs the IaaS provider by phone (",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	notJSON := filepath.Join(dir, "not.json")
	os.WriteFile(notJSON, []byte(`[`), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown-flag", []string{"-colour", "x"}, "flag provided but not defined: -colour"},
		{"bad-format", []string{"-format", "mermaid"}, `-format "mermaid": want one of text, json, csv, html`},
		{"bad-policy", []string{"-policy", "guess"}, `-policy "guess": want assume-large, assessed-first or none`},
		{"unknown-plan", []string{"-plan", "atlantis"}, `-plan "atlantis": not a reference plan`},
		{"no-inventory", []string{"-plan", "tottori"}, "no inventory of systems"},
		{"unknown-scenario", []string{"-scenario", "volcano"}, `-scenario "volcano": not a built-in scenario`},
		{"bad-lang", []string{"-lang", "de"}, `-lang "de"`},
		{"unreadable", []string{"-scenario", filepath.Join(dir, "none.json")}, "read scenario"},
		{"invalid-json", []string{"-scenario", notJSON}, "malformed JSON"},
		{"extra", []string{"now"}, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run(tt.args, &out, &errs); code != 2 {
				t.Errorf("run(%q) = %d, want 2", tt.args, code)
			}
			msg := errs.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "recovery: ") || !strings.Contains(msg, tt.want) {
				t.Errorf("stderr %q: want one line naming %q", msg, tt.want)
			}
		})
	}
}

// TestPolicy: the order says at the top when it rests on a policy (38 of
// nakano's 39 systems are unassessed, 統合仮想サーバ 図4), and without a
// policy unassessed systems are refused (exit 1, naming them).
func TestPolicy(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-policy", "assessed-first"}, &out, &errs); code != 0 {
		t.Fatal(errs.String())
	}
	first := strings.SplitN(out.String(), "\n## ", 2)[0]
	if !strings.Contains(first, "NOTE: 38 of the 39 systems have no assessed impact scale") || !strings.Contains(first, "policy assessed-first") {
		t.Errorf("head lacks the policy note:\n%s", first)
	}
	out.Reset()
	if code := run([]string{"-policy", "none"}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "38 systems have an unassessed impact scale") {
		t.Errorf("-policy none = %d, stderr %q; want 1 naming the unassessed systems", code, errs.String())
	}
}
