package fault

import (
	"errors"
	"testing"
)

// kumamoto 別紙1 is the emergency structure for a breach of personal
// information (緊急時体制図(個人情報に対する侵害が発生した場合)); its terminal
// switching and fax operation are not ways through a fault, which goes to
// 別紙2 (電子計算組織の管理に係る障害), absent from the source.
func TestKumamoto別紙1IsNotAFaultStructure(t *testing.T) {
	t.Run("kumamoto:別紙1/no-fault-alternative", func(t *testing.T) {
		for _, fb := range Kumamoto().Alternatives() {
			for _, c := range fb.Cites.All() {
				if c.Clause() == "別紙1" {
					t.Errorf("%s cites kumamoto:別紙1", fb.Alternative)
				}
			}
		}
		f, _ := Kumamoto().Open()
		for _, a := range []Alternative{TerminalSwitch, FaxOperation} {
			if _, err := f.StartAlternative(a); !errors.Is(err, ErrUnlisted) {
				t.Errorf("StartAlternative(%s) error = %v, want ErrUnlisted", a, err)
			}
		}
	})
	t.Run("kumamoto:4(2) システムダウン時の緊急措置/downtime-server", func(t *testing.T) {
		f, _ := Kumamoto().Open()
		if _, err := f.StartAlternative(DowntimeServer); err != nil {
			t.Error(err)
		}
	})
}
