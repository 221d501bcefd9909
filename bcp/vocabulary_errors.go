package bcp

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// declaredPrefixes[k] is how the engine prints a plan-declared value of open
// vocabulary kind k before its number: "role" in "role#24". Built once from
// the types' own String methods, so it cannot drift from them; "" for a
// closed kind.
var declaredPrefixes = func() (out [nKinds]string) {
	for k, wk := range wordKinds {
		if wk.closed {
			continue
		}
		v := reflect.New(wk.typ).Elem()
		v.SetUint(uint64(wk.named + 1))
		s := v.Interface().(fmt.Stringer).String()
		if p, _, ok := strings.Cut(s, "#"); ok {
			out[k] = p
		}
	}
	return out
}()

// maxPrefix is the length of the longest of declaredPrefixes.
const maxPrefix = len("location")

// say returns msg, a message of a lower package about a part of the plan,
// with every plan-declared value it prints by number ("role#24") replaced
// by the ID of the term that declares it in the plan's vocabulary
// ("general-affairs-director"), so that the message speaks the plan's names.
// A token the vocabulary does not declare is kept. One pass over msg; once
// the replacements have added [problem.MaxLine] bytes the rest is kept as it
// is, so the result is at most that much longer than msg.
func (w *words) say(msg string) string {
	if w == nil || !strings.Contains(msg, "#") {
		return msg
	}
	var b strings.Builder
	last, grown := 0, 0
	for i := 0; i < len(msg); i++ {
		if msg[i] != '#' {
			continue
		}
		j := i // the prefix is msg[j:i]: lower-case letters, after no token byte
		for j > 0 && i-j <= maxPrefix && 'a' <= msg[j-1] && msg[j-1] <= 'z' {
			j--
		}
		if j == i || i-j > maxPrefix || (j > 0 && tokenByte(msg[j-1])) {
			continue
		}
		e, n := i+1, 0 // the number is msg[i+1:e]: one or two digits, no leading 0
		for e < len(msg) && e-i <= 2 && '0' <= msg[e] && msg[e] <= '9' {
			n = 10*n + int(msg[e]-'0')
			e++
		}
		if e == i+1 || msg[i+1] == '0' || (e < len(msg) && tokenByte(msg[e])) {
			continue
		}
		k := kindOfPrefix(msg[j:i])
		if k < 0 {
			continue
		}
		id, ok := w.id(k, uint8(n))
		if !ok || grown+len(id) > problem.MaxLine {
			continue
		}
		b.WriteString(msg[last:j])
		b.WriteString(id)
		grown += len(id)
		last = e
	}
	if last == 0 {
		return msg
	}
	b.WriteString(msg[last:])
	return b.String()
}

// tokenByte reports whether c continues a token: a letter, digit, '-', '_'
// or '#'. A declared value is reworded only as a whole token.
func tokenByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '#'
}

// kindOfPrefix returns the open vocabulary kind whose declared values print
// with prefix p, or -1.
func kindOfPrefix(p string) int {
	for k, q := range declaredPrefixes {
		if q != "" && q == p {
			return k
		}
	}
	return -1
}

// worded is a problem of a lower package reworded in the plan's names; it
// wraps the problem, so errors.Is and errors.As see through it.
type worded struct {
	msg string
	err error
}

func (e *worded) Error() string { return e.msg }
func (e *worded) Unwrap() error { return e.err }

// reword returns err with its message in the plan's names ([words.say]),
// wrapping err; err itself when the message has nothing to reword.
func (w *words) reword(err error) error {
	if w == nil || err == nil {
		return err
	}
	msg := err.Error()
	if said := w.say(msg); said != msg {
		return &worded{msg: said, err: err}
	}
	return err
}

// pathErrs is [pathErrs] for a part of the plan whose vocabulary w is: each
// problem's message names the plan's declared values by their term IDs.
func (w *words) pathErrs(path string, err error) []error {
	out := pathErrs(path, err)
	for _, e := range out {
		pe := e.(*PathError)
		pe.Err = w.reword(pe.Err)
	}
	return out
}
