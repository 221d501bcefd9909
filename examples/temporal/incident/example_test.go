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

// When tottori's level-3 act is known (the access passed the firewall), the
// security council is convened (tottori:第3-6(2)) and the incident holds its
// meeting on the agenda of tottori:第3-6(3): decisions are recorded in the
// plan's words, and one the meeting cannot take is the library's error.
func ExampleIncident_Decide() {
	file, _ := reference.File("tottori")
	first := json.RawMessage(`{"at":"2026-04-01T09:00:00+09:00","kind":"act-observed","by":"staff","act":{"kind":"unauthorized-access","source":"local"}}`)
	in, err := incident.Open(incident.Start{ID: "tottori-drill", First: first}, file)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := in.Take(json.RawMessage(`{"at":"2026-04-01T09:40:00+09:00","kind":"attribute-learned","learned":{"firewall":"passed"}}`)); err != nil {
		fmt.Println(err)
		return
	}
	now := time.Date(2026, 4, 1, 10, 0, 0, 0, time.FixedZone("JST", 9*3600))
	for _, d := range []string{
		`{"body":"鳥取県住基ネットセキュリティ会議","key":"system-stop","status":"決定","text":"一部切離し","by":"セキュリティ統括管理者"}`,
		`{"body":"security-council","key":"publicity","status":"not-applicable","text":"住民情報の漏えいはない","by":"security-chief"}`,
		`{"body":"security-council","key":"evacuation","status":"decided","text":"避難","by":"security-chief"}`,
		`{"body":"security-council","close":true}`,
	} {
		if err := in.Decide(now, json.RawMessage(d)); err != nil {
			fmt.Println(err)
		}
	}
	m := in.Record().Meetings[0]
	fmt.Println(m.Body, m.Meeting.Trigger(), m.Meeting.Opened().Format("15:04"), m.Outstanding)
	// Output:
	// incident tottori-drill: decision: security-council: council: meeting on tottori:第3-6(3): decided "evacuation": unknown agenda item
	// incident tottori-drill: decision: security-council: council: meeting on tottori:第3-6(3): cannot close: outstanding resident-response
	// security-council threat-level-3 09:40 [resident-response]
}
