package threat

import (
	"errors"
	"math"
	"testing"
	"time"
)

// tottoriSwitch is tottori's level table (tottori:第3-1) written by hand as a
// switch: the floor the hot path is measured against. It returns the level of
// a fully known event, or 0 for an event the table does not grade.
func tottoriSwitch(e Event) Level {
	switch e.Kind {
	case Intrusion:
		switch e.Place {
		case PlaceUnrelated:
			return Level1
		case PlaceRelated:
			return Level2
		case PlaceProtected:
			return Level3
		}
	case UnauthorizedAccess:
		switch e.Firewall {
		case FirewallStopped:
			return Level2
		case FirewallPassed:
			return Level3
		}
	case VirusDetected:
		return Level2
	case VirusInfection, SuspiciousOperation:
		return Level3
	case Vulnerability:
		if e.Severity == SeveritySerious {
			return Level3
		}
	}
	return 0
}

// hotGraded are fully known events tottori grades, one per row of 第3-1,
// some with a source or an attribute the table does not read.
var hotGraded = []Event{
	{Kind: Intrusion, Place: PlaceUnrelated},
	{Kind: Intrusion, Place: PlaceRelated, Source: SourceLocal},
	{Kind: Intrusion, Place: PlaceProtected},
	{Kind: UnauthorizedAccess, Firewall: FirewallStopped, Source: SourceNationalCenter},
	{Kind: UnauthorizedAccess, Firewall: FirewallPassed},
	{Kind: VirusDetected, Source: SourceLocal},
	{Kind: VirusInfection},
	{Kind: SuspiciousOperation, Place: PlaceRelated},
	{Kind: Vulnerability, Severity: SeveritySerious, Source: SourceVendor},
}

// hotUngraded are fully known events tottori's table marks not covered: what
// a bulk re-grading of logs meets often.
var hotUngraded = []Event{
	{Kind: Vulnerability, Severity: SeverityOrdinary, Source: SourceAudit},
	{Kind: ErroneousAccess, Source: SourceLocal},
	{Kind: DataCorruption, Source: SourceNationalCenter},
	{Kind: ServiceDisruption},
	{Kind: FormTheftOrLoss},
	{Kind: Leak, Source: SourceOtherBody},
	{Kind: CredentialLeak},
}

// TestTottoriSwitchIsTheTable checks that the benchmark's hand-written switch
// is tottori's table: the same level as Grade for every fully known event,
// and 0 exactly where Grade reports ErrNotCovered.
func TestTottoriSwitchIsTheTable(t *testing.T) {
	s := Tottori()
	n := 0
	for _, k := range AllKinds() {
		for _, e := range completions(Event{Kind: k}, AttributesOf(AttrPlace, AttrFirewall, AttrSeverity)) {
			g, err := Grade(s, e)
			want := tottoriSwitch(e)
			switch {
			case err == nil && g.Level == want:
				n++
			case want == 0 && errors.Is(err, ErrNotCovered):
			default:
				t.Errorf("tottori:第3-1: %s: Grade = %s, %v; switch = %s", e, g.Level, err, want)
			}
		}
	}
	if n == 0 {
		t.Fatal("no event graded")
	}
	for _, e := range hotGraded {
		if tottoriSwitch(e) == 0 {
			t.Errorf("hotGraded: %s is not graded", e)
		}
	}
	for _, e := range hotUngraded {
		if tottoriSwitch(e) != 0 {
			t.Errorf("hotUngraded: %s is graded", e)
		}
	}
}

// TestHotPathAllocations pins the allocation counts of the hot path: none
// for Grade, Decide and Provisional on a graded event, and at most one (the
// error) for an event the scheme does not grade.
func TestHotPathAllocations(t *testing.T) {
	s := Tottori()
	for _, e := range hotGraded {
		for name, f := range map[string]func() error{
			"Grade":       func() error { _, err := Grade(s, e); return err },
			"Decide":      func() error { _, err := Decide(s, e); return err },
			"Provisional": func() error { _, err := Provisional(s, e); return err },
		} {
			var err error
			if allocs := testing.AllocsPerRun(100, func() { err = f() }); allocs != 0 || err != nil {
				t.Errorf("%s(%s) = %v with %v allocations; want nil and 0", name, e, err, allocs)
			}
		}
	}
	for _, e := range []Event{{Kind: Intrusion}, {Kind: UnauthorizedAccess, Source: SourceLocal}, {Kind: Vulnerability}} {
		var err error
		if allocs := testing.AllocsPerRun(100, func() { _, err = Provisional(s, e) }); allocs != 0 || err != nil {
			t.Errorf("Provisional(%s) = %v with %v allocations; want nil and 0", e, err, allocs)
		}
	}
	for _, e := range hotUngraded {
		for name, f := range map[string]func() error{
			"Grade":       func() error { _, err := Grade(s, e); return err },
			"Decide":      func() error { _, err := Decide(s, e); return err },
			"Provisional": func() error { _, err := Provisional(s, e); return err },
		} {
			var err error
			if allocs := testing.AllocsPerRun(100, func() { err = f() }); allocs > 1 || !errors.Is(err, ErrNotCovered) {
				t.Errorf("%s(%s) = %v with %v allocations; want ErrNotCovered and at most 1", name, e, err, allocs)
			}
		}
	}
}

var (
	sinkLevel    Level
	sinkGrading  Grading
	sinkResponse Response
	sinkErr      error
)

// BenchmarkHotPath compares Grade and Decide with the hand-written switch
// over the same table (tottoriSwitch) on the same events, graded and
// ungraded. Run the sub-benchmarks together and divide: Decide/graded should
// stay within 10× switch/graded, and Decide/ungraded within 2× Decide/graded.
func BenchmarkHotPath(b *testing.B) {
	s := Tottori()
	for _, set := range []struct {
		name   string
		events []Event
	}{{"graded", hotGraded}, {"ungraded", hotUngraded}} {
		evs := set.events
		b.Run("switch/"+set.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				sinkLevel = tottoriSwitch(evs[i])
				if i++; i == len(evs) {
					i = 0
				}
			}
		})
		b.Run("Grade/"+set.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				sinkGrading, sinkErr = Grade(s, evs[i])
				if i++; i == len(evs) {
					i = 0
				}
			}
		})
		b.Run("Decide/"+set.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				sinkResponse, sinkErr = Decide(s, evs[i])
				if i++; i == len(evs) {
					i = 0
				}
			}
		})
	}
}

// BenchmarkHotPathRatio measures the ratios the hot path is held to in one
// run, batch by batch, so that the load of a shared machine weighs on both
// sides alike: each iteration times a batch of the switch, of Decide on
// graded events and of Decide on ungraded ones, and the fastest batch of each
// is kept. It reports ns per call of each, decide/switch (target ≤ 10) and
// ungraded/graded (target ≤ 2).
func BenchmarkHotPathRatio(b *testing.B) {
	s := Tottori()
	const batch = 512
	graded := make([]Event, batch)
	ungraded := make([]Event, batch)
	for i := range batch {
		graded[i] = hotGraded[i%len(hotGraded)]
		ungraded[i] = hotUngraded[i%len(hotUngraded)]
	}
	best := [3]time.Duration{math.MaxInt64, math.MaxInt64, math.MaxInt64}
	keep := func(i int, start time.Time) {
		if d := time.Since(start); d < best[i] {
			best[i] = d
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		t := time.Now()
		for _, e := range graded {
			sinkLevel = tottoriSwitch(e)
		}
		keep(0, t)
		t = time.Now()
		for _, e := range graded {
			r, err := Decide(s, e)
			sinkLevel, sinkErr = r.Grading.Level, err
		}
		keep(1, t)
		t = time.Now()
		for _, e := range ungraded {
			r, err := Decide(s, e)
			sinkLevel, sinkErr = r.Grading.Level, err
		}
		keep(2, t)
	}
	per := func(i int) float64 { return float64(best[i]) / batch }
	b.ReportMetric(per(0), "switch-ns")
	b.ReportMetric(per(1), "decide-ns")
	b.ReportMetric(per(2), "ungraded-ns")
	b.ReportMetric(per(1)/per(0), "decide/switch")
	b.ReportMetric(per(2)/per(1), "ungraded/graded")
}
