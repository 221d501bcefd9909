package threat

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

var eventSeeds = []string{
	"intrusion place=protected",
	"無権限者の侵入 place=直接関係のない備品のある場所",
	"unauthorized-access firewall=passed source=national-center",
	"不正アクセス firewall=ファイアウォールを通過しなかった",
	"vulnerability severity=serious source=vendor",
	"leak", "  leak  ", "intrusion place=related place=related", "intrusion colour=red", "",
}

func FuzzParseEvent(f *testing.F) {
	for _, s := range eventSeeds {
		f.Add(s)
	}
	for _, row := range annexEvents {
		f.Add(row.event.String())
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseEvent(s)
		if err != nil {
			if !errors.Is(err, council.ErrInvalid) {
				t.Fatalf("ParseEvent(%q) error %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		if err := e.Validate(); err != nil {
			t.Fatalf("ParseEvent(%q) = %v, which is invalid: %v", s, e, err)
		}
		b, err := e.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		if b2 := e.String(); b2 != string(b) {
			t.Fatalf("String %q != MarshalText %q", b2, b)
		}
		back, err := ParseEvent(string(b))
		if err != nil || back != e {
			t.Fatalf("re-parse of %q = %v, %v; want %v", b, back, err, e)
		}
	})
}

// FuzzParseEnum covers every enum decoder: which picks the enum.
func FuzzParseEnum(f *testing.F) {
	for i, s := range []string{"level-3", "レベル2", "1", "intrusion", "不正アクセス", "protected", "passed",
		"serious", "重大", "national-center", "place", "report", "as-needed", "levels", "レベル１", "x"} {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		type codec struct {
			parse func(string) (string, error) // the value's String, or an error
		}
		wrap := func(v fmt.Stringer, err error) (string, error) {
			if err != nil {
				return "", err
			}
			return v.String(), nil
		}
		codecs := []codec{
			{func(s string) (string, error) { v, err := ParseLevel(s); return wrap(v, err) }},
			{func(s string) (string, error) { v, err := ParseActKind(s); return wrap(v, err) }},
			{func(s string) (string, error) { v, err := ParsePlace(s); return wrap(v, err) }},
			{func(s string) (string, error) { v, err := ParseFirewall(s); return wrap(v, err) }},
			{func(s string) (string, error) { v, err := ParseSeriousness(s); return wrap(v, err) }},
			{func(s string) (string, error) { v, err := ParseSource(s); return wrap(v, err) }},
			{func(s string) (string, error) { v, err := ParseAttribute(s); return wrap(v, err) }},
			{func(s string) (string, error) { v, err := ParseTask(s); return wrap(v, err) }},
			{func(s string) (string, error) {
				var v Condition
				err := v.UnmarshalText([]byte(s))
				return wrap(v, err)
			}},
			{func(s string) (string, error) { var v Scale; err := v.UnmarshalText([]byte(s)); return wrap(v, err) }},
		}
		c := codecs[int(which)%len(codecs)]
		name, err := c.parse(s)
		if err != nil {
			if !errors.Is(err, council.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		again, err := c.parse(name)
		if err != nil || again != name {
			t.Fatalf("%q parsed to %q, which re-parses to %q, %v", s, name, again, err)
		}
	})
}

// FuzzDecodeJSON covers the JSON decoders of Event, Grading, Range,
// Situation and Attributes: no panic, and what decodes re-encodes and decodes
// to the same value.
func FuzzDecodeJSON(f *testing.F) {
	g, _ := Grade(tottori(), Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed})
	r, _ := Provisional(tottori(), Event{Kind: Intrusion})
	for _, v := range []any{Event{Kind: Intrusion, Place: PlaceProtected, Source: SourceLocal}, g, r,
		Capture{Where: "サーバ室", Reporter: staff}, AttributesOf(AttrPlace, AttrSeverity)} {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		for i := range uint8(5) {
			f.Add(i, b)
		}
	}
	f.Add(uint8(0), []byte(`{"kind":"無権限者の侵入","place":7}`))
	f.Add(uint8(1), []byte(`{"plan":"tottori","citations":["tottori"]}`))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		switch which % 5 {
		case 0:
			jsonRoundTrip[Event](t, data)
		case 1:
			jsonRoundTrip[Grading](t, data)
		case 2:
			jsonRoundTrip[Range](t, data)
		case 3:
			jsonRoundTrip[Capture](t, data)
		case 4:
			jsonRoundTrip[Attributes](t, data)
		}
	})
}

func jsonRoundTrip[T any](t *testing.T, data []byte) {
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		return // a decoded value may hold an invalid enum (e.g. an absent kind), which does not encode
	}
	var back T
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("re-decode of %s: %v", b, err)
	}
	if diff := cmp.Diff(v, back); diff != "" {
		t.Fatalf("%s (-first +second):\n%s", b, diff)
	}
}

// FuzzGrade feeds arbitrary events, valid or not, to every entry point of
// every reference scheme: no panic, and the results agree with each other.
func FuzzGrade(f *testing.F) {
	for _, row := range annexEvents {
		e := row.event
		f.Add(uint8(e.Kind), uint8(e.Place), uint8(e.Firewall), uint8(e.Severity), uint8(e.Source))
	}
	f.Add(uint8(0), uint8(9), uint8(9), uint8(9), uint8(9))
	schemes := []*Scheme{tottori(), kumamoto(), ino(), nil}
	f.Fuzz(func(t *testing.T, k, p, fw, sv, src uint8) {
		e := Event{Kind: ActKind(k), Place: Place(p), Firewall: Firewall(fw), Severity: Seriousness(sv), Source: Source(src)}
		for _, s := range schemes {
			g, err := Grade(s, e)
			d, derr := Decide(s, e)
			if (err == nil) != (derr == nil) {
				t.Fatalf("Grade %v, Decide %v", err, derr)
			}
			r, perr := Provisional(s, e)
			if err == nil {
				if _, rerr := Respond(s, g); rerr != nil || d.Grading.Level != g.Level {
					t.Fatalf("Respond: %v", rerr)
				}
				if perr != nil || !r.Confirmed() || r.Min != g.Level {
					t.Fatalf("graded %s but provisional %v, %v", g.Level, r, perr)
				}
			}
			if perr == nil {
				if _, err := Precautions(s, r); err != nil {
					t.Fatalf("Precautions: %v", err)
				}
			}
			if _, err := Judge(s, e, Level(k%5), "理由"); err == nil && (s == nil || !e.Kind.IsValid()) {
				t.Fatal("Judge accepted an invalid input")
			}
		}
	})
}
