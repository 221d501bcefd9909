package bcp

import (
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// An Incident is the kind of information security incident that decides the
// reporting routes outside the ward (ICT-BCP 6(3)).
//
// The zero Incident is unset. Values are only appended.
type Incident uint8

// Incident kinds of ICT-BCP 6(3)エ-カ.
const (
	FaultNoLeak  Incident = 1 + iota // 情報漏洩等がないネットワークや情報システムに関する障害 (エ)
	Leak                             // 情報漏えい (オ)
	SpecificLeak                     // 特定個人情報の漏えい事案等 (カ)
)

var incidentTable = enum.New[Incident]("bcp", "incident", "Incident", ErrInvalid, []enum.Name{
	FaultNoLeak:  {EN: "fault-no-leak", JA: "漏えいのない障害"},
	Leak:         {EN: "leak", JA: "情報漏えい"},
	SpecificLeak: {EN: "specific-leak", JA: "特定個人情報の漏えい"},
})

// A Route is one reporting line to bodies outside the ward.
//
// The zero Route is not a route. Route holds [council.Citations], so == is not
// defined.
type Route struct {
	// ReportedBy is who first reports to Reporter inside the ward, or the
	// zero Actor when Reporter acts on its own knowledge.
	ReportedBy council.Actor `json:"reportedBy,omitzero"`
	// Reporter is who contacts the bodies.
	Reporter council.Actor `json:"reporter,omitzero"`
	// To are the bodies contacted, all of them.
	To        council.Parties   `json:"to,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// Outside is how an incident is reported outside the ward. A plan lists one
// per [Incident] in its continuity part; nakano's file (ICT-BCP 6(3)) gives
// a leak of specific personal information both the route of a leak and its
// own, the library's reading that カ adds to オ rather than replacing it.
//
// The zero Outside reports nothing. It holds slices, so == is not defined.
type Outside struct {
	Incident Incident `json:"incident,omitzero"`
	Routes   []Route  `json:"routes,omitempty"`
	// Publication is who decides whether and how to publish (ア), and
	// Assembly who decides whether and how to report to the ward assembly
	// (イ): the mayor, for every kind of incident.
	Publication council.Actor `json:"publication,omitzero"`
	Assembly    council.Actor `json:"assembly,omitzero"`
	// Decision says what Publication and Assembly decide, in the plan's
	// words (nakano names its ward assembly); a drill lists it for a fault
	// without a leak. Empty, the drill says it in the engine's words.
	Decision  string            `json:"decision,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// AllIncidents returns every valid Incident in ascending order, in a fresh slice.
func AllIncidents() []Incident { return incidentTable.Values() }

// ParseIncident returns the Incident named by s: its English name or Japanese label.
func ParseIncident(s string) (Incident, error) { return incidentTable.Parse(s) }

// IsValid reports whether v is a defined Incident (not zero, not out of range).
func (v Incident) IsValid() bool { return incidentTable.Valid(v) }

// String returns the English name, e.g. "leak".
func (v Incident) String() string { return incidentTable.String(v) }

// Label returns the plans' Japanese term.
func (v Incident) Label() string { return incidentTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Incident) Compare(w Incident) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Incident is an error.
func (v Incident) AppendText(b []byte) ([]byte, error) { return incidentTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Incident) MarshalText() ([]byte, error) { return incidentTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Incident) UnmarshalText(text []byte) error { return incidentTable.Unmarshal(text, v) }
