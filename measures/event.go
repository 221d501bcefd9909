package measures

import (
	"fmt"

	"github.com/jukiplan/jukiplan/threat"
)

// ObservationOf returns the annex observation a threat event kind is
// (threat.UnauthorizedAccess is [AccessSigns], threat.Vulnerability
// [HoleReported], and so on). Kinds no annex case covers (intrusion, theft
// or loss of forms, leaks, credential leaks) are an error wrapping
// [ErrNoPlaybook].
func ObservationOf(k threat.ActKind) (Observation, error) {
	switch k {
	case threat.UnauthorizedAccess:
		return AccessSigns, nil
	case threat.SuspiciousOperation:
		return SuspiciousOperation, nil
	case threat.ErroneousAccess:
		return ErroneousAccess, nil
	case threat.Vulnerability:
		return HoleReported, nil
	case threat.DataCorruption:
		return GarbledOutput, nil
	case threat.ServiceDisruption:
		return OutageOrDelay, nil
	case threat.VirusDetected:
		return VirusRemoved, nil
	case threat.VirusInfection:
		return VirusInfection, nil
	}
	if !k.IsValid() {
		return 0, fmt.Errorf("measures: event kind %s: %w", k, ErrInvalid)
	}
	return 0, fmt.Errorf("measures: no annex case covers %s events: %w", k, ErrNoPlaybook)
}

// DiscovererOf returns the annex discoverer of a threat event source. A
// report from another body (threat.SourceOtherBody) has no annex case and is an
// error wrapping [ErrNoPlaybook]; an unknown (zero) source is an error
// wrapping [ErrMissing], since the annex chooses its measures by who found
// the event.
func DiscovererOf(s threat.Source) (Discoverer, error) {
	switch s {
	case threat.SourceNationalCenter:
		return ByNationalCenter, nil
	case threat.SourceLocal:
		return ByOwnFinding, nil
	case threat.SourceAudit:
		return ByAudit, nil
	case threat.SourceVendor:
		return ByVendor, nil
	case threat.SourceOtherBody:
		return 0, fmt.Errorf("measures: no annex case covers events reported by %s: %w", s, ErrNoPlaybook)
	case 0:
		return 0, fmt.Errorf("measures: who discovered the event is unknown; the annex chooses its measures by it: %w", ErrMissing)
	}
	return 0, fmt.Errorf("measures: event source %s: %w", s, ErrInvalid)
}

// ForEvent returns the table's playbook for a threat event, chosen by its
// kind and by who discovered it (the event's Source). An event the table
// has no row for is an error wrapping [ErrNoPlaybook] — never a guess — and
// an event whose source is unknown one wrapping [ErrMissing]. It does not
// allocate when a playbook exists.
func (t Playbooks) ForEvent(e threat.Event) (Playbook, error) {
	o, err := ObservationOf(e.Kind)
	if err != nil {
		return Playbook{}, err
	}
	d, err := DiscovererOf(e.Source)
	if err != nil {
		return Playbook{}, err
	}
	return t.PlaybookFor(o, d)
}

// EventConditions returns the annex conditions a threat event establishes
// by its attributes: a vulnerability of serious severity (threat.Serious,
// a hole that threatens identity information) makes [HoleThreatLarge] hold.
// The other conditions (whether an access pattern threatens identity
// information, whether quick action is hard, whether a virus is unknown) are
// not attributes of a threat event; the caller adds them when known.
func EventConditions(e threat.Event) Conditions {
	var c Conditions
	if (e.Kind == threat.Vulnerability || e.Kind == threat.ErroneousAccess) && e.Severity == threat.Serious {
		c = c.With(HoleThreatLarge)
	}
	return c
}

// TriggersFor returns the triggers of the general emergency measures that a
// likely threat level establishes: [LikelyLevel3] when level 3 is likely.
// Pass the top of a provisional grading's range.
func TriggersFor(likely threat.Level) Triggers {
	if likely >= threat.Level3 && likely.IsValid() {
		return TriggersOf(LikelyLevel3)
	}
	return 0
}
