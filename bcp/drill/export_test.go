package drill

// GenScenario is genScenario, for the tests of package drill_test.
var GenScenario = genScenario
