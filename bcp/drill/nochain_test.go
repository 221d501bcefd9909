package drill

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/planedit"
)

// 大崎市 第2条, 第3条: a plan with a contact network and no reporting chain
// runs a drill of the faults 第2条 names; nothing in it reports to a chief.
func TestDrillOsakiNoChain(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "municipalities", "osaki.json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.ParsePlan(data)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Organization.Chain.Empty() {
		t.Fatal("osaki states a chain")
	}
	for _, tc := range []struct {
		name, symptom string
		kind          fault.Kind
	}{
		{"osaki:第2条/network-line-down", "line-down", fault.Network},
		{"osaki:第2条/system-bug", "system-bug", fault.Software},
		{"osaki:第2条/network-line-down-by-label", "ネットワーク回線の不通", fault.Network},
		{"osaki:第2条/cs-or-terminal-breakdown", "cs-or-terminal-breakdown", fault.Hardware},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := ParseScenario(p, []byte(`{"id":"osaki-fault","plan":"osaki","title":"障害","events":[`+
				`{"at":"2026-04-01T08:50:00+09:00","kind":"symptom-reported","by":"staff","symptom":"`+tc.symptom+`"},`+
				`{"at":"2026-04-01T13:00:00+09:00","kind":"recovery"}]}`))
			if err != nil {
				t.Fatal(err)
			}
			tl, err := Run(p, s)
			if err != nil {
				t.Fatal(err)
			}
			var classified bool
			for _, e := range tl.Entries {
				if e.What.About == AboutClassification {
					classified = true
					if e.What.Kind != tc.kind || e.Cites.String() != "osaki:第2条" {
						t.Errorf("classified %v citing %s, want %v citing osaki:第2条", e.What.Kind, e.Cites, tc.kind)
					}
				}
				if e.Actor.Role != 0 && e.Actor.Role != council.Staff {
					t.Errorf("%v acts: osaki names only its staff", e.Actor)
				}
			}
			if !classified {
				t.Errorf("the %v fault of 第2条 is not classified: %v", tc.kind, tl.Entries)
			}
			if len(tl.Readings) != 0 {
				t.Errorf("readings %v: nothing is read into osaki", tl.Readings)
			}
		})
	}
}

// A reference plan with its chain left out runs every built-in scenario as
// it does with its chain (the same events handled or refused) without
// inventing a chain: every step is kept, and a step whose actor was the
// chain's chief by default has no actor.
func TestDrillReferencePlansWithoutChain(t *testing.T) {
	for _, id := range reference.IDs() {
		data, _ := reference.File(id)
		with, err := bcp.ParsePlan(data)
		if err != nil {
			t.Fatal(err)
		}
		file, err := planedit.WithoutChain(data, nil)
		if err != nil {
			t.Fatal(err)
		}
		without, err := bcp.ParsePlan(file)
		if err != nil {
			t.Fatalf("%s without its chain: %v", id, err)
		}
		for _, sid := range ScenarioIDs() {
			t.Run(id+"/"+sid, func(t *testing.T) {
				s, err := ScenarioByID(sid)
				if err != nil {
					t.Fatal(err)
				}
				want, werr := Run(with, s)
				got, gerr := Run(without, s)
				if (werr == nil) != (gerr == nil) || (gerr != nil && gerr.Error() != werr.Error()) {
					t.Fatalf("with its chain: %v; without: %v", werr, gerr)
				}
				if gerr != nil {
					return
				}
				if len(got.Entries) != len(want.Entries) {
					t.Fatalf("%d entries without the chain, %d with it", len(got.Entries), len(want.Entries))
				}
				chief := council.ByRole(with.Organization.Chain.Chief)
				for i, g := range got.Entries {
					w := want.Entries[i]
					if g.Actor != w.Actor && (g.Actor != (council.Actor{}) || w.Actor != chief) {
						t.Errorf("entry %d: %v acts without the chain, %v with it: only the chief's default may go", i, g.Actor, w.Actor)
					}
					if g.What.About != w.What.About || g.Act != w.Act || g.Cites.String() != w.Cites.String() {
						t.Errorf("entry %d: %v %v %s without the chain, %v %v %s with it", i, g.Act, g.What.About, g.Cites, w.Act, w.What.About, w.Cites)
					}
				}
			})
		}
	}
}
