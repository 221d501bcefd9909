package render

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/threat"
)

// jst is Japan time, in which timelines print instants.
var jst = time.FixedZone("JST", 9*3600)

// words is what rendering a timeline needs: the language, the plan's
// dictionary, the threat kinds and attributes it declares and the
// scenario's events.
type words struct {
	lang   bcp.Lang
	dict   bcp.Dictionary
	kinds  []threat.KindTerm
	attrs  []threat.AttributeTerm
	events []drill.Event
}

func wordsOf(t drill.Timeline, l bcp.Lang) *words {
	return &words{lang: l, dict: t.Vocabulary.Dictionary(), kinds: t.Kinds, attrs: t.Attributes, events: t.Events}
}

// pick returns en or ja, as the language asks.
func (w *words) pick(en, ja string) string {
	if w.lang == bcp.Japanese {
		return ja
	}
	return en
}

// label returns x in the plan's words, in the language.
func (w *words) label(x interface {
	Label() string
	String() string
}) string {
	return w.dict.Label(x, w.lang)
}

func (w *words) actor(a council.Actor) string {
	if !a.IsValid() {
		return ""
	}
	return w.label(a)
}

func (w *words) level(e drill.Entry) string {
	switch {
	case e.Level.IsValid():
		return w.pick("level "+itoa(int(e.Level)), e.Level.Label())
	case e.Min.IsValid() && e.Max.IsValid():
		return w.pick(fmt.Sprintf("level %d–%d", e.Min, e.Max), fmt.Sprintf("レベル%d～%d", e.Min, e.Max))
	}
	return ""
}

// Text renders timeline t in language l: a heading line, then one line per
// entry (see [Line]), in the words of the plan's vocabulary, then the
// plan's values that are the library's readings, each with its reason in
// language l (in Japanese the English one where the plan gives none:
// [bcp.Mark.ReasonIn]) ([drill.Timeline].Readings). It is deterministic.
func Text(t drill.Timeline, l bcp.Lang) string {
	w := wordsOf(t, l)
	var b strings.Builder
	if l == bcp.Japanese {
		fmt.Fprintf(&b, "# 訓練 %s（計画 %s）", t.Scenario, t.Provenance)
	} else {
		fmt.Fprintf(&b, "# drill %s (plan %s)", t.Scenario, t.Provenance)
	}
	if t.Title != "" {
		b.WriteString(": " + t.Title)
	}
	b.WriteByte('\n')
	for _, e := range t.Entries {
		w.line(&b, e)
		b.WriteByte('\n')
	}
	for i, m := range t.Readings {
		if i == 0 && l == bcp.Japanese {
			b.WriteString("# 本ライブラリの解釈（文書が定めていない値）\n")
		} else if i == 0 {
			b.WriteString("# the library's readings (values the document does not give)\n")
		}
		b.WriteString("- " + m.Path + ": " + cmp.Or(m.ReasonIn(l), m.Reason) + "\n")
	}
	return b.String()
}

// Line renders entry i of timeline t on one line in language l, in the
// words of the plan's vocabulary: in English a sentence, "2026-04-01 09:00
// At level 2 or 3, the system administrator asks the maintenance contractor
// to investigate (tottori:第3-3(2))."; in Japanese the actor, recipient,
// act, channel, level and detail, "2026-04-01 09:00  システム管理者 →
// 運用保守委託事業者  原因の究明 <レベル2～3>: …  (tottori:第3-3(2))"; "" for an i out of
// range.
func Line(t drill.Timeline, i int, l bcp.Lang) string {
	if i < 0 || i >= len(t.Entries) {
		return ""
	}
	var b strings.Builder
	wordsOf(t, l).line(&b, t.Entries[i])
	return b.String()
}

// Detail returns what entry i of timeline t states, in language l and the
// plan's words (the part of [Line] after the act, channel and level); ""
// for an i out of range.
func Detail(t drill.Timeline, i int, l bcp.Lang) string {
	if i < 0 || i >= len(t.Entries) {
		return ""
	}
	return wordsOf(t, l).detail(t.Entries[i])
}

func (w *words) line(b *strings.Builder, e drill.Entry) {
	b.WriteString(e.At.In(jst).Format("2006-01-02 15:04"))
	b.WriteString("  ")
	if w.lang != bcp.Japanese {
		w.sentence(b, e)
		return
	}
	b.WriteString(w.actor(e.Actor))
	if e.To.IsValid() {
		b.WriteString(" → ")
		b.WriteString(w.actor(e.To))
	}
	b.WriteString("  ")
	w.summary(b, e)
	b.WriteString("  (" + e.Cites.String() + ")")
}

// summary writes what the entry does, as the text and the sequence diagram
// both show it: the act, the channel, the level or range, the detail, and
// whether it is due only as needed.
func (w *words) summary(b *strings.Builder, e drill.Entry) {
	if w.lang != bcp.Japanese {
		w.summaryEn(b, e)
		return
	}
	b.WriteString(e.Act.Label())
	if e.Channel.IsValid() {
		b.WriteString(" [" + w.label(e.Channel) + "]")
	}
	if lv := w.level(e); lv != "" {
		b.WriteString(" <" + lv + ">")
	}
	if d := w.detail(e); d != "" {
		b.WriteString(": " + d)
	}
	if e.AsNeeded {
		b.WriteString("（必要に応じ）")
	}
}

// summaryEn is summary in English: what the entry does as a phrase in the
// plan's words ("Ask the maintenance contractor to investigate"), the
// channel, "as needed" and the level: "(level 2–3)".
func (w *words) summaryEn(b *strings.Builder, e drill.Entry) {
	p := w.marked(e)
	if p == "" {
		p = spaced(e.Act.String())
	}
	if to := w.to(e); to != "" && !strings.Contains(p, to) {
		p += " for " + to
	}
	b.WriteString(capital(withMeans(p, w.means(e))))
	if e.AsNeeded && !conditional(e) {
		b.WriteString(" as needed")
	}
	if lv := w.level(e); lv != "" {
		b.WriteString(" (" + lv + ")")
	}
}

// detail words what e states: the sentence of its About (details), in
// Japanese falling back to English where the Japanese is empty.
func (w *words) detail(e drill.Entry) string {
	return strings.Replace(w.marked(e), meansAt, "", 1)
}

// marked is detail with the place of the channel marked (meansAt) in an
// English predicate that has one.
func (w *words) marked(e drill.Entry) string {
	if !worded(e.What.About) {
		return ""
	}
	en, ja := details[e.What.About](w, e)
	if w.lang == bcp.Japanese && ja != "" {
		return ja
	}
	return en
}
