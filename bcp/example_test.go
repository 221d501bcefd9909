package bcp_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
)

func ExampleNakano_inventory() {
	inv := bcp.Nakano().Continuity.Inventory
	fmt.Println(len(inv.Systems)-1, "systems in 図4")
	for _, s := range inv.Systems[:4] {
		fmt.Println(s.ID, s.Name, s.Owner, s.Kind, s.Scale)
	}
	_, err := bcp.Order(inv.Systems, bcp.OrderOptions{})
	fmt.Println(errors.Is(err, bcp.ErrUnassessed))
	// Output:
	// 38 systems in 図4
	// iaas 統合仮想サーバ環境 情報システム課 platform large
	// fig4-01 中野区公式ホームページ 広聴・広報課 application unassessed
	// fig4-02 統合仮想サーバ環境（監視サーバ） 情報システム課 monitoring unassessed
	// fig4-03 内部事務管理システム 情報システム課 application unassessed
	// true
}

func ExampleOrder() {
	inv := bcp.Nakano().Continuity.Inventory
	// The council has decided some scales; the rest stay unassessed.
	for i := range inv.Systems {
		switch inv.Systems[i].ID {
		case "fig4-11": // 住民情報システム（NCAS）
			inv.Systems[i].Scale = bcp.Large
			inv.Systems[i].Target = 4 * time.Hour
			inv.Systems[i].DependsOn = []string{"fig4-06"}
		case "fig4-13": // 戸籍情報総合システム
			inv.Systems[i].Scale = bcp.Large
			inv.Systems[i].Alternative = true
		case "fig4-06": // ドメインサーバ・ファイルサーバ
			inv.Systems[i].Scale = bcp.Medium
		}
	}
	// The positions cite the clauses nakano gives for each ground.
	clauses := bcp.Nakano().Continuity.Order
	ps, err := bcp.Order(inv.Systems, bcp.OrderOptions{Unassessed: bcp.AssessedFirst, Clauses: clauses})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range ps[:6] {
		fmt.Println(p.Rank, p.ID, p.Name, p.Effective, p.Target, p.RaisedBy, p.Reasons)
	}
	fmt.Println(ps[3].Citations)
	// Output:
	// 1 iaas 統合仮想サーバ環境 large 4h0m0s  {platform scale inherited no-alternative}
	// 2 fig4-02 統合仮想サーバ環境（監視サーバ） unassessed 0s  {monitoring scale dependencies no-alternative policy}
	// 3 fig4-06 ドメインサーバ・ファイルサーバ large 4h0m0s fig4-11 {scale inherited raised dependencies no-alternative}
	// 4 fig4-11 住民情報システム（NCAS） large 4h0m0s  {scale target dependencies no-alternative}
	// 5 fig4-13 戸籍情報総合システム large 0s  {scale dependencies alternative}
	// 6 fig4-01 中野区公式ホームページ unassessed 0s  {scale dependencies no-alternative tie-break policy}
	// nakano:統合仮想サーバ 4(5), nakano:統合仮想サーバ 4(6), nakano:統合仮想サーバ 4(7)
}

func ExampleSelectBackups() {
	sel, err := bcp.SelectBackups([]bcp.Backup{
		{ID: "fig4-11", Scale: bcp.Large, Size: 800},
		{ID: "fig4-13", Scale: bcp.Large, Size: 500},
		{ID: "fig4-01", Scale: bcp.Small, Size: 50},
		{ID: "fig4-17", Scale: bcp.Medium, Size: 300},
	}, 1500, 0)
	fmt.Println(sel.Chosen, sel.Left, sel.Used, err)
	// Output: [fig4-11 fig4-13] [fig4-17 fig4-01] 1300 <nil>
}

func ExampleContinuity_ContactFor() {
	nakano := bcp.Nakano()
	plan, words := nakano.Continuity, nakano.Vocabulary // channels print in the plan's words
	for _, p := range bcp.AllPatterns() {
		c, _ := plan.ContactFor(bcp.WardWide, p.Services())
		o, _ := plan.ContactFor(bcp.SystemOwners, p.Services())
		fmt.Printf("%s: ward-wide %s also %v via-management %v; owners %s\n", p, words.Label(c.Channel, bcp.Japanese), c.Also, c.Via.IsValid(), words.Label(o.Channel, bcp.Japanese))
	}
	// Output:
	// a: ward-wide 電話及び紙媒体 also {} via-management true; owners 電話及び紙媒体
	// b: ward-wide 全庁キャビネット also {groupware-notice} via-management false; owners 電話及び紙媒体
	// c: ward-wide 全庁ファイルサーバ also {groupware-notice} via-management false; owners グループウェアメール
}

func ExampleReportPlan_Reports() {
	jst := time.FixedZone("JST", 9*3600)
	plan := bcp.Nakano().Continuity.Schedule // 08:15, 12:00 and 16:00 while unknown
	rs, _ := plan.Reports(bcp.Window{
		Detected:  time.Date(2026, 4, 1, 7, 40, 0, 0, jst),
		Known:     time.Date(2026, 4, 1, 14, 0, 0, 0, jst),
		Expected:  time.Date(2026, 4, 1, 18, 30, 0, 0, jst),
		Recovered: time.Date(2026, 4, 1, 19, 0, 0, 0, jst),
		Changes:   []bcp.Change{{At: time.Date(2026, 4, 1, 10, 5, 0, 0, jst), Fields: bcp.FieldsOf(bcp.FieldCause)}},
	})
	for _, r := range rs {
		fmt.Println(r.At.Format("15:04"), r.Kind.Label(), r.Known, r.Fields)
	}
	// Output:
	// 08:15 定時連絡 false {}
	// 10:05 進捗連絡 false {cause}
	// 12:00 定時連絡 false {cause}
	// 16:00 定時連絡 true {}
	// 18:30 定時連絡 true {}
}

func ExampleReport_Validate() {
	err := bcp.Report{
		Format:     bcp.OnForm,
		OccurredAt: time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC),
		DetectedAt: time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC),
		Situation:  bcp.Situation{What: "停止", Summary: "IaaS停止"},
		Cause:      "調査中",
	}.Validate()
	fmt.Println(err)
	// Output:
	// bcp: report: situation: missing where
	// bcp: report: response: missing
	// bcp: report: expected-recovery: missing: give a time or mark it unknown
	// bcp: report: detected: detected at 2026-04-01T08:00:00Z, before it occurred at 2026-04-01T09:00:00Z
}

func ExampleHorizonOf() {
	h, _ := bcp.HorizonOf(30 * time.Hour)
	p := bcp.SystemPlan{System: "fig4-13", Manual: []bcp.Manual{{Horizon: bcp.HalfDay, Procedure: "紙で受付"}}}
	required := bcp.Nakano().Continuity.Horizons // nakano: every horizon
	fmt.Println(h, h.Label(), required.Gaps(p))
	// Output: few-days 2～3日 {one-day few-days one-week}
}

func ExampleOutside() {
	p := bcp.Nakano()
	var o bcp.Outside
	for _, x := range p.Continuity.Routes {
		if x.Incident == bcp.SpecificLeak {
			o = x
		}
	}
	// Nakano's posts and the bodies outside the ward are its own: they
	// print in its words.
	ja := func(x interface {
		Label() string
		String() string
	}) string {
		return p.Vocabulary.Label(x, bcp.Japanese)
	}
	for _, r := range o.Routes {
		if r.ReportedBy.IsValid() {
			fmt.Print(ja(r.ReportedBy), " → ")
		}
		var to []string
		for x := range r.To.All() {
			to = append(to, ja(x))
		}
		fmt.Println(ja(r.Reporter), "→", to, r.Citations)
	}
	fmt.Println("publication and assembly:", ja(o.Publication))
	// Output:
	// 情報システム課 → [東京都戦略政策情報推進本部 ICT 推進部] nakano:ICT-BCP 6(3)オ
	// 主管部長 → 危機管理課 → [個人情報保護委員会 東京都総務局行政部振興企画課] nakano:ICT-BCP 6(3)カ
	// publication and assembly: 区長
}

func ExamplePhase() {
	p := bcp.Nakano()
	en := func(x interface {
		Label() string
		String() string
	}) string {
		return p.Vocabulary.Label(x, bcp.English)
	}
	for _, ph := range p.Continuity.Flow {
		if ph.Body.IsValid() {
			fmt.Println(ph.Step, en(ph.Body))
			continue
		}
		var who []string
		for x := range ph.Roles.All() {
			who = append(who, en(x))
		}
		for x := range ph.Parties.All() {
			who = append(who, en(x))
		}
		fmt.Println(ph.Step, strings.Join(who, ", "))
	}
	// Output:
	// detection IaaS provider
	// platform-recovery IaaS provider
	// system-check information systems division, owning division head
	// response-structure information systems division, owning division head, system vendors
	// alternative-means owning division head
	// priority-setting information security committee
	// system-recovery information systems division, owning division head, IaaS provider, system vendors
}
