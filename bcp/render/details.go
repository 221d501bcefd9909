package render

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/threat"
)

// A sentence words what an entry states, in English and in Japanese, in
// the plan's words.
type sentence func(w *words, e drill.Entry) (en, ja string)

// details words each [drill.About], keyed by it (TestDetailsExhaustive
// keeps it complete).
var details = [...]sentence{
	drill.AboutEvent: func(w *words, e drill.Entry) (string, string) {
		if e.Event < 0 || e.Event >= len(w.events) {
			return "", ""
		}
		ev := w.events[e.Event]
		return describe(ev, w), describeJA(ev, w)
	},
	drill.AboutSeriousJudgement: fixed("judge whether the act poses a serious threat to identity information", "本人確認情報への重大な脅威の有無を判断"),
	drill.AboutUngraded:         fixed("judge the level of an act the level table does not grade", "脅威度の表に該当しない事象: 判断により脅威度を決める"),
	drill.AboutProvisional: func(w *words, e drill.Entry) (string, string) {
		// The engine's attributes as clauses ("it is known whether the act
		// passed the firewall"), the plan's as nouns ("the cause is known").
		var clauses, nouns []string
		for a := range e.What.Unknown.All() {
			if int(a) < len(unknownEn) && unknownEn[a] != "" {
				clauses = append(clauses, unknownEn[a])
			} else {
				nouns = append(nouns, "the "+w.attribute(a, bcp.English))
			}
		}
		var until []string
		if len(clauses) > 0 {
			until = append(until, "it is known "+list(clauses))
		}
		if len(nouns) == 1 {
			until = append(until, nouns[0]+" is known")
		} else if len(nouns) > 1 {
			until = append(until, list(nouns)+" are known")
		}
		return "treat the level as provisional until " + strings.Join(until, " and "), "脅威度の判定中（未確定の事実あり）"
	},
	drill.AboutGrade: func(w *words, e drill.Entry) (string, string) {
		if e.What.Judgement != 0 {
			return "judge the act " + spaced(e.What.Judgement.String()) + ": " + e.What.Reason, e.What.Judgement.Label() + ": " + e.What.Reason
		}
		return "grade the act as the plan's example “" + e.What.Example + "”", e.What.Example
	},
	drill.AboutThreatStep: func(w *words, e drill.Entry) (string, string) {
		return w.asks(e, e.What.Step), cmp.Or(e.What.Note, e.What.Step.Label())
	},
	drill.AboutThreatNotice: func(w *words, e drill.Entry) (string, string) {
		if e.What.Ask != 0 {
			return recipient("ask %s to "+phrase(stepsEn[:], e.What.Ask), w.to(e)), cmp.Or(e.What.Note, e.What.Ask.Label())
		}
		return recipient("notify %s", w.to(e)), cmp.Or(e.What.Note, "連絡")
	},
	drill.AboutPlaybookStep: func(w *words, e drill.Entry) (string, string) {
		st := e.What.Playbook
		act, mode := phrase(playbookEn[:], st.Action), phrase(modesEn[:], st.Mode)
		var en string
		if strings.HasSuffix(mode, " to") {
			en = recipient(mode, w.to(e)) + " " + act
		} else {
			en = act + " " + recipient(mode, w.to(e))
		}
		en += " under annex " + st.Case.String() + " " + st.Mark
		if st.Condition != 0 {
			en += " " + phrase(conditionsEn[:], st.Condition)
		}
		return en, st.Label + st.Mark + " " + st.Text
	},
	drill.AboutCouncilRequest: func(w *words, e drill.Entry) (string, string) {
		return "request that " + the(w.en(e.What.Body)) + " meet", w.ja(e.What.Body) + "の開催を要請"
	},
	drill.AboutConvening: func(w *words, e drill.Entry) (string, string) {
		en := "convene " + the(w.en(e.What.Body))
		// The chair, unless it convenes ("the chief convenes …, chaired by
		// the chief" would say it twice).
		if chair := w.en(e.What.Chair); e.What.Chair.IsValid() && chair != w.actor(e.Actor) {
			en += ", chaired by " + the(chair) + ","
		}
		en += " " + phrase(triggersEn[:], e.What.On)
		ja := w.ja(e.What.Body) + "を開催（" + e.What.On.Label() + "）"
		if e.What.Substitute.IsValid() {
			en += "; " + the(w.en(e.What.Substitute)) + " may stand in"
			ja += "。" + w.ja(e.What.Substitute) + "をもって代えることができる"
		}
		if e.What.Chair.IsValid() {
			ja += "。議長: " + w.ja(e.What.Chair)
		}
		return en, ja
	},
	drill.AboutAgendaItem: func(w *words, e drill.Entry) (string, string) {
		ja := e.What.Title
		if len(e.What.Examples) > 0 {
			ja += "（例: " + strings.Join(e.What.Examples, "、") + "）"
		}
		return "put " + agendaEn(e.What) + " on the agenda", ja
	},
	drill.AboutDetection: func(w *words, e drill.Entry) (string, string) {
		return "treat " + the(w.en(e.What.Trigger)) + " as a fault", "障害として対応: " + w.ja(e.What.Trigger)
	},
	drill.AboutClassification: func(w *words, e drill.Entry) (string, string) {
		return "classify “" + w.en(e.What.Symptom) + "” as " + indefinite(spaced(e.What.Kind.String())+" fault"), w.ja(e.What.Symptom) + " → " + e.What.Kind.Label()
	},
	drill.AboutChecks: func(w *words, e drill.Entry) (string, string) {
		var en, ja []string
		for _, ch := range e.What.Checks {
			en, ja = append(en, w.en(ch)), append(ja, w.ja(ch))
		}
		return "carry out the checks: " + list(en), "確認: " + strings.Join(ja, "、")
	},
	drill.AboutFaultNotice: func(w *words, e drill.Entry) (string, string) {
		return recipient(phrase(noticesEn[:], e.What.Notice), w.to(e)), cmp.Or(e.What.Note, e.What.Notice.Label())
	},
	drill.AboutAlternative: func(w *words, e drill.Entry) (string, string) {
		return phrase(alternativesEn[:], e.What.Alternative), cmp.Or(e.What.Note, e.What.Alternative.Label())
	},
	drill.AboutMaintenance:     fixed("carry out maintenance: repair, restore or replace the equipment", "修理、修復、交換等の保守作業"),
	drill.AboutIntegrityCheck:  fixed("check the integrity of identity information before resuming", "運用再開前に本人確認情報の整合性を確認"),
	drill.AboutResumption:      fixed("resume operation", "運用の再開"),
	drill.AboutCountermeasures: countermeasures,
	// The parts of a [measures.PreventionPlan], in the engine's words.
	drill.AboutPreventionPlan: fixed("draw up a recurrence-prevention plan: the situation and impact, the causes, and technical and organizational measures",
		"再発防止計画の作成: 発生状況と影響、原因、技術的及び組織的な再発防止策"),
	drill.AboutCardLossReport: func(w *words, e drill.Entry) (string, string) {
		return recipient("report the lost card to %s at once", w.to(e)), cmp.Or(e.What.Note, bcp.ReportCardLoss.Label())
	},
	drill.AboutCardRevocation: func(w *words, e drill.Entry) (string, string) {
		return "revoke the card at once", cmp.Or(e.What.Note, bcp.RevokeCard.Label())
	},
	drill.AboutCardInspection: func(w *words, e drill.Entry) (string, string) {
		return "inspect the use of the IC cards", cmp.Or(e.What.Note, bcp.InspectCards.Label())
	},
	drill.AboutPublication: func(w *words, e drill.Entry) (string, string) {
		return "decide on publication and on reporting to the assembly", cmp.Or(e.What.Note, "公表及び議会への報告の判断")
	},
	drill.AboutFlowStep: func(w *words, e drill.Entry) (string, string) {
		en := phrase(flowEn[:], e.What.Flow)
		if e.What.Body != 0 {
			en += " on behalf of " + the(w.en(e.What.Body))
		}
		return en, w.ja(e.What.Flow) + ": " + e.What.Note
	},
	drill.AboutContact: func(w *words, e drill.Entry) (string, string) {
		en, ja := phrase(audiencesEn[:], e.What.Audience), cmp.Or(e.What.Note, w.ja(e.What.Audience))
		if to := w.to(e); to != "" {
			en = "inform " + to
			if e.What.Audience == bcp.CrisisManagement {
				en = "send " + to + " a first report (orally or as a memo), then a written report"
			}
		}
		if e.What.Also != 0 { // in English, with the channel (means)
			var jas []string
			for v := range e.What.Also.All() {
				jas = append(jas, w.ja(v))
			}
			ja += "（併用: " + strings.Join(jas, "、") + "）"
		}
		if e.What.Via.IsValid() {
			en += " through " + the(w.en(e.What.Via))
			ja += "（" + w.ja(e.What.Via) + "経由）"
		}
		return en, ja
	},
	drill.AboutRecoveryOrder: func(w *words, e drill.Entry) (string, string) {
		p := e.What.Position
		if p == nil {
			return "", ""
		}
		var reasons []string
		for r := range p.Reasons.All() {
			if r == bcp.ReasonScale {
				reasons = append(reasons, "its "+spaced(p.Effective.String())+" impact scale")
				continue
			}
			reasons = append(reasons, phrase(reasonsEn[:], r))
		}
		en := fmt.Sprintf("restore %s (%s, owned by %s) as number %d in the recovery order", p.ID, p.Name, p.Owner, p.Rank)
		if len(reasons) > 0 {
			en += ", given " + list(reasons)
		}
		return en, fmt.Sprintf("第%d位 %s（%s）", p.Rank, p.Name, p.Owner)
	},
	drill.AboutProgressReport: func(w *words, e drill.Entry) (string, string) {
		return recipient("report progress to %s"+meansAt+": ", w.to(e)) + changed(e.What.Fields), "変更: " + fieldsJA(w.dict, e.What.Fields)
	},
	drill.AboutScheduledReport: func(w *words, e drill.Entry) (string, string) {
		en, ja := recipient("report on schedule to %s"+meansAt+" while the recovery time is unknown", w.to(e)), cmp.Or(e.What.Note, "復旧見込不明")
		if e.What.Known {
			en, ja = recipient("report on schedule to %s"+meansAt+" once the expected recovery is known", w.to(e)), cmp.Or(e.What.Note, "復旧見込判明後")
		}
		if e.What.Fields != 0 {
			en += ", including the changes to " + list(fieldsEn(e.What.Fields))
			ja += "（反映: " + fieldsJA(w.dict, e.What.Fields) + "）"
		}
		return en, ja
	},
}

// fixed is a sentence that says the same whatever the entry holds.
func fixed(en, ja string) sentence {
	return func(*words, drill.Entry) (string, string) { return en, ja }
}

func countermeasures(w *words, e drill.Entry) (string, string) {
	var en, ja []string
	for _, m := range e.What.Measures {
		en, ja = append(en, phrase(countermeasuresEn[:], m)), append(ja, m.Label())
	}
	return "consider the countermeasures: " + list(en), "再発防止: " + strings.Join(ja, "、")
}

// en and ja give x in the plan's words.
func (w *words) en(x interface {
	Label() string
	String() string
}) string {
	return w.dict.Label(x, bcp.English)
}

func (w *words) ja(x interface {
	Label() string
	String() string
}) string {
	return w.dict.Label(x, bcp.Japanese)
}

// worded reports whether render has a sentence for what an entry about a
// states: true for every valid About (TestDetailsExhaustive).
func worded(a drill.About) bool {
	return a.IsValid() && int(a) < len(details) && details[a] != nil
}

// to is the entry's recipient with its article, "" when it names none.
func (w *words) to(e drill.Entry) string { return the(w.actor(e.To)) }

// asks words a step of the threat scheme the entry's actor takes or asks
// its recipient to take: "collect information", "report to the security
// chief", "notify the national center", "ask the national center to
// establish the situation".
func (w *words) asks(e drill.Entry, s threat.Task) string {
	p := phrase(stepsEn[:], s)
	to := w.to(e)
	switch {
	case to == "":
		return p
	case s == threat.Report || e.Act == drill.ActReport:
		return "report to " + to
	case e.Act == drill.ActNotify:
		return "notify " + to
	}
	return "ask " + to + " to " + p
}

// fieldsEn lists the fields of a report in English.
func fieldsEn(fs bcp.Fields) []string {
	var en []string
	for f := range fs.All() {
		en = append(en, "the "+spaced(f.String()))
	}
	return en
}
