package render

import (
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"pgregory.net/rapid"
)

// TestEscalationFlowchart: every reference plan's escalation flow, in both
// languages, is a chart whose every node has a shape and a label (line
// breaks as such, no Mermaid markup), whose every edge joins two of its
// nodes and quotes the clauses it carries, and which Mermaid prints with
// one line per node and per edge (tottori:第1-2's network keeps its line
// break and its clause).
func TestEscalationFlowchart(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		for _, l := range bcp.AllLangs() {
			f := EscalationFlowchart(p, l)
			if len(f.Nodes) == 0 || len(f.Edges) == 0 {
				t.Fatalf("%s/%s: %d nodes, %d edges", p.ID, l, len(f.Nodes), len(f.Edges))
			}
			for _, n := range f.Nodes {
				if n.Shape == 0 || n.Label == "" || strings.Contains(n.Label, "#quot;") || strings.Contains(n.Label, "<br/>") {
					t.Errorf("%s/%s: node %+v", p.ID, l, n)
				}
			}
			for _, e := range f.Edges {
				if e.From < 0 || e.From >= len(f.Nodes) || e.To < 0 || e.To >= len(f.Nodes) || e.Style == 0 || e.Label == "" {
					t.Errorf("%s/%s: edge %+v", p.ID, l, e)
				}
				if e.Cites.Len() > 0 && !strings.HasSuffix(e.Label, e.Cites.String()) {
					t.Errorf("%s/%s: edge %q does not quote its clauses %s", p.ID, l, e.Label, e.Cites)
				}
			}
			src := FlowchartMermaid(f)
			if got, want := strings.Count(src, "\n"), 2+len(f.Nodes)+len(f.Edges); got != want {
				t.Errorf("%s/%s: %d Mermaid lines, want %d", p.ID, l, got, want)
			}
		}
	}
	found := false
	for _, n := range EscalationFlowchart(bcp.Tottori(), bcp.Japanese).Nodes {
		found = found || n.Shape == Circle && n.Label == "緊急時連絡網\ntottori:第1-2" && n.Cites.String() == "tottori:第1-2"
	}
	if !found {
		t.Error("tottori's contact network (第1-2) is not a circle labelled with its clause")
	}
}

// TestWrap: no line is wider than asked unless one character is, nothing
// is lost but the spaces a break replaces, and line breaks are kept.
func TestWrap(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringOf(rapid.RuneFrom([]rune("ab 鳥取\n-"))).Draw(t, "s")
		w := rapid.IntRange(4, 40).Draw(t, "width")
		lines := wrap(s, w)
		for _, ln := range lines {
			if units(ln) > w {
				t.Fatalf("line %q is %d units wide, want at most %d", ln, units(ln), w)
			}
		}
		strip := func(x string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(x) }
		if got := strip(strings.Join(lines, "")); got != strip(s) {
			t.Fatalf("wrap(%q) = %q lost text", s, lines)
		}
		if len(lines) < strings.Count(s, "\n")+1 {
			t.Fatalf("wrap(%q) = %q dropped a line break", s, lines)
		}
	})
}

// TestSVGWellFormed: any sequence or flowchart, whatever its labels and
// shape (cycles, self edges, edges to nowhere), draws well-formed SVG with
// its shapes, every label inside the drawing.
func TestSVGWellFormed(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		label := rapid.StringOf(rapid.RuneFrom([]rune("a鳥<>&\"' \n\x01"))).AsAny()
		n := rapid.IntRange(0, 12).Draw(t, "n")
		var s Sequence
		var f Flowchart
		for i := range n {
			l := label.Draw(t, "label").(string)
			s.Participants = append(s.Participants, Participant{ID: itoa(i), Label: l})
			f.Nodes = append(f.Nodes, Node{ID: itoa(i), Label: l, Shape: Shape(rapid.IntRange(1, 5).Draw(t, "shape"))})
		}
		for range rapid.IntRange(0, 30).Draw(t, "m") {
			from, to := rapid.IntRange(-1, n).Draw(t, "from"), rapid.IntRange(-1, n).Draw(t, "to")
			l := label.Draw(t, "text").(string)
			s.Messages = append(s.Messages, Message{From: from, To: to, Text: l, Dashed: rapid.Bool().Draw(t, "dashed")})
			f.Edges = append(f.Edges, Edge{From: from, To: to, Label: l, Style: EdgeStyle(rapid.IntRange(1, 5).Draw(t, "style"))})
		}
		valid := 0
		for _, e := range f.Edges {
			if e.From >= 0 && e.From < n && e.To >= 0 && e.To < n {
				valid++
			}
		}
		if got, want := strings.Count(FlowchartMermaid(f), "\n"), 1+n+valid; got != want {
			t.Fatalf("Mermaid has %d lines, want one per node and per edge (%d)", got, want)
		}
		for _, svg := range []string{SequenceSVG(s, "t"), FlowchartSVG(f, "t")} {
			root := parseXML(t, []byte(svg))
			if root.Name != "svg" {
				t.Fatalf("root %q", root.Name)
			}
			if n > 0 && shapes(root) == 0 {
				t.Fatalf("%d nodes and no shapes", n)
			}
		}
	})
}
