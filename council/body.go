package council

import "github.com/jukiplan/jukiplan/internal/enum"

// A Body is a deliberating body that a plan convenes: the security council,
// an existing emergency-response structure that may stand in for it, or a
// body the plan declares.
//
// The zero Body is unset and is rejected wherever a body is needed. The
// engine names the values below; the values past them (up to 63) are a
// plan's own, declared in its vocabulary (package bcp): they print as
// "body#n" and mean something only with their plan.
type Body uint8

// Bodies the engine reasons about. Every other body (a plan's own
// committees and councils) is declared by the plan that has it, in its
// vocabulary, as a value past these.
const (
	SecurityCouncil            Body = 1 + iota // セキュリティ会議; 議長 = its chair
	EmergencyResponseStructure                 // 緊急時対応体制: may stand in for the council
)

var bodyTable = enum.New[Body]("council", "body", "Body", ErrInvalid, []enum.Name{
	SecurityCouncil:            {EN: "security-council", JA: "セキュリティ会議"},
	EmergencyResponseStructure: {EN: "emergency-response-structure", JA: "緊急時対応体制"},
}).Open(enum.MaxValue)

// AllBodies returns every valid Body in ascending order, in a fresh slice.
func AllBodies() []Body { return bodyTable.Values() }

// ParseBody returns the Body named by s: its English name or Japanese label.
func ParseBody(s string) (Body, error) { return bodyTable.Parse(s) }

// IsValid reports whether b is a defined body (not zero, not out of range).
func (b Body) IsValid() bool { return bodyTable.Valid(b) }

// String returns the English name, e.g. "security-council".
func (b Body) String() string { return bodyTable.String(b) }

// Label returns the plans' Japanese term, e.g. "セキュリティ会議".
func (b Body) Label() string { return bodyTable.Label(b) }

// Compare orders bodies by value; it suits slices.SortFunc.
func (b Body) Compare(c Body) int { return int(b) - int(c) }

// AppendText implements [encoding.TextAppender]; an invalid Body is an error.
func (b Body) AppendText(dst []byte) ([]byte, error) { return bodyTable.AppendText(dst, b) }

// MarshalText implements [encoding.TextMarshaler].
func (b Body) MarshalText() ([]byte, error) { return bodyTable.AppendText(nil, b) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label.
func (b *Body) UnmarshalText(text []byte) error { return bodyTable.Unmarshal(text, b) }
