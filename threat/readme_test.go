package threat_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeQuickStart keeps the README's quick start in step with
// Example_quickStart: every code line of the README's snippet must stand in
// the example, so the snippet cannot drift from code that compiles and runs.
func TestReadmeQuickStart(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Skipf("no README beside the package: %v", err)
	}
	example, err := os.ReadFile("example_readme_test.go")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "## Quick start")
	_, block, ok2 := strings.Cut(after, "```go\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README has no Go code block under \"## Quick start\"")
	}
	lines := 0
	for line := range strings.Lines(block) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		lines++
		if !strings.Contains(string(example), line) {
			t.Errorf("README quick-start line %q is not in Example_quickStart", line)
		}
	}
	if lines < 5 {
		t.Errorf("README quick start has %d code lines; want the whole snippet", lines)
	}
	for line := range strings.Lines(block) {
		line = strings.TrimSpace(line)
		if out, ok := strings.CutPrefix(line, "// "); ok && out != "..." && strings.Contains(out, "tottori:") {
			if !strings.Contains(string(example), "// "+out) {
				t.Errorf("README output line %q is not in the example's // Output", out)
			}
		}
	}
}
