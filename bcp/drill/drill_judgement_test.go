package drill

import (
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/bcp"

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
		plan   bcp.Plan
		events []Event
		ev     int
		act    Act
		by, to council.Actor
		clause string
	}{
		{"ino:第11条/unjudged/judge", bcp.Ino(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.Leak}},
		}, 0, ActJudge, council.ByRole(council.SystemAdministrator), council.Actor{}, "ino:第11条"},
		{"ino:第12条/serious/council", bcp.Ino(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.Leak}},
			{At: day(0, 9, 30), Kind: AttributeLearned, Learned: threat.Event{Place: threat.PlaceProtected}, Judgement: Serious, Reason: "本人確認情報の漏えいのおそれ"},
		}, 1, ActConvene, council.ByRole(council.SecurityChief), council.Actor{}, "ino:第12条"},
		{"kumiyama:第6条5項/act/request-council", bcp.Kumiyama(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.CredentialLeak}},
		}, 0, ActRequest, council.ByRole(council.SystemAdministrator), council.ByRole(council.SecurityChief), "kumiyama:第6条5項"},
		{"kumiyama:第6条5項/fault/request-council", bcp.Kumiyama(), []Event{
			{At: day(0, 9, 0), Kind: FaultDetected, Status: Status{ServerDown: true}},
		}, 0, ActConvene, council.ByRole(council.SecurityChief), council.Actor{}, "kumiyama:第6条5項"},
		{"tottori:第3-1/not-covered/judge", bcp.Tottori(), []Event{
			{At: day(0, 9, 0), Kind: ActObserved, By: staff, Act: threat.Event{Kind: threat.FormTheftOrLoss}},
		}, 0, ActJudge, council.ByRole(council.SystemAdministrator), council.Actor{}, "tottori:第3-1"},
		{"tottori:第2-1/trigger/treat-as-fault", bcp.Tottori(), []Event{
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
				t.Errorf("no %v by %v to %v at event %d citing %s:\n%s", tt.act, tt.by, tt.to, tt.ev, tt.clause, dump(tl))
			}
		})
	}
}
