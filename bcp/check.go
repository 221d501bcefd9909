package bcp

import (
	"cmp"
	"errors"
	"fmt"
	"github.com/jukiplan/jukiplan/internal/duration"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// Check reads a whole plan and returns what a careful reader would point out
// about it, as [Finding]s sorted by [Finding.Compare], each given once.
// [Plan.Validate] says whether a plan is well formed (what a plan file must
// be to load); Check says what is missing or inconsistent in it, well formed
// or not: a document that names no chair is a valid plan with a finding. It
// never fails and never changes p: a plan that cannot be used at all gives
// findings, not an error. The result does not depend on the order of the
// plan's lists (appointments, edges, councils, rules, agendas, systems,
// dependencies, contact choices, report times), only on their contents.
//
// What it checks, part by part:
//
//   - the plan: an ID that can own citations, and every citation of the
//     measures and continuity parts (and the plan ID of every part) of that
//     plan or, for a plan based on a model ([Model]), of its model; never of
//     another (reference.foreign-citation); a citation of the model names a
//     clause of the model's index (reference.unresolved-citation);
//   - the organisation ([council.Organization]): present; valid by
//     [council.Organization.Validate] (organization.invalid, chain.cycle);
//     some role given a holder; every role it names — in the chain, appointed,
//     on a council or asking for one — reaches the chief
//     ([council.Chain.PathToChief]); every body a rule convenes names its
//     chair; no agenda is empty;
//   - the threat scheme ([threat.Spec]): present; on a scale of levels (a
//     judgement of serious or not is reported as threat.no-levels); every
//     outcome of the scale has a response; the scheme passes
//     [threat.NewScheme]; level 3 (on the serious scale: a serious threat)
//     makes someone convene the council and the organisation has a rule that
//     convenes a body for it;
//   - fault handling ([fault.Spec]): present; every [fault.Kind] has
//     investigation steps; a plan that judges serious faults convenes a body
//     for one, and one that does not at least convenes a body on a fault;
//     the spec passes [fault.NewProcedure];
//   - measures: every annex row the plan names has a playbook in the plan's
//     table ([measures.Playbooks.Lookup]), and every playbook is well formed
//     ([measures.Playbook.Validate]); every
//     obligation has a plain key of its own, a task and a clause, and names
//     valid actors (who need not be roles of the organisation: the handlers
//     of identity information, kumiyama 第22条);
//   - continuity: present; an inventory whose systems all have an owner and an
//     impact scale (a scale still 調整中 is a warning), unique IDs,
//     dependencies on systems it holds and no dependency cycle (the cycle
//     detection of [Order]); contact choices whose channels work in their
//     pattern and, for every audience, end in a channel that needs no service
//     (the last resort, [Channel.Needs]); a report schedule with times inside
//     the day;
//   - references: every role that acts anywhere in the plan (a threat
//     response, a fault escalation, a measure, the recovery flow, a reporting
//     route, a contact) is a role of the organisation; every actor, role or
//     party named is a valid value. Recipients are not required to be roles of
//     the organisation: plans tell bodies outside it (ino 第2条 関係部署).
//
// Where a part's own validator finds problems of its own, Check reports them
// with that part's "invalid" code and the validator's message; the specific
// checks above are made so that a single missing element gives exactly one
// finding (the validator runs on a copy with that element's gap papered
// over, or, for the threat scheme, only once every outcome has a response).
func Check(p Plan) []Finding {
	c := checker{plan: p, idOK: council.Cite(p.ID, "x").IsValid(), w: p.Vocabulary.words()}
	c.run()
	slices.SortFunc(c.out, Finding.Compare)
	return slices.Compact(c.out)
}

// drafts is Check for [Lint]: the findings unsorted, their messages not yet
// written ([checker.write]), as Lint reports only some of them whole.
func drafts(p Plan) (*checker, []draft) {
	c := &checker{plan: p, idOK: council.Cite(p.ID, "x").IsValid(), w: p.Vocabulary.words(), lazy: true}
	c.run()
	return c, c.drafts
}

func (c *checker) run() {
	c.checkID()
	c.checkEmpty()
	roles := c.checkOrganization()
	c.checkThreat()
	c.checkFault()
	c.checkMeasures()
	c.checkContinuity()
	c.checkDuties()
	c.checkActors(roles)
	c.checkClauses()
	c.checkMarks()
}

type checker struct {
	plan Plan
	idOK bool
	out  []Finding
	w    *words // the plan's vocabulary: messages name values in its words
	// lazy (for Lint) keeps the findings in drafts instead of out, their
	// messages unwritten.
	lazy   bool
	drafts []draft
}

// A draft is a finding whose messages are written only when asked
// ([checker.write]): a plan of many systems gives many findings of one kind,
// of which Lint reports the first whole and the others by their place.
type draft struct {
	f                Finding
	format, formatJA string
	args             []any
	written          bool
}

// say names x for a message: the plan file's name for it (its term's ID or
// the engine's name) and, in brackets, its label in the plan's words.
func (c *checker) say(x labeled) string {
	return c.w.name(x) + " (" + c.w.any(x, Japanese) + ")"
}

// both is a value a message names, as the English message names it (en)
// and as the Japanese one does (ja).
type both struct{ en, ja any }

// both names x for a message in both languages: as [checker.say] does in
// English, by its label in the plan's words in Japanese.
func (c *checker) both(x labeled) both {
	return both{c.say(x), c.w.any(x, Japanese)}
}

// add records a finding: its message formats args with format, its
// Japanese message with formatJA (an argument of type [both] gives each its
// own side). Both name the plan's declared values by their term IDs, also
// where they quote a part's error ([words.say]).
func (c *checker) add(sev Severity, code Code, path string, cite council.Citation, format, formatJA string, args ...any) {
	f := Finding{Severity: sev, Code: code, Path: path, Cite: cite}
	if c.lazy {
		c.drafts = append(c.drafts, draft{f: f, format: format, formatJA: formatJA, args: args})
		return
	}
	f.Message, f.MessageJA = c.messages(format, formatJA, args)
	c.out = append(c.out, f)
}

// reserve makes room for n more findings.
func (c *checker) reserve(n int) {
	if c.lazy {
		c.drafts = slices.Grow(c.drafts, n)
	} else {
		c.out = slices.Grow(c.out, n)
	}
}

// quote is err, a problem a part's own validator reports, for a message:
// its own words in English, said part by part in Japanese ([japanese]).
func (c *checker) quote(err error) both {
	ja, _ := japanese(err.Error())
	return both{en: err, ja: ja}
}

// write writes the messages of d, once.
func (c *checker) write(d *draft) {
	if !d.written {
		d.f.Message, d.f.MessageJA = c.messages(d.format, d.formatJA, d.args)
		d.written = true
	}
}

// messages formats args with format in English and with formatJA in
// Japanese (see [checker.add]).
func (c *checker) messages(format, formatJA string, args []any) (string, string) {
	en, ja := args, args
	for i, a := range args {
		if b, ok := a.(both); ok {
			if len(ja) > 0 && &ja[0] == &args[0] {
				en, ja = slices.Clone(args), slices.Clone(args)
			}
			en[i], ja[i] = b.en, b.ja
		}
	}
	return c.w.say(sprintf(format, en)), c.w.say(sprintf(formatJA, ja))
}

// sprintf is fmt.Sprintf(format, args...) made cheaper for the messages of
// findings, of which a plan of many systems gives many: a format whose verbs
// are only %s, %q, %d and %v (no flags, no width), with one argument of type
// string or int each, is written directly, in one allocation when no %q
// argument needs escapes; any other goes to fmt.Sprintf.
func sprintf(format string, args []any) string {
	n := len(format)
	for _, a := range args {
		switch a := a.(type) {
		case string:
			n += len(a) + 2
		case int:
			n += 20
		default:
			return fmt.Sprintf(format, args...)
		}
	}
	var b strings.Builder
	b.Grow(n)
	k := 0
	for rest := format; rest != ""; {
		i := strings.IndexByte(rest, '%')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		if i+1 == len(rest) {
			return fmt.Sprintf(format, args...)
		}
		verb := rest[i+1]
		rest = rest[i+2:]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if k == len(args) {
			return fmt.Sprintf(format, args...)
		}
		switch a := args[k].(type) {
		case string:
			switch verb {
			case 's', 'v':
				b.WriteString(a)
			case 'q':
				if plainASCII(a) {
					b.WriteByte('"')
					b.WriteString(a)
					b.WriteByte('"')
				} else {
					b.WriteString(strconv.Quote(a))
				}
			default:
				return fmt.Sprintf(format, args...)
			}
		case int:
			if verb != 'd' && verb != 'v' {
				return fmt.Sprintf(format, args...)
			}
			var digits [20]byte
			b.Write(strconv.AppendInt(digits[:0], int64(a), 10))
		}
		k++
	}
	if k != len(args) {
		return fmt.Sprintf(format, args...)
	}
	return b.String()
}

// plainASCII reports whether s is printable ASCII without '"' or '\\':
// what strconv.Quote writes between its quotes unchanged.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

func (c *checker) checkID() {
	if !c.idOK {
		c.add(SeverityError, CodePlanID, "id", council.Citation{}, "plan ID %q is not a plain identifier: it cannot own citations", "計画ID %q が識別子（英小文字、数字、-）でない: 引用の持ち主になれない", c.plan.ID)
	}
}

// checkEmpty reports a plan that states nothing but its ID, version and
// title (and its source): no part a drill, a check or a comparison could
// read. Each missing part gets its own finding too.
func (c *checker) checkEmpty() {
	p := c.plan
	for _, ts := range p.Vocabulary.entries() {
		if len(ts) > 0 {
			return
		}
	}
	if len(p.Clauses) > 0 || len(p.Duties) > 0 || p.Organization != nil || p.Provisions != nil || p.Fault != nil ||
		p.Threat != nil || p.Measures != nil || p.Continuity != nil {
		return
	}
	c.add(SeverityError, CodeEmptyPlan, "id", council.Citation{}, "the plan states nothing but its ID, version and title: a plan needs at least one of its parts: organization (roles, reporting chain, councils), threat (the grading of unauthorized acts), fault (fault handling), measures, continuity (systems, contacts, reports) or duties; and, to cite its document, clauses and vocabulary", "計画にID、版及び表題のほかの定めがない: 計画には少なくとも次のいずれかの部分が要る: organization（体制: 役割、報告の系統、会議）、threat（不正行為の脅威度の区分）、fault（障害対応）、measures、continuity（システム、連絡手段、報告）又は duties。文書を引用するには clauses と vocabulary も要る")
}

// partPlan reports a part that names another plan than the plan's own.
func (c *checker) partPlan(path, id string) {
	if c.idOK && !c.plan.citable(id) {
		c.add(SeverityError, CodeForeignCitation, path, council.Citation{}, "the part is of plan %q, not of %q"+c.orModel(), "この部分は計画 %q のもので、%q"+c.orModelJA()+"のものでない", id, c.plan.ID)
	}
}

// checkOrganization checks the organisation and returns the roles it has:
// those in the chain, appointed, on a council or asking for one.
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

func (c *checker) checkThreat() {
	t := c.plan.Threat
	if t == nil {
		c.add(SeverityWarning, CodeNoThreatScheme, "threat", council.Citation{}, "the plan defines no threat scheme: unauthorized acts are not graded into levels and no response is tied to a level", "計画に脅威度の定めがない: 不正行為を脅威度に区分せず、脅威度ごとの対応も定めていない")
		return
	}
	c.partPlan("threat.plan", t.Plan)
	var missing bool
	switch t.Scale {
	case threat.ScaleSerious:
		c.add(SeverityInfo, CodeNoThreatLevels, "threat.scale", t.Judgement.At(0),
			"the plan defines no threat levels: a person judges whether an event poses a serious threat", "計画に脅威度のレベルがない: 重大な脅威かどうかを人が判断する")
		for _, serious := range []bool{false, true} {
			if !slices.ContainsFunc(t.Responses, func(r threat.Tier) bool { return r.Level == 0 && r.Serious == serious }) {
				missing = true
				c.add(SeverityError, CodeLevelWithoutResponse, "threat.responses["+seriousName(serious)+"]", t.Judgement.At(0),
					"no response is given for an event judged %s", "%sと判断された事象への対応を定めていない", both{seriousName(serious), seriousLabel(serious)})
			}
		}
	case threat.ScaleLevels:
		for _, l := range threat.AllLevels() {
			if !slices.ContainsFunc(t.Responses, func(r threat.Tier) bool { return r.Level == l }) {
				missing = true
				c.add(SeverityError, CodeLevelWithoutResponse, "threat.responses["+l.String()+"]", ruleCite(t.Rules, l),
					"no response is given for %s (%s)", "%[2]sへの対応を定めていない", l, l.Label())
			}
		}
	}
	if missing {
		return // threat.NewScheme would only repeat it
	}
	s, err := threat.NewScheme(*t)
	if err != nil {
		for _, e := range leaves(err) {
			c.add(SeverityError, CodeThreatInvalid, "threat", council.Citation{}, "%v", "脅威度の定めに不備がある: %v", c.quote(e))
		}
		return
	}
	c.checkLevel3(s, t)
}

// checkLevel3 checks that level 3 (on the serious scale, a serious threat)
// makes someone convene the council, and that the organisation convenes a
// body for it.
func (c *checker) checkLevel3(s *threat.Scheme, t *threat.Spec) {
	e := threat.Event{Kind: threat.Intrusion}
	var (
		g       threat.Grading
		err     error
		trigger council.Trigger
		path    string
		what    both
	)
	switch s.Scale() {
	case threat.ScaleSerious:
		g, err = threat.JudgeSerious(s, e, true, "plan check")
		trigger, path, what = council.SeriousThreat, "threat.responses[serious]", both{"a serious threat", "重大な脅威"}
	default:
		g, err = threat.Judge(s, e, threat.Level3, "plan check")
		trigger, path, what = council.ThreatLevel3, "threat.responses[level-3]", both{"level 3", "レベル3"}
	}
	cite := t.SeriousCitations.At(0)
	if !cite.IsValid() {
		cite = t.Judgement.At(0)
	}
	if err == nil {
		var r threat.Response
		if r, err = threat.Respond(s, g); err == nil {
			convenes := false
			for _, a := range r.Actions.All() {
				convenes = convenes || a.Task == threat.ConveneCouncil
			}
			if !convenes && !c.councilSilent(what, cite) {
				c.add(SeverityError, CodeLevel3WithoutCouncil, path, cite, "the response to %s has nobody convene the council", "%sへの対応に、会議を招集する者がいない", what)
			}
		}
	}
	if err != nil {
		c.add(SeverityError, CodeThreatInvalid, "threat", council.Citation{}, "%v", "脅威度の定めに不備がある: %v", c.quote(err))
	}
	o := c.plan.Organization
	if o == nil {
		return
	}
	cv, err := council.Convene(*o, trigger)
	if (err != nil || !cv.Named || !cv.Meets) && !c.councilSilent(what, cite) {
		c.add(SeverityError, CodeLevel3WithoutCouncil, "organization.rules["+trigger.String()+"]", cite,
			"the organisation convenes no body for %s (%s)", "体制に%[2]sで招集する会議がない", trigger, trigger.Label())
	}
}

// triggersLabel names the triggers of s by their Japanese labels.
func triggersLabel(s council.Triggers) string {
	var b strings.Builder
	for t := range s.All() {
		if b.Len() > 0 {
			b.WriteString("、")
		}
		b.WriteString(t.Label())
	}
	return b.String()
}

// seriousLabel is the Japanese of seriousName.
func seriousLabel(serious bool) string {
	if serious {
		return "重大な脅威"
	}
	return "重大な脅威でない"
}

func seriousName(serious bool) string {
	if serious {
		return "serious"
	}
	return "not-serious"
}

// ruleCite returns the first citation of the first rule grading level l, or
// zero.
func ruleCite(rules []threat.Rule, l threat.Level) council.Citation {
	var best council.Citation
	for _, r := range rules {
		if r.Level == l {
			if x := r.Citations.At(0); x.IsValid() && (!best.IsValid() || x.Compare(best) < 0) {
				best = x
			}
		}
	}
	return best
}

func (c *checker) checkFault() {
	f := c.plan.Fault
	if f == nil {
		c.add(SeverityWarning, CodeNoFaultHandling, "fault", council.Citation{}, "the plan gives no fault handling: no fault kinds, investigation steps or escalation of faults", "計画に障害対応の定めがない: 障害の種類、原因の究明の手順、障害の報告と判断の流れのいずれも定めていない")
		return
	}
	c.partPlan("fault.plan", f.Plan)
	// The clause of a kind's investigation: its own row, else the row for
	// every kind (see fault.StageSpec), else the first clause the plan gives
	// for that kind (kumiyama's article for it).
	investigated := func(k fault.Kind) council.Citation {
		var all, kind council.Citation
		for _, st := range f.Stages {
			switch {
			case st.Stage == fault.Investigated && st.Kind == k:
				return st.Citations.At(0)
			case st.Stage == fault.Investigated && st.Kind == 0:
				all = st.Citations.At(0)
			case st.Kind == k && !kind.IsValid():
				kind = st.Citations.At(0)
			}
		}
		if all.IsValid() {
			return all
		}
		return kind
	}
	v := *f
	papered := false
	for _, k := range fault.AllKinds() {
		cite := investigated(k)
		if !slices.ContainsFunc(f.Investigations, func(iv fault.Investigation) bool { return iv.Kind == k && len(iv.Probes) > 0 }) {
			c.add(SeverityWarning, CodeKindWithoutInvestigation, "fault.investigations["+k.String()+"]", cite,
				"no investigation steps (原因の究明の手順) are given for a %s fault (%s)", "%[2]sに原因の究明の手順を定めていない", k, k.Label())
			papered = true
		}
	}
	if papered {
		v.Investigations = slices.DeleteFunc(slices.Clone(f.Investigations), func(iv fault.Investigation) bool { return len(iv.Probes) == 0 })
	}
	c.checkSeriousFault(f)
	if _, err := fault.NewProcedure(v); err != nil {
		for _, e := range leaves(err) {
			c.add(SeverityError, CodeFaultInvalid, "fault", council.Citation{}, "%v", "障害対応の定めに不備がある: %v", c.quote(e))
		}
	}
}

// checkSeriousFault checks that a serious fault leads somewhere: a plan that
// judges serious faults convenes a body for one, and a plan with fault
// handling either judges serious faults or convenes a body on a fault.
func (c *checker) checkSeriousFault(f *fault.Spec) {
	o := c.plan.Organization
	meets := func(t council.Trigger) bool {
		if o == nil {
			return false
		}
		cv, err := council.Convene(*o, t)
		return err == nil && cv.Named && cv.Meets
	}
	judges := f.Serious.Long != 0 || f.Serious.Heavy != 0
	switch {
	case judges && o != nil && !meets(council.SeriousFault) && c.councilSilent(both{"a serious fault", "重大障害"}, f.Serious.Cites.At(0)):
	case judges && o != nil && !meets(council.SeriousFault):
		c.add(SeverityError, CodeSeriousFaultWithoutCouncil, "organization.rules[serious-fault]", f.Serious.Cites.At(0),
			"the plan judges when a fault is serious (重大障害) but convenes no body for one", "計画は重大障害の判断を定めるが、重大障害で招集する会議がない")
	case !judges && o != nil && !meets(council.SeriousFault) && !meets(council.AnyFault):
		c.add(SeverityWarning, CodeNoSeriousFaultHandling, "fault.serious", council.Citation{},
			"the plan says neither when a fault is serious (重大障害) nor which body meets on a fault: whom a serious fault is escalated to is not in the plan", "計画は重大障害の判断も、障害で開く会議も定めていない: 重大障害を誰に報告し判断を仰ぐかが計画にない")
	}
}

func (c *checker) checkMeasures() {
	m := c.plan.Measures
	if m == nil {
		return
	}
	var defined measures.Playbooks // the first row of each case, so the lookups stay linear
	var seen uint64                // cases are small numbers
	for _, pb := range m.Playbooks {
		if bit := uint64(1) << pb.Case; pb.Case.IsValid() && seen&bit == 0 {
			seen |= bit
			defined = append(defined, pb)
		}
	}
	for _, k := range m.Annex {
		if _, err := defined.Lookup(k); err != nil {
			c.add(SeverityError, CodeUnknownAnnexCase, "measures.annex["+k.String()+"]", council.Citation{}, "%v", "緊急措置の定めにない別表の事例: %v", c.quote(err))
		}
	}
	for i, pb := range m.Playbooks {
		if err := pb.Validate(); err != nil {
			c.add(SeverityError, CodePlaybookInvalid, "measures.playbooks["+strconv.Itoa(i)+"]", pb.Citations.At(0), "%v", "緊急措置の定めに不備がある: %v", c.quote(err))
		}
	}
	keys := make(map[string]int, len(m.Obligations))
	for _, o := range m.Obligations {
		keys[o.Key]++
	}
	for _, o := range m.Obligations {
		path := "measures.obligations[" + strconv.Quote(o.Key) + "]"
		cite := o.Citations.At(0)
		if o.Key == "" || strings.Trim(o.Key, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			c.add(SeverityError, CodeObligationInvalid, path, cite, "the key is not a plain identifier (a-z, 0-9, -)", "キーが識別子（英小文字、数字、-）でない")
		} else if keys[o.Key] > 1 {
			c.add(SeverityError, CodeObligationInvalid, path, cite, "the key is given to %d obligations", "同じキーが %d 件の義務に付いている", keys[o.Key])
		}
		if o.Task == "" {
			c.add(SeverityError, CodeObligationInvalid, path, cite, "the obligation states no task", "義務の内容を定めていない")
		}
		if o.Citations.Len() == 0 {
			c.add(SeverityError, CodeObligationInvalid, path, cite, "the obligation cites no clause", "義務の根拠の条項を引用していない")
		}
	}
	c.foreignCitations("measures", reflect.ValueOf(*m))
}

func (c *checker) checkContinuity() {
	k := c.plan.Continuity
	if k == nil {
		c.add(SeverityInfo, CodeNoContinuity, "continuity", council.Citation{}, "the plan has no ICT continuity part: no inventory of systems, contact channels or report schedule", "計画にICT業務継続の定めがない: システムの一覧、連絡手段、報告の予定のいずれも定めていない")
		return
	}
	if k.Inventory == nil {
		c.add(SeverityWarning, CodeNoInventory, "continuity.inventory", council.Citation{}, "the continuity part lists no systems", "業務継続の定めにシステムの一覧がない")
	} else {
		c.checkInventory(k.Inventory)
	}
	c.checkContacts(k.Contacts)
	c.checkSchedule(k.Schedule)
	// Citations of every continuity part but the inventory, which
	// checkInventory walks itself (it is the part that can be large).
	rest := *k
	rest.Inventory = nil
	c.foreignCitations("continuity", reflect.ValueOf(rest))
}

func (c *checker) checkInventory(inv *Inventory) {
	c.partPlan("continuity.inventory.plan", inv.Plan)
	c.citations("continuity.inventory.citations", inv.Citations)
	systems := inv.Systems
	// A plan of many systems may give a finding for each: make room for
	// them at once.
	flagged := 0
	for i := range systems {
		if s := &systems[i]; s.Scale == Unassessed || !s.Scale.IsValid() || strings.TrimSpace(s.Owner) == "" {
			flagged++
		}
	}
	c.reserve(flagged)
	ids := make(map[string]int, len(systems))
	var patched []System // systems with their gaps papered over, for Order
	patch := func(i int) *System {
		if patched == nil {
			patched = slices.Clone(systems)
		}
		return &patched[i]
	}
	for i := range systems {
		s := &systems[i]
		cite := s.Citations.At(0)
		path := func() string { return "continuity.inventory.systems[" + s.ID + "]" }
		if c.idOK && c.foreign(s.Citations) {
			c.citations(path()+".citations", s.Citations)
		}
		if n, dup := ids[s.ID]; dup {
			if n == 1 {
				c.add(SeverityError, CodeDuplicateSystem, path(), council.Citation{}, "more than one system has ID %q", "システムID %q が複数のシステムに付いている", s.ID)
			}
			ids[s.ID] = n + 1
			patch(i).ID = "" // Order would refuse the repeat; it is reported here
		} else {
			ids[s.ID] = 1
		}
		if strings.TrimSpace(s.Owner) == "" {
			c.add(SeverityError, CodeSystemNoOwner, path()+".owner", cite, "system %q (%s) has no owning division (主管課)", "システム %q（%s）に主管課がない", s.ID, s.Name)
			patch(i).Owner = "?"
		}
		if !s.Scale.IsValid() {
			c.add(SeverityError, CodeSystemNoScale, path()+".scale", cite, "system %q (%s) has no impact scale (影響規模): give one, or unassessed while it is being decided", "システム %q（%s）に影響規模がない: 影響規模を定めるか、決まるまでは調整中（unassessed）とする", s.ID, s.Name)
			patch(i).Scale = Unassessed
		}
	}
	if patched != nil {
		// Repeated IDs were blanked; drop those entries.
		patched = slices.DeleteFunc(patched, func(s System) bool { return s.ID == "" && ids[""] == 0 })
	}
	base := systems
	if patched != nil {
		base = patched
	}
	for i := range base {
		s := &base[i]
		var keep []string
		for j, d := range s.DependsOn {
			if _, ok := ids[d]; ok || d == "" {
				if keep != nil {
					keep = append(keep, d)
				}
				continue
			}
			c.add(SeverityError, CodeUnknownDependency, "continuity.inventory.systems["+s.ID+"].dependsOn", s.Citations.At(0),
				"system %q depends on %q, which the inventory does not hold", "システム %q が依存する %q はシステムの一覧にない", s.ID, d)
			if keep == nil {
				keep = append(make([]string, 0, len(s.DependsOn)), s.DependsOn[:j]...)
			}
		}
		if keep != nil {
			if patched == nil {
				patched = slices.Clone(systems)
				base = patched
				s = &base[i]
			}
			s.DependsOn = keep
		}
	}
	for i := range systems {
		if s := &systems[i]; s.Scale == Unassessed {
			c.add(SeverityWarning, CodeScaleUnassessed, "continuity.inventory.systems["+s.ID+"].scale", s.Citations.At(0),
				"the impact scale (影響規模) of system %q (%s) is still to be decided (調整中): its recovery order and off-site backup need a policy until it is", "システム %q（%s）の影響規模は調整中: 決まるまでの復旧の順序と遠隔地へのバックアップの方針が要る", s.ID, s.Name)
		}
	}
	// The cycle detection and the remaining checks of Order.
	if err := orderErr(base); err != nil {
		for _, e := range leaves(err) {
			if ce, ok := errors.AsType[*CycleError](e); ok {
				c.add(SeverityError, CodeDependencyCycle, "continuity.inventory.systems["+ce.IDs[0]+"].dependsOn", council.Citation{},
					"systems depend on each other in a circle: %s → %s", "システムの依存が循環している: %s → %s", strings.Join(ce.IDs, " → "), ce.IDs[0])
				continue
			}
			c.add(SeverityError, CodeSystemInvalid, "continuity.inventory.systems", council.Citation{}, "%v", "システムの定めに不備がある: %v", c.quote(e))
		}
	}
}

func (c *checker) checkContacts(rules []ContactRule) {
	if len(rules) == 0 {
		c.add(SeverityWarning, CodeNoContacts, "continuity.contacts", council.Citation{}, "the continuity part chooses no contact channel for any audience", "業務継続の定めに、どの連絡先への連絡手段も選んでいない")
		return
	}
	var audiences [64]struct {
		seen, lastResort bool
		cite             council.Citation
	}
	for _, r := range rules {
		a, pat := r.Contact.Audience, r.Pattern
		path := "continuity.contacts[" + pat.String() + "/" + a.String() + "]"
		cite := r.Contact.Citations.At(0)
		if !a.IsValid() || !pat.IsValid() || int(a) >= len(audiences) {
			c.add(SeverityError, CodeContactInvalid, path, cite, "the contact choice names no valid pattern or audience", "連絡手段の選択に有効なパターン又は連絡先がない")
			continue
		}
		up := pat.Services()
		for _, ch := range append([]Channel{r.Contact.Channel}, slices.Collect(r.Contact.Also.All())...) {
			if !ch.IsValid() {
				c.add(SeverityError, CodeChannelUnavailable, path, cite, "channel %s names no channel", "連絡手段 %s はどの連絡手段も指していない", ch)
				continue
			}
			if need := ch.Needs(); !up.Contains(need) {
				c.add(SeverityError, CodeChannelUnavailable, path, cite, "channel %s needs %s, which is down in pattern %s", "連絡手段 %sには %s が要るが、パターン%sでは使えない", c.both(ch), need, both{pat, pat.Label()})
			}
		}
		au := &audiences[a]
		au.seen = true
		if !au.cite.IsValid() || (cite.IsValid() && cite.Compare(au.cite) < 0) {
			au.cite = cite
		}
		if up == 0 && r.Contact.Channel.IsValid() && r.Contact.Channel.Needs() == 0 {
			au.lastResort = true
		}
	}
	for a := range audiences {
		au := audiences[a]
		if au.seen && !au.lastResort {
			aud := Audience(a)
			c.add(SeverityError, CodeNoLastResort, "continuity.contacts["+aud.String()+"]", au.cite,
				"the channels for %s do not end in a last resort: no choice for an outage of every service uses a channel that needs none", "%sへの連絡手段が最終手段で終わらない: すべてのサービスが止まったときにも使える、サービスを要しない連絡手段を選んでいない", c.both(aud))
		}
	}
}

func (c *checker) checkSchedule(s *ReportPlan) {
	if s != nil {
		for i, a := range s.Agreed {
			in := both{"", ""}
			if a.Considering != "" {
				in = both{" in view of " + a.Considering, "（" + a.Considering + "を勘案）"}
			}
			c.add(SeverityInfo, CodeFrequencyByAgreement, fmt.Sprintf("continuity.schedule.agreed[%d]", i), a.Citations.At(0),
				"%s reports to %s at a frequency set by agreement with %s%s: the plan fixes no frequency, and a drill schedules none of these reports", "%sから%sへの報告の頻度は%sとの協議で定める%s: 計画は頻度を定めておらず、訓練ではこの報告を予定しない",
				c.both(a.From), c.both(a.To), c.both(a.With), in)
		}
	}
	if s == nil || len(s.Slots) == 0 {
		c.add(SeverityWarning, CodeScheduleUndefined, "continuity.schedule", council.Citation{}, "the continuity part sets no times for scheduled reports (定時連絡)", "業務継続の定めに定時連絡の時刻がない")
		return
	}
	cite := s.Citations.At(0)
	slots := slices.Sorted(slices.Values(s.Slots))
	for i, d := range slots {
		if d < 0 || d >= 24*time.Hour {
			c.add(SeverityError, CodeScheduleInvalid, "continuity.schedule.slots", cite, "report time %s is not a time of day", "定時連絡の時刻 %s が一日のうちの時刻でない", duration.Format(d))
		}
		if i > 0 && d == slots[i-1] {
			c.add(SeverityError, CodeScheduleInvalid, "continuity.schedule.slots", cite, "report time %s is given twice", "定時連絡の時刻 %s を二度挙げている", duration.Format(d))
		}
	}
}

// checkDuties notes a plan that states none of the duties of a drill (the
// library's defaults stand in for all of them) and checks the citations of
// those it states.
func (c *checker) checkDuties() {
	d := c.plan.Duties
	if len(d) == 0 {
		var names []string
		for _, x := range AllDuties() {
			names = append(names, x.String())
		}
		c.add(SeverityWarning, CodeNoDuties, "duties", council.Citation{}, "the plan states no duties: who observes, judges, maintains and reports in a drill is the library's default (%s)", "計画に役割分担の定めがない: 訓練で誰が発見し、判断し、保守し、報告するかは本ライブラリの既定による（%s）", strings.Join(names, ", "))
		return
	}
	c.foreignCitations("duties", reflect.ValueOf(d))
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

// foreign reports whether some citation of cs is neither of the plan nor
// of its model.
func (c *checker) foreign(cs council.Citations) bool {
	for _, x := range cs.All() {
		if !c.plan.citable(x.Plan()) {
			return true
		}
	}
	return false
}

// orModel and orModelJA name the plan's model for a message, if it has one.
func (c *checker) orModel() string {
	if c.plan.BasedOn == nil {
		return ""
	}
	return " or its model " + strconv.Quote(c.plan.BasedOn.ID)
}

func (c *checker) orModelJA() string {
	if c.plan.BasedOn == nil {
		return ""
	}
	return "又はモデルとする計画 " + strconv.Quote(c.plan.BasedOn.ID) + " "
}

// citations reports every citation of cs that is not of the plan.
func (c *checker) citations(path string, cs council.Citations) {
	if !c.idOK {
		return
	}
	for _, x := range cs.All() {
		if !c.plan.citable(x.Plan()) {
			c.add(SeverityError, CodeForeignCitation, path, x, "cites %s, a clause of another plan than %q"+c.orModel(), "%s を引用しているが、%q"+c.orModelJA()+"でない計画の条項である", x, c.plan.ID)
		}
	}
}

var (
	chkCitationType  = reflect.TypeFor[council.Citation]()
	chkCitationsType = reflect.TypeFor[council.Citations]()
)

// foreignCitations walks v and reports every citation of another plan.
func (c *checker) foreignCitations(path string, v reflect.Value) {
	if !c.idOK {
		return
	}
	eachCitation(path, v, func(path string, x council.Citation) {
		if !c.plan.citable(x.Plan()) {
			c.add(SeverityError, CodeForeignCitation, path, x, "cites %s, a clause of another plan than %q"+c.orModel(), "%s を引用しているが、%q"+c.orModelJA()+"でない計画の条項である", x, c.plan.ID)
		}
	})
}

// eachCitation walks v and calls f with every valid citation it holds and
// its path of JSON field names (list entries unnumbered, so that the path
// does not depend on list order).
func eachCitation(path string, v reflect.Value, f func(path string, c council.Citation)) {
	switch v.Type() {
	case chkCitationType:
		if x := v.Interface().(council.Citation); x.IsValid() {
			f(path, x)
		}
		return
	case chkCitationsType:
		for _, x := range v.Interface().(council.Citations).All() {
			f(path, x)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			eachCitation(path, v.Elem(), f)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachCitation(path+"[]", v.Index(i), f)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			fd := t.Field(i)
			if !fd.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(fd.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				name = strings.ToLower(fd.Name[:1]) + fd.Name[1:]
			}
			eachCitation(path+"."+name, v.Field(i), f)
		}
	}
}

// checkClauses resolves every citation of the plan against its clause
// index: a plan without an index is told so once; with one, each citation
// of the plan that names no clause of it is an error.
func (c *checker) checkClauses() {
	if !c.idOK {
		return
	}
	p := c.plan
	own := len(p.Clauses) > 0
	noIndex := func() {
		c.add(SeverityInfo, CodeNoClauseIndex, "clauses", council.Citation{}, "the plan lists no clause index: its citations cannot be resolved to clauses of the document", "計画に条項の一覧がない: 引用を文書の条項に照らし合わせられない")
	}
	if !own && p.BasedOn == nil {
		noIndex()
		return
	}
	ownCited := false // a plan based on a model without an index is told so once it cites itself
	x, err := p.Index()
	if own && err != nil {
		c.add(SeverityError, CodeClauseIndexInvalid, "clauses", council.Citation{}, "%v", "条項の一覧に不備がある: %v", c.quote(err))
		return
	}
	models := p.modelIndexes() // a plan based on a model cites the model's clauses too
	resolve := func(path string, cite council.Citation) {
		mx, model := models[cite.Plan()]
		if cite.Plan() == p.ID && !own && !ownCited {
			ownCited = true
			noIndex()
		}
		switch {
		case cite.Plan() == p.ID && own && !x.Resolves(cite):
			c.add(SeverityError, CodeUnresolvedCitation, path, cite, "cites %s, which the clause index does not list", "%s を引用しているが、条項の一覧にない", cite)
		case cite.Plan() != p.ID && model && !mx.Resolves(cite):
			c.add(SeverityError, CodeUnresolvedCitation, path, cite, "cites %s, which the clause index of its model does not list", "%s を引用しているが、モデルとする計画の条項の一覧にない", cite)
		}
	}
	v := reflect.ValueOf(p)
	for i := range v.NumField() {
		if name := v.Type().Field(i).Name; name == "Clauses" || !v.Type().Field(i).IsExported() {
			continue
		}
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		eachCitation(name, v.Field(i), resolve)
	}
	if m := p.Measures; m != nil && m.Controls != nil {
		for _, q := range measures.AllRequirements() {
			for _, cite := range m.Controls.Citations(q).All() {
				resolve("measures.controls.citations."+q.String(), cite)
			}
		}
	}
}

// leaves flattens err into the errors that errors.Join and wrapping with
// several %w put together, keeping each leaf's own message.
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	// A single wrap of a join ("council: tottori: …: <joined>") is
	// flattened through; any other error is a leaf.
	for u := errors.Unwrap(err); u != nil; u = errors.Unwrap(u) {
		if _, ok := u.(interface{ Unwrap() []error }); ok {
			return leaves(u)
		}
	}
	return []error{err}
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
		"the document mentions no council: %s convenes none, where a plan of its kind convenes one (%s)", "文書に会議の定めがない: %sで招集する会議がない（理由は計画ファイルの notStated に記載）%.0s", what, problem.Clip(m.Reason, maxReason))
	return true
}

// maxReason bounds the reason of a mark quoted in a finding.
const maxReason = 400

// checkMarks reports every value the plan file marks as the library's
// reading and every place it marks as not stated, each with its reason, and
// the council details that do not hold together: a chair who may delegate
// on a body without a chair, decisions approved after the fact by a body
// that never meets, and a contact network that says who reaches whom in
// office hours but not at night or on holidays.
func (c *checker) checkMarks() {
	for _, m := range c.plan.Readings {
		if _, err := parseMarkPath(m.Path); err != nil || m.Path == "" {
			continue // the plan file's own checks report it (Lint)
		}
		c.add(SeverityInfo, CodeReading, m.Path, council.Citation{},
			"the document does not give this value: it is the library's reading (%s)", "文書はこの値を定めていない: 本ライブラリの解釈による（理由は計画ファイルの readings に記載）%.0s", problem.Clip(m.Reason, maxReason))
	}
	for _, m := range c.plan.NotStated {
		if _, err := parseMarkPath(m.Path); err != nil || m.Path == "" {
			continue
		}
		c.add(SeverityInfo, CodeNotStated, m.Path, council.Citation{},
			"the document does not state this, and the plan leaves it empty (%s)", "文書はこれを定めておらず、計画も空けている（理由は計画ファイルの notStated に記載）%.0s", problem.Clip(m.Reason, maxReason))
	}
	o := c.plan.Organization
	if o == nil {
		return
	}
	for i, k := range o.Councils {
		path := fmt.Sprintf("$.organization.councils[%d]", i)
		if k.Delegation.IsValid() && k.Chair == 0 {
			c.add(SeverityWarning, CodeDelegationWithoutChair, path+".delegation", k.Delegation,
				"the chair of %s may delegate, but the plan names no chair", "%sの議長は委任できるとするが、議長を定めていない", c.both(k.Body))
		}
		if k.Ratification != (council.Ratification{}) && !slices.ContainsFunc(o.Rules, func(r council.Rule) bool { return r.Meets && r.Body == k.Body }) {
			c.add(SeverityWarning, CodeRatifiedNeverMeets, path+".ratification", k.Ratification.Cite,
				"%s approves decisions after the fact (事後に承認), but no rule has it meet", "%sが事後に承認するとするが、開催する定めがない", c.both(k.Body))
		}
	}
	for i, n := range o.Networks {
		var office, off bool
		for _, l := range n.Links {
			office = office || l.Hours == council.OfficeHours
			off = off || l.Hours == council.OffHours
		}
		if office && !off {
			c.add(SeverityWarning, CodeNetworkOffHours, fmt.Sprintf("$.organization.networks[%d].links", i), n.Cites.At(0),
				"network %s says who reaches whom in office hours but not at night or on holidays (夜間・休日)", "%sは勤務時間内の連絡先を定めるが、夜間・休日の連絡先を定めていない", problem.Value(n.Name))
		}
	}
}
