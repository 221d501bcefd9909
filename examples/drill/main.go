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
//	go run ./examples/drill [-plan ID|FILE] [-as NEWID] [-scenario ID|FILE] [-format text|json|mermaid|escalation] [-lang en|ja]
//
// -plan names a reference plan (ino, kumamoto, kumiyama, nakano, tottori)
// or a plan JSON file; -as moves it to the plan ID NEWID first (its ID and
// its own citations, bcp.Plan.WithID). -scenario names a built-in scenario (e.g.
// tottori-l2-antivirus) or a scenario JSON file; without it the plan's
// built-in drill runs. -format mermaid prints the timeline as a Mermaid
// sequence diagram, -format escalation the plan's escalation flow as a Mermaid
// flowchart. Bad flags, unreadable files and invalid JSON print one line and
// exit with status 2; a scenario the plan cannot run exits with status 1.
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
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// defaults are the built-in drill each reference plan runs without -scenario.
var defaults = map[string]string{
	"ino":      "ino-long-server-stop",
	"kumamoto": "kumamoto-form-theft",
	"kumiyama": "kumiyama-lost-card",
	"nakano":   "nakano-iaas-outage",
	"tottori":  "tottori-l3-firewall",
}

const usage = `usage: drill [-plan ID|FILE] [-as NEWID] [-scenario ID|FILE] [-format text|json|mermaid|escalation] [-lang en|ja]

Runs a drill on a plan and prints the timeline of what the plan requires.
With no flags: tottori's level-3 drill on tottori's reference plan.

  -plan ID|FILE     reference plan (ino, kumamoto, kumiyama, nakano, tottori) or a plan JSON file (default tottori)
  -as NEWID         move the plan to the plan ID NEWID first: its ID and its own citations
  -scenario ID|FILE built-in scenario (ino-long-server-stop, kumamoto-form-theft,
                    kumamoto-terminal-no-power, kumiyama-lost-card, nakano-iaas-outage,
                    tottori-l2-antivirus, tottori-l3-firewall) or a scenario JSON file
                    (default: the plan's built-in drill)
  -format FORMAT    text, json, mermaid (the timeline as a sequence diagram)
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
	langArg := fs.String("lang", "en", "")
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
	lang, err := bcp.ParseLang(*langArg)
	if err != nil {
		return fail(stderr, fmt.Errorf("-lang %q: want en or ja", *langArg))
	}
	switch *format {
	case "text", "json", "mermaid", "escalation":
	default:
		return fail(stderr, fmt.Errorf("-format %q: want text, json, mermaid or escalation", *format))
	}
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
	scenario, err := loadScenario(plan, *scenarioFile, builtin)
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
	case "mermaid":
		fmt.Fprint(stdout, render.Mermaid(tl, lang))
	default:
		fmt.Fprint(stdout, render.Text(tl, lang))
	}
	return 0
}

// loadScenario reads the scenario file in the words of plan (it names the
// plan's symptoms and triggers by the IDs of its vocabulary), or a built-in
// scenario, through plan too: builtin's drill when file is empty. A
// scenario that names a term plan does not declare is an error, never
// another plan's value.
func loadScenario(plan bcp.Plan, file, builtin string) (drill.Scenario, error) {
	if file == "" {
		id, ok := defaults[builtin]
		if !ok {
			return drill.Scenario{}, fmt.Errorf("plan %q has no built-in drill: give -scenario FILE", builtin)
		}
		return builtinScenario(plan, id)
	}
	if !strings.ContainsAny(file, "/\\.") {
		if _, err := drill.ScenarioByID(file); err != nil {
			return drill.Scenario{}, fmt.Errorf("-scenario %q: not a built-in scenario (%s) nor a file", file, strings.Join(drill.ScenarioIDs(), ", "))
		}
		return builtinScenario(plan, file)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return drill.Scenario{}, fmt.Errorf("read scenario: %w", err)
	}
	s, err := drill.ParseScenario(plan, data)
	if err != nil {
		return drill.Scenario{}, fmt.Errorf("scenario %s: %w", file, err)
	}
	return s, nil
}

// builtinScenario parses the embedded built-in scenario id through plan.
func builtinScenario(plan bcp.Plan, id string) (drill.Scenario, error) {
	data, _ := reference.Scenario(id)
	s, err := drill.ParseScenario(plan, data)
	if err != nil {
		return drill.Scenario{}, fmt.Errorf("built-in scenario %s under plan %s: %w", id, plan.ID, err)
	}
	return s, nil
}

func fail(stderr io.Writer, err error) int { return cli.Fail(stderr, "drill", err) }
