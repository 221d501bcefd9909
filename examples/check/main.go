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
//	go run ./examples/check [-format text|json|sarif|csv|html] [-lang en|ja] [-strict] [-as NEWID] [-model FILE]... ID|FILE
//	go run ./examples/check [flags] -reference ID
//
// The plan is a reference plan ID (ino, kumamoto, kumiyama, nakano,
// tottori: its embedded file is checked) or a plan file, as in every
// example program; -reference ID says the same for a reference plan.
// -format text prints "FILE:LINE:COL: severity code path: message (clause)",
// the form editors and CI logs link to a line; json prints the findings as
// an object; sarif prints a SARIF 2.1.0 log for code scanning; csv one row
// per finding (UTF-8 with a BOM, CRLF) for Excel; html a self-contained
// report, Japanese unless -lang is given. -lang ja
// prints each message in Japanese, with the Japanese label of each code and
// severity (json carries both messages whatever the language). -as moves
// the plan to the plan ID NEWID before checking it (its ID and its own
// citations, bcp.Plan.WithID). A plan file based on a model plan
// ("basedOn") is read with its model: a reference plan, or a plan file given
// with -model (once per model; its "id" names it).
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
	"strconv"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/bcp/render/sarif"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// formats are what -format accepts.
var formats = cli.Formats{"text", "json", "sarif", "csv", "html"}

const usage = `usage: check [-format text|json|sarif|csv|html] [-lang en|ja] [-strict] [-as NEWID] [-model FILE]... ID|FILE
       check [flags] -reference ID

Lints a plan JSON file (or a reference plan, by its ID) and prints its findings, each
with its file, line and column, code, JSON path, message and clause.
Exit status: 0 no errors, 1 the plan has errors (or warnings under -strict),
2 bad usage or an unreadable file.

  -format FORMAT    text, json, sarif (SARIF 2.1.0), csv (one row per finding,
                    for Excel) or html (a self-contained report; Japanese unless
                    -lang en) (default text)
  -lang LANG        en or ja: the language of the messages and labels (default en)
  -strict           exit 1 on warnings too
  -reference ID     check a reference plan (ino, kumamoto, kumiyama, nakano, tottori) instead of a file
  -as NEWID         move the plan to the plan ID NEWID first: its ID and its own citations
  -model FILE       the plan file of a model plan the plan is based on ("basedOn"), if it is
                    not a reference plan; may be given more than once
`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	langOf := cli.LangFlag(fs)
	strict := fs.Bool("strict", false, "")
	ref := fs.String("reference", "", "")
	as := fs.String("as", "", "")
	models := map[string][]byte{}
	fs.Func("model", "", func(file string) error {
		b, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("read model: %w", err)
		}
		var head struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(b, &head); err != nil || head.ID == "" {
			return fmt.Errorf("%s: not a plan file with an \"id\"", file)
		}
		models[head.ID] = b
		return nil
	})
	pos, err := cli.ParseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		return fail(stderr, err)
	}
	if err := formats.Check(*format); err != nil {
		return fail(stderr, err)
	}
	l, langSet, err := langOf()
	if err != nil {
		return fail(stderr, err)
	}
	l = cli.ReportLang(*format, l, langSet)
	lang := l.String()
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
		if data, file, err = cli.PlanFile(pos[0], ""); err != nil {
			return fail(stderr, err)
		}
	case len(pos) == 0:
		return fail(stderr, errors.New("missing plan ID|FILE (or -reference ID)"))
	default:
		return fail(stderr, fmt.Errorf("unexpected argument %q", pos[1]))
	}
	plan, findings, err := bcp.Lint(data, bcp.LintOptions{As: *as, Models: models})
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
		out, err = sarif.Marshal(sarif.New(uri(file), findings, lang))
	case "csv":
		out = render.FindingsCSV(file, findings, l)
	case "html":
		out, err = render.HTML(render.Report{Lang: l, Check: &render.CheckResult{File: file, Plan: id, Findings: findings}})
	default:
		var b strings.Builder
		for _, f := range findings {
			b.WriteString(text(file, f, lang))
			b.WriteByte('\n')
		}
		name := id
		if name == "" {
			name = file
		}
		if lang == "ja" {
			fmt.Fprintf(&b, "%s: 指摘 %d 件（誤り %d 件、警告 %d 件）\n", name, len(findings), errs, warns)
		} else {
			fmt.Fprintf(&b, "%s: %s, %s, %s\n", name, count(len(findings), "finding"), count(errs, "error"), count(warns, "warning"))
		}
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

// count says how many of a thing there are, the noun agreeing: "1 error",
// "2 warnings", "0 findings".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
