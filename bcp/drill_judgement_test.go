package bcp

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/threat"
)

// TestDrillJudgements covers the paths the built-in scenarios do not:
// ino's judgement of a serious threat, kumiyama's council on request, a
// tottori act the level table does not cover.
func TestDrillJudgements(t *testing.T) {
	staff := council.ByRole(council.Staff)
	tests := []struct {
		name   string
		plan   Plan
		events []Event
		ev     int
		act    Act
		by, to council.Actor
		clause string
	}{
		{"ino:第11条/unjudged/judge", Ino(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.Leak}},
		}, 0, ActJudge, council.ByRole(council.SystemAdministrator), council.Actor{}, "ino:第11条"},
		{"ino:第12条/serious/council", Ino(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.Leak}},
			{At: day(0, 9, 30), Kind: AttributeLearned, Learned: threat.Event{Place: threat.PlaceProtected}, Judgement: Serious, Reason: "本人確認情報の漏えいのおそれ"},
		}, 1, ActConvene, council.ByRole(council.SecurityChief), council.Actor{}, "ino:第12条"},
		{"kumiyama:第6条5項/act/request-council", Kumiyama(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.CredentialLeak}},
		}, 0, ActRequest, council.ByRole(council.SystemAdministrator), council.ByRole(council.SecurityChief), "kumiyama:第6条5項"},
		{"kumiyama:第6条5項/fault/request-council", Kumiyama(), []Event{
			{At: day(0, 9, 0), Kind: FaultDetected, Status: Status{ServerDown: true}},
		}, 0, ActConvene, council.ByRole(council.SecurityChief), council.Actor{}, "kumiyama:第6条5項"},
		{"tottori:第3-1/not-covered/judge", Tottori(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.FormTheftOrLoss}},
		}, 0, ActJudge, council.ByRole(council.SystemAdministrator), council.Actor{}, "tottori:第3-1"},
		{"tottori:第2-1/trigger/treat-as-fault", Tottori(), []Event{
			{At: day(0, 9, 0), Kind: FaultDetected, Trigger: 1, Status: Status{ServerDown: true, ExpectedStop: 48 * time.Hour, Impact: 70}},
		}, 0, ActConvene, council.ByRole(council.SecurityChief), council.Actor{}, "tottori:第2-4(2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Run(tt.plan, Scenario{ID: "t", Plan: tt.plan.ID, Events: tt.events})
			if err != nil {
				t.Fatal(err)
			}
			if !has(tl, tt.ev, tt.act, tt.by, tt.to, tt.clause) {
				t.Errorf("no %v by %v to %v at event %d citing %s:\n%s", tt.act, tt.by, tt.to, tt.ev, tt.clause, tl.Text(English))
			}
		})
	}
}

// TestDrillConcurrent runs one prepared drill from many goroutines (run it
// with -race): a Drill is read-only.
func TestDrillConcurrent(t *testing.T) {
	d, err := NewDrill(Nakano())
	if err != nil {
		t.Fatal(err)
	}
	s := nakanoWeek()
	want, err := d.Run(s)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			got, err := d.Run(s)
			if err != nil {
				errs <- err.Error()
				return
			}
			if diff := cmp.Diff(want, got); diff != "" {
				errs <- diff
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestNewDrillCopiesThePlan: changing the plan after NewDrill does not
// change the drills it runs.
func TestNewDrillCopiesThePlan(t *testing.T) {
	p := Kumiyama()
	d, err := NewDrill(p)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ScenarioByID("kumiyama-lost-card")
	before, _ := d.Run(s)
	p.Measures.Controls.InForce = 0
	after, err := d.Run(s)
	if err != nil {
		t.Fatalf("drill changed with the caller's plan: %v", err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("drill changed with the caller's plan (-before +after):\n%s", diff)
	}
}

func ExampleTimeline_Mermaid() {
	s, _ := ScenarioByID("kumiyama-lost-card")
	tl, _ := Run(Kumiyama(), s)
	for i, line := range splitLines(tl.Mermaid(Japanese)) {
		if i != 1 { // line 1 is a comment naming the plan's fingerprint
			fmt.Println(line)
		}
	}
	// Output:
	// sequenceDiagram
	//     participant r_operator as 操作者
	//     participant r_system_administrator as システム管理者
	//     Note over r_operator: 04-01 11:05 発見: 操作者用ICカードの紛失等 (kumiyama:第17条10項3号)
	//     r_operator->>r_system_administrator: 04-01 11:05 報告: 操作者用ICカードの紛失等を直ちに報告 (kumiyama:第17条10項3号)
	//     Note over r_system_administrator: 04-01 11:05 失効: 直ちに失効の手続きを取る (kumiyama:第17条11項)
	//     Note over r_system_administrator: 04-01 11:05 原因の究明: 操作者用ICカードの利用に関する検査（必要に応じ） (kumiyama:第17条14項, kumiyama:第17条15項)
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}
