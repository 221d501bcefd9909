package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var fingerprint = regexp.MustCompile(`#[0-9a-f]{12}\b|"fingerprint": "[0-9a-f]{64}"`)

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	got = fingerprint.ReplaceAllStringFunc(got, func(m string) string {
		if strings.HasPrefix(m, "#") {
			return "#FINGERPRINT"
		}
		return `"fingerprint": "FINGERPRINT"`
	})
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"default.txt", nil},
		{"default-ja.txt", []string{"-lang", "ja"}},
		{"default.json", []string{"-format", "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run(tt.args, &out, &errs); code != 0 {
				t.Fatalf("run(%q) = %d; stderr %q", tt.args, code, errs.String())
			}
			golden(t, tt.name, out.String())
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
		"2026-04-01 08:15  information systems division → owning division head  scheduled-report [phone and paper]: recovery time unknown",
		"2026-04-01 12:00  information systems division → owning division head  scheduled-report",
		"2026-04-02 16:00  information systems division → owning division head  scheduled-report [phone and paper]: expected recovery known",
		"IaaS provider  recover: #1 iaas",
		"information systems division → IaaS provider  notify [phone]",
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
		{"unknown-flag", []string{"-plan", "x"}, "flag provided but not defined: -plan"},
		{"bad-format", []string{"-format", "mermaid"}, `-format "mermaid"`},
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
