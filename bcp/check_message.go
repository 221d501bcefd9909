package bcp

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/council"
)

// say names x for a message: the plan file's name for it (its term's ID or
// the engine's name) and, in brackets, its label in the plan's words.
func (c *checker) say(x labeled) string {
	return c.w.name(x) + " (" + c.w.any(x, Japanese) + ")"
}

// both is a value a message names, as the English message names it (en)
// and as the Japanese one does (ja).
type both struct{ en, ja any }

// both names x for a message in both languages: as [checker.say] does in
// English, by its label in the plan's words in Japanese.
func (c *checker) both(x labeled) both {
	return both{c.say(x), c.w.any(x, Japanese)}
}

// add records a finding: its message formats args with format, its
// Japanese message with formatJA (an argument of type [both] gives each its
// own side). Both name the plan's declared values by their term IDs, also
// where they quote a part's error ([words.say]).
func (c *checker) add(sev Severity, code Code, path string, cite council.Citation, format, formatJA string, args ...any) {
	f := Finding{Severity: sev, Code: code, Path: path, Cite: cite}
	if c.lazy {
		c.drafts = append(c.drafts, draft{f: f, format: format, formatJA: formatJA, args: args})
		return
	}
	f.Message, f.MessageJA = c.messages(format, formatJA, args)
	c.out = append(c.out, f)
}

// reserve makes room for n more findings.
func (c *checker) reserve(n int) {
	if c.lazy {
		c.drafts = slices.Grow(c.drafts, n)
	} else {
		c.out = slices.Grow(c.out, n)
	}
}

// quote is err, a problem a part's own validator reports, for a message:
// its own words in English, said part by part in Japanese ([japanese]).
func (c *checker) quote(err error) both {
	ja, _ := japanese(err.Error())
	return both{en: err, ja: ja}
}

// write writes the messages of d, once.
func (c *checker) write(d *draft) {
	if !d.written {
		d.f.Message, d.f.MessageJA = c.messages(d.format, d.formatJA, d.args)
		d.written = true
	}
}

// messages formats args with format in English and with formatJA in
// Japanese (see [checker.add]).
func (c *checker) messages(format, formatJA string, args []any) (string, string) {
	en, ja := args, args
	for i, a := range args {
		if b, ok := a.(both); ok {
			if len(ja) > 0 && &ja[0] == &args[0] {
				en, ja = slices.Clone(args), slices.Clone(args)
			}
			en[i], ja[i] = b.en, b.ja
		}
	}
	return c.w.say(sprintf(format, en)), c.w.say(sprintf(formatJA, ja))
}

// sprintf is fmt.Sprintf(format, args...) made cheaper for the messages of
// findings, of which a plan of many systems gives many: a format whose verbs
// are only %s, %q, %d and %v (no flags, no width), with one argument of type
// string or int each, is written directly, in one allocation when no %q
// argument needs escapes; any other goes to fmt.Sprintf.
func sprintf(format string, args []any) string {
	n := len(format)
	for _, a := range args {
		switch a := a.(type) {
		case string:
			n += len(a) + 2
		case int:
			n += 20
		default:
			return fmt.Sprintf(format, args...)
		}
	}
	var b strings.Builder
	b.Grow(n)
	k := 0
	for rest := format; rest != ""; {
		i := strings.IndexByte(rest, '%')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		if i+1 == len(rest) {
			return fmt.Sprintf(format, args...)
		}
		verb := rest[i+1]
		rest = rest[i+2:]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if k == len(args) {
			return fmt.Sprintf(format, args...)
		}
		switch a := args[k].(type) {
		case string:
			switch verb {
			case 's', 'v':
				b.WriteString(a)
			case 'q':
				if plainASCII(a) {
					b.WriteByte('"')
					b.WriteString(a)
					b.WriteByte('"')
				} else {
					b.WriteString(strconv.Quote(a))
				}
			default:
				return fmt.Sprintf(format, args...)
			}
		case int:
			if verb != 'd' && verb != 'v' {
				return fmt.Sprintf(format, args...)
			}
			var digits [20]byte
			b.Write(strconv.AppendInt(digits[:0], int64(a), 10))
		}
		k++
	}
	if k != len(args) {
		return fmt.Sprintf(format, args...)
	}
	return b.String()
}

// plainASCII reports whether s is printable ASCII without '"' or '\\':
// what strconv.Quote writes between its quotes unchanged.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}
