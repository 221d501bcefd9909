package threat

import (
	"testing"

	"github.com/jukiplan/jukiplan/internal/zerotest"
)

// TestZeroValuesPrint: the zero value of every exported type of package threat
// (and a pointer to it) prints, formats and encodes as text without panicking.
func TestZeroValuesPrint(t *testing.T) {
	zerotest.Check(t, ".",
		*new(ActKind),
		*new(Action),
		*new(Actions),
		*new(Attribute),
		*new(AttributeTerm),
		*new(Attributes),
		*new(Capture),
		*new(Condition),
		*new(Event),
		*new(FieldError),
		*new(Firewall),
		*new(Grading),
		*new(IncompleteError),
		*new(KindTerm),
		*new(Level),
		*new(NotCoveredError),
		*new(Notification),
		*new(Notifications),
		*new(Place),
		*new(Precaution),
		*new(Range),
		*new(Response),
		*new(Rule),
		*new(Scale),
		*new(Scheme),
		*new(Seriousness),
		*new(Source),
		*new(Spec),
		*new(SpecError),
		*new(Task),
		*new(Tier),
		*new(ValueTerm),
		*new(Values),
	)
}
