package drill

import (
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/threat"
)

func (r *runner) faultEvent(e Event) error {
	if r.outage.on {
		return r.statusChange(e)
	}
	r.fault.status = e.Status
	if e.Act != (threat.Event{}) {
		return r.tableFault(e)
	}
	return r.faultDetected(e)
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
		if err := r.faultDetected(e); err != nil {
			return err
		}
	}
	r.act.event, r.act.open, r.act.by, r.act.captured = e.Act, true, e.By, false
	return r.threat()
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
	r.fault.open = true
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
	r.fault.open = true
	r.fault.symptom = e.Symptom
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
	return r.escalate()
}

func (r *runner) statusChange(e Event) error {
	prev := r.fault.status
	r.fault.status = e.Status
	if r.outage.on {
		return r.outageStatus(e, prev)
	}
	if r.fault.open {
		return r.escalate()
	}
	return nil
}

func (r *runner) escalate() error {
	sit := r.fault.status.situation(r.fault.symptom)
	sit.Kind = r.faultKind()
	es, err := r.p.faults.Escalate(sit)
	if err != nil {
		return err
	}
	if es.Serious {
		r.fault.serious = true
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
	if r.fault.status.OperationImpossible || r.fault.status.ServerDown {
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
	c, err := r.p.faults.Classify(r.fault.symptom)
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
			out[f.Stage()] = r.p.faults.Stage(r.faultKind(), f.Stage()).Citations
		}
	}
	step(f.Identify(fault.Hardware, 0)) // a drill knows no location
	step(f.Investigate(fault.Findings{Serious: r.fault.serious && r.p.faults.Thresholds().Long > 0, IdentityAffected: r.fault.status.IdentityAffected}))
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
	case r.outage.on:
		return r.outageRecovered()
	case r.fault.open:
		cs := r.stageCites()
		who := r.staffActor()
		r.emit(Entry{Act: ActMaintain, Actor: who, AsNeeded: true, What: What{About: AboutMaintenance}, Cites: cs[fault.Maintained]})
		if ok, c := r.p.faults.IntegrityCheck(r.fault.status.IdentityAffected); ok {
			ic := r.duty(bcp.CheckIntegrity)
			r.emit(Entry{Act: ActIntegrityCheck, Actor: ic.Actor, To: ic.To, What: What{About: AboutIntegrityCheck}, Cites: c})
		}
		r.emit(Entry{Act: ActResume, Actor: r.duty(bcp.Resume).Actor, What: What{About: AboutResumption}, Cites: cs[fault.Resumed]})
		r.prevention(true)
		r.fault.open = false
		return nil
	case r.act.open:
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
