package bcp

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
)

// outsideOf returns the nakano plan's reporting outside the ward for
// incident i, and whether the plan has it.
func outsideOf(i Incident) (Outside, bool) {
	for _, o := range Nakano().Continuity.Routes {
		if o.Incident == i {
			return o, true
		}
	}
	return Outside{}, false
}

// TestNakanoRoutes: the routes outside the ward in the nakano plan file are
// those of ICT-BCP 6(3), one per kind of incident.
func TestNakanoRoutes(t *testing.T) {
	isd := council.ByRole(termRole(t, Nakano(), "info-systems-division"))
	cite := func(clauses ...string) council.Citations {
		var cs council.Citations
		for _, c := range clauses {
			cs = cs.Join(council.Cites(council.Cite(council.PlanNakano, "ICT-BCP 6(3)"+c)))
		}
		return cs
	}
	for _, tc := range []struct {
		name   string
		i      Incident
		routes []Route
	}{
		{"nakano:ICT-BCP 6(3)エ/fault-no-leak-all-three", FaultNoLeak, []Route{
			{Reporter: isd, To: council.PartiesOf(termParty(t, Nakano(), "tokyo-ict-department"), termParty(t, Nakano(), "nisc"), termParty(t, Nakano(), "mic-office")), Citations: cite("ウ", "エ")},
		}},
		{"nakano:ICT-BCP 6(3)オ/leak-tokyo", Leak, []Route{
			{Reporter: isd, To: council.PartiesOf(termParty(t, Nakano(), "tokyo-ict-department")), Citations: cite("オ")},
		}},
		{"nakano:ICT-BCP 6(3)カ/specific-leak-ppc", SpecificLeak, []Route{
			{Reporter: isd, To: council.PartiesOf(termParty(t, Nakano(), "tokyo-ict-department")), Citations: cite("オ")},
			{ReportedBy: council.ByRole(termRole(t, Nakano(), "owning-department-head")), Reporter: council.ByRole(termRole(t, Nakano(), "crisis-management-division")),
				To: council.PartiesOf(termParty(t, Nakano(), "ppc"), termParty(t, Nakano(), "tokyo-general-affairs-division")), Citations: cite("カ")},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, ok := outsideOf(tc.i)
			if !ok {
				t.Fatalf("no routes for %v", tc.i)
			}
			if diff := cmp.Diff(tc.routes, o.Routes, cmp.Comparer(council.Citations.Equal)); diff != "" {
				t.Errorf("routes (-want +got):\n%s", diff)
			}
			for _, r := range o.Routes {
				if r.Citations.Len() == 0 {
					t.Errorf("route %+v without citations", r)
				}
			}
			if o.Decision != "公表及び区議会への報告の判断" {
				t.Errorf("decision %q; want the ward's words for ア and イ", o.Decision)
			}
			mayor := council.ByRole(termRole(t, Nakano(), "mayor"))
			if o.Publication != mayor || o.Assembly != mayor {
				t.Errorf("publication by %v, assembly by %v; want the mayor (ICT-BCP 6(3)ア, イ)", o.Publication, o.Assembly)
			}
			for _, c := range []string{"ア", "イ"} {
				if !o.Citations.Contains(council.Cite(council.PlanNakano, "ICT-BCP 6(3)"+c)) {
					t.Errorf("citations %v lack 6(3)%s", o.Citations, c)
				}
			}
		})
	}
	if n := len(Nakano().Continuity.Routes); n != len(AllIncidents()) {
		t.Errorf("%d outside reportings; want one per incident kind (%d)", n, len(AllIncidents()))
	}
}
