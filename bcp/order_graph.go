package bcp

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/internal/problem"
)

const (
	idBits      = 27
	idMask      = 1<<idBits - 1
	noTarget    = 1<<27 - 1
	targetShift = idBits + 4
	maxSystems  = idMask // the library's limit: keys hold a rank below it
	// maxPlatforms bounds the implicit edges (hosted × platforms) so that
	// they stay linear in the number of systems.
	maxPlatforms = 16
)

// An idIndex is a system's index with its ID's first eight bytes as a
// big-endian number: comparing those first makes sorting IDs cheaper, and
// the whole ID is read from the system only when they agree.
type idIndex struct {
	head uint64
	i    int32
}

func idHead(id string) uint64 {
	var h uint64
	for k := range 8 {
		h <<= 8
		if k < len(id) {
			h |= uint64(id[k])
		}
	}
	return h
}

// orderKey is a system's urgency packed in one integer, smaller is more
// urgent: from the most significant bits down, kind (2 bits), scale (3),
// target rank (27; noTarget for none), alternative (1), difficulty (3; 4 for
// unassessed), and 27 low bits left zero for the ID rank, so that a key with
// the ID rank or'ed in orders systems completely.
type orderKey uint64

func makeKey(kind, scale uint8, targetRank uint32, alt, diff uint8) orderKey {
	return orderKey((uint64(kind)<<34 | uint64(scale)<<31 | uint64(targetRank)<<4 | uint64(alt)<<3 | uint64(diff)) << idBits)
}

func (k orderKey) scale() ImpactScale { return ImpactScale(k >> (idBits + 31) & 7) }
func (k orderKey) target() uint32     { return uint32(k>>targetShift) & noTarget }
func (k orderKey) withTarget(r uint32) orderKey {
	return k&^(noTarget<<targetShift) | orderKey(r)<<targetShift
}

// orderHeap is a binary min-heap of keys with the ID rank or'ed in.
type orderHeap struct {
	items []uint64
}

func (h *orderHeap) len() int { return len(h.items) }

func (h *orderHeap) push(x uint64) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h.items[i] >= h.items[p] {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

func (h *orderHeap) pop() uint64 {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.items[l] < h.items[m] {
			m = l
		}
		if r < last && h.items[r] < h.items[m] {
			m = r
		}
		if m == i {
			return top
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}

// adjacency is a compressed adjacency list: node i's neighbours are
// to[start[i]:start[i+1]].
type adjacency struct {
	start []int32
	to    []int32
}

func (a adjacency) of(i int) []int32 { return a.to[a.start[i]:a.start[i+1]] }
func (a adjacency) len(i int) int32  { return a.start[i+1] - a.start[i] }

type graph struct {
	deps, dependents adjacency
}

// buildGraph validates systems and builds both edge directions, including
// each hosted system's dependency on every platform. It also returns the
// systems sorted by ID (then by index), from which Order ranks IDs.
func buildGraph(systems []System) (graph, []idIndex, error) {
	n := len(systems)
	var errs []error
	sorted := make([]idIndex, n)
	for i := range systems {
		sorted[i] = idIndex{idHead(systems[i].ID), int32(i)}
	}
	slices.SortFunc(sorted, func(a, b idIndex) int {
		if a.head != b.head {
			return cmp.Compare(a.head, b.head)
		}
		return cmp.Or(strings.Compare(systems[a.i].ID, systems[b.i].ID), cmp.Compare(a.i, b.i))
	})
	// Systems of one ID are adjacent in sorted, the first given first: each
	// later one is a duplicate of the first (rare, so kept aside).
	var dups []dupID
	for r := 1; r < n; r++ {
		if sorted[r].head == sorted[r-1].head && systems[sorted[r].i].ID == systems[sorted[r-1].i].ID {
			first := sorted[r-1].i
			if len(dups) > 0 && dups[len(dups)-1].i == first {
				first = dups[len(dups)-1].first
			}
			dups = append(dups, dupID{sorted[r].i, first})
		}
	}
	slices.SortFunc(dups, func(a, b dupID) int { return cmp.Compare(a.i, b.i) })
	var platforms []int32
	edges, hosted := 0, 0
	for i := range systems {
		s := &systems[i]
		if !s.valid() {
			if err := s.Validate(); err != nil {
				errs = append(errs, problem.Wrap(fmt.Sprintf("bcp: system %d", i), err))
			}
		}
		edges += len(s.DependsOn)
		if s.Hosted {
			hosted++
		}
		if len(dups) > 0 && dups[0].i == int32(i) {
			errs = append(errs, fmt.Errorf("bcp: system %d: ID %s already used by system %d: %w", i, problem.Value(s.ID), dups[0].first, ErrInvalid))
			dups = dups[1:]
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
	ids := newIDTable(systems, sorted)
	// The dependencies of each system, in input order: its DependsOn, then
	// the platforms if hosted.
	deps := adjacency{start: make([]int32, n+1), to: make([]int32, 0, edges+hosted*len(platforms))}
	for i := range systems {
		s := &systems[i]
		deps.start[i] = int32(len(deps.to))
		for _, d := range s.DependsOn {
			j, ok := ids.find(d)
			if !ok {
				if d != "" {
					errs = append(errs, fmt.Errorf("bcp: system %s: depends on unknown system %s: %w", problem.Value(s.ID), problem.Quote(d), ErrInvalid))
				}
				continue
			}
			deps.to = append(deps.to, j)
		}
		if s.Hosted {
			for _, p := range platforms {
				if int(p) != i {
					deps.to = append(deps.to, p)
				}
			}
		}
	}
	deps.start[n] = int32(len(deps.to))
	if len(errs) > 0 {
		return graph{}, nil, problem.Join(errs...)
	}
	// The dependents of each system, each list in input order: count them
	// two places up, so that the prefix sums one place up are the fill
	// cursors and end as the starts.
	rstart := make([]int32, n+2)
	for _, j := range deps.to {
		rstart[j+2]++
	}
	for i := 2; i < n+2; i++ {
		rstart[i] += rstart[i-1]
	}
	dependents := adjacency{start: rstart[:n+1], to: make([]int32, len(deps.to))}
	for i := range n {
		for _, j := range deps.to[deps.start[i]:deps.start[i+1]] {
			dependents.to[rstart[j+1]] = int32(i)
			rstart[j+1]++
		}
	}
	return graph{deps: deps, dependents: dependents}, sorted, nil
}

// A dupID is a system whose ID an earlier system already has.
type dupID struct{ i, first int32 }

// valid reports whether s.Validate would report nothing, without building
// errors: the happy path of buildGraph.
func (s *System) valid() bool {
	if s.ID == "" || s.Name == "" || s.Owner == "" || !s.Kind.IsValid() || s.Kind == Platform && s.Hosted ||
		!s.Scale.IsValid() || s.Difficulty != 0 && !s.Difficulty.IsValid() || s.Target < 0 {
		return false
	}
	if _, _, bad := problem.Control(s.ID); bad {
		return false
	}
	if _, _, bad := problem.Control(s.Name); bad {
		return false
	}
	if _, _, bad := problem.Control(s.Owner); bad {
		return false
	}
	for _, d := range s.DependsOn {
		if d == "" {
			return false
		}
	}
	return true
}

// findCycle returns the cycle through the systems left with pending
// dependents after pass 1. It walks from the smallest remaining ID to its
// smallest remaining dependent until a system repeats, so the cycle named does
// not depend on the input order, and starts it at its smallest ID.
func findCycle(systems []System, g graph, pending []int32) error {
	start := int32(-1)
	for i := range systems {
		if pending[i] > 0 && (start < 0 || systems[i].ID < systems[start].ID) {
			start = int32(i)
		}
	}
	seen := make(map[int32]int)
	var walk []int32
	for cur := start; ; {
		if at, ok := seen[cur]; ok {
			walk = walk[at:]
			break
		}
		seen[cur] = len(walk)
		walk = append(walk, cur)
		next := int32(-1)
		for _, d := range g.dependents.of(int(cur)) {
			if pending[d] > 0 && (next < 0 || systems[d].ID < systems[next].ID) {
				next = d
			}
		}
		cur = next
	}
	// walk follows "is depended on by"; reverse it to read "depends on".
	slices.Reverse(walk)
	ids := make([]string, len(walk))
	for k, i := range walk {
		ids[k] = systems[i].ID
	}
	m := 0
	for k := range ids {
		if ids[k] < ids[m] {
			m = k
		}
	}
	ids = append(ids[m:], ids[:m]...)
	return &CycleError{IDs: ids}
}

// An idTable maps system IDs to their index in the systems slice: open
// addressing with linear probing over a power-of-two table of indices plus
// one (0 is empty). It is a plain map[string]int32 made cheaper for Order's
// one build and many lookups. Its hash is seeded afresh for each table, so
// that no set of IDs can be made to collide (as they could under a fixed
// hash); its answers do not depend on the hash, so neither does anything
// Order returns.
type idTable struct {
	systems []System
	slots   []int32
	mask    uint64
	seed    maphash.Seed
}

// newIDTable indexes the IDs of systems, keeping the first system of each
// ID; sorted is the systems sorted by ID, then by index.
func newIDTable(systems []System, sorted []idIndex) idTable {
	size := 8
	for size < 2*len(sorted) {
		size <<= 1
	}
	t := idTable{systems: systems, slots: make([]int32, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
	for r, x := range sorted {
		id := systems[x.i].ID
		if r > 0 && x.head == sorted[r-1].head && id == systems[sorted[r-1].i].ID {
			continue
		}
		k := maphash.String(t.seed, id) & t.mask
		for t.slots[k] != 0 {
			k = (k + 1) & t.mask
		}
		t.slots[k] = x.i + 1
	}
	return t
}

// find returns the index of the first system with the given ID.
func (t idTable) find(id string) (int32, bool) {
	for k := maphash.String(t.seed, id) & t.mask; ; k = (k + 1) & t.mask {
		i := t.slots[k] - 1
		if i < 0 {
			return 0, false
		}
		if t.systems[i].ID == id {
			return i, true
		}
	}
}
