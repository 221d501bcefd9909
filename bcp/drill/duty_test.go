package drill

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"pgregory.net/rapid"
)

// acts returns a predicate for entries of the given acts.
func acts(as ...Act) func(Entry) bool {
	return func(e Entry) bool { return slices.Contains(as, e.Act) }
}

// dutyActs tells the entries a duty alone decides the actor of.
var dutyActs = map[bcp.Duty]func(Entry) bool{
	bcp.Judge: func(e Entry) bool {
		// A judgement the plan's scheme assigns is not the duty's.
		return e.Act == ActGrade || e.Act == ActProvisional || e.Act == ActJudge && e.What.About != AboutThreatStep
	},
	bcp.Maintain: func(e Entry) bool {
		return e.Act == ActMaintain || e.Act == ActResume || e.Act == ActPreventRecurrence && e.What.About == AboutCountermeasures
	},
	bcp.CheckIntegrity:  acts(ActIntegrityCheck),
	bcp.Resume:          acts(ActResume),
	bcp.RunPlaybook:     acts(ActPlaybook),
	bcp.ReportSituation: acts(ActScheduledReport, ActProgressReport),
	bcp.RevokeCard:      acts(ActRevoke),
	bcp.RecoverSystem:   acts(ActRecover), // of the plan's actor of the duty: dutyOf
	bcp.RecoverPlatform: acts(ActRecover),
	bcp.Secretariat:     func(e Entry) bool { return e.Act == ActFlow && e.What.About == AboutFlowStep && e.What.Body != 0 },
}

// dutyOf tells the entries duty d decides the actor of under p: those of
// dutyActs, except that resumption is maintenance's only while p states no
// Resume of its own, and a recovery is the duty's when p's actor of it
// recovers.
func dutyOf(p bcp.Plan, d bcp.Duty) func(Entry) bool {
	if _, own := p.Duty(bcp.Resume); d == bcp.Maintain && own {
		return func(e Entry) bool { return e.Act != ActResume && dutyActs[bcp.Maintain](e) }
	}
	if d == bcp.RecoverSystem || d == bcp.RecoverPlatform {
		// A recovery is the system's or the platform's by who recovers it
		// under p (nakano: the owning division's head, the provider).
		a, _ := p.Duty(d)
		return func(e Entry) bool { return dutyActs[d](e) && e.Actor == a.Actor }
	}
	return dutyActs[d]
}

// TestDutiesDecideTheActors: giving a duty to another actor changes exactly
// the entries of that duty, in each built-in drill that has them.
func TestDutiesDecideTheActors(t *testing.T) {
	seen := map[bcp.Duty]bool{}
	for _, id := range ScenarioIDs() {
		base := runBuiltin(t, id)
		s, _ := ScenarioByID(id)
		p, _ := bcp.Reference(s.Plan)
		for d := range dutyActs {
			of := dutyOf(p, d)
			x := council.ByParty(council.Police) // in no reference plan's duties
			tl, err := Run(withDuty(p, d, x), s)
			if err != nil {
				t.Fatal(err)
			}
			n := checkRenamed(t, base, tl, of, x)
			seen[d] = seen[d] || n > 0
		}
	}
	for d := range dutyActs {
		if !seen[d] {
			t.Errorf("no built-in drill has an entry of duty %v", d)
		}
	}
}

// checkRenamed checks that tl is base with the actor of every entry of the
// duty (of) replaced by x, and returns how many were.
func checkRenamed(t interface {
	Helper()
	Fatalf(string, ...any)
}, base, tl Timeline, of func(Entry) bool, x council.Actor) int {
	t.Helper()
	if len(tl.Entries) != len(base.Entries) {
		t.Fatalf("%s: %d entries; want %d", base.Scenario, len(tl.Entries), len(base.Entries))
	}
	n := 0
	for i, e := range tl.Entries {
		want := base.Entries[i]
		if of(want) {
			want.Actor = x
			n++
		}
		if diff := cmp.Diff(want, e); diff != "" {
			t.Fatalf("%s: entry %d (-want +got):\n%s", base.Scenario, i, diff)
		}
	}
	return n
}

// TestDutiesRenamedProperty: for any drawn drill, giving one duty to any
// actor renames the actor of that duty's entries and nothing else.
func TestDutiesRenamedProperty(t *testing.T) {
	var duties []bcp.Duty
	for _, d := range bcp.AllDuties() {
		if _, ok := dutyActs[d]; ok {
			duties = append(duties, d)
		}
	}
	var actors []council.Actor
	for _, r := range council.AllRoles() {
		actors = append(actors, council.ByRole(r))
	}
	for _, p := range council.AllParties() {
		actors = append(actors, council.ByParty(p))
	}
	rapid.Check(t, func(t *rapid.T) {
		p, s := genScenario(t)
		base, err := Run(p, s)
		if err != nil {
			t.Skip("the plan does not handle the drawn scenario")
		}
		d := rapid.SampledFrom(duties).Draw(t, "duty")
		x := rapid.SampledFrom(actors).Draw(t, "actor")
		tl, err := Run(withDuty(p, d, x), s)
		if err != nil {
			t.Fatalf("with %v by %v: %v", d, x, err)
		}
		checkRenamed(t, base, tl, dutyOf(p, d), x)
	})
}

// TestDrillReadsThePlan: a plan whose contact rules, report slots and order
// clauses differ from nakano's drives the drill by its own data.
func TestDrillReadsThePlan(t *testing.T) {
	s, err := ScenarioByID("nakano-iaas-outage")
	if err != nil {
		t.Fatal(err)
	}
	s.Plan = "town"
	cite := func(c string) council.Citations { return council.Cites(council.Cite("town", c)) }
	tests := []struct {
		name  string
		edit  func(*bcp.Continuity)
		check func(t *testing.T, tl Timeline)
	}{
		{
			name: "contacts/owners-by-fax",
			edit: func(c *bcp.Continuity) {
				for i, r := range c.Contacts {
					if r.Contact.Audience == bcp.SystemOwners {
						c.Contacts[i].Contact.Channel = bcp.Fax
					}
				}
			},
			check: func(t *testing.T, tl Timeline) {
				n := 0
				for _, e := range tl.Entries {
					if e.Actor == council.ByRole(termRole(t, bcp.Nakano(), "info-systems-division")) && e.To == council.ByRole(termRole(t, bcp.Nakano(), "owning-division-head")) {
						n++
						if e.Channel != bcp.Fax {
							t.Errorf("%v by %v: channel %v; want fax", e.Act, e.Actor, e.Channel)
						}
					}
				}
				if n == 0 {
					t.Error("no report to the owners")
				}
			},
		},
		{
			name: "contacts/no-crisis-management",
			edit: func(c *bcp.Continuity) {
				var keep []bcp.ContactRule
				for _, r := range c.Contacts {
					if r.Contact.Audience != bcp.CrisisManagement {
						keep = append(keep, r)
					}
				}
				c.Contacts = keep
			},
			check: func(t *testing.T, tl Timeline) {
				for _, e := range tl.Entries {
					if e.To == council.ByRole(termRole(t, bcp.Nakano(), "crisis-management-division")) {
						t.Errorf("a report to crisis management the plan does not choose: %v", line(e))
					}
				}
			},
		},
		{
			name: "contacts/pattern-b-only-in-pattern-b",
			edit: func(c *bcp.Continuity) {
				for i, r := range c.Contacts {
					if r.Contact.Audience == bcp.WardWide && r.Pattern == bcp.PatternB {
						c.Contacts[i].Contact.Channel, c.Contacts[i].Contact.Citations = bcp.MailingList, cite("連絡2")
					}
				}
			},
			check: func(t *testing.T, tl Timeline) {
				groupware := day(1, 10, 0) // the groupware is back from here
				n := 0
				for _, e := range tl.Entries {
					if e.Act == ActNotify && e.Actor == council.ByRole(termRole(t, bcp.Nakano(), "info-systems-division")) && e.To == (council.Actor{}) {
						n++
						if got := e.Channel == bcp.MailingList; got != !e.At.Before(groupware) {
							t.Errorf("ward-wide notice at %v by %v", e.At, e.Channel)
						}
					}
				}
				if n != 2 {
					t.Errorf("%d ward-wide notices; want 2 (patterns a and b)", n)
				}
			},
		},
		{
			name: "schedule/two-slots",
			edit: func(c *bcp.Continuity) {
				c.Schedule.Slots = []time.Duration{9 * time.Hour, 17*time.Hour + 30*time.Minute}
				c.Schedule.Citations = cite("連絡頻度")
			},
			check: func(t *testing.T, tl Timeline) {
				n := 0
				for _, e := range tl.Entries {
					if e.Act != ActScheduledReport || !(e.What.About == AboutScheduledReport && !e.What.Known) {
						continue
					}
					n++
					if hm := e.At.Format("15:04"); hm != "09:00" && hm != "17:30" {
						t.Errorf("scheduled report at %s, outside the plan's slots", hm)
					}
					if !e.Cites.Equal(cite("連絡頻度")) {
						t.Errorf("scheduled report cites %v", e.Cites)
					}
				}
				// 04-01 07:30 to 04-02 15:30, unknown: 09:00, 17:30, 09:00.
				if n != 3 {
					t.Errorf("%d scheduled reports while unknown; want 3", n)
				}
			},
		},
		{
			name: "schedule/no-slots",
			edit: func(c *bcp.Continuity) { c.Schedule.Slots = nil },
			check: func(t *testing.T, tl Timeline) {
				for _, e := range tl.Entries {
					if e.Act == ActScheduledReport && e.What.About == AboutScheduledReport && !e.What.Known {
						t.Errorf("a scheduled report at %v without slots", e.At)
					}
				}
				if !slicesContainsAct(tl, ActProgressReport) {
					t.Error("no progress report")
				}
			},
		},
		{
			name: "order/own-clauses",
			edit: func(c *bcp.Continuity) {
				c.Order = []bcp.OrderClause{{Cite: council.Cite("town", "優先順位"), Reasons: bcp.ReasonsOf(bcp.ReasonScale)}}
			},
			check: func(t *testing.T, tl Timeline) {
				n := 0
				for _, e := range tl.Entries {
					if e.Act == ActRecover {
						n++
						if !e.Cites.Equal(cite("優先順位")) {
							t.Errorf("recovery %s cites %v", line(e), e.Cites)
						}
					}
				}
				if n != 39 {
					t.Errorf("%d recovery entries; want 39", n)
				}
			},
		},
		{
			name: "order/no-clauses-cites-the-inventory",
			edit: func(c *bcp.Continuity) { c.Order = nil },
			check: func(t *testing.T, tl Timeline) {
				for _, e := range tl.Entries {
					if e.Act == ActRecover && !e.Cites.Equal(council.Cites(council.Cite("town", "統合仮想サーバ 1"), council.Cite("town", "統合仮想サーバ 図4"))) {
						t.Errorf("recovery %s cites %v", line(e), e.Cites)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Run(town(t, tt.edit), s)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range tl.Entries {
				if ps := e.Cites.Plans(); len(ps) != 1 || ps[0] != "town" {
					t.Errorf("entry cites %v: %s", ps, line(e))
				}
			}
			tt.check(t, tl)
		})
	}
}

func slicesContainsAct(tl Timeline, a Act) bool {
	for _, e := range tl.Entries {
		if e.Act == a {
			return true
		}
	}
	return false
}

// withDuty returns p with duty d given to by (the To it had kept).
func withDuty(p bcp.Plan, d bcp.Duty, by council.Actor) bcp.Plan {
	p = p.Clone()
	a, _ := p.Duty(d)
	a.Actor, a.Citations = by, council.Cites(council.Cite(p.ID, "第99条"))
	for i := range p.Duties {
		if p.Duties[i].Duty == d {
			p.Duties[i] = a
			return p
		}
	}
	p.Duties = append(p.Duties, a)
	return p
}

// town is nakano's plan with contact rules, report slots, horizons and
// order clauses of its own, under another plan ID.
func town(t *testing.T, edit func(*bcp.Continuity)) bcp.Plan {
	t.Helper()
	p := bcp.Nakano()
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	p, err = bcp.ParsePlan([]byte(strings.ReplaceAll(string(b), `"nakano`, `"town`)))
	if err != nil {
		t.Fatal(err)
	}
	edit(p.Continuity)
	return p
}
