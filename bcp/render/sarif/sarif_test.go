package sarif

import (
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
)

// TestEveryCodeDescribed: each finding code has a rule with a description,
// and no description names a code that does not exist.
func TestEveryCodeDescribed(t *testing.T) {
	for _, c := range bcp.AllCodes() {
		if Description(c) == "" {
			t.Errorf("%s has no description", c)
		}
	}
	for code := range descriptions {
		if _, err := bcp.ParseCode(code); err != nil {
			t.Errorf("description of %q, not a code", code)
		}
	}
	if got, want := len(Rules("en")), len(bcp.AllCodes()); got != want {
		t.Errorf("%d rules, want %d", got, want)
	}
}

// TestResultLevelsAndRegion: a result has its finding's level, rule index
// and region.
func TestResultLevelsAndRegion(t *testing.T) {
	f := bcp.Finding{Severity: bcp.SeverityWarning, Code: bcp.CodeSystemNoOwner, Message: "m", Path: "continuity", Line: 3, Column: 7}
	log := New("plans/yazu.json", []bcp.Finding{f}, "en")
	r := log.Runs[0].Results[0]
	rule := log.Runs[0].Tool.Driver.Rules[r.RuleIndex]
	if r.Level != "warning" || rule.ID != "system.no-owner" || rule.Name != "SystemNoOwner" ||
		r.Locations[0].PhysicalLocation.Region.StartLine != 3 || r.Locations[0].PhysicalLocation.Region.StartColumn != 7 {
		t.Errorf("result %+v, rule %+v", r, rule)
	}
}
