package bcp

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
)

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

// maxReason bounds the reason of a mark quoted in a finding.
const maxReason = 400

// reason is the reason of mark m, the i-th of the plan's list, for a
// finding's messages: in English its Reason, in Japanese its ReasonJA, or,
// for a mark without one, where the plan file gives the reason; a mark
// without it gets a warning ([CodeReasonNotInJapanese]) here, once.
func (c *checker) reason(m Mark, list string, i int) both {
	if strings.TrimSpace(m.ReasonJA) == "" {
		c.add(SeverityWarning, CodeReasonNotInJapanese, fmt.Sprintf("$.%s[%d].reasonJa", list, i), council.Citation{},
			"the mark of %s gives its reason in English only: add reasonJa, the reason in Japanese, for the Japanese outputs",
			"%s の印の理由が英語のみ: 日本語の出力のため reasonJa に日本語で理由を書く", m.Path)
	}
	return markReason(m, list)
}

// markReason is the reason of mark m of the plan's list for a finding's
// messages, as [checker.reason] gives it, without the warning.
func markReason(m Mark, list string) both {
	ja := problem.Clip(m.ReasonJA, maxReason)
	if strings.TrimSpace(m.ReasonJA) == "" {
		ja = "理由は計画ファイルの " + list + " に英語で記載"
	}
	return both{en: problem.Clip(m.Reason, maxReason), ja: ja}
}

// checkMarks reports every value the plan file marks as the library's
// reading and every place it marks as not stated, each with its reason, and
// the council details that do not hold together: a chair who may delegate
// on a body without a chair, decisions approved after the fact by a body
// that never meets, and a contact network that says who reaches whom in
// office hours but not at night or on holidays.
func (c *checker) checkMarks() {
	for i, m := range c.plan.Readings {
		if _, err := parseMarkPath(m.Path); err != nil || m.Path == "" {
			continue // the plan file's own checks report it (Lint)
		}
		c.add(SeverityInfo, CodeReading, m.Path, council.Citation{},
			"the document does not give this value: it is the library's reading (%s)", "文書はこの値を定めていない: 本ライブラリの解釈による（%s）", c.reason(m, "readings", i))
	}
	for i, m := range c.plan.NotStated {
		if _, err := parseMarkPath(m.Path); err != nil || m.Path == "" {
			continue
		}
		c.add(SeverityInfo, CodeNotStated, m.Path, council.Citation{},
			"the document does not state this, and the plan leaves it empty (%s)", "文書はこれを定めておらず、計画も空けている（%s）", c.reason(m, "notStated", i))
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
