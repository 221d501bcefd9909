package fault

import (
	"testing"

	"github.com/jukiplan/jukiplan/internal/zerotest"
)

// TestZeroValuesPrint: the zero value of every exported type of package fault
// (and a pointer to it) prints, formats and encodes as text without panicking.
func TestZeroValuesPrint(t *testing.T) {
	zerotest.Check(t, ".",
		*new(Alternative),
		*new(Alternatives),
		*new(Assignment),
		*new(Classification),
		*new(Condition),
		*new(Detection),
		*new(Escalation),
		*new(EscalationSpec),
		*new(Facts),
		*new(Fallback),
		*new(Fault),
		*new(FieldError),
		*new(Findings),
		*new(Investigation),
		*new(Kind),
		*new(Location),
		*new(Notice),
		*new(Probe),
		*new(Procedure),
		*new(Responder),
		*new(Signal),
		*new(Spec),
		*new(Stage),
		*new(StageSpec),
		*new(Stages),
		*new(Startup),
		*new(Symptom),
		*new(SymptomSpec),
		*new(Task),
		*new(TerminalReport),
		*new(Thresholds),
		*new(TransitionError),
		*new(Work),
	)
}
