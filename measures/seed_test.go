package measures

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/threat"
)

// The seeds in testdata are copies of shared/seeds (tottori.txt is
// 003_2e6504f75f1a8b0c.txt, ino.txt 000_4513ad41d054ba51.txt, kumamoto.txt
// 001_9a52ec6798049ba1.txt, kumiyama.txt 002_65157d7341d1ef44.txt). These
// tests check that the library's Japanese texts are the documents' own words.

// seedText returns the seed of plan with all white space removed (the
// source's line breaks fall anywhere, even inside words).
func seedText(t *testing.T, plan string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", plan+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return squeeze(string(b))
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func TestAnnexTextsAreVerbatim(t *testing.T) {
	src := seedText(t, council.PlanTottori)
	for _, p := range tottoriPlaybooks(t) {
		t.Run("tottori:"+p.Label, func(t *testing.T) {
			if p.Label != p.Citations.At(0).Clause() {
				t.Errorf("label %q is not the row the playbook cites first (%v)", p.Label, p.Citations)
			}
			for _, x := range append([]string{p.Event, p.Heading}, p.Examples...) {
				if x != "" && !strings.Contains(src, squeeze(x)) {
					t.Errorf("%q is not in the annex", x)
				}
			}
			for _, s := range p.Steps {
				want := s.Mark + s.Text
				if strings.HasPrefix(s.Text, "（") { // a parenthetical follows its parent step's text
					want = s.Text
				}
				if !strings.Contains(src, squeeze(want)) {
					t.Errorf("step %s %q is not in the annex", s.Mark, s.Text)
				}
			}
		})
	}
}

func TestMeasureTextsAreVerbatim(t *testing.T) {
	for _, plan := range []string{council.PlanTottori, council.PlanIno} {
		src := seedText(t, plan)
		m := referenceMeasures(t, plan)
		for _, ms := range [][]Measure{m.Emergency, m.FollowUp} {
			for _, m := range ms {
				for sentence := range strings.SplitSeq(m.Text, "。") {
					if sentence != "" && !strings.Contains(src, squeeze(sentence)) {
						t.Errorf("%s %v: %q is not in the plan", plan, m.Citations, sentence)
					}
				}
			}
		}
	}
}

// labeled is an enum value with a Japanese label.
type labeled interface {
	Label() string
	String() string
}

func labelsOf[E labeled](vs []E) []labeled {
	out := make([]labeled, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// TestLabelsAreKindNames: the engine (measures and threat) names kinds; a plan's sentence, heading
// or example is plan data (issue 17). No label of the package's enums of
// ten runes or more is a phrase of a source plan: a label that long found
// in a plan is that plan's wording, not the generic name of a kind. (Shorter
// labels are terms every plan shares: 誤アクセス, 切離し.)
func TestLabelsAreKindNames(t *testing.T) {
	var seeds []string
	for _, plan := range []string{council.PlanTottori, council.PlanIno, council.PlanKumamoto, council.PlanKumiyama} {
		seeds = append(seeds, seedText(t, plan))
	}
	var all []labeled
	all = append(all, labelsOf(AllCategories())...)
	all = append(all, labelsOf(AllDiscoverers())...)
	all = append(all, labelsOf(AllObservations())...)
	all = append(all, labelsOf(AllLeads())...)
	all = append(all, labelsOf(AllModes())...)
	all = append(all, labelsOf(AllConditions())...)
	all = append(all, labelsOf(AllTasks())...)
	all = append(all, labelsOf(AllMeasureKinds())...)
	all = append(all, labelsOf(AllPreconditions())...)
	all = append(all, labelsOf(AllSides())...)
	all = append(all, labelsOf(AllCountermeasures())...)
	all = append(all, labelsOf(AllRequirements())...)
	for _, c := range AllCases() {
		all = append(all, c)
	}
	// threat's enums are the engine's words for the same plans.
	all = append(all, labelsOf(threat.AllActKinds())...)
	all = append(all, labelsOf(threat.AllPlaces())...)
	all = append(all, labelsOf(threat.AllFirewalls())...)
	all = append(all, labelsOf(threat.AllSeriousness())...)
	all = append(all, labelsOf(threat.AllSources())...)
	all = append(all, labelsOf(threat.AllAttributes())...)
	all = append(all, labelsOf(threat.AllTasks())...)
	checked := 0
	for _, v := range all {
		l := squeeze(v.Label())
		if utf8.RuneCountInString(l) < 10 {
			continue
		}
		checked++
		for _, src := range seeds {
			if strings.Contains(src, l) {
				t.Errorf("%T %v: label %q is a plan's wording", v, v, v.Label())
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d labels checked", checked)
	}
}
