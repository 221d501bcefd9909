package measures

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
