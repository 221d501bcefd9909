package council

import (
	"fmt"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// An Appointment says who fills a role in a plan: Holder is the post as the
// plan writes it (e.g. "副町長"), Cite the clause that appoints it. A role
// may have several appointments (kumiyama's two deputy chiefs).
//
// The zero Appointment is not valid. Appointments are comparable with ==.
type Appointment struct {
	Role   Role     `json:"role,omitzero"`
	Holder string   `json:"holder,omitzero"`
	Cite   Citation `json:"cite,omitzero"`
}

// Appointments is a plan's list of appointments, in the plan's order, as
// its plan file states them.
//
// The zero Appointments is empty. == is not defined on it.
type Appointments []Appointment

// Of returns the appointments to role r, in order, in a fresh slice.
func (as Appointments) Of(r Role) Appointments {
	var out Appointments
	for _, a := range as {
		if a.Role == r {
			out = append(out, a)
		}
	}
	return out
}

// Roles returns the set of roles the list fills.
func (as Appointments) Roles() Roles {
	var s Roles
	for _, a := range as {
		s = s.With(a.Role)
	}
	return s
}

// Validate reports every appointment with an invalid role, an empty holder,
// a repeated (role, holder) pair, or a citation missing or not of plan.
func (as Appointments) Validate(plan string) error {
	var errs []error
	for i, a := range as {
		if !a.Role.IsValid() {
			errs = append(errs, fmt.Errorf("council: appointment %d: role %s: %w", i, a.Role, ErrInvalid))
		}
		if a.Holder == "" {
			errs = append(errs, fmt.Errorf("council: appointment %d (%s): empty holder: %w", i, a.Role, ErrInvalid))
		}
		for j := range i {
			if as[j].Role == a.Role && as[j].Holder == a.Holder {
				errs = append(errs, fmt.Errorf("council: appointment %d: %s %s repeats appointment %d: %w", i, a.Role, problem.Value(a.Holder), j, ErrDuplicate))
			}
		}
		if !citesPlan(a.Cite, plan) {
			errs = append(errs, fmt.Errorf("council: appointment %d (%s): citation %s: %w", i, a.Role, problem.Quote(a.Cite.String()), ErrUncited))
		}
	}
	return problem.Join(errs...)
}
