package drill

import (
	"testing"

	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/threat"
)

// TestActTablesExhaustive: every threat step and every fault notice action
// has its act, and only the convening of the council has none (the drill
// lists the body's convening instead).
func TestActTablesExhaustive(t *testing.T) {
	for _, s := range threat.AllTasks() {
		switch {
		case int(s) >= len(stepActs):
			t.Errorf("threat step %s has no act", s)
		case s == threat.ConveneCouncil && stepActs[s] != 0:
			t.Errorf("threat step %s maps to %s; want the convening of the body", s, stepActs[s])
		case s != threat.ConveneCouncil && !stepActs[s].IsValid():
			t.Errorf("threat step %s has no act", s)
		}
	}
	if len(stepActs) != len(threat.AllTasks())+1 {
		t.Errorf("stepActs has %d entries for %d steps", len(stepActs), len(threat.AllTasks()))
	}
	for _, a := range fault.AllTasks() {
		switch {
		case int(a) >= len(noticeActs):
			t.Errorf("fault action %s has no act", a)
		case a == fault.ConveneCouncil && noticeActs[a] != 0:
			t.Errorf("fault action %s maps to %s; want the convening of the body", a, noticeActs[a])
		case a != fault.ConveneCouncil && !noticeActs[a].IsValid():
			t.Errorf("fault action %s has no act", a)
		}
	}
	if len(noticeActs) != len(fault.AllTasks())+1 {
		t.Errorf("noticeActs has %d entries for %d actions", len(noticeActs), len(fault.AllTasks()))
	}
}

// TestHandlersExhaustive: every kind of scenario event has its handler.
func TestHandlersExhaustive(t *testing.T) {
	for _, k := range AllEventKinds() {
		if int(k) >= len(handlers) || handlers[k] == nil {
			t.Errorf("event kind %s has no handler", k)
		}
	}
	if len(handlers) != len(AllEventKinds())+1 {
		t.Errorf("handlers has %d entries for %d kinds", len(handlers), len(AllEventKinds()))
	}
}
