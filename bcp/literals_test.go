package bcp

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/bcp/reference"
)

// clauseForms are the shapes of a clause number in the five documents and
// any like them, whatever the plan: 第N条/章/項/号 and 第N-M (not 第1報),
// 別表N and 別紙N (not 別表 alone, the engine's word for an annex), 図N, and
// N(M) as in 4(1) or ICT-BCP 7(1).
var clauseForms = regexp.MustCompile(
	`第[0-9０-９一二三四五六七八九十百]+(?:[条章節項号款]|[-‐−－]|[(（]|$)` +
		`|(?:別表|別紙)[0-9０-９一二三四五六七八九十]` +
		`|図[0-9０-９]` +
		`|(?:^|[^0-9A-Za-z_%.])[0-9０-９]+[(（][0-9０-９]+[)）]`)

// literalDetector finds clause literals: a clause form, a citation
// ("PLAN:clause" with the ID of a reference plan), or a clause of a
// reference plan's own index. A clause with a digit is found inside a longer
// literal when it is at least four runes long ("統合仮想サーバ 1",
// "ICT-BCP 7"), else only as the whole literal ("3a"); an index entry with
// no digit ("報告", "別表") or only digits ("5") is a word or a number, not
// evidence of a clause.
type literalDetector struct {
	citation *regexp.Regexp
	inside   []string
	whole    map[string]bool
}

func newLiteralDetector(t *testing.T) *literalDetector {
	t.Helper()
	ids := reference.IDs()
	d := &literalDetector{
		citation: regexp.MustCompile(`(?:^|[^A-Za-z0-9_-])(?:` + strings.Join(ids, "|") + `):`),
		whole:    map[string]bool{},
	}
	for _, id := range ids {
		p, err := Reference(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range p.Clauses {
			n := c.Number
			if !strings.ContainsFunc(n, unicode.IsDigit) || strings.TrimFunc(n, unicode.IsDigit) == "" {
				continue
			}
			if utf8.RuneCountInString(n) >= 4 {
				d.inside = append(d.inside, n)
			} else {
				d.whole[n] = true
			}
		}
	}
	slices.Sort(d.inside)
	d.inside = slices.Compact(d.inside)
	if len(d.inside) < 400 {
		t.Fatalf("only %d clauses of the reference plans to look for", len(d.inside))
	}
	return d
}

// find returns what makes s a clause literal, or "".
func (d *literalDetector) find(s string) string {
	if m := clauseForms.FindString(s); m != "" {
		return m
	}
	if m := d.citation.FindString(s); m != "" {
		return m
	}
	if d.whole[s] {
		return s
	}
	for _, c := range d.inside {
		if strings.Contains(s, c) {
			return c
		}
	}
	return ""
}

// TestNoClauseLiterals: no non-test Go file of the module holds a string
// literal that names a clause or cites one. The plans are data (issue 17):
// a clause belongs in a plan file, and Go holds the engine. Doc comments may
// quote a clause as an example; they are not literals.
func TestNoClauseLiterals(t *testing.T) {
	d := newLiteralDetector(t)
	root := ".."
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(name string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, name)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			base := e.Name()
			if rel != "." && (base == "testdata" || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
				return filepath.SkipDir
			}
			if rel != "." {
				if _, err := os.Stat(filepath.Join(name, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		f, err := goparser.ParseFile(fset, rel, src, goparser.SkipObjectResolution)
		if err != nil {
			return err
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
				return true
			}
			if m := d.find(s); m != "" {
				t.Errorf("%s: string literal %q names a clause (%q): put it in the plan file", fset.Position(lit.Pos()), s, strings.TrimSpace(m))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 60 {
		t.Fatalf("only %d files checked", checked)
	}
}

// TestLiteralDetector: the detector finds the clauses of the five documents
// in every form the plans write them, and leaves the engine's words alone.
func TestLiteralDetector(t *testing.T) {
	d := newLiteralDetector(t)
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"第3-5(2)", true},           // tottori
		{"第5条", true},               // ino
		{"第17条10項3号", true},         // kumiyama
		{"第1章", true},               // a chapter
		{"第三条", true},               // kanji numerals
		{"別表4-2", true},             // tottori's annex
		{"別紙1", true},               // kumamoto
		{"4(1)(イ)", true},           // kumamoto
		{"4(1) 緊急対応策", true},        // kumamoto
		{"統合仮想サーバ 3(3)①ア", true},    // nakano
		{"統合仮想サーバ 1", true},         // nakano, found through its index
		{"統合仮想サーバ 図4", true},        // nakano, a figure
		{"ICT-BCP 7", true},         // nakano, through its index
		{"（ICT-BCP 7(1)）", true},    // inside a sentence
		{"3a", true},                // kumamoto, the whole literal
		{"tottori:第3-5(2)", true},   // a citation
		{"see nakano:x", true},      // a citation of a reference plan
		{"サーバが停止（第5条の協議事項）", true},  // inside a sentence
		{"第1報", false},              // a first report, not a clause
		{"第三者", false},              // a third party
		{"不明な別表", false},            // the engine's word for an annex
		{"別表の緊急措置", false},          // the same
		{"報告", false},               // an engine word that is also a heading
		{"第%d位 %s（%s）", false},      // a format
		{"%s(%d)", false},           // a format
		{"影響度%d%%", false},          // a format
		{"5", false},                // a number
		{"bcp: plan %s: %w", false}, // a message
		{"casino:", false},          // not a plan ID
		{"1日", false},               // a horizon
		{"2～3日", false},             // a horizon
		{"x1(2)", false},            // an identifier's call
	} {
		if got := d.find(tt.s) != ""; got != tt.want {
			t.Errorf("find(%q) = %q; want a clause: %v", tt.s, d.find(tt.s), tt.want)
		}
	}
}
