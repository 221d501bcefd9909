package bcp

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/bcp/reference"
)

// addReferenceFiles seeds f with the five reference plan files.
func addReferenceFiles(f *testing.F) {
	for _, id := range reference.IDs() {
		data, _ := reference.File(id)
		f.Add(data)
	}
}

func FuzzParsePlan(f *testing.F) {
	addReferenceFiles(f)
	// A plan that declares its own threat kinds and graded attributes.
	declared, err := os.ReadFile(filepath.Join("testdata", "declared", "fixture19.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(declared)
	// A town's own post, staff and council, none of them the engine's.
	f.Add([]byte(`{"id":"town","version":"1","vocabulary":{"positions":[{"id":"chief","label":"情報保護統括責任者"},{"id":"staff","label":"担当職員","function":"staff"}],"bodies":[{"id":"kaigi","label":"情報保護管理会議"}]},"organization":{"plan":"town","chain":{"plan":"town","chief":"chief","edges":[{"from":"staff","to":"chief","cite":"town:第1条"}]},"councils":[{"body":"kaigi","convener":"chief","cites":["town:第2条"]}]}}`))
	for _, s := range []string{`{}`, `{"id":"x","version":"1"}`, `{"id":"x","id":"x"}`, `{"id":"x","version":"1","measures":{"annex":["別表1-1"]}}`, `[`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePlan(data)
		if err != nil {
			return
		}
		b, err := p.MarshalJSON()
		if err != nil {
			t.Fatalf("a decoded plan does not encode: %v", err)
		}
		q, err := ParsePlan(b)
		if err != nil {
			t.Fatalf("a re-encoded plan does not decode: %v\n%s", err, b)
		}
		if diff := cmp.Diff(p, q, planOpts); diff != "" {
			t.Fatalf("round trip changed the plan (-first +second):\n%s", diff)
		}
		if b2, _ := q.MarshalJSON(); !bytes.Equal(b, b2) {
			t.Fatalf("encoding is not canonical:\n%s\n%s", b, b2)
		}
	})
}

// BenchmarkParsePlan parses each reference plan file (target, issue 17:
// the largest, tottori's at about 80 KB, under 2 ms).
func BenchmarkParsePlan(b *testing.B) {
	for _, id := range reference.IDs() {
		data, _ := reference.File(id)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := ParsePlan(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkMarshalPlan(b *testing.B) {
	p := Nakano()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}
