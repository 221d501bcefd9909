// Package vocabtest lets the tests of the engine's packages read a plan file
// with encoding/json. Those packages cannot import bcp (bcp imports them), so
// their tests cannot use its codec, which names a plan-declared value by its
// term's ID. vocabtest resolves a plan's vocabulary as bcp does (a term with
// a function is that function's value, the first one to name it; every other
// term is the next value past the engine's named ones, in list order) and
// spells each value as the engine's types parse it: the function's name, or
// "kind#n" for a declared value.
//
// It is support for tests only: no library package imports it.
package vocabtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/jukiplan/jukiplan/bcp/reference"
)

// A Kind is one kind of a plan's vocabulary.
type Kind struct {
	Key    string // its key under "vocabulary", e.g. "positions"
	Prefix string // the text of its declared values before "#", e.g. "role"
	Named  int    // how many values the engine names
}

// The kinds of a plan's vocabulary whose values a plan may declare (the
// open enums), without Named: vocabtest cannot import the packages whose
// tests use it, so a test gives the count of the engine's named values
// ([Kind.With]), e.g. vocabtest.Symptoms.With(len(fault.AllSymptoms())).
var (
	Positions = Kind{Key: "positions", Prefix: "role"}     // council.Role
	Parties   = Kind{Key: "parties", Prefix: "party"}      // council.Party
	Bodies    = Kind{Key: "bodies", Prefix: "body"}        // council.Body
	Symptoms  = Kind{Key: "symptoms", Prefix: "symptom"}   // fault.Symptom
	Triggers  = Kind{Key: "triggers", Prefix: "trigger"}   // fault.Trigger
	Checks    = Kind{Key: "checks", Prefix: "check"}       // fault.Check
	Locations = Kind{Key: "locations", Prefix: "location"} // fault.Location
	Channels  = Kind{Key: "channels", Prefix: "channel"}   // bcp.Channel
)

// Kinds returns every open kind, in the order of the vocabulary's keys in
// a plan file, each without Named.
func Kinds() []Kind {
	return []Kind{Positions, Parties, Bodies, Symptoms, Triggers, Checks, Locations, Channels}
}

// With returns k for an engine that names named values of its kind.
func (k Kind) With(named int) Kind {
	k.Named = named
	return k
}

type file struct {
	Vocabulary map[string][]struct {
		ID       string `json:"id"`
		Function string `json:"function"`
	} `json:"vocabulary"`
}

// Resolve returns the text each term ID of kind k in plan file data stands
// for: the name of its function, or "prefix#n" for a value the plan
// declares.
func Resolve(data []byte, k Kind) (map[string]string, error) {
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	out := map[string]string{}
	taken := map[string]bool{}
	next := k.Named + 1
	for _, t := range f.Vocabulary[k.Key] {
		if t.Function != "" && !taken[t.Function] {
			taken[t.Function] = true
			out[t.ID] = t.Function
			continue
		}
		out[t.ID] = k.Prefix + "#" + strconv.Itoa(next)
		next++
	}
	return out, nil
}

// Rewrite returns plan file data with every string value outside its
// vocabulary that is a term ID of one of kinds replaced by the text it
// stands for (Resolve), so that encoding/json reads the file into the
// engine's types. Numbers are kept as written.
func Rewrite(data []byte, kinds ...Kind) ([]byte, error) {
	names := map[string]string{}
	for _, k := range kinds {
		m, err := Resolve(data, k)
		if err != nil {
			return nil, err
		}
		for id, text := range m {
			if id != text {
				names[id] = text
			}
		}
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("vocabtest: a plan file is a JSON object")
	}
	for key, x := range obj {
		if key != "vocabulary" {
			obj[key] = rename(x, names)
		}
	}
	return json.Marshal(obj)
}

func rename(v any, names map[string]string) any {
	switch v := v.(type) {
	case string:
		if n, ok := names[v]; ok {
			return n
		}
	case []any:
		for i := range v {
			v[i] = rename(v[i], names)
		}
	case map[string]any:
		for k := range v {
			v[k] = rename(v[k], names)
		}
	}
	return v
}

// File returns reference plan id's file (package bcp/reference) with the
// term IDs of kinds rewritten for encoding/json ([Rewrite]).
func File(id string, kinds ...Kind) ([]byte, error) {
	b, ok := reference.File(id)
	if !ok {
		return nil, fmt.Errorf("vocabtest: no reference plan %q", id)
	}
	return Rewrite(b, kinds...)
}

// Part decodes the part at key (e.g. "organization") of reference plan id's
// file, its terms of kinds rewritten ([File]), into a fresh T with
// encoding/json. It reports false, and no error, when the plan states no
// such part.
func Part[T any](id, key string, kinds ...Kind) (T, bool, error) {
	var zero T
	b, err := File(id, kinds...)
	if err != nil {
		return zero, false, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return zero, false, fmt.Errorf("vocabtest: reference plan %s: %w", id, err)
	}
	part, ok := raw[key]
	if !ok {
		return zero, false, nil
	}
	var x T
	if err := json.Unmarshal(part, &x); err != nil {
		return zero, false, fmt.Errorf("vocabtest: reference plan %s: %s: %w", id, key, err)
	}
	return x, true, nil
}

// Term returns the text the term id of kind k of reference plan plan stands
// for ([Resolve]); an error when the plan declares no such term.
func Term(plan string, k Kind, id string) (string, error) {
	b, ok := reference.File(plan)
	if !ok {
		return "", fmt.Errorf("vocabtest: no reference plan %q", plan)
	}
	m, err := Resolve(b, k)
	if err != nil {
		return "", err
	}
	text, ok := m[id]
	if !ok {
		return "", fmt.Errorf("vocabtest: reference plan %s declares no %s term %q", plan, k.Key, id)
	}
	return text, nil
}

// Stated is [Part] for a part the test needs: a plan that does not state it
// is an error.
func Stated[T any](id, key string, kinds ...Kind) (T, error) {
	x, ok, err := Part[T](id, key, kinds...)
	if err == nil && !ok {
		err = fmt.Errorf("vocabtest: reference plan %s states no %s", id, key)
	}
	return x, err
}

// Relabel returns plan file data with every term of its vocabulary given the
// label label(kind, i) and the English label "en " + label(kind, i), kind
// being the term's key under "vocabulary" and i its place in that list.
// Where custom(kind, i), the term also loses its function, so that it stands
// for a value the plan declares. The rest of the file names terms by ID, so
// it follows the terms to their new values.
func Relabel(data []byte, label func(kind string, i int) string, custom func(kind string, i int) bool) ([]byte, error) {
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	voc, _ := f["vocabulary"].(map[string]any)
	for kind, list := range voc {
		terms, ok := list.([]any)
		if !ok {
			return nil, fmt.Errorf("vocabtest: vocabulary %q is not a list", kind)
		}
		for i, x := range terms {
			term, ok := x.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("vocabtest: vocabulary %q term %d is not an object", kind, i)
			}
			term["label"] = label(kind, i)
			term["labelEn"] = "en " + label(kind, i)
			if custom(kind, i) {
				delete(term, "function")
			}
		}
	}
	return json.Marshal(f)
}

// TownLabels labels a relabelled ino as a town with posts of its own: the
// fourth position (ino's chief) is 情報保護統括責任者, the first body
// 情報保護管理会議 and every other term "kind-i", for [Relabel].
func TownLabels(kind string, i int) string {
	switch {
	case kind == "positions" && i == 3:
		return "情報保護統括責任者"
	case kind == "bodies" && i == 0:
		return "情報保護管理会議"
	}
	return fmt.Sprintf("%s-%d", kind, i)
}
