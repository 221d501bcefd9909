package bcp

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
	"pgregory.net/rapid"
)

// genPlan draws a valid plan: one reference plan's parts, each kept or
// dropped, with free text, the inventory (systems, owners, scales,
// dependencies on earlier systems only), the annex rows, the report slots,
// the horizons, the duties and the serious-fault thresholds drawn anew. It
// never filters.
func genPlan() *rapid.Generator[Plan] {
	return rapid.Custom(func(t *rapid.T) Plan {
		refs := ReferencePlans()
		p := refs[rapid.IntRange(0, len(refs)-1).Draw(t, "ref")]
		text := rapid.StringMatching(`[a-zA-Z0-9 ぁ-んァ-ン一-龥（）()・、。"\\<>&-]{0,20}`)
		p.Version = rapid.StringMatching(`[0-9A-Za-z.-]{1,12}`).Draw(t, "version")
		p.Title = text.Draw(t, "title")
		p.Source = text.Draw(t, "source")
		if rapid.Bool().Draw(t, "dropOrganization") {
			p.Organization = nil
		}
		if rapid.Bool().Draw(t, "dropFault") {
			p.Fault = nil
		} else if p.Fault != nil && p.Fault.Serious.Long > 0 {
			p.Fault.Serious.Long = time.Duration(rapid.IntRange(1, 7*24*60).Draw(t, "longMinutes")) * time.Minute
			p.Fault.Serious.Heavy = rapid.IntRange(1, 100).Draw(t, "heavy")
		}
		if rapid.Bool().Draw(t, "dropThreat") {
			p.Threat = nil
		}
		p.Duties = genDuties(t, p.ID)
		if m := p.Measures; m != nil {
			if rapid.Bool().Draw(t, "dropMeasures") {
				p.Measures = nil
			} else {
				if len(m.Annex) > 0 {
					m.Annex = rapid.SliceOfNDistinct(rapid.SampledFrom(m.Annex), 0, len(m.Annex), func(c measures.Case) measures.Case { return c }).Draw(t, "annex")
				}
				m.Obligations = genObligations(t, p.ID, text)
			}
		}
		if c := p.Continuity; c != nil {
			if rapid.Bool().Draw(t, "dropContinuity") {
				p.Continuity = nil
			} else {
				c.Inventory = genInventory(t, p.ID)
				all := nakanoSlots()
				c.Schedule.Slots = nil
				for i, s := range all {
					if rapid.Bool().Draw(t, fmt.Sprintf("slot%d", i)) {
						c.Schedule.Slots = append(c.Schedule.Slots, s)
					}
				}
				c.Horizons.Required = Horizons(rapid.Uint64().Draw(t, "horizons")) & HorizonsOf(AllHorizons()...)
				if rapid.Bool().Draw(t, "dropFlow") {
					c.Flow = nil
				}
			}
		}
		pruneMarks(&p)
		return p
	})
}

// pruneMarks drops the readings and not-stated marks of p whose place the
// drawing dropped or filled, as a municipality that drops a part of a
// reference plan drops its marks.
func pruneMarks(p *Plan) {
	keep := func(ms []Mark, reading bool) []Mark {
		var out []Mark
		for _, m := range ms {
			segs, err := parseMarkPath(m.Path)
			if err != nil {
				continue
			}
			if _, known, present := resolveMark(reflect.ValueOf(*p), segs, newKeyer(p)); known && present == reading {
				out = append(out, m)
			}
		}
		return out
	}
	p.Readings, p.NotStated = keep(p.Readings, true), keep(p.NotStated, false)
}

// genDuties draws distinct duties of plan, each given to any role or party,
// maybe to someone, on one of the plan's clauses.
func genDuties(t *rapid.T, plan string) []Assignment {
	var actors []council.Actor
	for _, r := range council.AllRoles() {
		actors = append(actors, council.ByRole(r))
	}
	for _, p := range council.AllParties() {
		actors = append(actors, council.ByParty(p))
	}
	ds := rapid.SliceOfNDistinct(rapid.SampledFrom(AllDuties()), 0, -1, func(d Duty) Duty { return d }).Draw(t, "duties")
	out := make([]Assignment, 0, len(ds))
	for _, d := range ds {
		a := Assignment{Duty: d, Actor: rapid.SampledFrom(actors).Draw(t, "actor"),
			Citations: council.Cites(council.Cite(plan, rapid.StringMatching(`第[1-9]条`).Draw(t, "clause")))}
		if rapid.Bool().Draw(t, "to") {
			a.To = rapid.SampledFrom(actors).Draw(t, "dutyTo")
		}
		out = append(out, a)
	}
	return out
}

// genObligations draws obligations of plan with distinct keys, free text,
// any actors, maybe a when, an occasion and a power, on one of its clauses.
func genObligations(t *rapid.T, plan string, text *rapid.Generator[string]) []measures.Obligation {
	var actors []council.Actor
	for _, r := range council.AllRoles() {
		actors = append(actors, council.ByRole(r))
	}
	for _, p := range council.AllParties() {
		actors = append(actors, council.ByParty(p))
	}
	keys := rapid.SliceOfNDistinct(rapid.StringMatching(`[a-z][a-z0-9-]{0,11}`), 0, 6, func(k string) string { return k }).Draw(t, "obligationKeys")
	out := make([]measures.Obligation, 0, len(keys))
	for _, k := range keys {
		o := measures.Obligation{Key: k,
			By:        rapid.SliceOfN(rapid.SampledFrom(actors), 0, 3).Draw(t, "by"),
			Who:       text.Draw(t, "who"),
			Task:      rapid.StringMatching(`[ぁ-んァ-ン一-龥、]{1,20}`).Draw(t, "task"),
			To:        rapid.SliceOfN(rapid.SampledFrom(actors), 0, 2).Draw(t, "obligationTo"),
			When:      text.Draw(t, "when"),
			On:        text.Draw(t, "on"),
			May:       rapid.Bool().Draw(t, "may"),
			Citations: council.Cites(council.Cite(plan, rapid.StringMatching(`第[1-9]条`).Draw(t, "clause"))),
		}
		if len(o.By) == 0 {
			o.By = nil
		}
		if len(o.To) == 0 {
			o.To = nil
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func genInventory(t *rapid.T, plan string) *Inventory {
	inv := &Inventory{Plan: plan, Citations: council.Cites(council.Cite(plan, "図4"))}
	n := rapid.IntRange(0, 12).Draw(t, "systems")
	cite := council.Cites(council.Cite(plan, rapid.StringMatching(`第[1-9]条`).Draw(t, "clause")))
	for i := range n {
		s := System{
			ID:          fmt.Sprintf("s%02d", i),
			Name:        rapid.StringMatching(`[ぁ-んA-Za-z]{1,8}システム`).Draw(t, "name"),
			Owner:       rapid.SampledFrom([]string{"情報システム課", "戸籍住民課", "税務課"}).Draw(t, "owner"),
			Kind:        Application,
			Scale:       rapid.SampledFrom(AllImpactScales()).Draw(t, "scale"),
			Alternative: rapid.Bool().Draw(t, "alternative"),
			Target:      time.Duration(rapid.IntRange(0, 72).Draw(t, "targetHours")) * time.Hour,
			Citations:   cite,
		}
		if rapid.Bool().Draw(t, "difficulty") {
			s.Difficulty = rapid.SampledFrom(AllDifficulties()).Draw(t, "level")
		}
		for j := range i { // only earlier systems: no cycle
			if rapid.IntRange(0, 3).Draw(t, "dep") == 0 {
				s.DependsOn = append(s.DependsOn, fmt.Sprintf("s%02d", j))
			}
		}
		inv.Systems = append(inv.Systems, s)
	}
	return inv
}

func TestPlanRoundTripProperty(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := genPlan().Draw(t, "plan")
		if err := p.Validate(); err != nil {
			t.Fatalf("the generator drew an invalid plan: %v", err)
		}
		b, err := p.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		q, err := ParsePlan(b)
		if err != nil {
			t.Fatalf("ParsePlan: %v\n%s", err, b)
		}
		if diff := cmp.Diff(p, q, planOpts); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
		pv, _ := p.Provenance()
		qv, _ := q.Provenance()
		if pv != qv {
			t.Fatalf("provenance changed in the round trip: %v -> %v", pv, qv)
		}
	})
}
