package bcp

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// ErrCycle is wrapped by a [*CycleError]: systems that depend on each other in
// a circle can have no recovery order. It is the same value as
// council.ErrCycle.
var ErrCycle = problem.ErrCycle

// ErrUnassessed is wrapped by an [*UnassessedError]: a system's impact scale is
// not yet decided and the caller chose no [UnassessedPolicy].
var ErrUnassessed = problem.ErrUnassessed

// A CycleError names one dependency cycle, each system depending on the next
// and the last on the first, starting at the smallest ID. A hosted system's
// dependency on the platform counts. Only [Order] makes one; use it through a
// pointer.
type CycleError struct {
	IDs []string `json:"ids"`
}

// Error names the cycle: its first systems, each quoted by a short prefix,
// and how many more there are. The zero CycleError prints without a cycle.
func (e *CycleError) Error() string {
	if len(e.IDs) == 0 {
		return "bcp: dependency cycle"
	}
	var b strings.Builder
	b.WriteString("bcp: dependency cycle: ")
	for i, id := range e.IDs[:min(len(e.IDs), problem.MaxList)] {
		if i > 0 {
			b.WriteString(" → ")
		}
		b.WriteString(problem.ID(id))
	}
	if n := len(e.IDs) - problem.MaxList; n > 0 {
		fmt.Fprintf(&b, " → … (%d more) → %s", n, problem.ID(e.IDs[0]))
	} else {
		b.WriteString(" → " + problem.ID(e.IDs[0]))
	}
	return b.String()
}

// Unwrap returns [ErrCycle].
func (e *CycleError) Unwrap() error { return ErrCycle }

// An UnassessedError lists, sorted, the systems whose impact scale is
// [Unassessed] when no [UnassessedPolicy] was chosen. Only [Order] and
// [SelectBackups] make one; use it through a pointer.
type UnassessedError struct {
	IDs []string `json:"ids"`
}

// Error lists the first systems and counts the rest.
func (e *UnassessedError) Error() string {
	return fmt.Sprintf("bcp: %d systems have an unassessed impact scale and no policy was chosen for them: %s",
		len(e.IDs), problem.List(len(e.IDs), func(i int) string { return problem.ID(e.IDs[i]) }))
}

// Unwrap returns [ErrUnassessed].
func (e *UnassessedError) Unwrap() error { return ErrUnassessed }

// OrderOptions tune [Order]. The zero OrderOptions refuses unassessed systems.
type OrderOptions struct {
	// Unassessed says how to treat systems whose scale is [Unassessed];
	// zero refuses them with an [*UnassessedError].
	Unassessed UnassessedPolicy `json:"unassessed,omitzero"`
	// Clauses are the clauses the plan gives for the grounds of its order
	// ([Continuity.Order]): a position cites, in this order, each clause
	// whose reasons hold one of its own. Without clauses a position cites
	// nothing: Order never cites a plan on its own. Only the first 64 count.
	Clauses []OrderClause `json:"clauses"`
}

// A Position is one system's place in a recovery order and why it is there.
//
// The zero Position is not a placement. Position holds [council.Citations], so
// == is not defined; compare with go-cmp.
type Position struct {
	Rank  int        `json:"rank"`  // 1-based
	ID    string     `json:"id"`    // the system's ID
	Name  string     `json:"name"`  // its Japanese name
	Owner string     `json:"owner"` // its owning division
	Kind  SystemKind `json:"kind,omitzero"`
	// Scale is the system's own impact scale, as given.
	Scale ImpactScale `json:"scale,omitzero"`
	// Effective is the scale the order used: the own scale with the
	// [UnassessedPolicy] applied, raised to that of a more urgent dependent
	// ([Unassessed] here means placed after every assessed system).
	Effective ImpactScale `json:"effective,omitzero"`
	// Target is the target recovery time the order used: the strictest of the
	// system's own and those of every system depending on it, directly or not;
	// zero when none applies.
	Target time.Duration `json:"target,omitzero"`
	// TargetFrom is the ID of the system whose target Target is ("" when none).
	TargetFrom string `json:"targetFrom"`
	// RaisedBy is the ID of the dependent whose urgency the system took on, or
	// "" when it is placed on its own merits.
	RaisedBy string `json:"raisedBy"`
	// Reasons are the grounds that placed the system.
	Reasons Reasons `json:"reasons,omitzero"`
	// Citations are the clauses behind the reasons.
	Citations council.Citations `json:"citations,omitzero"`
}

// Order proposes the recovery order of systems (統合仮想サーバ 4(6)(7)). The
// source has the council (審議機関) set the priority from 図4, the services'
// state and the damage; Order is the proposal it decides on.
//
// A system can only come after every system it depends on: its DependsOn, and
// for a hosted system every [Platform] system. Among the systems whose
// dependencies are all placed, the most urgent comes next, by these keys:
//
//  1. kind: the IaaS environment, then its monitoring, then business systems
//     (4(7): the environment recovers before the hosted systems; 5(1): its
//     monitoring is what lets the recovery be watched);
//  2. impact scale, Large first (4(6), 5(4));
//  3. target recovery time, shortest first, none last (library's own
//     extension from the national guideline);
//  4. alternative means: systems whose services are stopped before systems
//     whose services go on by an alternative means (4(5)(6));
//  5. difficulty: easiest recovery first, unassessed last (4(6) names the
//     damage; which way it counts is the library's reading: quick recoveries
//     restore services sooner);
//  6. ID, so the order never depends on the input order.
//
// Urgency flows to dependencies (the library's own extension, needed so a
// dependency never makes a more urgent system wait): a system takes the
// strictest target of every system depending on it, directly or not, and is
// ranked by the most urgent key among itself and those systems. So the IaaS is
// never given more time than the most urgent system running on it.
//
// Order reports every invalid system, duplicate ID and unknown dependency at
// once; a dependency cycle as a [*CycleError]; unassessed systems without a
// policy as an [*UnassessedError]. It orders at most 2²⁷-2 systems with at
// most 16 platforms (the library's limits). It does not keep systems.
func Order(systems []System, opts OrderOptions) ([]Position, error) {
	if opts.Unassessed != 0 && !opts.Unassessed.IsValid() {
		return nil, fmt.Errorf("bcp: order: unknown unassessed policy %s: %w", opts.Unassessed, ErrInvalid)
	}
	if len(systems) >= maxSystems {
		return nil, fmt.Errorf("bcp: order: %d systems, more than the %d the library orders: %w", len(systems), maxSystems-1, ErrInvalid)
	}
	g, sorted, err := buildGraph(systems)
	if err != nil {
		return nil, err
	}
	if opts.Unassessed == 0 {
		var ids []string
		for i := range systems {
			if systems[i].Scale == Unassessed {
				ids = append(ids, systems[i].ID)
			}
		}
		if len(ids) > 0 {
			slices.Sort(ids)
			return nil, &UnassessedError{IDs: ids}
		}
	}
	n := len(systems)
	// Ranks stand in for IDs and targets so that comparing two systems is
	// comparing two integers.
	idRank := make([]int32, n)
	var targets []time.Duration
	for i := range systems {
		if systems[i].Target > 0 {
			targets = append(targets, systems[i].Target)
		}
	}
	for r, x := range sorted {
		idRank[x.i] = int32(r)
	}
	slices.Sort(targets)
	targets = slices.Compact(targets)

	keys := make([]orderKey, n)
	origin := make([]int32, n)     // whose own key keys[i] is
	targetFrom := make([]int32, n) // whose target keys[i] holds, or -1
	for i := range systems {
		s := &systems[i]
		tr := uint32(noTarget)
		targetFrom[i] = -1
		if s.Target > 0 {
			r, _ := slices.BinarySearch(targets, s.Target)
			tr = uint32(r)
			targetFrom[i] = int32(i)
		}
		var alt, diff uint8 = 0, 4
		if s.Alternative {
			alt = 1
		}
		if s.Difficulty.IsValid() {
			diff = uint8(s.Difficulty)
		}
		keys[i] = makeKey(uint8(s.Kind), uint8(policyScale(s.Scale, opts.Unassessed)), tr, alt, diff)
		origin[i] = int32(i)
	}
	byID := func(a, b int32) bool { return idRank[a] < idRank[b] }

	// Pass 1, dependents before dependencies: inherit targets and urgency.
	pending := make([]int32, n) // dependents not yet processed
	queue := make([]int32, 0, n)
	for i := range n {
		pending[i] = g.dependents.len(i)
		if pending[i] == 0 {
			queue = append(queue, int32(i))
		}
	}
	for q := 0; q < len(queue); q++ {
		i := queue[q]
		// Every dependent of i is final: fold them into i. First the
		// strictest target, ties going to the smallest ID that set it.
		for _, d := range g.dependents.of(int(i)) {
			if targetFrom[d] < 0 {
				continue
			}
			if td, ti := keys[d].target(), keys[i].target(); td < ti || td == ti && byID(targetFrom[d], targetFrom[i]) {
				keys[i] = keys[i].withTarget(td)
				targetFrom[i] = targetFrom[d]
			}
		}
		// Then the most urgent key among i (with that target) and its
		// dependents; i keeps its own on a tie.
		best, from := keys[i], i
		for _, d := range g.dependents.of(int(i)) {
			if keys[d] < best || keys[d] == best && from != i && byID(origin[d], from) {
				best, from = keys[d], origin[d]
			}
		}
		keys[i], origin[i] = best.withTarget(keys[i].target()), from
		for _, j := range g.deps.of(int(i)) {
			pending[j]--
			if pending[j] == 0 {
				queue = append(queue, j)
			}
		}
	}
	if len(queue) < n {
		return nil, findCycle(systems, g, pending)
	}

	// Pass 2, priority-first topological order. After pass 1 no system is
	// more urgent than one it depends on, so the systems come by key: sorted
	// by key and ID, but for a run of equal keys that holds a system and a
	// dependency with a greater ID, which takes the priority-first order of
	// that run alone.
	prios := make([]uint64, n)
	for i := range n {
		prios[i] = uint64(keys[i]) | uint64(idRank[i])
	}
	slices.Sort(prios)
	seq := queue // reuse
	for k, p := range prios {
		seq[k] = sorted[p&idMask].i
	}
	waiting := pending // reuse: dependencies of the same key not yet placed
	var h orderHeap
	for a := 0; a < n; {
		key := keys[seq[a]]
		b, reorder := a, false
		for ; b < n && keys[seq[b]] == key; b++ {
			i := seq[b]
			waiting[i] = 0
			for _, j := range g.deps.of(int(i)) {
				if keys[j] == key {
					waiting[i]++
					reorder = reorder || idRank[j] > idRank[i]
				}
			}
		}
		if reorder {
			h.items = h.items[:0]
			for _, i := range seq[a:b] {
				if waiting[i] == 0 {
					h.push(uint64(idRank[i]))
				}
			}
			for k := a; h.len() > 0; k++ {
				i := sorted[h.pop()].i
				seq[k] = i
				for _, d := range g.dependents.of(int(i)) {
					if keys[d] == key {
						waiting[d]--
						if waiting[d] == 0 {
							h.push(uint64(idRank[d]))
						}
					}
				}
			}
		}
		a = b
	}

	// Fill positions in input order: reading the systems in sequence is
	// cheaper than reading them in recovery order.
	rankOf := waiting // reuse
	for k, i := range seq {
		rankOf[i] = int32(k)
	}
	out := make([]Position, n)
	for i := range systems {
		s, p := &systems[i], &out[rankOf[i]]
		p.Rank, p.ID, p.Name, p.Owner, p.Kind, p.Scale = int(rankOf[i])+1, s.ID, s.Name, s.Owner, s.Kind, s.Scale
		p.Effective = keys[i].scale()
		if targetFrom[i] >= 0 {
			p.Target = targets[keys[i].target()]
			p.TargetFrom = systems[targetFrom[i]].ID
		}
		if origin[i] != int32(i) {
			p.RaisedBy = systems[origin[i]].ID
		}
		p.Reasons = reasonsFor(s, p, g.deps.len(i) > 0, opts.Unassessed)
	}
	// Equal urgency with the one before, and not placed after it for a
	// dependency (it was not raised by this one, and the IDs agree): the ID
	// decided between them.
	for k := 1; k < n; k++ {
		if i, prev := seq[k], seq[k-1]; keys[i] == keys[prev] && origin[prev] != i && idRank[prev] < idRank[i] {
			out[k].Reasons = out[k].Reasons.With(ReasonTieBreak)
			out[k-1].Reasons = out[k-1].Reasons.With(ReasonTieBreak)
		}
	}
	positionCites(out, opts.Clauses)
	return out, nil
}

// orderErr returns the error Order returns for systems under
// AssumeLarge, nil when Order would place them: the checks of buildGraph and
// the cycle detection of its first pass, without placing anything. Check
// and Inventory.Validate ask only that.
func orderErr(systems []System) error {
	if len(systems) >= maxSystems {
		return fmt.Errorf("bcp: order: %d systems, more than the %d the library orders: %w", len(systems), maxSystems-1, ErrInvalid)
	}
	g, _, err := buildGraph(systems)
	if err != nil {
		return err
	}
	// Order's first pass, dependents before dependencies, without keys.
	n := len(systems)
	pending := make([]int32, n)
	queue := make([]int32, 0, n)
	for i := range n {
		pending[i] = g.dependents.len(i)
		if pending[i] == 0 {
			queue = append(queue, int32(i))
		}
	}
	for q := 0; q < len(queue); q++ {
		for _, j := range g.deps.of(int(queue[q])) {
			pending[j]--
			if pending[j] == 0 {
				queue = append(queue, j)
			}
		}
	}
	if len(queue) < n {
		return findCycle(systems, g, pending)
	}
	return nil
}

// policyScale maps an unassessed scale through the policy.
func policyScale(s ImpactScale, p UnassessedPolicy) ImpactScale {
	if s == Unassessed && p == AssumeLarge {
		return Large
	}
	return s
}

func reasonsFor(s *System, p *Position, hasDeps bool, policy UnassessedPolicy) Reasons {
	var r Reasons
	switch s.Kind {
	case Platform:
		r = r.With(ReasonPlatform)
	case Monitoring:
		r = r.With(ReasonMonitoring)
	}
	r = r.With(ReasonScale)
	if p.RaisedBy != "" {
		r = r.With(ReasonRaised)
	}
	if p.TargetFrom != "" {
		if p.TargetFrom == s.ID {
			r = r.With(ReasonTarget)
		} else {
			r = r.With(ReasonInherited)
		}
	}
	if hasDeps {
		r = r.With(ReasonDependencies)
	}
	if s.Alternative {
		r = r.With(ReasonAlternative)
	} else {
		r = r.With(ReasonNoAlternative)
	}
	if s.Difficulty.IsValid() {
		r = r.With(ReasonDifficulty)
	}
	if s.Scale == Unassessed && policy != 0 {
		r = r.With(ReasonPolicy)
	}
	return r
}

// positionCites sets the citations of every position: the clauses of the
// plan ([OrderOptions.Clauses]) whose reasons hold one of the position's, in
// the plan's order. Positions placed on the same clauses share one
// Citations.
func positionCites(out []Position, clauses []OrderClause) {
	if len(clauses) == 0 {
		return
	}
	type entry struct {
		mask  uint64
		cites council.Citations
	}
	var seen []entry // few distinct sets in practice
	var more map[uint64]council.Citations
	for k := range out {
		r := out[k].Reasons
		var mask uint64
		for i, c := range clauses[:min(len(clauses), 64)] {
			if c.Reasons&r != 0 {
				mask |= 1 << i
			}
		}
		if mask == 0 {
			continue
		}
		found := false
		for _, e := range seen {
			if e.mask == mask {
				out[k].Citations, found = e.cites, true
				break
			}
		}
		if !found && more != nil {
			out[k].Citations, found = more[mask]
		}
		if found {
			continue
		}
		var cs []council.Citation
		for i, c := range clauses[:min(len(clauses), 64)] {
			if mask&(1<<i) != 0 {
				cs = append(cs, c.Cite)
			}
		}
		out[k].Citations = council.Cites(cs...)
		if len(seen) < 16 {
			seen = append(seen, entry{mask, out[k].Citations})
			continue
		}
		if more == nil {
			more = map[uint64]council.Citations{}
		}
		more[mask] = out[k].Citations
	}
}
