package render

import (
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"

	"github.com/jukiplan/jukiplan/council"
)

// mermaidText escapes text for a Mermaid label or message: '#', ';',
// quotes and angle brackets become entity codes (so that "<level-3>" is not
// read as an HTML tag), line breaks become spaces.
func mermaidText(s string) string {
	return mermaidEscaper.Replace(s)
}

var mermaidEscaper = strings.NewReplacer("#", "#35;", ";", "#59;", `"`, "#quot;", "<", "#lt;", ">", "#gt;", "\n", " ", "\r", " ")

// mermaidID turns an English kebab-case name into a Mermaid node ID.
func mermaidID(prefix, name string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// actorID is a's Mermaid node ID, from the plan file's name for it.
func actorID(a council.Actor, w bcp.Dictionary) string {
	switch {
	case a.Role.IsValid():
		return mermaidID("r_", nodeName(w, a))
	case a.Party.IsValid():
		return mermaidID("p_", nodeName(w, a))
	}
	return "unspecified"
}

// nodeName is the name a node ID is made of: the plan file's name for x
// (its term's ID, so that a value the plan declares keeps one ID whatever
// its number), unless that ID has other characters than lower-case letters,
// digits and hyphens, which mermaidID could map onto another's: then the
// engine's name.
func nodeName(w bcp.Dictionary, x interface {
	Label() string
	String() string
}) string {
	id := w.Name(x)
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return x.String()
		}
	}
	return id
}

func actorLabel(a council.Actor, l bcp.Lang, w bcp.Dictionary) string {
	if a.IsValid() {
		return w.Label(a, l)
	}
	if l == bcp.Japanese {
		return "（記載なし）"
	}
	return "(unspecified)"
}

// Mermaid renders timeline t as a Mermaid sequence diagram in language l:
// one participant per actor in order of first appearance, a message from
// actor to recipient for each entry that has one and a note over the actor
// for the others, each headed by its date and time (Japan time) and ending in
// its citations. The output is deterministic and ends in a newline.
func Mermaid(t drill.Timeline, l bcp.Lang) string {
	x := wordsOf(t, l)
	w := x.dict
	var b strings.Builder
	b.WriteString("sequenceDiagram\n")
	fmt.Fprintf(&b, "    %%%% drill %s under %s\n", t.Scenario, t.Provenance)
	declared := map[string]bool{}
	var order []string
	declare := func(id, label string) {
		if !declared[id] {
			declared[id] = true
			order = append(order, fmt.Sprintf("    participant %s as %s\n", id, mermaidText(label)))
		}
	}
	var body []string
	for _, e := range t.Entries {
		from := actorID(e.Actor, w)
		declare(from, actorLabel(e.Actor, l, w))
		var msg strings.Builder
		msg.WriteString(e.At.In(jst).Format("01-02 15:04") + " ")
		x.summary(&msg, e)
		msg.WriteString(" (" + e.Cites.String() + ")")
		text := mermaidText(msg.String())
		if e.To.IsValid() {
			to := actorID(e.To, w)
			declare(to, actorLabel(e.To, l, w))
			arrow := "->>"
			if e.AsNeeded {
				arrow = "-->>"
			}
			body = append(body, fmt.Sprintf("    %s%s%s: %s\n", from, arrow, to, text))
		} else {
			body = append(body, fmt.Sprintf("    Note over %s: %s\n", from, text))
		}
	}
	for _, s := range order {
		b.WriteString(s)
	}
	for _, s := range body {
		b.WriteString(s)
	}
	return b.String()
}

// EscalationFlow renders plan p's escalation flow as a Mermaid flowchart in
// language l: the reporting chain (solid edges labelled with their clauses),
// the notices the plan requires per trigger (dotted edges, "as needed" where
// the plan leaves them to judgement), and for each convening rule the
// triggers that bring the body together, who requests it and who convenes and
// chairs it; then each contact network (a circle with its name and clauses),
// its members (the hub marked) and who reaches whom over it. A plan without
// an organisation gives a chart with no nodes. The
// output is deterministic and ends in a newline.
func EscalationFlow(p bcp.Plan, l bcp.Lang) string {
	return FlowchartMermaid(EscalationFlowchart(p, l))
}

// provenanceOf names the plan a timeline or diagram was made with: its
// Provenance, or its ID and version alone when it does not encode.
func provenanceOf(p bcp.Plan) bcp.Provenance {
	if pr, err := p.Provenance(); err == nil {
		return pr
	}
	return bcp.Provenance{Plan: p.ID, Version: p.Version}
}
