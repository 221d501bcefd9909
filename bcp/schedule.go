package bcp

import (
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// jst is Japan time, in which the scheduled report slots are set; never
// written after initialisation.
var jst = time.FixedZone("JST", 9*3600)

// Limits on a [Window], the library's own: they bound the size of a schedule.
const (
	MinEvery  = time.Minute          // shortest interval between scheduled reports
	MaxWindow = 366 * 24 * time.Hour // longest window from detection to recovery
)

// A ReportKind tells a scheduled report from a progress report.
//
// The zero ReportKind is unset. Values are only appended.
type ReportKind uint8

// Report kinds of 統合仮想サーバ 3(4)①.
const (
	Scheduled ReportKind = 1 + iota // 定時連絡
	Progress                        // 進捗連絡
)

var reportKindTable = enum.New[ReportKind]("bcp", "report kind", "ReportKind", ErrInvalid, []enum.Name{
	Scheduled: {EN: "scheduled", JA: "定時連絡"},
	Progress:  {EN: "progress", JA: "進捗連絡"},
})

// A Change is progress on some report items at one instant: the situation,
// cause, response or expected recovery changed (統合仮想サーバ 3(4)①イ).
//
// The zero Change is not valid. Changes are comparable with ==.
type Change struct {
	At     time.Time `json:"at,omitzero"`
	Fields Fields    `json:"fields,omitzero"`
}

// A Window is what a report schedule is made from.
//
// The zero Window is not valid: it needs at least Detected and Recovered.
// Window holds a slice, so == is not defined.
type Window struct {
	// Detected is when the fault was detected; reports run from here.
	Detected time.Time `json:"detected,omitzero"`
	// Recovered is when recovery completed (for planning: the end of the
	// horizon to plan for); reports run until just before it.
	Recovered time.Time `json:"recovered,omitzero"`
	// Known is when the expected recovery time became known; zero when it
	// stays unknown for the whole window.
	Known time.Time `json:"known,omitzero"`
	// Expected is the expected recovery time once known; zero when not given.
	// It needs Known.
	Expected time.Time `json:"expected,omitzero"`
	// Every is the interval of scheduled reports once the expected recovery
	// is known, counted from Known. The source leaves it to be set "using the
	// expected recovery as a guide" (nakano 3(4)①ア b); zero means the
	// default: keep the plan's slots (the library's own choice: the one
	// frequency the plan names).
	Every time.Duration `json:"every,omitzero"`
	// Changes are the progress events, sorted by time; each gets a progress
	// report and is reflected in the next scheduled report.
	Changes []Change `json:"changes"`

	slots []time.Duration // the plan's slots, set by ReportPlan.Reports
}

// A ReportTime is one report of a schedule.
//
// The zero ReportTime is not a report. ReportTimes are comparable with ==.
type ReportTime struct {
	At   time.Time  `json:"at,omitzero"` // in Japan time
	Kind ReportKind `json:"kind,omitzero"`
	// Known reports that the expected recovery was known at the time.
	Known bool `json:"known"`
	// Fields are, for a progress report, the items that changed; for a
	// scheduled report, the items changed since the previous scheduled report
	// that it reflects.
	Fields Fields `json:"fields,omitzero"`
}

// Reports lists the reports of one fault under the plan's schedule, in time
// order (nakano 統合仮想サーバ 3(4)①):
//
//   - while the expected recovery is unknown, a scheduled report at each of
//     p.Slots each day (Japan time), whatever the progress (ア a);
//   - from Known on, scheduled reports every Every after Known, or at the
//     slots when Every is zero, and one at Expected (ア b says only to set a
//     fitting frequency with the expected recovery as the guide; the default
//     and the report at Expected are the library's reading);
//   - a progress report at each change, reflected in the next scheduled
//     report (イ); a progress report at the same instant as a scheduled one
//     comes first.
//
// A plan without slots has only progress reports while the expected
// recovery is unknown (and, with Every zero, after it too). Reports fall in
// [Detected, Recovered). The result is the only allocation. Every problem
// with the window or the slots is reported, joined; a window longer than
// [MaxWindow] or an interval shorter than [MinEvery] is refused.
func (p ReportPlan) Reports(w Window) ([]ReportTime, error) {
	w.slots = p.Slots
	if err := w.validate(); err != nil {
		return nil, err
	}
	n := 0
	w.walk(func(ReportTime) { n++ })
	out := make([]ReportTime, 0, n)
	w.walk(func(r ReportTime) { out = append(out, r) })
	return out, nil
}

func (w *Window) validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("bcp: schedule: "+format+": %w", append(args, ErrInvalid)...))
	}
	if w.Detected.IsZero() {
		bad("missing detection time")
	}
	if w.Recovered.IsZero() {
		bad("missing recovery time (for planning, the end of the horizon)")
	} else if !w.Detected.IsZero() && !w.Recovered.After(w.Detected) {
		bad("recovered at %s, not after detection at %s", w.Recovered.Format(time.RFC3339), w.Detected.Format(time.RFC3339))
	}
	if !w.Known.IsZero() && (w.Known.Before(w.Detected) || !w.Known.Before(w.Recovered)) {
		bad("expected recovery known at %s, outside the window", w.Known.Format(time.RFC3339))
	}
	if !w.Expected.IsZero() {
		if w.Known.IsZero() {
			bad("expected recovery given but not when it became known")
		} else if w.Expected.Before(w.Known) {
			bad("expected recovery %s before it became known at %s", w.Expected.Format(time.RFC3339), w.Known.Format(time.RFC3339))
		}
	}
	for i, d := range w.slots {
		if d < 0 || d >= 24*time.Hour || (i > 0 && d <= w.slots[i-1]) {
			bad("slot %d: %v: want ascending times of day", i, d)
		}
	}
	if w.Every != 0 && w.Every < MinEvery {
		bad("interval %v shorter than %v", w.Every, MinEvery)
	}
	if !w.Detected.IsZero() && w.Recovered.Sub(w.Detected) > MaxWindow {
		bad("window from %s to %s longer than %v", w.Detected.Format(time.RFC3339), w.Recovered.Format(time.RFC3339), MaxWindow)
	}
	for i, c := range w.Changes {
		if c.At.Before(w.Detected) || !c.At.Before(w.Recovered) {
			bad("change %d at %s outside the window", i, c.At.Format(time.RFC3339))
		}
		if c.Fields == 0 || uint64(c.Fields)&1 != 0 || c.Fields>>(fieldTable.Len()+1) != 0 {
			bad("change %d names no valid field", i)
		}
		if i > 0 && c.At.Before(w.Changes[i-1].At) {
			bad("change %d at %s before change %d", i, c.At.Format(time.RFC3339), i-1)
		}
	}
	return problem.Join(errs...)
}

// walk emits the reports in order.
func (w *Window) walk(emit func(ReportTime)) {
	cur := w.Detected
	ci := 0
	var pending Fields
	for {
		s, ok := w.next(cur)
		for ci < len(w.Changes) && (!ok || !w.Changes[ci].At.After(s)) {
			c := w.Changes[ci]
			emit(ReportTime{At: c.At.In(jst), Kind: Progress, Known: w.known(c.At), Fields: c.Fields})
			pending |= c.Fields
			ci++
		}
		if !ok {
			return
		}
		emit(ReportTime{At: s, Kind: Scheduled, Known: w.known(s), Fields: pending})
		pending = 0
		cur = s.Add(time.Nanosecond)
	}
}

func (w *Window) known(t time.Time) bool { return !w.Known.IsZero() && !t.Before(w.Known) }

// next returns the first scheduled instant at or after t and before
// Recovered.
func (w *Window) next(t time.Time) (time.Time, bool) {
	var s time.Time
	if !w.known(t) {
		var ok bool
		s, ok = nextSlot(t, w.slots)
		if !w.Known.IsZero() && (!ok || !s.Before(w.Known)) {
			t = w.Known
		} else {
			return s, ok && s.Before(w.Recovered)
		}
	}
	if w.Every > 0 {
		d := t.Sub(w.Known)
		k := d / w.Every
		if d%w.Every != 0 || k == 0 {
			k++
		}
		s = w.Known.Add(k * w.Every).In(jst)
	} else {
		var ok bool
		if s, ok = nextSlot(t, w.slots); !ok {
			s = w.Recovered // no slot: only the report at Expected
		}
	}
	if !w.Expected.IsZero() && !w.Expected.Before(t) && w.Expected.Before(s) {
		s = w.Expected.In(jst)
	}
	return s, s.Before(w.Recovered)
}

// nextSlot returns the first of the slots (times of day, Japan time) at or
// after t; false when there are none.
func nextSlot(t time.Time, slots []time.Duration) (time.Time, bool) {
	if len(slots) == 0 {
		return time.Time{}, false
	}
	t = t.In(jst)
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, jst)
	for {
		for _, off := range slots {
			if s := day.Add(off); !s.Before(t) {
				return s, true
			}
		}
		day = day.AddDate(0, 0, 1)
	}
}

// AllReportKinds returns every valid ReportKind in ascending order, in a fresh slice.
func AllReportKinds() []ReportKind { return reportKindTable.Values() }

// ParseReportKind returns the ReportKind named by s: its English name or Japanese label.
func ParseReportKind(s string) (ReportKind, error) { return reportKindTable.Parse(s) }

// IsValid reports whether v is a defined ReportKind (not zero, not out of range).
func (v ReportKind) IsValid() bool { return reportKindTable.Valid(v) }

// String returns the English name, e.g. "scheduled".
func (v ReportKind) String() string { return reportKindTable.String(v) }

// Label returns the plans' Japanese term.
func (v ReportKind) Label() string { return reportKindTable.Label(v) }

// Compare orders values by their number; it suits slices.SortFunc.
func (v ReportKind) Compare(w ReportKind) int { return int(v) - int(w) }

// AppendText implements [encoding.TextAppender]; an invalid ReportKind is an error.
func (v ReportKind) AppendText(b []byte) ([]byte, error) { return reportKindTable.AppendText(b, v) }

// MarshalText implements [encoding.TextMarshaler].
func (v ReportKind) MarshalText() ([]byte, error) { return reportKindTable.AppendText(nil, v) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts the English
// name or the Japanese label, and leaves v unchanged on error.
func (v *ReportKind) UnmarshalText(text []byte) error { return reportKindTable.Unmarshal(text, v) }
