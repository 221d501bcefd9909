package bcp

import (
	"testing"

	"github.com/jukiplan/jukiplan/council"
)

// nakanoInventory returns the inventory of the nakano reference plan
// (統合仮想サーバ 図4), fresh: the plan file is its one source.
func nakanoInventory() Inventory { return *Nakano().Continuity.Inventory }

// TestCitationsWellFormed gathers the citations of every part of nakano's
// continuity plan and checks that each parses back and is nakano's: the
// plan never mixes plans.
func TestCitationsWellFormed(t *testing.T) {
	c := Nakano().Continuity
	all := []council.Citations{c.Schedule.Citations, c.Horizons.Citations, c.Inventory.Citations}
	for _, s := range c.Inventory.Systems {
		all = append(all, s.Citations)
	}
	for _, p := range c.Flow {
		all = append(all, p.Citations)
	}
	for _, r := range c.Contacts {
		all = append(all, r.Contact.Citations)
	}
	for _, o := range c.Routes {
		all = append(all, o.Citations)
	}
	for _, o := range c.Order {
		all = append(all, council.Cites(o.Cite))
	}
	for k, cs := range all {
		if cs.Len() == 0 {
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
