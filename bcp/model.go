package bcp

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Model names the model plan a plan follows: a prefecture's plan, or the
// national center's, that a town's document says it is based on (準じて).
// In a plan file it is "basedOn": {"id": …, "version": …}; [ParsePlanWith]
// resolves it, and fills in what a plan needs of its model to resolve the
// citations it inherits: the model's title, clause index and own model.
// [Plan.MarshalJSON] writes them too, so that the JSON of a resolved plan
// holds all it cites; a file that gives them must give the model's.
//
// A plan based on a model inherits every top-level part its file leaves out
// (organization, provisions, duties, fault, threat, measures, continuity and
// any part added later) exactly as the model states it, citing the model's
// clauses, as the document does; a part the file gives replaces the model's
// part whole (a part is never merged with the model's). The plan's identity
// (id, version, title, source), its clause index and basedOn are its own.
// The vocabulary is merged term by term: the model's terms, in the model's
// order, with a term of the file that has a model term's ID in its place
// (relabelled, never acting as another function), then the file's other
// terms.
//
// The zero Model names no plan. A Model holds slices: == is not defined.
type Model struct {
	// ID is the model's plan ID, e.g. "tottori".
	ID string `json:"id,omitzero"`
	// Version is the model's version the plan follows; it must be the
	// version of the model supplied.
	Version string `json:"version,omitzero"`
	// Title is the model's title, filled by resolution.
	Title string `json:"title,omitzero"`
	// Clauses is the model's clause index, filled by resolution: the
	// clauses the citations of the model name ([Check] resolves them).
	Clauses []council.Clause `json:"clauses,omitempty"`
	// BasedOn is the model's own model, if it follows one, filled by
	// resolution.
	BasedOn *Model `json:"basedOn,omitempty"`
}

// Models finds the plan file of a model plan by its plan ID, for
// [ParsePlanWith]: the file's bytes and true, or false when it has none.
// It is called once per model a file is based on; a resolver backed by a
// map, a directory read beforehand or [ReferenceModels] keeps parsing pure.
type Models func(id string) (data []byte, ok bool)

// ReferenceModels finds the embedded plan file of a reference plan ("ino",
// "kumamoto", "kumiyama", "nakano", "tottori"): the models [ParsePlan]
// resolves "basedOn" against.
func ReferenceModels(id string) ([]byte, bool) { return reference.File(id) }

// ModelFiles finds a model in files, plan files by plan ID, and failing that
// among the reference plans ([ReferenceModels]). It keeps files, not a copy:
// do not change it while a parse uses it.
func ModelFiles(files map[string][]byte) Models {
	return func(id string) ([]byte, bool) {
		if data, ok := files[id]; ok {
			return data, true
		}
		return ReferenceModels(id)
	}
}

// maxModels bounds a chain of plans based on models, each on the next.
const maxModels = 8

// ParsePlanWith decodes and checks a plan file as [ParsePlan] does, and
// resolves its "basedOn" through models: the model's file is parsed the same
// way (its own model through models too), and the plan inherits the parts its
// file leaves out (see [Model]). A nil models finds the reference plans
// ([ReferenceModels]). Parsing stays pure: models is the only source of other
// plans.
//
// A model models does not find, a model whose ID or version is not the one
// basedOn names, or a model that is based, directly or through others, on
// the plan itself is an error at $.basedOn.id or $.basedOn.version wrapping
// [ErrDangling] (a model missing or a cycle; the message spells the chain)
// or [ErrBadValue] (a version mismatch); a model file that does not load is
// an error at $.basedOn wrapping the model's errors. A chain of more than 8
// models is an error too.
func ParsePlanWith(data []byte, models Models) (Plan, error) {
	if models == nil {
		models = ReferenceModels
	}
	return parsePlan(data, models, nil)
}

// parsePlan is ParsePlanWith with chain, the IDs of the plans whose models
// are being resolved (the plan's descendants first).
func parsePlan(data []byte, models Models, chain []string) (Plan, error) {
	root, err := jsonfile.Parse(planFile, bytes.TrimPrefix(data, []byte(byteOrderMark)))
	if err != nil {
		return Plan{}, err
	}
	p, w, errs, _ := decodeResolved(root, models, chain)
	if len(errs) > 0 {
		return Plan{}, problem.Join(errs...)
	}
	if err := p.validate(w, true); err != nil {
		return Plan{}, err
	}
	return p, nil
}

// decodeResolved decodes a plan file's tree and, if it is based on a model,
// resolves the model and inherits its parts. A model that cannot be
// resolved is the only problem reported: the rest of the file names the
// model's terms, and cannot be read without it: ok is false then. It
// returns the plan's vocabulary resolved too, for the checks of the whole.
func decodeResolved(root *node, models Models, chain []string) (p Plan, w *words, errs []error, ok bool) {
	i := root.Member("basedOn")
	if i < 0 {
		p, w, errs = decodePlan(root)
		return p, w, errs, true
	}
	model, errs := loadModel(root, root.Vals[i], models, chain)
	if len(errs) > 0 {
		return Plan{}, nil, errs, false
	}
	p, w, errs = decodePlanOn(root, &model)
	return p, w, errs, true
}

// loadModel decodes the basedOn object n of root and returns the model it
// names, parsed and checked.
func loadModel(root, n *node, models Models, chain []string) (Plan, []error) {
	d := newDecoder()
	d.Key("basedOn")
	var m Model
	d.Value(reflect.ValueOf(&m).Elem(), n)
	if len(d.Errs) > 0 {
		return Plan{}, d.Errs
	}
	if !council.Cite(m.ID, "x").IsValid() {
		return Plan{}, []error{pathErr("$.basedOn.id", ErrBadValue, "model plan ID %s: want a plain identifier (a-z, 0-9, - and _)", problem.Value(m.ID))}
	}
	if m.Version == "" {
		return Plan{}, []error{pathErr("$.basedOn.version", ErrBadValue, "missing: the version of %s the plan follows", problem.Value(m.ID))}
	}
	self := ""
	if j := root.Member("id"); j >= 0 && root.Vals[j].Kind == '"' {
		self = root.Vals[j].Text
	}
	chain = append(slices.Clip(chain), self)
	if slices.Contains(chain, m.ID) {
		at := slices.Index(chain, m.ID)
		cyc := append(slices.Clone(chain[at:]), m.ID)
		for k := range cyc {
			cyc[k] = problem.ID(cyc[k])
		}
		return Plan{}, []error{pathErr("$.basedOn.id", ErrCycle, "a cycle of basedOn: %s (each plan based on the next): %w", strings.Join(cyc, " → "), ErrDangling)}
	}
	if len(chain) > maxModels {
		return Plan{}, []error{pathErr("$.basedOn.id", ErrBadValue, "model plan %s: more than %d plans based on models, each on the next", problem.ID(m.ID), maxModels)}
	}
	data, ok := models(m.ID)
	if !ok {
		return Plan{}, []error{pathErr("$.basedOn.id", ErrDangling, "no model plan %s: supply its plan file to resolve the plan", problem.ID(m.ID))}
	}
	model, err := parsePlan(data, models, chain)
	if err != nil {
		return Plan{}, []error{&PathError{File: planFile, Path: "$.basedOn", Err: fmt.Errorf("model plan %s does not load: %w", problem.ID(m.ID), err)}}
	}
	if model.ID != m.ID {
		return Plan{}, []error{pathErr("$.basedOn.id", ErrDangling, "the file found for model plan %s is plan %s", problem.ID(m.ID), problem.ID(model.ID))}
	}
	if model.Version != m.Version {
		return Plan{}, []error{pathErr("$.basedOn.version", ErrBadValue, "model plan %s is version %s, not %s: follow the version supplied or supply version %s", problem.ID(m.ID), problem.Value(model.Version), problem.Value(m.Version), problem.Value(m.Version))}
	}
	// A file may repeat what resolution fills in (the JSON of a resolved
	// plan does); it must be the model's.
	if m.Title != "" && m.Title != model.Title {
		return Plan{}, []error{pathErr("$.basedOn.title", ErrBadValue, "model plan %s is titled %s: leave the title out or give the model's", problem.ID(m.ID), problem.Value(model.Title))}
	}
	if m.Clauses != nil && !slices.Equal(m.Clauses, model.Clauses) {
		return Plan{}, []error{pathErr("$.basedOn.clauses", ErrBadValue, "not the clause index of model plan %s: leave it out or give the model's", problem.ID(m.ID))}
	}
	if m.BasedOn != nil && !reflect.DeepEqual(m.BasedOn, model.BasedOn) {
		return Plan{}, []error{pathErr("$.basedOn.basedOn", ErrBadValue, "not the model of model plan %s: leave it out or give the model's", problem.ID(m.ID))}
	}
	return model, nil
}

// ownParts are the plan file's top-level keys a plan based on a model never
// inherits: its identity, its model, its clause index and its vocabulary
// (merged instead).
var ownParts = [...]string{"id", "version", "title", "source", "basedOn", "clauses", "vocabulary"}

// decodePlanOn decodes a plan file's tree that is based on model: the
// vocabulary merged with the model's, the parts the file leaves out
// inherited.
func decodePlanOn(root *node, model *Plan) (Plan, *words, []error) {
	var p Plan
	d := newDecoder()
	if i := root.Member("vocabulary"); i >= 0 {
		d.Key("vocabulary")
		d.Value(reflect.ValueOf(&p.Vocabulary).Elem(), root.Vals[i])
		d.Pop()
	}
	vocab, errs := mergeVocabulary(model.Vocabulary, p.Vocabulary)
	d.Errs = append(d.Errs, errs...)
	d.words = vocab.words()
	d.Value(reflect.ValueOf(&p).Elem(), root)
	p.Vocabulary = vocab
	pv, mv := reflect.ValueOf(&p).Elem(), reflect.ValueOf(model).Elem()
	for _, f := range fieldsOf(planType) {
		if slices.Contains(ownParts[:], f.name) || root.Member(f.name) >= 0 || f.name == "readings" || f.name == "notStated" {
			continue
		}
		pv.Field(f.index).Set(mv.Field(f.index))
	}
	// The model's marks follow the parts inherited from it: a part the file
	// states itself is the file's, and only the file's marks speak of it.
	inherited := func(ms []Mark) []Mark {
		var out []Mark
		for _, m := range ms {
			if segs, err := parseMarkPath(m.Path); err == nil && len(segs) > 0 && root.Member(segs[0].Key) < 0 {
				out = append(out, m)
			}
		}
		return out
	}
	p.Readings = append(p.Readings, inherited(model.Readings)...)
	p.NotStated = append(p.NotStated, inherited(model.NotStated)...)
	p.BasedOn = &Model{ID: model.ID, Version: model.Version, Title: model.Title, Clauses: model.Clauses, BasedOn: model.BasedOn}
	return p, d.words, d.Errs
}

// mergeVocabulary returns the model's vocabulary with the plan file's terms
// merged in: a term with a model term's ID takes its place, any other is
// added after the model's. A term that would make a model term act as
// another function is an error: the parts inherited from the model hold the
// model's values.
func mergeVocabulary(model, own Vocabulary) (Vocabulary, []error) {
	out := model.Clone()
	var errs []error
	ov, mv := reflect.ValueOf(&out).Elem(), reflect.ValueOf(own)
	for k := range nKinds {
		list, add := ov.Field(k), mv.Field(k)
		at := make(map[string]int, list.Len())
		for m := range list.Len() {
			if id := list.Index(m).FieldByName("ID").String(); id != "" {
				if _, dup := at[id]; !dup {
					at[id] = m
				}
			}
		}
		for i := range add.Len() {
			t := add.Index(i)
			j, ok := at[t.FieldByName("ID").String()]
			if !ok {
				list.Set(reflect.Append(list, t))
				continue
			}
			id := t.FieldByName("ID").String()
			if was, now := list.Index(j).FieldByName("Function").Uint(), t.FieldByName("Function").Uint(); was != now {
				errs = append(errs, pathErr(fmt.Sprintf("$.vocabulary.%s[%d].function", wordKinds[k].key, i), ErrBadValue,
					"term %s of the model acts as %s: a plan based on it may relabel the term, not change what it acts as", problem.Quote(id), functionName(list.Index(j).FieldByName("Function"))))
				continue
			}
			list.Index(j).Set(t)
		}
	}
	return out, errs
}

// functionName names a term's function for a message.
func functionName(v reflect.Value) string {
	if v.Uint() == 0 {
		return "no function"
	}
	return fmt.Sprint(v.Interface())
}

// citable reports whether a citation of plan id may appear in p: id is p's
// own or that of its model, or of the model's model, and so on.
func (p Plan) citable(id string) bool {
	if id == p.ID {
		return true
	}
	for m := p.BasedOn; m != nil; m = m.BasedOn {
		if id == m.ID {
			return true
		}
	}
	return false
}

// IndexOf returns the clause index of plan id as p holds it: p's own
// ([Plan.Index]) or, for a plan based on a model, the model's (or its
// model's). A plan p holds no index of is an error wrapping [ErrDangling]; an
// index that does not build, one wrapping [ErrInvalid].
func (p Plan) IndexOf(id string) (council.Index, error) {
	if id == p.ID {
		return p.Index()
	}
	for m, n := p.BasedOn, 0; m != nil && n < maxModels; m, n = m.BasedOn, n+1 {
		if m.ID == id {
			x, err := council.NewIndex(m.ID, m.Clauses)
			if err != nil {
				return council.Index{}, fmt.Errorf("bcp: %w", err)
			}
			return x, nil
		}
	}
	return council.Index{}, fmt.Errorf("bcp: plan %s holds no clause index of plan %s: %w", problem.ID(p.ID), problem.ID(id), ErrDangling)
}

// modelIndexes returns the clause index of each model of p, by plan ID.
func (p Plan) modelIndexes() map[string]council.Index {
	out := map[string]council.Index{}
	for m := p.BasedOn; m != nil && len(out) < maxModels; m = m.BasedOn {
		if len(m.Clauses) == 0 {
			continue
		}
		if x, err := council.NewIndex(m.ID, m.Clauses); err == nil {
			out[m.ID] = x
		}
	}
	return out
}
