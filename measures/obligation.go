package measures

import (
	"fmt"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/internal/problem"
)

// An Obligation is a standing duty, or a power, that a plan gives in normal
// operation rather than in a drill: who (By, and Who in the plan's words
// where the library's actors do not say it all), what (Task, in the plan's
// own words), towards whom (To), how often or when (When), on what occasion
// (On), whether it is only a power (May: …することができる), and the clauses
// that say so. kumiyama's operating regulation is mostly such obligations
// (第8条 the internal audit, 第9条 the training plan, 第22条 the handling of
// identity information, 第31条 the survey of a contractor, …).
//
// It is plan data: the library reads no meaning into Task, When or On (they
// are the document's words, shown as written); it checks that an obligation
// is well formed ([Obligation.Validate]) and that its actors are valid.
//
// The zero Obligation is not valid. == is not defined (it holds slices and
// citations); compare with go-cmp.
type Obligation struct {
	// Key names the obligation within its plan, unique there: a plain
	// identifier such as "internal-audit".
	Key string `json:"key,omitzero"`
	// By are the actors bound by it, in the plan's order; empty where the
	// plan names no actor the library knows (then Who says who, or the
	// plan says no one: kumiyama 第35条).
	By []council.Actor `json:"by,omitempty"`
	// Who is who is bound, as the plan writes it, where By does not say it
	// all ("監査を行った者", "その他本人確認情報を取り扱う者"); empty otherwise.
	Who string `json:"who,omitempty"`
	// Task is what the obligation asks, in the plan's own words.
	Task string `json:"task,omitzero"`
	// To are the actors the task is directed at: reported to, instructed,
	// trained, asked for approval, surveyed. Recipients need not be roles of
	// the organisation.
	To []council.Actor `json:"to,omitempty"`
	// When is how often or how soon, in the plan's words ("定期又は必要に応じて",
	// "あらかじめ", "直ちに"); empty where the plan does not say.
	When string `json:"when,omitempty"`
	// On is the occasion that calls for it, in the plan's words
	// ("外部委託をしようとするとき"); empty for a standing obligation.
	On string `json:"on,omitempty"`
	// May says the plan grants a power (…することができる), not a duty.
	May bool `json:"may,omitempty"`
	// Citations are the clauses that state it; at least one.
	Citations council.Citations `json:"citations,omitzero"`
}

// Validate reports every problem of o under plan: a key that is not a plain
// identifier, no task, an invalid actor in By or To, no citation or a
// citation of another plan. The errors wrap [ErrInvalid].
func (o Obligation) Validate(plan string) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("measures: obligation %s: "+format+": %w", append([]any{problem.Value(o.Key)}, append(args, ErrInvalid)...)...))
	}
	if !plainKey(o.Key) {
		bad("key: want a plain identifier (a-z, 0-9, -)")
	}
	if o.Task == "" {
		bad("no task")
	}
	for i, a := range o.By {
		if !a.IsValid() {
			bad("by[%d]: not a valid role or party", i)
		}
	}
	for i, a := range o.To {
		if !a.IsValid() {
			bad("to[%d]: not a valid role or party", i)
		}
	}
	if o.Citations.Len() == 0 {
		bad("cites no clause")
	}
	for i, c := range o.Citations.All() {
		if c.Plan() != plan {
			bad("citations[%d]: %s is not of plan %s", i, problem.Short(c.String()), problem.Quote(plan))
		}
	}
	return problem.Join(errs...)
}

// plainKey reports whether k is a short run of lower-case ASCII letters,
// digits and '-', starting with a letter.
func plainKey(k string) bool {
	if k == "" || len(k) > 64 || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := range len(k) {
		c := k[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Binds reports whether o binds actor a (a is one of By).
func (o Obligation) Binds(a council.Actor) bool {
	for _, b := range o.By {
		if b == a {
			return true
		}
	}
	return false
}
