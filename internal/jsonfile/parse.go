package jsonfile

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// Parse parses data, a file of the kind file names ("bcp: plan"), into a
// tree of nodes. It accepts exactly one JSON value (RFC 8259) surrounded by
// optional white space, reports a key given twice in one object as
// [problem.ErrDuplicate], and decodes strings as encoding/json does, except
// that invalid UTF-8 and a lone surrogate escape are errors
// ([problem.ErrSyntax]), never replaced by U+FFFD. The error is a
// [*PathError] whose message says the line and column; paths are only built
// when there is an error.
func Parse(file string, data []byte) (*Node, error) {
	n, _, err := ParseAt(file, data)
	return n, err
}

// ParseAt is [Parse] that also returns, with an error, the byte offset in
// data where the problem was found.
func ParseAt(file string, data []byte) (*Node, int, error) {
	p := parser{file: file, data: data, src: string(data)}
	p.ws()
	n := p.value(0)
	if p.err != nil {
		return nil, p.errAt, p.err
	}
	p.ws()
	if p.pos < len(p.data) {
		return nil, p.pos, Errorf(file, "$", problem.ErrSyntax, "data after the value at %s", p.at(p.pos))
	}
	return n, 0, nil
}

// A Segment is one step of a JSON path: an object's key, or an array's index.
type Segment struct {
	Key   string
	Index int // -1 for a key
}

// Key returns the segment of object key k.
func Key(k string) Segment { return Segment{Key: k, Index: -1} }

// Index returns the segment of array index i.
func Index(i int) Segment { return Segment{Index: i} }

type parser struct {
	file string // what the file is, for messages: "bcp: plan"
	data []byte
	// src is data as one string: the strings of the tree that hold no
	// escape are slices of it, so that reading them allocates nothing (and
	// a decoded plan keeps the file's text alive, about its own size).
	src   string
	pos   int
	stack []Segment
	err   error
	errAt int // the byte offset of err

	// slab hands out nodes a chunk at a time; keys, koffs and vals are
	// stacks on which an object or array collects its members before it
	// copies them into slices of their exact size. Both keep a parse to a
	// few allocations per value.
	slab []Node
	keys []string
	vals []*Node
	// keySlab, koffSlab and valSlab hand out the members' slices of
	// objects and arrays a chunk at a time, as slab hands out nodes.
	valSlab []*Node
	// index holds, for each depth, the keys of the large object open at
	// that depth (indexOf), for finding duplicates.
	index   []map[string]bool
	indexOf []*Node
}

// slabChunk is how many elements a slab allocates at a time.
const slabChunk = 512

// carve returns a copy of src in the next len(src) free elements of *slab,
// capped so that appending to it cannot reach its neighbours; it takes a
// fresh chunk when the slab has no room. Each chunk is used up to its end
// but for the room too small for one list, so the memory stays linear in
// the input.
func carve[T any](slab *[]T, src []T) []T {
	n := len(src)
	if cap(*slab)-len(*slab) < n {
		*slab = make([]T, 0, max(n, slabChunk))
	}
	s := append(*slab, src...)
	*slab = s
	return s[len(s)-n : len(s) : len(s)]
}

// node returns a fresh node from the slab.
func (p *parser) node(kind byte, text string) *Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]Node, 0, 256)
	}
	p.slab = append(p.slab, Node{Kind: kind, Text: text})
	return &p.slab[len(p.slab)-1]
}

// maxPath bounds the length of a path in a message: a longer one keeps its
// first and last segments around an ellipsis.
const maxPath = 512

// Path spells the JSON path of stack: "$" for the whole file, ".key" for a
// plain key, [\"key\"] (quoted by a short prefix) for any other, "[3]" for
// an index. A path longer than a few hundred bytes keeps its first and last
// segments around an ellipsis.
func Path(stack []Segment) string {
	seg := func(b *strings.Builder, s Segment) {
		switch {
		case s.Index >= 0:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.Index))
			b.WriteByte(']')
		case PlainKey(s.Key):
			b.WriteByte('.')
			b.WriteString(s.Key)
		default:
			b.WriteByte('[')
			b.WriteString(problem.Quote(s.Key))
			b.WriteByte(']')
		}
	}
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range stack {
		seg(&b, s)
	}
	if b.Len() <= maxPath || len(stack) <= 8 {
		return b.String()
	}
	b.Reset()
	b.WriteByte('$')
	for _, s := range stack[:4] {
		seg(&b, s)
	}
	b.WriteString(".…")
	for _, s := range stack[len(stack)-4:] {
		seg(&b, s)
	}
	return b.String()
}

// KeyPath is path followed by key k: ".k" for a plain key, [\"k\"] quoted by
// a short prefix for any other.
func KeyPath(path, k string) string {
	if PlainKey(k) {
		return path + "." + k
	}
	return path + "[" + problem.Quote(k) + "]"
}

// PlainKey reports whether k can be written .k in a path: a short run of
// ASCII letters, digits, '_' and '-'.
func PlainKey(k string) bool {
	if k == "" || len(k) > problem.MaxQuote {
		return false
	}
	for i := range len(k) {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (p *parser) fail(sentinel error, format string, args ...any) *Node {
	if p.err == nil {
		p.err = Errorf(p.file, Path(p.stack), sentinel, format, args...)
		p.errAt = p.pos
	}
	return nil
}

// at spells where offset lies in the data: its 1-based line and column
// (counted in UTF-16 code units, as [Finding] counts them) and its byte
// offset. Only the first error is kept, so once there is one it spells
// nothing: the scan runs once, and parsing stays linear.
func (p *parser) at(offset int) string {
	if p.err != nil {
		return ""
	}
	line, col := 1, 1
	for i := 0; i < min(offset, len(p.data)); {
		c := p.data[i]
		switch {
		case c == '\n':
			line, col = line+1, 1
			i++
			continue
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(p.data[i:])
			i += n
			if r >= 0x10000 {
				col++
			}
		}
		col++
	}
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col) + " (byte " + strconv.Itoa(offset) + ")"
}

func (p *parser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) *Node {
	at := p.pos
	n := p.value1(depth)
	if n != nil {
		n.Off, n.End = at, p.pos
	}
	return n
}

func (p *parser) value1(depth int) *Node {
	if depth > MaxDepth {
		return p.fail(problem.ErrSyntax, "nested deeper than %d at %s", MaxDepth, p.at(p.pos))
	}
	if p.pos >= len(p.data) {
		return p.fail(problem.ErrSyntax, "unexpected end of input at %s", p.at(p.pos))
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, ok := p.str()
		if !ok {
			return nil
		}
		return p.node('"', s)
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", 'b')
	case c == 'f':
		return p.literal("false", 'b')
	case c == 'n':
		return p.literal("null", '0')
	default:
		return p.fail(problem.ErrSyntax, "unexpected %q at %s", c, p.at(p.pos))
	}
}

func (p *parser) literal(word string, kind byte) *Node {
	if !strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+len(word))]), word) {
		return p.fail(problem.ErrSyntax, "invalid literal at %s", p.at(p.pos))
	}
	p.pos += len(word)
	return p.node(kind, word)
}

func (p *parser) object(depth int) *Node {
	p.pos++ // {
	n := p.node('{', "")
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return n
	}
	base, kbase := len(p.vals), len(p.keys)
	defer func() {
		p.keys, p.vals = p.keys[:kbase], p.vals[:base]
	}()
	for {
		p.ws()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return p.fail(problem.ErrSyntax, "want a key at %s", p.at(p.pos))
		}
		kat := p.pos
		k, ok := p.str()
		if !ok {
			return nil
		}
		p.stack = append(p.stack, Key(k))
		if dup := p.seen(n, p.keys[kbase:], k); dup {
			p.pos = kat
			return p.fail(problem.ErrDuplicate, "key given twice at %s", p.at(p.pos))
		}
		p.ws()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return p.fail(problem.ErrSyntax, "want ':' at %s", p.at(p.pos))
		}
		p.pos++
		p.ws()
		v := p.value(depth + 1)
		if p.err != nil {
			return nil
		}
		p.stack = p.stack[:len(p.stack)-1]
		v.Key, v.KeyOff = k, kat
		p.keys = append(p.keys, k)
		p.vals = append(p.vals, v)
		p.ws()
		if p.pos >= len(p.data) {
			return p.fail(problem.ErrSyntax, "unexpected end of input at %s", p.at(p.pos))
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			n.Vals = carve(&p.valSlab, p.vals[base:])
			return n
		default:
			return p.fail(problem.ErrSyntax, "want ',' or '}' at %s", p.at(p.pos))
		}
	}
}

// seen reports whether object n already has key k: a scan for the small
// objects of plan files, a set once an object grows large.
func (p *parser) seen(n *Node, keys []string, k string) bool {
	if len(keys) < 32 {
		for _, x := range keys {
			if x == k {
				return true
			}
		}
		return false
	}
	// One set per open object, kept by depth: an object's set lives while
	// it is read, so each key is added once.
	d := len(p.stack) - 1 // the object's depth: its key is on the stack
	for len(p.index) <= d {
		p.index = append(p.index, nil)
	}
	if p.index[d] == nil || p.indexOf[d] != n {
		p.index[d] = make(map[string]bool, len(keys)*2)
		for _, x := range keys {
			p.index[d][x] = true
		}
		for len(p.indexOf) <= d {
			p.indexOf = append(p.indexOf, nil)
		}
		p.indexOf[d] = n
	}
	if p.index[d][k] {
		return true
	}
	p.index[d][k] = true
	return false
}

func (p *parser) array(depth int) *Node {
	p.pos++ // [
	n := p.node('[', "")
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return n
	}
	base := len(p.vals)
	defer func() { p.vals = p.vals[:base] }()
	for {
		p.ws()
		p.stack = append(p.stack, Index(len(p.vals)-base))
		v := p.value(depth + 1)
		if p.err != nil {
			return nil
		}
		p.stack = p.stack[:len(p.stack)-1]
		p.vals = append(p.vals, v)
		p.ws()
		if p.pos >= len(p.data) {
			return p.fail(problem.ErrSyntax, "unexpected end of input at %s", p.at(p.pos))
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			n.Vals = carve(&p.valSlab, p.vals[base:])
			return n
		default:
			return p.fail(problem.ErrSyntax, "want ',' or ']' at %s", p.at(p.pos))
		}
	}
}

func (p *parser) number() *Node {
	d, start := p.data, p.pos
	i := start
	if i < len(d) && d[i] == '-' {
		i++
	}
	digits := func() int {
		j := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		return i - j
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case digits() == 0:
		return p.fail(problem.ErrSyntax, "invalid number at %s", p.at(start))
	}
	if i < len(d) && d[i] == '.' {
		i++
		if digits() == 0 {
			return p.fail(problem.ErrSyntax, "invalid number at %s", p.at(start))
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if digits() == 0 {
			return p.fail(problem.ErrSyntax, "invalid number at %s", p.at(start))
		}
	}
	p.pos = i
	return p.node('n', p.src[start:i])
}

// str reads a string starting at the opening quote.
func (p *parser) str() (string, bool) {
	d := p.data
	start := p.pos + 1
	i := start
	// wide is the offset of the first byte that is not ASCII, or -1.
	wide := -1
	for i < len(d) { // fast path: no escape and no control character
		c := d[i]
		if c == '"' {
			if wide < 0 || utf8.Valid(d[wide:i]) {
				p.pos = i + 1
				return p.src[start:i], true
			}
			break // the slow path names the invalid byte
		}
		if c == '\\' || c < 0x20 {
			break
		}
		if c >= utf8.RuneSelf && wide < 0 {
			wide = i
		}
		i++
	}
	if wide >= 0 {
		i = wide // the slow path decodes what is not yet known valid
	}
	b := make([]byte, 0, i-start+16)
	b = append(b, d[start:i]...)
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return string(b), true
		case c < 0x20:
			p.pos = i
			p.fail(problem.ErrSyntax, "control character %s in string at %s", problem.Rune(rune(c)), p.at(i))
			return "", false
		case c == '\\':
			if i+1 >= len(d) {
				p.pos = i
				p.fail(problem.ErrSyntax, "unexpected end of input at %s", p.at(p.pos))
				return "", false
			}
			i++
			switch e := d[i]; e {
			case '"', '\\', '/':
				b = append(b, e)
				i++
			case 'b':
				b, i = append(b, '\b'), i+1
			case 'f':
				b, i = append(b, '\f'), i+1
			case 'n':
				b, i = append(b, '\n'), i+1
			case 'r':
				b, i = append(b, '\r'), i+1
			case 't':
				b, i = append(b, '\t'), i+1
			case 'u':
				r, ok := hex4(d, i+1)
				if !ok {
					p.pos = i - 1
					p.fail(problem.ErrSyntax, "invalid \\u escape at %s", p.at(i))
					return "", false
				}
				i += 5
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(d) && d[i] == '\\' && d[i+1] == 'u' {
						r2, ok2 = hex4(d, i+2)
					}
					dec := utf16.DecodeRune(r, r2)
					if !ok2 || dec == utf8.RuneError {
						p.pos = i - 6
						p.fail(problem.ErrSyntax, "lone surrogate \\u%04X at %s: not a character", r, p.at(i-6))
						return "", false
					}
					r = dec
					i += 6
				}
				b = utf8.AppendRune(b, r)
			default:
				p.pos = i - 1
				p.fail(problem.ErrSyntax, "invalid escape \\%c at %s", e, p.at(i))
				return "", false
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size == 1 {
				p.pos = i
				p.fail(problem.ErrSyntax, "invalid UTF-8 (byte 0x%02X) at %s", d[i], p.at(i))
				return "", false
			}
			b = append(b, d[i:i+size]...)
			i += size
		}
	}
	p.pos = start - 1
	p.fail(problem.ErrSyntax, "unterminated string from %s", p.at(p.pos))
	return "", false
}

func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, c := range d[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
