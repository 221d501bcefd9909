package council

import (
	"encoding/json"
	"fmt"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/internal/vocabtest"
)

// The reference organisations, decoded from the embedded plan files of
// bcp/reference (the one source of each reference plan) with encoding/json.
// Package council holds no plan content; its tests read the plans' files,
// and take the positions, parties and bodies a plan declares from its
// vocabulary (roleIn, partyIn, bodyIn).

// vocabulary kinds of council's types.
var (
	positions = vocabtest.Positions.With(len(AllRoles()))
	parties   = vocabtest.Parties.With(len(AllParties()))
	bodies    = vocabtest.Bodies.With(len(AllBodies()))
)

// The positions, parties and bodies one reference plan declares.
var (
	mayor                       = roleIn(PlanNakano, "mayor")
	deputyMayor                 = roleIn(PlanNakano, "deputy-mayor")
	crisisManagementDivision    = roleIn(PlanNakano, "crisis-management-division")
	owningDepartmentHead        = roleIn(PlanNakano, "owning-department-head")
	owningDivisionHead          = roleIn(PlanNakano, "owning-division-head")
	systemManager               = roleIn(PlanNakano, "system-manager")
	systemStaff                 = roleIn(PlanNakano, "system-staff")
	regionalPolicyDivision      = roleIn(PlanKumamoto, "regional-policy-division")
	chuoWardResidentsDivision   = roleIn(PlanKumamoto, "chuo-ward-residents-division")
	infoPolicyDivision          = roleIn(PlanKumamoto, "info-policy-division")
	prDivision                  = partyIn(PlanKumamoto, "pr-division")
	affectedPersons             = partyIn(PlanKumamoto, "affected-persons")
	nisc                        = partyIn(PlanNakano, "nisc")
	micOffice                   = partyIn(PlanNakano, "mic-office")
	tokyoICTDepartment          = partyIn(PlanNakano, "tokyo-ict-department")
	ppc                         = partyIn(PlanNakano, "ppc")
	tokyoGeneralAffairsDivision = partyIn(PlanNakano, "tokyo-general-affairs-division")
	municipalities              = partyIn(PlanTottori, "municipalities")
	infoSecurityCommittee       = bodyIn(PlanNakano, "info-security-committee")
	crisisManagementCouncil     = bodyIn(PlanNakano, "crisis-management-council")
)

// planFile returns reference plan id's file, its terms resolved for
// encoding/json (vocabtest.Rewrite).
func planFile(id string) ([]byte, error) {
	return vocabtest.File(id, positions, parties, bodies)
}

// termIn returns the text the term id of kind k of reference plan plan
// stands for; it panics when the plan has no such term.
func termIn(plan string, k vocabtest.Kind, id string) string {
	text, err := vocabtest.Term(plan, k, id)
	if err != nil {
		panic(err)
	}
	return text
}

// roleIn returns the position term id of reference plan plan stands for.
func roleIn(plan, id string) Role {
	r, err := ParseRole(termIn(plan, positions, id))
	if err != nil {
		panic(err)
	}
	return r
}

// partyIn returns the party term id of reference plan plan stands for.
func partyIn(plan, id string) Party {
	p, err := ParseParty(termIn(plan, parties, id))
	if err != nil {
		panic(err)
	}
	return p
}

// bodyIn returns the body term id of reference plan plan stands for.
func bodyIn(plan, id string) Body {
	b, err := ParseBody(termIn(plan, bodies, id))
	if err != nil {
		panic(err)
	}
	return b
}

// referenceOrg returns the organisation of reference plan id, fresh.
func referenceOrg(id string) (Organization, error) {
	b, err := planFile(id)
	if err != nil {
		return Organization{}, err
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
