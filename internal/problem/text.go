package problem

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bounds of messages.
const (
	// MaxQuote is how many runes of a value [Quote] shows.
	MaxQuote = 40
	// MaxList is how many items [List] names.
	MaxList = 8
	// MaxLine is the longest line a [Join] prints for one problem, in bytes.
	MaxLine = 1024
	// maxLines is the budget of a [Join] for the problems it prints in full,
	// in bytes: past it the rest are counted.
	maxLines = 3000
	// MaxProblems is how many problems a [Join] prints at most.
	MaxProblems = 20
	// MaxMessage bounds every error message of the module, in bytes.
	MaxMessage = 4096
)

// Quote returns s as a Go string literal, cut to its first [MaxQuote] runes
// with an ellipsis and its length when longer: "abc", or "abcd…" (10485760
// bytes). The empty string is "" (callers that can say "empty" should).
func Quote(s string) string {
	n, cut := 0, len(s)
	for i := range s {
		if n == MaxQuote {
			cut = i
			break
		}
		n++
	}
	if cut == len(s) {
		return strconv.Quote(s)
	}
	q := strconv.Quote(s[:cut])
	return q[:len(q)-1] + "…\" (" + strconv.Itoa(len(s)) + " bytes)"
}

// Short returns s cut to its first [MaxQuote] runes and an ellipsis, without
// quotes: for a value that is known to be printable, like a valid citation.
func Short(s string) string {
	n := 0
	for i := range s {
		if n == MaxQuote {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Value is [Quote] that says so when s is empty: `"" (empty)`.
func Value(s string) string {
	if s == "" {
		return `"" (empty)`
	}
	return Quote(s)
}

// ID names an identifier for a message: as it is when it is a short run of
// ASCII letters, digits, '.', '_' and '-' (fig4-01), and otherwise like
// [Value]: quoted by a short prefix, or `"" (empty)`.
func ID(s string) string {
	if s == "" || len(s) > MaxQuote {
		return Value(s)
	}
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return Quote(s)
		}
	}
	return s
}

// List returns the first [MaxList] of n items, named by item, separated by
// ", ", and then "and K more" for the rest: "a, b, c", "a, …, h and 92 more".
func List(n int, item func(i int) string) string {
	var b strings.Builder
	for i := range min(n, MaxList) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(item(i))
	}
	if n > MaxList {
		fmt.Fprintf(&b, " and %d more", n-MaxList)
	}
	return b.String()
}

// Rune names r for a message: U+0000, U+001B.
func Rune(r rune) string { return fmt.Sprintf("U+%04X", r) }

// Control returns the first control character of s (Unicode category Cc:
// U+0000–U+001F and U+007F–U+009F) and its byte offset, or ok false when s
// has none. Identifiers, labels and citations must not hold one: it would
// reach every output raw.
func Control(s string) (r rune, at int, ok bool) {
	// A byte scan, without decoding runes: C0 controls and DEL are single
	// bytes, and C1 controls (U+0080–U+009F) are exactly the two-byte
	// sequences 0xC2 0x80–0x9F. Other bytes of a multi-byte rune are never
	// below 0x80, so they cannot be mistaken for one. Eight bytes at a time
	// first, while none of them can start a control character.
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if hasLess(x, 0x20) || hasZero(x^(0x7f*lo8)) || hasZero(x^(0xc2*lo8)) {
			break
		}
	}
	for ; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20 || b == 0x7f:
			return rune(b), i, true
		case b == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return rune(s[i+1]), i, true
		}
	}
	return 0, 0, false
}

// lo8 has each byte of a word one; it spells the eight-byte tests below.
const lo8 = 0x0101010101010101

// hasZero reports whether some byte of x is zero.
func hasZero(x uint64) bool { return (x-lo8)&^x&(0x80*lo8) != 0 }

// hasLess reports whether some byte of x is below n (n ≤ 128).
func hasLess(x uint64, n uint64) bool { return (x-n*lo8)&^x&(0x80*lo8) != 0 }

// BadText says what is wrong with s as an identifier, label or citation:
// `"a\x00b": control character U+0000 at byte 1`, or the same for invalid
// UTF-8; "" when nothing is.
func BadText(s string) string {
	if msg := BadControl(s); msg != "" {
		return msg
	}
	if !utf8.ValidString(s) {
		for i, r := range s {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
					return fmt.Sprintf("%s: invalid UTF-8 at byte %d", Quote(s), i)
				}
			}
		}
	}
	return ""
}

// BadControl is [BadText] for text already known to be valid UTF-8 (a
// string a strict JSON parser returned): it looks for control characters
// only, and says what [BadText] says of one.
func BadControl(s string) string {
	if r, at, ok := Control(s); ok {
		return fmt.Sprintf("%s: control character %s at byte %d", Quote(s), Rune(r), at)
	}
	return ""
}

// CheckText returns an error wrapping [ErrInvalid] when s holds a control
// character or invalid UTF-8, naming what s is ("citation"), the character
// and its byte offset; nil otherwise.
func CheckText(what, s string) error {
	if msg := BadText(s); msg != "" {
		return fmt.Errorf("%s %s: %w", what, msg, ErrInvalid)
	}
	return nil
}

// prefixes are the package prefixes of the module's messages.
var prefixes = [...]string{"bcp: ", "council: ", "drill: ", "fault: ", "measures: ", "render: ", "threat: "}

// Strip returns msg without its leading package prefix ("council: "), for a
// layer that wraps it under its own: the message names its package once.
func Strip(msg string) string {
	for _, p := range prefixes {
		if s, ok := strings.CutPrefix(msg, p); ok {
			return s
		}
	}
	return msg
}

// Clip cuts s to at most max bytes (on a rune boundary), ending it with "…"
// when cut.
func Clip(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// wrapped is an error under a prefix, its own package prefix dropped.
type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }

// Wrap returns err under prefix ("fault: kumamoto: escalate"): the message
// is prefix + ": " + err's message without its package prefix (cut to
// [MaxLine] bytes: a message from outside the module, like encoding/json's,
// may quote input whole), and the result unwraps to err. A [Join] is wrapped problem by problem, so that each line
// names its context; nil stays nil.
func Wrap(prefix string, err error) error {
	if err == nil {
		return nil
	}
	if j, ok := err.(*joined); ok {
		out := make([]error, len(j.errs))
		for i, e := range j.errs {
			out[i] = Wrap(prefix, e)
		}
		return &joined{errs: out}
	}
	return &wrapped{msg: Clip(prefix+": "+Strip(err.Error()), MaxLine), err: err}
}

// marked is an error that also matches a sentinel, without saying so twice.
type marked struct {
	err, also error
}

func (m *marked) Error() string   { return m.err.Error() }
func (m *marked) Unwrap() []error { return []error{m.err, m.also} }

// Mark returns err so that errors.Is(err, sentinel) holds too; the message is
// err's. An err that already matches sentinel is returned as is.
func Mark(err, sentinel error) error {
	if err == nil || errors.Is(err, sentinel) {
		return err
	}
	return &marked{err: err, also: sentinel}
}

// joined is several problems, the first printed in full and the rest counted.
type joined struct{ errs []error }

// Join returns the problems of errs, skipping nils and flattening other
// joins, or nil when there are none; like [errors.Join], the result has an
// Unwrap() []error method even for one problem. Its
// message lists the problems one a line, each cut to [MaxLine] bytes, at most
// [MaxProblems] and as long as they fit in a few kilobytes, and ends with "… and N more problems (M in
// all)"; errors.Is and errors.As see every problem.
func Join(errs ...error) error {
	var out []error
	for _, e := range errs {
		switch e := e.(type) {
		case nil:
		case *joined:
			out = append(out, e.errs...)
		default:
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &joined{errs: out}
}

func (j *joined) Error() string {
	var b strings.Builder
	shown := 0
	for _, e := range j.errs {
		line := Clip(e.Error(), MaxLine)
		if shown == MaxProblems || shown > 0 && b.Len()+len(line) > maxLines {
			break
		}
		if shown > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
		shown++
	}
	switch rest := len(j.errs) - shown; {
	case rest == 1:
		fmt.Fprintf(&b, "\n… and 1 more problem (%d in all)", len(j.errs))
	case rest > 1:
		fmt.Fprintf(&b, "\n… and %d more problems (%d in all)", rest, len(j.errs))
	}
	return b.String()
}

func (j *joined) Unwrap() []error { return j.errs }

// Problems returns the problems of err: those of a [Join], or err alone.
func Problems(err error) []error {
	if j, ok := err.(*joined); ok {
		return j.errs
	}
	if err == nil {
		return nil
	}
	return []error{err}
}
