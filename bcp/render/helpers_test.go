package render

import (
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/council"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
)

// runDrill runs the built-in scenario id under its reference plan.
func runDrill(t testing.TB, id string) drill.Timeline {
	t.Helper()
	s, err := drill.ScenarioByID(id)
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.Reference(s.Plan)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := drill.Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// nakanoWeek is a week-long outage of nakano's IaaS: recovery time unknown
// for two days, the groupware back on day 3, recovered on day 7 (the
// scenario of bcp's BenchmarkRunNakanoSevenDays).
func nakanoWeek(t testing.TB) (bcp.Plan, drill.Scenario) {
	t.Helper()
	p := bcp.Nakano()
	provider, ok := p.Vocabulary.Party("iaas-provider")
	if !ok {
		t.Fatal("nakano declares no iaas-provider")
	}
	day := func(d, h, m int) time.Time { return time.Date(2026, 4, 1+d, h, m, 0, 0, jst) }
	s := drill.Scenario{ID: "nakano-7-days", Plan: "nakano", Events: []drill.Event{
		{At: day(0, 7, 30), Kind: drill.FaultDetected, By: councilParty(provider)},
	}}
	for d := 0; d < 7; d++ {
		st := drill.Status{Changed: bcp.FieldsOf(bcp.FieldSituation, bcp.FieldResponse)}
		if d >= 2 {
			st.Up = bcp.ServicesOf(bcp.Groupware)
		}
		if d >= 4 {
			st.Expected = day(7, 10, 0)
		}
		s.Events = append(s.Events, drill.Event{At: day(d, 13, 0), Kind: drill.StatusChange, Status: st})
	}
	s.Events = append(s.Events, drill.Event{At: day(7, 10, 0), Kind: drill.Recovery})
	return p, s
}

// scenarios are the built-in drills the tests render.
var scenarios = []string{
	"tottori-l3-firewall", "tottori-l2-antivirus", "kumamoto-form-theft",
	"kumamoto-terminal-no-power", "ino-long-server-stop", "nakano-iaas-outage", "kumiyama-lost-card",
}

func councilParty(p council.Party) council.Actor { return council.ByParty(p) }

// tb is what the helpers need of a *testing.T or *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}
