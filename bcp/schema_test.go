package bcp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
)

// schemaPath is where the JSON Schema of plan files is kept: embedded,
// [PlanSchema] returns it.
var schemaPath = "plan.schema.json"

// planSchema generates the JSON Schema (draft 2020-12) of plan files by
// reflection over the same type table the codec uses, so the two cannot
// drift apart.
func planSchema() ([]byte, error) {
	g := schemaGen{defs: map[string]any{}}
	root := g.ref(planType)
	doc := map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/jukiplan/jukiplan/bcp/plan.schema.json",
		"title":       "jukiplan plan file",
		"description": "A municipality's whole plan as bcp.ParsePlan reads it (generated from the Go types by bcp/schema_test.go; do not edit; bcp.PlanSchema returns it). Enum values are English names; the Japanese labels listed are accepted too. " + schemaLimits,
		"$ref":        root["$ref"],
		"$defs":       g.defs,
	}
	for name, def := range g.defs {
		rules := schemaRules[name]
		if strings.HasPrefix(name, "bcp.Term[") {
			rules = schemaRules["bcp.Term"]
		}
		for k, v := range rules {
			def := def.(map[string]any)
			if props, ok := v.(map[string]any); ok && k == "properties" {
				for field, extra := range props {
					p := maps.Clone(def["properties"].(map[string]any)[field].(map[string]any))
					maps.Copy(p, extra.(map[string]any)) // beside a $ref too (2020-12)
					def["properties"].(map[string]any)[field] = p
				}
				continue
			}
			def[k] = v
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// schemaRules adds to a definition what the parser's checks of one object
// require and JSON Schema can state: required members, ranges of numbers,
// the signs of durations. A "properties" entry adds keywords to the member's
// own schema.
var schemaRules = map[string]map[string]any{
	// Plan.Validate: a plain plan ID, and a version.
	"bcp.Plan": {"properties": map[string]any{
		"id": map[string]any{"pattern": "^[a-z0-9_-]{1,64}$"}, "version": nonEmpty,
	}},
	// ParsePlanWith: a model names a plain plan ID and the version followed.
	"bcp.Model": {"required": []string{"id", "version"}, "properties": map[string]any{
		"id": map[string]any{"pattern": "^[a-z0-9_-]{1,64}$"}, "version": nonEmpty,
	}},
	// System.Validate: an ID, a name, an owner division, a kind and a scale;
	// a target recovery time that is not negative (durations never are).
	"bcp.System": {"required": []string{"id", "name", "owner", "kind", "scale"}, "properties": map[string]any{
		"id": nonEmpty, "name": nonEmpty, "owner": nonEmpty,
	}},
	// Plan.validate (marks): every reading and every place not stated has
	// a path into the plan file and a reason.
	"bcp.Mark": {"required": []string{"path", "reason"}, "properties": map[string]any{
		"path": map[string]any{"pattern": `^\$((\.[A-Za-z0-9_-]+)|(\[[0-9]+\])|(\[[A-Za-z_-][A-Za-z0-9_-]*\]))+$`, "maxLength": maxMarkPath,
			"description": "the place in this file, as its errors name it: \"$\", then \".key\" or \"[index]\", or \"[KEY]\" for the element of a list whose id, key, body, case, level or name is KEY, e.g. \"$.fault.serious.long\", \"$.organization.councils[security-council].chair\"; a mark covers everything under its place"},
		"reason":   map[string]any{"minLength": 1, "description": "why: what the document says there and what the library makes of it"},
		"reasonJa": map[string]any{"pattern": `\S`, "description": "the reason in Japanese, for the Japanese outputs; without it Check warns (plan.reason-not-in-japanese)"},
	}},
	// Vocabulary.validate: every term has an ID and a label.
	"bcp.Term": {"required": []string{"id", "label"}, "properties": map[string]any{
		"id": nonEmpty, "label": nonEmpty,
	}},
	// fault's spec check: serious thresholds are a positive duration and a
	// percentage from 1 to 100, stated together.
	"fault.Thresholds": {
		"dependentRequired": map[string]any{"long": []string{"heavy"}, "heavy": []string{"long"}, "cites": []string{"long", "heavy"}},
		"properties": map[string]any{
			"heavy": map[string]any{"minimum": 1, "maximum": 100, "description": "a percentage of the services that cannot be provided"},
			"long":  map[string]any{"not": map[string]any{"pattern": `^\+?([0.]+(ns|us|µs|ms|s|m|h|d|w)?)+$`}, "description": "a positive duration"},
		},
	},
}

var nonEmpty = map[string]any{"minLength": 1}

// schemaLimits lists what the schema cannot say and ParsePlan checks.
const schemaLimits = "What JSON Schema cannot express is checked by bcp.ParsePlan and bcp.Lint only: references across the plan (dependencies on systems the inventory holds, agendas, councils and roles of the chain, citations of the plan's own ID or its model's and of clauses its index lists, a model plan that resolves to the version named), unique IDs and keys, cycles, a key given twice in one object, a term of the plan's vocabulary where an engine name is expected, control characters and leading or trailing spaces in text, the grammar of a threat rule's event text (its kind and attributes), and the rules of each part that join several members or parts (council, fault, threat, measures). Required members, the ranges of numbers and the signs of durations are stated here."

type schemaGen struct{ defs map[string]any }

var timeType = reflect.TypeFor[time.Time]()

// ref returns the schema of t: a reference into $defs for named structs
// and enums, inline otherwise.
func (g *schemaGen) ref(t reflect.Type) map[string]any {
	// A generic type's name holds its arguments' import paths, whose '/'
	// a JSON pointer would read as a step: they are left out.
	name := strings.ReplaceAll(t.String(), "github.com/jukiplan/jukiplan/", "")
	switch {
	case t.Kind() == reflect.Pointer:
		return g.ref(t.Elem())
	case t.Name() == "" || (t.PkgPath() == "" && t != durationType):
		return g.inline(t)
	}
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = nil // placeholder against recursion
		g.defs[name] = g.inline(t)
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}

func (g *schemaGen) inline(t reflect.Type) map[string]any {
	switch {
	case t == durationType:
		return map[string]any{"type": "string", "description": "a duration as people write it, e.g. \"30m\", \"4h\", \"1d\", \"1w\", \"8h15m\" (Go's \"24h0m0s\" is read too)", "pattern": `^\+?(0|([0-9]+(\.[0-9]*)?(ns|us|µs|ms|s|m|h|d|w))+)$`}
	case t == citationType:
		return map[string]any{"type": "string", "description": "a citation PLANID:CLAUSE of the plan's own ID", "pattern": `^[A-Za-z0-9_-]+:\S`}
	case t == citationsType:
		return map[string]any{"type": "array", "items": g.ref(citationType), "uniqueItems": true}
	case t == actorType:
		// A term of the plan's vocabulary, or one of the engine's names.
		var names []string
		for _, r := range council.AllRoles() {
			names = append(names, r.String(), r.Label())
		}
		for _, p := range council.AllParties() {
			names = append(names, p.String(), p.Label())
		}
		return map[string]any{"type": "string", "description": "a position or a party: a term of the plan's vocabulary (its ID or label) or one of the engine's names", "examples": dedupe(names)}
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	}
	switch kindOf(t) {
	case kindJSON:
		if form, ok := jsonForms[t]; ok {
			s := g.inline(form)
			s["description"] = "the JSON form of " + t.String() + " (its MarshalJSON)"
			return s
		}
		return map[string]any{"type": "object", "description": "the JSON form of " + t.String() + " (its MarshalJSON)"}
	case kindText:
		if k := info(t).word; k >= 0 {
			if names := enumNames(t); names != nil {
				return map[string]any{"type": "string", "description": "a term of the plan's " + wordKinds[k].key + " (its ID or label) or one of the engine's names", "examples": names}
			}
			return map[string]any{"type": "string", "description": "a term of the plan's " + wordKinds[k].key + " (its ID or label): the engine names none"}
		}
		if names := enumNames(t); names != nil {
			return map[string]any{"type": "string", "enum": names}
		}
		return map[string]any{"type": "string"}
	case kindSet:
		return map[string]any{"type": "array", "items": g.ref(info(t).elem), "uniqueItems": true}
	}
	switch t.Kind() {
	case reflect.Struct:
		props := map[string]any{}
		for _, f := range fieldsOf(t) {
			props[f.name] = g.ref(t.Field(f.index).Type)
		}
		s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if t == planType {
			s["required"] = []string{"id", "version"}
			props["$schema"] = map[string]any{"type": "string", "description": "the URI of this schema, for editors; ignored"}
		}
		return s
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.ref(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.ref(t.Elem())}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	}
	return map[string]any{}
}

// enumNames lists the English names, then the Japanese labels, of an enum
// type (a uint8 with IsValid); nil for other text types.
func enumNames(t reflect.Type) []string {
	if t.Kind() != reflect.Uint8 {
		return nil
	}
	valid, ok := t.MethodByName("IsValid")
	if !ok {
		return nil
	}
	label, hasLabel := t.MethodByName("Label")
	var en, ja []string
	for i := 1; i < 256; i++ {
		x := reflect.New(t).Elem()
		x.SetUint(uint64(i))
		if !valid.Func.Call([]reflect.Value{x})[0].Bool() {
			continue
		}
		b, err := x.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			continue
		}
		if strings.Contains(string(b), "#") {
			continue // a value a plan declares: it has no name of its own
		}
		en = append(en, string(b))
		if hasLabel {
			ja = append(ja, label.Func.Call([]reflect.Value{x})[0].String())
		}
	}
	return dedupe(append(en, ja...))
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func TestSchemaInStep(t *testing.T) {
	got, err := planSchema()
	if err != nil {
		t.Fatal(err)
	}
	goldens.Check(t, schemaPath, string(got))
}

// TestSchemaCoversReferenceFiles checks every object key of the reference
// plan files against the schema's properties: a key the schema does not
// define at that place would be a schema bug.
func TestSchemaCoversReferenceFiles(t *testing.T) {
	data, err := planSchema()
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	defs := schema["$defs"].(map[string]any)
	resolve := func(s map[string]any) map[string]any {
		for s["$ref"] != nil {
			s = defs[s["$ref"].(string)[len("#/$defs/"):]].(map[string]any)
		}
		return s
	}
	var check func(v any, s map[string]any, path string)
	check = func(v any, s map[string]any, path string) {
		s = resolve(s)
		switch x := v.(type) {
		case map[string]any:
			props, ok := s["properties"].(map[string]any)
			if !ok {
				if s["type"] != "object" {
					t.Errorf("%s: an object where the schema says %v", path, s["type"])
				}
				return
			}
			for k, val := range x {
				ps, ok := props[k].(map[string]any)
				if !ok {
					t.Errorf("%s.%s: not in the schema", path, k)
					continue
				}
				check(val, ps, path+"."+k)
			}
		case []any:
			if s["type"] != "array" {
				t.Errorf("%s: an array where the schema says %v", path, s["type"])
				return
			}
			for _, e := range x {
				check(e, s["items"].(map[string]any), path+"[]")
			}
		case string:
			if s["type"] != "string" {
				t.Errorf("%s: a string where the schema says %v", path, s["type"])
			}
			if enum, ok := s["enum"].([]any); ok {
				found := false
				for _, e := range enum {
					found = found || e == x
				}
				if !found {
					t.Errorf("%s: %q not among the schema's values", path, x)
				}
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("reference", "*.json"))
	if len(files) != 5 {
		t.Fatalf("found %d reference files; want 5", len(files))
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		check(v, map[string]any{"$ref": schema["$ref"]}, filepath.Base(name)+":$")
	}
}

// rulesForm mirrors the object measures.Rules reads and writes (its
// MarshalJSON), so the schema states its keys; TestRulesFormInStep keeps the
// two in step.
type rulesForm struct {
	InForce              measures.Requirements        `json:"inForce,omitzero"`
	MinPasswordLength    int                          `json:"minPasswordLength,omitzero"`
	LockoutAfter         int                          `json:"lockoutAfter,omitzero"`
	EntryRecordYears     int                          `json:"entryRecordYears,omitzero"`
	CardRecordYears      int                          `json:"cardRecordYears,omitzero"`
	OperationLogYears    int                          `json:"operationLogYears,omitzero"`
	TerminalHours        measures.Hours               `json:"terminalHours,omitzero"`
	WorkingDaysOnly      bool                         `json:"workingDaysOnly,omitzero"`
	IdentityAssetManager council.Role                 `json:"identityAssetManager,omitzero"`
	OtherAssetManager    council.Role                 `json:"otherAssetManager,omitzero"`
	Citations            map[string]council.Citations `json:"citations,omitempty"`
}

// jsonForms are the forms of the types that encode themselves, where the
// schema can state them.
var jsonForms = map[reflect.Type]reflect.Type{
	reflect.TypeFor[measures.Rules](): reflect.TypeFor[rulesForm](),
}

// TestRulesFormInStep: every key measures.Rules writes for a plan that
// states them all is a key of rulesForm, and rulesForm has no other.
func TestRulesFormInStep(t *testing.T) {
	var keys []string
	for _, p := range []Plan{Kumiyama(), Tottori(), Nakano(), Ino(), Kumamoto()} {
		if p.Measures == nil || p.Measures.Controls == nil {
			continue
		}
		b, err := json.Marshal(p.Measures.Controls)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for k := range m {
			keys = append(keys, k)
		}
	}
	var form []string
	for f := range reflect.TypeFor[rulesForm]().Fields() {
		form = append(form, strings.Split(f.Tag.Get("json"), ",")[0])
	}
	for _, k := range keys {
		if !slices.Contains(form, k) {
			t.Errorf("measures.Rules writes %q, which rulesForm lacks", k)
		}
	}
	if len(keys) == 0 {
		t.Fatal("no reference plan states measures' controls")
	}
}
