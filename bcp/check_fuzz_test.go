package bcp

import (
	"reflect"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// settable collects every exported, settable value inside v (fields, slice
// elements, pointed-to values), in a fixed walk order.
func settable(v reflect.Value, out *[]reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			settable(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			settable(v.Index(i), out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				settable(v.Field(i), out)
			}
		}
	}
	if v.CanSet() {
		*out = append(*out, v)
	}
}

// TestCheckNeverPanics zeroes random parts of reference plans (any field,
// list, pointer or enum anywhere) and asks Check about the result: it must
// not panic, must give sorted findings, and must give them again on a copy.
func TestCheckNeverPanics(t *testing.T) {
	plans := ReferencePlans()
	rapid.Check(t, func(t *rapid.T) {
		p := rapid.SampledFrom(plans).Draw(t, "plan").Clone()
		var vals []reflect.Value
		settable(reflect.ValueOf(&p).Elem(), &vals)
		for range rapid.IntRange(1, 8).Draw(t, "zeroings") {
			// Walk again: a zeroed slice or pointer drops the values under it.
			vals = vals[:0]
			settable(reflect.ValueOf(&p).Elem(), &vals)
			v := vals[rapid.IntRange(0, len(vals)-1).Draw(t, "value")]
			if v.Kind() == reflect.Uint8 && rapid.Bool().Draw(t, "out of range") {
				v.SetUint(200) // an enum value that names nothing
			} else {
				v.SetZero()
			}
		}
		got := Check(p)
		if !slices.IsSortedFunc(got, Finding.Compare) {
			t.Fatal("findings not sorted")
		}
		if diff := cmp.Diff(got, Check(p.Clone())); diff != "" {
			t.Fatalf("Check differs on a copy (-first +second):\n%s", diff)
		}
		for _, f := range got {
			if !f.Severity.IsValid() || !f.Code.IsValid() || f.Path == "" || f.Message == "" || !speaksJapanese(f) {
				t.Fatalf("malformed finding %#v", f)
			}
		}
	})
}

// FuzzCheck decodes plan files (seeded with the reference files) and checks
// whatever decodes: Check must not panic and must agree with itself.
func FuzzCheck(f *testing.F) {
	addReferenceFiles(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePlan(data)
		if err != nil {
			return
		}
		a := Check(p)
		if diff := cmp.Diff(a, Check(p)); diff != "" {
			t.Fatalf("two runs differ:\n%s", diff)
		}
	})
}

// FuzzFindingText: the text forms of Severity, Code and Aspect decode to what
// they encode, and nothing panics.
func FuzzFindingText(f *testing.F) {
	for _, c := range AllCodes() {
		f.Add(c.String())
		f.Add(c.Label())
	}
	for _, s := range AllSeverities() {
		f.Add(s.String())
	}
	for _, a := range AllAspects() {
		f.Add(a.Label())
	}
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := ParseCode(s); err == nil {
			b, err := c.MarshalText()
			if err != nil {
				t.Fatal(err)
			}
			var d Code
			if err := d.UnmarshalText(b); err != nil || d != c {
				t.Fatalf("%q: %v then %v, %v", s, c, d, err)
			}
		}
		if v, err := ParseSeverity(s); err == nil {
			if w, err := ParseSeverity(v.String()); err != nil || w != v {
				t.Fatalf("%q: %v then %v, %v", s, v, w, err)
			}
		}
		if a, err := ParseAspect(s); err == nil {
			if b, err := ParseAspect(a.String()); err != nil || b != a {
				t.Fatalf("%q: %v then %v, %v", s, a, b, err)
			}
		}
	})
}
