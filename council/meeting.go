package council

import (
	"fmt"
	"slices"
	"time"

	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Resolution is how an agenda item stands in a meeting record.
//
// The zero Resolution means outstanding: neither decided nor marked not
// applicable. Values are only ever appended. == is meaningful.
type Resolution uint8

// Statuses of an agenda item.
const (
	Decided       Resolution = 1 + iota // 決定: the body recorded a decision
	NotApplicable                       // 該当なし: marked not applicable, with a reason
)

var statusTable = enum.New[Resolution]("council", "status", "Status", ErrInvalid, []enum.Name{
	Decided:       {EN: "decided", JA: "決定"},
	NotApplicable: {EN: "not-applicable", JA: "該当なし"},
})

// ParseResolution returns the Status named by s: its English name or Japanese label.
func ParseResolution(s string) (Resolution, error) { return statusTable.Parse(s) }

// AllResolutions returns every valid Status in ascending order, in a fresh slice.
func AllResolutions() []Resolution { return statusTable.Values() }

// IsValid reports whether s is a defined status (outstanding, zero, is not).
func (s Resolution) IsValid() bool { return statusTable.Valid(s) }

// Compare orders Status values by value; it suits slices.SortFunc.
func (s Resolution) Compare(o Resolution) int { return int(s) - int(o) }

// String returns the English name, e.g. "not-applicable".
func (s Resolution) String() string { return statusTable.String(s) }

// Label returns the Japanese label, e.g. "該当なし".
func (s Resolution) Label() string { return statusTable.Label(s) }

// AppendText implements [encoding.TextAppender]; an invalid Status is an error.
func (s Resolution) AppendText(b []byte) ([]byte, error) { return statusTable.AppendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Resolution) MarshalText() ([]byte, error) { return statusTable.AppendText(nil, s) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (s *Resolution) UnmarshalText(text []byte) error { return statusTable.Unmarshal(text, s) }

// A Record is how one agenda item stands in a meeting: its Status, the
// decision's text or the reason it does not apply, who recorded it and when.
// An outstanding item has the zero Status and nothing else but its Key.
//
// Records are comparable with == (compare At with time.Time.Equal when
// times may carry different locations).
type Record struct {
	Key    string     `json:"key"`
	Status Resolution `json:"status,omitzero"`
	Text   string     `json:"text"`
	By     Actor      `json:"by,omitzero"`
	At     time.Time  `json:"at,omitzero"`
}

// A Meeting is the record of one meeting of a body: the agenda it works
// through, the trigger it met for, when it opened and closed, and how each
// item stands. Open one with [Open].
//
// Meeting has value semantics: [Meeting.Decide], [Meeting.MarkNotApplicable]
// and [Meeting.Close] return a new record and leave the receiver unchanged;
// no two records share anything writable. It is safe for concurrent use.
//
// The zero Meeting is not open: every recording on it fails with
// [ErrNotOpen]. Compare records with [Meeting.Equal] (go-cmp uses it); ==
// is not meaningful.
type Meeting struct {
	agenda  Agenda // deep copy made by Open, never written afterwards
	trigger Trigger
	opened  time.Time
	closed  time.Time
	records []Record // parallel to agenda.Items; replaced, never written in place
}

// Open opens a meeting on agenda a for trigger t at time at. The agenda must
// be valid for the plan it cites ([Agenda.Validate]); Open keeps a deep copy.
func Open(a Agenda, t Trigger, at time.Time) (Meeting, error) {
	if !t.IsValid() {
		return Meeting{}, fmt.Errorf("council: open meeting on %s: trigger %s: %w", a.Cite, t, ErrInvalid)
	}
	if at.IsZero() {
		return Meeting{}, fmt.Errorf("council: open meeting on %s: zero time: %w", a.Cite, ErrTime)
	}
	if err := a.Validate(a.Cite.Plan()); err != nil {
		return Meeting{}, problem.Wrap("council: open meeting", err)
	}
	m := Meeting{agenda: a.Clone(), trigger: t, opened: at, records: make([]Record, len(a.Items))}
	for i, it := range a.Items {
		m.records[i].Key = it.Key
	}
	return m, nil
}

// IsOpen reports whether the meeting has been opened and not closed.
func (m Meeting) IsOpen() bool { return !m.opened.IsZero() && m.closed.IsZero() }

// Trigger is what the meeting was opened for.
func (m Meeting) Trigger() Trigger { return m.trigger }

// Opened is when the meeting opened (the zero time for the zero Meeting).
func (m Meeting) Opened() time.Time { return m.opened }

// Closed is when the meeting closed, and whether it has.
func (m Meeting) Closed() (time.Time, bool) { return m.closed, !m.closed.IsZero() }

// Agenda returns a deep copy of the meeting's agenda.
func (m Meeting) Agenda() Agenda { return m.agenda.Clone() }

// Record returns how the item with key stands.
func (m Meeting) Record(key string) (Record, bool) {
	i := m.agenda.index(key)
	if i < 0 || i >= len(m.records) {
		return Record{}, false
	}
	return m.records[i], true
}

// Records returns how every item stands, in agenda order, in a fresh slice.
func (m Meeting) Records() []Record { return slices.Clone(m.records) }

// Outstanding returns, in agenda order, the keys of the items neither decided
// nor marked not applicable, optional ones included.
func (m Meeting) Outstanding() []string { return m.outstanding(false) }

func (m Meeting) outstanding(mandatoryOnly bool) []string {
	var out []string
	for i, r := range m.records {
		if r.Status == 0 && (!mandatoryOnly || !m.agenda.Items[i].Optional) {
			out = append(out, r.Key)
		}
	}
	return out
}

// Decide records decision text for the item with key, made by by at time at.
func (m Meeting) Decide(key, text string, by Actor, at time.Time) (Meeting, error) {
	return m.settle(key, Decided, text, by, at)
}

// MarkNotApplicable records that the item with key does not apply, for
// reason, as judged by by at time at.
func (m Meeting) MarkNotApplicable(key, reason string, by Actor, at time.Time) (Meeting, error) {
	return m.settle(key, NotApplicable, reason, by, at)
}

func (m Meeting) settle(key string, s Resolution, text string, by Actor, at time.Time) (Meeting, error) {
	pre := fmt.Sprintf("council: meeting on %s: %s %q", m.agenda.Cite, s, key)
	switch {
	case m.opened.IsZero():
		return m, fmt.Errorf("%s: %w", pre, ErrNotOpen)
	case !m.closed.IsZero():
		return m, fmt.Errorf("%s: %w at %s", pre, ErrClosed, m.closed.Format(time.RFC3339))
	}
	i := m.agenda.index(key)
	if i < 0 {
		return m, fmt.Errorf("%s: %w", pre, ErrUnknownItem)
	}
	switch {
	case m.records[i].Status != 0:
		return m, fmt.Errorf("%s: %w (%s at %s)", pre, ErrSettled, m.records[i].Status, m.records[i].At.Format(time.RFC3339))
	case at.IsZero() || at.Before(m.opened):
		return m, fmt.Errorf("%s: time %s is before the meeting opened at %s: %w", pre, at.Format(time.RFC3339), m.opened.Format(time.RFC3339), ErrTime)
	case text == "":
		return m, fmt.Errorf("%s: empty text: %w", pre, ErrInvalid)
	case !by.IsValid():
		return m, fmt.Errorf("%s: by %s: %w", pre, by, ErrInvalid)
	}
	m.records = slices.Clone(m.records)
	m.records[i] = Record{Key: key, Status: s, Text: text, By: by, At: at}
	return m, nil
}

// Close closes the meeting at time at. It is refused with an
// [*OutstandingError] naming every mandatory item still outstanding, and
// refused when the meeting is not open or at is before the opening or before
// a recorded decision.
func (m Meeting) Close(at time.Time) (Meeting, error) {
	pre := "council: meeting on " + m.agenda.Cite.String()
	switch {
	case m.opened.IsZero():
		return m, fmt.Errorf("%s: close: %w", pre, ErrNotOpen)
	case !m.closed.IsZero():
		return m, fmt.Errorf("%s: close: %w at %s", pre, ErrClosed, m.closed.Format(time.RFC3339))
	case at.Before(m.opened):
		return m, fmt.Errorf("%s: close at %s, before it opened: %w", pre, at.Format(time.RFC3339), ErrTime)
	}
	for _, r := range m.records {
		if r.Status != 0 && at.Before(r.At) {
			return m, fmt.Errorf("%s: close at %s, before %s was recorded at %s: %w", pre, at.Format(time.RFC3339), problem.Quote(r.Key), r.At.Format(time.RFC3339), ErrTime)
		}
	}
	if out := m.outstanding(true); len(out) > 0 {
		return m, &OutstandingError{Agenda: m.agenda.Cite, Items: out}
	}
	m.closed = at
	return m, nil
}

// Equal reports whether m and n record the same meeting: the same agenda,
// trigger, opening and closing instants, and item records (times compared
// with time.Time.Equal).
func (m Meeting) Equal(n Meeting) bool {
	if m.trigger != n.trigger || !m.opened.Equal(n.opened) || !m.closed.Equal(n.closed) ||
		!agendaEqual(m.agenda, n.agenda) || len(m.records) != len(n.records) {
		return false
	}
	for i, r := range m.records {
		s := n.records[i]
		if r.Key != s.Key || r.Status != s.Status || r.Text != s.Text || r.By != s.By || !r.At.Equal(s.At) {
			return false
		}
	}
	return true
}

func agendaEqual(a, b Agenda) bool {
	return a.Cite == b.Cite && a.Title == b.Title && slices.EqualFunc(a.Items, b.Items, func(x, y Item) bool {
		return x.Key == y.Key && x.Title == y.Title && x.TitleEN == y.TitleEN && x.Assignee == y.Assignee &&
			x.Optional == y.Optional && x.Cite == y.Cite && slices.Equal(x.Examples, y.Examples)
	})
}
