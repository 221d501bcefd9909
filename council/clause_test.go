package council

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestNewIndex(t *testing.T) {
	good := []Clause{{"第3-5", "脅威度に応じた対応"}, {"第3-5(2)", "レベル２の場合"}, {"別表1-2①", "システム管理者の対応"}}
	tests := []struct {
		name    string
		plan    string
		clauses []Clause
		wantErr string // "" for none
	}{
		{"tottori:第3-5 and its items", "tottori", good, ""},
		{"empty index", "tottori", nil, ""},
		{"bad plan ID", "Tottori", good, "plan ID"},
		{"empty number", "tottori", []Clause{{"", "見出し"}}, "[0]: clause number \"\" (empty) cannot be cited"},
		{"number with surrounding space", "tottori", []Clause{{" 第1", "総則"}}, "cannot be cited"},
		{"control character in number", "tottori", []Clause{{"第1\x00", "総則"}}, "cannot be cited"},
		{"no heading", "tottori", []Clause{{"第1", ""}}, "no heading"},
		{"control character in heading", "tottori", []Clause{{"第1", "総\u0007則"}}, "control character"},
		{"given twice", "tottori", []Clause{{"第1", "総則"}, {"第2", "障害対応編"}, {"第1", "総則"}}, "[2]: clause \"第1\" is listed twice (first at [0])"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := NewIndex(tt.plan, tt.clauses)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("NewIndex: %v", err)
				}
				if x.Len() != len(tt.clauses) || x.Plan() != tt.plan {
					t.Errorf("Len %d, Plan %q; want %d, %q", x.Len(), x.Plan(), len(tt.clauses), tt.plan)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, ErrInvalid) {
				t.Errorf("NewIndex: %v; want an ErrInvalid containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestIndexLookup(t *testing.T) {
	x, err := NewIndex("tottori", []Clause{{"第3-5", "脅威度に応じた対応"}, {"第3-5(2)", "レベル２の場合"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cite Citation
		want Clause
		ok   bool
	}{
		{Cite("tottori", "第3-5(2)"), Clause{"第3-5(2)", "レベル２の場合"}, true},
		{Cite("tottori", "第3-5"), Clause{"第3-5", "脅威度に応じた対応"}, true},
		{Cite("tottori", "第3-5(3)"), Clause{}, false},  // not listed: no prefix match
		{Cite("tottori", "第3-5 (2)"), Clause{}, false}, // another spelling is another clause
		{Cite("kumamoto", "第3-5(2)"), Clause{}, false}, // another plan's clause
		{Citation{}, Clause{}, false},                  // the zero citation names nothing
	}
	for _, tt := range tests {
		got, ok := x.Lookup(tt.cite)
		if got != tt.want || ok != tt.ok || x.Resolves(tt.cite) != tt.ok {
			t.Errorf("Lookup(%v) = %v, %v; want %v, %v", tt.cite, got, ok, tt.want, tt.ok)
		}
	}
	var zero Index
	if _, ok := zero.Lookup(Cite("tottori", "第3-5")); ok || zero.Len() != 0 {
		t.Error("the zero Index resolves a citation")
	}
}

// TestIndexIsAValue checks that changing the slice NewIndex was given does
// not change the index.
func TestIndexIsAValue(t *testing.T) {
	cs := []Clause{{"第1", "総則"}}
	x, _ := NewIndex("tottori", cs)
	cs[0] = Clause{"第9", "changed"}
	if got, ok := x.Lookup(Cite("tottori", "第1")); !ok || got.Heading != "総則" {
		t.Errorf("Lookup after changing the input = %v, %v", got, ok)
	}
}

func TestIndexLookupAllocs(t *testing.T) {
	x, _ := NewIndex("tottori", []Clause{{"第3-5(2)", "レベル２の場合"}})
	c := Cite("tottori", "第3-5(2)")
	if n := testing.AllocsPerRun(100, func() { x.Lookup(c) }); n != 0 {
		t.Errorf("Lookup allocates %v times; want 0", n)
	}
}

// TestIndexProperties: every listed clause resolves to itself, All yields
// the clauses in the order given, and a clause not listed never resolves.
func TestIndexProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		numbers := rapid.SliceOfDistinct(rapid.StringMatching(`第[0-9]{1,2}(-[0-9])?(\([0-9]\))?`), rapid.ID[string]).Draw(t, "numbers")
		cs := make([]Clause, len(numbers))
		for i, n := range numbers {
			cs[i] = Clause{Number: n, Heading: "見出し" + n}
		}
		x, err := NewIndex("town", cs)
		if err != nil {
			t.Fatal(err)
		}
		i := 0
		for c := range x.All() {
			if c != cs[i] {
				t.Fatalf("All()[%d] = %v; want %v", i, c, cs[i])
			}
			if got, ok := x.Lookup(Cite("town", c.Number)); !ok || got != c {
				t.Fatalf("Lookup(%s) = %v, %v", c.Number, got, ok)
			}
			i++
		}
		if i != len(cs) {
			t.Fatalf("All yielded %d clauses; want %d", i, len(cs))
		}
		if _, ok := x.Lookup(Cite("town", "第100条")); ok {
			t.Fatal("an unlisted clause resolved")
		}
	})
}

func FuzzNewIndex(f *testing.F) {
	f.Add("tottori", "第3-5(2)", "レベル２の場合", "第3-5(2)")
	f.Add("town", "", "", "x")
	f.Fuzz(func(t *testing.T, plan, number, heading, cited string) {
		x, err := NewIndex(plan, []Clause{{number, heading}})
		if err != nil {
			if !errors.Is(err, ErrInvalid) || len(err.Error()) > 4096 {
				t.Fatalf("NewIndex error %q does not wrap ErrInvalid or is too long", err)
			}
			return
		}
		got, ok := x.Lookup(Cite(plan, cited))
		if ok != (cited == number) || ok && got.Heading != heading {
			t.Fatalf("Lookup(%q) = %v, %v with index of %q", cited, got, ok, number)
		}
	})
}

func BenchmarkIndexLookup(b *testing.B) {
	cs := make([]Clause, 200)
	for i := range cs {
		cs[i] = Clause{Number: "第" + strings.Repeat("1", i%7+1) + "-" + string(rune('0'+i%10)) + "(" + string(rune('0'+i/10%10)) + ")", Heading: "見出し"}
	}
	cs = dedupe(cs)
	x, err := NewIndex("town", cs)
	if err != nil {
		b.Fatal(err)
	}
	c := Cite("town", cs[len(cs)/2].Number)
	b.ReportAllocs()
	for b.Loop() {
		if !x.Resolves(c) {
			b.Fatal("does not resolve")
		}
	}
}

func dedupe(cs []Clause) []Clause {
	seen := map[string]bool{}
	out := cs[:0]
	for _, c := range cs {
		if !seen[c.Number] {
			seen[c.Number] = true
			out = append(out, c)
		}
	}
	return out
}
