// Package jsonfile is the one strict decoder of the module's file formats:
// plan files (bcp), scenario files (the drills) and the settings of
// preventive controls (measures).
//
// [Parse] reads exactly one JSON value into a tree of [Node]s with their
// byte offsets, rejecting a key given twice, invalid UTF-8 and a lone
// surrogate; its errors say the line and column. A [Decoder] decodes a tree
// into Go values by reflection, strictly (an unknown field, a value of the
// wrong type, null, a control character), keeping the JSON path of each
// value and recording every problem as a [*PathError], the one path-error
// type of the module, wrapping a sentinel of internal/problem. Codecs add
// their own kinds of values through [Decoder.Hook]. The package does no
// I/O and keeps no state.
package jsonfile
