package bcp

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

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
