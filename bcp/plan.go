package bcp

import (
	"fmt"
	"reflect"
	"time"

	"github.com/jukiplan/jukiplan/council"
	"github.com/jukiplan/jukiplan/fault"
	"github.com/jukiplan/jukiplan/internal/problem"
	"github.com/jukiplan/jukiplan/measures"
	"github.com/jukiplan/jukiplan/threat"
)

// A Plan is one municipality's whole plan: who it is (ID, version, title and
// source document), its organisation (appointments, reporting chain,
// councils, convening rules and agendas), fault handling, threat scheme,
// measures and continuity, each part in the data form of the package that
// owns it ([council.Organization], [fault.Spec], [threat.Spec], package
// measures, and this package's [Inventory] and continuity settings).
//
// Every part is optional. Where a document is silent the plan is silent: the
// part is nil or empty, never filled from another plan. The five reference
// plans come fresh from [Ino], [Kumamoto], [Kumiyama], [Tottori] and [Nakano]
// (or [Reference]); a vendor writes its own in a plan file ([ParsePlan]).
//
// A Plan is a plain value; the parts are pointers so that "silent" (nil)
// and "empty" can be told apart. Copying a Plan shares its parts: use
// [Plan.Clone] before changing a plan that someone else also holds. Reading a
// Plan is safe for concurrent use.
//
// The zero Plan has no ID and is not valid. == is not defined; compare with
// go-cmp (council.Citations has an Equal method) or by [Plan.Provenance].
type Plan struct {
	// ID is the plan ID every citation of the plan cites, e.g. "tottori":
	// a plain identifier (letters, digits, '-', '_').
	ID string `json:"id,omitzero"`
	// Version is the plan's version as its owner names it, e.g. the date of
	// its last revision ("2016-04-01"). Free text; required.
	Version string `json:"version,omitzero"`
	// Title is the plan's title as the document writes it.
	Title string `json:"title,omitzero"`
	// Source names the document the plan encodes: publisher, kind of
	// instrument and date, as written.
	Source string `json:"source,omitempty"`
	// BasedOn names the model plan the plan follows, if any: the plan
	// inherits the parts its file leaves out, citing the model's clauses,
	// and its citations may name the model's clauses ([Model]). Nil for a
	// plan of its own.
	BasedOn *Model `json:"basedOn,omitempty"`
	// Clauses is the clause index of the document: every clause, in
	// document order, with its number exactly as the document writes it and
	// its heading or first words. Every citation of the plan names one of
	// them ([Check] reports one that does not); [Plan.Index] looks them up.
	// Nil where the plan file lists none.
	Clauses []council.Clause `json:"clauses,omitempty"`
	// Vocabulary is the plan's own words for its positions, parties, bodies,
	// symptoms and the like, each with the engine's function it acts as;
	// the rest of the plan file names them by their IDs, and every output
	// uses their labels.
	Vocabulary Vocabulary `json:"vocabulary,omitzero"`

	// Organization is who fills which role, the reporting chain, the
	// deliberating bodies, the rules that convene them and their agendas.
	Organization *council.Organization `json:"organization,omitempty"`
	// Provisions are what the plan says about itself (purposes, review,
	// related laws and rules) and asks to be prepared, in its own words;
	// nil where it says none of it.
	Provisions *Provisions `json:"provisions,omitempty"`
	// Duties say which of the plan's actors performs each [Duty] of a drill
	// (who observes, judges, maintains, reports), each with the clauses that
	// say so, in [Duty] order; a duty not listed falls to the library's
	// default ([Plan.Duty]).
	Duties []Assignment `json:"duties,omitempty"`
	// Fault is the fault handling (symptoms, investigation, detection,
	// locations, alternatives, escalation, lifecycle, serious-fault
	// thresholds); build the working [fault.Procedure] with [Plan.FaultProcedure].
	Fault *fault.Spec `json:"fault,omitempty"`
	// Threat is the threat scheme (levels or serious/not serious, the
	// grading table, responses and precautions); build the working
	// [*threat.Scheme] with [Plan.Scheme].
	Threat *threat.Spec `json:"threat,omitempty"`
	// Measures are the preventive controls, annex playbooks, general
	// emergency measures, follow-up and recurrence prevention.
	Measures *PlanMeasures `json:"measures,omitempty"`
	// Continuity is the ICT continuity part: the inventory of systems and the
	// continuity settings (contact channels, report schedule, horizons,
	// outside reporting routes and the recovery flow).
	Continuity *Continuity `json:"continuity,omitempty"`

	// Readings mark the values of the plan file that the document does not
	// give — a figure it leaves to the municipality, an actor or a chair it
	// does not name — as the library's default or reading, each with its
	// reason ([Mark]); every output shows them as such ([Check], [DiffPlans],
	// drills). Nil where every value is the document's.
	Readings []Mark `json:"readings,omitempty"`
	// NotStated mark the places of the plan file that the document leaves
	// empty — a chair, a council, a threshold it does not state — each with
	// its reason, so that [Check] reports the document's silence, not a
	// missing part ([Mark]). Nil where the plan marks none.
	NotStated []Mark `json:"notStated,omitempty"`
}

// Index returns the plan's clause index, built from Clauses: it says which
// clause a citation names and its heading. A problem with the list (a clause
// that cannot be cited, given twice, without heading) is an error wrapping
// [ErrInvalid]; [ParsePlan] and [Plan.Validate] report the same problems with
// their paths.
func (p Plan) Index() (council.Index, error) {
	x, err := council.NewIndex(p.ID, p.Clauses)
	if err != nil {
		return council.Index{}, fmt.Errorf("bcp: %w", err)
	}
	return x, nil
}

// PlanMeasures are a plan's measures, each part in package measures' own form.
//
// The zero PlanMeasures has no measures; == is not defined.
type PlanMeasures struct {
	// Controls are the preventive-control figures and requirements in force
	// (kumiyama's regulation); nil where the plan sets none.
	Controls *measures.Rules `json:"controls,omitempty"`
	// Annex lists the rows of the plan's annex of emergency measures
	// (tottori 別表1-1 … 4-4) by case, in annex order: the playbooks a drill
	// plays. Each must have its playbook in Playbooks ([Check] reports one
	// that does not).
	Annex []measures.Case `json:"annex,omitempty"`
	// Playbooks are the rows of the annex themselves, in the plan's own
	// words with citations of its own clauses: one [measures.Playbook] per
	// case, in the plan's order.
	Playbooks measures.Playbooks `json:"playbooks,omitempty"`
	// Emergency are the general emergency measures, in the plan's order.
	Emergency []measures.Measure `json:"emergency,omitempty"`
	// FollowUp are the follow-up steps after an unauthorized act, in the
	// plan's order.
	FollowUp []measures.Measure `json:"followUp,omitempty"`
	// Recurrence is the plan's recurrence prevention; nil where it says none.
	Recurrence *Recurrence `json:"recurrence,omitempty"`
	// Obligations are the standing duties and powers of normal operation
	// (kumiyama 第8条 audit, 第9条 training, 第22条 identity information,
	// 第31条 outsourcing, …), in the plan's order, each in the plan's own
	// words with its clauses; keys are unique. Plan data only: a drill does
	// not play them.
	Obligations []measures.Obligation `json:"obligations,omitempty"`
}

// Recurrence is what a plan says about preventing a recurrence: the
// countermeasures it catalogues (ino 第8条) and whether it requires a written
// recurrence-prevention plan ([measures.PreventionPlan], kumamoto 5).
//
// The zero Recurrence says nothing. == is not defined.
type Recurrence struct {
	Countermeasures []measures.Countermeasure `json:"countermeasures,omitempty"`
	// PlanRequired says a recurrence-prevention plan with the parts a-d of
	// [measures.PreventionPlan] is required once an incident is dealt with.
	PlanRequired bool `json:"planRequired,omitempty"`
	// Authors are the roles the plan makes draw up the recurrence-prevention
	// plan and take its measures; where it names none, the chief does.
	Authors   council.Roles     `json:"authors,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// Continuity is a plan's ICT continuity part. Each part is optional.
//
// The zero Continuity has nothing; == is not defined.
type Continuity struct {
	// Inventory is the plan's list of information systems; nil where the
	// plan has none.
	Inventory *Inventory `json:"inventory,omitempty"`
	// Contacts are the contact-channel choices the plan makes per outage
	// pattern and audience, in pattern then audience order.
	Contacts []ContactRule `json:"contacts,omitempty"`
	// Schedule is the report schedule and form; nil where the plan sets none.
	Schedule *ReportPlan `json:"schedule,omitempty"`
	// Horizons are the outage horizons each system's manual continuation
	// must cover, with the clauses that say so; nil where none.
	Horizons *HorizonPlan `json:"horizons,omitempty"`
	// Routes are the reporting routes outside the organisation per kind of
	// incident, in [Incident] order.
	Routes []Outside `json:"routes,omitempty"`
	// Flow is the recovery flow, in step order.
	Flow []Phase `json:"flow,omitempty"`
	// Order are the clauses the plan gives for the grounds of its recovery
	// order, in citation order ([OrderOptions.Clauses]); nil where it gives
	// none, and then a recovery order cites nothing.
	Order []OrderClause `json:"order,omitempty"`
}

// An OrderClause is a clause a plan gives for some grounds of its recovery
// order: a position [Order] places on one of Reasons cites Cite.
//
// The zero OrderClause cites nothing. OrderClauses are comparable with ==.
type OrderClause struct {
	Cite    council.Citation `json:"cite,omitzero"`
	Reasons Reasons          `json:"reasons,omitzero"`
}

// A ContactRule is the channel a plan chooses for one audience in one outage
// pattern ([Continuity.ContactFor] picks the rule for the services up).
//
// The zero ContactRule is not valid. == is not defined.
type ContactRule struct {
	Pattern Pattern `json:"pattern,omitzero"`
	Contact Contact `json:"contact,omitzero"`
}

// A ReportPlan is a plan's report schedule and report form: the times of day
// of the scheduled reports while the expected recovery is unknown (offsets
// from midnight, Japan time, ascending), the fields a full report must give,
// and the clauses that say so. [ReportPlan.Reports] lists the reports of one
// fault under it.
//
// The zero ReportPlan sets nothing. == is not defined.
type ReportPlan struct {
	Slots     []time.Duration   `json:"slots,omitempty"`
	Fields    Fields            `json:"fields,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
	// WhileUnknown and OnceKnown say what a scheduled report is while the
	// expected recovery is unknown and once it is known, in the plan's
	// words; a drill shows them. Empty, the engine's words.
	WhileUnknown string `json:"whileUnknown,omitzero"`
	OnceKnown    string `json:"onceKnown,omitzero"`
	// Agreed are the reports whose frequency the plan does not fix but
	// leaves to be set by agreement (協議), in the plan's order; nil where
	// none.
	Agreed []AgreedReports `json:"agreed,omitempty"`
}

// AgreedReports are reports whose frequency a plan leaves to agreement: From
// reports to To as often as is agreed with With, in view of Considering (as
// written), as the clauses say (nakano 統合仮想サーバ 3(4)②: the provider
// reports to the information systems division at a frequency set by
// consultation with it). The plan fixes no number: neither does the library,
// and a drill schedules none of these reports.
//
// The zero AgreedReports is not valid. == is not defined.
type AgreedReports struct {
	From        council.Actor     `json:"from,omitzero"`
	To          council.Actor     `json:"to,omitzero"`
	With        council.Actor     `json:"with,omitzero"`
	Considering string            `json:"considering,omitzero"`
	Citations   council.Citations `json:"citations,omitzero"`
}

// A HorizonPlan is the set of outage horizons a plan's manual continuation
// must cover, with the clauses that say so. [HorizonPlan.Gaps] and
// [HorizonPlan.Check] hold a system's continuity plan against it.
//
// The zero HorizonPlan requires nothing. == is not defined.
type HorizonPlan struct {
	Required  Horizons          `json:"required,omitzero"`
	Citations council.Citations `json:"citations,omitzero"`
}

// FaultProcedure builds the working fault plan from p.Fault ([fault.NewProcedure]).
// A plan silent on fault handling is an error wrapping [fault.ErrNotStated].
func (p Plan) FaultProcedure() (fault.Procedure, error) {
	if p.Fault == nil {
		return fault.Procedure{}, fmt.Errorf("bcp: plan %s states no fault handling: %w", problem.Value(p.ID), fault.ErrNotStated)
	}
	return fault.NewProcedure(*p.Fault)
}

// Scheme builds the working threat scheme from p.Threat ([threat.NewScheme]).
// A plan silent on threats is an error wrapping [ErrNoScheme].
func (p Plan) Scheme() (*threat.Scheme, error) {
	if p.Threat == nil {
		return nil, fmt.Errorf("bcp: plan %s defines no threat scheme: %w", problem.Value(p.ID), ErrNoScheme)
	}
	return threat.NewScheme(*p.Threat)
}

// Playbooks returns the annex playbooks p names ([PlanMeasures.Annex]), in its
// order, in a fresh slice, each from p's own table ([PlanMeasures.Playbooks]);
// nil when it has no annex. A case p names but does not define is an error
// wrapping [measures.ErrNoPlaybook].
func (p Plan) Playbooks() ([]measures.Playbook, error) {
	if p.Measures == nil || len(p.Measures.Annex) == 0 {
		return nil, nil
	}
	out := make([]measures.Playbook, 0, len(p.Measures.Annex))
	for i, c := range p.Measures.Annex {
		pb, err := p.Measures.Playbooks.Lookup(c)
		if err != nil {
			return nil, problem.Wrap(fmt.Sprintf("bcp: plan %s: measures.annex[%d]", problem.Value(p.ID), i), err)
		}
		out = append(out, pb)
	}
	return out, nil
}

// ErrNoScheme is wrapped when a plan defines no threat scheme.
var ErrNoScheme = problem.ErrNoScheme

// Clone returns a deep copy of p: no pointer, slice or map is shared with p
// (immutable council.Citations are shared, which is safe).
func (p Plan) Clone() Plan {
	var out Plan
	deepCopy(reflect.ValueOf(&out).Elem(), reflect.ValueOf(p))
	return out
}

// deepCopy copies src into dst (same type), allocating fresh pointers,
// slices and maps. Struct fields that are not exported are copied by value
// (they are immutable storage such as council.Citations' list).
func deepCopy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		n := reflect.New(src.Type().Elem())
		deepCopy(n.Elem(), src.Elem())
		dst.Set(n)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		n := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			deepCopy(n.Index(i), src.Index(i))
		}
		dst.Set(n)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		n := reflect.MakeMapWithSize(src.Type(), src.Len())
		iter := src.MapRange()
		for iter.Next() {
			v := reflect.New(src.Type().Elem()).Elem()
			deepCopy(v, iter.Value())
			n.SetMapIndex(iter.Key(), v)
		}
		dst.Set(n)
	case reflect.Struct:
		dst.Set(src)
		for i := range src.NumField() {
			if src.Type().Field(i).IsExported() {
				deepCopy(dst.Field(i), src.Field(i))
			}
		}
	default:
		dst.Set(src)
	}
}
