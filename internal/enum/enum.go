// Package enum holds the one implementation of the enum method set shared by
// every jukiplan package: names and Japanese labels in a table indexed by the
// value, parsing that accepts either, text encoding, and bitsets of values.
//
// A package declares its enum as a small unsigned integer type whose zero value
// means "unset", builds one [Table] for it in an unexported package variable
// (never mutated after initialisation), and forwards its methods to the table.
// Keeping the logic here means every enum in the module parses, prints and
// rejects bad input the same way.
package enum

import (
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// Name is one enum value's English name (as String prints it and as text
// encoding writes it), its Japanese label (the term as the plans write it), and
// any further spellings that parse to the same value (glossary variants).
type Name struct {
	EN      string
	JA      string
	Aliases []string
}

// Value is the constraint for enum types: small unsigned integers.
type Value interface{ ~uint8 | ~uint16 }

// Table describes one enum type E. Value v (1 ≤ v ≤ len(names)) is named by
// names[v-1] (the table keeps the names of the values from 1 up); zero and
// values past the end are invalid, except the plan-declared values of an open
// enum ([Table.Open]).
type Table[E Value] struct {
	pkg, kind string // "threat", "level": used in messages and String fallbacks
	typ       string // Go type name for the String fallback, e.g. "Level"
	sentinel  error
	names     []Name
	index     map[string]E
	open      int // largest plan-declared value; 0 for a closed enum
}

// New builds the table for an enum type. pkg and kind appear in error messages
// ("threat: unknown level \"x\""), typ in the fallback String of an invalid value
// ("Level(7)"), and sentinel is wrapped by every parse error.
//
// names is keyed by value, in the style of go/token's table:
//
//	[]enum.Name{Level1: {EN: "level-1", JA: "レベル1"}, Level2: {...}}
//
// so that names[v] names v; names[0], the unset zero value, is left empty, and
// nil or an empty slice gives an enum with no named values (an open enum whose
// every value a plan declares). New panics on a name for zero, on a value
// between 1 and len(names)-1 without an English name (a gap) and on a
// duplicated spelling: tables are package-level literals, so that is a
// programming error caught by the package's first test, never by data.
func New[E Value](pkg, kind, typ string, sentinel error, names []Name) *Table[E] {
	if len(names) > 0 {
		if z := names[0]; z.EN != "" || z.JA != "" || len(z.Aliases) != 0 {
			panic(fmt.Sprintf("enum: %s.%s: the zero value, unset, has a name %q", pkg, typ, z.EN))
		}
		names = names[1:]
	}
	t := &Table[E]{pkg: pkg, kind: kind, typ: typ, sentinel: sentinel, names: names, index: make(map[string]E)}
	for i, n := range names {
		v := E(i + 1)
		if n.EN == "" {
			panic(fmt.Sprintf("enum: %s.%s: value %d has no name", pkg, typ, v))
		}
		spellings := append([]string{n.EN, n.JA, strings.ReplaceAll(n.EN, "-", " ")}, n.Aliases...)
		for _, s := range spellings {
			if s == "" {
				continue
			}
			if old, dup := t.index[s]; dup && old != v {
				panic(fmt.Sprintf("enum: %s.%s: spelling %q names both %d and %d", pkg, typ, s, old, v))
			}
			t.index[s] = v
		}
	}
	return t
}

// Open makes the enum open to values a plan declares: the values past the
// named ones up to max (at most 63, so that they fit a bitset) are valid,
// have no name of their own, and print and parse as "kind#n" (e.g.
// "role#24"). A plan's vocabulary gives them their words. Open is called
// once, on the package-level table, before anything reads it.
func (t *Table[E]) Open(max int) *Table[E] {
	t.open = max
	return t
}

// Valid reports whether v names a value of the enum or, for an open enum,
// is in the range of plan-declared values.
func (t *Table[E]) Valid(v E) bool {
	return v >= 1 && (int(v) <= len(t.names) || int(v) <= t.open)
}

// Declared reports whether v is a plan-declared value of an open enum: valid,
// but past the values the engine names.
func (t *Table[E]) Declared(v E) bool { return int(v) > len(t.names) && int(v) <= t.open }

// String returns v's English name, "kind#n" for a plan-declared value, or
// "Typ(n)" for an invalid value.
func (t *Table[E]) String(v E) string {
	if v >= 1 && int(v) <= len(t.names) {
		return t.names[v-1].EN
	}
	if t.Declared(v) {
		return t.declaredName(v)
	}
	return t.typ + "(" + strconv.Itoa(int(v)) + ")"
}

func (t *Table[E]) declaredName(v E) string {
	return strings.ReplaceAll(t.kind, " ", "-") + "#" + strconv.Itoa(int(v))
}

// Label returns v's Japanese label, or the String form for a plan-declared or
// invalid value.
func (t *Table[E]) Label(v E) string {
	if v >= 1 && int(v) <= len(t.names) && t.names[v-1].JA != "" {
		return t.names[v-1].JA
	}
	return t.String(v)
}

// Parse returns the value named by s: its English name (also with spaces for
// hyphens), Japanese label or an alias, matched exactly. Anything else is an
// error wrapping the sentinel that quotes at most a prefix of s and lists the
// English names allowed (at most [problem.MaxList], then how many more):
// `threat: unknown level "x": want one of level-1, level-2, level-3: invalid value`.
func (t *Table[E]) Parse(s string) (E, error) {
	if v, ok := t.Lookup(s); ok {
		return v, nil
	}
	return 0, t.parseError(s)
}

// Lookup returns the value named by s as [Table.Parse] reads it, and whether
// there is one, without building an error: for a caller that tries several
// tables in turn.
func (t *Table[E]) Lookup(s string) (E, bool) {
	if v, ok := t.index[s]; ok {
		return v, true
	}
	if t.open > len(t.names) {
		prefix := strings.ReplaceAll(t.kind, " ", "-") + "#"
		if rest, ok := strings.CutPrefix(s, prefix); ok && len(rest) >= 1 && len(rest) <= 3 && rest[0] != '0' {
			if n, err := strconv.Atoi(rest); err == nil && n > len(t.names) && n <= t.open {
				return E(n), true
			}
		}
	}
	return 0, false
}

func (t *Table[E]) parseError(s string) error {
	what := "unknown " + t.kind + " " + problem.Quote(s)
	if s == "" {
		what = "empty " + t.kind
	}
	if len(t.names) == 0 { // an open enum whose every value is a plan's
		return fmt.Errorf("%s: %s: want %s#n, a value a plan declares: %w", t.pkg, what,
			strings.ReplaceAll(t.kind, " ", "-"), t.sentinel)
	}
	return fmt.Errorf("%s: %s: want one of %s: %w", t.pkg, what,
		problem.List(len(t.names), func(i int) string { return t.names[i].EN }), t.sentinel)
}

// AppendText appends v's English name to b; an invalid v is an error.
func (t *Table[E]) AppendText(b []byte, v E) ([]byte, error) {
	if !t.Valid(v) {
		return b, fmt.Errorf("%s: cannot encode %s %d: %w", t.pkg, t.kind, uint16(v), t.sentinel)
	}
	return append(b, t.String(v)...), nil
}

// Unmarshal parses text into *v, leaving *v unchanged on error.
func (t *Table[E]) Unmarshal(text []byte, v *E) error {
	x, err := t.Parse(string(text))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// All yields every value the engine names, in ascending order (not the
// plan-declared values of an open enum).
func (t *Table[E]) All() iter.Seq[E] {
	return func(yield func(E) bool) {
		for i := range t.names {
			if !yield(E(i + 1)) {
				return
			}
		}
	}
}

// Values returns every value the engine names, in ascending order, in a
// fresh slice.
func (t *Table[E]) Values() []E {
	out := make([]E, len(t.names))
	for i := range out {
		out[i] = E(i + 1)
	}
	return out
}

// Len is the number of values the engine names.
func (t *Table[E]) Len() int { return len(t.names) }
