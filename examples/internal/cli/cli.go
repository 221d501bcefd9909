// Package cli holds what the example programs share: loading a plan by
// reference ID or from a file, printing an error on one line with the exit
// status of a usage error, and flags given anywhere among the arguments.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
)

// LoadPlan returns the reference plan named id, or the plan in the file id
// (a name with a slash, backslash or dot). label starts the message of an id
// that is neither, e.g. "-plan " for a flag.
func LoadPlan(id, label string) (bcp.Plan, error) {
	if p, err := bcp.Reference(id); err == nil {
		return p, nil
	}
	if !strings.ContainsAny(id, "/\\.") {
		return bcp.Plan{}, fmt.Errorf("%s%q: not a reference plan (ino, kumamoto, kumiyama, nakano, tottori) nor a file", label, id)
	}
	data, err := os.ReadFile(id)
	if err != nil {
		return bcp.Plan{}, fmt.Errorf("read plan: %w", err)
	}
	p, err := bcp.ParsePlan(data)
	if err != nil {
		return bcp.Plan{}, fmt.Errorf("plan %s: %w", id, err)
	}
	return p, nil
}

// Fail prints err on one line, prefixed with the program's name, and returns
// 2, the exit status of bad flags, unreadable files and invalid input.
func Fail(stderr io.Writer, prog string, err error) int {
	fmt.Fprintln(stderr, prog+": "+OneLine(err))
	return 2
}

// OneLine joins the lines of a joined error with "; ".
func OneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", "; ") }

// ParseArgs parses flags given before, between or after the positional
// arguments, and returns the positional ones in order.
func ParseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
