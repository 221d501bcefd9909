package bcp

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/jukiplan/jukiplan/internal/duration"

	"github.com/jukiplan/jukiplan/council"
)

func (c *checker) checkContinuity() {
	k := c.plan.Continuity
	if k == nil {
		c.add(SeverityInfo, CodeNoContinuity, "continuity", council.Citation{}, "the plan has no ICT continuity part: no inventory of systems, contact channels or report schedule", "計画にICT業務継続の定めがない: システムの一覧、連絡手段、報告の予定のいずれも定めていない")
		return
	}
	if k.Inventory == nil {
		c.add(SeverityWarning, CodeNoInventory, "continuity.inventory", council.Citation{}, "the continuity part lists no systems", "業務継続の定めにシステムの一覧がない")
	} else {
		c.checkInventory(k.Inventory)
	}
	c.checkContacts(k.Contacts)
	c.checkSchedule(k.Schedule)
	// Citations of every continuity part but the inventory, which
	// checkInventory walks itself (it is the part that can be large).
	rest := *k
	rest.Inventory = nil
	c.foreignCitations("continuity", reflect.ValueOf(rest))
}

func (c *checker) checkInventory(inv *Inventory) {
	c.partPlan("continuity.inventory.plan", inv.Plan)
	c.citations("continuity.inventory.citations", inv.Citations)
	systems := inv.Systems
	// A plan of many systems may give a finding for each: make room for
	// them at once.
	flagged := 0
	for i := range systems {
		if s := &systems[i]; s.Scale == Unassessed || !s.Scale.IsValid() || strings.TrimSpace(s.Owner) == "" {
			flagged++
		}
	}
	c.reserve(flagged)
	ids := make(map[string]int, len(systems))
	var patched []System // systems with their gaps papered over, for Order
	patch := func(i int) *System {
		if patched == nil {
			patched = slices.Clone(systems)
		}
		return &patched[i]
	}
	for i := range systems {
		s := &systems[i]
		cite := s.Citations.At(0)
		path := func() string { return "continuity.inventory.systems[" + s.ID + "]" }
		if c.idOK && c.foreign(s.Citations) {
			c.citations(path()+".citations", s.Citations)
		}
		if n, dup := ids[s.ID]; dup {
			if n == 1 {
				c.add(SeverityError, CodeDuplicateSystem, path(), council.Citation{}, "more than one system has ID %q", "システムID %q が複数のシステムに付いている", s.ID)
			}
			ids[s.ID] = n + 1
			patch(i).ID = "" // Order would refuse the repeat; it is reported here
		} else {
			ids[s.ID] = 1
		}
		if strings.TrimSpace(s.Owner) == "" {
			c.add(SeverityError, CodeSystemNoOwner, path()+".owner", cite, "system %q (%s) has no owning division (主管課)", "システム %q（%s）に主管課がない", s.ID, s.Name)
			patch(i).Owner = "?"
		}
		if !s.Scale.IsValid() {
			c.add(SeverityError, CodeSystemNoScale, path()+".scale", cite, "system %q (%s) has no impact scale (影響規模): give one, or unassessed while it is being decided", "システム %q（%s）に影響規模がない: 影響規模を定めるか、決まるまでは調整中（unassessed）とする", s.ID, s.Name)
			patch(i).Scale = Unassessed
		}
	}
	if patched != nil {
		// Repeated IDs were blanked; drop those entries.
		patched = slices.DeleteFunc(patched, func(s System) bool { return s.ID == "" && ids[""] == 0 })
	}
	base := systems
	if patched != nil {
		base = patched
	}
	for i := range base {
		s := &base[i]
		var keep []string
		for j, d := range s.DependsOn {
			if _, ok := ids[d]; ok || d == "" {
				if keep != nil {
					keep = append(keep, d)
				}
				continue
			}
			c.add(SeverityError, CodeUnknownDependency, "continuity.inventory.systems["+s.ID+"].dependsOn", s.Citations.At(0),
				"system %q depends on %q, which the inventory does not hold", "システム %q が依存する %q はシステムの一覧にない", s.ID, d)
			if keep == nil {
				keep = append(make([]string, 0, len(s.DependsOn)), s.DependsOn[:j]...)
			}
		}
		if keep != nil {
			if patched == nil {
				patched = slices.Clone(systems)
				base = patched
				s = &base[i]
			}
			s.DependsOn = keep
		}
	}
	for i := range systems {
		if s := &systems[i]; s.Scale == Unassessed {
			c.add(SeverityWarning, CodeScaleUnassessed, "continuity.inventory.systems["+s.ID+"].scale", s.Citations.At(0),
				"the impact scale (影響規模) of system %q (%s) is still to be decided (調整中): its recovery order and off-site backup need a policy until it is", "システム %q（%s）の影響規模は調整中: 決まるまでの復旧の順序と遠隔地へのバックアップの方針が要る", s.ID, s.Name)
		}
	}
	// The cycle detection and the remaining checks of Order.
	if err := orderErr(base); err != nil {
		for _, e := range leaves(err) {
			if ce, ok := errors.AsType[*CycleError](e); ok {
				c.add(SeverityError, CodeDependencyCycle, "continuity.inventory.systems["+ce.IDs[0]+"].dependsOn", council.Citation{},
					"systems depend on each other in a circle: %s → %s", "システムの依存が循環している: %s → %s", strings.Join(ce.IDs, " → "), ce.IDs[0])
				continue
			}
			c.add(SeverityError, CodeSystemInvalid, "continuity.inventory.systems", council.Citation{}, "%v", "システムの定めに不備がある: %v", c.quote(e))
		}
	}
}

func (c *checker) checkContacts(rules []ContactRule) {
	if len(rules) == 0 {
		c.add(SeverityWarning, CodeNoContacts, "continuity.contacts", council.Citation{}, "the continuity part chooses no contact channel for any audience", "業務継続の定めに、どの連絡先への連絡手段も選んでいない")
		return
	}
	var audiences [64]struct {
		seen, lastResort bool
		cite             council.Citation
	}
	for _, r := range rules {
		a, pat := r.Contact.Audience, r.Pattern
		path := "continuity.contacts[" + pat.String() + "/" + a.String() + "]"
		cite := r.Contact.Citations.At(0)
		if !a.IsValid() || !pat.IsValid() || int(a) >= len(audiences) {
			c.add(SeverityError, CodeContactInvalid, path, cite, "the contact choice names no valid pattern or audience", "連絡手段の選択に有効なパターン又は連絡先がない")
			continue
		}
		up := pat.Services()
		for _, ch := range append([]Channel{r.Contact.Channel}, slices.Collect(r.Contact.Also.All())...) {
			if !ch.IsValid() {
				c.add(SeverityError, CodeChannelUnavailable, path, cite, "channel %s names no channel", "連絡手段 %s はどの連絡手段も指していない", ch)
				continue
			}
			if need := ch.Needs(); !up.Contains(need) {
				c.add(SeverityError, CodeChannelUnavailable, path, cite, "channel %s needs %s, which is down in pattern %s", "連絡手段 %sには %s が要るが、パターン%sでは使えない", c.both(ch), need, both{pat, pat.Label()})
			}
		}
		au := &audiences[a]
		au.seen = true
		if !au.cite.IsValid() || (cite.IsValid() && cite.Compare(au.cite) < 0) {
			au.cite = cite
		}
		if up == 0 && r.Contact.Channel.IsValid() && r.Contact.Channel.Needs() == 0 {
			au.lastResort = true
		}
	}
	for a := range audiences {
		au := audiences[a]
		if au.seen && !au.lastResort {
			aud := Audience(a)
			c.add(SeverityError, CodeNoLastResort, "continuity.contacts["+aud.String()+"]", au.cite,
				"the channels for %s do not end in a last resort: no choice for an outage of every service uses a channel that needs none", "%sへの連絡手段が最終手段で終わらない: すべてのサービスが止まったときにも使える、サービスを要しない連絡手段を選んでいない", c.both(aud))
		}
	}
}

func (c *checker) checkSchedule(s *ReportPlan) {
	if s != nil {
		for i, a := range s.Agreed {
			in := both{"", ""}
			if a.Considering != "" {
				in = both{" in view of " + a.Considering, "（" + a.Considering + "を勘案）"}
			}
			c.add(SeverityInfo, CodeFrequencyByAgreement, fmt.Sprintf("continuity.schedule.agreed[%d]", i), a.Citations.At(0),
				"%s reports to %s at a frequency set by agreement with %s%s: the plan fixes no frequency, and a drill schedules none of these reports", "%sから%sへの報告の頻度は%sとの協議で定める%s: 計画は頻度を定めておらず、訓練ではこの報告を予定しない",
				c.both(a.From), c.both(a.To), c.both(a.With), in)
		}
	}
	if s == nil || len(s.Slots) == 0 {
		c.add(SeverityWarning, CodeScheduleUndefined, "continuity.schedule", council.Citation{}, "the continuity part sets no times for scheduled reports (定時連絡)", "業務継続の定めに定時連絡の時刻がない")
		return
	}
	cite := s.Citations.At(0)
	slots := slices.Sorted(slices.Values(s.Slots))
	for i, d := range slots {
		if d < 0 || d >= 24*time.Hour {
			c.add(SeverityError, CodeScheduleInvalid, "continuity.schedule.slots", cite, "report time %s is not a time of day", "定時連絡の時刻 %s が一日のうちの時刻でない", duration.Format(d))
		}
		if i > 0 && d == slots[i-1] {
			c.add(SeverityError, CodeScheduleInvalid, "continuity.schedule.slots", cite, "report time %s is given twice", "定時連絡の時刻 %s を二度挙げている", duration.Format(d))
		}
	}
}

// checkDuties notes a plan that states none of the duties of a drill (the
// library's defaults stand in for all of them) and checks the citations of
// those it states.
func (c *checker) checkDuties() {
	d := c.plan.Duties
	if len(d) == 0 {
		var names []string
		for _, x := range AllDuties() {
			names = append(names, x.String())
		}
		c.add(SeverityWarning, CodeNoDuties, "duties", council.Citation{}, "the plan states no duties: who observes, judges, maintains and reports in a drill is the library's default (%s)", "計画に役割分担の定めがない: 訓練で誰が発見し、判断し、保守し、報告するかは本ライブラリの既定による（%s）", strings.Join(names, ", "))
		return
	}
	c.foreignCitations("duties", reflect.ValueOf(d))
}
