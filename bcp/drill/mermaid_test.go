package drill_test

import (
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
	"pgregory.net/rapid"
)

// TestMermaidDrawsEveryEntry: the sequence diagram of any drill draws every
// entry, between declared participants, one statement a line.
func TestMermaidDrawsEveryEntry(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p, s := drill.GenScenario(t)
		a, err := drill.Run(p, s)
		if err != nil {
			t.Fatal(err)
		}
		// The sequence diagram draws every entry, between declared
		// participants, one statement a line.
		declared := map[string]bool{}
		drawn := 0
		for _, line := range strings.Split(strings.TrimSuffix(render.Mermaid(a, bcp.English), "\n"), "\n")[2:] {
			line = strings.TrimSpace(line)
			switch {
			case strings.HasPrefix(line, "participant "):
				declared[strings.Fields(line)[1]] = true
			case strings.HasPrefix(line, "Note over "):
				drawn++
				if id := strings.TrimSuffix(strings.Fields(line)[2], ":"); !declared[id] {
					t.Fatalf("note over undeclared %q", id)
				}
			default:
				drawn++
				head, _, ok := strings.Cut(line, ": ")
				from, to, ok2 := strings.Cut(strings.Replace(head, "-->>", "->>", 1), "->>")
				if !ok || !ok2 || !declared[from] || !declared[to] {
					t.Fatalf("malformed message line %q", line)
				}
			}
		}
		if drawn != len(a.Entries) {
			t.Fatalf("diagram draws %d entries of %d", drawn, len(a.Entries))
		}
	})
}
