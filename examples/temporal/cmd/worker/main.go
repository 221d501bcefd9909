// Command worker runs the incident workflow and its notification activity
// against a Temporal server, printing every notice as the plan words it:
// the example's notifier, which a vendor replaces with its own (mail, the
// ward's messaging, a pager) by implementing incident.Notifier.
//
// Usage:
//
//	go run ./cmd/worker [-address HOST:PORT] [-namespace NAME]
//
// The address defaults to $TEMPORAL_ADDRESS, else localhost:7233 (the
// server `temporal server start-dev` runs). It stops on an interrupt.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/jukiplan/jukiplan/examples/temporal/incident"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

func main() {
	address := flag.String("address", hostPort(), "the Temporal server's address")
	namespace := flag.String("namespace", client.DefaultNamespace, "the Temporal namespace")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "worker: no arguments expected; see -h")
		os.Exit(2)
	}
	c, err := client.Dial(client.Options{HostPort: *address, Namespace: *namespace})
	if err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		os.Exit(1)
	}
	defer c.Close()
	w := worker.New(c, incident.TaskQueue, worker.Options{})
	w.RegisterWorkflowWithOptions((&incident.Workflows{}).Incident, workflow.RegisterOptions{Name: incident.WorkflowName})
	// The vendor's part: a Notifier of its own in place of the Recorder.
	w.RegisterActivity(&incident.Activities{Notifier: &incident.Recorder{W: os.Stdout}})
	if err := w.Run(worker.InterruptCh()); err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		os.Exit(1)
	}
}

// hostPort is the server's address: $TEMPORAL_ADDRESS, else the SDK's default.
func hostPort() string {
	if a := os.Getenv("TEMPORAL_ADDRESS"); a != "" {
		return a
	}
	return client.DefaultHostPort
}
