package cli

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/reference"
)

// The one argument convention of the example programs: wherever a program
// takes a plan or a scenario it takes a reference ID or a file (a name with
// a slash, backslash or dot); every program has -lang and -format; -h lists
// every choice; an unknown -format lists the formats and exits 2.

// Formats is what -format accepts: a fixed list of names.
type Formats []string

// Check returns an error listing the formats when f is not one of them.
func (fs Formats) Check(f string) error {
	if slices.Contains(fs, f) {
		return nil
	}
	return fmt.Errorf("-format %q: want one of %s", f, strings.Join(fs, ", "))
}

// LangFlag defines -lang on fs and returns what reads it after parsing:
// the language, and whether -lang was given (an HTML report is Japanese
// unless -lang says otherwise).
func LangFlag(fs *flag.FlagSet) func() (bcp.Lang, bool, error) {
	s := fs.String("lang", "en", "")
	return func() (bcp.Lang, bool, error) {
		set := false
		fs.Visit(func(f *flag.Flag) { set = set || f.Name == "lang" })
		l, err := bcp.ParseLang(*s)
		if err != nil {
			return 0, set, fmt.Errorf("-lang %q: want en or ja", *s)
		}
		return l, set, nil
	}
}

// ReportLang is the language of a report in format: Japanese for html
// unless -lang was given, else l.
func ReportLang(format string, l bcp.Lang, set bool) bcp.Lang {
	if format == "html" && !set {
		return bcp.Japanese
	}
	return l
}

// drills are the built-in drill each reference plan runs without -scenario.
var drills = map[string]string{
	"ino":      "ino-long-server-stop",
	"kumamoto": "kumamoto-form-theft",
	"kumiyama": "kumiyama-lost-card",
	"nakano":   "nakano-iaas-outage",
	"tottori":  "tottori-l3-firewall",
}

// LoadScenario reads the scenario arg in the words of plan (it names the
// plan's symptoms and triggers by the IDs of its vocabulary): a built-in
// scenario ID or a scenario file; builtin's drill (the reference plan the
// plan was loaded as) when arg is empty. A scenario that names a term plan
// does not declare is an error, never another plan's value.
func LoadScenario(plan bcp.Plan, arg, builtin string) (drill.Scenario, error) {
	if arg == "" {
		id, ok := drills[builtin]
		if !ok {
			return drill.Scenario{}, fmt.Errorf("plan %q has no built-in drill: give -scenario ID|FILE", builtin)
		}
		return builtinScenario(plan, id)
	}
	if !strings.ContainsAny(arg, "/\\.") {
		if _, err := drill.ScenarioByID(arg); err != nil {
			return drill.Scenario{}, fmt.Errorf("-scenario %q: not a built-in scenario (%s) nor a file", arg, strings.Join(drill.ScenarioIDs(), ", "))
		}
		return builtinScenario(plan, arg)
	}
	data, err := os.ReadFile(arg)
	if err != nil {
		return drill.Scenario{}, fmt.Errorf("read scenario: %w", err)
	}
	s, err := drill.ParseScenario(plan, data)
	if err != nil {
		return drill.Scenario{}, fmt.Errorf("scenario %s: %w", arg, err)
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

// PlanFile returns the bytes of the plan arg names and the file name to
// report them under: a reference plan's embedded file
// ("bcp/reference/ID.json") or the file arg. label starts the message of an
// arg that is neither.
func PlanFile(arg, label string) ([]byte, string, error) {
	if b, ok := reference.File(arg); ok {
		return b, "bcp/reference/" + arg + ".json", nil
	}
	if !strings.ContainsAny(arg, "/\\.") {
		return nil, "", fmt.Errorf("%s%q: not a reference plan (ino, kumamoto, kumiyama, nakano, tottori) nor a file", label, arg)
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		return nil, "", fmt.Errorf("read plan: %w", err)
	}
	return b, arg, nil
}
