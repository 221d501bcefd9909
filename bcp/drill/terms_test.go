package drill

import (
	"fmt"
	"strings"

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

// line prints an entry for a test's message: the data it holds, unworded
// (package render words it).
func line(e Entry) string {
	return fmt.Sprintf("%s %d %v→%v %s %v <%v %v..%v> %+v as-needed=%t (%s)", e.At.In(jst).Format("2006-01-02 15:04"), e.Event,
		e.Actor, e.To, e.Act, e.Channel, e.Level, e.Min, e.Max, e.What, e.AsNeeded, e.Cites)
}

// dump prints a timeline for a test's message, one entry a line.
func dump(tl Timeline) string {
	var b strings.Builder
	for _, e := range tl.Entries {
		b.WriteString(line(e) + "\n")
	}
	return b.String()
}
