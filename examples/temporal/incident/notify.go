package incident

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// A Notifier sends the notices of an incident: the part a vendor replaces
// (mail, the ward's messaging, a pager). Notify is called from an activity,
// so at least once per notice: make it idempotent, e.g. keyed by
// Notice.Incident and Notice.At. An error makes Temporal retry it.
type Notifier interface {
	Notify(ctx context.Context, n Notice) error
}

// Activities are the incident workflow's activities. Register a
// *Activities with the worker; its Notify method is the activity
// ActivityNotify.
//
// The zero Activities has no Notifier; its Notify is an error.
type Activities struct {
	Notifier Notifier
}

// Notify is the notification activity: it passes n to the Notifier.
func (a *Activities) Notify(ctx context.Context, n Notice) error {
	if a == nil || a.Notifier == nil {
		return fmt.Errorf("incident %s: no notifier", n.Incident)
	}
	return a.Notifier.Notify(ctx, n)
}

// A Recorder is the example's Notifier: it keeps every notice and, when W
// is set, writes each line to it. It is safe for concurrent use.
//
// The zero Recorder keeps notices and writes nothing.
type Recorder struct {
	W io.Writer

	mu      sync.Mutex
	notices []Notice
}

// Notify implements Notifier.
func (r *Recorder) Notify(_ context.Context, n Notice) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.notices = append(r.notices, n)
	if r.W != nil {
		var b strings.Builder
		for _, l := range n.Lines {
			fmt.Fprintf(&b, "[%s] %s\n", n.Incident, l)
		}
		if _, err := io.WriteString(r.W, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// Notices returns the notices recorded so far, in the order they came.
func (r *Recorder) Notices() []Notice {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.notices)
}
