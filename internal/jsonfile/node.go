package jsonfile

import "encoding/json"

// A Node is one value of a parsed file. The parser hands nodes out from
// slabs: a tree is a few allocations, and its unescaped strings are slices
// of one copy of the file.
type Node struct {
	Kind byte // '{', '[', '"', 'n' (number), 'b' (bool), '0' (null)
	// Text is a string's decoded text, a number's or a literal's spelling.
	Text string
	// Vals are an object's members or an array's elements, in file order.
	Vals []*Node
	Off  int // the byte offset of the value in the file
	End  int // the byte offset just after the value
	// Key is, for a member of an object, its key, and KeyOff the byte
	// offset of the key.
	Key    string
	KeyOff int
}

// Member returns the index in n.Vals of the member of object n whose key is
// k, or -1. (The parser has rejected a key given twice.)
func (n *Node) Member(k string) int {
	if n.Kind != '{' {
		return -1
	}
	for i, v := range n.Vals {
		if v.Key == k {
			return i
		}
	}
	return -1
}

// MaxDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const MaxDepth = 64

// AppendJSON writes n back as JSON, for the types that decode themselves.
func (n *Node) AppendJSON(b []byte) []byte {
	switch n.Kind {
	case '{':
		b = append(b, '{')
		for i, v := range n.Vals {
			if i > 0 {
				b = append(b, ',')
			}
			kb, _ := json.Marshal(v.Key)
			b = append(b, kb...)
			b = append(b, ':')
			b = v.AppendJSON(b)
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
