package bcp

import (
	"slices"

	"github.com/jukiplan/jukiplan/council"
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
//     chair; no agenda is empty; a plan that states no reporting chain
//     ([council.Chain.Empty]) gets one warning instead (organization.no-chain,
//     worded from the reason of a not-stated mark on $.organization.chain when
//     the file has one), and its organisation's roles are the positions its
//     vocabulary declares as well as those it appoints or seats;
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
