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

// Part reads a stated part and reports an absent one; Stated makes the
// absence an error; Term fails for an undeclared term. nakano's plan has no
// fault part; every reference plan has an organisation.
func TestReferenceParts(t *testing.T) {
	org, ok, err := Part[map[string]any]("nakano", "organization", Positions.With(1))
	if err != nil || !ok || org["chain"] == nil {
		t.Errorf("Part(nakano, organization) = %v, %v, %v", org != nil, ok, err)
	}
	if _, ok, err := Part[map[string]any]("nakano", "fault"); ok || err != nil {
		t.Errorf("Part(nakano, fault) = %v, %v; want no part, no error", ok, err)
	}
	if _, err := Stated[map[string]any]("nakano", "fault"); err == nil {
		t.Error("Stated(nakano, fault) is not an error")
	}
	if _, err := File("no-such-plan"); err == nil {
		t.Error("File(no-such-plan) is not an error")
	}
	if _, err := Term("nakano", Positions.With(1), "no-such-term"); err == nil {
		t.Error("Term of an undeclared term is not an error")
	}
	keys, prefixes := map[string]bool{}, map[string]bool{}
	for _, k := range Kinds() {
		if keys[k.Key] || prefixes[k.Prefix] || k.Named != 0 || k.With(3).Named != 3 {
			t.Errorf("kind %+v: repeated, or Named set", k)
		}
		keys[k.Key], prefixes[k.Prefix] = true, true
	}
}

// Relabel labels every term and drops the function of the custom ones only.
func TestRelabel(t *testing.T) {
	got, err := Relabel([]byte(planFile), TownLabels, func(kind string, i int) bool { return kind == "positions" && i == 0 })
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Vocabulary map[string][]map[string]string `json:"vocabulary"`
	}
	if err := json.Unmarshal(got, &f); err != nil {
		t.Fatal(err)
	}
	want := map[string][]map[string]string{
		"positions": {
			{"id": "chief", "label": "positions-0", "labelEn": "en positions-0"},
			{"id": "mayor", "label": "positions-1", "labelEn": "en positions-1"},
			{"id": "deputy", "function": "security-chief", "label": "positions-2", "labelEn": "en positions-2"},
		},
		"parties": {{"id": "vendor", "label": "parties-0", "labelEn": "en parties-0"}},
	}
	if diff := cmp.Diff(want, f.Vocabulary); diff != "" {
		t.Errorf("Relabel (-want +got):\n%s", diff)
	}
	if _, err := Relabel([]byte(`{"vocabulary": {"positions": 1}}`), TownLabels, func(string, int) bool { return false }); err == nil {
		t.Error("Relabel of a vocabulary that is not a list: no error")
	}
}
