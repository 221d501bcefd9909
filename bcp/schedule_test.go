package bcp

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

var tJST = time.FixedZone("JST", 9*3600)

func at(day, h, m int) time.Time { return time.Date(2026, 4, day, h, m, 0, 0, tJST) }

func TestSchedule(t *testing.T) {
	sched := func(ts ...time.Time) []ReportTime {
		out := make([]ReportTime, len(ts))
		for i, x := range ts {
			out[i] = ReportTime{At: x, Kind: Scheduled}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		w    Window
		want []ReportTime
	}{
		{
			name: "nakano:統合仮想サーバ 3(4)①ア a/unknown-three-slots",
			w:    Window{Detected: at(1, 10, 0), Recovered: at(3, 9, 0)},
			want: sched(at(1, 12, 0), at(1, 16, 0), at(2, 8, 15), at(2, 12, 0), at(2, 16, 0), at(3, 8, 15)),
		},
		{
			name: "nakano:統合仮想サーバ 3(4)①ア a/slot-at-detection-included-at-recovery-excluded",
			w:    Window{Detected: at(1, 8, 15), Recovered: at(1, 16, 0)},
			want: sched(at(1, 8, 15), at(1, 12, 0)),
		},
		{
			name: "nakano:統合仮想サーバ 3(4)①ア a/utc-input",
			w:    Window{Detected: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Recovered: time.Date(2026, 4, 1, 4, 0, 0, 0, time.UTC)},
			want: sched(at(1, 12, 0)),
		},
		{
			name: "nakano:統合仮想サーバ 3(4)①ア b/default-keeps-slots-plus-expected",
			w:    Window{Detected: at(1, 9, 0), Known: at(1, 13, 0), Expected: at(1, 18, 0), Recovered: at(2, 9, 0)},
			want: []ReportTime{
				{At: at(1, 12, 0), Kind: Scheduled},
				{At: at(1, 16, 0), Kind: Scheduled, Known: true},
				{At: at(1, 18, 0), Kind: Scheduled, Known: true},
				{At: at(2, 8, 15), Kind: Scheduled, Known: true},
			},
		},
		{
			name: "nakano:統合仮想サーバ 3(4)①ア b/every-two-hours",
			w:    Window{Detected: at(1, 9, 0), Known: at(1, 13, 0), Every: 2 * time.Hour, Recovered: at(1, 19, 0)},
			want: []ReportTime{
				{At: at(1, 12, 0), Kind: Scheduled},
				{At: at(1, 15, 0), Kind: Scheduled, Known: true},
				{At: at(1, 17, 0), Kind: Scheduled, Known: true},
			},
		},
		{
			name: "nakano:統合仮想サーバ 3(4)①イ/progress-reflected-in-next-scheduled",
			w: Window{Detected: at(1, 9, 0), Recovered: at(1, 17, 0), Changes: []Change{
				{At: at(1, 10, 0), Fields: FieldsOf(FieldCause)},
				{At: at(1, 11, 0), Fields: FieldsOf(FieldResponse)},
				{At: at(1, 12, 0), Fields: FieldsOf(FieldSituation)},
				{At: at(1, 14, 0), Fields: FieldsOf(FieldExpectedRecovery)},
			}},
			want: []ReportTime{
				{At: at(1, 10, 0), Kind: Progress, Fields: FieldsOf(FieldCause)},
				{At: at(1, 11, 0), Kind: Progress, Fields: FieldsOf(FieldResponse)},
				{At: at(1, 12, 0), Kind: Progress, Fields: FieldsOf(FieldSituation)},
				{At: at(1, 12, 0), Kind: Scheduled, Fields: FieldsOf(FieldCause, FieldResponse, FieldSituation)},
				{At: at(1, 14, 0), Kind: Progress, Fields: FieldsOf(FieldExpectedRecovery)},
				{At: at(1, 16, 0), Kind: Scheduled, Fields: FieldsOf(FieldExpectedRecovery)},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := nakanoReports.Reports(tc.w)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestScheduleErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		w     Window
		wants []string
	}{
		{"empty", Window{}, []string{"missing detection", "missing recovery"}},
		{"backwards", Window{Detected: at(2, 0, 0), Recovered: at(1, 0, 0)}, []string{"not after detection"}},
		{"known-outside", Window{Detected: at(1, 0, 0), Recovered: at(2, 0, 0), Known: at(3, 0, 0)}, []string{"outside the window"}},
		{"expected-without-known", Window{Detected: at(1, 0, 0), Recovered: at(2, 0, 0), Expected: at(1, 5, 0)}, []string{"not when it became known"}},
		{"interval-too-short", Window{Detected: at(1, 0, 0), Recovered: at(2, 0, 0), Known: at(1, 1, 0), Every: time.Second}, []string{"shorter than"}},
		{"too-long", Window{Detected: at(1, 0, 0), Recovered: at(1, 0, 0).AddDate(2, 0, 0)}, []string{"longer than"}},
		{"changes", Window{Detected: at(1, 0, 0), Recovered: at(2, 0, 0), Changes: []Change{
			{At: at(1, 5, 0), Fields: FieldsOf(FieldCause)}, {At: at(1, 4, 0)}, {At: at(3, 0, 0), Fields: FieldsOf(FieldCause)},
		}}, []string{"change 1 names no valid field", "change 1 at", "before change 0", "change 2 at"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := nakanoReports.Reports(tc.w)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error = %v", err)
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func genWindow(t *rapid.T) Window {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	w := Window{Detected: base.Add(time.Duration(rapid.Int64Range(0, 365*24*60).Draw(t, "detected")) * time.Minute)}
	w.Recovered = w.Detected.Add(time.Duration(rapid.Int64Range(1, 10*24*60).Draw(t, "length")) * time.Minute)
	span := w.Recovered.Sub(w.Detected)
	if rapid.Bool().Draw(t, "known") {
		w.Known = w.Detected.Add(time.Duration(rapid.Int64Range(0, int64(span/time.Minute)-1).Draw(t, "knownAt")) * time.Minute)
		w.Every = time.Duration(rapid.SampledFrom([]int64{0, 30, 60, 240, 24 * 60}).Draw(t, "every")) * time.Minute
		if rapid.Bool().Draw(t, "expected") {
			w.Expected = w.Known.Add(time.Duration(rapid.Int64Range(0, 3*24*60).Draw(t, "expectedIn")) * time.Minute)
		}
	}
	var prev time.Duration
	for range rapid.IntRange(0, 5).Draw(t, "changes") {
		prev += time.Duration(rapid.Int64Range(0, int64(span/time.Minute)/6).Draw(t, "gap")) * time.Minute
		if prev >= span {
			break
		}
		w.Changes = append(w.Changes, Change{At: w.Detected.Add(prev), Fields: Fields(rapid.IntRange(1, 63).Draw(t, "fields") << 1)})
	}
	return w
}

func TestScheduleProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		w := genWindow(t)
		rs, err := nakanoReports.Reports(w)
		if err != nil {
			t.Fatal(err)
		}
		progress := 0
		for i, r := range rs {
			if i > 0 && r.At.Before(rs[i-1].At) {
				t.Fatalf("report %d at %v before report %d at %v", i, r.At, i-1, rs[i-1].At)
			}
			if r.At.Before(w.Detected) || !r.At.Before(w.Recovered) {
				t.Fatalf("report %d at %v outside [%v, %v)", i, r.At, w.Detected, w.Recovered)
			}
			if r.At.Location().String() != "JST" {
				t.Fatalf("report %d not in Japan time", i)
			}
			if r.Kind == Progress {
				progress++
				continue
			}
			if !r.Known {
				h, m, s := r.At.Clock()
				if !(h == 8 && m == 15 || h == 12 && m == 0 || h == 16 && m == 0) || s != 0 || r.At.Nanosecond() != 0 {
					t.Fatalf("scheduled report %d at %v while recovery unknown is not on a slot", i, r.At)
				}
				if !w.Known.IsZero() && !r.At.Before(w.Known) {
					t.Fatalf("report %d marked unknown after %v", i, w.Known)
				}
			}
		}
		if progress != len(w.Changes) {
			t.Fatalf("%d progress reports for %d changes", progress, len(w.Changes))
		}
		// Every change is reflected in the first scheduled report at or after it.
		for _, c := range w.Changes {
			for _, r := range rs {
				if r.Kind == Scheduled && !r.At.Before(c.At) {
					if !r.Fields.Contains(c.Fields) {
						t.Fatalf("change at %v (%v) not reflected in the report at %v (%v)", c.At, c.Fields, r.At, r.Fields)
					}
					break
				}
			}
		}
		// Three a day while unknown: a whole unknown day has exactly three.
		if w.Known.IsZero() && w.Recovered.Sub(w.Detected) >= 48*time.Hour {
			day, _ := nextSlot(w.Detected, nakanoSlots())
			y, m, d := day.Date()
			start := time.Date(y, m, d+1, 0, 0, 0, 0, tJST)
			n := 0
			for _, r := range rs {
				if r.Kind == Scheduled && !r.At.Before(start) && r.At.Before(start.AddDate(0, 0, 1)) {
					n++
				}
			}
			if n != 3 {
				t.Fatalf("%d scheduled reports on %v; want 3", n, start)
			}
		}
	})
}

// nakanoReports is nakano's report plan, as far as the schedule goes.
var nakanoReports = ReportPlan{Slots: nakanoSlots()}

func sevenDays() Window {
	return Window{
		Detected: at(1, 9, 30), Recovered: at(8, 9, 30),
		Changes: []Change{{At: at(2, 10, 0), Fields: FieldsOf(FieldCause)}, {At: at(4, 11, 0), Fields: FieldsOf(FieldResponse)}},
	}
}

func TestScheduleAllocsOnlyResult(t *testing.T) {
	w := sevenDays()
	if n := testing.AllocsPerRun(100, func() { nakanoReports.Reports(w) }); n != 1 {
		t.Errorf("Schedule allocates %v times; want 1 (the result)", n)
	}
	rs, _ := nakanoReports.Reports(w)
	if len(rs) != 21+2 || cap(rs) != len(rs) {
		t.Errorf("7 days: %d reports, capacity %d; want 21 scheduled and 2 progress, exact", len(rs), cap(rs))
	}
}

func BenchmarkSchedule7Days(b *testing.B) {
	w := sevenDays()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := nakanoReports.Reports(w); err != nil {
			b.Fatal(err)
		}
	}
}
