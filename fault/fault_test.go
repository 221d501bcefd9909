package fault

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

func cite(s string) council.Citation {
	c, err := council.ParseCitation(s)
	if err != nil {
		panic(err)
	}
	return c
}

func cs(ss ...string) council.Citations {
	out := make([]council.Citation, len(ss))
	for i, s := range ss {
		out[i] = cite(s)
	}
	return council.Cites(out...)
}

var citesCmp = cmp.Comparer(func(a, b council.Citations) bool { return a.Equal(b) })

func TestClassify(t *testing.T) {
	tests := []struct {
		plan    Procedure
		symptom Symptom
		kind    Kind
		cite    string
	}{
		{ino(), breakdown, Hardware, "ino:第2条"},
		{ino(), Bug, Software, "ino:第2条"},
		{ino(), switchFailure, Network, "ino:第2条"},
		{ino(), premisesLineCut, Network, "ino:第2条"},
		{kumamoto(), noPower, Hardware, "kumamoto:4(2) 障害の特定"},
		{kumamoto(), printerDown, Hardware, "kumamoto:4(2) 障害の特定"},
		{kumamoto(), screenWontStart, Software, "kumamoto:4(2) 障害の特定"},
		{kumamoto(), oddScreen, Software, "kumamoto:4(2) 障害の特定"},
		{kumamoto(), osWontBoot, Software, "kumamoto:4(2) 障害の特定"},
		{kumamoto(), communicationError, Network, "kumamoto:4(2) 障害の特定"},
		{kumiyama(), Bug, Software, "kumiyama:第25条"},
		{kumiyama(), VirusInfection, Software, "kumiyama:第25条"},
	}
	for _, tt := range tests {
		t.Run(tt.cite+"/"+tt.symptom.Label()+"/"+tt.kind.String(), func(t *testing.T) {
			got, err := tt.plan.Classify(tt.symptom)
			if err != nil {
				t.Fatal(err)
			}
			want := Classification{Symptom: tt.symptom, Kind: tt.kind, Cites: cs(tt.cite)}
			if d := cmp.Diff(want, got, citesCmp); d != "" {
				t.Errorf("Classify (-want +got):\n%s", d)
			}
			byText, err := tt.plan.ClassifyText(tt.symptom.Label())
			if err != nil || byText.Kind != tt.kind {
				t.Errorf("ClassifyText(%q) = %v, %v; want kind %v", tt.symptom.Label(), byText.Kind, err, tt.kind)
			}
		})
	}

	// A symptom another plan lists is not borrowed.
	unlisted := []struct {
		name string
		plan Procedure
		s    Symptom
	}{
		{"ino:第2条/unlisted/プリンターが動作しない", ino(), printerDown},
		{"kumamoto:4(2)/unlisted/バグ", kumamoto(), Bug},
		{"kumiyama:第25条/unlisted/故障", kumiyama(), breakdown},
	}
	for _, tt := range unlisted {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.plan.Classify(tt.s); !errors.Is(err, ErrUnlisted) {
				t.Errorf("Classify(%v) error = %v, want ErrUnlisted", tt.s, err)
			}
		})
	}
	t.Run("tottori:第1-1(1)/no-symptom-list", func(t *testing.T) {
		if _, err := tottori().Classify(breakdown); !errors.Is(err, ErrNotStated) {
			t.Errorf("error = %v, want ErrNotStated", err)
		}
	})
	t.Run("unknown-text", func(t *testing.T) {
		_, err := ino().ClassifyText("画面が青い")
		if !errors.Is(err, ErrUnlisted) || !strings.Contains(err.Error(), "画面が青い") {
			t.Errorf("error = %v, want ErrUnlisted naming the text", err)
		}
	})
	t.Run("zero-symptom", func(t *testing.T) {
		if _, err := ino().Classify(0); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("error = %v, want ErrInvalid", err)
		}
	})
	t.Run("ino:第2条/symptoms-by-kind", func(t *testing.T) {
		// In the order of the plan's vocabulary, which declares them.
		if d := cmp.Diff([]Symptom{premisesLineCut, switchFailure}, ino().Symptoms(Network)); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
		if got := ino().Symptoms(0); got != nil {
			t.Errorf("Symptoms(0) = %v, want nil", got)
		}
	})
}

func TestInvestigation(t *testing.T) {
	in := func(id string) Probe { return checkOf("ino", id) }
	ku := func(id string) Probe { return checkOf("kumamoto", id) }
	tests := []struct {
		name   string
		plan   Procedure
		kind   Kind
		checks []Probe
		cite   string
	}{
		{"ino:第3条/hardware", ino(), Hardware, []Probe{in("power-switch"), in("warning-lamp"), in("physical-damage")}, "ino:第3条"},
		{"ino:第3条/software", ino(), Software, []Probe{in("bug-information")}, "ino:第3条"},
		{"ino:第3条/network", ino(), Network, []Probe{in("power-switch"), in("warning-lamp"), in("command-check"), in("visual-check")}, "ino:第3条"},
		{"kumamoto:4(2)原因の究明(ア)/hardware", kumamoto(), Hardware, []Probe{ku("power-switch"), ku("warning-lamp"), ku("floppy-drive"), ku("paper-setting"), ku("physical-damage")}, "kumamoto:4(2) 原因の究明(ア)"},
		{"kumamoto:4(2)原因の究明(ア)/software", kumamoto(), Software, []Probe{ku("screen-message"), ku("operation-steps")}, "kumamoto:4(2) 原因の究明(ア)"},
		{"kumamoto:4(2)原因の究明(ア)/network", kumamoto(), Network, []Probe{ku("lan-connector"), ku("network-lamp")}, "kumamoto:4(2) 原因の究明(ア)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.plan.Investigation(tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			want := Investigation{Kind: tt.kind, Probes: tt.checks, By: council.RolesOf(council.Staff), Cites: cs(tt.cite)}
			if d := cmp.Diff(want, got, citesCmp); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	for _, p := range []Procedure{tottori(), kumiyama()} {
		t.Run(p.ID()+"/no-steps", func(t *testing.T) {
			if _, err := p.Investigation(Hardware); !errors.Is(err, ErrNotStated) {
				t.Errorf("error = %v, want ErrNotStated", err)
			}
		})
	}
	t.Run("zero-kind", func(t *testing.T) {
		if _, err := ino().Investigation(0); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("error = %v, want ErrInvalid", err)
		}
	})
}

func TestTriggers(t *testing.T) {
	staffOrContractor := []council.Actor{council.ByRole(council.Staff), council.ByParty(council.Contractor)}
	operators := []council.Actor{council.ByRole(council.Operator)}
	tests := []struct {
		trigger Signal
		by      []council.Actor
		cite    string
	}{
		{serverAlertMail, staffOrContractor, "tottori:第2-1(1)ア"},
		{serverConsole, staffOrContractor, "tottori:第2-1(1)イ"},
		{serverLamp, staffOrContractor, "tottori:第2-1(1)ウ"},
		{networkMonitor, staffOrContractor, "tottori:第2-1(1)エ"},
		{operatorCall, staffOrContractor, "tottori:第2-1(1)オ"},
		{outsideNotice, staffOrContractor, "tottori:第2-1(1)カ"},
		{terminalMessage, operators, "tottori:第2-1(2)ア"},
		{terminalNotWorking, operators, "tottori:第2-1(2)イ"},
	}
	var want []Detection
	for _, tt := range tests {
		d := Detection{Signal: tt.trigger, By: tt.by, Cites: cs(tt.cite)}
		want = append(want, d)
		t.Run(tt.cite+"/"+tt.trigger.String(), func(t *testing.T) {
			got, err := tottori().Detect(tt.trigger)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(d, got, citesCmp); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if d := cmp.Diff(want, tottori().Signals(), citesCmp); d != "" {
		t.Errorf("Triggers (-want +got):\n%s", d)
	}
	if got := ino().Signals(); got != nil {
		t.Errorf("ino Triggers = %v, want none", got)
	}
	if _, err := ino().Detect(serverLamp); !errors.Is(err, ErrUnlisted) {
		t.Errorf("ino Detect error = %v, want ErrUnlisted", err)
	}
}

func TestResponsible(t *testing.T) {
	tests := []struct {
		loc   Location
		resp  Responder
		party council.Party
		cite  string
	}{
		{dedicatedLine, ByCarrier, council.Carrier, "tottori:第2-3①"},
		{nationalNetwork, ByNationalCenter, council.NationalCenter, "tottori:第2-3②"},
		{prefecturalWAN, ByNetworkOwner, council.NetworkOwner, "tottori:第2-3③"},
		{jukiLAN, ByNetworkOwner, council.NetworkOwner, "tottori:第2-3④"},
		{businessApplication, ByNationalCenter, council.NationalCenter, "tottori:第2-3⑤"},
		{distributedSoftware, ByNationalCenter, council.NationalCenter, "tottori:第2-3⑥"},
		{jukiFirewall, ByNationalCenter, council.NationalCenter, "tottori:第2-3⑦"},
		{municipalEquipment, ByMunicipality, council.RelatedMunicipalities, "tottori:第2-3⑧"},
	}
	for _, tt := range tests {
		t.Run(tt.cite+"/"+tt.loc.String(), func(t *testing.T) {
			got, err := tottori().Responsible(tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			want := Assignment{Location: tt.loc, Responder: tt.resp, Cites: cs(tt.cite)}
			if d := cmp.Diff(want, got, citesCmp); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
			if got.Responder.Party() != tt.party {
				t.Errorf("Party = %v, want %v", got.Responder.Party(), tt.party)
			}
		})
	}
	for _, p := range []Procedure{ino(), kumamoto(), kumiyama()} {
		t.Run(p.ID()+"/no-location-table", func(t *testing.T) {
			if _, err := p.Responsible(dedicatedLine); !errors.Is(err, ErrNotStated) {
				t.Errorf("error = %v, want ErrNotStated", err)
			}
		})
	}
	if _, err := tottori().Responsible(0); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("zero location error = %v, want ErrInvalid", err)
	}
	if _, err := tottori().Responsible(Location(200)); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("out-of-range location error = %v, want ErrInvalid", err)
	}
}

// n builds a Notice for the tables below.
func n(a Task, by, to council.Actor, c ...string) Notice {
	return Notice{Task: a, By: by, To: to, Cites: cs(c...)}
}

// nn builds a Notice whose row gives the plan's own wording of the action.
func nn(note string, a Task, by, to council.Actor, c ...string) Notice {
	return Notice{Task: a, By: by, To: to, Note: note, Cites: cs(c...)}
}

func TestEscalate(t *testing.T) {
	var (
		staff      = council.ByRole(council.Staff)
		admin      = council.ByRole(council.SystemAdministrator)
		chief      = council.ByRole(council.SecurityChief)
		officers   = council.ByRole(council.SecurityOfficers)
		section    = council.ByRole(council.SectionManager)
		ipm        = council.ByRole(council.InfoProtectionManager)
		contractor = council.ByParty(council.Contractor)
		center     = council.ByParty(council.NationalCenter)
		pref       = council.ByParty(council.Prefecture)
		munis      = council.ByParty(council.RelatedMunicipalities)
		jlis       = council.ByParty(council.JLIS)
		none       council.Actor
	)
	serious := Facts{ServerDown: true, Impact: 80, ExpectedStop: 48 * time.Hour}
	tests := []struct {
		name    string
		plan    Procedure
		s       Facts
		serious bool
		want    []Notice
	}{
		{"ino:第3条(1)/findings", ino(), Facts{}, false, []Notice{n(Report, staff, admin, "ino:第3条(1)")}},
		{"ino:第3条(2)/cause-unknown", ino(), Facts{CauseUnknown: true}, false, []Notice{
			n(Report, staff, admin, "ino:第3条(1)"), n(RequestCooperation, admin, contractor, "ino:第3条(2)")}},
		{"ino:第4条/serious", ino(), serious, true, []Notice{
			nn("暫定的な対応を行うことを依頼", RequestProvisional, staff, declared("ino", positions, "related-departments"), "ino:第2条"),
			n(Report, staff, admin, "ino:第3条(1)"), nn("セキュリティ会議の開催を具申", ProposeCouncil, admin, chief, "ino:第4条"), n(ConveneCouncil, chief, none, "ino:第5条")}},
		{"ino:第4条/short-stop-not-serious", ino(), Facts{ServerDown: true, Impact: 80, ExpectedStop: time.Hour}, false, []Notice{
			nn("暫定的な対応を行うことを依頼", RequestProvisional, staff, declared("ino", positions, "related-departments"), "ino:第2条"), n(Report, staff, admin, "ino:第3条(1)")}},
		{"ino:第4条/light-impact-not-serious", ino(), Facts{ServerDown: true, Impact: 10, ExpectedStop: 8 * time.Hour}, false, []Notice{
			nn("暫定的な対応を行うことを依頼", RequestProvisional, staff, declared("ino", positions, "related-departments"), "ino:第2条"), n(Report, staff, admin, "ino:第3条(1)")}},
		{"ino:第4条/terminal-not-serious", ino(), Facts{Impact: 100, ExpectedStop: 100 * time.Hour}, false, []Notice{
			n(Report, staff, admin, "ino:第3条(1)")}},
		{"tottori:第2-2(1)/findings", tottori(), Facts{}, false, []Notice{n(Report, staff, admin, "tottori:第2-2(1)", "tottori:第2-3")}},
		{"tottori:第2-2(1)/operation-impossible", tottori(), Facts{OperationImpossible: true, CauseUnknown: true}, false, []Notice{
			n(Report, staff, admin, "tottori:第2-2(1)", "tottori:第2-3"),
			n(RequestCooperation, staff, contractor, "tottori:第2-2(1)"),
			nn("障害発生、復旧見込みについて連絡", NotifyOutage, admin, center, "tottori:第2-2(1)"),
			nn("障害発生、復旧見込みについて連絡", NotifyOutage, admin, pref, "tottori:第2-2(1)"),
			nn("障害発生、復旧見込みについて連絡", NotifyOutage, admin, munis, "tottori:第2-2(1)")}},
		{"tottori:第2-4/serious", tottori(), serious, true, []Notice{
			n(Report, staff, admin, "tottori:第2-2(1)", "tottori:第2-3"),
			nn("報告し、指示を仰ぐ", ReportSerious, admin, chief, "tottori:第2-4(1)"),
			n(ConveneCouncil, chief, none, "tottori:第2-4(2)"),
			nn("重要事項について指示", Instruct, chief, none, "tottori:第2-4(3)")}},
		{"tottori:第2-4(1)/8h-is-not-long", tottori(), Facts{ServerDown: true, Impact: 80, ExpectedStop: 8 * time.Hour}, false, []Notice{
			n(Report, staff, admin, "tottori:第2-2(1)", "tottori:第2-3")}},
		{"kumamoto:4(2)/findings", kumamoto(), Facts{}, false, []Notice{
			n(Notify, staff, officers, "kumamoto:4(2) 障害の特定"),
			n(Report, staff, section, "kumamoto:4(2) 障害の特定", "kumamoto:4(2) 原因の究明(イ)"),
			n(Report, staff, officers, "kumamoto:4(2) 原因の究明(イ)")}},
		{"kumamoto:別紙3/system-down", kumamoto(), serious.with(func(s *Facts) { s.OperationImpossible = true }), false, []Notice{
			n(Notify, staff, officers, "kumamoto:4(2) 障害の特定", "kumamoto:別紙3"),
			n(Report, staff, section, "kumamoto:4(2) 障害の特定", "kumamoto:4(2) 原因の究明(イ)"),
			n(Report, staff, officers, "kumamoto:4(2) 原因の究明(イ)")}},
		// 第24条 (hardware): 情報保護管理者は、業務端末に係る障害が発生した場合には、
		// 直ちにシステム管理者に障害の状況を報告し: a terminal's hardware fault only.
		{"kumiyama:第24条/terminal-hardware", kumiyama(), Facts{Kind: Hardware}, false, []Notice{n(Report, ipm, admin, "kumiyama:第24条")}},
		{"kumiyama:第24条/not-a-server-fault", kumiyama(), Facts{Kind: Hardware, InServer: true}, false, []Notice{}},
		{"kumiyama:第24条/not-a-network-fault", kumiyama(), Facts{Kind: Network, OperationImpossible: true}, false, []Notice{}},
		{"kumiyama:第24条/kind-unknown", kumiyama(), Facts{}, false, []Notice{}},
		{"kumiyama:第25条/terminal-bug", kumiyama(), Facts{Symptom: Bug}, false, []Notice{n(Report, ipm, admin, "kumiyama:第25条")}},
		{"kumiyama:第25条/cs-bug", kumiyama(), Facts{Symptom: Bug, InServer: true}, false, []Notice{
			n(Report, admin, pref, "kumiyama:第25条"), n(Report, admin, jlis, "kumiyama:第25条")}},
		{"kumiyama:第25条/cs-virus", kumiyama(), Facts{Symptom: VirusInfection, InServer: true}, false, []Notice{
			nn("ネットワークから切り離す", Disconnect, admin, none, "kumiyama:第25条"),
			n(Report, admin, pref, "kumiyama:第25条"), n(Report, admin, jlis, "kumiyama:第25条")}},
		{"kumiyama:第25条/terminal-virus", kumiyama(), Facts{Symptom: VirusInfection, Kind: Software}, false, []Notice{
			nn("ネットワークから切り離す", Disconnect, ipm, none, "kumiyama:第25条"), n(Report, ipm, admin, "kumiyama:第25条")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.plan.Escalate(tt.s)
			if err != nil {
				t.Fatal(err)
			}
			if got.Serious != tt.serious {
				t.Errorf("Serious = %v, want %v", got.Serious, tt.serious)
			}
			if d := cmp.Diff(tt.want, got.Notices, citesCmp); d != "" {
				t.Errorf("Notices (-want +got):\n%s", d)
			}
		})
	}
	t.Run("invalid-situation-names-every-field", func(t *testing.T) {
		_, err := ino().Escalate(Facts{Symptom: 99, Impact: 101, ExpectedStop: -1})
		if !errors.Is(err, council.ErrInvalid) {
			t.Fatalf("error = %v, want ErrInvalid", err)
		}
		for _, f := range []string{"Symptom", "Impact", "ExpectedStop"} {
			if !strings.Contains(err.Error(), f) {
				t.Errorf("error %q does not name %s", err, f)
			}
		}
	})
	t.Run("recipients", func(t *testing.T) {
		e, _ := tottori().Escalate(Facts{OperationImpossible: true})
		rs, ps := e.Recipients()
		if rs != council.RolesOf(council.SystemAdministrator) ||
			ps != council.PartiesOf(council.NationalCenter, council.Prefecture, council.RelatedMunicipalities) {
			t.Errorf("Recipients = %v %v", rs, ps)
		}
	})
}

func (s Facts) with(f func(*Facts)) Facts { f(&s); return s }

func TestThresholds(t *testing.T) {
	t.Run("ino:第4条/defaults", func(t *testing.T) {
		want := Thresholds{Long: 4 * time.Hour, Heavy: 50, Cites: cs("ino:第4条")}
		if d := cmp.Diff(want, ino().Thresholds(), citesCmp); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
	t.Run("tottori:第2-4(1)/defaults", func(t *testing.T) {
		want := Thresholds{Long: 24 * time.Hour, Heavy: 50, Cites: cs("tottori:第2-4(1)")}
		if d := cmp.Diff(want, tottori().Thresholds(), citesCmp); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
	t.Run("kumamoto/no-serious-fault", func(t *testing.T) {
		if d := cmp.Diff(Thresholds{}, kumamoto().Thresholds(), citesCmp); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
		if _, err := kumamoto().WithThresholds(time.Hour, 10); !errors.Is(err, ErrNotStated) {
			t.Errorf("error = %v, want ErrNotStated", err)
		}
		if s, _ := kumamoto().Serious(Facts{ServerDown: true, Impact: 100, ExpectedStop: 1000 * time.Hour}); s {
			t.Error("kumamoto judged a fault serious")
		}
	})
	t.Run("ino:第4条/custom", func(t *testing.T) {
		base := ino()
		p, err := base.WithThresholds(time.Hour, 20)
		if err != nil {
			t.Fatal(err)
		}
		s := Facts{ServerDown: true, Impact: 20, ExpectedStop: time.Hour}
		if got, c := p.Serious(s); !got || !c.Equal(cs("ino:第4条")) {
			t.Errorf("Serious = %v %v, want true ino:第4条", got, c)
		}
		if got, _ := base.Serious(s); got {
			t.Error("the default plan changed with its copy")
		}
		if p == base || p.DefaultThresholds().Long != 4*time.Hour {
			t.Error("custom thresholds leaked into defaults")
		}
	})
	t.Run("invalid-names-both", func(t *testing.T) {
		p := ino()
		got, err := p.WithThresholds(0, 101)
		if !errors.Is(err, council.ErrInvalid) || !strings.Contains(err.Error(), "long") || !strings.Contains(err.Error(), "heavy") {
			t.Errorf("error = %v", err)
		}
		if got != p {
			t.Error("rejected thresholds changed the plan")
		}
	})
	// Issue 14 item 5: durations in messages as people write them.
	t.Run("messages-write-durations-as-people-do", func(t *testing.T) {
		_, err := ino().WithThresholds(-36*time.Hour, 50)
		if err == nil || !strings.Contains(err.Error(), "long -1d12h:") {
			t.Errorf("WithThresholds error = %v; want it to say long -1d12h", err)
		}
		s := ino().Spec()
		s.Serious.Long, s.Serious.Heavy = 24*time.Hour, 150
		if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "long 1d, heavy 150") {
			t.Errorf("Spec.Validate error = %v; want it to say long 1d, heavy 150", err)
		}
	})
}

func TestAlternatives(t *testing.T) {
	tests := []struct {
		name string
		plan Procedure
		want []Fallback
	}{
		{"ino:第5条", ino(), []Fallback{{Alternative: NearbyMunicipality, When: SeriousFault, By: council.RolesOf(council.SecurityChief), Note: "発行可能な近接市町村を案内", Cites: cs("ino:第5条")}}},
		{"kumamoto:4(2)+別紙3", kumamoto(), []Fallback{
			{Alternative: DowntimeServer, By: council.RolesOf(council.SectionManager, council.SecurityOfficers), Note: "システムダウン時用サーバ", Cites: cs("kumamoto:4(2) システムダウン時の緊急措置", "kumamoto:別紙3")},
		}},
		{"kumiyama:第26条", kumiyama(), []Fallback{
			{Alternative: DegradedOperation, Kind: Network, By: council.RolesOf(council.SystemAdministrator), Cites: cs("kumiyama:第26条")},
			{Alternative: AlternateOperation, Kind: Network, By: council.RolesOf(council.SystemAdministrator), Cites: cs("kumiyama:第26条")},
		}},
		{"tottori/none", tottori(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, tt.plan.Alternatives(), citesCmp); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestTerminalReport(t *testing.T) {
	asks := council.Cite(council.PlanTottori, "第2-2(2)") // tottori asks for the report in 第2-2(2)
	full := TerminalReport{FirstAid: "再起動", Location: "本庁1階 住民課 端末2", Startup: Starts,
		Message: "通信エラー", Operation: "転入届の入力中、確定ボタンを押した", LatestScreen: "エラー画面のまま"}
	if err := full.Validate(asks); err != nil {
		t.Errorf("complete report: %v", err)
	}
	tests := []struct {
		name    string
		r       TerminalReport
		missing []string
	}{
		{"tottori:第2-2(2)/empty-names-every-field", TerminalReport{}, []string{"FirstAid", "Location", "Startup", "Message", "Operation", "LatestScreen"}},
		{"tottori:第2-2(2)ア/location", full.with(func(r *TerminalReport) { r.Location = " " }), []string{"Location"}},
		{"tottori:第2-2(2)イ/startup", full.with(func(r *TerminalReport) { r.Startup = 0 }), []string{"Startup"}},
		{"tottori:第2-2(2)ウ/message", full.with(func(r *TerminalReport) { r.Message = "" }), []string{"Message"}},
		{"tottori:第2-2(2)エ/operation", full.with(func(r *TerminalReport) { r.Operation = "" }), []string{"Operation"}},
		{"tottori:第2-2(2)オ/latest-screen", full.with(func(r *TerminalReport) { r.LatestScreen = "" }), []string{"LatestScreen"}},
		{"tottori:第2-2(2)/first-aid", full.with(func(r *TerminalReport) { r.FirstAid = "" }), []string{"FirstAid"}},
		{"tottori:第2-2(2)イ/no-power-no-screen-needed", full.with(func(r *TerminalReport) {
			r.Startup, r.Message, r.LatestScreen = WontPowerOn, "", ""
		}), nil},
		{"tottori:第2-2(2)イ/wont-start-still-needs-screen", full.with(func(r *TerminalReport) {
			r.Startup, r.Message = WontStart, ""
		}), []string{"Message"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate(asks)
			var got []string
			if err != nil {
				for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
					fe, ok := errors.AsType[*FieldError](e)
					if !ok || !errors.Is(fe, ErrMissing) || fe.Cite != asks {
						t.Errorf("not a *FieldError citing %s wrapping ErrMissing: %v", asks, e)
						continue
					}
					got = append(got, fe.Field)
				}
			}
			if d := cmp.Diff(tt.missing, got); d != "" {
				t.Errorf("missing fields (-want +got):\n%s", d)
			}
		})
	}
	t.Run("tottori:第2-2(2)/route", func(t *testing.T) {
		want := Notice{Task: Report, By: council.ByRole(council.Operator), To: council.ByRole(council.Staff), Cites: cs("tottori:第2-2(2)")}
		if d := cmp.Diff(want, full.Route(asks), citesCmp); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
	t.Run("invalid-startup", func(t *testing.T) {
		err := full.with(func(r *TerminalReport) { r.Startup = 9 }).Validate(asks)
		if !errors.Is(err, council.ErrInvalid) || !strings.Contains(err.Error(), "invalid Startup") {
			t.Errorf("error = %v", err)
		}
	})
}

func (r TerminalReport) with(f func(*TerminalReport)) TerminalReport { f(&r); return r }

// step is one lifecycle action for the table and the state machine.
type step struct {
	name string
	do   func(Fault) (Fault, error)
}

var (
	identify    = step{"identify", func(f Fault) (Fault, error) { return f.Identify(Hardware, municipalEquipment) }}
	investigate = func(x Findings) step {
		return step{"investigate", func(f Fault) (Fault, error) { return f.Investigate(x) }}
	}
	escalate   = step{"escalate", Fault.Escalate}
	maintain   = step{"maintain", func(f Fault) (Fault, error) { return f.Maintain(Replace) }}
	checkInteg = step{"check-integrity", Fault.CheckIntegrity}
	resume     = step{"resume", Fault.Resume}
	prevent    = step{"prevent-recurrence", Fault.PreventRecurrence}
)

func TestLifecycle(t *testing.T) {
	plain, affected, serious := Findings{}, Findings{IdentityAffected: true}, Findings{Serious: true}
	tests := []struct {
		name    string
		plan    Procedure
		steps   []step
		stage   Stage // stage reached
		missing Stage // named by the last step's error
		cite    string
		wantErr bool // the last step is refused
	}{
		{"tottori:第2-6/plain-fault-resumes-without-check", tottori(), []step{identify, investigate(plain), maintain, resume}, Resumed, 0, "", false},
		{"tottori:第2-6/identity-affected-needs-check", tottori(), []step{identify, investigate(affected), maintain, resume}, Maintained, IntegrityChecked, "tottori:第2-6", true},
		{"tottori:第2-6/identity-affected-checked", tottori(), []step{identify, investigate(affected), maintain, checkInteg, resume}, Resumed, 0, "", false},
		{"ino:第7条/always-needs-check", ino(), []step{identify, investigate(plain), maintain, resume}, Maintained, IntegrityChecked, "ino:第7条", true},
		{"ino:第7条/checked", ino(), []step{identify, investigate(plain), checkInteg, resume, prevent}, RecurrencePrevented, 0, "", false},
		{"kumamoto:4(2)運用の再開/always-needs-check", kumamoto(), []step{identify, investigate(plain), resume}, Investigated, IntegrityChecked, "kumamoto:4(2) 運用の再開", true},
		{"ino:第4条/serious-needs-escalation", ino(), []step{identify, investigate(serious), maintain}, Investigated, Escalated, "ino:第4条", true},
		{"ino:第4条/serious-escalated", ino(), []step{identify, investigate(serious), escalate, maintain, checkInteg, resume}, Resumed, 0, "", false},
		{"tottori:第2-4/not-serious-no-escalation", tottori(), []step{identify, investigate(plain), escalate}, Investigated, 0, "tottori:第2-4(1)", true},
		{"ino:第3条/investigate-before-identify", ino(), []step{investigate(plain)}, Detected, Identified, "ino:第2条", true},
		{"ino:第6条/maintain-before-investigate", ino(), []step{identify, maintain}, Identified, Investigated, "ino:第3条", true},
		{"ino:第8条/prevention-after-resume", ino(), []step{identify, investigate(plain), checkInteg, prevent}, IntegrityChecked, Resumed, "ino:第7条", true},
		{"tottori/no-going-back", tottori(), []step{identify, investigate(plain), identify}, Investigated, 0, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := tt.plan.Open()
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range tt.steps {
				before := f
				f, err = s.do(f)
				if err != nil {
					if f != before {
						t.Errorf("rejected %s changed the fault", s.name)
					}
					if i != len(tt.steps)-1 {
						t.Fatalf("step %d %s: %v", i, s.name, err)
					}
					break
				}
			}
			if f.Stage() != tt.stage {
				t.Errorf("stage = %v, want %v", f.Stage(), tt.stage)
			}
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			te, ok := errors.AsType[*TransitionError](err)
			if !ok || !errors.Is(err, ErrTransition) {
				t.Fatalf("error = %v, want *TransitionError wrapping ErrTransition", err)
			}
			if te.Missing != tt.missing {
				t.Errorf("Missing = %v, want %v (%v)", te.Missing, tt.missing, err)
			}
			if tt.cite != "" && !te.Cites.Contains(cite(tt.cite)) {
				t.Errorf("Cites = %v, want %s", te.Cites, tt.cite)
			}
			if tt.missing != 0 && !strings.Contains(err.Error(), "missing step "+tt.missing.String()) {
				t.Errorf("message %q does not name the missing step", err)
			}
		})
	}
	t.Run("kumamoto/serious-not-stated", func(t *testing.T) {
		f, _ := kumamoto().Open()
		f, _ = f.Identify(Software, municipalEquipment)
		if _, err := f.Investigate(serious); !errors.Is(err, ErrNotStated) {
			t.Errorf("error = %v, want ErrNotStated", err)
		}
	})
	t.Run("zero-fault", func(t *testing.T) {
		var f Fault
		if g, err := f.Identify(Hardware, jukiLAN); !errors.Is(err, ErrTransition) || g != f {
			t.Errorf("zero fault Identify = %v, %v", g, err)
		}
		if _, err := (Procedure{}).Open(); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("zero plan Open error = %v", err)
		}
	})
	t.Run("identify-needs-kind-and-location", func(t *testing.T) {
		f, _ := tottori().Open()
		if _, err := f.Identify(0, jukiLAN); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("error = %v, want ErrInvalid", err)
		}
	})
	t.Run("kumamoto:4(2)/alternatives-while-down", func(t *testing.T) {
		f, _ := kumamoto().Open()
		f, err := f.StartAlternative(DowntimeServer)
		if err != nil || !f.Alternatives().Has(DowntimeServer) {
			t.Fatalf("StartAlternative = %v, %v", f.Alternatives(), err)
		}
		if _, err := f.StartAlternative(NearbyMunicipality); !errors.Is(err, ErrUnlisted) {
			t.Errorf("ino's alternative under kumamoto: error = %v, want ErrUnlisted", err)
		}
		for _, s := range []step{identify, investigate(plain), checkInteg, resume} {
			if f, err = s.do(f); err != nil {
				t.Fatal(err)
			}
		}
		if g, err := f.StartAlternative(DowntimeServer); !errors.Is(err, ErrTransition) || g != f {
			t.Errorf("alternative after resumption: %v", err)
		}
	})
	t.Run("accessors", func(t *testing.T) {
		p, _ := ino().WithThresholds(time.Hour, 30)
		f, _ := p.Open()
		f, _ = f.Identify(Network, prefecturalWAN)
		f, _ = f.Investigate(Findings{Serious: true, IdentityAffected: true})
		f, _ = f.StartAlternative(NearbyMunicipality) // ino 第5条: once serious
		f, _ = f.Escalate()
		f, _ = f.Maintain(Repair)
		if f.Procedure() != p || f.Kind() != Network || f.Location() != prefecturalWAN || f.Work() != Repair ||
			!f.Serious() || !f.IdentityAffected() || !f.IntegrityRequired() {
			t.Errorf("accessors: %+v", f)
		}
		if got := f.Done().String(); got != "{detected identified investigated escalated maintained}" || f.Done().Len() != 5 {
			t.Errorf("Done = %s (%d)", got, f.Done().Len())
		}
		if got := f.Alternatives().String(); got != "{nearby-municipality}" || f.Alternatives().Len() != 1 {
			t.Errorf("Alternatives = %s", got)
		}
		if (Fault{}).Cites().Len() != 0 || (Fault{}).Next() != 0 {
			t.Error("zero Fault has cites or next steps")
		}
	})
	t.Run("cites-follow-stage", func(t *testing.T) {
		f, _ := tottori().Open()
		if !f.Cites().Equal(cs("tottori:第2-1")) {
			t.Errorf("detected cites = %v", f.Cites())
		}
		f, _ = f.Identify(Network, dedicatedLine)
		f, _ = f.Investigate(serious)
		f, _ = f.Escalate()
		if !f.Cites().Equal(cs("tottori:第2-4(1)", "tottori:第2-4(2)")) {
			t.Errorf("escalated cites = %v", f.Cites())
		}
		if f.Next() != Stages(0).With(Maintained).With(IntegrityChecked).With(Resumed) {
			t.Errorf("Next = %v", f.Next())
		}
	})
}

// A Plan hands out copies: mutating what it returned never reaches its next
// answer.
func TestPlanAnswersAreFresh(t *testing.T) {
	p := tottori()
	ts := p.Signals()
	ts[0].Signal, ts[0].By[0] = terminalMessage, council.ByRole(council.SecurityChief)
	if d := p.Signals()[0]; d.Signal != serverAlertMail || d.By[0] != council.ByRole(council.Staff) {
		t.Errorf("mutating Triggers changed the plan: %v", d)
	}
	in := ino()
	inv, _ := in.Investigation(Hardware)
	inv.Probes[0] = checkOf("ino", "visual-check")
	if again, _ := in.Investigation(Hardware); again.Probes[0] != checkOf("ino", "power-switch") {
		t.Error("mutating Investigation changed the plan")
	}
	ku := kumamoto()
	alts := ku.Alternatives()
	alts[0].Alternative = NearbyMunicipality
	if ku.Alternatives()[0].Alternative != DowntimeServer {
		t.Error("mutating Alternatives changed the plan")
	}
	kinds := AllKinds()
	kinds[0] = Network
	if AllKinds()[0] != Hardware {
		t.Error("mutating AllKinds changed the next answer")
	}
}

func TestPlansStaySeparate(t *testing.T) {
	// tottori and kumamoto answer only from their own text.
	for _, p := range referencePlans() {
		for _, s := range AllSymptoms() {
			c, err := p.Classify(s)
			if err != nil {
				continue
			}
			if got := c.Cites.Plans(); len(got) != 1 || got[0] != p.ID() {
				t.Errorf("%s: %v cites %v", p.ID(), s, got)
			}
		}
		e, err := p.Escalate(Facts{ServerDown: true, CauseUnknown: true, OperationImpossible: true, Impact: 100, ExpectedStop: 1000 * time.Hour, Symptom: VirusInfection})
		if err != nil {
			t.Fatal(err)
		}
		for _, nt := range e.Notices {
			if got := nt.Cites.Plans(); len(got) != 1 || got[0] != p.ID() {
				t.Errorf("%s: notice %v cites %v", p.ID(), nt, got)
			}
		}
	}
}

func TestZeroPlan(t *testing.T) {
	var p Procedure
	if _, err := p.Classify(Bug); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("Classify: %v", err)
	}
	if _, err := p.Escalate(Facts{}); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("Escalate: %v", err)
	}
	if _, err := p.Responsible(jukiLAN); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("Responsible: %v", err)
	}
	if p.String() != "Plan(zero)" || ino().String() != "ino" || p.DefaultThresholds().Long != 0 {
		t.Error("zero Plan String or DefaultThresholds")
	}
	if req, c := p.IntegrityCheck(true); req || c.Len() != 0 {
		t.Error("zero Plan requires an integrity check")
	}
	if p.Signals() != nil || p.Alternatives() != nil || p.Symptoms(Hardware) != nil || p.ID() != "" || p.IsValid() {
		t.Error("zero Plan answered")
	}
}

func TestNoAllocs(t *testing.T) {
	ino, tot := ino(), tottori()
	text := switchFailure.String() // "symptom#n": fault reads no plan's words
	f, _ := tot.Open()
	f, _ = f.Identify(Network, jukiLAN)
	tests := []struct {
		name string
		fn   func()
	}{
		{"Classify", func() { _, _ = ino.Classify(switchFailure) }},
		{"ClassifyText", func() { _, _ = ino.ClassifyText(text) }},
		{"Responsible", func() { _, _ = tot.Responsible(jukiFirewall) }},
		{"Investigate", func() { _, _ = f.Investigate(Findings{IdentityAffected: true}) }},
		{"Cites", func() { _ = f.Cites() }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.fn); n != 0 {
			t.Errorf("%s: %v allocs, want 0", tt.name, n)
		}
	}
}

func TestEscalationJSON(t *testing.T) {
	e, _ := tottori().Escalate(Facts{ServerDown: true, Impact: 90, ExpectedStop: 48 * time.Hour})
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back Escalation
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(e, back, citesCmp); d != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", d)
	}
}

func TestConcurrentUse(t *testing.T) {
	p := tottori()
	f, _ := p.Open()
	done := make(chan bool)
	for range 4 {
		go func() {
			for range 100 {
				_, _ = p.Responsible(jukiLAN)
				_, _ = p.Escalate(Facts{ServerDown: true, Impact: 90, ExpectedStop: 48 * time.Hour})
				_ = p.Signals()
				g, _ := f.Identify(Network, jukiLAN)
				_, _ = g.Investigate(Findings{})
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	if f.Stage() != Detected {
		t.Errorf("shared fault moved to %v", f.Stage())
	}
}
