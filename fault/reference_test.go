package fault

import (
	"fmt"
	"sync"

	planfiles "github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/vocabtest"
)

// The reference plans' fault handling, decoded from the embedded plan files
// of bcp/reference (the one source of each reference plan) with
// encoding/json. Package fault holds no plan content; its tests read the
// plans' files.

// The vocabulary kinds the tests resolve (internal/vocabtest resolves a
// plan's vocabulary as package bcp does; bcp's tests check that the two
// agree on every reference plan).
var (
	positions = vocabtest.Positions.With(len(council.AllRoles()))
	parties   = vocabtest.Parties.With(len(council.AllParties()))
	symptoms  = vocabtest.Symptoms.With(len(AllSymptoms()))
	checks    = vocabtest.Checks.With(len(AllProbes()))
	triggers  = vocabtest.Triggers.With(len(AllSignals()))
	locations = vocabtest.Locations.With(len(AllLocations()))
	allKinds  = []vocabtest.Kind{positions, parties, symptoms, checks, triggers, locations}
)

// termOf returns the value reference plan plan declares for the term id of
// kind k, parsed by parse; it panics (failing the test) when there is none.
func termOf[T any](parse func(string) (T, error), plan string, k vocabtest.Kind, id string) T {
	text, err := vocabtest.Term(plan, k, id)
	if err != nil {
		panic(fmt.Sprintf("fault test: %v", err))
	}
	x, err := parse(text)
	if err != nil {
		panic(fmt.Sprintf("fault test: reference plan %s: %s %q: %v", plan, k.Key, id, err))
	}
	return x
}

func symptomOf(plan, id string) Symptom   { return termOf(ParseSymptom, plan, symptoms, id) }
func checkOf(plan, id string) Probe       { return termOf(ParseProbe, plan, checks, id) }
func triggerOf(plan, id string) Signal    { return termOf(ParseSignal, plan, triggers, id) }
func locationOf(plan, id string) Location { return termOf(ParseLocation, plan, locations, id) }

// referencePlan returns the fault plan of reference plan id, built fresh
// with NewPlan, and whether the plan states fault handling (nakano does not).
func referencePlan(id string) (Procedure, bool) {
	spec, ok, err := vocabtest.Part[Spec](id, "fault", allKinds...)
	if err != nil {
		panic(fmt.Sprintf("fault test: %v", err))
	}
	if !ok {
		return Procedure{}, false
	}
	p, err := NewProcedure(spec)
	if err != nil {
		panic(err)
	}
	return p, true
}

// loaded are the reference plans' fault plans, decoded once: a Plan is
// immutable, so tests share them.
var loaded = sync.OnceValue(func() map[string]Procedure {
	out := map[string]Procedure{}
	for _, id := range planfiles.IDs() {
		if p, ok := referencePlan(id); ok {
			out[id] = p
		}
	}
	return out
})

func mustPlan(id string) Procedure {
	p, ok := loaded()[id]
	if !ok {
		panic("fault test: no fault handling in reference plan " + id)
	}
	return p
}

func ino() Procedure      { return mustPlan("ino") }
func kumamoto() Procedure { return mustPlan("kumamoto") }
func kumiyama() Procedure { return mustPlan("kumiyama") }
func tottori() Procedure  { return mustPlan("tottori") }

// referencePlans returns the reference plans that state fault handling,
// ordered by ID.
func referencePlans() []Procedure {
	var out []Procedure
	for _, id := range planfiles.IDs() {
		if p, ok := loaded()[id]; ok {
			out = append(out, p)
		}
	}
	return out
}

// referenceOrg returns the organisation of reference plan id, decoded from
// its plan file.
func referenceOrg(id string) (council.Organization, error) {
	return vocabtest.Stated[council.Organization](id, "organization", allKinds...)
}

// cites returns the citations of clauses in plan.
func cites(plan string, clauses ...string) council.Citations {
	cs := make([]council.Citation, len(clauses))
	for i, c := range clauses {
		cs[i] = council.Cite(plan, c)
	}
	return council.Cites(cs...)
}

var chief = council.ByRole(council.SecurityChief)

// The reference plans' symptoms, triggers and locations the tests use, as
// the plans declare them: ino's and kumamoto's symptoms (ino 第2条,
// kumamoto 4(2) 障害の特定), tottori's triggers (第2-1) and fault locations
// (第2-3 ①-⑧). Values are plan-relative: use each only with its plan.
var (
	breakdown          = symptomOf("ino", "breakdown")
	switchFailure      = symptomOf("ino", "switch-failure")
	premisesLineCut    = symptomOf("ino", "premises-line-cut")
	noPower            = symptomOf("kumamoto", "no-power")
	printerDown        = symptomOf("kumamoto", "printer-down")
	screenWontStart    = symptomOf("kumamoto", "screen-wont-start")
	oddScreen          = symptomOf("kumamoto", "odd-screen")
	osWontBoot         = symptomOf("kumamoto", "os-wont-boot")
	communicationError = symptomOf("kumamoto", "communication-error")

	serverAlertMail    = triggerOf("tottori", "server-alert-mail")
	serverConsole      = triggerOf("tottori", "server-console")
	serverLamp         = triggerOf("tottori", "server-lamp")
	networkMonitor     = triggerOf("tottori", "network-monitor")
	operatorCall       = triggerOf("tottori", "operator-call")
	outsideNotice      = triggerOf("tottori", "outside-notice")
	terminalMessage    = triggerOf("tottori", "terminal-message")
	terminalNotWorking = triggerOf("tottori", "terminal-not-working")

	dedicatedLine       = locationOf("tottori", "dedicated-line")
	nationalNetwork     = locationOf("tottori", "national-network")
	prefecturalWAN      = locationOf("tottori", "prefectural-wan")
	jukiLAN             = locationOf("tottori", "juki-lan")
	businessApplication = locationOf("tottori", "business-application")
	distributedSoftware = locationOf("tottori", "distributed-software")
	jukiFirewall        = locationOf("tottori", "juki-firewall")
	municipalEquipment  = locationOf("tottori", "municipal-equipment")
)

// openValues returns every valid value of an open enum of package fault,
// ascending: the engine's named values and every value a plan may declare,
// 1 to enum.MaxValue.
func openValues[T ~uint8]() []T {
	out := make([]T, enum.MaxValue)
	for i := range out {
		out[i] = T(i + 1)
	}
	return out
}

// declared returns the actor term id of reference plan plan stands for; it
// panics when the plan has no such term.
func declared(plan string, k vocabtest.Kind, id string) council.Actor {
	return termOf(council.ParseActor, plan, k, id)
}
