package bcp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// Sentinel errors of plan files, for [errors.Is]. Every error [ParsePlan]
// returns is a [*PathError] (or several, joined) wrapping one of them.
// [ErrDuplicate] is the same value as council.ErrDuplicate, and [ErrBadValue]
// the same as [ErrInvalid] (and so as council.ErrInvalid and the others).
var (
	// ErrSyntax is wrapped when a plan file is not one well-formed JSON value.
	ErrSyntax = problem.ErrSyntax
	// ErrUnknownField is wrapped for an object key the format does not define.
	ErrUnknownField = problem.ErrUnknownField
	// ErrDuplicate is wrapped for a key given twice in one object, and for an
	// ID, key or set member that must be unique and is not.
	ErrDuplicate = problem.ErrDuplicate
	// ErrDangling is wrapped for a reference to something the plan does not
	// hold: a system, an agenda, a role outside the chain, or a citation of
	// another plan.
	ErrDangling = problem.ErrDangling
	// ErrBadValue is wrapped for a value of the wrong JSON type, an unknown
	// enum name, a number out of range, a missing required value, a control
	// character in a name, or a part its own package rejects. It is
	// [ErrInvalid] under the name plan files used first.
	ErrBadValue = problem.ErrInvalid
)

// A PathError is one problem of a file at a JSON path such as
// "$.continuity.inventory.systems[3].dependsOn[0]" ("$" is the whole file):
// the one path-error type of the module, for plan files, scenario files and
// the settings of package measures alike (measures.PathError is the same
// type). Its message is "bcp: plan: PATH: PROBLEM" for a plan file. Use it
// through a pointer; the zero PathError names no problem.
type PathError = jsonfile.PathError

// planFile starts the messages of plan files.
const planFile = "bcp: plan"

func pathErr(path string, sentinel error, format string, args ...any) error {
	return jsonfile.Errorf(planFile, path, sentinel, format, args...)
}

// pathErrs returns err, an error of a part or value its own package decoded
// or checked, as one [*PathError] at path for each of its problems. A problem
// that wraps none of the plan-file sentinels is marked [ErrBadValue].
func pathErrs(path string, err error) []error { return jsonfile.Errors(planFile, path, err) }

// ParsePlan decodes a plan file, the form [Plan.MarshalJSON] writes, and
// checks it. Decoding is strict: an unknown field, a key given twice, a value
// of the wrong type, an unknown enum name (English names and the documents'
// Japanese labels are accepted), a duplicate ID, a dangling reference or a
// part its own package rejects is an error naming its JSON path. Every problem
// found is counted (a join of [*PathError]s, in document order, then the
// checks of the whole; its message lists the first ones and counts the rest).
// A string holding a control character (U+0000–U+001F, U+007F–U+009F) or a
// file that is not valid UTF-8 is an error too; a UTF-8 byte-order mark at
// the start is ignored. [Lint] reads a file leniently instead.
//
// A zero or empty value is written by leaving its field out; null is not
// accepted anywhere. A "$schema" string at the top is ignored: it names
// the file's JSON Schema for editors ([PlanSchema]).
//
// A file with "basedOn" follows a model plan ([Model]); ParsePlan resolves it
// against the reference plans ([ReferenceModels]), [ParsePlanWith] against
// the models a caller supplies.
func ParsePlan(data []byte) (Plan, error) { return parsePlan(data, ReferenceModels, nil) }

// decodePlan decodes a plan file's tree as far as it can, and returns every
// problem of decoding (not the checks of the whole): the vocabulary first,
// as the rest of the file names the plan's terms. It returns the plan's
// vocabulary resolved too, for the checks of the whole.
func decodePlan(root *node) (Plan, *words, []error) {
	var p Plan
	d := newDecoder()
	if i := root.Member("vocabulary"); i >= 0 {
		d.Key("vocabulary")
		d.Value(reflect.ValueOf(&p.Vocabulary).Elem(), root.Vals[i])
		d.Pop()
	}
	d.words = p.Vocabulary.words()
	d.Value(reflect.ValueOf(&p).Elem(), root)
	return p, d.words, d.Errs
}

// UnmarshalJSON decodes a plan file as [ParsePlan] does; on error p is
// unchanged.
func (p *Plan) UnmarshalJSON(data []byte) error {
	q, err := ParsePlan(data)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalJSON encodes p in its canonical form: compact, fields in a fixed
// order, enums by English name, sets as arrays in ascending order, durations
// as Go duration strings ("4h0m0s"), and every zero or empty field left out.
// Lists keep their order: it is the plan's. Equal plans encode to equal
// bytes; [Plan.Provenance] hashes them. An invalid enum value is an error
// naming its path.
func (p Plan) MarshalJSON() ([]byte, error) {
	e := encoder{words: p.Vocabulary.words()}
	e.structFields(reflect.ValueOf(p), "$")
	if len(e.errs) > 0 {
		return nil, problem.Join(e.errs...)
	}
	return e.buf.Bytes(), nil
}

// ---- field names and kinds of values, shared by encoder, decoder and schema

var (
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonMarshaler   = reflect.TypeFor[json.Marshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	durationType    = reflect.TypeFor[time.Duration]()
	planType        = reflect.TypeFor[Plan]()
	vocabularyType  = reflect.TypeFor[Vocabulary]()
	actorType       = reflect.TypeFor[council.Actor]()
)

const (
	kindOther    valueKind = iota
	kindJSON               // json.Marshaler / *T json.Unmarshaler (council.Citations, measures.Rules)
	kindText               // TextMarshaler / *T TextUnmarshaler (enums, citations, actors)
	kindDuration           // time.Duration as people write it ("4h", "1d"; internal/duration)
	kindSet                // an enum bitset: Has(E) bool, With(E) T, E a text enum
)

type node = jsonfile.Node

// ---- decoder

// decoder is the shared strict decoder (internal/jsonfile) with the plan
// codec's own kinds of values (durations, sets, citations) and the plan's
// vocabulary as its hook.
type decoder struct {
	jsonfile.Decoder
	words *words // the plan's vocabulary, once decoded; nil before and while decoding it
	// threat is the threat spec being decoded, once its declared kinds and
	// attributes are (json_threat.go).
	threat *threat.Spec
}

func newDecoder() *decoder {
	d := &decoder{}
	d.File = planFile
	d.Info = func(t reflect.Type) jsonfile.Info { return info(t).Info }
	d.Hook = d.hook
	return d
}

func (d *decoder) wrap(err error) {
	d.Errs = append(d.Errs, d.words.pathErrs(d.Path(), err)...)
}

// hook decodes what the plan codec decodes itself, and reports whether it
// did: a term of the plan's vocabulary, a duration, a citation list, a set,
// a text value (in the plan's words) and the plan itself.
func (d *decoder) hook(v reflect.Value, n *node) bool {
	if d.threatValue(v, n) {
		return true
	}
	t := v.Type()
	ti := info(t)
	if w := ti.word; w >= 0 && d.words != nil && n.Kind == '"' {
		if d.term(v, w, n.Text) {
			return true
		}
		defer d.undeclared(v, w, n.Text)
	}
	switch ti.kind {
	case kindDuration:
		if !d.Want(n, '"', "a duration string such as \"4h\" or \"1d\"") {
			return true
		}
		x, err := duration.Parse(n.Text)
		if err != nil {
			d.Bad(ErrBadValue, "%v", err)
			return true
		}
		v.SetInt(int64(x))
		return true
	case kindJSON:
		if n.Kind == '0' {
			d.Bad(ErrBadValue, "null")
			return true
		}
		if t == citationsType {
			d.citations(v, n)
			return true
		}
		x := reflect.New(t)
		if err := x.Interface().(json.Unmarshaler).UnmarshalJSON(n.AppendJSON(nil)); err != nil {
			d.wrap(err)
			return true
		}
		v.Set(x.Elem())
		return true
	case kindText:
		if !d.Want(n, '"', "a string") || !d.Text(n.Text) {
			return true
		}
		// Into v itself when it can be addressed (no copy to allocate): a
		// value that fails leaves the plan unused.
		x := reflect.New(t)
		if v.CanAddr() {
			x = v.Addr()
		}
		if err := x.Interface().(encoding.TextUnmarshaler).UnmarshalText(d.Bytes(n.Text)); err != nil {
			d.wrap(err)
			return true
		}
		if !v.CanAddr() {
			v.Set(x.Elem())
		}
		return true
	case kindSet:
		if !d.Want(n, '[', "an array of names") {
			return true
		}
		elem := ti.elem
		var bits uint64
		for i, m := range n.Vals {
			d.Index(i)
			x := reflect.New(elem).Elem()
			before := len(d.Errs)
			d.Value(x, m)
			switch u := x.Uint(); {
			case len(d.Errs) > before:
			case u == 0 || u > 63:
				d.Bad(ErrBadValue, "%s cannot be held in a set", problem.Quote(m.Text))
			case bits&(1<<u) != 0:
				d.Bad(ErrDuplicate, "%s listed twice", problem.Quote(m.Text))
			default:
				bits |= 1 << u
			}
			d.Pop()
		}
		v.SetUint(bits)
		return true
	}
	if t == threatSpecType {
		d.Struct(v, n, ti.Info.Fields, func(i int, k string) bool {
			return threatDeclaration(k) // decoded first
		})
		return true
	}
	if t == planType {
		d.Struct(v, n, ti.Info.Fields, func(i int, k string) bool {
			switch {
			case k == "vocabulary" && d.words != nil:
				return true // decoded first
			case k == "$schema" && d.Depth() == 0:
				d.Key(k)
				if d.Want(n.Vals[i], '"', "a string: the URI of the plan-file schema") {
					d.Text(n.Vals[i].Text)
				}
				d.Pop()
				return true // for editors; see PlanSchema
			}
			return false
		})
		return true
	}
	return false
}

// citations decodes a list of citations entry by entry, so that a problem
// names the entry's own path.
func (d *decoder) citations(v reflect.Value, n *node) {
	if !d.Want(n, '[', "an array of citations") {
		return
	}
	list := make([]council.Citation, 0, len(n.Vals))
	for i, m := range n.Vals {
		d.Index(i)
		if d.Want(m, '"', "a string") {
			if c, err := council.ParseCitation(m.Text); err != nil {
				d.wrap(err)
			} else {
				list = append(list, c)
			}
		}
		d.Pop()
	}
	v.Set(reflect.ValueOf(council.Cites(list...)))
}

// MarshalIndent returns the form of a plan file: the canonical JSON of
// [Plan.MarshalJSON] indented by two spaces, with a final newline. The
// reference plan files in bcp/reference are written this way; the
// fingerprint of [Plan.Provenance] is taken over the compact form, so the
// layout of a file does not change it.
func (p Plan) MarshalIndent() ([]byte, error) {
	b, err := p.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(b) * 2)
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
