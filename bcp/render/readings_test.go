package render_test

import (
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/render"
)

// TestReadingsInTheReportsLanguage: a drill's text and HTML list the plan's
// readings with their reasons in the output's language: the Japanese
// reason in Japanese, the English one in English (ino:第4条, 第13条, 第14条).
func TestReadingsInTheReportsLanguage(t *testing.T) {
	tl := render.RunDrill(t, "ino-long-server-stop")
	if len(tl.Readings) == 0 {
		t.Fatal("ino's drill carries no readings")
	}
	for _, l := range bcp.AllLangs() {
		h, err := render.HTML(render.Report{Lang: l, Timeline: &tl})
		if err != nil {
			t.Fatal(err)
		}
		outputs := map[string]string{"text": render.Text(tl, l), "html": string(h)}
		for name, out := range outputs {
			for _, m := range tl.Readings {
				want, other := m.Reason, m.ReasonJA
				if l == bcp.Japanese {
					want, other = m.ReasonJA, m.Reason
				}
				if want == "" || !strings.Contains(out, m.Path) || !strings.Contains(out, want) {
					t.Errorf("%s in %s does not give %s's reason %q", name, l, m.Path, want)
				}
				if strings.Contains(out, other) {
					t.Errorf("%s in %s gives %s's reason in the other language", name, l, m.Path)
				}
			}
		}
	}
}
