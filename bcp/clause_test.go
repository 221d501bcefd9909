package bcp

import (
	"errors"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/council"
)

// withClauses returns the minimal plan file of town with the given clauses
// array and a council citing cite.
func withClauses(clauses, cite string) []byte {
	return []byte(`{"id":"town","version":"1","title":"町の計画",` + clauses + `"organization":{"plan":"town",` +
		`"chain":{"plan":"town","chief":"security-chief","edges":[{"from":"staff","to":"security-chief","cite":"` + cite + `"}]}}}`)
}

func TestParsePlanClauses(t *testing.T) {
	tests := []struct {
		name     string
		clauses  string
		sentinel error // nil for none
		path     string
	}{
		{"an index", `"clauses":[{"clause":"第2条","heading":"報告"}],`, nil, ""},
		{"no index", ``, nil, ""},
		{"empty number", `"clauses":[{"clause":"","heading":"報告"}],`, ErrBadValue, "$.clauses[0]"},
		{"no heading", `"clauses":[{"clause":"第2条"}],`, ErrBadValue, "$.clauses[0]"},
		{"listed twice", `"clauses":[{"clause":"第2条","heading":"報告"},{"clause":"第2条","heading":"報告"}],`, ErrDuplicate, "$.clauses[1].clause"},
		{"unknown field", `"clauses":[{"clause":"第2条","heading":"報告","page":3}],`, ErrUnknownField, "$.clauses[0].page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePlan(withClauses(tt.clauses, "town:第2条"))
			if tt.sentinel == nil {
				if err != nil {
					t.Fatalf("ParsePlan: %v", err)
				}
				if _, err := p.Index(); err != nil {
					t.Errorf("Index: %v", err)
				}
				return
			}
			var pe *PathError
			if !errors.Is(err, tt.sentinel) || !errors.As(err, &pe) || pe.Path != tt.path {
				t.Errorf("ParsePlan: %v; want %v at %s", err, tt.sentinel, tt.path)
			}
			if msg := err.Error(); strings.Count(msg, tt.sentinel.Error()) != 1 {
				t.Errorf("ParsePlan: %q states %q more than once", msg, tt.sentinel)
			}
		})
	}
}

func TestCheckResolvesCitations(t *testing.T) {
	count := func(fs []Finding, code Code) (n int, first Finding) {
		for _, f := range fs {
			if f.Code == code {
				if n == 0 {
					first = f
				}
				n++
			}
		}
		return n, first
	}
	t.Run("resolved", func(t *testing.T) {
		p, err := ParsePlan(withClauses(`"clauses":[{"clause":"第2条","heading":"報告"}],`, "town:第2条"))
		if err != nil {
			t.Fatal(err)
		}
		fs := Check(p)
		if n, f := count(fs, CodeUnresolvedCitation); n != 0 {
			t.Errorf("a listed clause is reported: %v", f)
		}
		if n, _ := count(fs, CodeNoClauseIndex); n != 0 {
			t.Error("a plan with an index is told it has none")
		}
	})
	t.Run("unresolved", func(t *testing.T) {
		p, err := ParsePlan(withClauses(`"clauses":[{"clause":"第2条","heading":"報告"}],`, "town:第3条"))
		if err != nil {
			t.Fatal(err)
		}
		n, f := count(Check(p), CodeUnresolvedCitation)
		if n != 1 || f.Severity != SeverityError || f.Cite != council.Cite("town", "第3条") || f.Path != "organization.chain.edges[].cite" {
			t.Errorf("%d unresolved findings, first %v; want one error at organization.chain.edges[].cite citing town:第3条", n, f)
		}
	})
	t.Run("no index", func(t *testing.T) {
		p, err := ParsePlan(withClauses(``, "town:第3条"))
		if err != nil {
			t.Fatal(err)
		}
		fs := Check(p)
		if n, f := count(fs, CodeNoClauseIndex); n != 1 || f.Severity != SeverityInfo {
			t.Errorf("%d no-index findings (%v); want one info", n, f)
		}
		if n, _ := count(fs, CodeUnresolvedCitation); n != 0 {
			t.Error("citations reported unresolved without an index")
		}
	})
	t.Run("invalid index built in Go", func(t *testing.T) {
		p, _ := ParsePlan(withClauses(``, "town:第3条"))
		p.Clauses = []council.Clause{{Number: "第3条", Heading: "a"}, {Number: "第3条", Heading: "b"}}
		n, f := count(Check(p), CodeClauseIndexInvalid)
		if n != 1 || !strings.Contains(f.Message, "listed twice") {
			t.Errorf("%d invalid-index findings (%v); want one saying listed twice", n, f)
		}
	})
}
