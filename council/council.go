package council

import (
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Council describes one deliberating body of a plan: who chairs and
// convenes it, its standing members, its secretariat and its normal-time
// duties. Text fields are written as the plan writes them.
//
// A zero Role in Chair or Convener, an empty Secretariat or Consults, a zero
// Duties citation mean the plan does not say; the library does not fill them
// in. The zero Council is not valid. == is not defined on it.
type Council struct {
	Body        Body      `json:"body,omitzero"`
	Name        string    `json:"name,omitzero"`        // the body's name in the plan, e.g. "セキュリティ会議"
	Chair       Role      `json:"chair,omitzero"`       // 議長
	Convener    Role      `json:"convener,omitzero"`    // who convenes it (招集 / 開催)
	Members     Roles     `json:"members,omitzero"`     // standing members besides the chair
	ChairMayAdd bool      `json:"chairMayAdd,omitzero"` // the chair may add others needed for deliberation (kumiyama 第6条2項(4))
	Secretariat string    `json:"secretariat,omitzero"` // 庶務, e.g. "企画財政課" (kumiyama 第6条7項)
	Consults    string    `json:"consults,omitzero"`    // whom the chair hears on important matters (kumiyama 第6条4項)
	Duties      Citation  `json:"duties,omitzero"`      // the agenda of normal-time duties, e.g. kumiyama:第6条3項
	Cites       Citations `json:"cites,omitzero"`       // the clauses constituting the body
	// Delegation is the clause by which the chair includes whoever the
	// chair delegates (議長（その委任を受けた者を含む。）); zero when the plan
	// does not say.
	Delegation Citation `json:"delegation,omitzero"`
	// Ratification says who decides when the body cannot meet in time, the
	// body approving the decision after the fact (事後に承認); zero when the
	// plan does not say.
	Ratification Ratification `json:"ratification,omitzero"`
	// Network is the name of the contact network ([Organization.Networks])
	// over which the convener calls the members (ino 第5条 事前に定めた連絡網);
	// empty when the plan does not say.
	Network string `json:"network,omitzero"`
}

// A Ratification says that By decides for a body when it cannot meet in
// time (専決) and the body approves the decision after the fact (事後に承認),
// as clause Cite says. A zero By means the chair decides.
//
// The zero Ratification means the plan does not say. Ratifications are
// comparable with ==.
type Ratification struct {
	By   Role     `json:"by,omitzero"`
	Cite Citation `json:"cite,omitzero"`
}

// A Rule says what a plan does when one of the triggers On occurs: whether
// Body meets, who requests (or reports so that it meets), whether only on
// that request (OnRequest) or immediately, which agenda applies (zero: the
// plan fixes none), which body may stand in for it (zero: none), and why.
//
// The zero Rule applies to nothing. == is not defined on it.
type Rule struct {
	On          Triggers  `json:"on,omitzero"`
	Meets       bool      `json:"meets,omitzero"`
	Body        Body      `json:"body,omitzero"`
	RequestedBy Roles     `json:"requestedBy,omitzero"`
	OnRequest   bool      `json:"onRequest,omitzero"`
	Immediately bool      `json:"immediately,omitzero"`
	Agenda      Citation  `json:"agenda,omitzero"`
	Substitute  Body      `json:"substitute,omitzero"`
	Cites       Citations `json:"cites,omitzero"`
}

// An Organization is one plan's organisation: who fills which role, the
// reporting chain, the deliberating bodies, the rules that convene them and
// their agendas, and the emergency contact networks it sets up: the
// organization part of a plan file. Each plan has its own; they are never
// merged.
//
// An Organization is a plain value; its methods and [Convene] only read it
// and are safe for concurrent use. Check one built by hand with
// [Organization.Validate].
//
// The zero Organization names no plan and is not valid. == is not defined.
type Organization struct {
	Plan         string       `json:"plan,omitzero"`
	Appointments Appointments `json:"appointments,omitzero"`
	Chain        Chain        `json:"chain,omitzero"`
	Councils     []Council    `json:"councils,omitempty"`
	Rules        []Rule       `json:"rules,omitempty"`
	Agendas      []Agenda     `json:"agendas,omitempty"`
	// Networks are the emergency contact networks and contact structures
	// the plan sets up ([Network]), in the plan's order; nil where it sets
	// up none.
	Networks []Network `json:"networks,omitempty"`
}

// Council returns the council for body b.
func (o Organization) Council(b Body) (Council, bool) {
	for _, c := range o.Councils {
		if c.Body == b {
			return c, true
		}
	}
	return Council{}, false
}

// Agenda returns a deep copy of the agenda the plan identifies by cite.
func (o Organization) Agenda(cite Citation) (Agenda, error) {
	for _, a := range o.Agendas {
		if a.Cite == cite {
			return a.Clone(), nil
		}
	}
	return Agenda{}, fmt.Errorf("council: plan %s: agenda %s: %w", o.Plan, problem.Quote(cite.String()), ErrNotFound)
}

// A Convening is the decision [Convene] makes for a trigger under one plan.
//
// Named reports whether the plan has a rule for the trigger at all; when it
// does not, Meets is false and Cites is empty (the plan is silent). Otherwise
// Meets says whether Body meets; RequestedBy who asks for it (or reports so
// that it is held), OnRequest that it meets only if asked; Convener and Chair
// come from the body's [Council] (zero when the plan does not name them);
// Agenda is the citation of the applicable agenda (zero: none fixed);
// Substitute is the body that may stand in (see [Convening.SubstitutedBy]);
// Cites the clauses behind the decision.
//
// The zero Convening is not a decision. == is not defined on it (Cites is a
// list); go-cmp compares it field by field.
type Convening struct {
	Plan        string    `json:"plan"`
	Trigger     Trigger   `json:"trigger,omitzero"`
	Named       bool      `json:"named"`
	Meets       bool      `json:"meets"`
	Body        Body      `json:"body,omitzero"`
	RequestedBy Roles     `json:"requestedBy,omitzero"`
	OnRequest   bool      `json:"onRequest"`
	Immediately bool      `json:"immediately"`
	Convener    Role      `json:"convener,omitzero"`
	Chair       Role      `json:"chair,omitzero"`
	Agenda      Citation  `json:"agenda,omitzero"`
	Substitute  Body      `json:"substitute,omitzero"`
	Substituted bool      `json:"substituted"`
	Cites       Citations `json:"cites,omitzero"`
	// Delegation and Ratification come from the body's [Council]: the
	// chair may delegate, decisions may be approved after the fact (zero
	// when the plan does not say).
	Delegation   Citation     `json:"delegation,omitzero"`
	Ratification Ratification `json:"ratification,omitzero"`
}

// Convene decides, under o's plan, whether a body meets for trigger t, who
// requests it, who convenes and chairs it, which agenda applies and why. The
// first rule of o naming t decides. It does not allocate unless it fails:
// t must be a valid trigger, o must name a plan, and a rule that meets must
// name a body o has.
func Convene(o Organization, t Trigger) (Convening, error) {
	if !t.IsValid() {
		return Convening{}, fmt.Errorf("council: convene: trigger %s: %w", t, ErrInvalid)
	}
	if o.Plan == "" {
		return Convening{}, fmt.Errorf("council: convene %s: organization names no plan: %w", t, ErrInvalid)
	}
	c := Convening{Plan: o.Plan, Trigger: t}
	for i := range o.Rules {
		r := &o.Rules[i]
		if !r.On.Has(t) {
			continue
		}
		c.Named = true
		c.Meets = r.Meets
		c.Cites = r.Cites
		if !r.Meets {
			return c, nil
		}
		var body *Council
		for j := range o.Councils {
			if o.Councils[j].Body == r.Body {
				body = &o.Councils[j]
				break
			}
		}
		if body == nil {
			return Convening{}, fmt.Errorf("council: convene %s under %s: rule %d: body %s: %w", t, o.Plan, i, r.Body, ErrNotFound)
		}
		c.Body = r.Body
		c.RequestedBy = r.RequestedBy
		c.OnRequest = r.OnRequest
		c.Immediately = r.Immediately
		c.Convener = body.Convener
		c.Chair = body.Chair
		c.Delegation = body.Delegation
		c.Ratification = body.Ratification
		c.Agenda = r.Agenda
		c.Substitute = r.Substitute
		return c, nil
	}
	return c, nil
}

// SubstitutedBy returns the convening with body b standing in for the
// council, as ino 第5条 and 第12条 ただし書 allow when an existing
// emergency-response structure exists. The agenda and citations stay; the
// council's convener, chair, delegation and ratification are cleared (the
// structure acts under its own lead). It is an error unless the convening meets and names b as its
// substitute.
func (c Convening) SubstitutedBy(b Body) (Convening, error) {
	if !c.Meets || !c.Substitute.IsValid() || c.Substitute != b {
		return c, fmt.Errorf("council: %s under %s: substitute %s: %w", c.Trigger, c.Plan, b, ErrNoSubstitute)
	}
	c.Body = b
	c.Substitute = 0
	c.Substituted = true
	c.Convener = 0
	c.Chair = 0
	c.Delegation = Citation{}
	c.Ratification = Ratification{}
	return c, nil
}

// Validate reports every problem of o at once (errors.Join): the plan ID,
// appointments, chain and agendas (see their Validate methods), councils
// (valid, distinct bodies; chair, convener and members valid roles of the
// chain; citations of the plan, including the clause of a delegation and of
// a ratification, whose decider is a role of the chain; a network it calls
// over that the organisation has), and rules (on some trigger, no trigger
// claimed by two rules, a body that meets exists, requesters are roles of the
// chain, the agenda exists, citations present and of the plan), and contact
// networks ([Network.Validate], names distinct).
//
// An organisation whose chain is [Chain.Empty] states no reporting chain
// (its chain's Plan may then be empty): that is valid, the chain is not
// checked, and a role on a council or asking for one need only be a valid
// role, since there are no nodes of a chain to hold it against.
func (o Organization) Validate() error {
	var errs []error
	pre := "council: plan " + o.Plan
	if !validPlanID(o.Plan) {
		errs = append(errs, fmt.Errorf("%s: plan ID: %w", pre, ErrInvalid))
	}
	if err := o.Appointments.Validate(o.Plan); err != nil {
		errs = append(errs, err)
	}
	// A plan that states no reporting chain has an empty one: there is no
	// chain to check, and no node to hold the roles below against.
	noChain := o.Chain.Empty()
	if o.Chain.Plan != o.Plan && (!noChain || o.Chain.Plan != "") {
		errs = append(errs, fmt.Errorf("%s: chain is of plan %s: %w", pre, problem.Value(o.Chain.Plan), ErrInvalid))
	}
	if !noChain {
		if err := o.Chain.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	for i, a := range o.Agendas {
		if err := a.Validate(o.Plan); err != nil {
			errs = append(errs, err)
		}
		if slices.IndexFunc(o.Agendas, func(b Agenda) bool { return b.Cite == a.Cite }) != i {
			errs = append(errs, fmt.Errorf("%s: agenda %d: %s repeats an earlier agenda: %w", pre, i, a.Cite, ErrDuplicate))
		}
	}
	nodes := o.Chain.Nodes()
	if noChain {
		nodes = ^Roles(1) // every valid role (bits 1..63): a role need only be valid
	}
	hasAgenda := func(c Citation) bool {
		return slices.ContainsFunc(o.Agendas, func(a Agenda) bool { return a.Cite == c })
	}
	for i, c := range o.Councils {
		if !c.Body.IsValid() {
			errs = append(errs, fmt.Errorf("%s: council %d: body %s: %w", pre, i, c.Body, ErrInvalid))
		}
		if slices.IndexFunc(o.Councils, func(d Council) bool { return d.Body == c.Body }) != i {
			errs = append(errs, fmt.Errorf("%s: council %d: body %s repeats an earlier council: %w", pre, i, c.Body, ErrDuplicate))
		}
		for _, r := range [2]Role{c.Chair, c.Convener} {
			if r != 0 && !r.IsValid() {
				errs = append(errs, fmt.Errorf("%s: council %d: role %s: %w", pre, i, r, ErrInvalid))
			}
		}
		if stray := (c.Members | RolesOf(c.Chair, c.Convener)) &^ nodes; stray != 0 {
			errs = append(errs, fmt.Errorf("%s: council %d: roles %v: %w (not in the chain)", pre, i, stray, ErrUnknownRole))
		}
		if c.Duties.IsValid() && !hasAgenda(c.Duties) {
			errs = append(errs, fmt.Errorf("%s: council %d: duties %s: %w", pre, i, c.Duties, ErrNotFound))
		}
		errs = append(errs, citesOf(pre+fmt.Sprintf(": council %d", i), c.Cites, o.Plan)...)
		if c.Delegation != (Citation{}) && c.Delegation.Plan() != o.Plan {
			errs = append(errs, fmt.Errorf("%s: council %d: delegation: citation %s is not of plan %s: %w", pre, i, c.Delegation, o.Plan, ErrUncited))
		}
		if rt := c.Ratification; rt != (Ratification{}) {
			if !rt.Cite.IsValid() || rt.Cite.Plan() != o.Plan {
				errs = append(errs, fmt.Errorf("%s: council %d: ratification: citation %s is not of plan %s: %w", pre, i, rt.Cite, o.Plan, ErrUncited))
			}
			if rt.By != 0 && (!rt.By.IsValid() || !nodes.Has(rt.By)) {
				errs = append(errs, fmt.Errorf("%s: council %d: ratification by %s: %w (not in the chain)", pre, i, rt.By, ErrUnknownRole))
			}
		}
		if c.Network != "" && !slices.ContainsFunc(o.Networks, func(n Network) bool { return n.Name == c.Network }) {
			errs = append(errs, fmt.Errorf("%s: council %d: network %s: %w", pre, i, problem.Value(c.Network), ErrNotFound))
		}
	}
	var claimed Triggers
	for i, r := range o.Rules {
		rp := fmt.Sprintf("%s: rule %d", pre, i)
		if r.On == 0 {
			errs = append(errs, fmt.Errorf("%s: on no trigger: %w", rp, ErrInvalid))
		}
		for t := range (claimed & r.On).All() {
			errs = append(errs, fmt.Errorf("%s: trigger %s already has a rule: %w", rp, t, ErrDuplicate))
		}
		claimed |= r.On
		if r.Meets {
			if _, ok := o.Council(r.Body); !ok {
				errs = append(errs, fmt.Errorf("%s: body %s: %w", rp, r.Body, ErrNotFound))
			}
		}
		if stray := r.RequestedBy &^ nodes; stray != 0 {
			errs = append(errs, fmt.Errorf("%s: requested by %v: %w (not in the chain)", rp, stray, ErrUnknownRole))
		}
		if r.Agenda.IsValid() && !hasAgenda(r.Agenda) {
			errs = append(errs, fmt.Errorf("%s: agenda %s: %w", rp, r.Agenda, ErrNotFound))
		}
		if r.Substitute != 0 && !r.Substitute.IsValid() {
			errs = append(errs, fmt.Errorf("%s: substitute %s: %w", rp, r.Substitute, ErrInvalid))
		}
		errs = append(errs, citesOf(rp, r.Cites, o.Plan)...)
	}
	for i, n := range o.Networks {
		if err := n.Validate(o.Plan); err != nil {
			errs = append(errs, err)
		}
		if slices.IndexFunc(o.Networks, func(m Network) bool { return m.Name == n.Name }) != i {
			errs = append(errs, fmt.Errorf("%s: network %d: name %s repeats an earlier network: %w", pre, i, problem.Value(n.Name), ErrDuplicate))
		}
	}
	return problem.Join(errs...)
}

// citesOf reports an empty list or a citation of another plan.
func citesOf(prefix string, cs Citations, plan string) []error {
	if cs.Len() == 0 {
		return []error{fmt.Errorf("%s: no citation: %w", prefix, ErrUncited)}
	}
	var errs []error
	for _, c := range cs.All() {
		if c.Plan() != plan {
			errs = append(errs, fmt.Errorf("%s: citation %s is not of plan %s: %w", prefix, c, plan, ErrUncited))
		}
	}
	return errs
}

// ConveneAny decides, under o's plan, for an event that is every trigger of
// ts at once, as threat's Grading.Triggers and fault's Escalation.Triggers
// describe one (a tottori level-3 act is {unauthorized-act threat-level-3}).
// It looks at the triggers from the highest value down — the library's
// reading of "most specific first": the triggers are numbered from the
// general to the particular (a serious fault after a fault, the levels and a
// serious threat after an unauthorized act, a large incident after an
// incident) — and returns the decision for the first on which a body meets;
// if none meets, the decision for the first the plan names (tottori
// 第3-5(1) for a level-1 act, not the general 第3-5); if the plan names none,
// the silent decision for the highest. It does not allocate unless it fails:
// ts must hold a valid trigger, and the errors of [Convene] apply.
func ConveneAny(o Organization, ts Triggers) (Convening, error) {
	var first, named Convening
	var haveFirst, haveNamed bool
	for t := Trigger(63); t > 0; t-- {
		if !ts.Has(t) {
			continue
		}
		c, err := Convene(o, t)
		if err != nil {
			return Convening{}, err
		}
		if c.Meets {
			return c, nil
		}
		if c.Named && !haveNamed {
			named, haveNamed = c, true
		}
		if !haveFirst {
			first, haveFirst = c, true
		}
	}
	switch {
	case haveNamed:
		return named, nil
	case haveFirst:
		return first, nil
	}
	return Convening{}, fmt.Errorf("council: convene: triggers %v: none valid: %w", ts, ErrInvalid)
}
