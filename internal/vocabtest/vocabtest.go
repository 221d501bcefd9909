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
)

// A Kind is one kind of a plan's vocabulary.
type Kind struct {
	Key    string // its key under "vocabulary", e.g. "positions"
	Prefix string // the text of its declared values before "#", e.g. "role"
	Named  int    // how many values the engine names
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
