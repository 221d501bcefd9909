package bcp

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/internal/jsonfile"
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
	root, err := jsonfile.Parse(planFile, bytes.TrimPrefix(data, []byte(byteOrderMark)))
	if err != nil {
		return nil, false
	}
	_, _, errs := decodePlan(root)
	return errs, true
}

// expressible reports whether a problem ParsePlan finds is one the schema
// states: an unknown field, a value of the wrong JSON type, a required
// member missing or empty, a number out of its range, a negative duration.
// Every other problem is one the schema's description lists as the
// parser's alone (references across the plan, uniqueness, cycles, ...).
func expressible(err error) bool {
	if errors.Is(err, ErrUnknownField) {
		return true
	}
	msg := err.Error()
	if strings.Contains(msg, ": want ") && strings.Contains(msg, ", got ") && !strings.Contains(msg, "elements") {
		return true
	}
	if strings.Contains(msg, `: event "`) {
		return false // a threat rule's event text: its grammar is the parser's
	}
	if m := unknownName.FindStringSubmatch(msg); m != nil {
		// A name the engine does not know: the schema lists a closed
		// enum's names, a vocabulary kind's names are the plan's terms.
		for _, w := range wordKinds {
			// The message names the kind as the plan file does
			// ("trigger" for the "triggers" list) or as Go does.
			one := strings.TrimSuffix(w.key, "s")
			if strings.HasSuffix(w.key, "ies") {
				one = strings.TrimSuffix(w.key, "ies") + "y"
			}
			if strings.EqualFold(w.typ.Name(), m[1]) || m[1] == one {
				return false
			}
		}
		return m[1] != "position" && m[1] != "actor" && !strings.Contains(m[1], " or ")
	}
	for _, m := range schemaStates {
		if m.MatchString(msg) {
			return true
		}
	}
	return false
}

var unknownName = regexp.MustCompile(`: unknown ([a-z ]+) ".*": want `)

// schemaStates are the parser's messages for the rules schemaRules states.
var schemaStates = []*regexp.Regexp{
	regexp.MustCompile(`^bcp: plan: \$\.id: plan ID .*: want a plain identifier|^bcp: plan: \$\.version: missing`),
	regexp.MustCompile(`system .*: (empty ID|empty name|empty owner division|kind .* unset or unknown|impact scale .* unset or unknown|negative target recovery time)`),
	regexp.MustCompile(`vocabulary\.[a-z]+\[\d+\]\.(id|label): empty`),
	regexp.MustCompile(`fault: .*serious: long .*, heavy .*: want a positive duration and a percentage from 1 to 100`),
}

// schemaAgrees checks data against the schema and the parser: they accept
// and reject the same files, except that a file ParsePlan rejects only for
// problems the schema cannot state (references across the plan,
// uniqueness, cycles: the schema's description lists them; expressible
// tells them apart) may pass the schema.
func schemaAgrees(t interface {
	Fatalf(string, ...any)
}, sch *jsonschema.Schema, name string, data []byte) {
	if !utf8.Valid(data) || !json.Valid(bytes.TrimPrefix(data, []byte(byteOrderMark))) {
		return // not JSON: no schema applies
	}
	if _, ok := decodeErrs(data); !ok {
		return // a key given twice: JSON Schema cannot see it
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.TrimPrefix(data, []byte(byteOrderMark))))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	verr := sch.Validate(doc)
	_, perr := ParsePlan(data)
	var stated error
	for _, e := range leaves(perr) {
		if expressible(e) {
			stated = e
			break
		}
	}
	switch {
	case perr == nil && verr != nil:
		t.Fatalf("%s: ParsePlan accepts it, the schema rejects it: %v", name, verr)
	case stated != nil && verr == nil:
		t.Fatalf("%s: the schema accepts it, ParsePlan rejects it: %v", name, stated)
	}
}

// TestSchemaAgreesWithParser runs schemaAgrees over the reference plans,
// each with a "$schema" key, and every JSON file of examples/check's
// testdata (its broken plans and its JSON goldens, which are not plans).
func TestSchemaAgreesWithParser(t *testing.T) {
	sch := compiledSchema(t)
	files, _ := filepath.Glob(filepath.Join("reference", "*.json"))
	more, _ := filepath.Glob(filepath.Join("..", "examples", "check", "testdata", "broken", "*.json"))
	top, _ := filepath.Glob(filepath.Join("..", "examples", "check", "testdata", "*.json"))
	more = append(more, top...)
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
		switch rapid.IntRange(0, 8).Draw(t, "how") {
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
		case 5:
			v = `"-4h"`
		case 6:
			v = `""`
		case 7:
			v = "0"
		case 8:
			// the member left out
			schemaAgrees(t, sch, "mutated", []byte(strings.Join(lines[:i], "")+strings.Join(lines[i+1:], "")))
			return
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
