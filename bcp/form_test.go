package bcp

import (
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func fullReport() Report {
	return Report{
		Format:     OnForm,
		OccurredAt: at(1, 9, 0), DetectedAt: at(1, 9, 20),
		Situation: Situation{What: "統合仮想サーバ環境の停止", Where: "データセンター", Summary: "主管システムが停止"},
		Cause:     "調査中", Response: "提供事業者が復旧作業中",
		RecoveryUnknown: true,
	}
}

// problems returns the field and problem of every FieldError in err.
func problems(err error) []FieldError {
	var out []FieldError
	var walk func(error)
	walk = func(e error) {
		if fe, ok := e.(*FieldError); ok {
			out = append(out, *fe)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

func TestReportValidate(t *testing.T) {
	with := func(f func(*Report)) Report { r := fullReport(); f(&r); return r }
	for _, tc := range []struct {
		name   string
		r      Report
		fields []Field
	}{
		{"nakano:統合仮想サーバ 3(2)/complete", fullReport(), nil},
		{"nakano:統合仮想サーバ 3(2)/expected-time", with(func(r *Report) { r.RecoveryUnknown = false; r.ExpectedRecovery = at(2, 9, 0) }), nil},
		{"nakano:統合仮想サーバ 3(2)/every-missing-field", Report{Format: OnForm},
			[]Field{FieldDetected, FieldSituation, FieldOccurred, FieldSituation, FieldSituation, FieldCause, FieldResponse, FieldExpectedRecovery}},
		{"nakano:統合仮想サーバ 3(2)/detected-before-occurred", with(func(r *Report) { r.DetectedAt = at(1, 8, 0) }), []Field{FieldDetected}},
		{"nakano:統合仮想サーバ 3(2)/expected-before-detected", with(func(r *Report) { r.RecoveryUnknown = false; r.ExpectedRecovery = at(1, 9, 10) }), []Field{FieldExpectedRecovery}},
		{"nakano:統合仮想サーバ 3(2)/expected-and-unknown", with(func(r *Report) { r.ExpectedRecovery = at(2, 9, 0) }), []Field{FieldExpectedRecovery}},
		{"nakano:ICT-BCP 7(1)/first-report-oral-summary-only", Report{First: true, Format: Oral, DetectedAt: at(1, 9, 20), Situation: Situation{Summary: "サーバ停止"}}, nil},
		{"nakano:ICT-BCP 7(1)/first-report-memo-needs-summary", Report{First: true, Format: Memo, DetectedAt: at(1, 9, 20)}, []Field{FieldSituation}},
		{"nakano:ICT-BCP 7(1)/first-report-on-form-is-full", Report{First: true, Format: OnForm, DetectedAt: at(1, 9, 20), Situation: Situation{Summary: "停止"}},
			[]Field{FieldOccurred, FieldSituation, FieldSituation, FieldCause, FieldResponse, FieldExpectedRecovery}},
		{"nakano:ICT-BCP 7(1)/later-report-not-oral", with(func(r *Report) { r.Format = Oral }), []Field{FieldFormat}},
		{"nakano:ICT-BCP 7(1)/format-missing", with(func(r *Report) { r.Format = 0 }), []Field{FieldFormat}},
		{"nakano:ICT-BCP 7(1)/format-unknown", with(func(r *Report) { r.Format = 9 }), []Field{FieldFormat}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.r.Validate()
			if tc.fields == nil {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			if !errors.Is(err, ErrReport) {
				t.Fatalf("Validate() = %v; want ErrReport", err)
			}
			var got []string
			for _, p := range problems(err) {
				got = append(got, p.Field)
			}
			var want []string
			for _, f := range tc.fields {
				want = append(want, f.String())
			}
			slices.Sort(want)
			slices.Sort(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("fields with problems (-want +got):\n%s\nerror: %v", diff, err)
			}
			if fe, ok := errors.AsType[*FieldError](err); !ok || fe.Err == nil || fe.Err.Error() == "" || fe.Record != "bcp: report" {
				t.Errorf("no FieldError in %v", err)
			}
		})
	}
}

// TestNakanoReportCitations: the nakano plan file rests its report schedule
// on 統合仮想サーバ 3(4)①ア and イ, and the report's items and first report on
// 3(2) and ICT-BCP 7(1).
func TestNakanoReportCitations(t *testing.T) {
	want := "nakano:統合仮想サーバ 3(4)①ア, nakano:統合仮想サーバ 3(4)①イ, nakano:統合仮想サーバ 3(2), nakano:ICT-BCP 7(1)"
	if got := Nakano().Continuity.Schedule.Citations.String(); got != want {
		t.Errorf("schedule citations = %q; want %q", got, want)
	}
}
