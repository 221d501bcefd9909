package incident

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
)

// A Decision is the value of a decision signal (SignalDecision), in the
// plan's words: what a convened body decided on one item of its agenda, or
// that the item does not apply, or that the meeting closes.
//
// Body is the body as the plan file names it (its term's ID or label in the
// plan's vocabulary, or the engine's name or label); On, optional, is the
// trigger it was convened for (a trigger's English name or Japanese label),
// needed only when the body was convened more than once in the incident:
// without it the decision goes to the body's latest meeting. Key is the
// agenda item's key; Status is "decided" (決定) or "not-applicable" (該当なし),
// council.Resolution's text form; Text is the decision, or the reason the
// item does not apply; By is who records it, a position or party as the
// plan names it. At (RFC 3339) is when; without it, when the workflow
// receives the signal. Close, with Body (and On, At) and nothing else,
// closes the meeting: refused while a mandatory item is outstanding.
//
// The zero Decision decides nothing. == is meaningful.
type Decision struct {
	At     string `json:"at,omitempty"`
	Body   string `json:"body"`
	On     string `json:"on,omitempty"`
	Key    string `json:"key,omitempty"`
	Status string `json:"status,omitempty"`
	Text   string `json:"text,omitempty"`
	By     string `json:"by,omitempty"`
	Close  bool   `json:"close,omitempty"`
}

// A Meeting is one council meeting of the incident, as the record shows it:
// the body as the plan file names it, and the library's meeting record
// (council.Meeting: the agenda, the trigger, when it opened and closed, how
// each item stands) with the keys of the items still outstanding.
//
// The zero Meeting is no meeting. == is not defined.
type Meeting struct {
	Body        string          `json:"body"`
	Meeting     council.Meeting `json:"meeting"`
	Outstanding []string        `json:"outstanding"` // in agenda order; empty when every item is settled
}

// A meeting is a body convened in the incident's timeline, with its
// agenda's meeting record.
type meeting struct {
	body council.Body
	m    council.Meeting
}

// maxQuoted bounds how much of a signalled value an error message repeats.
const maxQuoted = 64

// convene opens a meeting for each body the timeline convenes that has none
// yet: on the agenda the plan's rule for the deciding trigger fixes
// (council.Convene, Organization.Agenda), at the convening's time. A
// meeting once opened stays. A convening for which the plan fixes no agenda
// opens none (a decision for it is refused).
func (in *Incident) convene() {
	org := in.plan.Organization
	if org == nil {
		return
	}
	for _, e := range in.tl.Entries {
		if e.What.About != drill.AboutConvening {
			continue
		}
		if slices.ContainsFunc(in.meetings, func(m meeting) bool { return m.body == e.What.Body && m.m.Trigger() == e.What.On }) {
			continue
		}
		c, err := council.Convene(*org, e.What.On)
		if err != nil || !c.Agenda.IsValid() {
			continue
		}
		a, err := org.Agenda(c.Agenda)
		if err != nil {
			continue
		}
		m, err := council.Open(a, e.What.On, e.At)
		if err != nil {
			continue
		}
		in.meetings = append(in.meetings, meeting{body: e.What.Body, m: m})
	}
}

// Decide records a decision signal (a Decision in JSON) in the meeting of
// the body it names, through council.Meeting's Decide, MarkNotApplicable or
// Close; now is the decision's time when it states none. A value that is
// not a Decision, or names a body, trigger, status or actor the plan does
// not have, is an error wrapping council.ErrInvalid; a body with no meeting
// (not convened, or convened with no agenda) one wrapping
// council.ErrNotOpen; otherwise the library's error (council.ErrUnknownItem,
// ErrSettled, ErrClosed, ErrTime, ErrOutstanding…). After the incident
// ended, Decide refuses every decision (ErrEnded). On error the incident is
// unchanged.
func (in *Incident) Decide(now time.Time, value json.RawMessage) error {
	pre := "incident " + in.id + ": decision"
	if in.ended {
		return fmt.Errorf("%s: %w", pre, ErrEnded)
	}
	d, err := decodeDecision(value)
	if err != nil {
		return fmt.Errorf("%s: %w", pre, err)
	}
	at := now
	if d.At != "" {
		if at, err = time.Parse(time.RFC3339, d.At); err != nil {
			return fmt.Errorf("%s: at %.*q: not an RFC 3339 time: %w", pre, maxQuoted, d.At, council.ErrInvalid)
		}
	}
	body, ok := in.plan.Vocabulary.Body(d.Body)
	if !ok {
		if body, err = council.ParseBody(d.Body); err != nil {
			return fmt.Errorf("%s: body: %w", pre, err)
		}
	}
	var on council.Trigger
	if d.On != "" {
		if on, err = council.ParseTrigger(d.On); err != nil {
			return fmt.Errorf("%s: on: %w", pre, err)
		}
	}
	i := -1
	for j, m := range in.meetings {
		if m.body == body && (on == 0 || m.m.Trigger() == on) {
			i = j // the latest
		}
	}
	name := in.words.Name(body)
	if on != 0 {
		name += " on " + on.String()
	}
	if i < 0 {
		return fmt.Errorf("%s: %s: no meeting (not convened, or convened with no agenda the plan fixes): %w", pre, name, council.ErrNotOpen)
	}
	m := in.meetings[i].m
	if _, ok := m.Record(d.Key); !ok {
		// No agenda item has it, and the library's error repeats it.
		d.Key = cut(d.Key)
	}
	switch {
	case d.Close:
		if d.Key != "" || d.Status != "" || d.Text != "" || d.By != "" {
			return fmt.Errorf("%s: %s: close with a key, status, text or by: %w", pre, name, council.ErrInvalid)
		}
		m, err = m.Close(at)
	default:
		var s council.Resolution
		if s, err = council.ParseResolution(d.Status); err != nil {
			return fmt.Errorf("%s: %s: status: %w", pre, name, err)
		}
		by, ok := in.words.Actor(d.By)
		if !ok {
			if by, err = council.ParseActor(d.By); err != nil {
				return fmt.Errorf("%s: %s: by: %w", pre, name, err)
			}
		}
		if s == council.Decided {
			m, err = m.Decide(d.Key, d.Text, by, at)
		} else {
			m, err = m.MarkNotApplicable(d.Key, d.Text, by, at)
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %s: %w", pre, name, err)
	}
	in.meetings[i].m = m
	return nil
}

// decodeDecision decodes one Decision, strictly: one JSON object, no field
// it does not know. Its errors wrap council.ErrInvalid and repeat at most
// maxQuoted bytes of what they quote.
func decodeDecision(value json.RawMessage) (Decision, error) {
	var d Decision
	dec := json.NewDecoder(bytes.NewReader(value))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return d, fmt.Errorf("%s: %w", cut(err.Error()), council.ErrInvalid)
	}
	if len(bytes.TrimSpace(value[dec.InputOffset():])) > 0 {
		return d, fmt.Errorf("more than one value: %w", council.ErrInvalid)
	}
	if d.Body == "" {
		return d, fmt.Errorf("no body: %w", council.ErrInvalid)
	}
	return d, nil
}

// cut returns s cut to at most 2*maxQuoted bytes, at a rune boundary,
// marked "…" when cut.
func cut(s string) string {
	if len(s) <= 2*maxQuoted {
		return s
	}
	n := 2 * maxQuoted
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// RejectDecision records a decision signal the incident did not take, with
// the library's error.
func (in *Incident) RejectDecision(at time.Time, value json.RawMessage, err error) {
	in.rec.Rejected = append(in.rec.Rejected, Rejection{At: at, Signal: SignalDecision, Event: bytes.Clone(value), Error: err.Error()})
}

// Meetings returns the incident's council meetings in the order they were
// convened, with the items still outstanding.
func (in *Incident) Meetings() []Meeting {
	if len(in.meetings) == 0 {
		return nil
	}
	out := make([]Meeting, len(in.meetings))
	for i, m := range in.meetings {
		out[i] = Meeting{Body: in.words.Name(m.body), Meeting: m.m, Outstanding: m.m.Outstanding()}
		if out[i].Outstanding == nil {
			out[i].Outstanding = []string{}
		}
	}
	return out
}
