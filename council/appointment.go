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

// Appointments is a plan's list of appointments, in the plan's order. The
// reference lists come fresh from [KumiyamaAppointments] and the like.
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

// KumiyamaAppointments returns kumiyama's appointments (第2条-第5条), fresh:
// 副町長 is the security chief, 総務部長 and 民生部長 the deputy chiefs,
// 企画財政課長 the system administrator and 住民課長 the information
// protection manager. The council's secretariat (企画財政課, 第6条7項) is not
// a role; it is [Council.Secretariat] of [Kumiyama].
func KumiyamaAppointments() Appointments {
	k := func(cl string) Citation { return Cite(PlanKumiyama, cl) }
	return Appointments{
		{Role: SecurityChief, Holder: "副町長", Cite: k("第2条2項")},
		{Role: DeputySecurityChief, Holder: "総務部長", Cite: k("第3条2項")},
		{Role: DeputySecurityChief, Holder: "民生部長", Cite: k("第3条2項")},
		{Role: SystemAdministrator, Holder: "企画財政課長", Cite: k("第4条2項")},
		{Role: InfoProtectionManager, Holder: "住民課長", Cite: k("第5条2項")},
	}
}

// KumamotoAppointments returns who fills kumamoto's roles, fresh: the staff
// and managers of the sections handling Juki affairs (4(1)), the three
// units that are the security officers together (4(1) 緊急対応策(ウ)(b):
// "地域政策課、中央区区役所区民課及び情報政策課(以下、「セキュリティ責任者等」
// という。)"), and each of those units in its own role
// ([RegionalPolicyDivision], [ChuoWardResidentsDivision],
// [InfoPolicyDivision]), which 4(1)(ウ) addresses one by one.
func KumamotoAppointments() Appointments {
	k := func(cl string) Citation { return Cite(PlanKumamoto, cl) }
	return Appointments{
		{Role: Staff, Holder: "住基事務等を取扱う各部署の担当者", Cite: k("4(1)")},
		{Role: SectionManager, Holder: "住基事務等を取扱う各部署の管理者", Cite: k("4(1)")},
		{Role: SecurityOfficers, Holder: "地域政策課", Cite: k("4(1) 緊急対応策(ウ)(b)")},
		{Role: SecurityOfficers, Holder: "中央区区役所区民課", Cite: k("4(1) 緊急対応策(ウ)(b)")},
		{Role: SecurityOfficers, Holder: "情報政策課", Cite: k("4(1) 緊急対応策(ウ)(b)")},
		{Role: RegionalPolicyDivision, Holder: "地域政策課", Cite: k("4(1) 緊急対応策(ウ)(b)")},
		{Role: ChuoWardResidentsDivision, Holder: "中央区区役所区民課", Cite: k("4(1) 緊急対応策(ウ)(b)")},
		{Role: InfoPolicyDivision, Holder: "情報政策課", Cite: k("4(1) 緊急対応策(ウ)(b)")},
	}
}

// NakanoAppointments returns who fills nakano's roles in a large incident
// (ICT-BCP 8), fresh.
func NakanoAppointments() Appointments {
	k := func(cl string) Citation { return Cite(PlanNakano, "ICT-BCP "+cl) }
	return Appointments{
		{Role: Mayor, Holder: "区長", Cite: k("8(1)")},
		{Role: DeputyMayor, Holder: "副区長", Cite: k("8(2)")},
		{Role: GeneralAffairsDirector, Holder: "総務部長", Cite: k("8(3)")},
		{Role: CrisisManagementDirector, Holder: "危機管理担当部長", Cite: k("8(4)")},
		{Role: CrisisManagementDivision, Holder: "危機管理課長", Cite: k("8(5)")},
		{Role: InfoSystemsDivision, Holder: "情報システム課長", Cite: k("8(6)")},
		{Role: InfoSystemsDivision, Holder: "情報政策官", Cite: k("8(6)")},
		{Role: OwningDepartmentHead, Holder: "主管部長", Cite: k("8(7)")},
		{Role: OwningDivisionHead, Holder: "主管課長", Cite: k("8(8)")},
		{Role: SystemManager, Holder: "主管課長", Cite: k("8(9)")},
		{Role: SystemManager, Holder: "各係長", Cite: k("8(9)")},
		{Role: SystemStaff, Holder: "担当職員", Cite: k("8(10)")},
	}
}
