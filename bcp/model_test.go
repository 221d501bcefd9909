package bcp

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
)

// basedOn returns a plan file for plan id based on the reference plan model
// at version, with the top-level parts of extra (JSON values by key) as its
// own.
func basedOn(t interface{ Fatal(...any) }, id, model, version string, extra map[string]any) []byte {
	file := map[string]any{"id": id, "version": "2024-04-01", "title": id + " の計画",
		"basedOn": map[string]any{"id": model, "version": version}}
	for k, v := range extra {
		file[k] = v
	}
	out, err := json.Marshal(file)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// referencePart returns the top-level part key of reference plan id's file,
// decoded as plain JSON, with every string old replaced by new.
func referencePart(t testing.TB, id, key, old, new string) any {
	t.Helper()
	data, ok := reference.File(id)
	if !ok {
		t.Fatalf("no reference plan %s", id)
	}
	var file map[string]json.RawMessage
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(file[key]), old, new)), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// A plan file that names only its identity and its model inherits every
// part of the model as the model states it, citing the model's clauses, and
// reads back from its own JSON unchanged.
func TestBasedOnInheritsEveryPart(t *testing.T) {
	for _, m := range ReferencePlans() {
		t.Run(m.ID, func(t *testing.T) {
			p, err := ParsePlan(basedOn(t, "yazu", m.ID, m.Version, nil))
			if err != nil {
				t.Fatal(err)
			}
			if p.ID != "yazu" || p.BasedOn == nil || p.BasedOn.ID != m.ID || p.BasedOn.Title != m.Title {
				t.Fatalf("identity: id %q, basedOn %+v", p.ID, p.BasedOn)
			}
			if diff := cmp.Diff(m.Clauses, p.BasedOn.Clauses); diff != "" {
				t.Errorf("the model's clause index (-want +got):\n%s", diff)
			}
			if p.Clauses != nil {
				t.Errorf("the plan took the model's clauses as its own: %d", len(p.Clauses))
			}
			// every part but the identity is the model's
			want := m.Clone()
			want.ID, want.Version, want.Title, want.Source, want.Clauses, want.BasedOn = p.ID, p.Version, p.Title, p.Source, p.Clauses, p.BasedOn
			if diff := cmp.Diff(want, p, roundTripOpts); diff != "" {
				t.Errorf("inherited parts (-model +plan):\n%s", diff)
			}
			// A Plan is its JSON: the resolved plan, marshalled, parses back
			// to itself (basedOn then repeats the model's title and index).
			b, err := p.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			q, err := ParsePlan(b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p, q, roundTripOpts); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
			// Check finds what it finds in the model, but for the clause
			// index the plan does not need: its citations are the model's.
			codes := func(fs []Finding) []string {
				var out []string
				for _, f := range fs {
					if f.Code != CodeNoClauseIndex {
						out = append(out, f.Code.String()+" "+f.Path+" "+f.Cite.String())
					}
				}
				return out
			}
			if diff := cmp.Diff(codes(Check(m)), codes(Check(p))); diff != "" {
				t.Errorf("Check (-model +plan):\n%s", diff)
			}
			for _, f := range Check(p) {
				if f.Code == CodeNoClauseIndex || f.Code == CodeForeignCitation || f.Code == CodeUnresolvedCitation {
					t.Errorf("finding about citations in a plan that cites its model: %v", f)
				}
			}
		})
	}
}

// A part the file gives replaces the model's part whole; the parts it leaves
// out stay the model's, and a relabelled model term keeps its value.
func TestBasedOnOverridesWholeParts(t *testing.T) {
	m := Tottori()
	// An organisation of its own: the model's, moved to yazu's clauses (a
	// part is of one plan: its own package checks that all its citations
	// are), with yazu's clause index.
	org := referencePart(t, "tottori", "organization", "tottori", "yazu")
	clauses := referencePart(t, "tottori", "clauses", "", "")
	clauses = append(clauses.([]any), map[string]any{"clause": "第4条", "heading": "セキュリティ統括責任者"})
	voc := map[string]any{"positions": []any{
		map[string]any{"id": "security-chief", "label": "副町長", "function": "security-chief", "cites": []string{"yazu:第4条"}},
		map[string]any{"id": "soumu-kacho", "label": "総務課長", "cites": []string{"yazu:第4条"}},
	}}
	p, err := ParsePlan(basedOn(t, "yazu", "tottori", m.Version, map[string]any{"organization": org, "clauses": clauses, "vocabulary": voc}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Threat, p.Threat, roundTripOpts); diff != "" {
		t.Errorf("threat not inherited (-model +plan):\n%s", diff)
	}
	if cmp.Equal(m.Organization, p.Organization, roundTripOpts) {
		t.Error("organization: the model's, not the file's")
	}
	role, ok := p.Vocabulary.Role("security-chief")
	if !ok || role != council.SecurityChief {
		t.Errorf("security-chief is %v, %v", role, ok)
	}
	if got := p.Vocabulary.Label(council.ByRole(council.SecurityChief), Japanese); got != "副町長" {
		t.Errorf("security chief's label %q, want the plan's 副町長", got)
	}
	own, ok := p.Vocabulary.Role("soumu-kacho")
	if !ok {
		t.Fatal("the plan's own post is not in the merged vocabulary")
	}
	for _, r := range []string{"staff", "operator", "system-administrator"} {
		mr, _ := m.Vocabulary.Role(r)
		pr, _ := p.Vocabulary.Role(r)
		if mr != pr || pr == own {
			t.Errorf("model post %s: %v in the model, %v in the plan (own post %v)", r, mr, pr, own)
		}
	}
	for _, e := range p.Organization.Chain.Edges {
		if e.Cite.Plan() != "yazu" {
			t.Errorf("edge %v cites %v: want the plan's own clause", e, e.Cite)
		}
	}
	for _, r := range p.Threat.Rules {
		if r.Citations.At(0).Plan() != "tottori" {
			t.Errorf("inherited rule %v cites %v: want the model's clause", r.Example, r.Citations)
		}
	}
	for _, f := range Check(p) {
		if f.Severity == SeverityError {
			t.Errorf("error finding: %v", f)
		}
	}
}

// Every problem of resolving a model is an error at its JSON path, wrapping
// the sentinel the doc names.
func TestBasedOnErrors(t *testing.T) {
	tottori, _ := reference.File("tottori")
	v := Tottori().Version
	cycleA := basedOn(t, "a", "b", "1", nil)
	cycleB := basedOn(t, "b", "a", "2024-04-01", nil)
	files := map[string][]byte{
		"a": cycleA, "b": cycleB,
		"broken":   []byte(`{"id":"broken","version":"1","threat":{}}`),
		"imposter": tottori,
	}
	for _, tt := range []struct {
		name  string
		data  []byte
		path  string
		is    []error
		words string
	}{
		{"missing", basedOn(t, "yazu", "chizu", "1", nil), "$.basedOn.id", []error{ErrDangling}, "no model plan"},
		{"version", basedOn(t, "yazu", "tottori", "2005-01-01", nil), "$.basedOn.version", []error{ErrBadValue}, `is version "2006-03-03", not "2005-01-01"`},
		{"cycle", basedOn(t, "c", "a", "2024-04-01", nil), "$.basedOn", []error{ErrCycle, ErrDangling}, "a → b → a"},
		{"self", basedOn(t, "yazu", "yazu", "1", nil), "$.basedOn.id", []error{ErrCycle, ErrDangling}, "yazu → yazu"},
		{"model does not load", basedOn(t, "yazu", "broken", "1", nil), "$.basedOn", []error{ErrBadValue}, "model plan broken does not load"},
		{"imposter", basedOn(t, "yazu", "imposter", v, nil), "$.basedOn.id", []error{ErrDangling}, "is plan tottori"},
		{"no version", []byte(`{"id":"yazu","version":"1","basedOn":{"id":"tottori"}}`), "$.basedOn.version", []error{ErrBadValue}, "missing"},
		{"bad id", []byte(`{"id":"yazu","version":"1","basedOn":{"id":"鳥取","version":"1"}}`), "$.basedOn.id", []error{ErrBadValue}, "plain identifier"},
		{"unknown field", []byte(`{"id":"yazu","version":"1","basedOn":{"id":"tottori","version":"2006-03-03","plan":"x"}}`), "$.basedOn.plan", []error{ErrUnknownField}, ""},
		{"not the model's title", []byte(`{"id":"yazu","version":"1","basedOn":{"id":"tottori","version":"2006-03-03","title":"x"}}`), "$.basedOn.title", []error{ErrBadValue}, "titled"},
		{"not the model's index", []byte(`{"id":"yazu","version":"1","basedOn":{"id":"tottori","version":"2006-03-03","clauses":[{"clause":"第1","heading":"x"}]}}`), "$.basedOn.clauses", []error{ErrBadValue}, "clause index"},
		{"function changed", basedOn(t, "yazu", "tottori", v, map[string]any{"vocabulary": map[string]any{"positions": []any{
			map[string]any{"id": "staff", "label": "係員", "function": "operator"}}}}), "$.vocabulary.positions[0].function", []error{ErrBadValue}, "acts as staff"},
		{"foreign citation", basedOn(t, "yazu", "tottori", v, map[string]any{
			"duties": []any{map[string]any{"duty": "observe-act", "actor": "staff", "citations": []string{"kumamoto:3"}}}}),
			"$.duties[0].citations[0]", []error{ErrDangling}, `or of its model "tottori"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePlanWith(tt.data, ModelFiles(files))
			if err == nil {
				t.Fatal("accepted")
			}
			for _, s := range tt.is {
				if !errors.Is(err, s) {
					t.Errorf("%v does not wrap %v", err, s)
				}
			}
			var pe *PathError
			if !errors.As(err, &pe) || !strings.HasPrefix(pe.Path, tt.path) {
				t.Errorf("path of %v: want %s", err, tt.path)
			}
			if !strings.Contains(err.Error(), tt.words) {
				t.Errorf("%v: want it to say %q", err, tt.words)
			}
			// Lint says the same, as one finding at the path, and never fails.
			_, fs, lerr := Lint(tt.data, LintOptions{Models: files})
			if lerr != nil {
				t.Fatal(lerr)
			}
			if !slices.ContainsFunc(fs, func(f Finding) bool {
				return f.Severity == SeverityError && strings.HasPrefix(f.Path, strings.TrimPrefix(tt.path, "$.")) || f.Path == tt.path
			}) {
				t.Errorf("no Lint error at %s: %v", tt.path, fs)
			}
		})
	}
}

// Check flags a citation of a plan that is neither the plan nor its model,
// and a citation of the model that names no clause of the model's index.
func TestCheckBasedOnCitations(t *testing.T) {
	p, err := ParsePlan(basedOn(t, "yazu", "tottori", Tottori().Version, nil))
	if err != nil {
		t.Fatal(err)
	}
	p.Duties = slices.Clone(p.Duties)
	p.Duties[0].Citations = council.Cites(council.Cite("kumamoto", "3"), council.Cite("tottori", "第99"), council.Cite("tottori", "第3-3(1)"))
	var got []string
	for _, f := range Check(p) {
		if f.Code == CodeForeignCitation || f.Code == CodeUnresolvedCitation {
			got = append(got, f.Code.String()+" "+f.Cite.String())
		}
	}
	want := []string{"reference.foreign-citation kumamoto:3", "reference.unresolved-citation tottori:第99"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// FuzzParsePlanWith parses a plan file based on a model through a resolver
// holding a second fuzzed file (as "m") beside the reference plans: it never
// panics, and a plan it accepts reads back from its own JSON unchanged.
func FuzzParsePlanWith(f *testing.F) {
	tottori, _ := reference.File("tottori")
	v := Tottori().Version
	f.Add(basedOn(f, "yazu", "tottori", v, nil), []byte(`{}`))
	f.Add(basedOn(f, "yazu", "m", "1", nil), []byte(`{"id":"m","version":"1","organization":{"plan":"m","chain":{"plan":"m","chief":"security-chief"}}}`))
	f.Add(basedOn(f, "yazu", "m", "1", nil), basedOn(f, "m", "yazu", "1", nil))
	f.Add(basedOn(f, "yazu", "m", v, nil), tottori)
	f.Add(basedOn(f, "yazu", "tottori", v, map[string]any{"vocabulary": map[string]any{"positions": []any{
		map[string]any{"id": "security-chief", "label": "町長", "function": "security-chief"}}}}), []byte(`[`))
	f.Fuzz(func(t *testing.T, data, model []byte) {
		models := ModelFiles(map[string][]byte{"m": model})
		p, err := ParsePlanWith(data, models)
		if err != nil {
			return
		}
		b, err := p.MarshalJSON()
		if err != nil {
			t.Fatalf("a decoded plan does not encode: %v", err)
		}
		q, err := ParsePlanWith(b, models)
		if err != nil {
			t.Fatalf("a re-encoded plan does not decode: %v\n%s", err, b)
		}
		if diff := cmp.Diff(p, q, roundTripOpts); diff != "" {
			t.Fatalf("round trip changed the plan (-first +second):\n%s", diff)
		}
	})
}

// BenchmarkParsePlanBasedOn parses a plan that inherits every part of
// tottori's: the model's file is parsed too, so it costs about two parses.
func BenchmarkParsePlanBasedOn(b *testing.B) {
	data := basedOn(b, "yazu", "tottori", Tottori().Version, nil)
	model, _ := reference.File("tottori")
	b.ReportAllocs()
	b.SetBytes(int64(len(data) + len(model)))
	for b.Loop() {
		if _, err := ParsePlan(data); err != nil {
			b.Fatal(err)
		}
	}
}

// A plan file based on a model lints cleanly: Lint reads it as ParsePlan
// does (the model resolved), reports no problem of the file, and finds what
// Check finds in the plan, each at a place in the file.
func TestLintBasedOn(t *testing.T) {
	for _, m := range ReferencePlans() {
		t.Run(m.ID, func(t *testing.T) {
			data := basedOn(t, "machi", m.ID, m.Version, nil)
			p, err := ParsePlan(data)
			if err != nil {
				t.Fatal(err)
			}
			q, fs, err := Lint(data, LintOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p, q, roundTripOpts); diff != "" {
				t.Errorf("Lint read another plan (-ParsePlan +Lint):\n%s", diff)
			}
			want := map[Code]bool{}
			for _, f := range Check(p) {
				want[f.Code] = true
			}
			for _, f := range fs {
				if strings.HasPrefix(f.Code.String(), "file.") || f.Severity == SeverityError || !want[f.Code] {
					t.Errorf("finding %v", f)
				}
				if f.Line < 1 || f.Column < 1 {
					t.Errorf("finding %v is at no place in the file", f)
				}
			}
		})
	}
}

// TestBasedOnMarksFollowTheirParts: a plan based on a model inherits the
// model's readings and not-stated marks with the parts they speak of; a
// part the file states itself carries only the file's marks.
func TestBasedOnMarksFollowTheirParts(t *testing.T) {
	m := Tottori()
	p, err := ParsePlan(basedOn(t, "yazu", "tottori", m.Version, nil))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m.Readings, p.Readings); diff != "" {
		t.Errorf("tottori:第2-4(1): readings not inherited (-model +plan):\n%s", diff)
	}
	if diff := cmp.Diff(m.NotStated, p.NotStated); diff != "" {
		t.Errorf("tottori:第2-4(2): not-stated marks not inherited (-model +plan):\n%s", diff)
	}
	org := referencePart(t, "tottori", "organization", "tottori", "yazu")
	clauses := referencePart(t, "tottori", "clauses", "", "")
	q, err := ParsePlan(basedOn(t, "yazu", "tottori", m.Version, map[string]any{"organization": org, "clauses": clauses}))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := q.NotStatedAt("$.organization.councils[0].chair"); ok {
		t.Error("the file's own organisation carries the model's not-stated chair")
	}
	if _, ok := q.ReadingAt("$.fault.serious.long"); !ok {
		t.Error("the inherited fault part lost the model's reading of its threshold")
	}
}
