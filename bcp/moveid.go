package bcp

import (
	"fmt"
	"reflect"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
)

var rulesType = reflect.TypeFor[measures.Rules]()

// WithID returns a copy of p moved to the plan ID id: its ID, every citation
// of p's own ID anywhere in the plan (council.Citation and council.Citations
// values, the citations of its measures.Rules) and every part's own plan ID
// (the string fields named Plan, e.g. threat.Spec.Plan) now say id; citations
// of other plans are kept. The clauses are unchanged, so the clause index
// still resolves them. A valid plan stays valid, and [Check] finds in the copy
// what it finds in p. p is unchanged; the copy shares nothing with it. It
// takes time linear in the size of p.
//
// A plan file copied from a reference plan can be moved this way instead of
// editing its "id" and every citation by hand:
//
//	mine, err := bcp.Tottori().WithID("yazu")
//
// An id that is not a plain identifier (lower-case letters, digits, '-', '_')
// is an error wrapping [ErrBadValue]. An id that p already cites as another
// plan would merge two plans' citations and is an error wrapping
// [ErrDuplicate]. Moving to p's own ID returns a copy of p.
func (p Plan) WithID(id string) (Plan, error) {
	if !council.Cite(id, "x").IsValid() {
		return Plan{}, fmt.Errorf("bcp: move plan %s to ID %s: not a plain identifier: %w", problem.Value(p.ID), problem.Value(id), ErrBadValue)
	}
	out := p.Clone()
	if id == p.ID {
		return out, nil
	}
	m := mover{from: p.ID, to: id}
	m.move(reflect.ValueOf(&out).Elem())
	if m.clash != "" {
		return Plan{}, fmt.Errorf("bcp: move plan %s to ID %s: the plan already cites %s of that plan: %w", problem.Value(p.ID), problem.Value(id), problem.Short(m.clash), ErrDuplicate)
	}
	out.ID = id
	return out, nil
}

// A mover rewrites, in place, every citation of plan from and every string
// field named Plan equal to from, to plan to; it notes the first citation or
// field already of plan to.
type mover struct {
	from, to string
	clash    string
}

func (m *mover) move(v reflect.Value) {
	t := v.Type()
	switch t {
	case citationType:
		v.Set(reflect.ValueOf(m.cite(v.Interface().(council.Citation))))
		return
	case citationsType:
		v.Set(reflect.ValueOf(m.cites(v.Interface().(council.Citations))))
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			m.move(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			m.move(v.Index(i))
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			e := reflect.New(t.Elem()).Elem()
			e.Set(iter.Value())
			m.move(e)
			v.SetMapIndex(iter.Key(), e)
		}
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue // see TestWithIDReachesEveryCitation
			}
			fv := v.Field(i)
			if f.Name == "Plan" && f.Type.Kind() == reflect.String && t != planType {
				switch fv.String() {
				case m.from:
					fv.SetString(m.to)
				case m.to:
					m.note(fmt.Sprintf("the plan ID of %s", t))
				}
				continue
			}
			m.move(fv)
		}
		if t == rulesType { // its citations are held unexported
			r := v.Interface().(measures.Rules)
			for _, q := range measures.AllRequirements() {
				r = r.WithCitations(q, m.cites(r.Citations(q)))
			}
			v.Set(reflect.ValueOf(r))
		}
	}
}

func (m *mover) cite(c council.Citation) council.Citation {
	switch c.Plan() {
	case m.from:
		return council.Cite(m.to, c.Clause())
	case m.to:
		m.note("citation " + c.String())
	}
	return c
}

// cites returns cs moved; cs itself when it holds no citation of from.
func (m *mover) cites(cs council.Citations) council.Citations {
	moved := false
	for _, c := range cs.All() {
		switch c.Plan() {
		case m.from:
			moved = true
		case m.to:
			m.note("citation " + c.String())
		}
	}
	if !moved {
		return cs
	}
	out := make([]council.Citation, 0, cs.Len())
	for _, c := range cs.All() {
		if c.Plan() == m.from {
			c = council.Cite(m.to, c.Clause())
		}
		out = append(out, c)
	}
	return council.Cites(out...)
}

func (m *mover) note(what string) {
	if m.clash == "" {
		m.clash = what
	}
}
