// Package golden compares a test's output with a golden file and rewrites
// the file when the test binary is given the package's update flag
// (-update, or -update-drill in bcp/drill and bcp/render).
//
// It is support for tests only: no library package imports it, and it
// imports nothing but the standard library: CI keeps go-cmp out of every
// non-test package, and this is one.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Files are the golden files of one test package: the folder they live in,
// the flag that rewrites them and how output is normalized before it is
// compared or written. Make one per package, in a package-level variable:
// [New] defines the flag.
type Files struct {
	dir       string
	flag      string
	update    *bool
	normalize func(string) string
}

// New returns the golden files under dir, rewritten when the boolean flag
// name is set. It defines the flag on the command line with usage, so it
// panics, as [flag.Bool] does, if a package calls it twice with one name.
func New(dir, name, usage string) *Files {
	return &Files{dir: dir, flag: name, update: flag.Bool(name, false, usage)}
}

// Normalized returns the same files with normalize applied to every output
// before it is compared or written, e.g. [Fingerprints].
func (f *Files) Normalized(normalize func(string) string) *Files {
	g := *f
	g.normalize = normalize
	return &g
}

// Updating reports whether the update flag is set.
func (f *Files) Updating() bool { return *f.update }

// Path is the path of the golden file name.
func (f *Files) Path(name string) string { return filepath.Join(f.dir, name) }

// Want returns the content of the golden file name, first writing got to it
// (creating its folder) when the update flag is set. Output is not
// normalized: the caller compares as it needs to.
func (f *Files) Want(t testing.TB, name string, got []byte) []byte {
	t.Helper()
	path := f.Path(name)
	if *f.update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -%s writes it)", err, f.flag)
	}
	return want
}

// Check compares got, normalized, with the golden file name, first writing
// it there when the update flag is set.
func (f *Files) Check(t testing.TB, name, got string) {
	t.Helper()
	if f.normalize != nil {
		got = f.normalize(got)
	}
	want := f.Want(t, name, []byte(got))
	if !bytes.Equal(want, []byte(got)) {
		t.Errorf("%s differs (-want +got; go test -%s rewrites it):\n%s", f.Path(name), f.flag, Diff(string(want), got))
	}
}

// fingerprint matches a plan's fingerprint as text (#1a2b3c4d5e6f) and as
// JSON ("fingerprint": "<64 hex digits>").
var fingerprint = regexp.MustCompile(`#[0-9a-f]{12}\b|"fingerprint": "[0-9a-f]{64}"`)

// Fingerprints replaces every plan fingerprint in s with a placeholder. A
// fingerprint changes with every edit of a reference plan; golden files hold
// the placeholder so that they change only when the output does.
func Fingerprints(s string) string {
	return fingerprint.ReplaceAllStringFunc(s, func(m string) string {
		if m[0] == '#' {
			return "#FINGERPRINT"
		}
		return `"fingerprint": "FINGERPRINT"`
	})
}

// Diff describes how got differs from want, line by line: the first line
// that differs, with up to three lines of context before it and the count
// of lines each side has. It is empty when they are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d (want %d lines, got %d):\n", i+1, len(w), len(g))
	for j := max(0, i-3); j < i; j++ {
		fmt.Fprintf(&b, "  %s\n", w[j])
	}
	for j := i; j < min(len(w), i+3); j++ {
		fmt.Fprintf(&b, "- %s\n", w[j])
	}
	for j := i; j < min(len(g), i+3); j++ {
		fmt.Fprintf(&b, "+ %s\n", g[j])
	}
	return b.String()
}
