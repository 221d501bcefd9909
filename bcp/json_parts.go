package bcp

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
)

// The parts of a plan that hold a time.Duration marshal themselves through
// the plan codec, so that encoding/json gives them the form they have inside
// a plan file (durations as people write them, "4h" or "1d", zero
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
	root, err := jsonfile.Parse(planFile, data)
	if err != nil {
		return err
	}
	var v T
	d := newDecoder()
	d.Value(reflect.ValueOf(&v).Elem(), root)
	if len(d.Errs) > 0 {
		return errors.Join(d.Errs...)
	}
	*dst = v
	return nil
}

// durationText is a time.Duration written as people write it ("4h"), the
// form of durations in plan files, for the output types that hold one.
type durationText time.Duration

func (d durationText) MarshalText() ([]byte, error) {
	return []byte(duration.Format(time.Duration(d))), nil
}

func (d *durationText) UnmarshalText(text []byte) error {
	x, err := duration.Parse(string(text))
	if err != nil {
		return fmt.Errorf("duration %q: %w", text, ErrInvalid)
	}
	*d = durationText(x)
	return nil
}

// MarshalJSON encodes the position with its fields' tags, the target as a
// duration as people write it ("4h", "1d"), as in plan files.
func (p Position) MarshalJSON() ([]byte, error) {
	type plain Position
	return json.Marshal(struct {
		plain
		Target durationText `json:"target,omitzero"`
	}{plain(p), durationText(p.Target)})
}

// UnmarshalJSON decodes the form [Position.MarshalJSON] writes.
func (p *Position) UnmarshalJSON(data []byte) error {
	type plain Position
	var v struct {
		plain
		Target durationText `json:"target,omitzero"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("bcp: position: %w", err)
	}
	*p = Position(v.plain)
	p.Target = time.Duration(v.Target)
	return nil
}

// MarshalJSON encodes the window with its fields' tags, the interval as a
// duration as people write it ("4h", "1d"), as in plan files.
func (w Window) MarshalJSON() ([]byte, error) {
	type plain Window
	return json.Marshal(struct {
		plain
		Every durationText `json:"every,omitzero"`
	}{plain(w), durationText(w.Every)})
}

// UnmarshalJSON decodes the form [Window.MarshalJSON] writes.
func (w *Window) UnmarshalJSON(data []byte) error {
	type plain Window
	var v struct {
		plain
		Every durationText `json:"every,omitzero"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("bcp: window: %w", err)
	}
	*w = Window(v.plain)
	w.Every = time.Duration(v.Every)
	return nil
}
