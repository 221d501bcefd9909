package bcp

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Word is a value of one of the engine's open vocabularies: a position
// ([council.Role]), a party ([council.Party]), a body ([council.Body]), a
// symptom, detection trigger, investigation step or fault location (package
// fault) or a contact channel ([Channel]). The engine names some values of
// each (the functions and standard kinds its rules understand); a plan
// declares the rest, and its own words for all of them, in its [Vocabulary].
// The closed kinds ([FlowStep], [Field], [Incident], [Pattern], [Audience]) have
// only the engine's values: a plan gives its own words for them.
type Word interface {
	~uint8
	IsValid() bool
	String() string
	Label() string
}

// A Term is one word of a plan's vocabulary, as the plan's document writes
// it: a position inside the municipality, a party outside it, a body, a
// symptom and so on.
//
// A term stands for one value of its kind. With a Function, it is the
// engine's value of that function (the first term of the kind to name the
// function; any later one gets a value of its own that acts as it). Without
// one, the plan declares a value the engine has no rule for: it takes part
// in chains, councils and drills by identity, and prints in the plan's words.
type Term[V Word] struct {
	// ID is how the rest of the plan file names the term (its label is
	// accepted too). Unique within the plan's positions and parties
	// together, and within each other kind.
	ID string `json:"id,omitzero"`
	// Label is the term exactly as the document writes it; required.
	Label string `json:"label,omitzero"`
	// LabelEN is the English label the outputs in English use; without
	// one they use the engine's English name of the function, or the ID.
	LabelEN string `json:"labelEn,omitempty"`
	// Function is the engine's value the term acts as; zero for none.
	Function V `json:"function,omitzero"`
	// Note says why the label is not the document's own, where it is not
	// (the library's term for something the document leaves unnamed).
	Note string `json:"note,omitempty"`
	// Cites are the clauses that define or first name the term.
	Cites council.Citations `json:"cites,omitzero"`
}

// Vocabulary is a plan's own words: the terms its document uses for the
// engine's values. Every output of the plan (timelines in both languages,
// diagrams, Check findings, Compare tables) uses them. A value the plan uses
// but does not declare prints in the engine's words.
//
// The zero Vocabulary declares nothing.
type Vocabulary struct {
	Positions []Term[council.Role]   `json:"positions,omitempty"` // posts inside the municipality
	Parties   []Term[council.Party]  `json:"parties,omitempty"`   // bodies and people outside it
	Bodies    []Term[council.Body]   `json:"bodies,omitempty"`    // councils and other deliberating bodies
	Symptoms  []Term[fault.Symptom]  `json:"symptoms,omitempty"`  // what staff observe when something fails
	Triggers  []Term[fault.Signal]   `json:"triggers,omitempty"`  // how a fault is detected
	Checks    []Term[fault.Probe]    `json:"checks,omitempty"`    // steps of the root-cause investigation
	Locations []Term[fault.Location] `json:"locations,omitempty"` // where a fault lies
	Channels  []Term[Channel]        `json:"channels,omitempty"`  // ways of making contact
	// The kinds below are closed: the engine's rules depend on each value,
	// so every term names the Function it stands for, and a plan gives only
	// its own words for them.
	Steps     []Term[FlowStep] `json:"steps,omitempty"`     // steps of the recovery flow
	Fields    []Term[Field]    `json:"fields,omitempty"`    // items of a fault report
	Incidents []Term[Incident] `json:"incidents,omitempty"` // kinds of incident with routes outside
	Patterns  []Term[Pattern]  `json:"patterns,omitempty"`  // outage patterns contact is prepared for
	Audiences []Term[Audience] `json:"audiences,omitempty"` // who a contact goes to, and from whom
}

// Clone returns a deep copy of v: nothing of it shares storage with v.
func (v Vocabulary) Clone() Vocabulary {
	return Vocabulary{
		Positions: cloneTerms(v.Positions), Parties: cloneTerms(v.Parties), Bodies: cloneTerms(v.Bodies),
		Symptoms: cloneTerms(v.Symptoms), Triggers: cloneTerms(v.Triggers), Checks: cloneTerms(v.Checks),
		Locations: cloneTerms(v.Locations), Channels: cloneTerms(v.Channels),
		Steps: cloneTerms(v.Steps), Fields: cloneTerms(v.Fields), Incidents: cloneTerms(v.Incidents),
		Patterns: cloneTerms(v.Patterns), Audiences: cloneTerms(v.Audiences),
	}
}

// cloneTerms copies a list of terms; council.Citations is immutable.
func cloneTerms[V Word](ts []Term[V]) []Term[V] { return slices.Clone(ts) }

// vocabulary kinds, in the order of Vocabulary's fields.
const (
	wPosition = iota
	wParty
	wBody
	wSymptom
	wTrigger
	wCheck
	wLocation
	wChannel
	wStep
	wField
	wIncident
	wPattern
	wAudience
	nKinds
)

// wordKind describes one kind of the vocabulary: its value type, its JSON
// key, how many values the engine names (the rest, up to enum.MaxValue,
// are the plan's) and whether a plan may declare values of its own.
type wordKind struct {
	key    string
	typ    reflect.Type
	named  int
	closed bool // every term names its function: no value of the plan's own
}

var wordKinds = [nKinds]wordKind{
	{"positions", reflect.TypeFor[council.Role](), len(council.AllRoles()), false},
	{"parties", reflect.TypeFor[council.Party](), len(council.AllParties()), false},
	{"bodies", reflect.TypeFor[council.Body](), len(council.AllBodies()), false},
	{"symptoms", reflect.TypeFor[fault.Symptom](), len(fault.AllSymptoms()), false},
	{"triggers", reflect.TypeFor[fault.Signal](), len(fault.AllSignals()), false},
	{"checks", reflect.TypeFor[fault.Probe](), len(fault.AllProbes()), false},
	{"locations", reflect.TypeFor[fault.Location](), len(fault.AllLocations()), false},
	{"channels", reflect.TypeFor[Channel](), len(AllChannels()), false},
	{"steps", reflect.TypeFor[FlowStep](), len(AllFlowSteps()), true},
	{"fields", reflect.TypeFor[Field](), len(AllFields()), true},
	{"incidents", reflect.TypeFor[Incident](), len(AllIncidents()), true},
	{"patterns", reflect.TypeFor[Pattern](), len(AllPatterns()), true},
	{"audiences", reflect.TypeFor[Audience](), len(AllAudiences()), true},
}

// wordKindOf returns the vocabulary kind of values of type t, or -1.
func wordKindOf(t reflect.Type) int {
	for k := range wordKinds {
		if wordKinds[k].typ == t {
			return k
		}
	}
	return -1
}

// entry is one term reduced to what lookups need.
type entry struct {
	id, label, labelEN string
	function           uint8
}

func entries[V Word](terms []Term[V]) []entry {
	out := make([]entry, len(terms))
	for i, t := range terms {
		out[i] = entry{t.ID, t.Label, t.LabelEN, uint8(t.Function)}
	}
	return out
}

func (v *Vocabulary) entries() [nKinds][]entry {
	var out [nKinds][]entry
	for k := range out {
		out[k] = v.kindEntries(k)
	}
	return out
}

// kindEntries returns the terms of kind k (wPosition...).
func (v *Vocabulary) kindEntries(k int) []entry {
	switch k {
	case wPosition:
		return entries(v.Positions)
	case wParty:
		return entries(v.Parties)
	case wBody:
		return entries(v.Bodies)
	case wSymptom:
		return entries(v.Symptoms)
	case wTrigger:
		return entries(v.Triggers)
	case wCheck:
		return entries(v.Checks)
	case wLocation:
		return entries(v.Locations)
	case wChannel:
		return entries(v.Channels)
	case wStep:
		return entries(v.Steps)
	case wField:
		return entries(v.Fields)
	case wIncident:
		return entries(v.Incidents)
	case wPattern:
		return entries(v.Patterns)
	case wAudience:
		return entries(v.Audiences)
	}
	return nil
}

// lexicon is one kind's terms resolved: the value each term stands for, the
// term of each value, and the names the plan file may use.
type lexicon struct {
	values []uint8          // values[i] is the value of term i
	term   [64]int16        // term[v] is 1 + the index of v's term; 0 for none
	byName map[string]uint8 // term IDs and labels
}

// resolve assigns values to the terms of one kind: a term naming a function
// not yet taken gets the function's value; every other term the next value
// past the engine's named ones, in the order of the list. It returns the
// lexicon and, for a list too long to hold, an error.
func resolve(es []entry, named int) (lexicon, error) {
	var l lexicon
	l.values = make([]uint8, len(es))
	for i, e := range es {
		if f := int(e.function); f >= 1 && f <= named && l.term[f] == 0 {
			l.values[i] = e.function
			l.term[f] = int16(i + 1)
		}
	}
	next := named + 1
	for i := range es {
		if l.values[i] != 0 {
			continue
		}
		if next > enum.MaxValue {
			return l, fmt.Errorf("term %d: more than %d declared values: %w", i, enum.MaxValue-named, ErrBadValue)
		}
		l.values[i] = uint8(next)
		l.term[next] = int16(i + 1)
		next++
	}
	l.byName = make(map[string]uint8, 2*len(es))
	for i, e := range es {
		l.byName[e.id] = l.values[i]
	}
	for i, e := range es {
		if _, taken := l.byName[e.label]; !taken {
			l.byName[e.label] = l.values[i]
		}
	}
	return l, nil
}

// words is a plan's vocabulary resolved, kind by kind, for the codec and
// the renderers.
type words struct {
	es  [nKinds][]entry
	lex [nKinds]lexicon
}

// words resolves v. Errors (too many terms) are reported by validate; a
// lexicon that failed holds the values it could assign.
func (v *Vocabulary) words() *words {
	w := &words{es: v.entries()}
	for k := range w.es {
		w.lex[k], _ = resolve(w.es[k], wordKinds[k].named)
	}
	return w
}

// wordsOf resolves only the kinds ks of v: what a single lookup or label
// needs, so that it costs the terms of its kind, not the whole vocabulary.
func (v *Vocabulary) wordsOf(ks ...int) *words {
	w := &words{}
	for _, k := range ks {
		w.es[k] = v.kindEntries(k)
		w.lex[k], _ = resolve(w.es[k], wordKinds[k].named)
	}
	return w
}

// kindOfValue returns the vocabulary kinds a value of x's type is looked up
// in: one kind, positions and parties for an actor, none for another type.
func kindOfValue(x any) []int {
	if _, ok := x.(council.Actor); ok {
		return []int{wPosition, wParty}
	}
	if k := wordKindOf(reflect.TypeOf(x)); k >= 0 {
		return []int{k}
	}
	return nil
}

// lookup returns the value of kind k named by s in the plan file: a term's ID
// or label.
func (w *words) lookup(k int, s string) (uint8, bool) {
	if w == nil {
		return 0, false
	}
	v, ok := w.lex[k].byName[s]
	return v, ok
}

// declared reports whether value x of kind k has a term.
func (w *words) declared(k int, x uint8) bool {
	return w != nil && x < 64 && w.lex[k].term[x] != 0
}

// id returns the term ID of value x of kind k, and whether it has one that
// names it back (an empty or repeated ID of a malformed vocabulary does not).
func (w *words) id(k int, x uint8) (string, bool) {
	if !w.declared(k, x) {
		return "", false
	}
	id := w.es[k][w.lex[k].term[x]-1].id
	if v, ok := w.lex[k].byName[id]; !ok || v != x || id == "" {
		return "", false
	}
	return id, true
}

// label returns value x of kind k in lang: its term's label (Japanese) or
// English label, falling back to the engine's label or name (en, ja).
func (w *words) label(k int, x uint8, lang Lang, en, ja string) string {
	if w.declared(k, x) {
		e := w.es[k][w.lex[k].term[x]-1]
		if lang == Japanese {
			return e.label
		}
		switch {
		case e.labelEN != "":
			return e.labelEN
		case e.function != 0:
			return en
		}
		return e.id
	}
	if lang == Japanese {
		return ja
	}
	return en
}

// Label returns x in lang as the plan's vocabulary words it: the term's
// label in Japanese or its English label, or the engine's own label or name
// for a value the plan does not declare. x is a [council.Role],
// [council.Party], [council.Actor], [council.Body], [fault.Symptom],
// [fault.Signal], [fault.Probe], [fault.Location], [Channel], [FlowStep],
// [Field], [Incident], [Pattern] or [Audience]; any other
// value with Label and String methods prints in its own words.
func (v Vocabulary) Label(x interface {
	Label() string
	String() string
}, lang Lang) string {
	return v.wordsOf(kindOfValue(x)...).any(x, lang)
}

func (w *words) any(x interface {
	Label() string
	String() string
}, lang Lang) string {
	en, ja := x.String(), x.Label()
	switch x := x.(type) {
	case council.Actor:
		if x.Role != 0 && x.Party == 0 {
			return w.label(wPosition, uint8(x.Role), lang, en, ja)
		}
		if x.Party != 0 && x.Role == 0 {
			return w.label(wParty, uint8(x.Party), lang, en, ja)
		}
	case council.Role:
		return w.label(wPosition, uint8(x), lang, en, ja)
	case council.Party:
		return w.label(wParty, uint8(x), lang, en, ja)
	case council.Body:
		return w.label(wBody, uint8(x), lang, en, ja)
	case fault.Symptom:
		return w.label(wSymptom, uint8(x), lang, en, ja)
	case fault.Signal:
		return w.label(wTrigger, uint8(x), lang, en, ja)
	case fault.Probe:
		return w.label(wCheck, uint8(x), lang, en, ja)
	case fault.Location:
		return w.label(wLocation, uint8(x), lang, en, ja)
	case Channel:
		return w.label(wChannel, uint8(x), lang, en, ja)
	case FlowStep:
		return w.label(wStep, uint8(x), lang, en, ja)
	case Field:
		return w.label(wField, uint8(x), lang, en, ja)
	case Incident:
		return w.label(wIncident, uint8(x), lang, en, ja)
	case Pattern:
		return w.label(wPattern, uint8(x), lang, en, ja)
	case Audience:
		return w.label(wAudience, uint8(x), lang, en, ja)
	}
	if lang == Japanese {
		return ja
	}
	return en
}

// name returns the plan file's name for x: its term's ID, or the engine's
// name of a value the plan does not declare.
func (w *words) name(x labeled) string {
	k, v := -1, uint8(0)
	switch x := x.(type) {
	case council.Actor:
		if id, ok := w.termID(wActor, reflect.ValueOf(x)); ok {
			return id
		}
	case council.Role:
		k, v = wPosition, uint8(x)
	case council.Party:
		k, v = wParty, uint8(x)
	case council.Body:
		k, v = wBody, uint8(x)
	case fault.Symptom:
		k, v = wSymptom, uint8(x)
	case fault.Signal:
		k, v = wTrigger, uint8(x)
	case fault.Probe:
		k, v = wCheck, uint8(x)
	case fault.Location:
		k, v = wLocation, uint8(x)
	case Channel:
		k, v = wChannel, uint8(x)
	case FlowStep:
		k, v = wStep, uint8(x)
	case Field:
		k, v = wField, uint8(x)
	case Incident:
		k, v = wIncident, uint8(x)
	case Pattern:
		k, v = wPattern, uint8(x)
	case Audience:
		k, v = wAudience, uint8(x)
	}
	if k >= 0 {
		if id, ok := w.id(k, v); ok {
			return id
		}
	}
	return x.String()
}

// Role returns the position the vocabulary names id (a term's ID or label).
func (v Vocabulary) Role(id string) (council.Role, bool) {
	x, ok := v.wordsOf(wPosition).lookup(wPosition, id)
	return council.Role(x), ok
}

// Party returns the party the vocabulary names id (a term's ID or label).
func (v Vocabulary) Party(id string) (council.Party, bool) {
	x, ok := v.wordsOf(wParty).lookup(wParty, id)
	return council.Party(x), ok
}

// Body returns the body the vocabulary names id (a term's ID or label).
func (v Vocabulary) Body(id string) (council.Body, bool) {
	x, ok := v.wordsOf(wBody).lookup(wBody, id)
	return council.Body(x), ok
}

// Symptom returns the symptom the vocabulary names id (a term's ID or label).
func (v Vocabulary) Symptom(id string) (fault.Symptom, bool) {
	x, ok := v.wordsOf(wSymptom).lookup(wSymptom, id)
	return fault.Symptom(x), ok
}

// Signal returns the detection trigger the vocabulary names id (a term's
// ID or label).
func (v Vocabulary) Signal(id string) (fault.Signal, bool) {
	x, ok := v.wordsOf(wTrigger).lookup(wTrigger, id)
	return fault.Signal(x), ok
}

// Probe returns the investigation step the vocabulary names id (a term's ID
// or label).
func (v Vocabulary) Probe(id string) (fault.Probe, bool) {
	x, ok := v.wordsOf(wCheck).lookup(wCheck, id)
	return fault.Probe(x), ok
}

// Location returns the fault location the vocabulary names id (a term's ID
// or label).
func (v Vocabulary) Location(id string) (fault.Location, bool) {
	x, ok := v.wordsOf(wLocation).lookup(wLocation, id)
	return fault.Location(x), ok
}

// Channel returns the channel the vocabulary names id (a term's ID or label).
func (v Vocabulary) Channel(id string) (Channel, bool) {
	x, ok := v.wordsOf(wChannel).lookup(wChannel, id)
	return Channel(x), ok
}

// validate reports malformed terms: an empty or control-character ID or
// label, an ID given twice (positions and parties share one space, as the
// plan file names actors by them), an invalid function, more terms than
// values.
func (v *Vocabulary) validate(path string) []error {
	var errs []error
	es := v.entries()
	actors := map[string]string{}
	for k := range es {
		ids := map[string]int{}
		labels := map[string]int{}
		var fns [64]int16 // for a closed kind, 1 + the term of each function
		for i, e := range es[k] {
			at := fmt.Sprintf("%s.%s[%d]", path, wordKinds[k].key, i)
			switch {
			case e.id == "":
				errs = append(errs, pathErr(at+".id", ErrBadValue, "empty"))
			case strings.TrimSpace(e.id) != e.id || problem.BadText(e.id) != "":
				errs = append(errs, pathErr(at+".id", ErrBadValue, "%s: leading or trailing space, a control character or invalid UTF-8", problem.Quote(e.id)))
			}
			if e.label == "" {
				errs = append(errs, pathErr(at+".label", ErrBadValue, "empty: give the term as the document writes it"))
			} else if problem.BadText(e.label) != "" {
				errs = append(errs, pathErr(at+".label", ErrBadValue, "%s: a control character or invalid UTF-8", problem.Quote(e.label)))
			}
			switch {
			case e.function != 0 && int(e.function) > wordKinds[k].named:
				errs = append(errs, pathErr(at+".function", ErrBadValue, "not one of the engine's values"))
			case e.function == 0 && wordKinds[k].closed:
				errs = append(errs, pathErr(at+".function", ErrBadValue, "missing: a plan gives its words for the engine's %s, it declares none of its own", wordKinds[k].key))
			case wordKinds[k].closed && fns[e.function] != 0:
				errs = append(errs, pathErr(at+".function", ErrDuplicate, "%s is also the function of term %d", problem.Quote(wordKinds[k].typ.Name()+"#"+fmt.Sprint(e.function)), fns[e.function]-1))
			case wordKinds[k].closed:
				fns[e.function] = int16(i + 1)
			}
			if j, dup := ids[e.id]; dup && e.id != "" {
				errs = append(errs, pathErr(at+".id", ErrDuplicate, "%s is also term %d", problem.Quote(e.id), j))
			}
			ids[e.id] = i
			if j, dup := labels[e.label]; dup && e.label != "" {
				errs = append(errs, pathErr(at+".label", ErrDuplicate, "%s is also the label of term %d", problem.Quote(e.label), j))
			}
			labels[e.label] = i
			if k == wPosition || k == wParty {
				if other, dup := actors[e.id]; dup && other != wordKinds[k].key && e.id != "" {
					errs = append(errs, pathErr(at+".id", ErrDuplicate, "%s also names one of the %s", problem.Quote(e.id), other))
				}
				actors[e.id] = wordKinds[k].key
			}
		}
		if _, err := resolve(es[k], wordKinds[k].named); err != nil {
			errs = append(errs, pathErrs(path+"."+wordKinds[k].key, err)...)
		}
	}
	return errs
}

// term sets v, a value of vocabulary kind w (or an actor), to the term the
// plan file names s, and reports whether a term does.
func (d *decoder) term(v reflect.Value, w int, s string) bool {
	if w == wActor {
		if x, ok := d.words.lookup(wPosition, s); ok {
			v.Set(reflect.ValueOf(council.ByRole(council.Role(x))))
			return true
		}
		if x, ok := d.words.lookup(wParty, s); ok {
			v.Set(reflect.ValueOf(council.ByParty(council.Party(x))))
			return true
		}
		return false
	}
	x, ok := d.words.lookup(w, s)
	if ok {
		v.SetUint(uint64(x))
	}
	return ok
}

// undeclared reports a value the file spells by number ("role#30") that no
// term of the plan's vocabulary declares.
func (d *decoder) undeclared(v reflect.Value, w int, s string) {
	k, x := w, uint8(0)
	if w == wActor {
		a, _ := v.Interface().(council.Actor)
		k, x = wPosition, uint8(a.Role)
		if a.Party != 0 {
			k, x = wParty, uint8(a.Party)
		}
	} else {
		x = uint8(v.Uint())
	}
	if int(x) > wordKinds[k].named && !d.words.declared(k, x) {
		d.Bad(ErrBadValue, "%s: no term of the plan's %s declares it", problem.Quote(s), wordKinds[k].key)
	}
}

// termID returns the term ID the plan file writes for v, a value of
// vocabulary kind w (or an actor), and whether it has one.
func (w *words) termID(k int, v reflect.Value) (string, bool) {
	switch {
	case k < 0:
		return "", false
	case k == wActor:
		a, _ := v.Interface().(council.Actor)
		if a.Role != 0 && a.Party == 0 {
			return w.id(wPosition, uint8(a.Role))
		}
		if a.Party != 0 && a.Role == 0 {
			return w.id(wParty, uint8(a.Party))
		}
		return "", false
	}
	return w.id(k, uint8(v.Uint()))
}
