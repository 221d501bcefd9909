package measures

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/council"
)

func keys(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Requirement.String() + "/" + f.Subject
	}
	return out
}

// compliant returns settings that meet every kumiyama requirement exactly at
// its figures.
func compliant() Settings {
	pw := Password{Expires: true, MinLength: 8, LockoutAfter: 3, InitialChanged: true, TemporaryChangedAtFirstLogon: true}
	return Settings{
		CardPassword: pw, OSPassword: pw,
		Cards:                Cards{LentPerTask: true, ApprovedOnly: true, OnePerPerson: true, ReturnedAtOnce: true, RevokedOnLoss: true, RecordYears: 7},
		Level2Rooms:          Zone{PriorPermission: true, CardPerEntry: true, NameTag: true, EntryRecords: true, RecordYears: 7},
		Level1Rooms:          Zone{PriorPermission: true, NameTag: true},
		OperationLogYears:    7,
		TerminalHours:        Hours{Open: 8*time.Hour + 30*time.Minute, Close: 17*time.Hour + 15*time.Minute},
		IdentityAssetManager: council.InfoProtectionManager,
		OtherAssetManager:    council.SystemAdministrator,
		Contracts:            []Contract{{Name: "maintenance", Clauses: ContractClauses}},
	}
}

func TestKumiyamaControls(t *testing.T) {
	if fs, err := Check(kumiyamaFile(), compliant()); err != nil || len(fs) != 0 {
		t.Fatalf("compliant settings: findings %v, error %v", fs, err)
	}
	for _, tc := range []struct {
		name   string
		breaks func(*Settings)
		want   []string
	}{
		{"kumiyama:第18条1項1号/card-password-expiry", func(s *Settings) { s.CardPassword.Expires = false }, []string{"card-password-expiry/card-password"}},
		{"kumiyama:第18条1項2号/card-password-7-chars", func(s *Settings) { s.CardPassword.MinLength = 7 }, []string{"card-password-length/card-password"}},
		{"kumiyama:第18条1項3号/card-password-lockout-4", func(s *Settings) { s.CardPassword.LockoutAfter = 4 }, []string{"card-password-lockout/card-password"}},
		{"kumiyama:第18条1項3号/card-password-no-lockout", func(s *Settings) { s.CardPassword.LockoutAfter = 0 }, []string{"card-password-lockout/card-password"}},
		{"kumiyama:第18条1項3号/lockout-2-is-stricter", func(s *Settings) { s.CardPassword.LockoutAfter = 2 }, nil},
		{"kumiyama:第20条の2 3項1号/os-password-expiry", func(s *Settings) { s.OSPassword.Expires = false }, []string{"os-password-expiry/os-password"}},
		{"kumiyama:第20条の2 3項2号/os-password-6-chars", func(s *Settings) { s.OSPassword.MinLength = 6 }, []string{"os-password-length/os-password"}},
		{"kumiyama:第20条の2 3項3号/os-password-no-lockout", func(s *Settings) { s.OSPassword.LockoutAfter = 0 }, []string{"os-password-lockout/os-password"}},
		{"kumiyama:第20条の2 3項4号/initial-password", func(s *Settings) { s.OSPassword.InitialChanged = false }, []string{"initial-password-changed/os-password"}},
		{"kumiyama:第20条の2 3項5号/temporary-password", func(s *Settings) { s.OSPassword.TemporaryChangedAtFirstLogon = false }, []string{"temporary-password-changed/os-password"}},
		{"kumiyama:第18条/card-password-initial-not-checked", func(s *Settings) { s.CardPassword.InitialChanged = false }, nil},
		{"kumiyama:第17条3項/card-per-task", func(s *Settings) { s.Cards.LentPerTask = false }, []string{"card-lent-per-task/ic-cards"}},
		{"kumiyama:第17条6項/card-approved", func(s *Settings) { s.Cards.ApprovedOnly = false }, []string{"card-approved-only/ic-cards"}},
		{"kumiyama:第17条3項/one-card-each", func(s *Settings) { s.Cards.OnePerPerson = false }, []string{"card-one-per-person/ic-cards"}},
		{"kumiyama:第17条7項/returned", func(s *Settings) { s.Cards.ReturnedAtOnce = false }, []string{"card-returned-at-once/ic-cards"}},
		{"kumiyama:第17条11項/revoked", func(s *Settings) { s.Cards.RevokedOnLoss = false }, []string{"card-revoked-on-loss/ic-cards"}},
		{"kumiyama:第10条2項/level2-permission", func(s *Settings) { s.Level2Rooms.PriorPermission = false }, []string{"level2-permission/level2-rooms"}},
		{"kumiyama:第12条2項/level2-card-per-entry", func(s *Settings) { s.Level2Rooms.CardPerEntry = false }, []string{"level2-card-per-entry/level2-rooms"}},
		{"kumiyama:第10条2項/level2-name-tag", func(s *Settings) { s.Level2Rooms.NameTag = false }, []string{"level2-name-tag/level2-rooms"}},
		{"kumiyama:第13条/level2-entry-records", func(s *Settings) { s.Level2Rooms.EntryRecords = false }, []string{"level2-entry-records/level2-rooms"}},
		{"kumiyama:第10条2項/level1-permission", func(s *Settings) { s.Level1Rooms.PriorPermission = false }, []string{"level1-permission/level1-rooms"}},
		{"kumiyama:第10条2項/level1-name-tag", func(s *Settings) { s.Level1Rooms.NameTag = false }, []string{"level1-name-tag/level1-rooms"}},
		{"kumiyama:第10条2項/level1-needs-no-card", func(s *Settings) { s.Level1Rooms.CardPerEntry = false }, nil},
		{"kumiyama:第13条/entry-records-6-years", func(s *Settings) { s.Level2Rooms.RecordYears = 6 }, []string{"entry-record-retention/entry-records"}},
		{"kumiyama:第17条17項/card-records-5-years", func(s *Settings) { s.Cards.RecordYears = 5 }, []string{"card-record-retention/card-records"}},
		{"kumiyama:第20条/operation-logs-3-years", func(s *Settings) { s.OperationLogYears = 3 }, []string{"operation-log-retention/operation-logs"}},
		{"kumiyama:第20条/operation-logs-10-years", func(s *Settings) { s.OperationLogYears = 10 }, nil},
		{"kumiyama:第23条/until-18:00", func(s *Settings) { s.TerminalHours.Close = 18 * time.Hour }, []string{"terminal-hours/terminals"}},
		{"kumiyama:第23条/from-8:00", func(s *Settings) { s.TerminalHours.Open = 8 * time.Hour }, []string{"terminal-hours/terminals"}},
		{"kumiyama:第23条/9:00-17:00-inside", func(s *Settings) { s.TerminalHours = Hours{Open: 9 * time.Hour, Close: 17 * time.Hour} }, nil},
		{"kumiyama:第23条/no-hours", func(s *Settings) { s.TerminalHours = Hours{} }, []string{"terminal-hours/terminals"}},
		{"kumiyama:第23条/holidays", func(s *Settings) { s.TerminalOnHolidays = true }, []string{"terminal-hours/terminal-holidays"}},
		{"kumiyama:第21条1項/identity-assets-by-sysadmin", func(s *Settings) { s.IdentityAssetManager = council.SystemAdministrator }, []string{"identity-asset-manager/identity-assets"}},
		{"kumiyama:第21条1項/other-assets-unassigned", func(s *Settings) { s.OtherAssetManager = 0 }, []string{"other-asset-manager/other-assets"}},
		{"kumiyama:第33条1号/subcontracting", func(s *Settings) { s.Contracts[0].Clauses = s.Contracts[0].Clauses.Without(ContractSubcontracting) }, []string{`contract-subcontracting/contracts[0] "maintenance"`}},
		{"kumiyama:第33条/empty-contract", func(s *Settings) {
			s.Contracts = append(s.Contracts, Contract{Name: "cleaning"})
		}, []string{
			`contract-subcontracting/contracts[1] "cleaning"`, `contract-materials/contracts[1] "cleaning"`, `contract-misuse/contracts[1] "cleaning"`,
			`contract-confidentiality/contracts[1] "cleaning"`, `contract-incident-report/contracts[1] "cleaning"`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := compliant()
			tc.breaks(&s)
			fs, err := Check(kumiyamaFile(), s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, keys(fs), cmpEmpty); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			for _, f := range fs {
				want := kumiyamaFile().Citations(f.Requirement)
				if f.Citations.Len() == 0 || !f.Citations.Equal(want) || f.Detail == "" {
					t.Errorf("%v: citations %v, want %v; detail %q", f.Requirement, f.Citations, want, f.Detail)
				}
			}
		})
	}
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return slices.Equal(a, b) })

func TestKumiyamaCitations(t *testing.T) {
	r := kumiyamaFile()
	for _, tc := range []struct {
		q    Requirement
		want string
	}{
		{CardPasswordLength, "kumiyama:第18条1項2号"},
		{OSPasswordLockout, "kumiyama:第20条の2 3項3号"},
		{Level2CardPerEntry, "kumiyama:第10条2項, kumiyama:第12条2項, kumiyama:第12条3項"},
		{EntryRecordRetention, "kumiyama:第13条"},
		{CardRecordRetention, "kumiyama:第17条17項"},
		{OperationLogRetention, "kumiyama:第20条"},
		{TerminalHours, "kumiyama:第23条"},
		{ContractIncidentReport, "kumiyama:第33条5号"},
	} {
		if got := r.Citations(tc.q).String(); got != tc.want {
			t.Errorf("%v cites %q; want %q", tc.q, got, tc.want)
		}
	}
	if r.Citations(0).Len() != 0 {
		t.Error("the zero requirement has citations")
	}
	if err := r.Validate(); err != nil {
		t.Errorf("kumiyamaFile() does not validate: %v", err)
	}
}

// Another municipality checks against its own figures and clauses.
func TestOwnRules(t *testing.T) {
	own := kumiyamaFile()
	own.MinPasswordLength = 12
	own.InForce = RequirementsOf(CardPasswordLength, OSPasswordLength)
	c := council.Cites(council.Cite("example-town", "第5条"))
	own = own.WithCitations(CardPasswordLength, c).WithCitations(OSPasswordLength, c)
	fs, err := Check(own, compliant())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"card-password-length/card-password", "os-password-length/os-password"}, keys(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for _, f := range fs {
		if !f.Citations.Equal(c) {
			t.Errorf("%v cites %v; want the town's own clause", f.Requirement, f.Citations)
		}
	}
	if kumiyamaFile().MinPasswordLength != 8 || kumiyamaFile().Citations(CardPasswordLength).String() != "kumiyama:第18条1項2号" {
		t.Error("changing a copy of kumiyama's rules changed the next one read")
	}
}

func TestRulesAndSettingsInvalid(t *testing.T) {
	bad := kumiyamaFile()
	bad.MinPasswordLength = 0
	bad.TerminalHours = Hours{Open: 18 * time.Hour, Close: 9 * time.Hour}
	bad.InForce |= 1 << 63
	bad = bad.WithCitations(CardRevokedOnLoss, council.Citations{}).WithCitations(ContractMaterials, council.Citations{})
	err := bad.Validate()
	if !errors.Is(err, ErrRules) {
		t.Fatalf("Validate() = %v; want ErrRules", err)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 5 {
		t.Errorf("Validate() named %d problems; want 5: %v", n, err)
	}
	if _, err := Check(bad, compliant()); !errors.Is(err, ErrRules) {
		t.Errorf("Check with bad rules: %v", err)
	}
	if fs, err := Check(Rules{}, Settings{}); err != nil || len(fs) != 0 {
		t.Errorf("zero rules check nothing: %v, %v", fs, err)
	}

	s := compliant()
	s.CardPassword.MinLength = -1
	s.OperationLogYears = -7
	s.TerminalHours = Hours{Open: -time.Hour, Close: time.Hour}
	s.OtherAssetManager = council.Role(200)
	s.Contracts = append(s.Contracts, Contract{Name: "x", Clauses: RequirementsOf(TerminalHours)})
	err = s.Validate()
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Settings.Validate() = %v; want ErrInvalid", err)
	}
	if n := len(err.(interface{ Unwrap() []error }).Unwrap()); n != 5 {
		t.Errorf("Settings.Validate() named %d problems; want 5: %v", n, err)
	}
}

// genStrictPair draws settings and a version stricter in every respect.
func genStrictPair(t *rapid.T) (lax, strict Settings) {
	roles := council.AllRoles()
	b := func(name string) (bool, bool) {
		l := rapid.Bool().Draw(t, name)
		return l, l || rapid.Bool().Draw(t, name+"+")
	}
	up := func(name string, max int) (int, int) {
		l := rapid.IntRange(0, max).Draw(t, name)
		return l, l + rapid.IntRange(0, max).Draw(t, name+"+")
	}
	pw := func(name string) (Password, Password) {
		var l, s Password
		l.Expires, s.Expires = b(name + ".expires")
		l.MinLength, s.MinLength = up(name+".len", 12)
		l.InitialChanged, s.InitialChanged = b(name + ".initial")
		l.TemporaryChangedAtFirstLogon, s.TemporaryChangedAtFirstLogon = b(name + ".temp")
		l.LockoutAfter = rapid.IntRange(0, 6).Draw(t, name+".lockout")
		switch {
		case l.LockoutAfter == 0:
			s.LockoutAfter = rapid.IntRange(0, 6).Draw(t, name+".lockout+")
		default:
			s.LockoutAfter = rapid.IntRange(1, l.LockoutAfter).Draw(t, name+".lockout+")
		}
		return l, s
	}
	zone := func(name string) (Zone, Zone) {
		var l, s Zone
		l.PriorPermission, s.PriorPermission = b(name + ".perm")
		l.CardPerEntry, s.CardPerEntry = b(name + ".card")
		l.NameTag, s.NameTag = b(name + ".tag")
		l.EntryRecords, s.EntryRecords = b(name + ".records")
		l.RecordYears, s.RecordYears = up(name+".years", 10)
		return l, s
	}
	role := func(name string, want council.Role) (council.Role, council.Role) {
		l := council.Role(0)
		if rapid.Bool().Draw(t, name+".set") {
			l = rapid.SampledFrom(roles).Draw(t, name)
		}
		if rapid.Bool().Draw(t, name+".fix") {
			return l, want
		}
		return l, l
	}
	lax.CardPassword, strict.CardPassword = pw("card")
	lax.OSPassword, strict.OSPassword = pw("os")
	lax.Cards.LentPerTask, strict.Cards.LentPerTask = b("lent")
	lax.Cards.ApprovedOnly, strict.Cards.ApprovedOnly = b("approved")
	lax.Cards.OnePerPerson, strict.Cards.OnePerPerson = b("one")
	lax.Cards.ReturnedAtOnce, strict.Cards.ReturnedAtOnce = b("returned")
	lax.Cards.RevokedOnLoss, strict.Cards.RevokedOnLoss = b("revoked")
	lax.Cards.RecordYears, strict.Cards.RecordYears = up("cardyears", 10)
	lax.Level2Rooms, strict.Level2Rooms = zone("l2")
	lax.Level1Rooms, strict.Level1Rooms = zone("l1")
	lax.OperationLogYears, strict.OperationLogYears = up("logs", 10)
	// hours: none (no restriction) is the laxest; a window inside another is stricter
	if rapid.Bool().Draw(t, "hours") {
		open := time.Duration(rapid.IntRange(0, 23*60).Draw(t, "open")) * time.Minute
		closeAt := open + time.Duration(rapid.IntRange(1, int((24*time.Hour-open)/time.Minute)).Draw(t, "close"))*time.Minute
		lax.TerminalHours = Hours{Open: open, Close: closeAt}
	}
	strict.TerminalHours = lax.TerminalHours
	if rapid.Bool().Draw(t, "narrow") {
		base := lax.TerminalHours
		if base == (Hours{}) {
			base = Hours{Close: 24 * time.Hour}
		}
		span := int((base.Close - base.Open) / time.Minute)
		a := rapid.IntRange(0, span-1).Draw(t, "na")
		z := rapid.IntRange(a+1, span).Draw(t, "nz")
		strict.TerminalHours = Hours{Open: base.Open + time.Duration(a)*time.Minute, Close: base.Open + time.Duration(z)*time.Minute}
	}
	strict.TerminalOnHolidays = rapid.Bool().Draw(t, "holidays")
	lax.TerminalOnHolidays = strict.TerminalOnHolidays || rapid.Bool().Draw(t, "holidays-")
	lax.IdentityAssetManager, strict.IdentityAssetManager = role("idmgr", council.InfoProtectionManager)
	lax.OtherAssetManager, strict.OtherAssetManager = role("othermgr", council.SystemAdministrator)
	clauses := slices.Collect(ContractClauses.All())
	n := rapid.IntRange(0, 3).Draw(t, "contracts")
	for i := range n {
		l := RequirementsOf(rapid.SliceOf(rapid.SampledFrom(clauses)).Draw(t, "clauses")...)
		s := l | RequirementsOf(rapid.SliceOf(rapid.SampledFrom(clauses)).Draw(t, "clauses+")...)
		name := string(rune('a' + i))
		lax.Contracts = append(lax.Contracts, Contract{Name: name, Clauses: l})
		strict.Contracts = append(strict.Contracts, Contract{Name: name, Clauses: s})
	}
	return lax, strict
}

func TestCheckProperties(t *testing.T) {
	t.Run("GeneratorValid", rapid.MakeCheck(func(t *rapid.T) {
		lax, strict := genStrictPair(t)
		if err := errors.Join(lax.Validate(), strict.Validate()); err != nil {
			t.Fatal(err)
		}
	}))
	t.Run("Monotone", rapid.MakeCheck(func(t *rapid.T) {
		lax, strict := genStrictPair(t)
		r := kumiyamaFile()
		if rapid.Bool().Draw(t, "custom") {
			r.MinPasswordLength = rapid.IntRange(1, 16).Draw(t, "minlen")
			r.LockoutAfter = rapid.IntRange(1, 6).Draw(t, "lockout")
			r.OperationLogYears = rapid.IntRange(1, 10).Draw(t, "years")
			r.InForce = RequirementsOf(rapid.SliceOf(rapid.SampledFrom(AllRequirements())).Draw(t, "inforce")...)
		}
		fl, err := Check(r, lax)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := Check(r, strict)
		if err != nil {
			t.Fatal(err)
		}
		kl := keys(fl)
		for _, k := range keys(fs) {
			if !slices.Contains(kl, k) {
				t.Fatalf("stricter settings found %q that the laxer did not (lax %v, strict %v)", k, kl, keys(fs))
			}
		}
	}))
	t.Run("EveryFindingCitedAndInForce", rapid.MakeCheck(func(t *rapid.T) {
		lax, strict := genStrictPair(t)
		r := kumiyamaFile()
		r.InForce = RequirementsOf(rapid.SliceOf(rapid.SampledFrom(AllRequirements())).Draw(t, "inforce")...)
		for _, s := range []Settings{lax, strict} {
			fs, err := Check(r, s)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if !r.InForce.Has(f.Requirement) || f.Citations.Len() == 0 || f.Citations.Plans()[0] != council.PlanKumiyama {
					t.Fatalf("finding %v: requirement not in force or uncited", f)
				}
			}
		}
	}))
}

func BenchmarkCheck(b *testing.B) {
	r, s := kumiyamaFile(), compliant()
	s.CardPassword.MinLength = 6
	s.Contracts = append(s.Contracts, Contract{Name: "cleaning"})
	b.ReportAllocs()
	for b.Loop() {
		if fs, err := Check(r, s); err != nil || len(fs) != 6 {
			b.Fatalf("Check = %d findings, %v", len(fs), err)
		}
	}
}
