package render

import (
	"strconv"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/threat"
)

// A timeline's events and entries hold the threat kinds and graded
// attributes a plan declares in the engine's form (a kind past the engine's,
// [threat.DeclaredAttribute] with a value number); the timeline carries
// their terms ([drill.Timeline].Kinds, Attributes), and these word them in
// the plan's labels: the Japanese label as the document writes it, the
// English label, or the ID as words where the plan gives no English.

// kind returns act kind k in language l, in the plan's words.
func (w *words) kind(k threat.ActKind, l bcp.Lang) string {
	if i := int(k) - int(threat.DeclaredKind(0)); k.IsDeclared() && i < len(w.kinds) {
		t := &w.kinds[i]
		return termLabel(t.ID, t.Label, t.LabelEN, l)
	}
	if l == bcp.Japanese {
		return k.Label()
	}
	return spaced(k.String())
}

// attribute returns graded attribute a in language l, in the plan's words.
func (w *words) attribute(a threat.Attribute, l bcp.Lang) string {
	if t := w.attributeTerm(a); t != nil {
		return termLabel(t.ID, t.Label, t.LabelEN, l)
	}
	if l == bcp.Japanese {
		return a.Label()
	}
	return spaced(a.String())
}

// value returns value v of declared attribute a in language l, in the
// plan's words; the value's number where the plan declares no such value.
func (w *words) value(a threat.Attribute, v uint8, l bcp.Lang) string {
	if t := w.attributeTerm(a); t != nil && v >= 1 && int(v) <= len(t.Values) {
		x := &t.Values[v-1]
		return termLabel(x.ID, x.Label, x.LabelEN, l)
	}
	return strconv.Itoa(int(v))
}

// attributeTerm returns the plan's term for declared attribute a, or nil.
func (w *words) attributeTerm(a threat.Attribute) *threat.AttributeTerm {
	for i := range min(len(w.attrs), threat.MaxDeclared) {
		if threat.DeclaredAttribute(i) == a {
			return &w.attrs[i]
		}
	}
	return nil
}

// termLabel is a declared term in language l: its label in Japanese, its
// English label in English, else its ID as words.
func termLabel(id, label, labelEN string, l bcp.Lang) string {
	switch {
	case l == bcp.Japanese && label != "":
		return label
	case l != bcp.Japanese && labelEN != "":
		return labelEN
	}
	return spaced(id)
}
