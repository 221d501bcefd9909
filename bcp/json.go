package bcp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// Sentinel errors of plan files, for [errors.Is]. Every error [ParsePlan]
// returns is a [*PathError] (or several, joined) wrapping one of them.
// [ErrDuplicate] is the same value as council.ErrDuplicate, and [ErrBadValue]
// the same as [ErrInvalid] (and so as council.ErrInvalid and the others).
var (
	// ErrSyntax is wrapped when a plan file is not one well-formed JSON value.
	ErrSyntax = problem.ErrSyntax
	// ErrUnknownField is wrapped for an object key the format does not define.
	ErrUnknownField = problem.ErrUnknownField
	// ErrDuplicate is wrapped for a key given twice in one object, and for an
	// ID, key or set member that must be unique and is not.
	ErrDuplicate = problem.ErrDuplicate
	// ErrDangling is wrapped for a reference to something the plan does not
	// hold: a system, an agenda, a role outside the chain, or a citation of
	// another plan.
	ErrDangling = problem.ErrDangling
	// ErrBadValue is wrapped for a value of the wrong JSON type, an unknown
	// enum name, a number out of range, a missing required value, a control
	// character in a name, or a part its own package rejects. It is
	// [ErrInvalid] under the name plan files used first.
	ErrBadValue = problem.ErrInvalid
)

// A PathError is one problem of a plan file at a JSON path such as
// "$.continuity.inventory.systems[3].dependsOn[0]" ("$" is the whole file).
// Use it through a pointer; the zero PathError names no problem.
type PathError struct {
	Path string `json:"path"`
	Err  error  `json:"err"` // wraps one of ErrSyntax, ErrUnknownField, ErrDuplicate, ErrDangling, ErrBadValue
}

// Error returns "bcp: plan: PATH: PROBLEM", the problem without a package
// prefix of its own and cut to a few kilobytes.
func (e *PathError) Error() string {
	if e.Err == nil {
		return "bcp: plan: " + e.Path
	}
	return problem.Clip("bcp: plan: "+e.Path+": "+problem.Strip(e.Err.Error()), problem.MaxLine)
}

// Unwrap returns the problem.
func (e *PathError) Unwrap() error { return e.Err }

func pathErr(path string, sentinel error, format string, args ...any) error {
	return &PathError{Path: path, Err: fmt.Errorf(format+": %w", append(args, sentinel)...)}
}

// pathErrs returns err, an error of a part or value its own package decoded
// or checked, as one [*PathError] at path for each of its problems. A problem
// that wraps none of the plan-file sentinels is marked [ErrBadValue].
func pathErrs(path string, err error) []error {
	var out []error
	for _, e := range problem.Problems(err) {
		switch {
		case errors.Is(e, ErrBadValue), errors.Is(e, ErrDuplicate), errors.Is(e, ErrDangling),
			errors.Is(e, ErrSyntax), errors.Is(e, ErrUnknownField):
		default:
			e = problem.Mark(e, ErrBadValue)
		}
		out = append(out, &PathError{Path: path, Err: e})
	}
	return out
}

// ParsePlan decodes a plan file, the form [Plan.MarshalJSON] writes, and
// checks it. Decoding is strict: an unknown field, a key given twice, a value
// of the wrong type, an unknown enum name (English names and the documents'
// Japanese labels are accepted), a duplicate ID, a dangling reference or a
// part its own package rejects is an error naming its JSON path. Every problem
// found is counted (a join of [*PathError]s, in document order, then the
// checks of the whole; its message lists the first ones and counts the rest).
// A string holding a control character (U+0000–U+001F, U+007F–U+009F) or a
// file that is not valid UTF-8 is an error too; a UTF-8 byte-order mark at
// the start is ignored. [Lint] reads a file leniently instead.
//
// A zero or empty value is written by leaving its field out; null is not
// accepted anywhere. A "$schema" string at the top is ignored: it names
// the file's JSON Schema for editors ([PlanSchema]).
//
// A file with "basedOn" follows a model plan ([Model]); ParsePlan resolves it
// against the reference plans ([ReferenceModels]), [ParsePlanWith] against
// the models a caller supplies.
func ParsePlan(data []byte) (Plan, error) { return parsePlan(data, ReferenceModels, nil) }

// decodePlan decodes a plan file's tree as far as it can, and returns every
// problem of decoding (not the checks of the whole): the vocabulary first,
// as the rest of the file names the plan's terms.
func decodePlan(root *node) (Plan, []error) {
	var p Plan
	d := decoder{}
	if i := slices.Index(root.keys, "vocabulary"); root.kind == '{' && i >= 0 {
		d.key("vocabulary")
		d.value(reflect.ValueOf(&p.Vocabulary).Elem(), root.vals[i])
		d.pop()
	}
	d.words = p.Vocabulary.words()
	d.value(reflect.ValueOf(&p).Elem(), root)
	return p, d.errs
}

// UnmarshalJSON decodes a plan file as [ParsePlan] does; on error p is
// unchanged.
func (p *Plan) UnmarshalJSON(data []byte) error {
	q, err := ParsePlan(data)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalJSON encodes p in its canonical form: compact, fields in a fixed
// order, enums by English name, sets as arrays in ascending order, durations
// as Go duration strings ("4h0m0s"), and every zero or empty field left out.
// Lists keep their order: it is the plan's. Equal plans encode to equal
// bytes; [Plan.Provenance] hashes them. An invalid enum value is an error
// naming its path.
func (p Plan) MarshalJSON() ([]byte, error) {
	e := encoder{words: p.Vocabulary.words()}
	e.structFields(reflect.ValueOf(p), "$")
	if len(e.errs) > 0 {
		return nil, problem.Join(e.errs...)
	}
	return e.buf.Bytes(), nil
}

// ---- field names and kinds of values, shared by encoder, decoder and schema

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonMarshaler   = reflect.TypeFor[json.Marshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	durationType    = reflect.TypeFor[time.Duration]()
	planType        = reflect.TypeFor[Plan]()
	vocabularyType  = reflect.TypeFor[Vocabulary]()
	actorType       = reflect.TypeFor[council.Actor]()
)

// field is one encoded struct field.
type field struct {
	index int
	name  string
}

// fieldsOf returns the encoded fields of struct type t in declaration order:
// exported fields not tagged "-", named by their json tag or, without one,
// by their Go name with a lower-case first letter.
func computeFields(t reflect.Type) []field {
	var out []field
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
		out = append(out, field{index: i, name: name})
	}
	return out
}

type valueKind int

const (
	kindOther    valueKind = iota
	kindJSON               // json.Marshaler / *T json.Unmarshaler (council.Citations, measures.Rules)
	kindText               // TextMarshaler / *T TextUnmarshaler (enums, citations, actors)
	kindDuration           // time.Duration as people write it ("4h", "1d"; internal/duration)
	kindSet                // an enum bitset: Has(E) bool, With(E) T, E a text enum
)

func computeKind(t reflect.Type) valueKind {
	switch {
	case t == planType:
		return kindOther
	case t == durationType:
		return kindDuration
	case setElem(t) != nil:
		// Sets marshal themselves in the same form; the codec decodes them
		// itself, to name the index of a bad or duplicate member.
		return kindSet
	case t.Implements(jsonMarshaler) && reflect.PointerTo(t).Implements(jsonUnmarshaler):
		if plainStruct(t) {
			// Its JSON methods give the form of this codec (a struct with
			// a duration, marshalled alone); decode field by field here.
			return kindOther
		}
		return kindJSON
	case t.Implements(textMarshaler) && reflect.PointerTo(t).Implements(textUnmarshaler):
		return kindText
	}
	return kindOther
}

// plainStruct reports whether t is a struct all of whose fields are exported:
// its encoded fields are its whole state.
func plainStruct(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.NumField() == 0 {
		return false
	}
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			return false
		}
	}
	return true
}

// setElem returns the element type of an enum bitset type, or nil.
func setElem(t reflect.Type) reflect.Type {
	if t.Kind() != reflect.Uint64 {
		return nil
	}
	has, ok := t.MethodByName("Has")
	if !ok || has.Type.NumIn() != 2 || has.Type.NumOut() != 1 || has.Type.Out(0).Kind() != reflect.Bool {
		return nil
	}
	e := has.Type.In(1)
	with, ok := t.MethodByName("With")
	if !ok || with.Type.NumIn() != 2 || with.Type.In(1) != e || with.Type.Out(0) != t {
		return nil
	}
	if e.Kind() != reflect.Uint8 || !e.Implements(textMarshaler) || !reflect.PointerTo(e).Implements(textUnmarshaler) {
		return nil
	}
	return e
}

// empty reports whether v is left out when encoding: its zero value, an
// empty slice or map, or a value with a Len method reporting 0 (an empty
// council.Citations).
func empty(v reflect.Value) bool {
	if v.IsZero() {
		return true
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	if i := info(v.Type()).lenFn; i >= 0 {
		return v.Method(i).Call(nil)[0].Int() == 0
	}
	return false
}

// typeInfo is what the codec needs to know of a type, computed once.
type typeInfo struct {
	kind   valueKind
	fields []field      // struct types
	elem   reflect.Type // kindSet: the element type
	lenFn  int          // index of a Len() int method, or -1
	word   int          // the vocabulary kind of its values (wPosition...), wActor, or -1
}

// wActor marks council.Actor: a position or a party of the vocabulary.
const wActor = nKinds

// infos holds the type information of every type reachable from [Plan].
// It is built at package initialisation and never written afterwards.
var infos = buildInfos(planType)

func buildInfos(root reflect.Type) map[reflect.Type]*typeInfo {
	m := map[reflect.Type]*typeInfo{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		if _, ok := m[t]; ok {
			return
		}
		ti := computeInfo(t)
		m[t] = ti
		if ti.kind == kindSet {
			walk(ti.elem) // the codec decodes each member itself
		}
		if ti.kind != kindOther {
			return
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			for _, f := range ti.fields {
				walk(t.Field(f.index).Type)
			}
		}
	}
	walk(root)
	return m
}

func computeInfo(t reflect.Type) *typeInfo {
	ti := &typeInfo{kind: computeKind(t), lenFn: -1, word: wordKindOf(t)}
	if t == actorType {
		ti.word = wActor
	}
	if ti.kind == kindSet {
		ti.elem = setElem(t)
	}
	if t.Kind() == reflect.Struct {
		ti.fields = computeFields(t)
	}
	if m, ok := t.MethodByName("Len"); ok && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 && m.Type.Out(0).Kind() == reflect.Int {
		ti.lenFn = m.Index
	}
	return ti
}

// info returns the type information of t (computed afresh for a type not
// reachable from Plan, which the codec never meets).
func info(t reflect.Type) *typeInfo {
	if ti, ok := infos[t]; ok {
		return ti
	}
	return computeInfo(t)
}

func fieldsOf(t reflect.Type) []field { return info(t).fields }
func kindOf(t reflect.Type) valueKind { return info(t).kind }

// ---- encoder

type encoder struct {
	buf   bytes.Buffer
	errs  []error
	words *words // the plan's vocabulary: its terms are written by ID
	// threat is the threat spec being written, whose declared kinds and
	// attributes an event's text names (json_threat.go).
	threat   *threat.Spec
	inThreat bool
}

func (e *encoder) value(v reflect.Value, path string) {
	t := v.Type()
	if t == vocabularyType {
		// Functions are the engine's values: written by the engine's names.
		saved := e.words
		e.words = nil
		defer func() { e.words = saved }()
	}
	if e.threatValue(v, path) {
		return
	}
	if e.words != nil {
		if id, ok := e.words.termID(info(t).word, v); ok {
			e.str(id)
			return
		}
	}
	switch kindOf(t) {
	case kindDuration:
		e.str(duration.Format(time.Duration(v.Int())))
		return
	case kindJSON:
		b, err := v.Interface().(json.Marshaler).MarshalJSON()
		if err != nil {
			e.fail(path, err)
			return
		}
		var c bytes.Buffer
		if err := json.Compact(&c, b); err != nil {
			e.fail(path, err)
			return
		}
		e.buf.Write(c.Bytes())
		return
	case kindText:
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			e.fail(path, err)
			return
		}
		e.str(string(b))
		return
	case kindSet:
		elem := info(t).elem
		bits := v.Uint()
		e.buf.WriteByte('[')
		n := 0
		for i := 1; i < 64; i++ {
			if bits&(1<<i) == 0 {
				continue
			}
			x := reflect.New(elem).Elem()
			x.SetUint(uint64(i))
			if n > 0 {
				e.buf.WriteByte(',')
			}
			e.value(x, fmt.Sprintf("%s[%d]", path, n))
			n++
		}
		e.buf.WriteByte(']')
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			e.buf.WriteString("null")
			return
		}
		e.value(v.Elem(), path)
	case reflect.Struct:
		e.structFields(v, path)
	case reflect.Slice, reflect.Array:
		e.buf.WriteByte('[')
		for i := range v.Len() {
			if i > 0 {
				e.buf.WriteByte(',')
			}
			e.value(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		e.buf.WriteByte(']')
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			e.fail(path, fmt.Errorf("map key %s: %w", t.Key(), ErrBadValue))
			return
		}
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		e.buf.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				e.buf.WriteByte(',')
			}
			e.str(k.String())
			e.buf.WriteByte(':')
			e.value(v.MapIndex(k), path+"."+k.String())
		}
		e.buf.WriteByte('}')
	case reflect.String:
		e.str(v.String())
	case reflect.Bool:
		e.buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.buf.WriteString(strconv.FormatUint(v.Uint(), 10))
	default:
		e.fail(path, fmt.Errorf("cannot encode %s: %w", t, ErrBadValue))
	}
}

func (e *encoder) structFields(v reflect.Value, path string) {
	e.buf.WriteByte('{')
	first := true
	for _, f := range fieldsOf(v.Type()) {
		fv := v.Field(f.index)
		if empty(fv) {
			continue
		}
		if !first {
			e.buf.WriteByte(',')
		}
		first = false
		e.str(f.name)
		e.buf.WriteByte(':')
		e.value(fv, path+"."+f.name)
	}
	e.buf.WriteByte('}')
}

func (e *encoder) str(s string) {
	b, _ := json.Marshal(s) // a string always encodes
	e.buf.Write(b)
}

func (e *encoder) fail(path string, err error) {
	e.errs = append(e.errs, pathErrs(path, err)...)
}

// ---- the JSON tree, with duplicate keys detected

type node struct {
	kind byte // '{', '[', '"', 'n' (number), 'b' (bool), '0' (null)
	text string
	keys []string
	vals []*node
	off  int   // the byte offset of the value in the file
	end  int   // the byte offset just after the value
	koff []int // an object's: the byte offset of each key
	// index holds the keys of a large object, for finding duplicates.
	index map[string]bool
}

// maxDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const maxDepth = 64

// appendJSON writes n back as JSON, for the types that decode themselves.
func (n *node) appendJSON(b []byte) []byte {
	switch n.kind {
	case '{':
		b = append(b, '{')
		for i, k := range n.keys {
			if i > 0 {
				b = append(b, ',')
			}
			kb, _ := json.Marshal(k)
			b = append(b, kb...)
			b = append(b, ':')
			b = n.vals[i].appendJSON(b)
		}
		return append(b, '}')
	case '[':
		b = append(b, '[')
		for i, v := range n.vals {
			if i > 0 {
				b = append(b, ',')
			}
			b = v.appendJSON(b)
		}
		return append(b, ']')
	case '"':
		sb, _ := json.Marshal(n.text)
		return append(b, sb...)
	case '0':
		return append(b, "null"...)
	}
	return append(b, n.text...)
}

func (n *node) describe() string {
	switch n.kind {
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

// ---- decoder

type decoder struct {
	errs  []error
	stack []segment // the path of the value being decoded
	words *words    // the plan's vocabulary, once decoded; nil before and while decoding it
	// threat is the threat spec being decoded, once its declared kinds and
	// attributes are (json_threat.go).
	threat *threat.Spec
}

func (d *decoder) path() string { return (&parser{stack: d.stack}).path() }

func (d *decoder) key(k string) { d.stack = append(d.stack, segment{key: k, index: -1}) }
func (d *decoder) index(i int)  { d.stack = append(d.stack, segment{index: i}) }
func (d *decoder) pop()         { d.stack = d.stack[:len(d.stack)-1] }

func (d *decoder) bad(sentinel error, format string, args ...any) {
	d.errs = append(d.errs, pathErr(d.path(), sentinel, format, args...))
}

func (d *decoder) wrap(err error) {
	d.errs = append(d.errs, d.words.pathErrs(d.path(), err)...)
}

// text rejects a string holding a control character or invalid UTF-8.
func (d *decoder) text(s string) bool {
	if msg := problem.BadText(s); msg != "" {
		d.bad(ErrBadValue, "%s", msg)
		return false
	}
	return true
}

func (d *decoder) want(n *node, kind byte, what string) bool {
	if n.kind != kind {
		d.bad(ErrBadValue, "want %s, got %s", what, n.describe())
		return false
	}
	return true
}

func (d *decoder) value(v reflect.Value, n *node) {
	t := v.Type()
	if d.threatValue(v, n) {
		return
	}
	if w := info(t).word; w >= 0 && d.words != nil && n.kind == '"' {
		if d.term(v, w, n.text) {
			return
		}
		defer d.undeclared(v, w, n.text)
	}
	switch kindOf(t) {
	case kindDuration:
		if !d.want(n, '"', "a duration string such as \"4h\" or \"1d\"") {
			return
		}
		x, err := duration.Parse(n.text)
		if err != nil {
			d.bad(ErrBadValue, "%v", err)
			return
		}
		v.SetInt(int64(x))
		return
	case kindJSON:
		if n.kind == '0' {
			d.bad(ErrBadValue, "null")
			return
		}
		if t == citationsType {
			d.citations(v, n)
			return
		}
		x := reflect.New(t)
		if err := x.Interface().(json.Unmarshaler).UnmarshalJSON(n.appendJSON(nil)); err != nil {
			d.wrap(err)
			return
		}
		v.Set(x.Elem())
		return
	case kindText:
		if !d.want(n, '"', "a string") || !d.text(n.text) {
			return
		}
		x := reflect.New(t)
		if err := x.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(n.text)); err != nil {
			d.wrap(err)
			return
		}
		v.Set(x.Elem())
		return
	case kindSet:
		if !d.want(n, '[', "an array of names") {
			return
		}
		elem := info(t).elem
		var bits uint64
		for i, m := range n.vals {
			d.index(i)
			x := reflect.New(elem).Elem()
			before := len(d.errs)
			d.value(x, m)
			switch u := x.Uint(); {
			case len(d.errs) > before:
			case u == 0 || u > 63:
				d.bad(ErrBadValue, "%s cannot be held in a set", problem.Quote(m.text))
			case bits&(1<<u) != 0:
				d.bad(ErrDuplicate, "%s listed twice", problem.Quote(m.text))
			default:
				bits |= 1 << u
			}
			d.pop()
		}
		v.SetUint(bits)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if n.kind == '0' {
			d.bad(ErrBadValue, "null: leave the field out instead")
			return
		}
		x := reflect.New(t.Elem())
		d.value(x.Elem(), n)
		v.Set(x)
	case reflect.Struct:
		if !d.want(n, '{', "an object") {
			return
		}
		fields := fieldsOf(t)
		for i, k := range n.keys {
			if t == planType && k == "vocabulary" && d.words != nil {
				continue // decoded first
			}
			if t == threatSpecType && threatDeclaration(k) {
				continue // decoded first
			}
			if t == planType && k == "$schema" && len(d.stack) == 0 {
				d.key(k)
				if d.want(n.vals[i], '"', "a string: the URI of the plan-file schema") {
					d.text(n.vals[i].text)
				}
				d.pop()
				continue // for editors; see PlanSchema
			}
			j := slices.IndexFunc(fields, func(f field) bool { return f.name == k })
			d.key(k)
			if j < 0 {
				d.bad(ErrUnknownField, "want one of %s", problem.List(len(fields), func(i int) string { return fields[i].name }))
			} else {
				d.value(v.Field(fields[j].index), n.vals[i])
			}
			d.pop()
		}
	case reflect.Slice:
		if !d.want(n, '[', "an array") {
			return
		}
		s := reflect.MakeSlice(t, len(n.vals), len(n.vals))
		for i, m := range n.vals {
			d.index(i)
			d.value(s.Index(i), m)
			d.pop()
		}
		v.Set(s)
	case reflect.Array:
		if !d.want(n, '[', "an array") {
			return
		}
		if len(n.vals) != v.Len() {
			d.bad(ErrBadValue, "want %d elements, got %d", v.Len(), len(n.vals))
			return
		}
		for i, m := range n.vals {
			d.index(i)
			d.value(v.Index(i), m)
			d.pop()
		}
	case reflect.Map:
		if !d.want(n, '{', "an object") || t.Key().Kind() != reflect.String {
			return
		}
		m := reflect.MakeMapWithSize(t, len(n.keys))
		for i, k := range n.keys {
			x := reflect.New(t.Elem()).Elem()
			d.key(k)
			d.value(x, n.vals[i])
			d.pop()
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), x)
		}
		v.Set(m)
	case reflect.String:
		if d.want(n, '"', "a string") && d.text(n.text) {
			v.SetString(n.text)
		}
	case reflect.Bool:
		if d.want(n, 'b', "true or false") {
			v.SetBool(n.text == "true")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !d.want(n, 'n', "an integer") {
			return
		}
		x, err := strconv.ParseInt(n.text, 10, t.Bits())
		if err != nil {
			d.number(n.text, err, fmt.Sprintf("%d to %d", int64(-1)<<(t.Bits()-1), int64(uint64(1)<<(t.Bits()-1)-1)))
			return
		}
		v.SetInt(x)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if !d.want(n, 'n', "an integer") {
			return
		}
		x, err := strconv.ParseUint(n.text, 10, t.Bits())
		if err != nil {
			d.number(n.text, err, fmt.Sprintf("0 to %d", uint64(1)<<t.Bits()-1))
			return
		}
		v.SetUint(x)
	default:
		d.bad(ErrBadValue, "cannot decode %s", t)
	}
}

// citations decodes a list of citations entry by entry, so that a problem
// names the entry's own path.
func (d *decoder) citations(v reflect.Value, n *node) {
	if !d.want(n, '[', "an array of citations") {
		return
	}
	list := make([]council.Citation, 0, len(n.vals))
	for i, m := range n.vals {
		d.index(i)
		var c council.Citation
		if d.want(m, '"', "a string") {
			if err := c.UnmarshalText([]byte(m.text)); err != nil {
				d.wrap(err)
			} else {
				list = append(list, c)
			}
		}
		d.pop()
	}
	v.Set(reflect.ValueOf(council.Cites(list...)))
}

// number reports a number that does not fit an integer field: out of the
// range of its type, or not a whole number.
func (d *decoder) number(text string, err error, bounds string) {
	d.bad(ErrBadValue, "%s", numberProblem(text, errors.Is(err, strconv.ErrRange), bounds))
}

// numberProblem says why text does not fit an integer field whose range is
// bounds ("0 to 255"): out of range (so too a whole number written with an
// exponent, 1e40), or not a whole number.
func numberProblem(text string, outOfRange bool, bounds string) string {
	if f, err := strconv.ParseFloat(text, 64); errors.Is(err, strconv.ErrRange) || err == nil && f == math.Trunc(f) && math.Abs(f) >= 1<<63 {
		outOfRange = true
	}
	if outOfRange {
		return problem.Clip(text, problem.MaxQuote) + " out of range: want a whole number from " + bounds
	}
	return problem.Clip(text, problem.MaxQuote) + ": want a whole number from " + bounds
}

// MarshalIndent returns the form of a plan file: the canonical JSON of
// [Plan.MarshalJSON] indented by two spaces, with a final newline. The
// reference plan files in bcp/reference are written this way; the
// fingerprint of [Plan.Provenance] is taken over the compact form, so the
// layout of a file does not change it.
func (p Plan) MarshalIndent() ([]byte, error) {
	b, err := p.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(b) * 2)
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
