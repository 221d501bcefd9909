package bcp

import (
	"fmt"
	"github.com/jukiplan/jukiplan/internal/duration"
	"slices"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A System is one entry of an inventory of information systems: what it is,
// who owns it, how much its stop hurts, and what it needs to run.
//
// The zero System is not valid (it has no ID, name, owner, kind or scale).
// System holds a slice, so == is not defined; compare with go-cmp.
type System struct {
	// ID names the system uniquely within its inventory; dependencies refer
	// to it. It must not be empty.
	ID string `json:"id,omitzero"`
	// Name is the system's Japanese name as the plan writes it.
	Name string `json:"name,omitzero"`
	// Owner is the owning division (主管課) as the plan writes it, e.g. "情報システム課".
	Owner string `json:"owner,omitzero"`
	// Kind is the system's part in recovery: the IaaS itself, its monitoring,
	// or a business system.
	Kind SystemKind `json:"kind,omitzero"`
	// Scale is the impact scale; [Unassessed] when not yet decided.
	Scale ImpactScale `json:"scale,omitzero"`
	// Hosted reports that the system runs on the shared IaaS (主管システム).
	// A hosted system depends on every [Platform] system of its inventory
	// without listing it in DependsOn.
	Hosted bool `json:"hosted,omitzero"`
	// DependsOn lists the IDs of systems that must be recovered before this one.
	DependsOn []string `json:"dependsOn,omitempty"`
	// Alternative reports that the owning division keeps the system's services
	// going by an alternative (manual) means while it is down (統合仮想サーバ 4(5),
	// ino 第5条 代替措置の実施, kumamoto 4(2) システムダウン時用サーバ). False
	// when there is none or it is not yet known.
	Alternative bool `json:"alternative,omitzero"`
	// Difficulty is how hard recovery is; zero when not yet assessed.
	Difficulty Difficulty `json:"difficulty,omitzero"`
	// Target is the target recovery time (目標復旧時間) from the national ICT-BCP
	// guideline, or zero when none is set (in JSON: nanoseconds). It is the library's own extension:
	// the nakano plans do not set one.
	Target time.Duration `json:"target,omitzero"`
	// Citations are the clauses the entry comes from.
	Citations council.Citations `json:"citations,omitzero"`
}

// Validate reports every problem with s, each naming the field, joined.
func (s System) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("bcp: system %s: "+format+": %w", append(append([]any{problem.Value(s.ID)}, args...), ErrInvalid)...))
	}
	if s.ID == "" {
		bad("empty ID")
	}
	for _, f := range [...]struct{ what, s string }{{"ID", s.ID}, {"name", s.Name}, {"owner division", s.Owner}} {
		if r, at, ok := problem.Control(f.s); ok {
			bad("control character %s at byte %d of its %s", problem.Rune(r), at, f.what)
		}
	}
	if s.Name == "" {
		bad("empty name")
	}
	if s.Owner == "" {
		bad("empty owner division")
	}
	if !s.Kind.IsValid() {
		bad("kind %s unset or unknown", s.Kind)
	}
	if s.Kind == Platform && s.Hosted {
		bad("the platform cannot be hosted on a platform")
	}
	if !s.Scale.IsValid() {
		bad("impact scale %s unset or unknown (use unassessed when not yet decided)", s.Scale)
	}
	if s.Difficulty != 0 && !s.Difficulty.IsValid() {
		bad("unknown difficulty %s", s.Difficulty)
	}
	if s.Target < 0 {
		bad("negative target recovery time %s", duration.Format(s.Target))
	}
	for i, d := range s.DependsOn {
		if d == "" {
			bad("dependency %d is empty", i)
		}
	}
	return problem.Join(errs...)
}

// Clone returns a copy of s that shares no slice with it.
func (s System) Clone() System {
	s.DependsOn = slices.Clone(s.DependsOn)
	return s
}

// An Inventory is a plan's list of information systems.
//
// The zero Inventory is empty and belongs to no plan. It holds a slice, so ==
// is not defined.
type Inventory struct {
	// Plan is the plan ID the inventory comes from, e.g. council.PlanNakano.
	Plan string `json:"plan,omitzero"`
	// Systems are the entries, in the plan's order.
	Systems []System `json:"systems,omitempty"`
	// Citations are the clauses the inventory as a whole comes from.
	Citations council.Citations `json:"citations,omitzero"`
	// Note says what the source leaves open about the inventory.
	Note string `json:"note,omitzero"`
}

// Clone returns a deep copy of inv.
func (inv Inventory) Clone() Inventory {
	out := inv
	out.Systems = make([]System, len(inv.Systems))
	for i, s := range inv.Systems {
		out.Systems[i] = s.Clone()
	}
	return out
}

// Lookup returns the system with the given ID.
func (inv Inventory) Lookup(id string) (System, bool) {
	for _, s := range inv.Systems {
		if s.ID == id {
			return s.Clone(), true
		}
	}
	return System{}, false
}

// Unassessed returns the IDs of the systems whose scale is [Unassessed], sorted.
func (inv Inventory) Unassessed() []string {
	var ids []string
	for _, s := range inv.Systems {
		if s.Scale == Unassessed {
			ids = append(ids, s.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// Validate reports every problem [Order] would report except unassessed
// scales: every invalid system, duplicate IDs, dependencies on IDs the
// inventory does not hold, and a dependency cycle.
func (inv Inventory) Validate() error {
	return orderErr(inv.Systems)
}
