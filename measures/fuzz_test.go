package measures

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzEnumText feeds one string to every enum decoder of the package: none
// panics, errors wrap ErrInvalid, and what decodes re-encodes and decodes to
// the same value.
func FuzzEnumText(f *testing.F) {
	cases := enumCases()
	for _, s := range []string{"", "1-1", "別表4-4", "annex-2-3", "security-hole", "セキュリティホール", "as-needed",
		"必要に応じ", "we-lead", "in liaison", "card-password-length", "第33条", "technical", "技術的側面", "overhaul",
		"教育・研修", "plan-permanent", "likely-level-3", "Case(0)", "0", "\xff"} {
		f.Add(s)
	}
	for _, p := range tottoriPlaybooks(f) {
		f.Add(p.Case.Label())
		f.Add(p.Label)
		f.Add(p.Observation().Label())
		f.Add(p.Discoverer().Label())
		for _, s := range p.Steps {
			f.Add(s.Task.String())
			f.Add(s.Mode.Label())
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range cases {
			c.decode(t, s)
		}
	})
}

// FuzzParsePreventionPlan decodes arbitrary JSON as a plan: no panic, errors
// carry the package prefix, Validate never panics, and a decoded plan
// encodes and decodes to the same plan.
func FuzzParsePreventionPlan(f *testing.F) {
	full, _ := json.Marshal(fullPlan())
	f.Add(full)
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"technical":[{"what":"x","who":"system-administrator","when":"2026-12-01T00:00:00+09:00","kind":"training"}]}`))
	f.Add([]byte(`{"organisational":[{"who":"全国センター","kind":"予備装置の確保"}]}`))
	f.Add([]byte(`{"situation":1}`))
	f.Add([]byte(`{} {}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePreventionPlan(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "measures: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				if _, ok := errors.AsType[*FieldError](e); !ok {
					t.Fatalf("Validate error %v is not a FieldError", e)
				}
			}
		}
		b, err := json.Marshal(p)
		if err != nil {
			// a decoded plan may hold values that do not encode (e.g. a year
			// past 9999 cannot); that is encoding/json's limit, not ours
			return
		}
		back, err := ParsePreventionPlan(b)
		if err != nil {
			t.Fatalf("%s re-encoded as %s, which does not decode: %v", data, b, err)
		}
		if diff := cmp.Diff(p, back); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// FuzzParseHours: no panic, errors wrap ErrInvalid, and what parses prints
// and parses back to itself.
func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"8:30-17:15", "0:00-24:00", "08:30-17:15", "17:15-8:30", "8:3-17:15", "-1:00-2:00", "", "24:00-24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHours(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseHours(%q): %v does not wrap ErrInvalid", s, err)
			}
			return
		}
		b, err := h.MarshalText()
		if err != nil {
			t.Fatalf("%q parsed to %v, which does not encode: %v", s, h, err)
		}
		if back, err := ParseHours(string(b)); err != nil || back != h {
			t.Fatalf("%q → %v → %q → %v, %v", s, h, b, back, err)
		}
	})
}

// FuzzRulesJSON: decoding arbitrary JSON as Rules never panics, Validate and
// Check never panic on what decodes, and it round-trips.
func FuzzRulesJSON(f *testing.F) {
	kumiyama, _ := json.Marshal(kumiyamaFile())
	f.Add(kumiyama)
	f.Add([]byte(`{"inForce":[]}`))
	f.Add([]byte(`{"inForce":["terminal-hours"],"terminalHours":"9:00-17:00","citations":{"terminal-hours":["town:第2条"]}}`))
	f.Add([]byte(`{"inForce":["nope"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Rules
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		_ = r.Validate()
		_, _ = Check(r, Settings{})
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("decoded rules do not encode: %v", err)
		}
		var back Rules
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s does not decode: %v", b, err)
		}
		if diff := cmp.Diff(r, back, rulesCmp); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// FuzzParseSettings: decoding arbitrary JSON as Settings never panics, Check
// never panics on what decodes, and it round-trips.
func FuzzParseSettings(f *testing.F) {
	good, _ := json.Marshal(compliant())
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"cardPassword":{"minLength":-3},"contracts":[{"name":"x","clauses":["第33条"]}]}`))
	f.Add([]byte(`{"terminalHours":"9:00-17:00","otherAssetManager":"システム管理者"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSettings(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "measures: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		_, _ = Check(kumiyamaFile(), s)
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("decoded settings do not encode: %v", err)
		}
		back, err := ParseSettings(b)
		if err != nil {
			t.Fatalf("%s does not decode: %v", b, err)
		}
		if diff := cmp.Diff(s, back, cmpEmptyContracts); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// cmpEmptyContracts treats a nil and an empty contract list alike (omitempty).
var cmpEmptyContracts = cmp.Comparer(func(a, b []Contract) bool { return slices.Equal(a, b) })
