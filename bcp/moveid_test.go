package bcp

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
	"pgregory.net/rapid"
)

// exactOpts compares plans exactly (nil and empty lists differ): citations
// by Equal, measures.Rules through its JSON (it keeps its citations
// unexported).
var exactOpts = cmp.Options{
	cmp.Comparer(council.Citations.Equal),
	cmp.Transformer("rulesJSON", func(r measures.Rules) string {
		b, err := json.Marshal(r)
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	}),
}

// citedPlans returns the sorted distinct plan IDs p cites anywhere, and the
// values of its string fields named Plan.
func citedPlans(p Plan) []string {
	var ids []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		t := v.Type()
		switch t {
		case citationType:
			if c := v.Interface().(council.Citation); c.IsValid() {
				ids = append(ids, c.Plan())
			}
			return
		case citationsType:
			ids = append(ids, v.Interface().(council.Citations).Plans()...)
			return
		case rulesType:
			r := v.Interface().(measures.Rules)
			for _, q := range measures.AllRequirements() {
				ids = append(ids, r.Citations(q).Plans()...)
			}
		}
		switch t.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				switch {
				case !f.IsExported():
				case f.Name == "Plan" && f.Type.Kind() == reflect.String && t != planType:
					ids = append(ids, v.Field(i).String())
				default:
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(p))
	slices.Sort(ids)
	return slices.Compact(ids)
}

// findingsJSON is Check(p) as JSON with every "from" plan ID spelled "to".
func findingsJSON(p Plan, from, to string) string {
	b, err := json.Marshal(Check(p))
	if err != nil {
		return "error: " + err.Error()
	}
	if from == "" {
		return string(b)
	}
	return strings.ReplaceAll(string(b), from, to)
}

func TestWithIDReferencePlans(t *testing.T) {
	for _, ref := range ReferencePlans() {
		t.Run(ref.ID, func(t *testing.T) {
			p := ref.Clone()
			if got := citedPlans(p); !slices.Equal(got, []string{p.ID}) {
				t.Fatalf("the reference plan cites %v; want only itself", got)
			}
			moved, err := p.WithID("yazu")
			if err != nil {
				t.Fatal(err)
			}
			if moved.ID != "yazu" {
				t.Errorf("ID = %q", moved.ID)
			}
			if got := citedPlans(moved); !slices.Equal(got, []string{"yazu"}) {
				t.Errorf("the moved plan cites %v; want only yazu", got)
			}
			if diff := cmp.Diff(ref, p, exactOpts); diff != "" {
				t.Errorf("WithID changed the original (-before +after):\n%s", diff)
			}
			if err := moved.Validate(); (err == nil) != (p.Validate() == nil) {
				t.Errorf("Validate: %v; the original: %v", err, p.Validate())
			}
			if got, want := findingsJSON(moved, "yazu", p.ID), findingsJSON(p, "", ""); got != want {
				t.Errorf("Check on the moved plan:\n%s\nwant, with its ID:\n%s", got, want)
			}
			// The clauses stay those of the document.
			if x, err := moved.Index(); err != nil || len(p.Clauses) > 0 && x.Len() != len(p.Clauses) {
				t.Errorf("clause index of the moved plan: %v", err)
			}
			// A drill of the moved plan can take the moved plan's file.
			b, err := moved.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			back, err := ParsePlan(b)
			if err != nil {
				t.Fatalf("the moved plan's file does not parse: %v", err)
			}
			if diff := cmp.Diff(moved, back, planOpts); diff != "" {
				t.Errorf("file round trip (-moved +parsed):\n%s", diff)
			}
			again, err := moved.WithID(p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p, again, exactOpts); diff != "" {
				t.Errorf("moving back (-original +moved back):\n%s", diff)
			}
		})
	}
}

func TestWithIDErrors(t *testing.T) {
	p := Tottori()
	for _, id := range []string{"", "Yazu", "ya zu", "yazu:", "八頭", strings.Repeat("a", 65)} {
		if got, err := p.WithID(id); !errors.Is(err, ErrBadValue) || got.ID != "" || !strings.Contains(err.Error(), problem.Quote(id)) {
			t.Errorf("WithID(%q) = plan %q, %v; want an error wrapping ErrBadValue naming the ID", id, got.ID, err)
		}
	}
	// tottori:第3-6 cites a kumamoto clause: moving to kumamoto would merge them.
	p.Threat.Judgement = p.Threat.Judgement.With(council.Cite("kumamoto", "4(1)(イ)"))
	if _, err := p.WithID("kumamoto"); !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), "kumamoto:4(1)(イ)") {
		t.Errorf("moving onto an ID the plan cites: %v; want ErrDuplicate naming the citation", err)
	}
	// Citations of other plans are kept.
	moved, err := p.WithID("yazu")
	if err != nil {
		t.Fatal(err)
	}
	if got := citedPlans(moved); !slices.Equal(got, []string{"kumamoto", "yazu"}) {
		t.Errorf("cited plans = %v; want kumamoto kept and tottori moved", got)
	}
	// Moving to its own ID is a copy.
	same, err := Tottori().WithID("tottori")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Tottori(), same, exactOpts); diff != "" {
		t.Errorf("moving to its own ID (-want +got):\n%s", diff)
	}
}

// TestWithIDReachesEveryCitation guards WithID's walk: it rewrites what it
// reaches through exported fields, plus measures.Rules' citations through
// their API. A new unexported field anywhere in a Plan could hold citations it
// cannot reach: teach WithID (and this list) about it.
func TestWithIDReachesEveryCitation(t *testing.T) {
	known := map[string]bool{
		"council.Citation.s":   true, // the citation itself: replaced whole
		"council.Citations._":  true, // zero-size, makes == undefined
		"council.Citations.p":  true, // replaced whole
		"measures.Rules.cites": true, // through Rules.Citations and WithCitations
		"threat.Event._":       true, // blank padding (threat.TestHotPathLayout): holds nothing
	}
	seen := map[reflect.Type]bool{}
	var walk func(ty reflect.Type)
	walk = func(ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(ty.Elem())
		case reflect.Map:
			walk(ty.Key())
			walk(ty.Elem())
		case reflect.Interface, reflect.Func, reflect.Chan:
			t.Errorf("a Plan holds %s, which WithID cannot walk", ty)
		case reflect.Struct:
			if seen[ty] {
				return
			}
			seen[ty] = true
			for i := range ty.NumField() {
				f := ty.Field(i)
				if !f.IsExported() {
					if name := ty.String() + "." + f.Name; !known[name] {
						t.Errorf("unexported field %s (%s) may hold citations WithID cannot reach", name, f.Type)
					}
					continue
				}
				walk(f.Type)
			}
		}
	}
	walk(planType)
}

// TestWithIDKeepsDecisions is the property: moving a plan to a new ID keeps
// every decision but the plan prefix. Check runs on a random plan and its
// moved copy; the outputs are equal once the new ID is spelled as the old.
// Moving back gives the original exactly. (The drills' half of the property
// is drill.TestWithIDKeepsDrills.)
func TestWithIDKeepsDecisions(t *testing.T) {
	newID := rapid.StringMatching(`zq[a-z0-9_-]{1,10}`)
	t.Run("check and back", rapid.MakeCheck(func(t *rapid.T) {
		p := genPlan().Draw(t, "plan")
		id := newID.Draw(t, "id")
		moved, err := p.WithID(id)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := findingsJSON(moved, id, p.ID), findingsJSON(p, "", ""); got != want {
			t.Fatalf("Check on the moved plan:\n%s\nwant:\n%s", got, want)
		}
		back, err := moved.WithID(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, back, exactOpts); diff != "" {
			t.Fatalf("moving to %s and back (-original +back):\n%s", id, diff)
		}
	}))
}
