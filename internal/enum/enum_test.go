package enum

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

type color uint8

var errBad = errors.New("bad")

const (
	deepRed color = 1 + iota
	green
	blue
)

var colors = New[color]("paint", "color", "color", errBad, []Name{
	deepRed: {EN: "deep-red", JA: "赤", Aliases: []string{"crimson"}},
	green:   {EN: "green", JA: "緑"},
	blue:    {EN: "blue"},
})

func TestTable(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want color
	}{
		{"deep-red", 1}, {"deep red", 1}, {"赤", 1}, {"crimson", 1},
		{"green", 2}, {"緑", 2}, {"blue", 3},
	} {
		got, err := colors.Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "Green", "red", " green", "0", "color(1)"} {
		if _, err := colors.Parse(bad); !errors.Is(err, errBad) {
			t.Errorf("Parse(%q) error = %v; want it to wrap the sentinel", bad, err)
		}
	}
	if got := colors.String(0); got != "color(0)" {
		t.Errorf("String(0) = %q", got)
	}
	if got := colors.Label(3); got != "blue" {
		t.Errorf("Label without JA = %q; want the English name", got)
	}
	if _, err := colors.AppendText(nil, 4); !errors.Is(err, errBad) {
		t.Errorf("AppendText(4) error = %v", err)
	}
	if diff := cmp.Diff([]color{1, 2, 3}, slices.Collect(colors.All())); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
}

func TestDuplicateSpellingPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New accepted one spelling for two values")
		}
	}()
	New[color]("p", "k", "T", errBad, []Name{1: {EN: "a"}, 2: {EN: "b", JA: "a"}})
}

// A keyed table with a gap, or with a name for the unset zero value, is a
// programming error New reports at once.
func TestMalformedTablePanics(t *testing.T) {
	for _, tc := range []struct {
		name  string
		names []Name
	}{
		{"gap", []Name{1: {EN: "a"}, 3: {EN: "c"}}},
		{"zero", []Name{0: {EN: "unset"}, 1: {EN: "a"}}},
	} {
		name, names := tc.name, tc.names
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: New accepted %v", name, names)
				}
			}()
			New[color]("p", "k", "T", errBad, names)
		}()
	}
}

func TestRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := rapid.SampledFrom(colors.Values()).Draw(t, "v")
		b, err := colors.AppendText(nil, v)
		if err != nil {
			t.Fatal(err)
		}
		var got color
		if err := colors.Unmarshal(b, &got); err != nil || got != v {
			t.Fatalf("round trip of %v gave %v, %v", v, got, err)
		}
		if got, _ := colors.Parse(colors.Label(v)); got != v {
			t.Fatalf("label %q parsed to %v", colors.Label(v), got)
		}
	})
}

func TestMembers(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		vs := rapid.SliceOfDistinct(rapid.Uint8Range(1, 63), func(v uint8) uint8 { return v }).Draw(t, "vs")
		var set uint64
		for _, v := range vs {
			set |= Bit(v)
		}
		slices.Sort(vs)
		if diff := cmp.Diff(vs, slices.Collect(Members[uint8](set)), cmp.Comparer(func(a, b []uint8) bool { return slices.Equal(a, b) })); diff != "" {
			t.Fatalf("Members (-want +got):\n%s", diff)
		}
		if Count(set) != len(vs) {
			t.Fatalf("Count = %d; want %d", Count(set), len(vs))
		}
	})
	if Bit[uint8](0) != 0 || Bit[uint8](64) != 0 {
		t.Error("Bit accepted an impossible member")
	}
}

func (c color) String() string { return colors.String(c) }

func TestFormatSet(t *testing.T) {
	for _, tc := range []struct {
		set  uint64
		want string
	}{
		{0, "{}"},
		{1, "{}"}, // bit 0 is the unset value, never a member
		{Bit(color(2)), "{green}"},
		{Bit(color(3)) | Bit(color(1)), "{deep-red blue}"},
	} {
		if got := FormatSet[color](tc.set); got != tc.want {
			t.Errorf("FormatSet(%#b) = %q; want %q", tc.set, got, tc.want)
		}
	}
}

// TestParseMessage: an unknown name is quoted by a short prefix and the
// allowed names are listed, at most eight and then how many more.
func TestParseMessage(t *testing.T) {
	many := []Name{{}} // names[0]: the unset value
	for i := range 20 {
		many = append(many, Name{EN: fmt.Sprintf("n%02d", i)})
	}
	big := New[color]("p", "thing", "T", errBad, many)
	huge := strings.Repeat("x", 10<<20)
	for _, tc := range []struct {
		table *Table[color]
		in    string
		want  string
	}{
		{colors, "red", `paint: unknown color "red": want one of deep-red, green, blue: bad`},
		{colors, "", `paint: empty color: want one of deep-red, green, blue: bad`},
		{big, "z", `p: unknown thing "z": want one of n00, n01, n02, n03, n04, n05, n06, n07 and 12 more: bad`},
		{colors, huge, `paint: unknown color "` + strings.Repeat("x", 40) + `…" (10485760 bytes): want one of deep-red, green, blue: bad`},
	} {
		_, err := tc.table.Parse(tc.in)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%.20q) error = %.200v\nwant %s", tc.in, err, tc.want)
		}
	}
}
