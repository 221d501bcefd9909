package bcp

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

func TestHorizonOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    time.Duration
		want Horizon
	}{
		{"nakano:ICT-BCP 9(2)ウ/半日/1h", time.Hour, HalfDay},
		{"nakano:ICT-BCP 9(2)ウ/半日/12h", 12 * time.Hour, HalfDay},
		{"nakano:ICT-BCP 9(2)ウ/1日/12h1m", 12*time.Hour + time.Minute, OneDay},
		{"nakano:ICT-BCP 9(2)ウ/1日/24h", 24 * time.Hour, OneDay},
		{"nakano:ICT-BCP 9(2)ウ/2～3日/48h", 48 * time.Hour, FewDays},
		{"nakano:ICT-BCP 9(2)ウ/2～3日/72h", 72 * time.Hour, FewDays},
		{"nakano:ICT-BCP 10-1-1(1)/1週間/73h", 73 * time.Hour, OneWeek},
		{"nakano:ICT-BCP 10-1-1(1)/1週間/7d", 7 * 24 * time.Hour, OneWeek},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := HorizonOf(tc.d)
			if err != nil || got != tc.want {
				t.Errorf("HorizonOf(%v) = %v, %v; want %v", tc.d, got, err, tc.want)
			}
		})
	}
	if _, err := HorizonOf(0); !errors.Is(err, ErrInvalid) {
		t.Errorf("HorizonOf(0) error = %v", err)
	}
	if _, err := HorizonOf(7*24*time.Hour + 1); !errors.Is(err, ErrBeyondHorizons) {
		t.Errorf("HorizonOf(>1 week) error = %v", err)
	}
	rapid.Check(t, func(t *rapid.T) {
		d := time.Duration(rapid.Int64Range(1, int64(7*24*time.Hour)).Draw(t, "d"))
		h, err := HorizonOf(d)
		if err != nil || d > h.Limit() || h > HalfDay && d <= (h-1).Limit() {
			t.Fatalf("HorizonOf(%v) = %v, %v: not the shortest covering horizon", d, h, err)
		}
	})
}

func TestSystemPlanGaps(t *testing.T) {
	p := SystemPlan{System: "fig4-13", Manual: []Manual{
		{Horizon: HalfDay, Procedure: "紙の申請書で受付"},
		{Horizon: FewDays, Procedure: "近隣窓口を案内"},
		{Horizon: OneDay, Procedure: ""},
	}}
	hp := *Nakano().Continuity.Horizons
	t.Run("nakano:ICT-BCP 9(2)ウ/gaps", func(t *testing.T) {
		if got, want := hp.Gaps(p), HorizonsOf(OneDay, OneWeek); got != want {
			t.Errorf("Gaps() = %v; want %v", got, want)
		}
		err := hp.Check(p)
		if !errors.Is(err, ErrUncovered) || !errors.Is(err, ErrInvalid) {
			t.Fatalf("Check() = %v", err)
		}
		for _, w := range []string{"procedure 2: empty", "no manual procedure for one-day (1日)", "one-week (1週間)"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Check() %q does not say %q", err, w)
			}
		}
	})
	t.Run("nakano:ICT-BCP 10-1-1(1)/complete", func(t *testing.T) {
		full := SystemPlan{System: "x"}
		for h := range hp.Required.All() {
			full.Manual = append(full.Manual, Manual{Horizon: h, Procedure: "手作業"})
		}
		if err := hp.Check(full); err != nil || hp.Gaps(full) != 0 {
			t.Errorf("Check() = %v, Gaps() = %v", err, hp.Gaps(full))
		}
	})
	if hp.Required != HorizonsOf(AllHorizons()...) {
		t.Errorf("nakano requires %v", hp.Required)
	}
}

// TestHorizonPlanGaps: the gaps are those of the plan's own horizon plan,
// not of nakano's.
func TestHorizonPlanGaps(t *testing.T) {
	sp := SystemPlan{System: "s", Manual: []Manual{{Horizon: HalfDay, Procedure: "紙"}, {Horizon: OneWeek, Procedure: "窓口"}}}
	for _, tc := range []struct {
		name     string
		required Horizons
		want     Horizons
	}{
		{"none required", 0, 0},
		{"half a day only", HorizonsOf(HalfDay), 0},
		{"one day and a week", HorizonsOf(OneDay, OneWeek), HorizonsOf(OneDay)},
		{"every horizon", HorizonsOf(AllHorizons()...), HorizonsOf(OneDay, FewDays)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hp := HorizonPlan{Required: tc.required}
			if got := hp.Gaps(sp); got != tc.want {
				t.Errorf("Gaps = %v; want %v", got, tc.want)
			}
			err := hp.Check(sp)
			if got := errors.Is(err, ErrUncovered); got != (tc.want != 0) {
				t.Errorf("Check = %v; want uncovered %v", err, tc.want != 0)
			}
		})
	}
}

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

func TestRecoveryFlow(t *testing.T) {
	flow := RecoveryFlow()
	if len(flow) != 7 {
		t.Fatalf("%d steps; want 7", len(flow))
	}
	owners := council.RolesOf(council.OwningDivisionHead)
	for i, p := range flow {
		t.Run("nakano:統合仮想サーバ "+p.Citations.At(0).Clause(), func(t *testing.T) {
			if p.Step != Step(i+1) {
				t.Errorf("step %d is %v", i+1, p.Step)
			}
			if p.Roles == 0 && p.Parties == 0 && p.Body == 0 {
				t.Errorf("%v has no owner", p.Step)
			}
			if want := "統合仮想サーバ 4(" + string(rune('1'+i)) + ")"; p.Citations.At(0).Clause() != want {
				t.Errorf("cites %v; want %s", p.Citations, want)
			}
		})
	}
	if !flow[0].Parties.Has(council.IaaSProvider) || !flow[1].Parties.Has(council.IaaSProvider) {
		t.Error("the provider detects and starts the platform's recovery (4(1)(2))")
	}
	if flow[4].Roles != owners {
		t.Error("the owning divisions start the alternative means (4(5))")
	}
	if flow[5].Body != council.InfoSecurityCommittee {
		t.Error("the deliberating body sets the priority (4(6))")
	}
	if !flow[6].Parties.Contains(council.PartiesOf(council.IaaSProvider, council.SystemVendors)) {
		t.Error("step 7 needs the provider and the vendors")
	}
	flow[0].Step = 0
	if RecoveryFlow()[0].Step != Detection {
		t.Error("RecoveryFlow shares its slice")
	}
	if !slices.IsSortedFunc(RecoveryFlow(), func(a, b Phase) int { return a.Step.Compare(b.Step) }) {
		t.Error("steps out of order")
	}
}

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
