package drill

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

// preventionAuthors are the actors of the drill's recurrence-prevention-plan
// entries.
func preventionAuthors(tl Timeline) []council.Actor {
	var out []council.Actor
	for _, e := range tl.Entries {
		if e.Act == ActPreventRecurrence && e.Actor.Role != 0 && !e.AsNeeded {
			out = append(out, e.Actor)
		}
	}
	return out
}

// TestRecurrenceAuthors: who draws up the recurrence-prevention plan is plan
// data (kumamoto:5 names 管理者及びセキュリティ責任者等); the drill lists the
// authors the file names, and the chief when it names none.
func TestRecurrenceAuthors(t *testing.T) {
	p, err := bcp.Reference("kumamoto")
	if err != nil {
		t.Fatal(err)
	}
	rec := p.Measures.Recurrence
	if rec == nil || !rec.PlanRequired {
		t.Fatalf("kumamoto:5: recurrence %+v; want a required plan", rec)
	}
	sm, so := termRole(t, p, "section-manager"), termRole(t, p, "security-officers")
	if want := council.RolesOf(sm, so); rec.Authors != want {
		t.Errorf("kumamoto:5: authors %v; want %v", rec.Authors, want)
	}
	s, err := ScenarioByID("kumamoto-form-theft")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]council.Actor{council.ByRole(sm), council.ByRole(so)}, preventionAuthors(tl)); diff != "" {
		t.Errorf("kumamoto:5: authors in the drill (-want +got):\n%s", diff)
	}

	// A plan that requires the plan and names no author: its chief writes it.
	m := *p.Measures
	r := *rec
	r.Authors = 0
	m.Recurrence = &r
	p.Measures = &m
	tl, err = Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]council.Actor{council.ByRole(p.Organization.Chain.Chief)}, preventionAuthors(tl)); diff != "" {
		t.Errorf("no authors named: authors in the drill (-want +got):\n%s", diff)
	}
}
