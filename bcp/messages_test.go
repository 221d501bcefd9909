package bcp

import (
	"errors"
	"strings"
	"testing"
)

// TestMessages: control characters, invalid UTF-8, empty IDs and numbers out
// of range are reported precisely: the JSON path, the character, the range
// (issue 12 items 5 and 6).
func TestMessages(t *testing.T) {
	const head = `{"id":"x","version":"1",`
	const inv = head + `"continuity":{"inventory":{"plan":"x",`
	for _, tc := range []struct {
		name     string
		plan     string // a plan file
		sentinel error
		want     string
	}{
		{name: "plan/title-NUL", plan: head + `"title":"a\u0000b"}`, sentinel: ErrInvalid,
			want: `bcp: plan: $.title: "a\x00b": control character U+0000 at byte 1: invalid value`},
		{name: "plan/citation-ESC", plan: inv + `"citations":["x:第1\u001b条"]}}}`, sentinel: ErrInvalid,
			want: `bcp: plan: $.continuity.inventory.citations[0]: citation "x:第1\x1b条": control character U+001B at byte 6: invalid value`},
		{name: "plan/system-id-DEL", plan: inv + `"systems":[{"id":"a\u007f","name":"n","owner":"o","kind":"platform","scale":"large"}]}}}`, sentinel: ErrInvalid,
			want: `bcp: plan: $.continuity.inventory.systems[0].id: "a\x7f": control character U+007F at byte 1: invalid value`},
		{name: "plan/invalid-UTF-8", plan: head + "\"title\":\"a\xffb\"}", sentinel: ErrSyntax,
			want: `bcp: plan: $.title: invalid UTF-8 (byte 0xFF) at line 1, column 35 (byte 34): malformed JSON`},
		{name: "plan/invalid-UTF-8-after-kanji", plan: head + "\"title\":\"規程\xffb\"}", sentinel: ErrSyntax,
			want: `bcp: plan: $.title: invalid UTF-8 (byte 0xFF) at line 1, column 36 (byte 39): malformed JSON`},
		{name: "plan/kanji-then-escape-then-invalid", plan: head + "\"title\":\"規\\n程\xff\"}", sentinel: ErrSyntax,
			want: `bcp: plan: $.title: invalid UTF-8 (byte 0xFF) at line 1, column 38 (byte 41): malformed JSON`},
		{name: "plan/lone-surrogate", plan: head + `"title":"a\ud800b"}`, sentinel: ErrSyntax,
			want: `bcp: plan: $.title: lone surrogate \uD800 at line 1, column 35 (byte 34): not a character: malformed JSON`},
		{name: "plan/empty-id-twice", plan: inv + `"systems":[{"id":""},{"id":""}]}}}`, sentinel: ErrDuplicate,
			want: `bcp: plan: $.continuity.inventory.systems[1].id: "" (empty) given twice: duplicate`},
		{name: "plan/integer-out-of-range", plan: head + `"fault":{"plan":"x","serious":{"heavy":99999999999999999999}}}`, sentinel: ErrInvalid,
			want: `bcp: plan: $.fault.serious.heavy: 99999999999999999999 out of range: want a whole number from -9223372036854775808 to 9223372036854775807: invalid value`},
		{name: "plan/integer-not-whole", plan: head + `"fault":{"plan":"x","serious":{"heavy":1.5}}}`, sentinel: ErrInvalid,
			want: `bcp: plan: $.fault.serious.heavy: 1.5: want a whole number from -9223372036854775808 to 9223372036854775807: invalid value`},
		{name: "plan/unknown-field", plan: head + `"colour":1}`, sentinel: ErrUnknownField,
			want: `bcp: plan: $.colour: want one of id, version, title, `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParsePlan([]byte(tc.plan))
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tc.sentinel)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to hold:\n%s", err, tc.want)
			}
		})
	}
}
