package bcp

import (
	"fmt"

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

var incidentTable = enum.New[Incident]("bcp", "incident", "Incident", ErrInvalid,
	enum.Name{EN: "fault-no-leak", JA: "情報漏洩等がない障害"},
	enum.Name{EN: "leak", JA: "情報漏えい"},
	enum.Name{EN: "specific-leak", JA: "特定個人情報の漏えい"},
)

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

// Outside is how an incident is reported outside the ward.
//
// The zero Outside reports nothing. It holds slices, so == is not defined.
type Outside struct {
	Incident Incident `json:"incident,omitzero"`
	Routes   []Route  `json:"routes,omitempty"`
	// Publication is who decides whether and how to publish (ア), and
	// Assembly who decides whether and how to report to the ward assembly
	// (イ): the mayor, for every kind of incident.
	Publication council.Actor     `json:"publication,omitzero"`
	Assembly    council.Actor     `json:"assembly,omitzero"`
	Citations   council.Citations `json:"citations,omitzero"`
}

// ReportOutside returns the outside reporting of an incident (ICT-BCP 6(3)),
// fresh on every call:
//
//   - a fault without a leak: the information systems division (情報政策推進係)
//     contacts all three of the Tokyo ICT department, NISC and the MIC office
//     (ウ, エ);
//   - a leak: the division contacts the Tokyo ICT department (オ);
//   - a leak of specific personal information: also a leak, so the route of
//     オ, and the crisis management division, told by the owning department,
//     reports to the PPC and the Tokyo general-affairs division (カ). Taking
//     both is the library's reading: カ adds to オ, it does not replace it.
//
// In every case the mayor decides on publication and on reporting to the
// assembly (ア, イ).
func ReportOutside(i Incident) (Outside, error) {
	isd := council.ByRole(council.InfoSystemsDivision)
	cite := func(c string) council.Citation { return council.Cite(council.PlanNakano, "ICT-BCP 6(3)"+c) }
	o := Outside{
		Incident:    i,
		Publication: council.ByRole(council.Mayor),
		Assembly:    council.ByRole(council.Mayor),
	}
	leak := Route{
		Reporter:  isd,
		To:        council.PartiesOf(council.TokyoICTDepartment),
		Citations: council.Cites(cite("オ")),
	}
	switch i {
	case FaultNoLeak:
		o.Routes = []Route{{
			Reporter:  isd,
			To:        council.PartiesOf(council.TokyoICTDepartment, council.NISC, council.MICOffice),
			Citations: council.Cites(cite("ウ"), cite("エ")),
		}}
	case Leak:
		o.Routes = []Route{leak}
	case SpecificLeak:
		o.Routes = []Route{leak, {
			ReportedBy: council.ByRole(council.OwningDepartmentHead),
			Reporter:   council.ByRole(council.CrisisManagementDivision),
			To:         council.PartiesOf(council.PPC, council.TokyoGeneralAffairsDivision),
			Citations:  council.Cites(cite("カ")),
		}}
	default:
		return Outside{}, fmt.Errorf("bcp: outside reporting: incident %s unset or unknown: %w", i, ErrInvalid)
	}
	cs := council.Cites(cite("ア"), cite("イ"))
	for _, r := range o.Routes {
		cs = cs.Join(r.Citations)
	}
	o.Citations = cs
	return o, nil
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
