package bcp

import (
	"encoding/json"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
)

// A Dictionary is a plan's [Vocabulary] resolved once, for the codecs and
// renderers outside this package that name many values in the plan's words
// (scenario files, timelines, diagrams): each lookup then costs a map
// access, not a pass over the terms.
//
// A Dictionary is immutable and safe for concurrent use; it encodes as the
// vocabulary it resolves. The zero Dictionary declares nothing: every value
// prints in the engine's words.
type Dictionary struct {
	v Vocabulary // a copy of the vocabulary
	w *words
}

// Dictionary resolves v for lookups. The Dictionary keeps a copy of the
// terms, not v's slices: a later change to v does not change it.
func (v Vocabulary) Dictionary() Dictionary {
	c := v.Clone()
	return Dictionary{v: c, w: c.words()}
}

// Vocabulary returns a copy of the vocabulary d resolves.
func (d Dictionary) Vocabulary() Vocabulary { return d.v.Clone() }

// MarshalJSON implements [json.Marshaler]: the vocabulary d resolves.
func (d Dictionary) MarshalJSON() ([]byte, error) { return json.Marshal(d.v) }

// Label returns x in lang as [Vocabulary.Label] does.
func (d Dictionary) Label(x interface {
	Label() string
	String() string
}, lang Lang) string {
	return d.w.any(x, lang)
}

// Name returns the plan file's name for x: the ID of its term, or the
// engine's name (x.String()) for a value the plan does not declare.
func (d Dictionary) Name(x interface {
	Label() string
	String() string
}) string {
	if d.w == nil {
		return x.String()
	}
	return d.w.name(x)
}

// Actor returns the position, else the party, that the vocabulary names s
// (a term's ID or label).
func (d Dictionary) Actor(s string) (council.Actor, bool) {
	if v, ok := d.w.lookup(wPosition, s); ok {
		return council.ByRole(council.Role(v)), true
	}
	if v, ok := d.w.lookup(wParty, s); ok {
		return council.ByParty(council.Party(v)), true
	}
	return council.Actor{}, false
}

// Symptom returns the symptom the vocabulary names s.
func (d Dictionary) Symptom(s string) (fault.Symptom, bool) {
	v, ok := d.w.lookup(wSymptom, s)
	return fault.Symptom(v), ok
}

// Signal returns the detection signal the vocabulary names s.
func (d Dictionary) Signal(s string) (fault.Signal, bool) {
	v, ok := d.w.lookup(wTrigger, s)
	return fault.Signal(v), ok
}

// Channel returns the channel the vocabulary names s.
func (d Dictionary) Channel(s string) (Channel, bool) {
	v, ok := d.w.lookup(wChannel, s)
	return Channel(v), ok
}

// labeled is a value that prints itself in the engine's words.
type labeled interface {
	Label() string
	String() string
}
