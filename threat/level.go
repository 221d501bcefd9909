package threat

import (
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
)

// A Level is a threat level (脅威度) of an unauthorized act: how likely the
// event is to threaten the protected information (tottori:第3-1,
// kumamoto:4(1)(イ)). Levels are ordered: [Level1] < [Level2] < [Level3].
//
// The zero Level means "not assessed" and is rejected wherever a level is
// needed. Levels are comparable with == and ordered with < or [Level.Compare].
type Level uint8

// The three threat levels of tottori:第3-1 and kumamoto:4(1)(イ).
const (
	Level1 Level = 1 + iota // レベル1: no threat to the protected information (おそれのない事象)
	Level2                  // レベル2: a low threat (おそれの低い事象)
	Level3                  // レベル3: a high threat (おそれの高い事象)
)

var levelTable = enum.New[Level]("threat", "level", "Level", council.ErrInvalid, []enum.Name{
	Level1: {EN: "level-1", JA: "レベル1", Aliases: []string{"レベル１", "レベル 1", "1"}},
	Level2: {EN: "level-2", JA: "レベル2", Aliases: []string{"レベル２", "レベル 2", "2"}},
	Level3: {EN: "level-3", JA: "レベル3", Aliases: []string{"レベル３", "レベル 3", "3"}},
})

// AllLevels returns every valid Level in ascending order, in a fresh slice.
func AllLevels() []Level { return levelTable.Values() }

// ParseLevel returns the Level named by s: "level-2", "レベル2", "2", ….
func ParseLevel(s string) (Level, error) { return levelTable.Parse(s) }

// IsValid reports whether l is Level1, Level2 or Level3.
func (l Level) IsValid() bool { return levelTable.Valid(l) }

// String returns the English name, e.g. "level-3".
func (l Level) String() string { return levelTable.String(l) }

// Label returns the plans' Japanese term, e.g. "レベル3".
func (l Level) Label() string { return levelTable.Label(l) }

// Compare orders levels from the least to the most threatening; it suits
// slices.SortFunc. The zero Level sorts first.
func (l Level) Compare(m Level) int { return int(l) - int(m) }

// AppendText implements [encoding.TextAppender]; an invalid Level is an error.
func (l Level) AppendText(b []byte) ([]byte, error) { return levelTable.AppendText(b, l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Level) MarshalText() ([]byte, error) { return levelTable.AppendText(nil, l) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name, the Japanese label or the bare digit.
func (l *Level) UnmarshalText(text []byte) error { return levelTable.Unmarshal(text, l) }
