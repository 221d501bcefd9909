package bcp

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// lowerCamel is the style of every JSON key: the plan files' camelCase.
var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// TestJSONTagStyle walks the source of every library package and fails for
// an exported field of a struct type without a json tag, a tag whose name is
// not lowerCamelCase or whose options are other than omitempty and omitzero,
// and an exported struct type with no exported field that does not encode
// itself (it would marshal as {}).
func TestJSONTagStyle(t *testing.T) {
	checked := 0
	for _, dir := range []string{"../council", "../threat", "../fault", "../measures", ".", "drill"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		structs := map[string]*ast.StructType{}
		integers := map[string]token.Position{} // exported types over an integer
		pos := map[string]token.Position{}
		methods := map[string]bool{} // "Type.Method"
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := goparser.ParseFile(fset, f, nil, goparser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range af.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if d.Recv != nil && len(d.Recv.List) == 1 {
						methods[recvName(d.Recv.List[0].Type)+"."+d.Name.Name] = true
					}
				case *ast.GenDecl:
					for _, s := range d.Specs {
						if ts, ok := s.(*ast.TypeSpec); ok {
							if st, ok := ts.Type.(*ast.StructType); ok {
								structs[ts.Name.Name] = st
								pos[ts.Name.Name] = fset.Position(ts.Pos())
							}
							if id, ok := ts.Type.(*ast.Ident); ok && ts.Name.IsExported() && strings.HasPrefix(id.Name, "uint") {
								integers[ts.Name.Name] = fset.Position(ts.Pos())
							}
						}
					}
				}
			}
			// Struct types declared inside functions (JSON shadows) are
			// checked for style where they carry tags.
			ast.Inspect(af, func(n ast.Node) bool {
				if fd, ok := n.(*ast.FuncDecl); ok && fd.Body != nil {
					ast.Inspect(fd.Body, func(n ast.Node) bool {
						if st, ok := n.(*ast.StructType); ok {
							checkFields(t, fset, "(local)", st, false)
						}
						return true
					})
					return false
				}
				return true
			})
		}
		// A set (Has and With over an integer) marshals itself as a list of
		// names, an enum as its name: neither is a bare number.
		for name, at := range integers {
			set := methods[name+".Has"] && methods[name+".With"]
			switch {
			case set && !methods[name+".MarshalJSON"]:
				t.Errorf("%s: set %s has no MarshalJSON: it marshals as a number", at, name)
			case !set && !methods[name+".MarshalText"] && !methods[name+".MarshalJSON"]:
				t.Errorf("%s: %s has no MarshalText: it marshals as a number", at, name)
			}
		}
		for name, st := range structs {
			exported := ast.IsExported(name)
			n := checkFields(t, fset, name, st, exported)
			checked += n
			selfEncoding := methods[name+".MarshalJSON"] || methods[name+".MarshalText"] || methods[name+".Error"]
			if exported && n == 0 && !selfEncoding && !workingValue[name] {
				t.Errorf("%s: %s has no exported field and no MarshalJSON: it marshals as {}", pos[name], name)
			}
		}
	}
	if checked < 300 {
		t.Errorf("only %d fields checked: is the walk broken?", checked)
	}
}

// workingValue are the exported struct types that are not data but values
// built from a plan to work with (a compiled scheme or fault procedure, a fault
// being handled under one, a drill in progress, a clause index built from a
// plan's clauses): they hold the compiled plan and are not encoded; a vendor
// stores their inputs and outputs.
var workingValue = map[string]bool{"Scheme": true, "Procedure": true, "Fault": true, "Drill": true, "Index": true}

// checkFields checks the tags of st's exported fields and returns how many
// there are. Without require, a field may go untagged.
func checkFields(t *testing.T, fset *token.FileSet, typ string, st *ast.StructType, require bool) int {
	n := 0
	for _, f := range st.Fields.List {
		at := fset.Position(f.Pos())
		if len(f.Names) == 0 {
			if require {
				t.Errorf("%s: %s embeds a field: give it a name and a tag", at, typ)
			}
			continue
		}
		if !f.Names[0].IsExported() {
			continue
		}
		n += len(f.Names)
		if len(f.Names) > 1 {
			t.Errorf("%s: %s.%s: one field a line, each with its own tag", at, typ, f.Names[0].Name)
			continue
		}
		tag := ""
		if f.Tag != nil {
			s, err := strconv.Unquote(f.Tag.Value)
			if err != nil {
				t.Errorf("%s: %s.%s: tag %s: %v", at, typ, f.Names[0].Name, f.Tag.Value, err)
				continue
			}
			tag = reflect.StructTag(s).Get("json")
		}
		if tag == "" {
			if require {
				t.Errorf("%s: %s.%s has no json tag", at, typ, f.Names[0].Name)
			}
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !lowerCamel.MatchString(name) {
			t.Errorf("%s: %s.%s: json name %q is not lowerCamelCase", at, typ, f.Names[0].Name, name)
		}
		for o := range strings.SplitSeq(opts, ",") {
			if o != "" && o != "omitempty" && o != "omitzero" {
				t.Errorf("%s: %s.%s: json option %q", at, typ, f.Names[0].Name, o)
			}
		}
	}
	return n
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}
