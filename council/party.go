package council

import (
	"iter"

	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Party is a body outside the municipality's own organisation that a plan
// reports to, asks for help or informs.
//
// The zero Party is unset and is rejected wherever a party is needed. The
// engine names the values below; the values past them (up to 63) are a
// plan's own, declared in its vocabulary (package bcp): they print as
// "party#n" and mean something only with their plan.
type Party uint8

// Parties the engine reasons about: the functions the plans share
// (shared/domain/GLOSSARY.md). Every other party is declared by the plan that
// has it, in its vocabulary, as a value past these.
const (
	NationalCenter        Party = 1 + iota // 全国センター, run by J-LIS
	JLIS                                   // 地方公共団体情報システム機構
	Prefecture                             // 県 (県市町村振興課)
	RelatedMunicipalities                  // 関係市町村
	Carrier                                // 通信事業者
	Contractor                             // 保守委託事業者
	Police                                 // 警察
	RelatedBodies                          // 関係機関
	NetworkOwner                           // ネットワーク管理部門: the department that manages a network (fault.ByNetworkOwner)
	OtherLocalGovernments                  // 他の地方公共団体: a source of reports (threat.SourceOtherBody)
)

var partyTable = enum.New[Party]("council", "party", "Party", ErrInvalid, []enum.Name{
	NationalCenter:        {EN: "national-center", JA: "全国センター", Aliases: []string{"住基ネット全国センター"}},
	JLIS:                  {EN: "j-lis", JA: "地方公共団体情報システム機構", Aliases: []string{"J-LIS", "JLIS"}},
	Prefecture:            {EN: "prefecture", JA: "県", Aliases: []string{"県市町村振興課"}},
	RelatedMunicipalities: {EN: "related-municipalities", JA: "関係市町村"},
	Carrier:               {EN: "carrier", JA: "通信事業者"},
	Contractor:            {EN: "contractor", JA: "保守委託事業者", Aliases: []string{"運用保守委託事業者", "maintenance-contractor"}},
	Police:                {EN: "police", JA: "警察"},
	RelatedBodies:         {EN: "related-bodies", JA: "関係機関"},
	NetworkOwner:          {EN: "network-owner", JA: "ネットワーク管理部門"},
	OtherLocalGovernments: {EN: "other-local-governments", JA: "他の地方公共団体"},
}).Open(enum.MaxValue)

// AllParties returns every valid Party in ascending order, in a fresh slice.
func AllParties() []Party { return partyTable.Values() }

// ParseParty returns the Party named by s: its English name or Japanese label.
func ParseParty(s string) (Party, error) { return partyTable.Parse(s) }

// IsValid reports whether p is a defined party (not zero, not out of range).
func (p Party) IsValid() bool { return partyTable.Valid(p) }

// String returns the English name, e.g. "national-center".
func (p Party) String() string { return partyTable.String(p) }

// Label returns the plans' Japanese term, e.g. "全国センター".
func (p Party) Label() string { return partyTable.Label(p) }

// Compare orders parties by value; it suits slices.SortFunc.
func (p Party) Compare(q Party) int { return int(p) - int(q) }

// AppendText implements [encoding.TextAppender]; an invalid Party is an error.
func (p Party) AppendText(b []byte) ([]byte, error) { return partyTable.AppendText(b, p) }

// MarshalText implements [encoding.TextMarshaler].
func (p Party) MarshalText() ([]byte, error) { return partyTable.AppendText(nil, p) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (p *Party) UnmarshalText(text []byte) error { return partyTable.Unmarshal(text, p) }

// Parties is a set of parties as a bitset: comparable with ==, zero-allocation,
// iterated in ascending order. The zero Parties is empty.
type Parties uint64

// PartiesOf returns the set holding ps; invalid parties are left out.
func PartiesOf(ps ...Party) Parties {
	var s Parties
	for _, p := range ps {
		s = s.With(p)
	}
	return s
}

// Has reports whether p is in the set.
func (s Parties) Has(p Party) bool { return p.IsValid() && uint64(s)&enum.Bit(p) != 0 }

// With returns the set with p added; an invalid p leaves it unchanged.
func (s Parties) With(p Party) Parties {
	if !p.IsValid() {
		return s
	}
	return s | Parties(enum.Bit(p))
}

// Without returns the set with p removed.
func (s Parties) Without(p Party) Parties { return s &^ Parties(enum.Bit(p)) }

// Union returns the parties in s or t.
func (s Parties) Union(t Parties) Parties { return s | t }

// Contains reports whether every party of t is in s.
func (s Parties) Contains(t Parties) bool { return t&^s == 0 }

// Len is the number of parties in the set.
func (s Parties) Len() int { return enum.Count(uint64(s)) }

// All yields the parties in ascending order.
func (s Parties) All() iter.Seq[Party] { return enum.Members[Party](uint64(s)) }

// String lists the parties' English names, e.g. "{national-center police}".
func (s Parties) String() string { return enum.FormatSet[Party](uint64(s)) }
