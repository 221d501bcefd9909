package council

import (
	"github.com/jukiplan/jukiplan/internal/enum"
)

// Hours says when a contact over a [Network] applies: in office hours, or at
// night and on holidays (夜間・休日), when the plan tells the two apart.
//
// The zero Hours means the plan does not tell them apart: the contact
// applies at any time. Values are only ever appended. == is meaningful.
type Hours uint8

// Hours of a contact.
const (
	OfficeHours Hours = 1 + iota // 勤務時間内: in office hours
	OffHours                     // 夜間・休日: at night and on holidays (outside office hours)
)

var hoursTable = enum.New[Hours]("council", "hours", "Hours", ErrInvalid, []enum.Name{
	OfficeHours: {EN: "office-hours", JA: "勤務時間内", Aliases: []string{"開庁時間", "平日昼間"}},
	OffHours:    {EN: "off-hours", JA: "夜間・休日", Aliases: []string{"勤務時間外", "閉庁時", "夜間", "休日"}},
})

// ParseHours returns the Hours named by s: its English name or Japanese
// label.
func ParseHours(s string) (Hours, error) { return hoursTable.Parse(s) }

// AllHours returns every valid Hours in ascending order, in a fresh slice.
func AllHours() []Hours { return hoursTable.Values() }

// IsValid reports whether h is a defined Hours (any time, zero, is not).
func (h Hours) IsValid() bool { return hoursTable.Valid(h) }

// Compare orders Hours values by value; it suits slices.SortFunc.
func (h Hours) Compare(o Hours) int { return int(h) - int(o) }

// String returns the English name, e.g. "off-hours".
func (h Hours) String() string { return hoursTable.String(h) }

// Label returns the Japanese label, e.g. "夜間・休日".
func (h Hours) Label() string { return hoursTable.Label(h) }

// AppendText implements [encoding.TextAppender]; an invalid Hours is an
// error.
func (h Hours) AppendText(b []byte) ([]byte, error) { return hoursTable.AppendText(b, h) }

// MarshalText implements [encoding.TextMarshaler].
func (h Hours) MarshalText() ([]byte, error) { return hoursTable.AppendText(nil, h) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the
// English name, the Japanese label or one of its variants (勤務時間外, 夜間,
// 休日, …), and leaves h unchanged on error.
func (h *Hours) UnmarshalText(text []byte) error { return hoursTable.Unmarshal(text, h) }
