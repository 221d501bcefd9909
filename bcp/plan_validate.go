package bcp

import (
	"fmt"
	"reflect"
	"time"

	"github.com/jukiplan/jukiplan/internal/duration"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

var (
	citationType  = reflect.TypeFor[council.Citation]()
	citationsType = reflect.TypeFor[council.Citations]()
	chainType     = reflect.TypeFor[council.Chain]() // an empty one, the plan's lack of a chain, may name no plan
)

// Validate checks p as [ParsePlan] checks a decoded file: a plan ID and
// version; every citation, and every part's own plan ID, of p.ID; unique
// system IDs, agendas, agenda keys, councils, annex rows, obligation keys, routes, contact
// rules and duties (each with a duty and an actor); order clauses with a
// citation and reasons; dependencies on systems the inventory holds, agendas the
// plan has and roles of its chain (when it states one: an organisation may
// leave its chain out, see [council.Chain.Empty]); no control character in any text; and
// each part accepted by its own
// package (council.Organization.Validate, fault.Spec.Validate,
// threat.NewScheme, measures.Rules.Validate, measures.Obligation.Validate,
// Inventory.Validate). Every
// problem is a [*PathError] naming the JSON path; all are joined.
func (p Plan) Validate() error { return p.validate(p.Vocabulary.words(), false) }

// validate is [Plan.Validate] with p's vocabulary resolved already (w).
// decoded says that p comes from the plan decoder, which has rejected every
// string holding a control character: the walk then looks at citations and
// plan IDs only.
func (p Plan) validate(w *words, decoded bool) error {
	v := validator{id: p.ID, w: w, decoded: decoded, plan: &p}
	if council.Cite(p.ID, "x") == (council.Citation{}) {
		v.bad("$.id", ErrBadValue, "plan ID %s: want a plain identifier (a-z, 0-9, - and _)", problem.Value(p.ID))
		return problem.Join(v.errs...)
	}
	if p.Version == "" {
		v.bad("$.version", ErrBadValue, "missing")
	}
	for m, at := p.BasedOn, "$.basedOn"; m != nil; m, at = m.BasedOn, at+" (its model's basedOn)" {
		if !council.Cite(m.ID, "x").IsValid() || m.ID == p.ID {
			v.bad(at+".id", ErrBadValue, "model plan ID %s: want a plain identifier (a-z, 0-9, - and _) other than the plan's", problem.Value(m.ID))
		}
		if m.Version == "" {
			v.bad(at+".version", ErrBadValue, "missing")
		}
	}
	v.cites(reflect.ValueOf(&p).Elem())
	v.clauses(p.Clauses)
	v.errs = append(v.errs, p.Vocabulary.validate("$.vocabulary")...)
	if o := p.Organization; o != nil {
		v.organization(o)
	}
	if p.Fault != nil {
		if err := p.Fault.Validate(); err != nil {
			v.part("$.fault", err)
		}
	}
	if p.Threat != nil {
		if _, err := threat.NewScheme(*p.Threat); err != nil {
			v.threatPart(err)
		}
	}
	if m := p.Measures; m != nil {
		if m.Controls != nil {
			for _, q := range measures.AllRequirements() {
				for i, c := range m.Controls.Citations(q).All() {
					v.cite(c, fmt.Sprintf("$.measures.controls.citations.%s[%d]", q, i))
				}
			}
			if err := m.Controls.Validate(); err != nil {
				v.part("$.measures.controls", err)
			}
		}
		unique(&v, m.Annex, "$.measures.annex", "", func(c measures.Case) measures.Case { return c })
		unique(&v, m.Playbooks, "$.measures.playbooks", ".case", func(pb measures.Playbook) measures.Case { return pb.Case })
		unique(&v, m.Obligations, "$.measures.obligations", ".key", func(o measures.Obligation) string { return o.Key })
		for i, o := range m.Obligations {
			owner := p.ID
			if c := o.Citations.At(0); p.citable(c.Plan()) {
				owner = c.Plan() // inherited from the model, or its own
			}
			if err := o.Validate(owner); err != nil {
				v.part(fmt.Sprintf("$.measures.obligations[%d]", i), err)
			}
		}
	}
	unique(&v, p.Duties, "$.duties", ".duty", func(a Assignment) Duty { return a.Duty })
	for i, a := range p.Duties {
		if !a.Duty.IsValid() {
			v.bad(fmt.Sprintf("$.duties[%d].duty", i), ErrBadValue, "missing")
		}
		if !a.Actor.IsValid() {
			v.bad(fmt.Sprintf("$.duties[%d].actor", i), ErrBadValue, "missing")
		}
	}
	if pr := p.Provisions; pr != nil {
		v.provisions(pr)
	}
	if c := p.Continuity; c != nil {
		v.continuity(c)
	}
	v.marks(p)
	return problem.Join(v.errs...)
}

type validator struct {
	id      string
	plan    *Plan  // the plan checked: its models may be cited too
	w       *words // the plan's vocabulary: messages name its values by their term IDs
	decoded bool   // the plan's strings are known free of control characters
	errs    []error
	stack   []jsonfile.Segment // the path cites is at
}

// bad records a problem the plan's checks find; its message names the
// plan's declared values by their term IDs (a council given twice, say).
func (v *validator) bad(path string, sentinel error, format string, args ...any) {
	e := pathErr(path, sentinel, format, args...).(*PathError)
	e.Err = v.w.reword(e.Err)
	v.errs = append(v.errs, e)
}

// part records a part's rejection by its own package, in the plan's names.
func (v *validator) part(path string, err error) {
	v.errs = append(v.errs, v.w.pathErrs(path, err)...)
}

func (v *validator) cite(c council.Citation, path string) {
	if !v.citable(c.Plan()) {
		v.bad(path, ErrDangling, "citation %s is not of plan %s%s", problem.Short(c.String()), problem.Quote(v.id), v.orModel())
	}
}

// cites walks x, an addressable value, and checks every citation, and every
// string field named Plan, against the plan ID, and every string for control
// characters (unless the plan was decoded: the decoder has). It skips the
// values whose type holds nothing to check ([typeInfo].walk). The path is
// kept as a stack and only spelled out for a problem.
func (v *validator) cites(x reflect.Value) {
	t := x.Type()
	ti := info(t)
	if !ti.walk[v.mode()] {
		return
	}
	switch {
	case t == citationType:
		if c := *x.Addr().Interface().(*council.Citation); c != (council.Citation{}) && !v.citable(c.Plan()) {
			v.here(c)
		}
		return
	case t == citationsType:
		for i, c := range x.Addr().Interface().(*council.Citations).All() {
			if !v.citable(c.Plan()) {
				v.stack = append(v.stack, jsonfile.Index(i))
				v.here(c)
				v.stack = v.stack[:len(v.stack)-1]
			}
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		if msg := problem.BadText(x.String()); msg != "" {
			v.bad(jsonfile.Path(v.stack), ErrBadValue, "%s", msg)
		}
	case reflect.Pointer:
		if !x.IsNil() {
			v.cites(x.Elem())
		}
	case reflect.Slice, reflect.Array:
		for i := range x.Len() {
			v.stack = append(v.stack, jsonfile.Index(i))
			v.cites(x.Index(i))
			v.stack = v.stack[:len(v.stack)-1]
		}
	case reflect.Struct:
		for _, f := range ti.fields {
			fv := x.Field(f.index)
			v.stack = append(v.stack, jsonfile.Key(f.name))
			if f.planID && t != planType {
				if s := fv.String(); !v.citable(s) && !(s == "" && emptyChain(x)) {
					v.bad(jsonfile.Path(v.stack), ErrDangling, "plan %s: want %s%s", problem.Value(s), problem.Quote(v.id), v.orModel())
				}
			} else {
				v.cites(fv)
			}
			v.stack = v.stack[:len(v.stack)-1]
		}
	}
}

// mode indexes [typeInfo].walk: 1 when strings need no check.
func (v *validator) mode() int {
	if v.decoded {
		return 1
	}
	return 0
}

// clauses checks the clause index: each clause can be cited and has a
// heading, and no number is listed twice.
func (v *validator) clauses(cs []council.Clause) {
	seen := make(map[string]int, len(cs))
	for i, c := range cs {
		if err := c.Validate(v.id); err != nil {
			// err wraps ErrInvalid (= ErrBadValue) already: its message says it once.
			v.errs = append(v.errs, &PathError{Path: fmt.Sprintf("$.clauses[%d]", i), Err: err})
			continue
		}
		if j, dup := seen[c.Number]; dup {
			v.bad(fmt.Sprintf("$.clauses[%d].clause", i), ErrDuplicate, "clause %s listed twice (first at $.clauses[%d])", problem.Value(c.Number), j)
			continue
		}
		seen[c.Number] = i
	}
}

// citable reports whether the plan may cite plan id: its own, or one of
// its models.
func (v *validator) citable(id string) bool {
	if v.plan == nil {
		return id == v.id
	}
	return v.plan.citable(id)
}

// orModel names the plan's model for a message, if it has one.
func (v *validator) orModel() string {
	if v.plan == nil || v.plan.BasedOn == nil {
		return ""
	}
	return " or of its model " + problem.Quote(v.plan.BasedOn.ID)
}

// here records citation c, at the current path, as not of the plan.
func (v *validator) here(c council.Citation) {
	v.cite(c, jsonfile.Path(v.stack))
}

func unique[T any, K comparable](v *validator, xs []T, path, suffix string, key func(T) K) {
	seen := make(map[K]bool, len(xs))
	for i, x := range xs {
		k := key(x)
		if seen[k] {
			v.bad(fmt.Sprintf("%s[%d]%s", path, i, suffix), ErrDuplicate, "%s given twice", keyText(k))
		}
		seen[k] = true
	}
}

// keyText names a key for a message: a string quoted (or "empty"), anything
// else as it prints, quoted by a short prefix.
func keyText(k any) string {
	switch k := k.(type) {
	case string:
		return problem.Value(k)
	case fmt.Stringer:
		return problem.Value(k.String())
	}
	return problem.Value(fmt.Sprint(k))
}

func (v *validator) organization(o *council.Organization) {
	before := len(v.errs)
	agendas := make(map[council.Citation]bool, len(o.Agendas))
	unique(v, o.Agendas, "$.organization.agendas", ".cite", func(a council.Agenda) council.Citation { return a.Cite })
	for i, a := range o.Agendas {
		agendas[a.Cite] = true
		unique(v, a.Items, fmt.Sprintf("$.organization.agendas[%d].items", i), ".key", func(it council.Item) string { return it.Key })
	}
	unique(v, o.Councils, "$.organization.councils", ".body", func(c council.Council) council.Body { return c.Body })
	// A plan that states no reporting chain has no nodes to hold its roles
	// against: the decoder has already resolved each role through the
	// vocabulary or the engine's names, and Validate checks its validity.
	nodes := o.Chain.Nodes()
	role := func(r council.Role, path string) {
		if r != 0 && !nodes.Has(r) && !o.Chain.Empty() {
			v.bad(path, ErrDangling, "role %s is not in the reporting chain", r)
		}
	}
	for i, c := range o.Councils {
		p := fmt.Sprintf("$.organization.councils[%d]", i)
		role(c.Chair, p+".chair")
		role(c.Convener, p+".convener")
		for r := range c.Members.All() {
			role(r, p+".members")
		}
		if c.Duties != (council.Citation{}) && !agendas[c.Duties] {
			v.bad(p+".duties", ErrDangling, "no agenda %s", c.Duties)
		}
	}
	for i, r := range o.Rules {
		p := fmt.Sprintf("$.organization.rules[%d]", i)
		if r.Agenda != (council.Citation{}) && !agendas[r.Agenda] {
			v.bad(p+".agenda", ErrDangling, "no agenda %s", r.Agenda)
		}
		for x := range r.RequestedBy.All() {
			role(x, p+".requestedBy")
		}
	}
	if len(v.errs) == before {
		if err := o.Validate(); err != nil {
			v.part("$.organization", err)
		}
	}
}

// provisions checks that every provision states something and cites the
// clauses that state it.
func (v *validator) provisions(pr *Provisions) {
	for _, l := range []struct {
		key string
		ps  []Provision
	}{{"purposes", pr.Purposes}, {"review", pr.Review}, {"related", pr.Related}, {"preparation", pr.Preparation}} {
		for i, x := range l.ps {
			p := fmt.Sprintf("$.provisions.%s[%d]", l.key, i)
			if x.Text == "" {
				v.bad(p+".text", ErrBadValue, "missing")
			}
			if x.Citations.Len() == 0 {
				v.bad(p+".citations", ErrBadValue, "missing: a provision cites the clauses that state it")
			}
		}
	}
}

// pa is the key of a contact rule: one rule per pattern and audience.
type pa struct {
	p Pattern
	a Audience
}

func (k pa) String() string { return k.p.String() + " for " + k.a.String() }

func (v *validator) continuity(c *Continuity) {
	if inv := c.Inventory; inv != nil {
		before := len(v.errs)
		ids := make(map[string]bool, len(inv.Systems))
		unique(v, inv.Systems, "$.continuity.inventory.systems", ".id", func(s System) string { return s.ID })
		for _, s := range inv.Systems {
			ids[s.ID] = true
		}
		for i, s := range inv.Systems {
			for j, d := range s.DependsOn {
				if !ids[d] {
					v.bad(fmt.Sprintf("$.continuity.inventory.systems[%d].dependsOn[%d]", i, j), ErrDangling, "no system %s", problem.Value(d))
				}
			}
		}
		if len(v.errs) == before {
			if err := inv.Validate(); err != nil {
				v.part("$.continuity.inventory", err)
			}
		}
	}
	unique(v, c.Contacts, "$.continuity.contacts", "", func(r ContactRule) pa { return pa{r.Pattern, r.Contact.Audience} })
	for i, r := range c.Contacts {
		p := fmt.Sprintf("$.continuity.contacts[%d]", i)
		if !r.Pattern.IsValid() {
			v.bad(p+".pattern", ErrBadValue, "missing")
		}
		if !r.Contact.Audience.IsValid() {
			v.bad(p+".contact.audience", ErrBadValue, "missing")
		}
		if !r.Contact.Channel.IsValid() {
			v.bad(p+".contact.channel", ErrBadValue, "missing")
		}
	}
	if s := c.Schedule; s != nil {
		for i, d := range s.Slots {
			if d < 0 || d >= 24*time.Hour || (i > 0 && d <= s.Slots[i-1]) {
				v.bad(fmt.Sprintf("$.continuity.schedule.slots[%d]", i), ErrBadValue, "%s: want ascending times of day", duration.Format(d))
			}
		}
		for i, a := range s.Agreed {
			p := fmt.Sprintf("$.continuity.schedule.agreed[%d]", i)
			for _, f := range []struct {
				key string
				a   council.Actor
			}{{"from", a.From}, {"to", a.To}, {"with", a.With}} {
				if !f.a.IsValid() {
					v.bad(p+"."+f.key, ErrBadValue, "missing")
				}
			}
			if a.Citations.Len() == 0 {
				v.bad(p+".citations", ErrBadValue, "missing")
			}
		}
	}
	unique(v, c.Routes, "$.continuity.routes", ".incident", func(o Outside) Incident { return o.Incident })
	for i, o := range c.Routes {
		if !o.Incident.IsValid() {
			v.bad(fmt.Sprintf("$.continuity.routes[%d].incident", i), ErrBadValue, "missing")
		}
	}
	for i, o := range c.Order {
		if !o.Cite.IsValid() {
			v.bad(fmt.Sprintf("$.continuity.order[%d].cite", i), ErrBadValue, "missing")
		}
		if o.Reasons == 0 {
			v.bad(fmt.Sprintf("$.continuity.order[%d].reasons", i), ErrBadValue, "missing")
		}
	}
	unique(v, c.Flow, "$.continuity.flow", ".step", func(ph Phase) FlowStep { return ph.Step })
	for i, ph := range c.Flow {
		if !ph.Step.IsValid() {
			v.bad(fmt.Sprintf("$.continuity.flow[%d].step", i), ErrBadValue, "missing")
		}
	}
}
