package incident

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
)

// Horizon is how far past the later of the last event and the present an
// Incident looks for entries that fall due while nothing happens (scheduled
// reports): a day holds every slot of a daily report schedule.
const Horizon = 24 * time.Hour

// Grace is how long after an entry falls due, with no event at its instant,
// the workflow waits before notifying it: an event that happens at that very
// instant (the recovery at the time it was expected) may be signalled a
// moment after the timer fires, and is then taken first, so that the report
// it makes needless (reports run until the recovery) is not sent.
const Grace = time.Minute

// MaxEvents is the most events one incident accepts; a signal past it is
// rejected. Each signal replays the incident's events through the library,
// so the cap bounds the work one signal costs.
const MaxEvents = 1000

// ErrEnded is the error of an event signalled after the incident ended
// (its recovery was taken, the plan stood the response down, or it was
// closed).
var ErrEnded = errors.New("incident ended")

// A Start is what an incident workflow starts with: the plan and the first
// event. The plan is either the contents of a plan file (Plan) or the ID of
// a reference plan (PlanID), whose file the workflow records in its history
// once; either way the plan is fixed for the life of the incident.
//
// The zero Start is not valid: it needs a plan and a first event.
type Start struct {
	// ID names the incident: the scenario ID of its timeline. The workflow
	// puts its own ID in an empty one; Open needs one.
	ID string `json:"id,omitempty"`
	// Title is the incident's title, shown in its timeline.
	Title string `json:"title,omitempty"`
	// Plan is the plan file (bcp.ParsePlan), byte for byte.
	Plan []byte `json:"plan,omitempty"`
	// PlanID names a reference plan, read when Plan is empty.
	PlanID string `json:"planId,omitempty"`
	// First is the first event, in the JSON form of a scenario file's event
	// (drill.Event, in the plan's words).
	First json.RawMessage `json:"first"`
	// Lang is the language of the notices' lines: "ja" (the default) or "en".
	Lang string `json:"lang,omitempty"`
}

// A Rejection is a signal the incident did not take: its value and the
// library's error, word for word. Signal is empty for an event
// (SignalEvent), SignalDecision for a decision, whose value Event then
// holds. Unhandled says the error wraps drill.ErrUnhandled (the plan states
// nothing for the event); otherwise the value was not a valid event of the
// incident (drill.ErrScenario) or a decision its meeting could not take.
//
// The zero Rejection rejects nothing. == is not defined.
type Rejection struct {
	At        time.Time       `json:"at"` // when the workflow received it
	Signal    string          `json:"signal,omitempty"`
	Event     json.RawMessage `json:"event"`
	Error     string          `json:"error"`
	Unhandled bool            `json:"unhandled,omitempty"`
}

// A Record is what an incident workflow keeps and returns: the plan it runs
// under, the events taken, the council meetings with their decisions, the
// signals rejected with the library's error, how many timeline entries were
// notified and why it ended.
//
// The zero Record is an incident not yet started. == is not defined.
type Record struct {
	ID         string         `json:"id"`
	Provenance bcp.Provenance `json:"provenance"`
	Events     []drill.Event  `json:"events"`
	// Meetings are the council meetings of the bodies the timeline
	// convenes, in the order convened (Incident.Decide).
	Meetings []Meeting   `json:"meetings,omitempty"`
	Rejected []Rejection `json:"rejected,omitempty"`
	// Notified counts the timeline entries passed to the notification
	// activity; Failed lists the notices it gave up on, with their error.
	Notified int      `json:"notified"`
	Failed   []string `json:"failed,omitempty"`
	// Closed is the reason given by a close signal; empty when the incident
	// ended with its recovery.
	Closed string `json:"closed,omitempty"`
}

// A Notice is what the notification activity gets: the entries of the
// timeline due at one instant, each with its line as the plan words it.
//
// The zero Notice notifies nothing. == is not defined.
type Notice struct {
	Incident   string         `json:"incident"`
	Provenance bcp.Provenance `json:"provenance"`
	At         time.Time      `json:"at"`
	Entries    []drill.Entry  `json:"entries"`
	Lines      []string       `json:"lines"` // Lines[i] words Entries[i]
}

// An Incident is the state of one incident, kept by the workflow and
// changed only through the library: the plan prepared once, the events
// taken and the timeline drill.Run gives for them. It does no I/O and reads
// no clock: every time is an argument. An Incident is not safe for
// concurrent use (a workflow runs one coroutine at a time).
//
// The zero Incident is not usable: Open makes one.
type Incident struct {
	id    string
	lang  bcp.Lang
	plan  bcp.Plan
	words bcp.Dictionary // the plan's words, for decisions
	drill *drill.Drill
	prov  bcp.Provenance
	head  []byte            // `{"id":…,"plan":…,"events":[`
	raw   []json.RawMessage // the events taken, as signalled
	sc    drill.Scenario
	tl    drill.Timeline
	rec   Record
	ended bool
	// meetings are the meetings of the bodies the timeline convenes, in
	// the order convened, each opened when its convening first appears.
	meetings []meeting
	sent     map[string]bool // entries notified, by their JSON form
	// floor is the instant before which every entry has been notified:
	// Due looks no earlier. An event taken before it lowers it.
	floor time.Time
}

// Open parses the plan file, prepares it for drills and takes the first
// event. A plan that does not parse, or a first event the incident cannot
// take, is the library's error.
func Open(s Start, planFile []byte) (*Incident, error) {
	p, err := bcp.ParsePlan(planFile)
	if err != nil {
		return nil, err
	}
	d, err := drill.NewDrill(p)
	if err != nil {
		return nil, err
	}
	prov, err := p.Provenance()
	if err != nil {
		return nil, err
	}
	lang := bcp.Japanese
	if s.Lang != "" {
		if lang, err = bcp.ParseLang(s.Lang); err != nil {
			return nil, err
		}
	}
	id, _ := json.Marshal(s.ID)
	pid, _ := json.Marshal(p.ID)
	head := fmt.Appendf(nil, `{"id":%s,"plan":%s,`, id, pid)
	if s.Title != "" {
		title, _ := json.Marshal(s.Title)
		head = fmt.Appendf(head, `"title":%s,`, title)
	}
	head = append(head, `"events":[`...)
	in := &Incident{id: s.ID, lang: lang, plan: p, words: p.Vocabulary.Dictionary(), drill: d, prov: prov, head: head,
		rec: Record{ID: s.ID, Provenance: prov, Events: []drill.Event{}}, sent: map[string]bool{}}
	if err := in.Take(s.First); err != nil {
		return nil, err
	}
	return in, nil
}

// Take takes one more event, in the JSON form of a scenario file's event
// (in the plan's words), and runs the incident's events through the
// library. An event that is not valid, out of time order or that the plan
// states nothing for is not taken: Take returns the library's error
// (wrapping drill.ErrScenario or drill.ErrUnhandled) and the incident is
// unchanged. After the incident ended, Take refuses every event (ErrEnded).
func (in *Incident) Take(event json.RawMessage) error {
	if in.ended {
		return fmt.Errorf("incident %s: %w", in.id, ErrEnded)
	}
	if len(in.raw) >= MaxEvents {
		return fmt.Errorf("incident %s: %w: more than %d events", in.id, drill.ErrScenario, MaxEvents)
	}
	if !json.Valid(event) {
		// The library words the syntax error of the value alone.
		_, err := drill.ParseScenario(in.plan, event)
		return err
	}
	// The events so far and the new one, as one scenario file: the library
	// decodes the new event in the plan's words and checks it against the
	// others (time order), naming it by its index.
	var b bytes.Buffer
	b.Write(in.head)
	for _, r := range in.raw {
		b.Write(r)
		b.WriteByte(',')
	}
	b.Write(event)
	b.WriteString("]}")
	sc, err := drill.ParseScenario(in.plan, b.Bytes())
	if err != nil {
		return err
	}
	tl, err := in.drill.Run(sc)
	if err != nil {
		return err
	}
	if at := sc.Events[len(sc.Events)-1].At; at.Before(in.floor) {
		in.floor = at
	}
	in.raw = append(in.raw, bytes.Clone(event))
	in.sc, in.tl = sc, tl
	in.rec.Events = sc.Events
	in.convene()
	// The incident ends with its recovery, or when the plan stands the
	// emergency response down (tottori 第3-5(1): a level-1 act).
	last := len(sc.Events) - 1
	in.ended = sc.Events[last].Kind == drill.Recovery
	for _, e := range tl.Entries {
		in.ended = in.ended || e.Event == last && e.Act == drill.ActStandDown
	}
	return nil
}

// Reject records a signal the incident did not take, with the library's
// error.
func (in *Incident) Reject(at time.Time, event json.RawMessage, err error) {
	in.rec.Rejected = append(in.rec.Rejected, Rejection{At: at, Event: bytes.Clone(event), Error: err.Error(),
		Unhandled: errors.Is(err, drill.ErrUnhandled)})
}

// Close ends the incident on a close signal, with its reason.
func (in *Incident) Close(reason string) {
	in.ended = true
	in.rec.Closed = reason
	if in.rec.Closed == "" {
		in.rec.Closed = "closed"
	}
}

// Ended reports whether the incident has ended: its recovery was taken, the
// plan stood the emergency response down (a drill.ActStandDown entry), or it
// was closed.
func (in *Incident) Ended() bool { return in.ended }

// Timeline returns the timeline of the events taken: what drill.Run gives
// for them under the plan. It shares memory with the incident: treat it as
// read-only.
func (in *Incident) Timeline() drill.Timeline { return in.tl }

// Record returns the incident's record, in slices of its own.
func (in *Incident) Record() Record {
	r := in.rec
	r.Events, r.Rejected, r.Failed = slices.Clone(r.Events), slices.Clone(r.Rejected), slices.Clone(r.Failed)
	r.Meetings = in.Meetings()
	return r
}

// Scenario returns the events taken as a scenario.
func (in *Incident) Scenario() drill.Scenario { return in.sc.Clone() }

// projection returns the entries of the timeline as they stand if nothing
// more happens until now+Horizon: the timeline of the events taken, plus the
// entries the library lists for the time that passes without an event (the
// scheduled reports of an outage). It asks the library by running the events
// with one more at the horizon that changes nothing (the last status, stated
// again, less an expected recovery already past) and keeps the entries
// before it. When the incident has ended, or the plan states nothing for
// such an event, it is the timeline itself.
func (in *Incident) projection(now time.Time) []drill.Entry {
	evs := in.sc.Events
	last := evs[len(evs)-1]
	if in.ended {
		return in.tl.Entries
	}
	var st drill.Status
	for _, e := range evs {
		if e.Kind == drill.FaultDetected || e.Kind == drill.StatusChange {
			st = e.Status
		}
	}
	h := last.At
	if now.After(h) {
		h = now
	}
	h = h.Add(Horizon)
	st.Changed = 0
	if st.Expected.Before(h) {
		// An expected recovery already past is not stated again (a status
		// may not expect a recovery before it); leaving it out changes
		// nothing the library keeps.
		st.Expected = time.Time{}
	}
	sc := in.sc.Clone()
	sc.Events = append(sc.Events, drill.Event{At: h, Kind: drill.StatusChange, Status: st})
	tl, err := in.drill.Run(sc)
	if err != nil {
		return in.tl.Entries
	}
	n := len(tl.Entries)
	for n > 0 && !tl.Entries[n-1].At.Before(h) {
		n--
	}
	return tl.Entries[:n]
}

// Due returns the notices due at now: the entries of the projection at or
// before now not notified yet, one Notice per instant, in time order, and
// marks them notified. next is the time of the first entry due after now,
// zero when none is: the workflow wakes at next+Grace to notify it, unless
// an event comes first.
func (in *Incident) Due(now time.Time) (due []Notice, next time.Time) {
	es := in.projection(now)
	for _, e := range es {
		if e.At.Before(in.floor) {
			continue
		}
		if e.At.After(now) {
			if next.IsZero() {
				next = e.At
			}
			continue
		}
		key, err := json.Marshal(e)
		if err != nil || in.sent[string(key)] {
			continue
		}
		in.sent[string(key)] = true
		if len(due) == 0 || !due[len(due)-1].At.Equal(e.At) {
			due = append(due, Notice{Incident: in.id, Provenance: in.prov, At: e.At})
		}
		n := &due[len(due)-1]
		n.Entries = append(n.Entries, e)
	}
	if now.After(in.floor) {
		in.floor = now
	}
	for i := range due {
		due[i].Lines = in.lines(due[i].Entries)
		in.rec.Notified += len(due[i].Entries)
	}
	return due, next
}

// lines words entries as the plan does, in the incident's language.
func (in *Incident) lines(es []drill.Entry) []string {
	t := in.tl
	t.Entries = es
	out := make([]string, len(es))
	for i := range es {
		out[i] = render.Line(t, i, in.lang)
	}
	return out
}

// Failed records a notice the notification activity gave up on.
func (in *Incident) Failed(n Notice, err error) {
	in.rec.Failed = append(in.rec.Failed, fmt.Sprintf("%s: %d entries: %v", n.At.Format(time.RFC3339), len(n.Entries), err))
}
