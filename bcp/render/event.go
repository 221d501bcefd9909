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
			if l := w.learned(e.Act, bcp.English); l != "" {
				parts = append(parts, l)
			}
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
		if l := w.learned(e.Act, bcp.English); l != "" {
			d += " (" + l + ")"
		}
		return d
	case drill.AttributeLearned:
		return "learn the facts: " + w.learned(e.Learned, bcp.English)
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
			if l := w.learned(e.Act, bcp.Japanese); l != "" {
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
		return "判明: " + w.learned(e.Learned, bcp.Japanese)
	}
	return e.Kind.Label()
}

// learned renders the graded attributes an event states, those the plan
// declares in its words.
func (w *words) learned(e threat.Event, l bcp.Lang) string {
	var parts []string
	add := func(en, ja, v, vja string) {
		if l == bcp.Japanese {
			parts = append(parts, ja+": "+vja)
		} else {
			parts = append(parts, en+" "+v)
		}
	}
	if e.Place != 0 {
		add("place", threat.AttrPlace.Label(), spaced(e.Place.String()), e.Place.Label())
	}
	if e.Firewall != 0 {
		add("firewall", threat.AttrFirewall.Label(), spaced(e.Firewall.String()), e.Firewall.Label())
	}
	if e.Severity != 0 {
		add("severity", threat.AttrSeverity.Label(), spaced(e.Severity.String()), e.Severity.Label())
	}
	for i, v := range e.Declared.All() {
		if v != 0 { // an attribute the plan declares, in its words
			a := threat.DeclaredAttribute(i)
			add(w.attribute(a, bcp.English), w.attribute(a, bcp.Japanese), w.value(a, v, bcp.English), w.value(a, v, bcp.Japanese))
		}
	}
	if l == bcp.Japanese {
		return strings.Join(parts, " ")
	}
	return strings.Join(parts, ", ")
}
