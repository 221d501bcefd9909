package bcp

import (
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// The parser and the lower packages (council, threat, fault, measures)
// report problems in English, as chains of parts joined by ": ": where the
// problem is ("plan tottori", "rule 0", "system \"fig4-03\""), what is wrong
// ("want one of id, version, title"), and the category, the message of the
// sentinel the error wraps ("invalid value"). A finding that quotes such an
// error says it in Japanese part by part: each part by the pattern it
// follows, its values (names, numbers, quoted strings) carried over.

// jaCategories are the categories of the module's errors, by the messages
// of their sentinels, in Japanese.
var jaCategories = [...]struct {
	err error
	ja  string
}{
	{problem.ErrInvalid, "値が不正"},
	{problem.ErrMissing, "欠けている"},
	{problem.ErrDuplicate, "重複"},
	{problem.ErrCycle, "循環"},
	{problem.ErrCitation, "引用の形式が不正"},
	{problem.ErrUnreachable, "統括責任者に至らない"},
	{problem.ErrUnknownRole, "不明な役割"},
	{problem.ErrUncited, "引用がないか他の計画の引用"},
	{problem.ErrNotFound, "見つからない"},
	{problem.ErrUnknownItem, "不明な決定事項"},
	{problem.ErrUnlisted, "計画にない"},
	{problem.ErrNotStated, "計画に定めがない"},
	{problem.ErrScheme, "脅威度判定表が不正"},
	{problem.ErrNoPlaybook, "緊急措置の定めがない"},
	{problem.ErrRules, "規則が不正"},
	{problem.ErrUnknownPlan, "不明な計画"},
	{problem.ErrSyntax, "JSONの構文誤り"},
	{problem.ErrUnknownField, "未定義の項目"},
	{problem.ErrDangling, "参照先がない"},
	{problem.ErrUnassessed, "影響規模が未評価"},
	{problem.ErrNoScheme, "脅威度判定表がない"},
}

// jaParts are the patterns of the parts of messages and their Japanese: %s
// stands for a value, carried over. A pattern is tried whole against a part;
// the first that matches wins, so the more specific come first.
var jaParts = [...]struct{ en, ja string }{
	{"spec", ""}, // the whole part: it adds nothing
	{"serious", "重大障害の判断"},
	{"long %s, heavy %s", "long %s、heavy %s"},
	{"want a positive duration and a percentage from 1 to 100", "期間は正の値、割合は1から100であること"},
	{"plan ID %s", "計画ID %s"},
	{"want a plain identifier (a-z, 0-9, - and _)", "識別子（a-z、0-9、- 及び _）であること"},
	{"plan %s holds no clause index of plan %s", "計画 %s は計画 %s の条項の一覧を持たない"},
	{"no model plan %s", "モデル計画 %s がない"},
	{"supply its plan file to resolve the plan", "その計画ファイルを与えること"},
	{"the file found for model plan %s is plan %s", "モデル計画 %s として見つかったファイルは計画 %s のもの"},
	{"model plan %s does not load", "モデル計画 %s が読めない"},
	{"a cycle of basedOn", "basedOn の循環"},
	{"%s (each plan based on the next)", "%s（各計画が次の計画に基づく）"},
	{"plan %s", "計画 %s"},
	{"rule %s", "規則 %s"},
	{"body %s", "会議 %s"},
	{"role %s", "役割 %s"},
	{"level %s", "レベル %s"},
	{"depends on unknown system %s", "不明なシステム %s に依存する"},
	{"ID %s already used by system %s", "ID %s はシステム %s が使っている"},
	{"system %s", "システム %s"},
	{"kind %s unset or unknown", "kind %s が未設定か不明"},
	{"unknown %s", "不明な %s"},
	{"want one of %s", "次のいずれかであること: %s"},
	{"key given twice at line %s, column %s (byte %s)", "キーが2度ある（%s行%s列、バイト%s）"},
	{"want %s at line %s, column %s (byte %s)", "%s が要る（%s行%s列、バイト%s）"},
	{"unexpected %s at line %s, column %s (byte %s)", "予期しない %s（%s行%s列、バイト%s）"},
	{"… and 1 more problem (%s in all)", "… ほか 1 件（全 %s 件）"},
	{"… and %s more problems (%s in all)", "… ほか %s 件（全 %s 件）"},
}

// japanese returns msg, the message of an error of the parser or of a lower
// package, in Japanese, and whether every part of it followed a known
// pattern. A part that follows none is said by the values it quotes, or
// left out when it quotes none. Linear in msg.
func japanese(msg string) (string, bool) {
	var b strings.Builder
	complete := true
	for i, line := range strings.Split(msg, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for _, part := range splitParts(line) {
			ja, ok := japanesePart(part)
			complete = complete && ok
			if ja == "" {
				continue
			}
			if n > 0 {
				b.WriteString(": ")
			}
			b.WriteString(ja)
			n++
		}
	}
	return b.String(), complete
}

// trimCategory is ja, a message said by [japanese], without its last part
// when that names the category of the problem: for a finding whose code
// names it already.
func trimCategory(ja string) string {
	i := strings.LastIndex(ja, ": ")
	if i < 0 {
		return ja
	}
	for _, c := range jaCategories {
		if ja[i+2:] == c.ja {
			return ja[:i]
		}
	}
	return ja
}

// japanesePart says one part of a message in Japanese.
func japanesePart(part string) (string, bool) {
	for _, p := range pkgPrefixes {
		if part == strings.TrimSuffix(p, ": ") {
			return "", true // a package's name
		}
	}
	for _, c := range jaCategories {
		if part == c.err.Error() {
			return c.ja, true
		}
	}
	for _, p := range jaParts {
		if vals, ok := matchPart(p.en, part); ok {
			var b strings.Builder
			rest := p.ja
			complete := true
			for _, v := range vals {
				at := strings.Index(rest, "%s")
				b.WriteString(rest[:at])
				v = jaList(v)
				if wordy(v) {
					v, complete = strings.Join(quotedValues(v), " "), false
				}
				b.WriteString(v)
				rest = rest[at+2:]
			}
			b.WriteString(rest)
			return b.String(), complete
		}
	}
	if !wordy(part) {
		return part, true // names and numbers: "s00001", "Kind(0)"
	}
	return strings.Join(quotedValues(part), " "), false
}

// wordy reports whether s holds three or more words in a row: tokens of
// ASCII letters only, one space or line break apart, outside quoted values.
// That is English, not a name, a number or a list of names ("platform,
// monitoring").
func wordy(s string) bool {
	run, start, inQuote, pure := 0, 0, false, true
	for i := 0; i <= len(s); i++ {
		if i == len(s) || !inQuote && (s[i] == ' ' || s[i] == '\n') {
			if pure && i > start {
				if run++; run >= 3 {
					return true
				}
			} else {
				run = 0
			}
			start, pure = i+1, true
			continue
		}
		c := s[i]
		switch {
		case inQuote && c == '\\':
			i++
		case c == '"':
			inQuote = !inQuote
			pure = false
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			pure = false
		}
	}
	return false
}

// quotedValues returns the quoted values ("fig4-03") of s, quotes kept.
func quotedValues(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] != '"' {
			continue
		}
		q, err := strconv.QuotedPrefix(s[i:])
		if err != nil {
			break // an unclosed quote: nothing after it is quoted
		}
		out = append(out, q)
		i += len(q) - 1
	}
	return out
}

// pkgPrefixes are the package prefixes of the module's messages.
var pkgPrefixes = [...]string{"bcp: ", "council: ", "fault: ", "measures: ", "threat: "}

// jaList is v, a value of a message, with what the module's messages add
// to a value in Japanese: the tail of a list of names (" and 5 more"), an
// empty value (`"" (empty)`) and the length of a value cut short (`"abc…"
// (10485760 bytes)`).
func jaList(v string) string {
	if q, ok := strings.CutSuffix(v, " (empty)"); ok {
		return q + "（空）"
	}
	if q, n, ok := strings.Cut(v, "…\" ("); ok {
		if n, ok := strings.CutSuffix(n, " bytes)"); ok {
			return q + "…\"（" + n + " バイト）"
		}
	}
	if head, tail, ok := strings.Cut(v, " and "); ok && !strings.Contains(tail, " and ") {
		if n, ok := strings.CutSuffix(tail, " more"); ok {
			if _, err := strconv.Atoi(n); err == nil {
				return head + " ほか " + n + " 件"
			}
		}
	}
	return v
}

// matchPart reports whether s follows pattern, whose %s each stand for a
// non-empty value, and returns the values. A value ends at the first place
// the text after it in the pattern follows; the last runs to the end.
func matchPart(pattern, s string) ([]string, bool) {
	lits := strings.Split(pattern, "%s")
	if !strings.HasPrefix(s, lits[0]) {
		return nil, false
	}
	s = s[len(lits[0]):]
	var vals []string
	for _, lit := range lits[1:] {
		var v string
		if lit == "" {
			v, s = s, ""
		} else {
			i := strings.Index(s, lit)
			if i < 0 {
				return nil, false
			}
			v, s = s[:i], s[i+len(lit):]
		}
		if v == "" {
			return nil, false
		}
		vals = append(vals, v)
	}
	return vals, s == ""
}

// splitParts splits a line of a message at each ": " outside a quoted
// value.
func splitParts(line string) []string {
	var parts []string
	start, inQuote := 0, false
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case inQuote && c == '\\':
			i++
		case c == '"':
			inQuote = !inQuote
		case !inQuote && c == ':' && strings.HasPrefix(line[i:], ": "):
			parts = append(parts, line[start:i])
			start = i + 2
			i++
		}
	}
	return append(parts, line[start:])
}
