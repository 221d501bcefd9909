package bcp

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/measures"
)

// An Aspect is what a [Difference] between two plans is about.
//
// The zero Aspect is unset and never appears in a Diff. Aspects are
// comparable with ==; their order is the order of a Diff. Values are only
// ever appended, never renumbered.
type Aspect uint8

// Aspects compared by [DiffPlans].
const (
	AspectScale         Aspect = 1 + iota // how threats are expressed: levels, or a judgement of serious or not
	AspectLevel                           // the level a row of the decision table gives an event ("not-covered" for a row that marks it so)
	AspectExample                         // the example the plan gives for that row
	AspectThreshold                       // the thresholds: the lowest serious level, the serious-fault "long" and "heavy"
	AspectRole                            // a role of the organisation, and whether it is in the reporting chain
	AspectAppointment                     // who fills a role (the holders, as written)
	AspectChair                           // who chairs a body the plan has
	AspectConvening                       // which body meets on a trigger ("none" when the plan names the trigger and no body meets)
	AspectAgendaItem                      // an item of the agenda a trigger brings, by trigger and item key
	AspectInvestigation                   // the investigation steps for a fault kind
	AspectSystem                          // a system of the inventory: name, owner and impact scale
	AspectObligation                      // a standing obligation of normal operation, by key: who, what, when and on what occasion
	AspectNetwork                         // the contact networks a position or party is on, by actor ("hub" marks the keeper)
)

var aspectTable = enum.New[Aspect]("bcp", "aspect", "Aspect", ErrInvalid, []enum.Name{
	AspectScale:         {EN: "scale", JA: "脅威の尺度"},
	AspectLevel:         {EN: "level", JA: "脅威度"},
	AspectExample:       {EN: "example", JA: "事例"},
	AspectThreshold:     {EN: "threshold", JA: "閾値"},
	AspectRole:          {EN: "role", JA: "役割"},
	AspectAppointment:   {EN: "appointment", JA: "充て職"},
	AspectChair:         {EN: "chair", JA: "議長"},
	AspectConvening:     {EN: "convening", JA: "会議の開催"},
	AspectAgendaItem:    {EN: "agenda-item", JA: "決定事項"},
	AspectInvestigation: {EN: "investigation", JA: "原因の究明の手順"},
	AspectSystem:        {EN: "system", JA: "情報システム"},
	AspectObligation:    {EN: "obligation", JA: "義務"},
	AspectNetwork:       {EN: "network", JA: "緊急時連絡網"},
})

// AllAspects returns every valid Aspect in ascending order, in a fresh slice.
func AllAspects() []Aspect { return aspectTable.Values() }

// ParseAspect returns the Aspect named by s: its English name or Japanese label.
func ParseAspect(s string) (Aspect, error) { return aspectTable.Parse(s) }

// IsValid reports whether a is a defined Aspect (not zero, not out of range).
func (a Aspect) IsValid() bool { return aspectTable.Valid(a) }

// String returns the English name, e.g. "agenda-item".
func (a Aspect) String() string { return aspectTable.String(a) }

// Label returns the Japanese label, e.g. "決定事項".
func (a Aspect) Label() string { return aspectTable.Label(a) }

// Compare orders aspects by value; it suits slices.SortFunc.
func (a Aspect) Compare(b Aspect) int { return cmp.Compare(a, b) }

// AppendText implements [encoding.TextAppender]; an invalid Aspect is an error.
func (a Aspect) AppendText(b []byte) ([]byte, error) { return aspectTable.AppendText(b, a) }

// MarshalText implements [encoding.TextMarshaler].
func (a Aspect) MarshalText() ([]byte, error) { return aspectTable.AppendText(nil, a) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves a unchanged on error.
func (a *Aspect) UnmarshalText(text []byte) error { return aspectTable.Unmarshal(text, a) }

// A Difference is one point on which two plans differ: the Aspect, the Key
// that names the point within it (an event of the decision table such as
// "intrusion place=related", a role, a trigger and agenda item key such as
// "serious-fault/resident-response", a system ID), the value in each plan as
// text (empty when the plan has nothing there) and the clauses of each plan
// that give it.
//
// The zero Difference is not a difference. == is not defined (it holds
// council.Citations); compare with go-cmp.
//
// Positions, parties and bodies are keyed and written by the plan file's
// name for them (the term's ID in the plan's vocabulary), so that one plan's
// term meets the same term of the other; LabelA and LabelB give the key's
// label in each plan's own words, where the key is such a term.
type Difference struct {
	Aspect Aspect            `json:"aspect"`
	Key    string            `json:"key"`
	LabelA string            `json:"labelA,omitempty"`
	LabelB string            `json:"labelB,omitempty"`
	A      string            `json:"a"`
	B      string            `json:"b"`
	CitesA council.Citations `json:"citesA"`
	CitesB council.Citations `json:"citesB"`
	// ReadingA and ReadingB give the reason when a side's value is not the
	// document's but the library's reading ([Plan.Readings]); the value
	// itself then ends in " (library's reading)". Empty for the
	// document's own values. ReadingAJA and ReadingBJA give it in Japanese
	// ([Mark.ReasonJA]), empty where the plan gives it in English only;
	// [Difference.Side] words a side with it.
	ReadingA   string `json:"readingA,omitempty"`
	ReadingB   string `json:"readingB,omitempty"`
	ReadingAJA string `json:"readingAJa,omitempty"`
	ReadingBJA string `json:"readingBJa,omitempty"`
}

// Side returns the value of side A (b false) or B (b true) of x as it reads
// in language l: in English as it is; in Japanese a value that is the
// library's reading ends in "（本ライブラリの解釈: " and the reason in
// Japanese ("（本ライブラリの解釈）" where the plan gives the reason in
// English only) in place of " (library's reading)", and a reporting line
// only partly the library's reading names the roles it reads
// ("（本ライブラリの解釈: mayor。…）").
func (x Difference) Side(b bool, l Lang) string {
	v, ja := x.A, x.ReadingAJA
	if b {
		v, ja = x.B, x.ReadingBJA
	}
	if l != Japanese {
		return v
	}
	rest, ok := strings.CutSuffix(v, readingSuffix)
	if i := strings.LastIndex(v, readingPrefix); !ok && i >= 0 && strings.HasSuffix(v, ")") {
		roles := v[i+len(readingPrefix) : len(v)-1]
		rest, ok = v[:i], true
		if ja == "" {
			ja = roles
		} else {
			ja = roles + "。" + ja
		}
	}
	switch {
	case !ok:
		return v
	case ja == "":
		return rest + "（本ライブラリの解釈）"
	}
	return rest + "（本ライブラリの解釈: " + ja + "）"
}

// A Diff is everything [DiffPlans] found different between plan A and plan B,
// sorted by aspect and key. Each plan's values and citations stay its own:
// a Diff puts them side by side, it never merges them.
//
// The zero Diff compares nothing and is empty. == is not defined.
type Diff struct {
	A           string       `json:"a"` // plan A's ID
	B           string       `json:"b"` // plan B's ID
	Differences []Difference `json:"differences"`
}

// Empty reports whether the plans did not differ on anything compared.
func (d Diff) Empty() bool { return len(d.Differences) == 0 }

// Of returns the differences of one aspect, in order, in a fresh slice.
func (d Diff) Of(a Aspect) []Difference {
	var out []Difference
	for _, x := range d.Differences {
		if x.Aspect == a {
			out = append(out, x)
		}
	}
	return out
}

// String renders the diff one difference per line:
// "level vulnerability severity=serious: tottori=level-3 kumamoto=—"
// followed by the clauses of each side in brackets. A value a plan does not
// have prints as "—".
func (d Diff) String() string {
	var b strings.Builder
	for _, x := range d.Differences {
		b.WriteString(x.Aspect.String())
		b.WriteByte(' ')
		b.WriteString(x.Key)
		if x.LabelA != "" || x.LabelB != "" {
			b.WriteString(" (" + orDash(x.LabelA) + " / " + orDash(x.LabelB) + ")")
		}
		b.WriteString(": ")
		side := func(id, v string, cs council.Citations) {
			b.WriteString(id)
			b.WriteByte('=')
			if v == "" {
				v = "—"
			}
			b.WriteString(v)
			if cs.Len() > 0 {
				b.WriteString(" [")
				b.WriteString(cs.String())
				b.WriteByte(']')
			}
		}
		side(d.A, x.A, x.CitesA)
		b.WriteString(" | ")
		side(d.B, x.B, x.CitesB)
		b.WriteByte('\n')
	}
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// DiffPlans returns how plan b differs from plan a: the scale and levels of
// their threat schemes and the example each gives for a row, the thresholds,
// the roles of their organisations, who fills them and who chairs which body,
// which body meets on which trigger and what its agenda holds, the
// investigation steps for each fault kind, the systems of their
// inventories, their standing obligations by key, and the contact networks
// each position or party is on. It is deterministic, reads nothing but its arguments, and
// DiffPlans(p, p) is empty. The result does not depend on the order of the
// plans' lists.
func DiffPlans(a, b Plan) Diff {
	d := Diff{A: a.ID, B: b.ID}
	for _, asp := range AllAspects() {
		sa, sb := sides(asp, a), sides(asp, b)
		keys := make([]string, 0, len(sa)+len(sb))
		for k := range sa {
			keys = append(keys, k)
		}
		for k := range sb {
			if _, ok := sa[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			x, y := sa[k], sb[k]
			if x.value == y.value {
				continue
			}
			d.Differences = append(d.Differences, Difference{Aspect: asp, Key: k, LabelA: x.label, LabelB: y.label,
				A: x.value, B: y.value, CitesA: x.cites, CitesB: y.cites, ReadingA: x.reading, ReadingB: y.reading, ReadingAJA: x.readingJA, ReadingBJA: y.readingJA})
		}
	}
	return d
}

// A side is one plan's value at one key.
type side struct {
	value string
	cites council.Citations
	label string // the key's label in the plan's words, for a term
	// reading is the reason the value is the library's reading, not the
	// document's; empty for the document's own value. readingJA gives it
	// in Japanese, where the plan does.
	reading, readingJA string
}

type sideMap map[string]side

// put sets key k, joining with what is there (a key given twice by a plan
// that repeats an entry): values are joined in sorted order, so the result
// does not depend on list order.
func (m sideMap) put(k, v string, cs council.Citations) {
	if old, ok := m[k]; ok && old.value != v {
		vs := []string{old.value, v}
		slices.Sort(vs)
		v = vs[0] + "; " + vs[1]
		cs = sortedCites(old.cites.Join(cs))
	}
	m[k] = side{value: v, cites: cs, label: m[k].label, reading: m[k].reading, readingJA: m[k].readingJA}
}

// readingSuffix ends a value that is the library's reading; readingPrefix
// starts the ending that names which of its roles are.
const (
	readingSuffix = " (library's reading)"
	readingPrefix = " (library's reading: "
)

// marked sets key k as put does, marking the value as the library's reading
// when the plan of ky marks path so ([Plan.ReadingAt]).
func (m sideMap) marked(ky *keyer, path, k, v string, cs council.Citations) {
	r, ok := markAt(ky, ky.p.Readings, path)
	if ok {
		v += readingSuffix
	}
	m.put(k, v, cs)
	if ok {
		s := m[k]
		s.reading = joinReasons(s.reading, r.Reason)
		s.readingJA = joinReasons(s.readingJA, r.ReasonJA)
		m[k] = s
	}
}

// joinReasons joins two reasons in sorted order, so that the result does
// not depend on list order.
func joinReasons(a, b string) string {
	switch {
	case a == "" || a == b:
		return b
	case b == "":
		return a
	case b < a:
		a, b = b, a
	}
	return a + "; " + b
}

// term sets key k, the name of term x, as put does, and gives it x's label
// in the plan's words.
func (m sideMap) term(w *words, x labeled, v string, cs council.Citations) {
	k := w.name(x)
	m.put(k, v, cs)
	s := m[k]
	s.label = w.any(x, Japanese)
	m[k] = s
}

func sortedCites(cs council.Citations) council.Citations {
	s := cs.Slice()
	slices.SortFunc(s, council.Citation.Compare)
	return council.Cites(s...)
}

// sides returns plan p's values for aspect a, by key.
func sides(a Aspect, p Plan) sideMap {
	m := sideMap{}
	w := p.Vocabulary.words()
	ky := newKeyer(&p) // for the readings, once for every lookup
	o, t, f := p.Organization, p.Threat, p.Fault
	switch a {
	case AspectScale:
		if t != nil {
			m.put("scale", t.Scale.String(), t.Judgement)
		}
	case AspectLevel, AspectExample:
		if t == nil {
			break
		}
		for _, r := range t.Rules {
			// In the plan's words: a kind or attribute it declares by its ID
			// (two plans' "kind#13" may be different kinds).
			key := t.FormatEvent(r.Match)
			if a == AspectLevel {
				v := "not-covered"
				if r.Level != 0 {
					v = r.Level.String()
				}
				m.put(key, v, r.Citations)
			} else {
				m.put(key, r.Example, r.Citations)
			}
		}
	case AspectThreshold:
		if t != nil && t.SeriousFrom != 0 {
			m.put("threat.serious-from", t.SeriousFrom.String(), t.SeriousCitations)
		}
		if f != nil && (f.Serious.Long != 0 || f.Serious.Heavy != 0) {
			m.marked(ky, "$.fault.serious.long", "fault.long", duration.Format(f.Serious.Long), f.Serious.Cites)
			m.marked(ky, "$.fault.serious.heavy", "fault.heavy", strconv.Itoa(f.Serious.Heavy)+"%", f.Serious.Cites)
		}
	case AspectRole:
		if o == nil {
			break
		}
		chain := o.Chain.Nodes()
		roles := chain.Union(o.Appointments.Roles())
		for _, k := range o.Councils {
			roles = roles.With(k.Chair).With(k.Convener).Union(k.Members)
		}
		if o.Chain.Empty() {
			roles = orgRoles(o) // its networks' members too: it has nothing else to say of them
		}
		for r := range roles.All() {
			v := "not in the reporting chain"
			if o.Chain.Empty() {
				v = "no reporting chain: the plan states none"
				if _, ok := markAt(ky, p.NotStated, "$.organization.chain"); ok {
					v = "no reporting chain: the document states none"
				}
			}
			if r == o.Chain.Chief {
				v = "chief"
			} else if chain.Has(r) {
				v = "reports to " + rolesText(w, o.Chain.ReportsTo(r))
			}
			var cs council.Citations
			var reading council.Roles
			var reason, reasonJA string
			for i, e := range o.Chain.Edges {
				if e.From == r {
					cs = cs.With(e.Cite)
					if e.Reading {
						reading = reading.With(e.To)
						if mk, ok := markAt(ky, p.Readings, fmt.Sprintf("$.organization.chain.edges[%d]", i)); ok {
							reason = joinReasons(reason, mk.Reason)
							reasonJA = joinReasons(reasonJA, mk.ReasonJA)
						}
					}
				}
			}
			switch {
			case reading == 0:
			case reading == o.Chain.ReportsTo(r):
				v += " (library's reading)"
			default:
				v += readingPrefix + rolesText(w, reading) + ")"
			}
			m.term(w, r, v, sortedCites(cs))
			if reason != "" {
				s := m[w.name(r)]
				s.reading = joinReasons(s.reading, reason)
				s.readingJA = joinReasons(s.readingJA, reasonJA)
				m[w.name(r)] = s
			}
		}
	case AspectAppointment:
		if o == nil {
			break
		}
		for r := range o.Appointments.Roles().All() {
			var holders []string
			var cs council.Citations
			for _, ap := range o.Appointments.Of(r) {
				holders = append(holders, ap.Holder)
				cs = cs.With(ap.Cite)
			}
			slices.Sort(holders)
			m.term(w, r, strings.Join(holders, ", "), sortedCites(cs))
		}
	case AspectChair:
		if o == nil {
			break
		}
		for i, k := range o.Councils {
			v := "not named"
			if k.Chair != 0 {
				v = w.name(k.Chair)
			}
			path := fmt.Sprintf("$.organization.councils[%d].chair", i)
			r, reading := markAt(ky, p.Readings, path)
			if reading {
				v += readingSuffix
			}
			m.term(w, k.Body, v, k.Cites)
			if reading {
				s := m[w.name(k.Body)]
				s.reading = joinReasons(s.reading, r.Reason)
				s.readingJA = joinReasons(s.readingJA, r.ReasonJA)
				m[w.name(k.Body)] = s
			}
		}
	case AspectConvening, AspectAgendaItem:
		if o == nil {
			break
		}
		for _, tr := range council.AllTriggers() {
			cv, err := council.Convene(*o, tr)
			if err != nil || !cv.Named {
				continue
			}
			if a == AspectConvening {
				v := "none"
				if cv.Meets {
					v = w.name(cv.Body)
				}
				m.put(tr.String(), v, cv.Cites)
				continue
			}
			if !cv.Meets || !cv.Agenda.IsValid() {
				continue
			}
			ag, err := o.Agenda(cv.Agenda)
			if err != nil {
				continue
			}
			for _, it := range ag.Items {
				m.put(tr.String()+"/"+it.Key, it.Title, council.Cites(it.Cite))
			}
		}
	case AspectInvestigation:
		if f == nil {
			break
		}
		// checks are the plan's: name them by its term IDs
		for _, iv := range f.Investigations {
			s := make([]string, len(iv.Probes))
			for i, c := range iv.Probes {
				s[i] = w.name(c)
			}
			m.put(iv.Kind.String(), strings.Join(s, ", "), iv.Cites)
		}
	case AspectNetwork:
		if o == nil {
			break
		}
		for _, nw := range o.Networks {
			for _, x := range nw.Members {
				v := nw.Name
				if x == nw.Keeper {
					v += " (hub)"
				}
				m.term(w, x, v, nw.Cites)
			}
		}
	case AspectSystem:
		if p.Continuity == nil || p.Continuity.Inventory == nil {
			break
		}
		for _, s := range p.Continuity.Inventory.Systems {
			m.put(s.ID, s.Name+" / "+s.Owner+" / "+s.Scale.String(), s.Citations)
		}
	case AspectObligation:
		if p.Measures == nil {
			break
		}
		for _, o := range p.Measures.Obligations {
			m.put(o.Key, obligationText(w, o), o.Citations)
		}
	}
	return m
}

// obligationText is an obligation as a Compare value: "by (who): task",
// then when, on what occasion and whether it is only a power.
func obligationText(w *words, o measures.Obligation) string {
	var who []string
	for _, a := range o.By {
		who = append(who, w.name(a))
	}
	if o.Who != "" {
		who = append(who, o.Who)
	}
	v := strings.Join(who, ", ")
	if v == "" {
		v = "—"
	}
	v += ": " + o.Task
	if len(o.To) > 0 {
		var to []string
		for _, a := range o.To {
			to = append(to, w.name(a))
		}
		v += " → " + strings.Join(to, ", ")
	}
	if o.When != "" {
		v += " [" + o.When + "]"
	}
	if o.On != "" {
		v += " (" + o.On + ")"
	}
	if o.May {
		v += " (may)"
	}
	return v
}

func rolesText(w *words, rs council.Roles) string {
	var s []string
	for r := range rs.All() {
		s = append(s, w.name(r))
	}
	return strings.Join(s, ", ")
}
