package bcp

import (
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
func term[T any](t failer, p Plan, what, id string, lookup func(Vocabulary, string) (T, bool)) T {
	t.Helper()
	x, ok := lookup(p.Vocabulary, id)
	if !ok {
		t.Fatalf("plan %s declares no %s %q", p.ID, what, id)
	}
	return x
}

// termRole returns the position term id of p's vocabulary stands for.
func termRole(t failer, p Plan, id string) council.Role {
	t.Helper()
	return term(t, p, "position", id, Vocabulary.Role)
}

// termParty returns the party term id of p's vocabulary stands for.
func termParty(t failer, p Plan, id string) council.Party {
	t.Helper()
	return term(t, p, "party", id, Vocabulary.Party)
}

// termBody returns the body term id of p's vocabulary stands for.
func termBody(t failer, p Plan, id string) council.Body {
	t.Helper()
	return term(t, p, "body", id, Vocabulary.Body)
}
