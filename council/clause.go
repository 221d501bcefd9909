package council

import (
	"fmt"
	"iter"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Clause is one numbered part of a plan's document, as its clause index
// lists it: the number exactly as the document writes it (the CLAUSE of a
// citation, e.g. 第3-5(2)) and the clause's heading, or its first words
// where it has none ("レベル２の場合").
//
// The zero Clause lists nothing and is not valid. Clauses are comparable
// with ==.
type Clause struct {
	Number  string `json:"clause,omitempty"`
	Heading string `json:"heading,omitempty"`
}

// An Index is a plan's clause index: every clause of its document, in
// document order, so that a citation can say which clause it names and a
// checker can tell a citation that names nothing. Build one with [NewIndex].
//
// An Index is immutable and safe for concurrent use; copies share storage
// nobody can change. Lookups take constant time and do not allocate. The zero
// Index is empty: it belongs to no plan and resolves nothing.
type Index struct {
	plan    string
	clauses []Clause
	at      map[string]int // clause number → position in clauses
}

// NewIndex returns the clause index of plan from its clauses in document
// order. Each clause needs a number that a citation of plan can carry (see
// [Cite]), given once, and a heading without control characters. A problem is
// an error wrapping [ErrInvalid] that names the clause's position.
func NewIndex(plan string, clauses []Clause) (Index, error) {
	if !validPlanID(plan) {
		return Index{}, fmt.Errorf("clause index: plan ID %s is not a plain identifier: %w", problem.Value(plan), ErrInvalid)
	}
	x := Index{plan: plan, clauses: make([]Clause, len(clauses)), at: make(map[string]int, len(clauses))}
	copy(x.clauses, clauses)
	for i, c := range x.clauses {
		if err := c.Validate(plan); err != nil {
			return Index{}, fmt.Errorf("clause index [%d]: %w", i, err)
		}
		if j, dup := x.at[c.Number]; dup {
			return Index{}, fmt.Errorf("clause index [%d]: clause %s is listed twice (first at [%d]): %w", i, problem.Value(c.Number), j, ErrInvalid)
		}
		x.at[c.Number] = i
	}
	return x, nil
}

// Validate reports whether c can be listed in the clause index of plan: a
// number that a citation of plan can carry (see [Cite]) and a heading, neither
// holding a control character or invalid UTF-8. A problem is an error wrapping [ErrInvalid].
func (c Clause) Validate(plan string) error {
	switch {
	case !Cite(plan, c.Number).IsValid() || problem.BadText(c.Number) != "":
		return fmt.Errorf("clause number %s cannot be cited: %w", problem.Value(c.Number), ErrInvalid)
	case c.Heading == "":
		return fmt.Errorf("clause %s has no heading: %w", problem.Value(c.Number), ErrInvalid)
	case problem.BadText(c.Heading) != "":
		return fmt.Errorf("the heading of clause %s: %s: %w", problem.Value(c.Number), problem.BadText(c.Heading), ErrInvalid)
	}
	return nil
}

// Plan returns the ID of the plan whose document the index lists.
func (x Index) Plan() string { return x.plan }

// Len returns the number of clauses listed.
func (x Index) Len() int { return len(x.clauses) }

// All yields the clauses in document order.
func (x Index) All() iter.Seq[Clause] {
	return func(yield func(Clause) bool) {
		for _, c := range x.clauses {
			if !yield(c) {
				return
			}
		}
	}
}

// Lookup returns the clause that c names, and whether the index lists it: c
// must be a citation of the index's plan whose clause is listed exactly as
// written.
func (x Index) Lookup(c Citation) (Clause, bool) {
	if !c.IsValid() || c.Plan() != x.plan {
		return Clause{}, false
	}
	i, ok := x.at[c.Clause()]
	if !ok {
		return Clause{}, false
	}
	return x.clauses[i], true
}

// Resolves reports whether the index lists the clause c names.
func (x Index) Resolves(c Citation) bool {
	_, ok := x.Lookup(c)
	return ok
}

// Position returns where the clause c names stands in the document: its
// place in the index (0 for the first clause listed), and whether the index
// lists it. Ordering by Position puts what a plan states in the document's
// order.
func (x Index) Position(c Citation) (int, bool) {
	if !c.IsValid() || c.Plan() != x.plan {
		return 0, false
	}
	i, ok := x.at[c.Clause()]
	return i, ok
}
