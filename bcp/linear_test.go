package bcp

// Inputs built to stress the library (issue 12) and the benchmarks that show
// it stays linear on them: each benchmark runs a size series (1×, 10×, 100×)
// and reports the cost per unit of input, which stays flat when the work is
// linear.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// manyCitations is nakano's plan with n distinct citations (and n/10
// repeats of them) added to the citation list of its first council.
func manyCitations(tb testing.TB, n int) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", "plans", "nakano.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	for i := range n + n/10 {
		fmt.Fprintf(&b, "\n          \"nakano:ICT-BCP 6(1)ア 別紙%d\",", i%n)
	}
	const list = `"cites": [`
	at := bytes.Index(data, []byte(list)) + len(list)
	return slices.Concat(data[:at], b.Bytes(), data[at:])
}

func TestManyCitationsParse(t *testing.T) {
	p, err := ParsePlan(manyCitations(t, 1000))
	if err != nil {
		t.Fatal(err)
	}
	// The repeats are dropped, the first of each kept in order.
	cs := p.Organization.Councils[0].Cites
	if cs.Len() != 1001 || cs.At(0).Clause() != "ICT-BCP 6(1)ア 別紙0" || cs.At(999).Clause() != "ICT-BCP 6(1)ア 別紙999" || cs.At(1000).Clause() != "ICT-BCP 6(1)ア" {
		t.Errorf("%d citations: %v … %v", cs.Len(), cs.At(0), cs.At(cs.Len()-1))
	}
}

// BenchmarkParsePlanCitations parses plans with 10³, 10⁴ and 10⁵
// citations in one list; ns/citation stays flat when parsing is linear.
func BenchmarkParsePlanCitations(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		data := manyCitations(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := ParsePlan(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/citation")
		})
	}
}
