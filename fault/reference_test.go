package fault

import (
	"encoding/json"
	"fmt"
	"sync"

	planfiles "github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/vocabtest"
)

// The reference plans' fault handling, decoded from the embedded plan files
// of bcp/reference (the one source of each reference plan) with
// encoding/json. Package fault holds no plan content; its tests read the
// plans' files.

// referencePlan returns the fault plan of reference plan id, built fresh
// with NewPlan, and whether the plan states fault handling (nakano does not).
func referencePlan(id string) (Plan, bool) {
	b, ok := planFile(id)
	if !ok {
		return Plan{}, false
	}
	var f struct {
		Fault *Spec `json:"fault"`
	}
	if err := json.Unmarshal(b, &f); err != nil || f.Fault == nil {
		return Plan{}, false
	}
	p, err := NewPlan(*f.Fault)
	if err != nil {
		panic(err)
	}
	return p, true
}

// loaded are the reference plans' fault plans, decoded once: a Plan is
// immutable, so tests share them.
var loaded = sync.OnceValue(func() map[string]Plan {
	out := map[string]Plan{}
	for _, id := range planfiles.IDs() {
		if p, ok := referencePlan(id); ok {
			out[id] = p
		}
	}
	return out
})

func mustPlan(id string) Plan {
	p, ok := loaded()[id]
	if !ok {
		panic("fault test: no fault handling in reference plan " + id)
	}
	return p
}

func ino() Plan      { return mustPlan("ino") }
func kumamoto() Plan { return mustPlan("kumamoto") }
func kumiyama() Plan { return mustPlan("kumiyama") }
func tottori() Plan  { return mustPlan("tottori") }

// referencePlans returns the reference plans that state fault handling,
// ordered by ID.
func referencePlans() []Plan {
	var out []Plan
	for _, id := range planfiles.IDs() {
		if p, ok := loaded()[id]; ok {
			out = append(out, p)
		}
	}
	return out
}

// referenceOrg returns the organisation of reference plan id, decoded from
// its plan file.
func referenceOrg(id string) (council.Organization, error) {
	b, ok := planFile(id)
	if !ok {
		return council.Organization{}, fmt.Errorf("no reference plan %q", id)
	}
	var f struct {
		Organization *council.Organization `json:"organization"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return council.Organization{}, fmt.Errorf("reference plan %s: %w", id, err)
	}
	if f.Organization == nil {
		return council.Organization{}, fmt.Errorf("reference plan %s states no organisation", id)
	}
	return *f.Organization, nil
}

// cites returns the citations of clauses in plan.
func cites(plan string, clauses ...string) council.Citations {
	cs := make([]council.Citation, len(clauses))
	for i, c := range clauses {
		cs[i] = council.Cite(plan, c)
	}
	return council.Cites(cs...)
}

var chief = council.ByRole(council.SecurityChief)

// planFile returns reference plan id's file with the positions and parties
// it declares spelled as council parses them (vocabtest.Rewrite), and
// whether there is one.
func planFile(id string) ([]byte, bool) {
	b, ok := planfiles.File(id)
	if !ok {
		return nil, false
	}
	b, err := vocabtest.Rewrite(b, positions, parties)
	if err != nil {
		panic(err)
	}
	return b, true
}

// vocabulary kinds of council's actors.
var (
	positions = vocabtest.Kind{Key: "positions", Prefix: "role", Named: len(council.AllRoles())}
	parties   = vocabtest.Kind{Key: "parties", Prefix: "party", Named: len(council.AllParties())}
)

// declared returns the actor term id of reference plan plan stands for; it
// panics when the plan has no such term.
func declared(plan string, k vocabtest.Kind, id string) council.Actor {
	b, _ := planfiles.File(plan)
	m, err := vocabtest.Resolve(b, k)
	if err != nil {
		panic(err)
	}
	a, err := council.ParseActor(m[id])
	if err != nil {
		panic(fmt.Sprintf("reference plan %s: %s %q: %v", plan, k.Key, id, err))
	}
	return a
}
