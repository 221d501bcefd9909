package problem_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// adversarial inputs: each builds, for a size n, an input whose naive error
// message grows with n, and returns the error the library reports for it.
var adversarial = []struct {
	name string
	run  func(n int) error
}{
	{"ParsePlan/huge-plan-id", func(n int) error {
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":%q,"version":"1"}`, strings.Repeat("a", n)))
		return err
	}},
	{"ParsePlan/huge-enum-text", func(n int) error {
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","systems":[{"id":"a","name":"n","owner":"o","kind":%q,"scale":"large"}]}}}`, strings.Repeat("k", n)))
		return err
	}},
	{"ParsePlan/huge-unknown-key", func(n int) error {
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1",%q:1}`, strings.Repeat("f", n)))
		return err
	}},
	{"ParsePlan/huge-control-title", func(n int) error {
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","title":"%s\u0000"}`, strings.Repeat("t", n)))
		return err
	}},
	{"ParsePlan/huge-citation", func(n int) error {
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","citations":["y:%s"]}}}`, strings.Repeat("c", n)))
		return err
	}},
	{"ParsePlan/many-empty-systems", func(n int) error {
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","systems":[{}%s]}}}`, strings.Repeat(",{}", n/10)))
		return err
	}},
	{"ParsePlan/many-huge-ids", func(n int) error {
		var b strings.Builder
		for i := range 20 {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"%s","dependsOn":["%s%d"]}`, strings.Repeat("s", n), strings.Repeat("d", n), i)
		}
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","systems":[%s]}}}`, b.String()))
		return err
	}},
	{"ParsePlan/long-cycle", func(n int) error {
		_, err := bcp.ParsePlan(cyclePlan(n / 10))
		return err
	}},
	{"ParsePlan/deep-long-keys", func(n int) error {
		key := strings.Repeat("字", n/30+1)
		depth := 60
		_, err := bcp.ParsePlan([]byte(strings.Repeat(`{"`+key+`":`, depth) + "1" + strings.Repeat("}", depth)))
		return err
	}},
	{"ParsePlan/many-foreign-citations", func(n int) error {
		var b strings.Builder
		for i := range n / 10 {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"other:第%d条"`, i)
		}
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","citations":[%s]}}}`, b.String()))
		return err
	}},
	{"ParsePlan/huge-number", func(n int) error {
		_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","fault":{"plan":"x","serious":{"heavy":1%s}}}`, strings.Repeat("0", n)))
		return err
	}},
	{"ParseScenario/huge-id-and-kind", func(n int) error {
		_, err := drill.ParseScenario(bcp.Plan{}, fmt.Appendf(nil, `{"id":"%s\u0001","plan":"%s","events":[{"at":"2026-01-01T00:00:00+09:00","kind":%q}]}`, strings.Repeat("i", n), strings.Repeat("p", n), strings.Repeat("k", n)))
		return err
	}},
	{"ParseScenario/huge-unknown-key", func(n int) error {
		_, err := drill.ParseScenario(bcp.Plan{}, fmt.Appendf(nil, `{"id":"s","plan":"tottori",%q:1,"events":[]}`, strings.Repeat("u", n)))
		return err
	}},
	{"ParseScenario/many-bad-events", func(n int) error {
		var b strings.Builder
		for i := range n / 10 {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"at":"%s","kind":"nope-%d"}`, strings.Repeat("9", 10), i)
		}
		_, err := drill.ParseScenario(bcp.Plan{}, fmt.Appendf(nil, `{"id":"s","plan":"tottori","events":[%s]}`, b.String()))
		return err
	}},
	{"ParseScenario/huge-number", func(n int) error {
		_, err := drill.ParseScenario(bcp.Plan{}, fmt.Appendf(nil, `{"id":"s","plan":"tottori","events":[{"at":"2026-01-01T00:00:00+09:00","kind":"status-change","status":{"impact":1%s}}]}`, strings.Repeat("0", n)))
		return err
	}},
	{"Order/long-cycle", func(n int) error {
		systems := make([]bcp.System, n/10+2)
		for i := range systems {
			systems[i] = bcp.System{ID: fmt.Sprintf("s%06d", i), Name: "n", Owner: "o", Kind: bcp.Application, Scale: bcp.Large,
				DependsOn: []string{fmt.Sprintf("s%06d", (i+1)%len(systems))}}
		}
		_, err := bcp.Order(systems, bcp.OrderOptions{})
		return err
	}},
	{"Order/many-unassessed-huge-ids", func(n int) error {
		systems := make([]bcp.System, 50)
		for i := range systems {
			systems[i] = bcp.System{ID: fmt.Sprintf("%s%d", strings.Repeat("u", n), i), Name: "n", Owner: "o", Kind: bcp.Application, Scale: bcp.Unassessed}
		}
		_, err := bcp.Order(systems, bcp.OrderOptions{})
		return err
	}},
	{"Plan.WithID/huge-id", func(n int) error {
		_, err := bcp.Tottori().WithID(strings.Repeat("Y", n))
		return err
	}},
	{"council.ParseCitation", func(n int) error {
		_, err := council.ParseCitation(strings.Repeat("c", n))
		return err
	}},
	{"council.Citations/many-bad", func(n int) error {
		var cs council.Citations
		list := make([]string, n/10)
		for i := range list {
			list[i] = fmt.Sprintf("x:%d\x01", i)
		}
		list = append(list, "x:"+strings.Repeat("c", n)+"\x01")
		data, _ := json.Marshal(list)
		return json.Unmarshal(data, &cs)
	}},
	{"council.Actor", func(n int) error {
		var a council.Actor
		return a.UnmarshalText([]byte(strings.Repeat("a", n)))
	}},
	{"threat.Event", func(n int) error {
		var e threat.Event
		return e.UnmarshalText(fmt.Appendf(nil, "kind=%s,%s=1", strings.Repeat("k", n), strings.Repeat("z", n)))
	}},
	{"measures.ParseSettings", func(n int) error {
		_, err := measures.ParseSettings(fmt.Appendf(nil, `{%q:1}`, strings.Repeat("s", n)))
		return err
	}},
	{"measures.ParsePreventionPlan", func(n int) error {
		_, err := measures.ParsePreventionPlan(fmt.Appendf(nil, `{%q:1}`, strings.Repeat("p", n)))
		return err
	}},
	{"measures.Rules", func(n int) error {
		var r measures.Rules
		return json.Unmarshal(fmt.Appendf(nil, `{"citations":{%q:["x:1"]}}`, strings.Repeat("r", n)), &r)
	}},
}

// cyclePlan is a plan whose n systems depend on each other in one circle.
func cyclePlan(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","systems":[`)
	for i := range n + 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"s%06d","name":"n","owner":"o","kind":"application","scale":"large","dependsOn":["s%06d"]}`, i, (i+1)%(n+2))
	}
	b.WriteString(`]}}}`)
	return []byte(b.String())
}

// TestErrorsBounded: for every adversarial input, at sizes 1×, 10× and 100×,
// the error exists and its message is at most 4 KB, while a naive message
// would grow with the input.
func TestErrorsBounded(t *testing.T) {
	sizes := []int{1_000, 10_000, 100_000}
	if testing.Short() {
		sizes = sizes[:2]
	}
	for _, a := range adversarial {
		t.Run(a.name, func(t *testing.T) {
			for _, n := range sizes {
				err := a.run(n)
				if err == nil {
					t.Fatalf("n=%d: no error", n)
				}
				if msg := err.Error(); len(msg) > problem.MaxMessage {
					t.Errorf("n=%d: message of %d bytes, more than %d:\n%.600s…", n, len(msg), problem.MaxMessage, msg)
				}
			}
		})
	}
}

// TestErrorsCountEveryProblem: the message of many problems lists the first
// in full and counts all, and errors.As still reaches each one.
func TestErrorsCountEveryProblem(t *testing.T) {
	const n = 5000
	_, err := bcp.ParsePlan(fmt.Appendf(nil, `{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","systems":[{"id":"a","kind":"k0"}%s]}}}`, strings.Repeat(`,{"kind":"k"}`, n-1)))
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !strings.Contains(msg, `$.continuity.inventory.systems[0].kind: unknown kind "k0"`) {
		t.Errorf("the first problem is not in full:\n%s", msg)
	}
	if !strings.Contains(msg, "in all)") {
		t.Errorf("the message does not count the problems:\n%s", msg)
	}
	got := 0
	for _, e := range problem.Problems(err) {
		if pe, ok := e.(*bcp.PathError); ok && strings.HasSuffix(pe.Path, ".kind") {
			got++
		}
	}
	if got != n {
		t.Errorf("%d problems about a kind reachable, want %d", got, n)
	}
	if want := fmt.Sprintf("(%d in all)", len(problem.Problems(err))); !strings.HasSuffix(msg, want) {
		t.Errorf("message ends %q, want %q", msg[max(0, len(msg)-40):], want)
	}
}
