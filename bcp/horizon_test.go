package bcp

import (
	"errors"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func TestHorizonOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		d    time.Duration
		want Horizon
	}{
		{"nakano:ICT-BCP 9(2)ウ/半日/1h", time.Hour, HalfDay},
		{"nakano:ICT-BCP 9(2)ウ/半日/12h", 12 * time.Hour, HalfDay},
		{"nakano:ICT-BCP 9(2)ウ/1日/12h1m", 12*time.Hour + time.Minute, OneDay},
		{"nakano:ICT-BCP 9(2)ウ/1日/24h", 24 * time.Hour, OneDay},
		{"nakano:ICT-BCP 9(2)ウ/2～3日/48h", 48 * time.Hour, FewDays},
		{"nakano:ICT-BCP 9(2)ウ/2～3日/72h", 72 * time.Hour, FewDays},
		{"nakano:ICT-BCP 10-1-1(1)/1週間/73h", 73 * time.Hour, OneWeek},
		{"nakano:ICT-BCP 10-1-1(1)/1週間/7d", 7 * 24 * time.Hour, OneWeek},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := HorizonOf(tc.d)
			if err != nil || got != tc.want {
				t.Errorf("HorizonOf(%v) = %v, %v; want %v", tc.d, got, err, tc.want)
			}
		})
	}
	if _, err := HorizonOf(0); !errors.Is(err, ErrInvalid) {
		t.Errorf("HorizonOf(0) error = %v", err)
	}
	if _, err := HorizonOf(7*24*time.Hour + 1); !errors.Is(err, ErrBeyondHorizons) {
		t.Errorf("HorizonOf(>1 week) error = %v", err)
	}
	rapid.Check(t, func(t *rapid.T) {
		d := time.Duration(rapid.Int64Range(1, int64(7*24*time.Hour)).Draw(t, "d"))
		h, err := HorizonOf(d)
		if err != nil || d > h.Limit() || h > HalfDay && d <= (h-1).Limit() {
			t.Fatalf("HorizonOf(%v) = %v, %v: not the shortest covering horizon", d, h, err)
		}
	})
}

func TestSystemPlanGaps(t *testing.T) {
	p := SystemPlan{System: "fig4-13", Manual: []Manual{
		{Horizon: HalfDay, Procedure: "紙の申請書で受付"},
		{Horizon: FewDays, Procedure: "近隣窓口を案内"},
		{Horizon: OneDay, Procedure: ""},
	}}
	hp := *Nakano().Continuity.Horizons
	t.Run("nakano:ICT-BCP 9(2)ウ/gaps", func(t *testing.T) {
		if got, want := hp.Gaps(p), HorizonsOf(OneDay, OneWeek); got != want {
			t.Errorf("Gaps() = %v; want %v", got, want)
		}
		err := hp.Check(p)
		if !errors.Is(err, ErrUncovered) || !errors.Is(err, ErrInvalid) {
			t.Fatalf("Check() = %v", err)
		}
		for _, w := range []string{"procedure 2: empty", "no manual procedure for one-day (1日)", "one-week (1週間)"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Check() %q does not say %q", err, w)
			}
		}
	})
	t.Run("nakano:ICT-BCP 10-1-1(1)/complete", func(t *testing.T) {
		full := SystemPlan{System: "x"}
		for h := range hp.Required.All() {
			full.Manual = append(full.Manual, Manual{Horizon: h, Procedure: "手作業"})
		}
		if err := hp.Check(full); err != nil || hp.Gaps(full) != 0 {
			t.Errorf("Check() = %v, Gaps() = %v", err, hp.Gaps(full))
		}
	})
	if hp.Required != HorizonsOf(AllHorizons()...) {
		t.Errorf("nakano requires %v", hp.Required)
	}
}

// TestHorizonPlanGaps: the gaps are those of the plan's own horizon plan,
// not of nakano's.
func TestHorizonPlanGaps(t *testing.T) {
	sp := SystemPlan{System: "s", Manual: []Manual{{Horizon: HalfDay, Procedure: "紙"}, {Horizon: OneWeek, Procedure: "窓口"}}}
	for _, tc := range []struct {
		name     string
		required Horizons
		want     Horizons
	}{
		{"none required", 0, 0},
		{"half a day only", HorizonsOf(HalfDay), 0},
		{"one day and a week", HorizonsOf(OneDay, OneWeek), HorizonsOf(OneDay)},
		{"every horizon", HorizonsOf(AllHorizons()...), HorizonsOf(OneDay, FewDays)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hp := HorizonPlan{Required: tc.required}
			if got := hp.Gaps(sp); got != tc.want {
				t.Errorf("Gaps = %v; want %v", got, tc.want)
			}
			err := hp.Check(sp)
			if got := errors.Is(err, ErrUncovered); got != (tc.want != 0) {
				t.Errorf("Check = %v; want uncovered %v", err, tc.want != 0)
			}
		})
	}
}
