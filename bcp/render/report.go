// Package render turns the library's outcomes into documents people read:
// drill timelines, check findings, plan comparisons and recovery orders as
// CSV for spreadsheets (csv.go), as one self-contained HTML report
// ([HTML]) and as diagrams drawn as inline SVG ([SequenceSVG],
// [FlowchartSVG]). It reads values and returns bytes: no I/O, no clock, and
// the same input gives the same output byte for byte.
package render

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
)

// jst is Japan time, the zone every plan writes its times in.
var jst = time.FixedZone("JST", 9*3600)

// pick returns en or ja by l (English for the zero Lang).
func pick(l bcp.Lang, en, ja string) string {
	if l == bcp.Japanese {
		return ja
	}
	return en
}

// when formats an entry's instant in Japan time, as the text timeline does.
func when(t time.Time) string { return t.In(jst).Format("2006-01-02 15:04") }

// labels names actors and channels in a plan's words, through the plan's
// vocabulary resolved once ([bcp.Dictionary]): a long timeline names few
// of them many times.
type labels struct {
	d bcp.Dictionary
	l bcp.Lang
}

func newLabels(v bcp.Vocabulary, l bcp.Lang) *labels { return &labels{d: v.Dictionary(), l: l} }

// actor is a in the plan's words; "" for the zero Actor.
func (n *labels) actor(a council.Actor) string {
	if !a.IsValid() {
		return ""
	}
	return n.d.Label(a, n.l)
}

// channel is c in the plan's words; "" for the zero Channel.
func (n *labels) channel(c bcp.Channel) string {
	if !c.IsValid() {
		return ""
	}
	return n.d.Label(c, n.l)
}

// levelLabel is the entry's settled level or provisional range; "" when
// neither is set.
func levelLabel(e drill.Entry, l bcp.Lang) string {
	switch {
	case e.Level.IsValid():
		return pick(l, e.Level.String(), e.Level.Label())
	case e.Min.IsValid() && e.Max.IsValid():
		return pick(l, fmt.Sprintf("level-%d..%d", e.Min, e.Max), fmt.Sprintf("レベル%d～%d", e.Min, e.Max))
	}
	return ""
}

// detail is what the entry says, in l where the plan writes it.
func detail(e drill.Entry, l bcp.Lang) string {
	if l == bcp.Japanese && e.DetailJA != "" {
		return e.DetailJA
	}
	return e.Detail
}

// summary is an entry's act, channel, level, detail and "as needed", as the
// sequence diagram shows it.
func summary(n *labels, e drill.Entry) string {
	l := n.l
	var b strings.Builder
	b.WriteString(pick(l, e.Act.String(), e.Act.Label()))
	if e.Channel.IsValid() {
		b.WriteString(" [" + n.channel(e.Channel) + "]")
	}
	if lv := levelLabel(e, l); lv != "" {
		b.WriteString(" <" + lv + ">")
	}
	if d := detail(e, l); d != "" {
		b.WriteString(": " + d)
	}
	if e.AsNeeded {
		b.WriteString(pick(l, " (as needed)", "（必要に応じ）"))
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }
