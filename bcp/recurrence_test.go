package bcp

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

// role returns the value of the plan's term id, failing the test when the
// plan does not declare it.
func role(t *testing.T, p Plan, id string) council.Role {
	t.Helper()
	r, ok := p.Vocabulary.Role(id)
	if !ok {
		t.Fatalf("plan %s declares no position %q", p.ID, id)
	}
	return r
}

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
	p, err := Reference("kumamoto")
	if err != nil {
		t.Fatal(err)
	}
	rec := p.Measures.Recurrence
	if rec == nil || !rec.PlanRequired {
		t.Fatalf("kumamoto:5: recurrence %+v; want a required plan", rec)
	}
	sm, so := role(t, p, "section-manager"), role(t, p, "security-officers")
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
