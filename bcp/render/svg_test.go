package render

import (
	"fmt"
	"math"
	"strconv"
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

// rectangle is an axis-aligned box of a drawing: x, y, width, height.
type rectangle struct{ x, y, w, h float64 }

func (r rectangle) meets(q rectangle) bool {
	return r.x < q.x+q.w && q.x < r.x+r.w && r.y < q.y+q.h && q.y < r.y+r.h
}

// boxOf is the bounding box of a shape element of an SVG: a rect, an
// ellipse or a polygon.
func boxOf(t tb, e *element) rectangle {
	t.Helper()
	num := func(k string) float64 {
		v, err := strconv.ParseFloat(e.Attr[k], 64)
		if err != nil {
			t.Fatalf("<%s %s=%q>: %v", e.Name, k, e.Attr[k], err)
		}
		return v
	}
	switch e.Name {
	case "rect":
		return rectangle{num("x"), num("y"), num("width"), num("height")}
	case "ellipse":
		return rectangle{num("cx") - num("rx"), num("cy") - num("ry"), 2 * num("rx"), 2 * num("ry")}
	case "polygon":
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, pt := range strings.Fields(e.Attr["points"]) {
			xs, ys, _ := strings.Cut(pt, ",")
			x, err1 := strconv.ParseFloat(xs, 64)
			y, err2 := strconv.ParseFloat(ys, 64)
			if err1 != nil || err2 != nil {
				t.Fatalf("polygon point %q", pt)
			}
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		}
		return rectangle{x0, y0, x1 - x0, y1 - y0}
	}
	t.Fatalf("no box for <%s>", e.Name)
	return rectangle{}
}

// flowchartBoxes reads the boxes of the nodes and of the edge labels of a
// flowchart drawn by FlowchartSVG.
func flowchartBoxes(t tb, svg string) (nodes, labels []rectangle) {
	t.Helper()
	root := parseXML(t, []byte(svg))
	for _, g := range root.all(func(e *element) bool { return e.Name == "g" }) {
		if len(g.Children) == 0 {
			continue
		}
		switch {
		case g.Attr["class"] == "node":
			nodes = append(nodes, boxOf(t, g.Children[0]))
		case g.Attr["class"] == "edge-label":
			labels = append(labels, boxOf(t, g.Children[0]))
		}
	}
	return nodes, labels
}

// overlaps lists the labels that meet another label or cover a node.
func overlaps(nodes, labels []rectangle) []string {
	var out []string
	for i, a := range labels {
		for j, b := range labels[:i] {
			if a.meets(b) {
				out = append(out, fmt.Sprintf("label %d %v meets label %d %v", i, a, j, b))
			}
		}
		for j, n := range nodes {
			if a.meets(n) {
				out = append(out, fmt.Sprintf("label %d %v covers node %d %v", i, a, j, n))
			}
		}
	}
	return out
}

// TestFlowchartLabelsApart: in the escalation flowchart of every reference
// plan, in both languages, no two edge labels meet and no label covers a
// node, every label being drawn.
func TestFlowchartLabelsApart(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		for _, l := range bcp.AllLangs() {
			t.Run(p.ID+"/"+l.String(), func(t *testing.T) {
				f := EscalationFlowchart(p, l)
				nodes, labels := flowchartBoxes(t, FlowchartSVG(f, "t"))
				if len(nodes) != len(f.Nodes) || len(labels) == 0 {
					t.Fatalf("%d nodes and %d labels drawn; the chart has %d nodes", len(nodes), len(labels), len(f.Nodes))
				}
				for _, o := range overlaps(nodes, labels) {
					t.Error(o)
				}
			})
		}
	}
}

// TestFlowchartLabelsApartAnyChart: the same holds of any chart, however
// busy: many edges between few nodes, cycles, edges within a layer.
func TestFlowchartLabelsApartAnyChart(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 10).Draw(t, "n")
		var f Flowchart
		for i := range n {
			f.Nodes = append(f.Nodes, Node{ID: itoa(i), Label: rapid.StringMatching(`[a-z 鳥]{1,40}`).Draw(t, "node"), Shape: Shape(rapid.IntRange(1, 5).Draw(t, "shape"))})
		}
		for range rapid.IntRange(0, 60).Draw(t, "m") {
			f.Edges = append(f.Edges, Edge{From: rapid.IntRange(0, n-1).Draw(t, "from"), To: rapid.IntRange(0, n-1).Draw(t, "to"),
				Label: rapid.StringMatching(`[a-z 鳥]{1,60}`).Draw(t, "label"), Style: EdgeStyle(rapid.IntRange(1, 5).Draw(t, "style"))})
		}
		nodes, labels := flowchartBoxes(t, FlowchartSVG(f, "t"))
		if o := overlaps(nodes, labels); len(o) > 0 {
			t.Fatal(strings.Join(o, "\n"))
		}
	})
}

// busyChart is a chart of n nodes, about n/8 layers deep, with 4n labelled
// edges: most between the layers next to each other, some skipping layers,
// some going back up.
func busyChart(n int) Flowchart {
	var f Flowchart
	for i := range n {
		f.Nodes = append(f.Nodes, Node{ID: "n" + itoa(i), Label: "post " + itoa(i), Shape: Shape(1 + i%5)})
	}
	for i := range n {
		for k, to := range []int{i + 8, i + 9, i + 17, i - 5} {
			if to >= 0 && to < n {
				f.Edges = append(f.Edges, Edge{From: i, To: to, Label: "reports to tottori:第3-" + itoa(k), Style: EdgeStyle(1 + k)})
			}
		}
	}
	return f
}

// BenchmarkFlowchartSVG draws busy charts of growing size: the time per
// edge stays about flat (the layout is n log n in the edges).
func BenchmarkFlowchartSVG(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		f := busyChart(n)
		b.Run(itoa(len(f.Edges))+"-edges", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FlowchartSVG(f, "busy")
			}
		})
	}
}
