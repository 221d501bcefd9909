package drill

import (
	"testing"

	"github.com/jukiplan/jukiplan/internal/zerotest"
)

// TestZeroValuesPrint: the zero value of every exported type of package drill
// (and a pointer to it) prints, formats and encodes as text without panicking.
func TestZeroValuesPrint(t *testing.T) {
	zerotest.Check(t, ".",
		*new(About),
		*new(Act),
		*new(Drill),
		*new(DrillError),
		*new(Entry),
		*new(Event),
		*new(EventKind),
		*new(Judgement),
		*new(PlaybookStep),
		*new(Scenario),
		*new(PathError),
		*new(Status),
		*new(Timeline),
		*new(What),
	)
}
