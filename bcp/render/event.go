package render

import (
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/internal/duration"
	"github.com/jukiplan/jukiplan/threat"
)

// fieldsJA lists fs in Japanese, in the plan's words.
func fieldsJA(w bcp.Dictionary, fs bcp.Fields) string {
	var ja []string
	for f := range fs.All() {
		ja = append(ja, w.Label(f, bcp.Japanese))
	}
	return strings.Join(ja, "、")
}

// statusText summarises what a status states, in language l.
func statusText(w bcp.Dictionary, s drill.Status, l bcp.Lang) string {
	var parts []string
	add := func(en, ja string) {
		if l == bcp.Japanese {
			parts = append(parts, ja)
		} else {
			parts = append(parts, en)
		}
	}
	if s.ServerDown {
		add("the server is down", "サーバ停止")
	}
	if s.CauseUnknown {
		add("the cause is unknown", "原因不明")
	}
	if s.OperationImpossible {
		add("operation is impossible", "業務運用不可")
	}
	if s.IdentityAffected {
		add("identity information is affected", "本人確認情報に影響")
	}
	if s.Impact > 0 {
		add(fmt.Sprintf("the impact is %d%%", s.Impact), fmt.Sprintf("影響度%d%%", s.Impact))
	}
	if s.ExpectedStop > 0 {
		add("the stop is expected to last "+durationEn(s.ExpectedStop), "停止見込"+duration.Format(s.ExpectedStop))
	}
	if s.Up != 0 {
		var en, ja []string
		for v := range s.Up.All() {
			en, ja = append(en, spaced(v.String())), append(ja, v.Label())
		}
		verb := " is up"
		if len(en) > 1 {
			verb = " are up"
		}
		add(list(en)+verb, "稼働: "+strings.Join(ja, "、"))
	}
	if !s.Expected.IsZero() {
		t := s.Expected.In(jst).Format("2006-01-02 15:04")
		add("recovery is expected at "+t, "復旧見込 "+t)
	}
	if s.Changed != 0 {
		add(changed(s.Changed), "変更: "+fieldsJA(w, s.Changed))
	}
	sep := "; "
	if l == bcp.Japanese {
		sep = "、"
	}
	return strings.Join(parts, sep)
}

func describe(e drill.Event, w *words) string {
	switch e.Kind {
	case drill.FaultDetected:
		d := "detect a fault"
		if e.Trigger != 0 {
			d += " through " + the(w.dict.Label(e.Trigger, bcp.English))
		}
		var parts []string
		if e.Act.Kind != 0 { // a fault the plan's level table grades
			parts = append(parts, w.kind(e.Act.Kind, bcp.English))
			clauses, facts := w.learnedEn(e.Act)
			parts = append(append(parts, clauses...), facts...)
		}
		if st := statusText(w.dict, e.Status, bcp.English); st != "" {
			parts = append(parts, st)
		}
		if len(parts) > 0 {
			d += " (" + strings.Join(parts, "; ") + ")"
		}
		return d
	case drill.StatusChange:
		return "observe that " + statusText(w.dict, e.Status, bcp.English)
	case drill.SymptomReported:
		return "receive a report of the symptom “" + w.dict.Label(e.Symptom, bcp.English) + "”"
	case drill.ActObserved:
		d := "observe " + w.act(e.Act.Kind)
		if clauses, facts := w.learnedEn(e.Act); len(clauses)+len(facts) > 0 {
			d += " (" + strings.Join(append(clauses, facts...), "; ") + ")"
		}
		return d
	case drill.AttributeLearned:
		// "learn that the access passed the firewall"; a plan's own
		// attribute, whose labels need not make a clause, as "attribute:
		// value" ("learn: stop for recovery: brief").
		clauses, facts := w.learnedEn(e.Learned)
		if len(facts) == 0 {
			return "learn that " + list(clauses)
		}
		return "learn: " + strings.Join(append(clauses, facts...), "; ")
	case drill.Recovery:
		return "observe the recovery"
	case drill.CardLost:
		return "learn that an IC card is lost"
	}
	return spaced(e.Kind.String())
}

func describeJA(e drill.Event, w *words) string {
	switch e.Kind {
	case drill.FaultDetected:
		d := "障害の発見"
		if e.Trigger != 0 {
			d += ": " + w.dict.Label(e.Trigger, bcp.Japanese)
		}
		var parts []string
		if e.Act.Kind != 0 { // a fault the plan's level table grades
			parts = append(parts, w.kind(e.Act.Kind, bcp.Japanese))
			if l := w.learnedJA(e.Act); l != "" {
				parts = append(parts, l)
			}
		}
		if st := statusText(w.dict, e.Status, bcp.Japanese); st != "" {
			parts = append(parts, st)
		}
		if len(parts) > 0 {
			d += "（" + strings.Join(parts, "、") + "）"
		}
		return d
	case drill.StatusChange:
		return "状況の変化: " + statusText(w.dict, e.Status, bcp.Japanese)
	case drill.SymptomReported:
		return "症状の報告: " + w.dict.Label(e.Symptom, bcp.Japanese)
	case drill.ActObserved:
		return "不正行為の発見: " + w.kind(e.Act.Kind, bcp.Japanese)
	case drill.AttributeLearned:
		return "判明: " + w.learnedJA(e.Learned)
	}
	return e.Kind.Label()
}

// learnedEn words the graded attributes an event states in English: the
// engine's as clauses ("the access passed the firewall"), those the plan
// declares as facts, its label and its value's in the plan's words ("stop
// for recovery: brief"), since a plan's labels need not make a clause.
func (w *words) learnedEn(e threat.Event) (clauses, facts []string) {
	if e.Place != 0 {
		clauses = append(clauses, phrase(placesEn[:], e.Place))
	}
	if e.Firewall != 0 {
		clauses = append(clauses, phrase(firewallsEn[:], e.Firewall))
	}
	if e.Severity != 0 {
		clauses = append(clauses, phrase(seriousnessEn[:], e.Severity))
	}
	for i, v := range e.Declared.All() {
		if v != 0 {
			a := threat.DeclaredAttribute(i)
			facts = append(facts, w.attribute(a, bcp.English)+": "+w.value(a, v, bcp.English))
		}
	}
	return clauses, facts
}

// learnedJA words the graded attributes an event states in Japanese, those
// the plan declares in its words.
func (w *words) learnedJA(e threat.Event) string {
	var parts []string
	if e.Place != 0 {
		parts = append(parts, threat.AttrPlace.Label()+": "+e.Place.Label())
	}
	if e.Firewall != 0 {
		parts = append(parts, threat.AttrFirewall.Label()+": "+e.Firewall.Label())
	}
	if e.Severity != 0 {
		parts = append(parts, threat.AttrSeverity.Label()+": "+e.Severity.Label())
	}
	for i, v := range e.Declared.All() {
		if v != 0 { // an attribute the plan declares, in its words
			a := threat.DeclaredAttribute(i)
			parts = append(parts, w.attribute(a, bcp.Japanese)+": "+w.value(a, v, bcp.Japanese))
		}
	}
	return strings.Join(parts, " ")
}
