package measures

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
)

type measureSummary struct {
	Kind    MeasureKind
	Actor   council.Actor
	Parties council.Parties
	Roles   council.Roles
	Trigger Precondition
	Out     bool
	Cites   string
}

func summarizeMeasures(ms []Measure) []measureSummary {
	var out []measureSummary
	for _, m := range ms {
		out = append(out, measureSummary{m.Kind, m.Actor, m.Parties, m.Roles, m.Precondition, m.OutOfScope, m.Citations.String()})
	}
	return out
}

func TestGeneralMeasures(t *testing.T) {
	sa := council.ByRole(council.SystemAdministrator)
	nc, mun, con, jlis := council.NationalCenter, council.RelatedMunicipalities, council.Contractor, council.JLIS
	coop := council.PartiesOf(nc, mun, con)
	type M = measureSummary
	emergency := func(m planMeasures) []Measure { return m.Emergency }
	followUp := func(m planMeasures) []Measure { return m.FollowUp }
	for _, tc := range []struct {
		name string
		get  func(planMeasures) []Measure
		plan string
		want []M
	}{
		{"tottori:第3-4/emergency", emergency, council.PlanTottori, []M{
			{StrengthenMonitoring, sa, coop, 0, 0, false, "tottori:第3-4, tottori:第3-4(1)"},
			{StopOrDisconnect, sa, coop, 0, LikelyLevel3, false, "tottori:第3-4(2), tottori:第3-4(1)"},
			{RequestOthers, sa, council.PartiesOf(nc, council.OtherLocalGovernments), 0, OthersMustAct, false, "tottori:第3-4(3)"},
		}},
		{"ino:第10条/emergency", emergency, council.PlanIno, []M{
			{UrgentMeasures, sa, 0, 0, 0, false, "ino:第10条"},
			{SeekSupport, sa, council.PartiesOf(con, jlis), 0, WhenNeeded, false, "ino:第10条"},
		}},
		{"tottori:第3-7,第3-8/follow-up", followUp, council.PlanTottori, []M{
			{FindRootCause, sa, coop, 0, 0, false, "tottori:第3-7"},
			{ReviewMeasures, sa, 0, 0, 0, false, "tottori:第3-8(1)"},
			{RestoreSystem, sa, 0, 0, WhenNeeded, false, "tottori:第3-8(1)"},
			{PlanPermanent, sa, 0, 0, 0, false, "tottori:第3-8(2)"},
			{ReportToChief, sa, 0, council.RolesOf(council.SecurityChief), 0, false, "tottori:第3-8(2)"},
			{NotifyOthers, sa, council.PartiesOf(nc, mun), 0, 0, false, "tottori:第3-8(3)"},
		}},
		{"ino:第13-15条/follow-up", followUp, council.PlanIno, []M{
			{FindRootCause, council.Actor{}, 0, 0, 0, false, "ino:第13条"},
			{SeekSupport, council.Actor{}, council.PartiesOf(con, jlis), 0, WhenNeeded, false, "ino:第13条"},
			{ReviewMeasures, council.Actor{}, 0, 0, 0, false, "ino:第14条"},
			{SeekSupport, council.Actor{}, council.PartiesOf(con, jlis), 0, WhenNeeded, false, "ino:第14条"},
			{ImplementPermanent, council.Actor{}, 0, 0, 0, true, "ino:第15条"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := tc.get(referenceMeasures(t, tc.plan))
			if diff := cmp.Diff(tc.want, summarizeMeasures(ms)); diff != "" {
				t.Errorf("measures (-want +got):\n%s", diff)
			}
			for _, m := range ms {
				if m.Text == "" || !m.Kind.IsValid() || (m.Precondition != 0 && !m.Precondition.IsValid()) {
					t.Errorf("incomplete measure %+v", m)
				}
				if diff := cmp.Diff([]string{tc.plan}, m.Citations.Plans()); diff != "" {
					t.Errorf("%v cites other plans (-want +got):\n%s", m.Kind, diff)
				}
			}
		})
	}
	// kumamoto's emergency measures depend on the level and live in its
	// threat scheme; kumiyama's regulation states none.
	for _, plan := range []string{council.PlanKumamoto, council.PlanKumiyama} {
		if m := referenceMeasures(t, plan); len(m.Emergency) != 0 || len(m.FollowUp) != 0 {
			t.Errorf("%s states general measures: %d emergency, %d follow-up", plan, len(m.Emergency), len(m.FollowUp))
		}
	}
}

func TestEmergencyTriggers(t *testing.T) {
	ms := referenceMeasures(t, council.PlanTottori).Emergency
	kinds := func(held Triggers) []MeasureKind {
		var out []MeasureKind
		for m := range Applicable(ms, held) {
			out = append(out, m.Kind)
		}
		return out
	}
	if got := kinds(0); slices.Contains(got, StopOrDisconnect) {
		t.Errorf("tottori:第3-4(2): stop without likely level 3: %v", got)
	}
	if got := kinds(TriggersOf(LikelyLevel3)); !slices.Contains(got, StopOrDisconnect) || slices.Contains(got, RequestOthers) {
		t.Errorf("tottori:第3-4(2): likely level 3 gives %v", got)
	}
	if got := kinds(TriggersOf(LikelyLevel3, OthersMustAct)); len(got) != 3 {
		t.Errorf("tottori:第3-4: all triggers give %v", got)
	}
}

func TestInoRecurrenceMeasures(t *testing.T) {
	type row struct {
		C     Countermeasure
		Side  Side
		Label string
	}
	var got []row
	rec := referenceMeasures(t, council.PlanIno).Recurrence
	if rec == nil || rec.Citations.String() != "ino:第8条" {
		t.Fatalf("ino's recurrence prevention %+v; want it to cite ino:第8条", rec)
	}
	for _, c := range rec.Countermeasures {
		got = append(got, row{c, c.Side(), c.Label()})
	}
	want := []row{
		{StrengthenFaultMonitoring, Technical, "障害監視の強化"},
		{CollectTechnicalInfo, Technical, "技術情報の収集"},
		{ReviewInspectionSchedule, Operational, "定期点検の見直し"},
		{Overhaul, Operational, "オーバーホール"},
		{SpareEquipment, Operational, "予備装置の確保"},
		{Training, Operational, "教育・研修"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ino:第8条 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(AllCountermeasures(), rec.Countermeasures); diff != "" {
		t.Errorf("ino:第8条 lists every countermeasure (-want +got):\n%s", diff)
	}
	if Countermeasure(0).Side() != 0 {
		t.Error("the zero countermeasure has a side")
	}
}

var jst = time.FixedZone("JST", 9*3600)

func fullPlan() PreventionPlan {
	when := time.Date(2026, 12, 1, 0, 0, 0, 0, jst)
	return PreventionPlan{
		Situation:            "執務室への不審者の侵入",
		Impact:               "住民票の写し2件が閲覧された可能性",
		TechnicalCauses:      "入退室管理カードの読取装置の故障",
		OrganisationalCauses: "退室時の返却確認の手順がなかった",
		Technical: []PlannedMeasure{
			{What: "読取装置の交換", Who: council.ByParty(council.Contractor), When: when},
		},
		Organisational: []PlannedMeasure{
			{What: "返却確認の手順を定め研修する", Who: council.ByRole(council.SectionManager), When: when, Kind: Training},
		},
	}
}

func TestPreventionPlanValidate(t *testing.T) {
	if err := fullPlan().Validate(); err != nil {
		t.Fatalf("full plan: %v", err)
	}
	// kumamoto's file requires the plan, citing 5.
	if rec := referenceMeasures(t, council.PlanKumamoto).Recurrence; rec == nil || !rec.PlanRequired || rec.Citations.String() != "kumamoto:5" {
		t.Errorf("kumamoto:5: recurrence prevention %+v; want a plan required, citing kumamoto:5", rec)
	}
	for _, tc := range []struct {
		name  string
		edit  func(*PreventionPlan)
		paths []string
	}{
		{"kumamoto:5a/situation", func(p *PreventionPlan) { p.Situation = " " }, []string{"situation"}},
		{"kumamoto:5a/impact", func(p *PreventionPlan) { p.Impact = "" }, []string{"impact"}},
		{"kumamoto:5b/technical-causes", func(p *PreventionPlan) { p.TechnicalCauses = "" }, []string{"technicalCauses"}},
		{"kumamoto:5b/organisational-causes", func(p *PreventionPlan) { p.OrganisationalCauses = "" }, []string{"organisationalCauses"}},
		{"kumamoto:5c/no-technical-measures", func(p *PreventionPlan) { p.Technical = nil }, []string{"technical"}},
		{"kumamoto:5d/no-organisational-measures", func(p *PreventionPlan) { p.Organisational = nil }, []string{"organisational"}},
		{"kumamoto:5c/what-who-when", func(p *PreventionPlan) {
			p.Technical = append(p.Technical, PlannedMeasure{})
		}, []string{"technical[1].what", "technical[1].who", "technical[1].when"}},
		{"kumamoto:5d/bad-who-and-kind", func(p *PreventionPlan) {
			p.Organisational[0].Who = council.Actor{Role: council.Staff, Party: council.Police}
			p.Organisational[0].Kind = Countermeasure(99)
		}, []string{"organisational[0].who", "organisational[0].kind"}},
		{"kumamoto:5/empty", func(p *PreventionPlan) { *p = PreventionPlan{} }, []string{
			"situation", "impact", "technicalCauses", "organisationalCauses", "technical", "organisational"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := fullPlan()
			tc.edit(&p)
			err := p.Validate()
			var got []string
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				fe, ok := errors.AsType[*FieldError](e)
				if !ok {
					t.Fatalf("not a FieldError: %v", e)
				}
				if !errors.Is(fe, ErrMissing) && !errors.Is(fe, ErrInvalid) {
					t.Errorf("%v wraps neither ErrMissing nor ErrInvalid", fe)
				}
				if !strings.HasPrefix(fe.Error(), "measures: recurrence-prevention plan: "+fe.Path) {
					t.Errorf("message %q", fe.Error())
				}
				got = append(got, fe.Path)
			}
			if diff := cmp.Diff(tc.paths, got); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPreventionPlanJSON(t *testing.T) {
	p := fullPlan()
	data, err := jsonMarshal(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParsePreventionPlan(data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	for _, bad := range []string{`{"situation":1}`, `{"nope":""}`, `{} {}`, `{"technical":[{"who":"nobody"}]}`, `[`} {
		if _, err := ParsePreventionPlan([]byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "measures: ") {
			t.Errorf("ParsePreventionPlan(%s) error = %v", bad, err)
		}
	}
	// an incomplete plan encodes and decodes too, so it can be saved half done
	half := PreventionPlan{Technical: []PlannedMeasure{{What: "x"}}}
	data, err = jsonMarshal(half)
	if err != nil {
		t.Fatal(err)
	}
	if back, err := ParsePreventionPlan(data); err != nil || !cmp.Equal(half, back) {
		t.Errorf("half plan round trip: %+v, %v", back, err)
	}
}
