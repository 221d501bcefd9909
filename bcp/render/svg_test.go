package render

import (
	"errors"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"pgregory.net/rapid"
)

// TestParseFlowchart: every reference plan's escalation flow reads back
// whole, in both languages: one node per declaration, one edge per edge
// line, labels decoded (tottori:第1-2's network keeps its line break).
func TestParseFlowchart(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		for _, l := range bcp.AllLangs() {
			src := EscalationFlow(p, l)
			f, err := ParseFlowchart(src)
			if err != nil {
				t.Fatalf("%s/%s: %v", p.ID, l, err)
			}
			edges := strings.Count(src, "-->") + strings.Count(src, "-.->") + strings.Count(src, "==>") + strings.Count(src, "---") + strings.Count(src, "-.-|")
			if len(f.Edges) != edges {
				t.Errorf("%s/%s: %d edges, the chart has %d", p.ID, l, len(f.Edges), edges)
			}
			for _, n := range f.Nodes {
				if n.Shape == 0 || n.Label == "" || strings.Contains(n.Label, "#quot;") || strings.Contains(n.Label, "<br/>") {
					t.Errorf("%s/%s: node %+v", p.ID, l, n)
				}
			}
		}
	}
	f, err := ParseFlowchart(EscalationFlow(bcp.Tottori(), bcp.Japanese))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range f.Nodes {
		found = found || n.Shape == Circle && n.Label == "緊急時連絡網\ntottori:第1-2"
	}
	if !found {
		t.Error("tottori's contact network (第1-2) is not a circle labelled with its clause")
	}
	if _, err := ParseFlowchart("flowchart TD\n    a --> b\n    click a call x()\n"); !errors.Is(err, ErrFlowchart) || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("an unknown line: error %v", err)
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

// FuzzParseFlowchart: any text is read or refused with an error, never a
// panic, and what is read draws well-formed SVG.
func FuzzParseFlowchart(f *testing.F) {
	for _, p := range bcp.ReferencePlans() {
		f.Add(EscalationFlow(p, bcp.Japanese))
	}
	f.Add("flowchart TD\n    a -->|\"x\"| a\n    b[\"#lt;br/#gt;\"]\n")
	f.Fuzz(func(t *testing.T, src string) {
		fc, err := ParseFlowchart(src)
		if err != nil {
			if !errors.Is(err, ErrFlowchart) {
				t.Fatalf("error %v does not wrap ErrFlowchart", err)
			}
			return
		}
		parseXML(t, []byte(FlowchartSVG(fc, "fuzz")))
	})
}
