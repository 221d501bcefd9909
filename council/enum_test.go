package council

import (
	"cmp"
	"errors"
	"iter"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// enumValue is the method set every enum of the package shares.
type enumValue interface {
	~uint8
	IsValid() bool
	String() string
	Label() string
	AppendText([]byte) ([]byte, error)
	MarshalText() ([]byte, error)
}

type unmarshaler[E any] interface {
	*E
	UnmarshalText([]byte) error
}

// checkEnum checks the text round trips of an enum: English name and
// Japanese label parse back, AppendText/MarshalText/String agree, zero and
// one past the end are invalid and refuse to encode, and bad text is refused
// without changing the target.
func checkEnum[E enumValue, P unmarshaler[E]](t *testing.T, all []E, parse func(string) (E, error)) {
	t.Helper()
	if len(all) == 0 || all[0] != 1 || !slices.IsSorted(all) {
		t.Fatalf("values %v do not start at 1 ascending", all)
	}
	t.Run("RoundTrip", rapid.MakeCheck(func(rt *rapid.T) {
		v := rapid.SampledFrom(all).Draw(rt, "v")
		if !v.IsValid() {
			rt.Fatalf("%d not valid", v)
		}
		b, err := v.MarshalText()
		if err != nil || string(b) != v.String() {
			rt.Fatalf("MarshalText = %q, %v; String = %q", b, err, v.String())
		}
		if a, err := v.AppendText([]byte("x:")); err != nil || string(a) != "x:"+v.String() {
			rt.Fatalf("AppendText = %q, %v", a, err)
		}
		var got E
		if err := P(&got).UnmarshalText(b); err != nil || got != v {
			rt.Fatalf("UnmarshalText(%q) = %v, %v", b, got, err)
		}
		if got, err := parse(v.Label()); err != nil || got != v {
			rt.Fatalf("parse(label %q) = %v, %v", v.Label(), got, err)
		}
		if v.Label() == v.String() {
			rt.Fatalf("%v has no Japanese label", v)
		}
	}))
	past := E(len(all) + 1)
	if past.IsValid() { // an open enum: the values past the named ones are a plan's
		if !strings.Contains(past.String(), "#") {
			t.Errorf("plan-declared %d prints as %q", past, past.String())
		}
		past = 64
	}
	for _, bad := range []E{0, past, 255} {
		if bad.IsValid() {
			t.Errorf("%d is valid", bad)
		}
		if _, err := bad.MarshalText(); !errors.Is(err, ErrInvalid) {
			t.Errorf("MarshalText(%d) error = %v", bad, err)
		}
	}
	for _, s := range []string{"", " ", "nope", "SECURITY-CHIEF", all[0].String() + " "} {
		v := all[0]
		if err := P(&v).UnmarshalText([]byte(s)); !errors.Is(err, ErrInvalid) || v != all[0] {
			t.Errorf("UnmarshalText(%q) = %v and set %v", s, err, v)
		}
	}
}

func TestEnums(t *testing.T) {
	t.Run("Role", func(t *testing.T) { checkEnum(t, AllRoles(), ParseRole) })
	t.Run("Party", func(t *testing.T) { checkEnum(t, AllParties(), ParseParty) })
	t.Run("Trigger", func(t *testing.T) { checkEnum(t, AllTriggers(), ParseTrigger) })
	t.Run("Body", func(t *testing.T) { checkEnum(t, AllBodies(), ParseBody) })
	t.Run("Status", func(t *testing.T) { checkEnum(t, AllResolutions(), ParseResolution) })
	t.Run("Hours", func(t *testing.T) { checkEnum(t, AllHours(), ParseHours) })
}

// Each glossary term parses to its role, party, trigger or body; a plan's
// own words are in its vocabulary, not here.
func TestTermsFromThePlans(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       Actor
	}{
		{"kumiyama:第2条/chief", "セキュリティ統括責任者", ByRole(SecurityChief)},
		{"tottori:第2-4(1)/chief-variant", "セキュリティ統括管理者", ByRole(SecurityChief)},
		{"kumiyama:第3条/deputy", "セキュリティ副統括責任者", ByRole(DeputySecurityChief)},
		{"kumiyama:第4条/sysadmin", "システム管理者", ByRole(SystemAdministrator)},
		{"kumiyama:第5条/protection-manager", "情報保護管理者", ByRole(InfoProtectionManager)},
		{"ino:第11条/identity-info-manager", "本人確認情報管理者", ByRole(IdentityInfoManager)},
		{"tottori:第2-2(1)/staff", "住基ネット担当者", ByRole(Staff)},
		{"tottori:第2-1(2)/operator", "業務端末を使用する職員", ByRole(Operator)},
		{"kumamoto:4(1)/section-manager", "管理者", ByRole(SectionManager)},
		{"kumamoto:4(1) 緊急対応策(ウ)(b)/security-officers", "セキュリティ責任者等", ByRole(SecurityOfficers)},
		{"tottori:第3-3/other-local-governments", "他の地方公共団体", ByParty(OtherLocalGovernments)},
		{"tottori:第3-4(3)/other-local-governments-en", "other-local-governments", ByParty(OtherLocalGovernments)},
		{"tottori:第1 2/national-center", "全国センター", ByParty(NationalCenter)},
		{"ino:第5条/jlis", "地方公共団体情報システム機構", ByParty(JLIS)},
		{"ino:第5条/prefecture", "県市町村振興課", ByParty(Prefecture)},
		{"tottori:第2-2(1)/contractor", "運用保守委託事業者", ByParty(Contractor)},
		{"kumamoto:3/police", "警察", ByParty(Police)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseActor(tc.text)
			if err != nil || got != tc.want {
				t.Errorf("ParseActor(%q) = %v, %v; want %v", tc.text, got, err, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		name, text string
		want       Trigger
	}{
		{"ino:第4条/serious-fault", "重大障害", SeriousFault},
		{"tottori:第3-1/level-3", "レベル3", ThreatLevel3},
		{"kumiyama:第6条5項/unauthorized-act", "不正行為", UnauthorizedAct},
		{"nakano:ICT-BCP 6(3)オ/info-leak", "情報漏洩", InfoLeak},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := ParseTrigger(tc.text); err != nil || got != tc.want {
				t.Errorf("ParseTrigger(%q) = %v, %v; want %v", tc.text, got, err, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		name, text string
		want       Body
	}{
		{"kumiyama:第6条/council", "セキュリティ会議", SecurityCouncil},
		{"ino:第5条/structure", "緊急時対応体制", EmergencyResponseStructure},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := ParseBody(tc.text); err != nil || got != tc.want {
				t.Errorf("ParseBody(%q) = %v, %v; want %v", tc.text, got, err, tc.want)
			}
		})
	}
}

// ParseActor tries roles first, then parties: it relies on no spelling
// naming both. Check every English name and label of both enums is distinct
// and parses only as its own kind.
func TestRoleAndPartyNamesDistinct(t *testing.T) {
	seen := map[string]string{}
	add := func(s, who string) {
		if prev, dup := seen[s]; dup {
			t.Errorf("spelling %q names both %s and %s", s, prev, who)
		}
		seen[s] = who
	}
	for _, r := range AllRoles() {
		add(r.String(), "role "+r.String())
		if r.Label() != r.String() {
			add(r.Label(), "role "+r.String())
		}
		if _, err := ParseParty(r.String()); err == nil {
			t.Errorf("role name %q parses as a party", r)
		}
		if _, err := ParseParty(r.Label()); err == nil {
			t.Errorf("role label %q parses as a party", r.Label())
		}
	}
	for _, p := range AllParties() {
		add(p.String(), "party "+p.String())
		if p.Label() != p.String() {
			add(p.Label(), "party "+p.String())
		}
		if _, err := ParseRole(p.String()); err == nil {
			t.Errorf("party name %q parses as a role", p)
		}
		if _, err := ParseRole(p.Label()); err == nil {
			t.Errorf("party label %q parses as a role", p.Label())
		}
	}
}

func TestActor(t *testing.T) {
	t.Run("RoundTrip", rapid.MakeCheck(func(t *rapid.T) {
		a := genActor().Draw(t, "a")
		if !a.IsValid() {
			t.Fatalf("%v not valid", a)
		}
		b, err := a.MarshalText()
		if err != nil || string(b) != a.String() {
			t.Fatalf("MarshalText = %q, %v", b, err)
		}
		var got Actor
		if err := got.UnmarshalText(b); err != nil || got != a {
			t.Fatalf("UnmarshalText(%q) = %v, %v", b, got, err)
		}
		if got, err := ParseActor(a.Label()); err != nil || got != a {
			t.Fatalf("ParseActor(label %q) = %v, %v", a.Label(), got, err)
		}
	}))
	t.Run("CompareOrdersRolesBeforeParties", rapid.MakeCheck(func(t *rapid.T) {
		a, b := genActor().Draw(t, "a"), genActor().Draw(t, "b")
		if (a.Compare(b) == 0) != (a == b) || cmp.Compare(a.Compare(b), 0) != -cmp.Compare(b.Compare(a), 0) {
			t.Fatalf("Compare(%v, %v) = %d, reverse %d", a, b, a.Compare(b), b.Compare(a))
		}
		if a.Role != 0 && b.Party != 0 && a.Compare(b) >= 0 {
			t.Fatalf("role %v not before party %v", a, b)
		}
	}))
	for _, bad := range []Actor{{}, {Role: SecurityChief, Party: Police}, {Role: 99}, {Party: 99}} {
		if bad.IsValid() {
			t.Errorf("%v valid", bad)
		}
		if _, err := bad.MarshalText(); !errors.Is(err, ErrInvalid) {
			t.Errorf("MarshalText(%v) error = %v", bad, err)
		}
		if bad.Label() != bad.String() {
			t.Errorf("Label of invalid %v = %q", bad, bad.Label())
		}
	}
	a := ByRole(Staff)
	if err := a.UnmarshalText([]byte("nobody")); !errors.Is(err, ErrInvalid) || a != ByRole(Staff) {
		t.Errorf("UnmarshalText(nobody) = %v, set %v", err, a)
	}
}

func genActor() *rapid.Generator[Actor] {
	return rapid.OneOf(
		rapid.Map(rapid.SampledFrom(everyValue[Role]()), ByRole),
		rapid.Map(rapid.SampledFrom(everyValue[Party]()), ByParty),
	)
}

// bitset is the method set shared by Roles, Parties and Triggers.
type bitset[S any, E any] interface {
	comparable
	Has(E) bool
	With(E) S
	Without(E) S
	Union(S) S
	Contains(S) bool
	Len() int
	All() iter.Seq[E]
	String() string
}

func checkBitset[S bitset[S, E], E enumValue](t *testing.T, all []E, of func(...E) S) {
	t.Helper()
	t.Run("Members", rapid.MakeCheck(func(rt *rapid.T) {
		vs := rapid.SliceOf(rapid.SampledFrom(all)).Draw(rt, "vs")
		s := of(vs...)
		want := slices.Clone(vs)
		slices.Sort(want)
		want = slices.Compact(want)
		if diff := gocmp.Diff(want, slices.Collect(s.All()), cmpopts.EquateEmpty()); diff != "" {
			rt.Fatalf("All (-want +got):\n%s", diff)
		}
		if s.Len() != len(want) {
			rt.Fatalf("Len = %d; want %d", s.Len(), len(want))
		}
		for _, v := range all {
			if s.Has(v) != slices.Contains(want, v) {
				rt.Fatalf("Has(%v) = %v", v, s.Has(v))
			}
		}
		// An invalid value is never a member and never added.
		var zero S
		if s.With(0) != s || s.Has(0) || s.Has(64) || of(0, 64) != zero {
			rt.Fatal("invalid value entered the set")
		}
	}))
	t.Run("Algebra", rapid.MakeCheck(func(rt *rapid.T) {
		a := of(rapid.SliceOf(rapid.SampledFrom(all)).Draw(rt, "a")...)
		b := of(rapid.SliceOf(rapid.SampledFrom(all)).Draw(rt, "b")...)
		v := rapid.SampledFrom(all).Draw(rt, "v")
		u := a.Union(b)
		if !u.Contains(a) || !u.Contains(b) || u != b.Union(a) || u.Len() > a.Len()+b.Len() {
			rt.Fatalf("Union(%v, %v) = %v", a, b, u)
		}
		if !a.With(v).Has(v) || a.Without(v).Has(v) || a.With(v).Without(v) != a.Without(v) {
			rt.Fatalf("With/Without %v on %v", v, a)
		}
		if a.Contains(b) != (a.Union(b) == a) {
			rt.Fatalf("Contains(%v, %v) disagrees with Union", a, b)
		}
	}))
}

func TestBitsets(t *testing.T) {
	t.Run("Roles", func(t *testing.T) { checkBitset(t, AllRoles(), RolesOf) })
	t.Run("Parties", func(t *testing.T) { checkBitset(t, AllParties(), PartiesOf) })
	// A plan-declared value is a member like any other, up to 63.
	t.Run("DeclaredRoles", func(t *testing.T) { checkBitset(t, everyValue[Role](), RolesOf) })
	t.Run("DeclaredParties", func(t *testing.T) { checkBitset(t, everyValue[Party](), PartiesOf) })
	if n := len(everyValue[Role]()); n != 63 {
		t.Errorf("%d valid roles; want 63 (named and declared)", n)
	}
	t.Run("Triggers", func(t *testing.T) { checkBitset(t, AllTriggers(), TriggersOf) })
	if got := RolesOf(Staff, SecurityChief).String(); got != "{security-chief staff}" {
		t.Errorf("Roles.String = %q", got)
	}
	if got := PartiesOf(Police, NationalCenter).String(); got != "{national-center police}" {
		t.Errorf("Parties.String = %q", got)
	}
	if got := TriggersOf(ThreatLevel3, AnyFault).String(); got != "{fault threat-level-3}" {
		t.Errorf("Triggers.String = %q", got)
	}
}

func TestLevelTrigger(t *testing.T) {
	for n, want := range map[int]Trigger{0: 0, 1: ThreatLevel1, 2: ThreatLevel2, 3: ThreatLevel3, 4: 0, -1: 0} {
		if got := LevelTrigger(n); got != want {
			t.Errorf("LevelTrigger(%d) = %v; want %v", n, got, want)
		}
	}
}
