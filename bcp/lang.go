package bcp

import "github.com/jukiplan/jukiplan/internal/enum"

// Lang selects the language a timeline or diagram is rendered in.
// The zero Lang renders English. Values are only appended.
type Lang uint8

// Languages.
const (
	English  Lang = 1 + iota // English names (kebab-case), as the enums print
	Japanese                 // the plans' Japanese terms
)

var langTable = enum.New[Lang]("bcp", "language", "Lang", ErrInvalid,
	enum.Name{EN: "en", JA: "英語", Aliases: []string{"english"}},
	enum.Name{EN: "ja", JA: "日本語", Aliases: []string{"japanese"}},
)

// ParseLang returns the Lang named by s: "en" or "ja".
func ParseLang(s string) (Lang, error) { return langTable.Parse(s) }

// AllLangs returns every valid Lang in ascending order, in a fresh slice.
func AllLangs() []Lang { return langTable.Values() }

// IsValid reports whether l is a defined Lang.
func (l Lang) IsValid() bool { return langTable.Valid(l) }

// Compare orders Lang values by value; it suits slices.SortFunc.
func (l Lang) Compare(o Lang) int { return int(l) - int(o) }

// String returns "en" or "ja".
func (l Lang) String() string { return langTable.String(l) }

// Label returns the language's Japanese name, e.g. "日本語".
func (l Lang) Label() string { return langTable.Label(l) }

// AppendText implements [encoding.TextAppender]; an invalid Lang is an error.
func (l Lang) AppendText(b []byte) ([]byte, error) { return langTable.AppendText(b, l) }

// MarshalText implements [encoding.TextMarshaler].
func (l Lang) MarshalText() ([]byte, error) { return langTable.AppendText(nil, l) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "en", "ja", "english",
// "japanese" or the Japanese names.
func (l *Lang) UnmarshalText(text []byte) error { return langTable.Unmarshal(text, l) }
