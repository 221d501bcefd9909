// Command check reads a plan JSON file and prints what bcp.Check finds in it,
// one finding a line, most severe first: the severity, a stable code, the
// path inside the plan, the message and the clause it rests on.
//
// Usage:
//
//	go run ./examples/check [-format text|json] [-as NEWID] FILE
//	go run ./examples/check -reference ID
//
// -as moves the plan to the plan ID NEWID before checking it (its ID and its
// own citations, bcp.Plan.WithID).
//
// The exit status is 0 when the plan has no error-level finding, 1 when it
// has one, and 2 for bad flags, an unreadable file or a file that is not a
// valid plan (the one-line error names the problem and its JSON path).
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage: check [-format text|json] [-as NEWID] FILE
       check [-format text|json] [-as NEWID] -reference ID

Checks a plan JSON file (or a reference plan) and prints its findings.
Exit status: 0 no errors, 1 the plan has errors, 2 bad usage or input.

  -format FORMAT    text or json (default text)
  -reference ID     check a reference plan (ino, kumamoto, kumiyama, nakano, tottori) instead of a file
  -as NEWID         move the plan to the plan ID NEWID first: its ID and its own citations
`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	ref := fs.String("reference", "", "")
	as := cli.AsFlag(fs)
	pos, err := cli.ParseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		return fail(stderr, err)
	}
	if *format != "text" && *format != "json" {
		return fail(stderr, fmt.Errorf("-format %q: want text or json", *format))
	}
	var plan bcp.Plan
	switch {
	case *ref != "" && len(pos) > 0:
		return fail(stderr, errors.New("give either -reference ID or a FILE, not both"))
	case *ref != "":
		p, err := bcp.Reference(*ref)
		if err != nil {
			return fail(stderr, fmt.Errorf("-reference %q: not a reference plan (ino, kumamoto, kumiyama, nakano, tottori)", *ref))
		}
		plan = p
	case len(pos) == 1:
		data, err := os.ReadFile(pos[0])
		if err != nil {
			return fail(stderr, fmt.Errorf("read plan: %w", err))
		}
		p, err := bcp.ParsePlan(data)
		if err != nil {
			return fail(stderr, fmt.Errorf("plan %s: %w", pos[0], err))
		}
		plan = p
	case len(pos) == 0:
		return fail(stderr, errors.New("missing plan FILE (or -reference ID)"))
	default:
		return fail(stderr, fmt.Errorf("unexpected argument %q", pos[1]))
	}
	if plan, err = as(plan); err != nil {
		return fail(stderr, err)
	}
	findings := bcp.Check(plan)
	errs := 0
	for _, f := range findings {
		if f.Severity == bcp.Error {
			errs++
		}
	}
	if *format == "json" {
		b, err := json.MarshalIndent(struct {
			Plan     string        `json:"plan"`
			Errors   int           `json:"errors"`
			Findings []bcp.Finding `json:"findings"`
		}{plan.ID, errs, append([]bcp.Finding{}, findings...)}, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "check: "+cli.OneLine(err))
			return 2
		}
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		for _, f := range findings {
			fmt.Fprintln(stdout, f.String())
		}
		fmt.Fprintf(stdout, "%s: %d findings, %d errors\n", plan.ID, len(findings), errs)
	}
	if errs > 0 {
		return 1
	}
	return 0
}

func fail(stderr io.Writer, err error) int { return cli.Fail(stderr, "check", err) }
