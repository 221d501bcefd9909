package council

import (
	"errors"
	"fmt"
	"testing"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// TestFieldErrorMessage: the one field-error shape reads, for a labelled
// field, "missing" for the missing sentinel, "invalid" for the bare
// invalid-value sentinel and the underlying problem otherwise, with the
// citation only when there is one; for a path, the path, Err and the reason.
// It unwraps to Err.
func TestFieldErrorMessage(t *testing.T) {
	asks := Cite(PlanTottori, "第2-2(2)")
	detail := fmt.Errorf("detected at 09:00, before it happened at 10:00: %w", ErrInvalid)
	for _, tc := range []struct {
		name string
		e    FieldError
		want string
		is   error
	}{
		{"tottori:第2-2(2)/missing-cited",
			FieldError{Record: "fault: terminal report", Field: "Message", Label: "画面の表示", Citation: asks, Err: problem.ErrMissing},
			"fault: terminal report: missing Message (画面の表示, tottori:第2-2(2))", problem.ErrMissing},
		{"missing-uncited",
			FieldError{Record: "threat: situation", Field: "where", Label: "場所", Err: problem.ErrMissing},
			"threat: situation: missing where (場所)", problem.ErrMissing},
		{"invalid-sentinel",
			FieldError{Record: "fault: terminal report", Field: "Startup", Label: "起動の可否", Err: ErrInvalid},
			"fault: terminal report: invalid Startup (起動の可否)", ErrInvalid},
		{"underlying-problem",
			FieldError{Record: "threat: situation", Field: "detectedAt", Label: "覚知日時", Citation: asks, Err: detail},
			"threat: situation: detectedAt (覚知日時): detected at 09:00, before it happened at 10:00: invalid value", ErrInvalid},
		{"path-with-reason",
			FieldError{Record: "measures: recurrence-prevention plan", Field: "technical[0].when", Reason: "技術面の再発防止策の実施時期", Err: problem.ErrMissing},
			"measures: recurrence-prevention plan: technical[0].when: missing (技術面の再発防止策の実施時期)", problem.ErrMissing},
		{"path-without-reason",
			FieldError{Record: "measures: playbook 1-2", Field: "steps[1].cite", Err: ErrInvalid},
			"measures: playbook 1-2: steps[1].cite: invalid value", ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.e.Error(); got != tc.want {
				t.Errorf("Error() = %q; want %q", got, tc.want)
			}
			if !errors.Is(&tc.e, tc.is) {
				t.Errorf("%v does not wrap %v", &tc.e, tc.is)
			}
		})
	}
}
