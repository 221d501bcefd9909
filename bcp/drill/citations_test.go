package drill

import (
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
)

// TestReferenceCitationsResolve: every citation in every reference plan,
// and every citation of every timeline of the built-in drills, names a clause
// of its plan's clause index (issue 13: the index is complete, and the
// engine cites nothing the document does not have).
func TestReferenceCitationsResolve(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		t.Run(p.ID, func(t *testing.T) {
			x, err := p.Index()
			if err != nil {
				t.Fatal(err)
			}
			if x.Len() == 0 {
				t.Fatal("the reference plan lists no clauses")
			}
			for _, f := range bcp.Check(p) {
				if f.Code == bcp.CodeUnresolvedCitation || f.Code == bcp.CodeNoClauseIndex || f.Code == bcp.CodeClauseIndexInvalid {
					t.Errorf("Check: %v", f)
				}
			}
			scenarios, err := Scenarios(p.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range scenarios {
				tl, err := Run(p, s)
				if err != nil {
					t.Fatalf("%s: %v", s.ID, err)
				}
				for i, e := range tl.Entries {
					for _, c := range e.Cites.All() {
						if !x.Resolves(c) {
							t.Errorf("%s: entry %d (%s) cites %s, which the clause index does not list", s.ID, i, line(e), c)
						}
					}
				}
			}
		})
	}
}
