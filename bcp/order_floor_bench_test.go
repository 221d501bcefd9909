package bcp

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"
)

func BenchmarkScratchFloors(b *testing.B) {
	systems := benchSystems(100_000)
	var tv, tp, ti, to time.Duration
	for b.Loop() {
		t0 := time.Now()
		s := slices.Clone(systems)
		slices.SortStableFunc(s, func(a, b System) int {
			return cmp.Or(a.Scale.Compare(b.Scale), strings.Compare(a.ID, b.ID))
		})
		t1 := time.Now()
		ps := make([]*System, len(systems))
		for i := range systems {
			ps[i] = &systems[i]
		}
		slices.SortStableFunc(ps, func(a, b *System) int {
			return cmp.Or(a.Scale.Compare(b.Scale), strings.Compare(a.ID, b.ID))
		})
		t2 := time.Now()
		type si struct {
			sc Scale
			id string
		}
		xs := make([]si, len(systems))
		for i := range systems {
			xs[i] = si{systems[i].Scale, systems[i].ID}
		}
		slices.SortStableFunc(xs, func(a, b si) int {
			return cmp.Or(a.sc.Compare(b.sc), strings.Compare(a.id, b.id))
		})
		t3 := time.Now()
		Order(systems, OrderOptions{})
		t4 := time.Now()
		tv, tp, ti, to = tv+t1.Sub(t0), tp+t2.Sub(t1), ti+t3.Sub(t2), to+t4.Sub(t3)
	}
	b.ReportMetric(float64(tv)/float64(b.N)/1e6, "ms-values")
	b.ReportMetric(float64(tp)/float64(b.N)/1e6, "ms-ptrs")
	b.ReportMetric(float64(ti)/float64(b.N)/1e6, "ms-keys")
	b.ReportMetric(float64(to)/float64(b.N)/1e6, "ms-order")
}
