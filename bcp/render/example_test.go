package render_test

import (
	"fmt"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
)

func ExampleMermaid() {
	s, _ := drill.ScenarioByID("kumiyama-lost-card")
	tl, _ := drill.Run(bcp.Kumiyama(), s)
	for i, line := range strings.Split(strings.TrimSuffix(render.Mermaid(tl, bcp.Japanese), "\n"), "\n") {
		if i != 1 { // line 1 is a comment naming the plan's fingerprint
			fmt.Println(line)
		}
	}
	// Output:
	// sequenceDiagram
	//     participant r_operator as 操作者
	//     participant r_system_administrator as システム管理者
	//     Note over r_operator: 04-01 11:05 発見: 操作者用ICカードの紛失等 (kumiyama:第17条10項3号)
	//     r_operator->>r_system_administrator: 04-01 11:05 報告: 操作者用ICカードを紛失若しくはき損した場合又は盗難若しくは詐取にあった場合は、直ちにシステム管理者に報告する (kumiyama:第17条10項3号)
	//     Note over r_system_administrator: 04-01 11:05 失効: 直ちに失効の手続きを取らなければならない (kumiyama:第17条11項)
	//     Note over r_system_administrator: 04-01 11:05 原因の究明: 操作者用ICカードの利用に関する検査（必要に応じ） (kumiyama:第17条14項, kumiyama:第17条15項)
}
