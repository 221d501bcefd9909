package bcp

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPartsMarshalAsInPlanFile checks, for every part of the five reference
// plans (every struct and every named value down to the leaves), that
// encoding/json marshals it alone exactly as the plan codec writes it inside
// the plan file, and that json.Unmarshal reads it back unchanged.
func TestPartsMarshalAsInPlanFile(t *testing.T) {
	for _, p := range ReferencePlans() {
		t.Run(p.ID, func(t *testing.T) {
			n := 0
			walkParts(reflect.ValueOf(p), "$", func(v reflect.Value, path string) {
				n++
				e := encoder{}
				e.value(v, path)
				if len(e.errs) > 0 {
					t.Fatalf("%s: plan codec: %v", path, e.errs)
				}
				got, err := json.Marshal(v.Interface())
				if err != nil {
					t.Errorf("%s (%s): json.Marshal: %v", path, v.Type(), err)
					return
				}
				if string(got) != e.buf.String() {
					t.Errorf("%s (%s):\njson.Marshal %s\nplan file    %s", path, v.Type(), got, e.buf.Bytes())
					return
				}
				back := reflect.New(v.Type())
				if err := json.Unmarshal(got, back.Interface()); err != nil {
					t.Errorf("%s (%s): json.Unmarshal: %v", path, v.Type(), err)
					return
				}
				if diff := cmp.Diff(v.Interface(), back.Elem().Interface(), planOpts); diff != "" {
					t.Errorf("%s (%s): round trip (-want +got):\n%s", path, v.Type(), diff)
				}
			})
			if n < 50 {
				t.Errorf("only %d parts visited", n)
			}
		})
	}
}

// walkParts calls f for v and every value inside it that is a part of its
// own: a struct, or a value of a named type other than time.Duration, left
// out where the plan file leaves it out (empty). The whole Plan is skipped
// (it is the plan file).
func walkParts(v reflect.Value, path string, f func(reflect.Value, string)) {
	t := v.Type()
	switch t.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkParts(v.Elem(), path, f)
		}
		return
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkParts(v.Index(i), fmt.Sprintf("%s[%d]", path, i), f)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkParts(v.MapIndex(k), path+"."+k.String(), f)
		}
	case reflect.Struct:
		if kindOf(t) == kindOther {
			for _, fd := range fieldsOf(t) {
				walkParts(v.Field(fd.index), path+"."+fd.name, f)
			}
		}
	}
	if t == planType || t == durationType || t.Name() == "" || empty(v) {
		return
	}
	f(v, path)
}

// TestPlanPartsOmitEmpty checks that every field of every struct a plan file
// holds is left out when empty by encoding/json too (omitempty or
// omitzero), as the plan codec leaves it out: the condition for a part to
// marshal alone as it does in the file, whatever its values.
func TestPlanPartsOmitEmpty(t *testing.T) {
	n := 0
	for typ, ti := range infos {
		if typ.Kind() != reflect.Struct || ti.kind != kindOther || typ == planType {
			continue
		}
		for _, f := range ti.fields {
			sf := typ.Field(f.index)
			tag := sf.Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			n++
			if name != f.name {
				t.Errorf("%s.%s: json tag %q, plan file key %q", typ, sf.Name, tag, f.name)
			}
			if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
				t.Errorf("%s.%s: json tag %q: add omitempty or omitzero (the plan file leaves an empty value out)", typ, sf.Name, tag)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d fields of plan parts checked", n)
	}
}
