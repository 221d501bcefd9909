package bcp

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// builtin parses the built-in scenario filed under id, embedded as a
// scenario file in package reference, through its reference plan (the plan
// its "plan" field names): the file names that plan's terms, symptoms and
// triggers by ID. The files are part of the library and
// TestBuiltinScenarioFiles parses every one of them, so an error here is a
// broken build, never bad input.
func builtin(id string) (Scenario, bool) {
	data, ok := reference.Scenario(id)
	if !ok {
		return Scenario{}, false
	}
	p, err := Reference(scenarioPlan(data))
	if err != nil {
		panic(fmt.Sprintf("bcp: built-in scenario %s: %v", id, err))
	}
	return mustBuiltin(p, id, data), true
}

// mustBuiltin parses the built-in scenario id, held in data, through p.
func mustBuiltin(p Plan, id string, data []byte) Scenario {
	s, err := p.ParseScenario(data)
	if err != nil {
		panic(fmt.Sprintf("bcp: built-in scenario %s: %v", id, err))
	}
	return s
}

// scenarioPlan returns the plan ID a scenario file names, or "".
func scenarioPlan(data []byte) string {
	var head struct {
		Plan string `json:"plan"`
	}
	_ = json.Unmarshal(data, &head) // a built-in file is valid JSON (TestBuiltinScenarioFiles)
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
// (bcp/reference/scenarios), parsed through the reference plan with
// [Plan.ParseScenario], so that they name the plan's symptoms and triggers
// by the IDs of its vocabulary. An unknown plan is an error wrapping
// ErrInvalid.
func Scenarios(plan string) ([]Scenario, error) {
	var out []Scenario
	var p Plan
	for _, id := range reference.ScenarioIDs() {
		data, _ := reference.Scenario(id)
		if scenarioPlan(data) != plan {
			continue
		}
		if p.ID == "" {
			p = mustReference(plan)
		}
		out = append(out, mustBuiltin(p, id, data))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("bcp: scenarios: %w: no built-in scenario for plan %s", ErrInvalid, problem.Value(plan))
	}
	slices.SortFunc(out, func(a, b Scenario) int { return cmpString(a.ID, b.ID) })
	return out, nil
}

// ScenarioByID returns the built-in scenario with the given ID, fresh,
// parsed through its reference plan as [Scenarios] parses it.
func ScenarioByID(id string) (Scenario, error) {
	if s, ok := builtin(id); ok {
		return s, nil
	}
	return Scenario{}, fmt.Errorf("bcp: scenarios: %w: no built-in scenario %s", ErrInvalid, problem.Value(id))
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
