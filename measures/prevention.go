package measures

import (
	"strconv"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/enum"
	"github.com/jukiplan/jukiplan/internal/jsonfile"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Side is the side a recurrence-prevention measure or cause is on: technical
// (ino 第8条 技術面, kumamoto 5 技術的), operational (ino 第8条 運用面) or
// organisational (kumamoto 5 組織的). The two plans split the non-technical
// side differently; the library keeps both words rather than merge them.
//
// The zero Side is unset and is not valid. Sides are comparable with ==.
type Side uint8

// The sides.
const (
	Technical      Side = 1 + iota // 技術面, 技術的
	Operational                    // 運用面 (ino 第8条)
	Organisational                 // 組織的 (kumamoto 5)
)

var sideTable = enum.New[Side]("measures", "side", "Side", ErrInvalid,
	enum.Name{EN: "technical", JA: "技術面"},
	enum.Name{EN: "operational", JA: "運用面"},
	enum.Name{EN: "organisational", JA: "組織面", Aliases: []string{"organizational"}},
)

// AllSides returns every valid Side in ascending order, in a fresh slice.
func AllSides() []Side { return sideTable.Values() }

// ParseSide returns the Side named by s: its English name or Japanese label.
func ParseSide(s string) (Side, error) { return sideTable.Parse(s) }

// IsValid reports whether s is a defined side.
func (s Side) IsValid() bool { return sideTable.Valid(s) }

// Compare orders Side values by value; it suits slices.SortFunc.
func (s Side) Compare(o Side) int { return int(s) - int(o) }

// String returns the English name, e.g. "technical".
func (s Side) String() string { return sideTable.String(s) }

// Label returns the Japanese term.
func (s Side) Label() string { return sideTable.Label(s) }

// AppendText implements [encoding.TextAppender]; an invalid Side is an error.
func (s Side) AppendText(b []byte) ([]byte, error) { return sideTable.AppendText(b, s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Side) MarshalText() ([]byte, error) { return sideTable.AppendText(nil, s) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (s *Side) UnmarshalText(text []byte) error { return sideTable.Unmarshal(text, s) }

// A Countermeasure is one of the recurrence-prevention measures ino 第8条
// lists for faults. The list ends in 等 (and so on): it is a catalogue to
// consider, not a closed set, and ino puts recurrence prevention outside the
// emergency plan's scope (緊急時対応計画の対象外とする).
//
// The zero Countermeasure is unset and is not valid. Countermeasures are
// comparable with ==.
type Countermeasure uint8

// The measures of ino 第8条.
const (
	StrengthenFaultMonitoring Countermeasure = 1 + iota // 障害監視の強化 (technical)
	CollectTechnicalInfo                                // 技術情報の収集 (technical)
	ReviewInspectionSchedule                            // 定期点検実施時期の見直し (operational)
	Overhaul                                            // オーバーホールの実施 (operational)
	SpareEquipment                                      // 予備装置の確保 (operational)
	Training                                            // 教育・研修 (operational)
)

var countermeasureTable = enum.New[Countermeasure]("measures", "countermeasure", "Countermeasure", ErrInvalid,
	enum.Name{EN: "strengthen-fault-monitoring", JA: "障害監視の強化"},
	enum.Name{EN: "collect-technical-info", JA: "技術情報の収集"},
	enum.Name{EN: "review-inspection-schedule", JA: "定期点検の見直し"},
	enum.Name{EN: "overhaul", JA: "オーバーホール"},
	enum.Name{EN: "spare-equipment", JA: "予備装置の確保"},
	enum.Name{EN: "training", JA: "教育・研修"},
)

// AllCountermeasures returns every valid Countermeasure in ascending order
// (the order ino 第8条 lists them), in a fresh slice. A plan states the ones
// it catalogues in its own file.
func AllCountermeasures() []Countermeasure { return countermeasureTable.Values() }

// ParseCountermeasure returns the Countermeasure named by s: its English name or Japanese label.
func ParseCountermeasure(s string) (Countermeasure, error) { return countermeasureTable.Parse(s) }

// IsValid reports whether c is a defined countermeasure.
func (c Countermeasure) IsValid() bool { return countermeasureTable.Valid(c) }

// Compare orders Countermeasure values by value; it suits slices.SortFunc.
func (c Countermeasure) Compare(o Countermeasure) int { return int(c) - int(o) }

// String returns the English name, e.g. "overhaul".
func (c Countermeasure) String() string { return countermeasureTable.String(c) }

// Label returns the countermeasure's Japanese name.
func (c Countermeasure) Label() string { return countermeasureTable.Label(c) }

// Side returns the side ino 第8条 puts the measure on, or zero for an invalid c.
func (c Countermeasure) Side() Side {
	switch {
	case c == StrengthenFaultMonitoring || c == CollectTechnicalInfo:
		return Technical
	case c.IsValid():
		return Operational
	}
	return 0
}

// AppendText implements [encoding.TextAppender]; an invalid Countermeasure is an error.
func (c Countermeasure) AppendText(b []byte) ([]byte, error) {
	return countermeasureTable.AppendText(b, c)
}

// MarshalText implements [encoding.TextMarshaler].
func (c Countermeasure) MarshalText() ([]byte, error) { return countermeasureTable.AppendText(nil, c) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (c *Countermeasure) UnmarshalText(text []byte) error {
	return countermeasureTable.Unmarshal(text, c)
}

// A PlannedMeasure is one measure of a recurrence-prevention plan: what is
// done, who does it and when (kumamoto 5 c., d.: 実施内容、実施者、実施時期).
//
// The zero PlannedMeasure is empty and fails validation. PlannedMeasures are
// comparable with == (When compares as time.Time does: use Equal for instants).
type PlannedMeasure struct {
	What string        `json:"what"`
	Who  council.Actor `json:"who,omitzero"`
	// When is when the measure is to be carried out (by); the zero time is missing.
	When time.Time `json:"when,omitzero"`
	// Kind optionally links the measure to ino 第8条's catalogue; zero is none.
	Kind Countermeasure `json:"kind,omitzero"`
}

// A PreventionPlan is the recurrence-prevention plan kumamoto 5 requires once
// an incident is dealt with: a. what happened and its impact, b. the causes,
// technical and organisational, c. technical and d. organisational measures,
// each with what, who and when.
//
// Both sides of the causes are required: kumamoto asks for the causes from
// both sides, so a plan that found none on one side says so in words. At
// least one technical and one organisational measure are required likewise
// (the library's reading of c. and d.).
//
// The zero PreventionPlan is empty and fails validation. PreventionPlans are
// not comparable with ==.
type PreventionPlan struct {
	Situation            string           `json:"situation"`            // a. 発生状況
	Impact               string           `json:"impact"`               // a. 影響
	TechnicalCauses      string           `json:"technicalCauses"`      // b. 原因 (技術的側面)
	OrganisationalCauses string           `json:"organisationalCauses"` // b. 原因 (組織的側面)
	Technical            []PlannedMeasure `json:"technical"`            // c. 技術的な再発防止策
	Organisational       []PlannedMeasure `json:"organisational"`       // d. 組織的な再発防止策
}

// Validate names every missing or invalid part of the plan, each as a
// [*FieldError] wrapping [ErrMissing] or [ErrInvalid], joined with errors.Join.
func (p PreventionPlan) Validate() error {
	var errs []error
	miss := func(path, reason string) {
		errs = append(errs, &FieldError{Record: "recurrence-prevention plan", Path: path, Reason: reason, Err: ErrMissing})
	}
	invalid := func(path, reason string) {
		errs = append(errs, &FieldError{Record: "recurrence-prevention plan", Path: path, Reason: reason, Err: ErrInvalid})
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	if blank(p.Situation) {
		miss("situation", "発生状況")
	}
	if blank(p.Impact) {
		miss("impact", "影響")
	}
	if blank(p.TechnicalCauses) {
		miss("technicalCauses", "技術面の原因")
	}
	if blank(p.OrganisationalCauses) {
		miss("organisationalCauses", "組織面の原因")
	}
	list := func(name, clause string, ms []PlannedMeasure) {
		if len(ms) == 0 {
			miss(name, clause)
		}
		for i, m := range ms {
			at := name + "[" + strconv.Itoa(i) + "]"
			if blank(m.What) {
				miss(at+".what", clause+"の実施内容")
			}
			switch {
			case m.Who == council.Actor{}:
				miss(at+".who", clause+"の実施者")
			case !m.Who.IsValid():
				invalid(at+".who", "not a role or a party")
			}
			if m.When.IsZero() {
				miss(at+".when", clause+"の実施時期")
			}
			if m.Kind != 0 && !m.Kind.IsValid() {
				invalid(at+".kind", "not a countermeasure")
			}
		}
	}
	list("technical", "技術面の再発防止策", p.Technical)
	list("organisational", "組織面の再発防止策", p.Organisational)
	return problem.Join(errs...)
}

// ParsePreventionPlan decodes a plan from JSON (the form encoding/json writes
// for [PreventionPlan]) with the module's strict decoder, as
// [ParseSettings] does: each problem is a [*PathError] naming its JSON
// path. It does not validate: call [PreventionPlan.Validate].
func ParsePreventionPlan(data []byte) (PreventionPlan, error) {
	var p PreventionPlan
	if err := jsonfile.Unmarshal(data, &p, jsonfile.Options{File: preventionFile, Types: types, Nulls: true}); err != nil {
		return PreventionPlan{}, err
	}
	return p, nil
}
