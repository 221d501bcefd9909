package bcp

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"pgregory.net/rapid"
)

// TestPlanDuty: a duty the plan states is the plan's, with its clauses; one
// it leaves unstated is the library's default, resolved against the plan's
// own chain and never cited.
func TestPlanDuty(t *testing.T) {
	role := council.ByRole
	tests := []struct {
		name     string
		plan     func() Plan
		duty     Duty
		want     council.Actor
		to       council.Actor
		stated   bool
		citation string
	}{
		{"tottori:第3-5/judge", Tottori, Judge, role(council.SystemAdministrator), council.Actor{}, true, "tottori:第3-5"},
		{"tottori:第2-6/integrity-with-the-center", Tottori, CheckIntegrity, role(council.SystemAdministrator), council.ByParty(council.NationalCenter), true, "tottori:第2-6"},
		{"kumamoto:4(1)/judge-section-manager", Kumamoto, Judge, role(council.SectionManager), council.Actor{}, true, "kumamoto:4(1) 状況の把握ならびに脅威度の判定, kumamoto:4(1)(イ)"},
		// kumamoto 4(2): 情報政策課は、障害個所の修理、修復、交換を実施する;
		// 管理者は、担当者に本人確認情報の整合性を確認させ、…運用を再開する.
		{"kumamoto:4(2) 保守作業の実施/info-policy-division-repairs", Kumamoto, Maintain, role(termRole(t, Kumamoto(), "info-policy-division")), council.Actor{}, true, "kumamoto:4(2) 保守作業の実施"},
		{"kumamoto:4(2) 運用の再開/section-manager-resumes", Kumamoto, Resume, role(council.SectionManager), council.Actor{}, true, "kumamoto:4(2) 運用の再開"},
		{"kumamoto:4(2) 運用の再開/staff-checks-integrity", Kumamoto, CheckIntegrity, role(council.Staff), council.Actor{}, true, "kumamoto:4(2) 運用の再開"},
		{"tottori/resume-falls-to-maintain", Tottori, Resume, role(council.SystemAdministrator), council.Actor{}, false, ""},
		{"kumiyama/observe-default-chief", Kumiyama, ObserveAct, role(council.SecurityChief), council.Actor{}, false, ""},
		{"kumiyama:第17条10項3号/report-card-loss", Kumiyama, ReportCardLoss, role(council.Operator), role(council.SystemAdministrator), true, "kumiyama:第17条10項3号"},
		{"ino/no-card-report", Ino, ReportCardLoss, council.Actor{}, council.Actor{}, false, ""},
		{"nakano:統合仮想サーバ 4(1)/provider-detects", Nakano, DetectFault, council.ByParty(termParty(t, Nakano(), "iaas-provider")), council.Actor{}, true, "nakano:統合仮想サーバ 4(1)"},
		{"nakano/judge-default-chief", Nakano, Judge, role(termRole(t, Nakano(), "mayor")), council.Actor{}, false, ""},
		{"no-duties/judge-admin", func() Plan { p := Tottori(); p.Duties = nil; return p }, Judge, role(council.SystemAdministrator), council.Actor{}, false, ""},
		{"no-duties/playbook-default-with-center", func() Plan { p := Tottori(); p.Duties = nil; return p }, RunPlaybook, role(council.SystemAdministrator), council.ByParty(council.NationalCenter), false, ""},
		{"no-organisation/judge-chief-unset", func() Plan { return Plan{ID: "x"} }, Judge, council.Actor{}, council.Actor{}, false, ""},
		{"invalid-duty", Tottori, Duty(99), council.Actor{}, council.Actor{}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, stated := tt.plan().Duty(tt.duty)
			if a.Duty != tt.duty || a.Actor != tt.want || a.To != tt.to || stated != tt.stated || a.Citations.String() != tt.citation {
				t.Errorf("Duty(%v) = %v %v to %v citing %q, stated %v; want %v to %v citing %q, stated %v",
					tt.duty, a.Duty, a.Actor, a.To, a.Citations, stated, tt.want, tt.to, tt.citation, tt.stated)
			}
		})
	}
	// Every duty has an entry in the table of defaults.
	if len(libraryDuties) != dutyTable.Len()+1 {
		t.Errorf("libraryDuties has %d entries for %d duties", len(libraryDuties)-1, dutyTable.Len())
	}
}

// TestLibraryDefaults: the defaults of the table in Plan.Duty's doc, under
// a chain with a system administrator (tottori's) and one with neither an
// administrator nor a section manager (nakano's). They name only the
// engine's functions: what nakano's own posts do, its file states.
func TestLibraryDefaults(t *testing.T) {
	role, party := council.ByRole, council.ByParty
	type want struct{ by, to council.Actor }
	for _, tt := range []struct {
		plan func() Plan
		want map[Duty]want
	}{
		{Tottori, map[Duty]want{
			ObserveAct: {by: role(council.Staff)}, DetectFault: {by: role(council.Staff)},
			NoticeAtTerminal: {by: role(council.Operator)}, Judge: {by: role(council.SystemAdministrator)},
			Maintain: {by: role(council.SystemAdministrator)}, CheckIntegrity: {by: role(council.SystemAdministrator)},
			RunPlaybook:     {role(council.SystemAdministrator), party(council.NationalCenter)},
			ReportSituation: {role(council.Staff), role(council.SystemAdministrator)},
			ReportCardLoss:  {}, RevokeCard: {by: role(council.SystemAdministrator)}, InspectCards: {},
			RecoverSystem: {by: role(council.SystemAdministrator)}, RecoverPlatform: {by: party(council.Contractor)},
			Secretariat: {by: role(council.SystemAdministrator)}, Resume: {by: role(council.SystemAdministrator)},
		}},
		{Nakano, map[Duty]want{
			ObserveAct: {by: role(termRole(t, Nakano(), "mayor"))}, Judge: {by: role(termRole(t, Nakano(), "mayor"))}, Maintain: {by: role(council.Staff)},
			CheckIntegrity: {by: role(council.Staff)}, Resume: {by: role(council.Staff)},
			ReportSituation: {role(council.Staff), role(council.SystemAdministrator)},
			RecoverSystem:   {by: role(council.Staff)}, RecoverPlatform: {by: party(council.Contractor)},
			Secretariat: {by: role(termRole(t, Nakano(), "mayor"))},
		}},
	} {
		p := tt.plan()
		p.Duties = nil
		for d, w := range tt.want {
			t.Run(p.ID+"/"+d.String(), func(t *testing.T) {
				a, stated := p.Duty(d)
				if stated || a.Actor != w.by || a.To != w.to || a.Citations.Len() != 0 {
					t.Errorf("%v by %v to %v citing %v, stated %v; want by %v to %v, uncited", d, a.Actor, a.To, a.Citations, stated, w.by, w.to)
				}
			})
		}
	}
}

// TestPresetDutiesAreCited: every reference plan states duties, each on
// clauses of its own document.
func TestPresetDutiesAreCited(t *testing.T) {
	for _, p := range ReferencePlans() {
		if len(p.Duties) == 0 {
			t.Errorf("%s states no duties", p.ID)
		}
		for _, a := range p.Duties {
			if a.Citations.Len() == 0 {
				t.Errorf("%s: duty %v without citation", p.ID, a.Duty)
			}
			if ps := a.Citations.Plans(); len(ps) != 1 || ps[0] != p.ID {
				t.Errorf("%s: duty %v cites %v", p.ID, a.Duty, ps)
			}
		}
	}
}

// withDuty returns p with duty d given to by (the To it had kept).
func withDuty(p Plan, d Duty, by council.Actor) Plan {
	p = p.Clone()
	a, _ := p.Duty(d)
	a.Actor, a.Citations = by, council.Cites(council.Cite(p.ID, "第99条"))
	for i := range p.Duties {
		if p.Duties[i].Duty == d {
			p.Duties[i] = a
			return p
		}
	}
	p.Duties = append(p.Duties, a)
	return p
}

// acts returns a predicate for entries of the given acts.
func acts(as ...Act) func(Entry) bool {
	return func(e Entry) bool { return slices.Contains(as, e.Act) }
}

// dutyActs tells the entries a duty alone decides the actor of.
var dutyActs = map[Duty]func(Entry) bool{
	Judge: func(e Entry) bool {
		// A judgement the plan's scheme assigns is not the duty's.
		return e.Act == ActGrade || e.Act == ActProvisional || e.Act == ActJudge && !strings.HasPrefix(e.Detail, "judge-level")
	},
	Maintain: func(e Entry) bool {
		return e.Act == ActMaintain || e.Act == ActResume || e.Act == ActPreventRecurrence && strings.HasPrefix(e.Detail, "consider: ")
	},
	CheckIntegrity:  acts(ActIntegrityCheck),
	Resume:          acts(ActResume),
	RunPlaybook:     acts(ActPlaybook),
	ReportSituation: acts(ActScheduledReport, ActProgressReport),
	RevokeCard:      acts(ActRevoke),
	RecoverSystem:   acts(ActRecover), // of the plan's actor of the duty: dutyOf
	RecoverPlatform: acts(ActRecover),
	Secretariat:     func(e Entry) bool { return e.Act == ActFlow && strings.Contains(e.Detail, " (by the ") },
}

// dutyOf tells the entries duty d decides the actor of under p: those of
// dutyActs, except that resumption is maintenance's only while p states no
// Resume of its own, and a recovery is the duty's when p's actor of it
// recovers.
func dutyOf(p Plan, d Duty) func(Entry) bool {
	if _, own := p.Duty(Resume); d == Maintain && own {
		return func(e Entry) bool { return e.Act != ActResume && dutyActs[Maintain](e) }
	}
	if d == RecoverSystem || d == RecoverPlatform {
		// A recovery is the system's or the platform's by who recovers it
		// under p (nakano: the owning division's head, the provider).
		a, _ := p.Duty(d)
		return func(e Entry) bool { return dutyActs[d](e) && e.Actor == a.Actor }
	}
	return dutyActs[d]
}

// TestDutiesDecideTheActors: giving a duty to another actor changes exactly
// the entries of that duty, in each built-in drill that has them.
func TestDutiesDecideTheActors(t *testing.T) {
	seen := map[Duty]bool{}
	for _, id := range ScenarioIDs() {
		base := runBuiltin(t, id)
		s, _ := ScenarioByID(id)
		p, _ := Reference(s.Plan)
		for d := range dutyActs {
			of := dutyOf(p, d)
			x := council.ByParty(council.Police) // in no reference plan's duties
			tl, err := Run(withDuty(p, d, x), s)
			if err != nil {
				t.Fatal(err)
			}
			n := checkRenamed(t, base, tl, of, x)
			seen[d] = seen[d] || n > 0
		}
	}
	for d := range dutyActs {
		if !seen[d] {
			t.Errorf("no built-in drill has an entry of duty %v", d)
		}
	}
}

// checkRenamed checks that tl is base with the actor of every entry of the
// duty (of) replaced by x, and returns how many were.
func checkRenamed(t interface {
	Helper()
	Fatalf(string, ...any)
}, base, tl Timeline, of func(Entry) bool, x council.Actor) int {
	t.Helper()
	if len(tl.Entries) != len(base.Entries) {
		t.Fatalf("%s: %d entries; want %d", base.Scenario, len(tl.Entries), len(base.Entries))
	}
	n := 0
	for i, e := range tl.Entries {
		want := base.Entries[i]
		if of(want) {
			want.Actor = x
			n++
		}
		if diff := cmp.Diff(want, e); diff != "" {
			t.Fatalf("%s: entry %d (-want +got):\n%s", base.Scenario, i, diff)
		}
	}
	return n
}

// TestDutiesRenamedProperty: for any drawn drill, giving one duty to any
// actor renames the actor of that duty's entries and nothing else.
func TestDutiesRenamedProperty(t *testing.T) {
	var duties []Duty
	for _, d := range AllDuties() {
		if _, ok := dutyActs[d]; ok {
			duties = append(duties, d)
		}
	}
	var actors []council.Actor
	for _, r := range council.AllRoles() {
		actors = append(actors, council.ByRole(r))
	}
	for _, p := range council.AllParties() {
		actors = append(actors, council.ByParty(p))
	}
	rapid.Check(t, func(t *rapid.T) {
		p, s := genScenario(t)
		base, err := Run(p, s)
		if err != nil {
			t.Skip("the plan does not handle the drawn scenario")
		}
		d := rapid.SampledFrom(duties).Draw(t, "duty")
		x := rapid.SampledFrom(actors).Draw(t, "actor")
		tl, err := Run(withDuty(p, d, x), s)
		if err != nil {
			t.Fatalf("with %v by %v: %v", d, x, err)
		}
		checkRenamed(t, base, tl, dutyOf(p, d), x)
	})
}

// town is nakano's plan with contact rules, report slots, horizons and
// order clauses of its own, under another plan ID.
func town(t *testing.T, edit func(*Continuity)) Plan {
	t.Helper()
	p := Nakano()
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	p, err = ParsePlan([]byte(strings.ReplaceAll(string(b), `"nakano`, `"town`)))
	if err != nil {
		t.Fatal(err)
	}
	edit(p.Continuity)
	return p
}

// TestDrillReadsThePlan: a plan whose contact rules, report slots and order
// clauses differ from nakano's drives the drill by its own data.
func TestDrillReadsThePlan(t *testing.T) {
	s, err := ScenarioByID("nakano-iaas-outage")
	if err != nil {
		t.Fatal(err)
	}
	s.Plan = "town"
	cite := func(c string) council.Citations { return council.Cites(council.Cite("town", c)) }
	tests := []struct {
		name  string
		edit  func(*Continuity)
		check func(t *testing.T, tl Timeline)
	}{
		{
			name: "contacts/owners-by-fax",
			edit: func(c *Continuity) {
				for i, r := range c.Contacts {
					if r.Contact.Audience == SystemOwners {
						c.Contacts[i].Contact.Channel = Fax
					}
				}
			},
			check: func(t *testing.T, tl Timeline) {
				n := 0
				for _, e := range tl.Entries {
					if e.Actor == council.ByRole(termRole(t, Nakano(), "info-systems-division")) && e.To == council.ByRole(termRole(t, Nakano(), "owning-division-head")) {
						n++
						if e.Channel != Fax {
							t.Errorf("%v by %v: channel %v; want fax", e.Act, e.Actor, e.Channel)
						}
					}
				}
				if n == 0 {
					t.Error("no report to the owners")
				}
			},
		},
		{
			name: "contacts/no-crisis-management",
			edit: func(c *Continuity) {
				var keep []ContactRule
				for _, r := range c.Contacts {
					if r.Contact.Audience != CrisisManagement {
						keep = append(keep, r)
					}
				}
				c.Contacts = keep
			},
			check: func(t *testing.T, tl Timeline) {
				for _, e := range tl.Entries {
					if e.To == council.ByRole(termRole(t, Nakano(), "crisis-management-division")) {
						t.Errorf("a report to crisis management the plan does not choose: %v", e.Line(English))
					}
				}
			},
		},
		{
			name: "contacts/pattern-b-only-in-pattern-b",
			edit: func(c *Continuity) {
				for i, r := range c.Contacts {
					if r.Contact.Audience == WardWide && r.Pattern == PatternB {
						c.Contacts[i].Contact.Channel, c.Contacts[i].Contact.Citations = MailingList, cite("連絡2")
					}
				}
			},
			check: func(t *testing.T, tl Timeline) {
				groupware := day(1, 10, 0) // the groupware is back from here
				n := 0
				for _, e := range tl.Entries {
					if e.Act == ActNotify && e.Actor == council.ByRole(termRole(t, Nakano(), "info-systems-division")) && e.To == (council.Actor{}) {
						n++
						if got := e.Channel == MailingList; got != !e.At.Before(groupware) {
							t.Errorf("ward-wide notice at %v by %v", e.At, e.Channel)
						}
					}
				}
				if n != 2 {
					t.Errorf("%d ward-wide notices; want 2 (patterns a and b)", n)
				}
			},
		},
		{
			name: "schedule/two-slots",
			edit: func(c *Continuity) {
				c.Schedule.Slots = []time.Duration{9 * time.Hour, 17*time.Hour + 30*time.Minute}
				c.Schedule.Citations = cite("連絡頻度")
			},
			check: func(t *testing.T, tl Timeline) {
				n := 0
				for _, e := range tl.Entries {
					if e.Act != ActScheduledReport || !strings.HasPrefix(e.Detail, "recovery time unknown") {
						continue
					}
					n++
					if hm := e.At.Format("15:04"); hm != "09:00" && hm != "17:30" {
						t.Errorf("scheduled report at %s, outside the plan's slots", hm)
					}
					if !e.Cites.Equal(cite("連絡頻度")) {
						t.Errorf("scheduled report cites %v", e.Cites)
					}
				}
				// 04-01 07:30 to 04-02 15:30, unknown: 09:00, 17:30, 09:00.
				if n != 3 {
					t.Errorf("%d scheduled reports while unknown; want 3", n)
				}
			},
		},
		{
			name: "schedule/no-slots",
			edit: func(c *Continuity) { c.Schedule.Slots = nil },
			check: func(t *testing.T, tl Timeline) {
				for _, e := range tl.Entries {
					if e.Act == ActScheduledReport && strings.HasPrefix(e.Detail, "recovery time unknown") {
						t.Errorf("a scheduled report at %v without slots", e.At)
					}
				}
				if !slicesContainsAct(tl, ActProgressReport) {
					t.Error("no progress report")
				}
			},
		},
		{
			name: "order/own-clauses",
			edit: func(c *Continuity) {
				c.Order = []OrderClause{{Cite: council.Cite("town", "優先順位"), Reasons: ReasonsOf(ReasonScale)}}
			},
			check: func(t *testing.T, tl Timeline) {
				n := 0
				for _, e := range tl.Entries {
					if e.Act == ActRecover {
						n++
						if !e.Cites.Equal(cite("優先順位")) {
							t.Errorf("recovery %s cites %v", e.Detail, e.Cites)
						}
					}
				}
				if n != 39 {
					t.Errorf("%d recovery entries; want 39", n)
				}
			},
		},
		{
			name: "order/no-clauses-cites-the-inventory",
			edit: func(c *Continuity) { c.Order = nil },
			check: func(t *testing.T, tl Timeline) {
				for _, e := range tl.Entries {
					if e.Act == ActRecover && !e.Cites.Equal(council.Cites(council.Cite("town", "統合仮想サーバ 1"), council.Cite("town", "統合仮想サーバ 図4"))) {
						t.Errorf("recovery %s cites %v", e.Detail, e.Cites)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Run(town(t, tt.edit), s)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range tl.Entries {
				if ps := e.Cites.Plans(); len(ps) != 1 || ps[0] != "town" {
					t.Errorf("entry cites %v: %s", ps, e.Line(English))
				}
			}
			tt.check(t, tl)
		})
	}
}

func slicesContainsAct(tl Timeline, a Act) bool {
	for _, e := range tl.Entries {
		if e.Act == a {
			return true
		}
	}
	return false
}

// TestContactFor: the rule of the pattern that fits the services up best.
func TestContactFor(t *testing.T) {
	c := Nakano().Continuity
	for _, tt := range []struct {
		name string
		a    Audience
		up   Services
		want Channel
		ok   bool
	}{
		{"nakano:統合仮想サーバ 3(3)①イ/pattern-a", SystemOwners, 0, PhoneAndPaper, true},
		{"nakano:統合仮想サーバ 3(3)①イ/pattern-b", SystemOwners, ServicesOf(Groupware), PhoneAndPaper, true},
		{"nakano:統合仮想サーバ 3(3)①イ/pattern-c", SystemOwners, ServicesOf(Groupware, Mail, FileServer, Internet), GroupwareMail, true},
		{"nakano:統合仮想サーバ 3(3)①ア/between-b-and-c", WardWide, ServicesOf(Groupware, Mail), WardCabinet, true},
		{"nakano:統合仮想サーバ 3(3)①ウ/mail-alone-is-pattern-a", ToProvider, ServicesOf(Mail), Phone, true},
		{"no-rule", Audience(0), 0, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := c.ContactFor(tt.a, tt.up)
			if ok != tt.ok || got.Channel != tt.want {
				t.Errorf("ContactFor(%v, %v) = %v, %v; want %v, %v", tt.a, tt.up, got.Channel, ok, tt.want, tt.ok)
			}
		})
	}
	var none *Continuity
	if _, ok := none.ContactFor(WardWide, 0); ok {
		t.Error("a nil continuity part chooses a contact")
	}
	if n := testing.AllocsPerRun(100, func() { c.ContactFor(SystemOwners, ServicesOf(Groupware)) }); n != 0 {
		t.Errorf("ContactFor allocates %v times", n)
	}
}

// TestReportsUseThePlanSlots: the schedule is the plan's, not nakano's.
func TestReportsUseThePlanSlots(t *testing.T) {
	w := Window{Detected: at(1, 0, 0), Recovered: at(3, 0, 0)}
	for _, tt := range []struct {
		name  string
		slots []time.Duration
		want  []string
	}{
		{"nakano", nakanoSlots(), []string{"1 08:15", "1 12:00", "1 16:00", "2 08:15", "2 12:00", "2 16:00"}},
		{"one-slot", []time.Duration{10 * time.Hour}, []string{"1 10:00", "2 10:00"}},
		{"midnight", []time.Duration{0}, []string{"1 00:00", "2 00:00"}},
		{"none", nil, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := ReportPlan{Slots: tt.slots}.Reports(w)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rs {
				got = append(got, r.At.Format("2 15:04"))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("reports (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := (ReportPlan{Slots: []time.Duration{12 * time.Hour, 8 * time.Hour}}).Reports(w); err == nil {
		t.Error("slots out of order accepted")
	}
	if _, err := (ReportPlan{Slots: []time.Duration{25 * time.Hour}}).Reports(w); err == nil {
		t.Error("a slot outside the day accepted")
	}
}

// planConstant reports whether x names a plan ID constant: council.PlanIno
// and the like, or PlanIno inside package council.
func planConstant(x ast.Expr) bool {
	var name string
	switch x := x.(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.SelectorExpr:
		if pkg, ok := x.X.(*ast.Ident); ok && pkg.Name == "council" {
			name = x.Sel.Name
		}
	}
	return slices.ContainsFunc(reference.IDs(), func(id string) bool {
		return name == "Plan"+strings.ToUpper(id[:1])+id[1:]
	})
}

// planBranches returns where n compares with a plan ID constant or has a
// case on one.
func planBranches(n ast.Node) []token.Pos {
	var out []token.Pos
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (planConstant(n.X) || planConstant(n.Y)) {
				out = append(out, n.Pos())
			}
		case *ast.CaseClause:
			for _, x := range n.List {
				if planConstant(x) {
					out = append(out, x.Pos())
				}
			}
		}
		return true
	})
	return out
}

// presetBranches are the functions allowed to branch on a plan ID: the
// per-plan preset constructors of the domain packages, which build one
// reference plan's part by its ID.
var presetBranches = map[string]bool{
	"measures.EmergencyMeasures": true,
	"measures.FollowUp":          true,
}

// TestNoBranchOnPlanID: no non-test Go file of bcp, nor of the engine code
// of the domain packages, compares with a plan ID constant or switches on
// one: the engine reads the plan, and only the plan.
func TestNoBranchOnPlanID(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	for _, dir := range []string{".", "../council", "../fault", "../threat", "../measures"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := goparser.ParseFile(fset, name, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			checked++
			for _, d := range f.Decls {
				where := f.Name.Name
				if fn, ok := d.(*ast.FuncDecl); ok {
					where += "." + fn.Name.Name
				}
				if presetBranches[where] {
					continue
				}
				for _, pos := range planBranches(d) {
					t.Errorf("%s (%s): a branch on a plan ID", fset.Position(pos), where)
				}
			}
		}
	}
	if checked < 40 {
		t.Fatalf("only %d files checked", checked)
	}
}

// TestPlanBranchDetector: the detector finds what it looks for, and only that.
func TestPlanBranchDetector(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want int
	}{
		{`package x; func f(id string) bool { return id == council.PlanTottori }`, 1},
		{`package x; func f(id string) bool { return council.PlanKumiyama != id }`, 1},
		{`package x; func f(id string) int { switch id { case "a", council.PlanNakano: return 1 }; return 0 }`, 1},
		{`package x; func f(id string) bool { return id == "x" }`, 0},
		{`package x; var p = council.Cite(council.PlanIno, "第1条")`, 0},
		{`package council; func f(id string) int { switch id { case PlanIno: return 1 }; return 0 }`, 1},
		{`package x; func f(p Plan) bool { return p.PlanRequired == PlanB }`, 0},
	} {
		f, err := goparser.ParseFile(token.NewFileSet(), "x.go", tt.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(planBranches(f)); got != tt.want {
			t.Errorf("%s: %d branches; want %d", tt.src, got, tt.want)
		}
	}
}
