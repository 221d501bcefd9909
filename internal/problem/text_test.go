package problem_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/problem"
)

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", `""`},
		{"abc", `"abc"`},
		{"a\x00b", `"a\x00b"`},
		{strings.Repeat("x", 40), `"` + strings.Repeat("x", 40) + `"`},
		{strings.Repeat("x", 41), `"` + strings.Repeat("x", 40) + `…" (41 bytes)`},
		{strings.Repeat("字", 50), `"` + strings.Repeat("字", 40) + `…" (150 bytes)`},
		{"\xff\xfe", `"\xff\xfe"`},
	} {
		if got := problem.Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%.50q) = %s, want %s", tc.in, got, tc.want)
		}
	}
	if got := problem.Value(""); got != `"" (empty)` {
		t.Errorf("Value(\"\") = %s", got)
	}
	if got, want := problem.ID("fig4-01"), "fig4-01"; got != want {
		t.Errorf("ID = %s, want %s", got, want)
	}
	if got, want := problem.ID("a b"), `"a b"`; got != want {
		t.Errorf("ID = %s, want %s", got, want)
	}
}

func TestList(t *testing.T) {
	name := func(i int) string { return fmt.Sprint(i) }
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, ""}, {1, "0"}, {3, "0, 1, 2"}, {8, "0, 1, 2, 3, 4, 5, 6, 7"},
		{9, "0, 1, 2, 3, 4, 5, 6, 7 and 1 more"}, {100000, "0, 1, 2, 3, 4, 5, 6, 7 and 99992 more"},
	} {
		if got := problem.List(tc.n, name); got != tc.want {
			t.Errorf("List(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestClip(t *testing.T) {
	s := strings.Repeat("字", 10) // 30 bytes
	for max := 3; max <= 31; max++ {
		got := problem.Clip(s, max)
		if len(got) > max || !strings.HasPrefix(s, strings.TrimSuffix(got, "…")) {
			t.Errorf("Clip(%d) = %q", max, got)
		}
	}
}

func TestJoin(t *testing.T) {
	if problem.Join() != nil || problem.Join(nil, nil) != nil {
		t.Error("Join of nothing is not nil")
	}
	errA := errors.New("a")
	one := problem.Join(errA)
	if _, ok := one.(interface{ Unwrap() []error }); !ok || one.Error() != "a" {
		t.Errorf("Join(a) = %v, not a join", one)
	}
	var many []error
	for i := range 10000 {
		many = append(many, fmt.Errorf("problem %d: %s: %w", i, strings.Repeat("x", i%3000), problem.ErrInvalid))
	}
	j := problem.Join(problem.Join(many[:5000]...), problem.Join(many[5000:]...)) // nested joins flatten
	if got := len(problem.Problems(j)); got != 10000 {
		t.Errorf("%d problems, want 10000", got)
	}
	msg := j.Error()
	if len(msg) > problem.MaxMessage {
		t.Errorf("message of %d bytes", len(msg))
	}
	if !strings.HasPrefix(msg, "problem 0: : invalid value\nproblem 1: x: invalid value\n") || !strings.HasSuffix(msg, "(10000 in all)") {
		t.Errorf("message %.200q … %q", msg, msg[len(msg)-60:])
	}
	if lines := strings.Count(msg, "\n"); lines > problem.MaxProblems {
		t.Errorf("%d lines, more than %d problems and the count", lines+1, problem.MaxProblems)
	}
	if !errors.Is(j, problem.ErrInvalid) {
		t.Error("join does not match its problems' sentinel")
	}
}

func TestJoinShortProblems(t *testing.T) {
	var es []error
	for i := range 100 {
		es = append(es, fmt.Errorf("p%d", i))
	}
	lines := strings.Split(problem.Join(es...).Error(), "\n")
	if len(lines) != problem.MaxProblems+1 || lines[0] != "p0" || lines[problem.MaxProblems] != "… and 80 more problems (100 in all)" {
		t.Errorf("lines %q", lines)
	}
}

func TestWrapAndMark(t *testing.T) {
	inner := fmt.Errorf("fault: situation: Impact 200: %w", problem.ErrInvalid)
	w := problem.Wrap("fault: kumamoto: escalate", inner)
	if got, want := w.Error(), "fault: kumamoto: escalate: situation: Impact 200: invalid value"; got != want {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
	if !errors.Is(w, problem.ErrInvalid) || !errors.Is(w, inner) {
		t.Error("Wrap lost the chain")
	}
	jw := problem.Wrap("outer", problem.Join(errors.New("bcp: a"), errors.New("council: b")))
	if got, want := jw.Error(), "outer: a\nouter: b"; got != want {
		t.Errorf("Wrap(join) = %q, want %q", got, want)
	}
	m := problem.Mark(errors.New("x"), problem.ErrMissing)
	if m.Error() != "x" || !errors.Is(m, problem.ErrMissing) {
		t.Errorf("Mark = %v", m)
	}
	if problem.Wrap("p", nil) != nil || problem.Mark(nil, problem.ErrMissing) != nil {
		t.Error("nil is not kept")
	}
}

// TestStatedOnce: errors passed through layers name their package once and
// their category once.
func TestStatedOnce(t *testing.T) {
	kumamoto, err := bcp.Kumamoto().FaultProcedure()
	if err != nil {
		t.Fatal(err)
	}
	_, escErr := kumamoto.Escalate(fault.Facts{Impact: 200})
	_, partErr := bcp.ParsePlan([]byte(`{"id":"x","version":"1","organization":{"plan":"x","chain":{"plan":"y"}}}`))
	_, kindErr := bcp.ParsePlan([]byte(`{"id":"x","version":"1","continuity":{"inventory":{"plan":"x","systems":[{"id":"a","kind":"nope"}]}}}`))
	var r council.Role
	for name, err := range map[string]error{
		"fault.Escalate":             escErr,
		"bcp.ParsePlan/organization": partErr,
		"bcp.ParsePlan/kind":         kindErr,
		"council.Role":               r.UnmarshalText([]byte("nope")),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			for _, p := range []string{"bcp: ", "council: ", "fault: ", "threat: ", "measures: "} {
				if strings.Count(line, p) > 1 {
					t.Errorf("%s: %q names %q twice", name, line, p)
				}
			}
			if strings.Count(line, "invalid value") > 1 || strings.Contains(line, "bad value") {
				t.Errorf("%s: %q states its category twice", name, line)
			}
		}
	}
	if want := "fault: kumamoto: escalate: situation: Impact 200: want a percentage from 0 to 100: invalid value"; escErr == nil || escErr.Error() != want {
		t.Errorf("Escalate error = %v\nwant %s", escErr, want)
	}
}
