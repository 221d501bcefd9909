package drill

import (
	"slices"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/threat"
)

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
			What: What{About: AboutAgendaItem, Item: it.Key, Title: it.Title, TitleEN: it.TitleEN, Examples: slices.Clone(it.Examples)}, Cites: council.Cites(it.Cite)})
	}
}
