package drill

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/threat"
)

// A runner plays one scenario under a plan: what every incident shares (the
// entries listed, the instant, the bodies convened) and one tracker per kind
// of incident, each holding that incident's state and owning its behaviour
// (act.go, fault.go, outage.go). The handlers table sends each event to its
// tracker; the runner keeps what the trackers share (emitting entries, the
// plan's duties, convening, recurrence prevention, the card rules) and the
// routing of the events whose tracker depends on the incident under way (a
// status change, a recovery).
type runner struct {
	p   drillPlan
	w   bcp.Dictionary // the plan's vocabulary: entries speak its words
	sc  Scenario
	out []Entry
	// seen holds the keys of entries emitted, so that an action due again
	// (a precaution that is also a response) is listed once.
	seen map[entryKey]bool
	ev   int
	at   time.Time

	// convened are the triggers a body was convened on, whichever
	// incident convened it.
	convened council.Triggers
	// obsCites are the clauses an event rests on when it sets off no entry
	// at its own instant (a change reported later by the schedule).
	obsCites council.Citations

	act    actTracker    // the unauthorized act
	fault  faultTracker  // the fault
	outage outageTracker // the outage of the shared environment
}

// An actTracker is the state of an unauthorized act: what is known of it,
// who observed it, the judgement made and what was listed.
type actTracker struct {
	event     threat.Event
	open      bool
	by        council.Actor
	playbook  bool // the annex playbook is listed
	judgement Judgement
	reason    string
	captured  bool // the steps before the level is judged (precautions) are listed
	grading   threat.Grading
}

// A faultTracker is the state of a fault: its status, the symptom
// reported and whether it turned serious.
type faultTracker struct {
	open    bool
	status  Status
	symptom fault.Symptom
	serious bool
}

// An outageTracker is the state of an outage of the shared environment
// under a continuity part: when it began, the services up over time, the
// expected recovery once known, the changes reported and the recovery.
type outageTracker struct {
	on         bool
	detectedAt time.Time
	ups        []upAt
	known      time.Time
	expected   time.Time
	changes    []bcp.Change
	recovered  time.Time
}

// entryKey identifies an entry for listing it once: what, who, to whom, how,
// at which grade, and on which clauses.
type entryKey struct {
	act             Act
	actor, to       council.Actor
	channel         bcp.Channel
	level, min, max threat.Level
	what            whatKey
	asNeeded        bool
	cites           string
	at              int64
}

// whatKey is a What as a comparable value: its lists and the recovery
// position as text.
type whatKey struct {
	about                 About
	step, ask             threat.Task
	unknown               threat.Attributes
	example, reason, note string
	judgement             Judgement
	playbook              PlaybookStep
	body, substitute      council.Body
	on                    council.Trigger
	chair                 council.Role
	item, title, titleEN  string
	trigger               fault.Signal
	symptom               fault.Symptom
	kind                  fault.Kind
	notice                fault.Task
	alternative           fault.Alternative
	flow                  bcp.FlowStep
	audience              bcp.Audience
	also                  bcp.Channels
	via                   council.Actor
	fields                bcp.Fields
	known                 bool
	lists                 string
}

func keyOf(w What) whatKey {
	k := whatKey{about: w.About, step: w.Step, ask: w.Ask, unknown: w.Unknown, example: w.Example, reason: w.Reason,
		note: w.Note, judgement: w.Judgement, playbook: w.Playbook, body: w.Body, substitute: w.Substitute, on: w.On,
		chair: w.Chair, item: w.Item, title: w.Title, titleEN: w.TitleEN, trigger: w.Trigger, symptom: w.Symptom, kind: w.Kind,
		notice: w.Notice, alternative: w.Alternative, flow: w.Flow, audience: w.Audience, also: w.Also, via: w.Via,
		fields: w.Fields, known: w.Known}
	if len(w.Examples)+len(w.Checks)+len(w.Measures) > 0 || w.Position != nil {
		var b strings.Builder
		for _, x := range w.Examples {
			b.WriteString(x + "\x00")
		}
		for _, x := range w.Checks {
			b.WriteByte(byte(x))
		}
		for _, x := range w.Measures {
			b.WriteByte(byte(x))
		}
		if p := w.Position; p != nil {
			fmt.Fprintf(&b, "\x00%d\x00%s", p.Rank, p.ID)
		}
		k.lists = b.String()
	}
	return k
}

func runDrill(p drillPlan, s Scenario) (Timeline, error) {
	r := &runner{p: p, sc: s, seen: map[entryKey]bool{}, w: p.words}
	for i, e := range s.Events {
		r.ev, r.at = i, e.At
		start := len(r.out)
		obs := Entry{Act: ActObserve, Actor: e.By, What: What{About: AboutEvent}}
		r.out = append(r.out, obs)
		if err := r.event(e); err != nil {
			return Timeline{}, &DrillError{Scenario: s.ID, Event: i, Err: err}
		}
		// The observation rests on the clauses of what it sets off.
		o := &r.out[start]
		o.At, o.Event = e.At.In(jst), i
		for _, x := range r.out[start+1:] {
			o.Cites = o.Cites.Join(x.Cites)
			if o.Cites.Len() > 0 {
				break
			}
		}
		if o.Cites.Len() == 0 {
			o.Cites, r.obsCites = r.obsCites, council.Citations{}
		}
		if !o.Actor.IsValid() {
			o.Actor = r.observer(e)
		}
		if o.Cites.Len() == 0 {
			r.out = slices.Delete(r.out, start, start+1)
		}
	}
	r.outage.schedule(r)
	slices.SortStableFunc(r.out, func(a, b Entry) int { return a.At.Compare(b.At) })
	kinds, attrs := p.scheme.Declarations()
	if len(kinds) == 0 {
		kinds = nil
	}
	if len(attrs) == 0 {
		attrs = nil
	}
	return Timeline{Plan: p.id, Scenario: s.ID, Title: s.Title, Provenance: p.prov, Vocabulary: p.vocabulary.Clone(),
		Kinds: kinds, Attributes: attrs, Events: slices.Clone(s.Events), Entries: r.out, Readings: slices.Clone(p.readings)}, nil
}

// observer is who observes an event the scenario names no observer for:
// the plan's duty for its kind.
func (r *runner) observer(e Event) council.Actor {
	switch e.Kind {
	case SymptomReported, CardLost:
		return r.duty(bcp.NoticeAtTerminal).Actor
	case FaultDetected, Recovery, StatusChange:
		return r.duty(bcp.DetectFault).Actor
	}
	return r.duty(bcp.ObserveAct).Actor
}

// duty returns who performs d under the plan: its own assignment, else the
// library's default.
func (r *runner) duty(d bcp.Duty) bcp.Assignment {
	if r.outage.on && !r.p.faults.IsValid() {
		a, _ := r.p.plan.OutageDuty(d)
		return a
	}
	a, _ := r.p.plan.Duty(d)
	return a
}

// emit appends an entry at the current instant, unless an identical one was
// emitted already or it cites nothing (the plan says nothing of it).
func (r *runner) emit(e Entry) {
	if e.Cites.Len() == 0 || !e.Act.IsValid() {
		return
	}
	e.At, e.Event = r.at.In(jst), r.ev
	key := entryKey{act: e.Act, actor: e.Actor, to: e.To, channel: e.Channel, level: e.Level, min: e.Min, max: e.Max,
		what: keyOf(e.What), asNeeded: e.AsNeeded, cites: e.Cites.String()}
	if e.Act == ActScheduledReport || e.Act == ActProgressReport {
		key.at = e.At.UnixNano() // reports recur: one per instant
	}
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.out = append(r.out, e)
}

// handlers handles each kind of scenario event, keyed by it
// (TestHandlersExhaustive): an unauthorized act goes to the act tracker, a
// fault or outage to the fault or outage tracker, a lost card to the card
// rules.
var handlers = [...]func(*runner, Event) error{
	ActObserved:      func(r *runner, e Event) error { return r.act.observed(r, e) },
	AttributeLearned: func(r *runner, e Event) error { return r.act.learned(r, e) },
	FaultDetected:    (*runner).faultEvent,
	SymptomReported:  func(r *runner, e Event) error { return r.fault.symptomReported(r, e) },
	StatusChange:     (*runner).statusChange,
	Recovery:         func(r *runner, _ Event) error { return r.recovery() },
	CardLost:         func(r *runner, _ Event) error { return r.cardLost() },
}

func (r *runner) event(e Event) error {
	if int(e.Kind) < len(handlers) && handlers[e.Kind] != nil {
		return handlers[e.Kind](r, e)
	}
	return fmt.Errorf("%w: event kind %v", ErrScenario, e.Kind)
}

// jst is Japan time, in which timelines and scenario files write instants.
var jst = time.FixedZone("JST", 9*3600)
