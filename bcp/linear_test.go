package bcp

// Inputs built to stress the library (issue 12) and the benchmarks that show
// it stays linear on them: each benchmark runs a size series (1×, 10×, 100×)
// and reports the cost per unit of input, which stays flat when the work is
// linear.

import (
	"fmt"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/council"
)

// longOutage is nakano's IaaS down for most of a year with n-1 status
// changes after the detection, every few minutes, some of them changing the
// services still up (so the contact channels change) and the report items,
// so that the schedule holds about one report per event.
func longOutage(n int) Scenario {
	start := day(0, 7, 30)
	s := Scenario{ID: fmt.Sprint("nakano-outage-", n), Plan: council.PlanNakano, Events: make([]Event, 0, n)}
	s.Events = append(s.Events, Event{At: start, Kind: FaultDetected, By: council.ByParty(council.IaaSProvider)})
	step := 300 * 24 * time.Hour / time.Duration(n)
	for i := 1; i < n; i++ {
		st := Status{Changed: FieldsOf(FieldSituation)}
		if i%2 == 0 {
			st.Up = ServicesOf(Groupware)
		}
		if i%3 == 0 {
			st.Changed = st.Changed.With(FieldResponse)
		}
		s.Events = append(s.Events, Event{At: start.Add(time.Duration(i) * step), Kind: StatusChange, Status: st})
	}
	return s
}

func TestLongOutageRuns(t *testing.T) {
	s := longOutage(300)
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	tl, err := Run(Nakano(), s)
	if err != nil {
		t.Fatal(err)
	}
	// Each change before the last event gets a progress report (the last
	// event ends the reports).
	progress := 0
	for _, e := range tl.Entries {
		if e.Act == ActProgressReport {
			progress++
		}
	}
	if progress != len(s.Events)-2 {
		t.Errorf("%d progress reports for %d changes", progress, len(s.Events)-1)
	}
}

// BenchmarkDrillEvents runs drills of 10³, 10⁴ and 10⁵ events on a prepared
// Drill; ns/event stays flat when the drill is linear in its events.
func BenchmarkDrillEvents(b *testing.B) {
	d, err := NewDrill(Nakano())
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1_000, 10_000, 100_000} {
		s := longOutage(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Run(s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/event")
		})
	}
}
