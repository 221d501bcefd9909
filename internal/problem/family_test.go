package problem_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// exported is every sentinel the public packages export, by qualified name.
// TestSentinelsListed keeps it complete.
var exported = map[string]error{
	"council.ErrInvalid":      council.ErrInvalid,
	"council.ErrCitation":     council.ErrCitation,
	"council.ErrCycle":        council.ErrCycle,
	"council.ErrUnreachable":  council.ErrUnreachable,
	"council.ErrUnknownRole":  council.ErrUnknownRole,
	"council.ErrUncited":      council.ErrUncited,
	"council.ErrDuplicate":    council.ErrDuplicate,
	"council.ErrNotFound":     council.ErrNotFound,
	"council.ErrNotOpen":      council.ErrNotOpen,
	"council.ErrClosed":       council.ErrClosed,
	"council.ErrUnknownItem":  council.ErrUnknownItem,
	"council.ErrSettled":      council.ErrSettled,
	"council.ErrTime":         council.ErrTime,
	"council.ErrOutstanding":  council.ErrOutstanding,
	"council.ErrNoSubstitute": council.ErrNoSubstitute,

	"fault.ErrInvalid":    fault.ErrInvalid,
	"fault.ErrUnlisted":   fault.ErrUnlisted,
	"fault.ErrNotStated":  fault.ErrNotStated,
	"fault.ErrTransition": fault.ErrTransition,
	"fault.ErrMissing":    fault.ErrMissing,

	"threat.ErrInvalid":    threat.ErrInvalid,
	"threat.ErrNotCovered": threat.ErrNotCovered,
	"threat.ErrIncomplete": threat.ErrIncomplete,
	"threat.ErrScheme":     threat.ErrScheme,
	"threat.ErrMissing":    threat.ErrMissing,

	"measures.ErrInvalid":    measures.ErrInvalid,
	"measures.ErrNoPlaybook": measures.ErrNoPlaybook,
	"measures.ErrMissing":    measures.ErrMissing,
	"measures.ErrRules":      measures.ErrRules,

	"bcp.ErrInvalid":        bcp.ErrInvalid,
	"drill.ErrScenario":     drill.ErrScenario,
	"bcp.ErrSyntax":         bcp.ErrSyntax,
	"bcp.ErrUnknownField":   bcp.ErrUnknownField,
	"bcp.ErrDuplicate":      bcp.ErrDuplicate,
	"bcp.ErrDangling":       bcp.ErrDangling,
	"bcp.ErrBadValue":       bcp.ErrBadValue,
	"bcp.ErrBeyondHorizons": bcp.ErrBeyondHorizons,
	"bcp.ErrUncovered":      bcp.ErrUncovered,
	"bcp.ErrReport":         bcp.ErrReport,
	"bcp.ErrCycle":          bcp.ErrCycle,
	"bcp.ErrUnassessed":     bcp.ErrUnassessed,
	"drill.ErrUnhandled":    drill.ErrUnhandled,
	"bcp.ErrNoScheme":       bcp.ErrNoScheme,
}

// declared returns the package-level identifiers named Err* (or, for dir
// internal/problem, every exported variable) declared in the non-test Go files of
// dir, and whether each is initialised from problem.X.
func declared(t *testing.T, dir string, all bool) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if !n.IsExported() || (!all && !strings.HasPrefix(n.Name, "Err")) {
						continue
					}
					init := ""
					if i < len(vs.Values) {
						init = string(src[fset.Position(vs.Values[i].Pos()).Offset:fset.Position(vs.Values[i].End()).Offset])
					}
					out[n.Name] = init
				}
			}
		}
	}
	return out
}

// TestSentinelsListed: every Err* variable of every public package is in the
// table above and is initialised from the shared family, never by
// errors.New of its own.
func TestSentinelsListed(t *testing.T) {
	for _, pkg := range []string{"council", "fault", "threat", "measures", "bcp", "bcp/drill"} {
		for name, init := range declared(t, filepath.Join("..", "..", pkg), false) {
			q := path.Base(pkg) + "." + name
			if _, ok := exported[q]; !ok {
				t.Errorf("%s is not listed in this test's table", q)
			}
			if !strings.HasPrefix(init, "problem.") {
				t.Errorf("%s = %s: want a value of internal/problem", q, init)
			}
		}
	}
}

// TestSentinelsShared: every exported sentinel is one of problem's values, the
// same name means the same value in every package, and distinct values have
// distinct messages.
func TestSentinelsShared(t *testing.T) {
	family := map[error]bool{}
	byText := map[string]bool{}
	for _, e := range []error{problem.ErrInvalid, problem.ErrMissing, problem.ErrDuplicate, problem.ErrCycle,
		problem.ErrCitation, problem.ErrUnreachable, problem.ErrUnknownRole, problem.ErrUncited, problem.ErrNotFound, problem.ErrNotOpen,
		problem.ErrClosed, problem.ErrUnknownItem, problem.ErrSettled, problem.ErrTime, problem.ErrOutstanding, problem.ErrNoSubstitute,
		problem.ErrUnlisted, problem.ErrNotStated, problem.ErrTransition, problem.ErrNotCovered, problem.ErrUndetermined, problem.ErrScheme,
		problem.ErrNoPlaybook, problem.ErrRules, problem.ErrUnknownPlan, problem.ErrScenario, problem.ErrSyntax, problem.ErrUnknownField,
		problem.ErrDangling, problem.ErrBeyondHorizons, problem.ErrUncovered, problem.ErrReport, problem.ErrUnassessed, problem.ErrUnhandled,
		problem.ErrNoScheme} {
		if byText[e.Error()] {
			t.Errorf("two values of the family read %q", e)
		}
		byText[e.Error()] = true
		family[e] = true
	}
	if n := len(declared(t, ".", true)); n != len(family) {
		t.Errorf("internal/problem declares %d variables, this test knows %d", n, len(family))
	}
	byName := map[string]error{}
	names := make([]string, 0, len(exported))
	for q := range exported {
		names = append(names, q)
	}
	slices.Sort(names)
	for _, q := range names {
		e := exported[q]
		if !family[e] {
			t.Errorf("%s (%q) is not a value of internal/problem", q, e)
		}
		_, name, _ := strings.Cut(q, ".")
		if old, ok := byName[name]; ok && old != e {
			t.Errorf("%s is not the same value as the %s of another package", q, name)
		}
		byName[name] = e
	}
	if bcp.ErrBadValue != bcp.ErrInvalid {
		t.Error("bcp.ErrBadValue is not bcp.ErrInvalid")
	}
	if threat.ErrIncomplete == fault.ErrMissing {
		t.Error("threat.ErrIncomplete (attribute unknown) and fault.ErrMissing (field missing) are one value")
	}
}

// invalids are errors each package reports for an invalid value.
func invalids() map[string]error {
	var r council.Role
	var k fault.Kind
	var l threat.Level
	var c measures.Case
	var s bcp.ImpactScale
	_, planErr := bcp.ParsePlan([]byte(`{"id":"x","version":"1","continuity":{"inventory":{"systems":[{"id":"a","kind":"nope"}]}}}`))
	_, scErr := drill.ParseScenario(bcp.Plan{}, []byte(`{"id":"s","plan":"tottori","events":[{"at":"2026-01-01T00:00:00+09:00","kind":"nope"}]}`))
	return map[string]error{
		"council.Role":        r.UnmarshalText([]byte("nope")),
		"fault.Kind":          k.UnmarshalText([]byte("nope")),
		"threat.Level":        l.UnmarshalText([]byte("nope")),
		"measures.Case":       c.UnmarshalText([]byte("nope")),
		"bcp.ImpactScale":     s.UnmarshalText([]byte("nope")),
		"bcp.ParsePlan":       planErr,
		"drill.ParseScenario": scErr,
		"council.Citation":    (&council.Citation{}).UnmarshalText([]byte("x:a\x00b")),
		"bcp.System.Validate": bcp.System{ID: "a"}.Validate(),
	}
}

// TestInvalidMatchesEveryPackage: an invalid value reported by any package
// matches the ErrInvalid of every package.
func TestInvalidMatchesEveryPackage(t *testing.T) {
	for name, err := range invalids() {
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		for q, sentinel := range map[string]error{"council": council.ErrInvalid, "fault": fault.ErrInvalid,
			"threat": threat.ErrInvalid, "measures": measures.ErrInvalid, "bcp": bcp.ErrInvalid, "bcp.ErrBadValue": bcp.ErrBadValue} {
			if !errors.Is(err, sentinel) {
				t.Errorf("%s: %v: not errors.Is %s.ErrInvalid", name, err, q)
			}
		}
	}
}
