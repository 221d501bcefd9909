package incident

import "testing"

// BenchmarkNakanoIncident runs nakano's three-day IaaS outage (five events
// over three days, fifteen scheduled and progress reports, the recovery
// order of 39 systems) through Temporal's test suite, time skipping, and
// reports the length of the workflow's history on a worker against the
// in-process frontend. Targets: under a second per incident, under 500
// history events.
func BenchmarkNakanoIncident(b *testing.B) {
	r := recorded(b)[0]
	b.ReportAllocs()
	for b.Loop() {
		if out := run(b, &Workflows{}, r.start, r.at, r.signals); out.err != nil {
			b.Fatal(out.err)
		}
	}
	h, _ := recordRun(b, &Workflows{}, r.start, r.at, r.signals)
	b.ReportMetric(float64(len(h.Events)), "history-events")
}
