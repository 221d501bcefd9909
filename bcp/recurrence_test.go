package bcp

import (
	"testing"

	"github.com/jukiplan/jukiplan/council"
)

// role returns the value of the plan's term id, failing the test when the
// plan does not declare it.
func role(t *testing.T, p Plan, id string) council.Role {
	t.Helper()
	r, ok := p.Vocabulary.Role(id)
	if !ok {
		t.Fatalf("plan %s declares no position %q", p.ID, id)
	}
	return r
}
