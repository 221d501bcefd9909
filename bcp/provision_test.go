package bcp

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/jukiplan/jukiplan/council"
)

// texts returns the texts of ps, in order.
func texts(ps []Provision) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

// citesOfProvisions returns each provision's citations as text.
func citesOfProvisions(ps []Provision) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Citations.String())
	}
	return out
}

// network returns the plan's one contact network named name.
func network(t *testing.T, p Plan, name string) council.Network {
	t.Helper()
	if p.Organization == nil {
		t.Fatalf("%s has no organisation", p.ID)
	}
	for _, n := range p.Organization.Networks {
		if n.Name == name {
			return n
		}
	}
	t.Fatalf("%s has no network %q (has %d)", p.ID, name, len(p.Organization.Networks))
	return council.Network{}
}

// tottori 第1-2: "緊急時の初動対応を円滑に行うため、…全国センター…、県及び市町村の緊急時連絡網を
// 整備する。" The network's parties are the national center, the prefecture and
// the municipalities; the clause says neither who keeps it nor who reaches
// whom, so neither is filled in.
func TestTottori第1_2ContactNetwork(t *testing.T) {
	p := Tottori()
	n := network(t, p, "緊急時連絡網")
	want := council.Network{
		Name:    "緊急時連絡網",
		Purpose: "緊急時の初動対応を円滑に行うため",
		Members: []council.Actor{council.ByParty(council.NationalCenter), council.ByParty(council.Prefecture), council.ByParty(termParty(t, Tottori(), "municipalities"))},
		Cites:   council.Cites(council.Cite(council.PlanTottori, "第1-2")),
	}
	if diff := cmp.Diff(want, n); diff != "" {
		t.Errorf("tottori:第1-2 network (-want +got):\n%s", diff)
	}
	if n.Keeper != (council.Actor{}) || n.Links != nil || n.Lists != nil {
		t.Errorf("tottori:第1-2 states no keeper, links or lists; got %v %v %v", n.Keeper, n.Links, n.Lists)
	}
	for _, m := range n.Members {
		if got := p.Vocabulary.Label(m, Japanese); !strings.Contains("全国センター、県及び市町村", got) {
			t.Errorf("member %s is labelled %q, not a word of 第1-2", m, got)
		}
	}
}

// nakano ICT-BCP 3 目的: "(1) 区民の生命、生活及び財産を守る (2) 区民生活に密着する行政サービス
// の提供機能の維持".
func TestNakanoICTBCP3Purposes(t *testing.T) {
	pr := Nakano().Provisions
	if pr == nil {
		t.Fatal("nakano states no provisions")
	}
	want := []string{"区民の生命、生活及び財産を守る", "区民生活に密着する行政サービスの提供機能の維持"}
	if diff := cmp.Diff(want, texts(pr.Purposes)); diff != "" {
		t.Errorf("ICT-BCP 3 purposes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"nakano:ICT-BCP 3(1)", "nakano:ICT-BCP 3(2)"}, citesOfProvisions(pr.Purposes)); diff != "" {
		t.Errorf("ICT-BCP 3 citations (-want +got):\n%s", diff)
	}
}

// nakano ICT-BCP 4 計画の見直し時期: "本計画及び各課において作成した個別事業継続計画は、適宜見直し
// を行う。" No period is fixed: the review is "as appropriate" (適宜), never a
// number. 報告 1(2) adds the PDCA cycle of the security organisation.
func TestNakanoICTBCP4Review(t *testing.T) {
	pr := Nakano().Provisions
	if pr == nil || len(pr.Review) == 0 {
		t.Fatal("nakano states no review")
	}
	r := pr.Review[0]
	if r.For != "本計画及び各課において作成した個別事業継続計画" || r.Text != "適宜見直しを行う" || r.Citations.String() != "nakano:ICT-BCP 4" {
		t.Errorf("ICT-BCP 4 = %+v", r)
	}
	if strings.ContainsAny(r.Text, "0123456789０１２３４５６７８９") {
		t.Errorf("ICT-BCP 4 fixes no period; got %q", r.Text)
	}
	if len(pr.Review) != 2 || !strings.Contains(pr.Review[1].Text, "PDCAサイクル") || pr.Review[1].Citations.String() != "nakano:報告 1(2)" {
		t.Errorf("報告 1(2) review = %+v", pr.Review[1:])
	}
}

// nakano ICT-BCP 5 関連規定・文書: the plan considers "中野区政のBCP及び中野区危機管理ガイドライン、
// 中野区のセキュリティポリシーの他、職員の身分により課せられている法令遵守義務" and is made consistent
// with the seven laws and ordinances (1)-(7), each cited by its own item.
func TestNakanoICTBCP5RelatedLaws(t *testing.T) {
	pr := Nakano().Provisions
	if pr == nil {
		t.Fatal("nakano states no provisions")
	}
	got := map[string]string{}
	for _, p := range pr.Related {
		got[p.Text] = p.Citations.String()
	}
	for text, cite := range map[string]string{
		"中野区政のBCP":              "nakano:ICT-BCP 5",
		"中野区危機管理ガイドライン":         "nakano:ICT-BCP 5",
		"中野区のセキュリティポリシー":        "nakano:ICT-BCP 5",
		"職員の身分により課せられている法令遵守義務": "nakano:ICT-BCP 5",
		"不正アクセス行為の禁止等に関する法律":    "nakano:ICT-BCP 5(1)",
		"著作権法": "nakano:ICT-BCP 5(2)",
		"個人情報の保護に関する法律": "nakano:ICT-BCP 5(3)",
		"行政手続きにおける特定の個人を識別するための番号の利用等に関する法律": "nakano:ICT-BCP 5(4)",
		"サイバーセキュリティ基本法":    "nakano:ICT-BCP 5(5)",
		"中野区個人情報の保護に関する条例": "nakano:ICT-BCP 5(6)",
		"中野区住民基本台帳ネットワークシステムに係る本人確認情報等の保護に関する条例": "nakano:ICT-BCP 5(7)",
	} {
		if got[text] != cite {
			t.Errorf("ICT-BCP 5: %s cited %q, want %q", text, got[text], cite)
		}
	}
	if len(pr.Related) != 11 {
		t.Errorf("ICT-BCP 5 names 4 documents and 7 laws; got %d", len(pr.Related))
	}
}

// nakano ICT-BCP 9(1) 情報システム管理部署: the division managing a system examines, in its own
// continuity plan, ア ネットワーク構成図, イ the systems and services a stop affects,
// ウ(ア) 連絡先の明確化 "※休日等についても整理を行う", ウ(イ)①② contact without groupware
// or mail and sharing the changing situation, エ 職員が情報システムを復旧する際の手順.
func TestNakanoICTBCP9_1Preparation(t *testing.T) {
	pr := Nakano().Provisions
	if pr == nil {
		t.Fatal("nakano states no provisions")
	}
	wantCites := []string{"nakano:ICT-BCP 9(1)ア", "nakano:ICT-BCP 9(1)イ", "nakano:ICT-BCP 9(1)ウ(ア)",
		"nakano:ICT-BCP 9(1)ウ(イ)①", "nakano:ICT-BCP 9(1)ウ(イ)②", "nakano:ICT-BCP 9(1)エ"}
	if diff := cmp.Diff(wantCites, citesOfProvisions(pr.Preparation)); diff != "" {
		t.Errorf("ICT-BCP 9(1) items (-want +got):\n%s", diff)
	}
	for i, key := range []string{"ネットワーク構成図", "影響を与える情報システム", "休日等についても整理を行う",
		"グループウェア、メール等が利用できない状態", "日々変化する状況", "復旧する際の手順"} {
		if i < len(pr.Preparation) && !strings.Contains(pr.Preparation[i].Text, key) {
			t.Errorf("ICT-BCP 9(1) item %d = %q, want the words %q", i, pr.Preparation[i].Text, key)
		}
		if i < len(pr.Preparation) && pr.Preparation[i].For != "情報システム管理部署" {
			t.Errorf("ICT-BCP 9(1) item %d is for %q", i, pr.Preparation[i].For)
		}
	}
}

// nakano 統合仮想サーバ 3(1): "情報システム課と関係各所との連絡体制は下図のとおりとする。また、中野区
// 組織全体における連絡体制は「中野区のICT-BCP」の「6 …」のとおりとする。関係各所の連絡先等は、
// 情報安全対策実施手順別紙「緊急連絡体制」及び「統合仮想サーバ環境利用システム連絡先一覧」のとおり".
// The division is its hub (1: 情報システム課を基幹とした), the wider structure ICT-BCP 6;
// who reaches whom is 3(3).
func TestNakano統合仮想サーバ3_1ContactStructure(t *testing.T) {
	p := Nakano()
	n := network(t, p, "連絡体制")
	isd := council.ByRole(termRole(t, Nakano(), "info-systems-division"))
	if n.Keeper != isd {
		t.Errorf("hub = %v, want the information systems division", n.Keeper)
	}
	if got := n.Cites.String(); !strings.Contains(got, "nakano:統合仮想サーバ 3(1)") || !strings.Contains(got, "nakano:統合仮想サーバ 1") {
		t.Errorf("cites = %s", got)
	}
	if got := n.Wider.String(); got != "nakano:ICT-BCP 6" {
		t.Errorf("wider structure = %s, want nakano:ICT-BCP 6", got)
	}
	if diff := cmp.Diff([]string{"情報安全対策実施手順別紙「緊急連絡体制」", "統合仮想サーバ環境利用システム連絡先一覧"}, n.Lists); diff != "" {
		t.Errorf("contact lists (-want +got):\n%s", diff)
	}
	// Every link starts at the hub or the provider (3(3)① and ②), cites 3(3),
	// and matches a contact the plan's channel rules name.
	reach := map[council.Link]bool{}
	for _, r := range p.Continuity.Contacts {
		for x := range r.Contact.ToRoles.All() {
			reach[council.Link{From: r.Contact.From, To: council.ByRole(x)}] = true
		}
		for x := range r.Contact.ToParties.All() {
			reach[council.Link{From: r.Contact.From, To: council.ByParty(x)}] = true
		}
	}
	for _, l := range n.Links {
		if l.From != isd && l.From != council.ByParty(termParty(t, Nakano(), "iaas-provider")) {
			t.Errorf("link %v: 3(3) has only the division and the provider reach out", l)
		}
		if !strings.HasPrefix(l.Cite.Clause(), "統合仮想サーバ 3(3)") {
			t.Errorf("link %v cites %s, not 3(3)", l, l.Cite)
		}
		if !reach[council.Link{From: l.From, To: l.To}] {
			t.Errorf("link %v: no contact rule of 3(3) reaches %s from %s", l, l.To, l.From)
		}
	}
	if len(n.Links) == 0 {
		t.Error("no links")
	}
}

// A network, a provision and an agreed report are checked like every part of
// a plan file: each problem with its JSON path.
func TestParsePlanContactNetworkAndProvisionsBad(t *testing.T) {
	base, err := Tottori().MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, old, new, want string
		sentinel             error
	}{
		{"tottori:第1-2/unknown-member", `"municipalities"`, `"villages"`, "$.organization.networks[0].members[2]", ErrBadValue},
		{"tottori:第1-2/member-twice", `"municipalities"`, `"prefecture"`, "$.organization", council.ErrDuplicate},
		{"tottori:第1-2/uncited", `"tottori:第1-2"`, ``, "$.organization", council.ErrUncited},
		{"tottori:第1-2/other-plan", `"tottori:第1-2"`, `"ino:第5条"`, "$.organization.networks[0].cites[0]", ErrDangling},
		{"tottori:第1-2/keeper-not-member", `"purpose": "緊急時の初動対応を円滑に行うため",`, `"purpose": "x", "keeper": "police",`, "$.organization", ErrBadValue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := replaceInParts(string(base), tc.old, tc.new, 1)
			if data == string(base) {
				t.Fatalf("%s not found", tc.old)
			}
			_, err := ParsePlan([]byte(data))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, tc.sentinel) {
				t.Errorf("ParsePlan: %v; want %s and %v", err, tc.want, tc.sentinel)
			}
		})
	}
	nbase, err := Nakano().MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"nakano:ICT-BCP 3/no-text", `"text": "区民の生命、生活及び財産を守る",`, ``, "$.provisions.purposes[0].text"},
		{"nakano:統合仮想サーバ 3(4)②/no-with", `"with": "info-systems-division",`, ``, "$.continuity.schedule.agreed[0].with"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(string(nbase), tc.old, tc.new, 1)
			if data == string(nbase) {
				t.Fatalf("%s not found", tc.old)
			}
			_, err := ParsePlan([]byte(data))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrBadValue) {
				t.Errorf("ParsePlan: %v; want %s", err, tc.want)
			}
		})
	}
}
