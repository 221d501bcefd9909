package drill

import (
	"errors"
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

func (ac *actTracker) observed(r *runner, e Event) error {
	ac.event, ac.open, ac.by, ac.captured = e.Act, true, e.By, false
	ac.judge(e)
	return ac.threat(r)
}

func (ac *actTracker) learned(r *runner, e Event) error {
	if !ac.open {
		return fmt.Errorf("%w: an attribute learned before any act was observed", ErrScenario)
	}
	for _, a := range threat.AllAttributes() {
		if v := e.Learned.Value(a); v != 0 {
			ac.event = ac.event.With(a, v)
		}
	}
	for i := range threat.MaxDeclared {
		if a := threat.DeclaredAttribute(i); e.Learned.Value(a) != 0 {
			ac.event = ac.event.With(a, e.Learned.Value(a))
		}
	}
	ac.judge(e)
	return ac.threat(r)
}

func (ac *actTracker) judge(e Event) {
	if e.Judgement != 0 {
		ac.judgement, ac.reason = e.Judgement, e.Reason
	}
}

// threat grades the act as known now and lists what the plan requires.
func (ac *actTracker) threat(r *runner) error {
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
	ac.playbookSteps(r)
	if s.Scale() == threat.ScaleSerious {
		if ac.judgement == 0 {
			_, err := threat.Grade(s, ac.event)
			var nc *threat.NotCoveredError
			if errors.As(err, &nc) {
				r.emit(Entry{Act: ActJudge, Actor: r.judgeActor(), What: What{About: AboutSeriousJudgement}, Cites: nc.Citations})
			}
			return nil
		}
		g, err := threat.JudgeSerious(s, ac.event, ac.judgement == Serious, ac.reason)
		if err != nil {
			return err
		}
		return ac.respond(r, g)
	}
	rg, err := threat.Provisional(s, ac.event)
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
		return ac.capture(r, rg, 0)
	}
	g, err := threat.Grade(s, ac.event)
	if err != nil {
		return err
	}
	// The situation is captured and the level judged before the response,
	// also when the first observation settles the level (tottori 第3-3 to
	// 第3-5 apply to every act found): the precautions of that level.
	if !ac.captured {
		if err := ac.capture(r, rg, g.Level); err != nil {
			return err
		}
	}
	return ac.respond(r, g)
}

// capture lists what scheme prescribes while the level is being established
// (its precautions at the top of range rg: tottori 第3-3 to 第3-5, kumamoto
// 4(1)(ア)(イ)), actions and notifications together in the order of the
// plan's clauses, each at the first clause it cites that the plan's index
// lists (ties, and clauses the index does not list, keep the scheme's
// order: its actions, then its notifications). Level l, when set, is the
// level the first observation settled; else the entries carry the range.
func (ac *actTracker) capture(r *runner, rg threat.Range, l threat.Level) error {
	pc, err := threat.Precautions(r.p.scheme, rg)
	if err != nil {
		return err
	}
	ac.captured = true
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
			ac.threatAction(r, pc.Actions.At(it.i), l, lo, hi)
		} else {
			ac.threatNotice(r, pc.Notifications.At(-1-it.i), l, lo, hi)
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

func (ac *actTracker) respond(r *runner, g threat.Grading) error {
	resp, err := threat.Respond(r.p.scheme, g)
	if err != nil {
		return err
	}
	w := What{About: AboutGrade, Example: g.Example}
	if g.Manual {
		w = What{About: AboutGrade, Judgement: ac.judgement, Reason: g.Reason}
	}
	r.emit(Entry{Act: ActGrade, Actor: r.judgeActor(), Level: g.Level, What: w, Cites: g.Citations})
	ac.grading = g
	for _, a := range resp.Actions.All() {
		ac.threatAction(r, a, g.Level, 0, 0)
	}
	for _, n := range resp.Notifications.All() {
		ac.threatNotice(r, n, g.Level, 0, 0)
	}
	// The organisation says whether the grading convenes a body, whether or
	// not the scheme's response names the convening.
	r.convene(g.Triggers(), council.Actor{}, council.Citations{}, g.Level)
	return nil
}

func (ac *actTracker) threatAction(r *runner, a threat.Action, l, lo, hi threat.Level) {
	e := Entry{Actor: a.Actor, To: a.Target, Level: l, Min: lo, Max: hi, AsNeeded: a.If == threat.AsNeeded,
		What: What{About: AboutThreatStep, Step: a.Task, Note: a.Note}, Cites: a.Citations}
	if a.Task == threat.ConveneCouncil {
		r.convene(ac.grading.Triggers(), a.Actor, a.Citations, l)
		return
	}
	e.Act = stepAct(a.Task)
	r.emit(e)
}

func (ac *actTracker) threatNotice(r *runner, n threat.Notification, l, lo, hi threat.Level) {
	e := Entry{Act: ActNotify, Actor: n.From, To: n.To, Level: l, Min: lo, Max: hi, AsNeeded: n.If == threat.AsNeeded,
		What: What{About: AboutThreatNotice, Ask: n.Ask, Note: n.Note}, Cites: n.Citations}
	if n.Ask != 0 {
		e.Act = ActRequest
	}
	r.emit(e)
}

// playbookSteps lists the annex playbook of the act, once, when the plan
// has the annex and the act's source is known.
func (ac *actTracker) playbookSteps(r *runner) {
	if len(r.p.annex) == 0 || ac.playbook || ac.event.Source == 0 {
		return
	}
	pb, err := r.p.playbooks.ForEvent(ac.event)
	if err != nil || !slices.Contains(r.p.annex, pb.Case) {
		return
	}
	ac.playbook = true
	held := measures.EventConditions(ac.event)
	by := r.duty(bcp.RunPlaybook)
	for _, st := range pb.Steps {
		e := Entry{Act: ActPlaybook, Actor: by.Actor, What: What{About: AboutPlaybookStep, Playbook: PlaybookStep{
			Case: pb.Case, Label: pb.Label, Mark: st.Mark, Action: st.Task, Mode: st.Mode, Text: st.Text}}, Cites: st.Citations}
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
