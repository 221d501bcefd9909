package bcp

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jukiplan/jukiplan/council"
)

// pathErrors flattens err (joined or wrapped) into its *PathErrors.
func pathErrors(err error) []*PathError {
	var out []*PathError
	var walk func(error)
	walk = func(e error) {
		if pe, ok := e.(*PathError); ok {
			out = append(out, pe)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		if x := errors.Unwrap(e); x != nil {
			walk(x)
		}
	}
	walk(err)
	return out
}

func encode(t *testing.T, p Plan) string {
	t.Helper()
	b, err := p.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestParsePlanErrors(t *testing.T) {
	ino, nakano := encode(t, Ino()), encode(t, Nakano())
	edit := func(base func() Plan, f func(*Plan)) func(*testing.T) string {
		return func(t *testing.T) string { p := base(); f(&p); return encode(t, p) }
	}
	text := func(s string) func(*testing.T) string { return func(*testing.T) string { return s } }
	tests := []struct {
		name     string
		data     func(*testing.T) string
		path     string
		sentinel error
	}{
		{"syntax", text(`{"id":`), "$.id", ErrSyntax},
		{"trailing-data", text(ino + ` {}`), "$", ErrSyntax},
		{"unknown-field", text(strings.Replace(ino, `"id":"ino"`, `"id":"ino","owner":"x"`, 1)), "$.owner", ErrUnknownField},
		{"unknown-nested-field", text(strings.Replace(ino, `"chief":"security-chief"`, `"chief":"security-chief","head":"x"`, 1)), "$.organization.chain.head", ErrUnknownField},
		{"duplicate-key", text(strings.Replace(ino, `"id":"ino"`, `"id":"ino","id":"ino"`, 1)), "$.id", ErrDuplicate},
		{"bad-enum", text(strings.Replace(ino, `"chief":"security-chief"`, `"chief":"nobody"`, 1)), "$.organization.chain.chief", ErrBadValue},
		{"wrong-type", text(strings.Replace(ino, `"version":"2019-01-21"`, `"version":2019`, 1)), "$.version", ErrBadValue},
		{"null", text(strings.Replace(ino, `"version":"2019-01-21"`, `"version":null`, 1)), "$.version", ErrBadValue},
		{"bad-duration", text(strings.Replace(nakano, `"slots":["8h15m"`, `"slots":["soon"`, 1)), "$.continuity.schedule.slots[0]", ErrBadValue},
		{"missing-version", edit(Ino, func(p *Plan) { p.Version = "" }), "$.version", ErrBadValue},
		{"bad-plan-id", text(strings.Replace(ino, `"id":"ino"`, `"id":"no such plan"`, 1)), "$.id", ErrBadValue},
		{"ino:第5条/citation-of-another-plan", edit(Ino, func(p *Plan) {
			p.Organization.Agendas[0].Items[0].Cite = council.Cite(council.PlanTottori, "第2-4(3)")
		}), "$.organization.agendas[0].items[0].cite", ErrDangling},
		{"ino:第2条/citations-of-another-plan", edit(Ino, func(p *Plan) {
			p.Fault.Symptoms[0].Citations = council.Cites(council.Cite(council.PlanIno, "第2条"), council.Cite(council.PlanKumamoto, "4(2)"))
		}), "$.fault.symptoms[0].citations[1]", ErrDangling},
		{"part-of-another-plan", edit(Ino, func(p *Plan) { p.Organization.Plan = council.PlanTottori }), "$.organization.plan", ErrDangling},
		{"ino:第4条/agenda-missing", edit(Ino, func(p *Plan) { p.Organization.Rules[0].Agenda = council.Cite(council.PlanIno, "第99条") }), "$.organization.rules[0].agenda", ErrDangling},
		{"ino:第4条/chair-outside-chain", edit(Ino, func(p *Plan) { p.Organization.Councils[0].Chair = council.Operator }), "$.organization.councils[0].chair", ErrDangling},
		{"ino:第5条/duplicate-agenda", edit(Ino, func(p *Plan) {
			p.Organization.Agendas = append(p.Organization.Agendas, p.Organization.Agendas[0])
		}), "$.organization.agendas[2].cite", ErrDuplicate},
		{"nakano:図4/dangling-dependency", edit(Nakano, func(p *Plan) {
			p.Continuity.Inventory.Systems[3].DependsOn = []string{"no-such-system"}
		}), "$.continuity.inventory.systems[3].dependsOn[0]", ErrDangling},
		{"nakano:図4/duplicate-system", edit(Nakano, func(p *Plan) {
			p.Continuity.Inventory.Systems[4].ID = p.Continuity.Inventory.Systems[3].ID
		}), "$.continuity.inventory.systems[4].id", ErrDuplicate},
		{"nakano:統合仮想サーバ 3(4)/slots-out-of-order", edit(Nakano, func(p *Plan) {
			s := p.Continuity.Schedule.Slots
			s[0], s[1] = s[1], s[0]
		}), "$.continuity.schedule.slots[1]", ErrBadValue},
		{"tottori:別表/duplicate-annex-row", edit(Tottori, func(p *Plan) {
			p.Measures.Annex = append(p.Measures.Annex, p.Measures.Annex[0])
		}), "$.measures.annex[16]", ErrDuplicate},
		{"duplicate-set-member", text(strings.Replace(ino, `"on":["fault","serious-fault"]`, `"on":["fault","fault"]`, 1)), "$.organization.chain.notices[0].on[1]", ErrDuplicate},
		{"tottori:第3-5/duplicate-duty", edit(Tottori, func(p *Plan) {
			p.Duties = append(p.Duties, p.Duties[3])
		}), "$.duties[8].duty", ErrDuplicate},
		{"tottori:第3-5/duty-without-actor", edit(Tottori, func(p *Plan) { p.Duties[3].Actor = council.Actor{} }), "$.duties[3].actor", ErrBadValue},
		{"tottori:第3-5/duty-unknown", text(strings.Replace(encode(t, Tottori()), `"duty":"judge"`, `"duty":"decide"`, 1)), "$.duties[3].duty", ErrBadValue},
		{"tottori:第3-5/duty-of-another-plan", edit(Tottori, func(p *Plan) {
			p.Duties[3].Citations = council.Cites(council.Cite(council.PlanIno, "第11条"))
		}), "$.duties[3].citations[0]", ErrDangling},
		{"nakano:統合仮想サーバ 4(6)/order-clause-without-reasons", edit(Nakano, func(p *Plan) { p.Continuity.Order[1].Reasons = 0 }), "$.continuity.order[1].reasons", ErrBadValue},
		{"tottori:第2/fault-rejected", edit(Tottori, func(p *Plan) { p.Fault.Serious.Heavy = 0 }), "$.fault", ErrBadValue},
		{"tottori:第3/threat-rejected", edit(Tottori, func(p *Plan) { p.Threat.Responses = nil }), "$.threat", ErrBadValue},
		{"kumiyama:第18条/controls-rejected", edit(Kumiyama, func(p *Plan) { p.Measures.Controls.MinPasswordLength = 0 }), "$.measures.controls", ErrBadValue},
		{"kumiyama:第18条/controls-unknown-field", text(strings.Replace(encode(t, Kumiyama()), `"controls":{`, `"controls":{"bogus":1,`, 1)), "$.measures.controls.bogus", ErrUnknownField},
		{"kumiyama:第18条/controls-wrong-type", text(regexp.MustCompile(`"minPasswordLength":\d+`).ReplaceAllString(encode(t, Kumiyama()), `"minPasswordLength":"8"`)), "$.measures.controls.minPasswordLength", ErrBadValue},
		{"kumiyama:第8条/duplicate-obligation", edit(Kumiyama, func(p *Plan) {
			p.Measures.Obligations = append(p.Measures.Obligations, p.Measures.Obligations[1])
		}), "$.measures.obligations[49].key", ErrDuplicate},
		{"kumiyama:第8条/obligation-without-task", edit(Kumiyama, func(p *Plan) { p.Measures.Obligations[1].Task = "" }), "$.measures.obligations[1]", ErrBadValue},
		{"kumiyama:第8条/obligation-uncited", edit(Kumiyama, func(p *Plan) { p.Measures.Obligations[1].Citations = council.Citations{} }), "$.measures.obligations[1]", ErrBadValue},
		{"kumiyama:第8条/obligation-bad-key", edit(Kumiyama, func(p *Plan) { p.Measures.Obligations[1].Key = "Internal Audit" }), "$.measures.obligations[1]", ErrBadValue},
		{"kumiyama:第8条/obligation-of-another-plan", edit(Kumiyama, func(p *Plan) {
			p.Measures.Obligations[1].Citations = council.Cites(council.Cite(council.PlanIno, "第8条"))
		}), "$.measures.obligations[1].citations[0]", ErrDangling},
		{"kumiyama:第8条/obligation-unknown-actor", text(strings.Replace(encode(t, Kumiyama()), `"key":"internal-audit","by":["system-administrator"]`, `"key":"internal-audit","by":["auditor"]`, 1)), "$.measures.obligations[1].by[0]", ErrBadValue},
		{"kumiyama:第8条/obligation-unknown-field", text(strings.Replace(encode(t, Kumiyama()), `"key":"internal-audit"`, `"key":"internal-audit","deadline":"1w"`, 1)), "$.measures.obligations[1].deadline", ErrUnknownField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePlan([]byte(tt.data(t)))
			if err == nil {
				t.Fatal("ParsePlan: no error")
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tt.sentinel)
			}
			for _, pe := range pathErrors(err) {
				if pe.Path == tt.path && errors.Is(pe, tt.sentinel) {
					return
				}
			}
			t.Errorf("no error at %s wrapping %v; got %v", tt.path, tt.sentinel, err)
		})
	}
}

func TestParsePlanAcceptsJapaneseLabels(t *testing.T) {
	data, err := os.ReadFile("reference/ino.json")
	if err != nil {
		t.Fatal(err)
	}
	ja := replaceInParts(string(data), `"security-chief"`, `"`+council.SecurityChief.Label()+`"`, -1)
	ja = replaceInParts(ja, `"hardware"`, `"ハードウェア"`, -1)
	if ja == string(data) {
		t.Fatal("nothing replaced")
	}
	got, err := ParsePlan([]byte(ja))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Ino(), got, planOpts); diff != "" {
		t.Errorf("Japanese labels decode differently (-want +got):\n%s", diff)
	}
}

func TestMarshalRejectsInvalidEnum(t *testing.T) {
	p := Ino()
	p.Organization.Chain.Chief = council.Role(250)
	_, err := p.MarshalJSON()
	found := false
	for _, pe := range pathErrors(err) {
		found = found || pe.Path == "$.organization.chain.chief"
	}
	if !errors.Is(err, ErrBadValue) || !found {
		t.Errorf("MarshalJSON: %v; want ErrBadValue at $.organization.chain.chief", err)
	}
}

func TestProvenance(t *testing.T) {
	seen := map[string]string{}
	for _, p := range ReferencePlans() {
		pv, err := p.Provenance()
		if err != nil {
			t.Fatal(err)
		}
		if pv.Plan != p.ID || pv.Version != p.Version || len(pv.Fingerprint) != 64 {
			t.Errorf("%s: provenance %+v", p.ID, pv)
		}
		if other, dup := seen[pv.Fingerprint]; dup {
			t.Errorf("%s and %s share a fingerprint", p.ID, other)
		}
		seen[pv.Fingerprint] = p.ID
		q := p.Clone()
		q.Title += " (改)"
		if qv, _ := q.Provenance(); qv.Fingerprint == pv.Fingerprint || qv.Version != pv.Version {
			t.Errorf("%s: an edit without a new version kept the fingerprint", p.ID)
		}
	}
}

func TestParsePlanReportsEveryProblem(t *testing.T) {
	ino := encode(t, Ino())
	bad := strings.Replace(ino, `"chief":"security-chief"`, `"chief":"nobody"`, 1)
	bad = strings.Replace(bad, `"id":"ino"`, `"id":"ino","owner":"x"`, 1)
	bad = strings.Replace(bad, `"version":"2019-01-21"`, `"version":true`, 1)
	_, err := ParsePlan([]byte(bad))
	var got []string
	for _, pe := range pathErrors(err) {
		got = append(got, pe.Path)
	}
	want := []string{"$.owner", "$.version", "$.organization.chain.chief"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s\n%v", diff, err)
	}
}
