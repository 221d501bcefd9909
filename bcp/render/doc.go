// Package render words what the engine decides: it turns drill timelines
// and plans into text and diagrams, in English or Japanese and in the plan's
// own words.
//
// The engine (packages bcp and [github.com/jukiplan/jukiplan/bcp/drill])
// emits data and never prose; render builds the sentences from it with the
// plan's labels ([bcp.Vocabulary], through a [bcp.Dictionary]). Every
// function takes values and returns a string: no writer, no I/O, no state,
// and the same input gives the same output byte for byte.
//
// # Timelines
//
// [Text] renders a [drill.Timeline] as a heading and one line per entry,
// [Line] one of its entries, [Detail] what one entry states, and [Event]
// what one scenario event is.
//
// English lines are sentences: the actor is the subject, what the entry
// states (one phrase per [drill.About], in the plan's English labels) the
// predicate, then the channel and the clauses: "At level 2 or 3, the system
// administrator asks the maintenance contractor to investigate
// (tottori:第3-3(2))." Where the plan gives no English label, the line
// says the term's ID in words: an agenda item is put on the agenda under
// the plan's English title ([council.Item].TitleEN, "titleEn" in the plan
// file), else its key in words. What an event learns reads as a clause for
// the engine's attributes ("learns that the access passed the firewall")
// and as "attribute: value" for those the plan declares ("learns: stop for
// recovery: brief"). Japanese lines keep the plan's own wording.
//
// # Diagrams
//
// [Mermaid] renders a timeline as a Mermaid sequence diagram.
// [EscalationFlowchart] builds a plan's reporting chain, notices, convening
// rules and contact networks as a [Flowchart] value (nodes, edges, labels
// and the clauses they quote), which [FlowchartMermaid] prints as Mermaid
// ([EscalationFlow] does both) and [FlowchartSVG] draws.
//
// # Reports and tables
//
// [HTML] writes one self-contained report (timeline, both diagrams as SVG,
// comparison, findings, recovery order) for print and for a browser;
// [TimelineCSV], [FindingsCSV], [DiffCSV] and [OrderCSV] write tables Excel
// opens (UTF-8 with a BOM, CRLF). The SARIF 2.1.0 log of a plan's findings,
// for code scanning, is in the subpackage
// [github.com/jukiplan/jukiplan/bcp/render/sarif].
package render
