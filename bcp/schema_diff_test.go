package bcp

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"pgregory.net/rapid"
)

// compiledSchema compiles PlanSchema with a real JSON Schema validator.
func compiledSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(PlanSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://github.com/jukiplan/jukiplan/bcp/plan.schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// decodeErrs returns the problems ParsePlan finds while decoding data, before
// it checks the plan as a whole, or nil and false when data is not JSON.
func decodeErrs(data []byte) ([]error, bool) {
	root, err := parseTree(bytes.TrimPrefix(data, []byte(byteOrderMark)))
	if err != nil {
		return nil, false
	}
	_, errs := decodePlan(root)
	return errs, true
}

// expressible reports whether a decoding problem is one the schema states:
// an unknown field or a value of the wrong JSON type.
func expressible(err error) bool {
	if errors.Is(err, ErrUnknownField) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, ": want ") && strings.Contains(msg, ", got ") && !strings.Contains(msg, "elements")
}

// schemaAgrees checks data against the schema and the parser: the schema
// accepts every file ParsePlan accepts, and rejects every file in which
// decoding finds a problem the schema can state (an unknown field, a value
// of the wrong type). Problems across the plan (references, uniqueness,
// cycles, ranges: the schema's description lists them) are the parser's.
func schemaAgrees(t interface {
	Fatalf(string, ...any)
}, sch *jsonschema.Schema, name string, data []byte) {
	if !utf8.Valid(data) || !json.Valid(bytes.TrimPrefix(data, []byte(byteOrderMark))) {
		return // not JSON: no schema applies
	}
	errs, ok := decodeErrs(data)
	if !ok {
		return // a key given twice: JSON Schema cannot see it
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.TrimPrefix(data, []byte(byteOrderMark))))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	verr := sch.Validate(doc)
	if _, perr := ParsePlan(data); perr == nil && verr != nil {
		t.Fatalf("%s: ParsePlan accepts it, the schema rejects it: %v", name, verr)
	}
	for _, e := range errs {
		if expressible(e) && verr == nil {
			t.Fatalf("%s: the schema accepts it, ParsePlan rejects it: %v", name, e)
		}
	}
}

// TestSchemaAgreesWithParser runs schemaAgrees over the reference plans,
// each with a "$schema" key, and the broken plans of examples/check.
func TestSchemaAgreesWithParser(t *testing.T) {
	sch := compiledSchema(t)
	files, _ := filepath.Glob(filepath.Join("reference", "*.json"))
	more, _ := filepath.Glob(filepath.Join("..", "examples", "check", "testdata", "broken", "*.json"))
	if len(files) != 5 || len(more) < 10 {
		t.Fatalf("%d reference and %d broken files", len(files), len(more))
	}
	for _, name := range append(files, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		schemaAgrees(t, sch, name, data)
	}
	for _, name := range files {
		data, _ := os.ReadFile(name)
		with := append([]byte(`{"$schema": "https://github.com/jukiplan/jukiplan/bcp/plan.schema.json",`), bytes.TrimPrefix(bytes.TrimSpace(data), []byte("{"))...)
		if _, err := ParsePlan(with); err != nil {
			t.Errorf("%s with $schema: %v", name, err)
		}
		schemaAgrees(t, sch, name+" with $schema", with)
	}
}

// TestSchemaAgreesOnMutatedPlans: reference plans with one line broken (a
// key misspelt, a string made a number, an object made a string, a value
// made null) are accepted by the schema iff by the parser, within what the
// schema can state.
func TestSchemaAgreesOnMutatedPlans(t *testing.T) {
	sch := compiledSchema(t)
	var plans [][]string
	for _, id := range []string{"tottori", "nakano", "kumiyama"} {
		data, err := os.ReadFile(filepath.Join("reference", id+".json"))
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, strings.SplitAfter(string(data), "\n"))
	}
	rapid.Check(t, func(t *rapid.T) {
		lines := plans[rapid.IntRange(0, len(plans)-1).Draw(t, "plan")]
		i := rapid.IntRange(1, len(lines)-2).Draw(t, "line")
		l := lines[i]
		k := strings.Index(l, `": `)
		if k < 0 {
			t.Skip("no key on this line")
		}
		value := strings.TrimRight(l[k+3:], ",\n")
		comma := strings.HasSuffix(strings.TrimRight(l, "\n"), ",")
		var v string
		switch rapid.IntRange(0, 4).Draw(t, "how") {
		case 0:
			v = value
			l = l[:k] + "x" + l[k:]
		case 1:
			v = "150"
		case 2:
			v = `"text"`
		case 3:
			v = "null"
		case 4:
			v = "true"
		}
		if v == "" || value == "{" || value == "[" {
			t.Skip("an object or array opens here")
		}
		broken := l[:strings.Index(l, `": `)+3] + v
		if comma {
			broken += ","
		}
		mutated := strings.Join(lines[:i], "") + broken + "\n" + strings.Join(lines[i+1:], "")
		schemaAgrees(t, sch, "mutated", []byte(mutated))
	})
}
