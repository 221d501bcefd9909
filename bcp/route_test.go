package bcp

import (
	"slices"
	"strings"
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

// TestDrillPlanWords: the drill takes the words of the first report and of
// the decision on publication from the plan (nakano's 第1報 and 区議会), and
// falls back to the engine's own words when a plan gives none.
func TestDrillPlanWords(t *testing.T) {
	s, err := ScenarioByID("nakano-iaas-outage")
	if err != nil {
		t.Fatal(err)
	}
	detail := func(p Plan, a Act, by council.Actor) string {
		t.Helper()
		tl, err := Run(p, s)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range tl.Entries {
			if e.Act == a && e.Actor == by {
				return e.DetailJA
			}
		}
		t.Fatalf("no %v by %v", a, by)
		return ""
	}
	isd, mayor := council.ByRole(termRole(t, Nakano(), "info-systems-division")), council.ByRole(termRole(t, Nakano(), "mayor"))
	p := Nakano()
	if got := detail(p, ActReport, isd); got != "第1報（口頭・メモ可）、その後連絡票" {
		t.Errorf("first report %q; want the plan's note", got)
	}
	if got := detail(p, ActMeasure, mayor); got != "公表及び区議会への報告の判断" {
		t.Errorf("publication %q; want the plan's decision", got)
	}
	for i := range p.Continuity.Contacts {
		p.Continuity.Contacts[i].Contact.Note = ""
	}
	for i := range p.Continuity.Routes {
		p.Continuity.Routes[i].Decision = ""
	}
	if got, want := detail(p, ActReport, isd), p.Vocabulary.Label(CrisisManagement, Japanese); got != want {
		t.Errorf("first report without a note %q; want the audience's label in the plan's words %q", got, want)
	}
	if got := detail(p, ActMeasure, mayor); got != "公表及び議会への報告の判断" {
		t.Errorf("publication without a decision %q; want the engine's words", got)
	}
}

// TestDrillDutyAndScheduleWords: the IC-card lines take kumiyama's words
// (第17条10項3号, 11項, 14項) and nakano's scheduled reports its headings
// (統合仮想サーバ 3(4)①ア a, b); without them a drill says the engine's.
func TestDrillDutyAndScheduleWords(t *testing.T) {
	details := func(p Plan, scenario string, a Act) []string {
		t.Helper()
		s, err := ScenarioByID(scenario)
		if err != nil {
			t.Fatal(err)
		}
		tl, err := Run(p, s)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range tl.Entries {
			if e.Act == a && !slices.Contains(out, e.DetailJA) {
				out = append(out, e.DetailJA)
			}
		}
		return out
	}
	k := Kumiyama()
	if got := details(k, "kumiyama-lost-card", ActRevoke); !slices.Equal(got, []string{"直ちに失効の手続きを取らなければならない"}) {
		t.Errorf("revocation %q; want kumiyama 第17条11項's words", got)
	}
	for i := range k.Duties {
		k.Duties[i].Note = ""
	}
	if got := details(k, "kumiyama-lost-card", ActRevoke); !slices.Equal(got, []string{RevokeCard.Label()}) {
		t.Errorf("revocation without a note %q; want the duty's label", got)
	}
	n := Nakano()
	want := []string{"障害復旧見込が不明な場合", "障害復旧見込日時が判明している場合"}
	if got := details(n, "nakano-iaas-outage", ActScheduledReport); !slices.ContainsFunc(got, func(s string) bool { return s == want[0] }) ||
		!slices.ContainsFunc(got, func(s string) bool { return s == want[1] }) {
		t.Errorf("scheduled reports %q; want both of %q", got, want)
	}
	sc := *n.Continuity.Schedule
	sc.WhileUnknown, sc.OnceKnown = "", ""
	n.Continuity.Schedule = &sc
	for _, d := range details(n, "nakano-iaas-outage", ActScheduledReport) {
		if strings.HasPrefix(d, "障害復旧見込") {
			t.Errorf("scheduled report without the plan's words %q; want the engine's", d)
		}
	}
}
