package bcp

import (
	"testing"

	"github.com/jukiplan/jukiplan/council"
)

// TestCitationsWellFormed gathers the citations of every decision and preset
// and checks that each parses back and is nakano's: the package never mixes
// plans.
func TestCitationsWellFormed(t *testing.T) {
	all := []council.Citations{ReportCitations(), ScheduleCitations(), HorizonCitations(), NakanoInventory().Citations}
	for _, s := range NakanoInventory().Systems {
		all = append(all, s.Citations)
	}
	for _, p := range RecoveryFlow() {
		all = append(all, p.Citations)
	}
	for a := range audienceTable.All() {
		c, _ := ChannelFor(a, 0)
		all = append(all, c.Citations)
	}
	for i := range incidentTable.All() {
		o, _ := ReportOutside(i)
		all = append(all, o.Citations)
	}
	sel, _ := SelectBackups(nil, 0, 0)
	all = append(all, sel.Citations)
	for _, c := range nakanoOrder() {
		all = append(all, council.Cites(c.Cite))
	}
	for k, cs := range all {
		if cs.Len() == 0 && k < 4 {
			t.Errorf("citations %d empty", k)
		}
		for _, c := range cs.All() {
			back, err := council.ParseCitation(c.String())
			if err != nil || back != c || c.Plan() != council.PlanNakano {
				t.Errorf("citation %q: parsed %v, %v; plan %q", c, back, err, c.Plan())
			}
		}
	}
}
