package bcp

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/golden"
)

// goldens are the files go test -update rewrites: bcp/reference (canonical
// form), bcp/plan.schema.json (from the types) and the Check and DiffPlans
// results under testdata.
var goldens = golden.New(".", "update", "rewrite bcp/reference (canonical form), bcp/plan.schema.json (from the types) and the golden files under testdata")

// planOpts compares plans: citations by Equal, an empty list equal to none
// (the canonical form leaves empty lists out), measures.Rules through its
// own JSON (it keeps its citations unexported).
var planOpts = cmp.Options{
	cmp.Comparer(council.Citations.Equal),
	cmpopts.EquateEmpty(),
	cmp.Transformer("rulesJSON", func(r measuresRules) string {
		b, err := json.Marshal(r)
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	}),
}

// fileForm is how a plan file is written: the canonical JSON, indented.
func fileForm(t testing.TB, p Plan) []byte {
	t.Helper()
	b, err := p.MarshalIndent()
	if err != nil {
		t.Fatalf("%s: MarshalIndent: %v", p.ID, err)
	}
	return b
}

// TestReferencePlanFiles checks the embedded reference plan files: each
// parses, validates, is in canonical file form (-update rewrites it so), and
// is what Reference returns.
func TestReferencePlanFiles(t *testing.T) {
	for _, id := range reference.IDs() {
		t.Run(id+":file", func(t *testing.T) {
			path := filepath.Join("reference", id+".json")
			data, ok := reference.File(id)
			if !ok {
				t.Fatalf("no embedded file for %s", id)
			}
			got, err := ParsePlan(data)
			if err != nil {
				t.Fatalf("ParsePlan(%s): %v", path, err)
			}
			if err := got.Validate(); err != nil {
				t.Fatalf("reference plan does not validate: %v", err)
			}
			again := fileForm(t, got)
			if goldens.Updating() {
				if err := os.WriteFile(path, again, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if !bytes.Equal(again, data) {
				t.Errorf("%s is not in canonical file form (run go test ./bcp/ -run TestReferencePlanFiles -update)", path)
			}
			if p, err := Reference(id); err != nil || cmp.Diff(got, p, planOpts) != "" {
				t.Errorf("Reference(%q) = %v; want the parsed file", id, err)
			}
		})
	}
}

func TestReferencePlansAreFresh(t *testing.T) {
	for _, id := range reference.IDs() {
		t.Run(id+":fresh", func(t *testing.T) {
			p, err := Reference(id)
			if err != nil {
				t.Fatal(err)
			}
			before, _ := p.Provenance()
			scribble(&p)
			q, _ := Reference(id)
			after, _ := q.Provenance()
			if before != after {
				t.Errorf("mutating a fetched plan changed the next one: %v -> %v", before, after)
			}
			c := q.Clone()
			scribble(&c)
			if again, _ := q.Provenance(); again != after {
				t.Errorf("mutating a clone changed the original")
			}
		})
	}
	if _, err := Reference("vendor"); !errors.Is(err, ErrInvalid) {
		t.Errorf("Reference(vendor): %v; want ErrInvalid", err)
	}
}

// scribble changes every part of p that it holds through a pointer or slice.
func scribble(p *Plan) {
	p.Title = "changed"
	if o := p.Organization; o != nil {
		o.Plan = "x"
		if len(o.Agendas) > 0 && len(o.Agendas[0].Items) > 0 {
			o.Agendas[0].Items[0].Title = "changed"
			if len(o.Agendas[0].Items[0].Examples) > 0 {
				o.Agendas[0].Items[0].Examples[0] = "changed"
			}
		}
		if len(o.Chain.Edges) > 0 {
			o.Chain.Edges[0].From = council.Staff
		}
	}
	if len(p.Duties) > 0 {
		p.Duties[0].Actor = council.ByRole(council.DeputySecurityChief)
	}
	if f := p.Fault; f != nil {
		f.Plan = "x"
		if len(f.Escalation) > 0 && len(f.Escalation[0].To) > 0 {
			f.Escalation[0].To[0] = council.ByParty(council.Police)
		}
	}
	if s := p.Threat; s != nil {
		s.Name = "changed"
		if len(s.Rules) > 0 {
			s.Rules[0].Example = "changed"
		}
	}
	if m := p.Measures; m != nil {
		if len(m.Emergency) > 0 {
			m.Emergency[0].Text = "changed"
		}
		if len(m.Annex) > 0 {
			m.Annex[0] = 0
		}
		if m.Controls != nil {
			m.Controls.MinPasswordLength = 1
		}
	}
	if c := p.Continuity; c != nil {
		if c.Inventory != nil && len(c.Inventory.Systems) > 0 {
			c.Inventory.Systems[1].Owner = "changed"
			c.Inventory.Systems[1].DependsOn = append(c.Inventory.Systems[1].DependsOn, "x")
		}
		if c.Schedule != nil {
			c.Schedule.Slots[0] = 0
		}
		if len(c.Flow) > 0 {
			c.Flow[0].Note = "changed"
		}
		if len(c.Order) > 0 {
			c.Order[0].Reasons = 0
		}
	}
}

// TestPlansConcurrently exercises the shared, read-only codec tables and
// presets from several goroutines (meaningful under -race).
func TestPlansConcurrently(t *testing.T) {
	want := map[string]Provenance{}
	for _, p := range ReferencePlans() {
		want[p.ID], _ = p.Provenance()
	}
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			p := ReferencePlans()[i%5]
			b, err := p.MarshalJSON()
			if err == nil {
				var q Plan
				err = q.UnmarshalJSON(b)
				if pv, _ := q.Provenance(); err == nil && pv != want[p.ID] {
					err = errors.New("provenance differs for " + p.ID)
				}
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
