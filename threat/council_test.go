package threat

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

func mustOrg(t testing.TB, plan string) council.Organization {
	t.Helper()
	o, err := referenceOrg(plan)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// From a grading to the council's decision, for the canonical cases of each
// reference plan: the council meets with the agenda and citations the plan
// gives, and a level-1 (or not serious) act does not convene it.
func TestGradingTriggersConvene(t *testing.T) {
	tot := func(cl ...string) council.Citations { return cites(council.PlanTottori, cl...) }
	kum := func(cl ...string) council.Citations { return cites(council.PlanKumamoto, cl...) }
	inoc := func(cl ...string) council.Citations { return cites(council.PlanIno, cl...) }
	grade := func(s *Scheme, e Event) func(*testing.T) Grading {
		return func(t *testing.T) Grading {
			g, err := Grade(s, e)
			if err != nil {
				t.Fatal(err)
			}
			return g
		}
	}
	judge := func(serious bool) func(*testing.T) Grading {
		return func(t *testing.T) Grading {
			g, err := JudgeSerious(ino(), Event{Kind: Intrusion, Place: PlaceProtected}, serious, "CSのある電算室に無権限者が侵入")
			if err != nil {
				t.Fatal(err)
			}
			return g
		}
	}
	sa := council.RolesOf(council.SystemAdministrator)
	for _, tc := range []struct {
		name     string
		grading  func(*testing.T) Grading
		triggers council.Triggers
		want     council.Convening
	}{
		{"tottori:第3-6/L3/firewall-passed", grade(tottori(), Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed}),
			council.TriggersOf(council.UnauthorizedAct, council.ThreatLevel3),
			council.Convening{Plan: council.PlanTottori, Trigger: council.ThreatLevel3, Named: true, Meets: true,
				Body: council.SecurityCouncil, RequestedBy: sa, Immediately: true, Convener: council.SecurityChief,
				Agenda: council.Cite(council.PlanTottori, "第3-6(3)"), Cites: tot("第3-6(1)", "第3-6(2)", "第3-6(3)")}},
		{"tottori:第3-5(1)/L1/unrelated-place", grade(tottori(), Event{Kind: Intrusion, Place: PlaceUnrelated}),
			council.TriggersOf(council.UnauthorizedAct, council.ThreatLevel1),
			council.Convening{Plan: council.PlanTottori, Trigger: council.ThreatLevel1, Named: true, Cites: tot("第3-5(1)")}},
		{"tottori:第3-5(2)/L2/firewall-stopped", grade(tottori(), Event{Kind: UnauthorizedAccess, Firewall: FirewallStopped}),
			council.TriggersOf(council.UnauthorizedAct, council.ThreatLevel2),
			council.Convening{Plan: council.PlanTottori, Trigger: council.ThreatLevel2, Named: true, Cites: tot("第3-5(2)")}},
		{"kumamoto:別紙1/L3/form-theft", grade(kumamoto(), Event{Kind: FormTheftOrLoss}),
			council.TriggersOf(council.UnauthorizedAct, council.ThreatLevel3),
			council.Convening{Plan: council.PlanKumamoto, Trigger: council.ThreatLevel3, Named: true, Meets: true,
				Body: council.SecurityCouncil, Agenda: council.Cite(council.PlanKumamoto, "別紙1"),
				Cites: kum("別紙1", "4(1) 緊急対応策(ウ)")}},
		{"kumamoto:4(1) 緊急対応策(ア)/L1/unrelated-place", grade(kumamoto(), Event{Kind: Intrusion, Place: PlaceUnrelated}),
			council.TriggersOf(council.UnauthorizedAct, council.ThreatLevel1),
			council.Convening{Plan: council.PlanKumamoto, Trigger: council.ThreatLevel1, Named: true, Cites: kum("4(1) 緊急対応策(ア)")}},
		{"ino:第11条,第12条/serious-threat", judge(true),
			council.TriggersOf(council.UnauthorizedAct, council.SeriousThreat),
			council.Convening{Plan: council.PlanIno, Trigger: council.SeriousThreat, Named: true, Meets: true,
				Body: council.SecurityCouncil, RequestedBy: council.RolesOf(council.SystemAdministrator, council.IdentityInfoManager),
				Convener: council.SecurityChief, Chair: council.SecurityChief, Agenda: council.Cite(council.PlanIno, "第12条"),
				Substitute: council.EmergencyResponseStructure, Cites: inoc("第11条", "第12条")}},
		{"ino:第11条/not-serious", judge(false),
			council.TriggersOf(council.UnauthorizedAct),
			council.Convening{Plan: council.PlanIno, Trigger: council.UnauthorizedAct, Named: true, Cites: inoc("第11条")}},
		// threat has no kumiyama scheme (kumiyama grades no levels); a
		// kumiyama caller records the act as a grading of its plan.
		{"kumiyama:第6条5項/unauthorized-act", func(*testing.T) Grading {
			return Grading{Plan: council.PlanKumiyama, Event: Event{Kind: UnauthorizedAccess}, Manual: true}
		}, council.TriggersOf(council.UnauthorizedAct),
			council.Convening{Plan: council.PlanKumiyama, Trigger: council.UnauthorizedAct, Named: true, Meets: true,
				Body: council.SecurityCouncil, RequestedBy: sa, OnRequest: true, Convener: council.SecurityChief,
				Chair: council.SecurityChief, Cites: cites(council.PlanKumiyama, "第6条5項", "第6条1項")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.grading(t)
			ts := g.Triggers()
			if ts != tc.triggers {
				t.Errorf("Triggers = %v; want %v", ts, tc.triggers)
			}
			got, err := council.ConveneAny(mustOrg(t, g.Plan), ts)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("convening (-want +got):\n%s", diff)
			}
			if n := testing.AllocsPerRun(100, func() { _ = g.Triggers() }); n != 0 {
				t.Errorf("Triggers allocates %v times", n)
			}
		})
	}
	if ts := (Grading{}).Triggers(); ts != 0 {
		t.Errorf("zero Grading: Triggers = %v; want none", ts)
	}
}

// The scheme's response and the council package agree: for every reference
// scheme and every level (or judgement), the response has the chief convene
// the council exactly when the plan's organisation meets on the grading's
// triggers.
func TestGradingTriggersAgreeWithResponse(t *testing.T) {
	schemes := []func() *Scheme{tottori, kumamoto, ino}
	rapid.Check(t, func(rt *rapid.T) {
		s := rapid.SampledFrom(schemes).Draw(rt, "scheme")()
		e := Event{Kind: Leak}
		var g Grading
		var err error
		if s.Scale() == ScaleSerious {
			g, err = JudgeSerious(s, e, rapid.Bool().Draw(rt, "serious"), "判断")
		} else {
			g, err = Judge(s, e, rapid.SampledFrom(AllLevels()).Draw(rt, "level"), "判断")
		}
		if err != nil {
			rt.Fatal(err)
		}
		r, err := Respond(s, g)
		if err != nil {
			rt.Fatal(err)
		}
		convenes := false
		for _, a := range r.Actions.All() {
			convenes = convenes || a.Task == ConveneCouncil
		}
		o, err := referenceOrg(g.Plan)
		if err != nil {
			rt.Fatal(err)
		}
		c, err := council.ConveneAny(o, g.Triggers())
		if err != nil {
			rt.Fatal(err)
		}
		if c.Meets != convenes {
			rt.Fatalf("%s %v: council meets %v; response convenes %v", g.Plan, g.Triggers(), c.Meets, convenes)
		}
		if c.Meets != g.Serious {
			rt.Fatalf("%s: council meets %v; grading serious %v", g.Plan, c.Meets, g.Serious)
		}
	})
}

func BenchmarkGradingTriggers(b *testing.B) {
	g, err := Grade(tottori(), Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed})
	if err != nil {
		b.Fatal(err)
	}
	o, err := referenceOrg(council.PlanTottori)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if c, err := council.ConveneAny(o, g.Triggers()); err != nil || !c.Meets {
			b.Fatal(c, err)
		}
	}
}
