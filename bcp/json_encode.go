package bcp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/threat"
)

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

// ---- the JSON tree (internal/jsonfile: the module's one strict parser)
