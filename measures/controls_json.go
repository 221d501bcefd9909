package measures

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// ParseHours parses the form [Hours.String] prints, "8:30-17:15": hours
// 0-24, two-digit minutes, and the window must be valid (Open before Close,
// both within the day).
func ParseHours(s string) (Hours, error) {
	open, closeAt, ok := strings.Cut(s, "-")
	if !ok {
		return Hours{}, fmt.Errorf("measures: hours %s: want H:MM-H:MM: %w", problem.Value(s), ErrInvalid)
	}
	o, err1 := parseClock(open)
	c, err2 := parseClock(closeAt)
	h := Hours{Open: o, Close: c}
	if err1 != nil || err2 != nil || !h.IsValid() {
		return Hours{}, fmt.Errorf("measures: hours %s: want H:MM-H:MM within a day, opening before closing: %w", problem.Value(s), ErrInvalid)
	}
	return h, nil
}

func parseClock(s string) (time.Duration, error) {
	hh, mm, ok := strings.Cut(s, ":")
	if !ok || len(mm) != 2 || len(hh) < 1 || len(hh) > 2 {
		return 0, ErrInvalid
	}
	h, err := strconv.Atoi(hh)
	if err != nil || h < 0 || h > 24 || hh[0] == '+' || hh[0] == '-' {
		return 0, ErrInvalid
	}
	m, err := strconv.Atoi(mm)
	if err != nil || m < 0 || m > 59 || mm[0] == '+' || mm[0] == '-' {
		return 0, ErrInvalid
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, nil
}

// AppendText implements [encoding.TextAppender]: "8:30-17:15". Invalid hours,
// or hours not on whole minutes, are an error.
func (h Hours) AppendText(b []byte) ([]byte, error) {
	if !h.IsValid() || h.Open%time.Minute != 0 || h.Close%time.Minute != 0 {
		return b, fmt.Errorf("measures: cannot encode hours %v: %w", h, ErrInvalid)
	}
	return append(b, h.String()...), nil
}

// MarshalText implements [encoding.TextMarshaler].
func (h Hours) MarshalText() ([]byte, error) { return h.AppendText(nil) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseHours].
func (h *Hours) UnmarshalText(text []byte) error {
	x, err := ParseHours(string(text))
	if err != nil {
		return err
	}
	*h = x
	return nil
}

// MarshalJSON encodes the set as a JSON array of English names, in ascending
// order.
func (s Requirements) MarshalJSON() ([]byte, error) {
	names := []string{}
	for q := range (s & allRequirements).All() {
		names = append(names, q.String())
	}
	if s&^allRequirements != 0 {
		return nil, fmt.Errorf("measures: cannot encode requirements %#x: %w", uint64(s&^allRequirements), ErrInvalid)
	}
	return json.Marshal(names)
}

// UnmarshalJSON decodes a JSON array of requirement names (English or
// Japanese); an unknown name is an error naming its index.
func (s *Requirements) UnmarshalJSON(data []byte) error {
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return problem.Wrap("measures: requirements", err)
	}
	var out Requirements
	for i, n := range names {
		q, err := ParseRequirement(n)
		if err != nil {
			return problem.Wrap(fmt.Sprintf("measures: requirements[%d]", i), err)
		}
		out = out.With(q)
	}
	*s = out
	return nil
}

// rulesJSON is the JSON form of Rules.
type rulesJSON struct {
	InForce              Requirements                 `json:"inForce"`
	MinPasswordLength    int                          `json:"minPasswordLength,omitzero"`
	LockoutAfter         int                          `json:"lockoutAfter,omitzero"`
	EntryRecordYears     int                          `json:"entryRecordYears,omitzero"`
	CardRecordYears      int                          `json:"cardRecordYears,omitzero"`
	OperationLogYears    int                          `json:"operationLogYears,omitzero"`
	TerminalHours        Hours                        `json:"terminalHours,omitzero"`
	WorkingDaysOnly      bool                         `json:"workingDaysOnly,omitzero"`
	IdentityAssetManager council.Role                 `json:"identityAssetManager,omitzero"`
	OtherAssetManager    council.Role                 `json:"otherAssetManager,omitzero"`
	Citations            map[string]council.Citations `json:"citations,omitempty"`
}

// MarshalJSON encodes the rules as an object with camelCase keys; the
// citations are an object from requirement name to a list of PLANID:CLAUSE
// strings (keys sorted by encoding/json).
func (r Rules) MarshalJSON() ([]byte, error) {
	j := rulesJSON{
		InForce: r.InForce, MinPasswordLength: r.MinPasswordLength, LockoutAfter: r.LockoutAfter,
		EntryRecordYears: r.EntryRecordYears, CardRecordYears: r.CardRecordYears, OperationLogYears: r.OperationLogYears,
		TerminalHours: r.TerminalHours, WorkingDaysOnly: r.WorkingDaysOnly,
		IdentityAssetManager: r.IdentityAssetManager, OtherAssetManager: r.OtherAssetManager,
	}
	for q := range requirementTable.All() {
		if r.cites[q-1].Len() > 0 {
			if j.Citations == nil {
				j.Citations = map[string]council.Citations{}
			}
			j.Citations[q.String()] = r.cites[q-1]
		}
	}
	b, err := json.Marshal(j)
	if err != nil {
		return nil, problem.Wrap("measures: rules", err)
	}
	return b, nil
}

// UnmarshalJSON decodes the form [Rules.MarshalJSON] writes; unknown keys
// and unknown requirement names are errors. It does not validate the
// figures: [Check] and [Rules.Validate] do.
func (r *Rules) UnmarshalJSON(data []byte) error {
	var j rulesJSON
	if err := jsonfile.Unmarshal(data, &j, jsonfile.Options{File: rulesFile, Types: types, Nulls: true}); err != nil {
		return err
	}
	out := Rules{
		InForce: j.InForce, MinPasswordLength: j.MinPasswordLength, LockoutAfter: j.LockoutAfter,
		EntryRecordYears: j.EntryRecordYears, CardRecordYears: j.CardRecordYears, OperationLogYears: j.OperationLogYears,
		TerminalHours: j.TerminalHours, WorkingDaysOnly: j.WorkingDaysOnly,
		IdentityAssetManager: j.IdentityAssetManager, OtherAssetManager: j.OtherAssetManager,
	}
	seen := map[Requirement]string{}
	for _, name := range slices.Sorted(maps.Keys(j.Citations)) {
		q, err := ParseRequirement(name)
		if err != nil {
			return problem.Wrap("measures: rules: citations", err)
		}
		if other, dup := seen[q]; dup {
			return fmt.Errorf("measures: rules: citations: %s and %s name the same requirement: %w", problem.Value(other), problem.Value(name), ErrInvalid)
		}
		seen[q] = name
		out.cites[q-1] = j.Citations[name]
	}
	*r = out
	return nil
}

// ParseSettings decodes settings from JSON (the form encoding/json writes
// for [Settings]) with the module's strict decoder, that of plan files: an
// unknown field, a key given twice, a value of the wrong type, null or
// trailing data is an error. Every problem is a [*PathError] naming its
// JSON path ("measures: settings: $.cards.recordYears: …"); several are
// joined. Negative figures and the like are left to [Settings.Validate] and
// [Check].
func ParseSettings(data []byte) (Settings, error) {
	var s Settings
	if err := jsonfile.Unmarshal(data, &s, jsonfile.Options{File: settingsFile, Types: types, Nulls: true}); err != nil {
		return Settings{}, err
	}
	return s, nil
}

// What each file is, for messages.
const (
	rulesFile      = "measures: rules"
	settingsFile   = "measures: settings"
	preventionFile = "measures: recurrence-prevention plan"
)

// types is what the strict decoder needs to know of the types of the
// package's files, built once and only read afterwards.
var types = jsonfile.Table(reflect.TypeFor[rulesJSON](), reflect.TypeFor[Settings](), reflect.TypeFor[PreventionPlan]())
