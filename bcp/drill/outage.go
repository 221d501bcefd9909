package drill

import (
	"slices"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

type upAt struct {
	at time.Time
	up bcp.Services
}

// detected starts the continuity plan's handling of an outage of the
// shared environment: the recovery flow, the first report and the contacts.
func (ot *outageTracker) detected(r *runner, e Event) error {
	if ot.on {
		return nil
	}
	ot.on, ot.detectedAt = true, e.At
	ot.ups = append(ot.ups, upAt{e.At, e.Status.Up})
	c := r.p.continuity
	for i, ph := range c.Flow {
		if ph.Step == bcp.SystemRecovery {
			continue
		}
		if ph.Body.IsValid() {
			r.convene(council.TriggersOf(council.AnyFault), council.Actor{}, council.Citations{}, 0)
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
	return ot.status(r, e, Status{Up: e.Status.Up})
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

func (ot *outageTracker) status(r *runner, e Event, prev Status) error {
	if e.Status.Up != prev.Up {
		ot.ups = append(ot.ups, upAt{e.At, e.Status.Up})
		r.contacts(e.Status.Up)
	}
	ch := e.Status.Changed
	if !e.Status.Expected.IsZero() {
		if ot.known.IsZero() {
			ot.known, ot.expected = e.At, e.Status.Expected
		}
		if !e.Status.Expected.Equal(prev.Expected) {
			ch = ch.With(bcp.FieldExpectedRecovery)
		}
	}
	if ch != 0 {
		ot.changes = append(ot.changes, bcp.Change{At: e.At, Fields: ch})
		if sc := r.p.continuity.Schedule; sc != nil {
			r.obsCites = sc.Citations
		}
	}
	return nil
}

func (ot *outageTracker) end(r *runner) error {
	if !ot.recovered.IsZero() {
		return nil
	}
	ot.recovered = r.at
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
func (ot *outageTracker) schedule(r *runner) {
	if !ot.on || r.p.continuity.Schedule == nil {
		return
	}
	end := ot.recovered
	if end.IsZero() && len(r.sc.Events) > 0 {
		end = r.sc.Events[len(r.sc.Events)-1].At
	}
	// Reports fall before the end: so do the changes and the moment the
	// expected recovery became known that the window may hold.
	w := bcp.Window{Detected: ot.detectedAt, Recovered: end}
	if !ot.known.IsZero() && ot.known.Before(end) {
		w.Known, w.Expected = ot.known, ot.expected
	}
	for _, c := range ot.changes {
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
		c, ok := r.p.continuity.ContactFor(bcp.SystemOwners, ot.upAt(rt.At))
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
func (ot *outageTracker) upAt(t time.Time) bcp.Services {
	n, _ := slices.BinarySearchFunc(ot.ups, t, func(u upAt, t time.Time) int {
		if u.at.After(t) {
			return 1
		}
		return -1
	})
	if n == 0 {
		return 0
	}
	return ot.ups[n-1].up
}
