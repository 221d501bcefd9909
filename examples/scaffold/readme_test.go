package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// readmeCommands returns the commands of the README's walkthrough "Write your
// municipality's plan": the lines of its first sh block.
func readmeCommands(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(data), "\n## Write your municipality's plan\n")
	if !ok {
		t.Fatal("README has no section \"Write your municipality's plan\"")
	}
	_, block, ok := strings.Cut(sec, "```sh\n")
	block, _, ok2 := strings.Cut(block, "```")
	if !ok || !ok2 {
		t.Fatal("the section has no sh block")
	}
	return strings.Split(strings.TrimSpace(block), "\n")
}

// Every command of the walkthrough works, in order, in a fresh directory:
// the scaffold writes the file, check finds no error in it (exit 0), the
// drill runs on it and cites the plan's own clauses beside the model's.
func TestReadmeWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three programs")
	}
	cmds := readmeCommands(t)
	if len(cmds) != 3 {
		t.Fatalf("%d commands, want scaffold, check and drill: %q", len(cmds), cmds)
	}
	bin, work := t.TempDir(), t.TempDir()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, c := range cmds {
		f := strings.Fields(c)
		if len(f) < 3 || f[0] != "go" || f[1] != "run" || !strings.HasPrefix(f[2], "./examples/") {
			t.Fatalf("command %q: want go run ./examples/NAME ...", c)
		}
		name := strings.TrimPrefix(f[2], "./examples/")
		exe := filepath.Join(bin, name)
		if _, err := os.Stat(exe); err != nil {
			build := exec.Command("go", "build", "-o", exe, "./examples/"+name)
			build.Dir = root
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("build %s: %v\n%s", name, err, out)
			}
		}
		cmd := exec.Command(exe, f[3:]...)
		cmd.Dir = work
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", c, err, out)
		}
		outs = append(outs, string(out))
	}
	if !strings.Contains(outs[1], "0 errors") {
		t.Errorf("check: %s", outs[1])
	}
	if !strings.Contains(outs[2], "yazu:第3-6(2)") || !strings.Contains(outs[2], "tottori:第3-1") {
		t.Errorf("the drill does not cite yazu's own clauses beside tottori's:\n%s", outs[2])
	}
}
