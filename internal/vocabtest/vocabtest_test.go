package vocabtest

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const planFile = `{
  "id": "town",
  "vocabulary": {
    "positions": [
      {"id": "chief", "function": "security-chief"},
      {"id": "mayor"},
      {"id": "deputy", "function": "security-chief"}
    ],
    "parties": [{"id": "vendor"}]
  },
  "organization": {"chief": "chief", "members": ["mayor", "deputy", "vendor", "staff"], "limit": 12345678901234567890}
}`

var (
	positions = Kind{Key: "positions", Prefix: "role", Named: 9}
	parties   = Kind{Key: "parties", Prefix: "party", Named: 10}
)

// Resolve numbers the terms as bcp does: the first term of a function is
// that function, every other the next value past the named ones, in order.
func TestResolve(t *testing.T) {
	got, err := Resolve([]byte(planFile), positions)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"chief": "security-chief", "mayor": "role#10", "deputy": "role#11"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Resolve (-want +got):\n%s", diff)
	}
}

// Rewrite renames term IDs outside the vocabulary only, and keeps numbers.
func TestRewrite(t *testing.T) {
	b, err := Rewrite([]byte(planFile), positions, parties)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Vocabulary   json.RawMessage `json:"vocabulary"`
		Organization struct {
			Chief   string      `json:"chief"`
			Members []string    `json:"members"`
			Limit   json.Number `json:"limit"`
		} `json:"organization"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	o := got.Organization
	if diff := cmp.Diff([]string{"role#10", "role#11", "party#11", "staff"}, o.Members); diff != "" || o.Chief != "security-chief" || o.Limit != "12345678901234567890" {
		t.Errorf("rewritten organization %+v (members -want +got):\n%s", o, diff)
	}
	var v struct {
		Positions []struct{ ID string } `json:"positions"`
	}
	if err := json.Unmarshal(got.Vocabulary, &v); err != nil || v.Positions[1].ID != "mayor" {
		t.Errorf("the vocabulary changed: %s (%v)", got.Vocabulary, err)
	}
	if _, err := Rewrite([]byte(`[1]`), positions); err == nil {
		t.Error("Rewrite of a JSON array: no error")
	}
}
