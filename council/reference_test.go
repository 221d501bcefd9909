package council

import (
	"encoding/json"
	"fmt"

	"github.com/jukiplan/jukiplan/bcp/reference"
)

// The reference organisations, decoded from the embedded plan files of
// bcp/reference (the one source of each reference plan) with encoding/json.
// Package council holds no plan content; its tests read the plans' files.

// referenceOrg returns the organisation of reference plan id, fresh.
func referenceOrg(id string) (Organization, error) {
	b, ok := reference.File(id)
	if !ok {
		return Organization{}, fmt.Errorf("no reference plan %q", id)
	}
	var f struct {
		Organization *Organization `json:"organization"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return Organization{}, fmt.Errorf("reference plan %s: %w", id, err)
	}
	if f.Organization == nil {
		return Organization{}, fmt.Errorf("reference plan %s states no organisation", id)
	}
	return *f.Organization, nil
}

func mustOrg(id string) Organization {
	o, err := referenceOrg(id)
	if err != nil {
		panic(err)
	}
	return o
}

func ino() Organization      { return mustOrg(PlanIno) }
func kumamoto() Organization { return mustOrg(PlanKumamoto) }
func kumiyama() Organization { return mustOrg(PlanKumiyama) }
func tottori() Organization  { return mustOrg(PlanTottori) }
func nakano() Organization   { return mustOrg(PlanNakano) }

// referencePlans returns the IDs of the reference plans, sorted.
func referencePlans() []string { return reference.IDs() }

// agendaOf returns the agenda cited plan:clause of the reference plan's
// organisation.
func agendaOf(o Organization, clause string) Agenda {
	a, err := o.Agenda(Cite(o.Plan, clause))
	if err != nil {
		panic(err)
	}
	return a
}
