package bcp

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/planedit"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// withoutChain returns plan file data with its organisation's reporting
// chain left out, and the marks of the chain's places with it; notStated,
// when set, is added as the mark of the chain left out.
func withoutChain(t *testing.T, data []byte, notStated *Mark) []byte {
	t.Helper()
	var mark map[string]any
	if notStated != nil {
		mark = map[string]any{"path": notStated.Path, "reason": notStated.Reason, "reasonJa": notStated.ReasonJA}
	}
	out, err := planedit.WithoutChain(data, mark)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// refFile returns the embedded file of reference plan id.
func refFile(t *testing.T, id string) []byte {
	t.Helper()
	data, ok := reference.File(id)
	if !ok {
		t.Fatalf("no reference plan %s", id)
	}
	return data
}

// municipalityFile returns testdata/municipalities/NAME.json.
func municipalityFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "municipalities", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// findingsOf returns the findings of code c.
func findingsOf(fs []Finding, c Code) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Code == c {
			out = append(out, f)
		}
	}
	return out
}

// 大崎市 第3条 sets up a contact network and names no reporting chain: the
// plan file leaves the chain out and marks it not stated; it parses, Check
// warns once that the document states no chain (no error), and the
// library's defaults invent no chief.
func TestOsakiNoChain(t *testing.T) {
	p := municipality(t, "osaki")
	tests := []struct {
		name string
		test func(t *testing.T)
	}{
		{"osaki:第3条/no-chain-parsed", func(t *testing.T) {
			if !p.Organization.Chain.Empty() {
				t.Errorf("chain %+v: the excerpt states none", p.Organization.Chain)
			}
			if len(p.Readings) != 0 {
				t.Errorf("readings %v: nothing is filled in for the chain", p.Readings)
			}
			m, ok := p.NotStatedAt("$.organization.chain")
			if !ok || m.Reason == "" || m.ReasonJA == "" {
				t.Errorf("the chain is not marked not stated in both languages: %+v, %v", m, ok)
			}
		}},
		{"osaki:第3条/check-warns-not-errs", func(t *testing.T) {
			fs := Check(p)
			for _, f := range fs {
				if f.Severity == SeverityError {
					t.Errorf("error: %v", f)
				}
			}
			if got := findingsOf(fs, CodeUnreachableRole); len(got) > 0 {
				t.Errorf("roles said not to reach a chief the plan does not have: %v", got)
			}
			got := findingsOf(fs, CodeNoChain)
			if len(got) != 1 {
				t.Fatalf("%d no-chain findings, want 1: %v", len(got), got)
			}
			f := got[0]
			if f.Severity != SeverityWarning || f.Path != "$.organization.chain" {
				t.Errorf("finding %v: want a warning at the mark's path", f)
			}
			if !strings.Contains(f.Message, "the document states no reporting chain") || !strings.Contains(f.Message, "name no head") {
				t.Errorf("message %q: want the document's silence, with the mark's reason", f.Message)
			}
			if !strings.Contains(f.MessageJA, "文書に報告の系統の定めがない") || !strings.Contains(f.MessageJA, "長を定めておらず") {
				t.Errorf("Japanese message %q: want the document's silence, with the mark's reasonJa", f.MessageJA)
			}
		}},
		{"osaki:第3条/defaults-invent-no-chief", func(t *testing.T) {
			// The network's staff are a role of the organisation; no one
			// heads a chain.
			if a, stated := p.Duty(ObserveAct); stated || a.Actor != council.ByRole(council.Staff) {
				t.Errorf("observe-act: %+v, %v; want the library's default, the network's staff", a, stated)
			}
			if a, _ := p.Duty(Judge); a.Actor != (council.Actor{}) {
				t.Errorf("judge falls to %v: the plan has no chief for it to fall to", a.Actor)
			}
		}},
		{"osaki:第3条/schema-accepts", func(t *testing.T) {
			data := municipalityFile(t, "osaki")
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := compiledSchema(t).Validate(doc); err != nil {
				t.Errorf("the schema rejects a plan without a chain: %v", err)
			}
		}},
		{"osaki:第3条/compare", func(t *testing.T) {
			d := DiffPlans(municipality(t, "konan"), p)
			found := false
			for _, x := range d.Differences {
				if x.Aspect == AspectRole && x.Key == "staff" {
					found = true
					if x.B != "no reporting chain: the document states none" {
						t.Errorf("osaki's staff: %q", x.B)
					}
				}
			}
			if !found {
				t.Error("osaki's staff, on its contact network, are not compared")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.test)
	}
}

// Each reference plan with its chain left out parses and checks with one
// warning that it states no reporting chain and no error; marked not
// stated, the warning gives the mark's reason. The schema accepts it.
func TestReferencePlansWithoutChain(t *testing.T) {
	sch := compiledSchema(t)
	mark := &Mark{Path: "$.organization.chain", Reason: "the test leaves the chain out", ReasonJA: "試験のため報告の系統を除く"}
	for _, id := range reference.IDs() {
		data := refFile(t, id)
		for _, mk := range []*Mark{nil, mark} {
			name := id
			if mk != nil {
				name += "/marked"
			}
			t.Run(name, func(t *testing.T) {
				file := withoutChain(t, data, mk)
				p, err := ParsePlan(file)
				if err != nil {
					t.Fatal(err)
				}
				if !p.Organization.Chain.Empty() {
					t.Fatalf("chain %+v", p.Organization.Chain)
				}
				fs := Check(p)
				for _, f := range fs {
					if f.Severity == SeverityError {
						t.Errorf("error: %v", f)
					}
				}
				got := findingsOf(fs, CodeNoChain)
				if len(got) != 1 || got[0].Severity != SeverityWarning {
					t.Fatalf("no-chain findings %v; want one warning", got)
				}
				want := "the plan states no reporting chain"
				if mk != nil {
					want = "the document states no reporting chain: who reports to whom, and to which head, is not in the plan (" + mk.Reason + ")"
				}
				if !strings.HasPrefix(got[0].Message, want) {
					t.Errorf("message %q; want it to start %q", got[0].Message, want)
				}
				doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(file))
				if err != nil {
					t.Fatal(err)
				}
				if err := sch.Validate(doc); err != nil {
					t.Errorf("the schema rejects it: %v", err)
				}
			})
		}
	}
}

// A chain that is given is checked as before: a chain with lines but no
// chief, or marked not stated while the file gives it, is an error; a chain
// given with no chief, line or notice is no chain.
func TestChainPresentOrNot(t *testing.T) {
	tottori := string(refFile(t, "tottori"))
	osaki := string(municipalityFile(t, "osaki"))
	withMark := func(s string) string {
		return strings.Replace(s, `"notStated": [`, `"notStated": [{"path": "$.organization.chain", "reason": "r", "reasonJa": "理由"},`, 1)
	}
	for _, tc := range []struct {
		name string
		data string
		want error // nil: it parses
	}{
		{"tottori:第2-4(1)/chain-without-chief", strings.Replace(tottori, `"chief": "security-chief",`, ``, 1), ErrBadValue},
		{"tottori:第2-4(1)/chain-given-and-marked-not-stated", withMark(tottori), ErrBadValue},
		{"osaki:第3条/empty-chain-object", strings.Replace(osaki, `"plan": "osaki",`, `"plan": "osaki", "chain": {},`, 1), nil},
		{"osaki:第3条/chain-of-the-plan-only", strings.Replace(osaki, `"plan": "osaki",`, `"plan": "osaki", "chain": {"plan": "osaki"},`, 1), nil},
		{"osaki:第3条/empty-chain-of-another-plan", strings.Replace(osaki, `"plan": "osaki",`, `"plan": "osaki", "chain": {"plan": "tottori"},`, 1), ErrDangling},
		{"osaki:第3条/chief-given-and-marked-not-stated", strings.Replace(osaki, `"plan": "osaki",`, `"plan": "osaki", "chain": {"plan": "osaki", "chief": "staff"},`, 1), ErrBadValue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.data == tottori || tc.data == osaki {
				t.Fatal("the edit did not apply")
			}
			_, err := ParsePlan([]byte(tc.data))
			if tc.want == nil && err != nil {
				t.Errorf("error %v; want none", err)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v; want %v", err, tc.want)
			}
		})
	}
}
