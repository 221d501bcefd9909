package bcp

import (
	"fmt"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/council"
)

// Readings of the documents the drill once got wrong (issue 13 item 3), each
// test named after the clause and asserting what the document says.

// step is one entry a test looks for: what, by whom, to whom (zero: anyone
// or no one) and a clause it cites.
type step struct {
	act    Act
	by, to council.Actor
	clause string
}

func (s step) String() string {
	return fmt.Sprintf("%v %v→%v %s", s.act, s.by, s.to, s.clause)
}

// find returns the index of the first entry of tl at scenario event ev that
// is s, or -1.
func (s step) find(t *testing.T, tl Timeline, ev int) int {
	t.Helper()
	c, err := council.ParseCitation(s.clause)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range tl.Entries {
		if e.Event == ev && e.Act == s.act && e.Actor == s.by && (s.to == council.Actor{} || e.To == s.to) && e.Cites.Contains(c) {
			return i
		}
	}
	return -1
}

// inOrder checks that tl lists every step of want at event ev, each after
// the one before it.
func inOrder(t *testing.T, tl Timeline, ev int, want []step) {
	t.Helper()
	last := -1
	for _, s := range want {
		i := s.find(t, tl, ev)
		switch {
		case i < 0:
			t.Errorf("%s: no %s at event %d", tl.Scenario, s, ev)
		case i <= last:
			t.Errorf("%s: %s (entry %d) comes before the step it follows (entry %d)", tl.Scenario, s, i, last)
		default:
			last = i
		}
	}
}

func run(t *testing.T, p Plan, s Scenario) Timeline {
	t.Helper()
	tl, err := Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// ino 第5条: the security council, convened on the proposal of 第4条 (極めて
// 重大な障害で長時間に渡るサーバ停止と判断した時), decides "代替措置の実施"
// (例: 広域交付発行希望住民に対し、発行可能な近接市町村を案内する等). The
// nearby municipality is offered after the council meets, never while the
// fault is not yet judged serious, and not at all for a fault that is not.
func TestDrillIno第5条AlternativeIsTheCouncilsDecision(t *testing.T) {
	chief := council.ByRole(council.SecurityChief)
	none := council.Actor{}
	alternative := step{ActAlternative, chief, none, "ino:第5条"}
	staff := council.ByRole(council.Staff)
	at := func(h, m int) time.Time { return time.Date(2026, 4, 1, h, m, 0, 0, jst) }
	t.Run("ino:第5条/after-the-council", func(t *testing.T) {
		tl := runBuiltin(t, "ino-long-server-stop")
		if i := alternative.find(t, tl, 0); i >= 0 {
			t.Errorf("the server is down but not judged serious: %s", tl.Entries[i].Line(English))
		}
		inOrder(t, tl, 1, []step{
			{ActRequest, council.ByRole(council.SystemAdministrator), chief, "ino:第4条"},
			{ActConvene, chief, none, "ino:第5条"},
			{ActAgenda, chief, none, "ino:第5条"},
			alternative,
		})
	})
	t.Run("ino:第4条/serious-at-once", func(t *testing.T) {
		tl := run(t, Ino(), Scenario{ID: "serious-at-once", Plan: council.PlanIno, Events: []Event{
			{At: at(8, 40), Kind: FaultDetected, By: staff, Status: Status{ServerDown: true, OperationImpossible: true, Impact: 80, ExpectedStop: 8 * time.Hour}},
		}})
		inOrder(t, tl, 0, []step{{ActConvene, chief, none, "ino:第5条"}, alternative})
	})
	t.Run("ino:第4条/not-serious", func(t *testing.T) {
		tl := run(t, Ino(), Scenario{ID: "short-stop", Plan: council.PlanIno, Events: []Event{
			{At: at(8, 40), Kind: FaultDetected, By: staff, Status: Status{ServerDown: true, CauseUnknown: true}},
			{At: at(9, 30), Kind: StatusChange, Status: Status{ServerDown: true, OperationImpossible: true, Impact: 80, ExpectedStop: time.Hour}},
			{At: at(10, 30), Kind: Recovery},
		}})
		for _, e := range tl.Entries {
			if e.Act == ActAlternative || e.Act == ActConvene {
				t.Errorf("a one-hour stop is not serious (第4条): %s", e.Line(English))
			}
		}
	})
}
