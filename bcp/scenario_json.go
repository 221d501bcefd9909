package bcp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/threat"
)

// ParseScenario decodes a scenario from its JSON form (see
// [Scenario.MarshalJSON]) strictly and validates it: malformed JSON, a value
// that is not an object where one is needed, an unknown or repeated field,
// a bad value, events out of time order and every problem [Scenario.Validate]
// finds are errors naming their JSON path ("$.events[2].kind"), each a
// *ScenarioError wrapping ErrScenario. It never panics.
func ParseScenario(data []byte) (Scenario, error) {
	var s Scenario
	if err := s.UnmarshalJSON(data); err != nil {
		return Scenario{}, err
	}
	if err := s.Validate(); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [ParseScenario], without the final Validate. *s is unchanged on error.
func (s *Scenario) UnmarshalJSON(data []byte) error {
	if !utf8.Valid(data) {
		return &ScenarioError{Path: "$", Problem: fmt.Sprintf("invalid UTF-8 at byte %d", invalidUTF8(data)), Err: ErrInvalid}
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
	d := &scenarioDecoder{}
	var out Scenario
	d.object(data, "$", map[string]func([]byte, string){
		"id":    func(b []byte, p string) { d.str(b, p, &out.ID) },
		"plan":  func(b []byte, p string) { d.str(b, p, &out.Plan) },
		"title": func(b []byte, p string) { d.str(b, p, &out.Title) },
		"events": func(b []byte, p string) {
			d.array(b, p, func(i int, b []byte, p string) {
				var e Event
				d.event(b, p, &e)
				out.Events = append(out.Events, e)
			})
		},
	})
	if err := problem.Join(d.errs...); err != nil {
		return err
	}
	*s = out
	return nil
}

type scenarioDecoder struct{ errs []error }

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

// object decodes a JSON object, calling the handler of each field in the
// order they appear; unknown and repeated fields are errors.
func (d *scenarioDecoder) object(data []byte, path string, fields map[string]func([]byte, string)) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		d.fail(path, "malformed JSON", err)
		return
	}
	if tok != json.Delim('{') {
		d.fail(path, "want an object, have "+describe(data), nil)
		return
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			d.fail(path, "malformed JSON", err)
			return
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			d.fail(keyPath(path, key), "malformed JSON", err)
			return
		}
		h, ok := fields[key]
		switch {
		case !ok:
			d.fail(keyPath(path, key), "unknown field", nil)
		case seen[key]:
			d.fail(keyPath(path, key), "repeated field", nil)
		default:
			h(raw, path+"."+key)
		}
		seen[key] = true
	}
	if _, err := dec.Token(); err != nil {
		d.fail(path, "malformed JSON", err)
		return
	}
	if path == "$" {
		if _, err := dec.Token(); err != io.EOF {
			d.fail(path, "data after the scenario", nil)
		}
	}
}

func (d *scenarioDecoder) array(data []byte, path string, each func(int, []byte, string)) {
	var raws []json.RawMessage
	if t := describe(data); t != "an array" {
		d.fail(path, "want an array, have "+t, nil)
		return
	}
	if err := json.Unmarshal(data, &raws); err != nil {
		d.fail(path, "malformed JSON", err)
		return
	}
	for i, r := range raws {
		each(i, r, fmt.Sprintf("%s[%d]", path, i))
	}
}

func (d *scenarioDecoder) str(data []byte, path string, dst *string) {
	if t := describe(data); t != "a string" {
		d.fail(path, "want a string, have "+t, nil)
		return
	}
	if err := json.Unmarshal(data, dst); err != nil {
		d.fail(path, "malformed string", err)
	}
}

func (d *scenarioDecoder) text(data []byte, path string, dst encoding.TextUnmarshaler) {
	var s string
	n := len(d.errs)
	d.str(data, path, &s)
	if len(d.errs) > n {
		return
	}
	if err := dst.UnmarshalText([]byte(s)); err != nil {
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
	var n int
	if err := json.Unmarshal(data, &n); err != nil {
		text := string(bytes.TrimSpace(data))
		_, perr := strconv.ParseInt(text, 10, 64)
		d.fail(path, numberProblem(text, errors.Is(perr, strconv.ErrRange), fmt.Sprintf("%d to %d", math.MinInt, math.MaxInt)), ErrInvalid)
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
	d.object(data, path, map[string]func([]byte, string){
		"kind":     func(b []byte, p string) { d.text(b, p, &e.Kind) },
		"place":    func(b []byte, p string) { d.text(b, p, &e.Place) },
		"firewall": func(b []byte, p string) { d.text(b, p, &e.Firewall) },
		"severity": func(b []byte, p string) { d.text(b, p, &e.Severity) },
		"source":   func(b []byte, p string) { d.text(b, p, &e.Source) },
	})
	*dst = e
}

func (d *scenarioDecoder) status(data []byte, path string, dst *Status) {
	var s Status
	d.object(data, path, map[string]func([]byte, string){
		"serverDown":          func(b []byte, p string) { d.boolean(b, p, &s.ServerDown) },
		"causeUnknown":        func(b []byte, p string) { d.boolean(b, p, &s.CauseUnknown) },
		"operationImpossible": func(b []byte, p string) { d.boolean(b, p, &s.OperationImpossible) },
		"identityAffected":    func(b []byte, p string) { d.boolean(b, p, &s.IdentityAffected) },
		"impact":              func(b []byte, p string) { d.integer(b, p, &s.Impact) },
		"expectedStop":        func(b []byte, p string) { d.duration(b, p, &s.ExpectedStop) },
		"expected":            func(b []byte, p string) { d.instant(b, p, &s.Expected) },
		"up": func(b []byte, p string) {
			d.array(b, p, func(i int, b []byte, p string) {
				var v Service
				d.text(b, p, &v)
				s.Up = s.Up.With(v)
			})
		},
		"changed": func(b []byte, p string) {
			d.array(b, p, func(i int, b []byte, p string) {
				var v Field
				d.text(b, p, &v)
				s.Changed = s.Changed.With(v)
			})
		},
	})
	*dst = s
}

func (d *scenarioDecoder) event(data []byte, path string, e *Event) {
	d.object(data, path, map[string]func([]byte, string){
		"at":        func(b []byte, p string) { d.instant(b, p, &e.At) },
		"kind":      func(b []byte, p string) { d.text(b, p, &e.Kind) },
		"by":        func(b []byte, p string) { d.text(b, p, &e.By) },
		"trigger":   func(b []byte, p string) { d.text(b, p, &e.Trigger) },
		"symptom":   func(b []byte, p string) { d.text(b, p, &e.Symptom) },
		"act":       func(b []byte, p string) { d.threatEvent(b, p, &e.Act) },
		"learned":   func(b []byte, p string) { d.threatEvent(b, p, &e.Learned) },
		"judgement": func(b []byte, p string) { d.text(b, p, &e.Judgement) },
		"reason":    func(b []byte, p string) { d.str(b, p, &e.Reason) },
		"status":    func(b []byte, p string) { d.status(b, p, &e.Status) },
	})
}

// MarshalJSON implements [json.Marshaler]: an object with "id", "plan",
// "title" and "events"; each event has "at" (RFC 3339, Japan time), "kind"
// and the fields its kind uses, enums by English name, durations as people
// write them ("2d", "8h"), sets as arrays. An invalid value is an error.
func (s Scenario) MarshalJSON() ([]byte, error) {
	type jsc struct {
		ID     string            `json:"id"`
		Plan   string            `json:"plan"`
		Title  string            `json:"title,omitempty"`
		Events []json.RawMessage `json:"events"`
	}
	out := jsc{ID: s.ID, Plan: s.Plan, Title: s.Title, Events: []json.RawMessage{}}
	var errs []error
	for i, e := range s.Events {
		b, err := e.MarshalJSON()
		if err != nil {
			errs = append(errs, problem.Wrap(fmt.Sprintf("bcp: scenario: events[%d]", i), err))
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
func (e Event) MarshalJSON() ([]byte, error) {
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
	if !json.Valid(data) {
		return &ScenarioError{Path: "$", Problem: "malformed JSON"}
	}
	d := &scenarioDecoder{}
	var out Event
	d.event(data, "$", &out)
	if err := problem.Join(d.errs...); err != nil {
		return err
	}
	*e = out
	return nil
}

// MarshalJSON implements [json.Marshaler]: the status as a scenario file
// holds it, durations as people write them ("2d", "8h"), sets as arrays of names.
func (s Status) MarshalJSON() ([]byte, error) { return marshalStatus(s), nil }

// UnmarshalJSON implements [json.Unmarshaler] with the strict decoding of
// [ParseScenario]; on error *s is unchanged.
func (s *Status) UnmarshalJSON(data []byte) error {
	if !json.Valid(data) {
		return &ScenarioError{Path: "$", Problem: "malformed JSON"}
	}
	d := &scenarioDecoder{}
	var out Status
	d.status(data, "$", &out)
	if err := problem.Join(d.errs...); err != nil {
		return err
	}
	*s = out
	return nil
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
