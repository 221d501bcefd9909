package bcp

import "github.com/jukiplan/jukiplan/measures"

type measuresRules = measures.Rules
