// Command drill runs an emergency drill on a plan and prints its timeline:
// every action the plan requires, in time order, with who tells whom by which
// channel, the threat level or its provisional range, the council and its
// agenda, reports, recovery and recurrence prevention, each with the clauses
// it rests on.
//
// With no flags it runs tottori's level-3 drill (unauthorized access that
// passed the firewall) on tottori's reference plan.
//
// Usage:
//
//	go run ./examples/drill [-plan ID|FILE] [-as NEWID] [-scenario ID|FILE] [-format text|json|csv|html|mermaid|escalation] [-lang en|ja]
//
// -plan names a reference plan (ino, kumamoto, kumiyama, nakano, tottori)
// or a plan JSON file; -as moves it to the plan ID NEWID first (its ID and
// its own citations, bcp.Plan.WithID). -scenario names a built-in scenario (e.g.
// tottori-l2-antivirus) or a scenario JSON file; without it the plan's
// built-in drill runs. -format mermaid prints the timeline as a Mermaid
// sequence diagram, -format escalation the plan's escalation flow as a Mermaid
// flowchart, -format csv one row per entry (UTF-8 with a BOM, CRLF) for
// Excel, -format html one self-contained HTML report (the timeline, the
// sequence diagram and the escalation flow as SVG; Japanese unless -lang
// is given). Bad flags, unreadable files and invalid JSON print one line and
// exit with status 2; a scenario the plan cannot run exits with status 1.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// formats are what -format accepts.
var formats = cli.Formats{"text", "json", "csv", "html", "mermaid", "escalation"}

const usage = `usage: drill [-plan ID|FILE] [-as NEWID] [-scenario ID|FILE] [-format text|json|csv|html|mermaid|escalation] [-lang en|ja]

Runs a drill on a plan and prints the timeline of what the plan requires.
With no flags: tottori's level-3 drill on tottori's reference plan.

  -plan ID|FILE     reference plan (ino, kumamoto, kumiyama, nakano, tottori) or a plan JSON file (default tottori)
  -as NEWID         move the plan to the plan ID NEWID first: its ID and its own citations
  -scenario ID|FILE built-in scenario (ino-long-server-stop, kumamoto-form-theft,
                    kumamoto-terminal-no-power, kumiyama-lost-card, nakano-iaas-outage,
                    tottori-l2-antivirus, tottori-l3-firewall) or a scenario JSON file
                    (default: the plan's built-in drill)
  -format FORMAT    text, json, csv (one row per entry, for Excel), html (a
                    self-contained report with the timeline, the sequence diagram and
                    the escalation flow drawn as SVG; Japanese unless -lang en),
                    mermaid (the timeline as a sequence diagram)
                    or escalation (the plan's escalation flow) (default text)
  -lang LANG        en or ja (default en)
`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("drill", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	planArg := fs.String("plan", "tottori", "")
	as := cli.AsFlag(fs)
	scenarioFile := fs.String("scenario", "", "")
	format := fs.String("format", "text", "")
	langOf := cli.LangFlag(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		return fail(stderr, err)
	}
	if fs.NArg() > 0 {
		return fail(stderr, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	lang, langSet, err := langOf()
	if err != nil {
		return fail(stderr, err)
	}
	if err := formats.Check(*format); err != nil {
		return fail(stderr, err)
	}
	lang = cli.ReportLang(*format, lang, langSet)
	plan, err := cli.LoadPlan(*planArg, "-plan ")
	if err != nil {
		return fail(stderr, err)
	}
	builtin := plan.ID // the plan whose built-in drill runs without -scenario
	if plan, err = as(plan); err != nil {
		return fail(stderr, err)
	}
	if *format == "escalation" {
		fmt.Fprint(stdout, render.EscalationFlow(plan, lang))
		return 0
	}
	scenario, err := cli.LoadScenario(plan, *scenarioFile, builtin)
	if err != nil {
		return fail(stderr, err)
	}
	tl, err := drill.Run(plan, scenario)
	if err != nil {
		fmt.Fprintln(stderr, "drill: "+cli.OneLine(err))
		return 1
	}
	switch *format {
	case "json":
		b, err := json.MarshalIndent(tl, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "drill: "+cli.OneLine(err))
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", b)
	case "csv":
		stdout.Write(render.TimelineCSV(tl, lang))
	case "html":
		b, err := render.HTML(render.Report{Lang: lang, Timeline: &tl, Escalation: render.EscalationFlowchart(plan, lang)})
		if err != nil {
			fmt.Fprintln(stderr, "drill: "+cli.OneLine(err))
			return 1
		}
		stdout.Write(b)
	case "mermaid":
		fmt.Fprint(stdout, render.Mermaid(tl, lang))
	default:
		fmt.Fprint(stdout, render.Text(tl, lang))
	}
	return 0
}

func fail(stderr io.Writer, err error) int { return cli.Fail(stderr, "drill", err) }
