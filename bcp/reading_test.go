package bcp

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/threat"
)

// TestReferenceReadings: the values each document does not give are marked
// as the library's readings, the places it leaves empty as not stated, and
// every value the document does give is not marked.
func TestReferenceReadings(t *testing.T) {
	tests := []struct {
		name, plan, path string
		reading, silent  bool
	}{
		{"ino:第4条/long", "ino", "$.fault.serious.long", true, false},
		{"ino:第4条/heavy", "ino", "$.fault.serious.heavy", true, false},
		{"ino:第4条/cites-are-the-document's", "ino", "$.fault.serious.cites", false, false},
		{"ino:第13条/actor", "ino", "$.threat.responses[0].actions[3].actor", true, false},
		{"ino:第5条/chair-is-stated", "ino", "$.organization.councils[0].chair", false, false},
		{"tottori:第2-4(1)/long", "tottori", "$.fault.serious.long", true, false},
		{"tottori:第2-4(1)/heavy", "tottori", "$.fault.serious.heavy", true, false},
		{"tottori:第2-4(2)/no-chair", "tottori", "$.organization.councils[0].chair", false, true},
		{"tottori:第3-1/levels-are-the-document's", "tottori", "$.threat.rules[0].level", false, false},
		{"kumamoto:別紙1/no-chair", "kumamoto", "$.organization.councils[0].chair", false, true},
		{"kumamoto:別紙1/holder", "kumamoto", "$.threat.responses[2].actions[3].actor", true, false},
		{"nakano:ICT-BCP 8/mayor-chairs", "nakano", "$.organization.councils[1].chair", true, false},
		{"nakano:ICT-BCP 8(5)/edge", "nakano", "$.organization.chain.edges[8].to", true, false},
		{"nakano:ICT-BCP 8(2)/edge-is-stated", "nakano", "$.organization.chain.edges[9]", false, false},
		{"nakano:ICT-BCP 9(2)ウ/horizons", "nakano", "$.continuity.horizons.required", true, false},
		{"kumiyama:第6条2項/chair-is-stated", "kumiyama", "$.organization.councils[0].chair", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Reference(tt.plan)
			if err != nil {
				t.Fatal(err)
			}
			m, ok := p.ReadingAt(tt.path)
			if ok != tt.reading {
				t.Errorf("ReadingAt(%s) = %v, %v; want reading %v", tt.path, m, ok, tt.reading)
			}
			if ok && !strings.Contains(m.Reason, "library") {
				t.Errorf("reading %s: reason %q does not say what the library reads", tt.path, m.Reason)
			}
			if _, ok := p.NotStatedAt(tt.path); ok != tt.silent {
				t.Errorf("NotStatedAt(%s) = %v; want %v", tt.path, ok, tt.silent)
			}
		})
	}
}

// TestMarkErrors: a bad mark is an error naming its JSON path and wrapping
// the plan-file sentinel.
func TestMarkErrors(t *testing.T) {
	tests := []struct {
		name      string
		edit      func(p *Plan)
		path      string
		sentinel  error
		substring string
	}{
		{"reading-without-reason", func(p *Plan) { p.Readings[0].Reason = " " }, "$.readings[0].reason", ErrBadValue, "reading needs its reason"},
		{"not-stated-without-reason", func(p *Plan) { p.NotStated[0].Reason = "" }, "$.notStated[0].reason", ErrBadValue, "needs its reason"},
		{"path-missing", func(p *Plan) { p.Readings[0].Path = "" }, "$.readings[0].path", ErrBadValue, "missing"},
		{"path-without-dollar", func(p *Plan) { p.Readings[0].Path = "fault.serious.long" }, "$.readings[0].path", ErrBadValue, "does not start with $"},
		{"path-bad-index", func(p *Plan) { p.Readings[0].Path = "$.threat.rules[1x]" }, "$.readings[0].path", ErrBadValue, "not a decimal"},
		{"path-unknown-element-key", func(p *Plan) { p.NotStated[0].Path = "$.organization.councils[no-such-body].chair" }, "$.notStated[0].path", ErrDangling, "names no place"},
		{"path-key-of-many", func(p *Plan) { p.Readings[0].Path = "$.threat.rules[level-3].example" }, "$.readings[0].path", ErrDangling, "the one element"},
		{"marked-twice-by-key-and-index", func(p *Plan) {
			p.Readings = append(p.Readings, Mark{Path: "$.organization.councils[0].chair", Reason: "r"})
		}, "$.notStated[0].path", ErrDuplicate, "marked twice"},
		{"path-unclosed", func(p *Plan) { p.Readings[0].Path = "$.threat.rules[1" }, "$.readings[0].path", ErrBadValue, "unclosed"},
		{"path-whole-plan", func(p *Plan) { p.Readings[0].Path = "$" }, "$.readings[0].path", ErrBadValue, "inside the plan's parts"},
		{"path-unknown-key", func(p *Plan) { p.Readings[0].Path = "$.fault.serious.longer" }, "$.readings[0].path", ErrDangling, "names no place"},
		{"path-past-list", func(p *Plan) { p.Readings[0].Path = "$.threat.rules[99].level" }, "$.readings[0].path", ErrDangling, "names no place"},
		{"path-into-a-string", func(p *Plan) { p.Readings[0].Path = "$.title.x" }, "$.readings[0].path", ErrDangling, "names no place"},
		{"reading-of-nothing", func(p *Plan) { p.Readings[0].Path = "$.organization.councils[0].chair" }, "$.readings[0].path", ErrDangling, "no value there"},
		{"not-stated-but-there", func(p *Plan) { p.NotStated[0].Path = "$.fault.serious.cites" }, "$.notStated[0].path", ErrBadValue, "holds a value"},
		{"marked-twice", func(p *Plan) { p.NotStated[0].Path = p.Readings[0].Path }, "$.notStated[0].path", ErrDuplicate, "marked twice"},
		{"edge-reading-without-reason", func(p *Plan) { p.Organization.Chain.Edges[0].Reading = true }, "$.organization.chain.edges[0].reading", ErrBadValue, "reading without a reason"},
		{"blank-japanese-reason", func(p *Plan) { p.Readings[1].ReasonJA = "　" }, "$.readings[1].reasonJa", ErrBadValue, "blank"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Tottori()
			tt.edit(&p)
			err := p.Validate()
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("Validate() = %v; want an error wrapping %v", err, tt.sentinel)
			}
			var found bool
			for _, e := range leaves(err) {
				if pe, ok := errors.AsType[*PathError](e); ok && pe.Path == tt.path && strings.Contains(pe.Error(), tt.substring) {
					found = true
				}
			}
			if !found {
				t.Errorf("Validate() = %v; want a *PathError at %s saying %q", err, tt.path, tt.substring)
			}
			// The same file, written and read back, fails the same way.
			data, err := p.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ParsePlan(data); !errors.Is(err, tt.sentinel) {
				t.Errorf("ParsePlan = %v; want an error wrapping %v", err, tt.sentinel)
			}
		})
	}
}

// TestMarkCovers: a mark on a place covers what is under it, and only that.
func TestMarkCovers(t *testing.T) {
	ms := []Mark{{Path: "$.fault.serious", Reason: "r1"}, {Path: "$.fault.serious.long", Reason: "r2"}, {Path: "$.threat.rules[1]", Reason: "r3"}}
	tests := []struct {
		path, want string
	}{
		{"$.fault.serious", "r1"},
		{"$.fault.serious.heavy", "r1"},
		{"$.fault.serious.long", "r2"},
		{"$.fault.seriousness", ""},
		{"$.threat.rules[1].level", "r3"},
		{"$.threat.rules[10]", ""},
		{"$.fault", ""},
	}
	for _, tt := range tests {
		m, ok := markAt(newKeyer(&Plan{}), ms, tt.path)
		if m.Reason != tt.want || ok != (tt.want != "") {
			t.Errorf("markAt(%s) = %v, %v; want reason %q", tt.path, m, ok, tt.want)
		}
	}
}

// TestCheckMarksAndCouncilDetails: Check reports the readings and the
// places not stated, applies its council rules to what the plan states (a
// document that mentions no council gets a warning that it is silent, not
// an error that level 3 lacks one), and checks the council details.
func TestCheckMarksAndCouncilDetails(t *testing.T) {
	find := func(fs []Finding, code Code) []Finding {
		var out []Finding
		for _, f := range fs {
			if f.Code == code {
				out = append(out, f)
			}
		}
		return out
	}
	t.Run("tottori:第2-4(1)/readings", func(t *testing.T) {
		fs := find(Check(Tottori()), CodeReading)
		if len(fs) != 2 || fs[0].Severity != SeverityInfo || fs[0].Path != "$.fault.serious.heavy" || !strings.Contains(fs[0].Message, "library's reading") {
			t.Errorf("plan.reading findings = %v; want the two thresholds as info", fs)
		}
	})
	t.Run("tottori:第2-4(2)/chair-not-stated", func(t *testing.T) {
		fs := find(Check(Tottori()), CodeNotStated)
		if len(fs) != 1 || fs[0].Path != "$.organization.councils[security-council].chair" || !strings.Contains(fs[0].MessageJA, "定めて") {
			t.Errorf("plan.not-stated findings = %v; want the chair", fs)
		}
	})
	noCouncil := func() Plan {
		p := Tottori()
		o := p.Organization
		o.Councils, o.Rules, o.Agendas = nil, nil, nil
		p.NotStated = []Mark{{Path: "$.organization.councils", Reason: "the document never mentions a council"}}
		th := p.Threat
		for i := range th.Responses {
			th.Responses[i].Actions = slices.DeleteFunc(th.Responses[i].Actions, func(a threat.Action) bool { return a.Task == threat.ConveneCouncil })
		}
		return p
	}
	t.Run("tottori:第3-6/silent-document", func(t *testing.T) {
		p := noCouncil()
		if err := p.Validate(); err != nil {
			t.Fatalf("Validate = %v", err)
		}
		fs := Check(p)
		if e := find(fs, CodeLevel3WithoutCouncil); len(e) != 0 {
			t.Errorf("threat.level3-without-council = %v; want none: the document is silent", e)
		}
		w := find(fs, CodeCouncilNotStated)
		if len(w) == 0 || w[0].Severity != SeverityWarning || w[0].Path != "$.organization.councils" {
			t.Errorf("council.not-stated = %v; want a warning at $.organization.councils", w)
		}
		if s := find(fs, CodeSeriousFaultWithoutCouncil); len(s) != 0 {
			t.Errorf("fault.serious-without-council = %v; want none: the document is silent", s)
		}
	})
	t.Run("tottori:第3-6/not-marked-is-an-error", func(t *testing.T) {
		p := noCouncil()
		p.NotStated = nil
		fs := Check(p)
		if e := find(fs, CodeLevel3WithoutCouncil); len(e) == 0 || e[0].Severity != SeverityError {
			t.Errorf("threat.level3-without-council = %v; want an error: the file leaves out what the document states", e)
		}
		if w := find(fs, CodeCouncilNotStated); len(w) != 0 {
			t.Errorf("council.not-stated = %v; want none", w)
		}
	})
	t.Run("tottori:第2-4(2)/delegation-without-chair", func(t *testing.T) {
		p := Tottori()
		p.Organization.Councils[0].Delegation = council.Cite("tottori", "第2-4(2)")
		fs := find(Check(p), CodeDelegationWithoutChair)
		if len(fs) != 1 || fs[0].Severity != SeverityWarning || fs[0].Cite != council.Cite("tottori", "第2-4(2)") {
			t.Errorf("council.delegation-without-chair = %v; want one warning citing the delegation", fs)
		}
		p.Organization.Councils[0].Chair = council.SecurityChief
		if fs := find(Check(p), CodeDelegationWithoutChair); len(fs) != 0 {
			t.Errorf("with a chair: %v; want none", fs)
		}
	})
	t.Run("kumamoto:別紙1/ratified-never-meets", func(t *testing.T) {
		p := Kumamoto()
		k := &p.Organization.Councils[1] // the emergency structure: no rule has it meet
		k.Ratification = council.Ratification{Cite: council.Cite("kumamoto", "別紙1")}
		fs := find(Check(p), CodeRatifiedNeverMeets)
		if len(fs) != 1 || fs[0].Path != "$.organization.councils[1].ratification" {
			t.Errorf("council.ratified-never-meets = %v; want one at councils[1]", fs)
		}
		p.Organization.Councils[0].Ratification = council.Ratification{Cite: council.Cite("kumamoto", "別紙1")}
		if fs := find(Check(p), CodeRatifiedNeverMeets); len(fs) != 1 {
			t.Errorf("a body that meets at level 3 may approve after the fact: %v", fs)
		}
	})
	t.Run("kumiyama:第24条/off-hours", func(t *testing.T) {
		p := Kumiyama()
		n := &p.Organization.Networks[0]
		sa, pref := n.Members[0], n.Members[1]
		n.Links = []council.Link{{From: sa, To: pref, Hours: council.OfficeHours, Cite: council.Cite("kumiyama", "第24条")}}
		fs := find(Check(p), CodeNetworkOffHours)
		if len(fs) != 1 || fs[0].Cite != council.Cite("kumiyama", "第24条") {
			t.Errorf("network.off-hours-uncovered = %v; want one citing 第24条", fs)
		}
		n.Links = append(n.Links, council.Link{From: sa, To: pref, Hours: council.OffHours, Cite: council.Cite("kumiyama", "第24条")})
		if fs := find(Check(p), CodeNetworkOffHours); len(fs) != 0 {
			t.Errorf("with nights and holidays covered: %v; want none", fs)
		}
		n.Links = n.Links[:0]
		n.Links = append(n.Links, council.Link{From: sa, To: pref, Cite: council.Cite("kumiyama", "第24条")})
		if fs := find(Check(p), CodeNetworkOffHours); len(fs) != 0 {
			t.Errorf("a link at any time: %v; want none", fs)
		}
	})
}

// FuzzMarkPath: a mark's path either parses into segments that spell it
// back exactly, or is an error; resolving it against a plan never panics.
func FuzzMarkPath(f *testing.F) {
	for _, s := range []string{"$.fault.serious.long", "$.organization.councils[1].chair", "$", "$.a[", "$[0]", "$.threat.rules[01]", "$.x.[1]", "fault"} {
		f.Add(s)
	}
	p := Nakano()
	f.Fuzz(func(t *testing.T, s string) {
		segs, err := parseMarkPath(s)
		if err != nil {
			return
		}
		if got := jsonfile.Path(segs); got != s && len(s) <= 512 {
			t.Fatalf("parseMarkPath(%q) spells back as %q", s, got)
		}
		resolveMark(reflect.ValueOf(p), segs, newKeyer(&p))
		markAt(newKeyer(&p), []Mark{{Path: s, Reason: "r"}}, s)
	})
}

// TestReasonsInJapanese: every reading and not-stated mark of the five
// reference plans gives its reason in Japanese too, saying what the library
// reads (本ライブラリ) for a reading; every Japanese output gives it (a
// drill's text and HTML, Check's MessageJA, the comparison); a mark without
// one is no error but a warning, and the Japanese outputs then point to the
// plan file.
func TestReasonsInJapanese(t *testing.T) {
	for _, p := range ReferencePlans() {
		for list, ms := range map[string][]Mark{"readings": p.Readings, "notStated": p.NotStated} {
			for i, m := range ms {
				t.Run(p.ID+"/"+list+"/"+m.Path, func(t *testing.T) {
					if strings.TrimSpace(m.ReasonJA) == "" {
						t.Fatalf("%s[%d] has no reasonJa", list, i)
					}
					if list == "readings" && !strings.Contains(m.ReasonJA, "本ライブラリ") {
						t.Errorf("reasonJa %q does not say what the library reads", m.ReasonJA)
					}
					if m.ReasonIn(Japanese) != m.ReasonJA || m.ReasonIn(English) != m.Reason {
						t.Errorf("ReasonIn gives %q, %q", m.ReasonIn(Japanese), m.ReasonIn(English))
					}
				})
			}
		}
		for _, f := range Check(p) {
			if f.Code == CodeReasonNotInJapanese {
				t.Errorf("%s: %v", p.ID, f)
			}
		}
	}
	t.Run("tottori:第2-4(1)/check", func(t *testing.T) {
		p := Tottori()
		for _, f := range Check(p) {
			if f.Code != CodeReading && f.Code != CodeNotStated {
				continue
			}
			m, _ := p.ReadingAt(f.Path)
			if f.Code == CodeNotStated {
				m, _ = p.NotStatedAt(f.Path)
			}
			if !strings.Contains(f.MessageJA, m.ReasonJA) || !strings.Contains(f.Message, m.Reason) {
				t.Errorf("%s %s: messages %q / %q do not give the reasons", f.Code, f.Path, f.Message, f.MessageJA)
			}
		}
	})
	t.Run("tottori:第2-4(1)/compare", func(t *testing.T) {
		p := Tottori()
		var seen bool
		for _, x := range DiffPlans(p, Kumamoto()).Differences {
			if x.ReadingA == "" {
				continue
			}
			seen = true
			ja := x.Side(false, Japanese)
			if x.ReadingAJA == "" || !strings.Contains(ja, x.ReadingAJA) || !strings.Contains(ja, "本ライブラリの解釈") || strings.Contains(ja, readingSuffix) {
				t.Errorf("%s %s: Japanese side %q, reason %q", x.Aspect, x.Key, ja, x.ReadingAJA)
			}
			if en := x.Side(false, English); en != x.A {
				t.Errorf("%s %s: English side %q, want %q", x.Aspect, x.Key, en, x.A)
			}
		}
		if !seen {
			t.Error("no difference is tottori's reading")
		}
	})
	t.Run("partial-reading-names-its-roles", func(t *testing.T) {
		x := Difference{A: "reports to mayor, deputy-mayor (library's reading: mayor)", ReadingAJA: "理由"}
		if got, want := x.Side(false, Japanese), "reports to mayor, deputy-mayor（本ライブラリの解釈: mayor。理由）"; got != want {
			t.Errorf("Side = %q, want %q", got, want)
		}
	})
	t.Run("without-reasonJa", func(t *testing.T) {
		p := Tottori()
		p.Readings[0].ReasonJA = ""
		if err := p.Validate(); err != nil {
			t.Fatalf("a mark without reasonJa is an error: %v", err)
		}
		var warned bool
		for _, f := range Check(p) {
			switch {
			case f.Code == CodeReasonNotInJapanese:
				warned = f.Severity == SeverityWarning && f.Path == "$.readings[0].reasonJa"
			case f.Code == CodeReading && f.Path == p.Readings[0].Path:
				if !strings.Contains(f.MessageJA, "英語で記載") {
					t.Errorf("MessageJA %q does not say the reason is in English in the plan file", f.MessageJA)
				}
			}
		}
		if !warned {
			t.Error("no warning plan.reason-not-in-japanese at $.readings[0].reasonJa")
		}
	})
}

// TestMarkPathsByKey: a mark may name a list's element by its key
// ("[security-council]") rather than its position: the lookups by index
// find it, and it still names the same element after the list is
// reordered, where an index would name another.
func TestMarkPathsByKey(t *testing.T) {
	p := Kumamoto() // kumamoto:別紙1: the council's chair is not stated; level 3's holder is a reading
	for _, tt := range []struct{ name, keyed, indexed string }{
		{"kumamoto:別紙1/chair", "$.organization.councils[security-council].chair", "$.organization.councils[0].chair"},
		{"kumamoto:別紙1/holder", "$.threat.responses[level-3].actions[3].actor", "$.threat.responses[2].actions[3].actor"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := indexPath(newKeyer(&p), tt.keyed); got != tt.indexed {
				t.Errorf("indexPath(%s) = %s, want %s", tt.keyed, got, tt.indexed)
			}
		})
	}
	if m, ok := p.NotStatedAt("$.organization.councils[0].chair"); !ok || !strings.Contains(m.Path, "[security-council]") {
		t.Errorf("NotStatedAt by index = %v, %v; want the mark by key", m, ok)
	}
	if _, ok := p.NotStatedAt("$.organization.councils[security-council].chair"); !ok {
		t.Error("NotStatedAt by key finds nothing")
	}
	// Reordered councils: the keyed mark follows its council, and the
	// plan still validates.
	q := p
	o := *p.Organization
	o.Councils = slices.Clone(o.Councils)
	slices.Reverse(o.Councils)
	q.Organization = &o
	if err := q.Validate(); err != nil {
		t.Fatalf("reordered councils: %v", err)
	}
	if _, ok := q.NotStatedAt("$.organization.councils[1].chair"); !ok {
		t.Error("after reordering, the chair (now councils[1]) is not marked")
	}
	if _, ok := q.NotStatedAt("$.organization.councils[0].chair"); ok {
		t.Error("after reordering, the mark stayed at index 0")
	}
}
