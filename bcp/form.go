package bcp

import (
	"fmt"
	"iter"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// ErrReport is wrapped by every [*FieldError]: a report lacks a field or
// contradicts itself.
var ErrReport = problem.ErrReport

// A Field is one item of a fault report (統合仮想サーバ 3(2)).
//
// The zero Field is unset. Values are only appended.
type Field uint8

// Report fields, in the order the source lists them, then the format.
const (
	FieldOccurred         Field = 1 + iota // 発生日時
	FieldDetected                          // 覚知日時
	FieldSituation                         // 発生状況（事態、場所、概要等）
	FieldCause                             // 発生原因
	FieldResponse                          // 対応状況
	FieldExpectedRecovery                  // 復旧見込日時
	FieldFormat                            // how the report is made (ICT-BCP 7(1))
)

var fieldTable = enum.New[Field]("bcp", "field", "Field", ErrInvalid, []enum.Name{
	FieldOccurred:         {EN: "occurred", JA: "発生日時"},
	FieldDetected:         {EN: "detected", JA: "覚知日時"},
	FieldSituation:        {EN: "situation", JA: "発生状況"},
	FieldCause:            {EN: "cause", JA: "発生原因"},
	FieldResponse:         {EN: "response", JA: "対応状況"},
	FieldExpectedRecovery: {EN: "expected-recovery", JA: "復旧見込日時"},
	FieldFormat:           {EN: "format", JA: "報告手段"},
})

// A Format is how a report is made.
//
// The zero Format is unset and is rejected. Values are only appended.
type Format uint8

// Formats of ICT-BCP 7(1).
const (
	OnForm Format = 1 + iota // リスク管理・危機管理情報連絡票
	Oral                     // 口頭
	Memo                     // メモ
)

var formatTable = enum.New[Format]("bcp", "format", "Format", ErrInvalid, []enum.Name{
	OnForm: {EN: "form", JA: "所定の様式"},
	Oral:   {EN: "oral", JA: "口頭"},
	Memo:   {EN: "memo", JA: "メモ"},
})

// A Situation is what happened: the event, the place and a summary
// (発生状況（事態、場所、概要等）).
//
// The zero Situation is empty. Situations are comparable with ==.
type Situation struct {
	What    string `json:"what"`    // 事態
	Where   string `json:"where"`   // 場所
	Summary string `json:"summary"` // 概要
}

// A Report is one report on a fault of the IaaS environment (統合仮想サーバ
// 3(2)) or an information security incident (ICT-BCP 7).
//
// The zero Report is not valid. Reports are comparable with == (times compare
// with their location; use [Report.Validate] and time.Time.Equal for meaning).
type Report struct {
	// First marks the first report (第1報), which may be oral or a memo and
	// need only give the summary (ICT-BCP 7(1) 速やかにその概要を報告).
	First bool `json:"first"`
	// Format is how the report is made: oral and memo only for the first.
	Format Format `json:"format,omitzero"`
	// OccurredAt and DetectedAt are when it happened and when the ward knew.
	OccurredAt time.Time `json:"occurredAt,omitzero"`
	DetectedAt time.Time `json:"detectedAt,omitzero"`
	Situation  Situation `json:"situation,omitzero"`
	Cause      string    `json:"cause"`    // 発生原因; "調査中" and the like are fine
	Response   string    `json:"response"` // 対応状況
	// ExpectedRecovery is the expected recovery time; RecoveryUnknown says it
	// is not known yet. A full report sets exactly one.
	ExpectedRecovery time.Time `json:"expectedRecovery,omitzero"`
	RecoveryUnknown  bool      `json:"recoveryUnknown"`
}

// A FieldError is one problem with one field of a report: the module's one
// field-error shape, [council.FieldError], with Record "bcp: report", the
// [Field]'s English name as Field and the problem, which wraps [ErrReport],
// as Err: "bcp: report: situation: missing where".
type FieldError = council.FieldError

// reportProblem is the Err of a report's [*FieldError]: the problem in words,
// wrapping [ErrReport].
type reportProblem struct{ text string }

func (p *reportProblem) Error() string { return p.text }
func (p *reportProblem) Unwrap() error { return ErrReport }

// Validate names every problem of r, each a [*FieldError], joined.
//
// Every report needs a format, the detection time and a summary. A report on
// the form or any later report needs all six items of 統合仮想サーバ 3(2): the
// occurrence and detection times, the situation (event, place, summary), the
// cause, the response, and the expected recovery or that it is unknown. Only
// the first report may be oral or a memo (ICT-BCP 7(1)); it then needs no more
// than the summary and the detection time, the rest being the library's
// reading of "その概要". Times must not contradict each other: detected
// before occurred, an expected recovery before detection, or an expected
// recovery given while marked unknown.
func (r Report) Validate() error {
	var errs []error
	bad := func(f Field, format string, args ...any) {
		errs = append(errs, &FieldError{Record: "bcp: report", Field: f.String(), Err: &reportProblem{fmt.Sprintf(format, args...)}})
	}
	full := !r.First || r.Format == OnForm
	switch {
	case r.Format == 0:
		bad(FieldFormat, "missing")
	case !r.Format.IsValid():
		bad(FieldFormat, "unknown format %s", r.Format)
	case r.Format != OnForm && !r.First:
		bad(FieldFormat, "%s is allowed only for the first report", r.Format)
	}
	if r.DetectedAt.IsZero() {
		bad(FieldDetected, "missing")
	}
	if r.Situation.Summary == "" {
		bad(FieldSituation, "missing summary")
	}
	if full {
		if r.OccurredAt.IsZero() {
			bad(FieldOccurred, "missing")
		}
		if r.Situation.What == "" {
			bad(FieldSituation, "missing what happened")
		}
		if r.Situation.Where == "" {
			bad(FieldSituation, "missing where")
		}
		if r.Cause == "" {
			bad(FieldCause, "missing")
		}
		if r.Response == "" {
			bad(FieldResponse, "missing")
		}
		if r.ExpectedRecovery.IsZero() && !r.RecoveryUnknown {
			bad(FieldExpectedRecovery, "missing: give a time or mark it unknown")
		}
	}
	if !r.OccurredAt.IsZero() && !r.DetectedAt.IsZero() && r.DetectedAt.Before(r.OccurredAt) {
		bad(FieldDetected, "detected at %s, before it occurred at %s", r.DetectedAt.Format(time.RFC3339), r.OccurredAt.Format(time.RFC3339))
	}
	if !r.ExpectedRecovery.IsZero() {
		if r.RecoveryUnknown {
			bad(FieldExpectedRecovery, "given as %s but marked unknown", r.ExpectedRecovery.Format(time.RFC3339))
		}
		if !r.DetectedAt.IsZero() && r.ExpectedRecovery.Before(r.DetectedAt) {
			bad(FieldExpectedRecovery, "expected at %s, before detection at %s", r.ExpectedRecovery.Format(time.RFC3339), r.DetectedAt.Format(time.RFC3339))
		}
	}
	return problem.Join(errs...)
}

// AllFields returns every valid Field in ascending order, in a fresh slice.
func AllFields() []Field { return fieldTable.Values() }

// ParseField returns the Field named by s: its English name or Japanese label.
func ParseField(s string) (Field, error) { return fieldTable.Parse(s) }

// IsValid reports whether v is a defined Field (not zero, not out of range).
func (v Field) IsValid() bool { return fieldTable.Valid(v) }

// String returns the English name, e.g. "cause".
func (v Field) String() string { return fieldTable.String(v) }

// Label returns the plans' Japanese term.
func (v Field) Label() string { return fieldTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Field) Compare(w Field) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Field is an error.
func (v Field) AppendText(b []byte) ([]byte, error) { return fieldTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Field) MarshalText() ([]byte, error) { return fieldTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Field) UnmarshalText(text []byte) error { return fieldTable.Unmarshal(text, v) }

// Fields is a set of Field values as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Fields is empty.
type Fields uint64

// FieldsOf returns the set holding vs; invalid values are left out.
func FieldsOf(vs ...Field) Fields {
	var s Fields
	for _, v := range vs {
		s = s.With(v)
	}
	return s
}

// Has reports whether v is in the set.
func (s Fields) Has(v Field) bool { return v.IsValid() && uint64(s)&enum.Bit(v) != 0 }

// With returns the set with v added; an invalid v leaves it unchanged.
func (s Fields) With(v Field) Fields {
	if !v.IsValid() {
		return s
	}
	return s | Fields(enum.Bit(v))
}

// Without returns the set with v removed.
func (s Fields) Without(v Field) Fields { return s &^ Fields(enum.Bit(v)) }

// Union returns the values in s or t.
func (s Fields) Union(t Fields) Fields { return s | t }

// Contains reports whether every value of t is in s.
func (s Fields) Contains(t Fields) bool { return t&^s == 0 }

// Len is the number of values in the set.
func (s Fields) Len() int { return enum.Count(uint64(s)) }

// All yields the values in ascending order.
func (s Fields) All() iter.Seq[Field] { return enum.Members[Field](uint64(s)) }

// String lists the English names, e.g. "{cause}".
func (s Fields) String() string { return enum.FormatSet[Field](uint64(s)) }

// AllFormats returns every valid Format in ascending order, in a fresh slice.
func AllFormats() []Format { return formatTable.Values() }

// ParseFormat returns the Format named by s: its English name or Japanese label.
func ParseFormat(s string) (Format, error) { return formatTable.Parse(s) }

// IsValid reports whether v is a defined Format (not zero, not out of range).
func (v Format) IsValid() bool { return formatTable.Valid(v) }

// String returns the English name, e.g. "oral".
func (v Format) String() string { return formatTable.String(v) }

// Label returns the plans' Japanese term.
func (v Format) Label() string { return formatTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Format) Compare(w Format) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Format is an error.
func (v Format) AppendText(b []byte) ([]byte, error) { return formatTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Format) MarshalText() ([]byte, error) { return formatTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Format) UnmarshalText(text []byte) error { return formatTable.Unmarshal(text, v) }
