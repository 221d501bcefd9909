package drill

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

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
	faults     fault.Plan
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
		f, err := p.FaultPlan()
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
// chief; the recovery order treats unassessed impact scales as large
// (AssumeLarge) and cites the plan's [bcp.Continuity.Order] (a position it gives
// no clause for cites the plan's inventory); contacts are the
// plan's [bcp.ContactRule]s ([bcp.Continuity.ContactFor]); scheduled reports follow
// the plan's [bcp.ReportPlan], go through the channel for system owners, and run
// until the recovery or, while the outage lasts, the last event.
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

	// the unauthorized act
	act       threat.Event
	actOpen   bool
	actBy     council.Actor
	playbook  bool
	judgement Judgement
	reason    string
	captured  bool // the steps before the level is judged (precautions) are listed
	convened  council.Triggers
	grading   threat.Grading
	// obsCites are the clauses an event rests on when it sets off no entry
	// at its own instant (a change reported later by the schedule).
	obsCites council.Citations

	// the fault
	faultOpen bool
	status    Status
	symptom   fault.Symptom
	serious   bool

	// the IaaS outage
	outage     bool
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
	step, ask             threat.Step
	unknown               threat.Attributes
	example, reason, note string
	judgement             Judgement
	playbook              PlaybookStep
	body, substitute      council.Body
	on                    council.Trigger
	chair                 council.Role
	item, title           string
	trigger               fault.Trigger
	symptom               fault.Symptom
	kind                  fault.Kind
	notice                fault.Action
	alternative           fault.Alternative
	flow                  bcp.Step
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
		chair: w.Chair, item: w.Item, title: w.Title, trigger: w.Trigger, symptom: w.Symptom, kind: w.Kind,
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

type upAt struct {
	at time.Time
	up bcp.Services
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
	r.schedule()
	slices.SortStableFunc(r.out, func(a, b Entry) int { return a.At.Compare(b.At) })
	return Timeline{Plan: p.id, Scenario: s.ID, Title: s.Title, Provenance: p.prov, Vocabulary: p.vocabulary.Clone(),
		Events: slices.Clone(s.Events), Entries: r.out, Readings: slices.Clone(p.readings)}, nil
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
	if r.outage && !r.p.faults.IsValid() {
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

func (r *runner) event(e Event) error {
	switch e.Kind {
	case ActObserved:
		r.act, r.actOpen, r.actBy, r.captured = e.Act, true, e.By, false
		r.judge(e)
		return r.threat()
	case AttributeLearned:
		if !r.actOpen {
			return fmt.Errorf("%w: an attribute learned before any act was observed", ErrScenario)
		}
		for _, a := range threat.AllAttributes() {
			if v := e.Learned.Value(a); v != 0 {
				r.act = r.act.With(a, v)
			}
		}
		r.judge(e)
		return r.threat()
	case FaultDetected:
		if r.outage {
			return r.statusChange(e)
		}
		r.status = e.Status
		return r.faultDetected(e)
	case SymptomReported:
		return r.symptomReported(e)
	case StatusChange:
		return r.statusChange(e)
	case Recovery:
		return r.recovery()
	case CardLost:
		return r.cardLost()
	}
	return fmt.Errorf("%w: event kind %v", ErrScenario, e.Kind)
}

func (r *runner) judge(e Event) {
	if e.Judgement != 0 {
		r.judgement, r.reason = e.Judgement, e.Reason
	}
}

// threat grades the act as known now and lists what the plan requires.
func (r *runner) threat() error {
	s := r.p.scheme
	if s == nil {
		// A plan that grades no threats: the council meets on an
		// unauthorized act (kumiyama 第6条5項) or, failing a rule for it,
		// on a security incident (nakano ICT-BCP 6(1)).
		ts := council.TriggersOf(council.UnauthorizedAct, council.SecurityIncident)
		if c, err := council.ConveneAny(r.p.org, ts); err == nil && c.Named {
			r.convene(ts, council.Actor{}, council.Citations{}, 0)
			return nil
		}
		return fmt.Errorf("%w: plan %s grades no unauthorized act and convenes no body for one", ErrUnhandled, r.p.id)
	}
	r.playbookSteps()
	if s.Scale() == threat.ScaleSerious {
		if r.judgement == 0 {
			_, err := threat.Grade(s, r.act)
			var nc *threat.NotCoveredError
			if errors.As(err, &nc) {
				r.emit(Entry{Act: ActJudge, Actor: r.judgeActor(), What: What{About: AboutSeriousJudgement}, Cites: nc.Citations})
			}
			return nil
		}
		g, err := threat.JudgeSerious(s, r.act, r.judgement == Serious, r.reason)
		if err != nil {
			return err
		}
		return r.respond(g)
	}
	rg, err := threat.Provisional(s, r.act)
	if err != nil {
		var nc *threat.NotCoveredError
		if errors.As(err, &nc) {
			r.emit(Entry{Act: ActJudge, Actor: r.judgeActor(), What: What{About: AboutUngraded}, Cites: nc.Citations})
			return nil
		}
		return err
	}
	if !rg.Confirmed() {
		r.emit(Entry{Act: ActProvisional, Actor: r.judgeActor(), Min: rg.Min, Max: rg.Max,
			What: What{About: AboutProvisional, Unknown: rg.Unknown}, Cites: rg.Citations})
		return r.capture(rg, 0)
	}
	g, err := threat.Grade(s, r.act)
	if err != nil {
		return err
	}
	// The situation is captured and the level judged before the response,
	// also when the first observation settles the level (tottori 第3-3 to
	// 第3-5 apply to every act found): the precautions of that level.
	if !r.captured {
		if err := r.capture(rg, g.Level); err != nil {
			return err
		}
	}
	return r.respond(g)
}

// capture lists what scheme prescribes while the level is being established
// (its precautions at the top of range rg: tottori 第3-3 to 第3-5, kumamoto
// 4(1)(ア)(イ)), actions and notifications together in the order of the
// plan's clauses, each at the first clause it cites that the plan's index
// lists (ties, and clauses the index does not list, keep the scheme's
// order: its actions, then its notifications). Level l, when set, is the
// level the first observation settled; else the entries carry the range.
func (r *runner) capture(rg threat.Range, l threat.Level) error {
	pc, err := threat.Precautions(r.p.scheme, rg)
	if err != nil {
		return err
	}
	r.captured = true
	lo, hi := rg.Min, rg.Max
	if l.IsValid() {
		lo, hi = 0, 0
	}
	// at is an item's place in the document; i indexes the actions, or
	// (-1-i) the notifications.
	type item struct{ at, i int }
	items := make([]item, 0, pc.Actions.Len()+pc.Notifications.Len())
	for i, a := range pc.Actions.All() {
		items = append(items, item{r.clauseAt(a.Citations), i})
	}
	for i, n := range pc.Notifications.All() {
		items = append(items, item{r.clauseAt(n.Citations), -1 - i})
	}
	slices.SortStableFunc(items, func(a, b item) int { return a.at - b.at })
	for _, it := range items {
		if it.i >= 0 {
			r.threatAction(pc.Actions.At(it.i), l, lo, hi)
		} else {
			r.threatNotice(pc.Notifications.At(-1-it.i), l, lo, hi)
		}
	}
	return nil
}

// clauseAt is the place in the document of the first of cs (in document
// order) that the plan's clause index lists; past every clause when it lists
// none.
func (r *runner) clauseAt(cs council.Citations) int {
	at := r.p.index.Len()
	for _, c := range cs.All() {
		if i, ok := r.p.index.Position(c); ok {
			at = min(at, i)
		}
	}
	return at
}

func (r *runner) judgeActor() council.Actor { return r.duty(bcp.Judge).Actor }

func (r *runner) respond(g threat.Grading) error {
	resp, err := threat.Respond(r.p.scheme, g)
	if err != nil {
		return err
	}
	w := What{About: AboutGrade, Example: g.Example}
	if g.Manual {
		w = What{About: AboutGrade, Judgement: r.judgement, Reason: g.Reason}
	}
	r.emit(Entry{Act: ActGrade, Actor: r.judgeActor(), Level: g.Level, What: w, Cites: g.Citations})
	r.grading = g
	for _, a := range resp.Actions.All() {
		r.threatAction(a, g.Level, 0, 0)
	}
	for _, n := range resp.Notifications.All() {
		r.threatNotice(n, g.Level, 0, 0)
	}
	// The organisation says whether the grading convenes a body, whether or
	// not the scheme's response names the convening.
	r.convene(g.Triggers(), council.Actor{}, council.Citations{}, g.Level)
	return nil
}

func (r *runner) threatAction(a threat.Action, l, lo, hi threat.Level) {
	e := Entry{Actor: a.Actor, To: a.Target, Level: l, Min: lo, Max: hi, AsNeeded: a.If == threat.AsNeeded,
		What: What{About: AboutThreatStep, Step: a.Step, Note: a.Note}, Cites: a.Citations}
	switch a.Step {
	case threat.Report:
		e.Act = ActReport
	case threat.RequestMeasures, threat.ProposeCouncil:
		e.Act = ActRequest
	case threat.Investigate, threat.FindCause, threat.CollectInformation, threat.CaptureSituation:
		e.Act = ActInvestigate
	case threat.JudgeLevel:
		e.Act = ActJudge
	case threat.StandDown:
		e.Act = ActStandDown
	case threat.PlanCountermeasures, threat.ImplementCountermeasures:
		e.Act = ActPreventRecurrence
	case threat.ConveneCouncil:
		r.convene(r.grading.Triggers(), a.Actor, a.Citations, l)
		return
	default:
		e.Act = ActMeasure
	}
	r.emit(e)
}

func (r *runner) threatNotice(n threat.Notification, l, lo, hi threat.Level) {
	e := Entry{Act: ActNotify, Actor: n.From, To: n.To, Level: l, Min: lo, Max: hi, AsNeeded: n.If == threat.AsNeeded,
		What: What{About: AboutThreatNotice, Ask: n.Ask, Note: n.Note}, Cites: n.Citations}
	if n.Ask != 0 {
		e.Act = ActRequest
	}
	r.emit(e)
}

// playbookSteps lists the annex playbook of the act, once, when the plan
// has the annex and the act's source is known.
func (r *runner) playbookSteps() {
	if len(r.p.annex) == 0 || r.playbook || r.act.Source == 0 {
		return
	}
	pb, err := r.p.playbooks.ForEvent(r.act)
	if err != nil || !slices.Contains(r.p.annex, pb.Case) {
		return
	}
	r.playbook = true
	held := measures.EventConditions(r.act)
	by := r.duty(bcp.RunPlaybook)
	for _, st := range pb.Steps {
		e := Entry{Act: ActPlaybook, Actor: by.Actor, What: What{About: AboutPlaybookStep, Playbook: PlaybookStep{
			Case: pb.Case, Label: pb.Label, Mark: st.Mark, Action: st.Action, Mode: st.Mode, Text: st.Text}}, Cites: st.Citations}
		if st.Mode != measures.Alone {
			e.To = by.To
		}
		if st.Conditional() && !st.AppliesWhen(held) {
			e.AsNeeded = true
			e.What.Playbook.Condition = st.Condition
		}
		r.emit(e)
	}
}

// convene lists the convening of the body the plan names for an event that
// is every trigger of ts (council.ConveneAny), and its agenda, once per
// deciding trigger.
func (r *runner) convene(ts council.Triggers, by council.Actor, cites council.Citations, l threat.Level) {
	if ts == 0 {
		return
	}
	c, err := council.ConveneAny(r.p.org, ts)
	if err != nil || !c.Named || !c.Meets || r.convened.Has(c.Trigger) {
		return
	}
	t := c.Trigger
	r.convened = r.convened.With(t)
	convener := by
	if c.Convener.IsValid() {
		convener = council.ByRole(c.Convener)
	}
	if c.OnRequest {
		for req := range c.RequestedBy.All() {
			r.emit(Entry{Act: ActRequest, Actor: council.ByRole(req), To: convener, Level: l, AsNeeded: true,
				What: What{About: AboutCouncilRequest, Body: c.Body}, Cites: c.Cites})
		}
	}
	if !convener.IsValid() {
		convener = council.ByRole(r.p.org.Chain.Chief)
	}
	w := What{About: AboutConvening, Body: c.Body, On: t}
	if c.Substitute.IsValid() {
		w.Substitute = c.Substitute
	}
	if c.Chair.IsValid() {
		w.Chair = c.Chair
	}
	r.emit(Entry{Act: ActConvene, Actor: convener, Level: l, AsNeeded: c.OnRequest, What: w, Cites: cites.Join(c.Cites)})
	if !c.Agenda.IsValid() {
		return
	}
	ag, err := r.p.org.Agenda(c.Agenda)
	if err != nil {
		return
	}
	chair := convener
	if c.Chair.IsValid() {
		chair = council.ByRole(c.Chair)
	}
	for _, it := range ag.Items {
		r.emit(Entry{Act: ActAgenda, Actor: chair, Level: l, AsNeeded: it.Optional,
			What: What{About: AboutAgendaItem, Item: it.Key, Title: it.Title, Examples: slices.Clone(it.Examples)}, Cites: council.Cites(it.Cite)})
	}
}

func (r *runner) staffActor() council.Actor { return r.duty(bcp.Maintain).Actor }

func (r *runner) faultDetected(e Event) error {
	if !r.p.faults.IsValid() {
		if r.p.continuity != nil {
			return r.outageDetected(e)
		}
		return fmt.Errorf("%w: plan %s has no fault chapter and no continuity plan", ErrUnhandled, r.p.id)
	}
	if e.Trigger != 0 {
		d, err := r.p.faults.Detect(e.Trigger)
		if err != nil {
			return err
		}
		by := r.duty(bcp.DetectFault).Actor
		if len(d.By) > 0 {
			by = d.By[0]
		}
		r.emit(Entry{Act: ActInvestigate, Actor: by, What: What{About: AboutDetection, Trigger: e.Trigger}, Cites: d.Cites})
	}
	r.faultOpen = true
	return r.escalate()
}

func (r *runner) symptomReported(e Event) error {
	if !r.p.faults.IsValid() {
		return fmt.Errorf("%w: plan %s lists no fault symptoms", ErrUnhandled, r.p.id)
	}
	c, err := r.p.faults.Classify(e.Symptom)
	if err != nil {
		return err
	}
	r.faultOpen = true
	r.symptom = e.Symptom
	from := e.By
	if !from.IsValid() {
		from = r.duty(bcp.NoticeAtTerminal).Actor
	}
	r.emit(Entry{Act: ActInvestigate, Actor: from, What: What{About: AboutClassification, Symptom: e.Symptom, Kind: c.Kind}, Cites: c.Cites})
	if inv, err := r.p.faults.Investigation(c.Kind); err == nil {
		by := r.duty(bcp.DetectFault).Actor
		for x := range inv.By.All() {
			by = council.ByRole(x)
			break
		}
		r.emit(Entry{Act: ActInvestigate, Actor: by, What: What{About: AboutChecks, Checks: slices.Clone(inv.Checks)}, Cites: inv.Cites})
	}
	return r.escalate()
}

func (r *runner) statusChange(e Event) error {
	prev := r.status
	r.status = e.Status
	if r.outage {
		return r.outageStatus(e, prev)
	}
	if r.faultOpen {
		return r.escalate()
	}
	return nil
}

func (r *runner) escalate() error {
	sit := r.status.situation(r.symptom)
	sit.Kind = r.faultKind()
	es, err := r.p.faults.Escalate(sit)
	if err != nil {
		return err
	}
	if es.Serious {
		r.serious = true
	}
	for _, n := range es.Notices {
		e := Entry{Actor: n.By, To: n.To, What: What{About: AboutFaultNotice, Notice: n.Action, Note: n.Note}, Cites: n.Cites}
		switch n.Action {
		case fault.Report, fault.ReportSerious:
			e.Act = ActReport
		case fault.Notify, fault.NotifyOutage:
			e.Act = ActNotify
		case fault.RequestCooperation, fault.RequestProvisional, fault.ProposeCouncil:
			e.Act = ActRequest
		case fault.ConveneCouncil:
			r.convene(es.Triggers(), n.By, n.Cites, 0)
			continue
		default:
			e.Act = ActMeasure
		}
		r.emit(e)
	}
	r.convene(es.Triggers(), council.Actor{}, council.Citations{}, 0)
	// A fallback is listed once its condition holds: ino's nearby
	// municipality (第5条) is the council's decision, after the convening.
	if r.status.OperationImpossible || r.status.ServerDown {
		for _, fb := range r.p.faults.AlternativesIn(sit) {
			by := r.staffActor()
			for x := range fb.By.All() {
				by = council.ByRole(x)
				break
			}
			r.emit(Entry{Act: ActAlternative, Actor: by, AsNeeded: true, What: What{About: AboutAlternative, Alternative: fb.Alternative, Note: fb.Note}, Cites: fb.Cites})
		}
	}
	return nil
}

// faultKind is the kind of the reported symptom under the plan, or zero
// while no listed symptom was reported.
func (r *runner) faultKind() fault.Kind {
	c, err := r.p.faults.Classify(r.symptom)
	if err != nil {
		return 0
	}
	return c.Kind
}

// stageCites walks a fault through its lifecycle to read the clauses each
// stage rests on under the plan, for the fault's kind when known.
func (r *runner) stageCites() map[fault.Stage]council.Citations {
	out := map[fault.Stage]council.Citations{}
	f, err := r.p.faults.Open()
	if err != nil {
		return out
	}
	step := func(g fault.Fault, err error) {
		if err == nil {
			f = g
			out[f.Stage()] = r.p.faults.Step(r.faultKind(), f.Stage()).Citations
		}
	}
	step(f.Identify(fault.Hardware, 0)) // a drill knows no location
	step(f.Investigate(fault.Findings{Serious: r.serious && r.p.faults.Thresholds().Long > 0, IdentityAffected: r.status.IdentityAffected}))
	if f.Serious() {
		step(f.Escalate())
	}
	step(f.Maintain(fault.Repair))
	if f.IntegrityRequired() {
		step(f.CheckIntegrity())
	}
	step(f.Resume())
	step(f.PreventRecurrence())
	return out
}

func (r *runner) recovery() error {
	switch {
	case r.outage:
		return r.outageRecovered()
	case r.faultOpen:
		cs := r.stageCites()
		who := r.staffActor()
		r.emit(Entry{Act: ActMaintain, Actor: who, AsNeeded: true, What: What{About: AboutMaintenance}, Cites: cs[fault.Maintained]})
		if ok, c := r.p.faults.IntegrityCheck(r.status.IdentityAffected); ok {
			ic := r.duty(bcp.CheckIntegrity)
			r.emit(Entry{Act: ActIntegrityCheck, Actor: ic.Actor, To: ic.To, What: What{About: AboutIntegrityCheck}, Cites: c})
		}
		r.emit(Entry{Act: ActResume, Actor: r.duty(bcp.Resume).Actor, What: What{About: AboutResumption}, Cites: cs[fault.Resumed]})
		r.prevention(true)
		r.faultOpen = false
		return nil
	case r.actOpen:
		r.prevention(false)
		return nil
	}
	return fmt.Errorf("%w: a recovery before any fault, outage or act", ErrScenario)
}

// prevention lists the recurrence-prevention duties the plan states: the
// countermeasures it catalogues for faults (ino 第8条) and a written
// recurrence-prevention plan (kumamoto 5), drawn up by its authors among the
// plan's roles.
func (r *runner) prevention(isFault bool) {
	rec := r.p.recurrence
	if rec == nil {
		return
	}
	if isFault && len(rec.Countermeasures) > 0 {
		r.emit(Entry{Act: ActPreventRecurrence, Actor: r.staffActor(), AsNeeded: true,
			What: What{About: AboutCountermeasures, Measures: slices.Clone(rec.Countermeasures)}, Cites: rec.Citations})
	}
	if rec.PlanRequired {
		authors := rec.Authors
		n := 0
		for a := range authors.All() {
			if r.p.org.Chain.Nodes().Has(a) {
				n++
				r.emit(Entry{Act: ActPreventRecurrence, Actor: council.ByRole(a), What: What{About: AboutPreventionPlan}, Cites: rec.Citations})
			}
		}
		if n == 0 {
			r.emit(Entry{Act: ActPreventRecurrence, Actor: council.ByRole(r.p.org.Chain.Chief), What: What{About: AboutPreventionPlan}, Cites: rec.Citations})
		}
	}
}

func (r *runner) cardLost() error {
	if !r.p.cards.InForce.Has(measures.CardRevokedOnLoss) {
		return fmt.Errorf("%w: plan %s has no rule for a lost IC card", ErrUnhandled, r.p.id)
	}
	// The report and the inspection are listed only where the plan states
	// them, on its own clauses: an uncited entry would be a guess.
	if rep := r.duty(bcp.ReportCardLoss); rep.Actor.IsValid() {
		r.emit(Entry{Act: ActReport, Actor: rep.Actor, To: rep.To, What: What{About: AboutCardLossReport, Note: rep.Note}, Cites: rep.Citations})
	}
	rev := r.duty(bcp.RevokeCard)
	r.emit(Entry{Act: ActRevoke, Actor: rev.Actor, What: What{About: AboutCardRevocation, Note: rev.Note}, Cites: r.p.cards.Citations(measures.CardRevokedOnLoss)})
	if in := r.duty(bcp.InspectCards); in.Actor.IsValid() {
		r.emit(Entry{Act: ActInvestigate, Actor: in.Actor, AsNeeded: true, What: What{About: AboutCardInspection, Note: in.Note}, Cites: in.Citations})
	}
	return nil
}

// outageDetected starts the continuity plan's handling of an outage of the
// shared environment: the recovery flow, the first report and the contacts.
func (r *runner) outageDetected(e Event) error {
	if r.outage {
		return nil
	}
	r.outage, r.detectedAt = true, e.At
	r.ups = append(r.ups, upAt{e.At, e.Status.Up})
	c := r.p.continuity
	for i, ph := range c.Flow {
		if ph.Step == bcp.SystemRecovery {
			continue
		}
		if ph.Body.IsValid() {
			r.convene(council.TriggersOf(council.Fault), council.Actor{}, council.Citations{}, 0)
		}
		r.phase(ph)
		if i == 0 {
			r.contacts(e.Status.Up)
			for _, o := range c.Routes {
				if o.Incident == bcp.FaultNoLeak && o.Publication.IsValid() {
					r.emit(Entry{Act: ActMeasure, Actor: o.Publication, AsNeeded: true, What: What{About: AboutPublication, Note: o.Decision}, Cites: o.Citations})
				}
			}
		}
	}
	return r.outageStatus(e, Status{Up: e.Status.Up})
}

func (r *runner) phase(ph bcp.Phase) {
	e := Entry{Act: ActFlow, What: What{About: AboutFlowStep, Flow: ph.Step, Note: ph.Note}, Cites: ph.Citations}
	for x := range ph.Roles.All() {
		e.Actor = council.ByRole(x)
		break
	}
	if !e.Actor.IsValid() {
		for x := range ph.Parties.All() {
			e.Actor = council.ByParty(x)
			break
		}
	}
	if !e.Actor.IsValid() {
		e.Actor = r.duty(bcp.Secretariat).Actor
		e.What.Body = ph.Body // the secretariat acts for the body
	}
	r.emit(e)
}

var contactAudiences = []bcp.Audience{bcp.ProviderBroad, bcp.CrisisManagement, bcp.WardWide, bcp.SystemOwners, bcp.ToProvider, bcp.OutsideBodies}

func (r *runner) contacts(up bcp.Services) {
	if len(r.p.continuity.Contacts) == 0 {
		return
	}
	for _, a := range contactAudiences {
		c, ok := r.p.continuity.ContactFor(a, up)
		if !ok {
			continue
		}
		act := ActNotify
		if a == bcp.CrisisManagement {
			act = ActReport // the first report (ICT-BCP), then the report form
		}
		w := What{About: AboutContact, Audience: a, Also: c.Also, Note: c.Note}
		if c.Via.IsValid() {
			w.Via = c.Via
		}
		for x := range c.ToRoles.All() {
			r.emit(Entry{Act: act, Actor: c.From, To: council.ByRole(x), Channel: c.Channel, What: w, Cites: c.Citations})
		}
		for x := range c.ToParties.All() {
			r.emit(Entry{Act: act, Actor: c.From, To: council.ByParty(x), Channel: c.Channel, What: w, Cites: c.Citations})
		}
		if c.ToRoles == 0 && c.ToParties == 0 {
			// The whole ward (全庁): no one actor receives it.
			r.emit(Entry{Act: act, Actor: c.From, Channel: c.Channel, What: w, Cites: c.Citations})
		}
	}
}

func (r *runner) outageStatus(e Event, prev Status) error {
	if e.Status.Up != prev.Up {
		r.ups = append(r.ups, upAt{e.At, e.Status.Up})
		r.contacts(e.Status.Up)
	}
	ch := e.Status.Changed
	if !e.Status.Expected.IsZero() {
		if r.known.IsZero() {
			r.known, r.expected = e.At, e.Status.Expected
		}
		if !e.Status.Expected.Equal(prev.Expected) {
			ch = ch.With(bcp.FieldExpectedRecovery)
		}
	}
	if ch != 0 {
		r.changes = append(r.changes, bcp.Change{At: e.At, Fields: ch})
		if sc := r.p.continuity.Schedule; sc != nil {
			r.obsCites = sc.Citations
		}
	}
	return nil
}

func (r *runner) outageRecovered() error {
	if !r.recovered.IsZero() {
		return nil
	}
	r.recovered = r.at
	for _, ph := range r.p.continuity.Flow {
		if ph.Step == bcp.SystemRecovery {
			r.phase(ph)
		}
	}
	ps, err := bcp.Order(r.p.continuity.Inventory.Systems, bcp.OrderOptions{Unassessed: bcp.AssumeLarge, Clauses: r.p.continuity.Order})
	if err != nil {
		return err
	}
	system, platform := r.duty(bcp.RecoverSystem).Actor, r.duty(bcp.RecoverPlatform).Actor
	for _, p := range ps {
		by := system
		if p.Kind == bcp.Platform {
			by = platform
		}
		cites := p.Citations
		if cites.Len() == 0 {
			cites = r.p.continuity.Inventory.Citations // the plan gives no ground: its list of systems
		}
		r.emit(Entry{Act: ActRecover, Actor: by, What: What{About: AboutRecoveryOrder, Position: &p}, Cites: cites})
	}
	return nil
}

// schedule adds the scheduled and progress reports of an outage, from its
// detection to its recovery (or, while it lasts, the last event).
func (r *runner) schedule() {
	if !r.outage || r.p.continuity.Schedule == nil {
		return
	}
	end := r.recovered
	if end.IsZero() && len(r.sc.Events) > 0 {
		end = r.sc.Events[len(r.sc.Events)-1].At
	}
	// Reports fall before the end: so do the changes and the moment the
	// expected recovery became known that the window may hold.
	w := bcp.Window{Detected: r.detectedAt, Recovered: end}
	if !r.known.IsZero() && r.known.Before(end) {
		w.Known, w.Expected = r.known, r.expected
	}
	for _, c := range r.changes {
		if c.At.Before(end) {
			w.Changes = append(w.Changes, c)
		}
	}
	rts, err := r.p.continuity.Schedule.Reports(w)
	if err != nil {
		return
	}
	by, sc := r.duty(bcp.ReportSituation), r.p.continuity.Schedule
	for _, rt := range rts {
		r.at, r.ev = rt.At, r.eventAt(rt.At)
		c, ok := r.p.continuity.ContactFor(bcp.SystemOwners, r.upAt(rt.At))
		if !ok {
			continue
		}
		e := Entry{Act: ActScheduledReport, Actor: by.Actor, To: by.To, Channel: c.Channel, Cites: r.p.continuity.Schedule.Citations}
		if rt.Kind == bcp.Progress {
			e.Act = ActProgressReport
		}
		switch {
		case rt.Kind == bcp.Progress:
			e.What = What{About: AboutProgressReport, Fields: rt.Fields}
		case rt.Known:
			e.What = What{About: AboutScheduledReport, Known: true, Note: sc.OnceKnown, Fields: rt.Fields}
		default:
			e.What = What{About: AboutScheduledReport, Note: sc.WhileUnknown, Fields: rt.Fields}
		}
		if rt.Kind != bcp.Scheduled && rt.Kind != bcp.Progress {
			e.What.Fields = 0
		}
		r.emit(e)
	}
}

// eventAt returns the index of the last event at or before t (0 when none
// is): a binary search, as the events are in time order.
func (r *runner) eventAt(t time.Time) int {
	n, _ := slices.BinarySearchFunc(r.sc.Events, t, func(e Event, t time.Time) int {
		if e.At.After(t) {
			return 1
		}
		return -1
	})
	return max(n-1, 0)
}

// upAt returns the services up at t, as the last status at or before t
// stated them: a binary search, as the statuses are in time order.
func (r *runner) upAt(t time.Time) bcp.Services {
	n, _ := slices.BinarySearchFunc(r.ups, t, func(u upAt, t time.Time) int {
		if u.at.After(t) {
			return 1
		}
		return -1
	})
	if n == 0 {
		return 0
	}
	return r.ups[n-1].up
}

// jst is Japan time, in which timelines and scenario files write instants.
var jst = time.FixedZone("JST", 9*3600)
