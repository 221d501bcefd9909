package threat

import (
	"fmt"
	"sync"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/vocabtest"
)

// The reference schemes, decoded from the embedded plan files of
// bcp/reference (the one source of each reference plan) with encoding/json.
// Package threat holds no plan content; its tests read the plans' files.

// referenceSpec returns the threat scheme's specification of reference plan
// id, fresh, and whether the plan has one.
func referenceSpec(id string) (Spec, bool) {
	s, ok, err := vocabtest.Part[Spec](id, "threat", positions, parties)
	if err != nil {
		panic(fmt.Sprintf("threat test: %v", err))
	}
	return s, ok
}

func mustSpec(id string) Spec {
	s, ok := referenceSpec(id)
	if !ok {
		panic("threat test: no threat scheme in reference plan " + id)
	}
	return s
}

func mustNewScheme(spec Spec) *Scheme {
	s, err := NewScheme(spec)
	if err != nil {
		panic(err)
	}
	return s
}

func tottoriSpec() Spec  { return mustSpec("tottori") }
func kumamotoSpec() Spec { return mustSpec("kumamoto") }
func inoSpec() Spec      { return mustSpec("ino") }

// schemes are the reference schemes, built once: a Scheme is immutable, so
// tests share them (a Spec is not: the spec functions decode anew).
var schemes = sync.OnceValue(func() map[string]*Scheme {
	return map[string]*Scheme{
		"tottori": mustNewScheme(tottoriSpec()), "kumamoto": mustNewScheme(kumamotoSpec()), "ino": mustNewScheme(inoSpec()),
	}
})

func tottori() *Scheme  { return schemes()["tottori"] }
func kumamoto() *Scheme { return schemes()["kumamoto"] }
func ino() *Scheme      { return schemes()["ino"] }

// referenceOrg returns the organisation of reference plan id, decoded from
// its plan file.
func referenceOrg(id string) (council.Organization, error) {
	return vocabtest.Stated[council.Organization](id, "organization", positions, parties)
}

// cites returns the citations of clauses in plan.
func cites(plan string, clauses ...string) council.Citations {
	cs := make([]council.Citation, len(clauses))
	for i, c := range clauses {
		cs[i] = council.Cite(plan, c)
	}
	return council.Cites(cs...)
}

var (
	sysAdmin     = council.ByRole(council.SystemAdministrator)
	chief        = council.ByRole(council.SecurityChief)
	staff        = council.ByRole(council.Staff)
	sectionMgr   = council.ByRole(council.SectionManager)
	secOfficers  = council.ByRole(council.SecurityOfficers)
	nationalCtr  = council.ByParty(council.NationalCenter)
	municipality = council.ByParty(council.RelatedMunicipalities)
	otherGovts   = council.ByParty(council.OtherLocalGovernments)
	regionalDiv  = declared("kumamoto", positions, "regional-policy-division")
	chuoDiv      = declared("kumamoto", positions, "chuo-ward-residents-division")
	infoDiv      = declared("kumamoto", positions, "info-policy-division")
	otherWards   = declared("kumamoto", parties, "other-ward-offices")
)

// vocabulary kinds of council's actors.
var (
	positions = vocabtest.Positions.With(len(council.AllRoles()))
	parties   = vocabtest.Parties.With(len(council.AllParties()))
)

// declared returns the actor term id of reference plan plan stands for; it
// panics when the plan has no such term.
func declared(plan string, k vocabtest.Kind, id string) council.Actor {
	text, err := vocabtest.Term(plan, k, id)
	if err != nil {
		panic(err)
	}
	a, err := council.ParseActor(text)
	if err != nil {
		panic(fmt.Sprintf("reference plan %s: %s %q: %v", plan, k.Key, id, err))
	}
	return a
}
