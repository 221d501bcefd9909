package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"pgregory.net/rapid"
)

// element is a parsed XML element: enough of a DOM for the tests.
type element struct {
	Name     string
	Attr     map[string]string
	Children []*element
	Text     string // all character data below it, concatenated
}

// parseXML parses b as well-formed XML (the report is XHTML-compatible)
// and returns its root element.
func parseXML(t tb, b []byte) *element {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var stack []*element
	var root *element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &element{Name: tok.Name.Local, Attr: map[string]string{}}
			for _, a := range tok.Attr {
				e.Attr[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, e)
			} else if root == nil {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, e := range stack {
				e.Text += string(tok)
			}
		}
	}
	if root == nil {
		t.Fatal("no root element")
	}
	return root
}

// all returns the elements below e (e included) that match.
func (e *element) all(match func(*element) bool) []*element {
	var out []*element
	var walk func(*element)
	walk = func(x *element) {
		if match(x) {
			out = append(out, x)
		}
		for _, c := range x.Children {
			walk(c)
		}
	}
	walk(e)
	return out
}

func named(name string) func(*element) bool {
	return func(e *element) bool { return e.Name == name }
}

func classed(name, class string) func(*element) bool {
	return func(e *element) bool {
		return e.Name == name && strings.Contains(" "+e.Attr["class"]+" ", " "+class+" ")
	}
}

// shapes counts what an SVG draws.
func shapes(svg *element) int {
	return len(svg.all(func(e *element) bool {
		switch e.Name {
		case "rect", "line", "polygon", "ellipse", "path":
			return true
		}
		return false
	}))
}

// selfContained fails on anything that would reach outside the document:
// a script, a link, a source, an external reference or an import.
func selfContained(t testing.TB, root *element, raw []byte) {
	t.Helper()
	for _, e := range root.all(func(*element) bool { return true }) {
		switch e.Name {
		case "script", "link", "iframe", "object", "embed", "img":
			t.Errorf("report holds a <%s>", e.Name)
		}
		for k, v := range e.Attr {
			if (k == "src" || k == "href") && !strings.HasPrefix(v, "#") {
				t.Errorf("<%s %s=%q> reaches outside", e.Name, k, v)
			}
		}
	}
	csp := root.all(func(e *element) bool { return e.Name == "meta" && e.Attr["http-equiv"] == "Content-Security-Policy" })
	if len(csp) != 1 || !strings.HasPrefix(csp[0].Attr["content"], "default-src 'none'") {
		t.Error("report does not forbid every load by its Content-Security-Policy")
	}
	for _, s := range []string{"@import", "url(http", "@font-face"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("report holds %q", s)
		}
	}
}

// TestHTMLDrill: every reference drill's report in both languages is
// well-formed, self-contained, has every timeline entry as one row with its
// clauses, and draws both diagrams with shapes.
func TestHTMLDrill(t *testing.T) {
	for _, id := range scenarios {
		tl := runDrill(t, id)
		p, err := bcp.Reference(tl.Plan)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range bcp.AllLangs() {
			t.Run(id+"/"+l.String(), func(t *testing.T) {
				flow := EscalationFlowchart(p, l)
				b, err := HTML(Report{Lang: l, Timeline: &tl, Escalation: flow})
				if err != nil {
					t.Fatal(err)
				}
				root := parseXML(t, b)
				selfContained(t, root, b)
				if root.Attr["lang"] != l.String() {
					t.Errorf("lang %q", root.Attr["lang"])
				}
				rows := root.all(classed("tr", "entry"))
				if len(rows) != len(tl.Entries) {
					t.Fatalf("%d entry rows for %d entries", len(rows), len(tl.Entries))
				}
				for i, e := range tl.Entries {
					cells := rows[i].all(named("td"))
					if cells[0].Text != itoa(i+1) || cells[len(cells)-1].Text != e.Cites.String() {
						t.Errorf("row %d: %q … %q, want entry %d citing %s", i, cells[0].Text, cells[len(cells)-1].Text, i+1, e.Cites)
					}
				}
				svgs := root.all(named("svg"))
				if len(svgs) != 2 {
					t.Fatalf("%d SVGs, want the sequence diagram and the escalation flow", len(svgs))
				}
				for _, svg := range svgs {
					if shapes(svg) == 0 || svg.Attr["viewBox"] == "" {
						t.Errorf("SVG %q draws nothing or does not scale", svg.Attr["class"])
					}
				}
				if n := len(svgs[0].all(classed("text", "message-text"))) + len(svgs[0].all(classed("text", "note-text"))); n != len(tl.Entries) {
					t.Errorf("sequence diagram shows %d messages for %d entries", n, len(tl.Entries))
				}
				if n := len(svgs[1].all(classed("g", "node"))); n != len(flow.Nodes) || n == 0 {
					t.Errorf("escalation flow draws %d nodes for %d", n, len(flow.Nodes))
				}
			})
		}
	}
}

// TestHTMLJapaneseDefault: a report is Japanese unless it says English,
// and Japanese speaks the plan's words (tottori:第2-4(1)).
func TestHTMLJapaneseDefault(t *testing.T) {
	tl := runDrill(t, "tottori-l3-firewall")
	b, err := HTML(Report{Timeline: &tl})
	if err != nil {
		t.Fatal(err)
	}
	root := parseXML(t, b)
	if root.Attr["lang"] != "ja" || !strings.Contains(root.Text, "セキュリティ統括管理者") || !strings.Contains(root.Text, "根拠条項") {
		t.Errorf("the default report is not Japanese in tottori's words")
	}
}

// TestHTMLParts: findings, a comparison and a recovery order each appear
// whole, one row per item with its clauses; the policy note is shown.
func TestHTMLParts(t *testing.T) {
	nakano := bcp.Nakano()
	fs := bcp.Check(nakano)
	d := bcp.DiffPlans(bcp.Tottori(), bcp.Kumamoto())
	ps, err := bcp.Order(nakano.Continuity.Inventory.Systems, bcp.OrderOptions{Unassessed: bcp.AssumeLarge, Clauses: nakano.Continuity.Order})
	if err != nil {
		t.Fatal(err)
	}
	const note = "この復旧順位は方針によります"
	for _, l := range bcp.AllLangs() {
		b, err := HTML(Report{Lang: l, Check: &CheckResult{File: "nakano.json", Plan: "nakano", Findings: fs},
			Diff: &d, Differences: d.Differences, Recovery: &Recovery{Policy: bcp.AssumeLarge, Note: note, Positions: ps}})
		if err != nil {
			t.Fatal(err)
		}
		root := parseXML(t, b)
		selfContained(t, root, b)
		rows := root.all(classed("tr", "finding"))
		if len(rows) != len(fs) {
			t.Fatalf("%s: %d finding rows for %d findings", l, len(rows), len(fs))
		}
		for i, f := range fs {
			msg := f.Message
			if l == bcp.Japanese && f.MessageJA != "" {
				msg = f.MessageJA
			}
			if !strings.Contains(rows[i].Text, msg) || !strings.Contains(rows[i].Text, f.Code.String()) {
				t.Errorf("%s: finding row %d %q lacks %q", l, i, rows[i].Text, msg)
			}
		}
		if n := len(root.all(classed("tr", "difference"))); n != len(d.Differences) {
			t.Errorf("%s: %d difference rows for %d", l, n, len(d.Differences))
		}
		pos := root.all(classed("tr", "position"))
		if len(pos) != len(ps) {
			t.Fatalf("%s: %d position rows for %d", l, len(pos), len(ps))
		}
		for i, p := range ps {
			cells := pos[i].all(named("td"))
			if cells[1].Text != p.ID || cells[len(cells)-1].Text != p.Citations.String() {
				t.Errorf("%s: position row %d = %q, want %s citing %s", l, i, pos[i].Text, p.ID, p.Citations)
			}
		}
		if len(root.all(classed("p", "note"))) != 1 || !strings.Contains(root.Text, note) {
			t.Errorf("%s: the policy note is not shown", l)
		}
	}
}

// TestHTMLEscapes: text that looks like markup stays text.
func TestHTMLEscapes(t *testing.T) {
	tl := runDrill(t, "tottori-l3-firewall")
	tl.Entries = append([]drill.Entry(nil), tl.Entries...)
	tl.Entries[0].What = drill.What{About: drill.AboutGrade, Example: `<script>alert("x")</script> & </svg>`}
	b, err := HTML(Report{Lang: bcp.English, Timeline: &tl})
	if err != nil {
		t.Fatal(err)
	}
	root := parseXML(t, b)
	selfContained(t, root, b)
	if !strings.Contains(root.Text, `<script>alert("x")</script> & </svg>`) {
		t.Error("the detail is not shown as text")
	}
}

// TestEntryOnce: every timeline entry appears exactly once in the HTML
// and CSV forms, whatever the entries say and however many there are.
func TestEntryOnce(t *testing.T) {
	base := runDrill(t, "tottori-l3-firewall")
	rapid.Check(t, func(t *rapid.T) {
		tl := base
		n := rapid.IntRange(0, 60).Draw(t, "n")
		tl.Entries = make([]drill.Entry, n)
		for i := range tl.Entries {
			e := base.Entries[rapid.IntRange(0, len(base.Entries)-1).Draw(t, "entry")]
			text := rapid.StringOf(rapid.RuneFrom([]rune("aあ<>&\"' ;#|,\n\t鳥取"))).Draw(t, "detail")
			e.What = drill.What{About: drill.AboutGrade, Example: fmt.Sprintf("⟦%d⟧%s", i, text)} // quoted as it is
			tl.Entries[i] = e
		}
		l := rapid.SampledFrom(bcp.AllLangs()).Draw(t, "lang")
		b, err := HTML(Report{Lang: l, Timeline: &tl})
		if err != nil {
			t.Fatal(err)
		}
		root := parseXML(t, b)
		rows := root.all(classed("tr", "entry"))
		csvRows := readCSV(t, TimelineCSV(tl, l))[1:]
		if len(rows) != n || len(csvRows) != n {
			t.Fatalf("%d HTML rows and %d CSV rows for %d entries", len(rows), len(csvRows), n)
		}
		for i, e := range tl.Entries {
			mark := fmt.Sprintf("⟦%d⟧", i)
			inHTML, inCSV := 0, 0
			for j := range rows {
				if strings.Contains(rows[j].Text, mark) {
					inHTML++
					if j != i || !strings.Contains(rows[j].Text, e.What.Example) {
						t.Fatalf("entry %d shown in HTML row %d as %q", i, j, rows[j].Text)
					}
				}
				if strings.Contains(csvRows[j][7], mark) {
					inCSV++
					if j != i || !strings.Contains(csvRows[j][7], e.What.Example) {
						t.Fatalf("entry %d shown in CSV row %d as %q", i, j, csvRows[j][7])
					}
				}
			}
			if inHTML != 1 || inCSV != 1 {
				t.Fatalf("entry %d appears %d times in HTML, %d in CSV", i, inHTML, inCSV)
			}
		}
	})
}

// BenchmarkHTMLNakanoSevenDays renders the report of nakano's week-long
// outage: the timeline, its sequence diagram and the escalation flow
// (target: under 20 ms).
func BenchmarkHTMLNakanoSevenDays(b *testing.B) {
	p, s := nakanoWeek(b)
	tl, err := drill.Run(p, s)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		out, err := HTML(Report{Timeline: &tl, Escalation: EscalationFlowchart(p, bcp.Japanese)})
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(len(tl.Entries)), "entries")
	b.ReportMetric(float64(n), "bytes")
}
