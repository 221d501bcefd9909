package render_test

import (
	"path/filepath"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/internal/golden"
)

// goldens holds the text and Mermaid outputs in testdata, rewritten by
// go test -update-drill.
var goldens = golden.New("testdata", "update-drill", "rewrite the text and Mermaid golden files").Normalized(golden.Fingerprints)

// TestGolden renders every built-in drill as text and as a sequence
// diagram, in both languages.
func TestGolden(t *testing.T) {
	for _, id := range drill.ScenarioIDs() {
		t.Run(id, func(t *testing.T) {
			tl := render.RunDrill(t, id)
			goldens.Check(t, filepath.Join("text", id+".en.txt"), render.Text(tl, bcp.English))
			goldens.Check(t, filepath.Join("text", id+".ja.txt"), render.Text(tl, bcp.Japanese))
			goldens.Check(t, filepath.Join("mermaid", id+".mmd"), render.Mermaid(tl, bcp.English))
			goldens.Check(t, filepath.Join("mermaid", id+".ja.mmd"), render.Mermaid(tl, bcp.Japanese))
		})
	}
}

func TestEscalationFlowGolden(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		t.Run(p.ID, func(t *testing.T) {
			goldens.Check(t, filepath.Join("mermaid", p.ID+"-escalation.mmd"), render.EscalationFlow(p, bcp.English))
			goldens.Check(t, filepath.Join("mermaid", p.ID+"-escalation.ja.mmd"), render.EscalationFlow(p, bcp.Japanese))
		})
	}
}

// TestDetailsExhaustive: every About has its sentence, and every entry of
// every built-in drill says something in both languages.
func TestDetailsExhaustive(t *testing.T) {
	for _, a := range drill.AllAbouts() {
		if !render.Worded(a) {
			t.Errorf("%s has no sentence", a)
		}
	}
	for _, id := range drill.ScenarioIDs() {
		tl := render.RunDrill(t, id)
		for i, e := range tl.Entries {
			for _, l := range bcp.AllLangs() {
				if render.Detail(tl, i, l) == "" {
					t.Errorf("%s entry %d (%s, %s) says nothing in %s", id, i, e.Act, e.What.About, l)
				}
			}
		}
	}
}

// BenchmarkText renders nakano's three-day outage, its longest built-in
// drill, as text and as a sequence diagram.
func BenchmarkText(b *testing.B) {
	tl := render.RunDrill(b, "nakano-iaas-outage")
	b.Run("Text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			render.Text(tl, bcp.Japanese)
		}
	})
	b.Run("Mermaid", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			render.Mermaid(tl, bcp.Japanese)
		}
	})
}
