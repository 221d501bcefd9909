package drill

import (
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// ErrUnhandled is wrapped when a scenario event is one the plan states no
// handling for (a lost IC card under a plan without card rules, a fault under
// a plan without a fault chapter or continuity part, a symptom the plan does
// not list): the drill does not borrow another plan's rules.
var ErrUnhandled = problem.ErrUnhandled

// A DrillError reports why a drill stopped: the scenario event at fault
// (its index) and the underlying error. It wraps Err. Use it through a
// pointer; the zero DrillError names no event.
type DrillError struct {
	Scenario string `json:"scenario"`
	Event    int    `json:"event"` // index into Scenario.Events, or -1 for the scenario as a whole
	Err      error  `json:"err"`
}

// Error implements error: "drill: drill tottori-l3: event 2: …".
func (e *DrillError) Error() string {
	if e.Event < 0 {
		return fmt.Sprintf("drill: drill %s: %v", e.Scenario, e.Err)
	}
	return fmt.Sprintf("drill: drill %s: event %d: %v", e.Scenario, e.Event, e.Err)
}

// Unwrap returns the underlying error.
func (e *DrillError) Unwrap() error { return e.Err }

// drillPlan is what a drill needs of a plan, built from its parts: the
// organisation, the threat scheme (nil when the plan grades no threats), the
// fault rules (zero without a fault chapter), the continuity part (nil
// without one), the annex cases, the IC-card rules and recurrence prevention,
// and the clause index (empty when the plan lists no clauses), which puts
// what the drill lists in the document's order.
type drillPlan struct {
	id         string
	prov       bcp.Provenance
	index      council.Index
	org        council.Organization
	plan       bcp.Plan // its duties and organisation, for who does what
	scheme     *threat.Scheme
	faults     fault.Procedure
	continuity *bcp.Continuity
	annex      []measures.Case
	playbooks  measures.Playbooks
	cards      measures.Rules
	recurrence *bcp.Recurrence
	vocabulary bcp.Vocabulary // a copy of the plan's
	words      bcp.Dictionary // its lookups, built once and only read
	readings   []bcp.Mark     // a copy of the plan's readings
}

func drillPlanOf(p bcp.Plan) (drillPlan, error) {
	prov, err := p.Provenance()
	if err != nil {
		return drillPlan{}, err
	}
	d := drillPlan{id: p.ID, prov: prov, plan: bcp.Plan{Duties: p.Duties, Organization: p.Organization}, vocabulary: p.Vocabulary.Clone(), readings: slices.Clone(p.Readings)}
	d.words = d.vocabulary.Dictionary()
	if x, err := p.Index(); err == nil {
		d.index = x // a plan whose index does not build keeps the plan's own order
	}
	if p.Threat != nil && p.Threat.Plan != p.ID {
		if x, err := p.IndexOf(p.Threat.Plan); err == nil {
			d.index = x // inherited: its clauses are the model's
		}
	}
	if p.Organization != nil {
		d.org = *p.Organization
	}
	if p.Threat != nil {
		s, err := p.Scheme()
		if err != nil {
			return drillPlan{}, err
		}
		d.scheme = s
	}
	if p.Fault != nil {
		f, err := p.FaultProcedure()
		if err != nil {
			return drillPlan{}, err
		}
		d.faults = f
	}
	if c := p.Continuity; c != nil && c.Inventory != nil && len(c.Flow) > 0 {
		d.continuity = c
	}
	if m := p.Measures; m != nil {
		d.annex, d.playbooks = m.Annex, m.Playbooks
		if m.Controls != nil {
			d.cards = *m.Controls
		}
		d.recurrence = m.Recurrence
	}
	return d, nil
}

// Run runs scenario s as a drill under plan p and returns the timeline of
// every action the plan requires, in time order: who tells whom and by which
// channel, the grade and its provisional range while facts are unknown,
// emergency measures and annex playbook steps, the body convened with its
// agenda, scheduled and progress reports, the recovery order, the integrity
// check before resumption and recurrence prevention, each with its actor and
// citations. The timeline carries the plan's provenance.
//
// Run is deterministic: time comes only from the scenario, and the same plan
// and scenario give the same timeline. Actions at one instant keep the order
// in which the plan takes them; an action due twice (a precaution that is also
// a response) is listed once, at the first instant it is due. Each event is
// handled with what is known up to it, so a later event never removes an
// entry before it.
//
// The plan decides which parts of it a scenario exercises: an unauthorized
// act goes through its threat scheme (or, without one, the body it convenes on
// an unauthorized act): the steps it takes to capture the situation and judge
// the level (the scheme's precautions, tottori 第3-3 to 第3-5), for the
// provisional range or, when the first observation settles the level, for
// that level, in the order of the plan's clause index; then the grade and the
// response of the level. A fault goes through its fault rules (an
// alternative listed once its condition holds: ino 第5条 makes it the
// council's decision on a serious fault), and a fault under a
// plan with a continuity part but no fault rules (nakano) through the
// recovery flow, contacts and report schedule of that part. An event the plan
// states no handling for is a *DrillError wrapping ErrUnhandled; an invalid
// scenario one wrapping ErrScenario. s.Plan is not checked against p.ID: a
// vendor may run a reference scenario under its own plan.
//
// Who observes, judges, maintains and reports is the plan's [bcp.Plan.Duties];
// a duty it does not state falls to the library's default ([bcp.Plan.Duty]).
// Where the plans are silent the drill decides, and says so: the observation
// entry of an event cites the clauses of the first action it sets off (an
// event that sets off nothing is not listed); a body whose convener the plan
// does not name is convened by whoever the response names, else the chain's
// chief; under a plan that states no reporting chain ([council.Chain.Empty])
// no chief is invented: such a step, and a duty whose default is the chief,
// is listed without an actor, as a notice whose sender the plan does not
// name is (kumamoto 3); the recovery order treats unassessed impact scales
// as large (AssumeLarge) and cites the plan's [bcp.Continuity.Order] (a
// position it gives no clause for cites the plan's inventory); contacts are
// the plan's [bcp.ContactRule]s ([bcp.Continuity.ContactFor]); scheduled
// reports follow the plan's [bcp.ReportPlan], go through the channel for
// system owners, and run until the recovery or, while the outage lasts, the
// last event.
func Run(p bcp.Plan, s Scenario) (Timeline, error) {
	d, err := NewDrill(p)
	if err != nil {
		return Timeline{}, &DrillError{Scenario: s.ID, Event: -1, Err: err}
	}
	return d.Run(s)
}

// A Drill is a plan prepared for drills: its threat scheme and fault rules
// built and its provenance computed once, so that many scenarios can run
// under it cheaply. Drill.Run gives what Run gives.
//
// A Drill is immutable and safe for concurrent use. The zero Drill has no
// plan; its Run works on an empty plan and reports every event unhandled.
// Use it through the pointer NewDrill returns.
type Drill struct {
	p drillPlan
}

// NewDrill prepares plan p for drills. A plan whose threat scheme or fault
// rules do not build, or that does not encode (for its fingerprint), is an
// error. NewDrill keeps no reference to p's parts that a caller could still
// change: it copies what it keeps.
func NewDrill(p bcp.Plan) (*Drill, error) {
	d, err := drillPlanOf(p.Clone())
	if err != nil {
		return nil, err
	}
	return &Drill{p: d}, nil
}

// Run runs scenario s under the drill's plan; see the function Run.
func (d *Drill) Run(s Scenario) (Timeline, error) {
	if err := s.Validate(); err != nil {
		return Timeline{}, &DrillError{Scenario: s.ID, Event: -1, Err: err}
	}
	var p drillPlan
	if d != nil {
		p = d.p
	}
	return runDrill(p, s)
}
