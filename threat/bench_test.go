package threat

import (
	"runtime"
	"testing"
)

var benchEvents = []Event{
	{Kind: UnauthorizedAccess, Firewall: FirewallPassed, Source: SourceNationalCenter},
	{Kind: Intrusion, Place: PlaceRelated},
	{Kind: VirusDetected, Source: SourceLocal},
}

func gradeAndRespond(s *Scheme, e Event) (Response, error) {
	g, err := Grade(s, e)
	if err != nil {
		return Response{}, err
	}
	return Respond(s, g)
}

func TestGradeAndRespondDoNotAllocate(t *testing.T) {
	s := tottori()
	for _, e := range benchEvents {
		var r Response
		var err error
		allocs := testing.AllocsPerRun(100, func() { r, err = gradeAndRespond(s, e) })
		if err != nil || r.Actions.Len() == 0 {
			t.Fatalf("%s: %v", e, err)
		}
		if allocs != 0 {
			t.Errorf("Grade+Respond(%s) allocates %v times", e, allocs)
		}
	}
	for _, e := range benchEvents {
		if allocs := testing.AllocsPerRun(100, func() { _, _ = Decide(s, e) }); allocs != 0 {
			t.Errorf("Decide(%s) allocates %v times", e, allocs)
		}
	}
	rng, err := Provisional(s, Event{Kind: UnauthorizedAccess})
	if err != nil {
		t.Fatal(err)
	}
	if allocs := testing.AllocsPerRun(100, func() { _, _ = Precautions(s, rng) }); allocs != 0 {
		t.Errorf("Precautions allocates %v times", allocs)
	}
}

// BenchmarkGradeAndRespond is the embedded hot path: grade an event and look
// up its response. Besides wall-clock ns/op it reports cpu-ns/op, the CPU time
// of the benchmarking thread per operation, which stays meaningful when the
// machine is shared.
func BenchmarkGradeAndRespond(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	s := tottori()
	b.ReportAllocs()
	c0, ok := threadCPU()
	i := 0
	for b.Loop() {
		g, err := Grade(s, benchEvents[i%len(benchEvents)])
		if err != nil {
			b.Fatal(err)
		}
		r, err := Respond(s, g)
		if err != nil || r.Actions.Len() == 0 {
			b.Fatal(err)
		}
		i++
	}
	if c1, ok1 := threadCPU(); ok && ok1 && i > 0 {
		b.ReportMetric(float64(c1-c0)/float64(i), "cpu-ns/op")
	}
}

func BenchmarkGrade(b *testing.B) {
	s := kumamoto()
	e := Event{Kind: Intrusion, Place: PlaceProtected}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Grade(s, e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProvisional(b *testing.B) {
	s := tottori()
	e := Event{Kind: Intrusion}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Provisional(s, e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecide is BenchmarkGradeAndRespond through the one-step Decide.
func BenchmarkDecide(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	s := tottori()
	b.ReportAllocs()
	c0, ok := threadCPU()
	i := 0
	for b.Loop() {
		r, err := Decide(s, benchEvents[i%len(benchEvents)])
		if err != nil || r.Actions.Len() == 0 {
			b.Fatal(err)
		}
		i++
	}
	if c1, ok1 := threadCPU(); ok && ok1 && i > 0 {
		b.ReportMetric(float64(c1-c0)/float64(i), "cpu-ns/op")
	}
}
