package threat

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Capture is the first capture of an event that may threaten identity
// information: when, where, what and how, which the staff establish before
// telling the system administrator (ino's plan asks for exactly these, in
// the clause its scheme cites for [CaptureSituation]). Event is the
// typed classification of what happened, when it is known; Reporter and
// DetectedAt are optional.
//
// The zero Capture is empty and fails [Capture.Validate]. Captures are
// comparable with == (compare times with When.Equal for instants in other
// zones).
type Capture struct {
	When       time.Time     `json:"when,omitzero"`       // いつ (時刻): when it happened
	Where      string        `json:"where,omitempty"`     // どこで (場所): where
	What       string        `json:"what,omitempty"`      // 何を (内容): what was affected
	How        string        `json:"how,omitempty"`       // どうした: what was done to it
	Event      Event         `json:"event,omitzero"`      // the typed event, when classified
	Reporter   council.Actor `json:"reporter,omitzero"`   // who captured it
	DetectedAt time.Time     `json:"detectedAt,omitzero"` // when it was noticed; the library's extension
}

// A FieldError names one missing or malformed field of a [Capture]. The
// zero value is never returned.
type FieldError struct {
	Field    string           `json:"field"`             // the Go-side name in lower case: "when", "where", "what", "how", …
	Label    string           `json:"label"`             // the field's Japanese label, e.g. "日時"
	Citation council.Citation `json:"citation,omitzero"` // the clause that asks for the field, if given
	Err      error            `json:"err"`               // ErrMissing, or the underlying problem
}

func (e *FieldError) Error() string {
	if errors.Is(e.Err, ErrMissing) {
		if e.Citation == (council.Citation{}) {
			return fmt.Sprintf("threat: situation: missing %s (%s)", e.Field, e.Label)
		}
		return fmt.Sprintf("threat: situation: missing %s (%s, %s)", e.Field, e.Label, e.Citation)
	}
	return fmt.Sprintf("threat: situation: %s (%s): %v", e.Field, e.Label, e.Err)
}

// Unwrap returns the underlying error ([ErrMissing] for a missing field).
func (e *FieldError) Unwrap() error { return e.Err }

// Validate reports every missing field of the capture (when, where, what,
// how) and every set field that is malformed (an invalid event or reporter,
// a detection before the event), each as a [*FieldError] joined with
// errors.Join, in field order. Blank text counts as missing. Each error
// cites cite, the plan's clause that asks for the capture (the package holds
// no plan: take it from the plan, e.g. the citation of its scheme's
// [CaptureSituation] action); a zero cite cites nothing.
func (s Capture) Validate(cite council.Citation) error {
	var errs []error
	missing := func(field, label string) {
		errs = append(errs, &FieldError{Field: field, Label: label, Citation: cite, Err: ErrMissing})
	}
	if s.When.IsZero() {
		missing("when", "日時")
	}
	if strings.TrimSpace(s.Where) == "" {
		missing("where", "場所")
	}
	if strings.TrimSpace(s.What) == "" {
		missing("what", "内容")
	}
	if strings.TrimSpace(s.How) == "" {
		missing("how", "行為")
	}
	if s.Event != (Event{}) {
		if err := s.Event.Validate(); err != nil {
			errs = append(errs, &FieldError{Field: "event", Label: "事象", Citation: cite, Err: err})
		}
	}
	if s.Reporter != (council.Actor{}) && !s.Reporter.IsValid() {
		errs = append(errs, &FieldError{Field: "reporter", Label: "担当者", Citation: cite,
			Err: fmt.Errorf("actor %s is not valid: %w", s.Reporter, council.ErrInvalid)})
	}
	if !s.DetectedAt.IsZero() && !s.When.IsZero() && s.DetectedAt.Before(s.When) {
		errs = append(errs, &FieldError{Field: "detectedAt", Label: "覚知日時", Citation: cite,
			Err: fmt.Errorf("detected at %s, before it happened at %s: %w", s.DetectedAt.Format(time.RFC3339), s.When.Format(time.RFC3339), council.ErrInvalid)})
	}
	return problem.Join(errs...)
}

// Missing returns the names of the missing required fields, in field order
// ("when", "where", "what", "how"); nil when the capture is complete.
func (s Capture) Missing() []string {
	var out []string
	for _, err := range unjoin(s.Validate(council.Citation{})) {
		if fe, ok := errors.AsType[*FieldError](err); ok && errors.Is(fe.Err, ErrMissing) {
			out = append(out, fe.Field)
		}
	}
	return out
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}
