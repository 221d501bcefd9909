package drill

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// ParseScenario decodes a scenario for plan p from its JSON form (see
// [Scenario.MarshalJSON]) strictly and validates it: malformed JSON, a value
// that is not an object where one is needed, an unknown or repeated field,
// a bad value, events out of time order and every problem [Scenario.Validate]
// finds are errors naming their JSON path ("$.events[2].kind"), each a
// [*PathError] wrapping [ErrScenario]. It never panics.
//
// It reads the names of actors, detection triggers and symptoms in p's words
// as well as the engine's: a term's ID or label in p's [bcp.Vocabulary] names
// the value the plan declares for it (symptoms, triggers and most positions
// and parties are the plan's own). Under the zero Plan it reads only the
// engine's names (and "symptom#n" for a value a plan declares).
func ParseScenario(p bcp.Plan, data []byte) (Scenario, error) {
	var s Scenario
	w := p.Vocabulary.Dictionary()
	if err := s.decode(data, &w, p.Threat); err != nil {
		return Scenario{}, err
	}
	if err := s.Validate(); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [ParseScenario], without the final Validate. *s is unchanged on error.
func (s *Scenario) UnmarshalJSON(data []byte) error { return s.decode(data, nil, nil) }

// scenarioFile starts the messages of scenario files.
const scenarioFile = "drill: scenario"

// decode decodes data into *s, reading names in the words of w too (when
// not nil).
func (s *Scenario) decode(data []byte, w *bcp.Dictionary, sp *threat.Spec) error {
	return decodePart(data, s, w, sp, (*scenarioDecoder).scenario)
}

// decodePart decodes one scenario file or part of one (an event, a status)
// into *dst with the module's strict decoder (internal/jsonfile), reading
// names in the words of w too (when not nil); on error *dst is unchanged.
// Every problem is a [*PathError] wrapping [ErrScenario].
//
// at is the path of the part in its file, when it is read alone: problems
// name their paths from it.
func decodePart[T any](data []byte, dst *T, w *bcp.Dictionary, sp *threat.Spec, decode func(d *scenarioDecoder, n *jsonfile.Node, out *T), at ...jsonfile.Segment) error {
	root, err := jsonfile.Parse(scenarioFile, data)
	if err != nil {
		if pe, ok := err.(*PathError); ok {
			path := jsonfile.Path(at) + strings.TrimPrefix(pe.Path, "$")
			return &PathError{File: pe.File, Path: path, Err: &scenarioProblem{text: problem.Strip(pe.Err.Error()), err: pe.Err}}
		}
		return err
	}
	d := &scenarioDecoder{words: w, threat: sp}
	d.File = scenarioFile
	for _, s := range at {
		if s.Index >= 0 {
			d.Index(s.Index)
		} else {
			d.Key(s.Key)
		}
	}
	var out T
	decode(d, root, &out)
	if err := problem.Join(d.Errs...); err != nil {
		return err
	}
	*dst = out
	return nil
}

// scenarioProblem is the problem of a [*PathError] of a scenario: it says
// what is wrong and wraps [ErrScenario] and the error underneath, if any.
type scenarioProblem struct {
	text string
	err  error
}

func (p *scenarioProblem) Error() string { return p.text }

func (p *scenarioProblem) Unwrap() []error {
	if p.err != nil {
		return []error{ErrScenario, p.err}
	}
	return []error{ErrScenario}
}

// scenarioDecoder is the shared strict decoder walking a scenario's tree
// field by field, with a plan's words.
type scenarioDecoder struct {
	jsonfile.Decoder
	words  *bcp.Dictionary // a plan's vocabulary, or nil
	threat *threat.Spec    // a plan's threat spec, whose declared kinds and attributes an act may name; or nil
}

// fail records a problem at the current path.
func (d *scenarioDecoder) fail(text string, err error) {
	d.Errs = append(d.Errs, &PathError{File: scenarioFile, Path: d.Path(), Err: &scenarioProblem{text: text, err: err}})
}

// want reports whether n is of kind, and records a problem when it is not.
func (d *scenarioDecoder) want(n *jsonfile.Node, kind byte, what string) bool {
	if n.Kind != kind {
		d.fail("want "+what+", got "+n.Describe(), nil)
		return false
	}
	return true
}

// object decodes object n, calling field with each key and value in the
// order they appear, inside the key's path; field reports whether it knows
// the key. An unknown field is an error (the parser has rejected keys given
// twice).
func (d *scenarioDecoder) object(n *jsonfile.Node, field func(key string, v *jsonfile.Node) bool) {
	if !d.want(n, '{', "an object") {
		return
	}
	for _, v := range n.Vals {
		d.Key(v.Key)
		if !field(v.Key, v) {
			d.fail("unknown field", problem.ErrUnknownField)
		}
		d.Pop()
	}
}

func (d *scenarioDecoder) array(n *jsonfile.Node, each func(int, *jsonfile.Node)) {
	if !d.want(n, '[', "an array") {
		return
	}
	for i, m := range n.Vals {
		d.Index(i)
		each(i, m)
		d.Pop()
	}
}

func (d *scenarioDecoder) scenario(n *jsonfile.Node, out *Scenario) {
	d.object(n, func(key string, v *jsonfile.Node) bool {
		switch key {
		case "id":
			d.str(v, &out.ID)
		case "plan":
			d.str(v, &out.Plan)
		case "title":
			d.str(v, &out.Title)
		case "events":
			if v.Kind == '[' && len(v.Vals) > 0 {
				out.Events = make([]Event, 0, len(v.Vals))
			}
			d.array(v, func(i int, m *jsonfile.Node) {
				// Decoded in place: an Event taken by address would
				// escape, one heap copy per event.
				out.Events = append(out.Events, Event{})
				d.event(m, &out.Events[len(out.Events)-1])
			})
		default:
			return false
		}
		return true
	})
}

func (d *scenarioDecoder) str(n *jsonfile.Node, dst *string) {
	if d.want(n, '"', "a string") {
		*dst = n.Text
	}
}

func (d *scenarioDecoder) text(n *jsonfile.Node, dst encoding.TextUnmarshaler) {
	if !d.want(n, '"', "a string") {
		return
	}
	if d.term(n.Text, dst) {
		return
	}
	if err := dst.UnmarshalText(d.Bytes(n.Text)); err != nil {
		d.fail(problem.Strip(err.Error()), err)
	}
}

func (d *scenarioDecoder) boolean(n *jsonfile.Node, dst *bool) {
	if d.want(n, 'b', "a boolean") {
		*dst = n.Text == "true"
	}
}

func (d *scenarioDecoder) integer(n *jsonfile.Node, dst *int) {
	if !d.want(n, 'n', "a number") {
		return
	}
	x, err := strconv.Atoi(n.Text)
	if err != nil {
		d.fail(jsonfile.NumberProblem(n.Text, errors.Is(err, strconv.ErrRange), fmt.Sprintf("%d to %d", math.MinInt, math.MaxInt)), bcp.ErrInvalid)
		return
	}
	*dst = x
}

func (d *scenarioDecoder) instant(n *jsonfile.Node, dst *time.Time) {
	if !d.want(n, '"', "a string") {
		return
	}
	t, err := time.Parse(time.RFC3339, n.Text)
	if err != nil {
		d.fail(fmt.Sprintf("%s is not an RFC 3339 time", problem.Quote(n.Text)), nil)
		return
	}
	*dst = t
}

func (d *scenarioDecoder) duration(n *jsonfile.Node, dst *time.Duration) {
	if !d.want(n, '"', "a string") {
		return
	}
	v, err := duration.Parse(n.Text)
	if err != nil {
		d.fail(err.Error(), nil)
		return
	}
	*dst = v
}

func (d *scenarioDecoder) threatEvent(n *jsonfile.Node, dst *threat.Event) {
	var e threat.Event
	d.object(n, func(key string, v *jsonfile.Node) bool {
		switch key {
		case "kind":
			if d.threat != nil && len(d.threat.Kinds) > 0 {
				var s string
				if d.str(v, &s); s != "" {
					k, err := d.threat.ParseKind(s)
					if err != nil {
						d.fail(problem.Strip(err.Error()), err)
					}
					e.Kind = k
				}
				return true
			}
			d.text(v, &e.Kind)
		case "place":
			d.text(v, &e.Place)
		case "firewall":
			d.text(v, &e.Firewall)
		case "severity":
			d.text(v, &e.Severity)
		case "source":
			d.text(v, &e.Source)
		default:
			// An attribute the plan declares ("cause": "found"), or one in
			// the engine's words ("attribute#4": "1").
			if (d.threat == nil || len(d.threat.Attributes) == 0) && !strings.HasPrefix(key, "attribute#") {
				return false
			}
			var s string
			if d.str(v, &s); s != "" {
				a, x, err := d.threat.ParseAttribute(key, s)
				if err != nil {
					d.fail(problem.Strip(err.Error()), err)
				}
				e = e.With(a, x)
			}
		}
		return true
	})
	*dst = e
}

func (d *scenarioDecoder) status(n *jsonfile.Node, dst *Status) {
	var s Status
	d.object(n, func(key string, v *jsonfile.Node) bool {
		switch key {
		case "serverDown":
			d.boolean(v, &s.ServerDown)
		case "causeUnknown":
			d.boolean(v, &s.CauseUnknown)
		case "operationImpossible":
			d.boolean(v, &s.OperationImpossible)
		case "identityAffected":
			d.boolean(v, &s.IdentityAffected)
		case "impact":
			d.integer(v, &s.Impact)
		case "expectedStop":
			d.duration(v, &s.ExpectedStop)
		case "expected":
			d.instant(v, &s.Expected)
		case "up":
			d.array(v, func(i int, m *jsonfile.Node) {
				var x bcp.Service
				d.text(m, &x)
				s.Up = s.Up.With(x)
			})
		case "changed":
			d.array(v, func(i int, m *jsonfile.Node) {
				var x bcp.Field
				d.text(m, &x)
				s.Changed = s.Changed.With(x)
			})
		default:
			return false
		}
		return true
	})
	*dst = s
}

func (d *scenarioDecoder) event(n *jsonfile.Node, e *Event) {
	d.object(n, func(key string, v *jsonfile.Node) bool {
		switch key {
		case "at":
			d.instant(v, &e.At)
		case "kind":
			d.text(v, &e.Kind)
		case "by":
			d.text(v, &e.By)
		case "trigger":
			d.text(v, &e.Trigger)
		case "symptom":
			d.text(v, &e.Symptom)
		case "act":
			d.threatEvent(v, &e.Act)
		case "learned":
			d.threatEvent(v, &e.Learned)
		case "judgement":
			d.text(v, &e.Judgement)
		case "reason":
			d.str(v, &e.Reason)
		case "status":
			d.status(v, &e.Status)
		default:
			return false
		}
		return true
	})
}

// MarshalJSON implements [json.Marshaler]: an object with "id", "plan",
// "title" and "events"; each event has "at" (RFC 3339, Japan time), "kind"
// and the fields its kind uses, enums by English name, durations as people
// write them ("2d", "8h"), sets as arrays. An invalid value is an error.
func (s Scenario) MarshalJSON() ([]byte, error) { return s.marshal(nil, nil) }

// MarshalScenario encodes s as [Scenario.MarshalJSON] does, but names its
// actors, detection triggers and symptoms in p's words: by the ID of the
// term p's [bcp.Vocabulary] has for each (a value p does not declare keeps
// the engine's name), and the threat kinds, attributes and values p's
// threat spec declares by their IDs. [ParseScenario] under p reads it back.
func MarshalScenario(p bcp.Plan, s Scenario) ([]byte, error) {
	w := p.Vocabulary.Dictionary()
	return s.marshal(&w, p.Threat)
}

// marshal encodes s, naming values in the words of w and sp too (when not
// nil).
func (s Scenario) marshal(w *bcp.Dictionary, sp *threat.Spec) ([]byte, error) {
	type jsc struct {
		ID     string            `json:"id"`
		Plan   string            `json:"plan"`
		Title  string            `json:"title,omitempty"`
		Events []json.RawMessage `json:"events"`
	}
	out := jsc{ID: s.ID, Plan: s.Plan, Title: s.Title, Events: []json.RawMessage{}}
	var errs []error
	for i, e := range s.Events {
		b, err := e.marshal(w, sp)
		if err != nil {
			errs = append(errs, problem.Wrap(fmt.Sprintf("drill: scenario: events[%d]", i), err))
			continue
		}
		out.Events = append(out.Events, b)
	}
	if err := problem.Join(errs...); err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

// MarshalJSON implements [json.Marshaler]: the event as a scenario file
// holds it (see [Scenario.MarshalJSON]). An invalid value is an error.
func (e Event) MarshalJSON() ([]byte, error) { return e.marshal(nil, nil) }

// marshal encodes e, naming its actor, trigger and symptom by their term
// IDs in w, and the threat kind and attributes sp declares by theirs (when
// not nil).
func (e Event) marshal(w *bcp.Dictionary, sp *threat.Spec) ([]byte, error) {
	type jev struct {
		At        string          `json:"at"`
		Kind      EventKind       `json:"kind"`
		By        json.RawMessage `json:"by,omitempty"`
		Trigger   json.RawMessage `json:"trigger,omitempty"`
		Symptom   json.RawMessage `json:"symptom,omitempty"`
		Act       json.RawMessage `json:"act,omitempty"`
		Learned   json.RawMessage `json:"learned,omitempty"`
		Judgement json.RawMessage `json:"judgement,omitempty"`
		Reason    string          `json:"reason,omitempty"`
		Status    json.RawMessage `json:"status,omitempty"`
	}
	var errs []error
	j := jev{At: jstText(e.At), Kind: e.Kind, Reason: e.Reason}
	txt := func(v encoding.TextMarshaler) json.RawMessage {
		b, err := v.MarshalText()
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		switch x := v.(type) {
		case council.Actor, fault.Signal, fault.Symptom:
			if w != nil {
				b = []byte(w.Name(x.(labeled)))
			}
		}
		r, _ := json.Marshal(string(b))
		return r
	}
	if e.By != (council.Actor{}) {
		j.By = txt(e.By)
	}
	if e.Trigger != 0 {
		j.Trigger = txt(e.Trigger)
	}
	if e.Symptom != 0 {
		j.Symptom = txt(e.Symptom)
	}
	if e.Act != (threat.Event{}) {
		j.Act = marshalThreatEvent(e.Act, sp)
	}
	if e.Learned != (threat.Event{}) {
		j.Learned = marshalThreatEvent(e.Learned, sp)
	}
	if e.Judgement != 0 {
		j.Judgement = txt(e.Judgement)
	}
	if e.Status != (Status{}) {
		j.Status = marshalStatus(e.Status)
	}
	if err := problem.Join(errs...); err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// one event of [ParseScenario]; on error *e is unchanged.
func (e *Event) UnmarshalJSON(data []byte) error {
	return decodePart(data, e, nil, nil, (*scenarioDecoder).event)
}

// MarshalJSON implements [json.Marshaler]: the status as a scenario file
// holds it, durations as people write them ("2d", "8h"), sets as arrays of names.
func (s Status) MarshalJSON() ([]byte, error) { return marshalStatus(s), nil }

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [ParseScenario]; on error *s is unchanged.
func (s *Status) UnmarshalJSON(data []byte) error {
	return decodePart(data, s, nil, nil, (*scenarioDecoder).status)
}

// marshalThreatEvent writes e as an object, a kind and the attributes sp
// declares (when not nil) by their IDs, and any other in the engine's words
// ("kind#13", "attribute#4": "1").
func marshalThreatEvent(e threat.Event, sp *threat.Spec) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	sep := ""
	field := func(k, v string) {
		q, _ := json.Marshal(k)
		b.WriteString(sep)
		b.Write(q)
		q, _ = json.Marshal(v)
		b.WriteByte(':')
		b.Write(q)
		sep = ","
	}
	put := func(k string, v encoding.TextMarshaler, set bool) {
		if !set {
			return
		}
		t, err := v.MarshalText()
		if err != nil {
			t = []byte("invalid")
		}
		field(k, string(t))
	}
	if kt := declaredKind(sp, e.Kind); kt != nil {
		field("kind", kt.ID)
	} else {
		put("kind", e.Kind, e.Kind != 0)
	}
	put("place", e.Place, e.Place != 0)
	put("firewall", e.Firewall, e.Firewall != 0)
	put("severity", e.Severity, e.Severity != 0)
	for i, v := range e.Declared.All() {
		if v == 0 {
			continue
		}
		if at := declaredAttribute(sp, i); at != nil && int(v) <= len(at.Values) {
			field(at.ID, at.Values[v-1].ID)
		} else {
			field(threat.DeclaredAttribute(i).String(), strconv.Itoa(int(v)))
		}
	}
	put("source", e.Source, e.Source != 0)
	b.WriteByte('}')
	return b.Bytes()
}

func marshalStatus(s Status) json.RawMessage {
	type js struct {
		ServerDown          bool     `json:"serverDown,omitempty"`
		CauseUnknown        bool     `json:"causeUnknown,omitempty"`
		OperationImpossible bool     `json:"operationImpossible,omitempty"`
		IdentityAffected    bool     `json:"identityAffected,omitempty"`
		Impact              int      `json:"impact,omitempty"`
		ExpectedStop        string   `json:"expectedStop,omitempty"`
		Up                  []string `json:"up,omitempty"`
		Expected            string   `json:"expected,omitempty"`
		Changed             []string `json:"changed,omitempty"`
	}
	o := js{ServerDown: s.ServerDown, CauseUnknown: s.CauseUnknown, OperationImpossible: s.OperationImpossible,
		IdentityAffected: s.IdentityAffected, Impact: s.Impact}
	if s.ExpectedStop != 0 {
		o.ExpectedStop = duration.Format(s.ExpectedStop)
	}
	if !s.Expected.IsZero() {
		o.Expected = jstText(s.Expected)
	}
	for v := range s.Up.All() {
		o.Up = append(o.Up, v.String())
	}
	for v := range s.Changed.All() {
		o.Changed = append(o.Changed, v.String())
	}
	b, _ := json.Marshal(o)
	return b
}

// term sets *dst to the value the plan's vocabulary names s, and reports
// whether it names one.
func (d *scenarioDecoder) term(s string, dst encoding.TextUnmarshaler) bool {
	if d.words == nil {
		return false
	}
	ok := false
	switch v := dst.(type) {
	case *council.Actor:
		*v, ok = d.words.Actor(s)
	case *fault.Signal:
		*v, ok = d.words.Signal(s)
	case *fault.Symptom:
		*v, ok = d.words.Symptom(s)
	}
	return ok
}

// labeled is a value that prints itself in the engine's words.
type labeled interface {
	Label() string
	String() string
}

// declaredKind returns the term sp declares for kind k, or nil when k is
// not one sp declares (or sp is nil).
func declaredKind(sp *threat.Spec, k threat.ActKind) *threat.KindTerm {
	i := int(k) - int(threat.DeclaredKind(0))
	if sp == nil || !k.IsDeclared() || i >= len(sp.Kinds) {
		return nil
	}
	return &sp.Kinds[i]
}

// declaredAttribute returns the term sp declares for the i-th declared
// attribute, or nil.
func declaredAttribute(sp *threat.Spec, i int) *threat.AttributeTerm {
	if sp == nil || i < 0 || i >= len(sp.Attributes) || i >= threat.MaxDeclared {
		return nil
	}
	return &sp.Attributes[i]
}
