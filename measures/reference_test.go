package measures

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
)

// The reference plans' measures are plan data: these tests read them from
// the embedded plan files (package bcp/reference) with encoding/json, each
// part in the form it has alone, and check them against the documents.

// planMeasures is the measures part of a plan file, as far as these tests
// read it.
type planMeasures struct {
	Controls   *Rules    `json:"controls"`
	Annex      []Case    `json:"annex"`
	Playbooks  Playbooks `json:"playbooks"`
	Emergency  []Measure `json:"emergency"`
	FollowUp   []Measure `json:"followUp"`
	Recurrence *struct {
		Countermeasures []Countermeasure  `json:"countermeasures"`
		PlanRequired    bool              `json:"planRequired"`
		Citations       council.Citations `json:"citations"`
	} `json:"recurrence"`
}

// referenceMeasures decodes the measures part of reference plan id's file.
func referenceMeasures(t testing.TB, id string) planMeasures {
	t.Helper()
	data, ok := reference.File(id)
	if !ok {
		t.Fatalf("no reference plan %s", id)
	}
	var f struct {
		Measures planMeasures `json:"measures"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: measures: %v", id, err)
	}
	return f.Measures
}

// tottoriPlaybooks returns the playbook table of tottori's file (別表).
func tottoriPlaybooks(t testing.TB) Playbooks {
	t.Helper()
	pbs := referenceMeasures(t, council.PlanTottori).Playbooks
	if len(pbs) == 0 {
		t.Fatal("tottori's file has no playbooks")
	}
	return pbs
}

// kumiyamaFile returns the preventive controls of kumiyama's file, decoded
// afresh on every call; a file without them is a broken build of the
// reference data, and panics.
func kumiyamaFile() Rules {
	data, _ := reference.File(council.PlanKumiyama)
	var f struct {
		Measures planMeasures `json:"measures"`
	}
	if err := json.Unmarshal(data, &f); err != nil || f.Measures.Controls == nil {
		panic(fmt.Sprintf("kumiyama's file has no readable controls: %v", err))
	}
	return *f.Measures.Controls
}
