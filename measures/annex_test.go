package measures

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

type stepSummary struct {
	Mark   string
	Action Task
	Mode   Mode
	Cond   Condition
}

func summarize(p Playbook) []stepSummary {
	var out []stepSummary
	for _, s := range p.Steps {
		out = append(out, stepSummary{s.Mark, s.Task, s.Mode, s.Condition})
	}
	return out
}

func TestAnnexPlaybooks(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	if len(pbs) != 16 {
		t.Errorf("tottori:別表: %d rows; want 16", len(pbs))
	}
	type S = stepSummary
	for _, tc := range []struct {
		c        Case
		cat      Category
		obs      Observation
		by       Discoverer
		lead     Lead
		examples int
		steps    []S
	}{
		{Case1_1, UnauthorizedAccessSigns, AccessSigns, ByNationalCenter, NationalCenterLeads, 1, []S{
			{"①", IdentifySource, Assist, 0}, {"②", InvestigateOnSite, OnRequest, 0},
			{"③", Disconnect, Assist, PatternThreatensIdentity}, {"④", IdentifyAttacker, InLiaison, 0}}},
		{Case1_2, UnauthorizedAccessSigns, AccessSigns, ByOwnFinding, WeLead, 1, []S{
			{"①", IdentifySource, WithHelp, 0}, {"①", RequestMonitoring, Ask, AsNeeded},
			{"②", Disconnect, InLiaison, PatternThreatensIdentity}, {"③", IdentifyAttacker, InLiaison, 0}}},
		{Case1_3, UnauthorizedAccessSigns, SuspiciousOperation, ByNationalCenter, NationalCenterLeads, 2, []S{
			{"①", IdentifySource, Assist, 0}, {"②", TightenAccessControl, OnRequest, 0},
			{"③", IdentifyAttacker, WithHelp, 0}, {"※", Disconnect, Consult, QuickActionHardAndThreatLarge}}},
		{Case1_4, UnauthorizedAccessSigns, SuspiciousOperation, ByOwnFinding, WeLead, 3, []S{
			{"①", TightenAccessControl, Alone, 0}, {"②", IdentifyAttacker, WithHelp, 0},
			{"②", RequestMonitoring, Ask, AsNeeded}, {"※", Disconnect, Consult, QuickActionHardAndThreatLarge}}},
		{Case2_1, SecurityHole, ErroneousAccess, ByNationalCenter, NationalCenterLeads, 1, []S{
			{"①", IdentifySource, Assist, 0}, {"②", InvestigateOnSite, OnRequest, 0},
			{"③", Disconnect, Assist, HoleThreatLarge}, {"④", Patch, InLiaison, 0}}},
		{Case2_2, SecurityHole, ErroneousAccess, ByOwnFinding, WeLead, 1, []S{
			{"①", IdentifySource, WithHelp, 0}, {"②", Disconnect, InLiaison, HoleThreatLarge}, {"③", Patch, InLiaison, 0}}},
		{Case2_3, SecurityHole, HoleReported, ByAudit, Jointly, 0, []S{
			{"①", Patch, InLiaison, 0}, {"②", Disconnect, InLiaison, HoleThreatLarge}}},
		{Case2_4, SecurityHole, HoleReported, ByVendor, Jointly, 0, []S{
			{"①", Patch, InLiaison, 0}, {"②", Disconnect, InLiaison, HoleThreatLarge}}},
		{Case3_1, DisruptionSigns, GarbledOutput, ByNationalCenter, NationalCenterLeads, 0, []S{
			{"①", Disconnect, Assist, 0}, {"②", IdentifyAttacker, Assist, 0}, {"③", RestoreDatabase, Assist, 0}}},
		{Case3_2, DisruptionSigns, GarbledOutput, ByOwnFinding, WeLead, 0, []S{
			{"①", Disconnect, WithHelp, 0}, {"②", IdentifyAttacker, WithHelp, 0}, {"③", RestoreDatabase, WithHelp, 0}}},
		{Case3_3, DisruptionSigns, OutageOrDelay, ByNationalCenter, NationalCenterLeads, 0, []S{
			{"①", Disconnect, Assist, 0}, {"②", IdentifyAttacker, Assist, 0}, {"③", Reintegrate, Assist, 0}}},
		{Case3_4, DisruptionSigns, OutageOrDelay, ByOwnFinding, WeLead, 0, []S{
			{"①", Disconnect, WithHelp, 0}, {"②", IdentifyAttacker, WithHelp, 0}, {"③", Reintegrate, WithHelp, 0}}},
		{Case4_1, Malware, VirusRemoved, ByNationalCenter, NationalCenterLeads, 0, []S{
			{"①", CheckPatternFiles, Assist, 0}, {"②", IdentifySource, Assist, 0}, {"③", StrengthenManagement, Assist, 0}}},
		{Case4_2, Malware, VirusRemoved, ByOwnFinding, WeLead, 0, []S{
			{"①", CheckPatternFiles, WithHelp, 0}, {"②", IdentifySource, WithHelp, 0}, {"③", StrengthenManagement, WithHelp, 0}}},
		{Case4_3, Malware, VirusInfection, ByNationalCenter, NationalCenterLeads, 0, []S{
			{"①", InvestigateInfection, Assist, 0}, {"②", Disconnect, Assist, 0}, {"③", ResearchRemoval, Assist, UnknownVirus}}},
		{Case4_4, Malware, VirusInfection, ByOwnFinding, WeLead, 0, []S{
			{"①", RequestPatternFile, Ask, 0}, {"②", Disconnect, Alone, 0}, {"③", ResearchRemoval, WithHelp, UnknownVirus}}},
	} {
		t.Run("tottori:別表"+tc.c.String(), func(t *testing.T) {
			p, err := pbs.Lookup(tc.c)
			if err != nil {
				t.Fatal(err)
			}
			if p.Case != tc.c || p.Category() != tc.cat || p.Observation() != tc.obs || p.Discoverer() != tc.by || p.Lead != tc.lead {
				t.Errorf("got case %v category %v observation %v discoverer %v lead %v; want %v %v %v %v %v",
					p.Case, p.Category(), p.Observation(), p.Discoverer(), p.Lead, tc.c, tc.cat, tc.obs, tc.by, tc.lead)
			}
			if p.Label != "別表"+tc.c.String() {
				t.Errorf("label %q; want 別表%s", p.Label, tc.c)
			}
			if got := len(p.Examples); got != tc.examples {
				t.Errorf("%d examples; want %d", got, tc.examples)
			}
			if diff := cmp.Diff(tc.steps, summarize(p)); diff != "" {
				t.Errorf("steps (-want +got):\n%s", diff)
			}
			if !p.Citations.Contains(council.Cite(council.PlanTottori, "別表"+tc.c.String())) {
				t.Errorf("playbook citations %v do not cite its row", p.Citations)
			}
			via, err := pbs.PlaybookFor(tc.obs, tc.by)
			if err != nil || via.Case != tc.c {
				t.Errorf("PlaybookFor(%v, %v) = %v, %v; want %v", tc.obs, tc.by, via.Case, err, tc.c)
			}
		})
	}
}

// The conditional steps carry the annex's wording exactly.
func TestAnnexConditionalWording(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	for _, tc := range []struct {
		name string
		c    Case
		i    int
		want string
	}{
		{"tottori:別表1-1③/disconnect-only-if-pattern-threatens", Case1_1, 2, "不正アクセスのパターンが本人確認情報に対する脅威となる場合は、全国センターが行う当該機器又はネットワークの住基ネットからの切離し作業に協力"},
		{"tottori:別表1-3※/quick-action-hard", Case1_3, 3, "上記措置の迅速な実施が困難、かつ、本人確認情報への脅威が大きい場合は、全国センターと協議の上、当該部分の住基ネットからの切離し"},
		{"tottori:別表1-4※/quick-action-hard", Case1_4, 3, "上記措置の迅速な実施が困難、かつ、本人確認情報への脅威が大きい場合は、全国センターと協議のうえ、当該部分の住基ネットからの切離し"},
		{"tottori:別表4-4③/unknown-virus", Case4_4, 2, "未知のウィルスであれば、全国センターの協力を得て、駆除方法等を調査"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := pbs.Lookup(tc.c)
			if tc.i >= len(p.Steps) {
				t.Fatalf("%d steps; want step %d", len(p.Steps), tc.i)
			}
			if got := p.Steps[tc.i].Text; got != tc.want {
				t.Errorf("text = %q; want %q", got, tc.want)
			}
		})
	}
	// How tottori's annex words each condition: the engine names the
	// condition, the plan's step text states it.
	annexWords := map[Condition]string{
		PatternThreatensIdentity:      "不正アクセスのパターンが本人確認情報に対する脅威となる場合",
		QuickActionHardAndThreatLarge: "上記措置の迅速な実施が困難、かつ、本人確認情報への脅威が大きい場合",
		HoleThreatLarge:               "本人確認情報への脅威が大きいセキュリティホールであった場合",
		UnknownVirus:                  "未知のウィルスであれば",
		AsNeeded:                      "必要に応じ",
	}
	for _, c := range AllConditions() {
		found := false
		for _, p := range pbs {
			for _, s := range p.Steps {
				if s.Condition == c {
					found = true
					if w := annexWords[c]; !strings.Contains(s.Text, w) {
						t.Errorf("%s %s: text %q does not state condition %v (%q)", p.Case, s.Mark, s.Text, c, w)
					}
				}
			}
		}
		if !found {
			t.Errorf("condition %v is used by no step", c)
		}
	}
}

// In categories 1 and 2, disconnection is never unconditional; in 3 and 4
// the annex disconnects at once.
func TestAnnexDisconnectConditional(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	for _, p := range pbs {
		for _, s := range p.Steps {
			if s.Task != Disconnect {
				continue
			}
			wantCond := p.Category() == UnauthorizedAccessSigns || p.Category() == SecurityHole
			if s.Conditional() != wantCond {
				t.Errorf("tottori:%s %s: disconnect conditional = %v; want %v", p.Label, s.Mark, s.Conditional(), wantCond)
			}
		}
	}
	p, _ := pbs.Lookup(Case1_1)
	var plain, threatened []Task
	for s := range p.Applicable(0) {
		plain = append(plain, s.Task)
	}
	for s := range p.Applicable(ConditionsOf(PatternThreatensIdentity)) {
		threatened = append(threatened, s.Task)
	}
	if slices.Contains(plain, Disconnect) || !slices.Contains(threatened, Disconnect) {
		t.Errorf("tottori:別表1-1③: without the threat %v, with it %v", plain, threatened)
	}
}

func TestCaseForNoRow(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	for _, tc := range []struct {
		o    Observation
		d    Discoverer
		want error
	}{
		{HoleReported, ByNationalCenter, ErrNoPlaybook},
		{HoleReported, ByOwnFinding, ErrNoPlaybook},
		{VirusInfection, ByAudit, ErrNoPlaybook},
		{AccessSigns, ByVendor, ErrNoPlaybook},
		{0, ByNationalCenter, ErrInvalid},
		{AccessSigns, 0, ErrInvalid},
		{Observation(99), ByAudit, ErrInvalid},
	} {
		if _, err := pbs.CaseFor(tc.o, tc.d); !errors.Is(err, tc.want) {
			t.Errorf("CaseFor(%v, %v) error = %v; want %v", tc.o, tc.d, err, tc.want)
		}
		if _, err := pbs.PlaybookFor(tc.o, tc.d); !errors.Is(err, tc.want) {
			t.Errorf("PlaybookFor(%v, %v) error = %v; want %v", tc.o, tc.d, err, tc.want)
		}
	}
	for _, c := range []Case{0, 17, 255} {
		if _, err := pbs.Lookup(c); !errors.Is(err, ErrInvalid) {
			t.Errorf("Lookup(%d) error = %v", c, err)
		}
	}
	// A table without a row for a case has no playbook for it: never a
	// guess from another plan.
	short := slices.DeleteFunc(slices.Clone(pbs), func(p Playbook) bool { return p.Case == Case4_2 })
	if _, err := short.Lookup(Case4_2); !errors.Is(err, ErrNoPlaybook) {
		t.Errorf("Lookup of a row the table lacks: %v; want ErrNoPlaybook", err)
	}
	if _, err := short.PlaybookFor(VirusRemoved, ByOwnFinding); !errors.Is(err, ErrNoPlaybook) {
		t.Errorf("PlaybookFor of a row the table lacks: %v; want ErrNoPlaybook", err)
	}
	if _, err := Playbooks(nil).Lookup(Case1_1); !errors.Is(err, ErrNoPlaybook) {
		t.Errorf("Lookup in the empty table: %v; want ErrNoPlaybook", err)
	}
}

func TestAnnexProperties(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	cases := AllCases()
	t.Run("LookupTotal", rapid.MakeCheck(func(t *rapid.T) {
		c := rapid.SampledFrom(cases).Draw(t, "case")
		p, err := pbs.Lookup(c)
		if err != nil {
			t.Fatalf("Lookup(%v): %v", c, err)
		}
		if p.Case != c || len(p.Steps) == 0 || !p.Lead.IsValid() || p.Event == "" {
			t.Fatalf("Lookup(%v) = incomplete playbook %+v", c, p)
		}
		back, err := pbs.CaseFor(c.Observation(), c.Discoverer())
		if err != nil || back != c {
			t.Fatalf("CaseFor(%v, %v) = %v, %v; want %v", c.Observation(), c.Discoverer(), back, err, c)
		}
	}))
	t.Run("EveryStepCited", rapid.MakeCheck(func(t *rapid.T) {
		c := rapid.SampledFrom(cases).Draw(t, "case")
		p, _ := pbs.Lookup(c)
		i := rapid.IntRange(0, len(p.Steps)-1).Draw(t, "step")
		s := p.Steps[i]
		if s.Citations.Len() == 0 || !s.Task.IsValid() || !s.Mode.IsValid() || s.Text == "" || s.Mark == "" {
			t.Fatalf("%v step %d incomplete: %+v", c, i, s)
		}
		if diff := cmp.Diff([]string{council.PlanTottori}, s.Citations.Plans()); diff != "" {
			t.Fatalf("%v step %d cites other plans (-want +got):\n%s", c, i, diff)
		}
		if s.Condition != 0 && !s.Condition.IsValid() {
			t.Fatalf("%v step %d: invalid condition %d", c, i, s.Condition)
		}
	}))
	// Any table of rows (here tottori's, permuted, some left out) finds
	// exactly the rows it holds, whatever their order.
	t.Run("LookupFindsTheTablesRows", rapid.MakeCheck(func(t *rapid.T) {
		rows := rapid.Permutation(slices.Clone(pbs)).Draw(t, "rows")
		rows = rows[:rapid.IntRange(0, len(rows)).Draw(t, "keep")]
		table := Playbooks(rows)
		for _, c := range cases {
			held := slices.ContainsFunc(rows, func(p Playbook) bool { return p.Case == c })
			p, err := table.Lookup(c)
			if held != (err == nil) || held && p.Case != c || !held && !errors.Is(err, ErrNoPlaybook) {
				t.Fatalf("Lookup(%v) = %v, %v; the table holds it: %v", c, p.Case, err, held)
			}
			q, err := table.PlaybookFor(c.Observation(), c.Discoverer())
			if held != (err == nil) || q.Case != p.Case {
				t.Fatalf("PlaybookFor(%v, %v) = %v, %v; Lookup gives %v", c.Observation(), c.Discoverer(), q.Case, err, p.Case)
			}
		}
	}))
	t.Run("ApplicableMonotone", rapid.MakeCheck(func(t *rapid.T) {
		c := rapid.SampledFrom(cases).Draw(t, "case")
		p, _ := pbs.Lookup(c)
		conds := AllConditions()
		small := ConditionsOf(rapid.SliceOf(rapid.SampledFrom(conds)).Draw(t, "held")...)
		big := small | ConditionsOf(rapid.SliceOf(rapid.SampledFrom(conds)).Draw(t, "more")...)
		var a, b []string
		for s := range p.Applicable(small) {
			a = append(a, s.Text)
		}
		for s := range p.Applicable(big) {
			b = append(b, s.Text)
		}
		for _, s := range a {
			if !slices.Contains(b, s) {
				t.Fatalf("step %q applies under %b but not under the larger %b", s, small, big)
			}
		}
	}))
}

// Each step cites its row and the clause of its own mark; the steps of
// 別表2-3, printed in the one cell of measures of 2-3 and 2-4, cite the row
// they are printed under (the library's reading of the table's layout).
func TestAnnexStepsCiteTheirClauses(t *testing.T) {
	for _, p := range tottoriPlaybooks(t) {
		at := p.Label
		if p.Case == Case2_3 {
			at = "別表2-4"
			if !p.Citations.Contains(council.Cite(council.PlanTottori, at)) {
				t.Errorf("tottori:別表2-3 does not cite the row it is printed under: %v", p.Citations)
			}
		}
		row := council.Cite(council.PlanTottori, p.Label)
		for _, s := range p.Steps {
			want := council.Cites(row, council.Cite(council.PlanTottori, at+s.Mark))
			if !s.Citations.Equal(want) {
				t.Errorf("tottori:%s %s cites %v; want %v", p.Label, s.Mark, s.Citations, want)
			}
		}
	}
}

// Validate names each malformed part of a row by its path.
func TestPlaybookValidate(t *testing.T) {
	good, err := tottoriPlaybooks(t).Lookup(Case1_2)
	if err != nil {
		t.Fatal(err)
	}
	if err := good.Validate(); err != nil {
		t.Fatalf("tottori:別表1-2: %v", err)
	}
	for _, tc := range []struct {
		name string
		edit func(p *Playbook)
		path string
		want error
	}{
		{"no-case", func(p *Playbook) { p.Case = 0 }, "case", ErrMissing},
		{"bad-case", func(p *Playbook) { p.Case = 40 }, "case", ErrInvalid},
		{"no-label", func(p *Playbook) { p.Label = " " }, "label", ErrMissing},
		{"no-lead", func(p *Playbook) { p.Lead = 0 }, "lead", ErrMissing},
		{"bad-lead", func(p *Playbook) { p.Lead = 9 }, "lead", ErrInvalid},
		{"no-event", func(p *Playbook) { p.Event = "" }, "event", ErrMissing},
		{"uncited", func(p *Playbook) { p.Citations = council.Citations{} }, "citations", ErrMissing},
		{"no-steps", func(p *Playbook) { p.Steps = nil }, "steps", ErrMissing},
		{"step-no-mark", func(p *Playbook) { p.Steps[1].Mark = "" }, "steps[1].mark", ErrMissing},
		{"step-bad-action", func(p *Playbook) { p.Steps[1].Task = 0 }, "steps[1].action", ErrInvalid},
		{"step-bad-mode", func(p *Playbook) { p.Steps[2].Mode = 99 }, "steps[2].mode", ErrInvalid},
		{"step-bad-condition", func(p *Playbook) { p.Steps[0].Condition = 99 }, "steps[0].condition", ErrInvalid},
		{"step-no-text", func(p *Playbook) { p.Steps[3].Text = "" }, "steps[3].text", ErrMissing},
		{"step-uncited", func(p *Playbook) { p.Steps[3].Citations = council.Citations{} }, "steps[3].citations", ErrMissing},
	} {
		t.Run("tottori:別表1-2/"+tc.name, func(t *testing.T) {
			p := good
			p.Steps = slices.Clone(good.Steps)
			tc.edit(&p)
			err := p.Validate()
			fe, ok := errors.AsType[*FieldError](err)
			if !ok || fe.Path != tc.path || !errors.Is(err, tc.want) {
				t.Errorf("Validate() = %v; want a FieldError at %s wrapping %v", err, tc.path, tc.want)
			}
			if pbs := (Playbooks{good, p}); !errors.Is(pbs.Validate(), tc.want) || !strings.Contains(pbs.Validate().Error(), "playbooks[1]") {
				t.Errorf("Playbooks.Validate() = %v; want the row's index", pbs.Validate())
			}
		})
	}
	if err := (Playbooks{good, good}).Validate(); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "playbooks[1]: case 1-2 is given a playbook twice") {
		t.Errorf("a case given twice: %v", err)
	}
	if err := tottoriPlaybooks(t).Validate(); err != nil {
		t.Errorf("tottori:別表: %v", err)
	}
}

func TestLookupNoAllocs(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	var sink Playbook
	if n := testing.AllocsPerRun(100, func() {
		for c := Case1_1; c <= Case4_4; c++ {
			sink, _ = pbs.Lookup(c)
		}
		sink, _ = pbs.PlaybookFor(VirusInfection, ByOwnFinding)
	}); n != 0 {
		t.Errorf("Lookup allocates %v times per run; want 0", n)
	}
	_ = sink
}

func BenchmarkLookup(b *testing.B) {
	pbs := tottoriPlaybooks(b)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		p, _ := pbs.Lookup(Case2_3)
		n += len(p.Steps)
	}
	_ = n
}

func BenchmarkPlaybookFor(b *testing.B) {
	pbs := tottoriPlaybooks(b)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		p, _ := pbs.PlaybookFor(VirusInfection, ByOwnFinding)
		n += len(p.Steps)
	}
	_ = n
}

// A playbook marshals in the form of the plan file and reads back equal.
func TestPlaybookJSON(t *testing.T) {
	pbs := tottoriPlaybooks(t)
	p, _ := pbs.Lookup(Case1_2)
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"case":"1-2"`, `"label":"別表1-2"`, `"lead":"we-lead"`,
		`"condition":"as-needed"`, `"citations":["tottori:別表1-2","tottori:別表1-2①"]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	b, err = json.Marshal(pbs)
	if err != nil {
		t.Fatal(err)
	}
	var back Playbooks
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pbs, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}
