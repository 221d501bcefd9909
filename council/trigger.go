package council

import (
	"iter"

	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Trigger is what may bring a deliberating body together: a kind of event
// as the plans name it when they say when the council meets or who must be
// told. Package fault maps its outcomes onto [SeriousFault] and [AnyFault];
// package threat maps its grades onto [ThreatLevel1] … [ThreatLevel3],
// [SeriousThreat] and [UnauthorizedAct]; nakano's incident kinds map onto
// [SecurityIncident], [LargeIncident], [InfoLeak] and [SpecificInfoLeak].
//
// A trigger names one thing; it does not imply others (a serious fault is not
// looked up as a fault too): each plan's reference data lists every trigger a
// rule applies to.
//
// The zero Trigger is unset and is rejected wherever a trigger is needed.
// Values are only ever appended, never renumbered. == is meaningful.
type Trigger uint8

// Triggers named by the reference plans.
const (
	AnyFault         Trigger = 1 + iota // 障害 (tottori 第1-1(1), ino 第2条, kumiyama 第6条5項, nakano ICT-BCP 6(3)エ)
	SeriousFault                        // 重大障害: extremely serious, long stop (ino 第4条, tottori 第2-4(1))
	UnauthorizedAct                     // 不正行為 (tottori 第1-1(2), kumiyama 第6条5項, ino 第9条)
	SeriousThreat                       // 本人確認情報に重大な脅威を及ぼす恐れ (ino 第11条)
	ThreatLevel1                        // 脅威度レベル1 (tottori 第3-1, kumamoto 4(1)(イ))
	ThreatLevel2                        // 脅威度レベル2
	ThreatLevel3                        // 脅威度レベル3 (tottori 第3-6(1), kumamoto 別紙1)
	SecurityIncident                    // 情報セキュリティインシデント (nakano ICT-BCP 6(1))
	LargeIncident                       // 大規模な情報セキュリティインシデント (nakano ICT-BCP 8)
	InfoLeak                            // 情報漏えい (nakano ICT-BCP 6(3)オ)
	SpecificInfoLeak                    // 特定個人情報の漏えい (nakano ICT-BCP 6(3)カ)
	Routine                             // 平常時: normal-time deliberation (kumiyama 第6条3項)
)

var triggerTable = enum.New[Trigger]("council", "trigger", "Trigger", ErrInvalid,
	enum.Name{EN: "fault", JA: "障害"},
	enum.Name{EN: "serious-fault", JA: "重大障害"},
	enum.Name{EN: "unauthorized-act", JA: "不正行為"},
	enum.Name{EN: "serious-threat", JA: "本人確認情報に重大な脅威を及ぼす恐れ", Aliases: []string{"重大な脅威"}},
	enum.Name{EN: "threat-level-1", JA: "脅威度レベル1", Aliases: []string{"レベル1"}},
	enum.Name{EN: "threat-level-2", JA: "脅威度レベル2", Aliases: []string{"レベル2"}},
	enum.Name{EN: "threat-level-3", JA: "脅威度レベル3", Aliases: []string{"レベル3"}},
	enum.Name{EN: "security-incident", JA: "情報セキュリティインシデント"},
	enum.Name{EN: "large-incident", JA: "大規模な情報セキュリティインシデント"},
	enum.Name{EN: "info-leak", JA: "情報漏えい", Aliases: []string{"情報漏洩"}},
	enum.Name{EN: "specific-info-leak", JA: "特定個人情報の漏えい"},
	enum.Name{EN: "routine", JA: "平常時"},
)

// LevelTrigger returns the trigger for threat level n (1, 2 or 3), or the
// zero Trigger for any other n. Package threat uses it to map its levels.
func LevelTrigger(n int) Trigger {
	switch n {
	case 1:
		return ThreatLevel1
	case 2:
		return ThreatLevel2
	case 3:
		return ThreatLevel3
	}
	return 0
}

// AllTriggers returns every valid Trigger in ascending order, in a fresh slice.
func AllTriggers() []Trigger { return triggerTable.Values() }

// ParseTrigger returns the Trigger named by s: its English name or Japanese label.
func ParseTrigger(s string) (Trigger, error) { return triggerTable.Parse(s) }

// IsValid reports whether t is a defined trigger (not zero, not out of range).
func (t Trigger) IsValid() bool { return triggerTable.Valid(t) }

// String returns the English name, e.g. "serious-fault".
func (t Trigger) String() string { return triggerTable.String(t) }

// Label returns the plans' Japanese term, e.g. "重大障害".
func (t Trigger) Label() string { return triggerTable.Label(t) }

// Compare orders triggers by value; it suits slices.SortFunc.
func (t Trigger) Compare(u Trigger) int { return int(t) - int(u) }

// AppendText implements [encoding.TextAppender]; an invalid Trigger is an error.
func (t Trigger) AppendText(b []byte) ([]byte, error) { return triggerTable.AppendText(b, t) }

// MarshalText implements [encoding.TextMarshaler].
func (t Trigger) MarshalText() ([]byte, error) { return triggerTable.AppendText(nil, t) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (t *Trigger) UnmarshalText(text []byte) error { return triggerTable.Unmarshal(text, t) }

// Triggers is a set of triggers as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Triggers is empty.
type Triggers uint64

// TriggersOf returns the set holding ts; invalid triggers are left out.
func TriggersOf(ts ...Trigger) Triggers {
	var s Triggers
	for _, t := range ts {
		s = s.With(t)
	}
	return s
}

// Has reports whether t is in the set.
func (s Triggers) Has(t Trigger) bool { return t.IsValid() && uint64(s)&enum.Bit(t) != 0 }

// With returns the set with t added; an invalid t leaves it unchanged.
func (s Triggers) With(t Trigger) Triggers {
	if !t.IsValid() {
		return s
	}
	return s | Triggers(enum.Bit(t))
}

// Without returns the set with t removed.
func (s Triggers) Without(t Trigger) Triggers { return s &^ Triggers(enum.Bit(t)) }

// Union returns the triggers in s or u.
func (s Triggers) Union(u Triggers) Triggers { return s | u }

// Contains reports whether every trigger of u is in s.
func (s Triggers) Contains(u Triggers) bool { return u&^s == 0 }

// Len is the number of triggers in the set.
func (s Triggers) Len() int { return enum.Count(uint64(s)) }

// All yields the triggers in ascending order.
func (s Triggers) All() iter.Seq[Trigger] { return enum.Members[Trigger](uint64(s)) }

// String lists the triggers' English names, e.g. "{fault serious-fault}".
func (s Triggers) String() string { return enum.FormatSet[Trigger](uint64(s)) }
