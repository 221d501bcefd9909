// Command compare puts two plans side by side: where their threat levels,
// level examples, thresholds, roles, appointments, chairs, convening rules,
// agendas, investigation steps, systems and contact networks differ, with each plan's own
// clauses. The plans are never merged: each column is one plan's.
//
// With no arguments it compares tottori's and kumamoto's reference plans.
//
// Usage:
//
//	go run ./examples/compare [-aspect LIST] [-format text|json|csv|html] [-lang en|ja] [A B]
//
// A and B are reference plan IDs (ino, kumamoto, kumiyama, nakano, tottori)
// or plan JSON files. -aspect keeps only the listed aspects, e.g.
// "-aspect level" for the threat levels or "-aspect level,example,convening".
// Text output is a Markdown table per aspect (headed in Japanese under
// -lang ja), csv one row per difference for Excel, html a self-contained
// report (Japanese unless -lang is given). Bad flags, unreadable files and
// invalid JSON print one line and exit with status 2.
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
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// formats are what -format accepts.
var formats = cli.Formats{"text", "json", "csv", "html"}

const usage = `usage: compare [-aspect LIST] [-format text|json|csv|html] [-lang en|ja] [A B]

Compares two plans side by side (default: tottori and kumamoto).
A and B are reference plan IDs (ino, kumamoto, kumiyama, nakano, tottori) or plan JSON files.

  -aspect LIST      comma-separated aspects to keep (default all): %s
  -format FORMAT    text (a Markdown table per aspect), json, csv (one row per
                    difference, for Excel) or html (a self-contained report; Japanese
                    unless -lang en) (default text)
  -lang LANG        en or ja: the language of headings and labels (default en)
`

// aspectNames lists every aspect, for -h.
func aspectNames() string {
	var names []string
	for _, a := range bcp.AllAspects() {
		names = append(names, a.String())
	}
	return strings.Join(names, ", ")
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	aspectArg := fs.String("aspect", "", "")
	format := fs.String("format", "text", "")
	langOf := cli.LangFlag(fs)
	pos, err := cli.ParseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, usage, aspectNames())
			return 0
		}
		return fail(stderr, err)
	}
	if err := formats.Check(*format); err != nil {
		return fail(stderr, err)
	}
	lang, langSet, err := langOf()
	if err != nil {
		return fail(stderr, err)
	}
	lang = cli.ReportLang(*format, lang, langSet)
	var aspects []bcp.Aspect
	if *aspectArg != "" {
		for _, name := range strings.Split(*aspectArg, ",") {
			a, err := bcp.ParseAspect(strings.TrimSpace(name))
			if err != nil {
				return fail(stderr, fmt.Errorf("-aspect %q: unknown aspect; want %s", name, aspectNames()))
			}
			aspects = append(aspects, a)
		}
	} else {
		aspects = bcp.AllAspects()
	}
	names := []string{"tottori", "kumamoto"}
	switch len(pos) {
	case 0:
	case 2:
		names = pos
	default:
		return fail(stderr, fmt.Errorf("want two plans or none, have %d arguments", len(pos)))
	}
	var plans [2]bcp.Plan
	for i, n := range names {
		p, err := cli.LoadPlan(n, "")
		if err != nil {
			return fail(stderr, err)
		}
		plans[i] = p
	}
	d := bcp.DiffPlans(plans[0], plans[1])
	provA, provB := provenance(plans[0]), provenance(plans[1])
	var picked []bcp.Difference
	for _, a := range aspects {
		picked = append(picked, d.Of(a)...)
	}
	switch *format {
	case "csv":
		stdout.Write(render.DiffCSV(d, picked, lang))
		return 0
	case "html":
		b, err := render.HTML(render.Report{Lang: lang, Diff: &d, Differences: picked,
			Title: pick(lang, "Comparison: ", "比較: ") + provA.String() + " / " + provB.String()})
		if err != nil {
			fmt.Fprintln(stderr, "compare: "+cli.OneLine(err))
			return 1
		}
		stdout.Write(b)
		return 0
	}
	if *format == "json" {
		type out struct {
			A           bcp.Provenance   `json:"a"`
			B           bcp.Provenance   `json:"b"`
			Differences []bcp.Difference `json:"differences"`
		}
		o := out{A: provA, B: provB, Differences: []bcp.Difference{}}
		for _, a := range aspects {
			o.Differences = append(o.Differences, d.Of(a)...)
		}
		b, err := json.MarshalIndent(o, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "compare: "+cli.OneLine(err))
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	fmt.Fprintf(stdout, "# %s vs %s\n", provA, provB)
	n := 0
	for _, a := range aspects {
		ds := d.Of(a)
		if len(ds) == 0 {
			continue
		}
		n += len(ds)
		if lang == bcp.Japanese {
			fmt.Fprintf(stdout, "\n## %s（%s）\n\n", a.Label(), a)
		} else {
			fmt.Fprintf(stdout, "\n## %s (%s)\n\n", a, a.Label())
		}
		fmt.Fprintf(stdout, "| %s | %s | %s |\n|---|---|---|\n", cell(a.String()), cell(plans[0].ID), cell(plans[1].ID))
		for _, x := range ds {
			key := x.Key
			if x.LabelA != "" || x.LabelB != "" {
				// A position, party or body: each plan's own word for it.
				key += " (" + dash(x.LabelA) + " / " + dash(x.LabelB) + ")"
			}
			fmt.Fprintf(stdout, "| %s | %s | %s |\n", cell(key), side(x.Side(false, lang), x.CitesA.String()), side(x.Side(true, lang), x.CitesB.String()))
		}
	}
	if n == 0 {
		fmt.Fprintln(stdout, "\n"+pick(lang, "no differences", "相違なし"))
	}
	return 0
}

func pick(l bcp.Lang, en, ja string) string {
	if l == bcp.Japanese {
		return ja
	}
	return en
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// side renders one plan's value and its clauses for a table cell; "—" where
// the plan has nothing.
func side(v, cites string) string {
	if v == "" {
		v = "—"
	}
	if cites != "" {
		v += " [" + cites + "]"
	}
	return cell(v)
}

// cell escapes a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func provenance(p bcp.Plan) bcp.Provenance {
	if pr, err := p.Provenance(); err == nil {
		return pr
	}
	return bcp.Provenance{Plan: p.ID, Version: p.Version}
}

func fail(stderr io.Writer, err error) int { return cli.Fail(stderr, "compare", err) }
