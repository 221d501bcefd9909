package threat

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

func tot(clauses ...string) council.Citations { return cites(council.PlanTottori, clauses...) }
func kum(clauses ...string) council.Citations { return cites(council.PlanKumamoto, clauses...) }

// cmpCites lets cmp compare Citations through their Equal method (cmp uses
// Equal methods by default; this documents the intent).
var cmpCites = cmp.Comparer(func(a, b council.Citations) bool { return a.Equal(b) })

// One case per example row of the level table of tottori:第3-1.
func TestGradeTottoriTable(t *testing.T) {
	s := tottori()
	for _, tc := range []struct {
		name    string
		event   Event
		level   Level
		example string // a phrase of the example row
	}{
		{"tottori:第3-1/L1/intrusion-unrelated", Event{Kind: Intrusion, Place: PlaceUnrelated}, Level1, "直接関係のない備品"},
		{"tottori:第3-1/L2/intrusion-related", Event{Kind: Intrusion, Place: PlaceRelated}, Level2, "本人確認情報が記録されていない磁気ディスク"},
		{"tottori:第3-1/L2/firewall-stopped", Event{Kind: UnauthorizedAccess, Firewall: FirewallStopped}, Level2, "ファイアウォールを通過しなかった"},
		{"tottori:第3-1/L2/virus-detected", Event{Kind: VirusDetected}, Level2, "ウイルス対策ソフトによる"},
		{"tottori:第3-1/L3/intrusion-protected", Event{Kind: Intrusion, Place: PlaceProtected}, Level3, "本人確認情報が記録されている磁気ディスク"},
		{"tottori:第3-1/L3/firewall-passed", Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed}, Level3, "ファイアウォールを通過した不正アクセス"},
		{"tottori:第3-1/L3/suspicious-operation", Event{Kind: SuspiciousOperation}, Level3, "業務端末等の不審な操作"},
		{"tottori:第3-1/L3/virus-abnormal-behaviour", Event{Kind: VirusInfection}, Level3, "システムの異常動作"},
		{"tottori:第3-1/L3/serious-vulnerability", Event{Kind: Vulnerability, Severity: Serious}, Level3, "重大な脆弱性"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Grade(s, tc.event)
			if err != nil {
				t.Fatal(err)
			}
			wantCites := tot("第3-1")
			if tc.level == Level3 {
				wantCites = tot("第3-1", "第3-6(1)")
			}
			want := Grading{Plan: "tottori", Event: tc.event, Level: tc.level, Serious: tc.level == Level3, Example: g.Example, Citations: wantCites}
			if diff := cmp.Diff(want, g, cmpCites); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !strings.Contains(g.Example, tc.example) {
				t.Errorf("example %q does not contain %q", g.Example, tc.example)
			}
		})
	}
}

// One case per example row of the level table of kumamoto:4(1)(イ).
func TestGradeKumamotoTable(t *testing.T) {
	s := kumamoto()
	for _, tc := range []struct {
		name    string
		event   Event
		level   Level
		example string
	}{
		{"kumamoto:4(1)(イ)/L1/intrusion-unrelated", Event{Kind: Intrusion, Place: PlaceUnrelated}, Level1, "住基事務等に直接関係のない備品"},
		{"kumamoto:4(1)(イ)/L2/intrusion-related", Event{Kind: Intrusion, Place: PlaceRelated}, Level2, "個人情報の保護とは関係がない機器"},
		{"kumamoto:4(1)(イ)/L3/intrusion-protected", Event{Kind: Intrusion, Place: PlaceProtected}, Level3, "個人情報を保護するうえで重要な機器"},
		{"kumamoto:4(1)(イ)/L3/unauthorized-access", Event{Kind: UnauthorizedAccess}, Level3, "不正アクセスの検出"},
		{"kumamoto:4(1)(イ)/L3/unauthorized-access-stopped-at-firewall", Event{Kind: UnauthorizedAccess, Firewall: FirewallStopped}, Level3, "不正アクセスの検出"},
		{"kumamoto:4(1)(イ)/L3/form-theft-or-loss", Event{Kind: FormTheftOrLoss}, Level3, "届書、申請書等の盗難、紛失"},
		{"kumamoto:4(1)(イ)/L3/leak", Event{Kind: Leak}, Level3, "外部への個人情報の漏洩"},
		{"kumamoto:4(1)(イ)/L3/credential-leak", Event{Kind: CredentialLeak}, Level3, "ユーザID、パスワード等の漏洩"},
		{"kumamoto:4(1)(イ)/L3/serious-vulnerability", Event{Kind: Vulnerability, Severity: Serious}, Level3, "個人情報保護に関する重大な脆弱性"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Grade(s, tc.event)
			if err != nil {
				t.Fatal(err)
			}
			wantCites := kum("4(1)(イ)")
			if tc.level == Level3 {
				wantCites = kum("4(1)(イ)", "別紙1")
			}
			want := Grading{Plan: "kumamoto", Event: tc.event, Level: tc.level, Serious: tc.level == Level3, Example: g.Example, Citations: wantCites}
			if diff := cmp.Diff(want, g, cmpCites); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !strings.Contains(g.Example, tc.example) {
				t.Errorf("example %q does not contain %q", g.Example, tc.example)
			}
		})
	}
}

// The two plans disagree; each keeps its own answer.
func TestSchemesDisagree(t *testing.T) {
	tt, km := tottori(), kumamoto()
	stopped := Event{Kind: UnauthorizedAccess, Firewall: FirewallStopped}
	if g, _ := Grade(tt, stopped); g.Level != Level2 {
		t.Errorf("tottori:第3-1: access stopped at the firewall = %s; want level-2", g.Level)
	}
	if g, _ := Grade(km, stopped); g.Level != Level3 {
		t.Errorf("kumamoto:4(1)(イ): any detected access = %s; want level-3", g.Level)
	}
	if g, _ := Grade(tt, Event{Kind: VirusDetected}); g.Level != Level2 {
		t.Errorf("tottori:第3-1: antivirus detection = %s; want level-2", g.Level)
	}
	if _, err := Grade(km, Event{Kind: VirusDetected}); !errors.Is(err, ErrNotCovered) {
		t.Errorf("kumamoto has no antivirus row; got %v", err)
	}
	for _, k := range []ActKind{FormTheftOrLoss, Leak, CredentialLeak} {
		if _, err := Grade(tt, Event{Kind: k}); !errors.Is(err, ErrNotCovered) {
			t.Errorf("tottori:第3-1 has no %s row; got %v", k, err)
		}
		if g, err := Grade(km, Event{Kind: k}); err != nil || g.Level != Level3 {
			t.Errorf("kumamoto:4(1)(イ): %s = %v, %v; want level-3", k, g.Level, err)
		}
	}
	// A grading never mixes plans.
	for _, s := range []*Scheme{tt, km} {
		for _, r := range s.Rules() {
			if ps := r.Citations.Plans(); len(ps) != 1 || ps[0] != s.Plan() {
				t.Errorf("%s rule %s cites plans %v", s.Plan(), r.Match, ps)
			}
		}
	}
}

func TestGradeNotCovered(t *testing.T) {
	for _, tc := range []struct {
		name   string
		scheme *Scheme
		event  Event
		rule   bool // marked by a rule (false: the scale has no table)
	}{
		{"tottori:第3-1/not-covered/leak", tottori(), Event{Kind: Leak}, true},
		{"tottori:第3-1/not-covered/ordinary-vulnerability", tottori(), Event{Kind: Vulnerability, Severity: Ordinary}, true},
		{"tottori:別表2-2/not-covered/erroneous-access", tottori(), Event{Kind: ErroneousAccess, Source: SourceLocal}, true},
		{"tottori:別表3-1/not-covered/data-corruption", tottori(), Event{Kind: DataCorruption, Source: SourceNationalCenter}, true},
		{"kumamoto:4(1)(イ)/not-covered/virus-infection", kumamoto(), Event{Kind: VirusInfection}, true},
		{"kumamoto:4(1)(イ)/not-covered/suspicious-operation", kumamoto(), Event{Kind: SuspiciousOperation}, true},
		{"ino:第11条/not-covered/intrusion", ino(), Event{Kind: Intrusion, Place: PlaceProtected}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Grade(tc.scheme, tc.event)
			if !errors.Is(err, ErrNotCovered) {
				t.Fatalf("Grade = %+v, %v; want ErrNotCovered", g, err)
			}
			nc, ok := errors.AsType[*NotCoveredError](err)
			if !ok {
				t.Fatalf("%v is not a *NotCoveredError", err)
			}
			if nc.Plan != tc.scheme.Plan() || nc.Event != tc.event || (nc.Rule != "") != tc.rule || nc.Citations.Len() == 0 {
				t.Errorf("NotCoveredError = %+v", nc)
			}
			if !strings.HasPrefix(err.Error(), "threat: ") {
				t.Errorf("message %q lacks the package prefix", err)
			}
		})
	}
}

func TestGradeIncompleteAndInvalid(t *testing.T) {
	_, err := Grade(tottori(), Event{Kind: UnauthorizedAccess, Source: SourceNationalCenter})
	ie, ok := errors.AsType[*IncompleteError](err)
	if !ok || !errors.Is(err, ErrIncomplete) || ie.Unknown != AttributesOf(AttrFirewall) {
		t.Errorf("tottori:第3-1: access with the firewall unknown: %v; want IncompleteError{firewall}", err)
	}
	// kumamoto does not read the firewall, so the same event is graded.
	if g, err := Grade(kumamoto(), Event{Kind: UnauthorizedAccess}); err != nil || g.Level != Level3 {
		t.Errorf("kumamoto: %v, %v", g, err)
	}
	// Attributes a scheme does not read for the kind are ignored.
	if g, err := Grade(tottori(), Event{Kind: VirusDetected, Place: PlaceProtected}); err != nil || g.Level != Level2 {
		t.Errorf("an unread attribute changed the grade: %v, %v", g, err)
	}
	for _, e := range []Event{{}, {Kind: 200}, {Kind: Intrusion, Place: 9}, {Kind: Leak, Source: 77}} {
		if _, err := Grade(tottori(), e); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("Grade(%v) = %v; want ErrInvalid", e, err)
		}
	}
	for _, s := range []*Scheme{nil, {}} {
		if _, err := Grade(s, Event{Kind: Leak}); !errors.Is(err, council.ErrInvalid) {
			t.Errorf("Grade on an unusable scheme: %v", err)
		}
		if _, err := Respond(s, Grading{}); err == nil {
			t.Error("Respond on an unusable scheme succeeded")
		}
		if _, err := Provisional(s, Event{Kind: Leak}); err == nil {
			t.Error("Provisional on an unusable scheme succeeded")
		}
		if _, err := Precautions(s, Range{}); err == nil {
			t.Error("Precautions on an unusable scheme succeeded")
		}
		if _, err := Judge(s, Event{Kind: Leak}, Level1, "x"); err == nil {
			t.Error("Judge on an unusable scheme succeeded")
		}
		if _, err := JudgeSerious(s, Event{Kind: Leak}, true, "x"); err == nil {
			t.Error("JudgeSerious on an unusable scheme succeeded")
		}
		if s.Plan() != "" || s.Rules() != nil || s.Reads(Intrusion) != 0 || s.Covers(Intrusion) {
			t.Error("accessors of an unusable scheme report something")
		}
	}
}

func TestManualJudgement(t *testing.T) {
	s := tottori()
	leak := Event{Kind: Leak, Source: SourceLocal}
	g, err := Judge(s, leak, Level3, "住民の個人情報が外部に漏洩したため")
	if err != nil {
		t.Fatal(err)
	}
	want := Grading{Plan: "tottori", Event: leak, Level: Level3, Serious: true, Manual: true,
		Reason: "住民の個人情報が外部に漏洩したため", Citations: tot("第3-5", "第3-6(1)")}
	if diff := cmp.Diff(want, g, cmpCites); diff != "" {
		t.Errorf("tottori:第3-5 manual judgement (-want +got):\n%s", diff)
	}
	r, err := Respond(s, g)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Grading.Manual || r.Grading.Reason != g.Reason {
		t.Errorf("the response lost the manual mark: %+v", r.Grading)
	}
	if !r.Actions.Has(chief, ConveneCouncil) {
		t.Error("tottori:第3-6(2): a level-3 judgement does not convene the council")
	}
	if g1, _ := Judge(s, leak, Level1, "誤報"); g1.Serious || g1.Citations.Len() != 1 {
		t.Errorf("level-1 judgement: %+v", g1)
	}
	for _, tc := range []struct {
		name   string
		level  Level
		reason string
		event  Event
		want   error
	}{
		{"blank-reason", Level2, "  ", leak, ErrMissing},
		{"no-level", 0, "x", leak, council.ErrInvalid},
		{"bad-event", Level2, "x", Event{}, council.ErrInvalid},
	} {
		if _, err := Judge(s, tc.event, tc.level, tc.reason); !errors.Is(err, tc.want) {
			t.Errorf("%s: Judge error = %v; want %v", tc.name, err, tc.want)
		}
	}
	if _, err := Judge(ino(), leak, Level3, "x"); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("ino has no levels, but Judge gave %v", err)
	}
	if _, err := JudgeSerious(s, leak, true, "x"); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("tottori grades in levels, but JudgeSerious gave %v", err)
	}
}

func TestInoSeriousJudgement(t *testing.T) {
	s := ino()
	if s.Scale() != ScaleSerious || s.SeriousFrom() != 0 || len(s.Rules()) != 0 {
		t.Fatalf("ino: scale %s, serious-from %s, %d rules; want the serious scale with no table", s.Scale(), s.SeriousFrom(), len(s.Rules()))
	}
	e := Event{Kind: UnauthorizedAccess, Firewall: FirewallPassed}
	for _, serious := range []bool{false, true} {
		g, err := JudgeSerious(s, e, serious, "ログ解析の結果")
		if err != nil {
			t.Fatal(err)
		}
		if g.Level != 0 || g.Serious != serious || !g.Manual || !g.Citations.Equal(cites("ino", "第11条")) {
			t.Errorf("ino:第11条 judgement %+v", g)
		}
		r, err := Respond(s, g)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Actions.Has(staff, CaptureSituation) || !r.Actions.Has(sysAdmin, EmergencyMeasures) {
			t.Error("ino:第9条/第10条: capture and emergency measures are due whatever the judgement")
		}
		if got := r.Actions.Has(chief, ConveneCouncil); got != serious {
			t.Errorf("ino:第12条: serious=%t, council convened=%t", serious, got)
		}
		if got := r.Actions.Has(sysAdmin, ProposeCouncil); got != serious {
			t.Errorf("ino:第11条: serious=%t, proposal=%t", serious, got)
		}
	}
	if _, err := Respond(s, Grading{Plan: "ino", Level: Level3}); !errors.Is(err, council.ErrInvalid) {
		t.Errorf("a levelled grading passed for ino: %v", err)
	}
	if _, err := Provisional(s, e); !errors.Is(err, ErrNotCovered) {
		t.Errorf("ino has no provisional levels: %v", err)
	}
}

func TestGradeErrorMessages(t *testing.T) {
	_, err := Grade(tottori(), Event{Kind: Intrusion, Place: 9})
	if want := "threat: tottori: event: unknown place 9: invalid value"; err == nil || err.Error() != want {
		t.Errorf("error %q; want %q", err, want)
	}
	_, err = Grade(tottori(), Event{Kind: UnauthorizedAccess})
	if want := "threat: tottori: unauthorized-access: {firewall} unknown; grade it provisionally until known: graded attribute unknown"; err == nil || err.Error() != want {
		t.Errorf("error %q; want %q", err, want)
	}
}

// Schemes are shared between goroutines without locks (run with -race): every
// goroutine sees the same answers as a lone caller.
func TestConcurrentUse(t *testing.T) {
	s := tottori()
	want := map[Event]Level{}
	for _, row := range annexEvents {
		r, _ := Decide(s, row.event)
		want[row.event] = r.Grading.Level
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var err error
			for _, row := range annexEvents {
				if r, perr := Provisional(s, row.event); perr == nil {
					_, _ = Precautions(s, r)
				}
				if r, _ := Decide(s, row.event); r.Grading.Level != want[row.event] {
					err = fmt.Errorf("%s: %s, want %s", row.event, r.Grading.Level, want[row.event])
				}
				_ = s.Rules()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
