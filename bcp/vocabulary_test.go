package bcp

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/vocabtest"
)

// A town's own post, party, body and symptom, none of them known to the
// engine, round-trip through the plan file and print in its words.
func TestCustomTermsRoundTrip(t *testing.T) {
	data, err := Ino().MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	custom, err := vocabtest.Relabel(data, vocabtest.TownLabels, func(string, int) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePlan(custom)
	if err != nil {
		t.Fatal(err)
	}
	chief, ok := p.Vocabulary.Role("情報保護統括責任者")
	if !ok || chief != p.Organization.Chain.Chief {
		t.Fatalf("the chief is %v; the town's post is %v, %v", p.Organization.Chain.Chief, chief, ok)
	}
	if chief == council.SecurityChief || !strings.HasPrefix(chief.String(), "role#") {
		t.Errorf("the town's post %v is one of the engine's values", chief)
	}
	if got := p.Vocabulary.Label(chief, Japanese); got != "情報保護統括責任者" {
		t.Errorf("Label = %q", got)
	}
	again, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	q, err := ParsePlan(again)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p, q, planOpts); diff != "" {
		t.Errorf("round trip (-first +second):\n%s", diff)
	}
	if strings.Contains(string(again), "role#") {
		t.Error("the plan file names a declared post by number, not by its ID")
	}
}

// A plan file that names a declared value by number without declaring it
// is an error at that path, and a malformed vocabulary is reported term by
// term.
func TestVocabularyErrors(t *testing.T) {
	base, err := Ino().MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, old, new, path string
		sentinel             error
	}{
		{"undeclared", `"chief": "security-chief"`, `"chief": "role#40"`, "$.organization.chain.chief", ErrBadValue},
		{"empty-label", `"label": "関係部署"`, `"label": ""`, "$.vocabulary.positions[0].label", ErrBadValue},
		{"twice", `"id": "staff"`, `"id": "related-departments"`, "$.vocabulary.positions[1].id", ErrDuplicate},
		{"bad-function", `"function": "staff"`, `"function": "role#30"`, "$.vocabulary.positions[1].function", ErrBadValue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := string(base)
			if tc.name == "undeclared" {
				s = replaceInParts(s, tc.old, tc.new, 1)
			} else {
				s = strings.Replace(s, tc.old, tc.new, 1)
			}
			if s == string(base) {
				t.Fatalf("%s not found", tc.old)
			}
			_, err := ParsePlan([]byte(s))
			if !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("ParsePlan: %v; want %s at %s", err, tc.sentinel, tc.path)
			}
		})
	}
}

func ExampleVocabulary_Label() {
	p := Tottori()
	chief := p.Organization.Chain.Chief
	fmt.Println(chief, "/", chief.Label(), "/", p.Vocabulary.Label(chief, Japanese))
	// kumamoto declares its symptoms: the engine has no name for them.
	k := Kumamoto()
	sym, _ := k.Vocabulary.Symptom("no-power")
	fmt.Println(sym, "/", k.Vocabulary.Label(sym, Japanese), "/", k.Vocabulary.Label(sym, English))
	// Output:
	// security-chief / セキュリティ統括責任者 / セキュリティ統括管理者
	// symptom#4 / 端末の電源が入らない / terminal does not power on
}

// Compare keys positions by the plan file's names: two plans' own values
// that happen to share a number are different posts, and one post keeps
// its key whether a plan declares it or the engine names it.
func TestCompareKeysTermsByID(t *testing.T) {
	declare := func(p Plan, own ...int) Plan {
		data, err := p.MarshalIndent()
		if err != nil {
			t.Fatal(err)
		}
		relabelled, err := vocabtest.Relabel(data, func(kind string, i int) string { return fmt.Sprintf("%s の %s%d", p.ID, kind, i) },
			func(kind string, i int) bool { return kind == "positions" && slices.Contains(own, i) })
		if err != nil {
			t.Fatal(err)
		}
		q, err := ParsePlan(relabelled)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	// ino's identity information manager and kumiyama's information
	// protection manager: ino declares its related departments already, so
	// kumiyama declares its deputy chief too for the numbers to meet.
	a, b := declare(Ino(), 4), declare(Kumiyama(), 1, 3)
	ra, rb := a.Vocabulary.Positions[4], b.Vocabulary.Positions[3]
	va, _ := a.Vocabulary.Role(ra.ID)
	vb, _ := b.Vocabulary.Role(rb.ID)
	if va != vb || ra.ID == rb.ID {
		t.Fatalf("the test wants two different posts with one number: %s=%v, %s=%v", ra.ID, va, rb.ID, vb)
	}
	d := DiffPlans(a, b)
	found := map[string]Difference{}
	for _, x := range d.Of(AspectRole) {
		found[x.Key] = x
		if strings.Contains(x.Key, "#") {
			t.Errorf("a difference is keyed by number: %+v", x)
		}
	}
	if x, ok := found[ra.ID]; !ok || x.B != "" || x.LabelA != ra.Label || x.LabelB != "" {
		t.Errorf("ino's own %s: %+v, %v", ra.ID, x, ok)
	}
	if x, ok := found[rb.ID]; !ok || x.A != "" || x.LabelB != rb.Label {
		t.Errorf("kumiyama's own %s: %+v, %v", rb.ID, x, ok)
	}
}

// The closed kinds (steps, report fields, incidents, patterns, audiences)
// print in the plan's words where it gives them (nakano 統合仮想サーバ
// 3(3)①オ, 3(2), 4(2)) and in the engine's elsewhere; a term of one must
// name its function, and only once.
func TestClosedKinds(t *testing.T) {
	n, tt := Nakano(), Tottori()
	for _, tc := range []struct {
		name string
		x    labeled
		want string
	}{
		{"nakano:統合仮想サーバ 3(3)①オ", OutsideBodies, "その他（東京都、NISC、総務省自治行政局地域情報政策室等の庁外各組織）"},
		{"nakano:統合仮想サーバ 3(2)", FieldSituation, "発生状況（事態、場所、概要等）"},
		{"nakano:統合仮想サーバ 4(2)", PlatformRecovery, "統合仮想サーバ環境の稼働状況の確認及び復旧作業の開始"},
		{"nakano:ICT-BCP 6(3)カ", SpecificLeak, "特定個人情報の漏えい事案等"},
		{"nakano:ICT-BCP 9(1)ウ(イ)b", PatternB, "グループウェア（新着）が復旧した場合"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := n.Vocabulary.Label(tc.x, Japanese); got != tc.want {
				t.Errorf("nakano: %q; want %q", got, tc.want)
			}
			if got := n.Vocabulary.Label(tc.x, English); got != tc.x.String() {
				t.Errorf("nakano in English: %q; want the engine's name %q", got, tc.x.String())
			}
			if got := tt.Vocabulary.Label(tc.x, Japanese); got != tc.x.Label() || got == tc.want {
				t.Errorf("tottori, which declares none: %q; want the engine's label %q", got, tc.x.Label())
			}
		})
	}
	base, err := n.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, old, new, path string
		sentinel             error
	}{
		{"no-function", `"function": "detection"`, `"note": "x"`, "$.vocabulary.steps[0].function", ErrBadValue},
		{"function-twice", `"function": "detected"`, `"function": "occurred"`, "$.vocabulary.fields[1].function", ErrDuplicate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := strings.Replace(string(base), tc.old, tc.new, 1)
			if s == string(base) {
				t.Fatalf("%s not found", tc.old)
			}
			_, err := ParsePlan([]byte(s))
			if !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("ParsePlan: %v; want %s at %s", err, tc.sentinel, tc.path)
			}
		})
	}
}

// kindEntries covers every kind, in the order of wordKinds: give kind k
// k+1 terms and each kind must come back with its own count.
func TestKindEntriesCoversEveryKind(t *testing.T) {
	var v Vocabulary
	rv := reflect.ValueOf(&v).Elem()
	for k := range nKinds {
		f, ok := rv.Type().FieldByNameFunc(func(name string) bool {
			sf, _ := rv.Type().FieldByName(name)
			return strings.HasPrefix(sf.Tag.Get("json"), wordKinds[k].key+",")
		})
		if !ok {
			t.Fatalf("no Vocabulary field for %s", wordKinds[k].key)
		}
		rv.FieldByIndex(f.Index).Set(reflect.MakeSlice(f.Type, k+1, k+1))
	}
	for k := range nKinds {
		if got := len(v.kindEntries(k)); got != k+1 {
			t.Errorf("kindEntries(%s) has %d terms, want %d", wordKinds[k].key, got, k+1)
		}
	}
}

// BenchmarkVocabularyRole looks one position up in nakano's vocabulary: it
// resolves the positions only, not the other twelve kinds.
func BenchmarkVocabularyRole(b *testing.B) {
	v := Nakano().Vocabulary
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := v.Role("mayor"); !ok {
			b.Fatal("no mayor")
		}
	}
}
