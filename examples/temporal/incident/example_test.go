package incident_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/examples/temporal/incident"
)

// An Incident is what the workflow keeps, and works without Temporal: here
// nakano's IaaS outage is detected at 7:30, and the first scheduled report
// falls due at 8:15 (統合仮想サーバ 3(4)①ア) while nothing else happens: its
// line is in the plan's words (Start.Lang "en" words it in English).
func ExampleIncident() {
	file, _ := reference.File("nakano")
	first := json.RawMessage(`{"at":"2026-04-01T07:30:00+09:00","kind":"fault-detected","by":"iaas-provider"}`)
	in, err := incident.Open(incident.Start{ID: "nakano-2026-04-01", First: first}, file)
	if err != nil {
		fmt.Println(err)
		return
	}
	now := time.Date(2026, 4, 1, 7, 30, 0, 0, time.FixedZone("JST", 9*3600))
	due, next := in.Due(now)
	fmt.Printf("%d entries due at detection; next at %s\n", len(due[0].Entries), next.Format("15:04"))

	due, _ = in.Due(next.Add(incident.Grace))
	fmt.Println(due[0].Lines[0])
	prov := in.Record().Provenance // its Fingerprint changes with any edit of the plan file
	fmt.Println(prov.Plan, prov.Version)
	// Output:
	// 18 entries due at detection; next at 08:15
	// 2026-04-01 08:15  情報システム課 → 主管課長  定時連絡 [電話及び紙媒体]: 障害復旧見込が不明な場合  (nakano:統合仮想サーバ 3(4)①ア, nakano:統合仮想サーバ 3(4)①イ, nakano:統合仮想サーバ 3(2), nakano:ICT-BCP 7(1))
	// nakano 案 (2021年3月策定予定)
}
