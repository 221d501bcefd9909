package fault

import "github.com/jukiplan/jukiplan/council"

// Triggers returns the council triggers e is, for [council.ConveneAny] (or
// [council.Convene] on each): every escalation is of a fault
// ([council.AnyFault]: 障害, ino:第2条, tottori:第1-1(1), kumiyama:第6条5項); a
// serious one is also [council.SeriousFault] (重大障害, ino:第4条,
// tottori:第2-4(1)).
//
// A plan's own organisation then says whether that convenes the council: ino
// meets on a serious fault (第4条, 第5条), tottori too (第2-4(2)), kumiyama on
// any fault when the system administrator asks (第6条5項); a fault not judged
// serious does not convene it in ino or tottori. This is the mapping of the
// ConveneCouncil notice onto package council. An escalation [Procedure.Escalate]
// made is of a fault even when nobody is told (its Notices are empty, not
// nil); the zero Escalation (nil Notices, not serious) has no triggers. It
// does not allocate.
func (e Escalation) Triggers() council.Triggers {
	if e.Notices == nil && !e.Serious {
		return 0
	}
	ts := council.Triggers(0).With(council.AnyFault)
	if e.Serious {
		ts = ts.With(council.SeriousFault)
	}
	return ts
}
