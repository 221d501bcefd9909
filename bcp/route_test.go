package bcp

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
)

func TestReportOutside(t *testing.T) {
	isd := council.ByRole(council.InfoSystemsDivision)
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
			{Reporter: isd, To: council.PartiesOf(council.TokyoICTDepartment, council.NISC, council.MICOffice), Citations: cite("ウ", "エ")},
		}},
		{"nakano:ICT-BCP 6(3)オ/leak-tokyo", Leak, []Route{
			{Reporter: isd, To: council.PartiesOf(council.TokyoICTDepartment), Citations: cite("オ")},
		}},
		{"nakano:ICT-BCP 6(3)カ/specific-leak-ppc", SpecificLeak, []Route{
			{Reporter: isd, To: council.PartiesOf(council.TokyoICTDepartment), Citations: cite("オ")},
			{ReportedBy: council.ByRole(council.OwningDepartmentHead), Reporter: council.ByRole(council.CrisisManagementDivision),
				To: council.PartiesOf(council.PPC, council.TokyoGeneralAffairsDivision), Citations: cite("カ")},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, err := ReportOutside(tc.i)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.routes, o.Routes, cmp.Comparer(council.Citations.Equal)); diff != "" {
				t.Errorf("routes (-want +got):\n%s", diff)
			}
			for _, r := range o.Routes {
				if r.Citations.Len() == 0 {
					t.Errorf("route %+v without citations", r)
				}
			}
			mayor := council.ByRole(council.Mayor)
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
	if _, err := ReportOutside(0); !errors.Is(err, ErrInvalid) {
		t.Errorf("unset incident: %v", err)
	}
	a, _ := ReportOutside(Leak)
	a.Routes[0].To = 0
	if b, _ := ReportOutside(Leak); b.Routes[0].To == 0 {
		t.Error("ReportOutside shares its routes between calls")
	}
}
