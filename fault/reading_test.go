package fault

import (
	"errors"
	"testing"
)

// walk takes a fault of kind k under p through identification, a plain
// investigation, maintenance, the integrity check and resumption, and
// returns the clauses of each stage reached.
func walk(t *testing.T, p Procedure, k Kind) map[Stage]string {
	t.Helper()
	f, err := p.Open()
	if err != nil {
		t.Fatal(err)
	}
	out := map[Stage]string{Detected: f.Cites().String()}
	for _, s := range []func(Fault) (Fault, error){
		func(f Fault) (Fault, error) { return f.Identify(k, municipalEquipment) },
		func(f Fault) (Fault, error) { return f.Investigate(Findings{}) },
		func(f Fault) (Fault, error) { return f.Maintain(Repair) },
		Fault.CheckIntegrity,
		Fault.Resume,
		Fault.PreventRecurrence,
	} {
		if f, err = s(f); err != nil {
			t.Fatal(err)
		}
		out[f.Stage()] = f.Cites().String()
	}
	return out
}

// kumiyama 第24条 (ハードウェアの管理), 第25条 (ソフトウェアの管理) and 第26条
// (全国ネットワークを除くネットワークの管理) each cover one kind of fault: a
// stage cites only the article of the fault's kind.
func TestKumiyamaOneArticlePerKind(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		want map[Stage]string
	}{
		// 第26条: 障害発生の検出 … 障害の切り分け … 状況に応じた復旧作業、障害原因の調査、
		// 障害改修後対応(障害内容の報告、同様障害再発防止策の立案・実施).
		{"kumiyama:第26条/network-lifecycle", Network, map[Stage]string{
			Detected: "kumiyama:第26条", Identified: "kumiyama:第26条", Investigated: "kumiyama:第26条", Maintained: "kumiyama:第26条",
			IntegrityChecked: "", Resumed: "kumiyama:第26条", RecurrencePrevented: "kumiyama:第26条"}},
		// 第24条: 障害状況の把握及び障害対応; 保守に関すること. Nothing on the
		// cause, resumption or recurrence prevention: no 第26条 for hardware.
		{"kumiyama:第24条/hardware-lifecycle", Hardware, map[Stage]string{
			Detected: "", Identified: "kumiyama:第24条", Investigated: "", Maintained: "kumiyama:第24条",
			IntegrityChecked: "", Resumed: "", RecurrencePrevented: ""}},
		// 第25条: CS等のソフトウェアにバグを発見した場合 … 感染した場合.
		{"kumiyama:第25条/software-lifecycle", Software, map[Stage]string{
			Detected: "", Identified: "kumiyama:第25条", Investigated: "", Maintained: "",
			IntegrityChecked: "", Resumed: "", RecurrencePrevented: ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := walk(t, kumiyama(), tt.kind)
			if got[Detected] != "" {
				t.Errorf("detected: cites %q before the kind is known, want none", got[Detected])
			}
			for s, want := range tt.want {
				if s != Detected && got[s] != want {
					t.Errorf("%s: cites %q, want %q", s, got[s], want)
				}
			}
			for s := range stageTable.All() {
				if c := kumiyama().Stage(tt.kind, s).Citations; c.Len() > 0 && c.String() != tt.want[s] {
					t.Errorf("Step(%s, %s) = %s, want %q", tt.kind, s, c, tt.want[s])
				}
			}
		})
	}
	t.Run("kumiyama:第26条/not-for-an-unknown-kind", func(t *testing.T) {
		for s := range stageTable.All() {
			if c := kumiyama().Stage(0, s).Citations; c.Len() > 0 {
				t.Errorf("Step(unknown kind, %s) = %s, want none", s, c)
			}
		}
	})
	// 第26条 障害運転時対応(代替運転、縮退運転): network faults only.
	t.Run("kumiyama:第26条/alternatives-network-only", func(t *testing.T) {
		for _, a := range []Alternative{DegradedOperation, AlternateOperation} {
			f, _ := kumiyama().Open()
			if _, err := f.StartAlternative(a); !errors.Is(err, ErrUnlisted) {
				t.Errorf("%s before identification: error %v, want ErrUnlisted", a, err)
			}
			hw, _ := f.Identify(Hardware, municipalEquipment)
			if _, err := hw.StartAlternative(a); !errors.Is(err, ErrUnlisted) {
				t.Errorf("%s for a hardware fault: error %v, want ErrUnlisted", a, err)
			}
			nw, _ := f.Identify(Network, jukiLAN)
			if g, err := nw.StartAlternative(a); err != nil || !g.Alternatives().Has(a) {
				t.Errorf("%s for a network fault: %v, %v", a, g.Alternatives(), err)
			}
		}
		if n := len(kumiyama().AlternativesFor(Hardware)); n != 0 {
			t.Errorf("AlternativesFor(hardware) = %d fallbacks, want none", n)
		}
		if n := len(kumiyama().AlternativesFor(Network)); n != 2 {
			t.Errorf("AlternativesFor(network) = %d fallbacks, want 2", n)
		}
	})
}

// kumamoto 別紙1 is the emergency structure for a breach of personal
// information (緊急時体制図(個人情報に対する侵害が発生した場合)); its terminal
// switching and fax operation are not ways through a fault, which goes to
// 別紙2 (電子計算組織の管理に係る障害), absent from the source.
func TestKumamoto別紙1IsNotAFaultStructure(t *testing.T) {
	t.Run("kumamoto:別紙1/no-fault-alternative", func(t *testing.T) {
		for _, fb := range kumamoto().Alternatives() {
			for _, c := range fb.Cites.All() {
				if c.Clause() == "別紙1" {
					t.Errorf("%s cites kumamoto:別紙1", fb.Alternative)
				}
			}
		}
		f, _ := kumamoto().Open()
		for _, a := range []Alternative{TerminalSwitch, FaxOperation} {
			if _, err := f.StartAlternative(a); !errors.Is(err, ErrUnlisted) {
				t.Errorf("StartAlternative(%s) error = %v, want ErrUnlisted", a, err)
			}
		}
	})
	t.Run("kumamoto:4(2) システムダウン時の緊急措置/downtime-server", func(t *testing.T) {
		f, _ := kumamoto().Open()
		if _, err := f.StartAlternative(DowntimeServer); err != nil {
			t.Error(err)
		}
	})
}
