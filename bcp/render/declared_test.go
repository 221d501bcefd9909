package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
)

// readPlan parses a plan file of bcp's testdata.
func readPlan(t *testing.T, path string) bcp.Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", path))
	if err != nil {
		t.Fatal(err)
	}
	p, err := bcp.ParsePlan(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// fixture19Drills are the drills of issue 19's fixture, whose level table
// grades faults of kinds it declares over attributes it declares: between
// them every declared kind, attribute and value occurs.
var fixture19Drills = []string{"fixture19-terminal-fault", "fixture19-server-fault"}

func runFixture19(t *testing.T, p bcp.Plan, id string) drill.Timeline {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "declared", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := drill.ParseScenario(p, data)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := drill.Run(p, s)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// TestGoldenDeclared: fixture19's drills read in the plan's own words in
// both languages: every kind and attribute it declares and every value of
// them (fixture19:第1(1), 第1(2)) appears by its label, Japanese in
// Japanese and English in English, and none in the engine's form.
func TestGoldenDeclared(t *testing.T) {
	p := readPlan(t, "declared/fixture19.json")
	seen := map[bcp.Lang]string{}
	for _, id := range fixture19Drills {
		tl := runFixture19(t, p, id)
		en, ja := render.Text(tl, bcp.English), render.Text(tl, bcp.Japanese)
		goldens.Check(t, filepath.Join("text", id+".en.txt"), en)
		goldens.Check(t, filepath.Join("text", id+".ja.txt"), ja)
		goldens.Check(t, filepath.Join("mermaid", id+".mmd"), render.Mermaid(tl, bcp.English))
		goldens.Check(t, filepath.Join("mermaid", id+".ja.mmd"), render.Mermaid(tl, bcp.Japanese))
		seen[bcp.English] += en
		seen[bcp.Japanese] += ja
	}
	if p.Threat == nil || len(p.Threat.Kinds) == 0 || len(p.Threat.Attributes) == 0 {
		t.Fatal("fixture19 declares no kinds or attributes")
	}
	type label struct{ what, ja, en string }
	var labels []label
	for _, k := range p.Threat.Kinds {
		labels = append(labels, label{"kind " + k.ID, k.Label, k.LabelEN})
	}
	for _, a := range p.Threat.Attributes {
		labels = append(labels, label{"attribute " + a.ID, a.Label, a.LabelEN})
		for _, v := range a.Values {
			labels = append(labels, label{"value " + a.ID + "=" + v.ID, v.Label, v.LabelEN})
		}
	}
	for _, x := range labels {
		t.Run("fixture19:第1/"+x.what, func(t *testing.T) {
			if !strings.Contains(seen[bcp.Japanese], x.ja) {
				t.Errorf("the Japanese drills never say %q", x.ja)
			}
			if !strings.Contains(seen[bcp.English], x.en) {
				t.Errorf("the English drills never say %q", x.en)
			}
		})
	}
}

// engineForms are how the engine names a kind or attribute a plan
// declares; no output a person reads may show them.
var engineForms = []string{"kind#", "attribute#"}

// TestNoEngineFormOfDeclared: no output of any fixture (issue 19's, konan,
// osaki) names a declared kind or attribute in the engine's form: not a
// drill's text, Mermaid, CSV or HTML, not the escalation flow, not the
// comparison with a reference plan, not the findings.
func TestNoEngineFormOfDeclared(t *testing.T) {
	for _, path := range []string{"declared/fixture19.json", "municipalities/konan.json", "municipalities/osaki.json"} {
		p := readPlan(t, path)
		t.Run(p.ID, func(t *testing.T) {
			outputs := map[string]string{}
			fs := bcp.Check(p)
			for _, l := range bcp.AllLangs() {
				outputs["escalation."+l.String()] = render.EscalationFlow(p, l)
				outputs["findings.csv."+l.String()] = string(render.FindingsCSV(path, fs, l))
				for _, ref := range bcp.ReferencePlans() {
					d := bcp.DiffPlans(ref, p)
					outputs["compare."+ref.ID] = d.String()
					outputs["compare.csv."+ref.ID+"."+l.String()] = string(render.DiffCSV(d, d.Differences, l))
					h, err := render.HTML(render.Report{Lang: l, Diff: &d, Differences: d.Differences,
						Check: &render.CheckResult{File: path, Plan: p.ID, Findings: fs}, Escalation: render.EscalationFlowchart(p, l)})
					if err != nil {
						t.Fatal(err)
					}
					outputs["report.html."+ref.ID+"."+l.String()] = string(h)
				}
				if p.ID != "fixture19" {
					continue
				}
				for _, id := range fixture19Drills {
					tl := runFixture19(t, p, id)
					outputs[id+".txt."+l.String()] = render.Text(tl, l)
					outputs[id+".mmd."+l.String()] = render.Mermaid(tl, l)
					outputs[id+".csv."+l.String()] = string(render.TimelineCSV(tl, l))
					h, err := render.HTML(render.Report{Lang: l, Timeline: &tl})
					if err != nil {
						t.Fatal(err)
					}
					outputs[id+".html."+l.String()] = string(h)
				}
			}
			for name, out := range outputs {
				for _, form := range engineForms {
					if i := strings.Index(out, form); i >= 0 {
						t.Errorf("%s says %q: …%s…", name, form, out[max(0, i-40):min(len(out), i+40)])
					}
				}
			}
		})
	}
}
