package threat

import (
	"errors"
	"math"
	"strings"
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
		if e.Severity == Serious {
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
	{Kind: Vulnerability, Severity: Serious, Source: SourceVendor},
}

// hotUngraded are fully known events tottori's table marks not covered: what
// a bulk re-grading of logs meets often. They state only attributes their
// kind is graded on.
var hotUngraded = []Event{
	{Kind: Vulnerability, Severity: Ordinary, Source: SourceAudit},
	{Kind: ErroneousAccess, Source: SourceLocal},
	{Kind: DataCorruption, Source: SourceNationalCenter},
	{Kind: ServiceDisruption},
	{Kind: FormTheftOrLoss},
	{Kind: Leak, Source: SourceOtherBody},
	{Kind: CredentialLeak},
}

// hotUngradedExtra are ungraded events that also state an attribute their
// kind is not graded on: their error is built for them.
var hotUngradedExtra = []Event{
	{Kind: Vulnerability, Severity: Ordinary, Place: PlaceProtected},
	{Kind: ErroneousAccess, Firewall: FirewallPassed, Source: SourceLocal},
	{Kind: Leak, Place: PlaceRelated},
}

// TestDenseGeometry checks that the cell geometry of the dense tables
// (dense.go) matches the enumerations, so that appending a value to one
// without updating it fails here.
func TestDenseGeometry(t *testing.T) {
	for _, c := range []struct {
		name      string
		geometry  int
		values    int
		lastValid bool
	}{
		{"kinds", numKinds, len(AllActKinds()), ActKind(numKinds).IsValid() && !ActKind(numKinds).IsDeclared() && ActKind(numKinds+1).IsDeclared()},
		{"places", numPlaces, len(AllPlaces()), Place(numPlaces).IsValid() && !Place(numPlaces+1).IsValid()},
		{"firewalls", numFirewalls, len(AllFirewalls()), Firewall(numFirewalls).IsValid() && !Firewall(numFirewalls+1).IsValid()},
		{"severities", numSeverities, len(AllSeriousness()), Seriousness(numSeverities).IsValid() && !Seriousness(numSeverities+1).IsValid()},
		{"sources", numSources, len(AllSources()), Source(numSources).IsValid() && !Source(numSources+1).IsValid()},
	} {
		if c.geometry != c.values || !c.lastValid {
			t.Errorf("dense.go: %d %s in the geometry, %d in the enumeration", c.geometry, c.name, c.values)
		}
	}
}

// TestTottoriSwitchIsTheTable checks that the benchmark's hand-written switch
// is tottori's table: the same level as Grade for every fully known event,
// and 0 exactly where Grade reports ErrNotCovered.
func TestTottoriSwitchIsTheTable(t *testing.T) {
	s := tottori()
	n := 0
	for _, k := range AllActKinds() {
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
// for Grade, Decide and Provisional on a graded event or an ungraded one,
// whatever attributes it states that its kind is not graded on (the
// scheme prepares the error of every cell), under tottori's table; under
// ino's judgement none for an event that states only its kind and source,
// and one (the error) for an event stating more; and checks that each
// error still names its event and wraps ErrNotCovered.
func TestHotPathAllocations(t *testing.T) {
	type call struct {
		name string
		f    func(*Scheme, Event) error
	}
	calls := []call{
		{"Grade", func(s *Scheme, e Event) error { _, err := Grade(s, e); return err }},
		{"Decide", func(s *Scheme, e Event) error { _, err := Decide(s, e); return err }},
		{"Provisional", func(s *Scheme, e Event) error { _, err := Provisional(s, e); return err }},
	}
	s := tottori()
	for _, e := range hotGraded {
		for _, c := range calls {
			var err error
			if allocs := testing.AllocsPerRun(100, func() { err = c.f(s, e) }); allocs != 0 || err != nil {
				t.Errorf("tottori:第3-1: %s(%s) = %v with %v allocations; want nil and 0", c.name, e, err, allocs)
			}
		}
	}
	for _, e := range []Event{{Kind: Intrusion}, {Kind: UnauthorizedAccess, Source: SourceLocal}, {Kind: Vulnerability, Place: PlaceRelated}} {
		var err error
		if allocs := testing.AllocsPerRun(100, func() { _, err = Provisional(s, e) }); allocs != 0 || err != nil {
			t.Errorf("tottori:第3-1: Provisional(%s) = %v with %v allocations; want nil and 0", e, err, allocs)
		}
	}
	for _, set := range []struct {
		events []Event
		allocs float64
	}{{hotUngraded, 0}, {hotUngradedExtra, 0}} {
		for _, e := range set.events {
			for _, c := range calls {
				var err error
				allocs := testing.AllocsPerRun(100, func() { err = c.f(s, e) })
				if allocs != set.allocs {
					t.Errorf("tottori:第3-1: %s(%s) allocates %v times; want %v", c.name, e, allocs, set.allocs)
				}
				nc, ok := errors.AsType[*NotCoveredError](err)
				if !ok || !errors.Is(err, ErrNotCovered) || nc.Event != e || nc.Plan != "tottori" || nc.Rule == "" || nc.Citations.Len() == 0 {
					t.Fatalf("tottori:第3-1: %s(%s) = %v (%+v); want a *NotCoveredError for the event", c.name, e, err, nc)
				}
				if msg := err.Error(); !strings.Contains(msg, e.String()) || !strings.Contains(msg, nc.Rule) || msg != nc.Error() {
					t.Errorf("tottori:第3-1: %s(%s): message %q does not say what", c.name, e, msg)
				}
			}
		}
	}
	// ino has no levels: every event is judged, prepared or built alike.
	ino := ino()
	for _, c := range calls {
		for _, tc := range []struct {
			e      Event
			allocs float64
		}{{Event{Kind: Intrusion, Source: SourceLocal}, 0}, {Event{Kind: Leak}, 0}, {Event{Kind: Intrusion, Place: PlaceProtected}, 1}} {
			var err error
			allocs := testing.AllocsPerRun(100, func() { err = c.f(ino, tc.e) })
			nc, ok := errors.AsType[*NotCoveredError](err)
			if allocs != tc.allocs || !ok || nc.Event != tc.e || nc.Plan != "ino" || nc.Rule != "" || nc.Citations.Len() == 0 || !strings.Contains(err.Error(), "JudgeSerious") {
				t.Errorf("ino:第11条: %s(%s) = %v (%+v) with %v allocations; want the judgement error and %v", c.name, tc.e, err, nc, allocs, tc.allocs)
			}
		}
	}
	// errors.As hands out a copy: changing it changes no later error.
	e := hotUngraded[0]
	_, err := Grade(s, e)
	nc, _ := errors.AsType[*NotCoveredError](err)
	nc.Event, nc.Rule = Event{Kind: Leak}, "changed"
	_, err = Grade(s, e)
	if nc2, ok := errors.AsType[*NotCoveredError](err); !ok || nc2.Event != e || nc2.Rule == "changed" {
		t.Errorf("a changed *NotCoveredError leaked into a later one: %+v", nc2)
	}
}

var (
	sinkLevel Level
	sinkErr   error
)

// BenchmarkHotPath compares Grade and Decide with the hand-written switch
// over the same table (tottoriSwitch) on the same events: graded, ungraded,
// and ungraded stating an attribute the kind is not graded on. Each call's
// level and error are kept, as a caller would. BenchmarkHotPathRatio gives
// the ratios on a shared machine.
func BenchmarkHotPath(b *testing.B) {
	s := tottori()
	for _, set := range []struct {
		name   string
		events []Event
	}{{"graded", hotGraded}, {"ungraded", hotUngraded}, {"ungraded-extra", hotUngradedExtra}} {
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
				g, err := Grade(s, evs[i])
				sinkLevel, sinkErr = g.Level, err
				if i++; i == len(evs) {
					i = 0
				}
			}
		})
		b.Run("Decide/"+set.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				r, err := Decide(s, evs[i])
				sinkLevel, sinkErr = r.Grading.Level, err
				if i++; i == len(evs) {
					i = 0
				}
			}
		})
		b.Run("Provisional/"+set.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				r, err := Provisional(s, evs[i])
				sinkLevel, sinkErr = r.Max, err
				if i++; i == len(evs) {
					i = 0
				}
			}
		})
	}
}

// decideByValue is Decide called through a func value, which the compiler
// does not inline: what a caller pays that holds Decide in a variable or an
// interface.
var decideByValue = Decide

// BenchmarkHotPathRatio measures the ratios the hot path is held to in one
// run, batch by batch, so that the load of a shared machine weighs on every
// side alike: each iteration times a batch of the switch on graded events,
// of Grade and Decide on graded events, of Decide on ungraded and
// ungraded-extra events (see BenchmarkHotPath), and of Decide through a func
// value on graded events, and the fastest batch of each is kept. It reports
// ns per call of each, grade/switch and decide/switch (target ≤ 10), and
// ungraded/graded and ungraded-extra/graded for Decide (target ≤ 2).
func BenchmarkHotPathRatio(b *testing.B) {
	s := tottori()
	const batch = 512
	fill := func(from []Event) []Event {
		out := make([]Event, batch)
		for i := range out {
			out[i] = from[i%len(from)]
		}
		return out
	}
	graded, ungraded, extra := fill(hotGraded), fill(hotUngraded), fill(hotUngradedExtra)
	var best [6]time.Duration
	for i := range best {
		best[i] = math.MaxInt64
	}
	var start time.Time
	keep := func(i int) {
		if d := time.Since(start); d < best[i] {
			best[i] = d
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		start = time.Now()
		for _, e := range graded {
			sinkLevel = tottoriSwitch(e)
		}
		keep(0)
		start = time.Now()
		for _, e := range graded {
			g, err := Grade(s, e)
			sinkLevel, sinkErr = g.Level, err
		}
		keep(1)
		start = time.Now()
		for _, e := range graded {
			r, err := Decide(s, e)
			sinkLevel, sinkErr = r.Grading.Level, err
		}
		keep(2)
		start = time.Now()
		for _, e := range ungraded {
			r, err := Decide(s, e)
			sinkLevel, sinkErr = r.Grading.Level, err
		}
		keep(3)
		start = time.Now()
		for _, e := range extra {
			r, err := Decide(s, e)
			sinkLevel, sinkErr = r.Grading.Level, err
		}
		keep(4)
		start = time.Now()
		for _, e := range graded {
			r, err := decideByValue(s, e)
			sinkLevel, sinkErr = r.Grading.Level, err
		}
		keep(5)
	}
	per := func(i int) float64 { return float64(best[i]) / batch }
	b.ReportMetric(per(0), "switch-ns")
	b.ReportMetric(per(1), "grade-ns")
	b.ReportMetric(per(2), "decide-ns")
	b.ReportMetric(per(3), "ungraded-ns")
	b.ReportMetric(per(4), "ungraded-extra-ns")
	b.ReportMetric(per(5), "decide-by-value-ns")
	b.ReportMetric(per(1)/per(0), "grade/switch")
	b.ReportMetric(per(2)/per(0), "decide/switch")
	b.ReportMetric(per(3)/per(2), "ungraded/graded")
	b.ReportMetric(per(4)/per(2), "ungraded-extra/graded")
}

// TestNotCoveredPrepared checks that a levelled scheme prepares the error
// of every event of the engine's kinds it reports not covered (dense.go,
// prepareNotCovered): for every valid event of tottori's and kumamoto's
// kinds, each value of each attribute and source, Grade and Provisional
// report not covered without allocating, with the event itself.
func TestNotCoveredPrepared(t *testing.T) {
	for _, s := range []*Scheme{tottori(), kumamoto()} {
		n := 0
		for _, k := range AllActKinds() {
			for _, e := range completions(Event{Kind: k}, AttributesOf(AttrPlace, AttrFirewall, AttrSeverity)) {
				for src := range Source(numSources + 1) {
					e.Source = src
					for name, f := range map[string]func() error{
						"Grade":       func() error { _, err := Grade(s, e); return err },
						"Provisional": func() error { _, err := Provisional(s, e); return err },
					} {
						if !errors.Is(f(), ErrNotCovered) {
							continue
						}
						n++
						var err error
						allocs := testing.AllocsPerRun(1, func() { err = f() })
						if nc, ok := errors.AsType[*NotCoveredError](err); allocs != 0 || !ok || nc.Event != e || nc.Plan != s.Plan() {
							t.Errorf("%s: %s(%s) = %v (%+v) with %v allocations; want its not-covered error and none", s.Plan(), name, e, err, nc, allocs)
						}
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no event reported not covered", s.Plan())
		}
	}
}
