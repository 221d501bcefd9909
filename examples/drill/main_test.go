package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestDrill(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 0 {
		t.Fatalf("run() = %d, stderr %q", code, errs.String())
	}
	for _, want := range []string{
		"provisional grade レベル2–レベル3 (unknown: {firewall})",
		"playbook 県において、不正アクセスの徴候を発見 (tottori:別表1-2)",
		"grade    レベル3: ファイアウォールを通過した不正アクセス",
		"council  セキュリティ会議 meets",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("drill output lacks %q:\n%s", want, out.String())
		}
	}
	var again bytes.Buffer
	run(nil, &again, &errs)
	if again.String() != out.String() {
		t.Error("two runs printed different timelines")
	}
}

func TestDrillRejectsArguments(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run([]string{"-x"}, &out, &errs); code != 2 {
		t.Errorf("run(-x) = %d; want 2", code)
	}
	if lines := strings.Count(errs.String(), "\n"); lines != 1 {
		t.Errorf("stderr has %d lines; want a one-line error: %q", lines, errs.String())
	}
}
