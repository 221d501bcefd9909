package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/internal/golden"
)

// goldens holds the outputs in testdata, rewritten by go test -update.
var goldens = golden.New("testdata", "update", "rewrite the golden files")

func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"yazu.json", []string{"-id", "yazu", "-title", "八頭町住民基本台帳ネットワークシステム緊急時対応計画", "-version", "2024-04-01"}},
		{"kumamoto-follower.json", []string{"-from", "kumamoto", "-id", "follower", "-title", "ある市の緊急時対応計画", "-own", "none"}},
		{"ino-duties.json", []string{"-from", "ino", "-id", "ino-like", "-title", "ある町の緊急時対応計画書", "-own", "duties", "-source", "ある町 訓令"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(tt.args, &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			goldens.Check(t, tt.name, out.String())
		})
	}
}

// For every reference plan and every choice of own parts, the file written
// loads, is based on the model, checks with no error, cites its own clauses
// only in the parts it owns, and decides as the model does.
func TestScaffoldOfEveryModel(t *testing.T) {
	for _, from := range reference.IDs() {
		for _, own := range [][]string{nil, {"organization", "vocabulary"}, parts} {
			t.Run(from+"/"+strings.Join(own, "+"), func(t *testing.T) {
				b, err := scaffold(from, "machi", "町の計画", "1", "", own)
				if err != nil {
					t.Fatal(err)
				}
				p, err := bcp.ParsePlan(b)
				if err != nil {
					t.Fatal(err)
				}
				model, _ := bcp.Reference(from)
				if p.BasedOn == nil || p.BasedOn.ID != from || p.BasedOn.Version != model.Version {
					t.Fatalf("basedOn %+v", p.BasedOn)
				}
				for _, f := range bcp.Check(p) {
					if f.Severity == bcp.SeverityError {
						t.Errorf("error finding: %v", f)
					}
				}
				if (len(own) == 0) != (p.Clauses == nil) {
					t.Errorf("own parts %v, %d clauses of its own", own, len(p.Clauses))
				}
				if p.Organization != nil && model.Organization != nil {
					wantPlan := from
					if len(own) > 0 {
						wantPlan = "machi"
					}
					if got := p.Organization.Plan; got != wantPlan {
						t.Errorf("organization is of plan %q, want %q", got, wantPlan)
					}
				}
				if p.Threat != nil {
					wantPlan := from
					if len(own) == len(parts) {
						wantPlan = "machi"
					}
					if p.Threat.Plan != wantPlan {
						t.Errorf("threat is of plan %q, want %q", p.Threat.Plan, wantPlan)
					}
				}
			})
		}
	}
}

func TestUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"-h"}, &out, &errb); code != 0 || out.String() != usage {
		t.Errorf("-h: exit %d, printed %q", code, out.String())
	}
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-title", "x"}, "-id: missing"},
		{[]string{"-id", "x"}, "-title: missing"},
		{[]string{"-id", "Yazu!", "-title", "x"}, "-id:"},
		{[]string{"-id", "tottori", "-title", "x"}, `-id "tottori": the model's own ID`},
		{[]string{"-id", "x", "-title", "x", "-from", "chizu"}, `-from "chizu": not a reference plan`},
		{[]string{"-id", "x", "-title", "x", "-own", "threat,annex"}, `-own "annex"`},
		{[]string{"-id", "x", "-title", "x", "extra"}, `unexpected argument "extra"`},
		{[]string{"-nope"}, "flag provided but not defined"},
	} {
		out.Reset()
		errb.Reset()
		if code := run(tt.args, &out, &errb); code != 2 || !strings.Contains(errb.String(), tt.msg) || strings.Count(errb.String(), "\n") != 1 || out.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q: want 2 and one line saying %q", tt.args, code, errb.String(), tt.msg)
		}
	}
}

func TestWritesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "yazu.json")
	var out, errb bytes.Buffer
	if code := run([]string{"-id", "yazu", "-title", "x", "-o", path}, &out, &errb); code != 0 || out.Len() != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bcp.ParsePlan(data); err != nil {
		t.Fatal(err)
	}
}
