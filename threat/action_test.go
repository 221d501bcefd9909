package threat

import "testing"

// Every declared Step has a name: the table is positional, so a constant
// appended without its row would be invalid (ino:第15条's 恒久対策の実施 was).
func TestEveryStepConstantIsNamed(t *testing.T) {
	if !ImplementCountermeasures.IsValid() || ImplementCountermeasures.String() != "implement-countermeasures" {
		t.Errorf("ImplementCountermeasures = %q, valid %v", ImplementCountermeasures.String(), ImplementCountermeasures.IsValid())
	}
	if got := len(AllTasks()); got != int(ImplementCountermeasures) {
		t.Errorf("%d steps named; the last constant is %d", got, ImplementCountermeasures)
	}
}
