package council

import (
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// An Item is one entry of an agenda: a matter the body must decide or a task
// the plan assigns, with the example actions the plan gives for it.
//
// Key is a short, stable English key unique within its agenda (e.g.
// "resident-response"); Title is the matter as the plan writes it. TitleEN
// is the matter in English as a sentence names it, with its article where
// it takes one ("the response to residents", "publicity"); it is optional,
// and an English output without it says the key in words. Examples are the
// plan's example actions (対応例), as written; Assignee is who the plan
// assigns it to, as written, or empty when the body as a whole decides it.
// Optional marks items the plan makes conditional ("必要に応じて"): a meeting
// can close while they are outstanding. The zero Optional, mandatory, is the
// safe default.
//
// The zero Item is not valid. == is not defined on Item (Examples is a slice).
type Item struct {
	Key      string   `json:"key,omitzero"`
	Title    string   `json:"title,omitzero"`
	TitleEN  string   `json:"titleEn,omitempty"`
	Examples []string `json:"examples,omitempty"`
	Assignee string   `json:"assignee,omitzero"`
	Optional bool     `json:"optional,omitzero"`
	Cite     Citation `json:"cite,omitzero"`
}

func (it Item) clone() Item {
	it.Examples = slices.Clone(it.Examples)
	return it
}

// An Agenda is a cited checklist: the matters a body decides when it meets
// for a trigger, or the normal-time duties it deliberates. Cite identifies
// the agenda (the clause that lists it, e.g. ino:第5条) and is how rules and
// meetings refer to it.
//
// Agendas are plan data: an [Organization] lists them, and a plan file
// states them; [Agenda.Clone] gives a deep copy.
//
// The zero Agenda is not valid. == is not defined on it.
type Agenda struct {
	Cite  Citation `json:"cite,omitzero"`
	Title string   `json:"title,omitzero"`
	Items []Item   `json:"items,omitempty"`
}

// Clone returns a deep copy of a: nothing of it shares storage with a.
func (a Agenda) Clone() Agenda {
	out := a
	out.Items = make([]Item, len(a.Items))
	for i, it := range a.Items {
		out.Items[i] = it.clone()
	}
	if a.Items == nil {
		out.Items = nil
	}
	return out
}

// Item returns a copy of the item with the given key.
func (a Agenda) Item(key string) (Item, bool) {
	i := a.index(key)
	if i < 0 {
		return Item{}, false
	}
	return a.Items[i].clone(), true
}

func (a Agenda) index(key string) int {
	for i, it := range a.Items {
		if it.Key == key {
			return i
		}
	}
	return -1
}

// Keys returns the items' keys in agenda order, in a fresh slice.
func (a Agenda) Keys() []string {
	out := make([]string, len(a.Items))
	for i, it := range a.Items {
		out[i] = it.Key
	}
	return out
}

// Validate reports every problem at once: an agenda citation missing or not
// of plan, no items, an item with an empty key or title, a repeated key, an
// item whose citation is missing or not of plan.
func (a Agenda) Validate(plan string) error {
	var errs []error
	pre := "council: agenda " + a.Cite.String()
	if !citesPlan(a.Cite, plan) {
		errs = append(errs, fmt.Errorf("%s: agenda citation %s: %w", pre, problem.Quote(a.Cite.String()), ErrUncited))
	}
	if len(a.Items) == 0 {
		errs = append(errs, fmt.Errorf("%s: no items: %w", pre, ErrInvalid))
	}
	for i, it := range a.Items {
		if it.Key == "" || it.Title == "" {
			errs = append(errs, fmt.Errorf("%s: item %d: empty key or title: %w", pre, i, ErrInvalid))
		}
		if j := a.index(it.Key); j != i {
			errs = append(errs, fmt.Errorf("%s: item %d: key %s repeats item %d: %w", pre, i, problem.Value(it.Key), j, ErrDuplicate))
		}
		if !citesPlan(it.Cite, plan) {
			errs = append(errs, fmt.Errorf("%s: item %d (%s): citation %s: %w", pre, i, problem.Value(it.Key), problem.Quote(it.Cite.String()), ErrUncited))
		}
	}
	return problem.Join(errs...)
}
