package planedit

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWithoutChain(t *testing.T) {
	in := `{"id":"x","organization":{"chain":{"chief":"a"},"positions":[]},
		"readings":[{"path":"$.organization.chain.lines[0]","reason":"r"},{"path":"$.faults","reason":"f"}],
		"notStated":[{"path":"$.organization.chain.chief","reason":"n"}]}`
	for _, tc := range []struct {
		name string
		mark map[string]any
		want string
	}{
		{"unmarked", nil, `{"id":"x","organization":{"positions":[]},"readings":[{"path":"$.faults","reason":"f"}]}`},
		{"marked", map[string]any{"path": chainPath, "reason": "left out"},
			`{"id":"x","organization":{"positions":[]},"readings":[{"path":"$.faults","reason":"f"}],"notStated":[{"path":"$.organization.chain","reason":"left out"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := WithoutChain([]byte(in), tc.mark)
			if err != nil {
				t.Fatal(err)
			}
			var got, want any
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tc.want), &want); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("-want +got\n%s", d)
			}
		})
	}
}

func TestWithoutChainRefuses(t *testing.T) {
	for _, in := range []string{`{}`, `{"organization":{}}`, `{"organization":[]}`} {
		if _, err := WithoutChain([]byte(in), nil); !errors.Is(err, ErrShape) {
			t.Errorf("%s: err %v, want ErrShape", in, err)
		}
	}
	if _, err := WithoutChain([]byte(`{`), nil); err == nil || errors.Is(err, ErrShape) {
		t.Errorf("bad JSON: err %v", err)
	}
}
