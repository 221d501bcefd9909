// Command check is the linter a municipality runs on its own plan file: it
// reads the file leniently (bcp.Lint) and prints every problem in one list,
// most severe first: syntax errors, a file that is not UTF-8, unknown fields,
// bad values, dangling references and everything bcp.Check finds. Each
// finding has a severity, a stable code, the file, line and column (1-based;
// columns in UTF-16 code units), the JSON path inside the plan, the message
// and the clause it rests on. Findings of one code at many places of one kind
// (the 38 systems of nakano) are one finding naming them all.
//
// Usage:
//
//	go run ./examples/check [-format text|json|sarif] [-lang en|ja] [-strict] [-as NEWID] FILE
//	go run ./examples/check [flags] -reference ID
//
// -format text prints "FILE:LINE:COL: severity code path: message (clause)",
// the form editors and CI logs link to a line; json prints the findings as
// an object; sarif prints a SARIF 2.1.0 log for code scanning. -lang ja
// prints each message in Japanese, with the Japanese label of each code and
// severity (json carries both messages whatever the language). -as moves
// the plan to the plan ID NEWID before checking it (its ID and its own
// citations, bcp.Plan.WithID).
//
// The exit status is 0 when the plan has no error-level finding (and, under
// -strict, no warning), 1 when it has one, and 2 only for bad flags or a file
// that cannot be read: a file that is not a plan (not UTF-8, not JSON, not the
// format) is reported as findings and exits 1.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
	"github.com/jukiplan/jukiplan/examples/internal/sarif"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage: check [-format text|json|sarif] [-lang en|ja] [-strict] [-as NEWID] FILE
       check [flags] -reference ID

Lints a plan JSON file (or a reference plan) and prints its findings, each
with its file, line and column, code, JSON path, message and clause.
Exit status: 0 no errors, 1 the plan has errors (or warnings under -strict),
2 bad usage or an unreadable file.

  -format FORMAT    text, json or sarif (SARIF 2.1.0) (default text)
  -lang LANG        en or ja: the language of the messages and labels (default en)
  -strict           exit 1 on warnings too
  -reference ID     check a reference plan (ino, kumamoto, kumiyama, nakano, tottori) instead of a file
  -as NEWID         move the plan to the plan ID NEWID first: its ID and its own citations
`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	lang := fs.String("lang", "en", "")
	strict := fs.Bool("strict", false, "")
	ref := fs.String("reference", "", "")
	as := fs.String("as", "", "")
	pos, err := cli.ParseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		return fail(stderr, err)
	}
	if *format != "text" && *format != "json" && *format != "sarif" {
		return fail(stderr, fmt.Errorf("-format %q: want text, json or sarif", *format))
	}
	if *lang != "en" && *lang != "ja" {
		return fail(stderr, fmt.Errorf("-lang %q: want en or ja", *lang))
	}
	var data []byte
	var file string
	switch {
	case *ref != "" && len(pos) > 0:
		return fail(stderr, errors.New("give either -reference ID or a FILE, not both"))
	case *ref != "":
		b, ok := reference.File(*ref)
		if !ok {
			return fail(stderr, fmt.Errorf("-reference %q: not a reference plan (ino, kumamoto, kumiyama, nakano, tottori)", *ref))
		}
		data, file = b, "bcp/reference/"+*ref+".json"
	case len(pos) == 1:
		b, err := os.ReadFile(pos[0])
		if err != nil {
			return fail(stderr, fmt.Errorf("read plan: %w", err))
		}
		data, file = b, pos[0]
	case len(pos) == 0:
		return fail(stderr, errors.New("missing plan FILE (or -reference ID)"))
	default:
		return fail(stderr, fmt.Errorf("unexpected argument %q", pos[1]))
	}
	plan, findings, err := bcp.Lint(data, bcp.LintOptions{As: *as})
	if err != nil {
		return fail(stderr, fmt.Errorf("-as %q: want a plan ID of lower-case letters, digits, '-' and '_'", *as))
	}
	id := plan.ID
	if *as != "" {
		id = *as
	}
	errs, warns := 0, 0
	for _, f := range findings {
		switch f.Severity {
		case bcp.SeverityError:
			errs++
		case bcp.SeverityWarning:
			warns++
		}
	}
	var out []byte
	switch *format {
	case "json":
		out, err = json.MarshalIndent(struct {
			File     string        `json:"file"`
			Plan     string        `json:"plan"`
			Errors   int           `json:"errors"`
			Warnings int           `json:"warnings"`
			Findings []bcp.Finding `json:"findings"`
		}{file, id, errs, warns, append([]bcp.Finding{}, findings...)}, "", "  ")
		out = append(out, '\n')
	case "sarif":
		out, err = sarif.Marshal(sarif.New(uri(file), findings, *lang))
	default:
		var b strings.Builder
		for _, f := range findings {
			b.WriteString(text(file, f, *lang))
			b.WriteByte('\n')
		}
		name := id
		if name == "" {
			name = file
		}
		fmt.Fprintf(&b, "%s: %d findings, %d errors, %d warnings\n", name, len(findings), errs, warns)
		out = []byte(b.String())
	}
	if err != nil {
		fmt.Fprintln(stderr, "check: "+cli.OneLine(err))
		return 2
	}
	stdout.Write(out)
	if errs > 0 || *strict && warns > 0 {
		return 1
	}
	return 0
}

// text renders a finding on one line: "FILE:LINE:COL: " and the finding,
// with the Japanese labels of its severity and code and its Japanese
// message under -lang ja.
func text(file string, f bcp.Finding, lang string) string {
	if lang == "ja" && f.MessageJA != "" {
		f.Message = f.MessageJA
	}
	s := f.String()
	if lang == "ja" {
		s = f.Severity.Label() + " " + f.Code.String() + "（" + f.Code.Label() + "） " + strings.TrimPrefix(s, f.Severity.String()+" "+f.Code.String()+" ")
	}
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", file, f.Line, f.Column, s)
	}
	return file + ": " + s
}

// uri turns a file name into a relative URI reference: '/' separators.
func uri(file string) string { return strings.ReplaceAll(file, "\\", "/") }

func fail(stderr io.Writer, err error) int { return cli.Fail(stderr, "check", err) }
