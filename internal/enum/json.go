package enum

import (
	"encoding/json"
	"fmt"
)

// AppendSetJSON appends set as a JSON array of English names in ascending
// order ("[]" for the empty set): the form plan files give a set. A member
// the table does not name is an error wrapping the sentinel.
func (t *Table[E]) AppendSetJSON(b []byte, set uint64) ([]byte, error) {
	b = append(b, '[')
	n := 0
	for v := range Members[E](set) {
		if !t.Valid(v) {
			return nil, fmt.Errorf("%s: cannot encode %s %d: %w", t.pkg, t.kind, uint16(v), t.sentinel)
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		s, err := json.Marshal(t.String(v))
		if err != nil {
			return nil, err
		}
		b = append(b, s...)
	}
	return append(b, ']'), nil
}

// UnmarshalSet decodes a JSON array of names (English, Japanese or an alias)
// into a set. Anything else, an unknown name or a name listed twice is an
// error wrapping the sentinel and naming the index.
func (t *Table[E]) UnmarshalSet(data []byte) (uint64, error) {
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return 0, fmt.Errorf("%s: %s set: want an array of names: %w", t.pkg, t.kind, t.sentinel)
	}
	if names == nil {
		return 0, fmt.Errorf("%s: %s set: null: %w", t.pkg, t.kind, t.sentinel)
	}
	var set uint64
	for i, s := range names {
		v, err := t.Parse(s)
		if err != nil {
			return 0, fmt.Errorf("[%d]: %w", i, err)
		}
		bit := Bit(v)
		if bit == 0 {
			return 0, fmt.Errorf("[%d]: %s: %s %q cannot be held in a set: %w", i, t.pkg, t.kind, s, t.sentinel)
		}
		if set&bit != 0 {
			return 0, fmt.Errorf("[%d]: %s: %s %q listed twice: %w", i, t.pkg, t.kind, s, t.sentinel)
		}
		set |= bit
	}
	return set, nil
}
