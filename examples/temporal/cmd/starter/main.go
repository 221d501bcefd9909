// Command starter starts an incident on a Temporal server, signals its
// events and its council meetings' decisions, closes it, and prints its
// timeline or record.
//
// Usage:
//
//	go run ./cmd/starter -id ID -plan ID|FILE -event JSON [-title TEXT] [-lang ja|en]   start an incident
//	go run ./cmd/starter -id ID -event JSON                                             signal an event
//	go run ./cmd/starter -id ID -decision JSON                                          signal a council meeting's decision
//	go run ./cmd/starter -id ID -close REASON                                           close it
//	go run ./cmd/starter -id ID -timeline [-lang en|ja]                                 print its timeline
//	go run ./cmd/starter -id ID -record                                                 print its record (JSON)
//
// -plan names a reference plan (ino, kumamoto, kumiyama, nakano, tottori),
// whose file the workflow records in its history, or a plan JSON file (a
// name with a slash or a dot), whose contents go into the workflow's input.
// -event is one event in the JSON form of a scenario file, in the plan's
// words, or @FILE to read it from a file; without "at" the event happens
// now. -decision is one decision of a convened body's meeting, or its
// close, in the plan's words (incident.Decision:
// {"body":…,"key":…,"status":"decided"|"not-applicable","text":…,"by":…}
// or {"body":…,"close":true}), or @FILE; without "at" it is made now.
// -address and -namespace name the server ($TEMPORAL_ADDRESS, else
// localhost:7233). Bad flags print one line and exit 2; an error from the
// server or the workflow exits 1.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/bcp"
	"github.com/jukiplan/jukiplan/bcp/drill"
	"github.com/jukiplan/jukiplan/bcp/render"
	"github.com/jukiplan/jukiplan/examples/temporal/incident"
	"go.temporal.io/sdk/client"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// A request is what the flags ask for.
type request struct {
	address, namespace string
	id, plan, event    string
	decision           string
	title, lang        string
	close              string
	timeline, record   bool
}

func parse(args []string, stderr io.Writer) (request, error) {
	var r request
	fs := flag.NewFlagSet("starter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&r.address, "address", hostPort(), "the Temporal server's address")
	fs.StringVar(&r.namespace, "namespace", client.DefaultNamespace, "the Temporal namespace")
	fs.StringVar(&r.id, "id", "", "the incident: its workflow ID and the ID of its timeline")
	fs.StringVar(&r.plan, "plan", "", "start the incident under a reference plan ID or a plan JSON file")
	fs.StringVar(&r.event, "event", "", "an event, in the JSON form of a scenario file (or @FILE); without \"at\", now")
	fs.StringVar(&r.decision, "decision", "", "a council meeting's decision or close, as JSON in the plan's words (or @FILE); without \"at\", now")
	fs.StringVar(&r.title, "title", "", "the incident's title (with -plan)")
	fs.StringVar(&r.lang, "lang", "", "the language of notices (with -plan, default ja) or of -timeline (default en): en or ja")
	fs.StringVar(&r.close, "close", "", "close the incident, with this reason")
	fs.BoolVar(&r.timeline, "timeline", false, "print the incident's timeline")
	fs.BoolVar(&r.record, "record", false, "print the incident's record as JSON")
	if err := fs.Parse(args); err != nil {
		return r, err
	}
	n := 0
	for _, b := range []bool{r.plan != "", r.plan == "" && r.event != "", r.decision != "", r.close != "", r.timeline, r.record} {
		if b {
			n++
		}
	}
	switch {
	case fs.NArg() > 0:
		return r, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case r.id == "":
		return r, errors.New("-id is required")
	case n != 1:
		return r, errors.New("give one of -plan (with -event), -event, -decision, -close, -timeline, -record")
	case r.plan != "" && r.event == "":
		return r, errors.New("-plan needs the first -event")
	case r.lang != "" && r.lang != "en" && r.lang != "ja":
		return r, fmt.Errorf("-lang %q: want en or ja", r.lang)
	}
	return r, nil
}

// event reads -event (inline JSON or @FILE) and puts the time now on an
// event without one.
func event(arg string, now time.Time) (json.RawMessage, error) { return stamped("-event", arg, now) }

// decision reads -decision (inline JSON or @FILE) and puts the time now on
// a decision without one.
func decision(arg string, now time.Time) (json.RawMessage, error) {
	return stamped("-decision", arg, now)
}

// stamped reads the JSON object of flag name (inline or @FILE) and puts the
// time now in its "at" when it has none.
func stamped(flagName, arg string, now time.Time) (json.RawMessage, error) {
	data := []byte(arg)
	if file, ok := strings.CutPrefix(arg, "@"); ok {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			return nil, fmt.Errorf("%s: %w", flagName, err)
		}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, fmt.Errorf("%s: %w", flagName, err)
	}
	if _, ok := fields["at"]; ok {
		return json.RawMessage(data), nil
	}
	at, _ := json.Marshal(now.Format(time.RFC3339))
	fields["at"] = at
	return json.Marshal(fields) // encoding/json writes the keys sorted
}

func run(args []string, stdout, stderr io.Writer) int {
	r, err := parse(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "starter:", err)
		}
		return 2
	}
	var ev json.RawMessage
	if r.event != "" {
		if ev, err = event(r.event, time.Now()); err != nil {
			fmt.Fprintln(stderr, "starter:", err)
			return 2
		}
	}
	var dv json.RawMessage
	if r.decision != "" {
		if dv, err = decision(r.decision, time.Now()); err != nil {
			fmt.Fprintln(stderr, "starter:", err)
			return 2
		}
	}
	var start incident.Start
	if r.plan != "" {
		start = incident.Start{ID: r.id, Title: r.title, First: ev, Lang: r.lang}
		if strings.ContainsAny(r.plan, "/.") {
			if start.Plan, err = os.ReadFile(r.plan); err != nil {
				fmt.Fprintln(stderr, "starter:", err)
				return 2
			}
		} else {
			start.PlanID = r.plan
		}
	}
	c, err := client.Dial(client.Options{HostPort: r.address, Namespace: r.namespace})
	if err != nil {
		fmt.Fprintln(stderr, "starter:", err)
		return 1
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := do(ctx, c, r, start, ev, dv, stdout); err != nil {
		fmt.Fprintln(stderr, "starter:", err)
		return 1
	}
	return 0
}

func do(ctx context.Context, c client.Client, r request, start incident.Start, ev, dv json.RawMessage, stdout io.Writer) error {
	switch {
	case r.plan != "":
		wr, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: r.id, TaskQueue: incident.TaskQueue}, incident.WorkflowName, start)
		if err != nil {
			return err
		}
		// A plan that does not parse fails the workflow at once.
		wait, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		var rec incident.Record
		if err := wr.Get(wait, &rec); err != nil && wait.Err() == nil {
			return err // the workflow failed: its error says why
		}
		fmt.Fprintf(stdout, "started incident %s (run %s)\n", wr.GetID(), wr.GetRunID())
	case r.event != "":
		if err := c.SignalWorkflow(ctx, r.id, "", incident.SignalEvent, ev); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "signalled incident %s; rejected signals are in its record (-record)\n", r.id)
	case r.decision != "":
		if err := c.SignalWorkflow(ctx, r.id, "", incident.SignalDecision, dv); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "signalled incident %s; rejected signals are in its record (-record)\n", r.id)
	case r.close != "":
		return c.SignalWorkflow(ctx, r.id, "", incident.SignalClose, r.close)
	case r.timeline:
		v, err := c.QueryWorkflow(ctx, r.id, "", incident.QueryTimeline)
		if err != nil {
			return err
		}
		var t drill.Timeline
		if err := v.Get(&t); err != nil {
			return err
		}
		lang := bcp.English
		if r.lang == "ja" {
			lang = bcp.Japanese
		}
		fmt.Fprint(stdout, render.Text(t, lang))
	case r.record:
		v, err := c.QueryWorkflow(ctx, r.id, "", incident.QueryRecord)
		if err != nil {
			return err
		}
		var rec incident.Record
		if err := v.Get(&rec); err != nil {
			return err
		}
		out, err := json.MarshalIndent(rec, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\n", out)
	}
	return nil
}

// hostPort is the server's address: $TEMPORAL_ADDRESS, else the SDK's default.
func hostPort() string {
	if a := os.Getenv("TEMPORAL_ADDRESS"); a != "" {
		return a
	}
	return client.DefaultHostPort
}
