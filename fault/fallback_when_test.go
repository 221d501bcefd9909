package fault

import (
	"errors"
	"testing"
	"time"

	"github.com/jukiplan/jukiplan/council"
)

// TestAlternativesIn: a fallback is offered once its condition holds. ino
// 第5条 makes 代替措置の実施 (例: 発行可能な近接市町村を案内する) an item the
// security council decides, and the council meets on a serious fault (第4条:
// 極めて重大な障害で長時間に渡るサーバ停止と判断した時); kumamoto's downtime
// server and kumiyama's network fallbacks have no condition.
func TestAlternativesIn(t *testing.T) {
	down := Facts{ServerDown: true, OperationImpossible: true, CauseUnknown: true}
	serious := Facts{ServerDown: true, OperationImpossible: true, Impact: 80, ExpectedStop: 8 * time.Hour}
	tests := []struct {
		name string
		plan Procedure
		s    Facts
		want []Alternative
	}{
		{"ino:第5条/down-not-yet-serious", ino(), down, nil},
		{"ino:第5条/short-stop", ino(), Facts{ServerDown: true, Impact: 80, ExpectedStop: time.Hour}, nil},
		{"ino:第4条+第5条/serious", ino(), serious, []Alternative{NearbyMunicipality}},
		{"kumamoto:別紙3/no-condition", kumamoto(), down, []Alternative{DowntimeServer}},
		{"kumiyama:第26条/network", kumiyama(), Facts{ServerDown: true, Kind: Network}, []Alternative{DegradedOperation, AlternateOperation}},
		{"kumiyama:第26条/not-hardware", kumiyama(), Facts{ServerDown: true, Kind: Hardware}, nil},
		{"zero-plan", Procedure{}, serious, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Alternative
			for _, f := range tt.plan.AlternativesIn(tt.s) {
				got = append(got, f.Alternative)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("AlternativesIn = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("AlternativesIn = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestFallbackWhenValidated: a fallback's condition must be one of the
// conditions, like a row of escalation's.
func TestFallbackWhenValidated(t *testing.T) {
	s := ino().Spec()
	s.Alternatives[0].When = Condition(200)
	if _, err := NewProcedure(s); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("NewPlan(when 200) = %v, want ErrInvalid", err)
	}
	s.Alternatives[0].When = 0
	p, err := NewProcedure(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.AlternativesIn(Facts{ServerDown: true}); len(got) != 1 {
		t.Errorf("without a condition, AlternativesIn(down) = %v, want the fallback", got)
	}
}

// TestStartAlternativeIno第5条AfterSerious: the lifecycle refuses ino's
// nearby-municipality alternative until the fault is judged serious, the
// condition under which the council that decides it meets (第4条, 第5条).
func TestStartAlternativeIno第5条AfterSerious(t *testing.T) {
	f, err := ino().Open()
	if err != nil {
		t.Fatal(err)
	}
	if f, err = f.Identify(Hardware, municipalEquipment); err != nil {
		t.Fatal(err)
	}
	_, err = f.StartAlternative(NearbyMunicipality)
	var te *TransitionError
	if !errors.Is(err, ErrTransition) || !errors.As(err, &te) || te.Missing != Escalated {
		t.Fatalf("StartAlternative before the serious judgement: %v; want ErrTransition missing %s", err, Escalated)
	}
	if f, err = f.Investigate(Findings{Serious: true}); err != nil {
		t.Fatal(err)
	}
	g, err := f.StartAlternative(NearbyMunicipality)
	if err != nil || !g.Alternatives().Has(NearbyMunicipality) {
		t.Errorf("StartAlternative after the serious judgement: %v", err)
	}
}
