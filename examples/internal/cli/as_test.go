package cli

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/council"
)

func TestAsFlag(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		wantID  string
		wantErr string
	}{
		{nil, "tottori", ""},
		{[]string{"-as", "yazu"}, "yazu", ""},
		{[]string{"-as=tottori"}, "tottori", ""},
		{[]string{"-as", "Yazu Town"}, "", `-as "Yazu Town": want a plan ID of lower-case letters, digits, '-' and '_'`},
	} {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		as := AsFlag(fs)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		p, err := as(bcp.Tottori())
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("%q: error %v; want %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil || p.ID != tc.wantID || p.Threat.Judgement.At(0) != council.Cite(tc.wantID, "第3-5") {
			t.Errorf("%q: plan %q (judgement %s), %v; want %q", tc.args, p.ID, p.Threat.Judgement, err, tc.wantID)
		}
	}
	// A plan that cites the new ID as another plan is refused, in one line.
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	as := AsFlag(fs)
	if err := fs.Parse([]string{"-as", "kumamoto"}); err != nil {
		t.Fatal(err)
	}
	p := bcp.Tottori()
	p.Threat.Judgement = p.Threat.Judgement.With(council.Cite("kumamoto", "4(1)(イ)"))
	if _, err := as(p); !errors.Is(err, bcp.ErrDuplicate) || !strings.HasPrefix(err.Error(), `-as "kumamoto": `) || strings.Contains(err.Error(), "\n") {
		t.Errorf("moving onto a cited plan: %v", err)
	}
}
