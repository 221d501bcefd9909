package bcp

import (
	"fmt"

	"github.com/jukiplan/jukiplan/council"
)

// PlatformID is the ID of the IaaS environment in the [NakanoInventory] inventory.
const PlatformID = "iaas"

// fig4 is 統合仮想サーバ 図4 (各主管システム基本情報): the 38 hosted systems and
// their owning divisions, in the figure's order and spelling. Row 2 is the
// environment's monitoring server.
var fig4 = [38]struct{ name, owner string }{
	{"中野区公式ホームページ", "広聴・広報課"},
	{"統合仮想サーバ環境（監視サーバ）", "情報システム課"},
	{"内部事務管理システム", "情報システム課"},
	{"庁内情報ネットワークシステム（グループウェア）", "情報システム課"},
	{"入退室管理システム", "情報システム課"},
	{"ドメインサーバ・ファイルサーバ", "情報システム課"},
	{"ファイルサーバ管理用サーバ", "情報システム課"},
	{"東京都電子自治体共同運営システム", "情報システム課"},
	{"情報資産台帳管理システム", "情報システム課"},
	{"ファイルサーバ運用管理システム", "情報システム課"},
	{"住民情報システム（NCAS）", "情報システム課"},
	{"人事・給与総合情報システム", "職員課"},
	{"戸籍情報総合システム", "戸籍住民課"},
	{"コンビニ交付システム（住・印）", "戸籍住民課"},
	{"戸籍証明コンビニ交付システム", "戸籍住民課"},
	{"個人番号カード交付通知管理システム", "戸籍住民課"},
	{"滞納整理支援システム（税・国保）", "税務課"},
	{"子ども・子育て支援システム「こあら」", "保育園・幼稚園課"},
	{"子ども・子育て支援システム「MISALIO」", "保育園・幼稚園課"},
	{"私立幼稚園補助金システム", "保育園・幼稚園課"},
	{"母子保健・乳幼児健診システム", "子育て支援課"},
	{"子育て相談支援システム", "子育て支援課"},
	{"学童保育システム", "育成活動推進課"},
	{"要支援者情報台帳システム", "地域活動推進課"},
	{"ADWORLD 介護保険システム", "介護・高齢者支援課"},
	{"後期高齢者医療管理システム", "介護・高齢者支援課"},
	{"高齢・障害福祉業務管理システム （高齢・障害セキュリティサーバ）", "福祉推進課"},
	{"高齢・障害福祉業務管理システム", "福祉推進課"},
	{"臨時福祉給付金業務支援システム", "福祉推進課"},
	{"生活保護事務支援システム", "生活援護課"},
	{"福祉貸付金システム", "生活援護課"},
	{"健診管理システム（予防接種履歴管理システム）", "保健予防課"},
	{"図面管理統合システム及び舗装維持管理システム", "道路課"},
	{"就学事務システム", "学校教育課"},
	{"区内小中学校教育系共有ファイルサーバシステム", "学校教育課"},
	{"区内小中学校教育系資産管理およびフィルタリングシステム", "学校教育課"},
	{"校務支援システム", "学校教育課"},
	{"区立学校教職員校務サーバ機器類", "学校教育課"},
}

// NakanoInventory returns the inventory of the nakano plan, fresh on every call: the
// IaaS environment itself (ID [PlatformID]) followed by the 38 hosted systems
// of 統合仮想サーバ 図4 with their owning divisions exactly as listed, with IDs
// "fig4-01" to "fig4-38" after the figure's row numbers.
//
// The source says the impact scale is still being decided (現在調整中) and the
// related services are still being confirmed, so the scale of every 図4
// system is [Unassessed], no alternative means, difficulty, dependency or
// target is set, and [Order] refuses the preset until the caller sets the
// scales or chooses an [UnassessedPolicy].
//
// 図4 lists only the systems running on the environment; the environment
// itself is added as the [Platform] entry (the library's own extension, so
// that [Order] can place it), with impact scale [Large] because its stop
// stops all 38 (ICT-BCP 10-1-1(1): 関係システムが停止する), owned on the
// ward's side by the information systems division (統合仮想サーバ 1, 3(1))
// and recovered first (4(2)(7)). Every 図4 system is hosted on it (統合仮想サーバ 1: 主管システム are
// the systems that use the environment); row 2, the monitoring server, is the
// [Monitoring] entry.
func NakanoInventory() Inventory {
	fig := council.Cite(council.PlanNakano, "統合仮想サーバ 図4")
	inv := Inventory{
		Plan:      council.PlanNakano,
		Systems:   make([]System, 0, len(fig4)+1),
		Citations: council.Cites(council.Cite(council.PlanNakano, "統合仮想サーバ 1"), fig),
		Note:      "影響規模は現在調整中、関連する事務・行政サービスは現在確認中 (統合仮想サーバ 図4 注): the 38 scales are unassessed",
	}
	inv.Systems = append(inv.Systems, System{
		ID: PlatformID, Name: "統合仮想サーバ環境", Owner: "情報システム課",
		Kind: Platform, Scale: Large,
		Citations: council.Cites(
			council.Cite(council.PlanNakano, "統合仮想サーバ 1"),
			council.Cite(council.PlanNakano, "統合仮想サーバ 4(2)"),
			council.Cite(council.PlanNakano, "ICT-BCP 10-1-1(1)")),
	})
	for i, row := range fig4 {
		k := Application
		if i == 1 {
			k = Monitoring
		}
		inv.Systems = append(inv.Systems, System{
			ID: fmt.Sprintf("fig4-%02d", i+1), Name: row.name, Owner: row.owner,
			Kind: k, Scale: Unassessed, Hosted: true,
			Citations: council.Cites(fig),
		})
	}
	return inv
}
