package measures

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

type textEnum interface {
	comparable
	IsValid() bool
	String() string
	Label() string
	MarshalText() ([]byte, error)
	AppendText([]byte) ([]byte, error)
}

// enumCase checks one enum type: every value round-trips through its text
// form and its Japanese label, and invalid values refuse to encode.
type enumCase struct {
	name  string
	check func(t *rapid.T)
	// decode parses s with UnmarshalText and, when it succeeds, checks that
	// the value re-encodes and decodes to itself.
	decode func(t *testing.T, s string)
	zero   func(t *testing.T)
}

func makeEnumCase[E textEnum](name string, vals []E, parse func(string) (E, error), unmarshal func(*E, []byte) error) enumCase {
	return enumCase{
		name: name,
		check: func(t *rapid.T) {
			v := rapid.SampledFrom(vals).Draw(t, name)
			b, err := v.MarshalText()
			if err != nil || string(b) != v.String() {
				t.Fatalf("%s %v: MarshalText = %q, %v", name, v, b, err)
			}
			var got E
			if err := unmarshal(&got, b); err != nil || got != v {
				t.Fatalf("%s %v: text round trip gave %v, %v", name, v, got, err)
			}
			if got, err := parse(v.Label()); err != nil || got != v {
				t.Fatalf("%s %v: label %q parsed to %v, %v", name, v, v.Label(), got, err)
			}
			if ab, err := v.AppendText([]byte("x")); err != nil || string(ab) != "x"+v.String() {
				t.Fatalf("%s %v: AppendText = %q, %v", name, v, ab, err)
			}
		},
		decode: func(t *testing.T, s string) {
			var v E
			if err := unmarshal(&v, []byte(s)); err != nil {
				if !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), "measures: ") {
					t.Fatalf("%s: decoding %q: error %v does not wrap ErrInvalid with the package prefix", name, s, err)
				}
				return
			}
			b, err := v.MarshalText()
			if err != nil {
				t.Fatalf("%s: %q decoded to %v, which does not encode: %v", name, s, v, err)
			}
			var again E
			if err := unmarshal(&again, b); err != nil || again != v {
				t.Fatalf("%s: %q → %v → %q → %v, %v", name, s, v, b, again, err)
			}
		},
		zero: func(t *testing.T) {
			var z E
			if z.IsValid() {
				t.Errorf("%s: the zero value is valid", name)
			}
			if _, err := z.MarshalText(); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: the zero value encodes: %v", name, err)
			}
			if !strings.Contains(z.String(), "(0)") {
				t.Errorf("%s: zero String = %q", name, z.String())
			}
			if _, err := parse(""); !errors.Is(err, ErrInvalid) {
				t.Errorf("%s: the empty string parses", name)
			}
		},
	}
}

func enumCases() []enumCase {
	return []enumCase{
		makeEnumCase("category", AllCategories(), ParseCategory, (*Category).UnmarshalText),
		makeEnumCase("discoverer", AllDiscoverers(), ParseDiscoverer, (*Discoverer).UnmarshalText),
		makeEnumCase("observation", AllObservations(), ParseObservation, (*Observation).UnmarshalText),
		makeEnumCase("case", AllCases(), ParseCase, (*Case).UnmarshalText),
		makeEnumCase("lead", AllLeads(), ParseLead, (*Lead).UnmarshalText),
		makeEnumCase("mode", AllModes(), ParseMode, (*Mode).UnmarshalText),
		makeEnumCase("condition", AllConditions(), ParseCondition, (*Condition).UnmarshalText),
		makeEnumCase("action", AllTasks(), ParseTask, (*Task).UnmarshalText),
		makeEnumCase("requirement", AllRequirements(), ParseRequirement, (*Requirement).UnmarshalText),
		makeEnumCase("side", AllSides(), ParseSide, (*Side).UnmarshalText),
		makeEnumCase("countermeasure", AllCountermeasures(), ParseCountermeasure, (*Countermeasure).UnmarshalText),
		makeEnumCase("kind", AllMeasureKinds(), ParseMeasureKind, (*MeasureKind).UnmarshalText),
		makeEnumCase("trigger", AllPreconditions(), ParsePrecondition, (*Precondition).UnmarshalText),
	}
}

func TestEnumRoundTrips(t *testing.T) {
	for _, c := range enumCases() {
		t.Run(c.name, rapid.MakeCheck(c.check))
		t.Run(c.name+"/zero", c.zero)
	}
}

func TestEnumSpellings(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Case
	}{{"1-1", Case1_1}, {"annex-4-4", Case4_4}, {"監査による通報：脆弱性情報", Case2_3},
		// a plan's own name of a row is its label, not a name of the case
		{"別表2-3", 0}, {"別表2‐1", 0}, {"5-1", 0}} {
		got, err := ParseCase(tc.in)
		if got != tc.want || (tc.want == 0) != (err != nil) {
			t.Errorf("ParseCase(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	if c, err := ParseCategory("セキュリティホール"); err != nil || c != SecurityHole {
		t.Errorf("ParseCategory alias: %v, %v", c, err)
	}
	if s, err := ParseSide("organizational"); err != nil || s != Organisational {
		t.Errorf("ParseSide alias: %v, %v", s, err)
	}
	if Case(17).String() != "Case(17)" || Case(17).Category() != 0 || Case(17).Discoverer() != 0 || Observation(0).Category() != 0 {
		t.Error("invalid case reports a category or discoverer")
	}
}

func TestSets(t *testing.T) {
	rs := RequirementsOf(TerminalHours, CardPasswordLength, 0, Requirement(99))
	if rs.Len() != 2 || !rs.Has(TerminalHours) || rs.Has(0) || rs.String() != "{card-password-length terminal-hours}" {
		t.Errorf("RequirementsOf = %v", rs)
	}
	if !allRequirements.Contains(ContractClauses) || ContractClauses.Len() != 5 {
		t.Errorf("ContractClauses = %v", ContractClauses)
	}
	for q := range ContractClauses.All() {
		if !q.IsContractClause() {
			t.Errorf("%v is not a contract clause", q)
		}
	}
	cs := ConditionsOf(UnknownVirus, 0, Condition(40))
	if !cs.Has(UnknownVirus) || cs.Has(AsNeeded) || !cs.Contains(ConditionsOf(UnknownVirus)) || len(slices.Collect(cs.All())) != 1 {
		t.Errorf("ConditionsOf = %b", cs)
	}
	if TriggersOf(0, Precondition(9)) != 0 || !TriggersOf(WhenNeeded).Has(WhenNeeded) {
		t.Error("TriggersOf")
	}
}

func TestAllCounts(t *testing.T) {
	for name, n := range map[string][2]int{
		"leads": {len(AllLeads()), 3}, "modes": {len(AllModes()), 7}, "kinds": {len(AllMeasureKinds()), 12},
		"triggers": {len(AllPreconditions()), 3}, "sides": {len(AllSides()), 3}, "cases": {len(AllCases()), 16},
		"categories": {len(AllCategories()), 4}, "requirements": {len(AllRequirements()), 30},
	} {
		if n[0] != n[1] {
			t.Errorf("%s: %d values; want %d", name, n[0], n[1])
		}
	}
}
