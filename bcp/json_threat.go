package bcp

import (
	"errors"
	"reflect"
	"slices"

	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// A threat spec may declare kinds and graded attributes of the plan's own
// ("kinds", "attributes"); its rules then name them in their matches
// ("terminal-fault cause=found"). The codec reads the declarations first and
// reads and writes every event of the spec in its words.

var (
	threatSpecType  = reflect.TypeFor[threat.Spec]()
	threatEventType = reflect.TypeFor[threat.Event]()
)

// threatDeclaration reports whether key of a threat spec declares kinds or
// attributes.
func threatDeclaration(key string) bool { return key == "kinds" || key == "attributes" }

// declares reports whether sp declares anything: only then are its events
// read and written in its words.
func declares(sp *threat.Spec) bool {
	return sp != nil && len(sp.Kinds)+len(sp.Attributes) > 0
}

// threatValue decodes a threat spec, its declarations first, and an event
// of a spec that declares kinds or attributes, in its words. It reports
// whether it decoded v; otherwise value decodes it as any other.
func (d *decoder) threatValue(v reflect.Value, n *node) bool {
	switch v.Type() {
	case threatSpecType:
		if n.Kind != '{' || !v.CanAddr() {
			return false
		}
		sp := v.Addr().Interface().(*threat.Spec)
		if d.threat == sp {
			return false // the rest of the spec
		}
		fields := fieldsOf(threatSpecType)
		for _, m := range n.Vals {
			k := m.Key
			if !threatDeclaration(k) {
				continue
			}
			j := slices.IndexFunc(fields, func(f field) bool { return f.name == k })
			d.Key(k)
			d.Value(v.Field(fields[j].index), m)
			d.Pop()
		}
		saved := d.threat
		d.threat = sp
		d.Value(v, n)
		d.threat = saved
		return true
	case threatEventType:
		if !declares(d.threat) || n.Kind != '"' {
			return false
		}
		if d.Text(n.Text) {
			e, err := d.threat.ParseEvent(n.Text)
			if err != nil {
				d.wrap(err)
			} else {
				v.Set(reflect.ValueOf(e))
			}
		}
		return true
	}
	return false
}

// threatValue writes a threat spec, and an event of a spec that declares
// kinds or attributes in its words. It reports whether it wrote v.
func (e *encoder) threatValue(v reflect.Value, path string) bool {
	switch v.Type() {
	case threatSpecType:
		if e.inThreat {
			return false // the spec's own fields
		}
		sp := v.Interface().(threat.Spec)
		e.threat, e.inThreat = &sp, true
		e.value(v, path)
		e.threat, e.inThreat = nil, false
		return true
	case threatEventType:
		if !declares(e.threat) {
			return false
		}
		b, err := e.threat.AppendEvent(nil, v.Interface().(threat.Event))
		if err != nil {
			e.fail(path, err)
			return true
		}
		e.str(string(b))
		return true
	}
	return false
}

// threatPart records the problems threat.NewScheme found with the plan's
// threat spec: each at the JSON path of the field it names
// ([threat.SpecError]), or at $.threat.
func (v *validator) threatPart(err error) {
	for _, e := range problem.Problems(err) {
		path := "$.threat"
		if se, ok := errors.AsType[*threat.SpecError](e); ok && se.Field != "" {
			path += "." + se.Field
		}
		v.part(path, e)
	}
}
