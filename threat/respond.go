package threat

import (
	"fmt"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// A Response is what a scheme prescribes once the level (or, on the serious
// scale, the judgement) is settled: the actions and notifications due, each
// with its actors and citations, and the grading it follows from, so that a
// manual judgement stays marked Manual with its Reason.
//
// The zero Response prescribes nothing. Responses are not comparable with ==.
type Response struct {
	Grading       Grading       `json:"grading"`
	Actions       Actions       `json:"actions"`
	Notifications Notifications `json:"notifications"`
	// StandDown reports that the response ends the emergency response
	// (緊急時対応を解く, tottori:第3-5(1), kumamoto:4(1) 緊急対応策(ア)).
	StandDown bool `json:"standDown"`

	_ [15]byte // pads a Response to 112 bytes, a multiple of 16: see [Decide]
}

// Respond returns the response scheme s prescribes for grading g, which must
// come from s ([Grade], [Judge] or [JudgeSerious] with the same scheme). It
// does not allocate.
func Respond(s *Scheme, g Grading) (Response, error) {
	if r := s.responseFor(g.Plan, g.Level, g.Serious); r != nil {
		return Response{Grading: g, Actions: r.actions, Notifications: r.notifications, StandDown: r.standDown}, nil
	}
	return Response{}, s.respondError(g)
}

// responseFor returns the response for a grading of s with the given plan,
// level and serious flag, or nil when that is no grading of s.
func (s *Scheme) responseFor(plan string, l Level, serious bool) *response {
	if s == nil || l >= 4 {
		return nil
	}
	k := s.slotOf[l][b2i(serious)]
	if k <= 0 || plan != s.plan {
		return nil
	}
	return &s.responses[k]
}

// Decide grades e under scheme s and looks up the response in one step: the
// same as [Grade] followed by [Respond], with the same errors, for the hot
// path of an embedding system. It allocates no more than [Grade].
//
// Decide is an index into tables [NewScheme] compiles: the finished response
// of every graded combination of attributes. It is small enough for the
// compiler to inline, so that the response is copied once, from the table
// into the caller's variable; a Response is padded to a multiple of 16 bytes
// so that copying one is never slowed by overlapping moves.
func Decide(s *Scheme, e Event) (r Response, err error) {
	t, err := s.decision(&e)
	if t != nil {
		r = *t
		r.Grading.Event = e
	}
	return
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// respondError explains why Respond refused g.
func (s *Scheme) respondError(g Grading) error {
	if err := usable(s); err != nil {
		return err
	}
	_, err := s.slot(g.Plan, g.Level, g.Serious)
	if err == nil {
		err = fmt.Errorf("threat: %s: grading %s/serious=%t has no response: %w", s.plan, g.Level, g.Serious, council.ErrInvalid)
	}
	return err
}

func (s *Scheme) slot(plan string, level Level, serious bool) (int, error) {
	if plan != s.plan {
		return 0, fmt.Errorf("threat: %s: grading is of plan %s: %w", s.plan, problem.Value(plan), council.ErrInvalid)
	}
	if s.scale == ScaleSerious {
		if level != 0 {
			return 0, fmt.Errorf("threat: %s: grading has level %s, but the plan has no levels: %w", s.plan, level, council.ErrInvalid)
		}
		if serious {
			return 2, nil
		}
		return 1, nil
	}
	if !level.IsValid() {
		return 0, fmt.Errorf("threat: %s: grading has no level: %w", s.plan, council.ErrInvalid)
	}
	if serious != (level >= s.seriousFrom) {
		return 0, fmt.Errorf("threat: %s: grading at %s says serious=%t, but the plan makes %s serious: %w",
			s.plan, level, serious, s.seriousFrom, council.ErrInvalid)
	}
	return int(level), nil
}

// A Precaution is what a scheme prescribes while the level is being
// established: the actions and notifications due at the top of the range.
//
// The zero Precaution prescribes nothing. Precautions are not comparable
// with ==.
type Precaution struct {
	Range         Range         `json:"range"`
	Actions       Actions       `json:"actions"`
	Notifications Notifications `json:"notifications"`
}

// Precautions returns the precautionary actions and notifications scheme s
// prescribes for the provisional range r (from [Provisional] with the same
// scheme): those of r.Max, which include those of every lower level. It does
// not allocate.
func Precautions(s *Scheme, r Range) (Precaution, error) {
	if err := usable(s); err != nil {
		return Precaution{}, err
	}
	if r.Plan != s.plan {
		return Precaution{}, fmt.Errorf("threat: %s: range is of plan %s: %w", s.plan, problem.Value(r.Plan), council.ErrInvalid)
	}
	if s.scale != ScaleLevels {
		return Precaution{}, fmt.Errorf("threat: %s: the plan has no levels to take precautions by: %w", s.plan, ErrNotCovered)
	}
	if !r.Max.IsValid() || !r.Min.IsValid() || r.Min > r.Max {
		return Precaution{}, fmt.Errorf("threat: %s: range %s..%s is not a range of levels: %w", s.plan, r.Min, r.Max, council.ErrInvalid)
	}
	p := &s.precautions[r.Max]
	return Precaution{Range: r, Actions: p.actions, Notifications: p.notifications}, nil
}
