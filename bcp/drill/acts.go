package drill

import (
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/threat"
)

// stepActs is the act of the timeline entry for each step of a threat
// scheme's response, keyed by the step (TestActTablesExhaustive). The
// convening of the council has none: the drill lists the convening of the
// body the organisation names, with its agenda.
var stepActs = [...]Act{
	threat.CollectInformation:       ActInvestigate,
	threat.Investigate:              ActInvestigate,
	threat.JudgeLevel:               ActJudge,
	threat.EmergencyMeasures:        ActMeasure,
	threat.StopSystem:               ActMeasure,
	threat.RequestMeasures:          ActRequest,
	threat.Report:                   ActReport,
	threat.StandDown:                ActStandDown,
	threat.FindCause:                ActInvestigate,
	threat.Countermeasures:          ActMeasure,
	threat.PreventEscalation:        ActMeasure,
	threat.InformSections:           ActMeasure,
	threat.ConveneCouncil:           0,
	threat.DirectMatters:            ActMeasure,
	threat.ReviewMeasures:           ActMeasure,
	threat.PlanCountermeasures:      ActPreventRecurrence,
	threat.ProposeCouncil:           ActRequest,
	threat.CaptureSituation:         ActInvestigate,
	threat.ImplementCountermeasures: ActPreventRecurrence,
}

// noticeActs is the act of the timeline entry for each action of a fault
// notice, keyed by the action (TestActTablesExhaustive). The convening of
// the council has none, as for stepActs.
var noticeActs = [...]Act{
	fault.Report:             ActReport,
	fault.Notify:             ActNotify,
	fault.RequestCooperation: ActRequest,
	fault.NotifyOutage:       ActNotify,
	fault.ProposeCouncil:     ActRequest,
	fault.ReportSerious:      ActReport,
	fault.ConveneCouncil:     0,
	fault.Instruct:           ActMeasure,
	fault.Disconnect:         ActMeasure,
	fault.RequestProvisional: ActRequest,
}

// stepAct is the act of step s: a general emergency measure for a step the
// table does not know.
func stepAct(s threat.Task) Act {
	if int(s) < len(stepActs) && stepActs[s].IsValid() {
		return stepActs[s]
	}
	return ActMeasure
}

// noticeAct is the act of notice action a: a general emergency measure for
// an action the table does not know.
func noticeAct(a fault.Task) Act {
	if int(a) < len(noticeActs) && noticeActs[a].IsValid() {
		return noticeActs[a]
	}
	return ActMeasure
}
