package enum

import (
	"errors"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestSetJSON(t *testing.T) {
	for _, tc := range []struct {
		set  uint64
		want string
	}{
		{0, `[]`},
		{Bit(color(1)), `["deep-red"]`},
		{Bit(color(3)) | Bit(color(1)), `["deep-red","blue"]`},
	} {
		got, err := colors.AppendSetJSON(nil, tc.set)
		if err != nil || string(got) != tc.want {
			t.Errorf("AppendSetJSON(%b) = %s, %v; want %s", tc.set, got, err, tc.want)
		}
	}
	if _, err := colors.AppendSetJSON(nil, Bit(color(4))); !errors.Is(err, errBad) {
		t.Errorf("a member the table does not name: error %v", err)
	}
	for _, tc := range []struct {
		in   string
		want uint64
	}{
		{`[]`, 0},
		{`["赤","blue"]`, Bit(color(1)) | Bit(color(3))},
		{`["crimson"]`, Bit(color(1))},
	} {
		got, err := colors.UnmarshalSet([]byte(tc.in))
		if err != nil || got != tc.want {
			t.Errorf("UnmarshalSet(%s) = %b, %v; want %b", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct{ in, msg string }{
		{`null`, "null"},
		{`{}`, "want an array"},
		{`"blue"`, "want an array"},
		{`[1]`, "want an array"},
		{`["blue","purple"]`, `[1]: paint: unknown color "purple"`},
		{`["blue","blue"]`, `[1]: paint: color "blue" listed twice`},
		{`["deep-red","crimson"]`, `[1]: paint: color "crimson" listed twice`},
	} {
		_, err := colors.UnmarshalSet([]byte(tc.in))
		if !errors.Is(err, errBad) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("UnmarshalSet(%s) error = %v; want %q wrapping the sentinel", tc.in, err, tc.msg)
		}
	}
}

// A set of valid members survives AppendSetJSON and UnmarshalSet.
func TestSetJSONRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var set uint64
		for v := range colors.All() {
			if rapid.Bool().Draw(t, v.String()) {
				set |= Bit(v)
			}
		}
		b, err := colors.AppendSetJSON(nil, set)
		if err != nil {
			t.Fatal(err)
		}
		back, err := colors.UnmarshalSet(b)
		if err != nil || back != set {
			t.Fatalf("%s read back as %b, %v; want %b", b, back, err, set)
		}
	})
}
