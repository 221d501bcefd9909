package bcp

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// renderFindings is the golden form: one finding per line.
func renderFindings(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestCheckGolden checks the five reference plans against
// testdata/check/<plan>.golden (rewrite with -update). Each line there was
// read against the source document; see TestCheckReference for the ones
// that matter most.
func TestCheckGolden(t *testing.T) {
	for _, p := range ReferencePlans() {
		t.Run(p.ID, func(t *testing.T) {
			goldens.Check(t, filepath.Join("testdata", "check", p.ID+".golden"), renderFindings(Check(p)))
		})
	}
}

// TestCheckReference names, clause by clause, what a reader of each document
// finds missing, and what must not be reported.
func TestCheckReference(t *testing.T) {
	type want struct {
		code Code
		path string
		sev  Severity
		cite string // "" for none
	}
	tests := []struct {
		name    string
		plan    func() Plan
		present []want
		absent  []Code
	}{
		{
			name: "kumiyama:第35条/regulation-defines-no-levels",
			plan: Kumiyama,
			present: []want{
				{CodeNoThreatScheme, "threat", SeverityWarning, ""},
			},
		},
		{
			name: "kumiyama:第24条-第26条/no-investigation-steps",
			plan: Kumiyama,
			present: []want{
				{CodeKindWithoutInvestigation, "fault.investigations[hardware]", SeverityWarning, "kumiyama:第24条"},
				{CodeKindWithoutInvestigation, "fault.investigations[software]", SeverityWarning, "kumiyama:第25条"},
				{CodeKindWithoutInvestigation, "fault.investigations[network]", SeverityWarning, "kumiyama:第26条"},
			},
			absent: []Code{CodeChairNotNamed, CodeNoAppointments, CodeUnreachableRole},
		},
		{
			name:    "nakano:ICT-BCP/no-threat-scheme",
			plan:    Nakano,
			present: []want{{CodeNoThreatScheme, "threat", SeverityWarning, ""}, {CodeNoFaultHandling, "fault", SeverityWarning, ""}},
		},
		{
			name:    "nakano:統合仮想サーバ 図4/scale-調整中",
			plan:    Nakano,
			present: []want{{CodeScaleUnassessed, "continuity.inventory.systems[fig4-01].scale", SeverityWarning, "nakano:統合仮想サーバ 図4"}},
			absent:  []Code{CodeSystemNoOwner, CodeSystemNoScale, CodeNoLastResort, CodeChannelUnavailable, CodeScheduleUndefined, CodeDependencyCycle},
		},
		{
			name:    "nakano:ICT-BCP 6(1)ア/committee-chair-not-named",
			plan:    Nakano,
			present: []want{{CodeChairNotNamed, "organization.councils[info-security-committee].chair", SeverityWarning, "nakano:ICT-BCP 6(1)ア"}},
		},
		{
			name: "nakano:ICT-BCP 8(3)(4)/directors-without-reporting-line",
			plan: Nakano,
			present: []want{
				{CodeUnreachableRole, "organization.chain.roles[general-affairs-director]", SeverityWarning, "nakano:ICT-BCP 8(3)"},
				{CodeUnreachableRole, "organization.chain.roles[crisis-management-director]", SeverityWarning, "nakano:ICT-BCP 8(4)"},
			},
		},
		{
			name:    "tottori:第2-4(2)/no-chair",
			plan:    Tottori,
			present: []want{{CodeChairNotNamed, "organization.councils[security-council].chair", SeverityWarning, "tottori:第2-4(2)"}},
			absent:  []Code{CodeLevel3WithoutCouncil, CodeLevelWithoutResponse, CodeThreatInvalid, CodeNoThreatScheme},
		},
		{
			name:    "tottori:第2-3/no-investigation-steps",
			plan:    Tottori,
			present: []want{{CodeKindWithoutInvestigation, "fault.investigations[network]", SeverityWarning, "tottori:第2-3"}},
		},
		{
			name: "kumamoto:3/別紙2-missing",
			plan: Kumamoto,
			// 3 puts faults under the emergency structure of 別紙2, which the
			// document does not contain; 4(2) states no serious fault.
			present: []want{{CodeNoSeriousFaultHandling, "fault.serious", SeverityWarning, ""}},
		},
		{
			name:    "kumamoto:別紙1/emergency-council-without-chair",
			plan:    Kumamoto,
			present: []want{{CodeChairNotNamed, "organization.councils[security-council].chair", SeverityWarning, "kumamoto:別紙1"}},
			absent:  []Code{CodeKindWithoutInvestigation, CodeLevel3WithoutCouncil, CodeNoThreatScheme},
		},
		{
			name:    "ino:第11条/no-levels-only-serious",
			plan:    Ino,
			present: []want{{CodeNoThreatLevels, "threat.scale", SeverityInfo, "ino:第11条"}},
			absent:  []Code{CodeLevelWithoutResponse, CodeLevel3WithoutCouncil, CodeKindWithoutInvestigation, CodeChairNotNamed, CodeUnknownRole},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.plan())
			for _, w := range tt.present {
				i := slices.IndexFunc(got, func(f Finding) bool { return f.Code == w.code && f.Path == w.path })
				if i < 0 {
					t.Errorf("no %s at %s in:\n%s", w.code, w.path, renderFindings(got))
					continue
				}
				if f := got[i]; f.Severity != w.sev || f.Cite.String() != w.cite {
					t.Errorf("%s at %s: severity %s, cite %q; want %s, %q", w.code, w.path, f.Severity, f.Cite, w.sev, w.cite)
				}
			}
			for _, c := range tt.absent {
				if i := slices.IndexFunc(got, func(f Finding) bool { return f.Code == c }); i >= 0 {
					t.Errorf("unexpected %s", got[i])
				}
			}
		})
	}
}

// TestCheckProblems builds plans with one problem each and checks the finding.
func TestCheckProblems(t *testing.T) {
	tests := []struct {
		name string
		plan func() Plan
		want Finding
	}{
		{
			name: "chain/cycle",
			plan: func() Plan {
				p := Tottori()
				p.Organization.Chain.Edges = append(p.Organization.Chain.Edges,
					council.Edge{From: council.SecurityChief, To: council.Staff, Cite: council.Cite("tottori", "第2-2(1)")})
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeChainCycle, Path: "organization.chain.edges",
				Message: "the reporting chain loops: security-chief → staff → system-administrator → security-chief"},
		},
		{
			name: "chain/cut-edge",
			plan: func() Plan {
				p := Ino()
				p.Organization.Chain.Edges = slices.DeleteFunc(p.Organization.Chain.Edges, func(e council.Edge) bool {
					return e.From == council.IdentityInfoManager
				})
				return p
			},
			want: Finding{Severity: SeverityWarning, Code: CodeUnreachableRole, Path: "organization.chain.roles[identity-info-manager]",
				Message: "identity-info-manager (本人確認情報管理者) has duties in the plan but no reporting line to the chief, security-chief (セキュリティ統括責任者)"},
		},
		{
			name: "reference/foreign-citation",
			plan: func() Plan {
				p := Nakano()
				p.Continuity.Flow[0].Citations = p.Continuity.Flow[0].Citations.With(council.Cite("tottori", "第2-4"))
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeForeignCitation, Path: "continuity.flow[].citations",
				Message: `cites tottori:第2-4, a clause of another plan than "nakano"`, Cite: council.Cite("tottori", "第2-4")},
		},
		{
			name: "reference/unknown-dependency",
			plan: func() Plan {
				p := Nakano()
				p.Continuity.Inventory.Systems[3].DependsOn = []string{"nowhere"}
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeUnknownDependency, Path: "continuity.inventory.systems[fig4-03].dependsOn",
				Message: `system "fig4-03" depends on "nowhere", which the inventory does not hold`, Cite: council.Cite("nakano", "統合仮想サーバ 図4")},
		},
		{
			name: "system/dependency-cycle",
			plan: func() Plan {
				p := Nakano()
				p.Continuity.Inventory.Systems[3].DependsOn = []string{"fig4-05"}
				p.Continuity.Inventory.Systems[5].DependsOn = []string{"fig4-03"}
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeDependencyCycle, Path: "continuity.inventory.systems[fig4-03].dependsOn",
				Message: "systems depend on each other in a circle: fig4-03 → fig4-05 → fig4-03"},
		},
		{
			name: "tottori:別表4-2/measures/unknown-case",
			plan: func() Plan {
				p := Tottori()
				p.Measures.Playbooks = slices.DeleteFunc(p.Measures.Playbooks, func(pb measures.Playbook) bool { return pb.Case == measures.Case4_2 })
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeUnknownAnnexCase, Path: "measures.annex[4-2]",
				Message: "measures: the plan defines no playbook for case 4-2 (virus-removed discovered by own-finding): no playbook"},
		},
		{
			name: "tottori:別表1-2/measures/invalid-playbook",
			plan: func() Plan {
				p := Tottori()
				p.Measures.Playbooks[1].Steps[1].Text = ""
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodePlaybookInvalid, Path: "measures.playbooks[1]",
				Message: "measures: playbook 1-2: steps[1].text: missing (the step as the plan writes it)", Cite: council.Cite("tottori", "別表1-2")},
		},
		{
			name: "system/duplicate-id",
			plan: func() Plan {
				p := Nakano()
				p.Continuity.Inventory.Systems[4].ID = "fig4-03"
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeDuplicateSystem, Path: "continuity.inventory.systems[fig4-03]",
				Message: `more than one system has ID "fig4-03"`},
		},
		{
			name: "reference/unknown-role",
			plan: func() Plan {
				p := Tottori()
				p.Fault.Escalation[0].By = council.ByRole(council.DeputySecurityChief)
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeUnknownRole, Path: "fault.escalation[report]",
				Message: "deputy-security-chief (セキュリティ副統括責任者) acts here but is not a role of the organisation", Cite: council.Cite("tottori", "第2-2(1)")},
		},
		{
			name: "contact/channel-unavailable",
			plan: func() Plan {
				p := Nakano()
				p.Continuity.Contacts[0].Contact.Also = ChannelsOf(GroupwareMail)
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeChannelUnavailable, Path: "continuity.contacts[a/ward-wide]",
				Message: "channel groupware-mail (グループウェアメール) needs {groupware mail}, which is down in pattern a", Cite: council.Cite("nakano", "統合仮想サーバ 3(3)①ア")},
		},
		{
			name: "schedule/slot-twice",
			plan: func() Plan {
				p := Nakano()
				p.Continuity.Schedule.Slots = append(p.Continuity.Schedule.Slots, 12*time.Hour)
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeScheduleInvalid, Path: "continuity.schedule.slots",
				Message: "report time 12h is given twice", Cite: council.Cite("nakano", "統合仮想サーバ 3(4)①ア")},
		},
		{
			name: "duties/none",
			plan: func() Plan { p := Tottori(); p.Duties = nil; return p },
			want: Finding{Severity: SeverityWarning, Code: CodeNoDuties, Path: "duties",
				Message: "the plan states no duties: who observes, judges, maintains and reports in a drill is the library's default (observe-act, detect-fault, notice-at-terminal, judge, maintain, check-integrity, run-playbook, report, report-card-loss, revoke-card, inspect-cards, recover-system, recover-platform, secretariat, resume)"},
		},
		{
			name: "duties/foreign-citation",
			plan: func() Plan {
				p := Tottori()
				p.Duties[0].Citations = council.Cites(council.Cite("ino", "第9条"))
				return p
			},
			want: Finding{Severity: SeverityError, Code: CodeForeignCitation, Path: "duties[].citations",
				Message: `cites ino:第9条, a clause of another plan than "tottori"`, Cite: council.Cite("ino", "第9条")},
		},
		{
			name: "plan/invalid-id",
			plan: func() Plan { p := Ino(); p.ID = "no such id"; return p },
			want: Finding{Severity: SeverityError, Code: CodePlanID, Path: "id", Message: `plan ID "no such id" is not a plain identifier: it cannot own citations`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.plan())
			// The Japanese message is checked by TestFindingsSpeakJapanese.
			if !slices.ContainsFunc(got, func(f Finding) bool { f.MessageJA = ""; return f == tt.want }) {
				t.Errorf("want %v among:\n%s", tt.want, renderFindings(got))
			}
		})
	}
}

// A mutation removes one required element from a plan, if the plan has it,
// and names the one finding that must then appear.
type mutation struct {
	name  string
	apply func(t *rapid.T, p *Plan) (Code, string, bool)
}

var mutations = []mutation{
	{"remove investigation", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Fault == nil || len(p.Fault.Investigations) == 0 {
			return 0, "", false
		}
		i := rapid.IntRange(0, len(p.Fault.Investigations)-1).Draw(t, "investigation")
		k := p.Fault.Investigations[i].Kind
		p.Fault.Investigations = slices.Delete(p.Fault.Investigations, i, i+1)
		return CodeKindWithoutInvestigation, "fault.investigations[" + k.String() + "]", true
	}},
	{"remove response tier", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Threat == nil || len(p.Threat.Responses) == 0 {
			return 0, "", false
		}
		i := rapid.IntRange(0, len(p.Threat.Responses)-1).Draw(t, "tier")
		tier := p.Threat.Responses[i]
		p.Threat.Responses = slices.Delete(p.Threat.Responses, i, i+1)
		key := tier.Level.String()
		if tier.Level == 0 {
			key = seriousName(tier.Serious)
		}
		return CodeLevelWithoutResponse, "threat.responses[" + key + "]", true
	}},
	{"remove convening action", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Threat == nil {
			return 0, "", false
		}
		for i, tier := range p.Threat.Responses {
			if tier.Level == threat.Level3 || tier.Serious {
				acts := slices.DeleteFunc(slices.Clone(tier.Actions), func(a threat.Action) bool { return a.Task == threat.ConveneCouncil })
				if len(acts) == len(tier.Actions) || len(acts) == 0 {
					return 0, "", false
				}
				p.Threat.Responses[i].Actions = acts
				key := tier.Level.String()
				if tier.Level == 0 {
					key = "serious"
				}
				return CodeLevel3WithoutCouncil, "threat.responses[" + key + "]", true
			}
		}
		return 0, "", false
	}},
	{"remove level-3 rule", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Organization == nil || p.Threat == nil {
			return 0, "", false
		}
		trig := council.ThreatLevel3
		if p.Threat.Scale == threat.ScaleSerious {
			trig = council.SeriousThreat
		}
		for i, r := range p.Organization.Rules {
			if r.On.Has(trig) && r.Meets {
				p.Organization.Rules[i].On = r.On.Without(trig)
				if p.Organization.Rules[i].On == 0 {
					p.Organization.Rules = slices.Delete(p.Organization.Rules, i, i+1)
				}
				return CodeLevel3WithoutCouncil, "organization.rules[" + trig.String() + "]", true
			}
		}
		return 0, "", false
	}},
	{"remove serious-fault rule", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Organization == nil || p.Fault == nil || p.Fault.Serious.Long == 0 {
			return 0, "", false
		}
		o := p.Organization
		for i, r := range o.Rules {
			if r.On.Has(council.SeriousFault) && r.Meets {
				o.Rules[i].On = r.On.Without(council.SeriousFault)
				if o.Rules[i].On == 0 {
					o.Rules = slices.Delete(o.Rules, i, i+1)
				}
				return CodeSeriousFaultWithoutCouncil, "organization.rules[serious-fault]", true
			}
		}
		return 0, "", false
	}},
	{"clear chair", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Organization == nil {
			return 0, "", false
		}
		o := p.Organization
		var idx []int
		for i, k := range o.Councils {
			if k.Chair != 0 && slices.ContainsFunc(o.Rules, func(r council.Rule) bool { return r.Meets && r.Body == k.Body }) {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return 0, "", false
		}
		i := rapid.SampledFrom(idx).Draw(t, "council")
		o.Councils[i].Chair = 0
		return CodeChairNotNamed, "organization.councils[" + p.Vocabulary.words().name(o.Councils[i].Body) + "].chair", true
	}},
	{"empty agenda", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Organization == nil || len(p.Organization.Agendas) == 0 {
			return 0, "", false
		}
		i := rapid.IntRange(0, len(p.Organization.Agendas)-1).Draw(t, "agenda")
		p.Organization.Agendas[i].Items = nil
		return CodeAgendaEmpty, "organization.agendas[" + p.Organization.Agendas[i].Cite.String() + "]", true
	}},
	{"remove agenda", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Organization == nil || len(p.Organization.Agendas) == 0 {
			return 0, "", false
		}
		o := p.Organization
		i := rapid.IntRange(0, len(o.Agendas)-1).Draw(t, "agenda")
		cite := o.Agendas[i].Cite
		used := slices.ContainsFunc(o.Rules, func(r council.Rule) bool { return r.Agenda == cite }) ||
			slices.ContainsFunc(o.Councils, func(k council.Council) bool { return k.Duties == cite })
		if !used {
			return 0, "", false
		}
		o.Agendas = slices.Delete(o.Agendas, i, i+1)
		return CodeUnknownAgenda, "organization.agendas[" + cite.String() + "]", true
	}},
	{"clear owner", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Continuity == nil || p.Continuity.Inventory == nil || len(p.Continuity.Inventory.Systems) == 0 {
			return 0, "", false
		}
		s := p.Continuity.Inventory.Systems
		i := rapid.IntRange(0, len(s)-1).Draw(t, "system")
		s[i].Owner = ""
		return CodeSystemNoOwner, "continuity.inventory.systems[" + s[i].ID + "].owner", true
	}},
	{"clear scale", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Continuity == nil || p.Continuity.Inventory == nil || len(p.Continuity.Inventory.Systems) == 0 {
			return 0, "", false
		}
		s := p.Continuity.Inventory.Systems
		i := rapid.IntRange(0, len(s)-1).Draw(t, "system")
		s[i].Scale = 0
		return CodeSystemNoScale, "continuity.inventory.systems[" + s[i].ID + "].scale", true
	}},
	{"remove last resort", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Continuity == nil {
			return 0, "", false
		}
		var idx []int
		for i, r := range p.Continuity.Contacts {
			if r.Pattern.Services() == 0 {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return 0, "", false
		}
		i := rapid.SampledFrom(idx).Draw(t, "contact")
		a := p.Continuity.Contacts[i].Contact.Audience
		p.Continuity.Contacts = slices.Delete(p.Continuity.Contacts, i, i+1)
		return CodeNoLastResort, "continuity.contacts[" + a.String() + "]", true
	}},
	{"remove schedule", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Continuity == nil || p.Continuity.Schedule == nil {
			return 0, "", false
		}
		p.Continuity.Schedule = nil
		return CodeScheduleUndefined, "continuity.schedule", true
	}},
	{"remove an obligation's task", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Measures == nil || len(p.Measures.Obligations) == 0 {
			return 0, "", false
		}
		o := p.Measures.Obligations
		i := rapid.IntRange(0, len(o)-1).Draw(t, "obligation")
		o[i].Task = ""
		return CodeObligationInvalid, "measures.obligations[" + strconv.Quote(o[i].Key) + "]", true
	}},
	{"remove duties", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if len(p.Duties) == 0 {
			return 0, "", false
		}
		p.Duties = nil
		return CodeNoDuties, "duties", true
	}},
	{"remove contacts", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Continuity == nil || len(p.Continuity.Contacts) == 0 {
			return 0, "", false
		}
		p.Continuity.Contacts = nil
		return CodeNoContacts, "continuity.contacts", true
	}},
	{"remove inventory", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Continuity == nil || p.Continuity.Inventory == nil {
			return 0, "", false
		}
		p.Continuity.Inventory = nil
		return CodeNoInventory, "continuity.inventory", true
	}},
	{"remove appointments", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Organization == nil || len(p.Organization.Appointments) == 0 {
			return 0, "", false
		}
		p.Organization.Appointments = nil
		return CodeNoAppointments, "organization.appointments", true
	}},
	{"remove threat scheme", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Threat == nil {
			return 0, "", false
		}
		p.Threat = nil
		return CodeNoThreatScheme, "threat", true
	}},
	{"remove fault handling", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Fault == nil {
			return 0, "", false
		}
		p.Fault = nil
		return CodeNoFaultHandling, "fault", true
	}},
	{"remove organisation", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Organization == nil {
			return 0, "", false
		}
		p.Organization = nil
		return CodeNoOrganization, "organization", true
	}},
	{"remove continuity", func(t *rapid.T, p *Plan) (Code, string, bool) {
		if p.Continuity == nil {
			return 0, "", false
		}
		p.Continuity = nil
		return CodeNoContinuity, "continuity", true
	}},
}

// TestCheckRemoval: removing any single required element from a reference
// plan adds exactly the finding for it, and nothing else.
func TestCheckRemoval(t *testing.T) {
	plans := ReferencePlans()
	before := make(map[string][]Finding, len(plans))
	for _, p := range plans {
		before[p.ID] = Check(p)
	}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			applied := false
			rapid.Check(t, func(t *rapid.T) {
				p := rapid.SampledFrom(plans).Draw(t, "plan").Clone()
				code, path, ok := m.apply(t, &p)
				if !ok {
					t.Skip("the plan has no such element")
				}
				applied = true
				var added []Finding
				for _, f := range Check(p) {
					if !slices.Contains(before[p.ID], f) {
						added = append(added, f)
					}
				}
				if len(added) != 1 || added[0].Code != code || added[0].Path != path {
					t.Fatalf("%s on %s: want exactly %s at %s, added:\n%s", m.name, p.ID, code, path, renderFindings(added))
				}
			})
			if !applied {
				t.Errorf("mutation %q never applied", m.name)
			}
		})
	}
}

// permute shuffles every list of p whose order carries no meaning for Check.
func permute(t *rapid.T, p *Plan) {
	perm := func(label string, n int) []int {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return rapid.Permutation(idx).Draw(t, label)
	}
	// pm is perm for a list at path prefix that marks may point into: the
	// marks move with the elements, as they would in a reordered file.
	pm := func(prefix, label string, n int) []int {
		idx := perm(label, n)
		moveMarks(p, prefix, idx)
		return idx
	}
	if o := p.Organization; o != nil {
		o.Appointments = applyPerm(o.Appointments, perm("appointments", len(o.Appointments)))
		o.Chain.Edges = applyPerm(o.Chain.Edges, pm("$.organization.chain.edges", "edges", len(o.Chain.Edges)))
		o.Chain.Notices = applyPerm(o.Chain.Notices, perm("notices", len(o.Chain.Notices)))
		o.Councils = applyPerm(o.Councils, pm("$.organization.councils", "councils", len(o.Councils)))
		o.Rules = applyPerm(o.Rules, perm("rules", len(o.Rules)))
		o.Agendas = applyPerm(o.Agendas, perm("agendas", len(o.Agendas)))
	}
	if f := p.Fault; f != nil {
		f.Investigations = applyPerm(f.Investigations, perm("investigations", len(f.Investigations)))
		f.Symptoms = applyPerm(f.Symptoms, perm("symptoms", len(f.Symptoms)))
		f.Locations = applyPerm(f.Locations, perm("locations", len(f.Locations)))
		f.Stages = applyPerm(f.Stages, perm("stages", len(f.Stages)))
		f.Escalation = applyPerm(f.Escalation, perm("escalation", len(f.Escalation)))
		f.Detections = applyPerm(f.Detections, perm("detections", len(f.Detections)))
		f.Alternatives = applyPerm(f.Alternatives, perm("alternatives", len(f.Alternatives)))
	}
	if th := p.Threat; th != nil {
		th.Rules = applyPerm(th.Rules, perm("threat rules", len(th.Rules)))
		th.Responses = applyPerm(th.Responses, pm("$.threat.responses", "tiers", len(th.Responses)))
		th.Precautions = applyPerm(th.Precautions, perm("precautions", len(th.Precautions)))
		for i := range th.Responses {
			r := &th.Responses[i]
			r.Actions = applyPerm(r.Actions, pm(fmt.Sprintf("$.threat.responses[%d].actions", i), "actions", len(r.Actions)))
			r.Notifications = applyPerm(r.Notifications, perm("notifications", len(r.Notifications)))
		}
	}
	if m := p.Measures; m != nil {
		m.Annex = applyPerm(m.Annex, perm("annex", len(m.Annex)))
		m.Emergency = applyPerm(m.Emergency, perm("emergency", len(m.Emergency)))
		m.FollowUp = applyPerm(m.FollowUp, perm("follow-up", len(m.FollowUp)))
	}
	if k := p.Continuity; k != nil {
		if inv := k.Inventory; inv != nil {
			inv.Systems = applyPerm(inv.Systems, perm("systems", len(inv.Systems)))
			for i := range inv.Systems {
				d := inv.Systems[i].DependsOn
				inv.Systems[i].DependsOn = applyPerm(d, perm("depends", len(d)))
			}
		}
		k.Flow = applyPerm(k.Flow, perm("flow", len(k.Flow)))
		for i := range k.Routes {
			k.Routes[i].Routes = applyPerm(k.Routes[i].Routes, perm("route lines", len(k.Routes[i].Routes)))
		}
		k.Contacts = applyPerm(k.Contacts, perm("contacts", len(k.Contacts)))
		k.Routes = applyPerm(k.Routes, perm("routes", len(k.Routes)))
		if s := k.Schedule; s != nil {
			s.Slots = applyPerm(s.Slots, perm("slots", len(s.Slots)))
		}
	}
}

// moveMarks moves the marks of p that point into the list at prefix to the
// new places of their elements, idx giving the old index of each new one.
func moveMarks(p *Plan, prefix string, idx []int) {
	newAt := make(map[int]int, len(idx))
	for i, j := range idx {
		newAt[j] = i
	}
	move := func(ms []Mark) []Mark {
		out := slices.Clone(ms)
		for k, m := range out {
			rest, ok := strings.CutPrefix(m.Path, prefix+"[")
			if !ok {
				continue
			}
			n, tail, ok := strings.Cut(rest, "]")
			old, err := strconv.Atoi(n)
			if !ok || err != nil {
				continue
			}
			out[k].Path = prefix + "[" + strconv.Itoa(newAt[old]) + "]" + tail
		}
		return out
	}
	p.Readings, p.NotStated = move(p.Readings), move(p.NotStated)
}

func applyPerm[S ~[]E, E any](s S, idx []int) S {
	if s == nil {
		return nil
	}
	out := make(S, len(s))
	for i, j := range idx {
		out[i] = s[j]
	}
	return out
}

// TestCheckOrderIndependent: Check gives the same findings whatever the
// order of the plan's lists, also for plans with problems.
func TestCheckOrderIndependent(t *testing.T) {
	plans := ReferencePlans()
	rapid.Check(t, func(t *rapid.T) {
		p := rapid.SampledFrom(plans).Draw(t, "plan").Clone()
		if rapid.Bool().Draw(t, "mutate") {
			m := rapid.SampledFrom(mutations).Draw(t, "mutation")
			m.apply(t, &p)
		}
		if k := p.Continuity; k != nil && k.Inventory != nil && len(k.Inventory.Systems) > 1 {
			// Random dependencies: cycles, unknown systems and repeats.
			sys := k.Inventory.Systems
			for range rapid.IntRange(0, 6).Draw(t, "dependencies") {
				i := rapid.IntRange(0, len(sys)-1).Draw(t, "from")
				to := rapid.SampledFrom([]string{sys[0].ID, sys[1].ID, sys[len(sys)-1].ID, "ghost"}).Draw(t, "to")
				sys[i].DependsOn = append(sys[i].DependsOn, to)
			}
		}
		want := Check(p)
		q := p.Clone()
		permute(t, &q)
		got := Check(q)
		// The marks are positional (a JSON path with list indices): they
		// move with their elements, and so do the paths of their findings.
		positional := func(f Finding) bool { return f.Code == CodeReading || f.Code == CodeNotStated }
		if a, b := len(slices.DeleteFunc(slices.Clone(want), positional)), len(slices.DeleteFunc(slices.Clone(got), positional)); a != b {
			t.Fatalf("%d findings other than marks before permuting, %d after", a, b)
		}
		if n, m := len(want), len(got); n != m {
			t.Fatalf("%d findings before permuting, %d after", n, m)
		}
		want, got = slices.DeleteFunc(want, positional), slices.DeleteFunc(got, positional)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("findings depend on list order (-want +got):\n%s", diff)
		}
	})
}

// TestCheckDeterministic: Check gives equal results on equal input, sorted
// and without repeats, and leaves the plan as it was.
func TestCheckDeterministic(t *testing.T) {
	for _, p := range ReferencePlans() {
		before := p.Clone()
		a, b := Check(p), Check(p)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s: two runs differ (-first +second):\n%s", p.ID, diff)
		}
		if !slices.IsSortedFunc(a, Finding.Compare) {
			t.Errorf("%s: findings not sorted", p.ID)
		}
		if len(slices.Compact(slices.Clone(a))) != len(a) {
			t.Errorf("%s: a finding repeats", p.ID)
		}
		if diff := cmp.Diff(before, p, planOpts); diff != "" {
			t.Errorf("%s: Check changed the plan (-before +after):\n%s", p.ID, diff)
		}
		for _, f := range a {
			if !f.Severity.IsValid() || !f.Code.IsValid() || f.Message == "" || f.Path == "" || !speaksJapanese(f) {
				t.Errorf("%s: malformed finding %#v", p.ID, f)
			}
			if f.Cite.IsValid() && f.Cite.Plan() != p.ID && f.Code != CodeForeignCitation {
				t.Errorf("%s: finding cites another plan: %v", p.ID, f)
			}
		}
	}
}

// TestCheckEmptyPlan: the zero plan and plans with empty parts give
// findings, never a panic.
func TestCheckEmptyPlan(t *testing.T) {
	plans := []Plan{
		{},
		{ID: "x"},
		{ID: "x", Organization: &council.Organization{}, Fault: &fault.Spec{}, Threat: &threat.Spec{}, Measures: &PlanMeasures{}, Continuity: &Continuity{Inventory: &Inventory{}, Schedule: &ReportPlan{}}},
	}
	for i, p := range plans {
		if got := Check(p); len(got) == 0 {
			t.Errorf("plan %d: no findings", i)
		}
	}
}

func TestCodeText(t *testing.T) {
	for _, c := range AllCodes() {
		b, err := c.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var d Code
		if err := d.UnmarshalText(b); err != nil || d != c {
			t.Errorf("%s: round trip gives %v, %v", c, d, err)
		}
		part, _, ok := strings.Cut(c.String(), ".")
		if !ok || part == "" {
			t.Errorf("code %q is not part.problem", c)
		}
		if e, err := ParseCode(c.Label()); err != nil || e != c {
			t.Errorf("%s: label %q parses to %v, %v", c, c.Label(), e, err)
		}
	}
	for _, s := range AllSeverities() {
		if v, err := ParseSeverity(s.String()); err != nil || v != s {
			t.Errorf("%s: %v %v", s, v, err)
		}
	}
	if SeverityError.Compare(SeverityInfo) >= 0 {
		t.Error("error must sort before info")
	}
}

// bigPlan returns nakano's plan with an inventory of n systems: the platform
// and n-1 hosted systems, each depending on up to two earlier ones, with
// assessed scales.
func bigPlan(n int) Plan {
	p := Nakano()
	inv := p.Continuity.Inventory
	sys := []System{inv.Systems[0]}
	cite := council.Cites(council.Cite(council.PlanNakano, "統合仮想サーバ 図4"))
	for i := 1; i < n; i++ {
		s := System{
			ID: fmt.Sprintf("s%05d", i), Name: "システム", Owner: "情報システム課", Kind: Application,
			Scale: ImpactScale(1 + i%3), Hosted: true, Citations: cite,
		}
		if i > 2 {
			s.DependsOn = []string{fmt.Sprintf("s%05d", i/2), fmt.Sprintf("s%05d", i-1)}
		}
		sys = append(sys, s)
	}
	inv.Systems = sys
	return p
}

func TestCheckBig(t *testing.T) {
	p := bigPlan(10000)
	for _, f := range Check(p) {
		if strings.HasPrefix(f.Code.String(), "system.") {
			t.Errorf("unexpected %v", f)
		}
	}
}

func BenchmarkCheck10000Systems(b *testing.B) {
	p := bigPlan(10000)
	b.ReportAllocs()
	for b.Loop() {
		Check(p)
	}
}

func BenchmarkCheckReference(b *testing.B) {
	plans := ReferencePlans()
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range plans {
			Check(p)
		}
	}
}

// TestFindingJSON: findings encode with their codes and severities as text
// and the citation omitted when there is none.
func TestFindingJSON(t *testing.T) {
	fs := []Finding{
		{Severity: SeverityWarning, Code: CodeChairNotNamed, Message: "m", MessageJA: "議長", Path: "p", Cite: council.Cite("tottori", "第2-4(2)")},
		{Severity: SeverityInfo, Code: CodeNoContinuity, Message: "m", Path: "continuity"},
	}
	b, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"severity":"warning","code":"council.chair-not-named","message":"m","messageJA":"議長","path":"p","cite":"tottori:第2-4(2)"},` +
		`{"severity":"info","code":"continuity.none","message":"m","path":"continuity"}]`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	var back []Finding
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fs, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// TestCheckConcurrent: Check and Compare only read their plans, so goroutines
// may share one (run with -race).
func TestCheckConcurrent(t *testing.T) {
	p, q := Nakano(), Tottori()
	want, wantDiff := Check(p), DiffPlans(p, q)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if diff := cmp.Diff(want, Check(p)); diff != "" {
				t.Errorf("concurrent Check differs:\n%s", diff)
			}
			if diff := cmp.Diff(wantDiff, DiffPlans(p, q)); diff != "" {
				t.Errorf("concurrent Compare differs:\n%s", diff)
			}
		})
	}
	wg.Wait()
}

// TestEmptyPlan: a plan that states nothing but its ID, version and title is
// an error (issue 14); one part is enough to leave it.
func TestEmptyPlan(t *testing.T) {
	has := func(p Plan) bool {
		for _, f := range Check(p) {
			if f.Code == CodeEmptyPlan {
				return f.Severity == SeverityError
			}
		}
		return false
	}
	if !has(Plan{ID: "x", Version: "1", Title: "t", Duties: []Assignment{}}) {
		t.Error("a plan of only ID, version and title: no plan.empty error")
	}
	for _, p := range ReferencePlans() {
		if has(p) {
			t.Errorf("%s: plan.empty", p.ID)
		}
		q := Plan{ID: p.ID, Version: p.Version, Organization: p.Organization}
		if has(q) {
			t.Errorf("%s with its organisation alone: plan.empty", p.ID)
		}
	}
}

// TestSprintfAgrees: the formatting of findings' messages writes what
// fmt.Sprintf writes, for any format and arguments, its own few verbs and
// argument types or not.
func TestSprintfAgrees(t *testing.T) {
	for _, tt := range []struct {
		format string
		args   []any
	}{
		{"system %q (%s) has no owning division (主管課)", []any{"s1", "住基"}},
		{"%d systems, %v more", []any{3, 4}},
		{"100%% %q", []any{"a\x00\"b"}},
		{"%s", []any{errors.New("x")}},
		{"%x %q", []any{"a", "b"}},
		{"%s %s", []any{"a"}},
		{"%s", []any{"a", "b"}},
		{"trailing %", []any{}},
		{"%5s|%-3q|%+q", []any{"a", "b", "é"}},
	} {
		if got, want := sprintf(tt.format, tt.args), fmt.Sprintf(tt.format, tt.args...); got != want {
			t.Errorf("sprintf(%q, %v) = %q, fmt.Sprintf: %q", tt.format, tt.args, got, want)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		format := rapid.StringOf(rapid.SampledFrom([]rune("%%%sqdvx5-+ a調\x00\""))).Draw(t, "format")
		arg := rapid.OneOf(
			rapid.Map(rapid.String(), func(s string) any { return s }),
			rapid.Map(rapid.Int(), func(n int) any { return n }),
			rapid.Map(rapid.Uint8(), func(n uint8) any { return n }),
			rapid.Just[any](SeverityWarning),
		)
		args := rapid.SliceOfN(arg, 0, 4).Draw(t, "args")
		if got, want := sprintf(format, args), fmt.Sprintf(format, args...); got != want {
			t.Fatalf("sprintf(%q, %#v) = %q, fmt.Sprintf: %q", format, args, got, want)
		}
	})
}
