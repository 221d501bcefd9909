package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseArgsFlagsAnywhere(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	pos, err := ParseArgs(fs, []string{"a", "-format", "json", "b"})
	if err != nil || !slices.Equal(pos, []string{"a", "b"}) || *format != "json" {
		t.Errorf("ParseArgs = %q, %v, format %q; want [a b], nil, json", pos, err, *format)
	}
	if _, err := ParseArgs(fs, []string{"a", "-nosuch"}); err == nil {
		t.Error("ParseArgs accepted an unknown flag")
	}
}

func TestLoadPlan(t *testing.T) {
	if p, err := LoadPlan("tottori", ""); err != nil || p.ID != "tottori" {
		t.Errorf("LoadPlan(tottori) = %q, %v", p.ID, err)
	}
	if _, err := LoadPlan("nosuch", "-plan "); err == nil || !strings.HasPrefix(err.Error(), `-plan "nosuch": not a reference plan`) {
		t.Errorf("LoadPlan(nosuch) error = %v", err)
	}
	dir := t.TempDir()
	if _, err := LoadPlan(filepath.Join(dir, "missing.json"), ""); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadPlan(missing file) error = %v; want it to wrap os.ErrNotExist", err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"id": "x", "nosuch": 1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPlan(bad, ""); err == nil || !strings.Contains(err.Error(), "plan "+bad) {
		t.Errorf("LoadPlan(bad file) error = %v; want it to name the file", err)
	}
}

func TestFailOneLine(t *testing.T) {
	var b bytes.Buffer
	if code := Fail(&b, "prog", errors.Join(errors.New("first"), errors.New("second"))); code != 2 {
		t.Errorf("Fail = %d; want 2", code)
	}
	if got := b.String(); got != "prog: first; second\n" {
		t.Errorf("Fail printed %q", got)
	}
}

// TestFormatsCheck: an unknown -format lists the formats.
func TestFormatsCheck(t *testing.T) {
	fs := Formats{"text", "csv"}
	if err := fs.Check("csv"); err != nil {
		t.Errorf("Check(csv) = %v", err)
	}
	if err := fs.Check("pdf"); err == nil || err.Error() != `-format "pdf": want one of text, csv` {
		t.Errorf("Check(pdf) = %v", err)
	}
}

// TestLoadScenario: a built-in ID or a file, through the plan; the plan's
// own drill without one.
func TestLoadScenario(t *testing.T) {
	p, err := LoadPlan("tottori", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"", "tottori-l3-firewall", "../../../bcp/reference/scenarios/tottori-l3-firewall.json"} {
		if s, err := LoadScenario(p, arg, "tottori"); err != nil || s.ID != "tottori-l3-firewall" {
			t.Errorf("LoadScenario(%q) = %q, %v", arg, s.ID, err)
		}
	}
	if _, err := LoadScenario(p, "volcano", "tottori"); err == nil || !strings.Contains(err.Error(), "not a built-in scenario") {
		t.Errorf("LoadScenario(volcano) error = %v", err)
	}
	if _, err := LoadScenario(p, "", "yazu"); err == nil || !strings.Contains(err.Error(), "no built-in drill") {
		t.Errorf("LoadScenario of a plan without a drill: error = %v", err)
	}
}

// TestPlanFile: a reference ID reads the embedded file, a path the file.
func TestPlanFile(t *testing.T) {
	b, name, err := PlanFile("ino", "")
	if err != nil || name != "bcp/reference/ino.json" || len(b) == 0 {
		t.Errorf("PlanFile(ino) = %d bytes, %q, %v", len(b), name, err)
	}
	if _, _, err := PlanFile("atlantis", "-plan "); err == nil || !strings.HasPrefix(err.Error(), `-plan "atlantis": not a reference plan`) {
		t.Errorf("PlanFile(atlantis) error = %v", err)
	}
}
