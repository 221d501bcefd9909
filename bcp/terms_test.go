package bcp

import (
	"fmt"

	"github.com/jukiplan/jukiplan/council"
)

// failer is what the term helpers need of a *testing.T or *rapid.T.
type failer interface {
	Helper()
	Fatalf(format string, args ...any)
}

// termRole returns the position term id of p's vocabulary stands for; the
// test fails when p has no such position.
func termRole(t failer, p Plan, id string) council.Role {
	t.Helper()
	r, ok := p.Vocabulary.Role(id)
	if !ok {
		t.Fatalf("plan %s declares no position %q", p.ID, id)
	}
	return r
}

// termParty returns the party term id of p's vocabulary stands for; the
// test fails when p has no such party.
func termParty(t failer, p Plan, id string) council.Party {
	t.Helper()
	x, ok := p.Vocabulary.Party(id)
	if !ok {
		t.Fatalf("plan %s declares no party %q", p.ID, id)
	}
	return x
}

// termBody returns the body term id of p's vocabulary stands for; the test
// fails when p has no such body.
func termBody(t failer, p Plan, id string) council.Body {
	t.Helper()
	b, ok := p.Vocabulary.Body(id)
	if !ok {
		t.Fatalf("plan %s declares no body %q", p.ID, id)
	}
	return b
}

// panicker fails a helper called where no test is at hand (a scenario
// built in Go) by panicking, which fails the test that called it.
type panicker struct{}

func (panicker) Helper() {}

func (panicker) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }

// nakanoProvider is nakano's provider of the shared environment, a party
// its plan declares.
func nakanoProvider() council.Actor {
	return council.ByParty(termParty(panicker{}, Nakano(), "iaas-provider"))
}
