package threat

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// Errors wrapped by this package's errors, for errors.Is. They are the
// module's one family of error values: [ErrInvalid] and [ErrMissing] are the
// very values of the same names in council, fault, measures and bcp.
var (
	// ErrInvalid is wrapped by every error about an unset or unknown enum
	// value (the same value as council.ErrInvalid).
	ErrInvalid = problem.ErrInvalid
	// ErrNotCovered: the scheme does not grade the event, either because its
	// table says nothing about it or because the scheme has no levels at all
	// (ino). Record a manual judgement instead ([Judge], [JudgeSerious]).
	ErrNotCovered = problem.ErrNotCovered
	// ErrIncomplete: the scheme grades the event on an attribute the event
	// leaves unknown; grade it with [Provisional] until the fact is known.
	// (Only threat has it: a missing field is [ErrMissing].)
	ErrIncomplete = problem.ErrUndetermined
	// ErrScheme: a scheme failed the checks of [NewScheme].
	ErrScheme = problem.ErrScheme
	// ErrMissing: a required field of a [Situation] is empty.
	ErrMissing = problem.ErrMissing
)

// A Scale says how a scheme expresses the threat an event poses.
//
// The zero Scale is unset and is rejected by [NewScheme].
type Scale uint8

// Scales.
const (
	// ScaleLevels grades events in levels 1 to 3 with a decision table
	// (tottori:第3-1, kumamoto:4(1)(イ)).
	ScaleLevels Scale = 1 + iota
	// ScaleSerious has no levels: a person judges whether the event poses a
	// serious threat to identity information (本人確認情報に重大な脅威を及ぼす
	// 恐れがあるかの判断, ino:第11条).
	ScaleSerious
)

var scaleTable = enum.New[Scale]("threat", "scale", "Scale", council.ErrInvalid, []enum.Name{
	ScaleLevels:  {EN: "levels", JA: "脅威度"},
	ScaleSerious: {EN: "serious", JA: "重大な脅威の判断"},
})

// AllScales returns every valid Scale in ascending order, in a fresh slice.
func AllScales() []Scale { return scaleTable.Values() }

// ParseScale returns the Scale named by s: its English name or Japanese label.
func ParseScale(s string) (Scale, error) { return scaleTable.Parse(s) }

// IsValid reports whether s is a defined scale.
func (s Scale) IsValid() bool { return scaleTable.Valid(s) }

// Compare orders Scale values by value; it suits slices.SortFunc.
func (s Scale) Compare(o Scale) int { return int(s) - int(o) }

// String returns the English name.
func (s Scale) String() string { return scaleTable.String(s) }

// Label returns the Japanese term.
func (s Scale) Label() string { return scaleTable.Label(s) }

// AppendText implements [encoding.TextAppender]; an invalid Scale is an error.
func (s Scale) AppendText(b []byte) ([]byte, error) { return scaleTable.AppendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Scale) MarshalText() ([]byte, error) { return scaleTable.AppendText(nil, s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Scale) UnmarshalText(text []byte) error { return scaleTable.Unmarshal(text, s) }

// A Rule is one row of a scheme's decision table: the events it matches, the
// level it assigns, the example row of the plan it encodes and its citations.
//
// Match.Kind must be set. A graded attribute of Match left zero matches every
// value of it; one set matches that value only, and makes the scheme read the
// attribute for the kind. Match.Source must be zero (no plan grades on who
// found an event). A zero Level marks the matched events explicitly as not
// covered: [Grade] reports [ErrNotCovered] for them, citing the rule.
//
// The zero Rule is not valid. Rules are not comparable with ==.
type Rule struct {
	Match     Event             `json:"match,omitzero"`
	Level     Level             `json:"level,omitzero"`
	Example   string            `json:"example,omitzero"` // the plan's example row, or why it is not covered
	Citations council.Citations `json:"citations,omitzero"`
}

// A Tier is the response a scheme prescribes at one outcome: a level (on
// [ScaleLevels]) or a judgement of serious or not serious (on [ScaleSerious]).
//
// The zero Tier is the response at no level and is rejected by [NewScheme].
type Tier struct {
	Level         Level          `json:"level,omitzero"`          // the level, on ScaleLevels; zero on ScaleSerious
	Serious       bool           `json:"serious,omitempty"`       // the judgement, on ScaleSerious; false on ScaleLevels
	Actions       []Action       `json:"actions,omitempty"`       // the actions due at this outcome, beyond those inherited
	Notifications []Notification `json:"notifications,omitempty"` // the notifications due, beyond those inherited
}

// A Spec is everything [NewScheme] needs to build a scheme: a vendor's own
// scheme is a Spec built from the same blocks as the reference ones.
//
// The zero Spec is not valid. NewScheme copies every slice it is given.
type Spec struct {
	// Plan is the plan ID every citation of the scheme must cite, e.g.
	// "tottori": a scheme never mixes two plans' clauses.
	Plan string `json:"plan,omitzero"`
	// Name is a human-readable title, e.g. the plan's Japanese name.
	Name  string `json:"name,omitzero"`
	Scale Scale  `json:"scale,omitzero"`
	// Kinds declares the plan's own kinds of event ([KindTerm]): the i-th
	// is [DeclaredKind](i). Optional; ScaleLevels only.
	Kinds []KindTerm `json:"kinds,omitempty"`
	// Attributes declares the plan's own graded attributes
	// ([AttributeTerm]), each a list of values ordered from the least to
	// the most serious: the i-th is [DeclaredAttribute](i). Only declared
	// kinds are graded on them, and they only on them. Optional;
	// ScaleLevels only.
	Attributes []AttributeTerm `json:"attributes,omitempty"`
	// Rules is the decision table (ScaleLevels only; must be empty for
	// ScaleSerious). It must mention every [Kind], either grading it or
	// marking it not covered.
	Rules []Rule `json:"rules,omitempty"`
	// SeriousFrom is the lowest level that is a serious unauthorized act and
	// calls for the council (tottori:第3-6: level 3), with the clauses that say
	// so. ScaleLevels only.
	SeriousFrom      Level             `json:"seriousFrom,omitzero"`
	SeriousCitations council.Citations `json:"seriousCitations,omitzero"`
	// Judgement cites the clause that makes someone judge the threat; it is
	// what a manual judgement ([Judge], [JudgeSerious]) rests on.
	Judgement council.Citations `json:"judgement,omitzero"`
	// Responses gives the actions and notifications due at each outcome:
	// every level on ScaleLevels, not-serious and serious on ScaleSerious.
	// The response at an outcome inherits the actions and notifications of
	// the lower outcomes (the library's reading: the plans escalate, and a
	// higher level never skips what a lower one does), except [StandDown]
	// and the actions the plan states for their own outcome alone
	// ([Action.Only]). An inherited item keeps the citations of the clause it
	// came from, unless the outcome states the same item itself (same actor,
	// step, target, condition and words): then the outcome's own item, with
	// its own clauses, takes its place.
	Responses []Tier `json:"responses,omitempty"`
	// Precautions gives the actions and notifications due while the level is
	// still being established, by the top of the provisional range
	// (tottori:第3-3(3), 第3-4(2): "likely level 2 or 3", "likely level 3");
	// inherited upwards like Responses. ScaleLevels only; optional.
	Precautions []Tier `json:"precautions,omitempty"`
}

// A Scheme is one plan's way of grading unauthorized acts and responding to
// them: a decision table checked when built, and the responses per outcome.
// Build one with [NewScheme] from a plan's [Spec].
//
// A Scheme is immutable and safe for concurrent use. The zero Scheme (and a
// nil *Scheme) is not usable: every function given one reports an error.
type Scheme struct {
	plan, name   string
	scale        Scale
	rules        []Rule
	ruleCites    []council.Citations // rule citations, plus SeriousCitations when serious
	read         []Attributes        // by kind
	cells        []int16             // by cell index: the rule that matches
	seriousFrom  Level
	seriousCites council.Citations
	judgement    council.Citations
	decl         Spec // the plan ID and its declarations, copied
	lens         [MaxDeclared]uint8
	declared     declaredTables
	responses    [4]response // ScaleLevels: by level; ScaleSerious: 1 not serious, 2 serious
	precautions  [4]response // by top level
	slotOf       [4][2]int8  // by level and serious: the response slot, or 0 when the pair is no grading of this scheme

	// The dense tables of the hot path, filled by compile (dense.go).
	graded      [numCells]*Response // by cell: its decision in decided, or nil when not graded
	partial     [numCells]uint16    // by cell (ScaleLevels): 1 + the index in outcomes of its outcome
	decided     []Response          // by graded rule: the decision, Grading.Event left zero
	outcomes    []outcome
	ncAt        [numCells]uint16 // by cell (ScaleLevels): 1 + the index in ncs of its not-covered errors, or 0 when it has none
	ncs         [][numSources + 1]notCoveredEvent
	judgementNC NotCoveredError // ScaleSerious: the error for every event, Event left zero
	// ScaleSerious: judgementNC for the event of each kind and source that
	// states no graded attribute, prepared.
	judged *[dimKind][numSources + 1]notCoveredEvent
}

type response struct {
	actions       Actions
	notifications Notifications
	standDown     bool
}

// Plan returns the plan ID the scheme encodes, e.g. "tottori".
func (s *Scheme) Plan() string {
	if s == nil {
		return ""
	}
	return s.plan
}

// Name returns the scheme's human-readable title.
func (s *Scheme) Name() string {
	if s == nil {
		return ""
	}
	return s.name
}

// Scale returns how the scheme expresses the threat.
func (s *Scheme) Scale() Scale {
	if s == nil {
		return 0
	}
	return s.scale
}

// Rules returns the decision table in a fresh slice the caller owns.
func (s *Scheme) Rules() []Rule {
	if s == nil {
		return nil
	}
	return slices.Clone(s.rules)
}

// Reads returns the attributes the scheme grades kind k on.
func (s *Scheme) Reads(k ActKind) Attributes {
	if s == nil || !k.IsValid() || int(k) >= len(s.read) {
		return 0
	}
	return s.read[k]
}

// Covers reports whether the scheme grades some event of kind k.
func (s *Scheme) Covers(k ActKind) bool {
	if s == nil || s.scale != ScaleLevels || !k.IsValid() {
		return false
	}
	for _, r := range s.rules {
		if r.Match.Kind == k && r.Level != 0 {
			return true
		}
	}
	return false
}

// SeriousFrom returns the lowest level that is a serious unauthorized act
// (zero on ScaleSerious).
func (s *Scheme) SeriousFrom() Level {
	if s == nil {
		return 0
	}
	return s.seriousFrom
}

func checkCitations(cs council.Citations, plan string) error {
	if cs.Len() == 0 {
		return fmt.Errorf("no citation: %w", ErrScheme)
	}
	for _, c := range cs.All() {
		if c.Plan() != plan {
			return fmt.Errorf("citation %s is not of plan %s: %w", problem.Short(c.String()), problem.Value(plan), ErrScheme)
		}
	}
	return nil
}

// NewScheme checks spec and builds the scheme. It reports every problem it
// finds (errors.Join; each wraps [ErrScheme] and names the rule, kind, cell or
// tier at fault), in the manner of SSVC's decision-table checks:
//
//   - every rule, action and notification is well formed and cites the plan
//     (and only it);
//   - every [ActKind] is mentioned; for each kind, every combination of the
//     attributes the scheme reads for it is matched by exactly one rule
//     (a zero-level rule counts: it marks the combination not covered), so
//     no combination is left out and no two rules conflict or overlap;
//   - the level never drops when an attribute gets worse (monotone; a
//     not-covered cell is compared with nothing);
//   - every attribute read for a kind changes the outcome (level or
//     coverage) for some combination;
//   - every outcome of the scale has a response, and no outcome has two.
func NewScheme(spec Spec) (*Scheme, error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("threat: scheme %s: "+format, append([]any{problem.Value(spec.Plan)}, args...)...))
	}
	if !council.Cite(spec.Plan, "x").IsValid() {
		bad("plan ID is not a plain lower-case identifier: %w", ErrScheme)
	}
	if !spec.Scale.IsValid() {
		bad("scale %s is not valid: %w", spec.Scale, ErrScheme)
	}
	s := &Scheme{plan: spec.Plan, name: spec.Name, scale: spec.Scale, seriousFrom: spec.SeriousFrom, seriousCites: spec.SeriousCitations, judgement: spec.Judgement}
	s.rules = append([]Rule(nil), spec.Rules...)
	s.decl = Spec{Plan: spec.Plan, Kinds: append([]KindTerm(nil), spec.Kinds...), Attributes: make([]AttributeTerm, len(spec.Attributes))}
	for i, a := range spec.Attributes {
		a.Values = append([]ValueTerm(nil), a.Values...)
		s.decl.Attributes[i] = a
		if i < MaxDeclared {
			s.lens[i] = uint8(min(len(a.Values), MaxDeclaredValues))
		}
	}
	derrs := s.decl.checkDeclarations()
	errs = append(errs, derrs...)
	if err := checkCitations(spec.Judgement, spec.Plan); err != nil {
		bad("judgement: %w", err)
	}

	switch spec.Scale {
	case ScaleLevels:
		if !spec.SeriousFrom.IsValid() {
			bad("serious-from level %s is not valid: %w", spec.SeriousFrom, ErrScheme)
		} else if err := checkCitations(spec.SeriousCitations, spec.Plan); err != nil {
			bad("serious-from: %w", err)
		}
		if len(derrs) == 0 {
			errs = append(errs, s.buildTable(spec)...)
		}
	case ScaleSerious:
		if len(spec.Kinds) != 0 || len(spec.Attributes) != 0 {
			bad("a scheme on the serious scale has no decision table, so no kinds or attributes of its own: %w", ErrScheme)
		}
		if len(spec.Rules) != 0 {
			bad("a scheme on the serious scale has no decision table, but %d rules were given: %w", len(spec.Rules), ErrScheme)
		}
		if spec.SeriousFrom != 0 {
			bad("a scheme on the serious scale has no levels, but serious-from is %s: %w", spec.SeriousFrom, ErrScheme)
		}
		if len(spec.Precautions) != 0 {
			bad("a scheme on the serious scale has no provisional levels, so no precautions by level: %w", ErrScheme)
		}
	}
	if spec.Scale.IsValid() {
		resp, rerrs := buildTiers(spec, spec.Responses, "response", true)
		errs = append(errs, rerrs...)
		s.responses = resp
		if spec.Scale == ScaleLevels {
			prec, perrs := buildTiers(spec, spec.Precautions, "precaution", false)
			errs = append(errs, perrs...)
			s.precautions = prec
		}
	}
	if err := problem.Join(errs...); err != nil {
		return nil, err
	}
	if s.scale == ScaleSerious {
		s.slotOf[0] = [2]int8{1, 2}
	} else {
		for _, l := range AllLevels() {
			s.slotOf[l][b2i(l >= s.seriousFrom)] = int8(l)
		}
	}
	s.compile()
	return s, nil
}

// buildTable checks the rules and fills the lookup table.
func (s *Scheme) buildTable(spec Spec) (errs []error) {
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("threat: scheme %s: "+format, append([]any{problem.Value(spec.Plan)}, args...)...))
	}
	badAt := func(field, format string, args ...any) {
		errs = append(errs, fieldErr(field, fmt.Errorf("threat: scheme %s: "+format, append([]any{problem.Value(spec.Plan)}, args...)...)))
	}
	nd := min(len(spec.Kinds), MaxDeclaredKinds)
	kinds := numKinds + nd // the scheme's kinds are 1 … kinds
	s.read = make([]Attributes, enum.MaxValue+1)
	s.ruleCites = make([]council.Citations, len(s.rules))
	mentioned := make([]bool, enum.MaxValue+1)
	var mentionedValue [MaxDeclared][MaxDeclaredValues + 1]bool
	for i, r := range s.rules {
		m := r.Match
		for a, v := range m.Declared.All() {
			if a < MaxDeclared && v <= s.lens[a] {
				mentionedValue[a][v] = true
			}
		}
		if err := m.problems(fmt.Sprintf("threat: scheme %s: rule %d: match", problem.Value(spec.Plan), i)); err != nil {
			errs = append(errs, fmt.Errorf("%w (%w)", err, ErrScheme))
			continue
		}
		if m.Source != 0 {
			bad("rule %d: matches on source %s, which no scheme grades on: %w", i, m.Source, ErrScheme)
		}
		if r.Level != 0 && !r.Level.IsValid() {
			bad("rule %d: level %s is not valid: %w", i, r.Level, ErrScheme)
		}
		if strings.TrimSpace(r.Example) == "" {
			bad("rule %d (%s): no example text: %w", i, s.decl.FormatEvent(m), ErrScheme)
		}
		if err := checkCitations(r.Citations, spec.Plan); err != nil {
			bad("rule %d (%s): %w", i, s.decl.FormatEvent(m), err)
		}
		if !s.declaredMatch(i, m, badAt) {
			continue
		}
		mentioned[m.Kind] = true
		s.read[m.Kind] |= m.Known()
		s.ruleCites[i] = r.Citations
		if r.Level.IsValid() && spec.SeriousFrom.IsValid() && r.Level >= spec.SeriousFrom {
			s.ruleCites[i] = r.Citations.Join(spec.SeriousCitations)
		}
	}
	// A value no row names is a problem of its own, reported with the
	// others: the checks of the cells go on without it.
	var unmentioned []error
	defer func() { errs = append(errs, unmentioned...) }()
	for a := range min(len(spec.Attributes), MaxDeclared) {
		for v := 1; v <= int(s.lens[a]); v++ {
			if !mentionedValue[a][v] {
				unmentioned = append(unmentioned, fieldErr(fmt.Sprintf("attributes[%d].values[%d]", a, v-1), fmt.Errorf("threat: scheme %s: value %s of attribute %s is never mentioned by the table: grade on it or leave it out: %w",
					problem.Value(spec.Plan), problem.Value(spec.Attributes[a].Values[v-1].ID), problem.Value(spec.Attributes[a].ID), ErrScheme)))
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	for k := ActKind(1); int(k) <= kinds; k++ {
		if !mentioned[k] {
			if j := declaredKindIndex(k); j >= 0 {
				badAt(fmt.Sprintf("kinds[%d]", j), "kind %s is neither graded nor marked not covered: %w", problem.Value(spec.Kinds[j].ID), ErrScheme)
				continue
			}
			bad("kind %s is neither graded nor marked not covered: %w", k, ErrScheme)
		}
	}
	s.cells = make([]int16, dimKind*dimPlace*dimFirewall*dimSeverity)
	for i := range s.cells {
		s.cells[i] = -1
	}
	if err := s.declared.layout(nd, s.read, s.lens); err != nil {
		badAt("rules", "%v: %w", err, ErrScheme)
		return errs
	}
	byKind := make([][]int, kinds+1) // the rules of each kind, in table order
	for i, r := range s.rules {
		byKind[r.Match.Kind] = append(byKind[r.Match.Kind], i)
	}
	for k := ActKind(1); int(k) <= kinds; k++ {
		if mentioned[k] {
			s.fillCells(k, byKind[k], bad)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	// Monotone, and every read attribute changes the outcome.
	for k := ActKind(1); int(k) <= kinds; k++ {
		for a := range s.read[k].All() {
			changes := false
			for _, e := range s.completions(Event{Kind: k}, s.read[k]) {
				v := e.Value(a)
				if int(v) >= s.attrLen(a) {
					continue
				}
				worse := e.With(a, v+1)
				lo, hi := s.ruleAt(e).Level, s.ruleAt(worse).Level
				if lo != hi {
					changes = true
				}
				if lo != 0 && hi != 0 && hi < lo {
					bad("not monotone: %s is %s but the worse %s is %s: %w", s.decl.FormatEvent(e), lo, s.decl.FormatEvent(worse), hi, ErrScheme)
				}
			}
			if !changes {
				bad("kind %s reads %s, but it never changes the outcome: %w", s.kindName(k), s.attrName(a), ErrScheme)
			}
		}
	}
	return errs
}
