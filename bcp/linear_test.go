package bcp

// Inputs built to stress the library (issue 12) and the benchmarks that show
// it stays linear on them: each benchmark runs a size series (1×, 10×, 100×)
// and reports the cost per unit of input, which stays flat when the work is
// linear.

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
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
	s.Events = append(s.Events, Event{At: start, Kind: FaultDetected, By: nakanoProvider()})
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
	data, err := os.ReadFile(filepath.Join("reference", "nakano.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	for i := range n + n/10 {
		fmt.Fprintf(&b, "\n          \"nakano:ICT-BCP 6(1)ア 別紙%d\",", i%n)
	}
	const list = `"cites": [`
	at := pastVocabulary(string(data))
	at += bytes.Index(data[at:], []byte(list)) + len(list)
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

// BenchmarkOrderVsSort is Order on 10⁵ systems next to its floor, a stable
// sort of a copy of the same systems by (scale, ID): the order must stay
// within 1.5× the sort (issue 12). "sort" and "order" time each alone;
// "ratio" runs them in turn in one loop, so that both see the same machine
// load, and reports order-time/sort-time in wall time and, where measured,
// in the process's CPU time (steadier on a busy machine).
func BenchmarkOrderVsSort(b *testing.B) {
	systems := benchSystems(100_000)
	floor := func() {
		s := slices.Clone(systems)
		slices.SortStableFunc(s, func(a, b System) int {
			return cmp.Or(a.Scale.Compare(b.Scale), strings.Compare(a.ID, b.ID))
		})
	}
	order := func() {
		if _, err := Order(systems, OrderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("sort", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			floor()
		}
	})
	b.Run("order", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			order()
		}
	})
	b.Run("ratio", func(b *testing.B) {
		var ws, wo, cs, co time.Duration
		for b.Loop() {
			c0, t0 := processCPU(), time.Now()
			floor()
			c1, t1 := processCPU(), time.Now()
			order()
			c2, t2 := processCPU(), time.Now()
			ws, wo, cs, co = ws+t1.Sub(t0), wo+t2.Sub(t1), cs+c1-c0, co+c2-c1
		}
		b.ReportMetric(float64(wo)/float64(ws), "order/sort")
		if cs > 0 {
			b.ReportMetric(float64(co)/float64(cs), "order/sort-cpu")
		}
	})
}

// collisionBits is how many low bits of an unseeded FNV-1a hash (the ID
// table's before issue 12) the IDs of collidingIDs share: enough for a
// table of a million slots.
const collisionBits = 20

// fnvHash is the 64-bit FNV-1a hash of s.
func fnvHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// idSuffix spells k < 36⁴ as four letters or digits.
func idSuffix(k int) string {
	const digits = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 4)
	for j := range b {
		b[j] = digits[k%36]
		k /= 36
	}
	return string(b)
}

// collidingIDs returns n distinct IDs "sys-I-SSSS" whose FNV-1a hashes have
// their low collisionBits bits all zero, so that they all land in one slot
// of any power-of-two table hashed that way. The low bits of FNV-1a depend
// only on the low bits of its state, and each byte's step is invertible, so
// the suffix that takes each prefix's state to zero is found by walking every
// suffix backwards from zero once.
func collidingIDs(n int) []string {
	const mask = 1<<collisionBits - 1
	inv := uint64(1099511628211) // the FNV prime's inverse mod 2⁶⁴, by Newton's iteration
	for range 6 {
		inv *= 2 - 1099511628211*inv
	}
	pre := make([]int32, 1<<collisionBits) // state → a suffix taking it to 0, or -1
	for i := range pre {
		pre[i] = -1
	}
	for k := range 36 * 36 * 36 * 36 {
		suf := idSuffix(k)
		h := uint64(0)
		for j := len(suf) - 1; j >= 0; j-- {
			h = (h*inv ^ uint64(suf[j])) & mask
		}
		if pre[h] < 0 {
			pre[h] = int32(k)
		}
	}
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		p := fmt.Sprint("sys-", i, "-")
		if k := pre[fnvHash(p)&mask]; k >= 0 {
			out = append(out, p+idSuffix(int(k)))
		}
	}
	return out
}

// ordinaryIDs returns n distinct IDs of the same form as collidingIDs'.
func ordinaryIDs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint("sys-", i, "-", idSuffix(i*7919%(36*36*36*36)))
	}
	return out
}

func TestCollidingIDs(t *testing.T) {
	ids := collidingIDs(1000)
	if len(ids) != 1000 || len(slices.Compact(slices.Sorted(slices.Values(ids)))) != 1000 {
		t.Fatalf("%d IDs, not all distinct", len(ids))
	}
	for _, id := range ids {
		if h := fnvHash(id); h&(1<<collisionBits-1) != 0 {
			t.Fatalf("%q hashes to %#x", id, h)
		}
	}
}

// planWithIDs is nakano's plan with its inventory replaced by systems named
// ids: the first the IaaS, the others hosted on it, each depending on up to
// two earlier ones (benchSystems with these IDs). It returns the plan and its
// file.
func planWithIDs(tb testing.TB, ids []string) (Plan, []byte) {
	p := Nakano()
	systems := benchSystems(len(ids))
	rename := make(map[string]string, len(ids))
	for i := range systems {
		rename[systems[i].ID] = ids[i]
	}
	cites := p.Continuity.Inventory.Systems[0].Citations
	for i := range systems {
		s := &systems[i]
		s.ID, s.Citations = ids[i], cites
		for k, d := range s.DependsOn {
			s.DependsOn[k] = rename[d]
		}
	}
	inv := *p.Continuity.Inventory
	inv.Systems = systems
	p.Continuity.Inventory = &inv
	data, err := p.MarshalJSON()
	if err != nil {
		tb.Fatal(err)
	}
	return p, data
}

// outageRecovered is nakano's IaaS down and recovered the next day: the
// drill orders the recovery of every system.
func outageRecovered() Scenario {
	return Scenario{ID: "nakano-recovered", Plan: council.PlanNakano, Events: []Event{
		{At: day(0, 7, 30), Kind: FaultDetected, By: nakanoProvider()},
		{At: day(1, 10, 0), Kind: Recovery},
	}}
}

func TestPlanWithCollidingIDs(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  []string
	}{{"ordinary", ordinaryIDs(300)}, {"colliding", collidingIDs(300)}} {
		t.Run(tc.name, func(t *testing.T) {
			ids := tc.ids
			p, data := planWithIDs(t, ids)
			q, err := ParsePlan(data)
			if err != nil {
				t.Fatal(err)
			}
			if got := len(q.Continuity.Inventory.Systems); got != len(ids) {
				t.Fatalf("%d systems parsed; want %d", got, len(ids))
			}
			for _, f := range Check(p) {
				if f.Severity == SeverityError {
					t.Fatalf("Check: %v", f)
				}
			}
			tl, err := Run(p, outageRecovered())
			if err != nil {
				t.Fatal(err)
			}
			recovered := 0
			for _, e := range tl.Entries {
				if e.Act == ActRecover {
					recovered++
				}
			}
			if recovered != len(ids) {
				t.Errorf("%d systems recovered; want %d", recovered, len(ids))
			}
		})
	}
}

// BenchmarkCollidingIDs parses, checks and runs plans of 10³, 10⁴ and 10⁵
// systems whose IDs are ordinary or crafted to collide in an unseeded
// FNV-1a table; the colliding IDs must cost at most twice the ordinary
// ones, and ns/system stay flat.
func BenchmarkCollidingIDs(b *testing.B) {
	for _, kind := range []string{"ordinary", "colliding"} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			b.Run(fmt.Sprint(kind, "/", n), func(b *testing.B) {
				ids := ordinaryIDs(n)
				if kind == "colliding" {
					ids = collidingIDs(n)
				}
				p, data := planWithIDs(b, ids)
				perSystem := func(b *testing.B) {
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/system")
				}
				b.Run("ParsePlan", func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := ParsePlan(data); err != nil {
							b.Fatal(err)
						}
					}
					perSystem(b)
				})
				b.Run("Check", func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						Check(p)
					}
					perSystem(b)
				})
				b.Run("Run", func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := Run(p, outageRecovered()); err != nil {
							b.Fatal(err)
						}
					}
					perSystem(b)
				})
			})
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
					if _, err := ParseScenario(data); err != nil {
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
		if _, err := ParseScenario(data); err != nil {
			t.Fatal(err)
		}
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		ParseScenario(data)
		runtime.ReadMemStats(&m1)
		if per := float64(m1.TotalAlloc-m0.TotalAlloc) / float64(len(data)); per > 15 {
			t.Errorf("%d events: %.1f bytes allocated per byte of input; want at most 15", n, per)
		}
	}
}
