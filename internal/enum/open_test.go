package enum

import (
	"errors"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

type post uint8

var posts = New[post]("org", "post", "post", errBad, []Name{
	1: {EN: "chief", JA: "長"},
	2: {EN: "staff", JA: "担当者"},
}).Open(63)

// An open enum accepts the values a plan declares past the named ones, and
// spells them "kind#n" both ways; a closed enum still rejects them.
func TestOpen(t *testing.T) {
	for _, tc := range []struct {
		v     post
		valid bool
		decl  bool
		str   string
	}{
		{0, false, false, "post(0)"},
		{1, true, false, "chief"},
		{2, true, false, "staff"},
		{3, true, true, "post#3"},
		{63, true, true, "post#63"},
		{64, false, false, "post(64)"},
	} {
		if got := posts.Valid(tc.v); got != tc.valid {
			t.Errorf("Valid(%d) = %v, want %v", tc.v, got, tc.valid)
		}
		if got := posts.Declared(tc.v); got != tc.decl {
			t.Errorf("Declared(%d) = %v, want %v", tc.v, got, tc.decl)
		}
		if got := posts.String(tc.v); got != tc.str {
			t.Errorf("String(%d) = %q, want %q", tc.v, got, tc.str)
		}
		if tc.decl && posts.Label(tc.v) != tc.str {
			t.Errorf("Label(%d) = %q, want the String form", tc.v, posts.Label(tc.v))
		}
	}
	for _, bad := range []string{"post#2", "post#0", "post#03", "post#64", "post#", "post#1000", "color#3"} {
		if _, err := posts.Parse(bad); !errors.Is(err, errBad) {
			t.Errorf("Parse(%q) error = %v, want the sentinel", bad, err)
		}
	}
	if _, err := colors.Parse("color#4"); !errors.Is(err, errBad) {
		t.Errorf("a closed enum parsed color#4: %v", err)
	}
	if got := slices.Collect(posts.All()); len(got) != 2 {
		t.Errorf("All = %v, want only the named values", got)
	}
}

// Every valid value of an open enum survives a text round trip.
func TestOpenRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		v := post(rapid.IntRange(1, 63).Draw(t, "v"))
		b, err := posts.AppendText(nil, v)
		if err != nil {
			t.Fatal(err)
		}
		var got post
		if err := posts.Unmarshal(b, &got); err != nil || got != v {
			t.Fatalf("%d -> %q -> %d, %v", v, b, got, err)
		}
		set, err := posts.AppendSetJSON(nil, Bit(v))
		if err != nil {
			t.Fatal(err)
		}
		bits, err := posts.UnmarshalSet(set)
		if err != nil || bits != Bit(v) {
			t.Fatalf("set %d -> %s -> %x, %v", v, set, bits, err)
		}
	})
}
