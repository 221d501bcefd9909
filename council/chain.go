package council

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// An Edge of a reporting chain: From reports to To, as clause Cite says.
//
// Reading marks an edge the plan does not state in words, kept because the
// chain must lead every role to the chief: the library's reading of Cite
// (the preset's doc comment gives the reason), shown as such in outputs.
//
// The zero Edge is not valid. Edges are comparable with ==.
type Edge struct {
	From    Role     `json:"from,omitzero"`
	To      Role     `json:"to,omitzero"`
	Cite    Citation `json:"cite,omitzero"`
	Reading bool     `json:"reading,omitzero"`
}

// A Notice says that role By must tell actor To when one of the triggers On
// occurs. AsNeeded marks the plan's "必要に応じ" / "内容や程度等によっては":
// the notice is left to judgement and [Chain.MustTell] does not count it.
// A zero By means the plan does not say who tells (kumamoto 3).
//
// The zero Notice is not valid. Notices are comparable with ==.
type Notice struct {
	On       Triggers `json:"on,omitzero"`
	By       Role     `json:"by,omitzero"`
	To       Actor    `json:"to,omitzero"`
	AsNeeded bool     `json:"asNeeded,omitzero"`
	Cite     Citation `json:"cite,omitzero"`
}

// A Chain is a plan's reporting chain: a directed "reports to" graph over
// roles (Edges) that must lead every role to Chief, plus the notices the plan
// requires for each trigger (Notices), inside or outside the municipality.
//
// A Chain is a plain value, part of a plan's [Organization]. Its queries
// only read it, so it is safe for concurrent use as long as nobody writes
// its slices.
// Check one built by hand with [Chain.Validate].
//
// A plan may state no reporting chain at all (大崎市's 第3条 sets up only a
// contact network): its Organization then holds an [Chain.Empty] chain,
// which [Organization.Validate] accepts and no query invents a chief for.
//
// The zero Chain has no chief and is not valid on its own; in an
// [Organization] it means the plan states no reporting chain. == is not
// defined on it.
type Chain struct {
	Plan    string   `json:"plan,omitzero"`
	Chief   Role     `json:"chief,omitzero"`
	Edges   []Edge   `json:"edges,omitempty"`
	Notices []Notice `json:"notices,omitempty"`
}

// Empty reports whether c states no reporting chain: no chief, no edge and
// no notice (its Plan may be set or not). An organisation with an empty
// chain has no one who reports to anyone: [Chain.PathToChief] fails for
// every role and [Chain.Nodes] is empty. A chain with notices or edges but
// no chief is not empty but broken ([Chain.Validate] says so).
func (c Chain) Empty() bool { return c.Chief == 0 && len(c.Edges) == 0 && len(c.Notices) == 0 }

// maxRoles bounds every role-indexed array: roles are bit positions 1..63.
const maxRoles = 64

// Nodes returns the roles of the chain: the chief and every valid role an
// edge names.
func (c Chain) Nodes() Roles {
	s := RolesOf(c.Chief)
	for _, e := range c.Edges {
		s = s.With(e.From).With(e.To)
	}
	return s
}

// ReportsTo returns the roles r reports to directly.
func (c Chain) ReportsTo(r Role) Roles {
	var s Roles
	for _, e := range c.Edges {
		if e.From == r {
			s = s.With(e.To)
		}
	}
	return s
}

// A Path is a way up a reporting chain from a role to the chief, with the
// clause behind each step. It is a fixed-capacity value: building, copying
// and comparing it never allocates.
//
// The zero Path is empty (no role). Paths are comparable with ==.
type Path struct {
	n     uint8
	roles [maxRoles]Role
	cites [maxRoles]Citation // cites[i] is the clause of the step roles[i] → roles[i+1]
}

// Len is the number of roles on the path, the start and the chief included.
func (p Path) Len() int { return int(p.n) }

// At returns the i'th role (0 is the start), or zero when out of range.
func (p Path) At(i int) Role {
	if i < 0 || i >= int(p.n) {
		return 0
	}
	return p.roles[i]
}

// All yields the roles from the start to the chief.
func (p Path) All() iter.Seq2[int, Role] {
	return func(yield func(int, Role) bool) {
		for i := range int(p.n) {
			if !yield(i, p.roles[i]) {
				return
			}
		}
	}
}

// Slice returns the roles in a fresh slice the caller owns.
func (p Path) Slice() []Role { return slices.Clone(p.roles[:p.n]) }

// Cites returns the citations of the steps, in order: Cites().At(i) is the
// clause of the step from At(i) to At(i+1).
func (p Path) Cites() Citations {
	if p.n < 2 {
		return Citations{}
	}
	return Cites(p.cites[:p.n-1]...)
}

// String returns the roles joined by " → ".
func (p Path) String() string {
	var b strings.Builder
	for i := range int(p.n) {
		if i > 0 {
			b.WriteString(" → ")
		}
		b.WriteString(p.roles[i].String())
	}
	return b.String()
}

// PathToChief returns the shortest way up the chain from role from to the
// chief (edges are tried in their order, so ties go to the earlier edge). It
// does not allocate unless it fails: from must be a valid role that reaches
// the chief.
func (c Chain) PathToChief(from Role) (Path, error) {
	var p Path
	if !from.IsValid() {
		return p, fmt.Errorf("council: chain %s: path from %s: %w", c.Plan, from, ErrUnknownRole)
	}
	if !c.Chief.IsValid() {
		return p, fmt.Errorf("council: chain %s: no valid chief: %w", c.Plan, ErrInvalid)
	}
	// Breadth-first from the start; parent[r] is the edge index that first reached r.
	var parent [maxRoles]int32
	var seen Roles
	var queue [maxRoles]Role
	head, tail := 0, 0
	queue[tail] = from
	tail++
	seen = seen.With(from)
	found := from == c.Chief
	for head < tail && !found {
		r := queue[head]
		head++
		for i, e := range c.Edges {
			if e.From != r || !e.To.IsValid() || seen.Has(e.To) {
				continue
			}
			seen = seen.With(e.To)
			parent[e.To] = int32(i)
			if e.To == c.Chief {
				found = true
				break
			}
			queue[tail] = e.To
			tail++
		}
	}
	if !found {
		return p, fmt.Errorf("council: chain %s: role %s: %w %s", c.Plan, from, ErrUnreachable, c.Chief)
	}
	// Walk back from the chief, then reverse.
	n := 0
	for r := c.Chief; ; {
		p.roles[n] = r
		n++
		if r == from {
			break
		}
		e := c.Edges[parent[r]]
		p.cites[n-1] = e.Cite
		r = e.From
	}
	slices.Reverse(p.roles[:n])
	slices.Reverse(p.cites[:n-1])
	p.n = uint8(n)
	return p, nil
}

// MustTell returns who must be told when t occurs: the recipients of every
// notice on t that is not left to judgement (AsNeeded), split into roles and
// parties. It does not allocate.
func (c Chain) MustTell(t Trigger) (Roles, Parties) {
	var rs Roles
	var ps Parties
	for _, n := range c.Notices {
		if n.AsNeeded || !n.On.Has(t) {
			continue
		}
		rs = rs.With(n.To.Role)
		ps = ps.With(n.To.Party)
	}
	return rs, ps
}

// NoticesOn returns, in a fresh slice and in the chain's order, every notice
// that applies when t occurs, those left to judgement included.
func (c Chain) NoticesOn(t Trigger) []Notice {
	var out []Notice
	for _, n := range c.Notices {
		if n.On.Has(t) {
			out = append(out, n)
		}
	}
	return out
}

// Validate reports every problem of the chain at once (errors.Join): a chief
// that is not a valid role; an edge naming an invalid role ([ErrUnknownRole]);
// a missing or foreign citation ([ErrUncited]); each cycle ([*CycleError],
// naming its roles); each role that does not reach the chief
// ([ErrUnreachable]); a notice by (when By is set) or to a role outside the
// chain, to an invalid actor, or on no trigger.
func (c Chain) Validate() error {
	var errs []error
	pre := "council: chain " + c.Plan
	if !c.Chief.IsValid() {
		errs = append(errs, fmt.Errorf("%s: chief %s: %w", pre, c.Chief, ErrInvalid))
	}
	for i, e := range c.Edges {
		for _, r := range [2]Role{e.From, e.To} {
			if !r.IsValid() {
				errs = append(errs, fmt.Errorf("%s: edge %d: %w %s", pre, i, ErrUnknownRole, r))
			}
		}
		if !citesPlan(e.Cite, c.Plan) {
			errs = append(errs, fmt.Errorf("%s: edge %d (%s → %s): citation %s: %w", pre, i, e.From, e.To, problem.Quote(e.Cite.String()), ErrUncited))
		}
	}
	errs = append(errs, c.cycles()...)
	// Reverse reachability from the chief.
	var reach Roles
	if c.Chief.IsValid() {
		reach = RolesOf(c.Chief)
		for changed := true; changed; {
			changed = false
			for _, e := range c.Edges {
				if reach.Has(e.To) && e.From.IsValid() && !reach.Has(e.From) {
					reach = reach.With(e.From)
					changed = true
				}
			}
		}
	}
	nodes := c.Nodes()
	for r := range nodes.All() {
		if !reach.Has(r) {
			errs = append(errs, fmt.Errorf("%s: role %s: %w %s", pre, r, ErrUnreachable, c.Chief))
		}
	}
	for i, n := range c.Notices {
		if n.On == 0 {
			errs = append(errs, fmt.Errorf("%s: notice %d: no trigger: %w", pre, i, ErrInvalid))
		}
		if n.By != 0 && !nodes.Has(n.By) {
			errs = append(errs, fmt.Errorf("%s: notice %d: by %w %s", pre, i, ErrUnknownRole, n.By))
		}
		switch {
		case !n.To.IsValid():
			errs = append(errs, fmt.Errorf("%s: notice %d: to %s: %w", pre, i, n.To, ErrInvalid))
		case n.To.Role != 0 && !nodes.Has(n.To.Role):
			errs = append(errs, fmt.Errorf("%s: notice %d: to %w %s", pre, i, ErrUnknownRole, n.To.Role))
		}
		if !citesPlan(n.Cite, c.Plan) {
			errs = append(errs, fmt.Errorf("%s: notice %d: citation %s: %w", pre, i, problem.Quote(n.Cite.String()), ErrUncited))
		}
	}
	return problem.Join(errs...)
}

// cycles finds the cycles of the chain by depth-first search, starting from
// roles in ascending order and following edges in their order: one
// [*CycleError] per back edge.
func (c Chain) cycles() []error {
	const (
		white = iota
		grey
		black
	)
	var color [maxRoles]uint8
	var stack []Role
	var errs []error
	var visit func(r Role)
	visit = func(r Role) {
		color[r] = grey
		stack = append(stack, r)
		for _, e := range c.Edges {
			if e.From != r || !e.To.IsValid() {
				continue
			}
			switch color[e.To] {
			case white:
				visit(e.To)
			case grey:
				i := slices.Index(stack, e.To)
				cyc := append(slices.Clone(stack[i:]), e.To)
				errs = append(errs, &CycleError{Plan: c.Plan, Cycle: cyc})
			}
		}
		stack = stack[:len(stack)-1]
		color[r] = black
	}
	for r := range c.Nodes().All() {
		if color[r] == white {
			visit(r)
		}
	}
	return errs
}

func citesPlan(c Citation, plan string) bool { return c.IsValid() && c.Plan() == plan }
