package drill

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

// failer is what the term helpers need of a *testing.T or *rapid.T.
type failer interface {
	Helper()
	Fatalf(format string, args ...any)
}

// term returns the value the term id of p's vocabulary stands for, looked
// up by lookup among its kind (what, for the message); the test fails when p
// has no such term.
func term[T any](t failer, p bcp.Plan, what, id string, lookup func(bcp.Vocabulary, string) (T, bool)) T {
	t.Helper()
	x, ok := lookup(p.Vocabulary, id)
	if !ok {
		t.Fatalf("plan %s declares no %s %q", p.ID, what, id)
	}
	return x
}

// termRole returns the position term id of p's vocabulary stands for.
func termRole(t failer, p bcp.Plan, id string) council.Role {
	t.Helper()
	return term(t, p, "position", id, bcp.Vocabulary.Role)
}

// termParty returns the party term id of p's vocabulary stands for.
func termParty(t failer, p bcp.Plan, id string) council.Party {
	t.Helper()
	return term(t, p, "party", id, bcp.Vocabulary.Party)
}

// termBody returns the body term id of p's vocabulary stands for.
func termBody(t failer, p bcp.Plan, id string) council.Body {
	t.Helper()
	return term(t, p, "body", id, bcp.Vocabulary.Body)
}

// panicker fails a helper called where no test is at hand (a scenario
// built in Go) by panicking, which fails the test that called it.
type panicker struct{}

func (panicker) Helper() {}

func (panicker) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }

// nakanoProvider is nakano's provider of the shared environment, a party
// its plan declares.
func nakanoProvider() council.Actor {
	return council.ByParty(termParty(panicker{}, bcp.Nakano(), "iaas-provider"))
}
