package bcp

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Backup is one server's backup that could be kept at the other data
// center (別データセンター, 統合仮想サーバ 5(4)).
//
// The zero Backup is not valid (no ID, no scale). Backups are comparable with ==.
type Backup struct {
	ID    string      `json:"id"`             // the system's ID
	Scale ImpactScale `json:"scale,omitzero"` // the system's impact scale
	Size  int64       `json:"size"`           // the backup's size, in any unit shared with the capacity; not negative
}

// A BackupSelection is the set of backups kept off-site.
//
// The zero BackupSelection chooses nothing. It holds slices, so == is not
// defined.
type BackupSelection struct {
	// Chosen are the IDs kept off-site, in the order they were added.
	Chosen []string `json:"chosen"`
	// Left are the IDs not chosen, in the order they would be added next.
	Left []string `json:"left"`
	// Used is the total size chosen; Capacity the capacity given.
	Used     int64 `json:"used"`
	Capacity int64 `json:"capacity"`
	// Citations are the clauses the selection rests on. SelectBackups
	// leaves it empty for the caller to fill from its plan (nakano:
	// 統合仮想サーバ 5(4)): no part of a plan file states backups yet, and
	// the engine cites no plan of its own accord.
	Citations council.Citations `json:"citations,omitzero"`
}

// SelectBackups chooses the backups to keep at the other data center within
// capacity (統合仮想サーバ 5(4)): the source starts with the servers whose stop
// has the largest impact and, as the capacity grows, adds servers in order of
// impact scale. Candidates are taken Large, Medium, Small (then unassessed,
// under policy as for [Order]), by ID within a scale, and added while they fit.
//
// Selection stops at the first backup that does not fit, even if a later,
// smaller one would: that keeps the order of the source, and it is what makes
// more capacity never drop a backup already chosen (a greedy that skipped
// would take a small server at one capacity and drop it at a larger one). The
// next backup to add is Left[0]. That stop is the library's own reading.
//
// Invalid candidates, duplicate IDs, negative sizes or capacity are reported
// together; unassessed candidates without a policy as an [*UnassessedError].
func SelectBackups(cands []Backup, capacity int64, policy UnassessedPolicy) (BackupSelection, error) {
	var errs []error
	if capacity < 0 {
		errs = append(errs, fmt.Errorf("bcp: backups: negative capacity %d: %w", capacity, ErrInvalid))
	}
	if policy != 0 && !policy.IsValid() {
		errs = append(errs, fmt.Errorf("bcp: backups: unknown unassessed policy %s: %w", policy, ErrInvalid))
	}
	seen := make(map[string]int, len(cands))
	var unassessed []string
	for i, c := range cands {
		if c.ID == "" {
			errs = append(errs, fmt.Errorf("bcp: backup %d: empty ID: %w", i, ErrInvalid))
		} else if j, dup := seen[c.ID]; dup {
			errs = append(errs, fmt.Errorf("bcp: backup %d: ID %s already used by backup %d: %w", i, problem.Value(c.ID), j, ErrInvalid))
		} else {
			seen[c.ID] = i
		}
		if !c.Scale.IsValid() {
			errs = append(errs, fmt.Errorf("bcp: backup %s: impact scale %s unset or unknown: %w", problem.Value(c.ID), c.Scale, ErrInvalid))
		} else if c.Scale == Unassessed {
			unassessed = append(unassessed, c.ID)
		}
		if c.Size < 0 {
			errs = append(errs, fmt.Errorf("bcp: backup %s: negative size %d: %w", problem.Value(c.ID), c.Size, ErrInvalid))
		}
	}
	if len(errs) > 0 {
		return BackupSelection{}, problem.Join(errs...)
	}
	if len(unassessed) > 0 && policy == 0 {
		slices.Sort(unassessed)
		return BackupSelection{}, &UnassessedError{IDs: unassessed}
	}
	order := slices.Clone(cands)
	slices.SortFunc(order, func(a, b Backup) int {
		return cmp.Or(
			policyScale(a.Scale, policy).Compare(policyScale(b.Scale, policy)),
			strings.Compare(a.ID, b.ID))
	})
	sel := BackupSelection{Capacity: capacity}
	k := 0
	for ; k < len(order); k++ {
		if order[k].Size > capacity-sel.Used {
			break
		}
		sel.Used += order[k].Size
		sel.Chosen = append(sel.Chosen, order[k].ID)
	}
	for _, c := range order[k:] {
		sel.Left = append(sel.Left, c.ID)
	}
	return sel, nil
}
