package bcp

import (
	"errors"
	"testing"
)

// textEnum is the method set every enum of the package has.
type textEnum interface {
	comparable
	IsValid() bool
	String() string
	Label() string
	MarshalText() ([]byte, error)
	AppendText([]byte) ([]byte, error)
}

// checkEnum checks that every value encodes and decodes to itself through
// its English name and its Japanese label, that zero and one past the end are
// invalid, rejected and printed with the fallback, and that parsing junk wraps
// ErrInvalid.
func checkEnum[E textEnum, P interface {
	*E
	UnmarshalText([]byte) error
}](t *testing.T, name string, all []E, parse func(string) (E, error), past E) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		if len(all) == 0 {
			t.Fatal("no values")
		}
		for _, v := range all {
			if !v.IsValid() {
				t.Errorf("%v not valid", v)
			}
			b, err := v.MarshalText()
			if err != nil || string(b) != v.String() {
				t.Errorf("MarshalText(%v) = %q, %v", v, b, err)
			}
			if b2, _ := v.AppendText([]byte("x")); string(b2) != "x"+v.String() {
				t.Errorf("AppendText(%v) = %q", v, b2)
			}
			var got E
			if err := P(&got).UnmarshalText(b); err != nil || got != v {
				t.Errorf("UnmarshalText(%q) = %v, %v", b, got, err)
			}
			if got, err := parse(v.Label()); err != nil || got != v {
				t.Errorf("parse label %q = %v, %v", v.Label(), got, err)
			}
		}
		var zero E
		for _, bad := range []E{zero, past} {
			if bad.IsValid() {
				t.Errorf("%v valid", bad)
			}
			if _, err := bad.MarshalText(); !errors.Is(err, ErrInvalid) {
				t.Errorf("MarshalText(%v) error = %v", bad, err)
			}
		}
		if _, err := parse("no-such-value"); !errors.Is(err, ErrInvalid) {
			t.Errorf("parse junk error = %v", err)
		}
		v := all[0]
		if err := P(&v).UnmarshalText([]byte("junk")); err == nil || v != all[0] {
			t.Errorf("failed UnmarshalText changed the value to %v", v)
		}
	})
}

func TestEnums(t *testing.T) {
	checkEnum(t, "Scale", AllImpactScales(), ParseImpactScale, ImpactScale(5))
	checkEnum(t, "Kind", AllSystemKinds(), ParseSystemKind, SystemKind(4))
	checkEnum(t, "Difficulty", AllDifficulties(), ParseDifficulty, Difficulty(4))
	checkEnum(t, "UnassessedPolicy", AllUnassessedPolicies(), ParseUnassessedPolicy, UnassessedPolicy(3))
	checkEnum(t, "Reason", AllReasons(), ParseReason, Reason(13))
	checkEnum(t, "Service", AllServices(), ParseService, Service(5))
	checkEnum(t, "Pattern", AllPatterns(), ParsePattern, Pattern(4))
	checkEnum(t, "Channel", AllChannels(), ParseChannel, Channel(64)) // open: 11-63 are plan-declared
	checkEnum(t, "Audience", AllAudiences(), ParseAudience, Audience(8))
	checkEnum(t, "Field", AllFields(), ParseField, Field(8))
	checkEnum(t, "Format", AllFormats(), ParseFormat, Format(4))
	checkEnum(t, "ReportKind", AllReportKinds(), ParseReportKind, ReportKind(3))
	checkEnum(t, "Horizon", AllHorizons(), ParseHorizon, Horizon(5))
	checkEnum(t, "Incident", AllIncidents(), ParseIncident, Incident(4))
	checkEnum(t, "Step", AllFlowSteps(), ParseFlowStep, FlowStep(8))
	checkEnum(t, "Duty", AllDuties(), ParseDuty, Duty(16))
}

func TestScaleOrderAndLabels(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want ImpactScale
	}{{"大", Large}, {"中", Medium}, {"小", Small}, {"調整中", Unassessed}, {"large", Large}} {
		t.Run("nakano:統合仮想サーバ 図4/"+tc.in, func(t *testing.T) {
			if got, err := ParseImpactScale(tc.in); err != nil || got != tc.want {
				t.Errorf("ParseScale(%q) = %v, %v", tc.in, got, err)
			}
		})
	}
	if !(Large.Compare(Medium) < 0 && Medium.Compare(Small) < 0 && Small.Compare(Unassessed) < 0) {
		t.Error("Compare does not order large, medium, small, unassessed")
	}
	if ImpactScale(9).String() != "Scale(9)" {
		t.Errorf("fallback %q", ImpactScale(9).String())
	}
}

func TestSets(t *testing.T) {
	s := ServicesOf(Mail, Groupware, 0, 99)
	if s.Len() != 2 || !s.Has(Mail) || s.Has(Internet) || s.String() != "{groupware mail}" {
		t.Errorf("ServicesOf = %v", s)
	}
	if s.Without(Mail) != ServicesOf(Groupware) || !s.Contains(ServicesOf(Mail)) || s.Union(ServicesOf(Internet)).Len() != 3 {
		t.Errorf("set algebra wrong on %v", s)
	}
	if r := ReasonsOf(ReasonScale, ReasonTieBreak); r.String() != "{scale tie-break}" {
		t.Errorf("Reasons = %v", r)
	}
}
