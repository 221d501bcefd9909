package render

import (
	"cmp"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
)

// The diagrams are drawn as inline SVG by the library itself: the layout is
// computed here from a sequence's participants and messages or a
// flowchart's nodes and edges, so a report needs no Mermaid runtime, no
// script and no network. Text is measured in units of half an em (a Latin
// character is one, a Japanese character two) and wrapped to fit; every
// message keeps its clauses. Each SVG has a viewBox and scales to the width
// of the page.

// A Participant is one lifeline of a sequence diagram.
type Participant struct {
	ID    string // stable identifier, e.g. "r_system_administrator"
	Label string // what the diagram prints
}

// A Message is one row of a sequence diagram: an arrow from participant
// From to participant To, or a note over From when To is -1. Dashed marks
// what the plan leaves to judgement (必要に応じ).
type Message struct {
	From, To int
	Text     string
	Dashed   bool
}

// A Sequence is a sequence diagram: lifelines in order of first appearance
// and messages in time order. The zero Sequence is empty and draws an
// empty diagram.
type Sequence struct {
	Participants []Participant
	Messages     []Message
}

// SequenceOf is the drill timeline t as a sequence diagram in language l:
// one participant per actor (in the plan's words) in order of first
// appearance, a message from actor to recipient for each entry that has one
// and a note over the actor for the others, each headed by its date and time
// (Japan time) and ending in its clauses, as [drill.Timeline.Mermaid] draws it.
func SequenceOf(t drill.Timeline, l bcp.Lang) Sequence {
	var s Sequence
	w := wordsOf(t, l)
	index := map[council.Actor]int{}
	at := func(a council.Actor) int {
		if i, ok := index[a]; ok {
			return i
		}
		label := w.actor(a)
		if label == "" {
			label = pick(l, "(unspecified)", "（記載なし）")
		}
		index[a] = len(s.Participants)
		s.Participants = append(s.Participants, Participant{ID: a.String(), Label: label})
		return len(s.Participants) - 1
	}
	s.Messages = make([]Message, 0, len(t.Entries))
	for _, e := range t.Entries {
		m := Message{From: at(e.Actor), To: -1, Dashed: e.AsNeeded,
			Text: e.At.In(jst).Format("01-02 15:04") + " " + w.summaryOf(e) + " (" + e.Cites.String() + ")"}
		if e.To.IsValid() {
			m.To = at(e.To)
		}
		s.Messages = append(s.Messages, m)
	}
	return s
}

// Geometry of the drawings, in CSS pixels at 100 %.
const (
	unit     = 6.2 // width of one text unit at fontSize
	fontSize = 11
	lineH    = 14 // line height
	colW     = 180
	margin   = 12
)

// units is the width of s in text units.
func units(s string) int {
	n := 0
	for _, r := range s {
		if r < 0x1100 {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// wrap breaks s into lines of at most max units, at spaces where it can
// and anywhere else where it must; explicit line breaks are kept. It is
// linear in s.
func wrap(s string, max int) []string {
	if max < 4 {
		max = 4
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var cur strings.Builder
		w, lastSpace := 0, -1 // lastSpace: byte offset in cur after the last space
		for _, r := range para {
			rw := 1
			if r >= 0x1100 {
				rw = 2
			}
			if w+rw > max && cur.Len() > 0 {
				line := cur.String()
				if lastSpace > 0 && lastSpace < len(line) {
					if head := strings.TrimRight(line[:lastSpace], " "); head != "" {
						lines = append(lines, head)
					}
					rest := line[lastSpace:]
					cur.Reset()
					cur.WriteString(rest)
					w = units(rest)
				} else {
					lines = append(lines, strings.TrimRight(line, " "))
					cur.Reset()
					w = 0
				}
				lastSpace = -1
				if w+rw > max && cur.Len() > 0 { // the rest and r do not fit either
					lines = append(lines, strings.TrimRight(cur.String(), " "))
					cur.Reset()
					w = 0
				}
			}
			cur.WriteRune(r)
			w += rw
			if r == ' ' {
				lastSpace = cur.Len()
			}
		}
		lines = append(lines, strings.TrimRight(cur.String(), " "))
	}
	return lines
}

// esc escapes text for SVG content and attributes: well-formed XML, with
// invalid UTF-8 and the control characters XML does not allow replaced.
func esc(s string) string { return html.EscapeString(xmlText(s)) }

// xmlText replaces what XML 1.0 cannot hold: invalid UTF-8 and control
// characters other than tab, line feed and carriage return.
func xmlText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, s)
}

// svgOpen starts an SVG of the given size that scales to its container.
func svgOpen(b *strings.Builder, class, title string, w, h int) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="%s" viewBox="0 0 %d %d" width="%d" height="%d" role="img" font-family="sans-serif" font-size="%d">`, class, w, h, w, h, fontSize)
	fmt.Fprintf(b, `<title>%s</title>`, esc(title))
	b.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#333"/></marker></defs>`)
}

// text writes lines of text from (x, y), the first baseline at y.
func text(b *strings.Builder, class string, x, y int, anchor string, lines []string) {
	fmt.Fprintf(b, `<text class="%s" x="%d" y="%d" text-anchor="%s">`, class, x, y, anchor)
	for i, ln := range lines {
		dy := 0
		if i > 0 {
			dy = lineH
		}
		fmt.Fprintf(b, `<tspan x="%d" dy="%d">%s</tspan>`, x, dy, esc(ln))
	}
	b.WriteString(`</text>`)
}

// SequenceSVG draws s as an SVG sequence diagram titled title: a box per
// participant with its lifeline, and per message an arrow (dashed where
// Dashed) or a note, its text wrapped above it.
func SequenceSVG(s Sequence, title string) string {
	n := max(len(s.Participants), 1)
	x := func(i int) int { return margin + i*colW + colW/2 }
	maxUnits := (colW - 16) * 10 / int(unit*10)
	headLines := 1
	heads := make([][]string, len(s.Participants))
	for i, p := range s.Participants {
		heads[i] = wrap(p.Label, maxUnits)
		headLines = max(headLines, len(heads[i]))
	}
	headH := headLines*lineH + 14
	type row struct {
		lines    []string
		y, textY int
		x0, x1   int // arrow from x0 to x1; a note spans them
	}
	rows := make([]row, len(s.Messages))
	y := margin + headH + 16
	width := margin*2 + n*colW
	for i, m := range s.Messages {
		if m.From < 0 || m.From >= len(s.Participants) {
			continue
		}
		r := row{x0: x(m.From), x1: x(m.From)}
		if m.To >= 0 && m.To < len(s.Participants) && m.To != m.From {
			r.x1 = x(m.To)
		}
		span := r.x1 - r.x0
		if span < 0 {
			span = -span
		}
		if span == 0 { // a note: as wide as one and a half columns
			span = colW * 3 / 2
			r.x0, r.x1 = r.x0-span/2, r.x0+span/2
			if r.x0 < margin/2 {
				r.x0, r.x1 = margin/2, margin/2+span
			}
		}
		span = max(span, colW*3/2)
		r.lines = wrap(m.Text, int(float64(span-12)/unit))
		r.textY = y + lineH
		y += len(r.lines)*lineH + 6
		r.y = y
		y += 16
		rows[i] = r
		width = max(width, max(r.x0, r.x1)+margin, min(r.x0, r.x1)+span+margin)
	}
	height := y + margin
	var b strings.Builder
	svgOpen(&b, "sequence", title, width, height)
	for i := range s.Participants {
		fmt.Fprintf(&b, `<line class="lifeline" x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999" stroke-dasharray="4 3"/>`, x(i), margin+headH, x(i), height-margin)
	}
	for i := range s.Participants {
		fmt.Fprintf(&b, `<rect class="participant" x="%d" y="%d" width="%d" height="%d" rx="4" fill="#eef3fb" stroke="#3a5a8c"/>`, x(i)-colW/2+6, margin, colW-12, headH)
		text(&b, "participant-label", x(i), margin+lineH+3, "middle", heads[i])
	}
	for i, m := range s.Messages {
		r := rows[i]
		if r.lines == nil {
			continue
		}
		if r.x0 == r.x1 || m.To < 0 || m.To == m.From {
			fmt.Fprintf(&b, `<rect class="note" x="%d" y="%d" width="%d" height="%d" fill="#fffbe6" stroke="#c9a227"/>`, r.x0, r.textY-lineH+2, r.x1-r.x0, len(r.lines)*lineH+8)
			text(&b, "note-text", r.x0+6, r.textY, "start", r.lines)
			continue
		}
		dash := ""
		if m.Dashed {
			dash = ` stroke-dasharray="6 4"`
		}
		tx := min(r.x0, r.x1) + 6
		text(&b, "message-text", tx, r.textY, "start", r.lines)
		fmt.Fprintf(&b, `<line class="message" x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333" stroke-width="1.5"%s marker-end="url(#arrow)"/>`, r.x0, r.y, r.x1, r.y, dash)
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// A Shape is how a flowchart node is drawn.
type Shape uint8

// Shapes of flowchart nodes, as the escalation flow uses them.
const (
	Box        Shape = 1 + iota // a post inside the municipality
	Stadium                     // a party outside it
	Subroutine                  // a deliberating body
	Hexagon                     // a trigger
	Circle                      // a contact network
)

// An EdgeStyle is how a flowchart edge is drawn.
type EdgeStyle uint8

// Edge styles.
const (
	Solid      EdgeStyle = 1 + iota // reports to, meets
	Dotted                          // a notice, a request, a contact
	Thick                           // convenes
	Link                            // membership, without an arrow
	DottedLink                      // may stand in, without an arrow
)

// A Node is one box of a flowchart.
type Node struct {
	ID    string // its Mermaid ID: letters, digits and underscores
	Label string // may hold line breaks
	Shape Shape
	Cites council.Citations // the clauses its label quotes (a contact network's)
}

// An Edge joins two nodes of a flowchart, by index.
type Edge struct {
	From, To int
	Label    string
	Style    EdgeStyle
	Cites    council.Citations // the clauses its label quotes
}

// A Flowchart is a directed graph of labelled nodes, built from a plan
// ([EscalationFlowchart]) and printed as Mermaid ([FlowchartMermaid]) or
// drawn as SVG ([FlowchartSVG]). The zero Flowchart is empty and draws an
// empty diagram. It holds slices, so == is not defined.
type Flowchart struct {
	Title string // what it shows; Mermaid writes it as a comment
	Nodes []Node
	Edges []Edge
}

// layers ranks the nodes of f top to bottom: each node below every node
// with an edge into it, an edge that closes a cycle ignored. Linear in f.
func layers(f Flowchart) []int {
	n := len(f.Nodes)
	out := make([][]int, n)
	for k, e := range f.Edges {
		if e.From >= 0 && e.From < n && e.To >= 0 && e.To < n && e.From != e.To {
			out[e.From] = append(out[e.From], k)
		}
	}
	// Depth-first search without recursion, marking back edges.
	back := make([]bool, len(f.Edges))
	state := make([]uint8, n) // 0 new, 1 on stack, 2 done
	type frame struct{ v, next int }
	var order []int // reverse postorder
	for s := 0; s < n; s++ {
		if state[s] != 0 {
			continue
		}
		stack := []frame{{s, 0}}
		state[s] = 1
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next < len(out[top.v]) {
				k := out[top.v][top.next]
				top.next++
				w := f.Edges[k].To
				switch state[w] {
				case 0:
					state[w] = 1
					stack = append(stack, frame{w, 0})
				case 1:
					back[k] = true
				}
				continue
			}
			state[top.v] = 2
			order = append(order, top.v)
			stack = stack[:len(stack)-1]
		}
	}
	rank := make([]int, n)
	for i := len(order) - 1; i >= 0; i-- {
		v := order[i]
		for _, k := range out[v] {
			if w := f.Edges[k].To; !back[k] && rank[w] < rank[v]+1 {
				rank[w] = rank[v] + 1
			}
		}
	}
	return rank
}

// FlowchartSVG draws f as an SVG flowchart titled title: nodes in layers
// from the top (each below the nodes with edges into it, ordered in its
// layer by where those nodes stand, to keep lines short), each in its shape
// with its label wrapped, and edges as lines with arrows (dashed, thick or
// without an arrow as their style says); the labels of the edges between
// one pair of nodes are stacked in one block, which stands in the gap
// between two layers where its line crosses it (just above the target of an
// edge going down), moved aside or to another row of the gap, which grows as
// needed, so that no two blocks meet and none covers a node.
func FlowchartSVG(f Flowchart, title string) string {
	n := len(f.Nodes)
	rank := layers(f)
	edges := make([]Edge, 0, len(f.Edges))
	for _, e := range f.Edges {
		if e.From >= 0 && e.From < n && e.To >= 0 && e.To < n {
			edges = append(edges, e)
		}
	}
	const maxLabel = 30 // units
	const hgap = 56     // between nodes of a layer
	type box struct {
		lines      []string
		x, y, w, h int
		pos        float64 // place in its layer
	}
	boxes := make([]box, n)
	nLayers := 0
	for i, nd := range f.Nodes {
		lines := wrap(nd.Label, maxLabel)
		wu := 0
		for _, ln := range lines {
			wu = max(wu, units(ln))
		}
		boxes[i] = box{lines: lines, w: int(float64(wu)*unit) + 28, h: len(lines)*lineH + 16, pos: float64(i)}
		nLayers = max(nLayers, rank[i]+1)
	}
	// Order each layer by the mean place of the nodes above it with edges
	// into it (declaration order for ties and roots): one sweep down.
	byLayer := make([][]int, nLayers)
	for i := range f.Nodes {
		byLayer[rank[i]] = append(byLayer[rank[i]], i)
	}
	in := make([][]int, n)
	for _, e := range edges {
		if rank[e.From] < rank[e.To] {
			in[e.To] = append(in[e.To], e.From)
		}
	}
	key := make([]float64, n) // one slice for every layer: linear in n
	for r := range nLayers {
		layer := byLayer[r]
		for _, v := range layer {
			key[v] = boxes[v].pos
			if len(in[v]) > 0 {
				sum := 0.0
				for _, u := range in[v] {
					sum += boxes[u].pos
				}
				key[v] = sum / float64(len(in[v]))
			}
		}
		slices.SortStableFunc(layer, func(a, b int) int { return cmp.Compare(key[a], key[b]) })
		for j, v := range layer {
			boxes[v].pos = float64(j)
		}
	}
	layerW := make([]int, nLayers)
	layerH := make([]int, nLayers)
	for r, layer := range byLayer {
		for j, v := range layer {
			if j > 0 {
				layerW[r] += hgap
			}
			layerW[r] += boxes[v].w
			layerH[r] = max(layerH[r], boxes[v].h)
		}
	}
	width := 2 * margin
	for _, w := range layerW {
		width = max(width, w+2*margin)
	}
	// Edges between one pair of nodes, either way, are drawn side by side
	// and labelled in one block.
	order := make([]int, len(edges))
	for k := range order {
		order[k] = k
	}
	pair := func(e Edge) (int, int) { return min(e.From, e.To), max(e.From, e.To) }
	slices.SortStableFunc(order, func(a, b int) int {
		a0, a1 := pair(edges[a])
		b0, b1 := pair(edges[b])
		return cmp.Or(cmp.Compare(a0, b0), cmp.Compare(a1, b1))
	})
	var groups [][]int
	for start := 0; start < len(order); {
		end := start + 1
		p0, p1 := pair(edges[order[start]])
		for end < len(order) {
			q0, q1 := pair(edges[order[end]])
			if q0 != p0 || q1 != p1 {
				break
			}
			end++
		}
		groups = append(groups, order[start:end])
		start = end
	}
	// The layers stand vgap apart at least; a gap grows to hold its labels.
	const vgap = 120
	gapH := make([]int, nLayers+1) // gapH[r]: above layer r; gapH[nLayers]: below the last
	for r := 1; r < nLayers; r++ {
		gapH[r] = vgap
	}
	layerY := make([]int, nLayers)
	place := func() { // the nodes, from the layers' heights and the gaps
		y := margin
		for r, layer := range byLayer {
			y += gapH[r]
			layerY[r] = y
			x := (width - layerW[r]) / 2
			for _, v := range layer {
				boxes[v].x = x
				boxes[v].y = y + (layerH[r]-boxes[v].h)/2
				x += boxes[v].w + hgap
			}
			y += layerH[r]
		}
	}
	place()
	// line is the line of edge e, the j-th of n between its pair of nodes,
	// and the gap its label goes in: just above its target when it goes
	// down, just below its target when it goes up, just below its layer
	// when it joins two nodes of one layer.
	line := func(e Edge, j, n int) (x1, y1, x2, y2, gap int) {
		a, c := boxes[e.From], boxes[e.To]
		off := (2*j - n + 1) * 5 // side by side
		x1, y1 = a.x+a.w/2+off, a.y+a.h
		x2, y2 = c.x+c.w/2+off, c.y
		switch {
		case rank[e.To] < rank[e.From]: // upwards
			return x1, a.y, x2, c.y + c.h, rank[e.To] + 1
		case rank[e.To] == rank[e.From]: // side by side
			y1, y2 = a.y+a.h/2+off, c.y+c.h/2+off
			if c.x > a.x {
				return a.x + a.w, y1, c.x, y2, rank[e.From] + 1
			}
			return a.x, y1, c.x + c.w, y2, rank[e.From] + 1
		}
		return x1, y1, x2, y2, rank[e.To]
	}
	// Each label block goes in its gap, where no node stands, at the place
	// where its line crosses the middle of the gap. The blocks of a gap are
	// packed into at most maxRows rows, each block in the first row where it
	// lies near that place without touching the blocks before it, so that
	// no two blocks meet and none covers a node. Sorting the blocks makes
	// the packing n log n in the edges.
	const small = lineH - 3 // line height of a label
	const pad, gpad, maxRows = 6, 8, 8
	type label struct {
		lines      []string
		gap        int
		x, y, w, h int // x: the left edge; y: the top, within the gap until placed
		row        int
	}
	var labels []label
	for _, g := range groups {
		var block []string
		gap, want := -1, 0
		for j, k := range g {
			e := edges[k]
			if e.From == e.To {
				continue
			}
			x1, y1, x2, y2, gp := line(e, j, len(g))
			if gap < 0 {
				gap = gp
				top := margin // where the gap starts and ends, as placed so far
				if gp < nLayers {
					top = layerY[gp] - gapH[gp]
				} else {
					top = layerY[nLayers-1] + layerH[nLayers-1]
				}
				mid := top + vgap/2
				want = (x1 + x2) / 2
				if y2 != y1 && rank[e.From] != rank[e.To] {
					want = x1 + (x2-x1)*(mid-y1)/(y2-y1)
				}
			}
			if e.Label != "" {
				block = append(block, wrap(e.Label, 28)...)
			}
		}
		if len(block) == 0 || gap < 0 {
			continue
		}
		wu := 0
		for _, ln := range block {
			wu = max(wu, units(ln))
		}
		w, h := int(float64(wu)*0.8*unit)+8, len(block)*small+5
		labels = append(labels, label{lines: block, gap: gap, x: max(want-w/2, 2), w: w, h: h})
	}
	byGap := make([][]int, nLayers+1)
	for i := range labels {
		byGap[labels[i].gap] = append(byGap[labels[i].gap], i)
	}
	for gp, ls := range byGap {
		if len(ls) == 0 {
			continue
		}
		slices.SortStableFunc(ls, func(a, b int) int { return cmp.Compare(labels[a].x, labels[b].x) })
		var right, rowH []int // per row: where its last block ends, its height
		for _, i := range ls {
			lb := &labels[i]
			best, bestX := -1, 0
			for r := range right {
				if x := max(lb.x, right[r]+pad); x-lb.x <= lb.w/2 {
					best, bestX = r, x
					break
				}
			}
			if best < 0 && len(right) < maxRows {
				right, rowH = append(right, 0), append(rowH, 0)
				best, bestX = len(right)-1, lb.x
			}
			if best < 0 { // every row is full here: the one that ends first
				best = 0
				for r := range right {
					if right[r] < right[best] {
						best = r
					}
				}
				bestX = max(lb.x, right[best]+pad)
			}
			lb.x, lb.row = bestX, best
			right[best] = bestX + lb.w
			rowH[best] = max(rowH[best], lb.h)
		}
		rowTop := make([]int, len(rowH))
		stack := 0
		for r, rh := range rowH {
			rowTop[r] = stack
			stack += rh + pad
		}
		stack -= pad
		gapH[gp] = max(gapH[gp], stack+2*gpad)
		for _, i := range ls {
			lb := &labels[i]
			lb.y = (gapH[gp]-stack)/2 + rowTop[lb.row]
		}
	}
	place()
	height := 2 * margin
	if nLayers > 0 {
		height = layerY[nLayers-1] + layerH[nLayers-1] + gapH[nLayers] + margin
	}
	var b strings.Builder // the lines, then the nodes
	for _, g := range groups {
		for j, k := range g {
			e := edges[k]
			if e.From == e.To {
				continue
			}
			x1, y1, x2, y2, _ := line(e, j, len(g))
			attrs := ` stroke="#333" stroke-width="1.3"`
			switch e.Style {
			case Dotted, DottedLink:
				attrs += ` stroke-dasharray="5 4"`
			case Thick:
				attrs = ` stroke="#333" stroke-width="2.6"`
			}
			if e.Style != Link && e.Style != DottedLink {
				attrs += ` marker-end="url(#arrow)"`
			}
			fmt.Fprintf(&b, `<line class="edge" x1="%d" y1="%d" x2="%d" y2="%d"%s/>`, x1, y1, x2, y2, attrs)
		}
	}
	var over strings.Builder // the labels, over lines and nodes
	for _, lb := range labels {
		top := layerY[nLayers-1] + layerH[nLayers-1] // the gap below the last layer
		if lb.gap < nLayers {
			top = layerY[lb.gap] - gapH[lb.gap]
		}
		x, y := lb.x, top+lb.y
		width = max(width, x+lb.w+margin)
		fmt.Fprintf(&over, `<g class="edge-label" font-size="9"><rect x="%d" y="%d" width="%d" height="%d" rx="2" fill="#ffffff" fill-opacity="0.9" stroke="#ccc"/>`, x, y, lb.w, lb.h)
		fmt.Fprintf(&over, `<text x="%d" y="%d" text-anchor="middle">`, x+lb.w/2, y+small)
		for i, ln := range lb.lines {
			dy := 0
			if i > 0 {
				dy = small
			}
			fmt.Fprintf(&over, `<tspan x="%d" dy="%d">%s</tspan>`, x+lb.w/2, dy, esc(ln))
		}
		over.WriteString(`</text></g>`)
	}
	for i, nd := range f.Nodes {
		bx := boxes[i]
		fmt.Fprintf(&b, `<g class="node" id="node-%d">`, i)
		switch nd.Shape {
		case Stadium:
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="%d" fill="#f1f8ee" stroke="#4a7a3a"/>`, bx.x, bx.y, bx.w, bx.h, bx.h/2)
		case Subroutine:
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#fdf0e6" stroke="#a0522d"/>`, bx.x, bx.y, bx.w, bx.h)
			fmt.Fprintf(&b, `<path d="M%d,%dv%dM%d,%dv%d" stroke="#a0522d"/>`, bx.x+7, bx.y, bx.h, bx.x+bx.w-7, bx.y, bx.h)
		case Hexagon:
			d := bx.h / 2
			fmt.Fprintf(&b, `<polygon points="%d,%d %d,%d %d,%d %d,%d %d,%d %d,%d" fill="#fbeef3" stroke="#8c3a5a"/>`,
				bx.x, bx.y+d, bx.x+d, bx.y, bx.x+bx.w-d, bx.y, bx.x+bx.w, bx.y+d, bx.x+bx.w-d, bx.y+bx.h, bx.x+d, bx.y+bx.h)
		case Circle:
			fmt.Fprintf(&b, `<ellipse cx="%d" cy="%d" rx="%d" ry="%d" fill="#f3eefb" stroke="#5a3a8c"/>`, bx.x+bx.w/2, bx.y+bx.h/2, bx.w/2, bx.h/2+4)
		default:
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="#eef3fb" stroke="#3a5a8c"/>`, bx.x, bx.y, bx.w, bx.h)
		}
		text(&b, "node-label", bx.x+bx.w/2, bx.y+lineH+3, "middle", bx.lines)
		b.WriteString(`</g>`)
	}
	var out strings.Builder
	svgOpen(&out, "flowchart", title, width, height)
	out.WriteString(b.String())
	out.WriteString(over.String())
	out.WriteString(`</svg>`)
	return out.String()
}
