package council

import (
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Network is an emergency contact network a plan sets up (緊急時連絡網,
// tottori 第1-2) or a contact structure it lays down (連絡体制, nakano
// 統合仮想サーバ 3(1)): its name and purpose as the plan writes them, who
// keeps it or is its hub, the parties on it, who reaches whom, the documents
// that list the contact details, and the clauses of a wider structure it
// follows.
//
// Only what the plan states is given. A zero Keeper, an empty Purpose,
// Links, Lists or Wider mean the plan does not say, and the library does
// not fill them in. A link that says when it applies ([Link].Hours: office
// hours, or nights and holidays) tells the two apart; one that does not
// applies at any time. The zero Network is not valid. == is not defined.
type Network struct {
	// Name is the network's name as the plan writes it, e.g. "緊急時連絡網".
	Name string `json:"name,omitzero"`
	// Purpose is what the plan sets it up for, as written, e.g.
	// "緊急時の初動対応を円滑に行うため".
	Purpose string `json:"purpose,omitzero"`
	// Keeper is who keeps the network or is its hub (基幹); zero when the
	// plan does not say.
	Keeper Actor `json:"keeper,omitzero"`
	// Members are the positions and parties on the network, in the plan's
	// order; the keeper, when given, is one of them.
	Members []Actor `json:"members,omitempty"`
	// Links say who reaches whom over the network, each with its clause, in
	// the plan's order; nil when the plan does not say.
	Links []Link `json:"links,omitempty"`
	// Lists name the documents that hold the contact details (telephone
	// numbers, addresses), as written; nil when the plan names none.
	Lists []string `json:"lists,omitempty"`
	// Wider are the clauses of the wider contact structure the network sits
	// in (nakano's ward-wide structure of ICT-BCP 6); zero when none.
	Wider Citations `json:"wider,omitzero"`
	// Cites are the clauses that set the network up.
	Cites Citations `json:"cites,omitzero"`
}

// A Link is one contact over a [Network]: From reaches To, as clause Cite
// says, at the Hours it says (zero: at any time, the plan does not tell
// office hours from nights and holidays).
//
// The zero Link is not valid. Links are comparable with ==.
type Link struct {
	From  Actor    `json:"from,omitzero"`
	To    Actor    `json:"to,omitzero"`
	Hours Hours    `json:"hours,omitzero"`
	Cite  Citation `json:"cite,omitzero"`
}

// Validate reports every problem of n under plan (errors.Join): a name; at
// least one member, each a valid actor listed once; a keeper, when given,
// that is a member; links between members, distinct, each citing a clause
// of plan, at valid hours; no empty list name; and clauses, all of plan (Wider may be empty,
// Cites may not).
func (n Network) Validate(plan string) error {
	pre := "council: plan " + plan + ": network " + problem.Value(n.Name)
	var errs []error
	if n.Name == "" {
		errs = append(errs, fmt.Errorf("%s: no name: %w", pre, ErrInvalid))
	}
	if len(n.Members) == 0 {
		errs = append(errs, fmt.Errorf("%s: no members: %w", pre, ErrInvalid))
	}
	for i, m := range n.Members {
		if !m.IsValid() {
			errs = append(errs, fmt.Errorf("%s: member %d: actor %s: %w", pre, i, m, ErrInvalid))
		}
		if slices.Index(n.Members, m) != i {
			errs = append(errs, fmt.Errorf("%s: member %d: %s listed twice: %w", pre, i, m, ErrDuplicate))
		}
	}
	if n.Keeper != (Actor{}) && !slices.Contains(n.Members, n.Keeper) {
		errs = append(errs, fmt.Errorf("%s: keeper %s is not a member: %w", pre, n.Keeper, ErrInvalid))
	}
	for i, l := range n.Links {
		for _, a := range [2]Actor{l.From, l.To} {
			if !a.IsValid() || !slices.Contains(n.Members, a) {
				errs = append(errs, fmt.Errorf("%s: link %d: %s is not a member: %w", pre, i, a, ErrInvalid))
			}
		}
		if l.From == l.To {
			errs = append(errs, fmt.Errorf("%s: link %d: %s reaches itself: %w", pre, i, l.From, ErrInvalid))
		}
		if l.Hours != 0 && !l.Hours.IsValid() {
			errs = append(errs, fmt.Errorf("%s: link %d: hours %s: %w", pre, i, l.Hours, ErrInvalid))
		}
		if slices.Index(n.Links, l) != i {
			errs = append(errs, fmt.Errorf("%s: link %d: given twice: %w", pre, i, ErrDuplicate))
		}
		if !l.Cite.IsValid() || l.Cite.Plan() != plan {
			errs = append(errs, fmt.Errorf("%s: link %d: citation %s is not of plan %s: %w", pre, i, l.Cite, plan, ErrUncited))
		}
	}
	for i, s := range n.Lists {
		if s == "" {
			errs = append(errs, fmt.Errorf("%s: list %d: empty: %w", pre, i, ErrInvalid))
		}
	}
	for _, c := range n.Wider.All() {
		if c.Plan() != plan {
			errs = append(errs, fmt.Errorf("%s: wider: citation %s is not of plan %s: %w", pre, c, plan, ErrUncited))
		}
	}
	errs = append(errs, citesOf(pre, n.Cites, plan)...)
	return problem.Join(errs...)
}
