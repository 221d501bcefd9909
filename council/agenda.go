package council

import (
	"fmt"
	"slices"

	"github.com/jukiplan/jukiplan/internal/problem"
)

// An Item is one entry of an agenda: a matter the body must decide or a task
// the plan assigns, with the example actions the plan gives for it.
//
// Key is a short, stable English key unique within its agenda (e.g.
// "resident-response"); Title is the matter as the plan writes it; Examples
// are the plan's example actions (対応例), as written; Assignee is who the plan
// assigns it to, as written, or empty when the body as a whole decides it.
// Optional marks items the plan makes conditional ("必要に応じて"): a meeting
// can close while they are outstanding. The zero Optional, mandatory, is the
// safe default.
//
// The zero Item is not valid. == is not defined on Item (Examples is a slice).
type Item struct {
	Key      string   `json:"key,omitzero"`
	Title    string   `json:"title,omitzero"`
	Examples []string `json:"examples,omitempty"`
	Assignee string   `json:"assignee,omitzero"`
	Optional bool     `json:"optional,omitzero"`
	Cite     Citation `json:"cite,omitzero"`
}

func (it Item) clone() Item {
	it.Examples = slices.Clone(it.Examples)
	return it
}

// An Agenda is a cited checklist: the matters a body decides when it meets
// for a trigger, or the normal-time duties it deliberates. Cite identifies
// the agenda (the clause that lists it, e.g. ino:第5条) and is how rules and
// meetings refer to it.
//
// The reference agendas come fresh from their functions ([InoFaultAgenda]
// and the like); [Agenda.Clone] gives a deep copy.
//
// The zero Agenda is not valid. == is not defined on it.
type Agenda struct {
	Cite  Citation `json:"cite,omitzero"`
	Title string   `json:"title,omitzero"`
	Items []Item   `json:"items,omitempty"`
}

// Clone returns a deep copy of a: nothing of it shares storage with a.
func (a Agenda) Clone() Agenda {
	out := a
	out.Items = make([]Item, len(a.Items))
	for i, it := range a.Items {
		out.Items[i] = it.clone()
	}
	if a.Items == nil {
		out.Items = nil
	}
	return out
}

// Item returns a copy of the item with the given key.
func (a Agenda) Item(key string) (Item, bool) {
	i := a.index(key)
	if i < 0 {
		return Item{}, false
	}
	return a.Items[i].clone(), true
}

func (a Agenda) index(key string) int {
	for i, it := range a.Items {
		if it.Key == key {
			return i
		}
	}
	return -1
}

// Keys returns the items' keys in agenda order, in a fresh slice.
func (a Agenda) Keys() []string {
	out := make([]string, len(a.Items))
	for i, it := range a.Items {
		out[i] = it.Key
	}
	return out
}

// Validate reports every problem at once: an agenda citation missing or not
// of plan, no items, an item with an empty key or title, a repeated key, an
// item whose citation is missing or not of plan.
func (a Agenda) Validate(plan string) error {
	var errs []error
	pre := "council: agenda " + a.Cite.String()
	if !citesPlan(a.Cite, plan) {
		errs = append(errs, fmt.Errorf("%s: agenda citation %s: %w", pre, problem.Quote(a.Cite.String()), ErrUncited))
	}
	if len(a.Items) == 0 {
		errs = append(errs, fmt.Errorf("%s: no items: %w", pre, ErrInvalid))
	}
	for i, it := range a.Items {
		if it.Key == "" || it.Title == "" {
			errs = append(errs, fmt.Errorf("%s: item %d: empty key or title: %w", pre, i, ErrInvalid))
		}
		if j := a.index(it.Key); j != i {
			errs = append(errs, fmt.Errorf("%s: item %d: key %s repeats item %d: %w", pre, i, problem.Value(it.Key), j, ErrDuplicate))
		}
		if !citesPlan(it.Cite, plan) {
			errs = append(errs, fmt.Errorf("%s: item %d (%s): citation %s: %w", pre, i, problem.Value(it.Key), problem.Quote(it.Cite.String()), ErrUncited))
		}
	}
	return problem.Join(errs...)
}

// InoFaultAgenda returns what ino's security council decides on a serious
// fault (ino 第5条): five matters, each with the plan's example actions.
func InoFaultAgenda() Agenda {
	c := Cite(PlanIno, "第5条")
	return Agenda{Cite: c, Title: "障害時にセキュリティ会議が決定する項目", Items: []Item{
		{Key: "liaison", Title: "関係機関への連絡", Cite: c,
			Examples: []string{"地方公共団体情報システム機構", "県市町村振興課", "関係市町村"}},
		{Key: "technical-support", Title: "技術的支援依頼", Cite: c,
			Examples: []string{"地方公共団体情報システム機構", "保守委託事業者"}},
		{Key: "emergency-structure", Title: "緊急時体制の確立", Cite: c,
			Examples: []string{"役割分担の確認", "指揮命令系統の確認"}},
		{Key: "resident-response", Title: "住民対応", Cite: c,
			Examples: []string{"来庁者への対応", "ホームページ等での告示", "問合せ対応", "苦情処理"}},
		{Key: "alternative-measures", Title: "代替措置の実施", Cite: c,
			Examples: []string{"あらかじめ、業務ごとにサーバが停止した場合の事務処理を検討しておき、実施する。", "広域交付発行希望住民に対し、発行可能な近接市町村を案内する"}},
	}}
}

// InoUnauthorizedAgenda returns what ino's security council decides when
// identity information is seriously threatened (ino 第12条): nine matters.
func InoUnauthorizedAgenda() Agenda {
	c := Cite(PlanIno, "第12条")
	return Agenda{Cite: c, Title: "不正行為時にセキュリティ会議が決定する項目", Items: []Item{
		{Key: "liaison", Title: "関係機関への連絡", Cite: c},
		{Key: "emergency-structure", Title: "緊急時体制の確立", Cite: c},
		{Key: "damage-assessment", Title: "詳細な被害状況等の把握", Cite: c},
		{Key: "network-cutoff", Title: "ネットワーク遮断等の判断", Cite: c},
		{Key: "resident-response", Title: "住民対応", Cite: c},
		{Key: "review-emergency-measures", Title: "緊急措置の見直しの判断", Cite: c},
		{Key: "jlis-support", Title: "地方公共団体情報システム機構への支援要請", Cite: c},
		{Key: "publicity", Title: "広報", Cite: c},
		{Key: "permanent-countermeasures", Title: "恒久対策の立案", Cite: c},
	}}
}

// tottoriInstructions is tottori's list of important matters the security
// chief gives instructions on, cited to clause cl (第2-4(3) or 第3-6(3)).
// The plan ends the list with "等"; only the named matters are items.
func tottoriInstructions(cl, title string) Agenda {
	c := Cite(PlanTottori, cl)
	return Agenda{Cite: c, Title: title, Items: []Item{
		{Key: "system-stop", Title: "システムの停止", Examples: []string{"一部切離し", "一部停止"}, Cite: c},
		{Key: "resident-response", Title: "住民への対応", Cite: c},
		{Key: "publicity", Title: "広報", Cite: c},
	}}
}

// TottoriFaultInstructions returns the matters tottori's security chief
// instructs on after a serious fault (tottori 第2-4(3)): system stop
// (including partial disconnection and partial stop), resident response,
// publicity.
func TottoriFaultInstructions() Agenda {
	return tottoriInstructions("第2-4(3)", "重大障害発生時にセキュリティ統括管理者が指示する重要事項")
}

// TottoriThreatInstructions returns the same matters for a level-3
// unauthorized act (tottori 第3-6(3)).
func TottoriThreatInstructions() Agenda {
	return tottoriInstructions("第3-6(3)", "重大不正行為発生時にセキュリティ統括管理者が指示する重要事項")
}

// KumamotoEmergencyTasks returns the task assignments of kumamoto's level-3
// emergency structure (kumamoto 別紙1): emergency-measure instructions
// (terminal switching, fax operation), counter information and PR, liaison,
// the offices' emergency measures and status reports, and the counts of forms
// handled, which the plan makes optional ("必要に応じて").
//
// The assignee of the offices' two items ("各区役所区民課、各出張所等") is the
// library's reading of who the instructions go to; 別紙1 draws them in a box
// without a name.
func KumamotoEmergencyTasks() Agenda {
	c := Cite(PlanKumamoto, "別紙1")
	const offices = "各区役所区民課、各出張所等"
	return Agenda{Cite: c, Title: "緊急時体制図(個人情報に対する侵害が発生した場合)", Items: []Item{
		{Key: "emergency-instructions", Title: "緊急措置の指示", Assignee: "中央区区民課 住民班主査", Cite: c,
			Examples: []string{"各区役所区民課、各出張所等へ端末切替指示", "各区役所区民課、各出張所等へファックス運用の指示"}},
		{Key: "counter-pr", Title: "窓口広報", Assignee: "地域政策課 住民制度班主査", Cite: c,
			Examples: []string{"窓口等の状況の集約", "広報内容の検討"}},
		{Key: "liaison", Title: "連絡調整", Assignee: "地域政策課 担当者", Cite: c,
			Examples: []string{"情報政策課とのシステムに係る調整", "区民課、出張所等との連絡調整", "窓口状況の情報収集", "業務の稼働状況の把握"}},
		{Key: "emergency-measures", Title: "緊急措置", Assignee: offices, Cite: c,
			Examples: []string{"端末切替の実施", "ファックス運用の開始"}},
		{Key: "status-report", Title: "状況の報告", Assignee: offices, Cite: c,
			Examples: []string{"地域政策課・中央区役所区民課の指示に従い、窓口等の状況報告を行う"}},
		{Key: "family-register-counts", Title: "戸籍届件数集計", Assignee: "戸籍班", Optional: true, Cite: c},
		{Key: "resident-move-seal-counts", Title: "住民異動届・印鑑登録件数集計", Assignee: "住民班", Optional: true, Cite: c},
		{Key: "certificate-counts", Title: "証明発行件数集計", Assignee: "住民班(中央区は証明班)", Optional: true, Cite: c},
		{Key: "count-summary", Title: "各種件数取りまとめ", Assignee: "地域政策課 住民制度班", Optional: true, Cite: c},
	}}
}

// KumiyamaDuties returns the matters kumiyama's security council deliberates
// in normal times (kumiyama 第6条3項).
func KumiyamaDuties() Agenda {
	k := func(cl string) Citation { return Cite(PlanKumiyama, cl) }
	return Agenda{Cite: k("第6条3項"), Title: "セキュリティ会議の審議事項", Items: []Item{
		{Key: "measures", Title: "住基ネットのセキュリティ対策の決定及び見直し", Cite: k("第6条3項1号")},
		{Key: "compliance", Title: "前号のセキュリティ対策の遵守状況の確認", Cite: k("第6条3項2号")},
		{Key: "audit-policy", Title: "監査の実施方針", Cite: k("第6条3項3号")},
		{Key: "training-policy", Title: "教育・研修の実施方針", Cite: k("第6条3項4号")},
	}}
}
