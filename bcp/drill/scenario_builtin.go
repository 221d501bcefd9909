package drill

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// builtin parses the built-in scenario filed under id, embedded as a
// scenario file in package reference, through its reference plan
// ([ParseScenario]): the file names the values its plan declares by
// their terms' IDs. The files are part of the library and
// TestBuiltinScenarioFiles parses every one of them, so an error here is a
// broken build, never bad input.
func builtin(id string) (Scenario, bool) {
	data, ok := reference.Scenario(id)
	if !ok {
		return Scenario{}, false
	}
	p, err := bcp.Reference(builtinPlan(data))
	if err != nil {
		panic(fmt.Sprintf("drill: built-in scenario %s: %v", id, err))
	}
	s, err := ParseScenario(p, data)
	if err != nil {
		panic(fmt.Sprintf("drill: built-in scenario %s: %v", id, err))
	}
	return s, true
}

// builtinPlan returns the ID of the plan a built-in scenario file is for.
func builtinPlan(data []byte) string {
	var head struct {
		Plan string `json:"plan"`
	}
	_ = json.Unmarshal(data, &head) // a broken file fails in Reference or ParseScenario
	return head.Plan
}

// Scenarios returns the built-in drill scenarios of a reference plan, fresh
// on every call, sorted by ID: tottori — unauthorized access that passed the
// firewall (level 3, annex 1-2, council) and an antivirus detection (level
// 2, annex 4-2); kumamoto — theft of application forms (level 3) and a
// terminal that will not power on; ino — a long server stop (serious fault);
// nakano — the IaaS down for three days, recovery time unknown for the first
// day; kumiyama — a lost operator IC card. They are scenario files embedded
// in package [github.com/jukiplan/jukiplan/bcp/reference]
// (bcp/reference/scenarios), parsed through their reference plan's
// [ParseScenario]. An unknown plan
// is an error wrapping ErrInvalid.
func Scenarios(plan string) ([]Scenario, error) {
	var out []Scenario
	for _, id := range reference.ScenarioIDs() {
		if data, _ := reference.Scenario(id); builtinPlan(data) != plan {
			continue
		}
		if s, _ := builtin(id); s.Plan == plan {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("drill: scenarios: %w: no built-in scenario for plan %s", bcp.ErrInvalid, problem.Value(plan))
	}
	slices.SortFunc(out, func(a, b Scenario) int { return cmpString(a.ID, b.ID) })
	return out, nil
}

// ScenarioByID returns the built-in scenario with the given ID, fresh.
func ScenarioByID(id string) (Scenario, error) {
	if s, ok := builtin(id); ok {
		return s, nil
	}
	return Scenario{}, fmt.Errorf("drill: scenarios: %w: no built-in scenario %s", bcp.ErrInvalid, problem.Value(id))
}

// ScenarioIDs returns the IDs of every built-in scenario, sorted, fresh.
func ScenarioIDs() []string { return reference.ScenarioIDs() }

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
