package fault

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

// From an escalation to the council's decision, for the canonical cases of
// each reference plan: a serious fault convenes the council with the agenda
// and citations the plan gives; a fault not judged serious does not.
func TestEscalationTriggersConvene(t *testing.T) {
	serious := Facts{ServerDown: true, OperationImpossible: true, Impact: 70, ExpectedStop: 36 * time.Hour}
	minor := Facts{OperationImpossible: true}
	sa := council.RolesOf(council.SystemAdministrator)
	faults := council.TriggersOf(council.AnyFault)
	both := council.TriggersOf(council.AnyFault, council.SeriousFault)
	for _, tc := range []struct {
		name     string
		plan     Procedure
		s        Facts
		triggers council.Triggers
		want     council.Convening
	}{
		{"tottori:第2-4/serious-fault", tottori(), serious, both,
			council.Convening{Plan: council.PlanTottori, Trigger: council.SeriousFault, Named: true, Meets: true,
				Body: council.SecurityCouncil, RequestedBy: sa, Immediately: true, Convener: council.SecurityChief,
				Agenda: council.Cite(council.PlanTottori, "第2-4(3)"), Cites: cites(council.PlanTottori, "第2-4(1)", "第2-4(2)", "第2-4(3)")}},
		{"tottori:第2-4(1)/fault-not-serious", tottori(), minor, faults,
			council.Convening{Plan: council.PlanTottori, Trigger: council.AnyFault, Named: true, Cites: cites(council.PlanTottori, "第2-4(1)")}},
		{"ino:第4条,第5条/serious-fault", ino(), serious, both,
			council.Convening{Plan: council.PlanIno, Trigger: council.SeriousFault, Named: true, Meets: true,
				Body: council.SecurityCouncil, RequestedBy: sa, Convener: council.SecurityChief, Chair: council.SecurityChief,
				Agenda: council.Cite(council.PlanIno, "第5条"), Substitute: council.EmergencyResponseStructure,
				Cites: cites(council.PlanIno, "第4条", "第5条")}},
		{"ino:第4条/fault-not-serious", ino(), Facts{}, faults,
			council.Convening{Plan: council.PlanIno, Trigger: council.AnyFault, Named: true, Cites: cites(council.PlanIno, "第4条")}},
		{"kumiyama:第6条5項/fault-on-request", kumiyama(), minor, faults,
			council.Convening{Plan: council.PlanKumiyama, Trigger: council.AnyFault, Named: true, Meets: true,
				Body: council.SecurityCouncil, RequestedBy: sa, OnRequest: true, Convener: council.SecurityChief,
				Chair: council.SecurityChief, Cites: cites(council.PlanKumiyama, "第6条5項", "第6条1項")}},
		// kumamoto 4(2) convenes no body for a fault: the plan is silent.
		{"kumamoto:4(2)/fault-silent", kumamoto(), minor, faults,
			council.Convening{Plan: council.PlanKumamoto, Trigger: council.AnyFault}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := tc.plan.Escalate(tc.s)
			if err != nil {
				t.Fatal(err)
			}
			if got := e.Triggers(); got != tc.triggers {
				t.Errorf("Triggers = %v; want %v", got, tc.triggers)
			}
			o, err := referenceOrg(tc.plan.ID())
			if err != nil {
				t.Fatal(err)
			}
			got, err := council.ConveneAny(o, e.Triggers())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("convening (-want +got):\n%s", diff)
			}
			if n := testing.AllocsPerRun(100, func() { _ = e.Triggers() }); n != 0 {
				t.Errorf("Triggers allocates %v times", n)
			}
		})
	}
	if ts := (Escalation{}).Triggers(); ts != 0 {
		t.Errorf("zero Escalation: Triggers = %v; want none", ts)
	}
}

// The escalation and the council package agree: for every reference plan and
// situation, the escalation has the chief convene the council exactly when
// the plan's organisation meets on its triggers without waiting for a
// request (kumiyama's council meets only when asked, 第6条5項).
func TestEscalationTriggersAgreeWithNotices(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		p := planGen().Draw(rt, "plan")
		e, err := p.Escalate(situationGen().Draw(rt, "situation"))
		if err != nil {
			rt.Fatal(err)
		}
		convenes := false
		for _, n := range e.Notices {
			convenes = convenes || n.Task == ConveneCouncil
		}
		o, err := referenceOrg(p.ID())
		if err != nil {
			rt.Fatal(err)
		}
		c, err := council.ConveneAny(o, e.Triggers())
		if err != nil {
			rt.Fatal(err)
		}
		if got := c.Meets && !c.OnRequest; got != convenes {
			rt.Fatalf("%s %v: council meets unasked %v; escalation convenes %v", p.ID(), e.Triggers(), got, convenes)
		}
		if e.Triggers().Has(council.SeriousFault) != e.Serious {
			rt.Fatalf("%s: triggers %v, serious %v", p.ID(), e.Triggers(), e.Serious)
		}
	})
}

func BenchmarkEscalationTriggers(b *testing.B) {
	e, err := tottori().Escalate(Facts{ServerDown: true, Impact: 70, ExpectedStop: 36 * time.Hour})
	if err != nil {
		b.Fatal(err)
	}
	o, err := referenceOrg(council.PlanTottori)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if c, err := council.ConveneAny(o, e.Triggers()); err != nil || !c.Meets {
			b.Fatal(c, err)
		}
	}
}
