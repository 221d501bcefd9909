package fault

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/duration"
)

// thresholdsJSON is the form of Thresholds in a plan file.
type thresholdsJSON struct {
	Long  string            `json:"long,omitempty"`
	Heavy int               `json:"heavy,omitzero"`
	Cites council.Citations `json:"cites,omitzero"`
}

// MarshalJSON encodes t as a plan file holds it: "long" as people write a
// duration ("4h", "1d"), zero fields left out.
func (t Thresholds) MarshalJSON() ([]byte, error) {
	j := thresholdsJSON{Heavy: t.Heavy, Cites: t.Cites}
	if t.Long != 0 {
		j.Long = duration.Format(t.Long)
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form [Thresholds.MarshalJSON] writes; an unknown
// key or a bad duration is an error wrapping [council.ErrInvalid]. On error t
// is unchanged.
func (t *Thresholds) UnmarshalJSON(data []byte) error {
	var j thresholdsJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return fmt.Errorf("fault: thresholds: %w: %w", err, council.ErrInvalid)
	}
	out := Thresholds{Heavy: j.Heavy, Cites: j.Cites}
	if j.Long != "" {
		d, err := duration.Parse(j.Long)
		if err != nil {
			return fmt.Errorf("fault: thresholds: long: duration %q: %w", j.Long, council.ErrInvalid)
		}
		out.Long = d
	}
	*t = out
	return nil
}

// MarshalJSON encodes the situation with its fields' tags, the expected
// stop as people write it ("4h", "1d"), as in plan files.
func (s Facts) MarshalJSON() ([]byte, error) {
	type plain Facts
	v := struct {
		plain
		ExpectedStop string `json:"expectedStop,omitempty"`
	}{plain: plain(s)}
	if s.ExpectedStop != 0 {
		v.ExpectedStop = duration.Format(s.ExpectedStop)
	}
	return json.Marshal(v)
}

// UnmarshalJSON decodes the form [Facts.MarshalJSON] writes; a bad
// duration is an error wrapping [council.ErrInvalid].
func (s *Facts) UnmarshalJSON(data []byte) error {
	type plain Facts
	var v struct {
		plain
		ExpectedStop string `json:"expectedStop,omitempty"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("fault: situation: %w: %w", err, council.ErrInvalid)
	}
	out := Facts(v.plain)
	out.ExpectedStop = 0
	if v.ExpectedStop != "" {
		d, err := duration.Parse(v.ExpectedStop)
		if err != nil {
			return fmt.Errorf("fault: situation: expectedStop: duration %q: %w", v.ExpectedStop, council.ErrInvalid)
		}
		out.ExpectedStop = d
	}
	*s = out
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order.
func (s Stages) MarshalJSON() ([]byte, error) { return stageTable.AppendSetJSON(nil, uint64(s)) }

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Stages) UnmarshalJSON(data []byte) error {
	set, err := stageTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Stages(set)
	return nil
}

// MarshalJSON encodes the set as a JSON array of the English names of its
// members, in ascending order.
func (s Alternatives) MarshalJSON() ([]byte, error) {
	return alternativeTable.AppendSetJSON(nil, uint64(s))
}

// UnmarshalJSON decodes a JSON array of names (English or Japanese); an
// unknown name or a name listed twice is an error naming its index.
func (s *Alternatives) UnmarshalJSON(data []byte) error {
	set, err := alternativeTable.UnmarshalSet(data)
	if err != nil {
		return err
	}
	*s = Alternatives(set)
	return nil
}
