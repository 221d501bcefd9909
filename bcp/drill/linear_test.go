package drill

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

// longOutage is nakano's IaaS down for most of a year with n-1 status
// changes after the detection, every few minutes, some of them changing the
// services still up (so the contact channels change) and the report items,
// so that the schedule holds about one report per event.
func longOutage(n int) Scenario {
	start := day(0, 7, 30)
	s := Scenario{ID: fmt.Sprint("nakano-outage-", n), Plan: council.PlanNakano, Events: make([]Event, 0, n)}
	s.Events = append(s.Events, Event{At: start, Kind: FaultDetected, By: nakanoProvider()})
	step := 300 * 24 * time.Hour / time.Duration(n)
	for i := 1; i < n; i++ {
		st := Status{Changed: bcp.FieldsOf(bcp.FieldSituation)}
		if i%2 == 0 {
			st.Up = bcp.ServicesOf(bcp.Groupware)
		}
		if i%3 == 0 {
			st.Changed = st.Changed.With(bcp.FieldResponse)
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
	tl, err := Run(bcp.Nakano(), s)
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
	d, err := NewDrill(bcp.Nakano())
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

// outageRecovered is nakano's IaaS down and recovered the next day: the
// drill orders the recovery of every system.
func outageRecovered() Scenario {
	return Scenario{ID: "nakano-recovered", Plan: council.PlanNakano, Events: []Event{
		{At: day(0, 7, 30), Kind: FaultDetected, By: nakanoProvider()},
		{At: day(1, 10, 0), Kind: Recovery},
	}}
}

// planWithSystems is nakano's plan with n systems of its own: the IaaS
// and n-1 systems hosted on it, each depending on up to two earlier ones.
func planWithSystems(n int) bcp.Plan {
	p := bcp.Nakano()
	inv := *p.Continuity.Inventory
	cites := inv.Systems[0].Citations
	systems := make([]bcp.System, n)
	systems[0] = bcp.System{ID: "iaas", Name: "基盤", Owner: "情報システム課", Kind: bcp.Platform, Scale: bcp.Large, Citations: cites}
	for i := 1; i < n; i++ {
		s := bcp.System{ID: fmt.Sprint("sys-", i), Name: fmt.Sprint("システム", i), Owner: "課", Kind: bcp.Application,
			Scale: bcp.ImpactScale(1 + i%3), Hosted: true, Citations: cites}
		for k := 1; k <= i%3 && i > 1; k++ {
			s.DependsOn = append(s.DependsOn, systems[1+(i*k*7919)%(i-1)].ID)
		}
		systems[i] = s
	}
	inv.Systems = systems
	p.Continuity.Inventory = &inv
	return p
}

// TestRunManySystems: the recovery order of an outage lists every system
// of a large inventory once.
func TestRunManySystems(t *testing.T) {
	const n = 300
	tl, err := Run(planWithSystems(n), outageRecovered())
	if err != nil {
		t.Fatal(err)
	}
	recovered := 0
	for _, e := range tl.Entries {
		if e.Act == ActRecover {
			recovered++
		}
	}
	if recovered != n {
		t.Errorf("%d systems recovered; want %d", recovered, n)
	}
}

// BenchmarkRunManySystems runs an outage under plans of 10³, 10⁴ and 10⁵
// systems: ns/system must stay flat (the drill is linear in the
// inventory; bcp's BenchmarkCollidingIDs covers parsing and Check of such
// plans with crafted IDs).
func BenchmarkRunManySystems(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			p := planWithSystems(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Run(p, outageRecovered()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/system")
		})
	}
}

// BenchmarkParseScenario parses scenarios of 10³, 10⁴ and 10⁵ events,
// marshalled from longOutage or written tersely, and reports the bytes
// allocated per byte of input, which must stay at most 15 (issue 12, as for
// ParsePlan).
func BenchmarkParseScenario(b *testing.B) {
	for _, kind := range []string{"outage", "terse"} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			b.Run(fmt.Sprint(kind, "/", n), func(b *testing.B) {
				data := terseScenario(n)
				if kind == "outage" {
					var err error
					if data, err = longOutage(n).MarshalJSON(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				var m0, m1 runtime.MemStats
				runtime.ReadMemStats(&m0)
				for b.Loop() {
					if _, err := ParseScenario(bcp.Plan{}, data); err != nil {
						b.Fatal(err)
					}
				}
				runtime.ReadMemStats(&m1)
				b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/float64(b.N*len(data)), "alloc-bytes/input-byte")
			})
		}
	}
}

// ParseScenario allocates at most 15 bytes per byte of input, on a
// scenario of many events written as tersely as the format allows.
func TestParseScenarioAllocs(t *testing.T) {
	for _, n := range []int{100, 1000} {
		data := terseScenario(n)
		if _, err := ParseScenario(bcp.Plan{}, data); err != nil {
			t.Fatal(err)
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		ParseScenario(bcp.Plan{}, data)
		runtime.ReadMemStats(&m1)
		if per := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(data)); per > 15 {
			t.Errorf("%d events: %.1f bytes allocated per byte of input; want at most 15", n, per)
		}
	}
}

// terseScenario is nakano's IaaS down with n-1 status changes written as
// tersely as the format allows: the input with the fewest bytes per event.
func terseScenario(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"id":"x","plan":"nakano","events":[{"at":"2026-04-01T09:00:00+09:00","kind":"fault-detected"}`)
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, `,{"at":"2026-04-01T09:00:00Z","kind":"status-change","status":{"impact":%d}}`, i%100)
	}
	b.WriteString("]}")
	return b.Bytes()
}
