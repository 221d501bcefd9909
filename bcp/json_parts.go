package bcp

import (
	"errors"
	"reflect"
)

// The parts of a plan that hold a time.Duration marshal themselves through
// the plan codec, so that encoding/json gives them the form they have inside
// a plan file (durations as Go duration strings such as "4h0m0s", zero
// fields left out) and reads them back strictly. The plan codec itself
// encodes them field by field (see plainStruct).

// MarshalJSON encodes s as a plan file holds it.
func (s System) MarshalJSON() ([]byte, error) { return marshalPart(s) }

// UnmarshalJSON decodes the form [System.MarshalJSON] writes, strictly as
// [ParsePlan] does; on error s is unchanged. It does not validate s.
func (s *System) UnmarshalJSON(data []byte) error { return unmarshalPart(data, s) }

// MarshalJSON encodes r as a plan file holds it.
func (r ReportPlan) MarshalJSON() ([]byte, error) { return marshalPart(r) }

// UnmarshalJSON decodes the form [ReportPlan.MarshalJSON] writes, strictly as
// [ParsePlan] does; on error r is unchanged.
func (r *ReportPlan) UnmarshalJSON(data []byte) error { return unmarshalPart(data, r) }

// marshalPart encodes v with the plan codec; an invalid value is an error
// naming its path from "$", the value itself.
func marshalPart(v any) ([]byte, error) {
	e := encoder{}
	e.value(reflect.ValueOf(v), "$")
	if len(e.errs) > 0 {
		return nil, errors.Join(e.errs...)
	}
	return e.buf.Bytes(), nil
}

// unmarshalPart decodes data into *dst (a pointer) with the plan codec,
// leaving *dst unchanged on error.
func unmarshalPart[T any](data []byte, dst *T) error {
	root, err := parseTree(data)
	if err != nil {
		return err
	}
	var v T
	d := decoder{}
	d.value(reflect.ValueOf(&v).Elem(), root)
	if len(d.errs) > 0 {
		return errors.Join(d.errs...)
	}
	*dst = v
	return nil
}
