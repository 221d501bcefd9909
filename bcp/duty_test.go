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
