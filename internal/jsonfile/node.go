package jsonfile

import "encoding/json"

// A Node is one value of a parsed file. The parser hands nodes out from
// slabs: a tree is a few allocations, and its unescaped strings are slices
// of one copy of the file.
type Node struct {
	Kind byte // '{', '[', '"', 'n' (number), 'b' (bool), '0' (null)
	// Text is a string's decoded text, a number's or a literal's spelling.
	Text string
	Keys []string // an object's keys, in file order
	Vals []*Node  // an object's values (one per key) or an array's elements
	Off  int      // the byte offset of the value in the file
	End  int      // the byte offset just after the value
	// KeyOff is, for an object, the byte offset of each key.
	KeyOff []int
	// index holds the keys of a large object while it is read, for finding
	// duplicates.
	index map[string]bool
}

// MaxDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const MaxDepth = 64

// AppendJSON writes n back as JSON, for the types that decode themselves.
func (n *Node) AppendJSON(b []byte) []byte {
	switch n.Kind {
	case '{':
		b = append(b, '{')
		for i, k := range n.Keys {
			if i > 0 {
				b = append(b, ',')
			}
			kb, _ := json.Marshal(k)
			b = append(b, kb...)
			b = append(b, ':')
			b = n.Vals[i].AppendJSON(b)
		}
		return append(b, '}')
	case '[':
		b = append(b, '[')
		for i, v := range n.Vals {
			if i > 0 {
				b = append(b, ',')
			}
			b = v.AppendJSON(b)
		}
		return append(b, ']')
	case '"':
		sb, _ := json.Marshal(n.Text)
		return append(b, sb...)
	case '0':
		return append(b, "null"...)
	}
	return append(b, n.Text...)
}

// Describe names the JSON type of n for a message: "an object", "a string".
func (n *Node) Describe() string {
	switch n.Kind {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}
