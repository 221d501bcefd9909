// Package zerotest checks that the zero value of every exported type of a
// package prints without panicking (issue 18: every zero value safe to
// print). A package's test lists its types' zero values; [Check] fails when
// the list leaves out an exported type declared in the package's sources, so
// a new type cannot slip past the check.
package zerotest

import (
	"encoding"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Check formats each of zeros (and a pointer to each, for methods on
// pointer receivers) with %v, %+v, %s and %#v, calls Error, String, Label and
// MarshalText where the type has them, and fails on any panic. It also fails
// for every exported, non-interface, non-generic type declared in the
// non-test Go files of dir that zeros leaves out.
func Check(t *testing.T, dir string, zeros ...any) {
	t.Helper()
	seen := map[string]bool{}
	for _, z := range zeros {
		rt := reflect.TypeOf(z)
		seen[rt.Name()] = true
		ptr := reflect.New(rt)
		for _, v := range []any{z, ptr.Interface()} {
			if msg := printPanics(v); msg != "" {
				t.Errorf("zero %v: %s", rt, msg)
			}
		}
	}
	for _, name := range exportedTypes(t, dir) {
		if !seen[name] {
			t.Errorf("the zero value of %s is not checked: add *new(%s) to the list", name, name)
		}
	}
}

// printPanics prints v every way a caller might and returns what panicked,
// or "" when nothing did.
func printPanics(v any) (msg string) {
	step := ""
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprintf("%s panics: %v", step, r)
		}
	}()
	for _, f := range []string{"%v", "%+v", "%s", "%#v"} {
		step = f
		if s := fmt.Sprintf(f, v); strings.Contains(s, "PANIC=") {
			return f + " panics: " + s
		}
	}
	if e, ok := v.(error); ok {
		step = "Error"
		_ = e.Error()
	}
	if s, ok := v.(fmt.Stringer); ok {
		step = "String"
		_ = s.String()
	}
	if l, ok := v.(interface{ Label() string }); ok {
		step = "Label"
		_ = l.Label()
	}
	if m, ok := v.(encoding.TextMarshaler); ok {
		step = "MarshalText"
		_, _ = m.MarshalText()
	}
	return ""
}

// exportedTypes lists the exported type names declared in dir's non-test Go
// files, leaving out interfaces and generic types (which have no one zero
// value).
func exportedTypes(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				if _, iface := ts.Type.(*ast.InterfaceType); iface || !ts.Name.IsExported() || ts.TypeParams != nil {
					continue
				}
				out = append(out, ts.Name.Name)
			}
		}
	}
	slices.Sort(out)
	return out
}
