package council

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Roles) MarshalJSON() ([]byte, error) { return roleTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Roles) UnmarshalJSON(data []byte) error {
	set, err := roleTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Roles(set)
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Parties) MarshalJSON() ([]byte, error) { return partyTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Parties) UnmarshalJSON(data []byte) error {
	set, err := partyTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Parties(set)
	return nil
}

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

// IsZero reports whether cs is empty, so that a field of type Citations
// tagged omitzero is left out when empty, as plan files leave it out.
func (cs Citations) IsZero() bool { return len(cs.list) == 0 }
