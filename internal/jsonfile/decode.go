package jsonfile

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Field is one field of a struct as a file holds it.
type Field struct {
	Index  int    // its index in the struct
	Name   string // its key in the file
	GoName string // its Go name
}

// Fields returns the fields of struct type t a file holds, in declaration
// order: the exported fields not tagged "-", named by their json tag or,
// without one, by their Go name with a lower-case first letter (an
// all-capital name, ID, in lower case).
func Fields(t reflect.Type) []Field {
	var out []Field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			r, n := utf8.DecodeRuneInString(f.Name)
			name = string(unicode.ToLower(r)) + f.Name[n:]
			if strings.ToUpper(f.Name) == f.Name { // ID -> id
				name = strings.ToLower(f.Name)
			}
		}
		out = append(out, Field{Index: i, Name: name, GoName: f.Name})
	}
	return out
}

// A Kind says how a type decodes.
type Kind uint8

const (
	Plain Kind = iota // by its reflect kind: struct field by field, slice, string, number…
	Text              // *T implements encoding.TextUnmarshaler: from a string
	JSON              // *T implements json.Unmarshaler: from its JSON, re-encoded
)

// Info is what the decoder needs to know of a type.
type Info struct {
	Kind   Kind
	Fields []Field // a struct's
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// InfoOf computes the information of t: JSON when *T implements
// json.Unmarshaler, else Text when it implements encoding.TextUnmarshaler.
func InfoOf(t reflect.Type) Info {
	i := Info{}
	switch p := reflect.PointerTo(t); {
	case p.Implements(jsonUnmarshaler):
		i.Kind = JSON
	case p.Implements(textUnmarshaler):
		i.Kind = Text
	}
	if t.Kind() == reflect.Struct {
		i.Fields = Fields(t)
	}
	return i
}

// Table returns the information of every type reachable from roots (not
// looking inside types that decode themselves), for a codec to build once,
// at package initialisation, and only read afterwards.
func Table(roots ...reflect.Type) map[reflect.Type]Info {
	m := map[reflect.Type]Info{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if _, ok := m[t]; ok {
			return
		}
		i := InfoOf(t)
		m[t] = i
		if i.Kind != Plain {
			return
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			for _, f := range i.Fields {
				walk(t.Field(f.Index).Type)
			}
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return m
}

// A Decoder decodes the tree of a file into Go values strictly: an unknown
// field, a value of the wrong JSON type, a bad value, null, a number out of
// range or a control character in a string is a [*PathError] at its path,
// and decoding goes on, so that every problem of a file is counted. Trees
// come from [Parse], which has already rejected syntax errors, duplicate
// keys and invalid UTF-8.
type Decoder struct {
	// File says what the file is: the start of its messages ("measures:
	// settings").
	File string
	// Errs are the problems found, in document order.
	Errs []error
	// Info gives the information of a type; nil computes it ([InfoOf]).
	Info func(reflect.Type) Info
	// Hook, when set, is offered every value first: it reports whether it
	// has decoded it (the codec's own kinds of values; a plan's vocabulary).
	Hook func(v reflect.Value, n *Node) bool
	// Nulls, when set, reads null as nil for a slice, a map or a pointer:
	// the form encoding/json writes for them. Plan files accept null
	// nowhere.
	Nulls bool
	stack []Segment
	buf   []byte // Bytes's
}

// Bytes returns s as bytes in a buffer the decoder reuses, valid until the
// next call: for encoding.TextUnmarshaler, which must copy what it keeps.
func (d *Decoder) Bytes(s string) []byte {
	d.buf = append(d.buf[:0], s...)
	return d.buf
}

// Key enters object key k; Index enters array index i; Pop leaves the last.
func (d *Decoder) Key(k string) { d.stack = append(d.stack, Key(k)) }
func (d *Decoder) Index(i int)  { d.stack = append(d.stack, Index(i)) }
func (d *Decoder) Pop()         { d.stack = d.stack[:len(d.stack)-1] }

// Depth is the number of segments of the current path: 0 at the root.
func (d *Decoder) Depth() int { return len(d.stack) }

// Path spells the current path.
func (d *Decoder) Path() string { return Path(d.stack) }

// Bad records a problem at the current path, wrapping sentinel.
func (d *Decoder) Bad(sentinel error, format string, args ...any) {
	d.Errs = append(d.Errs, Errorf(d.File, d.Path(), sentinel, format, args...))
}

// Wrap records err, an error a value's own decoding or check returned, at
// the current path ([Errors]).
func (d *Decoder) Wrap(err error) {
	d.Errs = append(d.Errs, Errors(d.File, d.Path(), err)...)
}

// Errors returns err as one [*PathError] of file at path for each of its
// problems. A problem that is itself a PathError (a value that decodes
// itself with this package) is placed at its own path below path. A
// problem that wraps none of the file sentinels (ErrSyntax,
// ErrUnknownField, ErrDuplicate, ErrDangling, ErrInvalid) is marked
// [problem.ErrInvalid].
func Errors(file, path string, err error) []error {
	var out []error
	for _, e := range problem.Problems(err) {
		at := path
		if pe, ok := e.(*PathError); ok && pe.Err != nil {
			at, e = path+strings.TrimPrefix(pe.Path, "$"), pe.Err
		}
		switch {
		case errors.Is(e, problem.ErrInvalid), errors.Is(e, problem.ErrDuplicate), errors.Is(e, problem.ErrDangling),
			errors.Is(e, problem.ErrSyntax), errors.Is(e, problem.ErrUnknownField):
		default:
			e = problem.Mark(e, problem.ErrInvalid)
		}
		out = append(out, &PathError{File: file, Path: at, Err: e})
	}
	return out
}

// Text rejects a string holding a control character. The parser has
// already rejected invalid UTF-8 in every string of the tree.
func (d *Decoder) Text(s string) bool {
	if msg := problem.BadControl(s); msg != "" {
		d.Bad(problem.ErrInvalid, "%s", msg)
		return false
	}
	return true
}

// Want reports whether n is of kind ('{', '[', '"', 'n', 'b'), and records
// a problem naming what is wanted when it is not.
func (d *Decoder) Want(n *Node, kind byte, what string) bool {
	if n.Kind != kind {
		d.Bad(problem.ErrInvalid, "want %s, got %s", what, n.Describe())
		return false
	}
	return true
}

func (d *Decoder) info(t reflect.Type) Info {
	if d.Info != nil {
		return d.Info(t)
	}
	return InfoOf(t)
}

// Value decodes n into v, which must be settable.
func (d *Decoder) Value(v reflect.Value, n *Node) {
	if d.Hook != nil && d.Hook(v, n) {
		return
	}
	t := v.Type()
	if n.Kind == '0' && d.Nulls {
		switch t.Kind() {
		case reflect.Slice, reflect.Map, reflect.Pointer:
			v.SetZero()
			return
		}
	}
	ti := d.info(t)
	switch ti.Kind {
	case Text:
		if !d.Want(n, '"', "a string") || !d.Text(n.Text) {
			return
		}
		// Into v itself when it can be addressed (no copy to allocate):
		// UnmarshalText leaves it unchanged on error.
		x := reflect.New(t)
		if v.CanAddr() {
			x = v.Addr()
		}
		if err := x.Interface().(encoding.TextUnmarshaler).UnmarshalText(d.Bytes(n.Text)); err != nil {
			d.Wrap(err)
			return
		}
		if !v.CanAddr() {
			v.Set(x.Elem())
		}
		return
	case JSON:
		if n.Kind == '0' {
			d.Bad(problem.ErrInvalid, "null: leave the field out instead")
			return
		}
		x := reflect.New(t)
		if err := x.Interface().(json.Unmarshaler).UnmarshalJSON(n.AppendJSON(nil)); err != nil {
			d.Wrap(err)
			return
		}
		v.Set(x.Elem())
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if n.Kind == '0' {
			d.Bad(problem.ErrInvalid, "null: leave the field out instead")
			return
		}
		x := reflect.New(t.Elem())
		d.Value(x.Elem(), n)
		v.Set(x)
	case reflect.Struct:
		d.Struct(v, n, ti.Fields, nil)
	case reflect.Slice:
		if !d.Want(n, '[', "an array") {
			return
		}
		s := reflect.MakeSlice(t, len(n.Vals), len(n.Vals))
		for i, m := range n.Vals {
			d.Index(i)
			d.Value(s.Index(i), m)
			d.Pop()
		}
		v.Set(s)
	case reflect.Array:
		if !d.Want(n, '[', "an array") {
			return
		}
		if len(n.Vals) != v.Len() {
			d.Bad(problem.ErrInvalid, "want %d elements, got %d", v.Len(), len(n.Vals))
			return
		}
		for i, m := range n.Vals {
			d.Index(i)
			d.Value(v.Index(i), m)
			d.Pop()
		}
	case reflect.Map:
		if !d.Want(n, '{', "an object") || t.Key().Kind() != reflect.String {
			return
		}
		m := reflect.MakeMapWithSize(t, len(n.Vals))
		for _, val := range n.Vals {
			k := val.Key
			x := reflect.New(t.Elem()).Elem()
			d.Key(k)
			d.Value(x, val)
			d.Pop()
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), x)
		}
		v.Set(m)
	case reflect.String:
		if d.Want(n, '"', "a string") && d.Text(n.Text) {
			v.SetString(n.Text)
		}
	case reflect.Bool:
		if d.Want(n, 'b', "true or false") {
			v.SetBool(n.Text == "true")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !d.Want(n, 'n', "an integer") {
			return
		}
		x, err := strconv.ParseInt(n.Text, 10, t.Bits())
		if err != nil {
			d.number(n.Text, err, fmt.Sprintf("%d to %d", int64(-1)<<(t.Bits()-1), int64(uint64(1)<<(t.Bits()-1)-1)))
			return
		}
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !d.Want(n, 'n', "an integer") {
			return
		}
		x, err := strconv.ParseUint(n.Text, 10, t.Bits())
		if err != nil {
			d.number(n.Text, err, fmt.Sprintf("0 to %d", uint64(1)<<t.Bits()-1))
			return
		}
		v.SetUint(x)
	default:
		d.Bad(problem.ErrInvalid, "cannot decode %s", t)
	}
}

// Struct decodes object n into struct v field by field; a key that names
// none of fields is an error ([problem.ErrUnknownField]) listing them. skip,
// when set, is asked first of each key and reports whether it has taken
// care of it.
func (d *Decoder) Struct(v reflect.Value, n *Node, fields []Field, skip func(i int, k string) bool) {
	if !d.Want(n, '{', "an object") {
		return
	}
	for i, val := range n.Vals {
		k := val.Key
		if skip != nil && skip(i, k) {
			continue
		}
		j := slices.IndexFunc(fields, func(f Field) bool { return f.Name == k })
		d.Key(k)
		if j < 0 {
			d.Bad(problem.ErrUnknownField, "want one of %s", problem.List(len(fields), func(i int) string { return fields[i].Name }))
		} else {
			d.Value(v.Field(fields[j].Index), val)
		}
		d.Pop()
	}
}

// number reports a number that does not fit an integer field: out of the
// range of its type, or not a whole number.
func (d *Decoder) number(text string, err error, bounds string) {
	d.Bad(problem.ErrInvalid, "%s", NumberProblem(text, errors.Is(err, strconv.ErrRange), bounds))
}

// NumberProblem says why text does not fit an integer field whose range is
// bounds ("0 to 255"): out of range (so too a whole number written with an
// exponent, 1e40), or not a whole number.
func NumberProblem(text string, outOfRange bool, bounds string) string {
	if f, err := strconv.ParseFloat(text, 64); errors.Is(err, strconv.ErrRange) || err == nil && f == math.Trunc(f) && math.Abs(f) >= 1<<63 {
		outOfRange = true
	}
	if outOfRange {
		return problem.Clip(text, problem.MaxQuote) + " out of range: want a whole number from " + bounds
	}
	return problem.Clip(text, problem.MaxQuote) + ": want a whole number from " + bounds
}

// Options adjust [Unmarshal].
type Options struct {
	// File says what the file is: the start of its messages.
	File string
	// Types is a table of the types of the file ([Table]); a type it does not
	// hold is looked at afresh.
	Types map[reflect.Type]Info
	// Nulls reads null as nil for a slice, a map or a pointer ([Decoder]).
	Nulls bool
}

// Unmarshal decodes data, one file, into *v strictly ([Parse], then a
// [Decoder]), leaving *v unchanged on error. Every problem is a
// [*PathError]; several are joined ([problem.Join]).
func Unmarshal[T any](data []byte, v *T, o Options) error {
	root, err := Parse(o.File, data)
	if err != nil {
		return err
	}
	var x T
	d := Decoder{File: o.File, Nulls: o.Nulls}
	if o.Types != nil {
		d.Info = func(t reflect.Type) Info {
			if i, ok := o.Types[t]; ok {
				return i
			}
			return InfoOf(t)
		}
	}
	d.Value(reflect.ValueOf(&x).Elem(), root)
	if err := problem.Join(d.Errs...); err != nil {
		return err
	}
	*v = x
	return nil
}
