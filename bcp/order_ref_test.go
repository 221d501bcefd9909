package bcp

// refOrder is Order as it was before issue 12 item 8's speed-up, kept to check
// the faster Order against it on generated inventories (TestOrderMatchesReference).

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/internal/problem"
)

func refOrder(systems []System, opts OrderOptions) ([]Position, error) {
	if opts.Unassessed != 0 && !opts.Unassessed.IsValid() {
		return nil, fmt.Errorf("bcp: order: unknown unassessed policy %s: %w", opts.Unassessed, ErrInvalid)
	}
	if len(systems) >= maxSystems {
		return nil, fmt.Errorf("bcp: order: %d systems, more than the %d the library orders: %w", len(systems), maxSystems-1, ErrInvalid)
	}
	g, sorted, err := refBuildGraph(systems)
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
	byRank := make([]int32, n)
	for r, x := range sorted {
		idRank[x.i] = int32(r)
		byRank[r] = x.i
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
	seq := make([]int32, n)
	for k, p := range prios {
		seq[k] = byRank[p&idMask]
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
				i := byRank[h.pop()]
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
func refBuildGraph(systems []System) (graph, []refIDIndex, error) {
	n := len(systems)
	var errs []error
	sorted := make([]refIDIndex, n)
	for i := range systems {
		sorted[i] = refIDIndex{idHead(systems[i].ID), systems[i].ID, int32(i)}
	}
	slices.SortFunc(sorted, func(a, b refIDIndex) int {
		if a.head != b.head {
			return cmp.Compare(a.head, b.head)
		}
		return cmp.Or(strings.Compare(a.id, b.id), cmp.Compare(a.i, b.i))
	})
	// Systems of one ID are adjacent in sorted, the first given first.
	holder := make([]int32, n) // the first system with i's ID
	for r, x := range sorted {
		holder[x.i] = x.i
		if r > 0 && x.id == sorted[r-1].id {
			holder[x.i] = holder[sorted[r-1].i]
		}
	}
	ids := refNewIDTable(sorted)
	var platforms []int32
	for i := range systems {
		s := &systems[i]
		if err := s.Validate(); err != nil {
			errs = append(errs, problem.Wrap(fmt.Sprintf("bcp: system %d", i), err))
		}
		if j := holder[i]; j != int32(i) {
			errs = append(errs, fmt.Errorf("bcp: system %d: ID %s already used by system %d: %w", i, problem.Value(s.ID), j, ErrInvalid))
			continue
		}
		if s.Kind == Platform {
			platforms = append(platforms, int32(i))
		}
	}
	if len(platforms) > maxPlatforms {
		errs = append(errs, fmt.Errorf("bcp: %d platform systems, more than the %d the library orders (every hosted system depends on each): %w", len(platforms), maxPlatforms, ErrInvalid))
		platforms = nil // report the other problems without the edges
	}
	count := make([]int32, n+1)  // dependencies per node
	rcount := make([]int32, n+1) // dependents per node
	edges := 0
	var resolved []int32 // each DependsOn entry's index, in order
	for i := range systems {
		s := &systems[i]
		for _, d := range s.DependsOn {
			j, ok := ids.find(d)
			resolved = append(resolved, j)
			if !ok {
				if d != "" {
					errs = append(errs, fmt.Errorf("bcp: system %s: depends on unknown system %s: %w", problem.Value(s.ID), problem.Quote(d), ErrInvalid))
				}
				continue
			}
			count[i]++
			rcount[j]++
			edges++
		}
		if s.Hosted {
			for _, p := range platforms {
				if int(p) != i {
					count[i]++
					rcount[p]++
					edges++
				}
			}
		}
	}
	if len(errs) > 0 {
		return graph{}, nil, problem.Join(errs...)
	}
	g := graph{
		deps:       adjacency{start: prefix(count), to: make([]int32, edges)},
		dependents: adjacency{start: prefix(rcount), to: make([]int32, edges)},
	}
	fill, rfill := count, rcount // reuse as fill cursors
	copy(fill, g.deps.start)
	copy(rfill, g.dependents.start)
	add := func(i, j int32) {
		g.deps.to[fill[i]] = j
		fill[i]++
		g.dependents.to[rfill[j]] = i
		rfill[j]++
	}
	r := 0
	for i := range systems {
		s := &systems[i]
		for range s.DependsOn {
			add(int32(i), resolved[r])
			r++
		}
		if s.Hosted {
			for _, p := range platforms {
				if int(p) != i {
					add(int32(i), p)
				}
			}
		}
	}
	return g, sorted, nil
}

type refIDTable struct {
	sorted []refIDIndex
	slots  []int32
	mask   uint64
	seed   maphash.Seed
}

// newIDTable indexes the IDs of sorted, keeping the first system of each ID.
func refNewIDTable(sorted []refIDIndex) refIDTable {
	size := 8
	for size < 2*len(sorted) {
		size <<= 1
	}
	t := refIDTable{sorted: sorted, slots: make([]int32, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
	for r, x := range sorted {
		if r > 0 && x.id == sorted[r-1].id {
			continue
		}
		k := maphash.String(t.seed, x.id) & t.mask
		for t.slots[k] != 0 {
			k = (k + 1) & t.mask
		}
		t.slots[k] = int32(r) + 1
	}
	return t
}

// find returns the index of the first system with the given ID.
func (t refIDTable) find(id string) (int32, bool) {
	for k := maphash.String(t.seed, id) & t.mask; ; k = (k + 1) & t.mask {
		r := t.slots[k] - 1
		if r < 0 {
			return 0, false
		}
		if x := t.sorted[r]; x.id == id {
			return x.i, true
		}
	}
}

// prefix returns the exclusive prefix sums of counts[:n] as n+1 offsets.
func prefix(counts []int32) []int32 {
	start := make([]int32, len(counts))
	var sum int32
	for i := 0; i < len(counts)-1; i++ {
		start[i] = sum
		sum += counts[i]
	}
	start[len(counts)-1] = sum
	return start
}

// refIDIndex is idIndex as refOrder had it.
type refIDIndex struct {
	head uint64
	id   string
	i    int32
}
