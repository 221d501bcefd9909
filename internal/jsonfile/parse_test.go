package jsonfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// treeValue turns a parsed tree into what encoding/json decodes with
// UseNumber, for differential testing.
func treeValue(n *Node) any {
	switch n.Kind {
	case '{':
		m := map[string]any{}
		for _, v := range n.Vals {
			m[v.Key] = treeValue(v)
		}
		return m
	case '[':
		s := []any{}
		for _, v := range n.Vals {
			s = append(s, treeValue(v))
		}
		return s
	case '"':
		return n.Text
	case 'n':
		return json.Number(n.Text)
	case 'b':
		return n.Text == "true"
	}
	return nil
}

func checkTreeAgainstStdlib(t *testing.T, data []byte) {
	tree, err := Parse("test", data)
	valid := json.Valid(data)
	if err != nil {
		if errors.Is(err, problem.ErrDuplicate) || (!valid && errors.Is(err, problem.ErrSyntax)) {
			return
		}
		if valid && errors.Is(err, problem.ErrSyntax) && bytes.Count(data, []byte{'['})+bytes.Count(data, []byte{'{'}) > MaxDepth {
			return // nested deeper than the plan format allows
		}
		if valid && errors.Is(err, problem.ErrSyntax) && (!utf8.Valid(data) || surrogateEscape.Match(data)) {
			return // encoding/json replaces invalid UTF-8 and lone surrogates with U+FFFD; a plan file may hold neither
		}
		t.Fatalf("parseTree(%q): %v; encoding/json valid=%v", data, err, valid)
	}
	if !valid {
		t.Fatalf("parseTree(%q) accepted what encoding/json rejects", data)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var want any
	if err := dec.Decode(&want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, treeValue(tree)); diff != "" {
		t.Fatalf("parseTree(%q) differs from encoding/json (-std +ours):\n%s", data, diff)
	}
	if again := tree.AppendJSON(nil); !json.Valid(again) {
		t.Fatalf("AppendJSON wrote invalid JSON %q", again)
	}
}

// surrogateEscape matches a \u escape of a UTF-16 surrogate.
var surrogateEscape = regexp.MustCompile(`\\u[dD][89a-fA-F]`)

var treeSeeds = []string{
	`{}`, `[]`, `""`, `0`, `-0.5e+10`, `1E3`, `true`, `null`, ` {"a" : [1, "x", {"b": null}] } `,
	`"\u00e9\ud83d\ude00\ud800x\udc00\\\/\b\f\n\r\t\""`, "\"\xff\xfe日本\"", `"\u0041"`, `"\ud83d\ude00"`, `"\ud800"`,
	`01`, `1.`, `-`, `.5`, `1e`, `"\x"`, "\"\x01\"", `[1,]`, `{"a":1,}`, `{"a" 1}`, `tru`, `nul`, `"abc`, `[1 2]`,
	`{"a":1,"a":2}`, `[[[[[[[[[[]]]]]]]]]]`,
}

func TestParseTreeMatchesStdlib(t *testing.T) {
	for _, s := range treeSeeds {
		checkTreeAgainstStdlib(t, []byte(s))
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "bcp", "reference", "*.json"))
	for _, name := range files {
		data, _ := os.ReadFile(name)
		checkTreeAgainstStdlib(t, data)
	}
	if _, err := Parse("test", []byte(`{"a":1,"a":2}`)); !errors.Is(err, problem.ErrDuplicate) {
		t.Errorf("duplicate key: %v", err)
	}
}

func FuzzParseTree(f *testing.F) {
	for _, s := range treeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkTreeAgainstStdlib(t, data) })
}
