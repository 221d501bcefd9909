package bcp

import (
	"fmt"
	"github.com/jukiplan/jukiplan/internal/duration"
	"iter"
	"time"

	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// ErrBeyondHorizons is wrapped when an outage is longer than the longest
// horizon the plans prepare for (1 week).
var ErrBeyondHorizons = problem.ErrBeyondHorizons

// A Horizon is an outage length a system-level continuity plan prepares manual
// work for: half a day, 1 day, 2-3 days (ICT-BCP 9(2)ウ) and 1 week (ICT-BCP
// 10-1-1(1): 半日、1日、2日、1週間と復旧時を区切り; its "2日" falls in 2-3 days).
//
// The zero Horizon is unset. Compare orders by length. Values are only
// appended.
type Horizon uint8

// Horizons.
const (
	HalfDay Horizon = 1 + iota // 半日: up to 12 hours
	OneDay                     // 1日: up to 24 hours
	FewDays                    // 2～3日: up to 72 hours
	OneWeek                    // 1週間: up to 7 days
)

var horizonTable = enum.New[Horizon]("bcp", "horizon", "Horizon", ErrInvalid, []enum.Name{
	HalfDay: {EN: "half-day", JA: "半日"},
	OneDay:  {EN: "one-day", JA: "1日"},
	FewDays: {EN: "few-days", JA: "2～3日", Aliases: []string{"2日", "2-3日"}},
	OneWeek: {EN: "one-week", JA: "1週間"},
})

var horizonLimits = [...]time.Duration{HalfDay: 12 * time.Hour, OneDay: 24 * time.Hour, FewDays: 72 * time.Hour, OneWeek: 7 * 24 * time.Hour}

// Limit returns the longest outage h covers, or 0 for an invalid Horizon.
func (h Horizon) Limit() time.Duration {
	if !h.IsValid() {
		return 0
	}
	return horizonLimits[h]
}

// HorizonOf returns the shortest horizon that covers an outage of length d.
// A non-positive d is an error wrapping [ErrInvalid]; one longer than a week
// wraps [ErrBeyondHorizons].
func HorizonOf(d time.Duration) (Horizon, error) {
	if d <= 0 {
		return 0, fmt.Errorf("bcp: outage of %s: not positive: %w", duration.Format(d), ErrInvalid)
	}
	for h := HalfDay; h <= OneWeek; h++ {
		if d <= horizonLimits[h] {
			return h, nil
		}
	}
	return 0, fmt.Errorf("bcp: outage of %s: longer than %s: %w", duration.Format(d), duration.Format(horizonLimits[OneWeek]), ErrBeyondHorizons)
}

// A Manual is a manual (paper) procedure that keeps a service going for
// outages up to a horizon (ICT-BCP 9(2)ウ 手作業等にて業務を継続する方法).
//
// The zero Manual is not valid. Manuals are comparable with ==.
type Manual struct {
	Horizon   Horizon `json:"horizon,omitzero"`
	Procedure string  `json:"procedure"`
}

// A SystemPlan is a system's continuity plan (個別事業継続計画) as far as
// manual continuation goes: the procedures per outage horizon (ICT-BCP 9(2)).
//
// The zero SystemPlan names no system and covers nothing. It holds a slice, so
// == is not defined.
type SystemPlan struct {
	System string   `json:"system"` // the system's ID
	Manual []Manual `json:"manual"` // procedures, any order
}

// Covered returns the horizons with at least one non-empty procedure.
func (p SystemPlan) Covered() Horizons {
	var hs Horizons
	for _, m := range p.Manual {
		if m.Procedure != "" {
			hs = hs.With(m.Horizon)
		}
	}
	return hs
}

// Gaps returns the horizons h requires that the system plan p does not cover.
func (h HorizonPlan) Gaps(p SystemPlan) Horizons { return h.Required &^ p.Covered() }

// Check names every problem with the system plan p under h, joined: a
// missing system ID, a procedure with an unknown horizon or no text, and each
// horizon h requires that p does not cover.
func (h HorizonPlan) Check(p SystemPlan) error {
	var errs []error
	if p.System == "" {
		errs = append(errs, fmt.Errorf("bcp: system plan: empty system ID: %w", ErrInvalid))
	}
	for i, m := range p.Manual {
		if !m.Horizon.IsValid() {
			errs = append(errs, fmt.Errorf("bcp: system plan %s: procedure %d: horizon %s unset or unknown: %w", problem.Value(p.System), i, m.Horizon, ErrInvalid))
		}
		if m.Procedure == "" {
			errs = append(errs, fmt.Errorf("bcp: system plan %s: procedure %d: empty: %w", problem.Value(p.System), i, ErrInvalid))
		}
	}
	for x := range h.Gaps(p).All() {
		errs = append(errs, fmt.Errorf("bcp: system plan %s: no manual procedure for %s (%s): %w", problem.Value(p.System), x, x.Label(), ErrUncovered))
	}
	return problem.Join(errs...)
}

// ErrUncovered is wrapped for each horizon a system plan does not cover.
var ErrUncovered = problem.ErrUncovered

// AllHorizons returns every valid Horizon in ascending order, in a fresh slice.
func AllHorizons() []Horizon { return horizonTable.Values() }

// ParseHorizon returns the Horizon named by s: its English name or Japanese label.
func ParseHorizon(s string) (Horizon, error) { return horizonTable.Parse(s) }

// IsValid reports whether v is a defined Horizon (not zero, not out of range).
func (v Horizon) IsValid() bool { return horizonTable.Valid(v) }

// String returns the English name, e.g. "half-day".
func (v Horizon) String() string { return horizonTable.String(v) }

// Label returns the plans' Japanese term.
func (v Horizon) Label() string { return horizonTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v Horizon) Compare(w Horizon) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid Horizon is an error.
func (v Horizon) AppendText(b []byte) ([]byte, error) { return horizonTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v Horizon) MarshalText() ([]byte, error) { return horizonTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *Horizon) UnmarshalText(text []byte) error { return horizonTable.Unmarshal(text, v) }

// Horizons is a set of Horizon values as a bitset: comparable with ==,
// zero-allocation, iterated in ascending order. The zero Horizons is empty.
type Horizons uint64

// HorizonsOf returns the set holding vs; invalid values are left out.
func HorizonsOf(vs ...Horizon) Horizons {
	var s Horizons
	for _, v := range vs {
		s = s.With(v)
	}
	return s
}

// Has reports whether v is in the set.
func (s Horizons) Has(v Horizon) bool { return v.IsValid() && uint64(s)&enum.Bit(v) != 0 }

// With returns the set with v added; an invalid v leaves it unchanged.
func (s Horizons) With(v Horizon) Horizons {
	if !v.IsValid() {
		return s
	}
	return s | Horizons(enum.Bit(v))
}

// Without returns the set with v removed.
func (s Horizons) Without(v Horizon) Horizons { return s &^ Horizons(enum.Bit(v)) }

// Union returns the values in s or t.
func (s Horizons) Union(t Horizons) Horizons { return s | t }

// Contains reports whether every value of t is in s.
func (s Horizons) Contains(t Horizons) bool { return t&^s == 0 }

// Len is the number of values in the set.
func (s Horizons) Len() int { return enum.Count(uint64(s)) }

// All yields the values in ascending order.
func (s Horizons) All() iter.Seq[Horizon] { return enum.Members[Horizon](uint64(s)) }

// String lists the English names, e.g. "{half-day}".
func (s Horizons) String() string { return enum.FormatSet[Horizon](uint64(s)) }
