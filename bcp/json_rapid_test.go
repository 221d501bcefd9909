package bcp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// TestParsePlanMutatedFiles mutates the reference plan files structurally
// (drop a key, swap a value for another value of the file, empty a list,
// duplicate a list element) and checks that ParsePlan never panics, and that
// whatever it accepts re-encodes to a file it decodes to the same plan.
func TestParsePlanMutatedFiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("reference", "*.json"))
	var docs []any
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, v)
	}
	rapid.Check(t, func(t *rapid.T) {
		i := rapid.IntRange(0, len(docs)-1).Draw(t, "file")
		var doc any
		b, _ := json.Marshal(docs[i])
		_ = json.Unmarshal(b, &doc)
		values := collect(doc, nil)
		for range rapid.IntRange(1, 4).Draw(t, "mutations") {
			doc = mutate(t, doc, values)
		}
		data, _ := json.Marshal(doc)
		p, err := ParsePlan(data)
		if err != nil {
			return
		}
		out, err := p.MarshalJSON()
		if err != nil {
			t.Fatalf("an accepted plan does not encode: %v", err)
		}
		q, err := ParsePlan(out)
		if err != nil {
			t.Fatalf("a re-encoded plan does not decode: %v", err)
		}
		if diff := cmp.Diff(p, q, planOpts); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// collect lists every value of a decoded JSON document, in document order
// (object keys sorted).
func collect(v any, out []any) []any {
	out = append(out, v)
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out = collect(x[k], out)
		}
	case []any:
		for _, e := range x {
			out = collect(e, out)
		}
	}
	return out
}

// mutate applies one random structural change somewhere in v.
func mutate(t *rapid.T, v any, values []any) any {
	switch x := v.(type) {
	case map[string]any:
		if len(x) == 0 {
			return v
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		k := rapid.SampledFrom(keys).Draw(t, "key")
		switch rapid.IntRange(0, 3).Draw(t, "objectOp") {
		case 0:
			delete(x, k)
		case 1:
			x[k] = rapid.SampledFrom(values).Draw(t, "value")
		default:
			x[k] = mutate(t, x[k], values)
		}
		return x
	case []any:
		if len(x) == 0 {
			return v
		}
		j := rapid.IntRange(0, len(x)-1).Draw(t, "index")
		switch rapid.IntRange(0, 4).Draw(t, "arrayOp") {
		case 0:
			return []any{}
		case 1:
			return append(x, x[j])
		case 2:
			return append(x[:j:j], x[j+1:]...)
		default:
			x[j] = mutate(t, x[j], values)
			return x
		}
	}
	return rapid.SampledFrom(values).Draw(t, "leaf")
}
