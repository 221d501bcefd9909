// Package planedit changes plan files as JSON, for tests that need a plan a
// reference file does not give: the same file with one part left out.
//
// It is support for tests only: no library package imports it, and it
// works on the file's JSON, not on bcp's types, so bcp's own tests can use
// it without an import cycle.
package planedit

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// ErrShape is wrapped by the errors of a file that has not the part an edit
// changes.
var ErrShape = errors.New("planedit: the file has not the part to change")

// chainPath is the JSON path of an organisation's reporting chain, and the
// prefix of the paths of the marks on its places.
const chainPath = "$.organization.chain"

// WithoutChain returns plan file data with its organisation's reporting
// chain left out, and with the marks (readings and not-stated marks) of the
// chain's places, which would name places the file no longer has. When
// notStated is not nil it is added to the file's notStated list, as the
// mark of the chain left out.
func WithoutChain(data []byte, notStated map[string]any) ([]byte, error) {
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	org, ok := m["organization"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: no organization", ErrShape)
	}
	if _, ok := org["chain"]; !ok {
		return nil, fmt.Errorf("%w: no organization.chain", ErrShape)
	}
	delete(org, "chain")
	for _, list := range []string{"readings", "notStated"} {
		ms, _ := m[list].([]any)
		var keep []any
		for _, x := range ms {
			mk, _ := x.(map[string]any)
			path, _ := mk["path"].(string)
			if !strings.HasPrefix(path, chainPath) {
				keep = append(keep, x)
			}
		}
		if list == "notStated" && notStated != nil {
			keep = append(keep, notStated)
		}
		if len(keep) > 0 {
			m[list] = keep
		} else {
			delete(m, list)
		}
	}
	return json.Marshal(m)
}
