package measures

import (
	"encoding/json"
	"errors"
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
	for p := range Playbooks() {
		f.Add(p.Case.Label())
		f.Add(p.Observation().Label())
		f.Add(p.Discoverer().Label())
		for _, s := range p.Steps() {
			f.Add(s.Action.String())
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
