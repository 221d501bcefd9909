package bcp

import "github.com/jukiplan/jukiplan/council"

// Provisions are what a plan says about itself and asks to be prepared,
// each in the plan's own words with its clauses: its purposes, when it is
// reviewed, the laws, rules and documents it is made consistent with, and
// the items a division must prepare (nakano ICT-BCP 3, 4, 5 and 9(1)). The
// engine does not act on them; [Check] and [DiffPlans] show them.
//
// Each list is in document order; nil where the plan says nothing of it.
// The zero Provisions says nothing. == is not defined.
type Provisions struct {
	// Purposes are the plan's purposes (目的).
	Purposes []Provision `json:"purposes,omitempty"`
	// Review is when the plan, and those made from it, are reviewed
	// (見直し時期).
	Review []Provision `json:"review,omitempty"`
	// Related are the laws, rules and documents the plan is made consistent
	// with or takes into account (関連規定・文書).
	Related []Provision `json:"related,omitempty"`
	// Preparation are the items the plan asks to be examined and prepared in
	// advance (検討する項目), each addressed to whom For names.
	Preparation []Provision `json:"preparation,omitempty"`
}

// A Provision is one statement of a plan, as written: Text, whom it is for
// (For, as written; empty when the plan does not single anyone out) and the
// clauses that state it.
//
// The zero Provision states nothing and is not valid. == is not defined.
type Provision struct {
	For       string            `json:"for,omitzero"`
	Text      string            `json:"text,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}
