// Command recovery replays an outage of nakano's shared virtual-server
// environment (IaaS) and prints what the continuity plan asks for over its
// days: the channels used to reach each audience while the groupware and mail
// are down, the first report and every scheduled and progress report, and the
// order in which the environment and its 38 hosted systems are recovered,
// each with the clauses it rests on.
//
// With no flags it replays the built-in three-day outage whose recovery time
// is unknown for the first day.
//
// Usage:
//
//	go run ./examples/recovery [-scenario FILE] [-format text|json] [-lang en|ja]
//
// Bad flags, unreadable files and invalid JSON print one line and exit with
// status 2.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage: recovery [-scenario FILE] [-format text|json] [-lang en|ja]

Replays an outage of nakano's IaaS: channels, reports and recovery order.
With no flags: the built-in three-day outage (recovery time unknown on day 1).

  -scenario FILE    outage scenario JSON file (default: nakano-iaas-outage)
  -format FORMAT    text or json (default text)
  -lang LANG        en or ja (default en)
`

// section is one part of the report: the entries of some acts.
type section struct {
	Title, TitleJA string
	Acts           []drill.Act
}

var sections = []section{
	{"Channels", "連絡手段", []drill.Act{drill.ActNotify, drill.ActReport}},
	{"Reports", "定時連絡・進捗連絡", []drill.Act{drill.ActScheduledReport, drill.ActProgressReport}},
	{"Recovery flow", "復旧フロー", []drill.Act{drill.ActFlow, drill.ActConvene}},
	{"Recovery order", "復旧順位", []drill.Act{drill.ActRecover}},
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("recovery", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
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
	if *format != "text" && *format != "json" {
		return fail(stderr, fmt.Errorf("-format %q: want text or json", *format))
	}
	nakano := bcp.Nakano()
	s, err := drill.ScenarioByID("nakano-iaas-outage")
	if *scenarioFile != "" {
		data, rerr := os.ReadFile(*scenarioFile)
		if rerr != nil {
			return fail(stderr, fmt.Errorf("read scenario: %w", rerr))
		}
		s, err = drill.ParseScenario(nakano, data) // in nakano's words
		if err != nil {
			return fail(stderr, fmt.Errorf("scenario %s: %w", *scenarioFile, err))
		}
	}
	if err != nil {
		return fail(stderr, err)
	}
	tl, err := drill.Run(nakano, s)
	if err != nil {
		fmt.Fprintln(stderr, "recovery: "+cli.OneLine(err))
		return 1
	}
	if *format == "json" {
		out := map[string]json.RawMessage{}
		for _, sec := range sections {
			part := drill.Timeline{Plan: tl.Plan, Vocabulary: tl.Vocabulary}
			for _, i := range pick(tl, sec.Acts) {
				part.Entries = append(part.Entries, tl.Entries[i])
			}
			es, err := entriesJSON(part)
			if err != nil {
				fmt.Fprintln(stderr, "recovery: "+cli.OneLine(err))
				return 1
			}
			out[jsonKey(sec.Title)] = es
		}
		b, err := json.MarshalIndent(struct {
			Scenario   string                     `json:"scenario"`
			Provenance bcp.Provenance             `json:"provenance"`
			Sections   map[string]json.RawMessage `json:"sections"`
		}{tl.Scenario, tl.Provenance, out}, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "recovery: "+cli.OneLine(err))
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	first, last := s.Events[0].At, s.Events[len(s.Events)-1].At
	jst := first.Location()
	if len(tl.Entries) > 0 {
		jst = tl.Entries[0].At.Location()
	}
	if lang == bcp.Japanese {
		fmt.Fprintf(stdout, "# %s: %s ～ %s（計画 %s）\n", s.Title, first.In(jst).Format("2006-01-02 15:04"), last.In(jst).Format("2006-01-02 15:04"), tl.Provenance)
	} else {
		fmt.Fprintf(stdout, "# %s: %s to %s (plan %s)\n", s.ID, first.In(jst).Format("2006-01-02 15:04"), last.In(jst).Format("2006-01-02 15:04"), tl.Provenance)
	}
	for _, sec := range sections {
		title := sec.Title
		if lang == bcp.Japanese {
			title = sec.TitleJA
		}
		fmt.Fprintf(stdout, "\n## %s\n", title)
		for _, i := range pick(tl, sec.Acts) {
			fmt.Fprintln(stdout, render.Line(tl, i, lang))
		}
	}
	return 0
}

// entriesJSON returns the entries of t as its JSON writes them: actors and
// channels by the plan's term IDs, so that the plan's own values read as
// its words rather than by number.
func entriesJSON(t drill.Timeline) (json.RawMessage, error) {
	b, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	var x struct {
		Entries json.RawMessage `json:"entries"`
	}
	if err := json.Unmarshal(b, &x); err != nil {
		return nil, err
	}
	return x.Entries, nil
}

// pick returns the entries of the given acts, in timeline order.
// pick returns the indexes of the entries of tl that do one of acts.
func pick(tl drill.Timeline, acts []drill.Act) []int {
	out := []int{}
	for i, e := range tl.Entries {
		for _, a := range acts {
			if e.Act == a && (a != drill.ActConvene || e.Actor != council.Actor{}) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

func fail(stderr io.Writer, err error) int { return cli.Fail(stderr, "recovery", err) }

// jsonKey turns a section title into a JSON key in the library's style,
// lowerCamelCase: "Recovery order" → "recoveryOrder".
func jsonKey(title string) string {
	words := strings.Fields(strings.ToLower(title))
	for i := 1; i < len(words); i++ {
		r, n := utf8.DecodeRuneInString(words[i])
		words[i] = string(unicode.ToUpper(r)) + words[i][n:]
	}
	return strings.Join(words, "")
}
