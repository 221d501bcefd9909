// Package sarif writes the findings of a plan file as a SARIF 2.1.0 log
// (OASIS Static Analysis Results Interchange Format), the form code-scanning
// services and editors read: one run of the tool "jukiplan-check", a rule per
// finding code with its description and help, and each result at its file,
// line and column (columns in UTF-16 code units, as bcp.Finding counts them).
package sarif

import (
	"encoding/json"
	"strings"

	"github.com/jukiplan/jukiplan/bcp"
)

// Version and Schema name the SARIF version written and its JSON Schema.
const (
	Version = "2.1.0"
	Schema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

// InformationURI is the tool's home.
const InformationURI = "https://github.com/jukiplan/jukiplan"

// A Log is a SARIF log with one run.
type Log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []Run  `json:"runs"`
}

// A Run is the tool and what it found.
type Run struct {
	Tool       Tool     `json:"tool"`
	ColumnKind string   `json:"columnKind"`
	Results    []Result `json:"results"`
}

// A Tool names the program and lists its rules.
type Tool struct {
	Driver Driver `json:"driver"`
}

// A Driver is the program that checked the plan.
type Driver struct {
	Name           string `json:"name"`
	InformationURI string `json:"informationUri"`
	Rules          []Rule `json:"rules"`
}

// A Rule is a finding code.
type Rule struct {
	ID                   string  `json:"id"`
	Name                 string  `json:"name"`
	ShortDescription     Message `json:"shortDescription"`
	FullDescription      Message `json:"fullDescription"`
	Help                 Message `json:"help"`
	DefaultConfiguration Config  `json:"defaultConfiguration"`
}

// A Config holds a rule's level.
type Config struct {
	Level string `json:"level"`
}

// A Message is text for people.
type Message struct {
	Text string `json:"text"`
}

// A Result is one finding.
type Result struct {
	RuleID     string     `json:"ruleId"`
	RuleIndex  int        `json:"ruleIndex"`
	Level      string     `json:"level"`
	Message    Message    `json:"message"`
	Locations  []Location `json:"locations"`
	Properties *Props     `json:"properties,omitempty"`
}

// Props holds what SARIF has no place of its own for: the clause a finding
// rests on.
type Props struct {
	Cite string `json:"cite,omitempty"`
}

// A Location is where a finding is: the file, line and column, and the
// finding's JSON path as a logical location.
type Location struct {
	PhysicalLocation PhysicalLocation  `json:"physicalLocation"`
	LogicalLocations []LogicalLocation `json:"logicalLocations,omitempty"`
}

// A PhysicalLocation is a place in a file.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// An ArtifactLocation names a file by URI reference.
type ArtifactLocation struct {
	URI string `json:"uri"`
}

// A Region is a line and column, both 1-based.
type Region struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
}

// A LogicalLocation is the finding's JSON path inside the plan.
type LogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// Level returns the SARIF level of a severity: error, warning or note.
func Level(s bcp.Severity) string {
	switch s {
	case bcp.SeverityError:
		return "error"
	case bcp.SeverityWarning:
		return "warning"
	}
	return "note"
}

// Description returns the one-sentence description of code.
func Description(code bcp.Code) string { return descriptions[code.String()] }

// defaultLevel is the level a code's findings usually have: file.* problems
// and what Check reports as an error are errors; the rest warnings, the
// byte-order mark a note. A result carries its own level in any case.
func defaultLevel(code bcp.Code) string {
	switch {
	case code == bcp.CodeByteOrderMark:
		return "note"
	case strings.HasPrefix(code.String(), "file."):
		return "error"
	}
	return "warning"
}

// Rules returns a rule for every finding code, in code order, in English
// (lang "en") or with the Japanese label first ("ja").
func Rules(lang string) []Rule {
	codes := bcp.AllCodes()
	out := make([]Rule, len(codes))
	for i, c := range codes {
		short := Description(c)
		if lang == "ja" {
			short = c.Label() + ": " + short
		}
		out[i] = Rule{
			ID:               c.String(),
			Name:             ruleName(c.String()),
			ShortDescription: Message{Text: short},
			FullDescription:  Message{Text: Description(c) + " (" + c.Label() + ")"},
			Help: Message{Text: Description(c) + " The result's message says what in the plan is at fault; " +
				"where the plan has a clause for it, the result's cite property names it. " +
				"Run `go run ./examples/check FILE` for the same findings as text."},
			DefaultConfiguration: Config{Level: defaultLevel(c)},
		}
	}
	return out
}

// ruleName spells a code in UpperCamelCase, as SARIF names rules:
// "system.no-owner" is "SystemNoOwner".
func ruleName(code string) string {
	var b strings.Builder
	up := true
	for _, r := range code {
		switch {
		case r == '.' || r == '-':
			up = true
		case up && r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
			up = false
		default:
			b.WriteRune(r)
			up = false
		}
	}
	return b.String()
}

// New returns the log of the findings of the plan file at uri (a URI
// reference, e.g. a path relative to the repository root, with '/'
// separators).
func New(uri string, findings []bcp.Finding, lang string) Log {
	rules := Rules(lang)
	index := make(map[bcp.Code]int, len(rules))
	for i, c := range bcp.AllCodes() {
		index[c] = i
	}
	results := make([]Result, 0, len(findings))
	for _, f := range findings {
		msg := f.Message
		if lang == "ja" && f.MessageJA != "" {
			msg = f.MessageJA
		}
		loc := Location{PhysicalLocation: PhysicalLocation{ArtifactLocation: ArtifactLocation{URI: uri}}}
		if f.Line > 0 {
			loc.PhysicalLocation.Region = &Region{StartLine: f.Line, StartColumn: max(1, f.Column)}
		}
		if f.Path != "" {
			loc.LogicalLocations = []LogicalLocation{{FullyQualifiedName: f.Path, Kind: "member"}}
		}
		r := Result{RuleID: f.Code.String(), RuleIndex: index[f.Code], Level: Level(f.Severity),
			Message: Message{Text: msg}, Locations: []Location{loc}}
		if f.Cite.IsValid() {
			r.Properties = &Props{Cite: f.Cite.String()}
		}
		results = append(results, r)
	}
	return Log{Schema: Schema, Version: Version, Runs: []Run{{
		Tool:       Tool{Driver: Driver{Name: "jukiplan-check", InformationURI: InformationURI, Rules: rules}},
		ColumnKind: "utf16CodeUnits",
		Results:    results,
	}}}
}

// Marshal returns log as indented JSON with a final newline.
func Marshal(log Log) ([]byte, error) {
	b, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
