package render_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
)

var updateDrill = flag.Bool("update-drill", false, "rewrite the text and Mermaid golden files")

// fingerprintRE matches a plan's fingerprint, which changes with every edit
// of a reference plan: golden files hold a placeholder instead.
var fingerprintRE = regexp.MustCompile(`#[0-9a-f]{12}\b`)

// golden compares got with the golden file at path, rewriting it first
// under -update-drill.
func golden(t *testing.T, path string, got string) {
	t.Helper()
	got = fingerprintRE.ReplaceAllString(got, "#FINGERPRINT")
	if *updateDrill {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func runBuiltin(t testing.TB, id string) drill.Timeline {
	t.Helper()
	s, err := drill.ScenarioByID(id)
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.Reference(s.Plan)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := drill.Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// TestGolden renders every built-in drill as text and as a sequence
// diagram, in both languages.
func TestGolden(t *testing.T) {
	for _, id := range drill.ScenarioIDs() {
		t.Run(id, func(t *testing.T) {
			tl := runBuiltin(t, id)
			golden(t, filepath.Join("testdata", "text", id+".en.txt"), render.Text(tl, bcp.English))
			golden(t, filepath.Join("testdata", "text", id+".ja.txt"), render.Text(tl, bcp.Japanese))
			golden(t, filepath.Join("testdata", "mermaid", id+".mmd"), render.Mermaid(tl, bcp.English))
			golden(t, filepath.Join("testdata", "mermaid", id+".ja.mmd"), render.Mermaid(tl, bcp.Japanese))
		})
	}
}

func TestEscalationFlowGolden(t *testing.T) {
	for _, p := range bcp.ReferencePlans() {
		t.Run(p.ID, func(t *testing.T) {
			golden(t, filepath.Join("testdata", "mermaid", p.ID+"-escalation.mmd"), render.EscalationFlow(p, bcp.English))
			golden(t, filepath.Join("testdata", "mermaid", p.ID+"-escalation.ja.mmd"), render.EscalationFlow(p, bcp.Japanese))
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
		tl := runBuiltin(t, id)
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
	tl := runBuiltin(b, "nakano-iaas-outage")
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
