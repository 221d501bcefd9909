package threat

import (
	"encoding/json"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// Bounds of what a plan declares. They keep a scheme's tables small and
// every check of them linear: a plan states its table over a few attributes
// of a few values each, as SSVC's decision points are.
const (
	// MaxDeclared is the number of graded attributes a plan may declare
	// ([Spec.Attributes]): they are the Attribute values 4 to 7 and the
	// entries of [Event.Declared].
	MaxDeclared = 4
	// MaxDeclaredValues is the most values a declared attribute may have.
	MaxDeclaredValues = 15
	// MaxDeclaredKinds is the most kinds a plan may declare: the Kind
	// values past the engine's up to 63.
	MaxDeclaredKinds = enum.MaxValue - numKinds
	// MaxDeclaredCells bounds the declared part of a table: the sum over
	// the declared kinds of the product of (values + 1, for unknown) of the
	// attributes each is graded on.
	MaxDeclaredCells = 4096
)

// DeclaredKind returns the Kind of the i-th kind (from 0) a plan declares
// in [Spec.Kinds], or zero for i out of range.
func DeclaredKind(i int) ActKind {
	if i < 0 || i >= MaxDeclaredKinds {
		return 0
	}
	return ActKind(numKinds + 1 + i)
}

// DeclaredAttribute returns the Attribute of the i-th attribute (from 0) a
// plan declares in [Spec.Attributes], or zero for i out of range.
func DeclaredAttribute(i int) Attribute {
	if i < 0 || i >= MaxDeclared {
		return 0
	}
	return AttrSeverity + 1 + Attribute(i)
}

// IsDeclared reports whether k is a kind a plan declares (past the
// engine's kinds), not one of the engine's.
func (k ActKind) IsDeclared() bool { return declaredKindIndex(k) >= 0 }

// IsDeclared reports whether a is an attribute a plan declares.
func (a Attribute) IsDeclared() bool { return declaredIndex(a) >= 0 }

// declaredIndex returns the index in Event.Declared of attribute a, or -1.
func declaredIndex(a Attribute) int {
	if a > AttrSeverity && int(a) <= int(AttrSeverity)+MaxDeclared {
		return int(a - AttrSeverity - 1)
	}
	return -1
}

// declaredKindIndex returns the index in Spec.Kinds of kind k, or -1.
func declaredKindIndex(k ActKind) int {
	if int(k) > numKinds && int(k) <= enum.MaxValue {
		return int(k) - numKinds - 1
	}
	return -1
}

// A KindTerm declares one kind of event of a plan's own: a fault the plan's
// level table grades (a terminal fault, a server that must stop for
// recovery) or an unauthorized act the engine has no kind for. The i-th
// term of [Spec.Kinds] is [DeclaredKind](i).
//
// The zero KindTerm is not valid: ID and Label are required.
type KindTerm struct {
	// ID is how the plan file names the kind in a rule's match and a
	// scenario's event ("terminal-fault"); a plain token (no space, no
	// "="), unique among the plan's kinds and not an engine kind's name.
	ID string `json:"id,omitzero"`
	// Label is the kind exactly as the document writes it; required. It is
	// accepted where the ID is.
	Label string `json:"label,omitzero"`
	// LabelEN is the English label; optional.
	LabelEN string `json:"labelEn,omitempty"`
	// Fault marks a fault (障害) rather than an unauthorized act (不正行為):
	// a table that grades faults too (a drill grades the fault through it).
	Fault bool `json:"fault,omitempty"`
	// Cites are the clauses that name the kind; each must cite the plan.
	Cites council.Citations `json:"cites,omitzero"`
}

// An AttributeTerm declares one graded attribute of a plan's own, like an
// SSVC decision point: a finite list of values ordered from the least to the
// most serious, each with the document's label. The i-th term of
// [Spec.Attributes] is [DeclaredAttribute](i); the value of its j-th entry
// (from 0) in [Event.Declared] is j+1.
//
// The zero AttributeTerm is not valid: ID, Label and at least two values are
// required.
type AttributeTerm struct {
	// ID is how a match names the attribute ("cause" in
	// "terminal-fault cause=found"): a plain token, unique among the plan's
	// attributes and not an engine attribute's name.
	ID string `json:"id,omitzero"`
	// Label is the attribute as the document writes it; required.
	Label string `json:"label,omitzero"`
	// LabelEN is the English label; optional.
	LabelEN string `json:"labelEn,omitempty"`
	// Values are the attribute's values from the least to the most serious:
	// a higher level may never be given to a less serious value (the
	// table is monotone). Two to [MaxDeclaredValues].
	Values []ValueTerm `json:"values,omitempty"`
	// Cites are the clauses that grade on the attribute; each must cite the
	// plan.
	Cites council.Citations `json:"cites,omitzero"`
}

// A ValueTerm is one value of a declared attribute.
//
// The zero ValueTerm is not valid: ID and Label are required.
type ValueTerm struct {
	ID      string `json:"id,omitzero"`       // a plain token, unique within the attribute
	Label   string `json:"label,omitzero"`    // as the document writes it
	LabelEN string `json:"labelEn,omitempty"` // optional
}

// A SpecError is a problem of a [Spec] at one of its fields, named as in the
// plan file below the spec ("attributes[0].values[2]", "rules[3].match"),
// so that a plan file's reader can name the JSON path. It wraps [ErrScheme]
// or [ErrInvalid]. Use it through a pointer.
type SpecError struct {
	Field string `json:"field"`
	Err   error  `json:"err"`
}

func (e *SpecError) Error() string {
	if e.Err == nil {
		return "threat: " + e.Field
	}
	return e.Err.Error()
}

// Unwrap returns the problem.
func (e *SpecError) Unwrap() error { return e.Err }

func fieldErr(field string, err error) error { return &SpecError{Field: field, Err: err} }

// plainToken reports whether s can name a declared kind, attribute or value
// in an event's text form.
func plainToken(s string) bool {
	return s != "" && len(s) <= problem.MaxQuote && !strings.ContainsAny(s, "= \t\n\r\u3000") &&
		!strings.Contains(s, "#") && problem.BadText(s) == ""
}

// parseKind returns the kind named by s: an engine kind, or one sp declares
// by ID or label. sp may be nil.
func (sp *Spec) parseKind(s string) (ActKind, error) {
	if sp != nil {
		for i := range min(len(sp.Kinds), MaxDeclaredKinds) {
			if t := &sp.Kinds[i]; t.ID == s || t.Label == s {
				return DeclaredKind(i), nil
			}
		}
	}
	k, err := ParseActKind(s)
	if err == nil || sp == nil || len(sp.Kinds) == 0 {
		return k, err
	}
	return 0, fmt.Errorf("threat: unknown kind %s: want one of the engine's kinds or the plan's %s: %w", problem.Value(s),
		problem.List(min(len(sp.Kinds), MaxDeclaredKinds), func(i int) string { return sp.Kinds[i].ID }), ErrInvalid)
}

// parseDeclared sets the declared attribute named by key in e to the value
// named by val: in the engine's words ("attribute#4=2") or, with sp, the
// plan's (an attribute's ID or label and a value's ID or label).
func (sp *Spec) parseDeclared(e *Event, key, val string) error {
	a, ok := attributeTable.Lookup(key)
	i := declaredIndex(a)
	var term *AttributeTerm
	if sp != nil {
		for j := range min(len(sp.Attributes), MaxDeclared) {
			if t := &sp.Attributes[j]; t.ID == key || t.Label == key {
				i, ok, term = j, true, t
				break
			}
		}
	}
	if !ok || i < 0 {
		if sp != nil && len(sp.Attributes) > 0 {
			return fmt.Errorf("threat: %s is no attribute of the engine's nor one the plan declares (%s): %w", problem.Value(key),
				problem.List(min(len(sp.Attributes), MaxDeclared), func(i int) string { return sp.Attributes[i].ID }), ErrInvalid)
		}
		return fmt.Errorf("threat: unknown event attribute %s: %w", problem.Value(key), ErrInvalid)
	}
	if e.Declared.At(i) != 0 {
		return fmt.Errorf("threat: attribute %s given twice: %w", problem.Value(key), ErrInvalid)
	}
	if term == nil && sp != nil && i < len(sp.Attributes) {
		term = &sp.Attributes[i]
	}
	if term != nil {
		for j := range min(len(term.Values), MaxDeclaredValues) {
			if v := &term.Values[j]; v.ID == val || v.Label == val {
				e.Declared = e.Declared.With(i, uint8(j+1))
				return nil
			}
		}
	}
	if n, err := strconv.Atoi(val); err == nil && n >= 1 && n <= MaxDeclaredValues && len(val) <= 2 && val[0] != '0' {
		if term == nil || n <= len(term.Values) {
			e.Declared = e.Declared.With(i, uint8(n))
			return nil
		}
	}
	if term != nil {
		return fmt.Errorf("threat: %s is no value of attribute %s: want one of %s: %w", problem.Value(val), problem.Value(term.ID),
			problem.List(min(len(term.Values), MaxDeclaredValues), func(i int) string { return term.Values[i].ID }), ErrInvalid)
	}
	return fmt.Errorf("threat: attribute %s: value %s: want a number from 1 to %d: %w", DeclaredAttribute(i), problem.Value(val), MaxDeclaredValues, ErrInvalid)
}

// ParseEvent parses an event's text form in the plan's words: like
// [ParseEvent], and a kind the spec declares by its ID or label, an
// attribute it declares by its ID or label with a value by the value's ID or
// label ("terminal-fault cause=found"). A key that names neither an engine
// attribute nor a declared one (a row over undeclared attributes) is an
// error wrapping [ErrInvalid].
func (sp *Spec) ParseEvent(s string) (Event, error) { return parseEvent(s, sp) }

// AppendEvent appends the text form of e in the plan's words: the IDs of the
// kind and attributes the spec declares and of their values, the engine's
// names for the rest. An invalid event is an error, and so is a declared
// kind, attribute or value the spec does not declare.
func (sp *Spec) AppendEvent(b []byte, e Event) ([]byte, error) {
	if err := e.Validate(); err != nil {
		return b, err
	}
	if i := declaredKindIndex(e.Kind); i >= 0 {
		if sp == nil || i >= len(sp.Kinds) {
			return b, fmt.Errorf("threat: event: %s is not declared: %w", e.Kind, ErrInvalid)
		}
		b = append(b, sp.Kinds[i].ID...)
	} else {
		b = append(b, e.Kind.String()...)
	}
	if e.Place != 0 {
		b = append(append(b, " place="...), e.Place.String()...)
	}
	if e.Firewall != 0 {
		b = append(append(b, " firewall="...), e.Firewall.String()...)
	}
	if e.Severity != 0 {
		b = append(append(b, " severity="...), e.Severity.String()...)
	}
	for i, v := range e.Declared.All() {
		if v == 0 {
			continue
		}
		if sp == nil || i >= len(sp.Attributes) || int(v) > len(sp.Attributes[i].Values) {
			return b, fmt.Errorf("threat: event: %s=%d is not declared: %w", DeclaredAttribute(i), v, ErrInvalid)
		}
		t := &sp.Attributes[i]
		b = append(append(append(append(b, ' '), t.ID...), '='), t.Values[v-1].ID...)
	}
	if e.Source != 0 {
		b = append(append(b, " source="...), e.Source.String()...)
	}
	return b, nil
}

// FormatEvent returns the text form of e in the plan's words
// ([Spec.AppendEvent]), or the engine's ([Event.String]) when the spec does
// not declare what e holds.
func (sp *Spec) FormatEvent(e Event) string {
	b, err := sp.AppendEvent(nil, e)
	if err != nil {
		return e.String()
	}
	return string(b)
}

// checkDeclarations checks the kinds and attributes sp declares. Every
// problem is a [*SpecError] naming the field.
func (sp *Spec) checkDeclarations() []error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fieldErr(field, fmt.Errorf("threat: scheme %s: %s: "+format,
			append([]any{problem.Value(sp.Plan), field}, args...)...)))
	}
	term := func(field, id, label string, cites council.Citations, cited bool) {
		if !plainToken(id) {
			bad(field+".id", "ID %s is not a plain token (no space, \"=\" or \"#\"): %w", problem.Value(id), ErrScheme)
		}
		if strings.TrimSpace(label) == "" {
			bad(field+".label", "no label: give the term as the document writes it: %w", ErrScheme)
		} else if msg := problem.BadText(label); msg != "" {
			bad(field+".label", "%s: %w", msg, ErrScheme)
		}
		if cited && cites.Len() > 0 {
			if err := checkCitations(cites, sp.Plan); err != nil {
				bad(field+".cites", "%w", err)
			}
		}
	}
	if len(sp.Kinds) > MaxDeclaredKinds {
		bad(fmt.Sprintf("kinds[%d]", MaxDeclaredKinds), "more than %d declared kinds: %w", MaxDeclaredKinds, ErrScheme)
	}
	if len(sp.Attributes) > MaxDeclared {
		bad(fmt.Sprintf("attributes[%d]", MaxDeclared), "more than %d declared attributes: %w", MaxDeclared, ErrScheme)
	}
	kinds := sp.Kinds[:min(len(sp.Kinds), MaxDeclaredKinds)]
	for i, k := range kinds {
		f := fmt.Sprintf("kinds[%d]", i)
		term(f, k.ID, k.Label, k.Cites, true)
		if _, ok := kindTable.Lookup(k.ID); ok {
			bad(f+".id", "%s is the engine's kind: declare only the plan's own: %w", problem.Value(k.ID), ErrScheme)
		}
		for j := range i { // at most MaxDeclaredKinds²
			if kinds[j].ID == k.ID || kinds[j].Label == k.Label || kinds[j].ID == k.Label || kinds[j].Label == k.ID {
				bad(f, "%s names the same as kinds[%d]: %w", problem.Value(k.ID), j, ErrScheme)
				break
			}
		}
	}
	attrs := sp.Attributes[:min(len(sp.Attributes), MaxDeclared)]
	for i, a := range attrs {
		f := fmt.Sprintf("attributes[%d]", i)
		term(f, a.ID, a.Label, a.Cites, true)
		if _, ok := attributeTable.Lookup(a.ID); ok || a.ID == "source" {
			bad(f+".id", "%s is the engine's attribute: declare only the plan's own: %w", problem.Value(a.ID), ErrScheme)
		}
		for j := range i {
			if attrs[j].ID == a.ID || attrs[j].Label == a.Label || attrs[j].ID == a.Label || attrs[j].Label == a.ID {
				bad(f, "%s names the same as attributes[%d]: %w", problem.Value(a.ID), j, ErrScheme)
				break
			}
		}
		switch {
		case len(a.Values) < 2:
			bad(f+".values", "%d values: a graded attribute has at least two: %w", len(a.Values), ErrScheme)
		case len(a.Values) > MaxDeclaredValues:
			bad(fmt.Sprintf("%s.values[%d]", f, MaxDeclaredValues), "more than %d values: %w", MaxDeclaredValues, ErrScheme)
		}
		vals := a.Values[:min(len(a.Values), MaxDeclaredValues)]
		for j, v := range vals {
			vf := fmt.Sprintf("%s.values[%d]", f, j)
			term(vf, v.ID, v.Label, council.Citations{}, false)
			for h := range j {
				if vals[h].ID == v.ID || vals[h].Label == v.Label || vals[h].ID == v.Label || vals[h].Label == v.ID {
					bad(vf, "%s names the same as values[%d]: %w", problem.Value(v.ID), h, ErrScheme)
					break
				}
			}
		}
	}
	return errs
}

// attrLen returns the number of values of attribute a in the scheme: the
// engine's for its own attributes, the plan's for a declared one.
func (s *Scheme) attrLen(a Attribute) int {
	if i := declaredIndex(a); i >= 0 {
		return int(s.lens[i])
	}
	return attrLen(a)
}

// Declarations returns the kinds and attributes the scheme's plan declares
// ([Spec.Kinds], [Spec.Attributes]), in fresh slices.
func (s *Scheme) Declarations() ([]KindTerm, []AttributeTerm) {
	if s == nil {
		return nil, nil
	}
	attrs := make([]AttributeTerm, len(s.decl.Attributes))
	for i, a := range s.decl.Attributes {
		a.Values = append([]ValueTerm(nil), a.Values...)
		attrs[i] = a
	}
	return append([]KindTerm(nil), s.decl.Kinds...), attrs
}

// FormatEvent returns the text form of e in the words of the scheme's plan
// ([Spec.FormatEvent]).
func (s *Scheme) FormatEvent(e Event) string {
	if s == nil {
		return e.String()
	}
	return s.decl.FormatEvent(e)
}

// ParseEvent parses an event in the words of the scheme's plan
// ([Spec.ParseEvent]).
func (s *Scheme) ParseEvent(text string) (Event, error) {
	if s == nil {
		return ParseEvent(text)
	}
	return s.decl.ParseEvent(text)
}

// Values holds the values of the attributes a plan declares, four bits
// each: At(i) is the value of [DeclaredAttribute](i), 1 for the first
// (least serious) value of its list, zero for unknown. It is a small word
// rather than an array so that an [Event] stays eight bytes and passes in
// registers.
//
// The zero Values leaves every declared attribute unknown. Values are
// comparable with ==. The JSON form is an array of the values, trailing
// unknown ones left out ([1] for At(0) = 1).
type Values uint16

// At returns the value of the i-th declared attribute (zero for i out of
// range).
func (v Values) At(i int) uint8 {
	if i < 0 || i >= MaxDeclared {
		return 0
	}
	return uint8(v>>(4*i)) & 0xf
}

// With returns v with the i-th declared attribute set to x; an i out of
// range, or an x past [MaxDeclaredValues], leaves v unchanged.
func (v Values) With(i int, x uint8) Values {
	if i < 0 || i >= MaxDeclared || x > MaxDeclaredValues {
		return v
	}
	return v&^(0xf<<(4*i)) | Values(x)<<(4*i)
}

// All yields the index and value of every declared attribute, unknown ones
// too, in order.
func (v Values) All() iter.Seq2[int, uint8] {
	return func(yield func(int, uint8) bool) {
		for i := range MaxDeclared {
			if !yield(i, v.At(i)) {
				return
			}
		}
	}
}

// String returns the values as a list, e.g. "[1 0 2 0]".
func (v Values) String() string {
	return fmt.Sprintf("[%d %d %d %d]", v.At(0), v.At(1), v.At(2), v.At(3))
}

// MarshalJSON writes the values as an array, trailing zeros left out.
func (v Values) MarshalJSON() ([]byte, error) {
	n := MaxDeclared
	for n > 0 && v.At(n-1) == 0 {
		n--
	}
	b := []byte{'['}
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendUint(b, uint64(v.At(i)), 10)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads an array of at most [MaxDeclared] values, each from 0
// to [MaxDeclaredValues].
func (v *Values) UnmarshalJSON(data []byte) error {
	var xs []int
	if err := json.Unmarshal(data, &xs); err != nil {
		return problem.Wrap("threat: declared values", err)
	}
	if len(xs) > MaxDeclared {
		return fmt.Errorf("threat: declared values: %d values, more than the %d attributes a plan may declare: %w", len(xs), MaxDeclared, ErrInvalid)
	}
	var out Values
	for i, x := range xs {
		if x < 0 || x > MaxDeclaredValues {
			return fmt.Errorf("threat: declared values[%d]: %d is not from 0 to %d: %w", i, x, MaxDeclaredValues, ErrInvalid)
		}
		out = out.With(i, uint8(x))
	}
	*v = out
	return nil
}

// ParseKind returns the kind named by s: an engine kind, or a kind the spec
// declares by its ID or label.
func (sp *Spec) ParseKind(s string) (ActKind, error) { return sp.parseKind(s) }

// ParseAttribute returns the declared attribute named by key and its value
// named by val, in the spec's words (an attribute's ID or label, a value's
// ID or label) or the engine's ("attribute#4", "2"). The engine's own
// attributes (place, firewall, severity) are not declared: parse them with
// their types.
func (sp *Spec) ParseAttribute(key, val string) (Attribute, uint8, error) {
	var e Event
	if err := sp.parseDeclared(&e, key, val); err != nil {
		return 0, 0, err
	}
	for i, v := range e.Declared.All() {
		if v != 0 {
			return DeclaredAttribute(i), v, nil
		}
	}
	return 0, 0, fmt.Errorf("threat: attribute %s: no value: %w", problem.Value(key), ErrInvalid)
}

// Fault reports whether k is a kind the scheme's plan declares as a fault
// ([KindTerm.Fault]): its level table grades faults as well as unauthorized
// acts.
func (s *Scheme) Fault(k ActKind) bool {
	j := declaredKindIndex(k)
	return s != nil && j >= 0 && j < len(s.decl.Kinds) && s.decl.Kinds[j].Fault
}

// AttrNames returns the attributes of as in the words of the scheme's plan,
// e.g. "{cause}" or "{place firewall}".
func (s *Scheme) AttrNames(as Attributes) string {
	var b strings.Builder
	b.WriteByte('{')
	for a := range as.All() {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		if j := declaredIndex(a); s != nil && j >= 0 && j < len(s.decl.Attributes) {
			b.WriteString(s.decl.Attributes[j].ID)
		} else {
			b.WriteString(a.String())
		}
	}
	b.WriteByte('}')
	return b.String()
}
