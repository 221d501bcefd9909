package council

import (
	"testing"

	"github.com/jukiplan/jukiplan/internal/zerotest"
)

// TestZeroValuesPrint: the zero value of every exported type of package council
// (and a pointer to it) prints, formats and encodes as text without panicking.
func TestZeroValuesPrint(t *testing.T) {
	zerotest.Check(t, ".",
		*new(Actor),
		*new(Agenda),
		*new(Appointment),
		*new(Appointments),
		*new(Body),
		*new(Chain),
		*new(Citation),
		*new(Citations),
		*new(Clause),
		*new(Convening),
		*new(Council),
		*new(CycleError),
		*new(Edge),
		*new(FieldError),
		*new(Index),
		*new(Item),
		*new(Link),
		*new(Meeting),
		*new(Network),
		*new(Notice),
		*new(Organization),
		*new(OutstandingError),
		*new(Parties),
		*new(Party),
		*new(Hours),
		*new(Path),
		*new(Ratification),
		*new(Record),
		*new(Resolution),
		*new(Role),
		*new(Roles),
		*new(Rule),
		*new(Trigger),
		*new(Triggers),
	)
}
