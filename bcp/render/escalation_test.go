package render_test

import (
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/council"
)

// nakano ICT-BCP 7(2): the crisis management division tells the owning
// division head that a report to the mayor and deputy mayor is due (その旨を
// 主管課長に伝える); it reports to neither itself. The flowchart shows its one
// edge up, to the mayor, as the library's reading.
func TestEscalationFlowNakanoICTBCP7_2(t *testing.T) {
	p, err := bcp.Reference(council.PlanNakano)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang          bcp.Lang
		want, notWant []string
	}{
		{bcp.English,
			[]string{
				`r_crisis_management_division -.->|"fault, unauthorized act, security incident, large incident, information leak, leak of specific personal information (as needed) nakano:ICT-BCP 7(2)"| r_owning_division_head`,
				`r_crisis_management_division -->|"reports to (library's reading) nakano:ICT-BCP 8(5) 緊急時エ"| r_mayor`,
			},
			[]string{`r_crisis_management_division -->|"reports to nakano:ICT-BCP 7(2)"`}},
		{bcp.Japanese,
			[]string{`r_crisis_management_division -->|"報告（本ライブラリの解釈） nakano:ICT-BCP 8(5) 緊急時エ"| r_mayor`},
			[]string{`r_crisis_management_division -->|"報告 nakano:ICT-BCP 7(2)"`}},
	} {
		t.Run("nakano:ICT-BCP 7(2)/"+tc.lang.String(), func(t *testing.T) {
			got := render.EscalationFlow(p, tc.lang)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %s", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("has %s", w)
				}
			}
			for _, line := range strings.Split(got, "\n") {
				if strings.Contains(line, "r_crisis_management_division") && strings.Contains(line, "7(2)") &&
					(strings.HasSuffix(line, "| r_mayor") || strings.HasSuffix(line, "| r_deputy_mayor")) {
					t.Errorf("the division reports to the mayor or deputy mayor under 7(2): %s", line)
				}
			}
		})
	}
}
