package bcp_test

import (
	"fmt"

	"github.com/jukiplan/jukiplan/bcp"
)

// What kumiyama's regulation asks before outsourcing (第31条, 第32条): the
// obligations of its plan file on that occasion, in the document's words.
func ExamplePlanMeasures_obligations() {
	p := bcp.Kumiyama()
	for _, o := range p.Measures.Obligations {
		if o.On != "外部委託をしようとするとき" {
			continue
		}
		fmt.Println(o.Key, o.By, o.When, o.Citations)
		fmt.Println(" ", o.Task, "→", o.To)
	}
	// Output:
	// contractor-survey [system-administrator info-protection-manager] あらかじめ kumiyama:第31条
	//   委託を受けようとする者における情報の保護に関する管理体制等について調査する → [contractor]
	// outsourcing-approval [system-administrator info-protection-manager] あらかじめ kumiyama:第32条
	//   委託する事務の内容、理由及び情報の保護に関する事項等について、セキュリティ統括責任者の承認を得る → [security-chief]
}
