package threat

import (
	"encoding/json"
	"fmt"

	"github.com/jukiplan/jukiplan/council"
)

// UnmarshalJSON decodes a JSON array of actions, the form
// [Actions.MarshalJSON] writes; on error as is unchanged.
func (as *Actions) UnmarshalJSON(data []byte) error {
	list, err := unmarshalList[Action](data, "actions")
	if err != nil {
		return err
	}
	*as = newActions(list)
	return nil
}

// UnmarshalJSON decodes a JSON array of notifications, the form
// [Notifications.MarshalJSON] writes; on error ns is unchanged.
func (ns *Notifications) UnmarshalJSON(data []byte) error {
	list, err := unmarshalList[Notification](data, "notifications")
	if err != nil {
		return err
	}
	*ns = newNotifications(list)
	return nil
}

// unmarshalList decodes a JSON array; an empty array gives nil, as the zero
// list marshals to "[]".
func unmarshalList[T any](data []byte, what string) ([]T, error) {
	var list []T
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("threat: %s: %w: %w", what, err, council.ErrInvalid)
	}
	if len(list) == 0 {
		list = nil
	}
	return list, nil
}
