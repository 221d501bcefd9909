package bcp

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// englishRun finds what reads as an English sentence in a message: three
// or more words of ASCII letters one space apart, once quoted values are
// left out (identifiers, paths and lists of names, "a, b, c", are not
// sentences).
var (
	quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	englishRun  = regexp.MustCompile(`(?:^|[ \n])[A-Za-z]+ [A-Za-z]+ [A-Za-z]+(?:[ \n]|$)`)
)

func english(msg string) string {
	return englishRun.FindString(quotedValue.ReplaceAllString(msg, `""`))
}

// TestJapaneseParts: the messages of the parser and of the lower packages
// that the check fixtures give, said in Japanese part by part, every part
// by a known pattern.
func TestJapaneseParts(t *testing.T) {
	for _, tt := range []struct{ en, ja string }{
		{"fault: spec: serious: long -4h, heavy 50: want a positive duration and a percentage from 1 to 100: invalid value",
			"重大障害の判断: long -4h、heavy 50: 期間は正の値、割合は1から100であること: 値が不正"},
		{`plan ID "" (empty): want a plain identifier (a-z, 0-9, - and _): invalid value`,
			`計画ID ""（空）: 識別子（a-z、0-9、- 及び _）であること: 値が不正`},
		{`unknown kind "mainframe": want one of platform, monitoring, application: invalid value`,
			`不明な kind "mainframe": 次のいずれかであること: platform, monitoring, application: 値が不正`},
		{"key given twice at line 4, column 3 (byte 50): duplicate", "キーが2度ある（4行3列、バイト50）: 重複"},
		{"want one of id, version, title, source, clauses, vocabulary, organization, provisions and 5 more: unknown field",
			"次のいずれかであること: id, version, title, source, clauses, vocabulary, organization, provisions ほか 5 件: 未定義の項目"},
		{"want ':' at line 4, column 11 (byte 58): malformed JSON", "':' が要る（4行11列、バイト58）: JSONの構文誤り"},
		{"council: plan tottori: rule 0: body security-council: not found", "計画 tottori: 規則 0: 会議 security-council: 見つからない"},
		{`bcp: system 3: system "fig4-03": kind Kind(0) unset or unknown: invalid value`,
			`システム 3: システム "fig4-03": kind Kind(0) が未設定か不明: 値が不正`},
		{"bcp: system \"a: b\": depends on unknown system \"x\": invalid value\n… and 2 more problems (3 in all)",
			"システム \"a: b\": 不明なシステム \"x\" に依存する: 値が不正\n… ほか 2 件（全 3 件）"},
		{`no model plan "town": supply its plan file to resolve the plan: dangling reference`,
			`モデル計画 "town" がない: その計画ファイルを与えること: 参照先がない`},
		{"a cycle of basedOn: a → b → a (each plan based on the next): dangling reference",
			"basedOn の循環: a → b → a（各計画が次の計画に基づく）: 参照先がない"},
		{`bcp: plan "x" holds no clause index of plan "y": dangling reference`,
			`計画 "x" は計画 "y" の条項の一覧を持たない: 参照先がない`},
	} {
		t.Run(tt.en, func(t *testing.T) {
			got, complete := japanese(tt.en)
			if got != tt.ja || !complete {
				t.Errorf("japanese = %q (complete %v)\nwant        %q", got, complete, tt.ja)
			}
		})
	}
	// A part of no known pattern is said by the values it quotes, and
	// reported as not said whole.
	if got, complete := japanese(`council: role "x" reports in a way nobody planned: invalid value`); got != `役割 "x": 値が不正` || complete {
		t.Errorf("unknown part: %q (complete %v)", got, complete)
	}
}

// TestJapaneseNeverEnglish: whatever a lower package writes, its Japanese
// holds no English sentence.
func TestJapaneseNeverEnglish(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		word := rapid.SampledFrom([]string{"want", "one", "of", "unknown", "system", "kind", `"x y z"`, "and", "5", "more",
			"(a-z,", "line", "4,", "column", "Kind(0)", "plan", "rule", "body", "…", "\n", ":", "invalid", "value", "a-b"})
		msg := strings.Join(rapid.SliceOf(word).Draw(t, "words"), " ")
		if ja, _ := japanese(msg); english(ja) != "" {
			t.Fatalf("japanese(%q) = %q: English %q", msg, ja, english(ja))
		}
	})
}

// TestMessagesJapanese: no Japanese message of a finding over the check
// fixtures (the reference plans as Check and Lint read them, the plans of
// examples/check and its broken plans) holds an English sentence.
func TestMessagesJapanese(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "check", "testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	broken, _ := filepath.Glob(filepath.Join("..", "examples", "check", "testdata", "broken", "*.json"))
	reference, _ := filepath.Glob(filepath.Join("reference", "*.json"))
	files = append(append(files, broken...), reference...)
	if len(broken) < 10 || len(reference) < 5 {
		t.Fatalf("fixtures missing: %d broken plans, %d reference plans", len(broken), len(reference))
	}
	seen := 0
	look := func(where string, fs []Finding) {
		for _, f := range fs {
			seen++
			if s := english(f.MessageJA); s != "" {
				t.Errorf("%s: %s %s: MessageJA holds English %q: %s", where, f.Code, f.Path, s, f.MessageJA)
			}
		}
	}
	for _, p := range ReferencePlans() {
		look(p.ID, Check(p))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, fs, err := Lint(data, LintOptions{})
		if err != nil {
			t.Fatal(err)
		}
		look(file, fs)
	}
	if seen < 50 {
		t.Fatalf("only %d findings looked at", seen)
	}
}
