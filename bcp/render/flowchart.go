package render

import (
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

// EscalationFlowchart builds plan p's escalation flow as a [Flowchart] in
// language l, the value [EscalationFlow] prints as Mermaid and
// [FlowchartSVG] draws: the reporting chain (solid edges labelled with their
// clauses), the notices the plan requires per trigger (dotted edges, "as
// needed" where the plan leaves them to judgement), and for each convening
// rule the triggers that bring the body together (hexagons), who requests
// it and who convenes and chairs it; then each contact network (a circle
// with its name and clauses), its members (the hub marked) and who reaches
// whom over it. Nodes come in the order they are first needed, edges in the
// plan's order, each once; every edge carries the clauses its label quotes.
// A plan without an organisation gives a chart with no nodes.
func EscalationFlowchart(p bcp.Plan, l bcp.Lang) Flowchart {
	f := Flowchart{Title: "escalation flow of " + provenanceOf(p).String()}
	if p.Organization == nil {
		return f
	}
	o := *p.Organization
	w := p.Vocabulary.Dictionary()
	index := map[string]int{} // node IDs, which the chart itself names: no input floods it
	type edgeKey struct {
		from, to int
		style    EdgeStyle
		label    string
	}
	edges := map[edgeKey]bool{}
	edge := func(from int, style EdgeStyle, label string, cites council.Citations, to int) {
		k := edgeKey{from, to, style, label}
		if !edges[k] {
			edges[k] = true
			f.Edges = append(f.Edges, Edge{From: from, To: to, Label: label, Style: style, Cites: cites})
		}
	}
	node := func(id string, shape Shape, label string, cites council.Citations) int {
		if i, ok := index[id]; ok {
			return i
		}
		index[id] = len(f.Nodes)
		f.Nodes = append(f.Nodes, Node{ID: id, Label: label, Shape: shape, Cites: cites})
		return len(f.Nodes) - 1
	}
	// oneLine keeps the plan's words on one line: a label's line breaks are
	// the chart's own.
	oneLine := strings.NewReplacer("\n", " ", "\r", " ").Replace
	actorNode := func(a council.Actor) int {
		if a.Party.IsValid() {
			return node(actorID(a, w), Stadium, oneLine(actorLabel(a, l, w)), council.Citations{})
		}
		return node(actorID(a, w), Box, oneLine(actorLabel(a, l, w)), council.Citations{})
	}
	name := func(en, ja string) string {
		if l == bcp.Japanese {
			return ja
		}
		return en
	}
	triggerNode := func(t council.Trigger) int {
		return node(mermaidID("t_", t.String()), Hexagon, name(phrase(triggerNamesEn[:], t), t.Label()), council.Citations{})
	}
	cited := func(label string, cs council.Citations) string { return label + " " + cs.String() }
	chief := council.ByRole(o.Chain.Chief)
	if chief.IsValid() {
		actorNode(chief)
	}
	for _, e := range o.Chain.Edges {
		from, to := actorNode(council.ByRole(e.From)), actorNode(council.ByRole(e.To))
		label := name("reports to", "報告")
		if e.Reading {
			label += name(" (library's reading)", "（本ライブラリの解釈）")
		}
		cs := council.Cites(e.Cite)
		edge(from, Solid, cited(label, cs), cs, to)
	}
	for _, n := range o.Chain.Notices {
		from := actorNode(council.ByRole(n.By))
		to := actorNode(n.To)
		var ts []string
		for t := range n.On.All() {
			ts = append(ts, name(phrase(triggerNamesEn[:], t), t.Label()))
		}
		label := strings.Join(ts, ", ")
		if n.AsNeeded {
			label += name(" (as needed)", "（必要に応じ）")
		}
		cs := council.Cites(n.Cite)
		edge(from, Dotted, cited(label, cs), cs, to)
	}
	for _, r := range o.Rules {
		if !r.Meets || !r.Body.IsValid() {
			continue
		}
		c, _ := o.Council(r.Body)
		label := oneLine(w.Label(r.Body, l))
		if c.Chair.IsValid() {
			label += name("\nchair: ", "\n議長: ") + oneLine(w.Label(c.Chair, l))
		}
		body := node(mermaidID("b_", nodeName(w, r.Body)), Subroutine, label, council.Citations{})
		for t := range r.On.All() {
			how := name("meets", "開催")
			if r.Immediately {
				how = name("meets at once", "直ちに開催")
			}
			if r.OnRequest {
				how = name("meets on request", "要請により開催")
			}
			edge(triggerNode(t), Solid, cited(how, r.Cites), r.Cites, body)
		}
		for req := range r.RequestedBy.All() {
			edge(actorNode(council.ByRole(req)), Dotted, name("requests", "要請"), council.Citations{}, body)
		}
		if c.Convener.IsValid() {
			edge(actorNode(council.ByRole(c.Convener)), Thick, name("convenes", "招集"), council.Citations{}, body)
		}
		if r.Substitute.IsValid() {
			sub := node(mermaidID("b_", nodeName(w, r.Substitute)), Subroutine, oneLine(w.Label(r.Substitute, l)), council.Citations{})
			edge(sub, DottedLink, name("may stand in", "代替可"), council.Citations{}, body)
		}
	}
	for i, nw := range o.Networks {
		net := node(fmt.Sprintf("n_%d", i), Circle, name("contact network ", "")+oneLine(nw.Name)+"\n"+nw.Cites.String(), nw.Cites)
		for _, m := range nw.Members {
			label := name("on", "構成")
			if m == nw.Keeper {
				label = name("hub", "基幹")
			}
			edge(actorNode(m), Link, label, council.Citations{}, net)
		}
		for _, lk := range nw.Links {
			cs := council.Cites(lk.Cite)
			edge(actorNode(lk.From), Dotted, cited(name("contact", "連絡"), cs), cs, actorNode(lk.To))
		}
	}
	return f
}

// Mermaid's way of drawing each shape and edge style.
var (
	mermaidShapes = [...][2]string{Box: {"[", "]"}, Stadium: {"([", "])"}, Subroutine: {"[[", "]]"}, Hexagon: {"{{", "}}"}, Circle: {"((", "))"}}
	mermaidArrows = [...]string{Solid: "-->", Dotted: "-.->", Thick: "==>", Link: "---", DottedLink: "-.-"}
)

// FlowchartMermaid prints f as a Mermaid flowchart, top down: its title as
// a comment, then its edges in order, each node declared (in order) before
// the first edge that needs it and the rest at the end; a label's line
// breaks as "<br/>", its other text escaped. A shape or style out of range
// prints as a box or a solid edge; an edge to a node f does not hold is
// left out. The output is deterministic and ends in a newline.
func FlowchartMermaid(f Flowchart) string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	if f.Title != "" {
		b.WriteString("    %% " + strings.NewReplacer("\n", " ", "\r", " ").Replace(f.Title) + "\n")
	}
	declared := 0
	declare := func(upTo int) {
		for ; declared <= upTo && declared < len(f.Nodes); declared++ {
			n := f.Nodes[declared]
			shape := mermaidShapes[Box]
			if int(n.Shape) < len(mermaidShapes) && n.Shape != 0 {
				shape = mermaidShapes[n.Shape]
			}
			lines := strings.Split(n.Label, "\n")
			for i, ln := range lines {
				lines[i] = mermaidText(ln)
			}
			// A label's line break is the one tag a label keeps.
			text := strings.ReplaceAll(strings.Join(lines, "<br/>"), "#lt;br/#gt;", "<br/>")
			fmt.Fprintf(&b, "    %s%s\"%s\"%s\n", n.ID, shape[0], text, shape[1])
		}
	}
	for _, e := range f.Edges {
		if e.From < 0 || e.From >= len(f.Nodes) || e.To < 0 || e.To >= len(f.Nodes) {
			continue
		}
		declare(max(e.From, e.To))
		arrow := mermaidArrows[Solid]
		if int(e.Style) < len(mermaidArrows) && e.Style != 0 {
			arrow = mermaidArrows[e.Style]
		}
		if e.Label == "" {
			fmt.Fprintf(&b, "    %s %s %s\n", f.Nodes[e.From].ID, arrow, f.Nodes[e.To].ID)
			continue
		}
		fmt.Fprintf(&b, "    %s %s|\"%s\"| %s\n", f.Nodes[e.From].ID, arrow, mermaidText(e.Label), f.Nodes[e.To].ID)
	}
	declare(len(f.Nodes) - 1)
	return b.String()
}
