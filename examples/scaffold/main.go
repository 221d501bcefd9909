// Command scaffold writes the first plan file of a municipality whose plan
// follows a reference plan (its document says it is based on the model, or
// grades threats 準じて): a plan file based on the model ("basedOn": the
// model's ID and version) with the municipality's own ID, version and title.
//
// Usage:
//
//	go run ./examples/scaffold -id NEWID -title TITLE [-from ID] [-version V] [-source TEXT] [-own PARTS] [-o FILE]
//
// The parts named in -own (default organization,vocabulary) are written as
// the municipality's own: copied from the model and moved to the new plan ID
// (bcp.Plan.WithID), so that their citations name the new plan's clauses
// (tottori:第2-4(1) becomes yazu:第2-4(1)), and the file gets a clause index,
// a copy of the model's, to edit into the document's own numbers and
// headings. Every other part is left out of the file: the plan inherits it
// from the model, whose clauses it keeps citing (what a document that follows
// its model says). The vocabulary is always written, so that the file shows
// the words to replace with the document's own; a term keeps its ID and
// function, and with vocabulary not in -own its citations stay the model's.
//
// The file written loads with bcp.ParsePlan and checks with no error
// (go run ./examples/check FILE). Bad flags print one line and exit 2.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/reference"
	"github.com/jukiplan/jukiplan/examples/internal/cli"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = `usage: scaffold -id NEWID -title TITLE [-from ID] [-version V] [-source TEXT] [-own PARTS] [-o FILE]

Writes a plan file for a municipality whose plan follows a reference plan:
based on the model (its ID and version), with its own ID, version and title.
The parts in -own are the municipality's own, moved to its plan ID with a
copy of the model's clause index to edit; every other part is inherited
from the model and keeps citing the model's clauses.

  -id NEWID       the new plan's ID: lower-case letters, digits, - and _ (required)
  -title TITLE    the new plan's title as its document writes it (required)
  -from ID        the model: ino, kumamoto, kumiyama, nakano or tottori (default tottori)
  -version V      the new plan's version, e.g. the date of its last revision (default 1)
  -source TEXT    the document the plan encodes: publisher, instrument and date
  -own PARTS      comma-separated parts to write as the plan's own, or none:
                  organization, provisions, duties, fault, threat, measures,
                  continuity, vocabulary (default organization,vocabulary)
  -o FILE         write the plan file to FILE instead of standard output
`

// parts are the top-level parts of a plan file that -own may name.
var parts = []string{"organization", "provisions", "duties", "fault", "threat", "measures", "continuity", "vocabulary"}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scaffold", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	id := fs.String("id", "", "")
	title := fs.String("title", "", "")
	from := fs.String("from", "tottori", "")
	version := fs.String("version", "1", "")
	source := fs.String("source", "", "")
	ownArg := fs.String("own", "organization,vocabulary", "")
	out := fs.String("o", "", "")
	pos, err := cli.ParseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		return fail(stderr, err)
	}
	if len(pos) > 0 {
		return fail(stderr, fmt.Errorf("unexpected argument %q", pos[0]))
	}
	switch {
	case *id == "":
		return fail(stderr, errors.New("-id: missing: the new plan's ID"))
	case *title == "":
		return fail(stderr, errors.New("-title: missing: the new plan's title"))
	case *version == "":
		return fail(stderr, errors.New("-version: empty"))
	}
	var own []string
	if *ownArg != "none" && *ownArg != "" {
		for p := range strings.SplitSeq(*ownArg, ",") {
			if !slices.Contains(parts, p) {
				return fail(stderr, fmt.Errorf("-own %q: want parts among %s, or none", p, strings.Join(parts, ", ")))
			}
			own = append(own, p)
		}
	}
	b, err := scaffold(*from, *id, *title, *version, *source, own)
	if err != nil {
		return fail(stderr, err)
	}
	if *out == "" {
		stdout.Write(b)
		return 0
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return fail(stderr, err)
	}
	return 0
}

// scaffold returns the plan file of plan id, based on reference plan from,
// with the parts own its own.
func scaffold(from, id, title, version, source string, own []string) ([]byte, error) {
	model, err := bcp.Reference(from)
	if err != nil {
		return nil, fmt.Errorf("-from %q: not a reference plan (%s)", from, strings.Join(reference.IDs(), ", "))
	}
	if id == model.ID {
		return nil, fmt.Errorf("-id %q: the model's own ID: a plan based on a model has an ID of its own", id)
	}
	moved, err := model.WithID(id)
	if err != nil {
		return nil, fmt.Errorf("-id: %w", err)
	}
	has := func(part string) bool { return slices.Contains(own, part) }
	p := bcp.Plan{ID: id, Version: version, Title: title, Source: source,
		BasedOn:    &bcp.Model{ID: model.ID, Version: model.Version},
		Vocabulary: model.Vocabulary}
	if has("vocabulary") {
		p.Vocabulary = moved.Vocabulary
	}
	if has("organization") {
		p.Organization = moved.Organization
	}
	if has("provisions") {
		p.Provisions = moved.Provisions
	}
	if has("duties") {
		p.Duties = moved.Duties
	}
	if has("fault") {
		p.Fault = moved.Fault
	}
	if has("threat") {
		p.Threat = moved.Threat
	}
	if has("measures") {
		p.Measures = moved.Measures
	}
	if has("continuity") {
		p.Continuity = moved.Continuity
	}
	if len(own) > 0 {
		p.Clauses = moved.Clauses // the model's numbers and headings, to edit
	}
	// The model's readings and not-stated marks of the parts written as
	// the plan's own go with them (the others come with the parts the plan
	// inherits).
	for _, m := range moved.Readings {
		if has(markPart(m.Path)) {
			p.Readings = append(p.Readings, m)
		}
	}
	for _, m := range moved.NotStated {
		if has(markPart(m.Path)) {
			p.NotStated = append(p.NotStated, m)
		}
	}
	b, err := p.MarshalIndent()
	if err != nil {
		return nil, err
	}
	// What it writes must load as it will for the municipality.
	if _, err := bcp.ParsePlan(b); err != nil {
		return nil, fmt.Errorf("the plan written does not load: %w", err)
	}
	return b, nil
}

// markPart returns the top-level part a mark's path ("$.fault.serious.long")
// is in ("fault").
func markPart(path string) string {
	rest, _ := strings.CutPrefix(path, "$.")
	part, _, _ := strings.Cut(rest, ".")
	part, _, _ = strings.Cut(part, "[")
	return part
}

func fail(stderr io.Writer, err error) int { return cli.Fail(stderr, "scaffold", err) }
