package drill

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"pgregory.net/rapid"
)

// TestWithIDKeepsDrills is the property: moving a plan to a new ID keeps
// every drill decision but the plan prefix. Every built-in drill scenario of
// a reference plan runs under the plan and under its moved copy; the
// timelines are equal once the new ID is spelled as the old.
func TestWithIDKeepsDrills(t *testing.T) {
	newID := rapid.StringMatching(`zq[a-z0-9_-]{1,10}`)
	t.Run("drills", rapid.MakeCheck(func(t *rapid.T) {
		refs := bcp.ReferencePlans()
		p := refs[rapid.IntRange(0, len(refs)-1).Draw(t, "plan")]
		id := newID.Draw(t, "id")
		moved, err := p.WithID(id)
		if err != nil {
			t.Fatal(err)
		}
		scenarios, err := Scenarios(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range scenarios {
			want, werr := Run(p, s)
			got, gerr := Run(moved, s)
			if fmt.Sprint(werr) != strings.ReplaceAll(fmt.Sprint(gerr), id, p.ID) {
				t.Fatalf("%s: error %v under the original, %v moved", s.ID, werr, gerr)
			}
			if got.Provenance.Plan != id || got.Plan != id {
				t.Fatalf("%s: the moved drill runs under %q (%s)", s.ID, got.Plan, got.Provenance)
			}
			want.Provenance.Fingerprint, got.Provenance.Fingerprint = "", ""
			wb, err := json.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			gb, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			// No drill decides by the plan ID (issue 17 item 6): every one
			// is the same under the moved plan.
			if w, g := string(wb), strings.ReplaceAll(string(gb), id, p.ID); w != g {
				t.Fatalf("%s: the moved plan's drill differs:\n%s\nwant:\n%s", s.ID, g, w)
			}
		}
	}))

}
