package bcp

import (
	"strings"

	"github.com/jukiplan/jukiplan/measures"
)

type measuresRules = measures.Rules

// pastVocabulary returns the offset in an indented plan file where the parts
// after its vocabulary begin (0 for a file without one): edits meant for the
// plan's parts start there, not in the terms that name the same values.
func pastVocabulary(s string) int {
	i := strings.Index(s, "\n  \"vocabulary\"")
	if i < 0 {
		return 0
	}
	j := strings.Index(s[i+1:], "\n  \"")
	if j < 0 {
		return 0
	}
	return i + 1 + j
}

// replaceInParts replaces the first n instances of old after the vocabulary
// (all with n < 0).
func replaceInParts(s, old, new string, n int) string {
	at := pastVocabulary(s)
	return s[:at] + strings.Replace(s[at:], old, new, n)
}
