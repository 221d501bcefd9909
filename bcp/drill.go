package bcp

import (
	"cmp"
	"errors"
	"fmt"
	"github.com/jukiplan/jukiplan/internal/duration"
	"slices"
	"strings"
	"time"

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

// Error implements error: "bcp: drill tottori-l3: event 2: …".
func (e *DrillError) Error() string {
	if e.Event < 0 {
		return fmt.Sprintf("bcp: drill %s: %v", e.Scenario, e.Err)
	}
	return fmt.Sprintf("bcp: drill %s: event %d: %v", e.Scenario, e.Event, e.Err)
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
	prov       Provenance
	index      council.Index
	org        council.Organization
	duties     []Assignment
	scheme     *threat.Scheme
	faults     fault.Plan
	continuity *Continuity
	annex      []measures.Case
	playbooks  measures.Playbooks
	cards      measures.Rules
	recurrence *Recurrence
	vocabulary Vocabulary // a copy of the plan's
	words      *words     // its lookups, built once and only read
	readings   []Mark     // a copy of the plan's readings
}

func drillPlanOf(p Plan) (drillPlan, error) {
	prov, err := p.Provenance()
	if err != nil {
		return drillPlan{}, err
	}
	d := drillPlan{id: p.ID, prov: prov, duties: p.Duties, vocabulary: p.Vocabulary.Clone(), readings: slices.Clone(p.Readings)}
	d.words = d.vocabulary.words()
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

// provenanceOf names the plan a timeline or diagram was made with: its
// Provenance, or its ID and version alone when it does not encode.
func provenanceOf(p Plan) Provenance {
	if pr, err := p.Provenance(); err == nil {
		return pr
	}
	return Provenance{Plan: p.ID, Version: p.Version}
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
// Who observes, judges, maintains and reports is the plan's [Plan.Duties];
// a duty it does not state falls to the library's default ([Plan.Duty]).
// Where the plans are silent the drill decides, and says so: the observation
// entry of an event cites the clauses of the first action it sets off (an
// event that sets off nothing is not listed); a body whose convener the plan
// does not name is convened by whoever the response names, else the chain's
// chief; the recovery order treats unassessed impact scales as large
// (AssumeLarge) and cites the plan's [Continuity.Order] (a position it gives
// no clause for cites the plan's inventory); contacts are the
// plan's [ContactRule]s ([Continuity.ContactFor]); scheduled reports follow
// the plan's [ReportPlan], go through the channel for system owners, and run
// until the recovery or, while the outage lasts, the last event.
func Run(p Plan, s Scenario) (Timeline, error) {
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
func NewDrill(p Plan) (*Drill, error) {
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
	w   *words // the plan's vocabulary: entries speak its words
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
	changes    []Change
	recovered  time.Time
}

// entryKey identifies an entry for listing it once: what, who, to whom, how,
// at which grade, and on which clauses.
type entryKey struct {
	act              Act
	actor, to        council.Actor
	channel          Channel
	level, min, max  threat.Level
	detail, detailJA string
	asNeeded         bool
	cites            string
	at               int64
}

type upAt struct {
	at time.Time
	up Services
}

func runDrill(p drillPlan, s Scenario) (Timeline, error) {
	r := &runner{p: p, sc: s, seen: map[entryKey]bool{}, w: p.words}
	for i, e := range s.Events {
		r.ev, r.at = i, e.At
		start := len(r.out)
		obs := Entry{Act: ActObserve, Actor: e.By, Detail: e.describe(r.w), DetailJA: e.describeJA(r.w)}
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
	return Timeline{Plan: p.id, Scenario: s.ID, Title: s.Title, Provenance: p.prov, Vocabulary: p.vocabulary.Clone(), Entries: r.out, Readings: slices.Clone(p.readings)}, nil
}

// observer is who observes an event the scenario names no observer for:
// the plan's duty for its kind.
func (r *runner) observer(e Event) council.Actor {
	switch e.Kind {
	case SymptomReported, CardLost:
		return r.duty(NoticeAtTerminal).Actor
	case FaultDetected, Recovery, StatusChange:
		return r.duty(DetectFault).Actor
	}
	return r.duty(ObserveAct).Actor
}

// duty returns who performs d under the plan: its own assignment, else the
// library's default.
func (r *runner) duty(d Duty) Assignment {
	a, _ := duty(r.p.duties, r.p.org.Chain, d, r.outage && !r.p.faults.IsValid())
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
		detail: e.Detail, detailJA: e.DetailJA, asNeeded: e.AsNeeded, cites: e.Cites.String()}
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
				r.emit(Entry{Act: ActJudge, Actor: r.judgeActor(), Detail: "judge whether the act poses a serious threat to identity information",
					DetailJA: "本人確認情報への重大な脅威の有無を判断", Cites: nc.Citations})
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
			r.emit(Entry{Act: ActJudge, Actor: r.judgeActor(), Detail: "the level table does not grade this act: a person judges its level",
				DetailJA: "脅威度の表に該当しない事象: 判断により脅威度を決める", Cites: nc.Citations})
			return nil
		}
		return err
	}
	if !rg.Confirmed() {
		r.emit(Entry{Act: ActProvisional, Actor: r.judgeActor(), Min: rg.Min, Max: rg.Max,
			Detail: "level not yet established; unknown: " + rg.Unknown.String(), DetailJA: "脅威度の判定中（未確定の事実あり）", Cites: rg.Citations})
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

func (r *runner) judgeActor() council.Actor { return r.duty(Judge).Actor }

func (r *runner) respond(g threat.Grading) error {
	resp, err := threat.Respond(r.p.scheme, g)
	if err != nil {
		return err
	}
	d, dja := g.Example, g.Example
	if g.Manual {
		d, dja = "judged "+r.judgement.String()+": "+g.Reason, r.judgement.Label()+": "+g.Reason
	}
	r.emit(Entry{Act: ActGrade, Actor: r.judgeActor(), Level: g.Level, Detail: d, DetailJA: dja, Cites: g.Citations})
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
		Detail: a.Step.String(), DetailJA: a.Step.Label(), Cites: a.Citations}
	if a.Note != "" {
		e.DetailJA = a.Note
	}
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
		Detail: "notify", DetailJA: "連絡", Cites: n.Citations}
	if n.Ask != 0 {
		e.Act, e.Detail, e.DetailJA = ActRequest, n.Ask.String(), n.Ask.Label()
	}
	if n.Note != "" {
		e.DetailJA = n.Note
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
	by := r.duty(RunPlaybook)
	for _, st := range pb.Steps {
		e := Entry{Act: ActPlaybook, Actor: by.Actor, Detail: fmt.Sprintf("annex %s %s (%s, %s)", pb.Case, st.Mark, st.Action, st.Mode),
			DetailJA: pb.Label + st.Mark + " " + st.Text, Cites: st.Citations}
		if st.Mode != measures.Alone {
			e.To = by.To
		}
		if st.Conditional() && !st.AppliesWhen(held) {
			e.AsNeeded = true
			e.Detail += " if " + st.Condition.String()
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
				Detail: "request that the " + r.en(c.Body) + " meet", DetailJA: r.ja(c.Body) + "の開催を要請", Cites: c.Cites})
		}
	}
	if !convener.IsValid() {
		convener = council.ByRole(r.p.org.Chain.Chief)
	}
	d := "convene the " + r.en(c.Body) + " on " + t.String()
	dja := r.ja(c.Body) + "を開催（" + t.Label() + "）"
	if c.Substitute.IsValid() {
		d += "; the " + r.en(c.Substitute) + " may stand in"
		dja += "。" + r.ja(c.Substitute) + "をもって代えることができる"
	}
	if c.Chair.IsValid() {
		d += "; chair " + r.en(c.Chair)
		dja += "。議長: " + r.ja(c.Chair)
	}
	r.emit(Entry{Act: ActConvene, Actor: convener, Level: l, AsNeeded: c.OnRequest, Detail: d, DetailJA: dja, Cites: cites.Join(c.Cites)})
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
		e := Entry{Act: ActAgenda, Actor: chair, Level: l, AsNeeded: it.Optional, Detail: it.Key, DetailJA: it.Title, Cites: council.Cites(it.Cite)}
		if len(it.Examples) > 0 {
			e.DetailJA += "（例: " + strings.Join(it.Examples, "、") + "）"
		}
		r.emit(e)
	}
}

func (r *runner) staffActor() council.Actor { return r.duty(Maintain).Actor }

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
		by := r.duty(DetectFault).Actor
		if len(d.By) > 0 {
			by = d.By[0]
		}
		r.emit(Entry{Act: ActInvestigate, Actor: by, Detail: "treat as a fault: " + r.en(e.Trigger), DetailJA: "障害として対応: " + r.ja(e.Trigger), Cites: d.Cites})
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
		from = r.duty(NoticeAtTerminal).Actor
	}
	r.emit(Entry{Act: ActInvestigate, Actor: from, Detail: "classify: " + r.en(e.Symptom) + " is a " + c.Kind.String() + " fault",
		DetailJA: r.ja(e.Symptom) + " → " + c.Kind.Label(), Cites: c.Cites})
	if inv, err := r.p.faults.Investigation(c.Kind); err == nil {
		var en, ja []string
		for _, ch := range inv.Checks {
			en, ja = append(en, r.en(ch)), append(ja, r.ja(ch))
		}
		by := r.duty(DetectFault).Actor
		for x := range inv.By.All() {
			by = council.ByRole(x)
			break
		}
		r.emit(Entry{Act: ActInvestigate, Actor: by, Detail: "checks: " + strings.Join(en, ", "), DetailJA: "確認: " + strings.Join(ja, "、"), Cites: inv.Cites})
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
		e := Entry{Actor: n.By, To: n.To, Detail: n.Action.String(), DetailJA: cmp.Or(n.Note, n.Action.Label()), Cites: n.Cites}
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
			r.emit(Entry{Act: ActAlternative, Actor: by, AsNeeded: true, Detail: fb.Alternative.String(), DetailJA: cmp.Or(fb.Note, fb.Alternative.Label()), Cites: fb.Cites})
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
		r.emit(Entry{Act: ActMaintain, Actor: who, AsNeeded: true, Detail: "repair, restore or replace", DetailJA: "修理、修復、交換等の保守作業", Cites: cs[fault.Maintained]})
		if ok, c := r.p.faults.IntegrityCheck(r.status.IdentityAffected); ok {
			ic := r.duty(CheckIntegrity)
			r.emit(Entry{Act: ActIntegrityCheck, Actor: ic.Actor, To: ic.To, Detail: "check the integrity of identity information before resuming",
				DetailJA: "運用再開前に本人確認情報の整合性を確認", Cites: c})
		}
		r.emit(Entry{Act: ActResume, Actor: r.duty(Resume).Actor, Detail: "resume operation", DetailJA: "運用の再開", Cites: cs[fault.Resumed]})
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
		var en, ja []string
		for _, m := range rec.Countermeasures {
			en, ja = append(en, m.String()), append(ja, m.Label())
		}
		r.emit(Entry{Act: ActPreventRecurrence, Actor: r.staffActor(), AsNeeded: true,
			Detail: "consider: " + strings.Join(en, ", "), DetailJA: "再発防止: " + strings.Join(ja, "、"), Cites: rec.Citations})
	}
	if rec.PlanRequired {
		// The parts of a [measures.PreventionPlan], in the engine's words.
		const planEN = "recurrence-prevention plan: situation and impact, causes, technical and organisational measures"
		const planJA = "再発防止計画の作成: 発生状況と影響、原因、技術的及び組織的な再発防止策"
		authors := rec.Authors
		n := 0
		for a := range authors.All() {
			if r.p.org.Chain.Nodes().Has(a) {
				n++
				r.emit(Entry{Act: ActPreventRecurrence, Actor: council.ByRole(a), Detail: planEN, DetailJA: planJA, Cites: rec.Citations})
			}
		}
		if n == 0 {
			r.emit(Entry{Act: ActPreventRecurrence, Actor: council.ByRole(r.p.org.Chain.Chief), Detail: planEN, DetailJA: planJA, Cites: rec.Citations})
		}
	}
}

func (r *runner) cardLost() error {
	if !r.p.cards.InForce.Has(measures.CardRevokedOnLoss) {
		return fmt.Errorf("%w: plan %s has no rule for a lost IC card", ErrUnhandled, r.p.id)
	}
	// The report and the inspection are listed only where the plan states
	// them, on its own clauses: an uncited entry would be a guess.
	if rep := r.duty(ReportCardLoss); rep.Actor.IsValid() {
		r.emit(Entry{Act: ActReport, Actor: rep.Actor, To: rep.To, Detail: "report the lost card at once",
			DetailJA: cmp.Or(rep.Note, ReportCardLoss.Label()), Cites: rep.Citations})
	}
	rev := r.duty(RevokeCard)
	r.emit(Entry{Act: ActRevoke, Actor: rev.Actor, Detail: "revoke the card at once", DetailJA: cmp.Or(rev.Note, RevokeCard.Label()), Cites: r.p.cards.Citations(measures.CardRevokedOnLoss)})
	if in := r.duty(InspectCards); in.Actor.IsValid() {
		r.emit(Entry{Act: ActInvestigate, Actor: in.Actor, AsNeeded: true, Detail: "inspect the use of the IC cards", DetailJA: cmp.Or(in.Note, InspectCards.Label()), Cites: in.Citations})
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
		if ph.Step == SystemRecovery {
			continue
		}
		if ph.Body.IsValid() {
			r.convene(council.TriggersOf(council.Fault), council.Actor{}, council.Citations{}, 0)
		}
		r.phase(ph)
		if i == 0 {
			r.contacts(e.Status.Up)
			for _, o := range c.Routes {
				if o.Incident == FaultNoLeak && o.Publication.IsValid() {
					ja := o.Decision
					if ja == "" {
						ja = "公表及び議会への報告の判断"
					}
					r.emit(Entry{Act: ActMeasure, Actor: o.Publication, AsNeeded: true, Detail: "decide on publication and on reporting to the assembly",
						DetailJA: ja, Cites: o.Citations})
				}
			}
		}
	}
	return r.outageStatus(e, Status{Up: e.Status.Up})
}

func (r *runner) phase(ph Phase) {
	e := Entry{Act: ActFlow, Detail: ph.Step.String(), DetailJA: r.ja(ph.Step) + ": " + ph.Note, Cites: ph.Citations}
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
		e.Actor = r.duty(Secretariat).Actor
		e.Detail += " (by the " + r.w.name(ph.Body) + ")"
	}
	r.emit(e)
}

var contactAudiences = []Audience{ProviderBroad, CrisisManagement, WardWide, SystemOwners, ToProvider, OutsideBodies}

func (r *runner) contacts(up Services) {
	if len(r.p.continuity.Contacts) == 0 {
		return
	}
	for _, a := range contactAudiences {
		c, ok := r.p.continuity.ContactFor(a, up)
		if !ok {
			continue
		}
		act, d, dja := ActNotify, a.String(), r.ja(a)
		if c.Note != "" {
			dja = c.Note
		}
		if a == CrisisManagement {
			act, d = ActReport, "first report (may be oral or a memo), then the report form"
		}
		if c.Also != 0 {
			var en, ja []string
			for v := range c.Also.All() {
				en, ja = append(en, r.en(v)), append(ja, r.ja(v))
			}
			d += " (also " + strings.Join(en, ", ") + ")"
			dja += "（併用: " + strings.Join(ja, "、") + "）"
		}
		if c.Via.IsValid() {
			d += " via " + r.en(c.Via)
			dja += "（" + r.ja(c.Via) + "経由）"
		}
		for x := range c.ToRoles.All() {
			r.emit(Entry{Act: act, Actor: c.From, To: council.ByRole(x), Channel: c.Channel, Detail: d, DetailJA: dja, Cites: c.Citations})
		}
		for x := range c.ToParties.All() {
			r.emit(Entry{Act: act, Actor: c.From, To: council.ByParty(x), Channel: c.Channel, Detail: d, DetailJA: dja, Cites: c.Citations})
		}
		if c.ToRoles == 0 && c.ToParties == 0 {
			// The whole ward (全庁): no one actor receives it.
			r.emit(Entry{Act: act, Actor: c.From, Channel: c.Channel, Detail: d, DetailJA: dja, Cites: c.Citations})
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
			ch = ch.With(FieldExpectedRecovery)
		}
	}
	if ch != 0 {
		r.changes = append(r.changes, Change{At: e.At, Fields: ch})
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
		if ph.Step == SystemRecovery {
			r.phase(ph)
		}
	}
	ps, err := Order(r.p.continuity.Inventory.Systems, OrderOptions{Unassessed: AssumeLarge, Clauses: r.p.continuity.Order})
	if err != nil {
		return err
	}
	system, platform := r.duty(RecoverSystem).Actor, r.duty(RecoverPlatform).Actor
	for _, p := range ps {
		by := system
		if p.Kind == Platform {
			by = platform
		}
		cites := p.Citations
		if cites.Len() == 0 {
			cites = r.p.continuity.Inventory.Citations // the plan gives no ground: its list of systems
		}
		r.emit(Entry{Act: ActRecover, Actor: by, Detail: fmt.Sprintf("#%d %s (%s, %s)", p.Rank, p.ID, p.Effective, p.Reasons),
			DetailJA: fmt.Sprintf("第%d位 %s（%s）", p.Rank, p.Name, p.Owner), Cites: cites})
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
	w := Window{Detected: r.detectedAt, Recovered: end}
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
	by, sc := r.duty(ReportSituation), r.p.continuity.Schedule
	for _, rt := range rts {
		r.at, r.ev = rt.At, r.eventAt(rt.At)
		c, ok := r.p.continuity.ContactFor(SystemOwners, r.upAt(rt.At))
		if !ok {
			continue
		}
		e := Entry{Act: ActScheduledReport, Actor: by.Actor, To: by.To, Channel: c.Channel, Cites: r.p.continuity.Schedule.Citations}
		if rt.Kind == Progress {
			e.Act = ActProgressReport
		}
		switch {
		case rt.Kind == Progress:
			e.Detail, e.DetailJA = "changed: "+rt.Fields.String(), "変更: "+fieldsJA(r.w, rt.Fields)
		case rt.Known:
			e.Detail, e.DetailJA = "expected recovery known", cmp.Or(sc.OnceKnown, "復旧見込判明後")
		default:
			e.Detail, e.DetailJA = "recovery time unknown", cmp.Or(sc.WhileUnknown, "復旧見込不明")
		}
		if rt.Kind == Scheduled && rt.Fields != 0 {
			e.Detail += "; reflects " + rt.Fields.String()
			e.DetailJA += "（反映: " + fieldsJA(r.w, rt.Fields) + "）"
		}
		r.emit(e)
	}
}

// fieldsJA lists fs in Japanese, in the plan's words.
func fieldsJA(w *words, fs Fields) string {
	var ja []string
	for f := range fs.All() {
		ja = append(ja, w.any(f, Japanese))
	}
	return strings.Join(ja, "、")
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
func (r *runner) upAt(t time.Time) Services {
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

// statusText summarises what a status states, in language l.
func statusText(w *words, s Status, l Lang) string {
	var parts []string
	add := func(en, ja string) {
		if l == Japanese {
			parts = append(parts, ja)
		} else {
			parts = append(parts, en)
		}
	}
	if s.ServerDown {
		add("server down", "サーバ停止")
	}
	if s.CauseUnknown {
		add("cause unknown", "原因不明")
	}
	if s.OperationImpossible {
		add("operation impossible", "業務運用不可")
	}
	if s.IdentityAffected {
		add("identity information affected", "本人確認情報に影響")
	}
	if s.Impact > 0 {
		add(fmt.Sprintf("impact %d%%", s.Impact), fmt.Sprintf("影響度%d%%", s.Impact))
	}
	if s.ExpectedStop > 0 {
		add("expected stop "+duration.Format(s.ExpectedStop), "停止見込"+duration.Format(s.ExpectedStop))
	}
	if s.Up != 0 {
		var ja []string
		for v := range s.Up.All() {
			ja = append(ja, v.Label())
		}
		add("up "+s.Up.String(), "稼働: "+strings.Join(ja, "、"))
	}
	if !s.Expected.IsZero() {
		t := s.Expected.In(jst).Format("2006-01-02 15:04")
		add("expected recovery "+t, "復旧見込 "+t)
	}
	if s.Changed != 0 {
		add("changed "+s.Changed.String(), "変更: "+fieldsJA(w, s.Changed))
	}
	sep := "; "
	if l == Japanese {
		sep = "、"
	}
	return strings.Join(parts, sep)
}

func (e Event) describe(w *words) string {
	switch e.Kind {
	case FaultDetected:
		d := "fault detected"
		if e.Trigger != 0 {
			d += ": " + w.any(e.Trigger, English)
		}
		if st := statusText(w, e.Status, English); st != "" {
			d += " (" + st + ")"
		}
		return d
	case StatusChange:
		return "status: " + statusText(w, e.Status, English)
	case SymptomReported:
		return "symptom reported: " + w.any(e.Symptom, English)
	case ActObserved:
		return "act observed: " + e.Act.String()
	case AttributeLearned:
		return "learned: " + learnedText(e.Learned, English)
	}
	return e.Kind.String()
}

func (e Event) describeJA(w *words) string {
	switch e.Kind {
	case FaultDetected:
		d := "障害の発見"
		if e.Trigger != 0 {
			d += ": " + w.any(e.Trigger, Japanese)
		}
		if st := statusText(w, e.Status, Japanese); st != "" {
			d += "（" + st + "）"
		}
		return d
	case StatusChange:
		return "状況の変化: " + statusText(w, e.Status, Japanese)
	case SymptomReported:
		return "症状の報告: " + w.any(e.Symptom, Japanese)
	case ActObserved:
		return "不正行為の発見: " + e.Act.Kind.Label()
	case AttributeLearned:
		return "判明: " + learnedText(e.Learned, Japanese)
	}
	return e.Kind.Label()
}

// learnedText renders the graded attributes an event states.
func learnedText(e threat.Event, l Lang) string {
	var parts []string
	add := func(en, ja, v, vja string) {
		if l == Japanese {
			parts = append(parts, ja+": "+vja)
		} else {
			parts = append(parts, en+"="+v)
		}
	}
	if e.Place != 0 {
		add("place", threat.AttrPlace.Label(), e.Place.String(), e.Place.Label())
	}
	if e.Firewall != 0 {
		add("firewall", threat.AttrFirewall.Label(), e.Firewall.String(), e.Firewall.Label())
	}
	if e.Severity != 0 {
		add("severity", threat.AttrSeverity.Label(), e.Severity.String(), e.Severity.Label())
	}
	return strings.Join(parts, " ")
}

// labeled is a value that prints itself in the engine's words.
type labeled interface {
	Label() string
	String() string
}

// en and ja give x in the plan's words (see [Vocabulary.Label]).
func (r *runner) en(x labeled) string { return r.w.any(x, English) }
func (r *runner) ja(x labeled) string { return r.w.any(x, Japanese) }
