package council

import (
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// Reference plan IDs: the short names used in citations and test data
// (shared/seeds/README.md). A vendor's own plan uses its own ID.
const (
	PlanIno      = "ino"      // いの町 住基ネット緊急時対応計画書
	PlanKumamoto = "kumamoto" // 熊本市 情報セキュリティ緊急時対応計画
	PlanKumiyama = "kumiyama" // 久御山町 住基ネット運用管理規程
	PlanTottori  = "tottori"  // 鳥取県 住基ネット緊急時対応計画
	PlanNakano   = "nakano"   // 中野区 ICT-BCP and 統合仮想サーバ 個別事業継続計画
)

// ErrCitation is wrapped by every error about a malformed citation.
var ErrCitation = problem.ErrCitation

// A Citation names the clause of a plan that a rule or decision rests on, in
// the form PLANID:CLAUSE, e.g. tottori:第3-5(2). The clause is written as the
// document writes it.
//
// The zero Citation is not valid (it cites nothing). Citations are comparable
// with ==, and equal exactly when they print the same.
type Citation struct {
	s string // "plan:clause"; empty for the zero value
}

// Cite returns the citation of clause in plan. It returns the zero (invalid)
// Citation when plan is empty or not a plain identifier, or clause is empty,
// has surrounding space, holds a control character or is not valid UTF-8.
func Cite(plan, clause string) Citation {
	if !validPlanID(plan) || !validClause(clause) || problem.CheckText("", clause) != nil {
		return Citation{}
	}
	return Citation{s: plan + ":" + clause}
}

// validClause reports whether clause is non-empty without surrounding space.
func validClause(clause string) bool {
	return clause != "" && strings.TrimSpace(clause) == clause
}

// ParseCitation parses the PLANID:CLAUSE form that [Citation.String] prints.
// A control character or invalid UTF-8 in the clause is an error wrapping
// both [ErrCitation] and [ErrInvalid].
func ParseCitation(s string) (Citation, error) {
	plan, clause, ok := strings.Cut(s, ":")
	if !ok {
		return Citation{}, fmt.Errorf("council: citation %s: no ':' between plan and clause: %w", problem.Quote(s), ErrCitation)
	}
	if err := problem.CheckText("citation", s); err != nil {
		return Citation{}, problem.Mark(fmt.Errorf("council: %w", err), ErrCitation)
	}
	// s has been checked as a whole, so the clause need not be again; and s
	// is the citation's own spelling, so it need not be built afresh.
	if !validPlanID(plan) || !validClause(clause) {
		return Citation{}, fmt.Errorf("council: citation %s: want PLANID:CLAUSE with a lower-case plan ID and a non-empty clause: %w", problem.Quote(s), ErrCitation)
	}
	return Citation{s: s}, nil
}

func validPlanID(p string) bool {
	if p == "" || len(p) > 64 {
		return false
	}
	for _, r := range p {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// IsValid reports whether c cites a clause (it is not the zero Citation).
func (c Citation) IsValid() bool { return c.s != "" }

// Plan returns the plan ID, e.g. "tottori".
func (c Citation) Plan() string {
	p, _, _ := strings.Cut(c.s, ":")
	return p
}

// Clause returns the clause as the document writes it, e.g. 第3-5(2) of
// tottori:第3-5(2).
func (c Citation) Clause() string {
	_, cl, _ := strings.Cut(c.s, ":")
	return cl
}

// String returns the PLANID:CLAUSE form, or "" for the zero Citation.
func (c Citation) String() string { return c.s }

// Equal reports whether c and d cite the same clause (c == d). go-cmp uses it,
// so structs holding citations compare without options.
func (c Citation) Equal(d Citation) bool { return c == d }

// Compare orders citations by their text; it suits slices.SortFunc.
func (c Citation) Compare(d Citation) int { return strings.Compare(c.s, d.s) }

// AppendText implements [encoding.TextAppender]; the zero Citation is an error.
func (c Citation) AppendText(b []byte) ([]byte, error) {
	if !c.IsValid() {
		return b, fmt.Errorf("council: cannot encode the zero citation: %w", ErrCitation)
	}
	return append(b, c.s...), nil
}

// MarshalText implements [encoding.TextMarshaler].
func (c Citation) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseCitation].
func (c *Citation) UnmarshalText(text []byte) error {
	x, err := ParseCitation(string(text))
	if err != nil {
		return err
	}
	*c = x
	return nil
}

// Citations is an immutable list of citations held by value: the clauses a
// rule or decision rests on, in the order they were given. Copying a Citations
// is cheap and shares storage that nobody can change, so decisions can hand
// out the citations of the rules that produced them without allocating and
// without letting a caller alter the rule.
//
// A Citations is one pointer, so that the decisions that carry one
// (threat.Grading, threat.Response) stay small to copy on the hot path.
//
// The zero Citations is empty. Compare two with [Citations.Equal] (go-cmp uses
// it too); == is not defined on it.
type Citations struct {
	_ [0]func()   // no ==
	p *[]Citation // never written after construction; nil when empty
}

// list returns the citations, nil when empty.
func (cs Citations) list() []Citation {
	if cs.p == nil {
		return nil
	}
	return *cs.p
}

// Cites returns a Citations holding a copy of cs, skipping zero citations and
// repeats of one already held. It takes time linear in len(cs).
func Cites(cs ...Citation) Citations {
	if len(cs) == 0 {
		return Citations{}
	}
	out := make([]Citation, 0, len(cs))
	if len(cs) <= smallCites {
		for _, c := range cs {
			if c.IsValid() && !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
		if len(out) == 0 {
			return Citations{}
		}
		return Citations{p: &out}
	}
	// A long list (a plan file can hold any number): a Go map, whose hash
	// is seeded, so no list of clauses can be made to collide in it.
	seen := make(map[Citation]struct{}, len(cs))
	for _, c := range cs {
		if _, dup := seen[c]; c.IsValid() && !dup {
			seen[c] = struct{}{}
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return Citations{}
	}
	return Citations{p: &out}
}

// smallCites is the longest list Cites checks for repeats by scanning what it
// holds: cheaper than a map for the few clauses a rule or decision cites.
const smallCites = 32

// Len is the number of citations.
func (cs Citations) Len() int { return len(cs.list()) }

// At returns the i'th citation, or the zero Citation when i is out of range.
func (cs Citations) At(i int) Citation {
	if i < 0 || i >= len(cs.list()) {
		return Citation{}
	}
	return cs.list()[i]
}

// All yields the citations in order.
func (cs Citations) All() iter.Seq2[int, Citation] {
	return func(yield func(int, Citation) bool) {
		for i, c := range cs.list() {
			if !yield(i, c) {
				return
			}
		}
	}
}

// Slice returns the citations in a fresh slice the caller owns.
func (cs Citations) Slice() []Citation { return slices.Clone(cs.list()) }

// Contains reports whether c is among the citations.
func (cs Citations) Contains(c Citation) bool { return slices.Contains(cs.list(), c) }

// With returns the citations followed by those of more that are not already
// held. The receiver is unchanged.
func (cs Citations) With(more ...Citation) Citations {
	return Cites(append(slices.Clone(cs.list()), more...)...)
}

// Join returns cs followed by the citations of other not already held.
func (cs Citations) Join(other Citations) Citations { return cs.With(other.list()...) }

// Plans returns the sorted, distinct plan IDs cited: a decision made under one
// plan has exactly one.
func (cs Citations) Plans() []string {
	var ps []string
	for _, c := range cs.list() {
		ps = append(ps, c.Plan())
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}

// Equal reports whether cs and other hold the same citations in the same order.
func (cs Citations) Equal(other Citations) bool { return slices.Equal(cs.list(), other.list()) }

// String returns the citations separated by ", ".
func (cs Citations) String() string {
	var b strings.Builder
	for i, c := range cs.list() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.s)
	}
	return b.String()
}

// MarshalJSON encodes the citations as a JSON array of PLANID:CLAUSE strings.
func (cs Citations) MarshalJSON() ([]byte, error) {
	if cs.p == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(cs.list())
}

// UnmarshalJSON decodes a JSON array of PLANID:CLAUSE strings; a malformed
// entry is an error naming its index.
func (cs *Citations) UnmarshalJSON(data []byte) error {
	var raw []string
	if err := json.Unmarshal(data, &raw); err != nil {
		return problem.Wrap("council: citations", err)
	}
	list := make([]Citation, 0, len(raw))
	for i, s := range raw {
		c, err := ParseCitation(s)
		if err != nil {
			return problem.Wrap(fmt.Sprintf("council: citations[%d]", i), err)
		}
		list = append(list, c)
	}
	*cs = Cites(list...)
	return nil
}
