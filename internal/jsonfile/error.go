package jsonfile

import (
	"fmt"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// A PathError is one problem of a file at a JSON path such as
// "$.continuity.inventory.systems[3].dependsOn[0]" ("$" is the whole file).
// It is the one path-error type of the module: every file format (plan
// files, scenario files, the settings of preventive controls) reports its
// problems as PathErrors, and packages bcp and measures name it
// (bcp.PathError, measures.PathError are this type). Use it through a
// pointer; the zero PathError names no problem.
type PathError struct {
	// File says what the file is, with the package that reads it: "bcp:
	// plan", "bcp: scenario", "measures: settings". It starts the message.
	File string `json:"file,omitzero"`
	Path string `json:"path"`
	// Err is the problem. It wraps a sentinel of the module's one family
	// (ErrSyntax, ErrUnknownField, ErrDuplicate, ErrDangling, ErrInvalid,
	// and for a scenario ErrScenario too), for errors.Is.
	Err error `json:"err"`
}

// Error returns "FILE: PATH: PROBLEM" ("bcp: plan: $.id: missing"), the
// problem without a package prefix of its own and cut to a few kilobytes.
func (e *PathError) Error() string {
	head := e.Path
	if e.File != "" {
		head = e.File + ": " + e.Path
	}
	if e.Err == nil {
		return problem.Clip(head, problem.MaxLine)
	}
	return problem.Clip(head+": "+problem.Strip(e.Err.Error()), problem.MaxLine)
}

// Unwrap returns the problem.
func (e *PathError) Unwrap() error { return e.Err }

// Errorf returns a [*PathError] of file at path whose problem is the message
// format and args give, wrapping sentinel.
func Errorf(file, path string, sentinel error, format string, args ...any) *PathError {
	return &PathError{File: file, Path: path, Err: fmt.Errorf(format+": %w", append(args, sentinel)...)}
}
