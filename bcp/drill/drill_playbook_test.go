package drill

import (
	"slices"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/measures"
)

// The drill plays the plan's own playbook rows (measures.playbooks): their
// label, wording and citations come from the plan, not from the library.
func TestDrillPlaysThePlansPlaybook(t *testing.T) {
	s, err := ScenarioByID("tottori-l2-antivirus")
	if err != nil {
		t.Fatal(err)
	}
	steps := func(p bcp.Plan) []Entry {
		tl, err := Run(p, s)
		if err != nil {
			t.Fatal(err)
		}
		return slices.DeleteFunc(tl.Entries, func(e Entry) bool { return e.Act != ActPlaybook })
	}
	if got := steps(bcp.Tottori()); len(got) != 3 || playbookJA(got[0]) != "別表4-2① ウィルスが混入したのと同じ機種全てについて、最新のパターンファイルに更新されていることを確認" {
		t.Fatalf("tottori:別表4-2: %d steps, first %+v", len(got), got)
	}

	t.Run("tottori:別表4-2/own-wording", func(t *testing.T) {
		p := bcp.Tottori()
		i := slices.IndexFunc(p.Measures.Playbooks, func(pb measures.Playbook) bool { return pb.Case == measures.Case4_2 })
		pb := &p.Measures.Playbooks[i]
		pb.Label = "別紙3-2"
		pb.Steps = pb.Steps[:1]
		pb.Steps[0].Text = "同じ機種のパターンファイルを確認する"
		pb.Steps[0].Citations = council.Cites(council.Cite("tottori", "第3-4"))
		got := steps(p)
		if len(got) != 1 || playbookJA(got[0]) != "別紙3-2① 同じ機種のパターンファイルを確認する" || got[0].Cites.String() != "tottori:第3-4" {
			t.Errorf("the drill does not play the plan's row: %+v", got)
		}
	})
	t.Run("tottori:別表4-2/undefined", func(t *testing.T) {
		p := bcp.Tottori()
		p.Measures.Playbooks = slices.DeleteFunc(p.Measures.Playbooks, func(pb measures.Playbook) bool { return pb.Case == measures.Case4_2 })
		if got := steps(p); len(got) != 0 {
			t.Errorf("a row the plan does not define is played: %+v", got)
		}
	})
	t.Run("tottori:別表4-2/moved", func(t *testing.T) {
		p, err := bcp.Tottori().WithID("yazu")
		if err != nil {
			t.Fatal(err)
		}
		moved := steps(p)
		if len(moved) != 3 {
			t.Fatalf("moved to yazu, %d playbook steps; want 3", len(moved))
		}
		for _, e := range moved {
			if e.Cites.Len() == 0 || !slices.Equal(e.Cites.Plans(), []string{"yazu"}) || !strings.HasPrefix(playbookJA(e), "別表4-2") {
				t.Errorf("moved to yazu, a playbook step %q cites %v", playbookJA(e), e.Cites)
			}
		}
	})
}

// playbookJA is a playbook step as the plan writes it: the case's label,
// the step's mark and its text.
func playbookJA(e Entry) string {
	return e.What.Playbook.Label + e.What.Playbook.Mark + " " + e.What.Playbook.Text
}
