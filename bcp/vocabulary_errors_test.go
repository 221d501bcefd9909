package bcp

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/internal/vocabtest"
)

// withOwnPost returns tottori's plan file with a post of its own (総務課長,
// no function) that its chain reports to from staff, citing cite, but that
// reports to no one: council rejects the chain, naming the post by number.
func withOwnPost(t *testing.T, cite string) []byte {
	t.Helper()
	data, ok := reference.File("tottori")
	if !ok {
		t.Fatal("no tottori plan file")
	}
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	voc := file["vocabulary"].(map[string]any)
	voc["positions"] = append(voc["positions"].([]any),
		map[string]any{"id": "general-affairs-director", "label": "総務課長", "cites": []any{"tottori:第2-2(1)"}})
	chain := file["organization"].(map[string]any)["chain"].(map[string]any)
	chain["edges"] = append(chain["edges"].([]any),
		map[string]any{"from": "staff", "to": "general-affairs-director", "cite": cite})
	out, err := json.Marshal(file)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A plan that declares its own post and breaks its chain hears about it in
// its own names: council's "role#24" is the post's term ID in ParsePlan's
// error, no Lint finding names it by number, and the error still wraps
// council's sentinel.
func TestPartErrorsSpeakThePlansNames(t *testing.T) {
	data := withOwnPost(t, "tottori:第2-2(1)")
	_, err := ParsePlan(data)
	if err == nil {
		t.Fatal("ParsePlan accepted a chain with a post that reaches no chief")
	}
	if !errors.Is(err, council.ErrUnreachable) || !errors.Is(err, ErrBadValue) {
		t.Errorf("the error does not wrap council.ErrUnreachable and ErrBadValue: %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "$.organization: chain tottori: role general-affairs-director: ") {
		t.Errorf("the error does not name the post by its ID:\n%s", msg)
	}
	if strings.Contains(msg, "role#") {
		t.Errorf("the error names a declared post by number:\n%s", msg)
	}

	_, findings, err := Lint(data, LintOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range findings {
		if strings.Contains(f.Message, "role#") || strings.Contains(f.MessageJA, "role#") {
			t.Errorf("finding %s names a declared post by number: %s / %s", f.Code, f.Message, f.MessageJA)
		}
		found = found || strings.Contains(f.Message, "general-affairs-director")
	}
	if !found {
		t.Errorf("no finding names the post by its ID: %v", findings)
	}

	// A citation of another plan: Check quotes council's error in its finding.
	_, findings, err = Lint(withOwnPost(t, "kumamoto:第1条"), LintOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found = false
	for _, f := range findings {
		if f.Code == CodeOrganizationInvalid {
			found = strings.Contains(f.Message, "(staff → general-affairs-director)") &&
				strings.Contains(f.MessageJA, "(staff → general-affairs-director)")
			if !found {
				t.Errorf("Check quotes council's error without the plan's names: %s / %s", f.Message, f.MessageJA)
			}
		}
	}
	if !found {
		t.Errorf("no %s finding: %v", CodeOrganizationInvalid, findings)
	}
}

func TestSay(t *testing.T) {
	var v Vocabulary
	v.Positions = []Term[council.Role]{{ID: "staff", Label: "担当者", Function: council.Staff}, {ID: "director", Label: "課長"}}
	v.Parties = []Term[council.Party]{{ID: "town-hall", Label: "役場"}}
	w := v.words()
	director, _ := v.Role("director")
	hall, _ := v.Party("town-hall")
	d, h := director.String(), hall.String() // "role#N", "party#N"
	undeclared := council.Role(int(director) + 1).String()
	tests := []struct {
		name, msg, want string
	}{
		{"edge", "edge 0 (staff → " + d + ")", "edge 0 (staff → director)"},
		{"start-and-end", d + " " + h, "director town-hall"},
		{"undeclared-kept", "role " + undeclared, "role " + undeclared},
		{"longer-word-kept", "sub" + d + " x" + d + "0 " + strings.ToUpper(d[:1]) + d[1:], "sub" + d + " x" + d + "0 " + strings.ToUpper(d[:1]) + d[1:]},
		{"leading-zero-kept", "role#0" + d[len("role#"):], "role#0" + d[len("role#"):]},
		{"hash-alone", "# #1 role# role#x", "# #1 role# role#x"},
		{"unknown-kind", "colour#" + d[len("role#"):], "colour#" + d[len("role#"):]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := w.say(tt.msg); got != tt.want {
				t.Errorf("say(%q) = %q; want %q", tt.msg, got, tt.want)
			}
		})
	}
	t.Run("nil-words", func(t *testing.T) {
		var none *words
		if got := none.say(d); got != d {
			t.Errorf("say = %q", got)
		}
	})
	t.Run("bounded", func(t *testing.T) {
		long := Vocabulary{Positions: []Term[council.Role]{{ID: strings.Repeat("x", 300), Label: "長"}}}
		r, _ := long.Role("長")
		msg := strings.Repeat(r.String()+" ", 10_000)
		got := long.words().say(msg)
		if len(got) > len(msg)+problem.MaxLine {
			t.Errorf("say grew a %d-byte message to %d bytes", len(msg), len(got))
		}
		if !strings.HasPrefix(got, strings.Repeat("x", 300)+" ") {
			t.Errorf("say did not reword the first token: %.40q", got)
		}
	})
}

// say is one pass over the message: twice the tokens, about twice the work.
func BenchmarkSay(b *testing.B) {
	var v Vocabulary
	v.Positions = []Term[council.Role]{{ID: "director", Label: "課長"}}
	r, _ := v.Role("director")
	w := v.words()
	for _, n := range []int{40, 80} {
		msg := strings.Repeat("edge 0 (staff → "+r.String()+"): ", n)
		b.Run(fmt.Sprintf("tokens=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = w.say(msg)
			}
		})
	}
}

// internal/vocabtest, which the lower packages' tests use to read a plan
// file with encoding/json, resolves every reference plan's terms of every
// open kind to the value bcp's own resolution gives them, spelled as the
// engine's types print it; and it knows every open kind.
func TestVocabtestAgrees(t *testing.T) {
	kinds := map[string]vocabtest.Kind{}
	for _, k := range vocabtest.Kinds() {
		kinds[k.Key] = k
	}
	for k, wk := range wordKinds {
		if _, ok := kinds[wk.key]; ok == wk.closed {
			t.Errorf("vocabtest.Kinds() has %s: %v; bcp's kind is closed: %v", wk.key, ok, wk.closed)
		}
		if p := kinds[wk.key].Prefix; !wk.closed && p != declaredPrefixes[k] {
			t.Errorf("vocabtest's %s print as %s#n, bcp's as %s#n", wk.key, p, declaredPrefixes[k])
		}
	}
	for _, id := range reference.IDs() {
		data, _ := reference.File(id)
		p, err := Reference(id)
		if err != nil {
			t.Fatal(err)
		}
		w := p.Vocabulary.words()
		for k, wk := range wordKinds {
			if wk.closed {
				continue
			}
			got, err := vocabtest.Resolve(data, kinds[wk.key].With(wk.named))
			if err != nil {
				t.Fatal(err)
			}
			for i, e := range w.es[k] {
				x, _ := w.lookup(k, e.id)
				v := reflect.New(wk.typ).Elem()
				v.SetUint(uint64(x))
				want := v.Interface().(fmt.Stringer).String()
				if got[e.id] != want {
					t.Errorf("%s: %s[%d] %q: vocabtest resolves it to %q, bcp to %q", id, wk.key, i, e.id, got[e.id], want)
				}
			}
			if len(got) != len(w.es[k]) {
				t.Errorf("%s: %s: vocabtest resolves %d terms, the plan has %d", id, wk.key, len(got), len(w.es[k]))
			}
		}
	}
}

// The plan's own checks speak its names too: a council of the plan's own
// body given twice is named by the body's ID.
func TestValidateSpeaksThePlansNames(t *testing.T) {
	p := Tottori()
	p.Vocabulary.Bodies = append(slices.Clone(p.Vocabulary.Bodies), Term[council.Body]{ID: "kaigi", Label: "会議"})
	kaigi := termBody(t, p, "kaigi")
	o := *p.Organization
	c := o.Councils[0]
	c.Body = kaigi
	o.Councils = append(slices.Clone(o.Councils), c, c)
	p.Organization = &o
	err := p.Validate()
	if !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), `"kaigi" given twice`) || strings.Contains(err.Error(), "body#") {
		t.Errorf("Validate() = %v; want the body given twice, named kaigi", err)
	}
}

// say rewords exactly the whole tokens (maximal runs of letters, digits,
// '-', '_' and '#') that are a declared value's printed form, and keeps the
// rest byte for byte: a plain split-and-look-up does the same.
func TestSayProperty(t *testing.T) {
	var v Vocabulary
	v.Positions = []Term[council.Role]{{ID: "director", Label: "課長"}, {ID: "clerk", Label: "係"}}
	v.Symptoms = []Term[fault.Symptom]{{ID: "smoke", Label: "発煙"}}
	w := v.words()
	ids := map[string]string{}
	for k := range wordKinds {
		for _, e := range w.es[k] {
			x, _ := w.lookup(k, e.id)
			rv := reflect.New(wordKinds[k].typ).Elem()
			rv.SetUint(uint64(x))
			ids[rv.Interface().(fmt.Stringer).String()] = e.id
		}
	}
	pieces := []string{" ", "(", ")", "→", "#", "-", "x", "0", "1", "role", "symptom", "party", "Role", "#1", "#10", "#05", "#640", "字"}
	for s := range ids {
		pieces = append(pieces, s)
	}
	slices.Sort(pieces)
	rapid.Check(t, func(t *rapid.T) {
		msg := strings.Join(rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 12).Draw(t, "pieces"), "")
		var want strings.Builder
		for i := 0; i < len(msg); {
			j := i
			for j < len(msg) && tokenByte(msg[j]) {
				j++
			}
			if j == i {
				want.WriteByte(msg[i])
				i++
				continue
			}
			if id, ok := ids[msg[i:j]]; ok {
				want.WriteString(id)
			} else {
				want.WriteString(msg[i:j])
			}
			i = j
		}
		if got := w.say(msg); got != want.String() {
			t.Fatalf("say(%q) = %q; want %q", msg, got, want.String())
		}
	})
}
