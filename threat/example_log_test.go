package threat_test

import (
	"log/slog"
	"os"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/threat"
)

// A grading and a response implement slog.LogValuer: they log as groups of
// structured attributes named as in their JSON form. (ReplaceAttr drops the
// time so that the output is the same on every run.)
func Example_logValue() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	scheme, err := bcp.Tottori().Scheme()
	if err != nil {
		log.Error("scheme", "err", err)
		return
	}
	g, err := threat.Grade(scheme, threat.Event{Kind: threat.VirusDetected})
	if err != nil {
		log.Error("grade", "err", err)
		return
	}
	log.Info("graded", "grading", g)

	r, err := threat.Decide(scheme, threat.Event{Kind: threat.Intrusion, Place: threat.PlaceUnrelated})
	if err != nil {
		log.Error("decide", "err", err)
		return
	}
	log.Info("decided", "response", r)
	// Output:
	// {"level":"INFO","msg":"graded","grading":{"plan":"tottori","event":"virus-detected","level":"level-2","serious":false,"manual":false,"example":"ウイルス対策ソフトによる、コンピュータウィルス等の検出","citations":["tottori:第3-1"]}}
	// {"level":"INFO","msg":"decided","response":{"grading":{"plan":"tottori","event":"intrusion place=unrelated","level":"level-1","serious":false,"manual":false,"example":"住基ネットに直接関係のない備品のある場所への無権限者の侵入","citations":["tottori:第3-1"]},"actions":[{"actor":"system-administrator","step":"report","target":"security-chief","if":"always","only":true,"note":"セキュリティ統括管理者に報告を行う","citations":["tottori:第3-5(1)"]},{"actor":"system-administrator","step":"stand-down","if":"always","note":"緊急時対応を解く","citations":["tottori:第3-5(1)"]}],"notifications":[],"standDown":true}}
}
