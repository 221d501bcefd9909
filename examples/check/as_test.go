package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestAs checks a reference plan moved to another plan ID: the same findings,
// citing the new ID.
func TestAs(t *testing.T) {
	var plain, moved, stderr bytes.Buffer
	run([]string{"-reference", "tottori"}, &plain, &stderr)
	code := run([]string{"-reference", "tottori", "-as", "yazu"}, &moved, &stderr)
	if code == 2 || stderr.Len() > 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if want := strings.NewReplacer("(tottori:", "(yazu:", "\ntottori: ", "\nyazu: ").Replace(plain.String()); moved.String() != want || !strings.Contains(want, "(yazu:") {
		t.Errorf("-as yazu:\n%s\nwant:\n%s", moved.String(), want)
	}
	stderr.Reset()
	if code := run([]string{"-as", "a b", "-reference", "tottori"}, &moved, &stderr); code != 2 || !strings.HasPrefix(stderr.String(), `check: -as "a b": `) {
		t.Errorf("-as 'a b': exit %d, %q", code, stderr.String())
	}
}
