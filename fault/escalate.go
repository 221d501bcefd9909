package fault

import (
	"fmt"
	"github.com/jukiplan/jukiplan/internal/duration"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// Facts are what is known about a fault when deciding whom to tell:
// the inputs to [Procedure.Escalate].
//
// The zero Facts is a fault of unknown kind with a known cause that stops
// nothing: only the findings are reported, under a plan that reports every
// fault (kumiyama reports none: see Kind). Facts are comparable with ==.
// One Facts value is worse than another when every severity flag (ServerDown,
// CauseUnknown, OperationImpossible) set in the better one is set in it, and
// Impact and ExpectedStop are no smaller; Symptom, Kind and InServer say what
// and where, not how bad, and must be the same.
type Facts struct {
	// Symptom is the reported symptom, when one is known; zero when not.
	// kumiyama's duties for bugs and viruses (第25条) depend on it.
	Symptom Symptom `json:"symptom,omitzero"`
	// InServer: the fault is in a server (the CS 等) rather than in a
	// business terminal (kumiyama 第24条 and 第25条 distinguish the two).
	InServer bool `json:"inServer"`
	// Kind is the fault's kind once identified; zero while unknown.
	// kumiyama's report of a terminal's hardware fault (第24条) depends on
	// it: a fault of unknown kind is not known to be one.
	Kind Kind `json:"kind,omitzero"`
	// ServerDown: a server (the CS, the prefectural server) or the
	// prefecture's network does not work normally (ino 第4条 サーバが正常に
	// 動作しない, tottori 第2-4(1)).
	ServerDown bool `json:"serverDown"`
	// CauseUnknown: the investigation did not find the cause (ino 第3条(2)).
	CauseUnknown bool `json:"causeUnknown"`
	// OperationImpossible: business operation cannot go on (tottori 第2-2(1)
	// 業務運用が不可能, kumamoto 4(2) システムがダウン).
	OperationImpossible bool `json:"operationImpossible"`
	// Impact is the share of resident services that cannot be provided, in
	// percent from 0 to 100 (住民サービスへの影響度合い). Compared with
	// [Thresholds].Heavy.
	Impact int `json:"impact"`
	// ExpectedStop is how long the system is expected to stay stopped
	// (停止の見込み). Compared with [Thresholds].Long.
	ExpectedStop time.Duration `json:"expectedStop,omitzero"`
}

// Validate reports every field of s that is out of range.
func (s Facts) Validate() error {
	var errs []error
	if s.Symptom != 0 && !s.Symptom.IsValid() {
		errs = append(errs, fmt.Errorf("fault: situation: Symptom %d: %w", uint8(s.Symptom), council.ErrInvalid))
	}
	if s.Kind != 0 && !s.Kind.IsValid() {
		errs = append(errs, fmt.Errorf("fault: situation: Kind %d: %w", uint8(s.Kind), council.ErrInvalid))
	}
	if s.Impact < 0 || s.Impact > 100 {
		errs = append(errs, fmt.Errorf("fault: situation: Impact %d: want a percentage from 0 to 100: %w", s.Impact, council.ErrInvalid))
	}
	if s.ExpectedStop < 0 {
		errs = append(errs, fmt.Errorf("fault: situation: ExpectedStop %s: want zero or more: %w", duration.Format(s.ExpectedStop), council.ErrInvalid))
	}
	return problem.Join(errs...)
}

// A Notice is one cited action of an escalation: By does Action towards To.
// Note is the plan's own wording of the action, when its row gives one
// ([EscalationSpec].Note); outputs in Japanese show it rather than the
// Action's generic label.
//
// To is the zero Actor for an action without an addressee (convening the
// council, giving instructions, disconnecting a machine); JSON leaves it out
// then. The zero Notice is nothing. == is not
// defined (Cites is a list).
type Notice struct {
	Task  Task              `json:"action"`
	By    council.Actor     `json:"by"`
	To    council.Actor     `json:"to,omitzero"`
	Note  string            `json:"note,omitempty"`
	Cites council.Citations `json:"cites"`
}

// An Escalation is whom a plan tells, and who acts, for a [Situation]: the
// findings go to the system administrator, an unknown cause brings in the
// maintenance contractor, an impossible operation is told to the national
// center and related bodies, and a serious fault goes to the security chief,
// who convenes the council. [Escalation.Triggers] maps the escalation onto
// the council package's triggers, for council.ConveneAny.
//
// The zero Escalation tells nobody. == is not defined.
type Escalation struct {
	Serious      bool              `json:"serious"`      // the fault is serious under the plan's Thresholds
	SeriousCites council.Citations `json:"seriousCites"` // the clauses of the judgement, when Serious
	// Notices are in the plan's order, one per (Action, By, To). Escalate
	// returns a non-nil slice, empty when the plan has nobody told (kumiyama
	// on a fault of unknown kind: 第24条 and 第25条 state reports only for a
	// terminal's hardware fault and for bugs and infections).
	Notices []Notice `json:"notices"`
}

// Recipients returns the roles and parties told or asked by e's notices.
func (e Escalation) Recipients() (council.Roles, council.Parties) {
	var rs council.Roles
	var ps council.Parties
	for _, n := range e.Notices {
		rs = rs.With(n.To.Role)
		ps = ps.With(n.To.Party)
	}
	return rs, ps
}

type condition func(p Procedure, s Facts) bool

type escalationRule struct {
	when   condition
	action Task
	by     council.Actor
	to     []council.Actor // one notice each; none for an action without addressee
	note   string
	cites  council.Citations
}

func always(Procedure, Facts) bool            { return true }
func serverFault(_ Procedure, s Facts) bool   { return s.ServerDown }
func causeUnknown(_ Procedure, s Facts) bool  { return s.CauseUnknown }
func opImpossible(_ Procedure, s Facts) bool  { return s.OperationImpossible }
func seriousFault(p Procedure, s Facts) bool  { return p.serious(s) }
func serverBug(_ Procedure, s Facts) bool     { return s.InServer && s.Symptom == Bug }
func serverVirus(_ Procedure, s Facts) bool   { return s.InServer && s.Symptom == VirusInfection }
func terminalVirus(_ Procedure, s Facts) bool { return !s.InServer && s.Symptom == VirusInfection }
func terminalBug(_ Procedure, s Facts) bool   { return !s.InServer && s.Symptom == Bug }

// terminalHardware: a hardware fault of a business terminal (業務端末に係る
// 障害 in kumiyama 第24条, the hardware article). Kind must be known.
func terminalHardware(_ Procedure, s Facts) bool { return !s.InServer && s.Kind == Hardware }

// serious: the server does not work normally, the impact on resident services
// is heavy and the stop long (ino 第4条, tottori 第2-4(1)). A plan without
// thresholds never judges a fault serious.
func (p Procedure) serious(s Facts) bool {
	return p.ref.serious.Long > 0 && s.ServerDown && s.Impact >= p.heavy && s.ExpectedStop >= p.long
}

// Serious reports whether s is a serious fault (重大障害) under p and its
// [Thresholds], with the clauses of the judgement. A plan that states no
// serious-fault judgement (kumamoto, kumiyama) never does.
func (p Procedure) Serious(s Facts) (bool, council.Citations) {
	if p.ref == nil || !p.serious(s) {
		return false, council.Citations{}
	}
	return true, p.ref.serious.Cites
}

// Escalate returns whom p tells and who acts for s, in the plan's order.
// Escalation is monotone: a worse Situation never yields fewer notices or
// fewer recipients. An invalid Situation is an error naming every bad field.
func (p Procedure) Escalate(s Facts) (Escalation, error) {
	if p.ref == nil {
		return Escalation{}, errZeroPlan
	}
	if err := s.Validate(); err != nil {
		return Escalation{}, problem.Wrap("fault: "+p.ref.id+": escalate", err)
	}
	e := Escalation{Notices: []Notice{}}
	e.Serious, e.SeriousCites = p.Serious(s)
	add := func(n Notice) {
		for i, m := range e.Notices {
			if m.Task == n.Task && m.By == n.By && m.To == n.To {
				e.Notices[i].Cites = m.Cites.Join(n.Cites)
				if m.Note == "" {
					e.Notices[i].Note = n.Note
				}
				return
			}
		}
		e.Notices = append(e.Notices, n)
	}
	for _, r := range p.ref.escalation {
		if !r.when(p, s) {
			continue
		}
		if len(r.to) == 0 {
			add(Notice{Task: r.action, By: r.by, Note: r.note, Cites: r.cites})
		}
		for _, to := range r.to {
			add(Notice{Task: r.action, By: r.by, To: to, Note: r.note, Cites: r.cites})
		}
	}
	return e, nil
}
