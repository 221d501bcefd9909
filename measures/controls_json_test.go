package measures

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

var rulesCmp = cmp.AllowUnexported(Rules{})

func TestParseHours(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Hours
		ok   bool
	}{
		{"8:30-17:15", Hours{Open: 8*time.Hour + 30*time.Minute, Close: 17*time.Hour + 15*time.Minute}, true},
		{"0:00-24:00", Hours{Close: 24 * time.Hour}, true},
		{"08:30-17:15", Hours{Open: 8*time.Hour + 30*time.Minute, Close: 17*time.Hour + 15*time.Minute}, true},
		{"17:15-8:30", Hours{}, false},
		{"8:30-8:30", Hours{}, false},
		{"8:3-17:15", Hours{}, false},
		{"8:60-17:15", Hours{}, false},
		{"-1:00-2:00", Hours{}, false},
		{"+1:00-2:00", Hours{}, false},
		{"1:+0-2:00", Hours{}, false},
		{"0:00-24:01", Hours{}, false},
		{"25:00-26:00", Hours{}, false},
		{"8:30", Hours{}, false},
		{"", Hours{}, false},
	} {
		got, err := ParseHours(tc.in)
		if got != tc.want || (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
			t.Errorf("ParseHours(%q) = %v, %v; want %v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if tc.ok {
			b, err := got.MarshalText()
			if err != nil {
				t.Fatal(err)
			}
			if back, err := ParseHours(string(b)); err != nil || back != got {
				t.Errorf("%q → %q → %v, %v", tc.in, b, back, err)
			}
		}
	}
	if _, err := (Hours{Open: time.Second, Close: time.Hour}).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Error("hours off whole minutes encode")
	}
	if _, err := (Hours{}).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Error("the zero hours encode")
	}
}

func TestTerminalUsable(t *testing.T) {
	r := kumiyamaFile()
	day := func(h, m int) time.Time { return time.Date(2026, 11, 24, h, m, 0, 0, jst) }
	for _, tc := range []struct {
		name    string
		t       time.Time
		holiday bool
		want    bool
	}{
		{"kumiyama:第23条/t0-8:29", day(8, 29), false, false},
		{"kumiyama:第23条/t1-8:30", day(8, 30), false, true},
		{"kumiyama:第23条/t2-12:00", day(12, 0), false, true},
		{"kumiyama:第23条/t3-17:14", day(17, 14), false, true},
		{"kumiyama:第23条/t4-17:15", day(17, 15), false, false},
		{"kumiyama:第23条/t5-holiday-noon", day(12, 0), true, false},
		{"kumiyama:第23条/t6-utc-03:00-is-jst-12:00", time.Date(2026, 11, 24, 3, 0, 0, 0, time.UTC), false, true},
		{"kumiyama:第23条/t7-utc-23:00-is-jst-08:00", time.Date(2026, 11, 23, 23, 0, 0, 0, time.UTC), false, false},
	} {
		if got := r.TerminalUsable(tc.t, tc.holiday); got != tc.want {
			t.Errorf("%s: TerminalUsable = %v; want %v", tc.name, got, tc.want)
		}
	}
	r.WorkingDaysOnly = false
	if !r.TerminalUsable(day(12, 0), true) {
		t.Error("holidays refused although the rules allow them")
	}
	r.InForce = r.InForce.Without(TerminalHours)
	if !r.TerminalUsable(day(3, 0), true) {
		t.Error("hours enforced although not in force")
	}
}

func TestRulesJSON(t *testing.T) {
	b, err := json.Marshal(kumiyamaFile())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"minPasswordLength":8`, `"terminalHours":"8:30-17:15"`, `"card-password-length":["kumiyama:第18条1項2号"]`, `"identityAssetManager":"info-protection-manager"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	var back Rules
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(kumiyamaFile(), back, rulesCmp); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		`{"inForce":["nope"]}`,
		`{"inForce":[],"citations":{"nope":["kumiyama:第1条"]}}`,
		`{"inForce":[],"citations":{"terminal-hours":["bad"]}}`,
		`{"inForce":[],"citations":{"terminal-hours":["a:1"],"業務端末の操作時間":["a:2"]}}`,
		`{"inForce":[],"terminalHours":"9-5"}`,
		`{"inForce":[],"extra":1}`,
	} {
		var r Rules
		if err := json.Unmarshal([]byte(bad), &r); err == nil || !strings.Contains(err.Error(), "measures: ") {
			t.Errorf("Unmarshal(%s) error = %v", bad, err)
		}
	}
	var zero Rules
	b, err = json.Marshal(Rules{})
	if err != nil || json.Unmarshal(b, &zero) != nil || string(b) != `{"inForce":[]}` {
		t.Errorf("zero rules: %s, %v", b, err)
	}
	if _, err := json.Marshal(Rules{InForce: 1 << 62}); err == nil {
		t.Error("unknown requirement bits encode")
	}
}

func TestSettingsJSON(t *testing.T) {
	s := compliant()
	s.IdentityAssetManager = 0
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseSettings(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(b), `"clauses":["contract-subcontracting","contract-materials","contract-misuse","contract-confidentiality","contract-incident-report"]`) {
		t.Errorf("contract clauses not encoded by name: %s", b)
	}
	for _, bad := range []string{`{"cards":{"x":1}}`, `{"terminalHours":"x"}`, `{"contracts":[{"clauses":["terminal-hours-x"]}]}`, `{"otherAssetManager":"nobody"}`, `[]`} {
		if _, err := ParseSettings([]byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "measures: ") {
			t.Errorf("ParseSettings(%s) error = %v", bad, err)
		}
	}
	// a role from council decodes by its Japanese label too
	if got, err := ParseSettings([]byte(`{"otherAssetManager":"システム管理者"}`)); err != nil || got.OtherAssetManager != council.SystemAdministrator {
		t.Errorf("Japanese role label: %v, %v", got.OtherAssetManager, err)
	}
}

// TestSettingsPathErrors: the settings are read by the module's one strict
// decoder, so each problem is a *PathError naming its JSON path and wrapping
// a sentinel of the family, as in plan files.
func TestSettingsPathErrors(t *testing.T) {
	tests := []struct {
		name, data, path string
		sentinel         error
	}{
		{"kumiyama:第17条/card-record-years-not-a-number", `{"cards":{"recordYears":"5"}}`, "$.cards.recordYears", ErrInvalid},
		{"kumiyama:第17条/unknown-card-field", `{"cards":{"x":1}}`, "$.cards.x", problem.ErrUnknownField},
		{"kumiyama:第18条/key-given-twice", `{"cardPassword":{"minLength":8,"minLength":9}}`, "$.cardPassword.minLength", problem.ErrDuplicate},
		{"kumiyama:第33条/unknown-contract-clause", `{"contracts":[{"name":"a","clauses":["nothing"]}]}`, "$.contracts[0].clauses", ErrInvalid},
		{"kumiyama:第20条/role-unknown", `{"otherAssetManager":"nobody"}`, "$.otherAssetManager", ErrInvalid},
		{"syntax", `{"cards":`, "$.cards", problem.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSettings([]byte(tt.data))
			pe, ok := errors.AsType[*PathError](err)
			if !ok {
				t.Fatalf("error %v is not a *PathError", err)
			}
			if pe.Path != tt.path || !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v: want path %s wrapping %v", err, tt.path, tt.sentinel)
			}
			if !strings.HasPrefix(err.Error(), "measures: settings: "+tt.path+": ") {
				t.Errorf("message %q", err)
			}
		})
	}
}
