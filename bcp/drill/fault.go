package drill

import (
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/threat"
)

// faultEvent sends a detected fault to the outage tracker while an outage
// lasts (a change of its status), or when the plan handles faults only
// through its continuity part; else to the fault tracker.
func (r *runner) faultEvent(e Event) error {
	if r.outage.on {
		return r.statusChange(e)
	}
	r.fault.status = e.Status
	if e.Act != (threat.Event{}) {
		return r.tableFault(e)
	}
	if !r.p.faults.IsValid() && r.p.continuity != nil {
		return r.outage.detected(r, e)
	}
	return r.fault.detected(r, e)
}

// statusChange records a change of status (the fault tracker keeps the
// status, which an outage reads too) and sends it to the tracker of the
// incident under way.
func (r *runner) statusChange(e Event) error {
	prev := r.fault.status
	r.fault.status = e.Status
	if r.outage.on {
		return r.outage.status(r, e, prev)
	}
	if r.fault.open {
		return r.fault.escalate(r)
	}
	return nil
}

// recovery ends the incident under way: the outage, else the fault, else
// the act.
func (r *runner) recovery() error {
	switch {
	case r.outage.on:
		return r.outage.end(r)
	case r.fault.open:
		return r.fault.resolve(r)
	case r.act.open:
		r.prevention(false)
		return nil
	}
	return fmt.Errorf("%w: a recovery before any fault, outage or act", ErrScenario)
}

// tableFault grades the fault e.Act through the plan's level table, which
// declares its kind as a fault (a table that grades faults as well as
// unauthorized acts), and plays the level's response as for an act; the
// plan's fault chapter, when it has one, runs first. Attributes learned
// later settle its level as they do an act's.
func (r *runner) tableFault(e Event) error {
	s := r.p.scheme
	if !s.Fault(e.Act.Kind) {
		return fmt.Errorf("%w: plan %s grades no fault %s in its level table", ErrUnhandled, r.p.id, s.FormatEvent(e.Act))
	}
	if r.p.faults.IsValid() {
		if err := r.fault.detected(r, e); err != nil {
			return err
		}
	}
	r.act.event, r.act.open, r.act.by, r.act.captured = e.Act, true, e.By, false
	return r.act.threat(r)
}

func (r *runner) staffActor() council.Actor { return r.duty(bcp.Maintain).Actor }

func (ft *faultTracker) detected(r *runner, e Event) error {
	if !r.p.faults.IsValid() {
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
	ft.open = true
	return ft.escalate(r)
}

func (ft *faultTracker) symptomReported(r *runner, e Event) error {
	if !r.p.faults.IsValid() {
		return fmt.Errorf("%w: plan %s lists no fault symptoms", ErrUnhandled, r.p.id)
	}
	c, err := r.p.faults.Classify(e.Symptom)
	if err != nil {
		return err
	}
	ft.open = true
	ft.symptom = e.Symptom
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
		r.emit(Entry{Act: ActInvestigate, Actor: by, What: What{About: AboutChecks, Checks: slices.Clone(inv.Probes)}, Cites: inv.Cites})
	}
	return ft.escalate(r)
}

func (ft *faultTracker) escalate(r *runner) error {
	sit := ft.status.situation(ft.symptom)
	sit.Kind = ft.kind(r)
	es, err := r.p.faults.Escalate(sit)
	if err != nil {
		return err
	}
	if es.Serious {
		ft.serious = true
	}
	for _, n := range es.Notices {
		e := Entry{Actor: n.By, To: n.To, What: What{About: AboutFaultNotice, Notice: n.Task, Note: n.Note}, Cites: n.Cites}
		if n.Task == fault.ConveneCouncil {
			r.convene(es.Triggers(), n.By, n.Cites, 0)
			continue
		}
		e.Act = noticeAct(n.Task)
		r.emit(e)
	}
	r.convene(es.Triggers(), council.Actor{}, council.Citations{}, 0)
	// A fallback is listed once its condition holds: ino's nearby
	// municipality (第5条) is the council's decision, after the convening.
	if ft.status.OperationImpossible || ft.status.ServerDown {
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
func (ft *faultTracker) kind(r *runner) fault.Kind {
	c, err := r.p.faults.Classify(ft.symptom)
	if err != nil {
		return 0
	}
	return c.Kind
}

// stageCites walks a fault through its lifecycle to read the clauses each
// stage rests on under the plan, for the fault's kind when known.
func (ft *faultTracker) stageCites(r *runner) map[fault.Stage]council.Citations {
	out := map[fault.Stage]council.Citations{}
	f, err := r.p.faults.Open()
	if err != nil {
		return out
	}
	step := func(g fault.Fault, err error) {
		if err == nil {
			f = g
			out[f.Stage()] = r.p.faults.Stage(ft.kind(r), f.Stage()).Citations
		}
	}
	step(f.Identify(fault.Hardware, 0)) // a drill knows no location
	step(f.Investigate(fault.Findings{Serious: ft.serious && r.p.faults.Thresholds().Long > 0, IdentityAffected: ft.status.IdentityAffected}))
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

// resolve lists what follows the recovery from a fault: maintenance, the
// integrity check, resumption and recurrence prevention.
func (ft *faultTracker) resolve(r *runner) error {
	cs := ft.stageCites(r)
	who := r.staffActor()
	r.emit(Entry{Act: ActMaintain, Actor: who, AsNeeded: true, What: What{About: AboutMaintenance}, Cites: cs[fault.Maintained]})
	if ok, c := r.p.faults.IntegrityCheck(ft.status.IdentityAffected); ok {
		ic := r.duty(bcp.CheckIntegrity)
		r.emit(Entry{Act: ActIntegrityCheck, Actor: ic.Actor, To: ic.To, What: What{About: AboutIntegrityCheck}, Cites: c})
	}
	r.emit(Entry{Act: ActResume, Actor: r.duty(bcp.Resume).Actor, What: What{About: AboutResumption}, Cites: cs[fault.Resumed]})
	r.prevention(true)
	ft.open = false
	return nil
}

// prevention lists the recurrence-prevention duties the plan states: the
// countermeasures it catalogues for faults (ino 第8条) and a written
// recurrence-prevention plan (kumamoto 5), drawn up by its authors among the
// plan's roles (the chain's nodes; every author under a plan without a
// chain), else by the chain's chief (no one, unnamed, without a chain).
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
		// Under a plan that states no reporting chain, every author it
		// names is one of its roles; no chief stands in for none.
		nodes, noChain := r.p.org.Chain.Nodes(), r.p.org.Chain.Empty()
		n := 0
		for a := range authors.All() {
			if noChain || nodes.Has(a) {
				n++
				r.emit(Entry{Act: ActPreventRecurrence, Actor: council.ByRole(a), What: What{About: AboutPreventionPlan}, Cites: rec.Citations})
			}
		}
		if n == 0 {
			r.emit(Entry{Act: ActPreventRecurrence, Actor: council.ByRole(r.p.org.Chain.Chief), What: What{About: AboutPreventionPlan}, Cites: rec.Citations})
		}
	}
}
