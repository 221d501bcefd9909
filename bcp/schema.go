package bcp

import (
	_ "embed" // the plan-file JSON Schema
	"slices"
)

//go:embed plan.schema.json
var planSchemaJSON []byte

// PlanSchema returns the JSON Schema (draft 2020-12) of plan files, in a
// fresh slice: the file bcp/plan.schema.json of the module, generated from
// the same type table [ParsePlan] decodes with (TestSchemaInStep keeps the
// two in step). A plan file may name it in a "$schema" key, which ParsePlan
// ignores, so that editors offer completion:
//
//	{"$schema": "https://github.com/jukiplan/jukiplan/bcp/plan.schema.json", "id": ...}
//
// What a schema cannot express (references across the plan, unique IDs,
// cycles, duplicate keys, the ranges of numbers) is listed in its
// description; [ParsePlan] and [Lint] check it.
func PlanSchema() []byte { return slices.Clone(planSchemaJSON) }
