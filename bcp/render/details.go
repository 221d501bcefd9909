package render

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
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
		return describe(ev, w.dict), describeJA(ev, w.dict)
	},
	drill.AboutSeriousJudgement: fixed("judge whether the act poses a serious threat to identity information", "本人確認情報への重大な脅威の有無を判断"),
	drill.AboutUngraded:         fixed("the level table does not grade this act: a person judges its level", "脅威度の表に該当しない事象: 判断により脅威度を決める"),
	drill.AboutProvisional: func(w *words, e drill.Entry) (string, string) {
		return "level not yet established; unknown: " + e.What.Unknown.String(), "脅威度の判定中（未確定の事実あり）"
	},
	drill.AboutGrade: func(w *words, e drill.Entry) (string, string) {
		if e.What.Judgement != 0 {
			return "judged " + e.What.Judgement.String() + ": " + e.What.Reason, e.What.Judgement.Label() + ": " + e.What.Reason
		}
		return e.What.Example, e.What.Example
	},
	drill.AboutThreatStep: func(w *words, e drill.Entry) (string, string) {
		return e.What.Step.String(), cmp.Or(e.What.Note, e.What.Step.Label())
	},
	drill.AboutThreatNotice: func(w *words, e drill.Entry) (string, string) {
		if e.What.Ask != 0 {
			return e.What.Ask.String(), cmp.Or(e.What.Note, e.What.Ask.Label())
		}
		return "notify", cmp.Or(e.What.Note, "連絡")
	},
	drill.AboutPlaybookStep: func(w *words, e drill.Entry) (string, string) {
		st := e.What.Playbook
		en := fmt.Sprintf("annex %s %s (%s, %s)", st.Case, st.Mark, st.Action, st.Mode)
		if st.Condition != 0 {
			en += " if " + st.Condition.String()
		}
		return en, st.Label + st.Mark + " " + st.Text
	},
	drill.AboutCouncilRequest: func(w *words, e drill.Entry) (string, string) {
		return "request that the " + w.en(e.What.Body) + " meet", w.ja(e.What.Body) + "の開催を要請"
	},
	drill.AboutConvening: func(w *words, e drill.Entry) (string, string) {
		en := "convene the " + w.en(e.What.Body) + " on " + e.What.On.String()
		ja := w.ja(e.What.Body) + "を開催（" + e.What.On.Label() + "）"
		if e.What.Substitute.IsValid() {
			en += "; the " + w.en(e.What.Substitute) + " may stand in"
			ja += "。" + w.ja(e.What.Substitute) + "をもって代えることができる"
		}
		if e.What.Chair.IsValid() {
			en += "; chair " + w.en(e.What.Chair)
			ja += "。議長: " + w.ja(e.What.Chair)
		}
		return en, ja
	},
	drill.AboutAgendaItem: func(w *words, e drill.Entry) (string, string) {
		ja := e.What.Title
		if len(e.What.Examples) > 0 {
			ja += "（例: " + strings.Join(e.What.Examples, "、") + "）"
		}
		return e.What.Item, ja
	},
	drill.AboutDetection: func(w *words, e drill.Entry) (string, string) {
		return "treat as a fault: " + w.en(e.What.Trigger), "障害として対応: " + w.ja(e.What.Trigger)
	},
	drill.AboutClassification: func(w *words, e drill.Entry) (string, string) {
		return "classify: " + w.en(e.What.Symptom) + " is a " + e.What.Kind.String() + " fault", w.ja(e.What.Symptom) + " → " + e.What.Kind.Label()
	},
	drill.AboutChecks: func(w *words, e drill.Entry) (string, string) {
		var en, ja []string
		for _, ch := range e.What.Checks {
			en, ja = append(en, w.en(ch)), append(ja, w.ja(ch))
		}
		return "checks: " + strings.Join(en, ", "), "確認: " + strings.Join(ja, "、")
	},
	drill.AboutFaultNotice: func(w *words, e drill.Entry) (string, string) {
		return e.What.Notice.String(), cmp.Or(e.What.Note, e.What.Notice.Label())
	},
	drill.AboutAlternative: func(w *words, e drill.Entry) (string, string) {
		return e.What.Alternative.String(), cmp.Or(e.What.Note, e.What.Alternative.Label())
	},
	drill.AboutMaintenance:     fixed("repair, restore or replace", "修理、修復、交換等の保守作業"),
	drill.AboutIntegrityCheck:  fixed("check the integrity of identity information before resuming", "運用再開前に本人確認情報の整合性を確認"),
	drill.AboutResumption:      fixed("resume operation", "運用の再開"),
	drill.AboutCountermeasures: countermeasures,
	// The parts of a [measures.PreventionPlan], in the engine's words.
	drill.AboutPreventionPlan: fixed("recurrence-prevention plan: situation and impact, causes, technical and organisational measures",
		"再発防止計画の作成: 発生状況と影響、原因、技術的及び組織的な再発防止策"),
	drill.AboutCardLossReport: func(w *words, e drill.Entry) (string, string) {
		return "report the lost card at once", cmp.Or(e.What.Note, bcp.ReportCardLoss.Label())
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
		en := e.What.Flow.String()
		if e.What.Body != 0 {
			en += " (by the " + w.dict.Name(e.What.Body) + ")"
		}
		return en, w.ja(e.What.Flow) + ": " + e.What.Note
	},
	drill.AboutContact: func(w *words, e drill.Entry) (string, string) {
		en, ja := e.What.Audience.String(), cmp.Or(e.What.Note, w.ja(e.What.Audience))
		if e.What.Audience == bcp.CrisisManagement {
			en = "first report (may be oral or a memo), then the report form"
		}
		if e.What.Also != 0 {
			var ens, jas []string
			for v := range e.What.Also.All() {
				ens, jas = append(ens, w.en(v)), append(jas, w.ja(v))
			}
			en += " (also " + strings.Join(ens, ", ") + ")"
			ja += "（併用: " + strings.Join(jas, "、") + "）"
		}
		if e.What.Via.IsValid() {
			en += " via " + w.en(e.What.Via)
			ja += "（" + w.ja(e.What.Via) + "経由）"
		}
		return en, ja
	},
	drill.AboutRecoveryOrder: func(w *words, e drill.Entry) (string, string) {
		p := e.What.Position
		if p == nil {
			return "", ""
		}
		return fmt.Sprintf("#%d %s (%s, %s)", p.Rank, p.ID, p.Effective, p.Reasons), fmt.Sprintf("第%d位 %s（%s）", p.Rank, p.Name, p.Owner)
	},
	drill.AboutProgressReport: func(w *words, e drill.Entry) (string, string) {
		return "changed: " + e.What.Fields.String(), "変更: " + fieldsJA(w.dict, e.What.Fields)
	},
	drill.AboutScheduledReport: func(w *words, e drill.Entry) (string, string) {
		en, ja := "recovery time unknown", cmp.Or(e.What.Note, "復旧見込不明")
		if e.What.Known {
			en, ja = "expected recovery known", cmp.Or(e.What.Note, "復旧見込判明後")
		}
		if e.What.Fields != 0 {
			en += "; reflects " + e.What.Fields.String()
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
		en, ja = append(en, m.String()), append(ja, m.Label())
	}
	return "consider: " + strings.Join(en, ", "), "再発防止: " + strings.Join(ja, "、")
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
