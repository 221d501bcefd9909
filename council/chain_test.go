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

func TestPathToChief(t *testing.T) {
	for _, tc := range []struct {
		name  string
		org   Organization
		from  Role
		want  []Role
		cites []string
	}{
		{"tottori:第2-2(2)/operator", tottori(), Operator,
			[]Role{Operator, Staff, SystemAdministrator, SecurityChief},
			[]string{"tottori:第2-2(2)", "tottori:第2-2(1)", "tottori:第2-4(1)"}},
		{"ino:第3条(1)/staff", ino(), Staff,
			[]Role{Staff, SystemAdministrator, SecurityChief}, []string{"ino:第3条(1)", "ino:第4条"}},
		{"ino:第11条/identity-info-manager", ino(), IdentityInfoManager,
			[]Role{IdentityInfoManager, SecurityChief}, []string{"ino:第11条"}},
		{"kumiyama:第3条1項/deputy", kumiyama(), DeputySecurityChief,
			[]Role{DeputySecurityChief, SecurityChief}, []string{"kumiyama:第3条1項"}},
		{"kumiyama:第14条/info-protection-manager", kumiyama(), InfoProtectionManager,
			[]Role{InfoProtectionManager, SecurityChief}, []string{"kumiyama:第14条"}},
		{"kumamoto:4(2)/staff-shortest", kumamoto(), Staff,
			[]Role{Staff, SecurityOfficers}, []string{"kumamoto:4(2)"}},
		{"kumamoto:4(1)(ウ)/section-manager", kumamoto(), SectionManager,
			[]Role{SectionManager, SecurityOfficers}, []string{"kumamoto:4(1)(ウ)"}},
		{"kumamoto:4(1) 緊急対応策(ウ)(b)/info-policy-division", kumamoto(), infoPolicyDivision,
			[]Role{infoPolicyDivision, SecurityOfficers}, []string{"kumamoto:4(1) 緊急対応策(ウ)(b)"}},
		{"nakano:ICT-BCP 8(10)/system-staff", nakano(), systemStaff,
			[]Role{systemStaff, systemManager, owningDivisionHead, mayor},
			[]string{"nakano:ICT-BCP 8(10)", "nakano:ICT-BCP 8(9)", "nakano:ICT-BCP 7(2)"}},
		{"tottori:第2-4(1)/chief-itself", tottori(), SecurityChief, []Role{SecurityChief}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := tc.org.Chain.PathToChief(tc.from)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, p.Roles()); diff != "" {
				t.Errorf("path (-want +got):\n%s", diff)
			}
			var cites []string
			for _, c := range p.Cites().All() {
				cites = append(cites, c.String())
			}
			if diff := cmp.Diff(tc.cites, cites, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("cites (-want +got):\n%s", diff)
			}
			if p.Len() != len(tc.want) || p.At(0) != tc.from || p.At(p.Len()-1) != tc.org.Chain.Chief || p.At(-1) != 0 || p.At(p.Len()) != 0 {
				t.Errorf("Len/At disagree with %v", p)
			}
			for i := range p.Len() - 1 {
				if p.Step(i).String() != tc.cites[i] {
					t.Errorf("Step(%d) = %v", i, p.Step(i))
				}
			}
			if p.Step(p.Len() - 1).IsValid() {
				t.Error("step past the chief")
			}
		})
	}
	if p, _ := tottori().Chain.PathToChief(Operator); p.String() != "operator → staff → system-administrator → security-chief" {
		t.Errorf("String = %q", p.String())
	}
	for _, tc := range []struct {
		name string
		from Role
		want error
	}{
		{"zero", 0, ErrUnknownRole},
		{"out-of-range", 200, ErrUnknownRole},
		{"tottori:not-in-chain/mayor", mayor, ErrUnreachable},
	} {
		t.Run("error/"+tc.name, func(t *testing.T) {
			if _, err := tottori().Chain.PathToChief(tc.from); !errors.Is(err, tc.want) || !strings.HasPrefix(err.Error(), "council: ") {
				t.Errorf("error = %v; want %v", err, tc.want)
			}
		})
	}
	if _, err := (Chain{Plan: "x"}).PathToChief(Staff); !errors.Is(err, ErrInvalid) {
		t.Errorf("chain without chief: %v", err)
	}
}

func TestMustTell(t *testing.T) {
	for _, tc := range []struct {
		name    string
		org     Organization
		trigger Trigger
		roles   Roles
		parties Parties
	}{
		{"tottori:第2-2/fault", tottori(), AnyFault, RolesOf(Staff, SystemAdministrator), 0},
		{"tottori:第2-4(1)/serious-fault", tottori(), SeriousFault, RolesOf(Staff, SystemAdministrator, SecurityChief), 0},
		{"tottori:第3-3,第3-6(1)/level-3", tottori(), ThreatLevel3,
			RolesOf(SystemAdministrator, SecurityChief), PartiesOf(Contractor, NationalCenter)},
		{"tottori:第3-5(1)/level-1", tottori(), ThreatLevel1, RolesOf(SystemAdministrator, SecurityChief), PartiesOf(Contractor)},
		{"ino:第11条/serious-threat", ino(), SeriousThreat, RolesOf(SystemAdministrator, SecurityChief), 0},
		{"ino:第3条/fault", ino(), AnyFault, RolesOf(SystemAdministrator), 0},
		{"kumiyama:第6条5項/request-is-judgement", kumiyama(), AnyFault, 0, 0},
		{"kumamoto:4(1)(ウ)/level-2", kumamoto(), ThreatLevel2,
			RolesOf(SectionManager, SecurityOfficers, regionalPolicyDivision, chuoWardResidentsDivision, infoPolicyDivision), 0},
		{"kumamoto:4(1)(ウ)/level-1-stays-in-section", kumamoto(), ThreatLevel1, RolesOf(SectionManager), 0},
		{"kumamoto:4(2)/fault", kumamoto(), AnyFault, RolesOf(SectionManager, SecurityOfficers), 0},
		{"nakano:ICT-BCP 6(3)エ/fault", nakano(), AnyFault, RolesOf(crisisManagementDivision), PartiesOf(tokyoICTDepartment, nisc, micOffice)},
		{"nakano:ICT-BCP 6(3)カ/specific-info-leak", nakano(), SpecificInfoLeak,
			RolesOf(crisisManagementDivision, deputyMayor, owningDepartmentHead), PartiesOf(ppc, tokyoGeneralAffairsDivision)},
		{"nakano:none/routine", nakano(), Routine, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, ps := tc.org.Chain.MustTell(tc.trigger)
			if rs != tc.roles || ps != tc.parties {
				t.Errorf("MustTell = %v %v; want %v %v", rs, ps, tc.roles, tc.parties)
			}
			// Every required recipient comes from a cited notice on the trigger.
			for _, n := range tc.org.Chain.NoticesOn(tc.trigger) {
				if !n.On.Has(tc.trigger) || !n.Cite.IsValid() {
					t.Errorf("NoticesOn gave %+v", n)
				}
				if !n.AsNeeded && !rs.Has(n.To.Role) && !ps.Has(n.To.Party) {
					t.Errorf("notice %+v not counted", n)
				}
			}
		})
	}
	t.Run("kumamoto:3/as-needed-parties", func(t *testing.T) {
		var ps Parties
		for _, n := range kumamoto().Chain.NoticesOn(ThreatLevel3) {
			if n.AsNeeded {
				ps = ps.With(n.To.Party)
			}
		}
		if want := PartiesOf(Police, prDivision, RelatedBodies, affectedPersons); ps != want {
			t.Errorf("as-needed parties = %v; want %v", ps, want)
		}
	})
}

func TestChainValidate(t *testing.T) {
	c := func(cl string) Citation { return Cite("x", cl) }
	base := func() Chain {
		return Chain{Plan: "x", Chief: SecurityChief, Edges: []Edge{
			{From: Operator, To: Staff, Cite: c("1")},
			{From: Staff, To: SystemAdministrator, Cite: c("2")},
			{From: SystemAdministrator, To: SecurityChief, Cite: c("3")},
		}}
	}
	if err := base().Validate(); err != nil {
		t.Fatalf("base: %v", err)
	}
	for _, tc := range []struct {
		name  string
		edit  func(*Chain)
		want  error
		words []string
	}{
		{"cycle", func(ch *Chain) {
			ch.Edges = append(ch.Edges, Edge{From: SystemAdministrator, To: Operator, Cite: c("4")})
		},
			ErrCycle, []string{"cycle system-administrator → operator → staff → system-administrator"}},
		{"self-loop", func(ch *Chain) { ch.Edges = append(ch.Edges, Edge{From: Staff, To: Staff, Cite: c("4")}) },
			ErrCycle, []string{"cycle staff → staff"}},
		{"unreachable", func(ch *Chain) { ch.Edges = append(ch.Edges, Edge{From: mayor, To: deputyMayor, Cite: c("4")}) },
			ErrUnreachable, []string{"role " + mayor.String(), "role " + deputyMayor.String()}},
		{"unknown-role", func(ch *Chain) { ch.Edges = append(ch.Edges, Edge{From: 99, To: Staff, Cite: c("4")}) },
			ErrUnknownRole, []string{"edge 3", "Role(99)"}},
		{"uncited", func(ch *Chain) { ch.Edges[1].Cite = Citation{} }, ErrUncited, []string{"edge 1"}},
		{"foreign-citation", func(ch *Chain) { ch.Edges[1].Cite = Cite(PlanIno, "第4条") }, ErrUncited, []string{"ino:第4条"}},
		{"no-chief", func(ch *Chain) { ch.Chief = 0 }, ErrInvalid, []string{"chief"}},
		{"notice-by-stranger", func(ch *Chain) {
			ch.Notices = append(ch.Notices, Notice{On: TriggersOf(AnyFault), By: mayor, To: ByParty(Police), Cite: c("5")})
		}, ErrUnknownRole, []string{"notice 0", mayor.String()}},
		{"notice-to-stranger", func(ch *Chain) {
			ch.Notices = append(ch.Notices, Notice{On: TriggersOf(AnyFault), By: Staff, To: ByRole(mayor), Cite: c("5")})
		}, ErrUnknownRole, []string{"notice 0"}},
		{"notice-no-trigger", func(ch *Chain) {
			ch.Notices = append(ch.Notices, Notice{By: Staff, To: ByParty(Police), Cite: c("5")})
		}, ErrInvalid, []string{"no trigger"}},
		{"notice-invalid-actor", func(ch *Chain) {
			ch.Notices = append(ch.Notices, Notice{On: TriggersOf(AnyFault), By: Staff, Cite: c("5")})
		}, ErrInvalid, []string{"notice 0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ch := base()
			tc.edit(&ch)
			err := ch.Validate()
			if !errors.Is(err, tc.want) {
				t.Fatalf("error = %v; want %v", err, tc.want)
			}
			for _, w := range tc.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// everyValue returns every valid value of an open enum in ascending order:
// the engine's named values and every value a plan may declare, up to 63.
func everyValue[E interface {
	~uint8
	IsValid() bool
}]() []E {
	var out []E
	for v := E(1); v < 64; v++ {
		if v.IsValid() {
			out = append(out, v)
		}
	}
	return out
}

// genChain draws a valid chain: roles in a random order, the first is the
// chief, and every later role reports to one or more earlier ones. The
// roles are named or plan-declared alike.
func genChain(t *rapid.T) Chain {
	roles := rapid.Permutation(everyValue[Role]()).Draw(t, "roles")
	n := rapid.IntRange(1, len(roles)).Draw(t, "n")
	roles = roles[:n]
	ch := Chain{Plan: "gen", Chief: roles[0]}
	for i := 1; i < n; i++ {
		k := rapid.IntRange(1, min(i, 3)).Draw(t, "fanout")
		for _, j := range rapid.SliceOfNDistinct(rapid.IntRange(0, i-1), k, k, func(j int) int { return j }).Draw(t, "to") {
			ch.Edges = append(ch.Edges, Edge{From: roles[i], To: roles[j], Cite: Cite("gen", roles[i].String())})
		}
	}
	return ch
}

func TestChainProperties(t *testing.T) {
	t.Run("ValidChainPathsReachTheChief", rapid.MakeCheck(func(t *rapid.T) {
		ch := genChain(t)
		if err := ch.Validate(); err != nil {
			t.Fatalf("generated chain invalid: %v", err)
		}
		for r := range ch.Nodes().All() {
			p, err := ch.PathToChief(r)
			if err != nil {
				t.Fatal(err)
			}
			if p.At(0) != r || p.At(p.Len()-1) != ch.Chief {
				t.Fatalf("path %v does not run from %v to the chief %v", p, r, ch.Chief)
			}
			for i := range p.Len() - 1 {
				if !ch.ReportsTo(p.At(i)).Has(p.At(i + 1)) {
					t.Fatalf("path %v: step %d is not an edge", p, i)
				}
			}
			if len(slices.Compact(slices.Sorted(slices.Values(p.Roles())))) != p.Len() {
				t.Fatalf("path %v repeats a role", p)
			}
		}
	}))
	t.Run("InjectedCycleIsFound", rapid.MakeCheck(func(t *rapid.T) {
		ch := genChain(t)
		nodes := slices.Collect(ch.Nodes().All())
		u := rapid.SampledFrom(nodes).Draw(t, "u")
		// v must reach u so that u → v closes a loop: u itself or a role below it.
		var below []Role
		for _, r := range nodes {
			if p, err := (Chain{Plan: ch.Plan, Chief: u, Edges: ch.Edges}).PathToChief(r); err == nil && p.Len() > 0 {
				below = append(below, r)
			}
		}
		v := rapid.SampledFrom(below).Draw(t, "v")
		ch.Edges = append(ch.Edges, Edge{From: u, To: v, Cite: Cite("gen", "injected")})
		err := ch.Validate()
		if !errors.Is(err, ErrCycle) {
			t.Fatalf("cycle %v → %v not found: %v", u, v, err)
		}
		cycles := cycleErrors(err)
		if len(cycles) == 0 {
			t.Fatal("no *CycleError")
		}
		for _, ce := range cycles {
			cy := ce.Cycle
			if len(cy) < 2 || cy[0] != cy[len(cy)-1] {
				t.Fatalf("cycle %v is not closed", cy)
			}
			usesNew := false
			for i := range len(cy) - 1 {
				if !ch.ReportsTo(cy[i]).Has(cy[i+1]) {
					t.Fatalf("cycle %v: %v → %v is not an edge", cy, cy[i], cy[i+1])
				}
				usesNew = usesNew || cy[i] == u && cy[i+1] == v
				if !strings.Contains(ce.Error(), cy[i].String()) {
					t.Fatalf("message %q does not name %v", ce.Error(), cy[i])
				}
			}
			if !usesNew {
				t.Fatalf("cycle %v does not use the injected edge %v → %v", cy, u, v)
			}
		}
	}))
}

// cycleErrors collects every *CycleError in an errors.Join tree.
func cycleErrors(err error) []*CycleError {
	var out []*CycleError
	if ce, ok := err.(*CycleError); ok {
		return append(out, ce)
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, cycleErrors(e)...)
		}
	}
	return out
}

func TestChainNoAllocs(t *testing.T) {
	ch := nakano().Chain
	if n := testing.AllocsPerRun(100, func() {
		if _, err := ch.PathToChief(systemStaff); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("PathToChief allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { ch.MustTell(SpecificInfoLeak) }); n != 0 {
		t.Errorf("MustTell allocates %v times", n)
	}
}

// nakano ICT-BCP 7(2): 第1報を受けた総務部（危機管理課）は、その内容等により、
// 区長・副区長に直ちに報告すべきであると判断される場合は、その旨を主管課長に伝える。
// The crisis management division tells the owning division head; it does
// not report to the mayor or the deputy mayor itself.
func TestNakanoICTBCP7_2(t *testing.T) {
	c := nakano().Chain
	seven2 := Cite(PlanNakano, "ICT-BCP 7(2)")
	t.Run("nakano:ICT-BCP 7(2)/division-tells-owning-division-head", func(t *testing.T) {
		var got []Notice
		for _, n := range c.Notices {
			if n.Cite == seven2 {
				got = append(got, n)
			}
		}
		incidents := TriggersOf(SecurityIncident, LargeIncident, AnyFault, InfoLeak, SpecificInfoLeak, UnauthorizedAct)
		want := []Notice{
			{On: incidents, By: crisisManagementDivision, To: ByRole(owningDivisionHead), AsNeeded: true, Cite: seven2},
			{On: incidents, By: owningDivisionHead, To: ByRole(mayor), AsNeeded: true, Cite: seven2},
			{On: incidents, By: owningDivisionHead, To: ByRole(deputyMayor), AsNeeded: true, Cite: seven2},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("7(2) notices (-want +got):\n%s", diff)
		}
	})
	t.Run("nakano:ICT-BCP 7(2)/division-reports-to-neither-mayor-nor-deputy", func(t *testing.T) {
		for _, e := range c.Edges {
			if e.From == crisisManagementDivision && e.Cite == seven2 {
				t.Errorf("edge %s → %s cites 7(2)", e.From, e.To)
			}
			// The one edge up from the division is the library's reading
			// (8(5)【緊急時】エ: secretariat of the mayor-led structure).
			if e.From == crisisManagementDivision && (e.To != mayor || !e.Reading || e.Cite != Cite(PlanNakano, "ICT-BCP 8(5) 緊急時エ")) {
				t.Errorf("edge %+v: want the division → mayor, marked as the library's reading of 8(5) 緊急時エ", e)
			}
		}
		for _, n := range c.Notices {
			if n.By == crisisManagementDivision && (n.To == ByRole(mayor) || n.To == ByRole(deputyMayor)) {
				t.Errorf("notice %s → %s (%s)", n.By, n.To, n.Cite)
			}
		}
		if err := c.Validate(); err != nil {
			t.Error(err)
		}
	})
}
