package bcp

import (
	"cmp"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// partPlan reports a part that names another plan than the plan's own.
func (c *checker) partPlan(path, id string) {
	if c.idOK && !c.plan.citable(id) {
		c.add(SeverityError, CodeForeignCitation, path, council.Citation{}, "the part is of plan %q, not of %q"+c.orModel(), "この部分は計画 %q のもので、%q"+c.orModelJA()+"のものでない", id, c.plan.ID)
	}
}

// checkOrganization checks the organisation and returns the roles it has:
// those in the chain, appointed, on a council or asking for one; for a plan
// that states no chain, the positions its vocabulary declares too.
func (c *checker) checkOrganization() council.Roles {
	o := c.plan.Organization
	if o == nil {
		c.add(SeverityWarning, CodeNoOrganization, "organization", council.Citation{}, "the plan sets up no organisation: no roles, reporting chain or council", "計画に体制の定めがない: 役割、報告の系統、会議のいずれも定めていない")
		return 0
	}
	c.partPlan("organization.plan", o.Plan)

	// The package's own validation, on a copy whose empty agendas hold a
	// placeholder item: an empty agenda is reported once, as agenda.empty.
	v := *o
	if slices.ContainsFunc(o.Agendas, func(a council.Agenda) bool { return len(a.Items) == 0 }) {
		v.Agendas = slices.Clone(o.Agendas)
		for i, a := range v.Agendas {
			if len(a.Items) == 0 {
				v.Agendas[i].Items = []council.Item{{Key: "placeholder", Title: "placeholder", Cite: a.Cite}}
			}
		}
	}
	// Agendas that rules or councils name but the plan does not have: one
	// finding per agenda, and a placeholder in the copy.
	refs := map[council.Citation][][2]string{} // English, Japanese
	for _, r := range o.Rules {
		if r.Agenda.IsValid() {
			refs[r.Agenda] = append(refs[r.Agenda], [2]string{"the rule on " + r.On.String(), triggersLabel(r.On) + "の規則"})
		}
	}
	for _, k := range o.Councils {
		if k.Duties.IsValid() {
			refs[k.Duties] = append(refs[k.Duties], [2]string{"the duties of " + c.w.name(k.Body), c.w.any(k.Body, Japanese) + "の所掌事務"})
		}
	}
	for _, cite := range slices.SortedFunc(maps.Keys(refs), council.Citation.Compare) {
		if slices.ContainsFunc(o.Agendas, func(a council.Agenda) bool { return a.Cite == cite }) {
			continue
		}
		by := refs[cite]
		slices.SortFunc(by, func(a, b [2]string) int { return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1])) })
		en, ja := make([]string, len(by)), make([]string, len(by))
		for i, b := range by {
			en[i], ja[i] = b[0], b[1]
		}
		c.add(SeverityError, CodeUnknownAgenda, "organization.agendas["+cite.String()+"]", cite,
			"%s name agenda %s, which the plan does not have", "%sが決定事項 %s を挙げているが、計画にその決定事項がない", both{strings.Join(en, " and "), strings.Join(ja, "と")}, cite)
		if len(v.Agendas) == len(o.Agendas) {
			v.Agendas = slices.Clone(v.Agendas)
		}
		v.Agendas = append(v.Agendas, council.Agenda{Cite: cite, Title: "placeholder", Items: []council.Item{{Key: "placeholder", Title: "placeholder", Cite: cite}}})
	}
	for _, err := range leaves(v.Validate()) {
		if ce, ok := errors.AsType[*council.CycleError](err); ok {
			cyc := normalizeCycle(ce.Cycle)
			c.add(SeverityError, CodeChainCycle, "organization.chain.edges", council.Citation{}, "the reporting chain loops: %s", "報告の系統が循環している: %s", joinRoles(cyc))
			continue
		}
		if errors.Is(err, council.ErrUnreachable) {
			continue // reported below for every role, with the role
		}
		c.add(SeverityError, CodeOrganizationInvalid, "organization", council.Citation{}, "%v", "体制の定めに不備がある: %v", c.quote(err))
	}

	if len(o.Appointments) == 0 {
		c.add(SeverityInfo, CodeNoAppointments, "organization.appointments", council.Citation{}, "the plan names no holder for any role: who fills them is left to the municipality", "計画はどの役割にも充てる職を定めていない: 誰が担うかは市町村に委ねられる")
	}

	chain := o.Chain.Nodes()
	roles := chain.Union(o.Appointments.Roles())
	for _, k := range o.Councils {
		roles = roles.With(k.Chair).With(k.Convener).Union(k.Members)
	}
	for _, r := range o.Rules {
		roles = roles.Union(r.RequestedBy)
	}
	if o.Chain.Empty() {
		// No chain: the organisation's roles are those the plan declares
		// as its positions, besides those it appoints or seats; no role is
		// said not to reach a chief the plan does not have.
		for _, t := range c.plan.Vocabulary.Positions {
			if r, ok := c.w.lookup(wPosition, t.ID); ok {
				roles = roles.With(council.Role(r))
			}
		}
		c.noChain()
	}
	if o.Chain.Chief.IsValid() {
		for r := range roles.All() {
			if _, err := o.Chain.PathToChief(r); err == nil {
				continue
			}
			var cite council.Citation
			for _, a := range o.Appointments {
				if a.Role == r && a.Cite.IsValid() && (!cite.IsValid() || a.Cite.Compare(cite) < 0) {
					cite = a.Cite
				}
			}
			path := "organization.chain.roles[" + c.w.name(r) + "]"
			if chain.Has(r) {
				c.add(SeverityError, CodeUnreachableRole, path, cite, "%s is in the reporting chain but does not reach the chief, %s", "%sは報告の系統にあるが、統括責任者の%sに至らない", c.both(r), c.both(o.Chain.Chief))
			} else {
				c.add(SeverityWarning, CodeUnreachableRole, path, cite, "%s has duties in the plan but no reporting line to the chief, %s", "%sは計画で役割を担うが、統括責任者の%sへの報告の系統がない", c.both(r), c.both(o.Chain.Chief))
			}
		}
	}

	for _, k := range o.Councils {
		if k.Chair != 0 || !k.Body.IsValid() {
			continue
		}
		convened := slices.ContainsFunc(o.Rules, func(r council.Rule) bool { return r.Meets && r.Body == k.Body })
		if !convened {
			continue
		}
		name := c.both(k.Body)
		if k.Name != "" && !c.w.declared(wBody, uint8(k.Body)) {
			name = both{k.Body.String() + " (" + k.Name + ")", k.Name}
		}
		c.add(SeverityWarning, CodeChairNotNamed, "organization.councils["+c.w.name(k.Body)+"].chair", k.Cites.At(0),
			"the plan convenes %s but names no chair (議長)", "計画は%sを招集するが、議長を定めていない", name)
	}

	for _, a := range o.Agendas {
		if len(a.Items) == 0 {
			c.add(SeverityError, CodeAgendaEmpty, "organization.agendas["+a.Cite.String()+"]", a.Cite, "agenda %q lists no item to decide", "決定事項 %q に決定する項目がない", a.Title)
		}
	}
	return roles
}

// checkActors checks that every role that acts in the plan is one of the
// organisation's roles, and that every actor named is a valid value.
func (c *checker) checkActors(roles council.Roles) {
	p := c.plan
	hasOrg := p.Organization != nil
	actor := func(path string, a council.Actor, cite council.Citation) {
		if a == (council.Actor{}) {
			return // the plan does not say who
		}
		if !a.IsValid() {
			c.add(SeverityError, CodeInvalidActor, path, cite, "an actor names no valid role or party", "主体が有効な役割又は関係者を指していない")
			return
		}
		if a.Role != 0 && hasOrg && !roles.Has(a.Role) {
			c.add(SeverityError, CodeUnknownRole, path, cite, "%s acts here but is not a role of the organisation", "%sがここで行動するが、体制の役割にない", c.both(a.Role))
		}
	}
	recipient := func(path string, a council.Actor, cite council.Citation) {
		if a != (council.Actor{}) && !a.IsValid() {
			c.add(SeverityError, CodeInvalidActor, path, cite, "a recipient names no valid role or party", "報告先が有効な役割又は関係者を指していない")
		}
	}
	roleSet := func(path string, rs council.Roles, cite council.Citation) {
		for r := range rs.All() {
			actor(path, council.ByRole(r), cite)
		}
	}
	if t := p.Threat; t != nil {
		tiers := [][]threat.Tier{t.Responses, t.Precautions}
		for n, list := range tiers {
			part := []string{"responses", "precautions"}[n]
			for _, tier := range list {
				key := tier.Level.String()
				if tier.Level == 0 {
					key = seriousName(tier.Serious)
				}
				path := "threat." + part + "[" + key + "]"
				for _, a := range tier.Actions {
					actor(path+".actions", a.Actor, a.Citations.At(0))
					recipient(path+".actions", a.Target, a.Citations.At(0))
				}
				for _, n := range tier.Notifications {
					actor(path+".notifications", n.From, n.Citations.At(0))
					recipient(path+".notifications", n.To, n.Citations.At(0))
				}
			}
		}
	}
	if f := p.Fault; f != nil {
		for _, e := range f.Escalation {
			actor("fault.escalation["+e.Action.String()+"]", e.By, e.Citations.At(0))
			for _, to := range e.To {
				recipient("fault.escalation["+e.Action.String()+"]", to, e.Citations.At(0))
			}
		}
		for _, iv := range f.Investigations {
			roleSet("fault.investigations["+iv.Kind.String()+"].by", iv.By, iv.Cites.At(0))
		}
		for _, d := range f.Detections {
			for _, a := range d.By {
				actor("fault.detections["+c.w.name(d.Signal)+"].by", a, d.Cites.At(0))
			}
		}
	}
	if m := p.Measures; m != nil {
		for n, list := range [][]measures.Measure{m.Emergency, m.FollowUp} {
			part := []string{"emergency", "followUp"}[n]
			for _, x := range list {
				actor("measures."+part+"["+x.Kind.String()+"].actor", x.Actor, x.Citations.At(0))
			}
		}
	}
	if k := p.Continuity; k != nil {
		for _, ph := range k.Flow {
			roleSet("continuity.flow["+ph.Step.String()+"].roles", ph.Roles, ph.Citations.At(0))
		}
		for _, o := range k.Routes {
			for _, r := range o.Routes {
				path := "continuity.routes[" + o.Incident.String() + "]"
				actor(path, r.ReportedBy, r.Citations.At(0))
				actor(path, r.Reporter, r.Citations.At(0))
			}
			actor("continuity.routes["+o.Incident.String()+"].publication", o.Publication, o.Citations.At(0))
			actor("continuity.routes["+o.Incident.String()+"].assembly", o.Assembly, o.Citations.At(0))
		}
		for _, r := range k.Contacts {
			actor("continuity.contacts["+r.Pattern.String()+"/"+r.Contact.Audience.String()+"].from", r.Contact.From, r.Contact.Citations.At(0))
		}
	}
	// A duty may fall to someone outside the organisation (the operator of
	// a terminal, kumiyama 第17条10項): only its validity is checked.
	for _, a := range p.Duties {
		recipient("duties["+a.Duty.String()+"].actor", a.Actor, a.Citations.At(0))
		recipient("duties["+a.Duty.String()+"].to", a.To, a.Citations.At(0))
	}
	// So may an obligation (the handlers of identity information, kumiyama
	// 第22条): only validity is checked.
	if m := p.Measures; m != nil {
		for _, o := range m.Obligations {
			path := "measures.obligations[" + strconv.Quote(o.Key) + "]"
			for _, a := range o.By {
				recipient(path+".by", a, o.Citations.At(0))
			}
			for _, a := range o.To {
				recipient(path+".to", a, o.Citations.At(0))
			}
		}
	}
}

// normalizeCycle rotates a cycle (first role repeated at the end) to start at
// its smallest role, so that it reads the same whatever the edge order.
func normalizeCycle(cyc []council.Role) []council.Role {
	if n := len(cyc); n > 1 && cyc[0] == cyc[n-1] {
		cyc = cyc[:n-1]
	}
	if len(cyc) == 0 {
		return nil
	}
	m := 0
	for i, r := range cyc {
		if r < cyc[m] {
			m = i
		}
	}
	out := append(slices.Clone(cyc[m:]), cyc[:m]...)
	return append(out, out[0])
}

func joinRoles(rs []council.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.String()
	}
	return strings.Join(s, " → ")
}

// noChain reports, once, that the plan states no reporting chain: who
// reports to whom, and to which head, is not in the plan. When the plan
// file marks the chain (or the organisation) as not stated, the finding
// says that the document is silent, with the mark's reason.
func (c *checker) noChain() {
	m, ok := c.plan.NotStatedAt("$.organization.chain")
	if !ok {
		c.add(SeverityWarning, CodeNoChain, "organization.chain", council.Citation{},
			"the plan states no reporting chain: who reports to whom, and to which head, is not in the plan", "計画に報告の系統の定めがない: 誰が誰に報告し、誰が統括するかは計画にない")
		return
	}
	c.add(SeverityWarning, CodeNoChain, m.Path, council.Citation{},
		"the document states no reporting chain: who reports to whom, and to which head, is not in the plan (%s)", "文書に報告の系統の定めがない: 誰が誰に報告し、誰が統括するかは計画にない（%s）", markReason(m, "notStated"))
}

// councilSilent reports whether the plan file marks the councils (or the
// whole organisation) as not stated: the document mentions no council. Then
// it reports, once per plan, that what (level 3, a serious fault) convenes
// none because the document is silent, where a plan of its kind convenes
// one; the rules that require a council do not apply to what the document
// does not state.
func (c *checker) councilSilent(what both, cite council.Citation) bool {
	m, ok := c.plan.NotStatedAt("$.organization.councils")
	if !ok && c.plan.Organization == nil {
		m, ok = c.plan.NotStatedAt("$.organization")
	}
	if !ok {
		return false
	}
	c.add(SeverityWarning, CodeCouncilNotStated, m.Path, cite,
		"the document mentions no council: %s convenes none, where a plan of its kind convenes one (%s)", "文書に会議の定めがない: %sで招集する会議がない（%s）", what, markReason(m, "notStated"))
	return true
}
