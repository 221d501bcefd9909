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
//	go run ./examples/recovery [-plan ID|FILE] [-scenario ID|FILE] [-policy POLICY] [-format text|json|csv|html] [-lang en|ja]
//
// -plan names a reference plan or a plan file with a continuity part (its
// inventory of systems); -scenario a built-in outage scenario or a scenario
// file (default: the plan's built-in drill). -policy says how systems whose
// impact scale is unassessed are treated: assume-large (the default, as the
// drill does), assessed-first, or none (refuse them: the order is then
// given only for a fully assessed inventory). When the order rests on a
// policy rather than assessed scales, the output says so at the top.
// -format csv prints the recovery order, one row per system, for Excel;
// -format html a self-contained report (the timeline, its sequence diagram
// and the recovery order with its reasons; Japanese unless -lang is given).
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

const usage = `usage: recovery [-plan ID|FILE] [-scenario ID|FILE] [-policy POLICY] [-format text|json|csv|html] [-lang en|ja]

Replays an outage: channels, reports, recovery flow and recovery order.
With no flags: nakano's IaaS down for three days (recovery time unknown on day 1).

  -plan ID|FILE     reference plan (ino, kumamoto, kumiyama, nakano, tottori) or a plan JSON file
                    with an inventory of systems (default nakano)
  -scenario ID|FILE built-in scenario (e.g. nakano-iaas-outage) or a scenario JSON file
                    (default: the plan's built-in drill)
  -policy POLICY    how systems with an unassessed impact scale are ordered:
                    assume-large (treat them as large), assessed-first (after every
                    assessed system) or none (refuse them) (default assume-large)
  -format FORMAT    text, json, csv (the recovery order, one row per system) or html
                    (a self-contained report: timeline, sequence diagram, recovery order;
                    Japanese unless -lang en) (default text)
  -lang LANG        en or ja (default en)
`

// formats are what -format accepts.
var formats = cli.Formats{"text", "json", "csv", "html"}

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
	planArg := fs.String("plan", "nakano", "")
	scenarioArg := fs.String("scenario", "", "")
	policyArg := fs.String("policy", "assume-large", "")
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
	var policy bcp.UnassessedPolicy
	if *policyArg != "none" {
		if policy, err = bcp.ParseUnassessedPolicy(*policyArg); err != nil {
			return fail(stderr, fmt.Errorf("-policy %q: want assume-large, assessed-first or none", *policyArg))
		}
	}
	plan, err := cli.LoadPlan(*planArg, "-plan ")
	if err != nil {
		return fail(stderr, err)
	}
	if plan.Continuity == nil || plan.Continuity.Inventory == nil {
		return fail(stderr, fmt.Errorf("-plan %s: the plan has no inventory of systems to recover", *planArg))
	}
	s, err := cli.LoadScenario(plan, *scenarioArg, plan.ID)
	if err != nil {
		return fail(stderr, err)
	}
	tl, err := drill.Run(plan, s)
	if err != nil {
		fmt.Fprintln(stderr, "recovery: "+cli.OneLine(err))
		return 1
	}
	inv := plan.Continuity.Inventory
	order, err := bcp.Order(inv.Systems, bcp.OrderOptions{Unassessed: policy, Clauses: plan.Continuity.Order})
	if err != nil {
		fmt.Fprintln(stderr, "recovery: "+cli.OneLine(err))
		return 1
	}
	tl = withOrder(plan, tl, order)
	unassessed := 0
	for _, sys := range inv.Systems {
		if sys.Scale == bcp.Unassessed {
			unassessed++
		}
	}
	var note string
	if unassessed > 0 {
		note = policyNote(lang, policy, unassessed, len(inv.Systems), inv.Citations)
	}
	switch *format {
	case "csv":
		stdout.Write(render.OrderCSV(order, lang))
		return 0
	case "html":
		b, err := render.HTML(render.Report{Lang: lang, Timeline: &tl, Recovery: &render.Recovery{Policy: policy, Note: note, Positions: order}})
		if err != nil {
			fmt.Fprintln(stderr, "recovery: "+cli.OneLine(err))
			return 1
		}
		stdout.Write(b)
		return 0
	case "json":
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
			Policy     bcp.UnassessedPolicy       `json:"policy,omitzero"`
			Unassessed int                        `json:"unassessed"`
			Note       string                     `json:"note,omitempty"`
			Sections   map[string]json.RawMessage `json:"sections"`
		}{tl.Scenario, tl.Provenance, policy, unassessed, note, out}, "", "  ")
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
	if note != "" {
		fmt.Fprintf(stdout, "\n%s\n", note)
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

// policyNote says that the order rests on a policy for n of total systems
// rather than on assessed scales, citing the inventory that leaves them
// unassessed.
func policyNote(l bcp.Lang, p bcp.UnassessedPolicy, n, total int, cites council.Citations) string {
	if l == bcp.Japanese {
		return fmt.Sprintf("注意: %d システム中 %d システムの影響度が未評価です。この復旧順位は評価済みの影響度ではなく、方針「%s」（本ライブラリの拡張）によります（%s）。",
			total, n, p.Label(), cites)
	}
	return fmt.Sprintf("NOTE: %d of the %d systems have no assessed impact scale. This recovery order rests on the policy %s (the library's own extension), not on assessed scales (%s).",
		n, total, p, cites)
}

// withOrder replaces the recovery order of tl, which the drill makes under
// the policy assume-large, by order: the same entries, at the same instant,
// by the same actors as the plan's duties say.
func withOrder(p bcp.Plan, tl drill.Timeline, order []bcp.Position) drill.Timeline {
	at := -1
	var kept []drill.Entry
	for i, e := range tl.Entries {
		if e.Act == drill.ActRecover {
			if at < 0 {
				at = i
			}
			continue
		}
		kept = append(kept, e)
	}
	if at < 0 {
		return tl // not recovered within the scenario
	}
	when := tl.Entries[at].At
	system, _ := p.Duty(bcp.RecoverSystem)
	platform, _ := p.Duty(bcp.RecoverPlatform)
	var rec []drill.Entry
	for i, x := range order {
		by := system.Actor
		if x.Kind == bcp.Platform {
			by = platform.Actor
		}
		cites := x.Citations
		if cites.Len() == 0 {
			cites = p.Continuity.Inventory.Citations // the plan gives no ground: its list of systems
		}
		rec = append(rec, drill.Entry{At: when, Act: drill.ActRecover, Actor: by,
			What: drill.What{About: drill.AboutRecoveryOrder, Position: &order[i]}, Cites: cites})
	}
	out := tl
	out.Entries = append(append(append([]drill.Entry{}, kept[:at]...), rec...), kept[at:]...)
	return out
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
