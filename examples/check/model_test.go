package main

import (
	"bytes"
	"strings"
	"testing"
)

// A plan based on a model that is not a reference plan checks with its model
// given by -model; without it, the one finding is the model it lacks.
func TestModelFlag(t *testing.T) {
	const town, pref = "testdata/model/town.json", "testdata/model/pref.json"
	for _, tt := range []struct {
		name string
		args []string
		code int
		out  string // in stdout (or stderr for exit 2)
	}{
		{"without", []string{town}, 1, "error file.dangling $.basedOn.id: no model plan pref"},
		{"with", []string{"-model", pref, town}, 0, "town: 5 findings, 0 errors"},
		{"after", []string{town, "-model", pref}, 0, "town: 5 findings, 0 errors"},
		{"unreadable", []string{"-model", "testdata/model/none.json", town}, 2, "read model"},
		{"not a plan", []string{"-model", "testdata/broken/syntax.json", town}, 2, `not a plan file with an "id"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			got := out.String()
			if tt.code == 2 {
				got = errb.String()
			}
			if code != tt.code || !strings.Contains(got, tt.out) {
				t.Errorf("exit %d, output:\n%s%s\nwant exit %d and %q", code, out.String(), errb.String(), tt.code, tt.out)
			}
			if tt.name == "without" && strings.Count(got, "\n") != 2 {
				t.Errorf("want one finding and the summary:\n%s", got)
			}
		})
	}
}
