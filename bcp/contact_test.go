package bcp

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
)

func TestPatterns(t *testing.T) {
	for _, tc := range []struct {
		p    Pattern
		want Services
	}{
		{PatternA, 0},
		{PatternB, ServicesOf(Groupware)},
		{PatternC, ServicesOf(Groupware, Mail, FileServer, Internet)},
		{0, 0},
	} {
		t.Run("nakano:ICT-BCP 9(1)ウ/"+tc.p.String(), func(t *testing.T) {
			if got := tc.p.Services(); got != tc.want {
				t.Errorf("Services() = %v; want %v", got, tc.want)
			}
		})
	}
}

// TestNakanoContacts: the contact rules of the nakano plan file choose, for
// every audience under each outage pattern of ICT-BCP 9(1)ウ, the channel
// 統合仮想サーバ 3(3) gives.
func TestNakanoContacts(t *testing.T) {
	c := Nakano().Continuity
	form := planChannel(t, Nakano(), "risk-report-form")
	divisions, ok := Nakano().Vocabulary.Role("management-divisions")
	if !ok {
		t.Fatal("nakano declares no position management-divisions (各部経営担当課)")
	}
	isd := council.ByRole(termRole(t, Nakano(), "info-systems-division"))
	provider := council.ByParty(termParty(t, Nakano(), "iaas-provider"))
	for _, tc := range []struct {
		name string
		a    Audience
		up   Services
		want Contact
	}{
		{"nakano:統合仮想サーバ 3(3)①ア/pattern-a/phone-and-paper-via-management", WardWide, PatternA.Services(),
			Contact{Channel: PhoneAndPaper, Via: council.ByRole(divisions)}},
		{"nakano:統合仮想サーバ 3(3)①ア/pattern-b/cabinet-and-notice", WardWide, PatternB.Services(),
			Contact{Channel: WardCabinet, Also: ChannelsOf(GroupwareNotice)}},
		{"nakano:統合仮想サーバ 3(3)①ア/pattern-c/file-server-and-notice", WardWide, PatternC.Services(),
			Contact{Channel: WardFileServer, Also: ChannelsOf(GroupwareNotice)}},
		{"nakano:統合仮想サーバ 3(3)①イ/pattern-a", SystemOwners, PatternA.Services(),
			Contact{Channel: PhoneAndPaper, ToRoles: council.RolesOf(termRole(t, Nakano(), "owning-division-head"))}},
		{"nakano:統合仮想サーバ 3(3)①イ/pattern-b/groupware-without-mail", SystemOwners, PatternB.Services(),
			Contact{Channel: PhoneAndPaper, ToRoles: council.RolesOf(termRole(t, Nakano(), "owning-division-head"))}},
		{"nakano:統合仮想サーバ 3(3)①イ/pattern-c/groupware-mail", SystemOwners, PatternC.Services(),
			Contact{Channel: GroupwareMail, ToRoles: council.RolesOf(termRole(t, Nakano(), "owning-division-head"))}},
		{"nakano:統合仮想サーバ 3(3)①ウ/phone-and-mail", ToProvider, PatternC.Services(),
			Contact{Channel: Phone, Also: ChannelsOf(Email), ToParties: council.PartiesOf(termParty(t, Nakano(), "iaas-provider"))}},
		{"nakano:統合仮想サーバ 3(3)①ウ/phone-only", ToProvider, PatternA.Services(),
			Contact{Channel: Phone, ToParties: council.PartiesOf(termParty(t, Nakano(), "iaas-provider"))}},
		{"nakano:統合仮想サーバ 3(3)①エ/form", CrisisManagement, PatternA.Services(),
			Contact{Channel: form, ToRoles: council.RolesOf(termRole(t, Nakano(), "crisis-management-division")), Note: "第1報（口頭・メモ可）、その後連絡票"}},
		{"nakano:統合仮想サーバ 3(3)①オ/pattern-a", OutsideBodies, PatternA.Services(),
			Contact{Channel: Phone, Also: ChannelsOf(Fax), ToParties: council.PartiesOf(termParty(t, Nakano(), "tokyo-ict-department"), termParty(t, Nakano(), "nisc"), termParty(t, Nakano(), "mic-office"))}},
		{"nakano:統合仮想サーバ 3(3)①オ/pattern-c", OutsideBodies, PatternC.Services(),
			Contact{Channel: Phone, Also: ChannelsOf(Email, Fax), ToParties: council.PartiesOf(termParty(t, Nakano(), "tokyo-ict-department"), termParty(t, Nakano(), "nisc"), termParty(t, Nakano(), "mic-office"))}},
		{"nakano:統合仮想サーバ 3(3)②ア/mailing-list", ProviderBroad, PatternC.Services(),
			Contact{From: provider, Channel: MailingList, ToRoles: council.RolesOf(termRole(t, Nakano(), "info-systems-division"), termRole(t, Nakano(), "owning-division-head")), ToParties: council.PartiesOf(termParty(t, Nakano(), "system-vendors"))}},
		{"nakano:統合仮想サーバ 3(3)②ア/mail-down-phone", ProviderBroad, PatternB.Services(),
			Contact{From: provider, Channel: Phone, ToRoles: council.RolesOf(termRole(t, Nakano(), "info-systems-division"), termRole(t, Nakano(), "owning-division-head"))}},
		{"nakano:統合仮想サーバ 3(3)②イ/mail", ProviderSingle, PatternC.Services(),
			Contact{From: provider, Channel: Email, Also: ChannelsOf(Phone), ToRoles: council.RolesOf(termRole(t, Nakano(), "info-systems-division"), termRole(t, Nakano(), "owning-division-head")), ToParties: council.PartiesOf(termParty(t, Nakano(), "system-vendors"))}},
		{"nakano:統合仮想サーバ 3(3)②イ/phone", ProviderSingle, PatternA.Services(),
			Contact{From: provider, Channel: Phone, ToRoles: council.RolesOf(termRole(t, Nakano(), "info-systems-division"), termRole(t, Nakano(), "owning-division-head")), ToParties: council.PartiesOf(termParty(t, Nakano(), "system-vendors"))}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := c.ContactFor(tc.a, tc.up)
			if !ok {
				t.Fatalf("the plan has no contact for %v under %v", tc.a, tc.up)
			}
			want := tc.want
			want.Audience = tc.a
			if want.From == (council.Actor{}) {
				want.From = isd
			}
			// The clause of the case name is the rule's first citation.
			clause := strings.TrimPrefix(strings.Split(tc.name, "/")[0], "nakano:")
			if got.Citations.Len() == 0 || got.Citations.At(0).Clause() != clause {
				t.Errorf("cites %v; want %s first", got.Citations, clause)
			}
			want.Citations = got.Citations
			if diff := cmp.Diff(want, got, cmp.Comparer(council.Citations.Equal)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestPhoneAndPaperLastResort checks, over every audience and every outage
// pattern of the nakano plan, that phone and paper is chosen only when no
// prioritised channel works, and that the channel chosen always has its
// services up.
func TestPhoneAndPaperLastResort(t *testing.T) {
	c := Nakano().Continuity
	for a := range audienceTable.All() {
		for _, p := range AllPatterns() {
			up := p.Services()
			got, ok := c.ContactFor(a, up)
			if !ok {
				t.Errorf("%v under pattern %v: no contact", a, p)
				continue
			}
			if !up.Contains(got.Channel.Needs()) {
				t.Errorf("%v under pattern %v: chose %v, which needs %v", a, p, got.Channel, got.Channel.Needs())
			}
			if got.Channel == PhoneAndPaper && (up.Has(FileServer) || a == WardWide && up.Has(Groupware) || a == SystemOwners && up.Contains(ServicesOf(Groupware, Mail))) {
				t.Errorf("%v under pattern %v: phone and paper while a better channel works", a, p)
			}
		}
	}
}

// planChannel returns the channel p's vocabulary names id, and fails the
// test when it names none.
func planChannel(t testing.TB, p Plan, id string) Channel {
	t.Helper()
	c, ok := p.Vocabulary.Channel(id)
	if !ok {
		t.Fatalf("plan %s declares no channel %q", p.ID, id)
	}
	return c
}
