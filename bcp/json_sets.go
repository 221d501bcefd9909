package bcp

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Services) MarshalJSON() ([]byte, error) { return serviceTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Services) UnmarshalJSON(data []byte) error {
	set, err := serviceTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Services(set)
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Channels) MarshalJSON() ([]byte, error) { return channelTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Channels) UnmarshalJSON(data []byte) error {
	set, err := channelTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Channels(set)
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Reasons) MarshalJSON() ([]byte, error) { return reasonTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Reasons) UnmarshalJSON(data []byte) error {
	set, err := reasonTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Reasons(set)
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Horizons) MarshalJSON() ([]byte, error) { return horizonTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Horizons) UnmarshalJSON(data []byte) error {
	set, err := horizonTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Horizons(set)
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order: the form of a plan file.
func (s Fields) MarshalJSON() ([]byte, error) { return fieldTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Fields) UnmarshalJSON(data []byte) error {
	set, err := fieldTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Fields(set)
	return nil
}
