package council

import (
	"encoding/json"
	"fmt"
	"time"
)

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
func (cs Citations) IsZero() bool { return len(cs.list()) == 0 }

// pathJSON is the JSON form of a Path.
type pathJSON struct {
	Roles []Role     `json:"roles"`
	Cites []Citation `json:"cites"`
}

// MarshalJSON encodes the path as {"roles": [...], "cites": [...]}: the roles
// from the start to the chief and the clause of each step (one fewer).
func (p Path) MarshalJSON() ([]byte, error) {
	j := pathJSON{Roles: p.roles[:p.n], Cites: []Citation{}}
	if p.n > 1 {
		j.Cites = p.cites[:p.n-1]
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form [Path.MarshalJSON] writes. More roles than
// a path can hold, an invalid role or citation, or a number of citations
// other than one per step is an error wrapping [ErrInvalid]; on error p is
// unchanged.
func (p *Path) UnmarshalJSON(data []byte) error {
	var j pathJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("council: path: %w: %w", err, ErrInvalid)
	}
	if len(j.Roles) > maxRoles {
		return fmt.Errorf("council: path: %d roles, at most %d: %w", len(j.Roles), maxRoles, ErrInvalid)
	}
	if steps := max(len(j.Roles)-1, 0); len(j.Cites) != steps {
		return fmt.Errorf("council: path: %d citations for %d steps: %w", len(j.Cites), steps, ErrInvalid)
	}
	var out Path
	for i, r := range j.Roles {
		if !r.IsValid() {
			return fmt.Errorf("council: path: roles[%d]: %w", i, ErrInvalid)
		}
		out.roles[i] = r
	}
	for i, c := range j.Cites {
		if !c.IsValid() {
			return fmt.Errorf("council: path: cites[%d]: %w", i, ErrInvalid)
		}
		out.cites[i] = c
	}
	out.n = uint8(len(j.Roles))
	*p = out
	return nil
}

// meetingJSON is the JSON form of a Meeting.
type meetingJSON struct {
	Agenda  Agenda    `json:"agenda"`
	Trigger Trigger   `json:"trigger,omitzero"`
	Opened  time.Time `json:"opened,omitzero"`
	Closed  time.Time `json:"closed,omitzero"`
	Records []Record  `json:"records,omitempty"`
}

// MarshalJSON encodes the meeting record: its agenda, trigger, the instants
// it opened and closed (left out while zero) and how each item stands, in
// agenda order. The zero Meeting encodes as {"agenda":{...}} with an empty
// agenda.
func (m Meeting) MarshalJSON() ([]byte, error) {
	return json.Marshal(meetingJSON{Agenda: m.agenda, Trigger: m.trigger, Opened: m.opened, Closed: m.closed, Records: m.records})
}

// UnmarshalJSON decodes the form [Meeting.MarshalJSON] writes and checks it
// is a record [Open], [Meeting.Decide], [Meeting.MarkNotApplicable] and
// [Meeting.Close] could have made: a valid agenda and trigger, one record
// per item with the item's key, each settled record with its status, text,
// actor and a time not before the opening, and a closing not before the
// opening. A problem is an error wrapping [ErrInvalid] or [ErrTime]; on
// error m is unchanged. Without an opening time it must be the zero Meeting.
func (m *Meeting) UnmarshalJSON(data []byte) error {
	var j meetingJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("council: meeting: %w: %w", err, ErrInvalid)
	}
	if j.Opened.IsZero() {
		if !j.Closed.IsZero() || j.Trigger != 0 || len(j.Records) > 0 || !agendaEqual(j.Agenda, Agenda{}) {
			return fmt.Errorf("council: meeting: no opening time: %w", ErrTime)
		}
		*m = Meeting{}
		return nil
	}
	if !j.Trigger.IsValid() {
		return fmt.Errorf("council: meeting: trigger %s: %w", j.Trigger, ErrInvalid)
	}
	if err := j.Agenda.Validate(j.Agenda.Cite.Plan()); err != nil {
		return fmt.Errorf("council: meeting: %w", err)
	}
	if len(j.Records) != len(j.Agenda.Items) {
		return fmt.Errorf("council: meeting on %s: %d records for %d items: %w", j.Agenda.Cite, len(j.Records), len(j.Agenda.Items), ErrInvalid)
	}
	for i, r := range j.Records {
		pre := fmt.Sprintf("council: meeting on %s: records[%d]", j.Agenda.Cite, i)
		switch {
		case r.Key != j.Agenda.Items[i].Key:
			return fmt.Errorf("%s: key %q, want %q: %w", pre, r.Key, j.Agenda.Items[i].Key, ErrInvalid)
		case r.Status == 0:
			if r != (Record{Key: r.Key}) {
				return fmt.Errorf("%s: an outstanding item holds a decision: %w", pre, ErrInvalid)
			}
		case !r.Status.IsValid() || r.Text == "" || !r.By.IsValid():
			return fmt.Errorf("%s: want a status, text and actor: %w", pre, ErrInvalid)
		case r.At.Before(j.Opened) || !j.Closed.IsZero() && j.Closed.Before(r.At):
			return fmt.Errorf("%s: recorded at %s, outside the meeting: %w", pre, r.At.Format(time.RFC3339), ErrTime)
		}
	}
	if !j.Closed.IsZero() && j.Closed.Before(j.Opened) {
		return fmt.Errorf("council: meeting on %s: closed before it opened: %w", j.Agenda.Cite, ErrTime)
	}
	*m = Meeting{agenda: j.Agenda.Clone(), trigger: j.Trigger, opened: j.Opened, closed: j.Closed, records: j.Records}
	return nil
}
