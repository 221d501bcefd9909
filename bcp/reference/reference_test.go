package reference

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// TestFiles checks that IDs lists exactly the embedded files, each once.
func TestFiles(t *testing.T) {
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range names {
		got = append(got, strings.TrimSuffix(n, ".json"))
	}
	if !slices.Equal(got, IDs()) {
		t.Errorf("embedded files %v, IDs %v", got, IDs())
	}
	for _, id := range IDs() {
		b, ok := File(id)
		if !ok || !bytes.Contains(b, []byte(`"id": "`+id+`"`)) {
			t.Errorf("File(%q): ok=%v, the file does not declare its ID", id, ok)
		}
	}
	if _, ok := File("vendor"); ok {
		t.Error(`File("vendor") found a file`)
	}
	if _, ok := File("../reference"); ok {
		t.Error(`File("../reference") found a file`)
	}
}

// TestFresh checks that changing what File returns does not reach the next
// caller.
func TestFresh(t *testing.T) {
	a, _ := File("tottori")
	want := bytes.Clone(a)
	for i := range a {
		a[i] = 'x'
	}
	ids := IDs()
	ids[0] = "changed"
	b, _ := File("tottori")
	if !bytes.Equal(b, want) {
		t.Error("changing File's result changed the next one")
	}
	if IDs()[0] != "ino" {
		t.Error("changing IDs' result changed the next one")
	}
}

// TestScenarioFiles checks that ScenarioIDs lists the embedded scenario
// files, sorted, each declaring its own ID, and that Scenario finds nothing
// else.
func TestScenarioFiles(t *testing.T) {
	ids := ScenarioIDs()
	if len(ids) < 7 || !slices.IsSorted(ids) {
		t.Fatalf("ScenarioIDs() = %v; want at least the 7 built-in scenarios, sorted", ids)
	}
	for _, id := range ids {
		b, ok := Scenario(id)
		if !ok || !bytes.Contains(b, []byte(`"id": "`+id+`"`)) {
			t.Errorf("Scenario(%q): ok=%v, the file does not declare its ID", id, ok)
		}
	}
	for _, id := range []string{"", "nope", "../reference", "scenarios/" + ids[0], ids[0] + ".json"} {
		if _, ok := Scenario(id); ok {
			t.Errorf("Scenario(%q) found a file", id)
		}
	}
	a, _ := Scenario(ids[0])
	want := bytes.Clone(a)
	a[0] = 'x'
	ids[0] = "changed"
	if b, _ := Scenario(ScenarioIDs()[0]); !bytes.Equal(b, want) {
		t.Error("changing Scenario's or ScenarioIDs' result changed the next one")
	}
}
