package measures

import (
	"fmt"

	"github.com/jukiplan/jukiplan/council"
)

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Triggers) MarshalJSON() ([]byte, error) { return triggerTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Triggers) UnmarshalJSON(data []byte) error {
	set, err := triggerTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Triggers(set)
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Conditions) MarshalJSON() ([]byte, error) {
	return conditionTable.AppendSetJSON(nil, uint64(s))
}

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Conditions) UnmarshalJSON(data []byte) error {
	set, err := conditionTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Conditions(set)
	return nil
}

// UnmarshalJSON decodes the form [Playbook.MarshalJSON] writes. The
// category, observation and discoverer must be those of the case (they are
// derived from it); an unknown key is an error. On error p is unchanged.
func (p *Playbook) UnmarshalJSON(data []byte) error {
	var in struct {
		Case        Case              `json:"case"`
		Category    Category          `json:"category"`
		Observation Observation       `json:"observation"`
		Discoverer  Discoverer        `json:"discoverer"`
		Lead        Lead              `json:"lead"`
		Event       string            `json:"event"`
		Heading     string            `json:"heading"`
		Examples    []string          `json:"examples"`
		Steps       []Step            `json:"steps"`
		Citations   council.Citations `json:"citations"`
	}
	if err := decodeStrict(data, &in); err != nil {
		return fmt.Errorf("measures: playbook: %w", err)
	}
	if !in.Case.IsValid() {
		return fmt.Errorf("measures: playbook: no case: %w", ErrInvalid)
	}
	if in.Category != in.Case.Category() || in.Observation != in.Case.Observation() || in.Discoverer != in.Case.Discoverer() {
		return fmt.Errorf("measures: playbook %v: category, observation or discoverer is not the case's: %w", in.Case, ErrInvalid)
	}
	if len(in.Examples) == 0 {
		in.Examples = nil
	}
	if len(in.Steps) == 0 {
		in.Steps = nil
	}
	*p = Playbook{Case: in.Case, Lead: in.Lead, Event: in.Event, Heading: in.Heading, Citations: in.Citations,
		examples: in.Examples, steps: in.Steps}
	return nil
}
