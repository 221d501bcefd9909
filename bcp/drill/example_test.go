package drill_test

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
)

func ExampleRun() {
	s, _ := drill.ScenarioByID("tottori-l3-firewall")
	tl, err := drill.Run(bcp.Tottori(), s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, e := range tl.Entries {
		if e.Act == drill.ActProvisional || e.Act == drill.ActGrade || e.Act == drill.ActConvene {
			fmt.Println(render.Line(tl, i, bcp.Japanese))
		}
	}
	// Output:
	// 2026-04-01 09:00  システム管理者  暫定判定 <レベル2～3>: 脅威度の判定中（未確定の事実あり）  (tottori:第3-1, tottori:第3-6(1))
	// 2026-04-01 09:40  システム管理者  脅威度の判定 <レベル3>: ファイアウォールを通過した不正アクセス  (tottori:第3-1, tottori:第3-6(1))
	// 2026-04-01 09:40  セキュリティ統括管理者  会議の開催 <レベル3>: 鳥取県住基ネットセキュリティ会議を開催（脅威度レベル3）  (tottori:第3-6(2), tottori:第3-6(1), tottori:第3-6(3))
}

func ExampleParseScenario() {
	s, err := drill.ParseScenario(bcp.Plan{}, []byte(`{"id":"card","plan":"kumiyama","events":[
		{"at":"2026-04-01T11:05:00+09:00","kind":"card-lost","by":"operator"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	tl, _ := drill.Run(bcp.Kumiyama(), s)
	for i := range tl.Entries {
		fmt.Println(render.Line(tl, i, bcp.Japanese))
	}
	_, err = drill.ParseScenario(bcp.Plan{}, []byte(`{"id":"card","plan":"kumiyama","events":[{"at":"soon","kind":"card-lost"}]}`))
	fmt.Println(err)
	// Output:
	// 2026-04-01 11:05  操作者  発見: 操作者用ICカードの紛失等  (kumiyama:第17条10項3号)
	// 2026-04-01 11:05  操作者 → システム管理者  報告: 操作者用ICカードを紛失若しくはき損した場合又は盗難若しくは詐取にあった場合は、直ちにシステム管理者に報告する  (kumiyama:第17条10項3号)
	// 2026-04-01 11:05  システム管理者  失効: 直ちに失効の手続きを取らなければならない  (kumiyama:第17条11項)
	// 2026-04-01 11:05  システム管理者  原因の究明: 操作者用ICカードの利用に関する検査（必要に応じ）  (kumiyama:第17条14項, kumiyama:第17条15項)
	// drill: scenario: $.events[0].at: "soon" is not an RFC 3339 time
}
