package fault

import (
	"cmp"
	"fmt"
	"github.com/jukiplan/jukiplan/internal/duration"
	"slices"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// Sentinel errors, for [errors.Is]. They are the module's one family of error
// values: [ErrInvalid] and [ErrMissing] are the very values of the same names
// in council, threat, measures and bcp.
var (
	// ErrInvalid is wrapped by every error about an unset or unknown enum
	// value or a figure out of range (the same value as council.ErrInvalid).
	ErrInvalid = problem.ErrInvalid
	// ErrUnlisted is wrapped when a plan does not list a symptom, location,
	// trigger or alternative that was asked about.
	ErrUnlisted = problem.ErrUnlisted
	// ErrNotStated is wrapped when a plan states no rule at all on the matter
	// asked about (tottori lists no investigation steps, kumamoto no serious
	// fault, and so on). The library does not fill the gap from another plan.
	ErrNotStated = problem.ErrNotStated
	// ErrTransition is wrapped by every [*TransitionError].
	ErrTransition = problem.ErrTransition
	// ErrMissing is wrapped by every [*FieldError] of a [TerminalReport]: a
	// field the plan asks for is empty. (It was called ErrIncomplete, a name
	// threat uses for an attribute not yet known.)
	ErrMissing = problem.ErrMissing
)

// A Procedure is one plan's fault-handling rules: the symptoms it lists, its
// investigation steps, detection triggers, fault-location table, escalation,
// alternative operation and lifecycle. Each plan is kept apart; nothing is
// merged across plans.
//
// Build one from a plan's [Spec] with [NewProcedure] (bcp's Plan.FaultProcedure does
// so for a parsed plan file). Every slice a Procedure hands out is a fresh copy:
// a caller cannot change what the next caller gets. A Procedure is safe for
// concurrent use.
//
// The zero Procedure is no plan: every method reports an error wrapping
// [council.ErrInvalid] or returns nothing. Procedures are comparable with ==: a
// Procedure equals its copies with the same [Thresholds]; two Procedures built by
// separate NewProcedure calls differ even from equal specs (compare their
// [Procedure.Spec]s).
type Procedure struct {
	ref  *reference
	long time.Duration
	// heavy is a percentage; see Thresholds.
	heavy int
}

// Thresholds make explicit the words a plan uses to judge a serious fault
// (重大障害): a stop is "long" (ino 第4条 長時間, tottori 第2-4(1) 長期間) when it
// is expected to last at least Long, and the impact on resident services is
// "heavy" (極めて重大) when at least Heavy percent of them cannot be provided.
//
// The plans state these in words only. The numbers are the library's own
// extension, as plan parameters with defaults in the plan files: ino Long =
// 4h (half a business day: 長時間, hours), tottori Long = 24h (長期間, a day
// or more), both Heavy = 50. Change them with [Procedure.WithThresholds].
//
// The zero Thresholds means the plan states no serious-fault judgement. ==
// is not defined (Cites is a list); compare fields.
type Thresholds struct {
	Long  time.Duration     `json:"long,omitzero"`
	Heavy int               `json:"heavy,omitzero"`
	Cites council.Citations `json:"cites,omitzero"` // the clauses whose words the numbers make explicit
}

// reference is one plan's immutable rule tables. Built by NewProcedure and never
// written afterwards.
type reference struct {
	id           string
	symptoms     []symptomRule // indexed by Symptom
	checks       []checkRule   // indexed by Kind
	triggers     []Detection
	locations    []Assignment // indexed by Location; Responder 0 = not listed
	alternatives []Fallback
	escalation   []escalationRule
	stages       []StageSpec // sorted by Stage, then Kind (see sortedStages)
	// integrityAlways: the plan checks the integrity of identity
	// information before every resumption (ino 第7条, kumamoto 4(2)), not
	// only when it was affected (tottori 第2-6 ただし書).
	integrityAlways bool
	integrityCites  council.Citations
	serious         Thresholds // zero: the plan states no serious-fault judgement
}

type symptomRule struct {
	kind  Kind
	cites council.Citations
}

type checkRule struct {
	checks []Probe
	by     council.Roles
	cites  council.Citations
}

func fresh(r *reference) Procedure {
	return Procedure{ref: r, long: r.serious.Long, heavy: r.serious.Heavy}
}

var errZeroPlan = fmt.Errorf("fault: zero Procedure (build one with NewProcedure): %w", council.ErrInvalid)

// ID returns the plan ID, e.g. "tottori", or "" for the zero Plan.
func (p Procedure) ID() string {
	if p.ref == nil {
		return ""
	}
	return p.ref.id
}

// IsValid reports whether p is a plan (not the zero Plan).
func (p Procedure) IsValid() bool { return p.ref != nil }

// String returns the plan ID, or "Plan(zero)".
func (p Procedure) String() string {
	if p.ref == nil {
		return "Plan(zero)"
	}
	return p.ref.id
}

// Thresholds returns the plan's serious-fault thresholds in force, or the zero
// Thresholds when the plan states no serious-fault judgement.
func (p Procedure) Thresholds() Thresholds {
	if p.ref == nil || p.ref.serious.Long == 0 {
		return Thresholds{}
	}
	return Thresholds{Long: p.long, Heavy: p.heavy, Cites: p.ref.serious.Cites}
}

// DefaultThresholds returns the plan's default thresholds (see [Thresholds]).
func (p Procedure) DefaultThresholds() Thresholds {
	if p.ref == nil {
		return Thresholds{}
	}
	return p.ref.serious
}

// WithThresholds returns a copy of p that judges serious faults with long and
// heavy; p is unchanged. Long must be positive and heavy between 1 and 100.
// A plan that states no serious-fault judgement (kumamoto, kumiyama) is an
// error wrapping [ErrNotStated].
func (p Procedure) WithThresholds(long time.Duration, heavy int) (Procedure, error) {
	if p.ref == nil {
		return p, errZeroPlan
	}
	if p.ref.serious.Long == 0 {
		return p, fmt.Errorf("fault: %s: no serious-fault judgement to set thresholds for: %w", p.ref.id, ErrNotStated)
	}
	var errs []error
	if long <= 0 {
		errs = append(errs, fmt.Errorf("fault: %s: threshold long %s: want a positive duration: %w", p.ref.id, duration.Format(long), council.ErrInvalid))
	}
	if heavy < 1 || heavy > 100 {
		errs = append(errs, fmt.Errorf("fault: %s: threshold heavy %d: want a percentage from 1 to 100: %w", p.ref.id, heavy, council.ErrInvalid))
	}
	if len(errs) > 0 {
		return p, problem.Join(errs...)
	}
	p.long, p.heavy = long, heavy
	return p, nil
}

// A Classification is a reported symptom's kind under one plan, with the
// clause that lists it.
//
// The zero Classification classifies nothing. == is not defined (Cites is a
// list); compare with go-cmp or field by field.
type Classification struct {
	Symptom Symptom           `json:"symptom,omitzero"`
	Kind    Kind              `json:"kind,omitzero"`
	Cites   council.Citations `json:"cites,omitzero"`
}

// Classify returns the kind of fault that s is an example of in p. A symptom
// that p does not list is an error wrapping [ErrUnlisted]: the library does
// not guess, and does not borrow another plan's list. It does not allocate
// when it succeeds.
func (p Procedure) Classify(s Symptom) (Classification, error) {
	if p.ref == nil {
		return Classification{}, errZeroPlan
	}
	if !s.IsValid() {
		return Classification{}, fmt.Errorf("fault: %s: classify: symptom %d: %w", p.ref.id, uint8(s), council.ErrInvalid)
	}
	if !p.ref.listsSymptoms() {
		return Classification{}, fmt.Errorf("fault: %s: classify: the plan lists no symptoms: %w", p.ref.id, ErrNotStated)
	}
	r := at(p.ref.symptoms, s)
	if !r.kind.IsValid() {
		return Classification{}, fmt.Errorf("fault: %s: classify: the plan does not list symptom %q (%s): %w", p.ref.id, s.Label(), s, ErrUnlisted)
	}
	return Classification{Symptom: s, Kind: r.kind, Cites: r.cites}, nil
}

// ClassifyText classifies a symptom given as text: a [Symptom]'s English name
// or Japanese label, or "symptom#n" for a value a plan declares. Package
// fault holds no plan's words: a plan file's own term for a symptom is read
// through its vocabulary (bcp's Vocabulary.Symptom), then [Procedure.Classify].
// Text that names no listed symptom is an error wrapping [ErrUnlisted].
func (p Procedure) ClassifyText(text string) (Classification, error) {
	if p.ref == nil {
		return Classification{}, errZeroPlan
	}
	s, err := ParseSymptom(text)
	if err != nil {
		return Classification{}, fmt.Errorf("fault: %s: classify: no plan lists symptom %s: %w", p.ref.id, problem.Value(text), ErrUnlisted)
	}
	return p.Classify(s)
}

// Symptoms returns the symptoms p lists as examples of kind k, in the plan's
// order, in a fresh slice; nil when it lists none.
func (p Procedure) Symptoms(k Kind) []Symptom {
	if p.ref == nil {
		return nil
	}
	var out []Symptom
	for i := range p.ref.symptoms {
		if s := Symptom(i); p.ref.symptoms[i].kind == k && k.IsValid() && s.IsValid() {
			out = append(out, s)
		}
	}
	return out
}

// An Investigation is the ordered list of checks a plan gives for finding the
// cause of a fault of one kind (原因の究明), with who carries them out.
//
// The zero Investigation has no checks. == is not defined.
type Investigation struct {
	Kind   Kind              `json:"kind,omitzero"`
	Probes []Probe           `json:"checks,omitempty"` // in the plan's order
	By     council.Roles     `json:"by,omitzero"`      // who carries out the checks
	Cites  council.Citations `json:"cites,omitzero"`
}

// Investigation returns p's investigation steps for kind k, in order, in a
// fresh value. A plan that gives no steps (tottori, kumiyama) is an error
// wrapping [ErrNotStated].
func (p Procedure) Investigation(k Kind) (Investigation, error) {
	if p.ref == nil {
		return Investigation{}, errZeroPlan
	}
	if !k.IsValid() {
		return Investigation{}, fmt.Errorf("fault: %s: investigation: kind %d: %w", p.ref.id, uint8(k), council.ErrInvalid)
	}
	r := at(p.ref.checks, k)
	if len(r.checks) == 0 {
		return Investigation{}, fmt.Errorf("fault: %s: investigation: the plan gives no steps for a %s fault: %w", p.ref.id, k, ErrNotStated)
	}
	return Investigation{Kind: k, Probes: slices.Clone(r.checks), By: r.by, Cites: r.cites}, nil
}

// A Detection is a trigger that obliges whoever sees it to treat the state as
// a fault (tottori 第2-1), with who watches for it.
//
// The zero Detection is no trigger. == is not defined.
type Detection struct {
	Signal Signal            `json:"trigger,omitzero"`
	By     []council.Actor   `json:"by,omitempty"` // who treats it as a fault
	Cites  council.Citations `json:"cites,omitzero"`
}

// Signals returns p's detection triggers in the plan's order, in a fresh
// slice; nil when the plan lists none (only tottori does).
func (p Procedure) Signals() []Detection {
	if p.ref == nil || len(p.ref.triggers) == 0 {
		return nil
	}
	out := slices.Clone(p.ref.triggers)
	for i := range out {
		out[i].By = slices.Clone(out[i].By)
	}
	return out
}

// Detect reports whether t is one of p's detection triggers, and who acts on
// it. A trigger p does not list is an error wrapping [ErrUnlisted].
func (p Procedure) Detect(t Signal) (Detection, error) {
	if p.ref == nil {
		return Detection{}, errZeroPlan
	}
	if !t.IsValid() {
		return Detection{}, fmt.Errorf("fault: %s: detect: trigger %d: %w", p.ref.id, uint8(t), council.ErrInvalid)
	}
	for _, d := range p.ref.triggers {
		if d.Signal == t {
			d.By = slices.Clone(d.By)
			return d, nil
		}
	}
	return Detection{}, fmt.Errorf("fault: %s: detect: the plan does not list trigger %s: %w", p.ref.id, t, ErrUnlisted)
}

// An Assignment says who is asked to investigate and recover a fault at a
// location (tottori 第2-3).
//
// The zero Assignment assigns nothing. == is not defined.
type Assignment struct {
	Location  Location          `json:"location,omitzero"`
	Responder Responder         `json:"responder,omitzero"`
	Cites     council.Citations `json:"cites,omitzero"`
}

// Responsible returns who p asks to investigate and recover a fault at l. It
// does not allocate when it succeeds. A plan without a location table (all
// but tottori) is an error wrapping [ErrNotStated].
func (p Procedure) Responsible(l Location) (Assignment, error) {
	if p.ref == nil {
		return Assignment{}, errZeroPlan
	}
	if !l.IsValid() {
		return Assignment{}, fmt.Errorf("fault: %s: responsible: location %d: %w", p.ref.id, uint8(l), council.ErrInvalid)
	}
	if len(p.ref.locations) == 0 {
		return Assignment{}, fmt.Errorf("fault: %s: responsible: the plan has no fault-location table: %w", p.ref.id, ErrNotStated)
	}
	a := at(p.ref.locations, l)
	if !a.Responder.IsValid() {
		return Assignment{}, fmt.Errorf("fault: %s: responsible: the plan does not list location %s: %w", p.ref.id, l, ErrUnlisted)
	}
	return a, nil
}

// Party returns the [council.Party] that r stands for: carrier, national
// center, or for [ByMunicipality] related municipalities (該当市町村, the one
// whose equipment failed). [ByNetworkOwner] (該当ネットワーク管理部門) is the
// department that manages the network, which may be inside or outside the
// municipality; it has no council party and Party returns zero.
func (r Responder) Party() council.Party {
	switch r {
	case ByCarrier:
		return council.Carrier
	case ByNationalCenter:
		return council.NationalCenter
	case ByMunicipality:
		return council.RelatedMunicipalities
	case ByNetworkOwner:
		return council.NetworkOwner
	}
	return 0
}

// A Fallback is a way a plan carries on resident services while a system is
// down, with who puts it in place.
//
// Kind, when set, limits the fallback to faults of that kind: kumiyama's
// degraded and alternate operation are in its network article (第26条), so
// they are for network faults only. A zero Kind is a fallback for every kind.
//
// When, when set, is the condition under which the plan puts the fallback in
// place, read from the [Facts] as for a row of escalation: ino makes
// 代替措置の実施 one of the items its security council decides (第5条), and
// the council meets once the fault is judged serious (第4条), so its fallback
// is for a serious fault. A zero When is a fallback whenever the system is
// down.
//
// Note, when set, is the fallback in the plan's own words (the
// [Alternative]'s label is the engine's generic term).
//
// The zero Fallback is nothing. == is not defined.
type Fallback struct {
	Alternative Alternative       `json:"alternative,omitzero"`
	Kind        Kind              `json:"kind,omitzero"`
	When        Condition         `json:"when,omitzero"`
	By          council.Roles     `json:"by,omitzero"`
	Note        string            `json:"note,omitempty"`
	Cites       council.Citations `json:"cites,omitzero"`
}

// Alternatives returns p's alternative operations while down, in the plan's
// order, in a fresh slice; nil when the plan states none (tottori).
func (p Procedure) Alternatives() []Fallback {
	if p.ref == nil {
		return nil
	}
	return slices.Clone(p.ref.alternatives)
}

// AlternativesFor returns p's alternative operations for a fault of kind k,
// in the plan's order, in a fresh slice: those for every kind and those for
// kind k. A zero k (the kind is not yet known) gets only those for every
// kind. Nil when there are none.
func (p Procedure) AlternativesFor(k Kind) []Fallback {
	if p.ref == nil {
		return nil
	}
	var out []Fallback
	for _, f := range p.ref.alternatives {
		if f.Kind == 0 || f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// AlternativesIn returns p's alternative operations in situation s, in the
// plan's order, in a fresh slice: those for a fault of kind s.Kind (see
// [Procedure.AlternativesFor]) whose condition ([Fallback].When) holds in s. Nil
// when there are none.
func (p Procedure) AlternativesIn(s Facts) []Fallback {
	if p.ref == nil {
		return nil
	}
	var out []Fallback
	for _, f := range p.ref.alternatives {
		if (f.Kind == 0 || f.Kind == s.Kind) && (f.When == 0 || conditionFuncs[f.When](p, s)) {
			out = append(out, f)
		}
	}
	return out
}

// fallback returns the fallback for a that applies to a fault of kind k, and
// whether the plan lists a at all.
func (p Procedure) fallback(a Alternative, k Kind) (f Fallback, applies, listed bool) {
	for _, x := range p.ref.alternatives {
		if x.Alternative != a {
			continue
		}
		if !listed {
			f = x
		}
		listed = true
		if x.Kind == 0 || x.Kind == k {
			return x, true, true
		}
	}
	return f, false, listed
}

// Stage returns what p says about stage s for a fault of kind k: the row for
// kind k when the plan gives one, else the row for every kind (see
// [StageSpec]), else the zero StageSpec (the plan states nothing for that
// stage). A zero k (the kind is not yet known) finds only a row for every
// kind. It does not allocate.
func (p Procedure) Stage(k Kind, s Stage) StageSpec {
	if p.ref == nil {
		return StageSpec{}
	}
	return p.ref.step(k, s)
}

func (r *reference) step(k Kind, s Stage) StageSpec {
	var all StageSpec
	for _, x := range r.stages {
		switch {
		case x.Stage != s:
		case x.Kind == k && k != 0:
			return x
		case x.Kind == 0:
			all = x
		}
	}
	return all
}

// sortedStages returns a copy of rows in Stage order, the row for every kind
// before the rows for one kind, in Kind order.
func sortedStages(rows []StageSpec) []StageSpec {
	out := slices.Clone(rows)
	slices.SortStableFunc(out, func(a, b StageSpec) int {
		return cmp.Or(a.Stage.Compare(b.Stage), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}

// IntegrityCheck reports whether p requires the integrity of identity
// information to be checked before resuming, given whether the fault affected
// identity information, and the clauses that say so.
func (p Procedure) IntegrityCheck(identityAffected bool) (bool, council.Citations) {
	if p.ref == nil {
		return false, council.Citations{}
	}
	return p.ref.integrityAlways || identityAffected, p.ref.integrityCites
}

// at returns xs[i], or the zero element when i is past the end (a value
// appended to an enum after the table was written).
func at[T any, E ~uint8](xs []T, i E) T {
	var zero T
	if int(i) >= len(xs) {
		return zero
	}
	return xs[i]
}

func (r *reference) listsSymptoms() bool {
	for _, x := range r.symptoms {
		if x.kind != 0 {
			return true
		}
	}
	return false
}
