// Package reference holds the five reference plans as plan files: the JSON
// that a municipality would write for its own plan, embedded in the binary.
// It is data, not code (the pattern of time/tzdata): package bcp parses these
// files through [github.com/jukiplan/jukiplan/bcp.ParsePlan], the same public
// path a municipality's file takes, so each reference plan has one source.
//
// A vendor who writes a new plan can start from one of these files; the
// example programs and tests read them here.
//
// It also holds the built-in drill scenarios of the reference plans, one
// scenario file each under scenarios/ ([ScenarioIDs], [Scenario]), which
// package bcp parses through the reference plan the scenario names
// (bcp.Plan.ParseScenario): a scenario names the plan's terms by ID.
package reference

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
)

//go:embed ino.json kumamoto.json kumiyama.json nakano.json tottori.json
var files embed.FS

// ids are the plan IDs of the embedded files, in ascending order.
var ids = [...]string{"ino", "kumamoto", "kumiyama", "nakano", "tottori"}

// IDs returns the IDs of the reference plans in ascending order, in a fresh
// slice.
func IDs() []string { return slices.Clone(ids[:]) }

// File returns the plan file of the reference plan with ID id, in a fresh
// slice that the caller may change, and whether there is one.
func File(id string) ([]byte, bool) {
	if !slices.Contains(ids[:], id) {
		return nil, false
	}
	b, err := files.ReadFile(id + ".json")
	if err != nil {
		return nil, false // unreachable: every ID has its file (TestFiles)
	}
	return b, true
}

//go:embed scenarios/*.json
var scenarios embed.FS

// ScenarioIDs returns the IDs of the built-in drill scenarios in ascending
// order, in a fresh slice.
func ScenarioIDs() []string {
	entries, err := fs.ReadDir(scenarios, "scenarios")
	if err != nil {
		return nil // unreachable: the directory is embedded (TestScenarioFiles)
	}
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), ".json"))
	}
	return ids
}

// Scenario returns the scenario file of the built-in drill scenario with ID
// id, in a fresh slice that the caller may change, and whether there is one.
func Scenario(id string) ([]byte, bool) {
	if !slices.Contains(ScenarioIDs(), id) {
		return nil, false
	}
	b, err := scenarios.ReadFile("scenarios/" + id + ".json")
	if err != nil {
		return nil, false // unreachable: every ID has its file
	}
	return b, true
}
