package bcp

import (
	"reflect"

	"github.com/jukiplan/jukiplan/internal/jsonfile"
)

// field is one encoded struct field.
type field struct {
	index  int
	name   string
	planID bool // a string field named Plan: a part's own plan ID
}

// computeFields returns the encoded fields of struct type t in declaration
// order, as the shared decoder names them ([jsonfile.Fields]): exported
// fields not tagged "-", named by their json tag or, without one, by their
// Go name with a lower-case first letter.
func computeFields(t reflect.Type) []field {
	var out []field
	for _, f := range jsonfile.Fields(t) {
		out = append(out, field{index: f.Index, name: f.Name, planID: f.GoName == "Plan" && t.Field(f.Index).Type.Kind() == reflect.String})
	}
	return out
}

type valueKind int

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
	// Info is the shared decoder's view of the type.
	Info jsonfile.Info
	// walk says whether a value of the type can hold something the plan's
	// checks look at (validator.cites): a citation or a part's plan ID, and
	// in walk[0] (not walk[1], for decoded plans) a string.
	walk [2]bool
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
	markWalk(m)
	return m
}

// markWalk sets the walk flags of the types of m: to a fixed point, as types
// can hold themselves.
func markWalk(m map[reflect.Type]*typeInfo) {
	for mode := range 2 {
		for changed := true; changed; {
			changed = false
			for t, ti := range m {
				if !ti.walk[mode] && walks(t, ti, mode, m) {
					ti.walk[mode] = true
					changed = true
				}
			}
		}
	}
}

// walks reports whether the validator must look into a value of type t,
// given the flags known so far.
func walks(t reflect.Type, ti *typeInfo, mode int, m map[reflect.Type]*typeInfo) bool {
	if t == citationType || t == citationsType {
		return true
	}
	sub := func(e reflect.Type) bool {
		x, ok := m[e]
		return !ok || x.walk[mode] // a type not known: look, to be safe
	}
	switch t.Kind() {
	case reflect.String:
		return mode == 0
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return sub(t.Elem())
	case reflect.Struct:
		for _, f := range ti.fields {
			if f.planID || sub(t.Field(f.index).Type) {
				return true
			}
		}
	}
	return false
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
		ti.Info.Fields = jsonfile.Fields(t)
	}
	switch ti.kind {
	case kindText:
		ti.Info.Kind = jsonfile.Text
	case kindJSON:
		ti.Info.Kind = jsonfile.JSON
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
	ti := computeInfo(t)
	ti.walk = [2]bool{true, true} // not known to hold nothing to check
	return ti
}

func fieldsOf(t reflect.Type) []field { return info(t).fields }
func kindOf(t reflect.Type) valueKind { return info(t).kind }

// ---- encoder
