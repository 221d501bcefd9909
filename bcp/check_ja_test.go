package bcp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/jukiplan/jukiplan/council"
)

// speaksJapanese reports whether f has a Japanese message: not empty, not
// the English one, and with kana or kanji in it.
func speaksJapanese(f Finding) bool {
	return f.MessageJA != "" && f.MessageJA != f.Message &&
		strings.IndexFunc(f.MessageJA, func(r rune) bool {
			return unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)
		}) >= 0
}

// TestFindingsSpeakJapanese (issue 14 item 1: a message in English or
// Japanese): every finding of Check and Lint, over the reference plans and
// plans broken in each part, has a Japanese message of its own.
func TestFindingsSpeakJapanese(t *testing.T) {
	plans := map[string]func() Plan{
		"empty":          func() Plan { return Plan{ID: "x", Version: "1"} },
		"bad-id":         func() Plan { p := Ino(); p.ID = "no such id"; return p },
		"tottori/no-org": func() Plan { p := Tottori(); p.Organization = nil; return p },
		"tottori/no-threat": func() Plan {
			p := Tottori()
			p.Threat = nil
			p.Fault = nil
			p.Clauses = nil
			p.Duties = nil
			return p
		},
		"tottori/cycle": func() Plan {
			p := Tottori().Clone()
			p.Organization.Chain.Edges = append(p.Organization.Chain.Edges, council.Edge{From: council.SecurityChief, To: council.Staff})
			return p
		},
		"tottori/no-responses": func() Plan { p := Tottori().Clone(); p.Threat.Responses = nil; return p },
		"tottori/no-agenda-items": func() Plan {
			p := Tottori().Clone()
			for i := range p.Organization.Agendas {
				p.Organization.Agendas[i].Items = nil
			}
			return p
		},
		"nakano/broken-systems": func() Plan {
			p := Nakano().Clone()
			s := p.Continuity.Inventory.Systems
			s[0].Owner, s[1].Scale, s[2].DependsOn = "", 0, []string{"nowhere"}
			s[3].ID = s[4].ID
			p.Continuity.Schedule = nil
			return p
		},
	}
	for _, id := range []string{"ino", "kumamoto", "kumiyama", "nakano", "tottori"} {
		plans[id] = func() Plan { return mustReference(id) }
	}
	codes := map[Code]bool{}
	for name, plan := range plans {
		fs := Check(plan())
		if len(fs) == 0 && !strings.Contains(name, "/") {
			continue
		}
		for _, f := range fs {
			codes[f.Code] = true
			if !speaksJapanese(f) {
				t.Errorf("%s: %v: Japanese message %q", name, f, f.MessageJA)
			}
		}
	}
	files := []string{
		"\uFEFF{\"id\":\"x\",\"version\":\"1\"}",
		"{\n  \"id\": \"x\",\n  \"title\": \"\x92\x86\x96\xec\"\n}",
		"{\"id\": \"x\",}",
		"{\"id\": \"x\",\n \"id\": \"y\"}",
		"{\"id\": \"x\", \"version\": \"1\", \"colour\": 1}",
		"{\"id\": \"x\", \"version\": 1}",
		"{\"id\": \"x\", \"version\": \"1\", \"duties\": []}",
	}
	data, err := os.ReadFile(filepath.Join("reference", "nakano.json"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, string(data)) // 38 systems unassessed: one grouped finding
	for _, file := range files {
		_, fs, err := Lint([]byte(file), LintOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			codes[f.Code] = true
			if !speaksJapanese(f) {
				t.Errorf("%.40q: %v: Japanese message %q", file, f, f.MessageJA)
			}
			if strings.Contains(f.Message, "the same for") != strings.Contains(f.MessageJA, "。ほか ") {
				t.Errorf("%v: grouped in one language only: %q", f, f.MessageJA)
			}
		}
	}
	if len(codes) < 20 {
		t.Errorf("only %d codes seen: the plans break too little", len(codes))
	}
}
