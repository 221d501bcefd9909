package fault

import (
	"encoding/json"
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

// A vocab is the fault terms a reference plan's vocabulary declares: for
// each kind ("symptoms", "checks", "triggers", "locations"), the value each
// term ID stands for, resolved as package bcp resolves a vocabulary (a term
// with a function is the engine's value of it, the first such term only;
// every other term takes the next value past the engine's named ones, in the
// order of the list). Package bcp's tests check the same plans through its
// own resolution; a mismatch fails the tables here, which cite the plans'
// clauses for each value.
type vocab map[string]map[string]uint8

// faultKinds are the vocabulary kinds of package fault: the JSON key, how
// many values the engine names, and how to parse a function.
var faultKinds = []struct {
	key   string
	named int
	parse func(string) (uint8, error)
}{
	{"symptoms", len(AllSymptoms()), func(s string) (uint8, error) { x, err := ParseSymptom(s); return uint8(x), err }},
	{"checks", len(AllChecks()), func(s string) (uint8, error) { x, err := ParseCheck(s); return uint8(x), err }},
	{"triggers", len(AllTriggers()), func(s string) (uint8, error) { x, err := ParseTrigger(s); return uint8(x), err }},
	{"locations", len(AllLocations()), func(s string) (uint8, error) { x, err := ParseLocation(s); return uint8(x), err }},
}

func planVocab(file []byte) (vocab, error) {
	var f struct {
		Vocabulary map[string][]struct {
			ID       string `json:"id"`
			Function string `json:"function"`
		} `json:"vocabulary"`
	}
	if err := json.Unmarshal(file, &f); err != nil {
		return nil, err
	}
	out := vocab{}
	for _, k := range faultKinds {
		terms := f.Vocabulary[k.key]
		values := make([]uint8, len(terms))
		taken := map[uint8]bool{}
		for i, t := range terms {
			if t.Function == "" {
				continue
			}
			v, err := k.parse(t.Function)
			if err != nil {
				return nil, fmt.Errorf("%s[%d]: %w", k.key, i, err)
			}
			if !taken[v] {
				values[i], taken[v] = v, true
			}
		}
		next := uint8(k.named + 1)
		ids := map[string]uint8{}
		for i, t := range terms {
			if values[i] == 0 {
				values[i] = next
				next++
			}
			ids[t.ID] = values[i]
		}
		out[k.key] = ids
	}
	return out, nil
}

// vocabs are the reference plans' fault terms, read once.
var vocabs = sync.OnceValue(func() map[string]vocab {
	out := map[string]vocab{}
	for _, id := range planfiles.IDs() {
		b, _ := planfiles.File(id)
		v, err := planVocab(b)
		if err != nil {
			panic(fmt.Sprintf("fault test: reference plan %s: vocabulary: %v", id, err))
		}
		out[id] = v
	}
	return out
})

// term returns the value reference plan plan declares for the term id of
// vocabulary kind key; it panics (failing the test) when there is none.
func term(plan, key, id string) uint8 {
	v, ok := vocabs()[plan][key][id]
	if !ok {
		panic(fmt.Sprintf("fault test: reference plan %s declares no %s term %q", plan, key, id))
	}
	return v
}

func symptomOf(plan, id string) Symptom   { return Symptom(term(plan, "symptoms", id)) }
func checkOf(plan, id string) Check       { return Check(term(plan, "checks", id)) }
func triggerOf(plan, id string) Trigger   { return Trigger(term(plan, "triggers", id)) }
func locationOf(plan, id string) Location { return Location(term(plan, "locations", id)) }

// resolveTerms rewrites the fault part of a plan file, decoded into a
// generic value, so that encoding/json reads it: every term ID of the
// plan's symptoms, checks, triggers and locations becomes the engine's name
// of its value ("bug", "symptom#4").
func resolveTerms(part map[string]any, v vocab) {
	name := func(key string, x any, str func(uint8) string) any {
		if s, ok := x.(string); ok {
			if n, ok := v[key][s]; ok {
				return str(n)
			}
		}
		return x
	}
	rows := func(field string) []map[string]any {
		var out []map[string]any
		list, _ := part[field].([]any)
		for _, r := range list {
			if m, ok := r.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	for _, r := range rows("symptoms") {
		r["symptom"] = name("symptoms", r["symptom"], func(n uint8) string { return Symptom(n).String() })
	}
	for _, r := range rows("investigations") {
		checks, _ := r["checks"].([]any)
		for i := range checks {
			checks[i] = name("checks", checks[i], func(n uint8) string { return Check(n).String() })
		}
	}
	for _, r := range rows("detections") {
		r["trigger"] = name("triggers", r["trigger"], func(n uint8) string { return Trigger(n).String() })
	}
	for _, r := range rows("locations") {
		r["location"] = name("locations", r["location"], func(n uint8) string { return Location(n).String() })
	}
}

// referencePlan returns the fault plan of reference plan id, built fresh
// with NewPlan, and whether the plan states fault handling (nakano does not).
func referencePlan(id string) (Plan, bool) {
	b, ok := planFile(id)
	if !ok {
		return Plan{}, false
	}
	var raw struct {
		Fault map[string]any `json:"fault"`
	}
	if err := json.Unmarshal(b, &raw); err != nil || raw.Fault == nil {
		return Plan{}, false
	}
	resolveTerms(raw.Fault, vocabs()[id])
	part, err := json.Marshal(raw.Fault)
	if err != nil {
		panic(err)
	}
	var spec Spec
	if err := json.Unmarshal(part, &spec); err != nil {
		panic(fmt.Sprintf("fault test: reference plan %s: %v", id, err))
	}
	p, err := NewPlan(spec)
	if err != nil {
		panic(err)
	}
	return p, true
}

// loaded are the reference plans' fault plans, decoded once: a Plan is
// immutable, so tests share them.
var loaded = sync.OnceValue(func() map[string]Plan {
	out := map[string]Plan{}
	for _, id := range planfiles.IDs() {
		if p, ok := referencePlan(id); ok {
			out[id] = p
		}
	}
	return out
})

func mustPlan(id string) Plan {
	p, ok := loaded()[id]
	if !ok {
		panic("fault test: no fault handling in reference plan " + id)
	}
	return p
}

func ino() Plan      { return mustPlan("ino") }
func kumamoto() Plan { return mustPlan("kumamoto") }
func kumiyama() Plan { return mustPlan("kumiyama") }
func tottori() Plan  { return mustPlan("tottori") }

// referencePlans returns the reference plans that state fault handling,
// ordered by ID.
func referencePlans() []Plan {
	var out []Plan
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
	b, ok := planFile(id)
	if !ok {
		return council.Organization{}, fmt.Errorf("no reference plan %q", id)
	}
	var f struct {
		Organization *council.Organization `json:"organization"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return council.Organization{}, fmt.Errorf("reference plan %s: %w", id, err)
	}
	if f.Organization == nil {
		return council.Organization{}, fmt.Errorf("reference plan %s states no organisation", id)
	}
	return *f.Organization, nil
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

// planFile returns reference plan id's file with the positions and parties
// it declares spelled as council parses them (vocabtest.Rewrite), and
// whether there is one.
func planFile(id string) ([]byte, bool) {
	b, ok := planfiles.File(id)
	if !ok {
		return nil, false
	}
	b, err := vocabtest.Rewrite(b, positions, parties)
	if err != nil {
		panic(err)
	}
	return b, true
}

// vocabulary kinds of council's actors.
var (
	positions = vocabtest.Kind{Key: "positions", Prefix: "role", Named: len(council.AllRoles())}
	parties   = vocabtest.Kind{Key: "parties", Prefix: "party", Named: len(council.AllParties())}
)

// declared returns the actor term id of reference plan plan stands for; it
// panics when the plan has no such term.
func declared(plan string, k vocabtest.Kind, id string) council.Actor {
	b, _ := planfiles.File(plan)
	m, err := vocabtest.Resolve(b, k)
	if err != nil {
		panic(err)
	}
	a, err := council.ParseActor(m[id])
	if err != nil {
		panic(fmt.Sprintf("reference plan %s: %s %q: %v", plan, k.Key, id, err))
	}
	return a
}
