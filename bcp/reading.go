package bcp

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

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
// "$.fault.serious.long" or "$.organization.councils[1].chair". A mark on a
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

// parseMarkPath splits a mark's path into segments: "$", then ".key" (a
// plain key: ASCII letters, digits, '_' and '-') or "[N]" (a decimal index).
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
			n, err := strconv.Atoi(d)
			if err != nil || n < 0 || d != strconv.Itoa(n) {
				return nil, fmt.Errorf("path %s: index at byte %d is not a decimal number", problem.Value(s), i+1)
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
// fields by their JSON names, list elements by index, map entries by key.
// It returns the value there and whether it is present (not left out of the
// file); known is false when the path names no place the format has (a key
// it does not define, an index past the end of a list, a step into a
// value written as one string or list).
func resolveMark(v reflect.Value, segs []jsonfile.Segment) (at reflect.Value, known, present bool) {
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
		default:
			return reflect.Value{}, false, false
		}
	}
	return v, true, !empty(v)
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
// several do).
func markAt(ms []Mark, path string) (Mark, bool) {
	var best Mark
	for _, m := range ms {
		if covers(m.Path, path) && len(m.Path) >= len(best.Path) {
			best = m
		}
	}
	return best, best.Path != ""
}

// ReadingAt returns the mark of [Plan.Readings] that covers path (spelled as
// a [Mark]'s path, e.g. "$.fault.serious.long"): the value there is the
// library's reading, for the mark's Reason. ok is false when the value is
// the document's own.
func (p Plan) ReadingAt(path string) (m Mark, ok bool) { return markAt(p.Readings, path) }

// NotStatedAt returns the mark of [Plan.NotStated] that covers path: the
// document does not state what goes there, for the mark's Reason.
func (p Plan) NotStatedAt(path string) (m Mark, ok bool) { return markAt(p.NotStated, path) }

// marks checks the readings and the not-stated marks of p: each with a path
// of the plan-file format and a reason, each path marked once; a reading on
// a value the plan holds, a not-stated mark on a place the plan leaves
// empty; and every reporting-chain edge flagged as a reading has its reason
// among the readings.
func (v *validator) marks(p Plan) {
	seen := make(map[string]string, len(p.Readings)+len(p.NotStated))
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
			if first, dup := seen[m.Path]; dup {
				v.bad(at+".path", ErrDuplicate, "%s marked twice (first at %s)", problem.Value(m.Path), first)
				continue
			}
			seen[m.Path] = at
			if len(segs) == 0 || segs[0].Key == "readings" || segs[0].Key == "notStated" || segs[0].Key == "id" {
				v.bad(at+".path", ErrBadValue, "%s: want a place inside the plan's parts", problem.Value(m.Path))
				continue
			}
			_, known, present := resolveMark(reflect.ValueOf(p), segs)
			switch {
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
			if _, ok := markAt(p.Readings, path); e.Reading && !ok {
				v.bad(path+".reading", ErrBadValue, "a reading without a reason: list %s under readings with its reason", path)
			}
		}
	}
}
