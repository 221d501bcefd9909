package drill

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/measures"
)

func (r *runner) cardLost() error {
	if !r.p.cards.InForce.Has(measures.CardRevokedOnLoss) {
		return fmt.Errorf("%w: plan %s has no rule for a lost IC card", ErrUnhandled, r.p.id)
	}
	// The report and the inspection are listed only where the plan states
	// them, on its own clauses: an uncited entry would be a guess.
	if rep := r.duty(bcp.ReportCardLoss); rep.Actor.IsValid() {
		r.emit(Entry{Act: ActReport, Actor: rep.Actor, To: rep.To, What: What{About: AboutCardLossReport, Note: rep.Note}, Cites: rep.Citations})
	}
	rev := r.duty(bcp.RevokeCard)
	r.emit(Entry{Act: ActRevoke, Actor: rev.Actor, What: What{About: AboutCardRevocation, Note: rev.Note}, Cites: r.p.cards.Citations(measures.CardRevokedOnLoss)})
	if in := r.duty(bcp.InspectCards); in.Actor.IsValid() {
		r.emit(Entry{Act: ActInvestigate, Actor: in.Actor, AsNeeded: true, What: What{About: AboutCardInspection, Note: in.Note}, Cites: in.Citations})
	}
	return nil
}
