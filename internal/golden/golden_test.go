package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what a check reports instead of
// failing the test that runs it.
type recorder struct {
	testing.TB
	errors []string
	fatal  bool
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	r.fatal = true
}

func (r *recorder) Fatal(args ...any) {
	r.errors = append(r.errors, fmt.Sprint(args...))
	r.fatal = true
}

func files(dir string, update bool) *Files {
	return &Files{dir: dir, flag: "update-test", update: &update}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("plan #FINGERPRINT\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		files  *Files
		file   string
		got    string
		failed string // a part of the report; "" when the check passes
	}{
		{"same", files(dir, false), "a.txt", "plan #FINGERPRINT\n", ""},
		{"different", files(dir, false), "a.txt", "plan #0123456789ab\n", "-update-test rewrites it"},
		{"normalized", files(dir, false).Normalized(Fingerprints), "a.txt", "plan #0123456789ab\n", ""},
		{"missing", files(dir, false), "b.txt", "x", "go test -update-test writes it"},
		{"written", files(dir, true), filepath.Join("sub", "c.txt"), "new\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r recorder
			tt.files.Check(&r, tt.file, tt.got)
			report := strings.Join(r.errors, "\n")
			if tt.failed == "" && report != "" {
				t.Errorf("Check(%q) reported %q; want nothing", tt.got, report)
			}
			if tt.failed != "" && !strings.Contains(report, tt.failed) {
				t.Errorf("Check(%q) reported %q; want %q in it", tt.got, report, tt.failed)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(dir, "sub", "c.txt")); err != nil || string(b) != "new\n" {
		t.Errorf("under the flag Check wrote %q, %v; want %q", b, err, "new\n")
	}
}

func TestFingerprints(t *testing.T) {
	hex64 := strings.Repeat("0123456789abcdef", 4)
	tests := []struct{ in, want string }{
		{"plan tottori@1 #0123456789ab.", "plan tottori@1 #FINGERPRINT."},
		{`"fingerprint": "` + hex64 + `"`, `"fingerprint": "FINGERPRINT"`},
		// Not fingerprints: too short, too long, upper case.
		{"#0123456789a #0123456789abc #0123456789AB", "#0123456789a #0123456789abc #0123456789AB"},
	}
	for _, tt := range tests {
		if got := Fingerprints(tt.in); got != tt.want {
			t.Errorf("Fingerprints(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestDiff(t *testing.T) {
	for _, c := range []struct {
		want, got string
		has       []string // parts of the description; none when equal
	}{
		{"a\nb\n", "a\nb\n", nil},
		{"a\nb\nc\n", "a\nB\nc\n", []string{"line 2", "  a\n", "- b\n", "+ B\n"}},
		{"a\n", "a\nb\n", []string{"line 2", "want 2 lines, got 3", "+ b\n"}},
	} {
		d := Diff(c.want, c.got)
		if (d == "") != (c.has == nil) {
			t.Errorf("Diff(%q, %q) = %q", c.want, c.got, d)
		}
		for _, h := range c.has {
			if !strings.Contains(d, h) {
				t.Errorf("Diff(%q, %q) = %q; want it to contain %q", c.want, c.got, d, h)
			}
		}
	}
}
