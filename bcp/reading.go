package bcp

import (
	"encoding"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Mark says something about one place of a plan file that the document
// itself does not say: in [Plan.Readings], that the value there is the
// library's default or reading, not the document's; in [Plan.NotStated],
// that the document leaves the place empty on purpose (it does not state a
// chair, a council, a threshold), so that the empty place is not an
// omission of the file.
//
// Path names the place the way every error of the plan file does: "$" and
// then ".key" for a key and "[3]" for a list index, e.g.
// "$.fault.serious.long" or "$.organization.chain.edges[8]"; or, for an
// element of a list that has a key, "[KEY]" naming the one element whose key
// is KEY, a path that survives reordering the list, e.g.
// "$.organization.councils[security-council].chair" or
// "$.threat.responses[level-3].actions[3].actor". An element's key is its
// first field of "id", "key", "body", "case", "level" and "name" (as the
// plan file writes it: a term by its ID); a KEY that names no element, or
// more than one, names no place. A mark on a
// place covers everything under it ("$.fault.serious" covers "long" and
// "heavy"). Reason says why, in a sentence: what the document writes and
// what the library makes of it. Both are required. ReasonJA says it in
// Japanese, for the Japanese outputs (a drill's text and HTML in Japanese,
// [Finding.MessageJA], [Difference.ReadingAJA]); it is optional, and
// [Check] warns of a mark without it ([CodeReasonNotInJapanese]), whose
// Japanese outputs then say only that the reason is in the plan file.
//
// The zero Mark marks nothing and is not valid. Marks are comparable with ==.
type Mark struct {
	Path     string `json:"path,omitzero"`
	Reason   string `json:"reason,omitzero"`
	ReasonJA string `json:"reasonJa,omitempty"`
}

// ReasonIn returns m's reason in language l: in Japanese its ReasonJA, ""
// when it has none; in English its Reason.
func (m Mark) ReasonIn(l Lang) string {
	if l == Japanese {
		return m.ReasonJA
	}
	return m.Reason
}

// maxMarkPath bounds the length of a mark's path: no path of a plan file is
// that long.
const maxMarkPath = 256

// keyedIndex is the Index of a path segment "[KEY]" that names a list's
// element by its key (the Segment's Key), not by its position.
const keyedIndex = -2

// keyFields are the fields, by their names in the plan file, that key an
// element of a list in a mark's path, in the order they are tried: the
// first the element's type has is its key.
var keyFields = [...]string{"id", "key", "body", "case", "level", "name"}

// parseMarkPath splits a mark's path into segments: "$", then ".key" (a
// plain key: ASCII letters, digits, '_' and '-'), "[N]" (a decimal index)
// or "[KEY]" (an element by its key: a plain key that is not a number).
func parseMarkPath(s string) ([]jsonfile.Segment, error) {
	if len(s) > maxMarkPath {
		return nil, fmt.Errorf("path longer than %d bytes", maxMarkPath)
	}
	if !strings.HasPrefix(s, "$") {
		return nil, fmt.Errorf("path %s does not start with $", problem.Value(s))
	}
	var segs []jsonfile.Segment
	for i := 1; i < len(s); {
		switch s[i] {
		case '.':
			j := i + 1
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				j++
			}
			k := s[i+1 : j]
			if !jsonfile.PlainKey(k) {
				return nil, fmt.Errorf("path %s: key at byte %d is not a plain key", problem.Value(s), i+1)
			}
			segs = append(segs, jsonfile.Key(k))
			i = j
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("path %s: unclosed [ at byte %d", problem.Value(s), i)
			}
			d := s[i+1 : i+j]
			if d != "" && (d[0] < '0' || d[0] > '9') && jsonfile.PlainKey(d) {
				segs = append(segs, jsonfile.Segment{Key: d, Index: keyedIndex})
				i += j + 1
				continue
			}
			n, err := strconv.Atoi(d)
			if err != nil || n < 0 || d != strconv.Itoa(n) {
				return nil, fmt.Errorf("path %s: index at byte %d is not a decimal number nor a plain key", problem.Value(s), i+1)
			}
			segs = append(segs, jsonfile.Index(n))
			i += j + 1
		default:
			return nil, fmt.Errorf("path %s: want . or [ at byte %d", problem.Value(s), i)
		}
	}
	return segs, nil
}

// resolveMark follows segs from v, the plan, as the plan file spells them: struct
// fields by their JSON names, list elements by index or by key (in the
// plan's words, through k), map entries by key.
// It returns the value there and whether it is present (not left out of the
// file); known is false when the path names no place the format has (a key
// it does not define, an index past the end of a list, a step into a
// value written as one string or list).
func resolveMark(v reflect.Value, segs []jsonfile.Segment, k *keyer) (at reflect.Value, known, present bool) {
	for i, s := range segs {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				// A part left out: the place is empty if the format has it.
				return reflect.Value{}, typeHas(v.Type(), segs[i:]), false
			}
			v = v.Elem()
		}
		t := v.Type()
		if t != planType && kindOf(t) != kindOther {
			return reflect.Value{}, false, false
		}
		switch {
		case s.Index < 0 && v.Kind() == reflect.Struct:
			i := fieldIndex(t, s.Key)
			if i < 0 {
				return reflect.Value{}, false, false
			}
			v = v.Field(i)
		case s.Index < 0 && v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
			e := v.MapIndex(reflect.ValueOf(s.Key).Convert(v.Type().Key()))
			if !e.IsValid() {
				return reflect.Value{}, typeHas(v.Type().Elem(), segs[i+1:]), false
			}
			v = e
		case s.Index >= 0 && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array):
			if s.Index >= v.Len() {
				return reflect.Value{}, false, false
			}
			v = v.Index(s.Index)
		case s.Index == keyedIndex && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array):
			j := k.element(v, s.Key)
			if j < 0 {
				return reflect.Value{}, false, false
			}
			v = v.Index(j)
		default:
			return reflect.Value{}, false, false
		}
	}
	if emptyChain(v) {
		return v, true, false // a chain that names at most its plan: no chain
	}
	return v, true, !empty(v)
}

// emptyChain reports whether v is a [council.Chain] that states no chain
// ([council.Chain.Empty]): the plan's lack of one, which may name no plan.
func emptyChain(v reflect.Value) bool {
	if v.Type() != chainType || !v.CanInterface() {
		return false
	}
	c, _ := v.Interface().(council.Chain)
	return c.Empty()
}

// A keyer finds the elements of a plan's lists that marks name by key: it
// reads each list's keys once, so that resolving many marks costs the
// lists' lengths once, not once per mark.
type keyer struct {
	p     *Plan
	w     *words // the plan's words, built on first use
	lists map[keyedList]map[string]int
}

// keyedList identifies one list of the plan.
type keyedList struct {
	at  uintptr
	typ reflect.Type
	n   int
}

func newKeyer(p *Plan) *keyer { return &keyer{p: p} }

// element returns the index of the one element of list v whose key
// ([keyFields]) the plan file writes as key, or -1 when none or several
// are, or the elements have no key.
func (k *keyer) element(v reflect.Value, key string) int {
	if v.Kind() != reflect.Slice {
		return -1
	}
	id := keyedList{at: v.Pointer(), typ: v.Type(), n: v.Len()}
	keys, ok := k.lists[id]
	if !ok {
		keys = k.keysOf(v)
		if k.lists == nil {
			k.lists = make(map[keyedList]map[string]int)
		}
		k.lists[id] = keys
	}
	if i, ok := keys[key]; ok {
		return i
	}
	return -1
}

// keysOf maps the key of each element of list v to its index, -1 for a key
// two elements share; nil when the elements have no key.
func (k *keyer) keysOf(v reflect.Value) map[string]int {
	et := v.Type().Elem()
	for et.Kind() == reflect.Pointer {
		et = et.Elem()
	}
	if et.Kind() != reflect.Struct {
		return nil
	}
	fi := -1
	for _, name := range keyFields {
		if fi = fieldIndex(et, name); fi >= 0 {
			break
		}
	}
	if fi < 0 {
		return nil
	}
	if k.w == nil {
		k.w = k.p.Vocabulary.words()
	}
	keys := make(map[string]int, v.Len())
	for i := range v.Len() {
		e := v.Index(i)
		for e.Kind() == reflect.Pointer && !e.IsNil() {
			e = e.Elem()
		}
		if e.Kind() != reflect.Struct {
			continue
		}
		key := elementKey(e.Field(fi), k.w)
		if _, dup := keys[key]; dup {
			keys[key] = -1 // two elements share the key: it names neither
		} else {
			keys[key] = i
		}
	}
	return keys
}

// elementKey is how the plan file writes key value v: a term of the plan's
// vocabulary by its ID, a string as it is, any other by its text form; ""
// for a value without one.
func elementKey(v reflect.Value, w *words) string {
	if id, ok := w.termID(info(v.Type()).word, v); ok {
		return id
	}
	if v.Kind() == reflect.String {
		return v.String()
	}
	if m, ok := v.Interface().(encoding.TextMarshaler); ok {
		if b, err := m.MarshalText(); err == nil {
			return string(b)
		}
	}
	return ""
}

// indexPath returns path with every element named by key ("[KEY]") named
// by its index in plan p instead, the form the library's own lookups use
// ("$.organization.councils[0].chair"); path itself when it names none by
// key, or a key that names no element.
func indexPath(k *keyer, path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	segs, err := parseMarkPath(path)
	if err != nil || !slices.ContainsFunc(segs, func(s jsonfile.Segment) bool { return s.Index == keyedIndex }) {
		return path
	}
	v := reflect.ValueOf(k.p).Elem()
	var b strings.Builder
	b.WriteByte('$')
	for _, s := range segs {
		for v.IsValid() && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return path
			}
			v = v.Elem()
		}
		switch {
		case s.Index == keyedIndex:
			if !v.IsValid() || (v.Kind() != reflect.Slice && v.Kind() != reflect.Array) {
				return path
			}
			j := k.element(v, s.Key)
			if j < 0 {
				return path
			}
			v = v.Index(j)
			b.WriteString("[" + strconv.Itoa(j) + "]")
			continue
		case s.Index >= 0:
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
			if v.IsValid() && (v.Kind() == reflect.Slice || v.Kind() == reflect.Array) && s.Index < v.Len() {
				v = v.Index(s.Index)
			} else {
				v = reflect.Value{}
			}
			continue
		}
		b.WriteString("." + s.Key)
		switch {
		case v.IsValid() && v.Kind() == reflect.Struct:
			if i := fieldIndex(v.Type(), s.Key); i >= 0 {
				v = v.Field(i)
			} else {
				v = reflect.Value{}
			}
		case v.IsValid() && v.Kind() == reflect.Map && v.Type().Key().Kind() == reflect.String:
			v = v.MapIndex(reflect.ValueOf(s.Key).Convert(v.Type().Key()))
		default:
			v = reflect.Value{}
		}
	}
	return b.String()
}

// typeHas reports whether segs name a place under a value of type t that is
// left out of the file: keys of the format's fields (or of a map) all the
// way down; an index into a list that is not there names nothing.
func typeHas(t reflect.Type, segs []jsonfile.Segment) bool {
	for _, s := range segs {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t != planType && kindOf(t) != kindOther {
			return false
		}
		switch {
		case s.Index < 0 && t.Kind() == reflect.Struct:
			i := fieldIndex(t, s.Key)
			if i < 0 {
				return false
			}
			t = t.Field(i).Type
		case s.Index < 0 && t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
			t = t.Elem()
		default:
			return false
		}
	}
	return true
}

// fieldIndex returns the index of the field of struct t encoded as name, or
// -1.
func fieldIndex(t reflect.Type, name string) int {
	for _, f := range fieldsOf(t) {
		if f.name == name {
			return f.index
		}
	}
	return -1
}

// covers reports whether a mark on path outer covers path inner: the same
// path, or inner under it.
func covers(outer, inner string) bool {
	if !strings.HasPrefix(inner, outer) {
		return false
	}
	if len(inner) == len(outer) {
		return true
	}
	c := inner[len(outer)]
	return c == '.' || c == '['
}

// markAt returns the mark of ms that covers path (the innermost, when
// several do), in k's plan: a path and a mark that name an element by its
// key and by its index meet.
func markAt(k *keyer, ms []Mark, path string) (Mark, bool) {
	path = indexPath(k, path)
	var best Mark
	bestLen := -1
	for _, m := range ms {
		if mp := indexPath(k, m.Path); covers(mp, path) && len(mp) > bestLen {
			best, bestLen = m, len(mp)
		}
	}
	return best, bestLen >= 0
}

// ReadingAt returns the mark of [Plan.Readings] that covers path (spelled as
// a [Mark]'s path, e.g. "$.fault.serious.long"): the value there is the
// library's reading, for the mark's Reason. ok is false when the value is
// the document's own.
func (p Plan) ReadingAt(path string) (m Mark, ok bool) { return markAt(newKeyer(&p), p.Readings, path) }

// NotStatedAt returns the mark of [Plan.NotStated] that covers path: the
// document does not state what goes there, for the mark's Reason.
func (p Plan) NotStatedAt(path string) (m Mark, ok bool) {
	return markAt(newKeyer(&p), p.NotStated, path)
}

// marks checks the readings and the not-stated marks of p: each with a path
// of the plan-file format and a reason, each path marked once; a reading on
// a value the plan holds, a not-stated mark on a place the plan leaves
// empty; and every reporting-chain edge flagged as a reading has its reason
// among the readings.
func (v *validator) marks(p Plan) {
	seen := make(map[string]string, len(p.Readings)+len(p.NotStated))
	k := newKeyer(&p) // finds the elements marks name by key
	check := func(list string, ms []Mark, reading bool) {
		for i, m := range ms {
			at := fmt.Sprintf("$.%s[%d]", list, i)
			if strings.TrimSpace(m.Reason) == "" {
				what := "a place the document does not state"
				if reading {
					what = "a reading"
				}
				v.bad(at+".reason", ErrBadValue, "missing: %s needs its reason", what)
			}
			if m.ReasonJA != "" && strings.TrimSpace(m.ReasonJA) == "" {
				v.bad(at+".reasonJa", ErrBadValue, "blank: give the reason in Japanese, or leave the key out")
			}
			segs, err := parseMarkPath(m.Path)
			if m.Path == "" {
				v.bad(at+".path", ErrBadValue, "missing")
				continue
			}
			if err != nil {
				v.bad(at+".path", ErrBadValue, "%v", err)
				continue
			}
			canon := indexPath(k, m.Path) // a place named by key and by index is one place
			if first, dup := seen[canon]; dup {
				v.bad(at+".path", ErrDuplicate, "%s marked twice (first at %s)", problem.Value(m.Path), first)
				continue
			}
			seen[canon] = at
			if len(segs) == 0 || segs[0].Key == "readings" || segs[0].Key == "notStated" || segs[0].Key == "id" {
				v.bad(at+".path", ErrBadValue, "%s: want a place inside the plan's parts", problem.Value(m.Path))
				continue
			}
			_, known, present := resolveMark(reflect.ValueOf(p), segs, k)
			switch {
			case !known && slices.ContainsFunc(segs, func(s jsonfile.Segment) bool { return s.Index == keyedIndex }):
				v.bad(at+".path", ErrDangling, "%s names no place of the plan file (a [KEY] names the one element of a list whose id, key, body, case, level or name is KEY)", problem.Value(m.Path))
			case !known:
				v.bad(at+".path", ErrDangling, "%s names no place of the plan file", problem.Value(m.Path))
			case reading && !present:
				v.bad(at+".path", ErrDangling, "%s: the plan holds no value there to be the library's reading", problem.Value(m.Path))
			case !reading && present:
				v.bad(at+".path", ErrBadValue, "%s holds a value: the document states it, or it is the library's reading (list it under readings)", problem.Value(m.Path))
			}
		}
	}
	check("readings", p.Readings, true)
	check("notStated", p.NotStated, false)
	if o := p.Organization; o != nil {
		for i, e := range o.Chain.Edges {
			path := fmt.Sprintf("$.organization.chain.edges[%d]", i)
			if !e.Reading {
				continue
			}
			if _, ok := markAt(k, p.Readings, path); !ok {
				v.bad(path+".reading", ErrBadValue, "a reading without a reason: list %s under readings with its reason", path)
			}
		}
	}
}
