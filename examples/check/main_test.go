package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/golden"
)

// goldens holds the outputs in testdata, rewritten by go test -update.
var goldens = golden.New("testdata", "update", "rewrite the golden files").Normalized(golden.Fingerprints)

// noCouncil is tottori's plan with the rule that convenes the council at
// level 3 removed: tottori 第3-6 requires it, so Check reports an error.
const noCouncil = "testdata/tottori-no-council.json"

func writeNoCouncil(t *testing.T) {
	t.Helper()
	p := bcp.Tottori().Clone()
	var rules []council.Rule
	for _, r := range p.Organization.Rules {
		if !r.On.Has(council.ThreatLevel3) {
			rules = append(rules, r)
		}
	}
	p.Organization.Rules = rules
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(noCouncil, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestGolden(t *testing.T) {
	if goldens.Updating() {
		writeNoCouncil(t)
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"tottori.txt", []string{"../../bcp/reference/tottori.json"}, 0},
		{"kumiyama.txt", []string{"-reference", "kumiyama"}, 0},
		{"nakano.json", []string{"-format", "json", "-reference", "nakano"}, 0},
		{"nakano-ja.txt", []string{"-lang", "ja", "-reference", "nakano"}, 0},
		{"only-id-ja.txt", []string{"-lang", "ja", "testdata/broken/only-id.json"}, 1},
		// Findings that quote the parser's or a lower package's problem,
		// said in Japanese throughout.
		{"heavy-150-ja.txt", []string{"-lang", "ja", "testdata/broken/heavy-150.json"}, 1},
		{"unknown-field-ja.txt", []string{"-lang", "ja", "testdata/broken/unknown-field.json"}, 1},
		{"syntax-ja.txt", []string{"-lang", "ja", "testdata/broken/syntax.json"}, 1},
		{"bad-enum-ja.txt", []string{"-lang", "ja", "testdata/broken/bad-enum.json"}, 1},
		{"nakano-strict.txt", []string{"-strict", "-reference", "nakano"}, 1},
		{"no-council.txt", []string{noCouncil}, 1},
		{"no-council.sarif", []string{"-format", "sarif", noCouncil}, 1},
		{"nakano.sarif", []string{"-format", "sarif", "-lang", "ja", "-reference", "nakano"}, 0},
		{"nakano.csv", []string{"-format", "csv", "nakano"}, 0},
		{"nakano.html", []string{"-format", "html", "nakano"}, 0},
		{"nakano-ja.csv", []string{"-format", "csv", "-lang", "ja", "nakano"}, 0},
		{"kumiyama.txt", []string{"kumiyama"}, 0}, // a reference ID where a plan is taken
	}
	for _, b := range broken {
		code := 1
		if b.severity != bcp.SeverityError {
			code = 0
		}
		tests = append(tests, struct {
			name string
			args []string
			code int
		}{"broken/" + strings.TrimSuffix(b.file, ".json") + ".txt", []string{"testdata/broken/" + b.file}, code},
			struct {
				name string
				args []string
				code int
			}{"broken/" + strings.TrimSuffix(b.file, ".json") + ".sarif", []string{"-format", "sarif", "testdata/broken/" + b.file}, code})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run(tt.args, &out, &errs); code != tt.code {
				t.Fatalf("run(%q) = %d, want %d; stderr %q", tt.args, code, tt.code, errs.String())
			}
			goldens.Check(t, tt.name, out.String())
		})
	}
}

func TestNoCouncilIsAnError(t *testing.T) {
	var out, errs bytes.Buffer
	run([]string{noCouncil}, &out, &errs)
	if !strings.Contains(out.String(), "threat.level3-without-council") {
		t.Errorf("output lacks the level-3 finding:\n%s", out.String())
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"no-file", nil, []string{"missing plan ID|FILE"}},
		{"unknown-flag", []string{"-x"}, []string{"flag provided but not defined: -x"}},
		{"bad-format", []string{"-format", "xml", "f.json"}, []string{`-format "xml": want one of text, json, sarif, csv, html`}},
		{"unknown-plan", []string{"atlantis"}, []string{`"atlantis": not a reference plan`}},
		{"unreadable", []string{filepath.Join(dir, "none.json")}, []string{"read plan", "none.json"}},
		{"bad-lang", []string{"-lang", "fr", "f.json"}, []string{`-lang "fr"`}},
		{"unknown-reference", []string{"-reference", "atlantis"}, []string{`-reference "atlantis"`}},
		{"both", []string{"-reference", "ino", "f.json"}, []string{"not both"}},
		{"two-files", []string{"a.json", "b.json"}, []string{`unexpected argument "b.json"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			if code := run(tt.args, &out, &errs); code != 2 {
				t.Errorf("run(%q) = %d, want 2", tt.args, code)
			}
			msg := errs.String()
			if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "check: ") {
				t.Errorf("stderr is not one line starting check: %q", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("stderr %q lacks %q", msg, w)
				}
			}
			if strings.Contains(msg, "goroutine") {
				t.Errorf("stack trace: %q", msg)
			}
		})
	}
}

func TestFlagsAfterFile(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"../../bcp/reference/ino.json", "-format", "json"}, &out, &errs); code != 0 || !strings.HasPrefix(out.String(), "{") {
		t.Errorf("flags after the file: %d, %q, %q", code, out.String(), errs.String())
	}
}

// TestMessagesJA: under -lang ja every finding prints its Japanese message,
// over the reference plans and every plan file of testdata (the engine
// writes it; none is left in English).
func TestMessagesJA(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	more, _ := filepath.Glob(filepath.Join("testdata", "broken", "*.json"))
	refs, _ := filepath.Glob(filepath.Join("..", "..", "bcp", "reference", "*.json"))
	files = append(append(files, more...), refs...)
	if len(more) < 10 || len(refs) < 5 {
		t.Fatalf("found %d broken plans and %d reference plans", len(more), len(refs))
	}
	japanese := func(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) }
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, fs, err := bcp.Lint(data, bcp.LintOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var out, errs bytes.Buffer
		run([]string{"-lang", "ja", file}, &out, &errs)
		for _, f := range fs {
			if f.MessageJA == "" || f.MessageJA == f.Message || strings.IndexFunc(f.MessageJA, japanese) < 0 {
				t.Errorf("%s: %v: Japanese message %q", file, f, f.MessageJA)
			}
			if !strings.Contains(out.String(), f.MessageJA) {
				t.Errorf("%s: -lang ja does not print %q in place of %q:\n%s", file, f.MessageJA, f.Message, out.String())
			}
		}
	}
}
