package measures

import (
	"fmt"
	"strconv"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// Hours is a daily window of time, as offsets from midnight Japan time
// (JST, time.FixedZone("JST", 9*3600)): terminals may be used from Open up to
// Close.
//
// The zero Hours is empty and not valid. Hours are comparable with ==.
type Hours struct {
	Open  time.Duration `json:"open,omitzero"`
	Close time.Duration `json:"close,omitzero"`
}

// IsValid reports whether 0 ≤ Open < Close ≤ 24h.
func (h Hours) IsValid() bool { return h.Open >= 0 && h.Open < h.Close && h.Close <= 24*time.Hour }

// Contains reports whether every instant of o lies inside h.
func (h Hours) Contains(o Hours) bool { return h.Open <= o.Open && o.Close <= h.Close }

// String prints the window as "8:30-17:15".
func (h Hours) String() string { return clock(h.Open) + "-" + clock(h.Close) }

func clock(d time.Duration) string {
	m := int(d / time.Minute)
	if m < 0 {
		return "-" + clock(-d)
	}
	return strconv.Itoa(m/60) + ":" + fmt.Sprintf("%02d", m%60)
}

// Rules are the figures and requirements a municipality's settings are
// checked against. They are plan data: a plan file states them under
// measures.controls, with citations of its own clauses (kumiyama's
// regulation is the reference); built in Go, [Rules.WithCitations] sets
// the clauses of each requirement.
//
// The zero Rules has no requirement in force and checks nothing; [Check]
// rejects Rules whose figures are out of range or whose requirements in force
// have no citation (see [Rules.Validate]). Rules are not comparable with ==.
type Rules struct {
	// InForce are the requirements checked; others are skipped.
	InForce Requirements `json:"inForce,omitzero"`
	// MinPasswordLength is the least number of characters of a password
	// (kumiyama: 8, 第18条1項2号, 第20条の2 3項2号).
	MinPasswordLength int `json:"minPasswordLength"`
	// LockoutAfter is the number of failed logons after which the user name
	// must be locked out, at the latest (kumiyama: 3, 第18条1項3号, 第20条の2 3項3号).
	LockoutAfter int `json:"lockoutAfter"`
	// EntryRecordYears, CardRecordYears and OperationLogYears are how long the
	// entry records, IC-card records and operation logs must be kept
	// (kumiyama: 7 years each, 第13条, 第17条17項, 第20条).
	EntryRecordYears  int `json:"entryRecordYears"`
	CardRecordYears   int `json:"cardRecordYears"`
	OperationLogYears int `json:"operationLogYears"`
	// TerminalHours is the window in which terminals may be used on working
	// days (kumiyama: 8:30-17:15, 第23条).
	TerminalHours Hours `json:"terminalHours,omitzero"`
	// WorkingDaysOnly says terminals may not be used on holidays
	// (kumiyama: true, 第23条 休日を除く毎日).
	WorkingDaysOnly bool `json:"workingDaysOnly"`
	// IdentityAssetManager manages identity information, the forms of the
	// server holding it and resident cards; OtherAssetManager every other
	// information asset (kumiyama: information protection manager and system
	// administrator, 第21条1項).
	IdentityAssetManager council.Role `json:"identityAssetManager,omitzero"`
	OtherAssetManager    council.Role `json:"otherAssetManager,omitzero"`

	cites [numRequirements]council.Citations
}

// Citations returns the clauses requirement q rests on under these rules;
// empty for an invalid q or an uncited one.
func (r Rules) Citations(q Requirement) council.Citations {
	if !q.IsValid() {
		return council.Citations{}
	}
	return r.cites[q-1]
}

// WithCitations returns a copy of r in which requirement q rests on cs; r is
// unchanged. An invalid q leaves the copy as r.
func (r Rules) WithCitations(q Requirement, cs council.Citations) Rules {
	if q.IsValid() {
		r.cites[q-1] = cs
	}
	return r
}

// Validate reports every problem that keeps r from being checked against: a
// figure below 1 for a requirement in force, invalid hours or roles, a
// requirement in force without citations. The errors wrap [ErrRules].
func (r Rules) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("measures: rules: "+format+": %w", append(args, ErrRules)...))
	}
	needs := func(qs ...Requirement) bool {
		for _, q := range qs {
			if r.InForce.Has(q) {
				return true
			}
		}
		return false
	}
	if r.InForce&^allRequirements != 0 {
		bad("unknown requirements in force %#x", uint64(r.InForce&^allRequirements))
	}
	if needs(CardPasswordLength, OSPasswordLength) && r.MinPasswordLength < 1 {
		bad("minimum password length %d, want at least 1", r.MinPasswordLength)
	}
	if needs(CardPasswordLockout, OSPasswordLockout) && r.LockoutAfter < 1 {
		bad("lockout after %d failures, want at least 1", r.LockoutAfter)
	}
	for _, f := range []struct {
		q Requirement
		n int
		s string
	}{{EntryRecordRetention, r.EntryRecordYears, "entry records"}, {CardRecordRetention, r.CardRecordYears, "card records"}, {OperationLogRetention, r.OperationLogYears, "operation logs"}} {
		if needs(f.q) && f.n < 1 {
			bad("%s kept %d years, want at least 1", f.s, f.n)
		}
	}
	if needs(TerminalHours) && !r.TerminalHours.IsValid() {
		bad("terminal hours %v are not a window within a day", r.TerminalHours)
	}
	if needs(IdentityAssetManager) && !r.IdentityAssetManager.IsValid() {
		bad("identity asset manager %v is not a role", r.IdentityAssetManager)
	}
	if needs(OtherAssetManager) && !r.OtherAssetManager.IsValid() {
		bad("other asset manager %v is not a role", r.OtherAssetManager)
	}
	for q := range (r.InForce & allRequirements).All() {
		if r.cites[q-1].Len() == 0 {
			bad("requirement %v is in force but cites no clause", q)
		}
	}
	return problem.Join(errs...)
}

// Password is how a municipality sets up one kind of password: the IC-card
// passwords of the CS and terminals, or the operating-system passwords.
//
// The zero Password meets no requirement. Passwords are comparable with ==.
type Password struct {
	Expires   bool `json:"expires,omitzero"`   // an expiry is set (有効期限を設ける)
	MinLength int  `json:"minLength,omitzero"` // least number of characters enforced; 0 = none
	// LockoutAfter is the number of failed logons after which the user name is
	// locked out; 0 means it never is.
	LockoutAfter int `json:"lockoutAfter,omitzero"`
	// InitialChanged: passwords set at installation are changed at once
	// (checked for operating-system passwords only, kumiyama 第20条の2 3項4号).
	InitialChanged bool `json:"initialChanged,omitzero"`
	// TemporaryChangedAtFirstLogon: temporary passwords must be changed at the
	// first logon (operating-system passwords only, 第20条の2 3項5号).
	TemporaryChangedAtFirstLogon bool `json:"temporaryChangedAtFirstLogon,omitzero"`
}

// Cards is how operator IC cards are handled (kumiyama 第17条).
//
// The zero Cards meets no requirement. Cards are comparable with ==.
type Cards struct {
	LentPerTask    bool `json:"lentPerTask,omitzero"`    // lent only for a task, each time (業務処理の都度)
	ApprovedOnly   bool `json:"approvedOnly,omitzero"`   // lent only to people the system administrator approved
	OnePerPerson   bool `json:"onePerPerson,omitzero"`   // one card per approved person, never lent or handed on
	ReturnedAtOnce bool `json:"returnedAtOnce,omitzero"` // returned as soon as the task ends
	RevokedOnLoss  bool `json:"revokedOnLoss,omitzero"`  // revoked at once when reported lost, damaged or stolen
	RecordYears    int  `json:"recordYears,omitzero"`    // years the card record (管理簿) is kept
}

// Zone is how entry to the rooms of one security level is controlled
// (kumiyama 第10-13条).
//
// The zero Zone meets no requirement. Zones are comparable with ==.
type Zone struct {
	PriorPermission bool `json:"priorPermission,omitzero"` // only people permitted beforehand may enter
	CardPerEntry    bool `json:"cardPerEntry,omitzero"`    // an entry card is handed out per entry and returned on leaving (level 2)
	NameTag         bool `json:"nameTag,omitzero"`         // people inside wear a name tag
	EntryRecords    bool `json:"entryRecords,omitzero"`    // entries are recorded (level 2)
	RecordYears     int  `json:"recordYears,omitzero"`     // years the entry records are kept (level 2)
}

// Contract is one outsourcing contract and the mandatory clauses it states
// (kumiyama 第33条).
//
// The zero Contract states no clause. Contracts are comparable with ==.
type Contract struct {
	Name    string       `json:"name"`    // how findings name the contract
	Clauses Requirements `json:"clauses"` // the contract clauses it states: a subset of [ContractClauses]
}

// Settings are a municipality's actual preventive controls, checked by
// [Check], which only reads them and keeps nothing.
//
// The zero Settings meets no requirement. Settings are not comparable with ==.
type Settings struct {
	CardPassword Password `json:"cardPassword"` // IC-card passwords of CS and terminals (kumiyama 第18条)
	OSPassword   Password `json:"osPassword"`   // operating-system passwords (kumiyama 第20条の2)
	Cards        Cards    `json:"cards"`        // operator IC cards (kumiyama 第17条)
	Level2Rooms  Zone     `json:"level2Rooms"`  // rooms holding data, servers and network equipment
	Level1Rooms  Zone     `json:"level1Rooms"`  // rooms with business terminals
	// OperationLogYears is how many years back the operation logs can be analysed.
	OperationLogYears int `json:"operationLogYears,omitzero"`
	// TerminalHours is when terminals can be used; TerminalOnHolidays says
	// they can also be used on holidays.
	TerminalHours      Hours `json:"terminalHours,omitzero"`
	TerminalOnHolidays bool  `json:"terminalOnHolidays,omitzero"`
	// The roles that manage identity information (with its forms and resident
	// cards) and the other information assets.
	IdentityAssetManager council.Role `json:"identityAssetManager,omitzero"`
	OtherAssetManager    council.Role `json:"otherAssetManager,omitzero"`
	// Contracts are the outsourcing contracts in force.
	Contracts []Contract `json:"contracts,omitempty"`
}

// Validate reports settings no check can read: a negative figure, hours
// outside a day, an invalid role, a contract clause that is not one. The
// errors wrap [ErrInvalid]. A missing control is not an error: it is a finding.
func (s Settings) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("measures: settings: "+format+": %w", append(args, ErrInvalid)...))
	}
	for _, f := range []struct {
		name string
		n    int
	}{
		{"card-password min length", s.CardPassword.MinLength}, {"card-password lockout", s.CardPassword.LockoutAfter},
		{"os-password min length", s.OSPassword.MinLength}, {"os-password lockout", s.OSPassword.LockoutAfter},
		{"card record years", s.Cards.RecordYears}, {"level-2 record years", s.Level2Rooms.RecordYears},
		{"level-1 record years", s.Level1Rooms.RecordYears}, {"operation log years", s.OperationLogYears},
	} {
		if f.n < 0 {
			bad("%s is %d", f.name, f.n)
		}
	}
	if s.TerminalHours != (Hours{}) && !s.TerminalHours.IsValid() {
		bad("terminal hours %v are not a window within a day", s.TerminalHours)
	}
	if s.IdentityAssetManager != 0 && !s.IdentityAssetManager.IsValid() {
		bad("identity asset manager %v", s.IdentityAssetManager)
	}
	if s.OtherAssetManager != 0 && !s.OtherAssetManager.IsValid() {
		bad("other asset manager %v", s.OtherAssetManager)
	}
	for i, c := range s.Contracts {
		if extra := c.Clauses &^ ContractClauses; extra != 0 {
			bad("contracts[%d] %s: %v are not contract clauses", i, problem.Value(c.Name), extra)
		}
	}
	return problem.Join(errs...)
}

// A Finding is one requirement a municipality's settings do not meet.
//
// The zero Finding names no requirement. Findings are not comparable with ==
// (they hold citations); compare Requirement and Subject.
type Finding struct {
	Requirement Requirement `json:"requirement,omitzero"`
	// Subject is what falls short: "card-password", "level2-rooms",
	// `contracts[1] "maintenance"`.
	Subject string `json:"subject"`
	// Detail says how, with the figure the rules ask for.
	Detail string `json:"detail"`
	// Citations are the clauses of the rules the requirement rests on.
	Citations council.Citations `json:"citations,omitzero"`
}

// String prints "subject: detail (citations)".
func (f Finding) String() string {
	return f.Subject + ": " + f.Detail + " (" + f.Citations.String() + ")"
}

// Check compares settings s with rules r and returns a finding for every
// requirement in force that s does not meet, in requirement order (contracts
// in the caller's order). It is monotone: settings stricter in every respect
// never produce a finding the laxer ones do not. Invalid rules or settings
// are an error and no findings.
func Check(r Rules, s Settings) ([]Finding, error) {
	if err := problem.Join(r.Validate(), s.Validate()); err != nil {
		return nil, err
	}
	var out []Finding
	add := func(q Requirement, subject, format string, args ...any) {
		out = append(out, Finding{Requirement: q, Subject: subject, Detail: fmt.Sprintf(format, args...), Citations: r.cites[q-1]})
	}
	on := r.InForce.Has

	pw := func(p Password, subject string, expiry, length, lockout Requirement) {
		if on(expiry) && !p.Expires {
			add(expiry, subject, "no expiry is set")
		}
		if on(length) && p.MinLength < r.MinPasswordLength {
			add(length, subject, "minimum length %d, want at least %d", p.MinLength, r.MinPasswordLength)
		}
		if on(lockout) {
			switch {
			case p.LockoutAfter == 0:
				add(lockout, subject, "never locks out, want lockout after %d failures", r.LockoutAfter)
			case p.LockoutAfter > r.LockoutAfter:
				add(lockout, subject, "locks out after %d failures, want %d at most", p.LockoutAfter, r.LockoutAfter)
			}
		}
	}
	pw(s.CardPassword, "card-password", CardPasswordExpiry, CardPasswordLength, CardPasswordLockout)
	pw(s.OSPassword, "os-password", OSPasswordExpiry, OSPasswordLength, OSPasswordLockout)
	if on(InitialPasswordChanged) && !s.OSPassword.InitialChanged {
		add(InitialPasswordChanged, "os-password", "initial passwords are not changed at once")
	}
	if on(TemporaryPasswordChanged) && !s.OSPassword.TemporaryChangedAtFirstLogon {
		add(TemporaryPasswordChanged, "os-password", "temporary passwords are not changed at the first logon")
	}

	for _, f := range []struct {
		q  Requirement
		ok bool
		d  string
	}{
		{CardLentPerTask, s.Cards.LentPerTask, "cards are not lent per task"},
		{CardApprovedOnly, s.Cards.ApprovedOnly, "cards are lent to people not approved"},
		{CardOnePerPerson, s.Cards.OnePerPerson, "cards are not one per approved person"},
		{CardReturnedAtOnce, s.Cards.ReturnedAtOnce, "cards are not returned as soon as the task ends"},
		{CardRevokedOnLoss, s.Cards.RevokedOnLoss, "lost cards are not revoked at once"},
	} {
		if on(f.q) && !f.ok {
			add(f.q, "ic-cards", "%s", f.d)
		}
	}

	for _, f := range []struct {
		q       Requirement
		ok      bool
		subject string
		d       string
	}{
		{Level2Permission, s.Level2Rooms.PriorPermission, "level2-rooms", "entry without prior permission"},
		{Level2CardPerEntry, s.Level2Rooms.CardPerEntry, "level2-rooms", "no entry card handed out per entry"},
		{Level2NameTag, s.Level2Rooms.NameTag, "level2-rooms", "no name tag"},
		{Level2EntryRecords, s.Level2Rooms.EntryRecords, "level2-rooms", "entries are not recorded"},
		{Level1Permission, s.Level1Rooms.PriorPermission, "level1-rooms", "entry without prior permission"},
		{Level1NameTag, s.Level1Rooms.NameTag, "level1-rooms", "no name tag"},
	} {
		if on(f.q) && !f.ok {
			add(f.q, f.subject, "%s", f.d)
		}
	}

	for _, f := range []struct {
		q       Requirement
		have    int
		want    int
		subject string
	}{
		{EntryRecordRetention, s.Level2Rooms.RecordYears, r.EntryRecordYears, "entry-records"},
		{CardRecordRetention, s.Cards.RecordYears, r.CardRecordYears, "card-records"},
		{OperationLogRetention, s.OperationLogYears, r.OperationLogYears, "operation-logs"},
	} {
		if on(f.q) && f.have < f.want {
			add(f.q, f.subject, "kept %d years, want %d", f.have, f.want)
		}
	}

	if on(TerminalHours) {
		switch {
		case s.TerminalHours == (Hours{}):
			add(TerminalHours, "terminals", "no operating hours set, want %v", r.TerminalHours)
		case !r.TerminalHours.Contains(s.TerminalHours):
			add(TerminalHours, "terminals", "usable %v, want within %v", s.TerminalHours, r.TerminalHours)
		}
		if r.WorkingDaysOnly && s.TerminalOnHolidays {
			add(TerminalHours, "terminal-holidays", "usable on holidays, want working days only")
		}
	}

	if on(IdentityAssetManager) && s.IdentityAssetManager != r.IdentityAssetManager {
		add(IdentityAssetManager, "identity-assets", "managed by %v, want %v", s.IdentityAssetManager, r.IdentityAssetManager)
	}
	if on(OtherAssetManager) && s.OtherAssetManager != r.OtherAssetManager {
		add(OtherAssetManager, "other-assets", "managed by %v, want %v", s.OtherAssetManager, r.OtherAssetManager)
	}

	for i, c := range s.Contracts {
		for q := range (ContractClauses & r.InForce &^ c.Clauses).All() {
			add(q, "contracts["+strconv.Itoa(i)+"] "+strconv.Quote(c.Name), "does not state %s", q.Label())
		}
	}
	return out, nil
}

// japan is Japan time; *time.Location is read-only once built.
var japan = time.FixedZone("JST", 9*3600)

// TerminalUsable reports whether the rules let a business terminal be used at
// instant t, read in Japan time: within [Rules.TerminalHours] (from Open, up
// to but not including Close) and, when [Rules.WorkingDaysOnly], not on a
// holiday. holiday says whether t's day is a holiday under the municipality's
// ordinance, which kumiyama 第23条 refers to and the library does not encode.
// The regulation says 原則として (as a rule): exceptions are the caller's to
// grant. With the terminal-hours requirement not in force, every instant is
// usable; with invalid hours, none is.
func (r Rules) TerminalUsable(t time.Time, holiday bool) bool {
	if !r.InForce.Has(TerminalHours) {
		return true
	}
	if !r.TerminalHours.IsValid() || r.WorkingDaysOnly && holiday {
		return false
	}
	jt := t.In(japan)
	y, m, d := jt.Date()
	off := jt.Sub(time.Date(y, m, d, 0, 0, 0, 0, japan))
	return r.TerminalHours.Open <= off && off < r.TerminalHours.Close
}
