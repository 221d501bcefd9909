package measures

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/council"
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
	for _, c := range AllConditions() {
		if !strings.Contains(src, squeeze(c.Label())) {
			t.Errorf("condition %v: %q is not in the annex", c, c.Label())
		}
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

func TestOtherLabelsAreVerbatim(t *testing.T) {
	ino := seedText(t, council.PlanIno)
	for _, c := range AllCountermeasures() {
		if !strings.Contains(ino, squeeze(c.Label())) {
			t.Errorf("ino:第8条 %v: %q is not in the plan", c, c.Label())
		}
	}
	kumiyama := seedText(t, council.PlanKumiyama)
	for q := range ContractClauses.All() {
		if !strings.Contains(kumiyama, squeeze(q.Label())) {
			t.Errorf("kumiyama:第33条 %v: %q is not in the regulation", q, q.Label())
		}
	}
	kumamoto := seedText(t, council.PlanKumamoto)
	for _, s := range []string{"セキュリティ事故の発生状況と影響", "技術的側面と組織的側面", "技術的な再発防止策", "組織的な再発防止策", "実施内容、実施者、実施時期"} {
		if !strings.Contains(kumamoto, s) {
			t.Errorf("kumamoto:5: %q is not in the plan", s)
		}
	}
}
