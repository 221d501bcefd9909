package council

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

func cites(plan string, clauses ...string) Citations {
	var cs []Citation
	for _, cl := range clauses {
		cs = append(cs, Cite(plan, cl))
	}
	return Cites(cs...)
}

func TestConvene(t *testing.T) {
	for _, tc := range []struct {
		name    string
		org     Organization
		trigger Trigger
		want    Convening
	}{
		{"ino:第4条,第5条/serious-fault", ino(), SeriousFault, Convening{
			Plan: PlanIno, Trigger: SeriousFault, Named: true, Meets: true, Body: SecurityCouncil,
			RequestedBy: RolesOf(SystemAdministrator), Convener: SecurityChief, Chair: SecurityChief,
			Agenda: Cite(PlanIno, "第5条"), Substitute: EmergencyResponseStructure, Cites: cites(PlanIno, "第4条", "第5条")}},
		{"ino:第11条,第12条/serious-threat", ino(), SeriousThreat, Convening{
			Plan: PlanIno, Trigger: SeriousThreat, Named: true, Meets: true, Body: SecurityCouncil,
			RequestedBy: RolesOf(SystemAdministrator, IdentityInfoManager), Convener: SecurityChief, Chair: SecurityChief,
			Agenda: Cite(PlanIno, "第12条"), Substitute: EmergencyResponseStructure, Cites: cites(PlanIno, "第11条", "第12条")}},
		{"ino:第4条/fault-not-judged-serious", ino(), AnyFault, Convening{
			Plan: PlanIno, Trigger: AnyFault, Named: true, Cites: cites(PlanIno, "第4条")}},
		{"ino:第11条/unauthorized-act-not-judged-serious", ino(), UnauthorizedAct, Convening{
			Plan: PlanIno, Trigger: UnauthorizedAct, Named: true, Cites: cites(PlanIno, "第11条")}},
		{"ino:silent/threat-level-3", ino(), ThreatLevel3, Convening{Plan: PlanIno, Trigger: ThreatLevel3}},
		{"kumiyama:第6条5項/fault-on-request", kumiyama(), AnyFault, Convening{
			Plan: PlanKumiyama, Trigger: AnyFault, Named: true, Meets: true, Body: SecurityCouncil,
			RequestedBy: RolesOf(SystemAdministrator), OnRequest: true, Convener: SecurityChief, Chair: SecurityChief,
			Cites: cites(PlanKumiyama, "第6条5項", "第6条1項")}},
		{"kumiyama:第6条5項/unauthorized-act-on-request", kumiyama(), UnauthorizedAct, Convening{
			Plan: PlanKumiyama, Trigger: UnauthorizedAct, Named: true, Meets: true, Body: SecurityCouncil,
			RequestedBy: RolesOf(SystemAdministrator), OnRequest: true, Convener: SecurityChief, Chair: SecurityChief,
			Cites: cites(PlanKumiyama, "第6条5項", "第6条1項")}},
		{"kumiyama:第6条3項/routine-duties", kumiyama(), Routine, Convening{
			Plan: PlanKumiyama, Trigger: Routine, Named: true, Meets: true, Body: SecurityCouncil,
			Convener: SecurityChief, Chair: SecurityChief, Agenda: Cite(PlanKumiyama, "第6条3項"),
			Cites: cites(PlanKumiyama, "第6条3項", "第6条1項")}},
		{"tottori:第2-4/serious-fault", tottori(), SeriousFault, Convening{
			Plan: PlanTottori, Trigger: SeriousFault, Named: true, Meets: true, Body: SecurityCouncil,
			RequestedBy: RolesOf(SystemAdministrator), Immediately: true, Convener: SecurityChief,
			Agenda: Cite(PlanTottori, "第2-4(3)"), Cites: cites(PlanTottori, "第2-4(1)", "第2-4(2)", "第2-4(3)")}},
		{"tottori:第3-6/level-3", tottori(), ThreatLevel3, Convening{
			Plan: PlanTottori, Trigger: ThreatLevel3, Named: true, Meets: true, Body: SecurityCouncil,
			RequestedBy: RolesOf(SystemAdministrator), Immediately: true, Convener: SecurityChief,
			Agenda: Cite(PlanTottori, "第3-6(3)"), Cites: cites(PlanTottori, "第3-6(1)", "第3-6(2)", "第3-6(3)")}},
		{"tottori:第3-5(1)/level-1", tottori(), ThreatLevel1, Convening{
			Plan: PlanTottori, Trigger: ThreatLevel1, Named: true, Cites: cites(PlanTottori, "第3-5(1)")}},
		{"tottori:第3-5(2)/level-2", tottori(), ThreatLevel2, Convening{
			Plan: PlanTottori, Trigger: ThreatLevel2, Named: true, Cites: cites(PlanTottori, "第3-5(2)")}},
		{"tottori:第2-4(1)/fault-not-serious", tottori(), AnyFault, Convening{
			Plan: PlanTottori, Trigger: AnyFault, Named: true, Cites: cites(PlanTottori, "第2-4(1)")}},
		{"kumamoto:別紙1/level-3", kumamoto(), ThreatLevel3, Convening{
			Plan: PlanKumamoto, Trigger: ThreatLevel3, Named: true, Meets: true, Body: SecurityCouncil,
			Agenda: Cite(PlanKumamoto, "別紙1"), Cites: cites(PlanKumamoto, "別紙1", "4(1) 緊急対応策(ウ)")}},
		{"kumamoto:4(1) 緊急対応策(ア)/level-1", kumamoto(), ThreatLevel1, Convening{
			Plan: PlanKumamoto, Trigger: ThreatLevel1, Named: true, Cites: cites(PlanKumamoto, "4(1) 緊急対応策(ア)")}},
		{"kumamoto:4(1) 緊急対応策(イ)/level-2", kumamoto(), ThreatLevel2, Convening{
			Plan: PlanKumamoto, Trigger: ThreatLevel2, Named: true, Cites: cites(PlanKumamoto, "4(1) 緊急対応策(イ)")}},
		{"nakano:ICT-BCP 6(1)ア/security-incident", nakano(), SecurityIncident, Convening{
			Plan: PlanNakano, Trigger: SecurityIncident, Named: true, Meets: true, Body: infoSecurityCommittee,
			Cites: cites(PlanNakano, "ICT-BCP 6(1)ア")}},
		{"nakano:ICT-BCP 8/large-incident", nakano(), LargeIncident, Convening{
			Plan: PlanNakano, Trigger: LargeIncident, Named: true, Meets: true, Body: crisisManagementCouncil, Chair: mayor,
			Cites: cites(PlanNakano, "ICT-BCP 8", "ICT-BCP 8(1)", "ICT-BCP 8(5)", "ICT-BCP 6(1)ア")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Convene(tc.org, tc.trigger)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Convene (-want +got):\n%s", diff)
			}
			if got.Meets && got.Agenda.IsValid() {
				if _, err := tc.org.Agenda(got.Agenda); err != nil {
					t.Errorf("agenda %v: %v", got.Agenda, err)
				}
			}
		})
	}
}

func TestConveneErrors(t *testing.T) {
	if _, err := Convene(ino(), 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero trigger: %v", err)
	}
	if _, err := Convene(ino(), 200); !errors.Is(err, ErrInvalid) {
		t.Errorf("out-of-range trigger: %v", err)
	}
	if _, err := Convene(Organization{}, AnyFault); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero organization: %v", err)
	}
	o := ino()
	o.Councils = nil
	if _, err := Convene(o, SeriousFault); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "security-council") {
		t.Errorf("missing council: %v", err)
	}
}

func TestSubstitution(t *testing.T) {
	t.Run("ino:第5条 ただし書/emergency-structure-stands-in", func(t *testing.T) {
		c, _ := Convene(ino(), SeriousFault)
		s, err := c.SubstitutedBy(EmergencyResponseStructure)
		if err != nil {
			t.Fatal(err)
		}
		want := c
		want.Body, want.Substitute, want.Substituted, want.Convener, want.Chair = EmergencyResponseStructure, 0, true, 0, 0
		if diff := cmp.Diff(want, s); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if _, err := s.SubstitutedBy(EmergencyResponseStructure); !errors.Is(err, ErrNoSubstitute) {
			t.Errorf("second substitution: %v", err)
		}
		if _, err := c.SubstitutedBy(infoSecurityCommittee); !errors.Is(err, ErrNoSubstitute) {
			t.Errorf("other body: %v", err)
		}
	})
	t.Run("ino:第12条 ただし書/emergency-structure-stands-in", func(t *testing.T) {
		c, _ := Convene(ino(), SeriousThreat)
		if _, err := c.SubstitutedBy(EmergencyResponseStructure); err != nil {
			t.Error(err)
		}
	})
	for _, tc := range []struct {
		name string
		org  Organization
		t    Trigger
	}{
		{"tottori:第2-4(2)/no-substitution", tottori(), SeriousFault},
		{"kumiyama:第6条5項/no-substitution", kumiyama(), AnyFault},
		{"ino:第4条/not-meeting", ino(), AnyFault},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := Convene(tc.org, tc.t)
			if _, err := c.SubstitutedBy(EmergencyResponseStructure); !errors.Is(err, ErrNoSubstitute) {
				t.Errorf("error = %v", err)
			}
		})
	}
}

func TestConveneNoAllocs(t *testing.T) {
	for _, p := range referencePlans() {
		o, _ := referenceOrg(p)
		for _, tr := range AllTriggers() {
			if n := testing.AllocsPerRun(50, func() {
				if _, err := Convene(o, tr); err != nil {
					t.Fatal(err)
				}
			}); n != 0 {
				t.Errorf("%s/%s: Convene allocates %v times", p, tr, n)
			}
		}
	}
}

// Every reference organisation validates, cites only its own plan, and
// every agenda item and appointment carries a citation.
func TestReferenceOrganizations(t *testing.T) {
	for _, p := range referencePlans() {
		t.Run(p, func(t *testing.T) {
			o, err := referenceOrg(p)
			if err != nil {
				t.Fatal(err)
			}
			if o.Plan != p {
				t.Fatalf("Plan = %q", o.Plan)
			}
			if err := o.Validate(); err != nil {
				t.Fatal(err)
			}
			all := allCitations(o)
			if diff := cmp.Diff([]string{p}, all.Plans()); diff != "" {
				t.Errorf("plans cited (-want +got):\n%s", diff)
			}
			for _, a := range o.Appointments {
				if !a.Cite.IsValid() {
					t.Errorf("appointment %+v uncited", a)
				}
			}
			for _, ag := range o.Agendas {
				for _, it := range ag.Items {
					if !it.Cite.IsValid() || it.Cite.Plan() != p {
						t.Errorf("%s item %s: citation %q", ag.Cite, it.Key, it.Cite)
					}
				}
			}
		})
	}
}

func allCitations(o Organization) Citations {
	var cs []Citation
	for _, a := range o.Appointments {
		cs = append(cs, a.Cite)
	}
	for _, e := range o.Chain.Edges {
		cs = append(cs, e.Cite)
	}
	for _, n := range o.Chain.Notices {
		cs = append(cs, n.Cite)
	}
	for _, c := range o.Councils {
		cs = append(cs, c.Cites.Slice()...)
	}
	for _, r := range o.Rules {
		cs = append(cs, r.Cites.Slice()...)
	}
	for _, a := range o.Agendas {
		cs = append(cs, a.Cite)
		for _, it := range a.Items {
			cs = append(cs, it.Cite)
		}
	}
	return Cites(cs...)
}

func TestAgendas(t *testing.T) {
	for _, tc := range []struct {
		name     string
		agenda   Agenda
		keys     []string
		optional int
	}{
		{"ino:第5条/fault-agenda", agendaOf(ino(), "第5条"),
			[]string{"liaison", "technical-support", "emergency-structure", "resident-response", "alternative-measures"}, 0},
		{"ino:第12条/unauthorized-agenda", agendaOf(ino(), "第12条"),
			[]string{"liaison", "emergency-structure", "damage-assessment", "network-cutoff", "resident-response",
				"review-emergency-measures", "jlis-support", "publicity", "permanent-countermeasures"}, 0},
		{"tottori:第2-4(3)/instructions", agendaOf(tottori(), "第2-4(3)"), []string{"system-stop", "resident-response", "publicity"}, 0},
		{"tottori:第3-6(3)/instructions", agendaOf(tottori(), "第3-6(3)"), []string{"system-stop", "resident-response", "publicity"}, 0},
		{"kumamoto:別紙1/tasks", agendaOf(kumamoto(), "別紙1"),
			[]string{"emergency-instructions", "counter-pr", "liaison", "emergency-measures", "status-report",
				"family-register-counts", "resident-move-seal-counts", "certificate-counts", "count-summary"}, 4},
		{"kumiyama:第6条3項/duties", agendaOf(kumiyama(), "第6条3項"), []string{"measures", "compliance", "audit-policy", "training-policy"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.agenda.Validate(tc.agenda.Cite.Plan()); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.keys, tc.agenda.Keys()); diff != "" {
				t.Errorf("keys (-want +got):\n%s", diff)
			}
			opt := 0
			for _, it := range tc.agenda.Items {
				if it.Optional {
					opt++
				}
			}
			if opt != tc.optional {
				t.Errorf("%d optional items; want %d", opt, tc.optional)
			}
		})
	}
	t.Run("ino:第5条/examples", func(t *testing.T) {
		want := map[string][]string{
			"liaison":              {"地方公共団体情報システム機構", "県市町村振興課", "関係市町村"},
			"technical-support":    {"地方公共団体情報システム機構", "保守委託事業者"},
			"emergency-structure":  {"役割分担の確認", "指揮命令系統の確認"},
			"resident-response":    {"来庁者への対応", "ホームページ等での告示", "問合せ対応", "苦情処理"},
			"alternative-measures": {"あらかじめ、業務ごとにサーバが停止した場合の事務処理を検討しておき、実施する。", "広域交付発行希望住民に対し、発行可能な近接市町村を案内する"},
		}
		a := agendaOf(ino(), "第5条")
		for _, k := range a.Keys() {
			it, ok := a.Item(k)
			if !ok {
				t.Fatalf("Item(%q) missing", k)
			}
			if diff := cmp.Diff(want[k], it.Examples); diff != "" {
				t.Errorf("%s examples (-want +got):\n%s", k, diff)
			}
		}
		if _, ok := a.Item("nope"); ok {
			t.Error("Item(nope) found")
		}
	})
	t.Run("kumamoto:別紙1/terminal-switching-and-fax", func(t *testing.T) {
		it, _ := agendaOf(kumamoto(), "別紙1").Item("emergency-instructions")
		if it.Assignee != "中央区区民課 住民班主査" || len(it.Examples) != 2 || !strings.Contains(it.Examples[0], "端末切替") || !strings.Contains(it.Examples[1], "ファックス運用") {
			t.Errorf("item = %+v", it)
		}
	})
	t.Run("tottori:第2-4(3)/system-stop-includes-partial", func(t *testing.T) {
		it, _ := agendaOf(tottori(), "第2-4(3)").Item("system-stop")
		if diff := cmp.Diff([]string{"一部切離し", "一部停止"}, it.Examples); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	for _, tc := range []struct {
		name string
		edit func(*Agenda)
		want error
	}{
		{"uncited-agenda", func(a *Agenda) { a.Cite = Citation{} }, ErrUncited},
		{"foreign-item", func(a *Agenda) { a.Items[1].Cite = Cite(PlanTottori, "第1") }, ErrUncited},
		{"duplicate-key", func(a *Agenda) { a.Items[1].Key = a.Items[0].Key }, ErrDuplicate},
		{"empty-title", func(a *Agenda) { a.Items[2].Title = "" }, ErrInvalid},
		{"no-items", func(a *Agenda) { a.Items = nil }, ErrInvalid},
	} {
		t.Run("invalid/"+tc.name, func(t *testing.T) {
			a := agendaOf(ino(), "第5条")
			tc.edit(&a)
			if err := a.Validate(PlanIno); !errors.Is(err, tc.want) {
				t.Errorf("error = %v; want %v", err, tc.want)
			}
		})
	}
}

func TestAppointments(t *testing.T) {
	as := kumiyama().Appointments
	for _, tc := range []struct {
		name    string
		role    Role
		holders []string
	}{
		{"kumiyama:第2条2項/chief", SecurityChief, []string{"副町長"}},
		{"kumiyama:第3条2項/deputies", DeputySecurityChief, []string{"総務部長", "民生部長"}},
		{"kumiyama:第4条2項/sysadmin", SystemAdministrator, []string{"企画財政課長"}},
		{"kumiyama:第5条2項/protection-manager", InfoProtectionManager, []string{"住民課長"}},
		{"kumiyama:none/operator", Operator, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, a := range as.Of(tc.role) {
				got = append(got, a.Holder)
				if want := strings.TrimPrefix(strings.SplitN(tc.name, "/", 2)[0], "kumiyama:"); a.Cite.Clause() != want {
					t.Errorf("%s cited %v; want %s", a.Holder, a.Cite, want)
				}
			}
			if diff := cmp.Diff(tc.holders, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if got := as.Roles(); got != RolesOf(SecurityChief, DeputySecurityChief, SystemAdministrator, InfoProtectionManager) {
		t.Errorf("Roles = %v", got)
	}
	t.Run("kumamoto:4(1) 緊急対応策(ウ)(b)/security-officers-are-three-divisions", func(t *testing.T) {
		ks := kumamoto().Appointments
		var officers []string
		for _, a := range ks.Of(SecurityOfficers) {
			officers = append(officers, a.Holder)
		}
		if diff := cmp.Diff([]string{"地域政策課", "中央区区役所区民課", "情報政策課"}, officers); diff != "" {
			t.Errorf("security officers (-want +got):\n%s", diff)
		}
		for _, r := range []Role{regionalPolicyDivision, chuoWardResidentsDivision, infoPolicyDivision} {
			got := ks.Of(r)
			if len(got) != 1 || got[0].Cite != Cite(PlanKumamoto, "4(1) 緊急対応策(ウ)(b)") {
				t.Fatalf("%s appointed %+v", r, got)
			}
			// The division's own appointment names the same unit as one of the officers.
			if !slices.Contains(officers, got[0].Holder) {
				t.Errorf("%s holder %q is not one of the security officers %v", r, got[0].Holder, officers)
			}
			if p, err := kumamoto().Chain.PathToChief(r); err != nil || p.Len() != 2 {
				t.Errorf("%s: path to chief %v, %v", r, p, err)
			}
		}
		c, _ := kumamoto().Council(EmergencyResponseStructure)
		if c.Members != RolesOf(regionalPolicyDivision, chuoWardResidentsDivision) {
			t.Errorf("別紙1 structure members = %v", c.Members)
		}
	})
	t.Run("kumiyama:第6条7項/secretariat", func(t *testing.T) {
		c, _ := kumiyama().Council(SecurityCouncil)
		if c.Secretariat != "企画財政課" || !c.Cites.Contains(Cite(PlanKumiyama, "第6条7項")) {
			t.Errorf("council = %+v", c)
		}
		if c.Members != RolesOf(DeputySecurityChief, SystemAdministrator, InfoProtectionManager) || !c.ChairMayAdd {
			t.Errorf("members (第6条2項) = %v, chair may add %v", c.Members, c.ChairMayAdd)
		}
	})
	for _, tc := range []struct {
		name string
		edit func(Appointments) Appointments
		want error
	}{
		{"invalid-role", func(as Appointments) Appointments { as[0].Role = 0; return as }, ErrInvalid},
		{"empty-holder", func(as Appointments) Appointments { as[0].Holder = ""; return as }, ErrInvalid},
		{"repeat", func(as Appointments) Appointments { return append(as, as[0]) }, ErrDuplicate},
		{"uncited", func(as Appointments) Appointments { as[1].Cite = Citation{}; return as }, ErrUncited},
		{"foreign", func(as Appointments) Appointments { as[1].Cite = Cite(PlanIno, "第1条"); return as }, ErrUncited},
	} {
		t.Run("invalid/"+tc.name, func(t *testing.T) {
			if err := tc.edit(kumiyama().Appointments).Validate(PlanKumiyama); !errors.Is(err, tc.want) {
				t.Errorf("error = %v; want %v", err, tc.want)
			}
		})
	}
}

func TestOrganizationValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Organization)
		want error
	}{
		{"bad-plan-id", func(o *Organization) { o.Plan = "Ino" }, ErrInvalid},
		{"chain-of-other-plan", func(o *Organization) { o.Chain.Plan = PlanTottori }, ErrInvalid},
		{"two-rules-one-trigger", func(o *Organization) {
			o.Rules = append(o.Rules, Rule{On: TriggersOf(AnyFault), Cites: cites(PlanIno, "第4条")})
		}, ErrDuplicate},
		{"rule-no-trigger", func(o *Organization) { o.Rules[0].On = 0 }, ErrInvalid},
		{"rule-missing-body", func(o *Organization) { o.Rules[0].Body = crisisManagementCouncil }, ErrNotFound},
		{"rule-missing-agenda", func(o *Organization) { o.Rules[0].Agenda = Cite(PlanIno, "第99条") }, ErrNotFound},
		{"rule-uncited", func(o *Organization) { o.Rules[0].Cites = Citations{} }, ErrUncited},
		{"rule-foreign", func(o *Organization) { o.Rules[0].Cites = cites(PlanTottori, "第2-4(1)") }, ErrUncited},
		{"rule-bad-substitute", func(o *Organization) { o.Rules[0].Substitute = 77 }, ErrInvalid},
		{"requester-not-in-chain", func(o *Organization) { o.Rules[0].RequestedBy = RolesOf(mayor) }, ErrUnknownRole},
		{"member-not-in-chain", func(o *Organization) { o.Councils[0].Members = RolesOf(systemStaff) }, ErrUnknownRole},
		{"duplicate-council", func(o *Organization) { o.Councils = append(o.Councils, o.Councils[0]) }, ErrDuplicate},
		{"council-bad-body", func(o *Organization) { o.Councils[0].Body = 0 }, ErrInvalid},
		{"council-bad-chair", func(o *Organization) { o.Councils[0].Chair = 99 }, ErrInvalid},
		{"council-missing-duties", func(o *Organization) { o.Councils[0].Duties = Cite(PlanIno, "第99条") }, ErrNotFound},
		{"duplicate-agenda", func(o *Organization) { o.Agendas = append(o.Agendas, agendaOf(ino(), "第5条")) }, ErrDuplicate},
		{"chain-cycle", func(o *Organization) {
			o.Chain.Edges = append(o.Chain.Edges, Edge{From: SecurityChief, To: Staff, Cite: Cite(PlanIno, "x")})
		}, ErrCycle},
		{"foreign-agenda", func(o *Organization) { o.Agendas = append(o.Agendas, agendaOf(tottori(), "第2-4(3)")) }, ErrUncited},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := ino()
			tc.edit(&o)
			if err := o.Validate(); !errors.Is(err, tc.want) {
				t.Errorf("error = %v; want %v", err, tc.want)
			}
		})
	}
	// A chain that is present but broken keeps its errors, as in ino's
	// organisation with the chain's chief taken away.
	for _, tc := range []struct {
		name string
		edit func(*Chain)
		want error
	}{
		{"edges-without-chief", func(c *Chain) { c.Chief = 0 }, ErrInvalid},
		{"notices-without-chief", func(c *Chain) { c.Chief, c.Edges = 0, nil }, ErrInvalid},
		{"notice-to-role-outside", func(c *Chain) {
			c.Notices = append(c.Notices, Notice{On: TriggersOf(AnyFault), To: ByRole(mayor), Cite: Cite(PlanIno, "第4条")})
		}, ErrUnknownRole},
	} {
		t.Run("broken-chain/"+tc.name, func(t *testing.T) {
			o := ino()
			tc.edit(&o.Chain)
			if o.Chain.Empty() {
				t.Fatal("the edited chain is empty: it tests nothing broken")
			}
			if err := o.Validate(); !errors.Is(err, tc.want) {
				t.Errorf("error = %v; want %v", err, tc.want)
			}
		})
	}
	if _, err := ino().Agenda(Cite(PlanIno, "第99条")); !errors.Is(err, ErrNotFound) {
		t.Errorf("Agenda(missing): %v", err)
	}
	if _, ok := ino().Council(infoSecurityCommittee); ok {
		t.Error("ino has no information security committee")
	}
}

// Convene on any trigger under any reference plan either meets with a body
// the plan has and cites only that plan, or does not meet.
func TestConveneProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := rapid.SampledFrom(referencePlans()).Draw(t, "plan")
		tr := rapid.SampledFrom(AllTriggers()).Draw(t, "trigger")
		o, _ := referenceOrg(p)
		c, err := Convene(o, tr)
		if err != nil {
			t.Fatal(err)
		}
		if c.Plan != p || c.Trigger != tr {
			t.Fatalf("decision for %s/%s: %+v", p, tr, c)
		}
		if c.Named != (c.Cites.Len() > 0) {
			t.Fatalf("named %v but %d citations", c.Named, c.Cites.Len())
		}
		if c.Cites.Len() > 0 && !cmp.Equal([]string{p}, c.Cites.Plans()) {
			t.Fatalf("cites other plans: %v", c.Cites)
		}
		if c.Meets {
			if _, ok := o.Council(c.Body); !ok {
				t.Fatalf("meets as %v, which %s does not have", c.Body, p)
			}
		} else if c.Body != 0 || c.Agenda.IsValid() || c.Chair != 0 {
			t.Fatalf("not meeting but names a body, agenda or chair: %+v", c)
		}
	})
}

// A plan may state no reporting chain (大崎市 第3条 sets up a contact network
// and no chain): its organisation, with an empty chain, is valid, and the
// roles of its councils and rules need only be valid roles.
func TestOrganizationWithoutChain(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Organization)
		want error // nil: valid
	}{
		{"ino/no-chain", func(o *Organization) { o.Chain = Chain{} }, nil},
		{"ino/no-chain-plan-kept", func(o *Organization) { o.Chain = Chain{Plan: o.Plan} }, nil},
		{"ino/no-chain-other-roles", func(o *Organization) {
			o.Chain = Chain{}
			o.Councils[0].Members = RolesOf(systemStaff, mayor)
			o.Rules[0].RequestedBy = RolesOf(mayor)
		}, nil},
		{"ino/no-chain-of-other-plan", func(o *Organization) { o.Chain = Chain{Plan: PlanTottori} }, ErrInvalid},
		{"ino/no-chain-bad-chair", func(o *Organization) { o.Chain = Chain{}; o.Councils[0].Chair = 99 }, ErrInvalid},
		{"ino/no-chain-bad-ratifier", func(o *Organization) {
			o.Chain = Chain{}
			o.Councils[0].Ratification = Ratification{By: 99, Cite: Cite(PlanIno, "第4条")}
		}, ErrUnknownRole},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := ino()
			tc.edit(&o)
			if !o.Chain.Empty() {
				t.Fatalf("chain %+v is not empty", o.Chain)
			}
			err := o.Validate()
			if tc.want == nil && err != nil {
				t.Errorf("error = %v; want none", err)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error = %v; want %v", err, tc.want)
			}
		})
	}
	var empty Chain
	if _, err := empty.PathToChief(Staff); !errors.Is(err, ErrInvalid) {
		t.Errorf("PathToChief on an empty chain: %v; want ErrInvalid, no chief invented", err)
	}
	if n := empty.Nodes(); n != 0 {
		t.Errorf("an empty chain has nodes %v", n)
	}
}
