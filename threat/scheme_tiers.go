package threat

import (
	"encoding/json"
	"fmt"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// buildTiers checks the tiers and makes each outcome's response cumulative.
func buildTiers(spec Spec, tiers []Tier, what string, required bool) ([4]response, []error) {
	var out [4]response
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("threat: scheme %s: "+format, append([]any{problem.Value(spec.Plan)}, args...)...))
	}
	var own [4]*Tier
	var slots []int
	if spec.Scale == ScaleLevels {
		slots = []int{1, 2, 3}
	} else {
		slots = []int{1, 2}
	}
	for i := range tiers {
		t := &tiers[i]
		slot := 0
		switch spec.Scale {
		case ScaleLevels:
			if t.Serious {
				bad("%s %d: serious is for the serious scale; give a level: %w", what, i, ErrScheme)
				continue
			}
			if !t.Level.IsValid() {
				bad("%s %d: level %s is not valid: %w", what, i, t.Level, ErrScheme)
				continue
			}
			slot = int(t.Level)
		case ScaleSerious:
			if t.Level != 0 {
				bad("%s %d: the serious scale has no levels, but level %s was given: %w", what, i, t.Level, ErrScheme)
				continue
			}
			slot = 1
			if t.Serious {
				slot = 2
			}
		}
		if own[slot] != nil {
			bad("%s %d: a second %s for the same outcome: %w", what, i, what, ErrScheme)
			continue
		}
		own[slot] = t
		for j, a := range t.Actions {
			if err := a.validate(spec.Plan); err != nil {
				bad("%s %d: action %d: %w", what, i, j, err)
			}
		}
		for j, n := range t.Notifications {
			if err := n.validate(spec.Plan); err != nil {
				bad("%s %d: notification %d: %w", what, i, j, err)
			}
		}
	}
	var acts []Action
	var notes []Notification
	for _, slot := range slots {
		t := own[slot]
		if t == nil {
			if required {
				bad("no %s for outcome %d: %w", what, slot, ErrScheme)
			}
		}
		var standDown bool
		var cur []Action
		if t != nil {
			// inherited actions, then this tier's own, merged by actor, step, target and condition
			for _, a := range t.Actions {
				if a.Task == StandDown {
					standDown = true
				}
			}
			cur = mergeActions(acts, t.Actions)
			notes = mergeNotifications(notes, t.Notifications)
		} else {
			cur = acts
		}
		out[slot] = response{actions: newActions(cur), notifications: newNotifications(notes), standDown: standDown}
		acts = nil
		for _, a := range cur {
			if a.Task != StandDown && !a.Only {
				acts = append(acts, a)
			}
		}
	}
	return out, errs
}

// mergeActions returns the inherited actions base with a tier's own
// actions more: an own action replaces an inherited one with the same key in
// its place, own actions with one key merge their citations, and the others
// follow in order. Linear in both lists.
func mergeActions(base, more []Action) []Action {
	return mergeTier(base, more, Action.key, func(a *Action) *council.Citations { return &a.Citations })
}

// mergeNotifications is [mergeActions] for notifications.
func mergeNotifications(base, more []Notification) []Notification {
	return mergeTier(base, more, Notification.key, func(n *Notification) *council.Citations { return &n.Citations })
}

func mergeTier[T any, K comparable](base, more []T, key func(T) K, cites func(*T) *council.Citations) []T {
	out := append([]T(nil), base...)
	at := make(map[K]int, len(out)+len(more))
	inherited := make(map[K]bool, len(out))
	for i, x := range out {
		k := key(x)
		if _, dup := at[k]; !dup {
			at[k], inherited[k] = i, true
		}
	}
	for _, x := range more {
		k := key(x)
		i, ok := at[k]
		switch {
		case ok && inherited[k]:
			out[i], inherited[k] = x, false
		case ok:
			c := cites(&out[i])
			*c = c.Join(*cites(&x))
		default:
			at[k] = len(out)
			out = append(out, x)
		}
	}
	return out
}

func marshalList[T any](list []T) ([]byte, error) {
	if list == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(list)
}
