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
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// ParseScenario decodes a scenario for plan p from its JSON form (see
// [Scenario.MarshalJSON]) strictly and validates it: malformed JSON, a value
// that is not an object where one is needed, an unknown or repeated field,
// a bad value, events out of time order and every problem [Scenario.Validate]
// finds are errors naming their JSON path ("$.events[2].kind"), each a
// *ScenarioError wrapping ErrScenario. It never panics.
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

// decode decodes data into *s, reading names in the words of w and of the
// threat spec sp too (when not nil).
func (s *Scenario) decode(data []byte, w *bcp.Dictionary, sp *threat.Spec) error {
	if !utf8.Valid(data) {
		return &ScenarioError{Path: "$", Problem: fmt.Sprintf("invalid UTF-8 at byte %d", invalidUTF8(data)), Err: bcp.ErrInvalid}
	}
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return &ScenarioError{Path: "$", Problem: fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, err)}
		}
		return &ScenarioError{Path: "$", Problem: "malformed JSON", Err: err}
	}
	d := &scenarioDecoder{words: w, threat: sp}
	var out Scenario
	d.object(data, "$", func(key []byte, b []byte, p string) bool {
		switch string(key) {
		case "id":
			d.str(b, p, &out.ID)
		case "plan":
			d.str(b, p, &out.Plan)
		case "title":
			d.str(b, p, &out.Title)
		case "events":
			if n := arrayLen(b); n > 0 {
				out.Events = make([]Event, 0, n)
			}
			d.array(b, p, func(i int, b []byte, p string) {
				var e Event
				d.event(b, p, &e)
				out.Events = append(out.Events, e)
			})
		default:
			return false
		}
		return true
	})
	if err := problem.Join(d.errs...); err != nil {
		return err
	}
	*s = out
	return nil
}

type scenarioDecoder struct {
	errs   []error
	words  *bcp.Dictionary // a plan's vocabulary, or nil
	threat *threat.Spec    // a plan's threat spec, whose declared kinds and attributes an act may name; or nil
}

func (d *scenarioDecoder) fail(path, problem string, err error) {
	d.errs = append(d.errs, &ScenarioError{Path: path, Problem: problem, Err: err})
}

func describe(b []byte) string {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		return "nothing"
	case b[0] == '{':
		return "an object"
	case b[0] == '[':
		return "an array"
	case b[0] == '"':
		return "a string"
	case string(b) == "null":
		return "null"
	case string(b) == "true" || string(b) == "false":
		return "a boolean"
	}
	return "a number"
}

// object decodes a JSON object, calling field with each key (unescaped), value
// and path in the order they appear; field reports whether it knows the key.
// Unknown and repeated fields are errors.
//
// The decoder works on the bytes of the whole scenario, which UnmarshalJSON
// has checked are valid JSON: it slices values out of them rather than
// copying them, so that decoding allocates little more than the scenario.
func (d *scenarioDecoder) object(data []byte, path string, field func(key, value []byte, path string) bool) {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '{' {
		d.fail(path, "want an object, have "+describe(data), nil)
		return
	}
	var known [16][]byte // the known keys met so far: at most one per field
	nk := 0
	i = skipSpace(data, i+1)
	for i < len(data) && data[i] != '}' {
		ke := valueEnd(data, i)
		key := unquote(data[i:ke])
		c := skipSpace(data, ke)
		if key == nil || c == len(data) || data[c] != ':' {
			d.fail(path, "malformed JSON", nil)
			return
		}
		vs := skipSpace(data, c+1)
		ve := valueEnd(data, vs)
		if ve <= vs {
			d.fail(keyPath(path, string(key)), "malformed JSON", nil)
			return
		}
		p := keyPath(path, string(key))
		repeated := false
		for _, k := range known[:nk] {
			repeated = repeated || bytes.Equal(k, key)
		}
		switch {
		case repeated:
			d.fail(p, "repeated field", nil)
		case !field(key, data[vs:ve], p):
			d.fail(p, "unknown field", nil)
		case nk < len(known):
			known[nk] = key
			nk++
		}
		i = skipSpace(data, ve)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	if i == len(data) {
		d.fail(path, "malformed JSON", nil)
		return
	}
	if path == "$" && skipSpace(data, i+1) != len(data) {
		d.fail(path, "data after the scenario", nil)
	}
}

func (d *scenarioDecoder) array(data []byte, path string, each func(int, []byte, string)) {
	if t := describe(data); t != "an array" {
		d.fail(path, "want an array, have "+t, nil)
		return
	}
	i := skipSpace(data, skipSpace(data, 0)+1)
	var num [20]byte
	for n := 0; i < len(data) && data[i] != ']'; n++ {
		e := valueEnd(data, i)
		if e <= i {
			d.fail(path, "malformed JSON", nil)
			return
		}
		each(n, data[i:e], path+"["+string(strconv.AppendInt(num[:0], int64(n), 10))+"]")
		i = skipSpace(data, e)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
}

// arrayLen returns the number of values in data if it is a JSON array, else 0.
func arrayLen(data []byte) int {
	i := skipSpace(data, 0)
	if i == len(data) || data[i] != '[' {
		return 0
	}
	n := 0
	for i = skipSpace(data, i+1); i < len(data) && data[i] != ']'; n++ {
		e := valueEnd(data, i)
		if e <= i {
			break
		}
		i = skipSpace(data, e)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	return n
}

// skipSpace returns the index of the first byte of data at or after i that
// is not JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// valueEnd returns the index just after the JSON value that starts at i in
// valid JSON data (i itself when none starts there).
func valueEnd(data []byte, i int) int {
	if i >= len(data) {
		return i
	}
	switch data[i] {
	case '"':
		for j := i + 1; j < len(data); j++ {
			switch data[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return len(data)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			switch data[j] {
			case '"':
				j = valueEnd(data, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return len(data)
	}
	j := i
	for j < len(data) && !strings.ContainsRune(",}] \t\n\r", rune(data[j])) {
		j++
	}
	return j
}

// unquote returns the text of a JSON string literal: a slice of it when it
// holds no escape and is valid UTF-8, else a decoded copy; nil when q is not
// a string.
func unquote(q []byte) []byte {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return nil
	}
	if t := q[1 : len(q)-1]; bytes.IndexByte(t, '\\') < 0 && utf8.Valid(t) {
		return t
	}
	var s string
	if json.Unmarshal(q, &s) != nil {
		return nil
	}
	return []byte(s)
}

func (d *scenarioDecoder) str(data []byte, path string, dst *string) {
	if t := describe(data); t != "a string" {
		d.fail(path, "want a string, have "+t, nil)
		return
	}
	t := unquote(bytes.TrimSpace(data))
	if t == nil {
		d.fail(path, "malformed string", nil)
		return
	}
	*dst = string(t)
}

func (d *scenarioDecoder) text(data []byte, path string, dst encoding.TextUnmarshaler) {
	if t := describe(data); t != "a string" {
		d.fail(path, "want a string, have "+t, nil)
		return
	}
	t := unquote(bytes.TrimSpace(data))
	if t == nil {
		d.fail(path, "malformed string", nil)
		return
	}
	if d.term(string(t), dst) {
		return
	}
	if err := dst.UnmarshalText(t); err != nil {
		d.fail(path, problem.Strip(err.Error()), err)
	}
}

func (d *scenarioDecoder) boolean(data []byte, path string, dst *bool) {
	if t := describe(data); t != "a boolean" {
		d.fail(path, "want a boolean, have "+t, nil)
		return
	}
	*dst = string(bytes.TrimSpace(data)) == "true"
}

func (d *scenarioDecoder) integer(data []byte, path string, dst *int) {
	if t := describe(data); t != "a number" {
		d.fail(path, "want a number, have "+t, nil)
		return
	}
	text := string(bytes.TrimSpace(data))
	n, err := strconv.Atoi(text)
	if err != nil {
		d.fail(path, numberProblem(text, errors.Is(err, strconv.ErrRange), fmt.Sprintf("%d to %d", math.MinInt, math.MaxInt)), bcp.ErrInvalid)
		return
	}
	*dst = n
}

func (d *scenarioDecoder) instant(data []byte, path string, dst *time.Time) {
	var s string
	n := len(d.errs)
	d.str(data, path, &s)
	if len(d.errs) > n {
		return
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		d.fail(path, fmt.Sprintf("%s is not an RFC 3339 time", problem.Quote(s)), nil)
		return
	}
	*dst = t
}

func (d *scenarioDecoder) duration(data []byte, path string, dst *time.Duration) {
	var s string
	n := len(d.errs)
	d.str(data, path, &s)
	if len(d.errs) > n {
		return
	}
	v, err := duration.Parse(s)
	if err != nil {
		d.fail(path, err.Error(), nil)
		return
	}
	*dst = v
}

func (d *scenarioDecoder) threatEvent(data []byte, path string, dst *threat.Event) {
	var e threat.Event
	d.object(data, path, func(key, b []byte, p string) bool {
		switch string(key) {
		case "kind":
			if d.threat != nil && len(d.threat.Kinds) > 0 {
				var s string
				if d.str(b, p, &s); s != "" {
					k, err := d.threat.ParseKind(s)
					if err != nil {
						d.fail(p, problem.Strip(err.Error()), err)
					}
					e.Kind = k
				}
				return true
			}
			d.text(b, p, &e.Kind)
		case "place":
			d.text(b, p, &e.Place)
		case "firewall":
			d.text(b, p, &e.Firewall)
		case "severity":
			d.text(b, p, &e.Severity)
		case "source":
			d.text(b, p, &e.Source)
		default:
			// An attribute the plan declares ("cause": "found"), or one in
			// the engine's words ("attribute#4": "1").
			if (d.threat == nil || len(d.threat.Attributes) == 0) && !strings.HasPrefix(string(key), "attribute#") {
				return false
			}
			var s string
			if d.str(b, p, &s); s != "" {
				a, v, err := d.threat.ParseAttribute(string(key), s)
				if err != nil {
					d.fail(p, problem.Strip(err.Error()), err)
				}
				e = e.With(a, v)
			}
		}
		return true
	})
	*dst = e
}

func (d *scenarioDecoder) status(data []byte, path string, dst *Status) {
	var s Status
	d.object(data, path, func(key, b []byte, p string) bool {
		switch string(key) {
		case "serverDown":
			d.boolean(b, p, &s.ServerDown)
		case "causeUnknown":
			d.boolean(b, p, &s.CauseUnknown)
		case "operationImpossible":
			d.boolean(b, p, &s.OperationImpossible)
		case "identityAffected":
			d.boolean(b, p, &s.IdentityAffected)
		case "impact":
			d.integer(b, p, &s.Impact)
		case "expectedStop":
			d.duration(b, p, &s.ExpectedStop)
		case "expected":
			d.instant(b, p, &s.Expected)
		case "up":
			d.array(b, p, func(i int, b []byte, p string) {
				var v bcp.Service
				d.text(b, p, &v)
				s.Up = s.Up.With(v)
			})
		case "changed":
			d.array(b, p, func(i int, b []byte, p string) {
				var v bcp.Field
				d.text(b, p, &v)
				s.Changed = s.Changed.With(v)
			})
		default:
			return false
		}
		return true
	})
	*dst = s
}

func (d *scenarioDecoder) event(data []byte, path string, e *Event) {
	d.object(data, path, func(key, b []byte, p string) bool {
		switch string(key) {
		case "at":
			d.instant(b, p, &e.At)
		case "kind":
			d.text(b, p, &e.Kind)
		case "by":
			d.text(b, p, &e.By)
		case "trigger":
			d.text(b, p, &e.Trigger)
		case "symptom":
			d.text(b, p, &e.Symptom)
		case "act":
			d.threatEvent(b, p, &e.Act)
		case "learned":
			d.threatEvent(b, p, &e.Learned)
		case "judgement":
			d.text(b, p, &e.Judgement)
		case "reason":
			d.str(b, p, &e.Reason)
		case "status":
			d.status(b, p, &e.Status)
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
func (s Scenario) MarshalJSON() ([]byte, error) { return s.marshal(nil) }

// MarshalScenario encodes s as [Scenario.MarshalJSON] does, but names its
// actors, detection triggers and symptoms in p's words: by the ID of the
// term p's [bcp.Vocabulary] has for each (a value p does not declare keeps
// the engine's name). [ParseScenario] under p reads it back.
func MarshalScenario(p bcp.Plan, s Scenario) ([]byte, error) {
	w := p.Vocabulary.Dictionary()
	return s.marshal(&w)
}

// marshal encodes s, naming values in the words of w too (when not nil).
func (s Scenario) marshal(w *bcp.Dictionary) ([]byte, error) {
	type jsc struct {
		ID     string            `json:"id"`
		Plan   string            `json:"plan"`
		Title  string            `json:"title,omitempty"`
		Events []json.RawMessage `json:"events"`
	}
	out := jsc{ID: s.ID, Plan: s.Plan, Title: s.Title, Events: []json.RawMessage{}}
	var errs []error
	for i, e := range s.Events {
		b, err := e.marshal(w)
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
func (e Event) MarshalJSON() ([]byte, error) { return e.marshal(nil) }

// marshal encodes e, naming its actor, trigger and symptom by their term
// IDs in w (when not nil).
func (e Event) marshal(w *bcp.Dictionary) ([]byte, error) {
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
		case council.Actor, fault.Trigger, fault.Symptom:
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
		j.Act = marshalThreatEvent(e.Act)
	}
	if e.Learned != (threat.Event{}) {
		j.Learned = marshalThreatEvent(e.Learned)
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
	return decodePart(data, e, (*scenarioDecoder).event)
}

// decodePart decodes one part of a scenario file (an event, a status) into
// *dst with the strict decoding of [ParseScenario]; on error *dst is
// unchanged.
func decodePart[T any](data []byte, dst *T, decode func(d *scenarioDecoder, data []byte, path string, out *T)) error {
	if !json.Valid(data) {
		return &ScenarioError{Path: "$", Problem: "malformed JSON"}
	}
	d := &scenarioDecoder{}
	var out T
	decode(d, data, "$", &out)
	if err := problem.Join(d.errs...); err != nil {
		return err
	}
	*dst = out
	return nil
}

// MarshalJSON implements [json.Marshaler]: the status as a scenario file
// holds it, durations as people write them ("2d", "8h"), sets as arrays of names.
func (s Status) MarshalJSON() ([]byte, error) { return marshalStatus(s), nil }

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [ParseScenario]; on error *s is unchanged.
func (s *Status) UnmarshalJSON(data []byte) error {
	return decodePart(data, s, (*scenarioDecoder).status)
}

func marshalThreatEvent(e threat.Event) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	sep := ""
	put := func(k string, v encoding.TextMarshaler, set bool) {
		if !set {
			return
		}
		t, err := v.MarshalText()
		if err != nil {
			t = []byte("invalid")
		}
		q, _ := json.Marshal(string(t))
		b.WriteString(sep + `"` + k + `":`)
		b.Write(q)
		sep = ","
	}
	put("kind", e.Kind, e.Kind != 0)
	put("place", e.Place, e.Place != 0)
	put("firewall", e.Firewall, e.Firewall != 0)
	put("severity", e.Severity, e.Severity != 0)
	for i, v := range e.Declared.All() {
		if v != 0 {
			q, _ := json.Marshal(strconv.Itoa(int(v)))
			b.WriteString(sep + `"` + threat.DeclaredAttribute(i).String() + `":`)
			b.Write(q)
			sep = ","
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

// keyPath is path followed by key: ".key" for a plain key, [\"key\"] quoted
// by a short prefix for any other.
func keyPath(path, key string) string {
	if plainKey(key) {
		return path + "." + key
	}
	return path + "[" + problem.Quote(key) + "]"
}

// invalidUTF8 returns the offset of the first byte of data that is not part
// of valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
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
	case *fault.Trigger:
		*v, ok = d.words.Trigger(s)
	case *fault.Symptom:
		*v, ok = d.words.Symptom(s)
	}
	return ok
}

// plainKey reports whether k can be written .k in a path: a short run of
// ASCII letters, digits, '_' and '-'.
func plainKey(k string) bool {
	if k == "" || len(k) > problem.MaxQuote {
		return false
	}
	for i := range len(k) {
		c := k[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// numberProblem says why text does not fit an integer field whose range is
// bounds.
func numberProblem(text string, outOfRange bool, bounds string) string {
	if f, err := strconv.ParseFloat(text, 64); errors.Is(err, strconv.ErrRange) || err == nil && f == math.Trunc(f) && math.Abs(f) >= 1<<63 {
		outOfRange = true
	}
	if outOfRange {
		return problem.Clip(text, problem.MaxQuote) + " out of range: want a whole number from " + bounds
	}
	return problem.Clip(text, problem.MaxQuote) + ": want a whole number from " + bounds
}

// labeled is a value that prints itself in the engine's words.
type labeled interface {
	Label() string
	String() string
}
