package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"pgregory.net/rapid"
)

// broken lists the plan files of testdata/broken, each a reference plan
// (or a bare plan) with one thing broken, the finding it must give, the
// text the file holds on the finding's line (so that the line and column
// are those of the broken element, not only what a golden file recorded)
// and the clause the finding rests on ("" for a problem of the file
// itself, which no clause covers).
var broken = []struct {
	file     string
	code     bcp.Code
	severity bcp.Severity
	line     string // the finding's line holds this, starting at its column
	cite     string
}{
	{"byte-order-mark.json", bcp.CodeByteOrderMark, bcp.SeverityInfo, "{", ""},
	{"shift-jis.json", bcp.CodeNotUTF8, bcp.SeverityError, "", ""},
	{"syntax.json", bcp.CodeSyntax, bcp.SeverityError, `"`, ""},
	{"duplicate-key.json", bcp.CodeDuplicateKey, bcp.SeverityError, `"version": "2"`, ""},
	{"unknown-field.json", bcp.CodeUnknownField, bcp.SeverityError, `"colour": "red"`, ""},
	{"bad-enum.json", bcp.CodeBadValue, bcp.SeverityError, `"mainframe"`, ""},
	{"heavy-150.json", bcp.CodeFaultInvalid, bcp.SeverityError, `{`, ""},
	{"negative-duration.json", bcp.CodeFaultInvalid, bcp.SeverityError, `{`, ""},
	{"council-removed.json", bcp.CodeLevel3WithoutCouncil, bcp.SeverityError, `{`, "tottori:第3-6(1)"},
	{"level-without-response.json", bcp.CodeLevelWithoutResponse, bcp.SeverityError, `[`, "tottori:第3-1"},
	{"empty-agenda.json", bcp.CodeAgendaEmpty, bcp.SeverityError, `{`, "tottori:第2-4(3)"},
	{"broken-chain.json", bcp.CodeUnreachableRole, bcp.SeverityError, `{`, ""},
	{"system-no-owner.json", bcp.CodeSystemNoOwner, bcp.SeverityError, `{`, "nakano:統合仮想サーバ 図4"},
	{"dependency-cycle.json", bcp.CodeDependencyCycle, bcp.SeverityError, `[`, ""},
	{"unknown-dependency.json", bcp.CodeUnknownDependency, bcp.SeverityError, `[`, "nakano:統合仮想サーバ 図4"},
	{"only-id.json", bcp.CodeEmptyPlan, bcp.SeverityError, `"yazu"`, ""},
	{"empty-parts.json", bcp.CodeEmptyPlan, bcp.SeverityError, `"yazu"`, ""},
}

// TestBroken checks that each broken plan gives its finding, at a line and
// column of the file that hold the broken element, with its clause, and
// never exit status 2.
func TestBroken(t *testing.T) {
	for _, b := range broken {
		t.Run(b.file, func(t *testing.T) {
			path := filepath.Join("testdata", "broken", b.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var out, stderr bytes.Buffer
			code := run([]string{"-format", "json", path}, &out, &stderr)
			if code == 2 || stderr.Len() > 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			var got struct {
				Findings []bcp.Finding `json:"findings"`
			}
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimPrefix(string(data), "\uFEFF"), "\n")
			for _, f := range got.Findings {
				if f.Code != b.code || f.Severity != b.severity {
					continue
				}
				if f.Cite.String() != b.cite && (b.cite != "" || f.Cite.IsValid()) {
					continue
				}
				if f.Line < 1 || f.Line > len(lines) || f.Column < 1 {
					t.Fatalf("%v: no line and column", f)
				}
				if b.line != "" {
					at := string(utf16Prefix(lines[f.Line-1], f.Column-1))
					if !strings.HasPrefix(lines[f.Line-1][len(at):], b.line) {
						t.Errorf("%s:%d:%d is %q, want %q", b.file, f.Line, f.Column, lines[f.Line-1][len(at):], b.line)
					}
				}
				return
			}
			t.Errorf("no %s %s finding citing %q in %+v", b.severity, b.code, b.cite, got.Findings)
		})
	}
}

// utf16Prefix returns the prefix of s that is n UTF-16 code units long.
func utf16Prefix(s string, n int) string {
	for i, r := range s {
		if n <= 0 {
			return s[:i]
		}
		n--
		if r >= 0x10000 {
			n--
		}
	}
	return s
}

// TestSARIFGoldensValid validates every SARIF golden file against the OASIS
// SARIF 2.1.0 schema.
func TestSARIFGoldensValid(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../../bcp/render/sarif/testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.sarif")
	more, _ := filepath.Glob("testdata/broken/*.sarif")
	files = append(files, more...)
	if len(files) < len(broken) {
		t.Fatalf("only %d SARIF goldens", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestOneThingBrokenNeverExit2: tottori's plan file with one random line
// broken (a key misspelt, a value replaced, a character dropped) exits 1
// when ParsePlan rejects it, never 2, with an error placed at that line or
// before it for a misspelt key (the key, or the object missing it), at or
// after it for a dropped character (where the JSON stops making sense). A
// replaced value may show where it is used (a plan ID at every citation).
func TestOneThingBrokenNeverExit2(t *testing.T) {
	data, err := os.ReadFile("../../bcp/reference/tottori.json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	dir := t.TempDir()
	rapid.Check(t, func(t *rapid.T) {
		i := rapid.IntRange(1, len(lines)-2).Draw(t, "line")
		l := lines[i]
		var broken string
		how := rapid.IntRange(0, 2).Draw(t, "how")
		switch how {
		case 0:
			broken = strings.Replace(l, `": `, `x": `, 1)
		case 1:
			if k := strings.Index(l, `": `); k >= 0 && !strings.HasSuffix(strings.TrimSpace(l), "{") && !strings.HasSuffix(strings.TrimSpace(l), "[") {
				broken = l[:k+3] + `"zz"` + map[bool]string{true: ",\n", false: "\n"}[strings.HasSuffix(strings.TrimSpace(l), ",")]
			}
		case 2:
			if j := strings.IndexAny(l, `":,{}[]`); j >= 0 {
				broken = l[:j] + l[j+1:]
			}
		}
		if broken == "" || broken == l {
			t.Skip("nothing to break on this line")
		}
		path := filepath.Join(dir, "broken.json")
		if err := os.WriteFile(path, []byte(strings.Join(lines[:i], "")+broken+strings.Join(lines[i+1:], "")), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, stderr bytes.Buffer
		code := run([]string{"-format", "json", path}, &out, &stderr)
		if code == 2 {
			t.Fatalf("exit 2 for line %d broken (%q): %s", i+1, broken, stderr.String())
		}
		var got struct {
			Findings []bcp.Finding `json:"findings"`
		}
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if _, err := bcp.ParsePlan([]byte(strings.Join(lines[:i], "") + broken + strings.Join(lines[i+1:], ""))); err == nil {
			return // still a valid plan (a value the format accepts)
		}
		if code != 1 {
			t.Fatalf("exit %d for an invalid plan (line %d: %q)", code, i+1, broken)
		}
		for _, f := range got.Findings {
			switch {
			case f.Severity != bcp.SeverityError || f.Line < 1:
			case how == 1, how == 0 && f.Line <= i+1, how == 2 && f.Line >= i+1:
				return
			}
		}
		t.Fatalf("line %d broken (%q): no error at or before it: %v", i+1, broken, got.Findings)
	})
}
