package render

// Reports: the documents analysts open. csv.go writes timelines, findings,
// comparisons and recovery orders as CSV for spreadsheets; html.go writes
// one self-contained HTML report ([HTML]); svg.go draws the sequence
// diagram and the escalation flowchart as inline SVG ([SequenceSVG],
// [FlowchartSVG]) with the library's own layout. Like the rest of the
// package they read values and return bytes.

import (
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
)

// pick returns en or ja by l (English for the zero Lang).
func pick(l bcp.Lang, en, ja string) string {
	if l == bcp.Japanese {
		return ja
	}
	return en
}

// when formats an entry's instant in Japan time, as the text timeline does.
func when(t time.Time) string { return t.In(jst).Format("2006-01-02 15:04") }

// summaryOf is what entry e does, as the text and the sequence diagram show
// it: the act, the channel, the level or range, the detail, "as needed".
func (w *words) summaryOf(e drill.Entry) string {
	var b strings.Builder
	w.summary(&b, e)
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }
