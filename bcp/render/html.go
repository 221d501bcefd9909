package render

import (
	"bytes"
	"cmp"
	"html/template"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/internal/duration"
)

// A Report is what an HTML report shows: any of a drill timeline (as a table
// and a sequence diagram, and the plan's values that are the library's
// readings, each with its reason in the report's language), a plan's escalation flow, a comparison of two
// plans, a plan's check findings and a recovery order. Parts left zero are
// left out. The zero Report is an empty report in Japanese: a zero Lang
// means Japanese, the language the analysts read.
type Report struct {
	Lang  bcp.Lang
	Title string // the document's heading; empty: a heading of what it shows

	Timeline *drill.Timeline // the drill: a table of entries and a sequence diagram
	// Escalation is the plan's escalation flow ([EscalationFlowchart]);
	// drawn when it has nodes.
	Escalation Flowchart
	// Diff and Differences are a comparison: the plans' IDs and the
	// differences shown, in order.
	Diff        *bcp.Diff
	Differences []bcp.Difference
	// Check is a check of a plan file.
	Check *CheckResult
	// Recovery is a recovery order.
	Recovery *Recovery
}

// A CheckResult is the findings of a check of one plan file.
type CheckResult struct {
	File     string
	Plan     string
	Findings []bcp.Finding
}

// A Recovery is a recovery order with what it rests on: Note says, when
// set, that it rests on a policy for unassessed systems rather than on
// assessed scales.
type Recovery struct {
	Policy    bcp.UnassessedPolicy
	Note      string
	Positions []bcp.Position
}

// rowView is one row of a table: its cells and clauses.
type rowView struct {
	Cells []string
	Cites string
	Class string
}

type tableView struct {
	Head  []string
	Cites string // the head of the clauses column; "" for none
	Rows  []rowView
}

type pageView struct {
	Lang, Title, Subtitle string
	Timeline              *tableView
	Readings              *tableView
	ReadingsTitle         string
	Sequence, Escalation  template.HTML
	SeqTitle, EscTitle    string
	Diff                  *tableView
	DiffTitle             string
	Check                 *tableView
	CheckTitle            string
	CheckSummary          string
	Order                 *tableView
	OrderTitle, OrderNote string
	TimelineTitle         string
	None                  string
}

// HTML renders r as one self-contained HTML document: no script, no
// network, no external font or style (its Content-Security-Policy forbids
// them, so a browser reports any attempt); every table row with its clauses;
// diagrams inline as SVG; print-ready on A4. The output is well-formed
// XML (XHTML-compatible) and deterministic. The error is one from
// html/template and does not happen for any Report.
func HTML(r Report) ([]byte, error) {
	l := r.Lang
	if l != bcp.English {
		l = bcp.Japanese
	}
	v := pageView{Lang: l.String(), Title: r.Title, None: pick(l, "none", "なし")}
	clauses := pick(l, "Clauses", "根拠条項")
	var parts []string
	if t := r.Timeline; t != nil {
		parts = append(parts, pick(l, "drill ", "訓練 ")+t.Scenario)
		v.Subtitle = pick(l, "plan ", "計画 ") + t.Provenance.String()
		if t.Title != "" {
			v.Subtitle = t.Title + " — " + v.Subtitle
		}
		v.TimelineTitle = pick(l, "Timeline", "時系列")
		tv := &tableView{Head: header(l,
			[]string{"No.", "Time", "Actor", "To", "Action"},
			[]string{"番号", "日時", "実施者", "相手", "内容"}), Cites: clauses}
		w := wordsOf(*t, l)
		for i, e := range t.Entries {
			tv.Rows = append(tv.Rows, rowView{Class: "entry", Cells: []string{itoa(i + 1), when(e.At),
				w.actor(e.Actor), w.actor(e.To), w.summaryOf(e)},
				Cites: e.Cites.String()})
		}
		v.Timeline = tv
		if len(t.Readings) > 0 {
			v.ReadingsTitle = pick(l, "The library's readings (values the document does not give)", "本ライブラリの解釈（文書が定めていない値）")
			rv := &tableView{Head: header(l, []string{"Place in the plan file", "Reason"}, []string{"計画ファイルの箇所", "理由"})}
			for _, m := range t.Readings {
				rv.Rows = append(rv.Rows, rowView{Class: "reading", Cells: []string{m.Path, cmp.Or(m.ReasonIn(l), m.Reason)}})
			}
			v.Readings = rv
		}
		if len(t.Entries) > 0 {
			v.SeqTitle = pick(l, "Sequence diagram", "シーケンス図")
			v.Sequence = template.HTML(SequenceSVG(SequenceOf(*t, l), v.SeqTitle)) // escaped by SequenceSVG
		}
	}
	if len(r.Escalation.Nodes) > 0 {
		v.EscTitle = pick(l, "Escalation flow", "報告・連絡の流れ")
		v.Escalation = template.HTML(FlowchartSVG(r.Escalation, v.EscTitle)) // escaped by FlowchartSVG
		if len(parts) == 0 {
			parts = append(parts, v.EscTitle)
		}
	}
	if d := r.Diff; d != nil {
		v.DiffTitle = pick(l, "Comparison: ", "比較: ") + d.A + " / " + d.B
		parts = append(parts, v.DiffTitle)
		tv := &tableView{Head: header(l,
			[]string{"Aspect", "Key", d.A, d.A + " clauses", d.B, d.B + " clauses"},
			[]string{"観点", "項目", d.A, d.A + " 根拠条項", d.B, d.B + " 根拠条項"})}
		for _, x := range r.Differences {
			key := x.Key
			if x.LabelA != "" || x.LabelB != "" {
				key += " (" + orDash(x.LabelA) + " / " + orDash(x.LabelB) + ")"
			}
			tv.Rows = append(tv.Rows, rowView{Class: "difference", Cells: []string{pick(l, x.Aspect.String(), x.Aspect.Label()), key,
				orDash(x.Side(false, l)), x.CitesA.String(), orDash(x.Side(true, l)), x.CitesB.String()}})
		}
		v.Diff = tv
	}
	if c := r.Check; c != nil {
		v.CheckTitle = pick(l, "Check of ", "点検: ") + c.File
		parts = append(parts, v.CheckTitle)
		errs, warns := 0, 0
		tv := &tableView{Head: header(l,
			[]string{"Severity", "Code", "Place", "Message"},
			[]string{"重大度", "コード", "場所", "内容"}), Cites: clauses}
		for _, f := range c.Findings {
			switch f.Severity {
			case bcp.SeverityError:
				errs++
			case bcp.SeverityWarning:
				warns++
			}
			place := f.Path
			if f.Line > 0 {
				place = c.File + ":" + itoa(f.Line) + ":" + itoa(f.Column) + " " + f.Path
			}
			msg, code := f.Message, f.Code.String()
			if l == bcp.Japanese {
				if f.MessageJA != "" {
					msg = f.MessageJA
				}
				code += "（" + f.Code.Label() + "）"
			}
			cite := ""
			if f.Cite.IsValid() {
				cite = f.Cite.String()
			}
			tv.Rows = append(tv.Rows, rowView{Class: "finding " + f.Severity.String(),
				Cells: []string{pick(l, f.Severity.String(), f.Severity.Label()), code, place, msg}, Cites: cite})
		}
		v.Check = tv
		v.CheckSummary = pick(l,
			count(len(c.Findings), "finding")+", "+count(errs, "error")+", "+count(warns, "warning"),
			"指摘 "+itoa(len(c.Findings))+" 件（エラー "+itoa(errs)+" 件、警告 "+itoa(warns)+" 件）")
	}
	if rc := r.Recovery; rc != nil {
		v.OrderTitle = pick(l, "Recovery order", "復旧順位")
		parts = append(parts, v.OrderTitle)
		v.OrderNote = rc.Note
		tv := &tableView{Head: header(l,
			[]string{"Rank", "System", "Name", "Owner", "Scale used", "Target", "Reasons"},
			[]string{"順位", "システム", "名称", "所管", "適用した影響度", "目標復旧時間", "理由"}), Cites: clauses}
		for _, p := range rc.Positions {
			target := ""
			if p.Target > 0 {
				target = duration.Format(p.Target)
			}
			tv.Rows = append(tv.Rows, rowView{Class: "position", Cells: []string{itoa(p.Rank), p.ID, p.Name, p.Owner,
				enumText(p.Effective, l), target, reasonsText(p.Reasons, l)}, Cites: p.Citations.String()})
		}
		v.Order = tv
	}
	if v.Title == "" {
		v.Title = "jukiplan"
		if len(parts) > 0 {
			v.Title = parts[0]
		}
	}
	var buf bytes.Buffer
	err := page.Execute(&buf, v)
	return buf.Bytes(), err
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// page is the report's template. Its style is inline and prints on A4:
// tables repeat their heads and keep rows whole, diagrams start a page and
// scale to its width. Every element is closed, so the document is also
// well-formed XML.
var page = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Title}}</title>
<style>
@page { size: A4; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK JP", "IPAGothic", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 1.5em; }
h1 { font-size: 16pt; margin: 0 0 .2em; }
h2 { font-size: 13pt; margin: 1.4em 0 .5em; border-bottom: 1px solid #888; page-break-after: avoid; break-after: avoid; }
p.subtitle { color: #444; margin: 0 0 1em; }
p.note { border-left: 4px solid #c9a227; background: #fffbe6; padding: .4em .8em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
thead { display: table-header-group; }
th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; text-align: left; }
th { background: #eef3fb; }
tr { page-break-inside: avoid; break-inside: avoid; }
td.cites { font-size: 8pt; color: #333; white-space: normal; }
tr.error td { background: #fdecec; }
tr.warning td { background: #fff7e0; }
section.diagram { page-break-before: always; break-before: page; }
section.diagram svg { display: block; width: 100%; height: auto; max-width: 100%; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{if .Subtitle}}<p class="subtitle">{{.Subtitle}}</p>{{end}}
{{if .Timeline}}<section id="timeline">
<h2>{{.TimelineTitle}}</h2>
{{template "table" .Timeline}}
</section>
{{end}}{{if .Readings}}<section id="readings">
<h2>{{.ReadingsTitle}}</h2>
{{template "table" .Readings}}
</section>
{{end}}{{if .Sequence}}<section class="diagram" id="sequence">
<h2>{{.SeqTitle}}</h2>
{{.Sequence}}
</section>
{{end}}{{if .Escalation}}<section class="diagram" id="escalation">
<h2>{{.EscTitle}}</h2>
{{.Escalation}}
</section>
{{end}}{{if .Diff}}<section id="comparison">
<h2>{{.DiffTitle}}</h2>
{{if .Diff.Rows}}{{template "table" .Diff}}{{else}}<p>{{.None}}</p>{{end}}
</section>
{{end}}{{if .Check}}<section id="findings">
<h2>{{.CheckTitle}}</h2>
<p>{{.CheckSummary}}</p>
{{if .Check.Rows}}{{template "table" .Check}}{{end}}
</section>
{{end}}{{if .Order}}<section id="recovery-order">
<h2>{{.OrderTitle}}</h2>
{{if .OrderNote}}<p class="note">{{.OrderNote}}</p>{{end}}
{{template "table" .Order}}
</section>
{{end}}</body>
</html>
{{define "table"}}<table>
<thead><tr>{{range .Head}}<th>{{.}}</th>{{end}}{{if .Cites}}<th>{{.Cites}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr class="{{.Class}}">{{range .Cells}}<td>{{.}}</td>{{end}}{{if $.Cites}}<td class="cites">{{.Cites}}</td>{{end}}</tr>
{{end}}</tbody>
</table>{{end}}`))
