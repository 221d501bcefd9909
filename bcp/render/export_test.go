package render

// Worded is worded, for the tests of package render_test.
var Worded = worded

// RunDrill is runDrill, for the tests of package render_test.
var RunDrill = runDrill
