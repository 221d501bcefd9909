package drill

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

// nakano 統合仮想サーバ 3(4)②: "インシデントの発生状況を考慮し、情報システム課との協議によって連絡頻度
// を設定する。" The provider's report frequency is set by agreement with the
// information systems division: the plan holds no number for it, and a drill
// schedules no report of the provider.
func TestNakano統合仮想サーバ3_4_2ProviderReportFrequency(t *testing.T) {
	p := bcp.Nakano()
	sc := p.Continuity.Schedule
	provider, isd := council.ByParty(termParty(t, bcp.Nakano(), "iaas-provider")), council.ByRole(termRole(t, bcp.Nakano(), "info-systems-division"))
	want := []bcp.AgreedReports{{From: provider, To: isd, With: isd, Considering: "インシデントの発生状況",
		Citations: council.Cites(council.Cite(council.PlanNakano, "統合仮想サーバ 3(4)②"))}}
	if diff := cmp.Diff(want, sc.Agreed); diff != "" {
		t.Errorf("3(4)② (-want +got):\n%s", diff)
	}
	var found bool
	for _, f := range bcp.Check(p) {
		if f.Code == bcp.CodeFrequencyByAgreement {
			found = f.Severity == bcp.SeverityInfo && f.Cite == council.Cite(council.PlanNakano, "統合仮想サーバ 3(4)②") &&
				strings.Contains(f.Message, "set by agreement") && !strings.ContainsAny(f.Message, "0123456789")
		}
	}
	if !found {
		t.Error("Check states no info that 3(4)② leaves the provider's frequency to agreement")
	}
	s, err := ScenarioByID("nakano-iaas-outage")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tl.Entries {
		if (e.Act == ActScheduledReport || e.Act == ActProgressReport) && e.Actor == provider {
			t.Errorf("the drill schedules a report of the provider, whose frequency is only agreed: %+v", e)
		}
	}
}
