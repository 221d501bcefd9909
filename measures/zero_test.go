package measures

import (
	"testing"

	"github.com/jukiplan/jukiplan/internal/zerotest"
)

// TestZeroValuesPrint: the zero value of every exported type of package measures
// (and a pointer to it) prints, formats and encodes as text without panicking.
func TestZeroValuesPrint(t *testing.T) {
	zerotest.Check(t, ".",
		*new(Cards),
		*new(Case),
		*new(Category),
		*new(Condition),
		*new(Conditions),
		*new(Contract),
		*new(Countermeasure),
		*new(Discoverer),
		*new(FieldError),
		*new(Finding),
		*new(Hours),
		*new(Lead),
		*new(Measure),
		*new(MeasureKind),
		*new(Mode),
		*new(Obligation),
		*new(Observation),
		*new(Password),
		*new(PathError),
		*new(PlannedMeasure),
		*new(Playbook),
		*new(Playbooks),
		*new(Precondition),
		*new(PreventionPlan),
		*new(Requirement),
		*new(Requirements),
		*new(Rules),
		*new(Settings),
		*new(Side),
		*new(Step),
		*new(Task),
		*new(Triggers),
		*new(Zone),
	)
}
